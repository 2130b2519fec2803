/* sc-cli.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stresscheck-cli: one function per command, dispatched from sc-cli.c.
 * Exit statuses follow sysexits.h so scripts can tell causes apart.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SC_EXIT_OK        0
#define SC_EXIT_FAILURE   1
#define SC_EXIT_USAGE     64   /* EX_USAGE: wrong options */
#define SC_EXIT_DATAERR   65   /* EX_DATAERR: bad rows in the input */
#define SC_EXIT_NOINPUT   66   /* EX_NOINPUT: input missing or unreadable */
#define SC_EXIT_SOFTWARE  70
#define SC_EXIT_CANTCREAT 73
#define SC_EXIT_IOERR     74
#define SC_EXIT_TEMPFAIL  75   /* EX_TEMPFAIL: in use elsewhere, or throttled */
#define SC_EXIT_NOPERM    77   /* wrong passphrase or key */

typedef int (*ScCliCommandFunc) (int argc, char **argv);

typedef struct
{
  const char       *name;
  ScCliCommandFunc  func;
  const char       *summary;
} ScCliCommand;

/* Writes @len bytes to standard output, retrying short writes. FALSE on error. */
gboolean sc_cli_write_stdout (const char *data, gsize len, GError **error);

/* Prints "stresscheck-cli: <message>" on stderr. */
void     sc_cli_error        (const char *format, ...) G_GNUC_PRINTF (1, 2);

int      sc_cli_score        (int argc, char **argv);
int      sc_cli_group        (int argc, char **argv);
int      sc_cli_questionnaire (int argc, char **argv);
int      sc_cli_vault        (int argc, char **argv);
int      sc_cli_roster       (int argc, char **argv);
int      sc_cli_round        (int argc, char **argv);
int      sc_cli_codes        (int argc, char **argv);
int      sc_cli_submit       (int argc, char **argv);
int      sc_cli_lift_lockout (int argc, char **argv);
int      sc_cli_export       (int argc, char **argv);
int      sc_cli_demo         (int argc, char **argv);
int      sc_cli_report       (int argc, char **argv);

/* Prints a report error (sc-report.h) and returns its exit status (sysexits). */
int      sc_cli_report_fail  (const char *command,
                              const GError *error);

G_END_DECLS
