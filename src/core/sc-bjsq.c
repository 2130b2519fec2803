/* sc-bjsq.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The questionnaire tables. Texts, formulas and conversion cells are those of
 * spec/bjsq-spec.md §2-§4 (MHLW manual, cross-checked in several transcriptions).
 * tests/data-tables.py compares every cell with tests/data/bjsq.json.
 */
#define G_LOG_DOMAIN "sc-bjsq"

#include "config.h"

#include "sc-bjsq.h"

#include <string.h>

static const ScSectionInfo sections[SC_BJSQ_N_SECTIONS] = {
  {
    SC_SECTION_A, "A", "仕事のストレス要因（あなたの仕事について）",
    "A あなたの仕事についてうかがいます。最もあてはまるものに○を付けてください。",
    { "そうだ", "まあそうだ", "ややちがう", "ちがう" }, 0, 17,
  },
  {
    SC_SECTION_B, "B", "心身のストレス反応（最近1か月間のあなたの状態について）",
    "B 最近 1 か月間のあなたの状態についてうかがいます。最もあてはまるものに○を付けてください。",
    { "ほとんどなかった", "ときどきあった", "しばしばあった", "ほとんどいつもあった" }, 17, 29,
  },
  {
    SC_SECTION_C, "C", "周囲のサポート（あなたの周りの方々について）",
    "C あなたの周りの方々についてうかがいます。最もあてはまるものに○を付けてください。",
    { "非常に", "かなり", "多少", "全くない" }, 46, 9,
  },
  {
    SC_SECTION_D, "D", "満足度について",
    "D 満足度について",
    { "満足", "まあ満足", "やや不満足", "不満足" }, 55, 2,
  },
};

