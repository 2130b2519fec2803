/* sc-passphrase-strength.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A rough estimate of how hard a passphrase is to guess, for the hint shown while the
 * implementer chooses one. It only advises: the vault refuses a passphrase shorter than
 * SC_VAULT_PASSPHRASE_MIN_CHARS and accepts every other one.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SC_PASSPHRASE_TOO_SHORT,  /* the vault refuses it */
  SC_PASSPHRASE_WEAK,
  SC_PASSPHRASE_FAIR,
  SC_PASSPHRASE_GOOD,
  SC_PASSPHRASE_STRONG,
} ScPassphraseStrength;

/**
 * sc_passphrase_strength:
 * @passphrase: (nullable): UTF-8 text; %NULL or invalid UTF-8 counts as too short
 * @out_bits: (out) (optional): the estimated entropy in bits
 *
 * Estimates the strength from the length and the kinds of characters, counting repeated
 * characters, runs such as "1234" or "abcd", and well-known passwords as almost nothing.
 * Makes no copy of @passphrase.
 */
ScPassphraseStrength  sc_passphrase_strength       (const char           *passphrase,
                                                    double               *out_bits);

/* A short sentence for people (translated) saying what @strength means and what to do. */
char                 *sc_passphrase_strength_hint  (ScPassphraseStrength  strength);

G_END_DECLS
