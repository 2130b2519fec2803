/* sc-kiosk-session-steps.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ScKioskSession: the _async/_finish steps of a visit and the wipe.
 */
#define G_LOG_DOMAIN "sc-kiosk-session"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "sc-kiosk-session-private.h"
#include "sc-secure.h"
#include "sc-vault-kiosk.h"

/* The number as the vault knows it: full-width digits and letters (typed with a Japanese
 * input method) become ASCII, and blanks around it go. */
static char *
normalize_number (const char *typed)
{
  g_autofree char *nfkc = g_utf8_normalize (typed, -1, G_NORMALIZE_ALL_COMPOSE);

  if (nfkc == NULL)
    return g_strdup ("");
  return g_strdup (g_strstrip (nfkc));
}

/* ---- Steps ----------------------------------------------------------------------------- */

void
sc_kiosk_session_begin (ScKioskSession *self,
                        gboolean        view_again)
{
  g_return_if_fail (SC_IS_KIOSK_SESSION (self));

  if (!self->busy)
    sc_kiosk_session_wipe_person (self);
  self->person.viewing_again = !!view_again;
}

void
sc_kiosk_session_login_async (ScKioskSession      *self,
                              const char          *number,
                              const char          *code,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *normalized = NULL;
  char normal_code[SC_ACCESS_CODE_NORMALIZED_SIZE];
  ScAccessThrottle *throttle;
  Job *job;

  g_return_if_fail (SC_IS_KIOSK_SESSION (self));
  g_return_if_fail (number != NULL && code != NULL);

  if (!sc_kiosk_step_check_can_start (self, FALSE, sc_kiosk_session_login_async,
                                      callback, user_data))
    return;
  task = sc_kiosk_step_new (self, sc_kiosk_session_login_async, cancellable, callback, user_data);

  normalized = normalize_number (number);
  if (*normalized == '\0')
    {
      g_task_return_new_error (task, SC_KIOSK_SESSION_ERROR, SC_KIOSK_SESSION_ERROR_NO_NUMBER,
                               _("Enter your employee number."));
      return;
    }

  /* A code that cannot be one (a letter not on any slip, too short) is not an attempt: the
   * vault is not asked, and nothing counts against the number. */
  if (!sc_access_code_normalize (code, -1, normal_code, NULL))
    {
      g_task_return_new_error (task, SC_KIOSK_SESSION_ERROR,
                               SC_KIOSK_SESSION_ERROR_INVALID_CODE,
                               _("An access code has 9 characters: the digits 2 to 9 and "
                                 "letters, as printed on your slip."));
      return;
    }

  throttle = sc_kiosk_session_lookup_throttle (self, normalized, FALSE);
  if (throttle != NULL
      && !sc_access_throttle_check (throttle, g_get_real_time () / G_USEC_PER_SEC, NULL))
    {
      GError *error = NULL;

      sc_secure_wipe (normal_code, sizeof normal_code);
      sc_kiosk_set_throttled (&error);
      g_task_return_error (task, error);
      return;
    }

  /* A new attempt forgets whoever tried before. */
  {
    gboolean view_again = self->person.viewing_again;

    sc_kiosk_session_wipe_person (self);
    self->person.viewing_again = view_again;
  }

  job = sc_kiosk_job_new (self, JOB_LOGIN);
  job->typed_number = g_strdup (normalized);
  job->number = g_steal_pointer (&normalized);
  job->secret = sc_kiosk_secure_strdup (normal_code);
  sc_secure_wipe (normal_code, sizeof normal_code);
  job->dummy_hash = g_strdup (self->dummy_hash);
  sc_kiosk_job_start (self, job, g_steal_pointer (&task));
}

gboolean
sc_kiosk_session_login_finish (ScKioskSession *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  return sc_kiosk_step_finish (self, result, sc_kiosk_session_login_async, error);
}

