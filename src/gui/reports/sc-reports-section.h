/* sc-reports-section.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Reports section (issue 10 §2): choose a report the role may print and its scope
 * (the workspace's round; a department; for individual sheets everyone, high stress or
 * chosen numbers; Japanese or English), preview its pages (sc-report-preview.h), save it
 * as a PDF through a file chooser (the portal under Flatpak), with progress and Cancel,
 * and print it. The core makes and draws the report (sc-report.h); the section only
 * forwards the choice.
 */
#pragma once

#include <adwaita.h>

#include "sc-report.h"
#include "sc-report-preview.h"
#include "sc-vault.h"

G_BEGIN_DECLS

#define SC_TYPE_REPORTS_SECTION (sc_reports_section_get_type ())
G_DECLARE_FINAL_TYPE (ScReportsSection, sc_reports_section, SC, REPORTS_SECTION, AdwBin)

GtkWidget       *sc_reports_section_new            (ScVault          *vault,
                                                    gint64            round_id);

/* The report kinds offered, in order (those the role may print). */
GArray          *sc_reports_section_list_kinds     (ScReportsSection *self);

/* The report chosen. */
ScReportKind     sc_reports_section_get_kind       (ScReportsSection *self);

/* Chooses @kind; FALSE when it is not offered. */
gboolean         sc_reports_section_select_kind    (ScReportsSection *self,
                                                    ScReportKind      kind);

/* The group report of release @release_id (sc-vault-releases.h); FALSE when it is not
 * offered (withdrawn, or of another round). */
gboolean         sc_reports_section_show_release   (ScReportsSection *self,
                                                    gint64            release_id);

/* Reminder slips for @numbers (the non-responders chosen in Participation). */
void             sc_reports_section_show_reminders (ScReportsSection   *self,
                                                    const char * const *numbers);

/* The results list with the Results section's filter (SC_RESULT_FILTER_*) and search. */
void             sc_reports_section_show_results   (ScReportsSection *self,
                                                    guint             filter,
                                                    const char       *search);

/* Makes the chosen report and shows its pages (asynchronously; see busy). */
void             sc_reports_section_preview        (ScReportsSection *self);

/* What Save does once the file chooser answered: writes the chosen report to @file on a
 * worker thread, with progress; a toast tells how it went. */
void             sc_reports_section_save_to_file   (ScReportsSection *self,
                                                    GFile            *file);

/* The file chooser Save opened and that is still open, or %NULL. */
GtkFileChooser  *sc_reports_section_get_chooser    (ScReportsSection *self);

/* Stops the preview or save under way; a cancelled save leaves no file. */
void             sc_reports_section_cancel         (ScReportsSection *self);

/* Prints the chosen report; with @export_filename, to that PDF file without a dialog. */
gboolean         sc_reports_section_print          (ScReportsSection *self,
                                                    const char       *export_filename);

gboolean         sc_reports_section_get_busy       (ScReportsSection *self);
ScReportPreview *sc_reports_section_get_preview    (ScReportsSection *self);

/* The report last made for a preview, save or print, or %NULL. */
ScReport        *sc_reports_section_get_report     (ScReportsSection *self);

G_END_DECLS
