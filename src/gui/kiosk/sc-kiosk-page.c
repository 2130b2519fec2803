/* sc-kiosk-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-kiosk-page"

#include "config.h"

#include "sc-kiosk-page.h"

G_DEFINE_INTERFACE (ScKioskPage, sc_kiosk_page, GTK_TYPE_WIDGET)

static void
sc_kiosk_page_default_init (ScKioskPageInterface *iface)
{
}

static GtkWidget *
find_first (GtkWidget *widget,
            GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type)
          && (type != GTK_TYPE_LABEL || *gtk_label_get_text (GTK_LABEL (child)) != '\0'))
        return child;
      found = find_first (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The page's scrolled text as a focus stop of its own: before the page's controls, named
 * by the page's title, and without any effect on Enter or Space. */
static GtkWidget *
get_reading_start (ScKioskPage *self)
{
  GtkWidget *viewport = find_first (GTK_WIDGET (self), GTK_TYPE_VIEWPORT);
  GtkWidget *title;

  if (viewport == NULL)
    return NULL;
  if (!gtk_widget_get_focusable (viewport))
    {
      gtk_widget_set_focusable (viewport, TRUE);
      title = find_first (viewport, GTK_TYPE_LABEL);
      if (title != NULL)
        gtk_accessible_update_relation (GTK_ACCESSIBLE (viewport),
                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL,
                                        -1);
    }
  return viewport;
}

GtkWidget *
sc_kiosk_page_get_initial_focus (ScKioskPage *self)
{
  ScKioskPageInterface *iface;
  GtkWidget *widget = NULL;

  g_return_val_if_fail (SC_IS_KIOSK_PAGE (self), NULL);

  iface = SC_KIOSK_PAGE_GET_IFACE (self);
  if (iface->get_initial_focus != NULL)
    widget = iface->get_initial_focus (self);
  if (widget == NULL)
    widget = get_reading_start (self);
  return widget;
}

gboolean
sc_kiosk_page_focus (ScKioskPage *self)
{
  GtkWidget *widget;

  g_return_val_if_fail (SC_IS_KIOSK_PAGE (self), FALSE);

  widget = sc_kiosk_page_get_initial_focus (self);
  return widget != NULL && gtk_widget_grab_focus (widget);
}

void
sc_kiosk_page_set_busy (ScKioskPage *self,
                        gboolean     busy)
{
  ScKioskPageInterface *iface;

  g_return_if_fail (SC_IS_KIOSK_PAGE (self));

  iface = SC_KIOSK_PAGE_GET_IFACE (self);
  if (iface->set_busy != NULL)
    iface->set_busy (self, busy);
}

void
sc_kiosk_page_set_error (ScKioskPage *self,
                         const char  *message)
{
  ScKioskPageInterface *iface;

  g_return_if_fail (SC_IS_KIOSK_PAGE (self));

  iface = SC_KIOSK_PAGE_GET_IFACE (self);
  if (iface->set_error != NULL)
    iface->set_error (self, message);
}

void
sc_kiosk_page_clear (ScKioskPage *self)
{
  ScKioskPageInterface *iface;

  g_return_if_fail (SC_IS_KIOSK_PAGE (self));

  iface = SC_KIOSK_PAGE_GET_IFACE (self);
  if (iface->clear != NULL)
    iface->clear (self);
}
