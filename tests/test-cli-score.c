/* test-cli-score.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `stresscheck-cli score` end to end: the real executable, real files and pipes.
 */
#include "config.h"

#include "sc-test-util.h"

#include <gio/gio.h>
#include <string.h>

typedef struct
{
  int    status;
  char  *out;
  gsize  out_len;
  char  *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs the CLI with @args (NULL-terminated), feeding @input (may be NULL) on stdin. */
static void
run_cli (Run               *run,
         GBytes            *input,
         const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GBytes) empty = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  g_ptr_array_add (argv, (gpointer) test_cli_path ());
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_newv ((const char * const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                            | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  /* An empty standard input rather than none, so that a CLI that reads it sees EOF. */
  if (input == NULL)
    input = empty = g_bytes_new_static ("", 0);
  g_subprocess_communicate (proc, input, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  run->status = g_subprocess_get_exit_status (proc);
  len = g_bytes_get_size (out);
  run->out = len ? g_strndup (g_bytes_get_data (out, NULL), len) : g_strdup ("");
  run->out_len = len;
  run->err = g_bytes_get_size (err) ? g_strndup (g_bytes_get_data (err, NULL), g_bytes_get_size (err))
                                     : g_strdup ("");
}

static void
test_vectors_file (void)
{
  g_autofree char *csv = test_data_path ("respondents-300.csv");
  g_autofree char *expected = test_read_data ("respondents-300.expected.jsonl");
  g_auto(Run) run = { 0 };

  run_cli (&run, NULL, (const char *[]) { "score", csv, NULL });
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  /* Byte for byte, all 300 rows in input order. */
  g_assert_cmpstr (run.out, ==, expected);
}

static void
test_vectors_stdin (void)
{
  g_autofree char *csv = test_read_data ("respondents-300.csv");
  g_autofree char *expected = test_read_data ("respondents-300.expected.jsonl");
  g_autoptr(GBytes) input = g_bytes_new (csv, strlen (csv));
  g_auto(Run) a = { 0 };
  g_auto(Run) b = { 0 };

  run_cli (&a, input, (const char *[]) { "score", "-", NULL });
  g_assert_cmpint (a.status, ==, 0);
  g_assert_cmpstr (a.out, ==, expected);

  /* No file argument means standard input too, and --format jsonl is the default. */
  run_cli (&b, input, (const char *[]) { "score", "--format", "jsonl", NULL });
  g_assert_cmpint (b.status, ==, 0);
  g_assert_cmpstr (b.out, ==, expected);
}

/* The 40 respondents with missing answers: a missing D1/D2 keeps the verdict, a missing
 * A, B or C item empties it. Byte for byte, from a file and from standard input. */
static void
test_vectors_missing (void)
{
  g_autofree char *csv_path = test_data_path ("respondents-missing-40.csv");
  g_autofree char *csv = test_read_data ("respondents-missing-40.csv");
  g_autofree char *expected = test_read_data ("respondents-missing-40.expected.jsonl");
  g_autoptr(GBytes) input = g_bytes_new (csv, strlen (csv));
  g_auto(Run) a = { 0 };
  g_auto(Run) b = { 0 };

  run_cli (&a, NULL, (const char *[]) { "score", csv_path, NULL });
  g_assert_cmpstr (a.err, ==, "");
  g_assert_cmpint (a.status, ==, 0);
  g_assert_cmpstr (a.out, ==, expected);

  run_cli (&b, input, (const char *[]) { "score", "-", NULL });
  g_assert_cmpint (b.status, ==, 0);
  g_assert_cmpstr (b.out, ==, expected);
}

/* The MHLW worked example with one answer per accepted sex spelling. */
#define MHLW "112331443323243341112334443344433222234342333343343443322"

static void
test_sex_spellings_and_columns (void)
{
  /* Extra columns and another column order are fine. */
  const char *csv =
    "note,answers,sex,id\n"
    "x," MHLW ",M,m1\n" "x," MHLW ",male,m2\n" "x," MHLW ",男,m3\n" "x," MHLW ",1,m4\n"
    "x," MHLW ",F,f1\n" "x," MHLW ",Female,f2\n" "x," MHLW ",女,f3\n" "x," MHLW ",2,f4\n";
  g_autoptr(GBytes) input = g_bytes_new_static (csv, strlen (csv));
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;

  run_cli (&run, input, (const char *[]) { "score", NULL });
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 9);
  for (guint i = 0; i < 8; i++)
    {
      gboolean male = i < 4;

      g_assert_true (g_str_has_prefix (lines[i], male ? "{\"id\": \"m" : "{\"id\": \"f"));
      g_assert_nonnull (strstr (lines[i], male ? "\"sex\": \"M\"" : "\"sex\": \"F\""));
      /* Conversion B differs by sex for this example: 7 for men, 9 for women. */
      g_assert_nonnull (strstr (lines[i], male ? "\"conversion\": {\"A\": 21, \"B\": 7, \"C\": 4"
                                               : "\"conversion\": {\"A\": 21, \"B\": 9, \"C\": 4"));
    }
}

static void
test_bom_crlf_quotes_blank (void)
{
  const char *csv =
    "\xef\xbb\xbf\"id\",\"sex\",\"answers\"\r\n"
    "\r\n"
    "\"a,1\",M,\"" MHLW "\"\r\n"
    "\"say \"\"hi\"\"\",F," MHLW "\r\n"
    ",,\r\n";
  g_autoptr(GBytes) input = g_bytes_new_static (csv, strlen (csv));
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;

  run_cli (&run, input, (const char *[]) { "score", NULL });
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], "{\"id\": \"a,1\", \"sex\": \"M\", \"complete\": true"));
  g_assert_true (g_str_has_prefix (lines[1], "{\"id\": \"say \\\"hi\\\"\", \"sex\": \"F\""));
}

