/* sc-vault-store.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store API on top of an unlocked ScVault. Every change is one BEGIN IMMEDIATE …
 * COMMIT followed by a durable save; nothing returns TRUE before the change is on disk.
 *
 * SECURITY: answers and results are crypto_box_seal()ed to the implementer's public key;
 * a copy without the answers is sealed to HR's public key only with consent or an
 * interview request. The sealed plaintext names the round and employee row it belongs
 * to, so that someone who can write the database cannot move a result to another person
 * unnoticed.
 */
#define G_LOG_DOMAIN "sc-vault"

#include "config.h"

#include "sc-vault-private.h"
#include "sc-access-code.h"
#include "sc-score-format.h"
#include "sc-secure.h"

#include <string.h>

#define SEALED_FORMAT 1
#define SEALED_FLAG_ANSWERS 1
/* format, flags, round id, employee id, sex, complete, raw, score, 2 areas, chart,
 * answers */
#define AREA_BYTES 8
#define RESULT_PLAIN_LEN (2 + 16 + 2 + 2 * SC_BJSQ_N_SCALES + 2 * AREA_BYTES \
                          + SC_N_CHART_SCALES + SC_BJSQ_N_ITEMS)
#define RESULT_SEALED_LEN (RESULT_PLAIN_LEN + crypto_box_SEALBYTES)

#define PARTIAL_AD_PREFIX "SCPARTIAL1"
#define PARTIAL_AD_LEN (sizeof PARTIAL_AD_PREFIX - 1 + 16)

/* After this many wrong codes in a row, each further attempt waits. */

static gint64
now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
put_i64 (guint8 *p,
         gint64  v)
{
  for (int i = 0; i < 8; i++)
    p[i] = (guint8) ((guint64) v >> (8 * i));
}

static gint64
get_i64 (const guint8 *p)
{
  guint64 v = 0;

  for (int i = 7; i >= 0; i--)
    v = (v << 8) | p[i];
  return (gint64) v;
}

static void
put_i16 (guint8 *p,
         int     v)
{
  p[0] = (guint8) ((guint) v & 0xff);
  p[1] = (guint8) (((guint) v >> 8) & 0xff);
}

static int
get_i16 (const guint8 *p)
{
  return (gint16) (guint16) (p[0] | (p[1] << 8));
}

static gboolean
step_done (sqlite3       *db,
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

static void
set_not_found (GError     **error,
               const char  *what)
{
  g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND, "%s", what);
}

static gboolean
lookup_employee_id (sqlite3     *db,
                    const char  *number,
                    gint64      *out_id,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sc_vault_db_prepare (db, "SELECT id FROM employees WHERE number = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_not_found (error, "There is no employee with this number.");
      return FALSE;
    }
  *out_id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
lookup_round (sqlite3     *db,
              gint64       round_id,
              ScCriteria  *criteria,
              gboolean    *closed,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sc_vault_db_prepare (db,
                              "SELECT method, sum_b_min, sum_ac_min, sum_ac_b_min, "
                              "conv_b_max, conv_ac_max, conv_ac_b_max, closed "
                              "FROM rounds WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_not_found (error, "This round of the stress check does not exist.");
      return FALSE;
    }
  if (criteria != NULL)
    {
      criteria->method = (ScMethod) sqlite3_column_int (stmt, 0);
      criteria->sum_b_min = sqlite3_column_int (stmt, 1);
      criteria->sum_ac_min = sqlite3_column_int (stmt, 2);
      criteria->sum_ac_b_min = sqlite3_column_int (stmt, 3);
      criteria->conv_b_max = sqlite3_column_int (stmt, 4);
      criteria->conv_ac_max = sqlite3_column_int (stmt, 5);
      criteria->conv_ac_b_max = sqlite3_column_int (stmt, 6);
    }
  if (closed != NULL)
    *closed = sqlite3_column_int (stmt, 7) != 0;
  return TRUE;
}

/* ---- Sealing --------------------------------------------------------------------- */

static void
put_area (guint8             *p,
          const ScAreaResult *area)
{
  put_i16 (p, area->a);
  put_i16 (p + 2, area->b);
  put_i16 (p + 4, area->c);
  p[6] = (guint8) area->verdict;
  p[7] = (guint8) area->criteria;
}

static gboolean
get_area (const guint8 *p,
          ScAreaResult *area)
{
  area->a = get_i16 (p);
  area->b = get_i16 (p + 2);
  area->c = get_i16 (p + 4);
  area->verdict = (ScVerdict) p[6];
  area->criteria = p[7];
  return p[6] <= SC_VERDICT_HIGH && p[7] <= (SC_CRITERION_A | SC_CRITERION_B);
}

/* SECURITY: serialises into @plain (RESULT_PLAIN_LEN bytes, wiped by the caller). */
static void
serialize_result (guint8          *plain,
                  gint64           round_id,
                  gint64           employee_id,
                  const ScResult  *result,
                  const guint8    *answers)
{
  guint8 *p = plain;

  memset (plain, 0, RESULT_PLAIN_LEN);
  *p++ = SEALED_FORMAT;
  *p++ = answers != NULL ? SEALED_FLAG_ANSWERS : 0;
  put_i64 (p, round_id);
  put_i64 (p + 8, employee_id);
  p += 16;
  *p++ = (guint8) result->sex;
  *p++ = result->complete ? 1 : 0;
  for (guint i = 0; i < SC_BJSQ_N_SCALES; i++)
    *p++ = (guint8) result->raw[i];
  for (guint i = 0; i < SC_BJSQ_N_SCALES; i++)
    *p++ = (guint8) result->score[i];
  put_area (p, &result->sum);
  put_area (p + AREA_BYTES, &result->conversion);
  p += 2 * AREA_BYTES;
  for (guint i = 0; i < SC_N_CHART_SCALES; i++)
    *p++ = (guint8) result->chart[i];
  if (answers != NULL)
    memcpy (p, answers, SC_BJSQ_N_ITEMS);
}

static gboolean
deserialize_result (const guint8   *plain,
                    gint64          round_id,
                    gint64          employee_id,
                    ScVaultResult  *out)
{
  const guint8 *p = plain;

  memset (out, 0, sizeof *out);
  if (p[0] != SEALED_FORMAT || (p[1] & ~SEALED_FLAG_ANSWERS) != 0)
    return FALSE;
  out->has_answers = (p[1] & SEALED_FLAG_ANSWERS) != 0;
  p += 2;
  if (get_i64 (p) != round_id || get_i64 (p + 8) != employee_id)
    return FALSE;
  p += 16;
  if (p[0] > SC_SEX_FEMALE || p[1] > 1)
    return FALSE;
  out->result.sex = (ScSex) *p++;
  out->result.complete = *p++ != 0;
  for (guint i = 0; i < SC_BJSQ_N_SCALES; i++)
    out->result.raw[i] = (gint8) *p++;
  for (guint i = 0; i < SC_BJSQ_N_SCALES; i++)
    out->result.score[i] = (gint8) *p++;
  if (!get_area (p, &out->result.sum) || !get_area (p + AREA_BYTES, &out->result.conversion))
    return FALSE;
  p += 2 * AREA_BYTES;
  for (guint i = 0; i < SC_N_CHART_SCALES; i++)
    out->result.chart[i] = (gint8) *p++;
  if (out->has_answers)
    memcpy (out->answers, p, SC_BJSQ_N_ITEMS);
  return TRUE;
}

static GBytes *
seal_result (const guint8    *pk,
             gint64           round_id,
             gint64           employee_id,
             const ScResult  *result,
             const guint8    *answers)
{
  guint8 plain[RESULT_PLAIN_LEN];
  guint8 *sealed = g_malloc (RESULT_SEALED_LEN);

  serialize_result (plain, round_id, employee_id, result, answers);
  crypto_box_seal (sealed, plain, sizeof plain, pk);
  sodium_memzero (plain, sizeof plain);
  return g_bytes_new_take (sealed, RESULT_SEALED_LEN);
}

/* SECURITY: opens a sealed result with a key pair; FALSE when the key is not the one it
 * was sealed to, or the blob was moved from another row. */
static gboolean
open_result (const void     *sealed,
             gsize           sealed_len,
             const guint8   *pk,
             const guint8   *sk,
             gint64          round_id,
             gint64          employee_id,
             ScVaultResult  *out)
{
  guint8 plain[RESULT_PLAIN_LEN];
  gboolean ok;

  if (sk == NULL || sealed == NULL || sealed_len != RESULT_SEALED_LEN)
    return FALSE;
  if (crypto_box_seal_open (plain, sealed, sealed_len, pk, sk) != 0)
    return FALSE;
  ok = deserialize_result (plain, round_id, employee_id, out);
  sodium_memzero (plain, sizeof plain);
  return ok;
}

/* ---- Employees ------------------------------------------------------------------ */

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text != NULL && *text != '\0')
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

