/* sc-group.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The group analysis and its suppression rules (sc-group.h); the JSON document is in
 * sc-group-json.c.
 */
#define G_LOG_DOMAIN "sc-group"

#include "config.h"

#include "sc-group.h"

#include <math.h>
#include <string.h>

G_DEFINE_QUARK (sc-group-error-quark, sc_group_error)

struct _ScGroupEntry
{
  char               *label;                  /* NULL for the total */
  guint               n;
  guint               n_sex[SC_N_SEXES];
  guint               excluded_incomplete;
  ScGroupSuppression  suppression;
  ScGroupSuppression  sex_suppression;
  /* Filled only for what is shown; see fill_figures(). */
  gboolean            has_combined;
  gboolean            has_sex[SC_N_SEXES];
  ScGroupFigures      combined;
  ScGroupFigures      by_sex[SC_N_SEXES];
  /* Crossed groupings: the margins (e.g. the department, the sex) the group is a cell
   * of, as indices into ScGroupAnalysis.margins; -1 for none. */
  gint                margin[2];
  /* Rule 2: the labels of the hidden groups this one would reveal (NULL-terminated). */
  GPtrArray          *revealed;
};

struct _ScGroupAnalysis
{
  ScChartConstantSet *constants;
  guint               min_size;
  gsize               n_respondents;
  ScGroupEntry        total;
  ScGroupEntry       *groups;
  guint               n_groups;
  GArray             *margins;                 /* Margin, for crossed groupings */
};

typedef struct
{
  char  *key;
  guint  n;                                    /* complete respondents in the margin */
} Margin;

/* Running sums of one entry, kept apart from the entry so that nothing of a suppressed
 * entry outlives the analysis. */
typedef struct
{
  double chart[SC_N_SEXES][SC_N_CHART_SCALES];
  double score[SC_N_SEXES][SC_BJSQ_N_SCALES];
} Sums;

static void
add_to (ScGroupEntry   *entry,
        Sums           *sums,
        const ScResult *result)
{
  ScSex sex = result->sex == SC_SEX_FEMALE ? SC_SEX_FEMALE : SC_SEX_MALE;

  if (!result->complete)
    {
      entry->excluded_incomplete++;
      return;
    }

  entry->n++;
  entry->n_sex[sex]++;
  for (guint k = 0; k < SC_N_CHART_SCALES; k++)
    sums->chart[sex][k] += result->chart[k];
  for (guint k = 0; k < SC_BJSQ_N_SCALES; k++)
    sums->score[sex][k] += result->score[k];
}

static gboolean
sex_in_small_range (const ScGroupEntry *entry,
                    guint               min_size)
{
  for (guint s = 0; s < SC_N_SEXES; s++)
    if (entry->n_sex[s] > 0 && entry->n_sex[s] < min_size)
      return TRUE;
  return FALSE;
}

/* Whether a shown group lets a reader know the figures of its members of @sex. */
static gboolean
reveals_sex (const ScGroupEntry *g,
             ScSex               sex)
{
  ScSex other = sex == SC_SEX_MALE ? SC_SEX_FEMALE : SC_SEX_MALE;

  if (g->suppression != SC_GROUP_SUPPRESSION_NONE || g->n_sex[sex] == 0)
    return FALSE;
  return g->sex_suppression == SC_GROUP_SUPPRESSION_NONE || g->n_sex[other] == 0;
}

/* Rule 4, one step. Returns TRUE when it suppressed something. */
static gboolean
apply_sex_differencing (ScGroupAnalysis *analysis)
{
  ScGroupEntry *total = &analysis->total;

  if (total->sex_suppression != SC_GROUP_SUPPRESSION_NONE)
    return FALSE;

  for (guint s = 0; s < SC_N_SEXES; s++)
    {
      ScSex other = s == SC_SEX_MALE ? SC_SEX_FEMALE : SC_SEX_MALE;
      ScGroupEntry *best = NULL;
      guint revealed = 0;
      guint rest;

      for (guint i = 0; i < analysis->n_groups; i++)
        if (reveals_sex (&analysis->groups[i], s))
          revealed += analysis->groups[i].n_sex[s];
      rest = total->n_sex[s] - revealed;
      if (rest == 0 || rest >= analysis->min_size)
        continue;

      for (guint i = 0; i < analysis->n_groups; i++)
        {
          ScGroupEntry *g = &analysis->groups[i];

          if (reveals_sex (g, s) && g->n_sex[other] > 0
              && (best == NULL || g->n_sex[s] <= best->n_sex[s]))
            best = g;
        }
      if (best == NULL)
        best = total;
      best->sex_suppression = SC_GROUP_SUPPRESSION_SEX_COMPLEMENTARY;
      return TRUE;
    }
  return FALSE;
}

