/* test-vault-common.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers shared by the vault tests: temporary folders, a small roster, answers.
 */
#pragma once

#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sc-vault.h"
#include "sc-vault-private.h"
#include "sc-secure.h"

#define IMPL_PASS "implementer passphrase 1"
#define HR_PASS   "hr passphrase 2"

typedef struct
{
  const char *number;
  const char *name;
  const char *kana;
  ScSex       sex;
  const char *birth_date;
  const char *department;
} TestPerson;

/* Strings that must never appear in a vault file. */
static const TestPerson test_people[] = {
  { "EMP-00417", "山田 太郎", "やまだ たろう", SC_SEX_MALE, "1984-03-15", "経理部" },
  { "EMP-00418", "Suzuki Hanako", "すずき はなこ", SC_SEX_FEMALE, "1991-11-02", "Accounting" },
  { "EMP-00419", "佐藤 次郎", "さとう じろう", SC_SEX_MALE, "1978-07-30", "Warehouse Team" },
  { "EMP-00420", "Tanaka Yumi", "たなか ゆみ", SC_SEX_FEMALE, "2000-01-09", "総務課" },
};

static inline char *
test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("sc-vault-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static inline void
test_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static inline GPtrArray *
test_roster (guint extra)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_employee_free);

  for (guint i = 0; i < G_N_ELEMENTS (test_people); i++)
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

/* Deterministic answers for a seed; every item answered. */
static inline void
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

static inline ScVault *
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

static inline guint8 *
test_read (const char *path,
           gsize      *len)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, len, &error);
  g_assert_no_error (error);
  return (guint8 *) data;
}

static inline void
test_write (const char   *path,
            const guint8 *data,
            gsize         len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, (const char *) data, (gssize) len, &error);
  g_assert_no_error (error);
}
