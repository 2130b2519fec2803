/* test-gui-workspace.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workspace after unlocking (ScWorkspace, issue 8), for each role, driven as a person
 * does: the sections each role has (and, for HR, the ones it does not: not in the sidebar,
 * not reachable by action or key, no implementer-only label or count anywhere in the widget
 * tree); the Overview's counts; Participation searched, filtered by department, sorted,
 * non-responders selected, a reminder marked (toast, and the vault changed) and kept for
 * reminder slips; closing a round through its confirmation; the sidebar folding on a
 * narrow window. Screenshots of every section at 1024×768 and 1920×1080 go to
 * G_TEST_BUILDDIR (workspace-<role>-<section>-<size>.png; "-ja" in Japanese).
 */
#define G_LOG_DOMAIN "test-gui-workspace"

#include "config.h"

#include "sc-test-gui-util.h"
#include "sc-test-section.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sc-secure.h"
#include "sc-vault-private.h"
#include "sc-vault-async.h"
#include "sc-workspace.h"
#include "sc-test-workspace.h"

#include "sc-overview-section.h"
#include "sc-participation-section.h"
#include "sc-results-section.h"
#include "sc-interviews-section.h"
#include "sc-result-view.h"
#include "sc-retention-section.h"
#include "sc-round-page.h"
#include "sc-rounds-section.h"
#include "sc-unlock-page.h"
#include "sc-workspace-frame.h"

static WsFixture fixture;

typedef struct
{
  AppTestFunc  func;
  const char  *passphrase;
} WsTest;

static const char *passphrase;

/* The workspace of the running test, for shows_toast (). */
static ScWorkspace *current_workspace;

static gboolean
unlock_done (gpointer page)
{
  return !sc_unlock_page_get_busy (page);
}

/* Unlocks with the passphrase of the test and returns the workspace, drawn. */
static ScWorkspace *
unlock (ScWindow *window)
{
  GtkWidget *page = wait_for_page (window, SC_TYPE_UNLOCK_PAGE);

  g_object_ref (page);
  type_text (find_descendant (page, ADW_TYPE_PASSWORD_ENTRY_ROW), passphrase);
  click (find_button (page, T ("_Unlock")));
  wait_until (unlock_done, page);
  g_object_unref (page);

  current_workspace = SC_WORKSPACE (wait_for_page (window, SC_TYPE_WORKSPACE));
  return current_workspace;
}

static void
run_ws_test (gconstpointer data)
{
  const WsTest *test = data;

  ws_setup (&fixture, NULL);
  passphrase = test->passphrase;
  {
    const char * const args[] = { "--vault", fixture.path, NULL };

    run_in_application_with_args (test->func, args);
  }
  ws_teardown (&fixture, NULL);
}

/* Every label in the tree, shown or not. */
static gboolean
tree_has_label (GtkWidget  *widget,
                const char *text)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();

  collect_descendants (widget, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), text) == 0)
      return TRUE;
  return FALSE;
}

/* The number an Overview row with @title shows, or NULL. */
static const char *
count_of (GtkWidget  *overview,
          const char *title)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  collect_descendants (overview, ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
        return gtk_label_get_text (find_label_with_class (row, "numeric"));
    }
  return NULL;
}

/* The sidebar's list of sections. */
static GtkWidget *
find_sidebar (ScWorkspace *workspace)
{
  g_autoptr (GPtrArray) lists = g_ptr_array_new ();

  collect_descendants (GTK_WIDGET (workspace), GTK_TYPE_LIST_BOX, lists);
  for (guint i = 0; i < lists->len; i++)
    if (g_strcmp0 (gtk_widget_get_name (g_ptr_array_index (lists, i)),
                   "workspace-sections") == 0)
      return g_ptr_array_index (lists, i);
  g_assert_not_reached ();
}

static void
assert_sections (ScWorkspace        *workspace,
                 const char * const *expected)
{
  g_auto (GStrv) ids = sc_workspace_list_sections (workspace);
  GtkWidget *list = find_sidebar (workspace);
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  g_assert_cmpstrv (ids, expected);
  /* The sidebar has one row per section, named for screen readers. */
  collect_descendants (list, GTK_TYPE_LIST_BOX_ROW, rows);
  g_assert_cmpuint (rows->len, ==, g_strv_length ((GStrv) expected));
  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *name = get_accessible_name (g_ptr_array_index (rows, i));

      g_assert_nonnull (name);
    }
}

typedef struct
{
  GtkWidget *widget;
  int        width;
  int        height;
} SizeWait;

static gboolean
has_size (gpointer data)
{
  SizeWait *wait = data;

  /* The window's surface has the size; its widget is smaller by the frame's shadow. */
  return gtk_widget_get_width (wait->widget) >= wait->width - 20 &&
         gtk_widget_get_width (wait->widget) <= wait->width &&
         gtk_widget_get_height (wait->widget) >= wait->height - 20 &&
         gtk_widget_get_height (wait->widget) <= wait->height;
}

