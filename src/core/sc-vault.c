/* sc-vault.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ScVault object: creating, opening, unlocking, locking and closing a vault, and
 * what the store files (sc-vault-<aggregate>.c) use of it. Loading and saving are in
 * sc-vault-save.c, the key slots and the kiosk mode in sc-vault-slots.c.
 *
 * SECURITY: what is held in memory, and when.
 *   keys (data key, body encryption and MAC subkeys): guarded memory from unlock until
 *     lock/close. Kept in kiosk mode, which must still write the database.
 *   impl_sk: guarded memory, only when unlocked by the implementer's passphrase or the
 *     recovery key; wiped when the kiosk starts.
 *   hr_sk: guarded memory, for the implementer and HR roles; wiped when the kiosk starts.
 *   Passphrases are never copied except into guarded memory for the KDF, never logged.
 *   The database itself is in SQLite's heap; it is zeroed before it is closed.
 */
#define G_LOG_DOMAIN "sc-vault"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-vault-private.h"
#include "sc-access-code.h"
#include "sc-secure.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

enum
{
  PROP_0,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ScVault, sc_vault, G_TYPE_OBJECT)

G_DEFINE_QUARK (sc-vault-error-quark, sc_vault_error)

int sc_vault_test_schema_target = 0;

static const ScVaultKdfLimits default_limits = {
  /* Measured on the development machine (Xeon, 2 cores): 3 passes over 256 MiB take
   * 0.54 s, the MODERATE preset of libsodium. */
  .opslimit = crypto_pwhash_OPSLIMIT_MODERATE,
  .memlimit = crypto_pwhash_MEMLIMIT_MODERATE,
};

static const ScVaultKdfLimits testing_limits = {
  .opslimit = crypto_pwhash_OPSLIMIT_MIN,
  .memlimit = crypto_pwhash_MEMLIMIT_MIN,
};

const ScVaultKdfLimits *
sc_vault_kdf_limits_default (void)
{
  return &default_limits;
}

const ScVaultKdfLimits *
sc_vault_kdf_limits_for_testing (void)
{
  return &testing_limits;
}

static gboolean
minimum_limits_requested (void)
{
  static gsize warned;

  if (g_strcmp0 (g_getenv ("STRESSCHECK_KDF"), "min") != 0)
    return FALSE;
#if !SC_TEST_HOOKS
  /* SECURITY: a vault made with the minimum Argon2id cost falls to a guessing attack in
   * minutes; only builds configured with -Dtest_hooks=true (the test suite's) honour it. */
  if (g_once_init_enter (&warned))
    {
      g_printerr ("%s: warning: STRESSCHECK_KDF=min is ignored: this build has no test "
                  "hooks\n", g_get_prgname () ? g_get_prgname () : "stresscheck");
      g_once_init_leave (&warned, 1);
    }
  return FALSE;
#endif
  if (g_once_init_enter (&warned))
    {
      g_printerr ("%s: warning: STRESSCHECK_KDF=min: minimum key derivation limits, for "
                  "tests only\n", g_get_prgname () ? g_get_prgname () : "stresscheck");
      g_once_init_leave (&warned, 1);
    }
  return TRUE;
}

const ScVaultKdfLimits *
sc_vault_kdf_limits_for_new_vault (void)
{
  return minimum_limits_requested () ? &testing_limits : &default_limits;
}

void
sc_vault_code_limits_for_new_codes (guint64 *opslimit,
                                    gsize   *memlimit)
{
  g_return_if_fail (opslimit != NULL && memlimit != NULL);

  if (minimum_limits_requested ())
    {
      *opslimit = crypto_pwhash_OPSLIMIT_MIN;
      *memlimit = crypto_pwhash_MEMLIMIT_MIN;
    }
  else
    {
      *opslimit = SC_ACCESS_CODE_OPSLIMIT_DEFAULT;
      *memlimit = SC_ACCESS_CODE_MEMLIMIT_DEFAULT;
    }
}

