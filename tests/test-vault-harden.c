/* test-vault-harden.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hardening findings of issue 12 (§4, §5, §7), each written as the attack: an older
 * copy swapped over the vault, a `codes` run killed at random instants, a lock-out that
 * only the implementer may lift, a temporary file left by a killed save, and a process
 * whose memory another process could read or dump.
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sc-secure.h"
#include "sc-vault.h"
#include "sc-vault-private.h"
#include "sc-test-util.h"
#include "sc-access-code.h"
#include "sc-process.h"

#include <gio/gio.h>

#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

static char *state_dir;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* ---- §7 no core dumps --------------------------------------------------------------- */

static void
test_process_harden (void)
{
  struct rlimit core;
  struct sigaction action;
  g_autofree char *status = NULL;

  sc_process_harden ();
  g_assert_cmpint (prctl (PR_GET_DUMPABLE, 0, 0, 0, 0), ==, 0);
  g_assert_cmpint (getrlimit (RLIMIT_CORE, &core), ==, 0);
  g_assert_cmpuint (core.rlim_cur, ==, 0);
  g_assert_cmpuint (core.rlim_max, ==, 0);
  g_assert_cmpint (sigaction (SIGXFSZ, NULL, &action), ==, 0);
  g_assert_true (action.sa_handler == SIG_IGN);

  /* The kernel's view: SIGXFSZ (25) is in the ignored mask of /proc/self/status. */
  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  {
    const char *line = strstr (status, "\nSigIgn:");
    guint64 mask;

    g_assert_nonnull (line);
    mask = g_ascii_strtoull (line + strlen ("\nSigIgn:"), NULL, 16);
    g_assert_true (mask & ((guint64) 1 << (SIGXFSZ - 1)));
  }
}

/* The CLI hardens itself before it reads a passphrase: seen from outside, while it
 * waits for the passphrase on standard input. */
static void
test_cli_not_dumpable (void)
{
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("STRESSCHECK_CLI");
  const char *argv[] = { cli, "vault", "verify", "/nonexistent.scvault",
                         "--passphrase-file", "-", NULL };
  g_autofree char *limits_path = NULL;
  g_autofree char *limits = NULL;
  g_autofree char *status_path = NULL;
  g_autofree char *status = NULL;
  GPid pid;
  int in_fd, wstatus;

  g_assert_nonnull (cli);
  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL,
                            NULL, &pid, &in_fd, NULL, NULL, &error);
  g_assert_no_error (error);
  limits_path = g_strdup_printf ("/proc/%d/limits", pid);
  status_path = g_strdup_printf ("/proc/%d/status", pid);
  /* Wait until it is blocked reading the passphrase (its state is S, sleeping). */
  for (guint i = 0; i < 1000; i++)
    {
      g_clear_pointer (&status, g_free);
      if (g_file_get_contents (status_path, &status, NULL, NULL)
          && strstr (status, "Name:\tstresscheck-cl") != NULL
          && strstr (status, "State:\tS") != NULL)
        break;
      g_usleep (2000);
    }
  g_assert_true (g_file_get_contents (limits_path, &limits, NULL, NULL));
  g_assert_nonnull (strstr (status, "State:\tS"));
  close (in_fd);
  g_assert_cmpint (waitpid (pid, &wstatus, 0), ==, pid);
  g_spawn_close_pid (pid);

  g_assert_true (g_regex_match_simple ("^Max core file size +0 +0 ", limits,
                                       G_REGEX_MULTILINE, 0));
  {
    const char *line = strstr (status, "\nSigIgn:");

    g_assert_nonnull (line);
    g_assert_true (g_ascii_strtoull (line + strlen ("\nSigIgn:"), NULL, 16)
                   & ((guint64) 1 << (SIGXFSZ - 1)));
  }
}

/* ---- §7 leftover temporary file --------------------------------------------------- */

