/* sc-report-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the files of ScReport share: the instance (the data a report prints, gathered
 * once by sc_report_new()), the text helpers and the page drawing of each kind.
 */
#pragma once

#include <pango/pangocairo.h>

#include "sc-advice.h"
#include "sc-chart.h"
#include "sc-group.h"
#include "sc-group-table.h"
#include "sc-report.h"

G_BEGIN_DECLS

#define SC_REPORT_PAGE_WIDTH  595.2756   /* A4, points */
#define SC_REPORT_PAGE_HEIGHT 841.8898
#define SC_REPORT_MARGIN      42.0
#define SC_REPORT_FONT        "Noto Sans CJK JP"

/* Pages of one individual sheet: result, advice and help, 申出書. */
#define SC_REPORT_SHEET_PAGES 3
/* Access-code and reminder slips per page (2 columns × 5 rows). */
#define SC_REPORT_SLIPS_PER_PAGE 10
/* Rows of a list report per page. */
#define SC_REPORT_ROWS_PER_PAGE 32

/* The English or the Japanese text, by the report's language. */
#define TR(self, en, ja) ((self)->japanese ? (ja) : (en))

typedef struct
{
  char *number;
  char *name;
  char *department;
  char *code;
} ScReportSlip;

typedef struct
{
  ScInterviewRecord *record;
  char              *number;
  char              *name;
  char              *department;
} ScReportInterview;

struct _ScReport
{
  GObject             parent_instance;

  ScVaultRound       *round;
  ScChartConstantSet *constants;
  GPtrArray          *participants;   /* ScParticipant: participation, reminders */
  GPtrArray          *rows;           /* ScResultRow: individual, results, consented, group */
  GPtrArray          *slips;          /* ScReportSlip */
  GPtrArray          *interviews;     /* ScReportInterview */
  ScGroupAnalysis    *group;
  ScGroupTable       *release_table;  /* group report of a released analysis, or NULL */
  char               *released_by;
  char               *release_title;
  gint64              released_at;
  ScAdvice           *advice;
  char               *contact;
  char               *help_text;      /* the implementer's (Settings), or NULL: built-in */
  char               *printed_on;
  char               *scope;          /* the filters, as printed; or NULL */
  char               *settings[10];   /* the SC_REPORT_SETTING_* values, in header order */

  ScReportKind        kind;
  ScVaultRole         role;
  gboolean            japanese;
  ScRoundCounts       counts;
  guint               n_pages;
};

/* Draws @text (plain, wrapped to @width) at (@x, @y); returns its height. */
double   sc_report_text         (ScReport   *self,
                                 cairo_t    *cr,
                                 double      x,
                                 double      y,
                                 double      width,
                                 double      size,
                                 gboolean    bold,
                                 const char *text);

/* Same, with @align (PANGO_ALIGN_*) inside @width. */
double   sc_report_text_aligned (ScReport   *self,
                                 cairo_t    *cr,
                                 double      x,
                                 double      y,
                                 double      width,
                                 double      size,
                                 gboolean    bold,
                                 PangoAlignment align,
                                 const char *text);

/* The header every page carries (title, round, date, criteria, constants) and the
 * footer (page number); returns the y where the body starts. */
double   sc_report_draw_header  (ScReport   *self,
                                 cairo_t    *cr,
                                 double      top,
                                 const char *title,
                                 guint       page,
                                 guint       n_pages);

/* The criteria of the round as one line. */
char    *sc_report_criteria_text (ScReport  *self);

void     sc_report_draw_individual_page (ScReport *self, cairo_t *cr, guint page);
void     sc_report_draw_slips_page      (ScReport *self, cairo_t *cr, guint page);
void     sc_report_draw_list_page       (ScReport *self, cairo_t *cr, guint page);
void     sc_report_draw_group_page      (ScReport *self, cairo_t *cr, guint page);
void     sc_report_draw_release_page    (ScReport *self, cairo_t *cr, guint page);

/* The group report of release @release_id (sc-report-release.c): checks that it is in
 * force and belongs to the report's round, opens it with HR's key and keeps the table. */
gboolean sc_report_gather_release       (ScReport  *self,
                                         ScVault   *vault,
                                         gint64     release_id,
                                         GError   **error);

/* The column titles of the group table (10: the last is the change of total risk). */
void     sc_report_group_titles         (ScReport     *self,
                                         const char  **titles);

/* Under the group table: the small-group rule, what Change means (@with_change), and
 * the caption of the constants. */
void     sc_report_group_notes          (ScReport     *self,
                                         cairo_t      *cr,
                                         double        y,
                                         const char   *caption,
                                         gboolean      with_change);

/* The header of a page of judgement charts of @sex; returns the y where the body starts. */
double   sc_report_draw_charts_header   (ScReport     *self,
                                         cairo_t      *cr,
                                         ScSex         sex,
                                         guint         page);

/* Why a group's figures are not shown, in the report's language. */
const char *sc_report_suppression_text  (ScReport          *self,
                                         ScGroupSuppression suppression);
void     sc_report_draw_interviews_page (ScReport *self, cairo_t *cr, guint page);
void     sc_report_draw_labour_page     (ScReport *self, cairo_t *cr, guint page);

/* A table: @n_columns columns of @widths (points), a bold header row, then @n_rows rows of
 * @cells (row-major, NULL cells empty); returns the y below it. */
double   sc_report_table        (ScReport           *self,
                                 cairo_t            *cr,
                                 double              x,
                                 double              y,
                                 double              size,
                                 guint               n_columns,
                                 const double       *widths,
                                 const char * const *titles,
                                 guint               n_rows,
                                 const char * const *cells);

/* The number of pages of the list kinds (participation, results, consented). */
guint    sc_report_list_n_rows          (ScReport *self);

G_END_DECLS
