/* sc-score-format.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hand-written formatting: batch scoring writes about 1.3 kB per respondent, so this
 * avoids printf and writes into space reserved in the GString.
 */
#define G_LOG_DOMAIN "sc-score-format"

#include "config.h"

#include "sc-score-format.h"

#include <string.h>

#define LIT(p, s) (memcpy ((p), (s), sizeof (s) - 1), (p) + sizeof (s) - 1)

/* Writes a small integer (or "null" / the empty string for a missing value). */
static inline char *
put_int (char       *p,
         int         v,
         const char *missing)
{
  if (v < 0)
    {
      gsize n = strlen (missing);
      memcpy (p, missing, n);
      return p + n;
    }
  if (v >= 100)
    {
      *p++ = (char) ('0' + v / 100);
      v %= 100;
      *p++ = (char) ('0' + v / 10);
      *p++ = (char) ('0' + v % 10);
    }
  else if (v >= 10)
    {
      *p++ = (char) ('0' + v / 10);
      *p++ = (char) ('0' + v % 10);
    }
  else
    *p++ = (char) ('0' + v);
  return p;
}

/* Reserves @extra bytes at the end of @out and returns where they start. */
static inline char *
reserve (GString *out,
         gsize    extra,
         gsize   *start)
{
  *start = out->len;
  g_string_set_size (out, out->len + extra);
  return out->str + *start;
}

static inline void
commit (GString *out,
        char    *end)
{
  g_string_truncate (out, (gsize) (end - out->str));
}

void
sc_json_append_string (GString    *out,
                       const char *s,
                       gssize      len)
{
  gsize n = len < 0 ? strlen (s) : (gsize) len;
  gsize start;
  char *p = reserve (out, n * 6 + 2, &start);

  *p++ = '"';
  for (gsize i = 0; i < n; i++)
    {
      guchar c = (guchar) s[i];

      if (c == '"' || c == '\\')
        {
          *p++ = '\\';
          *p++ = (char) c;
        }
      else if (c < 0x20)
        {
          static const char hex[] = "0123456789abcdef";

          switch (c)
            {
            case '\n': p = LIT (p, "\\n"); break;
            case '\r': p = LIT (p, "\\r"); break;
            case '\t': p = LIT (p, "\\t"); break;
            default:
              p = LIT (p, "\\u00");
              *p++ = hex[c >> 4];
              *p++ = hex[c & 15];
            }
        }
      else
        *p++ = (char) c;
    }
  *p++ = '"';
  commit (out, p);
}

void
sc_csv_append_field (GString    *out,
                     const char *s,
                     gssize      len)
{
  gsize n = len < 0 ? strlen (s) : (gsize) len;

  gboolean plain = TRUE;

  for (gsize i = 0; i < n && plain; i++)
    plain = s[i] != ',' && s[i] != '"' && s[i] != '\r' && s[i] != '\n';
  if (plain)
    {
      g_string_append_len (out, s, (gssize) n);
      return;
    }

  g_string_append_c (out, '"');
  for (gsize i = 0; i < n; i++)
    {
      if (s[i] == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, s[i]);
    }
  g_string_append_c (out, '"');
}

gboolean
sc_csv_field_needs_formula_escape (const char *s,
                                   gssize      len)
{
  if (s == NULL || len == 0 || s[0] == '\0')
    return FALSE;
  return strchr (SC_CSV_FORMULA_PREFIXES, s[0]) != NULL;
}

void
sc_csv_append_field_safe (GString    *out,
                          const char *s,
                          gssize      len)
{
  g_autofree char *escaped = NULL;
  gsize n = len < 0 ? strlen (s) : (gsize) len;

  /* SECURITY: CSV injection. A cell such as =HYPERLINK(…) or +cmd|… would run as a
   * formula when HR opens the file in a spreadsheet. */
  if (!sc_csv_field_needs_formula_escape (s, (gssize) n))
    {
      sc_csv_append_field (out, s, (gssize) n);
      return;
    }
  escaped = g_malloc (n + 2);
  escaped[0] = '\'';
  memcpy (escaped + 1, s, n);
  escaped[n + 1] = '\0';
  sc_csv_append_field (out, escaped, (gssize) n + 1);
}

