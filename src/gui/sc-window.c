/* sc-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-window.h"
#include "sc-compat.h"
#include "sc-create-vault-page.h"
#include "sc-gui-vault.h"
#include "sc-kiosk-window.h"
#include "sc-recent-vaults.h"
#include "sc-recovery-key-page.h"
#include "sc-rollback-warning.h"
#include "sc-start-page.h"
#include "sc-unlock-page.h"
#include "sc-workspace-frame.h"

struct _ScWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  GtkButton            *back_button;
  AdwWindowTitle       *window_title;
  GtkMenuButton        *primary_menu_button;
  GtkStack             *stack;
  ScStartPage          *start_page;
  GtkWidget            *progress_page;

  /* Owned references */
  GSettings            *settings;
  ScVault              *vault;
  GCancellable         *cancellable;

  /* Borrowed references */
  GtkWindow            *kiosk;

  /* Plain state */
  gboolean              closing_confirmed;
  gboolean              busy;             /* a vault task of this window is running */
  gint64                kiosk_round_id;
};

G_DEFINE_FINAL_TYPE (ScWindow, sc_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
restore_window_state (ScWindow *self)
{
  int width;
  int height;

  if (self->settings == NULL)
    return;

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

/* Keeps @value unless the schema's range refuses it (-1 for a size GTK never set). */
static void
set_size_setting (GSettings  *settings,
                  const char *key,
                  int         value)
{
  g_autoptr (GSettingsSchema) schema = NULL;
  g_autoptr (GSettingsSchemaKey) schema_key = NULL;
  g_autoptr (GVariant) variant = g_variant_ref_sink (g_variant_new_int32 (value));

  g_object_get (settings, "settings-schema", &schema, NULL);
  schema_key = g_settings_schema_get_key (schema, key);
  if (g_settings_schema_key_range_check (schema_key, variant))
    g_settings_set_value (settings, key, variant);
}

static void
save_window_state (ScWindow *self)
{
  int width;
  int height;

  if (self->settings == NULL)
    return;

  /* The default size is the unmaximized size, which is what the next start should use. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  set_size_setting (self->settings, "window-width", width);
  set_size_setting (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}

/* Pages */

static gboolean
page_is_busy (GtkWidget *page)
{
  if (SC_IS_CREATE_VAULT_PAGE (page))
    return sc_create_vault_page_get_busy (SC_CREATE_VAULT_PAGE (page));
  if (SC_IS_UNLOCK_PAGE (page))
    return sc_unlock_page_get_busy (SC_UNLOCK_PAGE (page));
  return FALSE;
}

static void
update_actions (ScWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);
  gboolean vault_open = self->vault != NULL;
  gboolean can_leave = !vault_open && self->kiosk == NULL && page != self->progress_page &&
                       !page_is_busy (page) && !SC_IS_RECOVERY_KEY_PAGE (page);
  gboolean vault_idle = vault_open && !self->busy && !sc_vault_is_busy (self->vault) &&
                        !(SC_IS_WORKSPACE (page) && sc_workspace_get_busy (SC_WORKSPACE (page)));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.create-vault", can_leave);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-vault", can_leave);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-demo", can_leave);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back",
                                 can_leave && GTK_WIDGET (self->start_page) != page);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-vault",
                                 vault_idle && self->kiosk == NULL &&
                                 !SC_IS_RECOVERY_KEY_PAGE (page));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-round",
                                 SC_IS_WORKSPACE (page) && vault_idle &&
                                 sc_vault_get_role (self->vault) == SC_VAULT_ROLE_IMPLEMENTER);

  gtk_widget_set_visible (GTK_WIDGET (self->back_button),
                          SC_IS_CREATE_VAULT_PAGE (page) || SC_IS_UNLOCK_PAGE (page));
}

static void
update_title (ScWindow *self,
              GFile    *file)
{
  g_autofree char *name = file != NULL ? g_file_get_basename (file) : NULL;

  adw_window_title_set_subtitle (self->window_title, name);
}

/* Shows @page (a new widget) and drops every page but the start and progress pages, so
 * that nothing of a previous step (a passphrase, a recovery key) stays in the window. */
