/* sc-vault-schema.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The vault's database schema as numbered migration steps. Each step runs in its own
 * transaction and ends by setting PRAGMA user_version to its number, so a vault is
 * always at exactly one step. A step, once released, is never edited: changes are
 * new steps.
 *
 * Personal data in clear columns (the roster) is readable by every role that opens
 * the database, which the law allows (HR keeps the roster). Anything about an
 * individual result is stored only as a crypto_box_seal() blob.
 */
#define G_LOG_DOMAIN "sc-vault"

#include "config.h"

#include "sc-vault-private.h"

static const char * const migrations[] = {
  /* 1: the first release */
  "CREATE TABLE vault_keys ("
  "  role TEXT PRIMARY KEY,"
  "  public_key BLOB NOT NULL"
  ");"
  "CREATE TABLE employees ("
  "  id INTEGER PRIMARY KEY,"
  "  number TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL,"
  "  kana TEXT,"
  "  sex INTEGER NOT NULL,"
  "  birth_date TEXT,"
  "  department TEXT,"
  "  job_type TEXT,"
  "  position TEXT,"
  "  employment_type TEXT,"
  "  active INTEGER NOT NULL DEFAULT 1"
  ");"
  "CREATE TABLE rounds ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  period_start TEXT,"
  "  period_end TEXT,"
  "  method INTEGER NOT NULL,"
  "  sum_b_min INTEGER NOT NULL,"
  "  sum_ac_min INTEGER NOT NULL,"
  "  sum_ac_b_min INTEGER NOT NULL,"
  "  conv_b_max INTEGER NOT NULL,"
  "  conv_ac_max INTEGER NOT NULL,"
  "  conv_ac_b_max INTEGER NOT NULL,"
  "  closed INTEGER NOT NULL DEFAULT 0,"
  "  created_at INTEGER NOT NULL"
  ");"
  "CREATE TABLE access_codes ("
  "  round_id INTEGER NOT NULL REFERENCES rounds (id),"
  "  employee_id INTEGER NOT NULL REFERENCES employees (id),"
  "  code_hash TEXT NOT NULL,"
  "  failures INTEGER NOT NULL DEFAULT 0,"
  "  locked_until INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (round_id, employee_id)"
  ");"
  /* Whether someone answered (受検の有無) is the row's existence; everything else about
   * the answers is in the sealed blobs. */
  "CREATE TABLE submissions ("
  "  id INTEGER PRIMARY KEY,"
  "  round_id INTEGER NOT NULL REFERENCES rounds (id),"
  "  employee_id INTEGER NOT NULL REFERENCES employees (id),"
  "  submitted_at INTEGER NOT NULL,"
  "  sealed_impl BLOB NOT NULL,"
  "  sealed_hr BLOB,"
  "  UNIQUE (round_id, employee_id)"
  ");"
  "CREATE TABLE consents ("
  "  submission_id INTEGER PRIMARY KEY REFERENCES submissions (id),"
  "  value INTEGER NOT NULL,"
  "  decided_at INTEGER NOT NULL"
  ");"
  "CREATE TABLE settings ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ");"
  "CREATE TABLE audit_log ("
  "  id INTEGER PRIMARY KEY,"
  "  time INTEGER NOT NULL,"
  "  role INTEGER NOT NULL,"
  "  action TEXT NOT NULL,"
  "  target INTEGER NOT NULL DEFAULT 0"
  ");"
  "PRAGMA user_version = 1;",

  /* 2: interviews and resumable partial answers */
  "CREATE TABLE interviews ("
  "  submission_id INTEGER PRIMARY KEY REFERENCES submissions (id),"
  "  recommendation_sealed BLOB,"
  "  requested_at INTEGER NOT NULL DEFAULT 0,"
  "  interview_date TEXT,"
  "  opinion_sealed_impl BLOB,"
  "  opinion_sealed_hr BLOB,"
  "  measures_sealed_impl BLOB,"
  "  measures_sealed_hr BLOB"
  ");"
  "CREATE TABLE partial_answers ("
  "  round_id INTEGER NOT NULL REFERENCES rounds (id),"
  "  employee_id INTEGER NOT NULL REFERENCES employees (id),"
  "  nonce BLOB NOT NULL,"
  "  ciphertext BLOB NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  PRIMARY KEY (round_id, employee_id)"
  ");"
  /* The salt of the key that protects partial answers: new with every access code. */
  "ALTER TABLE access_codes ADD COLUMN partial_salt BLOB;"
  "UPDATE access_codes SET partial_salt = randomblob (16);"
  "PRAGMA user_version = 2;",

  /* 3: a copy of a result that the employee can open again with their code and a PIN */
  "CREATE TABLE result_views ("
  "  round_id INTEGER NOT NULL REFERENCES rounds (id),"
  "  employee_id INTEGER NOT NULL REFERENCES employees (id),"
  "  nonce BLOB NOT NULL,"
  "  ciphertext BLOB NOT NULL,"
  "  created_at INTEGER NOT NULL,"
  "  PRIMARY KEY (round_id, employee_id)"
  ");"
  "PRAGMA user_version = 3;",

  /* 4: the workspace (sc-workspace.h): reminders, the interview-need decision with a
   * note, interview records, the measures HR records, and paper forms. Everything about
   * health is sealed; the clear columns hold what every staff role may know. */
  "CREATE TABLE reminders ("
  "  round_id INTEGER NOT NULL REFERENCES rounds (id),"
  "  employee_id INTEGER NOT NULL REFERENCES employees (id),"
  "  given_on TEXT NOT NULL,"
  "  recorded_at INTEGER NOT NULL,"
  "  PRIMARY KEY (round_id, employee_id)"
  ");"
  "CREATE TABLE interview_decisions ("
  "  submission_id INTEGER PRIMARY KEY REFERENCES submissions (id),"
  "  sealed BLOB NOT NULL"
  ");"
  "CREATE TABLE interview_records ("
  "  submission_id INTEGER PRIMARY KEY REFERENCES submissions (id),"
  "  sealed_impl BLOB NOT NULL,"
  "  sealed_hr BLOB,"
  "  updated_at INTEGER NOT NULL"
  ");"
  "CREATE TABLE interview_measures ("
  "  submission_id INTEGER PRIMARY KEY REFERENCES submissions (id),"
  "  sealed_impl BLOB NOT NULL,"
  "  sealed_hr BLOB NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"
  "CREATE TABLE paper_submissions ("
  "  submission_id INTEGER PRIMARY KEY REFERENCES submissions (id),"
  "  answered_on TEXT NOT NULL,"
  "  handed_over_on TEXT"
  ");"
  /* An interview request entered by staff from the paper 申出書, with its date. */
  "CREATE TABLE staff_requests ("
  "  submission_id INTEGER PRIMARY KEY REFERENCES submissions (id),"
  "  requested_on TEXT NOT NULL"
  ");"
  "PRAGMA user_version = 4;",

  /* 5: the implementer's signatures (sc-vault-sign.c) and the audit hash chain
   * (sc-vault-audit.c, which fills the chain for the entries already there) */
  "CREATE TABLE vault_signatures ("
  "  kind TEXT NOT NULL,"
  "  record_id INTEGER NOT NULL,"
  "  signature BLOB NOT NULL,"
  "  PRIMARY KEY (kind, record_id)"
  ");"
  "CREATE TABLE vault_meta ("
  "  key TEXT PRIMARY KEY,"
  "  value BLOB NOT NULL"
  ");"
  "ALTER TABLE audit_log ADD COLUMN prev_hash BLOB;"
  /* The employee's decisions, sealed to the implementer (sc-vault-submissions.c) */
  "ALTER TABLE submissions ADD COLUMN decision_sealed BLOB;"
  "PRAGMA user_version = 5;",

  /* 6: group analyses released to HR (sc-vault-releases.h). The snapshot is sealed to
   * HR's key; a withdrawn release keeps its row (date, who) and loses its snapshot. */
  "CREATE TABLE group_releases ("
  "  id INTEGER PRIMARY KEY,"
  "  round_id INTEGER NOT NULL REFERENCES rounds (id),"
  "  title TEXT NOT NULL,"
  "  released_by TEXT NOT NULL,"
  "  released_at INTEGER NOT NULL,"
  "  withdrawn_at INTEGER,"
  "  sealed BLOB"
  ");"
  "PRAGMA user_version = 6;",

  /* 7: named people (sc-vault-people.c): each key slot but the recovery key's carries
   * a person id, the row here; the audit log names the person (NULL for older rows
   * and for a slot without a person). A removed person keeps the row, so the log can
   * still name them. */
  "CREATE TABLE people ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  role TEXT NOT NULL,"
  "  added_at INTEGER NOT NULL,"
  "  removed_at INTEGER"
  ");"
  "ALTER TABLE audit_log ADD COLUMN person INTEGER;"
  "PRAGMA user_version = 7;",

  /* 8: a kept result's second copy, under a key from the PIN alone, so that next year's
   * visit (with another access code) can show it beside that year's result
   * (sc-vault-past-results.h). */
  "ALTER TABLE result_views ADD COLUMN pin_salt BLOB;"
  "ALTER TABLE result_views ADD COLUMN pin_nonce BLOB;"
  "ALTER TABLE result_views ADD COLUMN pin_ciphertext BLOB;"
  "PRAGMA user_version = 8;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == SC_VAULT_SCHEMA_VERSION);

