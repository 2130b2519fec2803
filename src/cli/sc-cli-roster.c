/* sc-cli-roster.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `stresscheck-cli roster import|list`: the employees of a vault, from and to CSV.
 */
#define G_LOG_DOMAIN "stresscheck-cli"

#include "config.h"

#include "sc-cli.h"
#include "sc-cli-options.h"
#include "sc-cli-vault-common.h"
#include "sc-score-format.h"
#include "sc-roster.h"
#include "sc-vault.h"

#include <stdio.h>

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
  static const ScCliSpec spec = {
    .command = "roster import",
    .parameters = "VAULT CSV — import or update the roster",
    .summary = "Reads a roster CSV (UTF-8 or Shift_JIS as Excel saves it) with Japanese\n"
               "headers (社員番号, 氏名, ふりがな, 性別, 生年月日, 部署, 職種, 役職, 雇用形態)\n"
               "or English ones, in any order. All or nothing: every problem is listed\n"
               "with its line and column and nothing is imported. Employees are updated\n"
               "by number; those missing from the file are reported and kept.",
    .usage = "roster import VAULT CSV [--passphrase-file FILE]",
    .n_args = 2,
    .passphrase_help = "Read the passphrase from FILE",
  };
  g_auto(ScCliOptions) options = { NULL };
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

  if (!sc_cli_options_parse (&spec, &options, NULL, NULL, &argc, &argv))
    return SC_EXIT_USAGE;

  if (!g_file_get_contents (argv[2], &contents, &len, &error))
    return sc_cli_fail (spec.command, error);
  bytes = g_bytes_new_take (contents, len);

  /* Parse before asking for the passphrase: a broken file is reported at once. */
  roster = sc_roster_parse (bytes, NULL, &problems, &error);
  if (roster == NULL)
    {
      print_problems (problems);
      sc_cli_error ("roster import: %s: nothing was imported", argv[2]);
      return sc_cli_exit_status_for (error);
    }

  vault = sc_cli_open_vault (argv[1], options.passphrase_file, FALSE, &error);
  if (vault == NULL)
    return sc_cli_fail (spec.command, error);
  existing = sc_vault_list_employees (vault, &error);
  if (existing == NULL)
    return sc_cli_fail (spec.command, error);
  diff = sc_roster_diff (existing, sc_roster_get_employees (roster));
  if (!sc_vault_upsert_employees (vault, sc_roster_get_employees (roster), &error))
    return sc_cli_fail (spec.command, error);

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

static int
roster_list (int    argc,
             char **argv)
{
  static const ScCliSpec spec = {
    .command = "roster list",
    .parameters = "VAULT — print the roster as CSV",
    .summary = "Prints the roster as UTF-8 CSV with English headers, in the form\n"
               "`roster import` reads. Cells that start with = + - @ (or a tab or\n"
               "carriage return) get a leading ' so that a spreadsheet shows them as\n"
               "text and does not run them as formulas; `roster import` removes it.",
    .usage = "roster list VAULT [--passphrase-file FILE]",
    .n_args = 1,
    .passphrase_help = "Read the passphrase from FILE",
  };
  g_auto(ScCliOptions) options = { NULL };
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) employees = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  if (!sc_cli_options_parse (&spec, &options, NULL, NULL, &argc, &argv))
    return SC_EXIT_USAGE;

  vault = sc_cli_open_vault (argv[1], options.passphrase_file, TRUE, &error);
  if (vault == NULL)
    return sc_cli_fail (spec.command, error);
  employees = sc_vault_list_employees (vault, &error);
  if (employees == NULL)
    return sc_cli_fail (spec.command, error);

  g_string_append (out, "number,name,kana,sex,birth_date,department,job_type,position,"
                        "employment_type,active\n");
  for (guint i = 0; i < employees->len; i++)
    {
      const ScEmployee *e = g_ptr_array_index (employees, i);

      sc_csv_append_field_safe (out, e->number, -1);
      sc_cli_append_csv_optional (out, e->name);
      sc_cli_append_csv_optional (out, e->kana);
      sc_cli_append_csv_optional (out, sc_sex_to_string (e->sex));
      sc_cli_append_csv_optional (out, e->birth_date);
      sc_cli_append_csv_optional (out, e->department);
      sc_cli_append_csv_optional (out, e->job_type);
      sc_cli_append_csv_optional (out, e->position);
      sc_cli_append_csv_optional (out, e->employment_type);
      sc_cli_append_csv_optional (out, e->active ? "yes" : "no");
      g_string_append_c (out, '\n');
    }
  if (!sc_cli_write_stdout (out->str, out->len, &error))
    return sc_cli_fail (spec.command, error);
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
  return sc_cli_dispatch ("roster", roster_commands, G_N_ELEMENTS (roster_commands), argc, argv);
}
