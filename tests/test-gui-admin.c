/* test-gui-admin.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Settings, Backup and restore, and the Audit Log (issue 11 §3, §5, §6) on the workspace test
 * round (sc-test-workspace.h): settings changed through the widgets are read back from the
 * reopened vault, an advice text is reset; a backup made through the section's post-chooser
 * step opens with the passphrase; an older backup is restored with the warning naming the
 * save difference and the vault is unlocked again from it; the audit log lists entries
 * newest first and filters them; a vault whose audit entry was changed (test hook) is
 * reported at unlock; the sections exist for the roles that may see them. Screenshots
 * (admin-*.png) at 1024×768 and 1920×1080, at text scale 1.5, in English and Japanese.
 */
#define G_LOG_DOMAIN "test-gui-admin"

#include "config.h"

#include "sc-test-gui-util.h"
#include "sc-test-section.h"
#include "sc-test-workspace.h"

#include <string.h>

#include "sc-audit-log-section.h"
#include "sc-backup-reminder.h"
#include "sc-backup-section.h"
#include "sc-report.h"
#include "sc-settings-section.h"
#include "sc-unlock-page.h"
#include "sc-vault-people.h"
#include "sc-vault-private.h"
#include "sc-workspace-frame.h"
#include "sc-window.h"

#define DPI_1_0 (96 * 1024)
#define DPI_1_5 (96 * 1024 * 3 / 2)

static void
set_text_scale (int dpi)
{
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", dpi, NULL);
  iterate_until_idle ();
}

/* Screenshots at both sizes and, at 1024×768, at text scale 1.5; returns the window. */
static GtkWindow *
screenshots (GtkWindow  *window,
             GtkWidget  *child,
             const char *name)
{
  g_autofree char *small = g_strdup_printf ("admin-%s-1024x768", name);
  g_autofree char *large = g_strdup_printf ("admin-%s-1920x1080", name);
  g_autofree char *scaled = g_strdup_printf ("admin-%s-1024x768-scale1.5", name);

  assert_controls_named (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), small);
  set_text_scale (DPI_1_5);
  wait_for_frame (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), scaled);
  set_text_scale (DPI_1_0);
  window = move_to_window (window, child, 1920, 1080);
  save_screenshot (GTK_WIDGET (window), large);
  return window;
}

static gboolean
settings_idle (gpointer data)
{
  return !sc_settings_section_get_busy (data);
}

static gboolean
backup_idle (gpointer data)
{
  return !sc_backup_section_get_busy (data);
}

/* Types @text into @row and presses Enter, as a person saves a row; waits for the toast. */
static void
enter_and_wait (GtkWidget  *section,
                gpointer    row,
                const char *text)
{
  forget_toast ();
  set_text (row, text);
  press_enter (row);
  wait_until (toast_arrived, NULL);
  wait_until (settings_idle, section);
}

static gboolean
audited (ScVault    *vault,
         const char *action)
{
  g_autoptr(GPtrArray) entries = sc_vault_list_audit (vault, NULL);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    if (g_str_equal (((ScVaultAuditEntry *) g_ptr_array_index (entries, i))->action, action))
      return TRUE;
  return FALSE;
}

