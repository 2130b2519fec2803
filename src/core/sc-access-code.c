/* sc-access-code.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-access-code"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-access-code.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

G_DEFINE_QUARK (sc-access-code-error-quark, sc_access_code_error)

G_STATIC_ASSERT (sizeof SC_ACCESS_CODE_ALPHABET - 1 == SC_ACCESS_CODE_ALPHABET_SIZE);
G_STATIC_ASSERT (SC_ACCESS_CODE_HASH_SIZE >= crypto_pwhash_STRBYTES);
G_STATIC_ASSERT (SC_ACCESS_CODE_FORMATTED_LENGTH
                 == SC_ACCESS_CODE_LENGTH
                    + (SC_ACCESS_CODE_LENGTH - 1) / SC_ACCESS_CODE_GROUP_LENGTH);

/* Hash strings whose cost is beyond these are refused rather than run: a damaged
 * string must not make a login allocate gigabytes or spin for minutes. */
#define MAX_MEMLIMIT_KIB (1024 * 1024)
#define MAX_OPSLIMIT     64

static gboolean
ensure_sodium (GError **error)
{
  static gsize result = 0;   /* 1 = ready, 2 = failed */

  if (g_once_init_enter (&result))
    g_once_init_leave (&result, sodium_init () >= 0 ? 1 : 2);

  if (result != 1)
    {
      g_set_error_literal (error, SC_ACCESS_CODE_ERROR, SC_ACCESS_CODE_ERROR_FAILED,
                           _("The cryptography library could not be started"));
      return FALSE;
    }
  return TRUE;
}

gboolean
sc_access_code_generate (char    *out_code,
                         GError **error)
{
  guint n = 0;

  g_return_val_if_fail (out_code != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ensure_sodium (error))
    return FALSE;

  /* SECURITY: the code is the employee's only credential at the kiosk. It is drawn
   * with randombytes_uniform(), uniform over the alphabet (no modulo bias), and
   * written only into the caller's buffer, which the caller keeps in sodium_malloc()
   * memory and wipes; no copy is left here. */
  for (guint i = 0; i < SC_ACCESS_CODE_LENGTH; i++)
    {
      if (i > 0 && i % SC_ACCESS_CODE_GROUP_LENGTH == 0)
        out_code[n++] = '-';
      out_code[n++] = SC_ACCESS_CODE_ALPHABET[randombytes_uniform (SC_ACCESS_CODE_ALPHABET_SIZE)];
    }
  out_code[n] = '\0';
  return TRUE;
}

static gboolean
is_separator (gunichar c)
{
  return c == ' ' || c == '\t' || c == '-' || c == 0x00a0 || c == 0x3000
         || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0x30fc || c == 0xff70;
}

/* What a character left out of the alphabet stands for on a slip, when that is
 * certain: the slip has 8 and never B, so a B can only be a misread 8. */
static char
stands_for (gunichar c)
{
  switch (c)
    {
    case 'B': return '8';
    case 'G': return '6';
    case 'S': return '5';
    case 'Z': return '2';
    default: return '\0';
    }
}

