/* sc-vault.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The encrypted vault (*.scvault, DESIGN.md §2): one file holding the roster, rounds,
 * sealed answers and results, consent, interviews, settings and the audit log.
 *
 * The database lives in memory; every change is committed and then written durably as
 * header ‖ XChaCha20-Poly1305(body) to a temporary file that replaces the vault. A random
 * data key encrypts the body and is wrapped in key slots (implementer passphrase,
 * recovery key, optional HR passphrase). Individual answers and results are sealed to the
 * implementer's public key, and to HR's only when the employee agreed or asked for an
 * interview, so the role a slot unlocks is enforced by cryptography.
 *
 * THREADING. An ScVault is not thread-safe: use it from one thread at a time. Work that
 * can block (Argon2id, durable saves) runs off the main thread only through the
 * _async/_finish functions of sc-vault-async.h, which run in a worker thread (GTask)
 * that owns the vault until it is done. Until the callback, the thread that started the
 * task does not touch the vault: store calls fail with SC_VAULT_ERROR_BUSY, a lock or
 * close waits for the task, and notifications are held back and emitted on that thread
 * afterwards. The user interface shows busy state meanwhile. The rule in full is in
 * sc-vault-async.h.
 */
#pragma once

#include <glib-object.h>

#include "sc-bjsq.h"
#include "sc-employee.h"
#include "sc-score.h"

G_BEGIN_DECLS

#define SC_VAULT_ERROR (sc_vault_error_quark ())

typedef enum
{
  SC_VAULT_ERROR_WRONG_PASSPHRASE,  /* no slot opens with this passphrase or recovery key */
  SC_VAULT_ERROR_DAMAGED,           /* changed, truncated or appended bytes; not a vault */
  SC_VAULT_ERROR_NEWER_VERSION,     /* made by a newer Stress Check */
  SC_VAULT_ERROR_LOCKED,            /* another Stress Check has it open for writing */
  SC_VAULT_ERROR_IO,                /* reading or writing failed */
  SC_VAULT_ERROR_NO_SPACE,          /* disk full or file too large; the old vault is kept */
  SC_VAULT_ERROR_PERMISSION,        /* the current role may not do this */
  SC_VAULT_ERROR_NOT_FOUND,         /* no such employee, round, submission… */
  SC_VAULT_ERROR_EXISTS,            /* a file is already there, or a duplicate */
  SC_VAULT_ERROR_INVALID,           /* bad input: too short a passphrase, one another key
                                     * slot already opens with, bad criteria… */
  SC_VAULT_ERROR_CLOSED,            /* the vault was locked or closed */
  SC_VAULT_ERROR_ACCESS_DENIED,     /* wrong access code at the kiosk */
  SC_VAULT_ERROR_THROTTLED,         /* too many wrong access codes; wait */
  SC_VAULT_ERROR_READ_ONLY,         /* opened read-only */
  SC_VAULT_ERROR_BUSY,              /* a task (sc-vault-async.h) is running on it */
  SC_VAULT_ERROR_TAMPERED,          /* a record was changed outside its owner's key: the
                                     * message names it (an implementer's record, the
                                     * public keys, an audit log entry) */
} ScVaultError;

typedef enum
{
  SC_VAULT_ROLE_NONE,               /* locked or closed */
  SC_VAULT_ROLE_IMPLEMENTER,        /* 実施者 and assistants: reads every result */
  SC_VAULT_ROLE_HR,                 /* 事業者側: consented results and requests only */
  SC_VAULT_ROLE_KIOSK,              /* no secret key: can add sealed answers only */
} ScVaultRole;

typedef enum
{
  SC_VAULT_OPEN_FLAGS_NONE = 0,
  SC_VAULT_OPEN_READ_ONLY  = 1 << 0, /* no lock, every change refused (verify, inspect) */
} ScVaultOpenFlags;

/**
 * ScVaultKdfLimits:
 * Argon2id work factors for passphrase slots; stored in the header beside each salt, so a
 * vault made with other limits still opens.
 */
typedef struct
{
  guint64 opslimit;
  gsize   memlimit;
} ScVaultKdfLimits;

/* Minimum length of a passphrase, in characters. */
#define SC_VAULT_PASSPHRASE_MIN_CHARS 8

/* Bytes of the key that sc_vault_derive_partial_key() returns. */
#define SC_VAULT_PARTIAL_KEY_BYTES 32

#define SC_TYPE_VAULT (sc_vault_get_type ())
G_DECLARE_FINAL_TYPE (ScVault, sc_vault, SC, VAULT, GObject)

GQuark                   sc_vault_error_quark             (void);