static void
test_settings (WsFixture     *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = ws_open (f, IMPL_PASS);
  g_autofree char *value = NULL;
  GtkWidget *section = sc_settings_section_new (vault);
  ScSettingsSection *settings = SC_SETTINGS_SECTION (section);
  GtkWindow *window;
  g_autofree char *shipped = NULL;

  watch_toasts (section);
  watch_finalize (section);
  window = show_in_window (section, 1024, 768);

  /* The help text starts as the shipped one (地域産業保健センター, こころの耳). */
  g_assert_nonnull (strstr (gtk_editable_get_text (GTK_EDITABLE (
    sc_settings_section_get_text_row (settings, SC_VAULT_SETTING_HELP_TEXT))), "こころの耳"));
  /* The spot for the judgement-chart constants is there, empty. */
  g_assert_nonnull (sc_settings_section_get_chart_group (settings));

  enter_and_wait (section, sc_settings_section_get_text_row (settings,
                                                             SC_REPORT_SETTING_WORKPLACE_NAME),
                  "株式会社テスト 本社");
  g_assert_cmpstr (get_last_toast (), ==, g_strdup_printf (T ("Saved: %s"),
                                                           T ("Workplace name")));
  enter_and_wait (section, sc_settings_section_get_text_row (settings,
                                                             SC_VAULT_SETTING_IMPLEMENTER_NAME),
                  "保健師 山本");
  enter_and_wait (section, sc_settings_section_get_text_row (settings,
                                                             SC_VAULT_SETTING_CONTACT_TEXT),
                  "健康管理室（内線 1234）");

  /* A long text is edited whole, in a text view: Edit…, the whole text shown, Save. */
  {
    AdwEntryRow *row = sc_settings_section_get_text_row (settings, SC_VAULT_SETTING_HELP_TEXT);
    g_autofree char *before = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
    g_autofree char *shown = NULL;
    g_autofree char *saved = NULL;
    g_autofree char *toast = g_strdup_printf (T ("Saved: %s"), T ("Other places to get help"));
    const char *longer = "地域産業保健センター（電話 000-0000-0000、平日 9時〜17時）。"
                         "こころの耳（働く人のメンタルヘルス・ポータルサイト）でも相談できます。"
                         "どちらも会社には知らされません。";
    AdwMessageDialog *dialog;
    GtkTextBuffer *buffer;
    GtkTextIter start, end;

    g_assert_null (sc_settings_section_get_edit_button (
      settings, sc_settings_section_get_text_row (settings, SC_REPORT_SETTING_PHONE)));
    g_assert_nonnull (sc_settings_section_get_edit_button (
      settings, sc_settings_section_get_advice_row (settings, SC_SCALE_FATIGUE)));
    click (sc_settings_section_get_edit_button (settings, row));
    dialog = sc_settings_section_get_text_dialog (settings);
    g_assert_nonnull (dialog);
    buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_descendant (GTK_WIDGET (dialog),
                                                                       GTK_TYPE_TEXT_VIEW)));
    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (shown, ==, before);
    gtk_text_buffer_set_text (buffer, longer, -1);
    wait_for_frame (GTK_WIDGET (dialog));
    assert_controls_named (GTK_WIDGET (dialog));
    save_screenshot (GTK_WIDGET (dialog), "admin-settings-text-dialog");
    set_text_scale (DPI_1_5);
    wait_for_frame (GTK_WIDGET (dialog));
    save_screenshot (GTK_WIDGET (dialog), "admin-settings-text-dialog-scale1.5");
    set_text_scale (DPI_1_0);
    forget_toast ();
    adw_message_dialog_response (dialog, "save");
    wait_until (toast_arrived, NULL);
    wait_until (settings_idle, section);
    g_assert_null (sc_settings_section_get_text_dialog (settings));
    g_assert_cmpstr (get_last_toast (), ==, toast);
    saved = sc_vault_get_help_text (vault);
    g_assert_cmpstr (saved, ==, longer);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, longer);
  }

  /* A category the labour-office form does not have: refused by the core, said in words. */
  enter_and_wait (section, sc_settings_section_get_text_row (settings, SC_REPORT_SETTING_CHECKER),
                  "7");
  g_assert_cmpstr (get_last_toast (), ==,
                   T ("Enter 1, 2 or 3, the category as on the labour-office form."));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
    sc_settings_section_get_text_row (settings, SC_REPORT_SETTING_CHECKER))), ==, "");

  /* The idle timeout, and HR may start the kiosk. */
  gtk_spin_button_set_value (sc_settings_section_get_idle_spin (settings), 120);
  forget_toast ();
  click (sc_settings_section_get_idle_apply (settings));
  wait_until (toast_arrived, NULL);
  wait_until (settings_idle, section);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (sc_settings_section_get_idle_apply (
    settings))));
  forget_toast ();
  gtk_switch_set_active (sc_settings_section_get_hr_kiosk_switch (settings),
                         !gtk_switch_get_active (sc_settings_section_get_hr_kiosk_switch (
                           settings)));
  wait_until (toast_arrived, NULL);
  wait_until (settings_idle, section);

  /* Two advice texts changed, then one reset to the shipped text. */
  shipped = g_strdup (gtk_editable_get_text (GTK_EDITABLE (
    sc_settings_section_get_advice_row (settings, SC_SCALE_FATIGUE))));
  g_assert_cmpstr (shipped, !=, "");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (
    sc_settings_section_get_advice_reset (settings, SC_SCALE_FATIGUE))));
  enter_and_wait (section, sc_settings_section_get_advice_row (settings, SC_SCALE_FATIGUE),
                  "疲れたら休みましょう。");
  enter_and_wait (section, sc_settings_section_get_advice_row (settings, SC_SCALE_ANXIETY),
                  "不安なときは相談を。");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (
    sc_settings_section_get_advice_reset (settings, SC_SCALE_FATIGUE))));
  forget_toast ();
  click (sc_settings_section_get_advice_reset (settings, SC_SCALE_FATIGUE));
  wait_until (toast_arrived, NULL);
  wait_until (settings_idle, section);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
    sc_settings_section_get_advice_row (settings, SC_SCALE_FATIGUE))), ==, shipped);

  window = screenshots (window, section, "settings");
  /* The lower groups: the advice, the kiosk, the spot for the chart constants. */
  {
    GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (find_descendant (section,
                                                                        GTK_TYPE_SCROLLED_WINDOW));
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    wait_for_frame (GTK_WIDGET (window));
    save_screenshot (GTK_WIDGET (window), "admin-settings-bottom-1920x1080");
  }
  destroy_window (window);
  assert_watched_finalized ();

  /* The reopened vault holds what was saved, and the log names the settings only. */
  g_assert_true (audited (vault, "settings.set." SC_VAULT_SETTING_IMPLEMENTER_NAME));
  g_assert_true (audited (vault, "settings.set." SC_VAULT_SETTING_ADVICE_TEXTS));
  sc_vault_close (vault);
  g_clear_object (&vault);
  vault = ws_open (f, IMPL_PASS);
  value = sc_vault_get_setting (vault, SC_REPORT_SETTING_WORKPLACE_NAME, &error);
  g_assert_cmpstr (value, ==, "株式会社テスト 本社");
  g_clear_pointer (&value, g_free);
  value = sc_vault_get_setting (vault, SC_VAULT_SETTING_CONTACT_TEXT, &error);
  g_assert_cmpstr (value, ==, "健康管理室（内線 1234）");
  g_clear_pointer (&value, g_free);
  value = sc_vault_get_setting (vault, SC_VAULT_SETTING_IDLE_TIMEOUT, &error);
  g_assert_cmpstr (value, ==, "120");
  g_clear_pointer (&value, g_free);
  value = sc_vault_get_setting (vault, SC_VAULT_SETTING_ADVICE_TEXTS, &error);
  g_assert_nonnull (strstr (value, "不安なときは相談を。"));
  g_assert_null (strstr (value, "疲れたら休みましょう。"));
  g_assert_no_error (error);
}

