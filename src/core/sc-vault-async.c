/* sc-vault-async.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The _async/_finish functions of sc-vault-async.h. Every one goes through run_job():
 * the public GTask carries the job and the caller's callback; an inner GTask runs the job
 * in a worker thread and completes in the caller's main context, where the vault is
 * handed back (busy state cleared, held-back notifications emitted, a deferred lock or
 * close done) before the public task returns its result.
 */
#define G_LOG_DOMAIN "sc-vault"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-vault-async.h"
#include "sc-vault-people.h"
#include "sc-vault-private.h"
#include "sc-demo.h"
#include "sc-secure.h"

#include <string.h>

typedef struct _Job Job;
typedef gboolean (*JobFunc) (Job     *job,
                             GError **error);

/* SECURITY: a passphrase lives in guarded memory from the _async call until the job is
 * freed; the recovery key of a new vault until _finish takes it. */
struct _Job
{
  JobFunc                 func;
  ScVault                *vault;           /* the vault worked on, owned; or NULL */
  gboolean                has_passphrase;
  char                   *passphrase;      /* guarded */
  char                   *passphrase2;     /* guarded: HR's new one for a key rotation */
  char                   *path;
  char                   *report_path;
  char                   *name;
  char                   *period_start;
  char                   *period_end;
  gboolean                has_criteria;
  ScCriteria              criteria;
  gboolean                has_limits;
  ScVaultKdfLimits        limits;
  ScVaultOpenFlags        flags;
  gint64                  round_id;
  ScVaultWorkFunc         work;            /* _sc_vault_run_work_async() */
  gpointer                work_data;
  GDestroyNotify          work_destroy;

  /* Results, read by _finish */
  ScVault                *new_vault;
  char                   *recovery_key;
  gint64                  new_round_id;
};

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->vault);
  sc_secure_free (job->passphrase);
  sc_secure_free (job->passphrase2);
  g_free (job->path);
  g_free (job->report_path);
  g_free (job->name);
  g_free (job->period_start);
  g_free (job->period_end);
  if (job->work_destroy != NULL)
    job->work_destroy (job->work_data);
  g_clear_object (&job->new_vault);
  if (job->recovery_key != NULL)
    sc_vault_free_recovery_key (job->recovery_key);
  g_free (job);
}

static Job *
job_new (JobFunc     func,
         ScVault    *vault,
         const char *passphrase)
{
  Job *job = g_new0 (Job, 1);

  job->func = func;
  job->vault = vault != NULL ? g_object_ref (vault) : NULL;
  if (passphrase != NULL)
    {
      job->has_passphrase = TRUE;
      job->passphrase = sc_secure_dup (passphrase, strlen (passphrase) + 1);
    }
  return job;
}

void
_sc_vault_set_busy_error (GError **error)
{
  g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_BUSY,
                       _("The vault is busy with a task. Wait until it is done."));
}

gboolean
sc_vault_is_busy (ScVault *vault)
{
  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);

  return vault->busy_caller != NULL;
}

/* Runs in the caller's thread before the worker starts. */
static void
take_vault (ScVault *vault)
{
  vault->busy_caller = g_thread_self ();
  vault->lock_pending = FALSE;
  vault->close_pending = FALSE;
  g_object_freeze_notify (G_OBJECT (vault));
}

/* Runs in the caller's thread after the worker is done, before the callback. */
static void
give_back_vault (ScVault *vault)
{
  gboolean lock = vault->lock_pending;
  gboolean close = vault->close_pending;

  vault->busy_caller = NULL;
  vault->lock_pending = FALSE;
  vault->close_pending = FALSE;
  if (close)
    sc_vault_close (vault);
  else if (lock)
    sc_vault_lock (vault);
  g_object_thaw_notify (G_OBJECT (vault));
}

static void
job_thread (GTask        *inner,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;

  if (job->has_passphrase && job->passphrase == NULL)
    {
      g_task_return_new_error (inner, SC_VAULT_ERROR, SC_VAULT_ERROR_IO, "%s",
                               "There is not enough protected memory for the passphrase.");
      return;
    }
  if (job->func (job, &error))
    g_task_return_boolean (inner, TRUE);
  else
    g_task_return_error (inner, g_steal_pointer (&error));
}

