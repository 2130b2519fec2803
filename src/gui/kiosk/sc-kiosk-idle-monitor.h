/* sc-kiosk-idle-monitor.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whether anyone is still at the kiosk: watches touches, clicks, keys and pointer moves on a
 * widget, counts down the last seconds of the idle timeout ("Are you still there?", the
 * #ScKioskIdleMonitor:asking property) and emits ::timeout when nobody answered.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The last seconds of the timeout are a countdown. */
#define SC_KIOSK_IDLE_WARNING_SECONDS 15

#define SC_TYPE_KIOSK_IDLE_MONITOR (sc_kiosk_idle_monitor_get_type ())

G_DECLARE_FINAL_TYPE (ScKioskIdleMonitor, sc_kiosk_idle_monitor, SC, KIOSK_IDLE_MONITOR, GObject)

ScKioskIdleMonitor *sc_kiosk_idle_monitor_new           (guint               timeout);

/* Watches @widget (in the capture phase) for signs of life. A touch while the countdown
 * shows answers it, and goes no further. */
void                sc_kiosk_idle_monitor_attach        (ScKioskIdleMonitor *self,
                                                         GtkWidget          *widget);

guint               sc_kiosk_idle_monitor_get_timeout   (ScKioskIdleMonitor *self);

/* Counting runs only while @running (the kiosk shows something about someone). */
void                sc_kiosk_idle_monitor_set_running   (ScKioskIdleMonitor *self,
                                                         gboolean            running);
gboolean            sc_kiosk_idle_monitor_get_running   (ScKioskIdleMonitor *self);

/* Whether the countdown is on, and its seconds left. */
gboolean            sc_kiosk_idle_monitor_get_asking    (ScKioskIdleMonitor *self);
guint               sc_kiosk_idle_monitor_get_seconds_left (ScKioskIdleMonitor *self);

/* Someone is there: the timeout starts again, and the countdown ends. */
void                sc_kiosk_idle_monitor_note_activity (ScKioskIdleMonitor *self);

G_END_DECLS
