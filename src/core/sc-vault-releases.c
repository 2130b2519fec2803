/* sc-vault-releases.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Group analyses released to HR (sc-vault-releases.h).
 *
 * SECURITY: a snapshot is crypto_box_seal()ed to HR's public key, its plaintext starting
 * with the release id so that a blob cannot be moved to another release unnoticed. The
 * plaintext is wiped after sealing and opening. Withdrawing overwrites the blob with
 * NULL; the vault body is rewritten on the next save, so the sealed bytes are gone from
 * the file.
 *
 * SECURITY: each release (its clear columns and a hash of the sealed blob) is signed
 * with the implementer's key at release and at withdrawal, and checked on every open by
 * the implementer (sc-vault-sign.c). HR cannot check it: see there why.
 */
#define G_LOG_DOMAIN "sc-vault"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-vault-releases.h"
#include "sc-vault-private.h"

#include <string.h>

/* A snapshot is a few hundred kilobytes at most; refuse anything absurd. */
#define SNAPSHOT_MAX_BYTES (16u << 20)

void
sc_vault_release_free (ScVaultRelease *release)
{
  if (release == NULL)
    return;
  g_free (release->title);
  g_free (release->released_by);
  g_free (release);
}

/* SECURITY: seals id ‖ @snapshot to HR's key; the plaintext is wiped. */
static GBytes *
seal_snapshot (ScVault    *vault,
               gint64      id,
               const char *snapshot)
{
  gsize len = strlen (snapshot);
  guint8 *plain = g_malloc (8 + len);
  guint8 *sealed = g_malloc (8 + len + crypto_box_SEALBYTES);

  _sc_vault_put_i64 (plain, id);
  memcpy (plain + 8, snapshot, len);
  crypto_box_seal (sealed, plain, 8 + len, sc_vault_get_public_key (vault, SC_VAULT_ROLE_HR));
  sodium_memzero (plain, 8 + len);
  g_free (plain);
  return g_bytes_new_take (sealed, 8 + len + crypto_box_SEALBYTES);
}

/* SECURITY: the implementer's signature over the release as it now stands (inside the
 * current transaction); checked on every open by the implementer (sc-vault-sign.c). */
static gboolean
sign_release (ScVault  *vault,
              gint64    id,
              GError  **error)
{
  g_autoptr(GByteArray) canon = _sc_vault_canon_release (sc_vault_get_db (vault), id, NULL);

  if (canon == NULL)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_DAMAGED,
                           _("The released analysis could not be read back."));
      return FALSE;
    }
  return _sc_vault_sign_record (vault, "release", id, canon, error);
}

gint64
sc_vault_release_analysis (ScVault     *vault,
                           gint64       round_id,
                           const char  *title,
                           const char  *released_by,
                           const char  *snapshot,
                           GError     **error)
{
  g_autoptr(ScVaultRound) round = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GBytes) sealed = NULL;
  sqlite3 *db;
  gint64 id;

  g_return_val_if_fail (SC_IS_VAULT (vault), 0);
  g_return_val_if_fail (title != NULL && released_by != NULL && snapshot != NULL, 0);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_IMPLEMENTER), TRUE,
                            error))
    return 0;
  if (*title == '\0' || *released_by == '\0' || !g_utf8_validate (title, -1, NULL)
      || !g_utf8_validate (released_by, -1, NULL) || !g_utf8_validate (snapshot, -1, NULL)
      || strlen (snapshot) > SNAPSHOT_MAX_BYTES)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,
                           "A release needs a title, the name of who releases it and "
                           "the analysis as text.");
      return 0;
    }
  round = sc_vault_get_round (vault, round_id, error);
  if (round == NULL)
    return 0;

  db = sc_vault_get_db (vault);
  if (!sc_vault_begin (vault, error))
    return 0;
  stmt = sc_vault_db_prepare (db, "INSERT INTO group_releases (round_id, title, released_by, "
                                  "released_at) VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, released_by, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, _sc_vault_now ());
  if (!_sc_vault_step_done (db, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (db);
  g_clear_pointer (&stmt, sqlite3_finalize);

  sealed = seal_snapshot (vault, id, snapshot);
  stmt = sc_vault_db_prepare (db, "UPDATE group_releases SET sealed = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_blob (stmt, 1, g_bytes_get_data (sealed, NULL), (int) g_bytes_get_size (sealed),
                     SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!_sc_vault_step_done (db, stmt, error)
      || !sign_release (vault, id, error)
      || !sc_vault_audit_insert (vault, "analysis.release", id, error))
    goto fail;
  if (!sc_vault_commit_and_save (vault, error))
    return 0;
  return id;

fail:
  sc_vault_rollback (vault);
  return 0;
}

GPtrArray *
sc_vault_list_releases (ScVault  *vault,
                        GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gboolean hr;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_STAFF, FALSE, error))
    return NULL;
  hr = sc_vault_get_role (vault) == SC_VAULT_ROLE_HR;
  stmt = sc_vault_db_prepare (sc_vault_get_db (vault),
                              "SELECT id, round_id, title, released_by, released_at, "
                              "withdrawn_at FROM group_releases "
                              "WHERE ? = 0 OR withdrawn_at IS NULL "
                              "ORDER BY released_at DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, hr ? 1 : 0);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_vault_release_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      ScVaultRelease *r = g_new0 (ScVaultRelease, 1);

      r->id = sqlite3_column_int64 (stmt, 0);
      r->round_id = sqlite3_column_int64 (stmt, 1);
      r->title = _sc_vault_column_strdup (stmt, 2);
      r->released_by = _sc_vault_column_strdup (stmt, 3);
      r->released_at = sqlite3_column_int64 (stmt, 4);
      r->withdrawn_at = sqlite3_column_int64 (stmt, 5);
      g_ptr_array_add (list, r);
    }
  return g_steal_pointer (&list);
}