static const ScItemInfo items[SC_BJSQ_N_ITEMS] = {
  { 0, "A1", SC_SECTION_A, "非常にたくさんの仕事をしなければならない", NULL, SC_SCALE_QUANTITATIVE_DEMAND, TRUE, 1 },
  { 1, "A2", SC_SECTION_A, "時間内に仕事が処理しきれない", NULL, SC_SCALE_QUANTITATIVE_DEMAND, TRUE, 2 },
  { 2, "A3", SC_SECTION_A, "一生懸命働かなければならない", NULL, SC_SCALE_QUANTITATIVE_DEMAND, TRUE, 3 },
  { 3, "A4", SC_SECTION_A, "かなり注意を集中する必要がある", NULL, SC_SCALE_QUALITATIVE_DEMAND, TRUE, 0 },
  { 4, "A5", SC_SECTION_A, "高度の知識や技術が必要なむずかしい仕事だ", NULL, SC_SCALE_QUALITATIVE_DEMAND, TRUE, 0 },
  { 5, "A6", SC_SECTION_A, "勤務時間中はいつも仕事のことを考えていなければならない", NULL, SC_SCALE_QUALITATIVE_DEMAND, TRUE, 0 },
  { 6, "A7", SC_SECTION_A, "からだを大変よく使う仕事だ", NULL, SC_SCALE_PHYSICAL_DEMAND, TRUE, 0 },
  { 7, "A8", SC_SECTION_A, "自分のペースで仕事ができる", NULL, SC_SCALE_JOB_CONTROL, FALSE, 4 },
  { 8, "A9", SC_SECTION_A, "自分で仕事の順番・やり方を決めることができる", NULL, SC_SCALE_JOB_CONTROL, FALSE, 5 },
  { 9, "A10", SC_SECTION_A, "職場の仕事の方針に自分の意見を反映できる", NULL, SC_SCALE_JOB_CONTROL, FALSE, 6 },
  { 10, "A11", SC_SECTION_A, "自分の技能や知識を仕事で使うことが少ない", NULL, SC_SCALE_SKILL_UTILIZATION, TRUE, 0 },
  { 11, "A12", SC_SECTION_A, "私の部署内で意見のくい違いがある", NULL, SC_SCALE_INTERPERSONAL_STRESS, TRUE, 0 },
  { 12, "A13", SC_SECTION_A, "私の部署と他の部署とはうまが合わない", NULL, SC_SCALE_INTERPERSONAL_STRESS, TRUE, 0 },
  { 13, "A14", SC_SECTION_A, "私の職場の雰囲気は友好的である", NULL, SC_SCALE_INTERPERSONAL_STRESS, FALSE, 0 },
  { 14, "A15", SC_SECTION_A, "私の職場の作業環境（騒音、照明、温度、換気など）はよくない", NULL, SC_SCALE_ENVIRONMENT_STRESS, TRUE, 0 },
  { 15, "A16", SC_SECTION_A, "仕事の内容は自分にあっている", NULL, SC_SCALE_JOB_FIT, FALSE, 0 },
  { 16, "A17", SC_SECTION_A, "働きがいのある仕事だ", NULL, SC_SCALE_MEANINGFULNESS, FALSE, 0 },
  { 17, "B1", SC_SECTION_B, "活気がわいてくる", NULL, SC_SCALE_VIGOR, TRUE, 0 },
  { 18, "B2", SC_SECTION_B, "元気がいっぱいだ", NULL, SC_SCALE_VIGOR, TRUE, 0 },
  { 19, "B3", SC_SECTION_B, "生き生きする", NULL, SC_SCALE_VIGOR, TRUE, 0 },
  { 20, "B4", SC_SECTION_B, "怒りを感じる", NULL, SC_SCALE_IRRITABILITY, FALSE, 0 },
  { 21, "B5", SC_SECTION_B, "内心腹立たしい", NULL, SC_SCALE_IRRITABILITY, FALSE, 0 },
  { 22, "B6", SC_SECTION_B, "イライラしている", NULL, SC_SCALE_IRRITABILITY, FALSE, 0 },
  { 23, "B7", SC_SECTION_B, "ひどく疲れた", NULL, SC_SCALE_FATIGUE, FALSE, 7 },
  { 24, "B8", SC_SECTION_B, "へとへとだ", NULL, SC_SCALE_FATIGUE, FALSE, 8 },
  { 25, "B9", SC_SECTION_B, "だるい", NULL, SC_SCALE_FATIGUE, FALSE, 9 },
  { 26, "B10", SC_SECTION_B, "気がはりつめている", NULL, SC_SCALE_ANXIETY, FALSE, 10 },
  { 27, "B11", SC_SECTION_B, "不安だ", NULL, SC_SCALE_ANXIETY, FALSE, 11 },
  { 28, "B12", SC_SECTION_B, "落着かない", NULL, SC_SCALE_ANXIETY, FALSE, 12 },
  { 29, "B13", SC_SECTION_B, "ゆううつだ", NULL, SC_SCALE_DEPRESSION, FALSE, 13 },
  { 30, "B14", SC_SECTION_B, "何をするのも面倒だ", NULL, SC_SCALE_DEPRESSION, FALSE, 14 },
  { 31, "B15", SC_SECTION_B, "物事に集中できない", NULL, SC_SCALE_DEPRESSION, FALSE, 0 },
  { 32, "B16", SC_SECTION_B, "気分が晴れない", NULL, SC_SCALE_DEPRESSION, FALSE, 15 },
  { 33, "B17", SC_SECTION_B, "仕事が手につかない", NULL, SC_SCALE_DEPRESSION, FALSE, 0 },
  { 34, "B18", SC_SECTION_B, "悲しいと感じる", NULL, SC_SCALE_DEPRESSION, FALSE, 0 },
  { 35, "B19", SC_SECTION_B, "めまいがする", NULL, SC_SCALE_SOMATIC, FALSE, 0 },
  { 36, "B20", SC_SECTION_B, "体のふしぶしが痛む", NULL, SC_SCALE_SOMATIC, FALSE, 0 },
  { 37, "B21", SC_SECTION_B, "頭が重かったり頭痛がする", NULL, SC_SCALE_SOMATIC, FALSE, 0 },
  { 38, "B22", SC_SECTION_B, "首筋や肩がこる", NULL, SC_SCALE_SOMATIC, FALSE, 0 },
  { 39, "B23", SC_SECTION_B, "腰が痛い", NULL, SC_SCALE_SOMATIC, FALSE, 0 },
  { 40, "B24", SC_SECTION_B, "目が疲れる", NULL, SC_SCALE_SOMATIC, FALSE, 0 },
  { 41, "B25", SC_SECTION_B, "動悸や息切れがする", NULL, SC_SCALE_SOMATIC, FALSE, 0 },
  { 42, "B26", SC_SECTION_B, "胃腸の具合が悪い", NULL, SC_SCALE_SOMATIC, FALSE, 0 },
  { 43, "B27", SC_SECTION_B, "食欲がない", NULL, SC_SCALE_SOMATIC, FALSE, 16 },
  { 44, "B28", SC_SECTION_B, "便秘や下痢をする", NULL, SC_SCALE_SOMATIC, FALSE, 0 },
  { 45, "B29", SC_SECTION_B, "よく眠れない", NULL, SC_SCALE_SOMATIC, FALSE, 17 },
  { 46, "C1", SC_SECTION_C, "上司", "次の人たちはどのくらい気軽に話ができますか？", SC_SCALE_SUPERVISOR_SUPPORT, FALSE, 18 },
  { 47, "C2", SC_SECTION_C, "職場の同僚", "次の人たちはどのくらい気軽に話ができますか？", SC_SCALE_COWORKER_SUPPORT, FALSE, 19 },
  { 48, "C3", SC_SECTION_C, "配偶者、家族、友人等", "次の人たちはどのくらい気軽に話ができますか？", SC_SCALE_FAMILY_SUPPORT, FALSE, 0 },
  { 49, "C4", SC_SECTION_C, "上司", "あなたが困った時、次の人たちはどのくらい頼りになりますか？", SC_SCALE_SUPERVISOR_SUPPORT, FALSE, 20 },
  { 50, "C5", SC_SECTION_C, "職場の同僚", "あなたが困った時、次の人たちはどのくらい頼りになりますか？", SC_SCALE_COWORKER_SUPPORT, FALSE, 21 },
  { 51, "C6", SC_SECTION_C, "配偶者、家族、友人等", "あなたが困った時、次の人たちはどのくらい頼りになりますか？", SC_SCALE_FAMILY_SUPPORT, FALSE, 0 },
  { 52, "C7", SC_SECTION_C, "上司", "あなたの個人的な問題を相談したら、次の人たちはどのくらいきいてくれますか？", SC_SCALE_SUPERVISOR_SUPPORT, FALSE, 22 },
  { 53, "C8", SC_SECTION_C, "職場の同僚", "あなたの個人的な問題を相談したら、次の人たちはどのくらいきいてくれますか？", SC_SCALE_COWORKER_SUPPORT, FALSE, 23 },
  { 54, "C9", SC_SECTION_C, "配偶者、家族、友人等", "あなたの個人的な問題を相談したら、次の人たちはどのくらいきいてくれますか？", SC_SCALE_FAMILY_SUPPORT, FALSE, 0 },
  { 55, "D1", SC_SECTION_D, "仕事に満足だ", NULL, SC_SCALE_SATISFACTION, FALSE, 0 },
  { 56, "D2", SC_SECTION_D, "家庭生活に満足だ", NULL, SC_SCALE_SATISFACTION, FALSE, 0 },
};

