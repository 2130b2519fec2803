/* sc-reports-section.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-reports-section"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-reports-section.h"
#include "sc-load-when-shown.h"
#include "sc-report-output.h"
#include "sc-vault-releases.h"
#include "sc-workspace.h"

/* The kinds in the order offered, with their names in the app. Access-code slips are not
 * among them: they print only from the codes just issued (the vault keeps hashes), so
 * they belong to the dialog that issues the codes. */
static const struct
{
  ScReportKind  kind;
  const char   *title;  /* N_() */
} kinds[] = {
  { SC_REPORT_INDIVIDUAL, N_("Individual Result Sheets") },
  { SC_REPORT_REMINDERS, N_("Reminder Slips") },
  { SC_REPORT_PARTICIPATION, N_("Participation List") },
  { SC_REPORT_RESULTS, N_("Results List") },
  { SC_REPORT_CONSENTED, N_("Consented Results") },
  { SC_REPORT_GROUP, N_("Group Analysis Report") },
  { SC_REPORT_INTERVIEWS, N_("Interview Records") },
  { SC_REPORT_LABOUR_OFFICE, N_("Labour-Office Figures") },
};

/* The filters of the results list, as the Results section names them. */
static const struct
{
  guint       flag;
  const char *title;    /* N_() */
} filters[] = {
  { SC_RESULT_FILTER_HIGH_STRESS, N_("_High Stress") },
  { SC_RESULT_FILTER_INCOMPLETE, N_("_Incomplete") },
  { SC_RESULT_FILTER_DECISION_PENDING, N_("Decision _Pending") },
  { SC_RESULT_FILTER_CONSENTED, N_("_Consented") },
  { SC_RESULT_FILTER_REQUESTED, N_("Interview _Requested") },
};

enum
{
  PEOPLE_EVERYONE,
  PEOPLE_HIGH_STRESS,
  PEOPLE_CHOSEN,
};

struct _ScReportsSection
{
  AdwBin            parent_instance;

  AdwComboRow      *kind_row;
  AdwComboRow      *language_row;
  AdwPreferencesGroup *scope_group;
  AdwComboRow      *release_row;
  AdwComboRow      *department_row;
  AdwComboRow      *people_row;
  AdwEntryRow      *numbers_row;
  AdwEntryRow      *search_row;
  AdwPreferencesGroup *filter_group;
  GtkLabel         *note_label;
  GtkButton        *preview_button;
  GtkButton        *save_button;
  GtkButton        *print_button;
  GtkWidget        *progress_box;
  GtkProgressBar   *progress_bar;
  GtkButton        *cancel_button;
  GtkStack         *preview_stack;
  ScReportPreview  *preview;

  GtkCheckButton   *filter_checks[G_N_ELEMENTS (filters)];
  GtkStringList    *departments;
  gboolean          has_no_department;

  ScVault          *vault;
  gint64            round_id;
  GArray           *kinds;      /* of ScReportKind, as offered */
  GPtrArray        *releases;   /* ScVaultRelease in force, every round */
  GArray           *release_ids; /* of gint64, as release_row lists them (0: full) */
  ScReport         *report;
  GCancellable     *cancellable;
  GtkFileChooserNative *chooser;
  gboolean          busy;
  gboolean          built;      /* the choices are made (constructed) */

  /* Written by the worker thread, read by the main one. */
  int               progress_page;
  int               progress_pages;
  int               progress_queued;
};

