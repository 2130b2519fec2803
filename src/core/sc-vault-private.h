/* sc-vault-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Internals shared by the sc-vault*.c files, and hooks for the tests and the fuzzer.
 * Nothing outside src/core and tests/ includes this.
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>
#include <sodium.h>

#include "sc-access-code.h"
#include "sc-vault.h"
#include "sc-vault-people.h"

G_BEGIN_DECLS

/* ---- File format (sc-vault-file.c) ------------------------------------------------ *
 *
 * All integers little-endian.
 *
 *   off  size  field
 *     0     8  magic 89 53 43 56 0D 0A 1A 0A ("\x89SCV\r\n\x1a\n")
 *     8     2  format version (2; 1 is still read, and written again as 2 on the
 *                next save)
 *    10     2  header length H, bytes, including MAC and checksum
 *   ---- the 12 bytes above and the checksum at H-32 keep their place in every version
 *    12     8  save counter
 *    20     1  number of key slots N (1-3 in version 1, 1-16 in version 2)
 *    21     3  reserved, zero
 *    24    24  body nonce (fresh per save)
 *    48         N key slots, each 64 bytes + W:
 *                +0   1  slot type: 1 implementer (also an assistant), 2 recovery,
 *                        3 HR; in that order, the first slot an implementer's.
 *                        Version 1: each type at most once. Version 2: any number
 *                        of implementer and HR slots, at most one recovery slot.
 *                +1   1  KDF: 1 Argon2id13 (crypto_pwhash), 2 BLAKE2b (recovery key)
 *                +2   2  W, wrapped length: 112 (implementer, recovery), 80 (HR)
 *                +4   4  person id (version 2; zero in version 1): the row of the
 *                        `people` table the slot belongs to; zero for the recovery
 *                        slot and for a slot made before people had names. Unique
 *                        among non-zero ids. Covered by the slot's AD below.
 *                +8   8  opslimit (0 for BLAKE2b)
 *               +16   8  memlimit (0 for BLAKE2b)
 *               +24  16  salt
 *               +40  24  nonce
 *               +64   W  XChaCha20-Poly1305(KDF(secret, salt), payload,
 *                        AD = magic ‖ u16 1 ‖ slot bytes +0..+40; the 1 is fixed,
 *                        so a version 1 slot, person id zero, opens unchanged
 *                        in a version 2 header)
 *                        payload: data key ‖ implementer sk ‖ HR sk ‖ pin  (implementer,
 *                                 recovery; W 144, or 112 without the pin block in
 *                                 vaults made before signatures: see PINNING below)
 *                                 data key ‖ HR sk                            (HR)
 *   H-64   32  header MAC: BLAKE2b-256 keyed with mac key over
 *              header[0, H-64) ‖ u64 body length ‖ body tag (last 16 bytes)
 *   H-32   32  checksum: unkeyed BLAKE2b-256 over header[0, H-32)
 *      H       body: the serialized database (sqlite3_serialize) in chunks of 256 KiB, the
 *              last one shorter; each chunk is XChaCha20-Poly1305-IETF(enc key, nonce_i,
 *              chunk_i, AD = magic ‖ version ‖ body nonce ‖ u64 i ‖ u8 last) ‖ 16-byte tag,
 *              nonce_i = body nonce with u64 i XORed into its last 8 bytes (the STREAM
 *              construction: chunks cannot be reordered, dropped or cut off unnoticed).
 *              Chunks let a save encrypt and write at the same time.
 *
 * enc key and mac key are crypto_kdf subkeys 1 and 2 of the data key (context
 * "SCVAULT1"). The body does not depend on the slots, so a passphrase change rewrites
 * the header only. The unkeyed checksum classifies accidental damage anywhere in the
 * header as DAMAGED before any key is derived; the keyed MAC and the body AEAD catch
 * deliberate changes (see DAMAGE CLASSES in sc-vault-file.c).
 */

#define SC_VAULT_MAGIC             "\x89SCV\r\n\x1a\n"
#define SC_VAULT_MAGIC_LEN         8
#define SC_VAULT_FORMAT_VERSION    2
/* The version the slot AD names, whatever the header's version. */
#define SC_VAULT_SLOT_AD_VERSION   1
#define SC_VAULT_PREFIX_LEN        12
#define SC_VAULT_FIXED_LEN         48
#define SC_VAULT_SLOT_FIXED_LEN    64
#define SC_VAULT_TRAILER_LEN       64
#define SC_VAULT_HEADER_MAX        4096
#define SC_VAULT_MAX_SLOTS         16
#define SC_VAULT_MAX_SLOTS_V1      3
#define SC_VAULT_KEY_BYTES         32
#define SC_VAULT_SALT_BYTES        16
#define SC_VAULT_NONCE_BYTES       24
#define SC_VAULT_TAG_BYTES         16
#define SC_VAULT_RECOVERY_BYTES    20  /* 160 bits: 32 Crockford base-32 characters */

