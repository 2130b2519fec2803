/* sc-vault-results.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The results list of the workspace, the implementer's interview-need decision, the
 * filter over the list, and the sealing helpers the workspace store files share.
 *
 * SECURITY: the implementer's rows are opened with the implementer's secret key. HR's
 * rows come only from the copies sealed to HR (consent or an interview request) and are
 * opened with HR's own key: an HR session cannot open anything else, whatever a caller
 * asks for. The decision is sealed to the implementer with who and when; HR never gets
 * it. Sealed plaintexts name their submission, so a blob cannot be moved to another
 * person unnoticed.
 */
#define G_LOG_DOMAIN "sc-vault"

#include "config.h"

#include "sc-workspace-private.h"

#include <string.h>

/* ---- Shared helpers ---------------------------------------------------------------- */

GBytes *
_sc_ws_seal_variant (const guint8 *pk,
                     GVariant     *value)
{
  g_autoptr(GVariant) normal = NULL;
  gsize len;
  guint8 *plain, *sealed;

  g_variant_ref_sink (value);
  normal = g_variant_get_normal_form (value);
  g_variant_unref (value);
  len = g_variant_get_size (normal);
  plain = g_malloc (len + 1);
  g_variant_store (normal, plain);
  sealed = g_malloc (len + crypto_box_SEALBYTES);
  crypto_box_seal (sealed, plain, len, pk);
  sodium_memzero (plain, len);
  g_free (plain);
  return g_bytes_new_take (sealed, len + crypto_box_SEALBYTES);
}

typedef struct
{
  guint8 *data;
  gsize   len;
} Plain;

static void
plain_free (gpointer data)
{
  Plain *plain = data;

  sodium_memzero (plain->data, plain->len);
  g_free (plain->data);
  g_free (plain);
}

GVariant *
_sc_ws_open_variant (const void         *sealed,
                     gsize               sealed_len,
                     const guint8       *pk,
                     const guint8       *sk,
                     const GVariantType *type)
{
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GBytes) bytes = NULL;
  Plain *plain;

  if (sealed == NULL || sk == NULL || sealed_len < crypto_box_SEALBYTES)
    return NULL;
  plain = g_new0 (Plain, 1);
  plain->len = sealed_len - crypto_box_SEALBYTES;
  plain->data = g_malloc (plain->len + 1);
  if (crypto_box_seal_open (plain->data, sealed, sealed_len, pk, sk) != 0)
    {
      plain_free (plain);
      return NULL;
    }
  bytes = g_bytes_new_with_free_func (plain->data, plain->len, plain_free, plain);
  value = g_variant_ref_sink (g_variant_new_from_bytes (type, bytes, FALSE));
  /* Untrusted bytes: only a value in normal form is accepted. */
  if (!g_variant_is_normal_form (value))
    return NULL;
  return g_steal_pointer (&value);
}

