/* sc-kiosk-window-actions.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The kiosk.* actions of ScKioskWindow and the keys that trigger them. Each action forwards
 * what the person did to the session (ScKioskSession) and shows the outcome: the next page,
 * or an error message in the words of the kiosk (the session's errors are matched by code
 * and translated here).
 */
#define G_LOG_DOMAIN "sc-kiosk-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sc-kiosk-window-private.h"
#include "sc-secure.h"

/* Ends a step on the main thread. Returns FALSE when the window is gone or the visit ended
 * meanwhile (a timeout wiped the screen): the outcome is then not shown. Takes the window
 * reference that start_step () gave the step. */
static gboolean
finish_step (ScKioskWindow *self,
             gboolean       ok,
             GError        *error)
{
  if (self->disposed)
    return FALSE;
  if (!ok && g_error_matches (error, SC_KIOSK_SESSION_ERROR, SC_KIOSK_SESSION_ERROR_ENDED))
    return FALSE;
  return TRUE;
}

#define STEP_CALLBACK_BEGIN(name, finish_func) \
  static void \
  name (GObject      *source, \
        GAsyncResult *result, \
        gpointer      user_data) \
  { \
    g_autoptr (ScKioskWindow) self = user_data; \
    g_autoptr (GError) error = NULL; \
    gboolean ok = finish_func (SC_KIOSK_SESSION (source), result, &error); \
    if (!finish_step (self, ok, error)) \
      return;

#define STEP_CALLBACK_END }

static const char *
throttled_message (void)
{
  return _("Too many wrong attempts. Please wait a few minutes before you try again, or ask "
           "the staff for help.");
}

/* ---- Ending a visit ------------------------------------------------------------------------ */

void
sc_kiosk_window_stop_done_countdown (ScKioskWindow *self)
{
  g_clear_handle_id (&self->done_source, g_source_remove);
  if (!self->disposed && self->done_page != NULL)
    sc_kiosk_done_page_set_seconds_left (self->done_page, 0);
}

void
sc_kiosk_window_wipe (ScKioskWindow *self,
                      gboolean       keep_partial)
{
  ScKioskPage *pages[] = {
    SC_KIOSK_PAGE (self->login_page), SC_KIOSK_PAGE (self->question_page),
    SC_KIOSK_PAGE (self->review_page), SC_KIOSK_PAGE (self->result_page),
    SC_KIOSK_PAGE (self->consent_page), SC_KIOSK_PAGE (self->interview_page),
    SC_KIOSK_PAGE (self->pin_page), SC_KIOSK_PAGE (self->done_page),
    SC_KIOSK_PAGE (self->leave_page),
  };

  sc_kiosk_session_wipe (self->session, keep_partial);

  /* SECURITY: every page that showed something about the person is emptied (pages not made
   * yet have nothing to empty). */
  sc_kiosk_window_stop_done_countdown (self);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (pages[i] != NULL)
      sc_kiosk_page_clear (pages[i]);
  g_clear_pointer (&self->page_before_leave, g_free);

  sc_kiosk_window_show_page (self, PAGE_WELCOME);
}

/* ---- Welcome and login ----------------------------------------------------------------- */

static void
begin_visit (ScKioskWindow *self,
             gboolean       view_again)
{
  sc_kiosk_session_begin (self->session, view_again);
  sc_kiosk_login_page_clear (sc_kiosk_window_login_page (self));
  sc_kiosk_window_show_page (self, PAGE_LOGIN);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  begin_visit (SC_KIOSK_WINDOW (widget), FALSE);
}

/* "See My Result Again": the same login, then the personal PIN. */
static void
view_again_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  begin_visit (SC_KIOSK_WINDOW (widget), TRUE);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  sc_kiosk_window_wipe (SC_KIOSK_WINDOW (widget), FALSE);
}

static void
show_question (ScKioskWindow *self)
{
  guint current = sc_kiosk_session_get_current (self->session);

  sc_kiosk_question_page_show_item (sc_kiosk_window_question_page (self), current,
                                    sc_kiosk_session_get_answers (self->session)[current],
                                    sc_kiosk_session_get_changing (self->session));
  sc_kiosk_window_show_page (self, PAGE_QUESTION);
}

