/* bench-group.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The group analysis (sc-group-table.h) of a 1,000-employee round by every grouping
 * (whole, department, sex, age band, job type, position, employment type, and department
 * × sex crossed): the table built from the scored results, then both judgement charts
 * drawn for both sexes onto an 800 × 800 image surface, as the analysis screen does when
 * the grouping changes. Loading the results from the vault is the workspace's results
 * list, measured by bench-workspace.
 *
 * A benchmark, not a test: figures are TAP comments; it fails only when a result is
 * wrong. Goal (issue 9): < 50 ms per grouping.
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sc-secure.h"
#include "sc-vault.h"
#include "sc-vault-private.h"
#include "sc-test-util.h"
#include "sc-group-table.h"

#define N_EMPLOYEES 1000
#define N_REPEATS   7
#define CHART_SIZE  800

static const char * const departments[] = { "営業部", "開発部", "製造部", "総務部", "品質保証部",
                                            "物流部", "経理部", "人事部" };
static const char * const job_types[] = { "事務", "技術", "現業", "営業" };
static const char * const positions[] = { "一般", "主任", "課長", "部長" };
static const char * const employment[] = { "正社員", "契約社員", "パート" };

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
draw_charts (const ScGroupTable *table,
             cairo_t            *cr)
{
  for (guint c = 0; c < 4; c++)
    {
      cairo_save (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
      cairo_paint (cr);
      cairo_restore (cr);
      sc_group_table_draw_chart (table, cr, CHART_SIZE, CHART_SIZE,
                                 c < 2 ? SC_CHART_DEMAND_CONTROL : SC_CHART_SUPPORT,
                                 c % 2 == 0 ? SC_SEX_MALE : SC_SEX_FEMALE, NULL);
    }
}

int
main (int   argc,
      char *argv[])
{
  static const ScGrouping groupings[] = {
    { SC_GROUP_BY_WHOLE, SC_GROUP_BY_WHOLE, 0 },
    { SC_GROUP_BY_DEPARTMENT, SC_GROUP_BY_WHOLE, 0 },
    { SC_GROUP_BY_SEX, SC_GROUP_BY_WHOLE, 0 },
    { SC_GROUP_BY_AGE_BAND, SC_GROUP_BY_WHOLE, 0 },
    { SC_GROUP_BY_JOB_TYPE, SC_GROUP_BY_WHOLE, 0 },
    { SC_GROUP_BY_POSITION, SC_GROUP_BY_WHOLE, 0 },
    { SC_GROUP_BY_EMPLOYMENT_TYPE, SC_GROUP_BY_WHOLE, 0 },
    { SC_GROUP_BY_DEPARTMENT, SC_GROUP_BY_SEX, 0 },
  };
  g_autoptr(GPtrArray) employees =
    g_ptr_array_new_with_free_func ((GDestroyNotify) sc_employee_free);
  g_autofree ScGroupInput *inputs = g_new0 (ScGroupInput, N_EMPLOYEES);
  cairo_surface_t *surface;
  cairo_t *cr;
  guint test = 0;

  g_test_init (&argc, &argv, NULL);
  printf ("1..%u\n", (guint) G_N_ELEMENTS (groupings));

  for (guint i = 0; i < N_EMPLOYEES; i++)
    {
      ScEmployee *e = sc_employee_new ();
      guint8 answers[SC_BJSQ_N_ITEMS];

      e->number = g_strdup_printf ("B%05u", i);
      e->name = g_strdup ("bench");
      e->sex = i % 3 == 0 ? SC_SEX_FEMALE : SC_SEX_MALE;
      e->department = g_strdup (departments[i % G_N_ELEMENTS (departments)]);
      e->job_type = g_strdup (job_types[(i / 3) % G_N_ELEMENTS (job_types)]);
      e->position = g_strdup (positions[(i / 7) % G_N_ELEMENTS (positions)]);
      e->employment_type = g_strdup (employment[(i / 5) % G_N_ELEMENTS (employment)]);
      g_ptr_array_add (employees, e);
      test_answers (i, answers);
      if (i % 97 == 0)
        answers[i % SC_BJSQ_N_ITEMS] = 0;
      inputs[i].employee = e;
      inputs[i].age = 20 + (int) (i * 7 % 45);
      sc_score (answers, e->sex, NULL, &inputs[i].result);
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, CHART_SIZE, CHART_SIZE);
  cr = cairo_create (surface);
  for (guint g = 0; g < G_N_ELEMENTS (groupings); g++)
    {
      double times[N_REPEATS];
      guint rows = 0;

      for (guint r = 0; r < N_REPEATS; r++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(ScGroupTable) table = NULL;
          gint64 start = g_get_monotonic_time ();

          table = sc_group_table_new (inputs, N_EMPLOYEES, &groupings[g],
                                      SC_GROUP_MIN_SIZE_DEFAULT, NULL, &error);
          g_assert_no_error (error);
          g_assert_true (sc_group_table_is_analysable (table));
          draw_charts (table, cr);
          times[r] = (g_get_monotonic_time () - start) / 1000.0;
          rows = sc_group_table_get_n_rows (table);
        }
      qsort (times, N_REPEATS, sizeof times[0], compare_double);
      printf ("# %s%s%s: %u groups, table + 4 charts: median %.1f ms (min %.1f, max %.1f); "
              "goal < 50 ms\n",
              sc_group_by_to_string (groupings[g].by),
              groupings[g].cross != SC_GROUP_BY_WHOLE ? " x " : "",
              groupings[g].cross != SC_GROUP_BY_WHOLE
                ? sc_group_by_to_string (groupings[g].cross) : "",
              rows, times[N_REPEATS / 2], times[0], times[N_REPEATS - 1]);
      printf ("ok %u - %s\n", ++test, sc_group_by_to_string (groupings[g].by));
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return 0;
}
