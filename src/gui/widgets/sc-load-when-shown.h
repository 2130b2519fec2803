/* sc-load-when-shown.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A section fills itself from the vault when it is first shown, not when it is built: the
 * workspace builds every section at unlock, and only the one on screen needs its rows. A
 * section reloaded while hidden is marked stale and loads again the next time it is mapped.
 *
 *   static void
 *   reload (ScFooSection *self)
 *   {
 *     if (sc_load_when_shown_defer (GTK_WIDGET (self)))
 *       return;
 *     … the real work …
 *   }
 *
 * and once, in constructed (): sc_load_when_shown_init (GTK_WIDGET (self), reload).
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*ScLoadFunc) (gpointer widget);

/**
 * sc_load_when_shown_init:
 * @widget: a section
 * @load: what fills @widget (its reload function)
 *
 * Calls @load when @widget is mapped while it is stale. @widget starts stale: it loads
 * when first shown.
 */
void     sc_load_when_shown_init  (GtkWidget  *widget,
                                   ScLoadFunc  load);

/**
 * sc_load_when_shown_init_full:
 * @widget: a section
 * @build: (nullable): what builds @widget's rows and forms, once, just before its first load
 * @load: what fills @widget (its reload function)
 *
 * As sc_load_when_shown_init(), and a section that is not shown is not even built.
 */
void     sc_load_when_shown_init_full (GtkWidget  *widget,
                                       ScLoadFunc  build,
                                       ScLoadFunc  load);

/**
 * sc_load_when_shown_defer:
 * @widget: a section set up with sc_load_when_shown_init()
 *
 * Returns: %TRUE when @widget is not mapped: it is marked stale and the caller does not
 *   load now (it will when shown); %FALSE when the caller loads now.
 */
gboolean sc_load_when_shown_defer (GtkWidget  *widget);

/**
 * sc_load_when_shown_get_stale:
 * @widget: a section set up with sc_load_when_shown_init()
 *
 * Returns: whether @widget waits to be shown before it loads.
 */
gboolean sc_load_when_shown_get_stale (GtkWidget *widget);

G_END_DECLS
