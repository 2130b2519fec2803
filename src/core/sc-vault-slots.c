/* sc-vault-slots.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The key slots of an ScVault (passphrase changes, the HR passphrase, a new recovery
 * key) and the kiosk mode, which wipes both secret keys.
 *
 * SECURITY: slot payloads (data key and secret keys) exist only in guarded memory and
 * are freed, and so wiped, as soon as they are wrapped or taken.
 */
#define G_LOG_DOMAIN "sc-vault"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-vault-private.h"
#include "sc-access-code.h"
#include "sc-secure.h"

#include <string.h>
#include <unistd.h>

/* ---- Keys --------------------------------------------------------------------------- */

/* SECURITY: moves the keys out of a slot payload into the vault's guarded memory. The
 * implementer's public keys are computed from the secret key here (PINNING in
 * sc-vault-private.h), never taken from the database. */
gboolean
_sc_vault_take_payload (ScVault          *self,
                        ScVaultSlotType   type,
                        const guint8     *payload,
                        GError          **error)
{
  ScVaultBodyKeys *keys = sc_secure_alloc (sizeof *keys);
  guint8 *impl_sk = NULL, *hr_sk;
  const guint8 *pin = payload + SC_VAULT_PAYLOAD_FULL_V1;
  static const guint8 zero[SC_VAULT_KEY_BYTES] = { 0 };

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
  if (impl_sk == NULL)
    return TRUE;

  if (crypto_scalarmult_base (self->impl_pk, impl_sk) != 0)
    {
      _sc_vault_wipe_secrets (self);
      sc_vault_set_damaged (error);
      return FALSE;
    }
  self->impl_pk_pinned = TRUE;
  if (!_sc_vault_derive_signing_key (self))
    {
      _sc_vault_wipe_secrets (self);
      goto no_memory;
    }
  /* No pin block: a slot from before signatures (sc_vault_slot_unwrap() zeroes it). A
   * pin block must be the signing seed (the first half of libsodium's secret key). */
  self->signatures_required = sodium_memcmp (pin, zero, sizeof zero) != 0;
  if (self->signatures_required && sodium_memcmp (pin, self->sign_sk, SC_VAULT_KEY_BYTES) != 0)
    {
      _sc_vault_wipe_secrets (self);
      sc_vault_set_damaged (error);
      return FALSE;
    }
  return TRUE;

no_memory:
  g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_IO,
                       _("There is not enough protected memory to unlock the vault."));
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
      /* The pin block: this payload requires signatures from now on. */
      g_assert (self->sign_sk != NULL);
      memcpy (payload + SC_VAULT_PAYLOAD_FULL_V1, self->sign_sk, SC_VAULT_KEY_BYTES);
    }
  return payload;
}

/* Tries the passphrase slots in order (implementers, then HR). */
gboolean
_sc_vault_unwrap_passphrase (const ScVaultHeader  *header,
                             const char           *passphrase,
                             guint8              **out_payload,
                             ScVaultSlotType      *out_type,
                             guint32              *out_person_id,
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
          if (out_person_id != NULL)
            *out_person_id = slot->person_id;
          return TRUE;
        }
      if (!g_error_matches (last_error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE))
        break;
    }
  g_propagate_error (error, g_steal_pointer (&last_error));
  return FALSE;
}

/* SECURITY: the role follows from which slot a passphrase opens, so a passphrase that
 * opened two slots would give its holder the other role. Trying the candidate on every
 * other passphrase slot costs one Argon2id run per slot, with that slot's stored
 * parameters. (A refusal tells the person setting a passphrase that it opens another
 * slot; whoever can call this can already run the same guess offline against the file,
 * at the same cost.) */
