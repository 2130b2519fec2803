/* sc-roster.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Roster import: the employer's employee list as a CSV file (UTF-8 with or without a
 * BOM, or Shift_JIS/CP932 as Excel in Japan saves it), with Japanese or English headers
 * in any order. The import is all-or-nothing: either every row is good and the whole
 * list is returned, or nothing is returned and every problem in the file is listed
 * with its line and column, so that a person can fix them all in one pass.
 *
 * Columns (header names are compared after folding full-width characters, trimming
 * blanks and ignoring case; spaces and hyphens count as '_'):
 *
 *   number           社員番号 従業員番号 職員番号 number employee_number employee_no employee_id
 *   name             氏名 名前 name
 *   kana             ふりがな フリガナ かな カナ よみがな ヨミガナ kana
 *   sex              性別 sex gender                    (M/F, 男/女, 男性/女性, male/female, 1/2)
 *   birth_date       生年月日 誕生日 birth_date birthdate date_of_birth   (see sc-date.h)
 *   department       部署 部署名 所属 department dept
 *   job_type         職種 job_type occupation
 *   position         役職 position
 *   employment_type  雇用形態 employment_type
 *   active           在籍 在籍区分 在籍状況 active      (empty = active; 1/0, yes/no, true/false,
 *                                                        在籍/退職, 有効/無効, はい/いいえ, ○/×)
 *
 * number, name and sex are required. Other columns are ignored with a warning.
 *
 * The roster sheet of the MHLW stress check program, saved as CSV, is read too: its
 * header names 氏名, フリガナ, 生年月日 (yyyy/m/d), 性別 (男性/女性), 社員ID and 職場コード /
 * 職場名. 社員ID is the number, 職場名 the department (職場コード when the sheet has no
 * 職場名). sc_roster_get_layout() says which layout the header had.
 *
 * This file knows nothing of the vault: it turns bytes into ScEmployee values, and
 * compares two lists for a re-import.
 */
#pragma once

#include <glib.h>

#include "sc-csv.h"
#include "sc-employee.h"

G_BEGIN_DECLS

#define SC_ROSTER_ERROR (sc_roster_error_quark ())

/* The GError of a failed import always has the code SC_ROSTER_ERROR_INVALID; each
 * ScRosterProblem carries the code of what is wrong. */
typedef enum
{
  SC_ROSTER_ERROR_INVALID,            /* the file has problems (GError code) */
  SC_ROSTER_ERROR_ENCODING,           /* not UTF-8 or CP932, UTF-16, NUL bytes */
  SC_ROSTER_ERROR_SYNTAX,             /* CSV syntax: an unclosed quote, text after a quote */
  SC_ROSTER_ERROR_EMPTY,              /* no header, or a header and no employees */
  SC_ROSTER_ERROR_MISSING_COLUMN,     /* a required column is not in the header */
  SC_ROSTER_ERROR_DUPLICATE_COLUMN,   /* two header cells name the same column */
  SC_ROSTER_ERROR_EMPTY_FIELD,        /* a required value is empty */
  SC_ROSTER_ERROR_DUPLICATE_NUMBER,   /* an employee number on two lines */
  SC_ROSTER_ERROR_BAD_SEX,
  SC_ROSTER_ERROR_BAD_DATE,
  SC_ROSTER_ERROR_BAD_ACTIVE,
  SC_ROSTER_ERROR_BAD_VALUE,          /* a line break or control character, or too long */
  SC_ROSTER_ERROR_EXTRA_FIELD,        /* a value to the right of the last named column */
  SC_ROSTER_ERROR_UNKNOWN_COLUMN,     /* warnings only: a column that is ignored */
} ScRosterError;

/* The roster's columns, as bits so that a diff can say which ones changed. */
typedef enum
{
  SC_ROSTER_FIELD_NUMBER          = 1 << 0,
  SC_ROSTER_FIELD_NAME            = 1 << 1,
  SC_ROSTER_FIELD_KANA            = 1 << 2,
  SC_ROSTER_FIELD_SEX             = 1 << 3,
  SC_ROSTER_FIELD_BIRTH_DATE      = 1 << 4,
  SC_ROSTER_FIELD_DEPARTMENT      = 1 << 5,
  SC_ROSTER_FIELD_JOB_TYPE        = 1 << 6,
  SC_ROSTER_FIELD_POSITION        = 1 << 7,
  SC_ROSTER_FIELD_EMPLOYMENT_TYPE = 1 << 8,
  SC_ROSTER_FIELD_ACTIVE          = 1 << 9,
} ScRosterFields;

/* Longest accepted values, in characters. */
#define SC_ROSTER_MAX_NUMBER_LENGTH 64
#define SC_ROSTER_MAX_TEXT_LENGTH   200

/* How many problems the GError message lists before "and N more". */
#define SC_ROSTER_MAX_LISTED_PROBLEMS 20

/**
 * ScRosterProblem:
 * @code: what is wrong
 * @line: the 1-based line in the file (the first line of a record that spans several);
 *   0 when the problem is the file as a whole
 * @column: the 1-based CSV column; 0 when the problem is the whole line (a missing
 *   column is reported on the header line with column 0)
 * @column_name: the header cell of @column as written in the file, or for a missing
 *   column the name it should have; %NULL when there is none
 * @message: what is wrong and how to fix it, fit to show
 *
 * One error (or, in sc_roster_get_warnings(), one warning) in a roster file.
 */
