/* sc-report-preview.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-report-preview"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-report-preview.h"

#define ZOOM_MIN 0.25
#define ZOOM_MAX 4.0
#define ZOOM_STEP 1.25
#define THUMBNAIL_WIDTH 96
#define PAGE_MARGIN 12

struct _ScReportPreview
{
  AdwBin           parent_instance;

  GtkLabel        *zoom_label;
  GtkToggleButton *fit_button;
  GtkLabel        *page_label;
  GtkListBox      *thumbnail_list;
  GtkScrolledWindow *page_scroller;
  GtkDrawingArea  *page_area;

  PopplerDocument *document;
  guint            n_pages;
  guint            page;
  double           zoom;       /* when not fitting */
  double           fit_zoom;   /* the scale the last fitted drawing used */
  guint            n_thumbnails;
  guint            labels_idle;
};

G_DEFINE_FINAL_TYPE (ScReportPreview, sc_report_preview, ADW_TYPE_BIN)

static void
get_page_size (ScReportPreview *self,
               guint            page,
               double          *width,
               double          *height)
{
  PopplerPage *p = NULL;

  *width = 595.28;
  *height = 841.89;
  if (self->document != NULL && page < self->n_pages)
    p = poppler_document_get_page (self->document, page);
  if (p != NULL)
    {
      poppler_page_get_size (p, width, height);
      g_object_unref (p);
    }
}

/* White paper, then the page at @scale, with @cr's origin at the top-left of the paper. */
static void
draw_page (ScReportPreview *self,
           cairo_t         *cr,
           guint            page,
           double           scale)
{
  PopplerPage *p = NULL;
  double width, height;

  get_page_size (self, page, &width, &height);
  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);
  if (self->document != NULL && page < self->n_pages)
    p = poppler_document_get_page (self->document, page);
  if (p != NULL)
    {
      poppler_page_render (p, cr);
      g_object_unref (p);
    }
  cairo_restore (cr);
}

cairo_surface_t *
sc_report_preview_render_page (ScReportPreview *self,
                               guint            page,
                               double           scale)
{
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (SC_IS_REPORT_PREVIEW (self), NULL);

  get_page_size (self, page, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, MAX (1, (int) (width * scale)),
                                        MAX (1, (int) (height * scale)));
  cr = cairo_create (surface);
  draw_page (self, cr, page, scale);
  cairo_destroy (cr);
  return surface;
}

static void
update_labels (ScReportPreview *self)
{
  g_autofree char *zoom = g_strdup_printf ("%.0f%%", sc_report_preview_get_zoom (self) * 100);
  g_autofree char *page = NULL;

  if (self->n_pages > 0)
    page = g_strdup_printf (_("Page %u of %u"), self->page + 1, self->n_pages);
  gtk_label_set_text (self->zoom_label, zoom);
  gtk_label_set_text (self->page_label, page != NULL ? page : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-out",
                                 self->document != NULL
                                 && sc_report_preview_get_zoom (self) > ZOOM_MIN + 0.001);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-in",
                                 self->document != NULL
                                 && sc_report_preview_get_zoom (self) < ZOOM_MAX - 0.001);
}

static gboolean
update_labels_idle_cb (gpointer user_data)
{
  ScReportPreview *self = user_data;

  self->labels_idle = 0;
  update_labels (self);
  return G_SOURCE_REMOVE;
}

/* Not while the view is being allocated: a label changed then would need another layout. */
static void
queue_update_labels (ScReportPreview *self)
{
  if (self->labels_idle == 0)
    self->labels_idle = g_idle_add (update_labels_idle_cb, self);
}

static double
compute_fit_zoom (ScReportPreview *self,
                  int              width,
                  int              height)
{
  double page_width, page_height;

  get_page_size (self, self->page, &page_width, &page_height);
  width -= 2 * PAGE_MARGIN;
  height -= 2 * PAGE_MARGIN;
  if (width <= 0 || height <= 0)
    return ZOOM_MIN;
  return CLAMP (MIN (width / page_width, height / page_height), 0.05, ZOOM_MAX);
}

static void
draw_page_area_cb (GtkDrawingArea *area,
                   cairo_t        *cr,
                   int             width,
                   int             height,
                   gpointer        user_data)
{
  ScReportPreview *self = user_data;
  double page_width, page_height, scale;

  if (self->document == NULL)
    return;
  get_page_size (self, self->page, &page_width, &page_height);
  if (gtk_toggle_button_get_active (self->fit_button))
    {
      scale = compute_fit_zoom (self, width, height);
      if (scale != self->fit_zoom)
        {
          self->fit_zoom = scale;
          queue_update_labels (self);
        }
    }
  else
    scale = self->zoom;
  /* Centred, with a margin of the window's background around the paper. */
  cairo_translate (cr, MAX (PAGE_MARGIN, (width - page_width * scale) / 2),
                   MAX (PAGE_MARGIN, (height - page_height * scale) / 2));
  cairo_rectangle (cr, -1, -1, page_width * scale + 2, page_height * scale + 2);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.3);
  cairo_fill (cr);
  draw_page (self, cr, self->page, scale);
}

