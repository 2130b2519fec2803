/* sc-chart-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers shared by the chart drawing files: style defaults, colours and text.
 */
#pragma once

#include <pango/pangocairo.h>

#include "sc-chart.h"

G_BEGIN_DECLS

/* The style to use when the caller passes %NULL. */
const ScChartStyle *sc_chart_style_resolve     (const ScChartStyle *style);

void                sc_chart_set_color         (cairo_t            *cr,
                                                const ScChartColor *color);

/* The background colour, opaque: what goes behind labels and around markers, also when
 * the chart leaves its background transparent. */
void                sc_chart_set_background    (cairo_t            *cr,
                                                const ScChartStyle *style);

/* @a blended towards @b by @t (0 = @a, 1 = @b), opaque. */
ScChartColor        sc_chart_color_mix         (const ScChartColor *a,
                                                const ScChartColor *b,
                                                double              t);

/* The line width unit: 1 at a 14-unit font, thicker in high contrast. */
double              sc_chart_line_unit         (const ScChartStyle *style,
                                                double              font_size);

/**
 * sc_chart_text_new:
 * @cr: (nullable): the context to draw on; %NULL for a measuring-only layout
 *
 * A layout for @text in the style's family at @size user units. Metrics are unhinted,
 * so a layout measured without a context has the size it has when drawn.
 */
PangoLayout        *sc_chart_text_new          (cairo_t            *cr,
                                                const ScChartStyle *style,
                                                double              size,
                                                gboolean            bold,
                                                const char         *text);

/* The logical size of @layout in user units. */
void                sc_chart_text_size         (PangoLayout        *layout,
                                                double             *width,
                                                double             *height);

/* Draws @layout with its top-left corner at (@x, @y) in @color. */
void                sc_chart_text_draw         (cairo_t            *cr,
                                                PangoLayout        *layout,
                                                double              x,
                                                double              y,
                                                const ScChartColor *color);

/* A rectangle with rounded corners of @radius, as a path. */
void                sc_chart_rounded_rect      (cairo_t            *cr,
                                                double              x,
                                                double              y,
                                                double              width,
                                                double              height,
                                                double              radius);

G_END_DECLS
