/* sc-bjsq.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Accessors for the questionnaire tables of sc-bjsq-private.h.
 */
#define G_LOG_DOMAIN "sc-bjsq"

#include "config.h"

#include "sc-bjsq.h"
#include "sc-bjsq-private.h"

#include <string.h>

const ScSectionInfo *
sc_bjsq_section (ScSection section)
{
  g_return_val_if_fail ((guint) section < SC_BJSQ_N_SECTIONS, NULL);
  return &sc_bjsq_sections[section];
}

const ScItemInfo *
sc_bjsq_item (guint index)
{
  g_return_val_if_fail (index < SC_BJSQ_N_ITEMS, NULL);
  return &sc_bjsq_items[index];
}

const ScItemInfo *
sc_bjsq_item_by_id (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);
  for (guint i = 0; i < SC_BJSQ_N_ITEMS; i++)
    if (strcmp (sc_bjsq_items[i].id, id) == 0)
      return &sc_bjsq_items[i];
  return NULL;
}

const ScScaleInfo *
sc_bjsq_scale (ScScale scale)
{
  g_return_val_if_fail ((guint) scale < SC_BJSQ_N_SCALES, NULL);
  return &sc_bjsq_scales[scale];
}

gboolean
sc_bjsq_scale_from_id (const char *id,
                       ScScale    *out_scale)
{
  g_return_val_if_fail (id != NULL, FALSE);
  for (guint i = 0; i < SC_BJSQ_N_SCALES; i++)
    if (strcmp (sc_bjsq_scales[i].id, id) == 0)
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
  return sc_bjsq_sections[sc_bjsq_items[item_index].section].option_labels_ja[value - 1];
}

int
sc_bjsq_column_score (ScScale scale,
                      guint   column)
{
  g_return_val_if_fail ((guint) scale < SC_BJSQ_N_SCALES, -1);
  g_return_val_if_fail (column < SC_BJSQ_N_COLUMNS, -1);
  /* The 評価点 runs 5..1 across the columns when a high raw score means more stress
   * and 1..5 when it means less (the grey column is always the most stressed). */
  return sc_bjsq_scales[scale].high_raw_is_high_stress ? 5 - (int) column : 1 + (int) column;
}

int
sc_bjsq_convert_column (ScScale scale,
                        ScSex   sex,
                        int     raw)
{
  const ScColumn *cols;

  g_return_val_if_fail ((guint) scale < SC_BJSQ_N_SCALES, -1);
  g_return_val_if_fail ((guint) sex < SC_N_SEXES, -1);

  cols = sc_bjsq_scales[scale].columns[sex];
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
