/* sc-vault-roster.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roster aggregate: employees (number, name, department, …) on an unlocked vault.
 *
 * Every change is one BEGIN IMMEDIATE … COMMIT followed by a durable save; nothing
 * returns TRUE before the change is on disk.
 */
#define G_LOG_DOMAIN "sc-vault"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-vault-private.h"
#include "sc-vault-employees.h"
#include "sc-secure.h"

#include <string.h>

gboolean
_sc_vault_lookup_employee_id (sqlite3     *db,
                              const char  *number,
                              gint64      *out_id,
                              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sc_vault_db_prepare (db, "SELECT id FROM employees WHERE number = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _sc_vault_set_not_found (error, "There is no employee with this number.");
      return FALSE;
    }
  *out_id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* ---- Employees ------------------------------------------------------------------ */

/* Inserts or replaces each employee by number, inside the caller's transaction. */
gboolean
_sc_vault_write_employees (ScVault    *vault,
                           GPtrArray  *employees,
                           GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = sc_vault_get_db (vault);

  stmt = sc_vault_db_prepare (db,
                              "INSERT INTO employees (number, name, kana, sex, birth_date, "
                              "department, job_type, position, employment_type, active) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
                              "ON CONFLICT (number) DO UPDATE SET name = ?2, kana = ?3, "
                              "sex = ?4, birth_date = ?5, department = ?6, job_type = ?7, "
                              "position = ?8, employment_type = ?9, active = ?10", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < employees->len; i++)
    {
      const ScEmployee *e = g_ptr_array_index (employees, i);

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, e->number, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, e->name, -1, SQLITE_STATIC);
      _sc_vault_bind_text_or_null (stmt, 3, e->kana);
      sqlite3_bind_int (stmt, 4, e->sex);
      _sc_vault_bind_text_or_null (stmt, 5, e->birth_date);
      _sc_vault_bind_text_or_null (stmt, 6, e->department);
      _sc_vault_bind_text_or_null (stmt, 7, e->job_type);
      _sc_vault_bind_text_or_null (stmt, 8, e->position);
      _sc_vault_bind_text_or_null (stmt, 9, e->employment_type);
      sqlite3_bind_int (stmt, 10, e->active ? 1 : 0);
      if (!_sc_vault_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
sc_vault_upsert_employees (ScVault    *vault,
                           GPtrArray  *employees,
                           GError    **error)
{
  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (employees != NULL, FALSE);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_STAFF, TRUE, error))
    return FALSE;

  for (guint i = 0; i < employees->len; i++)
    {
      const ScEmployee *e = g_ptr_array_index (employees, i);

      if (e->number == NULL || *e->number == '\0' || e->name == NULL || *e->name == '\0')
        {
          g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,
                       _("Entry %u of the roster has no employee number or no name."), i + 1);
          return FALSE;
        }
    }

  if (!sc_vault_begin (vault, error))
    return FALSE;
  if (!_sc_vault_write_employees (vault, employees, error)
      || !sc_vault_audit_insert (vault, "employees.upsert", employees->len, error))
    {
      sc_vault_rollback (vault);
      return FALSE;
    }
  return sc_vault_commit_and_save (vault, error);
}

#define EMPLOYEE_COLUMNS \
  "number, name, kana, sex, birth_date, department, job_type, position, " \
  "employment_type, active"

static ScEmployee *
employee_from_row (sqlite3_stmt *stmt)
{
  ScEmployee *e = sc_employee_new ();

  e->number = _sc_vault_column_strdup (stmt, 0);
  e->name = _sc_vault_column_strdup (stmt, 1);
  e->kana = _sc_vault_column_strdup (stmt, 2);
  e->sex = sqlite3_column_int (stmt, 3) == SC_SEX_FEMALE ? SC_SEX_FEMALE : SC_SEX_MALE;
  e->birth_date = _sc_vault_column_strdup (stmt, 4);
  e->department = _sc_vault_column_strdup (stmt, 5);
  e->job_type = _sc_vault_column_strdup (stmt, 6);
  e->position = _sc_vault_column_strdup (stmt, 7);
  e->employment_type = _sc_vault_column_strdup (stmt, 8);
  e->active = sqlite3_column_int (stmt, 9) != 0;
  return e;
}

GPtrArray *
sc_vault_list_employees (ScVault  *vault,
                         GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_STAFF, FALSE, error))
    return NULL;
  stmt = sc_vault_db_prepare (sc_vault_get_db (vault),
                              "SELECT " EMPLOYEE_COLUMNS " FROM employees ORDER BY number",
                              error);
  if (stmt == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_employee_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (list, employee_from_row (stmt));
  return g_steal_pointer (&list);
}

ScEmployee *
sc_vault_lookup_employee (ScVault     *vault,
                          const char  *number,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_ANY, FALSE, error))
    return NULL;
  stmt = sc_vault_db_prepare (sc_vault_get_db (vault),
                              "SELECT " EMPLOYEE_COLUMNS ", id FROM employees WHERE number = ?",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _sc_vault_set_not_found (error, "There is no employee with this number.");
      return NULL;
    }
  /* SECURITY: at the kiosk, nothing about an employee leaves the core before their
   * access code was verified (sc_vault_check_access_code()): until then only the number
   * as the roster spells it, so the kiosk can match the case of what was typed. */
  if (sc_vault_get_role (vault) == SC_VAULT_ROLE_KIOSK
      && vault->kiosk_verified_employee != sqlite3_column_int64 (stmt, 10))
    {
      ScEmployee *stub = sc_employee_new ();

      stub->number = _sc_vault_column_strdup (stmt, 0);
      stub->active = TRUE;
      return stub;
    }
  return employee_from_row (stmt);
}
