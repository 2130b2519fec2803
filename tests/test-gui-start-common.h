/* test-gui-start-common.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers for the tests of the way to the kiosk (test-gui-start.c, test-gui-unlock.c), on top of
 * gui-test-util.h: run ScApplication with a command line and check that every watched widget
 * is finalized, wait for pages, type and click as a user does, and save screenshots.
 *
 * With SC_TEST_LANGUAGE=ja the same tests run in Japanese with the catalog built from
 * po/ja.po, and screenshots get a "-ja" suffix.
 */
#pragma once

#include <glib/gstdio.h>

#include "gui-test-util.h"

static gboolean test_japanese;
static char *test_data_home;

/* A translated string, as the user interface shows it in the language under test. */
#define T(s) g_dgettext (GETTEXT_PACKAGE, s)

/* Types @text into an entry or entry row, as a person would (one change per character). */
static inline void
type_text (gpointer    editable,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), "");
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      int position = -1;

      gtk_editable_insert_text (GTK_EDITABLE (editable), p, g_utf8_next_char (p) - p, &position);
    }
  iterate_until_idle ();
}

/* Presses Enter in an entry or entry row. */
static inline void
press_enter (gpointer editable)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (editable));

  g_signal_emit_by_name (delegate != NULL ? (gpointer) delegate : editable, "activate");
  iterate_until_idle ();
}

static inline void
click (GtkButton *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
  iterate_until_idle ();
}

/* Renders @widget as it is on screen into G_TEST_BUILDDIR/@name(-ja).png and checks that the
 * picture is not one flat colour (a window that failed to draw). */
static inline void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autofree char *file_name = g_strconcat (name, test_japanese ? "-ja" : "", ".png", NULL);

  save_screenshot_png (widget, file_name, SCREENSHOT_CHECK_DRAWN);
}

/* Widgets that must be finalized by the end of a test. */
static GPtrArray *watched;

static inline void
watch_finalize (gpointer object)
{
  gpointer *location = g_new (gpointer, 1);

  *location = object;
  g_object_add_weak_pointer (G_OBJECT (object), location);
  g_ptr_array_add (watched, location);
}

static inline void
assert_watched_finalized (void)
{
  for (guint i = 0; i < watched->len; i++)
    {
      gpointer *location = g_ptr_array_index (watched, i);

      if (*location != NULL)
        g_error ("%s %p was not finalized", G_OBJECT_TYPE_NAME (*location), *location);
      g_free (location);
    }
  g_ptr_array_set_size (watched, 0);
}

/* Running the application */

/* Runs @func in a running ScApplication started with the arguments @args (NULL-terminated,
 * nullable) once it presented its window, and checks that the application ends and is
 * finalized once @func has closed every window, and that every watched widget is gone. */
static inline void
run_in_application_with_args (AppTestFunc        func,
                              const char * const *args)
{
  run_in_sc_application (func, args);
  iterate_until_idle ();
  assert_watched_finalized ();
}

static inline void
run_test (gconstpointer data)
{
  run_in_application_with_args ((AppTestFunc) data, NULL);
}

/* The main window the activation presented, mapped and drawn. */
static inline ScWindow *
get_window (ScApplication *app)
{
  ScWindow *window = wait_for_sc_window (app);

  watch_finalize (window);

  return window;
}

typedef struct
{
  ScWindow *window;
  GType     type;
} PageWait;

static inline gboolean
page_shown (gpointer data)
{
  PageWait *wait = data;

  return G_TYPE_CHECK_INSTANCE_TYPE (sc_window_get_page (wait->window), wait->type);
}

/* Waits until @window shows a page of @type, drawn, and watches it for finalization. */
static inline GtkWidget *
wait_for_page (ScWindow *window,
               GType     type)
{
  PageWait wait = { window, type };
  GtkWidget *page;

  wait_until (page_shown, &wait);
  page = sc_window_get_page (window);
  wait_for_frame (page);
  watch_finalize (page);

  return page;
}

/* A temporary folder for the test's vaults. */
static inline char *
make_temp_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("sc-gui-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static inline void
remove_tree (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children != NULL)
    {
      GFileInfo *info;

      while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
        {
          g_autoptr (GFileInfo) owned = info;
          g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);

          remove_tree (child);
        }
    }
  g_file_delete (file, NULL, NULL);
}

/* Sets up the language, a private data folder (for the demo vault), the minimum key
 * derivation limits and GTK. Call first in main (). */
static inline void
test_gui_init (int    *argc,
               char ***argv)
{
  test_japanese = g_strcmp0 (g_getenv ("SC_TEST_LANGUAGE"), "ja") == 0;
  if (!test_japanese)
    g_unsetenv ("LANGUAGE");

  /* Vaults made by the GUI (and by stresscheck-cli for the demo) use the minimum limits. */
  g_setenv ("STRESSCHECK_KDF", "min", TRUE);

  /* The demo vault goes to the user data folder: a private one, before GLib reads it. */
  test_data_home = make_temp_dir ();
  g_setenv ("XDG_DATA_HOME", test_data_home, TRUE);

  g_test_init (argc, argv, NULL);
  if (test_japanese)
    setup_japanese ();
  gtk_init ();

  /* Pages switch at once, so that screenshots show one page, not a cross-fade. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  watched = g_ptr_array_new ();

  if (test_japanese)
    g_assert_cmpstr (T ("Stress Check"), ==, "ストレスチェック");
}

static inline int
test_gui_run (void)
{
  int status = g_test_run ();

  remove_tree (test_data_home);
  g_clear_pointer (&test_data_home, g_free);
  g_clear_pointer (&watched, g_ptr_array_unref);

  return status;
}
