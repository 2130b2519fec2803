/* sc-kiosk-login-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The kiosk login: the employee number and the access code from the slip, typed on the
 * on-screen keypad or a keyboard. The page only collects them; the window checks them
 * (kiosk.login) and shows the outcome with sc_kiosk_login_page_set_error().
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SC_TYPE_KIOSK_LOGIN_PAGE (sc_kiosk_login_page_get_type ())

G_DECLARE_FINAL_TYPE (ScKioskLoginPage, sc_kiosk_login_page, SC, KIOSK_LOGIN_PAGE, AdwBin)

GtkWidget   *sc_kiosk_login_page_new          (void);

/* The texts as typed; owned by the entries. */
const char  *sc_kiosk_login_page_get_number   (ScKioskLoginPage *self);
const char  *sc_kiosk_login_page_get_code     (ScKioskLoginPage *self);

/* Shows @message under the entries, or hides it for %NULL. */
void         sc_kiosk_login_page_set_error    (ScKioskLoginPage *self,
                                               const char       *message);

/* While the code is checked: a spinner, and nothing can be changed. */
void         sc_kiosk_login_page_set_busy     (ScKioskLoginPage *self,
                                               gboolean          busy);

/* Empties both entries and hides the message. SECURITY: called on every wipe. */
void         sc_kiosk_login_page_clear        (ScKioskLoginPage *self);

/* Empties the code only (after a wrong code), keeping the number, and focuses it. */
void         sc_kiosk_login_page_clear_code   (ScKioskLoginPage *self);

/* Focuses the employee number entry. */
void         sc_kiosk_login_page_focus        (ScKioskLoginPage *self);

G_END_DECLS
