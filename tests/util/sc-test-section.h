/* sc-test-section.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests of the workspace sections share (part of libsctestguiutil): a section
 * shown alone in a window of a given size, and moved to one of another size; the toasts a
 * section sends; entry rows found by title and filled in as a user does.
 */
#pragma once

#include "sc-test-gui-util.h"

G_BEGIN_DECLS

/* Shows @child in a new window of @width × @height, drawn. */
GtkWindow    *show_in_window           (GtkWidget     *child,
                                        int            width,
                                        int            height);

/* Moves @child into a new window of another size, destroying the old one. */
GtkWindow    *move_to_window           (GtkWindow     *old,
                                        GtkWidget     *child,
                                        int            width,
                                        int            height);

/* Keeps the message of the last "toast" signal of @widget. */
void          watch_toasts             (GtkWidget     *widget);

/* The message of the last toast since forget_toast (), or NULL. */
const char   *get_last_toast           (void);

/* Forgets the last toast. */
void          forget_toast             (void);

/* For wait_until (): whether a toast arrived since forget_toast (). */
gboolean      toast_arrived            (gpointer       data);

/* The entry row of @widget titled @title; fails the test when there is none. */
AdwEntryRow  *find_entry_row           (GtkWidget     *widget,
                                        const char    *title);

/* Empties @editable, then types @text into it as a person would. */
void          set_text                 (gpointer       editable,
                                        const char    *text);

G_END_DECLS