void
_sc_vault_set_role (ScVault     *self,
                    ScVaultRole  role)
{
  if (self->role == role)
    return;
  self->role = role;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

/* SECURITY: zeroes the plaintext database before SQLite frees it. */
void
_sc_vault_wipe_database (ScVault *self)
{
  if (self->db != NULL)
    {
      sqlite3_int64 size = 0;
      unsigned char *p = sqlite3_serialize (self->db, "main", &size,
                                            SQLITE_SERIALIZE_NOCOPY);

      if (p != NULL && size > 0)
        sodium_munlock (p, (gsize) size);   /* zeroes, then unlocks */
      /* _v2: a caller may still hold a finished statement (a failed save reloads the
       * database in the middle of a store call); the connection goes with it. */
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
}

/* SECURITY: wipes every key (sodium_free zeroes the memory). */
void
_sc_vault_wipe_secrets (ScVault *self)
{
  sc_secure_clear ((gpointer *) &self->keys);
  sc_secure_clear ((gpointer *) &self->impl_sk);
  sc_secure_clear ((gpointer *) &self->hr_sk);
  sc_secure_clear ((gpointer *) &self->sign_sk);
  self->impl_pk_pinned = FALSE;
  self->signatures_required = FALSE;
  sc_vault_clear_pending_hr_seals (self);
  g_hash_table_remove_all (self->pending_hr);
  self->kiosk_verified_employee = 0;
  self->person_id = 0;
  g_clear_pointer (&self->person_name, g_free);
}

static void
sc_vault_finalize (GObject *object)
{
  ScVault *self = SC_VAULT (object);

  sc_vault_close (self);
  g_hash_table_unref (self->pending_hr);
  g_free (self->path);

  G_OBJECT_CLASS (sc_vault_parent_class)->finalize (object);
}

static void
sc_vault_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  ScVault *self = SC_VAULT (object);

  switch (prop_id)
    {
    case PROP_ROLE:
      g_value_set_int (value, self->role);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_vault_class_init (ScVaultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sc_vault_finalize;
  object_class->get_property = sc_vault_get_property;

  /* The ScVaultRole the vault is unlocked with; SC_VAULT_ROLE_NONE when locked. */
  properties[PROP_ROLE] =
    g_param_spec_int ("role", NULL, NULL,
                      SC_VAULT_ROLE_NONE, SC_VAULT_ROLE_KIOSK, SC_VAULT_ROLE_NONE,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_vault_init (ScVault *self)
{
  self->lock_fd = -1;
  self->pending_hr = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                            g_free, (GDestroyNotify) g_bytes_unref);
}

/* ---- Creating and opening ------------------------------------------------------------ */

static gboolean
new_database (ScVault  *self,
              GError  **error)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)
      != SQLITE_OK
      /* An empty deserialized database is a contiguous in-memory image, which
       * sqlite3_serialize() can then hand out without copying. */
      || sqlite3_deserialize (db, "main", NULL, 0, 0,
                              SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE)
         != SQLITE_OK)
    {
      sqlite3_close (db);
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NO_SPACE,
                           "There is not enough memory to create the vault.");
      return FALSE;
    }
  self->db = db;
  return sc_vault_db_exec (db, "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;", error);
}

static gboolean
path_exists (const char *path)
{
  return access (path, F_OK) == 0;
}

