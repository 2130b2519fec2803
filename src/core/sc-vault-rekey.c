/* sc-vault-rekey.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A new HR key pair when an HR person is removed (issue 11 §4, sc_vault_remove_person()).
 *
 * Every HR copy is a crypto_box_seal() blob: the consented or requested results, the
 * interview opinions and records, HR's measures and the released group snapshots. The
 * implementer holds HR's secret key too, so each blob is opened with the old key pair
 * and sealed again to the new public key, the new public key replaces the old one in
 * `vault_keys`, and the implementer's records are signed again (the public keys and the
 * released snapshots' hashes are among them). The caller then writes new key slots
 * (sc_vault_rotate_keys()) whose payloads hold only the new HR secret key.
 *
 * SECURITY: the secret keys are in guarded memory; the plaintexts of the blobs are wiped
 * as soon as they are sealed again.
 */
#define G_LOG_DOMAIN "sc-vault"

#include "config.h"

#include "sc-vault-private.h"
#include "sc-secure.h"

#include <string.h>

/* Every column that holds a blob sealed to HR's public key. */
static const struct
{
  const char *table;
  const char *column;
  int         since;     /* schema step that made the table */
} hr_columns[] = {
  { "submissions", "sealed_hr", 1 },
  { "interviews", "opinion_sealed_hr", 2 },
  { "interviews", "measures_sealed_hr", 2 },
  { "interview_records", "sealed_hr", 4 },
  { "interview_measures", "sealed_hr", 4 },
  { "group_releases", "sealed", 6 },
};

/* SECURITY: opens @sealed with the old key pair and seals the plaintext to @new_pk;
 * %NULL (DAMAGED) when the old key does not open it. */
static guint8 *
reseal (const guint8  *sealed,
        gsize          len,
        const guint8  *old_pk,
        const guint8  *old_sk,
        const guint8  *new_pk,
        GError       **error)
{
  guint8 *plain, *out;

  if (len < crypto_box_SEALBYTES)
    goto damaged;
  plain = sc_secure_alloc (len - crypto_box_SEALBYTES + 1);
  if (plain == NULL)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_IO,
                           "There is not enough protected memory for the new key.");
      return NULL;
    }
  if (crypto_box_seal_open (plain, sealed, len, old_pk, old_sk) != 0)
    {
      sc_secure_free (plain);
      goto damaged;
    }
  out = g_malloc (len);
  crypto_box_seal (out, plain, len - crypto_box_SEALBYTES, new_pk);
  sc_secure_free (plain);
  return out;

damaged:
  sc_vault_set_damaged (error);
  return NULL;
}

static gboolean
reseal_column (ScVault       *self,
               const char    *table,
               const char    *column,
               const guint8  *new_pk,
               GError       **error)
{
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autofree char *select_sql = NULL;
  g_autofree char *update_sql = NULL;
  int rc;

  select_sql = g_strdup_printf ("SELECT rowid, %s FROM %s WHERE %s IS NOT NULL", column,
                                table, column);
  update_sql = g_strdup_printf ("UPDATE %s SET %s = ? WHERE rowid = ?", table, column);
  select = sc_vault_db_prepare (self->db, select_sql, error);
  update = sc_vault_db_prepare (self->db, update_sql, error);
  if (select == NULL || update == NULL)
    return FALSE;
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      gsize len = (gsize) sqlite3_column_bytes (select, 1);
      guint8 *out = reseal (sqlite3_column_blob (select, 1), len, self->hr_pk, self->hr_sk,
                            new_pk, error);

      if (out == NULL)
        return FALSE;
      sqlite3_reset (update);
      sqlite3_bind_blob (update, 1, out, (int) len, g_free);
      sqlite3_bind_int64 (update, 2, sqlite3_column_int64 (select, 0));
      if (!_sc_vault_step_done (self->db, update, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      sc_vault_db_set_error (self->db, error);
      return FALSE;
    }
  return TRUE;
}

/* The kiosk's HR copies kept until the employee's choice, sealed again too. */
static gboolean
reseal_pending (ScVault       *self,
                const guint8  *new_pk,
                GError       **error)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->pending_hr);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      gsize len;
      const guint8 *data = g_bytes_get_data (value, &len);
      guint8 *out = reseal (data, len, self->hr_pk, self->hr_sk, new_pk, error);

      if (out == NULL)
        return FALSE;
      g_hash_table_iter_replace (&iter, g_bytes_new_take (out, len));
    }
  return TRUE;
}

gboolean
_sc_vault_rekey_hr (ScVault       *self,
                    const guint8  *new_pk,
                    const guint8  *new_sk,
                    GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int version = sc_vault_schema_get_version (self->db);
  guint8 old_pk[crypto_box_PUBLICKEYBYTES];
  guint8 *sk, *old_sk;

  g_assert (self->impl_sk != NULL && self->hr_sk != NULL && self->sign_sk != NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (hr_columns); i++)
    if (version >= hr_columns[i].since
        && !reseal_column (self, hr_columns[i].table, hr_columns[i].column, new_pk, error))
      return FALSE;
  stmt = sc_vault_db_prepare (self->db, "UPDATE vault_keys SET public_key = ? "
                                        "WHERE role = 'hr'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_blob (stmt, 1, new_pk, crypto_box_PUBLICKEYBYTES, SQLITE_TRANSIENT);
  if (!_sc_vault_step_done (self->db, stmt, error))
    return FALSE;
  /* The kiosk keeps none while the implementer manages people; resealed all the same. */
  if (!reseal_pending (self, new_pk, error))
    return FALSE;
  sk = sc_secure_dup (new_sk, crypto_box_SECRETKEYBYTES);
  if (sk == NULL)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_IO,
                           "There is not enough protected memory for the new key.");
      return FALSE;
    }
  /* The public keys and the released snapshots' hashes are signed again; on failure
   * the caller rolls the database back and the old key pair stays in memory. */
  memcpy (old_pk, self->hr_pk, sizeof old_pk);
  old_sk = self->hr_sk;
  self->hr_sk = sk;
  memcpy (self->hr_pk, new_pk, crypto_box_PUBLICKEYBYTES);
  if (!_sc_vault_sign_all (self, error))
    {
      self->hr_sk = old_sk;
      memcpy (self->hr_pk, old_pk, sizeof old_pk);
      sc_secure_free (sk);
      return FALSE;
    }
  sc_secure_free (old_sk);
  return TRUE;
}
