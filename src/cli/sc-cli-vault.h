/* sc-cli-vault.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers shared by the vault commands (sc-cli-vault.c) and `demo`.
 */
#pragma once

#include "sc-vault.h"

G_BEGIN_DECLS

/* The exit status (sysexits.h) that fits an error. */
int                     sc_cli_exit_status_for (const GError *error);

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

G_END_DECLS
