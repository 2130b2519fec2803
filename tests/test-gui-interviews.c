/* test-gui-interviews.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Interviews section (issue 8 §5) on the workspace test round (test-workspace-common.h):
 * the implementer decided 必要 for person 0, person 3 asked for an interview at the kiosk.
 * The implementer sees both, enters the interview and the doctor's opinion in the MHLW
 * form's fields (saved in the vault, toast), and sees an overdue step marked. HR sees only
 * person 3, the dates and the opinion on measures but not the doctor's report, and records
 * the 就業上の措置. Screenshots at 1024×768 and 1920×1080 (interviews-*.png).
 */
#define G_LOG_DOMAIN "test-gui-interviews"

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

#include "sc-interviews-section.h"

static gboolean
section_idle (gpointer data)
{
  return !sc_interviews_section_get_busy (data);
}

static GtkWidget *
find_row (GtkWidget  *widget,
          GType       type,
          const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_descendants (widget, type, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title) == 0)
      return g_ptr_array_index (rows, i);
  g_error ("no row “%s”", title);
}

static void
save_and_wait (GtkWidget  *section,
               const char *button,
               const char *expected_toast)
{
  forget_toast ();
  click (find_button (section, button));
  wait_until (toast_arrived, NULL);
  wait_until (section_idle, section);
  g_assert_cmpstr (get_last_toast (), ==, expected_toast);
}

/* Person 0: the implementer decided an interview is needed. */
static void
decide_person_0 (WsFixture *f,
                 ScVault   *vault)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sc_vault_decide_interview_need (vault, f->sub[0], SC_INTERVIEW_NEED_REQUIRED,
                                                 NULL, "Dr. Implementer", &error));
  g_assert_no_error (error);
}

