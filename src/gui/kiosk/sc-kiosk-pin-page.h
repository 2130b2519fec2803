/* sc-kiosk-pin-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The kiosk's personal PIN page (DESIGN.md §3), in three modes:
 *
 *  - "set", after the consent and interview pages: a PIN lets the employee see this result
 *    again at this PC later, with their slip's code; typed twice, then kiosk.pin-save or
 *    kiosk.pin-skip;
 *  - "enter", to open a kept result: the PIN once, then kiosk.pin-open (or kiosk.pin-cancel);
 *  - "message", to say something and offer the way on: "You have already answered" with
 *    kiosk.pin-enter when a copy was kept, or "No result was kept"; kiosk.pin-cancel goes
 *    back to the start.
 *
 * The page only collects the PIN; the window checks and uses it.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef enum
{
  SC_KIOSK_PIN_PAGE_SET,
  SC_KIOSK_PIN_PAGE_ENTER,
  SC_KIOSK_PIN_PAGE_MESSAGE,
} ScKioskPinPageMode;

#define SC_TYPE_KIOSK_PIN_PAGE (sc_kiosk_pin_page_get_type ())

G_DECLARE_FINAL_TYPE (ScKioskPinPage, sc_kiosk_pin_page, SC, KIOSK_PIN_PAGE, AdwBin)

GtkWidget          *sc_kiosk_pin_page_new          (void);

/* Empties the entries and shows the page in "set" or "enter" mode. */
void                sc_kiosk_pin_page_ask          (ScKioskPinPage     *self,
                                                    ScKioskPinPageMode  mode);

/**
 * sc_kiosk_pin_page_show_message:
 * @title: what happened
 * @description: (nullable): more about it
 * @can_view: whether to offer the button that opens a kept result (kiosk.pin-enter)
 *
 * Shows the page in "message" mode.
 */
void                sc_kiosk_pin_page_show_message (ScKioskPinPage     *self,
                                                    const char         *title,
                                                    const char         *description,
                                                    gboolean            can_view);

ScKioskPinPageMode  sc_kiosk_pin_page_get_mode     (ScKioskPinPage     *self);

/* The PIN as typed, and in "set" mode the repeat; owned by the entries. */
const char         *sc_kiosk_pin_page_get_pin      (ScKioskPinPage     *self);
const char         *sc_kiosk_pin_page_get_repeat   (ScKioskPinPage     *self);

/* Shows @message under the entries, or hides it for %NULL. */
void                sc_kiosk_pin_page_set_error    (ScKioskPinPage     *self,
                                                    const char         *message);

/* While the PIN is used: a spinner, and nothing can be changed. */
void                sc_kiosk_pin_page_set_busy     (ScKioskPinPage     *self,
                                                    gboolean            busy);

/* Empties the entries (after a wrong PIN), and focuses the first. */
void                sc_kiosk_pin_page_clear_pin    (ScKioskPinPage     *self);

void                sc_kiosk_pin_page_focus        (ScKioskPinPage     *self);

/* SECURITY: empties both entries and every message. Called on every wipe. */
void                sc_kiosk_pin_page_clear        (ScKioskPinPage     *self);

G_END_DECLS
