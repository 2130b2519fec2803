/* test-gui-application.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ScApplication's process set-up (sc_application_prepare_environment, which main () calls
 * first): with GSK_RENDERER=cairo, GDK prepares no OpenGL (it would cost tens of ms of every
 * launch for nothing), and GDK really honours that; with any other renderer, or when somebody
 * set GDK_DEBUG, nothing changes. Each case runs in a subprocess: the environment belongs to
 * the process.
 */
#define G_LOG_DOMAIN "test-gui-application"

#include "config.h"

#include <gtk/gtk.h>

#include "sc-application.h"

static void
test_cairo_skips_gl (void)
{
  if (g_test_subprocess ())
    {
      GdkDisplay *display;
      GdkGLContext *context;
      g_autoptr (GError) error = NULL;

      g_setenv ("GSK_RENDERER", "cairo", TRUE);
      g_unsetenv ("GDK_DEBUG");
      sc_application_prepare_environment ();
      g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "gl-disable");

      /* What the user gets: GDK has no OpenGL to offer. */
      gtk_init ();
      display = gdk_display_get_default ();
      g_assert_nonnull (display);
      context = gdk_display_create_gl_context (display, &error);
      g_assert_null (context);
      g_assert_nonnull (error);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* The same display offers OpenGL without the set-up: the case above is not passing because
 * the machine has no GL at all. */
static void
test_default_renderer_keeps_gl (void)
{
  if (g_test_subprocess ())
    {
      GdkDisplay *display;
      g_autoptr (GdkGLContext) context = NULL;
      g_autoptr (GError) error = NULL;

      g_unsetenv ("GSK_RENDERER");
      g_unsetenv ("GDK_DEBUG");
      sc_application_prepare_environment ();
      g_assert_null (g_getenv ("GDK_DEBUG"));

      gtk_init ();
      display = gdk_display_get_default ();
      context = gdk_display_create_gl_context (display, &error);
      g_assert_no_error (error);
      g_assert_nonnull (context);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_other_cases_unchanged (void)
{
  if (g_test_subprocess ())
    {
      g_setenv ("GSK_RENDERER", "gl", TRUE);
      g_unsetenv ("GDK_DEBUG");
      sc_application_prepare_environment ();
      g_assert_null (g_getenv ("GDK_DEBUG"));

      /* Spelled in capitals, GTK still takes it as cairo. */
      g_setenv ("GSK_RENDERER", "Cairo", TRUE);
      sc_application_prepare_environment ();
      g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "gl-disable");

      /* Somebody debugging GDK keeps their flags. */
      g_setenv ("GDK_DEBUG", "events", TRUE);
      sc_application_prepare_environment ();
      g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "events");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/application/environment/cairo-skips-gl", test_cairo_skips_gl);
  g_test_add_func ("/application/environment/default-renderer-keeps-gl",
                   test_default_renderer_keeps_gl);
  g_test_add_func ("/application/environment/other-cases-unchanged", test_other_cases_unchanged);

  return g_test_run ();
}