static gboolean
parse_date (const char *date,
            GDate      *out)
{
  unsigned y, m, d;
  char tail;

  g_date_clear (out, 1);
  if (date == NULL || strlen (date) != 10
      || sscanf (date, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3
      || date[4] != '-' || date[7] != '-'
      || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

gboolean
_sc_ws_check_date (const char  *date,
                   const char  *what,
                   GError     **error)
{
  GDate d;

  if (!parse_date (date, &d))
    {
      g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,
                   "The %s date must be a real day written as YYYY-MM-DD.", what);
      return FALSE;
    }
  return TRUE;
}

guint32
_sc_ws_julian (const char *date)
{
  GDate d;

  return parse_date (date, &d) ? g_date_get_julian (&d) : 0;
}

char *
_sc_ws_date_of_time (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (unix_time);

  return dt != NULL ? g_date_time_format (dt, "%Y-%m-%d") : NULL;
}

gint64
_sc_ws_requested_at (sqlite3 *db,
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

/* ---- The decision ---------------------------------------------------------------------- */

/* (submission id, need, note, decided by, decided at) */
#define DECISION_TYPE G_VARIANT_TYPE ("(xissx)")

void
sc_interview_decision_clear (ScInterviewDecision *decision)
{
  g_clear_pointer (&decision->note, g_free);
  g_clear_pointer (&decision->decided_by, g_free);
  decision->need = SC_INTERVIEW_NEED_UNDECIDED;
  decision->decided_at = 0;
}

gboolean
_sc_ws_open_decision (ScVault              *vault,
                      gint64                submission_id,
                      const void           *sealed,
                      gsize                 sealed_len,
                      ScInterviewDecision  *out,
                      GError              **error)
{
  g_autoptr(GVariant) value = NULL;
  const char *note, *by;
  gint64 id, at;
  gint32 need;

  memset (out, 0, sizeof *out);
  if (sealed == NULL)
    return TRUE;
  value = _sc_ws_open_variant (sealed, sealed_len,
                               sc_vault_get_public_key (vault, SC_VAULT_ROLE_IMPLEMENTER),
                               sc_vault_get_secret_key (vault, SC_VAULT_ROLE_IMPLEMENTER),
                               DECISION_TYPE);
  if (value == NULL)
    goto damaged;
  g_variant_get (value, "(xi&s&sx)", &id, &need, &note, &by, &at);
  if (id != submission_id || need < SC_INTERVIEW_NEED_UNDECIDED
      || need > SC_INTERVIEW_NEED_NOT_REQUIRED)
    goto damaged;
  out->need = (ScInterviewNeed) need;
  out->note = *note != '\0' ? g_strdup (note) : NULL;
  out->decided_by = *by != '\0' ? g_strdup (by) : NULL;
  out->decided_at = at;
  return TRUE;

damaged:
  sc_vault_set_damaged (error);
  return FALSE;
}

/* A decision made with sc_vault_recommend_interview() before this table existed. */
void
_sc_ws_legacy_decision (ScVault              *vault,
                 gint64                submission_id,
                 ScInterviewDecision  *out)
{
  gboolean recommended;

  if (sc_vault_get_recommendation (vault, submission_id, &recommended, &out->decided_by,
                                   &out->decided_at, NULL))
    out->need = recommended ? SC_INTERVIEW_NEED_REQUIRED : SC_INTERVIEW_NEED_NOT_REQUIRED;
}

gboolean
sc_vault_get_interview_decision (ScVault              *vault,
                                 gint64                submission_id,
                                 ScInterviewDecision  *out_decision,
                                 GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (out_decision != NULL, FALSE);

  memset (out_decision, 0, sizeof *out_decision);
  if (!sc_vault_check_role (vault, SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_IMPLEMENTER), FALSE, error))
    return FALSE;
  db = sc_vault_get_db (vault);
  if (!_sc_vault_lookup_submission (db, submission_id, NULL, NULL, NULL, error))
    return FALSE;
  stmt = sc_vault_db_prepare (db, "SELECT sealed FROM interview_decisions "
                                  "WHERE submission_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, submission_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _sc_ws_legacy_decision (vault, submission_id, out_decision);
      return TRUE;
    }
  return _sc_ws_open_decision (vault, submission_id, sqlite3_column_blob (stmt, 0),
                               (gsize) sqlite3_column_bytes (stmt, 0), out_decision, error);
}

gboolean
sc_vault_decide_interview_need (ScVault          *vault,
                                gint64            submission_id,
                                ScInterviewNeed   need,
                                const char       *note,
                                const char       *decided_by,
                                GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GBytes) sealed = NULL;
  g_autoptr(GByteArray) canon = NULL;
  sqlite3 *db;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (need >= SC_INTERVIEW_NEED_UNDECIDED
                        && need <= SC_INTERVIEW_NEED_NOT_REQUIRED, FALSE);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_IMPLEMENTER), TRUE, error))
    return FALSE;
  /* The person who unlocked, when the caller passes %NULL (sc-vault-people.h). */
  if (decided_by == NULL)
    decided_by = sc_vault_get_person_name (vault);
  if (decided_by == NULL || *decided_by == '\0' || !g_utf8_validate (decided_by, -1, NULL)
      || strlen (decided_by) > 1000)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,
                           "Give the name of the person who made this decision.");
      return FALSE;
    }
  if (note != NULL && (!g_utf8_validate (note, -1, NULL) || strlen (note) > 20000))
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,
                           "The note is not valid text or is too long.");
      return FALSE;
    }
  db = sc_vault_get_db (vault);
  if (!_sc_vault_lookup_submission (db, submission_id, NULL, NULL, NULL, error))
    return FALSE;

  sealed = _sc_ws_seal_variant (sc_vault_get_public_key (vault, SC_VAULT_ROLE_IMPLEMENTER),
                                g_variant_new ("(xissx)", submission_id, (gint32) need,
                                               note != NULL ? note : "", decided_by,
                                               _sc_vault_now ()));
  if (!sc_vault_begin (vault, error))
    return FALSE;
  stmt = sc_vault_db_prepare (db, "INSERT OR REPLACE INTO interview_decisions "
                                  "(submission_id, sealed) VALUES (?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, submission_id);
  sqlite3_bind_blob (stmt, 2, g_bytes_get_data (sealed, NULL),
                     (int) g_bytes_get_size (sealed), SQLITE_STATIC);
  if (!_sc_vault_step_done (db, stmt, error))
    goto fail;
  /* SECURITY: HR can seal a box to the implementer's public key too; the implementer's
   * signature is what tells the implementer's own decision from a forged one. */
  canon = _sc_vault_canon_decision (db, submission_id);
  if (canon == NULL
      || !_sc_vault_sign_record (vault, "decision", submission_id, canon, error)
      || !sc_vault_audit_insert (vault, "interview.decide", submission_id, error))
    goto fail;
  return sc_vault_commit_and_save (vault, error);

fail:
  sc_vault_rollback (vault);
  return FALSE;
}

