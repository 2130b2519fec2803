/* test-gui-people.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The People section (issue 11 §4, §9 "set up HR; change a passphrase"): the implementer
 * adds an HR person through the dialog, who then unlocks as HR under their own name;
 * changes their own passphrase (the old one is refused, the new one opens); removes the
 * HR person (their passphrase is refused, a new recovery key is shown). HR sees the list
 * without the buttons that change it. Screenshots at 1024×768, 1920×1080 and text scale
 * 1.5 (people-*.png, -ja in Japanese).
 */
#define G_LOG_DOMAIN "test-gui-people"

#include "config.h"

#include "sc-test-gui-util.h"
#include "sc-test-section.h"

#include "sc-secure.h"
#include "sc-vault-people.h"
#include "sc-people-section.h"
#include "sc-unlock-page.h"
#include "sc-recent-vaults.h"
#include "sc-start-page.h"
#include "sc-recovery-key-page.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#define HANAKO_PASS "hanako passphrase 4"
#define NEW_PASS    "my new implementer passphrase"

/* GtkSettings:gtk-xft-dpi is in 1/1024 dots per inch. */
#define DPI_1_0 (96 * 1024)
#define DPI_1_5 (144 * 1024)

typedef struct
{
  char *dir;
  char *path;
  char *recovery;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(ScVault) vault = NULL;

  f->dir = test_make_dir ();
  f->path = g_build_filename (f->dir, "people.scvault", NULL);
  vault = test_create_vault (f->path, &f->recovery);
  sc_vault_close (vault);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  test_remove_dir (f->dir);
  sc_vault_free_recovery_key (f->recovery);
  g_free (f->dir);
  g_free (f->path);
}

static gboolean
section_idle (gpointer data)
{
  return !sc_people_section_get_busy (data);
}

static gboolean
dialog_shown (gpointer data)
{
  GtkWidget *dialog = sc_people_section_get_dialog (data);

  return dialog != NULL && gtk_widget_get_mapped (dialog);
}

/* Gives the open dialog's response @response and waits for the toast it ends with. */
static void
respond_and_wait (GtkWidget  *section,
                  const char *response,
                  const char *expected_toast)
{
  GtkWidget *dialog = sc_people_section_get_dialog (SC_PEOPLE_SECTION (section));

  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                          response));
  forget_toast ();
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  wait_until (toast_arrived, NULL);
  wait_until (section_idle, section);
  g_assert_cmpstr (get_last_toast (), ==, expected_toast);
}

static GtkWidget *
open_dialog (GtkWidget *section)
{
  GtkWidget *dialog;

  wait_until (dialog_shown, section);
  dialog = sc_people_section_get_dialog (SC_PEOPLE_SECTION (section));
  wait_for_frame (dialog);
  assert_controls_named (dialog);
  return dialog;
}

static void
relock (ScVault    *vault,
        const char *passphrase)
{
  g_autoptr(GError) error = NULL;

  sc_vault_lock (vault);
  g_assert_true (sc_vault_unlock (vault, passphrase, &error));
  g_assert_no_error (error);
}

