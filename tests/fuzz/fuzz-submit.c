/* fuzz-submit.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target for the path of `stresscheck-cli submit`: a respondent CSV read into
 * a real vault (sc_vault_submit(): look-up of the employee number, the round's period and
 * criteria, scoring, sealing, a durable save). Any bytes must give stored submissions or
 * errors fit to show, never a crash; every stored submission must read back with the same
 * answers.
 *
 * One vault (minimum Argon2id limits) is made at start-up in a temporary folder, with
 * employees whose numbers short inputs hit ("1", "2", "A"…); each input gets a new round
 * so that earlier submissions do not shadow later ones.
 */
#define G_LOG_DOMAIN "fuzz-submit"

#include "config.h"

#include "sc-cli-input.h"
#include "sc-employee.h"
#include "sc-vault.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ROWS 8

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static ScVault *vault;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  static const char * const numbers[] = { "1", "2", "3", "A", "001", "社員1" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) roster = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_employee_free);
  g_autofree char *dir = g_dir_make_tmp ("fuzz-submit-XXXXXX", &error);
  g_autofree char *path = NULL;
  char *recovery = NULL;

  if (dir == NULL)
    abort ();
  path = g_build_filename (dir, "fuzz.scvault", NULL);
  vault = sc_vault_create (path, "fuzz passphrase 1", sc_vault_kdf_limits_for_testing (),
                           &recovery, &error);
  if (vault == NULL)
    abort ();
  sc_vault_free_recovery_key (recovery);
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      ScEmployee *e = sc_employee_new ();

      e->number = g_strdup (numbers[i]);
      e->name = g_strdup_printf ("Person %u", i);
      e->sex = i % 2 ? SC_SEX_FEMALE : SC_SEX_MALE;
      g_ptr_array_add (roster, e);
    }
  if (!sc_vault_upsert_employees (vault, roster, &error))
    abort ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  ScRespondentInput input;
  ScRespondentRow row;
  gint64 round_id;
  guint n = 0;

  if (!sc_respondent_input_open_bytes (&input, bytes, NULL, FALSE, &error))
    return 0;
  round_id = sc_vault_create_round (vault, "fuzz", NULL, NULL, NULL, &error);
  if (round_id == 0)
    abort ();

  while (n++ < MAX_ROWS && sc_respondent_input_next (&input, &row, &error))
    {
      g_autoptr(GError) row_error = NULL;
      g_autofree char *number = g_strndup (row.id, row.id_len);
      ScVaultResult stored;
      ScResult result;
      gint64 id;

      id = sc_vault_submit (vault, round_id, number, row.answers, row.sex, &result, &row_error);
      if (id == 0)
        {
          /* Refused: a message fit to show, and never a broken vault. */
          if (row_error == NULL || row_error->domain != SC_VAULT_ERROR
              || row_error->message[0] == '\0'
              || row_error->code == SC_VAULT_ERROR_DAMAGED
              || sc_vault_get_role (vault) != SC_VAULT_ROLE_IMPLEMENTER)
            abort ();
          continue;
        }
      if (!sc_vault_read_result (vault, id, &stored, &row_error)
          || !stored.has_answers
          || memcmp (stored.answers, row.answers, sizeof row.answers) != 0)
        abort ();
    }
  sc_respondent_input_clear (&input);
  return 0;
}
