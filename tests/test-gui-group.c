/* test-gui-group.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Group Analysis section (issue 9) on a fixture vault with two rounds. This year:
 * 営業部 12 (men and women), 開発部 11 (men), 総務部 4 (fewer than 10) and 経理部 10
 * (hidden too, since with 総務部 subtracted from the total it would reveal 総務部); last
 * year 営業部 and 開発部 again. The implementer sees the table with the reasons in plain
 * words and last year's risks, chooses a row and sees its point ringed on the charts,
 * reads each chart's text alternative, switches the grouping, changes the chart
 * constants, and releases the analysis; HR then sees exactly the released snapshot and,
 * once it is withdrawn, nothing. A workplace of 4 gets the explanation instead of a
 * table. Screenshots (group-*.png) at 1024×768, 1920×1080 and text scale 1.5.
 */
#define G_LOG_DOMAIN "test-gui-group"

#include "config.h"

#include "sc-test-gui-util.h"
#include "sc-test-section.h"
#include <string.h>

#include "sc-test-workspace.h"
#include "sc-group-section.h"
#include "sc-constants-row.h"
#include "sc-vault-releases.h"

#define DPI_1_0 (96 * 1024)
#define DPI_1_5 (96 * 1024 * 3 / 2)

typedef struct
{
  char   *dir;
  char   *path;
  gint64  last_year;
  gint64  this_year;
} GroupFixture;

static void
add_people (GPtrArray  *roster,
            const char *department,
            ScSex       sex,
            guint       count)
{
  for (guint i = 0; i < count; i++)
    {
      ScEmployee *e = sc_employee_new ();

      e->number = g_strdup_printf ("G%04u", roster->len);
      e->name = g_strdup_printf ("Person %u", roster->len);
      e->sex = sex;
      e->department = g_strdup (department);
      e->active = TRUE;
      g_ptr_array_add (roster, e);
    }
}

/* Every roster entry of @department answers in @round. */
static void
answer (ScVault    *vault,
        GPtrArray  *roster,
        gint64      round,
        const char *department,
        guint       salt)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < roster->len; i++)
    {
      ScEmployee *e = g_ptr_array_index (roster, i);
      guint8 answers[SC_BJSQ_N_ITEMS];

      if (g_strcmp0 (e->department, department) != 0)
        continue;
      ws_answers (e->sex, (i + salt) % 3 == 0, i + salt, answers);
      g_assert_cmpint (sc_vault_submit (vault, round, e->number, answers, e->sex, NULL, &error),
                       >, 0);
      g_assert_no_error (error);
    }
}

static void
group_setup (GroupFixture  *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(GPtrArray) roster = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_employee_free);
  g_autofree char *start = ws_date_offset (-20);
  g_autofree char *end = ws_date_offset (20);

  f->dir = test_make_dir ();
  f->path = g_build_filename (f->dir, "group.scvault", NULL);
  vault = test_create_vault (f->path, NULL);
  g_assert_true (sc_vault_set_hr_passphrase (vault, HR_PASS, &error));
  add_people (roster, "営業部", SC_SEX_MALE, 6);
  add_people (roster, "営業部", SC_SEX_FEMALE, 6);
  add_people (roster, "開発部", SC_SEX_MALE, 11);
  add_people (roster, "総務部", SC_SEX_FEMALE, 4);
  add_people (roster, "経理部", SC_SEX_MALE, 10);
  g_assert_true (sc_vault_upsert_employees (vault, roster, &error));
  g_assert_no_error (error);

  f->last_year = sc_vault_create_round (vault, "2025", start, end, NULL, &error);
  g_assert_no_error (error);
  answer (vault, roster, f->last_year, "営業部", 1);
  answer (vault, roster, f->last_year, "開発部", 1);
  f->this_year = sc_vault_create_round (vault, "2026", start, end, NULL, &error);
  g_assert_no_error (error);
  for (guint d = 0; d < 4; d++)
    answer (vault, roster, f->this_year,
            (const char *[]) { "営業部", "開発部", "総務部", "経理部" }[d], 2);
  sc_vault_close (vault);
}

