/* test-gui-employees.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Employees section (issue 11 §1 and the first point of §9) on the workspace test vault
 * (8 employees). Through the GUI: a CP932 roster with an error is previewed with its line and
 * column and Import off, and nothing is stored; the fixed file shows what is added, changed
 * and missing, and is imported (rows in the list, toast). Then one employee is added (the
 * dialog refuses a number in use and a bad birth date), edited, marked as left and back; the
 * search and filters show the right rows. HR does the same, marking the missing ones as left.
 * Screenshots at 1024×768, 1920×1080 and text scale 1.5 (employees-*.png).
 */
#define G_LOG_DOMAIN "test-gui-employees"

#include "config.h"

#include "sc-test-gui-util.h"
#include "sc-test-section.h"
#include "sc-test-workspace.h"

#include <string.h>

#include "sc-employee-dialog.h"
#include "sc-employee-item.h"
#include "sc-employees-section.h"
#include "sc-roster-import-dialog.h"

#define N_START 8   /* test_roster (4) in ws_setup () */

/* The bad file: line 3 has an unknown sex; the good one the same with 女. Person 0 moves to
 * another department; the other seven are not in the file. */
static const char roster_csv[] =
  "社員番号,氏名,ふりがな,性別,生年月日,部署\n"
  "N001,髙橋 一郎,たかはし いちろう,男,1980/4/1,製造部\n"
  "N002,山﨑 花子,やまさき はなこ,%s,1992/12/24,製造部\n"
  "EMP-00417,山田 太郎,やまだ たろう,男,1984/3/15,営業部\n";

static GFile *
write_cp932 (WsFixture  *f,
             const char *sex)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strdup_printf (roster_csv, sex);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *crlf = g_strjoinv ("\r\n", lines);
  g_autofree char *path = g_build_filename (f->dir, "roster.csv", NULL);
  gsize written = 0;
  g_autofree char *cp932 = g_convert (crlf, -1, "CP932", "UTF-8", NULL, &written, &error);

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, cp932, (gssize) written, &error));
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static gboolean
section_idle (gpointer data)
{
  return !sc_employees_section_get_busy (data);
}

/* The employee as the vault keeps it, or NULL. */
static ScEmployee *
stored (ScVault    *vault,
        const char *number)
{
  return sc_vault_lookup_employee (vault, number, NULL);
}

static guint
n_stored (ScVault *vault)
{
  g_autoptr(GPtrArray) list = sc_vault_list_employees (vault, NULL);

  return list->len;
}

static void
settle (GtkWidget *widget)
{
  iterate_until_idle ();
  wait_for_frame (widget);
  iterate_until_idle ();
}

static void
set_text_scale (int dpi)
{
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", dpi, NULL);
  iterate_until_idle ();
}

/* Clicks @label in @window, then waits for the toast @expected and the section to rest. */
static void
click_and_wait (GtkWidget  *window,
                const char *label,
                GtkWidget  *section,
                const char *expected)
{
  forget_toast ();
  click (find_button (window, label));
  wait_until (toast_arrived, NULL);
  wait_until (section_idle, section);
  settle (section);
  g_assert_cmpstr (get_last_toast (), ==, expected);
}

static guint
count_changes (GListModel       *rows,
               ScEmployeeChange  change)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(ScEmployeeItem) item = g_list_model_get_item (rows, i);

      n += sc_employee_item_get_change (item) == change;
    }
  return n;
}

static GtkWidget *
open_import (WsFixture          *f,
             ScEmployeesSection *section,
             const char         *sex)
{
  g_autoptr(GFile) file = write_cp932 (f, sex);
  GtkWindow *dialog;

  sc_employees_section_import_file (section, file);
  dialog = find_toplevel (SC_TYPE_ROSTER_IMPORT_DIALOG);
  g_assert_nonnull (dialog);
  watch_finalize (dialog);
  settle (GTK_WIDGET (dialog));
  return GTK_WIDGET (dialog);
}

