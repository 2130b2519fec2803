/* sc-application.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application object: actions, accelerators, settings and the About window.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SC_TYPE_APPLICATION (sc_application_get_type ())

G_DECLARE_FINAL_TYPE (ScApplication, sc_application, SC, APPLICATION, AdwApplication)

/* Adjusts the process environment for GTK before anything starts a thread or initializes GTK
 * (main () calls it first): with GSK_RENDERER=cairo, GDK does not prepare OpenGL. */
void           sc_application_prepare_environment (void);

/* Creates the application with the build's application id. */
ScApplication *sc_application_new          (void);

/* The window settings (window size), or NULL when the GSettings schema is not installed. */
GSettings     *sc_application_get_settings (ScApplication *self);

G_END_DECLS
