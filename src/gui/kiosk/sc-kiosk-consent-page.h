/* sc-kiosk-consent-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Asked only after the result was shown (DESIGN.md §4): may the result be given to the
 * employer? Explained, with two equal buttons and no default (kiosk.consent true/false).
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SC_TYPE_KIOSK_CONSENT_PAGE (sc_kiosk_consent_page_get_type ())

G_DECLARE_FINAL_TYPE (ScKioskConsentPage, sc_kiosk_consent_page, SC, KIOSK_CONSENT_PAGE, AdwBin)

GtkWidget *sc_kiosk_consent_page_new       (void);

GtkWidget *sc_kiosk_consent_page_get_button (ScKioskConsentPage *self,
                                             gboolean            consent);

void       sc_kiosk_consent_page_set_error (ScKioskConsentPage *self,
                                            const char         *message);

void       sc_kiosk_consent_page_set_busy  (ScKioskConsentPage *self,
                                            gboolean            busy);

/* Takes the focus away from every button: there is no default answer. */
void       sc_kiosk_consent_page_focus     (ScKioskConsentPage *self);

void       sc_kiosk_consent_page_clear     (ScKioskConsentPage *self);

G_END_DECLS
