/* sc-vault-past-results.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PIN-only copy of a kept result and the earlier years it opens; see
 * sc-vault-past-results.h.
 */
#define G_LOG_DOMAIN "sc-vault"

#include "config.h"

#include "sc-vault-past-results.h"
#include "sc-vault-private.h"
#include "sc-secure.h"

#include <string.h>

#define PIN_AD_PREFIX "SCVIEWPIN1"
#define PIN_AD_LEN (sizeof PIN_AD_PREFIX - 1 + 16)
#define PIN_SALT_BYTES crypto_pwhash_SALTBYTES

G_STATIC_ASSERT (SC_VAULT_PARTIAL_KEY_BYTES == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);

void
sc_vault_past_result_free (ScVaultPastResult *past)
{
  if (past == NULL)
    return;
  g_free (past->round_name);
  g_free (past->period_start);
  g_free (past->period_end);
  sc_secure_wipe (&past->result, sizeof past->result);
  g_free (past);
}

static void
pin_ad (guint8  ad[PIN_AD_LEN],
        gint64  round_id,
        gint64  employee_id)
{
  memcpy (ad, PIN_AD_PREFIX, sizeof PIN_AD_PREFIX - 1);
  _sc_vault_put_i64 (ad + sizeof PIN_AD_PREFIX - 1, round_id);
  _sc_vault_put_i64 (ad + sizeof PIN_AD_PREFIX - 1 + 8, employee_id);
}

/* SECURITY: a key from the PIN alone (see the header for what that protects against). */
static guint8 *
pin_key (ScVault       *vault,
         const char    *pin,
         const guint8  *salt,
         GError       **error)
{
  return _sc_vault_derive_secret_key (vault, pin, salt, error);
}

