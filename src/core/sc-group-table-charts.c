/* sc-group-table-charts.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The group table on the judgement charts (points, last year's arrows, the text
 * alternative) and the snapshot released to HR.
 */
#define G_LOG_DOMAIN "sc-group"

#include "config.h"

#include "sc-group-table-private.h"
#include "sc-score-format.h"

#include <math.h>
#include <string.h>

/* ---- charts ------------------------------------------------------------------------ */

static void
chart_axes (ScChartJudgement  kind,
            const double     *chart,
            double           *x,
            double           *y)
{
  if (kind == SC_CHART_DEMAND_CONTROL)
    {
      *x = chart[SC_CHART_JOB_CONTROL];
      *y = chart[SC_CHART_QUANTITATIVE_DEMAND];
    }
  else
    {
      *x = chart[SC_CHART_SUPERVISOR_SUPPORT];
      *y = chart[SC_CHART_COWORKER_SUPPORT];
    }
}

static void
add_point (GArray                       *points,
           const ScGroupRow             *row,
           ScChartJudgement              kind,
           ScSex                         sex,
           const ScChartJudgementLayout *layout)
{
  const ScGroupFigures *f = &row->by_sex[sex];
  ScGroupChartPoint p = { 0 };

  if (!row->has_figures || !row->has_sex[sex])
    return;
  p.label = row->label;
  chart_axes (kind, f->chart, &p.x, &p.y);
  p.risk = kind == SC_CHART_DEMAND_CONTROL ? f->risk_a : f->risk_b;
  p.has_previous = row->has_previous && row->has_previous_sex[sex];
  if (p.has_previous)
    chart_axes (kind, row->previous_chart[sex], &p.prev_x, &p.prev_y);
  if (layout != NULL)
    {
      sc_chart_judgement_map (layout, p.x, p.y, &p.px, &p.py);
      if (p.has_previous)
        sc_chart_judgement_map (layout, p.prev_x, p.prev_y, &p.prev_px, &p.prev_py);
    }
  g_array_append_val (points, p);
}

GArray *
sc_group_table_chart_points (const ScGroupTable           *table,
                             ScChartJudgement              kind,
                             ScSex                         sex,
                             const ScChartJudgementLayout *layout)
{
  GArray *points;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail ((guint) sex < SC_N_SEXES, NULL);

  points = g_array_new (FALSE, TRUE, sizeof (ScGroupChartPoint));
  add_point (points, &table->total, kind, sex, layout);
  for (guint i = 0; i < table->rows->len; i++)
    add_point (points, g_ptr_array_index (table->rows, i), kind, sex, layout);
  return points;
}

static const char *
chart_title (ScChartJudgement kind)
{
  return kind == SC_CHART_DEMAND_CONTROL ? "量－コントロール判定図" : "職場の支援判定図";
}