G_DEFINE_FINAL_TYPE (ScReportsSection, sc_reports_section, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_VAULT,
  PROP_ROUND_ID,
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

static void
toast (ScReportsSection *self,
       const char       *message)
{
  g_signal_emit (self, signals[SIGNAL_TOAST], 0, message);
}

static ScReportKind
get_kind (ScReportsSection *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  if (selected >= self->kinds->len)
    return SC_REPORT_PARTICIPATION;
  return g_array_index (self->kinds, ScReportKind, selected);
}

static void
set_busy (ScReportsSection *self,
          gboolean          busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  gtk_widget_set_visible (self->progress_box, busy);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, busy ? _("Starting…") : NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->preview_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->print_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scope_group), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_row), !busy);
  if (!busy)
    g_clear_object (&self->cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Which scope rows the chosen report uses. */
static void
on_kind_changed_cb (ScReportsSection *self)
{
  ScReportKind kind = get_kind (self);
  gboolean individual = kind == SC_REPORT_INDIVIDUAL;
  gboolean reminders = kind == SC_REPORT_REMINDERS;
  gboolean results = kind == SC_REPORT_RESULTS;
  const char *note = NULL;

  if (!self->built)
    return;
  gboolean group = kind == SC_REPORT_GROUP;

  gtk_widget_set_visible (GTK_WIDGET (self->release_row), group);
  /* A released analysis is printed as it was released, whole. */
  gtk_widget_set_visible (GTK_WIDGET (self->department_row),
                          kind != SC_REPORT_LABOUR_OFFICE && !group);
  gtk_widget_set_visible (GTK_WIDGET (self->people_row), individual);
  gtk_widget_set_visible (GTK_WIDGET (self->numbers_row),
                          reminders || (individual && adw_combo_row_get_selected (self->people_row)
                                                      == PEOPLE_CHOSEN));
  gtk_widget_set_visible (GTK_WIDGET (self->search_row), results);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_group), results);
  gtk_widget_set_visible (GTK_WIDGET (self->scope_group), kind != SC_REPORT_LABOUR_OFFICE);

  switch (kind)
    {
    case SC_REPORT_INDIVIDUAL:
      note = _("Every sheet has the same number of pages, the interview request form "
               "included, so that an envelope reveals nothing by its thickness.");
      break;
    case SC_REPORT_REMINDERS:
      note = _("Leave the numbers empty for everyone who has not answered.");
      break;
    case SC_REPORT_LABOUR_OFFICE:
      note = _("The workplace fields come from the settings.");
      break;
    case SC_REPORT_GROUP:
      if (self->release_ids->len == 0)
        note = _("No analysis of this round has been released yet.");
      break;
    default:
      break;
    }
  gtk_label_set_text (self->note_label, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL);
}

/* Departments */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
reload_departments (ScReportsSection *self)
{
  g_autoptr(GPtrArray) participants = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (sc_load_when_shown_defer (GTK_WIDGET (self)))
    return;
  self->has_no_department = FALSE;
  if (self->round_id > 0)
    participants = sc_vault_list_participation (self->vault, self->round_id, NULL);
  for (guint i = 0; participants != NULL && i < participants->len; i++)
    {
      ScParticipant *participant = g_ptr_array_index (participants, i);

      if (participant->department == NULL || *participant->department == '\0')
        self->has_no_department = TRUE;
      else if (g_hash_table_add (seen, participant->department))
        g_ptr_array_add (names, participant->department);
    }
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_insert (names, 0, _("All Departments"));
  if (self->has_no_department)
    g_ptr_array_add (names, _("No Department"));
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->departments, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->departments)),
                          (const char * const *) names->pdata);
  adw_combo_row_set_selected (self->department_row, 0);
}

/* The releases in force, of every round. */
static void
load_releases (ScReportsSection *self)
{
  g_clear_pointer (&self->releases, g_ptr_array_unref);
  self->releases = sc_vault_list_releases (self->vault, NULL);
  for (guint i = 0; self->releases != NULL && i < self->releases->len; i++)
    if (((ScVaultRelease *) g_ptr_array_index (self->releases, i))->withdrawn_at != 0)
      g_ptr_array_remove_index (self->releases, i--);
}

/* The analyses of the round: for the implementer the full one, then those released; for
 * HR the released ones only. */
static void
reload_releases (ScReportsSection *self)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);

  g_array_set_size (self->release_ids, 0);
  if (sc_report_kind_allowed (SC_REPORT_GROUP, sc_vault_get_role (self->vault)))
    {
      gint64 full = 0;

      g_array_append_val (self->release_ids, full);
      gtk_string_list_append (titles, _("Full analysis (implementer)"));
    }
  for (guint i = 0; self->releases != NULL && i < self->releases->len; i++)
    {
      const ScVaultRelease *r = g_ptr_array_index (self->releases, i);
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (r->released_at);
      g_autofree char *date = when != NULL ? g_date_time_format (when, "%x") : g_strdup ("");
      g_autofree char *title = NULL;

      if (r->round_id != self->round_id)
        continue;
      /* Translators: a released group analysis: its title, the date and who released it. */
      title = g_strdup_printf (_("%s (released on %s by %s)"), r->title, date, r->released_by);
      g_array_append_val (self->release_ids, r->id);
      gtk_string_list_append (titles, title);
    }
  adw_combo_row_set_model (self->release_row, G_LIST_MODEL (titles));
  adw_combo_row_set_selected (self->release_row, 0);
}

