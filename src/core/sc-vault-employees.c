/* sc-vault-employees.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One employee at a time on an unlocked vault: checks, add, edit, left and back, and
 * the list a roster import stores (sc-vault-employees.h). The bulk import itself is
 * sc_vault_upsert_employees() in sc-vault-roster.c.
 */
#define G_LOG_DOMAIN "sc-vault"

#include "config.h"

#include "sc-vault-employees.h"

#include "sc-date.h"
#include "sc-vault-private.h"

#include <glib/gi18n-lib.h>

/* ---- Checks ------------------------------------------------------------------------ */

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static void
set_message (char      **out_message,
             char       *message)
{
  if (out_message != NULL && *out_message == NULL)
    *out_message = message;
  else
    g_free (message);
}

ScRosterFields
sc_employee_check (const ScEmployee  *employee,
                   GPtrArray         *existing,
                   const char        *original_number,
                   const GDate       *today,
                   char             **out_message)
{
  ScRosterFields bad = 0;

  g_return_val_if_fail (employee != NULL, SC_ROSTER_FIELD_NUMBER);

  if (out_message != NULL)
    *out_message = NULL;

  if (is_blank (employee->number))
    {
      bad |= SC_ROSTER_FIELD_NUMBER;
      set_message (out_message, g_strdup (_("The employee number is required.")));
    }
  else if (g_utf8_strlen (employee->number, -1) > SC_ROSTER_MAX_NUMBER_LENGTH)
    {
      bad |= SC_ROSTER_FIELD_NUMBER;
      set_message (out_message, g_strdup_printf (_("The employee number is longer than %u characters."),
                                                 SC_ROSTER_MAX_NUMBER_LENGTH));
    }
  else if (existing != NULL && g_strcmp0 (original_number, employee->number) != 0)
    {
      for (guint i = 0; i < existing->len; i++)
        {
          const ScEmployee *other = g_ptr_array_index (existing, i);

          if (g_strcmp0 (other->number, employee->number) == 0)
            {
              bad |= SC_ROSTER_FIELD_NUMBER;
              set_message (out_message,
                           g_strdup (_("Another employee already has this number.")));
              break;
            }
        }
    }

  if (is_blank (employee->name))
    {
      bad |= SC_ROSTER_FIELD_NAME;
      set_message (out_message, g_strdup (_("The name is required.")));
    }

  if (employee->sex != SC_SEX_MALE && employee->sex != SC_SEX_FEMALE)
    {
      bad |= SC_ROSTER_FIELD_SEX;
      set_message (out_message, g_strdup (_("Choose the sex.")));
    }

  if (!is_blank (employee->birth_date))
    {
      GDate date;

      if (!sc_date_parse_birth_date (employee->birth_date, -1, today, &date, NULL))
        {
          bad |= SC_ROSTER_FIELD_BIRTH_DATE;
          set_message (out_message,
                       g_strdup (_("The birth date is not a valid past date (YYYY-MM-DD).")));
        }
    }
  return bad;
}

/* ---- Store ------------------------------------------------------------------------- */

static gboolean
check_for_vault (ScVault           *vault,
                 const ScEmployee  *employee,
                 const char        *original_number,
                 GError           **error)
{
  g_autofree char *message = NULL;

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_STAFF, TRUE, error))
    return FALSE;
  /* Uniqueness is the database's to say (EXISTS or NOT_FOUND below). */
  if (sc_employee_check (employee, NULL, original_number, NULL, &message) != 0)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID, message);
      return FALSE;
    }
  return TRUE;
}

/* Writes the one employee and audits @action on its row, in one transaction. */
static gboolean
store_one (ScVault           *vault,
           const ScEmployee  *employee,
           gboolean           adding,
           const char        *action,
           GError           **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  sqlite3 *db = sc_vault_get_db (vault);
  gint64 id = 0;
  gboolean exists;

  g_ptr_array_add (one, (gpointer) employee);
  exists = _sc_vault_lookup_employee_id (db, employee->number, &id, NULL);
  if (adding && exists)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_EXISTS,
                           _("Another employee already has this number."));
      return FALSE;
    }
  if (!adding && !exists)
    return _sc_vault_lookup_employee_id (db, employee->number, &id, error);

  if (!sc_vault_begin (vault, error))
    return FALSE;
  if (!_sc_vault_write_employees (vault, one, error)
      || !_sc_vault_lookup_employee_id (db, employee->number, &id, error)
      || !sc_vault_audit_insert (vault, action, id, error))
    {
      sc_vault_rollback (vault);
      return FALSE;
    }
  return sc_vault_commit_and_save (vault, error);
}

gboolean
sc_vault_add_employee (ScVault           *vault,
                       const ScEmployee  *employee,
                       GError           **error)
{
  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (employee != NULL, FALSE);

  return check_for_vault (vault, employee, NULL, error)
         && store_one (vault, employee, TRUE, "employee.add", error);
}

gboolean
sc_vault_update_employee (ScVault           *vault,
                          const ScEmployee  *employee,
                          GError           **error)
{
  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (employee != NULL, FALSE);

  return check_for_vault (vault, employee, employee->number, error)
         && store_one (vault, employee, FALSE, "employee.edit", error);
}

