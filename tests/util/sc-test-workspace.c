/* sc-test-workspace.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The small round the workspace tests share; see sc-test-workspace.h.
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sodium.h>

#include "sc-secure.h"
#include "sc-vault-private.h"
#include "sc-test-workspace.h"

char *
ws_date_offset (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* Answers of @sex that the default criteria judge high stress (@high) or not. */
void
ws_answers (ScSex    sex,
            gboolean high,
            guint    salt,
            guint8   answers[SC_BJSQ_N_ITEMS])
{
  for (guint seed = salt * 1000 + 1; ; seed++)
    {
      ScResult r;

      test_answers (seed, answers);
      sc_score (answers, sex, NULL, &r);
      if ((r.conversion.verdict == SC_VERDICT_HIGH) == high)
        return;
    }
}

ScVault *
ws_open (WsFixture  *f,
         const char *passphrase)
{
  g_autoptr(GError) error = NULL;
  ScVault *vault = sc_vault_open (f->path, passphrase, SC_VAULT_OPEN_FLAGS_NONE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (vault);
  return vault;
}

void
ws_setup (WsFixture     *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(GPtrArray) roster = test_roster (4);
  g_autofree guint8 *key = NULL;
  guint8 partial[SC_BJSQ_N_ITEMS] = { 0 };

  f->dir = test_make_dir ();
  f->path = g_build_filename (f->dir, "workspace.scvault", NULL);
  f->today = ws_date_offset (0);
  f->period_start = ws_date_offset (-20);
  f->period_end = ws_date_offset (20);
  vault = test_create_vault (f->path, NULL);
  g_assert_true (sc_vault_set_hr_passphrase (vault, HR_PASS, &error));
  g_assert_true (sc_vault_upsert_employees (vault, roster, &error));
  f->round_id = sc_vault_create_round (vault, "2026", f->period_start, f->period_end, NULL,
                                       &error);
  g_assert_no_error (error);
  g_assert_true (sc_vault_set_access_code_hash (vault, f->round_id, "X000000", "H-1", &error));
  g_assert_no_error (error);

  g_assert_true (sc_vault_enter_kiosk (vault, &error));
  for (guint i = 0; i < 4; i++)
    {
      ws_answers (test_people[i].sex, i == 0 || i == 3, i, f->answers[i]);
      f->sub[i] = sc_vault_submit (vault, f->round_id, test_people[i].number, f->answers[i],
                                   test_people[i].sex, NULL, &error);
      g_assert_no_error (error);
      if (i == 0)
        sc_vault_record_consent (vault, f->sub[i], TRUE, &error);
      else if (i == 1)
        sc_vault_record_consent (vault, f->sub[i], FALSE, &error);
      else if (i == 3)
        {
          sc_vault_record_consent (vault, f->sub[i], FALSE, &error);
          g_assert_no_error (error);
          sc_vault_request_interview (vault, f->sub[i], &error);
        }
      g_assert_no_error (error);
    }
  /* X000000 started and left half-way. */
  key = sc_vault_derive_partial_key (vault, f->round_id, "X000000", "1234-5678", &error);
  g_assert_no_error (error);
  memset (partial, 2, 10);
  g_assert_true (sc_vault_save_partial (vault, f->round_id, "X000000", key, partial, &error));
  g_assert_no_error (error);
  sc_secure_free (key);
  key = NULL;
  g_assert_true (sc_vault_leave_kiosk (vault, IMPL_PASS, &error));
  g_assert_no_error (error);
}

void
ws_teardown (WsFixture     *f,
             gconstpointer  data)
{
  test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->today);
  g_free (f->period_start);
  g_free (f->period_end);
}

/* Runs the main loop until the GAsyncResult of an _async call arrives. */
void
ws_store_result_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

GAsyncResult *
ws_wait (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

/* Whether the audit log has an entry @action for @target. */
gboolean
ws_audited (ScVault    *vault,
            const char *action,
            gint64      target)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = sc_vault_list_audit (vault, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < log->len; i++)
    {
      ScVaultAuditEntry *e = g_ptr_array_index (log, i);

      if (g_str_equal (e->action, action) && e->target == target)
        return TRUE;
    }
  return FALSE;
}

/* The file must not hold @text in clear. */
void
ws_assert_not_in_file (const char *path,
                       const char *text)
{
  gsize len;
  g_autofree guint8 *data = test_read (path, &len);
  gsize n = strlen (text);

  for (gsize i = 0; i + n <= len; i++)
    g_assert_false (memcmp (data + i, text, n) == 0);
}

gint64
ws_employee_id (ScVault    *vault,
                const char *number)
{
  gint64 id = 0;

  g_assert_true (_sc_vault_lookup_employee_id (sc_vault_get_db (vault), number, &id, NULL));
  return id;
}
