/* sc-kiosk-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The kiosk session, one employee at a time:
 *
 *   welcome → login → question ×57 → review → result → consent → [interview] → pin → done
 *
 * "pin" offers a personal PIN to see the result again later. With it, "See My Result Again"
 * on the welcome page goes
 *
 *   welcome → login → pin (entered) → result (read-only) → done
 *
 * and someone who answered already is told so after the login (on the pin page), instead of
 * being given the questions again.
 *
 * The window owns the flow and the person's data (the session); the pages only show what
 * they are given and trigger the kiosk.* actions. Every vault call that may take long
 * (Argon2id for the access code and the passphrase, durable saves) runs in a GTask thread;
 * meanwhile the window is "busy": every action that could touch the vault is disabled, so
 * the vault, which is not thread-safe, is only ever used by one thread at a time.
 *
 * The person's data leaves the screen and memory (wipe_session ()) when they finish, when
 * they stop, when nobody touched the kiosk for the idle timeout, and when the kiosk is left.
 */
#define G_LOG_DOMAIN "sc-kiosk-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sc-kiosk-window.h"
#include "sc-kiosk-welcome-page.h"
#include "sc-kiosk-login-page.h"
#include "sc-kiosk-question-page.h"
#include "sc-kiosk-review-page.h"
#include "sc-kiosk-result-page.h"
#include "sc-kiosk-consent-page.h"
#include "sc-kiosk-interview-page.h"
#include "sc-kiosk-pin-page.h"
#include "sc-kiosk-done-page.h"
#include "sc-kiosk-leave-page.h"
#include "sc-access-code.h"
#include "sc-advice.h"
#include "sc-secure.h"

#include <sodium.h>

/* Seconds of inactivity before the screen is wiped, unless the vault says otherwise. */
#define DEFAULT_IDLE_TIMEOUT 90
/* The last seconds of it show a countdown ("Are you still there?"). */
#define IDLE_WARNING_SECONDS 15
/* How long the "saved" page stays before it clears itself. */
#define DONE_SECONDS 10
/* How often the idle timer looks at the clock, in milliseconds. */
#define IDLE_TICK_MS 250

#define PAGE_WELCOME   "welcome"
#define PAGE_LOGIN     "login"
#define PAGE_QUESTION  "question"
#define PAGE_REVIEW    "review"
#define PAGE_RESULT    "result"
#define PAGE_CONSENT   "consent"
#define PAGE_INTERVIEW "interview"
#define PAGE_PIN       "pin"
#define PAGE_DONE      "done"
#define PAGE_LEAVE     "leave"

/* SECURITY: everything the kiosk knows about the person at it. Wiped by wipe_session (). */
typedef struct
{
  char      *employee_number;
  char      *employee_name;
  ScSex      sex;
  guint8    *partial_key;                 /* guarded memory, from the access code */
  guint8     answers[SC_BJSQ_N_ITEMS];
  guint      current;                     /* the item shown */
  gboolean   reviewing;                   /* came from the review page */
  gint64     submission_id;               /* 0 until the answers are saved */
  gboolean   has_result;
  ScResult   result;
  gboolean   consent_given;
  gboolean   interview_requested;
  gboolean   viewing_again;               /* came by "See My Result Again" */
  gboolean   has_view;                    /* a copy to view again is kept */
  gboolean   pin_saved;                   /* kept one just now */
  gboolean   answers_kept;                /* answers still held after sending, for a PIN */
} Session;

struct _ScKioskWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  GtkStack             *stack;
  ScKioskWelcomePage   *welcome_page;
  ScKioskLoginPage     *login_page;
  ScKioskQuestionPage  *question_page;
  ScKioskReviewPage    *review_page;
  ScKioskResultPage    *result_page;
  ScKioskConsentPage   *consent_page;
  ScKioskInterviewPage *interview_page;
  ScKioskPinPage       *pin_page;
  ScKioskDonePage      *done_page;
  ScKioskLeavePage     *leave_page;
  GtkWidget            *idle_overlay;
  GtkLabel             *idle_countdown_label;
  GtkButton            *idle_continue_button;

  /* Owned references */
  ScVault              *vault;
  ScAdvice             *advice;
  GHashTable           *throttles;        /* HMAC of a typed number → ScAccessThrottle */
  GBytes               *throttle_key;
  char                 *contact_text;
  char                 *dummy_hash;
  char                 *page_before_leave;

  /* Borrowed references (owned by the window) */
  GtkEventController   *key_controller;

  /* Plain state */
  gint64                round_id;
  ScCriteria            criteria;
  guint                 idle_timeout;     /* the property; 0 = the vault's setting */
  guint                 effective_timeout;
  gint64                last_activity;    /* monotonic µs */
  guint                 idle_source;
  guint                 done_source;
  guint                 done_seconds_left;
  gboolean              busy;
  gboolean              timeout_pending;
  gboolean              allow_close;
  gboolean              disposed;
  Session               session;
};

G_DEFINE_FINAL_TYPE (ScKioskWindow, sc_kiosk_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_VAULT,
  PROP_ROUND_ID,
  PROP_IDLE_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_LEFT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void wipe_session       (ScKioskWindow *self,
                                gboolean       keep_partial);
static void update_actions     (ScKioskWindow *self);

/* ---- Jobs: vault work in a thread ----------------------------------------------------- */

typedef enum
{
  JOB_LOGIN,
  JOB_SAVE_PARTIAL,
  JOB_SUBMIT,
  JOB_CONSENT,
  JOB_INTERVIEW,
  JOB_SAVE_VIEW,
  JOB_LOAD_VIEW,
  JOB_LEAVE,
} JobKind;

/* SECURITY: a job holds copies of the person's number, code, PIN or answers; job_free ()
 * wipes them. */
typedef struct
{
  JobKind      kind;
  ScVault     *vault;
  gint64       round_id;
  char        *number;
  char        *secret;                    /* guarded: access code, PIN or passphrase */
  char        *dummy_hash;
  guint8      *partial_key;               /* guarded */
  gboolean     save_partial;
  guint8       answers[SC_BJSQ_N_ITEMS];
  ScSex        sex;
  gint64       submission_id;
  gboolean     consent;

  /* Out */
  gboolean     check_called;
  ScEmployee  *employee;
  gboolean     partial_found;
  gboolean     has_submitted;
  gboolean     has_view;
  ScResult     result;
} Job;

static void
wipe_string (char **s)
{
  if (*s == NULL)
    return;
  sc_secure_wipe (*s, strlen (*s));
  g_clear_pointer (s, g_free);
}

static void
job_free (Job *job)
{
  g_clear_object (&job->vault);
  wipe_string (&job->number);
  sc_secure_clear ((gpointer *) &job->secret);
  g_clear_pointer (&job->dummy_hash, g_free);
  sc_secure_clear ((gpointer *) &job->partial_key);
  if (job->employee != NULL)
    {
      wipe_string (&job->employee->name);
      sc_employee_free (job->employee);
    }
  sc_secure_wipe (job, sizeof *job);
  g_free (job);
}

static char *
secure_strdup (const char *s)
{
  return sc_secure_dup (s, strlen (s) + 1);
}

static Job *
job_new (ScKioskWindow *self,
         JobKind        kind)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->vault = g_object_ref (self->vault);
  job->round_id = self->round_id;
  return job;
}

