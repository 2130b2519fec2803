/* sc-chart.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The charts, drawn with cairo and PangoCairo only, so that the kiosk result page, the
 * implementer's workspace and the PDF reports all draw the very same picture:
 *
 *  - the stress profile of one respondent (all 19 scales, 評価点 1-5, grouped by area);
 *  - the two judgement charts of the group analysis (仕事のストレス判定図):
 *    量－コントロール判定図 and 職場の支援判定図, with their iso-risk lines.
 *
 * Every function draws into the rectangle (0, 0)-(@width, @height) of the user space of
 * the cairo context it is given, in whatever unit that is (pixels on screen, points in a
 * PDF), and leaves the context's state as it found it. Nothing relies on colour alone:
 * every score and every iso-risk line carries its number, and every point its name.
 *
 * Geometry helpers (the _layout() and _map() functions) compute, without drawing, where
 * things go. The drawing functions use them, so widgets can use them for hit-testing and
 * tests can check the picture against them.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "sc-bjsq.h"
#include "sc-chart-constants.h"
#include "sc-score.h"

G_BEGIN_DECLS

#define SC_CHART_ERROR (sc_chart_error_quark ())

typedef enum
{
  SC_CHART_ERROR_FAILED,        /* cairo could not create or write the surface */
} ScChartError;

/* The default font family list: a Japanese-capable family first. */
#define SC_CHART_FONT_FAMILY "Noto Sans CJK JP, Sans"

/**
 * ScChartColor:
 * An sRGB colour with alpha, each channel 0-1 (the fields of GdkRGBA, in double).
 */
typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} ScChartColor;

/**
 * ScChartProfileLabels:
 * @scales: the name of each scale's row, by ScScale
 * @sections: each area's heading, by ScSection
 * @value_heading: the heading of the 1-5 axis (評価点)
 * @end_high: the high-stress end of the axis, with its arrow (← ストレス高い)
 * @end_low: the low-stress end, with its arrow (ストレス低い →)
 * @missing: printed in the row of a scale without a score
 *
 * The words of the stress profile. The strings are borrowed, not copied.
 */
typedef struct
{
  const char *scales[SC_BJSQ_N_SCALES];
  const char *sections[SC_BJSQ_N_SECTIONS];
  const char *value_heading;
  const char *end_high;
  const char *end_low;
  const char *missing;
} ScChartProfileLabels;

/* The official Japanese words of the form, as printed on every result sheet. */
void          sc_chart_profile_labels_init_japanese   (ScChartProfileLabels *labels);

/* The words in the language of the user interface (gettext, GETTEXT_PACKAGE): English
 * words translated with the catalog in use, Japanese in a Japanese user interface. */
void          sc_chart_profile_labels_init_translated (ScChartProfileLabels *labels);

/**
 * ScChartStyle:
 * @foreground: text, axes, the national-average marker and the R = 100 line
 * @background: painted over the whole chart first; alpha 0 leaves the target as it is.
 *   Its colour is still used, opaque, behind labels, around markers and mixed into the
 *   bars, so set it to the colour the chart is drawn on.
 * @accent: the low-stress side of the profile (評価点 4-5) and the group points
 * @caution: the high-stress side of the profile (評価点 1-2), iso-risk lines above 100
 *   and the 要確認 note; distinguishable from @accent with any colour vision
 * @muted: secondary text, grid lines, iso-risk lines below 100, 評価点 3
 * @font_family: a Pango family list; the strings are borrowed, not copied
 * @font_size: body text size in user units (px on screen, pt in a PDF). It is the
 *   largest size used: a chart shrinks its text to fit a small rectangle.
 * @high_contrast: solid colours, no tints, thicker lines and outlines
 * @profile_labels: the words of the stress profile, borrowed; NULL (what the _init
 *   functions set) for the official Japanese ones
 *
 * Initialize with one of the _init functions, then change what you need.
 */
typedef struct
{
  ScChartColor  foreground;
  ScChartColor  background;
  ScChartColor  accent;
  ScChartColor  caution;
  ScChartColor  muted;
  const char   *font_family;
  double        font_size;
  gboolean      high_contrast;
  const ScChartProfileLabels *profile_labels;
} ScChartStyle;

/* Light theme, Okabe–Ito colours (blue / vermillion, safe for colour-blind viewers). */
void          sc_chart_style_init_default       (ScChartStyle       *style);

/* Black on white, pure colours, thicker lines (contrast ≥ 7:1 for every colour). */
void          sc_chart_style_init_high_contrast (ScChartStyle       *style);

/* Light text on a dark background, for a dark desktop theme. */
void          sc_chart_style_init_dark          (ScChartStyle       *style);

/* ---- stress profile -------------------------------------------------------------- */

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} ScChartRect;

