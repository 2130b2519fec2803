/* test-score-vectors.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every one of the 300 respondents of tests/data (a copy of spec/vectors), and of the 40
 * with missing answers, scored by the library must give exactly the expected JSON line; and the worked examples of spec §10
 * must give the published area sums, verdicts and per-scale (素点, column, 評価点) triples
 * for both sexes.
 */
#include "config.h"

#include "sc-test-util.h"
#include "sc-csv.h"
#include "sc-score.h"
#include "sc-score-format.h"

#include <string.h>

typedef struct
{
  guint rows;
  guint incomplete;
  guint high;
  guint undetermined;
  guint incomplete_with_verdict;    /* only D1/D2 missing */
} VectorCounts;

/* Scores every row of data/@name.csv through the library and compares each JSON line
 * byte for byte with data/@name.expected.jsonl. */
static void
check_vector_file (const char   *name,
                   VectorCounts *counts)
{
  g_autofree char *csv_name = g_strconcat (name, ".csv", NULL);
  g_autofree char *expected_name = g_strconcat (name, ".expected.jsonl", NULL);
  g_autofree char *csv_path = test_data_path (csv_name);
  g_autofree char *expected = test_read_data (expected_name);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScCsvReader) reader = NULL;
  g_auto(GStrv) lines = NULL;
  guint row = 0;

  memset (counts, 0, sizeof *counts);
  lines = g_strsplit (expected, "\n", -1);

  reader = sc_csv_reader_new_for_path (csv_path, &error);
  g_assert_no_error (error);
  g_assert_true (sc_csv_reader_next (reader, &error));  /* header */
  g_assert_cmpint (sc_csv_reader_find_column (reader, (const char *[]) { "answers", NULL }), ==, 2);

  while (sc_csv_reader_next (reader, &error))
    {
      g_autoptr(GString) out = g_string_new (NULL);
      const char *id = sc_csv_reader_field (reader, 0, NULL);
      const char *sex_text = sc_csv_reader_field (reader, 1, NULL);
      gsize len;
      const char *answers_text = sc_csv_reader_field (reader, 2, &len);
      guint8 answers[SC_BJSQ_N_ITEMS];
      ScSex sex;
      ScResult result;

      g_assert_true (sc_sex_parse (sex_text, -1, &sex));
      g_assert_true (sc_answers_parse (answers_text, len, answers, &error));
      g_assert_no_error (error);

      sc_score (answers, sex, NULL, &result);
      sc_result_append_json (out, id, -1, &result);
      g_assert_true (g_str_has_suffix (out->str, "\n"));
      g_string_truncate (out, out->len - 1);

      g_assert_nonnull (lines[row]);
      if (strcmp (out->str, lines[row]) != 0)
        g_error ("%s row %u (%s) differs:\n got: %s\nwant: %s", name, row + 1, id, out->str,
                 lines[row]);

      counts->incomplete += !result.complete;
      counts->high += result.conversion.verdict == SC_VERDICT_HIGH;
      counts->undetermined += result.conversion.verdict == SC_VERDICT_UNDETERMINED;
      counts->incomplete_with_verdict += !result.complete
                                         && result.conversion.verdict != SC_VERDICT_UNDETERMINED;
      row++;
    }
  g_assert_no_error (error);
  counts->rows = row;
  g_assert_cmpstr (lines[row], ==, "");
}

static void
test_vectors_exact (void)
{
  VectorCounts counts;

  check_vector_file ("respondents-300", &counts);
  g_assert_cmpuint (counts.rows, ==, 300);
  /* The set covers incomplete questionnaires and both verdicts. */
  g_assert_cmpuint (counts.incomplete, ==, 33);
  g_assert_cmpuint (counts.high, >, 0);
}

/* 40 incomplete respondents: 16 with an A, B or C item missing (no verdict) and 24 with
 * only D1/D2 missing, whose verdict stands (DESIGN.md §4, spec §1). */
static void
test_vectors_missing (void)
{
  VectorCounts counts;

  check_vector_file ("respondents-missing-40", &counts);
  g_assert_cmpuint (counts.rows, ==, 40);
  g_assert_cmpuint (counts.incomplete, ==, 40);
  g_assert_cmpuint (counts.undetermined, ==, 16);
  g_assert_cmpuint (counts.incomplete_with_verdict, ==, 24);
  g_assert_cmpuint (counts.high, ==, 7);
}

typedef struct
{
  int      a, b, c;
  gboolean crit_a, crit_b, high;
} Area;

