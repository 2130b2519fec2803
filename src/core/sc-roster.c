/* sc-roster.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading a roster CSV: the header mapped to the known columns (Japanese or English
 * names), each row checked, and every problem reported with its line. The comparison
 * with the vault's employees is in sc-roster-diff.c.
 */
#define G_LOG_DOMAIN "sc-roster"

#include "config.h"

#include "sc-roster.h"

#include "sc-date.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

G_DEFINE_QUARK (sc-roster-error-quark, sc_roster_error)

enum
{
  COL_NUMBER,
  COL_NAME,
  COL_KANA,
  COL_SEX,
  COL_BIRTH_DATE,
  COL_DEPARTMENT,
  COL_JOB_TYPE,
  COL_POSITION,
  COL_EMPLOYMENT_TYPE,
  COL_ACTIVE,
  N_COLUMNS
};

typedef struct
{
  const char *id;             /* English header, as in sc_roster_field_id() */
  const char *name_ja;        /* the Japanese header, named in "missing column" messages */
  gboolean    required;
  const char *aliases[9];     /* folded as by fold_header(), NULL-terminated */
} ColumnInfo;

static const ColumnInfo columns[N_COLUMNS] = {
  [COL_NUMBER] = { "number", "社員番号", TRUE,
    { "社員番号", "従業員番号", "職員番号", "number", "employee_number", "employee_no",
      "employee_id", "社員id", NULL } },
  [COL_NAME] = { "name", "氏名", TRUE, { "氏名", "名前", "name", NULL } },
  [COL_KANA] = { "kana", "ふりがな", FALSE,
    { "ふりがな", "フリガナ", "かな", "カナ", "よみがな", "ヨミガナ", "kana", NULL } },
  [COL_SEX] = { "sex", "性別", TRUE, { "性別", "sex", "gender", NULL } },
  [COL_BIRTH_DATE] = { "birth_date", "生年月日", FALSE,
    { "生年月日", "誕生日", "birth_date", "birthdate", "date_of_birth", NULL } },
  [COL_DEPARTMENT] = { "department", "部署", FALSE,
    { "部署", "部署名", "所属", "department", "dept", "職場名", NULL } },
  [COL_JOB_TYPE] = { "job_type", "職種", FALSE, { "職種", "job_type", "occupation", NULL } },
  [COL_POSITION] = { "position", "役職", FALSE, { "役職", "position", NULL } },
  [COL_EMPLOYMENT_TYPE] = { "employment_type", "雇用形態", FALSE,
    { "雇用形態", "employment_type", NULL } },
  [COL_ACTIVE] = { "active", "在籍", FALSE,
    { "在籍", "在籍区分", "在籍状況", "active", NULL } },
};

struct _ScRoster
{
  GPtrArray     *employees;    /* ScEmployee */
  GPtrArray     *warnings;     /* ScRosterProblem */
  ScCsvEncoding  encoding;
  ScRosterLayout layout;
  ScRosterFields columns;
};

typedef struct
{
  GPtrArray  *problems;        /* ScRosterProblem */
  GPtrArray  *warnings;        /* ScRosterProblem */
  const GDate *today;
  int         column_of[N_COLUMNS];  /* CSV index of each column, or -1 */
  GPtrArray  *header;          /* char *, each header cell as written (trimmed) */
  gboolean   *unnamed_warned;  /* per CSV column: a value under an empty header was reported */
  guint       header_line;
  GHashTable *numbers;         /* employee number → GUINT_TO_POINTER (line) */
  ScRosterLayout layout;
} Parser;

/* Header cells, folded, that only the MHLW program's roster sheet uses. 職場コード is the
 * department when the sheet has no 職場名 column. */
static const char *const mhlw_headers[] = { "社員id", "職場名", "職場コード", NULL };
#define MHLW_WORKPLACE_CODE "職場コード"

/* --- problems --------------------------------------------------------------- */

void
sc_roster_problem_free (ScRosterProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->column_name);
  g_free (problem->message);
  g_free (problem);
}

char *
sc_roster_problem_to_string (const ScRosterProblem *problem)
{
  g_autofree char *position = NULL;

  g_return_val_if_fail (problem != NULL, NULL);

  if (problem->line == 0)
    return g_strdup (problem->message);
  if (problem->column != 0 && problem->column_name != NULL && problem->column_name[0] != '\0')
    /* Translators: the start of a message about a roster file: line, column, its name. */
    position = g_strdup_printf (_("line %u, column %u (%s): "), problem->line, problem->column,
                                problem->column_name);
  else
    position = sc_csv_format_position (problem->line, problem->column);
  return g_strconcat (position, problem->message, NULL);
}

