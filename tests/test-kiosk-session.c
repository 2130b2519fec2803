/* test-kiosk-session.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ScKioskSession without a display: whole visits (log in, 57 answers, submit, consent,
 * interview, personal PIN, view again), resuming after a wipe, "already answered", the
 * lock-out after wrong codes, the same number of code checks for unknown numbers as for
 * known ones, trivial PINs, and one step at a time. The vault uses the minimum KDF limits.
 */
#define G_LOG_DOMAIN "test-kiosk-session"

#include "config.h"

#include <sodium.h>

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sc-secure.h"
#include "sc-vault.h"
#include "sc-vault-private.h"
#include "sc-test-util.h"
#include "sc-access-code.h"
#include "sc-kiosk-session.h"
#include "sc-vault-kiosk.h"

typedef struct
{
  char     *dir;
  ScVault  *vault;
  gint64    round_id;
  char      codes[G_N_ELEMENTS (test_people)][SC_ACCESS_CODE_SIZE];
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) roster = test_roster (0);
  g_autofree char *path = NULL;
  ScCriteria criteria;

  fixture->dir = test_make_dir ();
  path = g_build_filename (fixture->dir, "test.scvault", NULL);
  fixture->vault = test_create_vault (path, NULL);
  g_assert_true (sc_vault_set_hr_passphrase (fixture->vault, HR_PASS, &error));
  g_assert_no_error (error);
  g_assert_true (sc_vault_upsert_employees (fixture->vault, roster, &error));
  g_assert_no_error (error);
  sc_criteria_init_default (&criteria);
  fixture->round_id = sc_vault_create_round (fixture->vault, "2026", NULL, NULL, &criteria,
                                             &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (test_people); i++)
    {
      g_autofree char *hash = NULL;

      g_assert_true (sc_access_code_generate (fixture->codes[i], &error));
      hash = sc_access_code_hash (fixture->codes[i], crypto_pwhash_OPSLIMIT_MIN,
                                  crypto_pwhash_MEMLIMIT_MIN, &error);
      g_assert_no_error (error);
      g_assert_true (sc_vault_set_access_code_hash (fixture->vault, fixture->round_id,
                                                    test_people[i].number, hash, &error));
      g_assert_no_error (error);
    }
  g_assert_true (sc_vault_set_setting (fixture->vault, SC_VAULT_SETTING_IDLE_TIMEOUT, "42",
                                       &error));
  g_assert_true (sc_vault_set_setting (fixture->vault, SC_VAULT_SETTING_CONTACT_TEXT,
                                       " 健康管理室 ", &error));
  g_assert_no_error (error);
  g_assert_true (sc_vault_set_setting (fixture->vault, SC_VAULT_SETTING_HELP_TEXT,
                                       "ふれあい相談室", &error));
  g_assert_no_error (error);
  g_assert_true (sc_vault_enter_kiosk (fixture->vault, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  /* A worker thread lets go of its job (and the job of the vault) just after the step's
   * callback ran: wait for that, then nothing may hold the vault. A leak hangs and fails. */
  g_object_add_weak_pointer (G_OBJECT (fixture->vault), (gpointer *) &fixture->vault);
  g_object_unref (fixture->vault);
  while (fixture->vault != NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  sodium_memzero (fixture->codes, sizeof fixture->codes);
}

/* ---- Running steps ------------------------------------------------------------------------ */

static void
on_done_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
wait_not_busy (ScKioskSession *session)
{
  while (sc_kiosk_session_get_busy (session))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
log_in (ScKioskSession  *session,
        const char      *number,
        const char      *code,
        GError         **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  sc_kiosk_session_login_async (session, number, code, NULL, on_done_cb, &result);
  return sc_kiosk_session_login_finish (session, wait_for (&result), error);
}

static gboolean
submit (ScKioskSession  *session,
        GError         **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  sc_kiosk_session_submit_async (session, NULL, on_done_cb, &result);
  return sc_kiosk_session_submit_finish (session, wait_for (&result), error);
}

static gboolean
record_consent (ScKioskSession  *session,
                gboolean         consent,
                GError         **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  sc_kiosk_session_record_consent_async (session, consent, NULL, on_done_cb, &result);
  return sc_kiosk_session_record_consent_finish (session, wait_for (&result), error);
}

static gboolean
request_interview (ScKioskSession  *session,
                   GError         **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  sc_kiosk_session_request_interview_async (session, NULL, on_done_cb, &result);
  return sc_kiosk_session_request_interview_finish (session, wait_for (&result), error);
}

static gboolean
set_pin (ScKioskSession  *session,
         const char      *pin,
         const char      *repeat,
         GError         **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  sc_kiosk_session_set_pin_async (session, pin, repeat, NULL, on_done_cb, &result);
  return sc_kiosk_session_set_pin_finish (session, wait_for (&result), error);
}

static gboolean
open_kept (ScKioskSession  *session,
           const char      *pin,
           GError         **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  sc_kiosk_session_open_kept_result_async (session, pin, NULL, on_done_cb, &result);
  return sc_kiosk_session_open_kept_result_finish (session, wait_for (&result), error);
}

/* Answers whose result is (or is not) in the high-stress group. */
static void
find_answers (gboolean  high,
              guint8    answers[SC_BJSQ_N_ITEMS],
              ScResult *out_result)
{
  ScCriteria criteria;

  sc_criteria_init_default (&criteria);
  for (guint seed = 0; seed < 100000; seed++)
    {
      for (guint i = 0; i < SC_BJSQ_N_ITEMS; i++)
        answers[i] = (guint8) (high ? 3 + (seed + i) % 2 : 1 + (seed * 7 + i * 3) % 4);
      /* The job area (items 1-17) rather good for a high result, so that the stress
       * reactions decide: vary the seed over both. */
      if (high)
        for (guint i = 0; i < 17; i++)
          answers[i] = (guint8) (1 + (seed >> (i % 8)) % 4);
      sc_score (answers, test_people[0].sex, &criteria, out_result);
      if ((sc_result_primary (out_result, &criteria)->verdict == SC_VERDICT_HIGH) == high)
        return;
    }
  g_assert_not_reached ();
}

static void
answer_all (ScKioskSession *session,
            const guint8    answers[SC_BJSQ_N_ITEMS])
{
  for (guint i = 0; i < SC_BJSQ_N_ITEMS; i++)
    {
      g_assert_false (sc_kiosk_session_get_in_review (session));
      g_assert_cmpuint (sc_kiosk_session_get_current (session), ==, i);
      g_assert_cmpint (sc_kiosk_session_can_go_next (session), ==,
                       sc_kiosk_session_get_answers (session)[i] != 0);
      sc_kiosk_session_answer (session, answers[i]);
    }
  g_assert_true (sc_kiosk_session_get_in_review (session));
  g_assert_cmpint (sc_kiosk_session_get_review_focus (session), ==, -1);
  g_assert_cmpmem (sc_kiosk_session_get_answers (session), SC_BJSQ_N_ITEMS,
                   answers, SC_BJSQ_N_ITEMS);
}

/* ---- Tests ------------------------------------------------------------------------------- */

static void
test_pin_trivial (void)
{
  static const char * const trivial[] = { "1111", "0000", "99999999", "1234", "0123",
                                          "6789", "9876", "3210", "12345678", "87654321" };
  static const char * const fine[] = { "4711", "1235", "2580", "1212", "9870", "0987",
                                       "7890", "13579", "11112" };

  for (guint i = 0; i < G_N_ELEMENTS (trivial); i++)
    g_assert_true (sc_kiosk_pin_is_trivial (trivial[i]));
  for (guint i = 0; i < G_N_ELEMENTS (fine); i++)
    g_assert_false (sc_kiosk_pin_is_trivial (fine[i]));
}

static void
test_settings (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (ScKioskSession) session = sc_kiosk_session_new (fixture->vault,
                                                             fixture->round_id);
  ScCriteria criteria;

  sc_criteria_init_default (&criteria);
  g_assert_cmpuint (sc_kiosk_session_get_idle_timeout (session), ==, 42);
  g_assert_cmpstr (sc_kiosk_session_get_contact_text (session), ==, "健康管理室");
  g_assert_cmpstr (sc_kiosk_session_get_help_text (session), ==, "ふれあい相談室");
  g_assert_nonnull (sc_kiosk_session_get_advice (session));
  g_assert_cmpint (sc_kiosk_session_get_criteria (session)->method, ==, criteria.method);
  g_assert_true (sc_kiosk_session_get_vault (session) == fixture->vault);
  g_assert_cmpint (sc_kiosk_session_get_round_id (session), ==, fixture->round_id);
  g_assert_false (sc_kiosk_session_is_logged_in (session));
}

static void
on_busy_notify_cb (GObject    *object,
                   GParamSpec *pspec,
                   guint      *count)
{
  (*count)++;
}

static void
test_visit (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (ScKioskSession) session = sc_kiosk_session_new (fixture->vault,
                                                             fixture->round_id);
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) busy_result = NULL;
  g_autoptr (GAsyncResult) login_result = NULL;
  const char *number = test_people[0].number;
  guint8 answers[SC_BJSQ_N_ITEMS];
  ScResult expected;
  ScVaultConsent consent;
  gboolean interview;
  guint notifies = 0;

  find_answers (TRUE, answers, &expected);
  g_signal_connect (session, "notify::busy", G_CALLBACK (on_busy_notify_cb), &notifies);

  /* Log in, lower case and with full-width digits as a Japanese keyboard types them. */
  sc_kiosk_session_begin (session, FALSE);
  sc_kiosk_session_login_async (session, "ｅｍｐ-００４１７", fixture->codes[0], NULL,
                                on_done_cb, &login_result);
  g_assert_true (sc_kiosk_session_get_busy (session));
  /* One step at a time: the vault is not thread-safe. */
  sc_kiosk_session_submit_async (session, NULL, on_done_cb, &busy_result);
  g_assert_false (sc_kiosk_session_submit_finish (session, wait_for (&busy_result), &error));
  g_assert_error (error, SC_KIOSK_SESSION_ERROR, SC_KIOSK_SESSION_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_true (sc_kiosk_session_login_finish (session, wait_for (&login_result), &error));
  g_assert_no_error (error);
  g_assert_false (sc_kiosk_session_get_busy (session));
  g_assert_cmpuint (notifies, ==, 2);
  g_assert_true (sc_kiosk_session_is_logged_in (session));
  g_assert_cmpstr (sc_kiosk_session_get_employee_name (session), ==, test_people[0].name);
  g_assert_false (sc_kiosk_session_get_already_answered (session));
  g_assert_false (sc_kiosk_session_get_resumed (session));
  g_assert_false (sc_kiosk_session_can_go_back (session));

  /* Going back and changing an answer from the review come back to the review. */
  sc_kiosk_session_answer (session, 4);
  g_assert_true (sc_kiosk_session_can_go_back (session));
  sc_kiosk_session_go_back (session);
  g_assert_cmpuint (sc_kiosk_session_get_current (session), ==, 0);
  g_assert_true (sc_kiosk_session_can_go_next (session));
  sc_kiosk_session_go_next (session);
  g_assert_cmpuint (sc_kiosk_session_get_current (session), ==, 1);
  sc_kiosk_session_go_back (session);
  answer_all (session, answers);
  sc_kiosk_session_change (session, 5);
  g_assert_false (sc_kiosk_session_get_in_review (session));
  g_assert_true (sc_kiosk_session_get_changing (session));
  sc_kiosk_session_answer (session, answers[5] == 1 ? 2 : 1);
  g_assert_true (sc_kiosk_session_get_in_review (session));
  g_assert_cmpint (sc_kiosk_session_get_review_focus (session), ==, 5);
  sc_kiosk_session_change (session, 5);
  sc_kiosk_session_answer (session, answers[5]);

  g_assert_null (sc_kiosk_session_get_result (session));
  g_assert_true (submit (session, &error));
  g_assert_no_error (error);
  g_assert_nonnull (sc_kiosk_session_get_result (session));
  g_assert_cmpmem (sc_kiosk_session_get_result (session)->score, sizeof expected.score,
                   expected.score, sizeof expected.score);
  g_assert_true (sc_kiosk_session_interview_recommended (session));
  g_assert_true (sc_vault_has_submitted (fixture->vault, fixture->round_id, number));
  /* Answering is over. */
  sc_kiosk_session_answer (session, 1);
  g_assert_cmpmem (sc_kiosk_session_get_answers (session), SC_BJSQ_N_ITEMS,
                   answers, SC_BJSQ_N_ITEMS);

  g_assert_true (record_consent (session, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (sc_kiosk_session_get_consent_given (session));
  g_assert_true (request_interview (session, &error));
  g_assert_no_error (error);
  g_assert_true (sc_kiosk_session_get_interview_requested (session));

  /* The personal PIN: the rules first, nothing kept meanwhile. */
  g_assert_true (sc_kiosk_session_can_set_pin (session));
  g_assert_false (set_pin (session, "12", "12", &error));
  g_assert_error (error, SC_KIOSK_SESSION_ERROR, SC_KIOSK_SESSION_ERROR_INVALID_PIN);
  g_clear_error (&error);
  g_assert_false (set_pin (session, "1234", "1234", &error));
  g_assert_error (error, SC_KIOSK_SESSION_ERROR, SC_KIOSK_SESSION_ERROR_TRIVIAL_PIN);
  g_clear_error (&error);
  g_assert_false (set_pin (session, "7777", "7777", &error));
  g_assert_error (error, SC_KIOSK_SESSION_ERROR, SC_KIOSK_SESSION_ERROR_TRIVIAL_PIN);
  g_clear_error (&error);
  g_assert_false (set_pin (session, "4711", "4712", &error));
  g_assert_error (error, SC_KIOSK_SESSION_ERROR, SC_KIOSK_SESSION_ERROR_PIN_MISMATCH);
  g_clear_error (&error);
  g_assert_false (sc_vault_has_result_view (fixture->vault, fixture->round_id, number));
  g_assert_true (set_pin (session, "4711", "4711", &error));
  g_assert_no_error (error);
  g_assert_true (sc_kiosk_session_get_pin_saved (session));
  g_assert_true (sc_vault_has_result_view (fixture->vault, fixture->round_id, number));

  /* The end: result and answers go first, then everything. */
  sc_kiosk_session_forget_result (session);
  g_assert_null (sc_kiosk_session_get_result (session));
  g_assert_false (sc_kiosk_session_can_set_pin (session));
  g_assert_true (sc_kiosk_session_get_interview_requested (session));
  sc_kiosk_session_wipe (session, TRUE);
  wait_not_busy (session);
  g_assert_false (sc_kiosk_session_is_logged_in (session));
  g_assert_null (sc_kiosk_session_get_employee_name (session));
  g_assert_false (sc_kiosk_session_get_interview_requested (session));

  /* In the vault: consent and the request, as decided. */
  g_assert_true (sc_vault_get_own_decisions (fixture->vault, fixture->round_id, number,
                                             &consent, &interview, &error));
  g_assert_no_error (error);
  g_assert_cmpint (consent, ==, SC_VAULT_CONSENT_YES);
  g_assert_true (interview);
  g_assert_false (sc_vault_get_own_decisions (fixture->vault, fixture->round_id,
                                              test_people[1].number, &consent, &interview,
                                              &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* View again: the same login, then the PIN; a wrong one is refused. The decisions come
   * with the result, so that nobody is asked to do what they did. */
  sc_kiosk_session_begin (session, TRUE);
  g_assert_true (log_in (session, number, fixture->codes[0], &error));
  g_assert_no_error (error);
  g_assert_true (sc_kiosk_session_get_viewing_again (session));
  g_assert_true (sc_kiosk_session_get_has_kept_result (session));
  g_assert_false (open_kept (session, "4712", &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_ACCESS_DENIED);
  g_clear_error (&error);
  g_assert_true (open_kept (session, "4711", &error));
  g_assert_no_error (error);
  g_assert_cmpmem (sc_kiosk_session_get_result (session)->score, sizeof expected.score,
                   expected.score, sizeof expected.score);
  g_assert_cmpint (sc_kiosk_session_get_recorded_consent (session), ==, SC_VAULT_CONSENT_YES);
  g_assert_true (sc_kiosk_session_get_consent_given (session));
  g_assert_true (sc_kiosk_session_get_interview_requested (session));
  sc_kiosk_session_wipe (session, FALSE);

  /* Answering again in the same round: told so after the login, no questions. */
  sc_kiosk_session_begin (session, FALSE);
  g_assert_true (log_in (session, number, fixture->codes[0], &error));
  g_assert_no_error (error);
  g_assert_true (sc_kiosk_session_get_already_answered (session));
  g_assert_true (sc_kiosk_session_get_has_kept_result (session));
  g_assert_false (sc_kiosk_session_can_go_next (session));
  sc_kiosk_session_answer (session, 2);
  g_assert_cmpuint (sc_kiosk_session_get_answers (session)[0], ==, 0);
  g_assert_false (submit (session, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  sc_kiosk_session_wipe (session, TRUE);
  wait_not_busy (session);
}

/* Two kiosks let the same person in before either sent: the second to send is told that
 * the first answers stand, and its answers are forgotten. */
static void
test_already_answered (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (ScKioskSession) first = sc_kiosk_session_new (fixture->vault, fixture->round_id);
  g_autoptr (ScKioskSession) second = sc_kiosk_session_new (fixture->vault, fixture->round_id);
  g_autoptr (GError) error = NULL;
  guint8 answers[SC_BJSQ_N_ITEMS];
  ScResult expected;

  find_answers (FALSE, answers, &expected);
  g_assert_true (log_in (first, test_people[1].number, fixture->codes[1], &error));
  g_assert_true (log_in (second, test_people[1].number, fixture->codes[1], &error));
  g_assert_no_error (error);
  answer_all (first, answers);
  answer_all (second, answers);
  g_assert_true (submit (first, &error));
  g_assert_no_error (error);
  /* Not high: no interview to request. */
  g_assert_false (sc_kiosk_session_interview_recommended (first));
  g_assert_false (request_interview (first, &error));
  g_assert_error (error, SC_KIOSK_SESSION_ERROR, SC_KIOSK_SESSION_ERROR_STATE);
  g_clear_error (&error);

  g_assert_false (submit (second, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (sc_kiosk_session_get_already_answered (second));
  g_assert_null (sc_kiosk_session_get_result (second));
  for (guint i = 0; i < SC_BJSQ_N_ITEMS; i++)
    g_assert_cmpuint (sc_kiosk_session_get_answers (second)[i], ==, 0);
  g_assert_false (sc_kiosk_session_can_set_pin (second));
}

static void
test_resume (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr (ScKioskSession) session = sc_kiosk_session_new (fixture->vault,
                                                             fixture->round_id);
  g_autoptr (GError) error = NULL;
  guint8 answers[SC_BJSQ_N_ITEMS];

  test_answers (7, answers);
  g_assert_true (log_in (session, test_people[2].number, fixture->codes[2], &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 10; i++)
    sc_kiosk_session_answer (session, answers[i]);

  /* Gone (the idle timeout, say): the answers are kept in the vault, then forgotten. */
  sc_kiosk_session_wipe (session, TRUE);
  g_assert_true (sc_kiosk_session_get_busy (session));
  g_assert_false (sc_kiosk_session_is_logged_in (session));
  g_assert_cmpuint (sc_kiosk_session_get_answers (session)[0], ==, 0);
  wait_not_busy (session);

  /* Back with the same code: the ten answers, at the eleventh question. */
  sc_kiosk_session_begin (session, FALSE);
  g_assert_true (log_in (session, test_people[2].number, fixture->codes[2], &error));
  g_assert_no_error (error);
  g_assert_true (sc_kiosk_session_get_resumed (session));
  g_assert_cmpuint (sc_kiosk_session_get_current (session), ==, 10);
  g_assert_cmpmem (sc_kiosk_session_get_answers (session), 10, answers, 10);
  g_assert_cmpuint (sc_kiosk_session_get_answers (session)[10], ==, 0);

  /* A wipe while a step runs forgets the person when it ends; the step says so. */
  {
    g_autoptr (GAsyncResult) result = NULL;

    sc_kiosk_session_save_partial_async (session, NULL, on_done_cb, &result);
    sc_kiosk_session_wipe (session, FALSE);
    g_assert_true (sc_kiosk_session_is_logged_in (session));
    g_assert_false (sc_kiosk_session_save_partial_finish (session, wait_for (&result),
                                                          &error));
    g_assert_error (error, SC_KIOSK_SESSION_ERROR, SC_KIOSK_SESSION_ERROR_ENDED);
    g_clear_error (&error);
    g_assert_false (sc_kiosk_session_is_logged_in (session));
  }

  /* Someone else with the same code is not let in, and a fresh start is a fresh start. */
  g_assert_false (log_in (session, test_people[3].number, fixture->codes[2], &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_ACCESS_DENIED);
  g_clear_error (&error);
  g_assert_true (log_in (session, test_people[3].number, fixture->codes[3], &error));
  g_assert_no_error (error);
  g_assert_false (sc_kiosk_session_get_resumed (session));
  g_assert_cmpuint (sc_kiosk_session_get_current (session), ==, 0);
}

static void
test_lockout (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (ScKioskSession) session = sc_kiosk_session_new (fixture->vault,
                                                             fixture->round_id);
  g_autoptr (GError) error = NULL;
  char wrong[SC_ACCESS_CODE_SIZE];
  guint checks;

  do
    g_assert_true (sc_access_code_generate (wrong, NULL));
  while (g_str_equal (wrong, fixture->codes[0]));

  /* Input that cannot be a login is no attempt: nothing is checked or counted. */
  g_assert_false (log_in (session, "  ", fixture->codes[0], &error));
  g_assert_error (error, SC_KIOSK_SESSION_ERROR, SC_KIOSK_SESSION_ERROR_NO_NUMBER);
  g_clear_error (&error);
  g_assert_false (log_in (session, test_people[0].number, "OOPS", &error));
  g_assert_error (error, SC_KIOSK_SESSION_ERROR, SC_KIOSK_SESSION_ERROR_INVALID_CODE);
  g_clear_error (&error);
  g_assert_cmpuint (sc_kiosk_session_get_code_checks (session), ==, 0);

  /* Four wrong codes are wrong; the fifth locks the number out, known or not. */
  for (guint i = 0; i < 5; i++)
    {
      g_assert_false (log_in (session, test_people[0].number, wrong, &error));
      g_assert_error (error, SC_VAULT_ERROR,
                      (i < 4 ? SC_VAULT_ERROR_ACCESS_DENIED : SC_VAULT_ERROR_THROTTLED));
      g_clear_error (&error);
      g_assert_false (log_in (session, "NOBODY-99", wrong, &error));
      g_assert_error (error, SC_VAULT_ERROR,
                      (i < 4 ? SC_VAULT_ERROR_ACCESS_DENIED : SC_VAULT_ERROR_THROTTLED));
      g_clear_error (&error);
    }

  /* Even the right code waits now, and is not checked at all. */
  checks = sc_kiosk_session_get_code_checks (session);
  g_assert_false (log_in (session, test_people[0].number, fixture->codes[0], &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_THROTTLED);
  g_clear_error (&error);
  g_assert_false (log_in (session, "nobody-99", wrong, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_THROTTLED);
  g_clear_error (&error);
  g_assert_cmpuint (sc_kiosk_session_get_code_checks (session), ==, checks);
  g_assert_false (sc_kiosk_session_is_logged_in (session));

  /* The vault remembers too: a new kiosk session does not undo the lock-out. */
  {
    g_autoptr (ScKioskSession) other = sc_kiosk_session_new (fixture->vault,
                                                             fixture->round_id);

    g_assert_false (log_in (other, test_people[0].number, fixture->codes[0], &error));
    g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_THROTTLED);
    g_clear_error (&error);
  }

  /* Another person is not affected. */
  g_assert_true (log_in (session, test_people[1].number, fixture->codes[1], &error));
  g_assert_no_error (error);
  sodium_memzero (wrong, sizeof wrong);
}

/* SECURITY: an unknown number must cost the same Argon2id checks as a known one, or the
 * time a login takes tells who is on the roster. Counted, not timed. */
static void
test_timing (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr (ScKioskSession) session = sc_kiosk_session_new (fixture->vault,
                                                             fixture->round_id);
  g_autoptr (GError) error = NULL;
  char wrong[SC_ACCESS_CODE_SIZE];
  guint before, known_wrong, unknown, known_right;

  do
    g_assert_true (sc_access_code_generate (wrong, NULL));
  while (g_str_equal (wrong, fixture->codes[0]));

  before = sc_kiosk_session_get_code_checks (session);
  g_assert_false (log_in (session, test_people[0].number, wrong, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_ACCESS_DENIED);
  g_clear_error (&error);
  known_wrong = sc_kiosk_session_get_code_checks (session) - before;

  before = sc_kiosk_session_get_code_checks (session);
  g_assert_false (log_in (session, "NOBODY-99", wrong, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_ACCESS_DENIED);
  g_clear_error (&error);
  unknown = sc_kiosk_session_get_code_checks (session) - before;

  before = sc_kiosk_session_get_code_checks (session);
  g_assert_true (log_in (session, test_people[0].number, fixture->codes[0], &error));
  g_assert_no_error (error);
  known_right = sc_kiosk_session_get_code_checks (session) - before;

  g_assert_cmpuint (known_wrong, ==, 1);
  g_assert_cmpuint (unknown, ==, known_wrong);
  g_assert_cmpuint (known_right, ==, known_wrong);
  sodium_memzero (wrong, sizeof wrong);
}

/* Leaving needs a passphrase, and keeps the unfinished answers of the person at the kiosk. */
static void
test_leave (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (ScKioskSession) session = sc_kiosk_session_new (fixture->vault,
                                                             fixture->round_id);
  g_autoptr (GError) error = NULL;
  guint8 answers[SC_BJSQ_N_ITEMS];
  guint8 kept[SC_BJSQ_N_ITEMS];
  char code[SC_ACCESS_CODE_NORMALIZED_SIZE];
  guint8 *key = NULL;

  test_answers (3, answers);
  g_assert_true (log_in (session, test_people[0].number, fixture->codes[0], &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    sc_kiosk_session_answer (session, answers[i]);

  for (guint i = 0; i < 3; i++)
    {
      static const char * const passphrases[] = { "", "wrong passphrase", IMPL_PASS };
      g_autoptr (GAsyncResult) result = NULL;
      gboolean ok;

      sc_kiosk_session_leave_async (session, passphrases[i], NULL, on_done_cb, &result);
      ok = sc_kiosk_session_leave_finish (session, wait_for (&result), &error);
      g_assert_cmpint (ok, ==, i == 2);
      if (i == 0)
        g_assert_error (error, SC_KIOSK_SESSION_ERROR, SC_KIOSK_SESSION_ERROR_NO_PASSPHRASE);
      else if (i == 1)
        g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE);
      else
        g_assert_no_error (error);
      g_clear_error (&error);
    }
  g_assert_cmpint (sc_vault_get_role (fixture->vault), ==, SC_VAULT_ROLE_IMPLEMENTER);

  g_assert_true (sc_access_code_normalize (fixture->codes[0], -1, code, NULL));
  key = sc_vault_derive_partial_key (fixture->vault, fixture->round_id,
                                     test_people[0].number, code, &error);
  sodium_memzero (code, sizeof code);
  g_assert_no_error (error);
  sc_vault_load_partial (fixture->vault, fixture->round_id, test_people[0].number, key, kept,
                         &error);
  g_assert_no_error (error);
  g_assert_cmpmem (kept, 3, answers, 3);
  g_assert_cmpuint (kept[3], ==, 0);
  sc_secure_clear ((gpointer *) &key);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kiosk-session/pin-trivial", test_pin_trivial);
#define ADD(path, func) \
  g_test_add ("/kiosk-session/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("settings", test_settings);
  ADD ("visit", test_visit);
  ADD ("already-answered", test_already_answered);
  ADD ("resume", test_resume);
  ADD ("lockout", test_lockout);
  ADD ("timing", test_timing);
  ADD ("leave", test_leave);
#undef ADD

  return g_test_run ();
}
