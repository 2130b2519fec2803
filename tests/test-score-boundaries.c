/* test-score-boundaries.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every raw score of every scale, for both sexes, scored through sc_score() from answers
 * built to produce it, against a second, independent transcription of the 素点換算表
 * (spec §4); and each threshold of both criteria on both sides (spec §5).
 */
#include "config.h"

#include "sc-score.h"

#include <stdio.h>
#include <string.h>

/* "min-max:score" per printed column in raw-score order; "-" is an empty column. */
static const char * const expected_tables[SC_N_SEXES][SC_BJSQ_N_SCALES] = {
  { /* 男性 */
    "3-5:5 6-7:4 8-9:3 10-11:2 12-12:1",       /* 量 */
    "3-5:5 6-7:4 8-9:3 10-11:2 12-12:1",       /* 質 */
    "- 1-1:4 2-2:3 3-3:2 4-4:1",               /* 身体的負担 */
    "3-3:5 4-5:4 6-7:3 8-9:2 10-12:1",         /* 対人関係 */
    "- 1-1:4 2-2:3 3-3:2 4-4:1",               /* 職場環境 */
    "3-4:1 5-6:2 7-8:3 9-10:4 11-12:5",        /* コントロール */
    "1-1:1 2-2:2 3-3:3 4-4:4 -",               /* 技能 */
    "1-1:1 2-2:2 3-3:3 - 4-4:5",               /* 適性 */
    "1-1:1 2-2:2 3-3:3 - 4-4:5",               /* 働きがい */
    "3-3:1 4-5:2 6-7:3 8-9:4 10-12:5",         /* 活気 */
    "3-3:5 4-5:4 6-7:3 8-9:2 10-12:1",         /* イライラ */
    "3-3:5 4-4:4 5-7:3 8-10:2 11-12:1",        /* 疲労 */
    "3-3:5 4-4:4 5-7:3 8-9:2 10-12:1",         /* 不安 */
    "6-6:5 7-8:4 9-12:3 13-16:2 17-24:1",      /* 抑うつ */
    "11-11:5 12-15:4 16-21:3 22-26:2 27-44:1", /* 身体愁訴 */
    "3-4:1 5-6:2 7-8:3 9-10:4 11-12:5",        /* 上司 */
    "3-5:1 6-7:2 8-9:3 10-11:4 12-12:5",       /* 同僚 */
    "3-6:1 7-8:2 9-9:3 10-11:4 12-12:5",       /* 家族・友人 */
    "2-3:1 4-4:2 5-6:3 7-7:4 8-8:5",           /* 満足度 */
  },
  { /* 女性 */
    "3-4:5 5-6:4 7-9:3 10-11:2 12-12:1",
    "3-4:5 5-6:4 7-8:3 9-10:2 11-12:1",
    "- 1-1:4 2-2:3 3-3:2 4-4:1",
    "3-3:5 4-5:4 6-7:3 8-9:2 10-12:1",
    "1-1:5 - 2-2:3 3-3:2 4-4:1",
    "3-3:1 4-5:2 6-8:3 9-10:4 11-12:5",
    "1-1:1 2-2:2 3-3:3 4-4:4 -",
    "1-1:1 2-2:2 3-3:3 - 4-4:5",
    "1-1:1 2-2:2 3-3:3 - 4-4:5",
    "3-3:1 4-5:2 6-7:3 8-9:4 10-12:5",
    "3-3:5 4-5:4 6-8:3 9-10:2 11-12:1",
    "3-3:5 4-5:4 6-8:3 9-11:2 12-12:1",
    "3-3:5 4-4:4 5-7:3 8-10:2 11-12:1",
    "6-6:5 7-8:4 9-12:3 13-17:2 18-24:1",
    "11-13:5 14-17:4 18-23:3 24-29:2 30-44:1",
    "3-3:1 4-5:2 6-7:3 8-10:4 11-12:5",
    "3-5:1 6-7:2 8-9:3 10-11:4 12-12:5",
    "3-6:1 7-8:2 9-9:3 10-11:4 12-12:5",
    "2-3:1 4-4:2 5-6:3 7-7:4 8-8:5",
  },
};

/* Fills @answers with 2s, then sets the items of @scale so that its raw score is @raw.
 * Returns FALSE if @raw cannot be reached. */
