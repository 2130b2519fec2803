/* sc-admin-util.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the Settings, Backup and Audit Log sections share.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* (transfer full) @unix_time as a local date and time, for a person to read. */
char *sc_admin_format_time (gint64 unix_time);

G_END_DECLS
