/* sc-new-round-dialog.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-new-round-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-new-round-dialog.h"
#include "sc-date.h"
#include "sc-score.h"
#include "sc-gui-vault.h"

/* Positions in the criteria row's list; その2 first because it is the default. */
enum {
  CRITERIA_CONVERSION,
  CRITERIA_SUM,
};

/* A round is open for a month unless the implementer says otherwise. */
#define DEFAULT_DAYS 30

struct _ScNewRoundDialog
{
  AdwWindow     parent_instance;

  /* Template children */
  AdwEntryRow  *name_row;
  AdwEntryRow  *start_row;
  AdwEntryRow  *end_row;
  AdwComboRow  *criteria_row;
  GtkLabel     *error_label;
  GtkButton    *create_button;
  GtkButton    *cancel_button;

  /* Owned references */
  ScVault      *vault;

  /* Plain state */
  gboolean      busy;
};

G_DEFINE_FINAL_TYPE (ScNewRoundDialog, sc_new_round_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_VAULT,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (ScNewRoundDialog *self,
            const char       *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Reads a date row: TRUE with @date cleared for an empty row, FALSE for text that is not a
 * date (the row is then marked). */
static gboolean
read_date (AdwEntryRow *row,
           GDate       *date)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  g_date_clear (date, 1);
  if (*text == '\0' || sc_date_parse (text, -1, date, NULL))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      return TRUE;
    }

  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  return FALSE;
}

static void
update_create_button (ScNewRoundDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), *name != '\0' && !self->busy);
}

static void
on_row_changed_cb (GtkEditable      *editable,
                   ScNewRoundDialog *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
  update_create_button (self);
}

/* While the round is saved in the worker thread, nothing changes the form and the dialog
 * stays open, so that its answer has somewhere to go. */
