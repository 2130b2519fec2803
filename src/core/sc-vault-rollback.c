/* sc-vault-rollback.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Noticing a rollback: an older copy of the vault put in place of the current one (by
 * mistake, by a sync tool, or on purpose to make acknowledged submissions disappear)
 * opens as intact, because every old file was a valid vault. So each machine keeps,
 * per vault and outside it, the highest save counter it has seen and when that save
 * was made; a file with a lower counter opens with a warning that names both saves
 * (sc_vault_get_rollback_warning()). Restoring a backup on purpose is an explicit
 * choice (sc_vault_accept_restore()) that lowers the record to the file.
 *
 * The record lives in g_get_user_state_dir()/stresscheck/rollback/<vault id>, a key
 * file with the counter and the date. The vault id is a hash of the implementer's
 * public key, which never changes in a vault's life and is the same in its backups.
 * What this cannot catch: a rollback on a machine that never saw the newer file, or by
 * someone who also rewrites this machine's record (the same user account can).
 */
#define G_LOG_DOMAIN "sc-vault"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "sc-vault-private.h"

#define RECORD_GROUP "vault"

static char *state_dir_override;

void
sc_vault_test_set_state_dir (const char *dir)
{
  g_free (state_dir_override);
  state_dir_override = g_strdup (dir);
}

/* The record's path, or %NULL when the vault has no public key yet. */
static char *
record_path (ScVault *self)
{
  static const guint8 zero[crypto_box_PUBLICKEYBYTES] = { 0 };
  guint8 id[16];
  char hex[2 * sizeof id + 1];
  const char *base;

  if (sodium_memcmp (self->impl_pk, zero, sizeof zero) == 0)
    return NULL;
  crypto_generichash (id, sizeof id, self->impl_pk, sizeof self->impl_pk,
                      (const guint8 *) "stresscheck-rollback", 20);
  sodium_bin2hex (hex, sizeof hex, id, sizeof id);
  base = state_dir_override != NULL ? state_dir_override : g_get_user_state_dir ();
  return g_build_filename (base, "stresscheck", "rollback", hex, NULL);
}

static gboolean
read_record (const char *path,
             guint64    *out_counter,
             gint64     *out_saved_at)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL))
    return FALSE;
  *out_counter = g_key_file_get_uint64 (file, RECORD_GROUP, "save_counter", NULL);
  *out_saved_at = g_key_file_get_int64 (file, RECORD_GROUP, "saved_at", NULL);
  return *out_counter > 0;
}

static void
write_record (const char *path,
              guint64     counter,
              gint64      saved_at)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  g_key_file_set_uint64 (file, RECORD_GROUP, "save_counter", counter);
  g_key_file_set_int64 (file, RECORD_GROUP, "saved_at", saved_at);
  /* Best effort: a machine whose state folder cannot be written simply notices no
   * rollback; the vault itself is not affected. */
  if (g_mkdir_with_parents (dir, 0700) != 0
      || !g_key_file_save_to_file (file, path, &error))
    g_debug ("Could not keep the vault's save counter: %s",
             error != NULL ? error->message : g_strerror (errno));
}

/* When the file's content was last changed: the newest audit entry inside the
 * authenticated body, else the file's modification time. */
static gint64
file_saved_at (ScVault *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  struct stat st;

  if (self->db != NULL)
    {
      stmt = sc_vault_db_prepare (self->db, "SELECT MAX(time) FROM audit_log", NULL);
      if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW
          && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        return sqlite3_column_int64 (stmt, 0);
    }
  if (self->path != NULL && g_stat (self->path, &st) == 0)
    return (gint64) st.st_mtime;
  return 0;
}

void
_sc_vault_rollback_check_opened (ScVault *self)
{
  g_autofree char *path = record_path (self);
  guint64 seen = 0;
  gint64 seen_at = 0;

  self->rollback_warned = FALSE;
  if (path == NULL)
    return;
  if (read_record (path, &seen, &seen_at) && seen > self->header.save_counter)
    {
      self->rollback_warned = TRUE;
      self->rollback.file_counter = self->header.save_counter;
      self->rollback.file_saved_at = file_saved_at (self);
      self->rollback.seen_counter = seen;
      self->rollback.seen_saved_at = seen_at;
      g_debug ("The vault is older than a copy this computer has seen (save %"
                 G_GUINT64_FORMAT " < %" G_GUINT64_FORMAT ")",
                 self->header.save_counter, seen);
      return;
    }
  if (self->header.save_counter > seen)
    write_record (path, self->header.save_counter, file_saved_at (self));
}

void
_sc_vault_rollback_note_saved (ScVault *self)
{
  g_autofree char *path = record_path (self);
  guint64 seen = 0;
  gint64 seen_at = 0;

  if (path == NULL)
    return;
  /* While a rollback is unacknowledged, the record keeps the newer save. */
  if (read_record (path, &seen, &seen_at) && seen >= self->header.save_counter)
    return;
  write_record (path, self->header.save_counter, g_get_real_time () / G_USEC_PER_SEC);
}

gboolean
sc_vault_get_rollback_warning (ScVault                *self,
                               ScVaultRollbackWarning *out_warning)
{
  g_return_val_if_fail (SC_IS_VAULT (self), FALSE);

  if (!self->rollback_warned || self->role == SC_VAULT_ROLE_NONE)
    return FALSE;
  if (out_warning != NULL)
    *out_warning = self->rollback;
  return TRUE;
}

static char *
format_date (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = NULL;

  if (unix_time == 0)
    return g_strdup (_("an unknown date"));
  dt = g_date_time_new_from_unix_local (unix_time);
  if (dt == NULL)
    return g_strdup (_("an unknown date"));
  return g_date_time_format (dt, "%Y-%m-%d %H:%M");
}

char *
sc_vault_rollback_warning_to_string (const ScVaultRollbackWarning *warning)
{
  g_autofree char *file_date = NULL;
  g_autofree char *seen_date = NULL;

  g_return_val_if_fail (warning != NULL, NULL);

  file_date = format_date (warning->file_saved_at);
  seen_date = format_date (warning->seen_saved_at);
  return g_strdup_printf (_("This vault is older than a copy this computer has seen: "
                            "this file is save %" G_GUINT64_FORMAT " of %s, but save %"
                            G_GUINT64_FORMAT " of %s was seen here. Submissions made "
                            "after this file may be missing. If you restored a backup on "
                            "purpose, confirm the restore; otherwise find the newer file."),
                          warning->file_counter, file_date, warning->seen_counter, seen_date);
}

gboolean
sc_vault_accept_restore (ScVault  *self,
                         GError  **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (SC_IS_VAULT (self), FALSE);

  if (!sc_vault_check_role (self, SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_IMPLEMENTER), TRUE, error))
    return FALSE;
  if (!sc_vault_begin (self, error))
    return FALSE;
  if (!sc_vault_audit_insert (self, "vault.restore", 0, error))
    {
      sc_vault_rollback (self);
      return FALSE;
    }
  /* The save below would keep the newer record; the restore replaces it on purpose. */
  path = record_path (self);
  if (path != NULL)
    g_unlink (path);
  self->rollback_warned = FALSE;
  return sc_vault_commit_and_save (self, error);
}
