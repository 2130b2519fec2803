/* sc-vault-audit.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The audit log: who did what, by role and row id, never personal data.
 */
#define G_LOG_DOMAIN "sc-vault"

#include "config.h"

#include "sc-vault-private.h"

#include <string.h>

void
sc_vault_audit_entry_free (ScVaultAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->action);
  g_free (entry);
}

gboolean
sc_vault_audit_append (ScVault     *vault,
                       const char  *action,
                       gint64       target,
                       GError     **error)
{
  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_ANY, TRUE, error)
      || !sc_vault_begin (vault, error))
    return FALSE;
  if (!sc_vault_audit_insert (vault, action, target, error))
    {
      sc_vault_rollback (vault);
      return FALSE;
    }
  return sc_vault_commit_and_save (vault, error);
}

GPtrArray *
sc_vault_list_audit (ScVault  *vault,
                     GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_STAFF, FALSE, error))
    return NULL;
  stmt = sc_vault_db_prepare (sc_vault_get_db (vault),
                              "SELECT id, time, role, action, target FROM audit_log "
                              "ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_vault_audit_entry_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      ScVaultAuditEntry *entry = g_new0 (ScVaultAuditEntry, 1);
      int role = sqlite3_column_int (stmt, 2);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->time = sqlite3_column_int64 (stmt, 1);
      entry->role = role >= SC_VAULT_ROLE_NONE && role <= SC_VAULT_ROLE_KIOSK
                    ? (ScVaultRole) role : SC_VAULT_ROLE_NONE;
      entry->action = _sc_vault_column_strdup (stmt, 3);
      entry->target = sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (list, entry);
    }
  return g_steal_pointer (&list);
}
