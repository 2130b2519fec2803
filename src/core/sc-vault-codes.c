/* sc-vault-codes.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The access-code aggregate: hashes of access codes, issuing them, and checking a typed
 * code with the throttle.
 *
 * Every change is one BEGIN IMMEDIATE … COMMIT followed by a durable save; nothing
 * returns TRUE before the change is on disk.
 */
#define G_LOG_DOMAIN "sc-vault"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-vault-private.h"
#include "sc-vault-employees.h"
#include "sc-access-code.h"
#include "sc-score-format.h"
#include "sc-secure.h"

#include <string.h>

/* ---- Access codes ------------------------------------------------------------------ */

/* Stores @code_hash for the employee inside the current transaction, resets the
 * lock-out and drops answers kept under the old code (they could not be opened with the
 * new one). */
static gboolean
store_code_hash (ScVault     *vault,
                 gint64       round_id,
                 gint64       employee_id,
                 const char  *code_hash,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) del = NULL;
  guint8 salt[crypto_pwhash_SALTBYTES];
  sqlite3 *db = sc_vault_get_db (vault);

  randombytes_buf (salt, sizeof salt);
  stmt = sc_vault_db_prepare (db,
                              "INSERT OR REPLACE INTO access_codes (round_id, employee_id, "
                              "code_hash, failures, locked_until, partial_salt) "
                              "VALUES (?, ?, ?, 0, 0, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int64 (stmt, 2, employee_id);
  sqlite3_bind_text (stmt, 3, code_hash, -1, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 4, salt, sizeof salt, SQLITE_STATIC);
  if (!_sc_vault_step_done (db, stmt, error))
    return FALSE;
  del = sc_vault_db_prepare (db, "DELETE FROM partial_answers "
                                 "WHERE round_id = ? AND employee_id = ?", error);
  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, round_id);
  sqlite3_bind_int64 (del, 2, employee_id);
  return _sc_vault_step_done (db, del, error)
         && sc_vault_audit_insert (vault, "access_code.set", employee_id, error);
}

gboolean
sc_vault_set_access_code_hash (ScVault     *vault,
                               gint64       round_id,
                               const char  *employee_number,
                               const char  *code_hash,
                               GError     **error)
{
  gint64 employee_id;
  sqlite3 *db;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (employee_number != NULL && code_hash != NULL, FALSE);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_STAFF, TRUE, error))
    return FALSE;
  db = sc_vault_get_db (vault);
  if (!_sc_vault_lookup_round (db, round_id, NULL, NULL, error)
      || !_sc_vault_lookup_employee_id (db, employee_number, &employee_id, error))
    return FALSE;

  if (!sc_vault_begin (vault, error))
    return FALSE;
  if (!store_code_hash (vault, round_id, employee_id, code_hash, error))
    {
      sc_vault_rollback (vault);
      return FALSE;
    }
  return sc_vault_commit_and_save (vault, error);
}

static void
set_access_denied (GError **error)
{
  g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_ACCESS_DENIED,
                       _("The employee number or the access code is not right. Check the "
                         "slip and try again."));
}

/* ---- Issuing codes for a round ----------------------------------------------------- *
 *
 * One batch: every code is drawn and hashed in memory (in parallel, one thread per
 * core), the slips are handed to the caller's @deliver function, and only when that
 * succeeded are all hashes stored in one transaction and one durable save. A process
 * killed at any point therefore leaves either every old code valid (nothing saved; any
 * slips printed are void) or every new code saved, after its slip was delivered.
 */

typedef struct
{
  guint          n;
  char          *block;       /* SECURITY: every formatted code, in one guarded block */
  char         **codes;       /* pointers into block */
  char         **hashes;
  guint64        opslimit;
  gsize          memlimit;
  gint           next;        /* atomic: the next code to hash */
  gint           failed;      /* atomic */
} CodeBatch;

static gpointer
hash_codes_worker (gpointer data)
{
  CodeBatch *batch = data;
  guint i;

  while ((i = (guint) g_atomic_int_add (&batch->next, 1)) < batch->n)
    {
      batch->hashes[i] = sc_access_code_hash (batch->codes[i], batch->opslimit,
                                              batch->memlimit, NULL);
      if (batch->hashes[i] == NULL)
        g_atomic_int_set (&batch->failed, 1);
    }
  return NULL;
}

static void
code_batch_clear (CodeBatch *batch)
{
  for (guint i = 0; i < batch->n; i++)
    g_free (batch->hashes[i]);
  sc_secure_free (batch->block);
  g_free (batch->codes);
  g_free (batch->hashes);
}