/* The bad file: the problem by line and column, Import off, nothing stored. */
static void
import_bad_file (WsFixture          *f,
                 ScVault            *vault,
                 ScEmployeesSection *section,
                 gboolean            screenshots)
{
  GtkWidget *dialog = open_import (f, section, "不明");
  g_autofree char *message = g_strdup_printf (T ("unknown sex %s; use 男/女, M/F or 1/2"), "“不明”");
  g_autofree char *expected = g_strdup_printf (T ("Line %u, column %u (%s): %s"), 3, 4, "性別",
                                               message);

  g_assert_cmpuint (sc_roster_import_dialog_get_n_problems (SC_ROSTER_IMPORT_DIALOG (dialog)), ==, 1);
  g_assert_true (shows_label (dialog, expected));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (find_button (dialog, T ("_Import")))));
  assert_controls_named (dialog);
  if (screenshots)
    save_screenshot (dialog, "employees-import-problem");
  destroy_window (dialog);
  iterate_until_idle ();
  g_assert_cmpuint (n_stored (vault), ==, N_START);
  g_assert_null (stored (vault, "N001"));
}

static GtkWidget *
open_good_file (WsFixture          *f,
                ScEmployeesSection *section)
{
  GtkWidget *dialog = open_import (f, section, "女");
  GListModel *rows = sc_roster_import_dialog_get_rows (SC_ROSTER_IMPORT_DIALOG (dialog));
  g_autofree char *expected_change = g_strdup_printf (T ("%s: %s → %s"), T ("Department"),
                                                      "経理部", "営業部");

  g_assert_cmpuint (sc_roster_import_dialog_get_n_problems (SC_ROSTER_IMPORT_DIALOG (dialog)), ==, 0);
  g_assert_cmpuint (count_changes (rows, SC_EMPLOYEE_CHANGE_ADDED), ==, 2);
  g_assert_cmpuint (count_changes (rows, SC_EMPLOYEE_CHANGE_CHANGED), ==, 1);
  g_assert_cmpuint (count_changes (rows, SC_EMPLOYEE_CHANGE_MISSING), ==, N_START - 1);
  /* The changed row says what changes, old → new: the department only, as the file has no
   * job type or employment type column and those are kept. */
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(ScEmployeeItem) item = g_list_model_get_item (rows, i);
      g_autofree char *changes = sc_employee_item_cell_text (item, SC_EMPLOYEE_COLUMN_CHANGES);

      if (sc_employee_item_get_change (item) == SC_EMPLOYEE_CHANGE_CHANGED)
        g_assert_cmpstr (changes, ==, expected_change);
      else
        g_assert_cmpstr (changes, ==, "");
    }
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (find_button (dialog, T ("_Import")))));
  return dialog;
}

/* The toast of an import of the good file (2 added, 1 changed). */
static const char *
imported_toast (guint n_left)
{
  static char *text;

  g_free (text);
  text = g_strdup_printf (T ("Roster imported: %u added, %u changed, %u marked as left"), 2, 1,
                          n_left);
  return text;
}

static GtkWidget *
open_employee_dialog (GtkWidget  *section,
                      const char *button)
{
  GtkWindow *dialog;

  click (find_button (section, button));
  dialog = find_toplevel (SC_TYPE_EMPLOYEE_DIALOG);
  g_assert_nonnull (dialog);
  watch_finalize (dialog);
  settle (GTK_WIDGET (dialog));
  return GTK_WIDGET (dialog);
}

static gboolean
save_enabled (GtkWidget *dialog)
{
  return gtk_widget_get_sensitive (GTK_WIDGET (find_button (dialog, T ("_Save"))));
}

