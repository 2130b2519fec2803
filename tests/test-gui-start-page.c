/* test-gui-start-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first start as a user meets it: the start page; creating a vault through the real widgets
 * (the strength hint follows the passphrase, Create waits for two equal passphrases, Enter
 * moves on, Continue waits for the recovery key to be written down, and the key shown does
 * recover the vault); and `stresscheck --demo`, which makes the demo vault with
 * stresscheck-cli and opens it at the unlock page. Screenshots go to G_TEST_BUILDDIR (start,
 * create-vault, recovery-key, unlock-demo, rounds-hr; "-ja" in Japanese).
 */
#define G_LOG_DOMAIN "test-gui-start-page"

#include "config.h"

#include "sc-test-gui-util.h"


#include "sc-create-vault-page.h"
#include "sc-gui-vault.h"
#include "sc-new-round-dialog.h"
#include "sc-passphrase-strength.h"
#include "sc-recovery-key-page.h"
#include "sc-round-page.h"
#include "sc-workspace-frame.h"
#include "sc-start-page.h"
#include "sc-unlock-page.h"
#include "sc-vault.h"
#include "sc-vault-people.h"

#define PASSPHRASE "correct horse battery staple"
#define CREATOR_NAME "Yamamoto Hanako"


/* After unlocking: the workspace, whose Overview lists the open rounds (ScRoundPage). */
static GtkWidget *
wait_for_round_page (ScWindow *window)
{
  GtkWidget *workspace = wait_for_page (window, SC_TYPE_WORKSPACE);
  GtkWidget *page = sc_workspace_get_round_page (SC_WORKSPACE (workspace));

  g_assert_nonnull (page);
  g_assert_true (gtk_widget_is_drawable (page));
  return page;
}

static void
test_start_page (ScApplication *app)
{
  ScWindow *window = get_window (app);
  GtkWidget *page = wait_for_page (window, SC_TYPE_START_PAGE);
  AdwStatusPage *status_page = ADW_STATUS_PAGE (find_descendant (page, ADW_TYPE_STATUS_PAGE));
  const char *description = adw_status_page_get_description (status_page);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, T ("Stress Check"));
  g_assert_cmpstr (adw_status_page_get_title (status_page), ==, T ("Stress Check"));
  g_assert_cmpstr (adw_status_page_get_icon_name (status_page), ==, APPLICATION_ID);
  /* What a vault is, and where employees answer. */
  if (test_gui_is_japanese ())
    {
      g_assert_nonnull (strstr (description, "保管庫"));
      g_assert_nonnull (strstr (description, "キオスクモード"));
    }
  else
    {
      g_assert_nonnull (strstr (description, "vault"));
      g_assert_nonnull (strstr (description, "kiosk"));
    }

  /* Three ways on, the first one suggested and focused so that Enter starts it. */
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (find_button (page, T ("_Create a New Vault…"))),
                                           "suggested-action"));
  g_assert_nonnull (find_button (page, T ("_Open a Vault…")));
  g_assert_nonnull (find_button (page, T ("Try the _Demo")));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (find_button (page, T ("_Open a Vault…")))));
  g_assert_true (has_focus (GTK_WIDGET (find_button (page, T ("_Create a New Vault…")))));
  g_assert_null (sc_window_get_vault (window));

  assert_controls_named (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "start");

  destroy_window (window);
}

