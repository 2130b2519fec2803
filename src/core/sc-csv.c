/* sc-csv.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-csv"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-csv.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

G_DEFINE_QUARK (sc-csv-error-quark, sc_csv_error)

char *
sc_csv_format_position (guint line,
                        guint column)
{
  if (column == 0)
    /* Translators: the start of a message about a CSV file; %u is a line number. */
    return g_strdup_printf (_("line %u: "), line);
  /* Translators: the start of a message about a CSV file. Keep the line before the
   * column: the roster import reads both numbers back in this order. */
  return g_strdup_printf (_("line %u, column %u: "), line, column);
}

/* Sets @error to the translated @format after the translated position (see
 * sc_csv_error_split()). */
static void G_GNUC_PRINTF (5, 6)
set_error_at (GError     **error,
              ScCsvError   code,
              guint        line,
              guint        column,
              const char  *format,
              ...)
{
  g_autofree char *position = sc_csv_format_position (line, column);
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, SC_CSV_ERROR, code, "%s%s", position, text);
}

gboolean
sc_csv_error_split (const GError  *error,
                    guint         *out_line,
                    guint         *out_column,
                    const char   **out_rest)
{
  const char *p;
  guint numbers[2] = { 0, 0 };
  guint n = 0;

  g_return_val_if_fail (error != NULL, FALSE);

  /* The first numbers of the message, in order: the position is built again from them
   * and must be where the message starts (whatever the language). */
  for (p = error->message; *p != '\0' && n < G_N_ELEMENTS (numbers); )
    {
      char *end;
      guint64 value;

      if (!g_ascii_isdigit (*p))
        {
          p++;
          continue;
        }
      value = g_ascii_strtoull (p, &end, 10);
      if (value > G_MAXUINT)
        return FALSE;
      numbers[n++] = (guint) value;
      p = end;
    }
  for (guint k = 1; k <= n; k++)
    {
      guint column = k == 2 ? numbers[1] : 0;
      g_autofree char *position = NULL;

      if (k == 2 && column == 0)
        break;
      position = sc_csv_format_position (numbers[0], column);
      if (g_str_has_prefix (error->message, position))
        {
          if (out_line != NULL)
            *out_line = numbers[0];
          if (out_column != NULL)
            *out_column = column;
          if (out_rest != NULL)
            *out_rest = error->message + strlen (position);
          return TRUE;
        }
    }
  return FALSE;
}

typedef struct
{
  char  *data;
  gsize  len;
} Field;

struct _ScCsvReader
{
  char          *buffer;       /* decoded UTF-8, NUL-terminated, unquoted in place */
  gsize          length;
  gsize          pos;
  guint          line;         /* line of the next unread byte */
  guint          record_line;
  ScCsvEncoding  encoding;
  GArray        *fields;       /* Field */
};

static guint
line_of_offset (const char *data,
                gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    line += data[i] == '\n';
  return line;
}

/* Whether bytes that are not valid UTF-8 are the exception in @bytes: more well-formed
 * multi-byte UTF-8 characters than invalid bytes. Text in CP932 decodes as UTF-8 only
 * by chance (a half-width katakana pair, now and then a kanji followed by a symbol),
 * so nearly every one of its non-ASCII bytes counts as invalid; a UTF-8 file with one
 * stray byte has one invalid byte and, when it holds any Japanese, many characters. */
static gboolean
mostly_utf8 (const char *bytes,
             gsize       len)
{
  gsize n_multibyte = 0, n_invalid = 0;
  gsize i = 0;

  while (i < len)
    {
      gunichar c;

      if ((guchar) bytes[i] < 0x80)
        {
          i++;
          continue;
        }
      c = g_utf8_get_char_validated (bytes + i, (gssize) MIN (len - i, 4));
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          n_invalid++;
          i++;
        }
      else
        {
          n_multibyte++;
          i += (gsize) g_utf8_skip[(guchar) bytes[i]];
        }
    }
  return n_invalid > 0 && n_multibyte > n_invalid;
}

