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
#include "sc-vault-async.h"

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
  GtkWidget    *criteria_group;
  GtkLabel     *roster_label;
  GtkLabel     *error_label;
  GtkButton    *create_button;
  GtkButton    *cancel_button;

  /* Owned references */
  ScVault      *vault;

  /* Plain state */
  gboolean      busy;
  gint64        edit_round_id;   /* 0 when creating */
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
  SIGNAL_EDITED,
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

/* What is wrong with the form, or NULL; @out_row receives the row to fix. The period is
 * checked as the core will (sc_vault_check_round_period()). */
static const char *
validate (ScNewRoundDialog  *self,
          GDate             *start,
          GDate             *end,
          GtkWidget        **out_row)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  *out_row = GTK_WIDGET (self->name_row);
  if (*name == '\0')
    return _("Give the round a name.");
  *out_row = GTK_WIDGET (self->start_row);
  if (!read_date (self->start_row, start))
    return _("Write the first day as a date, for example 2026-05-01.");
  *out_row = GTK_WIDGET (self->end_row);
  if (!read_date (self->end_row, end))
    return _("Write the last day as a date, for example 2026-05-31.");
  if (g_date_valid (start) != g_date_valid (end))
    {
      *out_row = GTK_WIDGET (g_date_valid (start) ? self->end_row : self->start_row);
      return _("Give both the first and the last day, or neither.");
    }
  if (g_date_valid (start) && g_date_compare (start, end) > 0)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->end_row), "error");
      return _("The last day comes before the first day.");
    }
  *out_row = NULL;
  return NULL;
}

/* Create (or Save) is sensitive only for a form the core will take; the reason shows at
 * once. */
static void
update_create_button (ScNewRoundDialog *self)
{
  GtkWidget *row;
  GDate start, end;
  const char *problem = validate (self, &start, &end, &row);

  show_error (self, problem);
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), problem == NULL && !self->busy);
}

static void
on_row_changed_cb (GtkEditable      *editable,
                   ScNewRoundDialog *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
  update_create_button (self);
}

/* ---- Date pickers: a calendar in a popover next to each date row ------------------ */

static void
on_calendar_day_selected_cb (GtkCalendar *calendar,
                             AdwEntryRow *row)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
  g_autofree char *iso = g_date_time_format (day, "%Y-%m-%d");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);

  gtk_editable_set_text (GTK_EDITABLE (row), iso);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

/* The calendar opens on the day the row holds, or today. */
static void
on_date_popover_show_cb (GtkWidget   *popover,
                         AdwEntryRow *row)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (GTK_POPOVER (popover)));
  g_autoptr(GDateTime) day = NULL;
  GDate date;

  if (read_date (row, &date) && g_date_valid (&date))
    day = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                 g_date_get_day (&date), 12, 0, 0);
  else
    day = g_date_time_new_now_local ();
  g_signal_handlers_block_by_func (calendar, on_calendar_day_selected_cb, row);
  gtk_calendar_select_day (calendar, day);
  g_signal_handlers_unblock_by_func (calendar, on_calendar_day_selected_cb, row);
}

static void
add_date_picker (AdwEntryRow *row,
                 const char  *accessible_name)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, accessible_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  g_signal_connect_object (popover, "show", G_CALLBACK (on_date_popover_show_cb), row, 0);
  g_signal_connect_object (calendar, "day-selected", G_CALLBACK (on_calendar_day_selected_cb),
                           row, 0);
  adw_entry_row_add_suffix (row, button);
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
on_round_edited_cb (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (ScNewRoundDialog) self = user_data;
  g_autoptr (GError) error = NULL;

  set_busy (self, FALSE);
  if (!sc_vault_update_round_finish (SC_VAULT (source_object), result, &error))
    {
      show_error (self, sc_gui_vault_error_message (error));
      return;
    }
  g_signal_emit (self, signals[SIGNAL_EDITED], 0, self->edit_round_id);
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
  GtkWidget *row;
  const char *problem;

  if (self->busy)
    return;

  /* Enter in a row reaches here even while Create is insensitive. */
  problem = validate (self, &start, &end, &row);
  if (problem != NULL)
    {
      show_error (self, problem);
      gtk_widget_grab_focus (row);
      return;
    }
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  if (g_date_valid (&start))
    {
      start_iso = sc_date_to_iso (&start);
      end_iso = sc_date_to_iso (&end);
    }

  sc_criteria_init_default (&criteria);
  criteria.method = adw_combo_row_get_selected (self->criteria_row) == CRITERIA_SUM
                    ? SC_METHOD_SUM : SC_METHOD_CONVERSION;

  show_error (self, NULL);
  set_busy (self, TRUE);
  if (self->edit_round_id != 0)
    {
      sc_vault_update_round_async (self->vault, self->edit_round_id, name, start_iso, end_iso,
                                   NULL, on_round_edited_cb, g_object_ref (self));
      return;
    }
  /* The durable save runs in the worker thread; the answer comes to on_round_created_cb(). */
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
  /**
   * ScNewRoundDialog::edited:
   * @round_id: the round whose name or period was saved (sc_new_round_dialog_new_edit())
   */
  signals[SIGNAL_EDITED] =
    g_signal_new ("edited",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

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
  gtk_widget_class_bind_template_child (widget_class, ScNewRoundDialog, roster_label);
  gtk_widget_class_bind_template_child (widget_class, ScNewRoundDialog, criteria_group);
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
  add_date_picker (self->start_row, _("Choose the first day"));
  add_date_picker (self->end_row, _("Choose the last day"));

  fill_defaults (self);
}

/* Codes can only go to people on the roster: say so before a round is made for nobody. */
static void
warn_if_roster_empty (ScNewRoundDialog *self)
{
  g_autoptr(GPtrArray) employees = sc_vault_list_employees (self->vault, NULL);
  gboolean empty = TRUE;

  for (guint i = 0; employees != NULL && i < employees->len; i++)
    empty &= !((ScEmployee *) g_ptr_array_index (employees, i))->active;
  gtk_widget_set_visible (GTK_WIDGET (self->roster_label), empty);
}

GtkWidget *
sc_new_round_dialog_new (ScVault *vault)
{
  ScNewRoundDialog *self;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  self = g_object_new (SC_TYPE_NEW_ROUND_DIALOG,
                       "vault", vault,
                       NULL);
  warn_if_roster_empty (self);
  return GTK_WIDGET (self);
}

GtkWidget *
sc_new_round_dialog_new_edit (ScVault            *vault,
                              const ScVaultRound *round)
{
  ScNewRoundDialog *self;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);
  g_return_val_if_fail (round != NULL, NULL);

  self = g_object_new (SC_TYPE_NEW_ROUND_DIALOG,
                       "vault", vault,
                       NULL);
  self->edit_round_id = round->id;
  gtk_window_set_title (GTK_WINDOW (self), _("Edit Round"));
  gtk_button_set_label (self->create_button, _("_Save"));
  /* The criteria have their own page, with its warning. */
  gtk_widget_set_visible (self->criteria_group, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), round->name);
  gtk_editable_set_text (GTK_EDITABLE (self->start_row),
                         round->period_start != NULL ? round->period_start : "");
  gtk_editable_set_text (GTK_EDITABLE (self->end_row),
                         round->period_end != NULL ? round->period_end : "");
  return GTK_WIDGET (self);
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
