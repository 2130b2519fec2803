/* test-gui-rounds.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Rounds section (issue 11 §2) on the workspace test round (sc-test-workspace.h): the
 * implementer creates a round through the dialog (Create insensitive on a bad period),
 * edits its period, closes and reopens it, changes its criteria (the warning is shown,
 * the criteria are stored), issues codes and logs in with one, reissues one (the old code
 * is refused), and saves the slips as a PDF that is read back with poppler. An empty roster
 * is pointed out in the new-round dialog; HR sees the list and who has a code, and no
 * button. Screenshots at 1024×768, 1920×1080 and text scale 1.5 (rounds-*.png).
 */
#define G_LOG_DOMAIN "test-gui-rounds"

#include "config.h"

#include "sc-test-gui-util.h"
#include "sc-test-section.h"
#include <poppler.h>
#include <string.h>

#include "sc-access-code.h"
#include "sc-vault-async.h"
#include "sc-test-workspace.h"

#include "sc-codes-dialog.h"
#include "sc-criteria-dialog.h"
#include "sc-new-round-dialog.h"
#include "sc-rounds-section.h"

#define DPI_1_5 (96 * 1024 * 3 / 2)

static gboolean
section_idle (gpointer data)
{
  return !sc_rounds_section_get_busy (data);
}

static gboolean
no_toplevel (gpointer type)
{
  return find_toplevel ((GType) GPOINTER_TO_SIZE (type)) == NULL;
}

static void
wait_toast (GtkWidget  *section,
            const char *expected)
{
  wait_until (toast_arrived, NULL);
  wait_until (section_idle, section);
  g_assert_cmpstr (get_last_toast (), ==, expected);
  forget_toast ();
}

/* Clicks the button @label of the message dialog shown now. */
static void
respond (const char *label)
{
  GtkWindow *dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  assert_controls_named (GTK_WIDGET (dialog));
  save_screenshot (GTK_WIDGET (dialog), "rounds-confirm");
  click (find_button (GTK_WIDGET (dialog), label));
  wait_until (no_toplevel, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG));
}

/* number → code, from the rows of the codes dialog. */
static GHashTable *
codes_shown (GtkWidget *dialog)
{
  GHashTable *codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_descendants (dialog, ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      const char *title = adw_preferences_row_get_title (g_ptr_array_index (rows, i));
      GtkLabel *code = find_label_with_class (g_ptr_array_index (rows, i), "monospace");
      g_auto(GStrv) parts = g_strsplit (title, "  ", 2);

      g_hash_table_insert (codes, g_strdup (parts[0]), g_strdup (gtk_label_get_text (code)));
    }
  return codes;
}

static gboolean
codes_dialog_idle (gpointer dialog)
{
  return !sc_codes_dialog_get_busy (dialog);
}

static char *
pdf_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      g_autofree char *t = poppler_page_get_text (page);

      g_string_append (text, t);
      g_object_unref (page);
    }
  g_object_unref (doc);
  return g_string_free (text, FALSE);
}

static GtkButton *
reissue_button (GtkWidget  *section,
                const char *number)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_descendants (section, ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_str_has_prefix (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), number))
      return find_button (g_ptr_array_index (rows, i), T ("Reissue…"));
  g_error ("no row for %s", number);
}

