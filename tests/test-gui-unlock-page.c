/* test-gui-unlock-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From `stresscheck --vault PATH` to the kiosk and back: the unlock page for that vault; a
 * wrong passphrase keeps the page with the message and the passphrase selected; a damaged
 * vault offers another file; a vault open elsewhere says so; the implementer creates a round
 * (name, period, その2 by default); HR may start the kiosk but not create rounds; starting the
 * kiosk asks first, wipes the keys (kiosk role), shows the kiosk window and hides this one,
 * which comes back at the rounds when the kiosk is left. Screenshots go to G_TEST_BUILDDIR
 * (unlock, unlock-wrong, unlock-damaged, rounds-empty, new-round, rounds, kiosk-confirm;
 * "-ja" in Japanese).
 */
#define G_LOG_DOMAIN "test-gui-unlock-page"

#include "config.h"

#include "sc-test-gui-util.h"

#include <string.h>


#include "sc-gui-vault.h"
#include "sc-kiosk-window.h"
#include "sc-new-round-dialog.h"
#include "sc-round-page.h"
#include "sc-workspace-frame.h"
#include "sc-start-page.h"
#include "sc-unlock-page.h"
#include "sc-vault.h"
#include "sc-vault-private.h"

/* The vault of the current test, made with the minimum key-derivation limits. */

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

static char *vault_dir;
static char *vault_path;
static gboolean hr_kiosk_allowed = TRUE;

static void
make_vault (gboolean with_round)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ScVault) vault = NULL;

  vault_dir = test_make_dir ();
  vault_path = g_build_filename (vault_dir, "会社.scvault", NULL);
  vault = test_create_vault (vault_path, NULL);
  g_assert_true (sc_vault_set_hr_passphrase (vault, HR_PASS, &error));
  g_assert_no_error (error);
  /* The implementer lets HR start the kiosk (off by default: issue 12 §1). */
  if (hr_kiosk_allowed)
    g_assert_true (sc_vault_set_setting (vault, SC_VAULT_SETTING_HR_KIOSK, "true", &error));
  g_assert_no_error (error);

  if (with_round)
    {
      ScCriteria criteria;

      sc_criteria_init_default (&criteria);
      g_assert_cmpint (sc_vault_create_round (vault, "2026年度 ストレスチェック", "2026-06-01",
                                              "2026-06-30", &criteria, &error), >, 0);
      g_assert_no_error (error);
    }

  sc_vault_close (vault);
}

static void
remove_vault (void)
{
  test_remove_dir (vault_dir);
  g_clear_pointer (&vault_dir, g_free);
  g_clear_pointer (&vault_path, g_free);
}

/* Runs @func with `stresscheck --vault PATH` for a fresh vault. */
static void
run_with_vault (AppTestFunc func,
                gboolean    with_round)
{
  make_vault (with_round);
  {
    const char * const args[] = { "--vault", vault_path, NULL };

    run_in_application_with_args (func, args);
  }
  remove_vault ();
}

static void
run_with_vault_test (gconstpointer data)
{
  run_with_vault ((AppTestFunc) data, FALSE);
}

static void
run_with_round_test (gconstpointer data)
{
  run_with_vault ((AppTestFunc) data, TRUE);
}

static void
run_with_round_no_hr_kiosk_test (gconstpointer data)
{
  hr_kiosk_allowed = FALSE;
  run_with_vault ((AppTestFunc) data, TRUE);
  hr_kiosk_allowed = TRUE;
}

static GtkLabel *
find_error_label (GtkWidget *page)
{
  return find_label_with_class (page, "error");
}

static gboolean
unlock_done (gpointer page)
{
  return !sc_unlock_page_get_busy (page);
}

