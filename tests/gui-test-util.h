/* gui-test-util.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers shared by the GUI test programs (test-gui-*.c): run a test inside a real running
 * application, iterate and wait on the main loop, find windows and widgets, check names for
 * screen readers, save screenshots to G_TEST_BUILDDIR and switch a program to Japanese with
 * the catalog built from po/ja.po. Static inline: each program takes what it uses.
 *
 * wait_until () and wait_for_toplevel () fail after GUI_TEST_WAIT_LIMIT_S seconds, which only
 * a hang takes; define it before including this header to wait less.
 */
#pragma once

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <adwaita.h>

#include "sc-application.h"
#include "sc-window.h"

#ifndef GUI_TEST_WAIT_LIMIT_S
#define GUI_TEST_WAIT_LIMIT_S 60
#endif

/* The main loop */

static inline void
iterate_until_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

typedef gboolean (*ConditionFunc) (gpointer data);

/* Runs the main loop until @condition holds; fails after GUI_TEST_WAIT_LIMIT_S seconds. */
static inline void
wait_until (ConditionFunc condition,
            gpointer      data)
{
  gint64 deadline = g_get_monotonic_time () + GUI_TEST_WAIT_LIMIT_S * G_USEC_PER_SEC;

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Waits until @widget is mapped and drawn. */
static inline void
wait_for_frame (GtkWidget *widget)
{
  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);
  gtk_test_widget_wait_for_draw (widget);
}

/* Windows */

/* Destroys @window, which must then be finalized. */
static inline void
destroy_window (gpointer window)
{
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_until_idle ();
  g_assert_finalize_object (window);
}

/* The first visible toplevel of @type, or NULL. */
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

/* Waits until a toplevel of @type is shown, and returns it mapped and drawn. */
static inline GtkWindow *
wait_for_toplevel (GType type)
{
  GtkWindow *window;

  wait_until (toplevel_shown, GSIZE_TO_POINTER (type));
  window = find_toplevel (type);
  wait_for_frame (GTK_WIDGET (window));

  return window;
}

/* The ScWindow the activation of @app presented, mapped and drawn. */
static inline ScWindow *
wait_for_sc_window (ScApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (SC_IS_WINDOW (window));
  wait_for_frame (GTK_WIDGET (window));

  return SC_WINDOW (window);
}

/* The widget tree */

/* @widget or its first descendant of @type, in the order of the widget tree. */
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

