/* test-vault-file.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The vault file (DESIGN.md §2, properties 1, 2 and 4): nothing readable, every change
 * detected, key slots, versions, the write lock and failed writes.
 */
#include "config.h"

#include "sc-test-util.h"
#include "sc-secure.h"
#include "sc-vault.h"
#include "sc-vault-private.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = test_make_dir ();
  f->path = g_build_filename (f->dir, "office.scvault", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* A vault with the test roster and one round, closed again. */
static void
make_small_vault (const char  *path,
                  char       **out_recovery)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = test_create_vault (path, out_recovery);
  g_autoptr(GPtrArray) roster = test_roster (0);

  g_assert_true (sc_vault_upsert_employees (vault, roster, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sc_vault_create_round (vault, "2024年度", "2024-06-01", "2024-06-30",
                                          NULL, &error), >, 0);
  g_assert_no_error (error);
  sc_vault_close (vault);
}

static guint
count_employees (ScVault *vault)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = sc_vault_list_employees (vault, &error);

  g_assert_no_error (error);
  return list->len;
}

static void
test_roundtrip (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) expected = test_roster (0);

  make_small_vault (f->path, NULL);
  vault = sc_vault_open (f->path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_IMPLEMENTER);
  list = sc_vault_list_employees (vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, expected->len);
  /* Ordered by number, as the fixture is. */
  for (guint i = 0; i < list->len; i++)
    g_assert_true (sc_employee_equal (g_ptr_array_index (list, i),
                                      g_ptr_array_index (expected, i)));
  /* create, upsert, round: three saves */
  g_assert_cmpuint (sc_vault_get_save_counter (vault), ==, 3);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS) == FALSE);
}

static void
test_wrong_passphrase (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;

  make_small_vault (f->path, NULL);
  vault = sc_vault_open (f->path, "implementer passphrase 2", SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_null (vault);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE);
  g_assert_nonnull (strstr (error->message, "passphrase is not right"));
  g_clear_error (&error);

  /* A failed attempt does not keep the lock. */
  vault = sc_vault_open (f->path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (vault);
}

static void
test_no_plaintext (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *bytes = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *sqlite = NULL;
  gsize len = 0;
  int status = 0;

  make_small_vault (f->path, NULL);
  bytes = test_read (f->path, &len);
  g_assert_cmpuint (len, >, 1000);

  g_assert_false (test_contains_bytes (bytes, len, "SQLite format 3"));
  g_assert_false (test_contains_bytes (bytes, len, "CREATE TABLE"));
  g_assert_false (test_contains_bytes (bytes, len, "2024-06-01"));
  for (guint i = 0; i < G_N_ELEMENTS (test_people); i++)
    {
      const TestPerson *p = &test_people[i];

      g_assert_false (test_contains_bytes (bytes, len, p->number));
      g_assert_false (test_contains_bytes (bytes, len, p->name));
      g_assert_false (test_contains_bytes (bytes, len, p->kana));
      g_assert_false (test_contains_bytes (bytes, len, p->birth_date));
      g_assert_false (test_contains_bytes (bytes, len, p->department));
    }
  /* The fixture strings do reach the file when stored: this check can fail. */
  g_assert_true (test_contains_bytes ((const guint8 *) test_people[0].name,
                           strlen (test_people[0].name), test_people[0].name));

  /* The sqlite3 command-line tool cannot read it. */
  sqlite = g_find_program_in_path ("sqlite3");
  if (sqlite == NULL)
    {
      g_test_fail_printf ("the sqlite3 command-line tool is not installed (Debian: sqlite3)");
      return;
    }
  {
    const char *argv[] = { sqlite, "-readonly", f->path, "SELECT * FROM employees;", NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                  &status, &error);
    g_assert_no_error (error);
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_false (strstr (out, "EMP-00417") != NULL);
    g_assert_nonnull (strstr (err, "not a database"));
  }
}

/* Opens @path expecting DAMAGED; returns FALSE (and fails the test) otherwise. */
static void
assert_damaged (const char *path,
                const char *what,
                gsize       where)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = sc_vault_open (path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);

  if (vault != NULL || !g_error_matches (error, SC_VAULT_ERROR, SC_VAULT_ERROR_DAMAGED))
    g_error ("%s at %" G_GSIZE_FORMAT ": expected DAMAGED, got %s", what, where,
             error != NULL ? error->message : "a vault that opens");
  g_assert_true (strstr (error->message, "damaged") != NULL);
}

