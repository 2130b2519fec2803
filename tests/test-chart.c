/* test-chart.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The charts: the stress profile puts 評価点 1 at the "ストレス高い" end and 5 at the other,
 * prints every number and draws no bar for a missing scale; the judgement charts map data
 * to the plot square, draw their iso-risk lines where the formula puts them (R = 100
 * through the national average) and print the 要確認 note exactly when the constants are
 * unverified; styles keep their colours and contrast; PNG and PDF rendering work.
 *
 * Each test checks the geometry helpers and then samples the rendered pixels at the
 * places the helpers name, so a drawing that drifted from its geometry fails too.
 * Screenshots (chart-*.png) and a PDF are written to the test build directory for a
 * person to look at.
 */
#include "config.h"

#include "sc-test-util.h"
#include "sc-chart.h"
#include "sc-chart-constants.h"
#include "sc-score.h"

#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

/* The MHLW worked example (spec §10), male: 評価点 2 3 4 2 3 2 2 2 1 / 1 2 1 1 1 1 / 1 2 1 / 3. */
#define MHLW_ANSWERS "112331443323243341112334443344433222234342333343343443322"
static const int mhlw_male_scores[SC_BJSQ_N_SCALES] = {
  2, 3, 4, 2, 3, 2, 2, 2, 1, 1, 2, 1, 1, 1, 1, 1, 2, 1, 3,
};

/* ---- helpers ----------------------------------------------------------------------- */

static ScResult
mhlw_result (void)
{
  guint8 answers[SC_BJSQ_N_ITEMS];
  g_autoptr(GError) error = NULL;
  ScResult result;

  g_assert_true (sc_answers_parse (MHLW_ANSWERS, strlen (MHLW_ANSWERS), answers, &error));
  g_assert_no_error (error);
  sc_score (answers, SC_SEX_MALE, NULL, &result);
  for (guint s = 0; s < SC_BJSQ_N_SCALES; s++)
    g_assert_cmpint (result.score[s], ==, mhlw_male_scores[s]);
  return result;
}

/* A result with given 評価点; 0 marks a missing scale. */
static ScResult
make_result (const int scores[SC_BJSQ_N_SCALES])
{
  ScResult result;

  memset (&result, 0, sizeof result);
  result.sex = SC_SEX_MALE;
  result.complete = TRUE;
  for (guint s = 0; s < SC_BJSQ_N_SCALES; s++)
    {
      result.score[s] = scores[s] > 0 ? scores[s] : SC_SCORE_MISSING;
      result.raw[s] = scores[s] > 0 ? 5 : SC_SCORE_MISSING;
      if (scores[s] <= 0)
        result.complete = FALSE;
    }
  return result;
}

static char *
build_path (const char *name)
{
  return g_test_build_filename (G_TEST_BUILT, name, NULL);
}

/* The un-premultiplied colour of a pixel of an ARGB32 surface. */
static ScChartColor
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  int ix = (int) floor (x), iy = (int) floor (y);
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 p;
  double a;

  g_assert_cmpint (ix, >=, 0);
  g_assert_cmpint (iy, >=, 0);
  g_assert_cmpint (ix, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (iy, <, cairo_image_surface_get_height (surface));

  p = *(const guint32 *) (data + iy * stride + ix * 4);
  a = (p >> 24 & 0xff) / 255.0;
  if (a == 0.0)
    return (ScChartColor) { 0, 0, 0, 0 };
  return (ScChartColor) { (p >> 16 & 0xff) / 255.0 / a, (p >> 8 & 0xff) / 255.0 / a,
                          (p & 0xff) / 255.0 / a, a };
}

static double
color_distance (const ScChartColor *a,
                const ScChartColor *b)
{
  return MAX (MAX (fabs (a->red - b->red), fabs (a->green - b->green)),
              MAX (fabs (a->blue - b->blue), fabs (a->alpha - b->alpha)));
}

static gboolean
color_near (const ScChartColor *a,
            const ScChartColor *b)
{
  return color_distance (a, b) < 0.02;
}

/* Pixels of @rect (clipped to the surface) within @tolerance of @color, or with @invert
 * those that are not. */
static guint
count_pixels (cairo_surface_t    *surface,
              const ScChartRect  *rect,
              const ScChartColor *color,
              double              tolerance,
              gboolean            invert)
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  int x0 = MAX ((int) floor (rect->x), 0), x1 = MIN ((int) ceil (rect->x + rect->width), w);
  int y0 = MAX ((int) floor (rect->y), 0), y1 = MIN ((int) ceil (rect->y + rect->height), h);
  guint n = 0;

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        ScChartColor c = pixel_at (surface, x, y);

        if ((color_distance (&c, color) < tolerance) != invert)
          n++;
      }
  return n;
}

static guint
count_color (cairo_surface_t    *surface,
             const ScChartRect  *rect,
             const ScChartColor *color,
             double              tolerance)
{
  return count_pixels (surface, rect, color, tolerance, FALSE);
}

/* Pixels of @rect that differ from @background: ink. */
static guint
count_ink (cairo_surface_t    *surface,
           const ScChartRect  *rect,
           const ScChartColor *background)
{
  return count_pixels (surface, rect, background, 0.05, TRUE);
}

/* Whether a pixel within @radius of (@x, @y) has @color. */
static gboolean
color_near_point (cairo_surface_t    *surface,
                  double              x,
                  double              y,
                  double              radius,
                  const ScChartColor *color,
                  double              tolerance)
{
  ScChartRect r = { x - radius, y - radius, 2 * radius + 1, 2 * radius + 1 };

  return count_color (surface, &r, color, tolerance) > 0;
}

