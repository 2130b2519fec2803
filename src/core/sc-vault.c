/* sc-vault.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ScVault object: creating, opening, saving, locking and closing a vault, its
 * key slots, and the kiosk mode. The store functions are in sc-vault-store.c.
 *
 * SECURITY: what is held in memory, and when.
 *   keys (data key, body encryption and MAC subkeys): guarded memory from unlock until
 *     lock/close. Kept in kiosk mode, which must still write the database.
 *   impl_sk: guarded memory, only when unlocked by the implementer's passphrase or the
 *     recovery key; wiped when the kiosk starts.
 *   hr_sk: guarded memory, for the implementer and HR roles; wiped when the kiosk starts.
 *   Passphrases are never copied except into guarded memory for the KDF, never logged.
 *   The database itself is in SQLite's heap; it is zeroed before it is closed.
 */
#define G_LOG_DOMAIN "sc-vault"

#include "config.h"

#include "sc-vault-private.h"
#include "sc-access-code.h"
#include "sc-secure.h"

#include <string.h>
#include <unistd.h>

struct _ScVault
{
  GObject           parent_instance;

  char             *path;
  int               lock_fd;          /* -1 when read-only or closed */
  gboolean          read_only;
  ScVaultRole       role;
  sqlite3          *db;               /* NULL when locked or closed */
  ScVaultHeader     header;           /* as last written to (or read from) disk */
  ScVaultBodyKeys  *keys;             /* guarded; NULL when locked */
  guint8           *impl_sk;          /* guarded; NULL unless the implementer's */
  guint8           *hr_sk;            /* guarded; NULL in the kiosk */
  guint8            impl_pk[crypto_box_PUBLICKEYBYTES];
  guint8            hr_pk[crypto_box_PUBLICKEYBYTES];
  gboolean          dirty;            /* committed in memory, not yet on disk */
  GHashTable       *pending_hr;       /* submission id → GBytes sealed to HR */
};

enum
{
  PROP_0,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ScVault, sc_vault, G_TYPE_OBJECT)

G_DEFINE_QUARK (sc-vault-error-quark, sc_vault_error)

int sc_vault_test_schema_target = 0;

static const ScVaultKdfLimits default_limits = {
  /* Measured on the development machine (Xeon, 2 cores): 3 passes over 256 MiB take
   * 0.54 s, the MODERATE preset of libsodium. */
  .opslimit = crypto_pwhash_OPSLIMIT_MODERATE,
  .memlimit = crypto_pwhash_MEMLIMIT_MODERATE,
};

static const ScVaultKdfLimits testing_limits = {
  .opslimit = crypto_pwhash_OPSLIMIT_MIN,
  .memlimit = crypto_pwhash_MEMLIMIT_MIN,
};

const ScVaultKdfLimits *
sc_vault_kdf_limits_default (void)
{
  return &default_limits;
}

const ScVaultKdfLimits *
sc_vault_kdf_limits_for_testing (void)
{
  return &testing_limits;
}

static gboolean
minimum_limits_requested (void)
{
  static gsize warned;

  if (g_strcmp0 (g_getenv ("STRESSCHECK_KDF"), "min") != 0)
    return FALSE;
  if (g_once_init_enter (&warned))
    {
      g_printerr ("%s: warning: STRESSCHECK_KDF=min: minimum key derivation limits, for "
                  "tests only\n", g_get_prgname () ? g_get_prgname () : "stresscheck");
      g_once_init_leave (&warned, 1);
    }
  return TRUE;
}

const ScVaultKdfLimits *
sc_vault_kdf_limits_for_new_vault (void)
{
  return minimum_limits_requested () ? &testing_limits : &default_limits;
}

void
sc_vault_code_limits_for_new_codes (guint64 *opslimit,
                                    gsize   *memlimit)
{
  g_return_if_fail (opslimit != NULL && memlimit != NULL);

  if (minimum_limits_requested ())
    {
      *opslimit = crypto_pwhash_OPSLIMIT_MIN;
      *memlimit = crypto_pwhash_MEMLIMIT_MIN;
    }
  else
    {
      *opslimit = SC_ACCESS_CODE_OPSLIMIT_DEFAULT;
      *memlimit = SC_ACCESS_CODE_MEMLIMIT_DEFAULT;
    }
}

