/* sc-group-constants.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The judgement-chart constants the implementer chose for the group analysis, kept in
 * the vault setting SC_VAULT_SETTING_CHART_CONSTANTS (sc-group-table.h).
 */
#define G_LOG_DOMAIN "sc-group"

#include "config.h"

#include "sc-group-table.h"
#include "sc-vault-private.h"

ScChartConstantSet *
sc_group_get_chart_constants (ScVault  *vault,
                              GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *value = NULL;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  value = sc_vault_get_setting (vault, SC_VAULT_SETTING_CHART_CONSTANTS, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return sc_chart_constant_set_from_setting (value, error);
}

gboolean
sc_group_set_chart_constants (ScVault                  *vault,
                              const ScChartConstantSet *set,
                              GError                  **error)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);
  g_return_val_if_fail (set != NULL, FALSE);

  value = sc_chart_constant_set_to_setting (set);
  /* Audited as "settings.set" by the vault. */
  return sc_vault_set_setting (vault, SC_VAULT_SETTING_CHART_CONSTANTS, value, error);
}

static gboolean
set_work (ScVault  *vault,
          gpointer  data,
          GError  **error)
{
  return sc_group_set_chart_constants (vault, data, error);
}

void
sc_group_set_chart_constants_async (ScVault                  *vault,
                                    const ScChartConstantSet *set,
                                    GCancellable             *cancellable,
                                    GAsyncReadyCallback       callback,
                                    gpointer                  user_data)
{
  g_return_if_fail (SC_IS_VAULT (vault));
  g_return_if_fail (set != NULL);

  _sc_vault_run_work_async (vault, set_work, sc_chart_constant_set_copy (set),
                            (GDestroyNotify) sc_chart_constant_set_free,
                            sc_group_set_chart_constants_async, cancellable, callback,
                            user_data);
}

gboolean
sc_group_set_chart_constants_finish (ScVault       *vault,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (SC_IS_VAULT (vault), FALSE);
  return _sc_vault_run_work_finish (vault, result, sc_group_set_chart_constants_async,
                                    error) != NULL;
}