static void
show_page (ScWindow  *self,
           GtkWidget *page)
{
  GtkWidget *child;

  /* The focus leaves the old page first: GTK 4.8 keeps a reference to a removed child that
   * had the focus, and the page (with a passphrase entry, say) would never be freed. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);

  if (page != GTK_WIDGET (self->start_page) && page != self->progress_page)
    gtk_stack_add_named (self->stack, page, NULL);
  gtk_stack_set_visible_child (self->stack, page);

  child = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (child != page && child != GTK_WIDGET (self->start_page) &&
          child != self->progress_page)
        gtk_stack_remove (self->stack, child);
      child = next;
    }

  update_actions (self);
  gtk_widget_grab_focus (page);
}

static void
on_vault_closed_cb (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (GApplication) application = user_data;
  g_autoptr (GError) error = NULL;

  /* Only audit entries of reads are ever pending; losing them is reported. */
  if (!sc_vault_close_finish (SC_VAULT (source_object), result, &error))
    g_message ("Pending audit entries could not be saved: %s", error->message);
  if (application != NULL)
    g_application_release (application);
}

static void
close_vault (ScWindow *self)
{
  GApplication *application;

  if (self->vault == NULL)
    return;

  /* SECURITY: wipes the keys and the in-memory database, whoever else still holds a
   * reference: at once when nothing is pending, otherwise right after the pending entries
   * are saved in the worker thread (or after a running task). The application stays until
   * then, also when this window is going away. */
  application = g_application_get_default ();
  if (application != NULL)
    g_application_hold (application);
  sc_vault_close_async (self->vault, NULL, on_vault_closed_cb,
                        application != NULL ? g_object_ref (application) : NULL);
  g_clear_object (&self->vault);
  self->busy = FALSE;
}

static void
show_start_page (ScWindow *self)
{
  g_auto (GStrv) recent = sc_recent_vaults_list (self->settings);

  close_vault (self);
  sc_start_page_set_recent (self->start_page, (const char * const *) recent);
  update_title (self, NULL);
  show_page (self, GTK_WIDGET (self->start_page));
}

static void on_workspace_start_kiosk_cb (ScWorkspace *workspace,
                                         gint64       round_id,
                                         ScWindow    *self);
static void on_page_notify_busy_cb (ScWindow *self);
static void on_workspace_reopen_cb (ScWorkspace *workspace,
                                    ScWindow    *self);

/* The workspace is made anew for every unlock: the role decides which sections exist. */
static void
show_workspace (ScWindow *self,
                ScVault  *vault)
{
  GtkWidget *page;
  g_autoptr (GFile) file = g_file_new_for_path (sc_vault_get_path (vault));

  if (self->vault != vault)
    {
      close_vault (self);
      self->vault = g_object_ref (vault);
    }

  page = sc_workspace_new (vault);
  g_signal_connect_object (page, "start-kiosk", G_CALLBACK (on_workspace_start_kiosk_cb),
                           self, 0);
  g_signal_connect_object (page, "reopen", G_CALLBACK (on_workspace_reopen_cb), self, 0);
  g_signal_connect_object (page, "notify::busy", G_CALLBACK (on_page_notify_busy_cb), self,
                           G_CONNECT_SWAPPED);
  update_title (self, file);
  show_page (self, page);
}

static void
on_page_notify_busy_cb (ScWindow *self)
{
  update_actions (self);
}

static void show_unlock_page (ScWindow *self,
                              GFile    *file,
                              gboolean  demo);

/* A backup was restored in place of the vault, which is locked now: unlock the restored
 * file (the rollback warning then names the saves it lacks). */
static void
on_workspace_reopen_cb (ScWorkspace *workspace,
                        ScWindow    *self)
{
  g_autoptr (GFile) file = NULL;

  if (self->vault == NULL)
    return;
  file = g_file_new_for_path (sc_vault_get_path (self->vault));
  show_unlock_page (self, file, FALSE);
}

