/* test-report.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDF reports (sc-report.h): every kind is generated from a test vault and read back
 * with poppler-glib: page count, the text that must be there and the text that must
 * not, embedded fonts, pages that are not blank. Then the bad input: unknown kind, a
 * round without submissions, a role that may not print, a path that cannot be written,
 * a cancelled write; none leaves a file behind.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sc-secure.h"
#include "sc-vault-private.h"
#include "sc-vault-async.h"
#include "sc-workspace.h"
#include "sc-test-workspace.h"
#include "sc-report.h"
#include "sc-test-pdf.h"
#include "sc-group-table.h"
#include "sc-vault-releases.h"

/* The vault's people: 0 high stress + consent, 1 not high + refused, 2 not high +
 * undecided, 3 high stress + refused + interview request (sc-test-workspace.h). */

static char *
write_report (WsFixture             *f,
              ScVault               *vault,
              ScReportKind           kind,
              const ScReportOptions *options,
              const char            *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScReport) report = sc_report_new (vault, kind, f->round_id, options, &error);
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_true (sc_report_write_pdf (report, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

/* Every font embedded; every page drawn on (some pixel not white). */
static void
check_fonts_and_pages (PopplerDocument *doc)
{
  PopplerFontInfo *info = poppler_font_info_new (doc);
  PopplerFontsIter *iter = NULL;
  guint n_fonts = 0;
  int n_pages = poppler_document_get_n_pages (doc);

  while (poppler_font_info_scan (info, n_pages, &iter))
    {
      if (iter == NULL)
        continue;
      do
        {
          g_assert_true (poppler_fonts_iter_is_embedded (iter));
          n_fonts++;
        }
      while (poppler_fonts_iter_next (iter));
      poppler_fonts_iter_free (iter);
      iter = NULL;
    }
  poppler_font_info_free (info);
  g_assert_cmpuint (n_fonts, >, 0);

  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 120, 170);
      cairo_t *cr = cairo_create (surface);
      const guint8 *data;
      int stride;
      gboolean inked = FALSE;

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, 120 / 595.0, 170 / 842.0);
      poppler_page_render (page, cr);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      data = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);
      for (int y = 0; y < 170 && !inked; y++)
        for (int x = 0; x < 120 && !inked; x++)
          inked = (*(const guint32 *) (data + y * stride + x * 4) & 0xffffff) != 0xffffff;
      cairo_surface_destroy (surface);
      g_assert_true (inked);
    }
}

/* Opens, checks fonts and pages, and returns the text; @n_pages 0 to not check. */
static char *
read_report (const char *path,
             int         n_pages)
{
  g_autoptr(PopplerDocument) doc = test_pdf_open (path);

  if (n_pages > 0)
    g_assert_cmpint (poppler_document_get_n_pages (doc), ==, n_pages);
  check_fonts_and_pages (doc);
  return test_pdf_text (doc);
}