/* Limits tuned so that one unlock takes about half a second on an office PC. */
const ScVaultKdfLimits  *sc_vault_kdf_limits_default      (void);

/* crypto_pwhash_OPSLIMIT_MIN / MEMLIMIT_MIN: for tests only, never for real data. */
const ScVaultKdfLimits  *sc_vault_kdf_limits_for_testing  (void);

/**
 * sc_vault_kdf_limits_for_new_vault:
 * The limits the programs use for a new vault: the defaults, or the testing minimum when
 * the environment says STRESSCHECK_KDF=min (test suites only; a warning goes to stderr
 * once, so an accidental use is visible). The same switch gives access-code hashes their
 * minimum limits (sc_vault_code_limits_for_new_codes()).
 */
const ScVaultKdfLimits  *sc_vault_kdf_limits_for_new_vault (void);

/* Argon2id limits for new access-code hashes, with the same STRESSCHECK_KDF switch. */
void                     sc_vault_code_limits_for_new_codes (guint64 *opslimit,
                                                             gsize   *memlimit);

/**
 * sc_vault_create:
 * @path: the new file; it must not exist
 * @implementer_passphrase: at least %SC_VAULT_PASSPHRASE_MIN_CHARS characters
 * @limits: (nullable): %NULL for sc_vault_kdf_limits_default()
 * @out_recovery_key: (out) (transfer full): the recovery key, to show once
 *   ("XXXX-XXXX-…", 8 groups of 4). Free it with sc_vault_free_recovery_key().
 *
 * Creates a vault with fresh keys and an empty database, saved durably, and returns it
 * open for writing with the implementer role.
 */
ScVault                 *sc_vault_create                  (const char              *path,
                                                           const char              *implementer_passphrase,
                                                           const ScVaultKdfLimits  *limits,
                                                           char                   **out_recovery_key,
                                                           GError                 **error);

/**
 * sc_vault_open:
 * @passphrase: the implementer's or HR's passphrase; the role follows from which
 *   one it is
 *
 * Opens a vault, or a backup of one (restore is "open this file"). Unless
 * %SC_VAULT_OPEN_READ_ONLY is given, the vault is locked against a second writer
 * until it is closed. An older vault is migrated to the current schema.
 *
 * Every open checks the audit log's hash chain; an open by the implementer also checks
 * the implementer's signatures (public keys, rounds, settings, interview-need
 * decisions, the newest implementer entry of the audit log). A record changed outside
 * its owner's key fails the open with TAMPERED, naming it. The first open of an older
 * vault by the implementer signs its records and pins the implementer's slot.
 */
ScVault                 *sc_vault_open                    (const char              *path,
                                                           const char              *passphrase,
                                                           ScVaultOpenFlags         flags,
                                                           GError                 **error);

/**
 * sc_vault_recover:
 * @recovery_key: as shown at creation; case, spaces and hyphens do not matter
 * @new_implementer_passphrase: replaces the forgotten one
 *
 * Opens the vault with the recovery key, sets a new implementer passphrase (saved at
 * once) and returns the vault with the implementer role.
 */
ScVault                 *sc_vault_recover                 (const char              *path,
                                                           const char              *recovery_key,
                                                           const char              *new_implementer_passphrase,
                                                           GError                 **error);

/* Wipes and frees a recovery key string. */
void                     sc_vault_free_recovery_key       (char                    *recovery_key);

/**
 * sc_vault_close:
 * Saves pending audit entries, wipes every key and the in-memory database, and
 * releases the write lock. Also done when the last reference goes.
 */
void                     sc_vault_close                   (ScVault                 *vault);

/**
 * sc_vault_lock:
 * Wipes the keys and the in-memory database (idle timeout, "lock now") but keeps the
 * write lock, so that sc_vault_unlock() finds the file as it was.
 */
void                     sc_vault_lock                    (ScVault                 *vault);

gboolean                 sc_vault_unlock                  (ScVault                 *vault,
                                                           const char              *passphrase,
                                                           GError                 **error);

ScVaultRole              sc_vault_get_role                (ScVault                 *vault);
const char              *sc_vault_get_path                (ScVault                 *vault);
gboolean                 sc_vault_is_read_only            (ScVault                 *vault);
/* The header's save counter: grows by one with every save. */
guint64                  sc_vault_get_save_counter        (ScVault                 *vault);
gboolean                 sc_vault_has_hr_passphrase       (ScVault                 *vault);

/**
 * ScVaultRollbackWarning:
 * @file_counter: the save counter of the file that was opened
 * @file_saved_at: when that file was last changed (Unix time; 0 when unknown)
 * @seen_counter: the highest save counter this computer has seen for this vault
 * @seen_saved_at: when that save was made (Unix time)
 */
