/* sc-group-table-snapshot.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The group table read back from the snapshot released to HR (sc_group_table_to_json()),
 * so that HR's screen shows the released table and charts with the same code as the
 * implementer's. A snapshot holds no suppressed figure, so neither does the table.
 */
#define G_LOG_DOMAIN "sc-group"

#include "config.h"

#include "sc-group-table-private.h"
#include "sc-json.h"

#include <string.h>

static const char * const suppression_tokens[] = {
  [SC_GROUP_SUPPRESSION_NONE] = "",
  [SC_GROUP_SUPPRESSION_TOO_SMALL] = "too_small",
  [SC_GROUP_SUPPRESSION_COMPLEMENTARY] = "complementary",
  [SC_GROUP_SUPPRESSION_WORKPLACE_TOO_SMALL] = "workplace_too_small",
  [SC_GROUP_SUPPRESSION_SEX_SUBGROUP_TOO_SMALL] = "sex_subgroup_too_small",
  [SC_GROUP_SUPPRESSION_SEX_COMPLEMENTARY] = "sex_complementary",
};

const char *
_sc_group_suppression_to_string (ScGroupSuppression suppression)
{
  g_return_val_if_fail ((guint) suppression < G_N_ELEMENTS (suppression_tokens), "");
  return suppression_tokens[suppression];
}

ScGroupSuppression
_sc_group_suppression_from_string (const char *token)
{
  for (guint i = 1; token != NULL && i < G_N_ELEMENTS (suppression_tokens); i++)
    if (strcmp (suppression_tokens[i], token) == 0)
      return (ScGroupSuppression) i;
  return SC_GROUP_SUPPRESSION_NONE;
}

static const char * const chart_ids[SC_N_CHART_SCALES] = {
  "quantitative_demand", "job_control", "supervisor_support", "coworker_support",
};

static void
read_figures (GVariant       *object,
              ScGroupFigures *f)
{
  f->n = (guint) sc_json_get_double (object, "n", 0);
  for (guint k = 0; k < SC_N_CHART_SCALES; k++)
    {
      g_autofree char *key = g_strconcat ("chart_", chart_ids[k], NULL);

      f->chart[k] = sc_json_get_double (object, key, 0);
    }
  for (guint k = 0; k < SC_BJSQ_N_SCALES; k++)
    {
      g_autofree char *key = g_strconcat ("mean_", sc_bjsq_scale ((ScScale) k)->id, NULL);

      f->scale_mean[k] = sc_json_get_double (object, key, 0);
    }
  f->risk_a = sc_json_get_double (object, "risk_a", 0);
  f->risk_b = sc_json_get_double (object, "risk_b", 0);
  f->risk_total = sc_json_get_double (object, "risk_total", 0);
}

static gboolean
read_row (GVariant    *object,
          ScGroupRow  *row,
          GError     **error)
{
  static const char * const sex_keys[SC_N_SEXES] = { "male", "female" };
  g_autoptr(GVariant) combined = NULL;
  g_autoptr(GVariant) share = NULL;
  g_autoptr(GVariant) previous = NULL;
  g_autoptr(GVariant) revealed = NULL;
  g_autofree char *token = NULL;

  row->label = sc_json_dup_string (object, "label");
  if (row->label == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "A row of the snapshot has no label.");
      return FALSE;
    }
  row->n = (guint) sc_json_get_double (object, "n", 0);
  row->excluded_incomplete = (guint) sc_json_get_double (object, "excluded_incomplete", 0);
  row->reason = sc_json_dup_string (object, "reason");
  if (row->reason != NULL)
    {
      token = sc_json_dup_string (object, "suppression");
      row->suppression = _sc_group_suppression_from_string (token);
      if (row->suppression == SC_GROUP_SUPPRESSION_NONE)
        row->suppression = SC_GROUP_SUPPRESSION_TOO_SMALL;
      revealed = sc_json_lookup (object, "revealed", G_VARIANT_TYPE ("av"));
      if (revealed != NULL)
        {
          g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

          for (gsize i = 0; i < g_variant_n_children (revealed); i++)
            {
              g_autoptr(GVariant) boxed = g_variant_get_child_value (revealed, i);
              g_autoptr(GVariant) name = g_variant_get_variant (boxed);

              if (g_variant_is_of_type (name, G_VARIANT_TYPE_STRING))
                g_strv_builder_add (names, g_variant_get_string (name, NULL));
            }
          row->revealed = g_strv_builder_end (names);
        }
      return TRUE;
    }
  row->sex_reason = sc_json_dup_string (object, "sex_reason");
  if (row->sex_reason != NULL)
    {
      g_free (token);
      token = sc_json_dup_string (object, "sex_suppression");
      row->sex_suppression = _sc_group_suppression_from_string (token);
    }
  combined = sc_json_lookup (object, "combined", G_VARIANT_TYPE ("a{sv}"));
  if (combined != NULL)
    {
      row->has_figures = TRUE;
      read_figures (combined, &row->combined);
    }
  share = sc_json_lookup (object, "high_side_share", G_VARIANT_TYPE ("a{sv}"));
  for (guint k = 0; share != NULL && k < SC_BJSQ_N_SCALES; k++)
    row->high_side_share[k] = sc_json_get_double (share, sc_bjsq_scale ((ScScale) k)->id, 0);
  for (guint s = 0; s < SC_N_SEXES; s++)
    {
      g_autoptr(GVariant) block = sc_json_lookup (object, sex_keys[s], G_VARIANT_TYPE ("a{sv}"));

      if (block == NULL)
        continue;
      row->has_sex[s] = TRUE;
      read_figures (block, &row->by_sex[s]);
      row->n_sex[s] = row->by_sex[s].n;
    }
  previous = sc_json_lookup (object, "previous", G_VARIANT_TYPE ("a{sv}"));
  if (previous != NULL && row->has_figures)
    {
      row->has_previous = TRUE;
      row->previous[0] = sc_json_get_double (previous, "risk_a", 0);
      row->previous[1] = sc_json_get_double (previous, "risk_b", 0);
      row->previous[2] = sc_json_get_double (previous, "risk_total", 0);
      row->change[0] = row->combined.risk_a - row->previous[0];
      row->change[1] = row->combined.risk_b - row->previous[1];
      row->change[2] = row->combined.risk_total - row->previous[2];
    }
  return TRUE;
}