static void
show_review (ScKioskWindow *self)
{
  ScKioskReviewPage *page = sc_kiosk_window_review_page (self);

  sc_kiosk_review_page_set_answers (page, sc_kiosk_session_get_answers (self->session));
  sc_kiosk_review_page_set_error (page, NULL);
  sc_kiosk_window_show_page (self, PAGE_REVIEW);
  sc_kiosk_review_page_focus (page, sc_kiosk_session_get_review_focus (self->session));
}

/* The questionnaire where the session is: an item, or the review. */
static void
show_questionnaire (ScKioskWindow *self)
{
  if (sc_kiosk_session_get_in_review (self->session))
    show_review (self);
  else
    show_question (self);
}

static void
show_pin_message (ScKioskWindow *self)
{
  ScKioskSession *session = self->session;
  ScKioskPinPage *page = sc_kiosk_window_pin_page (self);
  gboolean has_view = sc_kiosk_session_get_has_kept_result (session);

  if (sc_kiosk_session_get_viewing_again (session) && has_view)
    sc_kiosk_pin_page_ask (page, SC_KIOSK_PIN_PAGE_ENTER);
  else if (sc_kiosk_session_get_viewing_again (session))
    sc_kiosk_pin_page_show_message (page,
                                    _("No result was kept for viewing again. Ask the "
                                      "implementer."),
                                    _("A result can be seen again only if a personal PIN "
                                      "was set right after answering."),
                                    FALSE);
  else
    sc_kiosk_pin_page_show_message (page, _("You have already answered this round"),
                                    has_view
                                    ? _("Your answers were saved earlier, and they stand. You "
                                        "can see your result again with the personal PIN you "
                                        "chose.")
                                    : _("Your answers were saved earlier, and they stand. If "
                                        "you have a question, please ask the implementer."),
                                    has_view);
  sc_kiosk_window_show_page (self, PAGE_PIN);
}

STEP_CALLBACK_BEGIN (on_login_done_cb, sc_kiosk_session_login_finish)
{
  ScKioskLoginPage *page = sc_kiosk_window_login_page (self);
  ScKioskSession *session = self->session;

  if (!ok)
    {
      g_debug ("Login refused: %s", error->message);
      /* The code goes after every attempt; a missing number is no attempt. */
      if (!g_error_matches (error, SC_KIOSK_SESSION_ERROR, SC_KIOSK_SESSION_ERROR_NO_NUMBER))
        sc_kiosk_login_page_clear_code (page);
      if (g_error_matches (error, SC_KIOSK_SESSION_ERROR, SC_KIOSK_SESSION_ERROR_NO_NUMBER))
        {
          sc_kiosk_login_page_set_error (page, _("Enter your employee number."));
          sc_kiosk_login_page_focus (page);
        }
      else if (g_error_matches (error, SC_KIOSK_SESSION_ERROR,
                                SC_KIOSK_SESSION_ERROR_INVALID_CODE))
        sc_kiosk_login_page_set_error (page,
                                       _("An access code has 9 characters: the digits 2 to 9 "
                                         "and letters, as printed on your slip."));
      else if (g_error_matches (error, SC_VAULT_ERROR, SC_VAULT_ERROR_THROTTLED))
        sc_kiosk_login_page_set_error (page, throttled_message ());
      else if (g_error_matches (error, SC_VAULT_ERROR, SC_VAULT_ERROR_ACCESS_DENIED))
        sc_kiosk_login_page_set_error (page,
                                       _("The employee number or the access code is not "
                                         "right. Check your slip and try again."));
      else
        sc_kiosk_login_page_set_error (page,
                                       _("Logging in failed. Please ask the staff for help."));
      return;
    }

  sc_kiosk_login_page_clear (page);

  if (sc_kiosk_session_get_viewing_again (session)
      || sc_kiosk_session_get_already_answered (session))
    {
      show_pin_message (self);
      return;
    }

  sc_kiosk_question_page_set_person (sc_kiosk_window_question_page (self),
                                     sc_kiosk_session_get_employee_name (session));
  if (sc_kiosk_session_get_resumed (session))
    adw_toast_overlay_add_toast (sc_kiosk_window_get_toast_overlay (self),
                                 adw_toast_new (_("Welcome back. Your earlier answers were "
                                                  "kept.")));
  show_questionnaire (self);
}
STEP_CALLBACK_END

