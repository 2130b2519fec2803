/* test-roster.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Roster import: the files HR brings (UTF-8, UTF-8 with BOM, Shift_JIS as Excel in
 * Japan saves it; Japanese or English headers in any order) give exactly the
 * employees in them; a file with problems gives nothing but a list of every problem
 * with its line and column; a re-import says who was added, changed and left out.
 */
#include "config.h"

#include "sc-roster.h"

#include <string.h>

/* Birth dates are checked against this day, not the clock. */
static GDate today;

/* 髙 and 﨑 exist only in CP932 (not in plain Shift_JIS): exactly the names that break
 * an importer that reads Excel's files as Shift_JIS. */
static const char roster_ja[] =
  "社員番号,氏名,ふりがな,性別,生年月日,部署,職種,役職,雇用形態\n"
  "A001,山田　太郎,やまだ　たろう,男,1985/04/02,総務部,事務,課長,正社員\n"
  "A002,髙橋 花子,たかはし はなこ,女,昭和60年4月2日,営業部,営業,,契約社員\n"
  "A003,山﨑 次郎,,M,H1.1.8,製造部,技能,主任,パート\n";

typedef struct
{
  const char *number;
  const char *name;
  const char *kana;
  ScSex       sex;
  const char *birth_date;
  const char *department;
  const char *job_type;
  const char *position;
  const char *employment_type;
  gboolean    active;
} Expected;

static const Expected expected_ja[] = {
  { "A001", "山田　太郎", "やまだ　たろう", SC_SEX_MALE, "1985-04-02", "総務部", "事務", "課長",
    "正社員", TRUE },
  { "A002", "髙橋 花子", "たかはし はなこ", SC_SEX_FEMALE, "1985-04-02", "営業部", "営業", NULL,
    "契約社員", TRUE },
  { "A003", "山﨑 次郎", NULL, SC_SEX_MALE, "1989-01-08", "製造部", "技能", "主任", "パート",
    TRUE },
};

static GBytes *
bytes_of (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static GBytes *
bytes_with_bom (const char *text)
{
  GByteArray *array = g_byte_array_new ();

  g_byte_array_append (array, (const guint8 *) "\xef\xbb\xbf", 3);
  g_byte_array_append (array, (const guint8 *) text, (guint) strlen (text));
  return g_byte_array_free_to_bytes (array);
}

/* The text as Excel saves "CSV (comma delimited)" on a Japanese Windows: CP932, CRLF. */
static GBytes *
bytes_as_cp932 (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *crlf = NULL;
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  char *converted;
  gsize written = 0;

  crlf = g_strjoinv ("\r\n", lines);
  converted = g_convert (crlf, -1, "CP932", "UTF-8", NULL, &written, &error);
  g_assert_no_error (error);
  g_assert_nonnull (converted);
  /* It really is not UTF-8 any more. */
  g_assert_false (g_utf8_validate (converted, (gssize) written, NULL));
  return g_bytes_new_take (converted, written);
}

static ScRoster *
parse_ok (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *problems = (GPtrArray *) 0x1;   /* must be reset to NULL on success */
  ScRoster *roster;

  roster = sc_roster_parse (bytes, &today, &problems, &error);
  if (roster == NULL)
    g_error ("the roster should parse: %s", error->message);
  g_assert_no_error (error);
  g_assert_null (problems);
  return roster;
}

static ScRoster *
parse_text_ok (const char *text)
{
  g_autoptr(GBytes) bytes = bytes_of (text);

  return parse_ok (bytes);
}

/* Parses a bad file and checks that nothing comes back but the problems. */
static GPtrArray *
parse_bytes_fail (GBytes  *bytes,
                  GError **out_error)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *problems = NULL;
  ScRoster *roster;

  roster = sc_roster_parse (bytes, &today, &problems, &error);
  g_assert_null (roster);
  g_assert_error (error, SC_ROSTER_ERROR, SC_ROSTER_ERROR_INVALID);
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, >, 0);

  /* Every problem is in the message (up to the listed maximum). */
  for (guint i = 0; i < MIN (problems->len, SC_ROSTER_MAX_LISTED_PROBLEMS); i++)
    {
      g_autofree char *text = sc_roster_problem_to_string (g_ptr_array_index (problems, i));

      if (strstr (error->message, text) == NULL)
        g_error ("problem “%s” is not in the message “%s”", text, error->message);
    }
  if (out_error != NULL)
    *out_error = g_steal_pointer (&error);
  return problems;
}

static GPtrArray *
parse_fail (const char *text,
            GError    **out_error)
{
  g_autoptr(GBytes) bytes = bytes_of (text);

  return parse_bytes_fail (bytes, out_error);
}

static void
assert_problem (GPtrArray     *problems,
                guint          index,
                ScRosterError  code,
                guint          line,
                guint          column,
                const char    *column_name,
                const char    *in_message)
{
  ScRosterProblem *problem;

  g_assert_cmpuint (index, <, problems->len);
  problem = g_ptr_array_index (problems, index);
  g_assert_cmpint (problem->code, ==, code);
  g_assert_cmpuint (problem->line, ==, line);
  g_assert_cmpuint (problem->column, ==, column);
  g_assert_cmpstr (problem->column_name, ==, column_name);
  if (in_message != NULL && strstr (problem->message, in_message) == NULL)
    g_error ("problem %u: “%s” lacks “%s”", index, problem->message, in_message);
}

/* Parses @text, expecting exactly one problem. */
static void
assert_single_problem (const char    *text,
                       ScRosterError  code,
                       guint          line,
                       guint          column,
                       const char    *column_name,
                       const char    *in_message)
{
  g_autoptr(GPtrArray) problems = parse_fail (text, NULL);

  if (problems->len != 1)
    {
      for (guint i = 0; i < problems->len; i++)
        {
          g_autofree char *s = sc_roster_problem_to_string (g_ptr_array_index (problems, i));
          g_printerr ("# %s\n", s);
        }
    }
  g_assert_cmpuint (problems->len, ==, 1);
  assert_problem (problems, 0, code, line, column, column_name, in_message);
}