typedef struct
{
  int a, b, c;
  gboolean crit_a, crit_b, high;
  int scales[SC_BJSQ_N_SCALES][3];  /* 素点, column 1-5, 評価点 */
} ConversionCase;

typedef struct
{
  const char     *name;
  const char     *answers;
  Area            sum;
  ConversionCase  conversion[SC_N_SEXES];
  int             chart[SC_N_CHART_SCALES];
} WorkedExample;

/* Transcribed from spec/bjsq-spec.md §10 (and the same data in bjsq.json). */
static const WorkedExample examples[] = {
  {
    "MHLW worked example (回答例) from 『数値基準に基づいて「高ストレス者」を選定する方法』",
    "112331443323243341112334443344433222234342333343343443322",
    { 51, 92, 31, TRUE, TRUE, TRUE },
    {
      { 21, 7, 4, TRUE, TRUE, TRUE,
        { { 11, 4, 2 }, { 8, 3, 3 }, { 1, 2, 4 }, { 9, 4, 2 }, { 2, 3, 3 }, { 5, 2, 2 }, { 2, 2, 2 }, { 2, 2, 2 }, { 1, 1, 1 }, { 3, 1, 1 }, { 8, 4, 2 }, { 12, 5, 1 }, { 10, 5, 1 }, { 18, 5, 1 }, { 32, 5, 1 }, { 3, 1, 1 }, { 6, 2, 2 }, { 5, 1, 1 }, { 6, 3, 3 } } },
      { 21, 9, 4, TRUE, TRUE, TRUE,
        { { 11, 4, 2 }, { 8, 3, 3 }, { 1, 2, 4 }, { 9, 4, 2 }, { 2, 3, 3 }, { 5, 2, 2 }, { 2, 2, 2 }, { 2, 2, 2 }, { 1, 1, 1 }, { 3, 1, 1 }, { 8, 3, 3 }, { 12, 5, 1 }, { 10, 4, 2 }, { 18, 5, 1 }, { 32, 5, 1 }, { 3, 1, 1 }, { 6, 2, 2 }, { 5, 1, 1 }, { 6, 3, 3 } } },
    },
    { 11, 5, 3, 6 },
  },
  {
    "All answers = 1",
    "111111111111111111111111111111111111111111111111111111111",
    { 50, 38, 9, FALSE, FALSE, FALSE },
    {
      { 22, 26, 15, FALSE, FALSE, FALSE,
        { { 12, 5, 1 }, { 12, 5, 1 }, { 4, 5, 1 }, { 9, 4, 2 }, { 4, 5, 1 }, { 12, 5, 5 }, { 1, 1, 1 }, { 4, 5, 5 }, { 4, 5, 5 }, { 3, 1, 1 }, { 3, 1, 5 }, { 3, 1, 5 }, { 3, 1, 5 }, { 6, 1, 5 }, { 11, 1, 5 }, { 12, 5, 5 }, { 12, 5, 5 }, { 12, 5, 5 }, { 8, 5, 5 } } },
      { 22, 26, 15, FALSE, FALSE, FALSE,
        { { 12, 5, 1 }, { 12, 5, 1 }, { 4, 5, 1 }, { 9, 4, 2 }, { 4, 5, 1 }, { 12, 5, 5 }, { 1, 1, 1 }, { 4, 5, 5 }, { 4, 5, 5 }, { 3, 1, 1 }, { 3, 1, 5 }, { 3, 1, 5 }, { 3, 1, 5 }, { 6, 1, 5 }, { 11, 1, 5 }, { 12, 5, 5 }, { 12, 5, 5 }, { 12, 5, 5 }, { 8, 5, 5 } } },
    },
    { 12, 12, 12, 12 },
  },
  {
    "All answers = 4",
    "444444444444444444444444444444444444444444444444444444444",
    { 35, 107, 36, TRUE, FALSE, TRUE },
    {
      { 28, 10, 3, TRUE, FALSE, TRUE,
        { { 3, 1, 5 }, { 3, 1, 5 }, { 1, 2, 4 }, { 6, 3, 3 }, { 1, 2, 4 }, { 3, 1, 1 }, { 4, 4, 4 }, { 1, 1, 1 }, { 1, 1, 1 }, { 12, 5, 5 }, { 12, 5, 1 }, { 12, 5, 1 }, { 12, 5, 1 }, { 24, 5, 1 }, { 44, 5, 1 }, { 3, 1, 1 }, { 3, 1, 1 }, { 3, 1, 1 }, { 2, 1, 1 } } },
      { 29, 10, 3, TRUE, FALSE, TRUE,
        { { 3, 1, 5 }, { 3, 1, 5 }, { 1, 2, 4 }, { 6, 3, 3 }, { 1, 1, 5 }, { 3, 1, 1 }, { 4, 4, 4 }, { 1, 1, 1 }, { 1, 1, 1 }, { 12, 5, 5 }, { 12, 5, 1 }, { 12, 5, 1 }, { 12, 5, 1 }, { 24, 5, 1 }, { 44, 5, 1 }, { 3, 1, 1 }, { 3, 1, 1 }, { 3, 1, 1 }, { 2, 1, 1 } } },
    },
    { 3, 3, 3, 3 },
  },
  {
    "code4fukui 'worst case'",
    "111111144411141441114444444444444444444444444444444444444",
    { 68, 116, 36, TRUE, TRUE, TRUE },
    {
      { 9, 6, 3, TRUE, TRUE, TRUE,
        { { 12, 5, 1 }, { 12, 5, 1 }, { 4, 5, 1 }, { 12, 5, 1 }, { 4, 5, 1 }, { 3, 1, 1 }, { 1, 1, 1 }, { 1, 1, 1 }, { 1, 1, 1 }, { 3, 1, 1 }, { 12, 5, 1 }, { 12, 5, 1 }, { 12, 5, 1 }, { 24, 5, 1 }, { 44, 5, 1 }, { 3, 1, 1 }, { 3, 1, 1 }, { 3, 1, 1 }, { 2, 1, 1 } } },
      { 9, 6, 3, TRUE, TRUE, TRUE,
        { { 12, 5, 1 }, { 12, 5, 1 }, { 4, 5, 1 }, { 12, 5, 1 }, { 4, 5, 1 }, { 3, 1, 1 }, { 1, 1, 1 }, { 1, 1, 1 }, { 1, 1, 1 }, { 3, 1, 1 }, { 12, 5, 1 }, { 12, 5, 1 }, { 12, 5, 1 }, { 24, 5, 1 }, { 44, 5, 1 }, { 3, 1, 1 }, { 3, 1, 1 }, { 3, 1, 1 }, { 2, 1, 1 } } },
    },
    { 12, 3, 3, 3 },
  },
  {
    "code4fukui 'best case'",
    "444444411144414114441111111111111111111111111111111111111",
    { 17, 29, 9, FALSE, FALSE, FALSE },
    {
      { 42, 30, 15, FALSE, FALSE, FALSE,
        { { 3, 1, 5 }, { 3, 1, 5 }, { 1, 2, 4 }, { 3, 1, 5 }, { 1, 2, 4 }, { 12, 5, 5 }, { 4, 4, 4 }, { 4, 5, 5 }, { 4, 5, 5 }, { 12, 5, 5 }, { 3, 1, 5 }, { 3, 1, 5 }, { 3, 1, 5 }, { 6, 1, 5 }, { 11, 1, 5 }, { 12, 5, 5 }, { 12, 5, 5 }, { 12, 5, 5 }, { 8, 5, 5 } } },
      { 43, 30, 15, FALSE, FALSE, FALSE,
        { { 3, 1, 5 }, { 3, 1, 5 }, { 1, 2, 4 }, { 3, 1, 5 }, { 1, 1, 5 }, { 12, 5, 5 }, { 4, 4, 4 }, { 4, 5, 5 }, { 4, 5, 5 }, { 12, 5, 5 }, { 3, 1, 5 }, { 3, 1, 5 }, { 3, 1, 5 }, { 6, 1, 5 }, { 11, 1, 5 }, { 12, 5, 5 }, { 12, 5, 5 }, { 12, 5, 5 }, { 8, 5, 5 } } },
    },
    { 3, 12, 12, 12 },
  },
};

