/* sc-group-table-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table's fields, shared by sc-group-table.c (grouping, rows, year on year) and
 * sc-group-table-charts.c (chart points, drawing, the released snapshot).
 */
#pragma once

#include "sc-group-table.h"

G_BEGIN_DECLS

#define TOTAL_LABEL "全体"
#define REFERENCE_LABEL "全国平均"

struct _ScGroupTable
{
  ScGrouping          grouping;
  guint               min_size;
  ScChartConstantSet *constants;
  gboolean            analysable;
  char               *explanation;
  guint               excluded_incomplete;
  ScGroupRow          total;
  ScGroupRow          reference;
  GPtrArray          *rows;                  /* ScGroupRow, sorted */
};

/* sc-group-table.c: frees a row allocated with g_new0 and everything it owns. */
void          _sc_group_row_free                (gpointer            row);

/* sc-group-table-snapshot.c: the stable token of a suppression rule in the snapshot
 * ("too_small", "complementary", …; "" for none), and back. */
const char   *_sc_group_suppression_to_string   (ScGroupSuppression  suppression);
ScGroupSuppression _sc_group_suppression_from_string (const char   *token);

G_END_DECLS
