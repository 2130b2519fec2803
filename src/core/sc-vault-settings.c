/* sc-vault-settings.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The settings aggregate: named values (SC_VAULT_SETTING_*) kept in the vault.
 *
 * Every change is one BEGIN IMMEDIATE … COMMIT followed by a durable save; nothing
 * returns TRUE before the change is on disk.
 */
#define G_LOG_DOMAIN "sc-vault"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-vault-private.h"
#include "sc-advice.h"
#include "sc-report.h"

#include <string.h>

/* ---- Settings ------------------------------------------------------------------- */

/* Longer than any address or advice file a workplace needs, short enough to print. */
#define SETTING_MAX_BYTES (64 * 1024)

gboolean
sc_vault_validate_setting (const char  *key,
                           const char  *value,
                           GError     **error)
{
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);

  if (!g_utf8_validate (value, -1, NULL) || strlen (value) > SETTING_MAX_BYTES)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,
                           "The text is too long or not valid text.");
      return FALSE;
    }
  if (g_str_equal (key, SC_VAULT_SETTING_IDLE_TIMEOUT))
    {
      guint64 seconds;

      if (!g_ascii_string_to_unsigned (value, 10, SC_VAULT_IDLE_TIMEOUT_MIN,
                                       SC_VAULT_IDLE_TIMEOUT_MAX, &seconds, NULL))
        {
          g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,
                       "The idle timeout must be a number of seconds from %d to %d.",
                       SC_VAULT_IDLE_TIMEOUT_MIN, SC_VAULT_IDLE_TIMEOUT_MAX);
          return FALSE;
        }
    }
  else if (g_str_equal (key, SC_VAULT_SETTING_HR_KIOSK))
    {
      if (!g_str_equal (value, "true") && !g_str_equal (value, "false"))
        {
          g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,
                               "Whether HR may start the kiosk is \"true\" or \"false\".");
          return FALSE;
        }
    }
  else if (g_str_equal (key, SC_REPORT_SETTING_CHECKER)
           || g_str_equal (key, SC_REPORT_SETTING_INTERVIEW_DOCTOR))
    {
      if (*value != '\0' && !g_str_equal (value, "1") && !g_str_equal (value, "2")
          && !g_str_equal (value, "3"))
        {
          g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,
                               "The category on the labour-office form is 1, 2 or 3.");
          return FALSE;
        }
    }
  else if (g_str_equal (key, SC_REPORT_SETTING_WORKERS))
    {
      guint64 workers;

      if (*value != '\0' && !g_ascii_string_to_unsigned (value, 10, 0, 1000000, &workers, NULL))
        {
          g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,
                               "The number of workers must be a whole number.");
          return FALSE;
        }
    }
  else if (g_str_equal (key, SC_VAULT_SETTING_ADVICE_TEXTS))
    {
      g_autoptr(ScAdvice) advice = NULL;
      g_autoptr(GError) local = NULL;

      advice = sc_advice_new_from_data (value, -1, &local);
      if (advice == NULL)
        {
          g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,
                       "The advice texts cannot be read: %s", local->message);
          return FALSE;
        }
    }
  return TRUE;
}

char *
sc_vault_get_setting (ScVault     *vault,
                      const char  *key,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_ANY, FALSE, error))
    return NULL;
  stmt = sc_vault_db_prepare (sc_vault_get_db (vault),
                              "SELECT value FROM settings WHERE key = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return _sc_vault_column_strdup (stmt, 0);
}

gboolean
sc_vault_set_setting (ScVault     *vault,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *action = NULL;
  sqlite3 *db;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_IMPLEMENTER), TRUE, error))
    return FALSE;
  if (!sc_vault_validate_setting (key, value, error))
    return FALSE;
  action = g_strconcat ("settings.set.", key, NULL);
  db = sc_vault_get_db (vault);
  if (!sc_vault_begin (vault, error))
    return FALSE;
  stmt = sc_vault_db_prepare (db, "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                              error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  if (!_sc_vault_step_done (db, stmt, error))
    goto fail;
  /* SECURITY: the settings are the implementer's (whether HR may start the kiosk among
   * them): signed, so that a change made in the database by hand is reported. */
  {
    g_autoptr(GByteArray) canon = _sc_vault_canon_settings (db);

    if (canon == NULL || !_sc_vault_sign_record (vault, "settings", 0, canon, error))
      goto fail;
  }
  if (!sc_vault_audit_insert (vault, action, 0, error))
    goto fail;
  return sc_vault_commit_and_save (vault, error);

fail:
  sc_vault_rollback (vault);
  return FALSE;
}

gboolean
sc_vault_hr_may_start_kiosk (ScVault *vault)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *value;

  stmt = sc_vault_db_prepare (sc_vault_get_db (vault),
                              "SELECT value FROM settings WHERE key = ?", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, SC_VAULT_SETTING_HR_KIOSK, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  value = (const char *) sqlite3_column_text (stmt, 0);
  return g_strcmp0 (value, "true") == 0;
}

gboolean
sc_vault_get_hr_may_start_kiosk (ScVault  *vault,
                                 GError  **error)
{
  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_ANY, FALSE, error))
    return FALSE;
  return sc_vault_hr_may_start_kiosk (vault);
}

const char *
sc_vault_default_help_text (void)
{
  return _("Regional occupational health centre (地域産業保健センター): free advice for the "
           "workers of small workplaces.\n"
           "Kokoro no Mimi (こころの耳), the Ministry of Health, Labour and Welfare's "
           "mental-health portal for workers: telephone, SNS and e-mail counselling.");
}

char *
sc_vault_get_help_text (ScVault *vault)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  text = sc_vault_get_setting (vault, SC_VAULT_SETTING_HELP_TEXT, NULL);
  if (text != NULL && *g_strstrip (text) != '\0')
    return g_steal_pointer (&text);
  return g_strdup (sc_vault_default_help_text ());
}