static gboolean
answers_for_raw (ScScale scale,
                 int     raw,
                 guint8  answers[SC_BJSQ_N_ITEMS])
{
  const ScScaleInfo *info = sc_bjsq_scale (scale);
  int current = info->constant - info->n_minus + info->n_plus;
  int delta;

  memset (answers, 2, SC_BJSQ_N_ITEMS);
  for (guint k = 0; k < info->n_minus; k++)
    answers[info->minus[k]] = 1;
  for (guint k = 0; k < info->n_plus; k++)
    answers[info->plus[k]] = 1;

  delta = raw - current;
  /* Raising a "plus" item raises the raw score; raising a "minus" item lowers it. */
  for (guint k = 0; k < info->n_plus && delta > 0; k++)
    while (answers[info->plus[k]] < 4 && delta > 0)
      answers[info->plus[k]]++, delta--;
  for (guint k = 0; k < info->n_minus && delta < 0; k++)
    while (answers[info->minus[k]] < 4 && delta < 0)
      answers[info->minus[k]]++, delta++;
  return delta == 0;
}

static void
test_conversion_every_cell (gconstpointer data)
{
  ScSex sex = (ScSex) GPOINTER_TO_INT (data);
  guint n_checked = 0;

  for (guint s = 0; s < SC_BJSQ_N_SCALES; s++)
    {
      const ScScaleInfo *info = sc_bjsq_scale ((ScScale) s);
      g_auto(GStrv) cols = g_strsplit (expected_tables[sex][s], " ", -1);
      int expected_score[64];
      int expected_column[64];

      g_assert_cmpuint (g_strv_length (cols), ==, 5);
      for (int r = 0; r < 64; r++)
        expected_score[r] = expected_column[r] = -1;

      for (guint c = 0; c < 5; c++)
        {
          int lo, hi, score;

          if (strcmp (cols[c], "-") == 0)
            continue;
          g_assert_cmpint (sscanf (cols[c], "%d-%d:%d", &lo, &hi, &score), ==, 3);
          for (int r = lo; r <= hi; r++)
            {
              expected_score[r] = score;
              expected_column[r] = (int) c;
            }
        }

      for (int raw = 0; raw < 48; raw++)
        {
          guint8 answers[SC_BJSQ_N_ITEMS];
          ScResult result;

          /* Outside the scale's range: no 評価点 at all. */
          if (raw < info->raw_min || raw > info->raw_max)
            {
              g_assert_cmpint (sc_bjsq_convert ((ScScale) s, sex, raw), ==, -1);
              g_assert_cmpint (expected_score[raw], ==, -1);
              continue;
            }

          g_assert_true (answers_for_raw ((ScScale) s, raw, answers));
          sc_score (answers, sex, NULL, &result);
          g_assert_true (result.complete);
          if (result.raw[s] != raw || result.score[s] != expected_score[raw])
            g_error ("%s, %s, raw %d: got raw %d score %d, expected score %d", info->id,
                     sex == SC_SEX_MALE ? "male" : "female", raw, result.raw[s], result.score[s],
                     expected_score[raw]);
          g_assert_cmpint (sc_bjsq_convert_column ((ScScale) s, sex, raw), ==,
                           expected_column[raw]);
          n_checked++;
        }

      /* Empty columns stay empty: no raw score lands in them. */
      for (guint c = 0; c < 5; c++)
        if (strcmp (cols[c], "-") == 0)
          for (int raw = info->raw_min; raw <= info->raw_max; raw++)
            g_assert_cmpint (sc_bjsq_convert_column ((ScScale) s, sex, raw), !=, (int) c);
    }

  /* Sum of (raw_max - raw_min + 1) over the 19 scales. */
  g_assert_cmpuint (n_checked, ==, 10 + 10 + 4 + 10 + 4 + 10 + 4 + 4 + 4 + 10 + 10 + 10 + 10 + 19
                    + 34 + 10 + 10 + 10 + 7);
}

static void
test_single_item_maxima (void)
{
  /* The consequences spec §4 spells out: 職場環境 reaches 5 only for women, so the area A
   * maximum is 42 for men and 43 for women. */
  g_assert_cmpint (sc_bjsq_convert (SC_SCALE_ENVIRONMENT_STRESS, SC_SEX_MALE, 1), ==, 4);
  g_assert_cmpint (sc_bjsq_convert (SC_SCALE_ENVIRONMENT_STRESS, SC_SEX_FEMALE, 1), ==, 5);
  g_assert_cmpint (sc_bjsq_convert (SC_SCALE_PHYSICAL_DEMAND, SC_SEX_FEMALE, 1), ==, 4);
  g_assert_cmpint (sc_bjsq_convert (SC_SCALE_SKILL_UTILIZATION, SC_SEX_FEMALE, 4), ==, 4);
  g_assert_cmpint (sc_bjsq_convert (SC_SCALE_JOB_FIT, SC_SEX_MALE, 4), ==, 5);
  g_assert_cmpint (sc_bjsq_convert (SC_SCALE_MEANINGFULNESS, SC_SEX_FEMALE, 4), ==, 5);
}

