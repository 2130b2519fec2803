/* sc-vault-file.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The on-disk format of a vault (the byte layout is in sc-vault-private.h), durable
 * atomic writes and the write lock.
 *
 * DAMAGE CLASSES: what opening reports for a change in each region of the file.
 *   magic (0-7)                 DAMAGED ("not a Stress Check vault, or damaged")
 *   anything else in the header DAMAGED: the unkeyed checksum (last 32 header bytes)
 *                               covers every other header byte and is checked before
 *                               any key is derived, so an accidental change can never
 *                               look like a wrong passphrase or a newer version.
 *   body, truncation, appended  DAMAGED: the header MAC covers the body length and the
 *   bytes                       last chunk's tag, and each chunk's AEAD covers its bytes,
 *                               its position and whether it is the last one.
 *   A deliberate change that also recomputes the checksum: in the slot the passphrase
 *   opens it gives WRONG_PASSPHRASE (a forger can always replace a slot), a forged
 *   version number gives NEWER_VERSION, anything else fails the keyed MAC or the AEAD
 *   and gives DAMAGED. Nothing ever yields data that was not written by a key holder.
 */
#define G_LOG_DOMAIN "sc-vault"
/* sync_file_range() */
#define _GNU_SOURCE

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-vault-private.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

/* Files larger than this are not vaults (10,000 employees take well under 100 MB). */
#define SC_VAULT_FILE_MAX ((gsize) 1 << 31)

/* Argon2id limits a header may ask for; more is treated as damage, so a modified
 * header cannot make the program allocate gigabytes or spin for minutes. */
#define SC_VAULT_OPSLIMIT_MAX 32
#define SC_VAULT_MEMLIMIT_MAX ((guint64) 2 << 30)

static guint16
get_u16 (const guint8 *p)
{
  return (guint16) (p[0] | (p[1] << 8));
}

int sc_vault_test_format_version = 0;

static guint32
get_u32 (const guint8 *p)
{
  return (guint32) p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16)
         | ((guint32) p[3] << 24);
}

static void
put_u32 (guint8  *p,
         guint32  v)
{
  for (int i = 0; i < 4; i++)
    p[i] = (guint8) (v >> (8 * i));
}

static guint64
get_u64 (const guint8 *p)
{
  guint64 v = 0;

  for (int i = 7; i >= 0; i--)
    v = (v << 8) | p[i];
  return v;
}

static void
put_u16 (guint8  *p,
         guint16  v)
{
  p[0] = (guint8) (v & 0xff);
  p[1] = (guint8) (v >> 8);
}

static void
put_u64 (guint8  *p,
         guint64  v)
{
  for (int i = 0; i < 8; i++)
    p[i] = (guint8) (v >> (8 * i));
}

void
sc_vault_set_damaged (GError **error)
{
  g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_DAMAGED,
                       _("The vault file is damaged or has been modified. "
                         "Restore it from a backup."));
}

static gboolean
fail_damaged (GError **error)
{
  sc_vault_set_damaged (error);
  return FALSE;
}

void
sc_vault_header_checksum (const guint8 *data,
                          gsize         header_len,
                          guint8        out[32])
{
  crypto_generichash (out, 32, data, header_len - 32, NULL, 0);
}

gsize
sc_vault_header_compute_len (ScVaultHeader *header)
{
  gsize len = SC_VAULT_FIXED_LEN + SC_VAULT_TRAILER_LEN;

  for (guint i = 0; i < header->n_slots; i++)
    len += SC_VAULT_SLOT_FIXED_LEN + header->slots[i].wrapped_len;
  g_assert (len <= SC_VAULT_HEADER_MAX);
  header->header_len = (guint16) len;
  return len;
}

static gboolean
slot_kdf_valid (const ScVaultSlot *slot)
{
  switch (slot->kdf)
    {
    case SC_VAULT_KDF_ARGON2ID:
      return slot->type != SC_VAULT_SLOT_RECOVERY
             && slot->opslimit >= crypto_pwhash_OPSLIMIT_MIN
             && slot->opslimit <= SC_VAULT_OPSLIMIT_MAX
             && slot->memlimit >= crypto_pwhash_MEMLIMIT_MIN
             && slot->memlimit <= SC_VAULT_MEMLIMIT_MAX
             && slot->memlimit <= G_MAXSIZE;
    case SC_VAULT_KDF_BLAKE2B:
      return slot->type == SC_VAULT_SLOT_RECOVERY
             && slot->opslimit == 0 && slot->memlimit == 0;
    default:
      return FALSE;
    }
}

