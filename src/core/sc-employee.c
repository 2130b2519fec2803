/* sc-employee.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-employee"

#include "config.h"

#include "sc-employee.h"

ScEmployee *
sc_employee_new (void)
{
  ScEmployee *employee = g_new0 (ScEmployee, 1);

  employee->active = TRUE;
  return employee;
}

ScEmployee *
sc_employee_copy (const ScEmployee *employee)
{
  ScEmployee *copy;

  g_return_val_if_fail (employee != NULL, NULL);

  copy = g_new0 (ScEmployee, 1);
  copy->number = g_strdup (employee->number);
  copy->name = g_strdup (employee->name);
  copy->kana = g_strdup (employee->kana);
  copy->sex = employee->sex;
  copy->birth_date = g_strdup (employee->birth_date);
  copy->department = g_strdup (employee->department);
  copy->job_type = g_strdup (employee->job_type);
  copy->position = g_strdup (employee->position);
  copy->employment_type = g_strdup (employee->employment_type);
  copy->active = employee->active;
  return copy;
}

void
sc_employee_free (ScEmployee *employee)
{
  if (employee == NULL)
    return;
  g_free (employee->number);
  g_free (employee->name);
  g_free (employee->kana);
  g_free (employee->birth_date);
  g_free (employee->department);
  g_free (employee->job_type);
  g_free (employee->position);
  g_free (employee->employment_type);
  g_free (employee);
}

gboolean
sc_employee_equal (const ScEmployee *a,
                   const ScEmployee *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return g_strcmp0 (a->number, b->number) == 0
         && g_strcmp0 (a->name, b->name) == 0
         && g_strcmp0 (a->kana, b->kana) == 0
         && a->sex == b->sex
         && g_strcmp0 (a->birth_date, b->birth_date) == 0
         && g_strcmp0 (a->department, b->department) == 0
         && g_strcmp0 (a->job_type, b->job_type) == 0
         && g_strcmp0 (a->position, b->position) == 0
         && g_strcmp0 (a->employment_type, b->employment_type) == 0
         && a->active == b->active;
}