static void
login_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (widget);
  ScKioskLoginPage *page = sc_kiosk_window_login_page (self);

  sc_kiosk_login_page_set_error (page, NULL);
  /* SECURITY: the session copies the code into guarded memory at once. */
  sc_kiosk_session_login_async (self->session, sc_kiosk_login_page_get_number (page),
                                sc_kiosk_login_page_get_code (page), NULL, on_login_done_cb,
                                g_object_ref (self));
}

/* ---- Questions and review ---------------------------------------------------------------- */

static void
answer_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (widget);
  gint32 value = g_variant_get_int32 (parameter);

  if (value < 1 || value > SC_BJSQ_N_OPTIONS)
    return;
  sc_kiosk_session_answer (self->session, (guint) value);
  show_questionnaire (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (widget);

  sc_kiosk_session_go_back (self->session);
  show_questionnaire (self);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (widget);

  if (!sc_kiosk_session_can_go_next (self->session))
    return;
  sc_kiosk_session_go_next (self->session);
  show_questionnaire (self);
}

static void
suspend_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (widget);

  sc_kiosk_window_wipe (self, TRUE);
  adw_toast_overlay_add_toast (sc_kiosk_window_get_toast_overlay (self),
                               adw_toast_new (_("Your answers so far are kept. Log in again "
                                                "with your code to go on.")));
}

static void
change_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (widget);
  gint32 index = g_variant_get_int32 (parameter);

  if (index < 0 || index >= SC_BJSQ_N_ITEMS)
    return;
  sc_kiosk_session_change (self->session, (guint) index);
  show_question (self);
}

static void
show_result (ScKioskWindow *self)
{
  sc_kiosk_result_page_set_help_text (sc_kiosk_window_result_page (self),
                                      sc_kiosk_session_get_help_text (self->session));
  sc_kiosk_result_page_set_result (sc_kiosk_window_result_page (self),
                                   sc_kiosk_session_get_result (self->session),
                                   sc_kiosk_session_get_criteria (self->session),
                                   sc_kiosk_session_get_advice (self->session),
                                   sc_kiosk_session_get_contact_text (self->session));
  sc_kiosk_window_show_page (self, PAGE_RESULT);
}

STEP_CALLBACK_BEGIN (on_submit_done_cb, sc_kiosk_session_submit_finish)
{
  ScKioskReviewPage *review = sc_kiosk_window_review_page (self);

  if (g_error_matches (error, SC_VAULT_ERROR, SC_VAULT_ERROR_EXISTS))
    {
      /* Answered before in this round: the earlier answers stand; the session forgot
       * these. */
      sc_kiosk_done_page_set_message (sc_kiosk_window_done_page (self),
                                      "dialog-information-symbolic",
                                      _("You Have Already Answered"),
                                      _("Your answers in this round were saved earlier, and "
                                        "they stand. These answers were not saved. If you "
                                        "have a question, please ask the staff."));
      sc_kiosk_review_page_clear (review);
      sc_kiosk_window_show_page (self, PAGE_DONE);
      return;
    }
  if (g_error_matches (error, SC_KIOSK_SESSION_ERROR, SC_KIOSK_SESSION_ERROR_INCOMPLETE))
    {
      /* Not reachable through the pages, which lead here only with every answer given. */
      show_question (self);
      return;
    }
  if (!ok)
    {
      g_warning ("Saving the answers failed: %s", error->message);
      sc_kiosk_review_page_set_error (review,
                                      _("Your answers could not be saved. Please try again, "
                                        "or ask the staff for help."));
      return;
    }

  sc_kiosk_review_page_clear (review);
  sc_kiosk_question_page_clear (sc_kiosk_window_question_page (self));
  show_result (self);
}
STEP_CALLBACK_END

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (widget);

  sc_kiosk_review_page_set_error (sc_kiosk_window_review_page (self), NULL);
  sc_kiosk_session_submit_async (self->session, NULL, on_submit_done_cb, g_object_ref (self));
}