static void
assert_refused (ScVault    *vault,
                const char *passphrase)
{
  g_autoptr(GError) error = NULL;

  sc_vault_lock (vault);
  g_assert_false (sc_vault_unlock (vault, passphrase, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE);
}

static void
test_people_implementer (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = sc_vault_open (f->path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  GtkWidget *section, *dialog;
  GtkWindow *window;

  g_assert_no_error (error);
  section = sc_people_section_new (vault);
  watch_toasts (section);
  watch_finalize (section);
  window = show_in_window (section, 1024, 768);
  g_assert_cmpuint (sc_people_section_get_n_people (SC_PEOPLE_SECTION (section)), ==, 1);
  /* The creator of a vault made before names were asked for: the role, translated. */
  g_assert_true (shows_label (section, T("Implementer")));
  assert_controls_named (GTK_WIDGET (window));

  /* Set up HR: a named HR person with a passphrase of their own. */
  click (find_button (section, T("_Add Person…")));
  dialog = open_dialog (section);
  set_text (find_entry_row (dialog, T("Name")), "Hanako Sato");
  set_text (find_entry_row (dialog, T("Passphrase")), HANAKO_PASS);
  set_text (find_entry_row (dialog, T("Repeat the Passphrase")), "something else 123");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  g_assert_true (shows_label (dialog, T("The two passphrases differ.")));
  set_text (find_entry_row (dialog, T("Repeat the Passphrase")), HANAKO_PASS);
  save_screenshot (dialog, "people-add-dialog");
  respond_and_wait (section, "add", T("The person was added. They can unlock the vault with "
                                      "their own passphrase now."));
  g_assert_cmpuint (sc_people_section_get_n_people (SC_PEOPLE_SECTION (section)), ==, 2);
  g_assert_true (shows_label (section, "Hanako Sato"));
  save_screenshot (GTK_WIDGET (window), "people-1024x768");

  /* Hanako unlocks as HR under her own name. */
  relock (vault, HANAKO_PASS);
  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_HR);
  g_assert_cmpstr (sc_vault_get_person_name (vault), ==, "Hanako Sato");
  relock (vault, IMPL_PASS);
  sc_people_section_reload (SC_PEOPLE_SECTION (section));

  /* Change my passphrase: the current one first, then the new one twice. */
  click (find_button (section, T("_Change My Passphrase…")));
  dialog = open_dialog (section);
  set_text (find_entry_row (dialog, T("Current Passphrase")), IMPL_PASS);
  set_text (find_entry_row (dialog, T("New Passphrase")), NEW_PASS);
  set_text (find_entry_row (dialog, T("Repeat the Passphrase")), NEW_PASS);
  save_screenshot (dialog, "people-change-dialog");
  respond_and_wait (section, "change", T("Your passphrase was changed. Use the new one from "
                                         "now on."));
  assert_refused (vault, IMPL_PASS);
  relock (vault, NEW_PASS);
  sc_people_section_reload (SC_PEOPLE_SECTION (section));

  /* A wrong current passphrase is refused, and said so. */
  click (find_button (section, T("_Change My Passphrase…")));
  dialog = open_dialog (section);
  set_text (find_entry_row (dialog, T("Current Passphrase")), "not my passphrase");
  set_text (find_entry_row (dialog, T("New Passphrase")), "another new passphrase");
  set_text (find_entry_row (dialog, T("Repeat the Passphrase")), "another new passphrase");
  forget_toast ();
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "change");
  wait_until (toast_arrived, NULL);
  wait_until (section_idle, section);
  g_assert_nonnull (strstr (get_last_toast (),
                            T("The passphrase is not right. Check that Caps Lock is off and "
                              "the input method is the one you used, and try again.")));

  /* Remove Hanako: confirmed with my own passphrase; a new recovery key is shown. */
  window = move_to_window (window, section, 1920, 1080);
  save_screenshot (GTK_WIDGET (window), "people-1920x1080");
  click (find_button (section, T("_Remove…")));
  dialog = open_dialog (section);
  set_text (find_entry_row (dialog, T("Your Passphrase")), NEW_PASS);
  save_screenshot (dialog, "people-remove-dialog");
  respond_and_wait (section, "remove", T("The person was removed and the vault locked with new "
                                         "keys."));
  g_assert_nonnull (sc_people_section_get_shown_recovery_key (SC_PEOPLE_SECTION (section)));
  dialog = open_dialog (section);
  save_screenshot (dialog, "people-recovery-key");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "done");
  iterate_until_idle ();
  g_assert_null (sc_people_section_get_shown_recovery_key (SC_PEOPLE_SECTION (section)));
  g_assert_cmpuint (sc_people_section_get_n_people (SC_PEOPLE_SECTION (section)), ==, 1);
  assert_refused (vault, HANAKO_PASS);
  relock (vault, NEW_PASS);
  sc_people_section_reload (SC_PEOPLE_SECTION (section));

  /* Text scale 1.5. */
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", DPI_1_5, NULL);
  window = move_to_window (window, section, 1024, 768);
  save_screenshot (GTK_WIDGET (window), "people-1024x768-scale-1.5");
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", DPI_1_0, NULL);

  destroy_window (window);
  assert_watched_finalized ();
}

