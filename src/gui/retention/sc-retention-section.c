/* sc-retention-section.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Retention section; see sc-retention-section.h.
 */
#define G_LOG_DOMAIN "sc-retention-section"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-retention-section.h"
#include "sc-compat.h"
#include "sc-vault-async.h"
#include "sc-vault-purge.h"

struct _ScRetentionSection
{
  AdwBin        parent_instance;

  GtkListBox   *rounds_list;
  GtkLabel     *empty_label;

  ScVault      *vault;
  GCancellable *cancellable;

  gboolean      busy;
  guint         n_rounds;
  guint         n_purgeable;
};

G_DEFINE_FINAL_TYPE (ScRetentionSection, sc_retention_section, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_VAULT,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_TOAST,
  SIGNAL_ROUNDS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The data a Purge button carries to its dialog and to the finish callback. */
typedef struct
{
  gint64  round_id;
  char   *name;
} PurgeTarget;

static void
purge_target_free (PurgeTarget *target)
{
  g_free (target->name);
  g_free (target);
}

static void
set_busy (ScRetentionSection *self,
          gboolean            busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->rounds_list), !busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
toast (ScRetentionSection *self,
       const char         *message)
{
  g_signal_emit (self, signals[SIGNAL_TOAST], 0, message);
}

/* ---- Purge ----------------------------------------------------------------------------- */

static void
on_purge_finished_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(ScRetentionSection) self = user_data;
  g_autoptr(GError) error = NULL;
  guint removed = 0;

  set_busy (self, FALSE);
  if (!sc_vault_purge_round_finish (SC_VAULT (source), result, &removed, &error))
    toast (self, error->message);
  else if (removed > 0)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "The round was purged, with %u employee who had left. "
                                      "Older backups still hold its data until they are "
                                      "deleted.",
                                      "The round was purged, with %u employees who had "
                                      "left. Older backups still hold its data until they "
                                      "are deleted.", removed), removed);

      toast (self, message);
    }
  else
    toast (self, _("The round was purged. Older backups still hold its data until they are "
                   "deleted."));
  sc_retention_section_reload (self);
  if (error == NULL)
    g_signal_emit (self, signals[SIGNAL_ROUNDS_CHANGED], 0);
}

static void
on_confirm_response_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(ScRetentionSection) self = user_data;
  GtkWidget *dialog = GTK_WIDGET (source);
  const char *response = sc_compat_message_dialog_choose_finish (dialog, result);
  PurgeTarget *target = g_object_get_data (G_OBJECT (dialog), "sc-purge-target");

  if (!g_str_equal (response, "purge") || self->vault == NULL || self->busy)
    return;
  set_busy (self, TRUE);
  sc_vault_purge_round_async (self->vault, target->round_id, self->cancellable,
                              on_purge_finished_cb, g_object_ref (self));
}

static void
on_purge_clicked_cb (GtkButton          *button,
                     ScRetentionSection *self)
{
  PurgeTarget *source = g_object_get_data (G_OBJECT (button), "sc-purge-target");
  PurgeTarget *target;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (self->busy)
    return;
  heading = g_strdup_printf (_("Purge “%s”?"), source->name);
  dialog = sc_compat_message_dialog_new (heading,
                                         _("Everything of this round is deleted from the "
                                           "vault: answers, results, consent, interview "
                                           "records, paper forms, access codes, reminders "
                                           "and released group analyses. Employees who have "
                                           "left and have no other records are removed from "
                                           "the roster.\n\n"
                                           "This cannot be undone.\n\n"
                                           "Backups made before now still hold this data "
                                           "until they are deleted: delete them too."));
  sc_compat_message_dialog_add_response (dialog, "cancel", _("_Cancel"), SC_RESPONSE_DEFAULT);
  sc_compat_message_dialog_add_response (dialog, "purge", _("_Purge"),
                                         SC_RESPONSE_DESTRUCTIVE);
  sc_compat_message_dialog_set_default_response (dialog, "cancel");
  sc_compat_message_dialog_set_close_response (dialog, "cancel");
  target = g_new0 (PurgeTarget, 1);
  target->round_id = source->round_id;
  target->name = g_strdup (source->name);
  g_object_set_data_full (G_OBJECT (dialog), "sc-purge-target", target,
                          (GDestroyNotify) purge_target_free);
  sc_compat_message_dialog_choose (dialog, GTK_WIDGET (self), self->cancellable,
                                   on_confirm_response_cb, g_object_ref (self));
}

/* ---- The list -------------------------------------------------------------------------- */