static void
test_rounds_implementer (WsFixture     *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = ws_open (f, IMPL_PASS);
  g_autoptr(ScVaultRound) round = NULL;
  g_autoptr(GHashTable) codes = NULL;
  g_autoptr(GHashTable) again = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "slips.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *end = ws_date_offset (40);
  const char *number = test_people[0].number;
  GtkWidget *section, *dialog;
  GtkWindow *window;
  gint64 new_id;

  section = sc_rounds_section_new (vault, f->round_id);
  watch_toasts (section);
  watch_finalize (section);
  window = show_in_window (section, 1024, 768);
  g_assert_true (shows_label (section, "2026"));
  g_assert_true (shows_label (section, T ("Has a code")));
  g_assert_true (shows_label (section, T ("No code")));
  assert_controls_named (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "rounds-1024x768");

  /* A new round: Create is not offered for a period that ends before it starts. */
  click (find_button (section, T ("_New Round…")));
  dialog = GTK_WIDGET (wait_for_toplevel (SC_TYPE_NEW_ROUND_DIALOG));
  watch_finalize (dialog);
  g_assert_false (shows_label (dialog, T ("The roster is empty. Import the employees before you "
                                          "issue access codes: nobody can answer without one.")));
  set_text (find_nth_descendant (dialog, ADW_TYPE_ENTRY_ROW, 0), "Extra");
  set_text (find_nth_descendant (dialog, ADW_TYPE_ENTRY_ROW, 1), "2026-06-10");
  set_text (find_nth_descendant (dialog, ADW_TYPE_ENTRY_ROW, 2), "2026-06-01");
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (find_button (dialog, T ("C_reate")))));
  g_assert_true (shows_label (dialog, T ("The last day comes before the first day.")));
  /* Each date row has its calendar: a day picked there is written into the row. */
  {
    GtkWidget *picker = find_descendant (find_nth_descendant (dialog, ADW_TYPE_ENTRY_ROW, 1),
                                         GTK_TYPE_MENU_BUTTON);
    GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (picker));
    g_autoptr(GDateTime) day = g_date_time_new_local (2026, 6, 15, 12, 0, 0);

    gtk_menu_button_popup (GTK_MENU_BUTTON (picker));
    iterate_until_idle ();
    gtk_calendar_select_day (GTK_CALENDAR (gtk_popover_get_child (popover)), day);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_nth_descendant (dialog,
                                                                               ADW_TYPE_ENTRY_ROW,
                                                                               1))),
                     ==, "2026-06-15");
    iterate_until_idle ();
  }
  assert_controls_named (dialog);
  save_screenshot (dialog, "rounds-new-round");
  set_text (find_nth_descendant (dialog, ADW_TYPE_ENTRY_ROW, 1), f->today);
  set_text (find_nth_descendant (dialog, ADW_TYPE_ENTRY_ROW, 2), f->period_end);
  click (find_button (dialog, T ("C_reate")));
  wait_toast (section, T ("The round was created"));
  new_id = sc_rounds_section_get_round_id (SC_ROUNDS_SECTION (section));
  g_assert_cmpint (new_id, !=, f->round_id);
  round = sc_vault_get_round (vault, new_id, &error);
  g_assert_cmpstr (round->name, ==, "Extra");
  g_clear_pointer (&round, sc_vault_round_free);

  /* Back to the test round: its period moves. */
  sc_rounds_section_set_round_id (SC_ROUNDS_SECTION (section), f->round_id);
  click (find_button (section, T ("_Edit…")));
  dialog = GTK_WIDGET (wait_for_toplevel (SC_TYPE_NEW_ROUND_DIALOG));
  watch_finalize (dialog);
  set_text (find_nth_descendant (dialog, ADW_TYPE_ENTRY_ROW, 2), end);
  save_screenshot (dialog, "rounds-edit");
  click (find_button (dialog, T ("_Save")));
  wait_toast (section, T ("The round was saved"));
  round = sc_vault_get_round (vault, f->round_id, &error);
  g_assert_cmpstr (round->period_end, ==, end);
  g_clear_pointer (&round, sc_vault_round_free);

  /* Close, with what closing means, then reopen. */
  click (find_button (section, T ("C_lose…")));
  respond (T ("C_lose Round"));
  wait_toast (section, T ("The round was closed"));
  round = sc_vault_get_round (vault, f->round_id, &error);
  g_assert_true (round->closed);
  g_clear_pointer (&round, sc_vault_round_free);
  click (find_button (section, T ("_Reopen")));
  wait_toast (section, T ("The round was reopened"));
  round = sc_vault_get_round (vault, f->round_id, &error);
  g_assert_false (round->closed);
  g_clear_pointer (&round, sc_vault_round_free);

  /* The criteria: the warning first, the current values in the form. */
  click (find_button (section, T ("C_hange…")));
  dialog = GTK_WIDGET (wait_for_toplevel (SC_TYPE_CRITERIA_DIALOG));
  watch_finalize (dialog);
  g_assert_nonnull (find_label_with_class (dialog, "warning"));
  {
    ScCriteria shown;

    sc_criteria_dialog_get (SC_CRITERIA_DIALOG (dialog), &shown);
    g_assert_cmpint (shown.method, ==, SC_METHOD_CONVERSION);
    g_assert_cmpint (shown.conv_b_max, ==, 12);
  }
  assert_controls_named (dialog);
  save_screenshot (dialog, "rounds-criteria");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_descendant (dialog, ADW_TYPE_COMBO_ROW)), 1);
  sc_criteria_dialog_set_threshold (SC_CRITERIA_DIALOG (dialog), 0, 80);
  click (find_button (dialog, T ("_Save Criteria")));
  wait_toast (section, T ("The criteria were changed"));
  round = sc_vault_get_round (vault, f->round_id, &error);
  g_assert_cmpint (round->criteria.method, ==, SC_METHOD_SUM);
  g_assert_cmpint (round->criteria.sum_b_min, ==, 80);
  g_clear_pointer (&round, sc_vault_round_free);
  g_assert_true (ws_audited (vault, "round.criteria", f->round_id));

  /* Codes for everyone without one: seven (X000000 had one). Shown once; one logs in. */
  click (find_button (section, T ("_Issue Codes")));
  {
    g_autofree char *expected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%u access code issued",
                                                              "%u access codes issued", 7), 7);

    wait_toast (section, expected);
  }
  dialog = GTK_WIDGET (wait_for_toplevel (SC_TYPE_CODES_DIALOG));
  g_assert_true (sc_rounds_section_get_codes_dialog (SC_ROUNDS_SECTION (section)) == dialog);
  watch_finalize (dialog);
  g_assert_cmpuint (sc_codes_dialog_get_n_codes (SC_CODES_DIALOG (dialog)), ==, 7);
  codes = codes_shown (dialog);
  g_assert_cmpuint (g_hash_table_size (codes), ==, 7);
  g_assert_false (g_hash_table_contains (codes, "X000000"));
  assert_controls_named (dialog);
  save_screenshot (dialog, "rounds-codes");
  g_assert_true (sc_vault_check_access_code (vault, f->round_id, number, test_verify_code_cb,
                                             g_hash_table_lookup (codes, number), &error));
  g_assert_no_error (error);

  /* The slips as a PDF, with the numbers and codes on them. */
  sc_codes_dialog_save_pdf (SC_CODES_DIALOG (dialog), pdf);
  wait_until (codes_dialog_idle, dialog);
  g_assert_cmpstr (sc_codes_dialog_get_status (SC_CODES_DIALOG (dialog)), ==,
                   T ("The slips were saved."));
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, number));
  g_assert_nonnull (strstr (text, (char *) g_hash_table_lookup (codes, number)));
  gtk_window_close (GTK_WINDOW (dialog));
  wait_until (no_toplevel, GSIZE_TO_POINTER (SC_TYPE_CODES_DIALOG));

  /* Reissue one: the old code is refused, the new one works. */
  set_text (find_descendant (section, GTK_TYPE_SEARCH_ENTRY), number);
  click (reissue_button (section, number));
  respond (T ("_Reissue"));
  wait_until (toast_arrived, NULL);
  wait_until (section_idle, section);
  dialog = GTK_WIDGET (wait_for_toplevel (SC_TYPE_CODES_DIALOG));
  watch_finalize (dialog);
  again = codes_shown (dialog);
  g_assert_cmpuint (g_hash_table_size (again), ==, 1);
  g_assert_false (sc_vault_check_access_code (vault, f->round_id, number, test_verify_code_cb,
                                              g_hash_table_lookup (codes, number), &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_ACCESS_DENIED);
  g_clear_error (&error);
  g_assert_true (sc_vault_check_access_code (vault, f->round_id, number, test_verify_code_cb,
                                             g_hash_table_lookup (again, number), &error));
  g_assert_no_error (error);
  gtk_window_close (GTK_WINDOW (dialog));
  wait_until (no_toplevel, GSIZE_TO_POINTER (SC_TYPE_CODES_DIALOG));
  set_text (find_descendant (section, GTK_TYPE_SEARCH_ENTRY), "");

  window = move_to_window (window, section, 1920, 1080);
  save_screenshot (GTK_WIDGET (window), "rounds-1920x1080");
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", DPI_1_5, NULL);
  window = move_to_window (window, section, 1024, 768);
  assert_controls_named (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "rounds-scale-1.5");
  gtk_settings_reset_property (gtk_settings_get_default (), "gtk-xft-dpi");
  destroy_window (window);
  assert_watched_finalized ();
}

