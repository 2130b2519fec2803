/* sc-cli-vault.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `stresscheck-cli vault create|verify|passwd|recover|backup|set-hr-passphrase`: make a
 * vault and look after its keys. Passphrases come from --passphrase-file or a no-echo
 * prompt, never from argv.
 */
#define G_LOG_DOMAIN "stresscheck-cli"

#include "config.h"

#include "sc-cli.h"
#include "sc-cli-options.h"
#include "sc-cli-passphrase.h"
#include "sc-cli-vault-common.h"
#include "sc-vault.h"
#include "sc-vault-people.h"

#include <stdio.h>

static void
print_recovery_key (const char *key)
{
  printf ("\n"
          "Recovery key — shown only this once. Write it down and keep it locked away:\n"
          "\n"
          "    %s\n"
          "\n"
          "With it, a forgotten implementer passphrase can be replaced; without both, the\n"
          "records kept in the vault (a 5-year duty) cannot be read again.\n", key);
  fflush (stdout);
}

static int
vault_create (int    argc,
              char **argv)
{
  static const ScCliSpec spec = {
    .command = "vault create",
    .parameters = "VAULT — create a new encrypted vault",
    .summary = "Creates VAULT (it must not exist) protected by the implementer's\n"
               "passphrase, and prints the recovery key once.",
    .usage = "vault create VAULT [--name NAME] [--passphrase-file FILE]",
    .n_args = 1,
    .passphrase_help = "Read the implementer passphrase from FILE (first line)",
    .hr_passphrase_help = "Also add an HR passphrase, read from FILE",
  };
  g_auto(ScCliOptions) options = { NULL };
  g_autoptr(ScCliSecret) passphrase = NULL;
  g_autoptr(ScCliSecret) hr_passphrase = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  char *recovery = NULL;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name,
      "Your name, as the audit log shows it (default: your account's full name)", "NAME" },
    { NULL }
  };

  if (!sc_cli_options_parse (&spec, &options, entries, NULL, &argc, &argv))
    return SC_EXIT_USAGE;
  /* The account's full name, or its login name when it has none; failing both, the
   * default name (the role). */
  if (name == NULL)
    {
      name = g_strdup (g_strcmp0 (g_get_real_name (), "Unknown") != 0 ? g_get_real_name ()
                                                                        : g_get_user_name ());
      if (!sc_vault_check_person_name (name, NULL))
        {
          g_free (name);
          name = g_strdup (SC_VAULT_PERSON_DEFAULT_NAME);
        }
    }
  if (!sc_vault_check_person_name (name, &error))
    return sc_cli_fail (spec.command, error);

  passphrase = sc_cli_read_passphrase (options.passphrase_file, "New implementer passphrase: ",
                                       TRUE, &error);
  if (passphrase == NULL)
    return sc_cli_fail (spec.command, error);
  if (options.hr_passphrase_file != NULL)
    {
      hr_passphrase = sc_cli_read_passphrase (options.hr_passphrase_file, "", FALSE, &error);
      if (hr_passphrase == NULL)
        return sc_cli_fail (spec.command, error);
    }

  vault = sc_vault_create (argv[1], passphrase, sc_vault_kdf_limits_for_new_vault (), &recovery,
                           &error);
  if (vault == NULL)
    return sc_cli_fail (spec.command, error);
  /* The vault exists now: its recovery key is printed whatever happens next. */
  if (!sc_vault_rename_person (vault, sc_vault_get_person_id (vault), name, &error))
    {
      sc_cli_error ("%s: your name was not saved (%s)", spec.command, error->message);
      g_clear_error (&error);
    }
  if (hr_passphrase != NULL && !sc_vault_set_hr_passphrase (vault, hr_passphrase, &error))
    {
      sc_vault_free_recovery_key (recovery);
      return sc_cli_fail (spec.command, error);
    }

  printf ("Created %s.\n", argv[1]);
  print_recovery_key (recovery);
  sc_vault_free_recovery_key (recovery);
  sc_vault_close (vault);
  return SC_EXIT_OK;
}

static const char *
role_name (ScVaultRole role)
{
  switch (role)
    {
    case SC_VAULT_ROLE_IMPLEMENTER: return "implementer";
    case SC_VAULT_ROLE_HR: return "HR";
    case SC_VAULT_ROLE_KIOSK: return "kiosk";
    case SC_VAULT_ROLE_NONE:
    default: return "none";
    }
}

