/* sc-cli-input.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "stresscheck-cli"

#include "config.h"

#include "sc-cli-input.h"

#include <stdio.h>
#include <string.h>

static const char * const id_names[] = { "id", "ID", "社員番号", "回答者ID", NULL };
static const char * const sex_names[] = { "sex", "性別", NULL };
static const char * const answers_names[] = { "answers", "回答", NULL };

/* Takes @reader (freed on failure). */
static gboolean
open_reader (ScRespondentInput  *input,
             ScCsvReader        *reader_in,
             const char * const *extra_names,
             gboolean            extra_required,
             GError            **error);

gboolean
sc_respondent_input_open (ScRespondentInput  *input,
                          const char         *path,
                          const char * const *extra_names,
                          gboolean            extra_required,
                          GError            **error)
{
  ScCsvReader *reader;

  memset (input, 0, sizeof *input);
  input->col_extra = -1;
  reader = sc_csv_reader_new_for_path (path, error);
  if (reader == NULL)
    return FALSE;
  return open_reader (input, reader, extra_names, extra_required, error);
}

gboolean
sc_respondent_input_open_bytes (ScRespondentInput  *input,
                                GBytes             *data,
                                const char * const *extra_names,
                                gboolean            extra_required,
                                GError            **error)
{
  ScCsvReader *reader;

  memset (input, 0, sizeof *input);
  input->col_extra = -1;
  reader = sc_csv_reader_new (data, error);
  if (reader == NULL)
    return FALSE;
  return open_reader (input, reader, extra_names, extra_required, error);
}

static gboolean
open_reader (ScRespondentInput  *input,
             ScCsvReader        *reader_in,
             const char * const *extra_names,
             gboolean            extra_required,
             GError            **error)
{
  g_autoptr(ScCsvReader) reader = reader_in;
  g_autoptr(GError) local_error = NULL;
  struct { int *col; const char * const *names; const char *label; } wanted[] = {
    { &input->col_id, id_names, "id" },
    { &input->col_sex, sex_names, "sex" },
    { &input->col_answers, answers_names, "answers" },
  };

  if (!sc_csv_reader_next (reader, &local_error))
    {
      if (local_error)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, SC_CSV_ERROR, SC_CSV_ERROR_EMPTY,
                     "the input is empty: a header line with id,sex,answers is expected");
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    {
      *wanted[i].col = sc_csv_reader_find_column (reader, wanted[i].names);
      if (*wanted[i].col < 0)
        {
          g_set_error (error, SC_CSV_ERROR, SC_CSV_ERROR_HEADER,
                       "line %u: the header has no “%s” column (expected at least id,sex,answers)",
                       sc_csv_reader_line (reader), wanted[i].label);
          return FALSE;
        }
    }

  if (extra_names != NULL)
    {
      input->col_extra = sc_csv_reader_find_column (reader, extra_names);
      if (input->col_extra < 0 && extra_required)
        {
          g_set_error (error, SC_CSV_ERROR, SC_CSV_ERROR_HEADER,
                       "line %u: the header has no “%s” column",
                       sc_csv_reader_line (reader), extra_names[0]);
          return FALSE;
        }
    }

  input->reader = g_steal_pointer (&reader);
  return TRUE;
}

static gboolean
check_row (ScRespondentInput *input,
           ScRespondentRow   *row,
           GError           **error)
{
  ScCsvReader *r = input->reader;
  guint n = sc_csv_reader_n_fields (r);
  const char *sex;
  const char *answers;
  gsize sex_len;
  gsize answers_len;

  if ((guint) input->col_id >= n)
    {
      g_set_error (error, SC_CSV_ERROR, SC_CSV_ERROR_SYNTAX, "missing column id");
      return FALSE;
    }
  if ((guint) input->col_sex >= n)
    {
      g_set_error (error, SC_CSV_ERROR, SC_CSV_ERROR_SYNTAX, "missing column sex");
      return FALSE;
    }
  if ((guint) input->col_answers >= n)
    {
      g_set_error (error, SC_CSV_ERROR, SC_CSV_ERROR_SYNTAX, "missing column answers");
      return FALSE;
    }

  row->id = sc_csv_reader_field (r, (guint) input->col_id, &row->id_len);
  if (row->id_len == 0)
    {
      g_set_error (error, SC_CSV_ERROR, SC_CSV_ERROR_SYNTAX, "the id is empty");
      return FALSE;
    }

  sex = sc_csv_reader_field (r, (guint) input->col_sex, &sex_len);
  if (!sc_sex_parse (sex, (gssize) sex_len, &row->sex))
    {
      if (sex_len == 0)
        g_set_error (error, SC_CSV_ERROR, SC_CSV_ERROR_SYNTAX,
                     "sex is empty (use M/F, 男/女, male/female or 1/2)");
      else
        g_set_error (error, SC_CSV_ERROR, SC_CSV_ERROR_SYNTAX,
                     "unknown sex “%s” (use M/F, 男/女, male/female or 1/2)", sex);
      return FALSE;
    }

  answers = sc_csv_reader_field (r, (guint) input->col_answers, &answers_len);
  if (!sc_answers_parse (answers, answers_len, row->answers, error))
    return FALSE;

  if (input->col_extra >= 0)
    row->extra = sc_csv_reader_field (r, (guint) input->col_extra, &row->extra_len);
  else
    {
      row->extra = "";
      row->extra_len = 0;
    }
  row->line = sc_csv_reader_line (r);
  return TRUE;
}

gboolean
sc_respondent_input_next (ScRespondentInput *input,
                          ScRespondentRow   *row,
                          GError           **error)
{
  g_return_val_if_fail (input->reader != NULL, FALSE);

  for (;;)
    {
      g_autoptr(GError) row_error = NULL;

      if (!sc_csv_reader_next (input->reader, error))
        return FALSE;

      if (check_row (input, row, &row_error))
        return TRUE;

      input->n_bad_rows++;
      fprintf (stderr, "line %u: %s\n", sc_csv_reader_line (input->reader), row_error->message);
    }
}

void
sc_respondent_input_clear (ScRespondentInput *input)
{
  g_clear_pointer (&input->reader, sc_csv_reader_free);
}