static gboolean
reopened (gpointer data)
{
  return *(gboolean *) data;
}

static void
on_reopen_cb (GtkWidget *section,
              gboolean  *flag)
{
  *flag = TRUE;
}

static gboolean
dialog_shown (gpointer data)
{
  return sc_backup_section_get_restore_dialog (data) != NULL;
}

static void
test_backup_restore (WsFixture     *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = ws_open (f, IMPL_PASS);
  g_autofree char *copy_path = g_build_filename (f->dir, "usb-backup.scvault", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr(ScVault) opened = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  GtkWidget *section = sc_backup_section_new (vault);
  ScBackupSection *backup = SC_BACKUP_SECTION (section);
  AdwMessageDialog *dialog;
  ScVaultRollbackWarning warning;
  gboolean reopen = FALSE;
  guint64 backup_counter = 0;
  GtkWindow *window;

  watch_toasts (section);
  watch_finalize (section);
  g_signal_connect (section, "reopen", G_CALLBACK (on_reopen_cb), &reopen);
  window = show_in_window (section, 1024, 768);

  /* Never backed up: the reminder shows. */
  g_assert_cmpstr (sc_backup_section_get_last_backup_text (backup), ==, T ("Never"));
  g_assert_nonnull (sc_backup_section_get_reminder (backup));
  g_assert_true (shows_label (section, sc_backup_section_get_reminder (backup)));
  window = screenshots (window, section, "backup-never");

  forget_toast ();
  sc_backup_section_back_up_to (backup, copy);
  wait_until (toast_arrived, NULL);
  wait_until (backup_idle, section);
  g_assert_cmpstr (get_last_toast (), ==, T ("The backup was made and checked"));
  g_assert_null (sc_backup_section_get_reminder (backup));
  g_assert_cmpstr (sc_backup_section_get_last_backup_text (backup), !=, T ("Never"));

  /* The backup opens with the passphrase. */
  opened = sc_vault_open (copy_path, IMPL_PASS, SC_VAULT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_clear_object (&opened);
  g_assert_true (sc_vault_peek_save_counter (copy_path, &backup_counter, &error));

  /* Work after the backup: restoring it loses that, and the warning says how much. */
  g_assert_cmpint (sc_vault_create_round (vault, "after the backup", NULL, NULL, NULL, &error),
                   >, 0);
  g_assert_no_error (error);
  sc_backup_section_restore_from (backup, copy);
  wait_until (dialog_shown, section);
  dialog = sc_backup_section_get_restore_dialog (backup);
  {
    g_autofree char *difference = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                                   sc_vault_get_save_counter (vault)
                                                   - backup_counter);
    const char *body = adw_message_dialog_get_body (dialog);

    g_assert_nonnull (strstr (body, difference));
    g_assert_nonnull (strstr (body, ".before-restore"));
  }
  wait_for_frame (GTK_WIDGET (dialog));
  assert_controls_named (GTK_WIDGET (dialog));
  save_screenshot (GTK_WIDGET (dialog), "admin-restore-warning");
  adw_message_dialog_response (dialog, "restore");
  wait_until (reopened, &reopen);
  wait_until (backup_idle, section);
  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_NONE);
  destroy_window (window);
  assert_watched_finalized ();

  /* Unlocked again, it is the backup, with the rollback warning naming both saves. */
  g_assert_true (sc_vault_unlock (vault, IMPL_PASS, &error));
  g_assert_no_error (error);
  rounds = sc_vault_list_rounds (vault, &error);
  g_assert_cmpuint (rounds->len, ==, 1);
  g_assert_true (sc_vault_get_rollback_warning (vault, &warning));
  g_assert_cmpuint (warning.file_counter, ==, backup_counter);
  g_assert_cmpuint (warning.seen_counter, >, backup_counter);
}

