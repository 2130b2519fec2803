/* sc-chart-constants.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-chart-constants"

#include "config.h"

#include "sc-chart-constants.h"

/* sc-chart-constants-json.c */
ScChartConstantSet *_sc_chart_constant_set_load_json (const char  *text,
                                                      gsize        len,
                                                      GError     **error);

#include <math.h>
#include <string.h>

G_DEFINE_QUARK (sc-chart-constants-error-quark, sc_chart_constants_error)

/* Set A of spec §6: the corrected national means of the U-Tokyo technote's table (the
 * Tokyo Medical University program's recommended values), sex-specific. The default: it
 * reproduces the MHLW manual's p.87 example (total 121). */
static const ScChartConstantSet set_a = {
  .id = "set-a",
  .name = "Corrected means (Tokyo Medical University program, recommended; default)",
  .source = "U-Tokyo technote table, corrected means column (東京医科大学プログラム訂正値・推奨値), "
            "via impl-ts lib/health-risk.ts (要確認: not verified against the primary table)",
  .verified = FALSE,
  .constants = {
    [SC_SEX_MALE] = { 8.7, 0.076, 7.9, -0.089, 7.5, -0.097, 8.1, -0.097 },
    [SC_SEX_FEMALE] = { 7.9, 0.048, 7.2, -0.056, 6.6, -0.097, 8.2, -0.097 },
  },
};

/* Set B of spec §6: ironwest/sctool-r calculate_sougoukrisk.R, risk_A_old / risk_B_old.
 * That code has no sex split, so the same constants serve both sexes. Its flooring and
 * the cap at 350 are an implementation choice of that program and are not copied. */
static const ScChartConstantSet set_b = {
  .id = "set-b",
  .name = "Set B (no sex split, ironwest/sctool-r old risk)",
  .source = "ironwest/sctool-r scapp/modules/calculate_sougoukrisk.R risk_A_old/risk_B_old "
            "(要確認: not verified against the primary table)",
  .verified = FALSE,
  .constants = {
    [SC_SEX_MALE] = { 8.7, 0.076, 8.0, -0.089, 7.6, -0.097, 8.1, -0.097 },
    [SC_SEX_FEMALE] = { 8.7, 0.076, 8.0, -0.089, 7.6, -0.097, 8.1, -0.097 },
  },
};

/* The original national means printed in the U-Tokyo technote (spec §6 update 2026-12,
 * bjsq.json set_legacy_technote), per sex; the coefficients are those of set A. Offered
 * for comparison with older reports; it does not reproduce the manual's p.87 example. */
static const ScChartConstantSet set_legacy = {
  .id = "legacy",
  .name = "Technote original means (legacy)",
  .source = "U-Tokyo technote table, original means column (テクニカルノート当初の全国平均) "
            "(要確認: not verified against the primary table)",
  .verified = FALSE,
  .constants = {
    [SC_SEX_MALE] = { 8.7, 0.076, 8.0, -0.089, 7.6, -0.097, 8.1, -0.097 },
    [SC_SEX_FEMALE] = { 7.6, 0.048, 7.9, -0.056, 6.9, -0.097, 8.1, -0.097 },
  },
};

static const ScChartConstantSet * const builtin_sets[] = { &set_a, &set_legacy, &set_b };

/* The eight keys of a [male] / [female] group, in the order of ScChartConstants. */
static const struct
{
  const char *key;
  gsize       offset;
} constant_keys[] = {
  { "A0", G_STRUCT_OFFSET (ScChartConstants, a0) },
  { "alpha", G_STRUCT_OFFSET (ScChartConstants, alpha) },
  { "B0", G_STRUCT_OFFSET (ScChartConstants, b0) },
  { "beta", G_STRUCT_OFFSET (ScChartConstants, beta) },
  { "C0", G_STRUCT_OFFSET (ScChartConstants, c0) },
  { "gamma", G_STRUCT_OFFSET (ScChartConstants, gamma) },
  { "D0", G_STRUCT_OFFSET (ScChartConstants, d0) },
  { "delta", G_STRUCT_OFFSET (ScChartConstants, delta) },
};

static const char * const sex_groups[SC_N_SEXES] = {
  [SC_SEX_MALE] = "male",
  [SC_SEX_FEMALE] = "female",
};

const ScChartConstantSet *
sc_chart_constant_set_default (void)
{
  return &set_a;
}

const ScChartConstantSet *
sc_chart_constant_set_builtin (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (builtin_sets); i++)
    if (strcmp (id, builtin_sets[i]->id) == 0)
      return builtin_sets[i];
  return NULL;
}

