/* sc-vault-purge.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Retention and purge of rounds (sc-vault-purge.h).
 *
 * SECURITY: the database runs with secure_delete on (sc-vault.c, sc-vault-save.c), so
 * SQLite overwrites deleted cells and freed pages with zeros; the VACUUM after the purge
 * then rebuilds the database so that not even an emptied page of the round is left, and
 * the save writes the whole file again under a fresh nonce and renames it over the old
 * one. The rebuild's scratch database is kept in memory (temp_store), never in a
 * temporary file.
 */
#define G_LOG_DOMAIN "sc-vault"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-vault-purge.h"
#include "sc-vault-private.h"

#include <stdio.h>

/* ---- Retention ------------------------------------------------------------------------ */

static gboolean
parse_iso_date (const char *text,
                GDate      *out)
{
  unsigned y, m, d;
  char tail;

  if (text == NULL || sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3
      || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

void
sc_vault_round_retention_end (const ScVaultRound *round,
                              GDate              *out_date)
{
  g_return_if_fail (round != NULL && out_date != NULL);

  g_date_clear (out_date, 1);
  if (!parse_iso_date (round->period_end, out_date)
      && !parse_iso_date (round->period_start, out_date))
    {
      g_autoptr(GDateTime) created = g_date_time_new_from_unix_local (round->created_at);

      g_date_set_dmy (out_date, (GDateDay) g_date_time_get_day_of_month (created),
                      (GDateMonth) g_date_time_get_month (created),
                      (GDateYear) g_date_time_get_year (created));
    }
  /* 29 February becomes 28 February in a year without it: kept a day less rather than
   * a day too long would break the rule the other way, but the law counts whole years
   * and either reading is within it. */
  g_date_add_years (out_date, SC_VAULT_RETENTION_YEARS);
}

void
sc_vault_local_today (GDate *out)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
}

gboolean
sc_vault_round_is_purgeable (const ScVaultRound *round,
                             const GDate        *today)
{
  GDate end, now;

  g_return_val_if_fail (round != NULL, FALSE);

  if (today == NULL)
    {
      sc_vault_local_today (&now);
      today = &now;
    }
  sc_vault_round_retention_end (round, &end);
  return g_date_compare (&end, today) < 0;
}

/* The newest time (Unix) any row of the round was made or changed; 0 when none. */
#define LAST_RECORD_SQL \
  "SELECT max (t) FROM (" \
  "SELECT max (submitted_at) AS t FROM submissions WHERE round_id = ?1 " \
  "UNION ALL SELECT max (c.decided_at) FROM consents c JOIN submissions s " \
  "ON s.id = c.submission_id WHERE s.round_id = ?1 " \
  "UNION ALL SELECT max (i.requested_at) FROM interviews i JOIN submissions s " \
  "ON s.id = i.submission_id WHERE s.round_id = ?1 " \
  "UNION ALL SELECT max (r.updated_at) FROM interview_records r JOIN submissions s " \
  "ON s.id = r.submission_id WHERE s.round_id = ?1 " \
  "UNION ALL SELECT max (m.updated_at) FROM interview_measures m JOIN submissions s " \
  "ON s.id = m.submission_id WHERE s.round_id = ?1 " \
  "UNION ALL SELECT max (created_at) FROM result_views WHERE round_id = ?1 " \
  "UNION ALL SELECT max (recorded_at) FROM reminders WHERE round_id = ?1)"

gboolean
sc_vault_get_retention_end (ScVault             *vault,
                            const ScVaultRound  *round,
                            GDate               *out_date,
                            GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 last;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (round != NULL && out_date != NULL, FALSE);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_IMPLEMENTER), FALSE, error))
    return FALSE;
  sc_vault_round_retention_end (round, out_date);
  stmt = sc_vault_db_prepare (sc_vault_get_db (vault), LAST_RECORD_SQL, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round->id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sc_vault_db_set_error (sc_vault_get_db (vault), error);
      return FALSE;
    }
  last = sqlite3_column_int64 (stmt, 0);
  if (last > 0)
    {
      g_autoptr(GDateTime) made = g_date_time_new_from_unix_local (last);
      GDate end;

      g_date_clear (&end, 1);
      g_date_set_dmy (&end, (GDateDay) g_date_time_get_day_of_month (made),
                      (GDateMonth) g_date_time_get_month (made),
                      (GDateYear) g_date_time_get_year (made));
      g_date_add_years (&end, SC_VAULT_RETENTION_YEARS);
      if (g_date_compare (&end, out_date) > 0)
        *out_date = end;
    }
  return TRUE;
}

