/* sc-recovery-key-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-recovery-key-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "sc-recovery-key-page.h"
#include "sc-compat.h"
#include "sc-secure.h"

/* Groups of four characters per line. */
#define GROUPS_PER_LINE 4

struct _ScRecoveryKeyPage
{
  AdwBin          parent_instance;

  /* Template children */
  GtkLabel       *key_label;
  GtkCheckButton *confirm_check;
  GtkButton      *continue_button;
};

G_DEFINE_FINAL_TYPE (ScRecoveryKeyPage, sc_recovery_key_page, ADW_TYPE_BIN)

enum {
  SIGNAL_CONFIRMED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* SECURITY: the key stays on screen no longer than needed. GtkLabel's copies of the text
 * are ordinary memory, which is why the page keeps no copy of its own. */
static void
forget_key (ScRecoveryKeyPage *self)
{
  if (self->key_label != NULL)
    gtk_label_set_text (self->key_label, "");
}

static void
on_continue_button_clicked_cb (GtkButton         *button,
                               ScRecoveryKeyPage *self)
{
  if (!gtk_check_button_get_active (self->confirm_check))
    return;

  forget_key (self);
  g_signal_emit (self, signals[SIGNAL_CONFIRMED], 0);
}

static gboolean
sc_recovery_key_page_grab_focus (GtkWidget *widget)
{
  ScRecoveryKeyPage *self = SC_RECOVERY_KEY_PAGE (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->confirm_check));
}

static void
sc_recovery_key_page_dispose (GObject *object)
{
  ScRecoveryKeyPage *self = SC_RECOVERY_KEY_PAGE (object);

  forget_key (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_RECOVERY_KEY_PAGE);

  G_OBJECT_CLASS (sc_recovery_key_page_parent_class)->dispose (object);
}

static void
sc_recovery_key_page_class_init (ScRecoveryKeyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_recovery_key_page_dispose;

  widget_class->grab_focus = sc_recovery_key_page_grab_focus;

  /**
   * ScRecoveryKeyPage::confirmed:
   *
   * The person wrote the key down and pressed Continue.
   */
  signals[SIGNAL_CONFIRMED] =
    g_signal_new ("confirmed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sc-recovery-key-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScRecoveryKeyPage, key_label);
  gtk_widget_class_bind_template_child (widget_class, ScRecoveryKeyPage, confirm_check);
  gtk_widget_class_bind_template_child (widget_class, ScRecoveryKeyPage, continue_button);
  gtk_widget_class_bind_template_callback (widget_class, on_continue_button_clicked_cb);
}

static void
sc_recovery_key_page_init (ScRecoveryKeyPage *self)
{
  g_autoptr (GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr (GPropertyAction) toggle = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* A check button offers screen readers no action to press: this one, on the check button
   * itself, ticks or unticks it. */
  toggle = g_property_action_new ("toggle", self->confirm_check, "active");
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (toggle));
  gtk_widget_insert_action_group (GTK_WIDGET (self->confirm_check), "check",
                                  G_ACTION_GROUP (group));
}

/* "ABCD-EFGH-…" as lines of GROUPS_PER_LINE groups separated by spaces, which is easier to
 * copy by hand; recovery ignores spaces and hyphens. */
char *
sc_recovery_key_format (const char *recovery_key)
{
  GString *text = g_string_sized_new (2 * strlen (recovery_key));
  guint group = 0;

  for (const char *p = recovery_key; *p != '\0'; p++)
    {
      if (*p == '-' || *p == ' ')
        {
          group++;
          g_string_append_c (text, group % GROUPS_PER_LINE == 0 ? '\n' : ' ');
          continue;
        }
      g_string_append_c (text, *p);
    }

  return g_string_free (text, FALSE);
}

GtkWidget *
sc_recovery_key_page_new (const char *recovery_key)
{
  ScRecoveryKeyPage *self;
  char *text;

  g_return_val_if_fail (recovery_key != NULL, NULL);

  self = g_object_new (SC_TYPE_RECOVERY_KEY_PAGE, NULL);

  text = sc_recovery_key_format (recovery_key);
  gtk_label_set_text (self->key_label, text);
  sc_secure_wipe (text, strlen (text));
  g_free (text);

  return GTK_WIDGET (self);
}

GtkWidget *
sc_recovery_key_dialog_new (const char *recovery_key,
                            const char *body)
{
  g_autofree char *text = NULL;
  GtkWidget *dialog, *label;

  g_return_val_if_fail (recovery_key != NULL, NULL);

  dialog = sc_compat_message_dialog_new (_("Write Down the New Recovery Key"), body);
  text = sc_recovery_key_format (recovery_key);
  label = gtk_label_new (text);
  /* SECURITY: the label keeps its own copy; this one is wiped now. */
  sc_secure_wipe (text, strlen (text));
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "card");
  gtk_widget_add_css_class (label, "sc-recovery-key");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Recovery key"), -1);
  sc_compat_message_dialog_set_extra_child (dialog, label);
  sc_compat_message_dialog_add_response (dialog, "done", _("I Wrote It _Down"),
                                         SC_RESPONSE_SUGGESTED);
  sc_compat_message_dialog_set_close_response (dialog, "done");
  return dialog;
}
