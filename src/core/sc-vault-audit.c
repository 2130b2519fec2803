/* sc-vault-audit.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The audit log: who did what, by role and row id, never personal data.
 *
 * The log is a hash chain (issue 12 §3): each entry stores prev_hash, the BLAKE2b-256
 * hash of the entry before it (of its own prev_hash and fields), and the first entry
 * stores a random per-vault seed; the hash of the last entry is kept beside the seed.
 * Every open walks the chain, so an entry changed or removed by hand in the database is
 * reported with its number. Anyone with the data key could rebuild the whole chain, so
 * the implementer also signs the hash of each entry the implementer writes
 * (sc-vault-sign.c): a rebuilt chain or a log cut short before that entry is reported
 * on the implementer's next open.
 */
#define G_LOG_DOMAIN "sc-vault"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-vault-private.h"

#include <string.h>

#define AUDIT_HASH_BYTES 32

/* H(entry) over prev_hash ‖ id ‖ time ‖ role ‖ action ‖ target (‖ person, when the
 * entry names one: older entries hash as they did), canonically. */
static void
entry_hash (const guint8  *prev_hash,
            gint64         id,
            gint64         time,
            gint64         role,
            const char    *action,
            gint64         target,
            gint64         person,
            guint8         out[AUDIT_HASH_BYTES])
{
  g_autoptr(GByteArray) canon = g_byte_array_new ();

  _sc_vault_canon_add_blob (canon, prev_hash, AUDIT_HASH_BYTES);
  _sc_vault_canon_add_i64 (canon, id);
  _sc_vault_canon_add_i64 (canon, time);
  _sc_vault_canon_add_i64 (canon, role);
  _sc_vault_canon_add_text (canon, action);
  _sc_vault_canon_add_i64 (canon, target);
  if (person != 0)
    _sc_vault_canon_add_i64 (canon, person);
  crypto_generichash (out, AUDIT_HASH_BYTES, canon->data, canon->len, NULL, 0);
}

static gboolean
read_meta (sqlite3     *db,
           const char  *key,
           guint8       out[AUDIT_HASH_BYTES])
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sc_vault_db_prepare (db, "SELECT value FROM vault_meta WHERE key = ?", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_bytes (stmt, 0) != AUDIT_HASH_BYTES)
    return FALSE;
  memcpy (out, sqlite3_column_blob (stmt, 0), AUDIT_HASH_BYTES);
  return TRUE;
}

static gboolean
write_meta (sqlite3       *db,
            const char    *key,
            const guint8  *value,
            GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sc_vault_db_prepare (db, "INSERT OR REPLACE INTO vault_meta (key, value) "
                                  "VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 2, value, AUDIT_HASH_BYTES, SQLITE_TRANSIENT);
  return _sc_vault_step_done (db, stmt, error);
}

/* Schema step 4, inside its transaction: a fresh seed, and the chain over the entries
 * of a vault from before (they are trusted as they are at this moment). */
gboolean
_sc_vault_audit_chain_init (sqlite3  *db,
                            GError  **error)
{
  g_autoptr(sqlite3_stmt) rows = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GByteArray) prevs = g_byte_array_new ();
  guint8 hash[AUDIT_HASH_BYTES];

  randombytes_buf (hash, sizeof hash);
  if (!write_meta (db, "audit_seed", hash, error))
    return FALSE;
  /* Hash every entry first, then store the hashes: no update while reading. */
  rows = sc_vault_db_prepare (db, "SELECT id, time, role, action, target FROM audit_log "
                                  "ORDER BY id", error);
  if (rows == NULL)
    return FALSE;
  while (sqlite3_step (rows) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (rows, 0);

      g_array_append_val (ids, id);
      g_byte_array_append (prevs, hash, sizeof hash);
      entry_hash (hash, id, sqlite3_column_int64 (rows, 1), sqlite3_column_int64 (rows, 2),
                  (const char *) sqlite3_column_text (rows, 3), sqlite3_column_int64 (rows, 4),
                  0, hash);
    }
  update = sc_vault_db_prepare (db, "UPDATE audit_log SET prev_hash = ? WHERE id = ?", error);
  if (update == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_reset (update);
      sqlite3_bind_blob (update, 1, prevs->data + i * AUDIT_HASH_BYTES, AUDIT_HASH_BYTES,
                         SQLITE_TRANSIENT);
      sqlite3_bind_int64 (update, 2, g_array_index (ids, gint64, i));
      if (!_sc_vault_step_done (db, update, error))
        return FALSE;
    }
  return write_meta (db, "audit_head", hash, error);
}