char *
sc_group_table_chart_text (const ScGroupTable *table,
                           ScChartJudgement    kind,
                           ScSex               sex)
{
  g_autoptr(GArray) points = NULL;
  const ScChartConstants *k;
  GString *out;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail ((guint) sex < SC_N_SEXES, NULL);

  k = &table->constants->constants[sex];
  points = sc_group_table_chart_points (table, kind, sex, NULL);
  out = g_string_new (NULL);
  g_string_append_printf (out, "%s (%s), %s: x %s, y %s.\n", chart_title (kind),
                          sex == SC_SEX_FEMALE ? "女性" : "男性",
                          kind == SC_CHART_DEMAND_CONTROL ? "health risk A" : "health risk B",
                          kind == SC_CHART_DEMAND_CONTROL ? "job control" : "supervisor support",
                          kind == SC_CHART_DEMAND_CONTROL ? "quantitative demand"
                                                          : "coworker support");
  g_string_append_printf (out, "%s: x %.1f, y %.1f, risk 100\n", REFERENCE_LABEL,
                          kind == SC_CHART_DEMAND_CONTROL ? k->b0 : k->c0,
                          kind == SC_CHART_DEMAND_CONTROL ? k->a0 : k->d0);
  if (points->len == 0)
    g_string_append (out, "No group is shown on this chart.\n");
  for (guint i = 0; i < points->len; i++)
    {
      const ScGroupChartPoint *p = &g_array_index (points, ScGroupChartPoint, i);

      g_string_append_printf (out, "%s: x %.2f, y %.2f, risk %d", p->label, p->x, p->y,
                              sc_chart_risk_display (p->risk));
      if (p->has_previous)
        g_string_append_printf (out, " (last year: x %.2f, y %.2f)", p->prev_x, p->prev_y);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* Last year's point → this year's: a dashed line in the muted colour ending in an open
 * arrowhead at the edge of this year's marker, drawn over the chart. */
static void
draw_arrows (cairo_t                      *cr,
             GArray                       *points,
             const ScChartJudgementLayout *layout,
             const ScChartStyle           *style)
{
  double unit = MAX (1.0, layout->font_size / 10.0);
  double head = 1.2 * layout->font_size;
  double gap = 0.6 * layout->font_size;
  double dash[2] = { 3.0 * unit, 2.0 * unit };

  cairo_save (cr);
  cairo_set_source_rgba (cr, style->muted.red, style->muted.green, style->muted.blue,
                         style->muted.alpha);
  cairo_set_line_width (cr, (style->high_contrast ? 2.0 : 1.2) * unit);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint i = 0; i < points->len; i++)
    {
      const ScGroupChartPoint *p = &g_array_index (points, ScGroupChartPoint, i);
      double dx = p->px - p->prev_px, dy = p->py - p->prev_py;
      double len = sqrt (dx * dx + dy * dy);
      double ux, uy, ex, ey;

      if (!p->has_previous || len <= gap + head * 0.5)
        continue;
      ux = dx / len;
      uy = dy / len;
      ex = p->px - ux * gap;
      ey = p->py - uy * gap;
      cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, p->prev_px, p->prev_py);
      cairo_line_to (cr, ex, ey);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_move_to (cr, ex - head * (ux * 0.87 - uy * 0.5), ey - head * (uy * 0.87 + ux * 0.5));
      cairo_line_to (cr, ex, ey);
      cairo_line_to (cr, ex - head * (ux * 0.87 + uy * 0.5), ey - head * (uy * 0.87 - ux * 0.5));
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/* A ring around the highlighted group's marker, in the caution colour, thick enough to
 * be seen without colour. */
static void
draw_highlight (cairo_t                      *cr,
                GArray                       *points,
                const char                   *highlight,
                const ScChartJudgementLayout *layout,
                const ScChartStyle           *style)
{
  double unit = MAX (1.0, layout->font_size / 10.0);

  cairo_save (cr);
  cairo_set_source_rgba (cr, style->caution.red, style->caution.green, style->caution.blue,
                         style->caution.alpha);
  cairo_set_line_width (cr, (style->high_contrast ? 4.0 : 3.0) * unit);
  for (guint i = 0; i < points->len; i++)
    {
      const ScGroupChartPoint *p = &g_array_index (points, ScGroupChartPoint, i);

      if (g_strcmp0 (p->label, highlight) != 0)
        continue;
      cairo_new_sub_path (cr);
      cairo_arc (cr, p->px, p->py, 0.7 * layout->font_size, 0, 2 * G_PI);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

void
sc_group_table_draw_chart (const ScGroupTable *table,
                           cairo_t            *cr,
                           double              width,
                           double              height,
                           ScChartJudgement    kind,
                           ScSex               sex,
                           const ScChartStyle *style)
{
  sc_group_table_draw_chart_full (table, cr, width, height, kind, sex, style, NULL, TRUE);
}

void
sc_group_table_draw_chart_full (const ScGroupTable *table,
                                cairo_t            *cr,
                                double              width,
                                double              height,
                                ScChartJudgement    kind,
                                ScSex               sex,
                                const ScChartStyle *style,
                                const char         *highlight,
                                gboolean            show_previous)
{
  g_autoptr(GArray) points = NULL;
  g_autofree ScChartPoint *plot = NULL;
  ScChartJudgementLayout layout;
  ScChartStyle default_style;

  g_return_if_fail (table != NULL && cr != NULL);

  if (style == NULL)
    {
      sc_chart_style_init_default (&default_style);
      style = &default_style;
    }
  sc_chart_judgement_layout (width, height, table->constants, style, &layout);
  points = sc_group_table_chart_points (table, kind, sex, &layout);
  plot = g_new0 (ScChartPoint, points->len > 0 ? points->len : 1);
  for (guint i = 0; i < points->len; i++)
    {
      const ScGroupChartPoint *p = &g_array_index (points, ScGroupChartPoint, i);

      plot[i].label = p->label;
      plot[i].x = p->x;
      plot[i].y = p->y;
    }
  sc_chart_draw_judgement (cr, width, height, kind, table->constants, sex, plot, points->len,
                           style);
  if (show_previous)
    draw_arrows (cr, points, &layout, style);
  if (highlight != NULL)
    draw_highlight (cr, points, highlight, &layout, style);
}

/* ---- snapshot ---------------------------------------------------------------------- */

static void
json_number (GString    *out,
             const char *key,
             double      value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (out, "\"%s\":%s,", key,
                          g_ascii_formatd (buf, sizeof buf, "%.4f", value));
}

static void
json_figures (GString              *out,
              const ScGroupFigures *f)
{
  g_string_append_printf (out, "{\"n\":%u,", f->n);
  for (guint k = 0; k < SC_N_CHART_SCALES; k++)
    {
      static const char * const ids[] = { "quantitative_demand", "job_control",
                                          "supervisor_support", "coworker_support" };
      g_autofree char *key = g_strconcat ("chart_", ids[k], NULL);

      json_number (out, key, f->chart[k]);
    }
  for (guint k = 0; k < SC_BJSQ_N_SCALES; k++)
    {
      g_autofree char *key = g_strconcat ("mean_", sc_bjsq_scale ((ScScale) k)->id, NULL);

      json_number (out, key, f->scale_mean[k]);
    }
  json_number (out, "risk_a", f->risk_a);
  json_number (out, "risk_b", f->risk_b);
  json_number (out, "risk_total", f->risk_total);
  g_string_truncate (out, out->len - 1);
  g_string_append (out, "}");
}

static void
json_row (GString          *out,
          const ScGroupRow *row)
{
  g_string_append (out, "{\"label\":");
  sc_json_append_string (out, row->label, -1);
  g_string_append_printf (out, ",\"n\":%u,\"excluded_incomplete\":%u", row->n,
                          row->excluded_incomplete);
  if (row->reason != NULL)
    {
      g_string_append (out, ",\"suppressed\":true,\"reason\":");
      sc_json_append_string (out, row->reason, -1);
      g_string_append (out, ",\"suppression\":");
      sc_json_append_string (out, _sc_group_suppression_to_string (row->suppression), -1);
      if (row->revealed != NULL && row->revealed[0] != NULL)
        {
          g_string_append (out, ",\"revealed\":[");
          for (guint i = 0; row->revealed[i] != NULL; i++)
            {
              if (i > 0)
                g_string_append_c (out, ',');
              sc_json_append_string (out, row->revealed[i], -1);
            }
          g_string_append_c (out, ']');
        }
      g_string_append (out, "}");
      return;
    }
  if (row->has_figures)
    {
      g_string_append (out, ",\"combined\":");
      json_figures (out, &row->combined);
      g_string_append (out, ",\"high_side_share\":{");
      for (guint k = 0; k < SC_BJSQ_N_SCALES; k++)
        json_number (out, sc_bjsq_scale ((ScScale) k)->id, row->high_side_share[k]);
      g_string_truncate (out, out->len - 1);
      g_string_append (out, "}");
    }
  for (guint s = 0; s < SC_N_SEXES; s++)
    if (row->has_sex[s])
      {
        g_string_append (out, s == SC_SEX_MALE ? ",\"male\":" : ",\"female\":");
        json_figures (out, &row->by_sex[s]);
      }
  if (row->sex_reason != NULL)
    {
      g_string_append (out, ",\"sex_suppression\":");
      sc_json_append_string (out, _sc_group_suppression_to_string (row->sex_suppression), -1);
      g_string_append (out, ",\"sex_reason\":");
      sc_json_append_string (out, row->sex_reason, -1);
    }
  if (row->has_previous)
    {
      g_string_append (out, ",\"previous\":{");
      json_number (out, "risk_a", row->previous[0]);
      json_number (out, "risk_b", row->previous[1]);
      json_number (out, "risk_total", row->previous[2]);
      g_string_truncate (out, out->len - 1);
      g_string_append (out, "}");
    }
  g_string_append (out, "}");
}

char *
sc_group_table_to_json (const ScGroupTable *table)
{
  g_autofree char *caption = NULL;
  GString *out;

  g_return_val_if_fail (table != NULL, NULL);

  out = g_string_new ("{\"format\":1,\"grouping\":");
  sc_json_append_string (out, sc_group_by_to_string (table->grouping.by), -1);
  g_string_append (out, ",\"cross\":");
  sc_json_append_string (out, sc_group_by_to_string (table->grouping.cross), -1);
  g_string_append_printf (out, ",\"min_size\":%u,\"constants\":", table->min_size);
  sc_json_append_string (out, table->constants->id, -1);
  {
    g_autofree char *set = sc_chart_constant_set_to_json (table->constants);

    g_string_append_printf (out, ",\"constant_set\":%s", set);
  }
  caption = sc_group_table_get_caption (table);
  g_string_append (out, ",\"caption\":");
  sc_json_append_string (out, caption, -1);
  g_string_append_printf (out, ",\"excluded_incomplete\":%u", table->excluded_incomplete);
  if (!table->analysable)
    {
      g_string_append_printf (out, ",\"respondents\":%u,\"explanation\":", table->total.n);
      sc_json_append_string (out, table->explanation, -1);
      g_string_append (out, "}");
      return g_string_free (out, FALSE);
    }
  g_string_append (out, ",\"total\":");
  json_row (out, &table->total);
  g_string_append (out, ",\"reference\":");
  json_row (out, &table->reference);
  g_string_append (out, ",\"rows\":[");
  for (guint i = 0; i < table->rows->len; i++)
    {
      if (i > 0)
        g_string_append (out, ",");
      json_row (out, g_ptr_array_index (table->rows, i));
    }
  g_string_append (out, "],\"charts\":[");
  for (guint c = 0; c < 4; c++)
    {
      ScChartJudgement kind = c < 2 ? SC_CHART_DEMAND_CONTROL : SC_CHART_SUPPORT;
      ScSex sex = c % 2 == 0 ? SC_SEX_MALE : SC_SEX_FEMALE;
      g_autoptr(GArray) points = sc_group_table_chart_points (table, kind, sex, NULL);

      g_string_append_printf (out, "%s{\"chart\":\"%s\",\"sex\":\"%s\",\"points\":[",
                              c > 0 ? "," : "",
                              kind == SC_CHART_DEMAND_CONTROL ? "demand_control" : "support",
                              sex == SC_SEX_MALE ? "male" : "female");
      for (guint i = 0; i < points->len; i++)
        {
          const ScGroupChartPoint *p = &g_array_index (points, ScGroupChartPoint, i);

          g_string_append (out, i > 0 ? ",{\"label\":" : "{\"label\":");
          sc_json_append_string (out, p->label, -1);
          g_string_append (out, ",");
          json_number (out, "x", p->x);
          json_number (out, "y", p->y);
          json_number (out, "risk", p->risk);
          g_string_truncate (out, out->len - 1);
          g_string_append (out, "}");
        }
      g_string_append (out, "]}");
    }
  g_string_append (out, "]}");
  return g_string_free (out, FALSE);
}
