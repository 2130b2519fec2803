/* sc-vault-rounds.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rounds aggregate: creating, editing, closing, reopening, listing and reading rounds
 * and their criteria.
 *
 * Every change is one BEGIN IMMEDIATE … COMMIT followed by a durable save; nothing
 * returns TRUE before the change is on disk.
 */
#define G_LOG_DOMAIN "sc-vault"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-vault-private.h"
#include "sc-workspace-private.h"
#include "sc-secure.h"

#include <string.h>

/* SECURITY: a round's criteria, thresholds and period are the implementer's; signed so
 * that a change made in the database by hand is reported (sc-vault-sign.c). */
static gboolean
sign_round (ScVault  *vault,
            gint64    round_id,
            GError  **error)
{
  g_autoptr(GByteArray) canon = _sc_vault_canon_round (sc_vault_get_db (vault), round_id, NULL);

  if (canon == NULL)
    {
      _sc_vault_set_not_found (error, "There is no such round.");
      return FALSE;
    }
  return _sc_vault_sign_record (vault, "round", round_id, canon, error);
}

gboolean
_sc_vault_lookup_round (sqlite3     *db,
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
      _sc_vault_set_not_found (error, "This round of the stress check does not exist.");
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

gboolean
_sc_vault_judge_with_round (sqlite3   *db,
                            gint64     round_id,
                            ScResult  *result,
                            GError   **error)
{
  ScCriteria criteria;

  if (!_sc_vault_lookup_round (db, round_id, &criteria, NULL, error))
    return FALSE;
  sc_result_judge (result, &criteria);
  return TRUE;
}

/* ---- Rounds ---------------------------------------------------------------------- */

/* The columns round_from_row() reads, in its order. */
#define ROUND_SELECT "SELECT id, name, period_start, period_end, method, sum_b_min, " \
                     "sum_ac_min, sum_ac_b_min, conv_b_max, conv_ac_max, " \
                     "conv_ac_b_max, closed, created_at FROM rounds"

static ScVaultRound *
round_from_row (sqlite3_stmt *stmt)
{
  ScVaultRound *round = g_new0 (ScVaultRound, 1);

  round->id = sqlite3_column_int64 (stmt, 0);
  round->name = _sc_vault_column_strdup (stmt, 1);
  round->period_start = _sc_vault_column_strdup (stmt, 2);
  round->period_end = _sc_vault_column_strdup (stmt, 3);
  round->criteria.method = (ScMethod) sqlite3_column_int (stmt, 4);
  round->criteria.sum_b_min = sqlite3_column_int (stmt, 5);
  round->criteria.sum_ac_min = sqlite3_column_int (stmt, 6);
  round->criteria.sum_ac_b_min = sqlite3_column_int (stmt, 7);
  round->criteria.conv_b_max = sqlite3_column_int (stmt, 8);
  round->criteria.conv_ac_max = sqlite3_column_int (stmt, 9);
  round->criteria.conv_ac_b_max = sqlite3_column_int (stmt, 10);
  round->closed = sqlite3_column_int (stmt, 11) != 0;
  round->created_at = sqlite3_column_int64 (stmt, 12);
  return round;
}

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
                           _("Give the round a name."));
      return 0;
    }
  if (criteria == NULL)
    {
      sc_criteria_init_default (&defaults);
      criteria = &defaults;
    }
  if (!sc_criteria_validate (criteria, error)
      || !sc_vault_check_round_period (period_start, period_end, error))
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
  _sc_vault_bind_text_or_null (stmt, 2, period_start);
  _sc_vault_bind_text_or_null (stmt, 3, period_end);
  sqlite3_bind_int (stmt, 4, criteria->method);
  sqlite3_bind_int (stmt, 5, criteria->sum_b_min);
  sqlite3_bind_int (stmt, 6, criteria->sum_ac_min);
  sqlite3_bind_int (stmt, 7, criteria->sum_ac_b_min);
  sqlite3_bind_int (stmt, 8, criteria->conv_b_max);
  sqlite3_bind_int (stmt, 9, criteria->conv_ac_max);
  sqlite3_bind_int (stmt, 10, criteria->conv_ac_b_max);
  sqlite3_bind_int64 (stmt, 11, _sc_vault_now ());
  if (!_sc_vault_step_done (db, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (db);
  if (!sign_round (vault, id, error)
      || !sc_vault_audit_insert (vault, "round.create", id, error))
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
  if (!_sc_vault_lookup_round (db, round_id, NULL, NULL, error) || !sc_vault_begin (vault, error))
    return FALSE;
  stmt = sc_vault_db_prepare (db, "UPDATE rounds SET closed = 1 WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, round_id);
  if (!_sc_vault_step_done (db, stmt, error)
      || !sign_round (vault, round_id, error)
      || !sc_vault_audit_insert (vault, "round.close", round_id, error))
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
  stmt = sc_vault_db_prepare (sc_vault_get_db (vault), ROUND_SELECT " ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_vault_round_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (list, round_from_row (stmt));
  return g_steal_pointer (&list);
}

ScVaultRound *
sc_vault_get_round (ScVault  *vault,
                    gint64    round_id,
                    GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_ANY, FALSE, error))
    return NULL;
  stmt = sc_vault_db_prepare (sc_vault_get_db (vault), ROUND_SELECT " WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, round_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _sc_vault_set_not_found (error, "This round of the stress check does not exist.");
      return NULL;
    }
  return round_from_row (stmt);
}

/* ---- Editing a round ------------------------------------------------------------- */

static char *
today_string (void)
{
  return _sc_ws_date_of_time (_sc_vault_now ());
}

/* The first and last day anyone answered in the round: the day of a kiosk submission, or
 * the day a paper form says it was filled in. Both NULL when nobody answered. */
static gboolean
answer_day_range (sqlite3   *db,
                  gint64     round_id,
                  char     **out_first,
                  char     **out_last,
                  GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  *out_first = NULL;
  *out_last = NULL;
  stmt = sc_vault_db_prepare (db, "SELECT s.submitted_at, p.answered_on FROM submissions s "
                                  "LEFT JOIN paper_submissions p ON p.submission_id = s.id "
                                  "WHERE s.round_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      char *day;

      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        day = _sc_vault_column_strdup (stmt, 1);
      else
        day = _sc_ws_date_of_time (sqlite3_column_int64 (stmt, 0));
      /* YYYY-MM-DD compares as text. */
      if (*out_first == NULL || strcmp (day, *out_first) < 0)
        {
          g_free (*out_first);
          *out_first = g_strdup (day);
        }
      if (*out_last == NULL || strcmp (day, *out_last) > 0)
        {
          g_free (*out_last);
          *out_last = g_strdup (day);
        }
      g_free (day);
    }
  return TRUE;
}

gboolean
sc_vault_check_round_period (const char  *period_start,
                             const char  *period_end,
                             GError     **error)
{
  if ((period_start != NULL && !_sc_ws_check_date (period_start, "The first day", error))
      || (period_end != NULL && !_sc_ws_check_date (period_end, "The last day", error)))
    return FALSE;
  if (period_start != NULL && period_end != NULL && strcmp (period_end, period_start) < 0)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,
                           _("The last day of the period is before its first day."));
      return FALSE;
    }
  return TRUE;
}

