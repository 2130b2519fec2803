/* sc-vault-result-views.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Copies kept for the employee alone: unfinished answers under a key from the access
 * code, and a result to view again under the access code and a personal PIN.
 *
 * Every change is one BEGIN IMMEDIATE … COMMIT followed by a durable save; nothing
 * returns TRUE before the change is on disk.
 */
#define G_LOG_DOMAIN "sc-vault"

#include "config.h"

#include "sc-vault-private.h"
#include "sc-access-code.h"
#include "sc-secure.h"

#include <string.h>

#define PARTIAL_AD_PREFIX "SCPARTIAL1"
#define PARTIAL_AD_LEN (sizeof PARTIAL_AD_PREFIX - 1 + 16)

/* ---- Partial answers ------------------------------------------------------------- */

static void
partial_ad (guint8  ad[PARTIAL_AD_LEN],
            gint64  round_id,
            gint64  employee_id)
{
  memcpy (ad, PARTIAL_AD_PREFIX, sizeof PARTIAL_AD_PREFIX - 1);
  _sc_vault_put_i64 (ad + sizeof PARTIAL_AD_PREFIX - 1, round_id);
  _sc_vault_put_i64 (ad + sizeof PARTIAL_AD_PREFIX - 1 + 8, employee_id);
}

guint8 *
sc_vault_derive_partial_key (ScVault     *vault,
                             gint64       round_id,
                             const char  *employee_number,
                             const char  *access_code,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 employee_id;
  sqlite3 *db;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);
  g_return_val_if_fail (employee_number != NULL && access_code != NULL, NULL);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_ANY, FALSE, error))
    return NULL;
  db = sc_vault_get_db (vault);
  if (!_sc_vault_lookup_employee_id (db, employee_number, &employee_id, error))
    return NULL;
  stmt = sc_vault_db_prepare (db, "SELECT partial_salt FROM access_codes "
                                  "WHERE round_id = ? AND employee_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int64 (stmt, 2, employee_id);
  if (sqlite3_step (stmt) != SQLITE_ROW
      || sqlite3_column_bytes (stmt, 0) != crypto_pwhash_SALTBYTES)
    {
      _sc_vault_set_not_found (error, "No access code was issued to this employee for this round.");
      return NULL;
    }

  /* SECURITY: the key comes only from the code on the employee's slip, so nobody with
   * the vault's keys alone can read unfinished answers. */
  return _sc_vault_derive_secret_key (vault, access_code, sqlite3_column_blob (stmt, 0), error);
}

guint8 *
_sc_vault_derive_secret_key (ScVault       *vault,
                             const char    *secret,
                             const guint8  *salt,
                             GError       **error)
{
  ScVaultKdfLimits limits;
  guint8 *key = sc_secure_alloc (SC_VAULT_PARTIAL_KEY_BYTES);

  if (key == NULL)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_IO,
                           "There is not enough protected memory.");
      return NULL;
    }
  sc_vault_get_partial_limits (vault, &limits);
  if (crypto_pwhash (key, SC_VAULT_PARTIAL_KEY_BYTES, secret, strlen (secret), salt,
                     limits.opslimit, limits.memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      sc_secure_free (key);
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_IO,
                           "There is not enough memory to continue.");
      return NULL;
    }
  return key;
}

