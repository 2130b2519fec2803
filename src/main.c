/* main.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The `stresscheck` executable: sets up translations and runs ScApplication. Everything else
 * is in libscgui so that the tests run the same code.
 */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "sc-application.h"
#include "sc-process.h"

/* The folder of the compiled translations. An installed app uses LOCALEDIR. An uninstalled
 * run (`build-aux/dev run`, which sets STRESSCHECK_LOCALEDIR to the build directory's po/
 * folder, where meson writes <lang>/LC_MESSAGES/stresscheck.mo) uses the catalogs of the
 * build, so that the sources being worked on are seen in every language without installing
 * them. Only an absolute path to an existing folder is taken. */
static const char *
get_locale_dir (void)
{
  const char *dir = g_getenv ("STRESSCHECK_LOCALEDIR");

  if (dir != NULL && g_path_is_absolute (dir) && g_file_test (dir, G_FILE_TEST_IS_DIR))
    return dir;
  return LOCALEDIR;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (ScApplication) app = NULL;

  /* SECURITY: no core dumps, not dumpable, SIGXFSZ ignored (see sc-process.h). */
  sc_process_harden ();
  /* First, while the process has one thread: it may set environment variables. */
  sc_application_prepare_environment ();

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, get_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = sc_application_new ();

  /* GApplication parses the command line (see main_entries in sc-application.c). */
  return g_application_run (G_APPLICATION (app), argc, argv);
}
