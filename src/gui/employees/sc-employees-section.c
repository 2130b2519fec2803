/* sc-employees-section.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Employees section: the roster list with its search and filters, and the buttons
 * that import, add, edit and mark as left. The dialogs do the editing; this file keeps
 * the list in step with the vault.
 */
#define G_LOG_DOMAIN "sc-employees"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sc-employees-section.h"

#include "sc-compat.h"
#include "sc-employee-dialog.h"
#include "sc-employee-item.h"
#include "sc-load-when-shown.h"
#include "sc-roster-import-dialog.h"
#include "sc-vault-employees.h"

enum
{
  STATUS_ALL,
  STATUS_EMPLOYED,
  STATUS_LEFT,
};

struct _ScEmployeesSection
{
  AdwBin              parent_instance;

  ScVault            *vault;
  GListStore         *store;          /* ScEmployeeItem */
  GtkStringList      *departments;    /* "All departments", then each one */
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  GtkColumnView      *column_view;
  GCancellable       *cancellable;
  char               *search;         /* casefolded, or NULL */
  gboolean            busy;
  gboolean            reloading;

  /* Template children */
  GtkSearchEntry     *search_entry;
  GtkDropDown        *department_dropdown;
  GtkDropDown        *status_dropdown;
  GtkStack           *stack;
  GtkScrolledWindow  *scrolled;
  GtkLabel           *summary_label;
  GtkButton          *left_button;
  GtkButton          *edit_button;
  GtkButton          *add_button;
  GtkButton          *import_button;
};

G_DEFINE_FINAL_TYPE (ScEmployeesSection, sc_employees_section, ADW_TYPE_BIN)

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
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const ScEmployeeColumn list_columns[] = {
  SC_EMPLOYEE_COLUMN_NUMBER,
  SC_EMPLOYEE_COLUMN_NAME,
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

/* ---- State ------------------------------------------------------------------------- */

static ScEmployeeItem *
get_selected (ScEmployeesSection *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_buttons (ScEmployeesSection *self)
{
  ScEmployeeItem *item = get_selected (self);
  gboolean active = item == NULL || sc_employee_item_get_employee (item)->active;

  gtk_widget_set_sensitive (GTK_WIDGET (self->edit_button), !self->busy && item != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->left_button), !self->busy && item != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), !self->busy);
  gtk_button_set_label (self->left_button, active ? _("Mark as _Left") : _("_Undo Left"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->left_button),
                               active ? _("The employee left (退職): kept, but not in new rounds")
                                      : _("The employee is employed again"));
}

