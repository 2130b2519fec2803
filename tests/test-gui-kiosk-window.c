/* test-gui-kiosk-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The kiosk as employees and staff meet it, in Japanese, through the real widgets:
 *
 *  - every kiosk page and widget is created, drawn, named for screen readers and finalized;
 *  - whole sessions: log in with the keypad and the keyboard, answer all 57 questions with
 *    keys, buttons and the kiosk.answer action, change an answer on the review page, send,
 *    read the result from the widgets and check it against sc_score(), give or refuse
 *    consent, ask for an interview, finish; then the vault holds exactly that, and the
 *    screen holds nothing of the person;
 *  - the idle timeout wipes the screen, keeps the answers, and a new login resumes them;
 *  - a personal PIN set at the end opens the same result again, read-only, after a wrong
 *    PIN was refused; answering twice in a round is refused after the login;
 *  - wrong codes are throttled with the same message for unknown numbers; a close request
 *    is refused; leaving needs the right passphrase.
 *
 * Screenshots of every page go to G_TEST_BUILDDIR as kiosk-<page>-<width>x<height>.png.
 */
#define G_LOG_DOMAIN "test-gui-kiosk-window"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <adwaita.h>
#include <sodium.h>

#include "sc-access-code.h"
#include "sc-advice.h"
#include "sc-bjsq.h"
#include "sc-kiosk-window.h"
#include "sc-kiosk-welcome-page.h"
#include "sc-kiosk-login-page.h"
#include "sc-kiosk-keypad.h"
#include "sc-kiosk-question-page.h"
#include "sc-kiosk-review-page.h"
#include "sc-kiosk-result-page.h"
#include "sc-kiosk-consent-page.h"
#include "sc-kiosk-interview-page.h"
#include "sc-kiosk-pin-page.h"
#include "sc-kiosk-done-page.h"
#include "sc-kiosk-leave-page.h"
#include "sc-profile-chart.h"
#include "sc-score.h"
#include "sc-secure.h"
#include "sc-vault.h"
#include "sc-test-gui-util.h"
#include "sc-test-kiosk.h"

#define IMPL_PASS "implementer passphrase 1"
#define HR_PASS   "hr passphrase 2"

/* A generous bound for anything the test waits for: a hang fails, nothing is timed. */
#define WAIT_LIMIT_S 60

typedef ScTestKioskPerson Person;

static const Person people[] = {
  { "EMP-00417", "山田 太郎", SC_SEX_MALE },
  { "EMP-00418", "鈴木 花子", SC_SEX_FEMALE },
  { "EMP-00419", "佐藤 次郎", SC_SEX_MALE },
  { "7001", "田中 一郎", SC_SEX_MALE },
};

/* One test's vault: a roster, a round, access codes for everyone, then kiosk mode. */
typedef ScTestKioskVault Fixture;

typedef struct
{
  int         width;
  int         height;
  const char *respondent;   /* id in tests/data/respondents-300.csv */
  gboolean    consent;
  gboolean    interview;
  guint       person;
} SessionCase;

/* ---- Fixture ------------------------------------------------------------------------------ */

static void
fixture_set_up (Fixture    *fixture,
                const char *idle_timeout)
{
  g_autoptr (GError) error = NULL;

  kiosk_vault_set_up (fixture, IMPL_PASS, HR_PASS, people, G_N_ELEMENTS (people),
                           idle_timeout, "健康管理室（内線 1234）保健師 山本");
  /* The help text as Settings changed it: the result page shows this one. */
  g_assert_true (sc_vault_leave_kiosk (fixture->vault, IMPL_PASS, &error));
  g_assert_true (sc_vault_set_setting (fixture->vault, SC_VAULT_SETTING_HELP_TEXT,
                                       "社外の相談窓口：ふれあい相談室 0120-000-111", &error));
  g_assert_no_error (error);
  g_assert_true (sc_vault_enter_kiosk (fixture->vault, &error));
  g_assert_no_error (error);
}

/* ---- Respondents ------------------------------------------------------------------------ */

static void
load_respondent (const char *id,
                 guint8      answers[SC_BJSQ_N_ITEMS],
                 ScSex      *sex)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "respondents-300.csv", NULL);
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) fields = g_strsplit (g_strchomp (lines[i]), ",", 3);

      if (g_strv_length (fields) != 3 || !g_str_equal (fields[0], id))
        continue;
      g_assert_true (sc_sex_parse (fields[1], -1, sex));
      g_assert_true (sc_answers_parse (fields[2], strlen (fields[2]), answers, &error));
      g_assert_no_error (error);
      return;
    }
  g_assert_not_reached ();
}

/* ---- Application ------------------------------------------------------------------------ */

/* Runs @func in a running application with the project's style sheet (see test-gui-window.c);
 * @func destroys every window it made. */
static void
run_in_application (AppFunc       func,
                    gconstpointer data)
{
  AdwApplication *app = g_object_new (ADW_TYPE_APPLICATION,
                                      "application-id", APPLICATION_ID ".KioskTest",
                                      "resource-base-path", RESOURCE_PREFIX,
                                      NULL);

  run_application (GTK_APPLICATION (app), NULL, func, data);
}

/* ---- Waiting, finding, drawing ----------------------------------------------------------- */

static void
on_clicked_cb (GtkButton *button,
               gboolean  *clicked)
{
  *clicked = TRUE;
}

static gboolean
is_true_cb (gpointer data)
{
  return *(gboolean *) data;
}

/* Activates @widget as a tap or Space would. A button's "clicked" comes after its short
 * press animation, so this waits for it. */
static void
tap (GtkWidget *widget)
{
  gboolean clicked = FALSE;
  gulong handler = 0;

  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_is_sensitive (widget));
  if (GTK_IS_BUTTON (widget))
    handler = g_signal_connect (widget, "clicked", G_CALLBACK (on_clicked_cb), &clicked);
  g_assert_true (gtk_widget_activate (widget));
  if (handler != 0)
    {
      wait_until (is_true_cb, &clicked);
      g_signal_handler_disconnect (widget, handler);
    }
  iterate_until_idle ();
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first visible button bound to @action (with @target, or any target for NULL). */
static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action,
                    GVariant   *target)
{
  if (GTK_IS_ACTIONABLE (widget) && gtk_widget_get_visible (widget)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0
      && (target == NULL
          || g_variant_equal (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget)),
                              target)))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action, target);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The keyboard focus is on the page shown (a page change lands on its first control). */
static GtkWidget *
check_focus_on_page (ScKioskWindow *window)
{
  GtkWidget *page = sc_kiosk_window_get_page (window, sc_kiosk_window_get_page_name (window));
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  g_assert_nonnull (focus);
  g_test_message ("focus on %s %s", G_OBJECT_TYPE_NAME (focus),
                  GTK_IS_ACTIONABLE (focus)
                  ? gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)) : "");
  g_assert_true (focus == page || gtk_widget_is_ancestor (focus, page));
  g_assert_true (gtk_widget_is_drawable (focus));
  return focus;
}

/* The focus is on page @name, but not on (or inside) a control bound to @action (a decision
 * that Enter or Space must not take for the person), and activating it does nothing. */
static void
check_focus_on_page_not_on (ScKioskWindow *window,
                            const char    *name,
                            const char    *action)
{
  GtkWidget *focus;

  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, name);
  focus = check_focus_on_page (window);
  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    g_assert_false (GTK_IS_ACTIONABLE (w)
                    && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (w)),
                                  action) == 0);
  g_assert_false (gtk_widget_activate (focus));
}

/* Clicks the button bound to @action on the visible page, as a tap would. */
static void
click_action (ScKioskWindow *window,
              const char    *action)
{
  GtkWidget *page = sc_kiosk_window_get_page (window, sc_kiosk_window_get_page_name (window));
  GtkWidget *button = find_action_button (page, action, NULL);

  tap (button);
}

static GtkEventController *
find_controller (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), name) == 0)
        return controller;
    }
  return NULL;
}

/* Delivers a key press to @controller as GTK does after picking it for the event. */
static gboolean
press_key (GtkEventController *controller,
           guint               keyval,
           GdkModifierType     state)
{
  gboolean handled = FALSE;

  g_assert_nonnull (controller);
  g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
  iterate_until_idle ();
  return handled;
}

static gboolean
press_window_key (ScKioskWindow   *window,
                  guint            keyval,
                  GdkModifierType  state)
{
  return press_key (find_controller (GTK_WIDGET (window), "sc-kiosk-keys"), keyval, state);
}

/* Saves kiosk-@page-@widthx@height.png in the build directory and checks it was drawn. */
static void
save_kiosk_screenshot (GtkWidget  *widget,
                       const char *page,
                       int         width,
                       int         height)
{
  g_autofree char *name = g_strdup_printf ("kiosk-%s-%dx%d.png", page, width, height);

  save_screenshot_png (widget, name, SCREENSHOT_CHECK_DRAWN);
}

/* ---- Accessibility ---------------------------------------------------------------------- */

/* Every visible control under @widget has a role and a name for screen readers, and every
 * button is at least 48 px in both directions (a finger). */
