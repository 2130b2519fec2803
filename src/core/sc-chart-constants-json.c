/* sc-chart-constants-json.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A constant set as JSON: read from a checked file the implementer loads (the same keys
 * as the key file of sc-chart-constants.h, as one object), written into the vault
 * setting SC_VAULT_SETTING_CHART_CONSTANTS and into the snapshot released to HR.
 */
#define G_LOG_DOMAIN "sc-chart"

#include "config.h"

#include "sc-chart-constants.h"
#include "sc-json.h"
#include "sc-score-format.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

ScChartConstantSet *_sc_chart_constant_set_load_json (const char  *text,
                                                      gsize        len,
                                                      GError     **error);

static const struct
{
  const char *key;
  gsize       offset;
} constant_keys[] = {
  { "A0", offsetof (ScChartConstants, a0) },
  { "alpha", offsetof (ScChartConstants, alpha) },
  { "B0", offsetof (ScChartConstants, b0) },
  { "beta", offsetof (ScChartConstants, beta) },
  { "C0", offsetof (ScChartConstants, c0) },
  { "gamma", offsetof (ScChartConstants, gamma) },
  { "D0", offsetof (ScChartConstants, d0) },
  { "delta", offsetof (ScChartConstants, delta) },
};

static const char * const sex_keys[SC_N_SEXES] = { "male", "female" };

static gboolean
read_sex (GVariant         *doc,
          ScSex             sex,
          ScChartConstants *out,
          GError          **error)
{
  g_autoptr(GVariant) object = sc_json_lookup (doc, sex_keys[sex], G_VARIANT_TYPE ("a{sv}"));
  GVariantIter iter;
  const char *key;
  GVariant *value;

  if (object == NULL)
    {
      g_set_error (error, SC_CHART_CONSTANTS_ERROR, SC_CHART_CONSTANTS_ERROR_MISSING,
                   "the object “%s” is missing", sex_keys[sex]);
      return FALSE;
    }
  g_variant_iter_init (&iter, object);
  while (g_variant_iter_next (&iter, "{&sv}", &key, &value))
    {
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (constant_keys); i++)
        known = known || strcmp (constant_keys[i].key, key) == 0;
      g_variant_unref (value);
      if (!known)
        {
          g_set_error (error, SC_CHART_CONSTANTS_ERROR, SC_CHART_CONSTANTS_ERROR_UNKNOWN_KEY,
                       "%s: “%s” is not a constant", sex_keys[sex], key);
          return FALSE;
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (constant_keys); i++)
    {
      g_autoptr(GVariant) v = sc_json_lookup (object, constant_keys[i].key, G_VARIANT_TYPE_ANY);

      if (v == NULL)
        {
          g_set_error (error, SC_CHART_CONSTANTS_ERROR, SC_CHART_CONSTANTS_ERROR_MISSING,
                       "%s: the constant “%s” is missing", sex_keys[sex], constant_keys[i].key);
          return FALSE;
        }
      if (!g_variant_is_of_type (v, G_VARIANT_TYPE_DOUBLE) || !isfinite (g_variant_get_double (v)))
        {
          g_set_error (error, SC_CHART_CONSTANTS_ERROR, SC_CHART_CONSTANTS_ERROR_VALUE,
                       "%s: “%s” is not a number", sex_keys[sex], constant_keys[i].key);
          return FALSE;
        }
      *(double *) ((char *) out + constant_keys[i].offset) = g_variant_get_double (v);
    }
  return TRUE;
}

static char *
read_text (GVariant    *doc,
           const char  *key,
           GError     **error)
{
  g_autoptr(GVariant) v = sc_json_lookup (doc, key, G_VARIANT_TYPE_ANY);

  if (v == NULL)
    {
      g_set_error (error, SC_CHART_CONSTANTS_ERROR, SC_CHART_CONSTANTS_ERROR_MISSING,
                   "the key “%s” is missing", key);
      return NULL;
    }
  if (!g_variant_is_of_type (v, G_VARIANT_TYPE_STRING) || *g_variant_get_string (v, NULL) == '\0')
    {
      g_set_error (error, SC_CHART_CONSTANTS_ERROR, SC_CHART_CONSTANTS_ERROR_VALUE,
                   "“%s” is not a text", key);
      return NULL;
    }
  return g_variant_dup_string (v, NULL);
}