/* Resizes the window; the screen of Xvfb is smaller than 1920×1080, which a size request
 * gets past. */
static void
resize (ScWindow *window,
        int       width,
        int       height)
{
  SizeWait wait = { GTK_WIDGET (window), width, height };

  gtk_widget_set_size_request (GTK_WIDGET (window), width, height);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  wait_until (has_size, &wait);
  wait_for_frame (GTK_WIDGET (window));
}

/* Each section of @workspace, shown by keyboard action, drawn and screenshotted at both
 * sizes, every control named. */
static void
screenshot_sections (ScWindow    *window,
                     ScWorkspace *workspace,
                     const char  *role)
{
  static const int sizes[][2] = { { 1024, 768 }, { 1920, 1080 } };
  g_auto (GStrv) ids = sc_workspace_list_sections (workspace);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      resize (window, sizes[s][0], sizes[s][1]);
      for (guint i = 0; ids[i] != NULL; i++)
        {
          g_autofree char *name = g_strdup_printf ("workspace-%s-%s-%dx%d", role, ids[i],
                                                   sizes[s][0], sizes[s][1]);

          /* Alt+1…: the action the keys are bound to. */
          gtk_widget_activate_action (GTK_WIDGET (workspace), "workspace.section", "i", i + 1);
          g_assert_cmpstr (sc_workspace_get_visible_section (workspace), ==, ids[i]);
          wait_for_frame (sc_workspace_get_section (workspace, ids[i]));
          g_assert_true (gtk_widget_is_drawable (sc_workspace_get_section (workspace, ids[i])));
          iterate_until_idle ();
          assert_controls_named (GTK_WIDGET (window));
          save_screenshot (GTK_WIDGET (window), name);
        }
    }
}

static void
test_implementer (ScApplication *app)
{
  const char * const expected[] = {
    SC_SECTION_OVERVIEW, SC_SECTION_PARTICIPATION, SC_SECTION_RESULTS, SC_SECTION_INTERVIEWS,
    SC_SECTION_GROUP_ANALYSIS, SC_SECTION_REPORTS, SC_SECTION_ROUNDS, SC_SECTION_EMPLOYEES,
    SC_SECTION_PEOPLE, SC_SECTION_RETENTION, SC_SECTION_SETTINGS, SC_SECTION_BACKUP,
    SC_SECTION_AUDIT_LOG,
    NULL
  };
  ScWindow *window = get_window (app);
  ScWorkspace *workspace = unlock (window);
  GtkWidget *overview;
  g_autofree char *days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day left",
                                                        "%d days left", 20), 20);

  assert_sections (workspace, expected);
  g_assert_cmpint (sc_workspace_get_round_id (workspace), ==, fixture.round_id);
  g_assert_cmpstr (sc_workspace_get_visible_section (workspace), ==, SC_SECTION_OVERVIEW);
  g_assert_true (shows_label (GTK_WIDGET (workspace), T ("Implementer (実施者)")));

  /* The Overview: the round, its days left, and every count, the health counts too. */
  overview = sc_workspace_get_section (workspace, SC_SECTION_OVERVIEW);
  g_assert_true (SC_IS_OVERVIEW_SECTION (overview));
  g_assert_true (shows_label (overview, "2026"));
  g_assert_true (shows_label (overview, days));
  g_assert_cmpstr (count_of (overview, T ("On the roster")), ==, "8");
  g_assert_cmpstr (count_of (overview, T ("Answered")), ==, "4");
  g_assert_cmpstr (count_of (overview, T ("Started but not finished")), ==, "1");
  g_assert_cmpstr (count_of (overview, T ("Not started")), ==, "3");
  g_assert_cmpstr (count_of (overview, T ("Consents given")), ==, "1");
  g_assert_cmpstr (count_of (overview, T ("Consents refused")), ==, "2");
  g_assert_cmpstr (count_of (overview, T ("Interviews requested")), ==, "1");
  g_assert_cmpstr (count_of (overview, T ("Interviews done")), ==, "0");
  g_assert_cmpstr (count_of (overview, T ("High stress")), ==, "2");
  g_assert_cmpstr (count_of (overview, T ("Undetermined (判定不能)")), ==, "0");
  g_assert_cmpstr (count_of (overview, T ("Interviews recommended")), ==, "2");
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (find_button (overview, T ("C_lose Round…")))));
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (find_button (overview, T ("Start _Kiosk…")))));

  /* Moving through the sidebar's list (arrow keys) shows the section at once. */
  gtk_list_box_select_row (GTK_LIST_BOX (find_sidebar (workspace)),
                           gtk_list_box_get_row_at_index (GTK_LIST_BOX (find_sidebar (workspace)), 3));
  g_assert_cmpstr (sc_workspace_get_visible_section (workspace), ==, SC_SECTION_INTERVIEWS);
  g_assert_true (sc_workspace_show_section (workspace, SC_SECTION_OVERVIEW));

  /* Ctrl+Page Down / Up go round the sections. */
  gtk_widget_activate_action (GTK_WIDGET (workspace), "workspace.next-section", NULL);
  g_assert_cmpstr (sc_workspace_get_visible_section (workspace), ==, SC_SECTION_PARTICIPATION);
  gtk_widget_activate_action (GTK_WIDGET (workspace), "workspace.next-section", NULL);
  g_assert_cmpstr (sc_workspace_get_visible_section (workspace), ==, SC_SECTION_RESULTS);
  gtk_widget_activate_action (GTK_WIDGET (workspace), "workspace.previous-section", NULL);
  gtk_widget_activate_action (GTK_WIDGET (workspace), "workspace.previous-section", NULL);
  gtk_widget_activate_action (GTK_WIDGET (workspace), "workspace.previous-section", NULL);
  /* Round to the last section. */
  g_assert_cmpstr (sc_workspace_get_visible_section (workspace), ==, SC_SECTION_AUDIT_LOG);

  screenshot_sections (window, workspace, "implementer");

  destroy_window (window);
}

