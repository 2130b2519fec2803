/* sc-cli-passphrase.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Passphrases for the vault commands come from a file (--passphrase-file) or from a
 * no-echo prompt on the terminal: never from argv, where other users could read them.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * sc_cli_read_passphrase:
 * @file: (nullable): a file whose first line is the passphrase, "-" for standard input,
 *   or %NULL to prompt on the terminal
 * @prompt: what to ask, e.g. "Implementer passphrase: "
 * @confirm: when prompting, ask twice and insist both match
 *
 * Returns: (transfer full): the passphrase, NUL-terminated, in guarded memory
 *   (free it with sc_secure_free()), or %NULL with @error set.
 */
char *sc_cli_read_passphrase (const char  *file,
                              const char  *prompt,
                              gboolean     confirm,
                              GError     **error);

G_END_DECLS
