/* sc-judgement-chart.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A widget that shows one 仕事のストレス判定図 of a group analysis (量－コントロール or
 * 職場の支援, for men or for women), drawn by the core's sc_group_table_draw_chart_full()
 * so that the screen and the PDF show the same picture: iso-risk lines with their values,
 * the national average and every shown group as a labelled point. One group can be
 * highlighted (the row chosen in the table) and last year's points shown with an arrow.
 * Its accessible description is the core's text alternative: every point and its risk.
 */
#pragma once

#include <gtk/gtk.h>

#include "sc-group-table.h"

G_BEGIN_DECLS

#define SC_TYPE_JUDGEMENT_CHART (sc_judgement_chart_get_type ())

G_DECLARE_FINAL_TYPE (ScJudgementChart, sc_judgement_chart, SC, JUDGEMENT_CHART, GtkWidget)

GtkWidget  *sc_judgement_chart_new            (ScChartJudgement    kind,
                                               ScSex               sex);

/* Shows @table (borrowed: the caller keeps it alive until it sets another or %NULL). */
void        sc_judgement_chart_set_table      (ScJudgementChart   *self,
                                               const ScGroupTable *table);

/* Rings the point of the group labelled @label; %NULL for none. */
void        sc_judgement_chart_set_highlight  (ScJudgementChart   *self,
                                               const char         *label);
const char *sc_judgement_chart_get_highlight  (ScJudgementChart   *self);

/* Whether last year's points are drawn, with an arrow to this year's. */
void        sc_judgement_chart_set_show_previous (ScJudgementChart *self,
                                                  gboolean          show);

/* The text alternative (the accessible description); "" without a table. */
const char *sc_judgement_chart_get_text       (ScJudgementChart   *self);

/* Whether the chart has a point for @label. */
gboolean    sc_judgement_chart_has_point      (ScJudgementChart   *self,
                                               const char         *label);

G_END_DECLS
