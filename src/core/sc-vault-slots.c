/* sc-vault-slots.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The key slots of an ScVault (passphrase changes, the HR passphrase, a new recovery
 * key), backups, and the kiosk mode, which wipes both secret keys.
 *
 * SECURITY: slot payloads (data key and secret keys) exist only in guarded memory and
 * are freed, and so wiped, as soon as they are wrapped or taken.
 */
#define G_LOG_DOMAIN "sc-vault"

#include "config.h"

#include "sc-vault-private.h"
#include "sc-access-code.h"
#include "sc-secure.h"

#include <string.h>
#include <unistd.h>

/* ---- Keys --------------------------------------------------------------------------- */

/* SECURITY: moves the keys out of a slot payload into the vault's guarded memory. */
gboolean
_sc_vault_take_payload (ScVault          *self,
                        ScVaultSlotType   type,
                        const guint8     *payload,
                        GError          **error)
{
  ScVaultBodyKeys *keys = sc_secure_alloc (sizeof *keys);
  guint8 *impl_sk = NULL, *hr_sk;

  if (keys == NULL)
    goto no_memory;
  memcpy (keys->data_key, payload, SC_VAULT_KEY_BYTES);
  sc_vault_body_keys_derive (keys);

  if (type == SC_VAULT_SLOT_HR)
    hr_sk = sc_secure_dup (payload + SC_VAULT_KEY_BYTES, crypto_box_SECRETKEYBYTES);
  else
    {
      impl_sk = sc_secure_dup (payload + SC_VAULT_KEY_BYTES, crypto_box_SECRETKEYBYTES);
      hr_sk = sc_secure_dup (payload + 2 * SC_VAULT_KEY_BYTES, crypto_box_SECRETKEYBYTES);
      if (impl_sk == NULL)
        {
          sc_secure_free (hr_sk);
          sc_secure_free (keys);
          goto no_memory;
        }
    }
  if (hr_sk == NULL)
    {
      sc_secure_free (impl_sk);
      sc_secure_free (keys);
      goto no_memory;
    }

  _sc_vault_wipe_secrets (self);
  self->keys = keys;
  self->impl_sk = impl_sk;
  self->hr_sk = hr_sk;
  return TRUE;

no_memory:
  g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_IO,
                       "There is not enough protected memory to unlock the vault.");
  return FALSE;
}

/* SECURITY: builds the payload a slot of @type wraps, in guarded memory. */
guint8 *
_sc_vault_build_payload (ScVault          *self,
                         ScVaultSlotType   type)
{
  guint8 *payload = sc_secure_alloc (sc_vault_slot_payload_len (type));

  g_assert (self->keys != NULL && self->hr_sk != NULL);
  if (payload == NULL)
    return NULL;
  memcpy (payload, self->keys->data_key, SC_VAULT_KEY_BYTES);
  if (type == SC_VAULT_SLOT_HR)
    memcpy (payload + SC_VAULT_KEY_BYTES, self->hr_sk, crypto_box_SECRETKEYBYTES);
  else
    {
      g_assert (self->impl_sk != NULL);
      memcpy (payload + SC_VAULT_KEY_BYTES, self->impl_sk, crypto_box_SECRETKEYBYTES);
      memcpy (payload + 2 * SC_VAULT_KEY_BYTES, self->hr_sk, crypto_box_SECRETKEYBYTES);
    }
  return payload;
}

/* Tries the passphrase slots in order (implementer, then HR). */
gboolean
_sc_vault_unwrap_passphrase (const ScVaultHeader  *header,
                             const char           *passphrase,
                             guint8              **out_payload,
                             ScVaultSlotType      *out_type,
                             GError              **error)
{
  g_autoptr(GError) last_error = NULL;

  for (guint i = 0; i < header->n_slots; i++)
    {
      const ScVaultSlot *slot = &header->slots[i];

      if (slot->kdf != SC_VAULT_KDF_ARGON2ID)
        continue;
      g_clear_error (&last_error);
      if (sc_vault_slot_unwrap (slot, passphrase, NULL, out_payload, &last_error))
        {
          *out_type = slot->type;
          return TRUE;
        }
      if (!g_error_matches (last_error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE))
        break;
    }
  g_propagate_error (error, g_steal_pointer (&last_error));
  return FALSE;
}

ScVaultSlot *
_sc_vault_find_slot (ScVaultHeader   *header,
                     ScVaultSlotType  type)
{
  for (guint i = 0; i < header->n_slots; i++)
    if (header->slots[i].type == type)
      return &header->slots[i];
  return NULL;
}

