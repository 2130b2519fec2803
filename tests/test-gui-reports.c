/* test-gui-reports.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Reports section (issue 10 §2) on the workspace test round (sc-test-workspace.h). The
 * implementer is offered every report but the access-code slips (printed where codes are
 * issued); HR only the ones its role may print. A preview renders the PDF with poppler:
 * as many pages and thumbnails as the report has, pages not blank, zoom in, out and fit.
 * Save goes through the file chooser to the file chosen (PDF read back, audit entry);
 * a cancelled batch leaves no file; printing exports through GtkPrintOperation to a PDF
 * that poppler reads. Reminder slips open from the workspace for the people kept under
 * Participation. Screenshots at 1024×768, 1920×1080 and text scale 1.5 (reports-*.png).
 */
#define G_LOG_DOMAIN "test-gui-reports"

#include "config.h"

#include "sc-test-gui-util.h"
#include "sc-test-section.h"
#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "sc-test-workspace.h"
#include "sc-reports-section.h"
#include "sc-group-table.h"
#include "sc-vault-releases.h"
#include "sc-test-pdf.h"
#include "sc-workspace-frame.h"

#define DPI_NORMAL (96 * 1024)
#define DPI_LARGE  (144 * 1024)

static gboolean
section_idle (gpointer data)
{
  return !sc_reports_section_get_busy (data);
}

/* How many pixels of @surface are not white. */
static guint
count_ink (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data;
  guint ink = 0;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if ((*(const guint32 *) (data + y * stride + x * 4) & 0xffffff) != 0xffffff)
        ink++;
  return ink;
}

/* Lays out and draws twice: the fitted zoom is known once the page has its size. */
static void
settle (GtkWidget *widget)
{
  for (guint i = 0; i < 2; i++)
    {
      wait_for_frame (widget);
      iterate_until_idle ();
    }
}

/* NAME-scale-1.5-1024x768, then NAME-1920x1080 (in a new window, returned). */
static GtkWindow *
screenshots_larger (GtkWindow  *window,
                    GtkWidget  *section,
                    const char *name)
{
  g_autofree char *large = g_strdup_printf ("%s-scale-1.5-1024x768", name);
  g_autofree char *wide = g_strdup_printf ("%s-1920x1080", name);

  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", DPI_LARGE, NULL);
  settle (section);
  save_screenshot (GTK_WIDGET (window), large);
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", DPI_NORMAL, NULL);
  window = move_to_window (window, section, 1920, 1080);
  settle (section);
  save_screenshot (GTK_WIDGET (window), wide);
  return window;
}

static void
preview_and_wait (GtkWidget *section)
{
  click (find_button (section, T("_Preview")));
  wait_until (section_idle, section);
}

static gboolean
kinds_contain (GArray       *kinds,
               ScReportKind  kind)
{
  for (guint i = 0; i < kinds->len; i++)
    if (g_array_index (kinds, ScReportKind, i) == kind)
      return TRUE;
  return FALSE;
}

/* The kinds offered are the ones the role may print, slips aside; the combo shows them. */
static void
check_kinds (GtkWidget   *section,
             ScVaultRole  role)
{
  g_autoptr(GArray) kinds = sc_reports_section_list_kinds (SC_REPORTS_SECTION (section));
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint expected = 0;

  for (ScReportKind kind = 0; kind < SC_REPORT_N_KINDS; kind++)
    {
      gboolean offered = sc_report_kind_allowed (kind, role) && kind != SC_REPORT_SLIPS;

      g_assert_cmpint (kinds_contain (kinds, kind), ==, offered);
      expected += offered;
    }
  g_assert_cmpuint (kinds->len, ==, expected);
  collect_descendants (section, ADW_TYPE_COMBO_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), T("Report")) == 0)
      g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (g_ptr_array_index (rows, i))),
                        ==, kinds->len);
}

static gboolean
chooser_has_path (gpointer data)
{
  GtkFileChooser *chooser = sc_reports_section_get_chooser (g_object_get_data (data, "section"));
  g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  return g_strcmp0 (path, g_object_get_data (data, "path")) == 0;
}