static void
check_area (const ScAreaResult *got,
            int a, int b, int c, gboolean crit_a, gboolean crit_b, gboolean high)
{
  g_assert_cmpint (got->a, ==, a);
  g_assert_cmpint (got->b, ==, b);
  g_assert_cmpint (got->c, ==, c);
  g_assert_cmpint (got->verdict, ==, high ? SC_VERDICT_HIGH : SC_VERDICT_NOT_HIGH);
  g_assert_cmpint (!!(got->criteria & SC_CRITERION_A), ==, crit_a);
  g_assert_cmpint (!!(got->criteria & SC_CRITERION_B), ==, crit_b);
}

static void
test_worked_examples (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      const WorkedExample *ex = &examples[e];
      guint8 answers[SC_BJSQ_N_ITEMS];
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", ex->name);
      g_assert_true (sc_answers_parse (ex->answers, strlen (ex->answers), answers, &error));
      g_assert_no_error (error);

      for (guint sex = 0; sex < SC_N_SEXES; sex++)
        {
          const ConversionCase *cc = &ex->conversion[sex];
          ScResult r;

          sc_score (answers, (ScSex) sex, NULL, &r);
          g_assert_true (r.complete);
          g_assert_cmpint (r.sex, ==, sex);
          /* The sum method does not depend on sex. */
          check_area (&r.sum, ex->sum.a, ex->sum.b, ex->sum.c,
                      ex->sum.crit_a, ex->sum.crit_b, ex->sum.high);
          check_area (&r.conversion, cc->a, cc->b, cc->c, cc->crit_a, cc->crit_b, cc->high);

          for (guint s = 0; s < SC_BJSQ_N_SCALES; s++)
            {
              g_assert_cmpint (r.raw[s], ==, cc->scales[s][0]);
              g_assert_cmpint (sc_bjsq_convert_column ((ScScale) s, (ScSex) sex, r.raw[s]) + 1,
                               ==, cc->scales[s][1]);
              g_assert_cmpint (r.score[s], ==, cc->scales[s][2]);
            }
          for (guint k = 0; k < SC_N_CHART_SCALES; k++)
            g_assert_cmpint (r.chart[k], ==, ex->chart[k]);
        }
    }
}