/* raw = constant - sum(minus items) + sum(plus items); columns in raw-score order,
 * { 0, 0 } marks a column the printed table leaves empty. */
static const ScScaleInfo scales[SC_BJSQ_N_SCALES] = {
  {
    SC_SCALE_QUANTITATIVE_DEMAND, "quantitative_demand", "心理的な仕事の負担（量）", "quantitative job overload",
    SC_SECTION_A, 15, 3, 0,
    { 0, 1, 2 }, { 0 },
    3, 12, TRUE,
    { { { 3, 5 }, { 6, 7 }, { 8, 9 }, { 10, 11 }, { 12, 12 } },
      { { 3, 4 }, { 5, 6 }, { 7, 9 }, { 10, 11 }, { 12, 12 } } },
  },
  {
    SC_SCALE_QUALITATIVE_DEMAND, "qualitative_demand", "心理的な仕事の負担（質）", "qualitative job overload",
    SC_SECTION_A, 15, 3, 0,
    { 3, 4, 5 }, { 0 },
    3, 12, TRUE,
    { { { 3, 5 }, { 6, 7 }, { 8, 9 }, { 10, 11 }, { 12, 12 } },
      { { 3, 4 }, { 5, 6 }, { 7, 8 }, { 9, 10 }, { 11, 12 } } },
  },
  {
    SC_SCALE_PHYSICAL_DEMAND, "physical_demand", "自覚的な身体的負担度", "physical demands",
    SC_SECTION_A, 5, 1, 0,
    { 6 }, { 0 },
    1, 4, TRUE,
    { { { 0, 0 }, { 1, 1 }, { 2, 2 }, { 3, 3 }, { 4, 4 } },
      { { 0, 0 }, { 1, 1 }, { 2, 2 }, { 3, 3 }, { 4, 4 } } },
  },
  {
    SC_SCALE_INTERPERSONAL_STRESS, "interpersonal_stress", "職場の対人関係でのストレス", "interpersonal conflict",
    SC_SECTION_A, 10, 2, 1,
    { 11, 12 }, { 13 },
    3, 12, TRUE,
    { { { 3, 3 }, { 4, 5 }, { 6, 7 }, { 8, 9 }, { 10, 12 } },
      { { 3, 3 }, { 4, 5 }, { 6, 7 }, { 8, 9 }, { 10, 12 } } },
  },
  {
    SC_SCALE_ENVIRONMENT_STRESS, "environment_stress", "職場環境によるストレス", "poor physical environment",
    SC_SECTION_A, 5, 1, 0,
    { 14 }, { 0 },
    1, 4, TRUE,
    { { { 0, 0 }, { 1, 1 }, { 2, 2 }, { 3, 3 }, { 4, 4 } },
      { { 1, 1 }, { 0, 0 }, { 2, 2 }, { 3, 3 }, { 4, 4 } } },
  },
  {
    SC_SCALE_JOB_CONTROL, "job_control", "仕事のコントロール度", "job control",
    SC_SECTION_A, 15, 3, 0,
    { 7, 8, 9 }, { 0 },
    3, 12, FALSE,
    { { { 3, 4 }, { 5, 6 }, { 7, 8 }, { 9, 10 }, { 11, 12 } },
      { { 3, 3 }, { 4, 5 }, { 6, 8 }, { 9, 10 }, { 11, 12 } } },
  },
  {
    SC_SCALE_SKILL_UTILIZATION, "skill_utilization", "技能の活用度", "skill utilization",
    SC_SECTION_A, 0, 0, 1,
    { 0 }, { 10 },
    1, 4, FALSE,
    { { { 1, 1 }, { 2, 2 }, { 3, 3 }, { 4, 4 }, { 0, 0 } },
      { { 1, 1 }, { 2, 2 }, { 3, 3 }, { 4, 4 }, { 0, 0 } } },
  },
  {
    SC_SCALE_JOB_FIT, "job_fit", "仕事の適性度", "suitable jobs (job fit)",
    SC_SECTION_A, 5, 1, 0,
    { 15 }, { 0 },
    1, 4, FALSE,
    { { { 1, 1 }, { 2, 2 }, { 3, 3 }, { 0, 0 }, { 4, 4 } },
      { { 1, 1 }, { 2, 2 }, { 3, 3 }, { 0, 0 }, { 4, 4 } } },
  },
  {
    SC_SCALE_MEANINGFULNESS, "meaningfulness", "働きがい", "intrinsic reward (meaningfulness of work)",
    SC_SECTION_A, 5, 1, 0,
    { 16 }, { 0 },
    1, 4, FALSE,
    { { { 1, 1 }, { 2, 2 }, { 3, 3 }, { 0, 0 }, { 4, 4 } },
      { { 1, 1 }, { 2, 2 }, { 3, 3 }, { 0, 0 }, { 4, 4 } } },
  },
  {
    SC_SCALE_VIGOR, "vigor", "活気", "vigor",
    SC_SECTION_B, 0, 0, 3,
    { 0 }, { 17, 18, 19 },
    3, 12, FALSE,
    { { { 3, 3 }, { 4, 5 }, { 6, 7 }, { 8, 9 }, { 10, 12 } },
      { { 3, 3 }, { 4, 5 }, { 6, 7 }, { 8, 9 }, { 10, 12 } } },
  },
  {
    SC_SCALE_IRRITABILITY, "irritability", "イライラ感", "irritability",
    SC_SECTION_B, 0, 0, 3,
    { 0 }, { 20, 21, 22 },
    3, 12, TRUE,
    { { { 3, 3 }, { 4, 5 }, { 6, 7 }, { 8, 9 }, { 10, 12 } },
      { { 3, 3 }, { 4, 5 }, { 6, 8 }, { 9, 10 }, { 11, 12 } } },
  },
  {
    SC_SCALE_FATIGUE, "fatigue", "疲労感", "fatigue",
    SC_SECTION_B, 0, 0, 3,
    { 0 }, { 23, 24, 25 },
    3, 12, TRUE,
    { { { 3, 3 }, { 4, 4 }, { 5, 7 }, { 8, 10 }, { 11, 12 } },
      { { 3, 3 }, { 4, 5 }, { 6, 8 }, { 9, 11 }, { 12, 12 } } },
  },
  {
    SC_SCALE_ANXIETY, "anxiety", "不安感", "anxiety",
    SC_SECTION_B, 0, 0, 3,
    { 0 }, { 26, 27, 28 },
    3, 12, TRUE,
    { { { 3, 3 }, { 4, 4 }, { 5, 7 }, { 8, 9 }, { 10, 12 } },
      { { 3, 3 }, { 4, 4 }, { 5, 7 }, { 8, 10 }, { 11, 12 } } },
  },
  {
    SC_SCALE_DEPRESSION, "depression", "抑うつ感", "depression",
    SC_SECTION_B, 0, 0, 6,
    { 0 }, { 29, 30, 31, 32, 33, 34 },
    6, 24, TRUE,
    { { { 6, 6 }, { 7, 8 }, { 9, 12 }, { 13, 16 }, { 17, 24 } },
      { { 6, 6 }, { 7, 8 }, { 9, 12 }, { 13, 17 }, { 18, 24 } } },
  },
  {
    SC_SCALE_SOMATIC, "somatic", "身体愁訴", "somatic complaints (physical stress reaction)",
    SC_SECTION_B, 0, 0, 11,
    { 0 }, { 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45 },
    11, 44, TRUE,
    { { { 11, 11 }, { 12, 15 }, { 16, 21 }, { 22, 26 }, { 27, 44 } },
      { { 11, 13 }, { 14, 17 }, { 18, 23 }, { 24, 29 }, { 30, 44 } } },
  },
  {
    SC_SCALE_SUPERVISOR_SUPPORT, "supervisor_support", "上司からのサポート", "supervisor support",
    SC_SECTION_C, 15, 3, 0,
    { 46, 49, 52 }, { 0 },
    3, 12, FALSE,
    { { { 3, 4 }, { 5, 6 }, { 7, 8 }, { 9, 10 }, { 11, 12 } },
      { { 3, 3 }, { 4, 5 }, { 6, 7 }, { 8, 10 }, { 11, 12 } } },
  },
  {
    SC_SCALE_COWORKER_SUPPORT, "coworker_support", "同僚からのサポート", "coworker support",
    SC_SECTION_C, 15, 3, 0,
    { 47, 50, 53 }, { 0 },
    3, 12, FALSE,
    { { { 3, 5 }, { 6, 7 }, { 8, 9 }, { 10, 11 }, { 12, 12 } },
      { { 3, 5 }, { 6, 7 }, { 8, 9 }, { 10, 11 }, { 12, 12 } } },
  },
  {
    SC_SCALE_FAMILY_SUPPORT, "family_support", "家族・友人からのサポート", "support from family and friends",
    SC_SECTION_C, 15, 3, 0,
    { 48, 51, 54 }, { 0 },
    3, 12, FALSE,
    { { { 3, 6 }, { 7, 8 }, { 9, 9 }, { 10, 11 }, { 12, 12 } },
      { { 3, 6 }, { 7, 8 }, { 9, 9 }, { 10, 11 }, { 12, 12 } } },
  },
  {
    SC_SCALE_SATISFACTION, "satisfaction", "仕事や生活の満足度", "job and life satisfaction",
    SC_SECTION_D, 10, 2, 0,
    { 55, 56 }, { 0 },
    2, 8, FALSE,
    { { { 2, 3 }, { 4, 4 }, { 5, 6 }, { 7, 7 }, { 8, 8 } },
      { { 2, 3 }, { 4, 4 }, { 5, 6 }, { 7, 7 }, { 8, 8 } } },
  },
};

