/* test-gui-results.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Results section, the individual result and the paper entry dialog (issue 8 §4, §6)
 * on the workspace test round (test-workspace-common.h: four submissions, people 0 and 3
 * high stress, 0 consented, 1 refused, 3 asked for an interview). The implementer's list
 * is sorted, filtered and searched; a high-stress person is opened and the decision
 * recorded (vault changed, toast); a double entry that disagrees names every mismatch and
 * saves nothing, refusals change nothing, a matching entry is saved and the paper consent
 * recorded after the hand-over. HR sees the shared results only, read-only, and no trace of
 * the person who refused. Screenshots at 1024×768 and 1920×1080 (results-*.png).
 */
#define G_LOG_DOMAIN "test-gui-results"

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

#include "sc-paper-entry-dialog.h"
#include "sc-result-format.h"
#include "sc-result-view.h"
#include "sc-results-section.h"

/* ---- Helpers ------------------------------------------------------------------------ */

static gint64 last_saved_id;

static GtkToggleButton *
find_toggle (GtkWidget  *widget,
             const char *label)
{
  g_autoptr(GPtrArray) toggles = g_ptr_array_new ();

  collect_descendants (widget, GTK_TYPE_TOGGLE_BUTTON, toggles);
  for (guint i = 0; i < toggles->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (toggles, i)), label) == 0)
      return g_ptr_array_index (toggles, i);
  g_error ("no toggle “%s”", label);
}

typedef struct
{
  GListModel *model;
  guint       n;
} CountWait;

static gboolean
model_has_n (gpointer data)
{
  CountWait *wait = data;

  return g_list_model_get_n_items (wait->model) == wait->n;
}

static void
wait_for_n_rows (ScResultsSection *section,
                 guint             n)
{
  CountWait wait = { sc_results_section_get_model (section), n };

  wait_until (model_has_n, &wait);
}

static guint
n_matching (WsFixture          *f,
            ScVault            *vault,
            ScResultFilterFlags flags)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = sc_vault_list_results (vault, f->round_id, &error);
  g_autoptr(GPtrArray) matching = NULL;

  g_assert_no_error (error);
  matching = sc_result_rows_filter (rows, flags, NULL);
  return matching->len;
}

static GtkColumnViewColumn *
find_column (GtkWidget  *widget,
             const char *title)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (find_descendant (widget, GTK_TYPE_COLUMN_VIEW));
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;  /* the view keeps it alive */
    }
  g_error ("no column “%s”", title);
}

static void
sort_by (GtkWidget  *section,
         const char *title,
         GtkSortType order)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (find_descendant (section, GTK_TYPE_COLUMN_VIEW));

  gtk_column_view_sort_by_column (view, find_column (section, title), order);
  iterate_until_idle ();
}

static gboolean
view_idle (gpointer data)
{
  return !sc_result_view_get_busy (data);
}

/* ---- The implementer's list --------------------------------------------------------- */

