/* test-vault-interviews.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Interview (面接指導) records (sc-workspace.h): the steps and their "about one month"
 * deadlines with the overdue flag, the doctor's report and opinion kept sealed, HR's
 * view only for someone who asked (never the report part, nothing about anyone else),
 * and the measures HR records.
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sc-secure.h"
#include "sc-vault-private.h"
#include "sc-vault-async.h"
#include "sc-workspace.h"
#include "sc-test-workspace.h"

static ScInterviewRecord *
full_record (gint64 submission_id)
{
  ScInterviewRecord *r = sc_interview_record_new ();

  r->submission_id = submission_id;
  r->notified_on = g_strdup ("2026-04-01");
  r->encouraged_on = g_strdup ("2026-04-10");
  r->interview_on = g_strdup ("2026-04-20");
  r->doctor = g_strdup ("Dr. Ito Kenji");
  r->place = SC_INTERVIEW_PLACE_REGIONAL_CENTER;
  r->place_note = g_strdup ("北地域産業保健センター");
  r->opinion_on = g_strdup ("2026-04-25");
  r->working_situation = g_strdup ("残業 80 時間/月");
  r->psychological_burden = g_strdup ("BURDEN-SECRET");
  r->other_state = g_strdup ("睡眠不足");
  r->finding = TRUE;
  r->guidance = SC_GUIDANCE_FOLLOW_UP | SC_GUIDANCE_REINTERVIEW;
  r->reinterview_when = g_strdup ("3 か月後");
  r->note = g_strdup ("NOTE-SECRET");
  r->work_class = SC_WORK_CLASS_RESTRICTED;
  r->measures = SC_MEASURE_OVERTIME_LIMIT | SC_MEASURE_OTHER;
  r->overtime_hours = 20;
  r->measures_other = g_strdup ("出張を控える");
  r->workplace_opinion = g_strdup ("業務分担の見直し");
  r->medical_consideration = g_strdup ("通院時間の確保");
  r->doctor_opinion = g_strdup ("就業制限が望ましい");
  return r;
}

static void
test_steps (void)
{
  g_autoptr(ScInterviewRecord) r = sc_interview_record_new ();
  ScInterviewStepState s[SC_N_INTERVIEW_STEPS];

  /* Recommended, result handed over on April 1st, nothing else yet. */
  r->notified_on = g_strdup ("2026-04-01");
  sc_interview_steps_compute (r, TRUE, "2026-04-20", s);
  g_assert_true (s[SC_INTERVIEW_STEP_RECOMMENDED].applies);
  g_assert_true (s[SC_INTERVIEW_STEP_ENCOURAGED].applies);
  g_assert_cmpstr (s[SC_INTERVIEW_STEP_ENCOURAGED].due_on, ==, "2026-05-01");
  g_assert_cmpstr (s[SC_INTERVIEW_STEP_REQUESTED].due_on, ==, "2026-05-01");
  g_assert_false (s[SC_INTERVIEW_STEP_REQUESTED].overdue);
  g_assert_false (s[SC_INTERVIEW_STEP_INTERVIEW].applies);
  g_assert_cmpstr (s[SC_INTERVIEW_STEP_INTERVIEW].due_on, ==, "");
  /* The 30-day window ends: both are overdue the day after. */
  sc_interview_steps_compute (r, TRUE, "2026-05-01", s);
  g_assert_false (s[SC_INTERVIEW_STEP_REQUESTED].overdue);
  sc_interview_steps_compute (r, TRUE, "2026-05-02", s);
  g_assert_true (s[SC_INTERVIEW_STEP_REQUESTED].overdue);
  g_assert_true (s[SC_INTERVIEW_STEP_ENCOURAGED].overdue);
  /* Not recommended and not asked: no step applies. */
  sc_interview_steps_compute (r, FALSE, "2026-05-02", s);
  for (guint i = 0; i < SC_N_INTERVIEW_STEPS; i++)
    {
      g_assert_false (s[i].applies);
      g_assert_false (s[i].overdue);
    }

  /* Asked on January 31st: the interview is due about one month later, a calendar month
   * (the end of February). */
  r->requested_on = g_strdup ("2026-01-31");
  g_free (r->notified_on);
  r->notified_on = g_strdup ("2026-01-20");
  sc_interview_steps_compute (r, FALSE, "2026-02-20", s);
  g_assert_true (s[SC_INTERVIEW_STEP_REQUESTED].applies);
  g_assert_cmpstr (s[SC_INTERVIEW_STEP_REQUESTED].done_on, ==, "2026-01-31");
  g_assert_false (s[SC_INTERVIEW_STEP_REQUESTED].overdue);
  g_assert_false (s[SC_INTERVIEW_STEP_ENCOURAGED].applies);
  g_assert_true (s[SC_INTERVIEW_STEP_INTERVIEW].applies);
  g_assert_cmpstr (s[SC_INTERVIEW_STEP_INTERVIEW].due_on, ==, "2026-02-28");
  g_assert_false (s[SC_INTERVIEW_STEP_INTERVIEW].overdue);
  g_assert_cmpstr (s[SC_INTERVIEW_STEP_OPINION].due_on, ==, "");
  sc_interview_steps_compute (r, FALSE, "2026-03-01", s);
  g_assert_true (s[SC_INTERVIEW_STEP_INTERVIEW].overdue);

  /* Interview held: done, no longer overdue; the opinion's deadline runs. */
  r->interview_on = g_strdup ("2026-03-02");
  sc_interview_steps_compute (r, FALSE, "2026-04-03", s);
  g_assert_false (s[SC_INTERVIEW_STEP_INTERVIEW].overdue);
  g_assert_cmpstr (s[SC_INTERVIEW_STEP_OPINION].due_on, ==, "2026-04-02");
  g_assert_true (s[SC_INTERVIEW_STEP_OPINION].overdue);
  r->opinion_on = g_strdup ("2026-03-10");
  sc_interview_steps_compute (r, FALSE, "2026-04-11", s);
  g_assert_false (s[SC_INTERVIEW_STEP_OPINION].overdue);
  g_assert_cmpstr (s[SC_INTERVIEW_STEP_MEASURES].due_on, ==, "2026-04-10");
  g_assert_true (s[SC_INTERVIEW_STEP_MEASURES].overdue);
  r->measures_on = g_strdup ("2026-04-01");
  sc_interview_steps_compute (r, FALSE, "2026-04-11", s);
  g_assert_false (s[SC_INTERVIEW_STEP_MEASURES].overdue);
}

