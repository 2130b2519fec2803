/* sc-report-preview.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The preview of a PDF report (issue 10 §2): the pages of the PDF the core wrote, rendered
 * with poppler-glib, one page at a time, zoomable (in, out, fit to the window), with the
 * pages as thumbnails in a side strip and "Page n of N".
 */
#pragma once

#include <adwaita.h>
#include <poppler.h>

G_BEGIN_DECLS

#define SC_TYPE_REPORT_PREVIEW (sc_report_preview_get_type ())
G_DECLARE_FINAL_TYPE (ScReportPreview, sc_report_preview, SC, REPORT_PREVIEW, AdwBin)

GtkWidget       *sc_report_preview_new              (void);

/* Shows @document (nullable: nothing), from its first page. */
void             sc_report_preview_set_document     (ScReportPreview *self,
                                                     PopplerDocument *document);
PopplerDocument *sc_report_preview_get_document     (ScReportPreview *self);

guint            sc_report_preview_get_n_pages      (ScReportPreview *self);

/* The page shown, 0-based. */
guint            sc_report_preview_get_page         (ScReportPreview *self);
void             sc_report_preview_set_page         (ScReportPreview *self,
                                                     guint            page);

/* The scale of the page shown (1.0: one point per pixel); in fit mode, the one that fits. */
double           sc_report_preview_get_zoom         (ScReportPreview *self);
gboolean         sc_report_preview_get_fit          (ScReportPreview *self);
void             sc_report_preview_set_fit          (ScReportPreview *self,
                                                     gboolean         fit);
void             sc_report_preview_zoom_in          (ScReportPreview *self);
void             sc_report_preview_zoom_out         (ScReportPreview *self);

/* How many thumbnails the side strip holds. */
guint            sc_report_preview_get_n_thumbnails (ScReportPreview *self);

/* Page @page rendered on white at @scale, as the preview draws it. */
cairo_surface_t *sc_report_preview_render_page      (ScReportPreview *self,
                                                     guint            page,
                                                     double           scale);

G_END_DECLS
