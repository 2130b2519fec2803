/* sc-application.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-application"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-application.h"
#include "sc-kiosk-window.h"
#include "sc-start-page.h"
#include "sc-unlock-page.h"
#include "sc-window.h"

/* The development build keeps its own application id but shares the settings of the release
 * build, as GNOME applications do: the schema id is the release application id. */
#define SETTINGS_SCHEMA_ID "io.github.stresscheck.StressCheck"

/* Not at gtk/help-overlay.ui, where GtkApplication would build a shortcuts window for every
 * window, the kiosk's too (3–9 ms of its launch, BENCHMARKS.md): only ScWindow gets one. */
#define HELP_OVERLAY_RESOURCE RESOURCE_PREFIX "/ui/help-overlay.ui"

struct _ScApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (ScApplication, sc_application, ADW_TYPE_APPLICATION)

/* Options parsed by GApplication. Options that name a vault to open belong in the primary
 * instance and are read in command_line (); options that only print something are answered in
 * handle_local_options () without starting the user interface. */
static const GOptionEntry main_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
  { "vault", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Open the vault PATH for unlocking"),
    /* Translators: the argument of --vault, in the output of --help. */
    N_("PATH") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open the demo vault with fictional employees, creating it if needed"), NULL },
  { NULL }
};

void
sc_application_prepare_environment (void)
{
  const char *renderer = g_getenv ("GSK_RENDERER");

  /* GTK 4.8 prepares OpenGL when it opens the display (on X11 it loads the GL driver to choose
   * a visual: 30–70 ms of the launch, see BENCHMARKS.md) even when the cairo renderer is
   * forced and GL is never used. With GSK_RENDERER=cairo, skip it. A GDK_DEBUG that is already
   * set is somebody debugging GDK: leave it alone. */
  if (renderer != NULL && g_ascii_strcasecmp (renderer, "cairo") == 0
      && g_getenv ("GDK_DEBUG") == NULL)
    g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
}

