/* sc-test-kiosk.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The kiosk test utilities (see sc-test-kiosk.h).
 */
#define G_LOG_DOMAIN "sc-test-kiosk"

#include "config.h"

#include "sc-test-kiosk.h"

#include "sc-secure.h"

#include <glib/gstdio.h>
#include <sodium.h>

/* ---- The vault ---------------------------------------------------------------------------- */

void
kiosk_vault_set_up (ScTestKioskVault        *fixture,
                    const char              *impl_pass,
                    const char              *hr_pass,
                    const ScTestKioskPerson *people,
                    guint                    n_people,
                    const char              *idle_timeout,
                    const char              *contact_text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) roster = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_employee_free);
  char *recovery = NULL;
  ScCriteria criteria;

  g_assert_cmpuint (n_people, <=, SC_TEST_KIOSK_MAX_PEOPLE);

  fixture->dir = g_dir_make_tmp ("sc-kiosk-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "test.scvault", NULL);

  fixture->vault = sc_vault_create (fixture->path, impl_pass, sc_vault_kdf_limits_for_testing (),
                                    &recovery, &error);
  g_assert_no_error (error);
  sc_vault_free_recovery_key (recovery);
  if (hr_pass != NULL)
    {
      g_assert_true (sc_vault_set_hr_passphrase (fixture->vault, hr_pass, &error));
      g_assert_no_error (error);
    }

  for (guint i = 0; i < n_people; i++)
    {
      ScEmployee *e = sc_employee_new ();

      e->number = g_strdup (people[i].number);
      e->name = g_strdup (people[i].name);
      e->sex = people[i].sex;
      e->department = g_strdup ("総務課");
      g_ptr_array_add (roster, e);
    }
  g_assert_true (sc_vault_upsert_employees (fixture->vault, roster, &error));
  g_assert_no_error (error);

  sc_criteria_init_default (&criteria);
  fixture->round_id = sc_vault_create_round (fixture->vault, "2026年度", "2026-06-01",
                                             "2099-12-31", &criteria, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fixture->round_id, >, 0);

  for (guint i = 0; i < n_people; i++)
    {
      g_autofree char *hash = NULL;

      g_assert_true (sc_access_code_generate (fixture->codes[i], &error));
      hash = sc_access_code_hash (fixture->codes[i], crypto_pwhash_OPSLIMIT_MIN,
                                  crypto_pwhash_MEMLIMIT_MIN, &error);
      g_assert_no_error (error);
      g_assert_true (sc_vault_set_access_code_hash (fixture->vault, fixture->round_id,
                                                    people[i].number, hash, &error));
      g_assert_no_error (error);
    }

  if (idle_timeout != NULL)
    {
      g_assert_true (sc_vault_set_setting (fixture->vault, SC_VAULT_SETTING_IDLE_TIMEOUT,
                                           idle_timeout, &error));
      g_assert_no_error (error);
    }
  g_assert_true (sc_vault_set_setting (fixture->vault, SC_VAULT_SETTING_CONTACT_TEXT,
                                       contact_text, &error));
  g_assert_no_error (error);

  g_assert_true (sc_vault_enter_kiosk (fixture->vault, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sc_vault_get_role (fixture->vault), ==, SC_VAULT_ROLE_KIOSK);
}

void
kiosk_vault_keep_result (ScTestKioskVault        *fixture,
                         gint64                   round_id,
                         const ScTestKioskPerson *person,
                         guint                    index,
                         const guint8            *answers,
                         gboolean                 submit,
                         const char              *pin)
{
  g_autoptr (GError) error = NULL;
  char normalized[SC_ACCESS_CODE_NORMALIZED_SIZE];
  guint8 *key;

  if (submit)
    {
      sc_vault_submit (fixture->vault, round_id, person->number, answers, person->sex, NULL,
                       &error);
      g_assert_no_error (error);
    }
  /* The kiosk derives the key from the code as normalized from what was typed. */
  g_assert_true (sc_access_code_normalize (fixture->codes[index], -1, normalized, NULL));
  key = sc_vault_derive_partial_key (fixture->vault, round_id, person->number, normalized,
                                     &error);
  g_assert_no_error (error);
  g_assert_true (sc_vault_save_result_view (fixture->vault, round_id, person->number, key, pin,
                                            answers, person->sex, &error));
  g_assert_no_error (error);
  sc_secure_free (key);
}

gint64
kiosk_vault_add_last_year (ScTestKioskVault        *fixture,
                           const char              *impl_pass,
                           const ScTestKioskPerson *people,
                           guint                    n_people,
                           const guint8            *answers,
                           const char              *pin)
{
  g_autoptr (GError) error = NULL;
  gint64 round_id;

  g_assert_true (sc_vault_leave_kiosk (fixture->vault, impl_pass, &error));
  g_assert_no_error (error);
  round_id = sc_vault_create_round (fixture->vault, "2025年度", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_people; i++)
    {
      g_autofree char *hash = sc_access_code_hash (fixture->codes[i], crypto_pwhash_OPSLIMIT_MIN,
                                                   crypto_pwhash_MEMLIMIT_MIN, &error);

      g_assert_no_error (error);
      g_assert_true (sc_vault_set_access_code_hash (fixture->vault, round_id, people[i].number,
                                                    hash, &error));
      g_assert_no_error (error);
    }
  g_assert_true (sc_vault_enter_kiosk (fixture->vault, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < n_people; i++)
    kiosk_vault_keep_result (fixture, round_id, &people[i], i, answers, TRUE, pin);
  return round_id;
}

void
kiosk_vault_tear_down (ScTestKioskVault *fixture)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  if (fixture->vault != NULL)
    g_assert_finalize_object (fixture->vault);

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  sodium_memzero (fixture->codes, sizeof fixture->codes);
}

/* ---- The window --------------------------------------------------------------------------- */

typedef struct
{
  GtkWidget *widget;
  int        width;
  int        height;
} SizeWait;

static gboolean
has_size_cb (gpointer data)
{
  SizeWait *wait = data;

  return gtk_widget_get_width (wait->widget) == wait->width
         && gtk_widget_get_height (wait->widget) == wait->height;
}

void
kiosk_get_frame_size (int *frame_w,
                      int *frame_h)
{
  static int w = -1, h = -1;

  if (w < 0)
    {
      GtkWidget *probe = adw_window_new ();

      gtk_window_set_default_size (GTK_WINDOW (probe), 400, 300);
      gtk_window_present (GTK_WINDOW (probe));
      wait_for_frame (probe);
      w = 400 - gtk_widget_get_width (probe);
      h = 300 - gtk_widget_get_height (probe);
      gtk_window_destroy (GTK_WINDOW (probe));
      iterate_until_idle ();
    }
  *frame_w = w;
  *frame_h = h;
}

void
kiosk_set_window_size (GtkWindow *window,
                       int        width,
                       int        height)
{
  SizeWait wait = { GTK_WIDGET (window), width, height };
  int frame_w, frame_h;

  kiosk_get_frame_size (&frame_w, &frame_h);
  gtk_window_set_default_size (window, width + frame_w, height + frame_h);
  /* The default size is cut to the screen (Xvfb's is 1280 × 1024); a size request is not. */
  gtk_widget_set_size_request (GTK_WIDGET (window), width + frame_w, height + frame_h);
  gtk_window_present (window);
  wait_for_frame (GTK_WIDGET (window));
  wait_until (has_size_cb, &wait);
}

static gboolean
is_idle_cb (gpointer data)
{
  return !sc_kiosk_window_is_busy (SC_KIOSK_WINDOW (data));
}

void
kiosk_wait_not_busy (ScKioskWindow *window)
{
  wait_until (is_idle_cb, window);
  iterate_until_idle ();
}

void
kiosk_close (ScKioskWindow *window)
{
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_until_idle ();
  g_assert_finalize_object (window);
}