static gboolean
append_to_gstring (const char  *csv,
                   gsize        len,
                   gpointer     user_data,
                   GError     **error)
{
  g_string_append_len (user_data, csv, (gssize) len);
  return TRUE;
}

gboolean
sc_vault_issue_access_codes (ScVault    *vault,
                             gint64      round_id,
                             GPtrArray  *employees,
                             GString    *out_csv,
                             GError    **error)
{
  g_return_val_if_fail (out_csv != NULL, FALSE);

  return sc_vault_issue_access_codes_full (vault, round_id, employees, append_to_gstring,
                                           out_csv, error);
}

GHashTable *
sc_vault_list_code_holders (ScVault  *vault,
                            gint64    round_id,
                            GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) holders = NULL;
  sqlite3 *db;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_STAFF, FALSE, error))
    return NULL;
  db = sc_vault_get_db (vault);
  if (!_sc_vault_lookup_round (db, round_id, NULL, NULL, error))
    return NULL;
  stmt = sc_vault_db_prepare (db, "SELECT e.number FROM access_codes a JOIN employees e "
                                  "ON e.id = a.employee_id WHERE a.round_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, round_id);
  holders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (holders, _sc_vault_column_strdup (stmt, 0));
  return g_steal_pointer (&holders);
}

static gboolean issue_codes (ScVault                 *vault,
                             gint64                   round_id,
                             GPtrArray               *employees,
                             gboolean                 only_missing,
                             ScVaultCodesDeliverFunc  deliver,
                             gpointer                 user_data,
                             GError                 **error);

gboolean
sc_vault_issue_access_codes_full (ScVault                 *vault,
                                  gint64                   round_id,
                                  GPtrArray               *employees,
                                  ScVaultCodesDeliverFunc  deliver,
                                  gpointer                 user_data,
                                  GError                 **error)
{
  return issue_codes (vault, round_id, employees, FALSE, deliver, user_data, error);
}

gboolean
sc_vault_issue_missing_access_codes_full (ScVault                 *vault,
                                          gint64                   round_id,
                                          GPtrArray               *employees,
                                          ScVaultCodesDeliverFunc  deliver,
                                          gpointer                 user_data,
                                          GError                 **error)
{
  return issue_codes (vault, round_id, employees, TRUE, deliver, user_data, error);
}

static gboolean
issue_codes (ScVault                 *vault,
             gint64                   round_id,
             GPtrArray               *employees,
             gboolean                 only_missing,
             ScVaultCodesDeliverFunc  deliver,
             gpointer                 user_data,
             GError                 **error)
{
  g_autoptr(GHashTable) holders = NULL;
  g_autoptr(GPtrArray) issued = g_ptr_array_new ();      /* borrowed ScEmployee */
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GString *csv = NULL;
  CodeBatch batch = { 0 };
  GThread *workers[8];
  guint n_workers;
  gboolean ok = FALSE;
  sqlite3 *db;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (employees != NULL && deliver != NULL, FALSE);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_STAFF, TRUE, error))
    return FALSE;
  db = sc_vault_get_db (vault);
  if (!_sc_vault_lookup_round (db, round_id, NULL, NULL, error))
    return FALSE;
  if (only_missing)
    {
      holders = sc_vault_list_code_holders (vault, round_id, error);
      if (holders == NULL)
        return FALSE;
    }
  for (guint i = 0; i < employees->len; i++)
    {
      ScEmployee *e = g_ptr_array_index (employees, i);
      gint64 id;

      if (!e->active || (holders != NULL && g_hash_table_contains (holders, e->number)))
        continue;
      if (!_sc_vault_lookup_employee_id (db, e->number, &id, error))
        return FALSE;
      /* Who left is excluded from new rounds by what the vault says, not the caller's copy. */
      if (!_sc_vault_employee_is_active (vault, id))
        continue;
      g_ptr_array_add (issued, e);
      g_array_append_val (ids, id);
    }

  batch.n = issued->len;
  batch.codes = g_new0 (char *, MAX (batch.n, 1));
  batch.hashes = g_new0 (char *, MAX (batch.n, 1));
  sc_vault_code_limits_for_new_codes (&batch.opslimit, &batch.memlimit);
  /* One guarded block for all codes: an allocation of its own per code would need a few
   * memory mappings each, and a roster of tens of thousands would run out of them. */
  batch.block = sc_secure_alloc ((gsize) MAX (batch.n, 1) * SC_ACCESS_CODE_SIZE);
  if (batch.block == NULL)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NO_SPACE,
                           _("There is not enough memory for the access codes."));
      goto out;
    }
  for (guint i = 0; i < batch.n; i++)
    {
      batch.codes[i] = batch.block + (gsize) i * SC_ACCESS_CODE_SIZE;
      if (!sc_access_code_generate (batch.codes[i], error))
        goto out;
    }

  /* Argon2id is memory-bound per code: one thread per core hashes the batch. */
  n_workers = CLAMP (g_get_num_processors (), 1, G_N_ELEMENTS (workers));
  n_workers = MIN (n_workers, MAX (batch.n, 1));
  for (guint w = 0; w < n_workers; w++)
    workers[w] = g_thread_new ("sc-code-hash", hash_codes_worker, &batch);
  for (guint w = 0; w < n_workers; w++)
    g_thread_join (workers[w]);
  if (batch.failed)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NO_SPACE,
                           _("There is not enough memory to make the access codes."));
      goto out;
    }

  /* SECURITY: the slips exist only in this buffer, which is wiped below, and in what
   * @deliver does with it (print, show once). It is sized for the worst case (every
   * character quoted, an apostrophe and quotes per cell), so that it never grows and
   * leaves a copy of the codes behind in freed memory. */
  {
    gsize size = 1;

    for (guint i = 0; i < batch.n; i++)
      {
        const ScEmployee *e = g_ptr_array_index (issued, i);

        size += 2 * (strlen (e->number) + (e->name != NULL ? strlen (e->name) : 0))
                + 8 + SC_ACCESS_CODE_SIZE + 2;
      }
    csv = g_string_sized_new (size);
  }
  for (guint i = 0; i < batch.n; i++)
    {
      const ScEmployee *e = g_ptr_array_index (issued, i);

      sc_csv_append_field_safe (csv, e->number, -1);
      g_string_append_c (csv, ',');
      sc_csv_append_field_safe (csv, e->name != NULL ? e->name : "", -1);
      g_string_append_printf (csv, ",%s\n", batch.codes[i]);
    }
  /* The slips reach the person before anything changes: if this fails, or the process
   * dies now, every old code still works. */
  if (!deliver (csv->str, csv->len, user_data, error))
    goto out;

  if (!sc_vault_begin (vault, error))
    goto out;
  for (guint i = 0; i < batch.n; i++)
    if (!store_code_hash (vault, round_id, g_array_index (ids, gint64, i), batch.hashes[i],
                          error))
      {
        sc_vault_rollback (vault);
        goto out;
      }
  ok = sc_vault_commit_and_save (vault, error);

