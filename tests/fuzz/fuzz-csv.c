/* fuzz-csv.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target for the CSV reader: any bytes a person might bring (a roster or a
 * questionnaire export) must give either records or a GError, never a crash, and every
 * field must come out as NUL-terminated, valid UTF-8 of the length the reader reports.
 */
#define G_LOG_DOMAIN "fuzz-csv"

#include "config.h"

#include "sc-csv.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
check_record (ScCsvReader *reader)
{
  static const char * const names[] = { "id", "sex", "answers", NULL };
  guint n_fields = sc_csv_reader_n_fields (reader);
  int column;

  for (guint i = 0; i <= n_fields; i++)
    {
      gsize len = G_MAXSIZE;
      const char *field = sc_csv_reader_field (reader, i, &len);

      if (field == NULL || len == G_MAXSIZE || field[len] != '\0'
          || memchr (field, '\0', len) != NULL || !g_utf8_validate (field, (gssize) len, NULL))
        abort ();
      /* Past the last field the reader promises an empty string. */
      if (i == n_fields && len != 0)
        abort ();
    }

  column = sc_csv_reader_find_column (reader, names);
  if (column < -1 || column >= (int) n_fields)
    abort ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScCsvReader) reader = NULL;
  guint last_line = 0;

  reader = sc_csv_reader_new (bytes, &error);
  if (reader == NULL)
    {
      /* A refusal must say why, in words a person can act on. */
      if (error == NULL || error->domain != SC_CSV_ERROR || error->message[0] == '\0')
        abort ();
      return 0;
    }

  while (sc_csv_reader_next (reader, &error))
    {
      guint line = sc_csv_reader_line (reader);

      /* Lines are 1-based and records come in file order. */
      if (line < 1 || line <= last_line)
        abort ();
      last_line = line;
      check_record (reader);
    }

  if (error != NULL && (error->domain != SC_CSV_ERROR || error->message[0] == '\0'))
    abort ();
  return 0;
}