/* Runs @statement (with the round id bound last, at @id_index) in one transaction with the
 * round's new signature and an audit entry. */
static gboolean
update_round (ScVault       *vault,
              sqlite3_stmt  *stmt,
              int            id_index,
              gint64         round_id,
              const char    *action,
              GError       **error)
{
  sqlite3 *db = sc_vault_get_db (vault);

  sqlite3_bind_int64 (stmt, id_index, round_id);
  if (!_sc_vault_step_done (db, stmt, error)
      || !sign_round (vault, round_id, error)
      || !sc_vault_audit_insert (vault, action, round_id, error))
    {
      sc_vault_rollback (vault);
      return FALSE;
    }
  return sc_vault_commit_and_save (vault, error);
}

gboolean
sc_vault_update_round (ScVault     *vault,
                       gint64       round_id,
                       const char  *name,
                       const char  *period_start,
                       const char  *period_end,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  sqlite3 *db;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_IMPLEMENTER), TRUE, error))
    return FALSE;
  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,
                           _("Give the round a name."));
      return FALSE;
    }
  if (!sc_vault_check_round_period (period_start, period_end, error))
    return FALSE;
  db = sc_vault_get_db (vault);
  if (!_sc_vault_lookup_round (db, round_id, NULL, NULL, error)
      || !answer_day_range (db, round_id, &first, &last, error))
    return FALSE;
  /* Answers already given must stay inside the period they were given in. */
  if (first != NULL && period_start != NULL && strcmp (first, period_start) < 0)
    {
      g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,
                   _("Someone answered on %s, before the new first day."), first);
      return FALSE;
    }
  if (last != NULL && period_end != NULL && strcmp (last, period_end) > 0)
    {
      g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,
                   _("Someone answered on %s, after the new last day."), last);
      return FALSE;
    }

  if (!sc_vault_begin (vault, error))
    return FALSE;
  stmt = sc_vault_db_prepare (db, "UPDATE rounds SET name = ?, period_start = ?, "
                                  "period_end = ? WHERE id = ?", error);
  if (stmt == NULL)
    {
      sc_vault_rollback (vault);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  _sc_vault_bind_text_or_null (stmt, 2, period_start);
  _sc_vault_bind_text_or_null (stmt, 3, period_end);
  return update_round (vault, stmt, 4, round_id, "round.edit", error);
}

