/* sc-score.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-score"

#include "config.h"

#include "sc-score.h"

#include <string.h>

G_DEFINE_QUARK (sc-score-error-quark, sc_score_error)

/* The largest raw score of any scale (身体愁訴: 44), plus one. */
#define RAW_LIMIT 45

/* Conversion lookup tables derived once from the column ranges in sc-bjsq.c, so that
 * scoring a questionnaire is a handful of additions and table reads. */
static gint8 conversion_lut[SC_N_SEXES][SC_BJSQ_N_SCALES][RAW_LIMIT];
/* Per item: the value added to the sum-method area total for answers 0..4
 * (0 for a missing answer, which is tracked separately). */
static guint8 sum_points[SC_BJSQ_N_ITEMS][5];

static void
build_tables (void)
{
  for (guint sex = 0; sex < SC_N_SEXES; sex++)
    for (guint s = 0; s < SC_BJSQ_N_SCALES; s++)
      for (int raw = 0; raw < RAW_LIMIT; raw++)
        conversion_lut[sex][s][raw] = (gint8) sc_bjsq_convert ((ScScale) s, (ScSex) sex, raw);

  for (guint i = 0; i < SC_BJSQ_N_ITEMS; i++)
    {
      const ScItemInfo *item = sc_bjsq_item (i);

      sum_points[i][0] = 0;
      for (guint v = 1; v <= 4; v++)
        sum_points[i][v] = (guint8) (item->reverse_in_sum ? 5 - v : v);
    }
}

static inline void
ensure_tables (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      build_tables ();
      g_once_init_leave (&initialized, 1);
    }
}

void
sc_criteria_init_default (ScCriteria *criteria)
{
  g_return_if_fail (criteria != NULL);

  criteria->method = SC_METHOD_CONVERSION;
  criteria->sum_b_min = 77;
  criteria->sum_ac_min = 76;
  criteria->sum_ac_b_min = 63;
  criteria->conv_b_max = 12;
  criteria->conv_ac_max = 26;
  criteria->conv_ac_b_max = 17;
}

