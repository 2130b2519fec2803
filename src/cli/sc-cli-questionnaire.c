/* sc-cli-questionnaire.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `stresscheck-cli questionnaire`: the questionnaire and scoring tables the program uses,
 * as JSON, so that a person (or a test) can compare them with the published form.
 */
#define G_LOG_DOMAIN "stresscheck-cli"

#include "config.h"

#include "sc-cli.h"
#include "sc-cli-options.h"
#include "sc-bjsq.h"
#include "sc-score.h"
#include "sc-score-format.h"

static void
append_columns (GString           *out,
                const ScScaleInfo *info,
                ScSex              sex)
{
  gboolean first = TRUE;

  g_string_append_c (out, '[');
  for (guint c = 0; c < SC_BJSQ_N_COLUMNS; c++)
    {
      const ScColumn *col = &info->columns[sex][c];

      if (col->min == 0)
        continue;
      g_string_append_printf (out, "%s{\"column\": %u, \"min\": %d, \"max\": %d, \"score\": %d}",
                              first ? "" : ", ", c + 1, col->min, col->max,
                              sc_bjsq_column_score (info->scale, c));
      first = FALSE;
    }
  g_string_append_c (out, ']');
}

static void
append_item_list (GString      *out,
                  const guint8 *indices,
                  guint         n)
{
  g_string_append_c (out, '[');
  for (guint k = 0; k < n; k++)
    {
      if (k > 0)
        g_string_append (out, ", ");
      sc_json_append_string (out, sc_bjsq_item (indices[k])->id, -1);
    }
  g_string_append_c (out, ']');
}

int
sc_cli_questionnaire (int    argc,
                      char **argv)
{
  static const ScCliSpec spec = {
    .command = "questionnaire",
    .parameters = "— print the questionnaire and scoring tables",
    .summary = "Prints, as one JSON document, the 57 items with their sections and option labels, the\n"
               "19 scales with their raw-score formulas and both sex-specific conversion tables, and\n"
               "the default thresholds of both high-stress criteria — exactly the tables the program\n"
               "scores with.",
  };
  g_auto(ScCliOptions) options = { NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  ScCriteria criteria;

  if (!sc_cli_options_parse (&spec, &options, NULL, NULL, &argc, &argv))
    return SC_EXIT_USAGE;
  if (argc > 1)
    {
      sc_cli_error ("questionnaire: takes no arguments");
      return SC_EXIT_USAGE;
    }

  g_string_append (out, "{\n  \"sections\": [\n");
  for (guint s = 0; s < SC_BJSQ_N_SECTIONS; s++)
    {
      const ScSectionInfo *sec = sc_bjsq_section ((ScSection) s);

      g_string_append (out, "    {\"id\": ");
      sc_json_append_string (out, sec->id, -1);
      g_string_append (out, ", \"title_ja\": ");
      sc_json_append_string (out, sec->title_ja, -1);
      g_string_append (out, ", \"instruction_ja\": ");
      sc_json_append_string (out, sec->instruction_ja, -1);
      g_string_append (out, ", \"options\": [");
      for (guint o = 0; o < SC_BJSQ_N_OPTIONS; o++)
        {
          g_string_append_printf (out, "%s{\"value\": %u, \"label_ja\": ", o ? ", " : "", o + 1);
          sc_json_append_string (out, sec->option_labels_ja[o], -1);
          g_string_append_c (out, '}');
        }
      g_string_append_printf (out, "]}%s\n", s + 1 < SC_BJSQ_N_SECTIONS ? "," : "");
    }

  g_string_append (out, "  ],\n  \"items\": [\n");
  for (guint i = 0; i < SC_BJSQ_N_ITEMS; i++)
    {
      const ScItemInfo *item = sc_bjsq_item (i);

      g_string_append_printf (out, "    {\"no\": %u, \"id\": ", i + 1);
      sc_json_append_string (out, item->id, -1);
      g_string_append (out, ", \"section\": ");
      sc_json_append_string (out, sc_bjsq_section (item->section)->id, -1);
      g_string_append (out, ", \"text_ja\": ");
      sc_json_append_string (out, item->text_ja, -1);
      if (item->context_ja)
        {
          g_string_append (out, ", \"context_ja\": ");
          sc_json_append_string (out, item->context_ja, -1);
        }
      g_string_append (out, ", \"scale\": ");
      sc_json_append_string (out, sc_bjsq_scale (item->scale)->id, -1);
      g_string_append_printf (out, ", \"reverse_in_sum_method\": %s",
                              item->reverse_in_sum ? "true" : "false");
      if (item->short_form_no)
        g_string_append_printf (out, ", \"no_in_23_item_version\": %u", item->short_form_no);
      g_string_append_printf (out, "}%s\n", i + 1 < SC_BJSQ_N_ITEMS ? "," : "");
    }

  g_string_append (out, "  ],\n  \"scales\": [\n");
  for (guint s = 0; s < SC_BJSQ_N_SCALES; s++)
    {
      const ScScaleInfo *info = sc_bjsq_scale ((ScScale) s);

      g_string_append (out, "    {\"id\": ");
      sc_json_append_string (out, info->id, -1);
      g_string_append (out, ", \"name_ja\": ");
      sc_json_append_string (out, info->name_ja, -1);
      g_string_append (out, ", \"name_en\": ");
      sc_json_append_string (out, info->name_en, -1);
      g_string_append (out, ", \"section\": ");
      sc_json_append_string (out, sc_bjsq_section (info->section)->id, -1);
      g_string_append_printf (out, ", \"raw_terms\": {\"constant\": %d, \"minus_items\": ",
                              info->constant);
      append_item_list (out, info->minus, info->n_minus);
      g_string_append (out, ", \"plus_items\": ");
      append_item_list (out, info->plus, info->n_plus);
      g_string_append_printf (out, "}, \"raw_min\": %d, \"raw_max\": %d, \"direction\": \"%s\"",
                              info->raw_min, info->raw_max,
                              info->high_raw_is_high_stress ? "high_raw_is_high_stress"
                                                            : "high_raw_is_low_stress");
      g_string_append (out, ", \"conversion\": {\"male\": ");
      append_columns (out, info, SC_SEX_MALE);
      g_string_append (out, ", \"female\": ");
      append_columns (out, info, SC_SEX_FEMALE);
      g_string_append_printf (out, "}}%s\n", s + 1 < SC_BJSQ_N_SCALES ? "," : "");
    }

  sc_criteria_init_default (&criteria);
  g_string_append_printf (out,
                          "  ],\n  \"criteria\": {\n"
                          "    \"sum_method_57\": {\"B_min\": %d, \"AC_min\": %d, \"AC_B_min\": %d},\n"
                          "    \"conversion_method_57\": {\"B_max\": %d, \"AC_max\": %d, \"AC_B_max\": %d}\n"
                          "  }\n}\n",
                          criteria.sum_b_min, criteria.sum_ac_min, criteria.sum_ac_b_min,
                          criteria.conv_b_max, criteria.conv_ac_max, criteria.conv_ac_b_max);

  if (!sc_cli_write_stdout (out->str, out->len, &error))
    {
      sc_cli_error ("%s", error->message);
      return SC_EXIT_IOERR;
    }
  return SC_EXIT_OK;
}
