/* sc-kiosk-welcome-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-kiosk-welcome-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-kiosk-welcome-page.h"
#include "sc-kiosk-page.h"
#include "sc-wrap.h"

/* ---- ScKioskHfwBin ------------------------------------------------------------------------
 *
 * A bin for the page's content, which is height-for-width: its long texts wrap and it scrolls
 * vertically. Its width does not depend on the height it is offered, so a width asked for at a
 * given height is answered as the width at any height (as GTK 3 answered for height-for-width
 * widgets). GTK asks that question on every allocation of the page: GtkStack asks its visible
 * page, and gtk_widget_allocate () asks a widget that does not fill its allocation (the
 * vertically centred content). Passed on, it reaches vertical GtkBoxes, which search for the
 * narrowest width whose height fits, and GtkLabels, which do the same: every wrapping label is
 * laid out at 18–80 px on the way, where Japanese text breaks after nearly every character.
 * That was most of the first frame's text layout (BENCHMARKS.md, "Launch"). Private to this
 * page: the template uses it twice. */

#define SC_TYPE_KIOSK_HFW_BIN (sc_kiosk_hfw_bin_get_type ())
G_DECLARE_FINAL_TYPE (ScKioskHfwBin, sc_kiosk_hfw_bin, SC, KIOSK_HFW_BIN, AdwBin)

struct _ScKioskHfwBin
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (ScKioskHfwBin, sc_kiosk_hfw_bin, ADW_TYPE_BIN)

static GtkSizeRequestMode
sc_kiosk_hfw_bin_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
sc_kiosk_hfw_bin_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child == NULL || !gtk_widget_should_layout (child))
    return;

  gtk_widget_measure (child, orientation,
                      orientation == GTK_ORIENTATION_HORIZONTAL ? -1 : for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
sc_kiosk_hfw_bin_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
sc_kiosk_hfw_bin_class_init (ScKioskHfwBinClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->get_request_mode = sc_kiosk_hfw_bin_get_request_mode;
  widget_class->measure = sc_kiosk_hfw_bin_measure;
  widget_class->size_allocate = sc_kiosk_hfw_bin_size_allocate;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
sc_kiosk_hfw_bin_init (ScKioskHfwBin *self)
{
  /* AdwBin's GtkBinLayout would answer for the class functions above. */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
}

/* ---- ScKioskWelcomePage --------------------------------------------------------------------- */

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

  g_type_ensure (SC_TYPE_KIOSK_HFW_BIN);

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
