/* sc-kiosk-done-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The last page of a session: what was saved, then the screen clears itself after a few
 * seconds (the window counts down) or with the button (kiosk.finish).
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SC_TYPE_KIOSK_DONE_PAGE (sc_kiosk_done_page_get_type ())

G_DECLARE_FINAL_TYPE (ScKioskDonePage, sc_kiosk_done_page, SC, KIOSK_DONE_PAGE, AdwBin)

GtkWidget *sc_kiosk_done_page_new              (void);

/**
 * sc_kiosk_done_page_set_message:
 * @icon_name: the symbolic icon above the title
 * @title: what happened ("Saved. Thank you.")
 * @description: (nullable): more about it
 */
void       sc_kiosk_done_page_set_message      (ScKioskDonePage *self,
                                                const char      *icon_name,
                                                const char      *title,
                                                const char      *description);

/* Shows how soon the screen clears itself; 0 hides it. */
void       sc_kiosk_done_page_set_seconds_left (ScKioskDonePage *self,
                                                guint            seconds);

void       sc_kiosk_done_page_focus            (ScKioskDonePage *self);

/* SECURITY: forgets what was said about the last person. */
void       sc_kiosk_done_page_clear            (ScKioskDonePage *self);

G_END_DECLS