static void
test_results_implementer (WsFixture     *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = ws_open (f, IMPL_PASS);
  GtkWidget *section = sc_results_section_new (vault, f->round_id);
  ScResultsSection *results = SC_RESULTS_SECTION (section);
  GListModel *model = sc_results_section_get_model (results);
  GtkWindow *window;
  GtkWidget *view;
  ScInterviewDecision decision = { 0 };
  guint high = n_matching (f, vault, SC_RESULT_FILTER_HIGH_STRESS);

  forget_toast ();
  watch_toasts (section);
  watch_finalize (section);
  window = show_in_window (section, 1024, 768);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_assert_true (shows_label (section, test_people[0].name));
  assert_controls_named (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "results-1024x768");

  /* Sort by number, both ways, and by verdict: high stress first when descending. */
  sort_by (section, T("Number"), GTK_SORT_DESCENDING);
  g_assert_cmpstr (sc_results_section_get_row (results, 0)->number, ==, test_people[3].number);
  sort_by (section, T("Number"), GTK_SORT_ASCENDING);
  g_assert_cmpstr (sc_results_section_get_row (results, 0)->number, ==, test_people[0].number);
  sort_by (section, T("Verdict"), GTK_SORT_DESCENDING);
  g_assert_cmpuint (high, ==, 2);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpint (sc_results_section_get_row (results, i)->verdict == SC_VERDICT_HIGH, ==,
                     i < high);
  sort_by (section, T("Age"), GTK_SORT_ASCENDING);
  for (guint i = 1; i < 4; i++)
    g_assert_cmpint (sc_results_section_get_row (results, i - 1)->age, <=,
                     sc_results_section_get_row (results, i)->age);

  /* Each filter shows what the core's filter keeps. */
  {
    const struct { const char *label; ScResultFilterFlags flag; } filters[] = {
      { "_High Stress", SC_RESULT_FILTER_HIGH_STRESS },
      { "_Incomplete", SC_RESULT_FILTER_INCOMPLETE },
      { "Decision _Pending", SC_RESULT_FILTER_DECISION_PENDING },
      { "_Consented", SC_RESULT_FILTER_CONSENTED },
      { "Interview _Requested", SC_RESULT_FILTER_REQUESTED },
    };

    for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
      {
        GtkToggleButton *toggle = find_toggle (section, T(filters[i].label));

        gtk_toggle_button_set_active (toggle, TRUE);
        g_assert_cmpuint (g_list_model_get_n_items (model), ==,
                          n_matching (f, vault, filters[i].flag));
        if (filters[i].flag == SC_RESULT_FILTER_HIGH_STRESS)
          {
            g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
            save_screenshot (GTK_WIDGET (window), "results-high-stress");
          }
        if (filters[i].flag == SC_RESULT_FILTER_REQUESTED)
          {
            g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
            g_assert_cmpint (sc_results_section_get_row (results, 0)->submission_id, ==, f->sub[3]);
          }
        gtk_toggle_button_set_active (toggle, FALSE);
        g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
      }
  }

  /* Search by number, then by name; Ctrl+F's target is the search entry. */
  {
    GtkWidget *search = find_descendant (section, GTK_TYPE_SEARCH_ENTRY);

    gtk_widget_grab_focus (find_descendant (section, GTK_TYPE_COLUMN_VIEW));
    g_assert_false (has_focus (search));
    g_assert_true (gtk_widget_activate_action (section, "results.search", NULL));
    g_assert_true (has_focus (search));
    type_text (search, test_people[1].number);
    wait_for_n_rows (results, 1);
    g_assert_cmpstr (sc_results_section_get_row (results, 0)->number, ==, test_people[1].number);
    set_text (search, test_people[2].name);
    wait_for_n_rows (results, 1);
    g_assert_cmpstr (sc_results_section_get_row (results, 0)->name, ==, test_people[2].name);
    set_text (search, "no such person");
    wait_for_n_rows (results, 0);
    set_text (search, "");
    wait_for_n_rows (results, 4);
  }

  /* Open the high-stress person 0 by activating the row. */
  sort_by (section, T("Number"), GTK_SORT_ASCENDING);
  g_signal_emit_by_name (find_descendant (section, GTK_TYPE_COLUMN_VIEW), "activate", 0);
  view = sc_results_section_get_result_view (results);
  g_assert_true (SC_IS_RESULT_VIEW (view));
  watch_finalize (view);
  g_assert_cmpint (sc_result_view_get_submission_id (SC_RESULT_VIEW (view)), ==, f->sub[0]);
  g_assert_false (sc_result_view_get_hr_mode (SC_RESULT_VIEW (view)));
  wait_for_frame (view);
  {
    g_autofree char *title = g_strdup_printf (T("%s (%s)"), test_people[0].name,
                                              test_people[0].number);

    g_assert_true (shows_label (view, title));
  }
  /* 19 scales, 4 sections of answers, both criteria. */
  g_assert_true (shows_label (view, T("Criteria example 1 (sums)")));
  /* A section's answers are laid out when it is opened. */
  {
    AdwExpanderRow *answers = ADW_EXPANDER_ROW (find_descendant (view, ADW_TYPE_EXPANDER_ROW));
    GtkLabel *text = find_label_with_class (view, "monospace");

    g_assert_nonnull (answers);
    g_assert_nonnull (text);
    g_assert_cmpstr (gtk_label_get_text (text), ==, "");
    adw_expander_row_set_expanded (answers, TRUE);
    g_assert_nonnull (strchr (gtk_label_get_text (text), '\n'));
    adw_expander_row_set_expanded (answers, FALSE);
    g_assert_cmpstr (gtk_label_get_text (text), ==, "");
  }
  assert_controls_named (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "results-person-1024x768");

  /* At text scale 1.5 the decision is below the fold of a 1024×768 window: the page
   * scrolls to it, and all of it is then in view. */
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", 96 * 1024 * 3 / 2, NULL);
  iterate_until_idle ();
  wait_for_frame (GTK_WIDGET (window));
  sc_result_view_scroll_to_decision (SC_RESULT_VIEW (view));
  wait_for_frame (GTK_WIDGET (window));
  {
    GtkWidget *save = GTK_WIDGET (find_button (view, T("_Save Decision")));
    GtkWidget *required = GTK_WIDGET (find_toggle (view, T("Interview required")));
    graphene_rect_t view_bounds, save_bounds, required_bounds;

    g_assert_true (gtk_widget_compute_bounds (view, GTK_WIDGET (window), &view_bounds));
    g_assert_true (gtk_widget_compute_bounds (save, GTK_WIDGET (window), &save_bounds));
    g_assert_true (gtk_widget_compute_bounds (required, GTK_WIDGET (window), &required_bounds));
    g_assert_cmpfloat (required_bounds.origin.y, >=, view_bounds.origin.y);
    g_assert_cmpfloat (save_bounds.origin.y + save_bounds.size.height, <=,
                       view_bounds.origin.y + view_bounds.size.height);
  }
  save_screenshot (GTK_WIDGET (window), "results-person-decision-1024x768-scale1.5");
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", 96 * 1024, NULL);
  iterate_until_idle ();
  wait_for_frame (GTK_WIDGET (window));

  /* Decide: interview required, with a note. */
  /* The choice is a pair of radio buttons that are buttons (an AT-SPI action each). */
  {
    GtkToggleButton *required = find_toggle (view, T("Interview required"));
    GtkToggleButton *not_required = find_toggle (view, T("Interview not required"));

    g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (required)), ==,
                     GTK_ACCESSIBLE_ROLE_RADIO);
    g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (not_required)), ==,
                     GTK_ACCESSIBLE_ROLE_RADIO);
    gtk_toggle_button_set_active (not_required, TRUE);
    gtk_toggle_button_set_active (required, TRUE);
    g_assert_false (gtk_toggle_button_get_active (not_required));
  }
  type_text (find_entry_row (view, T("Note")), "see within two weeks");
  click (find_button (view, T("_Save Decision")));
  wait_until (toast_arrived, NULL);
  wait_until (view_idle, view);
  g_assert_cmpstr (get_last_toast (), ==, T("Decision saved"));
  g_assert_true (ws_audited (vault, "interview.decide", f->sub[0]));
  g_assert_true (sc_vault_get_interview_decision (vault, f->sub[0], &decision, &error));
  g_assert_no_error (error);
  g_assert_cmpint (decision.need, ==, SC_INTERVIEW_NEED_REQUIRED);
  g_assert_cmpstr (decision.note, ==, "see within two weeks");
  g_assert_cmpstr (decision.decided_by, ==, sc_result_current_person ());
  g_assert_cmpint (decision.decided_at, >, 0);
  /* The view shows who decided and when, and the list the decision. */
  {
    g_autofree char *when = sc_result_format_time (decision.decided_at);
    g_autofree char *who = g_strdup_printf (T("Decided by %s on %s"), sc_result_current_person (),
                                            when);

    g_assert_true (shows_label (view, who));
  }
  sc_results_section_show_list (results);
  g_assert_cmpint (sc_results_section_get_row (results, 0)->decision.need, ==,
                   SC_INTERVIEW_NEED_REQUIRED);
  g_assert_true (shows_label (section, T("Interview required")));
  sc_interview_decision_clear (&decision);

  /* The paper-entry button opens the dialog over the section's window. */
  click (find_button (section, T("_Enter Paper Form…")));
  {
    GtkWindow *dialog = wait_for_toplevel (SC_TYPE_PAPER_ENTRY_DIALOG);

    g_assert_true (gtk_window_get_transient_for (dialog) == window);
    g_assert_true (gtk_window_get_modal (dialog));
    destroy_window (dialog);
  }

  window = move_to_window (window, section, 1920, 1080);
  save_screenshot (GTK_WIDGET (window), "results-1920x1080");
  /* The next result opened reuses the view (its rows are built once), and shows that
   * person only. */
  {
    GtkWidget *before = view;
    g_autofree char *title = g_strdup_printf (T("%s (%s)"), test_people[3].name,
                                              test_people[3].number);
    g_autofree char *old_title = g_strdup_printf (T("%s (%s)"), test_people[0].name,
                                                  test_people[0].number);
    AdwExpanderRow *answers = ADW_EXPANDER_ROW (find_descendant (view, ADW_TYPE_EXPANDER_ROW));

    adw_expander_row_set_expanded (answers, TRUE);
    sc_results_section_open_result (results, f->sub[3]);
    view = sc_results_section_get_result_view (results);
    g_assert_true (view == before);
    g_assert_cmpint (sc_result_view_get_submission_id (SC_RESULT_VIEW (view)), ==, f->sub[3]);
    wait_for_frame (view);
    g_assert_true (shows_label (view, title));
    g_assert_false (shows_label (view, old_title));
    g_assert_true (ADW_EXPANDER_ROW (find_descendant (view, ADW_TYPE_EXPANDER_ROW)) == answers);
    g_assert_false (adw_expander_row_get_expanded (answers));
    g_assert_cmpstr (gtk_label_get_text (find_label_with_class (view, "monospace")), ==, "");
  }
  save_screenshot (GTK_WIDGET (window), "results-person-1920x1080");

  destroy_window (window);
  assert_watched_finalized ();
}

