/* test-access-code.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Access codes: what is printed can be read without confusion, is random enough,
 * is accepted however it is typed, is stored only as a salted hash, and guessing is
 * locked out.
 */
#include "config.h"

#include "sc-access-code.h"

#include <math.h>
#include <sodium.h>
#include <string.h>

#define N_CODES 10000

/* Characters that must never be printed: each is easy to take for another. */
static const char confusables[] = "01OILBGSZUV";

static void
test_alphabet (void)
{
  const char *alphabet = SC_ACCESS_CODE_ALPHABET;

  g_assert_cmpuint (strlen (alphabet), ==, SC_ACCESS_CODE_ALPHABET_SIZE);
  for (guint i = 0; alphabet[i] != '\0'; i++)
    {
      g_assert_true (g_ascii_isdigit (alphabet[i]) || g_ascii_isupper (alphabet[i]));
      g_assert_null (strchr (confusables, alphabet[i]));
      /* No character twice, or some would be likelier than others. */
      g_assert_true (strchr (alphabet + i + 1, alphabet[i]) == NULL);
    }

  /* At least 40 bits of entropy. */
  g_assert_cmpfloat (SC_ACCESS_CODE_LENGTH * log2 (SC_ACCESS_CODE_ALPHABET_SIZE), >=, 40.0);
}

static char *
generate (void)
{
  g_autoptr(GError) error = NULL;
  char *code = sodium_malloc (SC_ACCESS_CODE_SIZE);

  g_assert_nonnull (code);
  g_assert_true (sc_access_code_generate (code, &error));
  g_assert_no_error (error);
  return code;
}

static void
test_generate (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint counts[128] = { 0 };
  double expected, chi2 = 0;

  for (guint n = 0; n < N_CODES; n++)
    {
      char *code = generate ();

      /* "XXX-XXX-XXX" */
      g_assert_cmpuint (strlen (code), ==, SC_ACCESS_CODE_FORMATTED_LENGTH);
      for (guint i = 0; i < SC_ACCESS_CODE_FORMATTED_LENGTH; i++)
        {
          if (i % (SC_ACCESS_CODE_GROUP_LENGTH + 1) == SC_ACCESS_CODE_GROUP_LENGTH)
            {
              g_assert_cmpint (code[i], ==, '-');
              continue;
            }
          g_assert_nonnull (strchr (SC_ACCESS_CODE_ALPHABET, code[i]));
          g_assert_null (strchr (confusables, code[i]));
          counts[(guchar) code[i]]++;
        }
      /* All different: with 2^41.8 codes a repeat in 10,000 has odds of about 1e-5. */
      g_assert_true (g_hash_table_add (seen, g_strdup (code)));
      sodium_free (code);
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, N_CODES);

  /* Every character about equally often (no modulo bias): chi-square with 24 degrees
   * of freedom stays under 80 except with probability below 1e-7. */
  expected = (double) N_CODES * SC_ACCESS_CODE_LENGTH / SC_ACCESS_CODE_ALPHABET_SIZE;
  for (const char *c = SC_ACCESS_CODE_ALPHABET; *c != '\0'; c++)
    {
      double d = counts[(guchar) *c] - expected;

      g_assert_cmpuint (counts[(guchar) *c], >, 0);
      chi2 += d * d / expected;
    }
  g_test_message ("chi-square over %u characters: %.1f", N_CODES * SC_ACCESS_CODE_LENGTH, chi2);
  g_assert_cmpfloat (chi2, <, 80.0);
}

static void
assert_normalizes (const char *input,
                   const char *expected)
{
  g_autoptr(GError) error = NULL;
  char out[SC_ACCESS_CODE_NORMALIZED_SIZE];

  if (!sc_access_code_normalize (input, -1, out, &error))
    g_error ("“%s” should normalise to %s: %s", input, expected, error->message);
  g_assert_cmpstr (out, ==, expected);
}

