/* bench-workspace-round.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The round of the workspace benchmarks: see bench-workspace-round.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "sc-secure.h"
#include "sc-vault.h"
#include "sc-test-util.h"
#include "sc-workspace.h"

#include "bench-workspace-round.h"

double
bench_now_s (void)
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

double
bench_median (double *v,
              guint   n)
{
  qsort (v, n, sizeof *v, compare_double);
  return v[n / 2];
}

double
bench_kdf_seconds (void)
{
  const ScVaultKdfLimits *limits = sc_vault_kdf_limits_for_testing ();
  guint8 key[32], salt[crypto_pwhash_SALTBYTES] = { 0 };
  double start = bench_now_s ();

  g_assert_cmpint (crypto_pwhash (key, sizeof key, IMPL_PASS, strlen (IMPL_PASS), salt,
                                  limits->opslimit, limits->memlimit,
                                  crypto_pwhash_ALG_ARGON2ID13), ==, 0);
  return bench_now_s () - start;
}

gint64
bench_make_round (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = test_create_vault (path, NULL);
  g_autoptr(GPtrArray) roster = test_roster (BENCH_N_EMPLOYEES - 4);
  guint decided = 0;
  gint64 round_id;
  double start = bench_now_s ();

  g_assert_true (sc_vault_set_hr_passphrase (vault, HR_PASS, &error));
  g_assert_true (sc_vault_upsert_employees (vault, roster, &error));
  round_id = sc_vault_create_round (vault, "bench", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < roster->len; i++)
    {
      ScEmployee *e = g_ptr_array_index (roster, i);
      guint8 answers[SC_BJSQ_N_ITEMS];
      ScResult result;
      gint64 id;

      test_answers (i, answers);
      if (i % 97 == 0)
        answers[i % SC_BJSQ_N_ITEMS] = 0;
      id = sc_vault_submit (vault, round_id, e->number, answers, e->sex, &result, &error);
      g_assert_no_error (error);
      if (i % 3 == 0)
        g_assert_true (sc_vault_record_consent (vault, id, i % 6 == 0, &error));
      if (i % 20 == 0)
        g_assert_true (sc_vault_request_interview (vault, id, &error));
      if (result.conversion.verdict == SC_VERDICT_HIGH && decided < 100)
        {
          g_assert_true (sc_vault_decide_interview_need (vault, id, decided % 2
                                                         ? SC_INTERVIEW_NEED_REQUIRED
                                                         : SC_INTERVIEW_NEED_NOT_REQUIRED,
                                                         "bench note", "Dr. Bench", &error));
          decided++;
        }
      g_assert_no_error (error);
    }
  g_test_message ("made the round (%u submissions through the API) in %.1f s", roster->len,
                  bench_now_s () - start);
  return round_id;
}
