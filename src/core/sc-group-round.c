/* sc-group-round.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A round's questionnaires with their roster entries, opened once (every sealed result of
 * the round), so that the analysis screen can group them again and again without going
 * back to the vault (sc-group-table.h).
 */
#define G_LOG_DOMAIN "sc-group"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-group-table.h"
#include "sc-secure.h"
#include "sc-vault-private.h"
#include "sc-workspace.h"

struct _ScGroupRound
{
  GPtrArray    *employees;   /* ScEmployee: the roster, and entries made for people gone */
  ScGroupInput *inputs;
  gsize         n;
};

void
sc_group_round_free (ScGroupRound *round)
{
  if (round == NULL)
    return;
  /* SECURITY: the results are personal data. */
  if (round->inputs != NULL)
    sc_secure_wipe (round->inputs, sizeof *round->inputs * MAX (round->n, 1));
  g_free (round->inputs);
  g_clear_pointer (&round->employees, g_ptr_array_unref);
  g_free (round);
}

ScGroupRound *
sc_group_round_load (ScVault  *vault,
                     gint64    round_id,
                     GError  **error)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GHashTable) by_number = NULL;
  g_autoptr(ScGroupRound) round = NULL;
  guint n_roster;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  if (sc_vault_get_role (vault) != SC_VAULT_ROLE_IMPLEMENTER)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION,
                           _("Only the implementer can make a group analysis."));
      return NULL;
    }
  round = g_new0 (ScGroupRound, 1);
  round->employees = sc_vault_list_employees (vault, error);
  if (round->employees == NULL)
    return NULL;
  results = sc_vault_list_results (vault, round_id, error);
  if (results == NULL)
    return NULL;

  n_roster = round->employees->len;
  by_number = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n_roster; i++)
    {
      ScEmployee *e = g_ptr_array_index (round->employees, i);

      g_hash_table_insert (by_number, e->number, e);
    }
  round->n = results->len;
  round->inputs = g_new0 (ScGroupInput, results->len > 0 ? results->len : 1);
  for (guint i = 0; i < results->len; i++)
    {
      ScResultRow *r = g_ptr_array_index (results, i);
      ScEmployee *e = g_hash_table_lookup (by_number, r->number);

      if (e == NULL)
        {
          /* Not on the roster any more: the result row still knows the department. */
          e = sc_employee_new ();
          e->department = g_strdup (r->department);
          e->sex = r->sex;
          g_ptr_array_add (round->employees, e);
        }
      round->inputs[i].employee = e;
      round->inputs[i].age = r->age;
      round->inputs[i].result = r->result;
      round->inputs[i].result.complete = r->complete;
    }
  return g_steal_pointer (&round);
}

ScGroupTable *
sc_group_round_analyse (const ScGroupRound       *round,
                        const ScGrouping         *grouping,
                        const ScChartConstantSet *constants,
                        GError                  **error)
{
  g_return_val_if_fail (round != NULL, NULL);
  g_return_val_if_fail (grouping != NULL, NULL);

  return sc_group_table_new (round->inputs, round->n, grouping, SC_GROUP_MIN_SIZE_DEFAULT,
                             constants, error);
}

typedef struct
{
  gint64        round_id;
  ScGroupRound *round;
} LoadArgs;

static void
load_args_free (gpointer data)
{
  LoadArgs *a = data;

  g_clear_pointer (&a->round, sc_group_round_free);
  g_free (a);
}

static gboolean
load_work (ScVault  *vault,
           gpointer  data,
           GError  **error)
{
  LoadArgs *a = data;

  a->round = sc_group_round_load (vault, a->round_id, error);
  return a->round != NULL;
}

void
sc_group_round_load_async (ScVault             *vault,
                           gint64               round_id,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  LoadArgs *a = g_new0 (LoadArgs, 1);

  g_return_if_fail (SC_IS_VAULT (vault));

  a->round_id = round_id;
  _sc_vault_run_work_async (vault, load_work, a, load_args_free, sc_group_round_load_async,
                            cancellable, callback, user_data);
}

ScGroupRound *
sc_group_round_load_finish (ScVault       *vault,
                            GAsyncResult  *result,
                            GError       **error)
{
  LoadArgs *a;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);
  a = _sc_vault_run_work_finish (vault, result, sc_group_round_load_async, error);
  return a != NULL ? g_steal_pointer (&a->round) : NULL;
}