gboolean
sc_vault_save_partial (ScVault       *vault,
                       gint64         round_id,
                       const char    *employee_number,
                       const guint8  *key,
                       const guint8   answers[SC_BJSQ_N_ITEMS],
                       GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint8 nonce[SC_VAULT_NONCE_BYTES];
  guint8 ciphertext[SC_BJSQ_N_ITEMS + SC_VAULT_TAG_BYTES];
  guint8 ad[PARTIAL_AD_LEN];
  gint64 employee_id;
  sqlite3 *db;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (employee_number != NULL && key != NULL && answers != NULL, FALSE);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_ANY, TRUE, error))
    return FALSE;
  db = sc_vault_get_db (vault);
  if (!_sc_vault_lookup_round (db, round_id, NULL, NULL, error)
      || !_sc_vault_lookup_employee_id (db, employee_number, &employee_id, error))
    return FALSE;

  randombytes_buf (nonce, sizeof nonce);
  partial_ad (ad, round_id, employee_id);
  crypto_aead_xchacha20poly1305_ietf_encrypt (ciphertext, NULL, answers, SC_BJSQ_N_ITEMS,
                                              ad, sizeof ad, NULL, nonce, key);

  if (!sc_vault_begin (vault, error))
    return FALSE;
  stmt = sc_vault_db_prepare (db, "INSERT OR REPLACE INTO partial_answers (round_id, "
                                  "employee_id, nonce, ciphertext, updated_at) "
                                  "VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int64 (stmt, 2, employee_id);
  sqlite3_bind_blob (stmt, 3, nonce, sizeof nonce, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 4, ciphertext, sizeof ciphertext, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, _sc_vault_now ());
  if (!_sc_vault_step_done (db, stmt, error))
    goto fail;
  return sc_vault_commit_and_save (vault, error);

fail:
  sc_vault_rollback (vault);
  return FALSE;
}

gboolean
sc_vault_load_partial (ScVault       *vault,
                       gint64         round_id,
                       const char    *employee_number,
                       const guint8  *key,
                       guint8         answers[SC_BJSQ_N_ITEMS],
                       GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint8 ad[PARTIAL_AD_LEN];
  gint64 employee_id;
  sqlite3 *db;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (employee_number != NULL && key != NULL && answers != NULL, FALSE);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_ANY, FALSE, error))
    return FALSE;
  db = sc_vault_get_db (vault);
  if (!_sc_vault_lookup_employee_id (db, employee_number, &employee_id, error))
    return FALSE;
  stmt = sc_vault_db_prepare (db, "SELECT nonce, ciphertext FROM partial_answers "
                                  "WHERE round_id = ? AND employee_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int64 (stmt, 2, employee_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _sc_vault_set_not_found (error, "No unfinished answers are kept for this employee.");
      return FALSE;
    }
  partial_ad (ad, round_id, employee_id);
  if (sqlite3_column_bytes (stmt, 0) != SC_VAULT_NONCE_BYTES
      || sqlite3_column_bytes (stmt, 1) != SC_BJSQ_N_ITEMS + SC_VAULT_TAG_BYTES
      || crypto_aead_xchacha20poly1305_ietf_decrypt (answers, NULL, NULL,
                                                     sqlite3_column_blob (stmt, 1),
                                                     SC_BJSQ_N_ITEMS + SC_VAULT_TAG_BYTES,
                                                     ad, sizeof ad,
                                                     sqlite3_column_blob (stmt, 0), key) != 0)
    {
      memset (answers, 0, SC_BJSQ_N_ITEMS);
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_ACCESS_DENIED,
                           "The unfinished answers cannot be opened with this access code.");
      return FALSE;
    }
  return TRUE;
}

/* ---- Result views (personal PIN) ---------------------------------------------------- */

#define VIEW_AD_PREFIX "SCVIEW1"
#define VIEW_AD_LEN (sizeof VIEW_AD_PREFIX - 1 + 16)
#define VIEW_PLAIN_LEN SC_VAULT_VIEW_PLAIN_LEN

gboolean
sc_vault_pin_is_valid (const char *pin)
{
  gsize n;

  if (pin == NULL)
    return FALSE;
  n = strlen (pin);
  if (n < SC_VAULT_PIN_MIN_DIGITS || n > SC_VAULT_PIN_MAX_DIGITS)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (pin[i]))
      return FALSE;
  return TRUE;
}

/* SECURITY: the view key mixes the code-derived key (Argon2id over the access code, which
 * carries ~42 bits) with the PIN, so neither a found slip nor the vault's own keys open
 * the copy. */