/* ---- Rows ------------------------------------------------------------------------------- */

static void
row_clear (ScResultRow *row)
{
  g_free (row->number);
  g_free (row->name);
  g_free (row->department);
  g_free (row->date);
  g_free (row->search_key);
  sc_interview_decision_clear (&row->decision);
  sodium_memzero (&row->result, sizeof row->result);
}

ScResultRow *
sc_result_row_ref (ScResultRow *row)
{
  return g_atomic_rc_box_acquire (row);
}

void
sc_result_row_unref (ScResultRow *row)
{
  g_atomic_rc_box_release_full (row, (GDestroyNotify) row_clear);
}

G_DEFINE_BOXED_TYPE (ScResultRow, sc_result_row, sc_result_row_ref, sc_result_row_unref)

/* Whole years from @birth to @on (both YYYY-MM-DD), or -1. */
static int
age_on (const char *birth,
        const char *on)
{
  unsigned by, bm, bd, y, m, d;
  int age;

  if (birth == NULL || on == NULL
      || sscanf (birth, "%4u-%2u-%2u", &by, &bm, &bd) != 3
      || sscanf (on, "%4u-%2u-%2u", &y, &m, &d) != 3)
    return -1;
  age = (int) y - (int) by;
  if (m < bm || (m == bm && d < bd))
    age--;
  return age >= 0 ? age : -1;
}

char *
sc_result_filter_prepare_search (const char *text)
{
  g_autofree char *nfkc = NULL;
  g_autofree char *stripped = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;
  nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  if (nfkc == NULL)
    return NULL;
  stripped = g_strstrip (g_strdup (nfkc));
  if (*stripped == '\0')
    return NULL;
  return g_utf8_casefold (stripped, -1);
}

typedef struct
{
  ScCriteria  criteria;
  char       *round_start;   /* YYYY-MM-DD: the age is taken on this day */
} RoundInfo;

static gboolean
round_info (ScVault    *vault,
            gint64      round_id,
            RoundInfo  *info,
            GError    **error)
{
  g_autoptr(ScVaultRound) round = sc_vault_get_round (vault, round_id, error);

  if (round == NULL)
    return FALSE;
  info->criteria = round->criteria;
  info->round_start = round->period_start != NULL ? g_strdup (round->period_start)
                                                  : _sc_ws_date_of_time (round->created_at);
  return TRUE;
}