static void
assert_employees (GPtrArray      *employees,
                  const Expected *expected,
                  guint           n_expected)
{
  g_assert_cmpuint (employees->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      const ScEmployee *e = g_ptr_array_index (employees, i);

      g_assert_cmpstr (e->number, ==, expected[i].number);
      g_assert_cmpstr (e->name, ==, expected[i].name);
      g_assert_cmpstr (e->kana, ==, expected[i].kana);
      g_assert_cmpint (e->sex, ==, expected[i].sex);
      g_assert_cmpstr (e->birth_date, ==, expected[i].birth_date);
      g_assert_cmpstr (e->department, ==, expected[i].department);
      g_assert_cmpstr (e->job_type, ==, expected[i].job_type);
      g_assert_cmpstr (e->position, ==, expected[i].position);
      g_assert_cmpstr (e->employment_type, ==, expected[i].employment_type);
      g_assert_cmpint (e->active, ==, expected[i].active);
    }
}

/* --- encodings ---------------------------------------------------------------- */

static void
test_utf8 (void)
{
  g_autoptr(ScRoster) roster = parse_text_ok (roster_ja);

  assert_employees (sc_roster_get_employees (roster), expected_ja, G_N_ELEMENTS (expected_ja));
  g_assert_cmpuint (sc_roster_get_warnings (roster)->len, ==, 0);
  g_assert_cmpint (sc_roster_get_encoding (roster), ==, SC_CSV_ENCODING_UTF8);
}

static void
test_utf8_bom (void)
{
  g_autoptr(GBytes) bytes = bytes_with_bom (roster_ja);
  g_autoptr(ScRoster) roster = parse_ok (bytes);

  /* The BOM must not stick to the first header, or 社員番号 would be "missing". */
  assert_employees (sc_roster_get_employees (roster), expected_ja, G_N_ELEMENTS (expected_ja));
  g_assert_cmpint (sc_roster_get_encoding (roster), ==, SC_CSV_ENCODING_UTF8_BOM);
}

static void
test_cp932 (void)
{
  g_autoptr(GBytes) bytes = bytes_as_cp932 (roster_ja);
  g_autoptr(ScRoster) roster = parse_ok (bytes);

  assert_employees (sc_roster_get_employees (roster), expected_ja, G_N_ELEMENTS (expected_ja));
  g_assert_cmpint (sc_roster_get_encoding (roster), ==, SC_CSV_ENCODING_CP932);
}

static void
test_cp932_errors_name_lines (void)
{
  g_autoptr(GBytes) bytes = bytes_as_cp932 ("社員番号,氏名,性別\n"
                                            "B001,佐藤 一郎,男\n"
                                            "B002,鈴木 二郎,不明\n");
  g_autoptr(GPtrArray) problems = parse_bytes_fail (bytes, NULL);

  g_assert_cmpuint (problems->len, ==, 1);
  assert_problem (problems, 0, SC_ROSTER_ERROR_BAD_SEX, 3, 3, "性別", "unknown sex “不明”");
}

/* --- headers ------------------------------------------------------------------ */

static void
test_english_headers (void)
{
  /* Other order, other case, spaces for underscores, blanks around. */
  g_autoptr(ScRoster) roster =
    parse_text_ok (" Sex ,Employee Number,NAME,kana,Department,Birth_Date,position,"
                   "employment-type,job_type\n"
                   "male,A001,山田　太郎,やまだ　たろう,総務部,1985-04-02,課長,正社員,事務\n"
                   "female,A002,髙橋 花子,たかはし はなこ,営業部,1985-4-2,,契約社員,営業\n"
                   "1,A003,山﨑 次郎,,製造部,19890108,主任,パート,技能\n");

  assert_employees (sc_roster_get_employees (roster), expected_ja, G_N_ELEMENTS (expected_ja));
}

static void
test_japanese_headers_other_order (void)
{
  g_autoptr(ScRoster) roster =
    parse_text_ok ("性別,役職,フリガナ,氏名,雇用形態,備考,社員番号,部署,生年月日,職種\n"
                   "男性,課長,やまだ　たろう,山田　太郎,正社員,メモ,A001,総務部,S60.4.2,事務\n"
                   "女性,,たかはし はなこ,髙橋 花子,契約社員,,A002,営業部,1985年4月2日,営業\n"
                   "男,主任,,山﨑 次郎,パート,,A003,製造部,平成元年1月8日,技能\n");
  GPtrArray *warnings = sc_roster_get_warnings (roster);

  assert_employees (sc_roster_get_employees (roster), expected_ja, G_N_ELEMENTS (expected_ja));

  /* The unknown column is ignored, and said so. */
  g_assert_cmpuint (warnings->len, ==, 1);
  assert_problem (warnings, 0, SC_ROSTER_ERROR_UNKNOWN_COLUMN, 1, 6, "備考", "ignored");
}