/* Types @passphrase and presses Unlock; waits until the answer came. */
static void
unlock_with (GtkWidget  *page,
             const char *passphrase)
{
  GtkWidget *row = find_descendant (page, ADW_TYPE_PASSWORD_ENTRY_ROW);

  g_object_ref (page);
  type_text (row, passphrase);
  click (find_button (page, T ("_Unlock")));
  wait_until (unlock_done, page);
  iterate_until_idle ();
  g_object_unref (page);
}

static void
test_unlock_page (ScApplication *app)
{
  ScWindow *window = get_window (app);
  GtkWidget *page = wait_for_page (window, SC_TYPE_UNLOCK_PAGE);
  g_autofree char *path = g_file_get_path (sc_unlock_page_get_file (SC_UNLOCK_PAGE (page)));
  g_autofree char *folder = g_path_get_dirname (vault_path);
  AdwStatusPage *status_page = ADW_STATUS_PAGE (find_descendant (page, ADW_TYPE_STATUS_PAGE));
  AdwWindowTitle *title = ADW_WINDOW_TITLE (find_descendant (GTK_WIDGET (window),
                                                             ADW_TYPE_WINDOW_TITLE));
  GtkWidget *row = find_descendant (page, ADW_TYPE_PASSWORD_ENTRY_ROW);

  /* The vault named on the command line, by name and folder; nothing unlocked yet. */
  g_assert_cmpstr (path, ==, vault_path);
  g_assert_false (sc_unlock_page_get_demo (SC_UNLOCK_PAGE (page)));
  g_assert_cmpstr (adw_status_page_get_title (status_page), ==, T ("Unlock the Vault"));
  g_assert_nonnull (strstr (adw_status_page_get_description (status_page), "会社.scvault"));
  g_assert_nonnull (strstr (adw_status_page_get_description (status_page), folder));
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "会社.scvault");
  g_assert_null (sc_window_get_vault (window));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (find_label_with_class (page,
                                                                            "sc-demo-hint"))));

  /* Unlock waits for a passphrase; the entry has the focus. */
  g_assert_true (has_focus (row));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (find_button (page, T ("_Unlock")))));
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (find_button_with_action (GTK_WIDGET (window),
                                                                              "win.back"))));

  assert_controls_named (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "unlock");

  /* Back to the start page. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  wait_for_page (window, SC_TYPE_START_PAGE);

  destroy_window (window);
}

static void
test_wrong_passphrase (ScApplication *app)
{
  ScWindow *window = get_window (app);
  GtkWidget *page = wait_for_page (window, SC_TYPE_UNLOCK_PAGE);
  GtkWidget *row = find_descendant (page, ADW_TYPE_PASSWORD_ENTRY_ROW);
  GtkLabel *error_label;
  int start = -1;
  int end = -1;

  unlock_with (page, "not the passphrase");

  /* The same page, with the message, and the passphrase selected for typing again. */
  g_assert_true (sc_window_get_page (window) == page);
  g_assert_null (sc_window_get_vault (window));
  error_label = find_error_label (page);
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (error_label)));
  g_assert_cmpstr (gtk_label_get_text (error_label), ==,
                   T ("The passphrase is not right. Check that Caps Lock is off and the input "
                      "method is the one you used, and try again."));
  g_assert_true (has_focus (row));
  g_assert_true (gtk_editable_get_selection_bounds (GTK_EDITABLE (row), &start, &end));
  g_assert_cmpint (start, ==, 0);
  g_assert_cmpint (end, ==, g_utf8_strlen ("not the passphrase", -1));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (find_button (page, T ("Choose _Another File…")))));

  save_screenshot (GTK_WIDGET (window), "unlock-wrong");

  /* The right one then opens it, and leaves the entry empty. */
  g_object_ref (row);
  unlock_with (page, IMPL_PASS);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
  g_object_unref (row);
  wait_for_round_page (window);
  g_assert_cmpint (sc_vault_get_role (sc_window_get_vault (window)), ==, SC_VAULT_ROLE_IMPLEMENTER);

  destroy_window (window);
}