/* Whether group @g lies in partition @margin (-1: the whole workplace). */
static gboolean
in_partition (const ScGroupEntry *g,
              gint                margin)
{
  return margin < 0 || g->margin[0] == margin || g->margin[1] == margin;
}

/* Rule 2 over one partition: the total (@margin −1) or one margin of a crossed grouping
 * (all cells of one department, say). While the partition minus its shown groups leaves
 * 0 < R < min_size respondents, the smallest shown group is hidden, and it records which
 * hidden groups it would have revealed. Returns TRUE when it hid something. */
static gboolean
apply_differencing (ScGroupAnalysis *analysis,
                    gint             margin)
{
  ScGroupEntry *best = NULL;
  guint whole, shown = 0, rest;

  whole = margin < 0 ? analysis->total.n
                     : g_array_index (analysis->margins, Margin, margin).n;
  for (guint i = 0; i < analysis->n_groups; i++)
    {
      ScGroupEntry *g = &analysis->groups[i];

      if (!in_partition (g, margin) || g->suppression != SC_GROUP_SUPPRESSION_NONE)
        continue;
      shown += g->n;
      if (g->n > 0 && (best == NULL || g->n <= best->n))
        best = g;
    }
  rest = whole - shown;
  if (rest == 0 || rest >= analysis->min_size || best == NULL)
    return FALSE;

  best->suppression = SC_GROUP_SUPPRESSION_COMPLEMENTARY;
  best->revealed = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < analysis->n_groups; i++)
    {
      ScGroupEntry *g = &analysis->groups[i];

      if (g != best && in_partition (g, margin) && g->n > 0
          && g->suppression != SC_GROUP_SUPPRESSION_NONE)
        g_ptr_array_add (best->revealed, g_strdup (g->label));
    }
  {
    guint in_groups = 0;

    /* Respondents of the partition in no group (no label, or, in a margin, no cell). */
    for (guint i = 0; i < analysis->n_groups; i++)
      if (in_partition (&analysis->groups[i], margin))
        in_groups += analysis->groups[i].n;
    if (whole > in_groups)
      g_ptr_array_add (best->revealed, g_strdup (SC_GROUP_UNGROUPED_LABEL));
  }
  g_ptr_array_add (best->revealed, NULL);
  return TRUE;
}

static gboolean
apply_margin_differencing (ScGroupAnalysis *analysis)
{
  if (analysis->margins == NULL)
    return FALSE;
  for (guint m = 0; m < analysis->margins->len; m++)
    if (apply_differencing (analysis, (gint) m))
      return TRUE;
  return FALSE;
}

static void
apply_suppression (ScGroupAnalysis *analysis)
{
  ScGroupEntry *total = &analysis->total;
  guint min = analysis->min_size;

  /* Rule 0. */
  if (total->n < min)
    {
      total->suppression = SC_GROUP_SUPPRESSION_WORKPLACE_TOO_SMALL;
      total->sex_suppression = total->suppression;
      for (guint i = 0; i < analysis->n_groups; i++)
        {
          analysis->groups[i].suppression = SC_GROUP_SUPPRESSION_WORKPLACE_TOO_SMALL;
          analysis->groups[i].sex_suppression = SC_GROUP_SUPPRESSION_WORKPLACE_TOO_SMALL;
        }
      return;
    }

  /* Rule 1. */
  for (guint i = 0; i < analysis->n_groups; i++)
    {
      ScGroupEntry *g = &analysis->groups[i];

      if (g->n > 0 && g->n < min)
        g->suppression = SC_GROUP_SUPPRESSION_TOO_SMALL;
    }

  /* Rule 2, over the total and, for a crossed grouping, over every margin: each step
   * hides one more group, so this ends. */
  while (apply_differencing (analysis, -1)
         || apply_margin_differencing (analysis))
    ;

  for (guint i = 0; i < analysis->n_groups; i++)
    {
      ScGroupEntry *g = &analysis->groups[i];

      if (g->suppression != SC_GROUP_SUPPRESSION_NONE)
        g->sex_suppression = g->suppression;
    }

  /* Rule 3. */
  if (sex_in_small_range (total, min))
    total->sex_suppression = SC_GROUP_SUPPRESSION_SEX_SUBGROUP_TOO_SMALL;
  for (guint i = 0; i < analysis->n_groups; i++)
    {
      ScGroupEntry *g = &analysis->groups[i];

      if (g->suppression == SC_GROUP_SUPPRESSION_NONE && sex_in_small_range (g, min))
        g->sex_suppression = SC_GROUP_SUPPRESSION_SEX_SUBGROUP_TOO_SMALL;
    }

  /* Rule 4: each step hides one more set of blocks, so this ends. */
  while (apply_sex_differencing (analysis))
    ;
}

