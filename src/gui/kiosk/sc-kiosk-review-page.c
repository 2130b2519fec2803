/* sc-kiosk-review-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-kiosk-review-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-kiosk-review-page.h"
#include "sc-kiosk-page.h"
#include "sc-wrap.h"

struct _ScKioskReviewPage
{
  AdwBin      parent_instance;

  /* Template children */
  GtkBox     *sections_box;
  GtkLabel   *error_label;
  GtkSpinner *spinner;
  GtkButton  *submit_button;
  GtkWidget  *content;

  /* Borrowed references (rows made in init) */
  GtkWidget  *rows[SC_BJSQ_N_ITEMS];
  GtkLabel   *answer_labels[SC_BJSQ_N_ITEMS];
};

static void sc_kiosk_review_page_page_iface_init (ScKioskPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ScKioskReviewPage, sc_kiosk_review_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (SC_TYPE_KIOSK_PAGE,
                                                      sc_kiosk_review_page_page_iface_init))

static GtkWidget *
make_row (ScKioskReviewPage *self,
          const ScItemInfo  *item)
{
  GtkWidget *row = gtk_list_box_row_new ();
  /* A grid, not a horizontal box: a horizontal GtkBox measures a wrapping label dozens of
   * times, and there are 57 rows. */
  GtkWidget *box = gtk_grid_new ();
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *number = gtk_label_new (NULL);
  GtkWidget *text = gtk_label_new (item->text_ja);
  GtkWidget *answer = gtk_label_new (NULL);
  GtkWidget *icon = gtk_image_new_from_icon_name ("document-edit-symbolic");
  g_autofree char *number_text = g_strdup_printf ("%u", item->index + 1);

  gtk_label_set_text (GTK_LABEL (number), number_text);
  gtk_widget_add_css_class (number, "dim-label");
  gtk_widget_add_css_class (number, "numeric");
  gtk_label_set_width_chars (GTK_LABEL (number), 2);
  gtk_label_set_xalign (GTK_LABEL (number), 1.0);

  /* For C items, the question about the person comes first, small. */
  if (item->context_ja != NULL)
    {
      GtkWidget *context = gtk_label_new (item->context_ja);

      gtk_label_set_xalign (GTK_LABEL (context), 0.0);
      gtk_label_set_wrap (GTK_LABEL (context), TRUE);
      gtk_widget_add_css_class (context, "dim-label");
      gtk_widget_add_css_class (context, "caption");
      gtk_box_append (GTK_BOX (texts), context);
    }
  gtk_label_set_xalign (GTK_LABEL (text), 0.0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (text, "sc-kiosk-body");
  gtk_box_append (GTK_BOX (texts), text);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);

  gtk_label_set_xalign (GTK_LABEL (answer), 1.0);
  gtk_widget_add_css_class (answer, "sc-kiosk-answer");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Change"), -1);
  gtk_widget_add_css_class (icon, "dim-label");

  gtk_grid_set_column_spacing (GTK_GRID (box), 16);
  gtk_grid_attach (GTK_GRID (box), number, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (box), texts, 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (box), answer, 2, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (box), icon, 3, 0, 1, 1);
  gtk_widget_add_css_class (box, "sc-kiosk-review-row");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "kiosk.change");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "i", (gint32) item->index);

  self->rows[item->index] = row;
  self->answer_labels[item->index] = GTK_LABEL (answer);

  return row;
}

static void
build_rows (ScKioskReviewPage *self)
{
  for (guint s = 0; s < SC_BJSQ_N_SECTIONS; s++)
    {
      const ScSectionInfo *section = sc_bjsq_section (s);
      GtkWidget *heading = gtk_label_new (section->instruction_ja);
      GtkWidget *list = gtk_list_box_new ();

      gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
      gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
      gtk_widget_add_css_class (heading, "sc-kiosk-heading");
      gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, section->instruction_ja,
                                      -1);
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");

      for (guint i = 0; i < section->n_items; i++)
        gtk_list_box_append (GTK_LIST_BOX (list),
                             make_row (self, sc_bjsq_item (section->first_item + i)));

      gtk_box_append (self->sections_box, heading);
      gtk_box_append (self->sections_box, list);
    }
}

static void
sc_kiosk_review_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SC_TYPE_KIOSK_REVIEW_PAGE);

  G_OBJECT_CLASS (sc_kiosk_review_page_parent_class)->dispose (object);
}

static void
sc_kiosk_review_page_class_init (ScKioskReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_kiosk_review_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sc-kiosk-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScKioskReviewPage, sections_box);
  gtk_widget_class_bind_template_child (widget_class, ScKioskReviewPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, ScKioskReviewPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, ScKioskReviewPage, submit_button);
  gtk_widget_class_bind_template_child (widget_class, ScKioskReviewPage, content);
}

static void
sc_kiosk_review_page_init (ScKioskReviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sc_wrap_keep_last_characters (GTK_WIDGET (self));

  build_rows (self);
  sc_kiosk_review_page_clear (self);
}