gboolean
sc_vault_reopen_round (ScVault  *vault,
                       gint64    round_id,
                       GError  **error)
{
  g_autoptr(ScVaultRound) round = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *today = today_string ();

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_IMPLEMENTER), TRUE, error))
    return FALSE;
  round = sc_vault_get_round (vault, round_id, error);
  if (round == NULL)
    return FALSE;
  if (!round->closed)
    return TRUE;
  if (round->period_end != NULL && strcmp (today, round->period_end) > 0)
    {
      g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,
                   _("The period of this round ended on %s. Move its last day first."),
                   round->period_end);
      return FALSE;
    }
  if (!sc_vault_begin (vault, error))
    return FALSE;
  stmt = sc_vault_db_prepare (sc_vault_get_db (vault),
                              "UPDATE rounds SET closed = 0 WHERE id = ?", error);
  if (stmt == NULL)
    {
      sc_vault_rollback (vault);
      return FALSE;
    }
  return update_round (vault, stmt, 1, round_id, "round.reopen", error);
}

gboolean
sc_vault_set_round_criteria (ScVault           *vault,
                             gint64             round_id,
                             const ScCriteria  *criteria,
                             GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean closed;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (criteria != NULL, FALSE);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_IMPLEMENTER), TRUE, error)
      || !sc_criteria_validate (criteria, error)
      || !_sc_vault_lookup_round (sc_vault_get_db (vault), round_id, NULL, &closed, error))
    return FALSE;
  if (closed)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION,
                           _("This round is closed. Reopen it to change its criteria."));
      return FALSE;
    }
  if (!sc_vault_begin (vault, error))
    return FALSE;
  stmt = sc_vault_db_prepare (sc_vault_get_db (vault),
                              "UPDATE rounds SET method = ?, sum_b_min = ?, sum_ac_min = ?, "
                              "sum_ac_b_min = ?, conv_b_max = ?, conv_ac_max = ?, "
                              "conv_ac_b_max = ? WHERE id = ?", error);
  if (stmt == NULL)
    {
      sc_vault_rollback (vault);
      return FALSE;
    }
  sqlite3_bind_int (stmt, 1, criteria->method);
  sqlite3_bind_int (stmt, 2, criteria->sum_b_min);
  sqlite3_bind_int (stmt, 3, criteria->sum_ac_min);
  sqlite3_bind_int (stmt, 4, criteria->sum_ac_b_min);
  sqlite3_bind_int (stmt, 5, criteria->conv_b_max);
  sqlite3_bind_int (stmt, 6, criteria->conv_ac_max);
  sqlite3_bind_int (stmt, 7, criteria->conv_ac_b_max);
  return update_round (vault, stmt, 8, round_id, "round.criteria", error);
}