static void
test_keep_until (void)
{
  g_autoptr(ScInterviewRecord) r = sc_interview_record_new ();
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_assert_null (sc_interview_record_keep_until (r));
  r->requested_on = g_strdup ("2026-01-31");
  a = sc_interview_record_keep_until (r);
  g_assert_cmpstr (a, ==, "2031-01-31");
  r->interview_on = g_strdup ("2028-02-29");
  b = sc_interview_record_keep_until (r);
  g_assert_cmpstr (b, ==, "2033-02-28");
}

static void
test_record_implementer (WsFixture     *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScInterviewRecord) in = full_record (f->sub[3]);
  g_autoptr(ScInterviewRecord) out = NULL;
  g_autoptr(ScInterviewRecord) empty = NULL;
  ScVault *vault = ws_open (f, IMPL_PASS);
  guint64 counter = sc_vault_get_save_counter (vault);

  /* Nothing recorded yet: the request (kiosk) and the notice are known. */
  empty = sc_vault_get_interview_record (vault, f->sub[3], &error);
  g_assert_no_error (error);
  g_assert_cmpstr (empty->requested_on, ==, f->today);
  g_assert_true (empty->requested_at_kiosk);
  g_assert_cmpstr (empty->notified_on, ==, f->today);
  g_assert_null (empty->interview_on);
  g_assert_cmpint (empty->work_class, ==, SC_WORK_CLASS_UNSET);

  g_assert_true (sc_vault_save_interview_record (vault, in, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sc_vault_get_save_counter (vault), ==, counter + 1);
  g_assert_true (ws_audited (vault, "interview.record", f->sub[3]));
  g_clear_object (&vault);
  ws_assert_not_in_file (f->path, "BURDEN-SECRET");
  ws_assert_not_in_file (f->path, "Dr. Ito Kenji");

  vault = ws_open (f, IMPL_PASS);
  out = sc_vault_get_interview_record (vault, f->sub[3], &error);
  g_assert_no_error (error);
  g_assert_false (out->hr_view);
  g_assert_cmpstr (out->notified_on, ==, "2026-04-01");
  g_assert_cmpstr (out->encouraged_on, ==, "2026-04-10");
  g_assert_cmpstr (out->requested_on, ==, f->today);
  g_assert_cmpstr (out->interview_on, ==, "2026-04-20");
  g_assert_cmpstr (out->doctor, ==, "Dr. Ito Kenji");
  g_assert_cmpint (out->place, ==, SC_INTERVIEW_PLACE_REGIONAL_CENTER);
  g_assert_cmpstr (out->place_note, ==, "北地域産業保健センター");
  g_assert_cmpstr (out->opinion_on, ==, "2026-04-25");
  g_assert_cmpstr (out->working_situation, ==, "残業 80 時間/月");
  g_assert_cmpstr (out->psychological_burden, ==, "BURDEN-SECRET");
  g_assert_cmpstr (out->other_state, ==, "睡眠不足");
  g_assert_true (out->finding);
  g_assert_cmpuint (out->guidance, ==, SC_GUIDANCE_FOLLOW_UP | SC_GUIDANCE_REINTERVIEW);
  g_assert_cmpstr (out->reinterview_when, ==, "3 か月後");
  g_assert_cmpstr (out->note, ==, "NOTE-SECRET");
  g_assert_cmpint (out->work_class, ==, SC_WORK_CLASS_RESTRICTED);
  g_assert_cmpuint (out->measures, ==, SC_MEASURE_OVERTIME_LIMIT | SC_MEASURE_OTHER);
  g_assert_cmpint (out->overtime_hours, ==, 20);
  g_assert_cmpstr (out->measures_other, ==, "出張を控える");
  g_assert_cmpstr (out->workplace_opinion, ==, "業務分担の見直し");
  g_assert_cmpstr (out->medical_consideration, ==, "通院時間の確保");
  g_assert_cmpstr (out->doctor_opinion, ==, "就業制限が望ましい");

  /* Steps out of order and bad values are refused, nothing changed. */
  counter = sc_vault_get_save_counter (vault);
  g_free (in->opinion_on);
  in->opinion_on = g_strdup ("2026-04-19");
  g_assert_false (sc_vault_save_interview_record (vault, in, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
  g_clear_error (&error);
  g_free (in->opinion_on);
  in->opinion_on = g_strdup ("2026-13-01");
  g_assert_false (sc_vault_save_interview_record (vault, in, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&in->opinion_on, g_free);
  in->overtime_hours = -5;
  g_assert_false (sc_vault_save_interview_record (vault, in, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (sc_vault_get_save_counter (vault), ==, counter);

  /* Interviews list: the requester, and someone the implementer decided 必要 for. */
  g_assert_true (sc_vault_decide_interview_need (vault, f->sub[0], SC_INTERVIEW_NEED_REQUIRED,
                                                 NULL, "Dr. Sato", &error));
  {
    g_autoptr(GArray) ids = sc_vault_list_interview_ids (vault, f->round_id, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 2);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, f->sub[0]);
    g_assert_cmpint (g_array_index (ids, gint64, 1), ==, f->sub[3]);
  }
  g_clear_object (&vault);
}

static void
test_record_hr (WsFixture     *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScInterviewRecord) in = full_record (f->sub[3]);
  g_autoptr(ScInterviewRecord) other = full_record (f->sub[0]);
  g_autoptr(ScInterviewRecord) out = NULL;
  ScVault *vault = ws_open (f, IMPL_PASS);

  /* A record for the requester (3), and one for someone who did not ask (0). */
  g_assert_true (sc_vault_save_interview_record (vault, in, &error));
  g_assert_true (sc_vault_save_interview_record (vault, other, &error));
  g_assert_no_error (error);
  g_clear_object (&vault);

  vault = ws_open (f, HR_PASS);
  out = sc_vault_get_interview_record (vault, f->sub[3], &error);
  g_assert_no_error (error);
  g_assert_true (out->hr_view);
  /* The dates, the doctor, the place and the opinion on measures... */
  g_assert_cmpstr (out->requested_on, ==, f->today);
  g_assert_cmpstr (out->interview_on, ==, "2026-04-20");
  g_assert_cmpstr (out->opinion_on, ==, "2026-04-25");
  g_assert_cmpstr (out->doctor, ==, "Dr. Ito Kenji");
  g_assert_cmpint (out->place, ==, SC_INTERVIEW_PLACE_REGIONAL_CENTER);
  g_assert_cmpint (out->work_class, ==, SC_WORK_CLASS_RESTRICTED);
  g_assert_cmpuint (out->measures, ==, SC_MEASURE_OVERTIME_LIMIT | SC_MEASURE_OTHER);
  g_assert_cmpint (out->overtime_hours, ==, 20);
  g_assert_cmpstr (out->workplace_opinion, ==, "業務分担の見直し");
  g_assert_cmpstr (out->medical_consideration, ==, "通院時間の確保");
  /* ...but not the report part. */
  g_assert_null (out->working_situation);
  g_assert_null (out->psychological_burden);
  g_assert_null (out->other_state);
  g_assert_null (out->note);
  g_assert_null (out->doctor_opinion);
  g_assert_null (out->encouraged_on);
  g_assert_false (out->finding);
  g_assert_cmpuint (out->guidance, ==, 0);

  /* Nothing about people who did not ask: the same error with and without a record. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(ScInterviewRecord) none = sc_vault_get_interview_record (vault, f->sub[i],
                                                                        &error);

      g_assert_null (none);
      g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
      g_clear_error (&error);
    }
  {
    g_autoptr(GArray) ids = sc_vault_list_interview_ids (vault, f->round_id, &error);

    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, f->sub[3]);
  }
  /* HR cannot write the record. */
  g_assert_false (sc_vault_save_interview_record (vault, in, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
  g_clear_error (&error);
  g_clear_object (&vault);
}

/* A request entered by staff (the paper 申出書) after the implementer started a record:
 * HR's view of that record appears with the request, dated from the paper. */
static void
test_staff_request (WsFixture     *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScInterviewRecord) in = full_record (f->sub[1]);
  g_autoptr(ScInterviewRecord) out = NULL;
  ScVault *vault = ws_open (f, IMPL_PASS);

  g_clear_pointer (&in->interview_on, g_free);
  g_clear_pointer (&in->opinion_on, g_free);
  g_assert_true (sc_vault_save_interview_record (vault, in, &error));
  g_clear_object (&vault);

  vault = ws_open (f, HR_PASS);
  g_assert_null (sc_vault_get_interview_record (vault, f->sub[1], &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
  g_clear_error (&error);
  g_clear_object (&vault);

  vault = ws_open (f, IMPL_PASS);
  g_assert_true (sc_vault_record_paper_request (vault, f->sub[1], f->today, &error));
  g_assert_no_error (error);
  g_clear_object (&vault);

  vault = ws_open (f, HR_PASS);
  out = sc_vault_get_interview_record (vault, f->sub[1], &error);
  g_assert_no_error (error);
  g_assert_cmpstr (out->requested_on, ==, f->today);
  g_assert_false (out->requested_at_kiosk);
  g_assert_cmpstr (out->doctor, ==, "Dr. Ito Kenji");
  g_assert_null (out->psychological_burden);
  g_clear_object (&vault);
}

static void
test_measures (WsFixture     *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScInterviewRecord) in = full_record (f->sub[3]);
  g_autoptr(ScInterviewRecord) out = NULL;
  ScVault *vault = ws_open (f, HR_PASS);
  guint64 counter = sc_vault_get_save_counter (vault);

  /* Before the doctor's opinion, and for someone who did not ask: refused. */
  g_assert_false (sc_vault_record_measures (vault, f->sub[3], "2026-05-01", "残業禁止",
                                            &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sc_vault_record_measures (vault, f->sub[1], "2026-05-01", "x", &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_cmpuint (sc_vault_get_save_counter (vault), ==, counter);
  g_clear_object (&vault);

  vault = ws_open (f, IMPL_PASS);
  g_assert_true (sc_vault_save_interview_record (vault, in, &error));
  g_assert_no_error (error);
  g_clear_object (&vault);

  vault = ws_open (f, HR_PASS);
  g_assert_false (sc_vault_record_measures (vault, f->sub[3], "2026-04-24", "早すぎ", &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sc_vault_record_measures (vault, f->sub[3], "2026-05-01",
                                           "時間外労働を月20時間までに制限", &error));
  g_assert_no_error (error);
  g_assert_true (ws_audited (vault, "interview.measures", f->sub[3]));
  out = sc_vault_get_interview_record (vault, f->sub[3], &error);
  g_assert_cmpstr (out->measures_on, ==, "2026-05-01");
  g_assert_cmpstr (out->measures_taken, ==, "時間外労働を月20時間までに制限");
  g_clear_pointer (&out, sc_interview_record_free);
  g_clear_object (&vault);

  /* The implementer sees them too, and saving the record again keeps them. */
  vault = ws_open (f, IMPL_PASS);
  g_assert_true (sc_vault_save_interview_record (vault, in, &error));
  out = sc_vault_get_interview_record (vault, f->sub[3], &error);
  g_assert_no_error (error);
  g_assert_cmpstr (out->measures_on, ==, "2026-05-01");
  g_assert_cmpstr (out->measures_taken, ==, "時間外労働を月20時間までに制限");
  g_clear_object (&vault);
}

static void
test_async (WsFixture     *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScInterviewRecord) in = full_record (f->sub[3]);
  g_autoptr(ScInterviewRecord) out = NULL;
  g_autoptr(GAsyncResult) saved = NULL;
  g_autoptr(GAsyncResult) measured = NULL;
  g_autoptr(ScVault) vault = ws_open (f, IMPL_PASS);

  sc_vault_save_interview_record_async (vault, in, NULL, ws_store_result_cb, &saved);
  /* The record was copied: the caller may change or free its own at once. */
  g_free (in->doctor);
  in->doctor = g_strdup ("changed");
  g_assert_true (sc_vault_is_busy (vault));
  g_assert_true (sc_vault_save_interview_record_finish (vault, ws_wait (&saved), &error));
  g_assert_no_error (error);
  sc_vault_record_measures_async (vault, f->sub[3], "2026-05-02", "配置転換", NULL,
                                  ws_store_result_cb, &measured);
  g_assert_true (sc_vault_record_measures_finish (vault, ws_wait (&measured), &error));
  g_assert_no_error (error);
  out = sc_vault_get_interview_record (vault, f->sub[3], &error);
  g_assert_cmpstr (out->doctor, ==, "Dr. Ito Kenji");
  g_assert_cmpstr (out->measures_taken, ==, "配置転換");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (sodium_init (), >=, 0);

  g_test_add_func ("/workspace/interviews/steps", test_steps);
  g_test_add_func ("/workspace/interviews/keep-until", test_keep_until);
#define ADD(name, func) \
  g_test_add ("/workspace/interviews/" name, WsFixture, NULL, ws_setup, func, ws_teardown)
  ADD ("record-implementer", test_record_implementer);
  ADD ("record-hr", test_record_hr);
  ADD ("staff-request", test_staff_request);
  ADD ("measures", test_measures);
  ADD ("async", test_async);
#undef ADD

  return g_test_run ();
}