static void
set_role (ScVault     *self,
          ScVaultRole  role)
{
  if (self->role == role)
    return;
  self->role = role;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

/* SECURITY: zeroes the plaintext database before SQLite frees it. */
static void
wipe_database (ScVault *self)
{
  if (self->db != NULL)
    {
      sqlite3_int64 size = 0;
      unsigned char *p = sqlite3_serialize (self->db, "main", &size,
                                            SQLITE_SERIALIZE_NOCOPY);

      if (p != NULL && size > 0)
        sodium_memzero (p, (gsize) size);
      /* _v2: a caller may still hold a finished statement (a failed save reloads the
       * database in the middle of a store call); the connection goes with it. */
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
}

/* SECURITY: wipes every key (sodium_free zeroes the memory). */
static void
wipe_secrets (ScVault *self)
{
  sc_secure_clear ((gpointer *) &self->keys);
  sc_secure_clear ((gpointer *) &self->impl_sk);
  sc_secure_clear ((gpointer *) &self->hr_sk);
  g_hash_table_remove_all (self->pending_hr);
}

static void
sc_vault_finalize (GObject *object)
{
  ScVault *self = SC_VAULT (object);

  sc_vault_close (self);
  g_hash_table_unref (self->pending_hr);
  g_free (self->path);

  G_OBJECT_CLASS (sc_vault_parent_class)->finalize (object);
}

static void
sc_vault_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  ScVault *self = SC_VAULT (object);

  switch (prop_id)
    {
    case PROP_ROLE:
      g_value_set_int (value, self->role);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_vault_class_init (ScVaultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sc_vault_finalize;
  object_class->get_property = sc_vault_get_property;

  /* The ScVaultRole the vault is unlocked with; SC_VAULT_ROLE_NONE when locked. */
  properties[PROP_ROLE] =
    g_param_spec_int ("role", NULL, NULL,
                      SC_VAULT_ROLE_NONE, SC_VAULT_ROLE_KIOSK, SC_VAULT_ROLE_NONE,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_vault_init (ScVault *self)
{
  self->lock_fd = -1;
  self->pending_hr = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                            g_free, (GDestroyNotify) g_bytes_unref);
}

/* ---- Keys --------------------------------------------------------------------------- */

/* SECURITY: moves the keys out of a slot payload into the vault's guarded memory. */
static gboolean
take_payload (ScVault          *self,
              ScVaultSlotType   type,
              const guint8     *payload,
              GError          **error)
{
  ScVaultBodyKeys *keys = sc_secure_alloc (sizeof *keys);
  guint8 *impl_sk = NULL, *hr_sk;

  if (keys == NULL)
    goto no_memory;
  memcpy (keys->data_key, payload, SC_VAULT_KEY_BYTES);
  sc_vault_body_keys_derive (keys);

  if (type == SC_VAULT_SLOT_HR)
    hr_sk = sc_secure_dup (payload + SC_VAULT_KEY_BYTES, crypto_box_SECRETKEYBYTES);
  else
    {
      impl_sk = sc_secure_dup (payload + SC_VAULT_KEY_BYTES, crypto_box_SECRETKEYBYTES);
      hr_sk = sc_secure_dup (payload + 2 * SC_VAULT_KEY_BYTES, crypto_box_SECRETKEYBYTES);
      if (impl_sk == NULL)
        {
          sc_secure_free (hr_sk);
          sc_secure_free (keys);
          goto no_memory;
        }
    }
  if (hr_sk == NULL)
    {
      sc_secure_free (impl_sk);
      sc_secure_free (keys);
      goto no_memory;
    }

  wipe_secrets (self);
  self->keys = keys;
  self->impl_sk = impl_sk;
  self->hr_sk = hr_sk;
  return TRUE;

no_memory:
  g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_IO,
                       "There is not enough protected memory to unlock the vault.");
  return FALSE;
}

/* SECURITY: builds the payload a slot of @type wraps, in guarded memory. */
static guint8 *
build_payload (ScVault          *self,
               ScVaultSlotType   type)
{
  guint8 *payload = sc_secure_alloc (sc_vault_slot_payload_len (type));

  g_assert (self->keys != NULL && self->hr_sk != NULL);
  if (payload == NULL)
    return NULL;
  memcpy (payload, self->keys->data_key, SC_VAULT_KEY_BYTES);
  if (type == SC_VAULT_SLOT_HR)
    memcpy (payload + SC_VAULT_KEY_BYTES, self->hr_sk, crypto_box_SECRETKEYBYTES);
  else
    {
      g_assert (self->impl_sk != NULL);
      memcpy (payload + SC_VAULT_KEY_BYTES, self->impl_sk, crypto_box_SECRETKEYBYTES);
      memcpy (payload + 2 * SC_VAULT_KEY_BYTES, self->hr_sk, crypto_box_SECRETKEYBYTES);
    }
  return payload;
}

/* Tries the passphrase slots in order (implementer, then HR). */
static gboolean
unwrap_passphrase (const ScVaultHeader  *header,
                   const char           *passphrase,
                   guint8              **out_payload,
                   ScVaultSlotType      *out_type,
                   GError              **error)
{
  g_autoptr(GError) last_error = NULL;

  for (guint i = 0; i < header->n_slots; i++)
    {
      const ScVaultSlot *slot = &header->slots[i];

      if (slot->kdf != SC_VAULT_KDF_ARGON2ID)
        continue;
      g_clear_error (&last_error);
      if (sc_vault_slot_unwrap (slot, passphrase, NULL, out_payload, &last_error))
        {
          *out_type = slot->type;
          return TRUE;
        }
      if (!g_error_matches (last_error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE))
        break;
    }
  g_propagate_error (error, g_steal_pointer (&last_error));
  return FALSE;
}

static ScVaultSlot *
find_slot (ScVaultHeader   *header,
           ScVaultSlotType  type)
{
  for (guint i = 0; i < header->n_slots; i++)
    if (header->slots[i].type == type)
      return &header->slots[i];
  return NULL;
}

/* Puts @slot in its place (slots are ordered by type), replacing one of its type. */
static void
set_slot (ScVaultHeader     *header,
          const ScVaultSlot *slot)
{
  guint i;
  ScVaultSlot *existing = find_slot (header, slot->type);

  if (existing != NULL)
    {
      *existing = *slot;
      return;
    }
  g_assert (header->n_slots < SC_VAULT_MAX_SLOTS);
  for (i = header->n_slots; i > 0 && header->slots[i - 1].type > slot->type; i--)
    header->slots[i] = header->slots[i - 1];
  header->slots[i] = *slot;
  header->n_slots++;
  sc_vault_header_compute_len (header);
}

static void
limits_of_slot (const ScVaultSlot *slot,
                ScVaultKdfLimits  *limits)
{
  limits->opslimit = slot->opslimit;
  limits->memlimit = (gsize) slot->memlimit;
}

/* ---- Body --------------------------------------------------------------------------- */

static gboolean
load_public_keys (ScVault  *self,
                  GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint found = 0;

  stmt = sc_vault_db_prepare (self->db, "SELECT role, public_key FROM vault_keys", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *role = (const char *) sqlite3_column_text (stmt, 0);
      const void *pk = sqlite3_column_blob (stmt, 1);

      if (role == NULL || pk == NULL
          || sqlite3_column_bytes (stmt, 1) != crypto_box_PUBLICKEYBYTES)
        continue;
      if (g_str_equal (role, "implementer"))
        {
          memcpy (self->impl_pk, pk, crypto_box_PUBLICKEYBYTES);
          found |= 1;
        }
      else if (g_str_equal (role, "hr"))
        {
          memcpy (self->hr_pk, pk, crypto_box_PUBLICKEYBYTES);
          found |= 2;
        }
    }
  if (found != 3)
    {
      sc_vault_set_damaged (error);
      return FALSE;
    }
  return TRUE;
}

/* SECURITY: a secret key held must belong to the public key in the database. Anyone
 * with the data key (HR, the kiosk) can rewrite the database; if someone replaced the
 * implementer's public key to receive future answers, the implementer's next unlock
 * reports the vault as modified. */
static gboolean
check_key_pair (const guint8 *sk,
                const guint8 *pk)
{
  guint8 derived[crypto_box_PUBLICKEYBYTES];

  if (sk == NULL)
    return TRUE;
  if (crypto_scalarmult_base (derived, sk) != 0)
    return FALSE;
  return sodium_memcmp (derived, pk, sizeof derived) == 0;
}

/* Authenticates and decrypts @data (a whole file whose header is @header) into a fresh
 * in-memory database replacing the current one. */
static gboolean
load_body (ScVault              *self,
           const ScVaultHeader  *header,
           const guint8         *data,
           gsize                 len,
           GError              **error)
{
  const guint8 *body = data + header->header_len;
  gsize body_len = len - header->header_len;
  gsize plain_len;
  unsigned char *plain;
  sqlite3 *db = NULL;
  int rc;

  if (!sc_vault_header_check_mac (header, self->keys, data, len))
    {
      sc_vault_set_damaged (error);
      return FALSE;
    }
  plain_len = sc_vault_body_plain_len (body_len);
  if (plain_len < 100)          /* smaller than an SQLite header */
    {
      sc_vault_set_damaged (error);
      return FALSE;
    }
  plain = sqlite3_malloc64 (plain_len);
  if (plain == NULL)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NO_SPACE,
                           "There is not enough memory to open the vault.");
      return FALSE;
    }
  if (!sc_vault_body_decrypt (header, self->keys->enc_key, body, body_len, plain)
      || memcmp (plain, "SQLite format 3", 16) != 0)
    {
      sqlite3_free (plain);
      sc_vault_set_damaged (error);
      return FALSE;
    }

  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)
      != SQLITE_OK)
    {
      sqlite3_free (plain);
      sqlite3_close (db);
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NO_SPACE,
                           "There is not enough memory to open the vault.");
      return FALSE;
    }
  rc = sqlite3_deserialize (db, "main", plain, (sqlite3_int64) plain_len,
                            (sqlite3_int64) plain_len,
                            SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE);
  if (rc != SQLITE_OK)
    {
      sqlite3_close (db);
      sc_vault_set_damaged (error);
      return FALSE;
    }

  wipe_database (self);
  self->db = db;
  /* secure_delete: a withdrawn consent or a submitted partial answer leaves no copy
   * in free pages. */
  if (!sc_vault_db_exec (db, "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;", error))
    return FALSE;
  return TRUE;
}