const ScChartConstantSet *
sc_chart_constant_set_builtin_nth (guint index)
{
  return index < G_N_ELEMENTS (builtin_sets) ? builtin_sets[index] : NULL;
}

int
sc_chart_risk_display (double risk)
{
  /* Floored, as the manual prints its figures (p.87: 112.56 → 112, 121.64 → 121). */
  return (int) floor (risk + 1e-9);
}

const char *
sc_chart_constant_set_status (const ScChartConstantSet *set)
{
  g_return_val_if_fail (set != NULL, NULL);
  return set->verified ? "checked" : "要確認";
}

ScChartConstantSet *
sc_chart_constant_set_new (const char             *id,
                           const char             *name,
                           const char             *source,
                           gboolean                verified,
                           const ScChartConstants *male,
                           const ScChartConstants *female)
{
  ScChartConstantSet *set;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (male != NULL, NULL);
  g_return_val_if_fail (female != NULL, NULL);

  set = g_new0 (ScChartConstantSet, 1);
  set->id = g_strdup (id);
  set->name = g_strdup (name != NULL ? name : "");
  set->source = g_strdup (source != NULL ? source : "");
  set->verified = verified;
  set->constants[SC_SEX_MALE] = *male;
  set->constants[SC_SEX_FEMALE] = *female;
  return set;
}

ScChartConstantSet *
sc_chart_constant_set_copy (const ScChartConstantSet *set)
{
  g_return_val_if_fail (set != NULL, NULL);

  return sc_chart_constant_set_new (set->id, set->name, set->source, set->verified,
                                    &set->constants[SC_SEX_MALE],
                                    &set->constants[SC_SEX_FEMALE]);
}

void
sc_chart_constant_set_free (ScChartConstantSet *set)
{
  if (set == NULL)
    return;

  /* A built-in set is static: freeing it would be a bug in the caller. */
  g_return_if_fail (set != &set_a && set != &set_b && set != &set_legacy);

  g_free ((char *) set->id);
  g_free ((char *) set->name);
  g_free ((char *) set->source);
  g_free (set);
}

void
sc_chart_risk (const ScChartConstants *constants,
               double                  qd,
               double                  control,
               double                  sup,
               double                  cow,
               double                 *risk_a,
               double                 *risk_b,
               double                 *total)
{
  double a;
  double b;

  g_return_if_fail (constants != NULL);

  a = 100.0 * exp ((qd - constants->a0) * constants->alpha
                   + (control - constants->b0) * constants->beta);
  b = 100.0 * exp ((sup - constants->c0) * constants->gamma
                   + (cow - constants->d0) * constants->delta);
  if (risk_a != NULL)
    *risk_a = a;
  if (risk_b != NULL)
    *risk_b = b;
  if (total != NULL)
    *total = a * b / 100.0;
}

/* ---- loading a replacement set ----------------------------------------------------- */

/* Where each group and key was written, so that errors can name the line. */
typedef struct
{
  GHashTable *lines;     /* "group\037key" or "group" → line number */
} KeyLines;

static char *
key_lines_name (const char *group,
                const char *key)
{
  return key != NULL ? g_strconcat (group, "\037", key, NULL) : g_strdup (group);
}

static guint
key_lines_get (KeyLines   *kl,
               const char *group,
               const char *key)
{
  g_autofree char *name = key_lines_name (group, key);

  return GPOINTER_TO_UINT (g_hash_table_lookup (kl->lines, name));
}

static gboolean
is_known_group (const char *group)
{
  return strcmp (group, "set") == 0 || strcmp (group, "male") == 0
         || strcmp (group, "female") == 0;
}

/* GKeyFile's own messages name neither the line nor, for some errors, the text: this scan
 * checks the shape of every line first and remembers where each key is. */
