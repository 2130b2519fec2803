/* test-vault-participation.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The overview counts and participation (受検状況) of sc-workspace.h, for both roles:
 * HR gets no health count, participation says who answered and nothing else, and
 * reminders are role-checked, saved durably and audited.
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

static void
test_counts_implementer (WsFixture     *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = ws_open (f, IMPL_PASS);
  ScRoundCounts c;

  g_assert_true (sc_vault_get_round_counts (vault, f->round_id, &c, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c.on_roster, ==, 8);
  g_assert_cmpuint (c.answered, ==, 4);
  g_assert_cmpuint (c.started, ==, 1);
  g_assert_cmpuint (c.not_started, ==, 3);
  g_assert_cmpuint (c.consents_given, ==, 1);
  g_assert_cmpuint (c.consents_refused, ==, 2);
  g_assert_cmpuint (c.interviews_requested, ==, 1);
  g_assert_cmpuint (c.interviews_done, ==, 0);
  g_assert_true (c.has_health_counts);
  g_assert_cmpuint (c.high_stress, ==, 2);
  g_assert_cmpuint (c.undetermined, ==, 0);
  /* Undecided high-stress people count as recommended until the implementer decides. */
  g_assert_cmpuint (c.interviews_recommended, ==, 2);

  g_assert_true (sc_vault_decide_interview_need (vault, f->sub[0],
                                                 SC_INTERVIEW_NEED_NOT_REQUIRED, NULL,
                                                 "Dr. Sato", &error));
  g_assert_true (sc_vault_decide_interview_need (vault, f->sub[1], SC_INTERVIEW_NEED_REQUIRED,
                                                 "talk first", "Dr. Sato", &error));
  g_assert_no_error (error);
  {
    g_autoptr(ScInterviewRecord) record = sc_interview_record_new ();

    record->submission_id = f->sub[3];
    record->interview_on = g_strdup (f->today);
    record->doctor = g_strdup ("Dr. Ito");
    g_assert_true (sc_vault_save_interview_record (vault, record, &error));
    g_assert_no_error (error);
  }
  g_assert_true (sc_vault_get_round_counts (vault, f->round_id, &c, &error));
  g_assert_cmpuint (c.interviews_recommended, ==, 2);   /* sub 1 (decided) and 3 */
  g_assert_cmpuint (c.interviews_done, ==, 1);

  /* A round that does not exist. */
  g_assert_false (sc_vault_get_round_counts (vault, 999, &c, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND);
}

static void
test_counts_hr (WsFixture     *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = ws_open (f, HR_PASS);
  ScRoundCounts c;

  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_HR);
  memset (&c, 0xff, sizeof c);
  g_assert_true (sc_vault_get_round_counts (vault, f->round_id, &c, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c.on_roster, ==, 8);
  g_assert_cmpuint (c.answered, ==, 4);
  g_assert_cmpuint (c.started, ==, 1);
  g_assert_cmpuint (c.not_started, ==, 3);
  g_assert_cmpuint (c.consents_given, ==, 1);
  g_assert_cmpuint (c.consents_refused, ==, 2);
  g_assert_cmpuint (c.interviews_requested, ==, 1);
  g_assert_false (c.has_health_counts);
  g_assert_cmpuint (c.high_stress, ==, 0);
  g_assert_cmpuint (c.undetermined, ==, 0);
  g_assert_cmpuint (c.interviews_recommended, ==, 0);
}

static void
test_participation (WsFixture     *f,
                    gconstpointer  data)
{
  const char *passes[] = { IMPL_PASS, HR_PASS };

  for (guint p = 0; p < G_N_ELEMENTS (passes); p++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScVault) vault = ws_open (f, passes[p]);
      g_autoptr(GPtrArray) list = sc_vault_list_participation (vault, f->round_id, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (list->len, ==, 8);
      for (guint i = 0; i < list->len; i++)
        {
          ScParticipant *row = g_ptr_array_index (list, i);
          gboolean named = FALSE;

          for (guint k = 0; k < 4; k++)
            if (g_str_equal (row->number, test_people[k].number))
              {
                named = TRUE;
                g_assert_cmpstr (row->name, ==, test_people[k].name);
                g_assert_cmpstr (row->department, ==, test_people[k].department);
              }
          /* The four named people answered; the partial answers of X000000 are not an
           * answer. */
          g_assert_cmpint (row->answered, ==, named);
          g_assert_null (row->reminded_on);
          if (i > 0)
            g_assert_cmpint (strcmp (((ScParticipant *) g_ptr_array_index (list, i - 1))->number,
                                     row->number), <, 0);
        }
    }
}

