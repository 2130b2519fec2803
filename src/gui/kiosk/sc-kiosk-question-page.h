/* sc-kiosk-question-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One questionnaire item per screen: the section's heading and instruction as printed on the
 * form (for C items also the question about the people, context_ja), the item text large,
 * the four official options as large buttons (kiosk.answer 1-4), and the progress
 * ("12 / 57"). The window moves on after an answer and handles the keys.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SC_TYPE_KIOSK_QUESTION_PAGE (sc_kiosk_question_page_get_type ())

G_DECLARE_FINAL_TYPE (ScKioskQuestionPage, sc_kiosk_question_page, SC, KIOSK_QUESTION_PAGE, AdwBin)

GtkWidget *sc_kiosk_question_page_new        (void);

/**
 * sc_kiosk_question_page_show_item:
 * @index: the item, 0-56
 * @answer: its current answer, 1-4, or 0 when not answered yet
 * @reviewing: %TRUE when the person came from the review page (the buttons then lead back
 *   there)
 */
void       sc_kiosk_question_page_show_item  (ScKioskQuestionPage *self,
                                              guint                index,
                                              guint                answer,
                                              gboolean             reviewing);

/* The item shown, 0-56. */
guint      sc_kiosk_question_page_get_index  (ScKioskQuestionPage *self);

/* The answer shown as chosen, 0 for none. */
guint      sc_kiosk_question_page_get_answer (ScKioskQuestionPage *self);

/* The button of option @value (1-4). */
GtkWidget *sc_kiosk_question_page_get_option (ScKioskQuestionPage *self,
                                              guint                value);

/* The greeting at the top ("山田 太郎 さん"), or %NULL to hide it. */
void       sc_kiosk_question_page_set_person (ScKioskQuestionPage *self,
                                              const char          *name);

/* Focuses the chosen option, or the first. */
void       sc_kiosk_question_page_focus      (ScKioskQuestionPage *self);

/* SECURITY: forgets the person's name and answer; shows the first item, unanswered. */
void       sc_kiosk_question_page_clear      (ScKioskQuestionPage *self);

G_END_DECLS
