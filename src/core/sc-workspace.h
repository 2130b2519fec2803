/* sc-workspace.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules and data behind the workspace (DESIGN.md §3–§5, issue 8): the overview
 * counts of a round, participation (受検状況) with reminders, the implementer's results
 * list with the interview-need decision, filters over that list, and the interview
 * (面接指導) records with their deadlines. GTK-free: the workspace widgets only show
 * what these functions return and forward the user's intent to them.
 *
 * Every function checks the role against the roles table of DESIGN.md §3. What HR may
 * not see is not merely left out: it is sealed to the implementer's key, which an HR
 * session does not hold. Every write is one transaction, saved durably and written to
 * the audit log (row ids only, no personal data); each has an _async twin below that
 * runs in the vault's worker (sc-vault-async.h, same threading rule).
 */
#pragma once

#include <gio/gio.h>

#include "sc-vault.h"

G_BEGIN_DECLS

/* ---- Overview ------------------------------------------------------------------- */

/**
 * ScRoundCounts:
 * The counts of the overview. HR gets only what HR may see: @has_health_counts is
 * %FALSE and @high_stress, @undetermined and @interviews_recommended are 0 for HR.
 */
typedef struct
{
  guint     on_roster;               /* active employees, and anyone who answered */
  guint     answered;
  guint     started;                 /* partial answers kept, not submitted */
  guint     not_started;
  guint     consents_given;
  guint     consents_refused;
  guint     interviews_requested;
  guint     interviews_done;         /* an interview date is recorded */
  gboolean  has_health_counts;       /* implementer only: */
  guint     high_stress;
  guint     undetermined;            /* 判定不能: an A, B or C answer is missing */
  guint     interviews_recommended;  /* decision 必要 (or the computed flag, undecided) */
} ScRoundCounts;

/* Implementer or HR. */
gboolean      sc_vault_get_round_counts   (ScVault            *vault,
                                           gint64              round_id,
                                           ScRoundCounts      *out_counts,
                                           GError            **error);

/**
 * sc_round_days_left:
 * @today: YYYY-MM-DD
 * @out_days: (out): days from @today to the round's last day: 0 on the last day,
 *   negative once it has passed
 *
 * Returns: %FALSE when the round has no end date (or @today is not a date).
 */
gboolean      sc_round_days_left          (const ScVaultRound *round,
                                           const char         *today,
                                           int                *out_days);

/* ---- Participation (both roles) -------------------------------------------------- */

/* Who has answered, and nothing else: no score, no verdict, no consent. */
typedef struct
{
  char      *number;
  char      *name;
  char      *department;     /* or NULL */
  gboolean   answered;
  char      *reminded_on;    /* YYYY-MM-DD, or NULL when no reminder was given */
} ScParticipant;

void          sc_participant_free         (ScParticipant      *participant);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScParticipant, sc_participant_free)

/* Implementer or HR: (element-type ScParticipant), ordered by number. */
GPtrArray    *sc_vault_list_participation (ScVault            *vault,
                                           gint64              round_id,
                                           GError            **error);

/**
 * sc_participants_filter:
 * @department: (nullable): only this department ("" for people without one)
 * @search: (nullable): as prepared by sc_result_filter_prepare_search(); matched
 *   against number and name
 * @non_responders_only: only people who have not answered (for reminder slips)
 *
 * Returns: (transfer container) (element-type ScParticipant): the matching entries of
 *   @participants, in order; they stay owned by @participants.
 */
GPtrArray    *sc_participants_filter      (GPtrArray          *participants,
                                           const char         *department,
                                           const char         *search,
                                           gboolean            non_responders_only);

/**
 * sc_vault_set_reminder:
 * @given_on: (nullable): YYYY-MM-DD when the reminder was given; %NULL to unmark
 *
 * Implementer or HR. Audited as "reminder.mark" / "reminder.unmark".
 */
gboolean      sc_vault_set_reminder       (ScVault            *vault,
                                           gint64              round_id,
                                           const char         *employee_number,
                                           const char         *given_on,
                                           GError            **error);

/* ---- Results ----------------------------------------------------------------------- */

/* The implementer's interview-need decision (面接指導の要否). */
typedef enum
{
  SC_INTERVIEW_NEED_UNDECIDED,
  SC_INTERVIEW_NEED_REQUIRED,       /* 必要 */
  SC_INTERVIEW_NEED_NOT_REQUIRED,   /* 不要 */
} ScInterviewNeed;