static gboolean
check_code_cb (const char *code_hash,
               gpointer    user_data)
{
  Job *job = user_data;

  job->check_called = TRUE;
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
      wipe_string (&job->number);
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
      if (!job->check_called
          && g_error_matches (local_error, SC_VAULT_ERROR, SC_VAULT_ERROR_ACCESS_DENIED))
        {
          if (job->dummy_hash == NULL)
            job->dummy_hash = sc_access_code_hash ("222222222", SC_ACCESS_CODE_OPSLIMIT_DEFAULT,
                                                   SC_ACCESS_CODE_MEMLIMIT_DEFAULT, NULL);
          if (job->dummy_hash != NULL)
            sc_access_code_verify (job->dummy_hash, job->secret, NULL);
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
      ok = sc_vault_load_result_view (job->vault, job->round_id, job->number, job->partial_key,
                                      job->secret, &job->result, NULL, &error);
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

static void
start_job (ScKioskWindow       *self,
           Job                 *job,
           GAsyncReadyCallback  callback)
{
  g_autoptr (GTask) task = g_task_new (self, NULL, callback, NULL);

  g_assert (!self->busy);

  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  self->busy = TRUE;
  update_actions (self);
  g_task_run_in_thread (task, run_job);
}

/* Ends a job on the main thread. Returns FALSE when the window is gone or the idle timeout
 * struck meanwhile (the screen has then been wiped, and the outcome is not shown). */
static gboolean
finish_job (ScKioskWindow  *self,
            GAsyncResult   *result,
            Job           **out_job,
            GError        **error)
{
  GTask *task = G_TASK (result);
  gboolean ok;

  ok = g_task_propagate_boolean (task, error);
  *out_job = g_task_get_task_data (task);
  self->busy = FALSE;

  if (self->disposed)
    return FALSE;

  update_actions (self);

  /* Leaving the kiosk must end in "left", whatever the clock says: the vault is no longer
   * in kiosk mode. */
  if ((*out_job)->kind == JOB_LEAVE && ok)
    self->timeout_pending = FALSE;

  if (self->timeout_pending)
    {
      self->timeout_pending = FALSE;
      /* The outcome (a saved submission, say) stays in the vault, but the person has
       * gone: wipe now. */
      wipe_session (self, ok);
      return FALSE;
    }

  return TRUE;
}

/* ---- Pages ------------------------------------------------------------------------------ */

/* The window's content. Not a bound template child: a bound direct child would be unparented
 * twice on dispose (by the template and by AdwApplicationWindow). */
static AdwToastOverlay *
get_toast_overlay (ScKioskWindow *self)
{
  return ADW_TOAST_OVERLAY (adw_application_window_get_content (ADW_APPLICATION_WINDOW (self)));
}

/* Every page but the welcome page is made the first time it is needed: building all ten
 * at start took longer than laying out the one shown. */
typedef struct
{
  const char *name;
  GType     (*get_type) (void);
  gsize       offset;
} PageInfo;

static const PageInfo lazy_pages[] = {
  { PAGE_LOGIN, sc_kiosk_login_page_get_type, G_STRUCT_OFFSET (ScKioskWindow, login_page) },
  { PAGE_QUESTION, sc_kiosk_question_page_get_type,
    G_STRUCT_OFFSET (ScKioskWindow, question_page) },
  { PAGE_REVIEW, sc_kiosk_review_page_get_type, G_STRUCT_OFFSET (ScKioskWindow, review_page) },
  { PAGE_RESULT, sc_kiosk_result_page_get_type, G_STRUCT_OFFSET (ScKioskWindow, result_page) },
  { PAGE_CONSENT, sc_kiosk_consent_page_get_type,
    G_STRUCT_OFFSET (ScKioskWindow, consent_page) },
  { PAGE_INTERVIEW, sc_kiosk_interview_page_get_type,
    G_STRUCT_OFFSET (ScKioskWindow, interview_page) },
  { PAGE_PIN, sc_kiosk_pin_page_get_type, G_STRUCT_OFFSET (ScKioskWindow, pin_page) },
  { PAGE_DONE, sc_kiosk_done_page_get_type, G_STRUCT_OFFSET (ScKioskWindow, done_page) },
  { PAGE_LEAVE, sc_kiosk_leave_page_get_type, G_STRUCT_OFFSET (ScKioskWindow, leave_page) },
};

/* The page called @name, made and added to the stack (not shown) if it is not there yet.
 * NULL for a name that is no page. */
static GtkWidget *
ensure_page (ScKioskWindow *self,
             const char    *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->stack, name);

  if (page != NULL)
    return page;

  for (guint i = 0; i < G_N_ELEMENTS (lazy_pages); i++)
    {
      if (!g_str_equal (lazy_pages[i].name, name))
        continue;
      page = g_object_new (lazy_pages[i].get_type (), NULL);
      gtk_stack_add_named (self->stack, page, name);
      G_STRUCT_MEMBER (GtkWidget *, self, lazy_pages[i].offset) = page;
      return page;
    }
  return NULL;
}

#define DEFINE_PAGE_GETTER(Type, field, NAME) \
  static Type * \
  get_##field (ScKioskWindow *self) \
  { \
    if (self->field == NULL) \
      ensure_page (self, NAME); \
    return self->field; \
  }

DEFINE_PAGE_GETTER (ScKioskLoginPage, login_page, PAGE_LOGIN)
DEFINE_PAGE_GETTER (ScKioskQuestionPage, question_page, PAGE_QUESTION)
DEFINE_PAGE_GETTER (ScKioskReviewPage, review_page, PAGE_REVIEW)
DEFINE_PAGE_GETTER (ScKioskResultPage, result_page, PAGE_RESULT)
DEFINE_PAGE_GETTER (ScKioskConsentPage, consent_page, PAGE_CONSENT)
DEFINE_PAGE_GETTER (ScKioskInterviewPage, interview_page, PAGE_INTERVIEW)
DEFINE_PAGE_GETTER (ScKioskPinPage, pin_page, PAGE_PIN)
DEFINE_PAGE_GETTER (ScKioskDonePage, done_page, PAGE_DONE)
DEFINE_PAGE_GETTER (ScKioskLeavePage, leave_page, PAGE_LEAVE)

#undef DEFINE_PAGE_GETTER

/* Hands the typed PIN to @job and starts it. SECURITY: the PIN leaves the entries at once;
 * the job holds it in guarded memory. */
static void
start_pin_job (ScKioskWindow       *self,
               Job                 *job,
               GAsyncReadyCallback  callback)
{
  ScKioskPinPage *page = get_pin_page (self);

  sc_kiosk_pin_page_clear_pin (page);
  sc_kiosk_pin_page_set_error (page, NULL);
  sc_kiosk_pin_page_set_busy (page, TRUE);
  start_job (self, job, callback);
}

static const char *
get_page (ScKioskWindow *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

static gboolean
is_page (ScKioskWindow *self,
         const char    *name)
{
  return g_strcmp0 (get_page (self), name) == 0;
}

static void
note_activity (ScKioskWindow *self)
{
  self->last_activity = g_get_monotonic_time ();
}

static void hide_idle_overlay (ScKioskWindow *self);
static void update_idle_timer (ScKioskWindow *self);

static void
show_page (ScKioskWindow *self,
           const char    *name)
{
  /* Take the focus off the old page while it is still mapped, so that its entries see the
   * focus go (an entry unmapped with the focus keeps blinking its cursor). */
  if (!is_page (self, name))
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_widget_set_visible (ensure_page (self, name), TRUE);
  gtk_stack_set_visible_child_name (self->stack, name);
  note_activity (self);
  hide_idle_overlay (self);
  update_idle_timer (self);
  update_actions (self);

  if (g_str_equal (name, PAGE_WELCOME))
    sc_kiosk_welcome_page_focus (self->welcome_page);
  else if (g_str_equal (name, PAGE_LOGIN))
    sc_kiosk_login_page_focus (get_login_page (self));
  else if (g_str_equal (name, PAGE_QUESTION))
    sc_kiosk_question_page_focus (get_question_page (self));
  else if (g_str_equal (name, PAGE_RESULT))
    sc_kiosk_result_page_focus (get_result_page (self));
  else if (g_str_equal (name, PAGE_CONSENT))
    sc_kiosk_consent_page_focus (get_consent_page (self));
  else if (g_str_equal (name, PAGE_INTERVIEW))
    sc_kiosk_interview_page_focus (get_interview_page (self));
  else if (g_str_equal (name, PAGE_PIN))
    sc_kiosk_pin_page_focus (get_pin_page (self));
  else if (g_str_equal (name, PAGE_DONE))
    sc_kiosk_done_page_focus (get_done_page (self));
  else if (g_str_equal (name, PAGE_LEAVE))
    sc_kiosk_leave_page_focus (get_leave_page (self));
}

static void
update_actions (ScKioskWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const char *page = get_page (self);
  gboolean idle = !self->busy;
  gboolean question = idle && g_strcmp0 (page, PAGE_QUESTION) == 0;
  gboolean answered = self->session.answers[self->session.current] != 0;
  gboolean pin = idle && g_strcmp0 (page, PAGE_PIN) == 0;
  /* The PIN page is made when first shown; until then its mode does not matter. */
  ScKioskPinPageMode pin_mode = self->pin_page != NULL ? sc_kiosk_pin_page_get_mode (self->pin_page)
                                                       : SC_KIOSK_PIN_PAGE_ENTER;
  gboolean view_only = self->session.viewing_again;

  gtk_widget_action_set_enabled (widget, "kiosk.start",
                                 idle && g_strcmp0 (page, PAGE_WELCOME) == 0);
  gtk_widget_action_set_enabled (widget, "kiosk.view-again",
                                 idle && g_strcmp0 (page, PAGE_WELCOME) == 0);
  gtk_widget_action_set_enabled (widget, "kiosk.cancel",
                                 idle && g_strcmp0 (page, PAGE_LOGIN) == 0);
  gtk_widget_action_set_enabled (widget, "kiosk.login",
                                 idle && g_strcmp0 (page, PAGE_LOGIN) == 0);
  gtk_widget_action_set_enabled (widget, "kiosk.answer", question);
  gtk_widget_action_set_enabled (widget, "kiosk.back",
                                 question
                                 && (self->session.reviewing || self->session.current > 0));
  gtk_widget_action_set_enabled (widget, "kiosk.next",
                                 question && (self->session.reviewing || answered));
  gtk_widget_action_set_enabled (widget, "kiosk.suspend", question);
  gtk_widget_action_set_enabled (widget, "kiosk.change",
                                 idle && g_strcmp0 (page, PAGE_REVIEW) == 0);
  gtk_widget_action_set_enabled (widget, "kiosk.submit",
                                 idle && g_strcmp0 (page, PAGE_REVIEW) == 0);
  gtk_widget_action_set_enabled (widget, "kiosk.show-consent",
                                 idle && g_strcmp0 (page, PAGE_RESULT) == 0 && !view_only);
  gtk_widget_action_set_enabled (widget, "kiosk.view-done",
                                 idle && g_strcmp0 (page, PAGE_RESULT) == 0 && view_only);
  gtk_widget_action_set_enabled (widget, "kiosk.pin-save", pin && pin_mode == SC_KIOSK_PIN_PAGE_SET);
  gtk_widget_action_set_enabled (widget, "kiosk.pin-skip", pin && pin_mode == SC_KIOSK_PIN_PAGE_SET);
  gtk_widget_action_set_enabled (widget, "kiosk.pin-open",
                                 pin && pin_mode == SC_KIOSK_PIN_PAGE_ENTER);
  gtk_widget_action_set_enabled (widget, "kiosk.pin-enter",
                                 pin && pin_mode == SC_KIOSK_PIN_PAGE_MESSAGE
                                 && self->session.has_view);
  gtk_widget_action_set_enabled (widget, "kiosk.pin-cancel",
                                 pin && pin_mode != SC_KIOSK_PIN_PAGE_SET);
  gtk_widget_action_set_enabled (widget, "kiosk.consent",
                                 idle && g_strcmp0 (page, PAGE_CONSENT) == 0);
  gtk_widget_action_set_enabled (widget, "kiosk.request-interview",
                                 idle && g_strcmp0 (page, PAGE_INTERVIEW) == 0);
  gtk_widget_action_set_enabled (widget, "kiosk.finish",
                                 idle && (g_strcmp0 (page, PAGE_INTERVIEW) == 0
                                          || g_strcmp0 (page, PAGE_DONE) == 0));
  gtk_widget_action_set_enabled (widget, "kiosk.continue",
                                 gtk_widget_get_visible (self->idle_overlay));
  gtk_widget_action_set_enabled (widget, "kiosk.leave",
                                 idle && g_strcmp0 (page, PAGE_LEAVE) != 0);
  gtk_widget_action_set_enabled (widget, "kiosk.leave-confirm",
                                 idle && g_strcmp0 (page, PAGE_LEAVE) == 0);
  gtk_widget_action_set_enabled (widget, "kiosk.leave-cancel",
                                 idle && g_strcmp0 (page, PAGE_LEAVE) == 0);
}

/* ---- The session ------------------------------------------------------------------------- */

static gboolean
has_any_answer (const Session *session)
{
  for (guint i = 0; i < SC_BJSQ_N_ITEMS; i++)
    if (session->answers[i] != 0)
      return TRUE;
  return FALSE;
}

static guint
first_unanswered (const Session *session)
{
  for (guint i = 0; i < SC_BJSQ_N_ITEMS; i++)
    if (session->answers[i] == 0)
      return i;
  return SC_BJSQ_N_ITEMS;
}

static void
stop_done_countdown (ScKioskWindow *self)
{
  g_clear_handle_id (&self->done_source, g_source_remove);
  if (!self->disposed && self->done_page != NULL)
    sc_kiosk_done_page_set_seconds_left (self->done_page, 0);
}

static void
on_save_partial_done_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (source);
  g_autoptr (GError) error = NULL;
  Job *job;

  if (!finish_job (self, result, &job, &error))
    return;
  if (error != NULL)
    g_warning ("Unfinished answers could not be kept: %s", error->message);
}

/* Ends the session: keeps unfinished answers (encrypted under the person's code) if asked
 * to, then removes everything about the person from the screen and from memory, and shows
 * the welcome page. */
static void
wipe_session (ScKioskWindow *self,
              gboolean       keep_partial)
{
  Session *session = &self->session;

  if (keep_partial && !self->busy && session->partial_key != NULL
      && session->submission_id == 0 && has_any_answer (session))
    {
      Job *job = job_new (self, JOB_SAVE_PARTIAL);

      job->number = g_strdup (session->employee_number);
      job->partial_key = sc_secure_dup (session->partial_key, SC_VAULT_PARTIAL_KEY_BYTES);
      memcpy (job->answers, session->answers, sizeof job->answers);
      start_job (self, job, on_save_partial_done_cb);
    }

  /* SECURITY: the number, name, answers, result and the key derived from the code leave
   * memory, and every page that showed them is emptied. */
  wipe_string (&session->employee_number);
  wipe_string (&session->employee_name);
  sc_secure_clear ((gpointer *) &session->partial_key);
  sc_secure_wipe (session, sizeof *session);

  stop_done_countdown (self);
  /* Pages not made yet have nothing to empty. */
  if (self->login_page != NULL)
    sc_kiosk_login_page_clear (self->login_page);
  if (self->question_page != NULL)
    sc_kiosk_question_page_clear (self->question_page);
  if (self->review_page != NULL)
    sc_kiosk_review_page_clear (self->review_page);
  if (self->result_page != NULL)
    sc_kiosk_result_page_clear (self->result_page);
  if (self->consent_page != NULL)
    sc_kiosk_consent_page_clear (self->consent_page);
  if (self->interview_page != NULL)
    sc_kiosk_interview_page_clear (self->interview_page);
  if (self->pin_page != NULL)
    sc_kiosk_pin_page_clear (self->pin_page);
  if (self->done_page != NULL)
    sc_kiosk_done_page_clear (self->done_page);
  if (self->leave_page != NULL)
    sc_kiosk_leave_page_clear (self->leave_page);
  g_clear_pointer (&self->page_before_leave, g_free);

  show_page (self, PAGE_WELCOME);
}

/* ---- Idle timeout ------------------------------------------------------------------------ */

static void
hide_idle_overlay (ScKioskWindow *self)
{
  if (!gtk_widget_get_visible (self->idle_overlay))
    return;

  gtk_widget_set_visible (self->idle_overlay, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), TRUE);
  update_actions (self);
}

