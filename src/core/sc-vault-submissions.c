/* sc-vault-submissions.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The submissions aggregate: sealed answers and results, consent, interview requests and
 * recommendations.
 *
 * Every change is one BEGIN IMMEDIATE … COMMIT followed by a durable save; nothing
 * returns TRUE before the change is on disk.
 *
 * SECURITY: answers and results are crypto_box_seal()ed to the implementer's public key;
 * a copy without the answers is sealed to HR's public key only with consent or an
 * interview request. The sealed plaintext names the round and employee row it belongs
 * to, so that someone who can write the database cannot move a result to another person
 * unnoticed.
 */
#define G_LOG_DOMAIN "sc-vault"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-vault-private.h"
#include "sc-score-format.h"
#include "sc-secure.h"

#include <string.h>

/* ---- Submissions --------------------------------------------------------------------- */

void
sc_vault_submission_free (ScVaultSubmission *submission)
{
  if (submission == NULL)
    return;
  g_free (submission->employee_number);
  g_free (submission);
}

/* DECISIONS. The employee's consent and interview request are kept in the plain tables
 * (HR needs to see them), and also sealed to the implementer, authenticated with a
 * decision key: random per submission, sealed with the implementer's copy of the result
 * and otherwise known only to the kiosk until the next person (or to the implementer,
 * who opens that copy). HR can seal a box to the implementer too, but cannot make one
 * that carries the right authentication without the key; so a decision changed in the
 * database is flagged when the implementer reads the result (consent_mismatch). */
typedef guint8 *ScVaultDecisionKey;

static void
clear_decision_key (ScVaultDecisionKey *key)
{
  sc_secure_clear ((gpointer *) key);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ScVaultDecisionKey, clear_decision_key)

/* Decision plaintext: format, submission id, consent, interview requested, then the
 * keyed BLAKE2b of those bytes. */
#define DECISION_FORMAT 1
#define DECISION_FIXED 11
#define DECISION_PLAIN_LEN (DECISION_FIXED + 32)
#define DECISION_SEALED_LEN (DECISION_PLAIN_LEN + crypto_box_SEALBYTES)

static void
decision_bytes (guint8  out[DECISION_FIXED],
                gint64  submission_id,
                int     consent,
                gboolean interview)
{
  out[0] = DECISION_FORMAT;
  _sc_vault_put_i64 (out + 1, submission_id);
  out[9] = (guint8) consent;
  out[10] = interview ? 1 : 0;
}

/* The decision as the plain tables have it. */
static void
plain_decision (sqlite3  *db,
                gint64    submission_id,
                int      *out_consent,
                gboolean *out_interview)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  *out_consent = SC_VAULT_CONSENT_UNDECIDED;
  *out_interview = FALSE;
  stmt = sc_vault_db_prepare (db, "SELECT (SELECT value FROM consents WHERE submission_id = ?1), "
                                  "(SELECT requested_at FROM interviews "
                                  "WHERE submission_id = ?1)", NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, submission_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return;
  if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    *out_consent = sqlite3_column_int (stmt, 0);
  *out_interview = sqlite3_column_int64 (stmt, 1) != 0;
}

/* Inside the transaction, after the plain tables changed: seals their state to the
 * implementer with @key. Without a key (a result sealed before decisions were, or a
 * kiosk that no longer holds it) the sealed decision is removed, which the implementer
 * sees as a disagreement to look at. */
