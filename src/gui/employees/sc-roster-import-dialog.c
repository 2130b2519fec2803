/* sc-roster-import-dialog.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roster import preview: the file parsed and compared with the vault's roster by the
 * core (sc-roster.h), shown as problems or as rows, and stored in the worker thread.
 */
#define G_LOG_DOMAIN "sc-employees"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-roster-import-dialog.h"

#include "sc-employee-item.h"
#include "sc-roster.h"
#include "sc-vault-employees.h"

struct _ScRosterImportDialog
{
  AdwWindow       parent_instance;

  ScVault        *vault;
  ScRoster       *roster;       /* nullable: the file has problems */
  ScRosterDiff   *diff;         /* nullable, likewise */
  GPtrArray      *problems;     /* ScRosterProblem; nullable */
  GListStore     *rows;         /* ScEmployeeItem */
  GCancellable   *cancellable;
  gboolean        busy;

  AdwWindowTitle *window_title;
  GtkButton      *import_button;
  GtkLabel       *summary_label;
  GtkScrolledWindow *problems_scrolled;
  GtkListBox     *problems_list;
  GtkScrolledWindow *rows_scrolled;
  GtkWidget      *missing_box;
  GtkLabel       *missing_label;
  GtkCheckButton *keep_check;
  GtkCheckButton *mark_left_check;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (ScRosterImportDialog, sc_roster_import_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What changes first, so that it is seen without scrolling. */
static const ScEmployeeColumn preview_columns[] = {
  SC_EMPLOYEE_COLUMN_CHANGE,
  SC_EMPLOYEE_COLUMN_NUMBER,
  SC_EMPLOYEE_COLUMN_NAME,
  SC_EMPLOYEE_COLUMN_CHANGES,
  SC_EMPLOYEE_COLUMN_KANA,
  SC_EMPLOYEE_COLUMN_SEX,
  SC_EMPLOYEE_COLUMN_BIRTH_DATE,
  SC_EMPLOYEE_COLUMN_DEPARTMENT,
  SC_EMPLOYEE_COLUMN_JOB_TYPE,
  SC_EMPLOYEE_COLUMN_POSITION,
  SC_EMPLOYEE_COLUMN_EMPLOYMENT_TYPE,
  SC_EMPLOYEE_COLUMN_STATUS,
  SC_N_EMPLOYEE_COLUMNS
};

/* "Line 7, column 4 (性別): …", translated around the core's message. */
static char *
problem_text (const ScRosterProblem *problem)
{
  if (problem->line == 0)
    return g_strdup (problem->message);
  if (problem->column == 0)
    return g_strdup_printf (_("Line %u: %s"), problem->line, problem->message);
  if (problem->column_name != NULL)
    return g_strdup_printf (_("Line %u, column %u (%s): %s"), problem->line, problem->column,
                            problem->column_name, problem->message);
  return g_strdup_printf (_("Line %u, column %u: %s"), problem->line, problem->column,
                          problem->message);
}

static void
add_problem_row (ScRosterImportDialog  *self,
                 const ScRosterProblem *problem,
                 gboolean               warning)
{
  g_autofree char *text = problem_text (problem);
  g_autofree char *shown = warning ? g_strdup_printf (_("Ignored: %s"), text) : NULL;
  GtkWidget *label = gtk_label_new (shown != NULL ? shown : text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  if (!warning)
    gtk_widget_add_css_class (label, "error");
  gtk_list_box_append (self->problems_list, label);
}

static const char *
encoding_name (ScCsvEncoding encoding)
{
  switch (encoding)
    {
    case SC_CSV_ENCODING_UTF8_BOM: return _("UTF-8 with BOM");
    case SC_CSV_ENCODING_CP932:    return _("Shift_JIS (CP932)");
    case SC_CSV_ENCODING_UTF8:
    default:
      return _("UTF-8");
    }
}

static void
add_rows (ScRosterImportDialog *self,
          GPtrArray            *entries,
          ScEmployeeChange      change)
{
  for (guint i = 0; i < entries->len; i++)
    {
      const ScRosterDiffEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(ScEmployeeItem) item = NULL;

      item = sc_employee_item_new (entry->incoming != NULL ? entry->incoming : entry->existing,
                                   change,
                                   change == SC_EMPLOYEE_CHANGE_CHANGED ? entry->existing : NULL);
      g_list_store_append (self->rows, item);
    }
}

static void
show_problems (ScRosterImportDialog *self,
               const char           *file_name)
{
  g_autofree char *count = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < self->problems->len; i++)
    add_problem_row (self, g_ptr_array_index (self->problems, i), FALSE);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u problem", "%u problems",
                                        self->problems->len), self->problems->len);
  /* TRANSLATORS: “roster.csv” has 2 problems… */
  text = g_strdup_printf (_("“%s” has %s, listed below by line and column. Nothing can be "
                            "imported until the file is fixed: correct it and import it again."),
                          file_name, count);
  gtk_label_set_text (self->summary_label, text);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->rows_scrolled), FALSE);
  gtk_widget_set_visible (self->missing_box, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
}