static void
test_header_aliases (void)
{
  static const char *const files[] = {
    "社員番号,氏名,かな,性別\nX1,山田,やまだ,男\n",
    "従業員番号,名前,カナ,性別\nX1,山田,やまだ,男\n",
    "employee_number,name,kana,gender\nX1,山田,やまだ,男\n",
    "employee_id,Name,Kana,SEX\nX1,山田,やまだ,男\n",
    "ＮＵＭＢＥＲ,ＮＡＭＥ,ｶﾅ,性別\nX1,山田,やまだ,男\n",       /* full- and half-width */
    "\"社員番号\",\"氏名\",\"ふりがな\",\"性別\"\nX1,山田,やまだ,男\n",  /* quoted */
    "　社員番号　,氏名 ,よみがな,性別\nX1,山田,やまだ,男\n",      /* ideographic spaces */
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(ScRoster) roster = parse_text_ok (files[i]);
      GPtrArray *employees = sc_roster_get_employees (roster);
      const ScEmployee *e;

      g_assert_cmpuint (employees->len, ==, 1);
      e = g_ptr_array_index (employees, 0);
      g_assert_cmpstr (e->number, ==, "X1");
      g_assert_cmpstr (e->name, ==, "山田");
      g_assert_cmpstr (e->kana, ==, "やまだ");
      g_assert_cmpint (e->sex, ==, SC_SEX_MALE);
      g_assert_cmpuint (sc_roster_get_warnings (roster)->len, ==, 0);
    }
}

static void
test_optional_columns_absent (void)
{
  g_autoptr(ScRoster) roster = parse_text_ok ("number,name,sex\nZ9,Jane Doe,F\n");
  const ScEmployee *e = g_ptr_array_index (sc_roster_get_employees (roster), 0);

  g_assert_cmpstr (e->number, ==, "Z9");
  g_assert_cmpstr (e->name, ==, "Jane Doe");
  g_assert_cmpint (e->sex, ==, SC_SEX_FEMALE);
  g_assert_null (e->kana);
  g_assert_null (e->birth_date);
  g_assert_null (e->department);
  g_assert_null (e->job_type);
  g_assert_null (e->position);
  g_assert_null (e->employment_type);
  g_assert_true (e->active);
}

static void
test_active_column (void)
{
  g_autoptr(ScRoster) roster =
    parse_text_ok ("社員番号,氏名,性別,在籍\n"
                   "1,a,M,1\n2,b,M,0\n3,c,F,在籍\n4,d,F,退職\n5,e,M,\n6,f,F,yes\n7,g,F,FALSE\n"
                   "8,h,M,○\n9,i,M,×\n10,j,M,１\n");
  static const gboolean active[] = { TRUE, FALSE, TRUE, FALSE, TRUE, TRUE, FALSE, TRUE, FALSE,
                                     TRUE };
  GPtrArray *employees = sc_roster_get_employees (roster);

  g_assert_cmpuint (employees->len, ==, G_N_ELEMENTS (active));
  for (guint i = 0; i < employees->len; i++)
    {
      const ScEmployee *e = g_ptr_array_index (employees, i);
      g_assert_cmpint (e->active, ==, active[i]);
    }
}

/* Values are trimmed and folded the way a kiosk login and a comparison need them. */
static void
test_value_normalisation (void)
{
  g_autoptr(ScRoster) roster =
    parse_text_ok ("社員番号,氏名,フリガナ,性別,部署\n"
                   "０１２３,　山田　太郎　,ﾔﾏﾀﾞ ﾀﾛｳ,Ｍ, 総務部 \n"
                   "\"A-9\",\"Smith, John\",,ｆｅｍａｌｅ,\"Sales \"\"East\"\"\"\n"
                   "B7,b,ﾔﾏﾀﾞ　ﾀﾛｳ,F,\n");
  GPtrArray *employees = sc_roster_get_employees (roster);
  const ScEmployee *e;

  g_assert_cmpuint (employees->len, ==, 3);
  e = g_ptr_array_index (employees, 0);
  g_assert_cmpstr (e->number, ==, "0123");          /* full-width digits folded */
  g_assert_cmpstr (e->name, ==, "山田　太郎");       /* trimmed, inner space kept */
  g_assert_cmpstr (e->kana, ==, "ヤマダ タロウ");    /* half-width kana folded */
  g_assert_cmpint (e->sex, ==, SC_SEX_MALE);
  g_assert_cmpstr (e->department, ==, "総務部");
  e = g_ptr_array_index (employees, 1);
  g_assert_cmpstr (e->number, ==, "A-9");
  g_assert_cmpstr (e->name, ==, "Smith, John");
  g_assert_null (e->kana);
  g_assert_cmpint (e->sex, ==, SC_SEX_FEMALE);
  g_assert_cmpstr (e->department, ==, "Sales \"East\"");
  e = g_ptr_array_index (employees, 2);
  g_assert_cmpstr (e->kana, ==, "ヤマダ　タロウ");    /* the full-width space is kept */
  g_assert_null (e->department);
}

/* Blank lines, trailing empty fields and a missing final newline are how spreadsheets
 * write files; none of them is a problem. */
static void
test_spreadsheet_leftovers (void)
{
  g_autoptr(ScRoster) roster =
    parse_text_ok ("\n社員番号,氏名,性別,,\r\n"
                   "A1,a,M,,,,\r\n"
                   ",,,,\r\n"
                   "\r\n"
                   "A2,b,F");
  GPtrArray *employees = sc_roster_get_employees (roster);

  g_assert_cmpuint (employees->len, ==, 2);
  g_assert_cmpstr (((ScEmployee *) g_ptr_array_index (employees, 1))->number, ==, "A2");
  g_assert_cmpuint (sc_roster_get_warnings (roster)->len, ==, 0);
}

static void
test_unnamed_column_warning (void)
{
  g_autoptr(ScRoster) roster =
    parse_text_ok ("社員番号,氏名,,性別\nA1,a,note,M\nA2,b,more,F\n");
  GPtrArray *warnings = sc_roster_get_warnings (roster);

  g_assert_cmpuint (sc_roster_get_employees (roster)->len, ==, 2);
  g_assert_cmpuint (warnings->len, ==, 1);
  assert_problem (warnings, 0, SC_ROSTER_ERROR_UNKNOWN_COLUMN, 2, 3, NULL, "no name");
}