static void
check_controls (GtkWidget *widget,
                guint     *n_controls)
{
  GtkAccessibleRole role;

  if (!gtk_widget_get_visible (widget))
    return;

  role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));
  if (GTK_IS_BUTTON (widget) || GTK_IS_EDITABLE (widget) || GTK_IS_LIST_BOX_ROW (widget)
      || role == GTK_ACCESSIBLE_ROLE_BUTTON || role == GTK_ACCESSIBLE_ROLE_TEXT_BOX)
    {
      g_autofree char *name = get_accessible_name (widget);

      if (name == NULL)
        g_test_message ("unnamed control: %s", G_OBJECT_TYPE_NAME (widget));
      g_assert_nonnull (name);
      g_assert_cmpint (role, !=, GTK_ACCESSIBLE_ROLE_NONE);
      if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget))
        {
          g_assert_cmpint (gtk_widget_get_width (widget), >=, 48);
          g_assert_cmpint (gtk_widget_get_height (widget), >=, 48);
        }
      (*n_controls)++;
      if (GTK_IS_EDITABLE (widget) || GTK_IS_BUTTON (widget))
        return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_controls (child, n_controls);
}

static void
check_page_controls (ScKioskWindow *window)
{
  GtkWidget *page = sc_kiosk_window_get_page (window, sc_kiosk_window_get_page_name (window));
  guint n = 0;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  iterate_until_idle ();
  check_focus_on_page (window);
  check_controls (page, &n);
  g_assert_cmpuint (n, >, 0);
}

/* ---- No trace ------------------------------------------------------------------------------ */

typedef struct
{
  const char * const *forbidden;
  guint               n_labels;
} TraceCheck;

static void
check_no_trace_in (GtkWidget  *widget,
                   TraceCheck *check)
{
  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      for (guint i = 0; check->forbidden[i] != NULL; i++)
        if (strstr (text, check->forbidden[i]) != NULL)
          g_error ("a label still shows “%s”: “%s”", check->forbidden[i], text);
      check->n_labels++;
    }
  if (GTK_IS_EDITABLE (widget) && !GTK_IS_TEXT (widget))
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (widget)), ==, "");
  if (SC_IS_PROFILE_CHART (widget))
    {
      ScResult result;

      g_assert_false (sc_profile_chart_get_result (SC_PROFILE_CHART (widget), &result));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_no_trace_in (child, check);
}

/* Nothing on any page (shown or not) tells who was here or what they answered. */
static void
check_no_trace (ScKioskWindow *window,
                const Person  *person)
{
  const char *forbidden[] = { person->number, person->name, NULL };
  static const char * const value_names[] = { "area-a", "area-b", "area-c", "area-ac",
                                              "verdict", "criterion", "interview",
                                              "scores-note" };
  ScKioskReviewPage *review;
  ScKioskQuestionPage *question;
  GtkWidget *result_page = sc_kiosk_window_get_page (window, "result");
  TraceCheck check = { forbidden, 0 };

  check_no_trace_in (GTK_WIDGET (window), &check);
  g_assert_cmpuint (check.n_labels, >, 100);

  for (guint i = 0; i < G_N_ELEMENTS (value_names); i++)
    {
      GtkWidget *label = find_named (result_page, value_names[i]);

      g_assert_nonnull (label);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "");
    }
  /* The advice chosen for the scores is gone too. */
  for (GtkWidget *child = gtk_widget_get_first_child (find_named (result_page, "advice"));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_assert_false (gtk_widget_get_visible (child));
      for (GtkWidget *label = gtk_widget_get_first_child (child);
           label != NULL;
           label = gtk_widget_get_next_sibling (label))
        g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "");
    }

  review = SC_KIOSK_REVIEW_PAGE (sc_kiosk_window_get_page (window, "review"));
  for (guint i = 0; i < SC_BJSQ_N_ITEMS; i++)
    g_assert_cmpstr (sc_kiosk_review_page_get_answer_text (review, i), ==, "");

  question = SC_KIOSK_QUESTION_PAGE (sc_kiosk_window_get_page (window, "question"));
  g_assert_cmpuint (sc_kiosk_question_page_get_answer (question), ==, 0);
  g_assert_cmpuint (sc_kiosk_question_page_get_index (question), ==, 0);
}

/* ---- Driving the kiosk ------------------------------------------------------------------ */

/* Presents @window with a content area of exactly @width × @height, drawn. */
static void
set_window_size (GtkWindow *window,
                 int        width,
                 int        height)
{
  kiosk_set_window_size (window, width, height);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
}

static ScKioskWindow *
open_kiosk (GtkApplication *app,
            Fixture        *fixture,
            int             width,
            int             height,
            guint           idle_timeout)
{
  ScKioskWindow *window;

  window = g_object_new (SC_TYPE_KIOSK_WINDOW,
                         "application", app,
                         "vault", fixture->vault,
                         "round-id", fixture->round_id,
                         "idle-timeout", idle_timeout,
                         NULL);
  /* Without a window manager (Xvfb) fullscreen has no effect: the window keeps this size. */
  set_window_size (GTK_WINDOW (window), width, height);
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "welcome");

  return window;
}

static void
type_on_keypad (ScKioskLoginPage *page,
                const char       *keys)
{
  ScKioskKeypad *keypad = SC_KIOSK_KEYPAD (find_descendant (GTK_WIDGET (page),
                                                            SC_TYPE_KIOSK_KEYPAD));

  for (const char *k = keys; *k != '\0'; k++)
    {
      char key[2] = { *k, '\0' };
      GtkWidget *button = sc_kiosk_keypad_find_key (keypad, key);

      /* Letters of an employee number are behind the keypad's switch key. */
      if (button == NULL && sc_kiosk_keypad_get_layout (keypad) != SC_KIOSK_KEYPAD_CODE)
        {
          tap (sc_kiosk_keypad_find_key (keypad, "switch"));
          button = sc_kiosk_keypad_find_key (keypad, key);
        }
      g_assert_nonnull (button);
      tap (button);
    }
  iterate_until_idle ();
}

static void
type_on_keyboard (ScKioskLoginPage *page,
                  const char       *text)
{
  GtkEventController *keys = find_controller (GTK_WIDGET (page), "sc-kiosk-login-keys");

  for (const char *c = text; *c != '\0'; c++)
    g_assert_true (press_key (keys, gdk_unicode_to_keyval ((guchar) *c), 0));
}

static GtkEditable *
find_entry (GtkWidget  *page,
            const char *accessible_name)
{
  g_autoptr (GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, page);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_ENTRY (widget) || GTK_IS_PASSWORD_ENTRY (widget))
        {
          g_autofree char *name = get_accessible_name (widget);

          if (g_strcmp0 (name, accessible_name) == 0)
            return GTK_EDITABLE (widget);
        }
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }
  return NULL;
}

/* Logs @person in: the number on the keypad, the code half on the keypad, half on the
 * keyboard (in lower case and with its hyphens, as people type it). */
static void
log_in (ScKioskWindow *window,
        const Person  *person,
        const char    *code,
        const char    *screenshot_size)
{
  ScKioskLoginPage *page = SC_KIOSK_LOGIN_PAGE (sc_kiosk_window_get_page (window, "login"));
  GtkEditable *number_entry = find_entry (GTK_WIDGET (page), _("Employee number"));
  GtkEditable *code_entry = find_entry (GTK_WIDGET (page), _("Access code"));
  char normalized[SC_ACCESS_CODE_NORMALIZED_SIZE];
  g_autofree char *lower = NULL;

  if (g_str_equal (sc_kiosk_window_get_page_name (window), "welcome"))
    click_action (window, "kiosk.start");
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "login");
  g_assert_nonnull (number_entry);
  g_assert_nonnull (code_entry);
  gtk_editable_set_text (number_entry, "");
  gtk_editable_set_text (code_entry, "");
  gtk_widget_grab_focus (GTK_WIDGET (number_entry));
  iterate_until_idle ();

  type_on_keypad (page, person->number);
  g_assert_cmpstr (sc_kiosk_login_page_get_number (page), ==, person->number);

  /* "7KQ-4M9-XT2": "7KQ" on the keypad, "-4m9-xt2" on the keyboard. */
  g_assert_true (sc_access_code_normalize (code, -1, normalized, NULL));
  gtk_widget_grab_focus (GTK_WIDGET (code_entry));
  iterate_until_idle ();
  type_on_keypad (page, (char[]) { normalized[0], normalized[1], normalized[2], '\0' });
  lower = g_ascii_strdown (code + 3, -1);
  type_on_keyboard (page, lower);
  sodium_memzero (normalized, sizeof normalized);

  if (screenshot_size != NULL)
    {
      int w, h;

      sscanf (screenshot_size, "%dx%d", &w, &h);
      save_kiosk_screenshot (GTK_WIDGET (window), "login", w, h);
    }

  click_action (window, "kiosk.login");
  kiosk_wait_not_busy (window);
}

static gboolean
has_left_login_cb (gpointer data)
{
  ScKioskWindow *window = data;

  return !sc_kiosk_window_is_busy (window)
         && !g_str_equal (sc_kiosk_window_get_page_name (window), "login");
}