static void
test_leftover_tmp_removed (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "v.scvault", NULL);
  g_autofree char *tmp = g_strconcat (path, ".tmp", NULL);

  g_object_unref (test_create_vault (path, NULL));
  /* A save killed between creating the temporary file and renaming it. */
  test_write (tmp, (const guint8 *) "partial", 7);

  {
    g_autoptr(ScVault) ro = sc_vault_open (path, IMPL_PASS, SC_VAULT_OPEN_READ_ONLY, &error);

    g_assert_no_error (error);
    g_assert_nonnull (ro);
    /* A reader does not hold the write lock: it must leave the file to the writer. */
    g_assert_true (g_file_test (tmp, G_FILE_TEST_EXISTS));
  }
  {
    g_autoptr(ScVault) rw = sc_vault_open (path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);

    g_assert_no_error (error);
    g_assert_nonnull (rw);
    g_assert_false (g_file_test (tmp, G_FILE_TEST_EXISTS));
  }
  test_remove_dir (dir);
}

/* ---- §7 a forged key slot ---------------------------------------------------------- */

static void
test_forged_slot (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "v.scvault", NULL);
  g_autofree guint8 *data = NULL;
  ScVault *vault;
  gsize len, header_len;

  g_object_unref (test_create_vault (path, NULL));

  /* A wrong passphrase on an untouched vault is still just that. */
  vault = sc_vault_open (path, "not the passphrase", SC_VAULT_OPEN_READ_ONLY, &error);
  g_assert_null (vault);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);

  /* The attack: the implementer's slot rewritten, and the unkeyed checksum made to fit. */
  data = test_read (path, &len);
  header_len = (gsize) data[10] | ((gsize) data[11] << 8);
  data[SC_VAULT_FIXED_LEN + SC_VAULT_SLOT_FIXED_LEN + 5] ^= 0x40;
  sc_vault_header_checksum (data, header_len, data + header_len - 32);
  test_write (path, data, len);

  vault = sc_vault_open (path, IMPL_PASS, SC_VAULT_OPEN_READ_ONLY, &error);
  g_assert_null (vault);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "damaged or has been modified"));
  test_remove_dir (dir);
}

/* ---- §4 rollback -------------------------------------------------------------------- */

