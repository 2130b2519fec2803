/* sc-kiosk-idle-monitor.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-kiosk-idle-monitor"

#include "config.h"

#include "sc-kiosk-idle-monitor.h"

/* How often the monitor looks at the clock, in milliseconds. */
#define TICK_MS 250

struct _ScKioskIdleMonitor
{
  GObject   parent_instance;

  /* Plain state */
  guint     timeout;
  gint64    last_activity;                /* monotonic µs */
  guint     tick_source;
  guint     seconds_left;
  gboolean  asking;
};

G_DEFINE_FINAL_TYPE (ScKioskIdleMonitor, sc_kiosk_idle_monitor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TIMEOUT,
  PROP_RUNNING,
  PROP_ASKING,
  PROP_SECONDS_LEFT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_TIMEOUT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_asking (ScKioskIdleMonitor *self,
            gboolean            asking,
            guint               seconds_left)
{
  if (self->seconds_left != seconds_left)
    {
      self->seconds_left = seconds_left;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECONDS_LEFT]);
    }
  if (self->asking != asking)
    {
      self->asking = asking;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASKING]);
    }
}

static guint
warning_seconds (ScKioskIdleMonitor *self)
{
  return MIN (SC_KIOSK_IDLE_WARNING_SECONDS, MAX (self->timeout / 2, 1));
}

