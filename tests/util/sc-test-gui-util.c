/* sc-test-gui-util.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The GUI test utilities (see sc-test-gui-util.h).
 */
#define G_LOG_DOMAIN "sc-test-gui-util"

#include "config.h"

#include "sc-test-gui-util.h"

#include <locale.h>
#include <string.h>

/* Set by test_gui_init (): whether the tests run in Japanese, the private data folder. */
static gboolean test_japanese;
static char *test_data_home;
/* Objects that must be finalized by the end of a test (see watch_finalize ()). */
static GPtrArray *watched;
/* How long wait_until () waits: only a hang takes this long. */
static guint wait_limit_s = 60;

void
test_gui_set_wait_limit (guint seconds)
{
  wait_limit_s = seconds;
}

gboolean
test_gui_is_japanese (void)
{
  return test_japanese;
}

const char *
test_gui_get_data_home (void)
{
  return test_data_home;
}

/* The main loop */

void
iterate_until_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

void
wait_until (ConditionFunc condition,
            gpointer      data)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) wait_limit_s * G_USEC_PER_SEC;

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

void
wait_for_frame (GtkWidget *widget)
{
  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);
  gtk_test_widget_wait_for_draw (widget);
}

/* Windows */

void
destroy_window (gpointer window)
{
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_until_idle ();
  g_assert_finalize_object (window);
}

GtkWindow *
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

static gboolean
toplevel_shown (gpointer type)
{
  return find_toplevel ((GType) GPOINTER_TO_SIZE (type)) != NULL;
}

GtkWindow *
wait_for_toplevel (GType type)
{
  GtkWindow *window;

  wait_until (toplevel_shown, GSIZE_TO_POINTER (type));
  window = find_toplevel (type);
  wait_for_frame (GTK_WIDGET (window));

  return window;
}

ScWindow *
wait_for_sc_window (ScApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (SC_IS_WINDOW (window));
  wait_for_frame (GTK_WIDGET (window));

  return SC_WINDOW (window);
}

/* The widget tree */

GtkWidget *
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

void
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

GtkWidget *
find_nth_descendant (GtkWidget *widget,
                     GType      type,
                     guint      index)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new ();

  collect_descendants (widget, type, found);
  g_assert_cmpuint (index, <, found->len);

  return g_ptr_array_index (found, index);
}

typedef gboolean (*MatchFunc) (GtkWidget  *widget,
                               const char *text);

/* @widget or its first descendant of @type, in the order of the widget tree, for which
 * @match (widget, @text) holds; or NULL. */
static GtkWidget *
find_matching (GtkWidget  *widget,
               GType       type,
               MatchFunc   match,
               const char *text)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new ();

  collect_descendants (widget, type, found);
  for (guint i = 0; i < found->len; i++)
    if (match (g_ptr_array_index (found, i), text))
      return g_ptr_array_index (found, i);

  return NULL;
}

static gboolean
button_has_label (GtkWidget  *widget,
                  const char *label)
{
  GtkWidget *child = gtk_button_get_child (GTK_BUTTON (widget));

  if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return TRUE;
  return ADW_IS_BUTTON_CONTENT (child) &&
         g_strcmp0 (adw_button_content_get_label (ADW_BUTTON_CONTENT (child)), label) == 0;
}

