/* sc-group-table-view.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table of groups of a group analysis, as a GtkColumnView over a GListModel: the
 * national average (100) for reference, the whole workplace, then the groups sorted by
 * total risk (the core's order). Each row shows n, a note (why a group is not shown, in
 * plain words; why its figures by sex are hidden; incomplete questionnaires excluded),
 * health risks A, B and total (floored, as the manual prints them), last year's risks and
 * the change where both years show the group, the per-sex means of the four chart scales,
 * and for each of the 19 scales the mean 評価点 and the share on the high-stress side.
 * A suppressed group shows no figure at all.
 */
#pragma once

#include <adwaita.h>

#include "sc-group-table.h"

G_BEGIN_DECLS

/* Column ids for sc_group_table_view_get_cell_text (). */
typedef enum
{
  SC_GROUP_COLUMN_GROUP,
  SC_GROUP_COLUMN_N,
  SC_GROUP_COLUMN_NOTE,
  SC_GROUP_COLUMN_TOTAL,
  SC_GROUP_COLUMN_RISK_A,
  SC_GROUP_COLUMN_RISK_B,
  SC_GROUP_COLUMN_LAST_YEAR,
  SC_GROUP_COLUMN_CHANGE,
  SC_GROUP_COLUMN_SEX_CHART,   /* + sex × 4 + chart scale: 8 columns */
  SC_GROUP_COLUMN_SCALE = SC_GROUP_COLUMN_SEX_CHART + 2 * SC_N_CHART_SCALES,  /* + ScScale */
  SC_GROUP_N_COLUMNS = SC_GROUP_COLUMN_SCALE + SC_BJSQ_N_SCALES,
} ScGroupColumn;

#define SC_TYPE_GROUP_TABLE_VIEW (sc_group_table_view_get_type ())
G_DECLARE_FINAL_TYPE (ScGroupTableView, sc_group_table_view, SC, GROUP_TABLE_VIEW, AdwBin)

GtkWidget  *sc_group_table_view_new           (void);

/* Shows @table (borrowed: the caller keeps it alive until it sets another or %NULL). */
void        sc_group_table_view_set_table     (ScGroupTableView   *self,
                                               const ScGroupTable *table);

/* Rows shown, the reference and the total included. */
guint       sc_group_table_view_get_n_rows    (ScGroupTableView   *self);

/* Returns: (transfer full): the text of a cell, as shown. */
char       *sc_group_table_view_get_cell_text (ScGroupTableView   *self,
                                               guint               position,
                                               ScGroupColumn       column);

/* Selects row @position, as a click does. */
void        sc_group_table_view_select        (ScGroupTableView   *self,
                                               guint               position);

/* The label of the group of the selected row that has points on the charts (the core's
 * label; the total's too), or %NULL. */
const char *sc_group_table_view_get_selected_label (ScGroupTableView *self);

/* The plain-words reason a row is not shown (or its figures by sex are hidden), in the
 * user interface's language; %NULL for a row shown in full. */
char       *sc_group_table_view_describe_reason (const ScGroupRow *row);

G_END_DECLS