/* A header cell with a line break or a control character is shown on one line. */
static void
test_header_names_shown_on_one_line (void)
{
  g_autoptr(ScRoster) roster =
    parse_text_ok ("社員番号,氏名,性別,\"備\n考\"\nA1,a,M,x\n");
  GPtrArray *warnings = sc_roster_get_warnings (roster);
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_cmpuint (warnings->len, ==, 1);
  assert_problem (warnings, 0, SC_ROSTER_ERROR_UNKNOWN_COLUMN, 1, 4, "備\xef\xbf\xbd考",
                  "ignored");

  /* So is a value quoted in a message. */
  problems = parse_fail ("社員番号,氏名,性別\nA1,a,M,\"x\ny\"\n", NULL);
  g_assert_cmpuint (problems->len, ==, 1);
  assert_problem (problems, 0, SC_ROSTER_ERROR_EXTRA_FIELD, 2, 4, NULL,
                  "the value “x\xef\xbf\xbdy” is to the right");
}

/* --- errors, one kind at a time ---------------------------------------------- */

static void
test_error_missing_column (void)
{
  g_autoptr(GPtrArray) problems =
    parse_fail ("社員番号,氏名,生年月日\nA1,a,1985/4/2\n", NULL);

  g_assert_cmpuint (problems->len, ==, 1);
  assert_problem (problems, 0, SC_ROSTER_ERROR_MISSING_COLUMN, 1, 0, "性別",
                  "the required column 性別 (sex) is missing");

  g_clear_pointer (&problems, g_ptr_array_unref);
  /* Data instead of a header: all three required columns are named. */
  problems = parse_fail ("A1,山田,M\nA2,佐藤,F\n", NULL);
  g_assert_cmpuint (problems->len, ==, 3);
  assert_problem (problems, 0, SC_ROSTER_ERROR_MISSING_COLUMN, 1, 0, "社員番号", "(number)");
  assert_problem (problems, 1, SC_ROSTER_ERROR_MISSING_COLUMN, 1, 0, "氏名", "(name)");
  assert_problem (problems, 2, SC_ROSTER_ERROR_MISSING_COLUMN, 1, 0, "性別", "(sex)");
}

static void
test_error_duplicate_column (void)
{
  assert_single_problem ("社員番号,氏名,ふりがな,性別,フリガナ\nA1,a,あ,M,ア\n",
                         SC_ROSTER_ERROR_DUPLICATE_COLUMN, 1, 5, "フリガナ",
                         "column 3 (ふりがな) is already the ふりがな column");
}

static void
test_error_empty_field (void)
{
  g_autoptr(GPtrArray) problems =
    parse_fail ("社員番号,氏名,性別\nA1,a,M\n,b,F\nA3,　,F\nA4,d,\nA5,e\n", NULL);

  g_assert_cmpuint (problems->len, ==, 4);
  assert_problem (problems, 0, SC_ROSTER_ERROR_EMPTY_FIELD, 3, 1, "社員番号", "empty");
  assert_problem (problems, 1, SC_ROSTER_ERROR_EMPTY_FIELD, 4, 2, "氏名", "empty");
  assert_problem (problems, 2, SC_ROSTER_ERROR_EMPTY_FIELD, 5, 3, "性別", "empty");
  /* A short row: the missing field is empty too. */
  assert_problem (problems, 3, SC_ROSTER_ERROR_EMPTY_FIELD, 6, 3, "性別", "empty");
}

static void
test_error_unknown_sex (void)
{
  g_autoptr(GPtrArray) problems =
    parse_fail ("社員番号,氏名,ふりがな,性別\nA1,a,,M\nA2,b,,F\nA3,c,,M\nA4,d,,F\nA5,e,,M\n"
                "A6,f,,X\n", NULL);
  g_autofree char *text = NULL;

  g_assert_cmpuint (problems->len, ==, 1);
  assert_problem (problems, 0, SC_ROSTER_ERROR_BAD_SEX, 7, 4, "性別", NULL);
  /* The form the brief for the preview asks for, word for word. */
  text = sc_roster_problem_to_string (g_ptr_array_index (problems, 0));
  g_assert_true (g_str_has_prefix (text, "line 7, column 4 (性別): unknown sex “X”"));
}

static void
test_error_bad_date (void)
{
  g_autoptr(GPtrArray) problems =
    parse_fail ("社員番号,氏名,性別,生年月日\n"
                "A1,a,M,1985/2/30\n"
                "A2,b,F,平成31年5月1日\n"
                "A3,c,M,2030/1/1\n"
                "A4,d,F,1899/12/31\n"
                "A5,e,M,85/4/2\n"
                "A6,f,F,\n", NULL);

  g_assert_cmpuint (problems->len, ==, 5);
  assert_problem (problems, 0, SC_ROSTER_ERROR_BAD_DATE, 2, 4, "生年月日",
                  "“1985/2/30” is not a date: February 1985 has 28 days");
  assert_problem (problems, 1, SC_ROSTER_ERROR_BAD_DATE, 3, 4, "生年月日",
                  "平成 ran from 1989-01-08 to 2019-04-30");
  assert_problem (problems, 2, SC_ROSTER_ERROR_BAD_DATE, 4, 4, "生年月日", "in the future");
  assert_problem (problems, 3, SC_ROSTER_ERROR_BAD_DATE, 5, 4, "生年月日", "before 1900");
  assert_problem (problems, 4, SC_ROSTER_ERROR_BAD_DATE, 6, 4, "生年月日", "four digits");
}