/* PINNING. The implementer's public keys are not taken from the database when the
 * implementer's secret key is held: the box key is computed from the secret key in the
 * slot payload, and the Ed25519 signing key is derived from it (crypto_generichash keyed
 * with the box secret key), so only someone who can open the implementer's or the
 * recovery slot has them. The pin block (32 bytes: the signing seed again) marks a
 * payload that requires signatures: a vault whose implementer slot carries it refuses
 * any implementer-owned record without a valid signature, so a key holder who strips
 * the signatures from the database cannot make it look like a vault from before
 * signatures. The wrapped length W is part of the slot's AD, so the mark cannot be
 * removed without the slot's secret. A slot from before (W 112) is rewrapped with the
 * pin block the first time the implementer opens it with that slot's secret. */
#define SC_VAULT_PAYLOAD_FULL_V1   (3 * SC_VAULT_KEY_BYTES)
#define SC_VAULT_PAYLOAD_FULL      (4 * SC_VAULT_KEY_BYTES)
#define SC_VAULT_PAYLOAD_HR        (2 * SC_VAULT_KEY_BYTES)
#define SC_VAULT_WRAPPED_MAX       (SC_VAULT_PAYLOAD_FULL + SC_VAULT_TAG_BYTES)

typedef enum
{
  SC_VAULT_SLOT_IMPLEMENTER = 1,
  SC_VAULT_SLOT_RECOVERY = 2,
  SC_VAULT_SLOT_HR = 3,
} ScVaultSlotType;

typedef enum
{
  SC_VAULT_KDF_ARGON2ID = 1,
  SC_VAULT_KDF_BLAKE2B = 2,
} ScVaultKdf;

typedef struct
{
  guint8   type;
  guint8   kdf;
  guint16  wrapped_len;
  guint32  person_id;
  guint64  opslimit;
  guint64  memlimit;
  guint8   salt[SC_VAULT_SALT_BYTES];
  guint8   nonce[SC_VAULT_NONCE_BYTES];
  guint8   wrapped[SC_VAULT_WRAPPED_MAX];
} ScVaultSlot;

typedef struct
{
  guint16      version;
  guint16      header_len;
  guint64      save_counter;
  guint        n_slots;
  ScVaultSlot  slots[SC_VAULT_MAX_SLOTS];
  guint8       body_nonce[SC_VAULT_NONCE_BYTES];
  guint8       mac[32];
  guint8       checksum[32];
} ScVaultHeader;

/* SECURITY: the data key and its two subkeys, in one guarded block. */
typedef struct
{
  guint8 data_key[SC_VAULT_KEY_BYTES];
  guint8 enc_key[SC_VAULT_KEY_BYTES];
  guint8 mac_key[SC_VAULT_KEY_BYTES];
} ScVaultBodyKeys;

/**
 * sc_vault_header_parse:
 * @verify_checksum: %FALSE lets the fuzzer reach the structural checks
 *
 * Parses and validates every field and length of a header at the start of @data
 * (@len bytes: the whole file). Never reads outside @data.
 * Errors: DAMAGED, NEWER_VERSION.
 */
gboolean  sc_vault_header_parse         (const guint8        *data,
                                         gsize                len,
                                         gboolean             verify_checksum,
                                         ScVaultHeader       *header,
                                         GError             **error);

/* Sets header_len from the slots; returns it. */
gsize     sc_vault_header_compute_len   (ScVaultHeader       *header);

/* Writes header_len bytes: fields, slots, MAC (over @body of @body_len bytes, which
 * ends with its tag) and checksum. */
void      sc_vault_header_write         (const ScVaultHeader *header,
                                         const ScVaultBodyKeys *keys,
                                         guint64              body_len,
                                         const guint8        *body_tag,
                                         guint8              *out);

/* TRUE when the MAC in @data (a parsed header followed by its body) is right. */
gboolean  sc_vault_header_check_mac     (const ScVaultHeader *header,
                                         const ScVaultBodyKeys *keys,
                                         const guint8        *data,
                                         gsize                len);

void      sc_vault_header_checksum      (const guint8        *data,
                                         gsize                header_len,
                                         guint8               out[32]);

#define SC_VAULT_CHUNK_BYTES ((gsize) 1 << 18)

/* Ciphertext length of a body of @plain_len bytes (more than 0). */
gsize     sc_vault_body_len             (gsize                plain_len);

/* Plaintext length of a body of @body_len bytes, or 0 when no body has that length. */
gsize     sc_vault_body_plain_len       (gsize                body_len);

/* Encrypts chunk @index (@len bytes, the last one when @last) into @out (len + 16). */
void      sc_vault_body_encrypt_chunk   (const ScVaultHeader *header,
                                         const guint8        *enc_key,
                                         guint64              index,
                                         gboolean             last,
                                         const guint8        *plain,
                                         gsize                len,
                                         guint8              *out);

/* Decrypts a whole body into @plain (sc_vault_body_plain_len() bytes); FALSE when any
 * chunk fails to authenticate. */
gboolean  sc_vault_body_decrypt         (const ScVaultHeader *header,
                                         const guint8        *enc_key,
                                         const guint8        *body,
                                         gsize                body_len,
                                         guint8              *plain);

/* Reads a whole file. Errors: NOT_FOUND, IO, DAMAGED (too large). */
guint8   *sc_vault_read_file            (const char          *path,
                                         gsize               *out_len,
                                         GError             **error);

