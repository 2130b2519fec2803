/* sc-compat.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-compat"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <adwaita.h>

#include "sc-compat.h"

static GtkWindow *
get_parent_window (GtkWidget *parent)
{
  GtkRoot *root;

  if (parent == NULL)
    return NULL;

  root = gtk_widget_get_root (parent);
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Message dialogs */

typedef struct
{
  GCancellable *cancellable;
  gulong        response_handler;
  gulong        cancelled_handler;
} ChooseData;

static void
choose_data_free (gpointer data)
{
  ChooseData *choose = data;

  g_clear_object (&choose->cancellable);
  g_free (choose);
}

GtkWidget *
sc_compat_message_dialog_new (const char *heading,
                              const char *body)
{
  return adw_message_dialog_new (NULL, heading, body);
}

void
sc_compat_message_dialog_set_response_enabled (GtkWidget  *dialog,
                                               const char *id,
                                               gboolean    enabled)
{
  g_return_if_fail (ADW_IS_MESSAGE_DIALOG (dialog));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), id, enabled);
}

void
sc_compat_message_dialog_add_response (GtkWidget            *dialog,
                                       const char           *id,
                                       const char           *label,
                                       ScResponseAppearance  appearance)
{
  AdwResponseAppearance adw_appearance = ADW_RESPONSE_DEFAULT;

  g_return_if_fail (ADW_IS_MESSAGE_DIALOG (dialog));
  g_return_if_fail (id != NULL && label != NULL);

  switch (appearance)
    {
    case SC_RESPONSE_DEFAULT:
      adw_appearance = ADW_RESPONSE_DEFAULT;
      break;

    case SC_RESPONSE_SUGGESTED:
      adw_appearance = ADW_RESPONSE_SUGGESTED;
      break;

    case SC_RESPONSE_DESTRUCTIVE:
      adw_appearance = ADW_RESPONSE_DESTRUCTIVE;
      break;

    default:
      g_return_if_reached ();
    }

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), id, label);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), id, adw_appearance);
}

void
sc_compat_message_dialog_set_default_response (GtkWidget  *dialog,
                                               const char *id)
{
  g_return_if_fail (ADW_IS_MESSAGE_DIALOG (dialog));

  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), id);
}

void
sc_compat_message_dialog_set_close_response (GtkWidget  *dialog,
                                             const char *id)
{
  g_return_if_fail (ADW_IS_MESSAGE_DIALOG (dialog));
  g_return_if_fail (id != NULL);

  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), id);
}

void
sc_compat_message_dialog_set_extra_child (GtkWidget *dialog,
                                          GtkWidget *child)
{
  g_return_if_fail (ADW_IS_MESSAGE_DIALOG (dialog));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), child);
}

static void
on_message_dialog_response_cb (AdwMessageDialog *dialog,
                               const char       *response,
                               gpointer          user_data)
{
  g_autoptr (GTask) task = user_data;
  ChooseData *choose = g_task_get_task_data (task);

  g_signal_handler_disconnect (dialog, choose->response_handler);
  if (choose->cancelled_handler != 0)
    g_signal_handler_disconnect (choose->cancellable, choose->cancelled_handler);

  g_task_return_pointer (task, (gpointer) g_intern_string (response), NULL);
}

static void
on_message_dialog_cancelled_cb (GCancellable *cancellable,
                                gpointer      user_data)
{
  /* As Escape does: the dialog answers with its close response, then goes away. */
  gtk_window_close (GTK_WINDOW (user_data));
}

void
sc_compat_message_dialog_choose (GtkWidget           *dialog,
                                 GtkWidget           *parent,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;
  ChooseData *choose;

  g_return_if_fail (ADW_IS_MESSAGE_DIALOG (dialog));
  g_return_if_fail (parent == NULL || GTK_IS_WIDGET (parent));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (dialog, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_compat_message_dialog_choose);
  /* A cancelled dialog still answers, with its close response, as AdwAlertDialog does. */
  g_task_set_check_cancellable (task, FALSE);

  choose = g_new0 (ChooseData, 1);
  g_task_set_task_data (task, choose, choose_data_free);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), get_parent_window (parent));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);

  /* The handler owns the task reference until the dialog answers. */
  choose->response_handler = g_signal_connect (dialog, "response",
                                               G_CALLBACK (on_message_dialog_response_cb), task);

  gtk_window_present (GTK_WINDOW (dialog));

  if (cancellable != NULL)
    {
      choose->cancellable = g_object_ref (cancellable);
      if (g_cancellable_is_cancelled (cancellable))
        on_message_dialog_cancelled_cb (cancellable, dialog);
      else
        choose->cancelled_handler =
          g_signal_connect (cancellable, "cancelled",
                            G_CALLBACK (on_message_dialog_cancelled_cb), dialog);
    }
}