static void
test_rollback_warning (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "v.scvault", NULL);
  g_autofree char *old_copy = g_build_filename (dir, "old.scvault", NULL);
  g_autofree guint8 *old_data = NULL;
  ScVaultRollbackWarning warning;
  guint64 old_counter, new_counter;
  gsize old_len;

  {
    g_autoptr(ScVault) vault = test_create_vault (path, NULL);
    g_autoptr(GPtrArray) roster = test_roster (0);

    g_assert_true (sc_vault_upsert_employees (vault, roster, &error));
    g_assert_false (sc_vault_get_rollback_warning (vault, NULL));
    old_counter = sc_vault_get_save_counter (vault);
    old_data = test_read (path, &old_len);
    /* Acknowledged work after the copy was taken. */
    g_assert_cmpint (sc_vault_create_round (vault, "2026", NULL, NULL, NULL, &error), >, 0);
    g_assert_no_error (error);
    new_counter = sc_vault_get_save_counter (vault);
    g_assert_cmpuint (new_counter, >, old_counter);
  }

  /* The attack: the older copy put in place of the vault. */
  test_write (path, old_data, old_len);
  {
    g_autoptr(ScVault) vault = sc_vault_open (path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
    g_autofree char *text = NULL;
    g_autofree char *today = NULL;
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    g_assert_no_error (error);
    g_assert_true (sc_vault_get_rollback_warning (vault, &warning));
    g_assert_cmpuint (warning.file_counter, ==, old_counter);
    g_assert_cmpuint (warning.seen_counter, ==, new_counter);
    g_assert_cmpint (warning.file_saved_at, >, 0);
    g_assert_cmpint (warning.seen_saved_at, >=, warning.file_saved_at);
    text = sc_vault_rollback_warning_to_string (&warning);
    today = g_date_time_format (now, "%Y-%m-%d");
    g_assert_nonnull (strstr (text, today));
    g_assert_nonnull (strstr (text, "older"));

    /* HR cannot make the warning go away. */
    {
      g_autoptr(GError) hr_error = NULL;

      g_assert_true (sc_vault_set_hr_passphrase (vault, HR_PASS, &error));
      g_assert_no_error (error);
      sc_vault_lock (vault);
      g_assert_true (sc_vault_unlock (vault, HR_PASS, &error));
      g_assert_no_error (error);
      g_assert_true (sc_vault_get_rollback_warning (vault, NULL));
      g_assert_false (sc_vault_accept_restore (vault, &hr_error));
      g_assert_error (hr_error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
    }
  }

  /* Still warned on the next open: saving the old copy did not raise the record. */
  {
    g_autoptr(ScVault) vault = sc_vault_open (path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);

    g_assert_no_error (error);
    g_assert_true (sc_vault_get_rollback_warning (vault, NULL));
    /* The restore was on purpose. */
    g_assert_true (sc_vault_accept_restore (vault, &error));
    g_assert_no_error (error);
    g_assert_false (sc_vault_get_rollback_warning (vault, NULL));
  }
  {
    g_autoptr(ScVault) vault = sc_vault_open (path, IMPL_PASS, SC_VAULT_OPEN_READ_ONLY, &error);
    g_autoptr(GPtrArray) audit = NULL;
    gboolean logged = FALSE;

    g_assert_no_error (error);
    g_assert_false (sc_vault_get_rollback_warning (vault, NULL));
    audit = sc_vault_list_audit (vault, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < audit->len; i++)
      logged |= g_str_equal (((ScVaultAuditEntry *) g_ptr_array_index (audit, i))->action,
                             "vault.restore");
    g_assert_true (logged);
  }
  g_unlink (old_copy);
  test_remove_dir (dir);
}

/* ---- §5 codes: one batch, one save ------------------------------------------------- */

#define N_CODE_EMPLOYEES 40

typedef struct
{
  GString *csv;
  gboolean fail;
  guint64  counter_at_delivery;
  ScVault *vault;
} Delivery;

static gboolean
deliver_cb (const char  *csv,
            gsize        len,
            gpointer     user_data,
            GError     **error)
{
  Delivery *d = user_data;

  d->counter_at_delivery = sc_vault_get_save_counter (d->vault);
  if (d->fail)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "printer out of paper");
      return FALSE;
    }
  g_string_append_len (d->csv, csv, (gssize) len);
  return TRUE;
}

/* How many of @codes verify against the stored hashes (read without the throttle). */
static guint
count_valid (const char *path,
             gint64      round_id,
             GHashTable *codes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = sc_vault_open (path, IMPL_PASS, SC_VAULT_OPEN_READ_ONLY, &error);
  GHashTableIter iter;
  gpointer number, code;
  guint valid = 0;

  g_assert_no_error (error);
  g_hash_table_iter_init (&iter, codes);
  while (g_hash_table_iter_next (&iter, &number, &code))
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;

      stmt = sc_vault_db_prepare (sc_vault_get_db (vault),
                                  "SELECT a.code_hash FROM access_codes a JOIN employees e "
                                  "ON e.id = a.employee_id WHERE a.round_id = ? "
                                  "AND e.number = ?", NULL);
      sqlite3_bind_int64 (stmt, 1, round_id);
      sqlite3_bind_text (stmt, 2, number, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW
          && sc_access_code_verify ((const char *) sqlite3_column_text (stmt, 0), code, NULL))
        valid++;
    }
  return valid;
}

