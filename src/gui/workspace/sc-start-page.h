/* sc-start-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first page: what a vault is, and buttons to create one, open one or try the demo. The
 * buttons activate the window actions win.create-vault, win.open-vault and win.open-demo.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SC_TYPE_START_PAGE (sc_start_page_get_type ())

G_DECLARE_FINAL_TYPE (ScStartPage, sc_start_page, SC, START_PAGE, AdwBin)

GtkWidget *sc_start_page_new (void);

G_END_DECLS