static gboolean
read_grouping (GVariant    *doc,
               ScGrouping  *grouping)
{
  g_autofree char *by = sc_json_dup_string (doc, "grouping");
  g_autofree char *cross = sc_json_dup_string (doc, "cross");

  return by != NULL && cross != NULL
         && sc_group_by_from_string (by, &grouping->by)
         && sc_group_by_from_string (cross, &grouping->cross);
}

ScGroupTable *
sc_group_table_new_from_snapshot (const char  *snapshot,
                                  GError     **error)
{
  g_autoptr(GVariant) doc = NULL;
  g_autoptr(GVariant) set = NULL;
  g_autoptr(GVariant) total = NULL;
  g_autoptr(GVariant) reference = NULL;
  g_autoptr(GVariant) rows = NULL;
  g_autoptr(ScGroupTable) table = NULL;

  g_return_val_if_fail (snapshot != NULL, NULL);

  doc = sc_json_parse (snapshot, -1, error);
  if (doc == NULL)
    return NULL;
  table = g_new0 (ScGroupTable, 1);
  table->rows = g_ptr_array_new_with_free_func (_sc_group_row_free);
  set = sc_json_lookup (doc, "constant_set", G_VARIANT_TYPE ("a{sv}"));
  if (sc_json_get_double (doc, "format", 0) != 1 || set == NULL
      || !read_grouping (doc, &table->grouping))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "This is not a group analysis snapshot this program can read.");
      return NULL;
    }
  table->constants = sc_chart_constant_set_from_variant (set, error);
  if (table->constants == NULL)
    return NULL;
  table->min_size = (guint) sc_json_get_double (doc, "min_size", SC_GROUP_MIN_SIZE_DEFAULT);
  table->excluded_incomplete = (guint) sc_json_get_double (doc, "excluded_incomplete", 0);
  table->explanation = sc_json_dup_string (doc, "explanation");
  table->analysable = table->explanation == NULL;
  if (!table->analysable)
    {
      table->total.label = g_strdup (TOTAL_LABEL);
      table->total.n = (guint) sc_json_get_double (doc, "respondents", 0);
      return g_steal_pointer (&table);
    }
  total = sc_json_lookup (doc, "total", G_VARIANT_TYPE ("a{sv}"));
  reference = sc_json_lookup (doc, "reference", G_VARIANT_TYPE ("a{sv}"));
  rows = sc_json_lookup (doc, "rows", G_VARIANT_TYPE ("av"));
  if (total == NULL || reference == NULL || rows == NULL
      || !read_row (total, &table->total, error) || !read_row (reference, &table->reference, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     "The snapshot has no total, reference or rows.");
      return NULL;
    }
  for (gsize i = 0; i < g_variant_n_children (rows); i++)
    {
      g_autoptr(GVariant) boxed = g_variant_get_child_value (rows, i);
      g_autoptr(GVariant) object = g_variant_get_variant (boxed);
      ScGroupRow *row = g_new0 (ScGroupRow, 1);

      g_ptr_array_add (table->rows, row);
      if (!read_row (object, row, error))
        return NULL;
    }
  return g_steal_pointer (&table);
}
