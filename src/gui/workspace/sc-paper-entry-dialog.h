/* sc-paper-entry-dialog.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keyed entry of one paper questionnaire (issue 8 §4) over the core's ScPaperEntry: the
 * employee number (on the roster, not answered yet), the date on the form, and the 57
 * answers typed twice, each pass in four fields grouped by section (A 17, B 29, C 9,
 * D 2 digits, 1–4, 0 or - for no answer; the focus moves on when a field is full). Every
 * mismatch is listed with its item and both values before anything is saved; missing
 * answers are allowed and listed. The core's refusals (unknown number, second submission,
 * date outside the round) are shown and nothing changes.
 */
#pragma once

#include <adwaita.h>

#include "sc-vault.h"

G_BEGIN_DECLS

#define SC_TYPE_PAPER_ENTRY_DIALOG (sc_paper_entry_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ScPaperEntryDialog, sc_paper_entry_dialog, SC, PAPER_ENTRY_DIALOG, AdwWindow)

GtkWidget *sc_paper_entry_dialog_new        (ScVault            *vault,
                                             gint64              round_id);

/* The message shown for the last refusal or mismatch, "" when none. */
const char *sc_paper_entry_dialog_get_message (ScPaperEntryDialog *self);

/* Whether a save runs. */
gboolean   sc_paper_entry_dialog_get_busy   (ScPaperEntryDialog *self);

G_END_DECLS
