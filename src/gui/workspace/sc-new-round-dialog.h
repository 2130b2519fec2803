/* sc-new-round-dialog.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Creating a round (implementer only): its name, its period, and the high-stress criteria,
 * 評価基準の例（その2） by default.
 *
 * Signal "created" (gint64 round_id): the round was saved; the dialog then closes itself.
 */
#pragma once

#include <adwaita.h>

#include "sc-vault.h"

G_BEGIN_DECLS

#define SC_TYPE_NEW_ROUND_DIALOG (sc_new_round_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ScNewRoundDialog, sc_new_round_dialog, SC, NEW_ROUND_DIALOG, AdwWindow)

/* @vault: unlocked with the implementer role. */
GtkWidget *sc_new_round_dialog_new       (ScVault          *vault);

ScVault   *sc_new_round_dialog_get_vault (ScNewRoundDialog *self);

/* Whether the round is being saved in a worker thread (sc_vault_create_round_async()). */
gboolean   sc_new_round_dialog_get_busy  (ScNewRoundDialog *self);

G_END_DECLS
