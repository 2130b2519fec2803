/* sc-result-view.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One person's result (issue 8 §4): the profile chart drawn by the core, the 19 scales
 * with raw score and 評価点, both criteria worked through with their sums and thresholds,
 * the 57 answers, consent and interview request, and the implementer's interview-need
 * decision (必要 / 不要 with a note, who and when). For a paper submission the
 * implementer also records the hand-over, and consent or a request given on paper.
 *
 * With HR's key (hr-mode) the view is read-only and shows no answers and no decision:
 * the core gives HR a result only when the person shared it.
 */
#pragma once

#include <adwaita.h>

#include "sc-vault.h"

G_BEGIN_DECLS

#define SC_TYPE_RESULT_VIEW (sc_result_view_get_type ())
G_DECLARE_FINAL_TYPE (ScResultView, sc_result_view, SC, RESULT_VIEW, AdwBin)

/* The construct-only property "round-id" (0 by default) names the round whose
 * thresholds the criteria show; without it the defaults are shown. */
GtkWidget *sc_result_view_new               (ScVault      *vault,
                                             gint64        submission_id);

/* Reads the result again from the vault. */
void       sc_result_view_reload            (ScResultView *self);

gint64     sc_result_view_get_submission_id (ScResultView *self);

/* Shows another result (or the same one, read again) in this view, which keeps its
 * widgets: opening one result after another builds them once. Not while busy. */
void       sc_result_view_set_submission_id (ScResultView *self,
                                             gint64        submission_id);

/* TRUE when opened with HR's key: read-only, no answers, no decision. */
gboolean   sc_result_view_get_hr_mode       (ScResultView *self);

/* Whether a save runs. */
/* Scrolls the page so that the implementer's decision is in view (it is below the
 * summary, and at a large text size below the fold). */
void       sc_result_view_scroll_to_decision (ScResultView *self);

gboolean   sc_result_view_get_busy          (ScResultView *self);

G_END_DECLS
