/* sc-vault-interviews.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Interview (面接指導) records: the steps with their dates and deadlines, the doctor's
 * report and opinion in the fields of 面接指導結果報告書及び事後措置に係る意見書, the
 * 安衛則52条の18 record, and the 就業上の措置 HR records.
 *
 * SECURITY: the whole record is sealed to the implementer. Only for someone who asked
 * for an interview is a second copy sealed to HR, and it holds the HR view alone (dates,
 * doctor, place, the 意見書 part): never the report part, the answers or the scales.
 * For anyone who did not ask, an HR session gets the same PERMISSION error whether or
 * not a record exists. Each sealed plaintext names its submission.
 */
#define G_LOG_DOMAIN "sc-vault"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-workspace-private.h"

#include <string.h>

#define RECORD_TYPE G_VARIANT_TYPE ("(xa{sv})")
#define MEASURES_TYPE G_VARIANT_TYPE ("(xss)")

ScInterviewRecord *
sc_interview_record_new (void)
{
  ScInterviewRecord *record = g_new0 (ScInterviewRecord, 1);

  record->work_class = SC_WORK_CLASS_UNSET;
  return record;
}

/* The string fields, for copying, freeing and (de)serializing in one place. */
#define STRING_FIELDS(X)                                              \
  X (notified_on, TRUE) X (encouraged_on, FALSE) X (requested_on, TRUE) \
  X (interview_on, TRUE) X (doctor, TRUE) X (place_note, TRUE)        \
  X (opinion_on, TRUE) X (measures_on, TRUE) X (measures_taken, TRUE) \
  X (working_situation, FALSE) X (psychological_burden, FALSE)        \
  X (other_state, FALSE) X (reinterview_when, FALSE) X (note, FALSE)  \
  X (measures_other, TRUE) X (workplace_opinion, TRUE)                \
  X (medical_consideration, TRUE) X (doctor_opinion, FALSE)

void
sc_interview_record_free (ScInterviewRecord *record)
{
  if (record == NULL)
    return;
#define FREE_FIELD(name, hr) g_free (record->name);
  STRING_FIELDS (FREE_FIELD)
#undef FREE_FIELD
  g_free (record);
}

ScInterviewRecord *
sc_interview_record_copy (const ScInterviewRecord *record)
{
  ScInterviewRecord *copy = g_memdup2 (record, sizeof *record);

#define COPY_FIELD(name, hr) copy->name = g_strdup (record->name);
  STRING_FIELDS (COPY_FIELD)
#undef COPY_FIELD
  return copy;
}

/* HR's view holds the fields marked TRUE above and these numbers; the report part
 * (working situation, burden, state, finding, guidance, notes) stays out. */
