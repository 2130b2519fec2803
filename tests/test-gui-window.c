/* test-gui-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ScApplication and ScWindow as a user meets them: the window appears and draws its welcome
 * page, the menu actions open the About and shortcuts windows, every button has a name for
 * screen readers, the window size is kept, and everything is freed afterwards. Screenshots go
 * to G_TEST_BUILDDIR (window.png, about.png, shortcuts.png) for a person to look at.
 */
#define G_LOG_DOMAIN "test-gui-window"

#include "config.h"

#include "sc-test-gui-util.h"

static void
test_window_new_destroy (ScApplication *app)
{
  ScWindow *window = sc_window_new (GTK_APPLICATION (app), NULL);

  g_assert_null (sc_window_get_settings (window));
  destroy_window (window);

  destroy_window (wait_for_sc_window (app));
}

static void
test_window_welcome (ScApplication *app)
{
  ScWindow *window = wait_for_sc_window (app);
  AdwStatusPage *status_page;
  GtkMenuButton *menu_button;
  GMenuModel *menu;
  const char *expected_actions[] = { "win.show-help-overlay", "app.about", "app.quit" };
  guint n_actions = 0;
  g_auto (GStrv) quit_accels = NULL;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Stress Check");

  status_page = ADW_STATUS_PAGE (find_descendant (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE));
  g_assert_nonnull (status_page);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (status_page)));
  g_assert_cmpstr (adw_status_page_get_title (status_page), ==, "Stress Check");
  g_assert_cmpstr (adw_status_page_get_icon_name (status_page), ==, APPLICATION_ID);
  /* The start page (test-gui-start-page drives it): what a vault is, and where employees answer. */
  g_assert_nonnull (strstr (adw_status_page_get_description (status_page), "vault"));
  g_assert_nonnull (strstr (adw_status_page_get_description (status_page), "kiosk"));

  /* The icon comes from the GResource even when nothing is installed. */
  g_assert_true (gtk_icon_theme_has_icon (
                   gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window))),
                   "io.github.stresscheck.StressCheck"));

  /* The primary menu (F10) offers the shortcuts, About and Quit, in this order. */
  menu_button = GTK_MENU_BUTTON (find_descendant (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON));
  g_assert_nonnull (menu_button);
  g_assert_true (gtk_menu_button_get_primary (menu_button));
  menu = gtk_menu_button_get_menu_model (menu_button);
  g_assert_nonnull (menu);
  for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
    {
      g_autoptr (GMenuModel) section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

      for (int i = 0; section != NULL && i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *action = NULL;

          g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action);
          g_assert_cmpuint (n_actions, <, G_N_ELEMENTS (expected_actions));
          g_assert_cmpstr (action, ==, expected_actions[n_actions]);
          n_actions++;
        }
    }
  g_assert_cmpuint (n_actions, ==, G_N_ELEMENTS (expected_actions));

  quit_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  g_assert_cmpstr (quit_accels[0], ==, "<Control>q");

  save_screenshot_png (GTK_WIDGET (window), "window.png", SCREENSHOT_CHECK_DRAWN);

  destroy_window (window);
}

static void
test_window_about (ScApplication *app)
{
  ScWindow *window = wait_for_sc_window (app);
  AdwAboutWindow *about;
  const char *website;

  g_assert_null (find_toplevel (ADW_TYPE_ABOUT_WINDOW));
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = ADW_ABOUT_WINDOW (wait_for_toplevel (ADW_TYPE_ABOUT_WINDOW));

  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Stress Check");
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_icon (about), ==, APPLICATION_ID);
  g_assert_cmpstr (adw_about_window_get_developer_name (about), ==,
                   "The Stress Check developers");
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_window_get_comments (about), !=, "");
  /* No placeholder web site. */
  website = adw_about_window_get_website (about);
  g_assert_true (website == NULL || *website == '\0');

  save_screenshot_png (GTK_WIDGET (about), "about.png", SCREENSHOT_CHECK_DRAWN);

  destroy_window (about);
  destroy_window (window);
}

