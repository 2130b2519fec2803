/* sc-group-table.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The group-analysis table (集団分析) of one round, as the analysis screen shows it and as
 * it is released to HR: the round's respondents grouped by a roster attribute (or two
 * crossed), each group a row with n, the per-sex means of the four chart scales, the
 * health risks A, B and total, the mean 評価点 of the 19 scales and the share of each
 * scale's high-stress side (評価点 1-2). Rows are sorted by total risk, highest first;
 * suppressed groups stay as rows that say why in plain words, without any figure. The
 * rules themselves are those of sc-group.h (this table is a view over ScGroupAnalysis).
 *
 * Figures are exact doubles; the screen and the reports show them with
 * sc_chart_risk_display() (floored, as the manual prints them).
 *
 * Strings made here (labels such as 全体 and 男性, reasons, explanations, captions) are
 * data of the snapshot released to HR, so they are not translated at run time: the
 * screen may show its own translation of a reason from ScGroupRow.suppression and
 * ScGroupRow.revealed.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "sc-chart.h"
#include "sc-employee.h"
#include "sc-group.h"
#include "sc-vault.h"

G_BEGIN_DECLS

/* A roster attribute to group by. */
typedef enum
{
  SC_GROUP_BY_WHOLE,            /* no grouping: the whole workplace only */
  SC_GROUP_BY_DEPARTMENT,       /* 部署 */
  SC_GROUP_BY_SEX,              /* 性別 */
  SC_GROUP_BY_AGE_BAND,         /* 年齢層, in bands of ScGrouping.age_band_years */
  SC_GROUP_BY_JOB_TYPE,         /* 職種 */
  SC_GROUP_BY_POSITION,         /* 役職 */
  SC_GROUP_BY_EMPLOYMENT_TYPE,  /* 雇用形態 */
} ScGroupBy;

#define SC_GROUP_BY_N 7

/**
 * ScGrouping:
 * @by: the attribute
 * @cross: a second attribute crossed with @by (department × sex), or SC_GROUP_BY_WHOLE
 * @age_band_years: the width of an age band; 0 means 10
 */
typedef struct
{
  ScGroupBy by;
  ScGroupBy cross;
  guint     age_band_years;
} ScGrouping;

/* The stable token of an attribute ("department", "age_band", …), for the CLI. */
const char   *sc_group_by_to_string   (ScGroupBy    by);
gboolean      sc_group_by_from_string (const char  *token,
                                       ScGroupBy   *out_by);

/**
 * ScGroupInput:
 * One questionnaire of the round with its respondent's roster entry (borrowed).
 * @age: at the round's start, or -1 when unknown
 */
typedef struct
{
  const ScEmployee *employee;
  int               age;
  ScResult          result;
} ScGroupInput;

/**
 * sc_group_label_of:
 * Returns: (transfer full) (nullable): the group label of @input under @grouping, or
 *   %NULL when the respondent lacks the attribute (then in the total only). Crossed
 *   labels read "営業部 × 男性"; age bands "30–39歳".
 */
char         *sc_group_label_of       (const ScGrouping   *grouping,
                                       const ScGroupInput *input);

/**
 * ScGroupRow:
 * One row. Nothing but the label and the counts is set for a suppressed row.
 * @reason: (nullable): why the row is suppressed, in plain words; %NULL when shown
 * @revealed: (nullable): for a differencing suppression, the hidden groups it would reveal
 * @sex_reason: (nullable): why the per-sex blocks of a shown row are hidden
 * @high_side_share: of the complete respondents, the share (0-1) with 評価点 1-2 on each
 *   scale (indexed by ScScale)
 * @has_previous: last round's risks are known and both rounds show this row
 * @previous: last round's combined risk_a, risk_b, risk_total
 * @change: this round's risk_a, risk_b, risk_total minus @previous
 * @has_previous_sex, @previous_chart: last round's per-sex chart means, where both
 *   rounds show that sex's block (for the arrow from last year's point)
 */
typedef struct
{
  char                *label;
  guint                n;
  guint                n_sex[SC_N_SEXES];
  guint                excluded_incomplete;
  ScGroupSuppression   suppression;
  char                *reason;
  GStrv                revealed;
  ScGroupSuppression   sex_suppression;
  char                *sex_reason;
  gboolean             has_figures;
  ScGroupFigures       combined;
  gboolean             has_sex[SC_N_SEXES];
  ScGroupFigures       by_sex[SC_N_SEXES];
  double               high_side_share[SC_BJSQ_N_SCALES];
  gboolean             has_previous;
  double               previous[3];
  double               change[3];
  gboolean             has_previous_sex[SC_N_SEXES];
  double               previous_chart[SC_N_SEXES][SC_N_CHART_SCALES];
} ScGroupRow;

typedef struct _ScGroupTable ScGroupTable;

/**
 * sc_group_table_new:
 * @min_size: SC_GROUP_MIN_SIZE_DEFAULT in every user-facing caller
 * @constants: (nullable): %NULL for the default (corrected means)
 *
 * Returns: (transfer full) (nullable): the table, or %NULL with @error set.
 */
