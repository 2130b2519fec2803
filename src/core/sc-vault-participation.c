/* sc-vault-participation.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The overview counts of a round and participation (受検状況): who has answered, yes or
 * no, and the reminders given. Participation is what both roles may see, so it is read
 * from clear columns only and never touches a sealed blob; the health counts of the
 * overview (high stress, recommended) need the implementer's key.
 */
#define G_LOG_DOMAIN "sc-vault"

#include "config.h"

#include "sc-workspace-private.h"

#include <string.h>

void
sc_participant_free (ScParticipant *participant)
{
  if (participant == NULL)
    return;
  g_free (participant->number);
  g_free (participant->name);
  g_free (participant->department);
  g_free (participant->reminded_on);
  g_free (participant);
}

static gboolean
count_query (sqlite3     *db,
             const char  *sql,
             gint64       round_id,
             guint       *out,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = sc_vault_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sc_vault_db_set_error (db, error);
      return FALSE;
    }
  *out = (guint) sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* High stress, undetermined, recommended and done: the implementer opens every result,
 * decision and record of the round. */
static gboolean
count_health (ScVault        *vault,
              gint64          round_id,
              ScRoundCounts  *counts,
              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ScCriteria criteria;
  sqlite3 *db = sc_vault_get_db (vault);
  const guint8 *pk = sc_vault_get_public_key (vault, SC_VAULT_ROLE_IMPLEMENTER);
  const guint8 *sk = sc_vault_get_secret_key (vault, SC_VAULT_ROLE_IMPLEMENTER);

  if (!_sc_vault_lookup_round (db, round_id, &criteria, NULL, error))
    return FALSE;
  stmt = sc_vault_db_prepare (db, "SELECT s.id, s.employee_id, s.sealed_impl, d.sealed, "
                                  "r.sealed_impl, i.recommendation_sealed IS NOT NULL FROM submissions s "
                                  "LEFT JOIN interview_decisions d ON d.submission_id = s.id "
                                  "LEFT JOIN interviews i ON i.submission_id = s.id "
                                  "LEFT JOIN interview_records r ON r.submission_id = s.id "
                                  "WHERE s.round_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      ScInterviewDecision decision = { 0 };
      ScVaultResult full;
      ScVerdict verdict;

      if (!_sc_vault_open_result (sqlite3_column_blob (stmt, 2),
                                  (gsize) sqlite3_column_bytes (stmt, 2), pk, sk, round_id,
                                  sqlite3_column_int64 (stmt, 1), &full, NULL, NULL))
        {
          sc_vault_set_damaged (error);
          return FALSE;
        }
      sc_result_judge (&full.result, &criteria);
      verdict = sc_result_primary (&full.result, &criteria)->verdict;
      if (verdict == SC_VERDICT_HIGH)
        counts->high_stress++;
      else if (verdict == SC_VERDICT_UNDETERMINED)
        counts->undetermined++;
      sodium_memzero (&full, sizeof full);

      if (!_sc_ws_open_decision (vault, id, sqlite3_column_blob (stmt, 3),
                                 (gsize) sqlite3_column_bytes (stmt, 3), &decision, error))
        return FALSE;
      if (sqlite3_column_type (stmt, 3) == SQLITE_NULL && sqlite3_column_int (stmt, 5) != 0)
        _sc_ws_legacy_decision (vault, id, &decision);
      if (decision.need == SC_INTERVIEW_NEED_REQUIRED
          || (decision.need == SC_INTERVIEW_NEED_UNDECIDED && verdict == SC_VERDICT_HIGH))
        counts->interviews_recommended++;
      sc_interview_decision_clear (&decision);

      if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
        {
          g_autoptr(ScInterviewRecord) record = NULL;

          record = _sc_ws_open_record (vault, id, sqlite3_column_blob (stmt, 4),
                                       (gsize) sqlite3_column_bytes (stmt, 4), FALSE, error);
          if (record == NULL)
            return FALSE;
          if (record->interview_on != NULL)
            counts->interviews_done++;
        }
    }
  return TRUE;
}