static char *
put_json_area (char               *p,
               const ScAreaResult *area)
{
  p = LIT (p, "{\"A\": ");
  p = put_int (p, area->a, "null");
  p = LIT (p, ", \"B\": ");
  p = put_int (p, area->b, "null");
  p = LIT (p, ", \"C\": ");
  p = put_int (p, area->c, "null");
  p = LIT (p, ", \"high_stress\": ");
  switch (area->verdict)
    {
    case SC_VERDICT_HIGH: p = LIT (p, "true"); break;
    case SC_VERDICT_NOT_HIGH: p = LIT (p, "false"); break;
    case SC_VERDICT_UNDETERMINED:
    default: p = LIT (p, "null"); break;
    }
  p = LIT (p, ", \"criteria\": [");
  if (area->criteria & SC_CRITERION_A)
    p = LIT (p, "\"a\"");
  if ((area->criteria & SC_CRITERION_A) && (area->criteria & SC_CRITERION_B))
    p = LIT (p, ", ");
  if (area->criteria & SC_CRITERION_B)
    p = LIT (p, "\"b\"");
  p = LIT (p, "]}");
  return p;
}

/* Scale keys with their JSON punctuation, built once from the scale table. */
typedef struct
{
  char  text[48];
  gsize len;
} Key;

static Key json_scale_keys[SC_BJSQ_N_SCALES];
static Key json_chart_keys[SC_N_CHART_SCALES];

static void
build_keys (void)
{
  static gsize done = 0;

  if (!g_once_init_enter (&done))
    return;

  for (guint s = 0; s < SC_BJSQ_N_SCALES; s++)
    {
      Key *k = &json_scale_keys[s];
      k->len = (gsize) g_snprintf (k->text, sizeof k->text, "%s\"%s\": {\"raw\": ",
                                   s == 0 ? "" : ", ", sc_bjsq_scale ((ScScale) s)->id);
    }
  for (guint c = 0; c < SC_N_CHART_SCALES; c++)
    {
      Key *k = &json_chart_keys[c];
      ScScale scale = sc_chart_scale_to_scale ((ScChartScale) c);
      k->len = (gsize) g_snprintf (k->text, sizeof k->text, "%s\"%s\": ",
                                   c == 0 ? "" : ", ", sc_bjsq_scale (scale)->id);
    }
  g_once_init_leave (&done, 1);
}

/* Writes everything after the id: `"sex": …, …, "chart": {…}}` (the closing brace of the
 * object included, no newline). Needs at most 2048 bytes. */
static char *
put_json_body (char           *p,
               const ScResult *result)
{
  p = LIT (p, "\"sex\": \"");
  *p++ = result->sex == SC_SEX_FEMALE ? 'F' : 'M';
  p = LIT (p, "\", \"complete\": ");
  if (result->complete)
    p = LIT (p, "true");
  else
    p = LIT (p, "false");

  p = LIT (p, ", \"scales\": {");
  for (guint s = 0; s < SC_BJSQ_N_SCALES; s++)
    {
      memcpy (p, json_scale_keys[s].text, json_scale_keys[s].len);
      p += json_scale_keys[s].len;
      p = put_int (p, result->raw[s], "null");
      p = LIT (p, ", \"score\": ");
      p = put_int (p, result->score[s], "null");
      *p++ = '}';
    }
  p = LIT (p, "}, \"sum\": ");
  p = put_json_area (p, &result->sum);
  p = LIT (p, ", \"conversion\": ");
  p = put_json_area (p, &result->conversion);
  p = LIT (p, ", \"chart\": {");
  for (guint c = 0; c < SC_N_CHART_SCALES; c++)
    {
      memcpy (p, json_chart_keys[c].text, json_chart_keys[c].len);
      p += json_chart_keys[c].len;
      p = put_int (p, result->chart[c], "null");
    }
  p = LIT (p, "}}");
  return p;
}

