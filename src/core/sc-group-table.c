/* sc-group-table.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The group-analysis table over sc_group_analyse_crossed(): groupings by roster
 * attribute, rows in plain words, year on year. Charts and the snapshot are in
 * sc-group-table-charts.c.
 */
#define G_LOG_DOMAIN "sc-group"

#include "config.h"

#include "sc-group-table-private.h"
#include "sc-score-format.h"
#include "sc-workspace.h"
#include "sc-vault-private.h"

#include <math.h>
#include <string.h>

static const char * const by_tokens[SC_GROUP_BY_N] = {
  [SC_GROUP_BY_WHOLE] = "whole",
  [SC_GROUP_BY_DEPARTMENT] = "department",
  [SC_GROUP_BY_SEX] = "sex",
  [SC_GROUP_BY_AGE_BAND] = "age_band",
  [SC_GROUP_BY_JOB_TYPE] = "job_type",
  [SC_GROUP_BY_POSITION] = "position",
  [SC_GROUP_BY_EMPLOYMENT_TYPE] = "employment_type",
};

const char *
sc_group_by_to_string (ScGroupBy by)
{
  g_return_val_if_fail ((guint) by < SC_GROUP_BY_N, NULL);
  return by_tokens[by];
}

gboolean
sc_group_by_from_string (const char *token,
                         ScGroupBy  *out_by)
{
  g_return_val_if_fail (token != NULL, FALSE);

  for (guint i = 0; i < SC_GROUP_BY_N; i++)
    if (strcmp (token, by_tokens[i]) == 0)
      {
        if (out_by != NULL)
          *out_by = (ScGroupBy) i;
        return TRUE;
      }
  return FALSE;
}

/* The value of one attribute, or NULL when the respondent lacks it. */
static char *
attribute_of (ScGroupBy           by,
              guint               band,
              const ScGroupInput *input)
{
  const ScEmployee *e = input->employee;
  const char *text = NULL;

  switch (by)
    {
    case SC_GROUP_BY_WHOLE:
      return NULL;
    case SC_GROUP_BY_SEX:
      /* The result's sex is the one its scores were converted with. */
      return g_strdup (input->result.sex == SC_SEX_FEMALE ? "女性" : "男性");
    case SC_GROUP_BY_AGE_BAND:
      if (input->age < 0)
        return NULL;
      {
        guint lo = ((guint) input->age / band) * band;

        return g_strdup_printf ("%u–%u歳", lo, lo + band - 1);
      }
    case SC_GROUP_BY_DEPARTMENT:
      text = e != NULL ? e->department : NULL;
      break;
    case SC_GROUP_BY_JOB_TYPE:
      text = e != NULL ? e->job_type : NULL;
      break;
    case SC_GROUP_BY_POSITION:
      text = e != NULL ? e->position : NULL;
      break;
    case SC_GROUP_BY_EMPLOYMENT_TYPE:
      text = e != NULL ? e->employment_type : NULL;
      break;
    default:
      g_return_val_if_reached (NULL);
    }
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

static guint
band_of (const ScGrouping *grouping)
{
  return grouping->age_band_years > 0 ? grouping->age_band_years : 10;
}

char *
sc_group_label_of (const ScGrouping   *grouping,
                   const ScGroupInput *input)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_return_val_if_fail (grouping != NULL && input != NULL, NULL);

  a = attribute_of (grouping->by, band_of (grouping), input);
  if (grouping->cross == SC_GROUP_BY_WHOLE || grouping->cross == grouping->by)
    return g_steal_pointer (&a);
  b = attribute_of (grouping->cross, band_of (grouping), input);
  if (a == NULL || b == NULL)
    return NULL;
  return g_strdup_printf ("%s × %s", a, b);
}

/* ---- rows -------------------------------------------------------------------------- */

static void
row_clear (ScGroupRow *row)
{
  g_free (row->label);
  g_free (row->reason);
  g_free (row->sex_reason);
  g_strfreev (row->revealed);
  memset (row, 0, sizeof *row);
}

static void
row_free (gpointer data)
{
  row_clear (data);
  g_free (data);
}

void
_sc_group_row_free (gpointer row)
{
  row_free (row);
}