GtkWidget *
sc_kiosk_review_page_new (void)
{
  return g_object_new (SC_TYPE_KIOSK_REVIEW_PAGE, NULL);
}

/* The row's name for a screen reader: number, question and the answer (@label), or the
 * question alone. */
static void
set_row_name (ScKioskReviewPage *self,
              guint              index,
              const char        *label)
{
  const ScItemInfo *item = sc_bjsq_item (index);
  g_autofree char *name = NULL;

  if (label != NULL)
    /* Translators: what a screen reader says for a row of the review: the question's
     * number, its text and the answer given. */
    name = g_strdup_printf (_("%u. %s: %s"), index + 1, item->text_ja, label);
  else
    name = g_strdup_printf ("%u. %s", index + 1, item->text_ja);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rows[index]),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

void
sc_kiosk_review_page_set_answers (ScKioskReviewPage *self,
                                  const guint8       answers[SC_BJSQ_N_ITEMS])
{
  g_return_if_fail (SC_IS_KIOSK_REVIEW_PAGE (self));
  g_return_if_fail (answers != NULL);

  for (guint i = 0; i < SC_BJSQ_N_ITEMS; i++)
    {
      const char *label = answers[i] != 0 ? sc_bjsq_option_label (i, answers[i]) : NULL;

      if (label == NULL)
        label = _("Not answered");
      gtk_label_set_text (self->answer_labels[i], label);
      set_row_name (self, i, label);
    }
}

GtkWidget *
sc_kiosk_review_page_get_row (ScKioskReviewPage *self,
                              guint              index)
{
  g_return_val_if_fail (SC_IS_KIOSK_REVIEW_PAGE (self), NULL);
  g_return_val_if_fail (index < SC_BJSQ_N_ITEMS, NULL);

  return self->rows[index];
}

const char *
sc_kiosk_review_page_get_answer_text (ScKioskReviewPage *self,
                                      guint              index)
{
  g_return_val_if_fail (SC_IS_KIOSK_REVIEW_PAGE (self), NULL);
  g_return_val_if_fail (index < SC_BJSQ_N_ITEMS, NULL);

  return gtk_label_get_text (self->answer_labels[index]);
}

void
sc_kiosk_review_page_set_error (ScKioskReviewPage *self,
                                const char        *message)
{
  g_return_if_fail (SC_IS_KIOSK_REVIEW_PAGE (self));

  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

void
sc_kiosk_review_page_set_busy (ScKioskReviewPage *self,
                               gboolean           busy)
{
  g_return_if_fail (SC_IS_KIOSK_REVIEW_PAGE (self));

  gtk_widget_set_sensitive (self->content, !busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
}

void
sc_kiosk_review_page_focus (ScKioskReviewPage *self,
                            int                index)
{
  g_return_if_fail (SC_IS_KIOSK_REVIEW_PAGE (self));
  g_return_if_fail (index < SC_BJSQ_N_ITEMS);

  if (index < 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->submit_button));
  else
    gtk_widget_grab_focus (self->rows[index]);
}

void
sc_kiosk_review_page_clear (ScKioskReviewPage *self)
{
  g_return_if_fail (SC_IS_KIOSK_REVIEW_PAGE (self));

  /* SECURITY: the last person's answers leave the screen and the accessibility tree. */
  for (guint i = 0; i < SC_BJSQ_N_ITEMS; i++)
    {
      gtk_label_set_text (self->answer_labels[i], "");
      set_row_name (self, i, NULL);
    }
  sc_kiosk_review_page_set_error (self, NULL);
  sc_kiosk_review_page_set_busy (self, FALSE);
}

/* ---- ScKioskPage ------------------------------------------------------------------------ */

static GtkWidget *
sc_kiosk_review_page_get_initial_focus (ScKioskPage *page)
{
  return GTK_WIDGET (SC_KIOSK_REVIEW_PAGE (page)->submit_button);
}

static void
sc_kiosk_review_page_page_set_busy (ScKioskPage *page,
                                    gboolean     busy)
{
  sc_kiosk_review_page_set_busy (SC_KIOSK_REVIEW_PAGE (page), busy);
}

static void
sc_kiosk_review_page_page_set_error (ScKioskPage *page,
                                     const char  *message)
{
  sc_kiosk_review_page_set_error (SC_KIOSK_REVIEW_PAGE (page), message);
}

static void
sc_kiosk_review_page_page_clear (ScKioskPage *page)
{
  sc_kiosk_review_page_clear (SC_KIOSK_REVIEW_PAGE (page));
}

static void
sc_kiosk_review_page_page_iface_init (ScKioskPageInterface *iface)
{
  iface->get_initial_focus = sc_kiosk_review_page_get_initial_focus;
  iface->set_busy = sc_kiosk_review_page_page_set_busy;
  iface->set_error = sc_kiosk_review_page_page_set_error;
  iface->clear = sc_kiosk_review_page_page_clear;
}