ScCsvReader *
sc_csv_reader_new (GBytes  *data,
                   GError **error)
{
  g_autoptr(ScCsvReader) reader = NULL;
  const char *bytes;
  gsize len;
  const char *end = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  bytes = g_bytes_get_data (data, &len);
  reader = g_new0 (ScCsvReader, 1);
  reader->fields = g_array_sized_new (FALSE, FALSE, sizeof (Field), 16);
  reader->line = 1;

  if (len >= 2 && (((guchar) bytes[0] == 0xff && (guchar) bytes[1] == 0xfe)
                   || ((guchar) bytes[0] == 0xfe && (guchar) bytes[1] == 0xff)))
    {
      g_set_error_literal (error, SC_CSV_ERROR, SC_CSV_ERROR_ENCODING,
                           _("The file is in UTF-16. Save it as “CSV UTF-8” or “CSV (comma "
                             "delimited)” and try again."));
      return NULL;
    }

  if (len >= 3 && memcmp (bytes, "\xef\xbb\xbf", 3) == 0)
    {
      bytes += 3;
      len -= 3;
      reader->encoding = SC_CSV_ENCODING_UTF8_BOM;
      if (!g_utf8_validate_len (bytes, len, &end))
        {
          set_error_at (error, SC_CSV_ERROR_ENCODING,
                        line_of_offset (bytes, (gsize) (end - bytes)), 0, "%s",
                        _("the file starts as UTF-8 but contains bytes that are not UTF-8"));
          return NULL;
        }
    }
  else if (g_utf8_validate_len (bytes, len, &end))
    {
      reader->encoding = SC_CSV_ENCODING_UTF8;
    }
  else if (mostly_utf8 (bytes, len))
    {
      /* A UTF-8 file with a stray byte (a cut character, a paste from elsewhere): read
       * as CP932, every row would fail with mojibake. Name the line instead. */
      set_error_at (error, SC_CSV_ERROR_ENCODING,
                    line_of_offset (bytes, (gsize) (end - bytes)), 0, "%s",
                    _("not valid UTF-8 (the file is neither UTF-8 nor Shift_JIS throughout, "
                      "but mostly UTF-8): correct this line and save the file as UTF-8 "
                      "again"));
      return NULL;
    }
  else
    {
      g_autoptr(GError) local_error = NULL;
      gsize written = 0;
      char *converted;

      converted = g_convert (bytes, (gssize) len, "UTF-8", "CP932", NULL, &written, &local_error);
      if (converted == NULL)
        {
          set_error_at (error, SC_CSV_ERROR_ENCODING,
                        line_of_offset (bytes, (gsize) (end - bytes)), 0, "%s",
                        _("the file is neither UTF-8 nor Shift_JIS (CP932); save it from "
                          "the spreadsheet as CSV and try again"));
          return NULL;
        }
      reader->encoding = SC_CSV_ENCODING_CP932;
      reader->buffer = converted;
      reader->length = written;
    }

  if (reader->buffer == NULL)
    {
      reader->buffer = g_malloc (len + 1);
      /* An empty GBytes may hand out NULL, which memcpy must not see. */
      if (len > 0)
        memcpy (reader->buffer, bytes, len);
      reader->buffer[len] = '\0';
      reader->length = len;
    }

  if (memchr (reader->buffer, '\0', reader->length) != NULL)
    {
      set_error_at (error, SC_CSV_ERROR_ENCODING,
                    line_of_offset (reader->buffer,
                                    (gsize) ((const char *) memchr (reader->buffer, '\0',
                                                                    reader->length)
                                             - reader->buffer)), 0, "%s",
                    _("the file contains a NUL byte; it is not a text CSV file"));
      return NULL;
    }

  return g_steal_pointer (&reader);
}

ScCsvReader *
sc_csv_reader_new_for_path (const char *path,
                            GError    **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (strcmp (path, "-") == 0)
    {
      GByteArray *array = g_byte_array_new ();
      guint8 chunk[65536];

      for (;;)
        {
          gssize n = read (STDIN_FILENO, chunk, sizeof chunk);

          if (n == 0)
            break;
          if (n < 0)
            {
              int saved_errno = errno;

              if (saved_errno == EINTR)
                continue;
              g_byte_array_unref (array);
              g_set_error (error, SC_CSV_ERROR, SC_CSV_ERROR_READ,
                           _("Could not read standard input: %s"), g_strerror (saved_errno));
              return NULL;
            }
          g_byte_array_append (array, chunk, (guint) n);
        }
      bytes = g_byte_array_free_to_bytes (array);
    }
  else
    {
      char *contents = NULL;
      gsize len = 0;
      g_autoptr(GError) local_error = NULL;

      if (!g_file_get_contents (path, &contents, &len, &local_error))
        {
          g_set_error (error, SC_CSV_ERROR, SC_CSV_ERROR_READ, "%s", local_error->message);
          return NULL;
        }
      bytes = g_bytes_new_take (contents, len);
    }

  return sc_csv_reader_new (bytes, error);
}

void
sc_csv_reader_free (ScCsvReader *reader)
{
  if (reader == NULL)
    return;
  g_free (reader->buffer);
  g_array_unref (reader->fields);
  g_free (reader);
}

