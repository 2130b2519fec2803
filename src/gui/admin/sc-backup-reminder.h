/* sc-backup-reminder.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reminder to back up (issue 11 §5) at the top of the implementer's workspace, in
 * every section: shown while sc_vault_backup_is_due() (never backed up, or the last backup
 * more than 30 days old), with "Back Up Now…", which emits "back-up" (the workspace then
 * opens the Backup section). libadwaita 1.2 has no AdwBanner: a revealer with a box. It
 * sits above the section, outside the toast overlay, so the rollback warning's toasts and
 * the reminder never hide each other.
 */
#pragma once

#include <adwaita.h>

#include "sc-vault.h"

G_BEGIN_DECLS

#define SC_TYPE_BACKUP_REMINDER (sc_backup_reminder_get_type ())
G_DECLARE_FINAL_TYPE (ScBackupReminder, sc_backup_reminder, SC, BACKUP_REMINDER, AdwBin)

GtkWidget  *sc_backup_reminder_new      (ScVault          *vault);

/* Looks at the vault again (after a backup or a restore). */
void        sc_backup_reminder_update   (ScBackupReminder *self);

/* Whether the reminder is shown. */
gboolean    sc_backup_reminder_get_due  (ScBackupReminder *self);

/* The text shown, or NULL when no backup is due. */
const char *sc_backup_reminder_get_text (ScBackupReminder *self);

G_END_DECLS