/* Logs @person in with the keyboard alone: number, Enter, code, Enter. */
static void
log_in_by_keyboard (ScKioskWindow *window,
                    const Person  *person,
                    const char    *code)
{
  ScKioskLoginPage *page = SC_KIOSK_LOGIN_PAGE (sc_kiosk_window_get_page (window, "login"));
  GtkEditable *number_entry = find_entry (GTK_WIDGET (page), _("Employee number"));
  GtkEditable *code_entry = find_entry (GTK_WIDGET (page), _("Access code"));

  if (g_str_equal (sc_kiosk_window_get_page_name (window), "welcome"))
    click_action (window, "kiosk.start");
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "login");
  gtk_editable_set_text (number_entry, "");
  gtk_editable_set_text (code_entry, "");
  gtk_widget_grab_focus (GTK_WIDGET (number_entry));
  type_on_keyboard (page, person->number);
  g_assert_cmpstr (sc_kiosk_login_page_get_number (page), ==, person->number);
  /* Enter in the number goes on to the code. */
  g_signal_emit_by_name (number_entry, "activate");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (code_entry))
                 || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                            GTK_WIDGET (code_entry)));
  type_on_keyboard (page, code);
  g_assert_cmpuint (strlen (sc_kiosk_login_page_get_code (page)), ==, strlen (code));
  /* Enter in the code logs in. */
  g_signal_emit_by_name (code_entry, "activate");
  wait_until (has_left_login_cb, window);
}

/* Answers item @index with @value in one of three ways: a key, a tap on the option button,
 * or the action. */
static void
answer_item (ScKioskWindow *window,
             guint          index,
             guint          value)
{
  ScKioskQuestionPage *page = SC_KIOSK_QUESTION_PAGE (sc_kiosk_window_get_page (window,
                                                                                 "question"));

  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "question");
  g_assert_cmpuint (sc_kiosk_question_page_get_index (page), ==, index);

  switch (index % 3)
    {
    case 0:
      /* The number row for some, the keypad's digits for others. */
      g_assert_true (press_window_key (window, (index % 2 ? GDK_KEY_KP_1 : GDK_KEY_1) + value - 1,
                                       0));
      break;

    case 1:
      tap (sc_kiosk_question_page_get_option (page, value));
      break;

    default:
      gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.answer", "i", (gint32) value);
      iterate_until_idle ();
      break;
    }
}

/* ---- Tests: pages ---------------------------------------------------------------------- */

static void
test_kiosk_pages (GtkApplication *app,
                  gconstpointer   data)
{
  const GType types[] = {
    SC_TYPE_KIOSK_WELCOME_PAGE, SC_TYPE_KIOSK_LOGIN_PAGE, SC_TYPE_KIOSK_QUESTION_PAGE,
    SC_TYPE_KIOSK_REVIEW_PAGE, SC_TYPE_KIOSK_RESULT_PAGE, SC_TYPE_KIOSK_CONSENT_PAGE,
    SC_TYPE_KIOSK_INTERVIEW_PAGE, SC_TYPE_KIOSK_DONE_PAGE, SC_TYPE_KIOSK_LEAVE_PAGE,
    SC_TYPE_KIOSK_KEYPAD, SC_TYPE_PROFILE_CHART,
  };

  /* Each widget alone in a window: made, drawn and freed, with nothing left behind. */
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GtkWidget *window = gtk_window_new ();
      GtkWidget *widget = g_object_new (types[i], NULL);

      g_test_message ("page %s", g_type_name (types[i]));
      g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *) &widget);
      gtk_window_set_child (GTK_WINDOW (window), widget);
      gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
      gtk_window_present (GTK_WINDOW (window));
      wait_for_frame (widget);
      g_assert_true (gtk_widget_get_mapped (widget));
      g_object_ref (window);
      gtk_window_destroy (GTK_WINDOW (window));
      iterate_until_idle ();
      g_assert_finalize_object (window);
      g_assert_null (widget);
    }
}