/* The implementer renames themselves (the creator's default name) and the HR person;
 * an empty name cannot be saved. */
static void
test_people_rename (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = sc_vault_open (f->path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_autoptr(GPtrArray) people = NULL;
  GtkWidget *section, *dialog;
  GtkWindow *window;
  gint64 hanako;

  g_assert_no_error (error);
  hanako = sc_vault_add_person (vault, "Hanako Sato", SC_VAULT_PERSON_HR, HANAKO_PASS, &error);
  g_assert_no_error (error);
  section = sc_people_section_new (vault);
  watch_toasts (section);
  watch_finalize (section);
  window = show_in_window (section, 1024, 768);

  /* The first Rename… is the implementer's own row (implementers come first). */
  click (find_button (section, T("Re_name…")));
  dialog = open_dialog (section);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_entry_row (dialog, T("Name")))), ==,
                   T("Implementer"));
  set_text (find_entry_row (dialog, T("Name")), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                           "rename"));
  set_text (find_entry_row (dialog, T("Name")), "Yamamoto Taro");
  save_screenshot (dialog, "people-rename-dialog");
  respond_and_wait (section, "rename", T("The name was changed."));
  g_assert_cmpstr (sc_vault_get_person_name (vault), ==, "Yamamoto Taro");
  g_assert_true (shows_label (section, "Yamamoto Taro"));
  save_screenshot (GTK_WIDGET (window), "people-renamed-1024x768");

  /* Then Hanako, from her row. */
  sc_people_section_rename_person (SC_PEOPLE_SECTION (section), hanako);
  dialog = open_dialog (section);
  set_text (find_entry_row (dialog, T("Name")), "Hanako Suzuki");
  respond_and_wait (section, "rename", T("The name was changed."));
  people = sc_vault_list_people (vault, &error);
  g_assert_no_error (error);
  g_assert_true (shows_label (section, "Hanako Suzuki"));
  g_assert_false (shows_label (section, "Hanako Sato"));

  window = move_to_window (window, section, 1920, 1080);
  save_screenshot (GTK_WIDGET (window), "people-renamed-1920x1080");
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", DPI_1_5, NULL);
  window = move_to_window (window, section, 1024, 768);
  save_screenshot (GTK_WIDGET (window), "people-renamed-1024x768-scale-1.5");
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", DPI_1_0, NULL);

  destroy_window (window);
  assert_watched_finalized ();
}

static void
test_people_hr (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;
  GtkWidget *section, *dialog;
  GtkWindow *window;

  vault = sc_vault_open (f->path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_vault_add_person (vault, "Hanako Sato", SC_VAULT_PERSON_HR, HANAKO_PASS,
                                        &error), >, 0);
  relock (vault, HANAKO_PASS);

  section = sc_people_section_new (vault);
  watch_toasts (section);
  watch_finalize (section);
  window = show_in_window (section, 1024, 768);
  /* HR sees who may unlock, and changes only their own passphrase. */
  g_assert_cmpuint (sc_people_section_get_n_people (SC_PEOPLE_SECTION (section)), ==, 2);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (find_button (section,
                                                                   T("_Add Person…")))));
  save_screenshot (GTK_WIDGET (window), "people-hr-1024x768");
  click (find_button (section, T("_Change My Passphrase…")));
  dialog = open_dialog (section);
  set_text (find_entry_row (dialog, T("Current Passphrase")), HANAKO_PASS);
  set_text (find_entry_row (dialog, T("New Passphrase")), "hanako changed it");
  set_text (find_entry_row (dialog, T("Repeat the Passphrase")), "hanako changed it");
  respond_and_wait (section, "change", T("Your passphrase was changed. Use the new one from "
                                         "now on."));
  assert_refused (vault, HANAKO_PASS);
  relock (vault, "hanako changed it");
  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_HR);

  destroy_window (window);
  assert_watched_finalized ();
}

static gboolean
unlock_dialog_shown (gpointer data)
{
  GtkWidget *dialog = sc_unlock_page_get_dialog (data);

  return dialog != NULL && gtk_widget_get_mapped (dialog);
}

static gboolean
new_key_shown (gpointer data)
{
  return sc_unlock_page_get_shown_recovery_key (data) != NULL;
}