typedef struct
{
  guint64 file_counter;
  gint64  file_saved_at;
  guint64 seen_counter;
  gint64  seen_saved_at;
} ScVaultRollbackWarning;

/**
 * sc_vault_get_rollback_warning:
 * @out_warning: (out) (optional): both saves, to show
 *
 * Whether the file that was opened is older than a save of the same vault this computer
 * has seen (an older copy put in its place: submissions made since may be missing). Not
 * an error: the vault is open; the GUI and CLI show the warning until the implementer
 * confirms a restore with sc_vault_accept_restore() or opens the newer file.
 */
gboolean                 sc_vault_get_rollback_warning    (ScVault                 *vault,
                                                           ScVaultRollbackWarning  *out_warning);

/* The warning in words, with both dates, fit to show. */
char                    *sc_vault_rollback_warning_to_string (const ScVaultRollbackWarning *warning);

/**
 * sc_vault_accept_restore:
 * Implementer only: this older file was put back on purpose (a backup restored). Logs
 * it in the audit log, makes the file's save counter this computer's record, and clears
 * the warning.
 */
gboolean                 sc_vault_accept_restore          (ScVault                 *vault,
                                                           GError                 **error);

/**
 * sc_vault_change_passphrase:
 * Changes the passphrase of the current role (implementer or HR). Only that key slot
 * is rewrapped; the data key and the encrypted body stay as they are.
 */
gboolean                 sc_vault_change_passphrase       (ScVault                 *vault,
                                                           const char              *new_passphrase,
                                                           GError                 **error);

/* Implementer only: adds or replaces the HR slot. It must differ from the implementer's
 * (INVALID). Every path that sets a passphrase refuses one that opens another
 * slot: sc_vault_change_passphrase(), sc_vault_recover(), sc_vault_rotate_keys() too. */
gboolean                 sc_vault_set_hr_passphrase       (ScVault                 *vault,
                                                           const char              *passphrase,
                                                           GError                 **error);

/* Implementer only: replaces the recovery slot, returning the new key to show once. */
char                    *sc_vault_new_recovery_key        (ScVault                 *vault,
                                                           GError                 **error);

/* Implementer only: removes the HR slot (HR's passphrase no longer opens the vault).
 * HR still knows the data key it had: follow with sc_vault_rotate_keys(). */
gboolean                 sc_vault_remove_hr_slot          (ScVault                 *vault,
                                                           GError                 **error);

/**
 * sc_vault_rotate_keys:
 * @implementer_passphrase: the implementer's current passphrase, typed again
 * @hr_passphrase: (nullable): HR's new passphrase, or %NULL to drop HR's slot
 * @out_recovery_key: (out) (transfer full): the new recovery key, to show once; free it
 *   with sc_vault_free_recovery_key()
 *
 * Implementer only: a new random data key encrypts the whole vault, and the slots are
 * made again for it: the implementer's, a new recovery key (the old one stops working),
 * and HR's when @hr_passphrase is given. A data key taken before opens no later save.
 * The key pairs stay, so sealed results still open. Slow (Argon2id and a full save):
 * use sc_vault_rotate_keys_async() from a user interface.
 */
gboolean                 sc_vault_rotate_keys             (ScVault                 *vault,
                                                           const char              *implementer_passphrase,
                                                           const char              *hr_passphrase,
                                                           char                   **out_recovery_key,
                                                           GError                 **error);

/* A reminder to back up is due when the last backup is older than this, or there is none. */
#define SC_VAULT_BACKUP_REMINDER_DAYS 30

/**
 * sc_vault_backup:
 * Implementer or HR (the copy is as encrypted as the vault): writes a copy of the
 * encrypted file to @dest_path atomically (temporary file, fsync, rename), reads it back
 * and checks that it is the same file and that its header and MAC open with the current
 * key, then records the time of the backup in the vault (sc_vault_get_last_backup()) and
 * the audit log ("vault.backup"), to be saved with the next save or at close (so the backup
 * is the same file as the vault). Pending changes are saved first.
 */
gboolean                 sc_vault_backup                  (ScVault                 *vault,
                                                           const char              *dest_path,
                                                           GError                 **error);

/* When the last backup was made (Unix time), or 0 when never. */
gint64                   sc_vault_get_last_backup         (ScVault                 *vault);

/* Whether to remind of a backup at @now: none yet, or the last older than
 * %SC_VAULT_BACKUP_REMINDER_DAYS. */
gboolean                 sc_vault_backup_is_due           (ScVault                 *vault,
                                                           gint64                   now);

