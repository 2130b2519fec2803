/* sc-kiosk-session.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One employee's visit to the kiosk, without any widget (DESIGN.md §5):
 *
 *   log in → answer 57 items → submit → consent → [interview] → [PIN] → done
 *   log in → open a kept result with the personal PIN → done            (view again)
 *
 * The session holds everything about the person at the kiosk, the round's criteria, the
 * advice and contact texts and the idle-timeout setting; the kiosk window shows it and
 * forwards what people do. Steps that touch the vault run in a GTask thread, one at a time
 * (#ScKioskSession:busy); the vault is not thread-safe, so while one runs every other step
 * is refused with %SC_KIOSK_SESSION_ERROR_BUSY. sc_kiosk_session_wipe() forgets the person.
 */
#pragma once

#include <gio/gio.h>

#include "sc-advice.h"
#include "sc-score.h"
#include "sc-vault.h"

G_BEGIN_DECLS

#define SC_KIOSK_SESSION_ERROR (sc_kiosk_session_error_quark ())

/* Errors of the session's own rules; the vault's (SC_VAULT_ERROR_ACCESS_DENIED, _THROTTLED,
 * _EXISTS, _WRONG_PASSPHRASE, …) pass through unchanged. */
typedef enum
{
  SC_KIOSK_SESSION_ERROR_BUSY,            /* another step is still running */
  SC_KIOSK_SESSION_ERROR_STATE,           /* not possible at this point of the visit */
  SC_KIOSK_SESSION_ERROR_NO_NUMBER,       /* no employee number typed */
  SC_KIOSK_SESSION_ERROR_INVALID_CODE,    /* cannot be an access code (not an attempt) */
  SC_KIOSK_SESSION_ERROR_INCOMPLETE,      /* an item is not answered yet */
  SC_KIOSK_SESSION_ERROR_INVALID_PIN,     /* not 4 to 8 digits */
  SC_KIOSK_SESSION_ERROR_TRIVIAL_PIN,     /* 1111, 1234, 9876… */
  SC_KIOSK_SESSION_ERROR_PIN_MISMATCH,    /* the two PINs differ */
  SC_KIOSK_SESSION_ERROR_NO_PASSPHRASE,   /* nothing typed to leave the kiosk */
  SC_KIOSK_SESSION_ERROR_ENDED,           /* the visit was wiped while the step ran */
} ScKioskSessionError;

/* Seconds of inactivity before the kiosk wipes the screen, unless the vault says otherwise. */
#define SC_KIOSK_SESSION_DEFAULT_IDLE_TIMEOUT 90

#define SC_TYPE_KIOSK_SESSION (sc_kiosk_session_get_type ())

G_DECLARE_FINAL_TYPE (ScKioskSession, sc_kiosk_session, SC, KIOSK_SESSION, GObject)

GQuark          sc_kiosk_session_error_quark (void);

/**
 * sc_kiosk_pin_is_trivial:
 * Whether @pin is a PIN anyone would guess first: one digit repeated (1111) or a run of
 * consecutive digits, up or down (1234, 9876, 0123). Such PINs are refused.
 */
gboolean        sc_kiosk_pin_is_trivial      (const char *pin);

/* @vault must be in kiosk mode. Reads the round's criteria and the kiosk settings. */
ScKioskSession *sc_kiosk_session_new         (ScVault    *vault,
                                              gint64      round_id);

ScVault        *sc_kiosk_session_get_vault   (ScKioskSession *self);
gint64          sc_kiosk_session_get_round_id (ScKioskSession *self);
gboolean        sc_kiosk_session_get_busy    (ScKioskSession *self);

/* The round's criteria, the advice texts (shipped, with the implementer's over them), where
 * to get help, and the vault's idle timeout in seconds. */
const ScCriteria *sc_kiosk_session_get_criteria     (ScKioskSession *self);
const ScAdvice   *sc_kiosk_session_get_advice       (ScKioskSession *self);
const char       *sc_kiosk_session_get_contact_text (ScKioskSession *self);
/* Other places to get help: sc_vault_get_help_text(), the text Settings edits. */
const char       *sc_kiosk_session_get_help_text    (ScKioskSession *self);
guint             sc_kiosk_session_get_idle_timeout (ScKioskSession *self);

/* ---- The visit, step by step ------------------------------------------------------- */

/* Starts a visit: to answer, or (@view_again) to see a kept result again. */
void            sc_kiosk_session_begin       (ScKioskSession *self,
                                              gboolean        view_again);

/**
 * sc_kiosk_session_login_async:
 * @number: the employee number as typed (full-width forms and blanks are fine)
 * @code: the access code as typed
 *
 * Checks the code (Argon2id, in a thread). An unknown number costs the same checks as a
 * wrong code and gets the same error (ACCESS_DENIED), so the kiosk does not tell who is
 * on the roster; repeated failures give THROTTLED. On success the person's kept answers
 * are loaded (sc_kiosk_session_get_resumed()), or the session says they answered already.
 */