static guint
warning_seconds (ScKioskWindow *self)
{
  return MIN (IDLE_WARNING_SECONDS, MAX (self->effective_timeout / 2, 1));
}

static void
show_idle_overlay (ScKioskWindow *self,
                   gint64         seconds_left)
{
  g_autofree char *text = NULL;

  /* Translators: the countdown before the kiosk clears the screen for lack of activity. */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The screen will be cleared in %d second.",
                                       "The screen will be cleared in %d seconds.",
                                       (gulong) seconds_left),
                          (int) seconds_left);
  gtk_label_set_text (self->idle_countdown_label, text);

  if (gtk_widget_get_visible (self->idle_overlay))
    return;

  gtk_widget_set_visible (self->idle_overlay, TRUE);
  update_actions (self);
  /* The page below cannot take the focus or clicks while the question is asked. The focus
   * moves first: an entry made insensitive with the focus would never hear it left. */
  gtk_widget_grab_focus (GTK_WIDGET (self->idle_continue_button));
  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), FALSE);
}

static gboolean
on_idle_tick_cb (gpointer user_data)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (user_data);
  gint64 idle_us = g_get_monotonic_time () - self->last_activity;
  gint64 left = (gint64) self->effective_timeout - idle_us / G_USEC_PER_SEC;

  if (idle_us >= (gint64) self->effective_timeout * G_USEC_PER_SEC)
    {
      if (self->busy)
        {
          /* The vault is in use: finish_job () wipes as soon as the job ends. */
          self->timeout_pending = TRUE;
          return G_SOURCE_CONTINUE;
        }
      g_debug ("Idle timeout: wiping the screen");
      self->idle_source = 0;
      wipe_session (self, TRUE);
      return G_SOURCE_REMOVE;
    }

  if (left <= (gint64) warning_seconds (self))
    show_idle_overlay (self, MAX (left, 1));

  return G_SOURCE_CONTINUE;
}

