/* test-gui-i18n.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Japanese user interface, with the catalog built from po/ja.po in the build directory:
 * the window, its menu, the About window, the desktop file and the metainfo speak Japanese. Screenshots go to
 * G_TEST_BUILDDIR (window-ja.png, about-ja.png).
 */
#define G_LOG_DOMAIN "test-gui-i18n"

#include "config.h"

#include <string.h>

#include "sc-test-gui-util.h"

static char *
find_menu_label (GMenuModel *menu,
                 const char *action)
{
  for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
    {
      g_autoptr (GMenuModel) section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

      for (int i = 0; section != NULL && i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *item_action = NULL;
          char *label = NULL;

          g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s",
                                           &item_action);
          if (g_strcmp0 (item_action, action) != 0)
            continue;
          g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
          return label;
        }
    }

  return NULL;
}

static void
test_i18n_catalog (void)
{
  /* The catalog is found and used; if not, nothing below can pass. */
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Stress Check"), ==, "ストレスチェック");
  g_assert_cmpstr (_("Stress Check"), ==, "ストレスチェック");
}

/* What the desktop shell and the software centre show: the merged desktop file and metainfo. */
static void
test_i18n_data_files (void)
{
  g_autofree char *desktop_path = g_test_build_filename (G_TEST_BUILT, "..", "data",
                                                         APPLICATION_ID ".desktop", NULL);
  g_autofree char *metainfo_path = g_test_build_filename (G_TEST_BUILT, "..", "data",
                                                          APPLICATION_ID ".metainfo.xml", NULL);
  g_autoptr (GKeyFile) desktop = g_key_file_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *metainfo = NULL;

  g_key_file_load_from_file (desktop, desktop_path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  name = g_key_file_get_locale_string (desktop, G_KEY_FILE_DESKTOP_GROUP,
                                       G_KEY_FILE_DESKTOP_KEY_NAME, "ja", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "ストレスチェック");

  g_file_get_contents (metainfo_path, &metainfo, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (metainfo, "<name xml:lang=\"ja\">ストレスチェック</name>"));
}

static void
test_i18n_window (ScApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  AdwStatusPage *status_page;
  GtkMenuButton *menu_button;
  g_autofree char *about_label = NULL;
  g_autofree char *quit_label = NULL;
  g_autofree char *a11y_mismatch = NULL;

  g_assert_true (SC_IS_WINDOW (window));
  wait_for_frame (GTK_WIDGET (window));

  g_assert_cmpstr (gtk_window_get_title (window), ==, "ストレスチェック");

  status_page = ADW_STATUS_PAGE (find_descendant (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE));
  g_assert_cmpstr (adw_status_page_get_title (status_page), ==, "ストレスチェック");
  g_assert_nonnull (strstr (adw_status_page_get_description (status_page), "保管庫"));
  g_assert_nonnull (strstr (adw_status_page_get_description (status_page), "キオスクモード"));

  menu_button = GTK_MENU_BUTTON (find_descendant (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON));
  about_label = find_menu_label (gtk_menu_button_get_menu_model (menu_button), "app.about");
  quit_label = find_menu_label (gtk_menu_button_get_menu_model (menu_button), "app.quit");
  g_assert_cmpstr (about_label, ==, "ストレスチェックについて(_A)");
  g_assert_cmpstr (quit_label, ==, "終了(_Q)");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (menu_button)), ==, "メインメニュー");
  a11y_mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (menu_button),
                                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                      "メインメニュー");
  g_assert_null (a11y_mismatch);

  save_screenshot_png (GTK_WIDGET (window), "window-ja.png", SCREENSHOT_DEFAULT);

  destroy_window (window);
}

static void
test_i18n_about (ScApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  AdwAboutWindow *about;

  wait_for_frame (GTK_WIDGET (window));

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = ADW_ABOUT_WINDOW (wait_for_toplevel (ADW_TYPE_ABOUT_WINDOW));

  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "ストレスチェック");
  g_assert_cmpstr (adw_about_window_get_developer_name (about), ==, "ストレスチェック開発者一同");
  g_assert_nonnull (strstr (adw_about_window_get_comments (about), "職業性ストレス簡易調査票"));
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);

  save_screenshot_png (GTK_WIDGET (about), "about-ja.png", SCREENSHOT_DEFAULT);

  destroy_window (about);
  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  test_gui_init_japanese (&argc, &argv);
  /* A window that takes more than 10 s to appear fails the test. */
  test_gui_set_wait_limit (10);

  g_test_add_func ("/gui/i18n/catalog", test_i18n_catalog);
  g_test_add_func ("/gui/i18n/data-files", test_i18n_data_files);
  g_test_add_data_func ("/gui/i18n/window", (gconstpointer) test_i18n_window,
                        run_app_test);
  g_test_add_data_func ("/gui/i18n/about", (gconstpointer) test_i18n_about,
                        run_app_test);

  return test_gui_run ();
}
