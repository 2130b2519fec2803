/* sc-backup-section.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-admin"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-backup-section.h"
#include "sc-admin-util.h"
#include "sc-compat.h"
#include "sc-gui-vault.h"
#include "sc-vault-async.h"

#include <string.h>

struct _ScBackupSection
{
  AdwBin              parent_instance;

  /* Template children */
  GtkLabel           *reminder_label;
  AdwActionRow       *last_backup_row;
  GtkButton          *backup_button;
  GtkSpinner         *spinner;
  AdwPreferencesGroup *restore_group;
  GtkButton          *restore_button;

  /* Owned references */
  ScVault            *vault;
  GCancellable       *cancellable;
  char               *last_backup_text;
  char               *reminder;

  /* Borrowed references */
  GtkWidget          *restore_dialog;

  /* Plain state */
  gboolean            busy;
};

G_DEFINE_FINAL_TYPE (ScBackupSection, sc_backup_section, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_VAULT,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_TOAST,
  SIGNAL_REOPEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_implementer (ScBackupSection *self)
{
  return sc_vault_get_role (self->vault) == SC_VAULT_ROLE_IMPLEMENTER;
}

static void
toast (ScBackupSection *self,
       const char      *message)
{
  g_signal_emit (self, signals[SIGNAL_TOAST], 0, message);
}

static void
set_busy (ScBackupSection *self,
          gboolean         busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backup.back-up", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backup.restore",
                                 !busy && is_implementer (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
update_last_backup (ScBackupSection *self)
{
  gint64 last = sc_vault_get_last_backup (self->vault);

  g_clear_pointer (&self->last_backup_text, g_free);
  g_clear_pointer (&self->reminder, g_free);
  self->last_backup_text = last > 0 ? sc_admin_format_time (last) : g_strdup (_("Never"));
  adw_action_row_set_subtitle (self->last_backup_row, self->last_backup_text);

  self->reminder = sc_admin_backup_reminder (self->vault);
  gtk_label_set_text (self->reminder_label, self->reminder != NULL ? self->reminder : "");
  gtk_widget_set_visible (GTK_WIDGET (self->reminder_label), self->reminder != NULL);
}

/* Back up */

static void
on_backup_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (ScBackupSection) self = user_data;
  g_autoptr (GError) error = NULL;

  set_busy (self, FALSE);
  if (!sc_vault_backup_finish (SC_VAULT (source), result, &error))
    {
      toast (self, sc_gui_vault_error_message (error));
      return;
    }
  update_last_backup (self);
  toast (self, _("The backup was made and checked"));
}

void
sc_backup_section_back_up_to (ScBackupSection *self,
                              GFile           *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (SC_IS_BACKUP_SECTION (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->busy)
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      toast (self, _("Choose a file on this PC or on a drive attached to it."));
      return;
    }
  set_busy (self, TRUE);
  sc_vault_backup_async (self->vault, path, self->cancellable, on_backup_cb,
                         g_object_ref (self));
}

static void
on_save_file_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (ScBackupSection) self = user_data;
  g_autoptr (GFile) file = sc_compat_save_file_finish (result, NULL);

  if (file != NULL)
    sc_backup_section_back_up_to (self, file);
}

static void
back_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ScBackupSection *self = SC_BACKUP_SECTION (widget);
  g_autofree char *base = g_path_get_basename (sc_vault_get_path (self->vault));
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;

  if (g_str_has_suffix (base, ".scvault"))
    base[strlen (base) - strlen (".scvault")] = '\0';
  name = g_strdup_printf ("%s-backup-%s.scvault", base, date);
  sc_compat_save_file_async (widget, _("Back Up the Vault"), name, NULL, self->cancellable,
                             on_save_file_cb, g_object_ref (self));
}

/* Restore */

static void
on_restore_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (ScBackupSection) self = user_data;
  g_autoptr (GError) error = NULL;

  set_busy (self, FALSE);
  if (!sc_vault_restore_backup_finish (SC_VAULT (source), result, &error))
    {
      if (g_error_matches (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID))
        toast (self, _("This file is not a backup of this vault, or it was made before the "
                       "vault's keys were changed. Open it directly instead."));
      else
        toast (self, sc_gui_vault_error_message (error));
      return;
    }
  /* The vault is locked now: it is opened again from the restored file. */
  g_signal_emit (self, signals[SIGNAL_REOPEN], 0);
}

typedef struct
{
  ScBackupSection *self;
  char            *path;
} Restore;

static void
on_restore_dialog_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  Restore *restore = user_data;
  g_autoptr (ScBackupSection) self = restore->self;
  g_autofree char *path = restore->path;
  const char *response = sc_compat_message_dialog_choose_finish (GTK_WIDGET (source), result);

  g_free (restore);
  self->restore_dialog = NULL;
  if (!g_str_equal (response, "restore") || self->busy)
    return;
  set_busy (self, TRUE);
  sc_vault_restore_backup_async (self->vault, path, self->cancellable, on_restore_cb,
                                 g_object_ref (self));
}

