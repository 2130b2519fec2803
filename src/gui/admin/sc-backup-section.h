/* sc-backup-section.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Backup section (issue 11 §5): back up to a chosen file (copied, fsynced and verified
 * by the core), the date of the last backup with a reminder after 30 days, and, for the
 * implementer only, restore: a backup put in place of the vault after a warning when it
 * is older, the vault then opened again from it ("reopen").
 *
 * HR may back up: DESIGN.md §3 gives HR the roster and participation and HR's passphrase
 * already opens the file, and a backup is the same encrypted file, so it shows HR nothing
 * new, while the duty to keep records five years falls on the employer. Restore is the
 * implementer's: it takes back the implementer's records and decisions, and only the
 * implementer may confirm a rollback (sc_vault_accept_restore()).
 */
#pragma once

#include <adwaita.h>

#include "sc-vault.h"

G_BEGIN_DECLS

#define SC_TYPE_BACKUP_SECTION (sc_backup_section_get_type ())
G_DECLARE_FINAL_TYPE (ScBackupSection, sc_backup_section, SC, BACKUP_SECTION, AdwBin)

GtkWidget  *sc_backup_section_new            (ScVault         *vault);

gboolean    sc_backup_section_get_busy       (ScBackupSection *self);

/* What "Back Up…" does once a file was chosen (the tests call it without the chooser). */
void        sc_backup_section_back_up_to     (ScBackupSection *self,
                                              GFile           *file);

/* What "Restore…" does once a file was chosen: asks to confirm, with a warning when the
 * backup is older than the vault, then restores and emits "reopen". */
void        sc_backup_section_restore_from   (ScBackupSection *self,
                                              GFile           *file);

/* The confirmation asked by sc_backup_section_restore_from(), while it is shown. */
AdwMessageDialog *sc_backup_section_get_restore_dialog (ScBackupSection *self);

/* The reminder text, or NULL when a backup is not due. */
const char *sc_backup_section_get_reminder   (ScBackupSection *self);

/* "Never", or the date of the last backup, as the section shows it. */
const char *sc_backup_section_get_last_backup_text (ScBackupSection *self);

G_END_DECLS
