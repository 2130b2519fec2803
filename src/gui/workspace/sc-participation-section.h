/* sc-participation-section.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Participation (受検状況) of one round, for the implementer and HR alike: who has answered,
 * yes or no, and nothing else (no answer, score, verdict or consent). A column view
 * (number, name, department, answered, reminder) that can be searched, filtered by
 * department and sorted by every column; marking that a reminder was given (a vault
 * change, run in the vault's worker, reported with a toast through the "workspace.toast"
 * action); keeping a selection of non-responders for the reminder slips, which the
 * Reports section prints; and, for the implementer only, lifting the access-code lock-out
 * of the one selected person (also through the worker, with a toast).
 */
#pragma once

#include <adwaita.h>

#include "sc-vault.h"

G_BEGIN_DECLS

#define SC_TYPE_PARTICIPATION_SECTION (sc_participation_section_get_type ())

G_DECLARE_FINAL_TYPE (ScParticipationSection, sc_participation_section, SC,
                      PARTICIPATION_SECTION, AdwBin)

GtkWidget          *sc_participation_section_new          (ScVault                *vault,
                                                           gint64                  round_id);

/* Reads the round's participation from the vault again. */
void                sc_participation_section_reload       (ScParticipationSection *self);

/* The search entry takes the focus (Ctrl+F). */
void                sc_participation_section_focus_search (ScParticipationSection *self);

/* Employee numbers of the non-responders kept for reminder slips (NULL-terminated). */
const char * const *sc_participation_section_get_reminder_selection
                                                          (ScParticipationSection *self);

/* (transfer full) the employee numbers of the rows shown, in the order shown (after the
 * search, the department filter and the sorting). */
GStrv               sc_participation_section_get_shown_numbers
                                                          (ScParticipationSection *self);

/* Whether a change to the vault started here is still running. */
gboolean            sc_participation_section_get_busy     (ScParticipationSection *self);

G_END_DECLS
