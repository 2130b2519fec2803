/* sc-height-for-width-bin.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-height-for-width-bin"

#include "config.h"

#include "sc-height-for-width-bin.h"

struct _ScHeightForWidthBin
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (ScHeightForWidthBin, sc_height_for_width_bin, ADW_TYPE_BIN)

static GtkSizeRequestMode
sc_height_for_width_bin_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
sc_height_for_width_bin_measure (GtkWidget      *widget,
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

  /* The width does not depend on the height: see the header. */
  gtk_widget_measure (child, orientation,
                      orientation == GTK_ORIENTATION_HORIZONTAL ? -1 : for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
sc_height_for_width_bin_size_allocate (GtkWidget *widget,
                                       int        width,
                                       int        height,
                                       int        baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
sc_height_for_width_bin_class_init (ScHeightForWidthBinClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->get_request_mode = sc_height_for_width_bin_get_request_mode;
  widget_class->measure = sc_height_for_width_bin_measure;
  widget_class->size_allocate = sc_height_for_width_bin_size_allocate;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
sc_height_for_width_bin_init (ScHeightForWidthBin *self)
{
  /* AdwBin's GtkBinLayout would answer instead of the class functions above. */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
}

GtkWidget *
sc_height_for_width_bin_new (void)
{
  return g_object_new (SC_TYPE_HEIGHT_FOR_WIDTH_BIN, NULL);
}
