/* sc-unlock-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Unlocking a vault with the implementer's or HR's passphrase; the role follows from which one
 * it is. The vault is opened off the main thread. A wrong passphrase keeps the page, with the
 * message and the passphrase selected for typing again; a damaged file offers another one
 * (action win.open-vault).
 *
 * Signal "unlocked" (ScVault *vault): the vault is open with the implementer or HR role.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SC_TYPE_UNLOCK_PAGE (sc_unlock_page_get_type ())

G_DECLARE_FINAL_TYPE (ScUnlockPage, sc_unlock_page, SC, UNLOCK_PAGE, AdwBin)

/* @demo: @file is the demo vault, whose published passphrases the page shows. */
GtkWidget *sc_unlock_page_new      (GFile        *file,
                                    gboolean      demo);

GFile     *sc_unlock_page_get_file (ScUnlockPage *self);
gboolean   sc_unlock_page_get_demo (ScUnlockPage *self);

/* Whether the vault is being opened: the page must stay until it is done. */
gboolean   sc_unlock_page_get_busy (ScUnlockPage *self);

/* "Use Recovery Key…": asks for the recovery key and a new implementer passphrase, opens
 * the vault with them (sc_vault_recover_async()), shows the new recovery key that replaces
 * the one used, and emits "unlocked" once it was written down. */
void       sc_unlock_page_recover  (ScUnlockPage *self);

/* The dialog open now (the recovery form, then the new key), or NULL. */
GtkWidget *sc_unlock_page_get_dialog (ScUnlockPage *self);

/* The new recovery key while its dialog is shown, or NULL. */
const char *sc_unlock_page_get_shown_recovery_key (ScUnlockPage *self);

G_END_DECLS
