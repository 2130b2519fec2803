/* sc-group.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Group analysis (集団分析): for the whole workplace (the total, 全体) and for each group
 * (部署 …), the means of the four judgement-chart scales, the health risks of the
 * 仕事のストレス判定図 (spec §6) and the mean 評価点 of the 19 scales — with the
 * suppression rules that keep a small set of people from being identified (spec §7,
 * DESIGN.md §4). No GTK; the CLI, the workspace and the PDF report all call this.
 *
 * Who is analysed: only complete questionnaires (ScResult.complete). An incomplete one
 * never enters a mean; it is counted as excluded_incomplete in its group and the total.
 *
 * Suppression, with min_size (10 in the CLI and the GUI, which never go below it; the
 * library itself accepts any value ≥ 1 so that tests and future rules can vary it).
 * "n" is always the number of complete respondents.
 *
 *  0. Workplace: if the total has n < min_size, nothing is shown: the total and every
 *     group are suppressed with SC_GROUP_SUPPRESSION_WORKPLACE_TOO_SMALL.
 *  1. Small group: a group with 0 < n < min_size is suppressed (TOO_SMALL). A group with
 *     n == 0 (only incomplete questionnaires) is not suppressed but has no figures.
 *  2. Differencing: the total minus the shown groups must not reveal a small set. With
 *     R = n(total) − Σ n(shown groups) (respondents without a group label and those of
 *     suppressed groups), while 0 < R < min_size the smallest shown group (ties: the
 *     last in input order) is suppressed as COMPLEMENTARY and R recomputed. A crossed
 *     grouping (sc_group_analyse_crossed()) applies the same rule to every margin
 *     (all cells of one department; all cells of one sex), whose own totals another
 *     grouping may show. A group hidden by this rule names the hidden groups it would
 *     reveal (sc_group_entry_get_revealed()).
 *  3. Sex subgroup: in a shown entry (a group or the total), if either sex has
 *     0 < n_sex < min_size, both per-sex blocks are suppressed (SEX_SUBGROUP_TOO_SMALL):
 *     one sex's figures would otherwise follow from the combined figures and the other
 *     sex's. The combined figures of the entry stay shown.
 *  4. Sex differencing: the same reasoning as rule 2, per sex, when the total shows its
 *     per-sex blocks. A group reveals its sex-s figures when its per-sex blocks are shown,
 *     or when it has nobody of the other sex (its combined figures are then that sex's).
 *     With R_sex = n_sex(total) − Σ n_sex(groups revealing that sex), while
 *     0 < R_sex < min_size the per-sex blocks of the revealing group with the smallest
 *     n_sex whose blocks can still be hidden (shown, both sexes present; ties: the last)
 *     are suppressed; when there is no such group, the total's per-sex blocks are
 *     (SEX_COMPLEMENTARY either way). Without it, "the men of the whole workplace minus
 *     the men of department A" could give the figures of the three men of department B.
 *
 * The API makes a suppressed value unreadable by accident: figures are computed only
 * for what is shown, and the accessors return %NULL for anything suppressed.
 *
 * Mixed-sex groups: there is no official single-number rule (spec §6). The combined
 * chart means are plain means over all respondents; the combined risks are the
 * respondent-count-weighted mean of the per-sex risks, each computed with its own sex's
 * constants ("weighted by sex headcount", impl-ts's choice). The number of high-stress
 * respondents is deliberately not reported: in a small group it can identify people.
 */
#pragma once

#include <glib.h>

#include "sc-chart-constants.h"
#include "sc-score.h"

G_BEGIN_DECLS

/* The smallest group the CLI and the GUI ever show (spec §7). */
#define SC_GROUP_MIN_SIZE_DEFAULT 10

/* Stands for the respondents without a group label in sc_group_entry_get_revealed(). */
#define SC_GROUP_UNGROUPED_LABEL "(no group)"

#define SC_GROUP_ERROR (sc_group_error_quark ())