static void
test_backup_hr (WsFixture     *f,
                gconstpointer  data)
{
  g_autoptr(ScVault) vault = ws_open (f, HR_PASS);
  GtkWidget *section = sc_backup_section_new (vault);
  GtkWindow *window;

  watch_finalize (section);
  window = show_in_window (section, 1024, 768);
  /* HR backs up; restoring is the implementer's. */
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (find_button (section, T ("_Back Up…")))));
  g_assert_false (gtk_widget_is_drawable (GTK_WIDGET (find_button (section, T ("_Restore…")))));
  save_screenshot (GTK_WIDGET (window), "admin-backup-hr-1024x768");
  destroy_window (window);
  assert_watched_finalized ();
}

static void
test_audit_log (WsFixture     *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = ws_open (f, IMPL_PASS);
  GtkWidget *section;
  ScAuditLogSection *audit;
  GtkWindow *window;
  guint all;

  g_assert_true (sc_vault_set_setting (vault, SC_REPORT_SETTING_WORKPLACE_NAME, "本社", &error));
  g_assert_no_error (error);
  section = sc_audit_log_section_new (vault);
  audit = SC_AUDIT_LOG_SECTION (section);
  watch_finalize (section);
  window = show_in_window (section, 1024, 768);

  all = sc_audit_log_section_get_n_shown (audit);
  g_assert_cmpuint (all, >, 4);
  /* Newest first: the setting just changed, in words, by the implementer. */
  {
    AdwActionRow *row = sc_audit_log_section_get_shown_row (audit, 0);
    g_autofree char *what = g_strdup_printf (T ("Changed the setting “%s”"),
                                             T ("Workplace name"));

    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, what);
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), T ("Implementer")));
  }
  /* Every entry in words, none as a bare action code. */
  for (guint i = 0; i < all; i++)
    {
      const char *title = adw_preferences_row_get_title (
        ADW_PREFERENCES_ROW (sc_audit_log_section_get_shown_row (audit, i)));

      g_assert_cmpuint (strspn (title, "abcdefghijklmnopqrstuvwxyz_."), <, strlen (title));
    }
  window = screenshots (window, section, "audit-log");

  /* By kind: only the settings change. */
  sc_audit_log_section_set_filter (audit, SC_VAULT_ROLE_NONE, SC_AUDIT_KIND_SETTINGS);
  g_assert_cmpuint (sc_audit_log_section_get_n_shown (audit), ==, 1);
  /* By who: the kiosk submitted answers; HR did nothing here. */
  sc_audit_log_section_set_filter (audit, SC_VAULT_ROLE_KIOSK, SC_AUDIT_KIND_ALL);
  g_assert_cmpuint (sc_audit_log_section_get_n_shown (audit), >, 0);
  g_assert_cmpuint (sc_audit_log_section_get_n_shown (audit), <, all);
  sc_audit_log_section_set_filter (audit, SC_VAULT_ROLE_HR, SC_AUDIT_KIND_SETTINGS);
  g_assert_cmpuint (sc_audit_log_section_get_n_shown (audit), ==, 0);
  save_screenshot (GTK_WIDGET (window), "admin-audit-log-empty-1920x1080");
  /* Search. */
  sc_audit_log_section_set_filter (audit, SC_VAULT_ROLE_NONE, SC_AUDIT_KIND_ALL);
  gtk_editable_set_text (sc_audit_log_section_get_search_entry (audit), T ("Created a round"));
  g_signal_emit_by_name (sc_audit_log_section_get_search_entry (audit), "search-changed");
  iterate_until_idle ();
  g_assert_cmpuint (sc_audit_log_section_get_n_shown (audit), ==, 1);

  destroy_window (window);
  assert_watched_finalized ();
}