static void
test_normalize (void)
{
  assert_normalizes ("7KQ-4M9-XT2", "7KQ4M9XT2");
  assert_normalizes ("7kq-4m9-xt2", "7KQ4M9XT2");
  assert_normalizes ("7KQ4M9XT2", "7KQ4M9XT2");
  assert_normalizes (" 7kq 4m9 xt2 ", "7KQ4M9XT2");
  assert_normalizes ("7-K-Q-4-M-9-X-T-2", "7KQ4M9XT2");
  assert_normalizes ("７ｋｑ－４ｍ９　ｘｔ２", "7KQ4M9XT2");     /* full width */
  assert_normalizes ("７ＫＱ‐４Ｍ９ー ＸＴ２", "7KQ4M9XT2");    /* other dashes */
  assert_normalizes ("\t7KQ\t4M9\tXT2", "7KQ4M9XT2");
}

static void
assert_rejected (const char *input,
                 const char *in_message)
{
  g_autoptr(GError) error = NULL;
  char out[SC_ACCESS_CODE_NORMALIZED_SIZE];

  memset (out, 'A', sizeof out);
  if (sc_access_code_normalize (input, -1, out, &error))
    g_error ("“%s” should be rejected, became %s", input, out);
  g_assert_error (error, SC_ACCESS_CODE_ERROR, SC_ACCESS_CODE_ERROR_INVALID);
  if (strstr (error->message, in_message) == NULL)
    g_error ("message for “%s” lacks “%s”: %s", input, in_message, error->message);

  /* Nothing of a half-typed code is left in the buffer. */
  for (guint i = 0; i < sizeof out; i++)
    g_assert_cmpint (out[i], ==, 0);
}

static void
test_normalize_rejects (void)
{
  assert_rejected ("", "this has 0");
  assert_rejected ("7KQ-4M9-XT", "An access code has 9 characters (not counting hyphens); "
                                 "this has 8");
  assert_rejected ("7KQ-4M9-XT2-2", "this has 10");
  assert_rejected ("7KQ-4M9-XT22222222222", "this has 19");
  /* Characters left out of the alphabet are named, with what they stand for when
   * that is certain. */
  assert_rejected ("7KB-4M9-XT2", "Character 3 of the access code, “B”, is not used in access "
                                  "codes; the slip has the digit 8 there");
  assert_rejected ("7kq-4m9-xtz", "“Z”, is not used in access codes; the slip has the digit 2");
  assert_rejected ("G", "the slip has the digit 6");
  assert_rejected ("s", "the slip has the digit 5");
  assert_rejected ("0KQ-4M9-XT2", "Character 1 of the access code, “0”, is not used");
  assert_rejected ("OKQ-4M9-XT2", "“O”, is not used");
  assert_rejected ("1KQ-4M9-XT2", "“1”, is not used");
  assert_rejected ("7KQ-4M9-XTL", "“L”, is not used");
  assert_rejected ("7KQ-4M9-XTI", "“I”, is not used");
  assert_rejected ("7KQ-4M9-XTU", "“U”, is not used");
  assert_rejected ("7KQ_4M9_XT2", "“_”, is not used");
  assert_rejected ("7KQ-4M9-XTあ", "“あ”, is not used");
  assert_rejected ("7KQ-4M9-XT\x01", "is not used in access codes");
  assert_rejected ("7KQ-4M9-XT\xff", "not text");
}

/* An error message must not repeat what was typed: it may be shown on the kiosk
 * screen for anyone walking by. */
static void
test_normalize_message_hides_input (void)
{
  g_autoptr(GError) error = NULL;
  char out[SC_ACCESS_CODE_NORMALIZED_SIZE];

  g_assert_false (sc_access_code_normalize ("7KQ-4M9-XTB", -1, out, &error));
  g_assert_null (strstr (error->message, "7KQ"));
  g_assert_null (strstr (error->message, "4M9"));
  g_clear_error (&error);
  g_assert_false (sc_access_code_normalize ("7KQ-4M9-XT", -1, out, &error));
  g_assert_null (strstr (error->message, "7KQ"));
}

static char *
hash_min (const char *code)
{
  g_autoptr(GError) error = NULL;
  char *hash;

  hash = sc_access_code_hash (code, crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN,
                              &error);
  g_assert_no_error (error);
  g_assert_nonnull (hash);
  return hash;
}

