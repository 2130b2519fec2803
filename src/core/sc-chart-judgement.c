/* sc-chart-judgement.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The judgement charts of the group analysis (仕事のストレス判定図, spec §6): the
 * 量－コントロール判定図 and the 職場の支援判定図, with their iso-risk lines, the national
 * average and the groups, and the constants' source printed under each chart.
 */
#define G_LOG_DOMAIN "sc-chart"

#include "config.h"

#include "sc-chart.h"
#include "sc-chart-private.h"

#include <math.h>
#include <string.h>

#define NOTE_PREFIX "定数は要確認（未検証）: "
#define LEGEND_TEXT "線の数値は健康リスク（全国平均 = 100）。数値が大きいほど健康問題が起きやすい。"
#define AVERAGE_TEXT "全国平均"

#define PAD_UNITS        0.6
#define TITLE_UNITS      2.0
#define Y_TITLE_UNITS    1.7
#define TICKS_UNITS      1.6
#define X_TITLE_UNITS    1.7
#define CAPTION_GAP      0.5
#define CAPTION_SIZE     0.8
#define TICK_SIZE        0.85
#define MIN_PLOT_UNITS   14.0
#define MIN_FONT_SIZE    6.0

typedef struct
{
  const char *title;
  const char *x_title;
  const char *y_title;
} ChartTexts;

static const ChartTexts chart_texts[] = {
  [SC_CHART_DEMAND_CONTROL] = { "量－コントロール判定図", "仕事のコントロール →",
                                "↑ 仕事の量的負担" },
  [SC_CHART_SUPPORT] = { "職場の支援判定図", "上司の支援 →", "↑ 同僚の支援" },
};

/* ---- geometry ------------------------------------------------------------------------ */

/* Both charts have the form ln(R/100) = a·(x − x0) + b·(y − y0). */
static void
chart_coefficients (ScChartJudgement        kind,
                    const ScChartConstants *c,
                    double                 *a,
                    double                 *b,
                    double                 *x0,
                    double                 *y0)
{
  if (kind == SC_CHART_DEMAND_CONTROL)
    {
      *a = c->beta;
      *b = c->alpha;
      *x0 = c->b0;
      *y0 = c->a0;
    }
  else
    {
      *a = c->gamma;
      *b = c->delta;
      *x0 = c->c0;
      *y0 = c->d0;
    }
}

double
sc_chart_iso_risk (guint index)
{
  return 80.0 + 10.0 * index;
}

double
sc_chart_judgement_risk (ScChartJudgement        kind,
                         const ScChartConstants *constants,
                         double                  x,
                         double                  y)
{
  double risk;

  g_return_val_if_fail (constants != NULL, 0.0);

  /* The formulas of sc_chart_risk(), so the chart shows what the analysis computes. */
  if (kind == SC_CHART_DEMAND_CONTROL)
    sc_chart_risk (constants, y, x, constants->c0, constants->d0, &risk, NULL, NULL);
  else
    sc_chart_risk (constants, constants->a0, constants->b0, x, y, NULL, &risk, NULL);
  return risk;
}