/* NULL for every department, "" for people without one. */
static const char *
get_department (ScReportsSection *self)
{
  guint selected = adw_combo_row_get_selected (self->department_row);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->departments));

  if (selected == 0 || selected >= n)
    return NULL;
  if (self->has_no_department && selected == n - 1)
    return "";
  return gtk_string_list_get_string (self->departments, selected);
}

/* Making the report */

static GStrv
parse_numbers (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text, ",、 \t\n", -1);
  g_autoptr(GPtrArray) numbers = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_ptr_array_add (numbers, g_strdup (parts[i]));
  if (numbers->len == 0)
    return NULL;
  g_ptr_array_add (numbers, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&numbers), FALSE);
}

static ScReport *
make_report (ScReportsSection  *self,
             GError           **error)
{
  ScReportKind kind = get_kind (self);
  ScReportOptions options = { 0 };
  g_auto(GStrv) numbers = NULL;
  guint people = adw_combo_row_get_selected (self->people_row);

  if (self->round_id <= 0)
    {
      g_set_error_literal (error, SC_REPORT_ERROR, SC_REPORT_ERROR_EMPTY,
                           _("There is no round to report on yet."));
      return NULL;
    }
  options.language = adw_combo_row_get_selected (self->language_row) == 1 ? "en" : "ja";
  if (kind != SC_REPORT_LABOUR_OFFICE && kind != SC_REPORT_GROUP)
    options.department = get_department (self);
  if (kind == SC_REPORT_GROUP
      && adw_combo_row_get_selected (self->release_row) < self->release_ids->len)
    options.release_id = g_array_index (self->release_ids, gint64,
                                        adw_combo_row_get_selected (self->release_row));
  if (kind == SC_REPORT_REMINDERS || (kind == SC_REPORT_INDIVIDUAL && people == PEOPLE_CHOSEN))
    {
      numbers = parse_numbers (gtk_editable_get_text (GTK_EDITABLE (self->numbers_row)));
      if (numbers == NULL && kind == SC_REPORT_INDIVIDUAL)
        {
          g_set_error_literal (error, SC_REPORT_ERROR, SC_REPORT_ERROR_INVALID,
                               _("Type the employee numbers of the sheets to print."));
          return NULL;
        }
      options.numbers = (const char * const *) numbers;
    }
  if (kind == SC_REPORT_INDIVIDUAL && people == PEOPLE_HIGH_STRESS)
    options.filter = SC_RESULT_FILTER_HIGH_STRESS;
  if (kind == SC_REPORT_RESULTS)
    {
      for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
        if (gtk_check_button_get_active (self->filter_checks[i]))
          options.filter |= filters[i].flag;
      options.search = gtk_editable_get_text (GTK_EDITABLE (self->search_row));
    }
  return sc_report_new (self->vault, kind, self->round_id, &options, error);
}

/* Makes the report for a preview, save or print; FALSE with a toast when it cannot be. */
static gboolean
prepare_report (ScReportsSection *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->report);
  self->report = make_report (self, &error);
  if (self->report == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The report could not be made: %s"),
                                                  error->message);

      toast (self, message);
      return FALSE;
    }
  return TRUE;
}

/* Progress, from the writing thread */

static gboolean
update_progress_cb (gpointer user_data)
{
  ScReportsSection *self = user_data;
  int page = g_atomic_int_get (&self->progress_page);
  int pages = g_atomic_int_get (&self->progress_pages);
  g_autofree char *text = NULL;

  g_atomic_int_set (&self->progress_queued, 0);
  if (self->vault == NULL || !self->busy || pages <= 0)
    return G_SOURCE_REMOVE;
  text = g_strdup_printf (_("Page %u of %u"), (guint) page, (guint) pages);
  gtk_progress_bar_set_fraction (self->progress_bar, (double) page / pages);
  gtk_progress_bar_set_text (self->progress_bar, text);
  return G_SOURCE_REMOVE;
}

static void
progress_cb (guint    page,
             guint    n_pages,
             gpointer user_data)
{
  ScReportsSection *self = user_data;

  g_atomic_int_set (&self->progress_page, (int) page);
  g_atomic_int_set (&self->progress_pages, (int) n_pages);
  /* One update waiting at a time: a batch of a thousand pages does not flood the loop. */
  if (g_atomic_int_compare_and_exchange (&self->progress_queued, 0, 1))
    g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, update_progress_cb,
                                g_object_ref (self), g_object_unref);
}