static void
test_hash_verify (void)
{
  g_autoptr(GError) error = NULL;
  char *code = generate ();
  char *other = generate ();
  char *typed = sodium_malloc (64);
  g_autofree char *hash = hash_min (code);
  g_autofree char *hash2 = hash_min (code);

  /* libsodium's self-describing Argon2id string with the parameters used. */
  g_assert_true (g_str_has_prefix (hash, "$argon2id$v=19$m=8,t=1,p=1$"));
  g_assert_cmpuint (strlen (hash), <, SC_ACCESS_CODE_HASH_SIZE);
  /* A fresh salt each time. */
  g_assert_cmpstr (hash, !=, hash2);

  g_assert_true (sc_access_code_verify (hash, code, &error));
  g_assert_no_error (error);
  g_assert_true (sc_access_code_verify (hash2, code, &error));
  g_assert_no_error (error);

  /* However the employee types it. */
  g_assert_true (sc_access_code_normalize (code, -1, typed, &error));
  g_assert_true (sc_access_code_verify (hash, typed, &error));
  for (char *p = typed; *p != '\0'; p++)
    *p = g_ascii_tolower (*p);
  g_assert_true (sc_access_code_verify (hash, typed, &error));
  g_assert_no_error (error);

  /* Another code is refused as a mismatch. */
  if (strcmp (code, other) != 0)
    {
      g_assert_false (sc_access_code_verify (hash, other, &error));
      g_assert_error (error, SC_ACCESS_CODE_ERROR, SC_ACCESS_CODE_ERROR_MISMATCH);
      g_clear_error (&error);
    }

  /* One character changed is a mismatch too. */
  memcpy (typed, code, SC_ACCESS_CODE_SIZE);
  typed[0] = typed[0] == '2' ? '3' : '2';
  g_assert_false (sc_access_code_verify (hash, typed, &error));
  g_assert_error (error, SC_ACCESS_CODE_ERROR, SC_ACCESS_CODE_ERROR_MISMATCH);
  g_clear_error (&error);

  /* Something that cannot be a code never reaches the hash. */
  g_assert_false (sc_access_code_verify (hash, "12345", &error));
  g_assert_error (error, SC_ACCESS_CODE_ERROR, SC_ACCESS_CODE_ERROR_INVALID);
  g_clear_error (&error);

  /* A code that cannot be a code cannot be hashed either. */
  g_assert_null (sc_access_code_hash ("OOO-OOO-OOO", crypto_pwhash_OPSLIMIT_MIN,
                                      crypto_pwhash_MEMLIMIT_MIN, &error));
  g_assert_error (error, SC_ACCESS_CODE_ERROR, SC_ACCESS_CODE_ERROR_INVALID);

  sodium_free (code);
  sodium_free (other);
  sodium_free (typed);
}

/* The stored string never contains the code, in any of its forms. */
static void
test_hash_hides_code (void)
{
  for (guint n = 0; n < 200; n++)
    {
      char *code = generate ();
      char normalized[SC_ACCESS_CODE_NORMALIZED_SIZE];
      g_autofree char *hash = hash_min (code);
      g_autofree char *lower = NULL;

      g_assert_true (sc_access_code_normalize (code, -1, normalized, NULL));
      lower = g_ascii_strdown (normalized, -1);
      g_assert_null (strstr (hash, code));
      g_assert_null (strstr (hash, normalized));
      g_assert_null (g_strstr_len (hash, -1, lower));
      sodium_memzero (normalized, sizeof normalized);
      sodium_free (code);
    }
}

