/* bench-score.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scoring throughput: the library on 1,000,000 generated respondents (one core), and
 * `stresscheck-cli score` end to end on a generated CSV of the same size, JSON Lines out
 * to /dev/null. A benchmark, not a test: it reports figures (as TAP comments) and only
 * fails if the results are wrong, never because the machine is slow.
 */
#include "config.h"

#include "sc-test-util.h"
#include "sc-score.h"

#include <gio/gio.h>
#include <string.h>

#define N_RESPONDENTS 1000000
#define N_ROUNDS      5

static guint8 *
generate_answers (ScSex **out_sexes)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261122);
  guint8 *answers = g_malloc ((gsize) N_RESPONDENTS * SC_BJSQ_N_ITEMS);
  ScSex *sexes = g_new (ScSex, N_RESPONDENTS);

  for (gsize r = 0; r < N_RESPONDENTS; r++)
    {
      sexes[r] = g_rand_boolean (rand) ? SC_SEX_FEMALE : SC_SEX_MALE;
      for (guint i = 0; i < SC_BJSQ_N_ITEMS; i++)
        /* About one respondent in 200 leaves an item out. */
        answers[r * SC_BJSQ_N_ITEMS + i] =
          g_rand_int_range (rand, 0, 57 * 200) == 0 ? 0 : (guint8) g_rand_int_range (rand, 1, 5);
    }
  *out_sexes = sexes;
  return answers;
}

static void
bench_library (void)
{
  g_autofree ScSex *sexes = NULL;
  g_autofree guint8 *answers = generate_answers (&sexes);
  double best = G_MAXDOUBLE;
  guint64 checksum_first = 0;

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      guint64 checksum = 0;
      gint64 start = g_get_monotonic_time ();
      double seconds;

      for (gsize r = 0; r < N_RESPONDENTS; r++)
        {
          ScResult result;

          sc_score (answers + r * SC_BJSQ_N_ITEMS, sexes[r], NULL, &result);
          checksum += (guint64) (result.conversion.a + 3 * result.sum.b) + result.conversion.verdict;
        }
      seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
      best = MIN (best, seconds);
      if (round == 0)
        checksum_first = checksum;
      /* Same input, same results: scoring has no hidden state. */
      g_assert_cmpuint (checksum, ==, checksum_first);
    }

  g_test_message ("library: %d respondents in %.3f s (best of %d) = %.2f million respondents/s "
                  "on one core", N_RESPONDENTS, best, N_ROUNDS, N_RESPONDENTS / best / 1e6);
}

static void
bench_cli (void)
{
  const char *cli = test_cli_path ();
  g_autofree char *dir = NULL;
  g_autofree char *csv_path = NULL;
  g_autoptr(GString) csv = g_string_sized_new ((gsize) N_RESPONDENTS * 80);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  static const char * const sexes[] = { "M", "F", "男", "女", "male", "female" };
  double best = G_MAXDOUBLE;

  dir = test_make_dir ();
  csv_path = g_build_filename (dir, "respondents.csv", NULL);

  g_string_append (csv, "id,sex,answers\r\n");
  for (guint r = 0; r < N_RESPONDENTS; r++)
    {
      g_string_append_printf (csv, "e%07u,%s,", r, sexes[g_rand_int_range (rand, 0, 6)]);
      for (guint i = 0; i < SC_BJSQ_N_ITEMS; i++)
        g_string_append_c (csv, (char) ('1' + g_rand_int_range (rand, 0, 4)));
      g_string_append (csv, "\r\n");
    }
  g_assert_true (g_file_set_contents (csv_path, csv->str, (gssize) csv->len, &error));
  g_assert_no_error (error);

  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(GSubprocess) proc = NULL;
      g_autoptr(GSubprocessLauncher) launcher =
        g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE);
      gint64 start;
      double seconds;

      g_subprocess_launcher_set_stdout_file_path (launcher, "/dev/null");
      start = g_get_monotonic_time ();
      proc = g_subprocess_launcher_spawn (launcher, &error, cli, "score", csv_path, NULL);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_wait_check (proc, NULL, &error));
      g_assert_no_error (error);
      seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
      best = MIN (best, seconds);
    }

  g_test_message ("cli: %d rows (%.1f MB CSV) scored to /dev/null in %.3f s (best of 3) = "
                  "%.0f rows/s end to end", N_RESPONDENTS, csv->len / 1e6, best,
                  N_RESPONDENTS / best);

  test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bench/score/library", bench_library);
  g_test_add_func ("/bench/score/cli", bench_cli);

  return g_test_run ();
}
