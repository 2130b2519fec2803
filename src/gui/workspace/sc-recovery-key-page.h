/* sc-recovery-key-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shown once, right after a vault was created: the recovery key, large and in groups, and a
 * check box "I have written down the recovery key" that enables Continue. There is no copy
 * button on purpose: clipboard managers keep a history.
 *
 * Signal "confirmed" (no arguments): the person confirmed and pressed Continue. The page then
 * no longer shows the key.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SC_TYPE_RECOVERY_KEY_PAGE (sc_recovery_key_page_get_type ())

G_DECLARE_FINAL_TYPE (ScRecoveryKeyPage, sc_recovery_key_page, SC, RECOVERY_KEY_PAGE, AdwBin)

/* @recovery_key as sc_vault_create() gives it ("XXXX-XXXX-…"); the page keeps no copy of it
 * beyond the text of its label. */
GtkWidget *sc_recovery_key_page_new (const char *recovery_key);

/* Writes the key shown to @file as text, readable by its owner only (mode 0600), synced
 * to the disk. */
gboolean   sc_recovery_key_page_save_to_file (ScRecoveryKeyPage *self,
                                              GFile             *file,
                                              GError           **error);

/* Prints the key shown, one page (@action: GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG from the
 * button; EXPORT to @export_path, a PDF file, in the tests). */
GtkPrintOperationResult sc_recovery_key_page_print (ScRecoveryKeyPage       *self,
                                                    GtkPrintOperationAction  action,
                                                    const char              *export_path,
                                                    GError                 **error);

/* A message dialog showing @recovery_key (in lines of four groups) below @body, with one
 * response, "done" ("I Wrote It Down"). Show it with sc_compat_message_dialog_choose(). */
GtkWidget *sc_recovery_key_dialog_new (const char *recovery_key,
                                       const char *body);

/* @recovery_key as lines of four groups, easier to copy by hand (recovery ignores the
 * spaces and line breaks). */
char      *sc_recovery_key_format   (const char *recovery_key);

G_END_DECLS
