/* sc-cli-score.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `stresscheck-cli score [--format jsonl|csv] [FILE|-]`
 */
#define G_LOG_DOMAIN "stresscheck-cli"

#include "config.h"

#include "sc-cli.h"
#include "sc-cli-input.h"
#include "sc-cli-options.h"
#include "sc-score-format.h"

#include <string.h>

#define FLUSH_AT (1 << 20)

int
sc_cli_score (int    argc,
              char **argv)
{
  static const ScCliSpec spec = {
    .command = "score",
    .parameters = "[FILE|-] — score BJSQ-57 questionnaires",
    .summary = "Reads a CSV file (UTF-8 with or without BOM, or Shift_JIS/CP932) whose header names\n"
               "at least the columns id, sex and answers, and writes one result per row in input\n"
               "order. sex: M/F, 男/女, male/female or 1/2. answers: 57 characters A1…D2, each 1–4\n"
               "(the printed option's position), or 0/- for no answer.\n"
               "\n"
               "Both criteria are always reported: “sum” is 評価基準の例（その1）, “conversion” is\n"
               "（その2）. A row with a missing answer is scored as far as it can be and has\n"
               "complete false; a scale or area with a missing item is null. A missing item of A, B\n"
               "or C leaves no verdict (high_stress null); 満足度 (D1, D2) never enters a criterion,\n"
               "so a missing D answer keeps the verdict. A bad row is named on stderr as\n"
               "“line N: reason”; the other rows are still scored and the exit status is 65.\n"
               "\n"
               "In CSV output an id that starts with = + - @ (or a tab or carriage return) gets a\n"
               "leading ' so that a spreadsheet shows it as text and does not run it as a formula.",
  };
  g_auto(ScCliOptions) options = { NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *format = NULL;
  g_auto(GStrv) files = NULL;
  g_autoptr(GString) out = NULL;
  ScRespondentInput input;
  ScRespondentRow row;
  gboolean csv = FALSE;
  const char *path = "-";
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      "Output format: jsonl (default) or csv", "FORMAT" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "[FILE|-]" },
    { NULL }
  };

  if (!sc_cli_options_parse (&spec, &options, entries, NULL, &argc, &argv))
    return SC_EXIT_USAGE;

  if (format == NULL || strcmp (format, "jsonl") == 0 || strcmp (format, "json") == 0)
    csv = FALSE;
  else if (strcmp (format, "csv") == 0)
    csv = TRUE;
  else
    {
      sc_cli_error ("score: unknown format “%s” (use jsonl or csv)", format);
      return SC_EXIT_USAGE;
    }

  if (files != NULL && files[0] != NULL)
    {
      if (files[1] != NULL)
        {
          sc_cli_error ("score: give one input file (or - for standard input)");
          return SC_EXIT_USAGE;
        }
      path = files[0];
    }

  if (!sc_respondent_input_open (&input, path, NULL, FALSE, &error))
    {
      sc_cli_error ("%s: %s", strcmp (path, "-") == 0 ? "standard input" : path, error->message);
      return error->domain == SC_CSV_ERROR && error->code == SC_CSV_ERROR_READ
             ? SC_EXIT_NOINPUT : SC_EXIT_DATAERR;
    }

  out = g_string_sized_new (FLUSH_AT + 4096);
  if (csv)
    sc_result_append_csv_header (out);

  while (sc_respondent_input_next (&input, &row, &error))
    {
      ScResult result;

      sc_score (row.answers, row.sex, NULL, &result);
      if (csv)
        sc_result_append_csv (out, row.id, (gssize) row.id_len, &result);
      else
        sc_result_append_json (out, row.id, (gssize) row.id_len, &result);

      if (out->len >= FLUSH_AT)
        {
          if (!sc_cli_write_stdout (out->str, out->len, &error))
            break;
          g_string_truncate (out, 0);
        }
    }

  /* Rows scored before a fatal syntax error are still written. */
  if (error == NULL || error->domain != G_IO_ERROR)
    {
      g_autoptr(GError) write_error = NULL;

      if (!sc_cli_write_stdout (out->str, out->len, &write_error) && error == NULL)
        g_propagate_error (&error, g_steal_pointer (&write_error));
    }

  if (error != NULL)
    {
      gboolean io = error->domain == G_IO_ERROR;

      sc_cli_error ("%s", error->message);
      sc_respondent_input_clear (&input);
      return io ? SC_EXIT_IOERR : SC_EXIT_DATAERR;
    }

  {
    guint bad = input.n_bad_rows;

    sc_respondent_input_clear (&input);
    if (bad > 0)
      {
        sc_cli_error ("%u row%s could not be scored (see the lines above)", bad, bad == 1 ? "" : "s");
        return SC_EXIT_DATAERR;
      }
  }
  return SC_EXIT_OK;
}
