/* sc-vault-keys.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Key slots: each wraps the random data key (and the secret keys the slot's role may
 * hold) under a key derived from a passphrase with Argon2id, or from the recovery key.
 *
 * The recovery key is 160 random bits. Argon2id exists to slow down guessing of
 * low-entropy secrets; 2^160 candidates cannot be searched at any speed, so its slot
 * key is a keyed BLAKE2b of the salt, which costs nothing and needs no tuning.
 */
#define G_LOG_DOMAIN "sc-vault"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-vault-private.h"
#include "sc-secure.h"

#include <string.h>

#define SLOT_AD_LEN (SC_VAULT_MAGIC_LEN + 2 + 40)
#define RECOVERY_CONTEXT "SCVAULT-recovery-v1"

/* Crockford's base 32: no I, L, O or U, so nothing is mistaken when copied by hand. */
static const char recovery_alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
gboolean sc_vault_test_legacy_slots = FALSE;

#define RECOVERY_CHARS 32
#define RECOVERY_GROUP 4

gsize
sc_vault_slot_payload_len (ScVaultSlotType type)
{
  switch (type)
    {
    case SC_VAULT_SLOT_IMPLEMENTER:
    case SC_VAULT_SLOT_RECOVERY:
      return SC_VAULT_PAYLOAD_FULL;
    case SC_VAULT_SLOT_HR:
      return SC_VAULT_PAYLOAD_HR;
    default:
      return 0;
    }
}

gboolean
sc_vault_slot_payload_len_valid (guint  type,
                                 gsize  len)
{
  if (type == SC_VAULT_SLOT_IMPLEMENTER || type == SC_VAULT_SLOT_RECOVERY)
    return len == SC_VAULT_PAYLOAD_FULL || len == SC_VAULT_PAYLOAD_FULL_V1;
  return type == SC_VAULT_SLOT_HR && len == SC_VAULT_PAYLOAD_HR;
}

static void
slot_ad (const ScVaultSlot *slot,
         guint8             ad[SLOT_AD_LEN])
{
  guint8 *p = ad + SC_VAULT_MAGIC_LEN + 2;

  memset (ad, 0, SLOT_AD_LEN);
  memcpy (ad, SC_VAULT_MAGIC, SC_VAULT_MAGIC_LEN);
  /* Version 1 whatever the header's version; a slot without a person (id zero) has the
   * AD it had in version 1, so it opens unchanged after the header's upgrade. */
  ad[SC_VAULT_MAGIC_LEN] = SC_VAULT_SLOT_AD_VERSION & 0xff;
  ad[SC_VAULT_MAGIC_LEN + 1] = SC_VAULT_SLOT_AD_VERSION >> 8;
  p[0] = slot->type;
  p[1] = slot->kdf;
  p[2] = (guint8) (slot->wrapped_len & 0xff);
  p[3] = (guint8) (slot->wrapped_len >> 8);
  for (int i = 0; i < 4; i++)
    p[4 + i] = (guint8) (slot->person_id >> (8 * i));
  for (int i = 0; i < 8; i++)
    {
      p[8 + i] = (guint8) (slot->opslimit >> (8 * i));
      p[16 + i] = (guint8) (slot->memlimit >> (8 * i));
    }
  memcpy (p + 24, slot->salt, SC_VAULT_SALT_BYTES);
}

gboolean
sc_vault_check_passphrase (const char  *passphrase,
                           GError     **error)
{
  g_autofree char *normal = NULL;
  glong chars;

  if (passphrase == NULL || !g_utf8_validate (passphrase, -1, NULL))
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,
                           "The passphrase contains characters that cannot be used.");
      return FALSE;
    }
  normal = g_utf8_normalize (passphrase, -1, G_NORMALIZE_NFC);
  chars = g_utf8_strlen (normal, -1);
  sc_secure_wipe (normal, strlen (normal));
  if (chars < SC_VAULT_PASSPHRASE_MIN_CHARS)
    {
      g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,
                   "The passphrase must be at least %d characters long.",
                   SC_VAULT_PASSPHRASE_MIN_CHARS);
      return FALSE;
    }
  return TRUE;
}

/* SECURITY: derives the 32-byte slot key into guarded memory. The passphrase is
 * normalised to NFC first, so that the same text typed through different input
 * methods gives the same key; the normalised copy is wiped. */
