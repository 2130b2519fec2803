/* test-group.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Group analysis: the health-risk formula against the worked examples of spec §10, a
 * hand-computed mixed-sex group, every suppression rule at its boundary, incomplete
 * questionnaires, and replaceable chart constants.
 */
#include "config.h"

#include "sc-test-util.h"
#include "sc-chart-constants.h"
#include "sc-group.h"
#include "sc-score.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

/* Spec §10 prints risks with two decimals: compare after rounding to two decimals. */
#define assert_2dp(value, expected) \
  g_assert_cmpfloat_with_epsilon (round ((value) * 100.0) / 100.0, (expected), 0.005)

/* ---- helpers ----------------------------------------------------------------------- */

static ScResult
make_result (ScSex    sex,
             int      qd,
             int      control,
             int      sup,
             int      cow,
             gboolean complete)
{
  ScResult r;

  memset (&r, 0, sizeof r);
  r.sex = sex;
  r.complete = complete;
  r.chart[SC_CHART_QUANTITATIVE_DEMAND] = (gint8) qd;
  r.chart[SC_CHART_JOB_CONTROL] = (gint8) control;
  r.chart[SC_CHART_SUPERVISOR_SUPPORT] = (gint8) sup;
  r.chart[SC_CHART_COWORKER_SUPPORT] = (gint8) cow;
  for (guint k = 0; k < SC_BJSQ_N_SCALES; k++)
    {
      r.raw[k] = complete ? 5 : SC_SCORE_MISSING;
      r.score[k] = complete ? 3 : SC_SCORE_MISSING;
    }
  return r;
}

static void
add (GArray     *people,
     const char *group,
     ScResult    result)
{
  ScGroupRespondent r = { group, result };

  g_array_append_val (people, r);
}

/* @n_male men and @n_female women, all with the same ordinary answers. */
static void
add_people (GArray     *people,
            const char *group,
            guint       n_male,
            guint       n_female)
{
  for (guint i = 0; i < n_male; i++)
    add (people, group, make_result (SC_SEX_MALE, 8, 7, 7, 8, TRUE));
  for (guint i = 0; i < n_female; i++)
    add (people, group, make_result (SC_SEX_FEMALE, 8, 7, 7, 8, TRUE));
}

static GArray *
people_new (void)
{
  return g_array_new (FALSE, TRUE, sizeof (ScGroupRespondent));
}

static ScGroupAnalysis *
analyse (GArray                   *people,
         guint                     min_size,
         const ScChartConstantSet *constants)
{
  g_autoptr(GError) error = NULL;
  ScGroupAnalysis *a;

  a = sc_group_analyse ((const ScGroupRespondent *) (void *) people->data, people->len,
                        min_size, constants, &error);
  g_assert_no_error (error);
  g_assert_nonnull (a);
  return a;
}

static const ScGroupEntry *
find_group (ScGroupAnalysis *a,
            const char      *label)
{
  for (guint i = 0; i < sc_group_analysis_get_n_groups (a); i++)
    {
      const ScGroupEntry *e = sc_group_analysis_get_group (a, i);

      if (g_strcmp0 (sc_group_entry_get_label (e), label) == 0)
        return e;
    }
  g_assert_not_reached ();
}

/* A shown entry: its combined figures are readable. */
static void
assert_shown (const ScGroupEntry *e)
{
  g_assert_false (sc_group_entry_is_suppressed (e));
  g_assert_cmpint (sc_group_entry_get_suppression (e), ==, SC_GROUP_SUPPRESSION_NONE);
  g_assert_nonnull (sc_group_entry_get_combined (e));
}

/* A suppressed entry: no figure of any kind can be read. */
static void
assert_suppressed (const ScGroupEntry *e,
                   ScGroupSuppression  reason)
{
  g_assert_true (sc_group_entry_is_suppressed (e));
  g_assert_cmpint (sc_group_entry_get_suppression (e), ==, reason);
  g_assert_null (sc_group_entry_get_combined (e));
  g_assert_null (sc_group_entry_get_by_sex (e, SC_SEX_MALE));
  g_assert_null (sc_group_entry_get_by_sex (e, SC_SEX_FEMALE));
}

/* ---- the formula ------------------------------------------------------------------- */

static void
test_risk_worked_examples (void)
{
  const ScChartConstantSet *set = sc_chart_constant_set_default ();
  const ScChartConstants *male = &set->constants[SC_SEX_MALE];
  const ScChartConstants *female = &set->constants[SC_SEX_FEMALE];
  double a, b, t;

  /* MHLW 回答例: 判定図 scales 11, 5, 3, 6. */
  sc_chart_risk (male, 11, 5, 3, 6, &a, &b, &t);
  assert_2dp (a, 154.17);
  assert_2dp (b, 189.69);
  assert_2dp (t, 292.44);
  sc_chart_risk (female, 11, 5, 3, 6, &a, &b, &t);
  assert_2dp (a, 131.26);
  assert_2dp (b, 175.52);
  assert_2dp (t, 230.39);

  /* All answers 1: scales 12, 12, 12, 12. */
  sc_chart_risk (male, 12, 12, 12, 12, &a, &b, &t);
  assert_2dp (a, 89.22);
  assert_2dp (b, 44.27);
  assert_2dp (t, 39.50);

  /* All answers 4: scales 3, 3, 3, 3. */
  sc_chart_risk (male, 3, 3, 3, 3, &a, &b, &t);
  assert_2dp (a, 100.29);
  assert_2dp (b, 253.76);
  assert_2dp (t, 254.49);

  /* Each output is optional. */
  a = b = t = -1;
  sc_chart_risk (male, 11, 5, 3, 6, NULL, &b, NULL);
  assert_2dp (b, 189.69);
  g_assert_cmpfloat (a, ==, -1);
  g_assert_cmpfloat (t, ==, -1);
}

