/* sc-constants-row.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The judgement-chart constants in use, in one row that the Group Analysis section and
 * the Settings page both show: the set's name, its source and 要確認 when it is not
 * verified; for the implementer a choice of the built-in sets and "Load from File…" for a
 * checked set (JSON or the key file of sc-chart-constants.h, validated by the core). The
 * choice is stored in the vault setting SC_VAULT_SETTING_CHART_CONSTANTS through the
 * core's async path (audited) and announced with a toast; HR sees the row read-only.
 */
#pragma once

#include <adwaita.h>

#include "sc-vault.h"
#include "sc-chart-constants.h"

G_BEGIN_DECLS

#define SC_TYPE_CONSTANTS_ROW (sc_constants_row_get_type ())
G_DECLARE_FINAL_TYPE (ScConstantsRow, sc_constants_row, SC, CONSTANTS_ROW, AdwActionRow)

GtkWidget                *sc_constants_row_new           (ScVault         *vault);

/* The set in use (as stored in the vault). */
const ScChartConstantSet *sc_constants_row_get_set       (ScConstantsRow  *self);

/* Reads the choice from the vault again. */
void                      sc_constants_row_reload        (ScConstantsRow  *self);

/* Validates @data as a constants file (core rules) and, when good, stores it as the choice;
 * a bad file leaves the choice alone and sends a toast naming the problem. What "Load
 * from File…" does with the chosen file's contents. Returns: whether it was valid. */
gboolean                  sc_constants_row_load_data     (ScConstantsRow  *self,
                                                          const char      *data,
                                                          gsize            len);

/* Stores the built-in set @id as the choice. */
void                      sc_constants_row_choose_builtin (ScConstantsRow *self,
                                                           const char     *id);

/* Whether a save runs. */
gboolean                  sc_constants_row_get_busy      (ScConstantsRow  *self);

/* The set's name in the user interface's language (built-in sets are translated; a
 * loaded set keeps its own name). */
const char               *sc_constants_row_set_name      (const ScChartConstantSet *set);

G_END_DECLS