static const char *
header_name (Parser *parser,
             guint   column)
{
  const char *name;

  if (parser->header == NULL || column == 0 || column > parser->header->len)
    return NULL;
  name = g_ptr_array_index (parser->header, column - 1);
  return name[0] != '\0' ? name : NULL;
}

static ScRosterProblem *
problem_new (ScRosterError  code,
             guint          line,
             guint          column,
             const char    *column_name,
             char          *message)
{
  ScRosterProblem *problem = g_new0 (ScRosterProblem, 1);

  problem->code = code;
  problem->line = line;
  problem->column = column;
  problem->column_name = g_strdup (column_name);
  problem->message = message;
  return problem;
}

G_GNUC_PRINTF (6, 7)
static void
add_problem (Parser        *parser,
             GPtrArray     *list,
             ScRosterError  code,
             guint          line,
             guint          column,
             const char    *format,
             ...)
{
  va_list args;
  char *message;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (list, problem_new (code, line, column, header_name (parser, column), message));
}

/* The CSV reader's messages begin with "line N: " or "line N, column M: " in the user's
 * language; the roster keeps those numbers as fields so that the preview can show them in
 * a table (sc_csv_error_split()). test-roster checks that this still matches. */
static void
add_csv_problem (Parser        *parser,
                 ScRosterError  code,
                 const GError  *csv_error)
{
  const char *rest = csv_error->message;
  guint line = 0, column = 0;

  if (!sc_csv_error_split (csv_error, &line, &column, &rest))
    {
      line = 0;
      column = 0;
      rest = csv_error->message;
    }
  add_problem (parser, parser->problems, code, line, column, "%s", rest);
}

/* --- text helpers ----------------------------------------------------------- */

/* Cuts blanks at both ends, including the full-width space and the no-break space
 * that spreadsheets leave in cells. */
static void
trim_value (const char **text,
            gsize       *len)
{
  static const char *const blanks[] = { " ", "\t", "\xe3\x80\x80", "\xc2\xa0" };
  gboolean again = TRUE;

  while (again)
    {
      again = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (blanks); i++)
        {
          gsize n = strlen (blanks[i]);

          if (*len >= n && memcmp (*text, blanks[i], n) == 0)
            {
              *text += n;
              *len -= n;
              again = TRUE;
            }
          if (*len >= n && memcmp (*text + *len - n, blanks[i], n) == 0)
            {
              *len -= n;
              again = TRUE;
            }
        }
    }
}

/* Text from the file made fit for a message or a table cell: valid UTF-8, no line
 * breaks or other control characters (shown as U+FFFD), and at most @max_chars
 * characters, so that a pasted paragraph does not become the message. */
static char *
display_text (const char *text,
              gsize       len,
              guint       max_chars)
{
  g_autofree char *valid = g_utf8_make_valid (text, (gssize) len);
  GString *out = g_string_sized_new (len);
  guint n = 0;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (n == max_chars)
        {
          g_string_append (out, "…");
          break;
        }
      g_string_append_unichar (out, g_unichar_iscntrl (c) ? 0xfffd : c);
    }
  return g_string_free (out, FALSE);
}

/* A value, quoted and cut short, for a message. */
static char *
quote_value (const char *text,
             gsize       len)
{
  g_autofree char *shown = display_text (text, len, 30);

  return g_strdup_printf ("“%s”", shown);
}

/* Header cells compare after NFKC (full-width letters, half-width kana), trimming,
 * ASCII case folding, and with spaces and hyphens as underscores: "Employee Number",
 * "employee-number" and "ＥＭＰＬＯＹＥＥ＿ＮＵＭＢＥＲ" all name the same column. */
static char *
fold_header (const char *text,
             gsize       len)
{
  char *folded = g_utf8_normalize (text, (gssize) len, G_NORMALIZE_NFKC);

  if (folded == NULL)
    return g_strdup ("");
  g_strstrip (folded);
  for (char *p = folded; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '-')
        *p = '_';
      else
        *p = g_ascii_tolower (*p);
    }
  return folded;
}

/* --- header ----------------------------------------------------------------- */