static gboolean
scan_lines (const char  *text,
            KeyLines    *kl,
            GError     **error)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *group = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint line_no = i + 1;
      char *line = g_strstrip (lines[i]);   /* also drops the \r of CRLF files */
      const char *eq;
      g_autofree char *key = NULL;
      g_autofree char *name = NULL;
      guint first;

      if (*line == '\0' || *line == '#')
        continue;

      if (*line == '[')
        {
          gsize n = strlen (line);

          if (n < 3 || line[n - 1] != ']')
            {
              g_set_error (error, SC_CHART_CONSTANTS_ERROR, SC_CHART_CONSTANTS_ERROR_SYNTAX,
                           "line %u: “%s” is not a valid [group] line", line_no, line);
              return FALSE;
            }
          g_free (group);
          group = g_strndup (line + 1, n - 2);
          if (!is_known_group (group))
            {
              g_set_error (error, SC_CHART_CONSTANTS_ERROR, SC_CHART_CONSTANTS_ERROR_SYNTAX,
                           "line %u: unknown group [%s] (expected [set], [male] and [female])",
                           line_no, group);
              return FALSE;
            }
          if (!g_hash_table_contains (kl->lines, group))
            g_hash_table_insert (kl->lines, g_strdup (group), GUINT_TO_POINTER (line_no));
          continue;
        }

      eq = strchr (line, '=');
      if (eq == NULL)
        {
          g_set_error (error, SC_CHART_CONSTANTS_ERROR, SC_CHART_CONSTANTS_ERROR_SYNTAX,
                       "line %u: “%s” is neither a [group] nor a key=value line",
                       line_no, line);
          return FALSE;
        }
      key = g_strstrip (g_strndup (line, (gsize) (eq - line)));
      if (*key == '\0')
        {
          g_set_error (error, SC_CHART_CONSTANTS_ERROR, SC_CHART_CONSTANTS_ERROR_SYNTAX,
                       "line %u: a value without a key", line_no);
          return FALSE;
        }
      if (group == NULL)
        {
          g_set_error (error, SC_CHART_CONSTANTS_ERROR, SC_CHART_CONSTANTS_ERROR_SYNTAX,
                       "line %u: key “%s” comes before any [group]", line_no, key);
          return FALSE;
        }

      name = key_lines_name (group, key);
      first = GPOINTER_TO_UINT (g_hash_table_lookup (kl->lines, name));
      if (first != 0)
        {
          g_set_error (error, SC_CHART_CONSTANTS_ERROR, SC_CHART_CONSTANTS_ERROR_SYNTAX,
                       "line %u: [%s] %s is given twice (first on line %u)",
                       line_no, group, key, first);
          return FALSE;
        }
      g_hash_table_insert (kl->lines, g_steal_pointer (&name), GUINT_TO_POINTER (line_no));
    }
  return TRUE;
}

static gboolean
require_group (GKeyFile    *kf,
               const char  *group,
               GError     **error)
{
  if (g_key_file_has_group (kf, group))
    return TRUE;
  g_set_error (error, SC_CHART_CONSTANTS_ERROR, SC_CHART_CONSTANTS_ERROR_MISSING,
               "the [%s] group is missing (a constants file needs [set], [male] and [female])",
               group);
  return FALSE;
}

/* The raw value of a required key, stripped of blanks. */
static char *
get_required_value (GKeyFile    *kf,
                    const char  *group,
                    const char  *key,
                    GError     **error)
{
  char *value = g_key_file_get_value (kf, group, key, NULL);

  if (value == NULL)
    {
      g_set_error (error, SC_CHART_CONSTANTS_ERROR, SC_CHART_CONSTANTS_ERROR_MISSING,
                   "[%s] %s is missing", group, key);
      return NULL;
    }
  return g_strstrip (value);
}

static gboolean
read_constants (GKeyFile          *kf,
                KeyLines          *kl,
                const char        *group,
                ScChartConstants  *out,
                GError           **error)
{
  g_auto(GStrv) keys = NULL;

  if (!require_group (kf, group, error))
    return FALSE;

  keys = g_key_file_get_keys (kf, group, NULL, NULL);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      gboolean known = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (constant_keys) && !known; k++)
        known = strcmp (keys[i], constant_keys[k].key) == 0;
      if (!known)
        {
          g_set_error (error, SC_CHART_CONSTANTS_ERROR, SC_CHART_CONSTANTS_ERROR_UNKNOWN_KEY,
                       "line %u: [%s] unknown key “%s” (expected A0, alpha, B0, beta, C0, "
                       "gamma, D0, delta)", key_lines_get (kl, group, keys[i]), group, keys[i]);
          return FALSE;
        }
    }

  for (guint k = 0; k < G_N_ELEMENTS (constant_keys); k++)
    {
      const char *key = constant_keys[k].key;
      g_autofree char *value = get_required_value (kf, group, key, error);
      char *end = NULL;
      double v;

      if (value == NULL)
        return FALSE;

      v = g_ascii_strtod (value, &end);
      if (*value == '\0' || end == value || *end != '\0' || !isfinite (v))
        {
          g_set_error (error, SC_CHART_CONSTANTS_ERROR, SC_CHART_CONSTANTS_ERROR_VALUE,
                       "line %u: [%s] %s: “%s” is not a number%s",
                       key_lines_get (kl, group, key), group, key, value,
                       strchr (value, ',') != NULL ? " (write decimals with a dot)" : "");
          return FALSE;
        }
      G_STRUCT_MEMBER (double, out, constant_keys[k].offset) = v;
    }
  return TRUE;
}