static char *
column_strdup (sqlite3_stmt *stmt,
               int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

gboolean
sc_vault_upsert_employees (ScVault    *vault,
                           GPtrArray  *employees,
                           GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (employees != NULL, FALSE);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_STAFF, TRUE, error))
    return FALSE;
  db = sc_vault_get_db (vault);

  for (guint i = 0; i < employees->len; i++)
    {
      const ScEmployee *e = g_ptr_array_index (employees, i);

      if (e->number == NULL || *e->number == '\0' || e->name == NULL || *e->name == '\0')
        {
          g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,
                       "Entry %u of the roster has no employee number or no name.", i + 1);
          return FALSE;
        }
    }

  if (!sc_vault_begin (vault, error))
    return FALSE;
  stmt = sc_vault_db_prepare (db,
                              "INSERT INTO employees (number, name, kana, sex, birth_date, "
                              "department, job_type, position, employment_type, active) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
                              "ON CONFLICT (number) DO UPDATE SET name = ?2, kana = ?3, "
                              "sex = ?4, birth_date = ?5, department = ?6, job_type = ?7, "
                              "position = ?8, employment_type = ?9, active = ?10", error);
  if (stmt == NULL)
    goto fail;
  for (guint i = 0; i < employees->len; i++)
    {
      const ScEmployee *e = g_ptr_array_index (employees, i);

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, e->number, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, e->name, -1, SQLITE_STATIC);
      bind_text_or_null (stmt, 3, e->kana);
      sqlite3_bind_int (stmt, 4, e->sex);
      bind_text_or_null (stmt, 5, e->birth_date);
      bind_text_or_null (stmt, 6, e->department);
      bind_text_or_null (stmt, 7, e->job_type);
      bind_text_or_null (stmt, 8, e->position);
      bind_text_or_null (stmt, 9, e->employment_type);
      sqlite3_bind_int (stmt, 10, e->active ? 1 : 0);
      if (!step_done (db, stmt, error))
        goto fail;
    }
  if (!sc_vault_audit_insert (vault, "employees.upsert", employees->len, error))
    goto fail;
  return sc_vault_commit_and_save (vault, error);

fail:
  sc_vault_rollback (vault);
  return FALSE;
}

#define EMPLOYEE_COLUMNS \
  "number, name, kana, sex, birth_date, department, job_type, position, " \
  "employment_type, active"

static ScEmployee *
employee_from_row (sqlite3_stmt *stmt)
{
  ScEmployee *e = sc_employee_new ();

  e->number = column_strdup (stmt, 0);
  e->name = column_strdup (stmt, 1);
  e->kana = column_strdup (stmt, 2);
  e->sex = sqlite3_column_int (stmt, 3) == SC_SEX_FEMALE ? SC_SEX_FEMALE : SC_SEX_MALE;
  e->birth_date = column_strdup (stmt, 4);
  e->department = column_strdup (stmt, 5);
  e->job_type = column_strdup (stmt, 6);
  e->position = column_strdup (stmt, 7);
  e->employment_type = column_strdup (stmt, 8);
  e->active = sqlite3_column_int (stmt, 9) != 0;
  return e;
}

GPtrArray *
sc_vault_list_employees (ScVault  *vault,
                         GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_STAFF, FALSE, error))
    return NULL;
  stmt = sc_vault_db_prepare (sc_vault_get_db (vault),
                              "SELECT " EMPLOYEE_COLUMNS " FROM employees ORDER BY number",
                              error);
  if (stmt == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_employee_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (list, employee_from_row (stmt));
  return g_steal_pointer (&list);
}