static void
start_job (ScReportsSection *self)
{
  g_atomic_int_set (&self->progress_page, 0);
  g_atomic_int_set (&self->progress_pages, 0);
  set_busy (self, TRUE);
  self->cancellable = g_cancellable_new ();
}

/* Preview */

static void
on_document_loaded_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(ScReportsSection) self = user_data;
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = sc_report_load_document_finish (result, &error);

  /* A section closed meanwhile (its window gone) has nothing left to show it in. */
  if (self->vault == NULL)
    {
      g_clear_object (&document);
      return;
    }
  set_busy (self, FALSE);
  if (document == NULL)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        message = g_strdup (_("Preview cancelled"));
      else
        message = g_strdup_printf (_("The preview could not be made: %s"), error->message);
      toast (self, message);
      return;
    }
  sc_report_preview_set_document (self->preview, document);
  g_object_unref (document);
  gtk_stack_set_visible_child_name (self->preview_stack, "preview");
}

void
sc_reports_section_preview (ScReportsSection *self)
{
  g_return_if_fail (SC_IS_REPORTS_SECTION (self));

  if (self->busy || !prepare_report (self))
    return;
  start_job (self);
  sc_report_load_document_async (self->report, self->cancellable, progress_cb, self,
                                 on_document_loaded_cb, g_object_ref (self));
}

/* Save */

static void
on_saved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ScReportsSection) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean written = sc_report_write_pdf_finish (SC_REPORT (source), result, &error);

  if (self->vault == NULL)
    return;
  set_busy (self, FALSE);
  if (written)
    {
      /* The audit entry names the round, never a person or the file. */
      if (!sc_vault_audit_append (self->vault, "report.export", self->round_id, &error))
        message = g_strdup_printf (_("The report was saved, but the audit log could not "
                                     "record it: %s"), error->message);
      else
        message = g_strdup (_("Report saved"));
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    message = g_strdup (_("Saving cancelled; no file was written"));
  else
    message = g_strdup_printf (_("The report could not be saved: %s"), error->message);
  toast (self, message);
}

void
sc_reports_section_save_to_file (ScReportsSection *self,
                                 GFile            *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (SC_IS_REPORTS_SECTION (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->busy || !prepare_report (self))
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      toast (self, _("The report can only be saved to a local file."));
      return;
    }
  start_job (self);
  sc_report_write_pdf_async (self->report, path, self->cancellable, progress_cb, self,
                             on_saved_cb, g_object_ref (self));
}

static void
on_chooser_response_cb (GtkNativeDialog  *dialog,
                        int               response,
                        ScReportsSection *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->chooser);
  if (file != NULL)
    sc_reports_section_save_to_file (self, file);
}

