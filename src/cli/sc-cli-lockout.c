/* sc-cli-lockout.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `stresscheck-cli lift-lockout VAULT ROUND NUMBER`: the implementer lifts the lock-out
 * that five wrong access codes put on an employee number.
 */
#define G_LOG_DOMAIN "stresscheck-cli"

#include "config.h"

#include "sc-cli.h"
#include "sc-cli-options.h"
#include "sc-cli-vault-common.h"
#include "sc-vault.h"

#include <stdio.h>

int
sc_cli_lift_lockout (int    argc,
                     char **argv)
{
  static const ScCliSpec spec = {
    .command = "lift-lockout",
    .parameters = "VAULT ROUND NUMBER — let an employee try codes again",
    .summary = "After five wrong access codes an employee number is locked for up to an hour.\n"
               "When the person has shown their slip to the staff, the implementer lifts the\n"
               "lock-out here; the employee can log in at once. The lift is written to the audit\n"
               "log. Exit status 77: not the implementer's passphrase; 66: no such round,\n"
               "employee or code.",
    .usage = "lift-lockout VAULT ROUND NUMBER [--passphrase-file FILE]",
    .n_args = 3,
    .passphrase_help = "Read the implementer passphrase from FILE",
  };
  g_auto(ScCliOptions) options = { NULL };
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(ScVaultRound) round = NULL;
  g_autoptr(GError) error = NULL;

  if (!sc_cli_options_parse (&spec, &options, NULL, NULL, &argc, &argv))
    return SC_EXIT_USAGE;

  vault = sc_cli_open_vault (argv[1], options.passphrase_file, FALSE, &error);
  if (vault == NULL || !sc_cli_find_round (vault, argv[2], &round, &error)
      || !sc_vault_lift_lockout (vault, round->id, argv[3], &error))
    return sc_cli_fail (spec.command, error);
  printf ("Employee %s can enter their access code for round %" G_GINT64_FORMAT " again.\n",
          argv[3], round->id);
  sc_vault_close (vault);
  return SC_EXIT_OK;
}
