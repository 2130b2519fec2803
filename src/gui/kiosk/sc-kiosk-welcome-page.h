/* sc-kiosk-welcome-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first kiosk page, shown between employees: what the stress check is, that answering
 * is voluntary, who sees the result, how long it takes, a button to start (kiosk.start),
 * and one to see a result kept with a personal PIN again (kiosk.view-again). It shows
 * nothing about any person.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SC_TYPE_KIOSK_WELCOME_PAGE (sc_kiosk_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (ScKioskWelcomePage, sc_kiosk_welcome_page, SC, KIOSK_WELCOME_PAGE, AdwBin)

GtkWidget *sc_kiosk_welcome_page_new         (void);

/* Puts the keyboard focus on the start button. */
void       sc_kiosk_welcome_page_focus       (ScKioskWelcomePage *self);

G_END_DECLS
