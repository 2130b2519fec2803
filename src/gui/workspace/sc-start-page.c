/* sc-start-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-start-page"

#include "config.h"

#include "sc-start-page.h"

struct _ScStartPage
{
  AdwBin         parent_instance;

  /* Template children */
  GtkButton     *create_button;
};

G_DEFINE_FINAL_TYPE (ScStartPage, sc_start_page, ADW_TYPE_BIN)

static gboolean
sc_start_page_grab_focus (GtkWidget *widget)
{
  ScStartPage *self = SC_START_PAGE (widget);

  /* The suggested action first, so that Enter or Space starts it. */
  return gtk_widget_grab_focus (GTK_WIDGET (self->create_button));
}

static void
sc_start_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SC_TYPE_START_PAGE);

  G_OBJECT_CLASS (sc_start_page_parent_class)->dispose (object);
}

static void
sc_start_page_class_init (ScStartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_start_page_dispose;

  widget_class->grab_focus = sc_start_page_grab_focus;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sc-start-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScStartPage, create_button);
}

static void
sc_start_page_init (ScStartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The icon name follows the build's application id, so it cannot be in the template. The
   * status page is the bin's child, which is not bound: AdwBin unparents it itself. */
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (adw_bin_get_child (ADW_BIN (self))),
                                 APPLICATION_ID);
}

GtkWidget *
sc_start_page_new (void)
{
  return g_object_new (SC_TYPE_START_PAGE, NULL);
}
