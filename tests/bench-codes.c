/* bench-codes.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issuing access codes (issue 12 §5): 1,000 employees, the default Argon2id cost for code
 * hashes (SC_ACCESS_CODE_OPSLIMIT_DEFAULT, SC_ACCESS_CODE_MEMLIMIT_DEFAULT), one batch and
 * one durable save. Also one hash on one core, and one kiosk check of a typed code.
 *
 * A benchmark, not a test: figures go to TAP comments (BENCHMARKS.md, "Access codes"); it
 * fails only when a result is wrong (a code that does not verify, more than one save),
 * never because the machine is slow. Goal: 1,000 codes in under 10 s.
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sc-secure.h"
#include "sc-vault.h"
#include "sc-vault-private.h"
#include "sc-test-util.h"
#include "sc-access-code.h"

#define N_EMPLOYEES 1000

static double
now_s (void)
{
  return (double) g_get_monotonic_time () / G_USEC_PER_SEC;
}

static gboolean
verify_cb (const char *hash,
           gpointer    user_data)
{
  return sc_access_code_verify (hash, user_data, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "bench.scvault", NULL);
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(GPtrArray) roster = test_roster (N_EMPLOYEES - G_N_ELEMENTS (test_people));
  g_autoptr(GString) csv = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) first = NULL;
  char code[SC_ACCESS_CODE_SIZE];
  g_autofree char *hash = NULL;
  double t0, issue_s, hash_s, check_s;
  guint64 before;
  gint64 round_id;
  guint n_rows = 0;

  /* The real cost: no STRESSCHECK_KDF=min here. */
  g_unsetenv ("STRESSCHECK_KDF");
  sc_vault_test_set_state_dir (dir);
  printf ("1..1\n");

  vault = test_create_vault (path, NULL);
  g_assert_true (sc_vault_upsert_employees (vault, roster, &error));
  round_id = sc_vault_create_round (vault, "bench", NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (sc_access_code_generate (code, &error));
  t0 = now_s ();
  hash = sc_access_code_hash (code, SC_ACCESS_CODE_OPSLIMIT_DEFAULT,
                              SC_ACCESS_CODE_MEMLIMIT_DEFAULT, &error);
  hash_s = now_s () - t0;
  g_assert_nonnull (hash);

  before = sc_vault_get_save_counter (vault);
  t0 = now_s ();
  g_assert_true (sc_vault_issue_access_codes (vault, round_id, roster, csv, &error));
  issue_s = now_s () - t0;
  g_assert_no_error (error);
  g_assert_cmpuint (sc_vault_get_save_counter (vault), ==, before + 1);

  lines = g_strsplit (csv->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    n_rows += lines[i][0] != '\0';
  g_assert_cmpuint (n_rows, ==, N_EMPLOYEES);
  first = g_strsplit (lines[0], ",", 3);

  t0 = now_s ();
  g_assert_true (sc_vault_check_access_code (vault, round_id, first[0], verify_cb, first[2],
                                             &error));
  check_s = now_s () - t0;
  g_assert_no_error (error);

  printf ("# Argon2id for code hashes: opslimit %" G_GUINT64_FORMAT ", memlimit %" G_GSIZE_FORMAT
          " MiB, %u threads\n", (guint64) SC_ACCESS_CODE_OPSLIMIT_DEFAULT,
          SC_ACCESS_CODE_MEMLIMIT_DEFAULT >> 20, g_get_num_processors ());
  printf ("# one code hash on one core: %.1f ms\n", hash_s * 1000);
  printf ("# issue %u codes (generate, hash, one durable save): %.2f s (goal < 10 s)\n",
          N_EMPLOYEES, issue_s);
  printf ("# one kiosk code check (hash verify and lock-out bookkeeping): %.1f ms\n",
          check_s * 1000);
  printf ("ok 1 codes\n");

  sc_secure_wipe (csv->str, csv->len);
  sc_vault_close (vault);
  /* The rollback and slot records of this computer went to @dir as well. */
  for (guint i = 0; i < 3; i++)
    {
      static const char * const sub[] = { "rollback", "slots", "" };
      g_autofree char *d = g_build_filename (dir, "stresscheck", sub[i], NULL);

      test_remove_dir (d);
    }
  test_remove_dir (dir);
  return 0;
}