/* The save counter in the header of the vault file at @path, read without a key (it is
 * not secret): to compare a backup with the open vault. Errors: NOT_FOUND, IO, DAMAGED. */
gboolean                 sc_vault_peek_save_counter       (const char              *path,
                                                           guint64                 *out_counter,
                                                           GError                 **error);

/* (transfer full) where a restore keeps the file it replaced: "<vault>.before-restore". */
char                    *sc_vault_before_restore_path     (const char              *vault_path);

/**
 * sc_vault_restore_backup:
 * @backup_path: a backup of this vault (its MAC must check with the current key; INVALID
 *   otherwise)
 *
 * Implementer only. Keeps the current file as sc_vault_before_restore_path(), puts the
 * backup in its place (each a durable, atomic replacement) and locks @vault: unlock it
 * again (or open the file again) to work on the restored vault, which then shows the
 * rollback warning with the save counter difference until sc_vault_accept_restore().
 */
gboolean                 sc_vault_restore_backup          (ScVault                 *vault,
                                                           const char              *backup_path,
                                                           GError                 **error);

#if SC_TEST_HOOKS
/* Test builds only (-Dtest_hooks=true): sets the action of audit entry @entry_id to
 * @action without mending the hash chain, and saves with a valid MAC, as someone with the
 * data key could. The next open fails with TAMPERED. */
gboolean                 sc_vault_test_change_audit_entry (ScVault                 *vault,
                                                           gint64                   entry_id,
                                                           const char              *action,
                                                           GError                 **error);

/* Test builds only: records a backup made at @when (Unix time), as sc_vault_backup() does,
 * without writing a copy: to test the reminder of an old backup. */
gboolean                 sc_vault_test_set_last_backup    (ScVault                 *vault,
                                                           gint64                   when,
                                                           GError                 **error);
#endif

/**
 * sc_vault_enter_kiosk:
 * Implementer, or HR when %SC_VAULT_SETTING_HR_KIOSK is "true" (PERMISSION otherwise):
 * the implementer's kiosk seals to the public key pinned in the implementer's slot, HR's
 * to the one in the database. Wipes both secret keys, so nothing at the kiosk can open an
 * earlier answer. The data key stays in guarded memory, because the kiosk must still write the
 * database; new answers are sealed with the public keys only.
 */
gboolean                 sc_vault_enter_kiosk             (ScVault                 *vault,
                                                           GError                 **error);

/* Leaves the kiosk with the implementer's or HR's passphrase; the role follows from it. */
gboolean                 sc_vault_leave_kiosk             (ScVault                 *vault,
                                                           const char              *passphrase,
                                                           GError                 **error);

/* ---- Store ---------------------------------------------------------------------- */

typedef struct
{
  gint64      id;
  char       *name;
  char       *period_start;    /* YYYY-MM-DD or NULL */
  char       *period_end;
  ScCriteria  criteria;
  gboolean    closed;
  gint64      created_at;      /* Unix time */
} ScVaultRound;

void          sc_vault_round_free (ScVaultRound *round);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScVaultRound, sc_vault_round_free)

typedef enum
{
  SC_VAULT_CONSENT_UNDECIDED,
  SC_VAULT_CONSENT_NO,
  SC_VAULT_CONSENT_YES,
} ScVaultConsent;

/* What every role but the kiosk may see about a submission (受検の有無 and consent). */
typedef struct
{
  gint64          id;
  gint64          round_id;
  char           *employee_number;
  gint64          submitted_at;
  ScVaultConsent  consent;
  gint64          interview_requested_at;   /* 0 when not requested */
  gboolean        shared_with_hr;           /* a copy is sealed to HR */
} ScVaultSubmission;

void          sc_vault_submission_free (ScVaultSubmission *submission);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScVaultSubmission, sc_vault_submission_free)

/* A decrypted individual result. HR's copy has no answers (has_answers FALSE).
 * consent_mismatch (implementer only): the consent or interview request in the plain
 * table disagrees with the copy sealed at the time of the decision, or that copy was
 * forged or removed: someone changed the decision outside the program. */
typedef struct
{
  ScResult  result;
  gboolean  has_answers;
  guint8    answers[SC_BJSQ_N_ITEMS];
  gboolean  consent_mismatch;
} ScVaultResult;

typedef struct
{
  gint64       id;
  gint64       time;             /* Unix time */
  ScVaultRole  role;
  char        *action;           /* "submission.add", … */
  gint64       target;           /* an internal row id, never personal data; 0 for none */
  gint64       person_id;        /* who (sc-vault-people.h); 0 for older entries */
  char        *person;           /* their name, or NULL for older entries */
} ScVaultAuditEntry;