static void
test_cp932 (void)
{
  const char *utf8 = "id,sex,answers,氏名\r\n山田,男," MHLW ",山田 太郎\r\n髙橋,女," MHLW ",髙橋 花子\r\n";
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  g_autofree char *sjis = g_convert (utf8, -1, "CP932", "UTF-8", NULL, &len, &error);
  g_autoptr(GBytes) input = NULL;
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;

  g_assert_no_error (error);
  input = g_bytes_new (sjis, len);
  run_cli (&run, input, (const char *[]) { "score", NULL });
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  /* Output is always UTF-8. */
  g_assert_true (g_str_has_prefix (lines[0], "{\"id\": \"山田\", \"sex\": \"M\""));
  g_assert_true (g_str_has_prefix (lines[1], "{\"id\": \"髙橋\", \"sex\": \"F\""));
}

static void
test_bad_rows (void)
{
  const char *csv =
    "id,sex,answers\n"
    "ok1,M," MHLW "\n"
    "short,M,1123314433\n"                                                   /* line 3 */
    "badchar,F,11233144332324334111233444334443322223434233334334344332x\n"  /* line 4 */
    "nosex,X," MHLW "\n"                                                      /* line 5 */
    "nocolumn,M\n"                                                            /* line 6 */
    ",M," MHLW "\n"                                                           /* line 7 */
    "emptysex,," MHLW "\n"                                                    /* line 8 */
    "ok2,F,1-2331443323243341112334443344433222234342333343343443322\n";
  g_autoptr(GBytes) input = g_bytes_new_static (csv, strlen (csv));
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;

  run_cli (&run, input, (const char *[]) { "score", NULL });
  g_assert_cmpint (run.status, ==, 65);

  /* The good rows are still scored, in order; the incomplete one has no verdict. */
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], "{\"id\": \"ok1\""));
  g_assert_true (g_str_has_prefix (lines[1], "{\"id\": \"ok2\", \"sex\": \"F\", \"complete\": false"));
  g_assert_nonnull (strstr (lines[1], "\"high_stress\": null"));

  g_assert_nonnull (strstr (run.err, "line 3: answers has 10 characters, 57 expected"));
  g_assert_nonnull (strstr (run.err, "line 4: answers character 57 (item D2) is 'x'"));
  g_assert_nonnull (strstr (run.err, "line 5: unknown sex “X”"));
  g_assert_nonnull (strstr (run.err, "line 6: missing column answers"));
  g_assert_nonnull (strstr (run.err, "line 7: the id is empty"));
  g_assert_nonnull (strstr (run.err, "line 8: sex is empty"));
  g_assert_null (strstr (run.err, "line 2:"));
  g_assert_null (strstr (run.err, "line 9:"));
}

