/* sc-cli-vault.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The vault commands of stresscheck-cli: vault create|verify|passwd|recover|backup|
 * set-hr-passphrase, roster import|list, round create|close|list, codes, submit, export.
 * Passphrases come from --passphrase-file or a no-echo prompt, never from argv.
 */
#define G_LOG_DOMAIN "stresscheck-cli"

#include "config.h"

#include "sc-cli.h"
#include "sc-cli-input.h"
#include "sc-cli-passphrase.h"
#include "sc-cli-vault.h"
#include "sc-access-code.h"
#include "sc-csv.h"
#include "sc-roster.h"
#include "sc-score-format.h"
#include "sc-secure.h"
#include "sc-vault.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

/* SECURITY: a passphrase in guarded memory, wiped when it goes out of scope. */
typedef char ScSecret;
static void
secret_free (ScSecret *secret)
{
  sc_secure_free (secret);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScSecret, secret_free)

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
      case SC_VAULT_ERROR_NEWER_VERSION:
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

static int
fail (const char   *command,
      const GError *error)
{
  sc_cli_error ("%s: %s", command, error->message);
  return sc_cli_exit_status_for (error);
}

/* Parses options; on failure prints the message and returns FALSE. */
static gboolean
parse_options (const char     *command,
               const char     *parameters,
               const char     *summary,
               GOptionEntry   *entries,
               int            *argc,
               char         ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameters);
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      sc_cli_error ("%s: %s", command, error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
expect_args (const char *command,
             int         argc,
             int         wanted,
             const char *usage)
{
  if (argc != wanted + 1)
    {
      sc_cli_error ("%s: usage: stresscheck-cli %s", command, usage);
      return FALSE;
    }
  return TRUE;
}

ScVault *
sc_cli_open_vault (const char  *path,
                   const char  *passphrase_file,
                   gboolean     read_only,
                   GError     **error)
{
  g_autoptr(ScSecret) passphrase = NULL;

  ScVault *vault;
  ScVaultRollbackWarning rollback;

  passphrase = sc_cli_read_passphrase (passphrase_file, "Passphrase: ", FALSE, error);
  if (passphrase == NULL)
    return NULL;
  vault = sc_vault_open (path, passphrase,
                         read_only ? SC_VAULT_OPEN_READ_ONLY : SC_VAULT_OPEN_FLAGS_NONE, error);
  /* An older copy in the vault's place: said on every command, not fatal. */
  if (vault != NULL && sc_vault_get_rollback_warning (vault, &rollback))
    {
      g_autofree char *text = sc_vault_rollback_warning_to_string (&rollback);

      sc_cli_error ("warning: %s (`stresscheck-cli vault verify VAULT --accept-restore` "
                    "confirms a restore)", text);
    }
  return vault;
}

/* ---- vault ------------------------------------------------------------------------ */

static void
print_recovery_key (const char *key)
{
  printf ("\n"
          "Recovery key — shown only this once. Write it down and keep it locked away:\n"
          "\n"
          "    %s\n"
          "\n"
          "With it, a forgotten implementer passphrase can be replaced; without both, the\n"
          "records kept in the vault (a 5-year duty) cannot be read again.\n", key);
  fflush (stdout);
}

static int
vault_create (int    argc,
              char **argv)
{
  g_autofree char *passphrase_file = NULL;
  g_autofree char *hr_file = NULL;
  g_autoptr(ScSecret) passphrase = NULL;
  g_autoptr(ScSecret) hr_passphrase = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  char *recovery = NULL;
  GOptionEntry entries[] = {
    { "passphrase-file", 'p', 0, G_OPTION_ARG_FILENAME, &passphrase_file,
      "Read the implementer passphrase from FILE (first line)", "FILE" },
    { "hr-passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &hr_file,
      "Also add an HR passphrase, read from FILE", "FILE" },
    { NULL }
  };

  if (!parse_options ("vault create", "VAULT — create a new encrypted vault",
                      "Creates VAULT (it must not exist) protected by the implementer's\n"
                      "passphrase, and prints the recovery key once.", entries, &argc, &argv)
      || !expect_args ("vault create", argc, 1, "vault create VAULT [--passphrase-file FILE]"))
    return SC_EXIT_USAGE;

  passphrase = sc_cli_read_passphrase (passphrase_file, "New implementer passphrase: ", TRUE,
                                       &error);
  if (passphrase == NULL)
    return fail ("vault create", error);
  if (hr_file != NULL)
    {
      hr_passphrase = sc_cli_read_passphrase (hr_file, "", FALSE, &error);
      if (hr_passphrase == NULL)
        return fail ("vault create", error);
    }

  vault = sc_vault_create (argv[1], passphrase, sc_vault_kdf_limits_for_new_vault (), &recovery, &error);
  if (vault == NULL)
    return fail ("vault create", error);
  if (hr_passphrase != NULL && !sc_vault_set_hr_passphrase (vault, hr_passphrase, &error))
    {
      sc_vault_free_recovery_key (recovery);
      return fail ("vault create", error);
    }

  printf ("Created %s.\n", argv[1]);
  print_recovery_key (recovery);
  sc_vault_free_recovery_key (recovery);
  sc_vault_close (vault);
  return SC_EXIT_OK;
}

static const char *
role_name (ScVaultRole role)
{
  switch (role)
    {
    case SC_VAULT_ROLE_IMPLEMENTER: return "implementer";
    case SC_VAULT_ROLE_HR: return "HR";
    case SC_VAULT_ROLE_KIOSK: return "kiosk";
    case SC_VAULT_ROLE_NONE:
    default: return "none";
    }
}

static int
vault_verify (int    argc,
              char **argv)
{
  g_autofree char *passphrase_file = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) employees = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  g_autoptr(GPtrArray) submissions = NULL;
  gboolean accept_restore = FALSE;
  GOptionEntry entries[] = {
    { "passphrase-file", 'p', 0, G_OPTION_ARG_FILENAME, &passphrase_file,
      "Read the passphrase from FILE (first line)", "FILE" },
    { "accept-restore", 0, 0, G_OPTION_ARG_NONE, &accept_restore,
      "This older copy was restored on purpose: stop warning about it (implementer)", NULL },
    { NULL }
  };

  if (!parse_options ("vault verify", "VAULT — check that a vault opens and is intact",
                      "Opens VAULT read-only with the implementer's or HR's passphrase and\n"
                      "checks every byte. Exit status 0: intact; 77: wrong passphrase;\n"
                      "65: damaged or modified, or made by a newer version; 66: no such file.\n"
                      "A vault older than a copy this computer has seen opens with a warning\n"
                      "on stderr; --accept-restore (implementer's passphrase) records that the\n"
                      "older copy was restored on purpose and ends the warning.",
                      entries, &argc, &argv)
      || !expect_args ("vault verify", argc, 1,
                       "vault verify VAULT [--passphrase-file FILE] [--accept-restore]"))
    return SC_EXIT_USAGE;

  vault = sc_cli_open_vault (argv[1], passphrase_file, !accept_restore, &error);
  if (vault == NULL || (accept_restore && !sc_vault_accept_restore (vault, &error)))
    return fail ("vault verify", error);
  if (accept_restore)
    printf ("%s: the restore is recorded; this copy is now the newest.\n", argv[1]);

  employees = sc_vault_list_employees (vault, &error);
  if (employees != NULL)
    rounds = sc_vault_list_rounds (vault, &error);
  if (rounds != NULL)
    submissions = sc_vault_list_submissions (vault, 0, &error);
  if (submissions == NULL)
    return fail ("vault verify", error);

  printf ("%s: intact; opened as %s; %u employees, %u rounds, %u submissions; saved %"
          G_GUINT64_FORMAT " times.\n", argv[1], role_name (sc_vault_get_role (vault)),
          employees->len, rounds->len, submissions->len, sc_vault_get_save_counter (vault));
  return SC_EXIT_OK;
}

