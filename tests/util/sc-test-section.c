/* sc-test-section.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workspace section test utilities (see sc-test-section.h).
 */
#define G_LOG_DOMAIN "sc-test-section"

#include "config.h"

#include "sc-test-section.h"

/* The message of the last toast a watched widget sent. */
static char *last_toast;

GtkWindow *
show_in_window (GtkWidget *child,
                int        width,
                int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  wait_for_frame (GTK_WIDGET (window));
  iterate_until_idle ();
  return window;
}

GtkWindow *
move_to_window (GtkWindow *old,
                GtkWidget *child,
                int        width,
                int        height)
{
  GtkWindow *window;

  g_object_ref (child);
  gtk_window_set_child (old, NULL);
  destroy_window (old);
  window = show_in_window (child, width, height);
  g_object_unref (child);
  return window;
}

static void
on_toast_cb (GtkWidget  *widget,
             const char *message,
             gpointer    user_data)
{
  g_free (last_toast);
  last_toast = g_strdup (message);
}

void
watch_toasts (GtkWidget *widget)
{
  g_signal_connect (widget, "toast", G_CALLBACK (on_toast_cb), NULL);
}

const char *
get_last_toast (void)
{
  return last_toast;
}

void
forget_toast (void)
{
  g_clear_pointer (&last_toast, g_free);
}

gboolean
toast_arrived (gpointer data)
{
  return last_toast != NULL;
}

AdwEntryRow *
find_entry_row (GtkWidget  *widget,
                const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_descendants (widget, ADW_TYPE_ENTRY_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title) == 0)
      return g_ptr_array_index (rows, i);
  g_error ("no entry row “%s”", title);
}

void
set_text (gpointer    editable,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), "");
  if (*text)
    type_text (editable, text);
}