static void
test_error_duplicate_number (void)
{
  g_autoptr(GPtrArray) problems =
    parse_fail ("社員番号,氏名,性別\n"
                "A1,a,M\n"
                "A2,b,F\n"
                "A1,c,M\n"
                "０１,d,F\n"
                "01,e,M\n", NULL);

  g_assert_cmpuint (problems->len, ==, 2);
  /* Both lines are named: the problem's own and the first one's. */
  assert_problem (problems, 0, SC_ROSTER_ERROR_DUPLICATE_NUMBER, 4, 1, "社員番号",
                  "the employee number “A1” is also on line 2");
  /* Full-width and half-width digits are the same number. */
  assert_problem (problems, 1, SC_ROSTER_ERROR_DUPLICATE_NUMBER, 6, 1, "社員番号",
                  "is also on line 5");
}

static void
test_error_bad_active (void)
{
  assert_single_problem ("社員番号,氏名,性別,在籍\nA1,a,M,1\nA2,b,F,maybe\n",
                         SC_ROSTER_ERROR_BAD_ACTIVE, 3, 4, "在籍", "unknown value “maybe”");
}

static void
test_error_extra_field (void)
{
  g_autoptr(GPtrArray) problems =
    parse_fail ("社員番号,氏名,性別\n"
                "A1,a,M,,\n"            /* empty extra fields are fine */
                "A2,b,F,,oops\n"
                "A3,c,M\n", NULL);

  g_assert_cmpuint (problems->len, ==, 1);
  assert_problem (problems, 0, SC_ROSTER_ERROR_EXTRA_FIELD, 3, 5, NULL,
                  "the value “oops” is to the right of the last column of the header (column 3)");
}

static void
test_error_bad_value (void)
{
  g_autofree char *long_name = g_strnfill (SC_ROSTER_MAX_TEXT_LENGTH + 1, 'x');
  g_autofree char *just_fits = g_strnfill (SC_ROSTER_MAX_TEXT_LENGTH, 'x');
  g_autofree char *too_long = g_strdup_printf ("社員番号,氏名,性別\nA1,%s,M\n", long_name);
  g_autofree char *fits = g_strdup_printf ("社員番号,氏名,性別\nA1,%s,M\n", just_fits);
  g_autoptr(ScRoster) roster = NULL;

  assert_single_problem (too_long, SC_ROSTER_ERROR_BAD_VALUE, 2, 2, "氏名",
                         "longer than 200 characters");
  roster = parse_text_ok (fits);
  g_assert_cmpuint (sc_roster_get_employees (roster)->len, ==, 1);

  /* A quoted line break is valid CSV but no name has one. */
  assert_single_problem ("社員番号,氏名,性別\nA1,\"山田\n太郎\",M\n",
                         SC_ROSTER_ERROR_BAD_VALUE, 2, 2, "氏名", "line break");
  assert_single_problem ("社員番号,氏名,性別\nA1,a\x01,M\n",
                         SC_ROSTER_ERROR_BAD_VALUE, 2, 2, "氏名", "control character (U+0001)");
}

/* A record spanning two lines: problems after it still name the right line. */
static void
test_lines_after_multiline_record (void)
{
  g_autoptr(GPtrArray) problems =
    parse_fail ("社員番号,氏名,性別,部署\nA1,a,M,\"総務\n部\"\nA2,b,?,x\n", NULL);

  g_assert_cmpuint (problems->len, ==, 2);
  assert_problem (problems, 0, SC_ROSTER_ERROR_BAD_VALUE, 2, 4, "部署", "line break");
  assert_problem (problems, 1, SC_ROSTER_ERROR_BAD_SEX, 4, 3, "性別", "unknown sex “?”");
}

static void
test_error_syntax (void)
{
  g_autoptr(GPtrArray) problems = NULL;

  /* The CSV reader's line and column become the problem's fields. */
  assert_single_problem ("社員番号,氏名,性別\nA1,a,M\nA2,\"b,F\nA3,c,M\n",
                         SC_ROSTER_ERROR_SYNTAX, 3, 2, "氏名", "never closed");
  assert_single_problem ("社員番号,氏名,性別\nA1,\"a\"x,M\n",
                         SC_ROSTER_ERROR_SYNTAX, 2, 2, "氏名", "after a closing quote");

  /* Problems before the syntax error are kept; nothing after it is read. */
  problems = parse_fail ("社員番号,氏名,性別\nA1,a,X\nA2,\"b\"x,M\nA3,c,Y\n", NULL);
  g_assert_cmpuint (problems->len, ==, 2);
  assert_problem (problems, 0, SC_ROSTER_ERROR_BAD_SEX, 2, 3, "性別", NULL);
  assert_problem (problems, 1, SC_ROSTER_ERROR_SYNTAX, 3, 2, "氏名", NULL);
}

static void
test_error_encoding (void)
{
#define STATIC_BYTES(s) g_bytes_new_static (s, sizeof s - 1)
  g_autoptr(GBytes) not_text = STATIC_BYTES ("社員番号,氏名,性別\nA1,\x80\x80,M\n");
  g_autoptr(GBytes) utf16 = STATIC_BYTES ("\xff\xfe" "A\0,\0");
  g_autoptr(GBytes) nul = STATIC_BYTES ("社員番号,氏名,性別\nA1,a\0b,M\n");
#undef STATIC_BYTES
  g_autoptr(GPtrArray) problems = NULL;

  problems = parse_bytes_fail (not_text, NULL);
  g_assert_cmpuint (problems->len, ==, 1);
  assert_problem (problems, 0, SC_ROSTER_ERROR_ENCODING, 2, 0, NULL, "neither UTF-8 nor");
  g_clear_pointer (&problems, g_ptr_array_unref);

  problems = parse_bytes_fail (utf16, NULL);
  g_assert_cmpuint (problems->len, ==, 1);
  assert_problem (problems, 0, SC_ROSTER_ERROR_ENCODING, 0, 0, NULL, "UTF-16");
  g_clear_pointer (&problems, g_ptr_array_unref);

  problems = parse_bytes_fail (nul, NULL);
  g_assert_cmpuint (problems->len, ==, 1);
  assert_problem (problems, 0, SC_ROSTER_ERROR_ENCODING, 2, 0, NULL, "NUL");
}

