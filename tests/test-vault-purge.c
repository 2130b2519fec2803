/* test-vault-purge.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Retention and purge (sc-vault-purge.h): which rounds are past their 5 years, and a
 * purge that leaves nothing of a six-year-old round in the decrypted database or the
 * file, keeps the recent round whole and the audit chain valid.
 */
#include "config.h"

#include <string.h>

#include "sc-vault-private.h"
#include "sc-vault-purge.h"
#include "sc-vault-async.h"
#include "sc-test-purge.h"

static void
test_retention_end (void)
{
  ScVaultRound round = { 0 };
  GDate end, today;

  round.period_start = (char *) "2020-03-01";
  round.period_end = (char *) "2020-03-31";
  sc_vault_round_retention_end (&round, &end);
  g_assert_cmpint (g_date_get_year (&end), ==, 2025);
  g_assert_cmpint (g_date_get_month (&end), ==, 3);
  g_assert_cmpint (g_date_get_day (&end), ==, 31);

  /* Kept through its last day, purgeable the day after. */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 31, 3, 2025);
  g_assert_false (sc_vault_round_is_purgeable (&round, &today));
  g_date_set_dmy (&today, 1, 4, 2025);
  g_assert_true (sc_vault_round_is_purgeable (&round, &today));

  /* Without an end date the start counts; without either, the day it was made. */
  round.period_end = NULL;
  sc_vault_round_retention_end (&round, &end);
  g_assert_cmpint (g_date_get_day (&end), ==, 1);
  round.period_start = (char *) "not a date";
  round.created_at = 1577836800 + 86400 * 10;   /* 2020-01-11 UTC */
  sc_vault_round_retention_end (&round, &end);
  g_assert_cmpint (g_date_get_year (&end), ==, 2025);
  g_assert_cmpint (g_date_get_month (&end), ==, 1);

  /* 29 February: 28 February five years on. */
  round.period_end = (char *) "2024-02-29";
  sc_vault_round_retention_end (&round, &end);
  g_assert_cmpint (g_date_get_year (&end), ==, 2029);
  g_assert_cmpint (g_date_get_day (&end), ==, 28);
}

static void
test_purge (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(ScVault) hr = NULL;
  g_autoptr(GPtrArray) purgeable = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autofree guint8 *file = NULL;
  PurgeFixture f = { 0 };
  guint removed = 99;
  guint64 counter;
  gsize len;

  purge_fixture_setup (&f);

  /* HR may not list or purge. */
  hr = sc_vault_open (f.path, HR_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_null (sc_vault_list_purgeable_rounds (hr, NULL, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (sc_vault_purge_round (hr, f.old_round, NULL, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
  g_clear_error (&error);
  g_clear_object (&hr);

  vault = sc_vault_open (f.path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  purgeable = sc_vault_list_purgeable_rounds (vault, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (purgeable->len, ==, 1);
  g_assert_cmpint (((ScVaultRound *) g_ptr_array_index (purgeable, 0))->id, ==, f.old_round);

  /* The texts are there before, so the search below can find them. */
  before = sc_vault_test_serialize_db (vault);
  purge_assert_old_texts (g_bytes_get_data (before, NULL), g_bytes_get_size (before), TRUE,
                          "the decrypted database");
  g_assert_true (purge_contains_blob (g_bytes_get_data (before, NULL),
                                     g_bytes_get_size (before), f.old_sealed));
  file = test_read (f.path, &len);
  g_assert_false (test_contains_bytes (file, len, PURGE_OLD_NAME));

  /* The recent round is still within its 5 years. */
  counter = sc_vault_get_save_counter (vault);
  g_assert_false (sc_vault_purge_round (vault, f.recent_round, NULL, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sc_vault_purge_round (vault, 9999, NULL, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (sc_vault_get_save_counter (vault), ==, counter);

  g_assert_true (sc_vault_purge_round (vault, f.old_round, &removed, &error));
  g_assert_no_error (error);
  /* The employee who left with the round goes; people 0 and 2, still employed, stay. */
  g_assert_cmpuint (removed, ==, 1);
  g_assert_cmpuint (sc_vault_get_save_counter (vault), ==, counter + 1);
  /* Rebuilt: the pages the round filled are gone, not only emptied. */
  {
    g_autoptr(GBytes) after = sc_vault_test_serialize_db (vault);

    g_test_message ("database %zu bytes before, %zu after", g_bytes_get_size (before),
                    g_bytes_get_size (after));
    g_assert_cmpuint (g_bytes_get_size (after), <, g_bytes_get_size (before));
  }
  g_clear_object (&vault);

  purge_assert_purged (&f);
  purge_fixture_teardown (&f);
}

/* An interview record saved after the round ended is kept its own 5 years: a round with
 * one saved a year ago is not purgeable, whatever its period. */
static void
test_late_record (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(GPtrArray) purgeable = NULL;
  g_autoptr(ScVaultRound) round = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  PurgeFixture f = { 0 };
  GDate end, expected;

  purge_fixture_setup (&f);
  vault = sc_vault_open (f.path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  stmt = sc_vault_db_prepare (sc_vault_get_db (vault),
                              "UPDATE interview_records SET updated_at = ? "
                              "WHERE submission_id = ?", &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, g_get_real_time () / G_USEC_PER_SEC - 366 * 86400);
  sqlite3_bind_int64 (stmt, 2, f.old_subs[1]);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_clear_pointer (&stmt, sqlite3_finalize);

  round = sc_vault_get_round (vault, f.old_round, &error);
  g_assert_no_error (error);
  g_assert_true (sc_vault_round_is_purgeable (round, NULL));
  g_assert_true (sc_vault_get_retention_end (vault, round, &end, &error));
  g_assert_no_error (error);
  sc_vault_local_today (&expected);
  g_date_add_years (&expected, SC_VAULT_RETENTION_YEARS - 1);
  g_assert_cmpint (g_date_days_between (&expected, &end), <=, 1);
  g_assert_cmpint (g_date_days_between (&expected, &end), >=, -1);

  purgeable = sc_vault_list_purgeable_rounds (vault, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (purgeable->len, ==, 0);
  g_assert_false (sc_vault_purge_round (vault, f.old_round, NULL, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);

  g_clear_object (&vault);
  purge_fixture_teardown (&f);
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
test_purge_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  PurgeFixture f = { 0 };
  guint removed = 0;

  purge_fixture_setup (&f);
  vault = sc_vault_open (f.path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  sc_vault_purge_round_async (vault, f.old_round, NULL, store_result_cb, &result);
  /* The vault belongs to the task until it is done. */
  g_assert_true (sc_vault_is_busy (vault));
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (sc_vault_purge_round_finish (vault, result, &removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 1);
  g_clear_object (&result);
  g_clear_object (&vault);

  purge_assert_purged (&f);
  purge_fixture_teardown (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vault-purge/retention-end", test_retention_end);
  g_test_add_func ("/vault-purge/purge", test_purge);
  g_test_add_func ("/vault-purge/async", test_purge_async);
  g_test_add_func ("/vault-purge/late-record", test_late_record);
  return g_test_run ();
}
