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
#include <errno.h>
#include <string.h>
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

typedef struct
{
  guint64  counter;          /* the highest save seen */
  gint64   saved_at;
  char    *fingerprint;      /* of that save */
  char    *rollback;         /* the latest save of an older copy not yet confirmed */
} Record;

static void
record_clear (Record *record)
{
  g_clear_pointer (&record->fingerprint, g_free);
  g_clear_pointer (&record->rollback, g_free);
}

/* Tells saves with the same counter apart: a copy rolled back to save 5 and saved
 * again is save 6 too, but with another body nonce or another header. */
static char *
fingerprint (const ScVaultHeader *header)
{
  crypto_generichash_state state;
  guint8 counter[8], hash[16];
  char hex[2 * sizeof hash + 1];

  _sc_vault_put_i64 (counter, (gint64) header->save_counter);
  crypto_generichash_init (&state, NULL, 0, sizeof hash);
  crypto_generichash_update (&state, counter, sizeof counter);
  crypto_generichash_update (&state, header->body_nonce, sizeof header->body_nonce);
  crypto_generichash_final (&state, hash, sizeof hash);
  return g_strdup (sodium_bin2hex (hex, sizeof hex, hash, sizeof hash));
}

static gboolean
read_record (const char *path,
             Record     *record)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();

  memset (record, 0, sizeof *record);
  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL))
    return FALSE;
  record->counter = g_key_file_get_uint64 (file, RECORD_GROUP, "save_counter", NULL);
  record->saved_at = g_key_file_get_int64 (file, RECORD_GROUP, "saved_at", NULL);
  record->fingerprint = g_key_file_get_string (file, RECORD_GROUP, "fingerprint", NULL);
  record->rollback = g_key_file_get_string (file, RECORD_GROUP, "unconfirmed_rollback", NULL);
  return record->counter > 0;
}

static void
write_record (const char   *path,
              const Record *record)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  g_key_file_set_uint64 (file, RECORD_GROUP, "save_counter", record->counter);
  g_key_file_set_int64 (file, RECORD_GROUP, "saved_at", record->saved_at);
  if (record->fingerprint != NULL)
    g_key_file_set_string (file, RECORD_GROUP, "fingerprint", record->fingerprint);
  if (record->rollback != NULL)
    g_key_file_set_string (file, RECORD_GROUP, "unconfirmed_rollback", record->rollback);
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

/* ---- Key slots as last seen ------------------------------------------------------- *
 *
 * A forged key slot (its bytes changed and the unkeyed checksum recomputed) does not open
 * with the right passphrase, which by itself looks exactly like a wrong passphrase. So
 * this computer also remembers the passphrase slots it last saw, under the recovery slot
 * (which passphrase changes leave alone): when no slot opens and a slot differs from the
 * one remembered, the vault was modified since, or its passphrase was changed on another
 * computer, and the person is told that rather than "wrong passphrase".
 */

static char *
slot_digest (const ScVaultSlot *slot)
{
  crypto_generichash_state state;
  guint8 fixed[18], hash[16];
  char hex[2 * sizeof hash + 1];

  fixed[0] = slot->type;
  fixed[1] = slot->kdf;
  _sc_vault_put_i64 (fixed + 2, (gint64) slot->opslimit);
  _sc_vault_put_i64 (fixed + 10, (gint64) slot->memlimit);
  crypto_generichash_init (&state, NULL, 0, sizeof hash);
  crypto_generichash_update (&state, fixed, sizeof fixed);
  crypto_generichash_update (&state, slot->salt, sizeof slot->salt);
  crypto_generichash_update (&state, slot->nonce, sizeof slot->nonce);
  crypto_generichash_update (&state, slot->wrapped, MIN (slot->wrapped_len, sizeof slot->wrapped));
  crypto_generichash_final (&state, hash, sizeof hash);
  return g_strdup (sodium_bin2hex (hex, sizeof hex, hash, sizeof hash));
}

/* A slot's key in the record: by type, and by person when the slot has one (several
 * slots of one type from format version 2). */
static char *
slot_record_name (const ScVaultSlot *slot)
{
  if (slot->person_id == 0)
    return g_strdup_printf ("slot%u", slot->type);
  return g_strdup_printf ("slot%u-%u", slot->type, slot->person_id);
}

static char *
slots_record_path (const ScVaultHeader *header)
{
  g_autofree char *key = NULL;
  const char *base = state_dir_override != NULL ? state_dir_override : g_get_user_state_dir ();

  for (guint i = 0; i < header->n_slots; i++)
    if (header->slots[i].type == SC_VAULT_SLOT_RECOVERY)
      key = slot_digest (&header->slots[i]);
  if (key == NULL)
    return NULL;
  return g_build_filename (base, "stresscheck", "slots", key, NULL);
}

