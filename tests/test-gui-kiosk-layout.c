/* test-kiosk-layout.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every kiosk page as people set their machines (STYLE.md, Tests): 1024×768, 1280×800 and
 * 1920×1080, text scale 1.0 and 1.5 (GtkSettings:gtk-xft-dpi), in English and — with
 * SC_TEST_LANGUAGE=ja — in Japanese. On each page the primary action (and on a question
 * page all four answers) lies inside the window and inside every scrolled view around it,
 * so nobody has to scroll to go on; the login form stays where it is when the keypad
 * layout or the focus changes; wrapped Japanese text leaves no line of one or two
 * characters at its end ("す。"). A screenshot of each page and setting goes to
 * G_TEST_BUILDDIR as kiosk-layout-<lang>-<page>-<width>x<height>-<scale>.png.
 *
 * The window is driven only through its kiosk.* actions and the public
 * sc_kiosk_window_* functions (and the pages' public functions).
 */
#define G_LOG_DOMAIN "test-kiosk-layout"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <adwaita.h>

#include "sc-test-gui-util.h"
#include "sc-test-kiosk.h"

#include "sc-access-code.h"
#include "sc-bjsq.h"
#include "sc-kiosk-window.h"
#include "sc-kiosk-keypad.h"
#include "sc-kiosk-question-page.h"
#include "sc-kiosk-result-page.h"
#include "sc-chart.h"
#include "sc-profile-chart.h"
#include "sc-vault.h"

#define IMPL_PASS "implementer passphrase 1"
#define NUMBER    "7001"
/* The MHLW manual's worked example: high stress, so the interview page is shown. */
#define ANSWERS   "112331443323243341112334443344433222234342333343343443322"

/* GtkSettings:gtk-xft-dpi is in 1/1024 dots per inch. */
#define DPI_1_0 (96 * 1024)
#define DPI_1_5 (96 * 1024 * 3 / 2)

typedef struct
{
  int width;
  int height;
} Size;

static const Size sizes[] = {
  { 1024, 768 },
  { 1280, 800 },
  { 1920, 1080 },
};

static const int dpis[] = { DPI_1_0, DPI_1_5 };

static const char *language = "en";
static guint n_checked;
/* Failures are counted, not fatal at once, so that one run shows every page that fails. */
static guint n_failures;

/* ---- The vault --------------------------------------------------------------------------- */

typedef ScTestKioskVault Fixture;

static const ScTestKioskPerson person = { NUMBER, "山田 太郎", SC_SEX_MALE };

static void
fixture_set_up (Fixture *fixture)
{
  /* A long contact text, as a workplace writes it. */
  kiosk_vault_set_up (fixture, IMPL_PASS, NULL, &person, 1, NULL,
                      "健康管理室（内線 1234）保健師 山本、産業医 佐藤（毎月第2・第4木曜日）。"
                      "社外の相談窓口：こころの耳 電話相談 0120-565-455。");
}

/* ---- The window -------------------------------------------------------------------------- */

static ScKioskWindow *
open_kiosk (GtkApplication *app,
            Fixture        *fixture,
            const Size     *size)
{
  ScKioskWindow *window = sc_kiosk_window_new (app, fixture->vault, fixture->round_id);

  /* Under Xvfb, without a window manager, fullscreen has no effect. */
  kiosk_set_window_size (GTK_WINDOW (window), size->width, size->height);
  return window;
}

static GtkWidget *
current_page (ScKioskWindow *window)
{
  return sc_kiosk_window_get_page (window, sc_kiosk_window_get_page_name (window));
}

static void
activate (ScKioskWindow *window,
          const char    *action,
          GVariant      *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, parameter));
  iterate_until_idle ();
  kiosk_wait_not_busy (window);
}

static void
set_text_scale (int dpi)
{
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", dpi, NULL);
  iterate_until_idle ();
}

/* ---- What a person sees ------------------------------------------------------------------ */

/* Lets @window lay out its page at the current settings and draws it. */
static void
settle (ScKioskWindow *window)
{
  for (guint i = 0; i < 3; i++)
    {
      iterate_until_idle ();
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
    }
  iterate_until_idle ();
}

/* Whether all of @widget lies inside @window and inside every scrolled view around it: the
 * person sees it without scrolling. */