ScEmployee *
sc_vault_lookup_employee (ScVault     *vault,
                          const char  *number,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_ANY, FALSE, error))
    return NULL;
  stmt = sc_vault_db_prepare (sc_vault_get_db (vault),
                              "SELECT " EMPLOYEE_COLUMNS " FROM employees WHERE number = ?",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_not_found (error, "There is no employee with this number.");
      return NULL;
    }
  return employee_from_row (stmt);
}

/* ---- Rounds ---------------------------------------------------------------------- */

void
sc_vault_round_free (ScVaultRound *round)
{
  if (round == NULL)
    return;
  g_free (round->name);
  g_free (round->period_start);
  g_free (round->period_end);
  g_free (round);
}

gint64
sc_vault_create_round (ScVault           *vault,
                       const char        *name,
                       const char        *period_start,
                       const char        *period_end,
                       const ScCriteria  *criteria,
                       GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ScCriteria defaults;
  sqlite3 *db;
  gint64 id;

  g_return_val_if_fail (SC_IS_VAULT (vault), 0);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_IMPLEMENTER), TRUE, error))
    return 0;
  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,
                           "Give the round a name.");
      return 0;
    }
  if (criteria == NULL)
    {
      sc_criteria_init_default (&defaults);
      criteria = &defaults;
    }
  if (!sc_criteria_validate (criteria, error))
    return 0;
  db = sc_vault_get_db (vault);

  if (!sc_vault_begin (vault, error))
    return 0;
  stmt = sc_vault_db_prepare (db,
                              "INSERT INTO rounds (name, period_start, period_end, method, "
                              "sum_b_min, sum_ac_min, sum_ac_b_min, conv_b_max, conv_ac_max, "
                              "conv_ac_b_max, created_at) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 2, period_start);
  bind_text_or_null (stmt, 3, period_end);
  sqlite3_bind_int (stmt, 4, criteria->method);
  sqlite3_bind_int (stmt, 5, criteria->sum_b_min);
  sqlite3_bind_int (stmt, 6, criteria->sum_ac_min);
  sqlite3_bind_int (stmt, 7, criteria->sum_ac_b_min);
  sqlite3_bind_int (stmt, 8, criteria->conv_b_max);
  sqlite3_bind_int (stmt, 9, criteria->conv_ac_max);
  sqlite3_bind_int (stmt, 10, criteria->conv_ac_b_max);
  sqlite3_bind_int64 (stmt, 11, now ());
  if (!step_done (db, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (db);
  if (!sc_vault_audit_insert (vault, "round.create", id, error))
    goto fail;
  if (!sc_vault_commit_and_save (vault, error))
    return 0;
  return id;

fail:
  sc_vault_rollback (vault);
  return 0;
}

gboolean
sc_vault_close_round (ScVault  *vault,
                      gint64    round_id,
                      GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_IMPLEMENTER), TRUE, error))
    return FALSE;
  db = sc_vault_get_db (vault);
  if (!lookup_round (db, round_id, NULL, NULL, error) || !sc_vault_begin (vault, error))
    return FALSE;
  stmt = sc_vault_db_prepare (db, "UPDATE rounds SET closed = 1 WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, round_id);
  if (!step_done (db, stmt, error) || !sc_vault_audit_insert (vault, "round.close", round_id, error))
    goto fail;
  return sc_vault_commit_and_save (vault, error);

fail:
  sc_vault_rollback (vault);
  return FALSE;
}

GPtrArray *
sc_vault_list_rounds (ScVault  *vault,
                      GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_ANY, FALSE, error))
    return NULL;
  stmt = sc_vault_db_prepare (sc_vault_get_db (vault),
                              "SELECT id, name, period_start, period_end, method, sum_b_min, "
                              "sum_ac_min, sum_ac_b_min, conv_b_max, conv_ac_max, "
                              "conv_ac_b_max, closed, created_at FROM rounds ORDER BY id",
                              error);
  if (stmt == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_vault_round_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      ScVaultRound *round = g_new0 (ScVaultRound, 1);

      round->id = sqlite3_column_int64 (stmt, 0);
      round->name = column_strdup (stmt, 1);
      round->period_start = column_strdup (stmt, 2);
      round->period_end = column_strdup (stmt, 3);
      round->criteria.method = (ScMethod) sqlite3_column_int (stmt, 4);
      round->criteria.sum_b_min = sqlite3_column_int (stmt, 5);
      round->criteria.sum_ac_min = sqlite3_column_int (stmt, 6);
      round->criteria.sum_ac_b_min = sqlite3_column_int (stmt, 7);
      round->criteria.conv_b_max = sqlite3_column_int (stmt, 8);
      round->criteria.conv_ac_max = sqlite3_column_int (stmt, 9);
      round->criteria.conv_ac_b_max = sqlite3_column_int (stmt, 10);
      round->closed = sqlite3_column_int (stmt, 11) != 0;
      round->created_at = sqlite3_column_int64 (stmt, 12);
      g_ptr_array_add (list, round);
    }
  return g_steal_pointer (&list);
}

/* ---- Access codes ------------------------------------------------------------------ */

gboolean
sc_vault_set_access_code_hash (ScVault     *vault,
                               gint64       round_id,
                               const char  *employee_number,
                               const char  *code_hash,
                               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) del = NULL;
  guint8 salt[crypto_pwhash_SALTBYTES];
  gint64 employee_id;
  sqlite3 *db;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (employee_number != NULL && code_hash != NULL, FALSE);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_STAFF, TRUE, error))
    return FALSE;
  db = sc_vault_get_db (vault);
  if (!lookup_round (db, round_id, NULL, NULL, error)
      || !lookup_employee_id (db, employee_number, &employee_id, error))
    return FALSE;

  randombytes_buf (salt, sizeof salt);
  if (!sc_vault_begin (vault, error))
    return FALSE;
  stmt = sc_vault_db_prepare (db,
                              "INSERT OR REPLACE INTO access_codes (round_id, employee_id, "
                              "code_hash, failures, locked_until, partial_salt) "
                              "VALUES (?, ?, ?, 0, 0, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int64 (stmt, 2, employee_id);
  sqlite3_bind_text (stmt, 3, code_hash, -1, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 4, salt, sizeof salt, SQLITE_STATIC);
  if (!step_done (db, stmt, error))
    goto fail;
  /* Answers kept under the old code could not be opened with the new one. */
  del = sc_vault_db_prepare (db, "DELETE FROM partial_answers "
                                 "WHERE round_id = ? AND employee_id = ?", error);
  if (del == NULL)
    goto fail;
  sqlite3_bind_int64 (del, 1, round_id);
  sqlite3_bind_int64 (del, 2, employee_id);
  if (!step_done (db, del, error)
      || !sc_vault_audit_insert (vault, "access_code.set", employee_id, error))
    goto fail;
  return sc_vault_commit_and_save (vault, error);

fail:
  sc_vault_rollback (vault);
  return FALSE;
}