static void
test_damaged (ScApplication *app)
{
  ScWindow *window = get_window (app);
  GtkWidget *page = wait_for_page (window, SC_TYPE_UNLOCK_PAGE);
  GtkButton *other_button;

  unlock_with (page, IMPL_PASS);

  /* No passphrase helps: the message says so and another file is offered. */
  g_assert_true (sc_window_get_page (window) == page);
  g_assert_cmpstr (gtk_label_get_text (find_error_label (page)), ==,
                   T ("This file is damaged or has been modified, or it is not a Stress Check "
                      "vault. Restore the vault from a backup, or choose another file."));
  other_button = find_button (page, T ("Choose _Another File…"));
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (other_button)));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (other_button)), ==,
                   "win.open-vault");
  g_assert_true (has_focus (GTK_WIDGET (other_button)));
  g_assert_false (gtk_widget_is_drawable (GTK_WIDGET (find_button (page, T ("_Unlock")))));
  g_assert_false (gtk_widget_is_drawable (find_descendant (page, ADW_TYPE_PASSWORD_ENTRY_ROW)));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (find_descendant (page, ADW_TYPE_STATUS_PAGE))),
                   ==, T ("The Vault Cannot Be Opened"));

  assert_controls_named (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "unlock-damaged");

  destroy_window (window);
}

/* A vault changed outside the program (an audit entry rewritten with the data key): the
 * core's message, in the user's language (issue 8: core errors are translated). */
static void
test_tampered (ScApplication *app)
{
  ScWindow *window = get_window (app);
  GtkWidget *page = wait_for_page (window, SC_TYPE_UNLOCK_PAGE);
  g_autofree char *expected = g_strdup_printf (T ("The vault was modified outside Stress Check: "
                                                  "audit log entry %ld was changed or removed. "
                                                  "Restore the vault from a backup, and find "
                                                  "out who had access to it."), 1L);

  unlock_with (page, IMPL_PASS);
  g_assert_true (sc_window_get_page (window) == page);
  g_assert_cmpstr (gtk_label_get_text (find_error_label (page)), ==, expected);
  if (test_gui_is_japanese ())
    g_assert_null (strstr (gtk_label_get_text (find_error_label (page)), "Restore"));
  save_screenshot (GTK_WIDGET (window), "unlock-tampered");

  destroy_window (window);
}

static void
test_tampered_run (void)
{
  const char * const args[] = { "--vault", NULL, NULL };
  g_autoptr (GError) error = NULL;

  make_vault (FALSE);
  {
    g_autoptr (ScVault) vault = sc_vault_open (vault_path, HR_PASS, SC_VAULT_OPEN_FLAGS_NONE,
                                               &error);

    g_assert_no_error (error);
    g_assert_true (sc_vault_test_edit_audit (vault, 1, "report.export", &error));
    g_assert_no_error (error);
  }
  ((const char **) args)[1] = vault_path;
  run_in_application_with_args (test_tampered, args);

  remove_vault ();
}

static void
test_damaged_run (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "damaged.scvault", NULL);
  const char * const args[] = { "--vault", path, NULL };
  g_autoptr (GError) error = NULL;

  /* A vault with one byte changed in its encrypted body. */
  make_vault (FALSE);
  {
    g_autofree char *data = NULL;
    gsize len = 0;

    g_assert_true (g_file_get_contents (vault_path, &data, &len, &error));
    data[len - 10] ^= 0x01;
    g_assert_true (g_file_set_contents (path, data, len, &error));
  }

  run_in_application_with_args (test_damaged, args);

  remove_vault ();
  test_remove_dir (dir);
}