/* ---- Result, consent, interview, done -------------------------------------------------- */

static void
show_consent_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (widget);

  sc_kiosk_consent_page_clear (sc_kiosk_window_consent_page (self));
  sc_kiosk_window_show_page (self, PAGE_CONSENT);
}

static gboolean
on_done_tick_cb (gpointer user_data)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (user_data);

  if (self->done_seconds_left > 0)
    self->done_seconds_left--;
  if (self->done_seconds_left == 0)
    {
      self->done_source = 0;
      if (!sc_kiosk_window_is_busy (self))
        sc_kiosk_window_wipe (self, FALSE);
      return G_SOURCE_REMOVE;
    }
  sc_kiosk_done_page_set_seconds_left (sc_kiosk_window_done_page (self),
                                       self->done_seconds_left);
  return G_SOURCE_CONTINUE;
}

static void
show_done (ScKioskWindow *self)
{
  ScKioskSession *session = self->session;
  const char *title = _("Saved. Thank You.");
  const char *description;
  g_autofree char *with_pin = NULL;

  if (sc_kiosk_session_get_viewing_again (session))
    {
      title = _("Thank You");
      description = _("Your result is no longer on the screen. Nothing was changed.");
    }
  else if (sc_kiosk_session_get_interview_requested (session))
    description = _("Your answers and your decisions are saved. Your request for an interview "
                    "has been passed on, and with it your result.");
  else if (sc_kiosk_session_get_consent_given (session))
    description = _("Your answers and your decision are saved. Your employer may see your "
                    "result.");
  else
    description = _("Your answers and your decision are saved. Your result stays with the "
                    "implementer of the stress check.");

  if (sc_kiosk_session_get_pin_saved (session))
    description = with_pin = g_strconcat (description, " ",
                                          _("With your PIN you can see your result again at "
                                            "this PC: choose “See My Result Again” at the "
                                            "start."), NULL);

  sc_kiosk_done_page_set_message (sc_kiosk_window_done_page (self), "emblem-ok-symbolic",
                                  title, description);

  /* SECURITY: nothing after this page needs the result, the answers or a PIN. */
  sc_kiosk_session_forget_result (session);
  sc_kiosk_result_page_clear (sc_kiosk_window_result_page (self));
  sc_kiosk_pin_page_clear (sc_kiosk_window_pin_page (self));

  self->done_seconds_left = SC_KIOSK_DONE_SECONDS;
  sc_kiosk_done_page_set_seconds_left (sc_kiosk_window_done_page (self),
                                       self->done_seconds_left);
  g_clear_handle_id (&self->done_source, g_source_remove);
  self->done_source = g_timeout_add_seconds (1, on_done_tick_cb, self);
  sc_kiosk_window_show_page (self, PAGE_DONE);
}

/* After the consent and interview decisions: offer a personal PIN to see the result again,
 * while the answers are still at hand. */
static void
offer_pin (ScKioskWindow *self)
{
  if (!sc_kiosk_session_can_set_pin (self->session))
    {
      show_done (self);
      return;
    }

  sc_kiosk_pin_page_ask (sc_kiosk_window_pin_page (self), SC_KIOSK_PIN_PAGE_SET);
  sc_kiosk_window_show_page (self, PAGE_PIN);
}

STEP_CALLBACK_BEGIN (on_consent_done_cb, sc_kiosk_session_record_consent_finish)
{
  if (!ok)
    {
      g_warning ("Recording the consent failed: %s", error->message);
      sc_kiosk_consent_page_set_error (sc_kiosk_window_consent_page (self),
                                       _("Your decision could not be saved. Please try again, "
                                         "or ask the staff for help."));
      return;
    }

  if (sc_kiosk_session_interview_recommended (self->session))
    {
      sc_kiosk_interview_page_prepare (sc_kiosk_window_interview_page (self),
                                       sc_kiosk_session_get_consent_given (self->session),
                                       sc_kiosk_session_get_contact_text (self->session));
      sc_kiosk_window_show_page (self, PAGE_INTERVIEW);
    }
  else
    offer_pin (self);
}
STEP_CALLBACK_END