static void
test_hr (ScApplication *app)
{
  const char * const expected[] = {
    SC_SECTION_OVERVIEW, SC_SECTION_PARTICIPATION, SC_SECTION_SHARED_RESULTS,
    SC_SECTION_INTERVIEWS, SC_SECTION_GROUP_ANALYSIS, SC_SECTION_REPORTS, SC_SECTION_ROUNDS,
    SC_SECTION_EMPLOYEES, SC_SECTION_PEOPLE, SC_SECTION_BACKUP,
    NULL
  };
  /* What only the implementer may see: none of it is anywhere in HR's widget tree. */
  const char *forbidden[] = {
    T ("High stress"), T ("Undetermined (判定不能)"), T ("Interviews recommended"),
    T ("Results"), T ("Seen by the implementer only."), T ("Settings"), T ("Retention"),
  };
  /* HR's counts, in the order shown; nothing else is a count. */
  const char *counts[] = { "8", "4", "1", "3", "1", "2", "1", "0" };
  ScWindow *window = get_window (app);
  ScWorkspace *workspace = unlock (window);
  GtkWidget *overview = sc_workspace_get_section (workspace, SC_SECTION_OVERVIEW);
  g_autoptr (GPtrArray) numbers = g_ptr_array_new ();

  g_assert_cmpint (sc_vault_get_role (sc_window_get_vault (window)), ==, SC_VAULT_ROLE_HR);
  assert_sections (workspace, expected);
  g_assert_true (shows_label (GTK_WIDGET (workspace), T ("HR (実務担当者)")));

  /* No Results section: not made, not reachable by name, action or key. */
  g_assert_null (sc_workspace_get_section (workspace, SC_SECTION_RESULTS));
  g_assert_null (sc_workspace_get_section (workspace, SC_SECTION_SETTINGS));
  g_assert_null (sc_workspace_get_section (workspace, SC_SECTION_RETENTION));
  g_assert_false (sc_workspace_show_section (workspace, SC_SECTION_RESULTS));
  for (int i = 1; i <= 9; i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (workspace), "workspace.section", "i", i);
      g_assert_nonnull (sc_workspace_get_section (workspace,
                                                  sc_workspace_get_visible_section (workspace)));
      g_assert_cmpstr (sc_workspace_get_visible_section (workspace), !=, SC_SECTION_RESULTS);
    }
  for (int i = 0; i < 12; i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (workspace), "workspace.next-section", NULL);
      g_assert_cmpstr (sc_workspace_get_visible_section (workspace), !=, SC_SECTION_RESULTS);
      g_assert_cmpstr (sc_workspace_get_visible_section (workspace), !=, SC_SECTION_SETTINGS);
    }

  for (guint i = 0; i < G_N_ELEMENTS (forbidden); i++)
    {
      g_test_message ("not for HR: %s", forbidden[i]);
      g_assert_false (tree_has_label (GTK_WIDGET (window), forbidden[i]));
    }
  g_assert_null (find_button (GTK_WIDGET (window), T ("C_lose Round…")));

  /* HR's shared results: the results section in HR mode, none of the above in it either. */
  {
    GtkWidget *shared = sc_workspace_get_section (workspace, SC_SECTION_SHARED_RESULTS);

    g_assert_true (SC_IS_RESULTS_SECTION (shared));
    g_assert_true (sc_workspace_show_section (workspace, SC_SECTION_SHARED_RESULTS));
    wait_for_frame (shared);
    for (guint i = 0; i < G_N_ELEMENTS (forbidden); i++)
      g_assert_false (tree_has_label (shared, forbidden[i]));
  }
  collect_descendants (overview, GTK_TYPE_LABEL, numbers);
  {
    guint n = 0;

    for (guint i = 0; i < numbers->len; i++)
      {
        GtkWidget *label = g_ptr_array_index (numbers, i);

        if (!gtk_widget_has_css_class (label, "numeric"))
          continue;
        g_assert_cmpuint (n, <, G_N_ELEMENTS (counts));
        g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, counts[n]);
        n++;
      }
    g_assert_cmpuint (n, ==, G_N_ELEMENTS (counts));
  }

  /* HR may neither create nor close rounds, and starts the kiosk only when the implementer
   * allowed it (a vault setting, off here as by default). */
  g_assert_true (sc_workspace_show_section (workspace, SC_SECTION_OVERVIEW));
  wait_for_frame (overview);
  {
    GtkButton *start = find_button (overview, T ("Start _Kiosk…"));

    g_assert_true (start == NULL || !gtk_widget_is_drawable (GTK_WIDGET (start)));
  }
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (find_button (overview, T ("_New Round…")))));
  sc_overview_section_close_round (SC_OVERVIEW_SECTION (overview));
  iterate_until_idle ();
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  screenshot_sections (window, workspace, "hr");

  destroy_window (window);
}

