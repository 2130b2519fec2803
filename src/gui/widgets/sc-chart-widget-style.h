/* sc-chart-widget-style.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the chart widgets share: the core chart style that matches the desktop (light,
 * dark or high contrast; transparent background) at the widget's own text size.
 */
#pragma once

#include <gtk/gtk.h>

#include "sc-chart.h"

G_BEGIN_DECLS

/* The widget's font size in pixels, so that a chart grows with the desktop's text size. */
double     sc_chart_widget_font_pixels (GtkWidget    *widget);

/* Fills @style for drawing a chart in @widget, text at @font_scale × the widget's font. */
void       sc_chart_widget_style_init  (GtkWidget    *widget,
                                        double        font_scale,
                                        ScChartStyle *style);

/* Redraws @widget whenever the desktop's dark or high-contrast style changes. */
void       sc_chart_widget_follow_style (GtkWidget   *widget);

G_END_DECLS
