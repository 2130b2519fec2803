/* sc-employee-dialog.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ScEmployeeDialog: adds one employee or edits one (issue 11 §1). Every roster attribute;
 * the number is required and unique (fixed when editing), the name and sex required, the
 * birth date a valid past date: sc_employee_check() says what is wrong, the rows show it
 * and Save stays off until the entry is right. Saving runs in the vault's worker thread;
 * on success the dialog emits "saved" (a message for a toast) and closes itself.
 */
#pragma once

#include <adwaita.h>

#include "sc-vault.h"

G_BEGIN_DECLS

#define SC_TYPE_EMPLOYEE_DIALOG (sc_employee_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ScEmployeeDialog, sc_employee_dialog, SC, EMPLOYEE_DIALOG, AdwWindow)

/* @employee: (nullable): the entry to edit, or %NULL to add one. @roster: (element-type
 * ScEmployee): the employees in the vault, for a number in use. */
GtkWidget  *sc_employee_dialog_new      (ScVault          *vault,
                                         const ScEmployee *employee,
                                         GPtrArray        *roster);

gboolean    sc_employee_dialog_get_busy (ScEmployeeDialog *self);

G_END_DECLS