static char *
read_text (GKeyFile    *kf,
           KeyLines    *kl,
           const char  *key,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *value = NULL;

  if (!g_key_file_has_key (kf, "set", key, NULL))
    {
      g_set_error (error, SC_CHART_CONSTANTS_ERROR, SC_CHART_CONSTANTS_ERROR_MISSING,
                   "[set] %s is missing", key);
      return NULL;
    }
  value = g_key_file_get_string (kf, "set", key, &local_error);
  if (value == NULL)
    {
      g_set_error (error, SC_CHART_CONSTANTS_ERROR, SC_CHART_CONSTANTS_ERROR_VALUE,
                   "line %u: [set] %s: %s", key_lines_get (kl, "set", key), key,
                   local_error->message);
      return NULL;
    }
  g_strstrip (value);
  if (*value == '\0')
    {
      g_set_error (error, SC_CHART_CONSTANTS_ERROR, SC_CHART_CONSTANTS_ERROR_VALUE,
                   "line %u: [set] %s is empty", key_lines_get (kl, "set", key), key);
      return NULL;
    }
  return g_steal_pointer (&value);
}

ScChartConstantSet *
sc_chart_constant_set_load_from_data (const char  *data,
                                      gssize       len,
                                      GError     **error)
{
  g_autoptr(GKeyFile) kf = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) lines = NULL;
  g_autofree char *text = NULL;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *source = NULL;
  g_autofree char *verified_text = NULL;
  ScChartConstants constants[SC_N_SEXES];
  KeyLines kl;
  gboolean verified;
  gsize n;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  n = len < 0 ? strlen (data) : (gsize) len;
  /* A file saved by a Windows editor may start with a byte-order mark. */
  if (n >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      n -= 3;
    }
  if (memchr (data, '\0', n) != NULL || !g_utf8_validate (data, (gssize) n, NULL))
    {
      g_set_error (error, SC_CHART_CONSTANTS_ERROR, SC_CHART_CONSTANTS_ERROR_SYNTAX,
                   "the constants file is not UTF-8 text");
      return NULL;
    }
  text = g_strndup (data, n);
  /* A JSON object (sc-chart-constants-json.c): the same keys, one object. */
  {
    const char *first = text;

    while (g_ascii_isspace (*first))
      first++;
    if (*first == '{')
      return _sc_chart_constant_set_load_json (text, n, error);
  }

  lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  kl.lines = lines;
  if (!scan_lines (text, &kl, error))
    return NULL;

  kf = g_key_file_new ();
  if (!g_key_file_load_from_data (kf, text, n, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, SC_CHART_CONSTANTS_ERROR, SC_CHART_CONSTANTS_ERROR_SYNTAX,
                   "not a valid constants file: %s", local_error->message);
      return NULL;
    }

  if (!require_group (kf, "set", error))
    return NULL;
  if ((id = read_text (kf, &kl, "id", error)) == NULL
      || (name = read_text (kf, &kl, "name", error)) == NULL
      || (source = read_text (kf, &kl, "source", error)) == NULL)
    return NULL;

  verified_text = get_required_value (kf, "set", "verified", error);
  if (verified_text == NULL)
    return NULL;
  if (g_ascii_strcasecmp (verified_text, "true") == 0)
    verified = TRUE;
  else if (g_ascii_strcasecmp (verified_text, "false") == 0)
    verified = FALSE;
  else
    {
      g_set_error (error, SC_CHART_CONSTANTS_ERROR, SC_CHART_CONSTANTS_ERROR_VALUE,
                   "line %u: [set] verified: “%s” is neither true nor false",
                   key_lines_get (&kl, "set", "verified"), verified_text);
      return NULL;
    }

  for (guint s = 0; s < SC_N_SEXES; s++)
    if (!read_constants (kf, &kl, sex_groups[s], &constants[s], error))
      return NULL;

  return sc_chart_constant_set_new (id, name, source, verified,
                                    &constants[SC_SEX_MALE], &constants[SC_SEX_FEMALE]);
}

ScChartConstantSet *
sc_chart_constant_set_load_from_file (const char  *path,
                                      GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, &len, &local_error))
    {
      g_set_error (error, SC_CHART_CONSTANTS_ERROR, SC_CHART_CONSTANTS_ERROR_READ,
                   "%s", local_error->message);
      return NULL;
    }
  return sc_chart_constant_set_load_from_data (contents, (gssize) len, error);
}
