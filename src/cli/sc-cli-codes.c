/* sc-cli-codes.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `stresscheck-cli codes VAULT ROUND`: new access codes for every active employee,
 * printed once, as CSV or (--slips) as access-code slips in a PDF.
 */
#define G_LOG_DOMAIN "stresscheck-cli"

#include "config.h"

#include "sc-cli.h"
#include "sc-cli-options.h"
#include "sc-cli-vault-common.h"
#include "sc-report.h"
#include "sc-secure.h"
#include "sc-vault.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <unistd.h>

int
sc_cli_codes (int    argc,
              char **argv)
{
  static const ScCliSpec spec = {
    .command = "codes",
    .parameters = "VAULT ROUND — issue access codes",
    .summary = "Gives every active employee a new random access code for ROUND and\n"
               "prints them once as CSV (number,name,code). Only a hash is kept, so\n"
               "the codes cannot be shown again; running this again replaces them.\n"
               "With --slips, the codes go into a PDF of access-code slips instead.",
    .usage = "codes VAULT ROUND [--passphrase-file FILE] [--slips FILE.pdf] "
             "[--employee NUMBER]",
    .n_args = 2,
    .passphrase_help = "Read the passphrase from FILE",
  };
  g_auto(ScCliOptions) options = { NULL };
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(ScVaultRound) round = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) employees = NULL;
  g_autoptr(GString) out = g_string_new ("number,name,code\n");
  g_autofree char *slips = NULL;
  g_autofree char *language = NULL;
  g_auto(GStrv) only = NULL;
  GOptionEntry entries[] = {
    { "employee", 0, 0, G_OPTION_ARG_STRING_ARRAY, &only,
      "Issue a code for this employee number only (repeatable), e.g. to replace a lost "
      "slip", "NUMBER" },
    { "slips", 0, 0, G_OPTION_ARG_FILENAME, &slips,
      "Print the codes as access-code slips to FILE (PDF) instead of CSV", "FILE" },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language,
      "Language of the slips: ja (default) or en", "LANG" },
    { NULL }
  };

  if (!sc_cli_options_parse (&spec, &options, entries, NULL, &argc, &argv))
    return SC_EXIT_USAGE;

  vault = sc_cli_open_vault (argv[1], options.passphrase_file, FALSE, &error);
  if (vault == NULL || !sc_cli_find_round (vault, argv[2], &round, &error))
    return sc_cli_fail (spec.command, error);
  if (slips != NULL)
    {
      g_autofree char *folder = g_path_get_dirname (slips);

      /* Issuing replaces the old codes: make sure the slips can be written first, so that
       * nobody is left with codes that were never printed. */
      if (g_access (folder, W_OK) != 0)
        {
          sc_cli_error ("%s: cannot write the slips to “%s”: %s", spec.command, slips,
                        g_strerror (errno));
          return SC_EXIT_CANTCREAT;
        }
    }
  employees = sc_vault_list_employees (vault, &error);
  if (employees != NULL && only != NULL)
    {
      /* Reissuing a lost code: the others keep theirs, and one slip is printed. */
      for (guint i = employees->len; i > 0; i--)
        {
          ScEmployee *e = g_ptr_array_index (employees, i - 1);

          if (!g_strv_contains ((const char * const *) only, e->number))
            g_ptr_array_remove_index (employees, i - 1);
        }
      if (employees->len != g_strv_length (only))
        {
          sc_cli_error ("%s: an employee number given with --employee is not on the roster",
                        spec.command);
          return SC_EXIT_NOINPUT;
        }
    }
  if (employees == NULL || !sc_vault_issue_access_codes (vault, round->id, employees, out, &error))
    return sc_cli_fail (spec.command, error);
  if (slips != NULL)
    {
      ScReportOptions report_options = { .language = language, .codes_csv = out->str };
      g_autoptr(ScReport) report = sc_report_new (vault, SC_REPORT_SLIPS, round->id,
                                                  &report_options, &error);

      if (report == NULL || !sc_report_write_pdf (report, slips, NULL, NULL, NULL, &error))
        {
          sc_secure_wipe (out->str, out->len);
          return sc_cli_report_fail (spec.command, error);
        }
    }
  else if (!sc_cli_write_stdout (out->str, out->len, &error))
    return sc_cli_fail (spec.command, error);
  /* SECURITY: the codes were printed; do not keep them in this process's memory. */
  sc_secure_wipe (out->str, out->len);
  sc_vault_close (vault);
  return SC_EXIT_OK;
}