static gboolean
finish_load (ScVault  *self,
             gboolean *out_migrated,
             GError  **error)
{
  int before = sc_vault_schema_get_version (self->db);
  int target = SC_VAULT_SCHEMA_VERSION;

  if (before < 1)
    {
      sc_vault_set_damaged (error);
      return FALSE;
    }
  if (!sc_vault_schema_migrate (self->db, target, error))
    return FALSE;
  if (out_migrated != NULL)
    *out_migrated = before != target;

  if (!load_public_keys (self, error))
    return FALSE;
  if (!check_key_pair (self->impl_sk, self->impl_pk) || !check_key_pair (self->hr_sk, self->hr_pk))
    {
      sc_vault_set_damaged (error);
      return FALSE;
    }
  return TRUE;
}

/* Writes the header and @body (ciphertext ‖ tag) as the vault file. */
static gboolean
write_vault (ScVault        *self,
             ScVaultHeader  *header,
             guint8         *buffer,      /* header_len bytes free, then the body */
             gsize           body_len,
             GError        **error)
{
  gsize h = header->header_len;

  sc_vault_header_write (header, self->keys, body_len, buffer + h + body_len - SC_VAULT_TAG_BYTES,
                         buffer);
  return sc_vault_write_file_atomic (self->path, buffer, h + body_len, error);
}

/* Re-reads the file after a failed save, so memory holds what is on disk. */
static void
reload_after_failure (ScVault  *self,
                      GError  **error)
{
  g_autoptr(GError) reload_error = NULL;
  g_autofree guint8 *data = NULL;
  ScVaultHeader header;
  gsize len = 0;

  /* Nothing was ever saved (sc_vault_create() failed): there is nothing to reload. */
  if (self->header.save_counter == 0)
    return;
  data = sc_vault_read_file (self->path, &len, &reload_error);
  if (data != NULL
      && sc_vault_header_parse (data, len, TRUE, &header, &reload_error)
      && load_body (self, &header, data, len, &reload_error)
      && finish_load (self, NULL, &reload_error))
    {
      self->header = header;
      self->dirty = FALSE;
      return;
    }
  /* The file cannot be read back: lock the vault rather than keep unsaved data that
   * disagrees with the disk. The person unlocks it again. */
  wipe_database (self);
  wipe_secrets (self);
  set_role (self, SC_VAULT_ROLE_NONE);
  if (error != NULL && *error != NULL)
    g_prefix_error (error, "The vault was locked to protect it; unlock it again. ");
}

/* Encryption of the body, chunk by chunk, in a worker thread while the caller writes
 * the chunks already done: with two cores a large save costs about what the disk write
 * alone costs. Chunks come out of @ready in order; used buffers go back through @spare. */
#define PIPELINE_BUFFERS 4

typedef struct
{
  const ScVaultHeader *header;
  const guint8        *enc_key;
  const guint8        *plain;
  gsize                plain_len;
  GAsyncQueue         *spare;
  GAsyncQueue         *ready;
} Pipeline;