out:
  if (csv != NULL)
    {
      sc_secure_wipe (csv->str, csv->len);
      g_string_free (csv, TRUE);
    }
  code_batch_clear (&batch);
  return ok;
}

/* SECURITY: an unknown employee number must cost as much time as a wrong code, or the
 * kiosk would reveal who is on the roster. Any stored hash of the round serves as the
 * decoy: the typed code is checked against it and the answer ignored. */
static void
spend_decoy_check (sqlite3              *db,
                   gint64                round_id,
                   ScVaultCodeCheckFunc  check,
                   gpointer              user_data)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sc_vault_db_prepare (db, "SELECT code_hash FROM access_codes WHERE round_id = ? "
                                  "LIMIT 1", NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, round_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *decoy = _sc_vault_column_strdup (stmt, 0);

      (void) check (decoy, user_data);
    }
}

/* The lock-out state (and optionally the hash) of an employee's access code. Returns FALSE
 * with @error unset when no code was issued, and with @error set on a database failure. */
gboolean
_sc_vault_read_throttle (sqlite3           *db,
                         gint64             round_id,
                         gint64             employee_id,
                         ScAccessThrottle  *throttle,
                         char             **out_hash,
                         GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sc_vault_db_prepare (db, "SELECT code_hash, failures, locked_until FROM access_codes "
                                  "WHERE round_id = ? AND employee_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int64 (stmt, 2, employee_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  if (out_hash != NULL)
    *out_hash = _sc_vault_column_strdup (stmt, 0);
  throttle->failures = (guint) sqlite3_column_int (stmt, 1);
  throttle->locked_until = sqlite3_column_int64 (stmt, 2);
  return TRUE;
}

/* THROTTLED, with the wait in words, when the lock-out forbids an attempt now. */
gboolean
_sc_vault_throttle_allows (const ScAccessThrottle  *throttle,
                           GError                 **error)
{
  gint64 retry_after;
  gint64 minutes;

  /* The lock-out policy is sc-access-code's: 5 free tries, then waits that grow. */
  if (sc_access_throttle_check (throttle, _sc_vault_now (), &retry_after))
    return TRUE;
  minutes = (retry_after + 59) / 60;
  g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_THROTTLED,
               g_dngettext (GETTEXT_PACKAGE,
                            "Too many wrong codes. Try again in %d minute, or ask the staff.",
                            "Too many wrong codes. Try again in %d minutes, or ask the staff.",
                            (gulong) minutes),
               (int) minutes);
  return FALSE;
}

