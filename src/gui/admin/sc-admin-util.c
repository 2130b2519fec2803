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

char *
sc_admin_backup_reminder (ScVault *vault)
{
  if (!sc_vault_backup_is_due (vault, g_get_real_time () / G_USEC_PER_SEC))
    return NULL;
  if (sc_vault_get_last_backup (vault) > 0)
    /* Translators: %d is a number of days (30). */
    return g_strdup_printf (_("The last backup is more than %d days old. Back up the vault "
                              "now, so that a broken or lost PC does not take the records "
                              "with it."), SC_VAULT_BACKUP_REMINDER_DAYS);
  return g_strdup (_("This vault has never been backed up. Back it up now, so that a "
                     "broken or lost PC does not take the records with it."));
}
