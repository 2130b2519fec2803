/* sc-chart-profile.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The stress profile of one respondent: 19 scales in four areas, each a bar on the 評価点
 * axis with 「ストレス高い」 (1) at the left and 「ストレス低い」 (5) at the right.
 */
#define G_LOG_DOMAIN "sc-chart"

#include "config.h"

#include "sc-chart.h"
#include "sc-chart-private.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

/* Short area headings: the form's own titles carry a parenthesis that is too long here. */
static const ScChartProfileLabels japanese_labels = {
  /* The scales' names are those of the questionnaire (sc_bjsq_scale ()->name_ja). */
  .sections = {
    [SC_SECTION_A] = "A　仕事のストレス要因",
    [SC_SECTION_B] = "B　心身のストレス反応",
    [SC_SECTION_C] = "C　周囲のサポート",
    [SC_SECTION_D] = "D　満足度",
  },
  .value_heading = "評価点",
  .end_high = "← ストレス高い",
  .end_low = "ストレス低い →",
  .missing = "—（未回答）",
};

/* The same words in English, for gettext; the Japanese catalog gives back the words above. */
static const ScChartProfileLabels english_labels = {
  .scales = {
    [SC_SCALE_QUANTITATIVE_DEMAND] = N_("Quantitative job overload"),
    [SC_SCALE_QUALITATIVE_DEMAND] = N_("Qualitative job overload"),
    [SC_SCALE_PHYSICAL_DEMAND] = N_("Physical demands"),
    [SC_SCALE_INTERPERSONAL_STRESS] = N_("Interpersonal conflict"),
    [SC_SCALE_ENVIRONMENT_STRESS] = N_("Poor physical environment"),
    [SC_SCALE_JOB_CONTROL] = N_("Job control"),
    [SC_SCALE_SKILL_UTILIZATION] = N_("Skill utilization"),
    [SC_SCALE_JOB_FIT] = N_("Suitable jobs"),
    [SC_SCALE_MEANINGFULNESS] = N_("Meaningfulness of work"),
    [SC_SCALE_VIGOR] = N_("Vigor"),
    [SC_SCALE_IRRITABILITY] = N_("Irritability"),
    [SC_SCALE_FATIGUE] = N_("Fatigue"),
    [SC_SCALE_ANXIETY] = N_("Anxiety"),
    [SC_SCALE_DEPRESSION] = N_("Depression"),
    [SC_SCALE_SOMATIC] = N_("Physical complaints"),
    [SC_SCALE_SUPERVISOR_SUPPORT] = N_("Support from supervisors"),
    [SC_SCALE_COWORKER_SUPPORT] = N_("Support from coworkers"),
    [SC_SCALE_FAMILY_SUPPORT] = N_("Support from family and friends"),
    [SC_SCALE_SATISFACTION] = N_("Satisfaction with work and life"),
  },
  .sections = {
    [SC_SECTION_A] = N_("A  Stress factors at work"),
    [SC_SECTION_B] = N_("B  Stress reactions"),
    [SC_SECTION_C] = N_("C  Support around you"),
    [SC_SECTION_D] = N_("D  Satisfaction"),
  },
  /* Translators: the heading of the stress profile's 1-5 axis (評価点). */
  .value_heading = N_("Score"),
  /* Translators: the left end of the stress profile's axis. */
  .end_high = N_("← More stress"),
  /* Translators: the right end of the stress profile's axis. */
  .end_low = N_("Less stress →"),
  /* Translators: shown in the stress profile for a scale without a score. */
  .missing = N_("— (no answer)"),
};

void
sc_chart_profile_labels_init_japanese (ScChartProfileLabels *labels)
{
  g_return_if_fail (labels != NULL);

  *labels = japanese_labels;
  for (guint s = 0; s < SC_BJSQ_N_SCALES; s++)
    labels->scales[s] = sc_bjsq_scale (s)->name_ja;
}

static const char *
translate (const char *text)
{
  return g_dgettext (GETTEXT_PACKAGE, text);
}

void
sc_chart_profile_labels_init_translated (ScChartProfileLabels *labels)
{
  g_return_if_fail (labels != NULL);

  for (guint s = 0; s < SC_BJSQ_N_SCALES; s++)
    labels->scales[s] = translate (english_labels.scales[s]);
  for (guint k = 0; k < SC_BJSQ_N_SECTIONS; k++)
    labels->sections[k] = translate (english_labels.sections[k]);
  labels->value_heading = translate (english_labels.value_heading);
  labels->end_high = translate (english_labels.end_high);
  labels->end_low = translate (english_labels.end_low);
  labels->missing = translate (english_labels.missing);
}