/* A durable replacement of a file: path.tmp (O_EXCL, mode 0600) is written, fsynced and
 * renamed over path, then the folder is fsynced. Any failure removes the tmp and leaves
 * the old file untouched. Errors: IO, NO_SPACE (ENOSPC, EFBIG, EDQUOT). */
typedef struct
{
  char    *path;
  char    *tmp;
  int      fd;
  guint64  offset;
  guint64  flushed;        /* bytes handed to early writeback */
} ScVaultFileWriter;

gboolean  sc_vault_file_writer_open     (ScVaultFileWriter   *writer,
                                         const char          *path,
                                         GError             **error);
/* Appends; starts writeback of what was written so far, so disk and CPU overlap. */
gboolean  sc_vault_file_writer_append   (ScVaultFileWriter   *writer,
                                         const guint8        *data,
                                         gsize                len,
                                         GError             **error);
gboolean  sc_vault_file_writer_pwrite   (ScVaultFileWriter   *writer,
                                         const guint8        *data,
                                         gsize                len,
                                         guint64              offset,
                                         GError             **error);
gboolean  sc_vault_file_writer_commit   (ScVaultFileWriter   *writer,
                                         GError             **error);
/* Removes the tmp; safe to call after a failure or a commit. */
void      sc_vault_file_writer_abort    (ScVaultFileWriter   *writer);

/* The writer in one call, for a buffer already in memory. */
gboolean  sc_vault_write_file_atomic    (const char          *path,
                                         const guint8        *data,
                                         gsize                len,
                                         GError             **error);

/* Takes the write lock (path.lock). Returns the fd or -1 with LOCKED / IO. */
int       sc_vault_lock_file            (const char          *path,
                                         GError             **error);

/* Fills the DAMAGED error with the message fit to show. */
void      sc_vault_set_damaged          (GError             **error);

/* ---- Keys and slots (sc-vault-keys.c) --------------------------------------------- */

/* SECURITY: derives the slot key from a passphrase (NFC-normalised) or recovery key
 * into guarded memory and opens the slot. @out_payload receives guarded memory of
 * the payload length; WRONG_PASSPHRASE when the slot does not open. */
gboolean  sc_vault_slot_unwrap          (const ScVaultSlot   *slot,
                                         const char          *passphrase,
                                         const guint8        *recovery,
                                         guint8             **out_payload,
                                         GError             **error);

/* Fills @slot (fresh salt and nonce) wrapping @payload for @type. */
gboolean  sc_vault_slot_wrap            (ScVaultSlot         *slot,
                                         ScVaultSlotType      type,
                                         const char          *passphrase,
                                         const guint8        *recovery,
                                         const ScVaultKdfLimits *limits,
                                         const guint8        *payload,
                                         GError             **error);

/* As sc_vault_slot_wrap(), for the slot of person @person_id (0: none; the recovery
 * slot never has one). The person id is part of the slot's AD. */
gboolean  sc_vault_slot_wrap_person     (ScVaultSlot         *slot,
                                         ScVaultSlotType      type,
                                         guint32              person_id,
                                         const char          *passphrase,
                                         const guint8        *recovery,
                                         const ScVaultKdfLimits *limits,
                                         const guint8        *payload,
                                         GError             **error);

/* The payload length a new slot of @type wraps. */
gsize     sc_vault_slot_payload_len     (ScVaultSlotType      type);

/* Whether a slot of @type may wrap @len bytes (an older vault's shorter payload too). */
gboolean  sc_vault_slot_payload_len_valid (guint              type,
                                         gsize                len);

/* Checks length and characters; INVALID otherwise. */
gboolean  sc_vault_check_passphrase     (const char          *passphrase,
                                         GError             **error);

/* SECURITY: a new random recovery key: raw bytes in guarded memory, and the text. */
guint8   *sc_vault_recovery_new         (char               **out_text);

/* Parses "XXXX-XXXX-…" into guarded memory; INVALID when it cannot be a recovery key. */
guint8   *sc_vault_recovery_parse       (const char          *text,
                                         GError             **error);

/* Derives enc_key and mac_key from data_key. */
void      sc_vault_body_keys_derive     (ScVaultBodyKeys     *keys);

/* ---- Schema (sc-vault-schema.c) --------------------------------------------------- */

#define SC_VAULT_SCHEMA_VERSION 8
/* The migration step that adds named people (sc-vault-people.c). */
#define SC_VAULT_SCHEMA_PEOPLE 7
/* The migration step that adds a kept result's PIN-only copy (sc-vault-past-results.c). */
#define SC_VAULT_SCHEMA_PIN_COPY 8
/* The migration step that adds the implementer's signatures and the audit hash chain. */
#define SC_VAULT_SCHEMA_SIGNED 5

/* Runs the migration steps after the database's user_version up to @target, one
 * transaction each. NEWER_VERSION when the database is newer than the program. */
gboolean  sc_vault_schema_migrate       (sqlite3             *db,
                                         int                  target,
                                         GError             **error);

int       sc_vault_schema_get_version   (sqlite3             *db);

