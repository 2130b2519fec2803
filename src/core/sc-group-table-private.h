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

G_END_DECLS
