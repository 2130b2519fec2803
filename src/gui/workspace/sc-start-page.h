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

/* Shows @paths (nullable, NULL-terminated: sc_recent_vaults_list()) under "Recent Vaults";
 * activating one activates win.open-recent with its path. */
void       sc_start_page_set_recent   (ScStartPage        *self,
                                       const char * const *paths);

/* How many recent vaults the page lists. */
guint      sc_start_page_get_n_recent (ScStartPage        *self);

G_END_DECLS
