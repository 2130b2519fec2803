/* sc-cli-options.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one option parser of stresscheck-cli. Every command describes itself with an
 * ScCliSpec (its name, --help texts, positional arguments and which of the common
 * passphrase options it takes); sc_cli_options_parse () builds the GOptionContext, adds
 * the common options before the command's own, and reports usage errors the same way for
 * every command: "stresscheck-cli: COMMAND: message" on stderr and exit status 64
 * (EX_USAGE). Command groups (vault, roster, round) dispatch their subcommands with
 * sc_cli_dispatch ().
 */
#pragma once

#include "sc-cli.h"

G_BEGIN_DECLS

typedef struct
{
  /* "vault create": what messages and --help call the command. */
  const char *command;
  /* The text after "Usage: … [OPTION…]" in --help, e.g. "VAULT — create a new vault". */
  const char *parameters;
  /* The paragraph under the usage line in --help. */
  const char *summary;
  /* Shown after "usage: stresscheck-cli " when the number of positional arguments is
   * wrong, e.g. "vault verify VAULT [--passphrase-file FILE]"; NULL to not count them. */
  const char *usage;
  /* How many positional arguments the command takes (checked when @usage is set). */
  int         n_args;
  /* The --help text of --passphrase-file (-p), or NULL when the command does not take it. */
  const char *passphrase_help;
  /* The --help text of --hr-passphrase-file, or NULL when the command does not take it. */
  const char *hr_passphrase_help;
} ScCliSpec;

/* What the common options were given as; free with sc_cli_options_clear (). */
typedef struct
{
  char *passphrase_file;
  char *hr_passphrase_file;
} ScCliOptions;

void     sc_cli_options_clear (ScCliOptions *options);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ScCliOptions, sc_cli_options_clear)

/**
 * sc_cli_options_parse:
 * @spec: the command
 * @options: (out caller-allocates): the common options, zero-initialized by the caller
 * @entries: (nullable): the command's own options, after the common ones in --help
 * @group: (nullable) (transfer full): one more group of options (its own --help-NAME)
 * @argc: (inout): the command's argc; on return only the program and its positional
 *   arguments are left
 * @argv: (inout): the command's argv, argv[0] naming the command
 *
 * Parses the options of @spec (handling --help itself, which exits 0) and, when
 * @spec->usage is set, checks that exactly @spec->n_args positional arguments are left.
 *
 * Returns: %TRUE, or %FALSE after printing the usage error: the command then exits
 *   with %SC_EXIT_USAGE.
 */
gboolean sc_cli_options_parse (const ScCliSpec  *spec,
                               ScCliOptions     *options,
                               GOptionEntry     *entries,
                               GOptionGroup     *group,
                               int              *argc,
                               char           ***argv);

/* Prints "stresscheck-cli: COMMAND: usage: stresscheck-cli USAGE" and returns
 * %SC_EXIT_USAGE. */
int      sc_cli_usage_error   (const char       *command,
                               const char       *usage);

/* The exit status (sysexits.h) that fits an error. */
int      sc_cli_exit_status_for (const GError   *error);

/* Prints "stresscheck-cli: COMMAND: message" and returns the exit status for @error. */
int      sc_cli_fail          (const char       *command,
                               const GError     *error);

/**
 * sc_cli_dispatch:
 * @group: "vault", "roster", "round"
 * @commands: the subcommands of @group
 *
 * Runs the subcommand named by argv[1] (argv[0] of the subcommand becomes "GROUP NAME",
 * which its --help shows). Without one, or with --help, lists the subcommands: on
 * stdout with exit 0 for --help, otherwise on stderr with exit 64.
 */
int      sc_cli_dispatch      (const char         *group,
                               const ScCliCommand *commands,
                               guint               n_commands,
                               int                 argc,
                               char              **argv);

G_END_DECLS