static void
view_key (guint8        key[crypto_aead_xchacha20poly1305_ietf_KEYBYTES],
          const guint8 *partial_key,
          const char   *pin)
{
  crypto_generichash_state state;

  crypto_generichash_init (&state, partial_key, SC_VAULT_PARTIAL_KEY_BYTES,
                           crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
  crypto_generichash_update (&state, (const guint8 *) "sc-result-view-pin",
                             sizeof "sc-result-view-pin" - 1);
  crypto_generichash_update (&state, (const guint8 *) pin, strlen (pin));
  crypto_generichash_final (&state, key, crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
  sodium_memzero (&state, sizeof state);
}

static void
view_ad (guint8  ad[VIEW_AD_LEN],
         gint64  round_id,
         gint64  employee_id)
{
  memcpy (ad, VIEW_AD_PREFIX, sizeof VIEW_AD_PREFIX - 1);
  _sc_vault_put_i64 (ad + sizeof VIEW_AD_PREFIX - 1, round_id);
  _sc_vault_put_i64 (ad + sizeof VIEW_AD_PREFIX - 1 + 8, employee_id);
}

static void
set_invalid_pin (GError **error)
{
  g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,
               "A PIN has %d to %d digits.", SC_VAULT_PIN_MIN_DIGITS, SC_VAULT_PIN_MAX_DIGITS);
}

gboolean
sc_vault_save_result_view (ScVault       *vault,
                           gint64         round_id,
                           const char    *employee_number,
                           const guint8  *partial_key,
                           const char    *pin,
                           const guint8   answers[SC_BJSQ_N_ITEMS],
                           ScSex          sex,
                           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint8 nonce[SC_VAULT_NONCE_BYTES];
  guint8 plain[VIEW_PLAIN_LEN];
  guint8 ciphertext[VIEW_PLAIN_LEN + SC_VAULT_TAG_BYTES];
  guint8 ad[VIEW_AD_LEN];
  guint8 *key;
  gint64 employee_id;
  sqlite3 *db;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (employee_number != NULL && partial_key != NULL && answers != NULL, FALSE);

  if (!sc_vault_pin_is_valid (pin))
    {
      set_invalid_pin (error);
      return FALSE;
    }
  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_ANY, TRUE, error))
    return FALSE;
  db = sc_vault_get_db (vault);
  if (!_sc_vault_lookup_round (db, round_id, NULL, NULL, error)
      || !_sc_vault_lookup_employee_id (db, employee_number, &employee_id, error))
    return FALSE;

  key = sc_secure_alloc (crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
  if (key == NULL)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_IO,
                           "There is not enough protected memory.");
      return FALSE;
    }
  view_key (key, partial_key, pin);
  memcpy (plain, answers, SC_BJSQ_N_ITEMS);
  plain[SC_BJSQ_N_ITEMS] = (guint8) sex;
  randombytes_buf (nonce, sizeof nonce);
  view_ad (ad, round_id, employee_id);
  crypto_aead_xchacha20poly1305_ietf_encrypt (ciphertext, NULL, plain, sizeof plain,
                                              ad, sizeof ad, NULL, nonce, key);
  sc_secure_free (key);

  if (!sc_vault_begin (vault, error))
    {
      sodium_memzero (plain, sizeof plain);
      return FALSE;
    }
  stmt = sc_vault_db_prepare (db, "INSERT OR REPLACE INTO result_views (round_id, "
                                  "employee_id, nonce, ciphertext, created_at) "
                                  "VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int64 (stmt, 2, employee_id);
  sqlite3_bind_blob (stmt, 3, nonce, sizeof nonce, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 4, ciphertext, sizeof ciphertext, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, _sc_vault_now ());
  if (!_sc_vault_step_done (db, stmt, error)
      || !_sc_vault_store_pin_copy (vault, round_id, employee_id, pin, plain, sizeof plain,
                                    error)
      || !sc_vault_audit_insert (vault, "result_view.save", employee_id, error))
    goto fail;
  sodium_memzero (plain, sizeof plain);
  return sc_vault_commit_and_save (vault, error);

fail:
  sodium_memzero (plain, sizeof plain);
  sc_vault_rollback (vault);
  return FALSE;
}