static GVariant *
record_to_variant (const ScInterviewRecord *record,
                   gboolean                 hr_view)
{
  GVariantBuilder b;

  g_variant_builder_init (&b, G_VARIANT_TYPE ("a{sv}"));
#define PUT_FIELD(name, hr)                                                     \
  if (record->name != NULL && (hr || !hr_view))                                \
    g_variant_builder_add (&b, "{sv}", #name, g_variant_new_string (record->name));
  STRING_FIELDS (PUT_FIELD)
#undef PUT_FIELD
  g_variant_builder_add (&b, "{sv}", "requested_at_kiosk",
                         g_variant_new_boolean (record->requested_at_kiosk));
  g_variant_builder_add (&b, "{sv}", "place", g_variant_new_int32 (record->place));
  g_variant_builder_add (&b, "{sv}", "work_class", g_variant_new_int32 (record->work_class));
  g_variant_builder_add (&b, "{sv}", "measures", g_variant_new_uint32 (record->measures));
  g_variant_builder_add (&b, "{sv}", "overtime_hours",
                         g_variant_new_int32 (record->overtime_hours));
  if (!hr_view)
    {
      g_variant_builder_add (&b, "{sv}", "finding", g_variant_new_boolean (record->finding));
      g_variant_builder_add (&b, "{sv}", "guidance", g_variant_new_uint32 (record->guidance));
    }
  return g_variant_new ("(xa{sv})", record->submission_id, &b);
}

static ScInterviewRecord *
record_from_variant (GVariant *value,
                     gint64    submission_id,
                     gboolean  hr_view)
{
  g_autoptr(GVariant) dict = NULL;
  g_autoptr(ScInterviewRecord) record = sc_interview_record_new ();
  gint64 id;
  gint32 i32;

  g_variant_get (value, "(x@a{sv})", &id, &dict);
  if (id != submission_id)
    return NULL;
  record->submission_id = id;
  record->hr_view = hr_view;
#define GET_FIELD(name, hr)                                                     \
  if (hr || !hr_view)                                                          \
    g_variant_lookup (dict, #name, "s", &record->name);
  STRING_FIELDS (GET_FIELD)
#undef GET_FIELD
  g_variant_lookup (dict, "requested_at_kiosk", "b", &record->requested_at_kiosk);
  if (g_variant_lookup (dict, "place", "i", &i32)
      && i32 >= SC_INTERVIEW_PLACE_UNSET && i32 <= SC_INTERVIEW_PLACE_OTHER)
    record->place = (ScInterviewPlace) i32;
  if (g_variant_lookup (dict, "work_class", "i", &i32)
      && i32 >= SC_WORK_CLASS_UNSET && i32 <= SC_WORK_CLASS_LEAVE)
    record->work_class = (ScWorkClass) i32;
  g_variant_lookup (dict, "measures", "u", &record->measures);
  g_variant_lookup (dict, "overtime_hours", "i", &record->overtime_hours);
  if (!hr_view)
    {
      g_variant_lookup (dict, "finding", "b", &record->finding);
      g_variant_lookup (dict, "guidance", "u", &record->guidance);
    }
  return g_steal_pointer (&record);
}

ScInterviewRecord *
_sc_ws_open_record (ScVault     *vault,
                    gint64       submission_id,
                    const void  *sealed,
                    gsize        sealed_len,
                    gboolean     hr_view,
                    GError     **error)
{
  ScVaultRole key_role = hr_view ? SC_VAULT_ROLE_HR : SC_VAULT_ROLE_IMPLEMENTER;
  g_autoptr(GVariant) value = NULL;
  ScInterviewRecord *record = NULL;

  value = _sc_ws_open_variant (sealed, sealed_len, sc_vault_get_public_key (vault, key_role),
                               sc_vault_get_secret_key (vault, key_role), RECORD_TYPE);
  if (value != NULL)
    record = record_from_variant (value, submission_id, hr_view);
  if (record == NULL)
    sc_vault_set_damaged (error);
  return record;
}

/* ---- Deadlines ------------------------------------------------------------------------ */

char *
sc_interview_record_keep_until (const ScInterviewRecord *record)
{
  const char *from;
  GDate d;

  g_return_val_if_fail (record != NULL, NULL);

  from = record->interview_on != NULL ? record->interview_on : record->requested_on;
  if (_sc_ws_julian (from) == 0)
    return NULL;
  g_date_clear (&d, 1);
  g_date_set_julian (&d, _sc_ws_julian (from));
  g_date_add_years (&d, 5);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&d), g_date_get_month (&d),
                          g_date_get_day (&d));
}

static void
set_due (ScInterviewStepState *state,
         const char           *from,
         guint                 days,
         guint                 months,
         guint32               today)
{
  guint32 j = _sc_ws_julian (from);
  GDate d;

  if (j == 0)
    return;
  g_date_clear (&d, 1);
  g_date_set_julian (&d, j);
  if (days > 0)
    g_date_add_days (&d, days);
  if (months > 0)
    g_date_add_months (&d, months);
  g_snprintf (state->due_on, sizeof state->due_on, "%04u-%02u-%02u", g_date_get_year (&d),
              g_date_get_month (&d), g_date_get_day (&d));
  state->overdue = state->done_on[0] == '\0' && today > g_date_get_julian (&d);
}

