/* bench-vault.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Vault open and save at 50, 1,000 and 10,000 employees with 5 rounds of submissions
 * each (sealed blobs of the real size, a consent and an audit row per submission), next
 * to a plain write of the same number of bytes with the same durability steps (write,
 * fsync, rename, fsync of the folder) and no encryption; and the durable save of one
 * kiosk submission into a 1,000-employee vault.
 *
 * "open" is sc_vault_open() on a vault made with the minimum Argon2id limits, minus the
 * time of one such KDF run measured separately: the time from having the key to a ready
 * database (read, authenticate, decrypt, deserialize, schema check). The KDF at the
 * default limits is reported on its own line.
 *
 * A benchmark, not a test: it reports figures as TAP comments and only fails if the
 * results are wrong, never because the machine is slow. Goals (DESIGN.md §7): save within
 * 1.5× of the plain write, open under 100 ms at 10,000 employees.
 */
#include "config.h"

#include "sc-test-util.h"
#include "sc-secure.h"
#include "sc-vault.h"
#include "sc-vault-private.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include <fcntl.h>
#include <unistd.h>

#define N_ROUNDS  5
#define N_REPEATS 7
#define RESULT_SEALED_BYTES (135 + crypto_box_SEALBYTES)

static double
now_s (void)
{
  return (double) g_get_monotonic_time () / G_USEC_PER_SEC;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *v,
        guint   n)
{
  qsort (v, n, sizeof *v, (int (*) (const void *, const void *)) compare_double);
  return v[n / 2];
}