/* ---- HR ------------------------------------------------------------------------------ */

static void
test_results_hr (WsFixture     *f,
                 gconstpointer  data)
{
  g_autoptr(ScVault) vault = ws_open (f, HR_PASS);
  GtkWidget *section = sc_results_section_new (vault, f->round_id);
  ScResultsSection *results = SC_RESULTS_SECTION (section);
  GListModel *model = sc_results_section_get_model (results);
  GtkWindow *window;
  GtkWidget *view;

  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_HR);
  watch_finalize (section);
  window = show_in_window (section, 1024, 768);

  /* Only the shared results: 0 consented, 3 asked for an interview. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      const ScResultRow *row = sc_results_section_get_row (results, i);

      g_assert_true (row->submission_id == f->sub[0] || row->submission_id == f->sub[3]);
    }
  /* No trace of person 1, who refused, nor of person 2, who did not decide. */
  g_assert_false (shows_label (GTK_WIDGET (window), test_people[1].name));
  g_assert_false (shows_label (GTK_WIDGET (window), test_people[1].number));
  g_assert_false (shows_label (GTK_WIDGET (window), test_people[2].name));
  type_text (find_descendant (section, GTK_TYPE_SEARCH_ENTRY), test_people[1].number);
  wait_for_n_rows (results, 0);
  set_text (find_descendant (section, GTK_TYPE_SEARCH_ENTRY), "");
  wait_for_n_rows (results, 2);
  /* HR has no decision and enters no paper forms. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (find_toggle (section, T("Decision _Pending")))));
  g_assert_nonnull (find_button (section, T("_Enter Paper Form…")));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (find_button (section, T("_Enter Paper Form…")))));
  assert_controls_named (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "results-hr-1024x768");

  /* The individual result, read-only and without answers or decision. */
  sc_results_section_open_result (results, f->sub[0]);
  view = sc_results_section_get_result_view (results);
  watch_finalize (view);
  wait_for_frame (view);
  g_assert_true (sc_result_view_get_hr_mode (SC_RESULT_VIEW (view)));
  g_assert_false (shows_label (view, T("Interview required")));
  g_assert_nonnull (find_button (view, T("_Save Decision")));
  g_assert_false (gtk_widget_is_drawable (GTK_WIDGET (find_button (view, T("_Save Decision")))));
  /* The answers are never read with HR's key: no answer list is built at all. */
  g_assert_null (find_label_with_class (view, "monospace"));
  g_assert_true (shows_label (view, T("Criteria example 1 (sums)")));
  save_screenshot (GTK_WIDGET (window), "results-hr-person");

  /* The refused result cannot be opened at all: the core refuses, nothing is shown. */
  sc_results_section_open_result (results, f->sub[1]);
  view = sc_results_section_get_result_view (results);
  watch_finalize (view);
  wait_for_frame (view);
  g_assert_false (shows_label (GTK_WIDGET (window), test_people[1].name));

  window = move_to_window (window, section, 1920, 1080);
  sc_results_section_show_list (results);
  save_screenshot (GTK_WIDGET (window), "results-hr-1920x1080");
  destroy_window (window);
  assert_watched_finalized ();
}

