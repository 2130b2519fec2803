/* sc-cli-group.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `stresscheck-cli group [--min-size N] [--constants FILE | --constant-set ID] [FILE|-]`
 */
#define G_LOG_DOMAIN "stresscheck-cli"

#include "config.h"

#include "sc-cli.h"
#include "sc-cli-input.h"
#include "sc-cli-options.h"
#include "sc-group.h"

#include <string.h>

static const char * const group_names[] = { "group", "集団", "部署", NULL };

int
sc_cli_group (int    argc,
              char **argv)
{
  static const ScCliSpec spec = {
    .command = "group",
    .parameters = "— group analysis and judgement-chart health risks",
    .summary = "Reads the same CSV as “score” (id, sex, answers) plus a group column (header\n"
               "group, 集団 or 部署; empty = no group) and writes one JSON document: for the whole\n"
               "workplace (“total”, 全体) and each group, in order of first appearance, the number\n"
               "of respondents, the means of the four judgement-chart scales (3–12), the health\n"
               "risks of the 仕事のストレス判定図 (100 = national average) and the mean 評価点 of\n"
               "the 19 scales. Per-sex figures use that sex's constants; the combined risks are\n"
               "the per-sex risks weighted by sex headcount (there is no official mixed-sex rule).\n"
               "Only complete questionnaires are analysed; incomplete ones are counted as\n"
               "excluded_incomplete (\"respondents\" counts every row read, complete or not).\n"
               "The number of high-stress respondents is never reported.\n"
               "\n"
               "Suppression (spec §7; a suppressed entry shows only its name and the reason):\n"
               "  workplace_too_small     fewer than N complete respondents in all: no group\n"
               "                          analysis at all\n"
               "  too_small               a group with fewer than N respondents\n"
               "  complementary           a shown group hidden because the total minus the shown\n"
               "                          groups would otherwise reveal fewer than N people\n"
               "  sex_subgroup_too_small  (by_sex only) one sex has fewer than N in the group\n"
               "  sex_complementary       (by_sex only) the same differencing rule, per sex\n"
               "N is 10; --min-size may raise it but never lower it.\n"
               "\n"
               "The chart constants are NOT verified against the primary table (要確認). The\n"
               "default is set A (impl-ts, citing the University of Tokyo technote); set B is the\n"
               "old ironwest/sctool-r set. Once the table has been checked, give the checked\n"
               "values with --constants FILE, a key file with groups [set] (id, name, source,\n"
               "verified), [male] and [female] (A0, alpha, B0, beta, C0, gamma, D0, delta).\n"
               "\n"
               "A bad row is named on stderr as “line N: reason”; the other rows are still\n"
               "analysed and the exit status is 65. Wrong options exit with 64.",
  };
  g_auto(ScCliOptions) options = { NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *constants_path = NULL;
  g_autofree char *constant_set_id = NULL;
  g_auto(GStrv) files = NULL;
  g_autoptr(ScChartConstantSet) loaded = NULL;
  g_autoptr(GStringChunk) labels = NULL;
  g_autoptr(GArray) respondents = NULL;
  g_autoptr(ScGroupAnalysis) analysis = NULL;
  g_autoptr(GString) out = NULL;
  const ScChartConstantSet *constants = sc_chart_constant_set_default ();
  const ScGroupEntry *total;
  ScRespondentInput input;
  ScRespondentRow row;
  const char *path = "-";
  int min_size = SC_GROUP_MIN_SIZE_DEFAULT;
  guint bad;
  GOptionEntry entries[] = {
    { "min-size", 'm', 0, G_OPTION_ARG_INT, &min_size,
      "Smallest group that is shown (default and minimum: 10)", "N" },
    { "constants", 'c', 0, G_OPTION_ARG_FILENAME, &constants_path,
      "Judgement-chart constants from a key file ([set], [male], [female])", "FILE" },
    { "constant-set", 0, 0, G_OPTION_ARG_STRING, &constant_set_id,
      "A built-in constant set: set-a (corrected means, default), legacy (the technote's "
      "original means) or set-b", "ID" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "[FILE|-]" },
    { NULL }
  };

  if (!sc_cli_options_parse (&spec, &options, entries, NULL, &argc, &argv))
    return SC_EXIT_USAGE;

  /* The law's floor (spec §7): never show a group under 10, whatever is asked. */
  if (min_size < SC_GROUP_MIN_SIZE_DEFAULT)
    {
      sc_cli_error ("group: --min-size must be at least %d: results of groups under %d "
                    "respondents may not be shown (spec §7)",
                    SC_GROUP_MIN_SIZE_DEFAULT, SC_GROUP_MIN_SIZE_DEFAULT);
      return SC_EXIT_USAGE;
    }

  if (constants_path != NULL && constant_set_id != NULL)
    {
      sc_cli_error ("group: give either --constants or --constant-set, not both");
      return SC_EXIT_USAGE;
    }
  if (constant_set_id != NULL)
    {
      constants = sc_chart_constant_set_builtin (constant_set_id);
      if (constants == NULL)
        {
          sc_cli_error ("group: unknown constant set “%s” (use set-a, legacy or set-b)",
                        constant_set_id);
          return SC_EXIT_USAGE;
        }
    }

  if (files != NULL && files[0] != NULL)
    {
      if (files[1] != NULL)
        {
          sc_cli_error ("group: give one input file (or - for standard input)");
          return SC_EXIT_USAGE;
        }
      path = files[0];
    }

  if (constants_path != NULL)
    {
      loaded = sc_chart_constant_set_load_from_file (constants_path, &error);
      if (loaded == NULL)
        {
          sc_cli_error ("%s: %s", constants_path, error->message);
          return error->code == SC_CHART_CONSTANTS_ERROR_READ
                 ? SC_EXIT_NOINPUT : SC_EXIT_DATAERR;
        }
      constants = loaded;
    }

  if (!sc_respondent_input_open (&input, path, group_names, TRUE, &error))
    {
      sc_cli_error ("%s: %s", strcmp (path, "-") == 0 ? "standard input" : path, error->message);
      return error->domain == SC_CSV_ERROR && error->code == SC_CSV_ERROR_READ
             ? SC_EXIT_NOINPUT : SC_EXIT_DATAERR;
    }

  /* The reader reuses its field buffers, so labels are copied; a string chunk keeps one
   * copy of each distinct label at a stable address. */
  labels = g_string_chunk_new (1024);
  respondents = g_array_new (FALSE, TRUE, sizeof (ScGroupRespondent));
  while (sc_respondent_input_next (&input, &row, &error))
    {
      ScGroupRespondent r;
      g_autofree char *label = g_strndup (row.extra, row.extra_len);

      /* "営業部 " and "営業部" typed in a spreadsheet are the same department. */
      g_strstrip (label);
      r.group = g_string_chunk_insert_const (labels, label);
      sc_score (row.answers, row.sex, NULL, &r.result);
      g_array_append_val (respondents, r);
    }
  bad = input.n_bad_rows;
  sc_respondent_input_clear (&input);
  if (error != NULL)
    {
      sc_cli_error ("%s", error->message);
      return SC_EXIT_DATAERR;
    }

  analysis = sc_group_analyse ((const ScGroupRespondent *) (void *) respondents->data,
                               respondents->len, (guint) min_size, constants, &error);
  if (analysis == NULL)
    {
      sc_cli_error ("group: %s", error->message);
      return SC_EXIT_DATAERR;
    }

  out = g_string_new (NULL);
  sc_group_analysis_to_json (analysis, out);
  if (!sc_cli_write_stdout (out->str, out->len, &error))
    {
      sc_cli_error ("%s", error->message);
      return SC_EXIT_IOERR;
    }

  total = sc_group_analysis_get_total (analysis);
  if (sc_group_entry_get_suppression (total) == SC_GROUP_SUPPRESSION_WORKPLACE_TOO_SMALL)
    sc_cli_error ("group: only %u complete questionnaire%s: a workplace with fewer than %d "
                  "respondents gets no group analysis",
                  sc_group_entry_get_n (total), sc_group_entry_get_n (total) == 1 ? "" : "s",
                  min_size);

  if (bad > 0)
    {
      sc_cli_error ("%u row%s could not be read (see the lines above)", bad, bad == 1 ? "" : "s");
      return SC_EXIT_DATAERR;
    }
  return SC_EXIT_OK;
}
