/* sc-vault-paper.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Paper questionnaires, entered by the implementer (or an assistant, with the
 * implementer's rights): the submission with the date written on the form, the day the
 * result sheet was handed over, and consent or an interview request given on paper
 * afterwards. Each refusal leaves the vault unchanged.
 *
 * SECURITY: as for the kiosk, the answers and result are sealed to the implementer; a
 * copy for HR is sealed only with consent or an interview request, from the result the
 * implementer opens with their own key.
 */
#define G_LOG_DOMAIN "sc-vault"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-workspace-private.h"

#include <string.h>

static gint64
noon_of (const char *date)
{
  unsigned y, m, d;
  g_autoptr(GDateTime) dt = NULL;

  if (sscanf (date, "%4u-%2u-%2u", &y, &m, &d) != 3)
    return 0;
  dt = g_date_time_new_local ((int) y, (int) m, (int) d, 12, 0, 0);
  return dt != NULL ? g_date_time_to_unix (dt) : 0;
}

static gboolean
check_in_round (ScVault     *vault,
                gint64       round_id,
                const char  *date,
                GError     **error)
{
  g_autoptr(ScVaultRound) round = sc_vault_get_round (vault, round_id, error);
  guint32 j = _sc_ws_julian (date);
  g_autofree char *today = _sc_ws_date_of_time (_sc_vault_now ());

  if (round == NULL)
    return FALSE;
  if ((round->period_start != NULL && j < _sc_ws_julian (round->period_start))
      || (round->period_end != NULL && j > _sc_ws_julian (round->period_end))
      || j > _sc_ws_julian (today))
    {
      g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,
                   _("The date %s is outside this round (%s to %s)."), date,
                   round->period_start != NULL ? round->period_start : "…",
                   round->period_end != NULL ? round->period_end : _("today"));
      return FALSE;
    }
  return TRUE;
}

