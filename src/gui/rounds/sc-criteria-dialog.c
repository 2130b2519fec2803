/* sc-criteria-dialog.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-criteria-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-criteria-dialog.h"
#include "sc-gui-vault.h"
#include "sc-vault-async.h"

#define N_THRESHOLDS 6

struct _ScCriteriaDialog
{
  AdwWindow            parent_instance;

  /* Template children */
  AdwPreferencesGroup *method_group;
  AdwComboRow         *method_row;
  AdwPreferencesGroup *thresholds_group;
  GtkLabel            *error_label;
  GtkWidget           *save_button;

  /* Owned references */
  ScVault             *vault;

  /* Borrowed references: the threshold rows' spin buttons */
  GtkSpinButton       *spins[N_THRESHOLDS];

  /* Plain state */
  gint64               round_id;
  gboolean             busy;
};

G_DEFINE_FINAL_TYPE (ScCriteriaDialog, sc_criteria_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The thresholds in the form's order, with the range each area sum can take. */
static const struct
{
  gsize       offset;
  const char *title;
  int         min;
  int         max;
} thresholds[N_THRESHOLDS] = {
  { G_STRUCT_OFFSET (ScCriteria, sum_b_min), N_("その1 ㋐: B at least"), 29, 116 },
  { G_STRUCT_OFFSET (ScCriteria, sum_ac_min), N_("その1 ㋑: A + C at least"), 26, 104 },
  { G_STRUCT_OFFSET (ScCriteria, sum_ac_b_min), N_("その1 ㋑: and B at least"), 29, 116 },
  { G_STRUCT_OFFSET (ScCriteria, conv_b_max), N_("その2 ㋐: B at most"), 6, 30 },
  { G_STRUCT_OFFSET (ScCriteria, conv_ac_max), N_("その2 ㋑: A + C at most"), 12, 58 },
  { G_STRUCT_OFFSET (ScCriteria, conv_ac_b_max), N_("その2 ㋑: and B at most"), 6, 30 },
};

#define THRESHOLD(c, i) (*(int *) ((char *) (c) + thresholds[i].offset))

void
sc_criteria_dialog_get (ScCriteriaDialog *self,
                        ScCriteria       *out)
{
  g_return_if_fail (SC_IS_CRITERIA_DIALOG (self));

  sc_criteria_init_default (out);
  out->method = adw_combo_row_get_selected (self->method_row) == 1 ? SC_METHOD_SUM
                                                                   : SC_METHOD_CONVERSION;
  for (guint i = 0; i < N_THRESHOLDS; i++)
    THRESHOLD (out, i) = gtk_spin_button_get_value_as_int (self->spins[i]);
}

void
sc_criteria_dialog_set_threshold (ScCriteriaDialog *self,
                                  guint             index,
                                  int               value)
{
  g_return_if_fail (SC_IS_CRITERIA_DIALOG (self));
  g_return_if_fail (index < N_THRESHOLDS);

  gtk_spin_button_set_value (self->spins[index], value);
}

static void
set_busy (ScCriteriaDialog *self,
          gboolean          busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (self->save_button, !busy);
}

static void
on_saved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ScCriteriaDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  set_busy (self, FALSE);
  if (!sc_vault_set_round_criteria_finish (SC_VAULT (source), result, &error))
    {
      gtk_label_set_text (self->error_label, sc_gui_vault_error_message (error));
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, self->round_id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_save_button_clicked_cb (GtkButton        *button,
                           ScCriteriaDialog *self)
{
  ScCriteria criteria;

  if (self->busy)
    return;
  sc_criteria_dialog_get (self, &criteria);
  set_busy (self, TRUE);
  sc_vault_set_round_criteria_async (self->vault, self->round_id, &criteria, NULL,
                                     on_saved_cb, g_object_ref (self));
}

static gboolean
sc_criteria_dialog_close_request (GtkWindow *window)
{
  if (SC_CRITERIA_DIALOG (window)->busy)
    return TRUE;
  return GTK_WINDOW_CLASS (sc_criteria_dialog_parent_class)->close_request (window);
}

static void
sc_criteria_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SC_TYPE_CRITERIA_DIALOG);
  g_clear_object (&SC_CRITERIA_DIALOG (object)->vault);
  G_OBJECT_CLASS (sc_criteria_dialog_parent_class)->dispose (object);
}

static void
sc_criteria_dialog_class_init (ScCriteriaDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sc_criteria_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = sc_criteria_dialog_close_request;

  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
                                               RESOURCE_PREFIX "/ui/sc-criteria-dialog.ui");
  gtk_widget_class_bind_template_child (GTK_WIDGET_CLASS (klass), ScCriteriaDialog, method_group);
  gtk_widget_class_bind_template_child (GTK_WIDGET_CLASS (klass), ScCriteriaDialog, method_row);
  gtk_widget_class_bind_template_child (GTK_WIDGET_CLASS (klass), ScCriteriaDialog,
                                        thresholds_group);
  gtk_widget_class_bind_template_child (GTK_WIDGET_CLASS (klass), ScCriteriaDialog, error_label);
  gtk_widget_class_bind_template_child (GTK_WIDGET_CLASS (klass), ScCriteriaDialog, save_button);
  gtk_widget_class_bind_template_callback (GTK_WIDGET_CLASS (klass), on_save_button_clicked_cb);
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0,
                                       "window.close", NULL);
}

static void
sc_criteria_dialog_init (ScCriteriaDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The form shows @round's criteria; the method's description says which one is in force. */
static void
build (ScCriteriaDialog   *self,
       const ScVaultRound *round)
{
  g_autofree char *current = NULL;

  adw_combo_row_set_selected (self->method_row, round->criteria.method == SC_METHOD_SUM);
  current = g_strdup_printf (_("Now: %s"),
                             gtk_string_object_get_string (
                               adw_combo_row_get_selected_item (self->method_row)));
  adw_preferences_group_set_description (self->method_group, current);
  for (guint i = 0; i < N_THRESHOLDS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (thresholds[i].min, thresholds[i].max, 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(thresholds[i].title));
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), THRESHOLD (&round->criteria, i));
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(thresholds[i].title), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_preferences_group_add (self->thresholds_group, row);
      self->spins[i] = GTK_SPIN_BUTTON (spin);
    }
}

GtkWidget *
sc_criteria_dialog_new (ScVault            *vault,
                        const ScVaultRound *round)
{
  ScCriteriaDialog *self;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);
  g_return_val_if_fail (round != NULL, NULL);

  self = g_object_new (SC_TYPE_CRITERIA_DIALOG, NULL);
  self->vault = g_object_ref (vault);
  self->round_id = round->id;
  build (self, round);
  return GTK_WIDGET (self);
}