typedef struct
{
  ScRosterError  code;
  guint          line;
  guint          column;
  char          *column_name;
  char          *message;
} ScRosterProblem;

void        sc_roster_problem_free      (ScRosterProblem *problem);

/* "line 7, column 4 (性別): unknown sex “X”": the form used in the GError message. */
char       *sc_roster_problem_to_string (const ScRosterProblem *problem);

typedef struct _ScRoster ScRoster;

typedef enum
{
  SC_ROSTER_LAYOUT_STANDARD,  /* this program's columns (the table above) */
  SC_ROSTER_LAYOUT_MHLW,      /* the MHLW program's roster sheet (社員ID, 職場コード/職場名) */
} ScRosterLayout;

GQuark      sc_roster_error_quark       (void);

/**
 * sc_roster_parse:
 * @csv: the file's bytes
 * @today: (nullable): the date birth dates must not be after; %NULL for today
 * @out_problems: (out) (optional) (transfer full): on failure, a #GPtrArray of
 *   #ScRosterProblem, in the order of the file (header problems first); set to %NULL
 *   on success
 * @error: on failure, %SC_ROSTER_ERROR_INVALID with a message listing the problems
 *   (the first %SC_ROSTER_MAX_LISTED_PROBLEMS, then "and N more")
 *
 * Reads a whole roster. Nothing is returned unless every row is good.
 *
 * Returns: (transfer full) (nullable): the roster, or %NULL on failure.
 */
ScRoster   *sc_roster_parse             (GBytes       *csv,
                                         const GDate  *today,
                                         GPtrArray   **out_problems,
                                         GError      **error);

void        sc_roster_free              (ScRoster     *roster);

/* (transfer none): the employees (#ScEmployee) in the order of the file. Take a
 * g_ptr_array_ref() to keep them after freeing the roster. */
GPtrArray  *sc_roster_get_employees     (ScRoster     *roster);

/* (transfer none): #ScRosterProblem warnings (ignored columns); possibly empty. */
GPtrArray  *sc_roster_get_warnings      (ScRoster     *roster);

/* The encoding the file was read in, to show in the preview. */
ScCsvEncoding sc_roster_get_encoding    (ScRoster     *roster);

/* The layout the header was recognised as, to show in the preview. */
ScRosterLayout sc_roster_get_layout     (ScRoster     *roster);

/* The columns the file's header has (bits of #ScRosterFields, in the order of the enum). */
ScRosterFields sc_roster_get_columns    (ScRoster     *roster);

/**
 * sc_roster_keep_absent_fields:
 * @roster: a parsed roster
 * @existing: (element-type ScEmployee): the roster now in the vault
 *
 * For each employee of @roster already in @existing, takes the reading, birth date,
 * department, job type, position and employment type from @existing when the file has
 * no such column, so that a file with fewer columns (the MHLW sheet has no job type)
 * does not empty what was entered before. The status (active) is not kept: being in the
 * file means employed unless the file says otherwise.
 */
void        sc_roster_keep_absent_fields (ScRoster    *roster,
                                          GPtrArray   *existing);

/* The column's English header name ("birth_date"), for a single bit of #ScRosterFields. */
const char *sc_roster_field_id          (ScRosterFields field);

/* The fields in which @a and @b differ; 0 when they are equal. */
ScRosterFields sc_roster_compare        (const ScEmployee *a,
                                         const ScEmployee *b);

/**
 * ScRosterDiffEntry:
 * @existing: (nullable): a copy of the employee already in the vault; %NULL when added
 * @incoming: (nullable): a copy of the employee in the new file; %NULL when left out
 * @changed: the fields that differ (0 unless the entry is in @changed)
 */
typedef struct
{
  ScEmployee     *existing;
  ScEmployee     *incoming;
  ScRosterFields  changed;
} ScRosterDiffEntry;

/**
 * ScRosterDiff:
 * @added: numbers only in the new file, in its order
 * @changed: numbers in both, with any field different, in the new file's order
 * @unchanged: numbers in both, every field equal, in the new file's order
 * @left_out: numbers only in the existing roster, in its order. The importer does not
 *   delete them: the caller marks them inactive or keeps them, and tells the user.
 *
 * Each array holds #ScRosterDiffEntry and owns it.
 */
typedef struct
{
  GPtrArray *added;
  GPtrArray *changed;
  GPtrArray *unchanged;
  GPtrArray *left_out;
} ScRosterDiff;

/**
 * sc_roster_diff:
 * @existing: (element-type ScEmployee): the roster now in the vault
 * @incoming: (element-type ScEmployee): the newly parsed roster
 *
 * Compares two rosters by employee number (exact match; the parser has already folded
 * full-width characters). Within each list numbers are expected to be unique; should
 * one repeat, its first occurrence is used and later ones are ignored.
 *
 * Returns: (transfer full): the comparison; free with sc_roster_diff_free().
 */
ScRosterDiff *sc_roster_diff            (GPtrArray    *existing,
                                         GPtrArray    *incoming);

void        sc_roster_diff_free         (ScRosterDiff *diff);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScRosterProblem, sc_roster_problem_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScRoster, sc_roster_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScRosterDiff, sc_roster_diff_free)

G_END_DECLS
