/* sc-test-util.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The test-utilities library of the core tests (libsctestutil, linked by every test
 * program): temporary folders, the test data shipped in tests/data, files read and written
 * whole, the stresscheck-cli under test, and vaults made with the minimum key-derivation
 * limits, with a small fictional roster and deterministic answers.
 *
 * Every helper fails the running test (g_assert) when something it needs goes wrong, so a
 * test does not have to check what it gets back.
 */
#pragma once

#include <glib.h>

#include "sc-vault.h"

G_BEGIN_DECLS

/* Passphrases of the vaults made by the tests. */
#define IMPL_PASS "implementer passphrase 1"
#define HR_PASS   "hr passphrase 2"

/* Temporary folders and files */

/* A new empty folder under the temporary folder; free it with g_free (). */
char         *test_make_dir       (void);

/* Deletes @path and, when it is a folder, everything in it. Missing files are fine. */
void          test_remove_dir     (const char   *path);

/* The contents of @path (fails the test when it cannot be read); @len may be NULL. */
guint8       *test_read           (const char   *path,
                                   gsize        *len);

/* Replaces the contents of @path with @len bytes of @data (fails the test on error). */
void          test_write          (const char   *path,
                                   const guint8 *data,
                                   gsize         len);

/* Whether @needle occurs in the @len bytes of @haystack, which may hold NUL bytes. */
gboolean      test_contains_bytes (const void   *haystack,
                                   gsize         len,
                                   const char   *needle);

/* The path of tests/data/@name, from G_TEST_SRCDIR; free it with g_free (). */
char         *test_data_path      (const char   *name);

/* The contents of tests/data/@name as a NUL-terminated string; free it with g_free (). */
char         *test_read_data      (const char   *name);

/* The stresscheck-cli under test (the environment variable STRESSCHECK_CLI, which
 * tests/meson.build sets). */
const char   *test_cli_path       (void);

/* Vaults */

typedef struct
{
  const char *number;
  const char *name;
  const char *kana;
  ScSex       sex;
  const char *birth_date;
  const char *department;
} TestPerson;

/* Four fictional employees: strings that must never appear in a vault file. */
#define TEST_N_PEOPLE 4
extern const TestPerson test_people[TEST_N_PEOPLE];

/* The employees of test_people, then @extra more ("X000000"…), as ScEmployee. */
GPtrArray    *test_roster         (guint         extra);

/* Deterministic answers for @seed; every item answered. */
void          test_answers        (guint         seed,
                                   guint8        answers[SC_BJSQ_N_ITEMS]);

/* A new vault at @path with IMPL_PASS and the minimum key-derivation limits. The recovery
 * key goes to @out_recovery (free it with sc_vault_free_recovery_key ()) when not NULL. */
ScVault      *test_create_vault   (const char   *path,
                                   char        **out_recovery);

/* number → code, from the "number,name,code" rows of an issuing call (a header row is
 * skipped). */
GHashTable   *test_parse_codes    (const char   *csv);

/* An ScVaultCodeCheckFunc: whether @code (a typed access code) matches @hash. */
gboolean      test_verify_code_cb (const char   *hash,
                                   gpointer      code);

/* Fails the test unless @result and @expected hold the same scores, field by field (a
 * memcmp would also compare the struct's padding, which holds whatever was there before). */
void          test_assert_results_equal (const ScResult *result,
                                         const ScResult *expected);

G_END_DECLS