/* Save: the button opens the chooser; the chooser's answer writes the file. */
static void
save_through_chooser (GtkWidget  *section,
                      const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  GtkFileChooser *chooser;

  click (find_button (section, T("_Save…")));
  chooser = sc_reports_section_get_chooser (SC_REPORTS_SECTION (section));
  g_assert_nonnull (chooser);
  g_assert_true (gtk_file_chooser_set_current_folder (chooser, folder, NULL));
  gtk_file_chooser_set_current_name (chooser, name);
  /* The chooser changes folder as it loads it. */
  {
    g_autoptr(GObject) probe = g_object_new (G_TYPE_OBJECT, NULL);

    g_object_set_data (probe, "section", section);
    g_object_set_data (probe, "path", (gpointer) path);
    wait_until (chooser_has_path, probe);
  }
  g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_ACCEPT);
  g_assert_null (sc_reports_section_get_chooser (SC_REPORTS_SECTION (section)));
}

static void
test_reports_implementer (WsFixture     *f,
                          gconstpointer  data)
{
  g_autoptr(ScVault) vault = ws_open (f, IMPL_PASS);
  g_autofree char *saved = g_build_filename (f->dir, "sheets.pdf", NULL);
  g_autofree char *batch = g_build_filename (f->dir, "batch.pdf", NULL);
  g_autofree char *printed = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *page_label = NULL;
  cairo_surface_t *surface;
  PopplerDocument *doc;
  ScReportsSection *reports;
  ScReportPreview *preview;
  GtkWidget *section;
  GtkWindow *window;
  guint n_pages;
  double zoom;

  section = sc_reports_section_new (vault, f->round_id);
  reports = SC_REPORTS_SECTION (section);
  preview = sc_reports_section_get_preview (reports);
  watch_toasts (section);
  watch_finalize (section);
  window = show_in_window (section, 1024, 768);
  check_kinds (section, SC_VAULT_ROLE_IMPLEMENTER);
  assert_controls_named (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "reports-empty-1024x768");

  /* Individual sheets for everyone: four people, three pages each. */
  g_assert_true (sc_reports_section_select_kind (reports, SC_REPORT_INDIVIDUAL));
  preview_and_wait (section);
  n_pages = sc_report_get_n_pages (sc_reports_section_get_report (reports));
  g_assert_cmpuint (n_pages, ==, 4 * 3);
  g_assert_cmpuint (sc_report_preview_get_n_pages (preview), ==, n_pages);
  g_assert_cmpint (poppler_document_get_n_pages (sc_report_preview_get_document (preview)), ==,
                   (int) n_pages);
  g_assert_cmpuint (sc_report_preview_get_n_thumbnails (preview), ==, n_pages);
  surface = sc_report_preview_render_page (preview, 0, 0.5);
  g_assert_cmpuint (count_ink (surface), >, 1000);
  cairo_surface_destroy (surface);
  settle (section);
  /* The zoom shown is the fitted one. */
  {
    g_autofree char *percent = g_strdup_printf ("%.0f%%", sc_report_preview_get_zoom (preview) * 100);

    g_assert_cmpfloat (sc_report_preview_get_zoom (preview), <, 1.0);
    g_assert_true (shows_label (GTK_WIDGET (preview), percent));
  }
  assert_controls_named (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "reports-1024x768");

  /* Page n of N follows the thumbnails. */
  sc_report_preview_set_page (preview, 2);
  g_assert_cmpuint (sc_report_preview_get_page (preview), ==, 2);
  page_label = g_strdup_printf (T("Page %u of %u"), 3, n_pages);
  g_assert_true (shows_label (GTK_WIDGET (preview), page_label));

  /* Zoom: fit, then in and out by steps, then fit again. */
  g_assert_true (sc_report_preview_get_fit (preview));
  zoom = sc_report_preview_get_zoom (preview);
  g_assert_cmpfloat (zoom, >, 0);
  click (find_button_with_action (GTK_WIDGET (preview), "preview.zoom-in"));
  g_assert_false (sc_report_preview_get_fit (preview));
  g_assert_cmpfloat (sc_report_preview_get_zoom (preview), >, zoom);
  click (find_button_with_action (GTK_WIDGET (preview), "preview.zoom-out"));
  click (find_button_with_action (GTK_WIDGET (preview), "preview.zoom-out"));
  g_assert_cmpfloat (sc_report_preview_get_zoom (preview), <, zoom);
  settle (section);
  save_screenshot (GTK_WIDGET (window), "reports-zoomed-1024x768");
  sc_report_preview_set_fit (preview, TRUE);
  g_assert_true (sc_report_preview_get_fit (preview));

  /* Save through the chooser: the file, its pages, the audit entry. */
  forget_toast ();
  save_through_chooser (section, saved);
  wait_until (section_idle, section);
  g_assert_cmpstr (get_last_toast (), ==, T("Report saved"));
  doc = test_pdf_open (saved);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, (int) n_pages);
  text = test_pdf_text (doc);
  g_assert_true (test_text_has (text, test_people[0].name));
  g_clear_pointer (&text, g_free);
  g_object_unref (doc);
  g_assert_true (ws_audited (vault, "report.export", f->round_id));

  /* A batch cancelled as it starts leaves no file, partial or whole. */
  forget_toast ();
  save_through_chooser (section, batch);
  g_assert_true (sc_reports_section_get_busy (reports));
  click (find_button (section, T("_Cancel")));
  wait_until (section_idle, section);
  g_assert_cmpstr (get_last_toast (), ==, T("Saving cancelled; no file was written"));
  g_assert_false (g_file_test (batch, G_FILE_TEST_EXISTS));
  {
    g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_prefix (name, "batch"));
  }

  /* Print: GtkPrintOperation exports the pages the core draws. */
  g_assert_true (sc_reports_section_print (reports, printed));
  doc = test_pdf_open (printed);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, (int) n_pages);
  text = test_pdf_text (doc);
  g_assert_true (test_text_has (text, test_people[3].name));
  g_assert_true (test_text_has (text, "面接指導申出書"));
  g_object_unref (doc);

  /* The results list with the Results section's filter: high stress only. */
  sc_reports_section_show_results (reports, SC_RESULT_FILTER_HIGH_STRESS, NULL);
  preview_and_wait (section);
  g_clear_pointer (&text, g_free);
  text = test_pdf_text (sc_report_preview_get_document (preview));
  g_assert_true (test_text_has (text, test_people[0].name));
  g_assert_false (test_text_has (text, test_people[1].name));

  window = screenshots_larger (window, section, "reports");
  destroy_window (window);
  assert_watched_finalized ();
}