static void
on_unlock_page_unlocked_cb (ScUnlockPage *page,
                            ScVault      *vault,
                            ScWindow     *self)
{
  sc_recent_vaults_add (self->settings, sc_vault_get_path (vault));
  show_workspace (self, vault);
  sc_rollback_warning_present (GTK_WINDOW (self), vault);
}

static void
show_unlock_page (ScWindow *self,
                  GFile    *file,
                  gboolean  demo)
{
  GtkWidget *page;

  close_vault (self);

  page = sc_unlock_page_new (file, demo);
  g_signal_connect_object (page, "unlocked", G_CALLBACK (on_unlock_page_unlocked_cb), self, 0);
  g_signal_connect_object (page, "notify::busy", G_CALLBACK (on_page_notify_busy_cb), self,
                           G_CONNECT_SWAPPED);
  update_title (self, file);
  show_page (self, page);
}

static void
on_recovery_key_page_confirmed_cb (ScRecoveryKeyPage *page,
                                   ScWindow          *self)
{
  show_workspace (self, self->vault);
}

static void
on_create_vault_page_created_cb (ScCreateVaultPage *create_page,
                                 ScVault           *vault,
                                 gpointer           recovery_key,
                                 ScWindow          *self)
{
  GtkWidget *page;
  g_autoptr (GFile) file = g_file_new_for_path (sc_vault_get_path (vault));

  close_vault (self);
  self->vault = g_object_ref (vault);
  sc_recent_vaults_add (self->settings, sc_vault_get_path (vault));

  page = sc_recovery_key_page_new (recovery_key);
  g_signal_connect_object (page, "confirmed", G_CALLBACK (on_recovery_key_page_confirmed_cb),
                           self, 0);
  update_title (self, file);
  show_page (self, page);
}

/* The kiosk */

static void
on_kiosk_left_cb (GtkWindow *kiosk,
                  ScWindow  *self)
{
  /* The vault is unlocked again, with the role of the passphrase that left the kiosk, which
   * may be another role than before: a new workspace shows that role's sections. */
  self->kiosk = NULL;
  if (self->vault != NULL)
    show_workspace (self, self->vault);
  update_actions (self);

  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_window_present (GTK_WINDOW (self));
}

static void
on_kiosk_destroy_cb (GtkWindow *kiosk,
                     ScWindow  *self)
{
  g_autoptr (GFile) file = NULL;

  if (self->kiosk != kiosk)
    return;

  /* Gone without being left with a passphrase: the vault holds no secret key any more, so
   * unlocking it again is the only way on. */
  self->kiosk = NULL;
  if (self->vault != NULL)
    file = g_file_new_for_path (sc_vault_get_path (self->vault));
  if (file != NULL)
    show_unlock_page (self, file, FALSE);
  else
    show_start_page (self);

  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_window_present (GTK_WINDOW (self));
}

static void
show_error_dialog (ScWindow   *self,
                   const char *heading,
                   const char *body)
{
  GtkWidget *dialog = sc_compat_message_dialog_new (heading, body);

  sc_compat_message_dialog_add_response (dialog, "close", _("_Close"), SC_RESPONSE_DEFAULT);
  sc_compat_message_dialog_choose (dialog, GTK_WIDGET (self), NULL, NULL, NULL);
}

static void
set_busy (ScWindow *self,
          gboolean  busy)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);

  self->busy = busy;
  /* The page shows the vault that the task owns: nothing on it may start another. */
  if (SC_IS_WORKSPACE (page))
    sc_workspace_set_busy (SC_WORKSPACE (page), busy);
  update_actions (self);
}

