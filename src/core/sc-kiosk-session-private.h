/* sc-kiosk-session-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The instance struct of ScKioskSession and what its three files share:
 * sc-kiosk-session.c (the object, the questionnaire, accessors), sc-kiosk-session-jobs.c
 * (vault work in a thread) and sc-kiosk-session-steps.c (the _async/_finish steps).
 */
#pragma once

#include "sc-kiosk-session.h"
#include "sc-access-code.h"

G_BEGIN_DECLS

/* SECURITY: everything the kiosk knows about the person at it. Wiped by
 * sc_kiosk_session_wipe_person (). */
typedef struct
{
  char           *employee_number;
  char           *employee_name;
  ScSex           sex;
  guint8         *partial_key;             /* guarded memory, from the access code */
  guint8          answers[SC_BJSQ_N_ITEMS];
  guint           current;                 /* the item shown */
  gboolean        changing;                /* the item was opened from the review */
  gboolean        in_review;
  int             review_focus;
  gint64          submission_id;           /* 0 until the answers are saved */
  gboolean        has_result;
  ScResult        result;
  gboolean        consent_given;
  gboolean        interview_requested;
  ScVaultConsent  recorded_consent;        /* a kept result seen again */
  gboolean        viewing_again;           /* came by "See My Result Again" */
  gboolean        already_answered;
  gboolean        resumed;
  gboolean        has_view;                /* a copy to view again is kept */
  gboolean        pin_saved;               /* kept one just now */
  gboolean        answers_kept;            /* answers still held after sending, for a PIN */
  GPtrArray      *past_results;            /* earlier years' kept results (ScVaultPastResult) */
  guint           past_unopened;           /* earlier ones the PIN did not open */
} Person;

struct _ScKioskSession
{
  GObject      parent_instance;

  /* Owned references */
  ScVault     *vault;
  ScAdvice    *advice;
  GHashTable  *throttles;                  /* HMAC of a typed number → ScAccessThrottle */
  GBytes      *throttle_key;
  char        *contact_text;
  char        *help_text;
  char        *dummy_hash;

  /* Plain state */
  gint64       round_id;
  ScCriteria   criteria;
  guint        idle_timeout;
  guint        code_checks;
  gboolean     busy;
  gboolean     wipe_pending;
  gboolean     wipe_keep_partial;
  Person       person;
};

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
  JobKind         kind;
  ScVault        *vault;
  gint64          round_id;
  char           *typed_number;           /* as typed, for the throttle */
  char           *number;
  char           *secret;                 /* guarded: access code, PIN or passphrase */
  char           *dummy_hash;
  guint8         *partial_key;            /* guarded */
  gboolean        save_partial;
  guint8          answers[SC_BJSQ_N_ITEMS];
  ScSex           sex;
  gint64          submission_id;
  gboolean        consent;

  /* Out */
  guint           checks;
  ScEmployee     *employee;
  gboolean        partial_found;
  gboolean        has_submitted;
  gboolean        has_view;
  ScResult        result;
  ScVaultConsent  recorded_consent;
  gboolean        interview_requested;
  GPtrArray      *past_results;
  guint           past_unopened;
} Job;

/* sc-kiosk-session.c */
void      sc_kiosk_wipe_string                (char            **s);
char     *sc_kiosk_secure_strdup              (const char       *s);
gboolean  sc_kiosk_person_has_any_answer      (const Person     *person);
guint     sc_kiosk_person_first_unanswered    (const Person     *person);
void      sc_kiosk_session_set_busy           (ScKioskSession   *self,
                                               gboolean          busy);
void      sc_kiosk_session_wipe_person        (ScKioskSession   *self);

/* sc-kiosk-session-jobs.c */
Job      *sc_kiosk_job_new                    (ScKioskSession   *self,
                                               JobKind           kind);
Job      *sc_kiosk_job_new_for_person         (ScKioskSession   *self,
                                               JobKind           kind);
void      sc_kiosk_job_start                  (ScKioskSession   *self,
                                               Job              *job,
                                               GTask            *task);
gboolean  sc_kiosk_step_check_can_start       (ScKioskSession   *self,
                                               gboolean          needs_person,
                                               gpointer          source_tag,
                                               GAsyncReadyCallback callback,
                                               gpointer          user_data);
GTask    *sc_kiosk_step_new                   (ScKioskSession   *self,
                                               gpointer          source_tag,
                                               GCancellable     *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer          user_data);
gboolean  sc_kiosk_step_finish                (ScKioskSession   *self,
                                               GAsyncResult     *result,
                                               gpointer          source_tag,
                                               GError          **error);
ScAccessThrottle *sc_kiosk_session_lookup_throttle (ScKioskSession *self,
                                               const char       *number,
                                               gboolean          create);
void      sc_kiosk_set_throttled              (GError          **error);

/* sc-kiosk-session-steps.c */
void      sc_kiosk_session_start_wipe         (ScKioskSession   *self,
                                               gboolean          keep_partial);

G_END_DECLS