/* Columns of ROW_SELECT, in order. */
#define ROW_SELECT                                                                  \
  "SELECT s.id, s.employee_id, e.number, e.name, e.department, e.sex, e.birth_date, "  \
  "s.submitted_at, p.answered_on, c.value, c.decided_at, i.requested_at, "           \
  "s.sealed_impl, s.sealed_hr, d.sealed, i.recommendation_sealed IS NOT NULL "       \
  "FROM submissions s JOIN employees e ON e.id = s.employee_id "                      \
  "LEFT JOIN paper_submissions p ON p.submission_id = s.id "                          \
  "LEFT JOIN consents c ON c.submission_id = s.id "                                   \
  "LEFT JOIN interviews i ON i.submission_id = s.id "                                 \
  "LEFT JOIN interview_decisions d ON d.submission_id = s.id "

static ScResultRow *
row_from_stmt (ScVault          *vault,
               sqlite3_stmt     *stmt,
               gint64            round_id,
               const RoundInfo  *info,
               GError          **error)
{
  g_autoptr(ScResultRow) row = g_atomic_rc_box_new0 (ScResultRow);
  gboolean implementer = sc_vault_get_role (vault) == SC_VAULT_ROLE_IMPLEMENTER;
  ScVaultRole key_role = implementer ? SC_VAULT_ROLE_IMPLEMENTER : SC_VAULT_ROLE_HR;
  int blob_column = implementer ? 12 : 13;
  const ScAreaResult *area;
  ScVaultResult full;
  g_autofree char *key = NULL;

  row->submission_id = sqlite3_column_int64 (stmt, 0);
  /* SECURITY: HR opens only its own copy, with its own key. */
  if (!_sc_vault_open_result (sqlite3_column_blob (stmt, blob_column),
                              (gsize) sqlite3_column_bytes (stmt, blob_column),
                              sc_vault_get_public_key (vault, key_role),
                              sc_vault_get_secret_key (vault, key_role),
                              round_id, sqlite3_column_int64 (stmt, 1), &full, NULL, NULL))
    {
      sc_vault_set_damaged (error);
      return NULL;
    }
  row->result = full.result;
  sodium_memzero (&full, sizeof full);
  /* The round's criteria may have changed since the result was sealed. */
  sc_result_judge (&row->result, &info->criteria);

  row->number = _sc_vault_column_strdup (stmt, 2);
  row->name = _sc_vault_column_strdup (stmt, 3);
  row->department = _sc_vault_column_strdup (stmt, 4);
  row->sex = sqlite3_column_int (stmt, 5) == SC_SEX_FEMALE ? SC_SEX_FEMALE : SC_SEX_MALE;
  row->age = age_on ((const char *) sqlite3_column_text (stmt, 6), info->round_start);
  if (sqlite3_column_type (stmt, 8) != SQLITE_NULL)
    {
      row->date = _sc_vault_column_strdup (stmt, 8);
      row->paper = TRUE;
    }
  else
    row->date = _sc_ws_date_of_time (sqlite3_column_int64 (stmt, 7));

  row->method = info->criteria.method;
  area = sc_result_primary (&row->result, &info->criteria);
  row->verdict = area->verdict;
  row->criteria = area->criteria;
  row->sum_a = area->a;
  row->sum_b = area->b;
  row->sum_c = area->c;
  row->complete = row->result.complete;
  if (sqlite3_column_type (stmt, 9) == SQLITE_NULL)
    row->consent = SC_VAULT_CONSENT_UNDECIDED;
  else
    row->consent = sqlite3_column_int (stmt, 9) == SC_VAULT_CONSENT_YES
                   ? SC_VAULT_CONSENT_YES : SC_VAULT_CONSENT_NO;
  row->consent_at = sqlite3_column_int64 (stmt, 10);
  row->interview_requested_at = sqlite3_column_int64 (stmt, 11);

  if (implementer)
    {
      row->has_decision = TRUE;
      if (sqlite3_column_type (stmt, 14) != SQLITE_NULL)
        {
          if (!_sc_ws_open_decision (vault, row->submission_id,
                                     sqlite3_column_blob (stmt, 14),
                                     (gsize) sqlite3_column_bytes (stmt, 14),
                                     &row->decision, error))
            return NULL;
        }
      else if (sqlite3_column_int (stmt, 15) != 0)
        _sc_ws_legacy_decision (vault, row->submission_id, &row->decision);
    }

  key = g_strconcat (row->number, " ", row->name, NULL);
  row->search_key = sc_result_filter_prepare_search (key);
  return g_steal_pointer (&row);
}