static void
on_kiosk_entered_cb (GObject      *source_object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr (ScWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  ScVault *vault = SC_VAULT (source_object);
  ScKioskWindow *kiosk;
  gboolean entered = sc_vault_enter_kiosk_finish (vault, result, &error);

  /* The vault was closed (the window went away) while the task ran. */
  if (self->vault != vault)
    return;
  set_busy (self, FALSE);

  if (!entered)
    {
      show_error_dialog (self, _("The Kiosk Could Not Start"), sc_gui_vault_error_message (error));
      return;
    }

  kiosk = sc_kiosk_window_new (gtk_window_get_application (GTK_WINDOW (self)), self->vault,
                               self->kiosk_round_id);
  self->kiosk = GTK_WINDOW (kiosk);
  g_signal_connect_object (kiosk, "left", G_CALLBACK (on_kiosk_left_cb), self, 0);
  g_signal_connect_object (kiosk, "destroy", G_CALLBACK (on_kiosk_destroy_cb), self, 0);
  update_actions (self);

  gtk_window_present (GTK_WINDOW (kiosk));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

static void
on_workspace_start_kiosk_cb (ScWorkspace *workspace,
                             gint64       round_id,
                             ScWindow    *self)
{
  g_return_if_fail (self->vault != NULL);
  g_return_if_fail (self->kiosk == NULL);

  if (self->busy)
    return;

  /* SECURITY: wipes the implementer's and HR's secret keys before any employee comes; the
   * audit entry is saved durably first, in the worker thread. */
  self->kiosk_round_id = round_id;
  set_busy (self, TRUE);
  sc_vault_enter_kiosk_async (self->vault, NULL, on_kiosk_entered_cb, g_object_ref (self));
}

/* The demo */

static void
on_demo_created_cb (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (ScWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GFile) file = NULL;

  if (!sc_gui_demo_vault_create_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      show_start_page (self);
      show_error_dialog (self, _("No Demo Vault"), error->message);
      return;
    }

  path = sc_gui_demo_vault_path ();
  file = g_file_new_for_path (path);
  show_unlock_page (self, file, TRUE);
}

void
sc_window_open_demo (ScWindow *self)
{
  g_autofree char *path = NULL;
  g_autoptr (GFile) file = NULL;

  g_return_if_fail (SC_IS_WINDOW (self));

  if (self->kiosk != NULL || gtk_stack_get_visible_child (self->stack) == self->progress_page)
    return;

  path = sc_gui_demo_vault_path ();
  file = g_file_new_for_path (path);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      show_unlock_page (self, file, TRUE);
      return;
    }

  close_vault (self);
  update_title (self, NULL);
  show_page (self, self->progress_page);
  sc_gui_demo_vault_create_async (path, self->cancellable, on_demo_created_cb,
                                  g_object_ref (self));
}

void
sc_window_open_file (ScWindow *self,
                     GFile    *file)
{
  g_autofree char *path = NULL;
  g_autofree char *demo_path = NULL;

  g_return_if_fail (SC_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->kiosk != NULL)
    return;

  /* The demo vault is the demo wherever it is opened from: show its passphrases. */
  path = g_file_get_path (file);
  demo_path = sc_gui_demo_vault_path ();
  show_unlock_page (self, file, g_strcmp0 (path, demo_path) == 0);
}

/* Actions */

static void
on_open_file_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (ScWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;

  file = sc_compat_open_file_finish (result, &error);
  if (file == NULL)
    return;

  sc_window_open_file (self, file);
}

static void
open_vault_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Stress Check Vaults"));
  gtk_file_filter_add_pattern (filter, "*.scvault");

  sc_compat_open_file_async (GTK_WIDGET (self), _("Open a Vault"), filter, self->cancellable,
                             on_open_file_cb, g_object_ref (self));
}

static void
create_vault_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);
  GtkWidget *page = sc_create_vault_page_new ();

  g_signal_connect_object (page, "created", G_CALLBACK (on_create_vault_page_created_cb), self,
                           0);
  g_signal_connect_object (page, "notify::busy", G_CALLBACK (on_page_notify_busy_cb), self,
                           G_CONNECT_SWAPPED);
  update_title (self, NULL);
  show_page (self, page);
}

static void
open_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  sc_window_open_demo (SC_WINDOW (widget));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);
  const char *path = g_variant_get_string (parameter, NULL);
  g_autoptr (GFile) file = NULL;

  /* A file removed since the list was shown drops out of it. */
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      show_start_page (self);
      return;
    }
  file = g_file_new_for_path (path);
  show_unlock_page (self, file, FALSE);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  show_start_page (SC_WINDOW (widget));
}

static void
close_vault_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  show_start_page (SC_WINDOW (widget));
}

