/* sc-cli-round.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `stresscheck-cli round create|close|list`: the rounds (one year's stress check each) of
 * a vault, with their high-stress criteria.
 */
#define G_LOG_DOMAIN "stresscheck-cli"

#include "config.h"

#include "sc-cli.h"
#include "sc-cli-options.h"
#include "sc-cli-vault-common.h"
#include "sc-score-format.h"
#include "sc-vault.h"

#include <stdio.h>
#include <string.h>

static int
round_create (int    argc,
              char **argv)
{
  static const ScCliSpec spec = {
    .command = "round create",
    .parameters = "VAULT — open a new round of the stress check",
    .summary = "Opens a round (one year's stress check). Criteria default to 評価基準の例（その2）;\n"
               "changed thresholds are printed on every report.",
    .usage = "round create VAULT --name NAME [--start DATE --end DATE] [--method sum|conversion]",
    .n_args = 1,
    .passphrase_help = "Read the implementer passphrase from FILE",
  };
  g_auto(ScCliOptions) options = { NULL };
  g_autofree char *name = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *method = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  GOptionGroup *group;
  ScCriteria criteria;
  gint64 id;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, "Name of the round, e.g. 2026年度", "NAME" },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start, "First day (YYYY-MM-DD)", "DATE" },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end, "Last day (YYYY-MM-DD)", "DATE" },
    { "method", 0, 0, G_OPTION_ARG_STRING, &method,
      "High-stress criteria: conversion (その2, default) or sum (その1)", "METHOD" },
    { NULL }
  };
  GOptionEntry thresholds[] = {
    { "sum-b-min", 0, 0, G_OPTION_ARG_INT, &criteria.sum_b_min, "その1 ㋐: B ≥ N (77)", "N" },
    { "sum-ac-min", 0, 0, G_OPTION_ARG_INT, &criteria.sum_ac_min, "その1 ㋑: A+C ≥ N (76)", "N" },
    { "sum-ac-b-min", 0, 0, G_OPTION_ARG_INT, &criteria.sum_ac_b_min, "その1 ㋑: and B ≥ N (63)", "N" },
    { "conv-b-max", 0, 0, G_OPTION_ARG_INT, &criteria.conv_b_max, "その2 ㋐: B ≤ N (12)", "N" },
    { "conv-ac-max", 0, 0, G_OPTION_ARG_INT, &criteria.conv_ac_max, "その2 ㋑: A+C ≤ N (26)", "N" },
    { "conv-ac-b-max", 0, 0, G_OPTION_ARG_INT, &criteria.conv_ac_b_max, "その2 ㋑: and B ≤ N (17)", "N" },
    { NULL }
  };

  sc_criteria_init_default (&criteria);
  group = g_option_group_new ("thresholds", "High-stress thresholds (the MHLW examples by default):",
                              "Show the threshold options", NULL, NULL);
  g_option_group_add_entries (group, thresholds);
  if (!sc_cli_options_parse (&spec, &options, entries, group, &argc, &argv))
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

  vault = sc_cli_open_vault (argv[1], options.passphrase_file, FALSE, &error);
  if (vault == NULL)
    return sc_cli_fail (spec.command, error);
  id = sc_vault_create_round (vault, name, start, end, &criteria, &error);
  if (id == 0)
    return sc_cli_fail (spec.command, error);
  printf ("%" G_GINT64_FORMAT "\n", id);
  sc_vault_close (vault);
  return SC_EXIT_OK;
}

static int
round_close (int    argc,
             char **argv)
{
  static const ScCliSpec spec = {
    .command = "round close",
    .parameters = "VAULT ROUND — close a round",
    .summary = "Closes ROUND (its id or name): no more answers are accepted.",
    .usage = "round close VAULT ROUND [--passphrase-file FILE]",
    .n_args = 2,
    .passphrase_help = "Read the passphrase from FILE",
  };
  g_auto(ScCliOptions) options = { NULL };
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(ScVaultRound) round = NULL;
  g_autoptr(GError) error = NULL;

  if (!sc_cli_options_parse (&spec, &options, NULL, NULL, &argc, &argv))
    return SC_EXIT_USAGE;

  vault = sc_cli_open_vault (argv[1], options.passphrase_file, FALSE, &error);
  if (vault == NULL
      || !sc_cli_find_round (vault, argv[2], &round, &error)
      || !sc_vault_close_round (vault, round->id, &error))
    return sc_cli_fail (spec.command, error);
  printf ("Closed round %" G_GINT64_FORMAT " (%s).\n", round->id, round->name);
  sc_vault_close (vault);
  return SC_EXIT_OK;
}

static int
round_list (int    argc,
            char **argv)
{
  static const ScCliSpec spec = {
    .command = "round list",
    .parameters = "VAULT — list the rounds as CSV",
    .summary = "Lists every round, oldest first. Cells that start with = + - @ (or a tab or\n"
               "carriage return) get a leading ' so that a spreadsheet shows them as\n"
               "text and does not run them as formulas.",
    .usage = "round list VAULT [--passphrase-file FILE]",
    .n_args = 1,
    .passphrase_help = "Read the passphrase from FILE",
  };
  g_auto(ScCliOptions) options = { NULL };
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  if (!sc_cli_options_parse (&spec, &options, NULL, NULL, &argc, &argv))
    return SC_EXIT_USAGE;

  vault = sc_cli_open_vault (argv[1], options.passphrase_file, TRUE, &error);
  if (vault == NULL)
    return sc_cli_fail (spec.command, error);
  rounds = sc_vault_list_rounds (vault, &error);
  if (rounds == NULL)
    return sc_cli_fail (spec.command, error);

  g_string_append (out, "id,name,start,end,status,method,sum_b_min,sum_ac_min,sum_ac_b_min,"
                        "conv_b_max,conv_ac_max,conv_ac_b_max\n");
  for (guint i = 0; i < rounds->len; i++)
    {
      const ScVaultRound *r = g_ptr_array_index (rounds, i);
      const ScCriteria *c = &r->criteria;

      g_string_append_printf (out, "%" G_GINT64_FORMAT ",", r->id);
      sc_csv_append_field_safe (out, r->name, -1);
      sc_cli_append_csv_optional (out, r->period_start);
      sc_cli_append_csv_optional (out, r->period_end);
      g_string_append_printf (out, ",%s,%s,%d,%d,%d,%d,%d,%d\n", r->closed ? "closed" : "open",
                              c->method == SC_METHOD_SUM ? "sum" : "conversion",
                              c->sum_b_min, c->sum_ac_min, c->sum_ac_b_min,
                              c->conv_b_max, c->conv_ac_max, c->conv_ac_b_max);
    }
  if (!sc_cli_write_stdout (out->str, out->len, &error))
    return sc_cli_fail (spec.command, error);
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
  return sc_cli_dispatch ("round", round_commands, G_N_ELEMENTS (round_commands), argc, argv);
}