static void
test_error_empty (void)
{
  assert_single_problem ("", SC_ROSTER_ERROR_EMPTY, 0, 0, NULL, "the file is empty");
  assert_single_problem ("\n\n,,\n", SC_ROSTER_ERROR_EMPTY, 0, 0, NULL, "no header line");
  assert_single_problem ("社員番号,氏名,性別\n", SC_ROSTER_ERROR_EMPTY, 1, 0, NULL,
                         "no employees");
}

/* --- errors together ---------------------------------------------------------- */

static void
test_many_errors_at_once (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems =
    parse_fail ("社員番号,氏名,性別,生年月日,在籍\n"     /* 1 */
                "A1,山田,男,1985/4/2,1\n"                 /* 2 fine */
                "A2,佐藤,X,1985/4/2,1\n"                  /* 3 sex */
                "A3,,女,1985/2/30,1\n"                    /* 4 name, date */
                "A1,鈴木,男,1985/4/2,1\n"                 /* 5 duplicate */
                "A5,高橋,女,1985/4/2,?\n"                 /* 6 active */
                "A6,伊藤,男,1985/4/2,1,extra\n",          /* 7 extra */
                &error);

  g_assert_cmpuint (problems->len, ==, 6);
  assert_problem (problems, 0, SC_ROSTER_ERROR_BAD_SEX, 3, 3, "性別", "“X”");
  assert_problem (problems, 1, SC_ROSTER_ERROR_EMPTY_FIELD, 4, 2, "氏名", NULL);
  assert_problem (problems, 2, SC_ROSTER_ERROR_BAD_DATE, 4, 4, "生年月日", "“1985/2/30”");
  assert_problem (problems, 3, SC_ROSTER_ERROR_DUPLICATE_NUMBER, 5, 1, "社員番号", "line 2");
  assert_problem (problems, 4, SC_ROSTER_ERROR_BAD_ACTIVE, 6, 5, "在籍", "“?”");
  assert_problem (problems, 5, SC_ROSTER_ERROR_EXTRA_FIELD, 7, 6, NULL, "“extra”");

  g_assert_true (g_str_has_prefix (error->message,
                                   "The roster was not imported because of 6 problems:\n"));
  g_assert_nonnull (strstr (error->message, "line 3, column 3 (性別): unknown sex “X”"));
  g_assert_nonnull (strstr (error->message, "line 5, column 1 (社員番号): the employee number "
                                            "“A1” is also on line 2"));
  g_assert_null (strstr (error->message, "more"));
}

static void
test_header_and_row_errors_together (void)
{
  g_autoptr(GPtrArray) problems =
    parse_fail ("社員番号,氏名,フリガナ,カナ\nA1,a,あ,ア\nA1,b,い,イ\n", NULL);

  /* Missing 性別 does not hide the duplicate column or the duplicate number. */
  g_assert_cmpuint (problems->len, ==, 3);
  assert_problem (problems, 0, SC_ROSTER_ERROR_DUPLICATE_COLUMN, 1, 4, "カナ", NULL);
  assert_problem (problems, 1, SC_ROSTER_ERROR_MISSING_COLUMN, 1, 0, "性別", NULL);
  assert_problem (problems, 2, SC_ROSTER_ERROR_DUPLICATE_NUMBER, 3, 1, "社員番号", "line 2");
}