/* The timer runs on every page but the welcome page, which shows nothing about anyone. */
static void
update_idle_timer (ScKioskWindow *self)
{
  gboolean needed = !is_page (self, PAGE_WELCOME);

  if (needed && self->idle_source == 0)
    self->idle_source = g_timeout_add (IDLE_TICK_MS, on_idle_tick_cb, self);
  else if (!needed)
    g_clear_handle_id (&self->idle_source, g_source_remove);
}

static gboolean
on_window_event_cb (GtkEventControllerLegacy *controller,
                    GdkEvent                 *event,
                    ScKioskWindow            *self)
{
  switch (gdk_event_get_event_type (event))
    {
    case GDK_BUTTON_PRESS:
    case GDK_TOUCH_BEGIN:
    case GDK_SCROLL:
      note_activity (self);
      /* Any touch answers "Are you still there?", and does nothing else. */
      if (gtk_widget_get_visible (self->idle_overlay))
        {
          hide_idle_overlay (self);
          return GDK_EVENT_STOP;
        }
      break;

    case GDK_KEY_PRESS:
      /* on_key_pressed_cb () handles keys, also while the countdown shows. */
      note_activity (self);
      break;

    case GDK_MOTION_NOTIFY:
    case GDK_TOUCH_UPDATE:
      /* Moving the pointer shows that someone is there, but only a deliberate touch or
       * key dismisses the countdown. */
      if (!gtk_widget_get_visible (self->idle_overlay))
        note_activity (self);
      break;

    default:
      break;
    }

  return GDK_EVENT_PROPAGATE;
}

/* ---- Keys ---------------------------------------------------------------------------------- */

/* The questionnaire's keys and the leave combination are handled here, in the capture phase
 * of the whole window, so that they work wherever the focus is (also with none at all). */
static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   ScKioskWindow         *self)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  GdkModifierType leave_mods = GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK;
  int answer = 0;

  note_activity (self);

  if (gtk_widget_get_visible (self->idle_overlay))
    {
      hide_idle_overlay (self);
      return GDK_EVENT_STOP;
    }

  if (mods == leave_mods && gdk_keyval_to_lower (keyval) == GDK_KEY_q)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.leave", NULL);
      return GDK_EVENT_STOP;
    }

  if (!is_page (self, PAGE_QUESTION) || self->busy || (mods & ~GDK_SHIFT_MASK) != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_1: case GDK_KEY_KP_1: answer = 1; break;
    case GDK_KEY_2: case GDK_KEY_KP_2: answer = 2; break;
    case GDK_KEY_3: case GDK_KEY_KP_3: answer = 3; break;
    case GDK_KEY_4: case GDK_KEY_KP_4: answer = 4; break;

    case GDK_KEY_BackSpace:
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.back", NULL);
      return GDK_EVENT_STOP;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.next", NULL);
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }

  gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.answer", "i", answer);
  return GDK_EVENT_STOP;
}

/* ---- Welcome and login ----------------------------------------------------------------- */

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (widget);

  self->session.viewing_again = FALSE;
  sc_kiosk_login_page_clear (get_login_page (self));
  show_page (self, PAGE_LOGIN);
}

/* "See My Result Again": the same login, then the personal PIN. */
static void
view_again_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (widget);

  self->session.viewing_again = TRUE;
  sc_kiosk_login_page_clear (get_login_page (self));
  show_page (self, PAGE_LOGIN);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  wipe_session (SC_KIOSK_WINDOW (widget), FALSE);
}

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

/* The in-memory throttle of typed numbers. SECURITY: keyed by an HMAC under a key that
 * lives only in this process, so the table does not list the numbers people typed. */
static ScAccessThrottle *
lookup_throttle (ScKioskWindow *self,
                 const char    *number,
                 gboolean       create)
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

static const char *
throttled_message (void)
{
  return _("Too many wrong attempts. Please wait a few minutes before you try again, or ask "
           "the staff for help.");
}

static void
on_login_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (source);
  g_autoptr (GError) error = NULL;
  g_autofree char *typed_number = NULL;
  ScAccessThrottle *throttle;
  Session *session = &self->session;
  Job *job;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (!finish_job (self, result, &job, &error))
    return;

  sc_kiosk_login_page_set_busy (get_login_page (self), FALSE);
  if (self->dummy_hash == NULL && job->dummy_hash != NULL)
    self->dummy_hash = g_strdup (job->dummy_hash);

  typed_number = normalize_number (sc_kiosk_login_page_get_number (get_login_page (self)));
  throttle = lookup_throttle (self, typed_number, error != NULL);

  if (error != NULL)
    {
      g_debug ("Login refused: %s", error->message);
      if (g_error_matches (error, SC_VAULT_ERROR, SC_VAULT_ERROR_ACCESS_DENIED))
        sc_access_throttle_record (throttle, FALSE, now);

      sc_kiosk_login_page_clear_code (get_login_page (self));
      if (g_error_matches (error, SC_VAULT_ERROR, SC_VAULT_ERROR_THROTTLED)
          || !sc_access_throttle_check (throttle, now, NULL))
        sc_kiosk_login_page_set_error (get_login_page (self), throttled_message ());
      else if (g_error_matches (error, SC_VAULT_ERROR, SC_VAULT_ERROR_ACCESS_DENIED))
        sc_kiosk_login_page_set_error (get_login_page (self),
                                       _("The employee number or the access code is not "
                                         "right. Check your slip and try again."));
      else
        sc_kiosk_login_page_set_error (get_login_page (self),
                                       _("Logging in failed. Please ask the staff for help."));
      return;
    }

  if (throttle != NULL)
    sc_access_throttle_reset (throttle);

  /* SECURITY: from here the session holds the person's data until wipe_session (). */
  session->employee_number = g_strdup (job->number);
  session->employee_name = g_strdup (job->employee->name);
  session->sex = job->employee->sex;
  session->partial_key = g_steal_pointer (&job->partial_key);
  memcpy (session->answers, job->answers, sizeof session->answers);
  session->current = first_unanswered (session);
  session->reviewing = FALSE;
  session->has_view = job->has_view;

  sc_kiosk_login_page_clear (get_login_page (self));

  if (session->viewing_again || job->has_submitted)
    {
      /* SECURITY: no questions are answered in this visit; kept answers are not needed. */
      sc_secure_wipe (session->answers, sizeof session->answers);
      session->current = 0;

      if (session->viewing_again && session->has_view)
        {
          sc_kiosk_pin_page_ask (get_pin_page (self), SC_KIOSK_PIN_PAGE_ENTER);
          show_page (self, PAGE_PIN);
        }
      else if (session->viewing_again)
        {
          sc_kiosk_pin_page_show_message (get_pin_page (self),
                                          _("No result was kept for viewing again. Ask the "
                                            "implementer."),
                                          _("A result can be seen again only if a personal "
                                            "PIN was set right after answering."),
                                          FALSE);
          show_page (self, PAGE_PIN);
        }
      else
        {
          sc_kiosk_pin_page_show_message (get_pin_page (self),
                                          _("You have already answered this round"),
                                          session->has_view
                                          ? _("Your answers were saved earlier, and they stand. "
                                              "You can see your result again with the "
                                              "personal PIN you chose.")
                                          : _("Your answers were saved earlier, and they "
                                              "stand. If you have a question, please ask the "
                                              "implementer."),
                                          session->has_view);
          show_page (self, PAGE_PIN);
        }
      return;
    }

  sc_kiosk_question_page_set_person (get_question_page (self), session->employee_name);

  if (job->partial_found && has_any_answer (session))
    adw_toast_overlay_add_toast (get_toast_overlay (self),
                                 adw_toast_new (_("Welcome back. Your earlier answers were "
                                                  "kept.")));

  if (session->current >= SC_BJSQ_N_ITEMS)
    {
      session->current = 0;
      sc_kiosk_review_page_set_answers (get_review_page (self), session->answers);
      show_page (self, PAGE_REVIEW);
      sc_kiosk_review_page_focus (get_review_page (self), -1);
      return;
    }

  sc_kiosk_question_page_show_item (get_question_page (self), session->current,
                                    session->answers[session->current], FALSE);
  show_page (self, PAGE_QUESTION);
}

