/* test-bjsq.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The questionnaire tables' own consistency and lookups. (Their content is compared
 * with the reference data by check-tables.py.)
 */
#include "config.h"

#include "sc-bjsq.h"

#include <stdlib.h>
#include <string.h>

static void
test_sections_cover_items (void)
{
  guint next = 0;

  for (guint s = 0; s < SC_BJSQ_N_SECTIONS; s++)
    {
      const ScSectionInfo *sec = sc_bjsq_section ((ScSection) s);

      g_assert_cmpuint (sec->first_item, ==, next);
      for (guint i = sec->first_item; i < sec->first_item + sec->n_items; i++)
        {
          const ScItemInfo *item = sc_bjsq_item (i);

          g_assert_cmpuint (item->index, ==, i);
          g_assert_cmpint (item->section, ==, s);
          /* Item ids run A1…A17, B1…B29, C1…C9, D1, D2. */
          g_assert_cmpint (item->id[0], ==, sec->id[0]);
          g_assert_cmpuint (atoi (item->id + 1), ==, i - sec->first_item + 1);
          g_assert_true (sc_bjsq_item_by_id (item->id) == item);
          g_assert_true (g_utf8_validate (item->text_ja, -1, NULL));
          g_assert_cmpuint (strlen (item->text_ja), >, 0);
          /* Only the C items carry the question about the person. */
          g_assert_cmpint (item->context_ja != NULL, ==, s == SC_SECTION_C);
        }
      next += sec->n_items;
    }
  g_assert_cmpuint (next, ==, SC_BJSQ_N_ITEMS);
  g_assert_null (sc_bjsq_item_by_id ("A18"));
}

static void
test_scales_items_partition (void)
{
  guint uses[SC_BJSQ_N_ITEMS] = { 0 };

  for (guint s = 0; s < SC_BJSQ_N_SCALES; s++)
    {
      const ScScaleInfo *info = sc_bjsq_scale ((ScScale) s);
      ScScale found;

      g_assert_cmpint (info->scale, ==, s);
      g_assert_true (sc_bjsq_scale_from_id (info->id, &found));
      g_assert_cmpint (found, ==, s);
      for (guint k = 0; k < info->n_minus; k++)
        {
          uses[info->minus[k]]++;
          g_assert_cmpint (sc_bjsq_item (info->minus[k])->scale, ==, s);
        }
      for (guint k = 0; k < info->n_plus; k++)
        {
          uses[info->plus[k]]++;
          g_assert_cmpint (sc_bjsq_item (info->plus[k])->scale, ==, s);
        }
      /* The printed range is what the formula can produce. */
      g_assert_cmpint (info->raw_min, ==, info->constant - 4 * info->n_minus + info->n_plus);
      g_assert_cmpint (info->raw_max, ==, info->constant - info->n_minus + 4 * info->n_plus);
    }
  /* Every item belongs to exactly one scale. */
  for (guint i = 0; i < SC_BJSQ_N_ITEMS; i++)
    g_assert_cmpuint (uses[i], ==, 1);
  g_assert_false (sc_bjsq_scale_from_id ("stress", NULL));
}

static void
test_option_labels (void)
{
  g_assert_cmpstr (sc_bjsq_option_label (0, 1), ==, "そうだ");
  g_assert_cmpstr (sc_bjsq_option_label (16, 4), ==, "ちがう");
  g_assert_cmpstr (sc_bjsq_option_label (17, 1), ==, "ほとんどなかった");
  g_assert_cmpstr (sc_bjsq_option_label (45, 4), ==, "ほとんどいつもあった");
  g_assert_cmpstr (sc_bjsq_option_label (46, 3), ==, "多少");
  g_assert_cmpstr (sc_bjsq_option_label (56, 2), ==, "まあ満足");
}

static void
test_sex_parse (void)
{
  static const struct { const char *text; gboolean ok; ScSex sex; } cases[] = {
    { "M", TRUE, SC_SEX_MALE }, { "m", TRUE, SC_SEX_MALE }, { "male", TRUE, SC_SEX_MALE },
    { "Male", TRUE, SC_SEX_MALE }, { "MALE", TRUE, SC_SEX_MALE }, { "男", TRUE, SC_SEX_MALE },
    { "男性", TRUE, SC_SEX_MALE }, { "1", TRUE, SC_SEX_MALE }, { " M ", TRUE, SC_SEX_MALE },
    { "F", TRUE, SC_SEX_FEMALE }, { "female", TRUE, SC_SEX_FEMALE },
    { "Female", TRUE, SC_SEX_FEMALE }, { "女", TRUE, SC_SEX_FEMALE },
    { "女性", TRUE, SC_SEX_FEMALE }, { "2", TRUE, SC_SEX_FEMALE },
    { "", FALSE, 0 }, { "X", FALSE, 0 }, { "3", FALSE, 0 }, { "ma", FALSE, 0 },
    { "females", FALSE, 0 }, { "男女", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ScSex sex = 99;

      g_assert_cmpint (sc_sex_parse (cases[i].text, -1, &sex), ==, cases[i].ok);
      if (cases[i].ok)
        g_assert_cmpint (sex, ==, cases[i].sex);
    }
  /* The length argument is honoured: "Mx" cut to one byte is "M". */
  g_assert_true (sc_sex_parse ("Mx", 1, NULL));
  g_assert_cmpstr (sc_sex_to_string (SC_SEX_MALE), ==, "M");
  g_assert_cmpstr (sc_sex_to_string (SC_SEX_FEMALE), ==, "F");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bjsq/sections-cover-items", test_sections_cover_items);
  g_test_add_func ("/bjsq/scales-partition-items", test_scales_items_partition);
  g_test_add_func ("/bjsq/option-labels", test_option_labels);
  g_test_add_func ("/bjsq/sex-parse", test_sex_parse);

  return g_test_run ();
}