static gboolean
is_fully_visible (GtkWidget *window,
                  GtkWidget *widget,
                  char     **why)
{
  graphene_rect_t bounds;
  double w = gtk_widget_get_width (window);
  double h = gtk_widget_get_height (window);

  if (!gtk_widget_is_drawable (widget))
    {
      *why = g_strdup ("not shown");
      return FALSE;
    }
  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  if (bounds.origin.x < -0.5 || bounds.origin.y < -0.5 ||
      bounds.origin.x + bounds.size.width > w + 0.5 ||
      bounds.origin.y + bounds.size.height > h + 0.5 ||
      bounds.size.width < 1 || bounds.size.height < 1)
    {
      *why = g_strdup_printf ("at %.0f,%.0f %.0f×%.0f in a window of %.0f×%.0f",
                              bounds.origin.x, bounds.origin.y, bounds.size.width,
                              bounds.size.height, w, h);
      return FALSE;
    }

  for (GtkWidget *parent = gtk_widget_get_parent (widget);
       parent != NULL && parent != window;
       parent = gtk_widget_get_parent (parent))
    {
      graphene_rect_t view;

      if (!GTK_IS_SCROLLED_WINDOW (parent))
        continue;
      g_assert_true (gtk_widget_compute_bounds (parent, window, &view));
      if (bounds.origin.y < view.origin.y - 0.5 ||
          bounds.origin.y + bounds.size.height > view.origin.y + view.size.height + 0.5)
        {
          *why = g_strdup_printf ("at y %.0f–%.0f, outside its scrolled view (y %.0f–%.0f)",
                                  bounds.origin.y, bounds.origin.y + bounds.size.height,
                                  view.origin.y, view.origin.y + view.size.height);
          return FALSE;
        }
    }
  return TRUE;
}

static void
collect_action_buttons (GtkWidget  *widget,
                        const char *action,
                        GPtrArray  *found)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0 &&
      gtk_widget_get_visible (widget))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_action_buttons (child, action, found);
}

/* The last line of each wrapped Japanese label holds more than two characters. */
static void
check_no_orphans (GtkWidget  *widget,
                  const char *where)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
      gtk_label_get_wrap (GTK_LABEL (widget)))
    {
      PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (widget));
      const char *text = pango_layout_get_text (layout);
      gsize text_len = strlen (text);
      int n_lines = pango_layout_get_line_count (layout);
      gboolean first_of_paragraph = TRUE;

      /* The last line of every paragraph (a label may hold several, one per line) that
       * took more than one line. */
      for (int i = 0; i < n_lines; i++)
        {
          PangoLayoutLine *line = pango_layout_get_line_readonly (layout, i);
          gsize after = (gsize) line->start_index + (gsize) line->length;
          gboolean last_of_paragraph = after >= text_len || text[after] == '\n';

          if (last_of_paragraph && !first_of_paragraph)
            {
              glong n_chars = g_utf8_strlen (text + line->start_index, line->length);
              g_autofree char *tail = g_strndup (text + line->start_index, line->length);

              if (n_chars <= 2)
                {
                  g_test_message ("%s: “%s” ends a paragraph with a line of %ld "
                                  "character(s): “%s”", where, text, n_chars, tail);
                  n_failures++;
                }
            }
          first_of_paragraph = last_of_paragraph;
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_no_orphans (child, where);
}

/* Checks the page shown at every text scale: its primary @actions (NULL-terminated; each
 * must have at least one shown button) are fully visible; saves a screenshot. */