static gpointer
encrypt_chunks (gpointer data)
{
  Pipeline *p = data;
  gsize off = 0;

  for (guint64 i = 0; off < p->plain_len; i++)
    {
      gsize len = MIN (SC_VAULT_CHUNK_BYTES, p->plain_len - off);
      guint8 *buffer = g_async_queue_pop (p->spare);

      sc_vault_body_encrypt_chunk (p->header, p->enc_key, i, off + len == p->plain_len,
                                   p->plain + off, len, buffer);
      g_async_queue_push (p->ready, buffer);
      off += len;
    }
  return NULL;
}

/* Encrypts the database straight into the temporary file, without a second copy of it;
 * the header, which holds the MAC over the last chunk's tag, is written last. */
static gboolean
save_full (ScVault  *self,
           GError  **error)
{
  ScVaultHeader header = self->header;
  ScVaultFileWriter writer;
  Pipeline pipeline = { 0 };
  GThread *worker = NULL;
  guint8 *buffers[PIPELINE_BUFFERS];
  guint8 last_tag[SC_VAULT_TAG_BYTES] = { 0 };
  sqlite3_int64 plain_len = 0;
  unsigned char *plain, *copy = NULL;
  g_autofree guint8 *head = NULL;
  gsize h, body_len, off = 0;
  gboolean ok;

  g_assert (self->db != NULL && self->keys != NULL);

  plain = sqlite3_serialize (self->db, "main", &plain_len, SQLITE_SERIALIZE_NOCOPY);
  if (plain == NULL)
    plain = copy = sqlite3_serialize (self->db, "main", &plain_len, 0);
  if (plain == NULL || plain_len <= 0)
    {
      sqlite3_free (copy);
      sc_vault_db_set_error (self->db, error);
      return FALSE;
    }

  header.save_counter++;
  randombytes_buf (header.body_nonce, sizeof header.body_nonce);
  h = sc_vault_header_compute_len (&header);
  body_len = sc_vault_body_len ((gsize) plain_len);
  head = g_malloc (h);

  ok = sc_vault_file_writer_open (&writer, self->path, error);
  /* The body goes after the room left for the header. */
  writer.offset = h;

  pipeline.header = &header;
  pipeline.enc_key = self->keys->enc_key;
  pipeline.plain = plain;
  pipeline.plain_len = (gsize) plain_len;
  pipeline.spare = g_async_queue_new ();
  pipeline.ready = g_async_queue_new ();
  for (guint i = 0; i < PIPELINE_BUFFERS; i++)
    {
      buffers[i] = g_malloc (SC_VAULT_CHUNK_BYTES + SC_VAULT_TAG_BYTES);
      g_async_queue_push (pipeline.spare, buffers[i]);
    }
  if (ok && (gsize) plain_len > SC_VAULT_CHUNK_BYTES)
    worker = g_thread_new ("sc-vault-save", encrypt_chunks, &pipeline);

  for (guint64 i = 0; ok && off < (gsize) plain_len; i++)
    {
      gsize len = MIN (SC_VAULT_CHUNK_BYTES, (gsize) plain_len - off);
      guint8 *buffer;

      if (worker == NULL)
        {
          buffer = g_async_queue_pop (pipeline.spare);
          sc_vault_body_encrypt_chunk (&header, pipeline.enc_key, i,
                                       off + len == (gsize) plain_len, plain + off, len,
                                       buffer);
        }
      else
        buffer = g_async_queue_pop (pipeline.ready);
      ok = sc_vault_file_writer_append (&writer, buffer, len + SC_VAULT_TAG_BYTES, error);
      memcpy (last_tag, buffer + len, SC_VAULT_TAG_BYTES);
      g_async_queue_push (pipeline.spare, buffer);
      off += len;
    }
  if (worker != NULL)
    {
      /* After a failed write the worker still finishes its chunks; collect them so that
       * it never waits for a spare buffer. */
      for (; off < (gsize) plain_len; off += MIN (SC_VAULT_CHUNK_BYTES, (gsize) plain_len - off))
        g_async_queue_push (pipeline.spare, g_async_queue_pop (pipeline.ready));
      g_thread_join (worker);
    }
  for (guint i = 0; i < PIPELINE_BUFFERS; i++)
    g_free (buffers[i]);
  g_async_queue_unref (pipeline.spare);
  g_async_queue_unref (pipeline.ready);
  if (copy != NULL)
    {
      sodium_memzero (copy, (gsize) plain_len);
      sqlite3_free (copy);
    }

  if (ok)
    {
      sc_vault_header_write (&header, self->keys, body_len, last_tag, head);
      ok = sc_vault_file_writer_pwrite (&writer, head, h, 0, error)
           && sc_vault_file_writer_commit (&writer, error);
    }
  sc_vault_file_writer_abort (&writer);
  if (!ok)
    {
      reload_after_failure (self, error);
      return FALSE;
    }
  self->header = header;
  self->dirty = FALSE;
  return TRUE;
}

/* Rewrites the header (new slots) in front of the unchanged encrypted body. */
static gboolean
save_header_only (ScVault        *self,
                  ScVaultHeader  *header,
                  GError        **error)
{
  g_autofree guint8 *data = NULL;
  g_autofree guint8 *buffer = NULL;
  ScVaultHeader on_disk;
  gsize len = 0, h, body_len;

  if (self->dirty && !save_full (self, error))
    return FALSE;

  data = sc_vault_read_file (self->path, &len, error);
  if (data == NULL || !sc_vault_header_parse (data, len, TRUE, &on_disk, error))
    return FALSE;
  /* We hold the write lock, so the file is the one we wrote last. */
  if (!sc_vault_header_check_mac (&on_disk, self->keys, data, len)
      || sodium_memcmp (on_disk.body_nonce, self->header.body_nonce, SC_VAULT_NONCE_BYTES) != 0)
    {
      sc_vault_set_damaged (error);
      return FALSE;
    }

  header->save_counter = self->header.save_counter + 1;
  memcpy (header->body_nonce, on_disk.body_nonce, SC_VAULT_NONCE_BYTES);
  h = sc_vault_header_compute_len (header);
  body_len = len - on_disk.header_len;
  buffer = g_try_malloc (h + body_len);
  if (buffer == NULL)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NO_SPACE,
                           "There is not enough memory to save the vault.");
      return FALSE;
    }
  memcpy (buffer + h, data + on_disk.header_len, body_len);
  if (!write_vault (self, header, buffer, body_len, error))
    return FALSE;
  self->header = *header;
  return TRUE;
}

