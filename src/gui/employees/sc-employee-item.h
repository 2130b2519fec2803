/* sc-employee-item.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ScEmployeeItem: one roster entry in a GListModel, for the Employees list and the roster
 * import preview, with what an import would do to it (added, changed from what, unchanged,
 * missing from the file). sc_employee_columns_add() gives a GtkColumnView the roster's
 * columns, so that both lists show an entry the same way.
 */
#pragma once

#include <gtk/gtk.h>

#include "sc-employee.h"
#include "sc-roster.h"

G_BEGIN_DECLS

#define SC_TYPE_EMPLOYEE_ITEM (sc_employee_item_get_type ())

G_DECLARE_FINAL_TYPE (ScEmployeeItem, sc_employee_item, SC, EMPLOYEE_ITEM, GObject)

typedef enum
{
  SC_EMPLOYEE_CHANGE_NONE,       /* in the roster (not an import) */
  SC_EMPLOYEE_CHANGE_ADDED,
  SC_EMPLOYEE_CHANGE_CHANGED,
  SC_EMPLOYEE_CHANGE_UNCHANGED,
  SC_EMPLOYEE_CHANGE_MISSING,
} ScEmployeeChange;

typedef enum
{
  SC_EMPLOYEE_COLUMN_CHANGE,     /* Added / Changed / Unchanged / Missing */
  SC_EMPLOYEE_COLUMN_NUMBER,
  SC_EMPLOYEE_COLUMN_NAME,
  SC_EMPLOYEE_COLUMN_KANA,
  SC_EMPLOYEE_COLUMN_SEX,
  SC_EMPLOYEE_COLUMN_BIRTH_DATE,
  SC_EMPLOYEE_COLUMN_DEPARTMENT,
  SC_EMPLOYEE_COLUMN_JOB_TYPE,
  SC_EMPLOYEE_COLUMN_POSITION,
  SC_EMPLOYEE_COLUMN_EMPLOYMENT_TYPE,
  SC_EMPLOYEE_COLUMN_STATUS,     /* Employed / Left */
  SC_EMPLOYEE_COLUMN_CHANGES,    /* "Department: A → B; …" */
  SC_N_EMPLOYEE_COLUMNS
} ScEmployeeColumn;

/* @employee is copied. @previous (nullable): the stored entry an import changes. */
ScEmployeeItem   *sc_employee_item_new        (const ScEmployee *employee,
                                               ScEmployeeChange  change,
                                               const ScEmployee *previous);

const ScEmployee *sc_employee_item_get_employee (ScEmployeeItem *self);
ScEmployeeChange  sc_employee_item_get_change   (ScEmployeeItem *self);

/* (transfer full) the text of @column, as a cell shows it. */
char             *sc_employee_item_cell_text  (ScEmployeeItem   *self,
                                               ScEmployeeColumn  column);

/* The translated title of a column. */
const char       *sc_employee_column_title    (ScEmployeeColumn  column);

/* Appends @columns (SC_N_EMPLOYEE_COLUMNS-terminated) to @view, each sortable by its text. */
void              sc_employee_columns_add     (GtkColumnView    *view,
                                               const ScEmployeeColumn *columns);

/* "Male" / "Female", translated. */
const char       *sc_employee_sex_label       (ScSex             sex);

G_END_DECLS