static int
match_column (const char *folded)
{
  for (int c = 0; c < N_COLUMNS; c++)
    for (guint k = 0; columns[c].aliases[k] != NULL; k++)
      if (strcmp (columns[c].aliases[k], folded) == 0)
        return c;
  return -1;
}

static void
read_header (Parser      *parser,
             ScCsvReader *reader)
{
  guint n = sc_csv_reader_n_fields (reader);
  int workplace_code = -1;

  parser->header_line = sc_csv_reader_line (reader);
  parser->header = g_ptr_array_new_full (n, g_free);
  parser->unnamed_warned = g_new0 (gboolean, n);
  for (int c = 0; c < N_COLUMNS; c++)
    parser->column_of[c] = -1;

  /* First the names as they will be shown, so that any problem can name its column. */
  for (guint i = 0; i < n; i++)
    {
      gsize len;
      const char *text = sc_csv_reader_field (reader, i, &len);

      trim_value (&text, &len);
      g_ptr_array_add (parser->header, display_text (text, len, 40));
    }

  for (guint i = 0; i < n; i++)
    {
      gsize len;
      const char *text = sc_csv_reader_field (reader, i, &len);
      g_autofree char *folded = NULL;
      int c;

      trim_value (&text, &len);
      if (len == 0)
        continue;
      folded = fold_header (text, len);
      if (g_strv_contains (mhlw_headers, folded))
        parser->layout = SC_ROSTER_LAYOUT_MHLW;
      c = match_column (folded);
      if (c < 0 && strcmp (folded, MHLW_WORKPLACE_CODE) == 0)
        {
          if (workplace_code < 0)
            workplace_code = (int) i;
          continue;
        }
      if (c < 0)
        {
          add_problem (parser, parser->warnings, SC_ROSTER_ERROR_UNKNOWN_COLUMN,
                       parser->header_line, i + 1,
                       _("this column is not part of the roster and is ignored"));
        }
      else if (parser->column_of[c] >= 0)
        {
          guint first = (guint) parser->column_of[c] + 1;

          add_problem (parser, parser->problems, SC_ROSTER_ERROR_DUPLICATE_COLUMN,
                       parser->header_line, i + 1,
                       _("column %u (%s) is already the %s column; keep only one of them"),
                       first, header_name (parser, first), columns[c].name_ja);
        }
      else
        {
          parser->column_of[c] = (int) i;
        }
    }

  /* The MHLW sheet: the workplace's name is the department, its code when there is no name. */
  if (parser->column_of[COL_DEPARTMENT] < 0 && workplace_code >= 0)
    parser->column_of[COL_DEPARTMENT] = workplace_code;

  for (int c = 0; c < N_COLUMNS; c++)
    if (columns[c].required && parser->column_of[c] < 0)
      {
        ScRosterProblem *problem;

        problem = problem_new (SC_ROSTER_ERROR_MISSING_COLUMN, parser->header_line, 0,
                               columns[c].name_ja,
                               g_strdup_printf (_("the required column %s (%s) is missing; "
                                                  "the first line must name the columns"),
                                                columns[c].name_ja, columns[c].id));
        g_ptr_array_add (parser->problems, problem);
      }
}

/* --- values ----------------------------------------------------------------- */

