/* sc-gui-vault.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-gui-vault"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sc-gui-vault.h"
#include "sc-secure.h"

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

/* SECURITY: the passphrase lives in guarded memory from the moment it leaves the entry
 * until the worker is done with it. */
typedef struct
{
  char                   *path;
  char                   *passphrase;
  const ScVaultKdfLimits *limits;
  char                   *recovery_key;
} VaultTaskData;

static void
vault_task_data_free (gpointer data)
{
  VaultTaskData *task_data = data;

  g_free (task_data->path);
  sc_secure_free (task_data->passphrase);
  if (task_data->recovery_key != NULL)
    sc_vault_free_recovery_key (task_data->recovery_key);
  g_free (task_data);
}

static GTask *
vault_task_new (gpointer             source_tag,
                const char          *path,
                const char          *passphrase,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  VaultTaskData *task_data = g_new0 (VaultTaskData, 1);

  g_task_set_source_tag (task, source_tag);
  g_task_set_check_cancellable (task, FALSE);
  task_data->path = g_strdup (path);
  task_data->passphrase = sc_secure_dup (passphrase, strlen (passphrase) + 1);
  g_task_set_task_data (task, task_data, vault_task_data_free);

  return task;
}

static void
create_thread (GTask        *task,
               gpointer      source_object,
               gpointer      data,
               GCancellable *cancellable)
{
  VaultTaskData *task_data = data;
  g_autoptr (GError) error = NULL;
  ScVault *vault;

  if (task_data->passphrase == NULL)
    {
      g_task_return_new_error (task, SC_VAULT_ERROR, SC_VAULT_ERROR_IO, "%s",
                               _("There is not enough protected memory for the passphrase."));
      return;
    }

  vault = sc_vault_create (task_data->path, task_data->passphrase, task_data->limits,
                           &task_data->recovery_key, &error);
  if (vault == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, vault, g_object_unref);
}

void
sc_gui_vault_create_async (const char          *path,
                           const char          *passphrase,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (path != NULL);
  g_return_if_fail (passphrase != NULL);

  task = vault_task_new (sc_gui_vault_create_async, path, passphrase, cancellable, callback,
                         user_data);
  ((VaultTaskData *) g_task_get_task_data (task))->limits = sc_gui_kdf_limits ();
  g_task_run_in_thread (task, create_thread);
}

ScVault *
sc_gui_vault_create_finish (GAsyncResult  *result,
                            char         **out_recovery_key,
                            GError       **error)
{
  VaultTaskData *task_data;
  ScVault *vault;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sc_gui_vault_create_async,
                        NULL);
  g_return_val_if_fail (out_recovery_key != NULL, NULL);

  *out_recovery_key = NULL;
  vault = g_task_propagate_pointer (G_TASK (result), error);
  if (vault != NULL)
    {
      task_data = g_task_get_task_data (G_TASK (result));
      *out_recovery_key = g_steal_pointer (&task_data->recovery_key);
    }

  return vault;
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      data,
             GCancellable *cancellable)
{
  VaultTaskData *task_data = data;
  g_autoptr (GError) error = NULL;
  ScVault *vault;

  if (task_data->passphrase == NULL)
    {
      g_task_return_new_error (task, SC_VAULT_ERROR, SC_VAULT_ERROR_IO, "%s",
                               _("There is not enough protected memory for the passphrase."));
      return;
    }

  vault = sc_vault_open (task_data->path, task_data->passphrase, SC_VAULT_OPEN_FLAGS_NONE,
                         &error);
  if (vault == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, vault, g_object_unref);
}

void
sc_gui_vault_open_async (const char          *path,
                         const char          *passphrase,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (path != NULL);
  g_return_if_fail (passphrase != NULL);

  task = vault_task_new (sc_gui_vault_open_async, path, passphrase, cancellable, callback,
                         user_data);
  g_task_run_in_thread (task, open_thread);
}

ScVault *
sc_gui_vault_open_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sc_gui_vault_open_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
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

/* Runs in a worker thread: Argon2id and a few dozen durable saves. */
static void
create_demo_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr (GString) report = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *codes_path = NULL;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int errsv = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (errsv),
                               _("The demo vault could not be created: %s"),
                               g_strerror (errsv));
      return;
    }

  if (!sc_demo_create (path, sc_gui_kdf_limits (), report, &error))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("The demo vault could not be created: %s"),
                               sc_gui_vault_error_message (error));
      return;
    }

  /* Only made-up people are in it, and the codes are what trying the kiosk needs. */
  codes_path = sc_gui_demo_codes_path (path);
  if (!g_file_set_contents_full (codes_path, report->str, (gssize) report->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_warning ("Could not keep the demo access codes in %s: %s", codes_path, error->message);

  g_task_return_boolean (task, TRUE);
}

void
sc_gui_demo_vault_create_async (const char          *path,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_gui_demo_vault_create_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, create_demo_thread);
}

gboolean
sc_gui_demo_vault_create_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