static void
consent_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (widget);

  sc_kiosk_consent_page_set_error (sc_kiosk_window_consent_page (self), NULL);
  sc_kiosk_session_record_consent_async (self->session, g_variant_get_boolean (parameter), NULL,
                                         on_consent_done_cb, g_object_ref (self));
}

STEP_CALLBACK_BEGIN (on_interview_done_cb, sc_kiosk_session_request_interview_finish)
{
  if (!ok)
    {
      g_warning ("Recording the interview request failed: %s", error->message);
      sc_kiosk_interview_page_set_error (sc_kiosk_window_interview_page (self),
                                         _("Your request could not be saved. Please try "
                                           "again, or ask the staff for help."));
      return;
    }

  offer_pin (self);
}
STEP_CALLBACK_END

static void
request_interview_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (widget);
  ScKioskInterviewPage *page = sc_kiosk_window_interview_page (self);

  /* Only after the person saw what a request means (the confirmation step). */
  if (!sc_kiosk_session_interview_recommended (self->session)
      || !sc_kiosk_interview_page_is_confirming (page))
    return;

  sc_kiosk_interview_page_set_error (page, NULL);
  sc_kiosk_session_request_interview_async (self->session, NULL, on_interview_done_cb,
                                            g_object_ref (self));
}

static void
finish_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (widget);

  /* "Not now" on the interview page goes on to the PIN, then says what was saved. */
  if (sc_kiosk_window_is_page (self, PAGE_INTERVIEW))
    offer_pin (self);
  else
    sc_kiosk_window_wipe (self, FALSE);
}

/* ---- The personal PIN ------------------------------------------------------------------- */

static void
show_pin_error (ScKioskWindow *self,
                const GError  *error)
{
  ScKioskPinPage *page = sc_kiosk_window_pin_page (self);
  const char *message;

  if (g_error_matches (error, SC_KIOSK_SESSION_ERROR, SC_KIOSK_SESSION_ERROR_INVALID_PIN))
    message = _("A PIN has 4 to 8 digits. Please try again.");
  else if (g_error_matches (error, SC_KIOSK_SESSION_ERROR, SC_KIOSK_SESSION_ERROR_TRIVIAL_PIN))
    message = _("This PIN is too easy to guess. Please do not use one digit repeated or "
                "digits in a row, such as 1111 or 1234.");
  else if (g_error_matches (error, SC_KIOSK_SESSION_ERROR, SC_KIOSK_SESSION_ERROR_PIN_MISMATCH))
    message = _("The two PINs do not match. Please enter your PIN again in both fields.");
  else if (g_error_matches (error, SC_VAULT_ERROR, SC_VAULT_ERROR_THROTTLED))
    message = throttled_message ();
  else if (g_error_matches (error, SC_VAULT_ERROR, SC_VAULT_ERROR_ACCESS_DENIED))
    message = _("This PIN is not right. Please try again.");
  else if (sc_kiosk_pin_page_get_mode (page) == SC_KIOSK_PIN_PAGE_SET)
    {
      g_warning ("Keeping the result to view again failed: %s", error->message);
      message = _("Your PIN could not be saved. Please try again, or skip this step.");
    }
  else
    {
      g_warning ("Opening the kept result failed: %s", error->message);
      message = _("Your result could not be opened. Please ask the staff for help.");
    }
  sc_kiosk_pin_page_clear_pin (page);
  sc_kiosk_pin_page_set_error (page, message);
}

STEP_CALLBACK_BEGIN (on_set_pin_done_cb, sc_kiosk_session_set_pin_finish)
{
  if (!ok)
    {
      show_pin_error (self, error);
      return;
    }
  show_done (self);
}
STEP_CALLBACK_END

static void
pin_save_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (widget);
  ScKioskPinPage *page = sc_kiosk_window_pin_page (self);
  g_autofree char *pin = NULL;
  g_autofree char *repeat = NULL;

  /* SECURITY: the PIN leaves the entries at once; the session holds it in guarded memory. */
  pin = sc_secure_dup (sc_kiosk_pin_page_get_pin (page),
                       strlen (sc_kiosk_pin_page_get_pin (page)) + 1);
  repeat = sc_secure_dup (sc_kiosk_pin_page_get_repeat (page),
                          strlen (sc_kiosk_pin_page_get_repeat (page)) + 1);
  sc_kiosk_pin_page_clear_pin (page);
  sc_kiosk_pin_page_set_error (page, NULL);
  sc_kiosk_session_set_pin_async (self->session, pin, repeat, NULL, on_set_pin_done_cb,
                                  g_object_ref (self));
  sc_secure_clear ((gpointer *) &pin);
  sc_secure_clear ((gpointer *) &repeat);
}