static int
vault_passwd (int    argc,
              char **argv)
{
  g_autofree char *passphrase_file = NULL;
  g_autofree char *new_file = NULL;
  g_autoptr(ScSecret) new_passphrase = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "passphrase-file", 'p', 0, G_OPTION_ARG_FILENAME, &passphrase_file,
      "Read the current passphrase from FILE", "FILE" },
    { "new-passphrase-file", 'n', 0, G_OPTION_ARG_FILENAME, &new_file,
      "Read the new passphrase from FILE", "FILE" },
    { NULL }
  };

  if (!parse_options ("vault passwd", "VAULT — change a passphrase",
                      "Changes the passphrase that was given (the implementer's or HR's).\n"
                      "Only that key slot is rewrapped; the data stays as it is.",
                      entries, &argc, &argv)
      || !expect_args ("vault passwd", argc, 1,
                       "vault passwd VAULT [--passphrase-file FILE --new-passphrase-file FILE]"))
    return SC_EXIT_USAGE;

  vault = sc_cli_open_vault (argv[1], passphrase_file, FALSE, &error);
  if (vault == NULL)
    return fail ("vault passwd", error);
  new_passphrase = sc_cli_read_passphrase (new_file, "New passphrase: ", TRUE, &error);
  if (new_passphrase == NULL || !sc_vault_change_passphrase (vault, new_passphrase, &error))
    return fail ("vault passwd", error);

  printf ("The %s passphrase of %s was changed.\n", role_name (sc_vault_get_role (vault)),
          argv[1]);
  sc_vault_close (vault);
  return SC_EXIT_OK;
}

