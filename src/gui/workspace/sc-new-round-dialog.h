/* sc-new-round-dialog.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Creating a round (implementer only): its name, its period, and the high-stress criteria,
 * 評価基準の例（その2） by default.
 *
 * The same dialog edits a round's name and period (sc_new_round_dialog_new_edit()). The
 * Create (Save) button is sensitive only while the form is valid, and the reason shows at
 * once; each date row has a calendar in a popover. An empty roster is pointed out.
 *
 * Signal "created" (gint64 round_id): the round was saved; the dialog then closes itself.
 * Signal "edited" (gint64 round_id): the edited round was saved; the dialog closes itself.
 */
#pragma once

#include <adwaita.h>

#include "sc-vault.h"

G_BEGIN_DECLS

#define SC_TYPE_NEW_ROUND_DIALOG (sc_new_round_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ScNewRoundDialog, sc_new_round_dialog, SC, NEW_ROUND_DIALOG, AdwWindow)

/* @vault: unlocked with the implementer role. */
GtkWidget *sc_new_round_dialog_new       (ScVault          *vault);

/* @round: the round to rename or move (implementer only); its criteria are not shown. */
GtkWidget *sc_new_round_dialog_new_edit  (ScVault            *vault,
                                          const ScVaultRound *round);

ScVault   *sc_new_round_dialog_get_vault (ScNewRoundDialog *self);

/* Whether the round is being saved in a worker thread (sc_vault_create_round_async()). */
gboolean   sc_new_round_dialog_get_busy  (ScNewRoundDialog *self);

G_END_DECLS
