/* sc-score.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scoring of one questionnaire: the 19 raw scores and 評価点, both high-stress criteria
 * (評価基準の例 その1 = sum method, その2 = conversion method) and the four
 * judgement-chart scale scores. Pure functions, no allocation: the hot path of
 * batch scoring and of every kiosk submission.
 */
#pragma once

#include <glib.h>

#include "sc-bjsq.h"

G_BEGIN_DECLS

/* A missing raw score, 評価点 or area sum. */
#define SC_SCORE_MISSING (-1)

typedef enum
{
  SC_METHOD_SUM = 1,          /* 評価基準の例（その1）合計点数を使う方法 */
  SC_METHOD_CONVERSION = 2,   /* 評価基準の例（その2）素点換算表を使う方法 (default) */
} ScMethod;

typedef enum
{
  SC_VERDICT_UNDETERMINED,    /* 判定不能: an A, B or C answer is missing, nothing is imputed */
  SC_VERDICT_NOT_HIGH,
  SC_VERDICT_HIGH,
} ScVerdict;

/* Which criterion (㋐, ㋑) a high-stress verdict rests on; bits of ScAreaResult.criteria. */
typedef enum
{
  SC_CRITERION_A = 1 << 0,    /* ㋐: stress responses alone */
  SC_CRITERION_B = 1 << 1,    /* ㋑: stressors + support, with moderate stress responses */
} ScCriterionFlags;

/* The four judgement-chart (仕事のストレス判定図) scales. */
typedef enum
{
  SC_CHART_QUANTITATIVE_DEMAND,
  SC_CHART_JOB_CONTROL,
  SC_CHART_SUPERVISOR_SUPPORT,
  SC_CHART_COWORKER_SUPPORT,
} ScChartScale;

#define SC_N_CHART_SCALES 4

/**
 * ScCriteria:
 * Thresholds of both criteria. A round holds its own copy so that the implementer can
 * change them (with a warning); sc_criteria_init_default() gives the MHLW examples.
 */
typedef struct
{
  ScMethod method;            /* which method decides the round's verdict */
  /* その1: high if B >= sum_b_min, or (A + C >= sum_ac_min and B >= sum_ac_b_min) */
  int      sum_b_min;         /* 77 */
  int      sum_ac_min;        /* 76 */
  int      sum_ac_b_min;      /* 63 */
  /* その2: high if B <= conv_b_max, or (A + C <= conv_ac_max and B <= conv_ac_b_max) */
  int      conv_b_max;        /* 12 */
  int      conv_ac_max;       /* 26 */
  int      conv_ac_b_max;     /* 17 */
} ScCriteria;

typedef struct
{
  int       a;                /* area sums; SC_SCORE_MISSING when an item is missing */
  int       b;
  int       c;
  ScVerdict verdict;
  guint     criteria;         /* ScCriterionFlags met; 0 unless verdict is HIGH */
} ScAreaResult;

typedef struct
{
  ScSex        sex;
  gboolean     complete;                    /* all 57 answered (D1, D2 included) */
  gint8        raw[SC_BJSQ_N_SCALES];       /* 素点, or SC_SCORE_MISSING */
  gint8        score[SC_BJSQ_N_SCALES];     /* 評価点 1-5, or SC_SCORE_MISSING */
  ScAreaResult sum;                         /* その1 */
  ScAreaResult conversion;                  /* その2 */
  gint8        chart[SC_N_CHART_SCALES];    /* 3-12, or SC_SCORE_MISSING */
} ScResult;

#define SC_SCORE_ERROR (sc_score_error_quark ())

typedef enum
{
  SC_SCORE_ERROR_ANSWER_LENGTH,
  SC_SCORE_ERROR_ANSWER_CHAR,
  SC_SCORE_ERROR_CRITERIA,
} ScScoreError;

GQuark       sc_score_error_quark        (void);

void         sc_criteria_init_default    (ScCriteria       *criteria);

/* Checks that every threshold lies inside the range its area sum can take. */
gboolean     sc_criteria_validate        (const ScCriteria *criteria,
                                          GError          **error);

/**
 * sc_answers_parse:
 * @text: 57 characters A1…D2, each '1'-'4', or '0' / '-' for no answer
 * @answers: (out): 57 values 0-4
 *
 * Returns: %FALSE with a message naming the position when @text is not valid.
 */
gboolean     sc_answers_parse            (const char       *text,
                                          gsize             len,
                                          guint8            answers[SC_BJSQ_N_ITEMS],
                                          GError          **error);

/* Writes the 57 answers as text, '0' for no answer; @out holds 58 bytes. */
void         sc_answers_format           (const guint8      answers[SC_BJSQ_N_ITEMS],
                                          char              out[SC_BJSQ_N_ITEMS + 1]);

/**
 * sc_score:
 * @answers: 57 values 1-4, or SC_ANSWER_MISSING (values outside 0-4 count as missing)
 * @criteria: (nullable): thresholds; %NULL for the defaults
 *
 * Scores one questionnaire. Never fails: what cannot be computed is SC_SCORE_MISSING.
 * The verdict is SC_VERDICT_UNDETERMINED when an item of A, B or C is missing; 満足度
 * (D1, D2) never enters a criterion, so a missing D answer empties only the satisfaction
 * scale and leaves the verdict. @result->complete is %FALSE in both cases.
 */
void         sc_score                    (const guint8      answers[SC_BJSQ_N_ITEMS],
                                          ScSex             sex,
                                          const ScCriteria *criteria,
                                          ScResult         *result);

/**
 * sc_criteria_judge:
 * @method: which criterion set to apply (the one in @criteria is not consulted)
 * @a, @b, @c: area sums of that method, or SC_SCORE_MISSING
 * @out_flags: (out) (optional): the ScCriterionFlags met
 *
 * Applies ㋐ and ㋑ to area sums. Any missing area gives SC_VERDICT_UNDETERMINED.
 */
ScVerdict    sc_criteria_judge           (const ScCriteria *criteria,
                                          ScMethod          method,
                                          int               a,
                                          int               b,
                                          int               c,
                                          guint            *out_flags);

/**
 * sc_result_judge:
 * @result: a scored result (its area sums are kept)
 *
 * Applies @criteria again to the area sums of both methods, as sc_score() would have
 * with them: a round whose criteria were changed judges its stored results at read time.
 * An undetermined verdict (an item of A, B or C missing) stays undetermined.
 */
void         sc_result_judge             (ScResult         *result,
                                          const ScCriteria *criteria);

/* The area result of the method the criteria choose. */
const ScAreaResult *sc_result_primary    (const ScResult   *result,
                                          const ScCriteria *criteria);

ScScale      sc_chart_scale_to_scale     (ScChartScale      chart_scale);

G_END_DECLS
