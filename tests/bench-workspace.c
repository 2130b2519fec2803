/* bench-workspace.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workspace core (sc-workspace.h) on a 1,000-employee round: unlock to the overview
 * counts (Argon2id excluded), the results list (open and score every submission), the
 * filter per keystroke over that list, and opening one individual result. The round is
 * made through the real API: 1,000 submissions, a third with consent, one in twenty with
 * an interview request, a decision for a hundred high-stress people.
 *
 * A benchmark, not a test: figures are TAP comments; it fails only when a result is
 * wrong. Goals (issue 8): overview < 150 ms, filter < 16 ms per keystroke, open < 50 ms.
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sc-secure.h"
#include "sc-vault.h"
#include "sc-vault-private.h"
#include "sc-test-util.h"
#include "sc-workspace.h"

#include "bench-workspace-round.h"

#define N_EMPLOYEES BENCH_N_EMPLOYEES
#define N_REPEATS   7

static void
bench_workspace (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "bench.scvault", NULL);
  g_autoptr(GPtrArray) rows = NULL;
  double open_t[N_REPEATS], counts_t[N_REPEATS], total_t[N_REPEATS], list_t[N_REPEATS];
  double kdf[N_REPEATS], open_one[N_REPEATS * 3];
  double key_worst = 0, key_times[64];
  guint n_keys = 0, high = 0;
  const char *typed = "worker 12";
  gint64 round_id = bench_make_round (path);

  for (guint r = 0; r < N_REPEATS; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScVault) vault = NULL;
      ScRoundCounts counts;
      double t0, t1, t2;

      kdf[r] = bench_kdf_seconds ();
      t0 = bench_now_s ();
      vault = sc_vault_open (path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
      g_assert_no_error (error);
      t1 = bench_now_s ();
      g_assert_true (sc_vault_get_round_counts (vault, round_id, &counts, &error));
      g_assert_no_error (error);
      t2 = bench_now_s ();
      g_assert_cmpuint (counts.answered, ==, N_EMPLOYEES);
      open_t[r] = MAX (0, t1 - t0 - kdf[r]);
      counts_t[r] = t2 - t1;
      total_t[r] = open_t[r] + counts_t[r];
      high = counts.high_stress;

      g_clear_pointer (&rows, g_ptr_array_unref);
      t0 = bench_now_s ();
      rows = sc_vault_list_results (vault, round_id, &error);
      list_t[r] = bench_now_s () - t0;
      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, N_EMPLOYEES);

      for (guint k = 0; k < 3; k++)
        {
          ScResultRow *pick = g_ptr_array_index (rows, (r * 3 + k) * 131 % rows->len);
          g_autoptr(ScResultRow) row = NULL;
          g_autoptr(ScInterviewRecord) record = NULL;
          ScInterviewDecision decision;
          ScVaultResult full;

          t0 = bench_now_s ();
          g_assert_true (sc_vault_read_result (vault, pick->submission_id, &full, &error));
          row = sc_vault_get_result_row (vault, pick->submission_id, &error);
          g_assert_true (sc_vault_get_interview_decision (vault, pick->submission_id,
                                                          &decision, &error));
          record = sc_vault_get_interview_record (vault, pick->submission_id, &error);
          open_one[r * 3 + k] = bench_now_s () - t0;
          g_assert_no_error (error);
          g_assert_cmpmem (&row->result, sizeof row->result, &pick->result,
                           sizeof pick->result);
          sc_interview_decision_clear (&decision);
        }
    }

  /* Typing "worker 12" into the search field, with each filter flag set in turn. */
  for (guint f = 0; f < 6; f++)
    for (gsize len = 1; len <= strlen (typed); len++)
      {
        ScResultFilterFlags flags = f == 0 ? SC_RESULT_FILTER_NONE : 1u << (f - 1);
        g_autofree char *text = g_strndup (typed, len);
        g_autofree char *search = NULL;
        g_autoptr(GPtrArray) out = NULL;
        double t0 = bench_now_s (), t;

        search = sc_result_filter_prepare_search (text);
        out = sc_result_rows_filter (rows, flags, search);
        t = bench_now_s () - t0;
        if (f == 0 && len == strlen (typed))
          g_assert_cmpuint (out->len, ==, 11);   /* Worker 12, 120-129 */
        key_worst = MAX (key_worst, t);
        if (n_keys < G_N_ELEMENTS (key_times))
          key_times[n_keys++] = t;
      }
  {
    g_autoptr(GPtrArray) all_high = sc_result_rows_filter (rows, SC_RESULT_FILTER_HIGH_STRESS,
                                                           NULL);

    g_assert_cmpuint (all_high->len, ==, high);
  }

  g_test_message ("%u employees, %u high stress; medians of %u", N_EMPLOYEES, high,
                  N_REPEATS);
  g_test_message ("Argon2id (test limits, excluded): %.2f ms", bench_median (kdf, N_REPEATS) * 1e3);
  g_test_message ("unlock to the overview: open %.1f ms + counts %.1f ms = %.1f ms "
                  "(goal < 150 ms)", bench_median (open_t, N_REPEATS) * 1e3,
                  bench_median (counts_t, N_REPEATS) * 1e3, bench_median (total_t, N_REPEATS) * 1e3);
  g_test_message ("results list (open and score all): %.1f ms",
                  bench_median (list_t, N_REPEATS) * 1e3);
  g_test_message ("filter per keystroke: median %.3f ms, worst %.3f ms over %u (goal < 16 ms)",
                  bench_median (key_times, n_keys) * 1e3, key_worst * 1e3, n_keys);
  g_test_message ("open one individual result (result, row, decision, interview): "
                  "median %.2f ms over %u (goal < 50 ms)",
                  bench_median (open_one, N_REPEATS * 3) * 1e3, N_REPEATS * 3);
  test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (sodium_init (), >=, 0);
  g_test_add_func ("/bench/workspace", bench_workspace);
  return g_test_run ();
}
