/* sc-report-output.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where a report made by the core goes from the app (issue 10 §2): into a poppler
 * document for the preview, and to a printer through GtkPrintOperation, each page drawn
 * by sc_report_draw_page(), the code that writes the PDF.
 */
#pragma once

#include <gtk/gtk.h>
#include <poppler.h>

#include "sc-report.h"

G_BEGIN_DECLS

/**
 * sc_report_load_document_async:
 * @progress: (nullable): as for sc_report_write_pdf_async(), called on the writing thread
 *
 * Writes @report's PDF on a worker thread into a private folder of $XDG_RUNTIME_DIR,
 * reads it into memory and removes it, for poppler to render.
 */
void             sc_report_load_document_async  (ScReport            *report,
                                                 GCancellable        *cancellable,
                                                 ScReportProgressFunc progress,
                                                 gpointer             progress_data,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
PopplerDocument *sc_report_load_document_finish (GAsyncResult        *result,
                                                 GError             **error);

/**
 * sc_report_print:
 * @parent: (nullable): the window the print dialog belongs to
 * @export_filename: (nullable): export to this PDF file instead of asking for a printer
 *
 * Prints @report on A4 through GtkPrintOperation, each page drawn by
 * sc_report_draw_page(). Returns what gtk_print_operation_run() returned.
 */
GtkPrintOperationResult sc_report_print        (ScReport            *report,
                                                 GtkWindow           *parent,
                                                 const char          *export_filename,
                                                 GError             **error);

G_END_DECLS
