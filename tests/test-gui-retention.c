/* test-gui-retention.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Retention section (issue 11 §7, §9): on a vault with a round that ended six years
 * ago and a recent one (sc-test-purge.h), the section lists both with the day each is
 * kept until and offers only the old one for purge. Cancelling the confirmation keeps
 * everything; confirming purges through the core's async path, with a toast, and then the
 * decrypted database and the file hold nothing of the old round while the recent one is
 * whole. Screenshots at 1024×768, 1920×1080 and text scale 1.5 (retention-*.png), and of
 * the confirmation.
 */
#define G_LOG_DOMAIN "test-gui-retention"

#include "config.h"

#include <string.h>

#include "sc-test-gui-util.h"
#include "sc-test-section.h"
#include "sc-test-purge.h"

#include "sc-vault-purge.h"
#include "sc-retention-section.h"

/* Text scale 1.0 and 1.5, as Xft DPI × 1024. */
#define DPI_NORMAL (96 * 1024)
#define DPI_LARGE  (144 * 1024)

static gboolean
section_idle (gpointer data)
{
  return !sc_retention_section_get_busy (data);
}

static void
set_text_scale (int dpi)
{
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", dpi, NULL);
  iterate_until_idle ();
}

static void
on_rounds_changed_cb (GtkWidget *section,
                      guint     *count)
{
  (*count)++;
}

static GPtrArray *
purge_buttons (GtkWidget *section)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GPtrArray *found = g_ptr_array_new ();

  collect_descendants (section, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), T ("_Purge…")) == 0)
      g_ptr_array_add (found, g_ptr_array_index (buttons, i));
  return found;
}

static gboolean
no_dialog_shown (gpointer data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

/* Clicks the one Purge button and returns the confirmation it opens. */
static AdwMessageDialog *
open_confirmation (GtkWidget *section)
{
  g_autoptr(GPtrArray) buttons = purge_buttons (section);
  GtkWindow *dialog;

  g_assert_cmpuint (buttons->len, ==, 1);
  wait_until (no_dialog_shown, NULL);
  click (g_ptr_array_index (buttons, 0));
  dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  wait_for_frame (GTK_WIDGET (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}

/* The two-round vault, opened by the implementer, and a new section over it (watched). */
static GtkWidget *
new_section (PurgeFixture  *f,
             ScVault      **out_vault)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *section;

  purge_fixture_setup (f);
  *out_vault = sc_vault_open (f->path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  section = sc_retention_section_new (*out_vault);
  watch_finalize (section);
  return section;
}

static void
test_purge (void)
{
  g_autoptr(GPtrArray) buttons = NULL;
  g_autofree char *heading = g_strdup_printf (T ("Purge “%s”?"), PURGE_OLD_ROUND_NAME);
  PurgeFixture f = { 0 };
  guint rounds_changed = 0;
  ScRetentionSection *retention;
  AdwMessageDialog *dialog;
  GtkWidget *section;
  GtkWindow *window;
  ScVault *vault;

  section = new_section (&f, &vault);
  retention = SC_RETENTION_SECTION (section);
  watch_toasts (section);
  g_signal_connect (section, "rounds-changed", G_CALLBACK (on_rounds_changed_cb),
                    &rounds_changed);
  window = show_in_window (section, 1024, 768);

  /* Both rounds, the old one offered for purge, the recent one kept. */
  g_assert_cmpuint (sc_retention_section_get_n_rounds (retention), ==, 2);
  g_assert_cmpuint (sc_retention_section_get_n_purgeable (retention), ==, 1);
  g_assert_true (shows_label (section, PURGE_OLD_ROUND_NAME));
  g_assert_true (shows_label (section, PURGE_RECENT_NAME));
  assert_controls_named (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "retention-1024x768");

  /* The confirmation says what goes, that it is for good, and about older backups.
   * Cancelling it keeps everything. */
  dialog = open_confirmation (section);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   T ("Everything of this round is deleted from the vault: answers, results, "
                      "consent, interview records, paper forms, access codes, reminders and "
                      "released group analyses. Employees who have left and have no other "
                      "records are removed from the roster.\n\n"
                      "This cannot be undone.\n\n"
                      "Backups made before now still hold this data until they are deleted: "
                      "delete them too."));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "purge"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  save_screenshot (GTK_WIDGET (dialog), "retention-confirm");
  click (find_button (GTK_WIDGET (dialog), T ("_Cancel")));
  iterate_until_idle ();
  g_assert_false (sc_retention_section_get_busy (retention));
  g_assert_cmpuint (sc_retention_section_get_n_rounds (retention), ==, 2);
  g_assert_null (get_last_toast ());
  g_assert_cmpuint (rounds_changed, ==, 0);

  /* Purge, confirmed: busy while the core works, then a toast and the list without it. */
  forget_toast ();
  dialog = open_confirmation (section);
  click (find_button (GTK_WIDGET (dialog), T ("_Purge")));
  wait_until (toast_arrived, NULL);
  wait_until (section_idle, section);
  {
    g_autofree char *expected =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                    "The round was purged, with %u employee who had left. "
                                    "Older backups still hold its data until they are "
                                    "deleted.",
                                    "The round was purged, with %u employees who had left. "
                                    "Older backups still hold its data until they are "
                                    "deleted.", 1), 1u);

    g_assert_cmpstr (get_last_toast (), ==, expected);
  }
  g_assert_cmpuint (sc_retention_section_get_n_rounds (retention), ==, 1);
  g_assert_cmpuint (sc_retention_section_get_n_purgeable (retention), ==, 0);
  /* The workspace reads its list of rounds again. */
  g_assert_cmpuint (rounds_changed, ==, 1);
  g_assert_false (shows_label (section, PURGE_OLD_ROUND_NAME));
  buttons = purge_buttons (section);
  g_assert_cmpuint (buttons->len, ==, 0);
  assert_controls_named (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "retention-purged-1024x768");

  window = move_to_window (window, section, 1920, 1080);
  save_screenshot (GTK_WIDGET (window), "retention-purged-1920x1080");
  set_text_scale (DPI_LARGE);
  wait_for_frame (section);
  save_screenshot (GTK_WIDGET (window), "retention-purged-1920x1080-scale-1.5");
  window = move_to_window (window, section, 1024, 768);
  save_screenshot (GTK_WIDGET (window), "retention-purged-1024x768-scale-1.5");
  set_text_scale (DPI_NORMAL);
  destroy_window (window);
  g_object_unref (vault);
  assert_watched_finalized ();

  /* Searched as the core test does: nothing of the old round is left. */
  purge_assert_purged (&f);
  purge_fixture_teardown (&f);
}

/* Before the purge, the list at text scale 1.5 and the wide window. */
static void
test_layout (void)
{
  PurgeFixture f = { 0 };
  ScVault *vault;
  GtkWidget *section = new_section (&f, &vault);
  GtkWindow *window;

  window = show_in_window (section, 1920, 1080);
  save_screenshot (GTK_WIDGET (window), "retention-1920x1080");
  set_text_scale (DPI_LARGE);
  window = move_to_window (window, section, 1024, 768);
  assert_controls_named (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "retention-1024x768-scale-1.5");
  set_text_scale (DPI_NORMAL);
  destroy_window (window);
  g_object_unref (vault);
  assert_watched_finalized ();
  purge_fixture_teardown (&f);
}

int
main (int   argc,
      char *argv[])
{
  test_gui_init (&argc, &argv);

  g_test_add_func ("/retention/layout", test_layout);
  g_test_add_func ("/retention/purge", test_purge);

  return test_gui_run ();
}