gboolean
_sc_vault_store_pin_copy (ScVault       *vault,
                          gint64         round_id,
                          gint64         employee_id,
                          const char    *pin,
                          const guint8  *plain,
                          gsize          plain_len,
                          GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree guint8 *ciphertext = g_malloc (plain_len + SC_VAULT_TAG_BYTES);
  guint8 salt[PIN_SALT_BYTES], nonce[SC_VAULT_NONCE_BYTES], ad[PIN_AD_LEN];
  sqlite3 *db = sc_vault_get_db (vault);
  guint8 *key;

  /* SECURITY: a short PIN keeps no PIN-only copy (SC_VAULT_PIN_PAST_YEARS_DIGITS); one
   * kept earlier under a longer PIN is dropped when the result is kept again. */
  if (strlen (pin) < SC_VAULT_PIN_PAST_YEARS_DIGITS)
    {
      stmt = sc_vault_db_prepare (db, "UPDATE result_views SET pin_salt = NULL, "
                                      "pin_nonce = NULL, pin_ciphertext = NULL "
                                      "WHERE round_id = ? AND employee_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, round_id);
      sqlite3_bind_int64 (stmt, 2, employee_id);
      return _sc_vault_step_done (db, stmt, error);
    }

  randombytes_buf (salt, sizeof salt);
  key = pin_key (vault, pin, salt, error);
  if (key == NULL)
    return FALSE;
  randombytes_buf (nonce, sizeof nonce);
  pin_ad (ad, round_id, employee_id);
  crypto_aead_xchacha20poly1305_ietf_encrypt (ciphertext, NULL, plain, plain_len, ad, sizeof ad,
                                              NULL, nonce, key);
  sc_secure_free (key);

  stmt = sc_vault_db_prepare (db, "UPDATE result_views SET pin_salt = ?, pin_nonce = ?, "
                                  "pin_ciphertext = ? WHERE round_id = ? AND employee_id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_blob (stmt, 1, salt, sizeof salt, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 2, nonce, sizeof nonce, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 3, ciphertext, (int) (plain_len + SC_VAULT_TAG_BYTES), SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, round_id);
  sqlite3_bind_int64 (stmt, 5, employee_id);
  return _sc_vault_step_done (db, stmt, error);
}

/* Opens one row's PIN-only copy into @plain (@plain_len bytes); FALSE when it does not
 * open with @pin or has none. */
static gboolean
open_pin_copy (ScVault       *vault,
               sqlite3_stmt  *row,      /* round_id, pin_salt, pin_nonce, pin_ciphertext */
               gint64         employee_id,
               const char    *pin,
               guint8        *plain,
               gsize          plain_len)
{
  guint8 ad[PIN_AD_LEN];
  guint8 *key;
  gboolean opened;

  if (sqlite3_column_bytes (row, 1) != PIN_SALT_BYTES
      || sqlite3_column_bytes (row, 2) != SC_VAULT_NONCE_BYTES
      || sqlite3_column_bytes (row, 3) != (int) (plain_len + SC_VAULT_TAG_BYTES))
    return FALSE;
  key = pin_key (vault, pin, sqlite3_column_blob (row, 1), NULL);
  if (key == NULL)
    return FALSE;
  pin_ad (ad, sqlite3_column_int64 (row, 0), employee_id);
  opened = crypto_aead_xchacha20poly1305_ietf_decrypt (plain, NULL, NULL,
                                                       sqlite3_column_blob (row, 3),
                                                       plain_len + SC_VAULT_TAG_BYTES,
                                                       ad, sizeof ad,
                                                       sqlite3_column_blob (row, 2),
                                                       key) == 0;
  sc_secure_free (key);
  return opened;
}

GPtrArray *
sc_vault_load_past_results (ScVault       *vault,
                            gint64         round_id,
                            const char    *employee_number,
                            const guint8  *partial_key,
                            const char    *pin,
                            guint         *out_n_unopened,
                            GError       **error)
{
  g_autoptr(sqlite3_stmt) rows = NULL;
  g_autoptr(GPtrArray) list = NULL;
  ScResult current;
  guint unopened = 0;
  gint64 employee_id;
  sqlite3 *db;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);
  g_return_val_if_fail (employee_number != NULL && partial_key != NULL, NULL);

  /* SECURITY: the PIN must first open this year's copy together with this year's code,
   * with the kiosk's throttling, so that nobody can try PINs against the PIN-only copies
   * here. */
  if (!sc_vault_load_result_view (vault, round_id, employee_number, partial_key, pin,
                                  &current, NULL, error))
    return NULL;
  sc_secure_wipe (&current, sizeof current);
  db = sc_vault_get_db (vault);
  if (!_sc_vault_lookup_employee_id (db, employee_number, &employee_id, error))
    return NULL;

  rows = sc_vault_db_prepare (db, "SELECT v.round_id, v.pin_salt, v.pin_nonce, "
                                  "v.pin_ciphertext FROM result_views v "
                                  "JOIN rounds r ON r.id = v.round_id "
                                  "WHERE v.employee_id = ? AND v.round_id != ? "
                                  "ORDER BY coalesce (r.period_end, r.period_start, ''), "
                                  "r.id", error);
  if (rows == NULL)
    return NULL;
  sqlite3_bind_int64 (rows, 1, employee_id);
  sqlite3_bind_int64 (rows, 2, round_id);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_vault_past_result_free);
  while (sqlite3_step (rows) == SQLITE_ROW)
    {
      guint8 plain[SC_VAULT_VIEW_PLAIN_LEN];
      g_autoptr(ScVaultRound) round = NULL;
      ScVaultPastResult *past;

      if (!open_pin_copy (vault, rows, employee_id, pin, plain, sizeof plain))
        {
          unopened++;
          continue;
        }
      round = sc_vault_get_round (vault, sqlite3_column_int64 (rows, 0), NULL);
      if (round == NULL)
        {
          sc_secure_wipe (plain, sizeof plain);
          continue;
        }
      past = g_new0 (ScVaultPastResult, 1);
      past->round_id = round->id;
      past->round_name = g_strdup (round->name);
      past->period_start = g_strdup (round->period_start);
      past->period_end = g_strdup (round->period_end);
      past->criteria = round->criteria;
      sc_score (plain,
                plain[SC_BJSQ_N_ITEMS] == SC_SEX_FEMALE ? SC_SEX_FEMALE : SC_SEX_MALE,
                &round->criteria, &past->result);
      sc_secure_wipe (plain, sizeof plain);
      g_ptr_array_add (list, past);
    }
  if (out_n_unopened != NULL)
    *out_n_unopened = unopened;
  return g_steal_pointer (&list);
}