gboolean
sc_vault_header_parse (const guint8   *data,
                       gsize           len,
                       gboolean        verify_checksum,
                       ScVaultHeader  *header,
                       GError        **error)
{
  gsize h, off;
  guint last_type = 0;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (header != NULL, FALSE);

  memset (header, 0, sizeof *header);

  if (len < SC_VAULT_MAGIC_LEN || memcmp (data, SC_VAULT_MAGIC, SC_VAULT_MAGIC_LEN) != 0)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_DAMAGED,
                           _("This file is not a Stress Check vault, or it is damaged. "
                             "Restore the vault from a backup."));
      return FALSE;
    }
  if (len < SC_VAULT_PREFIX_LEN)
    return fail_damaged (error);

  header->version = get_u16 (data + 8);
  h = header->header_len = get_u16 (data + 10);
  if (h < SC_VAULT_PREFIX_LEN + 32 || h > SC_VAULT_HEADER_MAX || h > len)
    return fail_damaged (error);

  sc_vault_header_checksum (data, h, header->checksum);
  if (verify_checksum && sodium_memcmp (header->checksum, data + h - 32, 32) != 0)
    return fail_damaged (error);

  if (header->version == 0)
    return fail_damaged (error);
  if (header->version > SC_VAULT_FORMAT_VERSION)
    {
      g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NEWER_VERSION,
                           "This vault was saved by a newer version of Stress Check. "
                           "Update Stress Check to open it.");
      return FALSE;
    }

  /* Versions 1 and 2 share the layout; version 2 allows more slots, a type more than
   * once (but not the recovery type) and a person id in each slot. */
  if (h < SC_VAULT_FIXED_LEN + SC_VAULT_TRAILER_LEN)
    return fail_damaged (error);
  header->save_counter = get_u64 (data + 12);
  header->n_slots = data[20];
  if (header->n_slots < 1
      || header->n_slots > (header->version == 1 ? SC_VAULT_MAX_SLOTS_V1 : SC_VAULT_MAX_SLOTS)
      || data[21] != 0 || data[22] != 0 || data[23] != 0)
    return fail_damaged (error);
  memcpy (header->body_nonce, data + 24, SC_VAULT_NONCE_BYTES);

  off = SC_VAULT_FIXED_LEN;
  for (guint i = 0; i < header->n_slots; i++)
    {
      ScVaultSlot *slot = &header->slots[i];
      const guint8 *p;

      /* Both subtractions are safe: h >= FIXED_LEN + TRAILER_LEN and off <= h - TRAILER. */
      if (h - SC_VAULT_TRAILER_LEN - off < SC_VAULT_SLOT_FIXED_LEN)
        return fail_damaged (error);
      p = data + off;
      slot->type = p[0];
      slot->kdf = p[1];
      slot->wrapped_len = get_u16 (p + 2);
      slot->person_id = get_u32 (p + 4);
      if (header->version == 1 && slot->person_id != 0)
        return fail_damaged (error);
      slot->opslimit = get_u64 (p + 8);
      slot->memlimit = get_u64 (p + 16);
      memcpy (slot->salt, p + 24, SC_VAULT_SALT_BYTES);
      memcpy (slot->nonce, p + 40, SC_VAULT_NONCE_BYTES);

      /* Types in a fixed order; the first slot must be the implementer's. Version 1:
       * each type at most once. Version 2: the recovery slot at most once, and no
       * person id twice (the recovery slot has none). */
      if (slot->type < last_type || slot->type > SC_VAULT_SLOT_HR
          || slot->type < SC_VAULT_SLOT_IMPLEMENTER
          || (slot->type == last_type
              && (header->version == 1 || slot->type == SC_VAULT_SLOT_RECOVERY))
          || (i == 0 && slot->type != SC_VAULT_SLOT_IMPLEMENTER)
          || (slot->type == SC_VAULT_SLOT_RECOVERY && slot->person_id != 0))
        return fail_damaged (error);
      for (guint j = 0; j < i; j++)
        if (slot->person_id != 0 && header->slots[j].person_id == slot->person_id)
          return fail_damaged (error);
      last_type = slot->type;
      if (slot->wrapped_len <= SC_VAULT_TAG_BYTES
          || !sc_vault_slot_payload_len_valid (slot->type,
                                               slot->wrapped_len - SC_VAULT_TAG_BYTES))
        return fail_damaged (error);
      if (!slot_kdf_valid (slot))
        return fail_damaged (error);
      off += SC_VAULT_SLOT_FIXED_LEN;
      if (h - SC_VAULT_TRAILER_LEN - off < slot->wrapped_len)
        return fail_damaged (error);
      memcpy (slot->wrapped, data + off, slot->wrapped_len);
      off += slot->wrapped_len;
    }
  if (off != h - SC_VAULT_TRAILER_LEN)
    return fail_damaged (error);
  memcpy (header->mac, data + h - 64, 32);

  /* The body is at least its tag. */
  if (len - h < SC_VAULT_TAG_BYTES)
    return fail_damaged (error);

  return TRUE;
}