gboolean
sc_access_code_normalize (const char *input,
                          gssize      len,
                          char       *out_code,
                          GError    **error)
{
  const char *end;
  guint n = 0;

  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (out_code != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (len < 0)
    len = (gssize) strlen (input);
  end = input + len;

  /* SECURITY: the input is a secret. It is folded one character at a time straight
   * into the caller's buffer, with no temporary copy on the heap, and the buffer is
   * wiped on every failure. Error messages name only characters that cannot be part
   * of any code, and never echo the input. */
  if (!g_utf8_validate_len (input, (gsize) len, NULL))
    {
      g_set_error_literal (error, SC_ACCESS_CODE_ERROR, SC_ACCESS_CODE_ERROR_INVALID,
                           _("The access code contains something that is not text"));
      goto fail;
    }

  for (const char *p = input; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Full-width ASCII (ＡＢＣ１２３－) as a Japanese input method types it. */
      if (c >= 0xff01 && c <= 0xff5e)
        c -= 0xfee0;
      if (is_separator (c))
        continue;
      if (c < 0x80)
        c = (gunichar) g_ascii_toupper ((char) c);

      if (c < 0x80 && c != '\0' && strchr (SC_ACCESS_CODE_ALPHABET, (int) c) != NULL)
        {
          if (n < SC_ACCESS_CODE_LENGTH)
            out_code[n] = (char) c;
          n++;
          continue;
        }

      if (stands_for (c) != '\0')
        g_set_error (error, SC_ACCESS_CODE_ERROR, SC_ACCESS_CODE_ERROR_INVALID,
                     "Character %u of the access code, “%c”, is not used in access codes; "
                     "the slip has the digit %c there",
                     n + 1, (char) c, stands_for (c));
      else if (g_unichar_isprint (c))
        {
          char utf8[8] = { 0 };

          g_unichar_to_utf8 (c, utf8);
          g_set_error (error, SC_ACCESS_CODE_ERROR, SC_ACCESS_CODE_ERROR_INVALID,
                       "Character %u of the access code, “%s”, is not used in access codes; "
                       "they have only the digits 2-9 and the letters on the slip",
                       n + 1, utf8);
        }
      else
        g_set_error (error, SC_ACCESS_CODE_ERROR, SC_ACCESS_CODE_ERROR_INVALID,
                     _("Character %u of the access code is not used in access codes"), n + 1);
      goto fail;
    }

  if (n != SC_ACCESS_CODE_LENGTH)
    {
      g_set_error (error, SC_ACCESS_CODE_ERROR, SC_ACCESS_CODE_ERROR_INVALID,
                   "An access code has %u characters (not counting hyphens); this has %u",
                   SC_ACCESS_CODE_LENGTH, n);
      goto fail;
    }
  out_code[n] = '\0';
  return TRUE;

fail:
  sodium_memzero (out_code, SC_ACCESS_CODE_NORMALIZED_SIZE);
  return FALSE;
}

char *
sc_access_code_hash (const char *code,
                     guint64     opslimit,
                     gsize       memlimit,
                     GError    **error)
{
  char hash[crypto_pwhash_STRBYTES];
  char *normalized;
  int rc;

  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (opslimit >= crypto_pwhash_OPSLIMIT_MIN, NULL);
  g_return_val_if_fail (memlimit >= crypto_pwhash_MEMLIMIT_MIN, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!ensure_sodium (error))
    return NULL;

  /* SECURITY: the normalised code lives only in guarded memory, freed (and so wiped)
   * by sodium_free() before returning. Only the salted Argon2id hash leaves. */
  normalized = sodium_malloc (SC_ACCESS_CODE_NORMALIZED_SIZE);
  if (normalized == NULL)
    {
      g_set_error_literal (error, SC_ACCESS_CODE_ERROR, SC_ACCESS_CODE_ERROR_FAILED,
                           _("Out of memory for the access code"));
      return NULL;
    }
  if (!sc_access_code_normalize (code, -1, normalized, error))
    {
      sodium_free (normalized);
      return NULL;
    }
  rc = crypto_pwhash_str_alg (hash, normalized, SC_ACCESS_CODE_LENGTH,
                              opslimit, memlimit, crypto_pwhash_ALG_ARGON2ID13);
  sodium_free (normalized);
  if (rc != 0)
    {
      g_set_error_literal (error, SC_ACCESS_CODE_ERROR, SC_ACCESS_CODE_ERROR_FAILED,
                           _("Out of memory while hashing the access code"));
      return NULL;
    }
  return g_strdup (hash);
}

/* An Argon2id string as crypto_pwhash_str() writes it (16-byte salt, 32-byte hash, in
 * unpadded Base64), whose cost can be afforded. Checking the lengths makes a
 * truncated string "damaged" rather than a shorter hash that merely fails to match. */
static gboolean
check_hash (const char *hash)
{
  unsigned int version, m, t, p;
  const char *salt, *digest;

  if (strnlen (hash, crypto_pwhash_STRBYTES) >= crypto_pwhash_STRBYTES)
    return FALSE;
  if (!g_str_has_prefix (hash, crypto_pwhash_argon2id_STRPREFIX))
    return FALSE;
  if (sscanf (hash, "$argon2id$v=%u$m=%u,t=%u,p=%u$", &version, &m, &t, &p) != 4)
    return FALSE;
  digest = strrchr (hash, '$');
  salt = digest - 1;
  while (salt > hash && *salt != '$')
    salt--;
  if (digest - salt - 1 != 22 || strlen (digest + 1) != 43)
    return FALSE;
  if (m == 0 || m > MAX_MEMLIMIT_KIB || t == 0 || t > MAX_OPSLIMIT)
    return FALSE;
  /* Decodes the whole string: -1 when the salt or hash part is unreadable. */
  return crypto_pwhash_argon2id_str_needs_rehash (hash, crypto_pwhash_OPSLIMIT_MIN,
                                                  crypto_pwhash_MEMLIMIT_MIN) >= 0;
}

gboolean
sc_access_code_verify (const char *hash,
                       const char *input,
                       GError    **error)
{
  char *normalized;
  int rc;

  g_return_val_if_fail (hash != NULL, FALSE);
  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ensure_sodium (error))
    return FALSE;

  if (!check_hash (hash))
    {
      g_set_error_literal (error, SC_ACCESS_CODE_ERROR, SC_ACCESS_CODE_ERROR_HASH,
                           "The stored access code hash is damaged; issue a new code");
      return FALSE;
    }

  /* SECURITY: as in sc_access_code_hash(), the typed code is normalised into guarded
   * memory and wiped at once. crypto_pwhash_str_verify() compares in constant time. */
  normalized = sodium_malloc (SC_ACCESS_CODE_NORMALIZED_SIZE);
  if (normalized == NULL)
    {
      g_set_error_literal (error, SC_ACCESS_CODE_ERROR, SC_ACCESS_CODE_ERROR_FAILED,
                           _("Out of memory for the access code"));
      return FALSE;
    }
  if (!sc_access_code_normalize (input, -1, normalized, error))
    {
      sodium_free (normalized);
      return FALSE;
    }
  rc = crypto_pwhash_str_verify (hash, normalized, SC_ACCESS_CODE_LENGTH);
  sodium_free (normalized);

  if (rc != 0)
    {
      g_set_error_literal (error, SC_ACCESS_CODE_ERROR, SC_ACCESS_CODE_ERROR_MISMATCH,
                           _("The employee number or the access code is wrong"));
      return FALSE;
    }
  return TRUE;
}

