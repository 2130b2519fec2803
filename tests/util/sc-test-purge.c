/* sc-test-purge.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The two-round vault of the retention tests; see sc-test-purge.h.
 */
#include "config.h"

#include <string.h>

#include "sc-secure.h"
#include "sc-vault-private.h"
#include "sc-vault-purge.h"
#include "sc-workspace.h"
#include "sc-test-purge.h"

/* Employees X000000… who answered in the old round only and are still employed. */
#define PURGE_EXTRA 40

static char *
years_ago (int years,
           int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_years (now, -years);
  g_autoptr(GDateTime) earlier = g_date_time_add_days (then, -days);

  return g_date_time_format (earlier, "%Y-%m-%d");
}

static ScEmployee *
old_employee (gboolean active)
{
  ScEmployee *e = sc_employee_new ();

  e->number = g_strdup (PURGE_OLD_NUMBER);
  e->name = g_strdup (PURGE_OLD_NAME);
  e->kana = g_strdup (PURGE_OLD_KANA);
  e->sex = SC_SEX_FEMALE;
  e->department = g_strdup (PURGE_OLD_DEPARTMENT);
  e->active = active;
  return e;
}

/* At the kiosk: @number answers, and keeps the result under PURGE_CODE and @pin. */
static gint64
answer (ScVault       *vault,
        gint64         round_id,
        const char    *number,
        ScSex          sex,
        const guint8  *answers,
        const char    *pin)
{
  g_autoptr(GError) error = NULL;
  guint8 *key;
  gint64 id;

  id = sc_vault_submit (vault, round_id, number, answers, sex, NULL, &error);
  g_assert_no_error (error);
  key = sc_vault_derive_partial_key (vault, round_id, number, PURGE_CODE, &error);
  g_assert_no_error (error);
  g_assert_true (sc_vault_save_result_view (vault, round_id, number, key, pin, answers, sex,
                                            &error));
  g_assert_no_error (error);
  sc_secure_free (key);
  return id;
}

static void
set_codes (ScVault    *vault,
           gint64      round_id,
           const char *numbers[],
           guint       n)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_assert_true (sc_vault_set_access_code_hash (vault, round_id, numbers[i], "H-1",
                                                    &error));
      g_assert_no_error (error);
    }
}

/* Six years and a few days, in seconds. */
#define SIX_YEARS "(6 * 366 * 86400)"
#define OLD_SUBMISSIONS "(SELECT id FROM submissions WHERE round_id = ?1)"

/* Sets the old round's period six years back, signed as the implementer would, and the
 * times of its records with it. */
static void
move_round_back (PurgeFixture *f,
                 ScVault      *vault)
{
  static const char * const backdate[] = {
    "UPDATE submissions SET submitted_at = submitted_at - " SIX_YEARS " WHERE round_id = ?1",
    "UPDATE consents SET decided_at = decided_at - " SIX_YEARS
    " WHERE submission_id IN " OLD_SUBMISSIONS,
    "UPDATE interviews SET requested_at = requested_at - " SIX_YEARS
    " WHERE requested_at > 0 AND submission_id IN " OLD_SUBMISSIONS,
    "UPDATE interview_records SET updated_at = updated_at - " SIX_YEARS
    " WHERE submission_id IN " OLD_SUBMISSIONS,
    "UPDATE result_views SET created_at = created_at - " SIX_YEARS " WHERE round_id = ?1",
    "UPDATE reminders SET recorded_at = recorded_at - " SIX_YEARS " WHERE round_id = ?1",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GByteArray) canon = NULL;
  sqlite3 *db = sc_vault_get_db (vault);

  stmt = sc_vault_db_prepare (db, "UPDATE rounds SET period_start = ?, period_end = ?, "
                                  "created_at = created_at - 6 * 366 * 86400 WHERE id = ?",
                              &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, f->old_start, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, f->old_end, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, f->old_round);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  for (guint i = 0; i < G_N_ELEMENTS (backdate); i++)
    {
      g_autoptr(sqlite3_stmt) update = sc_vault_db_prepare (db, backdate[i], &error);

      g_assert_no_error (error);
      sqlite3_bind_int64 (update, 1, f->old_round);
      g_assert_cmpint (sqlite3_step (update), ==, SQLITE_DONE);
    }
  canon = _sc_vault_canon_round (db, f->old_round, NULL);
  g_assert_true (_sc_vault_sign_record (vault, "round", f->old_round, canon, &error));
  g_assert_no_error (error);
  g_assert_true (sc_vault_test_save (vault, &error));
  g_assert_no_error (error);
}

