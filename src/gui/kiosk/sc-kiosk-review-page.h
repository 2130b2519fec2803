/* sc-kiosk-review-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * All 57 answers on one page before they are sent. Activating a row (kiosk.change) takes the
 * person back to that question; the send button is kiosk.submit.
 */
#pragma once

#include <adwaita.h>

#include "sc-bjsq.h"

G_BEGIN_DECLS

#define SC_TYPE_KIOSK_REVIEW_PAGE (sc_kiosk_review_page_get_type ())

G_DECLARE_FINAL_TYPE (ScKioskReviewPage, sc_kiosk_review_page, SC, KIOSK_REVIEW_PAGE, AdwBin)

GtkWidget *sc_kiosk_review_page_new          (void);

/* Shows @answers (0 = not answered). */
void       sc_kiosk_review_page_set_answers  (ScKioskReviewPage *self,
                                              const guint8       answers[SC_BJSQ_N_ITEMS]);

/* The row of item @index (0-56). */
GtkWidget *sc_kiosk_review_page_get_row      (ScKioskReviewPage *self,
                                              guint              index);

/* The answer text shown for item @index, "" when none. */
const char *sc_kiosk_review_page_get_answer_text (ScKioskReviewPage *self,
                                                  guint              index);

void       sc_kiosk_review_page_set_error    (ScKioskReviewPage *self,
                                              const char        *message);

void       sc_kiosk_review_page_set_busy     (ScKioskReviewPage *self,
                                              gboolean           busy);

/* Focuses (and scrolls to) the row of item @index, or the send button for -1. */
void       sc_kiosk_review_page_focus        (ScKioskReviewPage *self,
                                              int                index);

/* SECURITY: empties every answer shown. */
void       sc_kiosk_review_page_clear        (ScKioskReviewPage *self);

G_END_DECLS