static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA_ID, TRUE);

  /* Started from the build tree without `meson devenv`: run, but forget the window size. */
  if (schema == NULL)
    {
      g_message ("GSettings schema %s is not installed; the window size will not be kept",
                 SETTINGS_SCHEMA_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static void
show_about (ScApplication *self)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", parent != NULL,
                        "application-name", _("Stress Check"),
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Stress Check developers"),
                        "copyright", _("© 2026 The Stress Check developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", _("Run the legally required workplace stress check with "
                                      "the 57-item Brief Job Stress Questionnaire on one "
                                      "shared PC, without any network."),
                        /* Translators: your names, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
on_about_activate_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  show_about (SC_APPLICATION (user_data));
}

static void
on_quit_activate_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  ScApplication *self = SC_APPLICATION (user_data);
  g_autoptr (GList) windows = NULL;

  /* Closing each window, rather than g_application_quit (), lets every window save its state
   * and refuse to close when it must (the kiosk may only be left with a passphrase). The
   * application ends when its last window is gone. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static const GActionEntry app_actions[] = {
  { .name = "about", .activate = on_about_activate_cb },
  { .name = "quit", .activate = on_quit_activate_cb },
};

/* The workspace window's shortcuts window (win.show-help-overlay, Ctrl+?). */
static void
sc_application_window_added (GtkApplication *application,
                             GtkWindow      *window)
{
  GTK_APPLICATION_CLASS (sc_application_parent_class)->window_added (application, window);

  if (SC_IS_WINDOW (window)
      && gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) == NULL)
    {
      g_autoptr (GtkBuilder) builder = gtk_builder_new_from_resource (HELP_OVERLAY_RESOURCE);
      GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

      g_return_if_fail (GTK_IS_SHORTCUTS_WINDOW (overlay));
      gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (window),
                                               GTK_SHORTCUTS_WINDOW (overlay));
    }
}

static void
sc_application_startup (GApplication *application)
{
  ScApplication *self = SC_APPLICATION (application);
  static const char * const quit_accels[] = { "<Control>q", NULL };
  static const char * const help_overlay_accels[] = { "<Control>question", NULL };

  /* AdwApplication loads style.css and the icons from the resource base path here. */
  G_APPLICATION_CLASS (sc_application_parent_class)->startup (application);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  /* What GtkApplication sets when it finds gtk/help-overlay.ui itself. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         help_overlay_accels);

  self->settings = create_settings ();
}

/* Whether @window may show another vault: it is at the start or unlock page, not in the middle
 * of creating a vault (whose recovery key must be shown) or of unlocking one. */
static gboolean
window_is_free (ScWindow *window)
{
  GtkWidget *page = sc_window_get_page (window);

  if (sc_window_get_vault (window) != NULL || sc_window_get_kiosk (window) != NULL)
    return FALSE;

  return SC_IS_START_PAGE (page) ||
         (SC_IS_UNLOCK_PAGE (page) && !sc_unlock_page_get_busy (SC_UNLOCK_PAGE (page)));
}

/* The window that takes a vault to open: the first free main window, or a new one. */
static ScWindow *
get_window_for_vault (ScApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (SC_IS_WINDOW (l->data) && window_is_free (l->data))
      return l->data;

  return sc_window_new (GTK_APPLICATION (self), self->settings);
}

static GtkWindow *
find_kiosk (ScApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (SC_IS_KIOSK_WINDOW (l->data))
      return l->data;

  return NULL;
}

static void
sc_application_activate (GApplication *application)
{
  ScApplication *self = SC_APPLICATION (application);
  GtkWindow *window;

  /* During the kiosk, nothing but the kiosk may come to the front. */
  window = find_kiosk (self);
  if (window == NULL)
    window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    window = GTK_WINDOW (sc_window_new (GTK_APPLICATION (self), self->settings));

  gtk_window_present (window);
}

static int
sc_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("stresscheck %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  /* Continue: register, then run command_line () in the primary instance. */
  return -1;
}

static int
sc_application_command_line (GApplication            *application,
                             GApplicationCommandLine *command_line)
{
  ScApplication *self = SC_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *vault_path = NULL;
  gboolean demo = FALSE;

  g_variant_dict_lookup (options, "vault", "^ay", &vault_path);
  g_variant_dict_lookup (options, "demo", "b", &demo);

  if ((vault_path != NULL || demo) && find_kiosk (self) != NULL)
    {
      g_application_command_line_printerr (command_line, "%s\n",
                                           _("Stress Check is in kiosk mode. Leave the kiosk "
                                             "first, then open the vault."));
      g_application_activate (application);
      return EXIT_FAILURE;
    }

  if (vault_path != NULL)
    {
      /* Relative to the folder the command was given in, which may not be ours. */
      g_autoptr (GFile) file = g_application_command_line_create_file_for_arg (command_line,
                                                                               vault_path);
      ScWindow *window = get_window_for_vault (self);

      sc_window_open_file (window, file);
      gtk_window_present (GTK_WINDOW (window));
    }
  else if (demo)
    {
      ScWindow *window = get_window_for_vault (self);

      sc_window_open_demo (window);
      gtk_window_present (GTK_WINDOW (window));
    }

  g_application_activate (application);

  return EXIT_SUCCESS;
}

static void
sc_application_dispose (GObject *object)
{
  ScApplication *self = SC_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sc_application_parent_class)->dispose (object);
}

static void
sc_application_class_init (ScApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  object_class->dispose = sc_application_dispose;

  app_class->startup = sc_application_startup;
  app_class->activate = sc_application_activate;
  app_class->handle_local_options = sc_application_handle_local_options;
  app_class->command_line = sc_application_command_line;
  gtk_app_class->window_added = sc_application_window_added;
}

static void
sc_application_init (ScApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
}

ScApplication *
sc_application_new (void)
{
  return g_object_new (SC_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       /* The Devel id would otherwise give a different base path. */
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

GSettings *
sc_application_get_settings (ScApplication *self)
{
  g_return_val_if_fail (SC_IS_APPLICATION (self), NULL);

  return self->settings;
}
