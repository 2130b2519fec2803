/* sc-kiosk-session-jobs.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ScKioskSession: the vault work of each step, in a GTask thread, and how its outcome is
 * applied to the session on the main thread.
 */
#define G_LOG_DOMAIN "sc-kiosk-session"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "sc-kiosk-session-private.h"
#include "sc-secure.h"
#include "sc-vault-kiosk.h"
#include "sc-vault-past-results.h"

/* ---- Jobs: vault work in a thread ------------------------------------------------------ */


static void
job_free (Job *job)
{
  g_clear_object (&job->vault);
  sc_kiosk_wipe_string (&job->typed_number);
  sc_kiosk_wipe_string (&job->number);
  sc_secure_clear ((gpointer *) &job->secret);
  g_clear_pointer (&job->dummy_hash, g_free);
  sc_secure_clear ((gpointer *) &job->partial_key);
  g_clear_pointer (&job->past_results, g_ptr_array_unref);
  if (job->employee != NULL)
    {
      sc_kiosk_wipe_string (&job->employee->name);
      sc_employee_free (job->employee);
    }
  sc_secure_wipe (job, sizeof *job);
  g_free (job);
}

Job *
sc_kiosk_job_new (ScKioskSession *self,
         JobKind         kind)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->vault = g_object_ref (self->vault);
  job->round_id = self->round_id;
  return job;
}

/* A job about the person logged in: their number and key. */
Job *
sc_kiosk_job_new_for_person (ScKioskSession *self,
                    JobKind         kind)
{
  Job *job = sc_kiosk_job_new (self, kind);

  job->number = g_strdup (self->person.employee_number);
  job->partial_key = sc_secure_dup (self->person.partial_key, SC_VAULT_PARTIAL_KEY_BYTES);
  job->sex = self->person.sex;
  memcpy (job->answers, self->person.answers, sizeof job->answers);
  return job;
}

static gboolean
check_code_cb (const char *code_hash,
               gpointer    user_data)
{
  Job *job = user_data;

  job->checks++;
  return sc_access_code_verify (code_hash, job->secret, NULL);
}

/* The roster may spell numbers in upper case while a keyboard typed lower case: use the
 * upper-case form when only that one is on the roster. The answer is never shown, so this
 * reveals nothing the access check would not. */
static void
resolve_number_case (Job *job)
{
  g_autofree char *upper = g_ascii_strup (job->number, -1);
  g_autoptr (ScEmployee) exact = NULL;
  g_autoptr (ScEmployee) upper_match = NULL;

  if (g_str_equal (upper, job->number))
    return;
  exact = sc_vault_lookup_employee (job->vault, job->number, NULL);
  if (exact != NULL)
    return;
  upper_match = sc_vault_lookup_employee (job->vault, upper, NULL);
  if (upper_match != NULL)
    {
      sc_kiosk_wipe_string (&job->number);
      job->number = g_steal_pointer (&upper);
    }
}