/* The same worked examples from answers, through scoring and a one-person analysis. */
static void
test_risk_from_answers (void)
{
  static const struct
  {
    const char *answers;
    ScSex       sex;
    double      a, b, total;
  } cases[] = {
    { "112331443323243341112334443344433222234342333343343443322", SC_SEX_MALE,
      154.17, 189.69, 292.44 },
    { "112331443323243341112334443344433222234342333343343443322", SC_SEX_FEMALE,
      131.26, 175.52, 230.39 },
    { "111111111111111111111111111111111111111111111111111111111", SC_SEX_MALE,
      89.22, 44.27, 39.50 },
    { "444444444444444444444444444444444444444444444444444444444", SC_SEX_MALE,
      100.29, 253.76, 254.49 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) people = people_new ();
      g_autoptr(ScGroupAnalysis) an = NULL;
      g_autoptr(GError) error = NULL;
      guint8 answers[SC_BJSQ_N_ITEMS];
      ScResult result;
      const ScGroupFigures *f;
      const ScGroupFigures *s;

      g_assert_true (sc_answers_parse (cases[i].answers, strlen (cases[i].answers), answers, &error));
      g_assert_no_error (error);
      sc_score (answers, cases[i].sex, NULL, &result);
      g_assert_true (result.complete);
      add (people, NULL, result);

      /* A one-person "workplace" only exists with min_size 1 (library use, as spec §10). */
      an = analyse (people, 1, NULL);
      f = sc_group_entry_get_combined (sc_group_analysis_get_total (an));
      g_assert_nonnull (f);
      assert_2dp (f->risk_a, cases[i].a);
      assert_2dp (f->risk_b, cases[i].b);
      assert_2dp (f->risk_total, cases[i].total);
      s = sc_group_entry_get_by_sex (sc_group_analysis_get_total (an), cases[i].sex);
      g_assert_nonnull (s);
      g_assert_cmpfloat (s->risk_total, ==, f->risk_total);
      g_assert_null (sc_group_entry_get_by_sex (sc_group_analysis_get_total (an),
                                                1 - cases[i].sex));
    }
}

/*
 * A hand-computed group of 10 (6 men, 4 women), 判定図 scales (qd, control, sup, cow):
 *
 *   men:   (8,8,7,8) (9,7,8,9) (10,6,6,7) (7,9,9,10) (11,5,5,6) (9,7,7,8)
 *          sums 54, 42, 42, 48 → means 9.0, 7.0, 7.0, 8.0
 *   women: (8,7,6,8) (7,8,7,9) (9,6,5,7) (8,7,6,8)
 *          sums 32, 28, 24, 32 → means 8.0, 7.0, 6.0, 8.0
 *   all:   (54+32)/10 = 8.6, (42+28)/10 = 7.0, (42+24)/10 = 6.6, (48+32)/10 = 8.0
 *
 * Set A, men:   A = 100·e^((9.0−8.7)·0.076 + (7.0−7.9)·−0.089) = 100·e^0.1029 = 110.838
 *               B = 100·e^((7.0−7.5)·−0.097 + (8.0−8.1)·−0.097) = 100·e^0.0582 = 105.993
 *               total = 110.838·105.993/100 = 117.480
 * Set A, women: A = 100·e^((8.0−7.9)·0.048 + (7.0−7.2)·−0.056) = 100·e^0.0160 = 101.613
 *               B = 100·e^((6.0−6.6)·−0.097 + (8.0−8.2)·−0.097) = 100·e^0.0776 = 108.069
 *               total = 101.613·108.069/100 = 109.812
 * Combined, weighted by headcount (6·men + 4·women)/10:
 *               A = 107.148, B = 106.823, total = 114.413
 *               (not A·B/100 of the combined = 114.46: the weighted mean of the totals)
 * Set B (one set for both sexes, B0 8.0, C0 7.6):
 *               men A 111.829 B 107.026 total 119.686; women A 103.645 B 117.928 total 122.226
 *               combined A 108.555 B 111.387 total 120.702
 * (exp values checked with python3 math.exp.)
 *
 * 評価点: for even scale indices person i scores 1 + i % 5 (mean 3.0 over the ten);
 * for odd indices men score 5 and women 1 (mean (6·5 + 4·1)/10 = 3.4).
 */
static GArray *
hand_group (void)
{
  static const int men[6][4] = {
    { 8, 8, 7, 8 }, { 9, 7, 8, 9 }, { 10, 6, 6, 7 }, { 7, 9, 9, 10 }, { 11, 5, 5, 6 },
    { 9, 7, 7, 8 },
  };
  static const int women[4][4] = {
    { 8, 7, 6, 8 }, { 7, 8, 7, 9 }, { 9, 6, 5, 7 }, { 8, 7, 6, 8 },
  };
  GArray *people = people_new ();

  for (guint i = 0; i < 10; i++)
    {
      ScSex sex = i < 6 ? SC_SEX_MALE : SC_SEX_FEMALE;
      const int *c = i < 6 ? men[i] : women[i - 6];
      ScResult r = make_result (sex, c[0], c[1], c[2], c[3], TRUE);

      for (guint k = 0; k < SC_BJSQ_N_SCALES; k++)
        r.score[k] = (gint8) (k % 2 == 0 ? 1 + i % 5 : (sex == SC_SEX_MALE ? 5 : 1));
      add (people, "製造", r);
    }
  return people;
}

