/* sc-gui-vault.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the user interface needs around the vault: creating and opening it off the main thread
 * (Argon2id takes about a second), the key-derivation limits, and error messages in the
 * user's language.
 *
 * An ScVault is not thread-safe. The worker thread makes it and hands it over; from then on
 * it is used on the main thread only.
 */
#pragma once

#include <gio/gio.h>

#include "sc-demo.h"
#include "sc-vault.h"

G_BEGIN_DECLS

/* The demo passphrases (SC_DEMO_PASSPHRASE, SC_DEMO_HR_PASSPHRASE) come from sc-demo.h.
 * They are published: a demo vault holds made-up people only. */

/**
 * sc_gui_kdf_limits:
 *
 * The Argon2id limits for new passphrases: the default ones, or the minimum ones when the
 * environment has STRESSCHECK_KDF=min (test suites, as for stresscheck-cli), which is said
 * once on stderr.
 */
const ScVaultKdfLimits *sc_gui_kdf_limits           (void);

/**
 * sc_gui_vault_error_message:
 * @error: an error from a vault function
 *
 * Returns: a message for people in the user's language: a translation for the errors met
 *   when creating, opening and unlocking a vault, otherwise the error's own message.
 */
const char             *sc_gui_vault_error_message  (const GError         *error);

/**
 * sc_gui_vault_create_async:
 * @path: where the new vault goes; nothing may be there
 * @passphrase: the implementer's passphrase, copied at once into guarded memory
 *
 * Creates a vault in a worker thread with sc_gui_kdf_limits().
 */
void                    sc_gui_vault_create_async   (const char           *path,
                                                     const char           *passphrase,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);

/**
 * sc_gui_vault_create_finish:
 * @out_recovery_key: (out) (transfer full): the recovery key to show once; free it with
 *   sc_vault_free_recovery_key()
 *
 * Returns: (transfer full): the new vault, open with the implementer role, or %NULL.
 */
ScVault                *sc_gui_vault_create_finish  (GAsyncResult         *result,
                                                     char                **out_recovery_key,
                                                     GError              **error);

/* Opens the vault at @path with @passphrase (copied into guarded memory) in a worker thread;
 * the key-derivation limits are those stored in the vault. */
void                    sc_gui_vault_open_async     (const char           *path,
                                                     const char           *passphrase,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);

/* Returns: (transfer full): the vault, with the role the passphrase gives, or %NULL. */
ScVault                *sc_gui_vault_open_finish    (GAsyncResult         *result,
                                                     GError              **error);

/* Where the demo vault lives: USER_DATA_DIR/stresscheck/demo.scvault. */
char                   *sc_gui_demo_vault_path      (void);

/**
 * sc_gui_demo_vault_create_async:
 * @path: where the demo vault goes; nothing may be there
 *
 * Creates the demo vault in a worker thread with sc_demo_create(), the generator that
 * `stresscheck-cli demo` uses too, and keeps its report (the demo passphrases and the access
 * codes of the employees who have not answered yet) in PATH's folder as
 * demo-access-codes.txt.
 */
void                    sc_gui_demo_vault_create_async  (const char           *path,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);

gboolean                sc_gui_demo_vault_create_finish (GAsyncResult         *result,
                                                         GError              **error);

/* The file beside the demo vault @path that lists its access codes. */
char                   *sc_gui_demo_codes_path      (const char           *path);

G_END_DECLS
