/* sc-interviews-section.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Interviews section (面接指導, issue 8 §5): per person the legal steps with their
 * dates and "about one month" deadlines, overdue marked (sc_interview_steps_compute()),
 * and the record in the fields of the MHLW form 面接指導結果報告書及び事後措置に係る意見書
 * with the 52条の18 record. The implementer edits everything. HR sees only people who
 * asked for an interview, the dates and the doctor's opinion on measures (the core gives
 * HR nothing else), and records the 就業上の措置 taken.
 */
#pragma once

#include <adwaita.h>

#include "sc-vault.h"
#include "sc-workspace.h"

G_BEGIN_DECLS

#define SC_TYPE_INTERVIEWS_SECTION (sc_interviews_section_get_type ())
G_DECLARE_FINAL_TYPE (ScInterviewsSection, sc_interviews_section, SC, INTERVIEWS_SECTION, AdwBin)

GtkWidget *sc_interviews_section_new        (ScVault             *vault,
                                             gint64               round_id);

/* Lists the people with an interview step again from the vault. */
void       sc_interviews_section_reload     (ScInterviewsSection *self);

/* How many people the list shows. */
guint      sc_interviews_section_get_n_people (ScInterviewsSection *self);

/* Shows @submission_id's steps and record; FALSE when the list does not hold it. */
gboolean   sc_interviews_section_select     (ScInterviewsSection *self,
                                             gint64               submission_id);

/* The record shown (as loaded or last saved), or NULL. */
const ScInterviewRecord *sc_interviews_section_get_record (ScInterviewsSection *self);

/* The computed state of @step for the person shown; FALSE when nobody is shown. */
gboolean   sc_interviews_section_get_step   (ScInterviewsSection  *self,
                                             ScInterviewStep       step,
                                             ScInterviewStepState *out_state);

/* Whether a save runs. */
gboolean   sc_interviews_section_get_busy   (ScInterviewsSection *self);

G_END_DECLS
