/* test-vault-people.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Named people (issue 11 §4, sc-vault-people.h): each person's own key slot, who
 * unlocked, the audit log and decisions naming them, changing one's own passphrase,
 * removing a person (re-keyed; an HR person's removal with a new HR key pair), renaming,
 * the people rows as signed records (HR's forgeries reported, older vaults signed once),
 * the header's format version 2 and vaults from before.
 */
#include "config.h"

#include "sc-test-util.h"
#include "sc-secure.h"
#include "sc-vault.h"
#include "sc-vault-people.h"
#include "sc-vault-private.h"
#include "sc-vault-releases.h"
#include "sc-workspace.h"

#include <string.h>

#define ASSIST_PASS "assistant passphrase 3"
#define HANAKO_PASS "hanako passphrase 4"

typedef struct
{
  char   *dir;
  char   *path;
  gint64  hr_id;
  gint64  assistant_id;
} Fixture;

/* The implementer who created the vault adds an HR person and an assistant. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;

  f->dir = test_make_dir ();
  f->path = g_build_filename (f->dir, "people.scvault", NULL);
  vault = test_create_vault (f->path, NULL);
  g_assert_cmpuint (sc_vault_get_person_id (vault), ==, 1);
  f->hr_id = sc_vault_add_person (vault, "Hanako HR", SC_VAULT_PERSON_HR, HANAKO_PASS, &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->hr_id, >, 1);
  f->assistant_id = sc_vault_add_person (vault, " Taro Assistant ", SC_VAULT_PERSON_ASSISTANT,
                                         ASSIST_PASS, &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->assistant_id, >, f->hr_id);
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
open_as (const char *path,
         const char *passphrase)
{
  g_autoptr(GError) error = NULL;
  ScVault *vault = sc_vault_open (path, passphrase, SC_VAULT_OPEN_FLAGS_NONE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (vault);
  return vault;
}

static void
assert_refused (const char *path,
                const char *passphrase)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = sc_vault_open (path, passphrase, SC_VAULT_OPEN_FLAGS_NONE,
                                            &error);

  g_assert_null (vault);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE);
}

static const ScVaultPerson *
find_person (GPtrArray *people,
             gint64     id)
{
  for (guint i = 0; i < people->len; i++)
    {
      const ScVaultPerson *person = g_ptr_array_index (people, i);

      if (person->id == id)
        return person;
    }
  return NULL;
}

/* The person, who must be listed. */
static const ScVaultPerson *
get_person (GPtrArray *people,
            gint64     id)
{
  const ScVaultPerson *person = find_person (people, id);

  if (person == NULL)
    g_error ("person %ld is not listed", (long) id);
  return person;
}

static const ScVaultAuditEntry *
last_audit (ScVault    *vault,
            GPtrArray **out_log)
{
  g_autoptr(GError) error = NULL;

  *out_log = sc_vault_list_audit (vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint ((*out_log)->len, >, 0);
  return g_ptr_array_index (*out_log, (*out_log)->len - 1);
}

static void
test_each_person_unlocks (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(GPtrArray) people = NULL;
  const ScVaultPerson *person;

  vault = open_as (f->path, HANAKO_PASS);
  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_HR);
  g_assert_cmpuint (sc_vault_get_person_id (vault), ==, f->hr_id);
  g_assert_cmpstr (sc_vault_get_person_name (vault), ==, "Hanako HR");
  /* HR sees who may unlock, but may not add anyone. */
  people = sc_vault_list_people (vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 3);
  g_assert_cmpint (sc_vault_add_person (vault, "Jiro", SC_VAULT_PERSON_HR, "jiro passphrase 5",
                                        &error), ==, 0);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
  g_clear_error (&error);
  g_clear_object (&vault);

  /* The assistant has the implementer's rights and keys. */
  vault = open_as (f->path, ASSIST_PASS);
  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_IMPLEMENTER);
  g_assert_cmpstr (sc_vault_get_person_name (vault), ==, "Taro Assistant");
  g_clear_pointer (&people, g_ptr_array_unref);
  people = sc_vault_list_people (vault, &error);
  g_assert_no_error (error);
  person = get_person (people, f->assistant_id);
  g_assert_cmpint (person->role, ==, SC_VAULT_PERSON_ASSISTANT);
  g_assert_true (person->has_key);
  g_assert_cmpint (person->added_at, >, 0);
  person = get_person (people, 1);
  g_assert_cmpstr (person->name, ==, "Implementer");
  g_assert_cmpint (person->role, ==, SC_VAULT_PERSON_IMPLEMENTER);
  g_clear_object (&vault);

  vault = open_as (f->path, IMPL_PASS);
  g_assert_cmpuint (sc_vault_get_person_id (vault), ==, 1);
}

