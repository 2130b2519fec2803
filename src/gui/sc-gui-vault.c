/* sc-gui-vault.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What is GUI about the vault: messages in the user's language and the demo vault's
 * place. The work itself runs through the core's sc-vault-async.h.
 */
#define G_LOG_DOMAIN "sc-gui-vault"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sc-gui-vault.h"
#include "sc-vault-async.h"
#include "sc-vault-people.h"

const ScVaultKdfLimits *
sc_gui_kdf_limits (void)
{
  /* The same switch as stresscheck-cli's, so that GUI tests create vaults quickly. */
  return sc_vault_kdf_limits_for_new_vault ();
}

const char *
sc_gui_vault_error_message (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  /* The core's messages are English; these are the ones a person meets before the
   * workspace, said again here so that they can be translated. */
  if (error->domain == SC_VAULT_ERROR)
    switch ((ScVaultError) error->code)
      {
      case SC_VAULT_ERROR_WRONG_PASSPHRASE:
        return _("The passphrase is not right. Check that Caps Lock is off and the input "
                 "method is the one you used, and try again.");
      case SC_VAULT_ERROR_DAMAGED:
        return _("This file is damaged or has been modified, or it is not a Stress Check "
                 "vault. Restore the vault from a backup, or choose another file.");
      case SC_VAULT_ERROR_NEWER_VERSION:
        return _("This vault was saved by a newer version of Stress Check. Update Stress "
                 "Check to open it.");
      case SC_VAULT_ERROR_LOCKED:
        return _("Another Stress Check has this vault open. Close it there first, then "
                 "try again.");
      case SC_VAULT_ERROR_NOT_FOUND:
        return _("The vault is not there any more. It may have been moved or deleted.");
      case SC_VAULT_ERROR_EXISTS:
        return _("A file with this name already exists. Choose another name.");
      case SC_VAULT_ERROR_NO_SPACE:
        return _("The disk is full. Free some space, then try again. Nothing was lost.");
      case SC_VAULT_ERROR_BUSY:
        return _("The vault is still busy saving. Wait a moment, then try again.");
      case SC_VAULT_ERROR_TAMPERED:
        /* The core's own message: translated, it says what to do and names the record
         * (the audit log entry, the key or the signed record) for whoever investigates. */
      case SC_VAULT_ERROR_INVALID:
      case SC_VAULT_ERROR_IO:
      case SC_VAULT_ERROR_PERMISSION:
      case SC_VAULT_ERROR_CLOSED:
      case SC_VAULT_ERROR_ACCESS_DENIED:
      case SC_VAULT_ERROR_THROTTLED:
      case SC_VAULT_ERROR_READ_ONLY:
      default:
        break;
      }

  return error->message;
}

/* The demo vault */

#define DEMO_CODES_NAME "demo-access-codes.txt"

char *
sc_gui_demo_vault_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "stresscheck", "demo.scvault", NULL);
}

char *
sc_gui_demo_codes_path (const char *path)
{
  g_autofree char *folder = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  folder = g_path_get_dirname (path);
  return g_build_filename (folder, DEMO_CODES_NAME, NULL);
}

static void
on_demo_vault_created_cb (GObject      *source_object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;

  if (!sc_demo_vault_create_finish (result, &error))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                             _("The demo vault could not be created: %s"),
                             sc_gui_vault_error_message (error));
  else
    g_task_return_boolean (task, TRUE);
}

void
sc_gui_demo_vault_create_async (const char          *path,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *codes_path = NULL;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_gui_demo_vault_create_async);

  folder = g_path_get_dirname (path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int errsv = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (errsv),
                               _("The demo vault could not be created: %s"),
                               g_strerror (errsv));
      return;
    }

  /* The vault's own work runs in the core's worker thread, with the report kept beside it. */
  codes_path = sc_gui_demo_codes_path (path);
  sc_demo_vault_create_async (path, sc_gui_kdf_limits (), codes_path, cancellable,
                              on_demo_vault_created_cb, g_object_ref (task));
}

gboolean
sc_gui_demo_vault_create_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        sc_gui_demo_vault_create_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

const char *
sc_gui_person_name (const char *name)
{
  if (g_strcmp0 (name, SC_VAULT_PERSON_DEFAULT_NAME) == 0)
    return _("Implementer");
  return name;
}