static const ScChartProfileLabels *
get_labels (const ScChartStyle *style)
{
  return style->profile_labels != NULL ? style->profile_labels : &japanese_labels;
}

static const char *
get_scale_label (const ScChartStyle *style,
                 ScScale             scale)
{
  return style->profile_labels != NULL ? style->profile_labels->scales[scale]
                                       : sc_bjsq_scale (scale)->name_ja;
}

/* Vertical proportions, in units of the font size: scale rows, area headings, the gap
 * between areas, the axis header (end labels + numbers) and the outer padding. */
#define ROW_UNITS       1.75
#define ROW_UNITS_MAX   2.6
#define SECTION_UNITS   1.8
#define GAP_UNITS       0.45
#define HEADER_UNITS    3.2
#define PAD_UNITS       0.6
#define VALUE_GAP_UNITS 0.35

/* The smallest font the chart shrinks to: below this it would not be readable anyway. */
#define MIN_FONT_SIZE 6.0

static double
measure_width (const ScChartStyle *style,
               double              size,
               gboolean            bold,
               const char         *text)
{
  PangoLayout *layout = sc_chart_text_new (NULL, style, size, bold, text);
  double width;

  sc_chart_text_size (layout, &width, NULL);
  g_object_unref (layout);
  return width;
}

/* Widths of the label and value columns at a font size of 1 (text scales linearly with
 * unhinted metrics, so one measurement serves every size). */
static void
measure_columns (const ScChartStyle *style,
                 double             *label_units,
                 double             *value_units)
{
  const double probe = 100.0;
  double label = 0.0;

  for (guint s = 0; s < SC_BJSQ_N_SCALES; s++)
    label = MAX (label, measure_width (style, probe, FALSE, get_scale_label (style, s)));
  for (guint k = 0; k < SC_BJSQ_N_SECTIONS; k++)
    label = MAX (label, measure_width (style, probe * 1.05, TRUE,
                                       get_labels (style)->sections[k]) - probe);

  /* Scale names are indented by one unit under their area heading. */
  *label_units = label / probe + 1.0;
  *value_units = MAX (measure_width (style, probe * 1.1, TRUE, "5"),
                      measure_width (style, probe * 1.1, TRUE, "—")) / probe + 0.2;
}

void
sc_chart_profile_layout (double                width,
                         double                height,
                         const ScResult       *result,
                         const ScChartStyle   *style,
                         ScChartProfileLayout *layout)
{
  double label_units, value_units, fs, row_h, section_h, gap, header_h, pad, used, y;
  double track_x, track_w, label_x, min_track_units = 14.0;
  ScSection current;

  g_return_if_fail (layout != NULL);

  style = sc_chart_style_resolve (style);
  memset (layout, 0, sizeof *layout);
  width = MAX (width, 1.0);
  height = MAX (height, 1.0);

  /* The largest font size that fits both ways, capped by the style's size. */
  measure_columns (style, &label_units, &value_units);
  fs = height / (2 * PAD_UNITS + HEADER_UNITS + SC_BJSQ_N_SCALES * ROW_UNITS
                 + SC_BJSQ_N_SECTIONS * SECTION_UNITS + (SC_BJSQ_N_SECTIONS - 1) * GAP_UNITS);
  fs = MIN (fs, width / (2 * PAD_UNITS + label_units + value_units + 1.5 + min_track_units));
  fs = MIN (fs, style->font_size);
  fs = MAX (fs, MIN_FONT_SIZE);
  layout->font_size = fs;

  /* Rows take the spare height, up to a comfortable maximum; what is left is split
   * evenly above and below. */
  pad = PAD_UNITS * fs;
  header_h = HEADER_UNITS * fs;
  section_h = SECTION_UNITS * fs;
  gap = GAP_UNITS * fs;
  row_h = (height - 2 * pad - header_h - SC_BJSQ_N_SECTIONS * section_h
           - (SC_BJSQ_N_SECTIONS - 1) * gap) / SC_BJSQ_N_SCALES;
  row_h = CLAMP (row_h, ROW_UNITS * fs * 0.8, ROW_UNITS_MAX * fs);
  used = header_h + SC_BJSQ_N_SECTIONS * section_h + (SC_BJSQ_N_SECTIONS - 1) * gap
         + SC_BJSQ_N_SCALES * row_h;

  /* The number goes right of the dot: the half column right of 評価点 5 must hold it. */
  layout->marker_radius = MIN (row_h * 0.3, fs * 0.62);
  label_x = pad;
  track_x = pad + label_units * fs + 0.75 * fs;
  track_w = width - pad - track_x;
  track_w = MIN (track_w, (track_w - layout->marker_radius - VALUE_GAP_UNITS * fs
                           - value_units * fs) / 0.9);
  track_w = MAX (track_w, 1.0);

  y = MAX ((height - used) / 2.0, 0.0) + header_h;
  layout->track.x = track_x;
  layout->track.y = y;
  layout->track.width = track_w;
  for (guint k = 0; k < 5; k++)
    layout->score_x[k] = track_x + (k + 0.5) * track_w / 5.0;

  current = SC_SECTION_A;
  for (guint s = 0; s < SC_BJSQ_N_SCALES; s++)
    {
      const ScScaleInfo *info = sc_bjsq_scale (s);

      if (s == 0 || info->section != current)
        {
          if (s != 0)
            y += gap;
          current = info->section;
          layout->section[current] = (ScChartRect) { label_x, y, width - 2 * pad, section_h };
          y += section_h;
        }

      layout->row[s] = (ScChartRect) { label_x, y, width - 2 * pad, row_h };
      layout->label[s] = (ScChartRect) { label_x + fs, y, track_x - 0.75 * fs - label_x - fs,
                                         row_h };
      layout->marker_y[s] = y + row_h / 2.0;

      layout->present[s] = (result == NULL
                            || (result->score[s] >= 1 && result->score[s] <= 5));
      if (layout->present[s])
        {
          int score = result != NULL ? result->score[s] : 3;
          double bar_h = MIN (row_h * 0.4, fs * 0.9);

          layout->marker_x[s] = layout->score_x[score - 1];
          layout->bar[s] = (ScChartRect) { track_x, y + (row_h - bar_h) / 2.0,
                                           layout->marker_x[s] - track_x, bar_h };
        }
      else
        {
          layout->marker_x[s] = track_x;
          layout->bar[s] = (ScChartRect) { track_x, y + row_h / 2.0, 0.0, 0.0 };
        }
      layout->value[s] = (ScChartRect) {
        layout->present[s] ? layout->marker_x[s] + layout->marker_radius + VALUE_GAP_UNITS * fs
                           : track_x + 0.5 * fs,
        y, layout->present[s] ? value_units * fs : track_w * 0.6, row_h
      };
      y += row_h;
    }
  layout->track.height = y - layout->track.y;
}

