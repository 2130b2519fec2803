/* sc-retention-section.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The implementer's Retention section (issue 11 §7): every round with the last day its
 * records must be kept, and for a round past that day a Purge button. The purge is
 * confirmed in a dialog that says what is deleted, that it cannot be undone, and that
 * older backups still hold the data until they are deleted; it runs through the core's
 * async path (sc_vault_purge_round_async()) while the section is busy, and ends with a
 * toast. The rules are the core's (sc-vault-purge.h).
 *
 * Signal "toast" (const char *message): a result to show to the person.
 * Signal "rounds-changed": a round was purged.
 */
#pragma once

#include <adwaita.h>

#include "sc-vault.h"

G_BEGIN_DECLS

/* The section's id in the workspace sidebar. */
#define SC_SECTION_RETENTION "retention"

#define SC_TYPE_RETENTION_SECTION (sc_retention_section_get_type ())
G_DECLARE_FINAL_TYPE (ScRetentionSection, sc_retention_section, SC, RETENTION_SECTION, AdwBin)

GtkWidget *sc_retention_section_new             (ScVault            *vault);

/* Lists the rounds again from the vault. */
void       sc_retention_section_reload          (ScRetentionSection *self);

/* How many rounds the list shows, and how many of them are offered for purge. */
guint      sc_retention_section_get_n_rounds    (ScRetentionSection *self);
guint      sc_retention_section_get_n_purgeable (ScRetentionSection *self);

/* Whether a purge runs. */
gboolean   sc_retention_section_get_busy        (ScRetentionSection *self);

G_END_DECLS
