/* test-vault-attacks.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 12 §1, §2, §3, §6, each written as the attack of a hostile key holder: HR (who
 * holds the data key and so can rewrite the database by hand, as these tests do through
 * sc_vault_get_db()), or someone who took a data key from memory. Each test failed
 * before the fix it names.
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sc-secure.h"
#include "sc-vault.h"
#include "sc-vault-private.h"
#include "sc-test-util.h"
#include "sc-vault-async.h"
#include "sc-vault-releases.h"
#include "sc-workspace.h"

#define ROUND_NAME "2024 spring"

typedef struct
{
  char    *dir;
  char    *path;
  char    *recovery;
  gint64   round_id;
  gint64   sub[2];      /* consent yes, consent no */
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(GPtrArray) roster = test_roster (0);

  f->dir = test_make_dir ();
  f->path = g_build_filename (f->dir, "attacks.scvault", NULL);
  vault = test_create_vault (f->path, &f->recovery);
  g_assert_true (sc_vault_set_hr_passphrase (vault, HR_PASS, &error));
  g_assert_true (sc_vault_upsert_employees (vault, roster, &error));
  f->round_id = sc_vault_create_round (vault, ROUND_NAME, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sc_vault_enter_kiosk (vault, &error));
  for (guint i = 0; i < 2; i++)
    {
      guint8 answers[SC_BJSQ_N_ITEMS];

      test_answers (i + 1, answers);
      f->sub[i] = sc_vault_submit (vault, f->round_id, test_people[i].number, answers,
                                   test_people[i].sex, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (sc_vault_record_consent (vault, f->sub[i], i == 0, &error));
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
  sc_vault_free_recovery_key (f->recovery);
}

static ScVault *
open_as (Fixture    *f,
         const char *passphrase)
{
  g_autoptr(GError) error = NULL;
  ScVault *vault = sc_vault_open (f->path, passphrase, SC_VAULT_OPEN_FLAGS_NONE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (vault);
  return vault;
}

static ScVault *
open_as_path (const char *path,
              const char *passphrase)
{
  g_autoptr(GError) error = NULL;
  ScVault *vault = sc_vault_open (path, passphrase, SC_VAULT_OPEN_FLAGS_NONE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (vault);
  return vault;
}

/* What HR can do with the data key: change the database by hand and save it. */
static void
hr_edits (Fixture    *f,
          const char *sql,
          const void *blob,
          gsize       blob_len)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = open_as (f, HR_PASS);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_HR);
  stmt = sc_vault_db_prepare (sc_vault_get_db (vault), sql, &error);
  g_assert_no_error (error);
  if (blob != NULL)
    sqlite3_bind_blob (stmt, 1, blob, (int) blob_len, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_changes (sc_vault_get_db (vault)), >, 0);
  g_assert_true (sc_vault_test_save (vault, &error));
  g_assert_no_error (error);
}

/* The implementer's next open is refused as TAMPERED, with @needle in the message. */
static void
assert_implementer_sees_tampering (Fixture    *f,
                                   const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;

  vault = sc_vault_open (f->path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_null (vault);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_TAMPERED);
  if (strstr (error->message, needle) == NULL)
    g_error ("“%s” not in “%s”", needle, error->message);
}

/* ---- §1: pinned keys, HR's kiosk, signed records -------------------------------- */

/* HR puts its own key in place of the implementer's so that new answers are sealed to
 * HR, and wants to start the kiosk: refused, because the implementer did not allow HR
 * to start it; and the implementer's next open reports the swapped key. */
static void
test_hr_swaps_key_and_starts_kiosk (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;
  guint8 pk[crypto_box_PUBLICKEYBYTES], sk[crypto_box_SECRETKEYBYTES];

  crypto_box_keypair (pk, sk);
  hr_edits (f, "UPDATE vault_keys SET public_key = ? WHERE role = 'implementer'", pk, sizeof pk);

  vault = open_as (f, HR_PASS);
  g_assert_false (sc_vault_get_hr_may_start_kiosk (vault, &error));
  g_assert_no_error (error);
  g_assert_false (sc_vault_enter_kiosk (vault, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_HR);
  g_clear_error (&error);
  g_clear_object (&vault);

  assert_implementer_sees_tampering (f, "implementer's public key");
}

/* HR flips "HR may start the kiosk" by hand: the implementer's next open names the
 * settings. */
static void
test_hr_allows_itself_the_kiosk (Fixture       *f,
                                 gconstpointer  data)
{
  hr_edits (f, "INSERT OR REPLACE INTO settings (key, value) VALUES ('hr_kiosk', 'true')",
            NULL, 0);
  assert_implementer_sees_tampering (f, "settings");
}

/* The implementer's kiosk seals to the key pinned in the implementer's slot, even when
 * the database's copy was replaced while the vault was open. */
static void
test_implementer_kiosk_seals_to_pinned_key (Fixture       *f,
                                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = open_as (f, IMPL_PASS);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GBytes) sealed = NULL;
  guint8 pk[crypto_box_PUBLICKEYBYTES], sk[crypto_box_SECRETKEYBYTES];
  guint8 answers[SC_BJSQ_N_ITEMS];
  guint8 *plain;
  gint64 id;

  crypto_box_keypair (pk, sk);
  stmt = sc_vault_db_prepare (sc_vault_get_db (vault), "UPDATE vault_keys SET public_key = ? "
                                                       "WHERE role = 'implementer'", &error);
  sqlite3_bind_blob (stmt, 1, pk, sizeof pk, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_clear_pointer (&stmt, sqlite3_finalize);

  g_assert_true (sc_vault_enter_kiosk (vault, &error));
  g_assert_no_error (error);
  test_answers (9, answers);
  id = sc_vault_submit (vault, f->round_id, test_people[2].number, answers,
                        test_people[2].sex, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sc_vault_record_consent (vault, id, FALSE, &error));

  stmt = sc_vault_db_prepare (sc_vault_get_db (vault), "SELECT sealed_impl FROM submissions "
                                                       "WHERE id = ?", &error);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  sealed = g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0));
  plain = g_malloc (g_bytes_get_size (sealed));
  /* The attacker's key does not open it. */
  g_assert_cmpint (crypto_box_seal_open (plain, g_bytes_get_data (sealed, NULL),
                                         g_bytes_get_size (sealed), pk, sk), !=, 0);
  g_free (plain);
}

