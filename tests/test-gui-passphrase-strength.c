/* test-gui-passphrase-strength.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The strength hint shown while the implementer chooses a passphrase: too short below the
 * vault's minimum, weak for well-known passwords, repeats and runs, strong for several
 * unrelated words, in English or Japanese; and a hint for each level.
 */
#define G_LOG_DOMAIN "test-gui-passphrase-strength"

#include "config.h"

#include <string.h>

#include <glib.h>

#include "sc-passphrase-strength.h"
#include "sc-vault.h"

typedef struct
{
  const char           *passphrase;
  ScPassphraseStrength  strength;
} Case;

static const Case cases[] = {
  { NULL, SC_PASSPHRASE_TOO_SHORT },
  { "", SC_PASSPHRASE_TOO_SHORT },
  { "abc", SC_PASSPHRASE_TOO_SHORT },
  /* Seven characters, however random, are below the vault's minimum. */
  { "x7#Qp9!", SC_PASSPHRASE_TOO_SHORT },
  { "あいうえおかき", SC_PASSPHRASE_TOO_SHORT },
  /* Well-known passwords, with or without a digit or capitals. */
  { "password", SC_PASSPHRASE_WEAK },
  { "Password1", SC_PASSPHRASE_WEAK },
  { "PASSWORD123", SC_PASSPHRASE_WEAK },
  { "qwerty12", SC_PASSPHRASE_WEAK },
  { "stresscheck", SC_PASSPHRASE_WEAK },
  { "StressCheck2026", SC_PASSPHRASE_WEAK },
  { "ストレスチェック", SC_PASSPHRASE_WEAK },
  /* Repeats and runs. */
  { "12345678", SC_PASSPHRASE_WEAK },
  { "aaaaaaaaaaaa", SC_PASSPHRASE_WEAK },
  { "abcdefghijkl", SC_PASSPHRASE_WEAK },
  { "98765432109876", SC_PASSPHRASE_WEAK },
  /* Short but not obvious. */
  { "kyoto2026", SC_PASSPHRASE_FAIR },
  { "Tr0ub4dor&3", SC_PASSPHRASE_GOOD },
  /* Several unrelated words. */
  { "correct horse battery staple", SC_PASSPHRASE_STRONG },
  { "りんご 自転車 図書館 月曜日 雨", SC_PASSPHRASE_STRONG },
};

static void
test_strength_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double bits = -1;
      ScPassphraseStrength strength = sc_passphrase_strength (cases[i].passphrase, &bits);

      g_test_message ("“%s”: %d (%.1f bits)", cases[i].passphrase ? cases[i].passphrase : "(null)",
                      strength, bits);
      g_assert_cmpint (strength, ==, cases[i].strength);
      g_assert_cmpfloat (bits, >=, 0);
    }
}

/* More of the same is never weaker; a longer random passphrase is never weaker. */
static void
test_strength_grows (void)
{
  const char *words[] = { "mountain", " river", " lantern", " violet", " quarter", " engine" };
  g_autoptr (GString) passphrase = g_string_new (NULL);
  ScPassphraseStrength previous = SC_PASSPHRASE_TOO_SHORT;
  double previous_bits = 0;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      double bits;
      ScPassphraseStrength strength;

      g_string_append (passphrase, words[i]);
      strength = sc_passphrase_strength (passphrase->str, &bits);
      g_assert_cmpint (strength, >=, previous);
      g_assert_cmpfloat (bits, >, previous_bits);
      previous = strength;
      previous_bits = bits;
    }
  g_assert_cmpint (previous, ==, SC_PASSPHRASE_STRONG);
}

/* The minimum is the vault's, counted in characters, not bytes. */
static void
test_strength_minimum (void)
{
  g_autoptr (GString) passphrase = g_string_new (NULL);

  for (guint i = 0; i < SC_VAULT_PASSPHRASE_MIN_CHARS - 1; i++)
    g_string_append (passphrase, i % 2 ? "桜" : "海");
  g_assert_cmpint (sc_passphrase_strength (passphrase->str, NULL), ==, SC_PASSPHRASE_TOO_SHORT);
  g_string_append (passphrase, "空");
  g_assert_cmpint (sc_passphrase_strength (passphrase->str, NULL), !=, SC_PASSPHRASE_TOO_SHORT);

  /* Invalid UTF-8 is refused by the vault, so it is never rated. */
  g_assert_cmpint (sc_passphrase_strength ("abcdefgh\xff", NULL), ==, SC_PASSPHRASE_TOO_SHORT);
}

static void
test_strength_hints (void)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *too_short = sc_passphrase_strength_hint (SC_PASSPHRASE_TOO_SHORT);
  g_autofree char *minimum = g_strdup_printf ("%d", SC_VAULT_PASSPHRASE_MIN_CHARS);

  /* One different hint per level; the too-short one says how long. */
  for (int s = SC_PASSPHRASE_TOO_SHORT; s <= SC_PASSPHRASE_STRONG; s++)
    {
      char *hint = sc_passphrase_strength_hint (s);

      g_assert_nonnull (hint);
      g_assert_cmpuint (strlen (hint), >, 0);
      g_assert_false (g_hash_table_contains (seen, hint));
      g_hash_table_add (seen, hint);
    }
  g_assert_nonnull (strstr (too_short, minimum));
}

int
main (int   argc,
      char *argv[])
{
  g_unsetenv ("LANGUAGE");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gui/passphrase-strength/cases", test_strength_cases);
  g_test_add_func ("/gui/passphrase-strength/grows", test_strength_grows);
  g_test_add_func ("/gui/passphrase-strength/minimum", test_strength_minimum);
  g_test_add_func ("/gui/passphrase-strength/hints", test_strength_hints);

  return g_test_run ();
}