/* ---- Creating and opening ------------------------------------------------------------ */

static gboolean
new_database (ScVault  *self,
              GError  **error)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)
      != SQLITE_OK
      /* An empty deserialized database is a contiguous in-memory image, which
       * sqlite3_serialize() can then hand out without copying. */
      || sqlite3_deserialize (db, "main", NULL, 0, 0,
                              SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE)
         != SQLITE_OK)
    {
      sqlite3_close (db);
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NO_SPACE,
                           "There is not enough memory to create the vault.");
      return FALSE;
    }
  self->db = db;
  return sc_vault_db_exec (db, "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;", error);
}

static gboolean
path_exists (const char *path)
{
  return access (path, F_OK) == 0;
}

ScVault *
sc_vault_create (const char              *path,
                 const char              *implementer_passphrase,
                 const ScVaultKdfLimits  *limits,
                 char                   **out_recovery_key,
                 GError                 **error)
{
  g_autoptr(ScVault) self = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ScVaultSlot slot;
  guint8 *payload = NULL, *recovery = NULL;
  char *recovery_text = NULL;
  int target;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (out_recovery_key != NULL, NULL);

  if (!sc_secure_init ())
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_IO,
                           "The system's random number generator is not available.");
      return NULL;
    }
  if (!sc_vault_check_passphrase (implementer_passphrase, error))
    return NULL;
  if (limits == NULL)
    limits = &default_limits;

  self = g_object_new (SC_TYPE_VAULT, NULL);
  self->path = g_strdup (path);
  self->lock_fd = sc_vault_lock_file (path, error);
  if (self->lock_fd < 0)
    return NULL;
  if (path_exists (path))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_EXISTS,
                   "“%s” already exists. Choose another name.", display);
      return NULL;
    }

  /* SECURITY: fresh data key and both key pairs, straight into guarded memory. */
  self->keys = sc_secure_alloc (sizeof *self->keys);
  self->impl_sk = sc_secure_alloc (crypto_box_SECRETKEYBYTES);
  self->hr_sk = sc_secure_alloc (crypto_box_SECRETKEYBYTES);
  if (self->keys == NULL || self->impl_sk == NULL || self->hr_sk == NULL)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_IO,
                           "There is not enough protected memory to create the vault.");
      return NULL;
    }
  crypto_secretbox_keygen (self->keys->data_key);
  sc_vault_body_keys_derive (self->keys);
  crypto_box_keypair (self->impl_pk, self->impl_sk);
  crypto_box_keypair (self->hr_pk, self->hr_sk);

  memset (&self->header, 0, sizeof self->header);
  self->header.version = SC_VAULT_FORMAT_VERSION;
  payload = build_payload (self, SC_VAULT_SLOT_IMPLEMENTER);
  recovery = sc_vault_recovery_new (&recovery_text);
  if (payload == NULL
      || !sc_vault_slot_wrap (&slot, SC_VAULT_SLOT_IMPLEMENTER, implementer_passphrase,
                              NULL, limits, payload, error))
    goto fail;
  set_slot (&self->header, &slot);
  if (!sc_vault_slot_wrap (&slot, SC_VAULT_SLOT_RECOVERY, NULL, recovery, NULL,
                           payload, error))
    goto fail;
  set_slot (&self->header, &slot);
  sc_secure_clear ((gpointer *) &payload);
  sc_secure_clear ((gpointer *) &recovery);

  target = sc_vault_test_schema_target > 0 ? sc_vault_test_schema_target
                                           : SC_VAULT_SCHEMA_VERSION;
  if (!new_database (self, error) || !sc_vault_schema_migrate (self->db, target, error))
    goto fail;

  self->role = SC_VAULT_ROLE_IMPLEMENTER;
  if (!sc_vault_db_begin (self->db, error))
    goto fail;
  stmt = sc_vault_db_prepare (self->db,
                              "INSERT INTO vault_keys (role, public_key) VALUES (?, ?)",
                              error);
  if (stmt == NULL)
    goto fail_rollback;
  for (int i = 0; i < 2; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, i == 0 ? "implementer" : "hr", -1, SQLITE_STATIC);
      sqlite3_bind_blob (stmt, 2, i == 0 ? self->impl_pk : self->hr_pk,
                         crypto_box_PUBLICKEYBYTES, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          sc_vault_db_set_error (self->db, error);
          goto fail_rollback;
        }
    }
  if (!sc_vault_audit_insert (self, "vault.create", 0, error)
      || !sc_vault_db_commit (self->db, error))
    goto fail_rollback;

  if (!save_full (self, error))
    goto fail;

  *out_recovery_key = recovery_text;
  return g_steal_pointer (&self);

fail_rollback:
  sc_vault_db_rollback (self->db);
fail:
  sc_secure_free (payload);
  sc_secure_free (recovery);
  sc_vault_free_recovery_key (recovery_text);
  return NULL;
}

void
sc_vault_free_recovery_key (char *recovery_key)
{
  sc_secure_free (recovery_key);
}