static void
check_page (ScKioskWindow      *window,
            const Size         *size,
            const char * const *actions)
{
  const char *name = sc_kiosk_window_get_page_name (window);

  for (guint d = 0; d < G_N_ELEMENTS (dpis); d++)
    {
      g_autofree char *where = g_strdup_printf ("%s %s %dx%d ×%.1f", language, name,
                                                size->width, size->height,
                                                dpis[d] / (96.0 * 1024));
      g_autofree char *file = g_strdup_printf ("kiosk-layout-%s-%s-%dx%d-%s.png", language,
                                               name, size->width, size->height,
                                               d == 0 ? "1.0" : "1.5");
      guint n_failed = 0;

      set_text_scale (dpis[d]);
      settle (window);
      for (guint a = 0; actions[a] != NULL; a++)
        {
          g_autoptr (GPtrArray) buttons = g_ptr_array_new ();

          collect_action_buttons (current_page (window), actions[a], buttons);
          if (buttons->len == 0)
            g_test_message ("%s: no button for %s", where, actions[a]);
          g_assert_cmpuint (buttons->len, >, 0);
          for (guint b = 0; b < buttons->len; b++)
            {
              g_autofree char *why = NULL;

              if (!is_fully_visible (GTK_WIDGET (window), buttons->pdata[b], &why))
                {
                  g_test_message ("%s: the button of %s is not fully visible: %s", where,
                                  actions[a], why);
                  n_failed++;
                }
              n_checked++;
            }
        }
      save_screenshot_png (GTK_WIDGET (window), file, SCREENSHOT_CHECK_DRAWN);
      n_failures += n_failed;
      if (g_str_equal (language, "ja"))
        check_no_orphans (current_page (window), where);
    }
  set_text_scale (DPI_1_0);
}

/* The login form does not move when the focus goes to the code and the keypad shows
 * other keys. */
static void
check_login_form_stable (ScKioskWindow *window,
                         const Size    *size,
                         GtkEditable   *number,
                         GtkEditable   *code)
{
  GtkWidget *page = current_page (window);
  ScKioskKeypad *keypad = SC_KIOSK_KEYPAD (find_descendant (page, SC_TYPE_KIOSK_KEYPAD));

  for (guint d = 0; d < G_N_ELEMENTS (dpis); d++)
    {
      graphene_rect_t before, after;

      set_text_scale (dpis[d]);
      gtk_widget_grab_focus (GTK_WIDGET (number));
      settle (window);
      g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (number), GTK_WIDGET (window),
                                                &before));

      gtk_widget_grab_focus (GTK_WIDGET (code));
      settle (window);
      g_assert_cmpint (sc_kiosk_keypad_get_layout (keypad), ==, SC_KIOSK_KEYPAD_CODE);
      g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (number), GTK_WIDGET (window),
                                                &after));
      g_test_message ("%dx%d: the number field at y %.0f, then %.0f", size->width,
                      size->height, before.origin.y, after.origin.y);
      if (ABS (before.origin.y - after.origin.y) > 0.5)
        n_failures++;

      gtk_widget_grab_focus (GTK_WIDGET (number));
      sc_kiosk_keypad_set_layout (keypad, SC_KIOSK_KEYPAD_LETTERS);
      settle (window);
      g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (number), GTK_WIDGET (window),
                                                &after));
      if (ABS (before.origin.y - after.origin.y) > 0.5)
        {
          g_test_message ("%dx%d: the letters moved the number field to y %.0f", size->width,
                          size->height, after.origin.y);
          n_failures++;
        }
      sc_kiosk_keypad_set_layout (keypad, SC_KIOSK_KEYPAD_NUMBER);
    }
  set_text_scale (DPI_1_0);
}

/* Whether a label under @widget shows text containing @needle. */
static gboolean
shows_text_containing (GtkWidget  *widget,
                       const char *needle)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text_containing (child, needle))
      return TRUE;
  return FALSE;
}

/* Everything around the questionnaire is in the user interface's language: the chart's
 * words, the criteria (a)/(b) (㋐/㋑ in Japanese), the stress profile read out. */