static void
login_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (widget);
  ScKioskLoginPage *login_page = get_login_page (self);
  g_autofree char *number = normalize_number (sc_kiosk_login_page_get_number (login_page));
  char code[SC_ACCESS_CODE_NORMALIZED_SIZE];
  ScAccessThrottle *throttle;
  Job *job;

  if (*number == '\0')
    {
      sc_kiosk_login_page_set_error (get_login_page (self), _("Enter your employee number."));
      sc_kiosk_login_page_focus (get_login_page (self));
      return;
    }

  /* A code that cannot be one (a letter not on any slip, too short) is not an attempt: the
   * vault is not asked, and nothing counts against the number. */
  if (!sc_access_code_normalize (sc_kiosk_login_page_get_code (login_page), -1, code, NULL))
    {
      sc_kiosk_login_page_set_error (get_login_page (self),
                                     _("An access code has 9 characters: the digits 2 to 9 "
                                       "and letters, as printed on your slip."));
      sc_kiosk_login_page_clear_code (get_login_page (self));
      return;
    }

  throttle = lookup_throttle (self, number, FALSE);
  if (throttle != NULL
      && !sc_access_throttle_check (throttle, g_get_real_time () / G_USEC_PER_SEC, NULL))
    {
      sc_secure_wipe (code, sizeof code);
      sc_kiosk_login_page_clear_code (get_login_page (self));
      sc_kiosk_login_page_set_error (get_login_page (self), throttled_message ());
      return;
    }

  job = job_new (self, JOB_LOGIN);
  job->number = g_steal_pointer (&number);
  job->secret = secure_strdup (code);
  sc_secure_wipe (code, sizeof code);
  job->dummy_hash = g_strdup (self->dummy_hash);

  sc_kiosk_login_page_set_error (get_login_page (self), NULL);
  sc_kiosk_login_page_set_busy (get_login_page (self), TRUE);
  start_job (self, job, on_login_done_cb);
}

/* ---- Questions and review ---------------------------------------------------------------- */

static void
show_question (ScKioskWindow *self,
               guint          index)
{
  Session *session = &self->session;

  session->current = index;
  sc_kiosk_question_page_show_item (get_question_page (self), index, session->answers[index],
                                    session->reviewing);
  show_page (self, PAGE_QUESTION);
}

static void
show_review (ScKioskWindow *self,
             int            focus_index)
{
  Session *session = &self->session;

  session->reviewing = FALSE;
  sc_kiosk_review_page_set_answers (get_review_page (self), session->answers);
  sc_kiosk_review_page_set_error (get_review_page (self), NULL);
  show_page (self, PAGE_REVIEW);
  sc_kiosk_review_page_focus (get_review_page (self), focus_index);
}

/* After an answer: the next unanswered question, or the review when all are answered. */
static void
advance (ScKioskWindow *self)
{
  Session *session = &self->session;
  guint next;

  if (session->reviewing)
    {
      show_review (self, (int) session->current);
      return;
    }

  next = session->current + 1;
  if (next < SC_BJSQ_N_ITEMS)
    {
      show_question (self, next);
      return;
    }

  next = first_unanswered (session);
  if (next < SC_BJSQ_N_ITEMS)
    show_question (self, next);
  else
    show_review (self, -1);
}

static void
answer_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (widget);
  gint32 value = g_variant_get_int32 (parameter);

  if (value < 1 || value > SC_BJSQ_N_OPTIONS)
    return;

  self->session.answers[self->session.current] = (guint8) value;
  advance (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (widget);
  Session *session = &self->session;

  if (session->reviewing)
    show_review (self, (int) session->current);
  else if (session->current > 0)
    show_question (self, session->current - 1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (widget);
  Session *session = &self->session;

  if (session->reviewing || session->answers[session->current] != 0)
    advance (self);
}

static void
suspend_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (widget);

  wipe_session (self, TRUE);
  adw_toast_overlay_add_toast (get_toast_overlay (self),
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

  self->session.reviewing = TRUE;
  show_question (self, (guint) index);
}

static void
on_submit_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (source);
  g_autoptr (GError) error = NULL;
  Session *session = &self->session;
  Job *job;

  if (!finish_job (self, result, &job, &error))
    return;

  sc_kiosk_review_page_set_busy (get_review_page (self), FALSE);

  if (g_error_matches (error, SC_VAULT_ERROR, SC_VAULT_ERROR_EXISTS))
    {
      /* Answered before in this round: the earlier answers stand. Nothing of these was
       * saved, and they go now. */
      sc_kiosk_done_page_set_message (get_done_page (self), "dialog-information-symbolic",
                                      _("You Have Already Answered"),
                                      _("Your answers in this round were saved earlier, and "
                                        "they stand. These answers were not saved. If you "
                                        "have a question, please ask the staff."));
      sc_secure_wipe (session->answers, sizeof session->answers);
      sc_kiosk_review_page_clear (get_review_page (self));
      show_page (self, PAGE_DONE);
      return;
    }
  if (error != NULL)
    {
      g_warning ("Saving the answers failed: %s", error->message);
      sc_kiosk_review_page_set_error (get_review_page (self),
                                      _("Your answers could not be saved. Please try again, "
                                        "or ask the staff for help."));
      return;
    }

  session->submission_id = job->submission_id;
  session->result = job->result;
  session->has_result = TRUE;
  /* SECURITY: the answers are in the vault now, sealed. The kiosk keeps them only until the
   * person decided about a personal PIN (which keeps a copy under it); show_done () wipes
   * them. */
  session->answers_kept = TRUE;
  sc_kiosk_review_page_clear (get_review_page (self));
  sc_kiosk_question_page_clear (get_question_page (self));

  sc_kiosk_result_page_set_result (get_result_page (self), &session->result, &self->criteria,
                                   self->advice, self->contact_text);
  show_page (self, PAGE_RESULT);
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (widget);
  Session *session = &self->session;
  guint missing = first_unanswered (session);
  Job *job;

  /* Not reachable through the pages, which lead here only with every answer given. */
  if (missing < SC_BJSQ_N_ITEMS)
    {
      show_question (self, missing);
      return;
    }

  job = job_new (self, JOB_SUBMIT);
  job->number = g_strdup (session->employee_number);
  job->sex = session->sex;
  memcpy (job->answers, session->answers, sizeof job->answers);

  sc_kiosk_review_page_set_error (get_review_page (self), NULL);
  sc_kiosk_review_page_set_busy (get_review_page (self), TRUE);
  start_job (self, job, on_submit_done_cb);
}

/* ---- Result, consent, interview, done -------------------------------------------------- */