/* SQLite helpers */
gboolean  sc_vault_db_exec              (sqlite3             *db,
                                         const char          *sql,
                                         GError             **error);
gboolean  sc_vault_db_begin             (sqlite3             *db,
                                         GError             **error);
gboolean  sc_vault_db_commit            (sqlite3             *db,
                                         GError             **error);
void      sc_vault_db_rollback          (sqlite3             *db);
sqlite3_stmt *sc_vault_db_prepare       (sqlite3             *db,
                                         const char          *sql,
                                         GError             **error);
void      sc_vault_db_set_error         (sqlite3             *db,
                                         GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* ---- The object, split over sc-vault.c, -save.c, -slots.c and -async.c ------------ */

/* SECURITY: see sc-vault.c for what is held in memory, and when. Only the sc-vault*.c
 * files touch these fields. */
struct _ScVault
{
  GObject           parent_instance;

  char             *path;
  int               lock_fd;          /* -1 when read-only or closed */
  gboolean          read_only;
  ScVaultRole       role;
  guint32           person_id;        /* the person who unlocked; 0 when none is known */
  char             *person_name;      /* their name from the people table, or NULL */
  sqlite3          *db;               /* NULL when locked or closed */
  ScVaultHeader     header;           /* as last written to (or read from) disk */
  ScVaultBodyKeys  *keys;             /* guarded; NULL when locked */
  guint8           *impl_sk;          /* guarded; NULL unless the implementer's */
  guint8           *hr_sk;            /* guarded; NULL in the kiosk */
  guint8            impl_pk[crypto_box_PUBLICKEYBYTES];
  guint8            hr_pk[crypto_box_PUBLICKEYBYTES];
  guint8           *sign_sk;          /* guarded Ed25519 key; NULL unless the implementer's */
  guint8            sign_pk[crypto_sign_PUBLICKEYBYTES];
  gboolean          impl_pk_pinned;   /* impl_pk comes from a slot payload, not the database */
  gboolean          signatures_required; /* the implementer's payload has the pin block */
  gboolean          dirty;            /* committed in memory, not yet on disk */
  GHashTable       *pending_hr;       /* submission id → GBytes sealed to HR */
  gint64            pending_decision_id;  /* the kiosk's last submission, or 0 */
  guint8           *pending_decision_key; /* guarded: its decision key, or NULL */

  /* sc-vault-async.c: the thread that started the running task (NULL when none), and
   * a lock or close asked for by that thread while the task ran. */
  GThread          *busy_caller;
  gboolean          lock_pending;
  gboolean          close_pending;

  /* sc-vault-codes.c: the employee whose access code the kiosk verified last (0: none);
   * the kiosk sees only that employee's roster entry. */
  gint64            kiosk_verified_employee;

  /* sc-vault-rollback.c: set when the opened file is older than this computer's record. */
  gboolean          rollback_warned;
  ScVaultRollbackWarning rollback;
};

/* sc-vault-rollback.c: compares the opened file with this computer's record (warning or
 * a higher record), and raises the record after a save. */
void          _sc_vault_rollback_check_opened (ScVault          *self);
void          _sc_vault_rollback_note_saved   (ScVault          *self);
/* sc-vault-rollback.c: turns WRONG_PASSPHRASE into DAMAGED when a passphrase slot of
 * @header differs from the one this computer saw last (a forged or replaced slot). */
void          _sc_vault_explain_wrong_passphrase (const ScVaultHeader *header,
                                                  GError             **error);

/* Whether the calling thread started a task that is still running on @self: it must
 * not use the vault until the task is done (see sc-vault-async.h). */
static inline gboolean
_sc_vault_busy_here (ScVault *self)
{
  return self->busy_caller != NULL && self->busy_caller == g_thread_self ();
}

/* sc-vault-async.c: the BUSY error for a call made while the caller's task runs. */
void          _sc_vault_set_busy_error  (GError              **error);

/* sc-vault-async.c: runs @func (vault, @data) in the worker, with the same busy rule as
 * the public _async functions; the store files' _async twins use it. _finish returns
 * @data (still owned by the task, freed with @destroy after the callback) or %NULL with
 * the error. */
typedef gboolean (*ScVaultWorkFunc)     (ScVault              *vault,
                                         gpointer              data,
                                         GError              **error);
void          _sc_vault_run_work_async  (ScVault              *vault,
                                         ScVaultWorkFunc       func,
                                         gpointer              data,
                                         GDestroyNotify        destroy,
                                         gpointer              source_tag,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gpointer      _sc_vault_run_work_finish (ScVault              *vault,
                                         GAsyncResult         *result,
                                         gpointer              source_tag,
                                         GError              **error);

/* sc-vault.c: sets the role and notifies ScVault:role. */
void          _sc_vault_set_role        (ScVault              *self,
                                         ScVaultRole           role);
/* SECURITY: zeroes and closes the in-memory database. */
void          _sc_vault_wipe_database   (ScVault              *self);
/* SECURITY: frees (and so wipes) every key. */
void          _sc_vault_wipe_secrets    (ScVault              *self);

/* sc-vault-save.c */
gboolean      _sc_vault_check_key_pair  (const guint8         *sk,
                                         const guint8         *pk);
/* SECURITY: the public keys from the database, checked against the pinned ones when
 * the implementer's keys are held (TAMPERED otherwise). */
gboolean      _sc_vault_load_public_keys (ScVault             *self,
                                         GError              **error);
gboolean      _sc_vault_load_body       (ScVault              *self,
                                         const ScVaultHeader  *header,
                                         const guint8         *data,
                                         gsize                 len,
                                         GError              **error);
gboolean      _sc_vault_finish_load     (ScVault              *self,
                                         gboolean             *out_migrated,
                                         GError              **error);
/* Writes header and body durably; the header's save counter and nonce are new. */
gboolean      _sc_vault_save_full       (ScVault              *self,
                                         GError              **error);
/* Writes @header (changed slots) with the body as it is on disk. */
gboolean      _sc_vault_save_header_only (ScVault             *self,
                                         ScVaultHeader        *header,
                                         GError              **error);

/* sc-vault-slots.c. SECURITY: moves the keys from a slot payload into guarded memory. */
gboolean      _sc_vault_take_payload    (ScVault              *self,
                                         ScVaultSlotType       type,
                                         const guint8         *payload,
                                         GError              **error);
/* SECURITY: the payload a slot of @type wraps, in guarded memory. */
guint8       *_sc_vault_build_payload   (ScVault              *self,
                                         ScVaultSlotType       type);
/* Tries the passphrase slots in order (implementers, then HR); @out_person_id
 * (nullable) receives the person id of the slot that opened. */
gboolean      _sc_vault_unwrap_passphrase (const ScVaultHeader *header,
                                         const char           *passphrase,
                                         guint8              **out_payload,
                                         ScVaultSlotType      *out_type,
                                         guint32              *out_person_id,
                                         GError              **error);
/* The first slot of @type. */
ScVaultSlot  *_sc_vault_find_slot       (ScVaultHeader        *header,
                                         ScVaultSlotType       type);
/* The slot of @type that belongs to @person_id (0: a slot made without a person). */
ScVaultSlot  *_sc_vault_find_person_slot (ScVaultHeader       *header,
                                         ScVaultSlotType       type,
                                         guint32               person_id);
/* The slot of @type of the person who unlocked, or the first of @type. */
ScVaultSlot  *_sc_vault_find_own_slot   (ScVault              *self,
                                         ScVaultSlotType       type);
/* Puts @slot in its place (slots are ordered by type), replacing the one of its type
 * and person. */
void          _sc_vault_set_slot        (ScVaultHeader        *header,
                                         const ScVaultSlot    *slot);
/* Removes the slots for which @drop returns TRUE. */
void          _sc_vault_drop_slots      (ScVaultHeader        *header,
                                         gboolean            (*drop) (const ScVaultSlot *slot,
                                                                      gpointer           data),
                                         gpointer              data);
/* Wraps the current keys again for the slot of @type and @person_id (new or replaced)
 * and saves the header. */
gboolean      _sc_vault_rewrap_slot     (ScVault              *self,
                                         ScVaultSlotType       type,
                                         guint32               person_id,
                                         const char           *passphrase,
                                         const guint8         *recovery,
                                         GError              **error);
/* sc-vault-people.c: sets the person who unlocked (0: a slot without a person, or the
 * recovery key) and looks up their name. */
void          _sc_vault_set_person      (ScVault              *self,
                                         guint32               person_id);
/* sc-vault-people.c, inside the current transaction: a people row (@id 0: the next
 * one; @name %NULL: the creator's default name). Returns its id, 0 on failure. */
gint64        _sc_vault_insert_person   (ScVault              *self,
                                         gint64                id,
                                         const char           *name,
                                         ScVaultPersonRole     role,
                                         GError              **error);
/* A vault from before signatures, opened by the implementer with @type's secret: signs
 * the implementer's records and rewraps that slot with the pin block. */
gboolean      _sc_vault_upgrade_to_signatures (ScVault        *self,
                                         ScVaultSlotType       type,
                                         const char           *passphrase,
                                         const guint8         *recovery,
                                         GError              **error);
/* Whether the vault settings let HR start the kiosk (SC_VAULT_SETTING_HR_KIOSK). */
gboolean      sc_vault_hr_may_start_kiosk (ScVault            *self);

/* ---- The object (sc-vault.c), used by the store files ------------------------------ */

sqlite3  *sc_vault_get_db               (ScVault             *vault);

/* Checks that the vault is unlocked, writable (when @write) and that the role is one
 * of @roles (a bit per ScVaultRole); PERMISSION / CLOSED / READ_ONLY otherwise. */
#define SC_VAULT_ROLE_BIT(r) (1u << (r))
#define SC_VAULT_ROLES_STAFF (SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_IMPLEMENTER) | \
                              SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_HR))
