/* fuzz-roster.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target for the roster import: any bytes must give either a complete,
 * clean list of employees or a list of problems that each name a line of the file,
 * never a crash and never both. The same bytes also go to the date parser and the
 * access-code normaliser, which read text typed by people.
 */
#define G_LOG_DOMAIN "fuzz-roster"

#include "config.h"

#include "sc-access-code.h"
#include "sc-date.h"
#include "sc-roster.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize    (int            *argc,
                             char         ***argv);
int LLVMFuzzerTestOneInput  (const uint8_t  *data,
                             size_t          size);

static GDate today;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A failed g_return_if_fail() is a bug the fuzzer should report, not a log line. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, G_DATE_JUNE, 2024);
  return 0;
}

static void
check_text (const char *text,
            gboolean    nullable)
{
  if (text == NULL)
    {
      if (!nullable)
        abort ();
      return;
    }
  if (!g_utf8_validate (text, -1, NULL))
    abort ();
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      abort ();
}

static void
check_employees (GPtrArray *employees)
{
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(ScRosterDiff) diff = NULL;

  if (employees->len == 0)
    abort ();
  for (guint i = 0; i < employees->len; i++)
    {
      const ScEmployee *e = g_ptr_array_index (employees, i);

      check_text (e->number, FALSE);
      check_text (e->name, FALSE);
      check_text (e->kana, TRUE);
      check_text (e->birth_date, TRUE);
      check_text (e->department, TRUE);
      check_text (e->job_type, TRUE);
      check_text (e->position, TRUE);
      check_text (e->employment_type, TRUE);
      if (e->number[0] == '\0' || e->name[0] == '\0')
        abort ();
      if (e->sex != SC_SEX_MALE && e->sex != SC_SEX_FEMALE)
        abort ();
      if (e->birth_date != NULL)
        {
          GDate date;

          if (strlen (e->birth_date) != 10
              || !sc_date_parse (e->birth_date, -1, &date, NULL)
              || g_date_compare (&date, &today) > 0
              || g_date_get_year (&date) < SC_DATE_MIN_BIRTH_YEAR)
            abort ();
        }
      /* Numbers are unique. */
      if (!g_hash_table_add (numbers, e->number))
        abort ();
    }

  /* Compared with itself, a roster is entirely unchanged. */
  diff = sc_roster_diff (employees, employees);
  if (diff->unchanged->len != employees->len
      || diff->added->len + diff->changed->len + diff->left_out->len != 0)
    abort ();
}

static void
fuzz_roster (const uint8_t *data,
             size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(ScRoster) roster = NULL;
  guint max_line = 1;

  /* Every line break (\n, \r\n, lone \r) starts at most one new line. */
  for (size_t i = 0; i < size; i++)
    max_line += data[i] == '\n' || data[i] == '\r';

  roster = sc_roster_parse (bytes, &today, &problems, &error);
  if (roster != NULL)
    {
      if (error != NULL || problems != NULL)
        abort ();
      check_employees (sc_roster_get_employees (roster));
      for (guint i = 0; i < sc_roster_get_warnings (roster)->len; i++)
        {
          const ScRosterProblem *w = g_ptr_array_index (sc_roster_get_warnings (roster), i);

          if (w->line < 1 || w->line > max_line || w->column < 1)
            abort ();
          check_text (w->message, FALSE);
          check_text (w->column_name, TRUE);
        }
      return;
    }

  if (error == NULL || !g_error_matches (error, SC_ROSTER_ERROR, SC_ROSTER_ERROR_INVALID)
      || problems == NULL || problems->len == 0 || !g_utf8_validate (error->message, -1, NULL))
    abort ();
  for (guint i = 0; i < problems->len; i++)
    {
      const ScRosterProblem *p = g_ptr_array_index (problems, i);
      g_autofree char *text = sc_roster_problem_to_string (p);

      if (p->line > max_line || p->message == NULL || p->message[0] == '\0')
        abort ();
      if (p->code == SC_ROSTER_ERROR_INVALID || p->code == SC_ROSTER_ERROR_UNKNOWN_COLUMN)
        abort ();
      /* Messages and names are one line each, fit for a table cell. */
      check_text (p->column_name, TRUE);
      check_text (p->message, FALSE);
      check_text (text, FALSE);
      /* The first problems are in the message, word for word. */
      if (i < SC_ROSTER_MAX_LISTED_PROBLEMS && strstr (error->message, text) == NULL)
        abort ();
    }
}

static void
fuzz_date (const char *text,
           size_t      size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *era = NULL;
  GDate date, back;

  if (!sc_date_parse (text, (gssize) size, &date, &error))
    {
      if (error == NULL || error->domain != SC_DATE_ERROR || error->message[0] == '\0')
        abort ();
      check_text (error->message, FALSE);
      return;
    }
  /* What was read writes out and reads back as the same day. */
  iso = sc_date_to_iso (&date);
  era = sc_date_format_era (&date);
  if (!sc_date_parse (iso, -1, &back, NULL) || g_date_compare (&date, &back) != 0)
    abort ();
  if (!sc_date_parse (era, -1, &back, NULL) || g_date_compare (&date, &back) != 0)
    abort ();
}

static void
fuzz_access_code (const char *text,
                  size_t      size)
{
  char code[SC_ACCESS_CODE_NORMALIZED_SIZE];
  g_autoptr(GError) error = NULL;

  if (!sc_access_code_normalize (text, (gssize) size, code, &error))
    {
      if (error == NULL || code[0] != '\0')
        abort ();
      return;
    }
  if (strlen (code) != SC_ACCESS_CODE_LENGTH
      || strspn (code, SC_ACCESS_CODE_ALPHABET) != SC_ACCESS_CODE_LENGTH)
    abort ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_roster (data, size);

  /* Dates and codes are short; longer inputs only test the same loops again. */
  if (size <= 128 && g_utf8_validate ((const char *) data, (gssize) size, NULL))
    {
      fuzz_date ((const char *) data, size);
      fuzz_access_code ((const char *) data, size);
    }
  return 0;
}
