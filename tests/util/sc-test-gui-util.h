/* sc-test-gui-util.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The test-utilities library of the GUI tests (libsctestguiutil, on top of libsctestutil):
 * run a test inside a real running application, iterate and wait on the main loop, find
 * windows and widgets, type and click as a user does, check names for screen readers, save
 * screenshots to G_TEST_BUILDDIR, watch widgets for finalization, and run in Japanese with
 * the catalog built from po/ja.po (SC_TEST_LANGUAGE=ja).
 *
 * wait_until () and the waits built on it fail after a limit (60 s unless a test sets
 * another with test_gui_set_wait_limit ()), which only a hang takes.
 */
#pragma once

#include <glib/gi18n-lib.h>
#include <adwaita.h>

#include "sc-application.h"
#include "sc-window.h"
#include "sc-test-util.h"

G_BEGIN_DECLS

/* Set-up */

/* Sets up the language (Japanese with SC_TEST_LANGUAGE=ja, otherwise the English strings),
 * a private data folder (for the demo vault), the minimum key-derivation limits, GLib's
 * test framework, GTK and libadwaita, with animations off so that screenshots show one page, not a
 * cross-fade. Call first in main (); end main with test_gui_run (). */
void          test_gui_init            (int          *argc,
                                        char       ***argv);

/* Like test_gui_init (), in Japanese whatever SC_TEST_LANGUAGE says. */
void          test_gui_init_japanese   (int          *argc,
                                        char       ***argv);

/* Runs the tests, then removes the private data folder. */
int           test_gui_run             (void);

/* Whether the tests run in Japanese (SC_TEST_LANGUAGE=ja). */
gboolean      test_gui_is_japanese     (void);

/* The private data folder (XDG_DATA_HOME) that test_gui_init () made. */
const char   *test_gui_get_data_home   (void);

/* How long wait_until () waits before it fails the test. */
void          test_gui_set_wait_limit  (guint         seconds);

/* Switches the program to Japanese with the catalog built by po/meson.build
 * (SC_TEST_LOCALEDIR/ja/LC_MESSAGES/stresscheck.mo) and keeps GTK from choosing another
 * locale. Call after g_test_init () and before gtk_init (). Returns the locale set, or NULL.
 * test_gui_init () calls it when SC_TEST_LANGUAGE=ja. */
const char   *setup_japanese           (void);

/* A translated string, as the user interface shows it in the language under test. */
#define T(s) g_dgettext (GETTEXT_PACKAGE, s)

/* The main loop */

void          iterate_until_idle       (void);

typedef gboolean (*ConditionFunc) (gpointer data);

/* Runs the main loop until @condition holds; fails after the wait limit. */
void          wait_until               (ConditionFunc  condition,
                                        gpointer       data);

/* Waits until @widget is mapped and drawn. */
void          wait_for_frame           (GtkWidget     *widget);

/* Windows */

/* Destroys @window, which must then be finalized. */
void          destroy_window           (gpointer       window);

/* The first visible toplevel of @type, or NULL. */
GtkWindow    *find_toplevel            (GType          type);

/* Waits until a toplevel of @type is shown, and returns it mapped and drawn. */
GtkWindow    *wait_for_toplevel        (GType          type);

/* The ScWindow the activation of @app presented, mapped and drawn. */
ScWindow     *wait_for_sc_window       (ScApplication *app);

/* The widget tree */

/* @widget or its first descendant of @type, in the order of the widget tree. */
GtkWidget    *find_descendant          (GtkWidget     *widget,
                                        GType          type);

/* Adds @widget and its descendants of @type to @found, in the order of the widget tree. */
void          collect_descendants      (GtkWidget     *widget,
                                        GType          type,
                                        GPtrArray     *found);

/* The @index-th descendant of @type, in the order of the widget tree. */
GtkWidget    *find_nth_descendant      (GtkWidget     *widget,
                                        GType          type,
                                        guint          index);

/* The button whose label (or AdwButtonContent's label) is @label, mnemonic included. */
GtkButton    *find_button              (GtkWidget     *widget,
                                        const char    *label);