static char *
format_date (const GDate *date)
{
  char text[16];

  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

static GtkWidget *
new_round_row (ScRetentionSection *self,
               const ScVaultRound *round,
               const GDate        *end,
               gboolean            purgeable)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *kept = format_date (end);
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), round->name);
  subtitle = g_strdup_printf (purgeable
                              ? _("%s to %s · kept until %s: may be purged")
                              : _("%s to %s · kept until %s"),
                              round->period_start != NULL ? round->period_start : "—",
                              round->period_end != NULL ? round->period_end : "—", kept);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (purgeable)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Purge…"));
      g_autofree char *name = g_strdup_printf (_("Purge round “%s”"), round->name);
      PurgeTarget *target = g_new0 (PurgeTarget, 1);

      target->round_id = round->id;
      target->name = g_strdup (round->name);
      g_object_set_data_full (G_OBJECT (button), "sc-purge-target", target,
                              (GDestroyNotify) purge_target_free);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "destructive-action");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_purge_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

void
sc_retention_section_reload (ScRetentionSection *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  GtkWidget *child;
  GDate today;

  g_return_if_fail (SC_IS_RETENTION_SECTION (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rounds_list))) != NULL)
    gtk_list_box_remove (self->rounds_list, child);
  self->n_rounds = self->n_purgeable = 0;

  rounds = sc_vault_list_rounds (self->vault, &error);
  if (rounds == NULL)
    {
      gtk_label_set_text (self->empty_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->empty_label), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->rounds_list), FALSE);
      return;
    }
  gtk_label_set_text (self->empty_label, _("There are no rounds yet."));
  sc_vault_local_today (&today);
  for (guint i = 0; i < rounds->len; i++)
    {
      const ScVaultRound *round = g_ptr_array_index (rounds, i);
      gboolean purgeable;
      GDate end;

      /* The core's rule: the later of the period's end and the last record, plus 5 years. */
      if (!sc_vault_get_retention_end (self->vault, round, &end, &error))
        {
          toast (self, error->message);
          g_clear_error (&error);
          sc_vault_round_retention_end (round, &end);
          purgeable = FALSE;
        }
      else
        purgeable = g_date_compare (&end, &today) < 0;

      gtk_list_box_append (self->rounds_list, new_round_row (self, round, &end, purgeable));
      self->n_rounds++;
      self->n_purgeable += purgeable ? 1 : 0;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), self->n_rounds == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->rounds_list), self->n_rounds > 0);
}

guint
sc_retention_section_get_n_rounds (ScRetentionSection *self)
{
  g_return_val_if_fail (SC_IS_RETENTION_SECTION (self), 0);
  return self->n_rounds;
}

guint
sc_retention_section_get_n_purgeable (ScRetentionSection *self)
{
  g_return_val_if_fail (SC_IS_RETENTION_SECTION (self), 0);
  return self->n_purgeable;
}

gboolean
sc_retention_section_get_busy (ScRetentionSection *self)
{
  g_return_val_if_fail (SC_IS_RETENTION_SECTION (self), FALSE);
  return self->busy;
}

/* ---- GObject --------------------------------------------------------------------------- */

GtkWidget *
sc_retention_section_new (ScVault *vault)
{
  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  return g_object_new (SC_TYPE_RETENTION_SECTION, "vault", vault, NULL);
}

static void
sc_retention_section_constructed (GObject *object)
{
  ScRetentionSection *self = SC_RETENTION_SECTION (object);

  G_OBJECT_CLASS (sc_retention_section_parent_class)->constructed (object);
  sc_retention_section_reload (self);
}

static void
sc_retention_section_dispose (GObject *object)
{
  ScRetentionSection *self = SC_RETENTION_SECTION (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_RETENTION_SECTION);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->vault);

  G_OBJECT_CLASS (sc_retention_section_parent_class)->dispose (object);
}

static void
sc_retention_section_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ScRetentionSection *self = SC_RETENTION_SECTION (object);

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
sc_retention_section_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ScRetentionSection *self = SC_RETENTION_SECTION (object);

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
sc_retention_section_class_init (ScRetentionSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sc_retention_section_constructed;
  object_class->dispose = sc_retention_section_dispose;
  object_class->get_property = sc_retention_section_get_property;
  object_class->set_property = sc_retention_section_set_property;

  properties[PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL, SC_TYPE_VAULT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether a purge runs; the workspace is busy meanwhile. */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  /* A round was purged: lists of rounds elsewhere are out of date. */
  signals[SIGNAL_ROUNDS_CHANGED] =
    g_signal_new ("rounds-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/stresscheck/StressCheck/ui/"
                                               "sc-retention-section.ui");
  gtk_widget_class_bind_template_child (widget_class, ScRetentionSection, rounds_list);
  gtk_widget_class_bind_template_child (widget_class, ScRetentionSection, empty_label);
}

/* Rounds are made and closed in other sections: the list is read again whenever it is
 * shown. */
static void
on_map_cb (ScRetentionSection *self)
{
  if (self->vault != NULL && !self->busy && !sc_vault_is_busy (self->vault))
    sc_retention_section_reload (self);
}

static void
sc_retention_section_init (ScRetentionSection *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
}
