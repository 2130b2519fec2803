/* sc-codes-dialog.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * New access codes, shown once (issue 11 §2): a list of who got which code, "Save Slips as
 * PDF…" (ScReport SLIPS, written in a worker thread) and "Print…" (GtkPrintOperation
 * drawing the same pages). SECURITY: the dialog owns the only copy of the codes, in
 * guarded memory; closing it wipes that copy.
 */
#pragma once

#include <adwaita.h>

#include "sc-vault.h"

G_BEGIN_DECLS

#define SC_TYPE_CODES_DIALOG (sc_codes_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ScCodesDialog, sc_codes_dialog, SC, CODES_DIALOG, AdwWindow)

/* @codes: (transfer full): "number,name,code" rows in guarded memory
 * (sc_vault_issue_codes_finish()); the dialog wipes and frees them. */
GtkWidget *sc_codes_dialog_new         (ScVault       *vault,
                                        gint64         round_id,
                                        char          *codes);

guint      sc_codes_dialog_get_n_codes (ScCodesDialog *self);

/* Writes the slips to @path, as "Save Slips as PDF…" does after the file chooser. */
void       sc_codes_dialog_save_pdf    (ScCodesDialog *self,
                                        const char    *path);

/* The last message of the dialog (saved, failed), or "". */
const char *sc_codes_dialog_get_status (ScCodesDialog *self);

/* Whether a PDF is being written. */
gboolean   sc_codes_dialog_get_busy    (ScCodesDialog *self);

G_END_DECLS