static void
on_job_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Job *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = g_task_propagate_boolean (G_TASK (result), &error);
  if (job->vault != NULL)
    give_back_vault (job->vault);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/* Takes @job. Refuses (in the callback, with BUSY) a second task on the same vault. */
static void
run_job (Job                 *job,
         gpointer             source_tag,
         GCancellable        *cancellable,
         GAsyncReadyCallback  callback,
         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) inner = NULL;

  task = g_task_new (job->vault, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  /* The work is never cut short, so the result is the real one even after a cancel. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, job_free);

  if (job->vault != NULL && job->vault->busy_caller != NULL)
    {
      g_clear_object (&job->vault);
      g_task_return_new_error (task, SC_VAULT_ERROR, SC_VAULT_ERROR_BUSY, "%s",
                               _("The vault is busy with a task. Wait until it is done."));
      return;
    }
  if (job->vault != NULL)
    take_vault (job->vault);

  /* The public task outlives the inner one: on_job_done_cb holds it. */
  inner = g_task_new (NULL, NULL, on_job_done_cb, g_object_ref (task));
  g_task_set_source_tag (inner, run_job);
  g_task_set_check_cancellable (inner, FALSE);
  g_task_set_task_data (inner, job, NULL);
  g_task_run_in_thread (inner, job_thread);
}

/* The job of a finished task, or NULL with the error set. */
static Job *
finish_job (gpointer       source_object,
            GAsyncResult  *result,
            gpointer       source_tag,
            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source_object), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  return g_task_get_task_data (G_TASK (result));
}

/* ---- Creating and opening ------------------------------------------------------------ */

static gboolean
create_job (Job     *job,
            GError **error)
{
  g_autoptr(GError) rename_error = NULL;

  if (job->name != NULL && !sc_vault_check_person_name (job->name, error))
    return FALSE;
  job->new_vault = sc_vault_create (job->path, job->passphrase,
                                    job->has_limits ? &job->limits : NULL,
                                    &job->recovery_key, error);
  if (job->new_vault == NULL)
    return FALSE;
  /* The vault is made: a name that could not be saved can be given again later. */
  if (job->name != NULL
      && !sc_vault_rename_person (job->new_vault, sc_vault_get_person_id (job->new_vault),
                                  job->name, &rename_error))
    g_message ("The creator's name could not be saved: %s", rename_error->message);
  return TRUE;
}

void
sc_vault_create_named_async (const char             *path,
                             const char             *name,
                             const char             *implementer_passphrase,
                             const ScVaultKdfLimits *limits,
                             GCancellable           *cancellable,
                             GAsyncReadyCallback     callback,
                             gpointer                user_data)
{
  Job *job;

  g_return_if_fail (path != NULL);
  g_return_if_fail (implementer_passphrase != NULL);

  job = job_new (create_job, NULL, implementer_passphrase);
  job->path = g_strdup (path);
  job->name = g_strdup (name);
  if (limits != NULL)
    {
      job->has_limits = TRUE;
      job->limits = *limits;
    }
  run_job (job, sc_vault_create_async, cancellable, callback, user_data);
}

void
sc_vault_create_async (const char             *path,
                       const char             *implementer_passphrase,
                       const ScVaultKdfLimits *limits,
                       GCancellable           *cancellable,
                       GAsyncReadyCallback     callback,
                       gpointer                user_data)
{
  g_return_if_fail (path != NULL);
  g_return_if_fail (implementer_passphrase != NULL);

  sc_vault_create_named_async (path, NULL, implementer_passphrase, limits, cancellable,
                               callback, user_data);
}

ScVault *
sc_vault_create_finish (GAsyncResult  *result,
                        char         **out_recovery_key,
                        GError       **error)
{
  Job *job;

  g_return_val_if_fail (out_recovery_key != NULL, NULL);

  *out_recovery_key = NULL;
  job = finish_job (NULL, result, sc_vault_create_async, error);
  if (job == NULL)
    return NULL;
  *out_recovery_key = g_steal_pointer (&job->recovery_key);
  return g_steal_pointer (&job->new_vault);
}

static gboolean
open_job (Job     *job,
          GError **error)
{
  job->new_vault = sc_vault_open (job->path, job->passphrase, job->flags, error);
  return job->new_vault != NULL;
}