static gboolean
is_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

static void
on_unlocked_cb (ScUnlockPage *page,
                ScVault      *vault,
                ScVault     **out)
{
  *out = g_object_ref (vault);
}

/* §9 "recover with the recovery key": from the unlock page, a new implementer passphrase;
 * the key used is replaced by a new one, shown once. */
static void
test_recover_from_unlock_page (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (f->path);
  g_autoptr(ScVault) unlocked = NULL;
  g_autofree char *new_key = NULL;
  GtkWidget *page, *dialog;
  GtkWindow *window;
  ScVault *vault;

  page = sc_unlock_page_new (file, FALSE);
  g_signal_connect (page, "unlocked", G_CALLBACK (on_unlocked_cb), &unlocked);
  watch_finalize (page);
  window = show_in_window (page, 1024, 768);
  assert_controls_named (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "unlock-recovery-1024x768");

  click (find_button (page, T("Use _Recovery Key…")));
  wait_until (unlock_dialog_shown, page);
  dialog = sc_unlock_page_get_dialog (SC_UNLOCK_PAGE (page));
  wait_for_frame (dialog);
  assert_controls_named (dialog);
  set_text (find_entry_row (dialog, T("Recovery Key")), f->recovery);
  set_text (find_entry_row (dialog, T("New Passphrase")), NEW_PASS);
  set_text (find_entry_row (dialog, T("Repeat the Passphrase")), NEW_PASS);
  save_screenshot (dialog, "unlock-recovery-dialog");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  wait_until (new_key_shown, page);
  wait_until (unlock_dialog_shown, page);
  g_assert_nonnull (sc_unlock_page_get_shown_recovery_key (SC_UNLOCK_PAGE (page)));
  new_key = g_strdup (sc_unlock_page_get_shown_recovery_key (SC_UNLOCK_PAGE (page)));
  g_assert_cmpstr (new_key, !=, f->recovery);
  dialog = sc_unlock_page_get_dialog (SC_UNLOCK_PAGE (page));
  wait_for_frame (dialog);
  assert_controls_named (dialog);
  save_screenshot (dialog, "unlock-recovery-new-key");
  g_assert_null (unlocked);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "done");
  wait_until (is_set, &unlocked);
  g_assert_cmpint (sc_vault_get_role (unlocked), ==, SC_VAULT_ROLE_IMPLEMENTER);
  g_assert_cmpstr (sc_vault_get_person_name (unlocked), ==, "Implementer");
  g_assert_null (sc_unlock_page_get_shown_recovery_key (SC_UNLOCK_PAGE (page)));
  sc_vault_close (unlocked);
  destroy_window (window);

  /* The new passphrase opens, the old one and the old recovery key no longer do. */
  vault = sc_vault_open (f->path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_null (vault);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  vault = sc_vault_recover (f->path, f->recovery, "yet another passphrase", &error);
  g_assert_null (vault);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  vault = sc_vault_open (f->path, NEW_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_object_unref (vault);
  vault = sc_vault_recover (f->path, new_key, "yet another passphrase", &error);
  g_assert_no_error (error);
  g_object_unref (vault);
  assert_watched_finalized ();
}

static void
on_open_recent_cb (GSimpleAction  *action,
                   GVariant       *parameter,
                   char          **out)
{
  g_free (*out);
  *out = g_variant_dup_string (parameter, NULL);
}

/* Recent vaults: at most five, newest first, missing files dropped; the start page lists
 * them and a click asks the window to open one. */
static void
test_recent_vaults (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.stresscheck.StressCheck");
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) action = g_simple_action_new ("open-recent", G_VARIANT_TYPE_STRING);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autofree char *missing = g_build_filename (f->dir, "gone.scvault", NULL);
  g_autofree char *opened = NULL;
  g_auto(GStrv) list = NULL;
  GtkWidget *page;
  GtkWindow *window;

  g_settings_reset (settings, "recent-vaults");
  for (guint i = 0; i < 6; i++)
    {
      char *path = g_strdup_printf ("%s/vault-%u.scvault", f->dir, i);

      g_assert_true (g_file_set_contents (path, "x", 1, NULL));
      g_ptr_array_add (paths, path);
      sc_recent_vaults_add (settings, path);
    }
  sc_recent_vaults_add (settings, missing);
  sc_recent_vaults_add (settings, g_ptr_array_index (paths, 3));
  list = sc_recent_vaults_list (settings);
  g_assert_cmpuint (g_strv_length (list), ==, SC_RECENT_VAULTS_MAX);
  g_assert_cmpstr (list[0], ==, g_ptr_array_index (paths, 3));
  g_assert_cmpstr (list[1], ==, g_ptr_array_index (paths, 5));
  g_assert_false (g_strv_contains ((const char * const *) list, missing));
  g_assert_false (g_strv_contains ((const char * const *) list, g_ptr_array_index (paths, 0)));
  /* A file deleted since drops out. */
  g_assert_cmpint (g_remove (g_ptr_array_index (paths, 5)), ==, 0);
  g_clear_pointer (&list, g_strfreev);
  list = sc_recent_vaults_list (settings);
  g_assert_cmpuint (g_strv_length (list), ==, 4);
  g_assert_cmpstr (list[1], ==, g_ptr_array_index (paths, 4));

  page = sc_start_page_new ();
  watch_finalize (page);
  sc_start_page_set_recent (SC_START_PAGE (page), (const char * const *) list);
  g_assert_cmpuint (sc_start_page_get_n_recent (SC_START_PAGE (page)), ==, 4);
  g_signal_connect (action, "activate", G_CALLBACK (on_open_recent_cb), &opened);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  window = show_in_window (page, 1024, 768);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "win", G_ACTION_GROUP (group));
  g_assert_true (shows_label (page, "vault-3.scvault"));
  assert_controls_named (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "start-recent-1024x768");

  collect_descendants (page, ADW_TYPE_ACTION_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 4);
  g_signal_emit_by_name (g_ptr_array_index (rows, 1), "activate");
  iterate_until_idle ();
  g_assert_cmpstr (opened, ==, list[1]);

  g_settings_reset (settings, "recent-vaults");
  destroy_window (window);
  assert_watched_finalized ();
}