void          sc_vault_audit_entry_free (ScVaultAuditEntry *entry);

/* Implementer or HR. Inserts new numbers and updates known ones; all or nothing. */
gboolean      sc_vault_upsert_employees   (ScVault            *vault,
                                           GPtrArray          *employees,
                                           GError            **error);

/* Implementer or HR: (element-type ScEmployee), ordered by number. */
GPtrArray    *sc_vault_list_employees     (ScVault            *vault,
                                           GError            **error);

/* Any role (the kiosk looks up the person logging in). SECURITY: the kiosk gets the full
 * entry only for the employee whose access code sc_vault_check_access_code() verified
 * last; for any other number only the number as the roster spells it (no name, birth
 * date, department…), so nothing personal leaves the core before the code check. */
ScEmployee   *sc_vault_lookup_employee    (ScVault            *vault,
                                           const char         *number,
                                           GError            **error);

/* Implementer only (the criteria are the implementer's). Returns the round id, or 0
 * (INVALID for a period sc_vault_check_round_period() refuses). */
gint64        sc_vault_create_round       (ScVault            *vault,
                                           const char         *name,
                                           const char         *period_start,
                                           const char         *period_end,
                                           const ScCriteria   *criteria,
                                           GError            **error);

gboolean      sc_vault_close_round        (ScVault            *vault,
                                           gint64              round_id,
                                           GError            **error);

/* INVALID unless each given day is a real YYYY-MM-DD and @period_end is not before
 * @period_start (either may be %NULL: open). GTK-free, so that a dialog can ask too. */
gboolean      sc_vault_check_round_period (const char         *period_start,
                                           const char         *period_end,
                                           GError            **error);

/**
 * sc_vault_update_round:
 *
 * Implementer only: renames the round and moves its period (checked with
 * sc_vault_check_round_period()). INVALID when an answer already given (a kiosk
 * submission's day, or the day written on a paper form) would fall outside the new
 * period. Signed again and audited as "round.edit".
 */
gboolean      sc_vault_update_round       (ScVault            *vault,
                                           gint64              round_id,
                                           const char         *name,
                                           const char         *period_start,
                                           const char         *period_end,
                                           GError            **error);

/* Implementer only: opens a closed round again, so that the kiosk takes answers. INVALID
 * when its period has ended (move the last day first). Audited as "round.reopen". */
gboolean      sc_vault_reopen_round       (ScVault            *vault,
                                           gint64              round_id,
                                           GError            **error);

/**
 * sc_vault_set_round_criteria:
 *
 * Implementer only, on an open round: replaces the round's method and thresholds
 * (checked with sc_criteria_validate()). Signed again and audited as "round.criteria".
 * What changes for answers already given: every read of a stored result (result lists,
 * the result of one person, participation counts, result views at the kiosk, reports)
 * judges it again with the new criteria (sc_result_judge()); the scores themselves never
 * change. The advice and verdict a person already saw at the kiosk are not sent again.
 */
gboolean      sc_vault_set_round_criteria (ScVault            *vault,
                                           gint64              round_id,
                                           const ScCriteria   *criteria,
                                           GError            **error);

/* Any role: (element-type ScVaultRound), oldest first. */
GPtrArray    *sc_vault_list_rounds        (ScVault            *vault,
                                           GError            **error);

/**
 * sc_vault_get_round:
 * @round_id: the round's id, as sc_vault_create_round() returned it
 *
 * Any unlocked role (the kiosk shows the round it collects answers for).
 *
 * Returns: (transfer full): the round, or %NULL with NOT_FOUND when there is none with
 *   this id (or CLOSED when the vault is locked). Free it with sc_vault_round_free().
 */
ScVaultRound *sc_vault_get_round          (ScVault            *vault,
                                           gint64              round_id,
                                           GError            **error);

/* Implementer or HR: stores the hash (made by sc-access-code) of a new access code. */
gboolean      sc_vault_set_access_code_hash (ScVault          *vault,
                                           gint64              round_id,
                                           const char         *employee_number,
                                           const char         *code_hash,
                                           GError            **error);

/**
 * sc_vault_issue_access_codes:
 * @employees: (element-type ScEmployee): who gets a code; inactive employees are skipped
 * @out_csv: receives one "number,name,code" row per code issued
 *
 * Implementer or HR: gives each employee a new random access code for the round (replacing
 * any earlier one) and stores only its Argon2id hash. The codes exist nowhere else than in
 * @out_csv: print the slips from it, then wipe it. All codes are stored in one save
 * (sc_vault_issue_access_codes_full(), which also lets the caller print the slips
 * before anything is stored).
 */