static gboolean
interview_recommended (ScKioskWindow *self)
{
  return self->session.has_result
         && sc_result_primary (&self->session.result, &self->criteria)->verdict
            == SC_VERDICT_HIGH;
}

static void
show_consent_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (widget);

  sc_kiosk_consent_page_clear (get_consent_page (self));
  show_page (self, PAGE_CONSENT);
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
      if (!self->busy)
        wipe_session (self, FALSE);
      return G_SOURCE_REMOVE;
    }
  sc_kiosk_done_page_set_seconds_left (get_done_page (self), self->done_seconds_left);
  return G_SOURCE_CONTINUE;
}

static void
show_done (ScKioskWindow *self)
{
  Session *session = &self->session;
  const char *title = _("Saved. Thank You.");
  const char *description;
  g_autofree char *with_pin = NULL;

  if (session->viewing_again)
    {
      title = _("Thank You");
      description = _("Your result is no longer on the screen. Nothing was changed.");
    }
  else if (session->interview_requested)
    description = _("Your answers and your decisions are saved. Your request for an interview "
                    "has been passed on, and with it your result.");
  else if (session->consent_given)
    description = _("Your answers and your decision are saved. Your employer may see your "
                    "result.");
  else
    description = _("Your answers and your decision are saved. Your result stays with the "
                    "implementer of the stress check.");

  if (session->pin_saved)
    description = with_pin = g_strconcat (description, " ",
                                          _("With your PIN you can see your result again at "
                                            "this PC: choose “See My Result Again” at the "
                                            "start."), NULL);

  sc_kiosk_done_page_set_message (get_done_page (self), "emblem-ok-symbolic", title, description);

  /* SECURITY: nothing after this page needs the result, the answers or a PIN. */
  sc_secure_wipe (&session->result, sizeof session->result);
  session->has_result = FALSE;
  sc_secure_wipe (session->answers, sizeof session->answers);
  session->answers_kept = FALSE;
  sc_kiosk_result_page_clear (get_result_page (self));
  sc_kiosk_pin_page_clear (get_pin_page (self));

  self->done_seconds_left = DONE_SECONDS;
  sc_kiosk_done_page_set_seconds_left (get_done_page (self), self->done_seconds_left);
  g_clear_handle_id (&self->done_source, g_source_remove);
  self->done_source = g_timeout_add_seconds (1, on_done_tick_cb, self);
  show_page (self, PAGE_DONE);
}

/* After the consent and interview decisions: offer a personal PIN to see the result again,
 * while the answers are still at hand. */
static void
offer_pin (ScKioskWindow *self)
{
  Session *session = &self->session;

  if (!session->answers_kept || session->partial_key == NULL)
    {
      show_done (self);
      return;
    }

  sc_kiosk_pin_page_ask (get_pin_page (self), SC_KIOSK_PIN_PAGE_SET);
  show_page (self, PAGE_PIN);
}

static void
on_consent_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (source);
  g_autoptr (GError) error = NULL;
  Job *job;

  if (!finish_job (self, result, &job, &error))
    return;

  sc_kiosk_consent_page_set_busy (get_consent_page (self), FALSE);
  if (error != NULL)
    {
      g_warning ("Recording the consent failed: %s", error->message);
      sc_kiosk_consent_page_set_error (get_consent_page (self),
                                       _("Your decision could not be saved. Please try again, "
                                         "or ask the staff for help."));
      return;
    }

  self->session.consent_given = job->consent;
  if (interview_recommended (self))
    {
      sc_kiosk_interview_page_prepare (get_interview_page (self), job->consent, self->contact_text);
      show_page (self, PAGE_INTERVIEW);
    }
  else
    offer_pin (self);
}

static void
consent_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (widget);
  Job *job = job_new (self, JOB_CONSENT);

  job->submission_id = self->session.submission_id;
  job->consent = g_variant_get_boolean (parameter);

  sc_kiosk_consent_page_set_error (get_consent_page (self), NULL);
  sc_kiosk_consent_page_set_busy (get_consent_page (self), TRUE);
  start_job (self, job, on_consent_done_cb);
}

static void
on_interview_done_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (source);
  g_autoptr (GError) error = NULL;
  Job *job;

  if (!finish_job (self, result, &job, &error))
    return;

  sc_kiosk_interview_page_set_busy (get_interview_page (self), FALSE);
  if (error != NULL)
    {
      g_warning ("Recording the interview request failed: %s", error->message);
      sc_kiosk_interview_page_set_error (get_interview_page (self),
                                         _("Your request could not be saved. Please try "
                                           "again, or ask the staff for help."));
      return;
    }

  self->session.interview_requested = TRUE;
  offer_pin (self);
}

static void
request_interview_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (widget);
  Job *job;

  /* Only after the person saw what a request means (the confirmation step). */
  if (!interview_recommended (self)
      || !sc_kiosk_interview_page_is_confirming (get_interview_page (self)))
    return;

  job = job_new (self, JOB_INTERVIEW);
  job->submission_id = self->session.submission_id;
  sc_kiosk_interview_page_set_error (get_interview_page (self), NULL);
  sc_kiosk_interview_page_set_busy (get_interview_page (self), TRUE);
  start_job (self, job, on_interview_done_cb);
}

static void
finish_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (widget);

  /* "Not now" on the interview page goes on to the PIN, then says what was saved. */
  if (is_page (self, PAGE_INTERVIEW))
    offer_pin (self);
  else
    wipe_session (self, FALSE);
}

/* ---- The personal PIN ------------------------------------------------------------------- */

static void
on_save_view_done_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (source);
  g_autoptr (GError) error = NULL;
  Job *job;

  if (!finish_job (self, result, &job, &error))
    return;

  sc_kiosk_pin_page_set_busy (get_pin_page (self), FALSE);
  if (error != NULL)
    {
      g_warning ("Keeping the result to view again failed: %s", error->message);
      sc_kiosk_pin_page_clear_pin (get_pin_page (self));
      sc_kiosk_pin_page_set_error (get_pin_page (self),
                                   _("Your PIN could not be saved. Please try again, or skip "
                                     "this step."));
      return;
    }

  self->session.pin_saved = TRUE;
  show_done (self);
}

static void
pin_save_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (widget);
  Session *session = &self->session;
  const char *pin = sc_kiosk_pin_page_get_pin (get_pin_page (self));
  const char *repeat = sc_kiosk_pin_page_get_repeat (get_pin_page (self));
  Job *job;

  if (!sc_vault_pin_is_valid (pin))
    {
      sc_kiosk_pin_page_clear_pin (get_pin_page (self));
      sc_kiosk_pin_page_set_error (get_pin_page (self),
                                   _("A PIN has 4 to 8 digits. Please try again."));
      return;
    }
  if (strcmp (pin, repeat) != 0)
    {
      sc_kiosk_pin_page_clear_pin (get_pin_page (self));
      sc_kiosk_pin_page_set_error (get_pin_page (self),
                                   _("The two PINs do not match. Please enter your PIN again "
                                     "in both fields."));
      return;
    }
  if (!session->answers_kept || session->partial_key == NULL)
    return;

  job = job_new (self, JOB_SAVE_VIEW);
  job->number = g_strdup (session->employee_number);
  job->partial_key = sc_secure_dup (session->partial_key, SC_VAULT_PARTIAL_KEY_BYTES);
  job->secret = secure_strdup (pin);
  job->sex = session->sex;
  memcpy (job->answers, session->answers, sizeof job->answers);

  start_pin_job (self, job, on_save_view_done_cb);
}

static void
pin_enter_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (widget);

  sc_kiosk_pin_page_ask (get_pin_page (self), SC_KIOSK_PIN_PAGE_ENTER);
  show_page (self, PAGE_PIN);
}

static void
pin_cancel_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  wipe_session (SC_KIOSK_WINDOW (widget), FALSE);
}

