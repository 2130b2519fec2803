/* test-vault-employees.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One employee at a time (issue 11 §1, sc-vault-employees.h): the checks the dialog shows,
 * add, edit, mark as left and back, each with an audit entry that names the row only; who
 * left gets no access code in a new round even when the caller's copy says otherwise; HR
 * may do the same; the list a roster import stores; the async twins.
 */
#include "config.h"

#include <string.h>

#include "sc-test-util.h"
#include "sc-test-workspace.h"
#include "sc-vault-employees.h"

static ScEmployee *
new_employee (const char *number,
              const char *name)
{
  ScEmployee *e = sc_employee_new ();

  e->number = g_strdup (number);
  e->name = g_strdup (name);
  e->sex = SC_SEX_FEMALE;
  e->birth_date = g_strdup ("1990-05-06");
  e->department = g_strdup ("総務課");
  return e;
}

/* The employee as the vault keeps it, or NULL. */
static ScEmployee *
find (ScVault    *vault,
      const char *number)
{
  return sc_vault_lookup_employee (vault, number, NULL);
}

static void
test_check (WsFixture     *f,
            gconstpointer  data)
{
  g_autoptr(ScVault) vault = ws_open (f, IMPL_PASS);
  g_autoptr(GPtrArray) roster = sc_vault_list_employees (vault, NULL);
  g_autoptr(ScEmployee) e = new_employee ("N1", "新人 一郎");
  g_autofree char *message = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, G_DATE_JUNE, 2024);
  g_assert_cmpuint (sc_employee_check (e, roster, NULL, &today, &message), ==, 0);
  g_assert_null (message);

  /* A number in use: wrong when adding, right when editing that very entry. */
  g_free (e->number);
  e->number = g_strdup (test_people[1].number);
  g_assert_cmpuint (sc_employee_check (e, roster, NULL, &today, &message), ==,
                    SC_ROSTER_FIELD_NUMBER);
  g_assert_nonnull (strstr (message, "already"));
  g_clear_pointer (&message, g_free);
  g_assert_cmpuint (sc_employee_check (e, roster, test_people[1].number, &today, NULL), ==, 0);

  /* Required number and name; a birth date that is no date or in the future. */
  g_free (e->number);
  e->number = g_strdup ("  ");
  g_free (e->name);
  e->name = g_strdup ("");
  g_free (e->birth_date);
  e->birth_date = g_strdup ("1990-02-30");
  g_assert_cmpuint (sc_employee_check (e, roster, NULL, &today, &message), ==,
                    SC_ROSTER_FIELD_NUMBER | SC_ROSTER_FIELD_NAME | SC_ROSTER_FIELD_BIRTH_DATE);
  g_assert_nonnull (strstr (message, "number"));
  g_clear_pointer (&message, g_free);
  g_free (e->birth_date);
  e->birth_date = g_strdup ("2030-01-01");
  g_assert_cmpuint (sc_employee_check (e, NULL, NULL, &today, NULL) & SC_ROSTER_FIELD_BIRTH_DATE,
                    ==, SC_ROSTER_FIELD_BIRTH_DATE);
  /* No birth date is fine; an unknown sex is not. */
  g_clear_pointer (&e->birth_date, g_free);
  e->sex = 7;
  g_assert_cmpuint (sc_employee_check (e, NULL, NULL, &today, NULL) & SC_ROSTER_FIELD_SEX, ==,
                    SC_ROSTER_FIELD_SEX);
}

