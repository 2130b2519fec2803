/* sc-kiosk-form.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-kiosk-form"

#include "config.h"

#include "sc-kiosk-form.h"

void
sc_kiosk_form_set_error (GtkLabel   *label,
                         const char *message)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

void
sc_kiosk_form_set_busy (GtkWidget  *page,
                        GtkWidget  *form,
                        GtkWidget  *keypad,
                        GtkSpinner *spinner,
                        gboolean    busy)
{
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (page) && GTK_IS_WIDGET (form));

  /* An entry made insensitive while it has the focus never hears that it lost it (and keeps
   * blinking its cursor): take the focus away first. */
  root = gtk_widget_get_root (page);
  if (busy && root != NULL && gtk_root_get_focus (root) != NULL
      && gtk_widget_is_ancestor (gtk_root_get_focus (root), form))
    gtk_root_set_focus (root, NULL);

  gtk_widget_set_sensitive (form, !busy);
  gtk_widget_set_sensitive (keypad, !busy);
  gtk_spinner_set_spinning (spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (spinner), busy);
}
