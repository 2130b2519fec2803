/* sc-report-output.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-report-output"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <glib/gstdio.h>

#include "sc-report-output.h"

typedef struct
{
  char *dir;
  char *path;
} LoadData;

static void
load_data_free (LoadData *data)
{
  /* SECURITY: the preview PDF holds health data; whatever happened, it does not stay on
   * disk (the write removes its own partial file; this removes the finished one). */
  if (data->path != NULL)
    g_unlink (data->path);
  if (data->dir != NULL)
    g_rmdir (data->dir);
  g_free (data->path);
  g_free (data->dir);
  g_free (data);
}

static void
on_written_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LoadData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  PopplerDocument *document;

  if (!sc_report_write_pdf_finish (SC_REPORT (source), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  mapped = g_mapped_file_new (data->path, FALSE, &error);
  if (mapped == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* A copy in memory: the file goes as soon as the task data is freed. */
  bytes = g_bytes_new (g_mapped_file_get_contents (mapped), g_mapped_file_get_length (mapped));
  document = poppler_document_new_from_bytes (bytes, NULL, &error);
  if (document == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, document, g_object_unref);
}

void
sc_report_load_document_async (ScReport            *report,
                               GCancellable        *cancellable,
                               ScReportProgressFunc progress,
                               gpointer             progress_data,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (SC_IS_REPORT (report));

  task = g_task_new (report, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_report_load_document_async);
  data = g_new0 (LoadData, 1);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);

  /* SECURITY: a folder only this user may enter, in the per-user runtime directory (a
   * tmpfs on most systems), so that the PDF with health data never reaches a disk that
   * others read, nor outlives the session. */
  data->dir = g_build_filename (g_get_user_runtime_dir (), "stresscheck-preview-XXXXXX", NULL);
  if (g_mkdtemp_full (data->dir, 0700) == NULL)
    {
      int saved = errno;

      g_clear_pointer (&data->dir, g_free);
      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved),
                               _("No private folder for the preview: %s"), g_strerror (saved));
      return;
    }
  data->path = g_build_filename (data->dir, "preview.pdf", NULL);
  sc_report_write_pdf_async (report, data->path, cancellable, progress, progress_data,
                             on_written_cb, g_object_ref (task));
}

PopplerDocument *
sc_report_load_document_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Printing */

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 ScReport          *report)
{
  sc_report_draw_page (report, gtk_print_context_get_cairo_context (context), (guint) page);
}

GtkPrintOperationResult
sc_report_print (ScReport    *report,
                 GtkWindow   *parent,
                 const char  *export_filename,
                 GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  g_return_val_if_fail (SC_IS_REPORT (report), GTK_PRINT_OPERATION_RESULT_ERROR);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* The core draws in points from the corner of the sheet, margins included. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_n_pages (operation, (int) sc_report_get_n_pages (report));
  gtk_print_operation_set_job_name (operation, _("Stress Check report"));
  gtk_print_operation_set_embed_page_setup (operation, FALSE);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), report);
  if (export_filename != NULL)
    {
      gtk_print_operation_set_export_filename (operation, export_filename);
      return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, parent,
                                      error);
    }
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent,
                                  error);
}