static void
test_reports_hr (WsFixture     *f,
                 gconstpointer  data)
{
  g_autoptr(ScVault) vault = ws_open (f, HR_PASS);
  ScReportsSection *reports;
  ScReportPreview *preview;
  g_autofree char *text = NULL;
  GtkWidget *section;
  GtkWindow *window;

  section = sc_reports_section_new (vault, f->round_id);
  reports = SC_REPORTS_SECTION (section);
  preview = sc_reports_section_get_preview (reports);
  watch_toasts (section);
  watch_finalize (section);
  window = show_in_window (section, 1024, 768);

  /* No individual results, no results list, no unreleased group analysis for HR. */
  check_kinds (section, SC_VAULT_ROLE_HR);
  g_assert_false (sc_reports_section_select_kind (reports, SC_REPORT_INDIVIDUAL));
  g_assert_false (sc_reports_section_select_kind (reports, SC_REPORT_RESULTS));
  g_assert_false (sc_reports_section_select_kind (reports, SC_REPORT_GROUP));

  /* The participation list: who answered, without any verdict. */
  g_assert_true (sc_reports_section_select_kind (reports, SC_REPORT_PARTICIPATION));
  preview_and_wait (section);
  g_assert_cmpuint (sc_report_preview_get_n_pages (preview), ==,
                    sc_report_get_n_pages (sc_reports_section_get_report (reports)));
  g_assert_cmpuint (sc_report_preview_get_n_thumbnails (preview), >, 0);
  text = test_pdf_text (sc_report_preview_get_document (preview));
  g_assert_true (test_text_has (text, test_people[1].name));
  g_assert_false (test_text_has (text, "高ストレス"));
  settle (section);
  assert_controls_named (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "reports-hr-1024x768");
  window = move_to_window (window, section, 1920, 1080);
  settle (section);
  save_screenshot (GTK_WIDGET (window), "reports-hr-1920x1080");
  destroy_window (window);
  assert_watched_finalized ();
}