static void
make_old_round (PurgeFixture *f,
                ScVault      *vault)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScInterviewRecord) record = sc_interview_record_new ();
  const char *numbers[] = { test_people[0].number, PURGE_OLD_NUMBER, test_people[2].number,
                            test_people[1].number };
  guint8 answers1[SC_BJSQ_N_ITEMS];
  guint8 partial[SC_BJSQ_N_ITEMS] = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint8 *key;

  /* The kiosk takes answers only within the period: the round runs now, and moves six
   * years back below, as if that much time had passed. */
  f->old_round = sc_vault_create_round (vault, PURGE_OLD_ROUND_NAME, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  set_codes (vault, f->old_round, numbers, G_N_ELEMENTS (numbers));
  for (guint i = 0; i < PURGE_EXTRA; i++)
    {
      g_autofree char *number = g_strdup_printf ("X%06u", i);
      const char *one[] = { number };

      set_codes (vault, f->old_round, one, 1);
    }

  /* Answers found in no other round: every item 4, but the last four items 1. */
  memset (f->old_answers, 4, SC_BJSQ_N_ITEMS);
  memset (f->old_answers + SC_BJSQ_N_ITEMS - 4, 1, 4);
  test_answers (7001, f->old_answers0);
  test_answers (7002, answers1);

  g_assert_true (sc_vault_enter_kiosk (vault, &error));
  f->old_subs[0] = answer (vault, f->old_round, test_people[0].number, test_people[0].sex,
                           f->old_answers0, PURGE_TEST_PIN);
  sc_vault_record_consent (vault, f->old_subs[0], TRUE, &error);
  g_assert_no_error (error);
  /* Person 1 kept this one under PURGE_TEST_PIN, the recent one under another PIN. */
  answer (vault, f->old_round, test_people[1].number, test_people[1].sex, answers1,
          PURGE_TEST_PIN);
  f->old_subs[1] = answer (vault, f->old_round, PURGE_OLD_NUMBER, SC_SEX_FEMALE,
                           f->old_answers, PURGE_TEST_PIN);
  sc_vault_request_interview (vault, f->old_subs[1], &error);
  g_assert_no_error (error);
  /* Enough answers that the purge empties whole pages, which the rebuild then drops. */
  for (guint i = 0; i < PURGE_EXTRA; i++)
    {
      g_autofree char *number = g_strdup_printf ("X%06u", i);
      guint8 answers[SC_BJSQ_N_ITEMS];

      test_answers (9001 + i, answers);
      sc_vault_submit (vault, f->old_round, number, answers, SC_SEX_MALE, NULL, &error);
      g_assert_no_error (error);
    }
  /* Person 2 started and never finished. */
  key = sc_vault_derive_partial_key (vault, f->old_round, test_people[2].number, PURGE_CODE,
                                     &error);
  g_assert_no_error (error);
  memset (partial, 3, 12);
  g_assert_true (sc_vault_save_partial (vault, f->old_round, test_people[2].number, key,
                                        partial, &error));
  sc_secure_free (key);
  g_assert_true (sc_vault_leave_kiosk (vault, IMPL_PASS, &error));
  g_assert_no_error (error);

  g_assert_true (sc_vault_decide_interview_need (vault, f->old_subs[1],
                                                 SC_INTERVIEW_NEED_REQUIRED, PURGE_OLD_NOTE,
                                                 PURGE_OLD_DOCTOR, &error));
  g_assert_no_error (error);
  record->submission_id = f->old_subs[1];
  record->doctor = g_strdup (PURGE_OLD_DOCTOR);
  record->note = g_strdup (PURGE_OLD_NOTE);
  g_assert_true (sc_vault_save_interview_record (vault, record, &error));
  g_assert_no_error (error);
  {
    g_autofree char *today = years_ago (0, 0);

    g_assert_true (sc_vault_set_reminder (vault, f->old_round, test_people[3].number, today,
                                          &error));
    g_assert_no_error (error);
  }
  move_round_back (f, vault);

  stmt = sc_vault_db_prepare (sc_vault_get_db (vault),
                              "SELECT sealed_impl FROM submissions WHERE id = ?", NULL);
  sqlite3_bind_int64 (stmt, 1, f->old_subs[1]);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  f->old_sealed = g_bytes_new (sqlite3_column_blob (stmt, 0), 48);
}