/* Computes the figures of a shown entry from its sums. Nothing is written for a
 * suppressed entry, so its means cannot be read even by mistake. */
static void
fill_figures (ScGroupEntry             *entry,
              const Sums               *sums,
              const ScChartConstantSet *constants)
{
  ScGroupFigures sex_figures[SC_N_SEXES];
  ScGroupFigures *c = &entry->combined;

  if (entry->suppression != SC_GROUP_SUPPRESSION_NONE || entry->n == 0)
    return;

  memset (sex_figures, 0, sizeof sex_figures);
  memset (c, 0, sizeof *c);
  c->n = entry->n;

  for (guint s = 0; s < SC_N_SEXES; s++)
    {
      ScGroupFigures *f = &sex_figures[s];
      double n = entry->n_sex[s];

      if (entry->n_sex[s] == 0)
        continue;

      f->n = entry->n_sex[s];
      for (guint k = 0; k < SC_N_CHART_SCALES; k++)
        {
          f->chart[k] = sums->chart[s][k] / n;
          c->chart[k] += sums->chart[s][k];
        }
      for (guint k = 0; k < SC_BJSQ_N_SCALES; k++)
        {
          f->scale_mean[k] = sums->score[s][k] / n;
          c->scale_mean[k] += sums->score[s][k];
        }
      sc_chart_risk (&constants->constants[s],
                     f->chart[SC_CHART_QUANTITATIVE_DEMAND], f->chart[SC_CHART_JOB_CONTROL],
                     f->chart[SC_CHART_SUPERVISOR_SUPPORT], f->chart[SC_CHART_COWORKER_SUPPORT],
                     &f->risk_a, &f->risk_b, &f->risk_total);

      /* No official rule for a mixed-sex group (spec §6): weight by headcount. */
      c->risk_a += n * f->risk_a;
      c->risk_b += n * f->risk_b;
      c->risk_total += n * f->risk_total;
    }

  for (guint k = 0; k < SC_N_CHART_SCALES; k++)
    c->chart[k] /= entry->n;
  for (guint k = 0; k < SC_BJSQ_N_SCALES; k++)
    c->scale_mean[k] /= entry->n;
  c->risk_a /= entry->n;
  c->risk_b /= entry->n;
  c->risk_total /= entry->n;
  entry->has_combined = TRUE;

  if (entry->sex_suppression != SC_GROUP_SUPPRESSION_NONE)
    return;
  for (guint s = 0; s < SC_N_SEXES; s++)
    if (entry->n_sex[s] > 0)
      {
        entry->by_sex[s] = sex_figures[s];
        entry->has_sex[s] = TRUE;
      }
}

ScGroupAnalysis *
sc_group_analyse (const ScGroupRespondent  *respondents,
                  gsize                     n,
                  guint                     min_size,
                  const ScChartConstantSet *constants,
                  GError                  **error)
{
  return sc_group_analyse_crossed (respondents, NULL, n, min_size, constants, error);
}

/* The index of margin @key, added when new; -1 for no key. */
static gint
margin_index (GArray     *margins,
              GHashTable *index,
              const char *key)
{
  gpointer found;
  Margin m = { 0 };

  if (key == NULL || *key == '\0')
    return -1;
  if (g_hash_table_lookup_extended (index, key, NULL, &found))
    return GPOINTER_TO_INT (found);
  m.key = g_strdup (key);
  g_array_append_val (margins, m);
  g_hash_table_insert (index, m.key, GINT_TO_POINTER (margins->len - 1));
  return (gint) margins->len - 1;
}