static void
set_chain_broken (GError **error,
                  gint64   entry)
{
  g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_TAMPERED,
               _("The vault was modified outside Stress Check: audit log entry %ld was "
                 "changed or removed. Restore the vault from a backup, and find out who had "
                 "access to it."), (long) entry);
}

/* The implementer's last signed entry, or 0 when there is none. */
static gint64
checkpoint_id (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sc_vault_db_prepare (db, "SELECT record_id FROM vault_signatures WHERE kind = 'audit' "
                                  "ORDER BY record_id DESC LIMIT 1", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

gboolean
_sc_vault_audit_verify_chain (ScVault  *self,
                              GError  **error)
{
  g_autoptr(sqlite3_stmt) rows = NULL;
  guint8 hash[AUDIT_HASH_BYTES], head[AUDIT_HASH_BYTES];
  gboolean check_signature = self->sign_sk != NULL && self->signatures_required;
  gint64 checkpoint = check_signature ? checkpoint_id (self->db) : 0;
  gint64 expected_id = 1, last_id = 0;
  gboolean checkpoint_seen = FALSE;

  if (sc_vault_schema_get_version (self->db) < SC_VAULT_SCHEMA_SIGNED)
    return TRUE;
  if (!read_meta (self->db, "audit_seed", hash) || !read_meta (self->db, "audit_head", head))
    {
      set_chain_broken (error, 1);
      return FALSE;
    }
  rows = sc_vault_db_prepare (self->db,
                              sc_vault_schema_get_version (self->db) >= SC_VAULT_SCHEMA_PEOPLE
                              ? "SELECT id, time, role, action, target, prev_hash, person "
                                "FROM audit_log ORDER BY id"
                              : "SELECT id, time, role, action, target, prev_hash, 0 "
                                "FROM audit_log ORDER BY id", error);
  if (rows == NULL)
    return FALSE;
  while (sqlite3_step (rows) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (rows, 0);

      /* Ids are dense from 1; a gap is a removed entry. */
      if (id != expected_id)
        {
          set_chain_broken (error, expected_id);
          return FALSE;
        }
      if (sqlite3_column_bytes (rows, 5) != AUDIT_HASH_BYTES
          || sodium_memcmp (sqlite3_column_blob (rows, 5), hash, AUDIT_HASH_BYTES) != 0)
        {
          /* The entry before this one no longer hashes to what this one recorded. */
          set_chain_broken (error, MAX (id - 1, 1));
          return FALSE;
        }
      entry_hash (hash, id, sqlite3_column_int64 (rows, 1), sqlite3_column_int64 (rows, 2),
                  (const char *) sqlite3_column_text (rows, 3), sqlite3_column_int64 (rows, 4),
                  sqlite3_column_int64 (rows, 6), hash);
      if (id == checkpoint)
        {
          g_autoptr(GByteArray) canon = g_byte_array_new ();
          g_autofree char *what = NULL;

          _sc_vault_canon_add_blob (canon, hash, sizeof hash);
          what = g_strdup_printf ("audit log entry %ld, or one before it, was changed "
                                  "outside the implementer's key", (long) id);
          if (!_sc_vault_verify_record (self, "audit", id, canon, what, error))
            return FALSE;
          checkpoint_seen = TRUE;
        }
      last_id = id;
      expected_id++;
    }
  if (sodium_memcmp (head, hash, sizeof hash) != 0)
    {
      set_chain_broken (error, MAX (last_id, 1));
      return FALSE;
    }
  if (check_signature && checkpoint == 0)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_TAMPERED,
                           _("The vault was modified outside Stress Check: the implementer's "
                             "signature over the audit log was removed. Restore the vault from "
                             "a backup, and find out who had access to it."));
      return FALSE;
    }
  if (check_signature && !checkpoint_seen)
    {
      /* The implementer's last entry is gone (the log was cut short), or the implementer
       * never wrote one, which a vault with signatures always has (vault.create). */
      set_chain_broken (error, checkpoint > 0 ? checkpoint : 1);
      return FALSE;
    }
  return TRUE;
}

