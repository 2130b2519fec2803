/* sc-json.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A recursive-descent JSON reader (RFC 8259, strict: no comments, no trailing commas)
 * building a GVariant tree (sc-json.h).
 */
#define G_LOG_DOMAIN "sc-json"

#include "config.h"

#include "sc-json.h"

#include <string.h>

#define MAX_DEPTH 64

typedef struct
{
  const char *start;
  const char *p;
  const char *end;
  GError    **error;
} Reader;

G_DEFINE_QUARK (sc-json-error-quark, sc_json_error)

static void
fail (Reader     *r,
      const char *what)
{
  guint line = 1, column = 1;

  for (const char *q = r->start; q < r->p && q < r->end; q++)
    {
      if (*q == '\n')
        {
          line++;
          column = 1;
        }
      else
        column++;
    }
  if (r->error != NULL && *r->error == NULL)
    g_set_error (r->error, SC_JSON_ERROR, SC_JSON_ERROR_SYNTAX,
                 "Line %u, column %u: %s", line, column, what);
}

static void
skip_space (Reader *r)
{
  while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
    r->p++;
}

static gboolean
take (Reader     *r,
      const char *word)
{
  gsize n = strlen (word);

  if ((gsize) (r->end - r->p) < n || memcmp (r->p, word, n) != 0)
    return FALSE;
  r->p += n;
  return TRUE;
}

static int
hex4 (Reader *r)
{
  int v = 0;

  if (r->end - r->p < 4)
    return -1;
  for (int i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value (r->p[i]);

      if (d < 0)
        return -1;
      v = v * 16 + d;
    }
  r->p += 4;
  return v;
}

static char *
read_string (Reader *r)
{
  GString *out = g_string_new (NULL);

  r->p++;   /* the opening quote */
  while (r->p < r->end && *r->p != '"')
    {
      guchar c = (guchar) *r->p;

      if (c < 0x20)
        {
          fail (r, "control character in a string");
          return (g_string_free (out, TRUE), NULL);
        }
      if (c != '\\')
        {
          g_string_append_c (out, (char) c);
          r->p++;
          continue;
        }
      r->p++;
      if (r->p >= r->end)
        break;
      c = (guchar) *r->p++;
      switch (c)
        {
        case '"': case '\\': case '/': g_string_append_c (out, (char) c); break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          {
            int u = hex4 (r);

            if (u >= 0xD800 && u <= 0xDBFF && take (r, "\\u"))
              {
                int low = hex4 (r);

                if (low < 0xDC00 || low > 0xDFFF)
                  u = -1;
                else
                  u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
              }
            if (u <= 0 || (u >= 0xD800 && u <= 0xDFFF))
              {
                fail (r, "bad \\u escape");
                return (g_string_free (out, TRUE), NULL);
              }
            g_string_append_unichar (out, (gunichar) u);
          }
          break;
        default:
          fail (r, "bad escape in a string");
          return (g_string_free (out, TRUE), NULL);
        }
    }
  if (r->p >= r->end)
    {
      fail (r, "unterminated string");
      return (g_string_free (out, TRUE), NULL);
    }
  r->p++;
  if (!g_utf8_validate (out->str, (gssize) out->len, NULL))
    {
      fail (r, "a string is not UTF-8");
      return (g_string_free (out, TRUE), NULL);
    }
  return g_string_free (out, FALSE);
}

static GVariant *read_value (Reader *r, guint depth);

static GVariant *
read_number (Reader *r)
{
  const char *s = r->p;
  g_autofree char *copy = NULL;
  char *end = NULL;
  double v;

  if (r->p < r->end && *r->p == '-')
    r->p++;
  if (r->p >= r->end || !g_ascii_isdigit (*r->p))
    return (fail (r, "unexpected character"), NULL);
  while (r->p < r->end && (g_ascii_isdigit (*r->p) || strchr (".eE+-", *r->p) != NULL))
    r->p++;
  copy = g_strndup (s, (gsize) (r->p - s));
  v = g_ascii_strtod (copy, &end);
  if (end == NULL || *end != '\0')
    {
      r->p = s;
      return (fail (r, "bad number"), NULL);
    }
  return g_variant_new_double (v);
}

