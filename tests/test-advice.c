/* test-advice.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The self-care advice of the kiosk result page: the shipped texts (data/advice/ja.ini, en.ini) are
 * complete and readable, the implementer's replacement texts override only what they
 * contain, a misspelt section is named, and the scales chosen for advice are those with
 * the most stress, in a fixed order.
 */
#define G_LOG_DOMAIN "test-advice"

#include "config.h"

#include <string.h>

#include "sc-advice.h"
#include "sc-score.h"

static ScAdvice *
load_shipped (const char *lang)
{
  g_autofree char *name = g_strdup_printf ("%s.ini", lang);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "advice", name,
                                                 NULL);
  g_autofree char *data = NULL;
  g_autoptr (GError) error = NULL;
  ScAdvice *advice;

  g_file_get_contents (path, &data, NULL, &error);
  g_assert_no_error (error);
  advice = sc_advice_new_from_data (data, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (advice);
  return advice;
}

static void
test_advice_shipped (gconstpointer data)
{
  const char *lang = data;
  g_autoptr (ScAdvice) advice = load_shipped (lang);

  /* Every scale can be talked about, in the language of the file. */
  for (guint s = 0; s < SC_BJSQ_N_SCALES; s++)
    {
      const char *title = sc_advice_get_title (advice, s);
      const char *text = sc_advice_get_text (advice, s);

      g_assert_nonnull (title);
      g_assert_nonnull (text);
      g_assert_cmpuint (g_utf8_strlen (text, -1), >, 20);
      if (g_str_equal (lang, "ja"))
        g_assert_nonnull (strstr (text, "。"));
      else
        g_assert_true (g_str_is_ascii (text));
    }
  g_assert_nonnull (sc_advice_get_self_care (advice));
  g_assert_nonnull (sc_advice_get_balanced (advice));
}

static void
test_advice_override (void)
{
  g_autoptr (ScAdvice) advice = load_shipped ("ja");
  g_autoptr (ScAdvice) override = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *fatigue_before = NULL;
  g_autofree char *anxiety_before = g_strdup (sc_advice_get_text (advice, SC_SCALE_ANXIETY));
  const char *text =
    "# 当社の相談窓口に合わせた文章\n"
    "[fatigue]\n"
    "text=産業医の面談は毎週水曜日です。\n"
    "[general]\n"
    "self_care=  \n"
    "balanced=特に問題はありません。\n";

  fatigue_before = g_strdup (sc_advice_get_title (advice, SC_SCALE_FATIGUE));
  override = sc_advice_new_from_data (text, -1, &error);
  g_assert_no_error (error);

  /* Only the texts that the override has are set there. */
  g_assert_cmpstr (sc_advice_get_text (override, SC_SCALE_FATIGUE), ==,
                   "産業医の面談は毎週水曜日です。");
  g_assert_null (sc_advice_get_title (override, SC_SCALE_FATIGUE));
  g_assert_null (sc_advice_get_text (override, SC_SCALE_ANXIETY));
  g_assert_null (sc_advice_get_self_care (override));   /* blank counts as missing */

  sc_advice_merge (advice, override);
  g_assert_cmpstr (sc_advice_get_text (advice, SC_SCALE_FATIGUE), ==,
                   "産業医の面談は毎週水曜日です。");
  g_assert_cmpstr (sc_advice_get_title (advice, SC_SCALE_FATIGUE), ==, fatigue_before);
  g_assert_cmpstr (sc_advice_get_text (advice, SC_SCALE_ANXIETY), ==, anxiety_before);
  g_assert_cmpstr (sc_advice_get_balanced (advice), ==, "特に問題はありません。");
  g_assert_nonnull (sc_advice_get_self_care (advice));
}