static void
set_access_denied (GError **error)
{
  g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_ACCESS_DENIED,
                       "The employee number or the access code is not right. Check the "
                       "slip and try again.");
}

gboolean
sc_vault_issue_access_codes (ScVault    *vault,
                             gint64      round_id,
                             GPtrArray  *employees,
                             GString    *out_csv,
                             GError    **error)
{
  guint64 opslimit;
  gsize memlimit;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (employees != NULL && out_csv != NULL, FALSE);

  sc_vault_code_limits_for_new_codes (&opslimit, &memlimit);
  for (guint i = 0; i < employees->len; i++)
    {
      const ScEmployee *e = g_ptr_array_index (employees, i);
      char code[SC_ACCESS_CODE_SIZE];
      g_autofree char *hash = NULL;
      gboolean stored;

      if (!e->active)
        continue;
      if (!sc_access_code_generate (code, error))
        return FALSE;
      hash = sc_access_code_hash (code, opslimit, memlimit, error);
      stored = hash != NULL
               && sc_vault_set_access_code_hash (vault, round_id, e->number, hash, error);
      if (stored)
        {
          sc_csv_append_field (out_csv, e->number, -1);
          g_string_append_c (out_csv, ',');
          sc_csv_append_field (out_csv, e->name, -1);
          g_string_append_printf (out_csv, ",%s\n", code);
        }
      /* SECURITY: the code leaves only through @out_csv. */
      sodium_memzero (code, sizeof code);
      if (!stored)
        return FALSE;
    }
  return TRUE;
}

/* SECURITY: an unknown employee number must cost as much time as a wrong code, or the
 * kiosk would reveal who is on the roster. Any stored hash of the round serves as the
 * decoy: the typed code is checked against it and the answer ignored. */
static void
spend_decoy_check (sqlite3              *db,
                   gint64                round_id,
                   ScVaultCodeCheckFunc  check,
                   gpointer              user_data)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sc_vault_db_prepare (db, "SELECT code_hash FROM access_codes WHERE round_id = ? "
                                  "LIMIT 1", NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, round_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *decoy = column_strdup (stmt, 0);

      (void) check (decoy, user_data);
    }
}

/* The lock-out state (and optionally the hash) of an employee's access code. Returns FALSE
 * with @error unset when no code was issued, and with @error set on a database failure. */
static gboolean
read_throttle (sqlite3           *db,
               gint64             round_id,
               gint64             employee_id,
               ScAccessThrottle  *throttle,
               char             **out_hash,
               GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sc_vault_db_prepare (db, "SELECT code_hash, failures, locked_until FROM access_codes "
                                  "WHERE round_id = ? AND employee_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int64 (stmt, 2, employee_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  if (out_hash != NULL)
    *out_hash = column_strdup (stmt, 0);
  throttle->failures = (guint) sqlite3_column_int (stmt, 1);
  throttle->locked_until = sqlite3_column_int64 (stmt, 2);
  return TRUE;
}

/* THROTTLED, with the wait in words, when the lock-out forbids an attempt now. */
static gboolean
throttle_allows (const ScAccessThrottle  *throttle,
                 GError                 **error)
{
  gint64 retry_after;
  gint64 minutes;

  /* The lock-out policy is sc-access-code's: 5 free tries, then waits that grow. */
  if (sc_access_throttle_check (throttle, now (), &retry_after))
    return TRUE;
  minutes = (retry_after + 59) / 60;
  g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_THROTTLED,
               g_dngettext (GETTEXT_PACKAGE,
                            "Too many wrong codes. Try again in %d minute, or ask the staff.",
                            "Too many wrong codes. Try again in %d minutes, or ask the staff.",
                            (gulong) minutes),
               (int) minutes);
  return FALSE;
}

/* Records an attempt in the lock-out state, durably; a failure is also audited as
 * @fail_action. Nothing is written after a success that follows no failure. */
static gboolean
record_attempt (ScVault          *vault,
                gint64            round_id,
                gint64            employee_id,
                ScAccessThrottle *throttle,
                gboolean          success,
                const char       *fail_action,
                GError          **error)
{
  g_autoptr(sqlite3_stmt) update = NULL;
  sqlite3 *db = sc_vault_get_db (vault);

  if (success && throttle->failures == 0)
    return TRUE;
  sc_access_throttle_record (throttle, success, now ());

  if (!sc_vault_begin (vault, error))
    return FALSE;
  update = sc_vault_db_prepare (db, "UPDATE access_codes SET failures = ?, locked_until = ? "
                                    "WHERE round_id = ? AND employee_id = ?", error);
  if (update == NULL)
    goto fail;
  sqlite3_bind_int (update, 1, (int) throttle->failures);
  sqlite3_bind_int64 (update, 2, throttle->locked_until);
  sqlite3_bind_int64 (update, 3, round_id);
  sqlite3_bind_int64 (update, 4, employee_id);
  if (!step_done (db, update, error)
      || (!success && !sc_vault_audit_insert (vault, fail_action, employee_id, error)))
    goto fail;
  return sc_vault_commit_and_save (vault, error);

fail:
  sc_vault_rollback (vault);
  return FALSE;
}

gboolean
sc_vault_check_access_code (ScVault              *vault,
                            gint64                round_id,
                            const char           *employee_number,
                            ScVaultCodeCheckFunc  check,
                            gpointer              user_data,
                            GError              **error)
{
  g_autofree char *hash = NULL;
  g_autoptr(GError) local_error = NULL;
  ScAccessThrottle throttle = { 0, 0 };
  gint64 employee_id;
  gboolean match;
  sqlite3 *db;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (employee_number != NULL && check != NULL, FALSE);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_ANY, TRUE, error))
    return FALSE;
  db = sc_vault_get_db (vault);
  if (!lookup_employee_id (db, employee_number, &employee_id, NULL)
      || !read_throttle (db, round_id, employee_id, &throttle, &hash, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      spend_decoy_check (db, round_id, check, user_data);
      set_access_denied (error);
      return FALSE;
    }

  if (!throttle_allows (&throttle, error))
    return FALSE;
  match = check (hash, user_data);
  if (!record_attempt (vault, round_id, employee_id, &throttle, match, "access_code.fail", error))
    return FALSE;
  if (!match)
    {
      set_access_denied (error);
      return FALSE;
    }
  return TRUE;
}