static void
show_preview (ScRosterImportDialog *self,
              const char           *file_name)
{
  GPtrArray *warnings = sc_roster_get_warnings (self->roster);
  GtkColumnView *view;
  GtkNoSelection *selection;
  g_autofree char *text = NULL;
  guint n_left_out = self->diff->left_out->len;

  add_rows (self, self->diff->added, SC_EMPLOYEE_CHANGE_ADDED);
  add_rows (self, self->diff->changed, SC_EMPLOYEE_CHANGE_CHANGED);
  add_rows (self, self->diff->unchanged, SC_EMPLOYEE_CHANGE_UNCHANGED);
  add_rows (self, self->diff->left_out, SC_EMPLOYEE_CHANGE_MISSING);

  /* TRANSLATORS: “roster.csv”, read as Shift_JIS (CP932), the MHLW program's roster sheet: … */
  text = g_strdup_printf (_("“%s”, read as %s, %s: %u to add, %u changed, %u unchanged, %u on "
                            "the roster but not in the file. Every row is shown as it will be "
                            "stored; columns the file does not have keep their values."),
                          file_name, encoding_name (sc_roster_get_encoding (self->roster)),
                          sc_roster_get_layout (self->roster) == SC_ROSTER_LAYOUT_MHLW
                          ? _("the MHLW program's roster sheet") : _("this program's columns"),
                          self->diff->added->len, self->diff->changed->len,
                          self->diff->unchanged->len, n_left_out);
  gtk_label_set_text (self->summary_label, text);

  for (guint i = 0; i < warnings->len; i++)
    add_problem_row (self, g_ptr_array_index (warnings, i), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_scrolled), warnings->len > 0);
  gtk_widget_set_vexpand (GTK_WIDGET (self->problems_scrolled), FALSE);
  gtk_scrolled_window_set_propagate_natural_height (self->problems_scrolled, TRUE);
  gtk_scrolled_window_set_max_content_height (self->problems_scrolled, 120);

  view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));
  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  sc_employee_columns_add (view, preview_columns);
  gtk_column_view_set_show_row_separators (view, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Rows as they will be stored"), -1);
  gtk_scrolled_window_set_child (self->rows_scrolled, GTK_WIDGET (view));

  if (n_left_out > 0)
    {
      g_autofree char *missing = NULL;

      missing = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u employee on the roster is not in the file:",
                                              "%u employees on the roster are not in the file:",
                                              n_left_out), n_left_out);
      gtk_label_set_text (self->missing_label, missing);
    }
  gtk_widget_set_visible (self->missing_box, n_left_out > 0);
}

/* ---- Import ------------------------------------------------------------------------ */

