/* sc-kiosk-result-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The employee's own result, shown right after they sent their answers: the stress profile
 * chart, whether they are in the high-stress group and by which criterion (㋐/㋑) in plain
 * language, whether an interview with a doctor is recommended, self-care advice matched to
 * the scales with the most stress, and where to get help. kiosk.show-consent goes on (or,
 * seen again with a personal PIN, kiosk.view-done ends the visit).
 */
#pragma once

#include <adwaita.h>

#include "sc-advice.h"
#include "sc-profile-chart.h"
#include "sc-vault-past-results.h"
#include "sc-score.h"

G_BEGIN_DECLS

#define SC_TYPE_KIOSK_RESULT_PAGE (sc_kiosk_result_page_get_type ())

G_DECLARE_FINAL_TYPE (ScKioskResultPage, sc_kiosk_result_page, SC, KIOSK_RESULT_PAGE, AdwBin)

/* How many scales get their own advice at most. */
#define SC_KIOSK_RESULT_MAX_ADVICE 3

GtkWidget      *sc_kiosk_result_page_new        (void);

/**
 * sc_kiosk_result_page_set_result:
 * @result: the scored answers
 * @criteria: the round's criteria (which method decides, and its thresholds)
 * @advice: the advice texts
 * @contact_text: where to get help
 */
/* Other places to get help (sc_kiosk_session_get_help_text()), shown under the contact;
 * kept until changed (the vault's text, the same for everyone). */
void            sc_kiosk_result_page_set_help_text (ScKioskResultPage *self,
                                                    const char        *help_text);

void            sc_kiosk_result_page_set_result (ScKioskResultPage *self,
                                                 const ScResult    *result,
                                                 const ScCriteria  *criteria,
                                                 const ScAdvice    *advice,
                                                 const char        *contact_text);

ScProfileChart *sc_kiosk_result_page_get_chart  (ScKioskResultPage *self);

/* Focuses the button that goes on. */
void            sc_kiosk_result_page_focus      (ScKioskResultPage *self);

/* The read-only variant, for a result seen again with a personal PIN: the button that goes
 * on ends the visit (kiosk.view-done) instead of asking for consent (kiosk.show-consent).
 * Set it before sc_kiosk_result_page_set_result(); sc_kiosk_result_page_clear() unsets it. */
void            sc_kiosk_result_page_set_read_only (ScKioskResultPage *self,
                                                    gboolean           read_only);

/* For a kept result (read-only): what the person decided back then, so that the page shows
 * it and does not send someone who asked for an interview to go and ask. @decided is FALSE
 * when consent was never decided. Set it before sc_kiosk_result_page_set_result(). */
void            sc_kiosk_result_page_set_decisions (ScKioskResultPage *self,
                                                    gboolean           decided,
                                                    gboolean           consent_given,
                                                    gboolean           interview_requested);

/* SECURITY: removes every score, verdict and advice of the last person from the screen. */
void            sc_kiosk_result_page_clear      (ScKioskResultPage *self);

/**
 * sc_kiosk_result_page_set_past_results:
 * @past: (element-type ScVaultPastResult) (nullable): earlier years' kept results
 * @n_unopened: earlier kept results the PIN did not open, for a note that they exist
 * @current: this year's result, the last row of the table
 * @criteria: this year's criteria
 *
 * For a kept result seen again: this year's beside earlier years', as a table of the area
 * sums and verdicts and the profile charts side by side. Nothing is shown when there are
 * none; %NULL clears it.
 */
void  sc_kiosk_result_page_set_past_results (ScKioskResultPage *self,
                                             GPtrArray         *past,
                                             guint              n_unopened,
                                             const ScResult    *current,
                                             const ScCriteria  *criteria);

G_END_DECLS