static void
set_busy (ScEmployeesSection *self,
          gboolean            busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  update_buttons (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
update_summary (ScEmployeesSection *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint left = 0;
  g_autofree char *total = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScEmployeeItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (!sc_employee_item_get_employee (item)->active)
        left++;
    }
  total = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u employee", "%u employees", n), n);
  /* TRANSLATORS: "12 employees, 2 of them left; 5 shown" */
  text = g_strdup_printf (_("%s, %u of them left; %u shown"), total, left, shown);
  gtk_label_set_text (self->summary_label, text);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

/* ---- Filter ------------------------------------------------------------------------ */

static char *
prepare_search (const char *text)
{
  g_autofree char *normalized = NULL;

  if (text == NULL)
    return NULL;
  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (normalized == NULL)
    return NULL;
  g_strstrip (normalized);
  return *normalized != '\0' ? g_utf8_casefold (normalized, -1) : NULL;
}

static gboolean
matches_search (const char *search,
                const char *text)
{
  g_autofree char *prepared = prepare_search (text);

  return prepared != NULL && strstr (prepared, search) != NULL;
}

static gboolean
filter_item (gpointer object,
             gpointer user_data)
{
  ScEmployeesSection *self = user_data;
  const ScEmployee *e = sc_employee_item_get_employee (object);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint department = gtk_drop_down_get_selected (self->department_dropdown);

  if ((status == STATUS_EMPLOYED && !e->active) || (status == STATUS_LEFT && e->active))
    return FALSE;
  if (department != GTK_INVALID_LIST_POSITION && department > 0
      && g_strcmp0 (e->department,
                    gtk_string_list_get_string (self->departments, department)) != 0)
    return FALSE;
  if (self->search != NULL
      && !matches_search (self->search, e->number)
      && !matches_search (self->search, e->name)
      && !matches_search (self->search, e->kana))
    return FALSE;
  return TRUE;
}

static void
on_filter_changed_cb (ScEmployeesSection *self)
{
  if (self->reloading)
    return;
  g_free (self->search);
  self->search = prepare_search (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_summary (self);
  update_buttons (self);
}

/* ---- Loading ----------------------------------------------------------------------- */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static void
fill_departments (ScEmployeesSection *self,
                  GPtrArray          *employees)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint selected = gtk_drop_down_get_selected (self->department_dropdown);
  g_autofree char *keep = NULL;
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->departments));

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    keep = g_strdup (gtk_string_list_get_string (self->departments, selected));

  for (guint i = 0; i < employees->len; i++)
    {
      const ScEmployee *e = g_ptr_array_index (employees, i);

      if (e->department != NULL && g_hash_table_add (seen, e->department))
        g_ptr_array_add (names, e->department);
    }
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_insert (names, 0, (gpointer) _("All departments"));
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->departments, 0, n_old, (const char * const *) names->pdata);

  selected = 0;
  for (guint i = 1; keep != NULL && i + 1 < names->len; i++)
    if (g_str_equal (keep, g_ptr_array_index (names, i)))
      selected = i;
  gtk_drop_down_set_selected (self->department_dropdown, selected);
}

void
sc_employees_section_reload (ScEmployeesSection *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) employees = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *selected_number = NULL;
  ScEmployeeItem *selected;

  g_return_if_fail (SC_IS_EMPLOYEES_SECTION (self));

  if (sc_load_when_shown_defer (GTK_WIDGET (self)))
    return;
  selected = get_selected (self);
  if (selected != NULL)
    selected_number = g_strdup (sc_employee_item_get_employee (selected)->number);

  employees = sc_vault_list_employees (self->vault, &error);
  if (employees == NULL)
    {
      g_signal_emit (self, signals[SIGNAL_TOAST], 0, error->message);
      return;
    }
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < employees->len; i++)
    g_ptr_array_add (items, sc_employee_item_new (g_ptr_array_index (employees, i),
                                                  SC_EMPLOYEE_CHANGE_NONE, NULL));

  self->reloading = TRUE;
  fill_departments (self, employees);
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
  self->reloading = FALSE;
  on_filter_changed_cb (self);
  if (selected_number != NULL)
    sc_employees_section_select (self, selected_number);
}

/* ---- Actions ----------------------------------------------------------------------- */

static void
on_dialog_done_cb (GtkWidget          *dialog,
                   const char         *message,
                   ScEmployeesSection *self)
{
  sc_employees_section_reload (self);
  g_signal_emit (self, signals[SIGNAL_TOAST], 0, message);
}

static void
on_dialog_busy_cb (GObject            *dialog,
                   GParamSpec         *pspec,
                   ScEmployeesSection *self)
{
  gboolean busy = FALSE;

  g_object_get (dialog, "busy", &busy, NULL);
  set_busy (self, busy);
}

static void
present_dialog (ScEmployeesSection *self,
                GtkWidget          *dialog,
                const char         *done_signal)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, done_signal, G_CALLBACK (on_dialog_done_cb), self, 0);
  g_signal_connect_object (dialog, "notify::busy", G_CALLBACK (on_dialog_busy_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GPtrArray *
list_roster (ScEmployeesSection *self)
{
  GPtrArray *roster = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_employee_free);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScEmployeeItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      g_ptr_array_add (roster, sc_employee_copy (sc_employee_item_get_employee (item)));
    }
  return roster;
}