static void
compute_mac (const ScVaultBodyKeys *keys,
             const guint8          *header_bytes,
             gsize                  header_len,
             guint64                body_len,
             const guint8          *body_tag,
             guint8                 out[32])
{
  crypto_generichash_state state;
  guint8 len_bytes[8];

  put_u64 (len_bytes, body_len);
  crypto_generichash_init (&state, keys->mac_key, SC_VAULT_KEY_BYTES, 32);
  crypto_generichash_update (&state, header_bytes, header_len - SC_VAULT_TRAILER_LEN);
  crypto_generichash_update (&state, len_bytes, sizeof len_bytes);
  crypto_generichash_update (&state, body_tag, SC_VAULT_TAG_BYTES);
  crypto_generichash_final (&state, out, 32);
  sodium_memzero (&state, sizeof state);
}

void
sc_vault_header_write (const ScVaultHeader   *header,
                       const ScVaultBodyKeys *keys,
                       guint64                body_len,
                       const guint8          *body_tag,
                       guint8                *out)
{
  gsize off;
  gsize h = header->header_len;

  memset (out, 0, h);
  memcpy (out, SC_VAULT_MAGIC, SC_VAULT_MAGIC_LEN);
  /* Every save writes the current version: an older header is upgraded here. */
  put_u16 (out + 8, sc_vault_test_format_version > 0 ? (guint16) sc_vault_test_format_version
                                                     : SC_VAULT_FORMAT_VERSION);
  put_u16 (out + 10, header->header_len);
  put_u64 (out + 12, header->save_counter);
  out[20] = (guint8) header->n_slots;
  memcpy (out + 24, header->body_nonce, SC_VAULT_NONCE_BYTES);

  off = SC_VAULT_FIXED_LEN;
  for (guint i = 0; i < header->n_slots; i++)
    {
      const ScVaultSlot *slot = &header->slots[i];
      guint8 *p = out + off;

      p[0] = slot->type;
      p[1] = slot->kdf;
      put_u16 (p + 2, slot->wrapped_len);
      put_u32 (p + 4, slot->person_id);
      put_u64 (p + 8, slot->opslimit);
      put_u64 (p + 16, slot->memlimit);
      memcpy (p + 24, slot->salt, SC_VAULT_SALT_BYTES);
      memcpy (p + 40, slot->nonce, SC_VAULT_NONCE_BYTES);
      memcpy (p + SC_VAULT_SLOT_FIXED_LEN, slot->wrapped, slot->wrapped_len);
      off += SC_VAULT_SLOT_FIXED_LEN + slot->wrapped_len;
    }
  g_assert (off == h - SC_VAULT_TRAILER_LEN);

  compute_mac (keys, out, h, body_len, body_tag, out + h - 64);
  sc_vault_header_checksum (out, h, out + h - 32);
}