const ScSectionInfo *
sc_bjsq_section (ScSection section)
{
  g_return_val_if_fail ((guint) section < SC_BJSQ_N_SECTIONS, NULL);
  return &sections[section];
}

const ScItemInfo *
sc_bjsq_item (guint index)
{
  g_return_val_if_fail (index < SC_BJSQ_N_ITEMS, NULL);
  return &items[index];
}

const ScItemInfo *
sc_bjsq_item_by_id (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);
  for (guint i = 0; i < SC_BJSQ_N_ITEMS; i++)
    if (strcmp (items[i].id, id) == 0)
      return &items[i];
  return NULL;
}

const ScScaleInfo *
sc_bjsq_scale (ScScale scale)
{
  g_return_val_if_fail ((guint) scale < SC_BJSQ_N_SCALES, NULL);
  return &scales[scale];
}

gboolean
sc_bjsq_scale_from_id (const char *id,
                       ScScale    *out_scale)
{
  g_return_val_if_fail (id != NULL, FALSE);
  for (guint i = 0; i < SC_BJSQ_N_SCALES; i++)
    if (strcmp (scales[i].id, id) == 0)
      {
        if (out_scale)
          *out_scale = (ScScale) i;
        return TRUE;
      }
  return FALSE;
}

const char *
sc_bjsq_option_label (guint item_index,
                      guint value)
{
  g_return_val_if_fail (item_index < SC_BJSQ_N_ITEMS, NULL);
  g_return_val_if_fail (value >= 1 && value <= SC_BJSQ_N_OPTIONS, NULL);
  return sections[items[item_index].section].option_labels_ja[value - 1];
}