ScVault *
sc_vault_create (const char              *path,
                 const char              *implementer_passphrase,
                 const ScVaultKdfLimits  *limits,
                 char                   **out_recovery_key,
                 GError                 **error)
{
  g_autoptr(ScVault) self = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ScVaultSlot slot;
  guint8 *payload = NULL, *recovery = NULL;
  char *recovery_text = NULL;
  int target;
  guint32 person_id;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (out_recovery_key != NULL, NULL);

  if (!sc_secure_init ())
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_IO,
                           "The system's random number generator is not available.");
      return NULL;
    }
  if (!sc_vault_check_passphrase (implementer_passphrase, error))
    return NULL;
  if (limits == NULL)
    limits = &default_limits;

  self = g_object_new (SC_TYPE_VAULT, NULL);
  self->path = g_strdup (path);
  self->lock_fd = sc_vault_lock_file (path, error);
  if (self->lock_fd < 0)
    return NULL;
  if (path_exists (path))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_EXISTS,
                   "“%s” already exists. Choose another name.", display);
      return NULL;
    }

  /* SECURITY: fresh data key and both key pairs, straight into guarded memory. */
  self->keys = sc_secure_alloc (sizeof *self->keys);
  self->impl_sk = sc_secure_alloc (crypto_box_SECRETKEYBYTES);
  self->hr_sk = sc_secure_alloc (crypto_box_SECRETKEYBYTES);
  if (self->keys == NULL || self->impl_sk == NULL || self->hr_sk == NULL)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_IO,
                           "There is not enough protected memory to create the vault.");
      return NULL;
    }
  crypto_secretbox_keygen (self->keys->data_key);
  sc_vault_body_keys_derive (self->keys);
  crypto_box_keypair (self->impl_pk, self->impl_sk);
  crypto_box_keypair (self->hr_pk, self->hr_sk);
  self->impl_pk_pinned = TRUE;
  self->signatures_required = TRUE;
  if (!_sc_vault_derive_signing_key (self))
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_IO,
                           "There is not enough protected memory to create the vault.");
      return NULL;
    }

  memset (&self->header, 0, sizeof self->header);
  self->header.version = SC_VAULT_FORMAT_VERSION;
  target = sc_vault_test_schema_target > 0 ? sc_vault_test_schema_target
                                           : SC_VAULT_SCHEMA_VERSION;
  /* The creator is person 1, the first row of the people table. */
  person_id = target >= SC_VAULT_SCHEMA_PEOPLE ? 1 : 0;
  payload = _sc_vault_build_payload (self, SC_VAULT_SLOT_IMPLEMENTER);
  recovery = sc_vault_recovery_new (&recovery_text);
  if (payload == NULL
      || !sc_vault_slot_wrap_person (&slot, SC_VAULT_SLOT_IMPLEMENTER, person_id,
                                     implementer_passphrase, NULL, limits, payload, error))
    goto fail;
  _sc_vault_set_slot (&self->header, &slot);
  if (!sc_vault_slot_wrap (&slot, SC_VAULT_SLOT_RECOVERY, NULL, recovery, NULL,
                           payload, error))
    goto fail;
  _sc_vault_set_slot (&self->header, &slot);
  sc_secure_clear ((gpointer *) &payload);
  sc_secure_clear ((gpointer *) &recovery);

  if (!new_database (self, error) || !sc_vault_schema_migrate (self->db, target, error))
    goto fail;

  self->role = SC_VAULT_ROLE_IMPLEMENTER;
  if (!sc_vault_db_begin (self->db, error))
    goto fail;
  stmt = sc_vault_db_prepare (self->db,
                              "INSERT INTO vault_keys (role, public_key) VALUES (?, ?)",
                              error);
  if (stmt == NULL)
    goto fail_rollback;
  for (int i = 0; i < 2; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, i == 0 ? "implementer" : "hr", -1, SQLITE_STATIC);
      sqlite3_bind_blob (stmt, 2, i == 0 ? self->impl_pk : self->hr_pk,
                         crypto_box_PUBLICKEYBYTES, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          sc_vault_db_set_error (self->db, error);
          goto fail_rollback;
        }
    }
  self->person_id = person_id;
  if ((person_id != 0 && !_sc_vault_insert_person (self, person_id, NULL,
                                                   SC_VAULT_PERSON_IMPLEMENTER, error))
      || !_sc_vault_sign_all (self, error)
      || !sc_vault_audit_insert (self, "vault.create", 0, error)
      || !sc_vault_db_commit (self->db, error))
    goto fail_rollback;

  _sc_vault_set_person (self, person_id);
  if (!_sc_vault_save_full (self, error))
    goto fail;

  *out_recovery_key = recovery_text;
  return g_steal_pointer (&self);

fail_rollback:
  sc_vault_db_rollback (self->db);
fail:
  sc_secure_free (payload);
  sc_secure_free (recovery);
  sc_vault_free_recovery_key (recovery_text);
  return NULL;
}

void
sc_vault_free_recovery_key (char *recovery_key)
{
  sc_secure_free (recovery_key);
}

