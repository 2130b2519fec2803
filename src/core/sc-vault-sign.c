/* sc-vault-sign.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The implementer's signatures over the records the implementer owns (issue 12 §1).
 *
 * HR's key slot opens the data key, so HR can rewrite any row of the database. What the
 * implementer decides — the public keys, each round's criteria and thresholds, the
 * settings (including whether HR may start the kiosk), interview-need decisions (the
 * recommendation in `interviews` and the workspace's `interview_decisions`), released
 * group analyses (`group_releases`, the snapshot by its hash), the people (`people`:
 * names, roles, removals; see PEOPLE_SIGNED_KEY), and the last entry of
 * the audit log the implementer wrote — is therefore signed with an
 * Ed25519 key that only the implementer's and the recovery slot yield (see PINNING in
 * sc-vault-private.h), and checked each time the implementer opens the vault. A record
 * changed, added or removed by anyone else is reported as TAMPERED, naming the record.
 *
 * A signature covers "SCSIG1" ‖ kind ‖ record id ‖ the record's canonical serialisation,
 * each part typed and length-prefixed, so a signature cannot be moved to another
 * record or kind. Other code signs its own records (a released analysis, say) with
 * _sc_vault_sign_record() whenever the implementer writes them, and adds a check with
 * _sc_vault_verify_record() (and for removed records, verify_none_removed()) to
 * _sc_vault_verify_all(), which every open by the implementer runs.
 *
 * Only the implementer checks. HR has no trustworthy copy of the signing public key: it
 * is derived from the implementer's secret key, and a copy kept in the database or in
 * HR's own slot would be one HR (who holds the data key and its own passphrase) could
 * replace along with the record. A record HR forged therefore looks genuine in HR's own
 * session, and is reported on the implementer's next open.
 */
#define G_LOG_DOMAIN "sc-vault"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-vault-private.h"
#include "sc-secure.h"

#include <string.h>

#define SIGN_SEED_CONTEXT "stresscheck implementer signing key v1"

/* ---- Canonical serialisation ----------------------------------------------------- */

enum
{
  CANON_I64 = 1,
  CANON_TEXT = 2,
  CANON_BLOB = 3,
  CANON_NULL = 4,
};

void
_sc_vault_canon_add_i64 (GByteArray *canon,
                         gint64      v)
{
  guint8 buf[9];

  buf[0] = CANON_I64;
  _sc_vault_put_i64 (buf + 1, v);
  g_byte_array_append (canon, buf, sizeof buf);
}

void
_sc_vault_canon_add_blob (GByteArray  *canon,
                          const void  *data,
                          gsize        len)
{
  guint8 buf[9];

  buf[0] = CANON_BLOB;
  _sc_vault_put_i64 (buf + 1, (gint64) len);
  g_byte_array_append (canon, buf, sizeof buf);
  if (len > 0)
    g_byte_array_append (canon, data, (guint) len);
}

void
_sc_vault_canon_add_text (GByteArray  *canon,
                          const char  *text)
{
  guint8 buf[9];
  gsize len;

  if (text == NULL)
    {
      buf[0] = CANON_NULL;
      g_byte_array_append (canon, buf, 1);
      return;
    }
  len = strlen (text);
  buf[0] = CANON_TEXT;
  _sc_vault_put_i64 (buf + 1, (gint64) len);
  g_byte_array_append (canon, buf, sizeof buf);
  g_byte_array_append (canon, (const guint8 *) text, (guint) len);
}

static void
canon_add_column (GByteArray   *canon,
                  sqlite3_stmt *stmt,
                  int           column)
{
  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_INTEGER:
      _sc_vault_canon_add_i64 (canon, sqlite3_column_int64 (stmt, column));
      break;
    case SQLITE_TEXT:
      _sc_vault_canon_add_text (canon, (const char *) sqlite3_column_text (stmt, column));
      break;
    case SQLITE_BLOB:
      _sc_vault_canon_add_blob (canon, sqlite3_column_blob (stmt, column),
                                (gsize) sqlite3_column_bytes (stmt, column));
      break;
    case SQLITE_NULL:
      _sc_vault_canon_add_text (canon, NULL);
      break;
    default:
      /* A REAL where the schema has none: serialised as text, so it still differs. */
      _sc_vault_canon_add_text (canon, (const char *) sqlite3_column_text (stmt, column));
      break;
    }
}

