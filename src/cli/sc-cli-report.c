/* sc-cli-report.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `stresscheck-cli report KIND VAULT ROUND -o FILE.pdf`: a PDF report drawn by the core
 * (sc-report.h), with the same role rules as the app: the passphrase decides what may be
 * printed, and a refused report writes no file. Every report written is audited.
 */
#define G_LOG_DOMAIN "stresscheck-cli"

#include "config.h"

#include "sc-cli.h"
#include "sc-cli-options.h"
#include "sc-cli-vault-common.h"
#include "sc-report.h"
#include "sc-vault.h"
#include "sc-vault-releases.h"

#include <string.h>

int
sc_cli_report_fail (const char   *command,
                    const GError *error)
{
  if (error->domain != SC_REPORT_ERROR)
    return sc_cli_fail (command, error);
  sc_cli_error ("%s: %s", command, error->message);
  switch ((ScReportError) error->code)
    {
    case SC_REPORT_ERROR_PERMISSION:
      return SC_EXIT_NOPERM;
    case SC_REPORT_ERROR_EMPTY:
    case SC_REPORT_ERROR_INVALID:
      return SC_EXIT_DATAERR;
    case SC_REPORT_ERROR_IO:
      return SC_EXIT_CANTCREAT;
    case SC_REPORT_ERROR_UNKNOWN_KIND:
      return SC_EXIT_USAGE;
    default:
      return SC_EXIT_FAILURE;
    }
}

static gboolean
parse_scope (char            **scopes,
             ScReportOptions  *options,
             GPtrArray        *numbers,
             GError          **error)
{
  static const struct
  {
    const char *name;
    guint       flag;
  } filters[] = {
    { "high-stress", SC_RESULT_FILTER_HIGH_STRESS },
    { "incomplete", SC_RESULT_FILTER_INCOMPLETE },
    { "pending", SC_RESULT_FILTER_DECISION_PENDING },
    { "consented", SC_RESULT_FILTER_CONSENTED },
    { "requested", SC_RESULT_FILTER_REQUESTED },
  };

  for (guint i = 0; scopes != NULL && scopes[i] != NULL; i++)
    {
      const char *s = scopes[i];
      const char *value = strchr (s, '=');
      gboolean found = FALSE;

      if (value == NULL)
        goto bad;
      value++;
      if (g_str_has_prefix (s, "department="))
        options->department = value;
      else if (g_str_has_prefix (s, "employee="))
        g_ptr_array_add (numbers, (gpointer) value);
      else if (g_str_has_prefix (s, "search="))
        options->search = value;
      else if (g_str_has_prefix (s, "filter="))
        {
          for (guint j = 0; j < G_N_ELEMENTS (filters); j++)
            if (g_str_equal (value, filters[j].name))
              {
                options->filter |= filters[j].flag;
                found = TRUE;
              }
          if (!found)
            goto bad;
        }
      else
        goto bad;
      continue;
bad:
      g_set_error (error, SC_REPORT_ERROR, SC_REPORT_ERROR_UNKNOWN_KIND,
                   "unknown --scope “%s” (use department=NAME, employee=NUMBER, search=TEXT "
                   "or filter=high-stress|incomplete|pending|consented|requested)", s);
      return FALSE;
    }
  if (numbers->len > 0)
    {
      g_ptr_array_add (numbers, NULL);
      options->numbers = (const char * const *) numbers->pdata;
    }
  return TRUE;
}

/* `report group VAULT ROUND --list-releases`: the analyses released for the round, one a
 * line: id, date, who released it and the title (tab-separated). */
static int
list_releases (ScVault            *vault,
               const ScVaultRound *round)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) releases = sc_vault_list_releases (vault, &error);

  if (releases == NULL)
    return sc_cli_fail ("report", error);
  for (guint i = 0; i < releases->len; i++)
    {
      const ScVaultRelease *r = g_ptr_array_index (releases, i);
      g_autoptr(GDateTime) when = NULL;
      g_autofree char *date = NULL;

      if (r->round_id != round->id || r->withdrawn_at != 0)
        continue;
      when = g_date_time_new_from_unix_local (r->released_at);
      date = when != NULL ? g_date_time_format (when, "%Y-%m-%d") : g_strdup ("");
      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", r->id, date, r->released_by, r->title);
    }
  sc_vault_close (vault);
  return SC_EXIT_OK;
}