/* Fitting: the page follows the size of the view. Zoomed: the view scrolls over the page. */
static void
apply_zoom (ScReportPreview *self)
{
  gboolean fit = gtk_toggle_button_get_active (self->fit_button);
  double page_width, page_height;

  get_page_size (self, self->page, &page_width, &page_height);
  if (fit)
    {
      gtk_scrolled_window_set_policy (self->page_scroller, GTK_POLICY_NEVER, GTK_POLICY_NEVER);
      gtk_drawing_area_set_content_width (self->page_area, 0);
      gtk_drawing_area_set_content_height (self->page_area, 0);
      gtk_widget_set_size_request (GTK_WIDGET (self->page_area), -1, -1);
    }
  else
    {
      gtk_scrolled_window_set_policy (self->page_scroller, GTK_POLICY_AUTOMATIC,
                                      GTK_POLICY_AUTOMATIC);
      gtk_drawing_area_set_content_width (self->page_area,
                                          (int) (page_width * self->zoom) + 2 * PAGE_MARGIN);
      gtk_drawing_area_set_content_height (self->page_area,
                                           (int) (page_height * self->zoom) + 2 * PAGE_MARGIN);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->page_area));
  update_labels (self);
}

static void
on_fit_toggled_cb (GtkToggleButton *button,
                   ScReportPreview *self)
{
  if (!gtk_toggle_button_get_active (button))
    self->zoom = CLAMP (self->fit_zoom, ZOOM_MIN, ZOOM_MAX);
  apply_zoom (self);
}

static void
set_zoom (ScReportPreview *self,
          double           zoom)
{
  self->zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  if (gtk_toggle_button_get_active (self->fit_button))
    {
      /* Leaving fit mode keeps the fitted scale; toggled () would reset the new one. */
      g_signal_handlers_block_by_func (self->fit_button, on_fit_toggled_cb, self);
      gtk_toggle_button_set_active (self->fit_button, FALSE);
      g_signal_handlers_unblock_by_func (self->fit_button, on_fit_toggled_cb, self);
    }
  apply_zoom (self);
}

void
sc_report_preview_zoom_in (ScReportPreview *self)
{
  g_return_if_fail (SC_IS_REPORT_PREVIEW (self));
  set_zoom (self, sc_report_preview_get_zoom (self) * ZOOM_STEP);
}

void
sc_report_preview_zoom_out (ScReportPreview *self)
{
  g_return_if_fail (SC_IS_REPORT_PREVIEW (self));
  set_zoom (self, sc_report_preview_get_zoom (self) / ZOOM_STEP);
}

double
sc_report_preview_get_zoom (ScReportPreview *self)
{
  g_return_val_if_fail (SC_IS_REPORT_PREVIEW (self), 1.0);
  if (gtk_toggle_button_get_active (self->fit_button))
    {
      int width = gtk_widget_get_width (GTK_WIDGET (self->page_area));
      int height = gtk_widget_get_height (GTK_WIDGET (self->page_area));

      return width > 0 ? compute_fit_zoom (self, width, height) : self->fit_zoom;
    }
  return self->zoom;
}

gboolean
sc_report_preview_get_fit (ScReportPreview *self)
{
  g_return_val_if_fail (SC_IS_REPORT_PREVIEW (self), FALSE);
  return gtk_toggle_button_get_active (self->fit_button);
}

void
sc_report_preview_set_fit (ScReportPreview *self,
                           gboolean         fit)
{
  g_return_if_fail (SC_IS_REPORT_PREVIEW (self));
  gtk_toggle_button_set_active (self->fit_button, fit);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  if (g_str_equal (action_name, "preview.zoom-in"))
    sc_report_preview_zoom_in (SC_REPORT_PREVIEW (widget));
  else
    sc_report_preview_zoom_out (SC_REPORT_PREVIEW (widget));
}

/* Thumbnails */

static void
draw_thumbnail_cb (GtkDrawingArea *area,
                   cairo_t        *cr,
                   int             width,
                   int             height,
                   gpointer        user_data)
{
  ScReportPreview *self = SC_REPORT_PREVIEW (gtk_widget_get_ancestor (GTK_WIDGET (area),
                                                                      SC_TYPE_REPORT_PREVIEW));
  guint page = GPOINTER_TO_UINT (user_data);
  double page_width, page_height;

  if (self == NULL || self->document == NULL)
    return;
  get_page_size (self, page, &page_width, &page_height);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.3);
  cairo_fill (cr);
  cairo_translate (cr, 1, 1);
  draw_page (self, cr, page, (width - 2) / page_width);
}