static guint
n_shown (GtkColumnView *view)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view)));
}

/* The number in row @position as shown (a static copy, for the assertions). */
static const char *
shown_number (GtkWidget *section,
              guint      position)
{
  static char number[64];
  g_auto (GStrv) numbers = sc_participation_section_get_shown_numbers (SC_PARTICIPATION_SECTION (section));

  g_assert_cmpuint (position, <, g_strv_length (numbers));
  g_strlcpy (number, numbers[position], sizeof number);
  return number;
}

static GtkColumnViewColumn *
column (GtkColumnView *view,
        guint          index)
{
  g_autoptr (GtkColumnViewColumn) col = g_list_model_get_item (gtk_column_view_get_columns (view),
                                                               index);

  return col;
}

static gboolean
not_busy (gpointer section)
{
  return !sc_participation_section_get_busy (section);
}

static gboolean
shows_toast (gpointer text)
{
  return tree_has_label (find_descendant (GTK_WIDGET (current_workspace),
                                          ADW_TYPE_TOAST_OVERLAY), text);
}

static void
test_participation (ScApplication *app)
{
  const char *titles[] = { T ("Number"), T ("Name"), T ("Department"), T ("Answered"),
                           T ("Reminder") };
  ScWindow *window = get_window (app);
  ScWorkspace *workspace = unlock (window);
  ScVault *vault = sc_window_get_vault (window);
  GtkWidget *section;
  GtkColumnView *view;
  GtkSearchEntry *search;
  GtkDropDown *departments;
  GListModel *columns;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *toast = NULL;
  g_autofree char *kept = NULL;
  const char * const *selection;
  guint n_reminded = 0;

  g_assert_true (sc_workspace_show_section (workspace, SC_SECTION_PARTICIPATION));
  section = sc_workspace_get_section (workspace, SC_SECTION_PARTICIPATION);
  wait_for_frame (section);
  view = GTK_COLUMN_VIEW (find_descendant (section, GTK_TYPE_COLUMN_VIEW));
  search = GTK_SEARCH_ENTRY (find_descendant (section, GTK_TYPE_SEARCH_ENTRY));
  departments = GTK_DROP_DOWN (find_descendant (section, GTK_TYPE_DROP_DOWN));

  /* Who has answered, and nothing else: these five columns, no score, no verdict. */
  columns = gtk_column_view_get_columns (view);
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, G_N_ELEMENTS (titles));
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_assert_cmpstr (gtk_column_view_column_get_title (column (view, i)), ==, titles[i]);
      g_assert_nonnull (gtk_column_view_column_get_sorter (column (view, i)));
    }
  g_assert_cmpuint (n_shown (view), ==, 8);
  g_assert_cmpstr (shown_number (section, 0), ==, "EMP-00417");

  /* Names for screen readers. */
  {
    g_autofree char *name = get_accessible_name (GTK_WIDGET (view));
    g_autofree char *search_name = get_accessible_name (GTK_WIDGET (search));
    g_autofree char *departments_name = get_accessible_name (GTK_WIDGET (departments));

    g_assert_cmpstr (name, ==, T ("Participation"));
    g_assert_cmpstr (search_name, ==, T ("Search by number or name"));
    g_assert_cmpstr (departments_name, ==, T ("Department"));
  }

  /* Ctrl+F searches the list; by name, and by number in full-width digits. */
  gtk_widget_activate_action (GTK_WIDGET (workspace), "workspace.search", NULL);
  g_assert_true (has_focus (GTK_WIDGET (search)));
  type_text (search, "山田");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (n_shown (view), ==, 1);
  g_assert_cmpstr (shown_number (section, 0), ==, "EMP-00417");
  type_text (search, "ＥＭＰ－００４１９");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (n_shown (view), ==, 1);
  g_assert_cmpstr (shown_number (section, 0), ==, "EMP-00419");
  type_text (search, "");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (n_shown (view), ==, 8);

  /* Filtered by department. */
  for (guint i = 0; i < g_list_model_get_n_items (gtk_drop_down_get_model (departments)); i++)
    {
      g_autoptr (GtkStringObject) item = g_list_model_get_item (gtk_drop_down_get_model (departments), i);

      if (g_str_equal (gtk_string_object_get_string (item), "Accounting"))
        gtk_drop_down_set_selected (departments, i);
    }
  g_assert_cmpuint (n_shown (view), ==, 1);
  g_assert_cmpstr (shown_number (section, 0), ==, "EMP-00418");
  gtk_drop_down_set_selected (departments, 0);
  g_assert_cmpuint (n_shown (view), ==, 8);

  /* Sorted by every column: number down, then answered (no first). */
  gtk_column_view_sort_by_column (view, column (view, 0), GTK_SORT_DESCENDING);
  g_assert_cmpstr (shown_number (section, 7), ==, "EMP-00417");
  gtk_column_view_sort_by_column (view, column (view, 3), GTK_SORT_ASCENDING);
  g_assert_true (g_str_has_prefix (shown_number (section, 0), "X"));
  g_assert_true (g_str_has_prefix (shown_number (section, 7), "EMP"));
  gtk_column_view_sort_by_column (view, column (view, 1), GTK_SORT_ASCENDING);
  gtk_column_view_sort_by_column (view, column (view, 2), GTK_SORT_ASCENDING);
  gtk_column_view_sort_by_column (view, column (view, 4), GTK_SORT_ASCENDING);
  g_assert_cmpuint (n_shown (view), ==, 8);
  gtk_column_view_sort_by_column (view, column (view, 0), GTK_SORT_ASCENDING);
  g_assert_cmpstr (shown_number (section, 0), ==, "EMP-00417");

  /* The non-responders are selected, a reminder marked: a toast, and the vault has it. */
  click (find_button (section, T ("Select _Non-Responders")));
  {
    g_autoptr (GtkBitset) selected = gtk_selection_model_get_selection (gtk_column_view_get_model (view));

    g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 4);
  }
  assert_controls_named (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "workspace-participation-selected");
  click (find_button (section, T ("_Mark Reminder Given")));
  g_assert_true (sc_participation_section_get_busy (SC_PARTICIPATION_SECTION (section)));
  g_assert_true (sc_workspace_get_busy (workspace));
  wait_until (not_busy, section);
  g_assert_false (sc_workspace_get_busy (workspace));
  toast = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "A reminder was marked as given to %u person",
                                        "A reminder was marked as given to %u people", 4), 4);
  wait_until (shows_toast, toast);
  list = sc_vault_list_participation (vault, fixture.round_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      ScParticipant *participant = g_ptr_array_index (list, i);

      g_assert_cmpstr (participant->reminded_on, ==, participant->answered ? NULL : fixture.today);
      n_reminded += participant->reminded_on != NULL;
      /* In the audit log too, by employee (row id, no name). */
      g_assert_true (ws_audited (vault, "reminder.mark",
                                 ws_employee_id (vault, participant->number))
                     == (participant->reminded_on != NULL));
    }
  g_assert_cmpuint (n_reminded, ==, 4);
  g_assert_cmpuint (n_shown (view), ==, 8);

  /* Kept for the reminder slips, which Reports prints. */
  click (find_button (section, T ("Select _Non-Responders")));
  click (find_button (section, T ("_Keep for Reminder Slips")));
  selection = sc_workspace_get_reminder_selection (workspace);
  g_assert_cmpuint (g_strv_length ((GStrv) selection), ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_true (g_str_has_prefix (selection[i], "X"));
  kept = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person kept for reminder slips",
                                       "%u people kept for reminder slips", 4), 4);
  g_assert_true (shows_label (section, kept));
  g_assert_true (shows_label (section, T ("The reminder slips are printed from the Reports section.")));
  save_screenshot (GTK_WIDGET (window), "workspace-participation-reminded");

  /* Print Reminder Slips keeps them too and opens Reports with reminder slips for them. */
  click (find_button (section, T ("Select _Non-Responders")));
  click (find_button (section, T ("_Print Reminder Slips")));
  g_assert_cmpstr (sc_workspace_get_visible_section (workspace), ==, SC_SECTION_REPORTS);
  {
    GtkWidget *reports = sc_workspace_get_section (workspace, SC_SECTION_REPORTS);
    g_autofree char *numbers = g_strjoinv (", ", (GStrv) sc_workspace_get_reminder_selection (workspace));

    g_assert_cmpuint (g_strv_length ((GStrv) sc_workspace_get_reminder_selection (workspace)), ==, 4);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_entry_row (reports, T ("Employee numbers (comma separated)")))),
                     ==, numbers);
  }
  sc_workspace_show_section (workspace, SC_SECTION_PARTICIPATION);

  /* Lifting a lock-out is the implementer's: HR never gets the button. */
  if (sc_vault_get_role (vault) == SC_VAULT_ROLE_HR)
    g_assert_null (find_button (section, T ("_Lift Lock-out")));
  else
    g_assert_nonnull (find_button (section, T ("_Lift Lock-out")));

  destroy_window (window);
}

