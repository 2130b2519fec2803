/* sc-kiosk-window-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The kiosk window's instance struct and what its two files share: sc-kiosk-window.c (the
 * stack of pages, page changes, the idle countdown, properties) and
 * sc-kiosk-window-actions.c (the kiosk.* actions and the steps of the visit they start).
 */
#pragma once

#include "sc-kiosk-window.h"
#include "sc-kiosk-idle-monitor.h"
#include "sc-kiosk-page.h"
#include "sc-kiosk-session.h"
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

G_BEGIN_DECLS

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

/* How long the "saved" page stays before it clears itself. */
#define SC_KIOSK_DONE_SECONDS 10

struct _ScKioskWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  GtkStack             *stack;
  ScKioskWelcomePage   *welcome_page;
  GtkWidget            *idle_overlay;
  GtkLabel             *idle_countdown_label;
  GtkButton            *idle_continue_button;

  /* Pages made the first time they are needed (owned by the stack) */
  ScKioskLoginPage     *login_page;
  ScKioskQuestionPage  *question_page;
  ScKioskReviewPage    *review_page;
  ScKioskResultPage    *result_page;
  ScKioskConsentPage   *consent_page;
  ScKioskInterviewPage *interview_page;
  ScKioskPinPage       *pin_page;
  ScKioskDonePage      *done_page;
  ScKioskLeavePage     *leave_page;

  /* Owned references */
  ScVault              *vault;
  ScKioskSession       *session;
  ScKioskIdleMonitor   *idle_monitor;
  char                 *page_before_leave;

  /* Borrowed references (owned by the window) */
  GtkEventController   *key_controller;

  /* Plain state */
  gint64                round_id;
  guint                 idle_timeout;     /* the property; 0 = the vault's setting */
  guint                 done_source;
  guint                 done_seconds_left;
  gboolean              allow_close;
  gboolean              disposed;
  gboolean              focus_pending;    /* the page shown could not take the focus yet */
};

/* sc-kiosk-window.c */
GtkWidget            *sc_kiosk_window_ensure_page      (ScKioskWindow *self,
                                                        const char    *name);
ScKioskLoginPage     *sc_kiosk_window_login_page       (ScKioskWindow *self);
ScKioskQuestionPage  *sc_kiosk_window_question_page    (ScKioskWindow *self);
ScKioskReviewPage    *sc_kiosk_window_review_page      (ScKioskWindow *self);
ScKioskResultPage    *sc_kiosk_window_result_page      (ScKioskWindow *self);
ScKioskConsentPage   *sc_kiosk_window_consent_page     (ScKioskWindow *self);
ScKioskInterviewPage *sc_kiosk_window_interview_page   (ScKioskWindow *self);
ScKioskPinPage       *sc_kiosk_window_pin_page         (ScKioskWindow *self);
ScKioskDonePage      *sc_kiosk_window_done_page        (ScKioskWindow *self);
ScKioskLeavePage     *sc_kiosk_window_leave_page       (ScKioskWindow *self);
gboolean              sc_kiosk_window_is_page          (ScKioskWindow *self,
                                                        const char    *name);
/* Shows the page, focuses its first control, and runs the idle countdown where needed. */
void                  sc_kiosk_window_show_page        (ScKioskWindow *self,
                                                        const char    *name);
AdwToastOverlay      *sc_kiosk_window_get_toast_overlay (ScKioskWindow *self);
void                  sc_kiosk_window_hide_idle_overlay (ScKioskWindow *self);
/* After kiosk mode was left: emits ::left and closes the window. */
void                  sc_kiosk_window_finish_leaving   (ScKioskWindow *self);

/* sc-kiosk-window-actions.c */
void                  sc_kiosk_window_class_add_actions (GtkWidgetClass *widget_class);
void                  sc_kiosk_window_init_keys        (ScKioskWindow *self);
void                  sc_kiosk_window_update_actions   (ScKioskWindow *self);
/* SECURITY: ends the visit: keeps unfinished answers if asked to, forgets the person, empties
 * every page and shows the welcome page. */
void                  sc_kiosk_window_wipe             (ScKioskWindow *self,
                                                        gboolean       keep_partial);
void                  sc_kiosk_window_stop_done_countdown (ScKioskWindow *self);

G_END_DECLS
