/* sc-kiosk-keypad.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The kiosk's on-screen keypad, for touch screens without a keyboard: large keys that type
 * into a target entry. Four layouts: digits for the employee number (with a switch to
 * letters, since some rosters use numbers like "EMP-00417"), for the access code
 * exactly the 25 characters of SC_ACCESS_CODE_ALPHABET, so that no key can type a
 * character a code cannot contain, and digits alone for a personal PIN. The keys never take the keyboard focus: the entry
 * keeps it, and a physical keyboard works alongside.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef enum
{
  SC_KIOSK_KEYPAD_NUMBER,   /* 0-9, with a key to switch to letters */
  SC_KIOSK_KEYPAD_LETTERS,  /* A-Z and "-", with a key to switch back to digits */
  SC_KIOSK_KEYPAD_CODE,     /* the access code alphabet */
  SC_KIOSK_KEYPAD_DIGITS,   /* 0-9 only, for a personal PIN */
} ScKioskKeypadLayout;

#define SC_TYPE_KIOSK_KEYPAD_LAYOUT (sc_kiosk_keypad_layout_get_type ())
GType sc_kiosk_keypad_layout_get_type (void);

#define SC_TYPE_KIOSK_KEYPAD (sc_kiosk_keypad_get_type ())

G_DECLARE_FINAL_TYPE (ScKioskKeypad, sc_kiosk_keypad, SC, KIOSK_KEYPAD, AdwBin)

GtkWidget           *sc_kiosk_keypad_new         (void);

ScKioskKeypadLayout  sc_kiosk_keypad_get_layout  (ScKioskKeypad       *self);
void                 sc_kiosk_keypad_set_layout  (ScKioskKeypad       *self,
                                                  ScKioskKeypadLayout  layout);

/* The entry the keys type into (not owned), or %NULL. */
GtkEditable         *sc_kiosk_keypad_get_target  (ScKioskKeypad       *self);
void                 sc_kiosk_keypad_set_target  (ScKioskKeypad       *self,
                                                  GtkEditable         *target);

/* The button of the visible layout that types @key ("7", "A"), or "backspace" / "switch";
 * %NULL when the layout has no such key. For tests and for accessibility checks. */
GtkWidget           *sc_kiosk_keypad_find_key    (ScKioskKeypad       *self,
                                                  const char          *key);

G_END_DECLS