/* WCAG 2 contrast ratio. */
static double
relative_luminance (const ScChartColor *c)
{
  double ch[3] = { c->red, c->green, c->blue };

  for (guint i = 0; i < 3; i++)
    ch[i] = ch[i] <= 0.03928 ? ch[i] / 12.92 : pow ((ch[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
}

static double
contrast (const ScChartColor *a,
          const ScChartColor *b)
{
  double la = relative_luminance (a), lb = relative_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* ---- drawing callbacks --------------------------------------------------------------- */

typedef struct
{
  const ScResult     *result;
  const ScChartStyle *style;
} ProfileArgs;

static void
draw_profile_cb (cairo_t  *cr,
                 double    width,
                 double    height,
                 gpointer  user_data)
{
  ProfileArgs *args = user_data;

  sc_chart_draw_profile (cr, width, height, args->result, args->style);
}

typedef struct
{
  ScChartJudgement          kind;
  const ScChartConstantSet *constants;
  ScSex                     sex;
  const ScChartPoint       *points;
  gsize                     n_points;
  const ScChartStyle       *style;
} JudgementArgs;

static void
draw_judgement_cb (cairo_t  *cr,
                   double    width,
                   double    height,
                   gpointer  user_data)
{
  JudgementArgs *args = user_data;

  if (args->kind == SC_CHART_DEMAND_CONTROL)
    sc_chart_draw_demand_control (cr, width, height, args->constants, args->sex, args->points,
                                  args->n_points, args->style);
  else
    sc_chart_draw_support (cr, width, height, args->constants, args->sex, args->points,
                           args->n_points, args->style);
}

/* Three example groups: one worse than the national average, one near it, one better. */
static const ScChartPoint demand_control_groups[] = {
  { "営業部", 6.8, 9.6 },
  { "製造部", 7.6, 8.1 },
  { "総務部", 8.9, 7.2 },
};

static const ScChartPoint support_groups[] = {
  { "営業部", 6.3, 7.1 },
  { "製造部", 8.2, 7.6 },
  { "総務部", 8.9, 9.4 },
};

static void
write_png (const char      *name,
           int              width,
           int              height,
           ScChartDrawFunc  draw,
           gpointer         user_data)
{
  g_autofree char *path = build_path (name);
  g_autofree char *tmp = g_strdup_printf ("%s.%d.tmp", path, (int) getpid ());
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  /* Written beside and renamed, so that runs in parallel never see a half-written file. */
  g_assert_true (sc_chart_render_png (tmp, width, height, draw, user_data, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (tmp, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 1000);
  g_assert_cmpint (g_rename (tmp, path), ==, 0);
  g_test_message ("screenshot: %s", path);
}

/* ---- styles -------------------------------------------------------------------------- */

static void
check_style_contrast (const ScChartStyle *style,
                      double              text_min)
{
  /* Text is drawn in every one of these colours, so each must be legible. */
  g_assert_cmpfloat (contrast (&style->foreground, &style->background), >=, 7.0);
  g_assert_cmpfloat (contrast (&style->accent, &style->background), >=, text_min);
  g_assert_cmpfloat (contrast (&style->caution, &style->background), >=, text_min);
  g_assert_cmpfloat (contrast (&style->muted, &style->background), >=, text_min);

  /* Accent and caution lie on the blue–orange axis, which every common form of colour
   * blindness keeps: one is bluer than red, the other redder than blue. */
  g_assert_cmpfloat (style->accent.blue, >, style->accent.red + 0.2);
  g_assert_cmpfloat (style->caution.red, >, style->caution.blue + 0.4);

  g_assert_nonnull (style->font_family);
  g_assert_nonnull (strstr (style->font_family, "Noto Sans CJK JP"));
  g_assert_cmpfloat (style->font_size, >=, 10.0);
}

static void
test_style_palettes (void)
{
  ScChartStyle light, contrast_style, dark;

  sc_chart_style_init_default (&light);
  sc_chart_style_init_high_contrast (&contrast_style);
  sc_chart_style_init_dark (&dark);

  check_style_contrast (&light, 4.5);
  check_style_contrast (&dark, 4.5);
  check_style_contrast (&contrast_style, 7.0);

  g_assert_false (light.high_contrast);
  g_assert_true (contrast_style.high_contrast);
  g_assert_false (dark.high_contrast);
  g_assert_cmpfloat (relative_luminance (&dark.background), <, 0.05);
  g_assert_cmpfloat (relative_luminance (&light.background), >, 0.9);
}

/* ---- stress profile ------------------------------------------------------------------- */

static void
check_profile_layout (double          width,
                      double          height,
                      const ScResult *result)
{
  ScChartProfileLayout l;
  ScChartStyle style;
  double last_bottom = 0.0;

  sc_chart_style_init_default (&style);
  sc_chart_profile_layout (width, height, result, &style, &l);

  g_assert_cmpfloat (l.font_size, <=, style.font_size);
  g_assert_cmpfloat (l.font_size, >=, 6.0);

  /* 評価点 1 ("ストレス高い") at the left, 5 at the right, equally spaced. */
  for (guint k = 1; k < 5; k++)
    {
      g_assert_cmpfloat (l.score_x[k], >, l.score_x[k - 1]);
      g_assert_cmpfloat_with_epsilon (l.score_x[k] - l.score_x[k - 1],
                                      l.score_x[1] - l.score_x[0], 1e-9);
      g_assert_cmpfloat_with_epsilon (sc_chart_profile_score_x (&l, k + 1), l.score_x[k], 1e-9);
    }
  g_assert_cmpfloat (l.score_x[0], >, l.track.x);
  g_assert_cmpfloat (l.score_x[4], <, l.track.x + l.track.width);

  for (guint s = 0; s < SC_BJSQ_N_SCALES; s++)
    {
      const ScScaleInfo *info = sc_bjsq_scale (s);
      const ScChartRect *section = &l.section[info->section];

      /* Rows run top to bottom in scale order, inside the chart, under their heading. */
      g_assert_cmpfloat (l.row[s].y, >=, last_bottom - 1e-9);
      g_assert_cmpfloat (l.row[s].y + l.row[s].height, <=, height + 1e-9);
      g_assert_cmpfloat (l.row[s].y, >=, section->y + section->height - 1e-9);
      if (info->section + 1 < SC_BJSQ_N_SECTIONS)
        g_assert_cmpfloat (l.row[s].y + l.row[s].height, <=, l.section[info->section + 1].y);
      last_bottom = l.row[s].y + l.row[s].height;

      /* The name stays left of the track, the number right of the dot and inside. */
      g_assert_cmpfloat (l.label[s].x + l.label[s].width, <=, l.track.x);
      g_assert_cmpfloat (l.value[s].x + l.value[s].width, <=, width + 1e-9);

      if (result->score[s] >= 1)
        {
          int score = result->score[s];

          g_assert_true (l.present[s]);
          g_assert_cmpfloat (l.marker_x[s], ==, l.score_x[score - 1]);
          g_assert_cmpfloat_with_epsilon (l.bar[s].x, l.track.x, 1e-9);
          g_assert_cmpfloat_with_epsilon (l.bar[s].x + l.bar[s].width, l.marker_x[s], 1e-9);
          g_assert_cmpfloat (l.bar[s].height, >, 0.0);
          g_assert_cmpfloat (l.value[s].x, >, l.marker_x[s] + l.marker_radius);
        }
      else
        {
          g_assert_false (l.present[s]);
          g_assert_cmpfloat (l.bar[s].width, ==, 0.0);
        }
    }
  /* Sections in order A, B, C, D. */
  for (guint k = 1; k < SC_BJSQ_N_SECTIONS; k++)
    g_assert_cmpfloat (l.section[k].y, >, l.section[k - 1].y);
}

static void
test_profile_layout (void)
{
  ScResult mhlw = mhlw_result ();
  ScChartProfileLayout kiosk, pdf;

  check_profile_layout (900, 700, &mhlw);   /* kiosk */
  check_profile_layout (500, 600, &mhlw);   /* A4 PDF page, in points */
  check_profile_layout (360, 420, &mhlw);   /* a small window: text shrinks, nothing spills */

  /* At kiosk size the text keeps the style's size; on the PDF page it stays readable. */
  sc_chart_profile_layout (900, 700, &mhlw, NULL, &kiosk);
  g_assert_cmpfloat (kiosk.font_size, ==, 14.0);
  sc_chart_profile_layout (500, 600, &mhlw, NULL, &pdf);
  g_assert_cmpfloat (pdf.font_size, >=, 9.0);

  /* The MHLW example's 評価点 1 scales sit left of its 評価点 4 scale. */
  g_assert_cmpfloat (kiosk.marker_x[SC_SCALE_FATIGUE], <, kiosk.marker_x[SC_SCALE_PHYSICAL_DEMAND]);
}

static void
test_profile_pixels (void)
{
  /* 量 = 1 (most stress), コントロール = 5 (least), 活気 missing, the rest 3. */
  int scores[SC_BJSQ_N_SCALES];
  ScResult result;
  ScChartProfileLayout l;
  ScChartStyle style;
  ProfileArgs args = { &result, &style };
  cairo_surface_t *surface;
  ScChartRect band;
  ScChartColor bar_tint;

  for (guint s = 0; s < SC_BJSQ_N_SCALES; s++)
    scores[s] = 3;
  scores[SC_SCALE_QUANTITATIVE_DEMAND] = 1;
  scores[SC_SCALE_JOB_CONTROL] = 5;
  scores[SC_SCALE_VIGOR] = 0;
  result = make_result (scores);

  sc_chart_style_init_default (&style);
  sc_chart_profile_layout (900, 700, &result, &style, &l);
  surface = sc_chart_render_image (900, 700, draw_profile_cb, &args);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);

  /* Score 1: the caution dot at the far left column; score 5: the accent dot at the right. */
  {
    ScChartColor c = pixel_at (surface, l.marker_x[SC_SCALE_QUANTITATIVE_DEMAND],
                               l.marker_y[SC_SCALE_QUANTITATIVE_DEMAND]);
    g_assert_true (color_near (&c, &style.caution));
    g_assert_cmpfloat (l.marker_x[SC_SCALE_QUANTITATIVE_DEMAND], ==, l.score_x[0]);
  }
  {
    ScChartColor c = pixel_at (surface, l.marker_x[SC_SCALE_JOB_CONTROL],
                               l.marker_y[SC_SCALE_JOB_CONTROL]);
    g_assert_true (color_near (&c, &style.accent));
    g_assert_cmpfloat (l.marker_x[SC_SCALE_JOB_CONTROL], ==, l.score_x[4]);
  }
  /* A 3 is neither: the muted dot in the middle column. */
  {
    ScChartColor c = pixel_at (surface, l.marker_x[SC_SCALE_ANXIETY], l.marker_y[SC_SCALE_ANXIETY]);
    g_assert_true (color_near (&c, &style.muted));
    g_assert_cmpfloat (l.marker_x[SC_SCALE_ANXIETY], ==, l.score_x[2]);
  }

  /* The score-5 bar is drawn along its length: bar tint halfway between axis and dot. */
  bar_tint = (ScChartColor) {
    style.background.red + (style.accent.red - style.background.red) * 0.45,
    style.background.green + (style.accent.green - style.background.green) * 0.45,
    style.background.blue + (style.accent.blue - style.background.blue) * 0.45, 1.0
  };
  {
    const ScChartRect *bar = &l.bar[SC_SCALE_JOB_CONTROL];
    ScChartColor c = pixel_at (surface, bar->x + bar->width * 0.6, bar->y + bar->height / 2.0);

    g_assert_cmpfloat (color_distance (&c, &bar_tint), <, 0.03);
  }

  /* The missing scale: no dot and no bar anywhere right of its 「—（未回答）」 text, where
   * the score-5 row (the control) has both. */
  band = (ScChartRect) { l.score_x[1] - l.marker_radius,
                         l.marker_y[SC_SCALE_VIGOR] - l.marker_radius,
                         l.track.x + l.track.width - l.score_x[1] + l.marker_radius,
                         2 * l.marker_radius };
  g_assert_cmpuint (count_color (surface, &band, &style.caution, 0.1), ==, 0);
  g_assert_cmpuint (count_color (surface, &band, &style.accent, 0.1), ==, 0);
  g_assert_cmpuint (count_color (surface, &band, &style.muted, 0.1), ==, 0);
  band.y = l.marker_y[SC_SCALE_JOB_CONTROL] - l.marker_radius;
  g_assert_cmpuint (count_color (surface, &band, &style.accent, 0.1), >, 50);
  g_assert_cmpuint (count_color (surface, &band, &bar_tint, 0.03), >, 50);

  /* Its 「—（未回答）」 text is drawn, in the muted colour, where the bar would start. */
  g_assert_false (l.present[SC_SCALE_VIGOR]);
  g_assert_cmpuint (count_color (surface, &l.value[SC_SCALE_VIGOR], &style.muted, 0.15), >, 20);

  /* Every present scale prints its number right of its dot, in the foreground colour. */
  for (guint s = 0; s < SC_BJSQ_N_SCALES; s++)
    if (l.present[s])
      g_assert_cmpuint (count_color (surface, &l.value[s], &style.foreground, 0.15), >, 10);

  /* Every scale name is printed in its label column. */
  for (guint s = 0; s < SC_BJSQ_N_SCALES; s++)
    g_assert_cmpuint (count_color (surface, &l.label[s], &style.foreground, 0.15), >, 20);

  cairo_surface_destroy (surface);

  write_png ("chart-profile-missing.png", 900, 700, draw_profile_cb, &args);
}

/* The screenshots a person looks at: the MHLW example in every style and at PDF size. */
static void
test_profile_screenshots (void)
{
  ScResult mhlw = mhlw_result ();
  ScChartStyle light, contrast_style, dark, print;
  ProfileArgs args = { &mhlw, &light };

  sc_chart_style_init_default (&light);
  sc_chart_style_init_high_contrast (&contrast_style);
  sc_chart_style_init_dark (&dark);
  sc_chart_style_init_default (&print);
  print.font_size = 10.0;

  write_png ("chart-profile.png", 900, 700, draw_profile_cb, &args);
  args.style = &contrast_style;
  write_png ("chart-profile-high-contrast.png", 900, 700, draw_profile_cb, &args);
  args.style = &dark;
  write_png ("chart-profile-dark.png", 900, 700, draw_profile_cb, &args);
  args.style = &print;
  write_png ("chart-profile-a4.png", 500, 600, draw_profile_cb, &args);
}

static void
test_profile_styles (void)
{
  ScResult mhlw = mhlw_result ();
  ScChartStyle contrast_style, dark;
  ScChartProfileLayout l;
  ProfileArgs args = { &mhlw, &contrast_style };
  const ScChartRect *bar;
  cairo_surface_t *surface;
  ScChartColor c;

  /* High contrast: its own white background, its own dark vermillion for a 1 and its own
   * dark blue for the 4, solid bars (no tint) all the way. */
  sc_chart_style_init_high_contrast (&contrast_style);
  sc_chart_profile_layout (900, 700, &mhlw, &contrast_style, &l);
  bar = &l.bar[SC_SCALE_PHYSICAL_DEMAND];
  surface = sc_chart_render_image (900, 700, draw_profile_cb, &args);
  c = pixel_at (surface, 1, 1);
  g_assert_true (color_near (&c, &contrast_style.background));
  c = pixel_at (surface, l.marker_x[SC_SCALE_FATIGUE], l.marker_y[SC_SCALE_FATIGUE]);
  g_assert_true (color_near (&c, &contrast_style.caution));
  c = pixel_at (surface, l.marker_x[SC_SCALE_PHYSICAL_DEMAND],
                l.marker_y[SC_SCALE_PHYSICAL_DEMAND]);
  g_assert_true (color_near (&c, &contrast_style.accent));
  c = pixel_at (surface, bar->x + bar->width / 2,
                l.marker_y[SC_SCALE_PHYSICAL_DEMAND]);
  g_assert_true (color_near (&c, &contrast_style.accent));
  cairo_surface_destroy (surface);

  /* Dark: the dark background, and the dark style's sky blue for the 4. */
  sc_chart_style_init_dark (&dark);
  args.style = &dark;
  sc_chart_profile_layout (900, 700, &mhlw, &dark, &l);
  surface = sc_chart_render_image (900, 700, draw_profile_cb, &args);
  c = pixel_at (surface, 1, 1);
  g_assert_true (color_near (&c, &dark.background));
  c = pixel_at (surface, l.marker_x[SC_SCALE_PHYSICAL_DEMAND],
                l.marker_y[SC_SCALE_PHYSICAL_DEMAND]);
  g_assert_true (color_near (&c, &dark.accent));
  /* Scale names in the dark style's light text. */
  g_assert_cmpuint (count_color (surface, &l.label[SC_SCALE_VIGOR], &dark.foreground, 0.15), >, 20);
  cairo_surface_destroy (surface);

  /* A transparent background (a widget on a card): the canvas outside the chart's marks
   * stays transparent, the marks are drawn. */
  dark.background.alpha = 0.0;
  surface = sc_chart_render_image (900, 700, draw_profile_cb, &args);
  c = pixel_at (surface, 1, 1);
  g_assert_cmpfloat (c.alpha, ==, 0.0);
  c = pixel_at (surface, l.marker_x[SC_SCALE_PHYSICAL_DEMAND],
                l.marker_y[SC_SCALE_PHYSICAL_DEMAND]);
  g_assert_true (color_near (&c, &dark.accent));
  cairo_surface_destroy (surface);
}

/* ---- judgement charts ------------------------------------------------------------------ */

static const ScChartConstants *
male_constants (void)
{
  return &sc_chart_constant_set_default ()->constants[SC_SEX_MALE];
}

static void
national_average (ScChartJudgement        kind,
                  const ScChartConstants *c,
                  double                 *x,
                  double                 *y)
{
  *x = kind == SC_CHART_DEMAND_CONTROL ? c->b0 : c->c0;
  *y = kind == SC_CHART_DEMAND_CONTROL ? c->a0 : c->d0;
}

static void
test_judgement_map (void)
{
  ScChartJudgementLayout l;
  double px, py;

  sc_chart_judgement_layout (600, 640, sc_chart_constant_set_default (), NULL, &l);

  /* A square plot inside the chart, with room for title above and caption below. */
  g_assert_cmpfloat_with_epsilon (l.plot.width, l.plot.height, 1e-9);
  g_assert_cmpfloat (l.plot.width, >, 300);
  g_assert_cmpfloat (l.plot.x, >, 0);
  g_assert_cmpfloat (l.plot.x + l.plot.width, <, 600);
  g_assert_cmpfloat (l.title.y + l.title.height, <=, l.plot.y);
  g_assert_cmpfloat (l.caption.y, >, l.plot.y + l.plot.height);
  g_assert_cmpfloat (l.caption.y + l.caption.height, <=, 640);

  /* (3, 3) bottom-left, (12, 12) top-right, y growing upwards. */
  sc_chart_judgement_map (&l, 3, 3, &px, &py);
  g_assert_cmpfloat_with_epsilon (px, l.plot.x, 1e-9);
  g_assert_cmpfloat_with_epsilon (py, l.plot.y + l.plot.height, 1e-9);
  sc_chart_judgement_map (&l, 12, 12, &px, &py);
  g_assert_cmpfloat_with_epsilon (px, l.plot.x + l.plot.width, 1e-9);
  g_assert_cmpfloat_with_epsilon (py, l.plot.y, 1e-9);
  sc_chart_judgement_map (&l, 7.5, 7.5, &px, &py);
  g_assert_cmpfloat_with_epsilon (px, l.plot.x + l.plot.width / 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (py, l.plot.y + l.plot.height / 2, 1e-9);

  /* A small chart shrinks its text but still shows a usable plot. */
  sc_chart_judgement_layout (320, 340, sc_chart_constant_set_default (), NULL, &l);
  g_assert_cmpfloat (l.font_size, <, 14.0);
  g_assert_cmpfloat (l.plot.width, >, 150);
  g_assert_cmpfloat (l.caption.y + l.caption.height, <=, 340);
}

static void
test_judgement_iso_lines (void)
{
  const ScChartConstantSet *sets[] = {
    sc_chart_constant_set_builtin ("set-a"), sc_chart_constant_set_builtin ("set-b"),
  };

  g_assert_cmpfloat (sc_chart_iso_risk (0), ==, 80.0);
  g_assert_cmpfloat (sc_chart_iso_risk (2), ==, 100.0);
  g_assert_cmpfloat (sc_chart_iso_risk (SC_CHART_N_ISO_LINES - 1), ==, 150.0);

  for (guint k = 0; k < G_N_ELEMENTS (sets); k++)
    for (int sex = 0; sex < SC_N_SEXES; sex++)
      for (int kind = SC_CHART_DEMAND_CONTROL; kind <= SC_CHART_SUPPORT; kind++)
        {
          const ScChartConstants *c = &sets[k]->constants[sex];
          double cx, cy, x0, y0, x1, y1;

          national_average (kind, c, &cx, &cy);
          g_assert_cmpfloat_with_epsilon (sc_chart_judgement_risk (kind, c, cx, cy), 100.0, 1e-9);

          for (guint i = 0; i < SC_CHART_N_ISO_LINES; i++)
            {
              double risk = sc_chart_iso_risk (i);

              /* With these constants every line crosses the 3-12 square. */
              g_assert_true (sc_chart_iso_line (kind, c, risk, &x0, &y0, &x1, &y1));

              /* Both ends have risk R (they are on the line), lie in the square, on its
               * border (the line is clipped, not cut short), ordered by x. */
              g_assert_cmpfloat_with_epsilon (sc_chart_judgement_risk (kind, c, x0, y0), risk,
                                              risk * 1e-9);
              g_assert_cmpfloat_with_epsilon (sc_chart_judgement_risk (kind, c, x1, y1), risk,
                                              risk * 1e-9);
              g_assert_cmpfloat (x0, <=, x1);
              for (guint e = 0; e < 2; e++)
                {
                  double x = e == 0 ? x0 : x1, y = e == 0 ? y0 : y1;

                  g_assert_cmpfloat (x, >=, 3.0 - 1e-9);
                  g_assert_cmpfloat (x, <=, 12.0 + 1e-9);
                  g_assert_cmpfloat (y, >=, 3.0 - 1e-9);
                  g_assert_cmpfloat (y, <=, 12.0 + 1e-9);
                  g_assert_true (fabs (x - 3) < 1e-9 || fabs (x - 12) < 1e-9
                                 || fabs (y - 3) < 1e-9 || fabs (y - 12) < 1e-9);
                }

              /* R = 100 passes through the national average (B0, A0) / (C0, D0). */
              if (risk == 100.0)
                {
                  double cross = (x1 - x0) * (cy - y0) - (y1 - y0) * (cx - x0);

                  g_assert_cmpfloat (fabs (cross) / hypot (x1 - x0, y1 - y0), <, 1e-9);
                  g_assert_cmpfloat (cx, >=, x0);
                  g_assert_cmpfloat (cx, <=, x1);
                }
            }
        }

  /* Risk grows towards the worse corner: top-left for demand-control (high demand, low
   * control), bottom-left for support. */
  g_assert_cmpfloat (sc_chart_judgement_risk (SC_CHART_DEMAND_CONTROL, male_constants (), 3, 12),
                     >, 150.0);
  g_assert_cmpfloat (sc_chart_judgement_risk (SC_CHART_SUPPORT, male_constants (), 3, 3), >, 150.0);

  /* The same risk as the group analysis computes (spec §10: MHLW example, male, set A). */
  g_assert_cmpfloat_with_epsilon (sc_chart_judgement_risk (SC_CHART_DEMAND_CONTROL,
                                                           male_constants (), 5, 11),
                                  154.17, 0.005);
  g_assert_cmpfloat_with_epsilon (sc_chart_judgement_risk (SC_CHART_SUPPORT, male_constants (),
                                                           3, 6),
                                  189.69, 0.005);

  /* A line far outside the square is reported as missing, not drawn. */
  {
    double x0, y0, x1, y1;

    g_assert_false (sc_chart_iso_line (SC_CHART_SUPPORT, male_constants (), 1e6,
                                       &x0, &y0, &x1, &y1));
  }
}

static void
check_judgement_pixels (ScChartJudgement kind)
{
  const ScChartConstantSet *set = sc_chart_constant_set_default ();
  const ScChartConstants *c = &set->constants[SC_SEX_MALE];
  const ScChartPoint *groups = kind == SC_CHART_DEMAND_CONTROL ? demand_control_groups
                                                                : support_groups;
  ScChartStyle style;
  JudgementArgs args = { kind, set, SC_SEX_MALE, groups, 3, &style };
  ScChartJudgementLayout l;
  cairo_surface_t *surface;
  double cx, cy, px, py, x0, y0, x1, y1, t;
  ScChartColor pixel;

  sc_chart_style_init_default (&style);
  sc_chart_judgement_layout (600, 640, set, &style, &l);
  surface = sc_chart_render_image (600, 640, draw_judgement_cb, &args);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);

  /* The national average: the diamond's centre dot in the foreground colour. */
  national_average (kind, c, &cx, &cy);
  sc_chart_judgement_map (&l, cx, cy, &px, &py);
  g_assert_true (color_near_point (surface, px, py, 1.0, &style.foreground, 0.02));

  /* The R = 100 line, in the foreground colour, a quarter of the way along (away from
   * the diamond and from its label near the upper end). */
  g_assert_true (sc_chart_iso_line (kind, c, 100.0, &x0, &y0, &x1, &y1));
  t = kind == SC_CHART_DEMAND_CONTROL ? 0.2 : 0.8;
  sc_chart_judgement_map (&l, x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, &px, &py);
  g_assert_true (color_near_point (surface, px, py, 1.0, &style.foreground, 0.1));

  /* The R = 150 line, in the caution colour, halfway along. */
  g_assert_true (sc_chart_iso_line (kind, c, 150.0, &x0, &y0, &x1, &y1));
  sc_chart_judgement_map (&l, (x0 + x1) / 2, (y0 + y1) / 2, &px, &py);
  g_assert_true (color_near_point (surface, px, py, 1.0, &style.caution, 0.1));

  /* Between two lines, off the grid, away from everything: background. The point on the
   * perpendicular from the average at risk ≈ 95 lies between the 90 and 100 lines. */
  {
    double a = kind == SC_CHART_DEMAND_CONTROL ? c->beta : c->gamma;
    double b = kind == SC_CHART_DEMAND_CONTROL ? c->alpha : c->delta;
    double k = log (0.95) / (a * a + b * b);

    sc_chart_judgement_map (&l, cx + k * a, cy + k * b, &px, &py);
    pixel = pixel_at (surface, px, py);
    g_assert_cmpfloat (sc_chart_judgement_risk (kind, c, cx + k * a, cy + k * b), <, 100.0);
    g_assert_true (color_near (&pixel, &style.background));
  }

  /* Every group: its accent dot where its means are. */
  for (guint i = 0; i < 3; i++)
    {
      sc_chart_judgement_map (&l, groups[i].x, groups[i].y, &px, &py);
      pixel = pixel_at (surface, px, py);
      g_assert_true (color_near (&pixel, &style.accent));
    }

  /* Tick labels 3 … 12 under the x axis: ink below the plot at each integer. */
  for (int v = 3; v <= 12; v++)
    {
      ScChartRect r;

      sc_chart_judgement_map (&l, v, 3, &px, &py);
      r = (ScChartRect) { px - 0.6 * l.font_size, py + 0.4 * l.font_size, 1.2 * l.font_size,
                          1.2 * l.font_size };
      g_assert_cmpuint (count_color (surface, &r, &style.foreground, 0.2), >, 3);
    }
  cairo_surface_destroy (surface);
}

static void
test_judgement_pixels (void)
{
  check_judgement_pixels (SC_CHART_DEMAND_CONTROL);
  check_judgement_pixels (SC_CHART_SUPPORT);
}

/* Lines are clipped to the plot: on a wide chart, the empty space right of the plot
 * stays background although the lines, extended, would cross it. */
static void
test_judgement_clipped (void)
{
  const ScChartConstantSet *set = sc_chart_constant_set_default ();
  JudgementArgs args = { SC_CHART_DEMAND_CONTROL, set, SC_SEX_MALE, NULL, 0, NULL };
  ScChartJudgementLayout l;
  ScChartStyle style;
  cairo_surface_t *surface;
  ScChartRect right;

  sc_chart_style_init_default (&style);
  sc_chart_judgement_layout (1000, 500, set, NULL, &l);
  surface = sc_chart_render_image (1000, 500, draw_judgement_cb, &args);

  right = (ScChartRect) { l.plot.x + l.plot.width + 2 * l.font_size, l.plot.y,
                          1000 - (l.plot.x + l.plot.width + 2 * l.font_size), l.plot.height };
  g_assert_cmpfloat (right.width, >, 100);
  g_assert_cmpuint (count_ink (surface, &right, &style.background), ==, 0);
  /* …while the plot itself has lines in it. */
  g_assert_cmpuint (count_color (surface, &l.plot, &style.caution, 0.1), >, 100);
  cairo_surface_destroy (surface);
}

static void
test_judgement_note (void)
{
  const ScChartConstantSet *unverified = sc_chart_constant_set_default ();
  g_autoptr(ScChartConstantSet) verified = NULL;
  g_autofree char *caption_unverified = NULL;
  g_autofree char *caption_verified = NULL;
  g_autofree char *expected_note = NULL;
  ScChartJudgementLayout lu, lv;
  ScChartStyle style;
  JudgementArgs args = { SC_CHART_SUPPORT, unverified, SC_SEX_FEMALE, NULL, 0, &style };
  cairo_surface_t *su, *sv;

  g_assert_false (unverified->verified);
  verified = sc_chart_constant_set_new ("checked", "Checked set", "東京医科大学 bjsq.zip 確認済み",
                                        TRUE, &unverified->constants[SC_SEX_MALE],
                                        &unverified->constants[SC_SEX_FEMALE]);

  /* The text: the note with the source when unverified; the source alone when verified. */
  caption_unverified = sc_chart_judgement_caption (unverified);
  expected_note = g_strconcat ("定数は要確認（未検証）: ", unverified->source, NULL);
  g_assert_nonnull (strstr (caption_unverified, expected_note));
  g_assert_nonnull (strstr (caption_unverified, unverified->name));
  caption_verified = sc_chart_judgement_caption (verified);
  g_assert_null (strstr (caption_verified, "要確認"));
  g_assert_null (strstr (caption_verified, "未検証"));
  g_assert_nonnull (strstr (caption_verified, "東京医科大学 bjsq.zip 確認済み"));
  g_assert_nonnull (strstr (caption_verified, "Checked set"));

  /* The drawing: the note box (caution colour) only for the unverified set; the caption
   * text (the source) for both. */
  sc_chart_style_init_default (&style);
  sc_chart_judgement_layout (600, 640, unverified, &style, &lu);
  sc_chart_judgement_layout (600, 640, verified, &style, &lv);
  g_assert_cmpfloat (lu.note.height, >, 0);
  g_assert_cmpfloat (lv.note.height, ==, 0);

  su = sc_chart_render_image (600, 640, draw_judgement_cb, &args);
  args.constants = verified;
  sv = sc_chart_render_image (600, 640, draw_judgement_cb, &args);

  g_assert_cmpuint (count_color (su, &lu.caption, &style.caution, 0.1), >, 200);
  g_assert_cmpuint (count_color (sv, &lv.caption, &style.caution, 0.1), ==, 0);
  g_assert_cmpuint (count_ink (su, &lu.note, &style.background), >, 500);
  g_assert_cmpuint (count_color (sv, &lv.caption, &style.muted, 0.15), >, 100);
  g_assert_cmpuint (count_color (su, &lu.caption, &style.muted, 0.15), >, 100);

  cairo_surface_destroy (su);
  cairo_surface_destroy (sv);

  write_png ("chart-support-verified.png", 600, 640, draw_judgement_cb, &args);
}

static void
test_judgement_screenshots (void)
{
  const ScChartConstantSet *set = sc_chart_constant_set_default ();
  JudgementArgs args = { SC_CHART_DEMAND_CONTROL, set, SC_SEX_MALE, demand_control_groups, 3,
                         NULL };
  ScChartStyle contrast_style, dark;

  sc_chart_style_init_high_contrast (&contrast_style);
  sc_chart_style_init_dark (&dark);

  write_png ("chart-demand-control.png", 600, 640, draw_judgement_cb, &args);
  args.sex = SC_SEX_FEMALE;
  write_png ("chart-demand-control-female.png", 600, 640, draw_judgement_cb, &args);
  args.style = &dark;
  write_png ("chart-demand-control-dark.png", 600, 640, draw_judgement_cb, &args);

  args.kind = SC_CHART_SUPPORT;
  args.points = support_groups;
  args.sex = SC_SEX_MALE;
  args.style = NULL;
  write_png ("chart-support.png", 600, 640, draw_judgement_cb, &args);
  args.style = &contrast_style;
  write_png ("chart-support-high-contrast.png", 600, 640, draw_judgement_cb, &args);
  args.style = NULL;
  write_png ("chart-support-small.png", 340, 380, draw_judgement_cb, &args);
}

/* ---- files ----------------------------------------------------------------------------- */

typedef struct
{
  const ScResult *result;
} ReportArgs;

/* A report-like page: the profile, then both judgement charts on an A4 page in points. */
static void
draw_report_page_cb (cairo_t  *cr,
                     double    width,
                     double    height,
                     gpointer  user_data)
{
  ReportArgs *args = user_data;
  const ScChartConstantSet *set = sc_chart_constant_set_default ();
  ScChartStyle print;

  sc_chart_style_init_default (&print);
  print.font_size = 10.0;

  cairo_save (cr);
  cairo_translate (cr, 48, 60);
  sc_chart_draw_profile (cr, 500, 600, args->result, &print);
  cairo_restore (cr);
  cairo_show_page (cr);

  cairo_save (cr);
  cairo_translate (cr, 48, 40);
  sc_chart_draw_demand_control (cr, 500, 370, set, SC_SEX_MALE, demand_control_groups, 3,
                                &print);
  cairo_translate (cr, 0, 390);
  sc_chart_draw_support (cr, 500, 370, set, SC_SEX_MALE, support_groups, 3, &print);
  cairo_restore (cr);
}

static void
test_render_pdf (void)
{
  ScResult mhlw = mhlw_result ();
  ReportArgs args = { &mhlw };
  g_autofree char *path = build_path ("chart-report.pdf");
  g_autofree char *tmp = g_strdup_printf ("%s.%d.tmp", path, (int) getpid ());
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (sc_chart_render_pdf (tmp, 595.28, 841.89, draw_report_page_cb, &args, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_rename (tmp, path), ==, 0);

  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (len, >, 10000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* Two pages, and the Japanese font embedded (subset) rather than left to the viewer. */
  g_assert_true (test_contains_bytes (contents, len, "/Count 2"));
  g_assert_true (test_contains_bytes (contents, len, "NotoSansCJK"));
  g_assert_true (test_contains_bytes (contents, len, "/FontFile"));
  g_test_message ("report: %s", path);
}

static void
test_render_errors (void)
{
  ScResult mhlw = mhlw_result ();
  ProfileArgs args = { &mhlw, NULL };
  g_autoptr(GError) error = NULL;

  /* An unwritable path is a GError, not a crash or a silent success. */
  g_assert_false (sc_chart_render_png ("/nonexistent-dir/chart.png", 100, 100, draw_profile_cb,
                                       &args, &error));
  g_assert_error (error, SC_CHART_ERROR, SC_CHART_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "/nonexistent-dir/chart.png"));
  g_clear_error (&error);

  g_assert_false (sc_chart_render_pdf ("/nonexistent-dir/chart.pdf", 100, 100, draw_profile_cb,
                                       &args, &error));
  g_assert_error (error, SC_CHART_ERROR, SC_CHART_ERROR_FAILED);
}

/* A report places charts side by side: nothing may be drawn outside the rectangle given,
 * even with long group names near the plot's edge. */
static void
test_ink_within_bounds (void)
{
  static const ScChartPoint edge_groups[] = {
    { "とても長い名前の部署（第二製造課・夜勤）", 11.9, 11.9 },
    { "左下の部署", 3.0, 3.0 },
  };
  ScResult mhlw = mhlw_result ();
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  double x, y, w, h;

  cairo_translate (cr, 100, 50);
  sc_chart_draw_profile (cr, 400, 300, &mhlw, NULL);
  cairo_translate (cr, 0, 300);
  sc_chart_draw_demand_control (cr, 400, 420, sc_chart_constant_set_default (), SC_SEX_MALE,
                                edge_groups, G_N_ELEMENTS (edge_groups), NULL);
  cairo_translate (cr, 0, 420);
  sc_chart_draw_support (cr, 400, 420, sc_chart_constant_set_default (), SC_SEX_FEMALE,
                         edge_groups, G_N_ELEMENTS (edge_groups), NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  cairo_recording_surface_ink_extents (surface, &x, &y, &w, &h);
  g_assert_cmpfloat (x, >=, 100 - 1e-6);
  g_assert_cmpfloat (y, >=, 50 - 1e-6);
  g_assert_cmpfloat (x + w, <=, 500 + 1e-6);
  g_assert_cmpfloat (y + h, <=, 50 + 300 + 420 + 420 + 1e-6);
  /* …and the charts do fill their rectangles (the backgrounds at least). */
  g_assert_cmpfloat (w, >=, 400 - 1e-6);
  cairo_surface_destroy (surface);
}

/* The context is left as it was found, so a report can draw chart after chart. */
static void
test_context_state (void)
{
  ScResult mhlw = mhlw_result ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 200);
  cairo_t *cr = cairo_create (surface);
  cairo_matrix_t before, after;
  double r, g, b, a;

  cairo_translate (cr, 10, 20);
  cairo_set_source_rgba (cr, 0.1, 0.2, 0.3, 0.4);
  cairo_set_line_width (cr, 7.0);
  cairo_get_matrix (cr, &before);

  sc_chart_draw_profile (cr, 180, 170, &mhlw, NULL);
  sc_chart_draw_demand_control (cr, 180, 170, sc_chart_constant_set_default (), SC_SEX_MALE,
                                demand_control_groups, 3, NULL);

  cairo_get_matrix (cr, &after);
  g_assert_cmpmem (&before, sizeof before, &after, sizeof after);
  g_assert_cmpfloat (cairo_get_line_width (cr), ==, 7.0);
  g_assert_cmpint (cairo_pattern_get_rgba (cairo_get_source (cr), &r, &g, &b, &a), ==,
                   CAIRO_STATUS_SUCCESS);
  g_assert_cmpfloat_with_epsilon (b, 0.3, 1e-9);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/style/palettes", test_style_palettes);
  g_test_add_func ("/chart/profile/layout", test_profile_layout);
  g_test_add_func ("/chart/profile/pixels", test_profile_pixels);
  g_test_add_func ("/chart/profile/styles", test_profile_styles);
  g_test_add_func ("/chart/profile/screenshots", test_profile_screenshots);
  g_test_add_func ("/chart/judgement/map", test_judgement_map);
  g_test_add_func ("/chart/judgement/iso-lines", test_judgement_iso_lines);
  g_test_add_func ("/chart/judgement/pixels", test_judgement_pixels);
  g_test_add_func ("/chart/judgement/clipped", test_judgement_clipped);
  g_test_add_func ("/chart/judgement/note", test_judgement_note);
  g_test_add_func ("/chart/judgement/screenshots", test_judgement_screenshots);
  g_test_add_func ("/chart/render/pdf", test_render_pdf);
  g_test_add_func ("/chart/render/errors", test_render_errors);
  g_test_add_func ("/chart/render/context-state", test_context_state);
  g_test_add_func ("/chart/render/ink-within-bounds", test_ink_within_bounds);

  status = g_test_run ();

  /* Drop PangoCairo's font map and the fonts it caches, so that the leak checker of the
   * sanitizer build sees what the charts themselves might have leaked, not the cache. */
  pango_cairo_font_map_set_default (NULL);
  return status;
}
