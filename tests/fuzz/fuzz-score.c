/* fuzz-score.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target for the paths of `stresscheck-cli score` and `group`: the respondent
 * CSV (sc-cli-input.c: header look-up, id, sex and answers of each row), scoring, the
 * CSV and JSON result rows (with the formula escape of the id), and the group analysis
 * with its JSON. Any bytes must give results or errors, never a crash; every output row
 * must be one line of valid UTF-8, and no CSV row may start with a formula character.
 */
#define G_LOG_DOMAIN "fuzz-score"

#include "config.h"

#include "sc-chart-constants.h"
#include "sc-cli-input.h"
#include "sc-group.h"
#include "sc-score-format.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static const char * const group_names[] = { "group", "集団", "部署", NULL };

/* One row: valid UTF-8 ending in a newline, and (@one_line) no newline before that. A CSV
 * row may span lines inside a quoted id; a JSON row may not. */
static void
check_row (const GString *out,
           gsize          start,
           gboolean       one_line)
{
  const char *line = out->str + start;
  gsize len = out->len - start;

  if (len == 0 || line[len - 1] != '\n' || !g_utf8_validate (line, (gssize) len, NULL)
      || (one_line && memchr (line, '\n', len - 1) != NULL))
    abort ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GArray) respondents = g_array_new (FALSE, TRUE, sizeof (ScGroupRespondent));
  g_autoptr(GStringChunk) labels = g_string_chunk_new (256);
  ScRespondentInput input;
  ScRespondentRow row;
  ScGroupAnalysis *analysis;

  if (!sc_respondent_input_open_bytes (&input, bytes, group_names, FALSE, &error))
    {
      if (error == NULL || error->message[0] == '\0')
        abort ();
      return 0;
    }

  while (sc_respondent_input_next (&input, &row, &error))
    {
      ScGroupRespondent r;
      gsize start;

      if (row.id_len == 0 || row.line < 2)
        abort ();
      sc_score (row.answers, row.sex, NULL, &r.result);

      start = out->len;
      sc_result_append_csv (out, row.id, (gssize) row.id_len, &r.result);
      check_row (out, start, FALSE);
      /* The id cell, quoted or not, never starts with a formula character. */
      if (strchr (SC_CSV_FORMULA_PREFIXES,
                  out->str[start + (out->str[start] == '"' ? 1 : 0)]) != NULL)
        abort ();
      start = out->len;
      sc_result_append_json (out, row.id, (gssize) row.id_len, &r.result);
      check_row (out, start, TRUE);
      g_string_truncate (out, 0);

      r.group = g_string_chunk_insert_len (labels, row.extra, (gssize) row.extra_len);
      g_array_append_val (respondents, r);
    }
  sc_respondent_input_clear (&input);
  if (error != NULL && error->message[0] == '\0')
    abort ();
  g_clear_error (&error);

  analysis = sc_group_analyse ((const ScGroupRespondent *) (void *) respondents->data,
                               respondents->len, 10, sc_chart_constant_set_default (),
                               &error);
  if (analysis == NULL)
    {
      /* Only a label that is not UTF-8 is refused; the reader gives UTF-8. */
      abort ();
    }
  sc_group_analysis_to_json (analysis, out);
  if (!g_utf8_validate (out->str, (gssize) out->len, NULL))
    abort ();
  sc_group_analysis_free (analysis);
  return 0;
}