/* Records an attempt in the lock-out state, durably; a failure is also audited as
 * @fail_action. Nothing is written after a success that follows no failure. */
gboolean
_sc_vault_record_attempt (ScVault          *vault,
                          gint64            round_id,
                          gint64            employee_id,
                          ScAccessThrottle *throttle,
                          gboolean          success,
                          const char       *fail_action,
                          GError          **error)
{
  g_autoptr(sqlite3_stmt) update = NULL;
  sqlite3 *db = sc_vault_get_db (vault);

  if (success && throttle->failures == 0)
    return TRUE;
  sc_access_throttle_record (throttle, success, _sc_vault_now ());

  if (!sc_vault_begin (vault, error))
    return FALSE;
  update = sc_vault_db_prepare (db, "UPDATE access_codes SET failures = ?, locked_until = ? "
                                    "WHERE round_id = ? AND employee_id = ?", error);
  if (update == NULL)
    goto fail;
  sqlite3_bind_int (update, 1, (int) throttle->failures);
  sqlite3_bind_int64 (update, 2, throttle->locked_until);
  sqlite3_bind_int64 (update, 3, round_id);
  sqlite3_bind_int64 (update, 4, employee_id);
  if (!_sc_vault_step_done (db, update, error)
      || (!success && !sc_vault_audit_insert (vault, fail_action, employee_id, error)))
    goto fail;
  return sc_vault_commit_and_save (vault, error);

fail:
  sc_vault_rollback (vault);
  return FALSE;
}

gboolean
sc_vault_check_access_code (ScVault              *vault,
                            gint64                round_id,
                            const char           *employee_number,
                            ScVaultCodeCheckFunc  check,
                            gpointer              user_data,
                            GError              **error)
{
  g_autofree char *hash = NULL;
  g_autoptr(GError) local_error = NULL;
  ScAccessThrottle throttle = { 0, 0 };
  gint64 employee_id;
  gboolean match;
  sqlite3 *db;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (employee_number != NULL && check != NULL, FALSE);

  /* A new login: the previous person's roster entry is no longer the kiosk's to see. */
  vault->kiosk_verified_employee = 0;
  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_ANY, TRUE, error))
    return FALSE;
  db = sc_vault_get_db (vault);
  if (!_sc_vault_lookup_employee_id (db, employee_number, &employee_id, NULL)
      || !_sc_vault_read_throttle (db, round_id, employee_id, &throttle, &hash,
                                   &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      spend_decoy_check (db, round_id, check, user_data);
      set_access_denied (error);
      return FALSE;
    }

  if (!_sc_vault_throttle_allows (&throttle, error))
    return FALSE;
  match = check (hash, user_data);
  if (!_sc_vault_record_attempt (vault, round_id, employee_id, &throttle, match,
                                 "access_code.fail", error))
    return FALSE;
  if (!match)
    {
      set_access_denied (error);
      return FALSE;
    }
  vault->kiosk_verified_employee = employee_id;
  return TRUE;
}

gboolean
sc_vault_lift_lockout (ScVault     *vault,
                       gint64       round_id,
                       const char  *employee_number,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) update = NULL;
  gint64 employee_id;
  sqlite3 *db;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (employee_number != NULL, FALSE);

  /* The implementer only: HR could otherwise lift the lock-out that protects an
   * employee's code from someone guessing at the kiosk. */
  if (!sc_vault_check_role (vault, SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_IMPLEMENTER), TRUE, error))
    return FALSE;
  db = sc_vault_get_db (vault);
  if (!_sc_vault_lookup_round (db, round_id, NULL, NULL, error)
      || !_sc_vault_lookup_employee_id (db, employee_number, &employee_id, error))
    return FALSE;

  if (!sc_vault_begin (vault, error))
    return FALSE;
  update = sc_vault_db_prepare (db, "UPDATE access_codes SET failures = 0, locked_until = 0 "
                                    "WHERE round_id = ? AND employee_id = ?", error);
  if (update == NULL)
    goto fail;
  sqlite3_bind_int64 (update, 1, round_id);
  sqlite3_bind_int64 (update, 2, employee_id);
  if (!_sc_vault_step_done (db, update, error))
    goto fail;
  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND,
                   _("Employee %s has no access code for this round."), employee_number);
      goto fail;
    }
  if (!sc_vault_audit_insert (vault, "access_code.unlock", employee_id, error))
    goto fail;
  return sc_vault_commit_and_save (vault, error);

fail:
  sc_vault_rollback (vault);
  return FALSE;
}