static void
test_create_vault_page (ScApplication *app)
{
  ScWindow *window = get_window (app);
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "test.scvault", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (ScVault) reopened = NULL;
  g_autofree char *key = NULL;
  g_autofree char *weak_hint = NULL;
  g_autofree char *short_hint = NULL;
  g_autofree char *strong_hint = NULL;
  GtkWidget *page;
  GtkWidget *name_row;
  GtkWidget *passphrase_row;
  GtkWidget *repeat_row;
  GtkButton *create_button;
  GtkLevelBar *strength_bar;
  GtkLabel *key_label;
  GtkCheckButton *check;
  GtkButton *continue_button;
  ScVault *vault;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.create-vault", NULL);
  page = wait_for_page (window, SC_TYPE_CREATE_VAULT_PAGE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (find_button_with_action (GTK_WIDGET (window),
                                                                              "win.back"))));

  /* A file name is proposed; the test puts the vault in its own folder. */
  g_assert_nonnull (sc_create_vault_page_get_file (SC_CREATE_VAULT_PAGE (page)));
  sc_create_vault_page_set_file (SC_CREATE_VAULT_PAGE (page), file);
  g_assert_true (shows_label (page, path));

  passphrase_row = find_nth_descendant (page, ADW_TYPE_PASSWORD_ENTRY_ROW, 0);
  repeat_row = find_nth_descendant (page, ADW_TYPE_PASSWORD_ENTRY_ROW, 1);
  create_button = find_button (page, T ("_Create Vault"));
  strength_bar = GTK_LEVEL_BAR (find_descendant (page, GTK_TYPE_LEVEL_BAR));
  g_assert_nonnull (create_button);
  g_assert_true (has_focus (passphrase_row));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (create_button)));
  /* The creator's name comes first in the page, required (checked below). */
  name_row = find_nth_descendant (page, ADW_TYPE_ENTRY_ROW, 0);
  g_assert_false (ADW_IS_PASSWORD_ENTRY_ROW (name_row));
  type_text (name_row, CREATOR_NAME);

  /* The hint follows the passphrase as it is typed. */
  short_hint = sc_passphrase_strength_hint (SC_PASSPHRASE_TOO_SHORT);
  weak_hint = sc_passphrase_strength_hint (SC_PASSPHRASE_WEAK);
  strong_hint = sc_passphrase_strength_hint (SC_PASSPHRASE_STRONG);
  type_text (passphrase_row, "abc");
  g_assert_true (shows_label (page, short_hint));
  g_assert_cmpfloat (gtk_level_bar_get_value (strength_bar), ==, SC_PASSPHRASE_TOO_SHORT);
  type_text (passphrase_row, "password1");
  g_assert_true (shows_label (page, weak_hint));
  g_assert_false (shows_label (page, short_hint));
  g_assert_cmpfloat (gtk_level_bar_get_value (strength_bar), ==, SC_PASSPHRASE_WEAK);
  type_text (passphrase_row, PASSPHRASE);
  g_assert_true (shows_label (page, strong_hint));
  g_assert_false (shows_label (page, weak_hint));
  g_assert_cmpfloat (gtk_level_bar_get_value (strength_bar), ==, SC_PASSPHRASE_STRONG);

  /* Enter moves to the second entry; Create waits for the same passphrase there. */
  press_enter (passphrase_row);
  g_assert_true (has_focus (repeat_row));
  type_text (repeat_row, "correct horse battery stapler");
  g_assert_true (shows_label (page, T ("The passphrases do not match.")));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (create_button)));
  type_text (repeat_row, PASSPHRASE);
  g_assert_false (shows_label (page, T ("The passphrases do not match.")));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (create_button)));
  /* No name, or only spaces: Create waits for one. */
  type_text (name_row, "  ");
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (create_button)));
  type_text (name_row, CREATOR_NAME);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (create_button)));

  assert_controls_named (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "create-vault");

  /* Enter in the second entry creates the vault; the passphrases leave the entries at once. */
  g_object_ref (passphrase_row);
  g_object_ref (repeat_row);
  press_enter (repeat_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (passphrase_row)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (repeat_row)), ==, "");
  g_object_unref (passphrase_row);
  g_object_unref (repeat_row);

  page = wait_for_page (window, SC_TYPE_RECOVERY_KEY_PAGE);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  vault = sc_window_get_vault (window);
  g_assert_nonnull (vault);
  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_IMPLEMENTER);
  g_assert_cmpstr (sc_vault_get_path (vault), ==, path);
  g_assert_cmpstr (sc_vault_get_person_name (vault), ==, CREATOR_NAME);

  /* The key, large and selectable, in two lines of four groups; no way to copy it to the
   * clipboard but selecting it; Continue waits for the check box. */
  key_label = find_label_with_class (page, "sc-recovery-key");
  g_assert_nonnull (key_label);
  g_assert_true (gtk_label_get_selectable (key_label));
  key = g_strdup (gtk_label_get_text (key_label));
  g_assert_true (g_regex_match_simple ("^([0-9A-Z]{4} ){3}[0-9A-Z]{4}\n([0-9A-Z]{4} ){3}[0-9A-Z]{4}$",
                                       key, 0, 0));
  g_assert_null (find_button (page, T ("_Copy")));
  check = GTK_CHECK_BUTTON (find_descendant (page, GTK_TYPE_CHECK_BUTTON));
  continue_button = find_button (page, T ("_Continue"));
  g_assert_false (gtk_check_button_get_active (check));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (continue_button)));
  /* Neither going back nor opening another vault loses the key before it is written down. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (find_button_with_action (GTK_WIDGET (window),
                                                                               "win.back"))));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-demo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-vault", NULL);
  iterate_until_idle ();
  g_assert_true (sc_window_get_page (window) == page);

  assert_controls_named (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "recovery-key");

  /* Closing the window asks first; Cancel keeps the key on screen. */
  gtk_window_close (GTK_WINDOW (window));
  {
    GtkWidget *dialog = GTK_WIDGET (wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));

    g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                     T ("Close Without the Recovery Key?"));
    click (find_button (dialog, T ("_Cancel")));
  }
  iterate_until_idle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (sc_window_get_page (window) == page);

  /* A screen reader ticks the box through an action of the check box itself (GTK 4.8 offers
   * no other for a check box over AT-SPI), and reads its name without the underscore. */
  {
    g_autofree char *name = get_accessible_name (GTK_WIDGET (check));

    g_assert_null (strchr (name, '_'));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (check), "check.toggle", NULL));
    g_assert_true (gtk_check_button_get_active (check));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (check), "check.toggle", NULL));
    g_assert_false (gtk_check_button_get_active (check));
  }

  gtk_check_button_set_active (check, TRUE);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (continue_button)));
  g_object_ref (key_label);
  click (continue_button);
  g_assert_cmpstr (gtk_label_get_text (key_label), ==, "");
  g_object_unref (key_label);

  /* On to the rounds, as the implementer. */
  page = wait_for_round_page (window);
  g_assert_true (sc_round_page_get_vault (SC_ROUND_PAGE (page)) == vault);
  g_assert_true (shows_label (page, T ("Unlocked as the implementer (実施者)")));

  /* Closing the vault releases it: it opens again with the passphrase... */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-vault", NULL);
  wait_for_page (window, SC_TYPE_START_PAGE);
  g_assert_null (sc_window_get_vault (window));
  reopened = sc_vault_open (path, PASSPHRASE, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_vault_get_role (reopened), ==, SC_VAULT_ROLE_IMPLEMENTER);
  sc_vault_close (reopened);
  g_clear_object (&reopened);

  /* ...and the key that was shown is the vault's recovery key. */
  g_strdelimit (key, "\n", ' ');
  reopened = sc_vault_recover (path, key, "a new implementer passphrase", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_vault_get_role (reopened), ==, SC_VAULT_ROLE_IMPLEMENTER);
  sc_vault_close (reopened);

  destroy_window (window);
  test_remove_dir (dir);
}