/* ---- Submissions --------------------------------------------------------------------- */

void
sc_vault_submission_free (ScVaultSubmission *submission)
{
  if (submission == NULL)
    return;
  g_free (submission->employee_number);
  g_free (submission);
}

gint64
sc_vault_submit (ScVault       *vault,
                 gint64         round_id,
                 const char    *employee_number,
                 const guint8   answers[SC_BJSQ_N_ITEMS],
                 ScSex          sex,
                 ScResult      *out_result,
                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) del = NULL;
  g_autoptr(GBytes) sealed_impl = NULL;
  g_autoptr(GBytes) sealed_hr = NULL;
  ScCriteria criteria;
  ScResult result;
  gboolean closed;
  gint64 employee_id, id;
  sqlite3 *db;

  g_return_val_if_fail (SC_IS_VAULT (vault), 0);
  g_return_val_if_fail (employee_number != NULL && answers != NULL, 0);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_KIOSK)
                                   | SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_IMPLEMENTER),
                            TRUE, error))
    return 0;
  db = sc_vault_get_db (vault);
  if (!lookup_round (db, round_id, &criteria, &closed, error)
      || !lookup_employee_id (db, employee_number, &employee_id, error))
    return 0;
  if (closed)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION,
                           "This round of the stress check is closed.");
      return 0;
    }

  sc_score (answers, sex, &criteria, &result);
  sealed_impl = seal_result (sc_vault_get_public_key (vault, SC_VAULT_ROLE_IMPLEMENTER),
                             round_id, employee_id, &result, answers);
  sealed_hr = seal_result (sc_vault_get_public_key (vault, SC_VAULT_ROLE_HR),
                           round_id, employee_id, &result, NULL);

  if (!sc_vault_begin (vault, error))
    return 0;
  stmt = sc_vault_db_prepare (db, "INSERT INTO submissions (round_id, employee_id, "
                                  "submitted_at, sealed_impl) VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int64 (stmt, 2, employee_id);
  sqlite3_bind_int64 (stmt, 3, now ());
  sqlite3_bind_blob (stmt, 4, g_bytes_get_data (sealed_impl, NULL),
                     (int) g_bytes_get_size (sealed_impl), SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_errcode (db) == SQLITE_CONSTRAINT)
        g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_EXISTS,
                             "This employee has already answered in this round.");
      else
        sc_vault_db_set_error (db, error);
      goto fail;
    }
  id = sqlite3_last_insert_rowid (db);
  del = sc_vault_db_prepare (db, "DELETE FROM partial_answers "
                                 "WHERE round_id = ? AND employee_id = ?", error);
  if (del == NULL)
    goto fail;
  sqlite3_bind_int64 (del, 1, round_id);
  sqlite3_bind_int64 (del, 2, employee_id);
  if (!step_done (db, del, error) || !sc_vault_audit_insert (vault, "submission.add", id, error))
    goto fail;
  if (!sc_vault_commit_and_save (vault, error))
    return 0;

  /* The kiosk serves one person at a time: only the latest HR copy is kept. */
  sc_vault_clear_pending_hr_seals (vault);
  sc_vault_keep_pending_hr_seal (vault, id, sealed_hr);
  if (out_result != NULL)
    *out_result = result;
  sodium_memzero (&result, sizeof result);
  return id;

fail:
  sc_vault_rollback (vault);
  sodium_memzero (&result, sizeof result);
  return 0;
}

/* Looks up a submission's round, employee and whether HR already has a copy. */
static gboolean
lookup_submission (sqlite3   *db,
                   gint64     submission_id,
                   gint64    *out_round_id,
                   gint64    *out_employee_id,
                   gboolean  *out_has_hr,
                   GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sc_vault_db_prepare (db, "SELECT round_id, employee_id, sealed_hr IS NOT NULL "
                                  "FROM submissions WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, submission_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_not_found (error, "This answer sheet does not exist.");
      return FALSE;
    }
  *out_round_id = sqlite3_column_int64 (stmt, 0);
  *out_employee_id = sqlite3_column_int64 (stmt, 1);
  *out_has_hr = sqlite3_column_int (stmt, 2) != 0;
  return TRUE;
}

/* The implementer's decrypted view of a submission. */
static gboolean
open_as_implementer (ScVault        *vault,
                     gint64          submission_id,
                     gint64          round_id,
                     gint64          employee_id,
                     ScVaultResult  *out,
                     GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sc_vault_db_prepare (sc_vault_get_db (vault),
                              "SELECT sealed_impl FROM submissions WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, submission_id);
  if (sqlite3_step (stmt) != SQLITE_ROW
      || !open_result (sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0),
                       sc_vault_get_public_key (vault, SC_VAULT_ROLE_IMPLEMENTER),
                       sc_vault_get_secret_key (vault, SC_VAULT_ROLE_IMPLEMENTER),
                       round_id, employee_id, out))
    {
      sc_vault_set_damaged (error);
      return FALSE;
    }
  return TRUE;
}

/* The copy for HR: the one kept since the kiosk submission, or re-sealed by the
 * implementer from the full result. */
static GBytes *
hr_copy_for (ScVault  *vault,
             gint64    submission_id,
             gint64    round_id,
             gint64    employee_id,
             GError  **error)
{
  GBytes *sealed = sc_vault_take_pending_hr_seal (vault, submission_id);
  ScVaultResult full;

  if (sealed != NULL)
    return sealed;
  if (sc_vault_get_role (vault) != SC_VAULT_ROLE_IMPLEMENTER)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION,
                           "A result can be shared with the employer later only by the "
                           "implementer (実施者).");
      return NULL;
    }
  if (!open_as_implementer (vault, submission_id, round_id, employee_id, &full, error))
    return NULL;
  sealed = seal_result (sc_vault_get_public_key (vault, SC_VAULT_ROLE_HR),
                        round_id, employee_id, &full.result, NULL);
  sodium_memzero (&full, sizeof full);
  return sealed;
}

