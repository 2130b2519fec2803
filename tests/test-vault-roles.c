/* test-vault-roles.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Roles enforced by cryptography (DESIGN.md §2 property 5, §3): HR cannot open a
 * result the employee did not share, the kiosk holds no secret key, and leaving the
 * kiosk needs a passphrase. Also the store API around submissions.
 */
#include "config.h"

#include "sc-test-util.h"
#include "sc-access-code.h"
#include "sc-secure.h"
#include "sc-vault.h"
#include "sc-vault-private.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

typedef struct
{
  char    *dir;
  char    *path;
  gint64   round_id;
  gint64   sub[4];      /* consent yes, consent no, undecided, interview without consent */
  guint8   answers[4][SC_BJSQ_N_ITEMS];
} Fixture;

static gint64
submit (ScVault    *vault,
        gint64      round_id,
        guint       person,
        guint8      answers[SC_BJSQ_N_ITEMS],
        ScResult   *result)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  test_answers (person + 1, answers);
  id = sc_vault_submit (vault, round_id, test_people[person].number, answers,
                        test_people[person].sex, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* An implementer sets up a round, hands over to the kiosk, and four employees answer. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(GPtrArray) roster = test_roster (0);

  f->dir = test_make_dir ();
  f->path = g_build_filename (f->dir, "roles.scvault", NULL);
  vault = test_create_vault (f->path, NULL);
  g_assert_true (sc_vault_set_hr_passphrase (vault, HR_PASS, &error));
  g_assert_true (sc_vault_upsert_employees (vault, roster, &error));
  f->round_id = sc_vault_create_round (vault, "2024", NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (sc_vault_enter_kiosk (vault, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_KIOSK);

  for (guint i = 0; i < 4; i++)
    {
      ScResult result, expected;
      ScCriteria criteria;

      f->sub[i] = submit (vault, f->round_id, i, f->answers[i], &result);
      sc_criteria_init_default (&criteria);
      sc_score (f->answers[i], test_people[i].sex, &criteria, &expected);
      test_assert_results_equal (&result, &expected);

      if (i == 0)
        g_assert_true (sc_vault_record_consent (vault, f->sub[i], TRUE, &error));
      else if (i == 1)
        g_assert_true (sc_vault_record_consent (vault, f->sub[i], FALSE, &error));
      else if (i == 3)
        {
          g_assert_true (sc_vault_record_consent (vault, f->sub[i], FALSE, &error));
          g_assert_true (sc_vault_request_interview (vault, f->sub[i], &error));
        }
      g_assert_no_error (error);
    }
  sc_vault_close (vault);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static ScVault *
open_as (Fixture    *f,
         const char *passphrase)
{
  g_autoptr(GError) error = NULL;
  ScVault *vault = sc_vault_open (f->path, passphrase, SC_VAULT_OPEN_FLAGS_NONE, &error);

  g_assert_no_error (error);
  return vault;
}

/* The raw sealed blobs of a submission, straight from the database. */
static GBytes *
sealed_blob (ScVault    *vault,
             gint64      submission_id,
             const char *column_sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sc_vault_db_prepare (sc_vault_get_db (vault), column_sql, NULL);
  g_assert_nonnull (stmt);
  sqlite3_bind_int64 (stmt, 1, submission_id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return NULL;
  return g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0));
}

static gboolean
opens_with (GBytes       *sealed,
            const guint8 *pk,
            const guint8 *sk)
{
  gsize len = g_bytes_get_size (sealed);
  g_autofree guint8 *plain = g_malloc (len);

  g_assert_cmpuint (len, >, crypto_box_SEALBYTES);
  return crypto_box_seal_open (plain, g_bytes_get_data (sealed, NULL), len, pk, sk) == 0;
}

static void
test_implementer_reads_all (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(ScVault) vault = open_as (f, IMPL_PASS);

  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_IMPLEMENTER);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(GError) error = NULL;
      ScVaultResult r;
      ScResult expected;

      g_assert_true (sc_vault_read_result (vault, f->sub[i], &r, &error));
      g_assert_no_error (error);
      g_assert_true (r.has_answers);
      g_assert_cmpmem (r.answers, SC_BJSQ_N_ITEMS, f->answers[i], SC_BJSQ_N_ITEMS);
      sc_score (f->answers[i], test_people[i].sex, NULL, &expected);
      test_assert_results_equal (&r.result, &expected);
    }
}