static void
check_result_words (ScKioskWindow *window)
{
  ScKioskResultPage *page = SC_KIOSK_RESULT_PAGE (current_page (window));
  ScProfileChart *chart = sc_kiosk_result_page_get_chart (page);
  gboolean japanese = g_str_equal (language, "ja");
  ScChartProfileLabels labels;
  g_autofree char *described = NULL;
  const char *scale_name = japanese ? "心理的な仕事の負担（量）" : "Quantitative job overload";

  sc_chart_profile_labels_init_translated (&labels);
  g_assert_cmpstr (labels.value_heading, ==, japanese ? "評価点" : "Score");
  g_assert_cmpstr (labels.scales[SC_SCALE_QUANTITATIVE_DEMAND], ==, scale_name);
  g_assert_cmpstr (labels.sections[SC_SECTION_A], ==,
                   japanese ? "A　仕事のストレス要因" : "A  Stress factors at work");
  g_assert_cmpstr (labels.end_high, ==, japanese ? "← ストレス高い" : "← More stress");
  for (guint i = 0; i < SC_BJSQ_N_SCALES; i++)
    g_assert_true (g_utf8_validate (labels.scales[i], -1, NULL) && *labels.scales[i] != '\0');

  /* What a screen reader reads of the chart: the scales by their translated names. */
  described = gtk_test_accessible_check_property (GTK_ACCESSIBLE (chart),
                                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "");
  g_assert_nonnull (described);
  g_test_message ("the chart read out: %s", described);
  g_assert_nonnull (strstr (described, scale_name));

  g_assert_true (shows_text_containing (current_page (window), japanese ? "㋐" : "(a)"));
  if (!japanese)
    {
      g_assert_false (shows_text_containing (current_page (window), "㋐"));
      g_assert_false (shows_text_containing (current_page (window), "㋑"));
      g_assert_false (shows_text_containing (current_page (window), "評価点"));
    }
}

/* The interview page says where to ask for an interview, and the contacts to talk to come
 * under their own heading. */
static void
check_interview_words (ScKioskWindow *window)
{
  GtkWidget *page = current_page (window);

  g_assert_true (shows_text_containing (page, _("Someone to Talk To")));
  g_assert_true (shows_text_containing (page, _("You can ask now, here, with the button below. "
                                                "Or ask later, during the stress check "
                                                "period: tell the implementer of the stress "
                                                "check (the company doctor or nurse) that you "
                                                "would like an interview.")));
  g_assert_true (shows_text_containing (page, "健康管理室"));
}

/* ---- The test ---------------------------------------------------------------------------- */

