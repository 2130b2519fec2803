/* sc-passphrase-strength.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-passphrase-strength"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sc-passphrase-strength.h"
#include "sc-vault.h"

/* Estimated bits at which each level starts. A passphrase of four random common words is
 * about 50 bits against an attacker who knows the word list; this estimate, which does not
 * know words, rates such a passphrase higher, so the levels are set high. */
#define BITS_FAIR   40.0
#define BITS_GOOD   60.0
#define BITS_STRONG 80.0

/* What one well-known password inside a passphrase is worth: these lists are tried first. */
#define BITS_COMMON_WORD 6.0

/* What a character is worth that repeats the one before it, or continues a run (abc, 321). */
#define BITS_PREDICTABLE 1.0

/* Longest first, so that "stresscheck" is found before "stress". Lower case: ASCII letters
 * are compared without regard to case. */
static const char * const common_words[] = {
  "stresscheck", "ストレスチェック",
  "iloveyou", "password", "passw0rd", "football", "baseball", "princess", "sunshine",
  "superman", "trustno1", "パスワード", "ぱすわーど",
  "letmein", "welcome", "monkey", "dragon", "master", "secret", "shadow", "stress",
  "qwerty", "asdfgh", "zxcvbn", "qazwsx", "1q2w3e", "abc123", "123456", "111111",
  "admin", "login",
};

typedef enum
{
  CHAR_DIGIT  = 1 << 0,
  CHAR_LOWER  = 1 << 1,
  CHAR_UPPER  = 1 << 2,
  CHAR_SYMBOL = 1 << 3,
  CHAR_OTHER  = 1 << 4,   /* kana, kanji, anything beyond ASCII */
} CharClass;

static CharClass
classify (gunichar c)
{
  if (c >= '0' && c <= '9')
    return CHAR_DIGIT;
  if (c >= 'a' && c <= 'z')
    return CHAR_LOWER;
  if (c >= 'A' && c <= 'Z')
    return CHAR_UPPER;
  if (c < 0x80)
    return CHAR_SYMBOL;
  return CHAR_OTHER;
}

static double
pool_size (guint classes)
{
  double size = 0;

  if (classes & CHAR_DIGIT)
    size += 10;
  if (classes & CHAR_LOWER)
    size += 26;
  if (classes & CHAR_UPPER)
    size += 26;
  if (classes & CHAR_SYMBOL)
    size += 33;
  /* Kana alone are about 90; kanji are many more, but a phrase of them is words. */
  if (classes & CHAR_OTHER)
    size += 100;

  return size;
}

/* Marks in @covered the bytes of @text inside well-known passwords; returns how many were
 * found. */
static guint
mark_common_words (const char *text,
                   gsize       len,
                   gboolean   *covered)
{
  guint found = 0;

  for (gsize i = 0; i < len; i++)
    {
      for (guint w = 0; w < G_N_ELEMENTS (common_words); w++)
        {
          gsize word_len = strlen (common_words[w]);

          if (covered[i] || i + word_len > len ||
              g_ascii_strncasecmp (text + i, common_words[w], word_len) != 0)
            continue;

          for (gsize j = i; j < i + word_len; j++)
            covered[j] = TRUE;
          found++;
        }
    }

  return found;
}

ScPassphraseStrength
sc_passphrase_strength (const char *passphrase,
                        double     *out_bits)
{
  g_autofree gboolean *covered = NULL;
  gsize len;
  glong n_chars;
  guint classes = 0;
  double bits_per_char;
  double bits;
  gunichar previous = 0;
  CharClass previous_class = 0;

  if (out_bits != NULL)
    *out_bits = 0;

  if (passphrase == NULL || !g_utf8_validate (passphrase, -1, NULL))
    return SC_PASSPHRASE_TOO_SHORT;

  /* SECURITY: the passphrase is only read in place; @covered holds no character of it. */
  len = strlen (passphrase);
  n_chars = g_utf8_strlen (passphrase, -1);

  for (const char *p = passphrase; *p != '\0'; p = g_utf8_next_char (p))
    classes |= classify (g_utf8_get_char (p));
  bits_per_char = classes != 0 ? log2 (pool_size (classes)) : 0;

  covered = g_new0 (gboolean, len + 1);
  bits = BITS_COMMON_WORD * mark_common_words (passphrase, len, covered);

  for (const char *p = passphrase; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      CharClass class = classify (c);

      if (!covered[p - passphrase])
        {
          if (previous != 0 && class == previous_class &&
              (c == previous || c == previous + 1 || c + 1 == previous))
            bits += BITS_PREDICTABLE;
          else
            bits += bits_per_char;
        }

      previous = c;
      previous_class = class;
    }

  if (out_bits != NULL)
    *out_bits = bits;

  if (n_chars < SC_VAULT_PASSPHRASE_MIN_CHARS)
    return SC_PASSPHRASE_TOO_SHORT;
  if (bits < BITS_FAIR)
    return SC_PASSPHRASE_WEAK;
  if (bits < BITS_GOOD)
    return SC_PASSPHRASE_FAIR;
  if (bits < BITS_STRONG)
    return SC_PASSPHRASE_GOOD;
  return SC_PASSPHRASE_STRONG;
}

char *
sc_passphrase_strength_hint (ScPassphraseStrength strength)
{
  switch (strength)
    {
    case SC_PASSPHRASE_TOO_SHORT:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Too short: use at least %d character.",
                                           "Too short: use at least %d characters.",
                                           SC_VAULT_PASSPHRASE_MIN_CHARS),
                              SC_VAULT_PASSPHRASE_MIN_CHARS);
    case SC_PASSPHRASE_WEAK:
      return g_strdup (_("Weak: easy to guess. Several unrelated words make a passphrase that is "
               "hard to guess and easy to remember."));
    case SC_PASSPHRASE_FAIR:
      return g_strdup (_("Fair: another word or two would make it much harder to guess."));
    case SC_PASSPHRASE_GOOD:
      return g_strdup (_("Good: hard to guess."));
    case SC_PASSPHRASE_STRONG:
      return g_strdup (_("Strong: very hard to guess."));
    default:
      g_return_val_if_reached (NULL);
    }
}