gboolean
_sc_vault_check_passphrase_unique (const ScVaultHeader  *header,
                                   const char           *passphrase,
                                   const ScVaultSlot    *except,
                                   GError              **error)
{
  for (guint i = 0; i < header->n_slots; i++)
    {
      const ScVaultSlot *slot = &header->slots[i];
      g_autoptr(GError) local_error = NULL;
      guint8 *payload = NULL;

      if (slot->kdf != SC_VAULT_KDF_ARGON2ID
          || (except != NULL && slot->type == except->type
              && slot->person_id == except->person_id))
        continue;
      if (sc_vault_slot_unwrap (slot, passphrase, NULL, &payload, &local_error))
        {
          sc_secure_free (payload);
          g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,
                               slot->type == SC_VAULT_SLOT_HR
                               ? _("This passphrase is already HR's. Every person needs a "
                                   "passphrase of their own; choose another one.")
                               : _("This passphrase is already the implementer's. Every "
                                   "person needs a passphrase of their own; choose another "
                                   "one."));
          /* The messages name the role only: who else holds it is not told. */
          return FALSE;
        }
      if (!g_error_matches (local_error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  return TRUE;
}

/* The first slot of @type (the HR API of one HR slot maps to the first HR person). */
ScVaultSlot *
_sc_vault_find_slot (ScVaultHeader   *header,
                     ScVaultSlotType  type)
{
  for (guint i = 0; i < header->n_slots; i++)
    if (header->slots[i].type == type)
      return &header->slots[i];
  return NULL;
}

/* The slot of @type that belongs to @person_id (0: a slot without a person). */
ScVaultSlot *
_sc_vault_find_person_slot (ScVaultHeader   *header,
                            ScVaultSlotType  type,
                            guint32          person_id)
{
  for (guint i = 0; i < header->n_slots; i++)
    if (header->slots[i].type == type && header->slots[i].person_id == person_id)
      return &header->slots[i];
  return NULL;
}

/* The slot of @type of the person who unlocked; the first of @type when that person has
 * none of it (opened with the recovery key, or by a slot without a person). */
ScVaultSlot *
_sc_vault_find_own_slot (ScVault         *self,
                         ScVaultSlotType  type)
{
  ScVaultSlot *own = _sc_vault_find_person_slot (&self->header, type, self->person_id);

  return own != NULL ? own : _sc_vault_find_slot (&self->header, type);
}

/* Removes the slots for which @drop returns TRUE; the order of the others stays. */
void
_sc_vault_drop_slots (ScVaultHeader *header,
                      gboolean     (*drop) (const ScVaultSlot *slot,
                                            gpointer           data),
                      gpointer       data)
{
  guint j = 0;

  for (guint i = 0; i < header->n_slots; i++)
    if (!drop (&header->slots[i], data))
      header->slots[j++] = header->slots[i];
  header->n_slots = j;
  sc_vault_header_compute_len (header);
}

/* Puts @slot in its place (slots are ordered by type), replacing the one of its type
 * and person (the recovery slot: the one of its type). */
void
_sc_vault_set_slot (ScVaultHeader     *header,
                    const ScVaultSlot *slot)
{
  guint i;
  ScVaultSlot *existing = _sc_vault_find_person_slot (header, slot->type, slot->person_id);

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

gboolean
_sc_vault_rewrap_slot (ScVault          *self,
                       ScVaultSlotType   type,
                       guint32           person_id,
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
                           _("There is not enough protected memory for the new key."));
      return FALSE;
    }
  ok = sc_vault_slot_wrap_person (&slot, type, person_id, passphrase, recovery, &limits,
                                  payload, error);
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
  ScVaultSlot *own;

  g_return_val_if_fail (SC_IS_VAULT (self), FALSE);

  if (!sc_vault_check_role (self, SC_VAULT_ROLES_STAFF, TRUE, error)
      || !sc_vault_check_passphrase (new_passphrase, error))
    return FALSE;
  type = self->role == SC_VAULT_ROLE_HR ? SC_VAULT_SLOT_HR : SC_VAULT_SLOT_IMPLEMENTER;
  /* The slot this person opened; after a recovery, the first implementer's. */
  own = _sc_vault_find_own_slot (self, type);
  if (own == NULL)
    {
      _sc_vault_set_not_found (error, "This person no longer has a key to this vault.");
      return FALSE;
    }
  _sc_vault_set_person (self, own->person_id);
  if (!_sc_vault_check_passphrase_unique (&self->header, new_passphrase, own, error)
      || !_sc_vault_rewrap_slot (self, type, own->person_id, new_passphrase, NULL, error))
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
  ScVaultSlot *hr;
  g_return_val_if_fail (SC_IS_VAULT (self), FALSE);

  if (!sc_vault_check_role (self, SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_IMPLEMENTER), TRUE, error)
      || !sc_vault_check_passphrase (passphrase, error))
    return FALSE;

  /* The first HR person's slot; in a vault without one, an HR slot without a person (as
   * before named people: the header alone changes). sc_vault_add_person() names people. */
  hr = _sc_vault_find_slot (&self->header, SC_VAULT_SLOT_HR);
  /* The role follows from the passphrase, so the two must differ. */
  if (!_sc_vault_check_passphrase_unique (&self->header, passphrase, hr, error))
    return FALSE;
  if (!_sc_vault_rewrap_slot (self, SC_VAULT_SLOT_HR, hr != NULL ? hr->person_id : 0,
                              passphrase, NULL, error))
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
  ok = _sc_vault_rewrap_slot (self, SC_VAULT_SLOT_RECOVERY, 0, NULL, recovery, error);
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
_sc_vault_upgrade_to_signatures (ScVault          *self,
                                 ScVaultSlotType   type,
                                 const char       *passphrase,
                                 const guint8     *recovery,
                                 GError          **error)
{
  g_assert (self->sign_sk != NULL);

  if (!_sc_vault_has_signatures (self))
    {
      if (!sc_vault_begin (self, error))
        return FALSE;
      if (!_sc_vault_sign_all (self, error)
          || !sc_vault_audit_insert (self, "vault.sign", 0, error)
          || !sc_vault_db_commit (self->db, error))
        {
          sc_vault_rollback (self);
          return FALSE;
        }
      self->dirty = TRUE;
    }
  /* _sc_vault_rewrap_slot() saves the signed body first, then the slot with its pin
   * block. */
  if (!_sc_vault_rewrap_slot (self, type, self->person_id, passphrase, recovery, error))
    return FALSE;
  self->signatures_required = TRUE;
  return TRUE;
}

gboolean
sc_vault_remove_hr_slot (ScVault  *self,
                         GError  **error)
{
  ScVaultHeader header;
  guint j = 0;

  g_return_val_if_fail (SC_IS_VAULT (self), FALSE);

  if (!sc_vault_check_role (self, SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_IMPLEMENTER), TRUE, error))
    return FALSE;
  if (_sc_vault_find_slot (&self->header, SC_VAULT_SLOT_HR) == NULL)
    {
      _sc_vault_set_not_found (error, "This vault has no HR passphrase.");
      return FALSE;
    }
  header = self->header;
  for (guint i = 0; i < self->header.n_slots; i++)
    if (self->header.slots[i].type != SC_VAULT_SLOT_HR)
      header.slots[j++] = self->header.slots[i];
  header.n_slots = j;
  sc_vault_header_compute_len (&header);
  if (!_sc_vault_save_header_only (self, &header, error))
    return FALSE;
  if (sc_vault_audit_insert (self, "passphrase.remove_hr", 0, NULL))
    sc_vault_mark_dirty (self);
  return TRUE;
}

