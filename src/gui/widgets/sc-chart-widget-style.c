/* sc-chart-widget-style.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-chart-widget"

#include "config.h"

#include <adwaita.h>

#include "sc-chart-widget-style.h"

double
sc_chart_widget_font_pixels (GtkWidget *widget)
{
  PangoContext *context = gtk_widget_get_pango_context (widget);
  const PangoFontDescription *desc = pango_context_get_font_description (context);
  double size, resolution;

  if (desc == NULL || pango_font_description_get_size (desc) == 0)
    return 14.0;

  size = (double) pango_font_description_get_size (desc) / PANGO_SCALE;
  if (pango_font_description_get_size_is_absolute (desc))
    return size;

  resolution = pango_cairo_context_get_resolution (context);
  if (resolution <= 0)
    resolution = 96.0;
  return size * resolution / 72.0;
}

void
sc_chart_widget_style_init (GtkWidget    *widget,
                            double        font_scale,
                            ScChartStyle *style)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  if (adw_style_manager_get_high_contrast (manager))
    sc_chart_style_init_high_contrast (style);
  else if (adw_style_manager_get_dark (manager))
    sc_chart_style_init_dark (style);
  else
    sc_chart_style_init_default (style);

  /* The card behind the chart shows through, in every style. */
  style->background.alpha = 0.0;
  style->font_size = sc_chart_widget_font_pixels (widget) * font_scale;
}

void
sc_chart_widget_follow_style (GtkWidget *widget)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (gtk_widget_queue_draw), widget,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast", G_CALLBACK (gtk_widget_queue_draw),
                           widget, G_CONNECT_SWAPPED);
}