/* HR is offered the group report once the implementer released an analysis, and prints
 * that release: who released it and when, and the analysis as released. */
static void
test_reports_hr_release (WsFixture     *f,
                         gconstpointer  data)
{
  g_autoptr(ScVault) vault = ws_open (f, IMPL_PASS);
  g_autoptr(ScGroupTable) table = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *snapshot = NULL;
  g_autofree char *text = NULL;
  ScGrouping grouping = { SC_GROUP_BY_DEPARTMENT, SC_GROUP_BY_WHOLE, 0 };
  ScReportsSection *reports;
  ScReportPreview *preview;
  GtkWidget *section;
  GtkWindow *window;
  gint64 release;

  table = sc_group_table_new_for_round (vault, f->round_id, &grouping, NULL, &error);
  g_assert_no_error (error);
  snapshot = sc_group_table_to_json (table);
  release = sc_vault_release_analysis (vault, f->round_id, "By department", "Dr. Sato",
                                       snapshot, &error);
  g_assert_no_error (error);
  sc_vault_close (vault);
  g_clear_object (&vault);
  vault = ws_open (f, HR_PASS);

  section = sc_reports_section_new (vault, f->round_id);
  reports = SC_REPORTS_SECTION (section);
  preview = sc_reports_section_get_preview (reports);
  watch_toasts (section);
  watch_finalize (section);
  window = show_in_window (section, 1024, 768);

  /* Still no full analysis for HR: only the released one. */
  g_assert_false (sc_report_kind_allowed (SC_REPORT_GROUP, SC_VAULT_ROLE_HR));
  g_assert_false (sc_reports_section_show_release (reports, release + 1));
  g_assert_true (sc_reports_section_show_release (reports, release));
  g_assert_cmpint (sc_reports_section_get_kind (reports), ==, SC_REPORT_GROUP);
  preview_and_wait (section);
  g_assert_cmpuint (sc_report_preview_get_n_pages (preview), ==, 3);
  text = test_pdf_text (sc_report_preview_get_document (preview));
  g_assert_true (test_text_has (text, "Dr. Sato"));
  g_assert_true (test_text_has (text, "By department"));
  g_assert_true (test_text_has (text, "事業場全体の回答者が10人未満"));
  g_assert_false (test_text_has (text, test_people[0].name));
  settle (section);
  assert_controls_named (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "reports-hr-release-1024x768");
  window = screenshots_larger (window, section, "reports-hr-release");
  destroy_window (window);

  /* Group Analysis' "Print…" opens Reports with the release HR is looking at. */
  {
    GtkWidget *workspace = sc_workspace_new (vault);
    GtkWidget *group;
    GtkWidget *reports_section;

    watch_finalize (workspace);
    window = show_in_window (workspace, 1024, 768);
    g_assert_true (sc_workspace_show_section (SC_WORKSPACE (workspace),
                                              SC_SECTION_GROUP_ANALYSIS));
    settle (workspace);
    group = sc_workspace_get_section (SC_WORKSPACE (workspace), SC_SECTION_GROUP_ANALYSIS);
    reports_section = sc_workspace_get_section (SC_WORKSPACE (workspace), SC_SECTION_REPORTS);
    click (find_button (group, T("_Print…")));
    g_assert_cmpstr (sc_workspace_get_visible_section (SC_WORKSPACE (workspace)), ==,
                     SC_SECTION_REPORTS);
    g_assert_cmpint (sc_reports_section_get_kind (SC_REPORTS_SECTION (reports_section)), ==,
                     SC_REPORT_GROUP);
    destroy_window (window);
  }
  assert_watched_finalized ();
}