gboolean      sc_vault_issue_access_codes (ScVault            *vault,
                                           gint64              round_id,
                                           GPtrArray          *employees,
                                           GString            *out_csv,
                                           GError            **error);

/**
 * ScVaultCodesDeliverFunc:
 * @csv: "number,name,code" rows, one per code (cells escaped against spreadsheet
 *   formulas with sc_csv_append_field_safe())
 *
 * Hands the new slips to the person (prints them, shows them once). Called before any
 * code is stored; returning %FALSE (with @error set) stores nothing, so the old codes
 * keep working. @csv is wiped after the call: copy nothing you do not need.
 */
typedef gboolean (*ScVaultCodesDeliverFunc) (const char  *csv,
                                             gsize        len,
                                             gpointer     user_data,
                                             GError     **error);

/**
 * sc_vault_issue_access_codes_full:
 * @employees: (element-type ScEmployee): who gets a code; inactive employees are skipped
 *
 * Implementer or HR: draws and hashes every new code in memory, calls @deliver with the
 * slips, and only then stores all hashes in one transaction and one durable save. A
 * failure or a killed process at any point leaves either every old code valid or every
 * new code stored after @deliver returned.
 */
gboolean      sc_vault_issue_access_codes_full (ScVault                 *vault,
                                                gint64                   round_id,
                                                GPtrArray               *employees,
                                                ScVaultCodesDeliverFunc  deliver,
                                                gpointer                 user_data,
                                                GError                 **error);

/**
 * sc_vault_issue_missing_access_codes_full:
 *
 * As sc_vault_issue_access_codes_full(), for those of @employees who have no code for the
 * round yet (employees added after the first issue); nobody's earlier code changes.
 * @deliver is called with no rows when everyone already has one.
 */
gboolean      sc_vault_issue_missing_access_codes_full (ScVault                 *vault,
                                                        gint64                   round_id,
                                                        GPtrArray               *employees,
                                                        ScVaultCodesDeliverFunc  deliver,
                                                        gpointer                 user_data,
                                                        GError                 **error);

/**
 * sc_vault_list_code_holders:
 *
 * Implementer or HR: who has an access code for the round.
 *
 * Returns: (transfer full) (element-type utf8 utf8): a set (g_hash_table_contains()) of
 *   the employee numbers; never a code or a hash.
 */
GHashTable   *sc_vault_list_code_holders  (ScVault                 *vault,
                                           gint64                   round_id,
                                           GError                 **error);

/* Returns TRUE when the code matches the stored @code_hash. */
typedef gboolean (*ScVaultCodeCheckFunc)  (const char         *code_hash,
                                           gpointer            user_data);

/**
 * sc_vault_check_access_code:
 * Any role. Calls @check with the stored hash unless the employee is throttled, and
 * records the attempt (the sc_access_throttle policy: after 5 failures, waits grow from
 * 5 minutes up to 1 hour). An unknown number costs the same time as a wrong code.
 * Returns: %TRUE on a match; %FALSE with THROTTLED, or ACCESS_DENIED (also for an
 *   unknown number or a missing code, so the kiosk does not reveal who is on the roster).
 */
gboolean      sc_vault_check_access_code  (ScVault            *vault,
                                           gint64              round_id,
                                           const char         *employee_number,
                                           ScVaultCodeCheckFunc check,
                                           gpointer            user_data,
                                           GError            **error);

/**
 * sc_vault_lift_lockout:
 * Implementer only: clears the wrong-code count and lock-out of an employee's access
 * code for the round (the person showed the slip to the staff), so that they can log in
 * at once. Audited as "access_code.unlock". NOT_FOUND when no code was issued.
 */
gboolean      sc_vault_lift_lockout       (ScVault            *vault,
                                           gint64              round_id,
                                           const char         *employee_number,
                                           GError            **error);

/**
 * sc_vault_submit:
 * Kiosk or implementer (paper forms). Scores the answers with the round's criteria,
 * seals answers and result to the implementer, stores them and saves durably before
 * returning. The result is returned for showing to the employee; a copy sealed to HR
 * is kept in memory until sc_vault_record_consent() or sc_vault_request_interview().
 *
 * Returns: the submission id, or 0.
 */
gint64        sc_vault_submit             (ScVault            *vault,
                                           gint64              round_id,
                                           const char         *employee_number,
                                           const guint8        answers[SC_BJSQ_N_ITEMS],
                                           ScSex               sex,
                                           ScResult           *out_result,
                                           GError            **error);

