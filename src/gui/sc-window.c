/* sc-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-window.h"

struct _ScWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  AdwStatusPage        *status_page;
  GtkMenuButton        *primary_menu_button;

  /* Owned references */
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (ScWindow, sc_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
restore_window_state (ScWindow *self)
{
  int width;
  int height;

  if (self->settings == NULL)
    return;

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

/* Keeps @value unless the schema's range refuses it (-1 for a size GTK never set). */
static void
set_size_setting (GSettings  *settings,
                  const char *key,
                  int         value)
{
  g_autoptr (GSettingsSchema) schema = NULL;
  g_autoptr (GSettingsSchemaKey) schema_key = NULL;
  g_autoptr (GVariant) variant = g_variant_ref_sink (g_variant_new_int32 (value));

  g_object_get (settings, "settings-schema", &schema, NULL);
  schema_key = g_settings_schema_get_key (schema, key);
  if (g_settings_schema_key_range_check (schema_key, variant))
    g_settings_set_value (settings, key, variant);
}

static void
save_window_state (ScWindow *self)
{
  int width;
  int height;

  if (self->settings == NULL)
    return;

  /* The default size is the unmaximized size, which is what the next start should use. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  set_size_setting (self->settings, "window-width", width);
  set_size_setting (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}

static gboolean
sc_window_close_request (GtkWindow *window)
{
  save_window_state (SC_WINDOW (window));

  return GTK_WINDOW_CLASS (sc_window_parent_class)->close_request (window);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
sc_window_constructed (GObject *object)
{
  ScWindow *self = SC_WINDOW (object);

  G_OBJECT_CLASS (sc_window_parent_class)->constructed (object);

  restore_window_state (self);
}

static void
sc_window_dispose (GObject *object)
{
  ScWindow *self = SC_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sc_window_parent_class)->dispose (object);
}

static void
sc_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ScWindow *self = SC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  ScWindow *self = SC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_window_class_init (ScWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = sc_window_constructed;
  object_class->dispose = sc_window_dispose;
  object_class->get_property = sc_window_get_property;
  object_class->set_property = sc_window_set_property;

  window_class->close_request = sc_window_close_request;

  /**
   * ScWindow:settings:
   *
   * Where the window size is kept, or %NULL not to keep it.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ScWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, primary_menu_button);

  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "win.close", NULL);
}

static void
sc_window_init (ScWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The icon name follows the build's application id, so it cannot be in the template. */
  adw_status_page_set_icon_name (self->status_page, APPLICATION_ID);

#ifdef DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

ScWindow *
sc_window_new (GtkApplication *application,
               GSettings      *settings)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (SC_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       NULL);
}

GSettings *
sc_window_get_settings (ScWindow *self)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);

  return self->settings;
}
