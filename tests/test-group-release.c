/* test-group-release.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Releasing a group analysis to HR (sc-vault-releases.h) through the core API: HR's key
 * opens released snapshots and nothing else, withdrawn ones are gone for HR, every step
 * is audited, and only the implementer makes or releases an analysis.
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sc-secure.h"
#include "sc-vault-private.h"
#include "sc-vault-async.h"
#include "sc-workspace.h"
#include "sc-test-workspace.h"
#include "sc-group-table.h"
#include "sc-vault-private.h"
#include "sc-vault-releases.h"

#include <string.h>

static gboolean
audit_has (ScVault    *vault,
           const char *action,
           gint64      target)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = sc_vault_list_audit (vault, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < log->len; i++)
    {
      ScVaultAuditEntry *e = g_ptr_array_index (log, i);

      if (strcmp (e->action, action) == 0 && e->target == target)
        return TRUE;
    }
  return FALSE;
}

static void
test_release (WsFixture     *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = ws_open (f, IMPL_PASS);
  g_autoptr(ScGroupTable) table = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *snapshot = NULL;
  g_autofree char *opened = NULL;
  ScGrouping grouping = { SC_GROUP_BY_DEPARTMENT, SC_GROUP_BY_WHOLE, 0 };
  gint64 first, second;

  g_assert_cmpint (sc_group_table_find_previous_round (vault, f->round_id, &error), ==, 0);
  g_assert_no_error (error);
  {
    gint64 next = sc_vault_create_round (vault, "2027", NULL, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (sc_group_table_find_previous_round (vault, next, &error), ==,
                     f->round_id);
    g_assert_no_error (error);
  }

  /* The round has four answers: no analysis, only the explanation. */
  table = sc_group_table_new_for_round (vault, f->round_id, &grouping, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (sc_group_table_is_analysable (table));
  g_assert_cmpuint (sc_group_table_get_total (table)->n, ==, 4);
  snapshot = sc_group_table_to_json (table);

  first = sc_vault_release_analysis (vault, f->round_id, "2026 by department", "Dr. Sato",
                                     snapshot, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first, >, 0);
  second = sc_vault_release_analysis (vault, f->round_id, "second", "Dr. Sato", "{\"x\":1}",
                                      &error);
  g_assert_no_error (error);
  g_assert_true (audit_has (vault, "analysis.release", first));
  g_assert_false (sc_vault_release_analysis (vault, 9999, "t", "who", "{}", &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The blob is sealed: the snapshot's text is not in the database in clear. */
  {
    g_autoptr(sqlite3_stmt) stmt =
      sc_vault_db_prepare (sc_vault_get_db (vault),
                           "SELECT sealed FROM group_releases WHERE id = ?", &error);

    sqlite3_bind_int64 (stmt, 1, first);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_false (test_contains_bytes (sqlite3_column_blob (stmt, 0),
                                         (gsize) sqlite3_column_bytes (stmt, 0),
                                         "explanation"));
  }
  g_assert_true (sc_vault_withdraw_release (vault, second, &error));
  g_assert_no_error (error);
  g_assert_true (audit_has (vault, "analysis.withdraw", second));
  g_assert_false (sc_vault_withdraw_release (vault, second, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  list = sc_vault_list_releases (vault, &error);
  g_assert_cmpuint (list->len, ==, 2);   /* the implementer sees the withdrawn one too */
  g_clear_pointer (&list, g_ptr_array_unref);
  sc_vault_close (vault);
  g_clear_object (&vault);

  /* HR: the release in force only, opened with HR's key; read-only otherwise. */
  vault = ws_open (f, HR_PASS);
  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_HR);
  list = sc_vault_list_releases (vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  {
    ScVaultRelease *r = g_ptr_array_index (list, 0);

    g_assert_cmpint (r->id, ==, first);
    g_assert_cmpstr (r->title, ==, "2026 by department");
    g_assert_cmpstr (r->released_by, ==, "Dr. Sato");
    g_assert_cmpint (r->released_at, >, 0);
    g_assert_cmpint (r->withdrawn_at, ==, 0);
  }
  opened = sc_vault_open_release (vault, first, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (opened, ==, snapshot);
  g_assert_null (sc_vault_open_release (vault, second, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (sc_vault_release_analysis (vault, f->round_id, "t", "hr", "{}", &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (sc_vault_withdraw_release (vault, first, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
  g_clear_error (&error);
  /* HR sees consented results only, so it cannot make an analysis. */
  g_assert_null (sc_group_table_new_for_round (vault, f->round_id, &grouping, NULL, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
  g_clear_error (&error);
  sc_vault_close (vault);
}

static void
test_moved_blob (WsFixture     *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = ws_open (f, IMPL_PASS);
  gint64 a, b;

  a = sc_vault_release_analysis (vault, f->round_id, "a", "x", "{\"a\":1}", &error);
  b = sc_vault_release_analysis (vault, f->round_id, "b", "x", "{\"b\":2}", &error);
  g_assert_no_error (error);
  /* Someone who can write the database copies a's blob onto b: it must not open as b. */
  {
    g_autoptr(sqlite3_stmt) stmt =
      sc_vault_db_prepare (sc_vault_get_db (vault),
                           "UPDATE group_releases SET sealed = "
                           "(SELECT sealed FROM group_releases WHERE id = ?) WHERE id = ?",
                           &error);

    sqlite3_bind_int64 (stmt, 1, a);
    sqlite3_bind_int64 (stmt, 2, b);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  }
  g_assert_null (sc_vault_open_release (vault, b, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_DAMAGED);
  sc_vault_close (vault);
}

/* A round with 27 answers: departments A (12), B (12) and C (3). */
static void
test_release_analysable_round (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "group.scvault", NULL);
  g_autoptr(ScVault) vault = test_create_vault (path, NULL);
  g_autoptr(GPtrArray) roster = test_roster (27);
  g_autoptr(ScGroupTable) table = NULL;
  g_autofree char *snapshot = NULL;
  g_autofree char *opened = NULL;
  ScGrouping grouping = { SC_GROUP_BY_DEPARTMENT, SC_GROUP_BY_WHOLE, 0 };
  const ScGroupRow *row;
  gint64 round_id, release_id;

  for (guint i = 0; i < 27; i++)
    {
      ScEmployee *e = g_ptr_array_index (roster, TEST_N_PEOPLE + i);

      g_free (e->department);
      e->department = g_strdup (i < 12 ? "A" : i < 24 ? "B" : "C");
    }
  g_assert_true (sc_vault_set_hr_passphrase (vault, HR_PASS, &error));
  g_assert_true (sc_vault_upsert_employees (vault, roster, &error));
  round_id = sc_vault_create_round (vault, "2026", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 27; i++)
    {
      ScEmployee *e = g_ptr_array_index (roster, TEST_N_PEOPLE + i);
      guint8 answers[SC_BJSQ_N_ITEMS];

      test_answers (i + 1, answers);
      g_assert_cmpint (sc_vault_submit (vault, round_id, e->number, answers, e->sex, NULL,
                                        &error), >, 0);
      g_assert_no_error (error);
    }

  /* As the screen does it: in the worker thread. */
  {
    g_autoptr(GAsyncResult) result = NULL;

    sc_group_table_new_for_round_async (vault, round_id, &grouping, NULL, NULL,
                                        ws_store_result_cb, &result);
    table = sc_group_table_new_for_round_finish (vault, ws_wait (&result), &error);
    g_assert_no_error (error);
  }
  g_assert_true (sc_group_table_is_analysable (table));
  g_assert_cmpuint (sc_group_table_get_total (table)->n, ==, 27);
  g_assert_cmpuint (sc_group_table_get_n_rows (table), ==, 3);
  row = sc_group_table_get_row (table, 0);
  g_assert_cmpstr (row->label, ==, "A");
  g_assert_true (row->has_figures);
  row = sc_group_table_get_row (table, 1);
  g_assert_cmpstr (row->label, ==, "B");
  g_assert_cmpint (row->suppression, ==, SC_GROUP_SUPPRESSION_COMPLEMENTARY);
  snapshot = sc_group_table_to_json (table);
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GAsyncResult) withdrawn = NULL;
    gint64 extra;

    sc_vault_release_analysis_async (vault, round_id, "by department", "Dr. Sato", snapshot,
                                     NULL, ws_store_result_cb, &result);
    release_id = sc_vault_release_analysis_finish (vault, ws_wait (&result), &error);
    g_assert_no_error (error);
    g_assert_cmpint (release_id, >, 0);
    g_clear_object (&result);
    sc_vault_release_analysis_async (vault, round_id, "draft", "Dr. Sato", "{}", NULL,
                                     ws_store_result_cb, &result);
    extra = sc_vault_release_analysis_finish (vault, ws_wait (&result), &error);
    g_assert_no_error (error);
    sc_vault_withdraw_release_async (vault, extra, NULL, ws_store_result_cb, &withdrawn);
    g_assert_true (sc_vault_withdraw_release_finish (vault, ws_wait (&withdrawn), &error));
    g_assert_no_error (error);
  }
  sc_vault_close (vault);
  g_clear_object (&vault);

  vault = sc_vault_open (path, HR_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  opened = sc_vault_open_release (vault, release_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (opened, ==, snapshot);
  {
    g_autoptr(GPtrArray) list = sc_vault_list_releases (vault, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, 1);   /* the withdrawn draft is gone for HR */
  }
  g_assert_nonnull (strstr (opened, "{\"label\":\"A\",\"n\":12,\"excluded_incomplete\":0,"
                                    "\"combined\":"));
  g_assert_nonnull (strstr (opened, "{\"label\":\"B\",\"n\":12,\"excluded_incomplete\":0,"
                                    "\"suppressed\":true,\"reason\":"));
  g_assert_nonnull (strstr (opened, "{\"label\":\"C\",\"n\":3,\"excluded_incomplete\":0,"
                                    "\"suppressed\":true,\"reason\":\"fewer than 10"));
  sc_vault_close (vault);
  test_remove_dir (dir);
}

/* The chart constants chosen for the analysis (a vault setting, audited), and the round
 * opened once and grouped in memory: both the implementer's only. */
static void
test_constants_setting_and_round (WsFixture     *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = ws_open (f, IMPL_PASS);
  g_autoptr(ScChartConstantSet) set = NULL;
  g_autoptr(ScChartConstantSet) changed = NULL;
  g_autoptr(ScGroupRound) round = NULL;
  g_autoptr(ScGroupTable) table = NULL;
  ScGrouping grouping = { SC_GROUP_BY_SEX, SC_GROUP_BY_WHOLE, 0 };

  set = sc_group_get_chart_constants (vault, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (set->id, ==, sc_chart_constant_set_default ()->id);
  changed = sc_chart_constant_set_copy (sc_chart_constant_set_builtin ("legacy"));
  changed->constants[SC_SEX_MALE].b0 = 7.75;
  g_assert_true (sc_group_set_chart_constants (vault, changed, &error));
  g_assert_no_error (error);
  g_assert_true (audit_has (vault, "settings.set." SC_VAULT_SETTING_CHART_CONSTANTS, 0));
  g_clear_pointer (&set, sc_chart_constant_set_free);
  set = sc_group_get_chart_constants (vault, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (set->constants[SC_SEX_MALE].b0, ==, 7.75);

  round = sc_group_round_load (vault, f->round_id, &error);
  g_assert_no_error (error);
  table = sc_group_round_analyse (round, &grouping, set, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sc_group_table_get_total (table)->n, ==, 4);
  g_assert_cmpfloat (sc_group_table_get_constants (table)->constants[SC_SEX_MALE].b0, ==, 7.75);
  sc_vault_close (vault);
  g_clear_object (&vault);

  /* HR reads which set is in use, changes nothing and opens no round. */
  vault = ws_open (f, HR_PASS);
  g_clear_pointer (&set, sc_chart_constant_set_free);
  set = sc_group_get_chart_constants (vault, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (set->constants[SC_SEX_MALE].b0, ==, 7.75);
  g_assert_false (sc_group_set_chart_constants (vault, changed, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_null (sc_group_round_load (vault, f->round_id, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION);
  g_clear_error (&error);
  sc_vault_close (vault);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/group-release/release-open-withdraw", WsFixture, NULL, ws_setup,
              test_release, ws_teardown);
  g_test_add ("/group-release/moved-blob", WsFixture, NULL, ws_setup, test_moved_blob,
              ws_teardown);
  g_test_add_func ("/group-release/analysable-round", test_release_analysable_round);
  g_test_add ("/group-release/constants-setting-and-round", WsFixture, NULL, ws_setup,
              test_constants_setting_and_round, ws_teardown);
  return g_test_run ();
}
