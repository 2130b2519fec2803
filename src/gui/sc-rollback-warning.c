/* sc-rollback-warning.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rollback warning after unlocking: an AdwMessageDialog (through sc-compat) with both
 * saves, "Keep Working", and for the implementer "This Is a Restored Backup", which runs
 * sc_vault_accept_restore_async() and reports with a toast in the visible workspace.
 */
#define G_LOG_DOMAIN "sc-rollback-warning"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-rollback-warning.h"
#include "sc-compat.h"
#include "sc-vault-async.h"
#include "sc-window.h"
#include "sc-workspace-frame.h"

static void
show_toast (GtkWindow  *parent,
            const char *message)
{
  GtkWidget *page;

  if (!SC_IS_WINDOW (parent))
    return;
  page = sc_window_get_page (SC_WINDOW (parent));
  if (SC_IS_WORKSPACE (page))
    sc_workspace_show_toast (SC_WORKSPACE (page), message);
}

static void
on_accept_restore_cb (GObject      *source_object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr (GtkWindow) parent = user_data;
  g_autoptr (GError) error = NULL;

  if (!sc_vault_accept_restore_finish (SC_VAULT (source_object), result, &error))
    show_toast (parent, error->message);
  else
    show_toast (parent, _("This copy is now the vault’s current state"));
}

typedef struct
{
  GtkWindow *parent;  /* owned */
  ScVault   *vault;   /* owned */
} Choice;

static void
on_dialog_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Choice *choice = user_data;
  const char *response = sc_compat_message_dialog_choose_finish (GTK_WIDGET (source_object),
                                                                 result);

  if (g_strcmp0 (response, "restore") == 0 &&
      sc_vault_get_role (choice->vault) == SC_VAULT_ROLE_IMPLEMENTER)
    sc_vault_accept_restore_async (choice->vault, NULL, on_accept_restore_cb,
                                   g_object_ref (choice->parent));

  g_object_unref (choice->parent);
  g_object_unref (choice->vault);
  g_free (choice);
}

gboolean
sc_rollback_warning_present (GtkWindow *parent,
                             ScVault   *vault)
{
  ScVaultRollbackWarning warning;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  Choice *choice;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), FALSE);
  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);

  if (!sc_vault_get_rollback_warning (vault, &warning))
    return FALSE;

  body = sc_vault_rollback_warning_to_string (&warning);
  dialog = sc_compat_message_dialog_new (_("Older Copy of the Vault"), body);
  sc_compat_message_dialog_add_response (dialog, "keep", _("_Keep Working"),
                                         SC_RESPONSE_DEFAULT);
  if (sc_vault_get_role (vault) == SC_VAULT_ROLE_IMPLEMENTER)
    sc_compat_message_dialog_add_response (dialog, "restore", _("This Is a _Restored Backup"),
                                           SC_RESPONSE_DESTRUCTIVE);
  sc_compat_message_dialog_set_default_response (dialog, "keep");
  sc_compat_message_dialog_set_close_response (dialog, "keep");

  choice = g_new0 (Choice, 1);
  choice->parent = g_object_ref (parent);
  choice->vault = g_object_ref (vault);
  sc_compat_message_dialog_choose (dialog, GTK_WIDGET (parent), NULL, on_dialog_cb, choice);
  return TRUE;
}
