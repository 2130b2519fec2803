/* sc-cli-vault-common.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers shared by the commands that open a vault (sc-cli-vault.c, sc-cli-roster.c,
 * sc-cli-round.c, sc-cli-codes.c, sc-cli-submit.c, sc-cli-export.c, sc-cli-demo.c).
 * Passphrases come from --passphrase-file or a no-echo prompt, never from argv.
 */
#pragma once

#include "sc-vault.h"

G_BEGIN_DECLS

/* SECURITY: a passphrase in guarded memory, wiped when it goes out of scope. */
typedef char ScCliSecret;
void                    sc_cli_secret_free     (ScCliSecret   *secret);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScCliSecret, sc_cli_secret_free)

/* Reads the passphrase (file or prompt) and opens the vault. */
ScVault                *sc_cli_open_vault      (const char   *path,
                                                const char   *passphrase_file,
                                                gboolean      read_only,
                                                GError      **error);

/* Finds a round by id or by name. */
gboolean                sc_cli_find_round      (ScVault       *vault,
                                                const char    *spec,
                                                ScVaultRound **out_round,
                                                GError       **error);

/* Appends a comma and, when @value is not %NULL, @value as a CSV field. */
void                    sc_cli_append_csv_optional (GString    *out,
                                                    const char *value);

G_END_DECLS
