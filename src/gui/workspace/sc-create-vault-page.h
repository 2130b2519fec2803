/* sc-create-vault-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Creating a vault: where the file goes, and the implementer's passphrase typed twice with a
 * hint of its strength. The vault is created off the main thread.
 *
 * Signal "created" (ScVault *vault, gpointer recovery_key): the vault was created and is open
 * with the implementer role. @recovery_key (a NUL-terminated string) is valid during the
 * emission only: the page wipes it afterwards.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SC_TYPE_CREATE_VAULT_PAGE (sc_create_vault_page_get_type ())

G_DECLARE_FINAL_TYPE (ScCreateVaultPage, sc_create_vault_page, SC, CREATE_VAULT_PAGE, AdwBin)

GtkWidget *sc_create_vault_page_new      (void);

/* Where the vault will be created. A new page proposes a file name that is not taken yet in
 * the user's documents folder. */
GFile     *sc_create_vault_page_get_file (ScCreateVaultPage *self);
void       sc_create_vault_page_set_file (ScCreateVaultPage *self,
                                          GFile             *file);

/* Whether the vault is being created: the page must stay until it is done. */
gboolean   sc_create_vault_page_get_busy (ScCreateVaultPage *self);

G_END_DECLS