#define SC_VAULT_ROLES_ANY   (SC_VAULT_ROLES_STAFF | SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_KIOSK))
gboolean  sc_vault_check_role           (ScVault             *vault,
                                         guint                roles,
                                         gboolean             write,
                                         GError             **error);

/* BEGIN IMMEDIATE */
gboolean  sc_vault_begin                (ScVault             *vault,
                                         GError             **error);

/* COMMIT, then a durable save. If the save fails, the in-memory database is reloaded
 * from the file so that memory and disk agree, and the error is returned. */
gboolean  sc_vault_commit_and_save      (ScVault             *vault,
                                         GError             **error);

/* ROLLBACK after a failed step. */
void      sc_vault_rollback             (ScVault             *vault);

/* Marks the in-memory database as changed without saving (audit of reads); the next
 * save or close writes it. */
void      sc_vault_mark_dirty           (ScVault             *vault);

const guint8 *sc_vault_get_public_key   (ScVault             *vault,
                                         ScVaultRole          role);

/* SECURITY: the role's secret key, or %NULL when it is not held (kiosk, HR for the
 * implementer key). */
const guint8 *sc_vault_get_secret_key   (ScVault             *vault,
                                         ScVaultRole          role);

void      sc_vault_keep_pending_hr_seal (ScVault             *vault,
                                         gint64               submission_id,
                                         GBytes              *sealed);
