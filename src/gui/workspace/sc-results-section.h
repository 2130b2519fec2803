/* sc-results-section.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Results section of the workspace (issue 8 §4): every submission of a round in a
 * sortable column view with filter toggles and a search, the individual result of a row
 * (ScResultView) and the keyed entry of a paper form. The implementer sees every
 * submission; HR, with HR's key, sees only the results people shared (the core lists
 * nothing else), read-only.
 */
#pragma once

#include <adwaita.h>

#include "sc-vault.h"
#include "sc-workspace.h"

G_BEGIN_DECLS

#define SC_TYPE_RESULTS_SECTION (sc_results_section_get_type ())
G_DECLARE_FINAL_TYPE (ScResultsSection, sc_results_section, SC, RESULTS_SECTION, AdwBin)

GtkWidget *sc_results_section_new           (ScVault          *vault,
                                             gint64            round_id);

/* Lists the round's submissions again from the vault (filters and sort stay). */
void       sc_results_section_reload        (ScResultsSection *self);

/* The rows shown after filter and search, in the shown order. */
GListModel *sc_results_section_get_model    (ScResultsSection *self);

/* The ScResultRow of shown row @position, or NULL. */
const ScResultRow *sc_results_section_get_row (ScResultsSection *self,
                                             guint             position);

/* Opens the individual result of @submission_id (as activating its row does). */
gboolean   sc_results_section_open_result   (ScResultsSection *self,
                                             gint64            submission_id);

/* Back from an individual result to the list. */
void       sc_results_section_show_list     (ScResultsSection *self);

/* The ScResultView shown, or NULL on the list. */
GtkWidget *sc_results_section_get_result_view (ScResultsSection *self);

/* Puts the keyboard focus in the search entry (Ctrl+F). */
void       sc_results_section_focus_search  (ScResultsSection *self);

G_END_DECLS