static void
test_tamper_every_byte (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree guint8 *bytes = NULL;
  gsize len = 0;
  int fd;

  make_small_vault (f->path, NULL);
  bytes = test_read (f->path, &len);

  fd = open (f->path, O_WRONLY);
  g_assert_cmpint (fd, >=, 0);
  for (gsize i = 0; i < len; i++)
    {
      /* A different single bit at each position, and all bits at every 17th. */
      guint8 changed = i % 17 == 0 ? (guint8) ~bytes[i] : bytes[i] ^ (guint8) (1u << (i % 8));

      g_assert_cmpint (pwrite (fd, &changed, 1, (off_t) i), ==, 1);
      assert_damaged (f->path, "changed byte", i);
      g_assert_cmpint (pwrite (fd, &bytes[i], 1, (off_t) i), ==, 1);
    }
  close (fd);
  g_test_message ("flipped each of %" G_GSIZE_FORMAT " bytes", len);

  /* The untouched file still opens. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ScVault) vault = sc_vault_open (f->path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE,
                                              &error);

    g_assert_no_error (error);
  }
}

/* A body of several chunks (saved with the encryption worker thread): each chunk is
 * checked, and chunks cannot be swapped or dropped. */
static void
test_multi_chunk_body (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = test_create_vault (f->path, NULL);
  g_autoptr(GPtrArray) roster = test_roster (9000);
  g_autofree guint8 *bytes = NULL;
  g_autofree guint8 *changed = NULL;
  const gsize chunk = SC_VAULT_CHUNK_BYTES + SC_VAULT_TAG_BYTES;
  gsize len = 0, h, n_chunks;

  g_assert_true (sc_vault_upsert_employees (vault, roster, &error));
  g_assert_no_error (error);
  g_clear_object (&vault);
  bytes = test_read (f->path, &len);
  h = bytes[10] | (bytes[11] << 8);
  n_chunks = (len - h + chunk - 1) / chunk;
  g_assert_cmpuint (n_chunks, >=, 3);

  vault = sc_vault_open (f->path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_employees (vault), ==, roster->len);
  g_clear_object (&vault);

  changed = g_memdup2 (bytes, len);
  for (gsize i = 0; i < n_chunks; i++)
    {
      gsize first = h + i * chunk, last = MIN (len, first + chunk) - 1;

      changed[first] ^= 0x40;
      test_write (f->path, changed, len);
      assert_damaged (f->path, "first byte of chunk", i);
      changed[first] ^= 0x40;
      changed[last] ^= 0x02;
      test_write (f->path, changed, len);
      assert_damaged (f->path, "last byte of chunk", i);
      changed[last] ^= 0x02;
    }

  /* Chunks 0 and 1 swapped. */
  memcpy (changed + h, bytes + h + chunk, chunk);
  memcpy (changed + h + chunk, bytes + h, chunk);
  test_write (f->path, changed, len);
  assert_damaged (f->path, "swapped chunks", 0);
  /* The last chunk dropped: the one before is not marked last. */
  test_write (f->path, bytes, h + (n_chunks - 1) * chunk);
  assert_damaged (f->path, "dropped last chunk", n_chunks - 1);
  /* Cut right after the first chunk. */
  test_write (f->path, bytes, h + chunk);
  assert_damaged (f->path, "cut after chunk", 0);

  test_write (f->path, bytes, len);
  vault = sc_vault_open (f->path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
}

static void
test_truncate_append (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree guint8 *bytes = NULL;
  g_autofree guint8 *longer = NULL;
  gsize len = 0, header_len;
  gsize cuts[16];
  guint n = 0;

  make_small_vault (f->path, NULL);
  bytes = test_read (f->path, &len);
  header_len = bytes[10] | (bytes[11] << 8);

  cuts[n++] = 0;
  cuts[n++] = 1;
  cuts[n++] = 7;
  cuts[n++] = 8;
  cuts[n++] = 11;
  cuts[n++] = 12;
  cuts[n++] = 48;
  cuts[n++] = header_len - 33;
  cuts[n++] = header_len - 1;
  cuts[n++] = header_len;
  cuts[n++] = header_len + 15;
  cuts[n++] = header_len + 16;
  cuts[n++] = len / 2;
  cuts[n++] = len - 16;
  cuts[n++] = len - 1;
  for (guint i = 0; i < n; i++)
    {
      test_write (f->path, bytes, cuts[i]);
      assert_damaged (f->path, "truncated to", cuts[i]);
    }

  longer = g_malloc (len + 4096);
  memcpy (longer, bytes, len);
  memset (longer + len, 0, 4096);
  test_write (f->path, longer, len + 1);
  assert_damaged (f->path, "appended byte", len);
  longer[len] = 0x5a;
  test_write (f->path, longer, len + 1);
  assert_damaged (f->path, "appended byte", len);
  test_write (f->path, longer, len + 4096);
  assert_damaged (f->path, "appended bytes", len);

  /* Not a vault at all. */
  test_write (f->path, (const guint8 *) "SQLite format 3\0 and more text to be long enough",
              48);
  assert_damaged (f->path, "other file", 0);
}

/* Rewrites the header checksum after a deliberate change (a forger can do that). */
static void
fix_checksum (guint8 *bytes)
{
  gsize h = bytes[10] | (bytes[11] << 8);

  crypto_generichash (bytes + h - 32, 32, bytes, h - 32, NULL, 0);
}

static void
test_newer_format (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autofree guint8 *bytes = NULL;
  gsize len = 0;

  make_small_vault (f->path, NULL);
  bytes = test_read (f->path, &len);
  bytes[8] = SC_VAULT_FORMAT_VERSION + 1;
  fix_checksum (bytes);
  test_write (f->path, bytes, len);

  vault = sc_vault_open (f->path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_null (vault);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "newer version"));
}

static void
test_newer_schema (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;

  make_small_vault (f->path, NULL);
  vault = sc_vault_open (f->path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (sc_vault_db_exec (sc_vault_get_db (vault), "PRAGMA user_version = 99",
                                   &error));
  g_assert_true (sc_vault_test_save (vault, &error));
  g_assert_no_error (error);
  g_clear_object (&vault);

  vault = sc_vault_open (f->path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_null (vault);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NEWER_VERSION);
}

static gboolean
table_exists (ScVault    *vault,
              const char *name)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sc_vault_db_prepare (sc_vault_get_db (vault),
                              "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?",
                              NULL);
  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

static void
test_migrate_older (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(GPtrArray) roster = test_roster (3);
  g_autoptr(GPtrArray) rounds = NULL;
  g_autofree char *setting = NULL;
  guint64 counter;

  /* A vault as the first release wrote it: schema step 1 only. */
  sc_vault_test_schema_target = 1;
  vault = test_create_vault (f->path, NULL);
  sc_vault_test_schema_target = 0;
  g_assert_cmpint (sc_vault_schema_get_version (sc_vault_get_db (vault)), ==, 1);
  g_assert_false (table_exists (vault, "interviews"));
  g_assert_true (sc_vault_upsert_employees (vault, roster, &error));
  g_assert_cmpint (sc_vault_create_round (vault, "R1", NULL, NULL, NULL, &error), ==, 1);
  g_assert_true (sc_vault_set_setting (vault, "contact", "保健室 内線 123", &error));
  g_assert_no_error (error);
  counter = sc_vault_get_save_counter (vault);
  g_clear_object (&vault);

  vault = sc_vault_open (f->path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_vault_schema_get_version (sc_vault_get_db (vault)), ==,
                   SC_VAULT_SCHEMA_VERSION);
  g_assert_true (table_exists (vault, "interviews"));
  g_assert_true (table_exists (vault, "partial_answers"));
  /* Migrated and saved at once. */
  g_assert_cmpuint (sc_vault_get_save_counter (vault), ==, counter + 1);
  g_assert_cmpuint (count_employees (vault), ==, roster->len);
  rounds = sc_vault_list_rounds (vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rounds->len, ==, 1);
  setting = sc_vault_get_setting (vault, "contact", &error);
  g_assert_cmpstr (setting, ==, "保健室 内線 123");
  /* The new tables work. */
  g_assert_true (sc_vault_set_access_code_hash (vault, 1, "EMP-00417", "$hash$", &error));
  g_assert_no_error (error);
  g_clear_object (&vault);

  /* Read back without migrating: the file is at the current version. */
  vault = sc_vault_open (f->path, IMPL_PASS, SC_VAULT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_vault_schema_get_version (sc_vault_get_db (vault)), ==,
                   SC_VAULT_SCHEMA_VERSION);
}

static gsize
header_len_of (const guint8 *bytes)
{
  return bytes[10] | (bytes[11] << 8);
}

static void
test_change_passphrase (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autofree guint8 *before = NULL;
  g_autofree guint8 *after = NULL;
  guint8 key_before[SC_VAULT_KEY_BYTES], key_after[SC_VAULT_KEY_BYTES];
  gsize len_before = 0, len_after = 0, hb, ha;

  make_small_vault (f->path, NULL);
  vault = sc_vault_open (f->path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (sc_vault_test_get_data_key (vault, key_before));
  before = test_read (f->path, &len_before);

  g_assert_false (sc_vault_change_passphrase (vault, "short", &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (sc_vault_change_passphrase (vault, "a new implementer passphrase", &error));
  g_assert_no_error (error);
  after = test_read (f->path, &len_after);

  /* Only the header changed: the encrypted body is byte for byte the same. */
  hb = header_len_of (before);
  ha = header_len_of (after);
  g_assert_cmpuint (hb, ==, ha);
  g_assert_cmpmem (before + hb, len_before - hb, after + ha, len_after - ha);
  g_assert_false (memcmp (before, after, hb) == 0);
  g_assert_true (sc_vault_test_get_data_key (vault, key_after));
  g_assert_cmpmem (key_before, sizeof key_before, key_after, sizeof key_after);
  g_clear_object (&vault);

  vault = sc_vault_open (f->path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  vault = sc_vault_open (f->path, "a new implementer passphrase", SC_VAULT_OPEN_FLAGS_NONE,
                         &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_IMPLEMENTER);
  g_assert_cmpuint (count_employees (vault), ==, G_N_ELEMENTS (test_people));
}

static void
test_hr_passphrase (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autofree guint8 *before = NULL;
  g_autofree guint8 *after = NULL;
  gsize len_before = 0, len_after = 0;

  make_small_vault (f->path, NULL);
  vault = sc_vault_open (f->path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_false (sc_vault_has_hr_passphrase (vault));
  before = test_read (f->path, &len_before);

  /* It must differ from the implementer's, or the role could not follow from it. */
  g_assert_false (sc_vault_set_hr_passphrase (vault, IMPL_PASS, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (sc_vault_set_hr_passphrase (vault, HR_PASS, &error));
  g_assert_no_error (error);
  g_assert_true (sc_vault_has_hr_passphrase (vault));
  after = test_read (f->path, &len_after);
  /* One more slot (64 + 80 bytes) in the header; the body is untouched. */
  g_assert_cmpuint (header_len_of (after), ==, header_len_of (before) + 64 + 80);
  g_assert_cmpmem (before + header_len_of (before), len_before - header_len_of (before),
                   after + header_len_of (after), len_after - header_len_of (after));
  g_clear_object (&vault);

  vault = sc_vault_open (f->path, HR_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_HR);
  g_assert_cmpuint (count_employees (vault), ==, G_N_ELEMENTS (test_people));

  /* HR may not set the HR passphrase, but changes its own. */
  g_assert_false (sc_vault_set_hr_passphrase (vault, "another hr passphrase", &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_true (sc_vault_change_passphrase (vault, "changed hr passphrase", &error));
  g_assert_no_error (error);
  g_clear_object (&vault);

  vault = sc_vault_open (f->path, HR_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  vault = sc_vault_open (f->path, "changed hr passphrase", SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_HR);
  g_clear_object (&vault);
  /* The implementer's passphrase is unaffected. */
  vault = sc_vault_open (f->path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_IMPLEMENTER);
}

static void
test_recovery (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(GRegex) format = NULL;
  g_autofree char *typed = NULL;
  char *recovery = NULL;
  char *fresh = NULL;

  make_small_vault (f->path, &recovery);
  format = g_regex_new ("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){7}$", 0, 0, NULL);
  g_assert_true (g_regex_match (format, recovery, 0, NULL));

  /* Not a key at all. */
  vault = sc_vault_recover (f->path, "1234-5678", "new implementer pass", &error);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
  g_clear_error (&error);
  /* A well-formed key that is not this vault's. */
  vault = sc_vault_recover (f->path, "0000-0000-0000-0000-0000-0000-0000-0000",
                            "new implementer pass", &error);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);

  /* Typed by hand: lower case, spaces instead of hyphens. */
  typed = g_ascii_strdown (recovery, -1);
  g_strdelimit (typed, "-", ' ');
  vault = sc_vault_recover (f->path, typed, "new implementer pass", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_IMPLEMENTER);
  g_assert_cmpuint (count_employees (vault), ==, G_N_ELEMENTS (test_people));

  /* A new recovery key replaces the old one. */
  fresh = sc_vault_new_recovery_key (vault, &error);
  g_assert_no_error (error);
  g_assert_true (g_regex_match (format, fresh, 0, NULL));
  g_assert_cmpstr (fresh, !=, recovery);
  g_clear_object (&vault);

  vault = sc_vault_open (f->path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  vault = sc_vault_recover (f->path, recovery, "another implementer pass", &error);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  vault = sc_vault_recover (f->path, fresh, "another implementer pass", &error);
  g_assert_no_error (error);
  g_clear_object (&vault);
  vault = sc_vault_open (f->path, "another implementer pass", SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);

  sc_vault_free_recovery_key (recovery);
  sc_vault_free_recovery_key (fresh);
}

static void
test_lock_same_process (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) first = NULL;
  g_autoptr(ScVault) second = NULL;
  g_autoptr(ScVault) reader = NULL;

  make_small_vault (f->path, NULL);
  first = sc_vault_open (f->path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);

  second = sc_vault_open (f->path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_null (second);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "Another Stress Check"));
  g_clear_error (&error);

  /* A read-only open needs no lock. */
  reader = sc_vault_open (f->path, IMPL_PASS, SC_VAULT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (sc_vault_audit_append (reader, "test", 0, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* Locking (idle timeout) keeps the write lock; closing releases it. */
  sc_vault_lock (first);
  second = sc_vault_open (f->path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_true (sc_vault_unlock (first, IMPL_PASS, &error));
  g_assert_no_error (error);
  sc_vault_close (first);
  second = sc_vault_open (f->path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
}

static void
test_lock_other_process (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "shared.scvault", NULL);
  g_autoptr(ScVault) vault = NULL;

  if (g_test_subprocess ())
    {
      /* The child: the parent holds the vault open. */
      vault = sc_vault_open (g_getenv ("SC_TEST_VAULT"), IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE,
                             &error);
      g_assert_null (vault);
      g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_LOCKED);
      g_printerr ("child saw LOCKED\n");
      test_remove_dir (dir);
      return;
    }

  make_small_vault (path, NULL);
  vault = sc_vault_open (path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_setenv ("SC_TEST_VAULT", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*child saw LOCKED*");
  g_clear_object (&vault);
  test_remove_dir (dir);
}

/* The disk fills up (here: the file size limit) during a save. */
static void
test_failed_write (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "full.scvault", NULL);
  g_autofree char *tmp = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autofree guint8 *before = NULL;
  g_autofree guint8 *after = NULL;
  gsize len_before = 0, len_after = 0;

  if (g_test_subprocess ())
    {
      g_autoptr(GPtrArray) many = test_roster (400);
      struct rlimit limit;
      const char *p = g_getenv ("SC_TEST_VAULT");
      guint64 counter;

      vault = sc_vault_open (p, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
      g_assert_no_error (error);
      counter = sc_vault_get_save_counter (vault);

      /* Writes past 16 KiB fail with EFBIG instead of killing the process. */
      signal (SIGXFSZ, SIG_IGN);
      limit.rlim_cur = limit.rlim_max = 16384;
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      g_assert_false (sc_vault_upsert_employees (vault, many, &error));
      g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NO_SPACE);
      g_assert_nonnull (strstr (error->message, "disk is full"));
      g_clear_error (&error);
      /* Memory was reloaded from the file: it agrees with the disk. */
      g_assert_cmpuint (count_employees (vault), ==, G_N_ELEMENTS (test_people));
      g_assert_cmpuint (sc_vault_get_save_counter (vault), ==, counter);
      tmp = g_strconcat (p, ".tmp", NULL);
      g_assert_false (g_file_test (tmp, G_FILE_TEST_EXISTS));
      g_printerr ("child saw NO_SPACE\n");
      test_remove_dir (dir);
      return;
    }

  make_small_vault (path, NULL);
  before = test_read (path, &len_before);
  g_assert_cmpuint (len_before, >, 16384);
  g_setenv ("SC_TEST_VAULT", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*child saw NO_SPACE*");

  /* The old vault is untouched and opens with the old content. */
  after = test_read (path, &len_after);
  g_assert_cmpmem (before, len_before, after, len_after);
  vault = sc_vault_open (path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_employees (vault), ==, G_N_ELEMENTS (test_people));
  g_clear_object (&vault);
  test_remove_dir (dir);
}

static void
test_backup_restore (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(ScVault) restored = NULL;
  g_autoptr(GPtrArray) more = test_roster (5);
  g_autofree char *backup = g_build_filename (f->dir, "backup.scvault", NULL);
  g_autofree guint8 *a = NULL;
  g_autofree guint8 *b = NULL;
  gsize la = 0, lb = 0;

  make_small_vault (f->path, NULL);
  vault = sc_vault_open (f->path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (sc_vault_backup (vault, backup, &error));
  g_assert_no_error (error);
  a = test_read (f->path, &la);
  b = test_read (backup, &lb);
  g_assert_cmpmem (a, la, b, lb);

  /* Later changes do not reach the backup; restoring is opening it. */
  g_assert_true (sc_vault_upsert_employees (vault, more, &error));
  g_assert_cmpuint (count_employees (vault), ==, more->len);
  restored = sc_vault_open (backup, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_employees (restored), ==, G_N_ELEMENTS (test_people));
}

static void
test_create_refuses_existing (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;
  char *recovery = NULL;

  make_small_vault (f->path, NULL);
  vault = sc_vault_create (f->path, IMPL_PASS, sc_vault_kdf_limits_for_testing (), &recovery,
                           &error);
  g_assert_null (vault);
  g_assert_null (recovery);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_EXISTS);
  g_clear_error (&error);

  vault = sc_vault_create (f->path, "short", sc_vault_kdf_limits_for_testing (), &recovery,
                           &error);
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/vault/file/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("roundtrip", test_roundtrip);
  ADD ("wrong-passphrase", test_wrong_passphrase);
  ADD ("no-plaintext", test_no_plaintext);
  ADD ("tamper-every-byte", test_tamper_every_byte);
  ADD ("truncate-append", test_truncate_append);
  ADD ("multi-chunk-body", test_multi_chunk_body);
  ADD ("newer-format", test_newer_format);
  ADD ("newer-schema", test_newer_schema);
  ADD ("migrate-older", test_migrate_older);
  ADD ("change-passphrase", test_change_passphrase);
  ADD ("hr-passphrase", test_hr_passphrase);
  ADD ("recovery", test_recovery);
  ADD ("lock-same-process", test_lock_same_process);
  ADD ("backup-restore", test_backup_restore);
  ADD ("create-refuses-existing", test_create_refuses_existing);
  g_test_add_func ("/vault/file/lock-other-process", test_lock_other_process);
  g_test_add_func ("/vault/file/failed-write", test_failed_write);

  return g_test_run ();
}