static void
set_busy (ScNewRoundDialog *self,
          gboolean          busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  /* Not insensitive: the focus stays in the row, where it was when Enter was pressed. */
  gtk_editable_set_editable (GTK_EDITABLE (self->name_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->start_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->end_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->criteria_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), !busy);
  gtk_window_set_deletable (GTK_WINDOW (self), !busy);
  update_create_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
on_round_created_cb (GObject      *source_object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr (ScNewRoundDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  gint64 round_id;

  round_id = sc_vault_create_round_finish (SC_VAULT (source_object), result, &error);
  set_busy (self, FALSE);
  if (round_id == 0)
    {
      show_error (self, sc_gui_vault_error_message (error));
      return;
    }

  g_signal_emit (self, signals[SIGNAL_CREATED], 0, round_id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
create_round (ScNewRoundDialog *self)
{
  g_autofree char *name = NULL;
  g_autofree char *start_iso = NULL;
  g_autofree char *end_iso = NULL;
  GDate start;
  GDate end;
  ScCriteria criteria;

  if (self->busy)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  if (*name == '\0')
    {
      show_error (self, _("Give the round a name."));
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return;
    }

  if (!read_date (self->start_row, &start))
    {
      show_error (self, _("Write the first day as a date, for example 2026-05-01."));
      gtk_widget_grab_focus (GTK_WIDGET (self->start_row));
      return;
    }
  if (!read_date (self->end_row, &end))
    {
      show_error (self, _("Write the last day as a date, for example 2026-05-31."));
      gtk_widget_grab_focus (GTK_WIDGET (self->end_row));
      return;
    }
  if (g_date_valid (&start) != g_date_valid (&end))
    {
      show_error (self, _("Give both the first and the last day, or neither."));
      gtk_widget_grab_focus (GTK_WIDGET (g_date_valid (&start) ? self->end_row : self->start_row));
      return;
    }
  if (g_date_valid (&start) && g_date_compare (&start, &end) > 0)
    {
      show_error (self, _("The last day comes before the first day."));
      gtk_widget_add_css_class (GTK_WIDGET (self->end_row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->end_row));
      return;
    }

  if (g_date_valid (&start))
    {
      start_iso = sc_date_to_iso (&start);
      end_iso = sc_date_to_iso (&end);
    }

  sc_criteria_init_default (&criteria);
  criteria.method = adw_combo_row_get_selected (self->criteria_row) == CRITERIA_SUM
                    ? SC_METHOD_SUM : SC_METHOD_CONVERSION;

  /* The durable save runs in the worker thread; the answer comes to on_round_created_cb(). */
  show_error (self, NULL);
  set_busy (self, TRUE);
  sc_vault_create_round_async (self->vault, name, start_iso, end_iso, &criteria, NULL,
                               on_round_created_cb, g_object_ref (self));
}

static void
on_create_button_clicked_cb (GtkButton        *button,
                             ScNewRoundDialog *self)
{
  create_round (self);
}

static void
on_cancel_button_clicked_cb (GtkButton        *button,
                             ScNewRoundDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
sc_new_round_dialog_close_request (GtkWindow *window)
{
  ScNewRoundDialog *self = SC_NEW_ROUND_DIALOG (window);

  /* Escape while the round is being saved: the answer decides (the dialog closes itself). */
  if (self->busy)
    return TRUE;

  return GTK_WINDOW_CLASS (sc_new_round_dialog_parent_class)->close_request (window);
}

static void
fill_defaults (ScNewRoundDialog *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = NULL;
  g_autofree char *start_iso = NULL;
  g_autofree char *end_iso = NULL;
  GDate date;
  int year = g_date_time_get_year (now);

  /* Japanese fiscal years (年度) start in April. */
  if (g_date_time_get_month (now) < 4)
    year--;
  /* Translators: the name proposed for a new round; %d is the fiscal year (年度). */
  name = g_strdup_printf (_("Stress Check %d"), year);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  start_iso = sc_date_to_iso (&date);
  g_date_add_days (&date, DEFAULT_DAYS - 1);
  end_iso = sc_date_to_iso (&date);
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), start_iso);
  gtk_editable_set_text (GTK_EDITABLE (self->end_row), end_iso);

  adw_combo_row_set_selected (self->criteria_row, CRITERIA_CONVERSION);
}

static void
sc_new_round_dialog_dispose (GObject *object)
{
  ScNewRoundDialog *self = SC_NEW_ROUND_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_NEW_ROUND_DIALOG);
  g_clear_object (&self->vault);

  G_OBJECT_CLASS (sc_new_round_dialog_parent_class)->dispose (object);
}

static void
sc_new_round_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ScNewRoundDialog *self = SC_NEW_ROUND_DIALOG (object);

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
sc_new_round_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ScNewRoundDialog *self = SC_NEW_ROUND_DIALOG (object);

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
sc_new_round_dialog_class_init (ScNewRoundDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sc_new_round_dialog_dispose;
  object_class->get_property = sc_new_round_dialog_get_property;
  object_class->set_property = sc_new_round_dialog_set_property;

  window_class->close_request = sc_new_round_dialog_close_request;

  /**
   * ScNewRoundDialog:vault:
   *
   * The vault the round is created in, unlocked with the implementer role.
   */
  properties[PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL,
                         SC_TYPE_VAULT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScNewRoundDialog:busy:
   *
   * Whether the round is being saved (in a worker thread): the form is read-only and the
   * dialog stays open until the answer.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ScNewRoundDialog::created:
   * @round_id: the new round
   */
  signals[SIGNAL_CREATED] =
    g_signal_new ("created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sc-new-round-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ScNewRoundDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, ScNewRoundDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, ScNewRoundDialog, end_row);
  gtk_widget_class_bind_template_child (widget_class, ScNewRoundDialog, criteria_row);
  gtk_widget_class_bind_template_child (widget_class, ScNewRoundDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ScNewRoundDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, ScNewRoundDialog, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, on_create_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sc_new_round_dialog_init (ScNewRoundDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  fill_defaults (self);
}

GtkWidget *
sc_new_round_dialog_new (ScVault *vault)
{
  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  return g_object_new (SC_TYPE_NEW_ROUND_DIALOG,
                       "vault", vault,
                       NULL);
}

ScVault *
sc_new_round_dialog_get_vault (ScNewRoundDialog *self)
{
  g_return_val_if_fail (SC_IS_NEW_ROUND_DIALOG (self), NULL);

  return self->vault;
}

gboolean
sc_new_round_dialog_get_busy (ScNewRoundDialog *self)
{
  g_return_val_if_fail (SC_IS_NEW_ROUND_DIALOG (self), FALSE);

  return self->busy;
}