void
sc_vault_open_async (const char          *path,
                     const char          *passphrase,
                     ScVaultOpenFlags     flags,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  Job *job;

  g_return_if_fail (path != NULL);
  g_return_if_fail (passphrase != NULL);

  job = job_new (open_job, NULL, passphrase);
  job->path = g_strdup (path);
  job->flags = flags;
  run_job (job, sc_vault_open_async, cancellable, callback, user_data);
}

ScVault *
sc_vault_open_finish (GAsyncResult  *result,
                      GError       **error)
{
  Job *job = finish_job (NULL, result, sc_vault_open_async, error);

  return job != NULL ? g_steal_pointer (&job->new_vault) : NULL;
}

/* ---- Passphrases --------------------------------------------------------------------- */

static gboolean
unlock_job (Job     *job,
            GError **error)
{
  return sc_vault_unlock (job->vault, job->passphrase, error);
}

void
sc_vault_unlock_async (ScVault             *vault,
                       const char          *passphrase,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_return_if_fail (SC_IS_VAULT (vault));
  g_return_if_fail (passphrase != NULL);

  run_job (job_new (unlock_job, vault, passphrase), sc_vault_unlock_async, cancellable,
           callback, user_data);
}

gboolean
sc_vault_unlock_finish (ScVault       *vault,
                        GAsyncResult  *result,
                        GError       **error)
{
  return finish_job (vault, result, sc_vault_unlock_async, error) != NULL;
}

static gboolean
change_passphrase_job (Job     *job,
                       GError **error)
{
  return sc_vault_change_passphrase (job->vault, job->passphrase, error);
}

void
sc_vault_change_passphrase_async (ScVault             *vault,
                                  const char          *new_passphrase,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (SC_IS_VAULT (vault));
  g_return_if_fail (new_passphrase != NULL);

  run_job (job_new (change_passphrase_job, vault, new_passphrase),
           sc_vault_change_passphrase_async, cancellable, callback, user_data);
}

gboolean
sc_vault_change_passphrase_finish (ScVault       *vault,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return finish_job (vault, result, sc_vault_change_passphrase_async, error) != NULL;
}

static gboolean
rotate_keys_job (Job     *job,
                 GError **error)
{
  return sc_vault_rotate_keys (job->vault, job->passphrase, job->passphrase2,
                               &job->recovery_key, error);
}

void
sc_vault_rotate_keys_async (ScVault             *vault,
                            const char          *implementer_passphrase,
                            const char          *hr_passphrase,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  Job *job;

  g_return_if_fail (SC_IS_VAULT (vault));
  g_return_if_fail (implementer_passphrase != NULL);

  job = job_new (rotate_keys_job, vault, implementer_passphrase);
  if (hr_passphrase != NULL)
    job->passphrase2 = sc_secure_dup (hr_passphrase, strlen (hr_passphrase) + 1);
  run_job (job, sc_vault_rotate_keys_async, cancellable, callback, user_data);
}

gboolean
sc_vault_rotate_keys_finish (ScVault       *vault,
                             GAsyncResult  *result,
                             char         **out_recovery_key,
                             GError       **error)
{
  Job *job;

  g_return_val_if_fail (out_recovery_key != NULL, FALSE);

  *out_recovery_key = NULL;
  job = finish_job (vault, result, sc_vault_rotate_keys_async, error);
  if (job == NULL)
    return FALSE;
  *out_recovery_key = g_steal_pointer (&job->recovery_key);
  return TRUE;
}

/* ---- The kiosk ----------------------------------------------------------------------- */

static gboolean
enter_kiosk_job (Job     *job,
                 GError **error)
{
  return sc_vault_enter_kiosk (job->vault, error);
}

void
sc_vault_enter_kiosk_async (ScVault             *vault,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (SC_IS_VAULT (vault));

  run_job (job_new (enter_kiosk_job, vault, NULL), sc_vault_enter_kiosk_async, cancellable,
           callback, user_data);
}

gboolean
sc_vault_enter_kiosk_finish (ScVault       *vault,
                             GAsyncResult  *result,
                             GError       **error)
{
  return finish_job (vault, result, sc_vault_enter_kiosk_async, error) != NULL;
}