static int
vault_recover (int    argc,
               char **argv)
{
  g_autofree char *key_file = NULL;
  g_autofree char *new_file = NULL;
  g_autoptr(ScSecret) key = NULL;
  g_autoptr(ScSecret) new_passphrase = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  char *recovery = NULL;
  GOptionEntry entries[] = {
    { "recovery-key-file", 'k', 0, G_OPTION_ARG_FILENAME, &key_file,
      "Read the recovery key from FILE", "FILE" },
    { "new-passphrase-file", 'n', 0, G_OPTION_ARG_FILENAME, &new_file,
      "Read the new implementer passphrase from FILE", "FILE" },
    { NULL }
  };

  if (!parse_options ("vault recover", "VAULT — set a new implementer passphrase with the recovery key",
                      "Opens VAULT with the recovery key shown when it was created and sets a\n"
                      "new implementer passphrase. A new recovery key replaces the used one\n"
                      "and is printed once.", entries, &argc, &argv)
      || !expect_args ("vault recover", argc, 1,
                       "vault recover VAULT [--recovery-key-file FILE --new-passphrase-file FILE]"))
    return SC_EXIT_USAGE;

  key = sc_cli_read_passphrase (key_file, "Recovery key: ", FALSE, &error);
  if (key == NULL)
    return fail ("vault recover", error);
  new_passphrase = sc_cli_read_passphrase (new_file, "New implementer passphrase: ", TRUE,
                                           &error);
  if (new_passphrase == NULL)
    return fail ("vault recover", error);

  vault = sc_vault_recover (argv[1], key, new_passphrase, &error);
  if (vault == NULL)
    return fail ("vault recover", error);
  /* A recovery key that was typed in somewhere is no longer secret: replace it. */
  recovery = sc_vault_new_recovery_key (vault, &error);
  if (recovery == NULL)
    return fail ("vault recover", error);

  printf ("The implementer passphrase of %s was replaced.\n", argv[1]);
  print_recovery_key (recovery);
  sc_vault_free_recovery_key (recovery);
  sc_vault_close (vault);
  return SC_EXIT_OK;
}

static int
vault_backup (int    argc,
              char **argv)
{
  g_autofree char *passphrase_file = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "passphrase-file", 'p', 0, G_OPTION_ARG_FILENAME, &passphrase_file,
      "Read the passphrase from FILE", "FILE" },
    { NULL }
  };

  if (!parse_options ("vault backup", "VAULT DEST — copy the encrypted vault",
                      "Writes an encrypted copy of VAULT to DEST atomically. To restore, open\n"
                      "the copy (or copy it back).", entries, &argc, &argv)
      || !expect_args ("vault backup", argc, 2, "vault backup VAULT DEST [--passphrase-file FILE]"))
    return SC_EXIT_USAGE;

  /* Read-only: a backup needs no write lock, so it works while the app holds the vault
   * (every save replaces the file by a rename, so one read sees one whole save). */
  vault = sc_cli_open_vault (argv[1], passphrase_file, TRUE, &error);
  if (vault == NULL || !sc_vault_backup (vault, argv[2], &error))
    return fail ("vault backup", error);
  printf ("Backed up %s to %s.\n", argv[1], argv[2]);
  sc_vault_close (vault);
  return SC_EXIT_OK;
}

static int
vault_set_hr (int    argc,
              char **argv)
{
  g_autofree char *passphrase_file = NULL;
  g_autofree char *hr_file = NULL;
  g_autoptr(ScSecret) hr_passphrase = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "passphrase-file", 'p', 0, G_OPTION_ARG_FILENAME, &passphrase_file,
      "Read the implementer passphrase from FILE", "FILE" },
    { "hr-passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &hr_file,
      "Read the new HR passphrase from FILE", "FILE" },
    { NULL }
  };

  if (!parse_options ("vault set-hr-passphrase", "VAULT — add or replace the HR passphrase",
                      "The implementer gives HR (事業者側の実務担当者) a passphrase of its own. HR\n"
                      "sees the roster, who answered, and only the results employees agreed\n"
                      "to share or for which they asked for an interview.",
                      entries, &argc, &argv)
      || !expect_args ("vault set-hr-passphrase", argc, 1,
                       "vault set-hr-passphrase VAULT [--passphrase-file FILE --hr-passphrase-file FILE]"))
    return SC_EXIT_USAGE;

  vault = sc_cli_open_vault (argv[1], passphrase_file, FALSE, &error);
  if (vault == NULL)
    return fail ("vault set-hr-passphrase", error);
  hr_passphrase = sc_cli_read_passphrase (hr_file, "New HR passphrase: ", TRUE, &error);
  if (hr_passphrase == NULL || !sc_vault_set_hr_passphrase (vault, hr_passphrase, &error))
    return fail ("vault set-hr-passphrase", error);
  printf ("The HR passphrase of %s was set.\n", argv[1]);
  sc_vault_close (vault);
  return SC_EXIT_OK;
}

static const ScCliCommand vault_commands[] = {
  { "create", vault_create, "Create a new vault and print its recovery key" },
  { "verify", vault_verify, "Check that a vault opens and is intact" },
  { "passwd", vault_passwd, "Change the implementer's or HR's passphrase" },
  { "recover", vault_recover, "Set a new implementer passphrase with the recovery key" },
  { "backup", vault_backup, "Write an encrypted copy of the vault" },
  { "set-hr-passphrase", vault_set_hr, "Add or replace the HR passphrase" },
};