static gboolean
button_has_action (GtkWidget  *widget,
                   const char *action_name)
{
  return g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

static gboolean
label_has_class (GtkWidget  *widget,
                 const char *css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

static gboolean
label_shows (GtkWidget  *widget,
             const char *text)
{
  return gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

GtkButton *
find_button (GtkWidget  *widget,
             const char *label)
{
  return (GtkButton *) find_matching (widget, GTK_TYPE_BUTTON, button_has_label, label);
}

GtkButton *
find_button_with_action (GtkWidget  *widget,
                         const char *action_name)
{
  return (GtkButton *) find_matching (widget, GTK_TYPE_BUTTON, button_has_action, action_name);
}

GtkLabel *
find_label_with_class (GtkWidget  *widget,
                       const char *css_class)
{
  return (GtkLabel *) find_matching (widget, GTK_TYPE_LABEL, label_has_class, css_class);
}

gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  return find_matching (widget, GTK_TYPE_LABEL, label_shows, text) != NULL;
}

gboolean
has_focus (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Screen readers (GTK_A11Y=test) */

char *
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

void
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

void
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

typedef struct
{
  AppFunc       func;
  gconstpointer data;
} AppRun;

static void
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

void
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

static void
call_app_test (GtkApplication *app,
               gconstpointer   data)
{
  ((AppTestFunc) data) (SC_APPLICATION (app));
}

void
run_in_sc_application (AppTestFunc         func,
                       const char * const *args)
{
  run_application (GTK_APPLICATION (sc_application_new ()), args, call_app_test,
                   (gconstpointer) func);
}

void
run_app_test (gconstpointer data)
{
  run_in_sc_application ((AppTestFunc) data, NULL);
}

/* Japanese */

const char *
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

/* Acting as a user */

void
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

void
press_enter (gpointer editable)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (editable));

  g_signal_emit_by_name (delegate != NULL ? (gpointer) delegate : editable, "activate");
  iterate_until_idle ();
}

void
click (GtkButton *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
  iterate_until_idle ();
}

void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autofree char *file_name = g_strconcat (name, test_japanese ? "-ja" : "", ".png", NULL);

  save_screenshot_png (widget, file_name, SCREENSHOT_CHECK_DRAWN);
}

/* Finalization */

void
watch_finalize (gpointer object)
{
  gpointer *location = g_new (gpointer, 1);

  *location = object;
  g_object_add_weak_pointer (G_OBJECT (object), location);
  g_ptr_array_add (watched, location);
}

void
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

/* Pages of the main window */

void
run_in_application_with_args (AppTestFunc         func,
                              const char * const *args)
{
  run_in_sc_application (func, args);
  iterate_until_idle ();
  assert_watched_finalized ();
}

void
run_test (gconstpointer data)
{
  run_in_application_with_args ((AppTestFunc) data, NULL);
}

ScWindow *
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

static gboolean
page_shown (gpointer data)
{
  PageWait *wait = data;

  return G_TYPE_CHECK_INSTANCE_TYPE (sc_window_get_page (wait->window), wait->type);
}

GtkWidget *
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

/* Set-up */

static void
init_gui (int      *argc,
          char   ***argv,
          gboolean  japanese)
{
  test_japanese = japanese;
  if (!test_japanese)
    g_unsetenv ("LANGUAGE");

  /* Vaults made by the GUI (and by stresscheck-cli for the demo) use the minimum limits. */
  g_setenv ("STRESSCHECK_KDF", "min", TRUE);

  /* The demo vault goes to the user data folder: a private one, before GLib reads it. */
  test_data_home = test_make_dir ();
  g_setenv ("XDG_DATA_HOME", test_data_home, TRUE);

  g_test_init (argc, argv, NULL);
  if (test_japanese)
    {
      const char *locale = setup_japanese ();

      g_assert_nonnull (locale);
      g_test_message ("locale %s, LANGUAGE=ja", locale);
    }
  gtk_init ();
  /* For the tests that use libadwaita widgets without an AdwApplication. */
  adw_init ();

  /* Pages switch at once, so that screenshots show one page, not a cross-fade. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  watched = g_ptr_array_new ();

  if (test_japanese)
    g_assert_cmpstr (T ("Stress Check"), ==, "ストレスチェック");
}

void
test_gui_init (int    *argc,
               char ***argv)
{
  init_gui (argc, argv, g_strcmp0 (g_getenv ("SC_TEST_LANGUAGE"), "ja") == 0);
}

void
test_gui_init_japanese (int    *argc,
                        char ***argv)
{
  init_gui (argc, argv, TRUE);
}

int
test_gui_run (void)
{
  int status = g_test_run ();

  test_remove_dir (test_data_home);
  g_clear_pointer (&test_data_home, g_free);
  g_clear_pointer (&watched, g_ptr_array_unref);

  return status;
}