/* Reads, parses and unwraps; on success the vault holds keys and database. */
static gboolean
unlock_from_disk (ScVault       *self,
                  const char    *passphrase,
                  const guint8  *recovery,
                  GError       **error)
{
  g_autofree guint8 *data = NULL;
  ScVaultHeader header;
  ScVaultSlotType type = 0;
  guint8 *payload = NULL;
  gboolean migrated = FALSE;
  gsize len = 0;

  data = sc_vault_read_file (self->path, &len, error);
  if (data == NULL || !sc_vault_header_parse (data, len, TRUE, &header, error))
    return FALSE;

  if (recovery != NULL)
    {
      ScVaultSlot *slot = find_slot (&header, SC_VAULT_SLOT_RECOVERY);

      if (slot == NULL)
        {
          g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE,
                               "This vault has no recovery key.");
          return FALSE;
        }
      if (!sc_vault_slot_unwrap (slot, NULL, recovery, &payload, error))
        return FALSE;
      type = SC_VAULT_SLOT_RECOVERY;
    }
  else if (!unwrap_passphrase (&header, passphrase, &payload, &type, error))
    return FALSE;

  if (!take_payload (self, type, payload, error))
    {
      sc_secure_free (payload);
      return FALSE;
    }
  sc_secure_free (payload);

  if (!load_body (self, &header, data, len, error) || !finish_load (self, &migrated, error))
    {
      wipe_database (self);
      wipe_secrets (self);
      return FALSE;
    }
  self->header = header;
  self->dirty = FALSE;
  set_role (self, type == SC_VAULT_SLOT_HR ? SC_VAULT_ROLE_HR : SC_VAULT_ROLE_IMPLEMENTER);

  /* A migrated vault is saved at once, so the file and memory agree. */
  if (migrated && !self->read_only && !save_full (self, error))
    return FALSE;
  return TRUE;
}

static ScVault *
open_common (const char        *path,
             const char        *passphrase,
             const guint8      *recovery,
             ScVaultOpenFlags   flags,
             GError           **error)
{
  g_autoptr(ScVault) self = NULL;

  if (!sc_secure_init ())
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_IO,
                           "The system's random number generator is not available.");
      return NULL;
    }

  self = g_object_new (SC_TYPE_VAULT, NULL);
  self->path = g_strdup (path);
  self->read_only = (flags & SC_VAULT_OPEN_READ_ONLY) != 0;
  /* Lock first, so that the file we read is the last one written. */
  if (!self->read_only)
    {
      self->lock_fd = sc_vault_lock_file (path, error);
      if (self->lock_fd < 0)
        return NULL;
    }
  if (!unlock_from_disk (self, passphrase, recovery, error))
    return NULL;
  return g_steal_pointer (&self);
}

ScVault *
sc_vault_open (const char        *path,
               const char        *passphrase,
               ScVaultOpenFlags   flags,
               GError           **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);

  return open_common (path, passphrase, NULL, flags, error);
}

ScVault *
sc_vault_recover (const char  *path,
                  const char  *recovery_key,
                  const char  *new_implementer_passphrase,
                  GError     **error)
{
  g_autoptr(ScVault) self = NULL;
  guint8 *recovery;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (recovery_key != NULL, NULL);

  if (!sc_secure_init () || !sc_vault_check_passphrase (new_implementer_passphrase, error))
    return NULL;
  recovery = sc_vault_recovery_parse (recovery_key, error);
  if (recovery == NULL)
    return NULL;
  self = open_common (path, NULL, recovery, SC_VAULT_OPEN_FLAGS_NONE, error);
  sc_secure_free (recovery);
  if (self == NULL)
    return NULL;

  if (!sc_vault_change_passphrase (self, new_implementer_passphrase, error))
    return NULL;
  if (!sc_vault_begin (self, error))
    return NULL;
  if (!sc_vault_audit_insert (self, "vault.recover", 0, error))
    {
      sc_vault_rollback (self);
      return NULL;
    }
  if (!sc_vault_commit_and_save (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

void
sc_vault_lock (ScVault *self)
{
  g_return_if_fail (SC_IS_VAULT (self));

  wipe_database (self);
  wipe_secrets (self);
  set_role (self, SC_VAULT_ROLE_NONE);
}

gboolean
sc_vault_unlock (ScVault     *self,
                 const char  *passphrase,
                 GError     **error)
{
  g_return_val_if_fail (SC_IS_VAULT (self), FALSE);
  g_return_val_if_fail (passphrase != NULL, FALSE);

  if (self->path == NULL || (!self->read_only && self->lock_fd < 0))
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_CLOSED,
                           "The vault is closed. Open it again.");
      return FALSE;
    }
  if (self->db != NULL)
    sc_vault_lock (self);
  return unlock_from_disk (self, passphrase, NULL, error);
}

void
sc_vault_close (ScVault *self)
{
  g_return_if_fail (SC_IS_VAULT (self));

  if (self->dirty && self->db != NULL && !self->read_only)
    {
      g_autoptr(GError) error = NULL;

      /* Only audit entries of reads are ever pending; losing them is reported. */
      if (!save_full (self, &error))
        g_message ("Pending audit entries could not be saved: %s", error->message);
    }
  sc_vault_lock (self);
  if (self->lock_fd >= 0)
    {
      close (self->lock_fd);
      self->lock_fd = -1;
    }
}

ScVaultRole
sc_vault_get_role (ScVault *self)
{
  g_return_val_if_fail (SC_IS_VAULT (self), SC_VAULT_ROLE_NONE);
  return self->role;
}

const char *
sc_vault_get_path (ScVault *self)
{
  g_return_val_if_fail (SC_IS_VAULT (self), NULL);
  return self->path;
}

gboolean
sc_vault_is_read_only (ScVault *self)
{
  g_return_val_if_fail (SC_IS_VAULT (self), TRUE);
  return self->read_only;
}

guint64
sc_vault_get_save_counter (ScVault *self)
{
  g_return_val_if_fail (SC_IS_VAULT (self), 0);
  return self->header.save_counter;
}

gboolean
sc_vault_has_hr_passphrase (ScVault *self)
{
  g_return_val_if_fail (SC_IS_VAULT (self), FALSE);
  return find_slot (&self->header, SC_VAULT_SLOT_HR) != NULL;
}

/* ---- Slots ------------------------------------------------------------------------- */

static gboolean
rewrap_slot (ScVault          *self,
             ScVaultSlotType   type,
             const char       *passphrase,
             const guint8     *recovery,
             GError          **error)
{
  ScVaultHeader header = self->header;
  ScVaultKdfLimits limits;
  ScVaultSlot slot;
  ScVaultSlot *existing;
  guint8 *payload;
  gboolean ok;

  /* Keep the work factors the implementer's slot was made with. */
  existing = find_slot (&header, SC_VAULT_SLOT_IMPLEMENTER);
  g_assert (existing != NULL);
  limits_of_slot (existing, &limits);

  payload = build_payload (self, type);
  if (payload == NULL)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_IO,
                           "There is not enough protected memory for the new key.");
      return FALSE;
    }
  ok = sc_vault_slot_wrap (&slot, type, passphrase, recovery, &limits, payload, error);
  sc_secure_free (payload);
  if (!ok)
    return FALSE;
  set_slot (&header, &slot);
  return save_header_only (self, &header, error);
}