double
sc_chart_profile_score_x (const ScChartProfileLayout *layout,
                          double                      score)
{
  g_return_val_if_fail (layout != NULL, 0.0);

  return layout->track.x + (score - 0.5) * layout->track.width / 5.0;
}

/* The colour of a 評価点: stress side, neutral, good side. */
static const ScChartColor *
score_color (const ScChartStyle *style,
             int                 score)
{
  if (score <= 2)
    return &style->caution;
  if (score == 3)
    return &style->muted;
  return &style->accent;
}

static void
draw_text_in (cairo_t            *cr,
              const ScChartStyle *style,
              double              size,
              gboolean            bold,
              const char         *text,
              double              x,
              double              y_center,
              double              align,    /* 0 = left of x, 0.5 centred, 1 = right */
              const ScChartColor *color)
{
  PangoLayout *layout = sc_chart_text_new (cr, style, size, bold, text);
  double w, h;

  sc_chart_text_size (layout, &w, &h);
  sc_chart_text_draw (cr, layout, x - align * w, y_center - h / 2.0, color);
  g_object_unref (layout);
}

static void
draw_header (cairo_t                    *cr,
             const ScChartStyle         *style,
             const ScChartProfileLayout *l)
{
  double fs = l->font_size;
  double top = l->track.y - HEADER_UNITS * fs;
  double end_y = top + 0.95 * fs;
  double num_y = top + 2.35 * fs;

  draw_text_in (cr, style, fs * 0.95, TRUE, get_labels (style)->end_high, l->track.x, end_y,
                0.0,
                &style->caution);
  draw_text_in (cr, style, fs * 0.95, TRUE, get_labels (style)->end_low,
                l->track.x + l->track.width,
                end_y, 1.0, &style->accent);

  for (guint k = 0; k < 5; k++)
    {
      char number[2] = { (char) ('1' + k), '\0' };

      draw_text_in (cr, style, fs, TRUE, number, l->score_x[k], num_y, 0.5,
                    &style->foreground);
    }
  draw_text_in (cr, style, fs * 0.85, FALSE, get_labels (style)->value_heading,
                l->label[0].x + l->label[0].width, num_y, 1.0, &style->muted);
}