gboolean
sc_chart_iso_line (ScChartJudgement        kind,
                   const ScChartConstants *constants,
                   double                  risk,
                   double                 *x0,
                   double                 *y0,
                   double                 *x1,
                   double                 *y1)
{
  double a, b, cx, cy, k, norm2, px, py, dx, dy, t0 = -G_MAXDOUBLE, t1 = G_MAXDOUBLE;
  double p[4], q[4];

  g_return_val_if_fail (constants != NULL, FALSE);
  g_return_val_if_fail (risk > 0.0, FALSE);
  g_return_val_if_fail (x0 != NULL && y0 != NULL && x1 != NULL && y1 != NULL, FALSE);

  chart_coefficients (kind, constants, &a, &b, &cx, &cy);
  norm2 = a * a + b * b;
  if (!(norm2 > 0.0) || !isfinite (norm2))
    return FALSE;

  /* The foot of the perpendicular from the national average, then along the line. */
  k = log (risk / 100.0);
  px = cx + k * a / norm2;
  py = cy + k * b / norm2;
  dx = b;
  dy = -a;

  /* Liang–Barsky against the axis square. */
  p[0] = -dx; q[0] = px - SC_CHART_AXIS_MIN;
  p[1] = dx;  q[1] = SC_CHART_AXIS_MAX - px;
  p[2] = -dy; q[2] = py - SC_CHART_AXIS_MIN;
  p[3] = dy;  q[3] = SC_CHART_AXIS_MAX - py;
  for (guint i = 0; i < 4; i++)
    {
      if (p[i] == 0.0)
        {
          if (q[i] < 0.0)
            return FALSE;
          continue;
        }
      if (p[i] < 0.0)
        t0 = MAX (t0, q[i] / p[i]);
      else
        t1 = MIN (t1, q[i] / p[i]);
    }
  if (!(t0 < t1))
    return FALSE;

  *x0 = px + t0 * dx;
  *y0 = py + t0 * dy;
  *x1 = px + t1 * dx;
  *y1 = py + t1 * dy;
  if (*x0 > *x1 || (*x0 == *x1 && *y0 > *y1))
    {
      double tx = *x0, ty = *y0;

      *x0 = *x1;
      *y0 = *y1;
      *x1 = tx;
      *y1 = ty;
    }
  return TRUE;
}

char *
sc_chart_judgement_caption (const ScChartConstantSet *constants)
{
  GString *text;

  g_return_val_if_fail (constants != NULL, NULL);

  text = g_string_new (NULL);
  if (!constants->verified)
    g_string_append_printf (text, NOTE_PREFIX "%s\n", constants->source);
  g_string_append_printf (text, "定数: %s", constants->name);
  if (constants->verified)
    g_string_append_printf (text, "（出典: %s）", constants->source);
  return g_string_free (text, FALSE);
}

/* The note line alone, or %NULL for a verified set. */
static char *
note_text (const ScChartConstantSet *constants)
{
  if (constants->verified)
    return NULL;
  return g_strconcat (NOTE_PREFIX, constants->source, NULL);
}

/* The caption below the note: the set's name (and source, when verified) and the legend. */
static char *
source_text (const ScChartConstantSet *constants)
{
  if (constants->verified)
    return g_strdup_printf ("定数: %s（出典: %s）\n" LEGEND_TEXT, constants->name,
                            constants->source);
  return g_strdup_printf ("定数: %s\n" LEGEND_TEXT, constants->name);
}