/* Whether @sql (a SELECT taking round id and employee id) finds a row for the employee. */
static gboolean
employee_row_exists (ScVault    *vault,
                     const char *sql,
                     gint64      round_id,
                     const char *employee_number)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 employee_id;
  sqlite3 *db;

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_ANY, FALSE, NULL))
    return FALSE;
  db = sc_vault_get_db (vault);
  if (!_sc_vault_lookup_employee_id (db, employee_number, &employee_id, NULL))
    return FALSE;
  stmt = sc_vault_db_prepare (db, sql, NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int64 (stmt, 2, employee_id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

gboolean
sc_vault_has_submitted (ScVault    *vault,
                        gint64      round_id,
                        const char *employee_number)
{
  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (employee_number != NULL, FALSE);

  return employee_row_exists (vault, "SELECT 1 FROM submissions WHERE round_id = ? "
                                     "AND employee_id = ?", round_id, employee_number);
}

gboolean
sc_vault_has_result_view (ScVault    *vault,
                          gint64      round_id,
                          const char *employee_number)
{
  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (employee_number != NULL, FALSE);

  return employee_row_exists (vault, "SELECT 1 FROM result_views WHERE round_id = ? "
                                     "AND employee_id = ?", round_id, employee_number);
}

gboolean
sc_vault_load_result_view (ScVault       *vault,
                           gint64         round_id,
                           const char    *employee_number,
                           const guint8  *partial_key,
                           const char    *pin,
                           ScResult      *out_result,
                           guint8         out_answers[SC_BJSQ_N_ITEMS],
                           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  guint8 plain[VIEW_PLAIN_LEN];
  guint8 ad[VIEW_AD_LEN];
  guint8 *key;
  gint64 employee_id;
  ScCriteria criteria;
  ScAccessThrottle throttle = { 0, 0 };
  gboolean opened;
  sqlite3 *db;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (employee_number != NULL && partial_key != NULL, FALSE);
  g_return_val_if_fail (out_result != NULL, FALSE);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_ANY, FALSE, error))
    return FALSE;
  db = sc_vault_get_db (vault);
  if (!_sc_vault_lookup_round (db, round_id, &criteria, NULL, error)
      || !_sc_vault_lookup_employee_id (db, employee_number, &employee_id, error))
    return FALSE;

  /* The same lock-out as for access codes: a PIN cannot be guessed at the kiosk. */
  if (!_sc_vault_read_throttle (db, round_id, employee_id, &throttle, NULL, &local_error)
      && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!_sc_vault_throttle_allows (&throttle, error))
    return FALSE;

  stmt = sc_vault_db_prepare (db, "SELECT nonce, ciphertext FROM result_views "
                                  "WHERE round_id = ? AND employee_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int64 (stmt, 2, employee_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _sc_vault_set_not_found (error, "No result was kept to be viewed again.");
      return FALSE;
    }

  key = sc_secure_alloc (crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
  if (key == NULL)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_IO,
                           "There is not enough protected memory.");
      return FALSE;
    }
  opened = FALSE;
  if (sc_vault_pin_is_valid (pin))
    {
      view_key (key, partial_key, pin);
      view_ad (ad, round_id, employee_id);
      opened = sqlite3_column_bytes (stmt, 0) == SC_VAULT_NONCE_BYTES
               && sqlite3_column_bytes (stmt, 1) == VIEW_PLAIN_LEN + SC_VAULT_TAG_BYTES
               && crypto_aead_xchacha20poly1305_ietf_decrypt (plain, NULL, NULL,
                                                              sqlite3_column_blob (stmt, 1),
                                                              VIEW_PLAIN_LEN + SC_VAULT_TAG_BYTES,
                                                              ad, sizeof ad,
                                                              sqlite3_column_blob (stmt, 0),
                                                              key) == 0;
    }
  sc_secure_free (key);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!_sc_vault_record_attempt (vault, round_id, employee_id, &throttle, opened,
                                 "result_view.fail", error))
    {
      sodium_memzero (plain, sizeof plain);
      return FALSE;
    }
  if (!opened)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_ACCESS_DENIED,
                           "The PIN is not right.");
      return FALSE;
    }

  sc_score (plain, plain[SC_BJSQ_N_ITEMS] == SC_SEX_FEMALE ? SC_SEX_FEMALE : SC_SEX_MALE,
            &criteria, out_result);
  if (out_answers != NULL)
    memcpy (out_answers, plain, SC_BJSQ_N_ITEMS);
  sodium_memzero (plain, sizeof plain);
  return TRUE;
}
