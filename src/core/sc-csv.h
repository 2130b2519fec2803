/* sc-csv.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A strict CSV reader for the files people bring: UTF-8 with or without a BOM, or
 * Shift_JIS (CP932) as Excel in Japan writes it; CRLF or LF; RFC 4180 quoting.
 * Every error names the line (and where it makes sense the column) so that a person
 * can find it in a spreadsheet.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SC_CSV_ERROR (sc_csv_error_quark ())

typedef enum
{
  SC_CSV_ERROR_ENCODING,      /* not UTF-8 and not CP932, or UTF-16 */
  SC_CSV_ERROR_SYNTAX,        /* an unclosed quote, text after a closing quote */
  SC_CSV_ERROR_EMPTY,         /* no header line */
  SC_CSV_ERROR_HEADER,        /* a required column is missing or named twice */
  SC_CSV_ERROR_READ,          /* the file could not be read */
} ScCsvError;

typedef enum
{
  SC_CSV_ENCODING_UTF8,
  SC_CSV_ENCODING_UTF8_BOM,
  SC_CSV_ENCODING_CP932,
} ScCsvEncoding;

typedef struct _ScCsvReader ScCsvReader;

GQuark         sc_csv_error_quark        (void);

/* Decodes @data (any of the accepted encodings) into UTF-8; the reader keeps a copy. */
ScCsvReader   *sc_csv_reader_new         (GBytes       *data,
                                          GError      **error);

/* Reads a whole file, or standard input when @path is "-". */
ScCsvReader   *sc_csv_reader_new_for_path (const char  *path,
                                           GError     **error);

void           sc_csv_reader_free        (ScCsvReader  *reader);

ScCsvEncoding  sc_csv_reader_get_encoding (ScCsvReader *reader);

/**
 * sc_csv_reader_next:
 * Moves to the next record, skipping blank lines (and lines whose fields are all
 * empty, as spreadsheets write them).
 *
 * Returns: %TRUE when a record was read; %FALSE at the end (@error unset) or on a
 *   syntax error (@error set: nothing after it can be trusted).
 */
gboolean       sc_csv_reader_next        (ScCsvReader  *reader,
                                          GError      **error);

guint          sc_csv_reader_n_fields    (ScCsvReader  *reader);

/* Field @index of the current record as NUL-terminated UTF-8 ("" when past the end). */
const char    *sc_csv_reader_field       (ScCsvReader  *reader,
                                          guint         index,
                                          gsize        *len);

/* The 1-based line on which the current record starts. */
guint          sc_csv_reader_line        (ScCsvReader  *reader);

/**
 * sc_csv_reader_find_column:
 * In the current record (the header), the index of the first field equal to one of
 * @names (NULL-terminated), compared case-insensitively after trimming blanks.
 *
 * Returns: the index, or -1.
 */
int            sc_csv_reader_find_column (ScCsvReader        *reader,
                                          const char * const *names);

/* (transfer full) "line N: " (@column 0) or "line N, column M: " in the user's language:
 * how the reader's messages begin when they name a place in the file. */
char          *sc_csv_format_position    (guint               line,
                                          guint               column);

/**
 * sc_csv_error_split:
 * Splits a message of the reader that begins with sc_csv_format_position() into the line,
 * the column (0 when it names none) and the rest, borrowed from @error.
 *
 * Returns: %FALSE when the message names no place in the file.
 */
gboolean       sc_csv_error_split        (const GError       *error,
                                          guint              *out_line,
                                          guint              *out_column,
                                          const char        **out_rest);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScCsvReader, sc_csv_reader_free)

G_END_DECLS
