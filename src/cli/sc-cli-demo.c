/* sc-cli-demo.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `stresscheck-cli demo VAULT`: a vault to try the program with (see sc-demo.c).
 */
#define G_LOG_DOMAIN "stresscheck-cli"

#include "config.h"

#include "sc-cli.h"
#include "sc-cli-vault.h"
#include "sc-demo.h"

#include <stdio.h>

int
sc_cli_demo (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new (NULL);

  context = g_option_context_new ("VAULT — create a demo vault");
  g_option_context_set_summary (context,
    "Creates VAULT with about 30 fictional employees in four departments, an open round\n"
    "with 25 submissions in a mix of consent and interview states, and prints the demo\n"
    "passphrases and the access codes of those who have not answered yet.\n"
    "The demo passphrases are printed and published: never keep real answers in it.");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      sc_cli_error ("demo: %s", error->message);
      return SC_EXIT_USAGE;
    }
  if (argc != 2)
    {
      sc_cli_error ("demo: usage: stresscheck-cli demo VAULT");
      return SC_EXIT_USAGE;
    }

  if (!sc_demo_create (argv[1], sc_vault_kdf_limits_for_new_vault (), report, &error))
    {
      sc_cli_error ("demo: %s", error->message);
      return sc_cli_exit_status_for (error);
    }
  fputs (report->str, stdout);
  return SC_EXIT_OK;
}