static gboolean
wrong_code_cb (const char *hash,
               gpointer    user_data)
{
  return FALSE;
}

static gboolean
right_code_cb (const char *hash,
               gpointer    user_data)
{
  return g_strcmp0 (hash, user_data) == 0;
}

/* A person locked out by five wrong codes (as at the kiosk) is let in again from the
 * Participation section. */
static void
test_lift_lockout (ScApplication *app)
{
  ScWindow *window = get_window (app);
  ScWorkspace *workspace = unlock (window);
  ScVault *vault = sc_window_get_vault (window);
  GtkSelectionModel *model;
  GtkWidget *section;
  GtkButton *lift;
  g_autoptr (GError) error = NULL;
  g_autofree char *number = NULL;

  g_assert_true (sc_workspace_show_section (workspace, SC_SECTION_PARTICIPATION));
  section = sc_workspace_get_section (workspace, SC_SECTION_PARTICIPATION);
  wait_for_frame (section);
  model = gtk_column_view_get_model (GTK_COLUMN_VIEW (find_descendant (section,
                                                                       GTK_TYPE_COLUMN_VIEW)));
  number = g_strdup (shown_number (section, 0));

  g_assert_true (sc_vault_set_access_code_hash (vault, fixture.round_id, number, "H-LIFT",
                                                &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 5; i++)
    {
      g_assert_false (sc_vault_check_access_code (vault, fixture.round_id, number,
                                                  wrong_code_cb, NULL, &error));
      g_clear_error (&error);
    }
  g_assert_false (sc_vault_check_access_code (vault, fixture.round_id, number, right_code_cb,
                                              (gpointer) "H-LIFT", &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_THROTTLED);
  g_clear_error (&error);

  /* One person at a time. */
  lift = find_button (section, T ("_Lift Lock-out"));
  g_assert_nonnull (lift);
  gtk_selection_model_unselect_all (model);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (lift)));
  gtk_selection_model_select_all (model);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (lift)));
  gtk_selection_model_select_item (model, 0, TRUE);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (lift)));

  click (lift);
  wait_until (not_busy, section);
  wait_until (shows_toast, (gpointer) T ("The lock-out was lifted: the person can log in again"));

  g_assert_true (ws_audited (vault, "access_code.unlock", ws_employee_id (vault, number)));
  g_assert_true (sc_vault_check_access_code (vault, fixture.round_id, number, right_code_cb,
                                             (gpointer) "H-LIFT", &error));
  g_assert_no_error (error);

  destroy_window (window);
}