static GVariant *
read_object (Reader *r,
             guint   depth)
{
  GVariantBuilder builder;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sv}"));
  r->p++;
  skip_space (r);
  if (r->p < r->end && *r->p == '}')
    {
      r->p++;
      return g_variant_builder_end (&builder);
    }
  for (;;)
    {
      char *key;
      GVariant *value;

      skip_space (r);
      if (r->p >= r->end || *r->p != '"')
        break;
      key = read_string (r);
      if (key == NULL)
        goto error;
      if (!g_hash_table_add (seen, key))
        {
          fail (r, "repeated key");
          goto error;
        }
      skip_space (r);
      if (!take (r, ":"))
        break;
      value = read_value (r, depth + 1);
      if (value == NULL)
        goto error;
      g_variant_builder_add (&builder, "{sv}", key, value);
      skip_space (r);
      if (take (r, ","))
        continue;
      if (take (r, "}"))
        return g_variant_builder_end (&builder);
      break;
    }
  fail (r, "expected a member of an object");
error:
  g_variant_builder_clear (&builder);
  return NULL;
}

static GVariant *
read_array (Reader *r,
            guint   depth)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("av"));
  r->p++;
  skip_space (r);
  if (take (r, "]"))
    return g_variant_builder_end (&builder);
  for (;;)
    {
      GVariant *value = read_value (r, depth + 1);

      if (value == NULL)
        {
          g_variant_builder_clear (&builder);
          return NULL;
        }
      g_variant_builder_add (&builder, "v", value);
      skip_space (r);
      if (take (r, ","))
        continue;
      if (take (r, "]"))
        return g_variant_builder_end (&builder);
      fail (r, "expected , or ] in an array");
      g_variant_builder_clear (&builder);
      return NULL;
    }
}

static GVariant *
read_value (Reader *r,
            guint   depth)
{
  skip_space (r);
  if (depth > MAX_DEPTH)
    return (fail (r, "nested too deeply"), NULL);
  if (r->p >= r->end)
    return (fail (r, "unexpected end"), NULL);
  switch (*r->p)
    {
    case '{':
      return read_object (r, depth);
    case '[':
      return read_array (r, depth);
    case '"':
      {
        char *s = read_string (r);

        return s != NULL ? g_variant_new_take_string (s) : NULL;
      }
    default:
      break;
    }
  if (take (r, "true"))
    return g_variant_new_boolean (TRUE);
  if (take (r, "false"))
    return g_variant_new_boolean (FALSE);
  if (take (r, "null"))
    return g_variant_new_maybe (G_VARIANT_TYPE_VARIANT, NULL);
  return read_number (r);
}

GVariant *
sc_json_parse (const char  *text,
               gssize       len,
               GError     **error)
{
  Reader r;
  GVariant *value;

  g_return_val_if_fail (text != NULL, NULL);

  r.start = r.p = text;
  r.end = text + (len < 0 ? strlen (text) : (gsize) len);
  r.error = error;
  value = read_value (&r, 0);
  if (value == NULL)
    return NULL;
  g_variant_ref_sink (value);
  skip_space (&r);
  if (r.p != r.end)
    {
      fail (&r, "text after the document");
      g_variant_unref (value);
      return NULL;
    }
  return value;
}

GVariant *
sc_json_lookup (GVariant           *object,
                const char         *key,
                const GVariantType *type)
{
  g_autoptr(GVariant) value = NULL;

  if (object == NULL || !g_variant_is_of_type (object, G_VARIANT_TYPE ("a{sv}")))
    return NULL;
  value = g_variant_lookup_value (object, key, NULL);
  if (value == NULL || !g_variant_is_of_type (value, type))
    return NULL;
  return g_steal_pointer (&value);
}

double
sc_json_get_double (GVariant   *object,
                    const char *key,
                    double      fallback)
{
  g_autoptr(GVariant) v = sc_json_lookup (object, key, G_VARIANT_TYPE_DOUBLE);

  return v != NULL ? g_variant_get_double (v) : fallback;
}

char *
sc_json_dup_string (GVariant   *object,
                    const char *key)
{
  g_autoptr(GVariant) v = sc_json_lookup (object, key, G_VARIANT_TYPE_STRING);

  return v != NULL ? g_variant_dup_string (v, NULL) : NULL;
}