static void
test_damaged_hash (void)
{
  g_autoptr(GError) error = NULL;
  char *code = generate ();
  g_autofree char *hash = hash_min (code);
  g_autofree char *truncated = g_strndup (hash, strlen (hash) - 20);
  g_autofree char *flipped = g_strdup (hash);
  g_autofree char *huge = NULL;
  const char *broken[] = {
    "", "plaintext", "$argon2i$v=19$m=8,t=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAA", truncated,
  };

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_assert_false (sc_access_code_verify (broken[i], code, &error));
      g_assert_error (error, SC_ACCESS_CODE_ERROR, SC_ACCESS_CODE_ERROR_HASH);
      g_clear_error (&error);
      g_assert_true (sc_access_code_needs_rehash (broken[i], crypto_pwhash_OPSLIMIT_MIN,
                                                  crypto_pwhash_MEMLIMIT_MIN));
    }

  /* A cost beyond reason is refused before anything is allocated. */
  huge = g_strdup_printf ("$argon2id$v=19$m=4194304,t=1,p=1$%s",
                          hash + strlen ("$argon2id$v=19$m=8,t=1,p=1$"));
  g_assert_false (sc_access_code_verify (huge, code, &error));
  g_assert_error (error, SC_ACCESS_CODE_ERROR, SC_ACCESS_CODE_ERROR_HASH);
  g_clear_error (&error);

  /* A changed character of the hash itself: the code no longer matches. (Not the last
   * character, whose unused low bits may make the Base64 invalid instead.) */
  flipped[strlen (flipped) - 2] = flipped[strlen (flipped) - 2] == 'A' ? 'B' : 'A';
  g_assert_false (sc_access_code_verify (flipped, code, &error));
  g_assert_error (error, SC_ACCESS_CODE_ERROR, SC_ACCESS_CODE_ERROR_MISMATCH);

  sodium_free (code);
}

static void
test_needs_rehash (void)
{
  char *code = generate ();
  g_autofree char *hash = hash_min (code);

  g_assert_false (sc_access_code_needs_rehash (hash, crypto_pwhash_OPSLIMIT_MIN,
                                               crypto_pwhash_MEMLIMIT_MIN));
  g_assert_true (sc_access_code_needs_rehash (hash, SC_ACCESS_CODE_OPSLIMIT_DEFAULT,
                                              SC_ACCESS_CODE_MEMLIMIT_DEFAULT));
  sodium_free (code);
}

/* The shipped cost (2 passes over 8 MiB since issue 12 §5, see sc-access-code.h) is one
 * libsodium accepts, and a code hashed with it verifies. */
static void
test_default_cost (void)
{
  g_autoptr(GError) error = NULL;
  char *code = generate ();
  g_autofree char *hash = NULL;
  gint64 start = g_get_monotonic_time ();

  hash = sc_access_code_hash (code, SC_ACCESS_CODE_OPSLIMIT_DEFAULT,
                              SC_ACCESS_CODE_MEMLIMIT_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (hash, "$argon2id$v=19$m=8192,t=2,p=1$"));
  g_assert_true (sc_access_code_verify (hash, code, &error));
  g_assert_no_error (error);
  g_test_message ("hash + verify at the default cost: %.3f s",
                  (g_get_monotonic_time () - start) / 1e6);
  g_assert_false (sc_access_code_needs_rehash (hash, SC_ACCESS_CODE_OPSLIMIT_DEFAULT,
                                               SC_ACCESS_CODE_MEMLIMIT_DEFAULT));
  sodium_free (code);
}

/* --- throttling --------------------------------------------------------------- */

static void
assert_allowed (const ScAccessThrottle *state,
                gint64                  now)
{
  gint64 retry_after = -1;

  g_assert_true (sc_access_throttle_check (state, now, &retry_after));
  g_assert_cmpint (retry_after, ==, 0);
}

static void
assert_locked (const ScAccessThrottle *state,
               gint64                  now,
               gint64                  expected_wait)
{
  gint64 retry_after = -1;

  g_assert_false (sc_access_throttle_check (state, now, &retry_after));
  g_assert_cmpint (retry_after, ==, expected_wait);
}

static void
test_throttle_lock_seconds (void)
{
  static const gint64 expected[] = { 0, 0, 0, 0, 0, 300, 600, 1200, 2400, 3600, 3600, 3600 };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (sc_access_throttle_lock_seconds (i), ==, expected[i]);
  g_assert_cmpint (sc_access_throttle_lock_seconds (G_MAXUINT), ==, 3600);
}