static int
dispatch (const char         *group,
          const ScCliCommand *commands,
          guint               n_commands,
          int                 argc,
          char              **argv)
{
  if (argc >= 2 && strcmp (argv[1], "--help") != 0 && strcmp (argv[1], "-h") != 0)
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

  {
    gboolean help = argc >= 2;
    FILE *stream = help ? stdout : stderr;

    if (argc >= 2 && !(strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0))
      {
        sc_cli_error ("%s: unknown command “%s”", group, argv[1]);
        stream = stderr;
        help = FALSE;
      }
    fprintf (stream, "Usage: stresscheck-cli %s COMMAND [OPTION…]\n\nCommands:\n", group);
    for (guint i = 0; i < n_commands; i++)
      fprintf (stream, "  %-18s %s\n", commands[i].name, commands[i].summary);
    return help ? SC_EXIT_OK : SC_EXIT_USAGE;
  }
}

int
sc_cli_vault (int    argc,
              char **argv)
{
  return dispatch ("vault", vault_commands, G_N_ELEMENTS (vault_commands), argc, argv);
}

/* ---- roster ------------------------------------------------------------------------ */

static void
print_problems (GPtrArray *problems)
{
  for (guint i = 0; problems && i < problems->len; i++)
    {
      g_autofree char *text = sc_roster_problem_to_string (g_ptr_array_index (problems, i));
      fprintf (stderr, "%s\n", text);
    }
}

static int
roster_import (int    argc,
               char **argv)
{
  g_autofree char *passphrase_file = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(ScRoster) roster = NULL;
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(ScRosterDiff) diff = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *contents = NULL;
  gsize len = 0;
  GPtrArray *warnings;
  GOptionEntry entries[] = {
    { "passphrase-file", 'p', 0, G_OPTION_ARG_FILENAME, &passphrase_file,
      "Read the passphrase from FILE", "FILE" },
    { NULL }
  };

  if (!parse_options ("roster import", "VAULT CSV — import or update the roster",
                      "Reads a roster CSV (UTF-8 or Shift_JIS as Excel saves it) with Japanese\n"
                      "headers (社員番号, 氏名, ふりがな, 性別, 生年月日, 部署, 職種, 役職, 雇用形態)\n"
                      "or English ones, in any order. All or nothing: every problem is listed\n"
                      "with its line and column and nothing is imported. Employees are updated\n"
                      "by number; those missing from the file are reported and kept.",
                      entries, &argc, &argv)
      || !expect_args ("roster import", argc, 2, "roster import VAULT CSV [--passphrase-file FILE]"))
    return SC_EXIT_USAGE;

  if (!g_file_get_contents (argv[2], &contents, &len, &error))
    return fail ("roster import", error);
  bytes = g_bytes_new_take (contents, len);

  /* Parse before asking for the passphrase: a broken file is reported at once. */
  roster = sc_roster_parse (bytes, NULL, &problems, &error);
  if (roster == NULL)
    {
      print_problems (problems);
      sc_cli_error ("roster import: %s: nothing was imported", argv[2]);
      return sc_cli_exit_status_for (error);
    }

  vault = sc_cli_open_vault (argv[1], passphrase_file, FALSE, &error);
  if (vault == NULL)
    return fail ("roster import", error);
  existing = sc_vault_list_employees (vault, &error);
  if (existing == NULL)
    return fail ("roster import", error);
  diff = sc_roster_diff (existing, sc_roster_get_employees (roster));
  if (!sc_vault_upsert_employees (vault, sc_roster_get_employees (roster), &error))
    return fail ("roster import", error);

  warnings = sc_roster_get_warnings (roster);
  print_problems (warnings);
  printf ("Imported %s: %u added, %u changed, %u unchanged, %u not in the file (kept).\n",
          argv[2], diff->added->len, diff->changed->len, diff->unchanged->len,
          diff->left_out->len);
  for (guint i = 0; i < diff->left_out->len; i++)
    {
      const ScRosterDiffEntry *entry = g_ptr_array_index (diff->left_out, i);
      printf ("  not in the file: %s\n", entry->existing->number);
    }
  sc_vault_close (vault);
  return SC_EXIT_OK;
}

static void
append_csv_optional (GString    *out,
                     const char *value)
{
  g_string_append_c (out, ',');
  if (value)
    sc_csv_append_field_safe (out, value, -1);
}