gboolean
sc_criteria_validate (const ScCriteria *criteria,
                      GError          **error)
{
  /* Area ranges: sum method B 29-116, A+C 26-104; conversion B 6-30, A+C 12-58. */
  static const struct { gsize offset; int min; int max; const char *what; } limits[] = {
    { G_STRUCT_OFFSET (ScCriteria, sum_b_min), 29, 116, "sum method ㋐ B" },
    { G_STRUCT_OFFSET (ScCriteria, sum_ac_min), 26, 104, "sum method ㋑ A+C" },
    { G_STRUCT_OFFSET (ScCriteria, sum_ac_b_min), 29, 116, "sum method ㋑ B" },
    { G_STRUCT_OFFSET (ScCriteria, conv_b_max), 6, 30, "conversion method ㋐ B" },
    { G_STRUCT_OFFSET (ScCriteria, conv_ac_max), 12, 58, "conversion method ㋑ A+C" },
    { G_STRUCT_OFFSET (ScCriteria, conv_ac_b_max), 6, 30, "conversion method ㋑ B" },
  };

  g_return_val_if_fail (criteria != NULL, FALSE);

  if (criteria->method != SC_METHOD_SUM && criteria->method != SC_METHOD_CONVERSION)
    {
      g_set_error (error, SC_SCORE_ERROR, SC_SCORE_ERROR_CRITERIA,
                   "Unknown criteria method %d", (int) criteria->method);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      int value = G_STRUCT_MEMBER (int, criteria, limits[i].offset);

      if (value < limits[i].min || value > limits[i].max)
        {
          g_set_error (error, SC_SCORE_ERROR, SC_SCORE_ERROR_CRITERIA,
                       "The %s threshold %d is outside the possible range %d–%d",
                       limits[i].what, value, limits[i].min, limits[i].max);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
sc_answers_parse (const char *text,
                  gsize       len,
                  guint8      answers[SC_BJSQ_N_ITEMS],
                  GError    **error)
{
  g_return_val_if_fail (text != NULL || len == 0, FALSE);
  g_return_val_if_fail (answers != NULL, FALSE);

  if (len != SC_BJSQ_N_ITEMS)
    {
      g_set_error (error, SC_SCORE_ERROR, SC_SCORE_ERROR_ANSWER_LENGTH,
                   "answers has %" G_GSIZE_FORMAT " characters, 57 expected", len);
      return FALSE;
    }

  for (guint i = 0; i < SC_BJSQ_N_ITEMS; i++)
    {
      char c = text[i];

      if (c >= '1' && c <= '4')
        answers[i] = (guint8) (c - '0');
      else if (c == '0' || c == '-')
        answers[i] = SC_ANSWER_MISSING;
      else
        {
          if ((guchar) c < 0x20 || (guchar) c >= 0x7f)
            g_set_error (error, SC_SCORE_ERROR, SC_SCORE_ERROR_ANSWER_CHAR,
                         "answers character %u (item %s) is not 1-4, 0 or -", i + 1,
                         sc_bjsq_item (i)->id);
          else
            g_set_error (error, SC_SCORE_ERROR, SC_SCORE_ERROR_ANSWER_CHAR,
                         "answers character %u (item %s) is '%c', not 1-4, 0 or -", i + 1,
                         sc_bjsq_item (i)->id, c);
          return FALSE;
        }
    }
  return TRUE;
}

void
sc_answers_format (const guint8 answers[SC_BJSQ_N_ITEMS],
                   char         out[SC_BJSQ_N_ITEMS + 1])
{
  for (guint i = 0; i < SC_BJSQ_N_ITEMS; i++)
    out[i] = (char) ('0' + (answers[i] <= 4 ? answers[i] : 0));
  out[SC_BJSQ_N_ITEMS] = '\0';
}

static inline int
area_sum (const gint8 *values,
          guint        first,
          guint        n)
{
  int total = 0;

  for (guint i = first; i < first + n; i++)
    {
      if (values[i] < 0)
        return SC_SCORE_MISSING;
      total += values[i];
    }
  return total;
}

ScVerdict
sc_criteria_judge (const ScCriteria *criteria,
                   ScMethod          method,
                   int               a,
                   int               b,
                   int               c,
                   guint            *out_flags)
{
  gboolean high_a;
  gboolean high_b;
  guint flags = 0;

  g_return_val_if_fail (criteria != NULL, SC_VERDICT_UNDETERMINED);

  if (out_flags)
    *out_flags = 0;
  if (a < 0 || b < 0 || c < 0)
    return SC_VERDICT_UNDETERMINED;

  if (method == SC_METHOD_SUM)
    {
      /* Higher sums mean more stress. */
      high_a = b >= criteria->sum_b_min;
      high_b = a + c >= criteria->sum_ac_min && b >= criteria->sum_ac_b_min;
    }
  else
    {
      /* 評価点: lower sums mean more stress. */
      high_a = b <= criteria->conv_b_max;
      high_b = a + c <= criteria->conv_ac_max && b <= criteria->conv_ac_b_max;
    }

  if (high_a)
    flags |= SC_CRITERION_A;
  if (high_b)
    flags |= SC_CRITERION_B;
  if (out_flags)
    *out_flags = flags;
  return flags ? SC_VERDICT_HIGH : SC_VERDICT_NOT_HIGH;
}

static void
judge (ScAreaResult     *area,
       const ScCriteria *criteria,
       ScMethod          method,
       gboolean          complete)
{
  area->criteria = 0;
  if (!complete)
    {
      /* 判定不能: no verdict on an incomplete questionnaire, even if one criterion
       * could already be decided from the areas that are present. */
      area->verdict = SC_VERDICT_UNDETERMINED;
      return;
    }
  area->verdict = sc_criteria_judge (criteria, method, area->a, area->b, area->c,
                                     &area->criteria);
}

void
sc_score (const guint8      answers[SC_BJSQ_N_ITEMS],
          ScSex             sex,
          const ScCriteria *criteria,
          ScResult         *result)
{
  static const ScCriteria *defaults;
  static ScCriteria default_criteria;
  guint8 a[SC_BJSQ_N_ITEMS];
  guint missing = 0;
  int sums[3] = { 0, 0, 0 };
  gboolean sum_missing[3] = { FALSE, FALSE, FALSE };

  g_return_if_fail (answers != NULL);
  g_return_if_fail (result != NULL);

  ensure_tables ();
  if (criteria == NULL)
    {
      if (g_once_init_enter (&defaults))
        {
          sc_criteria_init_default (&default_criteria);
          g_once_init_leave (&defaults, &default_criteria);
        }
      criteria = defaults;
    }

  if ((guint) sex >= SC_N_SEXES)
    sex = SC_SEX_MALE;
  result->sex = sex;

  /* Normalise: anything but 1-4 is "not answered". */
  for (guint i = 0; i < SC_BJSQ_N_ITEMS; i++)
    {
      guint8 v = answers[i];
      guint8 ok = (guint8) (v - 1u) < 4u;

      a[i] = ok ? v : 0;
      missing += !ok;
    }
  result->complete = missing == 0;

  /* Sum method areas A (items 0-16), B (17-45), C (46-54). */
  for (guint i = 0; i < 55; i++)
    {
      guint area = i < 17 ? 0 : i < 46 ? 1 : 2;

      sums[area] += sum_points[i][a[i]];
      sum_missing[area] |= a[i] == 0;
    }

  for (guint s = 0; s < SC_BJSQ_N_SCALES; s++)
    {
      const ScScaleInfo *info = sc_bjsq_scale ((ScScale) s);
      int raw = info->constant;
      gboolean miss = FALSE;

      for (guint k = 0; k < info->n_minus; k++)
        {
          guint8 v = a[info->minus[k]];
          raw -= v;
          miss |= v == 0;
        }
      for (guint k = 0; k < info->n_plus; k++)
        {
          guint8 v = a[info->plus[k]];
          raw += v;
          miss |= v == 0;
        }

      if (miss)
        {
          result->raw[s] = SC_SCORE_MISSING;
          result->score[s] = SC_SCORE_MISSING;
        }
      else
        {
          result->raw[s] = (gint8) raw;
          result->score[s] = conversion_lut[sex][s][raw];
        }
    }

  result->sum.a = sum_missing[0] ? SC_SCORE_MISSING : sums[0];
  result->sum.b = sum_missing[1] ? SC_SCORE_MISSING : sums[1];
  result->sum.c = sum_missing[2] ? SC_SCORE_MISSING : sums[2];
  judge (&result->sum, criteria, SC_METHOD_SUM, result->complete);

  result->conversion.a = area_sum (result->score, SC_SCALE_QUANTITATIVE_DEMAND, 9);
  result->conversion.b = area_sum (result->score, SC_SCALE_VIGOR, 6);
  result->conversion.c = area_sum (result->score, SC_SCALE_SUPERVISOR_SUPPORT, 3);
  judge (&result->conversion, criteria, SC_METHOD_CONVERSION, result->complete);

  result->chart[SC_CHART_QUANTITATIVE_DEMAND] = result->raw[SC_SCALE_QUANTITATIVE_DEMAND];
  result->chart[SC_CHART_JOB_CONTROL] = result->raw[SC_SCALE_JOB_CONTROL];
  result->chart[SC_CHART_SUPERVISOR_SUPPORT] = result->raw[SC_SCALE_SUPERVISOR_SUPPORT];
  result->chart[SC_CHART_COWORKER_SUPPORT] = result->raw[SC_SCALE_COWORKER_SUPPORT];
}

const ScAreaResult *
sc_result_primary (const ScResult   *result,
                   const ScCriteria *criteria)
{
  g_return_val_if_fail (result != NULL, NULL);

  if (criteria != NULL && criteria->method == SC_METHOD_SUM)
    return &result->sum;
  return &result->conversion;
}

ScScale
sc_chart_scale_to_scale (ScChartScale chart_scale)
{
  static const ScScale map[SC_N_CHART_SCALES] = {
    SC_SCALE_QUANTITATIVE_DEMAND, SC_SCALE_JOB_CONTROL,
    SC_SCALE_SUPERVISOR_SUPPORT, SC_SCALE_COWORKER_SUPPORT,
  };

  g_return_val_if_fail ((guint) chart_scale < SC_N_CHART_SCALES, SC_SCALE_QUANTITATIVE_DEMAND);
  return map[chart_scale];
}