static void
on_save_clicked_cb (ScReportsSection *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();
  g_autofree char *name = g_strdup_printf ("%s.pdf", sc_report_kind_to_string (get_kind (self)));

  if (self->busy || self->chooser != NULL)
    return;
  /* The native chooser goes through the file chooser portal under Flatpak. */
  self->chooser = gtk_file_chooser_native_new (_("Save Report"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (pdf, _("PDF files"));
  gtk_file_filter_add_mime_type (pdf, "application/pdf");
  gtk_file_filter_add_suffix (pdf, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), pdf);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

GtkFileChooser *
sc_reports_section_get_chooser (ScReportsSection *self)
{
  g_return_val_if_fail (SC_IS_REPORTS_SECTION (self), NULL);
  return self->chooser != NULL ? GTK_FILE_CHOOSER (self->chooser) : NULL;
}

void
sc_reports_section_cancel (ScReportsSection *self)
{
  g_return_if_fail (SC_IS_REPORTS_SECTION (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/* Print */

gboolean
sc_reports_section_print (ScReportsSection *self,
                          const char       *export_filename)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (SC_IS_REPORTS_SECTION (self), FALSE);

  if (self->busy || !prepare_report (self))
    return FALSE;
  result = sc_report_print (self->report, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                            export_filename, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *message = g_strdup_printf (_("The report could not be printed: %s"),
                                                  error != NULL ? error->message : "");

      toast (self, message);
      return FALSE;
    }
  if (result != GTK_PRINT_OPERATION_RESULT_APPLY)
    return FALSE;
  if (!sc_vault_audit_append (self->vault, "report.print", self->round_id, &error))
    g_warning ("The audit log could not record a printout: %s", error->message);
  toast (self, _("Report sent to the printer"));
  return TRUE;
}

static void
on_print_clicked_cb (ScReportsSection *self)
{
  sc_reports_section_print (self, NULL);
}

/* Choosing */

GArray *
sc_reports_section_list_kinds (ScReportsSection *self)
{
  g_return_val_if_fail (SC_IS_REPORTS_SECTION (self), NULL);
  return g_array_ref (self->kinds);
}

ScReportKind
sc_reports_section_get_kind (ScReportsSection *self)
{
  g_return_val_if_fail (SC_IS_REPORTS_SECTION (self), SC_REPORT_PARTICIPATION);
  return get_kind (self);
}

gboolean
sc_reports_section_select_kind (ScReportsSection *self,
                                ScReportKind      kind)
{
  g_return_val_if_fail (SC_IS_REPORTS_SECTION (self), FALSE);

  for (guint i = 0; i < self->kinds->len; i++)
    if (g_array_index (self->kinds, ScReportKind, i) == kind)
      {
        adw_combo_row_set_selected (self->kind_row, i);
        on_kind_changed_cb (self);
        return TRUE;
      }
  return FALSE;
}

gboolean
sc_reports_section_show_release (ScReportsSection *self,
                                 gint64            release_id)
{
  g_return_val_if_fail (SC_IS_REPORTS_SECTION (self), FALSE);

  if (!sc_reports_section_select_kind (self, SC_REPORT_GROUP))
    return FALSE;
  /* A release made since the section was built is listed too. */
  load_releases (self);
  reload_releases (self);
  on_kind_changed_cb (self);
  for (guint i = 0; i < self->release_ids->len; i++)
    if (g_array_index (self->release_ids, gint64, i) == release_id)
      {
        adw_combo_row_set_selected (self->release_row, i);
        return TRUE;
      }
  return FALSE;
}

void
sc_reports_section_show_reminders (ScReportsSection   *self,
                                   const char * const *numbers)
{
  g_autofree char *text = NULL;

  g_return_if_fail (SC_IS_REPORTS_SECTION (self));

  if (!sc_reports_section_select_kind (self, SC_REPORT_REMINDERS))
    return;
  text = numbers != NULL ? g_strjoinv (", ", (char **) numbers) : g_strdup ("");
  gtk_editable_set_text (GTK_EDITABLE (self->numbers_row), text);
  adw_combo_row_set_selected (self->department_row, 0);
}

void
sc_reports_section_show_results (ScReportsSection *self,
                                 guint             filter,
                                 const char       *search)
{
  g_return_if_fail (SC_IS_REPORTS_SECTION (self));

  if (!sc_reports_section_select_kind (self, SC_REPORT_RESULTS))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    gtk_check_button_set_active (self->filter_checks[i], (filter & filters[i].flag) != 0);
  gtk_editable_set_text (GTK_EDITABLE (self->search_row), search != NULL ? search : "");
  adw_combo_row_set_selected (self->department_row, 0);
}

gboolean
sc_reports_section_get_busy (ScReportsSection *self)
{
  g_return_val_if_fail (SC_IS_REPORTS_SECTION (self), FALSE);
  return self->busy;
}

ScReportPreview *
sc_reports_section_get_preview (ScReportsSection *self)
{
  g_return_val_if_fail (SC_IS_REPORTS_SECTION (self), NULL);
  return self->preview;
}

ScReport *
sc_reports_section_get_report (ScReportsSection *self)
{
  g_return_val_if_fail (SC_IS_REPORTS_SECTION (self), NULL);
  return self->report;
}

static void
set_round_id (ScReportsSection *self,
              gint64            round_id)
{
  if (self->round_id == round_id)
    return;
  self->round_id = round_id;
  if (self->built)
    {
      reload_departments (self);
      reload_releases (self);
      on_kind_changed_cb (self);
      sc_report_preview_set_document (self->preview, NULL);
      gtk_stack_set_visible_child_name (self->preview_stack, "empty");
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROUND_ID]);
}

/* GObject */

static void
build_choices (ScReportsSection *self)
{
  ScVaultRole role = sc_vault_get_role (self->vault);
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);

  /* HR is offered the group report when the implementer has released an analysis. */
  load_releases (self);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (sc_report_kind_allowed (kinds[i].kind, role)
        || (kinds[i].kind == SC_REPORT_GROUP && sc_report_release_allowed (role)
            && self->releases != NULL && self->releases->len > 0))
      {
        g_array_append_val (self->kinds, kinds[i].kind);
        gtk_string_list_append (titles, _(kinds[i].title));
      }
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (titles));

  adw_combo_row_set_model (self->department_row, G_LIST_MODEL (self->departments));
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(filters[i].title));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      row, NULL, -1);
      self->filter_checks[i] = GTK_CHECK_BUTTON (check);
      adw_preferences_group_add (self->filter_group, row);
    }
  self->built = TRUE;
  reload_departments (self);
  reload_releases (self);
  on_kind_changed_cb (self);
}