static void
group_teardown (GroupFixture  *f,
                gconstpointer  data)
{
  test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static ScVault *
open_vault (GroupFixture *f,
            const char   *passphrase)
{
  g_autoptr(GError) error = NULL;
  ScVault *vault = sc_vault_open (f->path, passphrase, SC_VAULT_OPEN_FLAGS_NONE, &error);

  g_assert_no_error (error);
  return vault;
}

static gboolean
section_idle (gpointer data)
{
  return !sc_group_section_get_busy (data);
}

static gboolean
constants_idle (gpointer data)
{
  return !sc_constants_row_get_busy (data);
}

/* A new section on @vault's round, shown in a 1024 × 768 window, once it is idle. */
static GtkWidget *
show_section (ScVault    *vault,
              gint64      round_id,
              GtkWindow **out_window)
{
  GtkWidget *section = sc_group_section_new (vault, round_id);

  watch_toasts (section);
  watch_finalize (section);
  *out_window = show_in_window (section, 1024, 768);
  wait_until (section_idle, section);
  return section;
}

/* Closes the window, checks the section is gone, closes the vault. */
static void
close_section (GtkWindow *window,
               ScVault  **vault)
{
  destroy_window (window);
  assert_watched_finalized ();
  sc_vault_close (*vault);
  g_clear_object (vault);
}

/* The row of the table labelled @label (as the core labels it). */
static guint
find_table_row (ScGroupTableView *view,
                const char       *label)
{
  for (guint i = 0; i < sc_group_table_view_get_n_rows (view); i++)
    {
      g_autofree char *text = sc_group_table_view_get_cell_text (view, i, SC_GROUP_COLUMN_GROUP);

      if (g_strcmp0 (text, label) == 0)
        return i;
    }
  g_error ("no row “%s”", label);
}

static char *
cell (ScGroupTableView *view,
      const char       *label,
      ScGroupColumn     column)
{
  return sc_group_table_view_get_cell_text (view, find_table_row (view, label), column);
}

/* Every cell of the table, one row a line, to compare what two screens show. */
static char *
table_text (ScGroupTableView *view)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < sc_group_table_view_get_n_rows (view); i++)
    {
      for (guint c = 0; c < SC_GROUP_N_COLUMNS; c++)
        {
          g_autofree char *text = sc_group_table_view_get_cell_text (view, i, c);

          g_string_append_printf (out, "%s|", text);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* Each chart's accessible description is the core's text alternative, with every point. */
static void
assert_charts_described (ScGroupSection *section)
{
  const ScGroupTable *table = sc_group_section_get_table (section);

  for (guint k = 0; k < 2; k++)
    for (guint s = 0; s < SC_N_SEXES; s++)
      {
        ScJudgementChart *chart = sc_group_section_get_chart (section, k, s);
        g_autoptr(GArray) points = sc_group_table_chart_points (table, k, s, NULL);
        g_autofree char *expected = sc_group_table_chart_text (table, k, s);
        const char *text = sc_judgement_chart_get_text (chart);
        g_autofree char *check = NULL;

        g_assert_cmpstr (text, ==, expected);
        check = gtk_test_accessible_check_property (GTK_ACCESSIBLE (chart),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text);
        g_assert_null (check);
        for (guint i = 0; i < points->len; i++)
          {
            const ScGroupChartPoint *p = &g_array_index (points, ScGroupChartPoint, i);
            g_autofree char *line = g_strdup_printf ("%s: x %.2f, y %.2f, risk %d", p->label,
                                                     p->x, p->y, sc_chart_risk_display (p->risk));

            g_assert_nonnull (strstr (text, line));
          }
      }
}

/* Whether a drawable label of @widget contains @text. */
static gboolean
label_contains (GtkWidget  *widget,
                const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_descendants (widget, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_is_drawable (g_ptr_array_index (labels, i))
        && strstr (gtk_label_get_text (g_ptr_array_index (labels, i)), text) != NULL)
      return TRUE;
  return FALSE;
}

static void
scroll_to (GtkWidget *section,
           GtkWidget *target)
{
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (find_descendant (section,
                                                                      GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (scrolled);
  graphene_point_t point;

  wait_for_frame (section);
  g_assert_true (gtk_widget_compute_point (target,
                                           GTK_WIDGET (gtk_scrolled_window_get_child (scrolled)),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adj, point.y);
  wait_for_frame (section);
}

static void
on_print_release_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  *(gint64 *) user_data = g_variant_get_int64 (parameter);
}

static void
test_group_implementer_and_hr (GroupFixture  *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = open_vault (f, IMPL_PASS);
  g_autofree char *released_text = NULL;
  g_autofree char *reason = NULL;
  GtkWidget *section;
  ScGroupSection *group;
  ScGroupTableView *view;
  GtkWindow *window;
  gint64 release_id;

  section = show_section (vault, f->this_year, &window);
  group = SC_GROUP_SECTION (section);
  view = sc_group_section_get_table_view (group);
  g_assert_cmpstr (sc_group_section_get_page (group), ==, "analysis");
  /* The reference, the whole workplace and the four departments; the shown ones first. */
  g_assert_cmpuint (sc_group_table_view_get_n_rows (view), ==, 6);
  {
    g_autofree char *first = sc_group_table_view_get_cell_text (view, 0, SC_GROUP_COLUMN_TOTAL);
    g_autofree char *n = cell (view, T("Whole workplace"), SC_GROUP_COLUMN_N);

    g_assert_cmpstr (first, ==, "100");
    g_assert_cmpstr (n, ==, "37");
  }
  /* The small group and the one hidden by the differencing rule say why, without figures. */
  reason = g_strdup_printf (T("Not shown: fewer than %u respondents"), 10);
  {
    g_autofree char *note = cell (view, "総務部", SC_GROUP_COLUMN_NOTE);
    g_autofree char *risk = cell (view, "総務部", SC_GROUP_COLUMN_TOTAL);
    g_autofree char *diff = g_strdup_printf (T("Not shown: would reveal a group under %u when "
                                               "subtracted from the total (%s)"), 10, "総務部");
    g_autofree char *note2 = cell (view, "経理部", SC_GROUP_COLUMN_NOTE);
    g_autofree char *scale = cell (view, "経理部", SC_GROUP_COLUMN_SCALE + 3);

    g_assert_cmpstr (note, ==, reason);
    g_assert_cmpstr (risk, ==, "—");
    g_assert_cmpstr (note2, ==, diff);
    g_assert_cmpstr (scale, ==, "—");
  }
  /* Year on year: 営業部 and 開発部 were shown last year too. */
  {
    g_autofree char *last = cell (view, "開発部", SC_GROUP_COLUMN_LAST_YEAR);
    g_autofree char *change = cell (view, "開発部", SC_GROUP_COLUMN_CHANGE);

    g_assert_cmpstr (last, !=, "—");
    g_assert_nonnull (strchr (change, '/'));
    g_assert_true (gtk_widget_get_visible (find_descendant (section, GTK_TYPE_SWITCH)));
    gtk_switch_set_active (GTK_SWITCH (find_descendant (section, GTK_TYPE_SWITCH)), TRUE);
  }
  assert_charts_described (group);

  /* Choosing a row rings its point on the charts. */
  sc_group_table_view_select (view, find_table_row (view, "開発部"));
  g_assert_cmpstr (sc_judgement_chart_get_highlight (sc_group_section_get_chart (
                     group, SC_CHART_DEMAND_CONTROL, SC_SEX_MALE)), ==, "開発部");
  g_assert_true (sc_judgement_chart_has_point (sc_group_section_get_chart (
                   group, SC_CHART_SUPPORT, SC_SEX_MALE), "開発部"));
  g_assert_false (sc_judgement_chart_has_point (sc_group_section_get_chart (
                    group, SC_CHART_SUPPORT, SC_SEX_MALE), "総務部"));
  assert_controls_named (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "group-1024x768");
  scroll_to (section, GTK_WIDGET (sc_group_section_get_chart (group, SC_CHART_DEMAND_CONTROL,
                                                              SC_SEX_MALE)));
  save_screenshot (GTK_WIDGET (window), "group-charts-1024x768");

  /* Another grouping: by sex. */
  sc_group_section_set_grouping (group, SC_GROUP_BY_SEX, SC_GROUP_BY_WHOLE);
  wait_until (section_idle, section);
  g_assert_cmpint (sc_group_table_get_grouping (sc_group_section_get_table (group))->by, ==,
                   SC_GROUP_BY_SEX);
  g_assert_cmpuint (sc_group_table_view_get_n_rows (view), ==, 4);
  assert_charts_described (group);

  /* Crossed: department × sex. */
  sc_group_section_set_grouping (group, SC_GROUP_BY_DEPARTMENT, SC_GROUP_BY_SEX);
  wait_until (section_idle, section);
  g_assert_cmpint (sc_group_table_get_grouping (sc_group_section_get_table (group))->cross, ==,
                   SC_GROUP_BY_SEX);

  /* The chart constants: a bad file is refused with the reason, a built-in set is stored. */
  {
    ScConstantsRow *row = SC_CONSTANTS_ROW (find_descendant (section, SC_TYPE_CONSTANTS_ROW));
    g_autofree char *setting = NULL;

    forget_toast ();
    g_assert_false (sc_constants_row_load_data (row, "{\"id\":\"x\"}", 10));
    /* The core's words name what is missing. */
    g_assert_nonnull (get_last_toast ());
    g_assert_nonnull (strstr (get_last_toast (), "name"));
    forget_toast ();
    sc_constants_row_choose_builtin (row, "legacy");
    wait_until (constants_idle, row);
    wait_until (section_idle, section);
    setting = sc_vault_get_setting (vault, SC_VAULT_SETTING_CHART_CONSTANTS, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (setting, ==, "legacy");
    g_assert_cmpstr (sc_group_table_get_constants (sc_group_section_get_table (group))->id, ==,
                     "legacy");
    g_assert_true (ws_audited (vault, "settings.set." SC_VAULT_SETTING_CHART_CONSTANTS, 0));
    sc_constants_row_choose_builtin (row, "set-a");
    wait_until (constants_idle, row);
    wait_until (section_idle, section);
  }

  /* Back to departments, and release it to HR. */
  sc_group_section_set_grouping (group, SC_GROUP_BY_DEPARTMENT, SC_GROUP_BY_WHOLE);
  wait_until (section_idle, section);
  released_text = table_text (view);
  forget_toast ();
  /* "Release to HR…": the dialog asks for a title (proposed) and the name shown to HR. */
  click (find_button (section, T("_Release to HR…")));
  {
    GtkWindow *dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    AdwEntryRow *title = find_entry_row (GTK_WIDGET (dialog), T("Title"));

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, T("by department"));
    set_text (title, "2026 by department");
    set_text (find_entry_row (GTK_WIDGET (dialog), T("Your name")), "Dr. Sato");
    assert_controls_named (GTK_WIDGET (dialog));
    save_screenshot (GTK_WIDGET (dialog), "group-release-dialog");
    gtk_widget_activate (GTK_WIDGET (find_button (GTK_WIDGET (dialog), T("_Release"))));
  }
  wait_until (toast_arrived, NULL);
  wait_until (section_idle, section);
  g_assert_cmpstr (get_last_toast (), ==, T("Released to HR"));
  g_assert_cmpuint (sc_group_section_get_releases (group)->len, ==, 1);
  release_id = ((ScVaultRelease *) g_ptr_array_index (sc_group_section_get_releases (group),
                                                      0))->id;
  g_assert_true (ws_audited (vault, "analysis.release", release_id));
  g_assert_nonnull (find_button (section, T("_Withdraw")));

  window = move_to_window (window, section, 1920, 1080);
  save_screenshot (GTK_WIDGET (window), "group-1920x1080");
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", DPI_1_5, NULL);
  wait_for_frame (section);
  save_screenshot (GTK_WIDGET (window), "group-1920x1080-text-1.5");
  window = move_to_window (window, section, 1024, 768);
  save_screenshot (GTK_WIDGET (window), "group-1024x768-text-1.5");
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", DPI_1_0, NULL);
  close_section (window, &vault);

  /* HR: exactly the released snapshot, read-only, with the date and who released it. */
  vault = open_vault (f, HR_PASS);
  section = show_section (vault, f->this_year, &window);
  group = SC_GROUP_SECTION (section);
  view = sc_group_section_get_table_view (group);
  g_assert_cmpstr (sc_group_section_get_page (group), ==, "analysis");
  g_assert_cmpuint (sc_group_section_get_releases (group)->len, ==, 1);
  {
    g_autofree char *seen = table_text (view);

    g_assert_cmpstr (seen, ==, released_text);
  }
  g_assert_true (label_contains (section, "Dr. Sato"));
  g_assert_null (find_button (section, T("_Withdraw")));
  /* "Print…" asks the workspace for Reports with this release. */
  {
    g_autoptr(GSimpleActionGroup) actions = g_simple_action_group_new ();
    g_autoptr(GSimpleAction) print = g_simple_action_new ("print-release", G_VARIANT_TYPE_INT64);
    gint64 asked = 0;
    const ScVaultRelease *shown = g_ptr_array_index (sc_group_section_get_releases (group), 0);

    g_signal_connect (print, "activate", G_CALLBACK (on_print_release_cb), &asked);
    g_action_map_add_action (G_ACTION_MAP (actions), G_ACTION (print));
    gtk_widget_insert_action_group (GTK_WIDGET (window), "workspace", G_ACTION_GROUP (actions));
    click (find_button (section, T("_Print…")));
    g_assert_cmpint (asked, ==, shown->id);
    gtk_widget_insert_action_group (GTK_WIDGET (window), "workspace", NULL);
  }
  {
    GtkButton *release = find_button (section, T("_Release to HR…"));

    g_assert_true (release == NULL || !gtk_widget_is_drawable (GTK_WIDGET (release)));
  }
  assert_charts_described (group);
  assert_controls_named (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "group-hr-1024x768");
  close_section (window, &vault);

  /* The implementer withdraws it; HR sees nothing. */
  vault = open_vault (f, IMPL_PASS);
  section = show_section (vault, f->this_year, &window);
  group = SC_GROUP_SECTION (section);
  forget_toast ();
  /* "Withdraw" asks first. */
  click (find_button (section, T("_Withdraw")));
  {
    GtkWindow *dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);

    save_screenshot (GTK_WIDGET (dialog), "group-withdraw-dialog");
    gtk_widget_activate (GTK_WIDGET (find_button (GTK_WIDGET (dialog), T("_Withdraw"))));
  }
  wait_until (toast_arrived, NULL);
  wait_until (section_idle, section);
  g_assert_cmpstr (get_last_toast (), ==, T("Release withdrawn: HR no longer sees it"));
  g_assert_true (ws_audited (vault, "analysis.withdraw", release_id));
  close_section (window, &vault);

  vault = open_vault (f, HR_PASS);
  section = show_section (vault, f->this_year, &window);
  group = SC_GROUP_SECTION (section);
  g_assert_cmpuint (sc_group_section_get_releases (group)->len, ==, 0);
  g_assert_cmpstr (sc_group_section_get_page (group), ==, "message");
  g_assert_null (sc_group_section_get_table (group));
  save_screenshot (GTK_WIDGET (window), "group-hr-nothing-1024x768");
  close_section (window, &vault);
}

/* A workplace of four: no table, the explanation and what to do. */
static void
test_group_too_few (WsFixture     *f,
                    gconstpointer  data)
{
  ScVault *vault = ws_open (f, IMPL_PASS);
  GtkWindow *window;
  GtkWidget *section = show_section (vault, f->round_id, &window);

  g_assert_cmpstr (sc_group_section_get_page (SC_GROUP_SECTION (section)), ==, "message");
  g_assert_true (shows_label (section, T("Too Few Respondents for an Analysis")));
  assert_controls_named (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "group-too-few-1024x768");
  close_section (window, &vault);
}

int
main (int   argc,
      char *argv[])
{
  test_gui_init (&argc, &argv);

  g_test_add ("/group/implementer-and-hr", GroupFixture, NULL, group_setup,
              test_group_implementer_and_hr, group_teardown);
  g_test_add ("/group/too-few", WsFixture, NULL, ws_setup, test_group_too_few, ws_teardown);

  return test_gui_run ();
}
