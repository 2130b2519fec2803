/* test-vault-admin.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the Settings, Backup and Audit Log sections rest on (issue 11 §3, §5, §6): settings
 * validated in core and audited by name only; a backup read back and verified, its time
 * recorded; a restore that keeps the replaced file and puts the backup in place atomically;
 * an audit entry changed inside a vault (test hook) reported on the next open.
 */
#include "config.h"

#include "sc-test-util.h"
#include "sc-report.h"
#include "sc-vault.h"
#include "sc-vault-private.h"

#include <glib/gstdio.h>
#include <string.h>

static char *state_dir;

static gboolean
audited (ScVault    *vault,
         const char *action)
{
  g_autoptr(GPtrArray) entries = sc_vault_list_audit (vault, NULL);

  g_assert_nonnull (entries);
  for (guint i = 0; i < entries->len; i++)
    {
      const ScVaultAuditEntry *entry = g_ptr_array_index (entries, i);

      if (g_str_equal (entry->action, action))
        return TRUE;
    }
  return FALSE;
}

static void
test_settings_validated (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "s.scvault", NULL);
  g_autoptr(ScVault) vault = test_create_vault (path, NULL);
  g_autofree char *value = NULL;
  const char *bad[][2] = {
    { SC_VAULT_SETTING_IDLE_TIMEOUT, "4" },
    { SC_VAULT_SETTING_IDLE_TIMEOUT, "3601" },
    { SC_VAULT_SETTING_IDLE_TIMEOUT, "ninety" },
    { SC_VAULT_SETTING_HR_KIOSK, "yes" },
    { SC_REPORT_SETTING_CHECKER, "4" },
    { SC_REPORT_SETTING_WORKERS, "many" },
    { SC_VAULT_SETTING_ADVICE_TEXTS, "[no_such_scale]\ntext=x\n" },
    { SC_VAULT_SETTING_CONTACT_TEXT, "\xff\xfe" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (sc_vault_set_setting (vault, bad[i][0], bad[i][1], &error));
      g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
      g_clear_error (&error);
      value = sc_vault_get_setting (vault, bad[i][0], &error);
      g_assert_no_error (error);
      g_assert_null (value);
    }

  g_assert_true (sc_vault_set_setting (vault, SC_VAULT_SETTING_IDLE_TIMEOUT, "120", &error));
  g_assert_true (sc_vault_set_setting (vault, SC_REPORT_SETTING_CHECKER, "2", &error));
  g_assert_true (sc_vault_set_setting (vault, SC_VAULT_SETTING_IMPLEMENTER_NAME, "保健師 山本",
                                       &error));
  g_assert_no_error (error);
  /* The audit log names the setting, never the value. */
  g_assert_true (audited (vault, "settings.set." SC_VAULT_SETTING_IMPLEMENTER_NAME));
  g_assert_true (audited (vault, "settings.set." SC_VAULT_SETTING_IDLE_TIMEOUT));
  sc_vault_close (vault);
  g_clear_object (&vault);

  vault = sc_vault_open (path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  value = sc_vault_get_setting (vault, SC_VAULT_SETTING_IMPLEMENTER_NAME, &error);
  g_assert_cmpstr (value, ==, "保健師 山本");
  sc_vault_close (vault);
  g_clear_object (&vault);
  test_remove_dir (dir);
}

static void
test_backup_verified_and_recorded (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "b.scvault", NULL);
  g_autofree char *copy = g_build_filename (dir, "usb", "b-backup.scvault", NULL);
  g_autofree char *usb = g_path_get_dirname (copy);
  g_autoptr(ScVault) vault = test_create_vault (path, NULL);
  g_autoptr(ScVault) opened = NULL;
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;
  guint64 counter = 0;

  g_assert_true (sc_vault_set_hr_passphrase (vault, HR_PASS, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sc_vault_get_last_backup (vault), ==, 0);
  g_assert_true (sc_vault_backup_is_due (vault, before));

  /* A folder that is not there: nothing is recorded. */
  g_assert_false (sc_vault_backup (vault, copy, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (sc_vault_get_last_backup (vault), ==, 0);
  /* Nor may a backup replace the vault itself. */
  g_assert_false (sc_vault_backup (vault, path, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_EXISTS);
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (usb, 0700), ==, 0);
  g_assert_true (sc_vault_backup (vault, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sc_vault_get_last_backup (vault), >=, before);
  g_assert_false (sc_vault_backup_is_due (vault, before + 29 * 24 * 3600));
  g_assert_true (sc_vault_backup_is_due (vault, before + 31 * 24 * 3600));
  g_assert_true (audited (vault, "vault.backup"));
  g_assert_true (sc_vault_peek_save_counter (copy, &counter, &error));
  g_assert_cmpuint (counter, ==, sc_vault_get_save_counter (vault));
  sc_vault_close (vault);
  g_clear_object (&vault);

  /* The record was saved at close. */
  vault = sc_vault_open (path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_vault_get_last_backup (vault), >=, before);
  g_assert_true (audited (vault, "vault.backup"));
  sc_vault_close (vault);
  g_clear_object (&vault);

  /* The copy opens with the passphrase, read-only, with all it had. */
  opened = sc_vault_open (copy, IMPL_PASS, SC_VAULT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (sc_vault_has_hr_passphrase (opened));
  g_clear_object (&opened);

  /* HR may back up too: the copy is as encrypted as the vault. */
  opened = sc_vault_open (path, HR_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (sc_vault_backup (opened, copy, &error));
  g_assert_no_error (error);
  g_clear_object (&opened);
  test_remove_dir (dir);
}

static void
test_restore_replaces (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "r.scvault", NULL);
  g_autofree char *copy = g_build_filename (dir, "r-backup.scvault", NULL);
  g_autofree char *other_path = g_build_filename (dir, "other.scvault", NULL);
  g_autofree char *kept = NULL;
  g_autofree guint8 *before_data = NULL;
  g_autofree guint8 *kept_data = NULL;
  g_autofree guint8 *backup_data = NULL;
  g_autofree guint8 *now_data = NULL;
  g_autoptr(ScVault) vault = test_create_vault (path, NULL);
  g_autoptr(ScVault) other = test_create_vault (other_path, NULL);
  g_autoptr(GPtrArray) rounds = NULL;
  ScVaultRollbackWarning warning;
  gsize before_len, kept_len, backup_len, now_len;
  guint64 backup_counter;

  g_assert_true (sc_vault_backup (vault, copy, &error));
  g_assert_no_error (error);
  backup_counter = sc_vault_get_save_counter (vault);
  g_assert_cmpint (sc_vault_create_round (vault, "after the backup", NULL, NULL, NULL, &error),
                   >, 0);
  g_assert_no_error (error);

  /* Another vault's file is not a backup of this one: nothing changes. */
  g_assert_false (sc_vault_restore_backup (vault, other_path, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_IMPLEMENTER);

  before_data = test_read (path, &before_len);
  g_assert_true (sc_vault_restore_backup (vault, copy, &error));
  g_assert_no_error (error);
  /* Locked: the database in memory was the replaced file's. */
  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_NONE);

  kept = sc_vault_before_restore_path (path);
  kept_data = test_read (kept, &kept_len);
  g_assert_cmpmem (kept_data, kept_len, before_data, before_len);
  backup_data = test_read (copy, &backup_len);
  now_data = test_read (path, &now_len);
  g_assert_cmpmem (now_data, now_len, backup_data, backup_len);
  {
    g_autofree char *tmp = g_strconcat (path, ".tmp", NULL);

    g_assert_false (g_file_test (tmp, G_FILE_TEST_EXISTS));
  }

  /* Unlocked again, it is the backup: the round made after it is gone, and the rollback
   * warning names the save counter difference until the restore is accepted. */
  g_assert_true (sc_vault_unlock (vault, IMPL_PASS, &error));
  g_assert_no_error (error);
  rounds = sc_vault_list_rounds (vault, &error);
  g_assert_cmpuint (rounds->len, ==, 0);
  g_assert_true (sc_vault_get_rollback_warning (vault, &warning));
  g_assert_cmpuint (warning.file_counter, ==, backup_counter);
  g_assert_cmpuint (warning.seen_counter, >, warning.file_counter);
  g_assert_true (sc_vault_accept_restore (vault, &error));
  g_assert_no_error (error);
  g_assert_false (sc_vault_get_rollback_warning (vault, NULL));
  sc_vault_close (vault);
  sc_vault_close (other);
  test_remove_dir (dir);
}

static void
test_restore_implementer_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "h.scvault", NULL);
  g_autofree char *copy = g_build_filename (dir, "h-backup.scvault", NULL);
  g_autoptr(ScVault) vault = test_create_vault (path, NULL);
  g_autoptr(ScVault) hr = NULL;

  g_assert_true (sc_vault_set_hr_passphrase (vault, HR_PASS, &error));
  g_assert_true (sc_vault_backup (vault, copy, &error));
  g_assert_no_error (error);
  sc_vault_close (vault);

  hr = sc_vault_open (path, HR_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_false (sc_vault_restore_backup (hr, copy, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
  sc_vault_close (hr);
  test_remove_dir (dir);
}

static void
test_changed_audit_entry_reported (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "a.scvault", NULL);
  g_autoptr(ScVault) vault = test_create_vault (path, NULL);
  g_autoptr(ScVault) again = NULL;

  g_assert_true (sc_vault_set_setting (vault, SC_VAULT_SETTING_CONTACT_TEXT, "内線 1234",
                                       &error));
  g_assert_true (sc_vault_test_change_audit_entry (vault, 1, "round.create", &error));
  g_assert_no_error (error);
  sc_vault_close (vault);

  again = sc_vault_open (path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_null (again);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_TAMPERED);
  g_assert_nonnull (strstr (error->message, "audit log entry 1"));
  test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("STRESSCHECK_KDF", "min", TRUE);
  g_test_init (&argc, &argv, NULL);
  state_dir = test_make_dir ();
  sc_vault_test_set_state_dir (state_dir);
  g_test_add_func ("/vault/admin/settings-validated", test_settings_validated);
  g_test_add_func ("/vault/admin/backup", test_backup_verified_and_recorded);
  g_test_add_func ("/vault/admin/restore", test_restore_replaces);
  g_test_add_func ("/vault/admin/restore-implementer-only", test_restore_implementer_only);
  g_test_add_func ("/vault/admin/changed-audit-entry", test_changed_audit_entry_reported);
  status = g_test_run ();
  test_remove_dir (state_dir);
  return status;
}
