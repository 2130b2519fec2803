/* sc-gui-vault.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the user interface needs around the vault: the key-derivation limits, error messages
 * in the user's language, and the demo vault. Vault work that can block (Argon2id, durable
 * saves) runs through the core's _async functions (sc-vault-async.h, included here), which
 * also state the threading rule.
 */
#pragma once

#include <gio/gio.h>

#include "sc-demo.h"
#include "sc-vault.h"
#include "sc-vault-async.h"

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

/* Where the demo vault lives: USER_DATA_DIR/stresscheck/demo.scvault. */
char                   *sc_gui_demo_vault_path      (void);

/**
 * sc_gui_demo_vault_create_async:
 * @path: where the demo vault goes; nothing may be there
 *
 * Creates the demo vault in the core's worker thread (sc_demo_vault_create_async() runs
 * sc_demo_create(), the generator that `stresscheck-cli demo` uses too), and keeps its
 * report (the demo passphrases and the access codes of the employees who have not answered
 * yet) in PATH's folder as demo-access-codes.txt.
 */
void                    sc_gui_demo_vault_create_async  (const char           *path,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);

gboolean                sc_gui_demo_vault_create_finish (GAsyncResult         *result,
                                                         GError              **error);

/* The file beside the demo vault @path that lists its access codes. */
char                   *sc_gui_demo_codes_path      (const char           *path);

/* A person's name as shown: the translated role name for the creator's name of vaults made
 * before it was asked for (SC_VAULT_PERSON_DEFAULT_NAME); @name otherwise. */
const char             *sc_gui_person_name          (const char           *name);

G_END_DECLS
