/* test-paper-entry.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ScPaperEntry, the double entry of a paper questionnaire, and the paper consent and
 * interview request after the hand-over: every mismatch named, missing answers flagged,
 * and each refusal (unknown number, second submission, date outside the round, consent
 * before the hand-over) with a clear error and nothing changed.
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
#include "sc-paper-entry.h"

static void
on_busy_notify_cb (GObject    *object,
                   GParamSpec *pspec,
                   gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static gint64
save (ScPaperEntry  *entry,
      GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sc_paper_entry_save_async (entry, NULL, ws_store_result_cb, &result);
  if (!sc_paper_entry_save_finish (entry, ws_wait (&result), error))
    return 0;
  return sc_paper_entry_get_submission_id (entry);
}

static void
test_double_entry (WsFixture     *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = ws_open (f, IMPL_PASS);
  g_autoptr(ScPaperEntry) entry = sc_paper_entry_new (vault, f->round_id);
  g_autoptr(GArray) mismatches = NULL;
  g_autoptr(GArray) missing = NULL;
  g_autoptr(ScResultRow) row = NULL;
  guint8 first[SC_BJSQ_N_ITEMS], second[SC_BJSQ_N_ITEMS];
  guint64 counter = sc_vault_get_save_counter (vault);
  guint busy_changes = 0;
  gint64 id;

  g_assert_true (sc_paper_entry_set_employee (entry, "X000001", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sc_paper_entry_get_employee (entry), ==, "X000001");
  g_assert_true (sc_paper_entry_set_answered_on (entry, f->today, &error));

  /* Not ready before both passes are typed. */
  g_assert_false (sc_paper_entry_check (entry, &error));
  g_assert_error (error, SC_PAPER_ENTRY_ERROR, SC_PAPER_ENTRY_ERROR_NOT_READY);
  g_clear_error (&error);

  test_answers (77, first);
  first[5] = 0;                  /* A6 left empty on the form: allowed, flagged */
  memcpy (second, first, sizeof second);
  second[0] = first[0] % 4 + 1;  /* A1 */
  second[20] = 0;                /* B4 typed as empty the second time */
  second[56] = first[56] % 4 + 1;/* D2 */
  sc_paper_entry_set_pass (entry, 1, first);
  sc_paper_entry_set_pass (entry, 2, second);

  mismatches = sc_paper_entry_get_mismatches (entry);
  g_assert_cmpuint (mismatches->len, ==, 3);
  g_assert_cmpstr (g_array_index (mismatches, ScPaperMismatch, 0).item_id, ==, "A1");
  g_assert_cmpuint (g_array_index (mismatches, ScPaperMismatch, 0).first, ==, first[0]);
  g_assert_cmpuint (g_array_index (mismatches, ScPaperMismatch, 0).second, ==, second[0]);
  g_assert_cmpstr (g_array_index (mismatches, ScPaperMismatch, 1).item_id, ==, "B4");
  g_assert_cmpuint (g_array_index (mismatches, ScPaperMismatch, 1).second, ==, 0);
  g_assert_cmpstr (g_array_index (mismatches, ScPaperMismatch, 2).item_id, ==, "D2");

  /* Saving is refused, naming every mismatch, and nothing is written. */
  g_assert_cmpint (save (entry, &error), ==, 0);
  g_assert_error (error, SC_PAPER_ENTRY_ERROR, SC_PAPER_ENTRY_ERROR_MISMATCH);
  g_assert_nonnull (strstr (error->message, "A1"));
  g_assert_nonnull (strstr (error->message, "B4"));
  g_assert_nonnull (strstr (error->message, "D2"));
  g_assert_nonnull (strstr (error->message, "3 item"));
  g_clear_error (&error);
  g_assert_cmpuint (sc_vault_get_save_counter (vault), ==, counter);
  g_assert_false (sc_vault_has_submitted (vault, f->round_id, "X000001"));

  /* Corrected: the second pass agrees; A6 stays missing and is flagged. */
  sc_paper_entry_set_pass (entry, 2, first);
  g_clear_pointer (&mismatches, g_array_unref);
  mismatches = sc_paper_entry_get_mismatches (entry);
  g_assert_cmpuint (mismatches->len, ==, 0);
  missing = sc_paper_entry_get_missing (entry);
  g_assert_cmpuint (missing->len, ==, 1);
  g_assert_cmpuint (g_array_index (missing, guint, 0), ==, 5);

  g_signal_connect (entry, "notify::busy", G_CALLBACK (on_busy_notify_cb), &busy_changes);
  id = save (entry, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (busy_changes, ==, 2);
  g_assert_false (sc_paper_entry_get_busy (entry));
  g_assert_cmpuint (sc_vault_get_save_counter (vault), ==, counter + 1);
  g_assert_true (ws_audited (vault, "submission.paper", id));

  /* A second save of the same entry is refused. */
  g_assert_cmpint (save (entry, &error), ==, 0);
  g_assert_error (error, SC_PAPER_ENTRY_ERROR, SC_PAPER_ENTRY_ERROR_SAVED);
  g_clear_error (&error);

  /* Scored with the sex on the roster; incomplete and undetermined, nothing imputed. */
  row = sc_vault_get_result_row (vault, id, &error);
  g_assert_no_error (error);
  g_assert_true (row->paper);
  g_assert_cmpstr (row->date, ==, f->today);
  g_assert_false (row->complete);
  g_assert_cmpint (row->verdict, ==, SC_VERDICT_UNDETERMINED);
  g_assert_cmpint (row->sex, ==, SC_SEX_FEMALE);
  {
    ScVaultResult full;

    g_assert_true (sc_vault_read_result (vault, id, &full, &error));
    g_assert_cmpmem (full.answers, SC_BJSQ_N_ITEMS, first, SC_BJSQ_N_ITEMS);
  }
}