/* By person: the entries of one named person only, chosen from the people the log
 * names; an older vault's entries (no person) are not theirs. */
static void
test_audit_log_person (WsFixture     *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = ws_open (f, IMPL_PASS);
  g_autoptr(GPtrArray) roster = test_roster (4);
  GtkWidget *section;
  ScAuditLogSection *audit;
  GtkWindow *window;
  guint all, hanako_shown;
  gint64 hanako;

  hanako = sc_vault_add_person (vault, "Hanako HR", SC_VAULT_PERSON_HR, "hanako passphrase 4",
                                &error);
  g_assert_no_error (error);
  g_clear_object (&vault);
  /* Hanako imports the roster once: her only entry. */
  vault = ws_open (f, "hanako passphrase 4");
  g_assert_true (sc_vault_upsert_employees (vault, roster, &error));
  g_assert_no_error (error);
  g_clear_object (&vault);

  vault = ws_open (f, IMPL_PASS);
  section = sc_audit_log_section_new (vault);
  audit = SC_AUDIT_LOG_SECTION (section);
  watch_finalize (section);
  window = show_in_window (section, 1024, 768);
  all = sc_audit_log_section_get_n_shown (audit);

  sc_audit_log_section_set_person (audit, hanako);
  hanako_shown = sc_audit_log_section_get_n_shown (audit);
  g_assert_cmpuint (hanako_shown, ==, 1);
  {
    AdwActionRow *row = sc_audit_log_section_get_shown_row (audit, 0);

    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                     T ("Imported or changed the roster"));
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "Hanako HR"));
  }
  window = screenshots (window, section, "audit-log-person");
  /* The implementer (person 1) added Hanako; the kiosk's entries are nobody's. */
  sc_audit_log_section_set_person (audit, 1);
  g_assert_cmpuint (sc_audit_log_section_get_n_shown (audit), >, 0);
  g_assert_cmpuint (sc_audit_log_section_get_n_shown (audit), <, all - hanako_shown);
  sc_audit_log_section_set_filter (audit, SC_VAULT_ROLE_NONE, SC_AUDIT_KIND_VAULT);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (
                     sc_audit_log_section_get_shown_row (audit, 0))), ==, T ("Added a person"));
  /* Everyone again. */
  sc_audit_log_section_set_person (audit, 0);
  sc_audit_log_section_set_filter (audit, SC_VAULT_ROLE_NONE, SC_AUDIT_KIND_ALL);
  g_assert_cmpuint (sc_audit_log_section_get_n_shown (audit), ==, all);

  destroy_window (window);
  assert_watched_finalized ();
}

