/* sc-kiosk-form.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the kiosk's entry pages (login, PIN) share: an error line under the form, and a busy
 * state while the vault works in a thread.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Shows @message in @label, or hides the label when @message is NULL. */
void sc_kiosk_form_set_error (GtkLabel   *label,
                              const char *message);

/* Makes @form and @keypad (in @page) insensitive and spins @spinner while @busy. */
void sc_kiosk_form_set_busy  (GtkWidget  *page,
                              GtkWidget  *form,
                              GtkWidget  *keypad,
                              GtkSpinner *spinner,
                              gboolean    busy);

G_END_DECLS