static void
test_refusals (WsFixture     *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = ws_open (f, IMPL_PASS);
  g_autoptr(ScPaperEntry) entry = sc_paper_entry_new (vault, f->round_id);
  guint8 answers[SC_BJSQ_N_ITEMS];
  guint64 counter = sc_vault_get_save_counter (vault);
  g_autofree char *before = ws_date_offset (-21);
  g_autofree char *tomorrow = ws_date_offset (1);

  /* An unknown number. */
  g_assert_false (sc_paper_entry_set_employee (entry, "NOBODY-1", &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "NOBODY-1"));
  g_clear_error (&error);
  /* Someone who answered at the kiosk. */
  g_assert_false (sc_paper_entry_set_employee (entry, test_people[2].number, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (sc_paper_entry_set_answered_on (entry, "2026-02-30", &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
  g_clear_error (&error);

  /* A date before the round, or in the future: refused at saving. */
  test_answers (5, answers);
  g_assert_true (sc_paper_entry_set_employee (entry, "X000002", &error));
  sc_paper_entry_set_pass (entry, 1, answers);
  sc_paper_entry_set_pass (entry, 2, answers);
  g_assert_true (sc_paper_entry_set_answered_on (entry, before, &error));
  g_assert_cmpint (save (entry, &error), ==, 0);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, before));
  g_clear_error (&error);
  g_assert_true (sc_paper_entry_set_answered_on (entry, tomorrow, &error));
  g_assert_cmpint (save (entry, &error), ==, 0);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (sc_vault_get_save_counter (vault), ==, counter);
  g_assert_false (sc_vault_has_submitted (vault, f->round_id, "X000002"));

  /* The vault function refuses the same, directly. */
  g_assert_cmpint (sc_vault_submit_paper (vault, f->round_id, "NOBODY-1", answers, f->today,
                                          &error), ==, 0);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (sc_vault_submit_paper (vault, f->round_id, test_people[0].number, answers,
                                          f->today, &error), ==, 0);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpuint (sc_vault_get_save_counter (vault), ==, counter);

  /* A second paper form for the same person. */
  g_assert_true (sc_paper_entry_set_answered_on (entry, f->today, &error));
  g_assert_cmpint (save (entry, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (sc_vault_submit_paper (vault, f->round_id, "X000002", answers, f->today,
                                          &error), ==, 0);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_EXISTS);
  g_clear_error (&error);
  /* The entry holds a reference to the vault: close it for the next opener. */
  sc_vault_close (vault);

  /* HR does not enter paper forms. */
  {
    g_autoptr(ScVault) hr = ws_open (f, HR_PASS);
    g_autoptr(ScPaperEntry) hr_entry = sc_paper_entry_new (hr, f->round_id);

    g_assert_false (sc_paper_entry_set_employee (hr_entry, "X000003", &error));
    g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
    g_clear_error (&error);
    g_assert_cmpint (sc_vault_submit_paper (hr, f->round_id, "X000003", answers, f->today,
                                            &error), ==, 0);
    g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
    g_clear_error (&error);
  }
}

static void
test_consent_after_handover (WsFixture     *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ScVault *vault = ws_open (f, IMPL_PASS);
  guint8 answers[SC_BJSQ_N_ITEMS];
  g_autofree char *answered = ws_date_offset (-10);
  g_autofree char *handed = ws_date_offset (-5);
  g_autofree char *early = ws_date_offset (-6);
  g_autofree char *asked = ws_date_offset (-3);
  g_autoptr(GAsyncResult) r1 = NULL;
  g_autoptr(GAsyncResult) r2 = NULL;
  g_autoptr(GAsyncResult) r3 = NULL;
  guint64 counter;
  gint64 id;

  ws_answers (SC_SEX_MALE, TRUE, 9, answers);
  id = sc_vault_submit_paper (vault, f->round_id, "X000002", answers, answered, &error);
  g_assert_no_error (error);
  counter = sc_vault_get_save_counter (vault);

  /* Before the hand-over: refused, nothing changed. */
  g_assert_false (sc_vault_record_paper_consent (vault, id, TRUE, f->today, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sc_vault_record_paper_request (vault, id, f->today, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sc_vault_record_handover (vault, id, early, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sc_vault_get_save_counter (vault), ==, counter + 1);
  /* That hand-over (day -6) is replaced by the real one (day -5), through the worker. */
  sc_vault_record_handover_async (vault, id, handed, NULL, ws_store_result_cb, &r1);
  g_assert_true (sc_vault_record_handover_finish (vault, ws_wait (&r1), &error));
  g_assert_no_error (error);
  g_assert_true (ws_audited (vault, "result.handover", id));

  /* Dated before the hand-over: refused. */
  counter = sc_vault_get_save_counter (vault);
  g_assert_false (sc_vault_record_paper_consent (vault, id, TRUE, early, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (sc_vault_get_save_counter (vault), ==, counter);

  /* Consent, then an interview request, each with its own date. */
  sc_vault_record_paper_consent_async (vault, id, TRUE, handed, NULL, ws_store_result_cb, &r2);
  g_assert_true (sc_vault_record_paper_consent_finish (vault, ws_wait (&r2), &error));
  g_assert_no_error (error);
  sc_vault_record_paper_request_async (vault, id, asked, NULL, ws_store_result_cb, &r3);
  g_assert_true (sc_vault_record_paper_request_finish (vault, ws_wait (&r3), &error));
  g_assert_no_error (error);
  g_assert_true (ws_audited (vault, "consent.paper.yes", id));
  g_assert_true (ws_audited (vault, "interview.request.paper", id));
  {
    g_autoptr(ScResultRow) row = sc_vault_get_result_row (vault, id, &error);
    g_autofree char *consent_day = NULL;
    g_autoptr(GDateTime) dt = NULL;

    g_assert_cmpint (row->consent, ==, SC_VAULT_CONSENT_YES);
    dt = g_date_time_new_from_unix_local (row->consent_at);
    consent_day = g_date_time_format (dt, "%Y-%m-%d");
    g_assert_cmpstr (consent_day, ==, handed);
    g_assert_cmpint (row->interview_requested_at, >, 0);
  }
  sc_vault_close (vault);
  g_clear_object (&vault);

  /* HR now sees the result (without answers) and the request, dated from the paper. */
  vault = ws_open (f, HR_PASS);
  {
    g_autoptr(ScResultRow) row = sc_vault_get_result_row (vault, id, &error);
    g_autoptr(ScInterviewRecord) record = sc_vault_get_interview_record (vault, id, &error);

    g_assert_no_error (error);
    g_assert_nonnull (row);
    g_assert_cmpstr (record->requested_on, ==, asked);
    g_assert_false (record->requested_at_kiosk);
    g_assert_cmpstr (record->notified_on, ==, handed);
  }
  /* HR may not record paper decisions. */
  g_assert_false (sc_vault_record_paper_consent (vault, id, FALSE, f->today, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
  g_clear_error (&error);
  g_clear_object (&vault);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (sodium_init (), >=, 0);

#define ADD(name, func) \
  g_test_add ("/workspace/paper-entry/" name, WsFixture, NULL, ws_setup, func, ws_teardown)
  ADD ("double-entry", test_double_entry);
  ADD ("refusals", test_refusals);
  ADD ("consent-after-handover", test_consent_after_handover);
#undef ADD

  return g_test_run ();
}