static void
set_busy (ScRosterImportDialog *self,
          gboolean              busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), !busy && self->roster != NULL);
  gtk_widget_set_sensitive (self->missing_box, !busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

typedef struct
{
  ScRosterImportDialog *self;
  char                 *message;
} ImportData;

static void
on_imported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ImportData *data = user_data;
  g_autoptr(ScRosterImportDialog) self = data->self;
  g_autofree char *message = data->message;
  g_autoptr(GError) error = NULL;

  g_free (data);
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
  g_signal_emit (self, signals[SIGNAL_IMPORTED], 0, message);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_import_clicked_cb (ScRosterImportDialog *self)
{
  g_autoptr(GPtrArray) to_store = NULL;
  gboolean mark_left;
  guint n_left = 0;
  ImportData *data;

  if (self->busy || self->roster == NULL)
    return;
  mark_left = gtk_check_button_get_active (self->mark_left_check);
  to_store = sc_roster_diff_to_store (self->diff, mark_left);
  if (to_store->len == 0)
    {
      g_signal_emit (self, signals[SIGNAL_IMPORTED], 0,
                     _("Nothing to import: the roster is up to date"));
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  n_left = to_store->len - self->diff->added->len - self->diff->changed->len;

  data = g_new0 (ImportData, 1);
  data->self = g_object_ref (self);
  /* TRANSLATORS: the toast after a roster import */
  data->message = g_strdup_printf (_("Roster imported: %u added, %u changed, %u marked as left"),
                                   self->diff->added->len, self->diff->changed->len, n_left);
  set_busy (self, TRUE);
  sc_vault_upsert_employees_async (self->vault, to_store, self->cancellable, on_imported_cb,
                                   data);
}

/* ---- Public ------------------------------------------------------------------------ */

GtkWidget *
sc_roster_import_dialog_new (ScVault    *vault,
                             const char *file_name,
                             GBytes     *contents,
                             GPtrArray  *existing)
{
  ScRosterImportDialog *self;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);
  g_return_val_if_fail (file_name != NULL && contents != NULL && existing != NULL, NULL);

  self = g_object_new (SC_TYPE_ROSTER_IMPORT_DIALOG, NULL);
  self->vault = g_object_ref (vault);
  adw_window_title_set_subtitle (self->window_title, file_name);
  self->roster = sc_roster_parse (contents, NULL, &self->problems, NULL);
  if (self->roster == NULL)
    {
      show_problems (self, file_name);
    }
  else
    {
      /* A file without, say, a job type column leaves the job types as they are. */
      sc_roster_keep_absent_fields (self->roster, existing);
      self->diff = sc_roster_diff (existing, sc_roster_get_employees (self->roster));
      show_preview (self, file_name);
    }
  return GTK_WIDGET (self);
}

guint
sc_roster_import_dialog_get_n_problems (ScRosterImportDialog *self)
{
  g_return_val_if_fail (SC_IS_ROSTER_IMPORT_DIALOG (self), 0);
  return self->problems != NULL ? self->problems->len : 0;
}

GListModel *
sc_roster_import_dialog_get_rows (ScRosterImportDialog *self)
{
  g_return_val_if_fail (SC_IS_ROSTER_IMPORT_DIALOG (self), NULL);
  return G_LIST_MODEL (self->rows);
}

void
sc_roster_import_dialog_set_mark_left (ScRosterImportDialog *self,
                                       gboolean              mark_left)
{
  g_return_if_fail (SC_IS_ROSTER_IMPORT_DIALOG (self));
  gtk_check_button_set_active (mark_left ? self->mark_left_check : self->keep_check, TRUE);
}

gboolean
sc_roster_import_dialog_get_busy (ScRosterImportDialog *self)
{
  g_return_val_if_fail (SC_IS_ROSTER_IMPORT_DIALOG (self), FALSE);
  return self->busy;
}

/* ---- GObject ----------------------------------------------------------------------- */

static void
sc_roster_import_dialog_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  ScRosterImportDialog *self = SC_ROSTER_IMPORT_DIALOG (object);

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
sc_roster_import_dialog_dispose (GObject *object)
{
  ScRosterImportDialog *self = SC_ROSTER_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_ROSTER_IMPORT_DIALOG);
  g_clear_object (&self->vault);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->roster, sc_roster_free);
  g_clear_pointer (&self->diff, sc_roster_diff_free);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (sc_roster_import_dialog_parent_class)->dispose (object);
}

static void
sc_roster_import_dialog_finalize (GObject *object)
{
  ScRosterImportDialog *self = SC_ROSTER_IMPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (sc_roster_import_dialog_parent_class)->finalize (object);
}

static void
sc_roster_import_dialog_class_init (ScRosterImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = sc_roster_import_dialog_get_property;
  object_class->dispose = sc_roster_import_dialog_dispose;
  object_class->finalize = sc_roster_import_dialog_finalize;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/stresscheck/StressCheck/ui/sc-roster-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ScRosterImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ScRosterImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, ScRosterImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ScRosterImportDialog, problems_scrolled);
  gtk_widget_class_bind_template_child (widget_class, ScRosterImportDialog, problems_list);
  gtk_widget_class_bind_template_child (widget_class, ScRosterImportDialog, rows_scrolled);
  gtk_widget_class_bind_template_child (widget_class, ScRosterImportDialog, missing_box);
  gtk_widget_class_bind_template_child (widget_class, ScRosterImportDialog, missing_label);
  gtk_widget_class_bind_template_child (widget_class, ScRosterImportDialog, keep_check);
  gtk_widget_class_bind_template_child (widget_class, ScRosterImportDialog, mark_left_check);
  gtk_widget_class_bind_template_child (widget_class, ScRosterImportDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, gtk_window_close);
}

static void
sc_roster_import_dialog_init (ScRosterImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->rows = g_list_store_new (SC_TYPE_EMPLOYEE_ITEM);
}
