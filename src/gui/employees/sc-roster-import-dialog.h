/* sc-roster-import-dialog.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ScRosterImportDialog: the preview of a roster CSV before anything is stored (issue 11
 * §1). Either every problem in the file by line and column, with Import off (the import is
 * all or nothing), or every row as it will be stored, marked added, changed (old → new) or
 * unchanged, and the employees on the roster but not in the file, which the person leaves
 * as they are or marks as left. Import runs in the vault's worker thread; on success the
 * dialog emits "imported" (a message for a toast) and closes itself.
 */
#pragma once

#include <adwaita.h>

#include "sc-vault.h"

G_BEGIN_DECLS

#define SC_TYPE_ROSTER_IMPORT_DIALOG (sc_roster_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ScRosterImportDialog, sc_roster_import_dialog, SC, ROSTER_IMPORT_DIALOG,
                      AdwWindow)

/* @file_name: shown in the title; @contents: the file's bytes; @existing: (element-type
 * ScEmployee): the roster in the vault. */
GtkWidget  *sc_roster_import_dialog_new          (ScVault              *vault,
                                                  const char           *file_name,
                                                  GBytes               *contents,
                                                  GPtrArray            *existing);

/* The problems that keep the file from being imported (0 when it can be). */
guint       sc_roster_import_dialog_get_n_problems (ScRosterImportDialog *self);

/* The rows of the preview (ScEmployeeItem), missing ones last. */
GListModel *sc_roster_import_dialog_get_rows     (ScRosterImportDialog *self);

/* Whether the employees missing from the file are marked as left (default: no). */
void        sc_roster_import_dialog_set_mark_left (ScRosterImportDialog *self,
                                                   gboolean              mark_left);

gboolean    sc_roster_import_dialog_get_busy     (ScRosterImportDialog *self);

G_END_DECLS