ScGroupTable *sc_group_table_new      (const ScGroupInput       *inputs,
                                       gsize                     n,
                                       const ScGrouping         *grouping,
                                       guint                     min_size,
                                       const ScChartConstantSet *constants,
                                       GError                  **error);

/**
 * sc_group_table_new_for_round:
 * Implementer only (HR sees consented results only, which would bias every mean):
 * every submission of the round with its roster entry, grouped by @grouping, with
 * SC_GROUP_MIN_SIZE_DEFAULT. Errors: SC_VAULT_ERROR_PERMISSION, NOT_FOUND, …
 */
ScGroupTable *sc_group_table_new_for_round (ScVault                  *vault,
                                            gint64                    round_id,
                                            const ScGrouping         *grouping,
                                            const ScChartConstantSet *constants,
                                            GError                  **error);

/* sc_group_table_new_for_round() in the vault's worker thread (it opens every sealed
 * result); the threading rule of sc-vault-async.h applies. */
void          sc_group_table_new_for_round_async  (ScVault                  *vault,
                                                   gint64                    round_id,
                                                   const ScGrouping         *grouping,
                                                   const ScChartConstantSet *constants,
                                                   GCancellable             *cancellable,
                                                   GAsyncReadyCallback       callback,
                                                   gpointer                  user_data);
ScGroupTable *sc_group_table_new_for_round_finish (ScVault                  *vault,
                                                   GAsyncResult             *result,
                                                   GError                  **error);

void          sc_group_table_free     (ScGroupTable             *table);

/* Whether there is an analysis at all (the workplace has ≥ min_size complete answers). */
gboolean      sc_group_table_is_analysable (const ScGroupTable  *table);

/* (nullable): when not analysable, why, and what to do instead, in plain words. */
const char   *sc_group_table_get_explanation (const ScGroupTable *table);

const ScGroupRow *sc_group_table_get_total (const ScGroupTable   *table);

/* The national average for reference: risks 100, chart means the constants' (per sex). */
const ScGroupRow *sc_group_table_get_reference (const ScGroupTable *table);

/* The groups, sorted: shown rows by total risk (highest first), then shown rows without
 * a complete respondent, then suppressed rows, each in order of first appearance. */
guint         sc_group_table_get_n_rows (const ScGroupTable     *table);
const ScGroupRow *sc_group_table_get_row (const ScGroupTable    *table,
                                          guint                  index);

const ScGrouping *sc_group_table_get_grouping (const ScGroupTable *table);
const ScChartConstantSet *sc_group_table_get_constants (const ScGroupTable *table);

/* Incomplete questionnaires of the whole round, excluded from every mean. */
guint         sc_group_table_get_excluded_incomplete (const ScGroupTable *table);

/**
 * sc_group_table_get_caption:
 * Returns: (transfer full): the caption for every chart and report of this table: the
 *   constant set's name, source and status (要確認), the mixed-sex rule (this program's,
 *   not the manual's) and how figures are shown (floored).
 */
char         *sc_group_table_get_caption (const ScGroupTable    *table);

/**
 * sc_group_table_compare_previous:
 * Gives each row last round's combined risks where @previous (the same grouping in the
 * previous round) shows a row of the same label and this round shows this one. The
 * total is compared too. Returns: the number of rows (total included) compared.
 */
guint         sc_group_table_compare_previous (ScGroupTable       *table,
                                               const ScGroupTable *previous);

/**
 * sc_group_table_find_previous_round:
 * Implementer or HR: the round created just before @round_id, for year-on-year
 * comparison. Returns: its id, or 0 (no error) when @round_id is the first.
 */
gint64        sc_group_table_find_previous_round (ScVault          *vault,
                                                  gint64            round_id,
                                                  GError          **error);

/**
 * ScGroupChartPoint:
 * A shown group on one sex's judgement chart. @label is borrowed from the table.
 * @x, @y: the means on the chart's axes; @px, @py: where they land in the layout;
 * @risk: 健康リスク(A) or (B) of the point, with that sex's constants.
 * @has_previous: last year's point is known (after sc_group_table_compare_previous());
 *   @prev_x, @prev_y, @prev_px, @prev_py are then set like @x … @py.
 */
typedef struct
{
  const char *label;
  double      x;
  double      y;
  double      px;
  double      py;
  double      risk;
  gboolean    has_previous;
  double      prev_x;
  double      prev_y;
  double      prev_px;
  double      prev_py;
} ScGroupChartPoint;

/**
 * sc_group_table_chart_points:
 * @layout: (nullable): from sc_chart_judgement_layout(); %NULL leaves px, py at 0
 *
 * Returns: (transfer full) (element-type ScGroupChartPoint): the rows (the total
 *   first) whose per-sex block of @sex is shown, in table order.
 */
GArray       *sc_group_table_chart_points (const ScGroupTable          *table,
                                           ScChartJudgement             kind,
                                           ScSex                        sex,
                                           const ScChartJudgementLayout *layout);

