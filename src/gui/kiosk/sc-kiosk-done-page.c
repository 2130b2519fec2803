/* sc-kiosk-done-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-kiosk-done-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-kiosk-done-page.h"
#include "sc-kiosk-page.h"
#include "sc-wrap.h"

struct _ScKioskDonePage
{
  AdwBin     parent_instance;

  /* Template children */
  GtkImage  *icon;
  GtkLabel  *title_label;
  GtkLabel  *description_label;
  GtkLabel  *countdown_label;
  GtkButton *finish_button;
};

static void sc_kiosk_done_page_page_iface_init (ScKioskPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ScKioskDonePage, sc_kiosk_done_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (SC_TYPE_KIOSK_PAGE,
                                                      sc_kiosk_done_page_page_iface_init))

static void
sc_kiosk_done_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SC_TYPE_KIOSK_DONE_PAGE);

  G_OBJECT_CLASS (sc_kiosk_done_page_parent_class)->dispose (object);
}

static void
sc_kiosk_done_page_class_init (ScKioskDonePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_kiosk_done_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sc-kiosk-done-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScKioskDonePage, icon);
  gtk_widget_class_bind_template_child (widget_class, ScKioskDonePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, ScKioskDonePage, description_label);
  gtk_widget_class_bind_template_child (widget_class, ScKioskDonePage, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, ScKioskDonePage, finish_button);
}

static void
sc_kiosk_done_page_init (ScKioskDonePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sc_wrap_keep_last_characters (GTK_WIDGET (self));

  sc_kiosk_done_page_clear (self);
}

GtkWidget *
sc_kiosk_done_page_new (void)
{
  return g_object_new (SC_TYPE_KIOSK_DONE_PAGE, NULL);
}

void
sc_kiosk_done_page_set_message (ScKioskDonePage *self,
                                const char      *icon_name,
                                const char      *title,
                                const char      *description)
{
  g_return_if_fail (SC_IS_KIOSK_DONE_PAGE (self));
  g_return_if_fail (icon_name != NULL && title != NULL);

  gtk_image_set_from_icon_name (self->icon, icon_name);
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->description_label, description != NULL ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), description != NULL);
}

void
sc_kiosk_done_page_set_seconds_left (ScKioskDonePage *self,
                                     guint            seconds)
{
  g_autofree char *text = NULL;

  g_return_if_fail (SC_IS_KIOSK_DONE_PAGE (self));

  if (seconds > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "This screen clears itself in %u second.",
                                         "This screen clears itself in %u seconds.",
                                         seconds),
                            seconds);
  gtk_label_set_text (self->countdown_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->countdown_label), seconds > 0);
}

void
sc_kiosk_done_page_focus (ScKioskDonePage *self)
{
  g_return_if_fail (SC_IS_KIOSK_DONE_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->finish_button));
}

void
sc_kiosk_done_page_clear (ScKioskDonePage *self)
{
  g_return_if_fail (SC_IS_KIOSK_DONE_PAGE (self));

  sc_kiosk_done_page_set_message (self, "emblem-ok-symbolic", "", NULL);
  sc_kiosk_done_page_set_seconds_left (self, 0);
}

/* ---- ScKioskPage ------------------------------------------------------------------------ */

static GtkWidget *
sc_kiosk_done_page_get_initial_focus (ScKioskPage *page)
{
  return GTK_WIDGET (SC_KIOSK_DONE_PAGE (page)->finish_button);
}

static void
sc_kiosk_done_page_page_clear (ScKioskPage *page)
{
  sc_kiosk_done_page_clear (SC_KIOSK_DONE_PAGE (page));
}

static void
sc_kiosk_done_page_page_iface_init (ScKioskPageInterface *iface)
{
  iface->get_initial_focus = sc_kiosk_done_page_get_initial_focus;
  iface->clear = sc_kiosk_done_page_page_clear;
}