/**
 * ScChartProfileLayout:
 * Where sc_chart_draw_profile() puts things. Indices are ScScale and ScSection.
 * @font_size: the text size actually used (≤ style->font_size)
 * @track: the 1-5 plot area spanning every scale row
 * @score_x: the x of the centre of each 評価点 column (index 0 = 評価点 1)
 * @row: each scale's row (label, track and number), full width
 * @label: the column of the scale name (left-aligned, indented under its area heading)
 * @bar: each scale's bar, from the "ストレス高い" end of the track to its 評価点; width 0
 *   when the scale is missing
 * @marker_x, @marker_y, @marker_radius: the dot at the end of the bar; @marker_x is the
 *   score_x of the scale's 評価点, or the track's left edge when missing
 * @value: where the 評価点 is printed, just right of the dot; for a missing scale, where
 *   「—（未回答）」 is printed, at the start of the track
 * @section: each area's heading row
 * @present: whether the scale has a 評価点
 */
typedef struct
{
  double       font_size;
  ScChartRect  track;
  double       score_x[5];
  ScChartRect  row[SC_BJSQ_N_SCALES];
  ScChartRect  label[SC_BJSQ_N_SCALES];
  ScChartRect  bar[SC_BJSQ_N_SCALES];
  double       marker_x[SC_BJSQ_N_SCALES];
  double       marker_y[SC_BJSQ_N_SCALES];
  double       marker_radius;
  ScChartRect  value[SC_BJSQ_N_SCALES];
  ScChartRect  section[SC_BJSQ_N_SECTIONS];
  gboolean     present[SC_BJSQ_N_SCALES];
} ScChartProfileLayout;

/**
 * sc_chart_profile_layout:
 * @result: (nullable): the result; %NULL lays out every scale as present (for hit-testing
 *   before a result exists)
 * @style: (nullable): %NULL for the default style
 *
 * Computes the geometry of the stress profile in a @width × @height rectangle.
 */
void          sc_chart_profile_layout           (double                  width,
                                                 double                  height,
                                                 const ScResult         *result,
                                                 const ScChartStyle     *style,
                                                 ScChartProfileLayout   *layout);

/**
 * sc_chart_profile_score_x:
 * Returns: the x of a 評価点 (1-5, fractions allowed, e.g. a group mean) on the track.
 */
double        sc_chart_profile_score_x          (const ScChartProfileLayout *layout,
                                                 double                  score);

/**
 * sc_chart_draw_profile:
 * @style: (nullable): %NULL for the default style
 *
 * Draws the stress profile of one respondent: the 19 scales grouped by area (A 仕事の
 * ストレス要因, B 心身のストレス反応, C 周囲のサポート, D 満足度), each a bar on the
 * 評価点 axis 1-5 with 「ストレス高い」 at 1 (left) and 「ストレス低い」 at 5 (right),
 * its number printed beside it. A missing scale shows 「—（未回答）」 and no bar.
 */
void          sc_chart_draw_profile             (cairo_t                *cr,
                                                 double                  width,
                                                 double                  height,
                                                 const ScResult         *result,
                                                 const ScChartStyle     *style);

/* ---- judgement charts (仕事のストレス判定図) -------------------------------------------- */

typedef enum
{
  SC_CHART_DEMAND_CONTROL,  /* 量－コントロール判定図: x コントロール, y 量的負担 → 健康リスク(A) */
  SC_CHART_SUPPORT,         /* 職場の支援判定図: x 上司の支援, y 同僚の支援 → 健康リスク(B) */
} ScChartJudgement;

/* Both axes of both charts run over the chart scale range. */
#define SC_CHART_AXIS_MIN 3.0
#define SC_CHART_AXIS_MAX 12.0

/* The iso-risk lines drawn: 80, 90, … 150. */
#define SC_CHART_N_ISO_LINES 8

/**
 * ScChartPoint:
 * One plotted group: its name (borrowed) and its means on the chart's axes. The caller
 * decides what to plot; suppressed groups must never be passed.
 */
typedef struct
{
  const char *label;
  double      x;
  double      y;
} ScChartPoint;

/**
 * ScChartJudgementLayout:
 * @font_size: the text size actually used
 * @title: the chart title row
 * @plot: the square data area, (3, 3) at its bottom-left and (12, 12) at its top-right
 * @caption: the constants' source (and 要確認 note) below the axes
 * @note: the part of @caption holding the 要確認 note; empty when the set is verified
 */
typedef struct
{
  double       font_size;
  ScChartRect  title;
  ScChartRect  plot;
  ScChartRect  caption;
  ScChartRect  note;
} ScChartJudgementLayout;

/* The iso-risk value of line @index (0 … SC_CHART_N_ISO_LINES − 1): 80 + 10·index. */
double        sc_chart_iso_risk                 (guint                   index);

/**
 * sc_chart_judgement_risk:
 * Returns: the health risk of the point (@x, @y) of chart @kind: 健康リスク(A) for
 *   SC_CHART_DEMAND_CONTROL (x = control, y = demand), (B) for SC_CHART_SUPPORT.
 */
double        sc_chart_judgement_risk           (ScChartJudgement        kind,
                                                 const ScChartConstants *constants,
                                                 double                  x,
                                                 double                  y);