/* The same durability steps as the vault's save, without encryption. */
static double
plain_write (const char   *path,
             const guint8 *data,
             gsize         len)
{
  g_autofree char *tmp = g_strconcat (path, ".tmp", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  double start = now_s ();
  gsize off = 0;
  int fd, dfd;

  fd = open (tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  g_assert_cmpint (fd, >=, 0);
  while (off < len)
    {
      ssize_t n = write (fd, data + off, len - off);

      g_assert_cmpint (n, >, 0);
      off += (gsize) n;
    }
  g_assert_cmpint (fsync (fd), ==, 0);
  close (fd);
  g_assert_cmpint (rename (tmp, path), ==, 0);
  dfd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  fsync (dfd);
  close (dfd);
  return now_s () - start;
}

static double
kdf_seconds (const ScVaultKdfLimits *limits)
{
  guint8 key[32], salt[crypto_pwhash_SALTBYTES] = { 0 };
  double start = now_s ();

  g_assert_cmpint (crypto_pwhash (key, sizeof key, IMPL_PASS, strlen (IMPL_PASS), salt,
                                  limits->opslimit, limits->memlimit,
                                  crypto_pwhash_ALG_ARGON2ID13), ==, 0);
  return now_s () - start;
}

/* Fills the vault with @n employees and N_ROUNDS rounds in which everybody answered;
 * one in three shared the result with HR. */
static void
populate (ScVault *vault,
          guint    n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) roster = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_employee_free);
  g_autoptr(sqlite3_stmt) sub = NULL;
  g_autoptr(sqlite3_stmt) consent = NULL;
  g_autoptr(sqlite3_stmt) audit = NULL;
  sqlite3 *db = sc_vault_get_db (vault);
  guint8 plain[135], sealed_impl[RESULT_SEALED_BYTES], sealed_hr[RESULT_SEALED_BYTES];
  guint8 pk[32], sk[32];

  for (guint i = 0; i < n; i++)
    {
      ScEmployee *e = sc_employee_new ();

      e->number = g_strdup_printf ("%07u", 1000000 + i);
      e->name = g_strdup_printf ("山田 太郎%u", i);
      e->kana = g_strdup ("やまだ たろう");
      e->sex = i % 2 ? SC_SEX_FEMALE : SC_SEX_MALE;
      e->birth_date = g_strdup_printf ("19%02u-%02u-%02u", 50 + i % 50, 1 + i % 12, 1 + i % 28);
      e->department = g_strdup_printf ("第%u営業部", i % 40);
      e->job_type = g_strdup ("営業");
      e->position = g_strdup (i % 10 ? "一般" : "課長");
      e->employment_type = g_strdup ("正社員");
      g_ptr_array_add (roster, e);
    }
  g_assert_true (sc_vault_upsert_employees (vault, roster, &error));
  for (guint r = 0; r < N_ROUNDS; r++)
    {
      g_autofree char *name = g_strdup_printf ("%u年度", 2020 + r);

      g_assert_cmpint (sc_vault_create_round (vault, name, NULL, NULL, NULL, &error), ==, r + 1);
    }
  g_assert_no_error (error);

  g_assert_true (sc_vault_test_get_hr_keys (vault, pk, sk));
  g_assert_true (sc_vault_db_begin (db, &error));
  sub = sc_vault_db_prepare (db, "INSERT INTO submissions (round_id, employee_id, "
                                 "submitted_at, sealed_impl, sealed_hr) VALUES (?, ?, ?, ?, ?)",
                             &error);
  consent = sc_vault_db_prepare (db, "INSERT INTO consents VALUES (?, ?, ?)", &error);
  audit = sc_vault_db_prepare (db, "INSERT INTO audit_log (time, role, action, target) "
                                   "VALUES (?, 3, 'submission.add', ?)", &error);
  g_assert_no_error (error);
  for (guint r = 1; r <= N_ROUNDS; r++)
    for (guint i = 1; i <= n; i++)
      {
        gboolean shared = i % 3 == 0;
        gint64 t = 1700000000 + r * 1000000 + i;
        gint64 id;

        /* Real sizes and real (incompressible) ciphertext. */
        randombytes_buf (plain, sizeof plain);
        crypto_box_seal (sealed_impl, plain, sizeof plain, sc_vault_get_public_key (vault,
                         SC_VAULT_ROLE_IMPLEMENTER));
        sqlite3_reset (sub);
        sqlite3_bind_int64 (sub, 1, r);
        sqlite3_bind_int64 (sub, 2, i);
        sqlite3_bind_int64 (sub, 3, t);
        sqlite3_bind_blob (sub, 4, sealed_impl, sizeof sealed_impl, SQLITE_STATIC);
        if (shared)
          {
            crypto_box_seal (sealed_hr, plain, sizeof plain, pk);
            sqlite3_bind_blob (sub, 5, sealed_hr, sizeof sealed_hr, SQLITE_STATIC);
          }
        else
          sqlite3_bind_null (sub, 5);
        g_assert_cmpint (sqlite3_step (sub), ==, SQLITE_DONE);
        id = sqlite3_last_insert_rowid (db);

        sqlite3_reset (consent);
        sqlite3_bind_int64 (consent, 1, id);
        sqlite3_bind_int (consent, 2, shared ? SC_VAULT_CONSENT_YES : SC_VAULT_CONSENT_NO);
        sqlite3_bind_int64 (consent, 3, t + 60);
        g_assert_cmpint (sqlite3_step (consent), ==, SQLITE_DONE);

        sqlite3_reset (audit);
        sqlite3_bind_int64 (audit, 1, t);
        sqlite3_bind_int64 (audit, 2, id);
        g_assert_cmpint (sqlite3_step (audit), ==, SQLITE_DONE);
      }
  g_assert_true (sc_vault_db_commit (db, &error));
  g_assert_true (sc_vault_test_save (vault, &error));
  g_assert_no_error (error);
}