static void
test_kiosk_keypad (GtkApplication *app,
                   gconstpointer   data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  ScKioskKeypad *keypad = SC_KIOSK_KEYPAD (sc_kiosk_keypad_new ());
  guint n = 0;

  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (keypad));
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (window);
  sc_kiosk_keypad_set_target (keypad, GTK_EDITABLE (entry));

  /* The code layout has exactly the code's alphabet, and a delete key. */
  sc_kiosk_keypad_set_layout (keypad, SC_KIOSK_KEYPAD_CODE);
  iterate_until_idle ();
  for (guint i = 0; i < SC_ACCESS_CODE_ALPHABET_SIZE; i++)
    {
      char key[2] = { SC_ACCESS_CODE_ALPHABET[i], '\0' };

      g_assert_nonnull (sc_kiosk_keypad_find_key (keypad, key));
    }
  g_assert_null (sc_kiosk_keypad_find_key (keypad, "0"));
  g_assert_null (sc_kiosk_keypad_find_key (keypad, "O"));
  g_assert_null (sc_kiosk_keypad_find_key (keypad, "B"));
  tap (sc_kiosk_keypad_find_key (keypad, "7"));
  tap (sc_kiosk_keypad_find_key (keypad, "K"));
  tap (sc_kiosk_keypad_find_key (keypad, "Q"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "7KQ");
  tap (sc_kiosk_keypad_find_key (keypad, "backspace"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "7K");
  /* The keys never take the focus away from the entry. */
  g_assert_false (gtk_widget_get_focusable (sc_kiosk_keypad_find_key (keypad, "7")));

  /* Digits, and letters behind the switch key, for employee numbers. */
  sc_kiosk_keypad_set_layout (keypad, SC_KIOSK_KEYPAD_NUMBER);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  for (char d = '0'; d <= '9'; d++)
    g_assert_nonnull (sc_kiosk_keypad_find_key (keypad, (char[]) { d, '\0' }));
  tap (sc_kiosk_keypad_find_key (keypad, "switch"));
  g_assert_cmpint (sc_kiosk_keypad_get_layout (keypad), ==, SC_KIOSK_KEYPAD_LETTERS);
  tap (sc_kiosk_keypad_find_key (keypad, "Z"));
  tap (sc_kiosk_keypad_find_key (keypad, "-"));
  tap (sc_kiosk_keypad_find_key (keypad, "switch"));
  tap (sc_kiosk_keypad_find_key (keypad, "0"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Z-0");

  iterate_until_idle ();
  check_controls (GTK_WIDGET (keypad), &n);
  g_assert_cmpuint (n, >=, 13);

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_until_idle ();
  g_assert_finalize_object (window);
}

static void
on_left_cb (ScKioskWindow *window,
            gboolean      *left)
{
  g_autoptr (ScVault) vault = NULL;

  /* The vault is the staff's again when the window says so. */
  g_object_get (window, "vault", &vault, NULL);
  g_assert_cmpint (sc_vault_get_role (vault), ==, SC_VAULT_ROLE_IMPLEMENTER);
  *left = TRUE;
}

/* ---- Tests: a whole session -------------------------------------------------------------- */

static void
test_kiosk_session (GtkApplication *app,
                    gconstpointer   data)
{
  const SessionCase *c = data;
  const Person *person = &people[c->person];
  g_autofree char *size = g_strdup_printf ("%dx%d", c->width, c->height);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) submissions = NULL;
  Fixture fixture = { 0 };
  ScKioskWindow *window;
  ScKioskQuestionPage *question;
  ScKioskReviewPage *review;
  ScKioskResultPage *result_page;
  guint8 answers[SC_BJSQ_N_ITEMS];
  ScSex sex;
  ScResult expected, shown;
  ScCriteria criteria;
  const ScAreaResult *area;
  ScVaultResult stored;
  ScVaultSubmission *submission;
  gboolean left = FALSE;
  guint changed_item = 5;
  g_autofree char *area_text = NULL;

  fixture_set_up (&fixture, NULL);
  load_respondent (c->respondent, answers, &sex);
  g_assert_cmpint (sex, ==, person->sex);

  window = open_kiosk (app, &fixture, c->width, c->height, 0);
  g_signal_connect (window, "left", G_CALLBACK (on_left_cb), &left);

  /* A kiosk: no title bar, no window controls, and closing is refused. */
  g_assert_false (gtk_window_get_decorated (GTK_WINDOW (window)));
  g_assert_false (gtk_window_get_deletable (GTK_WINDOW (window)));
  g_assert_null (find_descendant (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR));
  g_assert_null (find_descendant (GTK_WIDGET (window), GTK_TYPE_HEADER_BAR));
  g_assert_null (find_descendant (GTK_WIDGET (window), GTK_TYPE_WINDOW_CONTROLS));
  g_assert_null (find_descendant (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON));
  gtk_window_close (GTK_WINDOW (window));
  iterate_until_idle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (g_list_find (gtk_application_get_windows (app), window) != NULL);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "ストレスチェック");
  check_page_controls (window);
  save_kiosk_screenshot (GTK_WIDGET (window), "welcome", c->width, c->height);

  /* Log in. */
  log_in (window, person, fixture.codes[c->person], size);
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "question");
  question = SC_KIOSK_QUESTION_PAGE (sc_kiosk_window_get_page (window, "question"));
  g_assert_cmpuint (sc_kiosk_question_page_get_index (question), ==, 0);
  check_page_controls (window);
  save_kiosk_screenshot (GTK_WIDGET (window), "question-a", c->width, c->height);

  /* 57 answers, with a look back on the way. */
  for (guint i = 0; i < SC_BJSQ_N_ITEMS; i++)
    {
      if (i == 21)
        save_kiosk_screenshot (GTK_WIDGET (window), "question-b", c->width, c->height);
      if (i == 49)
        save_kiosk_screenshot (GTK_WIDGET (window), "question-c", c->width, c->height);

      answer_item (window, i, answers[i]);

      if (i == 10)
        {
          /* Backspace goes back, showing the answer given; Right goes on again. */
          g_assert_cmpuint (sc_kiosk_question_page_get_index (question), ==, 11);
          g_assert_true (press_window_key (window, GDK_KEY_BackSpace, 0));
          g_assert_cmpuint (sc_kiosk_question_page_get_index (question), ==, 10);
          g_assert_cmpuint (sc_kiosk_question_page_get_answer (question), ==, answers[10]);
          g_assert_true (press_window_key (window, GDK_KEY_Left, 0));
          g_assert_cmpuint (sc_kiosk_question_page_get_index (question), ==, 9);
          g_assert_true (press_window_key (window, GDK_KEY_Right, 0));
          g_assert_true (press_window_key (window, GDK_KEY_Right, 0));
          g_assert_cmpuint (sc_kiosk_question_page_get_index (question), ==, 11);
          /* Not answered yet: Right does not skip it. */
          press_window_key (window, GDK_KEY_Right, 0);
          g_assert_cmpuint (sc_kiosk_question_page_get_index (question), ==, 11);
        }
      else if (i + 1 < SC_BJSQ_N_ITEMS)
        g_assert_cmpuint (sc_kiosk_question_page_get_index (question), ==, i + 1);
    }

  /* The review shows every answer. */
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "review");
  review = SC_KIOSK_REVIEW_PAGE (sc_kiosk_window_get_page (window, "review"));
  for (guint i = 0; i < SC_BJSQ_N_ITEMS; i++)
    g_assert_cmpstr (sc_kiosk_review_page_get_answer_text (review, i), ==,
                     sc_bjsq_option_label (i, answers[i]));
  check_page_controls (window);
  save_kiosk_screenshot (GTK_WIDGET (window), "review", c->width, c->height);

  /* Change one answer: tap its row, answer anew, and land on the review again. */
  tap (sc_kiosk_review_page_get_row (review, changed_item));
  iterate_until_idle ();
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "question");
  g_assert_cmpuint (sc_kiosk_question_page_get_index (question), ==, changed_item);
  g_assert_cmpuint (sc_kiosk_question_page_get_answer (question), ==, answers[changed_item]);
  answers[changed_item] = answers[changed_item] % 4 + 1;
  g_assert_true (press_window_key (window, GDK_KEY_1 + answers[changed_item] - 1, 0));
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "review");
  g_assert_cmpstr (sc_kiosk_review_page_get_answer_text (review, changed_item), ==,
                   sc_bjsq_option_label (changed_item, answers[changed_item]));

  /* Send: the result shown is what sc_score () makes of the final answers. */
  click_action (window, "kiosk.submit");
  kiosk_wait_not_busy (window);
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "result");
  sc_criteria_init_default (&criteria);
  sc_score (answers, sex, &criteria, &expected);
  area = sc_result_primary (&expected, &criteria);
  g_assert_cmpint (area->verdict, ==, c->interview ? SC_VERDICT_HIGH : SC_VERDICT_NOT_HIGH);

  result_page = SC_KIOSK_RESULT_PAGE (sc_kiosk_window_get_page (window, "result"));
  g_assert_true (sc_profile_chart_get_result (sc_kiosk_result_page_get_chart (result_page),
                                              &shown));
  g_assert_cmpmem (shown.score, sizeof shown.score, expected.score, sizeof expected.score);
  g_assert_cmpmem (shown.raw, sizeof shown.raw, expected.raw, sizeof expected.raw);
  g_assert_cmpint (shown.conversion.verdict, ==, expected.conversion.verdict);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (result_page),
                                                              "verdict"))), ==,
                   c->interview ? "あなたは高ストレス者に該当します"
                                : "あなたは高ストレス者に該当しません");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (result_page),
                                                                       "criterion"))),
                            c->interview ? "㋐" : "㋐・㋑"));
  area_text = g_strdup_printf ("%d点", area->b);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (result_page),
                                                              "area-b"))), ==, area_text);
  g_clear_pointer (&area_text, g_free);
  area_text = g_strdup_printf ("%d点", area->a + area->c);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (result_page),
                                                              "area-ac"))), ==, area_text);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (result_page),
                                                              "contact"))), ==,
                   "健康管理室（内線 1234）保健師 山本");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (result_page),
                                                              "help"))), ==,
                   "社外の相談窓口：ふれあい相談室 0120-000-111");
  g_assert_true (gtk_widget_get_visible (find_named (GTK_WIDGET (result_page), "help")));
  /* Advice for the scales with the most stress, then the general advice. */
  {
    GtkWidget *first = gtk_widget_get_first_child (find_named (GTK_WIDGET (result_page),
                                                               "advice"));
    ScScale worst;

    g_assert_true (gtk_widget_get_visible (first));
    if (sc_advice_choose (&expected, 1, &worst) == 1)
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (first))), !=,
                       "");
  }
  check_page_controls (window);
  save_kiosk_screenshot (GTK_WIDGET (window), "result", c->width, c->height);

  /* Consent, only now: no answer has the focus, and nothing is decided by Enter. The page
   * has the focus (its text, before the answers), so that a keyboard or screen-reader user
   * starts there (it used to be nowhere). */
  click_action (window, "kiosk.show-consent");
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "consent");
  check_focus_on_page_not_on (window, "consent", "kiosk.consent");
  g_assert_null (gtk_window_get_default_widget (GTK_WINDOW (window)));
  g_assert_false (sc_kiosk_window_is_busy (window));
  check_page_controls (window);
  save_kiosk_screenshot (GTK_WIDGET (window), "consent", c->width, c->height);
  tap (sc_kiosk_consent_page_get_button (
                   SC_KIOSK_CONSENT_PAGE (sc_kiosk_window_get_page (window, "consent")),
                   c->consent));
  kiosk_wait_not_busy (window);

  if (c->interview)
    {
      ScKioskInterviewPage *interview =
        SC_KIOSK_INTERVIEW_PAGE (sc_kiosk_window_get_page (window, "interview"));

      g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "interview");
      g_assert_false (sc_kiosk_interview_page_is_confirming (interview));
      /* As for consent: the page has the focus, no choice has. */
      check_focus_on_page_not_on (window, "interview", "kiosk.finish");
      check_focus_on_page_not_on (window, "interview", "interview.ask");
      check_page_controls (window);
      save_kiosk_screenshot (GTK_WIDGET (window), "interview", c->width, c->height);

      /* The request is confirmed only after being told it shares the result. */
      gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.request-interview", NULL);
      iterate_until_idle ();
      g_assert_false (sc_kiosk_window_is_busy (window));
      g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "interview");

      tap (sc_kiosk_interview_page_get_button (interview, "ask"));
      iterate_until_idle ();
      g_assert_true (sc_kiosk_interview_page_is_confirming (interview));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (interview),
                                                                  "consent-note"))), ==,
                       c->consent ? "結果を事業者に提供することには、すでに同意しています。"
                                  : "先ほど「提供に同意しない」を選びましたが、申し出た場合は結果が事業者に提供されます。");
      check_page_controls (window);
      save_kiosk_screenshot (GTK_WIDGET (window), "interview-confirm", c->width, c->height);
      tap (sc_kiosk_interview_page_get_button (interview,
                                                                              "confirm"));
      kiosk_wait_not_busy (window);
    }

  /* A personal PIN to see the result again is offered; these people skip it (see
   * test_kiosk_pin () for one who sets it). */
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "pin");
  check_page_controls (window);
  click_action (window, "kiosk.pin-skip");

  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "done");
  check_page_controls (window);
  save_kiosk_screenshot (GTK_WIDGET (window), "done", c->width, c->height);
  click_action (window, "kiosk.finish");
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "welcome");

  /* No trace of the person anywhere in the window. */
  check_no_trace (window, person);

  /* Leave with the implementer's passphrase, after a wrong one. */
  g_assert_true (press_window_key (window, GDK_KEY_Q,
                                   GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK));
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "leave");
  check_page_controls (window);
  gtk_editable_set_text (find_entry (sc_kiosk_window_get_page (window, "leave"),
                                     _("Passphrase")), "not the passphrase");
  save_kiosk_screenshot (GTK_WIDGET (window), "leave", c->width, c->height);
  click_action (window, "kiosk.leave-confirm");
  kiosk_wait_not_busy (window);
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "leave");
  g_assert_cmpint (sc_vault_get_role (fixture.vault), ==, SC_VAULT_ROLE_KIOSK);
  g_assert_false (left);

  g_object_ref (window);
  gtk_editable_set_text (find_entry (sc_kiosk_window_get_page (window, "leave"),
                                     _("Passphrase")), IMPL_PASS);
  click_action (window, "kiosk.leave-confirm");
  kiosk_wait_not_busy (window);
  iterate_until_idle ();
  g_assert_true (left);
  g_assert_null (gtk_application_get_windows (app));
  g_assert_finalize_object (window);
  g_assert_cmpint (sc_vault_get_role (fixture.vault), ==, SC_VAULT_ROLE_IMPLEMENTER);

  /* The vault holds exactly this submission, the decision and the request. */
  submissions = sc_vault_list_submissions (fixture.vault, fixture.round_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (submissions->len, ==, 1);
  submission = g_ptr_array_index (submissions, 0);
  g_assert_cmpstr (submission->employee_number, ==, person->number);
  g_assert_cmpint (submission->consent, ==, c->consent ? SC_VAULT_CONSENT_YES
                                                       : SC_VAULT_CONSENT_NO);
  g_assert_cmpint (submission->interview_requested_at != 0, ==, c->interview);
  g_assert_cmpint (submission->shared_with_hr, ==, c->consent || c->interview);
  g_assert_true (sc_vault_read_result (fixture.vault, submission->id, &stored, &error));
  g_assert_no_error (error);
  g_assert_true (stored.has_answers);
  g_assert_cmpmem (stored.answers, sizeof stored.answers, answers, sizeof answers);
  g_assert_cmpmem (stored.result.score, sizeof stored.result.score,
                   expected.score, sizeof expected.score);

  kiosk_vault_tear_down (&fixture);
}