static gboolean
seal_decision (ScVault       *vault,
               gint64         submission_id,
               const guint8  *key,
               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = sc_vault_get_db (vault);
  guint8 plain[DECISION_PLAIN_LEN];
  guint8 sealed[DECISION_SEALED_LEN];
  gboolean interview;
  int consent;

  stmt = sc_vault_db_prepare (db, "UPDATE submissions SET decision_sealed = ? WHERE id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  if (key != NULL)
    {
      plain_decision (db, submission_id, &consent, &interview);
      decision_bytes (plain, submission_id, consent, interview);
      crypto_generichash (plain + DECISION_FIXED, 32, plain, DECISION_FIXED, key,
                          SC_VAULT_DECISION_KEY_BYTES);
      crypto_box_seal (sealed, plain, sizeof plain,
                       sc_vault_get_public_key (vault, SC_VAULT_ROLE_IMPLEMENTER));
      sqlite3_bind_blob (stmt, 1, sealed, sizeof sealed, SQLITE_TRANSIENT);
    }
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_int64 (stmt, 2, submission_id);
  return _sc_vault_step_done (db, stmt, error);
}

/* Implementer: whether the plain decision disagrees with the sealed one. */
static gboolean
decision_mismatch (ScVault       *vault,
                   gint64         submission_id,
                   const guint8  *key)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = sc_vault_get_db (vault);
  guint8 plain[DECISION_PLAIN_LEN], mac[32], expected[DECISION_FIXED];
  gboolean interview, mismatch;
  int consent;

  plain_decision (db, submission_id, &consent, &interview);
  stmt = sc_vault_db_prepare (db, "SELECT decision_sealed FROM submissions WHERE id = ?", NULL);
  if (stmt == NULL)
    return TRUE;
  sqlite3_bind_int64 (stmt, 1, submission_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return TRUE;
  if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    /* Nothing sealed: only right while nothing was decided. */
    return consent != SC_VAULT_CONSENT_UNDECIDED || interview;
  if (sqlite3_column_bytes (stmt, 0) != DECISION_SEALED_LEN
      || crypto_box_seal_open (plain, sqlite3_column_blob (stmt, 0), DECISION_SEALED_LEN,
                               sc_vault_get_public_key (vault, SC_VAULT_ROLE_IMPLEMENTER),
                               sc_vault_get_secret_key (vault, SC_VAULT_ROLE_IMPLEMENTER)) != 0)
    return TRUE;
  crypto_generichash (mac, sizeof mac, plain, DECISION_FIXED, key, SC_VAULT_DECISION_KEY_BYTES);
  decision_bytes (expected, submission_id, consent, interview);
  mismatch = sodium_memcmp (mac, plain + DECISION_FIXED, sizeof mac) != 0
             || sodium_memcmp (expected, plain, DECISION_FIXED) != 0;
  sodium_memzero (plain, sizeof plain);
  return mismatch;
}

/* The decision key for a decision made now: the kiosk's, kept since the submission, or
 * the implementer's, from the sealed result (into @buffer, guarded). NULL when there is
 * none (an older result, or the kiosk for an earlier person). */
static const guint8 *
decision_key_for (ScVault  *vault,
                  gint64    submission_id,
                  gint64    round_id,
                  gint64    employee_id,
                  guint8   *buffer)
{
  ScVaultResult full;
  gboolean has_key = FALSE;
  const guint8 *kept = _sc_vault_get_decision_key (vault, submission_id);

  if (kept != NULL || sc_vault_get_role (vault) != SC_VAULT_ROLE_IMPLEMENTER || buffer == NULL)
    return kept;
  if (!_sc_vault_open_as_implementer (vault, submission_id, round_id, employee_id, &full,
                                      buffer, &has_key, NULL))
    has_key = FALSE;
  sodium_memzero (&full, sizeof full);
  return has_key ? buffer : NULL;
}

/* PERMISSION, with the period in words, when today (local time) is outside the round's
 * period; a round without a start or an end is open on that side. */
static gboolean
check_round_period (sqlite3  *db,
                    gint64    round_id,
                    GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  const char *start, *end;

  stmt = sc_vault_db_prepare (db, "SELECT period_start, period_end FROM rounds WHERE id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _sc_vault_set_not_found (error, "This round of the stress check does not exist.");
      return FALSE;
    }
  start = (const char *) sqlite3_column_text (stmt, 0);
  end = (const char *) sqlite3_column_text (stmt, 1);
  /* Dates are stored as YYYY-MM-DD, so they compare as strings. */
  if (start != NULL && *start != '\0' && strcmp (today, start) < 0)
    {
      g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION,
                   "This round of the stress check starts on %s; answers cannot be given "
                   "before then.", start);
      return FALSE;
    }
  if (end != NULL && *end != '\0' && strcmp (today, end) > 0)
    {
      g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION,
                   "This round of the stress check ended on %s; answers can no longer be "
                   "given. Ask the staff.", end);
      return FALSE;
    }
  return TRUE;
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
  g_auto(ScVaultDecisionKey) decision_key = NULL;
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
  if (!_sc_vault_lookup_round (db, round_id, &criteria, &closed, error)
      || !_sc_vault_lookup_employee_id (db, employee_number, &employee_id, error))
    return 0;
  if (closed)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION,
                           _("This round of the stress check is closed."));
      return 0;
    }
  /* At the kiosk, answers count only within the round's period. The implementer may
   * still enter paper forms that were filled in during the period after it ended. */
  if (sc_vault_get_role (vault) == SC_VAULT_ROLE_KIOSK
      && !check_round_period (db, round_id, error))
    return 0;

  sc_score (answers, sex, &criteria, &result);
  /* SECURITY: a fresh decision key, sealed with the result (DECISIONS below). */
  decision_key = sc_secure_alloc (SC_VAULT_DECISION_KEY_BYTES);
  if (decision_key == NULL)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_IO,
                           _("There is not enough protected memory to seal the answers."));
      return 0;
    }
  randombytes_buf (decision_key, SC_VAULT_DECISION_KEY_BYTES);
  sealed_impl = _sc_vault_seal_result (sc_vault_get_public_key (vault, SC_VAULT_ROLE_IMPLEMENTER),
                                       round_id, employee_id, &result, answers, decision_key);
  sealed_hr = _sc_vault_seal_result (sc_vault_get_public_key (vault, SC_VAULT_ROLE_HR),
                                     round_id, employee_id, &result, NULL, NULL);

  if (!sc_vault_begin (vault, error))
    return 0;
  stmt = sc_vault_db_prepare (db, "INSERT INTO submissions (round_id, employee_id, "
                                  "submitted_at, sealed_impl) VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int64 (stmt, 2, employee_id);
  sqlite3_bind_int64 (stmt, 3, _sc_vault_now ());
  sqlite3_bind_blob (stmt, 4, g_bytes_get_data (sealed_impl, NULL),
                     (int) g_bytes_get_size (sealed_impl), SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_errcode (db) == SQLITE_CONSTRAINT)
        g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_EXISTS,
                             _("This employee has already answered in this round."));
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
  if (!_sc_vault_step_done (db, del, error)
      || !sc_vault_audit_insert (vault, "submission.add", id, error))
    goto fail;
  if (!sc_vault_commit_and_save (vault, error))
    return 0;

  /* The kiosk serves one person at a time: only the latest HR copy is kept. */
  sc_vault_clear_pending_hr_seals (vault);
  sc_vault_keep_pending_hr_seal (vault, id, sealed_hr);
  _sc_vault_keep_decision_key (vault, id, decision_key);
  if (out_result != NULL)
    *out_result = result;
  sodium_memzero (&result, sizeof result);
  return id;