static gboolean
round_closed (gpointer data)
{
  g_autoptr (ScVaultRound) round = NULL;
  ScVault *vault = data;

  if (sc_vault_is_busy (vault))
    return FALSE;
  round = sc_vault_get_round (vault, fixture.round_id, NULL);
  return round != NULL && round->closed;
}

static gboolean
message_dialog_gone (gpointer data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

static void
test_close_round (ScApplication *app)
{
  ScWindow *window = get_window (app);
  ScWorkspace *workspace = unlock (window);
  ScVault *vault = sc_window_get_vault (window);
  GtkWidget *overview = sc_workspace_get_section (workspace, SC_SECTION_OVERVIEW);
  AdwMessageDialog *dialog;
  g_autoptr (ScVaultRound) round = NULL;
  g_autofree char *toast = g_strdup_printf (T ("“%s” is closed"), "2026");
  g_autofree char *closed_name = g_strdup_printf (T ("%s (closed)"), "2026");

  /* The confirmation says what closing means; Cancel changes nothing. */
  click (find_button (overview, T ("C_lose Round…")));
  dialog = ADW_MESSAGE_DIALOG (wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, T ("Close the Round?"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "2026"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  save_screenshot (GTK_WIDGET (dialog), "workspace-close-round");
  click (find_button (GTK_WIDGET (dialog), T ("_Cancel")));
  wait_until (message_dialog_gone, NULL);
  round = sc_vault_get_round (vault, fixture.round_id, NULL);
  g_assert_false (round->closed);

  /* Closed: in the vault, with a toast; the button goes and the round is marked closed. */
  click (find_button (overview, T ("C_lose Round…")));
  dialog = ADW_MESSAGE_DIALOG (wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  click (find_button (GTK_WIDGET (dialog), T ("C_lose Round")));
  wait_until (round_closed, vault);
  wait_until (shows_toast, toast);
  g_assert_true (ws_audited (vault, "round.close", fixture.round_id));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (find_button (overview, T ("C_lose Round…")))));
  g_assert_true (shows_label (overview, T ("This round is closed.")));
  g_assert_true (tree_has_label (GTK_WIDGET (workspace), closed_name));
  g_assert_cmpint (sc_workspace_get_round_id (workspace), ==, fixture.round_id);
  /* No kiosk for a closed round. */
  g_assert_null (find_button (overview, T ("Start _Kiosk…")));
  save_screenshot (GTK_WIDGET (window), "workspace-round-closed");

  destroy_window (window);
}

static gboolean
is_folded (gpointer leaflet)
{
  return adw_leaflet_get_folded (leaflet);
}

static void
test_narrow (ScApplication *app)
{
  ScWindow *window = get_window (app);
  ScWorkspace *workspace = unlock (window);
  AdwLeaflet *leaflet = ADW_LEAFLET (find_descendant (GTK_WIDGET (workspace), ADW_TYPE_LEAFLET));
  GtkWidget *list = find_sidebar (workspace);
  GtkButton *back;

  /* Wide: the sidebar and the section side by side. */
  resize (window, 1024, 768);
  g_assert_false (adw_leaflet_get_folded (leaflet));
  g_assert_true (gtk_widget_is_drawable (list));

  /* Narrow: one at a time, with a button back to the sections. */
  gtk_widget_set_size_request (GTK_WIDGET (window), 400, 600);
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 600);
  wait_until (is_folded, leaflet);
  wait_for_frame (GTK_WIDGET (window));
  back = NULL;
  {
    g_autoptr (GPtrArray) buttons = g_ptr_array_new ();

    collect_descendants (GTK_WIDGET (workspace), GTK_TYPE_BUTTON, buttons);
    for (guint i = 0; i < buttons->len && back == NULL; i++)
      {
        g_autofree char *name = get_accessible_name (g_ptr_array_index (buttons, i));

        if (g_strcmp0 (name, T ("Back to the Sections")) == 0)
          back = g_ptr_array_index (buttons, i);
      }
  }
  g_assert_nonnull (back);
  iterate_until_idle ();
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (back)));
  save_screenshot (GTK_WIDGET (window), "workspace-narrow");
  click (back);
  iterate_until_idle ();
  g_assert_true (gtk_widget_is_drawable (list));
  save_screenshot (GTK_WIDGET (window), "workspace-narrow-sidebar");

  /* A section chosen in the list comes up in place of the list. */
  g_signal_emit_by_name (list, "row-activated",
                         gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  iterate_until_idle ();
  g_assert_cmpstr (sc_workspace_get_visible_section (workspace), ==, SC_SECTION_PARTICIPATION);
  g_assert_true (gtk_widget_is_drawable (sc_workspace_get_section (workspace,
                                                                   SC_SECTION_PARTICIPATION)));

  destroy_window (window);
}

