/* sc-rollback-warning.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The warning shown after a vault is unlocked when its file is older than a save this
 * computer has seen (an older copy put in its place). The implementer may confirm that the
 * copy is a restored backup; the confirmation runs in the vault's worker and is reported
 * with a toast in the workspace.
 */
#pragma once

#include <gtk/gtk.h>

#include "sc-vault.h"

G_BEGIN_DECLS

/* Shows the warning over @parent when sc_vault_get_rollback_warning() reports an older copy;
 * does nothing otherwise. Returns whether it was shown. */
gboolean sc_rollback_warning_present (GtkWindow *parent,
                                      ScVault   *vault);

G_END_DECLS
