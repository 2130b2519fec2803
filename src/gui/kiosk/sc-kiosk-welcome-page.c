/* sc-kiosk-welcome-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-kiosk-welcome-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-kiosk-welcome-page.h"
#include "sc-height-for-width-bin.h"
#include "sc-kiosk-page.h"
#include "sc-wrap.h"

struct _ScKioskWelcomePage
{
  AdwBin      parent_instance;

  /* Template children */
  GtkImage   *icon;
  GtkButton  *start_button;
};

static void sc_kiosk_welcome_page_page_iface_init (ScKioskPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ScKioskWelcomePage, sc_kiosk_welcome_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (SC_TYPE_KIOSK_PAGE,
                                                      sc_kiosk_welcome_page_page_iface_init))

static void
sc_kiosk_welcome_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SC_TYPE_KIOSK_WELCOME_PAGE);

  G_OBJECT_CLASS (sc_kiosk_welcome_page_parent_class)->dispose (object);
}

static void
sc_kiosk_welcome_page_class_init (ScKioskWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_kiosk_welcome_page_dispose;

  /* In the template: see sc-height-for-width-bin.h. */
  g_type_ensure (SC_TYPE_HEIGHT_FOR_WIDTH_BIN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sc-kiosk-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScKioskWelcomePage, icon);
  gtk_widget_class_bind_template_child (widget_class, ScKioskWelcomePage, start_button);
}

static void
sc_kiosk_welcome_page_init (ScKioskWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sc_wrap_keep_last_characters (GTK_WIDGET (self));

  /* The icon name follows the build's application id, so it cannot be in the template. */
  gtk_image_set_from_icon_name (self->icon, APPLICATION_ID);
}

GtkWidget *
sc_kiosk_welcome_page_new (void)
{
  return g_object_new (SC_TYPE_KIOSK_WELCOME_PAGE, NULL);
}

void
sc_kiosk_welcome_page_focus (ScKioskWelcomePage *self)
{
  g_return_if_fail (SC_IS_KIOSK_WELCOME_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->start_button));
}

/* ---- ScKioskPage ------------------------------------------------------------------------ */

static GtkWidget *
sc_kiosk_welcome_page_get_initial_focus (ScKioskPage *page)
{
  return GTK_WIDGET (SC_KIOSK_WELCOME_PAGE (page)->start_button);
}

static void
sc_kiosk_welcome_page_page_iface_init (ScKioskPageInterface *iface)
{
  iface->get_initial_focus = sc_kiosk_welcome_page_get_initial_focus;
}