/**
 * sc_group_table_chart_text:
 * Returns: (transfer full): the text alternative of a chart: its title, the national
 *   average, then every point with its means and risk, one per line.
 */
char         *sc_group_table_chart_text (const ScGroupTable *table,
                                         ScChartJudgement    kind,
                                         ScSex               sex);

/* Draws the chart of @kind for @sex with every shown point (sc_chart_draw_judgement()),
 * and, after sc_group_table_compare_previous(), an arrow from each group's point of last
 * year to this year's. */
void          sc_group_table_draw_chart (const ScGroupTable *table,
                                         cairo_t            *cr,
                                         double              width,
                                         double              height,
                                         ScChartJudgement    kind,
                                         ScSex               sex,
                                         const ScChartStyle *style);

/**
 * sc_group_table_draw_chart_full:
 * @highlight: (nullable): the label of a group whose point gets a ring (the row chosen
 *   in the table), or %NULL
 * @show_previous: whether to draw last year's arrows (after
 *   sc_group_table_compare_previous())
 *
 * As sc_group_table_draw_chart(), which is this with %NULL and %TRUE.
 */
void          sc_group_table_draw_chart_full (const ScGroupTable *table,
                                              cairo_t            *cr,
                                              double              width,
                                              double              height,
                                              ScChartJudgement    kind,
                                              ScSex               sex,
                                              const ScChartStyle *style,
                                              const char         *highlight,
                                              gboolean            show_previous);

/**
 * sc_group_table_to_json:
 * Returns: (transfer full): the snapshot of what is shown: grouping, constants and
 *   caption, the total, the reference and every row (a suppressed row: label, n, reason
 *   only) and the points of all four charts. Never a suppressed figure.
 */
char         *sc_group_table_to_json    (const ScGroupTable *table);

/**
 * sc_group_table_new_from_snapshot:
 * @snapshot: the text of sc_group_table_to_json() (a release HR opened)
 *
 * The table again, read-only, as it was released: rows, reference, total, per-sex
 * blocks, the constants and last year's risks. Last year's chart points are not in a
 * snapshot (no arrows). Returns: (transfer full) (nullable): the table, or %NULL with
 * @error set (SC_JSON_ERROR for text that is not JSON, G_IO_ERROR_INVALID_DATA for
 * JSON that is not a snapshot).
 */
ScGroupTable *sc_group_table_new_from_snapshot (const char         *snapshot,
                                                GError            **error);

/**
 * ScGroupRound:
 * Every questionnaire of one round with its roster entry, opened once, for grouping
 * again and again without the vault (the analysis screen, when the grouping changes).
 * Holds results (personal data): wiped when freed.
 */
typedef struct _ScGroupRound ScGroupRound;

/* Implementer only (as sc_group_table_new_for_round()). Returns: (transfer full). */
ScGroupRound *sc_group_round_load        (ScVault                  *vault,
                                          gint64                    round_id,
                                          GError                  **error);

/* sc_group_round_load() in the vault's worker thread (it opens every sealed result). */
void          sc_group_round_load_async  (ScVault                  *vault,
                                          gint64                    round_id,
                                          GCancellable             *cancellable,
                                          GAsyncReadyCallback       callback,
                                          gpointer                  user_data);
ScGroupRound *sc_group_round_load_finish (ScVault                  *vault,
                                          GAsyncResult             *result,
                                          GError                  **error);

/* The table of @round by @grouping, with SC_GROUP_MIN_SIZE_DEFAULT (no vault access). */
ScGroupTable *sc_group_round_analyse     (const ScGroupRound       *round,
                                          const ScGrouping         *grouping,
                                          const ScChartConstantSet *constants,
                                          GError                  **error);

void          sc_group_round_free        (ScGroupRound             *round);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScGroupRound, sc_group_round_free)

/**
 * sc_group_get_chart_constants:
 * Any unlocked role: the constant set chosen for the group analysis (the vault setting
 * %SC_VAULT_SETTING_CHART_CONSTANTS; the default set when unset).
 * Returns: (transfer full) (nullable): the set, or %NULL with @error set.
 */
ScChartConstantSet *sc_group_get_chart_constants (ScVault                  *vault,
                                                  GError                  **error);

/* Implementer only: stores the choice (a built-in id, or a checked set as JSON); the
 * vault audits it as "settings.set". */
gboolean      sc_group_set_chart_constants  (ScVault                  *vault,
                                             const ScChartConstantSet *set,
                                             GError                  **error);

/* sc_group_set_chart_constants() in the vault's worker thread (a durable save); the
 * threading rule of sc-vault-async.h applies. */
void          sc_group_set_chart_constants_async  (ScVault                  *vault,
                                                   const ScChartConstantSet *set,
                                                   GCancellable             *cancellable,
                                                   GAsyncReadyCallback       callback,
                                                   gpointer                  user_data);
gboolean      sc_group_set_chart_constants_finish (ScVault                  *vault,
                                                   GAsyncResult             *result,
                                                   GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScGroupTable, sc_group_table_free)

G_END_DECLS