static void
make_recent_round (PurgeFixture *f,
                   ScVault      *vault)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *start = years_ago (0, 20);
  const char *numbers[] = { test_people[0].number, test_people[1].number };
  guint8 answers[SC_BJSQ_N_ITEMS];

  f->recent_round = sc_vault_create_round (vault, PURGE_RECENT_NAME, start, f->recent_end,
                                           NULL, &error);
  g_assert_no_error (error);
  set_codes (vault, f->recent_round, numbers, G_N_ELEMENTS (numbers));
  g_assert_true (sc_vault_enter_kiosk (vault, &error));
  for (guint i = 0; i < 2; i++)
    {
      test_answers (8001 + i, answers);
      f->recent_subs[i] = answer (vault, f->recent_round, test_people[i].number,
                                  test_people[i].sex, answers,
                                  i == 0 ? PURGE_TEST_PIN : PURGE_OTHER_PIN);
      sc_vault_record_consent (vault, f->recent_subs[i], i == 0, &error);
      g_assert_no_error (error);
    }
  g_assert_true (sc_vault_leave_kiosk (vault, IMPL_PASS, &error));
  g_assert_no_error (error);
}

void
purge_fixture_setup (PurgeFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(GPtrArray) roster = test_roster (PURGE_EXTRA);
  g_autoptr(GPtrArray) left = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_employee_free);

  f->dir = test_make_dir ();
  f->path = g_build_filename (f->dir, "purge.scvault", NULL);
  f->old_start = years_ago (6, 30);
  f->old_end = years_ago (6, 0);
  f->recent_end = years_ago (0, -20);
  vault = test_create_vault (f->path, NULL);
  g_assert_true (sc_vault_set_hr_passphrase (vault, HR_PASS, &error));
  g_ptr_array_add (roster, old_employee (TRUE));
  g_assert_true (sc_vault_upsert_employees (vault, roster, &error));
  g_assert_no_error (error);

  make_old_round (f, vault);
  /* The old-round employee has left since. */
  g_ptr_array_add (left, old_employee (FALSE));
  g_assert_true (sc_vault_upsert_employees (vault, left, &error));
  g_assert_no_error (error);
  make_recent_round (f, vault);
}

void
purge_fixture_teardown (PurgeFixture *f)
{
  test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->old_start);
  g_free (f->old_end);
  g_free (f->recent_end);
  g_clear_pointer (&f->old_sealed, g_bytes_unref);
}

