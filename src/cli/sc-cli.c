/* sc-cli.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "stresscheck-cli"

#include "config.h"

#include "sc-cli.h"
#include "sc-process.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const ScCliCommand commands[] = {
  { "score", sc_cli_score, "Score questionnaires from a CSV file (JSON Lines or CSV out)" },
  { "group", sc_cli_group, "Group analysis and judgement-chart health risks from a CSV file" },
  { "questionnaire", sc_cli_questionnaire, "Print the questionnaire and scoring tables as JSON" },
  { "vault", sc_cli_vault, "Create, verify, back up and change the keys of a vault" },
  { "roster", sc_cli_roster, "Import or list the roster of a vault" },
  { "round", sc_cli_round, "Create, close or list the rounds of a vault" },
  { "codes", sc_cli_codes, "Issue access codes for a round (printed once)" },
  { "submit", sc_cli_submit, "Enter answers from paper forms into a round" },
  { "lift-lockout", sc_cli_lift_lockout, "Let an employee locked out by wrong codes try again" },
  { "export", sc_cli_export, "Export a round as JSON Lines, as the unlocking role may see it" },
  { "report", sc_cli_report, "Write a PDF report of a round (sheets, slips, lists, forms)" },
  { "demo", sc_cli_demo, "Create a demo vault with fictional employees and answers" },
};

gboolean
sc_cli_write_stdout (const char *data,
                     gsize       len,
                     GError    **error)
{
  while (len > 0)
    {
      gssize n = write (STDOUT_FILENO, data, len);

      if (n < 0)
        {
          int saved_errno = errno;

          if (saved_errno == EINTR)
            continue;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       "Could not write the output: %s", g_strerror (saved_errno));
          return FALSE;
        }
      data += n;
      len -= (gsize) n;
    }
  return TRUE;
}

void
sc_cli_error (const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "stresscheck-cli: %s\n", message);
}

static void
print_usage (FILE *stream)
{
  fprintf (stream,
           "Usage: stresscheck-cli COMMAND [OPTION…]\n"
           "\n"
           "Stress Check %s — command-line tools for the BJSQ-57 stress check.\n"
           "\n"
           "Commands:\n", PACKAGE_VERSION);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-15s %s\n", commands[i].name, commands[i].summary);
  fprintf (stream,
           "\n"
           "Run “stresscheck-cli COMMAND --help” for the options of a command.\n");
}

int
main (int    argc,
      char **argv)
{
  /* SECURITY: before any passphrase or vault is read (see sc-process.h). */
  sc_process_harden ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return SC_EXIT_USAGE;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0
      || strcmp (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return SC_EXIT_OK;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("stresscheck-cli %s\n", PACKAGE_VERSION);
      return SC_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].func (argc - 1, argv + 1);

  sc_cli_error ("unknown command “%s”", argv[1]);
  print_usage (stderr);
  return SC_EXIT_USAGE;
}
