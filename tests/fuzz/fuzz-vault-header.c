/* fuzz-vault-header.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target for the vault header parser, the part of the program that reads
 * bytes before anything is authenticated. Any input must be either refused with
 * DAMAGED or NEWER_VERSION, or parsed into fields that are all within their bounds and
 * that write back to the same bytes. The checksum is checked in one pass and skipped in
 * another, so the fuzzer reaches the structural checks behind it.
 */
#define G_LOG_DOMAIN "fuzz-vault-header"

#include "config.h"

#include "sc-vault-private.h"
#include "sc-secure.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize    (int            *argc,
                             char         ***argv);
int LLVMFuzzerTestOneInput  (const uint8_t  *data,
                             size_t          size);

static ScVaultBodyKeys *keys;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  if (!sc_secure_init ())
    abort ();
  keys = sc_secure_alloc (sizeof *keys);
  sc_vault_body_keys_derive (keys);
  return 0;
}

static void
check_parsed (const ScVaultHeader *header,
              const uint8_t       *data,
              size_t               size)
{
  g_autofree guint8 *out = NULL;
  ScVaultHeader copy = *header;

  if (header->header_len > size || header->header_len > SC_VAULT_HEADER_MAX
      || header->n_slots < 1 || header->n_slots > SC_VAULT_MAX_SLOTS
      || size - header->header_len < SC_VAULT_TAG_BYTES)
    abort ();
  for (guint i = 0; i < header->n_slots; i++)
    if (header->slots[i].wrapped_len > SC_VAULT_WRAPPED_MAX)
      abort ();

  /* Writing the parsed fields back gives the same bytes, MAC and checksum aside. */
  if (sc_vault_header_compute_len (&copy) != header->header_len)
    abort ();
  out = g_malloc (copy.header_len);
  /* A save writes the current format version (an older header is upgraded): write the
   * parsed one back as the version it was read as. */
  sc_vault_test_format_version = header->version;
  sc_vault_header_write (&copy, keys, size - copy.header_len,
                         data + size - SC_VAULT_TAG_BYTES, out);
  sc_vault_test_format_version = 0;
  if (memcmp (out, data, copy.header_len - SC_VAULT_TRAILER_LEN) != 0)
    abort ();

  /* Unwrapping a recovery slot is cheap: it must fail cleanly on random bytes. Argon2id
   * slots are tried only at the minimum limits, to keep each input fast. */
  for (guint i = 0; i < header->n_slots; i++)
    {
      const ScVaultSlot *slot = &header->slots[i];
      guint8 recovery[SC_VAULT_RECOVERY_BYTES] = { 0 };
      guint8 *payload = NULL;
      GError *error = NULL;

      if (slot->kdf == SC_VAULT_KDF_ARGON2ID
          && (slot->opslimit != crypto_pwhash_OPSLIMIT_MIN
              || slot->memlimit != crypto_pwhash_MEMLIMIT_MIN))
        continue;
      if (sc_vault_slot_unwrap (slot, "fuzz passphrase", recovery, &payload, &error))
        sc_secure_free (payload);
      else
        g_clear_error (&error);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  for (int verify = 0; verify < 2; verify++)
    {
      ScVaultHeader header;
      GError *error = NULL;

      if (sc_vault_header_parse (data, size, verify, &header, &error))
        check_parsed (&header, data, size);
      else if (error == NULL
               || error->domain != SC_VAULT_ERROR
               || (error->code != SC_VAULT_ERROR_DAMAGED
                   && error->code != SC_VAULT_ERROR_NEWER_VERSION)
               || !g_utf8_validate (error->message, -1, NULL))
        abort ();
      g_clear_error (&error);
    }
  return 0;
}
