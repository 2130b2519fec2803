/* bench-report.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PDF reports (sc-report.h) on a 1,000-employee round made through the real API: 50
 * individual result sheets (goal < 2 s), the group report (goal < 0.5 s), 1,000 sheets
 * (should scale linearly from 50), and the resident memory while the 1,000-sheet batch
 * is written (should stay flat: pages go to the file as they are drawn).
 *
 * A benchmark, not a test: figures are TAP comments; it fails only when a result is
 * wrong (a wrong page count).
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sc-secure.h"
#include "sc-vault.h"
#include "sc-vault-private.h"
#include "sc-test-util.h"
#include "sc-report.h"

#define N_EMPLOYEES 1000

static double
now_s (void)
{
  return (double) g_get_monotonic_time () / G_USEC_PER_SEC;
}

/* VmRSS of this process in KiB, from /proc (0 where there is none). */
static guint64
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmRSS:");
  return line != NULL ? g_ascii_strtoull (line + 6, NULL, 10) : 0;
}

static gint64
make_round (ScVault *vault)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) roster = test_roster (N_EMPLOYEES - 4);
  gint64 round_id;

  g_assert_true (sc_vault_upsert_employees (vault, roster, &error));
  round_id = sc_vault_create_round (vault, "bench", "2026-10-01", "2026-10-31", NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < roster->len; i++)
    {
      ScEmployee *e = g_ptr_array_index (roster, i);
      guint8 answers[SC_BJSQ_N_ITEMS];

      test_answers (i, answers);
      sc_vault_submit (vault, round_id, e->number, answers, e->sex, NULL, &error);
      g_assert_no_error (error);
    }
  return round_id;
}

typedef struct
{
  guint64 rss_at_100;
  guint64 rss_max_after_100;
} MemoryWatch;

static void
watch_memory (guint    page,
              guint    n_pages,
              gpointer user_data)
{
  MemoryWatch *watch = user_data;

  /* Sampled every 30 pages (10 sheets): reading /proc is not free. */
  if (page % 30 != 0)
    return;
  if (page == 300)
    watch->rss_at_100 = rss_kib ();
  else if (page > 300)
    watch->rss_max_after_100 = MAX (watch->rss_max_after_100, rss_kib ());
}

static double
write_timed (ScVault               *vault,
             ScReportKind           kind,
             gint64                 round_id,
             const ScReportOptions *options,
             const char            *path,
             guint                  expect_pages,
             ScReportProgressFunc   progress,
             gpointer               progress_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScReport) report = NULL;
  double start = now_s ();
  double gathered;

  report = sc_report_new (vault, kind, round_id, options, &error);
  g_assert_no_error (error);
  gathered = now_s ();
  g_test_message ("  %s: gathering from the vault (opens every result) %.3f s",
                  sc_report_kind_to_string (kind), gathered - start);
  g_assert_true (sc_report_write_pdf (report, path, NULL, progress, progress_data, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sc_report_get_n_pages (report), ==, expect_pages);
  g_test_message ("  %s: drawing and writing %.3f s", sc_report_kind_to_string (kind),
                  now_s () - gathered);
  return now_s () - start;
}

static void
bench_report (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *vault_path = g_build_filename (dir, "bench.scvault", NULL);
  g_autofree char *pdf = g_build_filename (dir, "out.pdf", NULL);
  g_autoptr(ScVault) vault = test_create_vault (vault_path, NULL);
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  ScReportOptions fifty = { NULL };
  MemoryWatch watch = { 0 };
  double t50, t_group, t1000, t_warm;
  gint64 round_id;
  struct stat st;

  round_id = make_round (vault);
  for (guint i = 0; i < 50; i++)
    g_ptr_array_add (numbers, g_strdup_printf ("X%06u", i));
  g_ptr_array_add (numbers, NULL);
  fifty.numbers = (const char * const *) numbers->pdata;

  /* The first report loads the fonts; time it apart. */
  t_warm = write_timed (vault, SC_REPORT_LABOUR_OFFICE, round_id, NULL, pdf, 1, NULL, NULL);
  g_test_message ("first report (font loading): %.3f s", t_warm);

  t50 = write_timed (vault, SC_REPORT_INDIVIDUAL, round_id, &fifty, pdf, 150, NULL, NULL);
  g_assert_cmpint (g_stat (pdf, &st), ==, 0);
  g_test_message ("50 individual sheets (150 pages): %.3f s, %.0f KiB (goal < 2 s)", t50,
                  st.st_size / 1024.0);

  t_group = write_timed (vault, SC_REPORT_GROUP, round_id, NULL, pdf, 3, NULL, NULL);
  g_test_message ("group report (1,000 respondents, 7 groups, both charts): %.3f s "
                  "(goal < 0.5 s)", t_group);

  t1000 = write_timed (vault, SC_REPORT_INDIVIDUAL, round_id, NULL, pdf, 3000, watch_memory,
                       &watch);
  g_assert_cmpint (g_stat (pdf, &st), ==, 0);
  g_test_message ("1,000 individual sheets (3,000 pages): %.3f s, %.1f MiB; per sheet "
                  "%.2f ms against %.2f ms for 50 (ratio %.2f)", t1000,
                  st.st_size / 1048576.0, t1000, t50 * 1000 / 50, (t1000 / 1000) / (t50 / 50));
  g_test_message ("resident memory while writing 1,000 sheets: %" G_GUINT64_FORMAT
                  " KiB after 100 sheets, at most %" G_GUINT64_FORMAT " KiB after that "
                  "(+%" G_GINT64_FORMAT " KiB)", watch.rss_at_100, watch.rss_max_after_100,
                  (gint64) watch.rss_max_after_100 - (gint64) watch.rss_at_100);
  sc_vault_close (vault);
  test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/bench/report", bench_report);
  return g_test_run ();
}
