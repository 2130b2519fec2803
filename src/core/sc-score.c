/* sc-score.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-score"

#include "config.h"

#include "sc-score.h"
#include "sc-bjsq-private.h"

#include <string.h>

G_DEFINE_QUARK (sc-score-error-quark, sc_score_error)

/* Index of D1: the items before it (A, B and C) are the ones the criteria use. */
#define FIRST_D_ITEM (sc_bjsq_sections[SC_SECTION_D].first_item)

/* The largest raw score of any scale (身体愁訴: 44), plus one. */
#define RAW_LIMIT 45

/* Conversion lookup tables derived once from the column ranges in sc-bjsq-private.h, so
 * that scoring a questionnaire is a handful of additions and table reads. */
static gint8 conversion_lut[SC_N_SEXES][SC_BJSQ_N_SCALES][RAW_LIMIT];

/* The sum method (その1) recodes some items as 5 - v; within one scale every item is
 * recoded the same way relative to its sign in the raw-score formula, so a scale's
 * sum-method points are an affine function of its raw score: points = offset + slope·raw.
 * build_tables() derives offset and slope from the item table (and checks the premise),
 * which turns the three area sums into 18 multiply-adds. */
static int sum_offset[SC_BJSQ_N_SCALES];
static int sum_slope[SC_BJSQ_N_SCALES];

static void
derive_sum_terms (guint scale)
{
  const ScScaleInfo *info = &sc_bjsq_scales[scale];
  int offset = 0;
  int slope = 0;

  for (guint k = 0; k < (guint) info->n_minus + info->n_plus; k++)
    {
      gboolean minus = k < info->n_minus;
      guint item = minus ? info->minus[k] : info->plus[k - info->n_minus];
      gboolean reversed = sc_bjsq_items[item].reverse_in_sum;
      /* The item's raw contribution is c = ±v and its points are v or 5 - v. */
      int item_slope = (minus == reversed) ? 1 : -1;   /* points = item_offset + item_slope·c */
      int item_offset = reversed ? 5 : 0;

      if (slope != 0 && slope != item_slope)
        g_error ("Scale %s mixes recoding directions; the sum method cannot be derived from it",
                 info->id);
      slope = item_slope;
      offset += item_offset;
    }

  /* Σ points = offset + slope·(raw - constant). */
  sum_slope[scale] = slope;
  sum_offset[scale] = offset - slope * info->constant;
}