/* HR changes a round's thresholds by hand (so fewer people count as high stress). */
static void
test_hr_changes_criteria (Fixture       *f,
                          gconstpointer  data)
{
  hr_edits (f, "UPDATE rounds SET sum_b_min = sum_b_min + 5", NULL, 0);
  assert_implementer_sees_tampering (f, "round “" ROUND_NAME "”");
}

/* HR adds a round by hand, or removes one. */
static void
test_hr_adds_and_removes_rounds (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree guint8 *before = NULL;
  gsize len = 0;

  before = test_read (f->path, &len);
  hr_edits (f, "INSERT INTO rounds (name, method, sum_b_min, sum_ac_min, sum_ac_b_min, "
               "conv_b_max, conv_ac_max, conv_ac_b_max, created_at) "
               "SELECT 'forged', method, sum_b_min, sum_ac_min, sum_ac_b_min, conv_b_max, "
               "conv_ac_max, conv_ac_b_max, created_at FROM rounds", NULL, 0);
  assert_implementer_sees_tampering (f, "round “forged”");

  test_write (f->path, before, len);
  hr_edits (f, "DELETE FROM vault_signatures WHERE kind = 'round'", NULL, 0);
  assert_implementer_sees_tampering (f, ROUND_NAME);
}

/* HR removes every signature, so that the vault looks like one from before signatures:
 * the implementer's slot says signatures are required. */
static void
test_hr_strips_signatures (Fixture       *f,
                           gconstpointer  data)
{
  hr_edits (f, "DELETE FROM vault_signatures", NULL, 0);
  assert_implementer_sees_tampering (f, "public keys");
}

/* Anyone with the public key can seal a box: HR forges the implementer's
 * interview-need decision. */
static void
test_hr_forges_recommendation (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = open_as (f, IMPL_PASS);
  guint8 forged[64 + crypto_box_SEALBYTES];

  g_assert_true (sc_vault_recommend_interview (vault, f->sub[1], TRUE, "Dr. A", &error));
  g_assert_no_error (error);
  g_clear_object (&vault);

  randombytes_buf (forged, sizeof forged);
  hr_edits (f, "UPDATE interviews SET recommendation_sealed = ?", forged, sizeof forged);
  assert_implementer_sees_tampering (f, "interview-need decision");
}

/* The workspace's interview-need decision (interview_decisions) is sealed to the
 * implementer's public key, which HR can read: HR replaces the implementer's decision
 * with a box of its own, adds one where the implementer made none, or removes one. */