int
sc_bjsq_column_score (ScScale scale,
                      guint   column)
{
  g_return_val_if_fail ((guint) scale < SC_BJSQ_N_SCALES, -1);
  g_return_val_if_fail (column < SC_BJSQ_N_COLUMNS, -1);
  /* The 評価点 runs 5..1 across the columns when a high raw score means more stress
   * and 1..5 when it means less (the grey column is always the most stressed). */
  return scales[scale].high_raw_is_high_stress ? 5 - (int) column : 1 + (int) column;
}

int
sc_bjsq_convert_column (ScScale scale,
                        ScSex   sex,
                        int     raw)
{
  const ScColumn *cols;

  g_return_val_if_fail ((guint) scale < SC_BJSQ_N_SCALES, -1);
  g_return_val_if_fail ((guint) sex < SC_N_SEXES, -1);

  cols = scales[scale].columns[sex];
  for (guint c = 0; c < SC_BJSQ_N_COLUMNS; c++)
    if (cols[c].min != 0 && raw >= cols[c].min && raw <= cols[c].max)
      return (int) c;
  return -1;
}

int
sc_bjsq_convert (ScScale scale,
                 ScSex   sex,
                 int     raw)
{
  int column = sc_bjsq_convert_column (scale, sex, raw);

  return column < 0 ? -1 : sc_bjsq_column_score (scale, (guint) column);
}