static void
test_locked (ScApplication *app)
{
  ScWindow *window = get_window (app);
  GtkWidget *page = wait_for_page (window, SC_TYPE_UNLOCK_PAGE);
  g_autoptr (GError) error = NULL;
  g_autoptr (ScVault) elsewhere = NULL;

  /* As if another Stress Check had it open. */
  elsewhere = sc_vault_open (vault_path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);

  unlock_with (page, IMPL_PASS);
  g_assert_true (sc_window_get_page (window) == page);
  g_assert_cmpstr (gtk_label_get_text (find_error_label (page)), ==,
                   T ("Another Stress Check has this vault open. Close it there first, then "
                      "try again."));

  /* Once it is closed there, the same passphrase works. */
  sc_vault_close (elsewhere);
  unlock_with (page, IMPL_PASS);
  wait_for_round_page (window);

  destroy_window (window);
}

static gboolean
dialog_gone (gpointer data)
{
  return find_toplevel (SC_TYPE_NEW_ROUND_DIALOG) == NULL;
}

static void
test_new_round (ScApplication *app)
{
  ScWindow *window = get_window (app);
  GtkWidget *page = wait_for_page (window, SC_TYPE_UNLOCK_PAGE);
  GtkWidget *dialog;
  GtkWidget *name_row;
  GtkWidget *start_row;
  GtkWidget *end_row;
  AdwComboRow *criteria_row;
  g_autoptr (GPtrArray) rounds = NULL;
  g_autoptr (GError) error = NULL;
  const ScVaultRound *round;
  ScVault *vault;

  unlock_with (page, IMPL_PASS);
  page = wait_for_round_page (window);
  vault = sc_window_get_vault (window);
  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_IMPLEMENTER);

  /* No round yet: the page says what to do. */
  g_assert_true (shows_label (page, T ("No open round")));
  g_assert_true (shows_label (page, T ("Create a round to start the kiosk.")));
  g_assert_null (find_button (page, T ("Start _Kiosk…")));
  assert_controls_named (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "rounds-empty");

  click (find_button (page, T ("_New Round…")));
  dialog = GTK_WIDGET (wait_for_toplevel (SC_TYPE_NEW_ROUND_DIALOG));
  watch_finalize (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));

  /* Proposed: a name, a period from today, and その2. */
  name_row = find_nth_descendant (dialog, ADW_TYPE_ENTRY_ROW, 0);
  start_row = find_nth_descendant (dialog, ADW_TYPE_ENTRY_ROW, 1);
  end_row = find_nth_descendant (dialog, ADW_TYPE_ENTRY_ROW, 2);
  criteria_row = ADW_COMBO_ROW (find_descendant (dialog, ADW_TYPE_COMBO_ROW));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), !=, "");
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d{2}-\\d{2}$",
                                       gtk_editable_get_text (GTK_EDITABLE (start_row)), 0, 0));
  g_assert_cmpuint (adw_combo_row_get_selected (criteria_row), ==, 0);
  g_assert_nonnull (strstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (criteria_row)),
                            "その2"));

  assert_controls_named (dialog);
  save_screenshot (dialog, "new-round");

  /* A period that ends before it starts is refused, with the reason. */
  type_text (name_row, "2026年度 本社");
  type_text (start_row, "2026-05-10");
  /* The person clicks into the row to type (type_text() moves no focus). */
  gtk_widget_grab_focus (end_row);
  type_text (end_row, "2026-05-01");
  /* Create is not offered for it (issue 11 §2): the reason shows as it is typed. */
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (find_button (dialog, T ("C_reate")))));
  g_assert_true (shows_label (dialog, T ("The last day comes before the first day.")));
  g_assert_true (has_focus (end_row));

  /* Dates as people write them; Enter creates the round. */
  type_text (end_row, "2026年5月31日");
  press_enter (end_row);
  wait_until (dialog_gone, NULL);

  rounds = sc_vault_list_rounds (vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rounds->len, ==, 1);
  round = g_ptr_array_index (rounds, 0);
  g_assert_cmpstr (round->name, ==, "2026年度 本社");
  g_assert_cmpstr (round->period_start, ==, "2026-05-10");
  g_assert_cmpstr (round->period_end, ==, "2026-05-31");
  g_assert_cmpint (round->criteria.method, ==, SC_METHOD_CONVERSION);
  g_assert_false (round->closed);
  /* In the audit log (by round id, nothing else). */
  {
    g_autoptr (GPtrArray) log = sc_vault_list_audit (vault, &error);
    gboolean audited = FALSE;

    g_assert_no_error (error);
    for (guint i = 0; i < log->len; i++)
      {
        ScVaultAuditEntry *entry = g_ptr_array_index (log, i);

        audited |= g_str_equal (entry->action, "round.create") && entry->target == round->id;
      }
    g_assert_true (audited);
  }

  /* The page lists it, ready for the kiosk. */
  g_assert_true (shows_label (page, "2026年度 本社"));
  g_assert_false (shows_label (page, T ("No open round")));
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (find_button (page, T ("Start _Kiosk…")))));
  assert_controls_named (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "rounds");

  /* The other criteria, for a second round. */
  click (find_button (page, T ("_New Round…")));
  dialog = GTK_WIDGET (wait_for_toplevel (SC_TYPE_NEW_ROUND_DIALOG));
  watch_finalize (dialog);
  type_text (find_nth_descendant (dialog, ADW_TYPE_ENTRY_ROW, 0), "追加実施");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_descendant (dialog, ADW_TYPE_COMBO_ROW)), 1);
  click (find_button (dialog, T ("C_reate")));
  wait_until (dialog_gone, NULL);
  g_clear_pointer (&rounds, g_ptr_array_unref);
  rounds = sc_vault_list_rounds (vault, &error);
  g_assert_cmpuint (rounds->len, ==, 2);
  g_assert_cmpint (((ScVaultRound *) g_ptr_array_index (rounds, 1))->criteria.method, ==,
                   SC_METHOD_SUM);

  /* Cancel creates nothing. */
  click (find_button (page, T ("_New Round…")));
  dialog = GTK_WIDGET (wait_for_toplevel (SC_TYPE_NEW_ROUND_DIALOG));
  watch_finalize (dialog);
  click (find_button (dialog, T ("_Cancel")));
  wait_until (dialog_gone, NULL);
  g_clear_pointer (&rounds, g_ptr_array_unref);
  rounds = sc_vault_list_rounds (vault, &error);
  g_assert_cmpuint (rounds->len, ==, 2);

  /* The save runs in the worker thread (sc_vault_create_round_async): until its answer comes,
   * which is never before the main loop runs again, the dialog is busy with a spinner, takes
   * no second Create and does not close. */
  click (find_button (page, T ("_New Round…")));
  dialog = GTK_WIDGET (wait_for_toplevel (SC_TYPE_NEW_ROUND_DIALOG));
  watch_finalize (dialog);
  type_text (find_nth_descendant (dialog, ADW_TYPE_ENTRY_ROW, 0), "三回目");
  g_signal_emit_by_name (find_button (dialog, T ("C_reate")), "clicked");
  g_assert_true (sc_new_round_dialog_get_busy (SC_NEW_ROUND_DIALOG (dialog)));
  g_assert_true (sc_vault_is_busy (vault));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (find_button (dialog, T ("C_reate")))));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (find_button (dialog, T ("_Cancel")))));
  g_assert_true (gtk_widget_get_visible (find_descendant (dialog, GTK_TYPE_SPINNER)));
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_get_visible (dialog));
  wait_until (dialog_gone, NULL);
  g_assert_false (sc_vault_is_busy (vault));
  g_clear_pointer (&rounds, g_ptr_array_unref);
  rounds = sc_vault_list_rounds (vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rounds->len, ==, 3);
  g_assert_true (shows_label (page, "三回目"));

  destroy_window (window);
}