static GtkWidget *
new_thumbnail (ScReportPreview *self,
               guint            page)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *area = gtk_drawing_area_new ();
  g_autofree char *number = g_strdup_printf ("%u", page + 1);
  g_autofree char *name = g_strdup_printf (_("Page %u"), page + 1);
  GtkWidget *row = gtk_list_box_row_new ();
  double width, height;

  get_page_size (self, page, &width, &height);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), THUMBNAIL_WIDTH);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area),
                                       (int) (THUMBNAIL_WIDTH * height / width));
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_thumbnail_cb,
                                  GUINT_TO_POINTER (page), NULL);
  gtk_widget_set_halign (area, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), area);
  gtk_box_append (GTK_BOX (box), gtk_label_new (number));
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return row;
}

static void
on_thumbnail_selected_cb (GtkListBox      *list,
                          GtkListBoxRow   *row,
                          ScReportPreview *self)
{
  if (row == NULL)
    return;
  self->page = (guint) gtk_list_box_row_get_index (row);
  apply_zoom (self);
}

void
sc_report_preview_set_page (ScReportPreview *self,
                            guint            page)
{
  g_return_if_fail (SC_IS_REPORT_PREVIEW (self));
  g_return_if_fail (page < MAX (self->n_pages, 1));

  if (self->n_pages > 0)
    gtk_list_box_select_row (self->thumbnail_list,
                             gtk_list_box_get_row_at_index (self->thumbnail_list, (int) page));
}

guint
sc_report_preview_get_page (ScReportPreview *self)
{
  g_return_val_if_fail (SC_IS_REPORT_PREVIEW (self), 0);
  return self->page;
}

guint
sc_report_preview_get_n_pages (ScReportPreview *self)
{
  g_return_val_if_fail (SC_IS_REPORT_PREVIEW (self), 0);
  return self->n_pages;
}

guint
sc_report_preview_get_n_thumbnails (ScReportPreview *self)
{
  g_return_val_if_fail (SC_IS_REPORT_PREVIEW (self), 0);
  return self->n_thumbnails;
}

PopplerDocument *
sc_report_preview_get_document (ScReportPreview *self)
{
  g_return_val_if_fail (SC_IS_REPORT_PREVIEW (self), NULL);
  return self->document;
}

void
sc_report_preview_set_document (ScReportPreview *self,
                                PopplerDocument *document)
{
  GtkWidget *child;

  g_return_if_fail (SC_IS_REPORT_PREVIEW (self));

  g_set_object (&self->document, document);
  self->n_pages = document != NULL ? (guint) poppler_document_get_n_pages (document) : 0;
  self->page = 0;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->thumbnail_list))) != NULL)
    gtk_list_box_remove (self->thumbnail_list, child);
  self->n_thumbnails = 0;
  for (guint i = 0; i < self->n_pages; i++, self->n_thumbnails++)
    gtk_list_box_append (self->thumbnail_list, new_thumbnail (self, i));
  if (self->n_pages > 0)
    sc_report_preview_set_page (self, 0);
  apply_zoom (self);
}

static void
sc_report_preview_dispose (GObject *object)
{
  ScReportPreview *self = SC_REPORT_PREVIEW (object);

  g_clear_handle_id (&self->labels_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_REPORT_PREVIEW);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (sc_report_preview_parent_class)->dispose (object);
}

static void
sc_report_preview_class_init (ScReportPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_report_preview_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/stresscheck/StressCheck/ui/sc-report-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, ScReportPreview, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, ScReportPreview, fit_button);
  gtk_widget_class_bind_template_child (widget_class, ScReportPreview, page_label);
  gtk_widget_class_bind_template_child (widget_class, ScReportPreview, thumbnail_list);
  gtk_widget_class_bind_template_child (widget_class, ScReportPreview, page_scroller);
  gtk_widget_class_bind_template_child (widget_class, ScReportPreview, page_area);
  gtk_widget_class_bind_template_callback (widget_class, on_fit_toggled_cb);
  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, zoom_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "preview.zoom-out", NULL);
  gtk_widget_class_bind_template_callback (widget_class, on_thumbnail_selected_cb);
}

static void
sc_report_preview_init (ScReportPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->zoom = 1.0;
  self->fit_zoom = 1.0;
  gtk_drawing_area_set_draw_func (self->page_area, draw_page_area_cb, self, NULL);
  /* The fitted scale changes with the size of the view. */
  g_signal_connect_swapped (self->page_area, "resize", G_CALLBACK (queue_update_labels), self);
  update_labels (self);
}

GtkWidget *
sc_report_preview_new (void)
{
  return g_object_new (SC_TYPE_REPORT_PREVIEW, NULL);
}