/* The widgets alone, made, drawn and freed: for each role. */
static void
test_widgets (void)
{
  const char *passes[] = { IMPL_PASS, HR_PASS };

  ws_setup (&fixture, NULL);
  for (guint p = 0; p < G_N_ELEMENTS (passes); p++)
    {
      g_autoptr (ScVault) vault = ws_open (&fixture, passes[p]);
      GtkWidget *widgets[] = {
        sc_workspace_new (vault),
        sc_overview_section_new (vault, fixture.round_id),
        sc_participation_section_new (vault, fixture.round_id),
      };

      for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
        {
          GtkWidget *window = gtk_window_new ();

          gtk_window_set_child (GTK_WINDOW (window), widgets[i]);
          gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
          gtk_window_present (GTK_WINDOW (window));
          wait_for_frame (widgets[i]);
          g_assert_true (gtk_widget_get_mapped (widgets[i]));
          g_object_ref (widgets[i]);
          destroy_window (window);
          g_assert_finalize_object (widgets[i]);
        }
      sc_vault_close (vault);
    }
  ws_teardown (&fixture, NULL);
}

static gboolean
interviews_idle (gpointer section)
{
  return !sc_interviews_section_get_busy (section);
}

static gboolean
view_idle (gpointer view)
{
  return !sc_result_view_get_busy (view);
}

/* A decision recorded in Results puts the person in Interviews at once: the sections list
 * again what another section changed (the Interviews list was filled only when the
 * workspace was built, so the person did not show). The interview steps are then saved
 * there, with a toast and an audit entry. */
