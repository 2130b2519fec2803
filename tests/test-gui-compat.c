/* test-gui-compat.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sc-compat: the message dialog answers with the response the user clicked (or its close
 * response when closed or cancelled), and the file choosers return the chosen file or
 * G_IO_ERROR_CANCELLED. Every dialog is gone afterwards. The message dialog is saved as
 * G_TEST_BUILDDIR/message-dialog.png.
 */
#define G_LOG_DOMAIN "test-gui-compat"

#include "config.h"

#include "sc-test-gui-util.h"
#include "sc-compat.h"

typedef struct
{
  GtkWindow *parent;
  char      *tmpdir;
} Fixture;

typedef struct
{
  gboolean    done;
  const char *response;
  GFile      *file;
  GError     *error;
} Result;

static void
result_clear (Result *result)
{
  g_clear_object (&result->file);
  g_clear_error (&result->error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->parent = GTK_WINDOW (gtk_window_new ());
  g_object_ref (fixture->parent);
  gtk_window_set_default_size (fixture->parent, 640, 480);
  gtk_window_present (fixture->parent);
  while (!gtk_widget_get_mapped (GTK_WIDGET (fixture->parent)))
    g_main_context_iteration (NULL, TRUE);

  fixture->tmpdir = test_make_dir ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->parent);
  g_assert_finalize_object (fixture->parent);

  test_remove_dir (fixture->tmpdir);
  g_free (fixture->tmpdir);
}

static gboolean
result_done (gpointer data)
{
  Result *result = data;

  return result->done;
}

static void
wait_until_done (Result *result)
{
  wait_until (result_done, result);
  iterate_until_idle ();
}

/* Message dialogs */

static GtkWidget *
create_delete_dialog (void)
{
  GtkWidget *dialog = sc_compat_message_dialog_new ("Delete Round?",
                                                    "The answers of this round are deleted.");

  sc_compat_message_dialog_add_response (dialog, "cancel", "_Cancel", SC_RESPONSE_DEFAULT);
  sc_compat_message_dialog_add_response (dialog, "delete", "_Delete", SC_RESPONSE_DESTRUCTIVE);
  sc_compat_message_dialog_set_default_response (dialog, "cancel");
  sc_compat_message_dialog_set_close_response (dialog, "cancel");

  return dialog;
}

static void
on_choose_cb (GObject      *source,
              GAsyncResult *res,
              gpointer      user_data)
{
  Result *result = user_data;

  result->response = sc_compat_message_dialog_choose_finish (GTK_WIDGET (source), res);
  result->done = TRUE;
}

static void
test_message_dialog_click (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *dialog = create_delete_dialog ();
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *button;
  Result result = { 0 };

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  sc_compat_message_dialog_set_extra_child (dialog, entry);

  sc_compat_message_dialog_choose (dialog, GTK_WIDGET (fixture->parent), NULL,
                                   on_choose_cb, &result);
  g_assert_true (wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG) == GTK_WINDOW (dialog));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == fixture->parent);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_widget_is_ancestor (entry, dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Delete Round?");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                                               "delete"),
                   ==, ADW_RESPONSE_DESTRUCTIVE);

  save_screenshot_png (dialog, "message-dialog.png", SCREENSHOT_DEFAULT);

  button = GTK_WIDGET (find_button (dialog, "_Delete"));
  g_assert_nonnull (button);
  gtk_widget_activate (button);
  wait_until_done (&result);

  g_assert_cmpstr (result.response, ==, "delete");
  g_assert_null (dialog);
}

static void
test_message_dialog_close (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *dialog = create_delete_dialog ();
  Result result = { 0 };

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  sc_compat_message_dialog_choose (dialog, GTK_WIDGET (fixture->parent), NULL,
                                   on_choose_cb, &result);
  wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  /* What Escape or the window manager does. */
  gtk_window_close (GTK_WINDOW (dialog));
  wait_until_done (&result);

  g_assert_cmpstr (result.response, ==, "cancel");
  g_assert_null (dialog);
}

static void
test_message_dialog_cancel (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  GtkWidget *dialog = create_delete_dialog ();
  Result result = { 0 };

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  sc_compat_message_dialog_choose (dialog, GTK_WIDGET (fixture->parent), cancellable,
                                   on_choose_cb, &result);
  wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  g_cancellable_cancel (cancellable);
  wait_until_done (&result);

  g_assert_cmpstr (result.response, ==, "cancel");
  g_assert_null (dialog);
}

/* File choosers. Outside a sandbox GtkFileChooserNative shows a GtkFileChooserDialog, which
 * the test answers as the user would. */

G_GNUC_BEGIN_IGNORE_DEPRECATIONS

static void
on_open_cb (GObject      *source,
            GAsyncResult *res,
            gpointer      user_data)
{
  Result *result = user_data;

  result->file = sc_compat_open_file_finish (res, &result->error);
  result->done = TRUE;
}