void
sc_result_append_json (GString        *out,
                       const char     *id,
                       gssize          id_len,
                       const ScResult *result)
{
  gsize start;
  char *p;

  g_return_if_fail (out != NULL);
  g_return_if_fail (result != NULL);

  build_keys ();

  g_string_append (out, "{\"id\": ");
  sc_json_append_string (out, id ? id : "", id ? id_len : 0);

  p = reserve (out, 2048, &start);
  p = LIT (p, ", ");
  p = put_json_body (p, result);
  *p++ = '\n';
  commit (out, p);
}

void
sc_result_append_json_object (GString        *out,
                              const ScResult *result)
{
  gsize start;
  char *p;

  g_return_if_fail (out != NULL);
  g_return_if_fail (result != NULL);

  build_keys ();

  p = reserve (out, 2048, &start);
  *p++ = '{';
  p = put_json_body (p, result);
  commit (out, p);
}

void
sc_result_append_csv_header (GString *out)
{
  g_return_if_fail (out != NULL);

  g_string_append (out, "id,sex,complete");
  for (guint s = 0; s < SC_BJSQ_N_SCALES; s++)
    {
      const char *id = sc_bjsq_scale ((ScScale) s)->id;
      g_string_append_printf (out, ",%s_raw,%s_score", id, id);
    }
  g_string_append (out, ",sum_A,sum_B,sum_C,sum_high_stress,sum_criteria"
                        ",conversion_A,conversion_B,conversion_C,conversion_high_stress,"
                        "conversion_criteria");
  for (guint c = 0; c < SC_N_CHART_SCALES; c++)
    g_string_append_printf (out, ",chart_%s",
                            sc_bjsq_scale (sc_chart_scale_to_scale ((ScChartScale) c))->id);
  g_string_append_c (out, '\n');
}

static char *
put_csv_area (char               *p,
              const ScAreaResult *area)
{
  *p++ = ',';
  p = put_int (p, area->a, "");
  *p++ = ',';
  p = put_int (p, area->b, "");
  *p++ = ',';
  p = put_int (p, area->c, "");
  *p++ = ',';
  if (area->verdict == SC_VERDICT_HIGH)
    p = LIT (p, "true");
  else if (area->verdict == SC_VERDICT_NOT_HIGH)
    p = LIT (p, "false");
  *p++ = ',';
  if (area->criteria & SC_CRITERION_A)
    *p++ = 'a';
  if ((area->criteria & SC_CRITERION_A) && (area->criteria & SC_CRITERION_B))
    *p++ = ';';
  if (area->criteria & SC_CRITERION_B)
    *p++ = 'b';
  return p;
}

void
sc_result_append_csv (GString        *out,
                      const char     *id,
                      gssize          id_len,
                      const ScResult *result)
{
  gsize start;
  char *p;

  g_return_if_fail (out != NULL);
  g_return_if_fail (result != NULL);

  sc_csv_append_field_safe (out, id ? id : "", id ? id_len : 0);
  p = reserve (out, 512, &start);
  *p++ = ',';
  *p++ = result->sex == SC_SEX_FEMALE ? 'F' : 'M';
  *p++ = ',';
  if (result->complete)
    p = LIT (p, "true");
  else
    p = LIT (p, "false");
  for (guint s = 0; s < SC_BJSQ_N_SCALES; s++)
    {
      *p++ = ',';
      p = put_int (p, result->raw[s], "");
      *p++ = ',';
      p = put_int (p, result->score[s], "");
    }
  p = put_csv_area (p, &result->sum);
  p = put_csv_area (p, &result->conversion);
  for (guint c = 0; c < SC_N_CHART_SCALES; c++)
    {
      *p++ = ',';
      p = put_int (p, result->chart[c], "");
    }
  *p++ = '\n';
  commit (out, p);
}