void
sc_kiosk_session_save_partial_async (ScKioskSession      *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (SC_IS_KIOSK_SESSION (self));

  if (!sc_kiosk_step_check_can_start (self, TRUE, sc_kiosk_session_save_partial_async,
                                      callback, user_data))
    return;
  task = sc_kiosk_step_new (self, sc_kiosk_session_save_partial_async, cancellable, callback,
                            user_data);
  sc_kiosk_job_start (self, sc_kiosk_job_new_for_person (self, JOB_SAVE_PARTIAL), task);
}

gboolean
sc_kiosk_session_save_partial_finish (ScKioskSession *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  return sc_kiosk_step_finish (self, result, sc_kiosk_session_save_partial_async, error);
}

void
sc_kiosk_session_submit_async (ScKioskSession      *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  guint missing;

  g_return_if_fail (SC_IS_KIOSK_SESSION (self));

  if (!sc_kiosk_step_check_can_start (self, TRUE, sc_kiosk_session_submit_async,
                                      callback, user_data))
    return;
  task = sc_kiosk_step_new (self, sc_kiosk_session_submit_async, cancellable, callback, user_data);

  missing = sc_kiosk_person_first_unanswered (&self->person);
  if (missing < SC_BJSQ_N_ITEMS)
    {
      /* Not reachable through the pages, which lead here only with every answer given. */
      self->person.current = missing;
      self->person.in_review = FALSE;
      g_task_return_new_error (task, SC_KIOSK_SESSION_ERROR, SC_KIOSK_SESSION_ERROR_INCOMPLETE,
                               _("Question %u is not answered yet."), missing + 1);
      return;
    }
  if (self->person.submission_id != 0)
    {
      g_task_return_new_error (task, SC_KIOSK_SESSION_ERROR, SC_KIOSK_SESSION_ERROR_STATE,
                               _("These answers were sent already."));
      return;
    }
  sc_kiosk_job_start (self, sc_kiosk_job_new_for_person (self, JOB_SUBMIT),
                      g_steal_pointer (&task));
}

gboolean
sc_kiosk_session_submit_finish (ScKioskSession *self,
                                GAsyncResult   *result,
                                GError        **error)
{
  return sc_kiosk_step_finish (self, result, sc_kiosk_session_submit_async, error);
}

void
sc_kiosk_session_record_consent_async (ScKioskSession      *self,
                                       gboolean             consent,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  Job *job;

  g_return_if_fail (SC_IS_KIOSK_SESSION (self));

  if (!sc_kiosk_step_check_can_start (self, TRUE, sc_kiosk_session_record_consent_async, callback,
                        user_data))
    return;
  task = sc_kiosk_step_new (self, sc_kiosk_session_record_consent_async, cancellable, callback,
                   user_data);
  if (self->person.submission_id == 0)
    {
      g_task_return_new_error (task, SC_KIOSK_SESSION_ERROR, SC_KIOSK_SESSION_ERROR_STATE,
                               _("There are no answers to decide about."));
      return;
    }
  job = sc_kiosk_job_new (self, JOB_CONSENT);
  job->submission_id = self->person.submission_id;
  job->consent = !!consent;
  sc_kiosk_job_start (self, job, g_steal_pointer (&task));
}

gboolean
sc_kiosk_session_record_consent_finish (ScKioskSession *self,
                                        GAsyncResult   *result,
                                        GError        **error)
{
  return sc_kiosk_step_finish (self, result, sc_kiosk_session_record_consent_async, error);
}

void
sc_kiosk_session_request_interview_async (ScKioskSession      *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  Job *job;

  g_return_if_fail (SC_IS_KIOSK_SESSION (self));

  if (!sc_kiosk_step_check_can_start (self, TRUE, sc_kiosk_session_request_interview_async,
                                      callback,
                        user_data))
    return;
  task = sc_kiosk_step_new (self, sc_kiosk_session_request_interview_async, cancellable, callback,
                   user_data);
  if (self->person.submission_id == 0 || !sc_kiosk_session_interview_recommended (self))
    {
      g_task_return_new_error (task, SC_KIOSK_SESSION_ERROR, SC_KIOSK_SESSION_ERROR_STATE,
                               _("An interview is offered only after a result in the "
                                 "high-stress group."));
      return;
    }
  job = sc_kiosk_job_new (self, JOB_INTERVIEW);
  job->submission_id = self->person.submission_id;
  sc_kiosk_job_start (self, job, g_steal_pointer (&task));
}