/* The numbers the MHLW text itself states for its worked example (male): sum method
 * A=51 B=92 C=31, conversion A=21 B=7 C=4, both criteria met. */
static void
test_mhlw_example_as_published (void)
{
  guint8 answers[SC_BJSQ_N_ITEMS];
  ScResult r;

  g_assert_true (sc_answers_parse ("112331443323243341112334443344433222234342333343343443322",
                                   57, answers, NULL));
  sc_score (answers, SC_SEX_MALE, NULL, &r);
  g_assert_cmpint (r.raw[SC_SCALE_QUANTITATIVE_DEMAND], ==, 15 - (1 + 1 + 2));
  g_assert_cmpint (r.sum.a, ==, 51);
  g_assert_cmpint (r.sum.b, ==, 92);
  g_assert_cmpint (r.sum.c, ==, 31);
  g_assert_cmpint (r.conversion.a, ==, 21);
  g_assert_cmpint (r.conversion.b, ==, 7);
  g_assert_cmpint (r.conversion.c, ==, 4);
  g_assert_cmpuint (r.conversion.criteria, ==, SC_CRITERION_A | SC_CRITERION_B);
  g_assert_cmpuint (r.sum.criteria, ==, SC_CRITERION_A | SC_CRITERION_B);
}

static void
test_missing_answers (void)
{
  guint8 answers[SC_BJSQ_N_ITEMS];
  ScResult r;

  /* The MHLW example meets ㋐ on B alone; with one A item missing it still gets no
   * verdict: nothing is imputed and 判定不能 is not "not high". */
  g_assert_true (sc_answers_parse ("-12331443323243341112334443344433222234342333343343443322",
                                   57, answers, NULL));
  sc_score (answers, SC_SEX_MALE, NULL, &r);
  g_assert_false (r.complete);
  g_assert_cmpint (r.raw[SC_SCALE_QUANTITATIVE_DEMAND], ==, SC_SCORE_MISSING);
  g_assert_cmpint (r.score[SC_SCALE_QUANTITATIVE_DEMAND], ==, SC_SCORE_MISSING);
  g_assert_cmpint (r.chart[SC_CHART_QUANTITATIVE_DEMAND], ==, SC_SCORE_MISSING);
  g_assert_cmpint (r.raw[SC_SCALE_QUALITATIVE_DEMAND], ==, 8);
  g_assert_cmpint (r.sum.a, ==, SC_SCORE_MISSING);
  g_assert_cmpint (r.sum.b, ==, 92);
  g_assert_cmpint (r.conversion.a, ==, SC_SCORE_MISSING);
  g_assert_cmpint (r.conversion.b, ==, 7);
  g_assert_cmpint (r.sum.verdict, ==, SC_VERDICT_UNDETERMINED);
  g_assert_cmpint (r.conversion.verdict, ==, SC_VERDICT_UNDETERMINED);
  g_assert_cmpuint (r.sum.criteria, ==, 0);
  g_assert_cmpuint (r.conversion.criteria, ==, 0);

  /* Only a satisfaction item missing: 満足度 never enters a criterion, so the verdict
   * stands (the MHLW example is high on both criteria for women too) while the
   * questionnaire stays incomplete and the satisfaction scale empty. */
  g_assert_true (sc_answers_parse ("11233144332324334111233444334443322223434233334334344332-",
                                   57, answers, NULL));
  sc_score (answers, SC_SEX_FEMALE, NULL, &r);
  g_assert_false (r.complete);
  g_assert_cmpint (r.conversion.a, ==, 21);
  g_assert_cmpint (r.raw[SC_SCALE_SATISFACTION], ==, SC_SCORE_MISSING);
  g_assert_cmpint (r.score[SC_SCALE_SATISFACTION], ==, SC_SCORE_MISSING);
  g_assert_cmpint (r.conversion.verdict, ==, SC_VERDICT_HIGH);
  g_assert_cmpuint (r.conversion.criteria, ==, SC_CRITERION_A | SC_CRITERION_B);
  g_assert_cmpint (r.sum.verdict, ==, SC_VERDICT_HIGH);
  g_assert_cmpuint (r.sum.criteria, ==, SC_CRITERION_A | SC_CRITERION_B);

  /* Both D answers missing, and a verdict of "not high": still decided. */
  g_assert_true (sc_answers_parse ("1111111111111111111111111111111111111111111111111111111--",
                                   57, answers, NULL));
  sc_score (answers, SC_SEX_MALE, NULL, &r);
  g_assert_false (r.complete);
  g_assert_cmpint (r.conversion.verdict, ==, SC_VERDICT_NOT_HIGH);
  g_assert_cmpint (r.sum.verdict, ==, SC_VERDICT_NOT_HIGH);

  /* The last C item (C9) missing with D answered: no verdict. */
  g_assert_true (sc_answers_parse ("111111111111111111111111111111111111111111111111111111-11",
                                   57, answers, NULL));
  sc_score (answers, SC_SEX_MALE, NULL, &r);
  g_assert_false (r.complete);
  g_assert_cmpint (r.conversion.verdict, ==, SC_VERDICT_UNDETERMINED);
  g_assert_cmpint (r.sum.verdict, ==, SC_VERDICT_UNDETERMINED);

  /* Out-of-range values passed to the library count as missing, never as answers. */
  memset (answers, 2, sizeof answers);
  answers[20] = 7;
  sc_score (answers, SC_SEX_MALE, NULL, &r);
  g_assert_false (r.complete);
  g_assert_cmpint (r.raw[SC_SCALE_IRRITABILITY], ==, SC_SCORE_MISSING);
}

