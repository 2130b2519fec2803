/* sc-test-pdf.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading a generated PDF back with poppler-glib, for the tests of the reports
 * (test-report.c, test-gui-reports.c): the document, its text, and a search in that text
 * that ignores white space, so that a phrase wrapped across lines is still found.
 */
#pragma once

#include <poppler.h>

G_BEGIN_DECLS

/* poppler 22.12 has no autoptr cleanups of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

/* The PDF at @path; fails the test when it does not open. */
PopplerDocument *test_pdf_open     (const char      *path);

/* The text of every page, joined, with white space removed. */
char            *test_pdf_text     (PopplerDocument *doc);

/* Where @needle (white space removed) starts in @text, or -1. */
gssize           test_text_position (const char     *text,
                                     const char     *needle);

/* Whether @text holds @needle, white space in @needle ignored. */
gboolean         test_text_has     (const char      *text,
                                    const char      *needle);

G_END_DECLS