static gboolean
set_sealed_hr (sqlite3  *db,
               gint64    submission_id,
               GBytes   *sealed,
               GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sc_vault_db_prepare (db, "UPDATE submissions SET sealed_hr = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  if (sealed != NULL)
    sqlite3_bind_blob (stmt, 1, g_bytes_get_data (sealed, NULL),
                       (int) g_bytes_get_size (sealed), SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_int64 (stmt, 2, submission_id);
  return step_done (db, stmt, error);
}

static gint64
interview_requested_at (sqlite3 *db,
                        gint64   submission_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sc_vault_db_prepare (db, "SELECT requested_at FROM interviews "
                                  "WHERE submission_id = ?", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, submission_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

gboolean
sc_vault_record_consent (ScVault   *vault,
                         gint64     submission_id,
                         gboolean   consent,
                         GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GBytes) sealed = NULL;
  gint64 round_id, employee_id;
  gboolean has_hr;
  sqlite3 *db;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_ANY, TRUE, error))
    return FALSE;
  db = sc_vault_get_db (vault);
  if (!lookup_submission (db, submission_id, &round_id, &employee_id, &has_hr, error))
    return FALSE;
  if (consent && !has_hr)
    {
      sealed = hr_copy_for (vault, submission_id, round_id, employee_id, error);
      if (sealed == NULL)
        return FALSE;
    }

  if (!sc_vault_begin (vault, error))
    return FALSE;
  stmt = sc_vault_db_prepare (db, "INSERT OR REPLACE INTO consents (submission_id, value, "
                                  "decided_at) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, submission_id);
  sqlite3_bind_int (stmt, 2, consent ? SC_VAULT_CONSENT_YES : SC_VAULT_CONSENT_NO);
  sqlite3_bind_int64 (stmt, 3, now ());
  if (!step_done (db, stmt, error))
    goto fail;
  if (sealed != NULL && !set_sealed_hr (db, submission_id, sealed, error))
    goto fail;
  /* Withdrawn consent removes HR's copy, unless an interview was requested (which the
   * employee was told counts as consent). */
  if (!consent && has_hr && interview_requested_at (db, submission_id) == 0
      && !set_sealed_hr (db, submission_id, NULL, error))
    goto fail;
  if (!sc_vault_audit_insert (vault, consent ? "consent.yes" : "consent.no", submission_id,
                              error))
    goto fail;
  return sc_vault_commit_and_save (vault, error);

fail:
  sc_vault_rollback (vault);
  /* The copy was not used: keep it for another attempt. */
  if (sealed != NULL && sc_vault_get_role (vault) == SC_VAULT_ROLE_KIOSK)
    sc_vault_keep_pending_hr_seal (vault, submission_id, sealed);
  return FALSE;
}

gboolean
sc_vault_request_interview (ScVault  *vault,
                            gint64    submission_id,
                            GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GBytes) sealed = NULL;
  gint64 round_id, employee_id;
  gboolean has_hr;
  sqlite3 *db;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_ANY, TRUE, error))
    return FALSE;
  db = sc_vault_get_db (vault);
  if (!lookup_submission (db, submission_id, &round_id, &employee_id, &has_hr, error))
    return FALSE;
  if (!has_hr)
    {
      sealed = hr_copy_for (vault, submission_id, round_id, employee_id, error);
      if (sealed == NULL)
        return FALSE;
    }

  if (!sc_vault_begin (vault, error))
    return FALSE;
  stmt = sc_vault_db_prepare (db, "INSERT INTO interviews (submission_id, requested_at) "
                                  "VALUES (?1, ?2) ON CONFLICT (submission_id) "
                                  "DO UPDATE SET requested_at = ?2", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, submission_id);
  sqlite3_bind_int64 (stmt, 2, now ());
  if (!step_done (db, stmt, error)
      || (sealed != NULL && !set_sealed_hr (db, submission_id, sealed, error))
      || !sc_vault_audit_insert (vault, "interview.request", submission_id, error))
    goto fail;
  return sc_vault_commit_and_save (vault, error);

fail:
  sc_vault_rollback (vault);
  if (sealed != NULL && sc_vault_get_role (vault) == SC_VAULT_ROLE_KIOSK)
    sc_vault_keep_pending_hr_seal (vault, submission_id, sealed);
  return FALSE;
}

/* Recommendation plaintext: format, recommended, submission id, time, decided_by. */
#define RECOMMENDATION_FIXED 18

gboolean
sc_vault_recommend_interview (ScVault     *vault,
                              gint64       submission_id,
                              gboolean     recommended,
                              const char  *decided_by,
                              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree guint8 *plain = NULL;
  g_autofree guint8 *sealed = NULL;
  gint64 round_id, employee_id;
  gboolean has_hr;
  gsize by_len, plain_len;
  sqlite3 *db;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_IMPLEMENTER), TRUE, error))
    return FALSE;
  if (decided_by == NULL || *decided_by == '\0' || !g_utf8_validate (decided_by, -1, NULL)
      || strlen (decided_by) > 1000)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,
                           "Give the name of the person who made this decision.");
      return FALSE;
    }
  db = sc_vault_get_db (vault);
  if (!lookup_submission (db, submission_id, &round_id, &employee_id, &has_hr, error))
    return FALSE;

  by_len = strlen (decided_by);
  plain_len = RECOMMENDATION_FIXED + by_len;
  plain = g_malloc (plain_len);
  plain[0] = 1;
  plain[1] = recommended ? 1 : 0;
  put_i64 (plain + 2, submission_id);
  put_i64 (plain + 10, now ());
  memcpy (plain + RECOMMENDATION_FIXED, decided_by, by_len);
  sealed = g_malloc (plain_len + crypto_box_SEALBYTES);
  crypto_box_seal (sealed, plain, plain_len,
                   sc_vault_get_public_key (vault, SC_VAULT_ROLE_IMPLEMENTER));
  sodium_memzero (plain, plain_len);

  if (!sc_vault_begin (vault, error))
    return FALSE;
  stmt = sc_vault_db_prepare (db, "INSERT INTO interviews (submission_id, "
                                  "recommendation_sealed) VALUES (?1, ?2) "
                                  "ON CONFLICT (submission_id) "
                                  "DO UPDATE SET recommendation_sealed = ?2", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, submission_id);
  sqlite3_bind_blob (stmt, 2, sealed, (int) (plain_len + crypto_box_SEALBYTES),
                     SQLITE_STATIC);
  if (!step_done (db, stmt, error)
      || !sc_vault_audit_insert (vault, "interview.recommend", submission_id, error))
    goto fail;
  return sc_vault_commit_and_save (vault, error);

