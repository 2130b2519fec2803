/* sc-vault-people.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Named people (DESIGN.md §3, "People, not shared passwords"): each implementer, each
 * assistant working under the implementer (実施事務従事者, the implementer's rights) and
 * each HR person (実務担当者) has a key slot of their own, so the audit log and the
 * interview-need decisions name who. The slot's person id is authenticated with the
 * slot; the `people` table holds the names.
 *
 * Removing a person re-keys the vault (see sc_vault_remove_person()).
 */
#pragma once

#include <gio/gio.h>

#include "sc-vault.h"

G_BEGIN_DECLS

typedef enum
{
  SC_VAULT_PERSON_IMPLEMENTER = 1,
  SC_VAULT_PERSON_ASSISTANT = 2,     /* 実施事務従事者: an implementer's slot and rights */
  SC_VAULT_PERSON_HR = 3,
} ScVaultPersonRole;

typedef struct
{
  gint64             id;          /* 0: a key slot made before people had names */
  char              *name;        /* NULL for id 0 */
  ScVaultPersonRole  role;
  gint64             added_at;    /* Unix time; 0 when not known */
  gint64             removed_at;  /* 0 while the person is in the vault */
  gboolean           has_key;     /* a key slot opens for this person */
} ScVaultPerson;

void          sc_vault_person_free          (ScVaultPerson       *person);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScVaultPerson, sc_vault_person_free)

/* The person who unlocked the vault; 0 (and a %NULL name) after opening with a slot made
 * before people had names, with the recovery key, in the kiosk and when locked. */
guint32       sc_vault_get_person_id        (ScVault             *vault);
const char   *sc_vault_get_person_name      (ScVault             *vault);

/* Implementer, assistant or HR: (element-type ScVaultPerson) the people who may unlock
 * (a slot without a person appears with id 0), then those who had their key dropped by
 * a re-key (has_key %FALSE), ordered by role and name. Removed people are not listed. */
GPtrArray    *sc_vault_list_people          (ScVault             *vault,
                                             GError             **error);

/**
 * sc_vault_add_person:
 * @name: the person's name as shown in the audit log (1–100 characters)
 * @passphrase: their own; it must open no other slot (INVALID)
 *
 * Implementer or assistant only: a person of @role with a key slot of their own. An HR
 * person's slot opens the database and HR's key only. Audited as "person.add".
 * Returns: the new person's id, or 0 with the error (INVALID, PERMISSION, and INVALID
 * when the header holds no more slots).
 */
gint64        sc_vault_add_person           (ScVault             *vault,
                                             const char          *name,
                                             ScVaultPersonRole    role,
                                             const char          *passphrase,
                                             GError             **error);

/* Implementer or assistant only: gives person @person_id (who has no key after a re-key,
 * or forgot theirs) a new passphrase, typed by them. Audited as "person.passphrase". */
gboolean      sc_vault_set_person_passphrase (ScVault            *vault,
                                             gint64               person_id,
                                             const char          *passphrase,
                                             GError             **error);

/* Whether @name can be a person's name (1–100 characters once trimmed); INVALID if not. */
gboolean      sc_vault_check_person_name    (const char          *name,
                                             GError             **error);

/**
 * sc_vault_rename_person:
 *
 * Implementer or assistant only (their own name or anyone's): the person's name as the
 * audit log and the People section show it; trimmed. The row is signed with the
 * implementer's key (an HR person asks the implementer, so that a name HR wrote by hand
 * is always reported). Audited as "person.rename"; saved at once.
 */
gboolean      sc_vault_rename_person        (ScVault             *vault,
                                             gint64               person_id,
                                             const char          *name,
                                             GError             **error);
