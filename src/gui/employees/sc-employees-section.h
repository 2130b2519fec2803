/* sc-employees-section.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ScEmployeesSection: the Employees section of the workspace (issue 11 §1), for the
 * implementer and HR alike (the roster holds no health data). The roster in a column
 * view (number, name, reading, sex, birth date, department, job type, position,
 * employment type, status), searched (Ctrl+F reaches the search entry) and filtered by
 * department and status; a roster CSV imported through a preview
 * (sc-roster-import-dialog.h); one employee added or edited (sc-employee-dialog.h),
 * marked as left (退職) or back. Every change runs in the vault's worker thread and is
 * reported with the "toast" signal (a string).
 */
#pragma once

#include <adwaita.h>

#include "sc-vault.h"

G_BEGIN_DECLS

#define SC_TYPE_EMPLOYEES_SECTION (sc_employees_section_get_type ())

G_DECLARE_FINAL_TYPE (ScEmployeesSection, sc_employees_section, SC, EMPLOYEES_SECTION, AdwBin)

GtkWidget  *sc_employees_section_new           (ScVault            *vault);

/* Reads the roster again from the vault. */
void        sc_employees_section_reload        (ScEmployeesSection *self);

gboolean    sc_employees_section_get_busy      (ScEmployeesSection *self);

/* How many employees the vault has, and how many the search and filters show. */
guint       sc_employees_section_get_n_employees (ScEmployeesSection *self);
guint       sc_employees_section_get_n_shown   (ScEmployeesSection *self);

/* Selects the employee shown with @number; %FALSE when it is not shown. */
gboolean    sc_employees_section_select        (ScEmployeesSection *self,
                                                const char         *number);

/* Opens the import preview for @file, as choosing it in the file chooser does. */
void        sc_employees_section_import_file   (ScEmployeesSection *self,
                                                GFile              *file);

G_END_DECLS
