/* test-vault-crash.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Crash safety (DESIGN.md §2 property 3): a writer process is killed with SIGKILL at
 * random instants, 500 times; after every kill the vault opens and holds every
 * submission the writer had acknowledged (its save had returned).
 */
#include "config.h"

#include "sc-test-util.h"
#include "sc-secure.h"
#include "sc-vault.h"
#include "sc-vault-private.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#define N_KILLS 500
#define N_EMPLOYEES 200

typedef struct
{
  GString *pending;        /* an unfinished line */
  GArray  *acked;          /* gint64 ids acknowledged by the current writer */
  gboolean eof;
} Reader;

/* Reads what is available (blocking when @block), collecting complete lines. */
static void
read_acks (Reader *r,
           int     fd,
           gboolean block,
           guint   want)
{
  char buf[4096];

  while (!r->eof && (block ? r->acked->len < want : FALSE))
    {
      ssize_t n = read (fd, buf, sizeof buf);

      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, >=, 0);
      if (n == 0)
        {
          r->eof = TRUE;
          break;
        }
      g_string_append_len (r->pending, buf, n);
      for (char *nl; (nl = memchr (r->pending->str, '\n', r->pending->len)) != NULL;)
        {
          gint64 id = g_ascii_strtoll (r->pending->str, NULL, 10);

          g_assert_cmpint (id, >, 0);
          g_array_append_val (r->acked, id);
          g_string_erase (r->pending, 0, nl - r->pending->str + 1);
        }
    }
}

static void
verify (const char *path,
        GHashTable *all_acked,
        GArray     *new_acked)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(GPtrArray) subs = NULL;
  g_autoptr(GHashTable) present = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTableIter iter;
  gpointer key;

  vault = sc_vault_open (path, IMPL_PASS, SC_VAULT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  subs = sc_vault_list_submissions (vault, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < subs->len; i++)
    {
      ScVaultSubmission *s = g_ptr_array_index (subs, i);

      g_hash_table_add (present, &s->id);
    }
  g_hash_table_iter_init (&iter, all_acked);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (present, key))
      g_error ("acknowledged submission %" G_GINT64_FORMAT " is missing", *(gint64 *) key);

  /* The newly acknowledged ones hold the answers that were sent. */
  for (guint i = 0; i < subs->len; i++)
    {
      ScVaultSubmission *s = g_ptr_array_index (subs, i);
      guint8 expected[SC_BJSQ_N_ITEMS];
      ScVaultResult r;
      gboolean is_new = FALSE;

      for (guint j = 0; j < new_acked->len && !is_new; j++)
        is_new = g_array_index (new_acked, gint64, j) == s->id;
      if (!is_new)
        continue;
      g_assert_true (sc_vault_read_result (vault, s->id, &r, &error));
      g_assert_no_error (error);
      test_answers ((guint) (s->round_id * 100000
                             + g_ascii_strtoull (s->employee_number + 1, NULL, 10)),
                    expected);
      g_assert_cmpmem (r.answers, SC_BJSQ_N_ITEMS, expected, SC_BJSQ_N_ITEMS);
    }
}

static void
test_kill_writer (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "crash.scvault", NULL);
  g_autofree char *writer = g_test_build_filename (G_TEST_BUILT, "vault-writer", NULL);
  g_autoptr(GHashTable) all_acked = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                          g_free, NULL);
  g_autofree char *tmp = g_strconcat (path, ".tmp", NULL);
  guint kills_while_saving = 0, kills_mid_write = 0;

  {
    g_autoptr(ScVault) vault = test_create_vault (path, NULL);
    g_autoptr(GPtrArray) roster = test_roster (N_EMPLOYEES);

    g_assert_true (sc_vault_upsert_employees (vault, roster, &error));
    g_assert_cmpint (sc_vault_create_round (vault, "1", NULL, NULL, NULL, &error), >, 0);
    g_assert_no_error (error);
  }

  for (guint kill_no = 0; kill_no < N_KILLS; kill_no++)
    {
      const char *argv[] = { writer, path, NULL };
      Reader r = { g_string_new (NULL), g_array_new (FALSE, FALSE, sizeof (gint64)), FALSE };
      GPid pid;
      int out_fd, status;
      guint want = (guint) g_test_rand_int_range (0, 4);

      g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL,
                                NULL, &pid, NULL, &out_fd, NULL, &error);
      g_assert_no_error (error);

      /* Let it acknowledge 0-3 saves, then kill it 0-3 ms later: mostly in the middle of
       * the next save (writing, fsync, rename), sometimes while it starts up. */
      read_acks (&r, out_fd, TRUE, want);
      g_assert_false (r.eof);
      g_usleep ((gulong) g_test_rand_int_range (0, 3000));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      /* Killed, not exited on an error of its own. */
      g_assert_true (WIFSIGNALED (status));
      read_acks (&r, out_fd, TRUE, G_MAXUINT);
      close (out_fd);

      kills_while_saving += want > 0;
      /* A temporary file left behind: killed between creating it and the rename. */
      kills_mid_write += g_file_test (tmp, G_FILE_TEST_EXISTS);
      for (guint i = 0; i < r.acked->len; i++)
        g_hash_table_add (all_acked, g_memdup2 (&g_array_index (r.acked, gint64, i),
                                                sizeof (gint64)));
      verify (path, all_acked, r.acked);

      g_string_free (r.pending, TRUE);
      g_array_unref (r.acked);
    }

  g_test_message ("%u kills (%u after the writer had saved, %u between creating the "
                  "temporary file and renaming it), %u submissions acknowledged",
                  N_KILLS, kills_while_saving, kills_mid_write,
                  g_hash_table_size (all_acked));
  g_assert_cmpuint (g_hash_table_size (all_acked), >, 0);
  test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/vault/crash/kill-writer", test_kill_writer);
  return g_test_run ();
}