/* Every page names the round, the date, the criteria and the chart constants. */
static void
check_headers (const char *path,
               const char *round_name)
{
  g_autoptr(PopplerDocument) doc = test_pdf_open (path);

  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      g_autofree char *text = poppler_page_get_text (page);

      g_assert_nonnull (strstr (text, round_name));
      g_assert_nonnull (strstr (text, "作成日"));
      g_assert_nonnull (strstr (text, "評価基準の例（その2）"));
      g_assert_nonnull (strstr (text, "判定図の定数"));
    }
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_individual (WsFixture     *f,
                 gconstpointer  data)
{
  g_autoptr(ScVault) vault = ws_open (f, IMPL_PASS);
  g_autofree char *path = write_report (f, vault, SC_REPORT_INDIVIDUAL, NULL, "sheets.pdf");
  g_autofree char *text = read_report (path, 4 * 3);
  const char *high[] = { test_people[0].number, NULL };
  const char *not_high[] = { test_people[1].number, NULL };
  ScReportOptions options = { .numbers = high };
  g_autofree char *high_path = NULL;
  g_autofree char *not_high_path = NULL;
  g_autofree char *high_text = NULL;
  g_autofree char *not_high_text = NULL;
  g_autofree char *en_path = NULL;
  g_autofree char *en_text = NULL;

  for (guint i = 0; i < TEST_N_PEOPLE; i++)
    {
      g_assert_true (test_text_has (text, test_people[i].name));
      g_assert_true (test_text_has (text, test_people[i].department));
    }
  g_assert_true (test_text_has (text, "親展"));
  g_assert_true (test_text_has (text, "面接指導申出書"));
  g_assert_true (test_text_has (text, "評価基準の例（その2）"));
  g_assert_true (test_text_has (text, "ストレスチェック結果は会社側に提供されます"));
  check_headers (path, "2026");

  /* A high-stress and a not-high-stress sheet: same page count, their own verdicts. */
  high_path = write_report (f, vault, SC_REPORT_INDIVIDUAL, &options, "high.pdf");
  high_text = read_report (high_path, 3);
  options.numbers = not_high;
  not_high_path = write_report (f, vault, SC_REPORT_INDIVIDUAL, &options, "not-high.pdf");
  not_high_text = read_report (not_high_path, 3);
  g_assert_true (test_text_has (high_text, "あなたはストレスが高い状態です（高ストレス者に該当します）。"));
  g_assert_true (test_text_has (high_text, "基準㋐により該当") || test_text_has (high_text, "基準㋑により該当"));
  g_assert_true (test_text_has (high_text, "医師の面接指導を受けていただくことをおすすめします"));
  g_assert_false (test_text_has (high_text, test_people[1].name));
  g_assert_true (test_text_has (not_high_text, "あなたは高ストレス者に該当しません。"));
  g_assert_false (test_text_has (not_high_text, "高ストレス者に該当します"));
  g_assert_true (test_text_has (not_high_text, "面接指導申出書"));

  /* The area sums of the sheet are the scored ones. */
  {
    ScResult r;
    g_autofree char *b = NULL;

    sc_score (f->answers[0], test_people[0].sex, NULL, &r);
    b = g_strdup_printf ("B心身のストレス反応%d", r.conversion.b);
    g_assert_true (test_text_has (high_text, b));
  }

  options.numbers = high;
  options.language = "en";
  en_path = write_report (f, vault, SC_REPORT_INDIVIDUAL, &options, "en.pdf");
  en_text = read_report (en_path, 3);
  g_assert_true (test_text_has (en_text, "Your stress is high"));
  g_assert_true (test_text_has (en_text, "Request for an interview with a doctor"));
}

/* Individual sheets for the high-stress people only, with the contact and the advice
 * texts the implementer set in the vault's settings. */
static void
test_individual_settings (WsFixture     *f,
                          gconstpointer  data)
{
  g_autoptr(ScVault) vault = ws_open (f, IMPL_PASS);
  g_autoptr(GError) error = NULL;
  ScReportOptions options = { .filter = SC_RESULT_FILTER_HIGH_STRESS };
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  g_assert_true (sc_vault_set_setting (vault, SC_VAULT_SETTING_CONTACT_TEXT,
                                       "保健室 内線 4321", &error));
  g_assert_no_error (error);
  g_assert_true (sc_vault_set_setting (vault, SC_VAULT_SETTING_ADVICE_TEXTS,
                                       "[general]\nself_care=毎朝の散歩を続けましょう。\n",
                                       &error));
  g_assert_no_error (error);
  path = write_report (f, vault, SC_REPORT_INDIVIDUAL, &options, "high-only.pdf");
  /* People 0 and 3 are high stress: two sheets of three pages. */
  text = read_report (path, 2 * 3);
  g_assert_true (test_text_has (text, test_people[0].name));
  g_assert_true (test_text_has (text, test_people[3].name));
  g_assert_false (test_text_has (text, test_people[1].name));
  g_assert_false (test_text_has (text, test_people[2].name));
  g_assert_true (test_text_has (text, "保健室内線4321"));
  g_assert_true (test_text_has (text, "毎朝の散歩を続けましょう。"));
}