void          sc_vault_rename_person_async  (ScVault             *vault,
                                             gint64               person_id,
                                             const char          *name,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean      sc_vault_rename_person_finish (ScVault             *vault,
                                             GAsyncResult        *result,
                                             GError             **error);

/* The name a vault's creator gets when none is given (older vaults, sc_vault_create());
 * the user interface shows the translated role name for it instead. */
#define SC_VAULT_PERSON_DEFAULT_NAME "Implementer"

/**
 * sc_vault_remove_person:
 * @my_passphrase: the passphrase of the implementer or assistant removing, typed again
 * @out_recovery_key: (out) (transfer full): the new recovery key, to show once
 *
 * Implementer or assistant only; not oneself, and not the last implementer. The
 * person's slot is deleted (their passphrase no longer opens the vault), their row is
 * kept as removed so the audit log still names them, and the vault is re-keyed:
 *
 * - a new random data key encrypts the whole file, so a data key the person may have
 *   kept opens no later save;
 * - the recovery key is replaced (the old one is shown to nobody but its holder, and the
 *   person may have seen it);
 * - the remaining people's slots wrap the old data key under their passphrases, which
 *   the vault does not know: they are dropped, and those people are listed without a
 *   key until the implementer sets their passphrase again with them
 *   (sc_vault_set_person_passphrase());
 * - removing an HR person also makes a new HR key pair: every HR copy (consented or
 *   requested results, interview records, measures, released group snapshots) is
 *   sealed again to the new public key, and the slots written afterwards hold only the
 *   new HR secret key. The old HR secret key, which the person could have copied, opens
 *   nothing stored after the removal. The remaining HR people have no slot until the
 *   implementer sets their passphrase again with them (as above);
 * - removing an implementer or assistant keeps the implementer's key pair (and signing
 *   key): a removed implementer who copied that secret key could still open results
 *   sealed to it in a copy of the file they can get. Not re-keyed here.
 *
 * Audited as "person.remove".
 */
gboolean      sc_vault_remove_person        (ScVault             *vault,
                                             gint64               person_id,
                                             const char          *my_passphrase,
                                             char               **out_recovery_key,
                                             GError             **error);

/* Anyone unlocked with a passphrase: changes their own, after checking @current
 * (WRONG_PASSPHRASE). Audited as "passphrase.change". */
gboolean      sc_vault_change_own_passphrase (ScVault            *vault,
                                             const char          *current,
                                             const char          *new_passphrase,
                                             GError             **error);

/* _async twins (the threading rule of sc-vault-async.h applies); the passphrases are
 * copied into guarded memory until the job is done. */
void          sc_vault_add_person_async     (ScVault             *vault,
                                             const char          *name,
                                             ScVaultPersonRole    role,
                                             const char          *passphrase,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gint64        sc_vault_add_person_finish    (ScVault             *vault,
                                             GAsyncResult        *result,
                                             GError             **error);
void          sc_vault_remove_person_async  (ScVault             *vault,
                                             gint64               person_id,
                                             const char          *my_passphrase,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
void          sc_vault_set_person_passphrase_async  (ScVault             *vault,
                                                     gint64               person_id,
                                                     const char          *passphrase,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean      sc_vault_set_person_passphrase_finish (ScVault             *vault,
                                                     GAsyncResult        *result,
                                                     GError             **error);
/* Returns the new recovery key (free with sc_vault_free_recovery_key()), or %NULL. */
char         *sc_vault_remove_person_finish (ScVault             *vault,
                                             GAsyncResult        *result,
                                             GError             **error);
void          sc_vault_change_own_passphrase_async  (ScVault             *vault,
                                                     const char          *current,
                                                     const char          *new_passphrase,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean      sc_vault_change_own_passphrase_finish (ScVault             *vault,
                                                     GAsyncResult        *result,
                                                     GError             **error);

/**
 * sc_vault_recover_async:
 * @recovery_key: as written down; case, spaces and hyphens do not matter
 * @new_passphrase: the first implementer's new passphrase
 *
 * sc_vault_recover() in a worker thread, then a new recovery key replaces the one used
 * (it was typed in, maybe seen): _finish returns the vault, unlocked as the implementer,
 * and the new key to show once in @out_recovery_key (free it with
 * sc_vault_free_recovery_key()). The secrets are copied into guarded memory.
 */
void          sc_vault_recover_async        (const char          *path,
                                             const char          *recovery_key,
                                             const char          *new_passphrase,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
ScVault      *sc_vault_recover_finish       (GAsyncResult        *result,
                                             char               **out_recovery_key,
                                             GError             **error);

G_END_DECLS