typedef enum
{
  SC_GROUP_ERROR_INVALID_MIN_SIZE,   /* min_size is 0 */
  SC_GROUP_ERROR_INVALID_LABEL,      /* a group label is not UTF-8 */
} ScGroupError;

typedef enum
{
  SC_GROUP_SUPPRESSION_NONE,
  SC_GROUP_SUPPRESSION_TOO_SMALL,               /* rule 1 */
  SC_GROUP_SUPPRESSION_COMPLEMENTARY,           /* rule 2 */
  SC_GROUP_SUPPRESSION_WORKPLACE_TOO_SMALL,     /* rule 0 */
  SC_GROUP_SUPPRESSION_SEX_SUBGROUP_TOO_SMALL,  /* rule 3, per-sex blocks only */
  SC_GROUP_SUPPRESSION_SEX_COMPLEMENTARY,       /* rule 4, per-sex blocks only */
} ScGroupSuppression;

/**
 * ScGroupRespondent:
 * One analysed questionnaire. @group is borrowed for the duration of
 * sc_group_analyse(); %NULL or "" means "no group" (counted in the total only).
 */
typedef struct
{
  const char *group;
  ScResult    result;
} ScGroupRespondent;

/**
 * ScGroupFigures:
 * The figures of a shown set of respondents (a group, the total, or one sex of them).
 * @chart: means of the raw chart scale scores (3-12), indexed by ScChartScale
 * @risk_a, @risk_b, @risk_total: 健康リスク(A), (B) and 総合健康リスク; for a per-sex block
 *   with that sex's constants, for combined figures weighted by sex headcount
 * @scale_mean: mean 評価点 (1-5) of each of the 19 scales, indexed by ScScale
 */
typedef struct
{
  guint  n;
  double chart[SC_N_CHART_SCALES];
  double risk_a;
  double risk_b;
  double risk_total;
  double scale_mean[SC_BJSQ_N_SCALES];
} ScGroupFigures;

typedef struct _ScGroupEntry    ScGroupEntry;
typedef struct _ScGroupAnalysis ScGroupAnalysis;

GQuark                 sc_group_error_quark          (void);

/**
 * sc_group_analyse:
 * @respondents: (array length=n): the questionnaires
 * @min_size: the smallest group that may be shown, ≥ 1 (SC_GROUP_MIN_SIZE_DEFAULT in
 *   every user-facing caller)
 * @constants: (nullable): the chart constants; %NULL for sc_chart_constant_set_default().
 *   The analysis keeps its own copy.
 *
 * Groups are kept in the order in which their label first appears.
 *
 * Returns: (transfer full) (nullable): the analysis, or %NULL with @error set.
 */
ScGroupAnalysis       *sc_group_analyse              (const ScGroupRespondent  *respondents,
                                                      gsize                     n,
                                                      guint                     min_size,
                                                      const ScChartConstantSet *constants,
                                                      GError                  **error);

/**
 * sc_group_analyse_crossed:
 * @margins: (array) (nullable): two margin keys per respondent (2·@n strings, each
 *   nullable), for a crossed grouping: with groups "営業部 × 男性", the keys
 *   "department:営業部" and "sex:male". %NULL is sc_group_analyse().
 *
 * As sc_group_analyse(), with rule 2 (differencing) applied to every margin as well as
 * to the total: the groups sharing a margin key must not reveal, when subtracted from
 * that margin's own total (which another grouping may show), a hidden set of fewer than
 * @min_size. Each group takes its margin keys from its first respondent.
 */
ScGroupAnalysis       *sc_group_analyse_crossed      (const ScGroupRespondent  *respondents,
                                                      const char * const       *margins,
                                                      gsize                     n,
                                                      guint                     min_size,
                                                      const ScChartConstantSet *constants,
                                                      GError                  **error);

/* Frees the analysis with every entry; %NULL is ignored. */
void                   sc_group_analysis_free        (ScGroupAnalysis          *analysis);

/* The min_size the analysis was made with. */
guint                  sc_group_analysis_get_min_size (const ScGroupAnalysis   *analysis);