ScGroupAnalysis *
sc_group_analyse_crossed (const ScGroupRespondent  *respondents,
                          const char * const       *margins,
                          gsize                     n,
                          guint                     min_size,
                          const ScChartConstantSet *constants,
                          GError                  **error)
{
  g_autoptr(ScGroupAnalysis) analysis = NULL;
  g_autoptr(GHashTable) index = NULL;
  g_autoptr(GArray) groups = NULL;
  g_autoptr(GArray) group_sums = NULL;
  g_autoptr(GHashTable) margin_index_of = NULL;
  g_autofree gint *group_of = NULL;
  g_autofree gint *margin_of = NULL;
  Sums total_sums;

  g_return_val_if_fail (respondents != NULL || n == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (min_size < 1)
    {
      g_set_error (error, SC_GROUP_ERROR, SC_GROUP_ERROR_INVALID_MIN_SIZE,
                   "the minimum group size must be at least 1 (it is %u)", min_size);
      return NULL;
    }
  if (constants == NULL)
    constants = sc_chart_constant_set_default ();

  analysis = g_new0 (ScGroupAnalysis, 1);
  analysis->constants = sc_chart_constant_set_copy (constants);
  analysis->min_size = min_size;
  analysis->n_respondents = n;

  /* First pass: the groups in order of first appearance. */
  index = g_hash_table_new (g_str_hash, g_str_equal);
  if (margins != NULL)
    {
      analysis->margins = g_array_new (FALSE, TRUE, sizeof (Margin));
      margin_index_of = g_hash_table_new (g_str_hash, g_str_equal);
      margin_of = g_new (gint, 2 * n + 1);
    }
  groups = g_array_new (FALSE, TRUE, sizeof (ScGroupEntry));
  group_of = g_new (gint, n > 0 ? n : 1);
  for (gsize i = 0; i < n; i++)
    {
      const char *label = respondents[i].group;
      gpointer found;

      group_of[i] = -1;
      if (margins != NULL)
        {
          /* Margin keys are UTF-8 whenever labels are: both come from the caller. A
           * respondent without a group label still counts in the margins they have
           * (department A's own total includes those of unknown age). */
          margin_of[2 * i] = margin_index (analysis->margins, margin_index_of, margins[2 * i]);
          margin_of[2 * i + 1] = margin_index (analysis->margins, margin_index_of,
                                               margins[2 * i + 1]);
        }
      if (label == NULL || *label == '\0')
        continue;
      if (!g_utf8_validate (label, -1, NULL))
        {
          g_set_error (error, SC_GROUP_ERROR, SC_GROUP_ERROR_INVALID_LABEL,
                       "the group label of respondent %" G_GSIZE_FORMAT " is not UTF-8", i + 1);
          /* The labels copied so far are owned by the array, not yet by the analysis. */
          for (guint g = 0; g < groups->len; g++)
            g_free (g_array_index (groups, ScGroupEntry, g).label);
          return NULL;
        }
      if (g_hash_table_lookup_extended (index, label, NULL, &found))
        group_of[i] = GPOINTER_TO_INT (found);
      else
        {
          ScGroupEntry entry = { 0 };

          entry.label = g_strdup (label);
          entry.margin[0] = entry.margin[1] = -1;
          if (margins != NULL)
            {
              entry.margin[0] = margin_of[2 * i];
              entry.margin[1] = margin_of[2 * i + 1];
            }
          g_array_append_val (groups, entry);
          group_of[i] = (gint) groups->len - 1;
          g_hash_table_insert (index, entry.label, GINT_TO_POINTER (group_of[i]));
        }
    }
  analysis->n_groups = groups->len;
  analysis->groups = (ScGroupEntry *) (void *) g_array_free (g_steal_pointer (&groups), FALSE);

  /* Second pass: counts and sums. */
  memset (&total_sums, 0, sizeof total_sums);
  group_sums = g_array_new (FALSE, TRUE, sizeof (Sums));
  g_array_set_size (group_sums, analysis->n_groups);
  for (gsize i = 0; i < n; i++)
    {
      const ScResult *result = &respondents[i].result;

      add_to (&analysis->total, &total_sums, result);
      for (guint k = 0; k < 2 && margins != NULL && result->complete; k++)
        if (margin_of[2 * i + k] >= 0)
          g_array_index (analysis->margins, Margin, margin_of[2 * i + k]).n++;
      if (group_of[i] >= 0)
        add_to (&analysis->groups[group_of[i]],
                &g_array_index (group_sums, Sums, group_of[i]), result);
    }

  apply_suppression (analysis);

  fill_figures (&analysis->total, &total_sums, analysis->constants);
  for (guint g = 0; g < analysis->n_groups; g++)
    fill_figures (&analysis->groups[g], &g_array_index (group_sums, Sums, g),
                  analysis->constants);

  return g_steal_pointer (&analysis);
}

void
sc_group_analysis_free (ScGroupAnalysis *analysis)
{
  if (analysis == NULL)
    return;

  for (guint g = 0; g < analysis->n_groups; g++)
    {
      g_free (analysis->groups[g].label);
      g_clear_pointer (&analysis->groups[g].revealed, g_ptr_array_unref);
    }
  g_free (analysis->groups);
  if (analysis->margins != NULL)
    {
      for (guint m = 0; m < analysis->margins->len; m++)
        g_free (g_array_index (analysis->margins, Margin, m).key);
      g_array_unref (analysis->margins);
    }
  g_clear_pointer (&analysis->constants, sc_chart_constant_set_free);
  g_free (analysis);
}

guint
sc_group_analysis_get_min_size (const ScGroupAnalysis *analysis)
{
  g_return_val_if_fail (analysis != NULL, 0);
  return analysis->min_size;
}

const ScChartConstantSet *
sc_group_analysis_get_constants (const ScGroupAnalysis *analysis)
{
  g_return_val_if_fail (analysis != NULL, NULL);
  return analysis->constants;
}

gsize
sc_group_analysis_get_n_respondents (const ScGroupAnalysis *analysis)
{
  g_return_val_if_fail (analysis != NULL, 0);
  return analysis->n_respondents;
}

const ScGroupEntry *
sc_group_analysis_get_total (const ScGroupAnalysis *analysis)
{
  g_return_val_if_fail (analysis != NULL, NULL);
  return &analysis->total;
}

guint
sc_group_analysis_get_n_groups (const ScGroupAnalysis *analysis)
{
  g_return_val_if_fail (analysis != NULL, 0);
  return analysis->n_groups;
}

const ScGroupEntry *
sc_group_analysis_get_group (const ScGroupAnalysis *analysis,
                             guint                  index)
{
  g_return_val_if_fail (analysis != NULL, NULL);
  g_return_val_if_fail (index < analysis->n_groups, NULL);
  return &analysis->groups[index];
}

const char *
sc_group_entry_get_label (const ScGroupEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);
  return entry->label;
}

