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
  AdwPreferencesGroup *recent_group;

  /* Owned */
  GPtrArray     *recent_rows;
};

G_DEFINE_FINAL_TYPE (ScStartPage, sc_start_page, ADW_TYPE_BIN)

static gboolean
sc_start_page_grab_focus (GtkWidget *widget)
{
  ScStartPage *self = SC_START_PAGE (widget);

  /* The suggested action first, so that Enter or Space starts it. */
  return gtk_widget_grab_focus (GTK_WIDGET (self->create_button));
}

void
sc_start_page_set_recent (ScStartPage        *self,
                          const char * const *paths)
{
  g_return_if_fail (SC_IS_START_PAGE (self));

  for (guint i = 0; i < self->recent_rows->len; i++)
    adw_preferences_group_remove (self->recent_group, g_ptr_array_index (self->recent_rows, i));
  g_ptr_array_set_size (self->recent_rows, 0);
  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    {
      g_autofree char *name = g_path_get_basename (paths[i]);
      g_autofree char *folder = g_path_get_dirname (paths[i]);
      g_autofree char *display_name = g_filename_display_name (name);
      g_autofree char *display_folder = g_filename_display_name (folder);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("go-next-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), display_name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), display_folder);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      "", -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                                   -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      /* Opens the unlock page for it (ScWindow's win.open-recent). */
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-recent");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                              g_variant_new_string (paths[i]));
      adw_preferences_group_add (self->recent_group, row);
      g_ptr_array_add (self->recent_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), self->recent_rows->len > 0);
}

guint
sc_start_page_get_n_recent (ScStartPage *self)
{
  g_return_val_if_fail (SC_IS_START_PAGE (self), 0);

  return self->recent_rows->len;
}

static void
sc_start_page_dispose (GObject *object)
{
  ScStartPage *self = SC_START_PAGE (object);

  g_clear_pointer (&self->recent_rows, g_ptr_array_unref);
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
  gtk_widget_class_bind_template_child (widget_class, ScStartPage, recent_group);
}

static void
sc_start_page_init (ScStartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->recent_rows = g_ptr_array_new ();

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