static void
pin_enter_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (widget);

  sc_kiosk_pin_page_ask (sc_kiosk_window_pin_page (self), SC_KIOSK_PIN_PAGE_ENTER);
  sc_kiosk_window_show_page (self, PAGE_PIN);
}

static void
pin_cancel_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  sc_kiosk_window_wipe (SC_KIOSK_WINDOW (widget), FALSE);
}

STEP_CALLBACK_BEGIN (on_open_kept_done_cb, sc_kiosk_session_open_kept_result_finish)
{
  ScKioskSession *session = self->session;
  ScKioskResultPage *result_page;

  if (g_error_matches (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND))
    {
      sc_kiosk_pin_page_show_message (sc_kiosk_window_pin_page (self),
                                      _("No result was kept for viewing again. Ask the "
                                        "implementer."),
                                      NULL, FALSE);
      sc_kiosk_window_show_page (self, PAGE_PIN);
      return;
    }
  if (!ok)
    {
      g_debug ("Opening the kept result refused: %s", error->message);
      show_pin_error (self, error);
      return;
    }

  sc_kiosk_pin_page_clear (sc_kiosk_window_pin_page (self));
  result_page = sc_kiosk_window_result_page (self);
  sc_kiosk_result_page_set_read_only (result_page, TRUE);
  /* What they decided back then, so that someone who asked for an interview is not told to
   * go and ask for one. */
  sc_kiosk_result_page_set_decisions (result_page,
                                      sc_kiosk_session_get_recorded_consent (session)
                                      != SC_VAULT_CONSENT_UNDECIDED,
                                      sc_kiosk_session_get_consent_given (session),
                                      sc_kiosk_session_get_interview_requested (session));
  /* Earlier years kept under the same PIN, beside this one. */
  sc_kiosk_result_page_set_past_results (result_page,
                                         sc_kiosk_session_get_past_results (session),
                                         sc_kiosk_session_get_past_unopened (session),
                                         sc_kiosk_session_get_result (session),
                                         sc_kiosk_session_get_criteria (session));
  show_result (self);
}
STEP_CALLBACK_END

static void
pin_open_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (widget);
  ScKioskPinPage *page = sc_kiosk_window_pin_page (self);
  g_autofree char *pin = sc_secure_dup (sc_kiosk_pin_page_get_pin (page),
                                        strlen (sc_kiosk_pin_page_get_pin (page)) + 1);

  /* SECURITY: as for saving, the PIN leaves the entry at once. */
  sc_kiosk_pin_page_clear_pin (page);
  sc_kiosk_pin_page_set_error (page, NULL);
  sc_kiosk_session_open_kept_result_async (self->session, pin, NULL, on_open_kept_done_cb,
                                           g_object_ref (self));
  sc_secure_clear ((gpointer *) &pin);
}

/* Skipping the PIN, or the end of a visit to see a result again: say so, then wipe as
 * after answering. */
static void
done_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  show_done (SC_KIOSK_WINDOW (widget));
}

static void
continue_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (widget);

  sc_kiosk_idle_monitor_note_activity (self->idle_monitor);
  sc_kiosk_window_show_page (self, sc_kiosk_window_get_page_name (self));
}

/* ---- Leaving the kiosk ------------------------------------------------------------------- */

static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (widget);

  if (sc_kiosk_window_is_page (self, PAGE_LEAVE))
    return;

  g_free (self->page_before_leave);
  self->page_before_leave = g_strdup (sc_kiosk_window_get_page_name (self));
  sc_kiosk_leave_page_clear (sc_kiosk_window_leave_page (self));
  sc_kiosk_window_show_page (self, PAGE_LEAVE);
}