gboolean
sc_vault_header_check_mac (const ScVaultHeader   *header,
                           const ScVaultBodyKeys *keys,
                           const guint8          *data,
                           gsize                  len)
{
  guint8 mac[32];
  gsize h = header->header_len;

  if (len < h + SC_VAULT_TAG_BYTES)
    return FALSE;
  compute_mac (keys, data, h, len - h, data + len - SC_VAULT_TAG_BYTES, mac);
  return sodium_memcmp (mac, data + h - 64, 32) == 0;
}

#define BODY_AD_LEN (SC_VAULT_MAGIC_LEN + 2 + SC_VAULT_NONCE_BYTES + 8 + 1)

static void
chunk_nonce_ad (const ScVaultHeader *header,
                guint64              index,
                gboolean             last,
                guint8               nonce[SC_VAULT_NONCE_BYTES],
                guint8               ad[BODY_AD_LEN])
{
  memcpy (nonce, header->body_nonce, SC_VAULT_NONCE_BYTES);
  for (int i = 0; i < 8; i++)
    nonce[SC_VAULT_NONCE_BYTES - 8 + i] ^= (guint8) (index >> (8 * i));

  memcpy (ad, SC_VAULT_MAGIC, SC_VAULT_MAGIC_LEN);
  /* The body's AD names version 1 in every version: a header-only save upgrades the
   * header of an older file in front of its unchanged body. */
  put_u16 (ad + SC_VAULT_MAGIC_LEN, SC_VAULT_SLOT_AD_VERSION);
  memcpy (ad + SC_VAULT_MAGIC_LEN + 2, header->body_nonce, SC_VAULT_NONCE_BYTES);
  put_u64 (ad + SC_VAULT_MAGIC_LEN + 2 + SC_VAULT_NONCE_BYTES, index);
  ad[BODY_AD_LEN - 1] = last ? 1 : 0;
}

gsize
sc_vault_body_len (gsize plain_len)
{
  gsize chunks = (plain_len + SC_VAULT_CHUNK_BYTES - 1) / SC_VAULT_CHUNK_BYTES;

  return plain_len + chunks * SC_VAULT_TAG_BYTES;
}

gsize
sc_vault_body_plain_len (gsize body_len)
{
  const gsize full = SC_VAULT_CHUNK_BYTES + SC_VAULT_TAG_BYTES;
  gsize chunks, last;

  if (body_len <= SC_VAULT_TAG_BYTES)
    return 0;
  chunks = (body_len + full - 1) / full;
  last = body_len - (chunks - 1) * full;
  /* Every chunk holds at least one byte. */
  if (last <= SC_VAULT_TAG_BYTES)
    return 0;
  return body_len - chunks * SC_VAULT_TAG_BYTES;
}

void
sc_vault_body_encrypt_chunk (const ScVaultHeader *header,
                             const guint8        *enc_key,
                             guint64              index,
                             gboolean             last,
                             const guint8        *plain,
                             gsize                len,
                             guint8              *out)
{
  guint8 nonce[SC_VAULT_NONCE_BYTES], ad[BODY_AD_LEN];

  chunk_nonce_ad (header, index, last, nonce, ad);
  crypto_aead_xchacha20poly1305_ietf_encrypt (out, NULL, plain, len, ad, sizeof ad, NULL,
                                              nonce, enc_key);
}

gboolean
sc_vault_body_decrypt (const ScVaultHeader *header,
                       const guint8        *enc_key,
                       const guint8        *body,
                       gsize                body_len,
                       guint8              *plain)
{
  gsize plain_len = sc_vault_body_plain_len (body_len);
  gsize in = 0, out = 0;

  if (plain_len == 0)
    return FALSE;
  for (guint64 i = 0; out < plain_len; i++)
    {
      gsize len = MIN (SC_VAULT_CHUNK_BYTES, plain_len - out);
      gboolean last = out + len == plain_len;
      guint8 nonce[SC_VAULT_NONCE_BYTES], ad[BODY_AD_LEN];

      chunk_nonce_ad (header, i, last, nonce, ad);
      if (crypto_aead_xchacha20poly1305_ietf_decrypt (plain + out, NULL, NULL, body + in,
                                                      len + SC_VAULT_TAG_BYTES, ad, sizeof ad,
                                                      nonce, enc_key) != 0)
        return FALSE;
      in += len + SC_VAULT_TAG_BYTES;
      out += len;
    }
  return in == body_len;
}