static void
test_hr_reports (WsFixture     *f,
                 gconstpointer  data)
{
  g_autoptr(ScVault) vault = ws_open (f, HR_PASS);
  g_autofree char *consented = write_report (f, vault, SC_REPORT_CONSENTED, NULL, "c.pdf");
  g_autofree char *participation = write_report (f, vault, SC_REPORT_PARTICIPATION, NULL,
                                                 "p.pdf");
  g_autofree char *reminders = write_report (f, vault, SC_REPORT_REMINDERS, NULL, "r.pdf");
  g_autofree char *text = read_report (consented, 1);
  g_autofree char *p_text = read_report (participation, 1);
  g_autofree char *r_text = read_report (reminders, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *refused = g_build_filename (f->dir, "refused.pdf", NULL);

  /* Consented: people 0 (consent) and 3 (interview request) only. */
  g_assert_true (test_text_has (text, test_people[0].name));
  g_assert_true (test_text_has (text, test_people[3].name));
  g_assert_false (test_text_has (text, test_people[1].name));
  g_assert_false (test_text_has (text, test_people[2].name));
  g_assert_false (test_text_has (text, test_people[1].number));
  g_assert_true (test_text_has (text, "面接指導の申出"));

  /* Participation: everyone, answered or not, and no verdict. */
  for (guint i = 0; i < TEST_N_PEOPLE; i++)
    g_assert_true (test_text_has (p_text, test_people[i].name));
  g_assert_true (test_text_has (p_text, "WorkerX") || test_text_has (p_text, "Worker 0"));
  g_assert_false (test_text_has (p_text, "高ストレス"));
  g_assert_false (test_text_has (p_text, "該当"));
  /* By department: Accounting, Dept 0…, Warehouse Team, 経理部. */
  g_assert_cmpint (test_text_position (p_text, "Suzuki Hanako"), <, test_text_position (p_text, "Worker 0"));
  g_assert_cmpint (test_text_position (p_text, "Worker 0"), <, test_text_position (p_text, "佐藤 次郎"));
  g_assert_cmpint (test_text_position (p_text, "佐藤 次郎"), <, test_text_position (p_text, "山田 太郎"));

  /* Reminders: only those who did not answer; no verdict. */
  g_assert_true (test_text_has (r_text, "Worker 0"));
  for (guint i = 0; i < TEST_N_PEOPLE; i++)
    g_assert_false (test_text_has (r_text, test_people[i].name));
  g_assert_false (test_text_has (r_text, "高ストレス"));

  /* HR may not print the individual sheets, the results list or the group report. */
  for (ScReportKind kind = SC_REPORT_INDIVIDUAL; kind <= SC_REPORT_GROUP; kind++)
    {
      if (kind != SC_REPORT_INDIVIDUAL && kind != SC_REPORT_RESULTS && kind != SC_REPORT_GROUP)
        continue;
      g_assert_null (sc_report_new (vault, kind, f->round_id, NULL, &error));
      g_assert_error (error, SC_REPORT_ERROR, SC_REPORT_ERROR_PERMISSION);
      g_clear_error (&error);
    }
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));
}