static char *
describe_reason (ScGroupSuppression  suppression,
                 const char * const *revealed,
                 guint               min_size)
{
  g_autofree char *names = NULL;

  switch (suppression)
    {
    case SC_GROUP_SUPPRESSION_NONE:
      return NULL;
    case SC_GROUP_SUPPRESSION_TOO_SMALL:
      return g_strdup_printf ("fewer than %u respondents", min_size);
    case SC_GROUP_SUPPRESSION_COMPLEMENTARY:
      {
        g_autoptr(GPtrArray) words = g_ptr_array_new ();

        for (guint i = 0; revealed != NULL && revealed[i] != NULL; i++)
          g_ptr_array_add (words, (gpointer) (strcmp (revealed[i], SC_GROUP_UNGROUPED_LABEL) == 0
                                              ? "respondents in no group" : revealed[i]));
        g_ptr_array_add (words, NULL);
        names = g_strjoinv (", ", (char **) words->pdata);
      }
      return g_strdup_printf ("would reveal a group under %u when subtracted from the total"
                              " (%s)", min_size, names);
    case SC_GROUP_SUPPRESSION_WORKPLACE_TOO_SMALL:
      return g_strdup_printf ("the workplace has fewer than %u complete respondents",
                              min_size);
    case SC_GROUP_SUPPRESSION_SEX_SUBGROUP_TOO_SMALL:
      return g_strdup_printf ("figures by sex hidden: one sex has fewer than %u respondents",
                              min_size);
    case SC_GROUP_SUPPRESSION_SEX_COMPLEMENTARY:
      return g_strdup_printf ("figures by sex hidden: they would reveal fewer than %u people"
                              " of one sex when subtracted from the total", min_size);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Per label: how many complete respondents are on the high-stress side of each scale. */
typedef struct
{
  guint n;
  guint high[SC_BJSQ_N_SCALES];
} HighCount;

static void
fill_row (ScGroupRow         *row,
          const ScGroupEntry *entry,
          const char         *label,
          const HighCount    *high,
          guint               min_size)
{
  const ScGroupFigures *c = sc_group_entry_get_combined (entry);

  row->label = g_strdup (label);
  row->n = sc_group_entry_get_n (entry);
  for (guint s = 0; s < SC_N_SEXES; s++)
    row->n_sex[s] = sc_group_entry_get_n_sex (entry, (ScSex) s);
  row->excluded_incomplete = sc_group_entry_get_excluded_incomplete (entry);
  row->suppression = sc_group_entry_get_suppression (entry);
  row->revealed = g_strdupv ((char **) sc_group_entry_get_revealed (entry));
  row->reason = describe_reason (row->suppression, sc_group_entry_get_revealed (entry),
                                 min_size);
  if (row->suppression != SC_GROUP_SUPPRESSION_NONE)
    return;

  row->sex_suppression = sc_group_entry_get_sex_suppression (entry);
  row->sex_reason = describe_reason (row->sex_suppression, NULL, min_size);
  if (c == NULL)
    return;
  row->has_figures = TRUE;
  row->combined = *c;
  for (guint s = 0; s < SC_N_SEXES; s++)
    {
      const ScGroupFigures *f = sc_group_entry_get_by_sex (entry, (ScSex) s);

      if (f != NULL)
        {
          row->has_sex[s] = TRUE;
          row->by_sex[s] = *f;
        }
    }
  if (high != NULL && high->n > 0)
    for (guint k = 0; k < SC_BJSQ_N_SCALES; k++)
      row->high_side_share[k] = (double) high->high[k] / high->n;
}

static void
count_high (HighCount      *count,
            const ScResult *result)
{
  if (!result->complete)
    return;
  count->n++;
  for (guint k = 0; k < SC_BJSQ_N_SCALES; k++)
    if (result->score[k] >= 1 && result->score[k] <= 2)
      count->high[k]++;
}

static gint
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const ScGroupRow *x = *(const ScGroupRow * const *) a;
  const ScGroupRow *y = *(const ScGroupRow * const *) b;
  int rank_x = x->has_figures ? 0 : x->suppression == SC_GROUP_SUPPRESSION_NONE ? 1 : 2;
  int rank_y = y->has_figures ? 0 : y->suppression == SC_GROUP_SUPPRESSION_NONE ? 1 : 2;

  if (rank_x != rank_y)
    return rank_x - rank_y;
  if (rank_x == 0 && x->combined.risk_total != y->combined.risk_total)
    return x->combined.risk_total > y->combined.risk_total ? -1 : 1;
  return 0;   /* ties keep their order: the sort below is stable */
}

static void
fill_reference (ScGroupTable *table)
{
  ScGroupRow *ref = &table->reference;

  ref->label = g_strdup (REFERENCE_LABEL);
  ref->has_figures = TRUE;
  ref->combined.risk_a = ref->combined.risk_b = ref->combined.risk_total = 100.0;
  for (guint s = 0; s < SC_N_SEXES; s++)
    {
      const ScChartConstants *k = &table->constants->constants[s];
      ScGroupFigures *f = &ref->by_sex[s];

      ref->has_sex[s] = TRUE;
      f->chart[SC_CHART_QUANTITATIVE_DEMAND] = k->a0;
      f->chart[SC_CHART_JOB_CONTROL] = k->b0;
      f->chart[SC_CHART_SUPERVISOR_SUPPORT] = k->c0;
      f->chart[SC_CHART_COWORKER_SUPPORT] = k->d0;
      f->risk_a = f->risk_b = f->risk_total = 100.0;
    }
}

ScGroupTable *
sc_group_table_new (const ScGroupInput       *inputs,
                    gsize                     n,
                    const ScGrouping         *grouping,
                    guint                     min_size,
                    const ScChartConstantSet *constants,
                    GError                  **error)
{
  g_autoptr(ScGroupTable) table = NULL;
  g_autoptr(ScGroupAnalysis) analysis = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) margins = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) high = NULL;
  g_autofree ScGroupRespondent *respondents = NULL;
  gboolean crossed;
  HighCount total_high = { 0 };

  g_return_val_if_fail (inputs != NULL || n == 0, NULL);
  g_return_val_if_fail (grouping != NULL, NULL);
  g_return_val_if_fail ((guint) grouping->by < SC_GROUP_BY_N
                        && (guint) grouping->cross < SC_GROUP_BY_N, NULL);

  crossed = grouping->by != SC_GROUP_BY_WHOLE && grouping->cross != SC_GROUP_BY_WHOLE
            && grouping->cross != grouping->by;
  high = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  respondents = g_new0 (ScGroupRespondent, n > 0 ? n : 1);
  for (gsize i = 0; i < n; i++)
    {
      char *label = sc_group_label_of (grouping, &inputs[i]);
      HighCount *count;

      g_ptr_array_add (labels, label);
      respondents[i].group = label;
      respondents[i].result = inputs[i].result;
      count_high (&total_high, &inputs[i].result);
      if (crossed)
        {
          char *a = attribute_of (grouping->by, band_of (grouping), &inputs[i]);
          char *b = attribute_of (grouping->cross, band_of (grouping), &inputs[i]);

          /* Keys carry the attribute so that equal values of two attributes differ. */
          g_ptr_array_add (margins, a != NULL ? g_strconcat ("1:", a, NULL) : NULL);
          g_ptr_array_add (margins, b != NULL ? g_strconcat ("2:", b, NULL) : NULL);
          g_free (a);
          g_free (b);
        }
      if (label == NULL)
        continue;
      count = g_hash_table_lookup (high, label);
      if (count == NULL)
        {
          count = g_new0 (HighCount, 1);
          g_hash_table_insert (high, label, count);
        }
      count_high (count, &inputs[i].result);
    }

  analysis = sc_group_analyse_crossed (respondents,
                                       crossed ? (const char * const *) margins->pdata : NULL,
                                       n, min_size, constants, error);
  if (analysis == NULL)
    return NULL;

  table = g_new0 (ScGroupTable, 1);
  table->grouping = *grouping;
  table->min_size = min_size;
  table->constants = sc_chart_constant_set_copy (sc_group_analysis_get_constants (analysis));
  table->rows = g_ptr_array_new_with_free_func (row_free);
  fill_reference (table);

  fill_row (&table->total, sc_group_analysis_get_total (analysis), TOTAL_LABEL,
            &total_high, min_size);
  table->excluded_incomplete = table->total.excluded_incomplete;
  table->analysable = table->total.suppression == SC_GROUP_SUPPRESSION_NONE;
  if (!table->analysable)
    {
      table->explanation =
        g_strdup_printf ("Only %u complete questionnaires were returned, fewer than %u: "
                         "no group analysis is made, so that nobody can be identified. "
                         "Merge this workplace with another unit, or analyse this round "
                         "together with the previous year's.", table->total.n, min_size);
      return g_steal_pointer (&table);
    }

  for (guint g = 0; g < sc_group_analysis_get_n_groups (analysis); g++)
    {
      const ScGroupEntry *entry = sc_group_analysis_get_group (analysis, g);
      const char *label = sc_group_entry_get_label (entry);
      ScGroupRow *row = g_new0 (ScGroupRow, 1);

      fill_row (row, entry, label, g_hash_table_lookup (high, label), min_size);
      g_ptr_array_add (table->rows, row);
    }
  /* Sorted by rank, then (shown rows) by total risk; ties keep the order of first
   * appearance, as g_ptr_array_sort() is not documented to be stable. */
  {
    g_autoptr(GPtrArray) ordered = g_ptr_array_new ();
    guint n_rows = table->rows->len;

    for (int rank = 0; rank < 3; rank++)
      {
        g_autoptr(GPtrArray) part = g_ptr_array_new ();

        for (guint i = 0; i < n_rows; i++)
          {
            ScGroupRow *row = g_ptr_array_index (table->rows, i);
            int r = row->has_figures ? 0 : row->suppression == SC_GROUP_SUPPRESSION_NONE ? 1 : 2;

            if (r == rank)
              g_ptr_array_add (part, row);
          }
        if (rank == 0)
          {
            /* Insertion sort: stable, and groups are few. */
            for (guint i = 1; i < part->len; i++)
              for (guint j = i; j > 0 && compare_rows (&part->pdata[j - 1],
                                                       &part->pdata[j]) > 0; j--)
                {
                  gpointer t = part->pdata[j];

                  part->pdata[j] = part->pdata[j - 1];
                  part->pdata[j - 1] = t;
                }
          }
        for (guint i = 0; i < part->len; i++)
          g_ptr_array_add (ordered, part->pdata[i]);
      }
    for (guint i = 0; i < n_rows; i++)
      table->rows->pdata[i] = ordered->pdata[i];
  }
  return g_steal_pointer (&table);
}

