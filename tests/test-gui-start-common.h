/* test-gui-start-common.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers for the tests of the way to the kiosk (test-gui-start.c, test-gui-unlock.c): run
 * ScApplication with a command line, wait for pages and windows, find widgets as a user sees
 * them (by label), save screenshots, and check that every widget is finalized.
 *
 * With SC_TEST_LANGUAGE=ja the same tests run in Japanese with the catalog built from
 * po/ja.po, and screenshots get a "-ja" suffix.
 */
#pragma once

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "sc-application.h"
#include "sc-window.h"

typedef void (*AppTestFunc) (ScApplication *app);

static gboolean test_japanese;
static char *test_data_home;

/* A translated string, as the user interface shows it in the language under test. */
#define T(s) g_dgettext (GETTEXT_PACKAGE, s)

static inline void
iterate_until_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

typedef gboolean (*ConditionFunc) (gpointer data);

/* Runs the main loop until @condition holds; fails after a minute, which only a hang takes. */
static inline void
wait_until (ConditionFunc condition,
            gpointer      data)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static inline void
wait_for_frame (GtkWidget *widget)
{
  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);
  gtk_test_widget_wait_for_draw (widget);
}

/* Destroys @window, which must then be finalized. */
static inline void
destroy_window (gpointer window)
{
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_until_idle ();
  g_assert_finalize_object (window);
}

static inline GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static inline gboolean
toplevel_shown (gpointer type)
{
  return find_toplevel ((GType) GPOINTER_TO_SIZE (type)) != NULL;
}

static inline GtkWindow *
wait_for_toplevel (GType type)
{
  GtkWindow *window;

  wait_until (toplevel_shown, GSIZE_TO_POINTER (type));
  window = find_toplevel (type);
  wait_for_frame (GTK_WIDGET (window));

  return window;
}

static inline GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static inline void
collect_descendants (GtkWidget *widget,
                     GType      type,
                     GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_descendants (child, type, found);
}

/* The @index-th descendant of @type, in the order of the widget tree. */
static inline GtkWidget *
find_nth_descendant (GtkWidget *widget,
                     GType      type,
                     guint      index)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new ();

  collect_descendants (widget, type, found);
  g_assert_cmpuint (index, <, found->len);

  return g_ptr_array_index (found, index);
}

/* The button whose label (or AdwButtonContent's label) is @label, mnemonic included. */
static inline GtkButton *
find_button (GtkWidget  *widget,
             const char *label)
{
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();

  collect_descendants (widget, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkButton *button = g_ptr_array_index (buttons, i);
      GtkWidget *child = gtk_button_get_child (button);

      if (g_strcmp0 (gtk_button_get_label (button), label) == 0)
        return button;
      if (ADW_IS_BUTTON_CONTENT (child) &&
          g_strcmp0 (adw_button_content_get_label (ADW_BUTTON_CONTENT (child)), label) == 0)
        return button;
    }

  return NULL;
}

/* The button that activates @action_name. */
static inline GtkButton *
find_button_with_action (GtkWidget  *widget,
                         const char *action_name)
{
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();

  collect_descendants (widget, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)), action_name) == 0)
      return g_ptr_array_index (buttons, i);

  return NULL;
}

/* The label with the CSS class @css_class. */
static inline GtkLabel *
find_label_with_class (GtkWidget  *widget,
                       const char *css_class)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();

  collect_descendants (widget, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (labels, i), css_class))
      return g_ptr_array_index (labels, i);

  return NULL;
}

/* Whether a visible label of @widget shows exactly @text. */
static inline gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();

  collect_descendants (widget, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (gtk_widget_is_drawable (label) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) == 0)
        return TRUE;
    }

  return FALSE;
}

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

/* Whether the keyboard focus is in @widget. */
static inline gboolean
has_focus (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Renders @widget as it is on screen into G_TEST_BUILDDIR/@name(-ja).png and checks that the
 * picture is not one flat colour (a window that failed to draw). */
static inline void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  gsize stride;
  guint32 first;
  gboolean uniform = TRUE;

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  /* A window that is being laid out again has no picture until its next frame. */
  for (guint frame = 0; node == NULL && frame < 10; frame++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      iterate_until_idle ();
      gtk_test_widget_wait_for_draw (widget);
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  file_name = g_strconcat (name, test_japanese ? "-ja" : "", ".png", NULL);
  path = g_test_build_filename (G_TEST_BUILT, file_name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);

  stride = (gsize) width * 4;
  pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride);
  first = ((guint32 *) pixels)[0];
  for (gsize i = 1; uniform && i < (gsize) width * height; i++)
    uniform = ((guint32 *) pixels)[i] == first;
  g_assert_false (uniform);
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

/* A name for a screen reader: an aria-label, a labelling widget, or text inside. */
static inline char *
get_accessible_name (GtkWidget *widget)
{
  GtkWidget *label;

  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    {
      char *value = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                        GTK_ACCESSIBLE_PROPERTY_LABEL, "");

      if (value != NULL && *value != '\0')
        return value;
      g_free (value);
    }

  if (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget),
                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return g_strdup ("(labelled by another widget)");

  label = find_descendant (widget, GTK_TYPE_LABEL);
  if (label != NULL && *gtk_label_get_text (GTK_LABEL (label)) != '\0')
    return g_strdup (gtk_label_get_text (GTK_LABEL (label)));

  return NULL;
}