/* Called by sc_chart_constant_set_load_from_data() for text that starts with "{". */
ScChartConstantSet *
_sc_chart_constant_set_load_json (const char  *text,
                                  gsize        len,
                                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GVariant) doc = sc_json_parse (text, (gssize) len, &local_error);

  if (doc == NULL || !g_variant_is_of_type (doc, G_VARIANT_TYPE ("a{sv}")))
    {
      g_set_error (error, SC_CHART_CONSTANTS_ERROR, SC_CHART_CONSTANTS_ERROR_SYNTAX,
                   "not a valid constants file: %s",
                   local_error != NULL ? local_error->message : "not a JSON object");
      return NULL;
    }
  return sc_chart_constant_set_from_variant (doc, error);
}

ScChartConstantSet *
sc_chart_constant_set_from_variant (GVariant  *doc,
                                    GError   **error)
{
  g_autoptr(GVariant) verified = NULL;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *source = NULL;
  ScChartConstants constants[SC_N_SEXES];

  g_return_val_if_fail (doc != NULL, NULL);

  if ((id = read_text (doc, "id", error)) == NULL
      || (name = read_text (doc, "name", error)) == NULL
      || (source = read_text (doc, "source", error)) == NULL)
    return NULL;
  verified = sc_json_lookup (doc, "verified", G_VARIANT_TYPE_BOOLEAN);
  if (verified == NULL)
    {
      g_set_error (error, SC_CHART_CONSTANTS_ERROR, SC_CHART_CONSTANTS_ERROR_VALUE,
                   "“verified” is missing or neither true nor false");
      return NULL;
    }
  for (guint s = 0; s < SC_N_SEXES; s++)
    if (!read_sex (doc, (ScSex) s, &constants[s], error))
      return NULL;
  return sc_chart_constant_set_new (id, name, source, g_variant_get_boolean (verified),
                                    &constants[SC_SEX_MALE], &constants[SC_SEX_FEMALE]);
}

char *
sc_chart_constant_set_to_json (const ScChartConstantSet *set)
{
  GString *out;

  g_return_val_if_fail (set != NULL, NULL);

  out = g_string_new ("{\"id\":");
  sc_json_append_string (out, set->id, -1);
  g_string_append (out, ",\"name\":");
  sc_json_append_string (out, set->name, -1);
  g_string_append (out, ",\"source\":");
  sc_json_append_string (out, set->source, -1);
  g_string_append_printf (out, ",\"verified\":%s", set->verified ? "true" : "false");
  for (guint s = 0; s < SC_N_SEXES; s++)
    {
      g_string_append_printf (out, ",\"%s\":{", sex_keys[s]);
      for (guint i = 0; i < G_N_ELEMENTS (constant_keys); i++)
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];
          double v = *(const double *) ((const char *) &set->constants[s]
                                        + constant_keys[i].offset);

          g_string_append_printf (out, "%s\"%s\":%s", i > 0 ? "," : "", constant_keys[i].key,
                                  g_ascii_dtostr (buf, sizeof buf, v));
        }
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

ScChartConstantSet *
sc_chart_constant_set_from_setting (const char  *value,
                                    GError     **error)
{
  const ScChartConstantSet *builtin;

  if (value == NULL || *value == '\0')
    return sc_chart_constant_set_copy (sc_chart_constant_set_default ());
  builtin = sc_chart_constant_set_builtin (value);
  if (builtin != NULL)
    return sc_chart_constant_set_copy (builtin);
  return sc_chart_constant_set_load_from_data (value, -1, error);
}

char *
sc_chart_constant_set_to_setting (const ScChartConstantSet *set)
{
  const ScChartConstantSet *builtin;

  g_return_val_if_fail (set != NULL, NULL);

  builtin = sc_chart_constant_set_builtin (set->id);
  if (builtin != NULL && builtin->verified == set->verified
      && g_strcmp0 (builtin->name, set->name) == 0
      && g_strcmp0 (builtin->source, set->source) == 0
      && memcmp (builtin->constants, set->constants, sizeof set->constants) == 0)
    return g_strdup (set->id);
  return sc_chart_constant_set_to_json (set);
}