static gboolean
leave_kiosk_job (Job     *job,
                 GError **error)
{
  return sc_vault_leave_kiosk (job->vault, job->passphrase, error);
}

void
sc_vault_leave_kiosk_async (ScVault             *vault,
                            const char          *passphrase,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (SC_IS_VAULT (vault));
  g_return_if_fail (passphrase != NULL);

  run_job (job_new (leave_kiosk_job, vault, passphrase), sc_vault_leave_kiosk_async,
           cancellable, callback, user_data);
}

gboolean
sc_vault_leave_kiosk_finish (ScVault       *vault,
                             GAsyncResult  *result,
                             GError       **error)
{
  return finish_job (vault, result, sc_vault_leave_kiosk_async, error) != NULL;
}

/* ---- Rounds -------------------------------------------------------------------------- */

static gboolean
create_round_job (Job     *job,
                  GError **error)
{
  job->new_round_id = sc_vault_create_round (job->vault, job->name, job->period_start,
                                             job->period_end,
                                             job->has_criteria ? &job->criteria : NULL,
                                             error);
  return job->new_round_id != 0;
}

void
sc_vault_create_round_async (ScVault             *vault,
                             const char          *name,
                             const char          *period_start,
                             const char          *period_end,
                             const ScCriteria    *criteria,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  Job *job;

  g_return_if_fail (SC_IS_VAULT (vault));

  job = job_new (create_round_job, vault, NULL);
  job->name = g_strdup (name);
  job->period_start = g_strdup (period_start);
  job->period_end = g_strdup (period_end);
  if (criteria != NULL)
    {
      job->has_criteria = TRUE;
      job->criteria = *criteria;
    }
  run_job (job, sc_vault_create_round_async, cancellable, callback, user_data);
}

gint64
sc_vault_create_round_finish (ScVault       *vault,
                              GAsyncResult  *result,
                              GError       **error)
{
  Job *job = finish_job (vault, result, sc_vault_create_round_async, error);

  return job != NULL ? job->new_round_id : 0;
}

static gboolean
close_round_job (Job     *job,
                 GError **error)
{
  return sc_vault_close_round (job->vault, job->round_id, error);
}

void
sc_vault_close_round_async (ScVault             *vault,
                            gint64               round_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  Job *job;

  g_return_if_fail (SC_IS_VAULT (vault));

  job = job_new (close_round_job, vault, NULL);
  job->round_id = round_id;
  run_job (job, sc_vault_close_round_async, cancellable, callback, user_data);
}

gboolean
sc_vault_close_round_finish (ScVault       *vault,
                             GAsyncResult  *result,
                             GError       **error)
{
  return finish_job (vault, result, sc_vault_close_round_async, error) != NULL;
}

/* ---- Rollback and lock-outs --------------------------------------------------------- */

static gboolean
accept_restore_job (Job     *job,
                    GError **error)
{
  return sc_vault_accept_restore (job->vault, error);
}

void
sc_vault_accept_restore_async (ScVault             *vault,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (SC_IS_VAULT (vault));

  run_job (job_new (accept_restore_job, vault, NULL), sc_vault_accept_restore_async,
           cancellable, callback, user_data);
}

gboolean
sc_vault_accept_restore_finish (ScVault       *vault,
                                GAsyncResult  *result,
                                GError       **error)
{
  return finish_job (vault, result, sc_vault_accept_restore_async, error) != NULL;
}

static gboolean
lift_lockout_job (Job     *job,
                  GError **error)
{
  /* job->name holds the employee number */
  return sc_vault_lift_lockout (job->vault, job->round_id, job->name, error);
}

void
sc_vault_lift_lockout_async (ScVault             *vault,
                             gint64               round_id,
                             const char          *employee_number,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  Job *job;

  g_return_if_fail (SC_IS_VAULT (vault));
  g_return_if_fail (employee_number != NULL);

  job = job_new (lift_lockout_job, vault, NULL);
  job->round_id = round_id;
  job->name = g_strdup (employee_number);
  run_job (job, sc_vault_lift_lockout_async, cancellable, callback, user_data);
}

gboolean
sc_vault_lift_lockout_finish (ScVault       *vault,
                              GAsyncResult  *result,
                              GError       **error)
{
  return finish_job (vault, result, sc_vault_lift_lockout_async, error) != NULL;
}