GPtrArray *
sc_vault_list_results (ScVault  *vault,
                       gint64    round_id,
                       GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  RoundInfo info = { 0 };
  gboolean ok = TRUE;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_STAFF, FALSE, error)
      || !round_info (vault, round_id, &info, error))
    return NULL;
  /* SECURITY: HR's query does not even select rows without HR's copy. */
  stmt = sc_vault_db_prepare (sc_vault_get_db (vault),
                              ROW_SELECT "WHERE s.round_id = ?1 AND (?2 OR s.sealed_hr "
                              "IS NOT NULL) ORDER BY e.number", error);
  if (stmt == NULL)
    {
      g_free (info.round_start);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_int (stmt, 2, sc_vault_get_role (vault) == SC_VAULT_ROLE_IMPLEMENTER);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_result_row_unref);
  while (ok && sqlite3_step (stmt) == SQLITE_ROW)
    {
      ScResultRow *row = row_from_stmt (vault, stmt, round_id, &info, error);

      if (row == NULL)
        ok = FALSE;
      else
        g_ptr_array_add (list, row);
    }
  g_free (info.round_start);
  return ok ? g_steal_pointer (&list) : NULL;
}

ScResultRow *
sc_vault_get_result_row (ScVault  *vault,
                         gint64    submission_id,
                         GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  RoundInfo info = { 0 };
  gint64 round_id;
  gboolean has_hr;
  ScResultRow *row;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_STAFF, FALSE, error)
      || !_sc_vault_lookup_submission (sc_vault_get_db (vault), submission_id, &round_id,
                                       NULL, &has_hr, error))
    return NULL;
  if (sc_vault_get_role (vault) != SC_VAULT_ROLE_IMPLEMENTER && !has_hr)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION,
                           "This employee has not agreed to share the result with the "
                           "employer.");
      return NULL;
    }
  if (!round_info (vault, round_id, &info, error))
    return NULL;
  stmt = sc_vault_db_prepare (sc_vault_get_db (vault), ROW_SELECT "WHERE s.id = ?", error);
  if (stmt == NULL)
    {
      g_free (info.round_start);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, submission_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_free (info.round_start);
      _sc_vault_set_not_found (error, "This answer sheet does not exist.");
      return NULL;
    }
  row = row_from_stmt (vault, stmt, round_id, &info, error);
  g_free (info.round_start);
  return row;
}

/* ---- Filter ----------------------------------------------------------------------------- */

gboolean
sc_result_row_matches (const ScResultRow   *row,
                       ScResultFilterFlags  flags,
                       const char          *search)
{
  g_return_val_if_fail (row != NULL, FALSE);

  if ((flags & SC_RESULT_FILTER_HIGH_STRESS) && row->verdict != SC_VERDICT_HIGH)
    return FALSE;
  if ((flags & SC_RESULT_FILTER_INCOMPLETE) && row->complete)
    return FALSE;
  if ((flags & SC_RESULT_FILTER_DECISION_PENDING)
      && (!row->has_decision || row->verdict == SC_VERDICT_NOT_HIGH
          || row->decision.need != SC_INTERVIEW_NEED_UNDECIDED))
    return FALSE;
  if ((flags & SC_RESULT_FILTER_CONSENTED) && row->consent != SC_VAULT_CONSENT_YES)
    return FALSE;
  if ((flags & SC_RESULT_FILTER_REQUESTED) && row->interview_requested_at == 0)
    return FALSE;
  if (search != NULL && *search != '\0'
      && (row->search_key == NULL || strstr (row->search_key, search) == NULL))
    return FALSE;
  return TRUE;
}

GPtrArray *
sc_result_rows_filter (GPtrArray            *rows,
                       ScResultFilterFlags   flags,
                       const char           *search)
{
  GPtrArray *out;

  g_return_val_if_fail (rows != NULL, NULL);

  out = g_ptr_array_new_full (rows->len, (GDestroyNotify) sc_result_row_unref);
  for (guint i = 0; i < rows->len; i++)
    {
      ScResultRow *row = g_ptr_array_index (rows, i);

      if (sc_result_row_matches (row, flags, search))
        g_ptr_array_add (out, sc_result_row_ref (row));
    }
  return out;
}