static void
test_answers_parse_errors (void)
{
  guint8 answers[SC_BJSQ_N_ITEMS];
  g_autoptr(GError) error = NULL;
  char text[58];
  char back[58];

  memset (text, '3', 57);
  text[57] = '\0';
  g_assert_false (sc_answers_parse (text, 56, answers, &error));
  g_assert_error (error, SC_SCORE_ERROR, SC_SCORE_ERROR_ANSWER_LENGTH);
  g_assert_nonnull (strstr (error->message, "56"));
  g_clear_error (&error);

  text[17] = '5';
  g_assert_false (sc_answers_parse (text, 57, answers, &error));
  g_assert_error (error, SC_SCORE_ERROR, SC_SCORE_ERROR_ANSWER_CHAR);
  g_assert_nonnull (strstr (error->message, "18"));
  g_assert_nonnull (strstr (error->message, "B1"));
  g_clear_error (&error);

  text[17] = '0';
  text[18] = '-';
  g_assert_true (sc_answers_parse (text, 57, answers, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (answers[17], ==, SC_ANSWER_MISSING);
  g_assert_cmpuint (answers[18], ==, SC_ANSWER_MISSING);
  g_assert_cmpuint (answers[19], ==, 3);
  sc_answers_format (answers, back);
  g_assert_cmpint (back[17], ==, '0');
  g_assert_cmpint (back[18], ==, '0');
  g_assert_cmpint (back[56], ==, '3');
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/score/vectors/exact", test_vectors_exact);
  g_test_add_func ("/score/vectors/missing", test_vectors_missing);
  g_test_add_func ("/score/worked-examples", test_worked_examples);
  g_test_add_func ("/score/mhlw-example-as-published", test_mhlw_example_as_published);
  g_test_add_func ("/score/missing-answers", test_missing_answers);
  g_test_add_func ("/score/answers-parse-errors", test_answers_parse_errors);

  return g_test_run ();
}