/* ---- Closing ------------------------------------------------------------------------- */

static gboolean
close_job (Job     *job,
           GError **error)
{
  ScVault *vault = job->vault;
  gboolean ok = TRUE;

  /* Saved here so that a failure reaches the caller; sc_vault_close() then finds
   * nothing pending. */
  if (vault->dirty && vault->db != NULL && !vault->read_only)
    ok = _sc_vault_save_full (vault, error);
  if (!ok)
    vault->dirty = FALSE;
  return ok;
}

static void
on_close_done_cb (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  ScVault *vault = SC_VAULT (source_object);
  gboolean saved = finish_job (vault, result, close_job, &error) != NULL;

  /* In the caller's thread, after the worker: wiping and unlocking the file are quick. */
  sc_vault_close (vault);
  if (saved)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

void
sc_vault_close_async (ScVault             *vault,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SC_IS_VAULT (vault));

  /* The save runs as a job; the close itself follows in on_close_done_cb(), before the
   * caller's callback, so that the vault is closed whatever the job's result. */
  task = g_task_new (vault, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_vault_close_async);
  g_task_set_check_cancellable (task, FALSE);

  /* Nothing to save: closing is quick (wiping memory, releasing the lock), so it is done
   * at once and a caller can open the file again as soon as this returns. */
  /* A task is running: the close waits for it (sc_vault_close() defers it). */
  if (vault->busy_caller != NULL || !vault->dirty || vault->db == NULL || vault->read_only)
    {
      sc_vault_close (vault);
      g_task_return_boolean (task, TRUE);
      return;
    }
  run_job (job_new (close_job, vault, NULL), close_job, NULL, on_close_done_cb,
           g_object_ref (task));
}

gboolean
sc_vault_close_finish (ScVault       *vault,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, vault), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sc_vault_close_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- The demo vault ------------------------------------------------------------------ */

static gboolean
demo_job (Job     *job,
          GError **error)
{
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) report_error = NULL;

  if (!sc_demo_create (job->path, job->has_limits ? &job->limits : NULL, report, error))
    return FALSE;

  /* Only made-up people are in it, and the codes are what trying the kiosk needs. */
  if (job->report_path != NULL
      && !g_file_set_contents_full (job->report_path, report->str, (gssize) report->len,
                                    G_FILE_SET_CONTENTS_CONSISTENT, 0600, &report_error))
    g_warning ("Could not keep the demo report in %s: %s", job->report_path,
               report_error->message);
  return TRUE;
}

void
sc_demo_vault_create_async (const char             *path,
                            const ScVaultKdfLimits *limits,
                            const char             *report_path,
                            GCancellable           *cancellable,
                            GAsyncReadyCallback     callback,
                            gpointer                user_data)
{
  Job *job;

  g_return_if_fail (path != NULL);

  job = job_new (demo_job, NULL, NULL);
  job->path = g_strdup (path);
  job->report_path = g_strdup (report_path);
  if (limits != NULL)
    {
      job->has_limits = TRUE;
      job->limits = *limits;
    }
  run_job (job, sc_demo_vault_create_async, cancellable, callback, user_data);
}

gboolean
sc_demo_vault_create_finish (GAsyncResult  *result,
                             GError       **error)
{
  return finish_job (NULL, result, sc_demo_vault_create_async, error) != NULL;
}

/* ---- Work of other store files (sc-vault-private.h) ----------------------------------- */

static gboolean
work_job (Job     *job,
          GError **error)
{
  return job->work (job->vault, job->work_data, error);
}

void
_sc_vault_run_work_async (ScVault             *vault,
                          ScVaultWorkFunc      func,
                          gpointer             data,
                          GDestroyNotify       destroy,
                          gpointer             source_tag,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  Job *job;

  g_return_if_fail (SC_IS_VAULT (vault));

  job = job_new (work_job, vault, NULL);
  job->work = func;
  job->work_data = data;
  job->work_destroy = destroy;
  run_job (job, source_tag, cancellable, callback, user_data);
}

gpointer
_sc_vault_run_work_finish (ScVault       *vault,
                           GAsyncResult  *result,
                           gpointer       source_tag,
                           GError       **error)
{
  Job *job = finish_job (vault, result, source_tag, error);

  return job != NULL ? job->work_data : NULL;
}
