/* sc-vault-employees.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One employee at a time (issue 11 §1): the checks the add/edit dialog shows, adding and
 * editing one entry, marking one as left (退職) and undoing it, and the list a roster
 * import stores. Implementer or HR (the roster holds no health data). Each change is one
 * transaction with an audit entry that names the employee's row id, never their data.
 *
 * An employee who left is kept (for the retention period of their records) and is
 * excluded from new rounds: sc_vault_issue_access_codes() skips them by what the vault
 * says, whatever the caller's copy says.
 */
#pragma once

#include <gio/gio.h>

#include "sc-roster.h"
#include "sc-vault.h"

G_BEGIN_DECLS

/**
 * sc_employee_check:
 * @employee: the entry as it would be stored
 * @existing: (element-type ScEmployee) (nullable): the roster, to find a number in use
 * @original_number: (nullable): the number of the entry being edited; %NULL when adding
 * @today: (nullable): the date a birth date must not be after; %NULL for today
 * @out_message: (out) (optional) (transfer full): what is wrong with the first bad field
 *   (translated when the program's catalogue is loaded), or %NULL
 *
 * Returns: the fields that are wrong (0 when the entry may be stored): the number is
 *   required, unique and at most %SC_ROSTER_MAX_NUMBER_LENGTH characters; the name is
 *   required; the birth date, when given, is a valid YYYY-MM-DD date in the past.
 */
ScRosterFields sc_employee_check            (const ScEmployee  *employee,
                                             GPtrArray         *existing,
                                             const char        *original_number,
                                             const GDate       *today,
                                             char             **out_message);

/* Implementer or HR: adds @employee (EXISTS when the number is taken, INVALID when
 * sc_employee_check() finds a problem). Audit "employee.add". */
gboolean       sc_vault_add_employee        (ScVault           *vault,
                                             const ScEmployee  *employee,
                                             GError           **error);

/* Implementer or HR: replaces the entry with @employee's number (NOT_FOUND when there is
 * none; the number itself does not change). Audit "employee.edit". */
gboolean       sc_vault_update_employee     (ScVault           *vault,
                                             const ScEmployee  *employee,
                                             GError           **error);

/* Implementer or HR: marks the employee as left (@active FALSE, audit "employee.left")
 * or as employed again (audit "employee.rejoined"). */
gboolean       sc_vault_set_employee_active (ScVault           *vault,
                                             const char        *number,
                                             gboolean           active,
                                             GError           **error);

/**
 * sc_roster_diff_to_store:
 * @diff: a comparison from sc_roster_diff()
 * @mark_left_out: whether the employees missing from the file are marked as left
 *
 * Returns: (transfer full) (element-type ScEmployee): what a roster import stores with
 *   sc_vault_upsert_employees(): the added and changed entries, and the left-out ones
 *   with active = FALSE when @mark_left_out (those already marked are not repeated).
 */
GPtrArray     *sc_roster_diff_to_store      (const ScRosterDiff *diff,
                                             gboolean           mark_left_out);

/* The same in the vault's worker thread (sc-vault-async.h). */
void           sc_vault_upsert_employees_async    (ScVault             *vault,
                                                   GPtrArray           *employees,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
void           sc_vault_add_employee_async        (ScVault             *vault,
                                                   const ScEmployee    *employee,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
void           sc_vault_update_employee_async     (ScVault             *vault,
                                                   const ScEmployee    *employee,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
void           sc_vault_set_employee_active_async (ScVault             *vault,
                                                   const char          *number,
                                                   gboolean             active,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
/* The one finish for the four calls above. */
gboolean       sc_vault_employees_finish          (ScVault             *vault,
                                                   GAsyncResult        *result,
                                                   GError             **error);

/* sc-vault-roster.c: inserts or replaces each employee, inside the caller's transaction. */
gboolean       _sc_vault_write_employees    (ScVault           *vault,
                                             GPtrArray         *employees,
                                             GError           **error);

/* sc-vault-codes.c: whether the employee's row is marked employed. */
gboolean       _sc_vault_employee_is_active (ScVault           *vault,
                                             gint64             employee_id);

G_END_DECLS