gboolean
sc_group_entry_is_total (const ScGroupEntry *entry)
{
  g_return_val_if_fail (entry != NULL, FALSE);
  return entry->label == NULL;
}

guint
sc_group_entry_get_n (const ScGroupEntry *entry)
{
  g_return_val_if_fail (entry != NULL, 0);
  return entry->n;
}

guint
sc_group_entry_get_n_sex (const ScGroupEntry *entry,
                          ScSex               sex)
{
  g_return_val_if_fail (entry != NULL, 0);
  g_return_val_if_fail ((guint) sex < SC_N_SEXES, 0);
  return entry->n_sex[sex];
}

guint
sc_group_entry_get_excluded_incomplete (const ScGroupEntry *entry)
{
  g_return_val_if_fail (entry != NULL, 0);
  return entry->excluded_incomplete;
}

ScGroupSuppression
sc_group_entry_get_suppression (const ScGroupEntry *entry)
{
  g_return_val_if_fail (entry != NULL, SC_GROUP_SUPPRESSION_NONE);
  return entry->suppression;
}

gboolean
sc_group_entry_is_suppressed (const ScGroupEntry *entry)
{
  g_return_val_if_fail (entry != NULL, TRUE);
  return entry->suppression != SC_GROUP_SUPPRESSION_NONE;
}

const ScGroupFigures *
sc_group_entry_get_combined (const ScGroupEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);
  return entry->has_combined ? &entry->combined : NULL;
}

ScGroupSuppression
sc_group_entry_get_sex_suppression (const ScGroupEntry *entry)
{
  g_return_val_if_fail (entry != NULL, SC_GROUP_SUPPRESSION_NONE);
  return entry->sex_suppression;
}

const ScGroupFigures *
sc_group_entry_get_by_sex (const ScGroupEntry *entry,
                           ScSex               sex)
{
  g_return_val_if_fail (entry != NULL, NULL);
  g_return_val_if_fail ((guint) sex < SC_N_SEXES, NULL);
  return entry->has_sex[sex] ? &entry->by_sex[sex] : NULL;
}

const char * const *
sc_group_entry_get_revealed (const ScGroupEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);
  return entry->revealed != NULL ? (const char * const *) entry->revealed->pdata : NULL;
}

const char *
sc_group_suppression_to_string (ScGroupSuppression suppression)
{
  switch (suppression)
    {
    case SC_GROUP_SUPPRESSION_NONE:
      return NULL;
    case SC_GROUP_SUPPRESSION_TOO_SMALL:
      return "too_small";
    case SC_GROUP_SUPPRESSION_COMPLEMENTARY:
      return "complementary";
    case SC_GROUP_SUPPRESSION_WORKPLACE_TOO_SMALL:
      return "workplace_too_small";
    case SC_GROUP_SUPPRESSION_SEX_SUBGROUP_TOO_SMALL:
      return "sex_subgroup_too_small";
    case SC_GROUP_SUPPRESSION_SEX_COMPLEMENTARY:
      return "sex_complementary";
    default:
      g_return_val_if_reached (NULL);
    }
}