static gboolean
unlock_done (gpointer page)
{
  return !sc_unlock_page_get_busy (page);
}

static void
test_changed_audit_entry (WsFixture     *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (f->path);
  GtkWidget *page;
  GtkWindow *window;

  {
    g_autoptr(ScVault) vault = ws_open (f, IMPL_PASS);

    g_assert_true (sc_vault_test_change_audit_entry (vault, 2, "round.close", &error));
    g_assert_no_error (error);
    sc_vault_close (vault);
  }

  page = sc_unlock_page_new (file, FALSE);
  watch_finalize (page);
  window = show_in_window (page, 1024, 768);
  type_text (find_descendant (page, ADW_TYPE_PASSWORD_ENTRY_ROW), IMPL_PASS);
  click (find_button (page, T ("_Unlock")));
  wait_until (unlock_done, page);
  iterate_until_idle ();
  {
    /* The core's message, in the user's language, naming the changed entry. */
    g_autofree char *expected = g_strdup_printf (T ("The vault was modified outside Stress "
                                                    "Check: audit log entry %ld was changed or "
                                                    "removed. Restore the vault from a backup, "
                                                    "and find out who had access to it."), 2L);

    g_assert_true (shows_label (page, expected));
  }
  window = screenshots (window, page, "audit-changed");
  destroy_window (window);
  assert_watched_finalized ();
}

static void
test_sections_by_role (WsFixture     *f,
                       gconstpointer  data)
{
  const char *pass[] = { IMPL_PASS, HR_PASS };

  for (guint i = 0; i < G_N_ELEMENTS (pass); i++)
    {
      g_autoptr(ScVault) vault = ws_open (f, pass[i]);
      GtkWidget *workspace = sc_workspace_new (vault);
      GtkWindow *window;
      g_auto(GStrv) ids = NULL;

      watch_finalize (workspace);
      window = show_in_window (workspace, 1024, 768);
      ids = sc_workspace_list_sections (SC_WORKSPACE (workspace));
      g_assert_true (g_strv_contains ((const char * const *) ids, SC_SECTION_BACKUP));
      g_assert_cmpint (g_strv_contains ((const char * const *) ids, SC_SECTION_SETTINGS), ==,
                       i == 0);
      g_assert_cmpint (g_strv_contains ((const char * const *) ids, SC_SECTION_AUDIT_LOG), ==,
                       i == 0);
      if (i == 0)
        {
          g_assert_true (sc_workspace_show_section (SC_WORKSPACE (workspace),
                                                    SC_SECTION_SETTINGS));
          wait_for_frame (workspace);
          save_screenshot (GTK_WIDGET (window), "admin-workspace-settings-1024x768");
          g_assert_true (sc_workspace_show_section (SC_WORKSPACE (workspace),
                                                    SC_SECTION_AUDIT_LOG));
          wait_for_frame (workspace);
          assert_controls_named (GTK_WIDGET (window));
        }
      destroy_window (window);
      assert_watched_finalized ();
    }
}

/* The reminder above every section of the implementer's workspace: shown for a vault never
 * backed up, "Back Up Now…" opens the Backup section, gone after a backup made there; shown
 * again for a backup 31 days old (not for one 29 days old); HR has none. */