void
sc_interview_steps_compute (const ScInterviewRecord *record,
                            gboolean                 recommended,
                            const char              *today,
                            ScInterviewStepState     out[SC_N_INTERVIEW_STEPS])
{
  guint32 t = _sc_ws_julian (today);
  gboolean requested = record->requested_on != NULL;
  const char *done[SC_N_INTERVIEW_STEPS] = {
    NULL, record->encouraged_on, record->requested_on, record->interview_on,
    record->opinion_on, record->measures_on,
  };

  g_return_if_fail (t != 0);

  memset (out, 0, sizeof (ScInterviewStepState) * SC_N_INTERVIEW_STEPS);
  for (guint i = 0; i < SC_N_INTERVIEW_STEPS; i++)
    {
      out[i].step = (ScInterviewStep) i;
      if (done[i] != NULL)
        g_strlcpy (out[i].done_on, done[i], sizeof out[i].done_on);
    }
  out[SC_INTERVIEW_STEP_RECOMMENDED].applies = recommended;
  /* 勧奨 only for someone recommended who has not asked yet; due inside the 30-day
   * window for the 申出 that starts with the result notice. */
  out[SC_INTERVIEW_STEP_ENCOURAGED].applies = recommended
                                              && (!requested || record->encouraged_on != NULL);
  if (out[SC_INTERVIEW_STEP_ENCOURAGED].applies && !requested)
    set_due (&out[SC_INTERVIEW_STEP_ENCOURAGED], record->notified_on, 30, 0, t);
  out[SC_INTERVIEW_STEP_REQUESTED].applies = recommended || requested;
  if (out[SC_INTERVIEW_STEP_REQUESTED].applies)
    set_due (&out[SC_INTERVIEW_STEP_REQUESTED], record->notified_on, 30, 0, t);
  for (guint i = SC_INTERVIEW_STEP_INTERVIEW; i < SC_N_INTERVIEW_STEPS; i++)
    {
      out[i].applies = requested;
      if (requested && done[i - 1] != NULL)
        set_due (&out[i], done[i - 1], 0, 1, t);
    }
}

/* ---- Reading ------------------------------------------------------------------------- */

static char *
date_or_null (gint64 unix_time)
{
  return unix_time > 0 ? _sc_ws_date_of_time (unix_time) : NULL;
}

/* Fills in what the vault knows outside the sealed record: the notice (the kiosk shows
 * the result at once; paper: the hand-over), the request and the measures. */
static gboolean
complete_record (ScVault            *vault,
                 ScInterviewRecord  *record,
                 gboolean            hr_view,
                 GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GVariant) measures = NULL;
  ScVaultRole key_role = hr_view ? SC_VAULT_ROLE_HR : SC_VAULT_ROLE_IMPLEMENTER;
  int blob = hr_view ? 5 : 4;

  stmt = sc_vault_db_prepare (sc_vault_get_db (vault),
                              "SELECT s.submitted_at, p.submission_id IS NOT NULL, "
                              "p.handed_over_on, i.requested_at, m.sealed_impl, "
                              "m.sealed_hr, q.requested_on FROM submissions s "
                              "LEFT JOIN paper_submissions p ON p.submission_id = s.id "
                              "LEFT JOIN interviews i ON i.submission_id = s.id "
                              "LEFT JOIN interview_measures m ON m.submission_id = s.id "
                              "LEFT JOIN staff_requests q ON q.submission_id = s.id "
                              "WHERE s.id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, record->submission_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _sc_vault_set_not_found (error, "This answer sheet does not exist.");
      return FALSE;
    }
  if (record->notified_on == NULL)
    record->notified_on = sqlite3_column_int (stmt, 1)
                          ? _sc_vault_column_strdup (stmt, 2)
                          : date_or_null (sqlite3_column_int64 (stmt, 0));
  if (record->requested_on == NULL && sqlite3_column_int64 (stmt, 3) > 0)
    {
      record->requested_at_kiosk = sqlite3_column_type (stmt, 6) == SQLITE_NULL;
      record->requested_on = record->requested_at_kiosk
                             ? date_or_null (sqlite3_column_int64 (stmt, 3))
                             : _sc_vault_column_strdup (stmt, 6);
    }
  if (sqlite3_column_type (stmt, blob) != SQLITE_NULL)
    {
      const char *on, *taken;
      gint64 id;

      measures = _sc_ws_open_variant (sqlite3_column_blob (stmt, blob),
                                      (gsize) sqlite3_column_bytes (stmt, blob),
                                      sc_vault_get_public_key (vault, key_role),
                                      sc_vault_get_secret_key (vault, key_role), MEASURES_TYPE);
      if (measures == NULL)
        goto damaged;
      g_variant_get (measures, "(x&s&s)", &id, &on, &taken);
      if (id != record->submission_id)
        goto damaged;
      g_free (record->measures_on);
      g_free (record->measures_taken);
      record->measures_on = g_strdup (on);
      record->measures_taken = *taken != '\0' ? g_strdup (taken) : NULL;
    }
  return TRUE;