/* KEY ROTATION (issue 12 §6). A slot wraps the data key under a key derived from its
 * secret (passphrase or recovery key), which the vault never keeps. Rotating the data
 * key therefore needs each remaining slot's secret again, and this is the design chosen
 * over per-slot key-encryption keys that would survive the rotation: such a key would
 * sit in memory beside the data key and be taken with it, so a rotation after a leak
 * would not shut the leaker out. Here the implementer types the passphrase again; the
 * recovery key is replaced by a new one (the old one may be what leaked, and nobody but
 * its holder knows it), shown once; HR keeps a slot only if the implementer gives HR's
 * new passphrase now, otherwise HR's slot is dropped and set again later with
 * sc_vault_set_hr_passphrase(). The key pairs stay, so every sealed result still opens.
 * A data key taken before the rotation opens no save after it. */
gboolean
sc_vault_rotate_keys (ScVault      *self,
                      const char   *implementer_passphrase,
                      const char   *hr_passphrase,
                      char        **out_recovery_key,
                      GError      **error)
{
  ScVaultHeader header;
  ScVaultKdfLimits impl_limits, hr_limits;
  ScVaultBodyKeys *new_keys = NULL, *old_keys;
  ScVaultSlot slot, *existing;
  guint8 *payload = NULL, *recovery = NULL;
  char *recovery_text = NULL;
  gboolean ok = FALSE, save_tried = FALSE;
  guint32 impl_person, hr_person = 0;

  g_return_val_if_fail (SC_IS_VAULT (self), FALSE);
  g_return_val_if_fail (implementer_passphrase != NULL, FALSE);
  g_return_val_if_fail (out_recovery_key != NULL, FALSE);

  *out_recovery_key = NULL;
  if (!sc_vault_check_role (self, SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_IMPLEMENTER), TRUE, error))
    return FALSE;
  /* The passphrase must be the current one of the implementer (or assistant) rotating:
   * their own slot, or the first implementer's after a recovery. */
  existing = _sc_vault_find_own_slot (self, SC_VAULT_SLOT_IMPLEMENTER);
  if (!sc_vault_slot_unwrap (existing, implementer_passphrase, NULL, &payload, error))
    return FALSE;
  sc_secure_clear ((gpointer *) &payload);
  limits_of_slot (existing, &impl_limits);
  impl_person = existing->person_id;
  existing = _sc_vault_find_slot (&self->header, SC_VAULT_SLOT_HR);
  if (existing != NULL)
    {
      limits_of_slot (existing, &hr_limits);
      hr_person = existing->person_id;
    }
  else
    hr_limits = impl_limits;
  if (hr_passphrase != NULL
      && (!sc_vault_check_passphrase (hr_passphrase, error)
          || !_sc_vault_check_passphrase_unique (&self->header, hr_passphrase,
                                                 existing, error)))
    return FALSE;

  /* SECURITY: the new data key goes straight into guarded memory. */
  new_keys = sc_secure_alloc (sizeof *new_keys);
  if (new_keys == NULL)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_IO,
                           _("There is not enough protected memory for the new key."));
      return FALSE;
    }
  crypto_secretbox_keygen (new_keys->data_key);
  sc_vault_body_keys_derive (new_keys);
  old_keys = self->keys;
  self->keys = new_keys;

  header = self->header;
  header.n_slots = 0;
  recovery = sc_vault_recovery_new (&recovery_text);
  payload = _sc_vault_build_payload (self, SC_VAULT_SLOT_IMPLEMENTER);
  if (payload == NULL
      || !sc_vault_slot_wrap_person (&slot, SC_VAULT_SLOT_IMPLEMENTER, impl_person,
                                     implementer_passphrase, NULL, &impl_limits, payload,
                                     error))
    goto out;
  _sc_vault_set_slot (&header, &slot);
  if (!sc_vault_slot_wrap (&slot, SC_VAULT_SLOT_RECOVERY, NULL, recovery, NULL, payload, error))
    goto out;
  _sc_vault_set_slot (&header, &slot);
  sc_secure_clear ((gpointer *) &payload);
  if (hr_passphrase != NULL)
    {
      payload = _sc_vault_build_payload (self, SC_VAULT_SLOT_HR);
      if (payload == NULL
          || !sc_vault_slot_wrap_person (&slot, SC_VAULT_SLOT_HR, hr_person, hr_passphrase,
                                         NULL, &hr_limits, payload, error))
        goto out;
      _sc_vault_set_slot (&header, &slot);
    }
  sc_vault_header_compute_len (&header);

  if (!sc_vault_begin (self, error))
    goto out;
  if (!sc_vault_audit_insert (self, "keys.rotate", hr_passphrase != NULL, error)
      || !sc_vault_db_commit (self->db, error))
    {
      sc_vault_rollback (self);
      goto out;
    }
  /* The whole file is written again under the new key. */
  header.save_counter = self->header.save_counter;
  self->header = header;
  save_tried = TRUE;
  ok = _sc_vault_save_full (self, error);