static void
test_implementer_lists (WsFixture     *f,
                        gconstpointer  data)
{
  g_autoptr(ScVault) vault = ws_open (f, IMPL_PASS);
  g_autofree char *results = write_report (f, vault, SC_REPORT_RESULTS, NULL, "res.pdf");
  g_autofree char *text = read_report (results, 1);
  ScReportOptions options = { .filter = SC_RESULT_FILTER_HIGH_STRESS };
  g_autofree char *filtered = write_report (f, vault, SC_REPORT_RESULTS, &options, "hi.pdf");
  g_autofree char *f_text = read_report (filtered, 1);
  g_autofree char *group = write_report (f, vault, SC_REPORT_GROUP, NULL, "group.pdf");
  g_autofree char *g_text = read_report (group, 3);
  g_autofree char *labour = NULL;
  g_autofree char *l_text = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < TEST_N_PEOPLE; i++)
    g_assert_true (test_text_has (text, test_people[i].name));
  g_assert_true (test_text_has (text, "高ストレス"));
  g_assert_true (test_text_has (text, "該当せず"));
  g_assert_true (test_text_has (f_text, test_people[0].name));
  g_assert_false (test_text_has (f_text, test_people[1].name));
  g_assert_true (test_text_has (f_text, "高ストレスのみ"));

  /* Four respondents: the workplace is too small for a group analysis, and says why. */
  g_assert_true (test_text_has (g_text, "事業場全体の回答者が10人未満"));
  g_assert_true (test_text_has (g_text, "量－コントロール判定図"));
  g_assert_true (test_text_has (g_text, "職場の支援判定図"));
  g_assert_false (test_text_has (g_text, test_people[0].name));
  check_headers (group, "2026");
  check_headers (results, "2026");

  g_assert_true (sc_vault_set_setting (vault, SC_REPORT_SETTING_WORKPLACE_NAME,
                                       "テスト商事 本社", &error));
  g_assert_no_error (error);
  labour = write_report (f, vault, SC_REPORT_LABOUR_OFFICE, NULL, "labour.pdf");
  l_text = read_report (labour, 1);
  g_assert_true (test_text_has (l_text, "検査を受けた労働者数4"));
  g_assert_true (test_text_has (l_text, "在籍労働者数8"));
  g_assert_true (test_text_has (l_text, "テスト商事 本社"));
  g_assert_true (test_text_has (l_text, "提出義務はありません"));
  g_assert_true (test_text_has (l_text, "面接指導を受けた労働者数0"));
  g_assert_true (test_text_has (l_text, "集団ごとの分析の実施の有無無"));
  g_assert_false (test_text_has (l_text, test_people[0].name));
}

static void
test_interviews (WsFixture     *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *impl_path = NULL;
  g_autofree char *impl_text = NULL;
  g_autofree char *hr_path = NULL;
  g_autofree char *hr_text = NULL;

  {
    g_autoptr(ScVault) vault = ws_open (f, IMPL_PASS);
    g_autoptr(ScInterviewRecord) r = sc_vault_get_interview_record (vault, f->sub[3], &error);

    g_assert_no_error (error);
    g_free (r->interview_on);
    r->interview_on = g_strdup (f->today);
    r->doctor = g_strdup ("Dr. Ito Kenji");
    r->psychological_burden = g_strdup ("BURDEN-SECRET");
    r->work_class = SC_WORK_CLASS_RESTRICTED;
    r->workplace_opinion = g_strdup ("業務分担の見直し");
    g_assert_true (sc_vault_save_interview_record (vault, r, &error));
    g_assert_no_error (error);
    impl_path = write_report (f, vault, SC_REPORT_INTERVIEWS, NULL, "iv.pdf");
    impl_text = read_report (impl_path, 2);
  }
  g_assert_true (test_text_has (impl_text, "面接指導結果報告書及び事後措置に係る意見書"));
  g_assert_true (test_text_has (impl_text, test_people[3].name));
  g_assert_true (test_text_has (impl_text, "Dr. Ito Kenji"));
  g_assert_true (test_text_has (impl_text, "BURDEN-SECRET"));
  g_assert_true (test_text_has (impl_text, "就業制限・配慮"));
  g_assert_true (test_text_has (impl_text, f->today));

  {
    g_autoptr(ScVault) vault = ws_open (f, HR_PASS);

    hr_path = write_report (f, vault, SC_REPORT_INTERVIEWS, NULL, "iv-hr.pdf");
    hr_text = read_report (hr_path, 2);
  }
  g_assert_true (test_text_has (hr_text, "Dr. Ito Kenji"));
  g_assert_true (test_text_has (hr_text, "業務分担の見直し"));
  g_assert_false (test_text_has (hr_text, "BURDEN-SECRET"));
  g_assert_true (test_text_has (hr_text, "（実施者のみ）"));
}