void            sc_kiosk_session_login_async          (ScKioskSession      *self,
                                                       const char          *number,
                                                       const char          *code,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean        sc_kiosk_session_login_finish         (ScKioskSession      *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

/* Keeps the unfinished answers, encrypted under the person's code. */
void            sc_kiosk_session_save_partial_async   (ScKioskSession      *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean        sc_kiosk_session_save_partial_finish  (ScKioskSession      *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

/* Sends the answers (INCOMPLETE when one is missing; the vault's EXISTS when the person
 * answered before, and the answers are then forgotten). On success the result is there. */
void            sc_kiosk_session_submit_async         (ScKioskSession      *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean        sc_kiosk_session_submit_finish        (ScKioskSession      *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

void            sc_kiosk_session_record_consent_async (ScKioskSession      *self,
                                                       gboolean             consent,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean        sc_kiosk_session_record_consent_finish (ScKioskSession     *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

/* Only after a result in the high-stress group (STATE otherwise). */
void            sc_kiosk_session_request_interview_async  (ScKioskSession      *self,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
gboolean        sc_kiosk_session_request_interview_finish (ScKioskSession      *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);

/* Keeps a copy of the result to see again under a personal PIN. INVALID_PIN, TRIVIAL_PIN
 * and PIN_MISMATCH are reported before anything is saved. */
void            sc_kiosk_session_set_pin_async        (ScKioskSession      *self,
                                                       const char          *pin,
                                                       const char          *repeat,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean        sc_kiosk_session_set_pin_finish       (ScKioskSession      *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

/* Opens the kept result with the PIN, with the person's recorded consent and interview
 * request. ACCESS_DENIED for a wrong PIN, THROTTLED after many, NOT_FOUND when none kept. */
void            sc_kiosk_session_open_kept_result_async  (ScKioskSession      *self,
                                                          const char          *pin,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean        sc_kiosk_session_open_kept_result_finish (ScKioskSession      *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

/* Ends kiosk mode with the implementer's or HR's passphrase, keeping the unfinished answers
 * of someone in the middle of the questionnaire first. */
void            sc_kiosk_session_leave_async          (ScKioskSession      *self,
                                                       const char          *passphrase,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean        sc_kiosk_session_leave_finish         (ScKioskSession      *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

/**
 * sc_kiosk_session_wipe:
 * @keep_partial: keep unfinished answers first (in the background)
 *
 * SECURITY: forgets everything about the person. While a step runs, the person's data is
 * forgotten when it ends, and its _finish() then fails with ENDED.
 */
void            sc_kiosk_session_wipe         (ScKioskSession *self,
                                               gboolean        keep_partial);

/* SECURITY: the result and the answers leave memory once the person has seen the end of the
 * visit; what they decided stays for the closing words until sc_kiosk_session_wipe(). */
void            sc_kiosk_session_forget_result (ScKioskSession *self);

/* ---- The questionnaire (in memory) --------------------------------------------------- */

/* Answers the current item with 1–4 and moves on: to the next item, the first unanswered
 * one, or the review when all are answered (or when the item was changed from the review). */
void            sc_kiosk_session_answer       (ScKioskSession *self,
                                               guint           value);
gboolean        sc_kiosk_session_can_go_back  (ScKioskSession *self);
void            sc_kiosk_session_go_back      (ScKioskSession *self);
gboolean        sc_kiosk_session_can_go_next  (ScKioskSession *self);
void            sc_kiosk_session_go_next      (ScKioskSession *self);
/* From the review: change item @index, then come back to the review. */
void            sc_kiosk_session_change       (ScKioskSession *self,
                                               guint           index);

/* ---- What the kiosk shows ------------------------------------------------------------ */

gboolean        sc_kiosk_session_is_logged_in       (ScKioskSession *self);
const char     *sc_kiosk_session_get_employee_name  (ScKioskSession *self);
gboolean        sc_kiosk_session_get_viewing_again  (ScKioskSession *self);
/* After the login: answered before in this round (no questions this time). */
gboolean        sc_kiosk_session_get_already_answered (ScKioskSession *self);
/* After the login: earlier answers were found and loaded. */
gboolean        sc_kiosk_session_get_resumed        (ScKioskSession *self);
/* A copy of the result is kept to see again. */
gboolean        sc_kiosk_session_get_has_kept_result (ScKioskSession *self);
/* The answers, SC_BJSQ_N_ITEMS bytes (0 = not answered). */
const guint8   *sc_kiosk_session_get_answers        (ScKioskSession *self);
guint           sc_kiosk_session_get_current        (ScKioskSession *self);
/* Whether the item shown was opened from the review to change it. */
gboolean        sc_kiosk_session_get_changing       (ScKioskSession *self);
/* Whether the review (all items answered) is where the person is. */
gboolean        sc_kiosk_session_get_in_review      (ScKioskSession *self);
/* The item to focus on the review, or -1. */
int             sc_kiosk_session_get_review_focus   (ScKioskSession *self);
/* The result (after submit or opening a kept one), or NULL. */
const ScResult *sc_kiosk_session_get_result         (ScKioskSession *self);
gboolean        sc_kiosk_session_interview_recommended (ScKioskSession *self);
gboolean        sc_kiosk_session_get_consent_given  (ScKioskSession *self);
gboolean        sc_kiosk_session_get_interview_requested (ScKioskSession *self);
/* Whether a personal PIN can still be set (right after answering). */
gboolean        sc_kiosk_session_can_set_pin        (ScKioskSession *self);
gboolean        sc_kiosk_session_get_pin_saved      (ScKioskSession *self);
/* For a kept result seen again: the decisions recorded in the vault. */
ScVaultConsent  sc_kiosk_session_get_recorded_consent (ScKioskSession *self);
/* For a kept result seen again: the person's results kept in earlier rounds that opened
 * with the same PIN (element-type ScVaultPastResult, oldest first; transfer none; %NULL
 * before), and how many earlier ones did not open with it (kept under another PIN). */
GPtrArray      *sc_kiosk_session_get_past_results   (ScKioskSession *self);
guint           sc_kiosk_session_get_past_unopened  (ScKioskSession *self);

/* Test hook: how many Argon2id code checks (real or decoy) logins have made so far. */
guint           sc_kiosk_session_get_code_checks    (ScKioskSession *self);

G_END_DECLS