static void
test_hr (ScApplication *app)
{
  ScWindow *window = get_window (app);
  GtkWidget *page = wait_for_page (window, SC_TYPE_UNLOCK_PAGE);
  ScVault *vault;

  unlock_with (page, HR_PASS);
  page = wait_for_round_page (window);
  vault = sc_window_get_vault (window);
  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_HR);

  /* HR may start the kiosk, but round creation is the implementer's. */
  g_assert_true (shows_label (page, T ("Unlocked as HR")));
  g_assert_true (shows_label (page, "2026年度 ストレスチェック"));
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (find_button (page, T ("Start _Kiosk…")))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (find_button (page, T ("_New Round…")))));
  sc_round_page_new_round (SC_ROUND_PAGE (page));
  iterate_until_idle ();
  g_assert_null (find_toplevel (SC_TYPE_NEW_ROUND_DIALOG));

  destroy_window (window);
}

static GtkWindow *
find_message_dialog (void)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
}

static gboolean
message_dialog_gone (gpointer data)
{
  return find_message_dialog () == NULL;
}

/* Unless the implementer allowed it, HR is not offered the kiosk (the vault would refuse
 * it: an HR-started kiosk cannot seal to the implementer's pinned key). */
static void
test_hr_no_kiosk (ScApplication *app)
{
  ScWindow *window = get_window (app);
  GtkWidget *page = wait_for_page (window, SC_TYPE_UNLOCK_PAGE);

  unlock_with (page, HR_PASS);
  page = wait_for_round_page (window);
  g_assert_cmpint (sc_vault_get_role (sc_window_get_vault (window)), ==, SC_VAULT_ROLE_HR);
  g_assert_true (shows_label (page, "2026年度 ストレスチェック"));
  g_assert_true (shows_label (page, T ("Only the implementer can create rounds and start the "
                                       "kiosk.")));
  g_assert_null (find_button (page, T ("Start _Kiosk…")));

  destroy_window (window);
}