GBytes   *sc_vault_take_pending_hr_seal (ScVault             *vault,
                                         gint64               submission_id);
void      sc_vault_clear_pending_hr_seals (ScVault           *vault);
/* SECURITY: the decision key of the kiosk's last submission (the kiosk cannot open the
 * sealed result to find it again); cleared with the HR seals. */
void      _sc_vault_keep_decision_key   (ScVault             *vault,
                                         gint64               submission_id,
                                         const guint8        *key);
const guint8 *_sc_vault_get_decision_key (ScVault            *vault,
                                         gint64               submission_id);

/* Argon2id limits for partial-answer keys: interactive, or lower when the vault's own
 * slots use lower ones (tests). */
void      sc_vault_get_partial_limits   (ScVault             *vault,
                                         ScVaultKdfLimits    *limits);

/* Appends an audit row inside the current transaction. */
gboolean  sc_vault_audit_insert         (ScVault             *vault,
                                         const char          *action,
                                         gint64               target,
                                         GError             **error);

/* ---- Shared by the store files (sc-vault-<aggregate>.c) ---------------------------- */

/* The current Unix time, as stored in the vault. */
gint64    _sc_vault_now                 (void);

/* Little-endian 64-bit integers in sealed plaintexts and associated data. */
void      _sc_vault_put_i64             (guint8              *p,
                                         gint64               v);
gint64    _sc_vault_get_i64             (const guint8        *p);

/* sqlite3_step() that must give SQLITE_DONE; sets the error otherwise. */
gboolean  _sc_vault_step_done           (sqlite3             *db,
                                         sqlite3_stmt        *stmt,
                                         GError             **error);
void      _sc_vault_set_not_found       (GError             **error,
                                         const char          *what);
/* Binds NULL for a %NULL or empty @text. */
void      _sc_vault_bind_text_or_null   (sqlite3_stmt        *stmt,
                                         int                  index,
                                         const char          *text);
char     *_sc_vault_column_strdup       (sqlite3_stmt        *stmt,
                                         int                  column);

/* sc-vault-roster.c: NOT_FOUND when no employee has @number. */
gboolean  _sc_vault_lookup_employee_id  (sqlite3             *db,
                                         const char          *number,
                                         gint64              *out_id,
                                         GError             **error);

/* sc-vault-rounds.c: judges @result again with the round's current criteria (they may
 * have changed since it was sealed). */
gboolean       _sc_vault_judge_with_round (sqlite3             *db,
                                           gint64               round_id,
                                           ScResult            *result,
                                           GError             **error);
/* sc-vault-rounds.c: NOT_FOUND when there is no such round; @criteria and @closed may
 * be %NULL. */
gboolean  _sc_vault_lookup_round        (sqlite3             *db,
                                         gint64               round_id,
                                         ScCriteria          *criteria,
                                         gboolean            *closed,
                                         GError             **error);

/* sc-vault-seal.c. SECURITY: seals a result (and the answers, when @answers is not
 * %NULL) to @pk, bound to the round and employee row; with @decision_key (the
 * implementer's copy), the key that authenticates the employee's decisions
 * (sc-vault-submissions.c, DECISIONS) is sealed with it. */
#define SC_VAULT_DECISION_KEY_BYTES 32
GBytes   *_sc_vault_seal_result         (const guint8        *pk,
                                         gint64               round_id,
                                         gint64               employee_id,
                                         const ScResult      *result,
                                         const guint8        *answers,
                                         const guint8        *decision_key);
/* SECURITY: opens a sealed result with the key pair; FALSE when it does not open or
 * names another round or employee. @out_decision_key (nullable, guarded memory of
 * %SC_VAULT_DECISION_KEY_BYTES) receives the decision key when the copy has one. */
gboolean  _sc_vault_open_result         (const void          *sealed,
                                         gsize                sealed_len,
                                         const guint8        *pk,
                                         const guint8        *sk,
                                         gint64               round_id,
                                         gint64               employee_id,
                                         ScVaultResult       *out,
                                         guint8              *out_decision_key,
                                         gboolean            *out_has_decision_key);