/* Reads, parses and unwraps; on success the vault holds keys and database. */
static gboolean
unlock_from_disk (ScVault       *self,
                  const char    *passphrase,
                  const guint8  *recovery,
                  GError       **error)
{
  g_autofree guint8 *data = NULL;
  ScVaultHeader header;
  ScVaultSlotType type = 0;
  guint32 person_id = 0;
  guint8 *payload = NULL;
  gboolean migrated = FALSE;
  gsize len = 0;

  data = sc_vault_read_file (self->path, &len, error);
  if (data == NULL || !sc_vault_header_parse (data, len, TRUE, &header, error))
    return FALSE;

  if (recovery != NULL)
    {
      ScVaultSlot *slot = _sc_vault_find_slot (&header, SC_VAULT_SLOT_RECOVERY);

      if (slot == NULL)
        {
          g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE,
                               _("This vault has no recovery key."));
          return FALSE;
        }
      if (!sc_vault_slot_unwrap (slot, NULL, recovery, &payload, error))
        return FALSE;
      type = SC_VAULT_SLOT_RECOVERY;
    }
  else if (!_sc_vault_unwrap_passphrase (&header, passphrase, &payload, &type, &person_id,
                                         error))
    {
      _sc_vault_explain_wrong_passphrase (&header, error);
      return FALSE;
    }

  if (!_sc_vault_take_payload (self, type, payload, error))
    {
      sc_secure_free (payload);
      return FALSE;
    }
  sc_secure_free (payload);
  /* An older recovery slot opened a vault whose implementer slot is already pinned:
   * signatures are required all the same. */
  for (guint i = 0; i < header.n_slots && self->sign_sk != NULL; i++)
    if (header.slots[i].type != SC_VAULT_SLOT_HR
        && header.slots[i].wrapped_len == SC_VAULT_PAYLOAD_FULL + SC_VAULT_TAG_BYTES)
      self->signatures_required = TRUE;

  if (!_sc_vault_load_body (self, &header, data, len, error)
      || !_sc_vault_finish_load (self, &migrated, error))
    {
      _sc_vault_wipe_database (self);
      _sc_vault_wipe_secrets (self);
      return FALSE;
    }
  self->header = header;
  self->dirty = FALSE;
  _sc_vault_rollback_check_opened (self);
  _sc_vault_set_person (self, person_id);
  _sc_vault_set_role (self, type == SC_VAULT_SLOT_HR ? SC_VAULT_ROLE_HR : SC_VAULT_ROLE_IMPLEMENTER);

  /* A migrated vault is saved at once, so the file and memory agree. */
  if (migrated && !self->read_only && !_sc_vault_save_full (self, error))
    return FALSE;
  /* A slot from before signatures, opened with the implementer's or the recovery
   * secret: the records are signed (unless they already are) and the slot gets the pin
   * block from now on. */
  if (type != SC_VAULT_SLOT_HR && !self->read_only
      && _sc_vault_find_slot (&self->header, type)->wrapped_len
         == SC_VAULT_PAYLOAD_FULL_V1 + SC_VAULT_TAG_BYTES
      && sc_vault_schema_get_version (self->db) >= 4
      && !_sc_vault_upgrade_to_signatures (self, type, passphrase, recovery, error))
    return FALSE;
  return TRUE;
}

static ScVault *
open_common (const char        *path,
             const char        *passphrase,
             const guint8      *recovery,
             ScVaultOpenFlags   flags,
             GError           **error)
{
  g_autoptr(ScVault) self = NULL;

  if (!sc_secure_init ())
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_IO,
                           "The system's random number generator is not available.");
      return NULL;
    }

  self = g_object_new (SC_TYPE_VAULT, NULL);
  self->path = g_strdup (path);
  self->read_only = (flags & SC_VAULT_OPEN_READ_ONLY) != 0;
  /* Lock first, so that the file we read is the last one written. */
  if (!self->read_only)
    {
      g_autofree char *tmp = g_strconcat (path, ".tmp", NULL);

      self->lock_fd = sc_vault_lock_file (path, error);
      if (self->lock_fd < 0)
        return NULL;
      /* SECURITY: a temporary file left by a save that was killed holds a complete or
       * partial encrypted copy; only the holder of the write lock may remove it. */
      if (g_unlink (tmp) != 0 && errno != ENOENT)
        g_debug ("Could not remove a leftover temporary file: %s", g_strerror (errno));
    }
  if (!unlock_from_disk (self, passphrase, recovery, error))
    return NULL;
  return g_steal_pointer (&self);
}

ScVault *
sc_vault_open (const char        *path,
               const char        *passphrase,
               ScVaultOpenFlags   flags,
               GError           **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);

  return open_common (path, passphrase, NULL, flags, error);
}