/**
 * sc_chart_iso_line:
 * @risk: the iso-risk value R (> 0)
 * @x0, @y0, @x1, @y1: (out): the ends of the part of the line inside the axis square, in
 *   data units; (@x0, @y0) is the end with the smaller x
 *
 * The iso-risk line (y − A0)·α + (x − B0)·β = ln(R/100) (demand-control), or
 * (x − C0)·γ + (y − D0)·δ = ln(R/100) (support), clipped to [3, 12] × [3, 12].
 *
 * Returns: %FALSE when the line misses the square (nothing to draw).
 */
gboolean      sc_chart_iso_line                 (ScChartJudgement        kind,
                                                 const ScChartConstants *constants,
                                                 double                  risk,
                                                 double                 *x0,
                                                 double                 *y0,
                                                 double                 *x1,
                                                 double                 *y1);

/**
 * sc_chart_judgement_caption:
 * Returns: (transfer full): the caption printed under a judgement chart: the name and
 *   source of @constants, and, when the set is not verified, the line
 *   「定数は要確認（未検証）: <source>」.
 */
char         *sc_chart_judgement_caption        (const ScChartConstantSet *constants);

/**
 * sc_chart_judgement_layout:
 * @style: (nullable): %NULL for the default style
 *
 * Computes the geometry of a judgement chart of @constants in a @width × @height rectangle.
 */
void          sc_chart_judgement_layout         (double                  width,
                                                 double                  height,
                                                 const ScChartConstantSet *constants,
                                                 const ScChartStyle     *style,
                                                 ScChartJudgementLayout *layout);

/**
 * sc_chart_judgement_map:
 * Maps the data point (@x, @y) (axis units, 3-12) to user space.
 */
void          sc_chart_judgement_map            (const ScChartJudgementLayout *layout,
                                                 double                  x,
                                                 double                  y,
                                                 double                 *px,
                                                 double                 *py);

/**
 * sc_chart_draw_judgement:
 * @constants: the constant set; its constants of @sex are used, and its name and source
 *   are printed under the chart
 * @points: (array length=n_points) (nullable): the groups to plot
 * @style: (nullable): %NULL for the default style
 *
 * Draws a judgement chart: axes 3-12 with a tick at every integer, the iso-risk lines
 * 80 … 150 each labelled with its value, the national average (全国平均) and the points.
 */
void          sc_chart_draw_judgement           (cairo_t                *cr,
                                                 double                  width,
                                                 double                  height,
                                                 ScChartJudgement        kind,
                                                 const ScChartConstantSet *constants,
                                                 ScSex                   sex,
                                                 const ScChartPoint     *points,
                                                 gsize                   n_points,
                                                 const ScChartStyle     *style);

/**
 * sc_chart_draw_demand_control:
 * 量－コントロール判定図: x = 仕事のコントロール (job_control mean), y = 仕事の量的負担
 * (quantitative_demand mean). See sc_chart_draw_judgement().
 */
void          sc_chart_draw_demand_control      (cairo_t                *cr,
                                                 double                  width,
                                                 double                  height,
                                                 const ScChartConstantSet *constants,
                                                 ScSex                   sex,
                                                 const ScChartPoint     *points,
                                                 gsize                   n_points,
                                                 const ScChartStyle     *style);

/**
 * sc_chart_draw_support:
 * 職場の支援判定図: x = 上司の支援 (supervisor_support mean), y = 同僚の支援
 * (coworker_support mean). See sc_chart_draw_judgement().
 */
void          sc_chart_draw_support             (cairo_t                *cr,
                                                 double                  width,
                                                 double                  height,
                                                 const ScChartConstantSet *constants,
                                                 ScSex                   sex,
                                                 const ScChartPoint     *points,
                                                 gsize                   n_points,
                                                 const ScChartStyle     *style);

/* ---- rendering to files ------------------------------------------------------------ */

/**
 * ScChartDrawFunc:
 * Draws one chart into (0, 0)-(@width, @height) of @cr.
 */
typedef void (*ScChartDrawFunc) (cairo_t  *cr,
                                 double    width,
                                 double    height,
                                 gpointer  user_data);

GQuark            sc_chart_error_quark          (void);

/**
 * sc_chart_render_image:
 * Returns: (transfer full): a new @width × @height ARGB32 image surface holding what
 *   @draw drew (check cairo_surface_status()).
 */
cairo_surface_t  *sc_chart_render_image         (int                     width,
                                                 int                     height,
                                                 ScChartDrawFunc         draw,
                                                 gpointer                user_data);

/* Renders @draw to a PNG file of @width × @height pixels. */
gboolean          sc_chart_render_png           (const char             *path,
                                                 int                     width,
                                                 int                     height,
                                                 ScChartDrawFunc         draw,
                                                 gpointer                user_data,
                                                 GError                **error);

/* Renders @draw to a one-page PDF file of @width × @height points, fonts embedded. */
gboolean          sc_chart_render_pdf           (const char             *path,
                                                 double                  width,
                                                 double                  height,
                                                 ScChartDrawFunc         draw,
                                                 gpointer                user_data,
                                                 GError                **error);

G_END_DECLS
