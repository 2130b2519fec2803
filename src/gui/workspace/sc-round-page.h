/* sc-round-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On the workspace's Overview: which role the vault is open with, the open rounds, a way to create one
 * (implementer only) and to start the kiosk for one, after a confirmation that says what the
 * kiosk does and how to leave it.
 *
 * Signal "start-kiosk" (gint64 round_id): the person confirmed that the kiosk should start
 * for that round. The window does the rest. Signal "round-created" (gint64 round_id): a
 * round was created with the page's New Round dialog. The workspace's Overview holds it.
 */
#pragma once

#include <adwaita.h>

#include "sc-vault.h"

G_BEGIN_DECLS

#define SC_TYPE_ROUND_PAGE (sc_round_page_get_type ())

G_DECLARE_FINAL_TYPE (ScRoundPage, sc_round_page, SC, ROUND_PAGE, AdwBin)

/* @vault: unlocked with the implementer or HR role. */
GtkWidget *sc_round_page_new       (ScVault     *vault);

ScVault   *sc_round_page_get_vault (ScRoundPage *self);

/* Reads the role and the rounds from the vault again, e.g. after the kiosk was left. */
void       sc_round_page_reload    (ScRoundPage *self);

/* Opens the dialog that creates a round (implementer only). */
void       sc_round_page_new_round (ScRoundPage *self);

/* While a task runs on the vault (sc-vault-async.h), nothing on the page may start another. */
void       sc_round_page_set_busy  (ScRoundPage *self,
                                    gboolean     busy);
gboolean   sc_round_page_get_busy  (ScRoundPage *self);

G_END_DECLS