/* sc-vault-submissions.c: the round and employee rows of a submission, and whether HR
 * holds a copy (each out nullable); NOT_FOUND when there is no such submission. */
gboolean  _sc_vault_lookup_submission   (sqlite3             *db,
                                         gint64               submission_id,
                                         gint64              *out_round_id,
                                         gint64              *out_employee_id,
                                         gboolean            *out_has_hr,
                                         GError             **error);
/* SECURITY: the implementer's decrypted view of a submission (DAMAGED when it does not
 * open); @out_decision_key as in _sc_vault_open_result(). The caller wipes @out. */
gboolean  _sc_vault_open_as_implementer (ScVault             *vault,
                                         gint64               submission_id,
                                         gint64               round_id,
                                         gint64               employee_id,
                                         ScVaultResult       *out,
                                         guint8              *out_decision_key,
                                         gboolean            *out_has_decision_key,
                                         GError             **error);
/* SECURITY: the implementer opens a submission and seals its result again for HR;
 * %NULL with the error set when it does not open. */
GBytes   *_sc_vault_reseal_for_hr       (ScVault             *vault,
                                         gint64               submission_id,
                                         gint64               round_id,
                                         gint64               employee_id,
                                         GError             **error);
/* Stores @sealed (%NULL: none) as HR's copy of a submission. */
gboolean  _sc_vault_set_sealed_hr       (sqlite3             *db,
                                         gint64               submission_id,
                                         GBytes              *sealed,
                                         GError             **error);

/* sc-vault-codes.c: the access-code throttle, shared with the result views. */
gboolean  _sc_vault_read_throttle       (sqlite3             *db,
                                         gint64               round_id,
                                         gint64               employee_id,
                                         ScAccessThrottle    *throttle,
                                         char               **out_hash,
                                         GError             **error);
gboolean  _sc_vault_throttle_allows     (const ScAccessThrottle *throttle,
                                         GError             **error);
gboolean  _sc_vault_record_attempt      (ScVault             *vault,
                                         gint64               round_id,
                                         gint64               employee_id,
                                         ScAccessThrottle    *throttle,
                                         gboolean             success,
                                         const char          *fail_action,
                                         GError             **error);

/* ---- Signed records and the audit chain (sc-vault-sign.c, sc-vault-audit.c) --------- */

/* A canonical serialisation of a record, for signing: fields appended in a fixed order,
 * each with its type and length, so that no two records serialise alike. */
void      _sc_vault_canon_add_i64       (GByteArray          *canon,
                                         gint64               v);
void      _sc_vault_canon_add_text      (GByteArray          *canon,
                                         const char          *text);
void      _sc_vault_canon_add_blob      (GByteArray          *canon,
                                         const void          *data,
                                         gsize                len);

/* SECURITY: sets up the implementer's Ed25519 key pair from the box secret key held in
 * guarded memory; FALSE when there is no protected memory. */
gboolean  _sc_vault_derive_signing_key  (ScVault             *self);

/**
 * _sc_vault_sign_record:
 * @kind: what the record is ("round", "settings", "keys", "recommendation", …)
 * @record_id: its row id, or 0 for a record of which there is one
 * @canon: its canonical serialisation
 *
 * Implementer only, inside the current transaction: stores the implementer's signature
 * over kind ‖ id ‖ @canon, replacing an earlier one. A vault opened by someone else
 * (no signing key) stores nothing, and the implementer's next open reports the record.
 */
gboolean  _sc_vault_sign_record         (ScVault             *self,
                                         const char          *kind,
                                         gint64               record_id,
                                         GByteArray          *canon,
                                         GError             **error);

/* TAMPERED (with @what in the message) when the stored signature is missing or does not
 * match @canon under the pinned signing key. */
gboolean  _sc_vault_verify_record       (ScVault             *self,
                                         const char          *kind,
                                         gint64               record_id,
                                         GByteArray          *canon,
                                         const char          *what,
                                         GError             **error);

/* Removes a record's signature (the record was deleted by the implementer). */
gboolean  _sc_vault_unsign_record       (ScVault             *self,
                                         const char          *kind,
                                         gint64               record_id,
                                         GError             **error);

/* Canonical forms of the implementer-owned records, shared by signing and checking. */
GByteArray *_sc_vault_canon_round       (sqlite3             *db,
                                         gint64               round_id,
                                         char               **out_name);
GByteArray *_sc_vault_canon_settings    (sqlite3             *db);
GByteArray *_sc_vault_canon_keys        (ScVault             *self);
GByteArray *_sc_vault_canon_recommendation (sqlite3          *db,
                                         gint64               submission_id);
GByteArray *_sc_vault_canon_decision    (sqlite3             *db,
                                         gint64               submission_id);
GByteArray *_sc_vault_canon_release     (sqlite3             *db,
                                         gint64               release_id,
                                         char               **out_title);

/* Re-signs every implementer-owned record (a vault from before signatures). */
gboolean  _sc_vault_sign_all            (ScVault             *self,
                                         GError             **error);
/* sc-vault-sign.c: a person's row (sc-vault-people.c), signed again after every change
 * the implementer makes to it. */