/* The box of earlier years on the result page. */
static GtkWidget *
find_past_results (GtkWidget *widget)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), "past-results") == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_past_results (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
visit_every_page (GtkApplication *app,
                  gconstpointer   data)
{
  const Size *size = data;
  const char *start[] = { "kiosk.start", NULL };
  const char *login[] = { "kiosk.login", NULL };
  const char *question[] = { "kiosk.answer", NULL };
  const char *answered[] = { "kiosk.answer", "kiosk.next", NULL };
  const char *review[] = { "kiosk.submit", NULL };
  const char *result[] = { "kiosk.show-consent", NULL };
  const char *consent[] = { "kiosk.consent", NULL };
  const char *interview[] = { "interview.ask", "kiosk.finish", NULL };
  const char *confirm[] = { "kiosk.request-interview", "interview.back", NULL };
  const char *pin[] = { "kiosk.pin-save", "kiosk.pin-skip", NULL };
  const char *done[] = { "kiosk.finish", NULL };
  const char *leave[] = { "kiosk.leave-confirm", NULL };
  const char *kept[] = { "kiosk.view-done", NULL };
  Fixture fixture = { 0 };
  guint8 answers[SC_BJSQ_N_ITEMS];
  ScKioskWindow *window;
  GtkWidget *page;
  GtkEditable *number, *code;

  fixture_set_up (&fixture);
  for (guint i = 0; i < SC_BJSQ_N_ITEMS; i++)
    answers[i] = (guint8) (ANSWERS[i] - '0');
  /* Last year's result, kept under the PIN used below: seen again, it stands beside this
   * year's. */
  kiosk_vault_add_last_year (&fixture, IMPL_PASS, &person, 1, answers, "25802580");
  window = open_kiosk (app, &fixture, size);

  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "welcome");
  check_page (window, size, start);

  activate (window, "kiosk.start", NULL);
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "login");
  page = current_page (window);
  number = GTK_EDITABLE (find_descendant (page, GTK_TYPE_ENTRY));
  code = GTK_EDITABLE (find_descendant (page, GTK_TYPE_PASSWORD_ENTRY));
  check_login_form_stable (window, size, number, code);
  gtk_editable_set_text (number, NUMBER);
  gtk_editable_set_text (code, fixture.codes[0]);
  check_page (window, size, login);

  activate (window, "kiosk.login", NULL);
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "question");
  check_page (window, size, question);
  for (guint i = 0; i < SC_BJSQ_N_ITEMS; i++)
    {
      ScKioskQuestionPage *question_page = SC_KIOSK_QUESTION_PAGE (current_page (window));

      g_assert_cmpuint (sc_kiosk_question_page_get_index (question_page), ==, i);
      /* The longest texts: A15 (a long item), B1 (a new section), C1 (with a context line). */
      if (i == 14 || i == 17 || i == 46)
        check_page (window, size, question);
      activate (window, "kiosk.answer", g_variant_new_int32 (ANSWERS[i] - '0'));
      if (i == 0)
        {
          /* Back on an answered question: the four answers and Next. */
          activate (window, "kiosk.back", NULL);
          check_page (window, size, answered);
          activate (window, "kiosk.next", NULL);
        }
    }

  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "review");
  check_page (window, size, review);
  activate (window, "kiosk.submit", NULL);

  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "result");
  check_result_words (window);
  check_page (window, size, result);
  activate (window, "kiosk.show-consent", NULL);

  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "consent");
  check_page (window, size, consent);
  activate (window, "kiosk.consent", g_variant_new_boolean (FALSE));

  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "interview");
  check_interview_words (window);
  check_page (window, size, interview);
  g_assert_true (gtk_widget_activate_action (current_page (window), "interview.ask", NULL));
  iterate_until_idle ();
  check_page (window, size, confirm);
  g_assert_true (gtk_widget_activate_action (current_page (window), "interview.back", NULL));
  iterate_until_idle ();
  activate (window, "kiosk.finish", NULL);

  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "pin");
  check_page (window, size, pin);
  activate (window, "kiosk.pin-skip", NULL);

  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "done");
  check_page (window, size, done);
  activate (window, "kiosk.finish", NULL);

  /* The result kept this year, seen again beside last year's: Done stays in view. */
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "welcome");
  kiosk_vault_keep_result (&fixture, fixture.round_id, &person, 0, answers, FALSE, "25802580");
  activate (window, "kiosk.view-again", NULL);
  page = current_page (window);
  gtk_editable_set_text (GTK_EDITABLE (find_descendant (page, GTK_TYPE_ENTRY)), NUMBER);
  gtk_editable_set_text (GTK_EDITABLE (find_descendant (page, GTK_TYPE_PASSWORD_ENTRY)),
                         fixture.codes[0]);
  activate (window, "kiosk.login", NULL);
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "pin");
  gtk_editable_set_text (GTK_EDITABLE (find_descendant (current_page (window),
                                                        GTK_TYPE_PASSWORD_ENTRY)), "25802580");
  activate (window, "kiosk.pin-open", NULL);
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "result");
  g_assert_true (gtk_widget_get_visible (find_past_results (current_page (window))));
  check_page (window, size, kept);
  activate (window, "kiosk.view-done", NULL);
  activate (window, "kiosk.finish", NULL);

  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "welcome");
  activate (window, "kiosk.leave", NULL);
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "leave");
  check_page (window, size, leave);
  activate (window, "kiosk.leave-cancel", NULL);

  kiosk_close (window);
  kiosk_vault_tear_down (&fixture);
  g_assert_cmpuint (n_checked, >, 0);
  g_assert_cmpuint (n_failures, ==, 0);
}

/* Runs @func in an application with the project's style sheet, as the kiosk runs. */
static void
run_with_size (gconstpointer data)
{
  n_failures = 0;
  AdwApplication *app = g_object_new (ADW_TYPE_APPLICATION,
                                      "application-id", APPLICATION_ID ".LayoutTest",
                                      "flags", G_APPLICATION_NON_UNIQUE,
                                      "resource-base-path", RESOURCE_PREFIX,
                                      NULL);

  run_application (GTK_APPLICATION (app), NULL, visit_every_page, data);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (g_strcmp0 (g_getenv ("SC_TEST_LANGUAGE"), "ja") == 0)
    {
      g_assert_nonnull (setup_japanese ());
      language = "ja";
    }
  else
    {
      g_setenv ("LANGUAGE", "en", TRUE);
    }
  gtk_init ();
  /* Pages switch at once, so that every screenshot shows one page. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *path = g_strdup_printf ("/kiosk/layout/%s/%dx%d", language,
                                               sizes[i].width, sizes[i].height);

      g_test_add_data_func (path, &sizes[i], run_with_size);
    }
  return g_test_run ();
}