static void
test_participation_filter (WsFixture     *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = ws_open (f, HR_PASS);
  g_autoptr(GPtrArray) list = sc_vault_list_participation (vault, f->round_id, &error);
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) dept = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) both = NULL;
  g_autofree char *search = sc_result_filter_prepare_search ("WORKER");

  none = sc_participants_filter (list, NULL, NULL, TRUE);
  g_assert_cmpuint (none->len, ==, 4);
  for (guint i = 0; i < none->len; i++)
    g_assert_false (((ScParticipant *) g_ptr_array_index (none, i))->answered);
  dept = sc_participants_filter (list, "経理部", NULL, FALSE);
  g_assert_cmpuint (dept->len, ==, 1);
  g_assert_cmpstr (((ScParticipant *) g_ptr_array_index (dept, 0))->number, ==, "EMP-00417");
  found = sc_participants_filter (list, NULL, search, FALSE);
  g_assert_cmpuint (found->len, ==, 4);
  both = sc_participants_filter (list, "Dept 1", search, TRUE);
  g_assert_cmpuint (both->len, ==, 1);
  g_assert_cmpstr (((ScParticipant *) g_ptr_array_index (both, 0))->name, ==, "Worker 1");
}

static void
test_days_left (void)
{
  ScVaultRound round = { 0 };
  int days = 99;

  g_assert_false (sc_round_days_left (&round, "2026-04-01", &days));
  round.period_end = (char *) "2026-04-30";
  g_assert_true (sc_round_days_left (&round, "2026-04-01", &days));
  g_assert_cmpint (days, ==, 29);
  g_assert_true (sc_round_days_left (&round, "2026-04-30", &days));
  g_assert_cmpint (days, ==, 0);
  g_assert_true (sc_round_days_left (&round, "2026-05-02", &days));
  g_assert_cmpint (days, ==, -2);
  g_assert_false (sc_round_days_left (&round, "not a date", &days));
}

static const ScParticipant *
find_participant (GPtrArray  *list,
                  const char *number)
{
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (((ScParticipant *) g_ptr_array_index (list, i))->number, number))
      return g_ptr_array_index (list, i);
  g_assert_not_reached ();
}

static void
test_reminders (WsFixture     *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  ScVault *vault = ws_open (f, HR_PASS);
  guint64 counter = sc_vault_get_save_counter (vault);
  gint64 emp = ws_employee_id (vault, "X000002");

  /* HR marks a reminder; it is on disk before the call returns. */
  g_assert_true (sc_vault_set_reminder (vault, f->round_id, "X000002", f->today, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sc_vault_get_save_counter (vault), ==, counter + 1);
  g_assert_true (ws_audited (vault, "reminder.mark", emp));

  /* Bad input changes nothing. */
  g_assert_false (sc_vault_set_reminder (vault, f->round_id, "X000002", "2026-02-30", &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sc_vault_set_reminder (vault, f->round_id, "NOBODY", f->today, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (sc_vault_get_save_counter (vault), ==, counter + 1);
  g_clear_object (&vault);

  /* The implementer sees it after reopening, and unmarks another one. */
  vault = ws_open (f, IMPL_PASS);
  list = sc_vault_list_participation (vault, f->round_id, &error);
  g_assert_cmpstr (find_participant (list, "X000002")->reminded_on, ==, f->today);
  g_assert_null (find_participant (list, "X000003")->reminded_on);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_true (sc_vault_set_reminder (vault, f->round_id, "X000002", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ws_audited (vault, "reminder.unmark", emp));
  list = sc_vault_list_participation (vault, f->round_id, &error);
  g_assert_null (find_participant (list, "X000002")->reminded_on);

  /* The kiosk may not. */
  g_assert_true (sc_vault_enter_kiosk (vault, &error));
  g_assert_false (sc_vault_set_reminder (vault, f->round_id, "X000002", f->today, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_null (sc_vault_list_participation (vault, f->round_id, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
  g_clear_object (&vault);

  /* No date or name in clear in the file. */
  ws_assert_not_in_file (f->path, f->today);
  ws_assert_not_in_file (f->path, "Worker 2");
}

static void
test_reminder_async (WsFixture     *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = ws_open (f, HR_PASS);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GAsyncResult) bad = NULL;

  sc_vault_set_reminder_async (vault, f->round_id, "X000003", f->today, NULL,
                               ws_store_result_cb, &result);
  /* The worker owns the vault meanwhile. */
  g_assert_true (sc_vault_is_busy (vault));
  g_assert_null (sc_vault_list_participation (vault, f->round_id, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_true (sc_vault_set_reminder_finish (vault, ws_wait (&result), &error));
  g_assert_no_error (error);
  g_assert_false (sc_vault_is_busy (vault));
  list = sc_vault_list_participation (vault, f->round_id, &error);
  g_assert_cmpstr (find_participant (list, "X000003")->reminded_on, ==, f->today);

  /* Errors arrive in _finish. */
  sc_vault_set_reminder_async (vault, f->round_id, "NOBODY", f->today, NULL,
                               ws_store_result_cb, &bad);
  g_assert_false (sc_vault_set_reminder_finish (vault, ws_wait (&bad), &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (sodium_init (), >=, 0);

  g_test_add_func ("/workspace/participation/days-left", test_days_left);
#define ADD(name, func) \
  g_test_add ("/workspace/participation/" name, WsFixture, NULL, ws_setup, func, ws_teardown)
  ADD ("counts-implementer", test_counts_implementer);
  ADD ("counts-hr", test_counts_hr);
  ADD ("participation", test_participation);
  ADD ("participation-filter", test_participation_filter);
  ADD ("reminders", test_reminders);
  ADD ("reminder-async", test_reminder_async);
#undef ADD

  return g_test_run ();
}
