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

/* Creates the application with the build's application id. */
ScApplication *sc_application_new          (void);

/* The window settings (window size), or NULL when the GSettings schema is not installed. */
GSettings     *sc_application_get_settings (ScApplication *self);

G_END_DECLS