/* The button that activates @action_name. */
GtkButton    *find_button_with_action  (GtkWidget     *widget,
                                        const char    *action_name);

/* The label with the CSS class @css_class. */
GtkLabel     *find_label_with_class    (GtkWidget     *widget,
                                        const char    *css_class);

/* Whether a visible label of @widget shows exactly @text. */
gboolean      shows_label              (GtkWidget     *widget,
                                        const char    *text);

/* Whether the keyboard focus is in @widget. */
gboolean      has_focus                (GtkWidget     *widget);

/* Acting as a user */

/* Types @text into an entry or entry row, as a person would (one change per character). */
void          type_text                (gpointer       editable,
                                        const char    *text);

/* Presses Enter in an entry or entry row. */
void          press_enter              (gpointer       editable);

/* Clicks @button, which must be sensitive and mapped. */
void          click                    (GtkButton     *button);

/* Screen readers (GTK_A11Y=test) */

/* A name for a screen reader: an aria-label, a labelling widget, or text inside. */
char         *get_accessible_name      (GtkWidget     *widget);

/* Checks that every visible control of @widget has a name for screen readers: buttons,
 * check boxes, entries (an entry row's title labels it) and meters. */
void          assert_controls_named    (GtkWidget     *widget);

/* Screenshots */

typedef enum
{
  SCREENSHOT_DEFAULT     = 0,
  /* Also check that the widget has a size and that the picture is not one flat colour (a
   * window that failed to draw). */
  SCREENSHOT_CHECK_DRAWN = 1 << 0,
} ScreenshotFlags;

/* Renders @widget as it is on screen into G_TEST_BUILDDIR/@file_name (a PNG file). */
void          save_screenshot_png      (GtkWidget       *widget,
                                        const char      *file_name,
                                        ScreenshotFlags  flags);

/* Renders @widget into G_TEST_BUILDDIR/@name.png (@name-ja.png in Japanese) and checks
 * that it was drawn. */
void          save_screenshot          (GtkWidget     *widget,
                                        const char    *name);

/* Finalization */

/* Adds @object to the objects that must be finalized by the end of the test
 * (run_in_application_with_args () checks them). */
void          watch_finalize           (gpointer       object);

/* Fails the test when a watched object is still alive; then forgets them. */
void          assert_watched_finalized (void);

/* Running an application */

/* A test run inside a running application; @data as given to run_application (). */
typedef void (*AppFunc) (GtkApplication *app,
                         gconstpointer   data);

/* Runs @app (consumed) with the arguments @args (NULL-terminated, nullable), calls @func once
 * its activation has presented its window, and checks that the application ends and is
 * finalized once @func has closed every window. Only g_application_run () shuts an
 * application down, which GtkApplication needs to let go of it. */
void          run_application          (GtkApplication     *app,
                                        const char * const *args,
                                        AppFunc             func,
                                        gconstpointer       data);

/* A test run inside a running ScApplication. */
typedef void (*AppTestFunc) (ScApplication *app);

/* Runs @func in a new ScApplication started with @args (see run_application ()). */
void          run_in_sc_application    (AppTestFunc         func,
                                        const char * const *args);

/* For g_test_add_data_func (): runs the AppTestFunc @data in a new ScApplication. */
void          run_app_test             (gconstpointer       data);

/* Runs @func in a running ScApplication started with @args as run_in_sc_application (),
 * then checks that every watched object is finalized. */
void          run_in_application_with_args (AppTestFunc         func,
                                            const char * const *args);

/* For g_test_add_data_func (): run_in_application_with_args () without arguments. */
void          run_test                 (gconstpointer       data);

/* The main window the activation of @app presented, mapped, drawn and watched. */
ScWindow     *get_window               (ScApplication *app);

/* Waits until @window shows a page of @type, drawn, and watches it for finalization. */
GtkWidget    *wait_for_page            (ScWindow      *window,
                                        GType          type);

G_END_DECLS
