/* test-vault-results.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The results list (sc-workspace.h): the implementer's rows scored under the round's
 * criteria, HR's rows only for people who shared their result, opened with HR's key and
 * nothing else (a role-refusal test that tampers with the database), the interview-need
 * decision kept apart from the computed flag, and the filter.
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

static ScResultRow *
find_row (GPtrArray *rows,
          gint64     submission_id)
{
  for (guint i = 0; i < rows->len; i++)
    if (((ScResultRow *) g_ptr_array_index (rows, i))->submission_id == submission_id)
      return g_ptr_array_index (rows, i);
  return NULL;
}

static void
test_list_implementer (WsFixture     *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = ws_open (f, IMPL_PASS);
  g_autoptr(GPtrArray) rows = sc_vault_list_results (vault, f->round_id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      ScResultRow *row = find_row (rows, f->sub[i]);
      ScResult expected;
      unsigned by, bm, bd, sy, sm, sd;
      int age;

      g_assert_nonnull (row);
      sc_score (f->answers[i], test_people[i].sex, NULL, &expected);
      g_assert_cmpmem (&row->result, sizeof row->result, &expected, sizeof expected);
      g_assert_cmpstr (row->number, ==, test_people[i].number);
      g_assert_cmpstr (row->name, ==, test_people[i].name);
      g_assert_cmpstr (row->department, ==, test_people[i].department);
      g_assert_cmpint (row->sex, ==, test_people[i].sex);
      g_assert_cmpstr (row->date, ==, f->today);
      g_assert_false (row->paper);
      g_assert_cmpint (row->method, ==, SC_METHOD_CONVERSION);
      g_assert_cmpint (row->verdict, ==, expected.conversion.verdict);
      g_assert_cmpuint (row->criteria, ==, expected.conversion.criteria);
      g_assert_cmpint (row->sum_a, ==, expected.conversion.a);
      g_assert_cmpint (row->sum_b, ==, expected.conversion.b);
      g_assert_cmpint (row->sum_c, ==, expected.conversion.c);
      g_assert_true (row->complete);
      g_assert_cmpint (row->verdict == SC_VERDICT_HIGH, ==, i == 0 || i == 3);
      if (row->verdict == SC_VERDICT_HIGH)
        g_assert_cmpuint (row->criteria, !=, 0);
      g_assert_cmpint (row->consent, ==, i == 0 ? SC_VAULT_CONSENT_YES
                                         : i == 2 ? SC_VAULT_CONSENT_UNDECIDED
                                         : SC_VAULT_CONSENT_NO);
      g_assert_cmpint (row->consent_at > 0, ==, i != 2);
      g_assert_cmpint (row->interview_requested_at > 0, ==, i == 3);
      g_assert_true (row->has_decision);
      g_assert_cmpint (row->decision.need, ==, SC_INTERVIEW_NEED_UNDECIDED);
      /* Age on the round's first day. */
      g_assert_cmpint (sscanf (test_people[i].birth_date, "%u-%u-%u", &by, &bm, &bd), ==, 3);
      g_assert_cmpint (sscanf (f->period_start, "%u-%u-%u", &sy, &sm, &sd), ==, 3);
      age = (int) sy - (int) by - ((sm < bm || (sm == bm && sd < bd)) ? 1 : 0);
      g_assert_cmpint (row->age, ==, age);
    }
  /* Ordered by number. */
  for (guint i = 1; i < rows->len; i++)
    g_assert_cmpint (strcmp (((ScResultRow *) g_ptr_array_index (rows, i - 1))->number,
                             ((ScResultRow *) g_ptr_array_index (rows, i))->number), <, 0);
  /* Rows are boxed and reference-counted for a list model. */
  g_assert_true (G_TYPE_IS_BOXED (SC_TYPE_RESULT_ROW));
  {
    ScResultRow *copy = g_boxed_copy (SC_TYPE_RESULT_ROW, g_ptr_array_index (rows, 0));

    g_assert_true (copy == g_ptr_array_index (rows, 0));
    g_boxed_free (SC_TYPE_RESULT_ROW, copy);
  }
}

