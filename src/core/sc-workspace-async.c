/* sc-workspace-async.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The _async/_finish twins of the workspace writes (sc-workspace.h). Each runs its
 * synchronous function in the vault's worker thread through _sc_vault_run_work_async(),
 * under the threading rule of sc-vault-async.h.
 */
#define G_LOG_DOMAIN "sc-vault"

#include "config.h"

#include "sc-workspace-private.h"

typedef struct
{
  gint64              round_id;
  gint64              submission_id;
  char               *number;
  char               *date;
  char               *text;
  char               *by;
  gboolean            flag;
  ScInterviewNeed     need;
  ScInterviewRecord  *record;
} Args;

static void
args_free (gpointer data)
{
  Args *args = data;

  g_free (args->number);
  g_free (args->date);
  g_free (args->text);
  g_free (args->by);
  sc_interview_record_free (args->record);
  g_free (args);
}

static gboolean
finish (ScVault       *vault,
        GAsyncResult  *result,
        gpointer       tag,
        GError       **error)
{
  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);

  return _sc_vault_run_work_finish (vault, result, tag, error) != NULL;
}

/* ---- Reminders ------------------------------------------------------------------------ */

static gboolean
reminder_work (ScVault *vault, gpointer data, GError **error)
{
  Args *a = data;

  return sc_vault_set_reminder (vault, a->round_id, a->number, a->date, error);
}

void
sc_vault_set_reminder_async (ScVault             *vault,
                             gint64               round_id,
                             const char          *employee_number,
                             const char          *given_on,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  Args *a = g_new0 (Args, 1);

  a->round_id = round_id;
  a->number = g_strdup (employee_number);
  a->date = g_strdup (given_on);
  _sc_vault_run_work_async (vault, reminder_work, a, args_free, sc_vault_set_reminder_async,
                            cancellable, callback, user_data);
}

gboolean
sc_vault_set_reminder_finish (ScVault *vault, GAsyncResult *result, GError **error)
{
  return finish (vault, result, sc_vault_set_reminder_async, error);
}

/* ---- Decision ------------------------------------------------------------------------- */

static gboolean
decide_work (ScVault *vault, gpointer data, GError **error)
{
  Args *a = data;

  return sc_vault_decide_interview_need (vault, a->submission_id, a->need, a->text, a->by,
                                         error);
}

void
sc_vault_decide_interview_need_async (ScVault             *vault,
                                      gint64               submission_id,
                                      ScInterviewNeed      need,
                                      const char          *note,
                                      const char          *decided_by,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  Args *a = g_new0 (Args, 1);

  a->submission_id = submission_id;
  a->need = need;
  a->text = g_strdup (note);
  a->by = g_strdup (decided_by);
  _sc_vault_run_work_async (vault, decide_work, a, args_free,
                            sc_vault_decide_interview_need_async, cancellable, callback,
                            user_data);
}

gboolean
sc_vault_decide_interview_need_finish (ScVault *vault, GAsyncResult *result, GError **error)
{
  return finish (vault, result, sc_vault_decide_interview_need_async, error);
}

/* ---- Interview record and measures ------------------------------------------------------ */

static gboolean
record_work (ScVault *vault, gpointer data, GError **error)
{
  Args *a = data;

  return sc_vault_save_interview_record (vault, a->record, error);
}

void
sc_vault_save_interview_record_async (ScVault                 *vault,
                                      const ScInterviewRecord *record,
                                      GCancellable            *cancellable,
                                      GAsyncReadyCallback      callback,
                                      gpointer                 user_data)
{
  Args *a = g_new0 (Args, 1);
  a->record = sc_interview_record_copy (record);
  _sc_vault_run_work_async (vault, record_work, a, args_free,
                            sc_vault_save_interview_record_async, cancellable, callback,
                            user_data);
}

gboolean
sc_vault_save_interview_record_finish (ScVault *vault, GAsyncResult *result, GError **error)
{
  return finish (vault, result, sc_vault_save_interview_record_async, error);
}

static gboolean
measures_work (ScVault *vault, gpointer data, GError **error)
{
  Args *a = data;

  return sc_vault_record_measures (vault, a->submission_id, a->date, a->text, error);
}

void
sc_vault_record_measures_async (ScVault             *vault,
                                gint64               submission_id,
                                const char          *measures_on,
                                const char          *measures_taken,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  Args *a = g_new0 (Args, 1);

  a->submission_id = submission_id;
  a->date = g_strdup (measures_on);
  a->text = g_strdup (measures_taken);
  _sc_vault_run_work_async (vault, measures_work, a, args_free,
                            sc_vault_record_measures_async, cancellable, callback, user_data);
}

gboolean
sc_vault_record_measures_finish (ScVault *vault, GAsyncResult *result, GError **error)
{
  return finish (vault, result, sc_vault_record_measures_async, error);
}

/* ---- Paper ------------------------------------------------------------------------------- */

static gboolean
handover_work (ScVault *vault, gpointer data, GError **error)
{
  Args *a = data;

  return sc_vault_record_handover (vault, a->submission_id, a->date, error);
}

void
sc_vault_record_handover_async (ScVault             *vault,
                                gint64               submission_id,
                                const char          *date,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  Args *a = g_new0 (Args, 1);

  a->submission_id = submission_id;
  a->date = g_strdup (date);
  _sc_vault_run_work_async (vault, handover_work, a, args_free,
                            sc_vault_record_handover_async, cancellable, callback, user_data);
}

gboolean
sc_vault_record_handover_finish (ScVault *vault, GAsyncResult *result, GError **error)
{
  return finish (vault, result, sc_vault_record_handover_async, error);
}

static gboolean
consent_work (ScVault *vault, gpointer data, GError **error)
{
  Args *a = data;

  return sc_vault_record_paper_consent (vault, a->submission_id, a->flag, a->date, error);
}

void
sc_vault_record_paper_consent_async (ScVault             *vault,
                                     gint64               submission_id,
                                     gboolean             consent,
                                     const char          *date,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  Args *a = g_new0 (Args, 1);

  a->submission_id = submission_id;
  a->flag = consent;
  a->date = g_strdup (date);
  _sc_vault_run_work_async (vault, consent_work, a, args_free,
                            sc_vault_record_paper_consent_async, cancellable, callback,
                            user_data);
}

gboolean
sc_vault_record_paper_consent_finish (ScVault *vault, GAsyncResult *result, GError **error)
{
  return finish (vault, result, sc_vault_record_paper_consent_async, error);
}

static gboolean
request_work (ScVault *vault, gpointer data, GError **error)
{
  Args *a = data;

  return sc_vault_record_paper_request (vault, a->submission_id, a->date, error);
}

void
sc_vault_record_paper_request_async (ScVault             *vault,
                                     gint64               submission_id,
                                     const char          *date,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  Args *a = g_new0 (Args, 1);

  a->submission_id = submission_id;
  a->date = g_strdup (date);
  _sc_vault_run_work_async (vault, request_work, a, args_free,
                            sc_vault_record_paper_request_async, cancellable, callback,
                            user_data);
}

gboolean
sc_vault_record_paper_request_finish (ScVault *vault, GAsyncResult *result, GError **error)
{
  return finish (vault, result, sc_vault_record_paper_request_async, error);
}