static void
test_backup_reminder (WsFixture     *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy_path = g_build_filename (f->dir, "reminder-backup.scvault", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autofree char *old_text = g_strdup_printf (T ("The last backup is more than %d days old. "
                                                  "Back up the vault now, so that a broken "
                                                  "or lost PC does not take the records with "
                                                  "it."), SC_VAULT_BACKUP_REMINDER_DAYS);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  GtkWidget *workspace;
  GtkWidget *reminder;
  GtkWidget *backup;
  GtkWindow *window;

  {
    g_autoptr(ScVault) vault = ws_open (f, IMPL_PASS);

    workspace = sc_workspace_new (vault);
    watch_finalize (workspace);
    window = show_in_window (workspace, 1024, 768);
    reminder = find_descendant (workspace, SC_TYPE_BACKUP_REMINDER);
    g_assert_nonnull (reminder);
    g_assert_true (sc_backup_reminder_get_due (SC_BACKUP_REMINDER (reminder)));
    g_assert_true (gtk_widget_get_mapped (reminder));
    g_assert_true (shows_label (workspace, T ("This vault has never been backed up. Back it up "
                                              "now, so that a broken or lost PC does not take "
                                              "the records with it.")));
    window = screenshots (window, workspace, "reminder-overview");

    click (find_button (reminder, T ("_Back Up Now…")));
    g_assert_cmpstr (sc_workspace_get_visible_section (SC_WORKSPACE (workspace)), ==,
                     SC_SECTION_BACKUP);
    backup = sc_workspace_get_section (SC_WORKSPACE (workspace), SC_SECTION_BACKUP);
    watch_toasts (backup);
    forget_toast ();
    sc_backup_section_back_up_to (SC_BACKUP_SECTION (backup), copy);
    wait_until (toast_arrived, NULL);
    wait_until (backup_idle, backup);
    g_assert_cmpstr (get_last_toast (), ==, T ("The backup was made and checked"));
    g_assert_false (sc_backup_reminder_get_due (SC_BACKUP_REMINDER (reminder)));
    g_assert_false (gtk_widget_get_visible (reminder));
    destroy_window (window);
    assert_watched_finalized ();
  }

  {
    g_autoptr(ScVault) vault = ws_open (f, IMPL_PASS);

    g_assert_true (sc_vault_test_set_last_backup (vault, now - 29 * 24 * 60 * 60, &error));
    g_assert_no_error (error);
    workspace = sc_workspace_new (vault);
    watch_finalize (workspace);
    window = show_in_window (workspace, 1024, 768);
    reminder = find_descendant (workspace, SC_TYPE_BACKUP_REMINDER);
    g_assert_false (sc_backup_reminder_get_due (SC_BACKUP_REMINDER (reminder)));
    g_assert_false (gtk_widget_get_mapped (reminder));

    g_assert_true (sc_vault_test_set_last_backup (vault, now - 31 * 24 * 60 * 60, &error));
    g_assert_no_error (error);
    sc_backup_reminder_update (SC_BACKUP_REMINDER (reminder));
    wait_for_frame (workspace);
    g_assert_true (sc_backup_reminder_get_due (SC_BACKUP_REMINDER (reminder)));
    g_assert_cmpstr (sc_backup_reminder_get_text (SC_BACKUP_REMINDER (reminder)), ==, old_text);
    g_assert_true (gtk_widget_get_mapped (reminder));
    g_assert_true (shows_label (workspace, old_text));
    /* A toast (as the rollback warning's) and the reminder both stay in sight. */
    sc_workspace_show_toast (SC_WORKSPACE (workspace), "toast beside the reminder");
    wait_for_frame (workspace);
    g_assert_true (gtk_widget_get_mapped (reminder));
    save_screenshot (GTK_WIDGET (window), "admin-reminder-old-1024x768");
    destroy_window (window);
    assert_watched_finalized ();
  }

  {
    g_autoptr(ScVault) vault = ws_open (f, HR_PASS);

    workspace = sc_workspace_new (vault);
    watch_finalize (workspace);
    window = show_in_window (workspace, 1024, 768);
    g_assert_null (find_descendant (workspace, SC_TYPE_BACKUP_REMINDER));
    destroy_window (window);
    assert_watched_finalized ();
  }
}

/* The whole path in the application: Restore… in the workspace, then the unlock page for the
 * restored file, then the rollback warning naming the saves the backup lacks. */
static char *app_backup_path;

static void
unlock_in (GtkWidget  *page,
           const char *passphrase)
{
  type_text (find_descendant (page, ADW_TYPE_PASSWORD_ENTRY_ROW), passphrase);
  click (find_button (page, T ("_Unlock")));
}

static gboolean
rollback_dialog_shown (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel))
          && g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (toplevel)),
                        T ("Older Copy of the Vault")) == 0)
        {
          *(AdwMessageDialog **) data = ADW_MESSAGE_DIALOG (toplevel);
          return TRUE;
        }
    }
  return FALSE;
}