static void
leave_cancel_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (widget);
  g_autofree char *page = g_steal_pointer (&self->page_before_leave);

  sc_kiosk_leave_page_clear (sc_kiosk_window_leave_page (self));
  sc_kiosk_window_show_page (self, page != NULL ? page : PAGE_WELCOME);
}

STEP_CALLBACK_BEGIN (on_leave_done_cb, sc_kiosk_session_leave_finish)
{
  ScKioskLeavePage *page = sc_kiosk_window_leave_page (self);

  if (!ok)
    {
      sc_kiosk_leave_page_clear (page);
      sc_kiosk_leave_page_set_error (page,
                                     g_error_matches (error, SC_KIOSK_SESSION_ERROR,
                                                      SC_KIOSK_SESSION_ERROR_NO_PASSPHRASE)
                                     ? _("Enter your passphrase.")
                                     : g_error_matches (error, SC_VAULT_ERROR,
                                                        SC_VAULT_ERROR_WRONG_PASSPHRASE)
                                     ? _("This passphrase is not right. Kiosk mode stays on.")
                                     : _("Kiosk mode could not be left. Kiosk mode stays on."));
      sc_kiosk_leave_page_focus (page);
      return;
    }

  /* The person's unfinished answers were kept by the session: forget them here. */
  sc_kiosk_window_wipe (self, FALSE);
  sc_kiosk_window_finish_leaving (self);
}
STEP_CALLBACK_END

static void
leave_confirm_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (widget);
  ScKioskLeavePage *page = sc_kiosk_window_leave_page (self);
  g_autofree char *passphrase = NULL;

  /* SECURITY: the passphrase leaves the entry at once; the session holds it in guarded
   * memory. */
  passphrase = sc_secure_dup (sc_kiosk_leave_page_get_passphrase (page),
                              strlen (sc_kiosk_leave_page_get_passphrase (page)) + 1);
  if (*passphrase != '\0')
    sc_kiosk_leave_page_clear (page);
  sc_kiosk_session_leave_async (self->session, passphrase, NULL, on_leave_done_cb,
                                g_object_ref (self));
  sc_secure_clear ((gpointer *) &passphrase);
}

void
sc_kiosk_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "kiosk.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "kiosk.view-again", NULL, view_again_action);
  gtk_widget_class_install_action (widget_class, "kiosk.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "kiosk.login", NULL, login_action);
  gtk_widget_class_install_action (widget_class, "kiosk.answer", "i", answer_action);
  gtk_widget_class_install_action (widget_class, "kiosk.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "kiosk.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "kiosk.suspend", NULL, suspend_action);
  gtk_widget_class_install_action (widget_class, "kiosk.change", "i", change_action);
  gtk_widget_class_install_action (widget_class, "kiosk.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "kiosk.show-consent", NULL,
                                   show_consent_action);
  gtk_widget_class_install_action (widget_class, "kiosk.consent", "b", consent_action);
  gtk_widget_class_install_action (widget_class, "kiosk.request-interview", NULL,
                                   request_interview_action);
  gtk_widget_class_install_action (widget_class, "kiosk.view-done", NULL, done_action);
  gtk_widget_class_install_action (widget_class, "kiosk.pin-save", NULL, pin_save_action);
  gtk_widget_class_install_action (widget_class, "kiosk.pin-skip", NULL, done_action);
  gtk_widget_class_install_action (widget_class, "kiosk.pin-enter", NULL, pin_enter_action);
  gtk_widget_class_install_action (widget_class, "kiosk.pin-open", NULL, pin_open_action);
  gtk_widget_class_install_action (widget_class, "kiosk.pin-cancel", NULL, pin_cancel_action);
  gtk_widget_class_install_action (widget_class, "kiosk.finish", NULL, finish_action);
  gtk_widget_class_install_action (widget_class, "kiosk.continue", NULL, continue_action);
  gtk_widget_class_install_action (widget_class, "kiosk.leave", NULL, leave_action);
  gtk_widget_class_install_action (widget_class, "kiosk.leave-confirm", NULL,
                                   leave_confirm_action);
  gtk_widget_class_install_action (widget_class, "kiosk.leave-cancel", NULL,
                                   leave_cancel_action);
}