static void
note_slots (const ScVaultHeader *header)
{
  g_autofree char *path = slots_record_path (header);
  g_autofree char *dir = NULL;
  g_autoptr(GKeyFile) file = NULL;

  if (path == NULL)
    return;
  file = g_key_file_new ();
  for (guint i = 0; i < header->n_slots; i++)
    {
      g_autofree char *digest = slot_digest (&header->slots[i]);
      g_autofree char *name = slot_record_name (&header->slots[i]);

      g_key_file_set_string (file, "slots", name, digest);
    }
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) == 0)
    g_key_file_save_to_file (file, path, NULL);
}

void
_sc_vault_explain_wrong_passphrase (const ScVaultHeader  *header,
                                    GError              **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GKeyFile) file = NULL;
  gboolean changed = FALSE;

  if (error == NULL || *error == NULL
      || !g_error_matches (*error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE))
    return;
  path = slots_record_path (header);
  file = g_key_file_new ();
  if (path == NULL || !g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL))
    return;
  for (guint i = 0; i < header->n_slots; i++)
    {
      g_autofree char *name = slot_record_name (&header->slots[i]);
      g_autofree char *seen = g_key_file_get_string (file, "slots", name, NULL);
      g_autofree char *digest = slot_digest (&header->slots[i]);

      if (header->slots[i].kdf == SC_VAULT_KDF_ARGON2ID && g_strcmp0 (seen, digest) != 0)
        changed = TRUE;
    }
  if (!changed)
    return;
  g_clear_error (error);
  g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_DAMAGED,
                       _("The vault file is damaged or has been modified: its key slots are "
                         "not the ones this computer saw last. If the passphrase was changed "
                         "on another computer, use the new one; otherwise restore the vault "
                         "from a backup or open it with the recovery key."));
}

void
_sc_vault_rollback_check_opened (ScVault *self)
{
  g_autofree char *path = record_path (self);
  g_autofree char *print = NULL;
  Record record;
  gboolean older;

  self->rollback_warned = FALSE;
  note_slots (&self->header);
  if (path == NULL)
    return;
  print = fingerprint (&self->header);
  if (!read_record (path, &record))
    {
      Record fresh = { self->header.save_counter, file_saved_at (self), print, NULL };

      write_record (path, &fresh);
      return;
    }
  /* Older than the record, the same save number with other contents, or a copy that
   * was opened with this warning before and saved since. */
  older = self->header.save_counter < record.counter
          || (self->header.save_counter == record.counter && record.fingerprint != NULL
              && g_strcmp0 (record.fingerprint, print) != 0)
          || g_strcmp0 (record.rollback, print) == 0;
  if (older)
    {
      self->rollback_warned = TRUE;
      self->rollback.file_counter = self->header.save_counter;
      self->rollback.file_saved_at = file_saved_at (self);
      self->rollback.seen_counter = record.counter;
      self->rollback.seen_saved_at = record.saved_at;
      g_debug ("The vault is older than a copy this computer has seen (save %"
               G_GUINT64_FORMAT ", %" G_GUINT64_FORMAT " seen)",
               self->header.save_counter, record.counter);
    }
  else if (self->header.save_counter > record.counter)
    {
      Record newer = { self->header.save_counter, file_saved_at (self), print, NULL };

      write_record (path, &newer);
    }
  record_clear (&record);
}

void
_sc_vault_rollback_note_saved (ScVault *self)
{
  g_autofree char *path = record_path (self);
  Record record;

  note_slots (&self->header);
  if (path == NULL)
    return;
  if (!read_record (path, &record) || !self->rollback_warned)
    {
      record_clear (&record);
      record.counter = self->header.save_counter;
      record.saved_at = g_get_real_time () / G_USEC_PER_SEC;
      record.fingerprint = fingerprint (&self->header);
    }
  else
    {
      /* While a rollback is unconfirmed, the record keeps the newer save and follows
       * the older copy's saves, so that it is still noticed when it has been saved
       * more often than the newer one. */
      g_free (record.rollback);
      record.rollback = fingerprint (&self->header);
    }
  write_record (path, &record);
  record_clear (&record);
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
                            "this file is save %llu of %s, but save %llu of %s was seen "
                            "here. Submissions made after this file may be missing. If you "
                            "restored a backup on purpose, confirm the restore; otherwise "
                            "find the newer file."),
                          (unsigned long long) warning->file_counter, file_date,
                          (unsigned long long) warning->seen_counter, seen_date);
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