gint64
sc_vault_submit_paper (ScVault       *vault,
                       gint64         round_id,
                       const char    *employee_number,
                       const guint8   answers[SC_BJSQ_N_ITEMS],
                       const char    *answered_on,
                       GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) paper = NULL;
  g_autoptr(sqlite3_stmt) del = NULL;
  g_autoptr(GBytes) sealed = NULL;
  g_autoptr(ScEmployee) employee = NULL;
  ScCriteria criteria;
  ScResult result;
  gboolean closed;
  gint64 employee_id, id;
  sqlite3 *db;

  g_return_val_if_fail (SC_IS_VAULT (vault), 0);
  g_return_val_if_fail (employee_number != NULL && answers != NULL, 0);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_IMPLEMENTER), TRUE, error)
      || !_sc_ws_check_date (answered_on, "answer", error))
    return 0;
  db = sc_vault_get_db (vault);
  if (!_sc_vault_lookup_round (db, round_id, &criteria, &closed, error))
    return 0;
  if (closed)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION,
                           _("This round of the stress check is closed."));
      return 0;
    }
  employee = sc_vault_lookup_employee (vault, employee_number, NULL);
  if (employee == NULL || !_sc_vault_lookup_employee_id (db, employee_number, &employee_id,
                                                          NULL))
    {
      g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND,
                   _("No employee with the number %s is on the roster."), employee_number);
      return 0;
    }
  if (sc_vault_has_submitted (vault, round_id, employee_number))
    {
      g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_EXISTS,
                   _("Employee %s has already answered in this round."), employee_number);
      return 0;
    }
  if (!check_in_round (vault, round_id, answered_on, error))
    return 0;

  sc_score (answers, employee->sex, &criteria, &result);
  sealed = _sc_vault_seal_result (sc_vault_get_public_key (vault, SC_VAULT_ROLE_IMPLEMENTER),
                                  round_id, employee_id, &result, answers, NULL);
  sodium_memzero (&result, sizeof result);

  if (!sc_vault_begin (vault, error))
    return 0;
  stmt = sc_vault_db_prepare (db, "INSERT INTO submissions (round_id, employee_id, "
                                  "submitted_at, sealed_impl) VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int64 (stmt, 2, employee_id);
  sqlite3_bind_int64 (stmt, 3, _sc_vault_now ());
  sqlite3_bind_blob (stmt, 4, g_bytes_get_data (sealed, NULL),
                     (int) g_bytes_get_size (sealed), SQLITE_STATIC);
  if (!_sc_vault_step_done (db, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (db);
  paper = sc_vault_db_prepare (db, "INSERT INTO paper_submissions (submission_id, "
                                   "answered_on) VALUES (?, ?)", error);
  if (paper == NULL)
    goto fail;
  sqlite3_bind_int64 (paper, 1, id);
  sqlite3_bind_text (paper, 2, answered_on, -1, SQLITE_STATIC);
  del = sc_vault_db_prepare (db, "DELETE FROM partial_answers "
                                 "WHERE round_id = ? AND employee_id = ?", error);
  if (del == NULL)
    goto fail;
  sqlite3_bind_int64 (del, 1, round_id);
  sqlite3_bind_int64 (del, 2, employee_id);
  if (!_sc_vault_step_done (db, paper, error) || !_sc_vault_step_done (db, del, error)
      || !sc_vault_audit_insert (vault, "submission.paper", id, error))
    goto fail;
  if (!sc_vault_commit_and_save (vault, error))
    return 0;
  return id;

fail:
  sc_vault_rollback (vault);
  return 0;
}

/* The day the result reached the employee: the hand-over of a paper sheet, or the
 * kiosk submission (the result is shown at once). NULL when not handed over yet. */
static char *
handed_over_on (sqlite3 *db,
                gint64   submission_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sc_vault_db_prepare (db, "SELECT p.submission_id IS NOT NULL, p.handed_over_on, "
                                  "s.submitted_at FROM submissions s LEFT JOIN "
                                  "paper_submissions p ON p.submission_id = s.id "
                                  "WHERE s.id = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, submission_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  if (sqlite3_column_int (stmt, 0))
    return _sc_vault_column_strdup (stmt, 1);
  return _sc_ws_date_of_time (sqlite3_column_int64 (stmt, 2));
}

gboolean
sc_vault_record_handover (ScVault     *vault,
                          gint64       submission_id,
                          const char  *date,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *answered_on = NULL;
  g_autofree char *today = _sc_ws_date_of_time (_sc_vault_now ());
  sqlite3 *db;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_IMPLEMENTER), TRUE, error)
      || !_sc_ws_check_date (date, "hand-over", error))
    return FALSE;
  db = sc_vault_get_db (vault);
  stmt = sc_vault_db_prepare (db, "SELECT answered_on FROM paper_submissions "
                                  "WHERE submission_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, submission_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _sc_vault_set_not_found (error, "This is not a paper answer sheet.");
      return FALSE;
    }
  answered_on = _sc_vault_column_strdup (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (_sc_ws_julian (date) < _sc_ws_julian (answered_on)
      || _sc_ws_julian (date) > _sc_ws_julian (today))
    {
      g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,
                   _("The result cannot be handed over before the answers (%s) or in the "
                     "future."), answered_on);
      return FALSE;
    }

  if (!sc_vault_begin (vault, error))
    return FALSE;
  stmt = sc_vault_db_prepare (db, "UPDATE paper_submissions SET handed_over_on = ? "
                                  "WHERE submission_id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, submission_id);
  if (!_sc_vault_step_done (db, stmt, error)
      || !sc_vault_audit_insert (vault, "result.handover", submission_id, error))
    goto fail;
  return sc_vault_commit_and_save (vault, error);

fail:
  sc_vault_rollback (vault);
  return FALSE;
}

/* Common checks of a decision given on paper; fills the submission's rows. */
static gboolean
check_paper_decision (ScVault     *vault,
                      gint64       submission_id,
                      const char  *date,
                      gint64      *round_id,
                      gint64      *employee_id,
                      gboolean    *has_hr,
                      GError     **error)
{
  g_autofree char *handed = NULL;
  g_autofree char *today = _sc_ws_date_of_time (_sc_vault_now ());
  sqlite3 *db;

  if (!sc_vault_check_role (vault, SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_IMPLEMENTER), TRUE, error)
      || !_sc_ws_check_date (date, "decision", error))
    return FALSE;
  db = sc_vault_get_db (vault);
  if (!_sc_vault_lookup_submission (db, submission_id, round_id, employee_id, has_hr, error))
    return FALSE;
  handed = handed_over_on (db, submission_id);
  if (handed == NULL)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,
                           _("Consent and an interview request can be recorded only after "
                             "the result was handed over to the employee."));
      return FALSE;
    }
  if (_sc_ws_julian (date) < _sc_ws_julian (handed) || _sc_ws_julian (date) > _sc_ws_julian (today))
    {
      g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,
                   _("The date must lie between the hand-over of the result (%s) and "
                     "today."), handed);
      return FALSE;
    }
  return TRUE;
}