static int
vault_verify (int    argc,
              char **argv)
{
  static const ScCliSpec spec = {
    .command = "vault verify",
    .parameters = "VAULT — check that a vault opens and is intact",
    .summary = "Opens VAULT read-only with the implementer's or HR's passphrase and\n"
               "checks every byte. Exit status 0: intact; 77: wrong passphrase;\n"
               "65: damaged or modified, or made by a newer version; 66: no such file.\n"
               "A vault older than a copy this computer has seen opens with a warning\n"
               "on stderr; --accept-restore (implementer's passphrase) records that the\n"
               "older copy was restored on purpose and ends the warning.",
    .usage = "vault verify VAULT [--passphrase-file FILE] [--accept-restore]",
    .n_args = 1,
    .passphrase_help = "Read the passphrase from FILE (first line)",
  };
  g_auto(ScCliOptions) options = { NULL };
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) employees = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  g_autoptr(GPtrArray) submissions = NULL;
  gboolean accept_restore = FALSE;
  const char *person;
  GOptionEntry entries[] = {
    { "accept-restore", 0, 0, G_OPTION_ARG_NONE, &accept_restore,
      "This older copy was restored on purpose: stop warning about it (implementer)", NULL },
    { NULL }
  };

  if (!sc_cli_options_parse (&spec, &options, entries, NULL, &argc, &argv))
    return SC_EXIT_USAGE;

  vault = sc_cli_open_vault (argv[1], options.passphrase_file, !accept_restore, &error);
  if (vault == NULL || (accept_restore && !sc_vault_accept_restore (vault, &error)))
    return sc_cli_fail (spec.command, error);
  if (accept_restore)
    printf ("%s: the restore is recorded; this copy is now the newest.\n", argv[1]);

  employees = sc_vault_list_employees (vault, &error);
  if (employees != NULL)
    rounds = sc_vault_list_rounds (vault, &error);
  if (rounds != NULL)
    submissions = sc_vault_list_submissions (vault, 0, &error);
  if (submissions == NULL)
    return sc_cli_fail (spec.command, error);

  /* The person's name (their own, typed by them) after the role, when the slot has one. */
  person = sc_vault_get_person_name (vault);
  printf ("%s: intact; opened as %s%s%s%s; %u employees, %u rounds, %u submissions; saved %"
          G_GUINT64_FORMAT " times.\n", argv[1], role_name (sc_vault_get_role (vault)),
          person != NULL ? " (" : "", person != NULL ? person : "", person != NULL ? ")" : "",
          employees->len, rounds->len, submissions->len, sc_vault_get_save_counter (vault));
  return SC_EXIT_OK;
}

static int
vault_passwd (int    argc,
              char **argv)
{
  static const ScCliSpec spec = {
    .command = "vault passwd",
    .parameters = "VAULT — change a passphrase",
    .summary = "Changes the passphrase that was given (the implementer's or HR's).\n"
               "Only that key slot is rewrapped; the data stays as it is.",
    .usage = "vault passwd VAULT [--passphrase-file FILE --new-passphrase-file FILE]",
    .n_args = 1,
    .passphrase_help = "Read the current passphrase from FILE",
  };
  g_auto(ScCliOptions) options = { NULL };
  g_autofree char *new_file = NULL;
  g_autoptr(ScCliSecret) new_passphrase = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "new-passphrase-file", 'n', 0, G_OPTION_ARG_FILENAME, &new_file,
      "Read the new passphrase from FILE", "FILE" },
    { NULL }
  };

  if (!sc_cli_options_parse (&spec, &options, entries, NULL, &argc, &argv))
    return SC_EXIT_USAGE;

  vault = sc_cli_open_vault (argv[1], options.passphrase_file, FALSE, &error);
  if (vault == NULL)
    return sc_cli_fail (spec.command, error);
  new_passphrase = sc_cli_read_passphrase (new_file, "New passphrase: ", TRUE, &error);
  if (new_passphrase == NULL || !sc_vault_change_passphrase (vault, new_passphrase, &error))
    return sc_cli_fail (spec.command, error);

  printf ("The %s passphrase of %s was changed.\n", role_name (sc_vault_get_role (vault)),
          argv[1]);
  sc_vault_close (vault);
  return SC_EXIT_OK;
}