/* The analysis's own copy of the constants it used (name and source go on every chart). */
const ScChartConstantSet *sc_group_analysis_get_constants (const ScGroupAnalysis *analysis);

/* Every questionnaire given, complete or not. */
gsize                  sc_group_analysis_get_n_respondents (const ScGroupAnalysis *analysis);

/* The whole workplace (全体), including respondents without a group label. */
const ScGroupEntry    *sc_group_analysis_get_total   (const ScGroupAnalysis    *analysis);

/* The number of distinct non-empty group labels. */
guint                  sc_group_analysis_get_n_groups (const ScGroupAnalysis   *analysis);

/* Group @index (0 … n_groups − 1), in order of first appearance. */
const ScGroupEntry    *sc_group_analysis_get_group   (const ScGroupAnalysis    *analysis,
                                                      guint                     index);

/**
 * sc_group_analysis_to_json:
 * Appends the analysis as one pretty-printed JSON document (the `stresscheck-cli group`
 * contract): min_size, constants (with the 要確認 note when unverified), respondents,
 * excluded_incomplete, total and groups. A suppressed entry carries only its label,
 * "suppressed": true and the reason. Means and risks have two decimals.
 */
void                   sc_group_analysis_to_json     (const ScGroupAnalysis    *analysis,
                                                      GString                  *out);

/* The group label; %NULL for the total. */
const char            *sc_group_entry_get_label      (const ScGroupEntry       *entry);

/* Whether @entry is the whole workplace. */
gboolean               sc_group_entry_is_total       (const ScGroupEntry       *entry);

/* Complete respondents (also for a suppressed entry: counts are not personal data). */
guint                  sc_group_entry_get_n          (const ScGroupEntry       *entry);

/* Complete respondents of one sex. */
guint                  sc_group_entry_get_n_sex      (const ScGroupEntry       *entry,
                                                      ScSex                     sex);

/* Incomplete questionnaires, left out of every figure. */
guint                  sc_group_entry_get_excluded_incomplete (const ScGroupEntry *entry);

/* SC_GROUP_SUPPRESSION_NONE when the entry is shown; otherwise why it is not. */
ScGroupSuppression     sc_group_entry_get_suppression (const ScGroupEntry      *entry);

/* Whether the entry is hidden as a whole (its per-sex blocks may be hidden alone). */
gboolean               sc_group_entry_is_suppressed  (const ScGroupEntry       *entry);

/**
 * sc_group_entry_get_combined:
 * Returns: (nullable): the figures over both sexes; %NULL when the entry is suppressed
 *   or has no complete respondent.
 */
const ScGroupFigures  *sc_group_entry_get_combined   (const ScGroupEntry       *entry);

/**
 * sc_group_entry_get_sex_suppression:
 * Returns: why the per-sex blocks of a shown entry are hidden (rules 3 and 4), or
 *   SC_GROUP_SUPPRESSION_NONE; for a suppressed entry, its own suppression.
 */
ScGroupSuppression     sc_group_entry_get_sex_suppression (const ScGroupEntry  *entry);

/**
 * sc_group_entry_get_by_sex:
 * Returns: (nullable): the figures of one sex, with that sex's constants; %NULL when the
 *   entry or its per-sex blocks are suppressed, or when nobody of that sex answered.
 */
const ScGroupFigures  *sc_group_entry_get_by_sex     (const ScGroupEntry       *entry,
                                                      ScSex                     sex);

/**
 * sc_group_entry_get_revealed:
 * Returns: (nullable) (array zero-terminated=1): for a group hidden by rule 2, the labels
 *   of the hidden groups it would reveal by subtraction (SC_GROUP_UNGROUPED_LABEL for the
 *   respondents without a group); %NULL otherwise.
 */
const char * const    *sc_group_entry_get_revealed   (const ScGroupEntry       *entry);

/* The stable token of a reason ("too_small", …), or %NULL for NONE. */
const char            *sc_group_suppression_to_string (ScGroupSuppression       suppression);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScGroupAnalysis, sc_group_analysis_free)

G_END_DECLS