static void
test_window_shortcuts (ScApplication *app)
{
  ScWindow *window = wait_for_sc_window (app);
  GtkShortcutsWindow *overlay;
  g_auto (GStrv) accels = NULL;

  /* ScApplication gives every ScWindow the shortcuts window (ui/help-overlay.ui) and Ctrl+?. */
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");
  g_assert_cmpstr (accels[0], ==, "<Control>question");
  g_object_add_weak_pointer (G_OBJECT (overlay), (gpointer *) &overlay);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  g_assert_true (wait_for_toplevel (GTK_TYPE_SHORTCUTS_WINDOW) == GTK_WINDOW (overlay));
  g_assert_nonnull (find_descendant (GTK_WIDGET (overlay), GTK_TYPE_SHORTCUTS_SHORTCUT));
  /* The workspace's keys are listed (issue 8 §1): sections by Alt+number and Ctrl+Page
   * Down/Up, Ctrl+F in every list section. */
  {
    const char *expected[][2] = {
      { "<Alt>1...<Alt>9", "Go to a Section" },
      { "<Control>Page_Down", "Next Section" },
      { "<Control>Page_Up", "Previous Section" },
      { "<Control>f", "Search the List" },
    };
    g_autoptr (GPtrArray) shortcuts = g_ptr_array_new ();

    collect_descendants (GTK_WIDGET (overlay), GTK_TYPE_SHORTCUTS_SHORTCUT, shortcuts);
    for (guint e = 0; e < G_N_ELEMENTS (expected); e++)
      {
        gboolean found = FALSE;

        for (guint i = 0; i < shortcuts->len && !found; i++)
          {
            g_autofree char *accel = NULL;
            g_autofree char *title = NULL;

            g_object_get (g_ptr_array_index (shortcuts, i), "accelerator", &accel,
                          "title", &title, NULL);
            found = g_strcmp0 (accel, expected[e][0]) == 0
                    && g_strcmp0 (title, g_dpgettext2 (GETTEXT_PACKAGE, "shortcut window",
                                                       expected[e][1])) == 0;
          }
        if (!found)
          g_error ("the shortcuts window does not list %s (%s)", expected[e][1], expected[e][0]);
      }
  }
  save_screenshot_png (GTK_WIDGET (overlay), "shortcuts.png", SCREENSHOT_CHECK_DRAWN);

  gtk_window_close (GTK_WINDOW (overlay));
  iterate_until_idle ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (overlay)));

  /* The window owns its overlay. */
  destroy_window (window);
  g_assert_null (overlay);
}

static void
collect_buttons (GtkWidget *widget,
                 GPtrArray *buttons)
{
  GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));

  if (!gtk_widget_get_visible (widget))
    return;

  if (role == GTK_ACCESSIBLE_ROLE_BUTTON || GTK_IS_BUTTON (widget))
    g_ptr_array_add (buttons, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_buttons (child, buttons);
}

static void
test_window_accessible_names (ScApplication *app)
{
  ScWindow *window = wait_for_sc_window (app);
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();
  guint unnamed = 0;

  collect_buttons (GTK_WIDGET (window), buttons);
  /* At least the primary menu and the window's close button. */
  g_assert_cmpuint (buttons->len, >=, 2);

  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);
      g_autofree char *name = get_accessible_name (button);

      g_test_message ("%s (role %d): %s", G_OBJECT_TYPE_NAME (button),
                      gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (button)),
                      name ? name : "NO NAME");
      if (name == NULL)
        unnamed++;
    }

  g_assert_cmpuint (unnamed, ==, 0);

  destroy_window (window);
}

static void
test_window_size_kept (ScApplication *app)
{
  GSettings *settings = sc_application_get_settings (app);
  ScWindow *window = wait_for_sc_window (app);
  int width;
  int height;

  /* The memory backend starts from the schema defaults in every test program. */
  g_assert_nonnull (settings);
  g_assert_true (sc_window_get_settings (window) == settings);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 800);
  g_assert_cmpint (height, ==, 600);

  /* As if the user had resized the window: closing it (Ctrl+W) keeps the new size... */
  g_object_ref (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 540);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
  iterate_until_idle ();
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_assert_finalize_object (window);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 720);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 540);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* ...and the next window opens with it. */
  g_application_activate (G_APPLICATION (app));
  window = wait_for_sc_window (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 720);
  g_assert_cmpint (height, ==, 540);

  destroy_window (window);
}

static void
test_window_quit (ScApplication *app)
{
  ScWindow *window = wait_for_sc_window (app);

  g_object_ref (window);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  iterate_until_idle ();

  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_assert_finalize_object (window);
}

#define ADD_TEST(path, func) \
  g_test_add_data_func ("/gui/window/" path, (gconstpointer) func, run_app_test)

int
main (int   argc,
      char *argv[])
{
  /* The English strings are checked here (SC_TEST_LANGUAGE is not set for this test);
   * test-gui-i18n checks the Japanese ones. */
  test_gui_init (&argc, &argv);
  /* A window or dialog that takes more than 10 s to appear fails the test. */
  test_gui_set_wait_limit (10);

  ADD_TEST ("new-destroy", test_window_new_destroy);
  ADD_TEST ("welcome", test_window_welcome);
  ADD_TEST ("about", test_window_about);
  ADD_TEST ("shortcuts", test_window_shortcuts);
  ADD_TEST ("accessible-names", test_window_accessible_names);
  ADD_TEST ("size-kept", test_window_size_kept);
  ADD_TEST ("quit", test_window_quit);

  return test_gui_run ();
}