static void
test_hr_forges_decision (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = open_as (f, IMPL_PASS);
  g_autofree guint8 *before = NULL;
  guint8 impl_pk[crypto_box_PUBLICKEYBYTES];
  guint8 plain[64];
  guint8 forged[sizeof plain + crypto_box_SEALBYTES];
  g_autofree char *insert = NULL;
  gsize len = 0;

  g_assert_true (sc_vault_decide_interview_need (vault, f->sub[0], SC_INTERVIEW_NEED_REQUIRED,
                                                 "see soon", "Dr. A", &error));
  g_assert_no_error (error);
  memcpy (impl_pk, sc_vault_get_public_key (vault, SC_VAULT_ROLE_IMPLEMENTER), sizeof impl_pk);
  g_clear_object (&vault);
  /* The implementer's own decision keeps the vault opening. */
  vault = open_as (f, IMPL_PASS);
  g_clear_object (&vault);
  before = test_read (f->path, &len);

  randombytes_buf (plain, sizeof plain);
  crypto_box_seal (forged, plain, sizeof plain, impl_pk);
  hr_edits (f, "UPDATE interview_decisions SET sealed = ?", forged, sizeof forged);
  assert_implementer_sees_tampering (f, "interview-need decision (workspace) on submission");

  test_write (f->path, before, len);
  insert = g_strdup_printf ("INSERT INTO interview_decisions (submission_id, sealed) "
                            "VALUES (%ld, ?)", (long) f->sub[1]);
  hr_edits (f, insert, forged, sizeof forged);
  assert_implementer_sees_tampering (f, "interview-need decision (workspace) on submission");

  test_write (f->path, before, len);
  hr_edits (f, "DELETE FROM interview_decisions", NULL, 0);
  assert_implementer_sees_tampering (f, "was removed");
}

/* HR makes a group analysis look released by the implementer: a forged row with a
 * snapshot sealed to HR's own key, a changed title, a withdrawal undone. */
static void
test_hr_forges_release (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = open_as (f, IMPL_PASS);
  g_autofree guint8 *before = NULL;
  g_autofree char *text = NULL;
  gint64 kept, withdrawn;
  gsize len = 0;

  kept = sc_vault_release_analysis (vault, f->round_id, "whole company", "Dr. A",
                                    "{\"a\":1}", &error);
  g_assert_no_error (error);
  withdrawn = sc_vault_release_analysis (vault, f->round_id, "by department", "Dr. A",
                                         "{\"b\":2}", &error);
  g_assert_no_error (error);
  g_assert_true (sc_vault_withdraw_release (vault, withdrawn, &error));
  g_assert_no_error (error);
  g_clear_object (&vault);
  /* Released and withdrawn through the API: both still open, for either role. */
  vault = open_as (f, IMPL_PASS);
  g_clear_object (&vault);
  vault = open_as (f, HR_PASS);
  text = sc_vault_open_release (vault, kept, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "{\"a\":1}");
  g_clear_object (&vault);
  before = test_read (f->path, &len);

  hr_edits (f, "INSERT INTO group_releases (round_id, title, released_by, released_at, "
               "sealed) SELECT round_id, 'forged', released_by, released_at, sealed "
               "FROM group_releases WHERE withdrawn_at IS NULL", NULL, 0);
  assert_implementer_sees_tampering (f, "released group analysis “forged”");

  test_write (f->path, before, len);
  hr_edits (f, "UPDATE group_releases SET title = 'all staff, by name' "
               "WHERE withdrawn_at IS NULL", NULL, 0);
  assert_implementer_sees_tampering (f, "“all staff, by name”");

  test_write (f->path, before, len);
  hr_edits (f, "UPDATE group_releases SET withdrawn_at = NULL "
               "WHERE withdrawn_at IS NOT NULL", NULL, 0);
  assert_implementer_sees_tampering (f, "“by department”");

  test_write (f->path, before, len);
  hr_edits (f, "UPDATE group_releases SET sealed = randomblob(80) "
               "WHERE withdrawn_at IS NULL", NULL, 0);
  assert_implementer_sees_tampering (f, "“whole company”");

  test_write (f->path, before, len);
  hr_edits (f, "DELETE FROM group_releases WHERE withdrawn_at IS NULL", NULL, 0);
  assert_implementer_sees_tampering (f, "released group analysis");
}