gboolean
sc_vault_record_paper_consent (ScVault     *vault,
                               gint64       submission_id,
                               gboolean     consent,
                               const char  *date,
                               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GBytes) sealed = NULL;
  gint64 round_id, employee_id;
  gboolean has_hr;
  sqlite3 *db;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);

  if (!check_paper_decision (vault, submission_id, date, &round_id, &employee_id, &has_hr,
                             error))
    return FALSE;
  db = sc_vault_get_db (vault);
  if (consent && !has_hr)
    {
      sealed = _sc_vault_reseal_for_hr (vault, submission_id, round_id, employee_id, error);
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
  sqlite3_bind_int64 (stmt, 3, noon_of (date));
  if (!_sc_vault_step_done (db, stmt, error)
      || (sealed != NULL && !_sc_vault_set_sealed_hr (db, submission_id, sealed, error))
      /* A refusal removes HR's copy, unless an interview was requested. */
      || (!consent && has_hr && _sc_ws_requested_at (db, submission_id) == 0
          && !_sc_vault_set_sealed_hr (db, submission_id, NULL, error))
      || !sc_vault_audit_insert (vault, consent ? "consent.paper.yes" : "consent.paper.no",
                                 submission_id, error))
    goto fail;
  return sc_vault_commit_and_save (vault, error);

fail:
  sc_vault_rollback (vault);
  return FALSE;
}

gboolean
sc_vault_record_paper_request (ScVault     *vault,
                               gint64       submission_id,
                               const char  *date,
                               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) staff = NULL;
  g_autoptr(GBytes) sealed = NULL;
  gint64 round_id, employee_id;
  gboolean has_hr;
  sqlite3 *db;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);

  if (!check_paper_decision (vault, submission_id, date, &round_id, &employee_id, &has_hr,
                             error))
    return FALSE;
  db = sc_vault_get_db (vault);
  if (!has_hr)
    {
      sealed = _sc_vault_reseal_for_hr (vault, submission_id, round_id, employee_id, error);
      if (sealed == NULL)
        return FALSE;
    }
  if (!sc_vault_begin (vault, error))
    return FALSE;
  stmt = sc_vault_db_prepare (db, "INSERT INTO interviews (submission_id, requested_at) "
                                  "VALUES (?1, ?2) ON CONFLICT (submission_id) "
                                  "DO UPDATE SET requested_at = ?2", error);
  staff = sc_vault_db_prepare (db, "INSERT OR REPLACE INTO staff_requests (submission_id, "
                                   "requested_on) VALUES (?, ?)", error);
  if (stmt == NULL || staff == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, submission_id);
  sqlite3_bind_int64 (stmt, 2, noon_of (date));
  sqlite3_bind_int64 (staff, 1, submission_id);
  sqlite3_bind_text (staff, 2, date, -1, SQLITE_STATIC);
  if (!_sc_vault_step_done (db, stmt, error) || !_sc_vault_step_done (db, staff, error)
      || (sealed != NULL && !_sc_vault_set_sealed_hr (db, submission_id, sealed, error))
      || !_sc_ws_share_record_with_hr (vault, submission_id, error)
      || !sc_vault_audit_insert (vault, "interview.request.paper", submission_id, error))
    goto fail;
  return sc_vault_commit_and_save (vault, error);

fail:
  sc_vault_rollback (vault);
  return FALSE;
}