static void
test_list_hr (WsFixture     *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = ws_open (f, HR_PASS);
  g_autoptr(GPtrArray) rows = sc_vault_list_results (vault, f->round_id, &error);
  ScVaultResult full;

  g_assert_no_error (error);
  /* Consent (0) and an interview request (3) only. */
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_nonnull (find_row (rows, f->sub[0]));
  g_assert_nonnull (find_row (rows, f->sub[3]));
  for (guint i = 0; i < rows->len; i++)
    {
      ScResultRow *row = g_ptr_array_index (rows, i);

      g_assert_false (row->has_decision);
      g_assert_cmpint (row->decision.need, ==, SC_INTERVIEW_NEED_UNDECIDED);
      g_assert_null (row->decision.decided_by);
    }
  /* Without the answers, as before. */
  g_assert_true (sc_vault_read_result (vault, f->sub[3], &full, &error));
  g_assert_false (full.has_answers);

  for (guint i = 1; i <= 2; i++)
    {
      ScResultRow *row = sc_vault_get_result_row (vault, f->sub[i], &error);

      g_assert_null (row);
      g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
      g_clear_error (&error);
    }
  {
    g_autoptr(ScResultRow) row = sc_vault_get_result_row (vault, f->sub[0], &error);

    g_assert_no_error (error);
    g_assert_cmpstr (row->number, ==, test_people[0].number);
    g_assert_cmpint (row->verdict, ==, SC_VERDICT_HIGH);
  }
}

/* HR cannot decrypt a result that was not shared, even when the database is rewritten so
 * that the API takes the implementer's sealed copy for HR's: the key is missing, not a
 * filter. */