static void
test_demo (ScApplication *app)
{
  ScWindow *window = get_window (app);
  g_autofree char *demo_path = sc_gui_demo_vault_path ();
  g_autofree char *codes_path = sc_gui_demo_codes_path (demo_path);
  g_autofree char *codes = NULL;
  GtkWidget *page;
  GtkLabel *demo_label;
  GtkWidget *row;
  ScVault *vault;

  /* Made (by sc_demo_create, as stresscheck-cli demo does) in the test's user data folder, with
   * its access codes kept beside it. */
  page = wait_for_page (window, SC_TYPE_UNLOCK_PAGE);
  g_assert_true (g_str_has_prefix (demo_path, test_gui_get_data_home ()));
  g_assert_true (g_file_test (demo_path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_get_contents (codes_path, &codes, NULL, NULL));
  g_assert_nonnull (strstr (codes, "number,name,code"));
  g_assert_true (sc_unlock_page_get_demo (SC_UNLOCK_PAGE (page)));

  /* The published demo passphrases are on the page. */
  demo_label = find_label_with_class (page, "sc-demo-hint");
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (demo_label)));
  g_assert_nonnull (strstr (gtk_label_get_text (demo_label), SC_DEMO_PASSPHRASE));
  g_assert_nonnull (strstr (gtk_label_get_text (demo_label), SC_DEMO_HR_PASSPHRASE));
  g_assert_nonnull (strstr (gtk_label_get_text (demo_label), "demo-access-codes.txt"));

  row = find_descendant (page, ADW_TYPE_PASSWORD_ENTRY_ROW);
  g_assert_true (has_focus (row));
  assert_controls_named (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "unlock-demo");

  /* HR's passphrase gives the HR role: the kiosk, but no new rounds. */
  type_text (row, SC_DEMO_HR_PASSPHRASE);
  press_enter (row);
  page = wait_for_round_page (window);
  vault = sc_window_get_vault (window);
  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_HR);
  g_assert_true (shows_label (page, T ("Unlocked as HR")));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (find_button (page, T ("_New Round…")))));
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (find_button (page, T ("Start _Kiosk…")))));
  sc_round_page_new_round (SC_ROUND_PAGE (page));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-round", NULL);
  iterate_until_idle ();
  g_assert_null (find_toplevel (SC_TYPE_NEW_ROUND_DIALOG));

  assert_controls_named (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "rounds-hr");

  destroy_window (window);
}