/* Whether the round may be purged on @today (%NULL: now), by sc_vault_get_retention_end(). */
static gboolean
retention_ended (ScVault             *vault,
                 const ScVaultRound  *round,
                 const GDate         *today,
                 gboolean            *out_ended,
                 GError             **error)
{
  GDate end, now;

  if (!sc_vault_get_retention_end (vault, round, &end, error))
    return FALSE;
  if (today == NULL)
    {
      sc_vault_local_today (&now);
      today = &now;
    }
  *out_ended = g_date_compare (&end, today) < 0;
  return TRUE;
}

GPtrArray *
sc_vault_list_purgeable_rounds (ScVault      *vault,
                                const GDate  *today,
                                GError      **error)
{
  g_autoptr(GPtrArray) rounds = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_IMPLEMENTER), FALSE, error))
    return NULL;
  rounds = sc_vault_list_rounds (vault, error);
  if (rounds == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_vault_round_free);
  for (guint i = 0; i < rounds->len; i++)
    {
      gboolean ended = FALSE;

      if (!retention_ended (vault, g_ptr_array_index (rounds, i), today, &ended, error))
        return NULL;
      if (ended)
        g_ptr_array_add (list, g_ptr_array_steal_index (rounds, i--));
    }
  return g_steal_pointer (&list);
}

/* ---- Purge ---------------------------------------------------------------------------- */

/* Every row of a round, children before parents (foreign keys are on). Each statement
 * takes the round's id as ?1. Signatures go with the records they sign, or the next open
 * would report a signed record as removed by hand. */
#define ROUND_SUBMISSIONS "(SELECT id FROM submissions WHERE round_id = ?1)"
static const char * const purge_statements[] = {
  "DELETE FROM vault_signatures WHERE kind IN ('decision', 'recommendation') "
  "AND record_id IN " ROUND_SUBMISSIONS,
  "DELETE FROM consents WHERE submission_id IN " ROUND_SUBMISSIONS,
  "DELETE FROM interviews WHERE submission_id IN " ROUND_SUBMISSIONS,
  "DELETE FROM interview_decisions WHERE submission_id IN " ROUND_SUBMISSIONS,
  "DELETE FROM interview_records WHERE submission_id IN " ROUND_SUBMISSIONS,
  "DELETE FROM interview_measures WHERE submission_id IN " ROUND_SUBMISSIONS,
  "DELETE FROM paper_submissions WHERE submission_id IN " ROUND_SUBMISSIONS,
  "DELETE FROM staff_requests WHERE submission_id IN " ROUND_SUBMISSIONS,
  "DELETE FROM vault_signatures WHERE kind = 'release' "
  "AND record_id IN (SELECT id FROM group_releases WHERE round_id = ?1)",
  "DELETE FROM group_releases WHERE round_id = ?1",
  "DELETE FROM submissions WHERE round_id = ?1",
  "DELETE FROM access_codes WHERE round_id = ?1",
  "DELETE FROM partial_answers WHERE round_id = ?1",
  "DELETE FROM result_views WHERE round_id = ?1",
  "DELETE FROM reminders WHERE round_id = ?1",
  "DELETE FROM vault_signatures WHERE kind = 'round' AND record_id = ?1",
  "DELETE FROM rounds WHERE id = ?1",
};

/* Everyone the round holds a row for, before its rows go. */
#define ROUND_EMPLOYEES_SQL \
  "SELECT employee_id FROM submissions WHERE round_id = ?1 " \
  "UNION SELECT employee_id FROM access_codes WHERE round_id = ?1 " \
  "UNION SELECT employee_id FROM partial_answers WHERE round_id = ?1 " \
  "UNION SELECT employee_id FROM result_views WHERE round_id = ?1 " \
  "UNION SELECT employee_id FROM reminders WHERE round_id = ?1"

/* An employee who has left and has no row left in any other round. */
#define REMOVE_LEFT_EMPLOYEE_SQL \
  "DELETE FROM employees WHERE id = ?1 AND active = 0 " \
  "AND NOT EXISTS (SELECT 1 FROM submissions WHERE employee_id = ?1) " \
  "AND NOT EXISTS (SELECT 1 FROM access_codes WHERE employee_id = ?1) " \
  "AND NOT EXISTS (SELECT 1 FROM partial_answers WHERE employee_id = ?1) " \
  "AND NOT EXISTS (SELECT 1 FROM result_views WHERE employee_id = ?1) " \
  "AND NOT EXISTS (SELECT 1 FROM reminders WHERE employee_id = ?1)"

static gboolean
run_with_id (sqlite3      *db,
             const char   *sql,
             gint64        id,
             GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = sc_vault_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return _sc_vault_step_done (db, stmt, error);
}