void
sc_backup_section_restore_from (ScBackupSection *self,
                                GFile           *file)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) body = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *difference = NULL;
  guint64 counter = 0, current;
  GtkWidget *dialog;
  Restore *restore;

  g_return_if_fail (SC_IS_BACKUP_SECTION (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->busy || self->restore_dialog != NULL || !is_implementer (self))
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      toast (self, _("Choose a file on this PC or on a drive attached to it."));
      return;
    }
  if (!sc_vault_peek_save_counter (path, &counter, &error))
    {
      toast (self, sc_gui_vault_error_message (error));
      return;
    }

  g_string_append (body, _("The backup will be opened in place of this vault. The vault as "
                           "it is now is kept beside it, ending in “.before-restore”."));
  current = sc_vault_get_save_counter (self->vault);
  if (counter < current)
    {
      difference = g_strdup_printf ("%" G_GUINT64_FORMAT, current - counter);
      g_string_append (body, "\n\n");
      g_string_append_printf (body,
                              /* Translators: %s is a number of saves. */
                              g_dngettext (GETTEXT_PACKAGE,
                                           "This backup is older than the vault: %s save was "
                                           "made after it. Answers, decisions and records "
                                           "saved since then will be missing.",
                                           "This backup is older than the vault: %s saves "
                                           "were made after it. Answers, decisions and "
                                           "records saved since then will be missing.",
                                           (gulong) MIN (current - counter, G_MAXULONG)),
                              difference);
    }
  dialog = sc_compat_message_dialog_new (_("Restore This Backup?"), body->str);
  sc_compat_message_dialog_add_response (dialog, "cancel", _("_Cancel"), SC_RESPONSE_DEFAULT);
  sc_compat_message_dialog_add_response (dialog, "restore", _("_Restore"),
                                         SC_RESPONSE_DESTRUCTIVE);
  sc_compat_message_dialog_set_default_response (dialog, "cancel");
  sc_compat_message_dialog_set_close_response (dialog, "cancel");
  self->restore_dialog = dialog;

  restore = g_new0 (Restore, 1);
  restore->self = g_object_ref (self);
  restore->path = g_steal_pointer (&path);
  sc_compat_message_dialog_choose (dialog, GTK_WIDGET (self), self->cancellable,
                                   on_restore_dialog_cb, restore);
}

static void
on_open_file_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (ScBackupSection) self = user_data;
  g_autoptr (GFile) file = sc_compat_open_file_finish (result, NULL);

  if (file != NULL)
    sc_backup_section_restore_from (self, file);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ScBackupSection *self = SC_BACKUP_SECTION (widget);

  sc_compat_open_file_async (widget, _("Choose a Backup"), NULL, self->cancellable,
                             on_open_file_cb, g_object_ref (self));
}

/* Accessors */

gboolean
sc_backup_section_get_busy (ScBackupSection *self)
{
  g_return_val_if_fail (SC_IS_BACKUP_SECTION (self), FALSE);
  return self->busy;
}

AdwMessageDialog *
sc_backup_section_get_restore_dialog (ScBackupSection *self)
{
  g_return_val_if_fail (SC_IS_BACKUP_SECTION (self), NULL);
  return self->restore_dialog != NULL ? ADW_MESSAGE_DIALOG (self->restore_dialog) : NULL;
}

const char *
sc_backup_section_get_reminder (ScBackupSection *self)
{
  g_return_val_if_fail (SC_IS_BACKUP_SECTION (self), NULL);
  return self->reminder;
}

const char *
sc_backup_section_get_last_backup_text (ScBackupSection *self)
{
  g_return_val_if_fail (SC_IS_BACKUP_SECTION (self), NULL);
  return self->last_backup_text;
}

/* GObject */

static void
sc_backup_section_constructed (GObject *object)
{
  ScBackupSection *self = SC_BACKUP_SECTION (object);

  G_OBJECT_CLASS (sc_backup_section_parent_class)->constructed (object);

  /* A section the role may not use does not exist for it (DESIGN.md §5). */
  gtk_widget_set_visible (GTK_WIDGET (self->restore_group), is_implementer (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backup.restore", is_implementer (self));
  update_last_backup (self);
}

static void
sc_backup_section_dispose (GObject *object)
{
  ScBackupSection *self = SC_BACKUP_SECTION (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_BACKUP_SECTION);
  g_clear_object (&self->vault);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (sc_backup_section_parent_class)->dispose (object);
}

static void
sc_backup_section_finalize (GObject *object)
{
  ScBackupSection *self = SC_BACKUP_SECTION (object);

  g_free (self->last_backup_text);
  g_free (self->reminder);

  G_OBJECT_CLASS (sc_backup_section_parent_class)->finalize (object);
}

static void
sc_backup_section_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ScBackupSection *self = SC_BACKUP_SECTION (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      g_value_set_object (value, self->vault);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_backup_section_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ScBackupSection *self = SC_BACKUP_SECTION (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      self->vault = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_backup_section_class_init (ScBackupSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sc_backup_section_constructed;
  object_class->dispose = sc_backup_section_dispose;
  object_class->finalize = sc_backup_section_finalize;
  object_class->get_property = sc_backup_section_get_property;
  object_class->set_property = sc_backup_section_set_property;

  properties[PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL, SC_TYPE_VAULT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  /* The vault was restored and locked: open it again from its file. */
  signals[SIGNAL_REOPEN] =
    g_signal_new ("reopen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "backup.back-up", NULL, back_up_action);
  gtk_widget_class_install_action (widget_class, "backup.restore", NULL, restore_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/stresscheck/StressCheck/ui/"
                                               "sc-backup-section.ui");
  gtk_widget_class_bind_template_child (widget_class, ScBackupSection, reminder_label);
  gtk_widget_class_bind_template_child (widget_class, ScBackupSection, last_backup_row);
  gtk_widget_class_bind_template_child (widget_class, ScBackupSection, backup_button);
  gtk_widget_class_bind_template_child (widget_class, ScBackupSection, spinner);
  gtk_widget_class_bind_template_child (widget_class, ScBackupSection, restore_group);
  gtk_widget_class_bind_template_child (widget_class, ScBackupSection, restore_button);
}

static void
sc_backup_section_init (ScBackupSection *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sc_backup_section_new (ScVault *vault)
{
  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  return g_object_new (SC_TYPE_BACKUP_SECTION, "vault", vault, NULL);
}