static guint8 *
derive_slot_key (const ScVaultSlot  *slot,
                 const char         *passphrase,
                 const guint8       *recovery,
                 GError            **error)
{
  guint8 *key = sc_secure_alloc (SC_VAULT_KEY_BYTES);

  if (key == NULL)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_IO,
                           "There is not enough protected memory to unlock the vault.");
      return NULL;
    }

  if (slot->kdf == SC_VAULT_KDF_ARGON2ID)
    {
      char *normal;
      gsize normal_len;
      int r;

      g_assert (passphrase != NULL);
      normal = g_utf8_normalize (passphrase, -1, G_NORMALIZE_NFC);
      if (normal == NULL)
        {
          sc_secure_free (key);
          g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE,
                               _("The passphrase is not right. Check that Caps Lock is "
                                 "off and the input method is the one you used, and try "
                                 "again."));
          return NULL;
        }
      normal_len = strlen (normal);
      r = crypto_pwhash (key, SC_VAULT_KEY_BYTES, normal, normal_len, slot->salt,
                         slot->opslimit, (gsize) slot->memlimit,
                         crypto_pwhash_ALG_ARGON2ID13);
      sc_secure_wipe (normal, normal_len);
      g_free (normal);
      if (r != 0)
        {
          sc_secure_free (key);
          g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_IO,
                               "There is not enough memory to unlock the vault. Close "
                               "other programs and try again.");
          return NULL;
        }
    }
  else
    {
      guint8 msg[sizeof RECOVERY_CONTEXT - 1 + SC_VAULT_SALT_BYTES];

      g_assert (recovery != NULL);
      memcpy (msg, RECOVERY_CONTEXT, sizeof RECOVERY_CONTEXT - 1);
      memcpy (msg + sizeof RECOVERY_CONTEXT - 1, slot->salt, SC_VAULT_SALT_BYTES);
      crypto_generichash (key, SC_VAULT_KEY_BYTES, msg, sizeof msg,
                          recovery, SC_VAULT_RECOVERY_BYTES);
    }
  return key;
}

gboolean
sc_vault_slot_unwrap (const ScVaultSlot  *slot,
                      const char         *passphrase,
                      const guint8       *recovery,
                      guint8            **out_payload,
                      GError            **error)
{
  guint8 ad[SLOT_AD_LEN];
  guint8 *key, *payload;
  gsize payload_len = slot->wrapped_len - SC_VAULT_TAG_BYTES;
  gboolean by_recovery = slot->kdf == SC_VAULT_KDF_BLAKE2B;

  g_assert (slot->wrapped_len > SC_VAULT_TAG_BYTES
            && sc_vault_slot_payload_len_valid (slot->type, payload_len));

  if ((by_recovery && recovery == NULL) || (!by_recovery && passphrase == NULL))
    goto wrong;

  key = derive_slot_key (slot, passphrase, recovery, error);
  if (key == NULL)
    return FALSE;

  /* An older payload without the pin block is returned with the block zeroed, so every
   * caller sees the current length (sc_vault_slot_payload_len()). */
  payload = sc_secure_alloc (sc_vault_slot_payload_len (slot->type));
  if (payload != NULL)
    sodium_memzero (payload, sc_vault_slot_payload_len (slot->type));
  if (payload == NULL)
    {
      sc_secure_free (key);
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_IO,
                           "There is not enough protected memory to unlock the vault.");
      return FALSE;
    }
  slot_ad (slot, ad);
  /* SECURITY: the slot's fixed fields are the AD, so a slot cannot be relabelled
   * (an HR slot as the implementer's) or given other KDF parameters. */
  if (crypto_aead_xchacha20poly1305_ietf_decrypt (payload, NULL, NULL,
                                                  slot->wrapped, slot->wrapped_len,
                                                  ad, sizeof ad, slot->nonce, key) != 0)
    {
      sc_secure_free (key);
      sc_secure_free (payload);
      goto wrong;
    }
  sc_secure_free (key);
  *out_payload = payload;
  return TRUE;

wrong:
  if (by_recovery)
    g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE,
                         _("The recovery key is not right. Check each group of four "
                           "characters against the printed key."));
  else
    g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE,
                         _("The passphrase is not right. Check that Caps Lock is off and "
                           "the input method is the one you used, and try again."));
  return FALSE;
}

gboolean
sc_vault_slot_wrap (ScVaultSlot             *slot,
                    ScVaultSlotType          type,
                    const char              *passphrase,
                    const guint8            *recovery,
                    const ScVaultKdfLimits  *limits,
                    const guint8            *payload,
                    GError                 **error)
{
  return sc_vault_slot_wrap_person (slot, type, 0, passphrase, recovery, limits, payload,
                                    error);
}