/* ---- Paper entry ---------------------------------------------------------------------- */

static void
on_saved_cb (GtkWidget *dialog,
             gint64     submission_id,
             gpointer   user_data)
{
  last_saved_id = submission_id;
}

static gboolean
window_active (gpointer data)
{
  return gtk_window_is_active (data);
}

static gboolean
dialog_idle (gpointer data)
{
  return !sc_paper_entry_dialog_get_busy (data);
}

static gboolean
saved_arrived (gpointer data)
{
  return last_saved_id != 0;
}

/* Types @answers into the four fields of @pass (0 or 1). */
static void
type_pass (GtkWidget    *dialog,
           guint         pass,
           const guint8  answers[SC_BJSQ_N_ITEMS])
{
  for (guint section = 0; section < SC_BJSQ_N_SECTIONS; section++)
    {
      const ScSectionInfo *info = sc_bjsq_section (section);
      GtkWidget *row = find_nth_descendant (dialog, ADW_TYPE_ENTRY_ROW, 2 + pass * 4 + section);
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < info->n_items; i++)
        g_string_append_c (text, answers[info->first_item + i]
                                 ? '0' + answers[info->first_item + i] : '-');
      set_text (row, text->str);
    }
}

static guint
n_submissions (WsFixture *f,
               ScVault   *vault)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) subs = sc_vault_list_submissions (vault, f->round_id, &error);

  g_assert_no_error (error);
  return subs->len;
}

