/* sc-cli-group.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 * Placeholder replaced by the group-analysis work in this same change.
 */
#include "config.h"
#include "sc-cli.h"

int
sc_cli_group (int argc, char **argv)
{
  sc_cli_error ("group: not built yet");
  return SC_EXIT_SOFTWARE;
}
