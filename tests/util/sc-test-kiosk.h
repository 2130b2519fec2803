/* sc-test-kiosk.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the kiosk GUI tests share (part of libsctestguiutil): a vault in kiosk mode with a
 * roster, an open round and an access code for everyone on it; a kiosk window of an exact
 * content size under Xvfb; waiting until the window is no longer busy; closing it.
 */
#pragma once

#include "sc-test-gui-util.h"

#include "sc-access-code.h"
#include "sc-kiosk-window.h"
#include "sc-vault.h"

G_BEGIN_DECLS

#define SC_TEST_KIOSK_MAX_PEOPLE 8

typedef struct
{
  const char *number;
  const char *name;
  ScSex       sex;
} ScTestKioskPerson;

/* One test's vault in a temporary folder; codes[i] is the access code of people[i]. */
typedef struct
{
  char    *dir;
  char    *path;
  ScVault *vault;
  gint64   round_id;
  char     codes[SC_TEST_KIOSK_MAX_PEOPLE][SC_ACCESS_CODE_SIZE];
} ScTestKioskVault;

/* Creates the vault with @impl_pass (and @hr_pass, nullable), the roster @people (all in
 * 総務課), the round 2026年度 (2026-06-01 to 2099-12-31, default criteria), an access code
 * for everyone, the settings idle_timeout (@idle_timeout, nullable: the default) and
 * contact_text, then enters kiosk mode. */
void  kiosk_vault_set_up          (ScTestKioskVault        *fixture,
                                   const char              *impl_pass,
                                   const char              *hr_pass,
                                   const ScTestKioskPerson *people,
                                   guint                    n_people,
                                   const char              *idle_timeout,
                                   const char              *contact_text);

/* In the vault (in kiosk mode): @person (the @index-th of the set-up roster, whose code is
 * codes[@index]) answers @answers in @round_id when @submit, and keeps the result under
 * @pin, as the kiosk does. */
void  kiosk_vault_keep_result     (ScTestKioskVault        *fixture,
                                   gint64                   round_id,
                                   const ScTestKioskPerson *person,
                                   guint                    index,
                                   const guint8            *answers,
                                   gboolean                 submit,
                                   const char              *pin);

/* Adds last year's round, 2025年度 (no period, so it sorts before this year's), in which the
 * first @n_people of the roster, with the same codes, answered @answers and kept the
 * result under @pin. The vault is back in kiosk mode afterwards. Returns the round's id. */
gint64 kiosk_vault_add_last_year  (ScTestKioskVault        *fixture,
                                   const char              *impl_pass,
                                   const ScTestKioskPerson *people,
                                   guint                    n_people,
                                   const guint8            *answers,
                                   const char              *pin);

/* Checks that the vault (when still set) is finalized, removes the folder and wipes the
 * codes. */
void  kiosk_vault_tear_down       (ScTestKioskVault        *fixture);

/* Without a window manager a window that is not fullscreen keeps a thin frame for resizing
 * (client-side decorations), which its default size includes and its content does not:
 * its width and height, measured once on a plain window. */
void  kiosk_get_frame_size        (int                     *frame_w,
                                   int                     *frame_h);

/* Presents @window with a content area of exactly @width × @height and waits for it. */
void  kiosk_set_window_size       (GtkWindow               *window,
                                   int                      width,
                                   int                      height);

/* Waits until @window is no longer busy, then until the main loop is idle. */
void  kiosk_wait_not_busy         (ScKioskWindow           *window);

/* Destroys @window, which must then be finalized. */
void  kiosk_close                 (ScKioskWindow           *window);

G_END_DECLS