/* ---- Files ------------------------------------------------------------------------ */

static void
set_io_error (GError     **error,
              int          errsv,
              const char  *what,
              const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  if (errsv == ENOSPC || errsv == EFBIG || errsv == EDQUOT)
    g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NO_SPACE,
                 "“%s” could not be saved because the disk is full or the file is too "
                 "large. The last saved version is kept. Free some space and try again.",
                 display);
  else if (errsv == EACCES || errsv == EPERM || errsv == EROFS)
    g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_IO,
                 "You may not %s “%s”. Choose a folder you can write to.",
                 what, display);
  else
    g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_IO,
                 "Could not %s “%s”: %s.", what, display, g_strerror (errsv));
}

guint8 *
sc_vault_read_file (const char  *path,
                    gsize       *out_len,
                    GError     **error)
{
  g_autofree guint8 *data = NULL;
  struct stat st;
  gsize off = 0;
  int fd;

  fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    {
      int errsv = errno;

      if (errsv == ENOENT)
        {
          g_autofree char *display = g_filename_display_name (path);

          g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND,
                       "There is no vault at “%s”. It may have been moved or deleted.",
                       display);
        }
      else
        set_io_error (error, errsv, "open", path);
      return NULL;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      int errsv = errno;

      close (fd);
      if (errsv == 0 || !S_ISREG (st.st_mode))
        sc_vault_set_damaged (error);
      else
        set_io_error (error, errsv, "open", path);
      return NULL;
    }
  if ((guint64) st.st_size > SC_VAULT_FILE_MAX)
    {
      close (fd);
      sc_vault_set_damaged (error);
      return NULL;
    }

  /* One byte more than the size, so a file that grew meanwhile is noticed. */
  data = g_try_malloc ((gsize) st.st_size + 1);
  if (data == NULL)
    {
      close (fd);
      set_io_error (error, ENOMEM, "read", path);
      return NULL;
    }
  for (;;)
    {
      ssize_t n = read (fd, data + off, (gsize) st.st_size + 1 - off);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int errsv = errno;

          close (fd);
          set_io_error (error, errsv, "read", path);
          return NULL;
        }
      if (n == 0)
        break;
      off += (gsize) n;
      if (off > (gsize) st.st_size)
        {
          close (fd);
          sc_vault_set_damaged (error);
          return NULL;
        }
    }
  close (fd);
  *out_len = off;
  return g_steal_pointer (&data);
}

