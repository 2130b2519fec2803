/* sc-overview-section.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The overview of a round for the implementer and HR: its name, period and days left, the
 * counts the role may see (sc_vault_get_round_counts(): HR never gets, and this widget
 * never creates, the health counts), closing the round (implementer only, after a
 * confirmation that says what closing means) and, below, the open rounds with the kiosk
 * and New Round (ScRoundPage).
 *
 * Signal "round-closed" (gint64 round_id): the round was closed in the vault.
 */
#pragma once

#include <adwaita.h>

#include "sc-vault.h"

G_BEGIN_DECLS

#define SC_TYPE_OVERVIEW_SECTION (sc_overview_section_get_type ())

G_DECLARE_FINAL_TYPE (ScOverviewSection, sc_overview_section, SC, OVERVIEW_SECTION, AdwBin)

GtkWidget *sc_overview_section_new            (ScVault           *vault,
                                               gint64             round_id);

/* The open rounds, the kiosk and New Round. */
GtkWidget *sc_overview_section_get_round_page (ScOverviewSection *self);

/* Reads the round and its counts again. */
void       sc_overview_section_reload         (ScOverviewSection *self);

/* Asks whether to close the round, then closes it (implementer only). */
void       sc_overview_section_close_round    (ScOverviewSection *self);

gboolean   sc_overview_section_get_busy       (ScOverviewSection *self);

G_END_DECLS