static void
test_interviews_implementer (WsFixture     *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = ws_open (f, IMPL_PASS);
  g_autoptr(ScInterviewRecord) saved = NULL;
  g_autofree char *long_ago = ws_date_offset (-60);
  GtkWidget *section;
  ScInterviewsSection *interviews;
  ScInterviewStepState state;
  GtkWindow *window;

  decide_person_0 (f, vault);
  section = sc_interviews_section_new (vault, f->round_id);
  interviews = SC_INTERVIEWS_SECTION (section);
  watch_toasts (section);
  watch_finalize (section);
  window = show_in_window (section, 1024, 768);

  /* Both people: the recommended one and the one who asked. */
  g_assert_cmpuint (sc_interviews_section_get_n_people (interviews), ==, 2);
  g_assert_false (sc_interviews_section_get_step (interviews, SC_INTERVIEW_STEP_REQUESTED, &state));
  save_screenshot (GTK_WIDGET (window), "interviews-1024x768");

  /* Person 0: recommended, the 申出 is due within 30 days of the result. */
  g_assert_true (sc_interviews_section_select (interviews, f->sub[0]));
  g_assert_true (sc_interviews_section_get_step (interviews, SC_INTERVIEW_STEP_RECOMMENDED, &state));
  g_assert_true (state.applies);
  g_assert_true (sc_interviews_section_get_step (interviews, SC_INTERVIEW_STEP_REQUESTED, &state));
  g_assert_true (state.applies);
  g_assert_cmpstr (state.due_on, !=, "");
  g_assert_false (state.overdue);

  /* Person 3 asked at the kiosk today. */
  g_assert_true (sc_interviews_section_select (interviews, f->sub[3]));
  wait_for_frame (section);
  g_assert_true (sc_interviews_section_get_step (interviews, SC_INTERVIEW_STEP_REQUESTED, &state));
  g_assert_cmpstr (state.done_on, ==, f->today);
  assert_controls_named (GTK_WIDGET (window));

  /* The interview, held two months ago, and the doctor's report and opinion. */
  set_text (find_entry_row (section, T("Interview held on")), long_ago);
  set_text (find_entry_row (section, T("Doctor")), "Dr. Yamada");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (section, ADW_TYPE_COMBO_ROW, T("Place"))),
                              SC_INTERVIEW_PLACE_REGIONAL_CENTER);
  set_text (find_entry_row (section, T("Working situation")), "Overtime 70 h a month");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (section, ADW_TYPE_COMBO_ROW,
                                                       T("Work classification"))),
                              SC_WORK_CLASS_RESTRICTED + 1);
  {
    GtkWidget *row = find_row (section, ADW_TYPE_ACTION_ROW,
                               T("Limit overtime (hours per month below)"));
    GtkCheckButton *check = GTK_CHECK_BUTTON (find_descendant (row, GTK_TYPE_CHECK_BUTTON));

    gtk_check_button_set_active (check, TRUE);
  }
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_descendant (find_row (section, ADW_TYPE_ACTION_ROW,
                                                                          T("Overtime limit, hours per month")),
                                                               GTK_TYPE_SPIN_BUTTON)), 20);
  set_text (find_entry_row (section, T("Opinion on improving the work environment")),
            "Fewer night shifts");
  set_text (find_entry_row (section, T("Doctor's opinion (record under Art. 52-18)")),
            "Rest advised");
  save_and_wait (section, T("_Save Record"), T("Interview record saved"));
  g_assert_true (ws_audited (vault, "interview.record", f->sub[3]));

  saved = sc_vault_get_interview_record (vault, f->sub[3], &error);
  g_assert_no_error (error);
  g_assert_cmpstr (saved->interview_on, ==, long_ago);
  g_assert_cmpstr (saved->doctor, ==, "Dr. Yamada");
  g_assert_cmpint (saved->place, ==, SC_INTERVIEW_PLACE_REGIONAL_CENTER);
  g_assert_cmpstr (saved->working_situation, ==, "Overtime 70 h a month");
  g_assert_cmpint (saved->work_class, ==, SC_WORK_CLASS_RESTRICTED);
  g_assert_cmpuint (saved->measures, ==, SC_MEASURE_OVERTIME_LIMIT);
  g_assert_cmpint (saved->overtime_hours, ==, 20);
  g_assert_cmpstr (saved->workplace_opinion, ==, "Fewer night shifts");
  g_assert_cmpstr (saved->doctor_opinion, ==, "Rest advised");

  /* The doctor's opinion was due about a month after the interview: overdue, marked. */
  g_assert_true (sc_interviews_section_get_step (interviews, SC_INTERVIEW_STEP_OPINION, &state));
  g_assert_true (state.overdue);
  g_assert_true (gtk_widget_has_css_class (find_row (section, ADW_TYPE_ACTION_ROW,
                                                     T("Doctor's opinion heard")), "error"));
  save_screenshot (GTK_WIDGET (window), "interviews-overdue");

  /* The opinion heard today: the step is done. */
  set_text (find_entry_row (section, T("Doctor's opinion heard on")), f->today);
  save_and_wait (section, T("_Save Record"), T("Interview record saved"));
  g_clear_pointer (&saved, sc_interview_record_free);
  saved = sc_vault_get_interview_record (vault, f->sub[3], &error);
  g_assert_no_error (error);
  g_assert_cmpstr (saved->opinion_on, ==, f->today);
  g_assert_true (sc_interviews_section_get_step (interviews, SC_INTERVIEW_STEP_OPINION, &state));
  g_assert_false (state.overdue);
  g_assert_cmpstr (state.done_on, ==, f->today);
  g_assert_false (gtk_widget_has_css_class (find_row (section, ADW_TYPE_ACTION_ROW,
                                                      T("Doctor's opinion heard")), "error"));

  window = move_to_window (window, section, 1920, 1080);
  save_screenshot (GTK_WIDGET (window), "interviews-1920x1080");
  destroy_window (window);
  assert_watched_finalized ();
}