/* HR counts the interviews of people who asked, from HR's own copies. */
static gboolean
count_done_hr (ScVault        *vault,
               gint64          round_id,
               ScRoundCounts  *counts,
               GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sc_vault_db_prepare (sc_vault_get_db (vault),
                              "SELECT s.id, r.sealed_hr FROM submissions s "
                              "JOIN interview_records r ON r.submission_id = s.id "
                              "JOIN interviews i ON i.submission_id = s.id "
                              "WHERE s.round_id = ? AND i.requested_at > 0 "
                              "AND r.sealed_hr IS NOT NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(ScInterviewRecord) record = NULL;

      record = _sc_ws_open_record (vault, sqlite3_column_int64 (stmt, 0),
                                   sqlite3_column_blob (stmt, 1),
                                   (gsize) sqlite3_column_bytes (stmt, 1), TRUE, error);
      if (record == NULL)
        return FALSE;
      if (record->interview_on != NULL)
        counts->interviews_done++;
    }
  return TRUE;
}

gboolean
sc_vault_get_round_counts (ScVault        *vault,
                           gint64          round_id,
                           ScRoundCounts  *out_counts,
                           GError        **error)
{
  ScRoundCounts counts = { 0 };
  sqlite3 *db;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (out_counts != NULL, FALSE);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_STAFF, FALSE, error))
    return FALSE;
  db = sc_vault_get_db (vault);
  if (!_sc_vault_lookup_round (db, round_id, NULL, NULL, error))
    return FALSE;

  if (!count_query (db, "SELECT count(*) FROM employees e WHERE e.active = 1 OR EXISTS "
                        "(SELECT 1 FROM submissions s WHERE s.employee_id = e.id "
                        "AND s.round_id = ?1)", round_id, &counts.on_roster, error)
      || !count_query (db, "SELECT count(*) FROM submissions WHERE round_id = ?",
                       round_id, &counts.answered, error)
      || !count_query (db, "SELECT count(*) FROM partial_answers p WHERE p.round_id = ?1 "
                           "AND NOT EXISTS (SELECT 1 FROM submissions s WHERE "
                           "s.round_id = ?1 AND s.employee_id = p.employee_id)",
                       round_id, &counts.started, error)
      || !count_query (db, "SELECT count(*) FROM consents c JOIN submissions s "
                           "ON s.id = c.submission_id WHERE s.round_id = ? AND c.value = 2",
                       round_id, &counts.consents_given, error)
      || !count_query (db, "SELECT count(*) FROM consents c JOIN submissions s "
                           "ON s.id = c.submission_id WHERE s.round_id = ? AND c.value = 1",
                       round_id, &counts.consents_refused, error)
      || !count_query (db, "SELECT count(*) FROM interviews i JOIN submissions s "
                           "ON s.id = i.submission_id WHERE s.round_id = ? "
                           "AND i.requested_at > 0",
                       round_id, &counts.interviews_requested, error))
    return FALSE;
  G_STATIC_ASSERT (SC_VAULT_CONSENT_YES == 2 && SC_VAULT_CONSENT_NO == 1);
  counts.not_started = counts.on_roster - MIN (counts.on_roster,
                                               counts.answered + counts.started);

  if (sc_vault_get_role (vault) == SC_VAULT_ROLE_IMPLEMENTER)
    {
      counts.has_health_counts = TRUE;
      if (!count_health (vault, round_id, &counts, error))
        return FALSE;
    }
  else if (!count_done_hr (vault, round_id, &counts, error))
    return FALSE;

  *out_counts = counts;
  return TRUE;
}

