/* sc-test-util.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The core test utilities (see sc-test-util.h).
 */
#define G_LOG_DOMAIN "sc-test-util"

#include "config.h"

#include "sc-test-util.h"
#include "sc-access-code.h"

#include <glib/gstdio.h>
#include <string.h>

const TestPerson test_people[TEST_N_PEOPLE] = {
  { "EMP-00417", "山田 太郎", "やまだ たろう", SC_SEX_MALE, "1984-03-15", "経理部" },
  { "EMP-00418", "Suzuki Hanako", "すずき はなこ", SC_SEX_FEMALE, "1991-11-02", "Accounting" },
  { "EMP-00419", "佐藤 次郎", "さとう じろう", SC_SEX_MALE, "1978-07-30", "Warehouse Team" },
  { "EMP-00420", "Tanaka Yumi", "たなか ゆみ", SC_SEX_FEMALE, "2000-01-09", "総務課" },
};

char *
test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("sc-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
test_remove_dir (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  /* GDir and not GFile: GIO would load its modules and keep them in every test. */
  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          test_remove_dir (child);
        else
          g_unlink (child);
      }
  g_remove (path);
}

guint8 *
test_read (const char *path,
           gsize      *len)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, len, &error);
  g_assert_no_error (error);
  return (guint8 *) data;
}

void
test_write (const char   *path,
            const guint8 *data,
            gsize         len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, (const char *) data, (gssize) len, &error);
  g_assert_no_error (error);
}

gboolean
test_contains_bytes (const void *haystack,
                     gsize       len,
                     const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    if (memcmp ((const guint8 *) haystack + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

char *
test_data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

char *
test_read_data (const char *name)
{
  g_autofree char *path = test_data_path (name);

  return (char *) test_read (path, NULL);
}

const char *
test_cli_path (void)
{
  const char *path = g_getenv ("STRESSCHECK_CLI");

  g_assert_nonnull (path);
  return path;
}

GPtrArray *
test_roster (guint extra)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_employee_free);

  for (guint i = 0; i < TEST_N_PEOPLE; i++)
    {
      ScEmployee *e = sc_employee_new ();

      e->number = g_strdup (test_people[i].number);
      e->name = g_strdup (test_people[i].name);
      e->kana = g_strdup (test_people[i].kana);
      e->sex = test_people[i].sex;
      e->birth_date = g_strdup (test_people[i].birth_date);
      e->department = g_strdup (test_people[i].department);
      e->job_type = g_strdup ("事務");
      e->employment_type = g_strdup ("正社員");
      g_ptr_array_add (list, e);
    }
  for (guint i = 0; i < extra; i++)
    {
      ScEmployee *e = sc_employee_new ();

      e->number = g_strdup_printf ("X%06u", i);
      e->name = g_strdup_printf ("Worker %u", i);
      e->sex = i % 2 ? SC_SEX_FEMALE : SC_SEX_MALE;
      e->department = g_strdup_printf ("Dept %u", i % 7);
      g_ptr_array_add (list, e);
    }
  return list;
}

void
test_answers (guint  seed,
              guint8 answers[SC_BJSQ_N_ITEMS])
{
  guint32 x = seed * 2654435761u + 12345u;

  for (guint i = 0; i < SC_BJSQ_N_ITEMS; i++)
    {
      x = x * 1103515245u + 12345u;
      answers[i] = (guint8) (1 + (x >> 16) % 4);
    }
}

/* A field added to ScResult after chart must be compared below too. */
G_STATIC_ASSERT (sizeof (ScResult) == G_STRUCT_OFFSET (ScResult, chart)
                                      + sizeof (((ScResult *) NULL)->chart));

void
test_assert_results_equal (const ScResult *result,
                           const ScResult *expected)
{
  g_assert_cmpint (result->sex, ==, expected->sex);
  g_assert_cmpint (result->complete, ==, expected->complete);
  g_assert_cmpmem (result->raw, sizeof result->raw, expected->raw, sizeof expected->raw);
  g_assert_cmpmem (result->score, sizeof result->score, expected->score, sizeof expected->score);
  /* ScAreaResult is five 4-byte fields: no padding. */
  g_assert_cmpmem (&result->sum, sizeof result->sum, &expected->sum, sizeof expected->sum);
  g_assert_cmpmem (&result->conversion, sizeof result->conversion,
                   &expected->conversion, sizeof expected->conversion);
  g_assert_cmpmem (result->chart, sizeof result->chart, expected->chart, sizeof expected->chart);
}

ScVault *
test_create_vault (const char  *path,
                   char       **out_recovery)
{
  g_autoptr(GError) error = NULL;
  char *recovery = NULL;
  ScVault *vault;

  vault = sc_vault_create (path, IMPL_PASS, sc_vault_kdf_limits_for_testing (), &recovery,
                           &error);
  g_assert_no_error (error);
  g_assert_nonnull (vault);
  g_assert_nonnull (recovery);
  if (out_recovery != NULL)
    *out_recovery = recovery;
  else
    sc_vault_free_recovery_key (recovery);
  return vault;
}

GHashTable *
test_parse_codes (const char *csv)
{
  GHashTable *codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) lines = g_strsplit (csv, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], ",", -1);

      if (g_strv_length (cells) != 3 || g_str_equal (cells[0], "number"))
        continue;
      g_hash_table_insert (codes, g_strdup (cells[0]), g_strdup (cells[2]));
    }
  return codes;
}

gboolean
test_verify_code_cb (const char *hash,
                     gpointer    code)
{
  return sc_access_code_verify (hash, code, NULL);
}