typedef struct
{
  ScInterviewNeed  need;
  char            *note;            /* or NULL */
  char            *decided_by;      /* or NULL while undecided */
  gint64           decided_at;      /* Unix time, 0 while undecided */
} ScInterviewDecision;

void          sc_interview_decision_clear (ScInterviewDecision *decision);

/**
 * ScResultRow:
 * One submission in the results list: a reference-counted boxed type, so that a list
 * model can hold the rows. The computed flag (@verdict, @criteria) and the decision
 * are kept apart. HR's rows (consented or requested people only) have
 * @has_decision %FALSE and an undecided @decision.
 */
typedef struct
{
  gint64               submission_id;
  char                *number;
  char                *name;
  char                *department;     /* or NULL */
  ScSex                sex;
  int                  age;            /* at the round's start, -1 when unknown */
  char                *date;           /* YYYY-MM-DD the answers were given */
  gboolean             paper;          /* entered from a paper form */
  ScResult             result;         /* scored under the round's criteria */
  ScMethod             method;         /* the round's method */
  ScVerdict            verdict;        /* of the round's method */
  guint                criteria;       /* ScCriterionFlags met (㋐, ㋑) */
  int                  sum_a;          /* area sums of the round's method, or -1 */
  int                  sum_b;
  int                  sum_c;
  gboolean             complete;
  ScVaultConsent       consent;
  gint64               consent_at;     /* 0 when undecided */
  gint64               interview_requested_at;  /* 0 when not requested */
  gboolean             has_decision;   /* the role may see the decision */
  ScInterviewDecision  decision;
  char                *search_key;     /* casefolded "number name"; for the filter */
} ScResultRow;

#define SC_TYPE_RESULT_ROW (sc_result_row_get_type ())
GType         sc_result_row_get_type      (void) G_GNUC_CONST;
ScResultRow  *sc_result_row_ref           (ScResultRow        *row);
void          sc_result_row_unref         (ScResultRow        *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScResultRow, sc_result_row_unref)

/**
 * sc_vault_list_results:
 *
 * Implementer: every submission of the round, decrypted and scored. HR: only the
 * submissions the employee shared (consent or interview request), opened with HR's own
 * key, without the answers or the decision.
 *
 * Returns: (transfer full) (element-type ScResultRow): ordered by number.
 */
GPtrArray    *sc_vault_list_results       (ScVault            *vault,
                                           gint64              round_id,
                                           GError            **error);

/* One row; for HR PERMISSION unless the employee shared the result. */
ScResultRow  *sc_vault_get_result_row     (ScVault            *vault,
                                           gint64              submission_id,
                                           GError            **error);

/**
 * sc_vault_decide_interview_need:
 * @note: (nullable): the implementer's note
 * @decided_by: (nullable): who decided (a person, not a shared account); %NULL:
 *   the person who unlocked the vault (sc_vault_get_person_name())
 *
 * Implementer only: records 必要 / 不要 (or UNDECIDED to withdraw a decision), sealed to
 * the implementer with who and when. Audited as "interview.decide".
 */
gboolean      sc_vault_decide_interview_need (ScVault         *vault,
                                           gint64              submission_id,
                                           ScInterviewNeed     need,
                                           const char         *note,
                                           const char         *decided_by,
                                           GError            **error);

/* Implementer only. An undecided @out_decision (no error) when nothing was decided. */
gboolean      sc_vault_get_interview_decision (ScVault        *vault,
                                           gint64              submission_id,
                                           ScInterviewDecision *out_decision,
                                           GError            **error);

typedef enum
{
  SC_RESULT_FILTER_NONE             = 0,
  SC_RESULT_FILTER_HIGH_STRESS      = 1 << 0,
  SC_RESULT_FILTER_INCOMPLETE       = 1 << 1,
  SC_RESULT_FILTER_DECISION_PENDING = 1 << 2,  /* not NOT_HIGH, and undecided */
  SC_RESULT_FILTER_CONSENTED        = 1 << 3,
  SC_RESULT_FILTER_REQUESTED        = 1 << 4,
} ScResultFilterFlags;

/**
 * sc_result_filter_prepare_search:
 * Turns what the user typed into the form sc_result_row_matches() compares: trimmed,
 * NFKC-normalised (full-width digits match) and casefolded. Returns %NULL for nothing.
 */