static int
vault_recover (int    argc,
               char **argv)
{
  static const ScCliSpec spec = {
    .command = "vault recover",
    .parameters = "VAULT — set a new implementer passphrase with the recovery key",
    .summary = "Opens VAULT with the recovery key shown when it was created and sets a\n"
               "new implementer passphrase. A new recovery key replaces the used one\n"
               "and is printed once.",
    .usage = "vault recover VAULT [--recovery-key-file FILE --new-passphrase-file FILE]",
    .n_args = 1,
  };
  g_auto(ScCliOptions) options = { NULL };
  g_autofree char *key_file = NULL;
  g_autofree char *new_file = NULL;
  g_autoptr(ScCliSecret) key = NULL;
  g_autoptr(ScCliSecret) new_passphrase = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  char *recovery = NULL;
  GOptionEntry entries[] = {
    { "recovery-key-file", 'k', 0, G_OPTION_ARG_FILENAME, &key_file,
      "Read the recovery key from FILE", "FILE" },
    { "new-passphrase-file", 'n', 0, G_OPTION_ARG_FILENAME, &new_file,
      "Read the new implementer passphrase from FILE", "FILE" },
    { NULL }
  };

  if (!sc_cli_options_parse (&spec, &options, entries, NULL, &argc, &argv))
    return SC_EXIT_USAGE;

  key = sc_cli_read_passphrase (key_file, "Recovery key: ", FALSE, &error);
  if (key == NULL)
    return sc_cli_fail (spec.command, error);
  new_passphrase = sc_cli_read_passphrase (new_file, "New implementer passphrase: ", TRUE,
                                           &error);
  if (new_passphrase == NULL)
    return sc_cli_fail (spec.command, error);

  vault = sc_vault_recover (argv[1], key, new_passphrase, &error);
  if (vault == NULL)
    return sc_cli_fail (spec.command, error);
  /* A recovery key that was typed in somewhere is no longer secret: replace it. */
  recovery = sc_vault_new_recovery_key (vault, &error);
  if (recovery == NULL)
    return sc_cli_fail (spec.command, error);

  printf ("The implementer passphrase of %s was replaced.\n", argv[1]);
  print_recovery_key (recovery);
  sc_vault_free_recovery_key (recovery);
  sc_vault_close (vault);
  return SC_EXIT_OK;
}

static int
vault_backup (int    argc,
              char **argv)
{
  static const ScCliSpec spec = {
    .command = "vault backup",
    .parameters = "VAULT DEST — copy the encrypted vault",
    .summary = "Writes an encrypted copy of VAULT to DEST atomically. To restore, open\n"
               "the copy (or copy it back).",
    .usage = "vault backup VAULT DEST [--passphrase-file FILE]",
    .n_args = 2,
    .passphrase_help = "Read the passphrase from FILE",
  };
  g_auto(ScCliOptions) options = { NULL };
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(GError) error = NULL;

  if (!sc_cli_options_parse (&spec, &options, NULL, NULL, &argc, &argv))
    return SC_EXIT_USAGE;

  /* Read-only: a backup needs no write lock, so it works while the app holds the vault
   * (every save replaces the file by a rename, so one read sees one whole save). */
  vault = sc_cli_open_vault (argv[1], options.passphrase_file, TRUE, &error);
  if (vault == NULL || !sc_vault_backup (vault, argv[2], &error))
    return sc_cli_fail (spec.command, error);
  printf ("Backed up %s to %s.\n", argv[1], argv[2]);
  sc_vault_close (vault);
  return SC_EXIT_OK;
}

static int
vault_set_hr (int    argc,
              char **argv)
{
  static const ScCliSpec spec = {
    .command = "vault set-hr-passphrase",
    .parameters = "VAULT — add or replace the HR passphrase",
    .summary = "The implementer gives HR (事業者側の実務担当者) a passphrase of its own. HR\n"
               "sees the roster, who answered, and only the results employees agreed\n"
               "to share or for which they asked for an interview.",
    .usage = "vault set-hr-passphrase VAULT [--passphrase-file FILE --hr-passphrase-file FILE]",
    .n_args = 1,
    .passphrase_help = "Read the implementer passphrase from FILE",
    .hr_passphrase_help = "Read the new HR passphrase from FILE",
  };
  g_auto(ScCliOptions) options = { NULL };
  g_autoptr(ScCliSecret) hr_passphrase = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(GError) error = NULL;

  if (!sc_cli_options_parse (&spec, &options, NULL, NULL, &argc, &argv))
    return SC_EXIT_USAGE;

  vault = sc_cli_open_vault (argv[1], options.passphrase_file, FALSE, &error);
  if (vault == NULL)
    return sc_cli_fail (spec.command, error);
  hr_passphrase = sc_cli_read_passphrase (options.hr_passphrase_file, "New HR passphrase: ",
                                          TRUE, &error);
  if (hr_passphrase == NULL || !sc_vault_set_hr_passphrase (vault, hr_passphrase, &error))
    return sc_cli_fail (spec.command, error);
  printf ("The HR passphrase of %s was set.\n", argv[1]);
  sc_vault_close (vault);
  return SC_EXIT_OK;
}

static const ScCliCommand vault_commands[] = {
  { "create", vault_create, "Create a new vault and print its recovery key" },
  { "verify", vault_verify, "Check that a vault opens and is intact" },
  { "passwd", vault_passwd, "Change the implementer's or HR's passphrase" },
  { "recover", vault_recover, "Set a new implementer passphrase with the recovery key" },
  { "backup", vault_backup, "Write an encrypted copy of the vault" },
  { "set-hr-passphrase", vault_set_hr, "Add or replace the HR passphrase" },
};

int
sc_cli_vault (int    argc,
              char **argv)
{
  return sc_cli_dispatch ("vault", vault_commands, G_N_ELEMENTS (vault_commands), argc, argv);
}