/* Appends an audit row inside the current transaction, extending the chain. */
gboolean
sc_vault_audit_insert (ScVault     *self,
                       const char  *action,
                       gint64       target,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean chained = sc_vault_schema_get_version (self->db) >= SC_VAULT_SCHEMA_SIGNED;
  gboolean named = sc_vault_schema_get_version (self->db) >= SC_VAULT_SCHEMA_PEOPLE;
  /* The person who unlocked; the kiosk is nobody's. */
  gint64 person = self->role != SC_VAULT_ROLE_KIOSK ? self->person_id : 0;
  guint8 hash[AUDIT_HASH_BYTES];
  gint64 id, time = g_get_real_time () / G_USEC_PER_SEC;

  if (chained && !read_meta (self->db, "audit_head", hash))
    {
      set_chain_broken (error, 1);
      return FALSE;
    }
  stmt = sc_vault_db_prepare (self->db,
                              named
                              ? "INSERT INTO audit_log (time, role, action, target, prev_hash, "
                                "person) VALUES (?, ?, ?, ?, ?, ?)"
                              : chained
                              ? "INSERT INTO audit_log (time, role, action, target, prev_hash) "
                                "VALUES (?, ?, ?, ?, ?)"
                              : "INSERT INTO audit_log (time, role, action, target) "
                                "VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, time);
  sqlite3_bind_int (stmt, 2, self->role);
  sqlite3_bind_text (stmt, 3, action, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, target);
  if (chained)
    sqlite3_bind_blob (stmt, 5, hash, sizeof hash, SQLITE_TRANSIENT);
  if (named && person != 0)
    sqlite3_bind_int64 (stmt, 6, person);
  else if (named)
    sqlite3_bind_null (stmt, 6);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sc_vault_db_set_error (self->db, error);
      return FALSE;
    }
  if (!chained)
    return TRUE;
  id = sqlite3_last_insert_rowid (self->db);
  entry_hash (hash, id, time, self->role, action, target, named ? person : 0, hash);
  if (!write_meta (self->db, "audit_head", hash, error))
    return FALSE;

  return _sc_vault_audit_sign_head (self, error);
}

/* The implementer's checkpoint: a signature over the newest entry's hash; only the
 * newest is kept. Nothing without the implementer's key. */
gboolean
_sc_vault_audit_sign_head (ScVault  *self,
                           GError  **error)
{
  g_autoptr(sqlite3_stmt) last = NULL;
  g_autoptr(sqlite3_stmt) drop = NULL;
  g_autoptr(GByteArray) canon = NULL;
  guint8 head[AUDIT_HASH_BYTES];
  gint64 id;

  if (self->sign_sk == NULL || sc_vault_schema_get_version (self->db) < SC_VAULT_SCHEMA_SIGNED)
    return TRUE;
  last = sc_vault_db_prepare (self->db, "SELECT max(id) FROM audit_log", error);
  if (last == NULL)
    return FALSE;
  if (sqlite3_step (last) != SQLITE_ROW || sqlite3_column_type (last, 0) == SQLITE_NULL)
    return TRUE;
  id = sqlite3_column_int64 (last, 0);
  if (!read_meta (self->db, "audit_head", head))
    {
      set_chain_broken (error, id);
      return FALSE;
    }
  drop = sc_vault_db_prepare (self->db, "DELETE FROM vault_signatures WHERE kind = 'audit'",
                              error);
  if (drop == NULL || !_sc_vault_step_done (self->db, drop, error))
    return FALSE;
  canon = g_byte_array_new ();
  _sc_vault_canon_add_blob (canon, head, sizeof head);
  return _sc_vault_sign_record (self, "audit", id, canon, error);
}