damaged:
  sc_vault_set_damaged (error);
  return FALSE;
}

static void
set_not_asked (GError **error)
{
  g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION,
                       _("The employer sees interview records only of employees who asked "
                         "for an interview."));
}

ScInterviewRecord *
sc_vault_get_interview_record (ScVault  *vault,
                               gint64    submission_id,
                               GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(ScInterviewRecord) record = NULL;
  gboolean hr_view;
  sqlite3 *db;
  int column;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_STAFF, FALSE, error))
    return NULL;
  db = sc_vault_get_db (vault);
  hr_view = sc_vault_get_role (vault) != SC_VAULT_ROLE_IMPLEMENTER;
  if (!_sc_vault_lookup_submission (db, submission_id, NULL, NULL, NULL, error))
    return NULL;
  if (hr_view && _sc_ws_requested_at (db, submission_id) == 0)
    {
      set_not_asked (error);
      return NULL;
    }

  column = hr_view ? 1 : 0;
  stmt = sc_vault_db_prepare (db, "SELECT sealed_impl, sealed_hr FROM interview_records "
                                  "WHERE submission_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, submission_id);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, column) != SQLITE_NULL)
    {
      record = _sc_ws_open_record (vault, submission_id, sqlite3_column_blob (stmt, column),
                                   (gsize) sqlite3_column_bytes (stmt, column), hr_view,
                                   error);
      if (record == NULL)
        return NULL;
    }
  else
    {
      record = sc_interview_record_new ();
      record->submission_id = submission_id;
      record->hr_view = hr_view;
    }
  if (!complete_record (vault, record, hr_view, error))
    return NULL;
  return g_steal_pointer (&record);
}

/* ---- Writing ------------------------------------------------------------------------- */

static gboolean
check_record (const ScInterviewRecord  *record,
              GError                  **error)
{
  const char *dates[] = {
    record->notified_on, record->encouraged_on, record->requested_on, record->interview_on,
    record->opinion_on, record->measures_on,
  };
  guint32 last = 0;

#define CHECK_TEXT(name, hr)                                                          \
  if (record->name != NULL && (!g_utf8_validate (record->name, -1, NULL)             \
                               || strlen (record->name) > 20000))                    \
    {                                                                                 \
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,             \
                           _("A field of the interview record is not valid text or " \
                             "is too long."));                                        \
      return FALSE;                                                                   \
    }
  STRING_FIELDS (CHECK_TEXT)
#undef CHECK_TEXT

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    if (dates[i] != NULL && !_sc_ws_check_date (dates[i], "interview step", error))
      return FALSE;
  /* The interview, the opinion and the measures follow one another. */
  for (guint i = 3; i < G_N_ELEMENTS (dates); i++)
    {
      guint32 j = _sc_ws_julian (dates[i]);

      if (j == 0)
        continue;
      if (j < last)
        {
          g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,
                               _("A step of the interview is dated before the step it "
                                 "follows."));
          return FALSE;
        }
      last = j;
    }
  if ((record->measures & SC_MEASURE_OVERTIME_LIMIT)
      && (record->overtime_hours < 0 || record->overtime_hours > 744))
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,
                           _("Give the overtime limit in hours per month."));
      return FALSE;
    }
  if (record->measures >= (SC_MEASURE_OTHER << 1) || record->guidance >= (SC_GUIDANCE_MEDICAL << 1)
      || record->work_class < SC_WORK_CLASS_UNSET || record->work_class > SC_WORK_CLASS_LEAVE
      || record->place > SC_INTERVIEW_PLACE_OTHER)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,
                           _("The interview record holds a value out of range."));
      return FALSE;
    }
  return TRUE;
}