static void
on_save_cb (GObject      *source,
            GAsyncResult *res,
            gpointer      user_data)
{
  Result *result = user_data;

  result->file = sc_compat_save_file_finish (res, &result->error);
  result->done = TRUE;
}

static GtkWindow *
wait_for_file_chooser (Fixture    *fixture,
                       const char *title)
{
  GtkWindow *chooser = wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);

  g_assert_cmpstr (gtk_window_get_title (chooser), ==, title);
  g_assert_true (gtk_window_get_transient_for (chooser) == fixture->parent);
  g_assert_true (gtk_window_get_modal (chooser));

  return chooser;
}

static void
test_open_file (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, "roster.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr (GError) error = NULL;
  GtkWindow *chooser;
  Result result = { 0 };
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_file_set_contents (path, "number,name,sex\n", -1, &error);
  g_assert_no_error (error);
  gtk_file_filter_set_name (filter, "CSV");
  gtk_file_filter_add_suffix (filter, "csv");

  sc_compat_open_file_async (GTK_WIDGET (fixture->parent), "Import Roster", filter, NULL,
                             on_open_cb, &result);
  chooser = wait_for_file_chooser (fixture, "Import Roster");
  g_object_add_weak_pointer (G_OBJECT (chooser), (gpointer *) &chooser);
  g_assert_true (gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser)) == filter);
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==,
                   GTK_FILE_CHOOSER_ACTION_OPEN);

  /* Select the file, once its folder is loaded, and press Open. */
  gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, &error);
  g_assert_no_error (error);
  for (;;)
    {
      g_autoptr (GFile) selected = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (selected != NULL && g_file_equal (selected, file))
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
    }
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  wait_until_done (&result);

  g_assert_no_error (result.error);
  g_assert_nonnull (result.file);
  g_assert_true (g_file_equal (result.file, file));
  g_assert_null (chooser);
  result_clear (&result);
}

static void
test_open_file_dismissed (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWindow *chooser;
  Result result = { 0 };

  sc_compat_open_file_async (GTK_WIDGET (fixture->parent), "Open Vault", NULL, NULL,
                             on_open_cb, &result);
  chooser = wait_for_file_chooser (fixture, "Open Vault");
  g_object_add_weak_pointer (G_OBJECT (chooser), (gpointer *) &chooser);

  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  wait_until_done (&result);

  g_assert_null (result.file);
  g_assert_error (result.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (chooser);
  result_clear (&result);
}

static void
test_save_file (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GFile) folder = g_file_new_for_path (fixture->tmpdir);
  g_autoptr (GFile) expected = g_file_get_child (folder, "report.pdf");
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  GtkWindow *chooser;
  Result result = { 0 };

  sc_compat_save_file_async (GTK_WIDGET (fixture->parent), "Save Report", "report.pdf", NULL,
                             NULL, on_save_cb, &result);
  chooser = wait_for_file_chooser (fixture, "Save Report");
  g_object_add_weak_pointer (G_OBJECT (chooser), (gpointer *) &chooser);
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==,
                   GTK_FILE_CHOOSER_ACTION_SAVE);

  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (name, ==, "report.pdf");
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, &error);
  g_assert_no_error (error);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  wait_until_done (&result);

  g_assert_no_error (result.error);
  g_assert_nonnull (result.file);
  g_assert_true (g_file_equal (result.file, expected));
  g_assert_null (chooser);
  result_clear (&result);
}

static void
test_save_file_cancelled (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  GtkWindow *chooser;
  Result result = { 0 };

  sc_compat_save_file_async (GTK_WIDGET (fixture->parent), "Save Backup", NULL, NULL,
                             cancellable, on_save_cb, &result);
  chooser = wait_for_file_chooser (fixture, "Save Backup");
  g_object_add_weak_pointer (G_OBJECT (chooser), (gpointer *) &chooser);

  g_cancellable_cancel (cancellable);
  wait_until_done (&result);

  g_assert_null (result.file);
  g_assert_error (result.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (chooser);
  result_clear (&result);

  /* Already cancelled: no chooser at all. */
  result.done = FALSE;
  sc_compat_open_file_async (GTK_WIDGET (fixture->parent), "Open Vault", NULL, cancellable,
                             on_open_cb, &result);
  wait_until_done (&result);
  g_assert_error (result.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  result_clear (&result);
}

G_GNUC_END_IGNORE_DEPRECATIONS

int
main (int   argc,
      char *argv[])
{
  test_gui_init (&argc, &argv);
  /* A dialog that takes more than 10 s to appear or to answer fails the test. */
  test_gui_set_wait_limit (10);

#define ADD(path, func) \
  g_test_add ("/gui/compat/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("message-dialog/click", test_message_dialog_click);
  ADD ("message-dialog/close", test_message_dialog_close);
  ADD ("message-dialog/cancel", test_message_dialog_cancel);
  ADD ("open-file", test_open_file);
  ADD ("open-file/dismissed", test_open_file_dismissed);
  ADD ("save-file", test_save_file);
  ADD ("save-file/cancelled", test_save_file_cancelled);

#undef ADD

  return test_gui_run ();
}