static int
roster_list (int    argc,
             char **argv)
{
  g_autofree char *passphrase_file = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) employees = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  GOptionEntry entries[] = {
    { "passphrase-file", 'p', 0, G_OPTION_ARG_FILENAME, &passphrase_file,
      "Read the passphrase from FILE", "FILE" },
    { NULL }
  };

  if (!parse_options ("roster list", "VAULT — print the roster as CSV",
                      "Prints the roster as UTF-8 CSV with English headers, in the form\n"
                      "`roster import` reads. Cells that start with = + - @ (or a tab or\n"
                      "carriage return) get a leading ' so that a spreadsheet shows them as\n"
                      "text and does not run them as formulas; `roster import` removes it.", entries, &argc, &argv)
      || !expect_args ("roster list", argc, 1, "roster list VAULT [--passphrase-file FILE]"))
    return SC_EXIT_USAGE;

  vault = sc_cli_open_vault (argv[1], passphrase_file, TRUE, &error);
  if (vault == NULL)
    return fail ("roster list", error);
  employees = sc_vault_list_employees (vault, &error);
  if (employees == NULL)
    return fail ("roster list", error);

  g_string_append (out, "number,name,kana,sex,birth_date,department,job_type,position,"
                        "employment_type,active\n");
  for (guint i = 0; i < employees->len; i++)
    {
      const ScEmployee *e = g_ptr_array_index (employees, i);

      sc_csv_append_field_safe (out, e->number, -1);
      append_csv_optional (out, e->name);
      append_csv_optional (out, e->kana);
      append_csv_optional (out, sc_sex_to_string (e->sex));
      append_csv_optional (out, e->birth_date);
      append_csv_optional (out, e->department);
      append_csv_optional (out, e->job_type);
      append_csv_optional (out, e->position);
      append_csv_optional (out, e->employment_type);
      append_csv_optional (out, e->active ? "yes" : "no");
      g_string_append_c (out, '\n');
    }
  if (!sc_cli_write_stdout (out->str, out->len, &error))
    return fail ("roster list", error);
  return SC_EXIT_OK;
}

static const ScCliCommand roster_commands[] = {
  { "import", roster_import, "Import or update the roster from a CSV file" },
  { "list", roster_list, "Print the roster as CSV" },
};

int
sc_cli_roster (int    argc,
               char **argv)
{
  return dispatch ("roster", roster_commands, G_N_ELEMENTS (roster_commands), argc, argv);
}

/* ---- rounds ------------------------------------------------------------------------ */

gboolean
sc_cli_find_round (ScVault      *vault,
                   const char   *spec,
                   ScVaultRound **out_round,
                   GError      **error)
{
  g_autoptr(GPtrArray) rounds = sc_vault_list_rounds (vault, error);
  gint64 id = 0;
  char *end = NULL;

  if (rounds == NULL)
    return FALSE;
  if (*spec != '\0')
    id = g_ascii_strtoll (spec, &end, 10);

  for (guint i = 0; i < rounds->len; i++)
    {
      ScVaultRound *round = g_ptr_array_index (rounds, i);

      if ((end != NULL && *end == '\0' && round->id == id) || g_strcmp0 (round->name, spec) == 0)
        {
          *out_round = g_ptr_array_steal_index (rounds, i);
          return TRUE;
        }
    }
  g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND,
               "There is no round “%s” (see `stresscheck-cli round list`)", spec);
  return FALSE;
}