static void
build_tables (void)
{
  for (guint sex = 0; sex < SC_N_SEXES; sex++)
    for (guint s = 0; s < SC_BJSQ_N_SCALES; s++)
      for (int raw = 0; raw < RAW_LIMIT; raw++)
        conversion_lut[sex][s][raw] = (gint8) sc_bjsq_convert ((ScScale) s, (ScSex) sex, raw);

  for (guint s = 0; s < SC_BJSQ_N_SCALES; s++)
    derive_sum_terms (s);
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

/* ㋐ and ㋑ on complete area sums; the inline core of sc_criteria_judge(). */
static inline guint
criteria_flags (const ScCriteria *criteria,
                ScMethod          method,
                int               a,
                int               b,
                int               c)
{
  gboolean high_a;
  gboolean high_b;

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
  return (high_a ? SC_CRITERION_A : 0) | (high_b ? SC_CRITERION_B : 0);
}

ScVerdict
sc_criteria_judge (const ScCriteria *criteria,
                   ScMethod          method,
                   int               a,
                   int               b,
                   int               c,
                   guint            *out_flags)
{
  guint flags;

  g_return_val_if_fail (criteria != NULL, SC_VERDICT_UNDETERMINED);

  if (out_flags)
    *out_flags = 0;
  if (a < 0 || b < 0 || c < 0)
    return SC_VERDICT_UNDETERMINED;

  flags = criteria_flags (criteria, method, a, b, c);
  if (out_flags)
    *out_flags = flags;
  return flags ? SC_VERDICT_HIGH : SC_VERDICT_NOT_HIGH;
}

static inline void
judge (ScAreaResult     *area,
       const ScCriteria *criteria,
       ScMethod          method,
       gboolean          decidable)
{
  area->criteria = 0;
  if (!decidable)
    {
      /* 判定不能: an item of A, B or C is missing. No verdict, even if one criterion
       * could already be decided from the areas that are present. */
      area->verdict = SC_VERDICT_UNDETERMINED;
      return;
    }
  /* Every item of A, B and C is answered, so every area is known. */
  area->criteria = criteria_flags (criteria, method, area->a, area->b, area->c);
  area->verdict = area->criteria ? SC_VERDICT_HIGH : SC_VERDICT_NOT_HIGH;
}

/* Raw scores and 評価点 of the 19 scales. With @check_missing FALSE every answer must
 * be 1-4; inlined twice, the compiler drops the missing-answer bookkeeping from the
 * common path. */
static inline __attribute__((always_inline)) void
score_scales (const guint8 *a,
              ScSex         sex,
              gboolean      check_missing,
              ScResult     *result)
{
  /* The loops run over the constant scale table; unrolled, they become straight-line
   * additions (this is the hot path of batch scoring). */
#pragma GCC unroll 19
  for (guint s = 0; s < SC_BJSQ_N_SCALES; s++)
    {
      const ScScaleInfo *info = &sc_bjsq_scales[s];
      int raw = info->constant;
      guint8 present = 1;

#pragma GCC unroll 3
      for (guint k = 0; k < info->n_minus; k++)
        {
          guint8 v = a[info->minus[k]];
          raw -= v;
          if (check_missing)
            present &= v != 0;
        }
#pragma GCC unroll 11
      for (guint k = 0; k < info->n_plus; k++)
        {
          guint8 v = a[info->plus[k]];
          raw += v;
          if (check_missing)
            present &= v != 0;
        }

      if (!check_missing || present)
        {
          result->raw[s] = (gint8) raw;
          result->score[s] = conversion_lut[sex][s][raw];
        }
      else
        {
          result->raw[s] = SC_SCORE_MISSING;
          result->score[s] = SC_SCORE_MISSING;
        }
    }
}

/* TRUE when every answer is 1-4. Eight answers at a time (SWAR): with the high bit of
 * each byte forced on, subtracting 1 from every byte cannot borrow across bytes; then a
 * byte is valid when it was below 0x80, was not 0 (the forced bit survived) and v - 1 has
 * no bit above the lowest two. */
static inline gboolean
all_answered (const guint8 *answers)
{
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 above_three = G_GUINT64_CONSTANT (0x7c7c7c7c7c7c7c7c);
  guint64 bad = 0;

  for (guint i = 0; i < SC_BJSQ_N_ITEMS / 8; i++)
    {
      guint64 w;
      guint64 t;

      memcpy (&w, answers + 8 * i, sizeof w);
      t = (w | high) - ones;
      bad |= (~t & high) | (t & above_three) | (w & high);
    }
  for (guint i = SC_BJSQ_N_ITEMS / 8 * 8; i < SC_BJSQ_N_ITEMS; i++)
    bad |= (guint8) (answers[i] - 1u) >= 4u;
  return bad == 0;
}

/* Sum-method total of scales [first, first + n): SC_SCORE_MISSING if one is missing. */
static inline int
sum_method_area (const gint8 *raw,
                 guint        first,
                 guint        n)
{
  int total = 0;

  for (guint s = first; s < first + n; s++)
    {
      if (raw[s] < 0)
        return SC_SCORE_MISSING;
      total += sum_offset[s] + sum_slope[s] * raw[s];
    }
  return total;
}

void
sc_score (const guint8      answers[SC_BJSQ_N_ITEMS],
          ScSex             sex,
          const ScCriteria *criteria,
          ScResult         *result)
{
  static const ScCriteria *defaults;
  static ScCriteria default_criteria;
  gboolean decidable;

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

  if (G_LIKELY (all_answered (answers)))
    {
      result->complete = TRUE;
      decidable = TRUE;
      score_scales (answers, sex, FALSE, result);
    }
  else
    {
      /* Anything but 1-4 is "not answered": nothing is imputed. */
      guint8 a[SC_BJSQ_N_ITEMS];

      decidable = TRUE;
      for (guint i = 0; i < SC_BJSQ_N_ITEMS; i++)
        {
          a[i] = (guint8) (answers[i] - 1u) < 4u ? answers[i] : 0;
          /* 満足度 (D1, D2) never enters a criterion (spec §1: 満足度に関する回答は評価に
           * 含みません): a missing D answer empties only that scale, the verdict stands. */
          if (a[i] == 0 && i < FIRST_D_ITEM)
            decidable = FALSE;
        }
      result->complete = FALSE;
      score_scales (a, sex, TRUE, result);
    }

  /* Sum method (その1): areas A (9 scales), B (6), C (3); satisfaction is not counted. */
  result->sum.a = sum_method_area (result->raw, SC_SCALE_QUANTITATIVE_DEMAND, 9);
  result->sum.b = sum_method_area (result->raw, SC_SCALE_VIGOR, 6);
  result->sum.c = sum_method_area (result->raw, SC_SCALE_SUPERVISOR_SUPPORT, 3);
  judge (&result->sum, criteria, SC_METHOD_SUM, decidable);

  /* Conversion method (その2): sums of 評価点 over the same scales. */
  result->conversion.a = area_sum (result->score, SC_SCALE_QUANTITATIVE_DEMAND, 9);
  result->conversion.b = area_sum (result->score, SC_SCALE_VIGOR, 6);
  result->conversion.c = area_sum (result->score, SC_SCALE_SUPERVISOR_SUPPORT, 3);
  judge (&result->conversion, criteria, SC_METHOD_CONVERSION, decidable);

  result->chart[SC_CHART_QUANTITATIVE_DEMAND] = result->raw[SC_SCALE_QUANTITATIVE_DEMAND];
  result->chart[SC_CHART_JOB_CONTROL] = result->raw[SC_SCALE_JOB_CONTROL];
  result->chart[SC_CHART_SUPERVISOR_SUPPORT] = result->raw[SC_SCALE_SUPERVISOR_SUPPORT];
  result->chart[SC_CHART_COWORKER_SUPPORT] = result->raw[SC_SCALE_COWORKER_SUPPORT];
}

void
sc_result_judge (ScResult         *result,
                 const ScCriteria *criteria)
{
  g_return_if_fail (result != NULL && criteria != NULL);

  judge (&result->sum, criteria, SC_METHOD_SUM,
         result->sum.verdict != SC_VERDICT_UNDETERMINED);
  judge (&result->conversion, criteria, SC_METHOD_CONVERSION,
         result->conversion.verdict != SC_VERDICT_UNDETERMINED);
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
