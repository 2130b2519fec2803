/* sc-window.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window. It leads from the start page (create a vault, open one, try the demo)
 * through unlocking to the rounds, and from there into the kiosk: while the kiosk window is
 * up, this window is hidden, and it comes back when the kiosk is left.
 */
#pragma once

#include <adwaita.h>

#include "sc-vault.h"

G_BEGIN_DECLS

#define SC_TYPE_WINDOW (sc_window_get_type ())

G_DECLARE_FINAL_TYPE (ScWindow, sc_window, SC, WINDOW, AdwApplicationWindow)

/* Creates a window for @application. @settings (nullable) keeps the window size. */
ScWindow  *sc_window_new             (GtkApplication *application,
                                      GSettings      *settings);

/* The settings given at construction, or NULL. */
GSettings *sc_window_get_settings    (ScWindow       *self);

/* Shows the unlock page for the vault @file, closing the vault that was open, if any. */
void       sc_window_open_file       (ScWindow       *self,
                                      GFile          *file);

/* Shows the unlock page for the demo vault in the user's data folder, creating it first
 * with `stresscheck-cli demo` when it is not there yet. */
void       sc_window_open_demo       (ScWindow       *self);

/* The page on show: an ScStartPage, ScCreateVaultPage, ScRecoveryKeyPage, ScUnlockPage or
 * ScWorkspace, or the progress page while the demo vault is made. */
GtkWidget *sc_window_get_page        (ScWindow       *self);

/* The unlocked vault, or NULL. */
ScVault   *sc_window_get_vault       (ScWindow       *self);

/* The kiosk window while the kiosk runs, or NULL. */
GtkWindow *sc_window_get_kiosk       (ScWindow       *self);

G_END_DECLS