fail:
  sc_vault_rollback (vault);
  sodium_memzero (&result, sizeof result);
  return 0;
}

gboolean
_sc_vault_lookup_submission (sqlite3   *db,
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
      _sc_vault_set_not_found (error, "This answer sheet does not exist.");
      return FALSE;
    }
  if (out_round_id != NULL)
    *out_round_id = sqlite3_column_int64 (stmt, 0);
  if (out_employee_id != NULL)
    *out_employee_id = sqlite3_column_int64 (stmt, 1);
  if (out_has_hr != NULL)
    *out_has_hr = sqlite3_column_int (stmt, 2) != 0;
  return TRUE;
}

gboolean
_sc_vault_open_as_implementer (ScVault        *vault,
                               gint64          submission_id,
                               gint64          round_id,
                               gint64          employee_id,
                               ScVaultResult  *out,
                               guint8         *out_decision_key,
                               gboolean       *out_has_decision_key,
                               GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sc_vault_db_prepare (sc_vault_get_db (vault),
                              "SELECT sealed_impl FROM submissions WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, submission_id);
  if (sqlite3_step (stmt) != SQLITE_ROW
      || !_sc_vault_open_result (sqlite3_column_blob (stmt, 0),
                                 (gsize) sqlite3_column_bytes (stmt, 0),
                                 sc_vault_get_public_key (vault, SC_VAULT_ROLE_IMPLEMENTER),
                                 sc_vault_get_secret_key (vault, SC_VAULT_ROLE_IMPLEMENTER),
                                 round_id, employee_id, out, out_decision_key,
                                 out_has_decision_key))
    {
      sc_vault_set_damaged (error);
      return FALSE;
    }
  return _sc_vault_judge_with_round (sc_vault_get_db (vault), round_id, &out->result, error);
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

  if (sealed != NULL)
    return sealed;
  if (sc_vault_get_role (vault) != SC_VAULT_ROLE_IMPLEMENTER)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION,
                           _("A result can be shared with the employer later only by the "
                             "implementer (実施者)."));
      return NULL;
    }
  return _sc_vault_reseal_for_hr (vault, submission_id, round_id, employee_id, error);
}