gboolean
sc_vault_file_writer_open (ScVaultFileWriter  *writer,
                           const char         *path,
                           GError            **error)
{
  memset (writer, 0, sizeof *writer);
  writer->fd = -1;
  writer->path = g_strdup (path);
  writer->tmp = g_strconcat (path, ".tmp", NULL);

  writer->fd = open (writer->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (writer->fd < 0 && errno == EEXIST)
    {
      /* A temporary file left by a process that was killed while saving. Callers hold
       * the vault's write lock, so no other process is writing it now. */
      unlink (writer->tmp);
      writer->fd = open (writer->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    }
  if (writer->fd < 0)
    {
      set_io_error (error, errno, "save", path);
      g_clear_pointer (&writer->path, g_free);
      g_clear_pointer (&writer->tmp, g_free);
      return FALSE;
    }
  return TRUE;
}

void
sc_vault_file_writer_abort (ScVaultFileWriter *writer)
{
  if (writer->fd >= 0)
    {
      close (writer->fd);
      writer->fd = -1;
      unlink (writer->tmp);
    }
  g_clear_pointer (&writer->path, g_free);
  g_clear_pointer (&writer->tmp, g_free);
}

static gboolean
writer_fail (ScVaultFileWriter  *writer,
             int                 errsv,
             GError            **error)
{
  set_io_error (error, errsv, "save", writer->path);
  sc_vault_file_writer_abort (writer);
  return FALSE;
}

gboolean
sc_vault_file_writer_pwrite (ScVaultFileWriter  *writer,
                             const guint8       *data,
                             gsize               len,
                             guint64             offset,
                             GError            **error)
{
  gsize done = 0;

  g_return_val_if_fail (writer->fd >= 0, FALSE);

  while (done < len)
    {
      /* Large writes are split: Linux writes at most about 2 GiB per call anyway. */
      ssize_t n = pwrite (writer->fd, data + done, MIN (len - done, (gsize) 1 << 30),
                          (off_t) (offset + done));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return writer_fail (writer, errno, error);
      if (n == 0)
        return writer_fail (writer, EIO, error);
      done += (gsize) n;
    }
  return TRUE;
}

gboolean
sc_vault_file_writer_append (ScVaultFileWriter  *writer,
                             const guint8       *data,
                             gsize               len,
                             GError            **error)
{
  if (!sc_vault_file_writer_pwrite (writer, data, len, writer->offset, error))
    return FALSE;
  writer->offset += len;
#ifdef SYNC_FILE_RANGE_WRITE
  /* Start writing the finished part to disk now, so that the final fsync() has little
   * left to wait for while the next chunk is being encrypted. Only a hint: the fsync()
   * in commit is what makes the file durable, so an error here is ignored. */
  if (writer->offset - writer->flushed >= ((gsize) 1 << 20))
    {
      sync_file_range (writer->fd, (off_t) writer->flushed,
                       (off_t) (writer->offset - writer->flushed), SYNC_FILE_RANGE_WRITE);
      writer->flushed = writer->offset;
    }
#endif
  return TRUE;
}

static int
fsync_retry (int fd)
{
  int r;

  do
    r = fsync (fd);
  while (r != 0 && errno == EINTR);
  return r;
}

gboolean
sc_vault_file_writer_commit (ScVaultFileWriter  *writer,
                             GError            **error)
{
  g_autofree char *dir = NULL;
  int dfd;

  g_return_val_if_fail (writer->fd >= 0, FALSE);

  if (fsync_retry (writer->fd) != 0)
    return writer_fail (writer, errno, error);
  if (close (writer->fd) != 0 && errno != EINTR)
    {
      int errsv = errno;

      writer->fd = -1;
      unlink (writer->tmp);
      set_io_error (error, errsv, "save", writer->path);
      sc_vault_file_writer_abort (writer);
      return FALSE;
    }
  writer->fd = -1;
  if (rename (writer->tmp, writer->path) != 0)
    {
      int errsv = errno;

      unlink (writer->tmp);
      set_io_error (error, errsv, "save", writer->path);
      sc_vault_file_writer_abort (writer);
      return FALSE;
    }

  /* The rename itself is durable only once the folder is synced. */
  dir = g_path_get_dirname (writer->path);
  dfd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0)
    {
      if (fsync_retry (dfd) != 0 && errno != EINVAL && errno != ENOTSUP)
        {
          int errsv = errno;

          close (dfd);
          set_io_error (error, errsv, "save", writer->path);
          sc_vault_file_writer_abort (writer);
          return FALSE;
        }
      close (dfd);
    }
  sc_vault_file_writer_abort (writer);
  return TRUE;
}

gboolean
sc_vault_write_file_atomic (const char    *path,
                            const guint8  *data,
                            gsize          len,
                            GError       **error)
{
  ScVaultFileWriter writer;

  return sc_vault_file_writer_open (&writer, path, error)
         && sc_vault_file_writer_pwrite (&writer, data, len, 0, error)
         && sc_vault_file_writer_commit (&writer, error);
}

int
sc_vault_lock_file (const char  *path,
                    GError     **error)
{
  g_autofree char *lock_path = g_strconcat (path, ".lock", NULL);
  int fd;

  fd = open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_io_error (error, errno, "open", lock_path);
      return -1;
    }
  /* flock() locks belong to the open file description, so a second open in the same
   * process is refused too, and the kernel releases the lock when a process dies. */
  while (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      int errsv = errno;

      if (errsv == EINTR)
        continue;
      close (fd);
      if (errsv == EWOULDBLOCK)
        g_set_error_literal (error, SC_VAULT_ERROR, SC_VAULT_ERROR_LOCKED,
                             "Another Stress Check has this vault open. Close it there "
                             "first, then try again.");
      else
        set_io_error (error, errsv, "lock", lock_path);
      return -1;
    }
  return fd;
}