static void
test_kiosk (ScApplication *app)
{
  ScWindow *window = get_window (app);
  GtkWidget *page = wait_for_page (window, SC_TYPE_UNLOCK_PAGE);
  AdwMessageDialog *dialog;
  GtkWindow *kiosk;
  g_autoptr (GError) error = NULL;
  ScVault *vault;

  unlock_with (page, IMPL_PASS);
  page = wait_for_round_page (window);
  vault = sc_window_get_vault (window);

  /* Start Kiosk asks first, saying what happens and how to leave. */
  click (find_button (page, T ("Start _Kiosk…")));
  dialog = ADW_MESSAGE_DIALOG (wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, T ("Start Kiosk Mode?"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Ctrl+Alt+Shift+Q"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "2026年度 ストレスチェック"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "start");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  save_screenshot (GTK_WIDGET (dialog), "kiosk-confirm");

  /* Cancel changes nothing. */
  click (find_button (GTK_WIDGET (dialog), T ("_Cancel")));
  wait_until (message_dialog_gone, NULL);
  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_IMPLEMENTER);
  g_assert_null (sc_window_get_kiosk (window));

  /* Start: the keys are wiped, the kiosk comes up and this window goes. */
  click (find_button (page, T ("Start _Kiosk…")));
  dialog = ADW_MESSAGE_DIALOG (wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  click (find_button (GTK_WIDGET (dialog), T ("_Start Kiosk")));
  kiosk = wait_for_toplevel (SC_TYPE_KIOSK_WINDOW);
  watch_finalize (kiosk);
  g_assert_true (sc_window_get_kiosk (window) == kiosk);
  g_assert_true (gtk_window_get_application (kiosk) == GTK_APPLICATION (app));
  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_KIOSK);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));

  /* The workspace window cannot be closed behind the kiosk, nor does anything else come up:
   * the application's activation presents the kiosk. */
  gtk_window_close (GTK_WINDOW (window));
  g_application_activate (G_APPLICATION (app));
  iterate_until_idle ();
  g_assert_true (g_list_find (gtk_application_get_windows (GTK_APPLICATION (app)), window) != NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));

  /* Left with HR's passphrase (as the kiosk does): back at the rounds, as HR. */
  g_assert_true (sc_vault_leave_kiosk (vault, HR_PASS, &error));
  g_assert_no_error (error);
  g_signal_emit_by_name (kiosk, "left");
  iterate_until_idle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_null (sc_window_get_kiosk (window));
  page = wait_for_round_page (window);
  g_assert_true (sc_window_get_vault (window) == vault);
  g_assert_true (shows_label (page, T ("Unlocked as HR")));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (find_button (page, T ("_New Round…")))));
  if (find_toplevel (SC_TYPE_KIOSK_WINDOW) != NULL)
    gtk_window_destroy (kiosk);

  destroy_window (window);
}