fail:
  sc_vault_rollback (vault);
  return FALSE;
}

gboolean
sc_vault_get_recommendation (ScVault   *vault,
                             gint64     submission_id,
                             gboolean  *out_recommended,
                             char     **out_decided_by,
                             gint64    *out_decided_at,
                             GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree guint8 *plain = NULL;
  const guint8 *sealed;
  gsize sealed_len, plain_len;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_IMPLEMENTER), FALSE, error))
    return FALSE;
  stmt = sc_vault_db_prepare (sc_vault_get_db (vault),
                              "SELECT recommendation_sealed FROM interviews "
                              "WHERE submission_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, submission_id);
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    {
      set_not_found (error, "No decision about an interview was made yet.");
      return FALSE;
    }
  sealed = sqlite3_column_blob (stmt, 0);
  sealed_len = (gsize) sqlite3_column_bytes (stmt, 0);
  if (sealed_len < crypto_box_SEALBYTES + RECOMMENDATION_FIXED)
    goto damaged;
  plain_len = sealed_len - crypto_box_SEALBYTES;
  plain = g_malloc (plain_len + 1);
  if (crypto_box_seal_open (plain, sealed, sealed_len,
                            sc_vault_get_public_key (vault, SC_VAULT_ROLE_IMPLEMENTER),
                            sc_vault_get_secret_key (vault, SC_VAULT_ROLE_IMPLEMENTER)) != 0
      || plain[0] != 1 || plain[1] > 1 || get_i64 (plain + 2) != submission_id)
    goto damaged;
  plain[plain_len] = '\0';
  if (!g_utf8_validate ((const char *) plain + RECOMMENDATION_FIXED, -1, NULL))
    goto damaged;
  if (out_recommended != NULL)
    *out_recommended = plain[1] != 0;
  if (out_decided_at != NULL)
    *out_decided_at = get_i64 (plain + 10);
  if (out_decided_by != NULL)
    *out_decided_by = g_strdup ((const char *) plain + RECOMMENDATION_FIXED);
  return TRUE;

damaged:
  sc_vault_set_damaged (error);
  return FALSE;
}

gboolean
sc_vault_read_result (ScVault        *vault,
                      gint64          submission_id,
                      ScVaultResult  *out_result,
                      GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 round_id, employee_id;
  gboolean has_hr;
  ScVaultRole role;
  sqlite3 *db;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (out_result != NULL, FALSE);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_STAFF, FALSE, error))
    return FALSE;
  db = sc_vault_get_db (vault);
  role = sc_vault_get_role (vault);
  if (!lookup_submission (db, submission_id, &round_id, &employee_id, &has_hr, error))
    return FALSE;

  if (role == SC_VAULT_ROLE_IMPLEMENTER)
    {
      if (!open_as_implementer (vault, submission_id, round_id, employee_id, out_result,
                                error))
        return FALSE;
    }
  else
    {
      if (!has_hr)
        {
          g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION,
                               "This employee has not agreed to share the result with the "
                               "employer.");
          return FALSE;
        }
      stmt = sc_vault_db_prepare (db, "SELECT sealed_hr FROM submissions WHERE id = ?",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, submission_id);
      if (sqlite3_step (stmt) != SQLITE_ROW
          || !open_result (sqlite3_column_blob (stmt, 0),
                           (gsize) sqlite3_column_bytes (stmt, 0),
                           sc_vault_get_public_key (vault, SC_VAULT_ROLE_HR),
                           sc_vault_get_secret_key (vault, SC_VAULT_ROLE_HR),
                           round_id, employee_id, out_result))
        {
          sc_vault_set_damaged (error);
          return FALSE;
        }
    }

  /* Reads are audited without a save of their own; the next save or close writes them. */
  if (!sc_vault_is_read_only (vault)
      && sc_vault_audit_insert (vault, "result.read", submission_id, NULL))
    sc_vault_mark_dirty (vault);
  return TRUE;
}

GPtrArray *
sc_vault_list_submissions (ScVault  *vault,
                           gint64    round_id,
                           GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_STAFF, FALSE, error))
    return NULL;
  stmt = sc_vault_db_prepare (sc_vault_get_db (vault),
                              "SELECT s.id, s.round_id, e.number, s.submitted_at, c.value, "
                              "i.requested_at, s.sealed_hr IS NOT NULL "
                              "FROM submissions s JOIN employees e ON e.id = s.employee_id "
                              "LEFT JOIN consents c ON c.submission_id = s.id "
                              "LEFT JOIN interviews i ON i.submission_id = s.id "
                              "WHERE ?1 = 0 OR s.round_id = ?1 ORDER BY s.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, round_id);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_vault_submission_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      ScVaultSubmission *s = g_new0 (ScVaultSubmission, 1);

      s->id = sqlite3_column_int64 (stmt, 0);
      s->round_id = sqlite3_column_int64 (stmt, 1);
      s->employee_number = column_strdup (stmt, 2);
      s->submitted_at = sqlite3_column_int64 (stmt, 3);
      if (sqlite3_column_type (stmt, 4) == SQLITE_NULL)
        s->consent = SC_VAULT_CONSENT_UNDECIDED;
      else
        s->consent = sqlite3_column_int (stmt, 4) == SC_VAULT_CONSENT_YES
                     ? SC_VAULT_CONSENT_YES : SC_VAULT_CONSENT_NO;
      s->interview_requested_at = sqlite3_column_int64 (stmt, 5);
      s->shared_with_hr = sqlite3_column_int (stmt, 6) != 0;
      g_ptr_array_add (list, s);
    }
  return g_steal_pointer (&list);
}

/* ---- Partial answers ------------------------------------------------------------- */

static void
partial_ad (guint8  ad[PARTIAL_AD_LEN],
            gint64  round_id,
            gint64  employee_id)
{
  memcpy (ad, PARTIAL_AD_PREFIX, sizeof PARTIAL_AD_PREFIX - 1);
  put_i64 (ad + sizeof PARTIAL_AD_PREFIX - 1, round_id);
  put_i64 (ad + sizeof PARTIAL_AD_PREFIX - 1 + 8, employee_id);
}

