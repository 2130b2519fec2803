/* test-csv.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The CSV reader with the files people actually bring: BOM, Shift_JIS (CP932) as Excel
 * writes it, CRLF, quotes with commas, quotes and newlines inside, blank lines, and the
 * broken ones, whose errors must name the line.
 */
#include "config.h"

#include "sc-csv.h"

#include <string.h>

static ScCsvReader *
reader_for (const char *text,
            gssize      len,
            GError    **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, len < 0 ? strlen (text) : (gsize) len);

  return sc_csv_reader_new (bytes, error);
}

static void
assert_record (ScCsvReader *reader,
               guint        line,
               const char  *joined)
{
  g_auto(GStrv) want = g_strsplit (joined, "|", -1);
  g_autoptr(GError) error = NULL;

  g_assert_true (sc_csv_reader_next (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sc_csv_reader_line (reader), ==, line);
  g_assert_cmpuint (sc_csv_reader_n_fields (reader), ==, g_strv_length (want));
  for (guint i = 0; want[i]; i++)
    {
      gsize len;
      const char *field = sc_csv_reader_field (reader, i, &len);

      g_assert_cmpstr (field, ==, want[i]);
      g_assert_cmpuint (len, ==, strlen (want[i]));
    }
}

static void
assert_end (ScCsvReader *reader)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (sc_csv_reader_next (reader, &error));
  g_assert_no_error (error);
  /* Stays at the end. */
  g_assert_false (sc_csv_reader_next (reader, &error));
  g_assert_no_error (error);
}

static void
test_plain_lf_and_crlf (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScCsvReader) lf = reader_for ("id,sex,answers\na,M,1\nb,F,2", -1, &error);
  g_autoptr(ScCsvReader) crlf = NULL;
  g_autoptr(ScCsvReader) cr = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (sc_csv_reader_get_encoding (lf), ==, SC_CSV_ENCODING_UTF8);
  assert_record (lf, 1, "id|sex|answers");
  assert_record (lf, 2, "a|M|1");
  assert_record (lf, 3, "b|F|2");
  assert_end (lf);

  crlf = reader_for ("id,sex\r\na,M\r\nb,F\r\n", -1, &error);
  g_assert_no_error (error);
  assert_record (crlf, 1, "id|sex");
  assert_record (crlf, 2, "a|M");
  assert_record (crlf, 3, "b|F");
  assert_end (crlf);

  /* Old Mac line ends. */
  cr = reader_for ("id,sex\ra,M\r", -1, &error);
  g_assert_no_error (error);
  assert_record (cr, 1, "id|sex");
  assert_record (cr, 2, "a|M");
  assert_end (cr);
}

static void
test_bom (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScCsvReader) r = reader_for ("\xef\xbb\xbfid,氏名\r\n1,山田 太郎\r\n", -1, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sc_csv_reader_get_encoding (r), ==, SC_CSV_ENCODING_UTF8_BOM);
  /* The BOM is not part of the first header name. */
  assert_record (r, 1, "id|氏名");
  g_assert_cmpint (sc_csv_reader_find_column (r, (const char *[]) { "ID", NULL }), ==, 0);
  assert_record (r, 2, "1|山田 太郎");
  assert_end (r);
}

static void
test_cp932 (void)
{
  const char *utf8 = "社員番号,氏名,性別\r\n001,髙橋 ①子,女\r\n002,渡邉 一郎,男\r\n";
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  g_autofree char *sjis = g_convert (utf8, -1, "CP932", "UTF-8", NULL, &len, &error);
  g_autoptr(ScCsvReader) r = NULL;

  g_assert_no_error (error);
  /* It really is not UTF-8, so the reader must detect and convert it. */
  g_assert_false (g_utf8_validate (sjis, (gssize) len, NULL));

  r = reader_for (sjis, (gssize) len, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_csv_reader_get_encoding (r), ==, SC_CSV_ENCODING_CP932);
  assert_record (r, 1, "社員番号|氏名|性別");
  assert_record (r, 2, "001|髙橋 ①子|女");
  assert_record (r, 3, "002|渡邉 一郎|男");
  assert_end (r);
}

static void
test_quotes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScCsvReader) r =
    reader_for ("id,note,x\n\"a,1\",\"He said \"\"hi\"\"\",\"\"\n\"multi\nline\",b,\"c\"\nlast,\"\",end", -1,
                &error);

  g_assert_no_error (error);
  assert_record (r, 1, "id|note|x");
  assert_record (r, 2, "a,1|He said \"hi\"|");
  /* A newline inside quotes belongs to the field; the next record's line counts it. */
  assert_record (r, 3, "multi\nline|b|c");
  assert_record (r, 5, "last||end");
  assert_end (r);
}