static gboolean
run_login (Job     *job,
           GError **error)
{
  g_autoptr (GError) local_error = NULL;

  resolve_number_case (job);

  if (!sc_vault_check_access_code (job->vault, job->round_id, job->number, check_code_cb, job,
                                   &local_error))
    {
      /* SECURITY: for a number that is not on the roster the vault checks the code against
       * a decoy hash of the round, so the time taken does not tell who is on the roster. In a
       * round without any code there is no decoy: spend the same Argon2id time here. */
      if (job->checks == 0
          && g_error_matches (local_error, SC_VAULT_ERROR, SC_VAULT_ERROR_ACCESS_DENIED))
        {
          if (job->dummy_hash == NULL)
            job->dummy_hash = sc_access_code_hash ("222222222", SC_ACCESS_CODE_OPSLIMIT_DEFAULT,
                                                   SC_ACCESS_CODE_MEMLIMIT_DEFAULT, NULL);
          if (job->dummy_hash != NULL)
            (void) check_code_cb (job->dummy_hash, job);
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  job->employee = sc_vault_lookup_employee (job->vault, job->number, error);
  if (job->employee == NULL)
    return FALSE;

  job->partial_key = sc_vault_derive_partial_key (job->vault, job->round_id, job->number,
                                                  job->secret, error);
  if (job->partial_key == NULL)
    return FALSE;

  /* Answered already, and kept a copy to see again? (The first is 受検の有無, which the kiosk
   * may know; it decides whether the questions are given at all.) */
  job->has_submitted = sc_vault_has_submitted (job->vault, job->round_id, job->number);
  job->has_view = sc_vault_has_result_view (job->vault, job->round_id, job->number);
  if (job->has_submitted)
    return TRUE;

  if (sc_vault_load_partial (job->vault, job->round_id, job->number, job->partial_key,
                             job->answers, &local_error))
    {
      job->partial_found = TRUE;
      return TRUE;
    }
  /* Nothing kept, or kept under an earlier code (which a new code replaces): start afresh. */
  memset (job->answers, 0, sizeof job->answers);
  if (g_error_matches (local_error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND)
      || g_error_matches (local_error, SC_VAULT_ERROR, SC_VAULT_ERROR_ACCESS_DENIED))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
run_load_view (Job     *job,
               GError **error)
{
  g_autoptr (GError) local_error = NULL;

  if (!sc_vault_load_result_view (job->vault, job->round_id, job->number, job->partial_key,
                                  job->secret, &job->result, NULL, error))
    return FALSE;
  /* What the person decided back then, so that the page does not ask them to do again
   * what they did. Not fatal: the result is what they came for. */
  if (!sc_vault_get_own_decisions (job->vault, job->round_id, job->number,
                                   &job->recorded_consent, &job->interview_requested,
                                   &local_error))
    g_warning ("The recorded decisions cannot be read: %s", local_error->message);
  g_clear_error (&local_error);
  /* Earlier years kept under the same PIN, to show beside this one. Not fatal either. */
  job->past_results = sc_vault_load_past_results (job->vault, job->round_id, job->number,
                                                  job->partial_key, job->secret,
                                                  &job->past_unopened, &local_error);
  if (job->past_results == NULL)
    g_warning ("Earlier results cannot be read: %s", local_error->message);
  return TRUE;
}

static gboolean
run_save_partial (Job     *job,
                  GError **error)
{
  return sc_vault_save_partial (job->vault, job->round_id, job->number, job->partial_key,
                                job->answers, error);
}

static void
run_job (GTask        *task,
         gpointer      source_object,
         gpointer      task_data,
         GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  gboolean ok = FALSE;

  switch (job->kind)
    {
    case JOB_LOGIN:
      ok = run_login (job, &error);
      break;

    case JOB_SAVE_PARTIAL:
      ok = run_save_partial (job, &error);
      break;

    case JOB_SUBMIT:
      job->submission_id = sc_vault_submit (job->vault, job->round_id, job->number,
                                            job->answers, job->sex, &job->result, &error);
      ok = job->submission_id != 0;
      break;

    case JOB_CONSENT:
      ok = sc_vault_record_consent (job->vault, job->submission_id, job->consent, &error);
      break;

    case JOB_INTERVIEW:
      ok = sc_vault_request_interview (job->vault, job->submission_id, &error);
      break;

    case JOB_SAVE_VIEW:
      ok = sc_vault_save_result_view (job->vault, job->round_id, job->number, job->partial_key,
                                      job->secret, job->answers, job->sex, &error);
      break;

    case JOB_LOAD_VIEW:
      ok = run_load_view (job, &error);
      break;

    case JOB_LEAVE:
      /* Someone was in the middle of the questionnaire: keep their answers first, while
       * the vault is still in kiosk mode. */
      if (job->save_partial)
        {
          g_autoptr (GError) save_error = NULL;

          if (!run_save_partial (job, &save_error))
            g_warning ("Unfinished answers could not be kept: %s", save_error->message);
        }
      ok = sc_vault_leave_kiosk (job->vault, job->secret, &error);
      break;

    default:
      g_assert_not_reached ();
    }

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void on_job_done_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data);

/* Runs @job in a thread; @task (the caller's) completes after the outcome is applied. */
void
sc_kiosk_job_start (ScKioskSession *self,
           Job            *job,
           GTask          *task)
{
  g_autoptr (GTask) worker = g_task_new (self, NULL, on_job_done_cb, task);

  g_assert (!self->busy);

  g_task_set_source_tag (worker, sc_kiosk_job_start);
  g_task_set_task_data (worker, job, (GDestroyNotify) job_free);
  sc_kiosk_session_set_busy (self, TRUE);
  g_task_run_in_thread (worker, run_job);
}

/* Whether a step may start; reports the error on a new task otherwise. */
gboolean
sc_kiosk_step_check_can_start (ScKioskSession      *self,
                 gboolean             needs_person,
                 gpointer             source_tag,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  if (self->busy)
    {
      g_task_report_new_error (self, callback, user_data, source_tag,
                               SC_KIOSK_SESSION_ERROR, SC_KIOSK_SESSION_ERROR_BUSY,
                               _("Please wait: the kiosk is still busy."));
      return FALSE;
    }
  if (needs_person && self->person.partial_key == NULL)
    {
      g_task_report_new_error (self, callback, user_data, source_tag,
                               SC_KIOSK_SESSION_ERROR, SC_KIOSK_SESSION_ERROR_STATE,
                               _("Nobody is logged in."));
      return FALSE;
    }
  return TRUE;
}

GTask *
sc_kiosk_step_new (ScKioskSession      *self,
          gpointer             source_tag,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  return task;
}

gboolean
sc_kiosk_step_finish (ScKioskSession *self,
             GAsyncResult   *result,
             gpointer        source_tag,
             GError        **error)
{
  g_return_val_if_fail (SC_IS_KIOSK_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The in-memory throttle of typed numbers. SECURITY: keyed by an HMAC under a key that
 * lives only in this process, so the table does not list the numbers people typed. */
ScAccessThrottle *
sc_kiosk_session_lookup_throttle (ScKioskSession *self,
                 const char     *number,
                 gboolean        create)
{
  g_autofree char *upper = g_utf8_strup (number, -1);
  g_autofree char *key = g_compute_hmac_for_string (G_CHECKSUM_SHA256,
                                                    g_bytes_get_data (self->throttle_key, NULL),
                                                    g_bytes_get_size (self->throttle_key),
                                                    upper, -1);
  ScAccessThrottle *state = g_hash_table_lookup (self->throttles, key);

  if (state == NULL && create)
    {
      state = g_new0 (ScAccessThrottle, 1);
      g_hash_table_insert (self->throttles, g_steal_pointer (&key), state);
    }
  return state;
}

void
sc_kiosk_set_throttled (GError **error)
{
  g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_THROTTLED,
                       _("Too many wrong attempts. Please wait a few minutes before you try "
                         "again, or ask the staff for help."));
}

static void
apply_login (ScKioskSession *self,
             Job            *job,
             GError        **error)
{
  Person *person = &self->person;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  ScAccessThrottle *throttle = sc_kiosk_session_lookup_throttle (self, job->typed_number,
                                                                 *error != NULL);

  if (self->dummy_hash == NULL && job->dummy_hash != NULL)
    self->dummy_hash = g_strdup (job->dummy_hash);

  if (*error != NULL)
    {
      if (g_error_matches (*error, SC_VAULT_ERROR, SC_VAULT_ERROR_ACCESS_DENIED))
        {
          sc_access_throttle_record (throttle, FALSE, now);
          if (!sc_access_throttle_check (throttle, now, NULL))
            {
              g_clear_error (error);
              sc_kiosk_set_throttled (error);
            }
        }
      return;
    }

  if (throttle != NULL)
    sc_access_throttle_reset (throttle);

  /* SECURITY: from here the session holds the person's data until
   * sc_kiosk_session_wipe_person (). */
  person->employee_number = g_strdup (job->number);
  person->employee_name = g_strdup (job->employee->name);
  person->sex = job->employee->sex;
  person->partial_key = g_steal_pointer (&job->partial_key);
  person->has_view = job->has_view;
  person->already_answered = job->has_submitted;
  person->changing = FALSE;
  person->in_review = FALSE;
  person->review_focus = -1;

  if (person->viewing_again || job->has_submitted)
    {
      /* SECURITY: no questions are answered in this visit; kept answers are not needed. */
      person->current = 0;
      return;
    }

  memcpy (person->answers, job->answers, sizeof person->answers);
  person->resumed = job->partial_found && sc_kiosk_person_has_any_answer (person);
  person->current = sc_kiosk_person_first_unanswered (person);
  if (person->current >= SC_BJSQ_N_ITEMS)
    {
      person->current = 0;
      person->in_review = TRUE;
    }
}

/* Applies a finished job to the session, on the main thread. May replace @error. */
static void
apply_job (ScKioskSession *self,
           Job            *job,
           GError        **error)
{
  Person *person = &self->person;
  gboolean ok = *error == NULL;

  switch (job->kind)
    {
    case JOB_LOGIN:
      apply_login (self, job, error);
      break;

    case JOB_SAVE_PARTIAL:
    case JOB_LEAVE:
      break;

    case JOB_SUBMIT:
      if (g_error_matches (*error, SC_VAULT_ERROR, SC_VAULT_ERROR_EXISTS))
        {
          /* Answered before in this round: the earlier answers stand. Nothing of these was
           * saved, and they go now. */
          sc_secure_wipe (person->answers, sizeof person->answers);
          person->already_answered = TRUE;
          person->in_review = FALSE;
        }
      if (!ok)
        break;
      person->submission_id = job->submission_id;
      person->result = job->result;
      person->has_result = TRUE;
      person->in_review = FALSE;
      /* SECURITY: the answers are in the vault now, sealed. The session keeps them only
       * until the person decided about a personal PIN (which keeps a copy under it);
       * sc_kiosk_session_forget_result () wipes them. */
      person->answers_kept = TRUE;
      break;

    case JOB_CONSENT:
      if (ok)
        person->consent_given = job->consent;
      break;

    case JOB_INTERVIEW:
      if (ok)
        person->interview_requested = TRUE;
      break;

    case JOB_SAVE_VIEW:
      if (ok)
        {
          person->pin_saved = TRUE;
          person->has_view = TRUE;
        }
      break;

    case JOB_LOAD_VIEW:
      if (g_error_matches (*error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND))
        person->has_view = FALSE;
      if (!ok)
        break;
      person->result = job->result;
      person->has_result = TRUE;
      person->recorded_consent = job->recorded_consent;
      person->consent_given = job->recorded_consent == SC_VAULT_CONSENT_YES;
      person->interview_requested = job->interview_requested;
      g_clear_pointer (&person->past_results, g_ptr_array_unref);
      person->past_results = g_steal_pointer (&job->past_results);
      person->past_unopened = job->past_unopened;
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
on_job_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ScKioskSession *self = SC_KIOSK_SESSION (source);
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  Job *job = g_task_get_task_data (G_TASK (result));

  (void) g_task_propagate_boolean (G_TASK (result), &error);
  self->code_checks += job->checks;
  sc_kiosk_session_set_busy (self, FALSE);

  if (self->wipe_pending)
    {
      gboolean keep_partial = self->wipe_keep_partial;

      /* The outcome (a saved submission, say) stays in the vault, but the person has gone:
       * keep what there is to keep, then forget them. The login of someone who has gone is
       * not applied, but a wrong code still counts against the number. */
      if (job->kind != JOB_LOGIN || error != NULL)
        apply_job (self, job, &error);
      self->wipe_pending = FALSE;
      sc_kiosk_session_start_wipe (self, keep_partial);

      /* Leaving the kiosk ends in "left", whatever the clock says: the vault is no longer
       * in kiosk mode. */
      if (job->kind == JOB_LEAVE && error == NULL)
        {
          g_task_return_boolean (task, TRUE);
          return;
        }
      g_clear_error (&error);
      g_task_return_new_error (task, SC_KIOSK_SESSION_ERROR, SC_KIOSK_SESSION_ERROR_ENDED,
                               _("The visit ended while the kiosk was working."));
      return;
    }

  apply_job (self, job, &error);
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