const char *
sc_compat_message_dialog_choose_finish (GtkWidget    *dialog,
                                        GAsyncResult *result)
{
  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), NULL);
  g_return_val_if_fail (g_task_is_valid (result, dialog), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        sc_compat_message_dialog_choose, NULL);

  return g_task_propagate_pointer (G_TASK (result), NULL);
}

/* File choosers */

typedef struct
{
  GtkFileChooserNative *native;
  GCancellable         *cancellable;
  gulong                response_handler;
  gulong                cancelled_handler;
} FileData;

static void
file_data_free (gpointer data)
{
  FileData *file_data = data;

  if (file_data->native != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (file_data->native));
  g_clear_object (&file_data->native);
  g_clear_object (&file_data->cancellable);
  g_free (file_data);
}

/* Ends @task once, whichever comes first: the chooser's answer or the cancellable. */
static void
complete_file_task (GTask *task,
                    GFile *file)
{
  FileData *file_data = g_task_get_task_data (task);

  g_signal_handler_disconnect (file_data->native, file_data->response_handler);
  if (file_data->cancelled_handler != 0)
    g_signal_handler_disconnect (file_data->cancellable, file_data->cancelled_handler);
  gtk_native_dialog_hide (GTK_NATIVE_DIALOG (file_data->native));

  if (file != NULL)
    g_task_return_pointer (task, g_object_ref (file), g_object_unref);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             "%s", _("No file was chosen"));

  g_object_unref (task);
}

static void
on_file_chooser_response_cb (GtkNativeDialog *native,
                             int              response,
                             gpointer         user_data)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  complete_file_task (G_TASK (user_data), file);
}

static void
on_file_chooser_cancelled_cb (GCancellable *cancellable,
                              gpointer      user_data)
{
  complete_file_task (G_TASK (user_data), NULL);
}

static void
run_file_chooser (GtkFileChooserNative *native,
                  GtkFileFilter        *filter,
                  GCancellable         *cancellable,
                  gpointer              source_tag,
                  GAsyncReadyCallback   callback,
                  gpointer              user_data)
{
  GTask *task;
  FileData *file_data;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);

  file_data = g_new0 (FileData, 1);
  file_data->native = native;
  g_task_set_task_data (task, file_data, file_data_free);

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  if (filter != NULL)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  /* The task reference is released by complete_file_task (). */
  file_data->response_handler = g_signal_connect (native, "response",
                                                  G_CALLBACK (on_file_chooser_response_cb), task);

  if (cancellable != NULL)
    {
      file_data->cancellable = g_object_ref (cancellable);
      if (g_cancellable_is_cancelled (cancellable))
        {
          complete_file_task (task, NULL);
          return;
        }
      file_data->cancelled_handler =
        g_signal_connect (cancellable, "cancelled",
                          G_CALLBACK (on_file_chooser_cancelled_cb), task);
    }

  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
sc_compat_open_file_async (GtkWidget           *parent,
                           const char          *title,
                           GtkFileFilter       *filter,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GtkFileChooserNative *native;

  g_return_if_fail (parent == NULL || GTK_IS_WIDGET (parent));
  g_return_if_fail (title != NULL);
  g_return_if_fail (filter == NULL || GTK_IS_FILE_FILTER (filter));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  native = gtk_file_chooser_native_new (title, get_parent_window (parent),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  run_file_chooser (native, filter, cancellable, sc_compat_open_file_async, callback, user_data);
}

GFile *
sc_compat_open_file_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sc_compat_open_file_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
sc_compat_save_file_async (GtkWidget           *parent,
                           const char          *title,
                           const char          *initial_name,
                           GtkFileFilter       *filter,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GtkFileChooserNative *native;

  g_return_if_fail (parent == NULL || GTK_IS_WIDGET (parent));
  g_return_if_fail (title != NULL);
  g_return_if_fail (filter == NULL || GTK_IS_FILE_FILTER (filter));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  native = gtk_file_chooser_native_new (title, get_parent_window (parent),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  if (initial_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), initial_name);

  run_file_chooser (native, filter, cancellable, sc_compat_save_file_async, callback, user_data);
}

GFile *
sc_compat_save_file_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sc_compat_save_file_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Accessible names */

static void
name_by_tooltip (GtkWidget *button)
{
  const char *tooltip = gtk_widget_get_tooltip_text (button);

  if (tooltip != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    tooltip, -1);
}

static void
on_icon_button_tooltip_changed_cb (GtkWidget  *button,
                                   GParamSpec *pspec,
                                   gpointer    user_data)
{
  name_by_tooltip (button);
}

void
sc_compat_name_icon_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (root))))
    {
      name_by_tooltip (root);
      g_signal_connect (root, "notify::tooltip-text",
                        G_CALLBACK (on_icon_button_tooltip_changed_cb), NULL);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    sc_compat_name_icon_buttons (child);
}