static void
test_blank_lines (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScCsvReader) r = reader_for ("\n\nid,sex\n\n,,\n  ,\t\na,M\n\n", -1, &error);

  g_assert_no_error (error);
  assert_record (r, 3, "id|sex");
  assert_record (r, 7, "a|M");
  assert_end (r);
}

static void
test_empty_fields (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScCsvReader) r = reader_for ("a,,c,\n", -1, &error);

  g_assert_no_error (error);
  assert_record (r, 1, "a||c|");
  g_assert_cmpstr (sc_csv_reader_field (r, 9, NULL), ==, "");
  assert_end (r);
}

static void
test_syntax_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScCsvReader) r = reader_for ("id,sex\na,M\nb,\"F\nc,M\n", -1, &error);
  g_autoptr(ScCsvReader) r2 = NULL;

  g_assert_no_error (error);
  assert_record (r, 1, "id|sex");
  assert_record (r, 2, "a|M");
  g_assert_false (sc_csv_reader_next (r, &error));
  g_assert_error (error, SC_CSV_ERROR, SC_CSV_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "line 3, column 2"));
  g_assert_nonnull (strstr (error->message, "never closed"));
  g_clear_error (&error);

  r2 = reader_for ("id,sex\n\"a\"x,M\n", -1, &error);
  g_assert_no_error (error);
  assert_record (r2, 1, "id|sex");
  g_assert_false (sc_csv_reader_next (r2, &error));
  g_assert_error (error, SC_CSV_ERROR, SC_CSV_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "line 2, column 1"));
}

static void
test_encoding_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScCsvReader) r = NULL;

  /* UTF-16 with a BOM, as "Unicode text" exports are. */
  r = reader_for ("\xff\xfei\0d\0", 6, &error);
  g_assert_null (r);
  g_assert_error (error, SC_CSV_ERROR, SC_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "UTF-16"));
  g_clear_error (&error);

  /* A BOM promises UTF-8; a broken sequence on line 3 is named. */
  r = reader_for ("\xef\xbb\xbfid\na\nb\xc3(\n", -1, &error);
  g_assert_null (r);
  g_assert_error (error, SC_CSV_ERROR, SC_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "line 3"));
  g_clear_error (&error);

  /* Bytes that are neither UTF-8 nor CP932 (0x80 alone, 0xa0 and 0xfd-0xff are unassigned). */
  r = reader_for ("id\n1\n\xfd\xfe\n", -1, &error);
  g_assert_null (r);
  g_assert_error (error, SC_CSV_ERROR, SC_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "line 3"));
  g_clear_error (&error);

  /* A NUL byte: a binary file, not a CSV. */
  r = reader_for ("id\n1\0\n", 6, &error);
  g_assert_null (r);
  g_assert_error (error, SC_CSV_ERROR, SC_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "line 2"));
}

static void
test_empty_input (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr(ScCsvReader) r = sc_csv_reader_new (empty, &error);

  /* An empty file is a valid, empty CSV: no record, no error. */
  g_assert_no_error (error);
  g_assert_nonnull (r);
  assert_end (r);
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScCsvReader) r = sc_csv_reader_new_for_path ("/nonexistent/roster.csv", &error);

  g_assert_null (r);
  g_assert_error (error, SC_CSV_ERROR, SC_CSV_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "roster.csv"));
}

static void
test_find_column (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScCsvReader) r = reader_for (" Answers ,SEX,id, 性別 \n", -1, &error);

  g_assert_true (sc_csv_reader_next (r, &error));
  g_assert_cmpint (sc_csv_reader_find_column (r, (const char *[]) { "answers", NULL }), ==, 0);
  g_assert_cmpint (sc_csv_reader_find_column (r, (const char *[]) { "sex", NULL }), ==, 1);
  g_assert_cmpint (sc_csv_reader_find_column (r, (const char *[]) { "性別", NULL }), ==, 3);
  g_assert_cmpint (sc_csv_reader_find_column (r, (const char *[]) { "group", "部署", NULL }), ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/lf-crlf-cr", test_plain_lf_and_crlf);
  g_test_add_func ("/csv/bom", test_bom);
  g_test_add_func ("/csv/cp932", test_cp932);
  g_test_add_func ("/csv/quotes", test_quotes);
  g_test_add_func ("/csv/blank-lines", test_blank_lines);
  g_test_add_func ("/csv/empty-fields", test_empty_fields);
  g_test_add_func ("/csv/syntax-errors", test_syntax_errors);
  g_test_add_func ("/csv/encoding-errors", test_encoding_errors);
  g_test_add_func ("/csv/empty-input", test_empty_input);
  g_test_add_func ("/csv/missing-file", test_missing_file);
  g_test_add_func ("/csv/find-column", test_find_column);

  return g_test_run ();
}