gboolean
sc_vault_set_employee_active (ScVault     *vault,
                              const char  *number,
                              gboolean     active,
                              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  gint64 id;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (number != NULL, FALSE);

  if (!sc_vault_check_role (vault, SC_VAULT_ROLES_STAFF, TRUE, error))
    return FALSE;
  db = sc_vault_get_db (vault);
  if (!_sc_vault_lookup_employee_id (db, number, &id, error))
    return FALSE;
  if (!sc_vault_begin (vault, error))
    return FALSE;
  stmt = sc_vault_db_prepare (db, "UPDATE employees SET active = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, active ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!_sc_vault_step_done (db, stmt, error)
      || !sc_vault_audit_insert (vault, active ? "employee.rejoined" : "employee.left", id,
                                 error))
    goto fail;
  return sc_vault_commit_and_save (vault, error);

fail:
  sc_vault_rollback (vault);
  return FALSE;
}

gboolean
_sc_vault_employee_is_active (ScVault *vault,
                              gint64   employee_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sc_vault_db_prepare (sc_vault_get_db (vault),
                              "SELECT active FROM employees WHERE id = ?", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, employee_id);
  return sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
}

GPtrArray *
sc_roster_diff_to_store (const ScRosterDiff *diff,
                         gboolean            mark_left_out)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_employee_free);

  g_return_val_if_fail (diff != NULL, list);

  for (guint i = 0; i < diff->added->len; i++)
    {
      const ScRosterDiffEntry *entry = g_ptr_array_index (diff->added, i);

      g_ptr_array_add (list, sc_employee_copy (entry->incoming));
    }
  for (guint i = 0; i < diff->changed->len; i++)
    {
      const ScRosterDiffEntry *entry = g_ptr_array_index (diff->changed, i);

      g_ptr_array_add (list, sc_employee_copy (entry->incoming));
    }
  if (mark_left_out)
    for (guint i = 0; i < diff->left_out->len; i++)
      {
        const ScRosterDiffEntry *entry = g_ptr_array_index (diff->left_out, i);
        ScEmployee *left;

        if (!entry->existing->active)
          continue;
        left = sc_employee_copy (entry->existing);
        left->active = FALSE;
        g_ptr_array_add (list, left);
      }
  return list;
}

/* ---- Async ------------------------------------------------------------------------- */

typedef enum
{
  WORK_UPSERT,
  WORK_ADD,
  WORK_UPDATE,
  WORK_ACTIVE,
} WorkKind;

typedef struct
{
  WorkKind    kind;
  GPtrArray  *employees;
  ScEmployee *employee;
  char       *number;
  gboolean    active;
} Work;

static void
work_free (gpointer data)
{
  Work *work = data;

  g_clear_pointer (&work->employees, g_ptr_array_unref);
  sc_employee_free (work->employee);
  g_free (work->number);
  g_free (work);
}

static gboolean
employees_work (ScVault  *vault,
                gpointer  data,
                GError  **error)
{
  Work *work = data;

  switch (work->kind)
    {
    case WORK_UPSERT:
      return sc_vault_upsert_employees (vault, work->employees, error);
    case WORK_ADD:
      return sc_vault_add_employee (vault, work->employee, error);
    case WORK_UPDATE:
      return sc_vault_update_employee (vault, work->employee, error);
    case WORK_ACTIVE:
      return sc_vault_set_employee_active (vault, work->number, work->active, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

static void
run_work (ScVault             *vault,
          Work                *work,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  _sc_vault_run_work_async (vault, employees_work, work, work_free,
                            sc_vault_employees_finish, cancellable, callback, user_data);
}

void
sc_vault_upsert_employees_async (ScVault             *vault,
                                 GPtrArray           *employees,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Work *work = g_new0 (Work, 1);

  work->kind = WORK_UPSERT;
  work->employees = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_employee_free);
  for (guint i = 0; i < employees->len; i++)
    g_ptr_array_add (work->employees, sc_employee_copy (g_ptr_array_index (employees, i)));
  run_work (vault, work, cancellable, callback, user_data);
}

static void
run_one_employee (ScVault             *vault,
                  WorkKind             kind,
                  const ScEmployee    *employee,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  Work *work = g_new0 (Work, 1);

  work->kind = kind;
  work->employee = sc_employee_copy (employee);
  run_work (vault, work, cancellable, callback, user_data);
}

void
sc_vault_add_employee_async (ScVault             *vault,
                             const ScEmployee    *employee,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  run_one_employee (vault, WORK_ADD, employee, cancellable, callback, user_data);
}

void
sc_vault_update_employee_async (ScVault             *vault,
                                const ScEmployee    *employee,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  run_one_employee (vault, WORK_UPDATE, employee, cancellable, callback, user_data);
}

void
sc_vault_set_employee_active_async (ScVault             *vault,
                                    const char          *number,
                                    gboolean             active,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  Work *work = g_new0 (Work, 1);

  work->kind = WORK_ACTIVE;
  work->number = g_strdup (number);
  work->active = active;
  run_work (vault, work, cancellable, callback, user_data);
}

gboolean
sc_vault_employees_finish (ScVault       *vault,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);

  return _sc_vault_run_work_finish (vault, result, sc_vault_employees_finish, error) != NULL;
}
