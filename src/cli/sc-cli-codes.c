/* sc-cli-codes.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `stresscheck-cli codes VAULT ROUND`: new access codes for every active employee,
 * printed once.
 */
#define G_LOG_DOMAIN "stresscheck-cli"

#include "config.h"

#include "sc-cli.h"
#include "sc-cli-options.h"
#include "sc-cli-vault-common.h"
#include "sc-secure.h"
#include "sc-vault.h"

/* Writes the header and the slips to stdout: ScVaultCodesDeliverFunc. */
static gboolean
deliver_codes (const char  *csv,
               gsize        len,
               gpointer     user_data,
               GError     **error)
{
  GString *header = user_data;

  return sc_cli_write_stdout (header->str, header->len, error)
         && sc_cli_write_stdout (csv, len, error);
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
               "The codes are printed before they are stored: if the run fails or is\n"
               "stopped, the earlier codes keep working. Cells that start with = + - @\n"
               "(or a tab or carriage return) get a leading ' so that a spreadsheet\n"
               "shows them as text and does not run them as formulas.",
    .usage = "codes VAULT ROUND [--passphrase-file FILE]",
    .n_args = 2,
    .passphrase_help = "Read the passphrase from FILE",
  };
  g_auto(ScCliOptions) options = { NULL };
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(ScVaultRound) round = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) employees = NULL;
  g_autoptr(GString) out = g_string_new ("number,name,code\n");

  if (!sc_cli_options_parse (&spec, &options, NULL, NULL, &argc, &argv))
    return SC_EXIT_USAGE;

  vault = sc_cli_open_vault (argv[1], options.passphrase_file, FALSE, &error);
  if (vault == NULL || !sc_cli_find_round (vault, argv[2], &round, &error))
    return sc_cli_fail (spec.command, error);
  employees = sc_vault_list_employees (vault, &error);
  /* The slips are printed before any code is stored (deliver_codes): killed or failing
   * at any point, either every old code still works or every new one was printed. */
  if (employees == NULL
      || !sc_vault_issue_access_codes_full (vault, round->id, employees, deliver_codes, out,
                                            &error))
    return sc_cli_fail (spec.command, error);
  sc_vault_close (vault);
  return SC_EXIT_OK;
}