gboolean
sc_vault_save_interview_record (ScVault                  *vault,
                                const ScInterviewRecord  *record,
                                GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GBytes) sealed_impl = NULL;
  g_autoptr(GBytes) sealed_hr = NULL;
  g_autoptr(ScInterviewRecord) stored = NULL;
  sqlite3 *db;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_IMPLEMENTER), TRUE, error)
      || !check_record (record, error))
    return FALSE;
  db = sc_vault_get_db (vault);
  if (!_sc_vault_lookup_submission (db, record->submission_id, NULL, NULL, NULL, error))
    return FALSE;

  /* The measures are HR's part and stay in their own table. */
  stored = sc_interview_record_copy (record);
  g_clear_pointer (&stored->measures_on, g_free);
  g_clear_pointer (&stored->measures_taken, g_free);
  stored->hr_view = FALSE;
  sealed_impl = _sc_ws_seal_variant (sc_vault_get_public_key (vault, SC_VAULT_ROLE_IMPLEMENTER),
                                     record_to_variant (stored, FALSE));
  if (_sc_ws_requested_at (db, record->submission_id) > 0)
    sealed_hr = _sc_ws_seal_variant (sc_vault_get_public_key (vault, SC_VAULT_ROLE_HR),
                                     record_to_variant (stored, TRUE));

  if (!sc_vault_begin (vault, error))
    return FALSE;
  stmt = sc_vault_db_prepare (db, "INSERT OR REPLACE INTO interview_records (submission_id, "
                                  "sealed_impl, sealed_hr, updated_at) VALUES (?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, record->submission_id);
  sqlite3_bind_blob (stmt, 2, g_bytes_get_data (sealed_impl, NULL),
                     (int) g_bytes_get_size (sealed_impl), SQLITE_STATIC);
  if (sealed_hr != NULL)
    sqlite3_bind_blob (stmt, 3, g_bytes_get_data (sealed_hr, NULL),
                       (int) g_bytes_get_size (sealed_hr), SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_int64 (stmt, 4, _sc_vault_now ());
  if (!_sc_vault_step_done (db, stmt, error)
      || !sc_vault_audit_insert (vault, "interview.record", record->submission_id, error))
    goto fail;
  return sc_vault_commit_and_save (vault, error);

fail:
  sc_vault_rollback (vault);
  return FALSE;
}

gboolean
_sc_ws_share_record_with_hr (ScVault  *vault,
                             gint64    submission_id,
                             GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(ScInterviewRecord) record = NULL;
  g_autoptr(GBytes) sealed = NULL;
  sqlite3 *db = sc_vault_get_db (vault);

  stmt = sc_vault_db_prepare (db, "SELECT sealed_impl FROM interview_records "
                                  "WHERE submission_id = ? AND sealed_hr IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, submission_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return TRUE;
  record = _sc_ws_open_record (vault, submission_id, sqlite3_column_blob (stmt, 0),
                               (gsize) sqlite3_column_bytes (stmt, 0), FALSE, error);
  if (record == NULL)
    return FALSE;
  sealed = _sc_ws_seal_variant (sc_vault_get_public_key (vault, SC_VAULT_ROLE_HR),
                                record_to_variant (record, TRUE));
  update = sc_vault_db_prepare (db, "UPDATE interview_records SET sealed_hr = ? "
                                    "WHERE submission_id = ?", error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_blob (update, 1, g_bytes_get_data (sealed, NULL),
                     (int) g_bytes_get_size (sealed), SQLITE_STATIC);
  sqlite3_bind_int64 (update, 2, submission_id);
  return _sc_vault_step_done (db, update, error);
}

gboolean
sc_vault_record_measures (ScVault     *vault,
                          gint64       submission_id,
                          const char  *measures_on,
                          const char  *measures_taken,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(ScInterviewRecord) record = NULL;
  g_autoptr(GBytes) sealed_impl = NULL;
  g_autoptr(GBytes) sealed_hr = NULL;
  sqlite3 *db;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_STAFF, TRUE, error)
      || !_sc_ws_check_date (measures_on, "measures", error))
    return FALSE;
  if (measures_taken != NULL && (!g_utf8_validate (measures_taken, -1, NULL)
                                 || strlen (measures_taken) > 20000))
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,
                           _("The measures are not valid text or are too long."));
      return FALSE;
    }
  db = sc_vault_get_db (vault);
  if (!_sc_vault_lookup_submission (db, submission_id, NULL, NULL, NULL, error))
    return FALSE;
  if (_sc_ws_requested_at (db, submission_id) == 0)
    {
      set_not_asked (error);
      return FALSE;
    }
  record = sc_vault_get_interview_record (vault, submission_id, error);
  if (record == NULL)
    return FALSE;
  if (record->opinion_on == NULL || _sc_ws_julian (measures_on) < _sc_ws_julian (record->opinion_on))
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,
                           _("Measures can be recorded only after the doctor's opinion, and "
                             "not dated before it."));
      return FALSE;
    }

  sealed_impl = _sc_ws_seal_variant (sc_vault_get_public_key (vault, SC_VAULT_ROLE_IMPLEMENTER),
                                     g_variant_new ("(xss)", submission_id, measures_on,
                                                    measures_taken ? measures_taken : ""));
  sealed_hr = _sc_ws_seal_variant (sc_vault_get_public_key (vault, SC_VAULT_ROLE_HR),
                                   g_variant_new ("(xss)", submission_id, measures_on,
                                                  measures_taken ? measures_taken : ""));
  if (!sc_vault_begin (vault, error))
    return FALSE;
  stmt = sc_vault_db_prepare (db, "INSERT OR REPLACE INTO interview_measures (submission_id, "
                                  "sealed_impl, sealed_hr, updated_at) VALUES (?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, submission_id);
  sqlite3_bind_blob (stmt, 2, g_bytes_get_data (sealed_impl, NULL),
                     (int) g_bytes_get_size (sealed_impl), SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 3, g_bytes_get_data (sealed_hr, NULL),
                     (int) g_bytes_get_size (sealed_hr), SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, _sc_vault_now ());
  if (!_sc_vault_step_done (db, stmt, error)
      || !sc_vault_audit_insert (vault, "interview.measures", submission_id, error))
    goto fail;
  return sc_vault_commit_and_save (vault, error);

fail:
  sc_vault_rollback (vault);
  return FALSE;
}

