/* sc-window.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window. For now it shows what the application will do once a vault is open.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SC_TYPE_WINDOW (sc_window_get_type ())

G_DECLARE_FINAL_TYPE (ScWindow, sc_window, SC, WINDOW, AdwApplicationWindow)

/* Creates a window for @application. @settings (nullable) keeps the window size. */
ScWindow  *sc_window_new          (GtkApplication *application,
                                   GSettings      *settings);

/* The settings given at construction, or NULL. */
GSettings *sc_window_get_settings (ScWindow       *self);

G_END_DECLS