static void
test_fatal_input_errors (void)
{
  const char *no_answers = "id,sex\na,M\n";
  const char *unclosed = "id,sex,answers\na,M," MHLW "\n\"b,F," MHLW "\n";
  g_autoptr(GBytes) in1 = g_bytes_new_static (no_answers, strlen (no_answers));
  g_autoptr(GBytes) in2 = g_bytes_new_static (unclosed, strlen (unclosed));
  g_autoptr(GBytes) in3 = g_bytes_new_static ("", 0);
  g_auto(Run) r1 = { 0 };
  g_auto(Run) r2 = { 0 };
  g_auto(Run) r3 = { 0 };
  g_auto(Run) r4 = { 0 };

  run_cli (&r1, in1, (const char *[]) { "score", NULL });
  g_assert_cmpint (r1.status, ==, 65);
  g_assert_nonnull (strstr (r1.err, "line 1: the header has no “answers” column"));
  g_assert_cmpstr (r1.out, ==, "");

  run_cli (&r2, in2, (const char *[]) { "score", NULL });
  g_assert_cmpint (r2.status, ==, 65);
  g_assert_nonnull (strstr (r2.err, "line 3, column 1: a quoted field is never closed"));
  /* What was read before the broken line is still written. */
  g_assert_true (g_str_has_prefix (r2.out, "{\"id\": \"a\""));

  run_cli (&r3, in3, (const char *[]) { "score", NULL });
  g_assert_cmpint (r3.status, ==, 65);
  g_assert_nonnull (strstr (r3.err, "empty"));

  run_cli (&r4, NULL, (const char *[]) { "score", "/nonexistent/answers.csv", NULL });
  g_assert_cmpint (r4.status, ==, 66);
  g_assert_nonnull (strstr (r4.err, "answers.csv"));
}

static void
test_usage_errors (void)
{
  g_auto(Run) r1 = { 0 };
  g_auto(Run) r2 = { 0 };
  g_auto(Run) r3 = { 0 };
  g_auto(Run) r4 = { 0 };
  g_auto(Run) r5 = { 0 };

  run_cli (&r1, NULL, (const char *[]) { "score", "--format", "xml", "x.csv", NULL });
  g_assert_cmpint (r1.status, ==, 64);
  g_assert_nonnull (strstr (r1.err, "unknown format “xml”"));

  run_cli (&r2, NULL, (const char *[]) { "score", "--help", NULL });
  g_assert_cmpint (r2.status, ==, 0);
  g_assert_nonnull (strstr (r2.out, "--format"));
  g_assert_nonnull (strstr (r2.out, "id, sex and answers"));

  run_cli (&r3, NULL, (const char *[]) { "frobnicate", NULL });
  g_assert_cmpint (r3.status, ==, 64);
  g_assert_nonnull (strstr (r3.err, "unknown command “frobnicate”"));

  run_cli (&r4, NULL, (const char *[]) { "--help", NULL });
  g_assert_cmpint (r4.status, ==, 0);
  g_assert_nonnull (strstr (r4.out, "score"));
  g_assert_nonnull (strstr (r4.out, "group"));

  run_cli (&r5, NULL, (const char *[]) { "score", "a.csv", "b.csv", NULL });
  g_assert_cmpint (r5.status, ==, 64);
}