/* The message a signature covers. */
static GByteArray *
signed_message (const char *kind,
                gint64      record_id,
                GByteArray *canon)
{
  GByteArray *msg = g_byte_array_new ();

  g_byte_array_append (msg, (const guint8 *) "SCSIG1", 6);
  _sc_vault_canon_add_text (msg, kind);
  _sc_vault_canon_add_i64 (msg, record_id);
  _sc_vault_canon_add_blob (msg, canon->data, canon->len);
  return msg;
}

/* ---- Keys ---------------------------------------------------------------------------- */

/* SECURITY: the signing key is a function of the implementer's box secret key, so it
 * is exactly as secret (guarded memory, wiped with the other keys) and every slot that
 * holds the box key yields it, including a recovery slot from before signatures. */
gboolean
_sc_vault_derive_signing_key (ScVault *self)
{
  guint8 *seed;

  g_assert (self->impl_sk != NULL);
  sc_secure_clear ((gpointer *) &self->sign_sk);
  seed = sc_secure_alloc (crypto_sign_SEEDBYTES);
  self->sign_sk = sc_secure_alloc (crypto_sign_SECRETKEYBYTES);
  if (seed == NULL || self->sign_sk == NULL)
    {
      sc_secure_free (seed);
      sc_secure_clear ((gpointer *) &self->sign_sk);
      return FALSE;
    }
  crypto_generichash (seed, crypto_sign_SEEDBYTES, (const guint8 *) SIGN_SEED_CONTEXT,
                      strlen (SIGN_SEED_CONTEXT), self->impl_sk, crypto_box_SECRETKEYBYTES);
  crypto_sign_seed_keypair (self->sign_pk, self->sign_sk, seed);
  sc_secure_free (seed);
  return TRUE;
}

/* ---- Signing and checking --------------------------------------------------------- */

static gboolean
signatures_table_exists (sqlite3 *db)
{
  return sc_vault_schema_get_version (db) >= 4;
}

gboolean
_sc_vault_sign_record (ScVault     *self,
                       const char  *kind,
                       gint64       record_id,
                       GByteArray  *canon,
                       GError     **error)
{
  g_autoptr(GByteArray) msg = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint8 sig[crypto_sign_BYTES];

  /* Only the implementer holds the key; anyone else's change is found on the
   * implementer's next open. A vault at an older schema step (tests) has no table. */
  if (self->sign_sk == NULL || !signatures_table_exists (self->db))
    return TRUE;
  msg = signed_message (kind, record_id, canon);
  crypto_sign_detached (sig, NULL, msg->data, msg->len, self->sign_sk);
  stmt = sc_vault_db_prepare (self->db,
                              "INSERT OR REPLACE INTO vault_signatures (kind, record_id, "
                              "signature) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, record_id);
  sqlite3_bind_blob (stmt, 3, sig, sizeof sig, SQLITE_TRANSIENT);
  return _sc_vault_step_done (self->db, stmt, error);
}

gboolean
_sc_vault_unsign_record (ScVault     *self,
                         const char  *kind,
                         gint64       record_id,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (self->sign_sk == NULL || !signatures_table_exists (self->db))
    return TRUE;
  stmt = sc_vault_db_prepare (self->db, "DELETE FROM vault_signatures WHERE kind = ? "
                                        "AND record_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, record_id);
  return _sc_vault_step_done (self->db, stmt, error);
}

static void
set_tampered (GError     **error,
              const char  *what)
{
  g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_TAMPERED,
               /* Translators: %s says what was changed (in English, for support). */
               _("The vault was modified outside Stress Check: %s. Restore the vault "
                 "from a backup, and find out who had access to it."), what);
}

gboolean
_sc_vault_verify_record (ScVault     *self,
                         const char  *kind,
                         gint64       record_id,
                         GByteArray  *canon,
                         const char  *what,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GByteArray) msg = NULL;

  stmt = sc_vault_db_prepare (self->db, "SELECT signature FROM vault_signatures "
                                        "WHERE kind = ? AND record_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, record_id);
  msg = signed_message (kind, record_id, canon);
  if (sqlite3_step (stmt) != SQLITE_ROW
      || sqlite3_column_bytes (stmt, 0) != crypto_sign_BYTES
      || crypto_sign_verify_detached (sqlite3_column_blob (stmt, 0), msg->data, msg->len,
                                      self->sign_pk) != 0)
    {
      set_tampered (error, what);
      return FALSE;
    }
  return TRUE;
}

gboolean
_sc_vault_has_signatures (ScVault *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!signatures_table_exists (self->db))
    return FALSE;
  stmt = sc_vault_db_prepare (self->db, "SELECT 1 FROM vault_signatures LIMIT 1", NULL);
  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW;
}

