/* sc-cli-submit.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `stresscheck-cli submit VAULT ROUND CSV`: answers from paper forms, entered into a round,
 * optionally with the employees' decision on sharing (--consent yes|no) and an interview
 * request (--interview), as staff enter what the employees said.
 */
#define G_LOG_DOMAIN "stresscheck-cli"

#include "config.h"

#include "sc-cli.h"
#include "sc-cli-input.h"
#include "sc-cli-options.h"
#include "sc-cli-vault-common.h"
#include "sc-vault.h"

#include <stdio.h>
#include <string.h>

/* What each saved row gets after its submission: the employee's consent or refusal and
 * an interview request, recorded the way the kiosk records them. */
static gboolean
record_decisions (ScVault    *vault,
                  gint64      submission_id,
                  int         consent,
                  gboolean    interview,
                  GError    **error)
{
  if (consent >= 0 && !sc_vault_record_consent (vault, submission_id, consent == 1, error))
    return FALSE;
  return !interview || sc_vault_request_interview (vault, submission_id, error);
}

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
               "stderr as “line N: reason” and skipped (exit status 65).\n"
               "--consent and --interview record, for every row of CSV, what the\n"
               "employees decided: sharing their result with the employer (yes or no),\n"
               "and asking for an interview (which counts as consent).",
    .usage = "submit VAULT ROUND CSV [--consent yes|no] [--interview] [--passphrase-file FILE]",
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
  g_autofree char *consent_arg = NULL;
  gboolean interview = FALSE;
  int consent = -1;   /* not recorded */
  GOptionEntry entries[] = {
    { "consent", 0, 0, G_OPTION_ARG_STRING, &consent_arg,
      "The employees agreed to share their results with the employer (yes) or refused (no)",
      "yes|no" },
    { "interview", 0, 0, G_OPTION_ARG_NONE, &interview,
      "The employees asked for an interview with the doctor (面接指導の申出)", NULL },
    { NULL }
  };

  if (!sc_cli_options_parse (&spec, &options, entries, NULL, &argc, &argv))
    return SC_EXIT_USAGE;
  if (consent_arg != NULL)
    {
      if (strcmp (consent_arg, "yes") == 0)
        consent = 1;
      else if (strcmp (consent_arg, "no") == 0)
        consent = 0;
      else
        {
          sc_cli_error ("submit: --consent takes yes or no, not “%s”", consent_arg);
          return SC_EXIT_USAGE;
        }
    }
  if (interview && consent == 0)
    {
      sc_cli_error ("submit: an interview request counts as consent: not with --consent no");
      return SC_EXIT_USAGE;
    }

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
      gint64 id = sc_vault_submit (vault, round->id, number, row.answers, row.sex, &result,
                                   &row_error);

      if (id != 0 && !record_decisions (vault, id, consent, interview, &row_error))
        {
          /* The submission is kept: the decision can be entered again in the app. */
          fprintf (stderr, "line %u: saved, but the decision was not recorded: %s\n",
                   row.line, row_error->message);
          n_saved++;
          n_failed++;
          continue;
        }
      if (id == 0)
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