static void
test_csv_format (void)
{
  g_autofree char *csv = test_data_path ("respondents-300.csv");
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) header = NULL;
  g_auto(GStrv) first = NULL;
  g_auto(GStrv) incomplete = NULL;

  run_cli (&run, NULL, (const char *[]) { "score", "--format", "csv", csv, NULL });
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 302);
  header = g_strsplit (lines[0], ",", -1);
  g_assert_cmpuint (g_strv_length (header), ==, 3 + 38 + 10 + 4);
  g_assert_cmpstr (header[3], ==, "quantitative_demand_raw");
  g_assert_cmpstr (header[4], ==, "quantitative_demand_score");
  g_assert_cmpstr (header[41], ==, "sum_A");
  g_assert_cmpstr (header[46], ==, "conversion_A");
  g_assert_cmpstr (header[51], ==, "chart_quantitative_demand");

  /* r1-00000: quantitative_demand 10 → 2; sum 34/74/28 not high; conversion 29/14/6. */
  first = g_strsplit (lines[1], ",", -1);
  g_assert_cmpuint (g_strv_length (first), ==, 55);
  g_assert_cmpstr (first[0], ==, "r1-00000");
  g_assert_cmpstr (first[1], ==, "M");
  g_assert_cmpstr (first[2], ==, "true");
  g_assert_cmpstr (first[3], ==, "10");
  g_assert_cmpstr (first[4], ==, "2");
  g_assert_cmpstr (first[41], ==, "34");
  g_assert_cmpstr (first[42], ==, "74");
  g_assert_cmpstr (first[43], ==, "28");
  g_assert_cmpstr (first[44], ==, "false");
  g_assert_cmpstr (first[46], ==, "29");
  g_assert_cmpstr (first[47], ==, "14");

  /* r1-00010 (row 11) is incomplete: empty cells, no verdict. */
  incomplete = g_strsplit (lines[11], ",", -1);
  g_assert_cmpstr (incomplete[0], ==, "r1-00010");
  g_assert_cmpstr (incomplete[2], ==, "false");
  g_assert_cmpstr (incomplete[41], ==, "");
  g_assert_cmpstr (incomplete[44], ==, "");
}

/* CSV output of a row with only D2 missing: incomplete, satisfaction empty, verdict kept. */
static void
test_csv_format_satisfaction_missing (void)
{
  const char *csv = "id,sex,answers\nd,M,11233144332324334111233444334443322223434233334334344332-\n";
  g_autoptr(GBytes) input = g_bytes_new_static (csv, strlen (csv));
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) row = NULL;

  run_cli (&run, input, (const char *[]) { "score", "--format", "csv", NULL });
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  row = g_strsplit (lines[1], ",", -1);
  g_assert_cmpuint (g_strv_length (row), ==, 55);
  g_assert_cmpstr (row[2], ==, "false");
  g_assert_cmpstr (row[3 + 2 * 18], ==, "");       /* satisfaction_raw */
  g_assert_cmpstr (row[3 + 2 * 18 + 1], ==, "");   /* satisfaction_score */
  g_assert_cmpstr (row[41], ==, "51");
  g_assert_cmpstr (row[44], ==, "true");
  g_assert_cmpstr (row[45], ==, "a;b");
  g_assert_cmpstr (row[46], ==, "21");
  g_assert_cmpstr (row[49], ==, "true");
  g_assert_cmpstr (row[50], ==, "a;b");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/score/vectors-file", test_vectors_file);
  g_test_add_func ("/cli/score/vectors-stdin", test_vectors_stdin);
  g_test_add_func ("/cli/score/vectors-missing", test_vectors_missing);
  g_test_add_func ("/cli/score/sex-spellings-and-columns", test_sex_spellings_and_columns);
  g_test_add_func ("/cli/score/bom-crlf-quotes-blank", test_bom_crlf_quotes_blank);
  g_test_add_func ("/cli/score/cp932", test_cp932);
  g_test_add_func ("/cli/score/bad-rows", test_bad_rows);
  g_test_add_func ("/cli/score/fatal-input-errors", test_fatal_input_errors);
  g_test_add_func ("/cli/score/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/score/csv-format", test_csv_format);
  g_test_add_func ("/cli/score/csv-format-satisfaction-missing",
                   test_csv_format_satisfaction_missing);

  return g_test_run ();
}