static double
measure_wrapped (const ScChartStyle *style,
                 double              size,
                 gboolean            bold,
                 const char         *text,
                 double              width)
{
  PangoLayout *layout = sc_chart_text_new (NULL, style, size, bold, text);
  double h;

  pango_layout_set_width (layout, (int) (MAX (width, 1.0) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  sc_chart_text_size (layout, NULL, &h);
  g_object_unref (layout);
  return h;
}

static double
measure_width (const ScChartStyle *style,
               double              size,
               gboolean            bold,
               const char         *text)
{
  PangoLayout *layout = sc_chart_text_new (NULL, style, size, bold, text);
  double w;

  sc_chart_text_size (layout, &w, NULL);
  g_object_unref (layout);
  return w;
}

void
sc_chart_judgement_layout (double                    width,
                           double                    height,
                           const ScChartConstantSet *constants,
                           const ScChartStyle       *style,
                           ScChartJudgementLayout   *layout)
{
  g_autofree char *note = NULL;
  g_autofree char *source = NULL;
  double fs;

  g_return_if_fail (constants != NULL);
  g_return_if_fail (layout != NULL);

  style = sc_chart_style_resolve (style);
  memset (layout, 0, sizeof *layout);
  width = MAX (width, 1.0);
  height = MAX (height, 1.0);
  note = note_text (constants);
  source = source_text (constants);

  fs = MAX (style->font_size, MIN_FONT_SIZE);
  for (;;)
    {
      double pad = PAD_UNITS * fs;
      double tick_w = measure_width (style, TICK_SIZE * fs, FALSE, "12") + 0.8 * fs;
      double block_w = width - 2 * pad - 1.0 * fs;
      double side = 0, note_h = 0, source_h = 0, caption_h = 0, caption_w = 0, fixed_h, top;

      /* The caption wraps to about the width of the plot block, which depends on the
       * caption's height: two rounds come close enough. The caption keeps the width it
       * was measured at, so its text never needs more room than was set aside. */
      for (guint round = 0; round < 2; round++)
        {
          double text_w = block_w - (note != NULL ? 1.2 * fs : 0.0);

          caption_w = block_w;
          note_h = note != NULL
                   ? measure_wrapped (style, CAPTION_SIZE * fs, TRUE, note, text_w) + 0.6 * fs
                   : 0.0;
          source_h = measure_wrapped (style, CAPTION_SIZE * fs, FALSE, source, block_w);
          caption_h = CAPTION_GAP * fs + note_h + (note != NULL ? 0.4 * fs : 0.0) + source_h;
          fixed_h = 2 * pad + (TITLE_UNITS + Y_TITLE_UNITS + TICKS_UNITS + X_TITLE_UNITS) * fs
                    + caption_h;
          side = MIN (width - 2 * pad - tick_w - 1.0 * fs, height - fixed_h);
          block_w = tick_w + side + 1.0 * fs;
        }

      /* Too small a plot for this text size: shrink the text and try again. */
      if (side < MIN_PLOT_UNITS * fs && fs > MIN_FONT_SIZE)
        {
          fs = MAX (fs * 0.9, MIN_FONT_SIZE);
          continue;
        }

      side = MAX (side, 1.0);
      fixed_h = (TITLE_UNITS + Y_TITLE_UNITS + TICKS_UNITS + X_TITLE_UNITS) * fs + caption_h;
      top = MAX ((height - fixed_h - side) / 2.0, pad);

      layout->font_size = fs;
      layout->plot.x = (width - block_w) / 2.0 + tick_w;
      layout->plot.width = side;
      layout->plot.height = side;
      layout->title = (ScChartRect) { pad, top, width - 2 * pad, TITLE_UNITS * fs };
      layout->plot.y = top + (TITLE_UNITS + Y_TITLE_UNITS) * fs;
      layout->caption = (ScChartRect) {
        (width - caption_w) / 2.0,
        layout->plot.y + side + (TICKS_UNITS + X_TITLE_UNITS + CAPTION_GAP) * fs,
        caption_w,
        caption_h - CAPTION_GAP * fs,
      };
      if (note != NULL)
        layout->note = (ScChartRect) { layout->caption.x, layout->caption.y,
                                       layout->caption.width, note_h };
      else
        layout->note = (ScChartRect) { layout->caption.x, layout->caption.y, 0.0, 0.0 };
      break;
    }
}

void
sc_chart_judgement_map (const ScChartJudgementLayout *layout,
                        double                        x,
                        double                        y,
                        double                       *px,
                        double                       *py)
{
  const double span = SC_CHART_AXIS_MAX - SC_CHART_AXIS_MIN;

  g_return_if_fail (layout != NULL);

  if (px != NULL)
    *px = layout->plot.x + (x - SC_CHART_AXIS_MIN) / span * layout->plot.width;
  if (py != NULL)
    *py = layout->plot.y + layout->plot.height
          - (y - SC_CHART_AXIS_MIN) / span * layout->plot.height;
}

/* ---- label placement ------------------------------------------------------------------ */

/* Rectangles already taken by labels and markers, so that later labels avoid them. */
typedef struct
{
  GArray *rects;
} Placement;

static double
overlap (const ScChartRect *a,
         const ScChartRect *b)
{
  double w = MIN (a->x + a->width, b->x + b->width) - MAX (a->x, b->x);
  double h = MIN (a->y + a->height, b->y + b->height) - MAX (a->y, b->y);

  return (w > 0 && h > 0) ? w * h : 0.0;
}

static double
placement_cost (const Placement   *placement,
                const ScChartRect *r,
                const ScChartRect *bounds)
{
  double cost = 0.0;
  double inside;

  for (guint i = 0; i < placement->rects->len; i++)
    cost += overlap (r, &g_array_index (placement->rects, ScChartRect, i));

  /* Leaving the plot costs more than touching another label. */
  inside = overlap (r, bounds);
  cost += 4.0 * (r->width * r->height - inside);
  return cost;
}

static void
placement_take (Placement         *placement,
                const ScChartRect *r)
{
  g_array_append_val (placement->rects, *r);
}

/* ---- drawing ------------------------------------------------------------------------- */

static void
draw_label_box (cairo_t            *cr,
                const ScChartStyle *style,
                PangoLayout        *layout,
                const ScChartRect  *r,
                double              halo,
                const ScChartColor *color)
{
  double h;

  sc_chart_text_size (layout, NULL, &h);
  cairo_save (cr);
  sc_chart_rounded_rect (cr, r->x, r->y, r->width, r->height, halo * 1.5);
  sc_chart_set_background (cr, style);
  cairo_fill (cr);
  cairo_restore (cr);
  sc_chart_text_draw (cr, layout, r->x + halo, r->y + (r->height - h) / 2.0, color);
}

static void
draw_text_at (cairo_t            *cr,
              const ScChartStyle *style,
              double              size,
              gboolean            bold,
              const char         *text,
              double              x,
              double              y_center,
              double              align,
              const ScChartColor *color)
{
  PangoLayout *layout = sc_chart_text_new (cr, style, size, bold, text);
  double w, h;

  sc_chart_text_size (layout, &w, &h);
  sc_chart_text_draw (cr, layout, x - align * w, y_center - h / 2.0, color);
  g_object_unref (layout);
}

static void
draw_axes (cairo_t                      *cr,
           const ScChartStyle           *style,
           const ScChartJudgementLayout *l,
           ScChartJudgement              kind)
{
  const ScChartRect *p = &l->plot;
  double fs = l->font_size;
  double unit = sc_chart_line_unit (style, fs);
  double tick = 0.35 * fs;

  /* Grid at every integer, kept faint (also in high contrast, where it is opaque) so
   * that it never competes with the iso-risk lines. */
  cairo_save (cr);
  cairo_set_line_width (cr, unit * 0.7);
  if (style->high_contrast)
    {
      ScChartColor grid = sc_chart_color_mix (&style->background, &style->muted, 0.4);

      sc_chart_set_color (cr, &grid);
    }
  else
    {
      cairo_set_source_rgba (cr, style->muted.red, style->muted.green, style->muted.blue, 0.22);
    }
  for (int v = (int) SC_CHART_AXIS_MIN + 1; v < (int) SC_CHART_AXIS_MAX; v++)
    {
      double x, y;

      sc_chart_judgement_map (l, v, v, &x, &y);
      cairo_move_to (cr, x, p->y);
      cairo_line_to (cr, x, p->y + p->height);
      cairo_move_to (cr, p->x, y);
      cairo_line_to (cr, p->x + p->width, y);
    }
  cairo_stroke (cr);

  /* Frame, ticks and tick labels. */
  cairo_set_line_width (cr, unit * 1.2);
  sc_chart_set_color (cr, &style->foreground);
  cairo_rectangle (cr, p->x, p->y, p->width, p->height);
  for (int v = (int) SC_CHART_AXIS_MIN; v <= (int) SC_CHART_AXIS_MAX; v++)
    {
      double x, y;

      sc_chart_judgement_map (l, v, v, &x, &y);
      cairo_move_to (cr, x, p->y + p->height);
      cairo_line_to (cr, x, p->y + p->height + tick);
      cairo_move_to (cr, p->x, y);
      cairo_line_to (cr, p->x - tick, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  for (int v = (int) SC_CHART_AXIS_MIN; v <= (int) SC_CHART_AXIS_MAX; v++)
    {
      char number[4];
      double x, y;

      g_snprintf (number, sizeof number, "%d", v);
      sc_chart_judgement_map (l, v, v, &x, &y);
      draw_text_at (cr, style, TICK_SIZE * fs, FALSE, number, x,
                    p->y + p->height + tick + 0.65 * fs, 0.5, &style->foreground);
      draw_text_at (cr, style, TICK_SIZE * fs, FALSE, number, p->x - tick - 0.25 * fs, y,
                    1.0, &style->foreground);
    }

  /* Axis titles at the ends of their axes, arrows pointing the way values grow. */
  draw_text_at (cr, style, 0.95 * fs, TRUE, chart_texts[kind].y_title, p->x - 0.45 * fs,
                p->y - 0.85 * fs, 0.0, &style->foreground);
  draw_text_at (cr, style, 0.95 * fs, TRUE, chart_texts[kind].x_title, p->x + p->width,
                p->y + p->height + (TICKS_UNITS + 0.75) * fs, 1.0, &style->foreground);
}

/* Line colour, width and dash of iso-risk line @risk: below 100 muted and dashed, 100 in
 * the foreground colour, above 100 in the caution colour, heavier as the risk grows. */
static const ScChartColor *
iso_line_style (cairo_t            *cr,
                const ScChartStyle *style,
                double              unit,
                double              risk)
{
  if (risk < 99.5)
    {
      double dash[2] = { 4.0 * unit, 3.0 * unit };

      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_line_width (cr, unit * 1.1);
      return &style->muted;
    }
  cairo_set_dash (cr, NULL, 0, 0);
  if (risk < 100.5)
    {
      cairo_set_line_width (cr, unit * 2.0);
      return &style->foreground;
    }
  cairo_set_line_width (cr, unit * (1.1 + (risk - 100.0) / 50.0 * 0.9));
  return &style->caution;
}

static void
draw_iso_lines (cairo_t                      *cr,
                const ScChartStyle           *style,
                const ScChartJudgementLayout *l,
                ScChartJudgement              kind,
                const ScChartConstants       *c,
                Placement                    *placement)
{
  const ScChartRect *p = &l->plot;
  double fs = l->font_size;
  double unit = sc_chart_line_unit (style, fs);
  double halo = 0.2 * fs;

  cairo_save (cr);
  cairo_rectangle (cr, p->x, p->y, p->width, p->height);
  cairo_clip (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  for (guint i = 0; i < SC_CHART_N_ISO_LINES; i++)
    {
      double risk = sc_chart_iso_risk (i);
      double x0, y0, x1, y1, ax, ay, bx, by;
      const ScChartColor *color;

      if (!sc_chart_iso_line (kind, c, risk, &x0, &y0, &x1, &y1))
        continue;
      sc_chart_judgement_map (l, x0, y0, &ax, &ay);
      sc_chart_judgement_map (l, x1, y1, &bx, &by);
      color = iso_line_style (cr, style, unit, risk);
      sc_chart_set_color (cr, color);
      cairo_move_to (cr, ax, ay);
      cairo_line_to (cr, bx, by);
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  /* Labels, each on its line near the line's upper end, over a halo that hides the line
   * behind the number. */
  for (guint i = 0; i < SC_CHART_N_ISO_LINES; i++)
    {
      double risk = sc_chart_iso_risk (i);
      double x0, y0, x1, y1, ax, ay, bx, by, ex, ey, len, dist, cx, cy, w, h;
      g_autofree char *text = NULL;
      PangoLayout *layout;
      const ScChartColor *color;
      ScChartRect r;

      if (!sc_chart_iso_line (kind, c, risk, &x0, &y0, &x1, &y1))
        continue;
      sc_chart_judgement_map (l, x0, y0, &ax, &ay);
      sc_chart_judgement_map (l, x1, y1, &bx, &by);
      /* (ex, ey) is the upper end (smaller y on screen), (ax, ay) the other. */
      if (by > ay)
        {
          double tx = ax, ty = ay;

          ax = bx;
          ay = by;
          bx = tx;
          by = ty;
        }
      ex = bx;
      ey = by;

      text = g_strdup_printf ("%.0f", risk);
      layout = sc_chart_text_new (cr, style, 0.8 * fs, TRUE, text);
      sc_chart_text_size (layout, &w, &h);
      w += 2 * halo;
      h += 0.2 * halo;

      len = hypot (ax - ex, ay - ey);
      dist = MIN (len / 2.0, hypot (w, h) / 2.0 + 0.3 * fs);
      cx = len > 0 ? ex + (ax - ex) * dist / len : ex;
      cy = len > 0 ? ey + (ay - ey) * dist / len : ey;
      r = (ScChartRect) { cx - w / 2.0, cy - h / 2.0, w, h };
      /* Keep the label inside the plot, however short the line. */
      r.x = CLAMP (r.x, p->x + unit, p->x + p->width - w - unit);
      r.y = CLAMP (r.y, p->y + unit, p->y + p->height - h - unit);

      cairo_save (cr);
      color = iso_line_style (cr, style, unit, risk);
      cairo_restore (cr);
      draw_label_box (cr, style, layout, &r, halo, color);
      placement_take (placement, &r);
      g_object_unref (layout);
    }
}

/* Places and draws the label of a marker at (@mx, @my) of radius @radius. */
static void
draw_point_label (cairo_t            *cr,
                  const ScChartStyle *style,
                  const ScChartRect  *bounds,
                  Placement          *placement,
                  double              fs,
                  double              mx,
                  double              my,
                  double              radius,
                  const char         *text,
                  gboolean            bold,
                  const ScChartColor *color)
{
  /* Candidate positions around the marker: right, left, above, below, then diagonals. */
  static const double offsets[][2] = {
    { 1, 0 }, { -1, 0 }, { 0, -1 }, { 0, 1 }, { 1, -1 }, { -1, -1 }, { 1, 1 }, { -1, 1 },
  };
  PangoLayout *layout;
  double w, h, halo = 0.2 * fs, gap = radius + 0.3 * fs, best_cost = G_MAXDOUBLE;
  ScChartRect best = { 0 };

  /* A very long group name is shortened with an ellipsis rather than cover the chart. */
  layout = sc_chart_text_new (cr, style, 0.9 * fs, bold, text);
  sc_chart_text_size (layout, &w, &h);
  if (w > MAX (bounds->width * 0.5, fs))
    {
      PangoRectangle ink;

      pango_layout_set_width (layout, (int) (MAX (bounds->width * 0.5, fs) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_extents (layout, &ink, NULL);
      w = (double) (ink.x + ink.width) / PANGO_SCALE;
    }
  w += 2 * halo;

  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      double dx = offsets[i][0], dy = offsets[i][1];
      ScChartRect r;
      double cost;

      r.width = w;
      r.height = h;
      r.x = dx > 0 ? mx + gap - halo : dx < 0 ? mx - gap - w + halo : mx - w / 2.0;
      r.y = dy > 0 ? my + gap : dy < 0 ? my - gap - h : my - h / 2.0;
      if (dx != 0 && dy != 0)
        r.y = dy > 0 ? my + radius * 0.3 : my - radius * 0.3 - h;
      cost = placement_cost (placement, &r, bounds);
      if (cost < best_cost - 0.01)
        {
          best_cost = cost;
          best = r;
        }
      if (cost == 0.0)
        break;
    }

  draw_label_box (cr, style, layout, &best, halo, color);
  placement_take (placement, &best);
  g_object_unref (layout);
}

static void
draw_points (cairo_t                      *cr,
             const ScChartStyle           *style,
             const ScChartJudgementLayout *l,
             ScChartJudgement              kind,
             const ScChartConstants       *c,
             const ScChartPoint           *points,
             gsize                         n_points,
             Placement                    *placement)
{
  const ScChartRect *p = &l->plot;
  double fs = l->font_size;
  double unit = sc_chart_line_unit (style, fs);
  double radius = 0.42 * fs;
  double diamond = 0.6 * fs;
  double a, b, x0, y0, ax, ay;

  /* Markers first, all of them, so that no label covers a marker. */
  chart_coefficients (kind, c, &a, &b, &x0, &y0);
  sc_chart_judgement_map (l, x0, y0, &ax, &ay);
  placement_take (placement, &(ScChartRect) { ax - diamond, ay - diamond,
                                              2 * diamond, 2 * diamond });
  for (gsize i = 0; i < n_points; i++)
    {
      double px, py;

      if (!isfinite (points[i].x) || !isfinite (points[i].y))
        continue;
      sc_chart_judgement_map (l, points[i].x, points[i].y, &px, &py);
      placement_take (placement, &(ScChartRect) { px - radius, py - radius,
                                                  2 * radius, 2 * radius });
    }

  /* Markers are not clipped to the plot: a mean of exactly 3 or 12 (every member gave
   * the same extreme answers) sits on the frame and must still show whole. */
  cairo_save (cr);

  /* The national average: a diamond, a shape no group point has. */
  cairo_move_to (cr, ax, ay - diamond);
  cairo_line_to (cr, ax + diamond, ay);
  cairo_line_to (cr, ax, ay + diamond);
  cairo_line_to (cr, ax - diamond, ay);
  cairo_close_path (cr);
  sc_chart_set_background (cr, style);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 1.5 * unit);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  sc_chart_set_color (cr, &style->foreground);
  cairo_stroke (cr);
  cairo_arc (cr, ax, ay, 0.2 * fs, 0, 2 * G_PI);
  cairo_fill (cr);

  for (gsize i = 0; i < n_points; i++)
    {
      double px, py;

      if (!isfinite (points[i].x) || !isfinite (points[i].y))
        continue;
      sc_chart_judgement_map (l, points[i].x, points[i].y, &px, &py);
      cairo_arc (cr, px, py, radius + 1.2 * unit, 0, 2 * G_PI);
      sc_chart_set_background (cr, style);
      cairo_fill (cr);
      cairo_arc (cr, px, py, radius, 0, 2 * G_PI);
      sc_chart_set_color (cr, &style->accent);
      cairo_fill (cr);
    }
  cairo_restore (cr);

  draw_point_label (cr, style, p, placement, fs, ax, ay, diamond, AVERAGE_TEXT, FALSE,
                    &style->foreground);
  for (gsize i = 0; i < n_points; i++)
    {
      double px, py;

      if (!isfinite (points[i].x) || !isfinite (points[i].y) || points[i].label == NULL)
        continue;
      sc_chart_judgement_map (l, points[i].x, points[i].y, &px, &py);
      draw_point_label (cr, style, p, placement, fs, px, py, radius, points[i].label, TRUE,
                        &style->accent);
    }
}

static void
draw_caption (cairo_t                      *cr,
              const ScChartStyle           *style,
              const ScChartJudgementLayout *l,
              const ScChartConstantSet     *constants)
{
  g_autofree char *note = note_text (constants);
  g_autofree char *source = source_text (constants);
  double fs = l->font_size;
  double y = l->caption.y;
  PangoLayout *layout;

  if (note != NULL)
    {
      const ScChartRect *n = &l->note;
      double unit = sc_chart_line_unit (style, fs);

      /* A tinted box with a bar in the caution colour: seen at a glance, and in
       * greyscale print the box and bar still set it apart from the rest. */
      cairo_save (cr);
      sc_chart_rounded_rect (cr, n->x, n->y, n->width, n->height, 0.25 * fs);
      if (style->high_contrast)
        sc_chart_set_background (cr, style);
      else
        cairo_set_source_rgba (cr, style->caution.red, style->caution.green,
                               style->caution.blue, 0.1);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, unit);
      sc_chart_set_color (cr, &style->caution);
      cairo_stroke (cr);
      cairo_rectangle (cr, n->x, n->y, 0.35 * fs, n->height);
      cairo_fill (cr);
      cairo_restore (cr);

      layout = sc_chart_text_new (cr, style, CAPTION_SIZE * fs, TRUE, note);
      pango_layout_set_width (layout, (int) ((n->width - 1.2 * fs) * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      sc_chart_text_draw (cr, layout, n->x + 0.8 * fs, n->y + 0.3 * fs, &style->caution);
      g_object_unref (layout);
      y += n->height + 0.4 * fs;
    }

  layout = sc_chart_text_new (cr, style, CAPTION_SIZE * fs, FALSE, source);
  pango_layout_set_width (layout, (int) (l->caption.width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  sc_chart_text_draw (cr, layout, l->caption.x, y, &style->muted);
  g_object_unref (layout);
}

void
sc_chart_draw_judgement (cairo_t                  *cr,
                         double                    width,
                         double                    height,
                         ScChartJudgement          kind,
                         const ScChartConstantSet *constants,
                         ScSex                     sex,
                         const ScChartPoint       *points,
                         gsize                     n_points,
                         const ScChartStyle       *style)
{
  ScChartJudgementLayout l;
  const ScChartConstants *c;
  Placement placement;
  g_autofree char *title = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (kind == SC_CHART_DEMAND_CONTROL || kind == SC_CHART_SUPPORT);
  g_return_if_fail (constants != NULL);
  g_return_if_fail (sex == SC_SEX_MALE || sex == SC_SEX_FEMALE);
  g_return_if_fail (points != NULL || n_points == 0);

  style = sc_chart_style_resolve (style);
  c = &constants->constants[sex];
  sc_chart_judgement_layout (width, height, constants, style, &l);
  placement.rects = g_array_new (FALSE, FALSE, sizeof (ScChartRect));

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  if (style->background.alpha > 0.0)
    {
      sc_chart_set_color (cr, &style->background);
      cairo_paint (cr);
    }

  title = g_strdup_printf ("%s（%s）", chart_texts[kind].title,
                           sex == SC_SEX_MALE ? "男性" : "女性");
  draw_text_at (cr, style, 1.15 * l.font_size, TRUE, title, width / 2.0,
                l.title.y + l.title.height / 2.0, 0.5, &style->foreground);

  draw_axes (cr, style, &l, kind);
  draw_iso_lines (cr, style, &l, kind, c, &placement);
  draw_points (cr, style, &l, kind, c, points, n_points, &placement);
  draw_caption (cr, style, &l, constants);
  cairo_restore (cr);

  g_array_unref (placement.rects);
}

void
sc_chart_draw_demand_control (cairo_t                  *cr,
                              double                    width,
                              double                    height,
                              const ScChartConstantSet *constants,
                              ScSex                     sex,
                              const ScChartPoint       *points,
                              gsize                     n_points,
                              const ScChartStyle       *style)
{
  sc_chart_draw_judgement (cr, width, height, SC_CHART_DEMAND_CONTROL, constants, sex,
                           points, n_points, style);
}

void
sc_chart_draw_support (cairo_t                  *cr,
                       double                    width,
                       double                    height,
                       const ScChartConstantSet *constants,
                       ScSex                     sex,
                       const ScChartPoint       *points,
                       gsize                     n_points,
                       const ScChartStyle       *style)
{
  sc_chart_draw_judgement (cr, width, height, SC_CHART_SUPPORT, constants, sex, points,
                           n_points, style);
}
