/* test-vault-past-results.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Earlier years' kept results (sc-vault-past-results.h) on the two-round vault of
 * sc-test-purge.h: with this year's code and the same PIN, the earlier result opens and is
 * scored with its round's criteria; a result kept under another PIN does not open and is
 * counted; a wrong PIN opens nothing and counts against the code; a purged round's copy is
 * gone.
 */
#include "config.h"

#include "sc-secure.h"
#include "sc-vault-private.h"
#include "sc-vault-purge.h"
#include <string.h>

#include "sc-vault-past-results.h"
#include "sc-test-purge.h"

static GPtrArray *
load (ScVault     *vault,
      PurgeFixture *f,
      guint        person,
      const char  *pin,
      guint       *unopened,
      GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GPtrArray *list;
  guint8 *key;

  key = sc_vault_derive_partial_key (vault, f->recent_round, test_people[person].number,
                                     PURGE_CODE, &local_error);
  g_assert_no_error (local_error);
  list = sc_vault_load_past_results (vault, f->recent_round, test_people[person].number, key,
                                     pin, unopened, error);
  sc_secure_free (key);
  return list;
}

static void
test_past_results (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(GPtrArray) list = NULL;
  PurgeFixture f = { 0 };
  ScVaultPastResult *past;
  ScResult expected;
  guint unopened = 99;

  purge_fixture_setup (&f);
  vault = sc_vault_open (f.path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);

  /* Person 0: the same PIN both years. */
  list = load (vault, &f, 0, PURGE_TEST_PIN, &unopened, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpuint (unopened, ==, 0);
  past = g_ptr_array_index (list, 0);
  g_assert_cmpint (past->round_id, ==, f.old_round);
  g_assert_cmpstr (past->round_name, ==, PURGE_OLD_ROUND_NAME);
  g_assert_cmpstr (past->period_end, ==, f.old_end);
  sc_score (f.old_answers0, test_people[0].sex, NULL, &expected);
  test_assert_results_equal (&past->result, &expected);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Person 1 kept the earlier one under another PIN: this year's opens, that one not. */
  list = load (vault, &f, 1, PURGE_OTHER_PIN, &unopened, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_cmpuint (unopened, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* The earlier PIN does not open this year's copy, so nothing is shown. */
  list = load (vault, &f, 1, PURGE_TEST_PIN, &unopened, &error);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_ACCESS_DENIED);
  g_assert_null (list);
  g_clear_error (&error);

  /* The old round purged: its copy went with it. */
  g_assert_true (sc_vault_purge_round (vault, f.old_round, NULL, &error));
  g_assert_no_error (error);
  list = load (vault, &f, 0, PURGE_TEST_PIN, &unopened, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_cmpuint (unopened, ==, 0);

  g_clear_object (&vault);
  purge_fixture_teardown (&f);
}

/* Kept with the same PIN, which both years opens the result again, but a short one: no copy
 * under the PIN alone was kept (anyone with the data key could try every short PIN), so the
 * earlier year is counted and not shown. */
static void
keep (ScVault      *vault,
      gint64        round_id,
      guint         person,
      const char   *pin,
      const guint8 *answers)
{
  g_autoptr(GError) error = NULL;
  guint8 *key;

  key = sc_vault_derive_partial_key (vault, round_id, test_people[person].number, PURGE_CODE,
                                     &error);
  g_assert_no_error (error);
  g_assert_true (sc_vault_save_result_view (vault, round_id, test_people[person].number, key,
                                            pin, answers, test_people[person].sex, &error));
  g_assert_no_error (error);
  sc_secure_free (key);
}

static void
test_short_pin (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(GPtrArray) list = NULL;
  PurgeFixture f = { 0 };
  guint unopened = 99;
  const char *short_pin = "4829";

  g_assert_cmpuint (strlen (short_pin), <, SC_VAULT_PIN_PAST_YEARS_DIGITS);
  purge_fixture_setup (&f);
  vault = sc_vault_open (f.path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);

  keep (vault, f.old_round, 0, short_pin, f.old_answers0);
  keep (vault, f.recent_round, 0, short_pin, f.old_answers0);
  list = load (vault, &f, 0, short_pin, &unopened, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_cmpuint (unopened, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Kept again with a long PIN in both years: shown again. */
  keep (vault, f.old_round, 0, PURGE_TEST_PIN, f.old_answers0);
  keep (vault, f.recent_round, 0, PURGE_TEST_PIN, f.old_answers0);
  list = load (vault, &f, 0, PURGE_TEST_PIN, &unopened, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpuint (unopened, ==, 0);

  g_clear_object (&vault);
  purge_fixture_teardown (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vault-past-results/pin", test_past_results);
  g_test_add_func ("/vault-past-results/short-pin", test_short_pin);
  return g_test_run ();
}