GBytes *
_sc_vault_reseal_for_hr (ScVault  *vault,
                         gint64    submission_id,
                         gint64    round_id,
                         gint64    employee_id,
                         GError  **error)
{
  ScVaultResult full;
  GBytes *sealed;

  if (!_sc_vault_open_as_implementer (vault, submission_id, round_id, employee_id, &full,
                                      NULL, NULL, error))
    return NULL;
  sealed = _sc_vault_seal_result (sc_vault_get_public_key (vault, SC_VAULT_ROLE_HR),
                                  round_id, employee_id, &full.result, NULL, NULL);
  sodium_memzero (&full, sizeof full);
  return sealed;
}

gboolean
_sc_vault_set_sealed_hr (sqlite3  *db,
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
  return _sc_vault_step_done (db, stmt, error);
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

/* Who may record an employee's consent or interview request. */
#define EMPLOYEE_DECISION_ROLES (SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_KIOSK) | \
                                 SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_IMPLEMENTER))

gboolean
sc_vault_record_consent (ScVault   *vault,
                         gint64     submission_id,
                         gboolean   consent,
                         GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GBytes) sealed = NULL;
  g_auto(ScVaultDecisionKey) key_buffer = sc_secure_alloc (SC_VAULT_DECISION_KEY_BYTES);
  gint64 round_id, employee_id;
  gboolean has_hr;
  sqlite3 *db;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);

  /* The employee's decision: made at the kiosk, or later through the implementer
   * (DESIGN.md §3). HR may not record it, either way. */
  if (!sc_vault_check_role (vault, EMPLOYEE_DECISION_ROLES, TRUE, error))
    return FALSE;
  db = sc_vault_get_db (vault);
  if (!_sc_vault_lookup_submission (db, submission_id, &round_id, &employee_id, &has_hr,
                                    error))
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
  sqlite3_bind_int64 (stmt, 3, _sc_vault_now ());
  if (!_sc_vault_step_done (db, stmt, error))
    goto fail;
  if (sealed != NULL && !_sc_vault_set_sealed_hr (db, submission_id, sealed, error))
    goto fail;
  /* Withdrawn consent removes HR's copy, unless an interview was requested (which the
   * employee was told counts as consent). */
  if (!consent && has_hr && interview_requested_at (db, submission_id) == 0
      && !_sc_vault_set_sealed_hr (db, submission_id, NULL, error))
    goto fail;
  if (!seal_decision (vault, submission_id,
                      decision_key_for (vault, submission_id, round_id, employee_id, key_buffer),
                      error))
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
  g_auto(ScVaultDecisionKey) key_buffer = sc_secure_alloc (SC_VAULT_DECISION_KEY_BYTES);
  gint64 round_id, employee_id;
  gboolean has_hr;
  sqlite3 *db;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);

  if (!sc_vault_check_role (vault, EMPLOYEE_DECISION_ROLES, TRUE, error))
    return FALSE;
  db = sc_vault_get_db (vault);
  if (!_sc_vault_lookup_submission (db, submission_id, &round_id, &employee_id, &has_hr,
                                    error))
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
  sqlite3_bind_int64 (stmt, 2, _sc_vault_now ());
  if (!_sc_vault_step_done (db, stmt, error)
      || (sealed != NULL && !_sc_vault_set_sealed_hr (db, submission_id, sealed, error))
      || !seal_decision (vault, submission_id,
                         decision_key_for (vault, submission_id, round_id, employee_id,
                                           key_buffer), error)
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
                           _("Give the name of the person who made this decision."));
      return FALSE;
    }
  db = sc_vault_get_db (vault);
  if (!_sc_vault_lookup_submission (db, submission_id, &round_id, &employee_id, &has_hr,
                                    error))
    return FALSE;

  by_len = strlen (decided_by);
  plain_len = RECOMMENDATION_FIXED + by_len;
  plain = g_malloc (plain_len);
  plain[0] = 1;
  plain[1] = recommended ? 1 : 0;
  _sc_vault_put_i64 (plain + 2, submission_id);
  _sc_vault_put_i64 (plain + 10, _sc_vault_now ());
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
  if (!_sc_vault_step_done (db, stmt, error))
    goto fail;
  /* SECURITY: a sealed box can be made by anyone with the public key; the signature
   * shows that the decision is the implementer's. */
  {
    g_autoptr(GByteArray) canon = _sc_vault_canon_recommendation (db, submission_id);

    if (canon == NULL
        || !_sc_vault_sign_record (vault, "recommendation", submission_id, canon, error))
      goto fail;
  }
  if (!sc_vault_audit_insert (vault, "interview.recommend", submission_id, error))
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
      _sc_vault_set_not_found (error, "No decision about an interview was made yet.");
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
      || plain[0] != 1 || plain[1] > 1 || _sc_vault_get_i64 (plain + 2) != submission_id)
    goto damaged;
  plain[plain_len] = '\0';
  if (!g_utf8_validate ((const char *) plain + RECOMMENDATION_FIXED, -1, NULL))
    goto damaged;
  if (out_recommended != NULL)
    *out_recommended = plain[1] != 0;
  if (out_decided_at != NULL)
    *out_decided_at = _sc_vault_get_i64 (plain + 10);
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
  if (!_sc_vault_lookup_submission (db, submission_id, &round_id, &employee_id, &has_hr,
                                    error))
    return FALSE;

  if (role == SC_VAULT_ROLE_IMPLEMENTER)
    {
      g_auto(ScVaultDecisionKey) key = sc_secure_alloc (SC_VAULT_DECISION_KEY_BYTES);
      gboolean has_key = FALSE;

      if (key == NULL)
        {
          g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_IO,
                               _("There is not enough protected memory to open the result."));
          return FALSE;
        }
      if (!_sc_vault_open_as_implementer (vault, submission_id, round_id, employee_id,
                                          out_result, key, &has_key, error))
        return FALSE;
      /* A result sealed before decisions were has nothing to compare with. */
      out_result->consent_mismatch = has_key && decision_mismatch (vault, submission_id, key);
    }
  else
    {
      if (!has_hr)
        {
          g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION,
                               _("This employee has not agreed to share the result with the "
                                 "employer."));
          return FALSE;
        }
      stmt = sc_vault_db_prepare (db, "SELECT sealed_hr FROM submissions WHERE id = ?",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, submission_id);
      if (sqlite3_step (stmt) != SQLITE_ROW
          || !_sc_vault_open_result (sqlite3_column_blob (stmt, 0),
                                     (gsize) sqlite3_column_bytes (stmt, 0),
                                     sc_vault_get_public_key (vault, SC_VAULT_ROLE_HR),
                                     sc_vault_get_secret_key (vault, SC_VAULT_ROLE_HR),
                                     round_id, employee_id, out_result, NULL, NULL))
        {
          sc_vault_set_damaged (error);
          return FALSE;
        }
      if (!_sc_vault_judge_with_round (db, round_id, &out_result->result, error))
        return FALSE;
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
      s->employee_number = _sc_vault_column_strdup (stmt, 2);
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
