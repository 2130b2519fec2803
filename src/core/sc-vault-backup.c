/* sc-vault-backup.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Backups and restores of a vault. A backup is a copy of the encrypted file, written
 * durably and read back before it counts; the time of the last one is kept in the vault
 * (vault_meta, which HR may write too, since HR may back up), saved with the next save or
 * at close, so that a fresh backup is the same file as the vault. A restore puts a backup in
 * place of the vault file, keeping the file it replaces beside it as
 * "<vault>.before-restore", and locks the vault so that it is opened again from the
 * restored file (where the rollback check, sc-vault-rollback.c, names the saves lost).
 */
#define G_LOG_DOMAIN "sc-vault"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-vault-private.h"
#include "sc-vault-async.h"

#include <string.h>

#define LAST_BACKUP_KEY "last_backup"

/* ---- Last backup --------------------------------------------------------------------- */

gint64
sc_vault_get_last_backup (ScVault *vault)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *text = NULL;
  gint64 when;

  g_return_val_if_fail (SC_IS_VAULT (vault), 0);

  if (sc_vault_get_db (vault) == NULL)
    return 0;
  stmt = sc_vault_db_prepare (sc_vault_get_db (vault),
                              "SELECT value FROM vault_meta WHERE key = ?", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, LAST_BACKUP_KEY, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  text = g_strndup (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  if (!g_ascii_string_to_signed (text, 10, 0, G_MAXINT64, &when, NULL))
    return 0;
  return when;
}

gboolean
sc_vault_backup_is_due (ScVault *vault,
                        gint64   now)
{
  gint64 last;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);

  last = sc_vault_get_last_backup (vault);
  return last <= 0 || now - last > (gint64) SC_VAULT_BACKUP_REMINDER_DAYS * 24 * 60 * 60;
}

static gboolean
record_backup (ScVault  *self,
               gint64    when,
               GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, when);
  sqlite3 *db = sc_vault_get_db (self);

  if (!sc_vault_begin (self, error))
    return FALSE;
  stmt = sc_vault_db_prepare (db, "INSERT OR REPLACE INTO vault_meta (key, value) VALUES (?, ?)",
                              error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, LAST_BACKUP_KEY, -1, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 2, text, (int) strlen (text), SQLITE_TRANSIENT);
  if (!_sc_vault_step_done (db, stmt, error)
      || !sc_vault_audit_insert (self, "vault.backup", 0, error)
      || !sc_vault_db_commit (db, error))
    goto fail;
  /* Saved with the next change or at close, like the audit entries of reads: a save now
   * would make the vault newer than the backup just made of it. */
  sc_vault_mark_dirty (self);
  return TRUE;

fail:
  sc_vault_rollback (self);
  return FALSE;
}

/* ---- Backup --------------------------------------------------------------------------- */

/* Whether @data (@len bytes) is a whole vault file whose MAC the current keys check. */
static gboolean
opens_with_keys (ScVault       *self,
                 const guint8  *data,
                 gsize          len,
                 ScVaultHeader *out_header)
{
  return sc_vault_header_parse (data, len, TRUE, out_header, NULL)
         && sc_vault_header_check_mac (out_header, self->keys, data, len);
}

gboolean
sc_vault_backup (ScVault     *self,
                 const char  *dest_path,
                 GError     **error)
{
  g_autofree guint8 *data = NULL;
  g_autofree guint8 *copy = NULL;
  ScVaultHeader header;
  gsize len = 0, copy_len = 0;

  g_return_val_if_fail (SC_IS_VAULT (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  if (!sc_vault_check_role (self, SC_VAULT_ROLES_STAFF, FALSE, error))
    return FALSE;
  if (g_strcmp0 (dest_path, self->path) == 0)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_EXISTS,
                           _("A backup cannot replace the vault itself. Choose another file."));
      return FALSE;
    }
  if (self->dirty && !self->read_only && !_sc_vault_save_full (self, error))
    return FALSE;

  data = sc_vault_read_file (self->path, &len, error);
  if (data == NULL)
    return FALSE;
  /* Copy only what this vault wrote, so that a backup is never of a damaged file. */
  if (!opens_with_keys (self, data, len, &header))
    {
      sc_vault_set_damaged (error);
      return FALSE;
    }
  if (!sc_vault_write_file_atomic (dest_path, data, len, error))
    return FALSE;

  /* Read the copy back from the disk: it counts only when its header and MAC check with
   * the current key and it is the same file, byte for byte. */
  copy = sc_vault_read_file (dest_path, &copy_len, error);
  if (copy == NULL)
    return FALSE;
  if (copy_len != len || memcmp (copy, data, len) != 0
      || !opens_with_keys (self, copy, copy_len, &header))
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_IO,
                           _("The backup could not be read back as it was written. The drive "
                             "may be faulty: try another one."));
      return FALSE;
    }

  /* A read-only vault cannot record its backups; the copy is good all the same. */
  if (self->read_only)
    return TRUE;
  return record_backup (self, _sc_vault_now (), error);
}