ScVault *
sc_vault_recover (const char  *path,
                  const char  *recovery_key,
                  const char  *new_implementer_passphrase,
                  GError     **error)
{
  g_autoptr(ScVault) self = NULL;
  guint8 *recovery;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (recovery_key != NULL, NULL);

  if (!sc_secure_init () || !sc_vault_check_passphrase (new_implementer_passphrase, error))
    return NULL;
  recovery = sc_vault_recovery_parse (recovery_key, error);
  if (recovery == NULL)
    return NULL;
  self = open_common (path, NULL, recovery, SC_VAULT_OPEN_FLAGS_NONE, error);
  sc_secure_free (recovery);
  if (self == NULL)
    return NULL;

  if (!sc_vault_change_passphrase (self, new_implementer_passphrase, error))
    return NULL;
  if (!sc_vault_begin (self, error))
    return NULL;
  if (!sc_vault_audit_insert (self, "vault.recover", 0, error))
    {
      sc_vault_rollback (self);
      return NULL;
    }
  if (!sc_vault_commit_and_save (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

void
sc_vault_lock (ScVault *self)
{
  g_return_if_fail (SC_IS_VAULT (self));

  /* The task's worker uses the database and keys: they are wiped when it is done. */
  if (_sc_vault_busy_here (self))
    {
      self->lock_pending = TRUE;
      return;
    }

  _sc_vault_wipe_database (self);
  _sc_vault_wipe_secrets (self);
  _sc_vault_set_role (self, SC_VAULT_ROLE_NONE);
}

gboolean
sc_vault_unlock (ScVault     *self,
                 const char  *passphrase,
                 GError     **error)
{
  g_return_val_if_fail (SC_IS_VAULT (self), FALSE);
  g_return_val_if_fail (passphrase != NULL, FALSE);

  if (_sc_vault_busy_here (self))
    {
      _sc_vault_set_busy_error (error);
      return FALSE;
    }
  if (self->path == NULL || (!self->read_only && self->lock_fd < 0))
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_CLOSED,
                           "The vault is closed. Open it again.");
      return FALSE;
    }
  if (self->db != NULL)
    sc_vault_lock (self);
  return unlock_from_disk (self, passphrase, NULL, error);
}

void
sc_vault_close (ScVault *self)
{
  g_return_if_fail (SC_IS_VAULT (self));

  if (_sc_vault_busy_here (self))
    {
      self->close_pending = TRUE;
      return;
    }
  if (self->dirty && self->db != NULL && !self->read_only)
    {
      g_autoptr(GError) error = NULL;

      /* Only audit entries of reads are ever pending; losing them is reported. */
      if (!_sc_vault_save_full (self, &error))
        g_message ("Pending audit entries could not be saved: %s", error->message);
    }
  sc_vault_lock (self);
  if (self->lock_fd >= 0)
    {
      close (self->lock_fd);
      self->lock_fd = -1;
    }
}

ScVaultRole
sc_vault_get_role (ScVault *self)
{
  g_return_val_if_fail (SC_IS_VAULT (self), SC_VAULT_ROLE_NONE);
  return self->role;
}

const char *
sc_vault_get_path (ScVault *self)
{
  g_return_val_if_fail (SC_IS_VAULT (self), NULL);
  return self->path;
}

gboolean
sc_vault_is_read_only (ScVault *self)
{
  g_return_val_if_fail (SC_IS_VAULT (self), TRUE);
  return self->read_only;
}

guint64
sc_vault_get_save_counter (ScVault *self)
{
  g_return_val_if_fail (SC_IS_VAULT (self), 0);
  return self->header.save_counter;
}

gboolean
sc_vault_has_hr_passphrase (ScVault *self)
{
  g_return_val_if_fail (SC_IS_VAULT (self), FALSE);
  return _sc_vault_find_slot (&self->header, SC_VAULT_SLOT_HR) != NULL;
}

/* ---- For the store files -------------------------------------------------------------- */

sqlite3 *
sc_vault_get_db (ScVault *self)
{
  return self->db;
}

gboolean
sc_vault_check_role (ScVault  *self,
                     guint     roles,
                     gboolean  write,
                     GError  **error)
{
  if (_sc_vault_busy_here (self))
    {
      _sc_vault_set_busy_error (error);
      return FALSE;
    }
  if (self->db == NULL || self->role == SC_VAULT_ROLE_NONE)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_CLOSED,
                           "The vault is locked. Unlock it to continue.");
      return FALSE;
    }
  if ((roles & SC_VAULT_ROLE_BIT (self->role)) == 0)
    {
      if (self->role == SC_VAULT_ROLE_KIOSK)
        g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION,
                             "This is not available in kiosk mode.");
      else if (roles == SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_IMPLEMENTER))
        g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION,
                             "Only the implementer (実施者) may do this. Unlock the vault "
                             "with the implementer's passphrase.");
      else
        g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION,
                             "Your role may not do this.");
      return FALSE;
    }
  if (write && self->read_only)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_READ_ONLY,
                           "The vault was opened read-only, so nothing can be changed.");
      return FALSE;
    }
  return TRUE;
}