gboolean
sc_access_code_needs_rehash (const char *hash,
                             guint64     opslimit,
                             gsize       memlimit)
{
  g_return_val_if_fail (hash != NULL, TRUE);

  if (!ensure_sodium (NULL) || !check_hash (hash))
    return TRUE;
  return crypto_pwhash_str_needs_rehash (hash, opslimit, memlimit) != 0;
}

/* --- throttling ------------------------------------------------------------- */

gint64
sc_access_throttle_lock_seconds (guint failures)
{
  gint64 seconds = SC_ACCESS_THROTTLE_FIRST_LOCK;

  if (failures < SC_ACCESS_THROTTLE_FREE_FAILURES)
    return 0;
  for (guint i = SC_ACCESS_THROTTLE_FREE_FAILURES; i < failures; i++)
    {
      seconds *= 2;
      if (seconds >= SC_ACCESS_THROTTLE_MAX_LOCK)
        return SC_ACCESS_THROTTLE_MAX_LOCK;
    }
  return seconds;
}

gboolean
sc_access_throttle_check (const ScAccessThrottle *state,
                          gint64                  now,
                          gint64                 *out_retry_after)
{
  gint64 wait = 0;

  g_return_val_if_fail (state != NULL, FALSE);

  if (now < state->locked_until)
    wait = state->locked_until - now;
  if (out_retry_after != NULL)
    *out_retry_after = wait;
  return wait == 0;
}

void
sc_access_throttle_record (ScAccessThrottle *state,
                           gboolean          success,
                           gint64            now)
{
  g_return_if_fail (state != NULL);

  if (success)
    {
      sc_access_throttle_reset (state);
      return;
    }

  /* A failure recorded during a lock (the caller skipped the check) still counts and
   * restarts the lock: being careless must not open a way around it. */
  if (state->failures < G_MAXUINT)
    state->failures++;
  if (state->failures >= SC_ACCESS_THROTTLE_FREE_FAILURES)
    state->locked_until = now + sc_access_throttle_lock_seconds (state->failures);
}

void
sc_access_throttle_reset (ScAccessThrottle *state)
{
  g_return_if_fail (state != NULL);

  state->failures = 0;
  state->locked_until = 0;
}
