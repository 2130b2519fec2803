/* test-vault-rounds.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 11 §2 in the core: editing a round's period, reopening a closed round, changing
 * its criteria (stored results are judged again when read), and the access codes of
 * employees added later, of one employee reissued, and the list of who has one.
 */
#include "config.h"

#include <string.h>

#include "sc-access-code.h"
#include "sc-secure.h"
#include "sc-vault.h"
#include "sc-workspace.h"
#include "sc-test-util.h"

static char *
today (gint days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static gboolean
audited (ScVault    *vault,
         const char *action)
{
  g_autoptr(GPtrArray) audit = sc_vault_list_audit (vault, NULL);

  g_assert_nonnull (audit);
  for (guint i = 0; i < audit->len; i++)
    if (g_str_equal (((ScVaultAuditEntry *) g_ptr_array_index (audit, i))->action, action))
      return TRUE;
  return FALSE;
}

/* The implementer's open checks every round's signature: TAMPERED if one was not signed
 * again after a change. */
static void
assert_signatures_hold (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) copy = sc_vault_open (path, IMPL_PASS, SC_VAULT_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  g_assert_nonnull (copy);
}

static void
test_edit_period (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "v.scvault", NULL);
  g_autoptr(ScVault) vault = test_create_vault (path, NULL);
  g_autoptr(GPtrArray) roster = test_roster (0);
  g_autoptr(ScVaultRound) round = NULL;
  g_autofree char *yesterday = today (-1);
  g_autofree char *now = today (0);
  g_autofree char *tomorrow = today (1);
  guint8 answers[SC_BJSQ_N_ITEMS];
  gint64 id;

  test_answers (3, answers);
  g_assert_true (sc_vault_upsert_employees (vault, roster, &error));
  id = sc_vault_create_round (vault, "R", now, now, NULL, &error);
  g_assert_no_error (error);

  /* Not days, the last day before the first, no name. */
  g_assert_false (sc_vault_update_round (vault, id, "R", "2026-02-30", now, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sc_vault_update_round (vault, id, "R", tomorrow, yesterday, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sc_vault_update_round (vault, id, "", now, now, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sc_vault_create_round (vault, "Backwards", tomorrow, yesterday, NULL, &error),
                   ==, 0);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sc_vault_check_round_period (now, now, &error));
  g_assert_true (sc_vault_check_round_period (NULL, NULL, &error));

  /* Someone answers today: the period can grow but not leave today out. */
  g_assert_true (sc_vault_enter_kiosk (vault, &error));
  g_assert_cmpint (sc_vault_submit (vault, id, test_people[0].number, answers, SC_SEX_MALE,
                                    NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (sc_vault_leave_kiosk (vault, IMPL_PASS, &error));
  g_assert_false (sc_vault_update_round (vault, id, "R", tomorrow, tomorrow, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, now));
  g_clear_error (&error);
  g_assert_false (sc_vault_update_round (vault, id, "R", yesterday, yesterday, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (sc_vault_update_round (vault, id, "Renamed", yesterday, tomorrow, &error));
  g_assert_no_error (error);
  round = sc_vault_get_round (vault, id, &error);
  g_assert_cmpstr (round->name, ==, "Renamed");
  g_assert_cmpstr (round->period_start, ==, yesterday);
  g_assert_cmpstr (round->period_end, ==, tomorrow);
  g_assert_true (audited (vault, "round.edit"));

  /* HR may not. */
  g_assert_true (sc_vault_set_hr_passphrase (vault, HR_PASS, &error));
  sc_vault_lock (vault);
  g_assert_true (sc_vault_unlock (vault, HR_PASS, &error));
  g_assert_false (sc_vault_update_round (vault, id, "X", NULL, NULL, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
  g_clear_error (&error);
  sc_vault_close (vault);
  assert_signatures_hold (path);
  test_remove_dir (dir);
}

static void
test_reopen (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "v.scvault", NULL);
  g_autoptr(ScVault) vault = test_create_vault (path, NULL);
  g_autoptr(GPtrArray) roster = test_roster (0);
  g_autoptr(ScVaultRound) round = NULL;
  g_autofree char *now = today (0);
  guint8 answers[SC_BJSQ_N_ITEMS];
  gint64 id, past;

  test_answers (5, answers);
  g_assert_true (sc_vault_upsert_employees (vault, roster, &error));
  id = sc_vault_create_round (vault, "R", now, now, NULL, &error);
  past = sc_vault_create_round (vault, "Past", "2001-01-01", "2001-01-31", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sc_vault_close_round (vault, id, &error));
  g_assert_true (sc_vault_close_round (vault, past, &error));

  /* Closed: no answers. */
  g_assert_cmpint (sc_vault_submit (vault, id, test_people[1].number, answers, SC_SEX_MALE,
                                    NULL, &error), ==, 0);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
  g_clear_error (&error);

  /* A period that has ended cannot be reopened. */
  g_assert_false (sc_vault_reopen_round (vault, past, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2001-01-31"));
  g_clear_error (&error);

  g_assert_true (sc_vault_reopen_round (vault, id, &error));
  g_assert_no_error (error);
  round = sc_vault_get_round (vault, id, &error);
  g_assert_false (round->closed);
  g_assert_true (audited (vault, "round.reopen"));
  g_assert_cmpint (sc_vault_submit (vault, id, test_people[1].number, answers, SC_SEX_MALE,
                                    NULL, &error), >, 0);
  g_assert_no_error (error);
  sc_vault_close (vault);
  assert_signatures_hold (path);
  test_remove_dir (dir);
}

static void
test_criteria (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "v.scvault", NULL);
  g_autoptr(ScVault) vault = test_create_vault (path, NULL);
  g_autoptr(GPtrArray) roster = test_roster (0);
  g_autoptr(ScVaultRound) round = NULL;
  GPtrArray *rows = NULL;
  ScCriteria criteria, bad;
  ScVaultResult result;
  guint8 answers[SC_BJSQ_N_ITEMS];
  gint64 id, sub;
  int b;

  test_answers (7, answers);
  g_assert_true (sc_vault_upsert_employees (vault, roster, &error));
  id = sc_vault_create_round (vault, "R", NULL, NULL, NULL, &error);
  sub = sc_vault_submit (vault, id, test_people[0].number, answers, SC_SEX_MALE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sc_vault_read_result (vault, sub, &result, &error));
  b = result.result.sum.b;
  g_assert_cmpint (b, >, 29);
  g_assert_cmpint (b, <, 116);

  /* Out of range: refused, nothing stored. */
  sc_criteria_init_default (&bad);
  bad.sum_b_min = 1000;
  g_assert_false (sc_vault_set_round_criteria (vault, id, &bad, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* その1 with ㋐ at this person's B: high stress, when read. */
  sc_criteria_init_default (&criteria);
  criteria.method = SC_METHOD_SUM;
  criteria.sum_b_min = b;
  g_assert_true (sc_vault_set_round_criteria (vault, id, &criteria, &error));
  g_assert_no_error (error);
  round = sc_vault_get_round (vault, id, &error);
  g_assert_cmpint (round->criteria.method, ==, SC_METHOD_SUM);
  g_assert_cmpint (round->criteria.sum_b_min, ==, b);
  g_assert_true (sc_vault_read_result (vault, sub, &result, &error));
  g_assert_cmpint (result.result.sum.verdict, ==, SC_VERDICT_HIGH);
  g_assert_true (result.result.sum.criteria & SC_CRITERION_A);
  rows = sc_vault_list_results (vault, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpint (((ScResultRow *) g_ptr_array_index (rows, 0))->verdict, ==, SC_VERDICT_HIGH);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Both criteria just above it: not high. */
  criteria.sum_b_min = b + 1;
  criteria.sum_ac_b_min = b + 1;
  g_assert_true (sc_vault_set_round_criteria (vault, id, &criteria, &error));
  g_assert_true (sc_vault_read_result (vault, sub, &result, &error));
  g_assert_cmpint (result.result.sum.verdict, ==, SC_VERDICT_NOT_HIGH);
  rows = sc_vault_list_results (vault, id, &error);
  g_assert_cmpint (((ScResultRow *) g_ptr_array_index (rows, 0))->verdict, ==,
                   SC_VERDICT_NOT_HIGH);
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_true (audited (vault, "round.criteria"));

  /* A closed round keeps its criteria. */
  g_assert_true (sc_vault_close_round (vault, id, &error));
  g_assert_false (sc_vault_set_round_criteria (vault, id, &criteria, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
  g_clear_error (&error);
  sc_vault_close (vault);
  assert_signatures_hold (path);
  test_remove_dir (dir);
}

static gboolean
collect_cb (const char  *csv,
            gsize        len,
            gpointer     user_data,
            GError     **error)
{
  g_string_append_len (user_data, csv, (gssize) len);
  return TRUE;
}

static gboolean
login (ScVault    *vault,
       gint64      round_id,
       const char *number,
       const char *code)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = sc_vault_check_access_code (vault, round_id, number, test_verify_code_cb,
                                            (gpointer) code, &error);

  if (!ok)
    g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_ACCESS_DENIED);
  return ok;
}

static void
test_codes (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "v.scvault", NULL);
  g_autoptr(ScVault) vault = test_create_vault (path, NULL);
  g_autoptr(GPtrArray) roster = test_roster (0);
  g_autoptr(GPtrArray) later = test_roster (1);
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  g_autoptr(GHashTable) holders = NULL;
  g_autoptr(GHashTable) first = NULL;
  g_autoptr(GHashTable) added = NULL;
  g_autoptr(GHashTable) again = NULL;
  GString *csv = g_string_new (NULL);
  const char *newcomer;
  gint64 id;

  /* The first roster. */
  g_assert_true (sc_vault_upsert_employees (vault, roster, &error));
  id = sc_vault_create_round (vault, "R", NULL, NULL, NULL, &error);
  holders = sc_vault_list_code_holders (vault, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (holders), ==, 0);
  g_clear_pointer (&holders, g_hash_table_unref);

  g_assert_true (sc_vault_issue_missing_access_codes_full (vault, id, roster, collect_cb, csv,
                                                           &error));
  g_assert_no_error (error);
  first = test_parse_codes (csv->str);
  g_assert_cmpuint (g_hash_table_size (first), ==, TEST_N_PEOPLE);
  holders = sc_vault_list_code_holders (vault, id, &error);
  g_assert_cmpuint (g_hash_table_size (holders), ==, TEST_N_PEOPLE);
  for (guint i = 0; i < TEST_N_PEOPLE; i++)
    g_assert_true (g_hash_table_contains (holders, test_people[i].number));
  g_clear_pointer (&holders, g_hash_table_unref);

  /* An employee added later: only they get a code; every earlier code still works. */
  g_assert_true (sc_vault_upsert_employees (vault, later, &error));
  newcomer = ((ScEmployee *) g_ptr_array_index (later, TEST_N_PEOPLE))->number;
  g_string_truncate (csv, 0);
  g_assert_true (sc_vault_issue_missing_access_codes_full (vault, id, later, collect_cb, csv,
                                                           &error));
  added = test_parse_codes (csv->str);
  g_assert_cmpuint (g_hash_table_size (added), ==, 1);
  g_assert_true (g_hash_table_contains (added, newcomer));
  g_assert_true (login (vault, id, newcomer, g_hash_table_lookup (added, newcomer)));
  g_assert_true (login (vault, id, test_people[2].number,
                        g_hash_table_lookup (first, test_people[2].number)));
  holders = sc_vault_list_code_holders (vault, id, &error);
  g_assert_cmpuint (g_hash_table_size (holders), ==, TEST_N_PEOPLE + 1);

  /* Everyone has one: nothing is issued. */
  g_string_truncate (csv, 0);
  g_assert_true (sc_vault_issue_missing_access_codes_full (vault, id, later, collect_cb, csv,
                                                           &error));
  g_assert_cmpuint (csv->len, ==, 0);

  /* Reissue one: the old code stops working, the new one works, the others are kept. */
  g_ptr_array_add (one, g_ptr_array_index (roster, 0));
  g_assert_true (sc_vault_issue_access_codes_full (vault, id, one, collect_cb, csv, &error));
  again = test_parse_codes (csv->str);
  g_assert_cmpuint (g_hash_table_size (again), ==, 1);
  g_assert_false (login (vault, id, test_people[0].number,
                         g_hash_table_lookup (first, test_people[0].number)));
  g_assert_true (login (vault, id, test_people[0].number,
                        g_hash_table_lookup (again, test_people[0].number)));
  g_assert_true (login (vault, id, test_people[1].number,
                        g_hash_table_lookup (first, test_people[1].number)));
  g_assert_true (audited (vault, "access_code.set"));

  /* The kiosk may not ask who has a code. */
  g_assert_true (sc_vault_enter_kiosk (vault, &error));
  g_assert_null (sc_vault_list_code_holders (vault, id, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
  g_clear_error (&error);
  sc_secure_wipe (csv->str, csv->len);
  g_string_free (csv, TRUE);
  test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/vault/rounds/edit-period", test_edit_period);
  g_test_add_func ("/vault/rounds/reopen", test_reopen);
  g_test_add_func ("/vault/rounds/criteria", test_criteria);
  g_test_add_func ("/vault/rounds/codes", test_codes);
  return g_test_run ();
}