static gboolean
parse_active (const char *text,
              gsize       len,
              gboolean   *out_active)
{
  static const char *const yes[] = {
    "1", "yes", "y", "true", "active", "在籍", "在職", "有効", "はい", "○", "〇", "◯",
  };
  static const char *const no[] = {
    "0", "no", "n", "false", "inactive", "退職", "無効", "いいえ", "×", "✕",
  };
  g_autofree char *folded = fold_header (text, len);

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (strcmp (folded, yes[i]) == 0)
      {
        *out_active = TRUE;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (strcmp (folded, no[i]) == 0)
      {
        *out_active = FALSE;
        return TRUE;
      }
  return FALSE;
}

typedef enum
{
  FOLD_NONE,        /* NFC: names and departments as written */
  FOLD_HALF_KANA,   /* NFC, and half-width katakana (ﾔﾏﾀﾞ) made full-width (ヤマダ) */
  FOLD_ALL,         /* NFKC: numbers and codes, where ０１ and 01 must be the same */
} Fold;

/* NFKC on the half-width katakana runs only, so that a reading keeps its full-width
 * space (やまだ　たろう) while ﾔﾏﾀﾞ becomes ヤマダ (with the voiced mark composed). */
static char *
fold_half_width_kana (const char *text,
                      gsize       len)
{
  g_autoptr(GString) out = g_string_sized_new (len);
  const char *end = text + len;
  const char *p = text;

  while (p < end)
    {
      const char *run = p;

      while (p < end && g_utf8_get_char (p) >= 0xff61 && g_utf8_get_char (p) <= 0xff9f)
        p = g_utf8_next_char (p);
      if (p > run)
        {
          g_autofree char *folded = g_utf8_normalize (run, p - run, G_NORMALIZE_NFKC);

          g_string_append (out, folded);
          continue;
        }
      p = g_utf8_next_char (p);
      g_string_append_len (out, run, p - run);
    }
  return g_utf8_normalize (out->str, (gssize) out->len, G_NORMALIZE_NFC);
}

/* Checks a trimmed value for what a roster cell must never hold and returns it
 * normalised as @fold says, or NULL after reporting. */
static char *
take_text (Parser     *parser,
           guint       line,
           guint       column,
           const char *text,
           gsize       len,
           Fold        fold,
           guint       max_length)
{
  char *value;

  for (const char *p = text; p < text + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == '\r')
        {
          add_problem (parser, parser->problems, SC_ROSTER_ERROR_BAD_VALUE, line, column,
                       _("the value contains a line break"));
          return NULL;
        }
      if (g_unichar_iscntrl (c))
        {
          add_problem (parser, parser->problems, SC_ROSTER_ERROR_BAD_VALUE, line, column,
                       _("the value contains a control character (U+%04X)"), c);
          return NULL;
        }
    }

  if (fold == FOLD_HALF_KANA)
    value = fold_half_width_kana (text, len);
  else
    value = g_utf8_normalize (text, (gssize) len,
                              fold == FOLD_ALL ? G_NORMALIZE_NFKC : G_NORMALIZE_NFC);
  if (value == NULL)
    value = g_utf8_make_valid (text, (gssize) len);
  g_strstrip (value);
  /* `roster list` writes '=… for a cell starting with a formula character (CSV
   * injection, sc_csv_append_field_safe()); reading it back gives the value itself. */
  if (value[0] == '\'' && value[1] != '\0' && strchr ("=+-@", value[1]) != NULL)
    memmove (value, value + 1, strlen (value));

  if ((guint) g_utf8_strlen (value, -1) > max_length)
    {
      add_problem (parser, parser->problems, SC_ROSTER_ERROR_BAD_VALUE, line, column,
                   _("the value is longer than %u characters"), max_length);
      g_free (value);
      return NULL;
    }
  return value;
}