static void
test_interviews_hr (WsFixture     *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(ScInterviewRecord) seen = NULL;
  GtkWidget *section;
  ScInterviewsSection *interviews;
  GtkWindow *window;

  /* The implementer recorded the interview and the opinion for person 3, and something
   * for person 0, who did not ask. */
  {
    g_autoptr(ScVault) impl = ws_open (f, IMPL_PASS);
    g_autoptr(ScInterviewRecord) r3 = sc_vault_get_interview_record (impl, f->sub[3], &error);
    g_autoptr(ScInterviewRecord) r0 = NULL;

    g_assert_no_error (error);
    decide_person_0 (f, impl);
    r3->interview_on = g_strdup (f->today);
    r3->doctor = g_strdup ("Dr. Yamada");
    r3->opinion_on = g_strdup (f->today);
    r3->working_situation = g_strdup ("Private report text");
    r3->work_class = SC_WORK_CLASS_RESTRICTED;
    r3->workplace_opinion = g_strdup ("Fewer night shifts");
    g_assert_true (sc_vault_save_interview_record (impl, r3, &error));
    g_assert_no_error (error);
    r0 = sc_vault_get_interview_record (impl, f->sub[0], &error);
    g_assert_no_error (error);
    r0->doctor = g_strdup ("Dr. Hidden");
    g_assert_true (sc_vault_save_interview_record (impl, r0, &error));
    g_assert_no_error (error);
    sc_vault_close (impl);
  }

  vault = ws_open (f, HR_PASS);
  section = sc_interviews_section_new (vault, f->round_id);
  interviews = SC_INTERVIEWS_SECTION (section);
  watch_toasts (section);
  watch_finalize (section);
  window = show_in_window (section, 1024, 768);

  /* Only the person who asked. */
  g_assert_cmpuint (sc_interviews_section_get_n_people (interviews), ==, 1);
  g_assert_false (sc_interviews_section_select (interviews, f->sub[0]));
  g_assert_false (sc_interviews_section_select (interviews, f->sub[1]));
  g_assert_true (sc_interviews_section_select (interviews, f->sub[3]));
  wait_for_frame (section);
  for (guint i = 0; i < 3; i++)
    g_assert_false (shows_label (GTK_WIDGET (window), test_people[i].name));

  /* The dates, the doctor and the opinion on measures; not the report. */
  g_assert_true (sc_interviews_section_get_record (interviews)->hr_view);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_entry_row (section, T("Doctor")))),
                   ==, "Dr. Yamada");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_entry_row (section,
                     T("Opinion on improving the work environment")))), ==, "Fewer night shifts");
  g_assert_false (gtk_widget_is_drawable (GTK_WIDGET (find_entry_row (section, T("Working situation")))));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_entry_row (section, T("Working situation")))),
                   ==, "");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (find_button (section, T("_Save Record")))));
  /* Nothing about the implementer's recommendation. */
  g_assert_false (gtk_widget_is_drawable (find_row (section, ADW_TYPE_ACTION_ROW,
                                                    T("Interview recommended"))));
  g_assert_false (gtk_widget_is_drawable (find_row (section, ADW_TYPE_ACTION_ROW,
                                                    T("Encouraged to ask (勧奨)"))));
  g_assert_true (gtk_widget_is_drawable (find_row (section, ADW_TYPE_ACTION_ROW,
                                                   T("Interview requested (申出)"))));
  assert_controls_named (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "interviews-hr-1024x768");

  /* HR records the measures taken. */
  set_text (find_entry_row (section, T("Measures taken on (YYYY-MM-DD)")), f->today);
  set_text (find_entry_row (section, T("Measures taken")), "Shorter hours for a month");
  save_and_wait (section, T("_Record Measures"), T("Work measures recorded"));
  seen = sc_vault_get_interview_record (vault, f->sub[3], &error);
  g_assert_no_error (error);
  g_assert_cmpstr (seen->measures_on, ==, f->today);
  g_assert_cmpstr (seen->measures_taken, ==, "Shorter hours for a month");
  g_assert_null (seen->working_situation);

  window = move_to_window (window, section, 1920, 1080);
  save_screenshot (GTK_WIDGET (window), "interviews-hr-1920x1080");
  destroy_window (window);
  assert_watched_finalized ();

  /* In the audit log, which the implementer reads (HR's session closed first). */
  sc_vault_close (vault);
  {
    g_autoptr(ScVault) implementer = ws_open (f, IMPL_PASS);

    g_assert_true (ws_audited (implementer, "interview.measures", f->sub[3]));
  }
}

int
main (int   argc,
      char *argv[])
{
  test_gui_init (&argc, &argv);

  g_test_add ("/interviews/implementer", WsFixture, NULL, ws_setup, test_interviews_implementer,
              ws_teardown);
  g_test_add ("/interviews/hr", WsFixture, NULL, ws_setup, test_interviews_hr, ws_teardown);

  return test_gui_run ();
}