static void
test_passphrases_unique (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = open_as (f->path, IMPL_PASS);
  const char *taken[] = { IMPL_PASS, HANAKO_PASS, ASSIST_PASS };

  for (guint i = 0; i < G_N_ELEMENTS (taken); i++)
    {
      g_assert_cmpint (sc_vault_add_person (vault, "Someone", SC_VAULT_PERSON_HR, taken[i],
                                            &error), ==, 0);
      g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_cmpint (sc_vault_add_person (vault, "   ", SC_VAULT_PERSON_HR, "fresh passphrase 9",
                                        &error), ==, 0);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
}

static void
test_audit_names_person (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = open_as (f->path, ASSIST_PASS);
  g_autoptr(GPtrArray) log = NULL;
  const ScVaultAuditEntry *entry;

  g_assert_true (sc_vault_audit_append (vault, "test.action", 0, &error));
  g_assert_no_error (error);
  g_clear_object (&vault);

  /* Reopening checks the hash chain, which covers the person. */
  vault = open_as (f->path, HANAKO_PASS);
  entry = last_audit (vault, &log);
  for (guint i = log->len; i > 0; i--)
    {
      entry = g_ptr_array_index (log, i - 1);
      if (g_strcmp0 (entry->action, "test.action") == 0)
        break;
    }
  g_assert_cmpstr (entry->action, ==, "test.action");
  g_assert_cmpint (entry->person_id, ==, f->assistant_id);
  g_assert_cmpstr (entry->person, ==, "Taro Assistant");
  g_clear_pointer (&log, g_ptr_array_unref);

  /* Changing the person of an entry breaks the chain. */
  g_assert_true (sc_vault_db_exec (sc_vault_get_db (vault),
                                   "UPDATE audit_log SET person = 1 "
                                   "WHERE action = 'test.action'", &error));
  g_assert_true (sc_vault_test_save (vault, &error));
  g_assert_no_error (error);
  g_clear_object (&vault);
  g_assert_null (sc_vault_open (f->path, HANAKO_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_TAMPERED);
}

static void
test_decision_names_person (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = open_as (f->path, IMPL_PASS);
  g_autoptr(GPtrArray) roster = test_roster (0);
  ScInterviewDecision decision;
  guint8 answers[SC_BJSQ_N_ITEMS];
  ScResult result;
  gint64 round_id, sub;

  g_assert_true (sc_vault_upsert_employees (vault, roster, &error));
  round_id = sc_vault_create_round (vault, "2025", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sc_vault_enter_kiosk (vault, &error));
  test_answers (1, answers);
  sub = sc_vault_submit (vault, round_id, test_people[0].number, answers, test_people[0].sex,
                         &result, &error);
  g_assert_no_error (error);
  /* The assistant leaves the kiosk and decides without typing a name. */
  g_assert_true (sc_vault_leave_kiosk (vault, ASSIST_PASS, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sc_vault_get_person_name (vault), ==, "Taro Assistant");
  g_assert_true (sc_vault_decide_interview_need (vault, sub, SC_INTERVIEW_NEED_REQUIRED, NULL,
                                                 NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sc_vault_get_interview_decision (vault, sub, &decision, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (decision.decided_by, ==, "Taro Assistant");
  sc_interview_decision_clear (&decision);
}

static void
test_change_own_passphrase (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = open_as (f->path, HANAKO_PASS);

  g_assert_false (sc_vault_change_own_passphrase (vault, "not my passphrase", "new hanako 6",
                                                  &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  /* Nobody may take another person's passphrase. */
  g_assert_false (sc_vault_change_own_passphrase (vault, HANAKO_PASS, ASSIST_PASS, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sc_vault_change_own_passphrase (vault, HANAKO_PASS, "new hanako 6", &error));
  g_assert_no_error (error);
  g_clear_object (&vault);

  assert_refused (f->path, HANAKO_PASS);
  vault = open_as (f->path, "new hanako 6");
  g_assert_cmpuint (sc_vault_get_person_id (vault), ==, f->hr_id);
  g_clear_object (&vault);
  /* The others are untouched. */
  g_clear_object (&vault);
  vault = open_as (f->path, ASSIST_PASS);
  g_clear_object (&vault);
  vault = open_as (f->path, IMPL_PASS);
}

static void
test_remove_person (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = open_as (f->path, IMPL_PASS);
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) log = NULL;
  const ScVaultAuditEntry *entry;
  guint8 key_before[SC_VAULT_KEY_BYTES], key_after[SC_VAULT_KEY_BYTES];
  char *recovery = NULL;

  /* Not oneself, and the passphrase typed again must be right. */
  g_assert_false (sc_vault_remove_person (vault, 1, IMPL_PASS, &recovery, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sc_vault_remove_person (vault, f->hr_id, "wrong passphrase 0", &recovery,
                                          &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  people = sc_vault_list_people (vault, &error);
  g_assert_nonnull (find_person (people, f->hr_id));
  g_clear_pointer (&people, g_ptr_array_unref);

  g_assert_true (sc_vault_test_get_data_key (vault, key_before));
  g_assert_true (sc_vault_remove_person (vault, f->hr_id, IMPL_PASS, &recovery, &error));
  g_assert_no_error (error);
  g_assert_nonnull (recovery);
  g_assert_true (sc_vault_test_get_data_key (vault, key_after));
  g_assert_false (sodium_memcmp (key_before, key_after, sizeof key_before) == 0);

  /* Removed people are no longer listed; the others have no key until it is set. */
  people = sc_vault_list_people (vault, &error);
  g_assert_null (find_person (people, f->hr_id));
  g_assert_false (get_person (people, f->assistant_id)->has_key);
  g_assert_true (get_person (people, 1)->has_key);
  g_clear_pointer (&people, g_ptr_array_unref);
  g_clear_object (&vault);

  assert_refused (f->path, HANAKO_PASS);
  assert_refused (f->path, ASSIST_PASS);

  /* The audit log still names the removed person's entries. */
  vault = open_as (f->path, IMPL_PASS);
  entry = last_audit (vault, &log);
  for (guint i = log->len; i > 0; i--)
    {
      entry = g_ptr_array_index (log, i - 1);
      if (g_strcmp0 (entry->action, "person.remove") == 0)
        break;
    }
  g_assert_cmpstr (entry->action, ==, "person.remove");
  g_assert_cmpint (entry->target, ==, f->hr_id);
  g_assert_cmpstr (entry->person, ==, "Implementer");

  /* The assistant gets a passphrase again, typed with the implementer. */
  g_assert_true (sc_vault_set_person_passphrase (vault, f->assistant_id, "assistant again 7",
                                                 &error));
  g_assert_no_error (error);
  g_assert_false (sc_vault_set_person_passphrase (vault, f->hr_id, "hanako again 8", &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&vault);
  vault = open_as (f->path, "assistant again 7");
  g_assert_cmpuint (sc_vault_get_person_id (vault), ==, f->assistant_id);
  g_clear_object (&vault);

  /* The new recovery key opens; it is the only one. */
  vault = sc_vault_recover (f->path, recovery, "recovered passphrase 9", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sc_vault_get_person_id (vault), ==, 1);
  g_clear_object (&vault);
  vault = open_as (f->path, "recovered passphrase 9");
  g_assert_cmpstr (sc_vault_get_person_name (vault), ==, "Implementer");
  sc_vault_free_recovery_key (recovery);
}

/* The HR copy of @submission_id, straight from the database. */
static GBytes *
hr_copy (ScVault *vault,
         gint64   submission_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sc_vault_db_prepare (sc_vault_get_db (vault), "SELECT sealed_hr FROM submissions "
                                                       "WHERE id = ?", NULL);
  g_assert_nonnull (stmt);
  sqlite3_bind_int64 (stmt, 1, submission_id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_type (stmt, 0), ==, SQLITE_BLOB);
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

/* A paper form of test person @person, entered by the implementer with consent. */
static gint64
consented (ScVault *vault,
           gint64   round_id,
           guint    person)
{
  g_autoptr(GError) error = NULL;
  guint8 answers[SC_BJSQ_N_ITEMS];
  ScResult result;
  gint64 id;

  test_answers (person + 1, answers);
  id = sc_vault_submit (vault, round_id, test_people[person].number, answers,
                        test_people[person].sex, &result, &error);
  g_assert_no_error (error);
  g_assert_true (sc_vault_record_consent (vault, id, TRUE, &error));
  g_assert_no_error (error);
  return id;
}

/* Removing an HR person makes a new HR key pair: the old secret key (which the person
 * could have copied) opens no HR copy stored after the removal, and a newly set HR
 * person reads the results. */
static void
test_remove_hr_rekeys (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = open_as (f->path, IMPL_PASS);
  g_autoptr(GPtrArray) roster = test_roster (0);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) later = NULL;
  guint8 old_pk[32], old_sk[32], new_pk[32], new_sk[32], hr_pk[32], hr_sk[32];
  char *recovery = NULL;
  gint64 round_id, sub, sub2, jiro, release;
  g_autofree char *snapshot = NULL;
  ScVaultResult r;

  g_assert_true (sc_vault_upsert_employees (vault, roster, &error));
  round_id = sc_vault_create_round (vault, "2024", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  sub = consented (vault, round_id, 0);
  release = sc_vault_release_analysis (vault, round_id, "whole company", "Dr. A",
                                       "{\"a\":1}", &error);
  g_assert_no_error (error);
  g_assert_cmpint (release, >, 0);
  g_assert_true (sc_vault_test_get_hr_keys (vault, old_pk, old_sk));
  before = hr_copy (vault, sub);
  g_assert_true (opens_with (before, old_pk, old_sk));

  g_assert_true (sc_vault_remove_person (vault, f->hr_id, IMPL_PASS, &recovery, &error));
  g_assert_no_error (error);
  sc_vault_free_recovery_key (recovery);
  g_assert_true (sc_vault_test_get_hr_keys (vault, new_pk, new_sk));
  g_assert_false (sodium_memcmp (old_pk, new_pk, sizeof old_pk) == 0);
  after = hr_copy (vault, sub);
  g_assert_false (opens_with (after, old_pk, old_sk));
  g_assert_true (opens_with (after, new_pk, new_sk));
  {
    g_autoptr(sqlite3_stmt) stmt = sc_vault_db_prepare (sc_vault_get_db (vault),
                                                        "SELECT sealed FROM group_releases",
                                                        NULL);
    g_autoptr(GBytes) blob = NULL;

    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    blob = g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0));
    g_assert_false (opens_with (blob, old_pk, old_sk));
    g_assert_true (opens_with (blob, new_pk, new_sk));
  }
  /* A result shared after the removal is sealed to the new key only. */
  sub2 = consented (vault, round_id, 1);
  later = hr_copy (vault, sub2);
  g_assert_false (opens_with (later, old_pk, old_sk));
  g_assert_true (opens_with (later, new_pk, new_sk));
  jiro = sc_vault_add_person (vault, "Jiro HR", SC_VAULT_PERSON_HR, "jiro passphrase 5",
                              &error);
  g_assert_no_error (error);
  g_assert_cmpint (jiro, >, 0);
  g_clear_object (&vault);

  /* The implementer's open checks the signed public keys; the file's copies too. */
  vault = open_as (f->path, IMPL_PASS);
  g_clear_pointer (&after, g_bytes_unref);
  after = hr_copy (vault, sub);
  g_assert_false (opens_with (after, old_pk, old_sk));
  g_clear_object (&vault);
  assert_refused (f->path, HANAKO_PASS);

  /* The new HR person holds the new key and reads both results. */
  vault = open_as (f->path, "jiro passphrase 5");
  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_HR);
  g_assert_true (sc_vault_test_get_hr_keys (vault, hr_pk, hr_sk));
  g_assert_cmpmem (hr_pk, sizeof hr_pk, new_pk, sizeof new_pk);
  g_assert_false (sodium_memcmp (hr_sk, old_sk, sizeof hr_sk) == 0);
  g_assert_true (sc_vault_read_result (vault, sub, &r, &error));
  g_assert_no_error (error);
  g_assert_true (sc_vault_read_result (vault, sub2, &r, &error));
  g_assert_no_error (error);
  /* The released group snapshot too (sealed again; its signed hash signed again). */
  snapshot = sc_vault_open_release (vault, release, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (snapshot, ==, "{\"a\":1}");
  sodium_memzero (old_sk, sizeof old_sk);
  sodium_memzero (new_sk, sizeof new_sk);
  sodium_memzero (hr_sk, sizeof hr_sk);
}

/* What HR can do with the data key: change the people table by hand and save. */
static void
hr_edits (Fixture    *f,
          const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = open_as (f->path, HANAKO_PASS);

  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_HR);
  g_assert_true (sc_vault_db_exec (sc_vault_get_db (vault), sql, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_changes (sc_vault_get_db (vault)), >, 0);
  g_assert_true (sc_vault_test_save (vault, &error));
  g_assert_no_error (error);
}

/* The implementer's next open is refused as TAMPERED, with @needle in the message; the
 * file is then put back as it was. */
static void
assert_tampered_then_restore (Fixture      *f,
                              const char   *needle,
                              const guint8 *before,
                              gsize         len)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = sc_vault_open (f->path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE,
                                            &error);

  g_assert_null (vault);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_TAMPERED);
  if (strstr (error->message, needle) == NULL)
    g_error ("“%s” not in “%s”", needle, error->message);
  test_write (f->path, before, len);
}

/* The people rows are the implementer's signed records: HR renames the implementer,
 * makes itself an implementer, adds a person, undoes a removal, or drops the mark that
 * says the rows are signed; each is reported on the implementer's next open. */
static void
test_hr_forges_person (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(ScVault) vault = NULL;
  g_autofree guint8 *before = NULL;
  g_autofree char *sql = NULL;
  gsize len = 0;

  before = test_read (f->path, &len);
  hr_edits (f, "UPDATE people SET name = 'Someone else' WHERE id = 1");
  assert_tampered_then_restore (f, "the person 1", before, len);
  sql = g_strdup_printf ("UPDATE people SET role = 'implementer' WHERE id = %ld",
                         (long) f->hr_id);
  hr_edits (f, sql);
  assert_tampered_then_restore (f, "the person", before, len);
  hr_edits (f, "INSERT INTO people (name, role, added_at) VALUES ('Ghost', 'hr', 1)");
  assert_tampered_then_restore (f, "was changed or added", before, len);
  g_free (sql);
  sql = g_strdup_printf ("DELETE FROM people WHERE id = %ld", (long) f->assistant_id);
  hr_edits (f, sql);
  assert_tampered_then_restore (f, "was removed", before, len);
  hr_edits (f, "DELETE FROM settings WHERE key = 'people.signed'");
  assert_tampered_then_restore (f, "settings", before, len);

  /* Untouched, it opens. */
  vault = open_as (f->path, IMPL_PASS);
}

/* A vault from before the people rows were signed (no mark, no signatures): the
 * implementer's first open signs them as they are, and the mark is kept. */
static void
test_people_signed_on_upgrade (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = open_as (f->path, IMPL_PASS);
  g_autoptr(GByteArray) settings = NULL;
  sqlite3 *db = sc_vault_get_db (vault);

  g_assert_true (sc_vault_db_exec (db, "DELETE FROM settings WHERE key = 'people.signed';"
                                       "DELETE FROM vault_signatures WHERE kind = 'person'",
                                   &error));
  settings = _sc_vault_canon_settings (db);
  g_assert_true (_sc_vault_sign_record (vault, "settings", 0, settings, &error));
  g_assert_no_error (error);
  g_assert_true (sc_vault_test_save (vault, &error));
  g_assert_no_error (error);
  g_clear_object (&vault);

  vault = open_as (f->path, IMPL_PASS);
  g_clear_object (&vault);
  /* Signed now: a change by HR is seen. */
  hr_edits (f, "UPDATE people SET name = 'Someone else' WHERE id = 1");
  vault = sc_vault_open (f->path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_null (vault);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_TAMPERED);
}

/* The implementer renames anyone, themselves included; the row stays signed (the next
 * open checks it) and the change is audited. HR cannot rename. */
static void
test_rename_person (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = open_as (f->path, IMPL_PASS);
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) log = NULL;
  const ScVaultAuditEntry *entry;

  g_assert_cmpstr (sc_vault_get_person_name (vault), ==, SC_VAULT_PERSON_DEFAULT_NAME);
  g_assert_true (sc_vault_rename_person (vault, 1, "  山本 花子 ", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sc_vault_get_person_name (vault), ==, "山本 花子");
  g_assert_true (sc_vault_rename_person (vault, f->hr_id, "Hanako Sato", &error));
  g_assert_no_error (error);
  entry = last_audit (vault, &log);
  g_assert_cmpstr (entry->action, ==, "person.rename");
  g_assert_cmpint (entry->target, ==, f->hr_id);
  g_assert_cmpstr (entry->person, ==, "山本 花子");
  g_assert_false (sc_vault_rename_person (vault, f->hr_id, "   ", &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sc_vault_rename_person (vault, 999, "Nobody", &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&vault);

  vault = open_as (f->path, IMPL_PASS);
  people = sc_vault_list_people (vault, &error);
  g_assert_cmpstr (get_person (people, f->hr_id)->name, ==, "Hanako Sato");
  g_clear_object (&vault);

  vault = open_as (f->path, HANAKO_PASS);
  g_assert_false (sc_vault_rename_person (vault, f->hr_id, "Someone", &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
}

static guint16
file_version (const char *path)
{
  g_autofree guint8 *data = test_read (path, NULL);

  return (guint16) (data[8] | (data[9] << 8));
}

static void
test_older_format (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "v1.scvault", NULL);

  /* As the previous release wrote it: format version 1, schema step 6, no people. */
  sc_vault_test_format_version = 1;
  sc_vault_test_schema_target = 6;
  vault = test_create_vault (path, NULL);
  g_assert_true (sc_vault_set_hr_passphrase (vault, HR_PASS, &error));
  g_assert_no_error (error);
  g_clear_object (&vault);
  sc_vault_test_format_version = 0;
  sc_vault_test_schema_target = 0;
  g_assert_cmpuint (file_version (path), ==, 1);

  /* It opens (migrated and saved at once, so upgraded to version 2); nobody is named. */
  vault = open_as (path, HR_PASS);
  g_assert_cmpuint (sc_vault_get_person_id (vault), ==, 0);
  g_assert_null (sc_vault_get_person_name (vault));
  g_clear_object (&vault);
  g_assert_cmpuint (file_version (path), ==, 2);
  vault = open_as (path, IMPL_PASS);
  g_assert_cmpuint (sc_vault_get_person_id (vault), ==, 0);
  people = sc_vault_list_people (vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 2);
  g_assert_cmpint (((ScVaultPerson *) g_ptr_array_index (people, 0))->id, ==, 0);

  /* Named people join the slots from before. */
  g_assert_cmpint (sc_vault_add_person (vault, "New HR", SC_VAULT_PERSON_HR, HANAKO_PASS,
                                        &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&vault);
  vault = open_as (path, HANAKO_PASS);
  g_assert_cmpstr (sc_vault_get_person_name (vault), ==, "New HR");
  g_clear_object (&vault);
  vault = open_as (path, HR_PASS);
  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_HR);
  g_clear_object (&vault);
  test_remove_dir (dir);
}

/* A header with the checksum made right again after a change, as a forger would. */
static void
write_forged (const char *path,
              guint8     *data,
              gsize       len)
{
  gsize h = data[10] | (data[11] << 8);

  sc_vault_header_checksum (data, h, data + h - 32);
  test_write (path, data, len);
}

static void
test_tamper_person_id (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *original = NULL;
  ScVaultHeader header;
  gsize len = 0, off = SC_VAULT_FIXED_LEN;
  guint hr_index = G_MAXUINT;

  original = test_read (f->path, &len);
  g_assert_true (sc_vault_header_parse (original, len, TRUE, &header, &error));
  g_assert_cmpuint (header.n_slots, ==, 4);
  for (guint i = 0; i < header.n_slots; i++)
    {
      if (header.slots[i].person_id == f->hr_id)
        {
          hr_index = i;
          break;
        }
      off += SC_VAULT_SLOT_FIXED_LEN + header.slots[i].wrapped_len;
    }
  g_assert_cmpuint (hr_index, !=, G_MAXUINT);

  /* The person id byte changed without the checksum: damaged. */
  {
    g_autofree guint8 *copy = g_memdup2 (original, len);
    g_autoptr(ScVault) vault = NULL;

    copy[off + 4] ^= 0x40;
    test_write (f->path, copy, len);
    vault = sc_vault_open (f->path, HANAKO_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
    g_assert_null (vault);
    g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_DAMAGED);
    g_clear_error (&error);
  }
  /* Relabelled to another person, checksum recomputed: the slot no longer opens with
   * its passphrase, so nobody can pass as someone else. */
  {
    g_autofree guint8 *copy = g_memdup2 (original, len);
    g_autoptr(ScVault) vault = NULL;

    copy[off + 4] = 0x7f;
    write_forged (f->path, copy, len);
    vault = sc_vault_open (f->path, HANAKO_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
    g_assert_null (vault);
    g_assert_true (g_error_matches (error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE)
                   || g_error_matches (error, SC_VAULT_ERROR, SC_VAULT_ERROR_DAMAGED));
    g_clear_error (&error);
  }
  /* Two slots with one person id: damaged before any key is derived. */
  {
    g_autofree guint8 *copy = g_memdup2 (original, len);

    copy[off + 4] = 1;
    copy[off + 5] = copy[off + 6] = copy[off + 7] = 0;
    write_forged (f->path, copy, len);
    g_assert_false (sc_vault_header_parse (copy, len, TRUE, &header, &error));
    g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_DAMAGED);
    g_clear_error (&error);
  }
  /* A person id in a version 1 header is damage. */
  {
    g_autofree guint8 *copy = g_memdup2 (original, len);
    gsize h = copy[10] | (copy[11] << 8);

    copy[8] = 1;
    sc_vault_header_checksum (copy, h, copy + h - 32);
    g_assert_false (sc_vault_header_parse (copy, len, TRUE, &header, &error));
    g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_DAMAGED);
    g_clear_error (&error);
  }
  /* The original still opens for everyone. */
  test_write (f->path, original, len);
  g_object_unref (open_as (f->path, HANAKO_PASS));
}

static void
test_pin_block_per_slot (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *bytes = NULL;
  ScVaultHeader header;
  gsize len = 0;

  /* Every implementer or assistant slot carries the pin block; an HR slot does not. */
  bytes = test_read (f->path, &len);
  g_assert_true (sc_vault_header_parse (bytes, len, TRUE, &header, &error));
  for (guint i = 0; i < header.n_slots; i++)
    {
      const ScVaultSlot *slot = &header.slots[i];

      if (slot->type == SC_VAULT_SLOT_HR)
        g_assert_cmpuint (slot->wrapped_len, ==, SC_VAULT_PAYLOAD_HR + SC_VAULT_TAG_BYTES);
      else
        g_assert_cmpuint (slot->wrapped_len, ==, SC_VAULT_PAYLOAD_FULL + SC_VAULT_TAG_BYTES);
    }
}

static void
test_room_for_slots (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "full.scvault", NULL);
  guint added = 0;

  vault = test_create_vault (path, NULL);
  /* The implementer and the recovery key take two of the sixteen slots. */
  for (guint i = 0; i < SC_VAULT_MAX_SLOTS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %u", i);
      g_autofree char *pass = g_strdup_printf ("passphrase number %u", i);

      if (sc_vault_add_person (vault, name, i % 2 ? SC_VAULT_PERSON_HR
                                                  : SC_VAULT_PERSON_ASSISTANT, pass, &error) == 0)
        break;
      added++;
    }
  g_assert_cmpuint (added, ==, SC_VAULT_MAX_SLOTS - 2);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
  g_clear_object (&vault);
  vault = open_as (path, "passphrase number 13");
  g_assert_cmpstr (sc_vault_get_person_name (vault), ==, "Person 13");
  g_clear_object (&vault);
  test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_true (sc_secure_init ());

#define ADD(name, func) \
  g_test_add ("/vault/people/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("each-person-unlocks", test_each_person_unlocks);
  ADD ("passphrases-unique", test_passphrases_unique);
  ADD ("audit-names-person", test_audit_names_person);
  ADD ("decision-names-person", test_decision_names_person);
  ADD ("change-own-passphrase", test_change_own_passphrase);
  ADD ("remove-person", test_remove_person);
  ADD ("remove-hr-rekeys", test_remove_hr_rekeys);
  ADD ("hr-forges-person", test_hr_forges_person);
  ADD ("rename-person", test_rename_person);
  ADD ("people-signed-on-upgrade", test_people_signed_on_upgrade);
  ADD ("tamper-person-id", test_tamper_person_id);
  ADD ("pin-block-per-slot", test_pin_block_per_slot);
#undef ADD
  g_test_add_func ("/vault/people/older-format", test_older_format);
  g_test_add_func ("/vault/people/room-for-slots", test_room_for_slots);

  return g_test_run ();
}
