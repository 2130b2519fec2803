/* sc-group-section.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Group Analysis section (集団分析, issue 9). The implementer chooses a grouping of the
 * workspace's round (one roster attribute, or two crossed) and sees the table of groups
 * (ScGroupTableView), both judgement charts for men and for women (ScJudgementChart), the
 * chart constants in use (ScConstantsRow), last year's risks and points where the previous
 * round has the same groups, and releases the analysis to HR (a sealed snapshot, never a
 * hidden figure) or withdraws a release. HR sees the released analyses only, read-only,
 * with the date and who released them. The rules all live in the core (sc-group-table.h,
 * sc-vault-releases.h); this widget shows them.
 */
#pragma once

#include <adwaita.h>

#include "sc-vault.h"
#include "sc-group-table.h"
#include "sc-group-table-view.h"
#include "sc-judgement-chart.h"

G_BEGIN_DECLS

#define SC_TYPE_GROUP_SECTION (sc_group_section_get_type ())
G_DECLARE_FINAL_TYPE (ScGroupSection, sc_group_section, SC, GROUP_SECTION, AdwBin)

GtkWidget          *sc_group_section_new             (ScVault          *vault,
                                                      gint64            round_id);

/* Analyses again (implementer) or lists the releases again (HR). */
void                sc_group_section_reload          (ScGroupSection   *self);

/* Chooses the grouping, as the two combo rows do; @cross SC_GROUP_BY_WHOLE for none. */
void                sc_group_section_set_grouping    (ScGroupSection   *self,
                                                      ScGroupBy         by,
                                                      ScGroupBy         cross);

/* The table shown (the implementer's analysis or the release HR opened), or %NULL. */
const ScGroupTable *sc_group_section_get_table       (ScGroupSection   *self);

ScGroupTableView   *sc_group_section_get_table_view  (ScGroupSection   *self);

ScJudgementChart   *sc_group_section_get_chart       (ScGroupSection   *self,
                                                      ScChartJudgement  kind,
                                                      ScSex             sex);

/* "loading", "message" (no round, too few respondents, nothing released, an error) or
 * "analysis". */
const char         *sc_group_section_get_page        (ScGroupSection   *self);

/* Implementer: releases the table shown to HR (what "Release to HR…" does once the dialog
 * is answered). */
void                sc_group_section_release         (ScGroupSection   *self,
                                                      const char       *title,
                                                      const char       *released_by);

/* Implementer: withdraws a release (what "Withdraw" does once confirmed). */
void                sc_group_section_withdraw        (ScGroupSection   *self,
                                                      gint64            release_id);

/* The releases listed: the implementer's all, HR's those in force. */
GPtrArray          *sc_group_section_get_releases    (ScGroupSection   *self);

/* HR: opens release @index of the list. */
void                sc_group_section_open_release    (ScGroupSection   *self,
                                                      guint             index);

/* Whether vault work runs. */
gboolean            sc_group_section_get_busy        (ScGroupSection   *self);

G_END_DECLS
