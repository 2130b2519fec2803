/* sc-compat.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place that knows which dialogs the Debian 12 floor offers (GTK 4.8, libadwaita 1.2).
 *
 * Message dialogs are AdwMessageDialog and file choosers are GtkFileChooserNative here; a port to
 * AdwAlertDialog (libadwaita 1.5) and GtkFileDialog (GTK 4.10) changes this file only. The
 * functions follow the shape of those newer APIs so that callers need not change then.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  SC_RESPONSE_DEFAULT,
  SC_RESPONSE_SUGGESTED,
  SC_RESPONSE_DESTRUCTIVE,
} ScResponseAppearance;

/* A new message dialog with a heading and a body (plain text, not markup). Add responses, then
 * show it with sc_compat_message_dialog_choose (). */
GtkWidget  *sc_compat_message_dialog_new                  (const char           *heading,
                                                           const char           *body);

/* Adds a button; @id is what sc_compat_message_dialog_choose_finish () returns for it. */
void        sc_compat_message_dialog_add_response         (GtkWidget            *dialog,
                                                           const char           *id,
                                                           const char           *label,
                                                           ScResponseAppearance  appearance);

/* The response activated by Enter. */
void        sc_compat_message_dialog_set_default_response (GtkWidget            *dialog,
                                                           const char           *id);

/* The response given when the dialog is closed with Escape or cancelled. */
void        sc_compat_message_dialog_set_close_response   (GtkWidget            *dialog,
                                                           const char           *id);

/* Whether the response @id can be chosen now (e.g. while the input is not valid). */
void        sc_compat_message_dialog_set_response_enabled (GtkWidget            *dialog,
                                                           const char           *id,
                                                           gboolean              enabled);

/* An extra widget below the body, e.g. an entry for a passphrase. */
void        sc_compat_message_dialog_set_extra_child      (GtkWidget            *dialog,
                                                           GtkWidget            *child);

/* Shows @dialog modal over the window of @parent (nullable) and calls @callback once it is
 * answered. Cancelling @cancellable closes the dialog with the close response. */
void        sc_compat_message_dialog_choose               (GtkWidget            *dialog,
                                                           GtkWidget            *parent,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);

/* The id of the chosen response; an interned string, never NULL. */
const char *sc_compat_message_dialog_choose_finish        (GtkWidget            *dialog,
                                                           GAsyncResult         *result);

/* Asks for an existing file to open. @filter (nullable) restricts the files shown. A chooser
 * the user dismissed, or one cancelled through @cancellable, ends in G_IO_ERROR_CANCELLED. */
void        sc_compat_open_file_async                     (GtkWidget            *parent,
                                                           const char           *title,
                                                           GtkFileFilter        *filter,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);

GFile      *sc_compat_open_file_finish                    (GAsyncResult         *result,
                                                           GError              **error);

/* Asks where to save a file, proposing @initial_name (nullable). The chooser itself asks before
 * replacing an existing file. Errors as for sc_compat_open_file_async (). */
void        sc_compat_save_file_async                     (GtkWidget            *parent,
                                                           const char           *title,
                                                           const char           *initial_name,
                                                           GtkFileFilter        *filter,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);

GFile      *sc_compat_save_file_finish                    (GAsyncResult         *result,
                                                           GError              **error);

/* libadwaita 1.2 gives the show-text button of AdwPasswordEntryRow no name for screen readers
 * (they hear "GtkImage"). Names every icon-only button under @root by its tooltip, now and
 * whenever the tooltip changes ("Show Password" / "Hide Password"). */
void        sc_compat_name_icon_buttons                   (GtkWidget            *root);

G_END_DECLS