/* The recovery-key page saves the key in a file only its owner can read, and prints it. */
static void
test_recovery_key_save_print (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "key.txt", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "key.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GtkWidget *page;
  GtkWindow *window;
  ScVault *vault;
  struct stat st;

  page = sc_recovery_key_page_new (f->recovery);
  watch_finalize (page);
  window = show_in_window (page, 1024, 768);
  assert_controls_named (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "recovery-key-page-1024x768");

  /* An older file readable by others is replaced, and no longer readable by them. */
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_true (sc_recovery_key_page_save_to_file (SC_RECOVERY_KEY_PAGE (page), file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpstr (lines[2], ==, f->recovery);
  /* The key as saved opens the vault. */
  vault = sc_vault_recover (f->path, lines[2], "saved key passphrase", &error);
  g_assert_no_error (error);
  g_object_unref (vault);

  g_assert_cmpint (sc_recovery_key_page_print (SC_RECOVERY_KEY_PAGE (page),
                                               GTK_PRINT_OPERATION_ACTION_EXPORT, pdf, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (pdf, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 0);

  destroy_window (window);
  assert_watched_finalized ();
}

int
main (int   argc,
      char *argv[])
{
  test_gui_init (&argc, &argv);

  g_test_add ("/people/implementer", Fixture, NULL, fixture_setup, test_people_implementer,
              fixture_teardown);
  g_test_add ("/people/hr", Fixture, NULL, fixture_setup, test_people_hr, fixture_teardown);
  g_test_add ("/people/rename", Fixture, NULL, fixture_setup, test_people_rename,
              fixture_teardown);
  g_test_add ("/people/recovery-key-save-print", Fixture, NULL, fixture_setup,
              test_recovery_key_save_print, fixture_teardown);
  g_test_add ("/people/recent-vaults", Fixture, NULL, fixture_setup, test_recent_vaults,
              fixture_teardown);
  g_test_add ("/people/recover-from-unlock-page", Fixture, NULL, fixture_setup,
              test_recover_from_unlock_page, fixture_teardown);

  return test_gui_run ();
}