static gboolean
on_tick_cb (gpointer user_data)
{
  ScKioskIdleMonitor *self = SC_KIOSK_IDLE_MONITOR (user_data);
  gint64 idle_us = g_get_monotonic_time () - self->last_activity;
  gint64 left = (gint64) self->timeout - idle_us / G_USEC_PER_SEC;

  if (idle_us >= (gint64) self->timeout * G_USEC_PER_SEC)
    {
      g_debug ("Idle timeout");
      self->tick_source = 0;
      set_asking (self, FALSE, 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
      g_signal_emit (self, signals[SIGNAL_TIMEOUT], 0);
      return G_SOURCE_REMOVE;
    }

  if (left <= (gint64) warning_seconds (self))
    set_asking (self, TRUE, (guint) MAX (left, 1));

  return G_SOURCE_CONTINUE;
}

void
sc_kiosk_idle_monitor_note_activity (ScKioskIdleMonitor *self)
{
  g_return_if_fail (SC_IS_KIOSK_IDLE_MONITOR (self));

  self->last_activity = g_get_monotonic_time ();
  set_asking (self, FALSE, 0);
}

static gboolean
on_event_cb (GtkEventControllerLegacy *controller,
             GdkEvent                 *event,
             ScKioskIdleMonitor       *self)
{
  switch (gdk_event_get_event_type (event))
    {
    case GDK_BUTTON_PRESS:
    case GDK_TOUCH_BEGIN:
    case GDK_SCROLL:
      /* Any touch answers "Are you still there?", and does nothing else. */
      if (self->asking)
        {
          sc_kiosk_idle_monitor_note_activity (self);
          return GDK_EVENT_STOP;
        }
      self->last_activity = g_get_monotonic_time ();
      break;

    case GDK_KEY_PRESS:
      /* The window's key handler answers the countdown with a key. */
      self->last_activity = g_get_monotonic_time ();
      break;

    case GDK_MOTION_NOTIFY:
    case GDK_TOUCH_UPDATE:
      /* Moving the pointer shows that someone is there, but only a deliberate touch or
       * key dismisses the countdown. */
      if (!self->asking)
        self->last_activity = g_get_monotonic_time ();
      break;

    default:
      break;
    }

  return GDK_EVENT_PROPAGATE;
}

void
sc_kiosk_idle_monitor_attach (ScKioskIdleMonitor *self,
                              GtkWidget          *widget)
{
  GtkEventController *legacy;

  g_return_if_fail (SC_IS_KIOSK_IDLE_MONITOR (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  legacy = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (legacy, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (legacy, "sc-kiosk-idle-monitor");
  g_signal_connect_object (legacy, "event", G_CALLBACK (on_event_cb), self, 0);
  gtk_widget_add_controller (widget, legacy);
}

guint
sc_kiosk_idle_monitor_get_timeout (ScKioskIdleMonitor *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_IDLE_MONITOR (self), 0);

  return self->timeout;
}

void
sc_kiosk_idle_monitor_set_running (ScKioskIdleMonitor *self,
                                   gboolean            running)
{
  g_return_if_fail (SC_IS_KIOSK_IDLE_MONITOR (self));

  running = !!running;
  if (running == (self->tick_source != 0))
    return;

  if (running)
    {
      self->last_activity = g_get_monotonic_time ();
      self->tick_source = g_timeout_add (TICK_MS, on_tick_cb, self);
    }
  else
    {
      g_clear_handle_id (&self->tick_source, g_source_remove);
      set_asking (self, FALSE, 0);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

gboolean
sc_kiosk_idle_monitor_get_running (ScKioskIdleMonitor *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_IDLE_MONITOR (self), FALSE);

  return self->tick_source != 0;
}

gboolean
sc_kiosk_idle_monitor_get_asking (ScKioskIdleMonitor *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_IDLE_MONITOR (self), FALSE);

  return self->asking;
}

guint
sc_kiosk_idle_monitor_get_seconds_left (ScKioskIdleMonitor *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_IDLE_MONITOR (self), 0);

  return self->seconds_left;
}

static void
sc_kiosk_idle_monitor_dispose (GObject *object)
{
  ScKioskIdleMonitor *self = SC_KIOSK_IDLE_MONITOR (object);

  g_clear_handle_id (&self->tick_source, g_source_remove);

  G_OBJECT_CLASS (sc_kiosk_idle_monitor_parent_class)->dispose (object);
}

static void
sc_kiosk_idle_monitor_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ScKioskIdleMonitor *self = SC_KIOSK_IDLE_MONITOR (object);

  switch (prop_id)
    {
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;

    case PROP_RUNNING:
      g_value_set_boolean (value, self->tick_source != 0);
      break;

    case PROP_ASKING:
      g_value_set_boolean (value, self->asking);
      break;

    case PROP_SECONDS_LEFT:
      g_value_set_uint (value, self->seconds_left);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_kiosk_idle_monitor_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  ScKioskIdleMonitor *self = SC_KIOSK_IDLE_MONITOR (object);

  switch (prop_id)
    {
    case PROP_TIMEOUT:
      self->timeout = g_value_get_uint (value);
      break;

    case PROP_RUNNING:
      sc_kiosk_idle_monitor_set_running (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_kiosk_idle_monitor_class_init (ScKioskIdleMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sc_kiosk_idle_monitor_dispose;
  object_class->get_property = sc_kiosk_idle_monitor_get_property;
  object_class->set_property = sc_kiosk_idle_monitor_set_property;

  /**
   * ScKioskIdleMonitor:timeout:
   *
   * Seconds without a sign of life before ::timeout.
   */
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL,
                       1, 24 * 60 * 60, 90,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                        G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_ASKING] =
    g_param_spec_boolean ("asking", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SECONDS_LEFT] =
    g_param_spec_uint ("seconds-left", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ScKioskIdleMonitor::timeout:
   *
   * Nobody touched anything for the timeout. Counting stops until it is started again.
   */
  signals[SIGNAL_TIMEOUT] =
    g_signal_new ("timeout",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
sc_kiosk_idle_monitor_init (ScKioskIdleMonitor *self)
{
  self->timeout = 90;
}

ScKioskIdleMonitor *
sc_kiosk_idle_monitor_new (guint timeout)
{
  g_return_val_if_fail (timeout > 0, NULL);

  return g_object_new (SC_TYPE_KIOSK_IDLE_MONITOR, "timeout", timeout, NULL);
}