/* ---- Tests: idle timeout and resuming ------------------------------------------------------ */

static gboolean
is_asking_cb (gpointer data)
{
  return sc_kiosk_window_is_asking_if_present (SC_KIOSK_WINDOW (data));
}

static gboolean
is_welcome_cb (gpointer data)
{
  return g_str_equal (sc_kiosk_window_get_page_name (SC_KIOSK_WINDOW (data)), "welcome")
         && !sc_kiosk_window_is_busy (SC_KIOSK_WINDOW (data));
}

static void
test_kiosk_idle (GtkApplication *app,
                 gconstpointer   data)
{
  const Person *person = &people[1];
  Fixture fixture = { 0 };
  ScKioskWindow *window;
  ScKioskQuestionPage *question;
  guint8 answers[SC_BJSQ_N_ITEMS];
  ScSex sex;
  guint idle_timeout;
  const guint n_answered = 7;

  /* The implementer set a short timeout: 5 seconds. */
  fixture_set_up (&fixture, "5");
  load_respondent ("r1-00002", answers, &sex);

  window = sc_kiosk_window_new (app, fixture.vault, fixture.round_id);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (GTK_WIDGET (window));
  g_object_get (window, "idle-timeout", &idle_timeout, NULL);
  g_assert_cmpuint (idle_timeout, ==, 5);

  log_in_by_keyboard (window, person, fixture.codes[1]);
  question = SC_KIOSK_QUESTION_PAGE (sc_kiosk_window_get_page (window, "question"));
  for (guint i = 0; i < n_answered; i++)
    answer_item (window, i, answers[i]);

  /* "Are you still there?" — Continue keeps everything. */
  wait_until (is_asking_cb, window);
  save_kiosk_screenshot (GTK_WIDGET (window), "idle", 1024, 768);
  tap (find_action_button (GTK_WIDGET (window), "kiosk.continue",
                                                         NULL));
  iterate_until_idle ();
  g_assert_false (sc_kiosk_window_is_asking_if_present (window));
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "question");
  g_assert_cmpuint (sc_kiosk_question_page_get_index (question), ==, n_answered);

  /* Then nobody comes back: the screen is wiped and the welcome page returns. */
  wait_until (is_asking_cb, window);
  wait_until (is_welcome_cb, window);
  iterate_until_idle ();
  check_no_trace (window, person);
  /* The keyboard is on "Start" again, not nowhere (once the answers are kept). */
  kiosk_wait_not_busy (window);
  g_assert_true (check_focus_on_page (window)
                 == find_action_button (sc_kiosk_window_get_page (window, "welcome"),
                                        "kiosk.start", NULL));

  /* Logging in again resumes at the first unanswered question, with the answers kept. */
  log_in_by_keyboard (window, person, fixture.codes[1]);
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "question");
  g_assert_cmpuint (sc_kiosk_question_page_get_index (question), ==, n_answered);
  g_assert_true (press_window_key (window, GDK_KEY_BackSpace, 0));
  g_assert_cmpuint (sc_kiosk_question_page_get_index (question), ==, n_answered - 1);
  g_assert_cmpuint (sc_kiosk_question_page_get_answer (question), ==, answers[n_answered - 1]);

  /* "Stop for now" keeps them too. */
  press_window_key (window, GDK_KEY_Right, 0);
  answer_item (window, n_answered, answers[n_answered]);
  click_action (window, "kiosk.suspend");
  kiosk_wait_not_busy (window);
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "welcome");
  check_no_trace (window, person);
  g_assert_true (check_focus_on_page (window)
                 == find_action_button (sc_kiosk_window_get_page (window, "welcome"),
                                        "kiosk.start", NULL));
  log_in_by_keyboard (window, person, fixture.codes[1]);
  g_assert_cmpuint (sc_kiosk_question_page_get_index (question), ==, n_answered + 1);

  kiosk_close (window);
  kiosk_vault_tear_down (&fixture);
}

/* ---- Tests: throttling, closing, leaving -------------------------------------------------- */

static char *
attempt_login (ScKioskWindow *window,
               const char    *number,
               const char    *code)
{
  ScKioskLoginPage *page = SC_KIOSK_LOGIN_PAGE (sc_kiosk_window_get_page (window, "login"));
  g_autoptr (GPtrArray) stack = g_ptr_array_new ();
  GtkEditable *number_entry = find_entry (GTK_WIDGET (page), _("Employee number"));
  GtkEditable *code_entry = find_entry (GTK_WIDGET (page), _("Access code"));

  gtk_editable_set_text (number_entry, number);
  gtk_editable_set_text (code_entry, code);
  click_action (window, "kiosk.login");
  kiosk_wait_not_busy (window);
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "login");
  /* The code is gone after a failed attempt; the number stays for another try. */
  g_assert_cmpstr (gtk_editable_get_text (code_entry), ==, "");

  /* The message shown under the entries. */
  g_ptr_array_add (stack, page);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget)
          && gtk_widget_has_css_class (widget, "sc-kiosk-error"))
        return g_strdup (gtk_label_get_text (GTK_LABEL (widget)));
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }
  return NULL;
}

static void
test_kiosk_throttle (GtkApplication *app,
                     gconstpointer   data)
{
  Fixture fixture = { 0 };
  ScKioskWindow *window;
  g_autoptr (GPtrArray) known = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) unknown = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *format_error = NULL;
  g_autofree char *after = NULL;
  char wrong[SC_ACCESS_CODE_SIZE];

  fixture_set_up (&fixture, NULL);
  window = open_kiosk (app, &fixture, 1024, 768, 0);
  click_action (window, "kiosk.start");

  /* A code that cannot be one is explained, and does not count as an attempt. */
  format_error = attempt_login (window, people[0].number, "OOPS");
  g_assert_nonnull (format_error);
  g_assert_nonnull (strstr (format_error, "9"));

  /* A well-formed wrong code: one that is not the person's. */
  do
    g_assert_true (sc_access_code_generate (wrong, NULL));
  while (g_str_equal (wrong, fixture.codes[0]));

  for (guint i = 0; i < 6; i++)
    {
      g_ptr_array_add (known, attempt_login (window, people[0].number, wrong));
      g_ptr_array_add (unknown, attempt_login (window, "NOBODY-99", wrong));
      g_test_message ("attempt %u: %s", i + 1, (char *) g_ptr_array_index (known, i));
    }

  /* Whether the number exists or not, every message is the same. */
  for (guint i = 0; i < known->len; i++)
    g_assert_cmpstr (g_ptr_array_index (known, i), ==, g_ptr_array_index (unknown, i));
  /* Wrong at first; after 5 wrong codes, wait. */
  g_assert_nonnull (strstr (g_ptr_array_index (known, 0), "社員番号またはアクセスコード"));
  g_assert_cmpstr (g_ptr_array_index (known, 3), ==, g_ptr_array_index (known, 0));
  g_assert_nonnull (strstr (g_ptr_array_index (known, 4), "お待ち"));
  g_assert_nonnull (strstr (g_ptr_array_index (known, 5), "お待ち"));
  save_kiosk_screenshot (GTK_WIDGET (window), "login-throttled", 1024, 768);

  /* Even the right code waits now: the vault counts too. */
  after = attempt_login (window, people[0].number, fixture.codes[0]);
  g_assert_cmpstr (after, ==, g_ptr_array_index (known, 5));

  /* Another person is not affected. */
  log_in (window, &people[2], fixture.codes[2], NULL);
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "question");

  /* The window cannot be closed, not even with the application's quit. */
  gtk_window_close (GTK_WINDOW (window));
  iterate_until_idle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "question");

  /* Leaving: the combination opens the leave page; Cancel goes back where we were. */
  g_assert_true (press_window_key (window, GDK_KEY_q,
                                   GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK));
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "leave");
  click_action (window, "kiosk.leave-cancel");
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "question");
  /* Without all three modifiers it is just a key. */
  g_assert_false (press_window_key (window, GDK_KEY_q, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "question");

  kiosk_close (window);
  sodium_memzero (wrong, sizeof wrong);
  kiosk_vault_tear_down (&fixture);
}

/* ---- Tests: the personal PIN -------------------------------------------------------------- */