/* A kiosk window that goes away without being left (it crashed, say) leaves no way round the
 * passphrase: the window comes back at the unlock page. */
static void
test_kiosk_gone (ScApplication *app)
{
  ScWindow *window = get_window (app);
  GtkWidget *page = wait_for_page (window, SC_TYPE_UNLOCK_PAGE);
  AdwMessageDialog *dialog;
  GtkWindow *kiosk;

  unlock_with (page, IMPL_PASS);
  page = wait_for_round_page (window);
  click (find_button (page, T ("Start _Kiosk…")));
  dialog = ADW_MESSAGE_DIALOG (wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  click (find_button (GTK_WIDGET (dialog), T ("_Start Kiosk")));
  kiosk = wait_for_toplevel (SC_TYPE_KIOSK_WINDOW);

  destroy_window (kiosk);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_null (sc_window_get_vault (window));
  page = wait_for_page (window, SC_TYPE_UNLOCK_PAGE);
  unlock_with (page, IMPL_PASS);
  wait_for_round_page (window);
  g_assert_cmpint (sc_vault_get_role (sc_window_get_vault (window)), ==, SC_VAULT_ROLE_IMPLEMENTER);

  destroy_window (window);
}

/* An older copy put in place of the vault: after unlocking, a warning with both saves. */
static void
make_rolled_back_vault (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *old_data = NULL;
  gsize old_len;

  make_vault (FALSE);
  g_assert_true (g_file_get_contents (vault_path, &old_data, &old_len, &error));
  {
    g_autoptr (ScVault) vault = sc_vault_open (vault_path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE,
                                               &error);

    g_assert_no_error (error);
    g_assert_cmpint (sc_vault_create_round (vault, "新しい実施回", NULL, NULL, NULL, &error), >, 0);
    g_assert_no_error (error);
    sc_vault_close (vault);
  }
  g_assert_true (g_file_set_contents (vault_path, old_data, old_len, &error));
}

static void
run_with_rollback_test (gconstpointer data)
{
  make_rolled_back_vault ();
  {
    const char * const args[] = { "--vault", vault_path, NULL };

    run_in_application_with_args ((AppTestFunc) data, args);
  }
  remove_vault ();
}

static char *
expected_rollback_text (ScVault *vault)
{
  ScVaultRollbackWarning warning;

  g_assert_true (sc_vault_get_rollback_warning (vault, &warning));
  return sc_vault_rollback_warning_to_string (&warning);
}

static gboolean
warning_cleared (gpointer vault)
{
  return !sc_vault_is_busy (vault) && !sc_vault_get_rollback_warning (vault, NULL);
}

static gboolean
vault_closed (gpointer vault)
{
  return !sc_vault_is_busy (vault) && sc_vault_get_role (vault) == SC_VAULT_ROLE_NONE;
}

static void
test_rollback (ScApplication *app)
{
  ScWindow *window = get_window (app);
  GtkWidget *page = wait_for_page (window, SC_TYPE_UNLOCK_PAGE);
  g_autoptr (ScVault) vault = NULL;
  g_autoptr (GFile) file = g_file_new_for_path (vault_path);
  g_autofree char *text = NULL;
  AdwMessageDialog *dialog;

  unlock_with (page, IMPL_PASS);
  page = wait_for_round_page (window);
  vault = g_object_ref (sc_window_get_vault (window));
  text = expected_rollback_text (vault);
  dialog = ADW_MESSAGE_DIALOG (wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, T ("Older Copy of the Vault"));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, text);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "keep");
  g_assert_nonnull (find_button (GTK_WIDGET (dialog), T ("_Keep Working")));

  /* The implementer says it is a restored backup: the warning goes, with a toast. */
  click (find_button (GTK_WIDGET (dialog), T ("This Is a _Restored Backup")));
  wait_until (warning_cleared, vault);
  wait_until (message_dialog_gone, NULL);
  iterate_until_idle ();
  g_assert_true (shows_label (sc_window_get_page (window),
                              T ("This copy is now the vault’s current state")));

  /* Opened again: no warning. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-vault", NULL);
  wait_until (vault_closed, vault);
  sc_window_open_file (window, file);
  page = wait_for_page (window, SC_TYPE_UNLOCK_PAGE);
  unlock_with (page, IMPL_PASS);
  wait_for_round_page (window);
  iterate_until_idle ();
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_false (sc_vault_get_rollback_warning (sc_window_get_vault (window), NULL));

  destroy_window (window);
}

/* HR is warned too, but cannot confirm a restore. */
static void
test_rollback_hr (ScApplication *app)
{
  ScWindow *window = get_window (app);
  GtkWidget *page = wait_for_page (window, SC_TYPE_UNLOCK_PAGE);
  g_autofree char *text = NULL;
  AdwMessageDialog *dialog;

  unlock_with (page, HR_PASS);
  wait_for_round_page (window);
  text = expected_rollback_text (sc_window_get_vault (window));
  dialog = ADW_MESSAGE_DIALOG (wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, text);
  g_assert_null (find_button (GTK_WIDGET (dialog), T ("This Is a _Restored Backup")));
  click (find_button (GTK_WIDGET (dialog), T ("_Keep Working")));
  wait_until (message_dialog_gone, NULL);
  g_assert_true (sc_vault_get_rollback_warning (sc_window_get_vault (window), NULL));

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  test_gui_init (&argc, &argv);

  g_test_add_data_func ("/gui/unlock/page", (gconstpointer) test_unlock_page, run_with_vault_test);
  g_test_add_data_func ("/gui/unlock/wrong-passphrase", (gconstpointer) test_wrong_passphrase,
                        run_with_vault_test);
  g_test_add_func ("/gui/unlock/damaged", test_damaged_run);
  g_test_add_func ("/gui/unlock/tampered", test_tampered_run);
  g_test_add_data_func ("/gui/unlock/locked", (gconstpointer) test_locked, run_with_vault_test);
  g_test_add_data_func ("/gui/unlock/new-round", (gconstpointer) test_new_round,
                        run_with_vault_test);
  g_test_add_data_func ("/gui/unlock/hr", (gconstpointer) test_hr, run_with_round_test);
  g_test_add_data_func ("/gui/unlock/hr-no-kiosk", (gconstpointer) test_hr_no_kiosk,
                        run_with_round_no_hr_kiosk_test);
  g_test_add_data_func ("/gui/unlock/kiosk", (gconstpointer) test_kiosk, run_with_round_test);
  g_test_add_data_func ("/gui/unlock/kiosk-gone", (gconstpointer) test_kiosk_gone,
                        run_with_round_test);
  g_test_add_data_func ("/gui/unlock/rollback", (gconstpointer) test_rollback,
                        run_with_rollback_test);
  g_test_add_data_func ("/gui/unlock/rollback-hr", (gconstpointer) test_rollback_hr,
                        run_with_rollback_test);

  return test_gui_run ();
}