/* Puts @slot in its place (slots are ordered by type), replacing one of its type. */
void
_sc_vault_set_slot (ScVaultHeader     *header,
                    const ScVaultSlot *slot)
{
  guint i;
  ScVaultSlot *existing = _sc_vault_find_slot (header, slot->type);

  if (existing != NULL)
    {
      *existing = *slot;
      return;
    }
  g_assert (header->n_slots < SC_VAULT_MAX_SLOTS);
  for (i = header->n_slots; i > 0 && header->slots[i - 1].type > slot->type; i--)
    header->slots[i] = header->slots[i - 1];
  header->slots[i] = *slot;
  header->n_slots++;
  sc_vault_header_compute_len (header);
}

static void
limits_of_slot (const ScVaultSlot *slot,
                ScVaultKdfLimits  *limits)
{
  limits->opslimit = slot->opslimit;
  limits->memlimit = (gsize) slot->memlimit;
}

/* ---- Slots ------------------------------------------------------------------------- */

static gboolean
rewrap_slot (ScVault          *self,
             ScVaultSlotType   type,
             const char       *passphrase,
             const guint8     *recovery,
             GError          **error)
{
  ScVaultHeader header = self->header;
  ScVaultKdfLimits limits;
  ScVaultSlot slot;
  ScVaultSlot *existing;
  guint8 *payload;
  gboolean ok;

  /* Keep the work factors the implementer's slot was made with. */
  existing = _sc_vault_find_slot (&header, SC_VAULT_SLOT_IMPLEMENTER);
  g_assert (existing != NULL);
  limits_of_slot (existing, &limits);

  payload = _sc_vault_build_payload (self, type);
  if (payload == NULL)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_IO,
                           "There is not enough protected memory for the new key.");
      return FALSE;
    }
  ok = sc_vault_slot_wrap (&slot, type, passphrase, recovery, &limits, payload, error);
  sc_secure_free (payload);
  if (!ok)
    return FALSE;
  _sc_vault_set_slot (&header, &slot);
  return _sc_vault_save_header_only (self, &header, error);
}

gboolean
sc_vault_change_passphrase (ScVault     *self,
                            const char  *new_passphrase,
                            GError     **error)
{
  ScVaultSlotType type;

  g_return_val_if_fail (SC_IS_VAULT (self), FALSE);

  if (!sc_vault_check_role (self, SC_VAULT_ROLES_STAFF, TRUE, error)
      || !sc_vault_check_passphrase (new_passphrase, error))
    return FALSE;
  type = self->role == SC_VAULT_ROLE_HR ? SC_VAULT_SLOT_HR : SC_VAULT_SLOT_IMPLEMENTER;
  if (!rewrap_slot (self, type, new_passphrase, NULL, error))
    return FALSE;
  /* The audit entry goes with the next save, so that this one leaves the body as it is. */
  if (sc_vault_audit_insert (self, "passphrase.change", type, NULL))
    sc_vault_mark_dirty (self);
  return TRUE;
}

gboolean
sc_vault_set_hr_passphrase (ScVault     *self,
                            const char  *passphrase,
                            GError     **error)
{
  ScVaultSlot *impl_slot;
  guint8 *payload = NULL;

  g_return_val_if_fail (SC_IS_VAULT (self), FALSE);

  if (!sc_vault_check_role (self, SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_IMPLEMENTER), TRUE, error)
      || !sc_vault_check_passphrase (passphrase, error))
    return FALSE;

  /* The role follows from the passphrase, so the two must differ. */
  impl_slot = _sc_vault_find_slot (&self->header, SC_VAULT_SLOT_IMPLEMENTER);
  if (sc_vault_slot_unwrap (impl_slot, passphrase, NULL, &payload, NULL))
    {
      sc_secure_free (payload);
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,
                           "The HR passphrase must differ from the implementer's.");
      return FALSE;
    }
  if (!rewrap_slot (self, SC_VAULT_SLOT_HR, passphrase, NULL, error))
    return FALSE;
  if (sc_vault_audit_insert (self, "passphrase.set_hr", 0, NULL))
    sc_vault_mark_dirty (self);
  return TRUE;
}