static void
read_row (Parser      *parser,
          ScCsvReader *reader,
          GPtrArray   *employees)
{
  g_autoptr(ScEmployee) employee = sc_employee_new ();
  guint line = sc_csv_reader_line (reader);
  guint n_fields = sc_csv_reader_n_fields (reader);

  /* Values to the right of the header: a shifted row, or a column without a name. */
  for (guint i = parser->header->len; i < n_fields; i++)
    {
      gsize len;
      const char *text = sc_csv_reader_field (reader, i, &len);

      trim_value (&text, &len);
      if (len > 0)
        {
          g_autofree char *quoted = quote_value (text, len);

          add_problem (parser, parser->problems, SC_ROSTER_ERROR_EXTRA_FIELD, line, i + 1,
                       _("the value %s is to the right of the last column of the header "
                         "(column %u); is a comma missing or one too many?"),
                       quoted, parser->header->len);
          break;
        }
    }

  /* Values under a header cell left empty are ignored, but once said so. */
  for (guint i = 0; i < parser->header->len && i < n_fields; i++)
    {
      gsize len;
      const char *text;

      if (parser->unnamed_warned[i] || header_name (parser, i + 1) != NULL)
        continue;
      text = sc_csv_reader_field (reader, i, &len);
      trim_value (&text, &len);
      if (len > 0)
        {
          parser->unnamed_warned[i] = TRUE;
          add_problem (parser, parser->warnings, SC_ROSTER_ERROR_UNKNOWN_COLUMN, line, i + 1,
                       _("this column has no name in the header; its values are ignored"));
        }
    }

  for (int c = 0; c < N_COLUMNS; c++)
    {
      int index = parser->column_of[c];
      guint column = (guint) index + 1;
      const char *text;
      gsize len;
      g_autofree char *value = NULL;
      g_autofree char *quoted = NULL;
      g_autoptr(GError) local_error = NULL;

      if (index < 0)
        continue;
      text = sc_csv_reader_field (reader, (guint) index, &len);
      trim_value (&text, &len);
      if (len == 0)
        {
          if (columns[c].required)
            add_problem (parser, parser->problems, SC_ROSTER_ERROR_EMPTY_FIELD, line, column,
                         _("required, but empty"));
          continue;
        }

      value = take_text (parser, line, column, text, len,
                         c == COL_KANA ? FOLD_HALF_KANA
                         : c == COL_NUMBER || c == COL_SEX || c == COL_ACTIVE ? FOLD_ALL
                         : FOLD_NONE,
                         c == COL_NUMBER ? SC_ROSTER_MAX_NUMBER_LENGTH
                                         : SC_ROSTER_MAX_TEXT_LENGTH);
      if (value == NULL)
        continue;
      quoted = quote_value (text, len);

      switch (c)
        {
        case COL_NUMBER:
          {
            gpointer first_line;

            if (value[0] == '\0')
              {
                add_problem (parser, parser->problems, SC_ROSTER_ERROR_EMPTY_FIELD, line,
                             column, _("required, but empty"));
              }
            else if (g_hash_table_lookup_extended (parser->numbers, value, NULL, &first_line))
              {
                add_problem (parser, parser->problems, SC_ROSTER_ERROR_DUPLICATE_NUMBER, line,
                             column, _("the employee number %s is also on line %u"), quoted,
                             GPOINTER_TO_UINT (first_line));
              }
            else
              {
                g_hash_table_insert (parser->numbers, g_strdup (value), GUINT_TO_POINTER (line));
                employee->number = g_steal_pointer (&value);
              }
          }
          break;

        case COL_NAME:
          employee->name = g_steal_pointer (&value);
          break;

        case COL_KANA:
          employee->kana = g_steal_pointer (&value);
          break;

        case COL_SEX:
          if (!sc_sex_parse (value, -1, &employee->sex))
            add_problem (parser, parser->problems, SC_ROSTER_ERROR_BAD_SEX, line, column,
                         _("unknown sex %s; use 男/女, M/F or 1/2"), quoted);
          break;

        case COL_BIRTH_DATE:
          {
            GDate date;

            if (!sc_date_parse_birth_date (text, (gssize) len, parser->today, &date,
                                           &local_error))
              add_problem (parser, parser->problems, SC_ROSTER_ERROR_BAD_DATE, line, column,
                           "%s", local_error->message);
            else
              employee->birth_date = sc_date_to_iso (&date);
          }
          break;

        case COL_DEPARTMENT:
          employee->department = g_steal_pointer (&value);
          break;

        case COL_JOB_TYPE:
          employee->job_type = g_steal_pointer (&value);
          break;

        case COL_POSITION:
          employee->position = g_steal_pointer (&value);
          break;

        case COL_EMPLOYMENT_TYPE:
          employee->employment_type = g_steal_pointer (&value);
          break;

        case COL_ACTIVE:
          if (!parse_active (value, strlen (value), &employee->active))
            add_problem (parser, parser->problems, SC_ROSTER_ERROR_BAD_ACTIVE, line, column,
                         _("unknown value %s; use 1 (employed) or 0 (left), or 在籍/退職"),
                         quoted);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  /* Once the file has a problem nothing will be returned, so stop collecting. */
  if (parser->problems->len == 0)
    g_ptr_array_add (employees, g_steal_pointer (&employee));
}

/* --- parse ------------------------------------------------------------------ */

static void
set_error_from_problems (GError   **error,
                         GPtrArray *problems)
{
  g_autoptr(GString) message = g_string_new (NULL);
  guint listed = MIN (problems->len, SC_ROSTER_MAX_LISTED_PROBLEMS);

  if (problems->len == 1)
    g_string_append (message, "The roster was not imported because of 1 problem:");
  else
    g_string_append_printf (message, "The roster was not imported because of %u problems:",
                            problems->len);
  for (guint i = 0; i < listed; i++)
    {
      g_autofree char *text = sc_roster_problem_to_string (g_ptr_array_index (problems, i));

      g_string_append_c (message, '\n');
      g_string_append (message, text);
    }
  if (problems->len > listed)
    g_string_append_printf (message, "\n… and %u more", problems->len - listed);

  g_set_error_literal (error, SC_ROSTER_ERROR, SC_ROSTER_ERROR_INVALID, message->str);
}

ScRoster *
sc_roster_parse (GBytes       *csv,
                 const GDate  *today,
                 GPtrArray   **out_problems,
                 GError      **error)
{
  g_autoptr(ScCsvReader) reader = NULL;
  g_autoptr(GPtrArray) employees = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) header = NULL;
  g_autoptr(GHashTable) numbers = NULL;
  g_autoptr(GError) csv_error = NULL;
  g_autofree gboolean *unnamed_warned = NULL;
  Parser parser = { 0 };
  guint n_rows = 0;
  ScRoster *roster;

  g_return_val_if_fail (csv != NULL, NULL);
  g_return_val_if_fail (today == NULL || g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (out_problems != NULL)
    *out_problems = NULL;

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_roster_problem_free);
  warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_roster_problem_free);
  employees = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_employee_free);
  numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  parser.problems = problems;
  parser.warnings = warnings;
  parser.numbers = numbers;
  parser.today = today;

  /* An empty file is said so here; the reader has nothing to decode. */
  if (g_bytes_get_size (csv) == 0)
    {
      add_problem (&parser, problems, SC_ROSTER_ERROR_EMPTY, 0, 0,
                   _("the file is empty; it needs a header line and one line per employee"));
      goto out;
    }

  reader = sc_csv_reader_new (csv, &csv_error);
  if (reader == NULL)
    {
      add_csv_problem (&parser, SC_ROSTER_ERROR_ENCODING, csv_error);
      goto out;
    }

  if (!sc_csv_reader_next (reader, &csv_error))
    {
      if (csv_error != NULL)
        add_csv_problem (&parser, SC_ROSTER_ERROR_SYNTAX, csv_error);
      else
        add_problem (&parser, problems, SC_ROSTER_ERROR_EMPTY, 0, 0,
                     _("the file has no header line; it needs one naming the columns, "
                       "then one line per employee"));
      goto out;
    }

  read_header (&parser, reader);
  header = parser.header;
  unnamed_warned = parser.unnamed_warned;

  while (sc_csv_reader_next (reader, &csv_error))
    {
      n_rows++;
      read_row (&parser, reader, employees);
    }
  if (csv_error != NULL)
    add_csv_problem (&parser, SC_ROSTER_ERROR_SYNTAX, csv_error);
  else if (n_rows == 0)
    add_problem (&parser, problems, SC_ROSTER_ERROR_EMPTY, parser.header_line, 0,
                 _("the file has a header line but no employees"));