static void
test_codes_one_save (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "v.scvault", NULL);
  g_autoptr(GHashTable) first = NULL;
  Delivery d = { g_string_new (NULL), FALSE, 0, NULL };
  gint64 round_id;
  guint64 before;

  {
    g_autoptr(ScVault) vault = test_create_vault (path, NULL);
    g_autoptr(GPtrArray) roster = test_roster (N_CODE_EMPLOYEES - G_N_ELEMENTS (test_people));

    d.vault = vault;
    g_assert_true (sc_vault_upsert_employees (vault, roster, &error));
    round_id = sc_vault_create_round (vault, "1", NULL, NULL, NULL, &error);
    g_assert_no_error (error);

    before = sc_vault_get_save_counter (vault);
    g_assert_true (sc_vault_issue_access_codes_full (vault, round_id, roster, deliver_cb, &d,
                                                     &error));
    g_assert_no_error (error);
    /* The slips were delivered before anything was saved, and all of it is one save. */
    g_assert_cmpuint (d.counter_at_delivery, ==, before);
    g_assert_cmpuint (sc_vault_get_save_counter (vault), ==, before + 1);
    first = test_parse_codes (d.csv->str);
    g_assert_cmpuint (g_hash_table_size (first), ==, N_CODE_EMPLOYEES);

    /* A delivery that fails stores nothing: every earlier code still works. */
    g_string_truncate (d.csv, 0);
    d.fail = TRUE;
    g_assert_false (sc_vault_issue_access_codes_full (vault, round_id, roster, deliver_cb, &d,
                                                      &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
    g_clear_error (&error);
    g_assert_cmpuint (sc_vault_get_save_counter (vault), ==, before + 1);
  }
  g_assert_cmpuint (count_valid (path, round_id, first), ==, N_CODE_EMPLOYEES);
  g_string_free (d.csv, TRUE);
  test_remove_dir (dir);
}

/* The attack of the finding: `codes` killed at random instants. After each kill either
 * every old code works, or every new code is stored and was printed in full. */
#define N_CODE_KILLS 25

static char *
read_all (int fd)
{
  GString *out = g_string_new (NULL);
  char buffer[4096];
  gssize n;

  while ((n = read (fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (out, buffer, n);
  return g_string_free (out, FALSE);
}

static void
test_codes_killed (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "v.scvault", NULL);
  g_autofree char *pw = g_build_filename (dir, "pw", NULL);
  g_autofree char *round_arg = NULL;
  g_autoptr(GHashTable) current = NULL;
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "STRESSCHECK_KDF", "min", TRUE);
  const char *cli = g_getenv ("STRESSCHECK_CLI");
  guint n_old = 0, n_new = 0;
  gint64 round_id;

  {
    g_autoptr(ScVault) vault = test_create_vault (path, NULL);
    g_autoptr(GPtrArray) roster = test_roster (200);
    GString *csv = g_string_new (NULL);

    g_assert_true (sc_vault_upsert_employees (vault, roster, &error));
    round_id = sc_vault_create_round (vault, "1", NULL, NULL, NULL, &error);
    g_assert_no_error (error);
      g_assert_true (sc_vault_issue_access_codes (vault, round_id, roster, csv, &error));
    g_assert_no_error (error);
    current = test_parse_codes (csv->str);
    g_string_free (csv, TRUE);
  }
  test_write (pw, (const guint8 *) IMPL_PASS "\n", strlen (IMPL_PASS) + 1);
  round_arg = g_strdup_printf ("%" G_GINT64_FORMAT, round_id);

  for (guint k = 0; k < N_CODE_KILLS; k++)
    {
      const char *argv[] = { cli, "codes", path, round_arg, "--passphrase-file", pw, NULL };
      g_autofree char *out = NULL;
      g_autoptr(GHashTable) printed = NULL;
      GPid pid;
      int out_fd, status;
      guint valid_old, valid_new;

      g_spawn_async_with_pipes (NULL, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD, NULL,
                                NULL, &pid, NULL, &out_fd, NULL, &error);
      g_assert_no_error (error);
      /* 0-60 ms: while it opens, hashes, prints, saves, or after it finished. */
      g_usleep ((gulong) g_test_rand_int_range (0, 60000));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      out = read_all (out_fd);
      close (out_fd);
      printed = test_parse_codes (out);

      valid_old = count_valid (path, round_id, current);
      valid_new = g_hash_table_size (printed) > 0 ? count_valid (path, round_id, printed) : 0;
      if (valid_old == g_hash_table_size (current))
        {
          g_assert_cmpuint (valid_new, ==, 0);
          n_old++;
        }
      else
        {
          /* Changed: then every new code is stored, and every one was printed. */
          g_assert_cmpuint (valid_old, ==, 0);
          g_assert_cmpuint (g_hash_table_size (printed), ==, g_hash_table_size (current));
          g_assert_cmpuint (valid_new, ==, g_hash_table_size (printed));
          g_hash_table_unref (current);
          current = g_steal_pointer (&printed);
          n_new++;
        }
    }
  g_test_message ("%u kills: %u left the old codes, %u the new ones (all printed)",
                  N_CODE_KILLS, n_old, n_new);
  test_remove_dir (dir);
}

/* ---- §7 lock-out --------------------------------------------------------------------- */

static gboolean
never_matches_cb (const char *hash,
                  gpointer    user_data)
{
  return FALSE;
}

static void
test_lift_lockout (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "v.scvault", NULL);
  g_autoptr(ScVault) vault = test_create_vault (path, NULL);
  g_autoptr(GPtrArray) roster = test_roster (0);
  g_autoptr(GHashTable) codes = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  GString *csv = g_string_new (NULL);
  const char *number = test_people[0].number;
  const char *code;
  gboolean logged = FALSE;
  gint64 round_id;

  g_assert_true (sc_vault_upsert_employees (vault, roster, &error));
  round_id = sc_vault_create_round (vault, "1", NULL, NULL, NULL, &error);
  g_assert_true (sc_vault_issue_access_codes (vault, round_id, roster, csv, &error));
  g_assert_no_error (error);
  codes = test_parse_codes (csv->str);
  g_string_free (csv, TRUE);
  code = g_hash_table_lookup (codes, number);
  g_assert_nonnull (code);

  /* The attack: someone types wrong codes for this number until it locks. */
  for (guint i = 0; i < 5; i++)
    {
      g_assert_false (sc_vault_check_access_code (vault, round_id, number, never_matches_cb,
                                                  NULL, &error));
      g_clear_error (&error);
    }
  g_assert_false (sc_vault_check_access_code (vault, round_id, number, test_verify_code_cb,
                                              (gpointer) code, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_THROTTLED);
  /* The person is told to ask the staff. */
  g_assert_nonnull (strstr (error->message, "ask the staff"));
  g_clear_error (&error);

  /* HR may not lift it; the implementer may. */
  g_assert_true (sc_vault_set_hr_passphrase (vault, HR_PASS, &error));
  sc_vault_lock (vault);
  g_assert_true (sc_vault_unlock (vault, HR_PASS, &error));
  g_assert_false (sc_vault_lift_lockout (vault, round_id, number, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
  g_clear_error (&error);
  sc_vault_lock (vault);
  g_assert_true (sc_vault_unlock (vault, IMPL_PASS, &error));
  g_assert_false (sc_vault_lift_lockout (vault, round_id, "NOBODY", &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (sc_vault_lift_lockout (vault, round_id, number, &error));
  g_assert_no_error (error);

  g_assert_true (sc_vault_check_access_code (vault, round_id, number, test_verify_code_cb,
                                             (gpointer) code, &error));
  g_assert_no_error (error);
  audit = sc_vault_list_audit (vault, &error);
  for (guint i = 0; i < audit->len; i++)
    logged |= g_str_equal (((ScVaultAuditEntry *) g_ptr_array_index (audit, i))->action,
                           "access_code.unlock");
  g_assert_true (logged);
  test_remove_dir (dir);
}

/* ---- §7 the kiosk sees no roster entry before the code check ------------------------ */

static void
assert_stub (ScEmployee *e,
             const char *number)
{
  g_assert_nonnull (e);
  g_assert_cmpstr (e->number, ==, number);
  g_assert_null (e->name);
  g_assert_null (e->kana);
  g_assert_null (e->birth_date);
  g_assert_null (e->department);
  g_assert_null (e->job_type);
  g_assert_null (e->employment_type);
  sc_employee_free (e);
}

static void
test_kiosk_roster_before_code (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "v.scvault", NULL);
  g_autoptr(ScVault) vault = test_create_vault (path, NULL);
  g_autoptr(GPtrArray) roster = test_roster (0);
  g_autoptr(GHashTable) codes = NULL;
  g_autoptr(ScEmployee) full = NULL;
  GString *csv = g_string_new (NULL);
  const TestPerson *p = &test_people[0];
  gint64 round_id;

  g_assert_true (sc_vault_upsert_employees (vault, roster, &error));
  round_id = sc_vault_create_round (vault, "1", NULL, NULL, NULL, &error);
  g_assert_true (sc_vault_issue_access_codes (vault, round_id, roster, csv, &error));
  g_assert_no_error (error);
  codes = test_parse_codes (csv->str);
  g_string_free (csv, TRUE);
  g_assert_true (sc_vault_enter_kiosk (vault, &error));

  /* The attack: anyone at the kiosk asks for an employee without a code. */
  assert_stub (sc_vault_lookup_employee (vault, p->number, &error), p->number);
  g_assert_no_error (error);
  /* A wrong code does not open it either. */
  g_assert_false (sc_vault_check_access_code (vault, round_id, p->number, never_matches_cb,
                                              NULL, &error));
  g_clear_error (&error);
  assert_stub (sc_vault_lookup_employee (vault, p->number, &error), p->number);

  /* The person's own code does. */
  g_assert_true (sc_vault_check_access_code (vault, round_id, p->number, test_verify_code_cb,
                                             g_hash_table_lookup (codes, p->number), &error));
  g_assert_no_error (error);
  full = sc_vault_lookup_employee (vault, p->number, &error);
  g_assert_cmpstr (full->name, ==, p->name);
  g_assert_cmpstr (full->birth_date, ==, p->birth_date);
  g_assert_cmpstr (full->department, ==, p->department);
  /* Only that person's: not the next one's, and not after another login starts. */
  assert_stub (sc_vault_lookup_employee (vault, test_people[1].number, &error),
               test_people[1].number);
  g_assert_false (sc_vault_check_access_code (vault, round_id, test_people[1].number,
                                              never_matches_cb, NULL, &error));
  g_clear_error (&error);
  assert_stub (sc_vault_lookup_employee (vault, p->number, &error), p->number);

  /* Staff roles see the roster as before. */
  g_assert_true (sc_vault_leave_kiosk (vault, IMPL_PASS, &error));
  g_clear_pointer (&full, sc_employee_free);
  full = sc_vault_lookup_employee (vault, p->number, &error);
  g_assert_cmpstr (full->name, ==, p->name);
  test_remove_dir (dir);
}

/* ---- §7 dates ------------------------------------------------------------------------ */

static void
test_kiosk_outside_period (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "v.scvault", NULL);
  g_autoptr(ScVault) vault = test_create_vault (path, NULL);
  g_autoptr(GPtrArray) roster = test_roster (0);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  guint8 answers[SC_BJSQ_N_ITEMS];
  gint64 past, future, current, paper;

  test_answers (1, answers);
  g_assert_true (sc_vault_upsert_employees (vault, roster, &error));
  past = sc_vault_create_round (vault, "past", "2000-01-01", "2000-01-31", NULL, &error);
  future = sc_vault_create_round (vault, "future", "2999-01-01", "2999-01-31", NULL, &error);
  current = sc_vault_create_round (vault, "current", today, today, NULL, &error);
  g_assert_no_error (error);

  /* Paper forms filled in during a past period may still be entered by the implementer. */
  paper = sc_vault_submit (vault, past, test_people[3].number, answers, SC_SEX_FEMALE, NULL,
                           &error);
  g_assert_no_error (error);
  g_assert_cmpint (paper, >, 0);

  g_assert_true (sc_vault_enter_kiosk (vault, &error));
  g_assert_cmpint (sc_vault_submit (vault, past, test_people[0].number, answers, SC_SEX_MALE,
                                    NULL, &error), ==, 0);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "ended on 2000-01-31"));
  g_clear_error (&error);
  g_assert_cmpint (sc_vault_submit (vault, future, test_people[0].number, answers, SC_SEX_MALE,
                                    NULL, &error), ==, 0);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "starts on 2999-01-01"));
  g_clear_error (&error);
  /* The first and the last day belong to the period. */
  g_assert_cmpint (sc_vault_submit (vault, current, test_people[0].number, answers,
                                    SC_SEX_MALE, NULL, &error), >, 0);
  g_assert_no_error (error);
  test_remove_dir (dir);
}