/* Adds N003 through the dialog, with the mistakes a person makes on the way. */
static void
add_employee (ScVault   *vault,
              GtkWidget *section,
              gboolean   screenshots)
{
  GtkWidget *dialog = open_employee_dialog (section, T ("_Add Employee…"));
  g_autoptr(ScEmployee) e = NULL;

  g_assert_false (save_enabled (dialog));
  set_text (find_entry_row (dialog, T ("Employee number")), "N001");
  set_text (find_entry_row (dialog, T ("Name")), "新人 三郎");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_descendant (dialog, ADW_TYPE_COMBO_ROW)), 2);
  /* A number in use. */
  g_assert_false (save_enabled (dialog));
  g_assert_true (shows_label (dialog, T ("Another employee already has this number.")));
  set_text (find_entry_row (dialog, T ("Employee number")), "N003");
  g_assert_true (save_enabled (dialog));
  /* A birth date that is no date. */
  set_text (find_entry_row (dialog, T ("Birth date (YYYY-MM-DD)")), "1990-13-01");
  g_assert_false (save_enabled (dialog));
  set_text (find_entry_row (dialog, T ("Birth date (YYYY-MM-DD)")), "1990/1/31");
  set_text (find_entry_row (dialog, T ("Department")), "製造部");
  set_text (find_entry_row (dialog, T ("Employment type")), "パート");
  g_assert_true (save_enabled (dialog));
  assert_controls_named (dialog);
  if (screenshots)
    save_screenshot (dialog, "employees-add");
  click_and_wait (dialog, T ("_Save"), section, T ("Employee added"));

  e = stored (vault, "N003");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->name, ==, "新人 三郎");
  g_assert_cmpint (e->sex, ==, SC_SEX_FEMALE);
  g_assert_cmpstr (e->birth_date, ==, "1990-01-31");
  g_assert_cmpstr (e->employment_type, ==, "パート");
  g_assert_true (e->active);
  g_assert_true (ws_audited (vault, "employee.add", ws_employee_id (vault, "N003")));
}

static void
edit_and_leave (ScVault   *vault,
                GtkWidget *section,
                gboolean   screenshots)
{
  ScEmployeesSection *s = SC_EMPLOYEES_SECTION (section);
  g_autoptr(ScEmployee) e = NULL;
  GtkWidget *dialog;
  gint64 id = ws_employee_id (vault, "N003");

  /* Edit: the number is fixed, the rest changes. */
  g_assert_true (sc_employees_section_select (s, "N003"));
  dialog = open_employee_dialog (section, T ("_Edit…"));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (find_entry_row (dialog, T ("Employee number")))));
  set_text (find_entry_row (dialog, T ("Position")), "主任");
  if (screenshots)
    save_screenshot (dialog, "employees-edit");
  click_and_wait (dialog, T ("_Save"), section, T ("Employee saved"));
  e = stored (vault, "N003");
  g_assert_cmpstr (e->position, ==, "主任");
  g_assert_true (ws_audited (vault, "employee.edit", id));
  g_clear_pointer (&e, sc_employee_free);

  /* Left (退職), shown under the Left filter, and back. */
  g_assert_true (sc_employees_section_select (s, "N003"));
  click_and_wait (section, T ("Mark as _Left"), section, T ("Employee marked as left"));
  e = stored (vault, "N003");
  g_assert_false (e->active);
  g_assert_true (ws_audited (vault, "employee.left", id));
  g_clear_pointer (&e, sc_employee_free);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_nth_descendant (section, GTK_TYPE_DROP_DOWN, 1)), 2);
  settle (section);
  g_assert_true (sc_employees_section_select (s, "N003"));
  click_and_wait (section, T ("_Undo Left"), section, T ("Employee marked as employed again"));
  e = stored (vault, "N003");
  g_assert_true (e->active);
  g_assert_true (ws_audited (vault, "employee.rejoined", id));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_nth_descendant (section, GTK_TYPE_DROP_DOWN, 1)), 0);
  settle (section);
}

static guint shown_wanted;

static gboolean
shows_n (gpointer section)
{
  return sc_employees_section_get_n_shown (section) == shown_wanted;
}

/* A file the CSV reader cannot read (a quote never closed): the reader's message, in the
 * user's language, at the line and column it names; nothing stored. */