guint8 *
sc_vault_derive_partial_key (ScVault     *vault,
                             gint64       round_id,
                             const char  *employee_number,
                             const char  *access_code,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ScVaultKdfLimits limits;
  gint64 employee_id;
  guint8 *key;
  sqlite3 *db;
  int r;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);
  g_return_val_if_fail (employee_number != NULL && access_code != NULL, NULL);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_ANY, FALSE, error))
    return NULL;
  db = sc_vault_get_db (vault);
  if (!lookup_employee_id (db, employee_number, &employee_id, error))
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
      set_not_found (error, "No access code was issued to this employee for this round.");
      return NULL;
    }

  key = sc_secure_alloc (SC_VAULT_PARTIAL_KEY_BYTES);
  if (key == NULL)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_IO,
                           "There is not enough protected memory.");
      return NULL;
    }
  sc_vault_get_partial_limits (vault, &limits);
  /* SECURITY: the key comes only from the code on the employee's slip, so nobody with
   * the vault's keys alone can read unfinished answers. */
  r = crypto_pwhash (key, SC_VAULT_PARTIAL_KEY_BYTES, access_code, strlen (access_code),
                     sqlite3_column_blob (stmt, 0), limits.opslimit, limits.memlimit,
                     crypto_pwhash_ALG_ARGON2ID13);
  if (r != 0)
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
  if (!lookup_round (db, round_id, NULL, NULL, error)
      || !lookup_employee_id (db, employee_number, &employee_id, error))
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
  sqlite3_bind_int64 (stmt, 5, now ());
  if (!step_done (db, stmt, error))
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
  if (!lookup_employee_id (db, employee_number, &employee_id, error))
    return FALSE;
  stmt = sc_vault_db_prepare (db, "SELECT nonce, ciphertext FROM partial_answers "
                                  "WHERE round_id = ? AND employee_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int64 (stmt, 2, employee_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_not_found (error, "No unfinished answers are kept for this employee.");
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
#define VIEW_PLAIN_LEN (SC_BJSQ_N_ITEMS + 1)

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
  put_i64 (ad + sizeof VIEW_AD_PREFIX - 1, round_id);
  put_i64 (ad + sizeof VIEW_AD_PREFIX - 1 + 8, employee_id);
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
  if (!lookup_round (db, round_id, NULL, NULL, error)
      || !lookup_employee_id (db, employee_number, &employee_id, error))
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
  sodium_memzero (plain, sizeof plain);
  sc_secure_free (key);

  if (!sc_vault_begin (vault, error))
    return FALSE;
  stmt = sc_vault_db_prepare (db, "INSERT OR REPLACE INTO result_views (round_id, "
                                  "employee_id, nonce, ciphertext, created_at) "
                                  "VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int64 (stmt, 2, employee_id);
  sqlite3_bind_blob (stmt, 3, nonce, sizeof nonce, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 4, ciphertext, sizeof ciphertext, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, now ());
  if (!step_done (db, stmt, error)
      || !sc_vault_audit_insert (vault, "result_view.save", employee_id, error))
    goto fail;
  return sc_vault_commit_and_save (vault, error);

fail:
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
  if (!lookup_employee_id (db, employee_number, &employee_id, NULL))
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
  if (!lookup_round (db, round_id, &criteria, NULL, error)
      || !lookup_employee_id (db, employee_number, &employee_id, error))
    return FALSE;

  /* The same lock-out as for access codes: a PIN cannot be guessed at the kiosk. */
  if (!read_throttle (db, round_id, employee_id, &throttle, NULL, &local_error)
      && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!throttle_allows (&throttle, error))
    return FALSE;

  stmt = sc_vault_db_prepare (db, "SELECT nonce, ciphertext FROM result_views "
                                  "WHERE round_id = ? AND employee_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int64 (stmt, 2, employee_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_not_found (error, "No result was kept to be viewed again.");
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

  if (!record_attempt (vault, round_id, employee_id, &throttle, opened, "result_view.fail", error))
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

/* ---- Settings and audit ----------------------------------------------------------- */

char *
sc_vault_get_setting (ScVault     *vault,
                      const char  *key,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_ANY, FALSE, error))
    return NULL;
  stmt = sc_vault_db_prepare (sc_vault_get_db (vault),
                              "SELECT value FROM settings WHERE key = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return column_strdup (stmt, 0);
}

gboolean
sc_vault_set_setting (ScVault     *vault,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_IMPLEMENTER), TRUE, error))
    return FALSE;
  db = sc_vault_get_db (vault);
  if (!sc_vault_begin (vault, error))
    return FALSE;
  stmt = sc_vault_db_prepare (db, "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                              error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  if (!step_done (db, stmt, error) || !sc_vault_audit_insert (vault, "settings.set", 0, error))
    goto fail;
  return sc_vault_commit_and_save (vault, error);

fail:
  sc_vault_rollback (vault);
  return FALSE;
}

void
sc_vault_audit_entry_free (ScVaultAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->action);
  g_free (entry);
}

gboolean
sc_vault_audit_append (ScVault     *vault,
                       const char  *action,
                       gint64       target,
                       GError     **error)
{
  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_ANY, TRUE, error)
      || !sc_vault_begin (vault, error))
    return FALSE;
  if (!sc_vault_audit_insert (vault, action, target, error))
    {
      sc_vault_rollback (vault);
      return FALSE;
    }
  return sc_vault_commit_and_save (vault, error);
}

GPtrArray *
sc_vault_list_audit (ScVault  *vault,
                     GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_STAFF, FALSE, error))
    return NULL;
  stmt = sc_vault_db_prepare (sc_vault_get_db (vault),
                              "SELECT id, time, role, action, target FROM audit_log "
                              "ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_vault_audit_entry_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      ScVaultAuditEntry *entry = g_new0 (ScVaultAuditEntry, 1);
      int role = sqlite3_column_int (stmt, 2);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->time = sqlite3_column_int64 (stmt, 1);
      entry->role = role >= SC_VAULT_ROLE_NONE && role <= SC_VAULT_ROLE_KIOSK
                    ? (ScVaultRole) role : SC_VAULT_ROLE_NONE;
      entry->action = column_strdup (stmt, 3);
      entry->target = sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (list, entry);
    }
  return g_steal_pointer (&list);
}
