/* sc-group-json.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The group analysis as the `stresscheck-cli group` JSON document (sc-group.h), through
 * the public accessors only.
 */
#define G_LOG_DOMAIN "sc-group"

#include "config.h"

#include "sc-group.h"
#include "sc-score-format.h"

#include <math.h>
#include <string.h>

#define TOTAL_LABEL "全体"
#define RISK_METHOD "weighted by sex headcount"

/* ---- JSON -------------------------------------------------------------------------- */

static void
indent (GString *out,
        guint    level)
{
  for (guint i = 0; i < level; i++)
    g_string_append (out, "  ");
}

/* A JSON number with the given printf format; null if it is not finite (a replacement
 * constants file with absurd coefficients could overflow exp()). */
static void
append_number (GString    *out,
               const char *format,
               double      v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (v))
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append (out, g_ascii_formatd (buf, sizeof buf, format, v));
}

static void
append_key (GString    *out,
            guint       level,
            const char *key)
{
  indent (out, level);
  sc_json_append_string (out, key, -1);
  g_string_append (out, ": ");
}

static void
append_chart (GString              *out,
              guint                 level,
              const ScGroupFigures *f)
{
  g_string_append (out, "{\n");
  for (guint k = 0; k < SC_N_CHART_SCALES; k++)
    {
      append_key (out, level + 1, sc_bjsq_scale (sc_chart_scale_to_scale (k))->id);
      append_number (out, "%.2f", f->chart[k]);
      g_string_append (out, k + 1 < SC_N_CHART_SCALES ? ",\n" : "\n");
    }
  indent (out, level);
  g_string_append (out, "}");
}

static void
append_risk (GString              *out,
             guint                 level,
             const ScGroupFigures *f,
             const char           *method)
{
  g_string_append (out, "{\n");
  append_key (out, level + 1, "A");
  append_number (out, "%.2f", f->risk_a);
  g_string_append (out, ",\n");
  append_key (out, level + 1, "B");
  append_number (out, "%.2f", f->risk_b);
  g_string_append (out, ",\n");
  append_key (out, level + 1, "total");
  append_number (out, "%.2f", f->risk_total);
  if (method != NULL)
    {
      g_string_append (out, ",\n");
      append_key (out, level + 1, "method");
      sc_json_append_string (out, method, -1);
    }
  g_string_append (out, "\n");
  indent (out, level);
  g_string_append (out, "}");
}

static void
append_reason (GString            *out,
               ScGroupSuppression  suppression)
{
  const char *reason = sc_group_suppression_to_string (suppression);

  if (reason != NULL)
    sc_json_append_string (out, reason, -1);
  else
    g_string_append (out, "null");
}

static void
append_entry (GString            *out,
              guint               level,
              const ScGroupEntry *entry)
{
  const ScGroupFigures *c = sc_group_entry_get_combined (entry);
  const char *label = sc_group_entry_get_label (entry) != NULL ? sc_group_entry_get_label (entry) : TOTAL_LABEL;

  /* The caller writes what comes before the opening brace. */
  g_string_append (out, "{\n");
  append_key (out, level + 1, "group");
  sc_json_append_string (out, label, -1);
  g_string_append (out, ",\n");

  if (sc_group_entry_get_suppression (entry) != SC_GROUP_SUPPRESSION_NONE)
    {
      /* Kept minimal on purpose: no counts, no figures. */
      append_key (out, level + 1, "suppressed");
      g_string_append (out, "true,\n");
      append_key (out, level + 1, "reason");
      append_reason (out, sc_group_entry_get_suppression (entry));
      g_string_append (out, "\n");
      indent (out, level);
      g_string_append (out, "}");
      return;
    }

  g_string_append_printf (out, "%*s\"n\": %u,\n", (int) (level + 1) * 2, "", sc_group_entry_get_n (entry));
  g_string_append_printf (out, "%*s\"n_male\": %u,\n", (int) (level + 1) * 2, "",
                          sc_group_entry_get_n_sex (entry, SC_SEX_MALE));
  g_string_append_printf (out, "%*s\"n_female\": %u,\n", (int) (level + 1) * 2, "",
                          sc_group_entry_get_n_sex (entry, SC_SEX_FEMALE));
  g_string_append_printf (out, "%*s\"excluded_incomplete\": %u,\n", (int) (level + 1) * 2, "",
                          sc_group_entry_get_excluded_incomplete (entry));
  append_key (out, level + 1, "suppressed");
  g_string_append (out, "false,\n");
  append_key (out, level + 1, "reason");
  g_string_append (out, "null,\n");

  if (c == NULL)
    {
      /* Shown, but nobody in it answered completely. */
      append_key (out, level + 1, "chart");
      g_string_append (out, "null,\n");
      append_key (out, level + 1, "risk");
      g_string_append (out, "null,\n");
      append_key (out, level + 1, "by_sex");
      g_string_append (out, "null,\n");
      append_key (out, level + 1, "scale_means");
      g_string_append (out, "null\n");
      indent (out, level);
      g_string_append (out, "}");
      return;
    }

  append_key (out, level + 1, "chart");
  append_chart (out, level + 1, c);
  g_string_append (out, ",\n");
  append_key (out, level + 1, "risk");
  append_risk (out, level + 1, c, RISK_METHOD);
  g_string_append (out, ",\n");

  append_key (out, level + 1, "by_sex");
  g_string_append (out, "{\n");
  for (guint s = 0; s < SC_N_SEXES; s++)
    {
      const ScGroupFigures *f = sc_group_entry_get_by_sex (entry, s);

      append_key (out, level + 2, s == SC_SEX_MALE ? "male" : "female");
      if (f == NULL)
        g_string_append (out, "null,\n");
      else
        {
          g_string_append (out, "{\n");
          g_string_append_printf (out, "%*s\"n\": %u,\n", (int) (level + 3) * 2, "", f->n);
          append_key (out, level + 3, "chart");
          append_chart (out, level + 3, f);
          g_string_append (out, ",\n");
          append_key (out, level + 3, "risk");
          append_risk (out, level + 3, f, NULL);
          g_string_append (out, "\n");
          indent (out, level + 2);
          g_string_append (out, "},\n");
        }
    }
  append_key (out, level + 2, "reason");
  append_reason (out, sc_group_entry_get_sex_suppression (entry));
  g_string_append (out, "\n");
  indent (out, level + 1);
  g_string_append (out, "},\n");

  append_key (out, level + 1, "scale_means");
  g_string_append (out, "{\n");
  for (guint k = 0; k < SC_BJSQ_N_SCALES; k++)
    {
      append_key (out, level + 2, sc_bjsq_scale (k)->id);
      append_number (out, "%.2f", c->scale_mean[k]);
      g_string_append (out, k + 1 < SC_BJSQ_N_SCALES ? ",\n" : "\n");
    }
  indent (out, level + 1);
  g_string_append (out, "}\n");
  indent (out, level);
  g_string_append (out, "}");
}