static void
new_round_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);

  if (SC_IS_WORKSPACE (page))
    sc_workspace_new_round (SC_WORKSPACE (page));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
on_close_dialog_cb (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (ScWindow) self = user_data;

  if (g_strcmp0 (sc_compat_message_dialog_choose_finish (GTK_WIDGET (source_object), result),
                 "close") != 0)
    return;

  self->closing_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
sc_window_close_request (GtkWindow *window)
{
  ScWindow *self = SC_WINDOW (window);

  /* The kiosk needs this window to come back to; it is left with a passphrase only. */
  if (self->kiosk != NULL)
    return TRUE;

  /* The recovery key is shown once: closing before it is written down loses it. */
  if (SC_IS_RECOVERY_KEY_PAGE (gtk_stack_get_visible_child (self->stack)) &&
      !self->closing_confirmed)
    {
      GtkWidget *dialog;

      dialog = sc_compat_message_dialog_new (_("Close Without the Recovery Key?"),
                                             _("The recovery key is not shown again. Without it, "
                                               "a forgotten implementer passphrase means that "
                                               "the vault can never be opened."));
      sc_compat_message_dialog_add_response (dialog, "cancel", _("_Cancel"), SC_RESPONSE_DEFAULT);
      sc_compat_message_dialog_add_response (dialog, "close", _("Close _Anyway"),
                                             SC_RESPONSE_DESTRUCTIVE);
      sc_compat_message_dialog_set_default_response (dialog, "cancel");
      sc_compat_message_dialog_set_close_response (dialog, "cancel");
      sc_compat_message_dialog_choose (dialog, GTK_WIDGET (self), NULL, on_close_dialog_cb,
                                       g_object_ref (self));
      return TRUE;
    }

  save_window_state (self);

  return GTK_WINDOW_CLASS (sc_window_parent_class)->close_request (window);
}

static void
sc_window_constructed (GObject *object)
{
  ScWindow *self = SC_WINDOW (object);

  G_OBJECT_CLASS (sc_window_parent_class)->constructed (object);

  restore_window_state (self);
  {
    g_auto (GStrv) recent = sc_recent_vaults_list (self->settings);

    sc_start_page_set_recent (self->start_page, (const char * const *) recent);
  }
  update_actions (self);

  /* The start page's suggested button, so that Enter creates a vault. */
  gtk_widget_grab_focus (GTK_WIDGET (self->start_page));
}

static void
sc_window_dispose (GObject *object)
{
  ScWindow *self = SC_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_WINDOW);
  close_vault (self);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  self->kiosk = NULL;

  G_OBJECT_CLASS (sc_window_parent_class)->dispose (object);
}

static void
sc_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ScWindow *self = SC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  ScWindow *self = SC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_window_class_init (ScWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = sc_window_constructed;
  object_class->dispose = sc_window_dispose;
  object_class->get_property = sc_window_get_property;
  object_class->set_property = sc_window_set_property;

  window_class->close_request = sc_window_close_request;

  /**
   * ScWindow:settings:
   *
   * Where the window size is kept, or %NULL not to keep it.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SC_TYPE_START_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ScWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, start_page);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, progress_page);

  gtk_widget_class_install_action (widget_class, "win.create-vault", NULL, create_vault_action);
  gtk_widget_class_install_action (widget_class, "win.open-vault", NULL, open_vault_action);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.close-vault", NULL, close_vault_action);
  gtk_widget_class_install_action (widget_class, "win.new-round", NULL, new_round_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.create-vault", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.open-vault", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "win.close", NULL);
}

static void
sc_window_init (ScWindow *self)
{
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

#ifdef DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

ScWindow *
sc_window_new (GtkApplication *application,
               GSettings      *settings)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (SC_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       NULL);
}

GSettings *
sc_window_get_settings (ScWindow *self)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);

  return self->settings;
}

GtkWidget *
sc_window_get_page (ScWindow *self)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child (self->stack);
}

ScVault *
sc_window_get_vault (ScWindow *self)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);

  return self->vault;
}

GtkWindow *
sc_window_get_kiosk (ScWindow *self)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);

  return self->kiosk;
}