static void
restore_in_window (ScApplication *app)
{
  ScWindow *window = get_window (app);
  g_autoptr (GFile) file = g_file_new_for_path (app_backup_path);
  GtkWidget *workspace;
  GtkWidget *backup;
  AdwMessageDialog *dialog = NULL;

  unlock_in (wait_for_page (window, SC_TYPE_UNLOCK_PAGE), IMPL_PASS);
  workspace = wait_for_page (window, SC_TYPE_WORKSPACE);
  g_assert_true (sc_workspace_show_section (SC_WORKSPACE (workspace), SC_SECTION_BACKUP));
  backup = sc_workspace_get_section (SC_WORKSPACE (workspace), SC_SECTION_BACKUP);
  sc_backup_section_restore_from (SC_BACKUP_SECTION (backup), file);
  wait_until (dialog_shown, backup);
  adw_message_dialog_response (sc_backup_section_get_restore_dialog (SC_BACKUP_SECTION (backup)),
                               "restore");

  /* The restored file is unlocked again, and the warning names both saves. */
  unlock_in (wait_for_page (window, SC_TYPE_UNLOCK_PAGE), IMPL_PASS);
  wait_for_page (window, SC_TYPE_WORKSPACE);
  wait_until (rollback_dialog_shown, &dialog);
  save_screenshot (GTK_WIDGET (window), "admin-restored-window");
  click (find_button (GTK_WIDGET (dialog), T ("_Keep Working")));
  iterate_until_idle ();
  destroy_window (window);
}

static void
test_restore_in_window (WsFixture     *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *args[] = { "--vault", f->path, NULL };

  app_backup_path = g_build_filename (f->dir, "window-backup.scvault", NULL);
  {
    g_autoptr(ScVault) vault = ws_open (f, IMPL_PASS);

    g_assert_true (sc_vault_backup (vault, app_backup_path, &error));
    g_assert_cmpint (sc_vault_create_round (vault, "after", NULL, NULL, NULL, &error), >, 0);
    g_assert_no_error (error);
    sc_vault_close (vault);
  }
  run_in_application_with_args (restore_in_window, args);
  g_clear_pointer (&app_backup_path, g_free);
}

int
main (int   argc,
      char *argv[])
{
  test_gui_init (&argc, &argv);

  g_test_add ("/admin/settings", WsFixture, NULL, ws_setup, test_settings, ws_teardown);
  g_test_add ("/admin/backup-restore", WsFixture, NULL, ws_setup, test_backup_restore,
              ws_teardown);
  g_test_add ("/admin/backup-reminder", WsFixture, NULL, ws_setup, test_backup_reminder,
              ws_teardown);
  g_test_add ("/admin/backup-hr", WsFixture, NULL, ws_setup, test_backup_hr, ws_teardown);
  g_test_add ("/admin/audit-log", WsFixture, NULL, ws_setup, test_audit_log, ws_teardown);
  g_test_add ("/admin/audit-log-person", WsFixture, NULL, ws_setup, test_audit_log_person,
              ws_teardown);
  g_test_add ("/admin/changed-audit-entry", WsFixture, NULL, ws_setup,
              test_changed_audit_entry, ws_teardown);
  g_test_add ("/admin/restore-in-window", WsFixture, NULL, ws_setup, test_restore_in_window,
              ws_teardown);
  g_test_add ("/admin/sections-by-role", WsFixture, NULL, ws_setup, test_sections_by_role,
              ws_teardown);

  return test_gui_run ();
}
