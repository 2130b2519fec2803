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

typedef struct
{
  ScVault      *vault;
  gint64        round_id;
  const char   *slips;        /* the PDF to write, or NULL for CSV on stdout */
  const char   *language;
  GString      *header;
} Delivery;

/* ScVaultCodesDeliverFunc: hands the new codes to the person before any is stored — the
 * slips PDF, or the header and the CSV on stdout. */
static gboolean
deliver_codes (const char  *csv,
               gsize        len,
               gpointer     user_data,
               GError     **error)
{
  Delivery *delivery = user_data;
  g_autoptr(GString) all = NULL;
  g_autoptr(ScReport) report = NULL;
  ScReportOptions report_options = { .language = delivery->language };
  gboolean ok;

  if (delivery->slips == NULL)
    return sc_cli_write_stdout (delivery->header->str, delivery->header->len, error)
           && sc_cli_write_stdout (csv, len, error);

  all = g_string_new (delivery->header->str);
  g_string_append_len (all, csv, (gssize) len);
  report_options.codes_csv = all->str;
  report = sc_report_new (delivery->vault, SC_REPORT_SLIPS, delivery->round_id,
                          &report_options, error);
  ok = report != NULL && sc_report_write_pdf (report, delivery->slips, NULL, NULL, NULL, error);
  /* SECURITY: the codes are in the PDF; do not keep them in this process's memory. */
  sc_secure_wipe (all->str, all->len);
  return ok;
}

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
               "With --slips, the codes go into a PDF of access-code slips instead.\n"
               "The codes are printed before they are stored: if the run fails or is\n"
               "stopped, the earlier codes keep working. Cells that start with = + - @\n"
               "(or a tab or carriage return) get a leading ' so that a spreadsheet\n"
               "shows them as text and does not run them as formulas.",
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
  {
    Delivery delivery = { vault, round->id, slips, language, out };

    /* The slips are delivered before any code is stored (deliver_codes): killed or failing
     * at any point, either every old code still works or every new one was delivered. */
    if (employees == NULL
        || !sc_vault_issue_access_codes_full (vault, round->id, employees, deliver_codes,
                                              &delivery, &error))
      return slips != NULL && error != NULL && error->domain != SC_VAULT_ERROR
             ? sc_cli_report_fail (spec.command, error)
             : sc_cli_fail (spec.command, error);
  }
  sc_vault_close (vault);
  return SC_EXIT_OK;
}