char         *sc_result_filter_prepare_search (const char      *text);

/* TRUE when @row has every flag of @flags and @search (prepared) is in its number or
 * name; @search may be %NULL. */
gboolean      sc_result_row_matches       (const ScResultRow  *row,
                                           ScResultFilterFlags flags,
                                           const char         *search);

/* Returns: (transfer container) (element-type ScResultRow): the matching rows of
 * @rows, in order, each with a new reference. */
GPtrArray    *sc_result_rows_filter       (GPtrArray          *rows,
                                           ScResultFilterFlags flags,
                                           const char         *search);

/* ---- Interviews (面接指導) ----------------------------------------------------------- */

typedef enum
{
  SC_INTERVIEW_STEP_RECOMMENDED,    /* the implementer decided 必要 */
  SC_INTERVIEW_STEP_ENCOURAGED,     /* 勧奨 given, in the implementer's name */
  SC_INTERVIEW_STEP_REQUESTED,      /* 申出 (kiosk or staff-entered) */
  SC_INTERVIEW_STEP_INTERVIEW,      /* 面接指導 held */
  SC_INTERVIEW_STEP_OPINION,        /* the doctor's opinion heard (意見聴取) */
  SC_INTERVIEW_STEP_MEASURES,       /* 就業上の措置 recorded by HR */
} ScInterviewStep;

#define SC_N_INTERVIEW_STEPS 6

typedef enum
{
  SC_INTERVIEW_PLACE_UNSET,
  SC_INTERVIEW_PLACE_WORKPLACE,          /* 事業場内 (産業医) */
  SC_INTERVIEW_PLACE_REGIONAL_CENTER,    /* 地域産業保健センター (地さんぽ) */
  SC_INTERVIEW_PLACE_OTHER,
} ScInterviewPlace;

/* 就業区分 */
typedef enum
{
  SC_WORK_CLASS_UNSET = -1,
  SC_WORK_CLASS_NORMAL = 0,         /* 通常勤務 */
  SC_WORK_CLASS_RESTRICTED = 1,     /* 就業制限・配慮 */
  SC_WORK_CLASS_LEAVE = 2,          /* 要休業 */
} ScWorkClass;

/* 就業上の措置 (労働時間の短縮 and others); none set = 特に指示なし. */
typedef enum
{
  SC_MEASURE_OVERTIME_LIMIT  = 1 << 0,   /* 時間外労働の制限 (overtime_hours per month) */
  SC_MEASURE_OVERTIME_BAN    = 1 << 1,   /* 時間外労働の禁止 */
  SC_MEASURE_HOURS_LIMIT     = 1 << 2,   /* 就業時間を制限 */
  SC_MEASURE_FLEX_EXCLUDED   = 1 << 3,   /* 変形労働時間制・裁量労働制の対象からの除外 */
  SC_MEASURE_OTHER           = 1 << 4,   /* その他 (measures_other) */
} ScMeasureFlags;

/* 本人への指導区分 (more than one allowed); none set = 措置不要. */
typedef enum
{
  SC_GUIDANCE_HEALTH         = 1 << 0,   /* 要保健指導 */
  SC_GUIDANCE_FOLLOW_UP      = 1 << 1,   /* 要経過観察 */
  SC_GUIDANCE_REINTERVIEW    = 1 << 2,   /* 要再面接 (reinterview_when) */
  SC_GUIDANCE_MEDICAL        = 1 << 3,   /* 現病治療継続又は医療機関紹介 */
} ScGuidanceFlags;

/**
 * ScInterviewRecord:
 * A person's interview steps with their dates (YYYY-MM-DD, %NULL when not done), the
 * doctor's report and opinion in the fields of 面接指導結果報告書及び事後措置に係る意見書,
 * and with them the record 安衛則52条の18 requires (date, name, doctor, working
 * situation, psychological burden, other state, doctor's opinion), kept 5 years.
 *
 * The implementer sees every field. HR sees, and only for someone who asked for an
 * interview, the dates, the doctor's name, the place and the 意見書 part (就業区分,
 * 就業上の措置, 職場環境, 受診配慮) — @hr_view is then %TRUE and the report part
 * (working situation, burden, state, finding, guidance, notes) is empty.
 */
