/* sc-vault-async.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one way to run vault work that can block off the main thread: Argon2id (creating,
 * opening, unlocking, passphrase checks) and durable saves (every change that is written
 * to disk before it returns). Each _async function runs its synchronous twin from
 * sc-vault.h in a worker thread (GTask) and calls back in the caller's thread-default
 * main context; the matching _finish function gives the result or the error.
 *
 * THREADING RULE. An ScVault is not thread-safe. From the moment an _async function is
 * called on a vault until its callback runs:
 *   - the task owns the vault: it holds a reference and is the only code that uses the
 *     vault's database and keys, on the worker thread;
 *   - the thread that started the task (the main thread in the application) must not use
 *     the vault: store calls fail with SC_VAULT_ERROR_BUSY, sc_vault_unlock() too, and
 *     sc_vault_is_busy() says %TRUE. sc_vault_lock() and sc_vault_close() are not
 *     refused but deferred: the vault is locked or closed as soon as the task is done,
 *     before the callback runs;
 *   - property notifications (ScVault:role) are held back and emitted on the starting
 *     thread when the task is done, so handlers never run on the worker thread;
 *   - the user interface shows busy state (a spinner, insensitive controls) and starts no
 *     second task on the same vault.
 * Only one task may run on a vault at a time. Cancelling @cancellable does not stop the
 * work, which is never cut short half-way through a save: the callback gets the real
 * result.
 *
 * Secrets passed in (passphrases) are copied into guarded memory at once, so the caller
 * may wipe its own copy as soon as the _async function returns.
 */
#pragma once

#include <gio/gio.h>

#include "sc-vault.h"

G_BEGIN_DECLS

/* %TRUE from an _async call on @vault until the task is done (before its callback). */
gboolean      sc_vault_is_busy                (ScVault              *vault);

/**
 * sc_vault_create_async:
 * @limits: (nullable): %NULL for sc_vault_kdf_limits_default()
 *
 * sc_vault_create() in a worker thread.
 */
void          sc_vault_create_async           (const char           *path,
                                               const char           *implementer_passphrase,
                                               const ScVaultKdfLimits *limits,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);

/* sc_vault_create_async(), then the creator gets @name (sc_vault_rename_person();
 * INVALID before anything is made when it cannot be a name; %NULL keeps the default
 * name). Finish with sc_vault_create_finish(). */
void          sc_vault_create_named_async     (const char           *path,
                                               const char           *name,
                                               const char           *implementer_passphrase,
                                               const ScVaultKdfLimits *limits,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);

/**
 * sc_vault_create_finish:
 * @out_recovery_key: (out) (transfer full): the recovery key to show once; free it with
 *   sc_vault_free_recovery_key()
 *
 * Returns: (transfer full): the new vault, open with the implementer role, or %NULL.
 */
ScVault      *sc_vault_create_finish          (GAsyncResult         *result,
                                               char                **out_recovery_key,
                                               GError              **error);

/* sc_vault_open() in a worker thread; the Argon2id limits are those stored in the vault. */
void          sc_vault_open_async             (const char           *path,
                                               const char           *passphrase,
                                               ScVaultOpenFlags      flags,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);

/* Returns: (transfer full): the vault, with the role the passphrase gives, or %NULL. */
ScVault      *sc_vault_open_finish            (GAsyncResult         *result,
                                               GError              **error);

/* sc_vault_unlock() of a locked vault in a worker thread. */
void          sc_vault_unlock_async           (ScVault              *vault,
                                               const char           *passphrase,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);

gboolean      sc_vault_unlock_finish          (ScVault              *vault,
                                               GAsyncResult         *result,
                                               GError              **error);

/* sc_vault_change_passphrase() in a worker thread (Argon2id, then a header save). */
void          sc_vault_change_passphrase_async (ScVault             *vault,
                                               const char           *new_passphrase,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);

gboolean      sc_vault_change_passphrase_finish (ScVault            *vault,
                                               GAsyncResult         *result,
                                               GError              **error);

/* sc_vault_rotate_keys() in a worker thread (Argon2id for each slot, then a full save);
 * _finish hands over the new recovery key (free it with sc_vault_free_recovery_key()). */
void          sc_vault_rotate_keys_async      (ScVault              *vault,
                                               const char           *implementer_passphrase,
                                               const char           *hr_passphrase,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);

gboolean      sc_vault_rotate_keys_finish     (ScVault              *vault,
                                               GAsyncResult         *result,
                                               char                **out_recovery_key,
                                               GError              **error);

/* sc_vault_enter_kiosk() in a worker thread (it saves the audit entry durably). */
void          sc_vault_enter_kiosk_async      (ScVault              *vault,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);

gboolean      sc_vault_enter_kiosk_finish     (ScVault              *vault,
                                               GAsyncResult         *result,
                                               GError              **error);

/* sc_vault_leave_kiosk() in a worker thread (a passphrase check, then a save). */
void          sc_vault_leave_kiosk_async      (ScVault              *vault,
                                               const char           *passphrase,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);

gboolean      sc_vault_leave_kiosk_finish     (ScVault              *vault,
                                               GAsyncResult         *result,
                                               GError              **error);

/**
 * sc_vault_create_round_async:
 * @period_start: (nullable): YYYY-MM-DD
 * @period_end: (nullable): YYYY-MM-DD
 * @criteria: (nullable): copied; %NULL for the defaults
 *
 * sc_vault_create_round() in a worker thread.
 */