static void
on_add_clicked_cb (ScEmployeesSection *self)
{
  g_autoptr(GPtrArray) roster = NULL;

  if (self->busy)
    return;
  roster = list_roster (self);
  present_dialog (self, sc_employee_dialog_new (self->vault, NULL, roster), "saved");
}

static void
on_edit_clicked_cb (ScEmployeesSection *self)
{
  g_autoptr(GPtrArray) roster = NULL;
  ScEmployeeItem *item = get_selected (self);

  if (self->busy || item == NULL)
    return;
  roster = list_roster (self);
  present_dialog (self, sc_employee_dialog_new (self->vault, sc_employee_item_get_employee (item),
                                                roster), "saved");
}

static void
on_row_activated_cb (GtkColumnView      *view,
                     guint               position,
                     ScEmployeesSection *self)
{
  on_edit_clicked_cb (self);
}

typedef struct
{
  ScEmployeesSection *self;
  gboolean            active;
} LeftData;

static void
on_left_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  LeftData *data = user_data;
  g_autoptr(ScEmployeesSection) self = data->self;
  g_autoptr(GError) error = NULL;
  gboolean active = data->active;

  g_free (data);
  set_busy (self, FALSE);
  if (!sc_vault_employees_finish (SC_VAULT (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_signal_emit (self, signals[SIGNAL_TOAST], 0, error->message);
      return;
    }
  sc_employees_section_reload (self);
  g_signal_emit (self, signals[SIGNAL_TOAST], 0,
                 active ? _("Employee marked as employed again") : _("Employee marked as left"));
}

static void
on_left_clicked_cb (ScEmployeesSection *self)
{
  ScEmployeeItem *item = get_selected (self);
  LeftData *data;

  if (self->busy || item == NULL)
    return;
  data = g_new0 (LeftData, 1);
  data->self = g_object_ref (self);
  data->active = !sc_employee_item_get_employee (item)->active;
  set_busy (self, TRUE);
  sc_vault_set_employee_active_async (self->vault, sc_employee_item_get_employee (item)->number,
                                      data->active, self->cancellable, on_left_done_cb, data);
}

void
sc_employees_section_import_file (ScEmployeesSection *self,
                                  GFile              *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GPtrArray) roster = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (SC_IS_EMPLOYEES_SECTION (self));
  g_return_if_fail (G_IS_FILE (file));

  /* A roster is small: read at once, and kept only in memory. */
  contents = g_file_load_bytes (file, NULL, NULL, &error);
  if (contents == NULL)
    {
      g_signal_emit (self, signals[SIGNAL_TOAST], 0, error->message);
      return;
    }
  name = g_file_get_basename (file);
  roster = list_roster (self);
  present_dialog (self, sc_roster_import_dialog_new (self->vault, name, contents, roster),
                  "imported");
}

static void
on_file_chosen_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ScEmployeesSection) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = sc_compat_open_file_finish (result, &error);

  if (file == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_signal_emit (self, signals[SIGNAL_TOAST], 0, error->message);
      return;
    }
  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    sc_employees_section_import_file (self, file);
}

static void
on_import_clicked_cb (ScEmployeesSection *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->busy)
    return;
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  sc_compat_open_file_async (GTK_WIDGET (self), _("Import Roster"), filter, self->cancellable,
                             on_file_chosen_cb, g_object_ref (self));
}

/* ---- Public ------------------------------------------------------------------------ */

GtkWidget *
sc_employees_section_new (ScVault *vault)
{
  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  return g_object_new (SC_TYPE_EMPLOYEES_SECTION, "vault", vault, NULL);
}

gboolean
sc_employees_section_get_busy (ScEmployeesSection *self)
{
  g_return_val_if_fail (SC_IS_EMPLOYEES_SECTION (self), FALSE);
  return self->busy;
}

guint
sc_employees_section_get_n_employees (ScEmployeesSection *self)
{
  g_return_val_if_fail (SC_IS_EMPLOYEES_SECTION (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->store));
}