/* ---- The implementer's records -------------------------------------------------- */

GByteArray *
_sc_vault_canon_round (sqlite3  *db,
                       gint64    round_id,
                       char    **out_name)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GByteArray *canon;
  int n;

  stmt = sc_vault_db_prepare (db, "SELECT name, period_start, period_end, method, sum_b_min, "
                                  "sum_ac_min, sum_ac_b_min, conv_b_max, conv_ac_max, "
                                  "conv_ac_b_max, closed, created_at FROM rounds "
                                  "WHERE id = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, round_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  canon = g_byte_array_new ();
  n = sqlite3_column_count (stmt);
  for (int i = 0; i < n; i++)
    canon_add_column (canon, stmt, i);
  if (out_name != NULL)
    *out_name = _sc_vault_column_strdup (stmt, 0);
  return canon;
}

GByteArray *
_sc_vault_canon_settings (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GByteArray *canon;

  stmt = sc_vault_db_prepare (db, "SELECT key, value FROM settings ORDER BY key", NULL);
  if (stmt == NULL)
    return NULL;
  canon = g_byte_array_new ();
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      canon_add_column (canon, stmt, 0);
      canon_add_column (canon, stmt, 1);
    }
  return canon;
}

GByteArray *
_sc_vault_canon_keys (ScVault *self)
{
  GByteArray *canon = g_byte_array_new ();

  _sc_vault_canon_add_blob (canon, self->impl_pk, sizeof self->impl_pk);
  _sc_vault_canon_add_blob (canon, self->sign_pk, sizeof self->sign_pk);
  _sc_vault_canon_add_blob (canon, self->hr_pk, sizeof self->hr_pk);
  return canon;
}

/* The canonical bytes of a record held in one sealed column: its submission id, then the
 * column @sql selects for it; NULL when there is no such row. */
