/* sc-kiosk-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every kiosk page offers the kiosk window, instead of a hand-copied function per page:
 * the widget the keyboard lands on when the page is shown, a busy state while the vault
 * works, an error line, and emptying it of the last person.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SC_TYPE_KIOSK_PAGE (sc_kiosk_page_get_type ())

G_DECLARE_INTERFACE (ScKioskPage, sc_kiosk_page, SC, KIOSK_PAGE, GtkWidget)

struct _ScKioskPageInterface
{
  GTypeInterface parent_iface;

  /* The first control, or NULL for a page whose first controls are decisions that must not
   * be taken by a stray Enter: the page's text then takes the focus (see below). */
  GtkWidget *(*get_initial_focus) (ScKioskPage *self);
  /* All optional. */
  void       (*set_busy)          (ScKioskPage *self,
                                   gboolean     busy);
  void       (*set_error)         (ScKioskPage *self,
                                   const char  *message);
  void       (*clear)             (ScKioskPage *self);
};

/**
 * sc_kiosk_page_get_initial_focus:
 * The widget a keyboard or screen-reader user lands on when the page is shown. For a page
 * without one of its own, its scrolled text: made focusable and named by the page's first
 * label, so that the focus is on the page and Tab goes on to its first control.
 */
GtkWidget *sc_kiosk_page_get_initial_focus (ScKioskPage *self);

/* Moves the focus to sc_kiosk_page_get_initial_focus(). Returns whether it took it. */
gboolean   sc_kiosk_page_focus             (ScKioskPage *self);

void       sc_kiosk_page_set_busy          (ScKioskPage *self,
                                            gboolean     busy);
void       sc_kiosk_page_set_error         (ScKioskPage *self,
                                            const char  *message);
/* SECURITY: removes everything about the last person from the page. */
void       sc_kiosk_page_clear             (ScKioskPage *self);

G_END_DECLS