static void
test_kiosk_pin_page (GtkApplication *app,
                     gconstpointer   data)
{
  /* The page alone in a window, in each of its modes: made, drawn and freed. */
  for (guint mode = 0; mode < 3; mode++)
    {
      GtkWidget *window = gtk_window_new ();
      GtkWidget *widget = sc_kiosk_pin_page_new ();
      ScKioskKeypad *keypad;

      g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *) &widget);
      if (mode == SC_KIOSK_PIN_PAGE_MESSAGE)
        sc_kiosk_pin_page_show_message (SC_KIOSK_PIN_PAGE (widget), "title", NULL, TRUE);
      else
        sc_kiosk_pin_page_ask (SC_KIOSK_PIN_PAGE (widget), mode);
      g_assert_cmpint (sc_kiosk_pin_page_get_mode (SC_KIOSK_PIN_PAGE (widget)), ==, mode);
      gtk_window_set_child (GTK_WINDOW (window), widget);
      gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
      gtk_window_present (GTK_WINDOW (window));
      wait_for_frame (widget);
      g_assert_true (gtk_widget_get_mapped (widget));

      /* The keypad has digits only: no letters, no switch to them. */
      keypad = SC_KIOSK_KEYPAD (find_descendant (widget, SC_TYPE_KIOSK_KEYPAD));
      g_assert_cmpint (sc_kiosk_keypad_get_layout (keypad), ==, SC_KIOSK_KEYPAD_DIGITS);
      for (char d = '0'; d <= '9'; d++)
        g_assert_nonnull (sc_kiosk_keypad_find_key (keypad, (char[]) { d, '\0' }));
      g_assert_nonnull (sc_kiosk_keypad_find_key (keypad, "backspace"));
      g_assert_null (sc_kiosk_keypad_find_key (keypad, "switch"));
      g_assert_null (sc_kiosk_keypad_find_key (keypad, "A"));

      g_object_ref (window);
      gtk_window_destroy (GTK_WINDOW (window));
      iterate_until_idle ();
      g_assert_finalize_object (window);
      g_assert_null (widget);
    }
}

/* The text of the visible error message on @page, or NULL. */
static char *
get_error_text (GtkWidget *page)
{
  g_autoptr (GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, page);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget)
          && gtk_widget_has_css_class (widget, "sc-kiosk-error"))
        return g_strdup (gtk_label_get_text (GTK_LABEL (widget)));
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }
  return NULL;
}

/* Whether a label that is drawn on @widget says @text. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

/* Types @pin into the PIN page's entry named @entry_name: on the keypad, or the keyboard. */
static void
type_pin (ScKioskWindow *window,
          const char    *entry_name,
          const char    *pin,
          gboolean       on_keypad)
{
  GtkWidget *page = sc_kiosk_window_get_page (window, "pin");
  GtkEditable *entry = find_entry (page, entry_name);
  ScKioskKeypad *keypad = SC_KIOSK_KEYPAD (find_descendant (page, SC_TYPE_KIOSK_KEYPAD));
  GtkEventController *keys = find_controller (page, "sc-kiosk-pin-keys");

  g_assert_nonnull (entry);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (entry)));
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  iterate_until_idle ();
  for (const char *c = pin; *c != '\0'; c++)
    {
      if (on_keypad)
        tap (sc_kiosk_keypad_find_key (keypad, (char[]) { *c, '\0' }));
      else
        g_assert_true (press_key (keys, gdk_unicode_to_keyval ((guchar) *c), 0));
    }
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, pin);
}

static void
test_kiosk_pin (GtkApplication *app,
                gconstpointer   data)
{
  const Person *person = &people[0];
  const char *pin = "4711";
  Fixture fixture = { 0 };
  ScKioskWindow *window;
  ScKioskPinPage *pin_page;
  ScKioskResultPage *result_page;
  GtkWidget *page;
  guint8 answers[SC_BJSQ_N_ITEMS];
  ScSex sex;
  ScResult expected, shown;
  ScCriteria criteria;
  const ScAreaResult *area;
  g_autofree char *error_text = NULL;
  g_autofree char *area_text = NULL;

  fixture_set_up (&fixture, NULL);
  load_respondent ("r1-00028", answers, &sex);
  g_assert_cmpint (sex, ==, person->sex);
  sc_criteria_init_default (&criteria);
  sc_score (answers, sex, &criteria, &expected);
  area = sc_result_primary (&expected, &criteria);
  g_assert_cmpint (area->verdict, ==, SC_VERDICT_HIGH);

  window = open_kiosk (app, &fixture, 1024, 768, 0);
  pin_page = SC_KIOSK_PIN_PAGE (sc_kiosk_window_get_page (window, "pin"));
  page = GTK_WIDGET (pin_page);

  /* A whole session, without consent, and "not now" to the interview. */
  log_in (window, person, fixture.codes[0], NULL);
  for (guint i = 0; i < SC_BJSQ_N_ITEMS; i++)
    answer_item (window, i, answers[i]);
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "review");
  click_action (window, "kiosk.submit");
  kiosk_wait_not_busy (window);
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "result");
  click_action (window, "kiosk.show-consent");
  tap (sc_kiosk_consent_page_get_button (
                   SC_KIOSK_CONSENT_PAGE (sc_kiosk_window_get_page (window, "consent")), FALSE));
  kiosk_wait_not_busy (window);
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "interview");
  click_action (window, "kiosk.finish");

  /* The PIN is offered, with what it is for. */
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "pin");
  g_assert_cmpint (sc_kiosk_pin_page_get_mode (pin_page), ==, SC_KIOSK_PIN_PAGE_SET);
  g_assert_true (shows_text (page, _("See This Result Again Later?")));
  g_assert_nonnull (find_action_button (page, "kiosk.pin-skip", NULL));
  check_page_controls (window);
  g_assert_false (sc_vault_has_result_view (fixture.vault, fixture.round_id, person->number));

  /* Too short, then two that differ: refused here, with a message, and nothing is kept. */
  type_pin (window, _("Personal PIN"), "12", TRUE);
  type_pin (window, _("The same PIN again"), "12", TRUE);
  click_action (window, "kiosk.pin-save");
  g_assert_false (sc_kiosk_window_is_busy (window));
  error_text = get_error_text (page);
  g_assert_cmpstr (error_text, ==, _("A PIN has 4 to 8 digits. Please try again."));
  g_clear_pointer (&error_text, g_free);
  g_assert_cmpstr (sc_kiosk_pin_page_get_pin (pin_page), ==, "");

  /* A PIN anyone would guess first is refused too, with what to avoid. */
  for (guint i = 0; i < 2; i++)
    {
      const char *trivial = i == 0 ? "1234" : "0000";

      type_pin (window, _("Personal PIN"), trivial, TRUE);
      type_pin (window, _("The same PIN again"), trivial, FALSE);
      click_action (window, "kiosk.pin-save");
      kiosk_wait_not_busy (window);
      g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "pin");
      error_text = get_error_text (page);
      g_assert_cmpstr (error_text, ==, _("This PIN is too easy to guess. Please do not use one "
                                         "digit repeated or digits in a row, such as 1111 or "
                                         "1234."));
      g_clear_pointer (&error_text, g_free);
      g_assert_cmpstr (sc_kiosk_pin_page_get_pin (pin_page), ==, "");
      g_assert_false (sc_vault_has_result_view (fixture.vault, fixture.round_id,
                                                person->number));
    }

  type_pin (window, _("Personal PIN"), pin, TRUE);
  /* Letters are not typed into a PIN. */
  g_assert_true (press_key (find_controller (page, "sc-kiosk-pin-keys"), GDK_KEY_a, 0));
  g_assert_cmpstr (sc_kiosk_pin_page_get_pin (pin_page), ==, pin);
  type_pin (window, _("The same PIN again"), "4712", FALSE);
  save_kiosk_screenshot (GTK_WIDGET (window), "pin", 1024, 768);
  click_action (window, "kiosk.pin-save");
  error_text = get_error_text (page);
  g_assert_cmpstr (error_text, ==, _("The two PINs do not match. Please enter your PIN "
                                     "again in both fields."));
  g_clear_pointer (&error_text, g_free);
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "pin");

  /* The keypad for the first, the keyboard for the second: saved. */
  type_pin (window, _("Personal PIN"), pin, TRUE);
  type_pin (window, _("The same PIN again"), pin, FALSE);
  click_action (window, "kiosk.pin-save");
  kiosk_wait_not_busy (window);
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "done");
  g_assert_true (sc_vault_has_result_view (fixture.vault, fixture.round_id, person->number));
  click_action (window, "kiosk.finish");
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "welcome");
  check_no_trace (window, person);

  /* "See My Result Again": the same login, then the PIN. */
  click_action (window, "kiosk.view-again");
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "login");
  log_in (window, person, fixture.codes[0], NULL);
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "pin");
  g_assert_cmpint (sc_kiosk_pin_page_get_mode (pin_page), ==, SC_KIOSK_PIN_PAGE_ENTER);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (find_entry (page,
                                                                  _("The same PIN again")))));
  check_page_controls (window);

  /* A wrong PIN is refused, with a message. */
  type_pin (window, _("Personal PIN"), "9999", TRUE);
  save_kiosk_screenshot (GTK_WIDGET (window), "pin-enter", 1024, 768);
  click_action (window, "kiosk.pin-open");
  kiosk_wait_not_busy (window);
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "pin");
  error_text = get_error_text (page);
  g_assert_cmpstr (error_text, ==, _("This PIN is not right. Please try again."));
  g_clear_pointer (&error_text, g_free);
  g_assert_cmpstr (sc_kiosk_pin_page_get_pin (pin_page), ==, "");

  /* The right one shows the same result, read-only. */
  type_pin (window, _("Personal PIN"), pin, FALSE);
  click_action (window, "kiosk.pin-open");
  kiosk_wait_not_busy (window);
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "result");
  result_page = SC_KIOSK_RESULT_PAGE (sc_kiosk_window_get_page (window, "result"));
  g_assert_true (sc_profile_chart_get_result (sc_kiosk_result_page_get_chart (result_page),
                                              &shown));
  g_assert_cmpmem (shown.score, sizeof shown.score, expected.score, sizeof expected.score);
  g_assert_cmpmem (shown.raw, sizeof shown.raw, expected.raw, sizeof expected.raw);
  g_assert_cmpint (shown.conversion.verdict, ==, expected.conversion.verdict);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (result_page),
                                                              "verdict"))), ==,
                   "あなたは高ストレス者に該当します");
  area_text = g_strdup_printf ("%d点", area->a + area->c);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (result_page),
                                                              "area-ac"))), ==, area_text);
  /* What they decided then is shown: no consent, and no interview asked for yet. */
  {
    g_autofree char *next = g_strconcat (_("This is the result you kept. Nothing can be "
                                           "changed here."), " ",
                                         _("You did not agree that your employer may see "
                                           "this result."), NULL);

    g_assert_true (shows_text (GTK_WIDGET (result_page), next));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (result_page),
                                                                "interview"))), ==,
                     _("An interview with a doctor is recommended. To ask for one, talk to "
                       "the implementer of the stress check."));
  }
  /* No consent or interview this time: the button ends the visit. */
  g_assert_null (find_action_button (GTK_WIDGET (result_page), "kiosk.show-consent", NULL));
  g_assert_nonnull (find_action_button (GTK_WIDGET (result_page), "kiosk.view-done", NULL));
  check_page_controls (window);
  save_kiosk_screenshot (GTK_WIDGET (window), "result-again", 1024, 768);
  click_action (window, "kiosk.view-done");
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "done");
  click_action (window, "kiosk.finish");
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "welcome");
  check_no_trace (window, person);

  /* "Start" again for the same person: already answered, and the result is offered. */
  log_in (window, person, fixture.codes[0], NULL);
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "pin");
  g_assert_cmpint (sc_kiosk_pin_page_get_mode (pin_page), ==, SC_KIOSK_PIN_PAGE_MESSAGE);
  g_assert_true (shows_text (page, _("You have already answered this round")));
  check_page_controls (window);
  save_kiosk_screenshot (GTK_WIDGET (window), "pin-answered", 1024, 768);
  click_action (window, "kiosk.pin-enter");
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "pin");
  g_assert_cmpint (sc_kiosk_pin_page_get_mode (pin_page), ==, SC_KIOSK_PIN_PAGE_ENTER);
  click_action (window, "kiosk.pin-cancel");
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "welcome");
  check_no_trace (window, person);

  /* Someone who kept nothing is told so, and goes back to the start. */
  click_action (window, "kiosk.view-again");
  log_in (window, &people[1], fixture.codes[1], NULL);
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "pin");
  g_assert_cmpint (sc_kiosk_pin_page_get_mode (pin_page), ==, SC_KIOSK_PIN_PAGE_MESSAGE);
  g_assert_true (shows_text (page, _("No result was kept for viewing again. Ask the "
                                     "implementer.")));
  g_assert_null (find_action_button (page, "kiosk.pin-enter", NULL));
  check_page_controls (window);
  click_action (window, "kiosk.pin-cancel");
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "welcome");
  check_no_trace (window, &people[1]);

  /* One submission only: the second login did not start the questions again. */
  kiosk_close (window);
  g_assert_true (sc_vault_has_submitted (fixture.vault, fixture.round_id, person->number));
  g_assert_false (sc_vault_has_submitted (fixture.vault, fixture.round_id, people[1].number));
  kiosk_vault_tear_down (&fixture);
}

