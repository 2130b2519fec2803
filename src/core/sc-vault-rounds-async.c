/* sc-vault-rounds-async.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The _async/_finish twins of editing rounds and issuing access codes (sc-vault-async.h),
 * each run in the vault's worker thread through _sc_vault_run_work_async().
 */
#define G_LOG_DOMAIN "sc-vault"

#include "config.h"

#include <string.h>

#include "sc-vault-async.h"
#include "sc-vault-private.h"
#include "sc-secure.h"

typedef struct
{
  gint64      round_id;
  char       *name;
  char       *period_start;
  char       *period_end;
  ScCriteria  criteria;
  GStrv       numbers;
  char       *codes;          /* SECURITY: guarded memory (sc_secure_alloc) */
} Args;

static void
args_free (gpointer data)
{
  Args *a = data;

  g_free (a->name);
  g_free (a->period_start);
  g_free (a->period_end);
  g_strfreev (a->numbers);
  sc_secure_free (a->codes);
  g_free (a);
}

static Args *
args_new (gint64 round_id)
{
  Args *a = g_new0 (Args, 1);

  a->round_id = round_id;
  return a;
}

/* ---- Period ----------------------------------------------------------------------- */

static gboolean
update_work (ScVault *vault, gpointer data, GError **error)
{
  Args *a = data;

  return sc_vault_update_round (vault, a->round_id, a->name, a->period_start, a->period_end,
                                error);
}

void
sc_vault_update_round_async (ScVault             *vault,
                             gint64               round_id,
                             const char          *name,
                             const char          *period_start,
                             const char          *period_end,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  Args *a = args_new (round_id);

  a->name = g_strdup (name);
  a->period_start = g_strdup (period_start);
  a->period_end = g_strdup (period_end);
  _sc_vault_run_work_async (vault, update_work, a, args_free, sc_vault_update_round_async,
                            cancellable, callback, user_data);
}

gboolean
sc_vault_update_round_finish (ScVault *vault, GAsyncResult *result, GError **error)
{
  return _sc_vault_run_work_finish (vault, result, sc_vault_update_round_async, error) != NULL;
}

/* ---- Reopen ----------------------------------------------------------------------- */

static gboolean
reopen_work (ScVault *vault, gpointer data, GError **error)
{
  return sc_vault_reopen_round (vault, ((Args *) data)->round_id, error);
}

void
sc_vault_reopen_round_async (ScVault             *vault,
                             gint64               round_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  _sc_vault_run_work_async (vault, reopen_work, args_new (round_id), args_free,
                            sc_vault_reopen_round_async, cancellable, callback, user_data);
}

gboolean
sc_vault_reopen_round_finish (ScVault *vault, GAsyncResult *result, GError **error)
{
  return _sc_vault_run_work_finish (vault, result, sc_vault_reopen_round_async, error) != NULL;
}

/* ---- Criteria --------------------------------------------------------------------- */

static gboolean
criteria_work (ScVault *vault, gpointer data, GError **error)
{
  Args *a = data;

  return sc_vault_set_round_criteria (vault, a->round_id, &a->criteria, error);
}

void
sc_vault_set_round_criteria_async (ScVault             *vault,
                                   gint64               round_id,
                                   const ScCriteria    *criteria,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  Args *a = args_new (round_id);

  g_return_if_fail (criteria != NULL);
  a->criteria = *criteria;
  _sc_vault_run_work_async (vault, criteria_work, a, args_free,
                            sc_vault_set_round_criteria_async, cancellable, callback,
                            user_data);
}

gboolean
sc_vault_set_round_criteria_finish (ScVault *vault, GAsyncResult *result, GError **error)
{
  return _sc_vault_run_work_finish (vault, result, sc_vault_set_round_criteria_async,
                                    error) != NULL;
}

/* ---- Access codes ----------------------------------------------------------------- */

/* SECURITY: the slips go straight from the issuing call's buffer (wiped by it) into
 * guarded memory, the only copy, which the caller wipes when the codes were shown. */
static gboolean
keep_codes_cb (const char  *csv,
               gsize        len,
               gpointer     user_data,
               GError     **error)
{
  Args *a = user_data;

  a->codes = sc_secure_alloc (len + 1);
  if (a->codes == NULL)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NO_SPACE,
                           "There is not enough protected memory for the access codes.");
      return FALSE;
    }
  memcpy (a->codes, csv, len);
  a->codes[len] = '\0';
  return TRUE;
}

static gboolean
codes_work (ScVault *vault, gpointer data, GError **error)
{
  Args *a = data;
  g_autoptr(GPtrArray) employees = sc_vault_list_employees (vault, error);
  g_autoptr(GPtrArray) chosen = NULL;

  if (employees == NULL)
    return FALSE;
  if (a->numbers == NULL)
    return sc_vault_issue_missing_access_codes_full (vault, a->round_id, employees,
                                                     keep_codes_cb, a, error);
  chosen = g_ptr_array_new ();
  for (guint i = 0; i < employees->len; i++)
    {
      ScEmployee *e = g_ptr_array_index (employees, i);

      if (g_strv_contains ((const char * const *) a->numbers, e->number))
        g_ptr_array_add (chosen, e);
    }
  return sc_vault_issue_access_codes_full (vault, a->round_id, chosen, keep_codes_cb, a,
                                           error);
}

void
sc_vault_issue_codes_async (ScVault             *vault,
                            gint64               round_id,
                            const char * const  *numbers,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  Args *a = args_new (round_id);

  a->numbers = g_strdupv ((char **) numbers);
  _sc_vault_run_work_async (vault, codes_work, a, args_free, sc_vault_issue_codes_async,
                            cancellable, callback, user_data);
}

char *
sc_vault_issue_codes_finish (ScVault       *vault,
                             GAsyncResult  *result,
                             GError       **error)
{
  Args *a = _sc_vault_run_work_finish (vault, result, sc_vault_issue_codes_async, error);

  if (a == NULL)
    return NULL;
  return g_steal_pointer (&a->codes);
}
