/* bench-gui-group.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Group Analysis section on screen with a 1,000-employee round: for every grouping,
 * the time from choosing it to the next frame drawn with the new table and both
 * judgement charts for both sexes (the section analyses the round from the vault in the
 * worker thread, then the views draw). Run by hand, not a test:
 *
 *   xvfb-run -a dbus-run-session -- _build/tests/bench-gui-group
 *
 * Figures are TAP comments; it fails only when a result is wrong.
 */
#include "config.h"

#include "sc-test-gui-util.h"
#include "sc-test-section.h"

#include "sc-group-section.h"

#define N_EMPLOYEES 1000
#define N_REPEATS   5

static double
now_s (void)
{
  return (double) g_get_monotonic_time () / G_USEC_PER_SEC;
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static gboolean
section_idle (gpointer data)
{
  return !sc_group_section_get_busy (data);
}

static void
bench_gui_group (void)
{
  static const struct { ScGroupBy by, cross; const char *name; } groupings[] = {
    { SC_GROUP_BY_WHOLE, SC_GROUP_BY_WHOLE, "whole workplace" },
    { SC_GROUP_BY_DEPARTMENT, SC_GROUP_BY_WHOLE, "department" },
    { SC_GROUP_BY_SEX, SC_GROUP_BY_WHOLE, "sex" },
    { SC_GROUP_BY_AGE_BAND, SC_GROUP_BY_WHOLE, "age band" },
    { SC_GROUP_BY_JOB_TYPE, SC_GROUP_BY_WHOLE, "job type" },
    { SC_GROUP_BY_EMPLOYMENT_TYPE, SC_GROUP_BY_WHOLE, "employment type" },
    { SC_GROUP_BY_DEPARTMENT, SC_GROUP_BY_SEX, "department × sex" },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "bench.scvault", NULL);
  g_autoptr(ScVault) vault = test_create_vault (path, NULL);
  g_autoptr(GPtrArray) roster = test_roster (N_EMPLOYEES - 4);
  GtkWidget *section;
  GtkWindow *window;
  gint64 round_id;
  double start = now_s ();

  g_assert_true (sc_vault_upsert_employees (vault, roster, &error));
  round_id = sc_vault_create_round (vault, "bench", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < roster->len; i++)
    {
      ScEmployee *e = g_ptr_array_index (roster, i);
      guint8 answers[SC_BJSQ_N_ITEMS];

      test_answers (i, answers);
      g_assert_cmpint (sc_vault_submit (vault, round_id, e->number, answers, e->sex, NULL,
                                        &error), >, 0);
    }
  g_test_message ("made the round (%u submissions) in %.1f s", roster->len, now_s () - start);

  section = sc_group_section_new (vault, round_id);
  window = show_in_window (section, 1280, 1024);
  wait_until (section_idle, section);
  for (guint g = 0; g < G_N_ELEMENTS (groupings); g++)
    {
      double times[N_REPEATS], model[N_REPEATS];

      for (guint r = 0; r < N_REPEATS; r++)
        {
          /* From another grouping, so that each run analyses and draws anew. */
          sc_group_section_set_grouping (SC_GROUP_SECTION (section), SC_GROUP_BY_POSITION,
                                         SC_GROUP_BY_WHOLE);
          wait_until (section_idle, section);
          wait_for_frame (GTK_WIDGET (window));
          start = now_s ();
          sc_group_section_set_grouping (SC_GROUP_SECTION (section), groupings[g].by,
                                         groupings[g].cross);
          wait_until (section_idle, section);
          model[r] = now_s () - start;
          wait_for_frame (GTK_WIDGET (window));
          times[r] = now_s () - start;
          g_assert_cmpstr (sc_group_section_get_page (SC_GROUP_SECTION (section)), ==,
                           "analysis");
        }
      qsort (times, N_REPEATS, sizeof times[0], compare_double);
      qsort (model, N_REPEATS, sizeof model[0], compare_double);
      g_test_message ("%s: analyse + draw both charts %.1f ms (median of %d; the table and "
                      "the views updated in %.1f ms, the rest is the next frame)",
                      groupings[g].name, times[N_REPEATS / 2] * 1000, N_REPEATS,
                      model[N_REPEATS / 2] * 1000);
    }
  destroy_window (window);
  sc_vault_close (vault);
  test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  test_gui_init (&argc, &argv);
  g_test_add_func ("/bench/gui-group", bench_gui_group);
  return test_gui_run ();
}