void
sc_vault_db_set_error (sqlite3  *db,
                       GError  **error)
{
  int code = sqlite3_errcode (db);

  if (code == SQLITE_FULL || code == SQLITE_NOMEM || code == SQLITE_TOOBIG)
    g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NO_SPACE,
                 "There is not enough memory for the vault (%s).", sqlite3_errmsg (db));
  else if (code == SQLITE_CONSTRAINT)
    g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_EXISTS,
                 "This entry already exists (%s).", sqlite3_errmsg (db));
  else if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
    sc_vault_set_damaged (error);
  else
    g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_IO,
                 "The vault's database reported an error: %s.", sqlite3_errmsg (db));
}

gboolean
sc_vault_db_exec (sqlite3     *db,
                  const char  *sql,
                  GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      sc_vault_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
sc_vault_db_begin (sqlite3  *db,
                   GError  **error)
{
  return sc_vault_db_exec (db, "BEGIN IMMEDIATE", error);
}

gboolean
sc_vault_db_commit (sqlite3  *db,
                    GError  **error)
{
  if (!sc_vault_db_exec (db, "COMMIT", error))
    {
      sc_vault_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}

void
sc_vault_db_rollback (sqlite3 *db)
{
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
}

sqlite3_stmt *
sc_vault_db_prepare (sqlite3     *db,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      sc_vault_db_set_error (db, error);
      return NULL;
    }
  return stmt;
}

int
sc_vault_schema_get_version (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sc_vault_db_prepare (db, "PRAGMA user_version", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int (stmt, 0);
}

gboolean
sc_vault_schema_migrate (sqlite3  *db,
                         int       target,
                         GError  **error)
{
  int version = sc_vault_schema_get_version (db);

  g_return_val_if_fail (target >= 1 && target <= SC_VAULT_SCHEMA_VERSION, FALSE);

  if (version < 0)
    {
      sc_vault_set_damaged (error);
      return FALSE;
    }
  if (version > SC_VAULT_SCHEMA_VERSION)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NEWER_VERSION,
                           "This vault was saved by a newer version of Stress Check. "
                           "Update Stress Check to open it.");
      return FALSE;
    }

  for (int step = version + 1; step <= target; step++)
    {
      if (!sc_vault_db_begin (db, error))
        return FALSE;
      if (!sc_vault_db_exec (db, migrations[step - 1], error)
          || (step == SC_VAULT_SCHEMA_SIGNED && !_sc_vault_audit_chain_init (db, error)))
        {
          sc_vault_db_rollback (db);
          g_prefix_error (error, "Could not update the vault to the current version: ");
          return FALSE;
        }
      if (!sc_vault_db_commit (db, error))
        return FALSE;
    }
  return TRUE;
}

/* ---- Helpers for the store files --------------------------------------------------- */

gboolean
_sc_vault_step_done (sqlite3       *db,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sc_vault_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

void
_sc_vault_set_not_found (GError     **error,
                         const char  *what)
{
  g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND, "%s", what);
}

void
_sc_vault_bind_text_or_null (sqlite3_stmt *stmt,
                             int           index,
                             const char   *text)
{
  if (text != NULL && *text != '\0')
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

char *
_sc_vault_column_strdup (sqlite3_stmt *stmt,
                         int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}