void          sc_vault_create_round_async     (ScVault              *vault,
                                               const char           *name,
                                               const char           *period_start,
                                               const char           *period_end,
                                               const ScCriteria     *criteria,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);

/* Returns: the new round's id, or 0 with @error set. */
gint64        sc_vault_create_round_finish    (ScVault              *vault,
                                               GAsyncResult         *result,
                                               GError              **error);

/* sc_vault_close_round() in a worker thread. */
void          sc_vault_close_round_async      (ScVault              *vault,
                                               gint64                round_id,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);

gboolean      sc_vault_close_round_finish     (ScVault              *vault,
                                               GAsyncResult         *result,
                                               GError              **error);

/* sc_vault_update_round() in a worker thread. */
void          sc_vault_update_round_async     (ScVault              *vault,
                                               gint64                round_id,
                                               const char           *name,
                                               const char           *period_start,
                                               const char           *period_end,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);

gboolean      sc_vault_update_round_finish    (ScVault              *vault,
                                               GAsyncResult         *result,
                                               GError              **error);

/* sc_vault_reopen_round() in a worker thread. */
void          sc_vault_reopen_round_async     (ScVault              *vault,
                                               gint64                round_id,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);

gboolean      sc_vault_reopen_round_finish    (ScVault              *vault,
                                               GAsyncResult         *result,
                                               GError              **error);

/* sc_vault_set_round_criteria() in a worker thread. */
void          sc_vault_set_round_criteria_async (ScVault            *vault,
                                               gint64                round_id,
                                               const ScCriteria     *criteria,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);

gboolean      sc_vault_set_round_criteria_finish (ScVault           *vault,
                                               GAsyncResult         *result,
                                               GError              **error);

/**
 * sc_vault_issue_codes_async:
 * @numbers: (nullable) (array zero-terminated=1): reissue to these employees (their old
 *   codes stop working); %NULL issues codes to every active employee without one
 *
 * Issues access codes in a worker thread (sc_vault_issue_access_codes_full() or
 * sc_vault_issue_missing_access_codes_full()).
 */
void          sc_vault_issue_codes_async      (ScVault              *vault,
                                               gint64                round_id,
                                               const char * const   *numbers,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);

/* Returns: (transfer full): the "number,name,code" rows ("" when nobody needed one), in
 * guarded memory: the only copy of the new codes. SECURITY: free it with sc_secure_free()
 * (which wipes it) as soon as the slips are out. %NULL with @error on failure. */
char         *sc_vault_issue_codes_finish     (ScVault              *vault,
                                               GAsyncResult         *result,
                                               GError              **error);

/* sc_vault_accept_restore() in a worker thread (it saves durably). */
void          sc_vault_accept_restore_async   (ScVault              *vault,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);

gboolean      sc_vault_accept_restore_finish  (ScVault              *vault,
                                               GAsyncResult         *result,
                                               GError              **error);

/* sc_vault_lift_lockout() in a worker thread (it saves durably). */
void          sc_vault_lift_lockout_async     (ScVault              *vault,
                                               gint64                round_id,
                                               const char           *employee_number,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);

gboolean      sc_vault_lift_lockout_finish    (ScVault              *vault,
                                               GAsyncResult         *result,
                                               GError              **error);

/**
 * sc_vault_close_async:
 *
 * sc_vault_close() in a worker thread: pending audit entries are saved durably, then the
 * keys and the database are wiped and the write lock released. When nothing is pending
 * the vault is closed before this returns (no worker is needed); otherwise it is closed
 * when the callback runs, whatever the result. An error means that the pending entries
 * could not be saved.
 */
void          sc_vault_close_async            (ScVault              *vault,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);

gboolean      sc_vault_close_finish           (ScVault              *vault,
                                               GAsyncResult         *result,
                                               GError              **error);

/**
 * sc_demo_vault_create_async:
 * @path: where the demo vault goes; nothing may be there, its folder must exist
 * @report_path: (nullable): where the report (the demo passphrases and access codes) is
 *   kept with mode 0600, or %NULL
 *
 * sc_demo_create() in a worker thread: Argon2id and a few dozen durable saves.
 */
void          sc_demo_vault_create_async      (const char           *path,
                                               const ScVaultKdfLimits *limits,
                                               const char           *report_path,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);

gboolean      sc_demo_vault_create_finish     (GAsyncResult         *result,
                                               GError              **error);

/* sc_vault_set_setting() in a worker thread (validated, audited, saved durably). */
void          sc_vault_set_setting_async      (ScVault              *vault,
                                               const char           *key,
                                               const char           *value,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean      sc_vault_set_setting_finish     (ScVault              *vault,
                                               GAsyncResult         *result,
                                               GError              **error);

/* sc_vault_backup() in a worker thread (copy, fsync, read back, record). */
void          sc_vault_backup_async           (ScVault              *vault,
                                               const char           *dest_path,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean      sc_vault_backup_finish          (ScVault              *vault,
                                               GAsyncResult         *result,
                                               GError              **error);

/* sc_vault_restore_backup() in a worker thread; @vault is locked when it succeeds. */
void          sc_vault_restore_backup_async   (ScVault              *vault,
                                               const char           *backup_path,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean      sc_vault_restore_backup_finish  (ScVault              *vault,
                                               GAsyncResult         *result,
                                               GError              **error);

G_END_DECLS