ScGroupTable *
sc_group_table_new_for_round (ScVault                  *vault,
                              gint64                    round_id,
                              const ScGrouping         *grouping,
                              const ScChartConstantSet *constants,
                              GError                  **error)
{
  g_autoptr(ScGroupRound) round = NULL;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);
  g_return_val_if_fail (grouping != NULL, NULL);

  round = sc_group_round_load (vault, round_id, error);
  if (round == NULL)
    return NULL;
  return sc_group_round_analyse (round, grouping, constants, error);
}

typedef struct
{
  gint64              round_id;
  ScGrouping          grouping;
  ScChartConstantSet *constants;
  ScGroupTable       *table;
} RoundArgs;

static void
round_args_free (gpointer data)
{
  RoundArgs *a = data;

  g_clear_pointer (&a->constants, sc_chart_constant_set_free);
  g_clear_pointer (&a->table, sc_group_table_free);
  g_free (a);
}

static gboolean
round_work (ScVault  *vault,
            gpointer  data,
            GError  **error)
{
  RoundArgs *a = data;

  a->table = sc_group_table_new_for_round (vault, a->round_id, &a->grouping, a->constants,
                                           error);
  return a->table != NULL;
}

void
sc_group_table_new_for_round_async (ScVault                  *vault,
                                    gint64                    round_id,
                                    const ScGrouping         *grouping,
                                    const ScChartConstantSet *constants,
                                    GCancellable             *cancellable,
                                    GAsyncReadyCallback       callback,
                                    gpointer                  user_data)
{
  RoundArgs *a;

  g_return_if_fail (grouping != NULL);

  a = g_new0 (RoundArgs, 1);
  a->round_id = round_id;
  a->grouping = *grouping;
  a->constants = constants != NULL ? sc_chart_constant_set_copy (constants) : NULL;
  _sc_vault_run_work_async (vault, round_work, a, round_args_free,
                            sc_group_table_new_for_round_async, cancellable, callback,
                            user_data);
}