/* A PC whose clock is before 1970 stores negative times: the export shows them as
 * times, not as null (which means "never"). */
static void
test_time_before_1970 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "v.scvault", NULL);
  g_autofree char *pw = g_build_filename (dir, "pw", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GPtrArray) roster = test_roster (0);
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "TZ", "UTC", TRUE);
  guint8 answers[SC_BJSQ_N_ITEMS];
  int status;

  test_answers (2, answers);
  {
    g_autoptr(ScVault) vault = test_create_vault (path, NULL);

    g_assert_true (sc_vault_upsert_employees (vault, roster, &error));
    g_assert_cmpint (sc_vault_create_round (vault, "1", NULL, NULL, NULL, &error), ==, 1);
    g_assert_cmpint (sc_vault_submit (vault, 1, test_people[0].number, answers, SC_SEX_MALE,
                                      NULL, &error), >, 0);
    g_assert_cmpint (sqlite3_exec (sc_vault_get_db (vault),
                                   "UPDATE submissions SET submitted_at = -86400", NULL, NULL,
                                   NULL), ==, SQLITE_OK);
    g_assert_true (sc_vault_test_save (vault, &error));
    g_assert_no_error (error);
  }
  test_write (pw, (const guint8 *) IMPL_PASS "\n", strlen (IMPL_PASS) + 1);
  {
    const char *argv[] = { g_getenv ("STRESSCHECK_CLI"), "export", path, "1",
                           "--passphrase-file", pw, NULL };

    g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                  &status, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "\"submitted_at\": \"1969-12-31T00:00:00Z\""));
  g_assert_null (strstr (out, "\"submitted_at\": null"));
  test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Minimum Argon2id limits for code hashes (this is a -Dtest_hooks=true build). */
  g_setenv ("STRESSCHECK_KDF", "min", TRUE);
  g_test_init (&argc, &argv, NULL);
  state_dir = test_make_dir ();
  sc_vault_test_set_state_dir (state_dir);
  g_test_add_func ("/vault/harden/process", test_process_harden);
  g_test_add_func ("/vault/harden/cli-not-dumpable", test_cli_not_dumpable);
  g_test_add_func ("/vault/harden/leftover-tmp", test_leftover_tmp_removed);
  g_test_add_func ("/vault/harden/forged-slot", test_forged_slot);
  g_test_add_func ("/vault/harden/rollback", test_rollback_warning);
  g_test_add_func ("/vault/harden/codes-one-save", test_codes_one_save);
  g_test_add_func ("/vault/harden/codes-killed", test_codes_killed);
  g_test_add_func ("/vault/harden/lift-lockout", test_lift_lockout);
  g_test_add_func ("/vault/harden/kiosk-roster-before-code", test_kiosk_roster_before_code);
  g_test_add_func ("/vault/harden/kiosk-outside-period", test_kiosk_outside_period);
  g_test_add_func ("/vault/harden/time-before-1970", test_time_before_1970);
  status = g_test_run ();
  remove_tree (state_dir);
  return status;
}