gboolean
sc_vault_slot_wrap_person (ScVaultSlot             *slot,
                           ScVaultSlotType          type,
                           guint32                  person_id,
                           const char              *passphrase,
                           const guint8            *recovery,
                           const ScVaultKdfLimits  *limits,
                           const guint8            *payload,
                           GError                 **error)
{
  guint8 ad[SLOT_AD_LEN];
  guint8 *key;
  gsize payload_len = sc_vault_test_legacy_slots && type != SC_VAULT_SLOT_HR
                      ? SC_VAULT_PAYLOAD_FULL_V1 : sc_vault_slot_payload_len (type);

  g_assert (payload_len > 0);

  memset (slot, 0, sizeof *slot);
  slot->type = type;
  slot->person_id = type == SC_VAULT_SLOT_RECOVERY ? 0 : person_id;
  slot->wrapped_len = (guint16) (payload_len + SC_VAULT_TAG_BYTES);
  if (type == SC_VAULT_SLOT_RECOVERY)
    {
      g_assert (recovery != NULL);
      slot->kdf = SC_VAULT_KDF_BLAKE2B;
    }
  else
    {
      g_assert (passphrase != NULL && limits != NULL);
      slot->kdf = SC_VAULT_KDF_ARGON2ID;
      slot->opslimit = limits->opslimit;
      slot->memlimit = limits->memlimit;
    }
  randombytes_buf (slot->salt, sizeof slot->salt);
  randombytes_buf (slot->nonce, sizeof slot->nonce);

  key = derive_slot_key (slot, passphrase, recovery, error);
  if (key == NULL)
    return FALSE;
  slot_ad (slot, ad);
  crypto_aead_xchacha20poly1305_ietf_encrypt (slot->wrapped, NULL, payload, payload_len,
                                              ad, sizeof ad, NULL, slot->nonce, key);
  sc_secure_free (key);
  return TRUE;
}

guint8 *
sc_vault_recovery_new (char **out_text)
{
  guint8 *raw = sc_secure_alloc (SC_VAULT_RECOVERY_BYTES);
  char *text;
  guint bit = 0;
  gsize pos = 0;

  g_assert (raw != NULL);
  /* 8 groups of 4, 7 hyphens, NUL */
  text = sc_secure_alloc (RECOVERY_CHARS + RECOVERY_CHARS / RECOVERY_GROUP);
  g_assert (text != NULL);
  randombytes_buf (raw, SC_VAULT_RECOVERY_BYTES);

  for (guint i = 0; i < RECOVERY_CHARS; i++)
    {
      guint v = 0;

      for (guint b = 0; b < 5; b++, bit++)
        v = (v << 1) | ((raw[bit / 8] >> (7 - bit % 8)) & 1);
      if (i > 0 && i % RECOVERY_GROUP == 0)
        text[pos++] = '-';
      text[pos++] = recovery_alphabet[v];
    }
  text[pos] = '\0';
  *out_text = text;
  return raw;
}

static gboolean
is_separator (gunichar c)
{
  return g_unichar_isspace (c) || c == '-' || (c >= 0x2010 && c <= 0x2015)
         || c == 0x2212 || c == 0x30fc || c == 0xff70;
}

guint8 *
sc_vault_recovery_parse (const char  *text,
                         GError     **error)
{
  g_autofree char *normal = NULL;
  guint8 digits[RECOVERY_CHARS];
  guint8 *raw;
  guint n = 0, bit = 0;

  /* NFKC turns full-width letters and digits, as a Japanese input method types
   * them, into ASCII. */
  if (text != NULL && g_utf8_validate (text, -1, NULL))
    normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (normal == NULL)
    goto invalid;

  for (const char *p = normal; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *hit;

      if (is_separator (c))
        continue;
      if (c >= 0x80 || n == RECOVERY_CHARS)
        goto invalid;
      c = g_ascii_toupper ((char) c);
      if (c == 'O')
        c = '0';
      else if (c == 'I' || c == 'L')
        c = '1';
      hit = c != '\0' ? strchr (recovery_alphabet, (int) c) : NULL;
      if (hit == NULL)
        goto invalid;
      digits[n++] = (guint8) (hit - recovery_alphabet);
    }
  if (n != RECOVERY_CHARS)
    goto invalid;

  raw = sc_secure_alloc (SC_VAULT_RECOVERY_BYTES);
  g_assert (raw != NULL);
  for (guint i = 0; i < RECOVERY_CHARS; i++)
    for (guint b = 0; b < 5; b++, bit++)
      if (digits[i] & (1 << (4 - b)))
        raw[bit / 8] |= (guint8) (1 << (7 - bit % 8));
  sc_secure_wipe (digits, sizeof digits);
  sc_secure_wipe (normal, strlen (normal));
  return raw;

invalid:
  sc_secure_wipe (digits, sizeof digits);
  if (normal != NULL)
    sc_secure_wipe (normal, strlen (normal));
  g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,
               "This is not a recovery key. A recovery key has %d groups of %d letters "
               "and digits, such as 7K2M-…", RECOVERY_CHARS / RECOVERY_GROUP,
               RECOVERY_GROUP);
  return NULL;
}

void
sc_vault_body_keys_derive (ScVaultBodyKeys *keys)
{
  crypto_kdf_derive_from_key (keys->enc_key, SC_VAULT_KEY_BYTES, 1, "SCVAULT1",
                              keys->data_key);
  crypto_kdf_derive_from_key (keys->mac_key, SC_VAULT_KEY_BYTES, 2, "SCVAULT1",
                              keys->data_key);
}