static void
test_hr_cannot_decrypt (WsFixture     *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ScVault *vault = ws_open (f, IMPL_PASS);
  guint8 hr_pk[32], hr_sk[32];
  sqlite3 *db = sc_vault_get_db (vault);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* With HR's key pair, the implementer's seal of person 1 does not open. */
  g_assert_true (sc_vault_test_get_hr_keys (vault, hr_pk, hr_sk));
  stmt = sc_vault_db_prepare (db, "SELECT sealed_impl, round_id, employee_id FROM submissions "
                                  "WHERE id = ?", NULL);
  sqlite3_bind_int64 (stmt, 1, f->sub[1]);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  {
    ScVaultResult out;

    g_assert_false (_sc_vault_open_result (sqlite3_column_blob (stmt, 0),
                                           (gsize) sqlite3_column_bytes (stmt, 0), hr_pk,
                                           hr_sk, sqlite3_column_int64 (stmt, 1),
                                           sqlite3_column_int64 (stmt, 2), &out, NULL, NULL));
  }
  g_clear_pointer (&stmt, sqlite3_finalize);
  sodium_memzero (hr_sk, sizeof hr_sk);

  /* Someone with the database rewrites person 1's HR column with the implementer's seal. */
  g_assert_true (sc_vault_db_exec (db, "UPDATE submissions SET sealed_hr = sealed_impl "
                                       "WHERE id = (SELECT min(id) + 1 FROM submissions)",
                                   &error));
  g_assert_true (sc_vault_test_save (vault, &error));
  g_assert_no_error (error);
  g_clear_object (&vault);

  vault = ws_open (f, HR_PASS);
  g_assert_null (sc_vault_list_results (vault, f->round_id, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_DAMAGED);
  g_clear_error (&error);
  g_assert_null (sc_vault_get_result_row (vault, f->sub[1], &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_DAMAGED);
  g_clear_error (&error);
  {
    ScVaultResult out;

    g_assert_false (sc_vault_read_result (vault, f->sub[1], &out, &error));
    g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_DAMAGED);
    g_clear_error (&error);
  }
  /* The shared ones still open. */
  {
    g_autoptr(ScResultRow) row = sc_vault_get_result_row (vault, f->sub[0], &error);

    g_assert_no_error (error);
    g_assert_nonnull (row);
  }
  g_clear_object (&vault);
}

static void
test_decision (WsFixture     *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ScVault *vault = ws_open (f, IMPL_PASS);
  ScInterviewDecision d = { 0 };
  g_autoptr(ScResultRow) row = NULL;
  guint64 counter = sc_vault_get_save_counter (vault);

  g_assert_true (sc_vault_get_interview_decision (vault, f->sub[0], &d, &error));
  g_assert_cmpint (d.need, ==, SC_INTERVIEW_NEED_UNDECIDED);

  /* The computed flag says high stress; the implementer decides 不要, with a note. */
  g_assert_true (sc_vault_decide_interview_need (vault, f->sub[0],
                                                 SC_INTERVIEW_NEED_NOT_REQUIRED,
                                                 "seen in person, coping well", "Dr. Sato",
                                                 &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sc_vault_get_save_counter (vault), ==, counter + 1);
  g_assert_true (ws_audited (vault, "interview.decide", f->sub[0]));
  g_assert_false (sc_vault_decide_interview_need (vault, f->sub[0], SC_INTERVIEW_NEED_REQUIRED,
                                                  NULL, "", &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sc_vault_decide_interview_need (vault, 9999, SC_INTERVIEW_NEED_REQUIRED,
                                                  NULL, "Dr. Sato", &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&vault);

  /* Kept with who and when, apart from the flag, and not in clear in the file. */
  ws_assert_not_in_file (f->path, "coping well");
  ws_assert_not_in_file (f->path, "Dr. Sato");
  vault = ws_open (f, IMPL_PASS);
  g_assert_true (sc_vault_get_interview_decision (vault, f->sub[0], &d, &error));
  g_assert_cmpint (d.need, ==, SC_INTERVIEW_NEED_NOT_REQUIRED);
  g_assert_cmpstr (d.note, ==, "seen in person, coping well");
  g_assert_cmpstr (d.decided_by, ==, "Dr. Sato");
  g_assert_cmpint (d.decided_at, >, 0);
  sc_interview_decision_clear (&d);
  row = sc_vault_get_result_row (vault, f->sub[0], &error);
  g_assert_cmpint (row->verdict, ==, SC_VERDICT_HIGH);
  g_assert_cmpint (row->decision.need, ==, SC_INTERVIEW_NEED_NOT_REQUIRED);
  g_assert_cmpstr (row->decision.decided_by, ==, "Dr. Sato");
  g_clear_object (&vault);

  /* HR may neither see nor make it. */
  vault = ws_open (f, HR_PASS);
  g_assert_false (sc_vault_get_interview_decision (vault, f->sub[0], &d, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (sc_vault_decide_interview_need (vault, f->sub[3], SC_INTERVIEW_NEED_REQUIRED,
                                                  NULL, "HR person", &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
  g_clear_error (&error);
  g_clear_object (&vault);
}

/* A decision made through the older sc_vault_recommend_interview() still shows. */
static void
test_decision_legacy (WsFixture     *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = ws_open (f, IMPL_PASS);
  g_autoptr(ScResultRow) row = NULL;
  ScInterviewDecision d;

  g_assert_true (sc_vault_recommend_interview (vault, f->sub[3], TRUE, "Dr. Old", &error));
  g_assert_no_error (error);
  g_assert_true (sc_vault_get_interview_decision (vault, f->sub[3], &d, &error));
  g_assert_cmpint (d.need, ==, SC_INTERVIEW_NEED_REQUIRED);
  g_assert_cmpstr (d.decided_by, ==, "Dr. Old");
  sc_interview_decision_clear (&d);
  row = sc_vault_get_result_row (vault, f->sub[3], &error);
  g_assert_cmpint (row->decision.need, ==, SC_INTERVIEW_NEED_REQUIRED);

  /* Counted and listed too: person 1 is not high stress but was recommended. */
  {
    ScRoundCounts c;
    g_autoptr(GArray) ids = NULL;

    g_assert_true (sc_vault_recommend_interview (vault, f->sub[1], TRUE, "Dr. Old", &error));
    g_assert_true (sc_vault_get_round_counts (vault, f->round_id, &c, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (c.interviews_recommended, ==, 3);
    ids = sc_vault_list_interview_ids (vault, f->round_id, &error);
    g_assert_cmpuint (ids->len, ==, 2);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, f->sub[1]);
  }
}

static guint
count_filtered (GPtrArray           *rows,
                ScResultFilterFlags  flags,
                const char          *typed)
{
  g_autofree char *search = sc_result_filter_prepare_search (typed);
  g_autoptr(GPtrArray) out = sc_result_rows_filter (rows, flags, search);

  return out->len;
}

static void
test_filter (WsFixture     *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = ws_open (f, IMPL_PASS);
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_true (sc_vault_decide_interview_need (vault, f->sub[3], SC_INTERVIEW_NEED_REQUIRED,
                                                 NULL, "Dr. Sato", &error));
  g_assert_no_error (error);
  rows = sc_vault_list_results (vault, f->round_id, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (count_filtered (rows, SC_RESULT_FILTER_NONE, NULL), ==, 4);
  g_assert_cmpuint (count_filtered (rows, SC_RESULT_FILTER_HIGH_STRESS, NULL), ==, 2);
  g_assert_cmpuint (count_filtered (rows, SC_RESULT_FILTER_INCOMPLETE, NULL), ==, 0);
  /* High stress and undecided: person 0 only (3 was decided). */
  g_assert_cmpuint (count_filtered (rows, SC_RESULT_FILTER_DECISION_PENDING, NULL), ==, 1);
  g_assert_cmpuint (count_filtered (rows, SC_RESULT_FILTER_CONSENTED, NULL), ==, 1);
  g_assert_cmpuint (count_filtered (rows, SC_RESULT_FILTER_REQUESTED, NULL), ==, 1);
  g_assert_cmpuint (count_filtered (rows, SC_RESULT_FILTER_HIGH_STRESS
                                          | SC_RESULT_FILTER_REQUESTED, NULL), ==, 1);
  g_assert_cmpuint (count_filtered (rows, SC_RESULT_FILTER_CONSENTED
                                          | SC_RESULT_FILTER_REQUESTED, NULL), ==, 0);
  /* Search by name (any case), by number, with full-width digits, by part of a name. */
  g_assert_cmpuint (count_filtered (rows, 0, "suzuki"), ==, 1);
  g_assert_cmpuint (count_filtered (rows, 0, "  SUZUKI hanako "), ==, 1);
  g_assert_cmpuint (count_filtered (rows, 0, "山田"), ==, 1);
  g_assert_cmpuint (count_filtered (rows, 0, "emp-0041"), ==, 3);
  g_assert_cmpuint (count_filtered (rows, 0, "００４２０"), ==, 1);
  g_assert_cmpuint (count_filtered (rows, 0, "nobody"), ==, 0);
  g_assert_cmpuint (count_filtered (rows, 0, "   "), ==, 4);
  g_assert_cmpuint (count_filtered (rows, SC_RESULT_FILTER_HIGH_STRESS, "suzuki"), ==, 0);
  /* The filtered list holds the same rows, in order. */
  {
    g_autoptr(GPtrArray) out = sc_result_rows_filter (rows, SC_RESULT_FILTER_HIGH_STRESS, NULL);

    g_assert_true (g_ptr_array_index (out, 0) == find_row (rows, f->sub[0]));
    g_assert_true (g_ptr_array_index (out, 1) == find_row (rows, f->sub[3]));
  }
}

static void
test_decision_async (WsFixture     *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = ws_open (f, IMPL_PASS);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) refused = NULL;
  ScInterviewDecision d;

  sc_vault_decide_interview_need_async (vault, f->sub[3], SC_INTERVIEW_NEED_REQUIRED,
                                        "urgent", "Dr. Sato", NULL, ws_store_result_cb,
                                        &result);
  g_assert_true (sc_vault_is_busy (vault));
  g_assert_true (sc_vault_decide_interview_need_finish (vault, ws_wait (&result), &error));
  g_assert_no_error (error);
  g_assert_true (sc_vault_get_interview_decision (vault, f->sub[3], &d, &error));
  g_assert_cmpint (d.need, ==, SC_INTERVIEW_NEED_REQUIRED);
  g_assert_cmpstr (d.note, ==, "urgent");
  sc_interview_decision_clear (&d);
  /* The result holds the task, and the task a reference to the vault: close it. */
  sc_vault_close (vault);
  g_clear_object (&vault);

  vault = ws_open (f, HR_PASS);
  sc_vault_decide_interview_need_async (vault, f->sub[3], SC_INTERVIEW_NEED_NOT_REQUIRED,
                                        NULL, "HR", NULL, ws_store_result_cb, &refused);
  g_assert_false (sc_vault_decide_interview_need_finish (vault, ws_wait (&refused), &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (sodium_init (), >=, 0);

#define ADD(name, func) \
  g_test_add ("/workspace/results/" name, WsFixture, NULL, ws_setup, func, ws_teardown)
  ADD ("list-implementer", test_list_implementer);
  ADD ("list-hr", test_list_hr);
  ADD ("hr-cannot-decrypt", test_hr_cannot_decrypt);
  ADD ("decision", test_decision);
  ADD ("decision-legacy", test_decision_legacy);
  ADD ("filter", test_filter);
  ADD ("decision-async", test_decision_async);
#undef ADD

  return g_test_run ();
}