/* Checks that every visible control of @widget has a name for screen readers: buttons, check
 * boxes, entries (an entry row's title labels it) and meters. */
static inline void
assert_controls_named (GtkWidget *widget)
{
  g_autoptr (GPtrArray) controls = g_ptr_array_new ();
  guint unnamed = 0;

  collect_descendants (widget, GTK_TYPE_BUTTON, controls);
  collect_descendants (widget, GTK_TYPE_LEVEL_BAR, controls);
  collect_descendants (widget, GTK_TYPE_SPINNER, controls);
  for (guint i = 0; i < controls->len; i++)
    {
      GtkWidget *control = g_ptr_array_index (controls, i);
      g_autofree char *name = NULL;

      if (!gtk_widget_is_drawable (control))
        continue;
      name = get_accessible_name (control);
      g_test_message ("%s: %s", G_OBJECT_TYPE_NAME (control), name ? name : "NO NAME");
      if (name == NULL)
        unnamed++;
    }

  /* Entry rows show their title, which AdwEntryRow gives the text field as its label. */
  g_ptr_array_set_size (controls, 0);
  collect_descendants (widget, ADW_TYPE_ENTRY_ROW, controls);
  for (guint i = 0; i < controls->len; i++)
    {
      AdwPreferencesRow *row = g_ptr_array_index (controls, i);

      if (!gtk_widget_is_drawable (GTK_WIDGET (row)))
        continue;
      g_test_message ("%s: %s", G_OBJECT_TYPE_NAME (row), adw_preferences_row_get_title (row));
      if (*adw_preferences_row_get_title (row) == '\0')
        unnamed++;
    }

  g_assert_cmpuint (unnamed, ==, 0);
}

/* Running the application */

typedef struct
{
  AppTestFunc func;
} RunData;

static inline void
on_activate_cb (GApplication *app,
                gpointer      user_data)
{
  RunData *run = user_data;

  /* Once only: a test may activate the application again. */
  g_signal_handlers_disconnect_by_func (app, on_activate_cb, user_data);

  /* The test closes every window; the hold keeps the application up until it returns. */
  g_application_hold (app);
  run->func (SC_APPLICATION (app));
  g_application_release (app);
}

/* Runs @func in a running ScApplication started with the arguments @args (NULL-terminated,
 * nullable) once it presented its window, and checks that the application ends and is
 * finalized once @func has closed every window, and that every watched widget is gone. */
static inline void
run_in_application_with_args (AppTestFunc        func,
                              const char * const *args)
{
  ScApplication *app = sc_application_new ();
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  RunData run = { func };

  g_ptr_array_add (argv, (gpointer) "stresscheck");
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  /* Test programs run side by side on one session bus. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) |
                           G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate_cb), &run);

  g_assert_cmpint (g_application_run (G_APPLICATION (app), argv->len - 1,
                                      (char **) argv->pdata), ==, EXIT_SUCCESS);

  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_assert_finalize_object (app);
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
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (SC_IS_WINDOW (window));
  wait_for_frame (GTK_WIDGET (window));
  watch_finalize (window);

  return SC_WINDOW (window);
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

  if (test_japanese)
    {
      const char *locale;
      g_autofree char *localedir = NULL;

      /* As in test-gui-i18n.c: gettext follows LANGUAGE in every locale but "C". */
      g_setenv ("LANGUAGE", "ja", TRUE);
      locale = setlocale (LC_ALL, "");
      if (locale == NULL || strcmp (locale, "C") == 0 || strcmp (locale, "POSIX") == 0)
        setlocale (LC_ALL, "C.UTF-8");

      if (g_getenv ("SC_TEST_LOCALEDIR") != NULL)
        localedir = g_strdup (g_getenv ("SC_TEST_LOCALEDIR"));
      else
        localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
      gtk_disable_setlocale ();
    }
  else
    {
      g_unsetenv ("LANGUAGE");
    }

  /* Vaults made by the GUI (and by stresscheck-cli for the demo) use the minimum limits. */
  g_setenv ("STRESSCHECK_KDF", "min", TRUE);

  /* The demo vault goes to the user data folder: a private one, before GLib reads it. */
  test_data_home = make_temp_dir ();
  g_setenv ("XDG_DATA_HOME", test_data_home, TRUE);

  g_test_init (argc, argv, NULL);
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