static void
test_slips (WsFixture     *f,
            gconstpointer  data)
{
  g_autoptr(ScVault) vault = ws_open (f, HR_PASS);
  g_autoptr(GString) csv = g_string_new ("number,name,code\n");
  g_autoptr(GPtrArray) employees = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) first = NULL;
  ScReportOptions options = { NULL };

  /* Without the codes of the issuing call there is nothing to print, and it says why. */
  g_assert_null (sc_report_new (vault, SC_REPORT_SLIPS, f->round_id, &options, &error));
  g_assert_error (error, SC_REPORT_ERROR, SC_REPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "hashes"));
  g_clear_error (&error);

  employees = sc_vault_list_employees (vault, &error);
  g_assert_true (sc_vault_issue_access_codes (vault, f->round_id, employees, csv, &error));
  g_assert_no_error (error);
  options.codes_csv = csv->str;
  path = write_report (f, vault, SC_REPORT_SLIPS, &options, "slips.pdf");
  text = read_report (path, 1);
  lines = g_strsplit (csv->str, "\n", -1);
  first = g_strsplit (lines[1], ",", 3);
  g_assert_true (test_text_has (text, first[0]));
  g_assert_true (test_text_has (text, first[1]));
  g_assert_true (test_text_has (text, first[2]));
  g_assert_false (test_text_has (text, "高ストレス"));
}