static void
draw_grid (cairo_t                    *cr,
           const ScChartStyle         *style,
           const ScChartProfileLayout *l)
{
  double unit = sc_chart_line_unit (style, l->font_size);
  double top = l->track.y - 0.3 * l->font_size;
  double bottom = l->track.y + l->track.height;

  /* The high-stress side (評価点 1-2) gets a faint warm veil, which also works when the
   * background is left transparent. */
  if (!style->high_contrast)
    {
      cairo_set_source_rgba (cr, style->caution.red, style->caution.green, style->caution.blue,
                             0.07);
      cairo_rectangle (cr, l->track.x, top, 2.0 * l->track.width / 5.0, bottom - top);
      cairo_fill (cr);
    }

  cairo_save (cr);
  cairo_set_line_width (cr, unit * (style->high_contrast ? 0.9 : 0.8));
  sc_chart_set_color (cr, &style->muted);
  for (guint k = 0; k < 5; k++)
    {
      double x = round (l->score_x[k]) + 0.5;

      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x, bottom);
    }
  cairo_save (cr);
  if (!style->high_contrast)
    cairo_set_source_rgba (cr, style->muted.red, style->muted.green, style->muted.blue, 0.35);
  cairo_stroke (cr);
  cairo_restore (cr);

  /* The axis line at the left end, where the bars start. */
  cairo_set_line_width (cr, unit * 1.2);
  sc_chart_set_color (cr, &style->foreground);
  cairo_move_to (cr, l->track.x, top);
  cairo_line_to (cr, l->track.x, bottom);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_sections (cairo_t                    *cr,
               const ScChartStyle         *style,
               const ScChartProfileLayout *l)
{
  double fs = l->font_size;

  for (guint k = 0; k < SC_BJSQ_N_SECTIONS; k++)
    {
      const ScChartRect *r = &l->section[k];

      draw_text_in (cr, style, fs * 1.05, TRUE, get_labels (style)->sections[k], r->x,
                    r->y + r->height * 0.55, 0.0, &style->foreground);
    }
}

static void
draw_rows (cairo_t                    *cr,
           const ScChartStyle         *style,
           const ScChartProfileLayout *l,
           const ScResult             *result)
{
  double fs = l->font_size;
  double unit = sc_chart_line_unit (style, fs);

  for (guint s = 0; s < SC_BJSQ_N_SCALES; s++)
    {
      const ScChartRect *row = &l->row[s];
      const ScChartRect *bar = &l->bar[s];
      double cy = l->marker_y[s];

      /* Every other row is shaded, to lead the eye from name to bar: a veil of the text
       * colour, which darkens a light background and lightens a dark one. */
      if (s % 2 == 1 && !style->high_contrast)
        {
          cairo_set_source_rgba (cr, style->foreground.red, style->foreground.green,
                                 style->foreground.blue, 0.045);
          cairo_rectangle (cr, row->x, row->y, row->width, row->height);
          cairo_fill (cr);
        }

      draw_text_in (cr, style, fs, FALSE, get_scale_label (style, s), l->label[s].x, cy,
                    0.0, &style->foreground);

      if (!l->present[s])
        {
          draw_text_in (cr, style, fs * 0.95, FALSE, get_labels (style)->missing,
                        l->value[s].x, cy, 0.0,
                        &style->muted);
          continue;
        }

      {
        int score = result != NULL ? result->score[s] : 3;
        const ScChartColor *color = score_color (style, score);
        ScChartColor tint = style->high_contrast
                            ? *color
                            : sc_chart_color_mix (&style->background, color, 0.45);
        char number[2] = { (char) ('0' + score), '\0' };

        cairo_save (cr);
        sc_chart_rounded_rect (cr, bar->x, bar->y, bar->width, bar->height, bar->height / 2.0);
        sc_chart_set_color (cr, &tint);
        cairo_fill (cr);

        /* The dot has a ring in the background colour so it stands out from the bar. */
        cairo_arc (cr, l->marker_x[s], cy, l->marker_radius + unit * 1.5, 0, 2 * G_PI);
        sc_chart_set_background (cr, style);
        cairo_fill (cr);
        cairo_arc (cr, l->marker_x[s], cy, l->marker_radius, 0, 2 * G_PI);
        sc_chart_set_color (cr, color);
        cairo_fill (cr);
        cairo_restore (cr);

        draw_text_in (cr, style, fs * 1.1, TRUE, number, l->value[s].x, cy, 0.0,
                      &style->foreground);
      }
    }
}

void
sc_chart_draw_profile (cairo_t            *cr,
                       double              width,
                       double              height,
                       const ScResult     *result,
                       const ScChartStyle *style)
{
  ScChartProfileLayout l;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (result != NULL);

  style = sc_chart_style_resolve (style);
  sc_chart_profile_layout (width, height, result, style, &l);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  if (style->background.alpha > 0.0)
    {
      sc_chart_set_color (cr, &style->background);
      cairo_paint (cr);
    }

  draw_grid (cr, style, &l);
  draw_header (cr, style, &l);
  draw_sections (cr, style, &l);
  draw_rows (cr, style, &l, result);
  cairo_restore (cr);
}