GPtrArray *
sc_vault_list_participation (ScVault  *vault,
                             gint64    round_id,
                             GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  sqlite3 *db;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_STAFF, FALSE, error))
    return NULL;
  db = sc_vault_get_db (vault);
  if (!_sc_vault_lookup_round (db, round_id, NULL, NULL, error))
    return NULL;
  stmt = sc_vault_db_prepare (db, "SELECT e.number, e.name, e.department, s.id IS NOT NULL, "
                                  "r.given_on FROM employees e "
                                  "LEFT JOIN submissions s ON s.employee_id = e.id "
                                  "AND s.round_id = ?1 "
                                  "LEFT JOIN reminders r ON r.employee_id = e.id "
                                  "AND r.round_id = ?1 "
                                  "WHERE e.active = 1 OR s.id IS NOT NULL "
                                  "ORDER BY e.number", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, round_id);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_participant_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      ScParticipant *p = g_new0 (ScParticipant, 1);

      p->number = _sc_vault_column_strdup (stmt, 0);
      p->name = _sc_vault_column_strdup (stmt, 1);
      p->department = _sc_vault_column_strdup (stmt, 2);
      p->answered = sqlite3_column_int (stmt, 3) != 0;
      p->reminded_on = _sc_vault_column_strdup (stmt, 4);
      g_ptr_array_add (list, p);
    }
  return g_steal_pointer (&list);
}

gboolean
sc_round_days_left (const ScVaultRound *round,
                    const char         *today,
                    int                *out_days)
{
  guint32 end, now;

  g_return_val_if_fail (round != NULL, FALSE);
  g_return_val_if_fail (out_days != NULL, FALSE);

  end = _sc_ws_julian (round->period_end);
  now = _sc_ws_julian (today);
  if (end == 0 || now == 0)
    return FALSE;
  *out_days = (int) end - (int) now;
  return TRUE;
}

GPtrArray *
sc_participants_filter (GPtrArray   *participants,
                        const char  *department,
                        const char  *search,
                        gboolean     non_responders_only)
{
  GPtrArray *out;

  g_return_val_if_fail (participants != NULL, NULL);

  out = g_ptr_array_new ();
  for (guint i = 0; i < participants->len; i++)
    {
      ScParticipant *p = g_ptr_array_index (participants, i);

      if (non_responders_only && p->answered)
        continue;
      if (department != NULL && g_strcmp0 (department, p->department != NULL
                                                       ? p->department : "") != 0)
        continue;
      if (search != NULL && *search != '\0')
        {
          g_autofree char *joined = g_strconcat (p->number, " ", p->name, NULL);
          g_autofree char *key = sc_result_filter_prepare_search (joined);

          if (key == NULL || strstr (key, search) == NULL)
            continue;
        }
      g_ptr_array_add (out, p);
    }
  return out;
}

gboolean
sc_vault_set_reminder (ScVault     *vault,
                       gint64       round_id,
                       const char  *employee_number,
                       const char  *given_on,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 employee_id;
  sqlite3 *db;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (employee_number != NULL, FALSE);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_STAFF, TRUE, error))
    return FALSE;
  if (given_on != NULL && !_sc_ws_check_date (given_on, "reminder", error))
    return FALSE;
  db = sc_vault_get_db (vault);
  if (!_sc_vault_lookup_round (db, round_id, NULL, NULL, error)
      || !_sc_vault_lookup_employee_id (db, employee_number, &employee_id, error))
    return FALSE;

  if (!sc_vault_begin (vault, error))
    return FALSE;
  if (given_on != NULL)
    stmt = sc_vault_db_prepare (db, "INSERT OR REPLACE INTO reminders (round_id, "
                                    "employee_id, given_on, recorded_at) "
                                    "VALUES (?, ?, ?, ?)", error);
  else
    stmt = sc_vault_db_prepare (db, "DELETE FROM reminders WHERE round_id = ? "
                                    "AND employee_id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int64 (stmt, 2, employee_id);
  if (given_on != NULL)
    {
      sqlite3_bind_text (stmt, 3, given_on, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, _sc_vault_now ());
    }
  if (!_sc_vault_step_done (db, stmt, error)
      || !sc_vault_audit_insert (vault, given_on != NULL ? "reminder.mark" : "reminder.unmark",
                                 employee_id, error))
    goto fail;
  return sc_vault_commit_and_save (vault, error);

fail:
  sc_vault_rollback (vault);
  return FALSE;
}