typedef struct
{
  gint64            submission_id;
  gboolean          hr_view;

  /* Steps */
  char             *notified_on;          /* the result was handed over */
  char             *encouraged_on;        /* 勧奨 */
  char             *requested_on;         /* 申出 */
  gboolean          requested_at_kiosk;
  char             *interview_on;         /* 実施年月日 */
  char             *doctor;               /* 医師名 */
  ScInterviewPlace  place;
  char             *place_note;
  char             *opinion_on;           /* 意見聴取 */
  char             *measures_on;          /* 就業上の措置, recorded by HR */
  char             *measures_taken;       /* what HR did, in HR's words */

  /* 報告書: implementer only */
  char             *working_situation;    /* 勤務の状況 */
  char             *psychological_burden; /* 心理的な負担の状況 */
  char             *other_state;          /* その他の心身の状況 */
  gboolean          finding;              /* 面接医師判定: 所見あり */
  guint             guidance;             /* ScGuidanceFlags */
  char             *reinterview_when;
  char             *note;                 /* 特記事項 and free note */

  /* 意見書 */
  ScWorkClass       work_class;
  guint             measures;             /* ScMeasureFlags */
  int               overtime_hours;       /* 時間/月 for SC_MEASURE_OVERTIME_LIMIT */
  char             *measures_other;
  char             *workplace_opinion;    /* 職場環境の改善に関する意見 */
  char             *medical_consideration;/* 医療機関への受診配慮等 */
  char             *doctor_opinion;       /* 医師の意見 (52条の18) */
} ScInterviewRecord;

ScInterviewRecord *sc_interview_record_new    (void);
ScInterviewRecord *sc_interview_record_copy   (const ScInterviewRecord *record);
void               sc_interview_record_free   (ScInterviewRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScInterviewRecord, sc_interview_record_free)

/**
 * sc_interview_record_keep_until:
 * The last day the record must be kept: 5 years after the interview (or after the
 * request, when no interview was held). Returns %NULL when neither date is set.
 */
char         *sc_interview_record_keep_until (const ScInterviewRecord *record);

typedef struct
{
  ScInterviewStep  step;
  gboolean         applies;    /* FALSE: not needed for this person (yet) */
  char             done_on[11];   /* YYYY-MM-DD or "" */
  char             due_on[11];    /* YYYY-MM-DD or "" when no deadline runs */
  gboolean         overdue;       /* not done and @today is after due_on */
} ScInterviewStepState;

/**
 * sc_interview_steps_compute:
 * @recommended: the implementer decided 必要
 * @today: YYYY-MM-DD
 *
 * Each step's deadline, after forms-and-workflow.md §5: the 申出 within 30 days of the
 * result notice (the MHLW model rule; the 勧奨 is due in the same window), the interview
 * within about one month of the 申出, the doctor's opinion within about one month of the
 * interview, and the measures (遅滞なく) within about one month of the opinion. "About
 * one month" is taken as one calendar month.
 */
void          sc_interview_steps_compute  (const ScInterviewRecord *record,
                                           gboolean            recommended,
                                           const char         *today,
                                           ScInterviewStepState out[SC_N_INTERVIEW_STEPS]);

/**
 * sc_vault_get_interview_record:
 * Implementer: the whole record (an empty one, with the request date, when nothing was
 * recorded yet). HR: the HR view, only for someone who asked for an interview
 * (PERMISSION otherwise, the same error whether or not a record exists).
 */
ScInterviewRecord *sc_vault_get_interview_record (ScVault       *vault,
                                           gint64              submission_id,
                                           GError            **error);

/**
 * sc_vault_save_interview_record:
 * Implementer only: replaces the record (the measures part HR recorded stays). Sealed to
 * the implementer; the HR view is sealed to HR too when the person asked for an
 * interview. Audited as "interview.record".
 */
gboolean      sc_vault_save_interview_record (ScVault         *vault,
                                           const ScInterviewRecord *record,
                                           GError            **error);

/**
 * sc_vault_record_measures:
 * HR or implementer, for someone who asked for an interview and has a doctor's opinion:
 * the 就業上の措置 taken, with the date. Sealed to both. Audited as "interview.measures".
 */
gboolean      sc_vault_record_measures    (ScVault            *vault,
                                           gint64              submission_id,
                                           const char         *measures_on,
                                           const char         *measures_taken,
                                           GError            **error);

/* Implementer or HR: (element-type gint64) submission ids of the round that have an
 * interview request, or (implementer) a decision 必要 or an interview record. */
GArray       *sc_vault_list_interview_ids (ScVault            *vault,
                                           gint64              round_id,
                                           GError            **error);

