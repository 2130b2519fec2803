/* sc-access-code.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Per-employee access codes for the kiosk login: random, printed on a slip, easy to
 * read aloud and to type, stored only as an Argon2id hash, and guarded by a lockout
 * after repeated failures.
 *
 * The alphabet leaves out every character that is easy to mistake for another in
 * print or handwriting: 0 O 1 I L, B (8), G (6), S (5), Z (2), and U V. Nine characters
 * from the remaining 25 give 41.8 bits, printed in groups of three: "7KQ-4M9-XT2".
 * Together with the lockout below, guessing online is hopeless; the hash (with a
 * random salt per code) keeps the codes from anyone who can read the vault.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SC_ACCESS_CODE_ERROR (sc_access_code_error_quark ())

typedef enum
{
  SC_ACCESS_CODE_ERROR_INVALID,   /* a character outside the alphabet, or the wrong length */
  SC_ACCESS_CODE_ERROR_MISMATCH,  /* well formed, but not the code */
  SC_ACCESS_CODE_ERROR_HASH,      /* the stored hash is malformed or has unusable parameters */
  SC_ACCESS_CODE_ERROR_FAILED,    /* libsodium could not start or was out of memory */
} ScAccessCodeError;

#define SC_ACCESS_CODE_ALPHABET          "23456789ACDEFHJKMNPQRTWXY"
#define SC_ACCESS_CODE_ALPHABET_SIZE     25
/* Characters of a code, without separators. */
#define SC_ACCESS_CODE_LENGTH            9
#define SC_ACCESS_CODE_GROUP_LENGTH      3
/* "7KQ-4M9-XT2" */
#define SC_ACCESS_CODE_FORMATTED_LENGTH  11
/* Bytes for a formatted code and its NUL: the size of sc_access_code_generate()'s buffer. */
#define SC_ACCESS_CODE_SIZE              (SC_ACCESS_CODE_FORMATTED_LENGTH + 1)
/* Bytes for a normalised code and its NUL: sc_access_code_normalize()'s buffer. */
#define SC_ACCESS_CODE_NORMALIZED_SIZE   (SC_ACCESS_CODE_LENGTH + 1)
/* Enough for any hash string (crypto_pwhash_STRBYTES). */
#define SC_ACCESS_CODE_HASH_SIZE         128

/* Argon2id cost for stored codes: 2 passes over 8 MiB, about 10 ms per hash on one core
 * of the development machine (20 ms under load), so that `codes` issues 1,000 codes in
 * about 5 s on two cores (goal: under 10 s; BENCHMARKS.md "Access codes") and a kiosk
 * login costs 10-20 ms.
 *
 * SECURITY, why this is enough: the hashes are inside the encrypted vault, so only a
 * holder of the data key (HR, anyone at an unlocked kiosk PC) can attack them offline.
 * A code carries 41.8 bits (9 characters from 25), and each hash has its own salt, so
 * every employee's code is a separate search of 2^41.8 = 3.9e12 candidates, half of
 * that on average. At 2 x 8 MiB per guess a 16-core PC makes about 1,500 guesses/s and
 * a high-end GPU about 13,000 (published Argon2id figures scaled by the work per guess):
 * one code takes one GPU 4-5 years on average, 100 GPUs about two weeks, while a code is
 * useful only for its round (weeks), only once, and only at the kiosk. Tests pass crypto_pwhash_OPSLIMIT_MIN and
 * crypto_pwhash_MEMLIMIT_MIN. Older hashes (2 passes, 32 MiB) still verify: the cost is
 * stored in each hash. */
#define SC_ACCESS_CODE_OPSLIMIT_DEFAULT  G_GUINT64_CONSTANT (2)
#define SC_ACCESS_CODE_MEMLIMIT_DEFAULT  ((gsize) 8 * 1024 * 1024)

GQuark    sc_access_code_error_quark   (void);

/**
 * sc_access_code_generate:
 * @out_code: (out caller-allocates): %SC_ACCESS_CODE_SIZE bytes, best from
 *   sodium_malloc(); receives the formatted code ("7KQ-4M9-XT2") and a NUL
 *
 * Draws a new code from the system's secure random source (randombytes_uniform(),
 * which has no modulo bias). The caller wipes @out_code with sodium_memzero() once the
 * slip is printed and the hash stored.
 *
 * Returns: %FALSE only if libsodium cannot start.
 */
gboolean  sc_access_code_generate      (char          *out_code,
                                        GError       **error);

