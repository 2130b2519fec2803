/* test-roster-mhlw.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roster sheet of the MHLW stress check program saved as CSV (issue 11 §1): 社員ID,
 * 氏名, フリガナ, 生年月日 as yyyy/m/d, 性別 as 男性/女性, 職場コード/職場名. The layout is
 * known by its header, in UTF-8 and in CP932 as Excel saves it; the department is the
 * 職場名, or the 職場コード when the sheet has no name; every problem names its line and
 * column as the sheet spells it. The program's own layout still reads as before.
 */
#include "config.h"

#include "sc-roster.h"

#include <string.h>

static GDate today;

static const char mhlw_sheet[] =
  "社員ID,氏名,フリガナ,生年月日,性別,職場コード,職場名\n"
  "1001,髙橋 花子,タカハシ ハナコ,1985/4/2,女性,S01,総務課\n"
  "1002,山﨑 次郎,ﾔﾏｻﾞｷ ｼﾞﾛｳ,1990/12/31,男性,P02,製造一課\n"
  "1003,佐藤 一郎,,1970/1/5,男性,P02,\n";

static GBytes *
bytes_of (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

/* As Excel saves "CSV (comma delimited)" on a Japanese Windows: CP932 and CRLF. */
static GBytes *
bytes_as_cp932 (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *crlf = g_strjoinv ("\r\n", lines);
  gsize written = 0;
  char *converted = g_convert (crlf, -1, "CP932", "UTF-8", NULL, &written, &error);

  g_assert_no_error (error);
  g_assert_false (g_utf8_validate (converted, (gssize) written, NULL));
  return g_bytes_new_take (converted, written);
}

static void
assert_sheet (ScRoster *roster)
{
  GPtrArray *employees = sc_roster_get_employees (roster);
  const ScEmployee *e;

  g_assert_cmpint (sc_roster_get_layout (roster), ==, SC_ROSTER_LAYOUT_MHLW);
  g_assert_cmpuint (employees->len, ==, 3);

  e = g_ptr_array_index (employees, 0);
  g_assert_cmpstr (e->number, ==, "1001");
  g_assert_cmpstr (e->name, ==, "髙橋 花子");
  g_assert_cmpstr (e->kana, ==, "タカハシ ハナコ");
  g_assert_cmpstr (e->birth_date, ==, "1985-04-02");
  g_assert_cmpint (e->sex, ==, SC_SEX_FEMALE);
  g_assert_cmpstr (e->department, ==, "総務課");
  g_assert_true (e->active);

  e = g_ptr_array_index (employees, 1);
  g_assert_cmpstr (e->kana, ==, "ヤマザキ ジロウ");
  g_assert_cmpstr (e->birth_date, ==, "1990-12-31");
  g_assert_cmpint (e->sex, ==, SC_SEX_MALE);
  g_assert_cmpstr (e->department, ==, "製造一課");

  /* An empty 職場名 is no department; the code is not used when the sheet has names. */
  e = g_ptr_array_index (employees, 2);
  g_assert_null (e->department);
  g_assert_null (e->kana);

  /* 職場コード is a known column, not an ignored one. */
  g_assert_cmpuint (sc_roster_get_warnings (roster)->len, ==, 0);
}

static ScRoster *
parse_ok (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  ScRoster *roster = sc_roster_parse (bytes, &today, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (roster);
  return roster;
}

static void
test_utf8 (void)
{
  g_autoptr(GBytes) bytes = bytes_of (mhlw_sheet);
  g_autoptr(ScRoster) roster = parse_ok (bytes);

  assert_sheet (roster);
  g_assert_cmpint (sc_roster_get_encoding (roster), ==, SC_CSV_ENCODING_UTF8);
}

static void
test_cp932 (void)
{
  g_autoptr(GBytes) bytes = bytes_as_cp932 (mhlw_sheet);
  g_autoptr(ScRoster) roster = parse_ok (bytes);

  assert_sheet (roster);
  g_assert_cmpint (sc_roster_get_encoding (roster), ==, SC_CSV_ENCODING_CP932);
}

/* A sheet with codes only: the code is the department. Full-width ＩＤ names the column too. */
static void
test_code_only (void)
{
  g_autoptr(GBytes) bytes = bytes_of ("氏名,社員ＩＤ,性別,職場コード\n"
                                      "鈴木 三郎,2001,男性,K-10\n");
  g_autoptr(ScRoster) roster = parse_ok (bytes);
  const ScEmployee *e = g_ptr_array_index (sc_roster_get_employees (roster), 0);

  g_assert_cmpint (sc_roster_get_layout (roster), ==, SC_ROSTER_LAYOUT_MHLW);
  g_assert_cmpstr (e->number, ==, "2001");
  g_assert_cmpstr (e->department, ==, "K-10");
}

/* This program's own layout is still known as such. */
static void
test_standard_layout_kept (void)
{
  g_autoptr(GBytes) bytes = bytes_of ("社員番号,氏名,性別,部署\nA1,山田 太郎,男,総務部\n");
  g_autoptr(ScRoster) roster = parse_ok (bytes);
  const ScEmployee *e = g_ptr_array_index (sc_roster_get_employees (roster), 0);

  g_assert_cmpint (sc_roster_get_layout (roster), ==, SC_ROSTER_LAYOUT_STANDARD);
  g_assert_cmpstr (e->department, ==, "総務部");
}

static void
assert_problem (GPtrArray     *problems,
                guint          index,
                ScRosterError  code,
                guint          line,
                guint          column,
                const char    *column_name)
{
  const ScRosterProblem *problem;

  g_assert_cmpuint (index, <, problems->len);
  problem = g_ptr_array_index (problems, index);
  g_assert_cmpint (problem->code, ==, code);
  g_assert_cmpuint (problem->line, ==, line);
  g_assert_cmpuint (problem->column, ==, column);
  g_assert_cmpstr (problem->column_name, ==, column_name);
}

/* One error in each kind of column, in CP932: each named by its line and column. */
static void
test_errors_cp932 (void)
{
  g_autoptr(GBytes) bytes = bytes_as_cp932 (
    "社員ID,氏名,フリガナ,生年月日,性別,職場コード,職場名\n"
    "1001,髙橋 花子,タカハシ ハナコ,1985/4/2,女性,S01,総務課\n"
    ",山田 太郎,,1980/1/1,男性,S01,総務課\n"              /* line 3: no 社員ID */
    "1003,,,1980/1/1,男性,S01,総務課\n"                   /* line 4: no 氏名 */
    "1004,佐藤 一郎,,1985/13/40,男性,S01,総務課\n"        /* line 5: bad 生年月日 */
    "1005,鈴木 二郎,,1980/1/1,不明,S01,総務課\n"          /* line 6: bad 性別 */
    "1001,田中 三郎,,1980/1/1,男性,S01,総務課\n");        /* line 7: 社員ID again */
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  ScRoster *roster = sc_roster_parse (bytes, &today, &problems, &error);

  g_assert_null (roster);
  g_assert_error (error, SC_ROSTER_ERROR, SC_ROSTER_ERROR_INVALID);
  g_assert_cmpuint (problems->len, ==, 5);
  assert_problem (problems, 0, SC_ROSTER_ERROR_EMPTY_FIELD, 3, 1, "社員ID");
  assert_problem (problems, 1, SC_ROSTER_ERROR_EMPTY_FIELD, 4, 2, "氏名");
  assert_problem (problems, 2, SC_ROSTER_ERROR_BAD_DATE, 5, 4, "生年月日");
  assert_problem (problems, 3, SC_ROSTER_ERROR_BAD_SEX, 6, 5, "性別");
  assert_problem (problems, 4, SC_ROSTER_ERROR_DUPLICATE_NUMBER, 7, 1, "社員ID");
  g_assert_nonnull (strstr (error->message, "line 6, column 5 (性別)"));
}

/* A sheet without 社員ID: the number column is named as missing. */
static void
test_missing_id (void)
{
  g_autoptr(GBytes) bytes = bytes_of ("氏名,性別,職場名\n山田 太郎,男性,総務課\n");
  g_autoptr(GPtrArray) problems = NULL;
  ScRoster *roster = sc_roster_parse (bytes, &today, &problems, NULL);

  g_assert_null (roster);
  g_assert_cmpuint (problems->len, ==, 1);
  assert_problem (problems, 0, SC_ROSTER_ERROR_MISSING_COLUMN, 1, 0, "社員番号");
}

/* Re-importing the sheet keeps what it has no column for (job type, position,
 * employment type), takes what it has, and makes the person employed again. */
static void
test_keep_absent_fields (void)
{
  g_autoptr(GBytes) bytes = bytes_of (mhlw_sheet);
  g_autoptr(ScRoster) roster = parse_ok (bytes);
  g_autoptr(GPtrArray) existing = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_employee_free);
  g_autoptr(ScRosterDiff) diff = NULL;
  ScEmployee *old = sc_employee_new ();
  const ScEmployee *e;

  g_assert_cmpuint (sc_roster_get_columns (roster), ==,
                    SC_ROSTER_FIELD_NUMBER | SC_ROSTER_FIELD_NAME | SC_ROSTER_FIELD_KANA
                    | SC_ROSTER_FIELD_SEX | SC_ROSTER_FIELD_BIRTH_DATE
                    | SC_ROSTER_FIELD_DEPARTMENT);
  old->number = g_strdup ("1001");
  old->name = g_strdup ("髙橋 花子");
  old->kana = g_strdup ("タカハシ ハナコ");
  old->sex = SC_SEX_FEMALE;
  old->birth_date = g_strdup ("1985-04-02");
  old->department = g_strdup ("旧総務課");
  old->job_type = g_strdup ("事務");
  old->position = g_strdup ("係長");
  old->employment_type = g_strdup ("正社員");
  old->active = FALSE;
  g_ptr_array_add (existing, old);

  sc_roster_keep_absent_fields (roster, existing);
  e = g_ptr_array_index (sc_roster_get_employees (roster), 0);
  g_assert_cmpstr (e->job_type, ==, "事務");
  g_assert_cmpstr (e->position, ==, "係長");
  g_assert_cmpstr (e->employment_type, ==, "正社員");
  g_assert_cmpstr (e->department, ==, "総務課");
  g_assert_true (e->active);
  /* Only the department and the status change; the others are new. */
  diff = sc_roster_diff (existing, sc_roster_get_employees (roster));
  g_assert_cmpuint (diff->changed->len, ==, 1);
  g_assert_cmpuint (((ScRosterDiffEntry *) g_ptr_array_index (diff->changed, 0))->changed, ==,
                    SC_ROSTER_FIELD_DEPARTMENT | SC_ROSTER_FIELD_ACTIVE);
  g_assert_cmpuint (diff->added->len, ==, 2);
  e = g_ptr_array_index (sc_roster_get_employees (roster), 1);
  g_assert_null (e->job_type);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, G_DATE_JUNE, 2024);

  g_test_add_func ("/roster-mhlw/utf8", test_utf8);
  g_test_add_func ("/roster-mhlw/cp932", test_cp932);
  g_test_add_func ("/roster-mhlw/code-only", test_code_only);
  g_test_add_func ("/roster-mhlw/standard-layout-kept", test_standard_layout_kept);
  g_test_add_func ("/roster-mhlw/errors-cp932", test_errors_cp932);
  g_test_add_func ("/roster-mhlw/missing-id", test_missing_id);
  g_test_add_func ("/roster-mhlw/keep-absent-fields", test_keep_absent_fields);

  return g_test_run ();
}
