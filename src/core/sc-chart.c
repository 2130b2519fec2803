/* sc-chart.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Chart styles, the text and colour helpers shared by the charts, and rendering to PNG
 * and PDF files.
 */
#define G_LOG_DOMAIN "sc-chart"

#include "config.h"

#include "sc-chart.h"
#include "sc-chart-private.h"

#include <cairo-pdf.h>
#include <math.h>

G_DEFINE_QUARK (sc-chart-error-quark, sc_chart_error)

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, \
                   ((hex) & 0xff) / 255.0, 1.0 }

/* ---- styles -------------------------------------------------------------------------- */

/* Colours: the Okabe–Ito palette (blue and vermillion stay apart for every kind of colour
 * vision), darkened where needed so that text in them reaches 4.5:1 on the background. */
void
sc_chart_style_init_default (ScChartStyle *style)
{
  static const ScChartStyle light = {
    .foreground = RGB (0x1b1f24),
    .background = RGB (0xffffff),
    .accent = RGB (0x0072b2),       /* Okabe–Ito blue, 5.2:1 on white */
    .caution = RGB (0xc25100),      /* Okabe–Ito vermillion darkened to 4.7:1 */
    .muted = RGB (0x5f6b7a),        /* 5.4:1 */
    .font_family = SC_CHART_FONT_FAMILY,
    .font_size = 14.0,
    .high_contrast = FALSE,
  };

  g_return_if_fail (style != NULL);

  *style = light;
}

void
sc_chart_style_init_high_contrast (ScChartStyle *style)
{
  static const ScChartStyle contrast = {
    .foreground = RGB (0x000000),
    .background = RGB (0xffffff),
    .accent = RGB (0x00358a),       /* 11.2:1 */
    .caution = RGB (0xa32000),      /* 7.6:1 */
    .muted = RGB (0x4a4a4a),        /* 8.9:1 */
    .font_family = SC_CHART_FONT_FAMILY,
    .font_size = 15.0,
    .high_contrast = TRUE,
  };

  g_return_if_fail (style != NULL);

  *style = contrast;
}

void
sc_chart_style_init_dark (ScChartStyle *style)
{
  static const ScChartStyle dark = {
    .foreground = RGB (0xedeff2),
    .background = RGB (0x1e1e22),
    .accent = RGB (0x56b4e9),       /* Okabe–Ito sky blue, 7.2:1 on the background */
    .caution = RGB (0xe69f00),      /* Okabe–Ito orange, 7.4:1 */
    .muted = RGB (0x9aa3ae),        /* 6.5:1 */
    .font_family = SC_CHART_FONT_FAMILY,
    .font_size = 14.0,
    .high_contrast = FALSE,
  };

  g_return_if_fail (style != NULL);

  *style = dark;
}

const ScChartStyle *
sc_chart_style_resolve (const ScChartStyle *style)
{
  static ScChartStyle fallback;
  static gsize initialized = 0;

  if (style != NULL)
    return style;

  if (g_once_init_enter (&initialized))
    {
      sc_chart_style_init_default (&fallback);
      g_once_init_leave (&initialized, 1);
    }
  return &fallback;
}

/* ---- colours and shapes ------------------------------------------------------------- */

void
sc_chart_set_color (cairo_t            *cr,
                    const ScChartColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

void
sc_chart_set_background (cairo_t            *cr,
                         const ScChartStyle *style)
{
  cairo_set_source_rgb (cr, style->background.red, style->background.green,
                        style->background.blue);
}

ScChartColor
sc_chart_color_mix (const ScChartColor *a,
                    const ScChartColor *b,
                    double              t)
{
  ScChartColor c;

  c.red = a->red + (b->red - a->red) * t;
  c.green = a->green + (b->green - a->green) * t;
  c.blue = a->blue + (b->blue - a->blue) * t;
  c.alpha = 1.0;
  return c;
}

double
sc_chart_line_unit (const ScChartStyle *style,
                    double              font_size)
{
  double unit = MAX (font_size / 14.0, 0.5);

  return style->high_contrast ? unit * 1.6 : unit;
}

void
sc_chart_rounded_rect (cairo_t *cr,
                       double   x,
                       double   y,
                       double   width,
                       double   height,
                       double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2.0);
  if (radius <= 0.0)
    {
      cairo_rectangle (cr, x, y, width, height);
      return;
    }

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2.0, 0.0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0.0, G_PI / 2.0);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2.0, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 1.5 * G_PI);
  cairo_close_path (cr);
}

/* ---- text --------------------------------------------------------------------------- */

/* Unhinted metrics everywhere: a layout then has the same size whether it was measured
 * for the geometry helpers, drawn on screen or drawn into a PDF. */
static void
configure_context (PangoContext *context)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_SLIGHT);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
}

PangoLayout *
sc_chart_text_new (cairo_t            *cr,
                   const ScChartStyle *style,
                   double              size,
                   gboolean            bold,
                   const char         *text)
{
  PangoLayout *layout;
  PangoFontDescription *desc;

  if (cr != NULL)
    {
      layout = pango_cairo_create_layout (cr);
      configure_context (pango_layout_get_context (layout));
      pango_layout_context_changed (layout);
    }
  else
    {
      /* A fresh context on the default font map of this thread (reports are rendered off
       * the main thread): cheap, and no state is kept between calls. */
      PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());

      configure_context (context);
      layout = pango_layout_new (context);
      g_object_unref (context);
    }

  desc = pango_font_description_new ();
  pango_font_description_set_family (desc, style->font_family != NULL
                                           ? style->font_family : SC_CHART_FONT_FAMILY);
  pango_font_description_set_absolute_size (desc, MAX (size, 1.0) * PANGO_SCALE);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  pango_layout_set_text (layout, text, -1);
  return layout;
}

void
sc_chart_text_size (PangoLayout *layout,
                    double      *width,
                    double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

void
sc_chart_text_draw (cairo_t            *cr,
                    PangoLayout        *layout,
                    double              x,
                    double              y,
                    const ScChartColor *color)
{
  cairo_save (cr);
  sc_chart_set_color (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/* ---- rendering to files ------------------------------------------------------------- */

cairo_surface_t *
sc_chart_render_image (int             width,
                       int             height,
                       ScChartDrawFunc draw,
                       gpointer        user_data)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (width > 0 && height > 0, NULL);
  g_return_val_if_fail (draw != NULL, NULL);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  draw (cr, width, height, user_data);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

gboolean
sc_chart_render_png (const char      *path,
                     int              width,
                     int              height,
                     ScChartDrawFunc  draw,
                     gpointer         user_data,
                     GError         **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);
  g_return_val_if_fail (draw != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  surface = sc_chart_render_image (width, height, draw, user_data);
  status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SC_CHART_ERROR, SC_CHART_ERROR_FAILED,
                   "Could not write the chart image “%s”: %s",
                   path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

gboolean
sc_chart_render_pdf (const char      *path,
                     double           width,
                     double           height,
                     ScChartDrawFunc  draw,
                     gpointer         user_data,
                     GError         **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);
  g_return_val_if_fail (draw != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  surface = cairo_pdf_surface_create (path, width, height);
  cr = cairo_create (surface);
  draw (cr, width, height, user_data);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SC_CHART_ERROR, SC_CHART_ERROR_FAILED,
                   "Could not write the chart document “%s”: %s",
                   path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
