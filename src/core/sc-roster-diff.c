/* sc-roster-diff.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Comparing a re-imported roster with the employees already in the vault: who is new,
 * who changed (and in which fields), who is unchanged and who was left out. Parsing the
 * CSV and mapping its header are in sc-roster.c.
 */
#define G_LOG_DOMAIN "sc-roster"

#include "config.h"

#include "sc-roster.h"

ScRosterFields
sc_roster_compare (const ScEmployee *a,
                   const ScEmployee *b)
{
  ScRosterFields changed = 0;

  g_return_val_if_fail (a != NULL && b != NULL, 0);

  if (g_strcmp0 (a->number, b->number) != 0)
    changed |= SC_ROSTER_FIELD_NUMBER;
  if (g_strcmp0 (a->name, b->name) != 0)
    changed |= SC_ROSTER_FIELD_NAME;
  if (g_strcmp0 (a->kana, b->kana) != 0)
    changed |= SC_ROSTER_FIELD_KANA;
  if (a->sex != b->sex)
    changed |= SC_ROSTER_FIELD_SEX;
  if (g_strcmp0 (a->birth_date, b->birth_date) != 0)
    changed |= SC_ROSTER_FIELD_BIRTH_DATE;
  if (g_strcmp0 (a->department, b->department) != 0)
    changed |= SC_ROSTER_FIELD_DEPARTMENT;
  if (g_strcmp0 (a->job_type, b->job_type) != 0)
    changed |= SC_ROSTER_FIELD_JOB_TYPE;
  if (g_strcmp0 (a->position, b->position) != 0)
    changed |= SC_ROSTER_FIELD_POSITION;
  if (g_strcmp0 (a->employment_type, b->employment_type) != 0)
    changed |= SC_ROSTER_FIELD_EMPLOYMENT_TYPE;
  if (!a->active != !b->active)
    changed |= SC_ROSTER_FIELD_ACTIVE;
  return changed;
}

static void
diff_entry_free (ScRosterDiffEntry *entry)
{
  if (entry == NULL)
    return;
  sc_employee_free (entry->existing);
  sc_employee_free (entry->incoming);
  g_free (entry);
}

static ScRosterDiffEntry *
diff_entry_new (const ScEmployee *existing,
                const ScEmployee *incoming)
{
  ScRosterDiffEntry *entry = g_new0 (ScRosterDiffEntry, 1);

  entry->existing = existing != NULL ? sc_employee_copy (existing) : NULL;
  entry->incoming = incoming != NULL ? sc_employee_copy (incoming) : NULL;
  if (existing != NULL && incoming != NULL)
    entry->changed = sc_roster_compare (existing, incoming);
  return entry;
}

ScRosterDiff *
sc_roster_diff (GPtrArray *existing,
                GPtrArray *incoming)
{
  g_autoptr(GHashTable) by_number = NULL;
  g_autoptr(GHashTable) seen = NULL;
  ScRosterDiff *diff;

  g_return_val_if_fail (existing != NULL, NULL);
  g_return_val_if_fail (incoming != NULL, NULL);

  diff = g_new0 (ScRosterDiff, 1);
  diff->added = g_ptr_array_new_with_free_func ((GDestroyNotify) diff_entry_free);
  diff->changed = g_ptr_array_new_with_free_func ((GDestroyNotify) diff_entry_free);
  diff->unchanged = g_ptr_array_new_with_free_func ((GDestroyNotify) diff_entry_free);
  diff->left_out = g_ptr_array_new_with_free_func ((GDestroyNotify) diff_entry_free);

  /* Numbers are borrowed from the employees, which outlive both tables. */
  by_number = g_hash_table_new (g_str_hash, g_str_equal);
  seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < existing->len; i++)
    {
      const ScEmployee *e = g_ptr_array_index (existing, i);

      g_return_val_if_fail (e != NULL && e->number != NULL, diff);
      if (!g_hash_table_contains (by_number, e->number))
        g_hash_table_insert (by_number, e->number, (gpointer) e);
    }

  for (guint i = 0; i < incoming->len; i++)
    {
      const ScEmployee *in = g_ptr_array_index (incoming, i);
      const ScEmployee *old;

      g_return_val_if_fail (in != NULL && in->number != NULL, diff);
      if (!g_hash_table_add (seen, in->number))
        continue;

      old = g_hash_table_lookup (by_number, in->number);
      if (old == NULL)
        g_ptr_array_add (diff->added, diff_entry_new (NULL, in));
      else if (sc_roster_compare (old, in) != 0)
        g_ptr_array_add (diff->changed, diff_entry_new (old, in));
      else
        g_ptr_array_add (diff->unchanged, diff_entry_new (old, in));
    }

  for (guint i = 0; i < existing->len; i++)
    {
      const ScEmployee *e = g_ptr_array_index (existing, i);

      /* Only the first occurrence of a repeated number is in by_number. */
      if (g_hash_table_lookup (by_number, e->number) != e)
        continue;
      if (!g_hash_table_contains (seen, e->number))
        g_ptr_array_add (diff->left_out, diff_entry_new (e, NULL));
    }

  return diff;
}

void
sc_roster_diff_free (ScRosterDiff *diff)
{
  if (diff == NULL)
    return;
  g_ptr_array_unref (diff->added);
  g_ptr_array_unref (diff->changed);
  g_ptr_array_unref (diff->unchanged);
  g_ptr_array_unref (diff->left_out);
  g_free (diff);
}

/* Replaces *@to with a copy of @from. */
static void
keep_text (char       **to,
           const char  *from)
{
  g_free (*to);
  *to = g_strdup (from);
}

void
sc_roster_keep_absent_fields (ScRoster  *roster,
                              GPtrArray *existing)
{
  g_autoptr(GHashTable) by_number = NULL;
  GPtrArray *employees;
  ScRosterFields present;

  g_return_if_fail (roster != NULL);
  g_return_if_fail (existing != NULL);

  present = sc_roster_get_columns (roster);
  employees = sc_roster_get_employees (roster);
  by_number = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < existing->len; i++)
    {
      ScEmployee *e = g_ptr_array_index (existing, i);

      if (!g_hash_table_contains (by_number, e->number))
        g_hash_table_insert (by_number, e->number, e);
    }

  for (guint i = 0; i < employees->len; i++)
    {
      ScEmployee *in = g_ptr_array_index (employees, i);
      const ScEmployee *old = g_hash_table_lookup (by_number, in->number);

      if (old == NULL)
        continue;
      if (!(present & SC_ROSTER_FIELD_KANA))
        keep_text (&in->kana, old->kana);
      if (!(present & SC_ROSTER_FIELD_BIRTH_DATE))
        keep_text (&in->birth_date, old->birth_date);
      if (!(present & SC_ROSTER_FIELD_DEPARTMENT))
        keep_text (&in->department, old->department);
      if (!(present & SC_ROSTER_FIELD_JOB_TYPE))
        keep_text (&in->job_type, old->job_type);
      if (!(present & SC_ROSTER_FIELD_POSITION))
        keep_text (&in->position, old->position);
      if (!(present & SC_ROSTER_FIELD_EMPLOYMENT_TYPE))
        keep_text (&in->employment_type, old->employment_type);
    }
}