static void
import_broken_csv (WsFixture          *f,
                   ScVault            *vault,
                   ScEmployeesSection *section)
{
  GtkWidget *dialog = open_import (f, section, "\"女");
  g_autofree char *expected = g_strdup_printf (T ("Line %u, column %u (%s): %s"), 3, 4, "性別",
                                               T ("a quoted field is never closed"));

  /* The core's message is translated, not only the dialog's frame around it. */
  if (test_gui_is_japanese ())
    g_assert_cmpstr (T ("a quoted field is never closed"), ==,
                     "引用符で始まった項目が閉じられていません");
  g_assert_cmpuint (sc_roster_import_dialog_get_n_problems (SC_ROSTER_IMPORT_DIALOG (dialog)), ==, 1);
  g_assert_true (shows_label (dialog, expected));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (find_button (dialog, T ("_Import")))));
  save_screenshot (dialog, "employees-import-csv-error");
  destroy_window (dialog);
  iterate_until_idle ();
  g_assert_cmpuint (n_stored (vault), ==, N_START);
}

static void
test_implementer (WsFixture     *f,
                  gconstpointer  data)
{
  g_autoptr(ScVault) vault = ws_open (f, IMPL_PASS);
  g_autoptr(ScEmployee) moved = NULL;
  GtkWidget *section = sc_employees_section_new (vault);
  ScEmployeesSection *s = SC_EMPLOYEES_SECTION (section);
  GtkWidget *dialog;
  GtkWindow *window;

  watch_toasts (section);
  watch_finalize (section);
  window = show_in_window (section, 1024, 768);
  g_assert_cmpuint (sc_employees_section_get_n_employees (s), ==, N_START);
  g_assert_true (shows_label (GTK_WIDGET (window), test_people[0].name));
  assert_controls_named (GTK_WIDGET (window));

  import_bad_file (f, vault, s, TRUE);
  import_broken_csv (f, vault, s);

  /* The fixed file: what changes, then imported. */
  dialog = open_good_file (f, s);
  assert_controls_named (dialog);
  save_screenshot (dialog, "employees-import-preview");
  gtk_window_set_default_size (GTK_WINDOW (dialog), 1920, 1080);
  settle (dialog);
  save_screenshot (dialog, "employees-import-preview-1920x1080");
  click_and_wait (dialog, T ("_Import"), section, imported_toast (0));
  g_assert_cmpuint (n_stored (vault), ==, N_START + 2);
  g_assert_cmpuint (sc_employees_section_get_n_employees (s), ==, N_START + 2);
  g_assert_true (sc_employees_section_select (s, "N002"));
  g_assert_true (shows_label (GTK_WIDGET (window), "山﨑 花子"));
  moved = stored (vault, test_people[0].number);
  g_assert_cmpstr (moved->department, ==, "営業部");
  g_assert_cmpstr (moved->job_type, ==, "事務");
  g_assert_cmpstr (moved->employment_type, ==, "正社員");
  g_assert_true (moved->active);
  g_assert_true (ws_audited (vault, "employees.upsert", 3));

  add_employee (vault, section, TRUE);
  edit_and_leave (vault, section, TRUE);

  /* Search and the department filter. */
  /* The search entry reports a little after the typing stops. */
  set_text (find_descendant (section, GTK_TYPE_SEARCH_ENTRY), "n00");
  shown_wanted = 3;
  wait_until (shows_n, section);
  set_text (find_descendant (section, GTK_TYPE_SEARCH_ENTRY), "");
  shown_wanted = N_START + 3;
  wait_until (shows_n, section);
  {
    GtkDropDown *department = GTK_DROP_DOWN (find_nth_descendant (section, GTK_TYPE_DROP_DOWN, 0));
    GListModel *model = gtk_drop_down_get_model (department);

    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), "製造部"))
        gtk_drop_down_set_selected (department, i);
    settle (section);
    g_assert_cmpuint (sc_employees_section_get_n_shown (s), ==, 3);
    save_screenshot (GTK_WIDGET (window), "employees-1024x768");
    gtk_drop_down_set_selected (department, 0);
  }

  set_text_scale (147456);   /* 96 dpi × 1.5, in 1/1024 */
  settle (section);
  save_screenshot (GTK_WIDGET (window), "employees-scale-1.5");
  set_text_scale (-1);

  window = move_to_window (window, section, 1920, 1080);
  save_screenshot (GTK_WIDGET (window), "employees-1920x1080");
  destroy_window (window);
  assert_watched_finalized ();
}

