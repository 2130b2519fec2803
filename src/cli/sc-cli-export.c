/* sc-cli-export.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `stresscheck-cli export VAULT ROUND`: a round as JSON Lines, as much of it as the
 * unlocking role may see. Every export is written to the vault's audit log.
 */
#define G_LOG_DOMAIN "stresscheck-cli"

#include "config.h"

#include "sc-cli.h"
#include "sc-cli-options.h"
#include "sc-cli-vault-common.h"
#include "sc-score-format.h"
#include "sc-secure.h"
#include "sc-vault.h"

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
  static const ScCliSpec spec = {
    .command = "export",
    .parameters = "VAULT ROUND — export what the unlocking role may see",
    .summary = "Writes one JSON object per submission of ROUND. With the implementer's\n"
               "passphrase: every result with its answers. With HR's: who answered, the\n"
               "consent decision and interview request, and only the results employees\n"
               "agreed to share (or asked an interview for). The export is logged.",
    .usage = "export VAULT ROUND [--passphrase-file FILE]",
    .n_args = 2,
    .passphrase_help = "Read the passphrase from FILE",
  };
  g_auto(ScCliOptions) options = { NULL };
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(ScVaultRound) round = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) submissions = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  ScVaultRole role;

  if (!sc_cli_options_parse (&spec, &options, NULL, NULL, &argc, &argv))
    return SC_EXIT_USAGE;

  vault = sc_cli_open_vault (argv[1], options.passphrase_file, FALSE, &error);
  if (vault == NULL || !sc_cli_find_round (vault, argv[2], &round, &error))
    return sc_cli_fail (spec.command, error);
  submissions = sc_vault_list_submissions (vault, round->id, &error);
  if (submissions == NULL)
    return sc_cli_fail (spec.command, error);
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
            return sc_cli_fail (spec.command, read_error);
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
    return sc_cli_fail (spec.command, error);
  if (!sc_cli_write_stdout (out->str, out->len, &error))
    return sc_cli_fail (spec.command, error);
  /* SECURITY: the export holds results and answers; do not keep them in this process's
   * memory once written. */
  sc_secure_wipe (out->str, out->len);
  sc_vault_close (vault);
  return SC_EXIT_OK;
}