static void
on_load_view_done_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (source);
  g_autoptr (GError) error = NULL;
  Session *session = &self->session;
  Job *job;

  if (!finish_job (self, result, &job, &error))
    return;

  sc_kiosk_pin_page_set_busy (get_pin_page (self), FALSE);
  if (g_error_matches (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND))
    {
      session->has_view = FALSE;
      sc_kiosk_pin_page_show_message (get_pin_page (self),
                                      _("No result was kept for viewing again. Ask the "
                                        "implementer."),
                                      NULL, FALSE);
      show_page (self, PAGE_PIN);
      return;
    }
  if (error != NULL)
    {
      g_debug ("Opening the kept result refused: %s", error->message);
      sc_kiosk_pin_page_clear_pin (get_pin_page (self));
      if (g_error_matches (error, SC_VAULT_ERROR, SC_VAULT_ERROR_THROTTLED))
        sc_kiosk_pin_page_set_error (get_pin_page (self), throttled_message ());
      else if (g_error_matches (error, SC_VAULT_ERROR, SC_VAULT_ERROR_ACCESS_DENIED))
        sc_kiosk_pin_page_set_error (get_pin_page (self),
                                     _("This PIN is not right. Please try again."));
      else
        {
          g_warning ("Opening the kept result failed: %s", error->message);
          sc_kiosk_pin_page_set_error (get_pin_page (self),
                                       _("Your result could not be opened. Please ask the "
                                         "staff for help."));
        }
      return;
    }

  session->result = job->result;
  session->has_result = TRUE;
  sc_kiosk_pin_page_clear (get_pin_page (self));
  sc_kiosk_result_page_set_read_only (get_result_page (self), TRUE);
  sc_kiosk_result_page_set_result (get_result_page (self), &session->result, &self->criteria,
                                   self->advice, self->contact_text);
  show_page (self, PAGE_RESULT);
}

static void
pin_open_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (widget);
  Session *session = &self->session;
  const char *pin = sc_kiosk_pin_page_get_pin (get_pin_page (self));
  Job *job;

  /* Something that cannot be a PIN is not an attempt: the vault is not asked. */
  if (!sc_vault_pin_is_valid (pin))
    {
      sc_kiosk_pin_page_clear_pin (get_pin_page (self));
      sc_kiosk_pin_page_set_error (get_pin_page (self),
                                   _("A PIN has 4 to 8 digits. Please try again."));
      return;
    }
  if (session->partial_key == NULL)
    return;

  job = job_new (self, JOB_LOAD_VIEW);
  job->number = g_strdup (session->employee_number);
  job->partial_key = sc_secure_dup (session->partial_key, SC_VAULT_PARTIAL_KEY_BYTES);
  job->secret = secure_strdup (pin);

  start_pin_job (self, job, on_load_view_done_cb);
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

  note_activity (self);
  hide_idle_overlay (self);
  show_page (self, get_page (self));
}

/* ---- Leaving the kiosk ------------------------------------------------------------------- */

static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (widget);

  if (is_page (self, PAGE_LEAVE))
    return;

  g_free (self->page_before_leave);
  self->page_before_leave = g_strdup (get_page (self));
  sc_kiosk_leave_page_clear (get_leave_page (self));
  show_page (self, PAGE_LEAVE);
}

static void
leave_cancel_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (widget);
  g_autofree char *page = g_steal_pointer (&self->page_before_leave);

  sc_kiosk_leave_page_clear (get_leave_page (self));
  show_page (self, page != NULL ? page : PAGE_WELCOME);
}

static void
on_leave_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (source);
  g_autoptr (GError) error = NULL;
  Job *job;

  if (!finish_job (self, result, &job, &error))
    return;

  sc_kiosk_leave_page_set_busy (get_leave_page (self), FALSE);
  if (error != NULL)
    {
      sc_kiosk_leave_page_clear (get_leave_page (self));
      sc_kiosk_leave_page_set_error (get_leave_page (self),
                                     g_error_matches (error, SC_VAULT_ERROR,
                                                      SC_VAULT_ERROR_WRONG_PASSPHRASE)
                                     ? _("This passphrase is not right. Kiosk mode stays on.")
                                     : _("Kiosk mode could not be left. Kiosk mode stays on."));
      sc_kiosk_leave_page_focus (get_leave_page (self));
      return;
    }

  /* The person's unfinished answers were kept by the job: forget them here. */
  wipe_session (self, FALSE);
  g_clear_handle_id (&self->idle_source, g_source_remove);

  g_signal_emit (self, signals[SIGNAL_LEFT], 0);

  self->allow_close = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
leave_confirm_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (widget);
  Session *session = &self->session;
  const char *passphrase = sc_kiosk_leave_page_get_passphrase (get_leave_page (self));
  Job *job;

  if (*passphrase == '\0')
    {
      sc_kiosk_leave_page_set_error (get_leave_page (self), _("Enter your passphrase."));
      return;
    }

  job = job_new (self, JOB_LEAVE);
  job->secret = secure_strdup (passphrase);
  if (session->partial_key != NULL && session->submission_id == 0 && has_any_answer (session))
    {
      job->save_partial = TRUE;
      job->number = g_strdup (session->employee_number);
      job->partial_key = sc_secure_dup (session->partial_key, SC_VAULT_PARTIAL_KEY_BYTES);
      memcpy (job->answers, session->answers, sizeof job->answers);
    }

  /* SECURITY: the passphrase leaves the entry at once; the job holds it in guarded memory. */
  sc_kiosk_leave_page_clear (get_leave_page (self));
  sc_kiosk_leave_page_set_busy (get_leave_page (self), TRUE);
  start_job (self, job, on_leave_done_cb);
}

/* ---- Construction ----------------------------------------------------------------------- */

static void
load_round (ScKioskWindow *self)
{
  g_autoptr (GPtrArray) rounds = NULL;
  g_autoptr (GError) error = NULL;

  sc_criteria_init_default (&self->criteria);

  rounds = sc_vault_list_rounds (self->vault, &error);
  if (rounds == NULL)
    {
      g_warning ("The rounds cannot be read: %s", error->message);
      return;
    }
  for (guint i = 0; i < rounds->len; i++)
    {
      ScVaultRound *round = g_ptr_array_index (rounds, i);

      if (round->id == self->round_id)
        {
          self->criteria = round->criteria;
          return;
        }
    }
  g_warning ("Round %" G_GINT64_FORMAT " is not in the vault", self->round_id);
}