out:
  if (problems->len > 0)
    {
      set_error_from_problems (error, problems);
      if (out_problems != NULL)
        *out_problems = g_steal_pointer (&problems);
      return NULL;
    }

  roster = g_new0 (ScRoster, 1);
  roster->employees = g_steal_pointer (&employees);
  roster->warnings = g_steal_pointer (&warnings);
  roster->encoding = sc_csv_reader_get_encoding (reader);
  roster->layout = parser.layout;
  for (int c = 0; c < N_COLUMNS; c++)
    if (parser.column_of[c] >= 0)
      roster->columns |= (ScRosterFields) (1 << c);
  return roster;
}

void
sc_roster_free (ScRoster *roster)
{
  if (roster == NULL)
    return;
  g_ptr_array_unref (roster->employees);
  g_ptr_array_unref (roster->warnings);
  g_free (roster);
}

GPtrArray *
sc_roster_get_employees (ScRoster *roster)
{
  g_return_val_if_fail (roster != NULL, NULL);
  return roster->employees;
}

GPtrArray *
sc_roster_get_warnings (ScRoster *roster)
{
  g_return_val_if_fail (roster != NULL, NULL);
  return roster->warnings;
}

ScCsvEncoding
sc_roster_get_encoding (ScRoster *roster)
{
  g_return_val_if_fail (roster != NULL, SC_CSV_ENCODING_UTF8);
  return roster->encoding;
}

ScRosterLayout
sc_roster_get_layout (ScRoster *roster)
{
  g_return_val_if_fail (roster != NULL, SC_ROSTER_LAYOUT_STANDARD);
  return roster->layout;
}

ScRosterFields
sc_roster_get_columns (ScRoster *roster)
{
  g_return_val_if_fail (roster != NULL, 0);
  return roster->columns;
}

/* --- fields ----------------------------------------------------------------- */

const char *
sc_roster_field_id (ScRosterFields field)
{
  for (int c = 0; c < N_COLUMNS; c++)
    if (field == (ScRosterFields) (1 << c))
      return columns[c].id;
  g_return_val_if_reached (NULL);
}