/* Someone who asked for an interview and shared the result sees that again with the kept
 * result, and is not told to go and ask for an interview. */
static void
test_kiosk_view_again_decisions (GtkApplication *app,
                                 gconstpointer   data)
{
  const Person *person = &people[2];
  Fixture fixture = { 0 };
  ScKioskWindow *window;
  ScKioskInterviewPage *interview;
  GtkWidget *result_page;
  guint8 answers[SC_BJSQ_N_ITEMS];
  ScSex sex;
  g_autofree char *next = NULL;
  const char *interview_text;

  fixture_set_up (&fixture, NULL);
  load_respondent ("r1-00053", answers, &sex);
  g_assert_cmpint (sex, ==, person->sex);
  window = open_kiosk (app, &fixture, 1024, 768, 0);

  log_in (window, person, fixture.codes[2], NULL);
  for (guint i = 0; i < SC_BJSQ_N_ITEMS; i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.answer", "i", (gint32) answers[i]);
      iterate_until_idle ();
    }
  click_action (window, "kiosk.submit");
  kiosk_wait_not_busy (window);
  click_action (window, "kiosk.show-consent");
  tap (sc_kiosk_consent_page_get_button (
                   SC_KIOSK_CONSENT_PAGE (sc_kiosk_window_get_page (window, "consent")), TRUE));
  kiosk_wait_not_busy (window);
  interview = SC_KIOSK_INTERVIEW_PAGE (sc_kiosk_window_get_page (window, "interview"));
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "interview");
  tap (sc_kiosk_interview_page_get_button (interview, "ask"));
  tap (sc_kiosk_interview_page_get_button (interview, "confirm"));
  kiosk_wait_not_busy (window);
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "pin");
  type_pin (window, _("Personal PIN"), "2580", TRUE);
  type_pin (window, _("The same PIN again"), "2580", TRUE);
  click_action (window, "kiosk.pin-save");
  kiosk_wait_not_busy (window);
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "done");
  click_action (window, "kiosk.finish");

  click_action (window, "kiosk.view-again");
  log_in (window, person, fixture.codes[2], NULL);
  type_pin (window, _("Personal PIN"), "2580", FALSE);
  click_action (window, "kiosk.pin-open");
  kiosk_wait_not_busy (window);
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "result");
  result_page = sc_kiosk_window_get_page (window, "result");

  interview_text = gtk_label_get_text (GTK_LABEL (find_named (result_page, "interview")));
  g_assert_cmpstr (interview_text, ==,
                   _("An interview with a doctor is recommended, and you have asked for one. "
                     "The implementer of the stress check will contact you."));
  g_assert_null (strstr (interview_text, _("To ask for one")));
  next = g_strconcat (_("This is the result you kept. Nothing can be changed here."), " ",
                      _("You agreed that your employer may see this result."), NULL);
  g_assert_true (shows_text (result_page, next));
  check_page_controls (window);
  save_kiosk_screenshot (GTK_WIDGET (window), "result-again-decided", 1024, 768);

  click_action (window, "kiosk.view-done");
  click_action (window, "kiosk.finish");
  check_no_trace (window, person);
  kiosk_close (window);
  kiosk_vault_tear_down (&fixture);
}

/* ---- Earlier years (issue 11 §8) ----------------------------------------------------------- */

/* Opens @person's kept result of this year with @pin. */
static GtkWidget *
view_again (ScKioskWindow *window,
            Fixture       *fixture,
            guint          person,
            const char    *pin)
{
  click_action (window, "kiosk.view-again");
  log_in (window, &people[person], fixture->codes[person], NULL);
  type_pin (window, _("Personal PIN"), pin, FALSE);
  click_action (window, "kiosk.pin-open");
  kiosk_wait_not_busy (window);
  if (!g_str_equal (sc_kiosk_window_get_page_name (window), "result"))
    {
      g_autofree char *text = get_error_text (sc_kiosk_window_get_page (window, "pin"));

      g_test_message ("PIN page: %s", text);
    }
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "result");
  return sc_kiosk_window_get_page (window, "result");
}