static void
append_constants (GString                  *out,
                  const ScChartConstantSet *set)
{
  static const char * const keys[] = {
    "A0", "alpha", "B0", "beta", "C0", "gamma", "D0", "delta",
  };

  g_string_append (out, "{\n");
  append_key (out, 2, "id");
  sc_json_append_string (out, set->id, -1);
  g_string_append (out, ",\n");
  append_key (out, 2, "name");
  sc_json_append_string (out, set->name, -1);
  g_string_append (out, ",\n");
  append_key (out, 2, "source");
  sc_json_append_string (out, set->source, -1);
  g_string_append (out, ",\n");
  append_key (out, 2, "verified");
  g_string_append (out, set->verified ? "true,\n" : "false,\n");
  append_key (out, 2, "note");
  if (set->verified)
    g_string_append (out, "null,\n");
  else
    {
      sc_json_append_string (out,
                             "要確認: these constants are not verified against the primary "
                             "table (U-Tokyo technote / TMU program); replace them with "
                             "--constants FILE once checked", -1);
      g_string_append (out, ",\n");
    }

  for (guint s = 0; s < SC_N_SEXES; s++)
    {
      const ScChartConstants *c = &set->constants[s];
      const double v[] = { c->a0, c->alpha, c->b0, c->beta, c->c0, c->gamma, c->d0, c->delta };

      G_STATIC_ASSERT (G_N_ELEMENTS (v) == G_N_ELEMENTS (keys));

      append_key (out, 2, s == SC_SEX_MALE ? "male" : "female");
      g_string_append (out, "{");
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          if (k > 0)
            g_string_append (out, ", ");
          sc_json_append_string (out, keys[k], -1);
          g_string_append (out, ": ");
          append_number (out, "%.10g", v[k]);
        }
      g_string_append (out, s + 1 < SC_N_SEXES ? "},\n" : "}\n");
    }
  indent (out, 1);
  g_string_append (out, "}");
}

void
sc_group_analysis_to_json (const ScGroupAnalysis *analysis,
                           GString               *out)
{
  g_return_if_fail (analysis != NULL);
  g_return_if_fail (out != NULL);

  g_string_append_printf (out, "{\n  \"min_size\": %u,\n", sc_group_analysis_get_min_size (analysis));
  append_key (out, 1, "constants");
  append_constants (out, sc_group_analysis_get_constants (analysis));
  g_string_append (out, ",\n");
  g_string_append_printf (out, "  \"respondents\": %" G_GSIZE_FORMAT ",\n",
                          sc_group_analysis_get_n_respondents (analysis));
  g_string_append_printf (out, "  \"excluded_incomplete\": %u,\n",
                          sc_group_entry_get_excluded_incomplete (sc_group_analysis_get_total (analysis)));
  append_key (out, 1, "total");
  append_entry (out, 1, sc_group_analysis_get_total (analysis));
  g_string_append (out, ",\n");
  append_key (out, 1, "groups");
  if (sc_group_analysis_get_n_groups (analysis) == 0)
    g_string_append (out, "[]\n");
  else
    {
      g_string_append (out, "[\n");
      for (guint g = 0; g < sc_group_analysis_get_n_groups (analysis); g++)
        {
          indent (out, 2);
          append_entry (out, 2, sc_group_analysis_get_group (analysis, g));
          g_string_append (out, g + 1 < sc_group_analysis_get_n_groups (analysis) ? ",\n" : "\n");
        }
      g_string_append (out, "  ]\n");
    }
  g_string_append (out, "}\n");
}
