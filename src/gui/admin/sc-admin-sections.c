/* sc-admin-sections.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-admin"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-admin-sections.h"
#include "sc-audit-log-section.h"
#include "sc-backup-reminder.h"
#include "sc-backup-section.h"
#include "sc-settings-section.h"

static void
on_section_toast_cb (ScWorkspace *workspace,
                     const char  *message)
{
  sc_workspace_show_toast (workspace, message);
}

static void
on_backup_reopen_cb (ScWorkspace *workspace)
{
  g_signal_emit_by_name (workspace, "reopen");
}

static void
on_reminder_back_up_cb (ScWorkspace *workspace)
{
  GtkWidget *backup = sc_workspace_get_section (workspace, SC_SECTION_BACKUP);

  if (sc_workspace_show_section (workspace, SC_SECTION_BACKUP))
    gtk_widget_child_focus (backup, GTK_DIR_TAB_FORWARD);
}

/* A backup (or a restore) just ended: the reminder looks at the vault again. */
static void
on_backup_notify_busy_cb (ScBackupReminder *reminder,
                          GParamSpec       *pspec,
                          ScBackupSection  *backup)
{
  if (!sc_backup_section_get_busy (backup))
    sc_backup_reminder_update (reminder);
}

static void
on_section_map_cb (GtkWidget *section)
{
  /* What happened since the section was made (a backup, a setting) is listed too. */
  sc_audit_log_section_reload (SC_AUDIT_LOG_SECTION (section));
}

void
sc_admin_add_sections (ScWorkspace *workspace)
{
  ScVault *vault = sc_workspace_get_vault (workspace);
  gboolean implementer = sc_vault_get_role (vault) == SC_VAULT_ROLE_IMPLEMENTER;
  GtkWidget *backup;

  if (implementer)
    {
      GtkWidget *settings = sc_settings_section_new (vault);

      g_signal_connect_object (settings, "toast", G_CALLBACK (on_section_toast_cb), workspace,
                               G_CONNECT_SWAPPED);
      sc_workspace_add_section (workspace, SC_SECTION_SETTINGS, _("Settings"),
                                "preferences-system-symbolic", settings);
    }

  backup = sc_backup_section_new (vault);
  g_signal_connect_object (backup, "toast", G_CALLBACK (on_section_toast_cb), workspace,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (backup, "reopen", G_CALLBACK (on_backup_reopen_cb), workspace,
                           G_CONNECT_SWAPPED);
  sc_workspace_add_section (workspace, SC_SECTION_BACKUP, _("Backup"),
                            "drive-harddisk-symbolic", backup);

  /* The reminder to back up is the implementer's, who keeps the records (issue 11 §5). */
  if (implementer)
    {
      GtkWidget *reminder = sc_backup_reminder_new (vault);

      g_signal_connect_object (reminder, "back-up", G_CALLBACK (on_reminder_back_up_cb),
                               workspace, G_CONNECT_SWAPPED);
      g_signal_connect_object (backup, "notify::busy", G_CALLBACK (on_backup_notify_busy_cb),
                               reminder, G_CONNECT_SWAPPED);
      sc_workspace_add_banner (workspace, reminder);
    }

  if (implementer)
    {
      GtkWidget *audit = sc_audit_log_section_new (vault);

      g_signal_connect (audit, "map", G_CALLBACK (on_section_map_cb), NULL);
      sc_workspace_add_section (workspace, SC_SECTION_AUDIT_LOG, _("Audit Log"),
                                "document-open-recent-symbolic", audit);
    }
}