gboolean
sc_kiosk_session_request_interview_finish (ScKioskSession *self,
                                           GAsyncResult   *result,
                                           GError        **error)
{
  return sc_kiosk_step_finish (self, result, sc_kiosk_session_request_interview_async, error);
}

static gboolean
check_pin (const char  *pin,
           GError     **error)
{
  if (!sc_vault_pin_is_valid (pin))
    {
      g_set_error_literal (error, SC_KIOSK_SESSION_ERROR, SC_KIOSK_SESSION_ERROR_INVALID_PIN,
                           _("A PIN has 4 to 8 digits. Please try again."));
      return FALSE;
    }
  return TRUE;
}

void
sc_kiosk_session_set_pin_async (ScKioskSession      *self,
                                const char          *pin,
                                const char          *repeat,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  GError *error = NULL;
  Job *job;

  g_return_if_fail (SC_IS_KIOSK_SESSION (self));
  g_return_if_fail (pin != NULL && repeat != NULL);

  if (!sc_kiosk_step_check_can_start (self, TRUE, sc_kiosk_session_set_pin_async,
                                      callback, user_data))
    return;
  task = sc_kiosk_step_new (self, sc_kiosk_session_set_pin_async, cancellable, callback, user_data);

  if (!check_pin (pin, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* SECURITY: a PIN guessed in the first few tries protects nothing. */
  if (sc_kiosk_pin_is_trivial (pin))
    {
      g_task_return_new_error (task, SC_KIOSK_SESSION_ERROR, SC_KIOSK_SESSION_ERROR_TRIVIAL_PIN,
                               _("This PIN is too easy to guess. Please do not use one digit "
                                 "repeated or digits in a row."));
      return;
    }
  if (strcmp (pin, repeat) != 0)
    {
      g_task_return_new_error (task, SC_KIOSK_SESSION_ERROR,
                               SC_KIOSK_SESSION_ERROR_PIN_MISMATCH,
                               _("The two PINs do not match. Please enter your PIN again in "
                                 "both fields."));
      return;
    }
  if (!sc_kiosk_session_can_set_pin (self))
    {
      g_task_return_new_error (task, SC_KIOSK_SESSION_ERROR, SC_KIOSK_SESSION_ERROR_STATE,
                               _("A PIN can be set only right after answering."));
      return;
    }

  job = sc_kiosk_job_new_for_person (self, JOB_SAVE_VIEW);
  job->secret = sc_kiosk_secure_strdup (pin);
  sc_kiosk_job_start (self, job, g_steal_pointer (&task));
}

gboolean
sc_kiosk_session_set_pin_finish (ScKioskSession *self,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  return sc_kiosk_step_finish (self, result, sc_kiosk_session_set_pin_async, error);
}

void
sc_kiosk_session_open_kept_result_async (ScKioskSession      *self,
                                         const char          *pin,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  GError *error = NULL;
  Job *job;

  g_return_if_fail (SC_IS_KIOSK_SESSION (self));
  g_return_if_fail (pin != NULL);

  if (!sc_kiosk_step_check_can_start (self, TRUE, sc_kiosk_session_open_kept_result_async, callback,
                        user_data))
    return;
  task = sc_kiosk_step_new (self, sc_kiosk_session_open_kept_result_async, cancellable, callback,
                   user_data);

  /* Something that cannot be a PIN is not an attempt: the vault is not asked. */
  if (!check_pin (pin, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  job = sc_kiosk_job_new_for_person (self, JOB_LOAD_VIEW);
  /* SECURITY: no answers travel with this job. */
  sc_secure_wipe (job->answers, sizeof job->answers);
  job->secret = sc_kiosk_secure_strdup (pin);
  sc_kiosk_job_start (self, job, g_steal_pointer (&task));
}

gboolean
sc_kiosk_session_open_kept_result_finish (ScKioskSession *self,
                                          GAsyncResult   *result,
                                          GError        **error)
{
  return sc_kiosk_step_finish (self, result, sc_kiosk_session_open_kept_result_async, error);
}

static gboolean
has_unsent_answers (ScKioskSession *self)
{
  const Person *person = &self->person;

  return person->partial_key != NULL && person->submission_id == 0
         && !person->already_answered && !person->viewing_again
         && sc_kiosk_person_has_any_answer (person);
}

void
sc_kiosk_session_leave_async (ScKioskSession      *self,
                              const char          *passphrase,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  Job *job;

  g_return_if_fail (SC_IS_KIOSK_SESSION (self));
  g_return_if_fail (passphrase != NULL);

  if (!sc_kiosk_step_check_can_start (self, FALSE, sc_kiosk_session_leave_async,
                                      callback, user_data))
    return;
  task = sc_kiosk_step_new (self, sc_kiosk_session_leave_async, cancellable, callback, user_data);

  if (*passphrase == '\0')
    {
      g_task_return_new_error (task, SC_KIOSK_SESSION_ERROR,
                               SC_KIOSK_SESSION_ERROR_NO_PASSPHRASE, _("Enter your passphrase."));
      return;
    }

  if (has_unsent_answers (self))
    {
      job = sc_kiosk_job_new_for_person (self, JOB_LEAVE);
      job->save_partial = TRUE;
    }
  else
    job = sc_kiosk_job_new (self, JOB_LEAVE);
  /* SECURITY: the job holds the passphrase in guarded memory. */
  job->secret = sc_kiosk_secure_strdup (passphrase);
  sc_kiosk_job_start (self, job, g_steal_pointer (&task));
}

gboolean
sc_kiosk_session_leave_finish (ScKioskSession *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  return sc_kiosk_step_finish (self, result, sc_kiosk_session_leave_async, error);
}

static void
on_wipe_saved_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (GError) error = NULL;

  if (!sc_kiosk_session_save_partial_finish (SC_KIOSK_SESSION (source), result, &error)
      && !g_error_matches (error, SC_KIOSK_SESSION_ERROR, SC_KIOSK_SESSION_ERROR_ENDED))
    g_warning ("Unfinished answers could not be kept: %s", error->message);
}

void
sc_kiosk_session_start_wipe (ScKioskSession *self,
            gboolean        keep_partial)
{
  if (keep_partial && has_unsent_answers (self))
    {
      GTask *task = sc_kiosk_step_new (self, sc_kiosk_session_save_partial_async, NULL,
                              on_wipe_saved_cb, NULL);

      /* The job has its own copy of what it keeps; the session forgets it now. */
      sc_kiosk_job_start (self, sc_kiosk_job_new_for_person (self, JOB_SAVE_PARTIAL), task);
    }
  sc_kiosk_session_wipe_person (self);
}

void
sc_kiosk_session_wipe (ScKioskSession *self,
                       gboolean        keep_partial)
{
  g_return_if_fail (SC_IS_KIOSK_SESSION (self));

  if (self->busy)
    {
      /* The running step still needs the person's key; forget them when it ends. */
      self->wipe_pending = TRUE;
      self->wipe_keep_partial = self->wipe_keep_partial || keep_partial;
      return;
    }
  self->wipe_keep_partial = FALSE;
  sc_kiosk_session_start_wipe (self, keep_partial);
}

void
sc_kiosk_session_forget_result (ScKioskSession *self)
{
  Person *person = &self->person;

  g_return_if_fail (SC_IS_KIOSK_SESSION (self));

  sc_secure_wipe (&person->result, sizeof person->result);
  person->has_result = FALSE;
  g_clear_pointer (&person->past_results, g_ptr_array_unref);
  person->past_unopened = 0;
  sc_secure_wipe (person->answers, sizeof person->answers);
  person->answers_kept = FALSE;
}