static char *
get_setting (ScKioskWindow *self,
             const char    *key)
{
  g_autoptr (GError) error = NULL;
  char *value = sc_vault_get_setting (self->vault, key, &error);

  if (error != NULL)
    g_warning ("The setting %s cannot be read: %s", key, error->message);
  if (value != NULL)
    g_strstrip (value);
  if (value != NULL && *value == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

static guint
load_idle_timeout (ScKioskWindow *self)
{
  g_autofree char *text = NULL;
  guint64 seconds;

  if (self->idle_timeout > 0)
    return self->idle_timeout;

  text = get_setting (self, SC_VAULT_SETTING_IDLE_TIMEOUT);
  if (text != NULL && g_ascii_string_to_unsigned (text, 10, 1, 24 * 60 * 60, &seconds, NULL))
    return (guint) seconds;
  if (text != NULL)
    g_warning ("The setting idle_timeout is not a number of seconds: %s", text);
  return DEFAULT_IDLE_TIMEOUT;
}

/* The shipped advice in the language of the user interface, with the implementer's texts
 * ("advice_texts") over it. */
static ScAdvice *
load_advice (ScKioskWindow *self)
{
  const char * const *languages = g_get_language_names ();
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *override_text = NULL;
  ScAdvice *advice = NULL;

  for (guint i = 0; languages[i] != NULL && bytes == NULL; i++)
    {
      g_autofree char *path = NULL;
      const char *lang = languages[i];

      /* "C" is the English of the source strings. */
      if (g_str_equal (lang, "C") || g_str_equal (lang, "POSIX"))
        lang = "en";
      path = g_strdup_printf (RESOURCE_PREFIX "/advice/%s.ini", lang);
      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
    }
  if (bytes == NULL)
    bytes = g_resources_lookup_data (RESOURCE_PREFIX "/advice/ja.ini",
                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes != NULL)
    advice = sc_advice_new_from_data (g_bytes_get_data (bytes, NULL),
                                      (gssize) g_bytes_get_size (bytes), &error);
  if (advice == NULL)
    {
      g_warning ("The shipped advice texts cannot be read: %s",
                 error != NULL ? error->message : "missing");
      g_clear_error (&error);
      advice = sc_advice_new_from_data ("", 0, NULL);
    }

  override_text = get_setting (self, SC_VAULT_SETTING_ADVICE_TEXTS);
  if (override_text != NULL)
    {
      g_autoptr (ScAdvice) override = sc_advice_new_from_data (override_text, -1, &error);

      if (override != NULL)
        sc_advice_merge (advice, override);
      else
        g_warning ("The setting advice_texts is not used: %s", error->message);
    }

  return advice;
}

static gboolean
sc_kiosk_window_close_request (GtkWindow *window)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (window);

  /* Alt+F4, Ctrl+Q and the window manager's close all end here: the kiosk stays until the
   * implementer or HR leave it with their passphrase. */
  if (!self->allow_close)
    return TRUE;

  return GTK_WINDOW_CLASS (sc_kiosk_window_parent_class)->close_request (window);
}

/* GTK turns the focus ring off after a click; in the kiosk it always shows where the
 * keyboard is. */
static void
on_focus_visible_changed_cb (GtkWindow     *window,
                             GParamSpec    *pspec,
                             ScKioskWindow *self)
{
  if (!gtk_window_get_focus_visible (window))
    gtk_window_set_focus_visible (window, TRUE);
}

static void
sc_kiosk_window_constructed (GObject *object)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (object);
  guint8 key[32];

  G_OBJECT_CLASS (sc_kiosk_window_parent_class)->constructed (object);

  g_return_if_fail (self->vault != NULL);

  if (sc_vault_get_role (self->vault) != SC_VAULT_ROLE_KIOSK)
    g_critical ("The vault is not in kiosk mode; call sc_vault_enter_kiosk () first");

  load_round (self);
  self->effective_timeout = load_idle_timeout (self);
  self->contact_text = get_setting (self, SC_VAULT_SETTING_CONTACT_TEXT);
  if (self->contact_text == NULL)
    self->contact_text = g_strdup (_("Talk to the implementer of the stress check (the "
                                     "company doctor or nurse), to your own doctor, or to a "
                                     "public counselling service. The Ministry of Health, "
                                     "Labour and Welfare's portal “Kokoro no Mimi” lists "
                                     "places to turn to."));
  self->advice = load_advice (self);

  randombytes_buf (key, sizeof key);
  self->throttle_key = g_bytes_new (key, sizeof key);
  sc_secure_wipe (key, sizeof key);

  gtk_window_set_focus_visible (GTK_WINDOW (self), TRUE);
  g_signal_connect_object (self, "notify::focus-visible",
                           G_CALLBACK (on_focus_visible_changed_cb), self, 0);

  gtk_window_fullscreen (GTK_WINDOW (self));
  show_page (self, PAGE_WELCOME);
}

static void
sc_kiosk_window_dispose (GObject *object)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (object);

  if (!self->disposed && self->stack != NULL)
    {
      /* SECURITY: nothing about the last person outlives the window. Unfinished answers
       * cannot be kept here (that takes a durable save); leaving the kiosk keeps them. */
      Session *session = &self->session;

      wipe_string (&session->employee_number);
      wipe_string (&session->employee_name);
      sc_secure_clear ((gpointer *) &session->partial_key);
      sc_secure_wipe (session, sizeof *session);
    }
  self->disposed = TRUE;

  g_clear_handle_id (&self->idle_source, g_source_remove);
  g_clear_handle_id (&self->done_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_KIOSK_WINDOW);
  /* The pages made later went with the stack. */
  for (guint i = 0; i < G_N_ELEMENTS (lazy_pages); i++)
    G_STRUCT_MEMBER (GtkWidget *, self, lazy_pages[i].offset) = NULL;

  g_clear_object (&self->vault);
  g_clear_pointer (&self->advice, sc_advice_free);
  g_clear_pointer (&self->throttles, g_hash_table_unref);
  g_clear_pointer (&self->throttle_key, g_bytes_unref);
  g_clear_pointer (&self->page_before_leave, g_free);

  G_OBJECT_CLASS (sc_kiosk_window_parent_class)->dispose (object);
}

static void
sc_kiosk_window_finalize (GObject *object)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (object);

  g_free (self->contact_text);
  g_free (self->dummy_hash);

  G_OBJECT_CLASS (sc_kiosk_window_parent_class)->finalize (object);
}

static void
sc_kiosk_window_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      g_value_set_object (value, self->vault);
      break;

    case PROP_ROUND_ID:
      g_value_set_int64 (value, self->round_id);
      break;

    case PROP_IDLE_TIMEOUT:
      g_value_set_uint (value, self->effective_timeout);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_kiosk_window_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ScKioskWindow *self = SC_KIOSK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      self->vault = g_value_dup_object (value);
      break;

    case PROP_ROUND_ID:
      self->round_id = g_value_get_int64 (value);
      break;

    case PROP_IDLE_TIMEOUT:
      self->idle_timeout = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_kiosk_window_class_init (ScKioskWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = sc_kiosk_window_constructed;
  object_class->dispose = sc_kiosk_window_dispose;
  object_class->finalize = sc_kiosk_window_finalize;
  object_class->get_property = sc_kiosk_window_get_property;
  object_class->set_property = sc_kiosk_window_set_property;

  window_class->close_request = sc_kiosk_window_close_request;

  /**
   * ScKioskWindow:vault:
   *
   * The vault, in kiosk mode.
   */
  properties[PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL,
                         SC_TYPE_VAULT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScKioskWindow:round-id:
   *
   * The round the employees answer.
   */
  properties[PROP_ROUND_ID] =
    g_param_spec_int64 ("round-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScKioskWindow:idle-timeout:
   *
   * Seconds without a touch or key before the screen is wiped. 0 at construction takes the
   * vault setting "idle_timeout" (default 90); reading gives the value in use.
   */
  properties[PROP_IDLE_TIMEOUT] =
    g_param_spec_uint ("idle-timeout", NULL, NULL,
                       0, 24 * 60 * 60, 0,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                        G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ScKioskWindow::left:
   *
   * Emitted after the implementer or HR left kiosk mode with their passphrase; the vault is
   * unlocked with their role. The window closes itself afterwards.
   */
  signals[SIGNAL_LEFT] =
    g_signal_new ("left",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (SC_TYPE_KIOSK_WELCOME_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sc-kiosk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ScKioskWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ScKioskWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, ScKioskWindow, idle_overlay);
  gtk_widget_class_bind_template_child (widget_class, ScKioskWindow, idle_countdown_label);
  gtk_widget_class_bind_template_child (widget_class, ScKioskWindow, idle_continue_button);

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

static void
sc_kiosk_window_init (ScKioskWindow *self)
{
  GtkEventController *legacy;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->throttles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  self->key_controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (self->key_controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (self->key_controller, "sc-kiosk-keys");
  g_signal_connect_object (self->key_controller, "key-pressed",
                           G_CALLBACK (on_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), self->key_controller);

  legacy = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (legacy, GTK_PHASE_CAPTURE);
  g_signal_connect_object (legacy, "event", G_CALLBACK (on_window_event_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), legacy);

#ifdef DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

ScKioskWindow *
sc_kiosk_window_new (GtkApplication *application,
                     ScVault        *vault,
                     gint64          round_id)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  return g_object_new (SC_TYPE_KIOSK_WINDOW,
                       "application", application,
                       "vault", vault,
                       "round-id", round_id,
                       NULL);
}

const char *
sc_kiosk_window_get_page_name (ScKioskWindow *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_WINDOW (self), NULL);

  return get_page (self);
}

GtkWidget *
sc_kiosk_window_get_page (ScKioskWindow *self,
                          const char    *name)
{
  g_return_val_if_fail (SC_IS_KIOSK_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return ensure_page (self, name);
}

gboolean
sc_kiosk_window_is_busy (ScKioskWindow *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_WINDOW (self), FALSE);

  return self->busy;
}

gboolean
sc_kiosk_window_is_asking_if_present (ScKioskWindow *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_WINDOW (self), FALSE);

  return gtk_widget_get_visible (self->idle_overlay);
}