static GByteArray *
canon_sealed_column (sqlite3    *db,
                     const char *sql,
                     gint64      submission_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GByteArray *canon;

  stmt = sc_vault_db_prepare (db, sql, NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, submission_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  canon = g_byte_array_new ();
  _sc_vault_canon_add_i64 (canon, submission_id);
  canon_add_column (canon, stmt, 0);
  return canon;
}

GByteArray *
_sc_vault_canon_recommendation (sqlite3 *db,
                                gint64   submission_id)
{
  return canon_sealed_column (db, "SELECT recommendation_sealed FROM interviews "
                                  "WHERE submission_id = ? "
                                  "AND recommendation_sealed IS NOT NULL", submission_id);
}

GByteArray *
_sc_vault_canon_decision (sqlite3 *db,
                          gint64   submission_id)
{
  return canon_sealed_column (db, "SELECT sealed FROM interview_decisions "
                                  "WHERE submission_id = ?", submission_id);
}

/* A release: its clear columns and a BLAKE2b-256 hash of the sealed snapshot (NULL once
 * withdrawn), so that neither the listing nor the blob can be changed unnoticed. */
GByteArray *
_sc_vault_canon_release (sqlite3  *db,
                         gint64    release_id,
                         char    **out_title)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GByteArray *canon;

  stmt = sc_vault_db_prepare (db, "SELECT id, round_id, title, released_by, released_at, "
                                  "withdrawn_at, sealed FROM group_releases WHERE id = ?",
                              NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, release_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  canon = g_byte_array_new ();
  for (int i = 0; i < 6; i++)
    canon_add_column (canon, stmt, i);
  if (sqlite3_column_type (stmt, 6) == SQLITE_NULL)
    _sc_vault_canon_add_text (canon, NULL);
  else
    {
      guint8 hash[32];

      crypto_generichash (hash, sizeof hash, sqlite3_column_blob (stmt, 6),
                          (unsigned long long) sqlite3_column_bytes (stmt, 6), NULL, 0);
      _sc_vault_canon_add_blob (canon, hash, sizeof hash);
    }
  if (out_title != NULL)
    *out_title = _sc_vault_column_strdup (stmt, 2);
  return canon;
}

/* A person (sc-vault-people.h): id, name, role and dates. The error names the person by
 * id only. */
GByteArray *
_sc_vault_canon_person (sqlite3  *db,
                        gint64    person_id,
                        char    **out_label)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GByteArray *canon;

  if (out_label != NULL)
    *out_label = NULL;
  stmt = sc_vault_db_prepare (db, "SELECT id, name, role, added_at, removed_at FROM people "
                                  "WHERE id = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  canon = g_byte_array_new ();
  for (int i = 0; i < 5; i++)
    canon_add_column (canon, stmt, i);
  return canon;
}

gboolean
_sc_vault_sign_person (ScVault  *self,
                       gint64    person_id,
                       GError  **error)
{
  g_autoptr(GByteArray) canon = _sc_vault_canon_person (self->db, person_id, NULL);

  if (canon == NULL)
    {
      _sc_vault_set_not_found (error, "This person is not in the vault.");
      return FALSE;
    }
  return _sc_vault_sign_record (self, "person", person_id, canon, error);
}

/* SECURITY: whether the people rows are signed. The mark is a setting, so the signed
 * settings record covers it: HR cannot remove it to have forged rows signed on the
 * implementer's next open. A vault from before has its rows signed (as they are) on the
 * implementer's first open (_sc_vault_sign_people_once(); one with no signatures at all
 * gets them, these included, from _sc_vault_upgrade_to_signatures()). */
#define PEOPLE_SIGNED_KEY "people.signed"

static gboolean
people_signed (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sc_vault_schema_get_version (db) < SC_VAULT_SCHEMA_PEOPLE)
    return FALSE;
  stmt = sc_vault_db_prepare (db, "SELECT 1 FROM settings WHERE key = '" PEOPLE_SIGNED_KEY
                                  "'", NULL);
  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW;
}

static gboolean
mark_people_signed (ScVault  *self,
                    GError  **error)
{
  if (sc_vault_schema_get_version (self->db) < SC_VAULT_SCHEMA_PEOPLE)
    return TRUE;
  return sc_vault_db_exec (self->db, "INSERT OR IGNORE INTO settings (key, value) "
                                     "VALUES ('" PEOPLE_SIGNED_KEY "', '1')", error);
}

gboolean
_sc_vault_sign_people_once (ScVault   *self,
                            gboolean  *out_signed,
                            GError   **error)
{
  *out_signed = FALSE;
  if (self->sign_sk == NULL || sc_vault_schema_get_version (self->db) < SC_VAULT_SCHEMA_PEOPLE
      || people_signed (self->db) || !_sc_vault_has_signatures (self))
    return TRUE;
  if (!sc_vault_db_begin (self->db, error))
    return FALSE;
  if (!_sc_vault_sign_all (self, error) || !sc_vault_db_commit (self->db, error))
    {
      sc_vault_db_rollback (self->db);
      return FALSE;
    }
  *out_signed = TRUE;
  return TRUE;
}

/* Row ids of @sql's first column. */
static GArray *
collect_ids (sqlite3     *db,
             const char  *sql,
             const char  *kind,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = sc_vault_db_prepare (db, sql, error);
  GArray *ids;

  if (stmt == NULL)
    return NULL;
  if (kind != NULL)
    sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  return ids;
}

#define ROUND_IDS_SQL "SELECT id FROM rounds ORDER BY id"
#define RECOMMENDATION_IDS_SQL \
  "SELECT submission_id FROM interviews WHERE recommendation_sealed IS NOT NULL " \
  "ORDER BY submission_id"
#define DECISION_IDS_SQL "SELECT submission_id FROM interview_decisions ORDER BY submission_id"
#define RELEASE_IDS_SQL "SELECT id FROM group_releases ORDER BY id"
#define PEOPLE_IDS_SQL "SELECT id FROM people ORDER BY id"
#define SIGNED_IDS_SQL "SELECT record_id FROM vault_signatures WHERE kind = ? ORDER BY record_id"

