/* sc-cli-demo.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `stresscheck-cli demo VAULT`: a vault to try the program with (see sc-demo.c).
 */
#define G_LOG_DOMAIN "stresscheck-cli"

#include "config.h"

#include "sc-cli.h"
#include "sc-cli-options.h"
#include "sc-demo.h"
#include "sc-vault.h"

#include <stdio.h>

int
sc_cli_demo (int    argc,
             char **argv)
{
  static const ScCliSpec spec = {
    .command = "demo",
    .parameters = "VAULT — create a demo vault",
    .summary = "Creates VAULT with about 30 fictional employees in four departments, an open round\n"
               "with 25 submissions in a mix of consent and interview states, and prints the demo\n"
               "passphrases and the access codes of those who have not answered yet.\n"
               "The demo passphrases are printed and published: never keep real answers in it.",
    .usage = "demo VAULT",
    .n_args = 1,
  };
  g_auto(ScCliOptions) options = { NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new (NULL);

  if (!sc_cli_options_parse (&spec, &options, NULL, NULL, &argc, &argv))
    return SC_EXIT_USAGE;

  if (!sc_demo_create (argv[1], sc_vault_kdf_limits_for_new_vault (), report, &error))
    return sc_cli_fail (spec.command, error);
  fputs (report->str, stdout);
  return SC_EXIT_OK;
}