static void
test_hr (WsFixture     *f,
         gconstpointer  data)
{
  g_autoptr(ScVault) vault = ws_open (f, HR_PASS);
  g_autoptr(ScEmployee) gone = NULL;
  GtkWidget *section = sc_employees_section_new (vault);
  ScEmployeesSection *s = SC_EMPLOYEES_SECTION (section);
  GtkWidget *dialog;
  GtkWindow *window;

  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_HR);
  watch_toasts (section);
  watch_finalize (section);
  window = show_in_window (section, 1024, 768);
  g_assert_cmpuint (sc_employees_section_get_n_employees (s), ==, N_START);

  import_bad_file (f, vault, s, FALSE);

  /* The fixed file, the missing seven marked as left. */
  dialog = open_good_file (f, s);
  sc_roster_import_dialog_set_mark_left (SC_ROSTER_IMPORT_DIALOG (dialog), TRUE);
  click_and_wait (dialog, T ("_Import"), section, imported_toast (7));
  gone = stored (vault, test_people[1].number);
  g_assert_false (gone->active);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_nth_descendant (section, GTK_TYPE_DROP_DOWN, 1)), 2);
  settle (section);
  g_assert_cmpuint (sc_employees_section_get_n_shown (s), ==, 7);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_nth_descendant (section, GTK_TYPE_DROP_DOWN, 1)), 0);
  settle (section);

  add_employee (vault, section, FALSE);
  edit_and_leave (vault, section, FALSE);
  save_screenshot (GTK_WIDGET (window), "employees-hr-1024x768");

  destroy_window (window);
  assert_watched_finalized ();
}

/* A new vault: the empty page says how to begin; the first employee added shows the list. */
static void
test_empty (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "empty.scvault", NULL);
  g_autoptr(ScVault) vault = test_create_vault (path, NULL);
  GtkWidget *section = sc_employees_section_new (vault);
  GtkWidget *dialog;
  GtkWindow *window;

  watch_toasts (section);
  watch_finalize (section);
  window = show_in_window (section, 1024, 768);
  g_assert_cmpuint (sc_employees_section_get_n_employees (SC_EMPLOYEES_SECTION (section)), ==, 0);
  g_assert_true (shows_label (section, T ("No Employees Yet")));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (find_button (section, T ("_Edit…")))));
  assert_controls_named (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "employees-empty");

  dialog = open_employee_dialog (section, T ("_Add Employee…"));
  set_text (find_entry_row (dialog, T ("Employee number")), "001");
  set_text (find_entry_row (dialog, T ("Name")), "最初 一人");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_descendant (dialog, ADW_TYPE_COMBO_ROW)), 1);
  click_and_wait (dialog, T ("_Save"), section, T ("Employee added"));
  g_assert_cmpuint (sc_employees_section_get_n_employees (SC_EMPLOYEES_SECTION (section)), ==, 1);
  g_assert_false (shows_label (section, T ("No Employees Yet")));
  g_assert_true (shows_label (section, "最初 一人"));

  destroy_window (window);
  assert_watched_finalized ();
  sc_vault_close (vault);
  test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  test_gui_init (&argc, &argv);

  g_test_add ("/employees/implementer", WsFixture, NULL, ws_setup, test_implementer, ws_teardown);
  g_test_add ("/employees/hr", WsFixture, NULL, ws_setup, test_hr, ws_teardown);
  g_test_add_func ("/employees/empty", test_empty);

  return test_gui_run ();
}