/* The records the implementer writes through the API keep the vault opening. */
static void
test_signed_records_reopen (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = open_as (f, IMPL_PASS);
  g_autoptr(GPtrArray) rounds = NULL;
  gint64 second;

  g_assert_true (sc_vault_set_setting (vault, SC_VAULT_SETTING_HR_KIOSK, "true", &error));
  second = sc_vault_create_round (vault, "autumn", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sc_vault_close_round (vault, f->round_id, &error));
  g_assert_true (sc_vault_recommend_interview (vault, f->sub[0], FALSE, "Dr. B", &error));
  g_assert_no_error (error);
  g_clear_object (&vault);

  /* HR, allowed now, starts the kiosk; an employee answers in the open round. */
  vault = open_as (f, HR_PASS);
  g_assert_true (sc_vault_get_hr_may_start_kiosk (vault, &error));
  g_assert_true (sc_vault_enter_kiosk (vault, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sc_vault_submit (vault, second, test_people[3].number,
                                    (const guint8 *) "1111111111111111111111111111111111111111"
                                                     "11111111111111111", SC_SEX_FEMALE, NULL,
                                    &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&vault);

  vault = open_as (f, IMPL_PASS);
  rounds = sc_vault_list_rounds (vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rounds->len, ==, 2);
}

/* HR turns a refused consent into a given one in the plain table (so that the employee
 * appears to have agreed), once naively and once with a decision sealed to the
 * implementer's public key, as anyone can make: both are flagged on reading. */
static void
test_hr_forges_consent (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = open_as (f, IMPL_PASS);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint8 impl_pk[crypto_box_PUBLICKEYBYTES];
  guint8 plain[43], forged[43 + crypto_box_SEALBYTES];
  ScVaultResult r;
  gint64 third;

  /* Untouched decisions agree, including a request made later at the kiosk and a
   * decision the implementer records. */
  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (sc_vault_read_result (vault, f->sub[i], &r, &error));
      g_assert_no_error (error);
      g_assert_false (r.consent_mismatch);
    }
  g_assert_true (sc_vault_enter_kiosk (vault, &error));
  third = sc_vault_submit (vault, f->round_id, test_people[2].number,
                           (const guint8 *) "2222222222222222222222222222222222222222"
                                            "22222222222222222", SC_SEX_MALE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sc_vault_request_interview (vault, third, &error));
  g_assert_true (sc_vault_leave_kiosk (vault, IMPL_PASS, &error));
  g_assert_no_error (error);
  g_assert_true (sc_vault_read_result (vault, third, &r, &error));
  g_assert_false (r.consent_mismatch);
  g_assert_true (sc_vault_record_consent (vault, third, TRUE, &error));
  g_assert_true (sc_vault_read_result (vault, third, &r, &error));
  g_assert_no_error (error);
  g_assert_false (r.consent_mismatch);
  memcpy (impl_pk, sc_vault_get_public_key (vault, SC_VAULT_ROLE_IMPLEMENTER), sizeof impl_pk);
  g_clear_object (&vault);

  hr_edits (f, "UPDATE consents SET value = 2 WHERE submission_id = (SELECT min(id) + 1 "
               "FROM submissions)", NULL, 0);
  vault = open_as (f, IMPL_PASS);
  g_assert_true (sc_vault_read_result (vault, f->sub[1], &r, &error));
  g_assert_no_error (error);
  g_assert_true (r.consent_mismatch);
  g_assert_true (sc_vault_read_result (vault, f->sub[0], &r, &error));
  g_assert_false (r.consent_mismatch);
  g_clear_object (&vault);

  /* A decision sealed by HR to the implementer's key, saying "yes": its authentication
   * cannot be right without the decision key. */
  memset (plain, 0, sizeof plain);
  plain[0] = 1;
  _sc_vault_put_i64 (plain + 1, f->sub[1]);
  plain[9] = SC_VAULT_CONSENT_YES;
  randombytes_buf (plain + 11, 32);
  crypto_box_seal (forged, plain, sizeof plain, impl_pk);
  hr_edits (f, "UPDATE submissions SET decision_sealed = ? WHERE id = (SELECT min(id) + 1 "
               "FROM submissions)", forged, sizeof forged);
  vault = open_as (f, IMPL_PASS);
  g_assert_true (sc_vault_read_result (vault, f->sub[1], &r, &error));
  g_assert_true (r.consent_mismatch);
  g_clear_object (&vault);

  /* And so is a decision removed. */
  hr_edits (f, "UPDATE submissions SET decision_sealed = NULL WHERE id = (SELECT min(id) "
               "FROM submissions)", NULL, 0);
  vault = open_as (f, IMPL_PASS);
  g_assert_true (sc_vault_read_result (vault, f->sub[0], &r, &error));
  g_assert_true (r.consent_mismatch);
}

/* ---- §2: no two slots share a passphrase --------------------------------------- */

static void
test_passphrases_stay_distinct (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = open_as (f, IMPL_PASS);
  char *recovery = NULL;

  /* The implementer takes HR's passphrase: HR's would then open as the implementer. */
  g_assert_false (sc_vault_change_passphrase (vault, HR_PASS, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sc_vault_set_hr_passphrase (vault, IMPL_PASS, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sc_vault_rotate_keys (vault, IMPL_PASS, IMPL_PASS, &recovery, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
  g_assert_null (recovery);
  g_clear_error (&error);
  g_clear_object (&vault);

  /* HR takes the implementer's. */
  vault = open_as (f, HR_PASS);
  g_assert_false (sc_vault_change_passphrase (vault, IMPL_PASS, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&vault);

  /* Recovery with HR's passphrase as the implementer's new one. */
  vault = sc_vault_recover (f->path, f->recovery, HR_PASS, &error);
  g_assert_null (vault);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
  g_clear_error (&error);

  /* Nothing changed: each passphrase still opens its own role only. */
  vault = open_as (f, HR_PASS);
  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_HR);
  g_clear_object (&vault);
  vault = open_as (f, IMPL_PASS);
  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_IMPLEMENTER);
}

/* ---- §3: HR cannot write what is not HR's --------------------------------------- */

static void
test_hr_api_refusals (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = open_as (f, HR_PASS);
  g_autoptr(GPtrArray) log = NULL;
  ScCriteria criteria;
  guint n_before;

  log = sc_vault_list_audit (vault, &error);
  g_assert_no_error (error);
  n_before = log->len;

  /* Consent "no" on a shared result (HR holds a copy), "yes" on one not shared. */
  g_assert_false (sc_vault_record_consent (vault, f->sub[0], FALSE, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (sc_vault_record_consent (vault, f->sub[0], TRUE, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
  g_clear_error (&error);
  /* An interview request on the employee's behalf. */
  g_assert_false (sc_vault_request_interview (vault, f->sub[0], &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
  g_clear_error (&error);
  /* Criteria, rounds and settings. */
  sc_criteria_init_default (&criteria);
  g_assert_cmpint (sc_vault_create_round (vault, "HR's", NULL, NULL, &criteria, &error), ==, 0);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (sc_vault_close_round (vault, f->round_id, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (sc_vault_set_setting (vault, SC_VAULT_SETTING_HR_KIOSK, "true", &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (sc_vault_recommend_interview (vault, f->sub[0], TRUE, "HR", &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
  g_clear_error (&error);
  /* Keys: HR cannot drop or rotate anything. */
  g_assert_false (sc_vault_remove_hr_slot (vault, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
  g_clear_error (&error);
  g_clear_pointer (&log, g_ptr_array_unref);

  /* Nothing of it reached the log (the audit log has no API to change an entry). */
  log = sc_vault_list_audit (vault, &error);
  g_assert_cmpuint (log->len, ==, n_before);
}

/* HR changes an audit entry by hand (hiding that it read a result, say). */
static void
test_audit_entry_changed (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = open_as (f, HR_PASS);

  g_assert_true (sc_vault_test_edit_audit (vault, 3, "report.export", &error));
  g_assert_no_error (error);
  g_clear_object (&vault);

  /* Every role's open checks the chain, and names the entry. */
  vault = sc_vault_open (f->path, HR_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_null (vault);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_TAMPERED);
  g_assert_nonnull (strstr (error->message, "audit log entry 3 "));
  g_clear_error (&error);
  assert_implementer_sees_tampering (f, "audit log entry 3 ");
}

static void
test_audit_entry_removed (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = open_as (f, HR_PASS);

  g_assert_true (sc_vault_test_delete_audit (vault, 4, &error));
  g_assert_no_error (error);
  g_clear_object (&vault);
  assert_implementer_sees_tampering (f, "audit log entry 4 ");
}

/* HR cuts the log short and rebuilds the head, so the chain alone looks intact: the
 * implementer's signature over its own newest entry is what shows it. (Entries written
 * after the implementer's last one can be dropped this way unnoticed: see the README.) */
static void
test_audit_cut_short (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = open_as (f, IMPL_PASS);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;

  g_assert_true (sc_vault_audit_append (vault, "report.export", 0, &error));
  g_assert_no_error (error);
  g_clear_object (&vault);

  /* HR deletes the last two entries and moves the head back to the one now last: the
   * chain is consistent again. */
  vault = open_as (f, HR_PASS);
  db = sc_vault_get_db (vault);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM audit_log WHERE id = (SELECT max(id) "
                                     "FROM audit_log)", NULL, NULL, NULL), ==, SQLITE_OK);
  stmt = sc_vault_db_prepare (db, "UPDATE vault_meta SET value = (SELECT prev_hash FROM "
                                  "audit_log WHERE id = (SELECT max(id) FROM audit_log)) "
                                  "WHERE key = 'audit_head'", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM audit_log WHERE id = (SELECT max(id) "
                                     "FROM audit_log)", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (sc_vault_test_save (vault, &error));
  g_clear_object (&vault);

  assert_implementer_sees_tampering (f, "audit log entry");
}

/* ---- §6: key rotation ------------------------------------------------------------- */

/* Whether @data_key opens the body of the vault file at @path. */
static gboolean
data_key_opens_file (const char   *path,
                     const guint8  data_key[SC_VAULT_KEY_BYTES])
{
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *data = NULL;
  g_autofree guint8 *plain = NULL;
  ScVaultHeader header;
  ScVaultBodyKeys *keys = sc_secure_alloc (sizeof *keys);
  gsize len = 0, body_len;
  gboolean opens;

  data = test_read (path, &len);
  g_assert_true (sc_vault_header_parse (data, len, TRUE, &header, &error));
  g_assert_no_error (error);
  memcpy (keys->data_key, data_key, SC_VAULT_KEY_BYTES);
  sc_vault_body_keys_derive (keys);
  body_len = len - header.header_len;
  plain = g_malloc (sc_vault_body_plain_len (body_len));
  opens = sc_vault_header_check_mac (&header, keys, data, len)
          && sc_vault_body_decrypt (&header, keys->enc_key, data + header.header_len,
                                    body_len, plain);
  sc_secure_free (keys);
  return opens;
}

static void
test_rotate_keys (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = open_as (f, IMPL_PASS);
  guint8 old_key[SC_VAULT_KEY_BYTES], new_key[SC_VAULT_KEY_BYTES];
  char *recovery = NULL;
  ScVaultResult r;

  /* Someone takes the data key (from memory, from an HR session). */
  g_assert_true (sc_vault_test_get_data_key (vault, old_key));
  g_assert_true (data_key_opens_file (f->path, old_key));

  /* A wrong passphrase is refused and nothing changes. */
  g_assert_false (sc_vault_rotate_keys (vault, "not the passphrase", NULL, &recovery, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_assert_true (data_key_opens_file (f->path, old_key));

  g_assert_true (sc_vault_rotate_keys (vault, IMPL_PASS, NULL, &recovery, &error));
  g_assert_no_error (error);
  g_assert_nonnull (recovery);
  g_assert_true (sc_vault_test_get_data_key (vault, new_key));
  g_assert_true (sodium_memcmp (old_key, new_key, sizeof old_key) != 0);
  /* The body saved after the rotation does not open with the old key. */
  g_assert_false (data_key_opens_file (f->path, old_key));
  g_assert_true (data_key_opens_file (f->path, new_key));
  /* Nor does one saved later. */
  g_assert_true (sc_vault_audit_append (vault, "report.export", 0, &error));
  g_assert_false (data_key_opens_file (f->path, old_key));
  /* HR's slot went with the old key. */
  g_assert_false (sc_vault_has_hr_passphrase (vault));
  /* Sealed results still open. */
  g_assert_true (sc_vault_read_result (vault, f->sub[1], &r, &error));
  g_assert_no_error (error);
  g_clear_object (&vault);

  vault = sc_vault_open (f->path, HR_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_null (vault);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  /* The old recovery key stopped working; the new one works. */
  vault = sc_vault_recover (f->path, f->recovery, "a new implementer pass", &error);
  g_assert_null (vault);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  vault = sc_vault_recover (f->path, recovery, "a new implementer pass", &error);
  g_assert_no_error (error);
  g_assert_nonnull (vault);
  g_assert_true (sc_vault_read_result (vault, f->sub[0], &r, &error));
  g_assert_no_error (error);
  sc_vault_free_recovery_key (recovery);
}

static void
test_rotate_keeps_hr (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = open_as (f, IMPL_PASS);
  char *recovery = NULL;
  ScVaultResult r;

  g_assert_true (sc_vault_rotate_keys (vault, IMPL_PASS, "hr's new passphrase", &recovery,
                                       &error));
  g_assert_no_error (error);
  sc_vault_free_recovery_key (recovery);
  g_clear_object (&vault);

  vault = sc_vault_open (f->path, HR_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  vault = open_as (f, "hr's new passphrase");
  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_HR);
  /* HR's key pair stayed: the shared result still opens for HR. */
  g_assert_true (sc_vault_read_result (vault, f->sub[0], &r, &error));
  g_assert_no_error (error);
}

static void
test_remove_hr_slot (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = open_as (f, IMPL_PASS);

  g_assert_true (sc_vault_remove_hr_slot (vault, &error));
  g_assert_no_error (error);
  g_assert_false (sc_vault_has_hr_passphrase (vault));
  g_assert_false (sc_vault_remove_hr_slot (vault, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&vault);

  vault = sc_vault_open (f->path, HR_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_null (vault);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  vault = open_as (f, IMPL_PASS);
  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_IMPLEMENTER);
}

static void
on_rotated_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* The worker-thread variant, as the workspace calls it. */
static void
test_rotate_keys_async (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = open_as (f, IMPL_PASS);
  g_autoptr(GAsyncResult) result = NULL;
  guint8 old_key[SC_VAULT_KEY_BYTES];
  char *recovery = NULL;

  g_assert_true (sc_vault_test_get_data_key (vault, old_key));
  sc_vault_rotate_keys_async (vault, IMPL_PASS, "hr's new passphrase", NULL, on_rotated_cb,
                              &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (sc_vault_rotate_keys_finish (vault, result, &recovery, &error));
  g_assert_no_error (error);
  g_assert_nonnull (recovery);
  g_assert_false (data_key_opens_file (f->path, old_key));
  g_assert_true (sc_vault_has_hr_passphrase (vault));
  sc_vault_free_recovery_key (recovery);
  g_clear_object (&result);

  /* An error arrives in _finish, with no recovery key. */
  sc_vault_rotate_keys_async (vault, HR_PASS, NULL, NULL, on_rotated_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (sc_vault_rotate_keys_finish (vault, result, &recovery, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE);
  g_assert_null (recovery);
}

/* A rotation whose save fails leaves the old file, which the old keys still open. */
static void
test_rotate_keys_save_fails (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = open_as (f, IMPL_PASS);
  g_autofree char *blocker = g_strconcat (f->path, ".tmp", NULL);
  g_autofree char *inside = g_build_filename (blocker, "x", NULL);
  guint8 old_key[SC_VAULT_KEY_BYTES];
  char *recovery = NULL;

  g_assert_true (sc_vault_test_get_data_key (vault, old_key));
  /* The temporary file's name is taken by a folder that is not empty. */
  g_assert_cmpint (g_mkdir (blocker, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, "x", 1, NULL));

  g_assert_false (sc_vault_rotate_keys (vault, IMPL_PASS, NULL, &recovery, &error));
  g_assert_nonnull (error);
  g_assert_null (recovery);
  g_clear_error (&error);
  /* Locked rather than left with keys that match no file. */
  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_NONE);
  g_unlink (inside);
  g_rmdir (blocker);

  g_assert_true (data_key_opens_file (f->path, old_key));
  g_clear_object (&vault);
  vault = open_as (f, HR_PASS);
  g_clear_object (&vault);
  vault = sc_vault_recover (f->path, f->recovery, "a new implementer pass", &error);
  g_assert_no_error (error);
  g_assert_nonnull (vault);
}

/* ---- Upgrade of a vault from before signatures ------------------------------------ */

static guint
implementer_wrapped_len (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *data = NULL;
  ScVaultHeader header;
  gsize len = 0;

  data = test_read (path, &len);
  g_assert_true (sc_vault_header_parse (data, len, TRUE, &header, &error));
  g_assert_cmpint (header.slots[0].type, ==, SC_VAULT_SLOT_IMPLEMENTER);
  return header.slots[0].wrapped_len;
}

static void
test_upgrade_older_vault (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autofree char *path = g_build_filename (f->dir, "older.scvault", NULL);
  g_autoptr(GPtrArray) log = NULL;
  char *recovery = NULL;

  /* As an older Stress Check wrote it: schema step 3, slots without the pin block. */
  sc_vault_test_schema_target = 3;
  sc_vault_test_legacy_slots = TRUE;
  vault = test_create_vault (path, &recovery);
  g_assert_true (sc_vault_set_hr_passphrase (vault, HR_PASS, &error));
  g_assert_cmpint (sc_vault_create_round (vault, "old", NULL, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&vault);
  sc_vault_test_schema_target = 0;
  sc_vault_test_legacy_slots = FALSE;
  g_assert_cmpuint (implementer_wrapped_len (path), ==, SC_VAULT_PAYLOAD_FULL_V1 + 16);

  /* HR opens it first: migrated (audit chain), but HR cannot sign. */
  vault = sc_vault_open (path, HR_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_clear_object (&vault);

  /* The implementer's open signs the records and pins the slot. */
  vault = sc_vault_open (path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  log = sc_vault_list_audit (vault, &error);
  g_assert_cmpstr (((ScVaultAuditEntry *) g_ptr_array_index (log, log->len - 1))->action, ==,
                   "vault.sign");
  g_clear_object (&vault);
  g_assert_cmpuint (implementer_wrapped_len (path), ==, SC_VAULT_PAYLOAD_FULL + 16);

  /* From now on, stripping the signatures no longer passes as an older vault. */
  vault = sc_vault_open (path, HR_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_cmpint (sqlite3_exec (sc_vault_get_db (vault), "DELETE FROM vault_signatures",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (sc_vault_test_save (vault, &error));
  g_clear_object (&vault);
  vault = sc_vault_open (path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_null (vault);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_TAMPERED);
  g_clear_error (&error);

  /* Nor through the older recovery slot: the implementer's slot is pinned already. */
  vault = sc_vault_recover (path, recovery, "recovered passphrase", &error);
  g_assert_null (vault);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_TAMPERED);
  sc_vault_free_recovery_key (recovery);
}

/* The recovery slot of an older vault gets its pin block when it is used. */
static void
test_upgrade_older_recovery_slot (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autofree char *path = g_build_filename (f->dir, "older.scvault", NULL);
  g_autofree guint8 *file = NULL;
  ScVaultHeader header;
  char *recovery = NULL;
  gsize len = 0;

  sc_vault_test_schema_target = 3;
  sc_vault_test_legacy_slots = TRUE;
  vault = test_create_vault (path, &recovery);
  g_clear_object (&vault);
  sc_vault_test_schema_target = 0;
  sc_vault_test_legacy_slots = FALSE;

  vault = sc_vault_recover (path, recovery, "recovered passphrase", &error);
  g_assert_no_error (error);
  g_clear_object (&vault);
  file = test_read (path, &len);
  g_assert_true (sc_vault_header_parse (file, len, TRUE, &header, &error));
  g_assert_cmpuint (header.n_slots, ==, 2);
  for (guint i = 0; i < header.n_slots; i++)
    g_assert_cmpuint (header.slots[i].wrapped_len, ==, SC_VAULT_PAYLOAD_FULL + 16);
  vault = open_as_path (path, "recovered passphrase");
  sc_vault_free_recovery_key (recovery);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/vault/attacks/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("hr-swaps-key-and-starts-kiosk", test_hr_swaps_key_and_starts_kiosk);
  ADD ("hr-allows-itself-the-kiosk", test_hr_allows_itself_the_kiosk);
  ADD ("implementer-kiosk-seals-to-pinned-key", test_implementer_kiosk_seals_to_pinned_key);
  ADD ("hr-changes-criteria", test_hr_changes_criteria);
  ADD ("hr-adds-and-removes-rounds", test_hr_adds_and_removes_rounds);
  ADD ("hr-strips-signatures", test_hr_strips_signatures);
  ADD ("hr-forges-recommendation", test_hr_forges_recommendation);
  ADD ("hr-forges-decision", test_hr_forges_decision);
  ADD ("hr-forges-release", test_hr_forges_release);
  ADD ("signed-records-reopen", test_signed_records_reopen);
  ADD ("hr-forges-consent", test_hr_forges_consent);
  ADD ("passphrases-stay-distinct", test_passphrases_stay_distinct);
  ADD ("hr-api-refusals", test_hr_api_refusals);
  ADD ("audit-entry-changed", test_audit_entry_changed);
  ADD ("audit-entry-removed", test_audit_entry_removed);
  ADD ("audit-cut-short", test_audit_cut_short);
  ADD ("rotate-keys", test_rotate_keys);
  ADD ("rotate-keeps-hr", test_rotate_keeps_hr);
  ADD ("rotate-keys-async", test_rotate_keys_async);
  ADD ("rotate-keys-save-fails", test_rotate_keys_save_fails);
  ADD ("remove-hr-slot", test_remove_hr_slot);
  ADD ("upgrade-older-vault", test_upgrade_older_vault);
  ADD ("upgrade-older-recovery-slot", test_upgrade_older_recovery_slot);

  return g_test_run ();
}
