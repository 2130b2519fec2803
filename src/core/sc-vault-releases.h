/* sc-vault-releases.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Group analyses released to HR (集団分析結果の事業者への提供). The implementer releases
 * a snapshot of a shown analysis (sc_group_table_to_json(): never a suppressed figure);
 * it is sealed to HR's public key and stored with its round, title, date and who
 * released it. HR lists and opens released analyses only, read-only. The implementer can
 * withdraw a release: its snapshot is erased, the row stays for the record, and both
 * steps are written to the audit log.
 *
 * SECURITY: HR opens snapshots with HR's own secret key; nothing about a group is
 * sealed to HR unless the implementer released it, so HR's key opens nothing else.
 */
#pragma once

#include <gio/gio.h>

#include "sc-vault.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  gint64  round_id;
  char   *title;
  char   *released_by;
  gint64  released_at;    /* Unix time */
  gint64  withdrawn_at;   /* 0 while released */
} ScVaultRelease;

void          sc_vault_release_free       (ScVaultRelease     *release);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScVaultRelease, sc_vault_release_free)

/**
 * sc_vault_release_analysis:
 * @snapshot: the UTF-8 text released (sc_group_table_to_json())
 * @released_by: the name of the person releasing it, shown to HR
 *
 * Implementer only; the vault must have an HR key. Audited as "analysis.release".
 * Returns: the release id, or 0 with @error set.
 */
gint64        sc_vault_release_analysis   (ScVault            *vault,
                                           gint64              round_id,
                                           const char         *title,
                                           const char         *released_by,
                                           const char         *snapshot,
                                           GError            **error);

/**
 * sc_vault_list_releases:
 * Implementer: every release, withdrawn ones included. HR: the releases in force only.
 * Returns: (transfer full) (element-type ScVaultRelease): newest first.
 */
GPtrArray    *sc_vault_list_releases      (ScVault            *vault,
                                           GError            **error);

/**
 * sc_vault_open_release:
 * Implementer or HR: the snapshot of a release in force, opened with HR's key (which
 * the implementer also holds). NOT_FOUND for an unknown or withdrawn release; DAMAGED
 * when the blob does not open or belongs to another release. Audited ("analysis.open").
 * Returns: (transfer full): the snapshot text.
 */
char         *sc_vault_open_release       (ScVault            *vault,
                                           gint64              release_id,
                                           GError            **error);

/* Implementer only: erases the snapshot; audited as "analysis.withdraw". */
gboolean      sc_vault_withdraw_release   (ScVault            *vault,
                                           gint64              release_id,
                                           GError            **error);

/* The twins that run in the vault's worker thread (the durable save is slow); the
 * threading rule of sc-vault-async.h applies. */
void          sc_vault_release_analysis_async  (ScVault            *vault,
                                                gint64              round_id,
                                                const char         *title,
                                                const char         *released_by,
                                                const char         *snapshot,
                                                GCancellable       *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer            user_data);
gint64        sc_vault_release_analysis_finish (ScVault            *vault,
                                                GAsyncResult       *result,
                                                GError            **error);
void          sc_vault_withdraw_release_async  (ScVault            *vault,
                                                gint64              release_id,
                                                GCancellable       *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer            user_data);
gboolean      sc_vault_withdraw_release_finish (ScVault            *vault,
                                                GAsyncResult       *result,
                                                GError            **error);

G_END_DECLS