/* Adds @widget and its descendants of @type to @found, in the order of the widget tree. */
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
    {
      GtkButton *button = g_ptr_array_index (buttons, i);

      if (g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), action_name) == 0)
        return button;
    }

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

      if (gtk_widget_is_drawable (label) &&
          g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Whether the keyboard focus is in @widget. */
static inline gboolean
has_focus (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Screen readers (GTK_A11Y=test) */

/* A name for a screen reader: an aria-label, a labelling widget, or text inside. */
static inline char *
get_accessible_name (GtkWidget *widget)
{
  GtkWidget *label;

  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    {
      /* The checker answers with the actual value when it differs from the one asked for. */
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

/* Screenshots */

typedef enum
{
  SCREENSHOT_DEFAULT     = 0,
  /* Also check that the widget has a size and that the picture is not one flat colour (a
   * window that failed to draw). */
  SCREENSHOT_CHECK_DRAWN = 1 << 0,
} ScreenshotFlags;

/* Renders @widget as it is on screen into G_TEST_BUILDDIR/@file_name (a PNG file). */
static inline void
save_screenshot_png (GtkWidget       *widget,
                     const char      *file_name,
                     ScreenshotFlags  flags)
{
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  g_autofree char *path = NULL;
  gsize stride;
  guint32 first;
  gboolean uniform = TRUE;

  if (flags & SCREENSHOT_CHECK_DRAWN)
    {
      g_assert_cmpint (width, >, 0);
      g_assert_cmpint (height, >, 0);
    }

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

  path = g_test_build_filename (G_TEST_BUILT, file_name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);

  if (!(flags & SCREENSHOT_CHECK_DRAWN))
    return;

  stride = (gsize) width * 4;
  pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride);
  first = ((guint32 *) pixels)[0];
  for (gsize i = 1; uniform && i < (gsize) width * height; i++)
    uniform = ((guint32 *) pixels)[i] == first;
  g_assert_false (uniform);
}

/* Running an application */

/* A test run inside a running application; @data as given to run_application (). */
typedef void (*AppFunc) (GtkApplication *app,
                         gconstpointer   data);

typedef struct
{
  AppFunc       func;
  gconstpointer data;
} AppRun;

static inline void
on_activate_cb (GApplication *app,
                gpointer      user_data)
{
  AppRun *run = user_data;

  /* Once only: a test may activate the application again. */
  g_signal_handlers_disconnect_by_func (app, on_activate_cb, user_data);

  /* The test closes every window; the hold keeps the application up until it returns. */
  g_application_hold (app);
  run->func (GTK_APPLICATION (app), run->data);
  g_application_release (app);
}

/* Runs @app (consumed) with the arguments @args (NULL-terminated, nullable), calls @func once
 * its activation has presented its window, and checks that the application ends and is
 * finalized once @func has closed every window. Only g_application_run () shuts an
 * application down, which GtkApplication needs to let go of it. */
static inline void
run_application (GtkApplication     *app,
                 const char * const *args,
                 AppFunc             func,
                 gconstpointer       data)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  AppRun run = { func, data };

  g_ptr_array_add (argv, (gpointer) "stresscheck");
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  /* Test programs run side by side on one session bus: without this, a second one would
   * become a remote instance of the first. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) |
                           G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate_cb), &run);

  g_assert_cmpint (g_application_run (G_APPLICATION (app), argv->len - 1,
                                      (char **) argv->pdata), ==, EXIT_SUCCESS);

  g_assert_null (gtk_application_get_windows (app));
  g_assert_finalize_object (app);
}

/* A test run inside a running ScApplication. */
typedef void (*AppTestFunc) (ScApplication *app);

static inline void
call_app_test (GtkApplication *app,
               gconstpointer   data)
{
  ((AppTestFunc) data) (SC_APPLICATION (app));
}

/* Runs @func in a new ScApplication started with @args (see run_application ()). */
static inline void
run_in_sc_application (AppTestFunc         func,
                       const char * const *args)
{
  run_application (GTK_APPLICATION (sc_application_new ()), args, call_app_test,
                   (gconstpointer) func);
}

/* For g_test_add_data_func (): runs the AppTestFunc @data in a new ScApplication. */
static inline void
run_app_test (gconstpointer data)
{
  run_in_sc_application ((AppTestFunc) data, NULL);
}

/* Japanese */

/* Switches the program to Japanese with the catalog built by po/meson.build
 * (SC_TEST_LOCALEDIR/ja/LC_MESSAGES/stresscheck.mo) and keeps GTK from choosing another
 * locale. Call after g_test_init () and before gtk_init (). Returns the locale set, or NULL. */
static inline const char *
setup_japanese (void)
{
  const char *locale;
  g_autofree char *localedir = NULL;

  /* gettext follows LANGUAGE in every locale but "C". C.UTF-8 is built into glibc (2.35 and
   * later) and is not "C", so the test needs no generated ja_JP locale; plain C is replaced. */
  g_setenv ("LANGUAGE", "ja", TRUE);
  locale = setlocale (LC_ALL, "");
  if (locale == NULL || strcmp (locale, "C") == 0 || strcmp (locale, "POSIX") == 0)
    locale = setlocale (LC_ALL, "C.UTF-8");

  if (g_getenv ("SC_TEST_LOCALEDIR") != NULL)
    localedir = g_strdup (g_getenv ("SC_TEST_LOCALEDIR"));
  else
    localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Keep the locale chosen above. */
  gtk_disable_setlocale ();

  return locale;
}