static void
test_message_lists_twenty (void)
{
  g_autoptr(GString) csv = g_string_new ("社員番号,氏名,性別\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  for (guint i = 0; i < 30; i++)
    g_string_append_printf (csv, "N%u,name,Q\n", i);
  problems = parse_fail (csv->str, &error);

  /* All 30 are in the list; the message shows 20 and counts the rest. */
  g_assert_cmpuint (problems->len, ==, 30);
  for (guint i = 0; i < 30; i++)
    assert_problem (problems, i, SC_ROSTER_ERROR_BAD_SEX, i + 2, 3, "性別", NULL);
  g_assert_nonnull (strstr (error->message, "line 21, column 3"));
  g_assert_null (strstr (error->message, "line 22, column 3"));
  g_assert_true (g_str_has_suffix (error->message, "\n… and 10 more"));
}

static void
test_problem_to_string (void)
{
  ScRosterProblem whole = { SC_ROSTER_ERROR_ENCODING, 0, 0, NULL, (char *) "bad file" };
  ScRosterProblem line = { SC_ROSTER_ERROR_EMPTY, 4, 0, NULL, (char *) "no employees" };
  ScRosterProblem named = { SC_ROSTER_ERROR_BAD_SEX, 7, 4, (char *) "性別", (char *) "x" };
  ScRosterProblem unnamed = { SC_ROSTER_ERROR_EXTRA_FIELD, 7, 9, NULL, (char *) "y" };
  g_autofree char *a = sc_roster_problem_to_string (&whole);
  g_autofree char *b = sc_roster_problem_to_string (&line);
  g_autofree char *c = sc_roster_problem_to_string (&named);
  g_autofree char *d = sc_roster_problem_to_string (&unnamed);

  g_assert_cmpstr (a, ==, "bad file");
  g_assert_cmpstr (b, ==, "line 4: no employees");
  g_assert_cmpstr (c, ==, "line 7, column 4 (性別): x");
  g_assert_cmpstr (d, ==, "line 7, column 9: y");
}

/* No problem list is needed to get the error, and none is left on success. */
static void
test_optional_out_problems (void)
{
  g_autoptr(GBytes) bad = bytes_of ("社員番号,氏名,性別\nA1,a,X\n");
  g_autoptr(GBytes) good = bytes_of ("社員番号,氏名,性別\nA1,a,M\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScRoster) roster = NULL;

  g_assert_null (sc_roster_parse (bad, &today, NULL, &error));
  g_assert_error (error, SC_ROSTER_ERROR, SC_ROSTER_ERROR_INVALID);
  g_assert_null (sc_roster_parse (bad, &today, NULL, NULL));

  roster = sc_roster_parse (good, NULL, NULL, NULL);
  g_assert_nonnull (roster);
  g_assert_cmpuint (sc_roster_get_employees (roster)->len, ==, 1);
}

static void
test_thousand_employees (void)
{
  g_autoptr(GString) csv = g_string_new ("社員番号,氏名,ふりがな,性別,生年月日,部署\n");
  g_autoptr(ScRoster) roster = NULL;
  GPtrArray *employees;

  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (csv, "E%04u,社員 %u,しゃいん,%s,%u/%u/%u,部署%u\n", i, i,
                            i % 2 ? "女" : "男", 1960 + i % 40, 1 + i % 12, 1 + i % 28, i % 7);
  roster = parse_text_ok (csv->str);
  employees = sc_roster_get_employees (roster);
  g_assert_cmpuint (employees->len, ==, 1000);
  g_assert_cmpstr (((ScEmployee *) g_ptr_array_index (employees, 999))->number, ==, "E0999");
  g_assert_cmpstr (((ScEmployee *) g_ptr_array_index (employees, 999))->birth_date, ==,
                   "1999-04-20");
}

/* --- re-import ---------------------------------------------------------------- */

static ScEmployee *
employee (const char *number,
          const char *name,
          const char *department)
{
  ScEmployee *e = sc_employee_new ();

  e->number = g_strdup (number);
  e->name = g_strdup (name);
  e->department = g_strdup (department);
  e->sex = SC_SEX_MALE;
  return e;
}

static void
test_diff (void)
{
  g_autoptr(GPtrArray) existing = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_employee_free);
  g_autoptr(GPtrArray) incoming = NULL;
  g_autoptr(ScRoster) roster = NULL;
  g_autoptr(ScRosterDiff) diff = NULL;
  ScRosterDiffEntry *entry;
  ScEmployee *left;

  g_ptr_array_add (existing, employee ("A1", "山田", "総務部"));
  g_ptr_array_add (existing, employee ("A2", "佐藤", "営業部"));
  g_ptr_array_add (existing, employee ("A3", "鈴木", "製造部"));
  g_ptr_array_add (existing, employee ("A4", "高橋", "製造部"));
  left = employee ("A5", "伊藤", "製造部");
  left->active = FALSE;
  g_ptr_array_add (existing, left);

  roster = parse_text_ok ("社員番号,氏名,性別,部署\n"
                          "A9,新人,男,総務部\n"     /* added */
                          "A2,佐藤,男,営業部\n"     /* unchanged */
                          "A3,鈴木,男,総務部\n"     /* changed: department */
                          "A1,山田,女,総務部\n"     /* changed: sex */
                          "A5,伊藤,男,製造部\n");   /* changed: back from inactive */
  incoming = g_ptr_array_ref (sc_roster_get_employees (roster));
  g_clear_pointer (&roster, sc_roster_free);   /* the diff does not need the roster */

  diff = sc_roster_diff (existing, incoming);

  g_assert_cmpuint (diff->added->len, ==, 1);
  entry = g_ptr_array_index (diff->added, 0);
  g_assert_null (entry->existing);
  g_assert_cmpstr (entry->incoming->number, ==, "A9");
  g_assert_cmpint (entry->changed, ==, 0);

  g_assert_cmpuint (diff->unchanged->len, ==, 1);
  entry = g_ptr_array_index (diff->unchanged, 0);
  g_assert_cmpstr (entry->existing->number, ==, "A2");
  g_assert_cmpstr (entry->incoming->number, ==, "A2");
  g_assert_cmpint (entry->changed, ==, 0);

  /* In the new file's order, with what changed. */
  g_assert_cmpuint (diff->changed->len, ==, 3);
  entry = g_ptr_array_index (diff->changed, 0);
  g_assert_cmpstr (entry->incoming->number, ==, "A3");
  g_assert_cmpint (entry->changed, ==, SC_ROSTER_FIELD_DEPARTMENT);
  g_assert_cmpstr (entry->existing->department, ==, "製造部");
  g_assert_cmpstr (entry->incoming->department, ==, "総務部");
  entry = g_ptr_array_index (diff->changed, 1);
  g_assert_cmpstr (entry->incoming->number, ==, "A1");
  g_assert_cmpint (entry->changed, ==, SC_ROSTER_FIELD_SEX);
  entry = g_ptr_array_index (diff->changed, 2);
  g_assert_cmpstr (entry->incoming->number, ==, "A5");
  g_assert_cmpint (entry->changed, ==, SC_ROSTER_FIELD_ACTIVE);
  g_assert_false (entry->existing->active);
  g_assert_true (entry->incoming->active);

  /* Left out, not deleted: the entry keeps the existing employee for the caller. */
  g_assert_cmpuint (diff->left_out->len, ==, 1);
  entry = g_ptr_array_index (diff->left_out, 0);
  g_assert_cmpstr (entry->existing->number, ==, "A4");
  g_assert_cmpstr (entry->existing->name, ==, "高橋");
  g_assert_null (entry->incoming);
  g_assert_cmpuint (existing->len, ==, 5);

  /* The entries are copies: the inputs can go. */
  g_clear_pointer (&existing, g_ptr_array_unref);
  g_clear_pointer (&incoming, g_ptr_array_unref);
  g_assert_cmpstr (((ScRosterDiffEntry *) g_ptr_array_index (diff->left_out, 0))->existing->name,
                   ==, "高橋");
}

static void
test_diff_every_field (void)
{
  static const char *const ids[] = {
    "number", "name", "kana", "sex", "birth_date", "department", "job_type", "position",
    "employment_type", "active",
  };
  g_autoptr(ScEmployee) a = employee ("A1", "山田", "総務部");
  g_autoptr(ScEmployee) b = NULL;

  g_assert_cmpint (sc_roster_compare (a, a), ==, 0);

  b = sc_employee_copy (a);
  g_free (b->kana);
  b->kana = g_strdup ("やまだ");
  g_free (b->birth_date);
  b->birth_date = g_strdup ("1985-04-02");
  b->job_type = g_strdup ("事務");
  b->position = g_strdup ("課長");
  b->employment_type = g_strdup ("正社員");
  g_assert_cmpint (sc_roster_compare (a, b), ==,
                   SC_ROSTER_FIELD_KANA | SC_ROSTER_FIELD_BIRTH_DATE | SC_ROSTER_FIELD_JOB_TYPE
                   | SC_ROSTER_FIELD_POSITION | SC_ROSTER_FIELD_EMPLOYMENT_TYPE);
  g_assert_false (sc_employee_equal (a, b));

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpstr (sc_roster_field_id ((ScRosterFields) (1 << i)), ==, ids[i]);
}

static void
test_diff_empty_and_identical (void)
{
  g_autoptr(ScRoster) roster = parse_text_ok (roster_ja);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(ScRosterDiff) first = NULL;
  g_autoptr(ScRosterDiff) again = NULL;
  g_autoptr(ScRosterDiff) emptied = NULL;
  GPtrArray *employees = sc_roster_get_employees (roster);

  /* First import: everyone is added. */
  first = sc_roster_diff (none, employees);
  g_assert_cmpuint (first->added->len, ==, 3);
  g_assert_cmpuint (first->changed->len + first->unchanged->len + first->left_out->len, ==, 0);

  /* The same file again: nothing changes. */
  again = sc_roster_diff (employees, employees);
  g_assert_cmpuint (again->unchanged->len, ==, 3);
  g_assert_cmpuint (again->added->len + again->changed->len + again->left_out->len, ==, 0);

  /* Nobody in the new list: everyone is left out, in the old order. */
  emptied = sc_roster_diff (employees, none);
  g_assert_cmpuint (emptied->left_out->len, ==, 3);
  g_assert_cmpstr (((ScRosterDiffEntry *) g_ptr_array_index (emptied->left_out, 2))
                   ->existing->number, ==, "A003");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, G_DATE_JUNE, 2024);

  g_test_add_func ("/roster/encoding/utf8", test_utf8);
  g_test_add_func ("/roster/encoding/utf8-bom", test_utf8_bom);
  g_test_add_func ("/roster/encoding/cp932", test_cp932);
  g_test_add_func ("/roster/encoding/cp932-errors-name-lines", test_cp932_errors_name_lines);
  g_test_add_func ("/roster/header/english", test_english_headers);
  g_test_add_func ("/roster/header/japanese-other-order", test_japanese_headers_other_order);
  g_test_add_func ("/roster/header/aliases", test_header_aliases);
  g_test_add_func ("/roster/header/optional-columns-absent", test_optional_columns_absent);
  g_test_add_func ("/roster/header/names-shown-on-one-line", test_header_names_shown_on_one_line);
  g_test_add_func ("/roster/value/active", test_active_column);
  g_test_add_func ("/roster/value/normalisation", test_value_normalisation);
  g_test_add_func ("/roster/value/spreadsheet-leftovers", test_spreadsheet_leftovers);
  g_test_add_func ("/roster/value/unnamed-column-warning", test_unnamed_column_warning);
  g_test_add_func ("/roster/error/missing-column", test_error_missing_column);
  g_test_add_func ("/roster/error/duplicate-column", test_error_duplicate_column);
  g_test_add_func ("/roster/error/empty-field", test_error_empty_field);
  g_test_add_func ("/roster/error/unknown-sex", test_error_unknown_sex);
  g_test_add_func ("/roster/error/bad-date", test_error_bad_date);
  g_test_add_func ("/roster/error/duplicate-number", test_error_duplicate_number);
  g_test_add_func ("/roster/error/bad-active", test_error_bad_active);
  g_test_add_func ("/roster/error/extra-field", test_error_extra_field);
  g_test_add_func ("/roster/error/bad-value", test_error_bad_value);
  g_test_add_func ("/roster/error/lines-after-multiline-record", test_lines_after_multiline_record);
  g_test_add_func ("/roster/error/syntax", test_error_syntax);
  g_test_add_func ("/roster/error/encoding", test_error_encoding);
  g_test_add_func ("/roster/error/empty", test_error_empty);
  g_test_add_func ("/roster/errors/many-at-once", test_many_errors_at_once);
  g_test_add_func ("/roster/errors/header-and-rows", test_header_and_row_errors_together);
  g_test_add_func ("/roster/errors/message-lists-twenty", test_message_lists_twenty);
  g_test_add_func ("/roster/errors/problem-to-string", test_problem_to_string);
  g_test_add_func ("/roster/errors/optional-out-problems", test_optional_out_problems);
  g_test_add_func ("/roster/thousand-employees", test_thousand_employees);
  g_test_add_func ("/roster/diff/added-changed-left-out", test_diff);
  g_test_add_func ("/roster/diff/every-field", test_diff_every_field);
  g_test_add_func ("/roster/diff/empty-and-identical", test_diff_empty_and_identical);

  return g_test_run ();
}
