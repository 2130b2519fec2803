/* sc-rounds-section.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Rounds section (issue 11 §2): every round with its period, status and counts; for
 * the implementer New Round…, Edit…, Close…, Reopen and the criteria of the selected
 * round, and its access codes: Issue Codes (to everyone without one) and Reissue… for one
 * employee, found with the search. HR sees the list and who has a code, read-only
 * (DESIGN.md §3). New codes are shown once (ScCodesDialog).
 *
 * Property "round-id": the selected round (the workspace's round chooser sets it).
 * Property "busy": a change is being saved in the vault's worker thread.
 * Signal "toast" (string): a message for the person.
 * Signal "rounds-changed": a round was created or changed (the chooser reloads).
 */
#pragma once

#include <adwaita.h>

#include "sc-vault.h"

G_BEGIN_DECLS

#define SC_SECTION_ROUNDS "rounds"

#define SC_TYPE_ROUNDS_SECTION (sc_rounds_section_get_type ())

G_DECLARE_FINAL_TYPE (ScRoundsSection, sc_rounds_section, SC, ROUNDS_SECTION, AdwBin)

GtkWidget *sc_rounds_section_new          (ScVault         *vault,
                                           gint64           round_id);

gint64     sc_rounds_section_get_round_id (ScRoundsSection *self);
void       sc_rounds_section_set_round_id (ScRoundsSection *self,
                                           gint64           round_id);
gboolean   sc_rounds_section_get_busy     (ScRoundsSection *self);

/* The codes dialog last opened, while it is open; %NULL otherwise. */
GtkWidget *sc_rounds_section_get_codes_dialog (ScRoundsSection *self);

G_END_DECLS
