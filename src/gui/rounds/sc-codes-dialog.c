/* sc-codes-dialog.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-codes-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sc-codes-dialog.h"
#include "sc-compat.h"
#include "sc-report.h"
#include "sc-secure.h"

struct _ScCodesDialog
{
  AdwWindow            parent_instance;

  /* Template children */
  AdwPreferencesGroup *codes_group;
  GtkLabel            *status_label;
  GtkWidget           *save_button;
  GtkWidget           *print_button;

  /* Owned references */
  ScVault             *vault;
  ScReport            *report;

  /* Plain state */
  char                *codes;       /* SECURITY: guarded memory, wiped in dispose */
  guint                n_codes;
  gboolean             busy;
  char                *status;
};

G_DEFINE_FINAL_TYPE (ScCodesDialog, sc_codes_dialog, ADW_TYPE_WINDOW)

static void
set_status (ScCodesDialog *self,
            const char    *message,
            gboolean       error)
{
  g_free (self->status);
  self->status = g_strdup (message);
  gtk_label_set_text (self->status_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static void
set_busy (ScCodesDialog *self,
          gboolean       busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (self->save_button, !busy && self->report != NULL);
  gtk_widget_set_sensitive (self->print_button, !busy && self->report != NULL);
}

static void
on_pdf_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ScCodesDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  set_busy (self, FALSE);
  if (!sc_report_write_pdf_finish (SC_REPORT (source), result, &error))
    set_status (self, error->message, TRUE);
  else
    set_status (self, _("The slips were saved."), FALSE);
}

void
sc_codes_dialog_save_pdf (ScCodesDialog *self,
                          const char    *path)
{
  g_return_if_fail (SC_IS_CODES_DIALOG (self));
  g_return_if_fail (path != NULL);

  if (self->report == NULL || self->busy)
    return;
  set_busy (self, TRUE);
  sc_report_write_pdf_async (self->report, path, NULL, NULL, NULL, on_pdf_written_cb,
                             g_object_ref (self));
}

static void
on_save_chosen_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ScCodesDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = sc_compat_save_file_finish (result, &error);
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  if (path != NULL)
    sc_codes_dialog_save_pdf (self, path);
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_status (self, error->message, TRUE);
}

static void
on_save_button_clicked_cb (GtkButton     *button,
                           ScCodesDialog *self)
{
  /* Translators: the file name proposed for the access-code slips. */
  sc_compat_save_file_async (GTK_WIDGET (self), _("Save Slips as PDF"),
                             _("access-code-slips.pdf"), NULL, NULL, on_save_chosen_cb,
                             g_object_ref (self));
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 ScCodesDialog     *self)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width, height;
  double scale;

  sc_report_get_page_size (self->report, &width, &height);
  scale = MIN (gtk_print_context_get_width (context) / width,
               gtk_print_context_get_height (context) / height);
  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  sc_report_draw_page (self->report, cr, (guint) page);
  cairo_restore (cr);
}

static void
on_print_button_clicked_cb (GtkButton     *button,
                            ScCodesDialog *self)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GError) error = NULL;

  gtk_print_operation_set_n_pages (operation, (int) sc_report_get_n_pages (self->report));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, _("Access-code slips"));
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (on_draw_page_cb), self, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    set_status (self, error->message, TRUE);
}

/* One row per code: who, and the code in large monospace digits. */
static guint
fill_codes (ScCodesDialog       *self,
            AdwPreferencesGroup *group)
{
  g_auto(GStrv) lines = g_strsplit (self->codes, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], ",", 3);
      g_autofree char *who = NULL;
      GtkWidget *row, *code;

      if (g_strv_length (cells) != 3)
        {
          sc_secure_wipe (lines[i], strlen (lines[i]));
          continue;
        }
      row = adw_action_row_new ();
      who = g_strdup_printf ("%s  %s", cells[0], cells[1]);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), who);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      code = gtk_label_new (cells[2]);
      gtk_label_set_selectable (GTK_LABEL (code), TRUE);
      gtk_widget_add_css_class (code, "monospace");
      gtk_widget_add_css_class (code, "title-4");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), code);
      adw_preferences_group_add (group, row);
      /* SECURITY: the split copies are wiped before they are freed. */
      sc_secure_wipe (cells[2], strlen (cells[2]));
      sc_secure_wipe (lines[i], strlen (lines[i]));
      n++;
    }
  return n;
}

static void
build (ScCodesDialog *self,
       gint64         round_id)
{
  g_autoptr(GError) error = NULL;
  ScReportOptions options = { NULL };

  self->n_codes = fill_codes (self, self->codes_group);
  options.codes_csv = self->codes;
  self->report = sc_report_new (self->vault, SC_REPORT_SLIPS, round_id, &options, &error);
  if (self->report == NULL)
    set_status (self, error->message, TRUE);
  set_busy (self, FALSE);
}

static gboolean
sc_codes_dialog_close_request (GtkWindow *window)
{
  /* A PDF being written keeps the dialog (and the codes) until it is done. */
  if (SC_CODES_DIALOG (window)->busy)
    return TRUE;
  return GTK_WINDOW_CLASS (sc_codes_dialog_parent_class)->close_request (window);
}

static void
sc_codes_dialog_dispose (GObject *object)
{
  ScCodesDialog *self = SC_CODES_DIALOG (object);

  /* SECURITY: the only copy of the new codes is wiped with the dialog. (GTK's labels keep
   * their own strings, freed with the widgets.) */
  g_clear_object (&self->report);
  sc_secure_clear ((gpointer *) &self->codes);
  g_clear_object (&self->vault);
  g_clear_pointer (&self->status, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_CODES_DIALOG);

  G_OBJECT_CLASS (sc_codes_dialog_parent_class)->dispose (object);
}

static void
sc_codes_dialog_class_init (ScCodesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_codes_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = sc_codes_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sc-codes-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ScCodesDialog, codes_group);
  gtk_widget_class_bind_template_child (widget_class, ScCodesDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, ScCodesDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ScCodesDialog, print_button);
  gtk_widget_class_bind_template_callback (widget_class, on_save_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_print_button_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sc_codes_dialog_init (ScCodesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sc_codes_dialog_new (ScVault *vault,
                     gint64   round_id,
                     char    *codes)
{
  ScCodesDialog *self;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);
  g_return_val_if_fail (codes != NULL, NULL);

  self = g_object_new (SC_TYPE_CODES_DIALOG, NULL);
  self->vault = g_object_ref (vault);
  self->codes = codes;
  build (self, round_id);
  return GTK_WIDGET (self);
}

guint
sc_codes_dialog_get_n_codes (ScCodesDialog *self)
{
  g_return_val_if_fail (SC_IS_CODES_DIALOG (self), 0);
  return self->n_codes;
}

const char *
sc_codes_dialog_get_status (ScCodesDialog *self)
{
  g_return_val_if_fail (SC_IS_CODES_DIALOG (self), "");
  return self->status != NULL ? self->status : "";
}

gboolean
sc_codes_dialog_get_busy (ScCodesDialog *self)
{
  g_return_val_if_fail (SC_IS_CODES_DIALOG (self), FALSE);
  return self->busy;
}