static void
test_rounds_empty_roster (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "v.scvault", NULL);
  g_autoptr(ScVault) vault = test_create_vault (path, NULL);
  GtkWidget *dialog = sc_new_round_dialog_new (vault);

  watch_finalize (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_for_frame (dialog);
  g_assert_true (shows_label (dialog, T ("The roster is empty. Import the employees before you "
                                         "issue access codes: nobody can answer without one.")));
  save_screenshot (dialog, "rounds-new-round-empty-roster");
  destroy_window (dialog);
  assert_watched_finalized ();
  sc_vault_close (vault);
  test_remove_dir (dir);
}

static void
test_rounds_hr (WsFixture     *f,
                gconstpointer  data)
{
  g_autoptr(ScVault) vault = ws_open (f, HR_PASS);
  GtkWidget *section = sc_rounds_section_new (vault, f->round_id);
  GtkWindow *window;

  watch_finalize (section);
  window = show_in_window (section, 1024, 768);
  g_assert_true (shows_label (section, "2026"));
  g_assert_true (shows_label (section, T ("Has a code")));
  g_assert_null (find_button (section, T ("_New Round…")));
  g_assert_null (find_button (section, T ("_Issue Codes")));
  g_assert_null (find_button (section, T ("Reissue…")));
  g_assert_null (find_button (section, T ("C_lose…")));
  g_assert_null (find_button (section, T ("C_hange…")));
  assert_controls_named (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "rounds-hr");
  destroy_window (window);
  assert_watched_finalized ();
}

int
main (int   argc,
      char *argv[])
{
  test_gui_init (&argc, &argv);

  g_test_add ("/rounds/implementer", WsFixture, NULL, ws_setup, test_rounds_implementer,
              ws_teardown);
  g_test_add_func ("/rounds/empty-roster", test_rounds_empty_roster);
  g_test_add ("/rounds/hr", WsFixture, NULL, ws_setup, test_rounds_hr, ws_teardown);

  return test_gui_run ();
}