void
purge_assert_old_texts (const guint8 *haystack,
                        gsize         len,
                        gboolean      present,
                        const char   *what)
{
  const char *texts[] = {
    PURGE_OLD_ROUND_NAME, PURGE_OLD_NUMBER, PURGE_OLD_NAME, PURGE_OLD_KANA,
    PURGE_OLD_DEPARTMENT,
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (test_contains_bytes (haystack, len, texts[i]) != present)
      g_error ("%s %s “%s”", what, present ? "lacks" : "still holds", texts[i]);
}

gboolean
purge_contains_blob (const guint8 *haystack,
                     gsize         len,
                     GBytes       *needle)
{
  gsize n;
  const guint8 *p = g_bytes_get_data (needle, &n);

  for (gsize i = 0; n > 0 && i + n <= len; i++)
    if (memcmp (haystack + i, p, n) == 0)
      return TRUE;
  return FALSE;
}

static gint64
count_rows (sqlite3     *db,
            const char  *sql,
            gint64       id)
{
  g_autoptr(sqlite3_stmt) stmt = sc_vault_db_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

void
purge_assert_purged (PurgeFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(GBytes) db_bytes = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  g_autoptr(GPtrArray) subs = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autofree guint8 *file = NULL;
  const guint8 *data;
  gsize len, file_len;
  sqlite3 *db;
  gboolean purge_logged = FALSE;

  /* The open checks the audit chain and every signature: a failure is TAMPERED. */
  vault = sc_vault_open (f->path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  db = sc_vault_get_db (vault);

  db_bytes = sc_vault_test_serialize_db (vault);
  data = g_bytes_get_data (db_bytes, &len);
  purge_assert_old_texts (data, len, FALSE, "the decrypted database");
  g_assert_false (test_contains_bytes (data, len, f->old_start));
  g_assert_false (test_contains_bytes (data, len, PURGE_OLD_NOTE));
  g_assert_false (test_contains_bytes (data, len, PURGE_OLD_DOCTOR));
  g_assert_false (purge_contains_blob (data, len, f->old_sealed));
  file = test_read (f->path, &file_len);
  purge_assert_old_texts (file, file_len, FALSE, "the vault file");
  g_assert_false (purge_contains_blob (file, file_len, f->old_sealed));

  /* No row anywhere names the round or its submissions. */
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM rounds WHERE id = ?", f->old_round),
                   ==, 0);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM vault_signatures WHERE record_id = ? "
                                   "AND kind IN ('decision', 'recommendation')",
                               f->old_subs[1]), ==, 0);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM interview_records WHERE "
                                   "submission_id = ?", f->old_subs[1]), ==, 0);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM result_views WHERE round_id = ?",
                               f->old_round), ==, 0);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM partial_answers WHERE round_id = ?",
                               f->old_round), ==, 0);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM access_codes WHERE round_id = ?",
                               f->old_round), ==, 0);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM reminders WHERE round_id = ?",
                               f->old_round), ==, 0);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM consents WHERE submission_id = ?",
                               f->old_subs[0]), ==, 0);
  /* VACUUM left no free page. */
  g_assert_cmpint (count_rows (db, "SELECT ? + freelist_count FROM pragma_freelist_count", 0),
                   ==, 0);

  /* The recent round is whole: both submissions, both consents, people 0-3 on the roster. */
  rounds = sc_vault_list_rounds (vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rounds->len, ==, 1);
  g_assert_cmpstr (((ScVaultRound *) g_ptr_array_index (rounds, 0))->name, ==,
                   PURGE_RECENT_NAME);
  subs = sc_vault_list_submissions (vault, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (subs->len, ==, 2);
  g_assert_cmpint (((ScVaultSubmission *) g_ptr_array_index (subs, 0))->consent, ==,
                   SC_VAULT_CONSENT_YES);
  for (guint i = 0; i < 2; i++)
    {
      ScVaultResult result;

      g_assert_true (sc_vault_read_result (vault, f->recent_subs[i], &result, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpint (count_rows (db, "SELECT count(*) - ? FROM employees", 0), ==,
                   TEST_N_PEOPLE + PURGE_EXTRA);

  /* The purge is logged with the round's internal id only. */
  log = sc_vault_list_audit (vault, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < log->len; i++)
    {
      ScVaultAuditEntry *e = g_ptr_array_index (log, i);

      if (g_str_equal (e->action, "round.purge") && e->target == f->old_round)
        purge_logged = TRUE;
    }
  g_assert_true (purge_logged);
}
