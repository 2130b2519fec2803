/* sc-employee-dialog.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Adding or editing one employee: the rows read into an ScEmployee, checked by the core
 * as they change, and saved in the vault's worker thread.
 */
#define G_LOG_DOMAIN "sc-employees"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-employee-dialog.h"

#include "sc-date.h"
#include "sc-vault-employees.h"

enum
{
  SEX_NOT_CHOSEN,
  SEX_MALE,
  SEX_FEMALE,
};

struct _ScEmployeeDialog
{
  AdwWindow       parent_instance;

  ScVault        *vault;
  ScEmployee     *original;     /* nullable: adding */
  GPtrArray      *roster;       /* ScEmployee */
  GCancellable   *cancellable;
  gboolean        busy;

  AdwWindowTitle *window_title;
  GtkButton      *save_button;
  AdwEntryRow    *number_row;
  AdwEntryRow    *name_row;
  AdwEntryRow    *kana_row;
  AdwComboRow    *sex_row;
  AdwEntryRow    *birth_row;
  AdwEntryRow    *department_row;
  AdwEntryRow    *job_type_row;
  AdwEntryRow    *position_row;
  AdwEntryRow    *employment_type_row;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (ScEmployeeDialog, sc_employee_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
row_text (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/* The entry as the rows say; the birth date in the vault's form when it is a date. */
static ScEmployee *
read_employee (ScEmployeeDialog *self)
{
  ScEmployee *e = self->original != NULL ? sc_employee_copy (self->original) : sc_employee_new ();
  guint sex = adw_combo_row_get_selected (self->sex_row);
  GDate date;

  g_free (e->number);
  e->number = self->original != NULL ? g_strdup (self->original->number) : row_text (self->number_row);
  g_free (e->name);
  e->name = row_text (self->name_row);
  g_free (e->kana);
  e->kana = row_text (self->kana_row);
  e->sex = sex == SEX_MALE ? SC_SEX_MALE : sex == SEX_FEMALE ? SC_SEX_FEMALE : (ScSex) -1;
  g_free (e->birth_date);
  e->birth_date = row_text (self->birth_row);
  if (e->birth_date != NULL && sc_date_parse_birth_date (e->birth_date, -1, NULL, &date, NULL))
    {
      g_free (e->birth_date);
      e->birth_date = sc_date_to_iso (&date);
    }
  g_free (e->department);
  e->department = row_text (self->department_row);
  g_free (e->job_type);
  e->job_type = row_text (self->job_type_row);
  g_free (e->position);
  e->position = row_text (self->position_row);
  g_free (e->employment_type);
  e->employment_type = row_text (self->employment_type_row);
  return e;
}

static void
mark_row (gpointer  row,
          gboolean  bad)
{
  if (bad)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

/* Checks the rows; the first problem is shown, every bad row marked. */
static gboolean
validate (ScEmployeeDialog *self)
{
  g_autoptr(ScEmployee) e = read_employee (self);
  g_autofree char *message = NULL;
  ScRosterFields bad;

  bad = sc_employee_check (e, self->roster,
                           self->original != NULL ? self->original->number : NULL, NULL,
                           &message);
  /* Rows left empty so far are not marked red, only said in the message. */
  mark_row (self->number_row, (bad & SC_ROSTER_FIELD_NUMBER) && e->number != NULL);
  mark_row (self->name_row, FALSE);
  mark_row (self->birth_row, bad & SC_ROSTER_FIELD_BIRTH_DATE);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), bad == 0 && !self->busy);
  return bad == 0;
}

static void
on_changed_cb (ScEmployeeDialog *self)
{
  validate (self);
}

static void
set_busy (ScEmployeeDialog *self,
          gboolean          busy)
{
  self->busy = busy;
  validate (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->number_row), !busy && self->original == NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
on_saved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ScEmployeeDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!sc_vault_employees_finish (SC_VAULT (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  set_busy (self, FALSE);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0,
                 self->original != NULL ? _("Employee saved") : _("Employee added"));
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_save_clicked_cb (ScEmployeeDialog *self)
{
  g_autoptr(ScEmployee) e = NULL;

  if (self->busy || !validate (self))
    return;
  e = read_employee (self);
  set_busy (self, TRUE);
  if (self->original != NULL)
    sc_vault_update_employee_async (self->vault, e, self->cancellable, on_saved_cb,
                                    g_object_ref (self));
  else
    sc_vault_add_employee_async (self->vault, e, self->cancellable, on_saved_cb,
                                 g_object_ref (self));
}

GtkWidget *
sc_employee_dialog_new (ScVault          *vault,
                        const ScEmployee *employee,
                        GPtrArray        *roster)
{
  ScEmployeeDialog *self;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);
  g_return_val_if_fail (roster != NULL, NULL);

  self = g_object_new (SC_TYPE_EMPLOYEE_DIALOG, NULL);
  self->vault = g_object_ref (vault);
  self->roster = g_ptr_array_ref (roster);
  if (employee != NULL)
    {
      self->original = sc_employee_copy (employee);
      adw_window_title_set_title (self->window_title, _("Edit Employee"));
      set_row_text (self->number_row, employee->number);
      gtk_widget_set_sensitive (GTK_WIDGET (self->number_row), FALSE);
      set_row_text (self->name_row, employee->name);
      set_row_text (self->kana_row, employee->kana);
      adw_combo_row_set_selected (self->sex_row,
                                  employee->sex == SC_SEX_FEMALE ? SEX_FEMALE : SEX_MALE);
      set_row_text (self->birth_row, employee->birth_date);
      set_row_text (self->department_row, employee->department);
      set_row_text (self->job_type_row, employee->job_type);
      set_row_text (self->position_row, employee->position);
      set_row_text (self->employment_type_row, employee->employment_type);
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("Add Employee"));
    }
  validate (self);
  return GTK_WIDGET (self);
}

gboolean
sc_employee_dialog_get_busy (ScEmployeeDialog *self)
{
  g_return_val_if_fail (SC_IS_EMPLOYEE_DIALOG (self), FALSE);
  return self->busy;
}

static void
sc_employee_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ScEmployeeDialog *self = SC_EMPLOYEE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_employee_dialog_dispose (GObject *object)
{
  ScEmployeeDialog *self = SC_EMPLOYEE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_EMPLOYEE_DIALOG);
  g_clear_object (&self->vault);
  g_clear_pointer (&self->roster, g_ptr_array_unref);
  g_clear_pointer (&self->original, sc_employee_free);

  G_OBJECT_CLASS (sc_employee_dialog_parent_class)->dispose (object);
}

static void
sc_employee_dialog_finalize (GObject *object)
{
  ScEmployeeDialog *self = SC_EMPLOYEE_DIALOG (object);

  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (sc_employee_dialog_parent_class)->finalize (object);
}

static void
sc_employee_dialog_class_init (ScEmployeeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = sc_employee_dialog_get_property;
  object_class->dispose = sc_employee_dialog_dispose;
  object_class->finalize = sc_employee_dialog_finalize;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/stresscheck/StressCheck/ui/sc-employee-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ScEmployeeDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ScEmployeeDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ScEmployeeDialog, number_row);
  gtk_widget_class_bind_template_child (widget_class, ScEmployeeDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, ScEmployeeDialog, kana_row);
  gtk_widget_class_bind_template_child (widget_class, ScEmployeeDialog, sex_row);
  gtk_widget_class_bind_template_child (widget_class, ScEmployeeDialog, birth_row);
  gtk_widget_class_bind_template_child (widget_class, ScEmployeeDialog, department_row);
  gtk_widget_class_bind_template_child (widget_class, ScEmployeeDialog, job_type_row);
  gtk_widget_class_bind_template_child (widget_class, ScEmployeeDialog, position_row);
  gtk_widget_class_bind_template_child (widget_class, ScEmployeeDialog, employment_type_row);
  gtk_widget_class_bind_template_child (widget_class, ScEmployeeDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, gtk_window_close);
}

static void
sc_employee_dialog_init (ScEmployeeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}