static void
add_edit_leave (ScVault    *vault,
                WsFixture  *f,
                const char *number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScEmployee) e = new_employee (number, "新人 花子");
  g_autoptr(ScEmployee) stored = NULL;
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autoptr(GPtrArray) stale = g_ptr_array_new ();
  gint64 id;

  g_assert_true (sc_vault_add_employee (vault, e, &error));
  g_assert_no_error (error);
  id = ws_employee_id (vault, number);
  g_assert_true (ws_audited (vault, "employee.add", id));
  stored = find (vault, number);
  g_assert_true (sc_employee_equal (stored, e));

  /* The same number again. */
  g_assert_false (sc_vault_add_employee (vault, e, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_EXISTS);
  g_clear_error (&error);

  /* Edit. */
  g_free (e->department);
  e->department = g_strdup ("営業課");
  e->position = g_strdup ("主任");
  g_assert_true (sc_vault_update_employee (vault, e, &error));
  g_assert_no_error (error);
  g_assert_true (ws_audited (vault, "employee.edit", id));
  g_clear_pointer (&stored, sc_employee_free);
  stored = find (vault, number);
  g_assert_cmpstr (stored->department, ==, "営業課");
  g_assert_cmpstr (stored->position, ==, "主任");

  /* Invalid input and unknown numbers are refused. */
  g_free (e->name);
  e->name = g_strdup (" ");
  g_assert_false (sc_vault_update_employee (vault, e, &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr(ScEmployee) ghost = new_employee ("NOPE", "誰か");

    g_assert_false (sc_vault_update_employee (vault, ghost, &error));
    g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (sc_vault_set_employee_active (vault, "NOPE", FALSE, &error));
    g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  /* Left (退職): kept, inactive, and no code in a new round even from a stale copy. */
  g_assert_true (sc_vault_set_employee_active (vault, number, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (ws_audited (vault, "employee.left", id));
  g_clear_pointer (&stored, sc_employee_free);
  stored = find (vault, number);
  g_assert_nonnull (stored);
  g_assert_false (stored->active);

  stored->active = TRUE;    /* the caller's copy is out of date */
  g_ptr_array_add (stale, stored);
  g_assert_true (sc_vault_issue_access_codes (vault, f->round_id, stale, csv, &error));
  g_assert_no_error (error);
  g_assert_null (strstr (csv->str, number));

  /* Back (the undo of 退職): codes are issued again. */
  g_assert_true (sc_vault_set_employee_active (vault, number, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (ws_audited (vault, "employee.rejoined", id));
  g_assert_true (sc_vault_issue_access_codes (vault, f->round_id, stale, csv, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (csv->str, number));
}

static void
test_implementer (WsFixture     *f,
                  gconstpointer  data)
{
  g_autoptr(ScVault) vault = ws_open (f, IMPL_PASS);

  add_edit_leave (vault, f, "N100");
  sc_vault_close (vault);
  /* The names are not in the file in clear, nor in the audit log. */
  ws_assert_not_in_file (f->path, "新人 花子");
}

static void
test_hr (WsFixture     *f,
         gconstpointer  data)
{
  g_autoptr(ScVault) vault = ws_open (f, HR_PASS);

  add_edit_leave (vault, f, "N200");
}

static void
test_diff_to_store (void)
{
  g_autoptr(GPtrArray) old = test_roster (0);
  g_autoptr(GPtrArray) incoming = test_roster (0);
  g_autoptr(ScRosterDiff) diff = NULL;
  g_autoptr(GPtrArray) keep = NULL;
  g_autoptr(GPtrArray) mark = NULL;
  ScEmployee *changed;
  ScEmployee *gone;

  /* 0 changes department, 1 and 2 are not in the file (2 already left), a new one comes. */
  ((ScEmployee *) g_ptr_array_index (old, 2))->active = FALSE;
  g_ptr_array_remove_index (incoming, 2);
  g_ptr_array_remove_index (incoming, 1);
  changed = g_ptr_array_index (incoming, 0);
  g_free (changed->department);
  changed->department = g_strdup ("新部署");
  g_ptr_array_add (incoming, new_employee ("N9", "新人"));
  diff = sc_roster_diff (old, incoming);

  keep = sc_roster_diff_to_store (diff, FALSE);
  g_assert_cmpuint (keep->len, ==, 2);
  g_assert_cmpstr (((ScEmployee *) g_ptr_array_index (keep, 0))->number, ==, "N9");
  g_assert_cmpstr (((ScEmployee *) g_ptr_array_index (keep, 1))->department, ==, "新部署");

  mark = sc_roster_diff_to_store (diff, TRUE);
  g_assert_cmpuint (mark->len, ==, 3);
  gone = g_ptr_array_index (mark, 2);
  g_assert_cmpstr (gone->number, ==, test_people[1].number);
  g_assert_false (gone->active);
}

static void
test_async (WsFixture     *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = ws_open (f, IMPL_PASS);
  g_autoptr(ScEmployee) e = new_employee ("A1", "非同期 太郎");
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  g_autoptr(GAsyncResult) r1 = NULL;
  g_autoptr(GAsyncResult) r2 = NULL;
  g_autoptr(GAsyncResult) r3 = NULL;
  g_autoptr(GAsyncResult) r4 = NULL;
  g_autoptr(ScEmployee) stored = NULL;

  sc_vault_add_employee_async (vault, e, NULL, ws_store_result_cb, &r1);
  g_assert_true (sc_vault_employees_finish (vault, ws_wait (&r1), &error));
  g_assert_no_error (error);

  e->kana = g_strdup ("ひどうき たろう");
  sc_vault_update_employee_async (vault, e, NULL, ws_store_result_cb, &r2);
  g_assert_true (sc_vault_employees_finish (vault, ws_wait (&r2), &error));
  g_assert_no_error (error);

  sc_vault_set_employee_active_async (vault, "A1", FALSE, NULL, ws_store_result_cb, &r3);
  g_assert_true (sc_vault_employees_finish (vault, ws_wait (&r3), &error));
  g_assert_no_error (error);

  stored = find (vault, "A1");
  g_assert_cmpstr (stored->kana, ==, "ひどうき たろう");
  g_assert_false (stored->active);

  /* A failure comes back as an error, and nothing is stored. */
  g_ptr_array_add (list, e);
  g_free (e->name);
  e->name = g_strdup ("");
  sc_vault_upsert_employees_async (vault, list, NULL, ws_store_result_cb, &r4);
  g_assert_false (sc_vault_employees_finish (vault, ws_wait (&r4), &error));
  g_assert_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/vault-employees/check", WsFixture, NULL, ws_setup, test_check, ws_teardown);
  g_test_add ("/vault-employees/implementer", WsFixture, NULL, ws_setup, test_implementer,
              ws_teardown);
  g_test_add ("/vault-employees/hr", WsFixture, NULL, ws_setup, test_hr, ws_teardown);
  g_test_add ("/vault-employees/async", WsFixture, NULL, ws_setup, test_async, ws_teardown);
  g_test_add_func ("/vault-employees/diff-to-store", test_diff_to_store);

  return g_test_run ();
}