/* ---- Paper forms (the vault side of ScPaperEntry) -------------------------------- */

/**
 * sc_vault_submit_paper:
 * @answered_on: YYYY-MM-DD written on the form; inside the round's period
 *
 * Implementer only. Refuses (nothing changed) an unknown employee number (NOT_FOUND),
 * a second submission for the same person (EXISTS), a date outside the round (INVALID).
 * Returns: the submission id, or 0.
 */
gint64        sc_vault_submit_paper       (ScVault            *vault,
                                           gint64              round_id,
                                           const char         *employee_number,
                                           const guint8        answers[SC_BJSQ_N_ITEMS],
                                           const char         *answered_on,
                                           GError            **error);

/* Implementer only: the result sheet of a paper submission was handed over on @date. */
gboolean      sc_vault_record_handover    (ScVault            *vault,
                                           gint64              submission_id,
                                           const char         *date,
                                           GError            **error);

/**
 * sc_vault_record_paper_consent:
 * Implementer only: consent (or refusal) given on paper on @date. Refused (INVALID) before
 * the result was handed over, or dated before the hand-over (or after today). With consent
 * the result is sealed to HR. The decision time stored is noon (local time) of @date. A
 * kiosk submission counts as handed over on the day it was made (the kiosk shows the
 * result at once).
 */
gboolean      sc_vault_record_paper_consent (ScVault          *vault,
                                           gint64              submission_id,
                                           gboolean            consent,
                                           const char         *date,
                                           GError            **error);

/* Implementer only: an interview request on paper (the 申出書) or otherwise entered by
 * staff, same rules; it counts as consent (a copy is sealed to HR), and an interview
 * record saved earlier becomes visible to HR in its HR view. */
gboolean      sc_vault_record_paper_request (ScVault          *vault,
                                           gint64              submission_id,
                                           const char         *date,
                                           GError            **error);

/* ---- Async twins (sc-vault-async.h threading rule) ------------------------------- */

void          sc_vault_set_reminder_async (ScVault            *vault,
                                           gint64              round_id,
                                           const char         *employee_number,
                                           const char         *given_on,
                                           GCancellable       *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer            user_data);
gboolean      sc_vault_set_reminder_finish (ScVault           *vault,
                                           GAsyncResult       *result,
                                           GError            **error);

void          sc_vault_decide_interview_need_async (ScVault   *vault,
                                           gint64              submission_id,
                                           ScInterviewNeed     need,
                                           const char         *note,
                                           const char         *decided_by,
                                           GCancellable       *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer            user_data);
gboolean      sc_vault_decide_interview_need_finish (ScVault  *vault,
                                           GAsyncResult       *result,
                                           GError            **error);

/* @record is copied. */
void          sc_vault_save_interview_record_async (ScVault   *vault,
                                           const ScInterviewRecord *record,
                                           GCancellable       *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer            user_data);
gboolean      sc_vault_save_interview_record_finish (ScVault  *vault,
                                           GAsyncResult       *result,
                                           GError            **error);

void          sc_vault_record_measures_async (ScVault         *vault,
                                           gint64              submission_id,
                                           const char         *measures_on,
                                           const char         *measures_taken,
                                           GCancellable       *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer            user_data);
gboolean      sc_vault_record_measures_finish (ScVault        *vault,
                                           GAsyncResult       *result,
                                           GError            **error);

void          sc_vault_record_handover_async (ScVault         *vault,
                                           gint64              submission_id,
                                           const char         *date,
                                           GCancellable       *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer            user_data);
gboolean      sc_vault_record_handover_finish (ScVault        *vault,
                                           GAsyncResult       *result,
                                           GError            **error);

void          sc_vault_record_paper_consent_async (ScVault    *vault,
                                           gint64              submission_id,
                                           gboolean            consent,
                                           const char         *date,
                                           GCancellable       *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer            user_data);
gboolean      sc_vault_record_paper_consent_finish (ScVault   *vault,
                                           GAsyncResult       *result,
                                           GError            **error);

void          sc_vault_record_paper_request_async (ScVault    *vault,
                                           gint64              submission_id,
                                           const char         *date,
                                           GCancellable       *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer            user_data);
gboolean      sc_vault_record_paper_request_finish (ScVault   *vault,
                                           GAsyncResult       *result,
                                           GError            **error);

G_END_DECLS