/* ---- Restore -------------------------------------------------------------------------- */

gboolean
sc_vault_peek_save_counter (const char  *path,
                            guint64     *out_counter,
                            GError     **error)
{
  g_autofree guint8 *data = NULL;
  ScVaultHeader header;
  gsize len = 0;

  g_return_val_if_fail (path != NULL, FALSE);

  data = sc_vault_read_file (path, &len, error);
  if (data == NULL)
    return FALSE;
  if (!sc_vault_header_parse (data, len, TRUE, &header, error))
    return FALSE;
  if (out_counter != NULL)
    *out_counter = header.save_counter;
  return TRUE;
}

char *
sc_vault_before_restore_path (const char *vault_path)
{
  g_return_val_if_fail (vault_path != NULL, NULL);

  return g_strconcat (vault_path, ".before-restore", NULL);
}

/* Everything but the lock, which notifies ScVault:role and so belongs to the caller's
 * thread (sc_vault_restore_backup_finish() locks in the main thread). */
static gboolean
replace_with_backup (ScVault     *self,
                     const char  *backup_path,
                     GError     **error)
{
  g_autofree guint8 *backup = NULL;
  g_autofree guint8 *current = NULL;
  g_autofree char *keep_path = NULL;
  ScVaultHeader header;
  gsize backup_len = 0, current_len = 0;

  g_return_val_if_fail (SC_IS_VAULT (self), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  /* The implementer's: a restore takes back decisions and records that are the
   * implementer's, and only the implementer may confirm a rollback. */
  if (!sc_vault_check_role (self, SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_IMPLEMENTER), TRUE, error))
    return FALSE;
  if (g_strcmp0 (backup_path, self->path) == 0)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,
                           _("This is the vault itself, not a backup of it."));
      return FALSE;
    }
  if (self->dirty && !_sc_vault_save_full (self, error))
    return FALSE;

  backup = sc_vault_read_file (backup_path, &backup_len, error);
  if (backup == NULL)
    return FALSE;
  if (!sc_vault_header_parse (backup, backup_len, TRUE, &header, error))
    return FALSE;
  /* SECURITY: only a copy of this vault, made with its current data key, is put in its
   * place; anything else (another vault, a forged file, a copy from before the keys were
   * changed) would be opened with other keys and is refused here. */
  if (!sc_vault_header_check_mac (&header, self->keys, backup, backup_len))
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,
                           _("This file is not a backup of this vault, or it was made before "
                             "the vault's keys were changed. Open it directly instead."));
      return FALSE;
    }

  /* Both steps are durable replacements (temporary file, fsync, rename): a crash leaves
   * either the old or the new file at each path, never half a file. */
  current = sc_vault_read_file (self->path, &current_len, error);
  if (current == NULL)
    return FALSE;
  keep_path = sc_vault_before_restore_path (self->path);
  if (!sc_vault_write_file_atomic (keep_path, current, current_len, error)
      || !sc_vault_write_file_atomic (self->path, backup, backup_len, error))
    return FALSE;
  return TRUE;
}