static void
test_decision_reaches_interviews (ScApplication *app)
{
  ScWindow *window = get_window (app);
  ScWorkspace *workspace = unlock (window);
  ScVault *vault = sc_window_get_vault (window);
  GtkWidget *results = sc_workspace_get_section (workspace, SC_SECTION_RESULTS);
  GtkWidget *interviews = sc_workspace_get_section (workspace, SC_SECTION_INTERVIEWS);
  GtkWidget *view;
  guint n_before;

  g_assert_true (sc_workspace_show_section (workspace, SC_SECTION_INTERVIEWS));
  wait_for_frame (interviews);
  n_before = sc_interviews_section_get_n_people (SC_INTERVIEWS_SECTION (interviews));
  g_assert_false (sc_interviews_section_select (SC_INTERVIEWS_SECTION (interviews),
                                                fixture.sub[0]));

  g_assert_true (sc_workspace_show_section (workspace, SC_SECTION_RESULTS));
  g_assert_true (sc_results_section_open_result (SC_RESULTS_SECTION (results), fixture.sub[0]));
  view = sc_results_section_get_result_view (SC_RESULTS_SECTION (results));
  wait_for_frame (view);
  click (find_button (view, T ("Interview required")));
  click (find_button (view, T ("_Save Decision")));
  wait_until (view_idle, view);
  wait_until (shows_toast, (gpointer) T ("Decision saved"));
  g_assert_true (ws_audited (vault, "interview.decide", fixture.sub[0]));

  g_assert_true (sc_workspace_show_section (workspace, SC_SECTION_INTERVIEWS));
  wait_for_frame (interviews);
  g_assert_cmpuint (sc_interviews_section_get_n_people (SC_INTERVIEWS_SECTION (interviews)), ==,
                    n_before + 1);
  g_assert_true (sc_interviews_section_select (SC_INTERVIEWS_SECTION (interviews),
                                               fixture.sub[0]));

  /* The interview steps entered there are saved, with a toast and an audit entry. */
  type_text (find_entry_row (interviews, T ("Interview encouraged on")), fixture.today);
  type_text (find_entry_row (interviews, T ("Interview requested on")), fixture.today);
  type_text (find_entry_row (interviews, T ("Doctor")), "Dr. Yamada");
  click (find_button (interviews, T ("_Save Record")));
  wait_until (interviews_idle, interviews);
  wait_until (shows_toast, (gpointer) T ("Interview record saved"));
  g_assert_true (ws_audited (vault, "interview.record", fixture.sub[0]));

  /* Both changed screens at text scale 1.5: the person in Interviews (with the search
   * above the list) and the decision's radio buttons in the result view. */
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", 96 * 1024 * 3 / 2, NULL);
  wait_for_frame (interviews);
  assert_controls_named (interviews);
  save_screenshot (GTK_WIDGET (window), "workspace-interviews-person-scale-1.5");
  g_assert_true (sc_workspace_show_section (workspace, SC_SECTION_RESULTS));
  wait_for_frame (view);
  save_screenshot (GTK_WIDGET (window), "workspace-result-decision-scale-1.5");
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", 96 * 1024, NULL);

  destroy_window (window);
}

/* Ctrl+F (workspace.search) puts the focus in the search entry of the section shown. */
static GtkWidget *
search_in (ScWorkspace *workspace,
           const char  *id)
{
  GtkWidget *section = sc_workspace_get_section (workspace, id);
  GtkWidget *focus, *entry;

  g_assert_true (sc_workspace_show_section (workspace, id));
  wait_for_frame (section);
  gtk_widget_activate_action (GTK_WIDGET (workspace), "workspace.search", NULL);
  focus = gtk_root_get_focus (gtk_widget_get_root (section));
  g_assert_nonnull (focus);
  entry = GTK_IS_SEARCH_ENTRY (focus) ? focus
          : gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  g_assert_true (gtk_widget_is_ancestor (entry, section));
  return entry;
}

/* Every list section of the role has Ctrl+F; in Interviews it filters the people. */
static void
test_search (ScApplication *app)
{
  ScWindow *window = get_window (app);
  ScWorkspace *workspace = unlock (window);
  gboolean implementer = sc_workspace_get_section (workspace, SC_SECTION_RESULTS) != NULL;
  GtkWidget *entry, *list;
  guint n_shown = 0, n_rows = 0;

  search_in (workspace, SC_SECTION_PARTICIPATION);
  search_in (workspace, implementer ? SC_SECTION_RESULTS : SC_SECTION_SHARED_RESULTS);
  entry = search_in (workspace, SC_SECTION_INTERVIEWS);

  list = find_descendant (sc_workspace_get_section (workspace, SC_SECTION_INTERVIEWS),
                          GTK_TYPE_LIST_BOX);
  gtk_editable_set_text (GTK_EDITABLE (entry), "nobody has this name");
  g_signal_emit_by_name (entry, "search-changed");
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      n_rows++;
      n_shown += gtk_widget_get_child_visible (row);
    }
  g_assert_cmpuint (n_rows, >, 0);
  g_assert_cmpuint (n_shown, ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_signal_emit_by_name (entry, "search-changed");
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    g_assert_true (gtk_widget_get_child_visible (row));

  destroy_window (window);
}

#define ADD_TEST(path, func, pass) \
  G_STMT_START { \
    static const WsTest test = { func, pass }; \
    g_test_add_data_func ("/gui/workspace/" path, &test, run_ws_test); \
  } G_STMT_END

int
main (int   argc,
      char *argv[])
{
  test_gui_init (&argc, &argv);

  g_test_add_func ("/gui/workspace/widgets", test_widgets);
  ADD_TEST ("implementer", test_implementer, IMPL_PASS);
  ADD_TEST ("hr", test_hr, HR_PASS);
  ADD_TEST ("participation-implementer", test_participation, IMPL_PASS);
  ADD_TEST ("participation-hr", test_participation, HR_PASS);
  ADD_TEST ("lift-lockout", test_lift_lockout, IMPL_PASS);
  ADD_TEST ("close-round", test_close_round, IMPL_PASS);
  ADD_TEST ("narrow", test_narrow, IMPL_PASS);
  ADD_TEST ("decision-reaches-interviews", test_decision_reaches_interviews, IMPL_PASS);
  ADD_TEST ("search-implementer", test_search, IMPL_PASS);
  ADD_TEST ("search-hr", test_search, HR_PASS);

  return test_gui_run ();
}