char *
sc_vault_new_recovery_key (ScVault  *self,
                           GError  **error)
{
  char *text = NULL;
  guint8 *recovery;
  gboolean ok;

  g_return_val_if_fail (SC_IS_VAULT (self), NULL);

  if (!sc_vault_check_role (self, SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_IMPLEMENTER), TRUE, error))
    return NULL;
  recovery = sc_vault_recovery_new (&text);
  ok = rewrap_slot (self, SC_VAULT_SLOT_RECOVERY, NULL, recovery, error);
  sc_secure_free (recovery);
  if (!ok)
    {
      sc_vault_free_recovery_key (text);
      return NULL;
    }
  if (sc_vault_audit_insert (self, "recovery.replace", 0, NULL))
    sc_vault_mark_dirty (self);
  return text;
}

gboolean
sc_vault_backup (ScVault     *self,
                 const char  *dest_path,
                 GError     **error)
{
  g_autofree guint8 *data = NULL;
  ScVaultHeader header;
  gsize len = 0;

  g_return_val_if_fail (SC_IS_VAULT (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  if (!sc_vault_check_role (self, SC_VAULT_ROLES_STAFF, FALSE, error))
    return FALSE;
  if (self->dirty && !self->read_only && !_sc_vault_save_full (self, error))
    return FALSE;

  data = sc_vault_read_file (self->path, &len, error);
  if (data == NULL)
    return FALSE;
  /* Copy only what this vault wrote, so that a backup is never of a damaged file. */
  if (!sc_vault_header_parse (data, len, TRUE, &header, error)
      || !sc_vault_header_check_mac (&header, self->keys, data, len))
    {
      sc_vault_set_damaged (error);
      return FALSE;
    }
  return sc_vault_write_file_atomic (dest_path, data, len, error);
}

/* ---- Kiosk --------------------------------------------------------------------------- */

gboolean
sc_vault_enter_kiosk (ScVault  *self,
                      GError  **error)
{
  g_return_val_if_fail (SC_IS_VAULT (self), FALSE);

  if (!sc_vault_check_role (self, SC_VAULT_ROLES_STAFF, TRUE, error))
    return FALSE;

  /* Recorded with the role that started the kiosk. */
  if (!sc_vault_begin (self, error))
    return FALSE;
  if (!sc_vault_audit_insert (self, "kiosk.enter", 0, error))
    {
      sc_vault_rollback (self);
      return FALSE;
    }
  if (!sc_vault_commit_and_save (self, error))
    return FALSE;

  /* SECURITY: from here on nothing in this process can open an earlier answer. */
  sc_secure_clear ((gpointer *) &self->impl_sk);
  sc_secure_clear ((gpointer *) &self->hr_sk);
  g_hash_table_remove_all (self->pending_hr);
  _sc_vault_set_role (self, SC_VAULT_ROLE_KIOSK);
  return TRUE;
}

gboolean
sc_vault_leave_kiosk (ScVault     *self,
                      const char  *passphrase,
                      GError     **error)
{
  ScVaultSlotType type = 0;
  guint8 *payload = NULL;

  g_return_val_if_fail (SC_IS_VAULT (self), FALSE);
  g_return_val_if_fail (passphrase != NULL, FALSE);

  if (!sc_vault_check_role (self, SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_KIOSK), FALSE, error))
    return FALSE;
  if (!_sc_vault_unwrap_passphrase (&self->header, passphrase, &payload, &type, error))
    return FALSE;
  if (sodium_memcmp (payload, self->keys->data_key, SC_VAULT_KEY_BYTES) != 0)
    {
      sc_secure_free (payload);
      sc_vault_set_damaged (error);
      return FALSE;
    }
  if (!_sc_vault_take_payload (self, type, payload, error))
    {
      sc_secure_free (payload);
      return FALSE;
    }
  sc_secure_free (payload);
  if (!_sc_vault_check_key_pair (self->impl_sk, self->impl_pk)
      || !_sc_vault_check_key_pair (self->hr_sk, self->hr_pk))
    {
      sc_vault_lock (self);
      sc_vault_set_damaged (error);
      return FALSE;
    }
  _sc_vault_set_role (self, type == SC_VAULT_SLOT_HR ? SC_VAULT_ROLE_HR : SC_VAULT_ROLE_IMPLEMENTER);

  if (!sc_vault_begin (self, error))
    return FALSE;
  if (!sc_vault_audit_insert (self, "kiosk.leave", 0, error))
    {
      sc_vault_rollback (self);
      return FALSE;
    }
  return sc_vault_commit_and_save (self, error);
}