static void
test_throttle_sequence (void)
{
  ScAccessThrottle state = { 0 };
  gint64 now = 1700000000;   /* a simulated clock */

  assert_allowed (&state, now);

  /* Four failures: still allowed. */
  for (guint i = 0; i < 4; i++)
    {
      sc_access_throttle_record (&state, FALSE, now);
      now += 10;
      assert_allowed (&state, now);
    }

  /* The fifth locks for 5 minutes. */
  sc_access_throttle_record (&state, FALSE, now);
  g_assert_cmpuint (state.failures, ==, 5);
  assert_locked (&state, now, 300);
  assert_locked (&state, now + 1, 299);
  assert_locked (&state, now + 299, 1);
  now += 300;
  assert_allowed (&state, now);

  /* Each further failure doubles the lock: 10, 20, 40 minutes, then an hour at most. */
  sc_access_throttle_record (&state, FALSE, now);
  assert_locked (&state, now, 600);
  now += 600;
  assert_allowed (&state, now);
  sc_access_throttle_record (&state, FALSE, now);
  assert_locked (&state, now, 1200);
  now += 1200;
  sc_access_throttle_record (&state, FALSE, now);
  assert_locked (&state, now, 2400);
  now += 2400;
  sc_access_throttle_record (&state, FALSE, now);
  assert_locked (&state, now, 3600);
  now += 3600;
  sc_access_throttle_record (&state, FALSE, now);
  assert_locked (&state, now, 3600);
  assert_locked (&state, now + 3599, 1);
  now += 3600;
  assert_allowed (&state, now);

  /* A success clears everything. */
  sc_access_throttle_record (&state, TRUE, now);
  g_assert_cmpuint (state.failures, ==, 0);
  g_assert_cmpint (state.locked_until, ==, 0);
  assert_allowed (&state, now);

  /* Only failures in a row count: 4, a success, 4 more never lock. */
  for (guint i = 0; i < 4; i++)
    sc_access_throttle_record (&state, FALSE, now);
  sc_access_throttle_record (&state, TRUE, now);
  for (guint i = 0; i < 4; i++)
    sc_access_throttle_record (&state, FALSE, now);
  assert_allowed (&state, now);
  /* …and the fifth in a row locks again from the start, for 5 minutes. */
  sc_access_throttle_record (&state, FALSE, now);
  assert_locked (&state, now, 300);
}

static void
test_throttle_failure_during_lock (void)
{
  ScAccessThrottle state = { 0 };
  gint64 now = 1000;

  for (guint i = 0; i < 5; i++)
    sc_access_throttle_record (&state, FALSE, now);
  assert_locked (&state, now, 300);

  /* A caller that skipped the check does not shorten the lock: it grows. */
  sc_access_throttle_record (&state, FALSE, now + 100);
  assert_locked (&state, now + 100, 600);
}

static void
test_throttle_reset (void)
{
  ScAccessThrottle state = { 0 };

  for (guint i = 0; i < 9; i++)
    sc_access_throttle_record (&state, FALSE, 5000);
  assert_locked (&state, 5000, 3600);
  sc_access_throttle_reset (&state);
  assert_allowed (&state, 5000);
  g_assert_cmpuint (state.failures, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_assert_cmpint (sodium_init (), >=, 0);

  g_test_add_func ("/access-code/alphabet", test_alphabet);
  g_test_add_func ("/access-code/generate", test_generate);
  g_test_add_func ("/access-code/normalize", test_normalize);
  g_test_add_func ("/access-code/normalize-rejects", test_normalize_rejects);
  g_test_add_func ("/access-code/normalize-message-hides-input",
                   test_normalize_message_hides_input);
  g_test_add_func ("/access-code/hash-verify", test_hash_verify);
  g_test_add_func ("/access-code/hash-hides-code", test_hash_hides_code);
  g_test_add_func ("/access-code/damaged-hash", test_damaged_hash);
  g_test_add_func ("/access-code/needs-rehash", test_needs_rehash);
  g_test_add_func ("/access-code/default-cost", test_default_cost);
  g_test_add_func ("/access-code/throttle/lock-seconds", test_throttle_lock_seconds);
  g_test_add_func ("/access-code/throttle/sequence", test_throttle_sequence);
  g_test_add_func ("/access-code/throttle/failure-during-lock", test_throttle_failure_during_lock);
  g_test_add_func ("/access-code/throttle/reset", test_throttle_reset);

  return g_test_run ();
}