gboolean
sc_vault_change_passphrase (ScVault     *self,
                            const char  *new_passphrase,
                            GError     **error)
{
  ScVaultSlotType type;

  g_return_val_if_fail (SC_IS_VAULT (self), FALSE);

  if (!sc_vault_check_role (self, SC_VAULT_ROLES_STAFF, TRUE, error)
      || !sc_vault_check_passphrase (new_passphrase, error))
    return FALSE;
  type = self->role == SC_VAULT_ROLE_HR ? SC_VAULT_SLOT_HR : SC_VAULT_SLOT_IMPLEMENTER;
  if (!rewrap_slot (self, type, new_passphrase, NULL, error))
    return FALSE;
  /* The audit entry goes with the next save, so that this one leaves the body as it is. */
  if (sc_vault_audit_insert (self, "passphrase.change", type, NULL))
    sc_vault_mark_dirty (self);
  return TRUE;
}

gboolean
sc_vault_set_hr_passphrase (ScVault     *self,
                            const char  *passphrase,
                            GError     **error)
{
  ScVaultSlot *impl_slot;
  guint8 *payload = NULL;

  g_return_val_if_fail (SC_IS_VAULT (self), FALSE);

  if (!sc_vault_check_role (self, SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_IMPLEMENTER), TRUE, error)
      || !sc_vault_check_passphrase (passphrase, error))
    return FALSE;

  /* The role follows from the passphrase, so the two must differ. */
  impl_slot = find_slot (&self->header, SC_VAULT_SLOT_IMPLEMENTER);
  if (sc_vault_slot_unwrap (impl_slot, passphrase, NULL, &payload, NULL))
    {
      sc_secure_free (payload);
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID,
                           "The HR passphrase must differ from the implementer's.");
      return FALSE;
    }
  if (!rewrap_slot (self, SC_VAULT_SLOT_HR, passphrase, NULL, error))
    return FALSE;
  if (sc_vault_audit_insert (self, "passphrase.set_hr", 0, NULL))
    sc_vault_mark_dirty (self);
  return TRUE;
}

char *
sc_vault_new_recovery_key (ScVault  *self,
                           GError  **error)
{
  char *text = NULL;
  guint8 *recovery;
  gboolean ok;

  g_return_val_if_fail (SC_IS_VAULT (self), NULL);

  if (!sc_vault_check_role (self, SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_IMPLEMENTER), TRUE, error))
    return NULL;
  recovery = sc_vault_recovery_new (&text);
  ok = rewrap_slot (self, SC_VAULT_SLOT_RECOVERY, NULL, recovery, error);
  sc_secure_free (recovery);
  if (!ok)
    {
      sc_vault_free_recovery_key (text);
      return NULL;
    }
  if (sc_vault_audit_insert (self, "recovery.replace", 0, NULL))
    sc_vault_mark_dirty (self);
  return text;
}

gboolean
sc_vault_backup (ScVault     *self,
                 const char  *dest_path,
                 GError     **error)
{
  g_autofree guint8 *data = NULL;
  ScVaultHeader header;
  gsize len = 0;

  g_return_val_if_fail (SC_IS_VAULT (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  if (!sc_vault_check_role (self, SC_VAULT_ROLES_STAFF, FALSE, error))
    return FALSE;
  if (self->dirty && !self->read_only && !save_full (self, error))
    return FALSE;

  data = sc_vault_read_file (self->path, &len, error);
  if (data == NULL)
    return FALSE;
  /* Copy only what this vault wrote, so that a backup is never of a damaged file. */
  if (!sc_vault_header_parse (data, len, TRUE, &header, error)
      || !sc_vault_header_check_mac (&header, self->keys, data, len))
    {
      sc_vault_set_damaged (error);
      return FALSE;
    }
  return sc_vault_write_file_atomic (dest_path, data, len, error);
}

/* ---- Kiosk --------------------------------------------------------------------------- */

gboolean
sc_vault_enter_kiosk (ScVault  *self,
                      GError  **error)
{
  g_return_val_if_fail (SC_IS_VAULT (self), FALSE);

  if (!sc_vault_check_role (self, SC_VAULT_ROLES_STAFF, TRUE, error))
    return FALSE;

  /* Recorded with the role that started the kiosk. */
  if (!sc_vault_begin (self, error))
    return FALSE;
  if (!sc_vault_audit_insert (self, "kiosk.enter", 0, error))
    {
      sc_vault_rollback (self);
      return FALSE;
    }
  if (!sc_vault_commit_and_save (self, error))
    return FALSE;

  /* SECURITY: from here on nothing in this process can open an earlier answer. */
  sc_secure_clear ((gpointer *) &self->impl_sk);
  sc_secure_clear ((gpointer *) &self->hr_sk);
  g_hash_table_remove_all (self->pending_hr);
  set_role (self, SC_VAULT_ROLE_KIOSK);
  return TRUE;
}

gboolean
sc_vault_leave_kiosk (ScVault     *self,
                      const char  *passphrase,
                      GError     **error)
{
  ScVaultSlotType type = 0;
  guint8 *payload = NULL;

  g_return_val_if_fail (SC_IS_VAULT (self), FALSE);
  g_return_val_if_fail (passphrase != NULL, FALSE);

  if (!sc_vault_check_role (self, SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_KIOSK), FALSE, error))
    return FALSE;
  if (!unwrap_passphrase (&self->header, passphrase, &payload, &type, error))
    return FALSE;
  if (sodium_memcmp (payload, self->keys->data_key, SC_VAULT_KEY_BYTES) != 0)
    {
      sc_secure_free (payload);
      sc_vault_set_damaged (error);
      return FALSE;
    }
  if (!take_payload (self, type, payload, error))
    {
      sc_secure_free (payload);
      return FALSE;
    }
  sc_secure_free (payload);
  if (!check_key_pair (self->impl_sk, self->impl_pk) || !check_key_pair (self->hr_sk, self->hr_pk))
    {
      sc_vault_lock (self);
      sc_vault_set_damaged (error);
      return FALSE;
    }
  set_role (self, type == SC_VAULT_SLOT_HR ? SC_VAULT_ROLE_HR : SC_VAULT_ROLE_IMPLEMENTER);

  if (!sc_vault_begin (self, error))
    return FALSE;
  if (!sc_vault_audit_insert (self, "kiosk.leave", 0, error))
    {
      sc_vault_rollback (self);
      return FALSE;
    }
  return sc_vault_commit_and_save (self, error);
}

/* ---- For sc-vault-store.c ------------------------------------------------------------ */

sqlite3 *
sc_vault_get_db (ScVault *self)
{
  return self->db;
}

gboolean
sc_vault_check_role (ScVault  *self,
                     guint     roles,
                     gboolean  write,
                     GError  **error)
{
  if (self->db == NULL || self->role == SC_VAULT_ROLE_NONE)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_CLOSED,
                           "The vault is locked. Unlock it to continue.");
      return FALSE;
    }
  if ((roles & SC_VAULT_ROLE_BIT (self->role)) == 0)
    {
      if (self->role == SC_VAULT_ROLE_KIOSK)
        g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION,
                             "This is not available in kiosk mode.");
      else if (roles == SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_IMPLEMENTER))
        g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION,
                             "Only the implementer (実施者) may do this. Unlock the vault "
                             "with the implementer's passphrase.");
      else
        g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION,
                             "Your role may not do this.");
      return FALSE;
    }
  if (write && self->read_only)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_READ_ONLY,
                           "The vault was opened read-only, so nothing can be changed.");
      return FALSE;
    }
  return TRUE;
}