static int
round_create (int    argc,
              char **argv)
{
  g_autofree char *passphrase_file = NULL;
  g_autofree char *name = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *method = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  ScCriteria criteria;
  gint64 id;
  GOptionEntry entries[] = {
    { "passphrase-file", 'p', 0, G_OPTION_ARG_FILENAME, &passphrase_file,
      "Read the implementer passphrase from FILE", "FILE" },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, "Name of the round, e.g. 2026年度", "NAME" },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start, "First day (YYYY-MM-DD)", "DATE" },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end, "Last day (YYYY-MM-DD)", "DATE" },
    { "method", 0, 0, G_OPTION_ARG_STRING, &method,
      "High-stress criteria: conversion (その2, default) or sum (その1)", "METHOD" },
    { NULL }
  };

  sc_criteria_init_default (&criteria);
  {
    GOptionEntry thresholds[] = {
      { "sum-b-min", 0, 0, G_OPTION_ARG_INT, &criteria.sum_b_min, "その1 ㋐: B ≥ N (77)", "N" },
      { "sum-ac-min", 0, 0, G_OPTION_ARG_INT, &criteria.sum_ac_min, "その1 ㋑: A+C ≥ N (76)", "N" },
      { "sum-ac-b-min", 0, 0, G_OPTION_ARG_INT, &criteria.sum_ac_b_min, "その1 ㋑: and B ≥ N (63)", "N" },
      { "conv-b-max", 0, 0, G_OPTION_ARG_INT, &criteria.conv_b_max, "その2 ㋐: B ≤ N (12)", "N" },
      { "conv-ac-max", 0, 0, G_OPTION_ARG_INT, &criteria.conv_ac_max, "その2 ㋑: A+C ≤ N (26)", "N" },
      { "conv-ac-b-max", 0, 0, G_OPTION_ARG_INT, &criteria.conv_ac_b_max, "その2 ㋑: and B ≤ N (17)", "N" },
      { NULL }
    };
    g_autoptr(GOptionContext) context =
      g_option_context_new ("VAULT — open a new round of the stress check");
    g_autoptr(GOptionGroup) group =
      g_option_group_new ("thresholds", "High-stress thresholds (the MHLW examples by default):",
                          "Show the threshold options", NULL, NULL);

    g_option_context_set_summary (context,
      "Opens a round (one year's stress check). Criteria default to 評価基準の例（その2）;\n"
      "changed thresholds are printed on every report.");
    g_option_context_add_main_entries (context, entries, NULL);
    g_option_group_add_entries (group, thresholds);
    g_option_context_add_group (context, g_steal_pointer (&group));
    if (!g_option_context_parse (context, &argc, &argv, &error))
      {
        sc_cli_error ("round create: %s", error->message);
        return SC_EXIT_USAGE;
      }
  }
  if (!expect_args ("round create", argc, 1,
                    "round create VAULT --name NAME [--start DATE --end DATE] [--method sum|conversion]"))
    return SC_EXIT_USAGE;
  if (name == NULL || *name == '\0')
    {
      sc_cli_error ("round create: give the round a --name");
      return SC_EXIT_USAGE;
    }
  if (method == NULL || strcmp (method, "conversion") == 0)
    criteria.method = SC_METHOD_CONVERSION;
  else if (strcmp (method, "sum") == 0)
    criteria.method = SC_METHOD_SUM;
  else
    {
      sc_cli_error ("round create: unknown method “%s” (use conversion or sum)", method);
      return SC_EXIT_USAGE;
    }
  if (!sc_criteria_validate (&criteria, &error))
    {
      sc_cli_error ("round create: %s", error->message);
      return SC_EXIT_USAGE;
    }

  vault = sc_cli_open_vault (argv[1], passphrase_file, FALSE, &error);
  if (vault == NULL)
    return fail ("round create", error);
  id = sc_vault_create_round (vault, name, start, end, &criteria, &error);
  if (id == 0)
    return fail ("round create", error);
  printf ("%" G_GINT64_FORMAT "\n", id);
  sc_vault_close (vault);
  return SC_EXIT_OK;
}

static int
round_close (int    argc,
             char **argv)
{
  g_autofree char *passphrase_file = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(ScVaultRound) round = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "passphrase-file", 'p', 0, G_OPTION_ARG_FILENAME, &passphrase_file,
      "Read the passphrase from FILE", "FILE" },
    { NULL }
  };

  if (!parse_options ("round close", "VAULT ROUND — close a round",
                      "Closes ROUND (its id or name): no more answers are accepted.",
                      entries, &argc, &argv)
      || !expect_args ("round close", argc, 2, "round close VAULT ROUND [--passphrase-file FILE]"))
    return SC_EXIT_USAGE;

  vault = sc_cli_open_vault (argv[1], passphrase_file, FALSE, &error);
  if (vault == NULL
      || !sc_cli_find_round (vault, argv[2], &round, &error)
      || !sc_vault_close_round (vault, round->id, &error))
    return fail ("round close", error);
  printf ("Closed round %" G_GINT64_FORMAT " (%s).\n", round->id, round->name);
  sc_vault_close (vault);
  return SC_EXIT_OK;
}

static int
round_list (int    argc,
            char **argv)
{
  g_autofree char *passphrase_file = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  GOptionEntry entries[] = {
    { "passphrase-file", 'p', 0, G_OPTION_ARG_FILENAME, &passphrase_file,
      "Read the passphrase from FILE", "FILE" },
    { NULL }
  };

  if (!parse_options ("round list", "VAULT — list the rounds as CSV", "Lists every round, oldest first. Cells that start with = + - @ (or a tab or\n"
                      "carriage return) get a leading ' so that a spreadsheet shows them as\n"
                      "text and does not run them as formulas.",
                      entries, &argc, &argv)
      || !expect_args ("round list", argc, 1, "round list VAULT [--passphrase-file FILE]"))
    return SC_EXIT_USAGE;

  vault = sc_cli_open_vault (argv[1], passphrase_file, TRUE, &error);
  if (vault == NULL)
    return fail ("round list", error);
  rounds = sc_vault_list_rounds (vault, &error);
  if (rounds == NULL)
    return fail ("round list", error);

  g_string_append (out, "id,name,start,end,status,method,sum_b_min,sum_ac_min,sum_ac_b_min,"
                        "conv_b_max,conv_ac_max,conv_ac_b_max\n");
  for (guint i = 0; i < rounds->len; i++)
    {
      const ScVaultRound *r = g_ptr_array_index (rounds, i);
      const ScCriteria *c = &r->criteria;

      g_string_append_printf (out, "%" G_GINT64_FORMAT ",", r->id);
      sc_csv_append_field_safe (out, r->name, -1);
      append_csv_optional (out, r->period_start);
      append_csv_optional (out, r->period_end);
      g_string_append_printf (out, ",%s,%s,%d,%d,%d,%d,%d,%d\n", r->closed ? "closed" : "open",
                              c->method == SC_METHOD_SUM ? "sum" : "conversion",
                              c->sum_b_min, c->sum_ac_min, c->sum_ac_b_min,
                              c->conv_b_max, c->conv_ac_max, c->conv_ac_b_max);
    }
  if (!sc_cli_write_stdout (out->str, out->len, &error))
    return fail ("round list", error);
  return SC_EXIT_OK;
}