ScCsvEncoding
sc_csv_reader_get_encoding (ScCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, SC_CSV_ENCODING_UTF8);
  return reader->encoding;
}

/* Parses one record starting at reader->pos. Returns FALSE at the end of input. */
static gboolean
parse_record (ScCsvReader *reader,
              GError     **error)
{
  char *p = reader->buffer + reader->pos;
  char *end = reader->buffer + reader->length;

  g_array_set_size (reader->fields, 0);
  if (p >= end)
    return FALSE;

  reader->record_line = reader->line;

  for (;;)
    {
      Field field;

      if (p < end && *p == '"')
        {
          /* Quoted field: unquote in place, "" stands for one quote. */
          char *out = p;
          guint open_line = reader->line;
          guint column = reader->fields->len + 1;

          field.data = out;
          p++;
          for (;;)
            {
              if (p >= end)
                {
                  set_error_at (error, SC_CSV_ERROR_SYNTAX, open_line, column, "%s",
                                _("a quoted field is never closed"));
                  return FALSE;
                }
              if (*p == '"')
                {
                  if (p + 1 < end && p[1] == '"')
                    {
                      *out++ = '"';
                      p += 2;
                      continue;
                    }
                  p++;
                  break;
                }
              if (*p == '\n')
                reader->line++;
              *out++ = *p++;
            }
          field.len = (gsize) (out - field.data);
          if (p < end && *p != ',' && *p != '\n' && *p != '\r')
            {
              set_error_at (error, SC_CSV_ERROR_SYNTAX, reader->line, column, "%s",
                            _("unexpected text after a closing quote"));
              return FALSE;
            }
        }
      else
        {
          char *q = p;

          while (q < end && *q != ',' && *q != '\n' && *q != '\r')
            q++;
          field.data = p;
          field.len = (gsize) (q - p);
          p = q;
        }

      g_array_append_val (reader->fields, field);

      if (p >= end)
        break;
      if (*p == ',')
        {
          p++;
          continue;
        }
      /* End of line: \n, \r\n or a lone \r. */
      if (*p == '\r')
        {
          *p = '\0';
          p++;
          if (p < end && *p == '\n')
            p++;
        }
      else
        {
          *p = '\0';
          p++;
        }
      reader->line++;
      break;
    }

  /* The last field of the input may run to the end of the buffer, which already
   * holds a NUL; quoted fields that shrank need their own terminator. */
  for (guint i = 0; i < reader->fields->len; i++)
    {
      Field *f = &g_array_index (reader->fields, Field, i);
      f->data[f->len] = '\0';
    }

  reader->pos = (gsize) (p - reader->buffer);
  return TRUE;
}

static gboolean
record_is_blank (ScCsvReader *reader)
{
  for (guint i = 0; i < reader->fields->len; i++)
    {
      const Field *f = &g_array_index (reader->fields, Field, i);

      for (gsize k = 0; k < f->len; k++)
        if (f->data[k] != ' ' && f->data[k] != '\t')
          return FALSE;
    }
  return TRUE;
}

gboolean
sc_csv_reader_next (ScCsvReader *reader,
                    GError     **error)
{
  g_return_val_if_fail (reader != NULL, FALSE);

  for (;;)
    {
      if (!parse_record (reader, error))
        {
          g_array_set_size (reader->fields, 0);
          return FALSE;
        }
      if (!record_is_blank (reader))
        return TRUE;
    }
}

guint
sc_csv_reader_n_fields (ScCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);
  return reader->fields->len;
}

const char *
sc_csv_reader_field (ScCsvReader *reader,
                     guint        index,
                     gsize       *len)
{
  const Field *f;

  g_return_val_if_fail (reader != NULL, "");

  if (index >= reader->fields->len)
    {
      if (len)
        *len = 0;
      return "";
    }
  f = &g_array_index (reader->fields, Field, index);
  if (len)
    *len = f->len;
  return f->data;
}

guint
sc_csv_reader_line (ScCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);
  return reader->record_line;
}

int
sc_csv_reader_find_column (ScCsvReader        *reader,
                           const char * const *names)
{
  g_return_val_if_fail (reader != NULL, -1);
  g_return_val_if_fail (names != NULL, -1);

  for (guint i = 0; i < reader->fields->len; i++)
    {
      const Field *f = &g_array_index (reader->fields, Field, i);
      const char *s = f->data;
      gsize n = f->len;

      while (n > 0 && (*s == ' ' || *s == '\t'))
        s++, n--;
      while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;

      for (guint k = 0; names[k] != NULL; k++)
        if (strlen (names[k]) == n && g_ascii_strncasecmp (names[k], s, n) == 0)
          return (int) i;
    }
  return -1;
}