int
sc_cli_report (int    argc,
               char **argv)
{
  g_autoptr(GString) summary = g_string_new ("Draws a PDF report of ROUND (A4; Japanese by "
                                             "default). The passphrase decides\nwhat may be "
                                             "printed; a refused report writes no file.\n\n"
                                             "Kinds:\n");
  ScCliSpec spec = {
    .command = "report",
    .parameters = "KIND VAULT ROUND -o FILE.pdf — write a PDF report",
    .usage = "report KIND VAULT ROUND -o FILE.pdf [--passphrase-file FILE] [--scope …] "
             "[--language ja|en] [--release ID] | report group VAULT ROUND --list-releases",
    .n_args = 3,
    .passphrase_help = "Read the passphrase from FILE",
  };
  g_auto(ScCliOptions) options = { NULL };
  g_autofree char *output = NULL;
  g_autofree char *language = NULL;
  g_auto(GStrv) scopes = NULL;
  gint64 release_id = 0;
  gboolean list = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write the PDF to FILE", "FILE" },
    { "scope", 0, 0, G_OPTION_ARG_STRING_ARRAY, &scopes,
      "Limit the report: department=NAME, employee=NUMBER (repeatable), search=TEXT, "
      "filter=high-stress|incomplete|pending|consented|requested", "SCOPE" },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language, "ja (default) or en", "LANG" },
    { "release", 0, 0, G_OPTION_ARG_INT64, &release_id,
      "group: print the analysis released to HR with this id (HR must give one)", "ID" },
    { "list-releases", 0, 0, G_OPTION_ARG_NONE, &list,
      "group: list the analyses released for ROUND (id, date, by, title) and exit", NULL },
    { NULL }
  };
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(ScVaultRound) round = NULL;
  g_autoptr(ScReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) numbers = g_ptr_array_new ();
  ScReportOptions report_options = { NULL };
  ScReportKind kind;

  for (guint i = 0; i < SC_REPORT_N_KINDS; i++)
    g_string_append_printf (summary, "  %-14s %s\n", sc_report_kind_to_string (i),
                            sc_report_kind_describe (i));
  g_string_append (summary, "\nAccess-code slips exist only when the codes are issued (the "
                   "vault keeps\nhashes): print them with “stresscheck-cli codes VAULT ROUND "
                   "--slips FILE.pdf”.\nHR prints a released group analysis: list them with "
                   "“report group VAULT ROUND\n--list-releases”, then give “--release ID”.");
  spec.summary = summary->str;

  if (!sc_cli_options_parse (&spec, &options, entries, NULL, &argc, &argv))
    return SC_EXIT_USAGE;
  if (!sc_report_kind_from_string (argv[1], &kind))
    {
      sc_cli_error ("report: unknown report kind “%s” (see stresscheck-cli report --help)",
                    argv[1]);
      return SC_EXIT_USAGE;
    }
  if ((list || release_id != 0) && kind != SC_REPORT_GROUP)
    {
      sc_cli_error ("report: --release and --list-releases are for the group report");
      return SC_EXIT_USAGE;
    }
  if (output == NULL && !list)
    return sc_cli_usage_error (spec.command, spec.usage);
  if (kind == SC_REPORT_SLIPS)
    {
      sc_cli_error ("report: access-code slips can only be printed when the codes are "
                    "issued, because the vault keeps only their hashes: run "
                    "“stresscheck-cli codes VAULT ROUND --slips FILE.pdf”");
      return SC_EXIT_USAGE;
    }
  report_options.language = language;
  report_options.release_id = release_id;
  if (!parse_scope (scopes, &report_options, numbers, &error))
    {
      sc_cli_error ("report: %s", error->message);
      return SC_EXIT_USAGE;
    }

  vault = sc_cli_open_vault (argv[2], options.passphrase_file, FALSE, &error);
  if (vault == NULL || !sc_cli_find_round (vault, argv[3], &round, &error))
    return sc_cli_fail (spec.command, error);
  if (list)
    return list_releases (vault, round);
  report = sc_report_new (vault, kind, round->id, &report_options, &error);
  if (report == NULL || !sc_report_write_pdf (report, output, NULL, NULL, NULL, &error))
    return sc_cli_report_fail (spec.command, error);
  if (!sc_vault_audit_append (vault, "report.export", round->id, &error))
    return sc_cli_fail (spec.command, error);
  sc_vault_close (vault);
  return SC_EXIT_OK;
}
