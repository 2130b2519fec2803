/* sc-backup-reminder.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-admin"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-backup-reminder.h"
#include "sc-admin-util.h"

struct _ScBackupReminder
{
  AdwBin       parent_instance;

  /* Template children */
  GtkRevealer *revealer;
  GtkLabel    *label;
  GtkButton   *button;

  /* Owned references */
  ScVault     *vault;
  char        *text;
};

G_DEFINE_FINAL_TYPE (ScBackupReminder, sc_backup_reminder, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_VAULT,
  PROP_DUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_BACK_UP,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
sc_backup_reminder_update (ScBackupReminder *self)
{
  gboolean was_due;

  g_return_if_fail (SC_IS_BACKUP_REMINDER (self));

  was_due = self->text != NULL;
  g_clear_pointer (&self->text, g_free);
  /* A locked vault (a restore under way) has nothing to remind of until it is open again. */
  if (sc_vault_get_role (self->vault) != SC_VAULT_ROLE_NONE)
    self->text = sc_admin_backup_reminder (self->vault);
  gtk_label_set_text (self->label, self->text != NULL ? self->text : "");
  gtk_revealer_set_reveal_child (self->revealer, self->text != NULL);
  /* A hidden revealer still takes no room, but its button must not take the focus. */
  gtk_widget_set_visible (GTK_WIDGET (self), self->text != NULL);
  if (was_due != (self->text != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE]);
}

static void
on_button_clicked_cb (ScBackupReminder *self)
{
  g_signal_emit (self, signals[SIGNAL_BACK_UP], 0);
}

gboolean
sc_backup_reminder_get_due (ScBackupReminder *self)
{
  g_return_val_if_fail (SC_IS_BACKUP_REMINDER (self), FALSE);
  return self->text != NULL;
}

const char *
sc_backup_reminder_get_text (ScBackupReminder *self)
{
  g_return_val_if_fail (SC_IS_BACKUP_REMINDER (self), NULL);
  return self->text;
}

/* GObject */

static void
sc_backup_reminder_constructed (GObject *object)
{
  ScBackupReminder *self = SC_BACKUP_REMINDER (object);

  G_OBJECT_CLASS (sc_backup_reminder_parent_class)->constructed (object);

  sc_backup_reminder_update (self);
}

static void
sc_backup_reminder_dispose (GObject *object)
{
  ScBackupReminder *self = SC_BACKUP_REMINDER (object);

  /* The revealer is AdwBin's child and a template child: AdwBin lets go of it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_BACKUP_REMINDER);
  g_clear_object (&self->vault);

  G_OBJECT_CLASS (sc_backup_reminder_parent_class)->dispose (object);
}

static void
sc_backup_reminder_finalize (GObject *object)
{
  ScBackupReminder *self = SC_BACKUP_REMINDER (object);

  g_free (self->text);

  G_OBJECT_CLASS (sc_backup_reminder_parent_class)->finalize (object);
}

static void
sc_backup_reminder_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ScBackupReminder *self = SC_BACKUP_REMINDER (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      g_value_set_object (value, self->vault);
      break;
    case PROP_DUE:
      g_value_set_boolean (value, self->text != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_backup_reminder_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ScBackupReminder *self = SC_BACKUP_REMINDER (object);

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
sc_backup_reminder_class_init (ScBackupReminderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sc_backup_reminder_constructed;
  object_class->dispose = sc_backup_reminder_dispose;
  object_class->finalize = sc_backup_reminder_finalize;
  object_class->get_property = sc_backup_reminder_get_property;
  object_class->set_property = sc_backup_reminder_set_property;

  properties[PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL, SC_TYPE_VAULT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DUE] =
    g_param_spec_boolean ("due", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* "Back Up Now…" was pressed. */
  signals[SIGNAL_BACK_UP] =
    g_signal_new ("back-up", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/stresscheck/StressCheck/ui/"
                                               "sc-backup-reminder.ui");
  gtk_widget_class_bind_template_child (widget_class, ScBackupReminder, revealer);
  gtk_widget_class_bind_template_child (widget_class, ScBackupReminder, label);
  gtk_widget_class_bind_template_child (widget_class, ScBackupReminder, button);
  gtk_widget_class_bind_template_callback (widget_class, on_button_clicked_cb);
}

static void
sc_backup_reminder_init (ScBackupReminder *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sc_backup_reminder_new (ScVault *vault)
{
  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  return g_object_new (SC_TYPE_BACKUP_REMINDER, "vault", vault, NULL);
}