/* Builds answers whose sum-method area totals are exactly @a, @b, @c. */
static void
answers_for_sums (int    a,
                  int    b,
                  int    c,
                  guint8 answers[SC_BJSQ_N_ITEMS])
{
  const int targets[3] = { a, b, c };
  const guint first[3] = { 0, 17, 46 };
  const guint count[3] = { 17, 29, 9 };

  memset (answers, 2, SC_BJSQ_N_ITEMS);
  for (guint area = 0; area < 3; area++)
    {
      int remaining = targets[area] - (int) count[area];  /* every point starts at 1 */

      g_assert_cmpint (remaining, >=, 0);
      for (guint i = first[area]; i < first[area] + count[area]; i++)
        {
          int points = 1 + MIN (3, remaining);
          const ScItemInfo *item = sc_bjsq_item (i);

          remaining -= points - 1;
          answers[i] = (guint8) (item->reverse_in_sum ? 5 - points : points);
        }
      g_assert_cmpint (remaining, ==, 0);
    }
}

static void
test_sum_method_thresholds (void)
{
  /* (A, B, C, high, criteria): the lockhart9 boundary vectors of spec §5.1 and both sides
   * of each of the three thresholds 77, 76 and 63. */
  static const struct { int a, b, c; gboolean high; guint flags; } cases[] = {
    { 17, 76, 9, FALSE, 0 },
    { 17, 77, 9, TRUE, SC_CRITERION_A },
    { 46, 62, 30, FALSE, 0 },
    { 46, 63, 30, TRUE, SC_CRITERION_B },
    { 45, 63, 30, FALSE, 0 },
    { 50, 76, 26, TRUE, SC_CRITERION_B },
    { 50, 77, 26, TRUE, SC_CRITERION_A | SC_CRITERION_B },
    { 50, 62, 26, FALSE, 0 },
    { 49, 100, 26, TRUE, SC_CRITERION_A },
    { 68, 116, 36, TRUE, SC_CRITERION_A | SC_CRITERION_B },
    { 17, 29, 9, FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint8 answers[SC_BJSQ_N_ITEMS];
      ScResult r;

      answers_for_sums (cases[i].a, cases[i].b, cases[i].c, answers);
      for (guint sex = 0; sex < SC_N_SEXES; sex++)
        {
          sc_score (answers, (ScSex) sex, NULL, &r);
          g_assert_cmpint (r.sum.a, ==, cases[i].a);
          g_assert_cmpint (r.sum.b, ==, cases[i].b);
          g_assert_cmpint (r.sum.c, ==, cases[i].c);
          g_assert_cmpint (r.sum.verdict, ==, cases[i].high ? SC_VERDICT_HIGH : SC_VERDICT_NOT_HIGH);
          g_assert_cmpuint (r.sum.criteria, ==, cases[i].flags);
        }
    }
}

static void
test_conversion_thresholds (void)
{
  ScCriteria criteria;
  guint flags;

  sc_criteria_init_default (&criteria);
  g_assert_cmpint (criteria.method, ==, SC_METHOD_CONVERSION);

  /* ㋐ B <= 12 */
  g_assert_cmpint (sc_criteria_judge (&criteria, SC_METHOD_CONVERSION, 40, 12, 15, &flags), ==,
                   SC_VERDICT_HIGH);
  g_assert_cmpuint (flags, ==, SC_CRITERION_A);
  g_assert_cmpint (sc_criteria_judge (&criteria, SC_METHOD_CONVERSION, 40, 13, 15, &flags), ==,
                   SC_VERDICT_NOT_HIGH);
  g_assert_cmpuint (flags, ==, 0);
  /* ㋑ A + C <= 26 and B <= 17 */
  g_assert_cmpint (sc_criteria_judge (&criteria, SC_METHOD_CONVERSION, 20, 17, 6, &flags), ==,
                   SC_VERDICT_HIGH);
  g_assert_cmpuint (flags, ==, SC_CRITERION_B);
  g_assert_cmpint (sc_criteria_judge (&criteria, SC_METHOD_CONVERSION, 21, 17, 6, &flags), ==,
                   SC_VERDICT_NOT_HIGH);
  g_assert_cmpint (sc_criteria_judge (&criteria, SC_METHOD_CONVERSION, 20, 18, 6, &flags), ==,
                   SC_VERDICT_NOT_HIGH);
  g_assert_cmpint (sc_criteria_judge (&criteria, SC_METHOD_CONVERSION, 20, 12, 6, &flags), ==,
                   SC_VERDICT_HIGH);
  g_assert_cmpuint (flags, ==, SC_CRITERION_A | SC_CRITERION_B);
  /* A missing area never yields a verdict. */
  g_assert_cmpint (sc_criteria_judge (&criteria, SC_METHOD_CONVERSION, -1, 6, 3, &flags), ==,
                   SC_VERDICT_UNDETERMINED);
  g_assert_cmpuint (flags, ==, 0);

  /* Thresholds are the round's: a stricter ㋐ changes the verdict of the same sums. */
  criteria.conv_b_max = 13;
  g_assert_cmpint (sc_criteria_judge (&criteria, SC_METHOD_CONVERSION, 40, 13, 15, &flags), ==,
                   SC_VERDICT_HIGH);
  criteria.sum_b_min = 80;
  g_assert_cmpint (sc_criteria_judge (&criteria, SC_METHOD_SUM, 17, 79, 9, &flags), ==,
                   SC_VERDICT_NOT_HIGH);
  g_assert_cmpint (sc_criteria_judge (&criteria, SC_METHOD_SUM, 17, 80, 9, &flags), ==,
                   SC_VERDICT_HIGH);
}

static void
test_conversion_thresholds_end_to_end (void)
{
  /* All-4 answers: conversion B = 10 for both sexes → ㋐ only. A stricter round
   * (B <= 9) turns the same answers into "not high". */
  guint8 answers[SC_BJSQ_N_ITEMS];
  ScCriteria criteria;
  ScResult r;

  memset (answers, 4, sizeof answers);
  sc_criteria_init_default (&criteria);
  sc_score (answers, SC_SEX_FEMALE, &criteria, &r);
  g_assert_cmpint (r.conversion.b, ==, 10);
  g_assert_cmpint (r.conversion.a + r.conversion.c, ==, 32);
  g_assert_cmpuint (r.conversion.criteria, ==, SC_CRITERION_A);
  g_assert_true (sc_result_primary (&r, &criteria) == &r.conversion);

  criteria.conv_b_max = 9;
  sc_score (answers, SC_SEX_FEMALE, &criteria, &r);
  g_assert_cmpint (r.conversion.verdict, ==, SC_VERDICT_NOT_HIGH);
  /* ...and with A + C <= 32 allowed, ㋑ catches it. */
  criteria.conv_ac_max = 32;
  sc_score (answers, SC_SEX_FEMALE, &criteria, &r);
  g_assert_cmpuint (r.conversion.criteria, ==, SC_CRITERION_B);

  criteria.method = SC_METHOD_SUM;
  g_assert_true (sc_result_primary (&r, &criteria) == &r.sum);
}

static void
test_criteria_validate (void)
{
  ScCriteria criteria;
  g_autoptr(GError) error = NULL;

  sc_criteria_init_default (&criteria);
  g_assert_true (sc_criteria_validate (&criteria, &error));
  g_assert_no_error (error);

  criteria.conv_b_max = 31;
  g_assert_false (sc_criteria_validate (&criteria, &error));
  g_assert_error (error, SC_SCORE_ERROR, SC_SCORE_ERROR_CRITERIA);
  g_assert_nonnull (strstr (error->message, "31"));
  g_clear_error (&error);

  sc_criteria_init_default (&criteria);
  criteria.sum_b_min = 28;
  g_assert_false (sc_criteria_validate (&criteria, &error));
  g_clear_error (&error);

  sc_criteria_init_default (&criteria);
  criteria.method = 7;
  g_assert_false (sc_criteria_validate (&criteria, &error));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/score/conversion/male", GINT_TO_POINTER (SC_SEX_MALE),
                        test_conversion_every_cell);
  g_test_add_data_func ("/score/conversion/female", GINT_TO_POINTER (SC_SEX_FEMALE),
                        test_conversion_every_cell);
  g_test_add_func ("/score/conversion/single-item-maxima", test_single_item_maxima);
  g_test_add_func ("/score/criteria/sum-thresholds", test_sum_method_thresholds);
  g_test_add_func ("/score/criteria/conversion-thresholds", test_conversion_thresholds);
  g_test_add_func ("/score/criteria/end-to-end", test_conversion_thresholds_end_to_end);
  g_test_add_func ("/score/criteria/validate", test_criteria_validate);

  return g_test_run ();
}
