/* sc-cli-submit.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `stresscheck-cli submit VAULT ROUND CSV`: answers from paper forms, entered into a round.
 */
#define G_LOG_DOMAIN "stresscheck-cli"

#include "config.h"

#include "sc-cli.h"
#include "sc-cli-input.h"
#include "sc-cli-options.h"
#include "sc-cli-vault-common.h"
#include "sc-vault.h"

#include <stdio.h>

int
sc_cli_submit (int    argc,
               char **argv)
{
  static const ScCliSpec spec = {
    .command = "submit",
    .parameters = "VAULT ROUND CSV — enter answers from paper forms",
    .summary = "Reads answers in the `score` input format (id = employee number,\n"
               "sex, answers) and stores each as a submission of ROUND, scored with the\n"
               "round's criteria and sealed to the implementer. Bad rows are named on\n"
               "stderr as “line N: reason” and skipped (exit status 65).",
    .usage = "submit VAULT ROUND CSV [--passphrase-file FILE]",
    .n_args = 3,
    .passphrase_help = "Read the implementer passphrase from FILE",
  };
  g_auto(ScCliOptions) options = { NULL };
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(ScVaultRound) round = NULL;
  g_autoptr(GError) error = NULL;
  ScRespondentInput input;
  ScRespondentRow row;
  guint n_saved = 0;
  guint n_failed = 0;

  if (!sc_cli_options_parse (&spec, &options, NULL, NULL, &argc, &argv))
    return SC_EXIT_USAGE;

  if (!sc_respondent_input_open (&input, argv[3], NULL, FALSE, &error))
    return sc_cli_fail (spec.command, error);

  vault = sc_cli_open_vault (argv[1], options.passphrase_file, FALSE, &error);
  if (vault == NULL || !sc_cli_find_round (vault, argv[2], &round, &error))
    {
      sc_respondent_input_clear (&input);
      return sc_cli_fail (spec.command, error);
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