gboolean
sc_vault_begin (ScVault  *self,
                GError  **error)
{
  return sc_vault_db_begin (self->db, error);
}

void
sc_vault_rollback (ScVault *self)
{
  if (self->db != NULL)
    sc_vault_db_rollback (self->db);
}

gboolean
sc_vault_commit_and_save (ScVault  *self,
                          GError  **error)
{
  if (!sc_vault_db_commit (self->db, error))
    return FALSE;
  self->dirty = TRUE;
  return save_full (self, error);
}

void
sc_vault_mark_dirty (ScVault *self)
{
  self->dirty = TRUE;
}

const guint8 *
sc_vault_get_public_key (ScVault     *self,
                         ScVaultRole  role)
{
  return role == SC_VAULT_ROLE_HR ? self->hr_pk : self->impl_pk;
}

const guint8 *
sc_vault_get_secret_key (ScVault     *self,
                         ScVaultRole  role)
{
  return role == SC_VAULT_ROLE_HR ? self->hr_sk : self->impl_sk;
}

void
sc_vault_keep_pending_hr_seal (ScVault *self,
                               gint64   submission_id,
                               GBytes  *sealed)
{
  g_hash_table_replace (self->pending_hr, g_memdup2 (&submission_id, sizeof submission_id),
                        g_bytes_ref (sealed));
}

GBytes *
sc_vault_take_pending_hr_seal (ScVault *self,
                               gint64   submission_id)
{
  gpointer key = NULL, value = NULL;

  if (!g_hash_table_steal_extended (self->pending_hr, &submission_id, &key, &value))
    return NULL;
  g_free (key);
  return value;
}

void
sc_vault_clear_pending_hr_seals (ScVault *self)
{
  g_hash_table_remove_all (self->pending_hr);
}

void
sc_vault_get_partial_limits (ScVault          *self,
                             ScVaultKdfLimits *limits)
{
  const ScVaultSlot *slot = find_slot (&self->header, SC_VAULT_SLOT_IMPLEMENTER);

  limits->opslimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
  limits->memlimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
  if (slot == NULL)
    return;
  limits->opslimit = MIN (slot->opslimit, (guint64) crypto_pwhash_OPSLIMIT_INTERACTIVE);
  limits->memlimit = MIN ((gsize) slot->memlimit, (gsize) crypto_pwhash_MEMLIMIT_INTERACTIVE);
}

gboolean
sc_vault_audit_insert (ScVault     *self,
                       const char  *action,
                       gint64       target,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sc_vault_db_prepare (self->db,
                              "INSERT INTO audit_log (time, role, action, target) "
                              "VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_int (stmt, 2, self->role);
  sqlite3_bind_text (stmt, 3, action, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, target);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sc_vault_db_set_error (self->db, error);
      return FALSE;
    }
  return TRUE;
}

/* ---- Test hooks ------------------------------------------------------------------------ */

gboolean
sc_vault_test_save (ScVault  *self,
                    GError  **error)
{
  return save_full (self, error);
}

gboolean
sc_vault_test_get_hr_keys (ScVault *self,
                           guint8   pk[32],
                           guint8   sk[32])
{
  memcpy (pk, self->hr_pk, 32);
  if (self->hr_sk == NULL)
    return FALSE;
  memcpy (sk, self->hr_sk, 32);
  return TRUE;
}

gboolean
sc_vault_test_holds_secret_keys (ScVault *self)
{
  return self->impl_sk != NULL || self->hr_sk != NULL;
}

gboolean
sc_vault_test_get_data_key (ScVault *self,
                            guint8   out[SC_VAULT_KEY_BYTES])
{
  if (self->keys == NULL)
    return FALSE;
  memcpy (out, self->keys->data_key, SC_VAULT_KEY_BYTES);
  return TRUE;
}