static void
test_hand_computed_group (void)
{
  g_autoptr(GArray) people = hand_group ();
  g_autoptr(ScGroupAnalysis) an = analyse (people, 10, NULL);
  const ScGroupEntry *g = find_group (an, "製造");
  const ScGroupFigures *f;

  assert_shown (g);
  g_assert_cmpuint (sc_group_entry_get_n (g), ==, 10);
  g_assert_cmpuint (sc_group_entry_get_n_sex (g, SC_SEX_MALE), ==, 6);
  g_assert_cmpuint (sc_group_entry_get_n_sex (g, SC_SEX_FEMALE), ==, 4);

  f = sc_group_entry_get_combined (g);
  g_assert_cmpuint (f->n, ==, 10);
  g_assert_cmpfloat_with_epsilon (f->chart[SC_CHART_QUANTITATIVE_DEMAND], 8.6, 1e-9);
  g_assert_cmpfloat_with_epsilon (f->chart[SC_CHART_JOB_CONTROL], 7.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (f->chart[SC_CHART_SUPERVISOR_SUPPORT], 6.6, 1e-9);
  g_assert_cmpfloat_with_epsilon (f->chart[SC_CHART_COWORKER_SUPPORT], 8.0, 1e-9);
  assert_2dp (f->risk_a, 107.15);
  assert_2dp (f->risk_b, 106.82);
  assert_2dp (f->risk_total, 114.41);
  for (guint k = 0; k < SC_BJSQ_N_SCALES; k++)
    g_assert_cmpfloat_with_epsilon (f->scale_mean[k], k % 2 == 0 ? 3.0 : 3.4, 1e-9);

  /* 6 men and 4 women are both under 10: the per-sex blocks are hidden (rule 3). */
  g_assert_cmpint (sc_group_entry_get_sex_suppression (g), ==,
                   SC_GROUP_SUPPRESSION_SEX_SUBGROUP_TOO_SMALL);
  g_assert_null (sc_group_entry_get_by_sex (g, SC_SEX_MALE));
  g_assert_null (sc_group_entry_get_by_sex (g, SC_SEX_FEMALE));

  /* The total is the same ten people. */
  f = sc_group_entry_get_combined (sc_group_analysis_get_total (an));
  g_assert_nonnull (f);
  assert_2dp (f->risk_total, 114.41);
}

static void
test_hand_computed_by_sex (void)
{
  g_autoptr(GArray) people = hand_group ();
  g_autoptr(ScGroupAnalysis) an = analyse (people, 4, NULL);
  const ScGroupEntry *g = find_group (an, "製造");
  const ScGroupFigures *m;
  const ScGroupFigures *w;

  g_assert_cmpint (sc_group_entry_get_sex_suppression (g), ==, SC_GROUP_SUPPRESSION_NONE);
  m = sc_group_entry_get_by_sex (g, SC_SEX_MALE);
  w = sc_group_entry_get_by_sex (g, SC_SEX_FEMALE);
  g_assert_nonnull (m);
  g_assert_nonnull (w);
  g_assert_cmpuint (m->n, ==, 6);
  g_assert_cmpuint (w->n, ==, 4);
  g_assert_cmpfloat_with_epsilon (m->chart[SC_CHART_QUANTITATIVE_DEMAND], 9.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (m->chart[SC_CHART_SUPERVISOR_SUPPORT], 7.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (w->chart[SC_CHART_QUANTITATIVE_DEMAND], 8.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (w->chart[SC_CHART_SUPERVISOR_SUPPORT], 6.0, 1e-9);
  assert_2dp (m->risk_a, 110.84);
  assert_2dp (m->risk_b, 105.99);
  assert_2dp (m->risk_total, 117.48);
  assert_2dp (w->risk_a, 101.61);
  assert_2dp (w->risk_b, 108.07);
  assert_2dp (w->risk_total, 109.81);
  g_assert_cmpfloat_with_epsilon (m->scale_mean[1], 5.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (w->scale_mean[1], 1.0, 1e-9);
}

static void
test_set_b (void)
{
  const ScChartConstantSet *b = sc_chart_constant_set_builtin ("set-b");
  const ScChartConstantSet *a = sc_chart_constant_set_builtin ("set-a");
  g_autoptr(GArray) people = hand_group ();
  g_autoptr(ScGroupAnalysis) an = NULL;
  const ScGroupFigures *f;
  double ra, rb, rt;

  g_assert_nonnull (b);
  g_assert_true (a == sc_chart_constant_set_default ());
  g_assert_null (sc_chart_constant_set_builtin ("set-c"));
  g_assert_cmpstr (a->id, ==, "set-a");
  g_assert_cmpstr (b->id, ==, "set-b");
  g_assert_false (a->verified);
  g_assert_false (b->verified);
  g_assert_nonnull (strstr (a->source, "要確認"));
  g_assert_nonnull (strstr (b->source, "sctool-r"));

  /* Set A as spec §6 lists it. */
  g_assert_cmpfloat (a->constants[SC_SEX_MALE].b0, ==, 7.9);
  g_assert_cmpfloat (a->constants[SC_SEX_MALE].c0, ==, 7.5);
  g_assert_cmpfloat (a->constants[SC_SEX_FEMALE].a0, ==, 7.9);
  g_assert_cmpfloat (a->constants[SC_SEX_FEMALE].alpha, ==, 0.048);
  g_assert_cmpfloat (a->constants[SC_SEX_FEMALE].beta, ==, -0.056);
  g_assert_cmpfloat (a->constants[SC_SEX_FEMALE].c0, ==, 6.6);
  g_assert_cmpfloat (a->constants[SC_SEX_FEMALE].d0, ==, 8.2);

  /* Set B: no sex split, and B0/C0 differ from set A's men by 0.1. */
  g_assert_cmpmem (&b->constants[SC_SEX_MALE], sizeof (ScChartConstants),
                   &b->constants[SC_SEX_FEMALE], sizeof (ScChartConstants));
  g_assert_cmpfloat (b->constants[SC_SEX_MALE].b0, ==, 8.0);
  g_assert_cmpfloat (b->constants[SC_SEX_MALE].c0, ==, 7.6);

  /* MHLW example, set B: A = 100·e^(2.3·0.076 + −3.0·−0.089) = 155.55,
   * B = 100·e^(−4.6·−0.097 + −2.1·−0.097) = 191.53, total 297.93. */
  sc_chart_risk (&b->constants[SC_SEX_MALE], 11, 5, 3, 6, &ra, &rb, &rt);
  assert_2dp (ra, 155.55);
  assert_2dp (rb, 191.53);
  assert_2dp (rt, 297.93);

  an = analyse (people, 4, b);
  g_assert_cmpstr (sc_group_analysis_get_constants (an)->id, ==, "set-b");
  f = sc_group_entry_get_combined (find_group (an, "製造"));
  assert_2dp (f->risk_a, 108.56);
  assert_2dp (f->risk_b, 111.39);
  assert_2dp (f->risk_total, 120.70);
  f = sc_group_entry_get_by_sex (find_group (an, "製造"), SC_SEX_FEMALE);
  assert_2dp (f->risk_b, 117.93);
}

/* ---- suppression ------------------------------------------------------------------- */

static void
test_min_size_boundary (void)
{
  g_autoptr(GArray) people = people_new ();
  g_autoptr(ScGroupAnalysis) an = NULL;
  const ScGroupEntry *nine;
  const ScGroupEntry *ten;

  add_people (people, "nine", 5, 4);
  add_people (people, "ten", 5, 5);
  add_people (people, NULL, 6, 4);        /* R = 9 + 10 = 19: rule 2 stays quiet */

  an = analyse (people, 10, NULL);
  nine = find_group (an, "nine");
  ten = find_group (an, "ten");
  assert_suppressed (nine, SC_GROUP_SUPPRESSION_TOO_SMALL);
  assert_shown (ten);
  /* Counts of a suppressed group stay available (they are not personal data). */
  g_assert_cmpuint (sc_group_entry_get_n (nine), ==, 9);
  g_assert_cmpuint (sc_group_entry_get_n (ten), ==, 10);
  assert_shown (sc_group_analysis_get_total (an));
  g_assert_cmpuint (sc_group_entry_get_n (sc_group_analysis_get_total (an)), ==, 29);

  /* The same data with min_size 9: the group of nine is shown. */
  g_clear_pointer (&an, sc_group_analysis_free);
  an = analyse (people, 9, NULL);
  assert_shown (find_group (an, "nine"));
}

static void
test_differencing (void)
{
  g_autoptr(GArray) people = people_new ();
  g_autoptr(ScGroupAnalysis) an = NULL;

  /* Total 25 = A 12 + B 10 + C 3: C is too small; then R = 3 would reveal C as
   * total − A − B, so B (the smallest shown) goes too; R = 13 → stop. */
  add_people (people, "A", 12, 0);
  add_people (people, "B", 10, 0);
  add_people (people, "C", 3, 0);
  an = analyse (people, 10, NULL);
  assert_suppressed (find_group (an, "C"), SC_GROUP_SUPPRESSION_TOO_SMALL);
  assert_suppressed (find_group (an, "B"), SC_GROUP_SUPPRESSION_COMPLEMENTARY);
  assert_shown (find_group (an, "A"));
  assert_shown (sc_group_analysis_get_total (an));
  g_assert_cmpuint (sc_group_entry_get_n (sc_group_analysis_get_total (an)), ==, 25);
}

static void
test_differencing_unlabelled (void)
{
  g_autoptr(GArray) people = people_new ();
  g_autoptr(ScGroupAnalysis) an = NULL;

  /* 4 people without a group: total − A − B would give their figures. */
  add_people (people, "A", 15, 0);
  add_people (people, NULL, 2, 0);
  add_people (people, "B", 12, 0);
  add_people (people, "", 2, 0);
  an = analyse (people, 10, NULL);
  g_assert_cmpuint (sc_group_analysis_get_n_groups (an), ==, 2);
  assert_shown (find_group (an, "A"));
  assert_suppressed (find_group (an, "B"), SC_GROUP_SUPPRESSION_COMPLEMENTARY);

  /* With 10 unlabelled people R = 10 and both groups stay shown. */
  g_clear_pointer (&an, sc_group_analysis_free);
  add_people (people, NULL, 6, 0);
  an = analyse (people, 10, NULL);
  assert_shown (find_group (an, "A"));
  assert_shown (find_group (an, "B"));
}

static void
test_differencing_tie (void)
{
  g_autoptr(GArray) people = people_new ();
  g_autoptr(ScGroupAnalysis) an = NULL;

  /* A 10, B 10, C 5: C too small, R = 5; A and B tie, the last one (B) goes. */
  add_people (people, "A", 10, 0);
  add_people (people, "B", 10, 0);
  add_people (people, "C", 5, 0);
  an = analyse (people, 10, NULL);
  assert_shown (find_group (an, "A"));
  assert_suppressed (find_group (an, "B"), SC_GROUP_SUPPRESSION_COMPLEMENTARY);
  assert_suppressed (find_group (an, "C"), SC_GROUP_SUPPRESSION_TOO_SMALL);
}

static void
test_workplace_too_small (void)
{
  g_autoptr(GArray) people = people_new ();
  g_autoptr(ScGroupAnalysis) an = NULL;
  g_autoptr(GString) json = g_string_new (NULL);

  /* 9 complete + 3 incomplete: incomplete questionnaires do not make up the 10. */
  add_people (people, "A", 5, 4);
  for (guint i = 0; i < 3; i++)
    add (people, "B", make_result (SC_SEX_MALE, 8, 7, 7, 8, FALSE));

  an = analyse (people, 10, NULL);
  assert_suppressed (sc_group_analysis_get_total (an), SC_GROUP_SUPPRESSION_WORKPLACE_TOO_SMALL);
  assert_suppressed (find_group (an, "A"), SC_GROUP_SUPPRESSION_WORKPLACE_TOO_SMALL);
  assert_suppressed (find_group (an, "B"), SC_GROUP_SUPPRESSION_WORKPLACE_TOO_SMALL);
  g_assert_cmpuint (sc_group_entry_get_n (sc_group_analysis_get_total (an)), ==, 9);

  sc_group_analysis_to_json (an, json);
  g_assert_nonnull (strstr (json->str, "\"reason\": \"workplace_too_small\""));
  g_assert_null (strstr (json->str, "\"chart\""));
  g_assert_null (strstr (json->str, "\"risk\""));
  g_assert_null (strstr (json->str, "\"scale_means\""));
}

static void
test_sex_subgroup (void)
{
  g_autoptr(GArray) people = people_new ();
  g_autoptr(ScGroupAnalysis) an = NULL;
  const ScGroupEntry *a;
  const ScGroupEntry *b;
  const ScGroupEntry *total;

  /* A: 15 men, 5 women. B: 20 men only. Total: 35 men, 5 women. */
  add_people (people, "A", 15, 5);
  add_people (people, "B", 20, 0);
  an = analyse (people, 10, NULL);
  a = find_group (an, "A");
  b = find_group (an, "B");
  total = sc_group_analysis_get_total (an);

  /* The five women of A would be (A − A's men): both blocks go, the combined stays. */
  assert_shown (a);
  g_assert_cmpint (sc_group_entry_get_sex_suppression (a), ==,
                   SC_GROUP_SUPPRESSION_SEX_SUBGROUP_TOO_SMALL);
  g_assert_null (sc_group_entry_get_by_sex (a, SC_SEX_MALE));
  g_assert_null (sc_group_entry_get_by_sex (a, SC_SEX_FEMALE));

  /* The same rule on the total. */
  assert_shown (total);
  g_assert_cmpint (sc_group_entry_get_sex_suppression (total), ==,
                   SC_GROUP_SUPPRESSION_SEX_SUBGROUP_TOO_SMALL);
  g_assert_null (sc_group_entry_get_by_sex (total, SC_SEX_FEMALE));

  /* No women in B: n_sex == 0 is not "small"; the men's block is shown. */
  assert_shown (b);
  g_assert_cmpint (sc_group_entry_get_sex_suppression (b), ==, SC_GROUP_SUPPRESSION_NONE);
  g_assert_nonnull (sc_group_entry_get_by_sex (b, SC_SEX_MALE));
  g_assert_cmpuint (sc_group_entry_get_by_sex (b, SC_SEX_MALE)->n, ==, 20);
  g_assert_null (sc_group_entry_get_by_sex (b, SC_SEX_FEMALE));
}

static void
test_sex_differencing (void)
{
  g_autoptr(GArray) people = people_new ();
  g_autoptr(ScGroupAnalysis) an = NULL;
  const ScGroupEntry *total;

  /* Total 25 men, 15 women (both blocks shown). A: 15 men, 5 women (blocks hidden by
   * rule 3). B: 10 men, 10 women. Total women − B's women = A's five women, so B's
   * per-sex blocks must go too (rule 4). */
  add_people (people, "A", 15, 5);
  add_people (people, "B", 10, 10);
  an = analyse (people, 10, NULL);
  total = sc_group_analysis_get_total (an);
  g_assert_cmpint (sc_group_entry_get_sex_suppression (total), ==, SC_GROUP_SUPPRESSION_NONE);
  g_assert_nonnull (sc_group_entry_get_by_sex (total, SC_SEX_MALE));
  g_assert_nonnull (sc_group_entry_get_by_sex (total, SC_SEX_FEMALE));
  g_assert_cmpint (sc_group_entry_get_sex_suppression (find_group (an, "A")), ==,
                   SC_GROUP_SUPPRESSION_SEX_SUBGROUP_TOO_SMALL);
  assert_shown (find_group (an, "B"));
  g_assert_cmpint (sc_group_entry_get_sex_suppression (find_group (an, "B")), ==,
                   SC_GROUP_SUPPRESSION_SEX_COMPLEMENTARY);
  g_assert_null (sc_group_entry_get_by_sex (find_group (an, "B"), SC_SEX_FEMALE));
  g_assert_null (sc_group_entry_get_by_sex (find_group (an, "B"), SC_SEX_MALE));
}

static void
test_sex_differencing_single_sex_group (void)
{
  g_autoptr(GArray) people = people_new ();
  g_autoptr(ScGroupAnalysis) an = NULL;
  const ScGroupEntry *total;

  /* Total 15 men, 10 women. A: 12 men only, so A's combined figures are its men's.
   * Unlabelled: 3 men, 10 women (R = 13, fine for rule 2). Total men − A = the three
   * unlabelled men; hiding A's blocks would not help, so the total's blocks go. */
  add_people (people, "A", 12, 0);
  add_people (people, NULL, 3, 10);
  an = analyse (people, 10, NULL);
  total = sc_group_analysis_get_total (an);
  assert_shown (total);
  g_assert_cmpint (sc_group_entry_get_sex_suppression (total), ==,
                   SC_GROUP_SUPPRESSION_SEX_COMPLEMENTARY);
  g_assert_null (sc_group_entry_get_by_sex (total, SC_SEX_MALE));
  g_assert_null (sc_group_entry_get_by_sex (total, SC_SEX_FEMALE));
  assert_shown (find_group (an, "A"));
}

/* ---- incomplete questionnaires, order, errors -------------------------------------- */

static void
test_incomplete_excluded (void)
{
  g_autoptr(GArray) people = people_new ();
  g_autoptr(ScGroupAnalysis) an = NULL;
  const ScGroupEntry *a;
  const ScGroupEntry *only_incomplete;
  const ScGroupEntry *total;
  const ScGroupFigures *f;
  ScResult odd;

  /* Incomplete questionnaires with extreme values: if any entered a mean, it would show. */
  odd = make_result (SC_SEX_MALE, 12, 3, 3, 3, FALSE);
  for (guint k = 0; k < SC_BJSQ_N_SCALES; k++)
    odd.score[k] = 1;

  add_people (people, "A", 10, 0);
  add (people, "A", odd);
  add (people, "A", odd);
  add (people, "only incomplete", odd);
  add (people, "only incomplete", odd);
  add_people (people, NULL, 10, 0);
  add (people, NULL, odd);

  an = analyse (people, 10, NULL);
  g_assert_cmpuint (sc_group_analysis_get_n_respondents (an), ==, 25);
  total = sc_group_analysis_get_total (an);
  a = find_group (an, "A");
  only_incomplete = find_group (an, "only incomplete");

  g_assert_cmpuint (sc_group_entry_get_n (a), ==, 10);
  g_assert_cmpuint (sc_group_entry_get_excluded_incomplete (a), ==, 2);
  g_assert_cmpuint (sc_group_entry_get_n (total), ==, 20);
  g_assert_cmpuint (sc_group_entry_get_excluded_incomplete (total), ==, 5);

  f = sc_group_entry_get_combined (a);
  g_assert_nonnull (f);
  g_assert_cmpfloat_with_epsilon (f->chart[SC_CHART_QUANTITATIVE_DEMAND], 8.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (f->chart[SC_CHART_COWORKER_SUPPORT], 8.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (f->scale_mean[0], 3.0, 1e-9);
  f = sc_group_entry_get_combined (total);
  g_assert_cmpfloat_with_epsilon (f->chart[SC_CHART_JOB_CONTROL], 7.0, 1e-9);

  /* A group with nobody complete is not "too small": shown, but with no figures, and it
   * is never the one picked by rule 2. */
  g_assert_cmpuint (sc_group_entry_get_n (only_incomplete), ==, 0);
  g_assert_cmpuint (sc_group_entry_get_excluded_incomplete (only_incomplete), ==, 2);
  g_assert_false (sc_group_entry_is_suppressed (only_incomplete));
  g_assert_null (sc_group_entry_get_combined (only_incomplete));
}

static void
test_group_order (void)
{
  g_autoptr(GArray) people = people_new ();
  g_autoptr(ScGroupAnalysis) an = NULL;

  add_people (people, "営業部", 10, 0);
  add_people (people, "総務部", 10, 0);
  add_people (people, "営業部", 1, 0);
  add_people (people, "製造部", 10, 0);
  an = analyse (people, 10, NULL);
  g_assert_cmpuint (sc_group_analysis_get_n_groups (an), ==, 3);
  g_assert_cmpstr (sc_group_entry_get_label (sc_group_analysis_get_group (an, 0)), ==, "営業部");
  g_assert_cmpstr (sc_group_entry_get_label (sc_group_analysis_get_group (an, 1)), ==, "総務部");
  g_assert_cmpstr (sc_group_entry_get_label (sc_group_analysis_get_group (an, 2)), ==, "製造部");
  g_assert_cmpuint (sc_group_entry_get_n (sc_group_analysis_get_group (an, 0)), ==, 11);
  g_assert_true (sc_group_entry_is_total (sc_group_analysis_get_total (an)));
  g_assert_null (sc_group_entry_get_label (sc_group_analysis_get_total (an)));
  g_assert_false (sc_group_entry_is_total (sc_group_analysis_get_group (an, 0)));
}

static void
test_bad_arguments (void)
{
  g_autoptr(GArray) people = people_new ();
  g_autoptr(GError) error = NULL;
  ScGroupAnalysis *an;

  add_people (people, "A", 10, 0);
  an = sc_group_analyse ((const ScGroupRespondent *) (void *) people->data, people->len, 0,
                         NULL, &error);
  g_assert_null (an);
  g_assert_error (error, SC_GROUP_ERROR, SC_GROUP_ERROR_INVALID_MIN_SIZE);
  g_clear_error (&error);

  add_people (people, "bad \xff label", 1, 0);
  an = sc_group_analyse ((const ScGroupRespondent *) (void *) people->data, people->len, 10,
                         NULL, &error);
  g_assert_null (an);
  g_assert_error (error, SC_GROUP_ERROR, SC_GROUP_ERROR_INVALID_LABEL);
  g_assert_nonnull (strstr (error->message, "respondent 11"));
  g_clear_error (&error);

  /* No respondents at all: a workplace that is too small, not an error. */
  an = sc_group_analyse (NULL, 0, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_group_entry_get_suppression (sc_group_analysis_get_total (an)), ==,
                   SC_GROUP_SUPPRESSION_WORKPLACE_TOO_SMALL);
  sc_group_analysis_free (an);
}

/* ---- JSON -------------------------------------------------------------------------- */

/* The text of the JSON object that starts at the entry of group @label. */
static char *
json_object_of (const char *json,
                const char *label)
{
  g_autofree char *key = g_strdup_printf ("\"group\": \"%s\"", label);
  const char *start = strstr (json, key);
  const char *end;
  int depth = 1;

  g_assert_nonnull (start);
  for (end = start; *end != '\0' && depth > 0; end++)
    if (*end == '{')
      depth++;
    else if (*end == '}')
      depth--;
  return g_strndup (start, (gsize) (end - start));
}

static void
test_json (void)
{
  g_autoptr(GArray) people = people_new ();
  g_autoptr(ScGroupAnalysis) an = NULL;
  g_autoptr(GString) json = g_string_new (NULL);
  g_autofree char *small = NULL;
  g_autofree char *big = NULL;
  g_autofree char *total = NULL;

  add_people (people, "A \"quoted\"", 12, 0);
  add_people (people, "B", 10, 0);
  add_people (people, "C", 3, 0);
  an = analyse (people, 10, NULL);
  sc_group_analysis_to_json (an, json);

  g_assert_true (g_str_has_prefix (json->str, "{\n  \"min_size\": 10,\n"));
  g_assert_nonnull (strstr (json->str, "\"id\": \"set-a\""));
  g_assert_nonnull (strstr (json->str, "\"verified\": false"));
  g_assert_nonnull (strstr (json->str, "\"note\": \"要確認"));
  g_assert_nonnull (strstr (json->str, "\"respondents\": 25,"));
  g_assert_nonnull (strstr (json->str, "\"method\": \"weighted by sex headcount\""));

  small = json_object_of (json->str, "C");
  g_assert_nonnull (strstr (small, "\"suppressed\": true"));
  g_assert_nonnull (strstr (small, "\"reason\": \"too_small\""));
  g_assert_null (strstr (small, "\"n\""));
  g_assert_null (strstr (small, "chart"));
  g_assert_null (strstr (small, "risk"));
  g_free (small);
  small = json_object_of (json->str, "B");
  g_assert_nonnull (strstr (small, "\"reason\": \"complementary\""));
  g_assert_null (strstr (small, "chart"));

  /* Labels are JSON-escaped; means and risks have two decimals. */
  big = json_object_of (json->str, "A \\\"quoted\\\"");
  g_assert_nonnull (strstr (big, "\"n\": 12,"));
  g_assert_nonnull (strstr (big, "\"suppressed\": false"));
  g_assert_nonnull (strstr (big, "\"quantitative_demand\": 8.00"));
  g_assert_nonnull (strstr (big, "\"female\": null"));

  total = json_object_of (json->str, "全体");
  g_assert_nonnull (strstr (total, "\"n\": 25,"));
  g_assert_nonnull (strstr (total, "\"job_control\": 7.00"));
}

/* ---- replaceable constants --------------------------------------------------------- */

#define GOOD_SET \
  "# checked against the table\n" \
  "[set]\n" \
  "id=checked\n" \
  "name=Checked set\n" \
  "source=TMU bjsq.zip\n" \
  "verified=true\n" \
  "\n" \
  "[male]\n" \
  "A0=8.7\nalpha=0.076\nB0=8.0\nbeta=-0.089\nC0=7.6\ngamma=-0.097\nD0=8.1\ndelta=-0.097\n" \
  "[female]\n" \
  "A0 = 7.9\nalpha = 0.048\nB0 = 7.2\nbeta = -0.056\nC0 = 6.6\ngamma = -0.097\n" \
  "D0 = 8.2\ndelta = -0.097\n"

static void
test_constants_load_good (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScChartConstantSet) set = NULL;
  g_autoptr(ScChartConstantSet) crlf = NULL;
  g_autoptr(ScChartConstantSet) copy = NULL;
  g_autoptr(GString) text = g_string_new (GOOD_SET);
  g_autoptr(GArray) people = hand_group ();
  g_autoptr(ScGroupAnalysis) an = NULL;
  const ScChartConstantSet *b = sc_chart_constant_set_builtin ("set-b");
  const ScGroupFigures *f;

  set = sc_chart_constant_set_load_from_data (GOOD_SET, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (set);
  g_assert_cmpstr (set->id, ==, "checked");
  g_assert_cmpstr (set->name, ==, "Checked set");
  g_assert_cmpstr (set->source, ==, "TMU bjsq.zip");
  g_assert_true (set->verified);
  /* The male constants are set B's, the female ones set A's. */
  g_assert_cmpmem (&set->constants[SC_SEX_MALE], sizeof (ScChartConstants),
                   &b->constants[SC_SEX_MALE], sizeof (ScChartConstants));
  g_assert_cmpmem (&set->constants[SC_SEX_FEMALE], sizeof (ScChartConstants),
                   &sc_chart_constant_set_default ()->constants[SC_SEX_FEMALE],
                   sizeof (ScChartConstants));

  /* A loaded set really replaces the constants: the men of the hand group get set B's
   * risk (111.83), the women keep set A's (101.61). */
  an = analyse (people, 4, set);
  f = sc_group_entry_get_by_sex (find_group (an, "製造"), SC_SEX_MALE);
  assert_2dp (f->risk_a, 111.83);
  f = sc_group_entry_get_by_sex (find_group (an, "製造"), SC_SEX_FEMALE);
  assert_2dp (f->risk_a, 101.61);
  g_assert_true (sc_group_analysis_get_constants (an) != set);   /* the analysis copied it */
  g_assert_cmpstr (sc_group_analysis_get_constants (an)->id, ==, "checked");

  /* As Windows Notepad saves it: BOM and CRLF. */
  g_string_replace (text, "\n", "\r\n", 0);
  g_string_prepend (text, "\xEF\xBB\xBF");
  crlf = sc_chart_constant_set_load_from_data (text->str, (gssize) text->len, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (crlf->constants, sizeof crlf->constants, set->constants, sizeof set->constants);

  copy = sc_chart_constant_set_copy (set);
  g_assert_cmpstr (copy->source, ==, set->source);
  g_assert_true (copy->source != set->source);
}

static void
assert_load_fails (const char *text,
                   int         code,
                   const char *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScChartConstantSet) set = NULL;

  set = sc_chart_constant_set_load_from_data (text, -1, &error);
  g_assert_null (set);
  g_assert_error (error, SC_CHART_CONSTANTS_ERROR, code);
  if (strstr (error->message, message_part) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, message_part);
}

static char *
good_set_with (const char *from,
               const char *to)
{
  g_autoptr(GString) s = g_string_new (GOOD_SET);

  g_assert_cmpuint (g_string_replace (s, from, to, 1), ==, 1);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
test_constants_load_bad (void)
{
  struct
  {
    const char *from;
    const char *to;
    int         code;
    const char *message;
  } cases[] = {
    /* Missing keys and groups are named. */
    { "delta = -0.097\n", "", SC_CHART_CONSTANTS_ERROR_MISSING, "[female] delta is missing" },
    { "A0=8.7\n", "", SC_CHART_CONSTANTS_ERROR_MISSING, "[male] A0 is missing" },
    { "source=TMU bjsq.zip\n", "", SC_CHART_CONSTANTS_ERROR_MISSING, "[set] source is missing" },
    { "verified=true\n", "", SC_CHART_CONSTANTS_ERROR_MISSING, "[set] verified is missing" },
    { "[female]\n", "", SC_CHART_CONSTANTS_ERROR_SYNTAX, "line 17: [male] A0 is given twice (first on line 9)" },
    /* Non-numbers name the line, group and key (line 12 is beta in [male]). */
    { "beta=-0.089", "beta=minus", SC_CHART_CONSTANTS_ERROR_VALUE,
      "line 12: [male] beta: “minus” is not a number" },
    { "alpha=0.076", "alpha=0,076", SC_CHART_CONSTANTS_ERROR_VALUE,
      "line 10: [male] alpha: “0,076” is not a number (write decimals with a dot)" },
    { "gamma = -0.097", "gamma = ", SC_CHART_CONSTANTS_ERROR_VALUE,
      "line 23: [female] gamma: “” is not a number" },
    { "C0=7.6", "C0=nan", SC_CHART_CONSTANTS_ERROR_VALUE, "[male] C0: “nan” is not a number" },
    { "D0=8.1", "D0=inf", SC_CHART_CONSTANTS_ERROR_VALUE, "[male] D0: “inf” is not a number" },
    { "D0=8.1", "D0=8.1x", SC_CHART_CONSTANTS_ERROR_VALUE, "[male] D0: “8.1x” is not a number" },
    { "verified=true", "verified=yes", SC_CHART_CONSTANTS_ERROR_VALUE,
      "line 6: [set] verified: “yes” is neither true nor false" },
    { "id=checked", "id=", SC_CHART_CONSTANTS_ERROR_VALUE, "line 3: [set] id is empty" },
    /* A typo in a key is not silently ignored. */
    { "alpha=0.076", "alfa=0.076", SC_CHART_CONSTANTS_ERROR_UNKNOWN_KEY,
      "line 10: [male] unknown key “alfa”" },
    /* Shape errors name the line. */
    { "[female]", "[Female]", SC_CHART_CONSTANTS_ERROR_SYNTAX, "line 17: unknown group [Female]" },
    { "name=Checked set", "name Checked set", SC_CHART_CONSTANTS_ERROR_SYNTAX,
      "line 4: “name Checked set” is neither a [group] nor a key=value line" },
    { "[set]\n", "", SC_CHART_CONSTANTS_ERROR_SYNTAX, "line 2: key “id” comes before any [group]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = good_set_with (cases[i].from, cases[i].to);

      g_test_message ("case %u: expecting: %s", i, cases[i].message);
      assert_load_fails (text, cases[i].code, cases[i].message);
    }

  /* A missing group. */
  {
    g_autofree char *text = g_strndup (GOOD_SET, strstr (GOOD_SET, "[female]") - GOOD_SET);

    assert_load_fails (text, SC_CHART_CONSTANTS_ERROR_MISSING, "the [female] group is missing");
  }
  assert_load_fails ("", SC_CHART_CONSTANTS_ERROR_MISSING, "the [set] group is missing");
  assert_load_fails ("[set]\nid=\xff\n", SC_CHART_CONSTANTS_ERROR_SYNTAX, "not UTF-8");
}

static void
test_constants_load_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScChartConstantSet) set = NULL;
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = NULL;

  path = g_build_filename (dir, "constants.ini", NULL);
  g_assert_true (g_file_set_contents (path, GOOD_SET, -1, &error));
  set = sc_chart_constant_set_load_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (set->id, ==, "checked");
  g_assert_cmpint (g_unlink (path), ==, 0);

  g_assert_null (sc_chart_constant_set_load_from_file (path, &error));
  g_assert_error (error, SC_CHART_CONSTANTS_ERROR, SC_CHART_CONSTANTS_ERROR_READ);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/group/risk/worked-examples", test_risk_worked_examples);
  g_test_add_func ("/group/risk/from-answers", test_risk_from_answers);
  g_test_add_func ("/group/risk/hand-computed", test_hand_computed_group);
  g_test_add_func ("/group/risk/hand-computed-by-sex", test_hand_computed_by_sex);
  g_test_add_func ("/group/risk/set-b", test_set_b);
  g_test_add_func ("/group/suppression/min-size-boundary", test_min_size_boundary);
  g_test_add_func ("/group/suppression/differencing", test_differencing);
  g_test_add_func ("/group/suppression/differencing-unlabelled", test_differencing_unlabelled);
  g_test_add_func ("/group/suppression/differencing-tie", test_differencing_tie);
  g_test_add_func ("/group/suppression/workplace-too-small", test_workplace_too_small);
  g_test_add_func ("/group/suppression/sex-subgroup", test_sex_subgroup);
  g_test_add_func ("/group/suppression/sex-differencing", test_sex_differencing);
  g_test_add_func ("/group/suppression/sex-differencing-single-sex",
                   test_sex_differencing_single_sex_group);
  g_test_add_func ("/group/incomplete-excluded", test_incomplete_excluded);
  g_test_add_func ("/group/order", test_group_order);
  g_test_add_func ("/group/bad-arguments", test_bad_arguments);
  g_test_add_func ("/group/json", test_json);
  g_test_add_func ("/group/constants/load-good", test_constants_load_good);
  g_test_add_func ("/group/constants/load-bad", test_constants_load_bad);
  g_test_add_func ("/group/constants/load-file", test_constants_load_file);

  return g_test_run ();
}