static GArray *
collect_employees (sqlite3  *db,
                   gint64    round_id,
                   GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = sc_vault_db_prepare (db, ROUND_EMPLOYEES_SQL, error);
  g_autoptr(GArray) ids = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_bind_int64 (stmt, 1, round_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      sc_vault_db_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* Deletes the round's rows and the employees who left with it, inside a transaction. */
static gboolean
delete_round_rows (sqlite3  *db,
                   gint64    round_id,
                   guint    *out_removed,
                   GError  **error)
{
  g_autoptr(GArray) employees = collect_employees (db, round_id, error);

  *out_removed = 0;
  if (employees == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (purge_statements); i++)
    if (!run_with_id (db, purge_statements[i], round_id, error))
      return FALSE;
  for (guint i = 0; i < employees->len; i++)
    {
      if (!run_with_id (db, REMOVE_LEFT_EMPLOYEE_SQL, g_array_index (employees, gint64, i),
                        error))
        return FALSE;
      *out_removed += (guint) sqlite3_changes (db);
    }
  return TRUE;
}

static void
set_not_purgeable (ScVault             *vault,
                   const ScVaultRound  *round,
                   GError             **error)
{
  GDate end;
  char text[16];

  if (!sc_vault_get_retention_end (vault, round, &end, error))
    return;
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &end);
  g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,
               _("This round's records must be kept until %s (%d years), so it cannot be "
                 "purged yet."), text, SC_VAULT_RETENTION_YEARS);
}

gboolean
sc_vault_purge_round (ScVault   *vault,
                      gint64     round_id,
                      guint     *out_removed_employees,
                      GError   **error)
{
  g_autoptr(ScVaultRound) round = NULL;
  g_autoptr(GError) vacuum_error = NULL;
  guint removed = 0;
  gboolean ended = FALSE;
  sqlite3 *db;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_IMPLEMENTER), TRUE, error))
    return FALSE;
  round = sc_vault_get_round (vault, round_id, error);
  if (round == NULL)
    return FALSE;
  if (!retention_ended (vault, round, NULL, &ended, error))
    return FALSE;
  if (!ended)
    {
      set_not_purgeable (vault, round, error);
      return FALSE;
    }
  db = sc_vault_get_db (vault);

  if (!sc_vault_begin (vault, error))
    return FALSE;
  if (!delete_round_rows (db, round_id, &removed, error)
      || !sc_vault_audit_insert (vault, "round.purge", round_id, error))
    {
      sc_vault_rollback (vault);
      return FALSE;
    }
  if (!sc_vault_db_commit (db, error))
    return FALSE;
  sc_vault_mark_dirty (vault);

  /* SECURITY: rebuild without the pages that held the round; the scratch copy stays in
   * memory. A failed rebuild still leaves secure_delete's zeroed pages, and the purge
   * is saved either way; the error is reported after the save. */
  if (!sc_vault_db_exec (db, "PRAGMA temp_store = MEMORY; VACUUM;", &vacuum_error))
    g_prefix_error (&vacuum_error, "The round was purged, but the vault could not be "
                                   "compacted: ");
  if (!_sc_vault_save_full (vault, error))
    return FALSE;
  if (vacuum_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&vacuum_error));
      return FALSE;
    }
  if (out_removed_employees != NULL)
    *out_removed_employees = removed;
  return TRUE;
}

/* ---- Async ---------------------------------------------------------------------------- */

typedef struct
{
  gint64 round_id;
  guint  removed;
} PurgeData;

static gboolean
purge_work (ScVault   *vault,
            gpointer   data,
            GError   **error)
{
  PurgeData *p = data;

  return sc_vault_purge_round (vault, p->round_id, &p->removed, error);
}

void
sc_vault_purge_round_async (ScVault             *vault,
                            gint64               round_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  PurgeData *p = g_new0 (PurgeData, 1);

  p->round_id = round_id;
  _sc_vault_run_work_async (vault, purge_work, p, g_free, sc_vault_purge_round_async,
                            cancellable, callback, user_data);
}

gboolean
sc_vault_purge_round_finish (ScVault       *vault,
                             GAsyncResult  *result,
                             guint         *out_removed_employees,
                             GError       **error)
{
  PurgeData *p;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);

  p = _sc_vault_run_work_finish (vault, result, sc_vault_purge_round_async, error);
  if (p == NULL)
    return FALSE;
  if (out_removed_employees != NULL)
    *out_removed_employees = p->removed;
  return TRUE;
}

/* ---- Test hook ------------------------------------------------------------------------ */

GBytes *
sc_vault_test_serialize_db (ScVault *vault)
{
  sqlite3_int64 size = 0;
  unsigned char *copy;
  GBytes *bytes;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  if (sc_vault_get_db (vault) == NULL)
    return NULL;
  copy = sqlite3_serialize (sc_vault_get_db (vault), "main", &size, 0);
  if (copy == NULL)
    return NULL;
  bytes = g_bytes_new (copy, (gsize) size);
  sqlite3_free (copy);
  return bytes;
}