out:
  sc_secure_free (payload);
  sc_secure_free (recovery);
  if (ok)
    {
      sc_secure_free (old_keys);
      *out_recovery_key = recovery_text;
    }
  else if (!save_tried)
    {
      /* Nothing was written: the old key stays. */
      self->keys = old_keys;
      sc_secure_free (new_keys);
      sc_vault_free_recovery_key (recovery_text);
    }
  else
    {
      /* A failed save may have left the old or (if it failed after the rename) the new
       * file; the implementer's passphrase opens either. Lock rather than guess. */
      sc_secure_free (old_keys);
      sc_vault_free_recovery_key (recovery_text);
      sc_vault_lock (self);
    }
  return ok;
}

/* ---- Kiosk --------------------------------------------------------------------------- */

gboolean
sc_vault_enter_kiosk (ScVault  *self,
                      GError  **error)
{
  g_return_val_if_fail (SC_IS_VAULT (self), FALSE);

  if (!sc_vault_check_role (self, SC_VAULT_ROLES_STAFF, TRUE, error))
    return FALSE;
  /* An HR-started kiosk seals to the implementer's public key as the database has it,
   * which HR could have replaced: only the implementer's own kiosk seals to the pinned
   * key. So HR may start it only when the implementer allowed it (README, threat model). */
  if (self->role == SC_VAULT_ROLE_HR && !sc_vault_hr_may_start_kiosk (self))
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION,
                           _("The implementer has not allowed HR to start the kiosk. Ask the "
                             "implementer to start it."));
      return FALSE;
    }

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
  sc_secure_clear ((gpointer *) &self->sign_sk);
  sc_vault_clear_pending_hr_seals (self);
  _sc_vault_set_role (self, SC_VAULT_ROLE_KIOSK);
  return TRUE;
}

gboolean
sc_vault_leave_kiosk (ScVault     *self,
                      const char  *passphrase,
                      GError     **error)
{
  ScVaultSlotType type = 0;
  guint32 person_id = 0;
  guint8 *payload = NULL;

  g_return_val_if_fail (SC_IS_VAULT (self), FALSE);
  g_return_val_if_fail (passphrase != NULL, FALSE);

  if (!sc_vault_check_role (self, SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_KIOSK), FALSE, error))
    return FALSE;
  if (!_sc_vault_unwrap_passphrase (&self->header, passphrase, &payload, &type,
                                    &person_id, error))
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
  /* The database's public keys must still be the pinned ones (an HR-started kiosk sealed
   * to the database's); on a mismatch, the implementer learns it here. */
  if (!_sc_vault_load_public_keys (self, error))
    {
      sc_vault_lock (self);
      return FALSE;
    }
  _sc_vault_set_person (self, person_id);
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
