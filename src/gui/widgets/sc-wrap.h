/* sc-wrap.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Wrapped text without orphans: Japanese text may break between any two characters, so a
 * paragraph often ended with a line of one or two characters ("す。"). The last few
 * characters of each wrapped label are kept together, so that its last line holds at least
 * SC_WRAP_KEEP_CHARACTERS of them.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SC_WRAP_KEEP_CHARACTERS 4

/**
 * sc_wrap_keep_last_characters:
 * @root: a page or any widget
 *
 * Keeps the last characters of every wrapped label under @root together, now, whenever a
 * label's text changes, and for labels added later once @root is shown again.
 */
void sc_wrap_keep_last_characters (GtkWidget *root);

G_END_DECLS