static void
sc_reports_section_constructed (GObject *object)
{
  ScReportsSection *self = SC_REPORTS_SECTION (object);

  G_OBJECT_CLASS (sc_reports_section_parent_class)->constructed (object);

  g_return_if_fail (self->vault != NULL);
  /* The departments are listed when the section is first shown (unlock builds every
   * section, and shows one). */
  sc_load_when_shown_init (GTK_WIDGET (self), (ScLoadFunc) reload_departments);
  build_choices (self);
}

static void
sc_reports_section_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ScReportsSection *self = SC_REPORTS_SECTION (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      g_value_set_object (value, self->vault);
      break;
    case PROP_ROUND_ID:
      g_value_set_int64 (value, self->round_id);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_reports_section_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ScReportsSection *self = SC_REPORTS_SECTION (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      self->vault = g_value_dup_object (value);
      break;
    case PROP_ROUND_ID:
      set_round_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_reports_section_dispose (GObject *object)
{
  ScReportsSection *self = SC_REPORTS_SECTION (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_REPORTS_SECTION);
  g_clear_object (&self->departments);
  g_clear_object (&self->report);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->vault);
  g_clear_pointer (&self->kinds, g_array_unref);
  g_clear_pointer (&self->releases, g_ptr_array_unref);
  g_clear_pointer (&self->release_ids, g_array_unref);

  G_OBJECT_CLASS (sc_reports_section_parent_class)->dispose (object);
}

static void
sc_reports_section_class_init (ScReportsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sc_reports_section_constructed;
  object_class->get_property = sc_reports_section_get_property;
  object_class->set_property = sc_reports_section_set_property;
  object_class->dispose = sc_reports_section_dispose;

  properties[PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL, SC_TYPE_VAULT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROUND_ID] =
    g_param_spec_int64 ("round-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                        G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (SC_TYPE_REPORT_PREVIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/stresscheck/StressCheck/ui/sc-reports-section.ui");
  gtk_widget_class_bind_template_child (widget_class, ScReportsSection, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ScReportsSection, language_row);
  gtk_widget_class_bind_template_child (widget_class, ScReportsSection, scope_group);
  gtk_widget_class_bind_template_child (widget_class, ScReportsSection, release_row);
  gtk_widget_class_bind_template_child (widget_class, ScReportsSection, department_row);
  gtk_widget_class_bind_template_child (widget_class, ScReportsSection, people_row);
  gtk_widget_class_bind_template_child (widget_class, ScReportsSection, numbers_row);
  gtk_widget_class_bind_template_child (widget_class, ScReportsSection, search_row);
  gtk_widget_class_bind_template_child (widget_class, ScReportsSection, filter_group);
  gtk_widget_class_bind_template_child (widget_class, ScReportsSection, note_label);
  gtk_widget_class_bind_template_child (widget_class, ScReportsSection, preview_button);
  gtk_widget_class_bind_template_child (widget_class, ScReportsSection, save_button);
  gtk_widget_class_bind_template_child (widget_class, ScReportsSection, print_button);
  gtk_widget_class_bind_template_child (widget_class, ScReportsSection, progress_box);
  gtk_widget_class_bind_template_child (widget_class, ScReportsSection, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ScReportsSection, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, ScReportsSection, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, ScReportsSection, preview);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sc_reports_section_preview);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_print_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, sc_reports_section_cancel);
}

static void
sc_reports_section_init (ScReportsSection *self)
{
  self->kinds = g_array_new (FALSE, FALSE, sizeof (ScReportKind));
  self->release_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->departments = gtk_string_list_new (NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sc_reports_section_new (ScVault *vault,
                        gint64   round_id)
{
  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  return g_object_new (SC_TYPE_REPORTS_SECTION, "vault", vault, "round-id", round_id, NULL);
}
