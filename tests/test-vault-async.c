/* test-vault-async.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one async path for vault work (sc-vault-async.h): each _async function is run through
 * a GMainLoop, on success and on an error delivered in its _finish function (a wrong
 * passphrase, a file that cannot be written, a round that does not exist); the threading
 * rule (the caller's store calls are refused while a task runs, a lock waits for it,
 * notifications arrive on the caller's thread); and sc_vault_get_round().
 */
#include "config.h"

#include "sc-vault-async.h"
#include "sc-demo.h"
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sc-secure.h"
#include "sc-vault.h"
#include "sc-vault-private.h"
#include "sc-test-util.h"

typedef struct
{
  char         *dir;
  char         *path;
  ScVault      *vault;      /* open with the implementer role */
  GMainLoop    *loop;
  GAsyncResult *result;
} Fixture;

static void
on_done_cb (GObject      *source_object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Fixture *fixture = user_data;

  g_assert_null (fixture->result);
  fixture->result = g_object_ref (result);
  g_main_loop_quit (fixture->loop);
}

/* Clears the last result before an _async call, so that wait_result() takes a new one. */
static gpointer
start (Fixture *fixture)
{
  g_clear_object (&fixture->result);
  return fixture;
}

static GAsyncResult *
run (Fixture *fixture)
{
  g_main_loop_run (fixture->loop);
  g_assert_nonnull (fixture->result);
  return fixture->result;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  char *recovery = NULL;

  fixture->dir = test_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "test.scvault", NULL);
  fixture->loop = g_main_loop_new (NULL, FALSE);
  fixture->vault = sc_vault_create (fixture->path, IMPL_PASS, sc_vault_kdf_limits_for_testing (),
                                    &recovery, &error);
  g_assert_no_error (error);
  sc_vault_free_recovery_key (recovery);
  g_assert_true (sc_vault_set_hr_passphrase (fixture->vault, HR_PASS, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->vault != NULL)
    sc_vault_close (fixture->vault);
  g_clear_object (&fixture->vault);
  g_clear_object (&fixture->result);
  g_clear_pointer (&fixture->loop, g_main_loop_unref);
  test_remove_dir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* Removes a folder made in place of a vault's temporary file, with what is in it. */
static void
remove_blocker (const char *blocker)
{
  g_autofree char *inside = g_build_filename (blocker, "x", NULL);

  g_unlink (inside);
  g_rmdir (blocker);
}

/* Makes every save of the vault at @path fail: its temporary file's name is taken by a
 * folder that cannot be removed (it is not empty). Works for root too. */
static char *
block_saves (const char *path)
{
  char *blocker = g_strconcat (path, ".tmp", NULL);
  g_autofree char *inside = g_build_filename (blocker, "x", NULL);

  g_assert_cmpint (g_mkdir (blocker, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, "x", 1, NULL));
  return blocker;
}

static void
test_create_and_open (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "new.scvault", NULL);
  g_autofree char *nowhere = g_build_filename (fixture->dir, "no-such-folder", "x.scvault", NULL);
  g_autofree char *taken = g_build_filename (fixture->dir, "taken.scvault", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(ScVault) reopened = NULL;
  char *recovery = NULL;

  sc_vault_create_async (path, IMPL_PASS, sc_vault_kdf_limits_for_testing (), NULL, on_done_cb,
                         start (fixture));
  vault = sc_vault_create_finish (run (fixture), &recovery, &error);
  g_assert_no_error (error);
  g_assert_nonnull (vault);
  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_IMPLEMENTER);
  g_assert_nonnull (recovery);
  g_assert_cmpuint (strlen (recovery), ==, 8 * 4 + 7);
  sc_vault_free_recovery_key (recovery);
  recovery = NULL;
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* Over a file that is there: EXISTS, in _finish, with no vault and no key. */
  g_assert_true (g_file_set_contents (taken, "not a vault", -1, NULL));
  recovery = (char *) "untouched";
  sc_vault_create_async (taken, IMPL_PASS, sc_vault_kdf_limits_for_testing (), NULL, on_done_cb,
                         start (fixture));
  g_assert_null (sc_vault_create_finish (run (fixture), &recovery, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_EXISTS);
  g_assert_null (recovery);
  g_clear_error (&error);

  /* A place that cannot be written. */
  sc_vault_create_async (nowhere, IMPL_PASS, sc_vault_kdf_limits_for_testing (), NULL,
                         on_done_cb, start (fixture));
  g_assert_null (sc_vault_create_finish (run (fixture), &recovery, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == SC_VAULT_ERROR);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* Open: the write lock is the first vault's, so a read-only open; then, once it is
   * closed, a writable one with HR's passphrase gives the HR role. */
  sc_vault_open_async (path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, NULL, on_done_cb,
                       start (fixture));
  g_assert_null (sc_vault_open_finish (run (fixture), &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_LOCKED);
  g_clear_error (&error);

  sc_vault_open_async (path, IMPL_PASS, SC_VAULT_OPEN_READ_ONLY, NULL, on_done_cb,
                       start (fixture));
  reopened = sc_vault_open_finish (run (fixture), &error);
  g_assert_no_error (error);
  g_assert_true (sc_vault_is_read_only (reopened));
  g_clear_object (&reopened);

  sc_vault_close (vault);
  sc_vault_open_async (path, "not the passphrase", SC_VAULT_OPEN_FLAGS_NONE, NULL, on_done_cb,
                       start (fixture));
  g_assert_null (sc_vault_open_finish (run (fixture), &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);

  sc_vault_open_async (fixture->path, HR_PASS, SC_VAULT_OPEN_FLAGS_NONE, NULL, on_done_cb,
                       start (fixture));
  g_assert_null (sc_vault_open_finish (run (fixture), &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_LOCKED);
  g_clear_error (&error);
  sc_vault_close (fixture->vault);
  sc_vault_open_async (fixture->path, HR_PASS, SC_VAULT_OPEN_FLAGS_NONE, NULL, on_done_cb,
                       start (fixture));
  reopened = sc_vault_open_finish (run (fixture), &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_vault_get_role (reopened), ==, SC_VAULT_ROLE_HR);
  sc_vault_close (reopened);
}

typedef struct
{
  GThread *thread;
  guint    count;
} NotifySeen;

static void
on_notify_role_cb (GObject    *object,
                   GParamSpec *pspec,
                   NotifySeen *seen)
{
  seen->thread = g_thread_self ();
  seen->count++;
}

static void
test_unlock_and_passphrase (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  NotifySeen seen = { NULL, 0 };
  gulong handler;

  handler = g_signal_connect (fixture->vault, "notify::role", G_CALLBACK (on_notify_role_cb),
                              &seen);
  sc_vault_lock (fixture->vault);
  g_assert_cmpint (sc_vault_get_role (fixture->vault), ==, SC_VAULT_ROLE_NONE);
  seen.count = 0;

  /* A wrong passphrase: the error in _finish, still locked, no notification. */
  sc_vault_unlock_async (fixture->vault, "wrong passphrase", NULL, on_done_cb, start (fixture));
  g_assert_true (sc_vault_is_busy (fixture->vault));
  g_assert_false (sc_vault_unlock_finish (fixture->vault, run (fixture), &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_assert_false (sc_vault_is_busy (fixture->vault));
  g_assert_cmpint (sc_vault_get_role (fixture->vault), ==, SC_VAULT_ROLE_NONE);
  g_assert_cmpuint (seen.count, ==, 0);

  /* HR's passphrase: the role changes in the worker, but the notification comes here. */
  sc_vault_unlock_async (fixture->vault, HR_PASS, NULL, on_done_cb, start (fixture));
  g_assert_true (sc_vault_unlock_finish (fixture->vault, run (fixture), &error));
  g_assert_no_error (error);
  g_assert_cmpint (sc_vault_get_role (fixture->vault), ==, SC_VAULT_ROLE_HR);
  g_assert_cmpuint (seen.count, ==, 1);
  g_assert_true (seen.thread == g_thread_self ());
  g_signal_handler_disconnect (fixture->vault, handler);

  /* HR changes its passphrase; a too-short one is refused. */
  sc_vault_change_passphrase_async (fixture->vault, "short", NULL, on_done_cb, start (fixture));
  g_assert_false (sc_vault_change_passphrase_finish (fixture->vault, run (fixture), &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
  g_clear_error (&error);

  sc_vault_change_passphrase_async (fixture->vault, "a new hr passphrase", NULL, on_done_cb,
                                    start (fixture));
  g_assert_true (sc_vault_change_passphrase_finish (fixture->vault, run (fixture), &error));
  g_assert_no_error (error);

  sc_vault_lock (fixture->vault);
  sc_vault_unlock_async (fixture->vault, HR_PASS, NULL, on_done_cb, start (fixture));
  g_assert_false (sc_vault_unlock_finish (fixture->vault, run (fixture), &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  sc_vault_unlock_async (fixture->vault, "a new hr passphrase", NULL, on_done_cb,
                         start (fixture));
  g_assert_true (sc_vault_unlock_finish (fixture->vault, run (fixture), &error));
  g_assert_no_error (error);
  g_assert_cmpint (sc_vault_get_role (fixture->vault), ==, SC_VAULT_ROLE_HR);
}

static void
test_kiosk (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint64 counter = sc_vault_get_save_counter (fixture->vault);

  sc_vault_enter_kiosk_async (fixture->vault, NULL, on_done_cb, start (fixture));
  g_assert_true (sc_vault_enter_kiosk_finish (fixture->vault, run (fixture), &error));
  g_assert_no_error (error);
  g_assert_cmpint (sc_vault_get_role (fixture->vault), ==, SC_VAULT_ROLE_KIOSK);
  g_assert_false (sc_vault_test_holds_secret_keys (fixture->vault));
  /* The audit entry was saved durably before the callback. */
  g_assert_cmpuint (sc_vault_get_save_counter (fixture->vault), ==, counter + 1);

  /* Entering again is refused: the kiosk is not staff. */
  sc_vault_enter_kiosk_async (fixture->vault, NULL, on_done_cb, start (fixture));
  g_assert_false (sc_vault_enter_kiosk_finish (fixture->vault, run (fixture), &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
  g_clear_error (&error);

  sc_vault_leave_kiosk_async (fixture->vault, "wrong passphrase", NULL, on_done_cb,
                              start (fixture));
  g_assert_false (sc_vault_leave_kiosk_finish (fixture->vault, run (fixture), &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_assert_cmpint (sc_vault_get_role (fixture->vault), ==, SC_VAULT_ROLE_KIOSK);

  sc_vault_leave_kiosk_async (fixture->vault, IMPL_PASS, NULL, on_done_cb, start (fixture));
  g_assert_true (sc_vault_leave_kiosk_finish (fixture->vault, run (fixture), &error));
  g_assert_no_error (error);
  g_assert_cmpint (sc_vault_get_role (fixture->vault), ==, SC_VAULT_ROLE_IMPLEMENTER);
  g_assert_true (sc_vault_test_holds_secret_keys (fixture->vault));
}

static void
test_rounds (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVaultRound) round = NULL;
  g_autoptr(ScVault) reopened = NULL;
  g_autofree char *blocker = NULL;
  ScCriteria criteria;
  gint64 id;

  sc_criteria_init_default (&criteria);
  criteria.method = SC_METHOD_SUM;
  sc_vault_create_round_async (fixture->vault, "2026年度", "2026-06-01", "2026-06-30",
                               &criteria, NULL, on_done_cb, start (fixture));
  id = sc_vault_create_round_finish (fixture->vault, run (fixture), &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  round = sc_vault_get_round (fixture->vault, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (round->id, ==, id);
  g_assert_cmpstr (round->name, ==, "2026年度");
  g_assert_cmpstr (round->period_start, ==, "2026-06-01");
  g_assert_cmpstr (round->period_end, ==, "2026-06-30");
  g_assert_cmpint (round->criteria.method, ==, SC_METHOD_SUM);
  g_assert_false (round->closed);
  g_clear_pointer (&round, sc_vault_round_free);

  /* Bad input: the error comes in _finish and nothing is stored. */
  sc_vault_create_round_async (fixture->vault, "", NULL, NULL, NULL, NULL, on_done_cb,
                               start (fixture));
  g_assert_cmpint (sc_vault_create_round_finish (fixture->vault, run (fixture), &error), ==, 0);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
  g_clear_error (&error);

  /* A save that cannot be written: the error in _finish, and memory agrees with the disk. */
  blocker = block_saves (fixture->path);
  sc_vault_create_round_async (fixture->vault, "never saved", NULL, NULL, NULL, NULL,
                               on_done_cb, start (fixture));
  g_assert_cmpint (sc_vault_create_round_finish (fixture->vault, run (fixture), &error), ==, 0);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_IO);
  g_clear_error (&error);
  g_assert_null (sc_vault_get_round (fixture->vault, id + 1, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  sc_vault_close_round_async (fixture->vault, id, NULL, on_done_cb, start (fixture));
  g_assert_false (sc_vault_close_round_finish (fixture->vault, run (fixture), &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_IO);
  g_clear_error (&error);
  round = sc_vault_get_round (fixture->vault, id, &error);
  g_assert_no_error (error);
  g_assert_false (round->closed);
  g_clear_pointer (&round, sc_vault_round_free);
  remove_blocker (blocker);

  /* Closing: a round that does not exist, then the real one, on disk too. */
  sc_vault_close_round_async (fixture->vault, id + 100, NULL, on_done_cb, start (fixture));
  g_assert_false (sc_vault_close_round_finish (fixture->vault, run (fixture), &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  sc_vault_close_round_async (fixture->vault, id, NULL, on_done_cb, start (fixture));
  g_assert_true (sc_vault_close_round_finish (fixture->vault, run (fixture), &error));
  g_assert_no_error (error);

  sc_vault_close (fixture->vault);
  reopened = sc_vault_open (fixture->path, IMPL_PASS, SC_VAULT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  round = sc_vault_get_round (reopened, id, &error);
  g_assert_no_error (error);
  g_assert_true (round->closed);
  g_assert_cmpstr (round->name, ==, "2026年度");
}

/* sc_vault_get_round() for each role, and on a locked vault. */
static void
test_get_round (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVaultRound) round = NULL;
  gint64 id;

  id = sc_vault_create_round (fixture->vault, "Round A", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sc_vault_enter_kiosk (fixture->vault, &error));
  g_assert_no_error (error);

  /* The kiosk reads the round it collects answers for; periods left out are NULL. */
  round = sc_vault_get_round (fixture->vault, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (round->name, ==, "Round A");
  g_assert_null (round->period_start);
  g_assert_null (round->period_end);
  g_assert_cmpint (round->criteria.method, ==, SC_METHOD_CONVERSION);
  g_clear_pointer (&round, sc_vault_round_free);

  g_assert_null (sc_vault_get_round (fixture->vault, 0, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  sc_vault_lock (fixture->vault);
  g_assert_null (sc_vault_get_round (fixture->vault, id, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_CLOSED);
}

/* While a task runs, the caller's thread may not use the vault; a lock waits for the task. */
static void
test_busy (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(ScVault) reopened = NULL;
  gint64 id;

  sc_vault_create_round_async (fixture->vault, "Busy", NULL, NULL, NULL, NULL, on_done_cb,
                               start (fixture));
  g_assert_true (sc_vault_is_busy (fixture->vault));

  /* The caller's own store calls are refused... */
  g_assert_null (sc_vault_list_rounds (fixture->vault, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_false (sc_vault_unlock (fixture->vault, IMPL_PASS, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_BUSY);
  g_clear_error (&error);

  /* ...a lock is kept for later... */
  sc_vault_lock (fixture->vault);
  g_assert_cmpint (sc_vault_get_role (fixture->vault), ==, SC_VAULT_ROLE_IMPLEMENTER);

  /* ...and a second task is refused in its own _finish, after the first is done. */
  first = g_object_ref (run (fixture));
  id = sc_vault_create_round_finish (fixture->vault, first, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_false (sc_vault_is_busy (fixture->vault));
  /* The round was saved, then the lock was done before the callback. */
  g_assert_cmpint (sc_vault_get_role (fixture->vault), ==, SC_VAULT_ROLE_NONE);

  g_assert_true (sc_vault_unlock (fixture->vault, IMPL_PASS, &error));
  g_assert_no_error (error);
  sc_vault_create_round_async (fixture->vault, "One", NULL, NULL, NULL, NULL, on_done_cb,
                               start (fixture));
  {
    Fixture second = { .loop = fixture->loop };

    sc_vault_create_round_async (fixture->vault, "Two", NULL, NULL, NULL, NULL, on_done_cb,
                                 &second);
    /* Both callbacks come; the loop stops at each. */
    g_main_loop_run (fixture->loop);
    if (fixture->result == NULL || second.result == NULL)
      g_main_loop_run (fixture->loop);
    g_assert_nonnull (fixture->result);
    g_assert_nonnull (second.result);
    g_assert_cmpint (sc_vault_create_round_finish (fixture->vault, second.result, &error), ==, 0);
    g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_BUSY);
    g_clear_error (&error);
    g_clear_object (&second.result);
  }
  g_assert_cmpint (sc_vault_create_round_finish (fixture->vault, fixture->result, &error), >, 0);
  g_assert_no_error (error);

  rounds = sc_vault_list_rounds (fixture->vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rounds->len, ==, 2);

  /* A close asked for during a task also waits for it, and then releases the file. */
  sc_vault_close_round_async (fixture->vault, id, NULL, on_done_cb, start (fixture));
  sc_vault_close (fixture->vault);
  g_assert_true (sc_vault_close_round_finish (fixture->vault, run (fixture), &error));
  g_assert_no_error (error);
  g_assert_cmpint (sc_vault_get_role (fixture->vault), ==, SC_VAULT_ROLE_NONE);
  reopened = sc_vault_open (fixture->path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  sc_vault_close (reopened);
}

static void
test_close (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) reopened = NULL;
  g_autofree char *blocker = NULL;
  guint64 counter;

  /* Nothing pending: closed before the call returns, so the file opens again at once. */
  g_assert_true (sc_vault_test_save (fixture->vault, &error));
  g_assert_no_error (error);
  sc_vault_close_async (fixture->vault, NULL, on_done_cb, start (fixture));
  g_assert_cmpint (sc_vault_get_role (fixture->vault), ==, SC_VAULT_ROLE_NONE);
  reopened = sc_vault_open (fixture->path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (sc_vault_close_finish (fixture->vault, run (fixture), &error));
  g_assert_no_error (error);
  g_clear_object (&fixture->vault);

  /* An audit entry of a read is pending: saved by the worker, then closed. */
  counter = sc_vault_get_save_counter (reopened);
  g_assert_true (sc_vault_audit_insert (reopened, "report.view", 0, &error));
  sc_vault_mark_dirty (reopened);
  sc_vault_close_async (reopened, NULL, on_done_cb, start (fixture));
  g_assert_true (sc_vault_close_finish (reopened, run (fixture), &error));
  g_assert_no_error (error);
  g_assert_cmpint (sc_vault_get_role (reopened), ==, SC_VAULT_ROLE_NONE);
  g_clear_object (&reopened);

  reopened = sc_vault_open (fixture->path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sc_vault_get_save_counter (reopened), ==, counter + 1);

  /* The pending entry cannot be saved: the error in _finish, and the vault is closed
   * anyway (its lock released). */
  g_assert_true (sc_vault_audit_insert (reopened, "report.view", 0, &error));
  sc_vault_mark_dirty (reopened);
  blocker = block_saves (fixture->path);
  sc_vault_close_async (reopened, NULL, on_done_cb, start (fixture));
  g_assert_false (sc_vault_close_finish (reopened, run (fixture), &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_IO);
  g_clear_error (&error);
  g_assert_cmpint (sc_vault_get_role (reopened), ==, SC_VAULT_ROLE_NONE);
  remove_blocker (blocker);
  g_clear_object (&reopened);
  reopened = sc_vault_open (fixture->path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sc_vault_get_save_counter (reopened), ==, counter + 1);
  sc_vault_close (reopened);
}

static void
test_demo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "demo.scvault", NULL);
  g_autofree char *report_path = g_build_filename (fixture->dir, "demo-report.txt", NULL);
  g_autofree char *report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) demo = NULL;

  sc_demo_vault_create_async (path, sc_vault_kdf_limits_for_testing (), report_path, NULL,
                              on_done_cb, start (fixture));
  g_assert_true (sc_demo_vault_create_finish (run (fixture), &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (report_path, &report, NULL, NULL));
  g_assert_nonnull (strstr (report, "number,name,code"));

  demo = sc_vault_open (path, SC_DEMO_PASSPHRASE, SC_VAULT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_vault_get_role (demo), ==, SC_VAULT_ROLE_IMPLEMENTER);
  sc_vault_close (demo);

  /* Never over an existing vault. */
  sc_demo_vault_create_async (path, sc_vault_kdf_limits_for_testing (), NULL, NULL, on_done_cb,
                              start (fixture));
  g_assert_false (sc_demo_vault_create_finish (run (fixture), &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_EXISTS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/vault/async/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("create-and-open", test_create_and_open);
  ADD ("unlock-and-passphrase", test_unlock_and_passphrase);
  ADD ("kiosk", test_kiosk);
  ADD ("rounds", test_rounds);
  ADD ("get-round", test_get_round);
  ADD ("busy", test_busy);
  ADD ("close", test_close);
  ADD ("demo", test_demo);

  return g_test_run ();
}