/**
 * sc_vault_record_consent:
 * Kiosk or implementer (HR: PERMISSION). Records the employee's explicit decision, in
 * the plain table and sealed to the implementer. With consent, the result is sealed to HR:
 * at the kiosk from the copy kept since sc_vault_submit(), otherwise (a later decision)
 * only by the implementer, who can open the result.
 */
gboolean      sc_vault_record_consent     (ScVault            *vault,
                                           gint64              submission_id,
                                           gboolean            consent,
                                           GError            **error);

/* Kiosk or implementer: an interview request (面接指導の申出); counts as consent, with
 * the same sealing rules. */
gboolean      sc_vault_request_interview  (ScVault            *vault,
                                           gint64              submission_id,
                                           GError            **error);

/* Implementer only: the interview-need decision, with who decided; sealed to the implementer. */
gboolean      sc_vault_recommend_interview (ScVault           *vault,
                                           gint64              submission_id,
                                           gboolean            recommended,
                                           const char         *decided_by,
                                           GError            **error);

/* Implementer only. Returns FALSE with NOT_FOUND when nothing was decided yet. */
gboolean      sc_vault_get_recommendation (ScVault            *vault,
                                           gint64              submission_id,
                                           gboolean           *out_recommended,
                                           char              **out_decided_by,
                                           gint64             *out_decided_at,
                                           GError            **error);

/**
 * sc_vault_read_result:
 * Implementer: any result, with the answers, and consent_mismatch set when the
 * employee's decision in the plain tables disagrees with the one sealed when it was
 * made. HR: only results the employee shared (PERMISSION otherwise). Kiosk: never.
 * Each read is written to the audit log.
 */
gboolean      sc_vault_read_result        (ScVault            *vault,
                                           gint64              submission_id,
                                           ScVaultResult      *out_result,
                                           GError            **error);

/* Implementer or HR: (element-type ScVaultSubmission); @round_id 0 for every round. */
GPtrArray    *sc_vault_list_submissions   (ScVault            *vault,
                                           gint64              round_id,
                                           GError            **error);

/**
 * sc_vault_derive_partial_key:
 * Derives (Argon2id, salt stored with the access code) the key that protects this
 * employee's unfinished answers, from the access code they typed.
 * Returns: (transfer full): %SC_VAULT_PARTIAL_KEY_BYTES of guarded memory; free with
 *   sc_secure_free().
 */
guint8       *sc_vault_derive_partial_key (ScVault            *vault,
                                           gint64              round_id,
                                           const char         *employee_number,
                                           const char         *access_code,
                                           GError            **error);

/* Keeps unfinished answers (0 = not yet answered), encrypted under @key. */
gboolean      sc_vault_save_partial       (ScVault            *vault,
                                           gint64              round_id,
                                           const char         *employee_number,
                                           const guint8       *key,
                                           const guint8        answers[SC_BJSQ_N_ITEMS],
                                           GError            **error);

/* NOT_FOUND when nothing is kept; ACCESS_DENIED when @key does not open it. */
gboolean      sc_vault_load_partial       (ScVault            *vault,
                                           gint64              round_id,
                                           const char         *employee_number,
                                           const guint8       *key,
                                           guint8              answers[SC_BJSQ_N_ITEMS],
                                           GError            **error);

/* ---- Viewing one's own result again (personal PIN) ------------------------------- */

/* A personal PIN: 4 to 8 digits. */
#define SC_VAULT_PIN_MIN_DIGITS 4
#define SC_VAULT_PIN_MAX_DIGITS 8
/* SECURITY: only a PIN this long also keeps the copy next year's visit can open beside that
 * year's result (sc-vault-past-results.h): that copy is under the PIN alone, so anyone holding
 * the data key could try PINs offline, and a shorter PIN would not hold them off. */
#define SC_VAULT_PIN_PAST_YEARS_DIGITS 8

/* TRUE when @pin is 4-8 ASCII digits. */
gboolean      sc_vault_pin_is_valid       (const char         *pin);

/**
 * sc_vault_save_result_view:
 * @partial_key: from sc_vault_derive_partial_key(), i.e. from the employee's access code
 * @pin: the personal PIN the employee chose
 *
 * Kiosk (or any unlocked role): keeps the employee's answers encrypted under a key made
 * from their access code and @pin, so that they, and nobody holding only the vault's
 * keys, can see the result again at the kiosk. Replaces an earlier copy.
 */
gboolean      sc_vault_save_result_view   (ScVault            *vault,
                                           gint64              round_id,
                                           const char         *employee_number,
                                           const guint8       *partial_key,
                                           const char         *pin,
                                           const guint8        answers[SC_BJSQ_N_ITEMS],
                                           ScSex               sex,
                                           GError            **error);

