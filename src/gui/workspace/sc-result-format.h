/* sc-result-format.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How the results section, the individual result and the interviews section word the
 * same facts (verdict with ㋐/㋑, consent, interview request, the implementer's decision,
 * times), so that the flag and the decision read alike everywhere they are shown.
 */
#pragma once

#include <glib.h>

#include "sc-workspace.h"

G_BEGIN_DECLS

/* "High stress (a)(b)", "Not high stress" or "Undetermined" (判定不能). */
char       *sc_result_format_verdict   (ScVerdict       verdict,
                                        guint           criteria);

/* "(a)", "(b)", "(a)(b)" (㋐㋑ in Japanese) or "" for no criterion. */
char       *sc_result_format_criteria  (guint           criteria);

/* "Yes", "No" or "Undecided". */
const char *sc_result_format_consent   (ScVaultConsent  consent);

/* "Required", "Not required" or "Pending". */
const char *sc_result_format_need      (ScInterviewNeed need);

/* A Unix time in local time, "YYYY-MM-DD HH:MM"; "" for 0. */
char       *sc_result_format_time      (gint64          unix_time);

/* Today in local time, YYYY-MM-DD. */
char       *sc_result_today            (void);

/* The name of the person at the keyboard, for "decided by" (the desktop account's
 * real name, or its user name). */
const char *sc_result_current_person   (void);

G_END_DECLS
