/* sc-kiosk-leave-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where the implementer or HR staff end kiosk mode with their passphrase (reached with
 * Ctrl+Alt+Shift+Q). kiosk.leave-confirm checks it, kiosk.leave-cancel goes back.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SC_TYPE_KIOSK_LEAVE_PAGE (sc_kiosk_leave_page_get_type ())

G_DECLARE_FINAL_TYPE (ScKioskLeavePage, sc_kiosk_leave_page, SC, KIOSK_LEAVE_PAGE, AdwBin)

GtkWidget  *sc_kiosk_leave_page_new            (void);

/* The passphrase as typed; owned by the entry. */
const char *sc_kiosk_leave_page_get_passphrase (ScKioskLeavePage *self);

void        sc_kiosk_leave_page_set_error      (ScKioskLeavePage *self,
                                                const char       *message);

void        sc_kiosk_leave_page_set_busy       (ScKioskLeavePage *self,
                                                gboolean          busy);

void        sc_kiosk_leave_page_focus          (ScKioskLeavePage *self);

/* SECURITY: empties the passphrase entry. */
void        sc_kiosk_leave_page_clear          (ScKioskLeavePage *self);

G_END_DECLS
