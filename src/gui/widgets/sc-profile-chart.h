/* sc-profile-chart.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A widget that shows one respondent's stress profile, drawn by the core's
 * sc_chart_draw_profile() so that the screen and the PDF show the same picture. It follows
 * the desktop's dark and high-contrast styles and its text size.
 */
#pragma once

#include <gtk/gtk.h>

#include "sc-score.h"

G_BEGIN_DECLS

#define SC_TYPE_PROFILE_CHART (sc_profile_chart_get_type ())

G_DECLARE_FINAL_TYPE (ScProfileChart, sc_profile_chart, SC, PROFILE_CHART, GtkWidget)

GtkWidget *sc_profile_chart_new         (void);

/* Shows @result (copied), or nothing for %NULL. The previous copy is wiped. */
void       sc_profile_chart_set_result  (ScProfileChart *self,
                                         const ScResult *result);

/* Copies the shown result into @out_result; %FALSE (and @out_result untouched) when the chart
 * shows nothing. */
gboolean   sc_profile_chart_get_result  (ScProfileChart *self,
                                         ScResult       *out_result);

G_END_DECLS