static void
test_demo_twice (ScApplication *app)
{
  ScWindow *window = get_window (app);
  g_autofree char *demo_path = sc_gui_demo_vault_path ();
  GtkWidget *page;
  GtkWidget *row;

  /* The second time, the same demo vault opens at once: with the implementer's passphrase. */
  page = wait_for_page (window, SC_TYPE_UNLOCK_PAGE);
  g_assert_true (sc_unlock_page_get_demo (SC_UNLOCK_PAGE (page)));
  row = find_descendant (page, ADW_TYPE_PASSWORD_ENTRY_ROW);
  type_text (row, SC_DEMO_PASSPHRASE);
  click (find_button (page, T ("_Unlock")));
  page = wait_for_round_page (window);
  g_assert_cmpint (sc_vault_get_role (sc_window_get_vault (window)), ==,
                   SC_VAULT_ROLE_IMPLEMENTER);
  g_assert_cmpstr (sc_vault_get_path (sc_window_get_vault (window)), ==, demo_path);
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (find_button (page, T ("_New Round…")))));

  destroy_window (window);
}

static void
test_demo_run (void)
{
  const char * const args[] = { "--demo", NULL };

  run_in_application_with_args (test_demo, args);
  run_in_application_with_args (test_demo_twice, args);
}

/* build-aux/dev run passes --demo when --help mentions it. */
static void
test_help_mentions_options (void)
{
  if (g_test_subprocess ())
    {
      ScApplication *app = sc_application_new ();
      char *argv[] = { (char *) "stresscheck", (char *) "--help", NULL };

      g_application_set_flags (G_APPLICATION (app),
                               g_application_get_flags (G_APPLICATION (app)) |
                               G_APPLICATION_NON_UNIQUE);
      exit (g_application_run (G_APPLICATION (app), 2, argv));
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*--demo*");
  g_test_trap_assert_stdout ("*--vault*");
}

int
main (int   argc,
      char *argv[])
{
  test_gui_init (&argc, &argv);

  g_test_add_data_func ("/gui/start/start-page", (gconstpointer) test_start_page, run_test);
  g_test_add_data_func ("/gui/start/create-vault", (gconstpointer) test_create_vault_page, run_test);
  g_test_add_func ("/gui/start/demo", test_demo_run);
  g_test_add_func ("/gui/start/help", test_help_mentions_options);

  return test_gui_run ();
}