/* Saves, expects a refusal that says @expected (in the user's language), and checks that
 * nothing was saved. */
static void
save_and_expect_refusal (GtkWidget  *dialog,
                         WsFixture  *f,
                         ScVault    *vault,
                         const char *expected)
{
  const char *message;

  click (find_button (dialog, T("_Save Form")));
  wait_until (dialog_idle, dialog);
  iterate_until_idle ();
  message = sc_paper_entry_dialog_get_message (SC_PAPER_ENTRY_DIALOG (dialog));
  g_test_message ("refused: %s", message);
  g_assert_cmpstr (message, !=, "");
  g_assert_nonnull (strstr (message, expected));
  g_assert_true (shows_label (dialog, message));
  g_assert_cmpuint (n_submissions (f, vault), ==, 4);
  g_assert_cmpint (last_saved_id, ==, 0);
}

static void
test_paper_entry (WsFixture     *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = ws_open (f, IMPL_PASS);
  GtkWidget *dialog = sc_paper_entry_dialog_new (vault, f->round_id);
  g_autoptr(ScResultRow) row = NULL;
  guint8 answers[SC_BJSQ_N_ITEMS];
  guint8 typo[SC_BJSQ_N_ITEMS];
  const char *message;
  GtkWidget *section;
  GtkWindow *window;
  GtkWidget *view;

  last_saved_id = 0;
  ws_answers (SC_SEX_MALE, TRUE, 9, answers);
  answers[56] = SC_ANSWER_MISSING;                /* D2 left empty on the form */
  memcpy (typo, answers, sizeof typo);
  typo[2] = answers[2] == 1 ? 2 : 1;              /* A3 */
  typo[47] = answers[47] == 4 ? 3 : 4;            /* C2 */

  g_signal_connect (dialog, "saved", G_CALLBACK (on_saved_cb), NULL);
  watch_finalize (dialog);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 1024, 768);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_for_frame (dialog);
  assert_controls_named (dialog);

  /* A full section field hands the keyboard to the next one: one stream of digits. */
  {
    GtkWidget *a = find_nth_descendant (dialog, ADW_TYPE_ENTRY_ROW, 2);
    GtkWidget *b = find_nth_descendant (dialog, ADW_TYPE_ENTRY_ROW, 3);

    /* Focus moves only in the active window: wait until the display says it is. */
    wait_until (window_active, dialog);
    gtk_widget_grab_focus (a);
    g_assert_true (has_focus (a));
    type_text (a, "1234123412341234");
    g_assert_true (has_focus (a));
    {
      int position = -1;

      gtk_editable_insert_text (GTK_EDITABLE (a), "1", 1, &position);
      iterate_until_idle ();
    }
    g_assert_true (has_focus (b));
  }

  /* The passes disagree on A3 and C2: both named, with both values, nothing saved. */
  type_text (find_entry_row (dialog, T("Employee number")), "X000001");
  type_pass (dialog, 0, answers);
  type_pass (dialog, 1, typo);
  save_and_expect_refusal (dialog, f, vault, "A3");
  message = sc_paper_entry_dialog_get_message (SC_PAPER_ENTRY_DIALOG (dialog));
  g_assert_nonnull (strstr (message, "A3"));
  g_assert_nonnull (strstr (message, "C2"));
  /* The list under the passes names each item with both values. */
  {
    g_autofree char *first = g_strdup_printf ("%u", answers[2]);
    g_autofree char *second = g_strdup_printf ("%u", typo[2]);
    g_autofree char *first_c2 = g_strdup_printf ("%u", answers[47]);
    g_autofree char *second_c2 = g_strdup_printf ("%u", typo[47]);
    g_autofree char *a3 = g_strdup_printf (T("%s: %s / %s"), "A3", first, second);
    g_autofree char *c2 = g_strdup_printf (T("%s: %s / %s"), "C2", first_c2, second_c2);
    g_autofree char *expected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%u mismatch (first / second pass): %s",
                                                              "%u mismatches (first / second pass): %s",
                                                              2), 2, "");
    g_autofree char *list = g_strdup_printf ("%s%s, %s", expected, a3, c2);

    g_assert_true (shows_label (dialog, list));
  }
  /* The missing D2 is flagged, not refused. */
  {
    g_autofree char *missing = g_strdup_printf (T("No answer (allowed, flagged for review): %s"),
                                                "D2");

    g_assert_true (shows_label (dialog, missing));
  }
  save_screenshot (dialog, "results-paper-mismatch");

  /* Passes agree now; the core refuses an unknown number, a second submission and a date
   * outside the round, each with a message, and nothing changes. */
  type_pass (dialog, 1, answers);
  {
    g_autofree char *unknown = g_strdup_printf (T("No employee with the number %s is on the "
                                                  "roster."), "NOBODY-1");
    g_autofree char *again = g_strdup_printf (T("Employee %s has already answered in this "
                                                "round."), test_people[0].number);
    g_autofree char *outside = g_strdup_printf (T("The date %s is outside this round (%s to "
                                                  "%s)."), "2001-01-01", f->period_start,
                                                f->period_end);

    set_text (find_entry_row (dialog, T("Employee number")), "NOBODY-1");
    save_and_expect_refusal (dialog, f, vault, unknown);
    set_text (find_entry_row (dialog, T("Employee number")), test_people[0].number);
    save_and_expect_refusal (dialog, f, vault, again);
    set_text (find_entry_row (dialog, T("Employee number")), "X000001");
    set_text (find_entry_row (dialog, T("Date on the form (YYYY-MM-DD)")), "2001-01-01");
    save_and_expect_refusal (dialog, f, vault, outside);
  }

  /* A matching entry with a date inside the round is saved, and the dialog closes. */
  set_text (find_entry_row (dialog, T("Date on the form (YYYY-MM-DD)")), f->today);
  g_object_ref (dialog);
  click (find_button (dialog, T("_Save Form")));
  wait_until (saved_arrived, NULL);
  iterate_until_idle ();
  g_assert_false (gtk_widget_get_visible (dialog));
  g_object_unref (dialog);
  g_assert_cmpuint (n_submissions (f, vault), ==, 5);
  row = sc_vault_get_result_row (vault, last_saved_id, &error);
  g_assert_no_error (error);
  g_assert_true (row->paper);
  g_assert_cmpstr (row->number, ==, "X000001");
  g_assert_true (ws_audited (vault, "submission.paper", last_saved_id));
  g_assert_false (row->complete);

  /* On its result: hand-over, then consent given on paper. */
  section = sc_results_section_new (vault, f->round_id);
  watch_finalize (section);
  window = show_in_window (section, 1024, 768);
  g_assert_cmpuint (g_list_model_get_n_items (sc_results_section_get_model (SC_RESULTS_SECTION (section))), ==, 5);
  watch_toasts (section);
  sc_results_section_open_result (SC_RESULTS_SECTION (section), last_saved_id);
  view = sc_results_section_get_result_view (SC_RESULTS_SECTION (section));
  watch_finalize (view);
  wait_for_frame (view);
  forget_toast ();
  click (find_button (view, T("_Handed Over")));
  wait_until (toast_arrived, NULL);
  wait_until (view_idle, view);
  g_assert_cmpstr (get_last_toast (), ==, T("Hand-over recorded"));
  g_assert_true (ws_audited (vault, "result.handover", last_saved_id));
  forget_toast ();
  click (find_button (view, T("C_onsented")));
  wait_until (toast_arrived, NULL);
  wait_until (view_idle, view);
  g_assert_cmpstr (get_last_toast (), ==, T("Consent recorded"));
  g_assert_true (ws_audited (vault, "consent.paper.yes", last_saved_id));
  g_clear_pointer (&row, sc_result_row_unref);
  row = sc_vault_get_result_row (vault, last_saved_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (row->consent, ==, SC_VAULT_CONSENT_YES);
  save_screenshot (GTK_WIDGET (window), "results-paper-person");

  destroy_window (window);
  assert_watched_finalized ();
}

int
main (int   argc,
      char *argv[])
{
  test_gui_init (&argc, &argv);

  g_test_add ("/results/implementer", WsFixture, NULL, ws_setup, test_results_implementer,
              ws_teardown);
  g_test_add ("/results/hr", WsFixture, NULL, ws_setup, test_results_hr, ws_teardown);
  g_test_add ("/results/paper-entry", WsFixture, NULL, ws_setup, test_paper_entry, ws_teardown);

  return test_gui_run ();
}