static const ScCliCommand round_commands[] = {
  { "create", round_create, "Open a new round with its criteria" },
  { "close", round_close, "Close a round" },
  { "list", round_list, "List the rounds as CSV" },
};

int
sc_cli_round (int    argc,
              char **argv)
{
  return dispatch ("round", round_commands, G_N_ELEMENTS (round_commands), argc, argv);
}

/* ---- codes, submit, export --------------------------------------------------------- */

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

static int
codes (int    argc,
       char **argv)
{
  g_autofree char *passphrase_file = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(ScVaultRound) round = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) employees = NULL;
  g_autoptr(GString) out = g_string_new ("number,name,code\n");
  GOptionEntry entries[] = {
    { "passphrase-file", 'p', 0, G_OPTION_ARG_FILENAME, &passphrase_file,
      "Read the passphrase from FILE", "FILE" },
    { NULL }
  };

  if (!parse_options ("codes", "VAULT ROUND — issue access codes",
                      "Gives every active employee a new random access code for ROUND and\n"
                      "prints them once as CSV (number,name,code). Only a hash is kept, so\n"
                      "the codes cannot be shown again; running this again replaces them.\n"
                      "The codes are printed before they are stored: if the run fails or is\n"
                      "stopped, the earlier codes keep working. Cells that start with = + - @\n"
                      "(or a tab or carriage return) get a leading ' so that a spreadsheet\n"
                      "shows them as text and does not run them as formulas.",
                      entries, &argc, &argv)
      || !expect_args ("codes", argc, 2, "codes VAULT ROUND [--passphrase-file FILE]"))
    return SC_EXIT_USAGE;

  vault = sc_cli_open_vault (argv[1], passphrase_file, FALSE, &error);
  if (vault == NULL || !sc_cli_find_round (vault, argv[2], &round, &error))
    return fail ("codes", error);
  employees = sc_vault_list_employees (vault, &error);
  /* The slips are printed before any code is stored (deliver_codes): killed or failing
   * at any point, either every old code still works or every new one was printed. */
  if (employees == NULL
      || !sc_vault_issue_access_codes_full (vault, round->id, employees, deliver_codes, out,
                                            &error))
    return fail ("codes", error);
  sc_vault_close (vault);
  return SC_EXIT_OK;
}

int
sc_cli_codes (int    argc,
              char **argv)
{
  return codes (argc, argv);
}

int
sc_cli_submit (int    argc,
               char **argv)
{
  g_autofree char *passphrase_file = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(ScVaultRound) round = NULL;
  g_autoptr(GError) error = NULL;
  ScRespondentInput input;
  ScRespondentRow row;
  guint n_saved = 0;
  guint n_failed = 0;
  GOptionEntry entries[] = {
    { "passphrase-file", 'p', 0, G_OPTION_ARG_FILENAME, &passphrase_file,
      "Read the implementer passphrase from FILE", "FILE" },
    { NULL }
  };

  if (!parse_options ("submit", "VAULT ROUND CSV — enter answers from paper forms",
                      "Reads answers in the `score` input format (id = employee number,\n"
                      "sex, answers) and stores each as a submission of ROUND, scored with the\n"
                      "round's criteria and sealed to the implementer. Bad rows are named on\n"
                      "stderr as “line N: reason” and skipped (exit status 65).",
                      entries, &argc, &argv)
      || !expect_args ("submit", argc, 3, "submit VAULT ROUND CSV [--passphrase-file FILE]"))
    return SC_EXIT_USAGE;

  if (!sc_respondent_input_open (&input, argv[3], NULL, FALSE, &error))
    return fail ("submit", error);

  vault = sc_cli_open_vault (argv[1], passphrase_file, FALSE, &error);
  if (vault == NULL || !sc_cli_find_round (vault, argv[2], &round, &error))
    {
      sc_respondent_input_clear (&input);
      return fail ("submit", error);
    }

  while (sc_respondent_input_next (&input, &row, &error))
    {
      g_autoptr(GError) row_error = NULL;
      g_autofree char *number = g_strndup (row.id, row.id_len);
      ScResult result;

      if (sc_vault_submit (vault, round->id, number, row.answers, row.sex, &result,
                           &row_error) == 0)
        {
          fprintf (stderr, "line %u: %s\n", row.line, row_error->message);
          n_failed++;
          /* A full disk, a refused role or a vault locked after a failed save stops the
           * run with that error's status (74, 77…), not the bad-row status 65. */
          if (row_error->domain == SC_VAULT_ERROR
              && (row_error->code == SC_VAULT_ERROR_IO || row_error->code == SC_VAULT_ERROR_NO_SPACE
                  || row_error->code == SC_VAULT_ERROR_PERMISSION
                  || row_error->code == SC_VAULT_ERROR_CLOSED
                  || row_error->code == SC_VAULT_ERROR_READ_ONLY))
            {
              error = g_steal_pointer (&row_error);
              break;
            }
          continue;
        }
      n_saved++;
    }
  n_failed += input.n_bad_rows;
  sc_respondent_input_clear (&input);
  if (error != NULL)
    {
      sc_cli_error ("submit: %s (%u submissions were saved before)", error->message, n_saved);
      return sc_cli_exit_status_for (error);
    }

  printf ("Saved %u submission%s to round %" G_GINT64_FORMAT ".\n", n_saved,
          n_saved == 1 ? "" : "s", round->id);
  sc_vault_close (vault);
  if (n_failed > 0)
    {
      sc_cli_error ("submit: %u row%s not saved (see the lines above)", n_failed,
                    n_failed == 1 ? "" : "s");
      return SC_EXIT_DATAERR;
    }
  return SC_EXIT_OK;
}

