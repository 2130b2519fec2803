/* sc-kiosk-window.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The kiosk (DESIGN.md §5): a fullscreen window in which employees, one after another, log in
 * with their employee number and access code, answer the 57 questions, see their own result,
 * decide about consent and an interview request, and leave no trace behind. It has no window
 * controls, refuses to be closed, and is left only with the implementer's or HR's passphrase
 * behind Ctrl+Alt+Shift+Q.
 */
#pragma once

#include <adwaita.h>

#include "sc-vault.h"

G_BEGIN_DECLS

#define SC_TYPE_KIOSK_WINDOW (sc_kiosk_window_get_type ())

G_DECLARE_FINAL_TYPE (ScKioskWindow, sc_kiosk_window, SC, KIOSK_WINDOW, AdwApplicationWindow)

/**
 * sc_kiosk_window_new:
 * @application: the application
 * @vault: a vault already in kiosk mode (the caller did sc_vault_enter_kiosk())
 * @round_id: the round the employees answer
 *
 * Creates the kiosk window. Present it; it makes itself fullscreen.
 *
 * Signal "left" (no arguments): emitted after the implementer or HR left kiosk mode with
 * their passphrase (the vault is unlocked again with that role); the window then closes
 * itself.
 */
ScKioskWindow *sc_kiosk_window_new (GtkApplication *application,
                                    ScVault        *vault,
                                    gint64          round_id);

/* The page shown: "welcome", "login", "question", "review", "result", "consent",
 * "interview", "pin", "done" or "leave". For tests and accessibility tools. */
const char    *sc_kiosk_window_get_page_name        (ScKioskWindow *self);

/* The page widget of that name (ScKioskLoginPage, …). */
GtkWidget     *sc_kiosk_window_get_page             (ScKioskWindow *self,
                                                     const char    *name);

/* Whether vault work runs in a thread right now (the pages then wait). */
gboolean       sc_kiosk_window_is_busy              (ScKioskWindow *self);

/* Whether the idle countdown ("Are you still there?") is shown. */
gboolean       sc_kiosk_window_is_asking_if_present (ScKioskWindow *self);

G_END_DECLS