char *
sc_vault_open_release (ScVault  *vault,
                       gint64    release_id,
                       GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const guint8 *sk;
  const void *sealed;
  gsize sealed_len;
  guint8 *plain;
  gsize plain_len;
  char *text = NULL;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_STAFF, FALSE, error))
    return NULL;
  stmt = sc_vault_db_prepare (sc_vault_get_db (vault),
                              "SELECT sealed FROM group_releases "
                              "WHERE id = ? AND withdrawn_at IS NULL AND sealed IS NOT NULL",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, release_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _sc_vault_set_not_found (error, "There is no such released analysis.");
      return NULL;
    }
  sealed = sqlite3_column_blob (stmt, 0);
  sealed_len = (gsize) sqlite3_column_bytes (stmt, 0);
  sk = sc_vault_get_secret_key (vault, SC_VAULT_ROLE_HR);
  if (sk == NULL || sealed == NULL || sealed_len < crypto_box_SEALBYTES + 8)
    goto damaged;

  plain_len = sealed_len - crypto_box_SEALBYTES;
  plain = g_malloc (plain_len + 1);
  if (crypto_box_seal_open (plain, sealed, sealed_len,
                            sc_vault_get_public_key (vault, SC_VAULT_ROLE_HR), sk) == 0
      && _sc_vault_get_i64 (plain) == release_id
      && g_utf8_validate ((const char *) plain + 8, (gssize) plain_len - 8, NULL))
    text = g_strndup ((const char *) plain + 8, plain_len - 8);
  sodium_memzero (plain, plain_len);
  g_free (plain);
  if (text == NULL)
    goto damaged;

  /* A read is audited like a result read; it is saved with the next write or close. */
  if (sc_vault_audit_insert (vault, "analysis.open", release_id, NULL))
    sc_vault_mark_dirty (vault);
  return text;

damaged:
  g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_DAMAGED,
                       _("This released analysis cannot be opened: it is damaged."));
  return NULL;
}

gboolean
sc_vault_withdraw_release (ScVault  *vault,
                           gint64    release_id,
                           GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_IMPLEMENTER), TRUE,
                            error)
      || !sc_vault_begin (vault, error))
    return FALSE;
  db = sc_vault_get_db (vault);
  stmt = sc_vault_db_prepare (db, "UPDATE group_releases SET withdrawn_at = ?, sealed = NULL "
                                  "WHERE id = ? AND withdrawn_at IS NULL", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, _sc_vault_now ());
  sqlite3_bind_int64 (stmt, 2, release_id);
  if (!_sc_vault_step_done (db, stmt, error))
    goto fail;
  if (sqlite3_changes (db) == 0)
    {
      _sc_vault_set_not_found (error, "There is no such released analysis.");
      goto fail;
    }
  if (!sign_release (vault, release_id, error)
      || !sc_vault_audit_insert (vault, "analysis.withdraw", release_id, error))
    goto fail;
  return sc_vault_commit_and_save (vault, error);

fail:
  sc_vault_rollback (vault);
  return FALSE;
}

/* ---- _async twins (sc-vault-async.h threading rule) ------------------------------- */

typedef struct
{
  gint64  round_id;
  gint64  release_id;
  char   *title;
  char   *released_by;
  char   *snapshot;
} ReleaseArgs;

static void
release_args_free (gpointer data)
{
  ReleaseArgs *a = data;

  g_free (a->title);
  g_free (a->released_by);
  g_free (a->snapshot);
  g_free (a);
}

static gboolean
release_work (ScVault  *vault,
              gpointer  data,
              GError  **error)
{
  ReleaseArgs *a = data;

  a->release_id = sc_vault_release_analysis (vault, a->round_id, a->title, a->released_by,
                                             a->snapshot, error);
  return a->release_id != 0;
}

void
sc_vault_release_analysis_async (ScVault             *vault,
                                 gint64               round_id,
                                 const char          *title,
                                 const char          *released_by,
                                 const char          *snapshot,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  ReleaseArgs *a = g_new0 (ReleaseArgs, 1);

  a->round_id = round_id;
  a->title = g_strdup (title);
  a->released_by = g_strdup (released_by);
  a->snapshot = g_strdup (snapshot);
  _sc_vault_run_work_async (vault, release_work, a, release_args_free,
                            sc_vault_release_analysis_async, cancellable, callback, user_data);
}

gint64
sc_vault_release_analysis_finish (ScVault       *vault,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  ReleaseArgs *a;

  g_return_val_if_fail (SC_IS_VAULT (vault), 0);
  a = _sc_vault_run_work_finish (vault, result, sc_vault_release_analysis_async, error);
  return a != NULL ? a->release_id : 0;
}

static gboolean
withdraw_work (ScVault  *vault,
               gpointer  data,
               GError  **error)
{
  ReleaseArgs *a = data;

  return sc_vault_withdraw_release (vault, a->release_id, error);
}

void
sc_vault_withdraw_release_async (ScVault             *vault,
                                 gint64               release_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  ReleaseArgs *a = g_new0 (ReleaseArgs, 1);

  a->release_id = release_id;
  _sc_vault_run_work_async (vault, withdraw_work, a, release_args_free,
                            sc_vault_withdraw_release_async, cancellable, callback, user_data);
}

gboolean
sc_vault_withdraw_release_finish (ScVault       *vault,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);
  return _sc_vault_run_work_finish (vault, result, sc_vault_withdraw_release_async,
                                    error) != NULL;
}