typedef GByteArray *(*CanonFunc) (sqlite3 *db, gint64 id, char **out_label);

static GByteArray *
canon_decision (sqlite3  *db,
                gint64    submission_id,
                char    **out_label)
{
  if (out_label != NULL)
    *out_label = NULL;
  return _sc_vault_canon_decision (db, submission_id);
}

/* Signs every row of @kind (its table exists from schema step @since). */
static gboolean
sign_kind (ScVault     *self,
           const char  *kind,
           const char  *ids_sql,
           int          since,
           CanonFunc    canon_func,
           GError     **error)
{
  g_autoptr(GArray) ids = NULL;

  if (sc_vault_schema_get_version (self->db) < since)
    return TRUE;
  ids = collect_ids (self->db, ids_sql, NULL, error);
  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(GByteArray) canon = canon_func (self->db, id, NULL);

      if (canon == NULL || !_sc_vault_sign_record (self, kind, id, canon, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_sc_vault_sign_all (ScVault  *self,
                    GError  **error)
{
  g_autoptr(GArray) rounds = NULL;
  g_autoptr(GArray) recommendations = NULL;
  g_autoptr(GByteArray) keys = _sc_vault_canon_keys (self);
  g_autoptr(GByteArray) settings = NULL;

  if (self->sign_sk == NULL || !signatures_table_exists (self->db))
    return TRUE;
  if (!mark_people_signed (self, error))
    return FALSE;
  rounds = collect_ids (self->db, ROUND_IDS_SQL, NULL, error);
  recommendations = collect_ids (self->db, RECOMMENDATION_IDS_SQL, NULL, error);
  settings = _sc_vault_canon_settings (self->db);
  if (rounds == NULL || recommendations == NULL || settings == NULL)
    return FALSE;
  if (!_sc_vault_sign_record (self, "keys", 0, keys, error)
      || !_sc_vault_sign_record (self, "settings", 0, settings, error))
    return FALSE;
  for (guint i = 0; i < rounds->len; i++)
    {
      gint64 id = g_array_index (rounds, gint64, i);
      g_autoptr(GByteArray) canon = _sc_vault_canon_round (self->db, id, NULL);

      if (canon == NULL || !_sc_vault_sign_record (self, "round", id, canon, error))
        return FALSE;
    }
  for (guint i = 0; i < recommendations->len; i++)
    {
      gint64 id = g_array_index (recommendations, gint64, i);
      g_autoptr(GByteArray) canon = _sc_vault_canon_recommendation (self->db, id);

      if (canon == NULL || !_sc_vault_sign_record (self, "recommendation", id, canon, error))
        return FALSE;
    }
  if (!sign_kind (self, "decision", DECISION_IDS_SQL, 4, canon_decision, error)
      || !sign_kind (self, "release", RELEASE_IDS_SQL, 6, _sc_vault_canon_release, error)
      || !sign_kind (self, "person", PEOPLE_IDS_SQL, SC_VAULT_SCHEMA_PEOPLE,
                     _sc_vault_canon_person, error))
    return FALSE;
  return _sc_vault_audit_sign_head (self, error);
}

/* Every signature of @kind belongs to a record still there. */
static gboolean
verify_none_removed (ScVault     *self,
                     const char  *kind,
                     GArray      *present,
                     const char  *what_before,
                     const char  *what_after,
                     GError     **error)
{
  g_autoptr(GArray) signed_ids = collect_ids (self->db, SIGNED_IDS_SQL, kind, error);

  if (signed_ids == NULL)
    return FALSE;
  for (guint i = 0; i < signed_ids->len; i++)
    {
      gint64 id = g_array_index (signed_ids, gint64, i);
      gboolean found = FALSE;

      for (guint j = 0; j < present->len && !found; j++)
        found = g_array_index (present, gint64, j) == id;
      if (!found)
        {
          g_autofree char *what = g_strdup_printf ("%s %ld %s", what_before, (long) id,
                                                   what_after);

          set_tampered (error, what);
          return FALSE;
        }
    }
  return TRUE;
}

/* Checks every row of @kind, and that no signed row of it was removed. A changed row is
 * named "@what_before “label” @what_after" (or with its id when it has no label). */
static gboolean
verify_kind (ScVault     *self,
             const char  *kind,
             const char  *ids_sql,
             int          since,
             CanonFunc    canon_func,
             const char  *what_before,
             const char  *what_after,
             GError     **error)
{
  g_autoptr(GArray) ids = NULL;

  if (sc_vault_schema_get_version (self->db) < since)
    return TRUE;
  ids = collect_ids (self->db, ids_sql, NULL, error);
  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autofree char *label = NULL;
      g_autofree char *what = NULL;
      g_autoptr(GByteArray) canon = canon_func (self->db, id, &label);

      if (label != NULL)
        what = g_strdup_printf ("%s “%s” %s", what_before, label, what_after);
      else
        what = g_strdup_printf ("%s %ld %s", what_before, (long) id, what_after);
      if (canon == NULL || !_sc_vault_verify_record (self, kind, id, canon, what, error))
        return FALSE;
    }
  return verify_none_removed (self, kind, ids, what_before,
                              "was removed outside the implementer's key", error);
}

gboolean
_sc_vault_verify_all (ScVault  *self,
                      GError  **error)
{
  g_autoptr(GArray) rounds = NULL;
  g_autoptr(GArray) recommendations = NULL;
  g_autoptr(GByteArray) keys = _sc_vault_canon_keys (self);
  g_autoptr(GByteArray) settings = NULL;

  g_assert (self->sign_sk != NULL);

  if (!_sc_vault_verify_record (self, "keys", 0, keys,
                                "the public keys were replaced outside the implementer's key",
                                error))
    return FALSE;
  settings = _sc_vault_canon_settings (self->db);
  if (settings == NULL
      || !_sc_vault_verify_record (self, "settings", 0, settings,
                                   "the settings were changed outside the implementer's key",
                                   error))
    return FALSE;

  rounds = collect_ids (self->db, ROUND_IDS_SQL, NULL, error);
  if (rounds == NULL)
    return FALSE;
  for (guint i = 0; i < rounds->len; i++)
    {
      gint64 id = g_array_index (rounds, gint64, i);
      g_autofree char *name = NULL;
      g_autofree char *what = NULL;
      g_autoptr(GByteArray) canon = _sc_vault_canon_round (self->db, id, &name);

      what = g_strdup_printf ("round “%s” (its criteria, thresholds or period) was changed "
                              "or added outside the implementer's key",
                              name != NULL ? name : "?");
      if (canon == NULL || !_sc_vault_verify_record (self, "round", id, canon, what, error))
        return FALSE;
    }
  if (!verify_none_removed (self, "round", rounds, "round",
                            "was removed outside the implementer's key", error))
    return FALSE;

  recommendations = collect_ids (self->db, RECOMMENDATION_IDS_SQL, NULL, error);
  if (recommendations == NULL)
    return FALSE;
  for (guint i = 0; i < recommendations->len; i++)
    {
      gint64 id = g_array_index (recommendations, gint64, i);
      g_autofree char *what = NULL;
      g_autoptr(GByteArray) canon = _sc_vault_canon_recommendation (self->db, id);

      what = g_strdup_printf ("the interview-need decision on submission %ld was changed "
                              "outside the implementer's key", (long) id);
      if (canon == NULL
          || !_sc_vault_verify_record (self, "recommendation", id, canon, what, error))
        return FALSE;
    }
  if (!verify_none_removed (self, "recommendation", recommendations,
                            "the interview-need decision on submission",
                            "was removed outside the implementer's key", error))
    return FALSE;
  if (!verify_kind (self, "decision", DECISION_IDS_SQL, 4, canon_decision,
                    "the interview-need decision (workspace) on submission",
                    "was changed or added outside the implementer's key", error))
    return FALSE;
  if (!verify_kind (self, "release", RELEASE_IDS_SQL, 6, _sc_vault_canon_release,
                    "the released group analysis",
                    "was changed or added outside the implementer's key", error))
    return FALSE;
  /* People (their names and roles), once signed. */
  if (!people_signed (self->db))
    return TRUE;
  return verify_kind (self, "person", PEOPLE_IDS_SQL, SC_VAULT_SCHEMA_PEOPLE,
                      _sc_vault_canon_person, "the person",
                      "(name, role or removal) was changed or added outside the "
                      "implementer's key", error);
}