static void
test_bad_input (WsFixture     *f,
                gconstpointer  data)
{
  g_autoptr(ScVault) vault = ws_open (f, IMPL_PASS);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScReport) report = NULL;
  g_autofree char *blocker = g_build_filename (f->dir, "not-a-folder", NULL);
  g_autofree char *bad_path = g_build_filename (blocker, "out.pdf", NULL);
  g_autofree char *missing_dir = g_build_filename (f->dir, "missing", "out.pdf", NULL);
  ScReportKind kind;
  gint64 empty_round;
  guint n_files;

  g_assert_false (sc_report_kind_from_string ("bogus", &kind));
  g_assert_true (sc_report_kind_from_string ("labour-office", &kind));
  g_assert_cmpint (kind, ==, SC_REPORT_LABOUR_OFFICE);
  g_assert_null (sc_report_new (vault, (ScReportKind) 42, f->round_id, NULL, &error));
  g_assert_error (error, SC_REPORT_ERROR, SC_REPORT_ERROR_UNKNOWN_KIND);
  g_clear_error (&error);

  /* A round without submissions. */
  empty_round = sc_vault_create_round (vault, "empty", f->period_start, f->period_end, NULL,
                                       &error);
  g_assert_no_error (error);
  g_assert_null (sc_report_new (vault, SC_REPORT_INDIVIDUAL, empty_round, NULL, &error));
  g_assert_error (error, SC_REPORT_ERROR, SC_REPORT_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "no submissions"));
  g_clear_error (&error);

  /* An unknown language. */
  {
    ScReportOptions options = { .language = "fr" };

    g_assert_null (sc_report_new (vault, SC_REPORT_RESULTS, f->round_id, &options, &error));
    g_assert_error (error, SC_REPORT_ERROR, SC_REPORT_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* Paths that cannot be written: nothing left behind. */
  test_write (blocker, (const guint8 *) "x", 1);
  n_files = count_files (f->dir);
  report = sc_report_new (vault, SC_REPORT_RESULTS, f->round_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (sc_report_write_pdf (report, bad_path, NULL, NULL, NULL, &error));
  g_assert_error (error, SC_REPORT_ERROR, SC_REPORT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "out.pdf"));
  g_clear_error (&error);
  g_assert_false (sc_report_write_pdf (report, missing_dir, NULL, NULL, NULL, &error));
  g_assert_error (error, SC_REPORT_ERROR, SC_REPORT_ERROR_IO);
  g_clear_error (&error);
  g_assert_cmpuint (count_files (f->dir), ==, n_files);

  /* The kiosk role prints nothing. */
  g_assert_true (sc_vault_enter_kiosk (vault, &error));
  for (guint k = 0; k < SC_REPORT_N_KINDS; k++)
    {
      g_assert_false (sc_report_kind_allowed (k, SC_VAULT_ROLE_KIOSK));
      g_assert_null (sc_report_new (vault, k, f->round_id, NULL, &error));
      g_assert_error (error, SC_REPORT_ERROR, SC_REPORT_ERROR_PERMISSION);
      g_clear_error (&error);
    }
}

static void
cancel_after_first_page (guint    page,
                         guint    n_pages,
                         gpointer user_data)
{
  if (page == 1)
    g_cancellable_cancel (G_CANCELLABLE (user_data));
}

static void
record_progress (guint    page,
                 guint    n_pages,
                 gpointer user_data)
{
  guint *last = user_data;

  g_assert_cmpuint (page, ==, *last + 1);
  g_assert_cmpuint (n_pages, ==, 12);
  *last = page;
}

static void
test_cancel_and_async (WsFixture     *f,
                       gconstpointer  data)
{
  g_autoptr(ScVault) vault = ws_open (f, IMPL_PASS);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScReport) report = sc_report_new (vault, SC_REPORT_INDIVIDUAL, f->round_id, NULL,
                                              &error);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *path = g_build_filename (f->dir, "batch.pdf", NULL);
  g_autofree char *text = NULL;
  guint n_files = count_files (f->dir);
  guint last = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (sc_report_get_n_pages (report), ==, 12);
  g_assert_cmpuint (sc_report_get_pages_per_sheet (report), ==, 3);

  /* Cancelled half-way: no file, not even the temporary one. */
  g_assert_false (sc_report_write_pdf (report, path, cancellable, cancel_after_first_page,
                                       cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (count_files (f->dir), ==, n_files);

  /* Off the main thread, with progress for every page. */
  sc_report_write_pdf_async (report, path, NULL, record_progress, &last, ws_store_result_cb,
                             &result);
  g_assert_true (sc_report_write_pdf_finish (report, ws_wait (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (last, ==, 12);
  text = read_report (path, 12);
  g_assert_true (test_text_has (text, test_people[2].name));

  /* The same drawing for a preview: a page into an image surface. */
  {
    double width, height;
    cairo_surface_t *surface;
    cairo_t *cr;
    gboolean inked = FALSE;
    const guint8 *pixels;

    sc_report_get_page_size (report, &width, &height);
    g_assert_cmpfloat_with_epsilon (width, 595.28, 0.01);
    g_assert_cmpfloat_with_epsilon (height, 841.89, 0.01);
    surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 298, 421);
    cr = cairo_create (surface);
    cairo_scale (cr, 0.5, 0.5);
    sc_report_draw_page (report, cr, 1);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    cairo_destroy (cr);
    cairo_surface_flush (surface);
    pixels = cairo_image_surface_get_data (surface);
    for (int y = 0; y < 421 && !inked; y++)
      for (int x = 0; x < 298 && !inked; x++)
        inked = (*(const guint32 *) (pixels + y * cairo_image_surface_get_stride (surface)
                                     + x * 4) & 0xffffff) != 0xffffff;
    cairo_surface_destroy (surface);
    g_assert_true (inked);
  }
}

/* A snapshot of a made-up analysis by department: 12 in 営業部 (men, chart scales 8), 12 in
 * 製造部 (women, 9), 3 in 秘密課 (men, 5: too small, never shown), and with
 * @extra_department 11 more there (another round's data). */
static char *
make_snapshot (const char *extra_department)
{
  static const struct { const char *department; ScSex sex; guint n; int chart; } groups[] = {
    { "営業部", SC_SEX_MALE, 12, 8 }, { "製造部", SC_SEX_FEMALE, 12, 9 },
    { "秘密課", SC_SEX_MALE, 3, 5 }, { NULL, SC_SEX_FEMALE, 11, 7 },
  };
  g_autoptr(GPtrArray) employees = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_employee_free);
  g_autoptr(GArray) inputs = g_array_new (FALSE, TRUE, sizeof (ScGroupInput));
  g_autoptr(GError) error = NULL;
  g_autoptr(ScGroupTable) table = NULL;
  ScGrouping grouping = { SC_GROUP_BY_DEPARTMENT, SC_GROUP_BY_WHOLE, 0 };

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    for (guint i = 0; i < groups[g].n; i++)
      {
        ScEmployee *e;
        ScGroupInput in = { 0 };

        if (groups[g].department == NULL && extra_department == NULL)
          break;
        e = sc_employee_new ();
        e->number = g_strdup_printf ("G%04u", employees->len);
        e->name = g_strdup ("x");
        e->sex = groups[g].sex;
        e->department = g_strdup (groups[g].department != NULL ? groups[g].department
                                                               : extra_department);
        g_ptr_array_add (employees, e);
        in.employee = e;
        in.age = 30;
        in.result.sex = groups[g].sex;
        in.result.complete = TRUE;
        for (guint k = 0; k < SC_N_CHART_SCALES; k++)
          in.result.chart[k] = (gint8) groups[g].chart;
        for (guint k = 0; k < SC_BJSQ_N_SCALES; k++)
          in.result.score[k] = 3;
        g_array_append_val (inputs, in);
      }
  table = sc_group_table_new ((const ScGroupInput *) (void *) inputs->data, inputs->len,
                              &grouping, SC_GROUP_MIN_SIZE_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sc_group_table_is_analysable (table));
  return sc_group_table_to_json (table);
}

static void
test_released_group (WsFixture     *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = ws_open (f, IMPL_PASS);
  g_autofree char *snapshot = make_snapshot (NULL);
  g_autofree char *other_snapshot = make_snapshot ("来年の部");
  g_autofree char *refused = g_build_filename (f->dir, "refused.pdf", NULL);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *en_text = NULL;
  ScReportOptions options = { .today = "2026-06-30" };
  gint64 other_round, released, withdrawn, other_release;

  released = sc_vault_release_analysis (vault, f->round_id, "部署別 2026", "Dr. Sato",
                                        snapshot, &error);
  g_assert_no_error (error);
  withdrawn = sc_vault_release_analysis (vault, f->round_id, "withdrawn", "Dr. Sato",
                                         snapshot, &error);
  g_assert_no_error (error);
  g_assert_true (sc_vault_withdraw_release (vault, withdrawn, &error));
  other_round = sc_vault_create_round (vault, "2027", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  other_release = sc_vault_release_analysis (vault, other_round, "next year", "Dr. Sato",
                                             other_snapshot, &error);
  g_assert_no_error (error);

  /* The implementer keeps the full report (three pages, no release line). */
  path = write_report (f, vault, SC_REPORT_GROUP, NULL, "full.pdf");
  text = read_report (path, 3);
  g_assert_false (test_text_has (text, "Dr. Sato"));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&path, g_free);
  sc_vault_close (vault);
  g_clear_object (&vault);

  /* HR without a release: refused, with what to do, and no file. */
  vault = ws_open (f, HR_PASS);
  g_assert_null (sc_report_new (vault, SC_REPORT_GROUP, f->round_id, NULL, &error));
  g_assert_error (error, SC_REPORT_ERROR, SC_REPORT_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "choose a released analysis"));
  g_clear_error (&error);
  g_assert_false (sc_report_kind_allowed (SC_REPORT_GROUP, SC_VAULT_ROLE_HR));
  g_assert_true (sc_report_release_allowed (SC_VAULT_ROLE_HR));
  g_assert_false (sc_report_release_allowed (SC_VAULT_ROLE_KIOSK));

  /* HR's released report: the released groups, who released it and when, the suppressed
   * groups by their reasons only (their chart means, 5.0 and 9.0, nowhere), nothing of
   * the next round. */
  options.release_id = released;
  path = write_report (f, vault, SC_REPORT_GROUP, &options, "released.pdf");
  text = read_report (path, 3);
  g_assert_true (test_text_has (text, "営業部"));
  g_assert_true (test_text_has (text, "製造部"));
  g_assert_true (test_text_has (text, "8.0"));
  /* 製造部 (12) is hidden too: with the total shown it would give away 秘密課 (3). */
  g_assert_false (test_text_has (text, "9.0"));
  g_assert_true (test_text_has (text, "他の集団との差から"));
  g_assert_true (test_text_has (text, "Dr. Sato"));
  g_assert_true (test_text_has (text, "部署別 2026"));
  g_assert_true (test_text_has (text, "が公開"));
  g_assert_true (test_text_has (text, "秘密課"));
  g_assert_true (test_text_has (text, "回答者が10人未満"));
  g_assert_false (test_text_has (text, "5.0"));
  g_assert_false (test_text_has (text, "来年の部"));
  g_assert_true (test_text_has (text, "量－コントロール判定図"));
  g_assert_true (test_text_has (text, "職場の支援判定図"));
  check_headers (path, "2026");
  options.language = "en";
  g_clear_pointer (&path, g_free);
  path = write_report (f, vault, SC_REPORT_GROUP, &options, "released-en.pdf");
  en_text = read_report (path, 3);
  g_assert_true (test_text_has (en_text, "Released on"));
  g_assert_true (test_text_has (en_text, "by Dr. Sato"));
  g_assert_true (test_text_has (en_text, "fewer than 10 respondents"));
  g_assert_false (test_text_has (en_text, "5.0"));

  /* A withdrawn release, another round's release, an unknown id: errors, no file. */
  options.release_id = withdrawn;
  g_assert_null (sc_report_new (vault, SC_REPORT_GROUP, f->round_id, &options, &error));
  g_assert_error (error, SC_REPORT_ERROR, SC_REPORT_ERROR_INVALID);
  g_clear_error (&error);
  options.release_id = other_release;
  g_assert_null (sc_report_new (vault, SC_REPORT_GROUP, f->round_id, &options, &error));
  g_assert_error (error, SC_REPORT_ERROR, SC_REPORT_ERROR_INVALID);
  g_clear_error (&error);
  options.release_id = 9999;
  g_assert_null (sc_report_new (vault, SC_REPORT_GROUP, f->round_id, &options, &error));
  g_assert_error (error, SC_REPORT_ERROR, SC_REPORT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));
}

/* The help text Settings edits is the one the sheet prints (the kiosk shows it too). */
static void
test_help_text (WsFixture     *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = ws_open (f, IMPL_PASS);
  const char *numbers[] = { test_people[0].number, NULL };
  ScReportOptions options = { .numbers = numbers };
  g_autofree char *shipped = write_report (f, vault, SC_REPORT_INDIVIDUAL, &options, "a.pdf");
  g_autofree char *shipped_text = read_report (shipped, 3);
  g_autofree char *changed = NULL;
  g_autofree char *changed_text = NULL;

  g_assert_true (test_text_has (shipped_text, "こころの耳"));
  g_assert_true (sc_vault_set_setting (vault, SC_VAULT_SETTING_HELP_TEXT,
                                       "社内カウンセラー室 内線9999", &error));
  g_assert_no_error (error);
  changed = write_report (f, vault, SC_REPORT_INDIVIDUAL, &options, "b.pdf");
  changed_text = read_report (changed, 3);
  g_assert_true (test_text_has (changed_text, "社内カウンセラー室内線9999")
                 || test_text_has (changed_text, "社内カウンセラー室 内線9999"));
  g_assert_false (test_text_has (changed_text, "こころの耳"));
  g_assert_true (test_text_has (changed_text, "会社に知らせずに利用できます"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/report/" name, WsFixture, NULL, ws_setup, func, ws_teardown)
  ADD ("individual", test_individual);
  ADD ("individual-settings", test_individual_settings);
  ADD ("hr-reports", test_hr_reports);
  ADD ("implementer-lists", test_implementer_lists);
  ADD ("interviews", test_interviews);
  ADD ("slips", test_slips);
  ADD ("bad-input", test_bad_input);
  ADD ("cancel-and-async", test_cancel_and_async);
  ADD ("released-group", test_released_group);
  ADD ("help-text", test_help_text);
#undef ADD
  return g_test_run ();
}
