/* sc-vault-save.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loading an ScVault's body from disk and saving it durably: the whole file (the body
 * encrypted chunk by chunk while it is written) or the header alone (a slot changed).
 *
 * SECURITY: the plaintext database is serialized only into SQLite's own memory and
 * encrypted straight into the temporary file; no plaintext copy reaches the disk.
 */
#define G_LOG_DOMAIN "sc-vault"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-vault-private.h"
#include "sc-access-code.h"
#include "sc-secure.h"

#include <string.h>
#include <unistd.h>

/* ---- Body --------------------------------------------------------------------------- */

static void
set_key_tampered (GError   **error,
                  gboolean   hr)
{
  g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_TAMPERED,
                       hr ? _("The vault was modified outside Stress Check: HR's public key "
                              "was replaced outside the implementer's key, so that answers "
                              "would be sealed to someone else. Restore the vault from a "
                              "backup, and find out who had access to it.")
                       : _("The vault was modified outside Stress Check: the implementer's "
                           "public key was replaced outside the implementer's key, so that "
                           "answers would be sealed to someone else. Restore the vault from "
                           "a backup, and find out who had access to it."));
}

/* SECURITY: reads the public keys from the database. Anyone with the data key (HR, the
 * kiosk) can rewrite the database; if someone replaced the implementer's public key to
 * receive future answers, the implementer's next unlock (which has the key pinned from
 * the slot payload) reports the vault as tampered with. Without the implementer's
 * secret key (HR), the database's keys are all there is. */
gboolean
_sc_vault_load_public_keys (ScVault  *self,
                            GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint8 impl_pk[crypto_box_PUBLICKEYBYTES], hr_pk[crypto_box_PUBLICKEYBYTES];
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
          memcpy (impl_pk, pk, crypto_box_PUBLICKEYBYTES);
          found |= 1;
        }
      else if (g_str_equal (role, "hr"))
        {
          memcpy (hr_pk, pk, crypto_box_PUBLICKEYBYTES);
          found |= 2;
        }
    }
  if (found != 3)
    {
      sc_vault_set_damaged (error);
      return FALSE;
    }
  if (self->impl_pk_pinned)
    {
      if (sodium_memcmp (impl_pk, self->impl_pk, sizeof impl_pk) != 0)
        {
          set_key_tampered (error, FALSE);
          return FALSE;
        }
    }
  else
    memcpy (self->impl_pk, impl_pk, sizeof impl_pk);
  if (!_sc_vault_check_key_pair (self->hr_sk, hr_pk))
    {
      set_key_tampered (error, TRUE);
      return FALSE;
    }
  memcpy (self->hr_pk, hr_pk, sizeof hr_pk);
  return TRUE;
}

/* A secret key held must belong to @pk. */
gboolean
_sc_vault_check_key_pair (const guint8 *sk,
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
gboolean
_sc_vault_load_body (ScVault              *self,
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

  /* SECURITY: keep the decrypted database out of swap and core dumps where the
   * platform allows (RLIMIT_MEMLOCK may be too small for a large roster; then it
   * stays unlocked, and sc_process_harden() still keeps it out of core files). SQLite
   * may move the buffer when the database grows; the new one is not locked. */
  if (sodium_mlock (plain, plain_len) != 0)
    g_debug ("The vault's database could not be locked into memory");
  _sc_vault_wipe_database (self);
  self->db = db;
  /* secure_delete: a withdrawn consent or a submitted partial answer leaves no copy
   * in free pages. */
  if (!sc_vault_db_exec (db, "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;", error))
    return FALSE;
  return TRUE;
}

gboolean
_sc_vault_finish_load (ScVault  *self,
                       gboolean *out_migrated,
                       GError  **error)
{
  int before = sc_vault_schema_get_version (self->db);
  int target = SC_VAULT_SCHEMA_VERSION;
  gboolean signed_now = FALSE;

  if (before < 1)
    {
      sc_vault_set_damaged (error);
      return FALSE;
    }
  if (!sc_vault_schema_migrate (self->db, target, error))
    return FALSE;
  if (out_migrated != NULL)
    *out_migrated = before != target;

  if (!_sc_vault_load_public_keys (self, error))
    return FALSE;

  /* The implementer's records of a vault just brought to schema step 4 are signed as
   * part of that step: they are trusted as they are now, as the audit log is. */
  if (before < SC_VAULT_SCHEMA_SIGNED && self->sign_sk != NULL)
    {
      if (!sc_vault_db_begin (self->db, error))
        return FALSE;
      if (!_sc_vault_sign_all (self, error) || !sc_vault_db_commit (self->db, error))
        {
          sc_vault_db_rollback (self->db);
          return FALSE;
        }
    }
  /* SECURITY: every open by the implementer checks the implementer's records. A vault
   * whose implementer slot carries the pin block must have them all signed; one from
   * before signatures is checked once it has any (and upgraded by unlock_from_disk()). */
  if (self->sign_sk != NULL
      && (self->signatures_required || _sc_vault_has_signatures (self))
      && !_sc_vault_verify_all (self, error))
    return FALSE;
  /* Every open checks the audit chain. */
  if (!_sc_vault_audit_verify_chain (self, error))
    return FALSE;
  if (!_sc_vault_sign_people_once (self, &signed_now, error))
    return FALSE;
  /* Saved at once, as a migration is. */
  if (signed_now && out_migrated != NULL)
    *out_migrated = TRUE;
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
      && _sc_vault_load_body (self, &header, data, len, &reload_error)
      && _sc_vault_finish_load (self, NULL, &reload_error))
    {
      self->header = header;
      self->dirty = FALSE;
      return;
    }
  /* The file cannot be read back: lock the vault rather than keep unsaved data that
   * disagrees with the disk. The person unlocks it again. */
  _sc_vault_wipe_database (self);
  _sc_vault_wipe_secrets (self);
  _sc_vault_set_role (self, SC_VAULT_ROLE_NONE);
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
gboolean
_sc_vault_save_full (ScVault  *self,
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
  _sc_vault_rollback_note_saved (self);
  return TRUE;
}

/* Rewrites the header (new slots) in front of the unchanged encrypted body. */
gboolean
_sc_vault_save_header_only (ScVault        *self,
                            ScVaultHeader  *header,
                            GError        **error)
{
  g_autofree guint8 *data = NULL;
  g_autofree guint8 *buffer = NULL;
  ScVaultHeader on_disk;
  gsize len = 0, h, body_len;

  if (self->dirty && !_sc_vault_save_full (self, error))
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
  _sc_vault_rollback_note_saved (self);
  return TRUE;
}
