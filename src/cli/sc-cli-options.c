/* sc-cli-options.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The option parser, usage errors and exit statuses that every command of
 * stresscheck-cli shares (see sc-cli-options.h).
 */
#define G_LOG_DOMAIN "stresscheck-cli"

#include "config.h"

#include "sc-cli-options.h"
#include "sc-csv.h"
#include "sc-roster.h"
#include "sc-vault.h"

#include <stdio.h>
#include <string.h>

void
sc_cli_options_clear (ScCliOptions *options)
{
  g_clear_pointer (&options->passphrase_file, g_free);
  g_clear_pointer (&options->hr_passphrase_file, g_free);
}

gboolean
sc_cli_options_parse (const ScCliSpec  *spec,
                      ScCliOptions     *options,
                      GOptionEntry     *entries,
                      GOptionGroup     *group,
                      int              *argc,
                      char           ***argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry common[3] = { { NULL } };
  guint n_common = 0;

  g_return_val_if_fail (spec != NULL && spec->command != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  /* The common options come first, so every command lists them in the same place. */
  if (spec->passphrase_help != NULL)
    common[n_common++] = (GOptionEntry) {
      "passphrase-file", 'p', 0, G_OPTION_ARG_FILENAME, &options->passphrase_file,
      spec->passphrase_help, "FILE"
    };
  if (spec->hr_passphrase_help != NULL)
    common[n_common++] = (GOptionEntry) {
      "hr-passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &options->hr_passphrase_file,
      spec->hr_passphrase_help, "FILE"
    };

  context = g_option_context_new (spec->parameters);
  if (spec->summary != NULL)
    g_option_context_set_summary (context, spec->summary);
  if (n_common > 0)
    g_option_context_add_main_entries (context, common, NULL);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, NULL);
  if (group != NULL)
    g_option_context_add_group (context, group);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      sc_cli_error ("%s: %s", spec->command, error->message);
      return FALSE;
    }
  if (spec->usage != NULL && *argc != spec->n_args + 1)
    {
      sc_cli_usage_error (spec->command, spec->usage);
      return FALSE;
    }
  return TRUE;
}

int
sc_cli_usage_error (const char *command,
                    const char *usage)
{
  sc_cli_error ("%s: usage: stresscheck-cli %s", command, usage);
  return SC_EXIT_USAGE;
}

int
sc_cli_exit_status_for (const GError *error)
{
  if (error->domain == SC_VAULT_ERROR)
    switch ((ScVaultError) error->code)
      {
      case SC_VAULT_ERROR_WRONG_PASSPHRASE:
      case SC_VAULT_ERROR_PERMISSION:
      case SC_VAULT_ERROR_ACCESS_DENIED:
        return SC_EXIT_NOPERM;
      case SC_VAULT_ERROR_DAMAGED:
      case SC_VAULT_ERROR_TAMPERED:
      case SC_VAULT_ERROR_NEWER_VERSION:
      /* Also a passphrase another key slot already opens: bad input data like one too
       * short (EX_DATAERR, 65); EX_USAGE (64) stays for wrong command lines. */
      case SC_VAULT_ERROR_INVALID:
        return SC_EXIT_DATAERR;
      case SC_VAULT_ERROR_LOCKED:
      case SC_VAULT_ERROR_THROTTLED:
        return SC_EXIT_TEMPFAIL;
      case SC_VAULT_ERROR_IO:
      case SC_VAULT_ERROR_NO_SPACE:
        return SC_EXIT_IOERR;
      case SC_VAULT_ERROR_NOT_FOUND:
        return SC_EXIT_NOINPUT;
      case SC_VAULT_ERROR_EXISTS:
        return SC_EXIT_CANTCREAT;
      case SC_VAULT_ERROR_CLOSED:
      case SC_VAULT_ERROR_READ_ONLY:
      default:
        return SC_EXIT_FAILURE;
      }
  if (error->domain == SC_CSV_ERROR || error->domain == SC_ROSTER_ERROR)
    return error->code == SC_CSV_ERROR_READ && error->domain == SC_CSV_ERROR
           ? SC_EXIT_NOINPUT : SC_EXIT_DATAERR;
  if (error->domain == G_IO_ERROR)
    return error->code == G_IO_ERROR_NOT_FOUND ? SC_EXIT_NOINPUT : SC_EXIT_IOERR;
  return SC_EXIT_FAILURE;
}

int
sc_cli_fail (const char   *command,
             const GError *error)
{
  sc_cli_error ("%s: %s", command, error->message);
  return sc_cli_exit_status_for (error);
}

static gboolean
is_help (const char *arg)
{
  return strcmp (arg, "--help") == 0 || strcmp (arg, "-h") == 0;
}

int
sc_cli_dispatch (const char         *group,
                 const ScCliCommand *commands,
                 guint               n_commands,
                 int                 argc,
                 char              **argv)
{
  gboolean help = FALSE;
  FILE *stream;

  if (argc >= 2 && !is_help (argv[1]))
    {
      for (guint i = 0; i < n_commands; i++)
        if (strcmp (argv[1], commands[i].name) == 0)
          {
            g_autofree char *name = g_strdup_printf ("%s %s", group, commands[i].name);
            char *saved = argv[1];
            int status;

            /* GOption names the program from argv[0] in --help. */
            argv[1] = name;
            status = commands[i].func (argc - 1, argv + 1);
            argv[1] = saved;
            return status;
          }
      sc_cli_error ("%s: unknown command “%s”", group, argv[1]);
    }
  else
    help = argc >= 2;

  stream = help ? stdout : stderr;
  fprintf (stream, "Usage: stresscheck-cli %s COMMAND [OPTION…]\n\nCommands:\n", group);
  for (guint i = 0; i < n_commands; i++)
    fprintf (stream, "  %-18s %s\n", commands[i].name, commands[i].summary);
  return help ? SC_EXIT_OK : SC_EXIT_USAGE;
}
