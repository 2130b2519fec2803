/* sc-kiosk-interview-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shown only when an interview with a doctor is recommended (high stress). The person may
 * ask for one now or later. Before the request is confirmed (kiosk.request-interview) the
 * page says that the employer will then learn the result, because the request counts as
 * consent (DESIGN.md §4). "Not now" is kiosk.finish.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SC_TYPE_KIOSK_INTERVIEW_PAGE (sc_kiosk_interview_page_get_type ())

G_DECLARE_FINAL_TYPE (ScKioskInterviewPage, sc_kiosk_interview_page, SC, KIOSK_INTERVIEW_PAGE, AdwBin)

GtkWidget *sc_kiosk_interview_page_new               (void);

/**
 * sc_kiosk_interview_page_prepare:
 * @consent_given: what the person just decided about sharing the result, so that the
 *   confirmation can say that a request shares it even though they said no
 * @contact_text: where to ask later
 *
 * Shows the first step (ask now or later).
 */
void       sc_kiosk_interview_page_prepare           (ScKioskInterviewPage *self,
                                                      gboolean              consent_given,
                                                      const char           *contact_text);

/* Whether the confirmation step is shown. */
gboolean   sc_kiosk_interview_page_is_confirming     (ScKioskInterviewPage *self);

/* The buttons: "ask now" (first step), "confirm" (second step), "later" (first step). */
GtkWidget *sc_kiosk_interview_page_get_button        (ScKioskInterviewPage *self,
                                                      const char           *which);

void       sc_kiosk_interview_page_set_error         (ScKioskInterviewPage *self,
                                                      const char           *message);

void       sc_kiosk_interview_page_set_busy          (ScKioskInterviewPage *self,
                                                      gboolean              busy);

void       sc_kiosk_interview_page_focus             (ScKioskInterviewPage *self);

void       sc_kiosk_interview_page_clear             (ScKioskInterviewPage *self);

G_END_DECLS