/**
 * sc_access_code_normalize:
 * @input: the code as typed: any case, with or without hyphens and spaces, half- or
 *   full-width ("７ｋｑ－４ｍ９　ｘｔ２")
 * @len: bytes of @input, or -1 when NUL-terminated
 * @out_code: (out caller-allocates): %SC_ACCESS_CODE_NORMALIZED_SIZE bytes; receives
 *   the nine characters ("7KQ4M9XT2") and a NUL. Wiped on failure.
 *
 * Characters that are not in the alphabet are rejected, not guessed at: the message
 * names the character (never the rest of the code) and, for B G S Z, the digit it
 * stands for on the slip.
 *
 * Returns: %FALSE with %SC_ACCESS_CODE_ERROR_INVALID when @input cannot be a code.
 */
gboolean  sc_access_code_normalize     (const char    *input,
                                        gssize         len,
                                        char          *out_code,
                                        GError       **error);

/**
 * sc_access_code_hash:
 * @code: a code in any form sc_access_code_normalize() accepts
 * @opslimit: Argon2id passes, e.g. %SC_ACCESS_CODE_OPSLIMIT_DEFAULT
 * @memlimit: Argon2id memory in bytes, e.g. %SC_ACCESS_CODE_MEMLIMIT_DEFAULT
 *
 * Hashes the code with Argon2id and a fresh random salt. The result is libsodium's
 * crypto_pwhash_str() form ("$argon2id$v=19$m=…,t=…,p=1$salt$hash"), which carries the
 * parameters and salt; it is what the vault stores, never the code. Slow by design:
 * call it off the main thread.
 *
 * Returns: (transfer full): the hash string, or %NULL on error.
 */
char     *sc_access_code_hash          (const char    *code,
                                        guint64        opslimit,
                                        gsize          memlimit,
                                        GError       **error);

/**
 * sc_access_code_verify:
 * @hash: a string from sc_access_code_hash()
 * @input: the code as typed
 *
 * Returns: %TRUE when @input is the code. Otherwise %FALSE with
 *   %SC_ACCESS_CODE_ERROR_MISMATCH (a wrong code: count it with
 *   sc_access_throttle_record()), %SC_ACCESS_CODE_ERROR_INVALID (@input cannot be a code;
 *   the hash was not consulted, so the kiosk may ask again without counting an
 *   attempt), or %SC_ACCESS_CODE_ERROR_HASH (@hash is damaged).
 */
gboolean  sc_access_code_verify        (const char    *hash,
                                        const char    *input,
                                        GError       **error);

/* TRUE when @hash was made with other parameters than these (or is unreadable), so
 * the code should be hashed again after the next successful login. */
gboolean  sc_access_code_needs_rehash  (const char    *hash,
                                        guint64        opslimit,
                                        gsize          memlimit);

/**
 * ScAccessThrottle:
 * @failures: failed attempts since the last success
 * @locked_until: no attempt is accepted before this time (Unix seconds); 0 = never locked
 *
 * The lockout state of one employee number. Pure data: the vault stores it, these
 * functions only compute. After %SC_ACCESS_THROTTLE_FREE_FAILURES failures in a row the
 * number is locked for %SC_ACCESS_THROTTLE_FIRST_LOCK seconds; each further failure
 * locks it twice as long as the one before, up to %SC_ACCESS_THROTTLE_MAX_LOCK. A
 * success clears it. A clock set far back can lengthen a lock; the implementer or HR
 * can clear it with sc_access_throttle_reset().
 */
typedef struct
{
  guint   failures;
  gint64  locked_until;
} ScAccessThrottle;

#define SC_ACCESS_THROTTLE_FREE_FAILURES  5
#define SC_ACCESS_THROTTLE_FIRST_LOCK     (5 * 60)
#define SC_ACCESS_THROTTLE_MAX_LOCK       (60 * 60)

/**
 * sc_access_throttle_check:
 * @now: the current time in Unix seconds
 * @out_retry_after: (out) (optional): seconds until the next attempt is allowed; 0 when
 *   it is allowed now
 *
 * Returns: %TRUE when an attempt may be made now. When %FALSE, do not test the code
 *   at all (and do not record anything).
 */
gboolean  sc_access_throttle_check     (const ScAccessThrottle *state,
                                        gint64                  now,
                                        gint64                 *out_retry_after);

/* Records the outcome of an attempt made at @now. */
void      sc_access_throttle_record    (ScAccessThrottle       *state,
                                        gboolean                success,
                                        gint64                  now);

/* How long @failures consecutive failures lock the number, in seconds (0 below
 * %SC_ACCESS_THROTTLE_FREE_FAILURES). */
gint64    sc_access_throttle_lock_seconds (guint                failures);

/* Clears the state, as after a success: for the implementer or HR to unlock a number. */
void      sc_access_throttle_reset     (ScAccessThrottle       *state);

G_END_DECLS
