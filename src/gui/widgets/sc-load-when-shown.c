/* sc-load-when-shown.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-load-when-shown"

#include "config.h"

#include "sc-load-when-shown.h"

typedef struct
{
  ScLoadFunc build;   /* NULL once built */
  ScLoadFunc load;
  gboolean   stale;
  gboolean   loading;
} LoadState;

static GQuark
state_quark (void)
{
  return g_quark_from_static_string ("sc-load-when-shown");
}

static LoadState *
get_state (GtkWidget *widget)
{
  return g_object_get_qdata (G_OBJECT (widget), state_quark ());
}

static void
on_map_cb (GtkWidget *widget,
           LoadState *state)
{
  if (!state->stale || state->loading)
    return;
  state->stale = FALSE;
  state->loading = TRUE;
  state->load (widget);
  state->loading = FALSE;
}

void
sc_load_when_shown_init (GtkWidget  *widget,
                         ScLoadFunc  load)
{
  sc_load_when_shown_init_full (widget, NULL, load);
}

void
sc_load_when_shown_init_full (GtkWidget  *widget,
                              ScLoadFunc  build,
                              ScLoadFunc  load)
{
  LoadState *state;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (load != NULL);
  g_return_if_fail (get_state (widget) == NULL);

  state = g_new0 (LoadState, 1);
  state->build = build;
  state->load = load;
  state->stale = TRUE;
  g_object_set_qdata_full (G_OBJECT (widget), state_quark (), state, g_free);
  /* Connected after the widget's own map handlers: its children are mapped by then. */
  g_signal_connect_after (widget, "map", G_CALLBACK (on_map_cb), state);
}

gboolean
sc_load_when_shown_defer (GtkWidget *widget)
{
  LoadState *state;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  state = get_state (widget);
  if (state == NULL)
    return FALSE;
  if (!gtk_widget_get_mapped (widget))
    {
      state->stale = TRUE;
      return TRUE;
    }
  state->stale = FALSE;
  if (state->build != NULL)
    {
      ScLoadFunc build = state->build;

      state->build = NULL;
      build (widget);
    }
  return FALSE;
}

gboolean
sc_load_when_shown_get_stale (GtkWidget *widget)
{
  LoadState *state;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  state = get_state (widget);
  return state != NULL && state->stale;
}
