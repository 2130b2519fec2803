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

int
main (int   argc,
      char *argv[])
{
  g_autoptr (ScApplication) app = NULL;

  /* SECURITY: no core dumps, not dumpable, SIGXFSZ ignored (see sc-process.h). */
  sc_process_harden ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = sc_application_new ();

  /* GApplication parses the command line (see main_entries in sc-application.c). */
  return g_application_run (G_APPLICATION (app), argc, argv);
}