GArray *
sc_vault_list_interview_ids (ScVault  *vault,
                             gint64    round_id,
                             GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GArray *ids;
  gboolean implementer;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_STAFF, FALSE, error))
    return NULL;
  implementer = sc_vault_get_role (vault) == SC_VAULT_ROLE_IMPLEMENTER;
  stmt = sc_vault_db_prepare (sc_vault_get_db (vault),
                              "SELECT s.id, i.requested_at, d.sealed, "
                              "r.submission_id IS NOT NULL, "
                              "i.recommendation_sealed IS NOT NULL FROM submissions s "
                              "LEFT JOIN interviews i ON i.submission_id = s.id "
                              "LEFT JOIN interview_decisions d ON d.submission_id = s.id "
                              "LEFT JOIN interview_records r ON r.submission_id = s.id "
                              "WHERE s.round_id = ? ORDER BY s.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, round_id);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gboolean include = sqlite3_column_int64 (stmt, 1) > 0;

      if (!include && implementer)
        {
          ScInterviewDecision decision;

          include = sqlite3_column_int (stmt, 3) != 0;
          if (!include && _sc_ws_open_decision (vault, id, sqlite3_column_blob (stmt, 2),
                                                (gsize) sqlite3_column_bytes (stmt, 2),
                                                &decision, NULL))
            {
              if (sqlite3_column_type (stmt, 2) == SQLITE_NULL
                  && sqlite3_column_int (stmt, 4) != 0)
                _sc_ws_legacy_decision (vault, id, &decision);
              include = decision.need == SC_INTERVIEW_NEED_REQUIRED;
              sc_interview_decision_clear (&decision);
            }
        }
      if (include)
        g_array_append_val (ids, id);
    }
  return ids;
}
