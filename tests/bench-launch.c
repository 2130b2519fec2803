/* bench-launch.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Launch benchmark (run with `meson test --benchmark launch`, under Xvfb): from the start of a
 * new process to the first frame of the kiosk window, against an empty AdwApplicationWindow
 * (the floor for any libadwaita application) launched in the same run, in both languages
 * (goal: kiosk ≤ 1.2× the empty window). Every launch is a separate process; launches
 * alternate so that all see the same caches; the first round is a warm-up; medians.
 *
 * The kiosk child starts as src/main.c does (locale, text domain, ScApplication with its
 * startup and style sheet), opens a 50-employee vault in kiosk mode and shows the kiosk
 * window, fullscreen as in real use. The empty window is fullscreen too, so that both draw
 * the same surface.
 *
 * Where the time goes is printed as a breakdown: timing marks inside the kiosk child
 * (main, startup, activation, vault, window made, first layout, first paint, frame done), and
 * separate children that time fontconfig and pango on their own (font configuration, the
 * font map, the first Japanese text that needs the CJK fallback font).
 *
 * The numbers are printed; goals are reported, not asserted (timings depend on the machine).
 */
#define G_LOG_DOMAIN "bench-launch"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <adwaita.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include "sc-application.h"
#include "sc-kiosk-window.h"
#include "sc-vault.h"

#define IMPL_PASS "implementer passphrase 1"
#define N_EMPLOYEES 50
#define N_LAUNCHES 15

/* Timing marks of a child, in the order they happen. */
enum
{
  MARK_MAIN,          /* main () entered: exec and dynamic linking done */
  MARK_STARTUP,       /* GApplication startup done: GTK, libadwaita, resources, style sheets */
  MARK_ACTIVATE,      /* activate emitted */
  MARK_VAULT,         /* kiosk only: vault open and in kiosk mode */
  MARK_WINDOW,        /* window constructed */
  MARK_LAYOUT,        /* first frame: layout phase reached (style, measure and allocate) */
  MARK_PAINT,         /* first frame: paint phase reached (snapshot and render) */
  MARK_FRAME,         /* first frame drawn (after-paint) */
  N_MARKS
};

static const char * const mark_names[N_MARKS] = {
  "main", "startup", "activate", "vault", "window", "layout", "paint", "frame",
};

static gint64 marks[N_MARKS];

/* ---- helpers ------------------------------------------------------------------------------- */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (const double *values,
        guint         n)
{
  g_autofree double *sorted = g_memdup2 (values, n * sizeof *values);

  qsort (sorted, n, sizeof *sorted, compare_doubles);
  return n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

/* ---- child: one launch ----------------------------------------------------------------------- */

static void
print_marks (void)
{
  /* CLOCK_MONOTONIC is shared by every process on the machine: the parent subtracts its own
   * time of spawning. */
  g_print ("MARKS");
  for (guint i = 0; i < N_MARKS; i++)
    g_print (" %" G_GINT64_FORMAT, marks[i]);
  g_print ("\n");
  fflush (stdout);
}

static void
on_layout_cb (GdkFrameClock *clock,
              GtkWidget     *window)
{
  if (marks[MARK_LAYOUT] == 0)
    marks[MARK_LAYOUT] = g_get_monotonic_time ();
}

static void
on_paint_cb (GdkFrameClock *clock,
             GtkWidget     *window)
{
  if (marks[MARK_PAINT] == 0)
    marks[MARK_PAINT] = g_get_monotonic_time ();
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   GtkWidget     *window)
{
  marks[MARK_FRAME] = g_get_monotonic_time ();
  g_signal_handlers_disconnect_by_data (clock, window);
  print_marks ();
  /* The kiosk refuses to be closed; quitting the application ends the process. */
  g_application_quit (g_application_get_default ());
}

static void
on_realize_cb (GtkWidget *window,
               gpointer   user_data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "layout", G_CALLBACK (on_layout_cb), window);
  g_signal_connect (clock, "paint", G_CALLBACK (on_paint_cb), window);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), window);
}