static void
test_advice_errors (void)
{
  g_autoptr (GError) error = NULL;
  ScAdvice *advice;

  advice = sc_advice_new_from_data ("[fatigue\ntext=x\n", -1, &error);
  g_assert_null (advice);
  g_assert_error (error, SC_ADVICE_ERROR, SC_ADVICE_ERROR_PARSE);
  g_clear_error (&error);

  /* A misspelt scale id is named, rather than silently ignored. */
  advice = sc_advice_new_from_data ("[fatige]\ntext=x\n", -1, &error);
  g_assert_null (advice);
  g_assert_error (error, SC_ADVICE_ERROR, SC_ADVICE_ERROR_UNKNOWN_GROUP);
  g_assert_nonnull (strstr (error->message, "[fatige]"));
  g_clear_error (&error);

  /* An empty text is valid: everything falls back to the shipped advice. */
  advice = sc_advice_new_from_data ("", 0, &error);
  g_assert_no_error (error);
  g_assert_null (sc_advice_get_text (advice, SC_SCALE_VIGOR));
  sc_advice_free (advice);
}

static void
set_all_scores (ScResult *result,
                gint8     score)
{
  memset (result, 0, sizeof *result);
  for (guint s = 0; s < SC_BJSQ_N_SCALES; s++)
    result->score[s] = score;
}

static void
test_advice_choose (void)
{
  ScResult result;
  ScScale chosen[SC_BJSQ_N_SCALES];
  guint n;

  /* Nothing at or below the threshold: no scale stands out. */
  set_all_scores (&result, 3);
  g_assert_cmpuint (sc_advice_choose (&result, 3, chosen), ==, 0);

  /* The lowest 評価点 first, whatever the area. */
  result.score[SC_SCALE_SATISFACTION] = 1;
  result.score[SC_SCALE_FATIGUE] = 2;
  result.score[SC_SCALE_JOB_CONTROL] = 2;
  n = sc_advice_choose (&result, 3, chosen);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (chosen[0], ==, SC_SCALE_SATISFACTION);
  /* Equal scores: stress responses before stressors. */
  g_assert_cmpint (chosen[1], ==, SC_SCALE_FATIGUE);
  g_assert_cmpint (chosen[2], ==, SC_SCALE_JOB_CONTROL);

  /* At most max_scales, and missing scales are never chosen. */
  result.score[SC_SCALE_SATISFACTION] = SC_SCORE_MISSING;
  n = sc_advice_choose (&result, 1, chosen);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (chosen[0], ==, SC_SCALE_FATIGUE);

  /* Everything at 1: the whole priority order, each scale once. */
  set_all_scores (&result, 1);
  n = sc_advice_choose (&result, SC_BJSQ_N_SCALES, chosen);
  g_assert_cmpuint (n, ==, SC_BJSQ_N_SCALES);
  g_assert_cmpint (chosen[0], ==, SC_SCALE_DEPRESSION);
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      g_assert_cmpint (chosen[i], !=, chosen[j]);
}

/* A real respondent (tests/data/respondents-300.csv, r1-00000, male): the chosen scales are
 * exactly those scored 1 or 2, the 1s first. */
static void
test_advice_choose_respondent (void)
{
  const char *answers_text = "131444421414414321311114241244232243141231342334414244233";
  guint8 answers[SC_BJSQ_N_ITEMS];
  g_autoptr (GError) error = NULL;
  ScResult result;
  ScScale chosen[SC_BJSQ_N_SCALES];
  guint n, expected = 0;

  g_assert_true (sc_answers_parse (answers_text, strlen (answers_text), answers, &error));
  sc_score (answers, SC_SEX_MALE, NULL, &result);
  for (guint s = 0; s < SC_BJSQ_N_SCALES; s++)
    if (result.score[s] >= 1 && result.score[s] <= SC_ADVICE_SCORE_THRESHOLD)
      expected++;
  g_assert_cmpuint (expected, >, 0);

  n = sc_advice_choose (&result, SC_BJSQ_N_SCALES, chosen);
  g_assert_cmpuint (n, ==, expected);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpint (result.score[chosen[i]], <=, SC_ADVICE_SCORE_THRESHOLD);
      if (i > 0)
        g_assert_cmpint (result.score[chosen[i - 1]], <=, result.score[chosen[i]]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/advice/shipped/ja", "ja", test_advice_shipped);
  g_test_add_data_func ("/advice/shipped/en", "en", test_advice_shipped);
  g_test_add_func ("/advice/override", test_advice_override);
  g_test_add_func ("/advice/errors", test_advice_errors);
  g_test_add_func ("/advice/choose", test_advice_choose);
  g_test_add_func ("/advice/choose-respondent", test_advice_choose_respondent);

  return g_test_run ();
}