/* Whether the employee has already answered in this round (受検の有無, which every role
 * may know; the kiosk asks after a successful code check). */
gboolean      sc_vault_has_submitted      (ScVault            *vault,
                                           gint64              round_id,
                                           const char         *employee_number);

/* Whether the employee kept a copy to view again (any unlocked role). */
gboolean      sc_vault_has_result_view    (ScVault            *vault,
                                           gint64              round_id,
                                           const char         *employee_number);

/**
 * sc_vault_load_result_view:
 * Opens the copy and scores it again with the round's criteria. A wrong PIN counts as a
 * wrong access code (ACCESS_DENIED, and THROTTLED after repeated failures); NOT_FOUND
 * when no copy was kept.
 */
gboolean      sc_vault_load_result_view   (ScVault            *vault,
                                           gint64              round_id,
                                           const char         *employee_number,
                                           const guint8       *partial_key,
                                           const char         *pin,
                                           ScResult           *out_result,
                                           guint8              out_answers[SC_BJSQ_N_ITEMS],
                                           GError            **error);

/* The keys of the vault settings (sc_vault_get_setting(), sc_vault_set_setting()). */
#define SC_VAULT_SETTING_IDLE_TIMEOUT  "idle_timeout"   /* kiosk idle timeout, seconds */
#define SC_VAULT_SETTING_ADVICE_TEXTS  "advice_texts"   /* implementer's advice texts */
#define SC_VAULT_SETTING_CONTACT_TEXT  "contact_text"   /* where to ask, shown to employees */
/* "true" lets HR start the kiosk; anything else, or unset (the default), does not. */
#define SC_VAULT_SETTING_HR_KIOSK      "hr_kiosk"
/* The judgement-chart constants of the group analysis: unset (the default set), a
 * built-in set's id, or a checked set as JSON (sc_chart_constant_set_from_setting()). */
#define SC_VAULT_SETTING_CHART_CONSTANTS "chart_constants"
/* The implementer (実施者) and the doctor for interviews (面接指導を実施する医師): names. */
#define SC_VAULT_SETTING_IMPLEMENTER_NAME      "implementer_name"
#define SC_VAULT_SETTING_INTERVIEW_DOCTOR_NAME "interview_doctor_name"
/* Other places to get help, shown to employees beside SC_VAULT_SETTING_CONTACT_TEXT. */
#define SC_VAULT_SETTING_HELP_TEXT     "help_text"

/* The shipped text for %SC_VAULT_SETTING_HELP_TEXT (地域産業保健センター, こころの耳), in
 * the language of the user interface. */
const char   *sc_vault_default_help_text  (void);

/* Any unlocked role: %SC_VAULT_SETTING_HELP_TEXT, or the shipped text when it is not set:
 * the one place the kiosk, the reports and Settings take it from. */
char         *sc_vault_get_help_text      (ScVault            *vault);

/* The idle timeout the implementer may set, in seconds. */
#define SC_VAULT_IDLE_TIMEOUT_MIN 5
#define SC_VAULT_IDLE_TIMEOUT_MAX 3600

/**
 * sc_vault_validate_setting:
 * Whether @value may be stored under @key: INVALID, with a message fit to show, for an
 * idle timeout out of range, an advice file that does not parse, a "true"/"false" setting
 * with another value, a form category other than 1, 2 or 3, or a text that is not UTF-8
 * or too long. sc_vault_set_setting() calls it.
 */
gboolean      sc_vault_validate_setting   (const char         *key,
                                           const char         *value,
                                           GError            **error);

/* Any unlocked role: whether HR may start the kiosk (%SC_VAULT_SETTING_HR_KIOSK). */
gboolean      sc_vault_get_hr_may_start_kiosk (ScVault        *vault,
                                           GError            **error);

/* Any unlocked role. Returns %NULL (no error) when the key is not set. */
char         *sc_vault_get_setting        (ScVault            *vault,
                                           const char         *key,
                                           GError            **error);

/* Implementer only; validated (sc_vault_validate_setting()) and audited as
 * "settings.set.<key>" (the key, never the value). */
gboolean      sc_vault_set_setting        (ScVault            *vault,
                                           const char         *key,
                                           const char         *value,
                                           GError            **error);

/* Any role; @action is a short code such as "report.export", @target a row id or 0. */
gboolean      sc_vault_audit_append       (ScVault            *vault,
                                           const char         *action,
                                           gint64              target,
                                           GError            **error);

/* Implementer or HR: (element-type ScVaultAuditEntry), oldest first. */
GPtrArray    *sc_vault_list_audit         (ScVault            *vault,
                                           GError            **error);

G_END_DECLS
