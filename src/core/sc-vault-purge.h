/* sc-vault-purge.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Retention and purge (issue 11 §7). The records of a round (consent, results,
 * interview records) are kept 5 years (安衛則52条の13 and 52条の18, spec/bjsq-spec.md
 * "Record retention", spec/forms-and-workflow.md "Legal minimum for the record"). A
 * round whose end date lies more than 5 years before today may be purged by the
 * implementer: every row of it is deleted in one transaction with secure_delete on, the
 * database is rebuilt (VACUUM) so that no free page still holds it, and the vault file is
 * rewritten by the normal atomic save, which replaces the old file. Older backups still
 * hold the data until they are deleted; the user interface says so.
 *
 * Employees who have left (active = 0) and whose only records were in the purged round
 * are removed from the roster with it: once their records are gone, the roster row is
 * the last personal data the round left behind. Active employees stay on the roster.
 *
 * The audit log keeps its entries (the hash chain must stay whole); they hold only
 * action names and internal row ids, never personal data, and the purge itself is
 * logged as "round.purge" with the round's id.
 */
#pragma once

#include <gio/gio.h>

#include "sc-vault.h"

G_BEGIN_DECLS

/* Years the records of a round are kept. */
#define SC_VAULT_RETENTION_YEARS 5

/**
 * sc_vault_round_retention_end:
 * @out_date: (out): the last day the round's records must be kept: its end date (or
 *   its start date, or the day it was created, when no period was given) plus
 *   %SC_VAULT_RETENTION_YEARS years
 */
void          sc_vault_round_retention_end   (const ScVaultRound  *round,
                                              GDate               *out_date);

/* Today's date where the computer is. */
void          sc_vault_local_today           (GDate               *out);

/* Whether @round's retention period ended before @today (%NULL: the local date now),
 * by its period alone. */
gboolean      sc_vault_round_is_purgeable    (const ScVaultRound  *round,
                                              const GDate         *today);

/**
 * sc_vault_get_retention_end:
 * @out_date: (out): the later of sc_vault_round_retention_end() and the day the round's
 *   last record was made or changed (an answer, a consent, an interview request, an
 *   interview record or measures saved, a result kept, a reminder) plus
 *   %SC_VAULT_RETENTION_YEARS years: an interview held after the round ended is kept its
 *   own 5 years
 *
 * Implementer only. This is the end the purge goes by.
 */
gboolean      sc_vault_get_retention_end     (ScVault             *vault,
                                              const ScVaultRound  *round,
                                              GDate               *out_date,
                                              GError             **error);

/**
 * sc_vault_list_purgeable_rounds:
 * @today: (nullable): %NULL for the local date now
 *
 * Implementer only: the rounds whose sc_vault_get_retention_end() lies before @today.
 * Returns: (element-type ScVaultRound) (transfer full): oldest first, or %NULL.
 */
GPtrArray    *sc_vault_list_purgeable_rounds (ScVault             *vault,
                                              const GDate         *today,
                                              GError             **error);

/**
 * sc_vault_purge_round:
 * @out_removed_employees: (out) (optional): how many employees who had left were
 *   removed from the roster with the round
 *
 * Implementer only; INVALID when the round is still within its retention period.
 * Deletes the round and everything of it (access codes, partial answers, submissions,
 * consent, results kept for the employee, interview records, paper forms, reminders,
 * released analyses, their signatures), logs "round.purge", rebuilds the database and
 * saves. Slow (a full rebuild and save): use sc_vault_purge_round_async() from a user
 * interface.
 */
gboolean      sc_vault_purge_round           (ScVault             *vault,
                                              gint64               round_id,
                                              guint               *out_removed_employees,
                                              GError             **error);

/* sc_vault_purge_round() in a worker thread (sc-vault-async.h). */
void          sc_vault_purge_round_async     (ScVault             *vault,
                                              gint64               round_id,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);

gboolean      sc_vault_purge_round_finish    (ScVault             *vault,
                                              GAsyncResult        *result,
                                              guint               *out_removed_employees,
                                              GError             **error);

/* Test hook: a copy of the decrypted database as sqlite3_serialize() gives it, so a
 * test can search it for purged data. SECURITY: tests only; never call it elsewhere. */
GBytes       *sc_vault_test_serialize_db     (ScVault             *vault);

G_END_DECLS