ScGroupTable *
sc_group_table_new_for_round_finish (ScVault       *vault,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  RoundArgs *a;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);
  a = _sc_vault_run_work_finish (vault, result, sc_group_table_new_for_round_async, error);
  return a != NULL ? g_steal_pointer (&a->table) : NULL;
}

void
sc_group_table_free (ScGroupTable *table)
{
  if (table == NULL)
    return;
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  row_clear (&table->total);
  row_clear (&table->reference);
  g_clear_pointer (&table->constants, sc_chart_constant_set_free);
  g_free (table->explanation);
  g_free (table);
}

gboolean
sc_group_table_is_analysable (const ScGroupTable *table)
{
  g_return_val_if_fail (table != NULL, FALSE);
  return table->analysable;
}

const char *
sc_group_table_get_explanation (const ScGroupTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);
  return table->explanation;
}

const ScGroupRow *
sc_group_table_get_total (const ScGroupTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);
  return &table->total;
}

const ScGroupRow *
sc_group_table_get_reference (const ScGroupTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);
  return &table->reference;
}

guint
sc_group_table_get_n_rows (const ScGroupTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->rows->len;
}

const ScGroupRow *
sc_group_table_get_row (const ScGroupTable *table,
                        guint               index)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (index < table->rows->len, NULL);
  return g_ptr_array_index (table->rows, index);
}

