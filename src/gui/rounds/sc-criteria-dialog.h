/* sc-criteria-dialog.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Changing a round's high-stress criteria (implementer only, issue 11 §2): the current
 * method and thresholds, a warning of what a change means, and Save
 * (sc_vault_set_round_criteria_async(); the core validates, signs and audits).
 *
 * Signal "saved" (gint64 round_id): the new criteria are stored; the dialog closes itself.
 */
#pragma once

#include <adwaita.h>

#include "sc-vault.h"

G_BEGIN_DECLS

#define SC_TYPE_CRITERIA_DIALOG (sc_criteria_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ScCriteriaDialog, sc_criteria_dialog, SC, CRITERIA_DIALOG, AdwWindow)

GtkWidget *sc_criteria_dialog_new      (ScVault            *vault,
                                        const ScVaultRound *round);

/* The method and thresholds as the form holds them. */
void       sc_criteria_dialog_get      (ScCriteriaDialog   *self,
                                        ScCriteria         *out);

/* Sets one threshold in the form (the same as typing it); @index as in the form's order:
 * その1 ㋐ B, ㋑ A+C, ㋑ B, その2 ㋐ B, ㋑ A+C, ㋑ B. */
void       sc_criteria_dialog_set_threshold (ScCriteriaDialog *self,
                                             guint             index,
                                             int               value);

G_END_DECLS