/* ---- Test hooks ---------------------------------------------------------------------- */

static gboolean
edit_audit (ScVault     *vault,
            guint        index,
            const char  *action,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = sc_vault_get_db (vault);

  stmt = sc_vault_db_prepare (db, action != NULL
                                  ? "UPDATE audit_log SET action = ?2 WHERE id = (SELECT id "
                                    "FROM audit_log ORDER BY id LIMIT 1 OFFSET ?1)"
                                  : "DELETE FROM audit_log WHERE id = (SELECT id "
                                    "FROM audit_log ORDER BY id LIMIT 1 OFFSET ?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, (gint64) index - 1);
  if (action != NULL)
    sqlite3_bind_text (stmt, 2, action, -1, SQLITE_STATIC);
  if (!_sc_vault_step_done (db, stmt, error))
    return FALSE;
  return sc_vault_test_save (vault, error);
}

gboolean
sc_vault_test_edit_audit (ScVault     *vault,
                          guint        index,
                          const char  *action,
                          GError     **error)
{
  g_return_val_if_fail (action != NULL && index > 0, FALSE);
  return edit_audit (vault, index, action, error);
}

gboolean
sc_vault_test_delete_audit (ScVault  *vault,
                            guint     index,
                            GError  **error)
{
  g_return_val_if_fail (index > 0, FALSE);
  return edit_audit (vault, index, NULL, error);
}

void
sc_vault_audit_entry_free (ScVaultAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->action);
  g_free (entry->person);
  g_free (entry);
}

gboolean
sc_vault_audit_append (ScVault     *vault,
                       const char  *action,
                       gint64       target,
                       GError     **error)
{
  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_ANY, TRUE, error)
      || !sc_vault_begin (vault, error))
    return FALSE;
  if (!sc_vault_audit_insert (vault, action, target, error))
    {
      sc_vault_rollback (vault);
      return FALSE;
    }
  return sc_vault_commit_and_save (vault, error);
}

GPtrArray *
sc_vault_list_audit (ScVault  *vault,
                     GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_STAFF, FALSE, error))
    return NULL;
  stmt = sc_vault_db_prepare (sc_vault_get_db (vault),
                              sc_vault_schema_get_version (sc_vault_get_db (vault))
                                >= SC_VAULT_SCHEMA_PEOPLE
                              ? "SELECT a.id, a.time, a.role, a.action, a.target, a.person, "
                                "p.name FROM audit_log a LEFT JOIN people p ON p.id = a.person "
                                "ORDER BY a.id"
                              : "SELECT id, time, role, action, target, 0, NULL FROM audit_log "
                                "ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_vault_audit_entry_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      ScVaultAuditEntry *entry = g_new0 (ScVaultAuditEntry, 1);
      int role = sqlite3_column_int (stmt, 2);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->time = sqlite3_column_int64 (stmt, 1);
      entry->role = role >= SC_VAULT_ROLE_NONE && role <= SC_VAULT_ROLE_KIOSK
                    ? (ScVaultRole) role : SC_VAULT_ROLE_NONE;
      entry->action = _sc_vault_column_strdup (stmt, 3);
      entry->target = sqlite3_column_int64 (stmt, 4);
      entry->person_id = sqlite3_column_int64 (stmt, 5);
      entry->person = _sc_vault_column_strdup (stmt, 6);
      g_ptr_array_add (list, entry);
    }
  return g_steal_pointer (&list);
}