static void
test_hr_sees_only_shared (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(ScVault) vault = open_as (f, HR_PASS);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) subs = NULL;
  guint8 pk[32], sk[32];
  ScVaultResult r;

  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_HR);
  g_assert_true (sc_vault_test_get_hr_keys (vault, pk, sk));

  /* Who answered, and who shared, is visible to HR. */
  subs = sc_vault_list_submissions (vault, f->round_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (subs->len, ==, 4);
  {
    const ScVaultSubmission *s0 = g_ptr_array_index (subs, 0);
    const ScVaultSubmission *s1 = g_ptr_array_index (subs, 1);
    const ScVaultSubmission *s2 = g_ptr_array_index (subs, 2);
    const ScVaultSubmission *s3 = g_ptr_array_index (subs, 3);

    g_assert_cmpstr (s0->employee_number, ==, test_people[0].number);
    g_assert_cmpint (s0->consent, ==, SC_VAULT_CONSENT_YES);
    g_assert_true (s0->shared_with_hr);
    g_assert_cmpint (s1->consent, ==, SC_VAULT_CONSENT_NO);
    g_assert_false (s1->shared_with_hr);
    g_assert_cmpint (s2->consent, ==, SC_VAULT_CONSENT_UNDECIDED);
    g_assert_false (s2->shared_with_hr);
    g_assert_cmpint (s3->interview_requested_at, >, 0);
    g_assert_true (s3->shared_with_hr);
  }

  /* Consented, and interview requested: readable, without the answers. */
  for (guint i = 0; i < 4; i += 3)
    {
      ScResult expected;

      g_assert_true (sc_vault_read_result (vault, f->sub[i], &r, &error));
      g_assert_no_error (error);
      g_assert_false (r.has_answers);
      sc_score (f->answers[i], test_people[i].sex, NULL, &expected);
      test_assert_results_equal (&r.result, &expected);
    }

  /* Not shared: refused by the API … */
  for (guint i = 1; i < 3; i++)
    {
      g_autoptr(GBytes) impl = NULL;
      g_autoptr(GBytes) hr = NULL;

      g_assert_false (sc_vault_read_result (vault, f->sub[i], &r, &error));
      g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
      g_clear_error (&error);

      /* … and impossible with HR's key: the only copy is sealed to the implementer. */
      impl = sealed_blob (vault, f->sub[i], "SELECT sealed_impl FROM submissions WHERE id = ?");
      hr = sealed_blob (vault, f->sub[i], "SELECT sealed_hr FROM submissions WHERE id = ?");
      g_assert_nonnull (impl);
      g_assert_null (hr);
      g_assert_false (opens_with (impl, pk, sk));
    }
  /* The check above can succeed: HR's key does open HR's copies. */
  {
    g_autoptr(GBytes) hr = sealed_blob (vault, f->sub[0],
                                        "SELECT sealed_hr FROM submissions WHERE id = ?");

    g_assert_true (opens_with (hr, pk, sk));
  }

  /* Staff-only and implementer-only actions. */
  g_assert_cmpint (sc_vault_create_round (vault, "HR round", NULL, NULL, NULL, &error), ==, 0);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (sc_vault_set_setting (vault, "advice", "x", &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (sc_vault_recommend_interview (vault, f->sub[0], TRUE, "Dr. A", &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
  g_clear_error (&error);
  /* HR cannot share a result on the employee's behalf either. */
  g_assert_false (sc_vault_record_consent (vault, f->sub[2], TRUE, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (sc_vault_read_result (vault, f->sub[2], &r, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
}

static void
test_later_consent (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = open_as (f, IMPL_PASS);
  ScVaultResult r;

  /* A later decision, recorded by the implementer, seals a copy for HR. */
  g_assert_true (sc_vault_record_consent (vault, f->sub[2], TRUE, &error));
  g_assert_no_error (error);
  /* Withdrawn consent removes HR's copy. */
  g_assert_true (sc_vault_record_consent (vault, f->sub[0], FALSE, &error));
  g_assert_no_error (error);
  g_clear_object (&vault);

  vault = open_as (f, HR_PASS);
  g_assert_true (sc_vault_read_result (vault, f->sub[2], &r, &error));
  g_assert_no_error (error);
  g_assert_false (sc_vault_read_result (vault, f->sub[0], &r, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
}

static gboolean
verify_code_cb (const char *hash,
                gpointer    user_data)
{
  return sc_access_code_verify (hash, user_data, NULL);
}

static void
test_kiosk (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = open_as (f, IMPL_PASS);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(ScEmployee) me = NULL;
  ScVaultResult r;
  char code[SC_ACCESS_CODE_SIZE];
  g_autofree char *code_hash = NULL;

  /* The slip of the person who will log in (issue 12 §7: the kiosk sees their roster entry
   * only after their code is checked). */
  g_assert_true (sc_access_code_generate (code, &error));
  code_hash = sc_access_code_hash (code, crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN,
                                   &error);
  g_assert_true (sc_vault_set_access_code_hash (vault, f->round_id, test_people[1].number,
                                                code_hash, &error));
  g_assert_no_error (error);

  /* HR may start the kiosk only when the implementer allows it (issue 12 §1). */
  g_assert_true (sc_vault_set_setting (vault, SC_VAULT_SETTING_HR_KIOSK, "true", &error));
  g_assert_no_error (error);
  g_clear_object (&vault);
  vault = open_as (f, HR_PASS);

  g_assert_true (sc_vault_test_holds_secret_keys (vault));
  g_assert_true (sc_vault_enter_kiosk (vault, &error));
  g_assert_no_error (error);
  /* SECURITY: both secret-key pointers are gone. */
  g_assert_false (sc_vault_test_holds_secret_keys (vault));
  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_KIOSK);

  for (guint i = 0; i < 4; i++)
    {
      g_assert_false (sc_vault_read_result (vault, f->sub[i], &r, &error));
      g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
      g_clear_error (&error);
    }
  list = sc_vault_list_submissions (vault, 0, &error);
  g_assert_null (list);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
  g_clear_error (&error);
  list = sc_vault_list_employees (vault, &error);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
  g_clear_error (&error);
  /* An earlier submission's consent cannot be changed at the kiosk: there is no copy
   * for HR, and no key to make one. */
  g_assert_false (sc_vault_record_consent (vault, f->sub[2], TRUE, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
  g_clear_error (&error);
  /* The person logging in can be looked up, once their code is checked. */
  g_assert_true (sc_vault_check_access_code (vault, f->round_id, test_people[1].number,
                                             verify_code_cb, code, &error));
  g_assert_no_error (error);
  me = sc_vault_lookup_employee (vault, test_people[1].number, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (me->name, ==, test_people[1].name);

  /* Leaving needs a passphrase. */
  g_assert_false (sc_vault_leave_kiosk (vault, "not the passphrase", &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_KIOSK);
  g_assert_false (sc_vault_test_holds_secret_keys (vault));

  g_assert_true (sc_vault_leave_kiosk (vault, IMPL_PASS, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_IMPLEMENTER);
  g_assert_true (sc_vault_read_result (vault, f->sub[1], &r, &error));
  g_assert_no_error (error);
}

static void
test_kiosk_submission_is_durable (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = open_as (f, IMPL_PASS);
  g_autoptr(GPtrArray) more = test_roster (1);
  g_autoptr(ScVault) reader = NULL;
  g_autoptr(GPtrArray) subs = NULL;
  guint8 answers[SC_BJSQ_N_ITEMS];
  guint64 counter;
  gint64 id;

  g_assert_true (sc_vault_upsert_employees (vault, more, &error));
  g_assert_true (sc_vault_enter_kiosk (vault, &error));
  counter = sc_vault_get_save_counter (vault);
  test_answers (99, answers);
  id = sc_vault_submit (vault, f->round_id, "X000000", answers, SC_SEX_MALE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sc_vault_get_save_counter (vault), ==, counter + 1);

  /* Another reader sees it on disk while the kiosk still runs. */
  reader = sc_vault_open (f->path, IMPL_PASS, SC_VAULT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  subs = sc_vault_list_submissions (reader, f->round_id, &error);
  g_assert_cmpuint (subs->len, ==, 5);
  g_assert_cmpint (((ScVaultSubmission *) g_ptr_array_index (subs, 4))->id, ==, id);

  /* Twice in one round is refused. */
  g_assert_cmpint (sc_vault_submit (vault, f->round_id, "X000000", answers, SC_SEX_MALE, NULL,
                                    &error), ==, 0);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_EXISTS);
}

static void
test_swapped_blob_detected (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = open_as (f, IMPL_PASS);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ScVaultResult r;

  /* Someone with the data key moves employee 0's sealed result onto employee 1. */
  stmt = sc_vault_db_prepare (sc_vault_get_db (vault),
                              "UPDATE submissions SET sealed_impl = (SELECT sealed_impl "
                              "FROM submissions WHERE id = ?1) WHERE id = ?2", &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, f->sub[0]);
  sqlite3_bind_int64 (stmt, 2, f->sub[1]);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);

  g_assert_false (sc_vault_read_result (vault, f->sub[1], &r, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_DAMAGED);
  g_clear_error (&error);
  g_assert_true (sc_vault_read_result (vault, f->sub[0], &r, &error));
}

static void
test_replaced_public_key_detected (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = open_as (f, HR_PASS);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint8 pk[crypto_box_PUBLICKEYBYTES], sk[crypto_box_SECRETKEYBYTES];

  /* HR (who has the data key) swaps in its own key to receive future answers. */
  crypto_box_keypair (pk, sk);
  stmt = sc_vault_db_prepare (sc_vault_get_db (vault),
                              "UPDATE vault_keys SET public_key = ? WHERE role = 'implementer'",
                              &error);
  sqlite3_bind_blob (stmt, 1, pk, sizeof pk, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_assert_true (sc_vault_test_save (vault, &error));
  g_clear_object (&vault);

  /* The implementer's next unlock notices, and says it was tampered with (issue 12 §1:
   * TAMPERED, where this test expected DAMAGED before). */
  vault = sc_vault_open (f->path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_null (vault);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_TAMPERED);
  g_assert_nonnull (strstr (error->message, "implementer's public key"));
}

static void
test_recommendation (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = open_as (f, IMPL_PASS);
  g_autofree char *by = NULL;
  gboolean recommended = FALSE;
  gint64 at = 0;

  g_assert_false (sc_vault_get_recommendation (vault, f->sub[1], &recommended, &by, &at,
                                               &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (sc_vault_recommend_interview (vault, f->sub[1], TRUE, "医師 鈴木", &error));
  g_assert_no_error (error);
  g_clear_object (&vault);

  vault = open_as (f, IMPL_PASS);
  g_assert_true (sc_vault_get_recommendation (vault, f->sub[1], &recommended, &by, &at, &error));
  g_assert_no_error (error);
  g_assert_true (recommended);
  g_assert_cmpstr (by, ==, "医師 鈴木");
  g_assert_cmpint (at, >, 0);
  g_clear_object (&vault);

  /* HR sees neither the decision nor who made it. */
  vault = open_as (f, HR_PASS);
  g_assert_false (sc_vault_get_recommendation (vault, f->sub[1], NULL, NULL, NULL, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
}

static gboolean
check_code (const char *hash,
            gpointer    user_data)
{
  /* Stands in for sc-access-code's verification. */
  return g_strcmp0 (hash, user_data) == 0;
}

static gboolean
count_checks (const char *hash,
              gpointer    user_data)
{
  guint *calls = user_data;

  (*calls)++;
  return FALSE;
}

static void
test_access_code_and_partial (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = open_as (f, IMPL_PASS);
  g_autoptr(GPtrArray) more = test_roster (2);
  guint8 *key = NULL, *wrong_key = NULL;
  guint8 answers[SC_BJSQ_N_ITEMS] = { 0 }, loaded[SC_BJSQ_N_ITEMS];

  g_assert_true (sc_vault_upsert_employees (vault, more, &error));
  g_assert_true (sc_vault_set_access_code_hash (vault, f->round_id, "X000001", "H-1234", &error));
  g_assert_no_error (error);
  g_assert_true (sc_vault_enter_kiosk (vault, &error));

  /* Unknown numbers and wrong codes look the same. */
  g_assert_false (sc_vault_check_access_code (vault, f->round_id, "NOBODY", check_code,
                                              "H-1234", &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_ACCESS_DENIED);
  g_clear_error (&error);
  /* ...and cost the same: an unknown number is still checked (against a decoy hash), so
   * the time taken does not tell whether the number is on the roster. */
  {
    guint calls = 0;

    g_assert_false (sc_vault_check_access_code (vault, f->round_id, "NOBODY", count_checks,
                                                &calls, &error));
    g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_ACCESS_DENIED);
    g_clear_error (&error);
    g_assert_cmpuint (calls, ==, 1);
  }
  g_assert_true (sc_vault_check_access_code (vault, f->round_id, "X000001", check_code,
                                             "H-1234", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 5; i++)
    {
      g_assert_false (sc_vault_check_access_code (vault, f->round_id, "X000001", check_code,
                                                  "H-9999", &error));
      g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_ACCESS_DENIED);
      g_clear_error (&error);
    }
  /* After five failures even the right code waits, as long as sc-access-code's policy says. */
  g_assert_false (sc_vault_check_access_code (vault, f->round_id, "X000001", check_code,
                                              "H-1234", &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_THROTTLED);
  g_assert_nonnull (strstr (error->message, "5 minutes"));
  g_clear_error (&error);

  /* Partial answers under the code-derived key. */
  key = sc_vault_derive_partial_key (vault, f->round_id, "X000001", "4821-7730", &error);
  g_assert_no_error (error);
  wrong_key = sc_vault_derive_partial_key (vault, f->round_id, "X000001", "4821-7731", &error);
  g_assert_no_error (error);
  g_assert_false (memcmp (key, wrong_key, SC_VAULT_PARTIAL_KEY_BYTES) == 0);
  g_assert_false (sc_vault_load_partial (vault, f->round_id, "X000001", key, loaded, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  test_answers (7, answers);
  memset (answers + 20, 0, SC_BJSQ_N_ITEMS - 20);
  g_assert_true (sc_vault_save_partial (vault, f->round_id, "X000001", key, answers, &error));
  g_assert_no_error (error);
  g_assert_false (sc_vault_load_partial (vault, f->round_id, "X000001", wrong_key, loaded,
                                         &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_ACCESS_DENIED);
  g_clear_error (&error);
  g_assert_true (sc_vault_load_partial (vault, f->round_id, "X000001", key, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (loaded, sizeof loaded, answers, sizeof answers);

  /* Submitting removes the partial answers. */
  test_answers (7, answers);
  g_assert_cmpint (sc_vault_submit (vault, f->round_id, "X000001", answers, SC_SEX_FEMALE,
                                    NULL, &error), >, 0);
  g_assert_false (sc_vault_load_partial (vault, f->round_id, "X000001", key, loaded, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND);

  sc_secure_free (key);
  sc_secure_free (wrong_key);
}

static void
test_audit_and_settings (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = open_as (f, IMPL_PASS);
  g_autoptr(GPtrArray) log = NULL;
  g_autofree char *value = NULL;
  ScVaultResult r;
  gboolean saw_kiosk = FALSE, saw_submission = FALSE, saw_read = FALSE;

  g_assert_true (sc_vault_set_setting (vault, SC_VAULT_SETTING_IDLE_TIMEOUT, "90", &error));
  g_assert_true (sc_vault_read_result (vault, f->sub[0], &r, &error));
  g_assert_true (sc_vault_audit_append (vault, "report.export", 0, &error));
  g_assert_no_error (error);
  g_clear_object (&vault);

  vault = open_as (f, HR_PASS);
  value = sc_vault_get_setting (vault, SC_VAULT_SETTING_IDLE_TIMEOUT, &error);
  g_assert_cmpstr (value, ==, "90");
  g_assert_null (sc_vault_get_setting (vault, "missing", &error));
  g_assert_no_error (error);
  log = sc_vault_list_audit (vault, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < log->len; i++)
    {
      const ScVaultAuditEntry *e = g_ptr_array_index (log, i);

      saw_kiosk |= g_str_equal (e->action, "kiosk.enter") && e->role == SC_VAULT_ROLE_IMPLEMENTER;
      saw_submission |= g_str_equal (e->action, "submission.add")
                        && e->role == SC_VAULT_ROLE_KIOSK && e->target == f->sub[0];
      saw_read |= g_str_equal (e->action, "result.read") && e->target == f->sub[0];
    }
  g_assert_true (saw_kiosk);
  g_assert_true (saw_submission);
  g_assert_true (saw_read);
  g_assert_cmpstr (((ScVaultAuditEntry *) g_ptr_array_index (log, log->len - 1))->action, ==,
                   "report.export");
}

static void
test_locked_vault_refuses (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = open_as (f, IMPL_PASS);
  g_autoptr(GPtrArray) list = NULL;
  ScVaultResult r;

  sc_vault_lock (vault);
  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_NONE);
  g_assert_false (sc_vault_test_holds_secret_keys (vault));
  g_assert_false (sc_vault_read_result (vault, f->sub[0], &r, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_CLOSED);
  g_clear_error (&error);
  g_assert_false (sc_vault_unlock (vault, "wrong wrong wrong", &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_assert_true (sc_vault_unlock (vault, HR_PASS, &error));
  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_HR);
  list = sc_vault_list_employees (vault, &error);
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (test_people));
}

/* An employee keeps a copy of their result under their access code and a PIN. */
static void
test_result_view_with_pin (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = open_as (f, IMPL_PASS);
  const char *number = test_people[0].number;
  guint8 *key = NULL, *other_key = NULL;
  guint8 answers[SC_BJSQ_N_ITEMS];
  g_autoptr(GBytes) before = NULL;
  ScResult shown, expected;
  ScCriteria criteria;

  g_assert_true (sc_vault_set_access_code_hash (vault, f->round_id, number, "H-1", &error));
  g_assert_no_error (error);
  g_assert_true (sc_vault_enter_kiosk (vault, &error));
  key = sc_vault_derive_partial_key (vault, f->round_id, number, "ABC-DEF-234", &error);
  g_assert_no_error (error);
  other_key = sc_vault_derive_partial_key (vault, f->round_id, number, "ABC-DEF-235", &error);
  g_assert_no_error (error);

  g_assert_false (sc_vault_has_result_view (vault, f->round_id, number));
  /* Persons 0-3 answered in the fixture; person 4 of the roster did not. */
  g_assert_true (sc_vault_has_submitted (vault, f->round_id, number));
  g_assert_false (sc_vault_has_submitted (vault, f->round_id, "NOBODY"));
  g_assert_false (sc_vault_has_submitted (vault, f->round_id + 1, number));
  /* A PIN is 4-8 digits. */
  g_assert_false (sc_vault_save_result_view (vault, f->round_id, number, key, "12a4",
                                             f->answers[0], test_people[0].sex, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sc_vault_save_result_view (vault, f->round_id, number, key, "482913",
                                            f->answers[0], test_people[0].sex, &error));
  g_assert_no_error (error);
  g_assert_true (sc_vault_has_result_view (vault, f->round_id, number));

  /* The right code and PIN give back the same result the employee saw. */
  g_assert_true (sc_vault_load_result_view (vault, f->round_id, number, key, "482913", &shown,
                                            answers, &error));
  g_assert_no_error (error);
  sc_criteria_init_default (&criteria);
  sc_score (f->answers[0], test_people[0].sex, &criteria, &expected);
  test_assert_results_equal (&shown, &expected);
  g_assert_cmpmem (answers, sizeof answers, f->answers[0], sizeof answers);

  /* The slip alone (right code, wrong PIN) or another code with the PIN opens nothing. */
  g_assert_false (sc_vault_load_result_view (vault, f->round_id, number, key, "482914", &shown,
                                             NULL, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_ACCESS_DENIED);
  g_clear_error (&error);
  g_assert_false (sc_vault_load_result_view (vault, f->round_id, number, other_key, "482913",
                                             &shown, NULL, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_ACCESS_DENIED);
  g_clear_error (&error);

  /* Guessing PINs is throttled like guessing codes: after five failures even the right
   * PIN waits. */
  for (guint i = 0; i < 3; i++)
    {
      g_assert_false (sc_vault_load_result_view (vault, f->round_id, number, key, "000000",
                                                 &shown, NULL, &error));
      g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_ACCESS_DENIED);
      g_clear_error (&error);
    }
  g_assert_false (sc_vault_load_result_view (vault, f->round_id, number, key, "482913", &shown,
                                             NULL, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_THROTTLED);
  g_clear_error (&error);
  /* Nobody else kept a copy. */
  g_assert_false (sc_vault_load_result_view (vault, f->round_id, test_people[1].number, key,
                                             "482913", &shown, NULL, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  sc_secure_free (key);
  sc_secure_free (other_key);
  sc_vault_close (vault);

  /* The copy survives reopening, and the HR passphrase (which opens the database) does
   * not open it without the employee's code. */
  {
    g_autoptr(ScVault) hr = open_as (f, HR_PASS);
    guint8 *hr_key = sc_vault_derive_partial_key (hr, f->round_id, number, "ZZZ-ZZZ-ZZZ", &error);

    g_assert_no_error (error);
    g_assert_true (sc_vault_has_result_view (hr, f->round_id, number));
    g_assert_false (sc_vault_load_result_view (hr, f->round_id, number, hr_key, "482913",
                                               &shown, NULL, &error));
    g_assert_true (g_error_matches (error, SC_VAULT_ERROR, SC_VAULT_ERROR_ACCESS_DENIED)
                   || g_error_matches (error, SC_VAULT_ERROR, SC_VAULT_ERROR_THROTTLED));
    sc_secure_free (hr_key);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/vault/roles/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("implementer-reads-all", test_implementer_reads_all);
  ADD ("hr-sees-only-shared", test_hr_sees_only_shared);
  ADD ("later-consent", test_later_consent);
  ADD ("kiosk", test_kiosk);
  ADD ("kiosk-submission-is-durable", test_kiosk_submission_is_durable);
  ADD ("swapped-blob-detected", test_swapped_blob_detected);
  ADD ("replaced-public-key-detected", test_replaced_public_key_detected);
  ADD ("recommendation", test_recommendation);
  ADD ("access-code-and-partial", test_access_code_and_partial);
  ADD ("audit-and-settings", test_audit_and_settings);
  ADD ("locked-vault-refuses", test_locked_vault_refuses);
  ADD ("result-view-with-pin", test_result_view_with_pin);

  return g_test_run ();
}