gboolean
sc_vault_restore_backup (ScVault     *self,
                         const char  *backup_path,
                         GError     **error)
{
  g_return_val_if_fail (SC_IS_VAULT (self), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  if (!replace_with_backup (self, backup_path, error))
    return FALSE;
  /* The database in memory is the replaced file's: wipe it, keep the write lock, and let
   * the caller unlock again from the restored file. */
  sc_vault_lock (self);
  return TRUE;
}

/* ---- Test hooks ----------------------------------------------------------------------- */

#if SC_TEST_HOOKS
gboolean
sc_vault_test_change_audit_entry (ScVault     *self,
                                  gint64       entry_id,
                                  const char  *action,
                                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (SC_IS_VAULT (self), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);

  if (!sc_vault_check_role (self, SC_VAULT_ROLES_STAFF, TRUE, error))
    return FALSE;
  db = sc_vault_get_db (self);
  /* What someone with the data key could do by hand: one entry changed, its chain left
   * as it was, and the file saved with a valid MAC. */
  if (!sc_vault_begin (self, error))
    return FALSE;
  stmt = sc_vault_db_prepare (db, "UPDATE audit_log SET action = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, action, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, entry_id);
  if (!_sc_vault_step_done (db, stmt, error))
    goto fail;
  return sc_vault_commit_and_save (self, error);

fail:
  sc_vault_rollback (self);
  return FALSE;
}

gboolean
sc_vault_test_set_last_backup (ScVault  *self,
                               gint64    when,
                               GError  **error)
{
  g_return_val_if_fail (SC_IS_VAULT (self), FALSE);

  if (!sc_vault_check_role (self, SC_VAULT_ROLES_STAFF, TRUE, error))
    return FALSE;
  /* As a backup made at @when would have left it (and its audit entry). */
  return record_backup (self, when, error);
}
#endif

/* ---- Async twins ---------------------------------------------------------------------- */

typedef struct
{
  char *first;
  char *second;
} Args;

static void
args_free (gpointer data)
{
  Args *args = data;

  g_free (args->first);
  /* SECURITY: a setting's value may be a name; it is freed, not logged. */
  g_free (args->second);
  g_free (args);
}

static void
run (ScVault             *vault,
     ScVaultWorkFunc      func,
     const char          *first,
     const char          *second,
     gpointer             tag,
     GCancellable        *cancellable,
     GAsyncReadyCallback  callback,
     gpointer             user_data)
{
  Args *args = g_new0 (Args, 1);

  args->first = g_strdup (first);
  args->second = g_strdup (second);
  _sc_vault_run_work_async (vault, func, args, args_free, tag, cancellable, callback,
                            user_data);
}

static gboolean
set_setting_work (ScVault *vault, gpointer data, GError **error)
{
  Args *args = data;

  return sc_vault_set_setting (vault, args->first, args->second, error);
}

void
sc_vault_set_setting_async (ScVault             *vault,
                            const char          *key,
                            const char          *value,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (key != NULL && value != NULL);

  run (vault, set_setting_work, key, value, sc_vault_set_setting_async, cancellable, callback,
       user_data);
}

gboolean
sc_vault_set_setting_finish (ScVault *vault, GAsyncResult *result, GError **error)
{
  return _sc_vault_run_work_finish (vault, result, sc_vault_set_setting_async, error) != NULL;
}

static gboolean
backup_work (ScVault *vault, gpointer data, GError **error)
{
  return sc_vault_backup (vault, ((Args *) data)->first, error);
}

void
sc_vault_backup_async (ScVault             *vault,
                       const char          *dest_path,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_return_if_fail (dest_path != NULL);

  run (vault, backup_work, dest_path, NULL, sc_vault_backup_async, cancellable, callback,
       user_data);
}

gboolean
sc_vault_backup_finish (ScVault *vault, GAsyncResult *result, GError **error)
{
  return _sc_vault_run_work_finish (vault, result, sc_vault_backup_async, error) != NULL;
}

static gboolean
restore_work (ScVault *vault, gpointer data, GError **error)
{
  return replace_with_backup (vault, ((Args *) data)->first, error);
}

void
sc_vault_restore_backup_async (ScVault             *vault,
                               const char          *backup_path,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (backup_path != NULL);

  run (vault, restore_work, backup_path, NULL, sc_vault_restore_backup_async, cancellable,
       callback, user_data);
}

gboolean
sc_vault_restore_backup_finish (ScVault *vault, GAsyncResult *result, GError **error)
{
  if (_sc_vault_run_work_finish (vault, result, sc_vault_restore_backup_async, error) == NULL)
    return FALSE;
  sc_vault_lock (vault);
  return TRUE;
}