static void
bench_size (const char *dir,
            guint       n,
            double      kdf_min)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("%s/bench-%u.scvault", dir, n);
  g_autofree char *plain_path = g_strdup_printf ("%s/plain-%u.bin", dir, n);
  g_autofree guint8 *bytes = NULL;
  g_autoptr(ScVault) vault = test_create_vault (path, NULL);
  double save[N_REPEATS], write[N_REPEATS], open_t[N_REPEATS];
  double save_m, write_m, open_m;
  gsize len = 0;

  populate (vault, n);
  g_assert_true (sc_vault_test_save (vault, &error));
  bytes = test_read (path, &len);
  /* Alternated, so that both see the same load on the machine. */
  for (guint i = 0; i < N_REPEATS; i++)
    {
      double start = now_s ();

      g_assert_true (sc_vault_test_save (vault, &error));
      save[i] = now_s () - start;
      write[i] = plain_write (plain_path, bytes, len);
    }
  g_assert_no_error (error);
  g_clear_object (&vault);

  for (guint i = 0; i < N_REPEATS; i++)
    {
      g_autoptr(GPtrArray) subs = NULL;
      double start = now_s ();

      vault = sc_vault_open (path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
      open_t[i] = now_s () - start - kdf_min;
      g_assert_no_error (error);
      /* It really is all there. */
      if (i == 0)
        {
          subs = sc_vault_list_submissions (vault, 0, &error);
          g_assert_cmpuint (subs->len, ==, n * N_ROUNDS);
        }
      g_clear_object (&vault);
    }

  save_m = median (save, N_REPEATS);
  write_m = median (write, N_REPEATS);
  open_m = median (open_t, N_REPEATS);
  g_test_message ("%6u | %7.2f MB | %8.1f ms | %8.1f ms | %5.2fx | %8.1f ms",
                  n, len / 1e6, save_m * 1e3, write_m * 1e3, save_m / write_m, open_m * 1e3);
}

static void
bench_kiosk_submission (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("%s/kiosk.scvault", dir);
  g_autoptr(ScVault) vault = test_create_vault (path, NULL);
  double t[21];
  gint64 round_id;

  populate (vault, 1000);
  round_id = sc_vault_create_round (vault, "this year", NULL, NULL, NULL, &error);
  g_assert_true (sc_vault_enter_kiosk (vault, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (t); i++)
    {
      g_autofree char *number = g_strdup_printf ("%07u", 1000000 + i);
      guint8 answers[SC_BJSQ_N_ITEMS];
      ScResult result;
      double start;

      test_answers (i, answers);
      start = now_s ();
      g_assert_cmpint (sc_vault_submit (vault, round_id, number, answers, SC_SEX_MALE, &result,
                                        &error), >, 0);
      t[i] = now_s () - start;
      g_assert_no_error (error);
    }
  g_test_message ("kiosk submission into a 1,000-employee vault (score, seal, commit, durable "
                  "save): median %.1f ms over %u", median (t, G_N_ELEMENTS (t)) * 1e3,
                  (guint) G_N_ELEMENTS (t));
}

static void
bench_vault (void)
{
  g_autofree char *dir = test_make_dir ();
  double kdf_min = kdf_seconds (sc_vault_kdf_limits_for_testing ());
  double kdf_default = kdf_seconds (sc_vault_kdf_limits_default ());

  g_test_message ("Argon2id at the default limits (%" G_GUINT64_FORMAT " passes, %" G_GSIZE_FORMAT
                  " MiB): %.0f ms per unlock attempt; at the minimum limits: %.3f ms",
                  sc_vault_kdf_limits_default ()->opslimit,
                  sc_vault_kdf_limits_default ()->memlimit >> 20, kdf_default * 1e3,
                  kdf_min * 1e3);
  g_test_message ("medians of %d; open excludes the KDF", N_REPEATS);
  g_test_message ("employees | file size | save | plain write | ratio | open");
  bench_size (dir, 50, kdf_min);
  bench_size (dir, 1000, kdf_min);
  bench_size (dir, 10000, kdf_min);
  bench_kiosk_submission (dir);
  test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/vault/bench", bench_vault);
  return g_test_run ();
}