const ScGrouping *
sc_group_table_get_grouping (const ScGroupTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);
  return &table->grouping;
}

const ScChartConstantSet *
sc_group_table_get_constants (const ScGroupTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);
  return table->constants;
}

guint
sc_group_table_get_excluded_incomplete (const ScGroupTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->excluded_incomplete;
}

char *
sc_group_table_get_caption (const ScGroupTable *table)
{
  const ScChartConstantSet *c;

  g_return_val_if_fail (table != NULL, NULL);
  c = table->constants;
  return g_strdup_printf ("Constants: %s [%s]. Source: %s.\n"
                          "Mixed-sex risks are the per-sex risks weighted by headcount: "
                          "this program's rule, not the manual's.\n"
                          "Risks are shown floored, as the manual prints them.",
                          c->name, sc_chart_constant_set_status (c), c->source);
}

/* ---- year on year ------------------------------------------------------------------ */

static gboolean
compare_row (ScGroupRow       *row,
             const ScGroupRow *previous)
{
  row->has_previous = FALSE;
  memset (row->has_previous_sex, 0, sizeof row->has_previous_sex);
  if (previous == NULL || !row->has_figures || !previous->has_figures
      || row->n < 1 || previous->n < 1)
    return FALSE;
  row->has_previous = TRUE;
  row->previous[0] = previous->combined.risk_a;
  row->previous[1] = previous->combined.risk_b;
  row->previous[2] = previous->combined.risk_total;
  row->change[0] = row->combined.risk_a - row->previous[0];
  row->change[1] = row->combined.risk_b - row->previous[1];
  row->change[2] = row->combined.risk_total - row->previous[2];
  for (guint s = 0; s < SC_N_SEXES; s++)
    {
      row->has_previous_sex[s] = row->has_sex[s] && previous->has_sex[s];
      if (row->has_previous_sex[s])
        memcpy (row->previous_chart[s], previous->by_sex[s].chart,
                sizeof row->previous_chart[s]);
    }
  return TRUE;
}

guint
sc_group_table_compare_previous (ScGroupTable       *table,
                                 const ScGroupTable *previous)
{
  guint compared = 0;

  g_return_val_if_fail (table != NULL && previous != NULL, 0);

  /* A shown row always has n ≥ min_size, in either round, so "both years ≥ 10" is
   * "shown in both". */
  if (compare_row (&table->total, &previous->total))
    compared++;
  for (guint i = 0; i < table->rows->len; i++)
    {
      ScGroupRow *row = g_ptr_array_index (table->rows, i);
      const ScGroupRow *match = NULL;

      for (guint j = 0; j < previous->rows->len && match == NULL; j++)
        {
          const ScGroupRow *p = g_ptr_array_index (previous->rows, j);

          if (strcmp (p->label, row->label) == 0)
            match = p;
        }
      if (compare_row (row, match))
        compared++;
    }
  return compared;
}

gint64
sc_group_table_find_previous_round (ScVault  *vault,
                                    gint64    round_id,
                                    GError  **error)
{
  g_autoptr(GPtrArray) rounds = NULL;
  gint64 previous = 0;

  g_return_val_if_fail (SC_IS_VAULT (vault), 0);

  rounds = sc_vault_list_rounds (vault, error);
  if (rounds == NULL)
    return 0;
  /* Oldest first: the previous round is the one listed just before. */
  for (guint i = 0; i < rounds->len; i++)
    {
      ScVaultRound *r = g_ptr_array_index (rounds, i);

      if (r->id == round_id)
        return previous;
      previous = r->id;
    }
  _sc_vault_set_not_found (error, "There is no such round.");
  return 0;
}
