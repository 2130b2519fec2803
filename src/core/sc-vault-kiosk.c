/* sc-vault-kiosk.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Kiosk reads that sc-vault-store.c does not offer (see sc-vault-kiosk.h).
 */
#define G_LOG_DOMAIN "sc-vault"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-vault-kiosk.h"
#include "sc-vault-private.h"

gboolean
sc_vault_get_own_decisions (ScVault        *vault,
                            gint64          round_id,
                            const char     *employee_number,
                            ScVaultConsent *out_consent,
                            gboolean       *out_interview_requested,
                            GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (employee_number != NULL, FALSE);
  g_return_val_if_fail (out_consent != NULL && out_interview_requested != NULL, FALSE);

  *out_consent = SC_VAULT_CONSENT_UNDECIDED;
  *out_interview_requested = FALSE;

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_ANY, FALSE, error))
    return FALSE;
  /* SECURITY: one row for this person and round only; no list of anyone else's. */
  stmt = sc_vault_db_prepare (sc_vault_get_db (vault),
                              "SELECT c.value, i.requested_at "
                              "FROM submissions s JOIN employees e ON e.id = s.employee_id "
                              "LEFT JOIN consents c ON c.submission_id = s.id "
                              "LEFT JOIN interviews i ON i.submission_id = s.id "
                              "WHERE s.round_id = ?1 AND e.number = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);
  sqlite3_bind_text (stmt, 2, employee_number, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND,
                           _("No answers of this employee in this round."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      sc_vault_db_set_error (sc_vault_get_db (vault), error);
      return FALSE;
    }
  if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    *out_consent = sqlite3_column_int (stmt, 0) == SC_VAULT_CONSENT_YES
                   ? SC_VAULT_CONSENT_YES : SC_VAULT_CONSENT_NO;
  *out_interview_requested = sqlite3_column_type (stmt, 1) != SQLITE_NULL
                             && sqlite3_column_int64 (stmt, 1) != 0;
  return TRUE;
}