static void
watch_first_frame (GtkWidget *window)
{
  marks[MARK_WINDOW] = g_get_monotonic_time ();
  g_signal_connect (window, "realize", G_CALLBACK (on_realize_cb), NULL);
}

static void
on_startup_cb (GApplication *app,
               gpointer      user_data)
{
  marks[MARK_STARTUP] = g_get_monotonic_time ();
}

static void
on_adw_activate_cb (GtkApplication *app,
                    gpointer        user_data)
{
  GtkWidget *window;

  marks[MARK_ACTIVATE] = marks[MARK_VAULT] = g_get_monotonic_time ();
  window = adw_application_window_new (app);
  watch_first_frame (window);
  gtk_window_fullscreen (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
}

/* Runs before ScApplication's own activate handler (a run-last signal), which then finds the
 * kiosk and presents it, as it does for a kiosk started from the workspace. */
static void
on_kiosk_activate_cb (GtkApplication *app,
                      gpointer        user_data)
{
  const char *path = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (ScVault) vault = NULL;
  g_autoptr (GPtrArray) rounds = NULL;
  ScKioskWindow *window;

  marks[MARK_ACTIVATE] = g_get_monotonic_time ();
  vault = sc_vault_open (path, IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (sc_vault_enter_kiosk (vault, &error));
  rounds = sc_vault_list_rounds (vault, &error);
  g_assert_no_error (error);
  marks[MARK_VAULT] = g_get_monotonic_time ();

  window = sc_kiosk_window_new (app, vault,
                                ((ScVaultRound *) g_ptr_array_index (rounds, 0))->id);
  watch_first_frame (GTK_WIDGET (window));
}

/* The application as src/main.c makes it, showing an empty window: what the app costs
 * before the kiosk's own widgets. Runs before ScApplication's activate handler, which then
 * presents this window (the active one) instead of making its own. */
static void
on_app_activate_cb (GtkApplication *app,
                    gpointer        user_data)
{
  on_adw_activate_cb (app, user_data);
}

static int
run_app_child (const char *mode,
               const char *vault_path)
{
  g_autoptr (GApplication) app = NULL;
  char *argv[] = { (char *) "stresscheck", NULL };

  if (g_str_equal (mode, "adw"))
    {
      /* The floor: nothing of the project, not even its resources. */
      app = G_APPLICATION (adw_application_new ("io.github.stresscheck.BenchAdw",
                                                G_APPLICATION_NON_UNIQUE));
      g_signal_connect (app, "activate", G_CALLBACK (on_adw_activate_cb), NULL);
    }
  else
    {
      /* As src/main.c, with the build's translations. */
      sc_application_prepare_environment ();
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("STRESSCHECK_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
      app = G_APPLICATION (sc_application_new ());
      /* Not unique, so that a running Stress Check cannot take the launch over. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
      g_signal_connect (app, "activate",
                        g_str_equal (mode, "app") ? G_CALLBACK (on_app_activate_cb)
                                                  : G_CALLBACK (on_kiosk_activate_cb),
                        (gpointer) vault_path);
    }
  g_signal_connect_after (app, "startup", G_CALLBACK (on_startup_cb), NULL);

  return g_application_run (app, 1, argv);
}

/* fontconfig and pango on their own, in a fresh process: what the first frame pays for text
 * before GTK does anything else. Prints the time of each step from main (). */
static int
run_fonts_child (void)
{
  static const char *ja = "ストレスチェック：仕事や最近の気分についての短い質問票です。";
  PangoFontMap *map;
  PangoContext *context;
  PangoLayout *layout;
  PangoFontDescription *desc;
  gint64 t_fc, t_map, t_latin, t_ja, t_ja2;
  int width, height;

  FcInit ();
  t_fc = g_get_monotonic_time ();

  map = pango_cairo_font_map_get_default ();
  context = pango_font_map_create_context (map);
  desc = pango_font_description_from_string ("Cantarell 11");
  pango_context_set_font_description (context, desc);
  layout = pango_layout_new (context);
  t_map = g_get_monotonic_time ();

  pango_layout_set_text (layout, "Stress Check", -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  t_latin = g_get_monotonic_time ();

  /* Japanese text: the default font has no kana or kanji, so pango sorts the fallback list
   * and opens Noto Sans CJK. */
  pango_layout_set_width (layout, 400 * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, ja, -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  t_ja = g_get_monotonic_time ();

  /* The same text again, at another size: what a second wrapping label costs. */
  pango_layout_set_width (layout, 300 * PANGO_SCALE);
  pango_layout_get_pixel_size (layout, &width, &height);
  t_ja2 = g_get_monotonic_time ();

  g_object_unref (layout);
  g_object_unref (context);
  pango_font_description_free (desc);

  g_print ("FONTS %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
           " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
           marks[MARK_MAIN], t_fc, t_map, t_latin, t_ja, t_ja2);
  return width > 0 && height > 0 ? 0 : 1;
}

/* ---- parent ---------------------------------------------------------------------------------- */

typedef struct
{
  double at[N_MARKS];   /* ms from the parent's spawn; 0 for a mark the child has not */
} Launch;

static char *
spawn_child (const char * const *argv,
             const char * const *envp,
             gint64             *out_start)
{
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int status;

  *out_start = g_get_monotonic_time ();
  g_spawn_sync (NULL, (char **) argv, (char **) envp, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("the child %s failed: %s", argv[2], err);
  return out;
}

static Launch
launch (const char * const *envp,
        const char         *self_path,
        const char         *mode,
        const char         *vault_path)
{
  const char *argv[] = { self_path, "--child", mode, vault_path, NULL };
  g_autofree char *out = NULL;
  gint64 start;
  gint64 at[N_MARKS];
  Launch result = { { 0 } };
  const char *line;

  out = spawn_child (argv, envp, &start);
  line = strstr (out, "MARKS ");
  g_assert_nonnull (line);
  g_assert_cmpint (sscanf (line, "MARKS %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
                           " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
                           " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                           &at[0], &at[1], &at[2], &at[3], &at[4], &at[5], &at[6], &at[7]),
                   ==, N_MARKS);
  for (guint i = 0; i < N_MARKS; i++)
    result.at[i] = at[i] ? (at[i] - start) / 1000.0 : 0;
  return result;
}

static void
make_vault (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) roster = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_employee_free);
  g_autoptr (ScVault) vault = NULL;
  char *recovery = NULL;
  ScCriteria criteria;

  vault = sc_vault_create (path, IMPL_PASS, sc_vault_kdf_limits_for_testing (), &recovery,
                           &error);
  g_assert_no_error (error);
  sc_vault_free_recovery_key (recovery);

  for (guint i = 0; i < N_EMPLOYEES; i++)
    {
      ScEmployee *e = sc_employee_new ();

      e->number = g_strdup_printf ("E%05u", i);
      e->name = g_strdup_printf ("従業員 %u", i);
      e->sex = i % 2 ? SC_SEX_FEMALE : SC_SEX_MALE;
      e->department = g_strdup_printf ("部署 %u", i % 5);
      g_ptr_array_add (roster, e);
    }
  g_assert_true (sc_vault_upsert_employees (vault, roster, &error));
  g_assert_no_error (error);

  sc_criteria_init_default (&criteria);
  sc_vault_create_round (vault, "2026", NULL, NULL, &criteria, &error);
  g_assert_no_error (error);
}

typedef struct
{
  const char *name;       /* "ja", "en" */
  char      **envp;
  char      **envp_nogl;  /* the same, with GDK_DEBUG=gl-disable */
  Launch      kiosk[N_LAUNCHES];
  Launch      app[N_LAUNCHES];
  Launch      adw[N_LAUNCHES];
  Launch      adw_nogl[N_LAUNCHES];
} Language;

static double
median_mark (const Launch *launches,
             guint         mark)
{
  double values[N_LAUNCHES];

  for (guint i = 0; i < N_LAUNCHES; i++)
    values[i] = launches[i].at[mark];
  return median (values, N_LAUNCHES);
}

static void
print_breakdown (const char   *what,
                 const Launch *launches)
{
  g_autoptr (GString) line = g_string_new (NULL);
  double previous = 0;

  /* Each phase's median end time and, in brackets, the difference from the one before. */
  g_string_append_printf (line, "# %s, medians from process start:", what);
  for (guint m = 0; m < N_MARKS; m++)
    {
      double t = median_mark (launches, m);

      if (t == 0)
        continue;
      g_string_append_printf (line, " %s %.1f (+%.1f)", mark_names[m], t, t - previous);
      previous = t;
    }
  g_print ("%s\n", line->str);
}

/* Whether the C library has the locale @name (build-aux/dev deps generates ja_JP.UTF-8). */
static gboolean
have_locale (const char *name)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  gboolean ok = setlocale (LC_ALL, name) != NULL;

  setlocale (LC_ALL, saved);
  return ok;
}

/* Japanese as a Japanese desktop sets it (LANG=ja_JP.UTF-8, which also makes Japanese the
 * language fontconfig prefers fonts for), or, when that locale is missing, LANGUAGE=ja in
 * C.UTF-8 (built into glibc). English: C.UTF-8. Translations from the build. */
static char **
environment_for (const char *language)
{
  char **envp = g_get_environ ();
  const char *localedir = g_getenv ("STRESSCHECK_LOCALEDIR");

  if (localedir == NULL)
    localedir = g_getenv ("SC_TEST_LOCALEDIR");
  g_assert_nonnull (localedir);
  envp = g_environ_setenv (envp, "STRESSCHECK_LOCALEDIR", localedir, TRUE);
  envp = g_environ_unsetenv (envp, "LC_ALL");
  envp = g_environ_unsetenv (envp, "LANGUAGE");
  if (g_str_equal (language, "ja") && have_locale ("ja_JP.UTF-8"))
    envp = g_environ_setenv (envp, "LANG", "ja_JP.UTF-8", TRUE);
  else
    {
      envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
      envp = g_environ_setenv (envp, "LANGUAGE", language, TRUE);
    }
  g_print ("# %s: %s\n", language,
           g_environ_getenv (envp, "LC_ALL") ? "LC_ALL=C.UTF-8 LANGUAGE=…" : "LANG=ja_JP.UTF-8");
  return envp;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *vault_path = NULL;
  g_autofree char *self_path = NULL;
  Language languages[2] = { { "ja", NULL, NULL }, { "en", NULL, NULL } };
  double fonts[5][N_LAUNCHES];
  guint test = 0;

  marks[MARK_MAIN] = g_get_monotonic_time ();
  setlocale (LC_ALL, "");

  if (argc >= 3 && g_str_equal (argv[1], "--child"))
    {
      if (g_str_equal (argv[2], "fonts"))
        return run_fonts_child ();
      return run_app_child (argv[2], argc >= 4 ? argv[3] : NULL);
    }

  /* For profiling one launch by hand (BENCHMARKS.md): make the vault the kiosk child opens. */
  if (argc == 3 && g_str_equal (argv[1], "--make-vault"))
    {
      make_vault (argv[2]);
      return 0;
    }

  self_path = g_canonicalize_filename (argv[0], NULL);
  dir = g_dir_make_tmp ("sc-bench-launch-XXXXXX", &error);
  g_assert_no_error (error);
  vault_path = g_build_filename (dir, "bench.scvault", NULL);
  make_vault (vault_path);

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      languages[l].envp = environment_for (languages[l].name);
      languages[l].envp_nogl = g_environ_setenv (g_strdupv (languages[l].envp), "GDK_DEBUG",
                                                 "gl-disable", TRUE);
    }

  /* Warm-up: one of each, not counted. Then rounds that alternate every kind of launch. */
  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      launch ((const char * const *) languages[l].envp, self_path, "adw", NULL);
      launch ((const char * const *) languages[l].envp, self_path, "kiosk", vault_path);
    }
  for (guint i = 0; i < N_LAUNCHES; i++)
    {
      const char *fonts_argv[] = { self_path, "--child", "fonts", NULL };
      g_autofree char *out = NULL;
      gint64 start;
      gint64 t[6];
      const char *line;

      for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
        {
          const char * const *envp = (const char * const *) languages[l].envp;

          languages[l].adw[i] = launch (envp, self_path, "adw", NULL);
          languages[l].kiosk[i] = launch (envp, self_path, "kiosk", vault_path);
          languages[l].app[i] = launch (envp, self_path, "app", NULL);
          languages[l].adw_nogl[i] = launch ((const char * const *) languages[l].envp_nogl,
                                             self_path, "adw", NULL);
        }

      out = spawn_child (fonts_argv, (const char * const *) languages[0].envp, &start);
      line = strstr (out, "FONTS ");
      g_assert_nonnull (line);
      g_assert_cmpint (sscanf (line, "FONTS %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %"
                               G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %"
                               G_GINT64_FORMAT, &t[0], &t[1], &t[2], &t[3], &t[4], &t[5]),
                       ==, 6);
      for (guint k = 0; k < 5; k++)
        fonts[k][i] = (t[k + 1] - t[k]) / 1000.0;
    }

  /* TAP, as the other benchmarks: always "ok"; the goal is in the description. */
  g_print ("1..%u\n", (guint) G_N_ELEMENTS (languages));
  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      Language *lang = &languages[l];
      double kiosk = median_mark (lang->kiosk, MARK_FRAME);
      double adw = median_mark (lang->adw, MARK_FRAME);
      double adw_nogl = median_mark (lang->adw_nogl, MARK_FRAME);
      double app = median_mark (lang->app, MARK_FRAME);

      g_print ("ok %u - launch → first frame (%s, fullscreen, median of %u): kiosk %.1f ms, "
               "empty AdwApplicationWindow %.1f ms, ratio %.2f (goal ≤ 1.2: %s)\n",
               ++test, lang->name, N_LAUNCHES, kiosk, adw, kiosk / adw,
               kiosk / adw <= 1.2 ? "met" : "MISSED");
      g_print ("# %s: the kiosk's own cost, against an empty window that also skips OpenGL: "
               "%.1f vs %.1f ms = %.2f; ScApplication with an empty window %.1f ms = %.2f\n",
               lang->name, kiosk, adw_nogl, kiosk / adw_nogl, app, app / adw_nogl);
      print_breakdown ("kiosk", lang->kiosk);
      print_breakdown ("ScApplication with an empty window", lang->app);
      print_breakdown ("empty window", lang->adw);
      print_breakdown ("empty window, GDK_DEBUG=gl-disable", lang->adw_nogl);
    }
  g_print ("# fontconfig and pango alone (medians, ms): FcInit %.1f, font map and context %.1f, "
           "first Latin layout %.1f, first Japanese wrapped layout (CJK fallback) %.1f, "
           "the same text re-wrapped %.1f\n",
           median (fonts[0], N_LAUNCHES), median (fonts[1], N_LAUNCHES),
           median (fonts[2], N_LAUNCHES), median (fonts[3], N_LAUNCHES),
           median (fonts[4], N_LAUNCHES));

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_strfreev (languages[l].envp);
      g_strfreev (languages[l].envp_nogl);
    }
  {
    g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *p = g_build_filename (dir, name, NULL);

        g_unlink (p);
      }
    g_rmdir (dir);
  }

  return 0;
}