/* Scrolls the result page so that the earlier years are at its top, for the screenshot. */
static void
scroll_to (GtkWidget *page,
           GtkWidget *widget)
{
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (find_descendant (page,
                                                                      GTK_TYPE_SCROLLED_WINDOW));
  GtkWidget *content = gtk_scrolled_window_get_child (scrolled);
  graphene_point_t at;

  g_assert_true (gtk_widget_compute_point (widget, content, &GRAPHENE_POINT_INIT (0, 0), &at));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled), at.y - 12);
  iterate_until_idle ();
  gtk_test_widget_wait_for_draw (page);
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static void
test_kiosk_past_results (GtkApplication *app,
                         gconstpointer   data)
{
  Fixture fixture = { 0 };
  ScKioskWindow *window;
  GtkWidget *page, *past;
  guint8 last_year[SC_BJSQ_N_ITEMS], this_year[SC_BJSQ_N_ITEMS];
  ScSex sex;
  ScResult last_result;
  ScCriteria criteria;
  g_autofree char *sum_a = NULL;

  fixture_set_up (&fixture, NULL);
  load_respondent ("r1-00028", last_year, &sex);
  load_respondent ("r1-00053", this_year, &sex);
  kiosk_vault_add_last_year (&fixture, IMPL_PASS, people, 2, last_year, "25802580");
  /* This year: person 0 keeps the result under the same PIN, person 1 under another. */
  kiosk_vault_keep_result (&fixture, fixture.round_id, &people[0], 0, this_year, TRUE, "25802580");
  kiosk_vault_keep_result (&fixture, fixture.round_id, &people[1], 1, this_year, TRUE, "36913691");

  window = open_kiosk (app, &fixture, 1024, 768, 0);

  /* The same PIN: last year's result beside this year's, in a table and two charts. */
  page = view_again (window, &fixture, 0, "25802580");
  past = find_named (page, "past-results");
  g_assert_true (gtk_widget_get_visible (past));
  g_assert_true (shows_text (past, _("Earlier Years")));
  g_assert_true (shows_text (past, "2025年度"));
  g_assert_true (shows_text (past, _("This year")));
  /* The header and two years, six columns each. */
  g_assert_cmpuint (count_children (find_named (past, "past-table")), ==, 3 * 6);
  g_assert_cmpuint (count_children (find_named (past, "past-charts")), ==, 2);
  sc_criteria_init_default (&criteria);
  sc_score (last_year, people[0].sex, &criteria, &last_result);
  sum_a = g_strdup_printf ("%d", sc_result_primary (&last_result, &criteria)->a);
  g_assert_true (shows_text (find_named (past, "past-table"), sum_a));
  g_assert_null (find_named (past, "past-note"));
  check_page_controls (window);
  scroll_to (page, past);
  save_kiosk_screenshot (GTK_WIDGET (window), "result-past-years", 1024, 768);
  click_action (window, "kiosk.view-done");
  click_action (window, "kiosk.finish");
  check_no_trace (window, &people[0]);
  g_assert_false (gtk_widget_get_visible (past));

  /* The same on a large screen. */
  kiosk_close (window);
  window = open_kiosk (app, &fixture, 1920, 1080, 0);
  page = view_again (window, &fixture, 0, "25802580");
  past = find_named (page, "past-results");
  g_assert_cmpuint (count_children (find_named (past, "past-charts")), ==, 2);
  scroll_to (page, past);
  save_kiosk_screenshot (GTK_WIDGET (window), "result-past-years", 1920, 1080);
  click_action (window, "kiosk.view-done");
  click_action (window, "kiosk.finish");

  /* Another PIN this year, at text scale 1.5: only this year's result, and a note that an
   * earlier one exists but is not shown. */
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", 144 * 1024, NULL);
  page = view_again (window, &fixture, 1, "36913691");
  past = find_named (page, "past-results");
  g_assert_true (gtk_widget_get_visible (past));
  g_assert_null (find_named (past, "past-table"));
  g_assert_true (shows_text (past, _("A result you kept in an earlier year with another PIN, "
                                     "with a PIN shorter than 8 digits, or before this was "
                                     "possible, is not shown.")));
  g_assert_false (shows_text (past, "2025年度"));
  scroll_to (page, past);
  save_kiosk_screenshot (GTK_WIDGET (window), "result-past-other-pin-scale-1.5", 1920, 1080);
  click_action (window, "kiosk.view-done");
  click_action (window, "kiosk.finish");
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", 96 * 1024, NULL);

  kiosk_close (window);
  kiosk_vault_tear_down (&fixture);
}

static gboolean
shows_shortcuts_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not owned */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (window) && gtk_widget_get_visible (window))
        return TRUE;
    }
  return FALSE;
}

/* Ctrl+? in the kiosk does not open the application's shortcuts window: none of its
 * shortcuts applies there. */
static void
test_kiosk_no_shortcuts_window (GtkApplication *app,
                                gconstpointer   data)
{
  Fixture fixture = { 0 };
  ScKioskWindow *window;

  fixture_set_up (&fixture, NULL);
  window = open_kiosk (app, &fixture, 1024, 768, 0);
  iterate_until_idle ();

  /* The application's Ctrl+? goes to win.show-help-overlay; in the kiosk it does nothing. */
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  iterate_until_idle ();
  g_assert_false (shows_shortcuts_window ());
  g_assert_cmpstr (sc_kiosk_window_get_page_name (window), ==, "welcome");
  /* Not at the path where GtkApplication would build it for every window, the kiosk's too. */
  g_assert_false (g_resources_get_info (RESOURCE_PREFIX "/gtk/help-overlay.ui",
                                        G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL));

  kiosk_close (window);
  kiosk_vault_tear_down (&fixture);
}

/* The welcome page and its centred content answer a width asked for at a given height as their
 * width at any height (ScHeightForWidthBin): asked on, the question made every wrapping label
 * search for its narrowest width, thousands of shaping calls in the first frame (BENCHMARKS.md). */
static void
test_kiosk_welcome_width_for_height (GtkApplication *app,
                                     gconstpointer   data)
{
  Fixture fixture = { 0 };
  ScKioskWindow *window;
  GtkWidget *page, *clamp;
  GtkWidget *widgets[2];

  fixture_set_up (&fixture, NULL);
  window = open_kiosk (app, &fixture, 1024, 768, 0);
  iterate_until_idle ();

  page = sc_kiosk_window_get_page (window, "welcome");
  clamp = find_descendant (page, ADW_TYPE_CLAMP);
  g_assert_nonnull (clamp);
  widgets[0] = page;
  widgets[1] = adw_clamp_get_child (ADW_CLAMP (clamp));
  for (guint w = 0; w < G_N_ELEMENTS (widgets); w++)
    {
      int min, nat;

      g_assert_cmpint (gtk_widget_get_request_mode (widgets[w]), ==,
                       GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH);
      gtk_widget_measure (widgets[w], GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      g_assert_cmpint (min, >, 0);
      for (int height = 50; height <= 1250; height += 400)
        {
          int min_h, nat_h;

          gtk_widget_measure (widgets[w], GTK_ORIENTATION_HORIZONTAL, height, &min_h, &nat_h,
                              NULL, NULL);
          g_assert_cmpint (min_h, ==, min);
          g_assert_cmpint (nat_h, ==, nat);
        }
    }

  kiosk_close (window);
  kiosk_vault_tear_down (&fixture);
}

/* ---- Main ---------------------------------------------------------------------------------- */

typedef struct
{
  AppFunc       func;
  gconstpointer data;
} KioskTest;

static void
run_kiosk_test (gconstpointer data)
{
  const KioskTest *test = data;

  run_in_application (test->func, test->data);
}

static void
add_test (const char    *path,
          AppFunc        func,
          gconstpointer  data)
{
  KioskTest *test = g_new0 (KioskTest, 1);

  test->func = func;
  test->data = data;
  g_test_add_data_func_full (path, test, run_kiosk_test, g_free);
}

static const SessionCase session_cases[] = {
  /* High stress (㋐): consent, then an interview request. */
  { 1024, 768, "r1-00028", TRUE, TRUE, 0 },
  /* High stress: no consent, but an interview request (which shares the result anyway). */
  { 1920, 1080, "r1-00053", FALSE, TRUE, 2 },
  /* Not high stress: no interview page. */
  { 1024, 768, "r1-00000", TRUE, FALSE, 3 },
  { 1920, 1080, "r1-00000", FALSE, FALSE, 0 },
};

int
main (int   argc,
      char *argv[])
{
  /* Japanese, the kiosk's main language. */
  test_gui_init_japanese (&argc, &argv);
  test_gui_set_wait_limit (WAIT_LIMIT_S);

  add_test ("/gui/kiosk/pages", test_kiosk_pages, NULL);
  add_test ("/gui/kiosk/keypad", test_kiosk_keypad, NULL);
  add_test ("/gui/kiosk/session/1024x768-high-consent-interview", test_kiosk_session,
            &session_cases[0]);
  add_test ("/gui/kiosk/session/1920x1080-high-no-consent-interview", test_kiosk_session,
            &session_cases[1]);
  add_test ("/gui/kiosk/session/1024x768-not-high-consent", test_kiosk_session,
            &session_cases[2]);
  add_test ("/gui/kiosk/session/1920x1080-not-high-no-consent", test_kiosk_session,
            &session_cases[3]);
  add_test ("/gui/kiosk/idle-timeout", test_kiosk_idle, NULL);
  add_test ("/gui/kiosk/throttle-close-leave", test_kiosk_throttle, NULL);
  add_test ("/gui/kiosk/pin-page", test_kiosk_pin_page, NULL);
  add_test ("/gui/kiosk/pin-view-again", test_kiosk_pin, NULL);
  add_test ("/gui/kiosk/view-again-decisions", test_kiosk_view_again_decisions, NULL);
  add_test ("/gui/kiosk/past-results", test_kiosk_past_results, NULL);
  add_test ("/gui/kiosk/no-shortcuts-window", test_kiosk_no_shortcuts_window, NULL);
  add_test ("/gui/kiosk/welcome-width-for-height", test_kiosk_welcome_width_for_height, NULL);

  return test_gui_run ();
}