gboolean
sc_vault_begin (ScVault  *self,
                GError  **error)
{
  return sc_vault_db_begin (self->db, error);
}

void
sc_vault_rollback (ScVault *self)
{
  if (self->db != NULL)
    sc_vault_db_rollback (self->db);
}

gboolean
sc_vault_commit_and_save (ScVault  *self,
                          GError  **error)
{
  if (!sc_vault_db_commit (self->db, error))
    return FALSE;
  self->dirty = TRUE;
  return _sc_vault_save_full (self, error);
}

void
sc_vault_mark_dirty (ScVault *self)
{
  self->dirty = TRUE;
}

const guint8 *
sc_vault_get_public_key (ScVault     *self,
                         ScVaultRole  role)
{
  return role == SC_VAULT_ROLE_HR ? self->hr_pk : self->impl_pk;
}

const guint8 *
sc_vault_get_secret_key (ScVault     *self,
                         ScVaultRole  role)
{
  return role == SC_VAULT_ROLE_HR ? self->hr_sk : self->impl_sk;
}

void
sc_vault_keep_pending_hr_seal (ScVault *self,
                               gint64   submission_id,
                               GBytes  *sealed)
{
  g_hash_table_replace (self->pending_hr, g_memdup2 (&submission_id, sizeof submission_id),
                        g_bytes_ref (sealed));
}

GBytes *
sc_vault_take_pending_hr_seal (ScVault *self,
                               gint64   submission_id)
{
  gpointer key = NULL, value = NULL;

  if (!g_hash_table_steal_extended (self->pending_hr, &submission_id, &key, &value))
    return NULL;
  g_free (key);
  return value;
}

void
sc_vault_clear_pending_hr_seals (ScVault *self)
{
  g_hash_table_remove_all (self->pending_hr);
  sc_secure_clear ((gpointer *) &self->pending_decision_key);
  self->pending_decision_id = 0;
}

void
_sc_vault_keep_decision_key (ScVault       *self,
                             gint64         submission_id,
                             const guint8  *key)
{
  sc_secure_clear ((gpointer *) &self->pending_decision_key);
  self->pending_decision_key = sc_secure_dup (key, SC_VAULT_DECISION_KEY_BYTES);
  self->pending_decision_id = self->pending_decision_key != NULL ? submission_id : 0;
}

const guint8 *
_sc_vault_get_decision_key (ScVault *self,
                            gint64   submission_id)
{
  if (self->pending_decision_key == NULL || self->pending_decision_id != submission_id)
    return NULL;
  return self->pending_decision_key;
}

void
sc_vault_get_partial_limits (ScVault          *self,
                             ScVaultKdfLimits *limits)
{
  const ScVaultSlot *slot = _sc_vault_find_slot (&self->header, SC_VAULT_SLOT_IMPLEMENTER);

  limits->opslimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
  limits->memlimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
  if (slot == NULL)
    return;
  limits->opslimit = MIN (slot->opslimit, (guint64) crypto_pwhash_OPSLIMIT_INTERACTIVE);
  limits->memlimit = MIN ((gsize) slot->memlimit, (gsize) crypto_pwhash_MEMLIMIT_INTERACTIVE);
}

/* ---- Test hooks ------------------------------------------------------------------------ */

gboolean
sc_vault_test_save (ScVault  *self,
                    GError  **error)
{
  return _sc_vault_save_full (self, error);
}

gboolean
sc_vault_test_get_hr_keys (ScVault *self,
                           guint8   pk[32],
                           guint8   sk[32])
{
  memcpy (pk, self->hr_pk, 32);
  if (self->hr_sk == NULL)
    return FALSE;
  memcpy (sk, self->hr_sk, 32);
  return TRUE;
}

gboolean
sc_vault_test_holds_secret_keys (ScVault *self)
{
  return self->impl_sk != NULL || self->hr_sk != NULL;
}

gboolean
sc_vault_test_get_data_key (ScVault *self,
                            guint8   out[SC_VAULT_KEY_BYTES])
{
  if (self->keys == NULL)
    return FALSE;
  memcpy (out, self->keys->data_key, SC_VAULT_KEY_BYTES);
  return TRUE;
}