const char *
sc_sex_to_string (ScSex sex)
{
  return sex == SC_SEX_FEMALE ? "F" : "M";
}

gboolean
sc_sex_parse (const char *text,
              gssize      len,
              ScSex      *out_sex)
{
  static const struct { const char *word; ScSex sex; } words[] = {
    { "M", SC_SEX_MALE }, { "MALE", SC_SEX_MALE }, { "1", SC_SEX_MALE }, { "男", SC_SEX_MALE },
    { "男性", SC_SEX_MALE },
    { "F", SC_SEX_FEMALE }, { "FEMALE", SC_SEX_FEMALE }, { "2", SC_SEX_FEMALE },
    { "女", SC_SEX_FEMALE }, { "女性", SC_SEX_FEMALE },
  };
  gsize n;

  g_return_val_if_fail (text != NULL, FALSE);

  n = len < 0 ? strlen (text) : (gsize) len;
  while (n > 0 && (*text == ' ' || *text == '\t'))
    text++, n--;
  while (n > 0 && (text[n - 1] == ' ' || text[n - 1] == '\t'))
    n--;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strlen (words[i].word) == n && g_ascii_strncasecmp (words[i].word, text, n) == 0)
      {
        if (out_sex)
          *out_sex = words[i].sex;
        return TRUE;
      }
  return FALSE;
}
