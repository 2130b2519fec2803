/* sc-admin-util.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-admin"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-admin-util.h"

char *
sc_admin_format_time (gint64 unix_time)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr (GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  if (local == NULL)
    return g_strdup (_("an unknown date"));
  /* Translators: a date and time in the audit log and the backup section (strftime format). */
  return g_date_time_format (local, _("%Y-%m-%d %H:%M"));
}