guint
sc_employees_section_get_n_shown (ScEmployeesSection *self)
{
  g_return_val_if_fail (SC_IS_EMPLOYEES_SECTION (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->selection));
}

gboolean
sc_employees_section_select (ScEmployeesSection *self,
                             const char         *number)
{
  guint n;

  g_return_val_if_fail (SC_IS_EMPLOYEES_SECTION (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScEmployeeItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (g_strcmp0 (sc_employee_item_get_employee (item)->number, number) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

/* ---- GObject ----------------------------------------------------------------------- */

static void
sc_employees_section_constructed (GObject *object)
{
  ScEmployeesSection *self = SC_EMPLOYEES_SECTION (object);

  G_OBJECT_CLASS (sc_employees_section_parent_class)->constructed (object);
  /* Filled when first shown (unlock builds every section, and shows one). */
  sc_load_when_shown_init (GTK_WIDGET (self), (ScLoadFunc) sc_employees_section_reload);
}

static void
sc_employees_section_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ScEmployeesSection *self = SC_EMPLOYEES_SECTION (object);

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
sc_employees_section_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ScEmployeesSection *self = SC_EMPLOYEES_SECTION (object);

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
sc_employees_section_dispose (GObject *object)
{
  ScEmployeesSection *self = SC_EMPLOYEES_SECTION (object);

  g_cancellable_cancel (self->cancellable);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_EMPLOYEES_SECTION);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_object (&self->departments);
  g_clear_object (&self->vault);

  G_OBJECT_CLASS (sc_employees_section_parent_class)->dispose (object);
}

static void
sc_employees_section_finalize (GObject *object)
{
  ScEmployeesSection *self = SC_EMPLOYEES_SECTION (object);

  g_clear_object (&self->cancellable);
  g_free (self->search);

  G_OBJECT_CLASS (sc_employees_section_parent_class)->finalize (object);
}

static void
sc_employees_section_class_init (ScEmployeesSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sc_employees_section_constructed;
  object_class->get_property = sc_employees_section_get_property;
  object_class->set_property = sc_employees_section_set_property;
  object_class->dispose = sc_employees_section_dispose;
  object_class->finalize = sc_employees_section_finalize;

  properties[PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL, SC_TYPE_VAULT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/stresscheck/StressCheck/ui/sc-employees-section.ui");
  gtk_widget_class_bind_template_child (widget_class, ScEmployeesSection, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ScEmployeesSection, department_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScEmployeesSection, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScEmployeesSection, stack);
  gtk_widget_class_bind_template_child (widget_class, ScEmployeesSection, scrolled);
  gtk_widget_class_bind_template_child (widget_class, ScEmployeesSection, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ScEmployeesSection, left_button);
  gtk_widget_class_bind_template_child (widget_class, ScEmployeesSection, edit_button);
  gtk_widget_class_bind_template_child (widget_class, ScEmployeesSection, add_button);
  gtk_widget_class_bind_template_child (widget_class, ScEmployeesSection, import_button);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_left_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_edit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked_cb);
}

static void
sc_employees_section_init (ScEmployeesSection *self)
{
  GtkSortListModel *sorted;
  GtkFilterListModel *filtered;

  self->reloading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  self->departments = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->department_dropdown, G_LIST_MODEL (self->departments));

  self->store = g_list_store_new (SC_TYPE_EMPLOYEE_ITEM);
  self->filter = gtk_custom_filter_new (filter_item, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->store)),
                                        GTK_FILTER (g_object_ref (self->filter)));
  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  sc_employee_columns_add (self->column_view, list_columns);
  gtk_column_view_set_show_row_separators (self->column_view, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Employees"), -1);
  g_signal_connect (self->column_view, "activate", G_CALLBACK (on_row_activated_cb), self);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (update_buttons), self);
  gtk_scrolled_window_set_child (self->scrolled, GTK_WIDGET (self->column_view));
  self->reloading = FALSE;
  update_buttons (self);
}
