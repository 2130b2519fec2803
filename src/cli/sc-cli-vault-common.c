/* sc-cli-vault-common.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening a vault and finding a round, for every command that works on a vault.
 */
#define G_LOG_DOMAIN "stresscheck-cli"

#include "config.h"

#include "sc-cli.h"
#include "sc-cli-vault-common.h"
#include "sc-cli-passphrase.h"
#include "sc-score-format.h"
#include "sc-secure.h"

void
sc_cli_secret_free (ScCliSecret *secret)
{
  sc_secure_free (secret);
}

ScVault *
sc_cli_open_vault (const char  *path,
                   const char  *passphrase_file,
                   gboolean     read_only,
                   GError     **error)
{
  g_autoptr(ScCliSecret) passphrase = NULL;
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

void
sc_cli_append_csv_optional (GString    *out,
                            const char *value)
{
  g_string_append_c (out, ',');
  if (value)
    sc_csv_append_field_safe (out, value, -1);
}
