/* sc-admin-util.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the Settings, Backup and Audit Log sections share.
 */
#pragma once

#include <glib.h>

#include "sc-vault.h"

G_BEGIN_DECLS

/* (transfer full) @unix_time as a local date and time, for a person to read. */
char *sc_admin_format_time (gint64 unix_time);

/* (transfer full) Why to back up now, or NULL when a backup is not due
 * (sc_vault_backup_is_due()): the Backup section and the workspace's reminder show it. */
char *sc_admin_backup_reminder (ScVault *vault);

G_END_DECLS