static void
append_time (GString *out,
             gint64   unix_time)
{
  /* 0 means "never" (no interview request); a time before 1970 (a PC whose clock was
   * wrong) is still a time and is shown as one. */
  if (unix_time == 0)
    {
      g_string_append (out, "null");
      return;
    }
  {
    g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (unix_time);
    g_autofree char *text = g_date_time_format_iso8601 (dt);

    sc_json_append_string (out, text, -1);
  }
}

int
sc_cli_export (int    argc,
               char **argv)
{
  g_autofree char *passphrase_file = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(ScVaultRound) round = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) submissions = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  ScVaultRole role;
  GOptionEntry entries[] = {
    { "passphrase-file", 'p', 0, G_OPTION_ARG_FILENAME, &passphrase_file,
      "Read the passphrase from FILE", "FILE" },
    { NULL }
  };

  if (!parse_options ("export", "VAULT ROUND — export what the unlocking role may see",
                      "Writes one JSON object per submission of ROUND. With the implementer's\n"
                      "passphrase: every result with its answers. With HR's: who answered, the\n"
                      "consent decision and interview request, and only the results employees\n"
                      "agreed to share (or asked an interview for). The export is logged.",
                      entries, &argc, &argv)
      || !expect_args ("export", argc, 2, "export VAULT ROUND [--passphrase-file FILE]"))
    return SC_EXIT_USAGE;

  vault = sc_cli_open_vault (argv[1], passphrase_file, FALSE, &error);
  if (vault == NULL || !sc_cli_find_round (vault, argv[2], &round, &error))
    return fail ("export", error);
  submissions = sc_vault_list_submissions (vault, round->id, &error);
  if (submissions == NULL)
    return fail ("export", error);
  role = sc_vault_get_role (vault);

  for (guint i = 0; i < submissions->len; i++)
    {
      const ScVaultSubmission *s = g_ptr_array_index (submissions, i);
      static const char * const consent[] = { "undecided", "no", "yes" };
      ScVaultResult result;

      g_string_append_printf (out, "{\"submission\": %" G_GINT64_FORMAT ", \"round\": %"
                              G_GINT64_FORMAT ", \"employee\": ", s->id, s->round_id);
      sc_json_append_string (out, s->employee_number, -1);
      g_string_append (out, ", \"submitted_at\": ");
      append_time (out, s->submitted_at);
      g_string_append_printf (out, ", \"consent\": \"%s\", \"interview_requested_at\": ",
                              consent[CLAMP (s->consent, 0, 2)]);
      append_time (out, s->interview_requested_at);

      if (role == SC_VAULT_ROLE_IMPLEMENTER || s->shared_with_hr)
        {
          g_autoptr(GError) read_error = NULL;

          if (!sc_vault_read_result (vault, s->id, &result, &read_error))
            return fail ("export", read_error);
          g_string_append (out, ", \"result\": ");
          sc_result_append_json_object (out, &result.result);
          if (result.has_answers)
            {
              char answers[SC_BJSQ_N_ITEMS + 1];

              sc_answers_format (result.answers, answers);
              g_string_append_printf (out, ", \"answers\": \"%s\"", answers);
              sc_secure_wipe (answers, sizeof answers);
            }
          sc_secure_wipe (&result, sizeof result);
        }
      else
        g_string_append (out, ", \"result\": null");
      g_string_append (out, "}\n");
    }

  if (!sc_vault_audit_append (vault, "export.round", round->id, &error))
    return fail ("export", error);
  if (!sc_cli_write_stdout (out->str, out->len, &error))
    return fail ("export", error);
  sc_secure_wipe (out->str, out->len);
  sc_vault_close (vault);
  return SC_EXIT_OK;
}