GByteArray *_sc_vault_canon_person      (sqlite3             *db,
                                         gint64               person_id,
                                         char               **out_label);
gboolean  _sc_vault_sign_person         (ScVault             *self,
                                         gint64               person_id,
                                         GError             **error);
/* sc-vault-sign.c: on the implementer's open, signs the people rows of a vault from
 * before they were signed (once; the mark is a signed setting). */
gboolean  _sc_vault_sign_people_once    (ScVault             *self,
                                         gboolean            *out_signed,
                                         GError             **error);
/* sc-vault-rekey.c: inside the current transaction, the implementer seals every HR copy
 * again to @new_pk, stores it as HR's public key, signs again and then holds @new_sk as
 * HR's secret key (the old pair stays in memory on failure; roll back). */
gboolean  _sc_vault_rekey_hr            (ScVault             *self,
                                         const guint8        *new_pk,
                                         const guint8        *new_sk,
                                         GError             **error);

/* On every open by the implementer: every implementer-owned record and every signature
 * agree. TAMPERED naming the first record that does not. */
gboolean  _sc_vault_verify_all          (ScVault             *self,
                                         GError             **error);

/* Whether any signature is stored (a vault already upgraded to signatures). */
gboolean  _sc_vault_has_signatures      (ScVault             *self);

/* sc-vault-audit.c: on every open, the hash chain of the audit log is intact;
 * TAMPERED naming the first entry (1-based) that was changed, or follows a removed one. */
gboolean  _sc_vault_audit_verify_chain  (ScVault             *self,
                                         GError             **error);

/* SECURITY: the implementer's signature over the newest entry (inside a transaction). */
gboolean  _sc_vault_audit_sign_head     (ScVault             *self,
                                         GError             **error);

/* Schema step 4: a chain seed and the chain over the entries already there. */
gboolean  _sc_vault_audit_chain_init    (sqlite3             *db,
                                         GError             **error);

/* sc-vault-slots.c: refuses (INVALID) a @passphrase that opens any
 * passphrase slot other than @except (nullable; compared by type and person) (DESIGN.md §2.5: no two slots share a
 * passphrase, because the role follows from which slot a passphrase opens). */
gboolean  _sc_vault_check_passphrase_unique (const ScVaultHeader *header,
                                         const char          *passphrase,
                                         const ScVaultSlot   *except,
                                         GError             **error);

/* sc-vault-result-views.c: SC_VAULT_PARTIAL_KEY_BYTES of guarded memory from @secret (an
 * access code, a PIN) and @salt (crypto_pwhash_SALTBYTES) by Argon2id at the limits of the
 * access codes. Free with sc_secure_free(). */
guint8   *_sc_vault_derive_secret_key   (ScVault             *vault,
                                         const char          *secret,
                                         const guint8        *salt,
                                         GError             **error);

/* sc-vault-past-results.c: a kept result's plain text (answers, then sex), and its copy
 * sealed under the PIN alone, stored in the result_views row (inside a transaction). */
#define SC_VAULT_VIEW_PLAIN_LEN (SC_BJSQ_N_ITEMS + 1)
gboolean  _sc_vault_store_pin_copy      (ScVault             *vault,
                                         gint64               round_id,
                                         gint64               employee_id,
                                         const char          *pin,
                                         const guint8        *plain,
                                         gsize                plain_len,
                                         GError             **error);

/* ---- Test hooks ------------------------------------------------------------------- */

/* Changes the action of audit entry @index (1-based, oldest first) in memory and saves,
 * as someone editing the database by hand would. */
gboolean  sc_vault_test_edit_audit      (ScVault             *vault,
                                         guint                index,
                                         const char          *action,
                                         GError             **error);

/* Deletes audit entry @index (1-based) in memory and saves. */
gboolean  sc_vault_test_delete_audit    (ScVault             *vault,
                                         guint                index,
                                         GError             **error);

/* When > 0, headers are written with this format version (tests of older files; the
 * caller keeps to what that version allows). */
extern int sc_vault_test_format_version;

/* When > 0, sc_vault_create() runs migrations up to this step only. */
extern int sc_vault_test_schema_target;

/* When set, implementer and recovery slots are wrapped without the pin block, as
 * before signatures (tests of the upgrade of an older vault). */
extern gboolean sc_vault_test_legacy_slots;

/* Saves now (after changing something with sc_vault_get_db()). */
gboolean  sc_vault_test_save            (ScVault             *vault,
                                         GError             **error);

/* The HR key pair, to prove in tests what HR's key can and cannot open. */
gboolean  sc_vault_test_get_hr_keys     (ScVault             *vault,
                                         guint8               pk[32],
                                         guint8               sk[32]);

/* Whether the secret-key pointers are set (FALSE after entering the kiosk). */
gboolean  sc_vault_test_holds_secret_keys (ScVault           *vault);

/* Keeps the rollback records in @dir instead of the user's state folder. */
void      sc_vault_test_set_state_dir   (const char          *dir);

/* Copies the data key (tests compare it across a passphrase change). */
gboolean  sc_vault_test_get_data_key    (ScVault             *vault,
                                         guint8               out[SC_VAULT_KEY_BYTES]);

G_END_DECLS