/* Reminder slips for the people kept under Participation (test-gui-workspace.c drives
 * the button that opens Reports with them): only those people, and no verdict. */
static void
test_reports_reminders (WsFixture     *f,
                        gconstpointer  data)
{
  g_autoptr(ScVault) vault = ws_open (f, IMPL_PASS);
  const char *chosen[] = { "X000001", NULL };
  g_autofree char *text = NULL;
  GtkWidget *section;
  GtkWindow *window;

  section = sc_reports_section_new (vault, f->round_id);
  watch_finalize (section);
  window = show_in_window (section, 1024, 768);
  sc_reports_section_show_reminders (SC_REPORTS_SECTION (section), chosen);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_entry_row (section,
                                                                        T("Employee numbers (comma separated)")))),
                   ==, "X000001");
  preview_and_wait (section);
  text = test_pdf_text (sc_report_preview_get_document (sc_reports_section_get_preview (SC_REPORTS_SECTION (section))));
  g_assert_true (test_text_has (text, "Worker 1"));
  g_assert_false (test_text_has (text, "Worker 2"));
  g_assert_false (test_text_has (text, test_people[0].name));
  g_assert_false (test_text_has (text, "高ストレス"));
  settle (section);
  save_screenshot (GTK_WIDGET (window), "reports-reminders-1024x768");
  destroy_window (window);
  assert_watched_finalized ();
}

static gboolean
reports_busy_done (gpointer data)
{
  return !sc_reports_section_get_busy (data);
}

/* Results' "Print List…" opens Reports with the results list and the filter shown there. */
static void
test_reports_from_results (WsFixture     *f,
                           gconstpointer  data)
{
  g_autoptr(ScVault) vault = ws_open (f, IMPL_PASS);
  g_autofree char *text = NULL;
  GtkWidget *workspace;
  GtkWidget *results;
  GtkWidget *reports;
  GtkWindow *window;

  workspace = sc_workspace_new (vault);
  watch_finalize (workspace);
  window = show_in_window (workspace, 1024, 768);
  g_assert_true (sc_workspace_show_section (SC_WORKSPACE (workspace), SC_SECTION_RESULTS));
  results = sc_workspace_get_section (SC_WORKSPACE (workspace), SC_SECTION_RESULTS);
  reports = sc_workspace_get_section (SC_WORKSPACE (workspace), SC_SECTION_REPORTS);
  settle (workspace);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_button (results, T("_High Stress"))), TRUE);
  click (find_button (results, T("_Print List…")));
  g_assert_cmpstr (sc_workspace_get_visible_section (SC_WORKSPACE (workspace)), ==,
                   SC_SECTION_REPORTS);
  g_assert_cmpint (sc_reports_section_get_kind (SC_REPORTS_SECTION (reports)), ==,
                   SC_REPORT_RESULTS);
  click (find_button (reports, T("_Preview")));
  wait_until (reports_busy_done, reports);
  text = test_pdf_text (sc_report_preview_get_document (sc_reports_section_get_preview (SC_REPORTS_SECTION (reports))));
  g_assert_true (test_text_has (text, test_people[0].name));
  g_assert_true (test_text_has (text, test_people[3].name));
  g_assert_false (test_text_has (text, test_people[1].name));
  settle (workspace);
  assert_controls_named (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), "reports-workspace-1024x768");
  destroy_window (window);
  assert_watched_finalized ();
}

int
main (int   argc,
      char *argv[])
{
  test_gui_init (&argc, &argv);

  g_test_add ("/reports/implementer", WsFixture, NULL, ws_setup, test_reports_implementer,
              ws_teardown);
  g_test_add ("/reports/hr", WsFixture, NULL, ws_setup, test_reports_hr, ws_teardown);
  g_test_add ("/reports/hr-release", WsFixture, NULL, ws_setup, test_reports_hr_release,
              ws_teardown);
  g_test_add ("/reports/reminders", WsFixture, NULL, ws_setup, test_reports_reminders,
              ws_teardown);
  g_test_add ("/reports/from-results", WsFixture, NULL, ws_setup, test_reports_from_results,
              ws_teardown);

  return test_gui_run ();
}
