/* sc-kiosk-question-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-kiosk-question-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-kiosk-question-page.h"
#include "sc-kiosk-page.h"
#include "sc-wrap.h"
#include "sc-bjsq.h"

struct _ScKioskQuestionPage
{
  AdwBin          parent_instance;

  /* Template children */
  GtkLabel       *person_label;
  GtkLabel       *section_label;
  GtkLabel       *progress_label;
  GtkProgressBar *progress_bar;
  GtkLabel       *instruction_label;
  GtkLabel       *context_label;
  GtkLabel       *item_label;
  GtkBox         *options_box;
  GtkButton      *back_button;
  GtkButton      *next_button;
  GtkLabel       *next_label;

  /* Borrowed references (children of options_box) */
  GtkWidget      *options[SC_BJSQ_N_OPTIONS];
  GtkLabel       *option_labels[SC_BJSQ_N_OPTIONS];
  GtkWidget      *option_checks[SC_BJSQ_N_OPTIONS];

  /* Plain state */
  guint           index;
  guint           answer;
  gboolean        reviewing;
};

static void sc_kiosk_question_page_page_iface_init (ScKioskPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ScKioskQuestionPage, sc_kiosk_question_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (SC_TYPE_KIOSK_PAGE,
                                                      sc_kiosk_question_page_page_iface_init))

/* Short section names for the progress line; the form's own heading is shown below it. */
static const char *
section_name (ScSection section)
{
  switch (section)
    {
    case SC_SECTION_A:
      /* Translators: the first part of the questionnaire, shown beside the progress. */
      return _("A · Your work");
    case SC_SECTION_B:
      /* Translators: the second part: how the person has felt in the last month. */
      return _("B · How you have been");
    case SC_SECTION_C:
      /* Translators: the third part: support from the people around the person. */
      return _("C · People around you");
    case SC_SECTION_D:
      /* Translators: the fourth part: satisfaction with work and home life. */
      return _("D · Satisfaction");
    default:
      g_assert_not_reached ();
    }
}

static void
build_options (ScKioskQuestionPage *self)
{
  for (guint i = 0; i < SC_BJSQ_N_OPTIONS; i++)
    {
      /* Screen readers meet the four answers as a group of radio buttons, one checked. */
      GtkWidget *button = g_object_new (GTK_TYPE_BUTTON,
                                        "accessible-role", GTK_ACCESSIBLE_ROLE_RADIO,
                                        NULL);
      /* A grid, not a horizontal box: a horizontal GtkBox measures a wrapping label many
       * times over, on every question. */
      GtkWidget *box = gtk_grid_new ();
      GtkWidget *key = gtk_label_new (NULL);
      GtkWidget *label = gtk_label_new (NULL);
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");
      char number[2] = { (char) ('1' + i), '\0' };

      gtk_label_set_text (GTK_LABEL (key), number);
      gtk_widget_add_css_class (key, "sc-kiosk-keyhint");
      gtk_widget_set_valign (key, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (key),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, number, -1);
      /* The button is named by its answer's text; the key that chooses it is its shortcut. */
      gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_KEY_SHORTCUTS, number, -1);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_visible (check, FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chosen"), -1);

      gtk_grid_set_column_spacing (GTK_GRID (box), 18);
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_grid_attach (GTK_GRID (box), key, 0, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (box), label, 1, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (box), check, 2, 0, 1, 1);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "sc-kiosk-option");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "kiosk.answer");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", (gint32) (i + 1));
      gtk_box_append (self->options_box, button);

      self->options[i] = button;
      self->option_labels[i] = GTK_LABEL (label);
      self->option_checks[i] = check;
    }
}

static void
update_chosen (ScKioskQuestionPage *self)
{
  for (guint i = 0; i < SC_BJSQ_N_OPTIONS; i++)
    {
      gboolean chosen = self->answer == i + 1;

      if (chosen)
        gtk_widget_add_css_class (self->options[i], "sc-kiosk-chosen");
      else
        gtk_widget_remove_css_class (self->options[i], "sc-kiosk-chosen");
      gtk_widget_set_visible (self->option_checks[i], chosen);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->options[i]),
                                   GTK_ACCESSIBLE_STATE_CHECKED,
                                   chosen ? GTK_ACCESSIBLE_TRISTATE_TRUE
                                          : GTK_ACCESSIBLE_TRISTATE_FALSE,
                                   -1);
    }
}

static void
sc_kiosk_question_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SC_TYPE_KIOSK_QUESTION_PAGE);

  G_OBJECT_CLASS (sc_kiosk_question_page_parent_class)->dispose (object);
}

static void
sc_kiosk_question_page_class_init (ScKioskQuestionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_kiosk_question_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sc-kiosk-question-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScKioskQuestionPage, person_label);
  gtk_widget_class_bind_template_child (widget_class, ScKioskQuestionPage, section_label);
  gtk_widget_class_bind_template_child (widget_class, ScKioskQuestionPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, ScKioskQuestionPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ScKioskQuestionPage, instruction_label);
  gtk_widget_class_bind_template_child (widget_class, ScKioskQuestionPage, context_label);
  gtk_widget_class_bind_template_child (widget_class, ScKioskQuestionPage, item_label);
  gtk_widget_class_bind_template_child (widget_class, ScKioskQuestionPage, options_box);
  gtk_widget_class_bind_template_child (widget_class, ScKioskQuestionPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, ScKioskQuestionPage, next_button);
  gtk_widget_class_bind_template_child (widget_class, ScKioskQuestionPage, next_label);
}

static void
sc_kiosk_question_page_init (ScKioskQuestionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sc_wrap_keep_last_characters (GTK_WIDGET (self));

  build_options (self);
  sc_kiosk_question_page_show_item (self, 0, 0, FALSE);
}

GtkWidget *
sc_kiosk_question_page_new (void)
{
  return g_object_new (SC_TYPE_KIOSK_QUESTION_PAGE, NULL);
}

void
sc_kiosk_question_page_show_item (ScKioskQuestionPage *self,
                                  guint                index,
                                  guint                answer,
                                  gboolean             reviewing)
{
  const ScItemInfo *item;
  const ScSectionInfo *section;
  g_autofree char *progress = NULL;
  g_autofree char *progress_a11y = NULL;

  g_return_if_fail (SC_IS_KIOSK_QUESTION_PAGE (self));
  g_return_if_fail (index < SC_BJSQ_N_ITEMS);
  g_return_if_fail (answer <= SC_BJSQ_N_OPTIONS);

  item = sc_bjsq_item (index);
  section = sc_bjsq_section (item->section);

  self->index = index;
  self->answer = answer;
  self->reviewing = reviewing;

  gtk_label_set_text (self->section_label, section_name (item->section));
  /* Translators: the progress through the questionnaire, e.g. "12 / 57". */
  progress = g_strdup_printf (_("%u / %u"), index + 1, SC_BJSQ_N_ITEMS);
  gtk_label_set_text (self->progress_label, progress);
  /* Translators: the progress as a screen reader says it. */
  progress_a11y = g_strdup_printf (_("Question %u of %u"), index + 1, SC_BJSQ_N_ITEMS);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, progress_a11y, -1);
  gtk_progress_bar_set_fraction (self->progress_bar, (double) (index + 1) / SC_BJSQ_N_ITEMS);

  /* The questionnaire keeps its official Japanese wording in every user interface
   * language: the section heading and instruction as printed, then the item. */
  gtk_label_set_text (self->instruction_label, section->instruction_ja);
  gtk_label_set_text (self->context_label, item->context_ja != NULL ? item->context_ja : "");
  gtk_widget_set_visible (GTK_WIDGET (self->context_label), item->context_ja != NULL);
  gtk_label_set_text (self->item_label, item->text_ja);

  for (guint i = 0; i < SC_BJSQ_N_OPTIONS; i++)
    gtk_label_set_text (self->option_labels[i], section->option_labels_ja[i]);
  update_chosen (self);

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), !reviewing);
  gtk_label_set_text (self->next_label, reviewing ? _("Back to the Review") : _("Next"));
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), reviewing || answer != 0);
}

guint
sc_kiosk_question_page_get_index (ScKioskQuestionPage *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_QUESTION_PAGE (self), 0);

  return self->index;
}

guint
sc_kiosk_question_page_get_answer (ScKioskQuestionPage *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_QUESTION_PAGE (self), 0);

  return self->answer;
}

GtkWidget *
sc_kiosk_question_page_get_option (ScKioskQuestionPage *self,
                                   guint                value)
{
  g_return_val_if_fail (SC_IS_KIOSK_QUESTION_PAGE (self), NULL);
  g_return_val_if_fail (value >= 1 && value <= SC_BJSQ_N_OPTIONS, NULL);

  return self->options[value - 1];
}

void
sc_kiosk_question_page_set_person (ScKioskQuestionPage *self,
                                   const char          *name)
{
  g_autofree char *text = NULL;

  g_return_if_fail (SC_IS_KIOSK_QUESTION_PAGE (self));

  if (name != NULL)
    /* Translators: shown above the questions so that people see they are logged in as
     * themselves; %s is the person's name. */
    text = g_strdup_printf (_("Answering as %s"), name);
  gtk_label_set_text (self->person_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->person_label), name != NULL);
}

void
sc_kiosk_question_page_focus (ScKioskQuestionPage *self)
{
  g_return_if_fail (SC_IS_KIOSK_QUESTION_PAGE (self));

  gtk_widget_grab_focus (self->options[self->answer > 0 ? self->answer - 1 : 0]);
}

void
sc_kiosk_question_page_clear (ScKioskQuestionPage *self)
{
  g_return_if_fail (SC_IS_KIOSK_QUESTION_PAGE (self));

  /* SECURITY: no name and no answer of the last person stays on the screen. */
  sc_kiosk_question_page_set_person (self, NULL);
  sc_kiosk_question_page_show_item (self, 0, 0, FALSE);
}

/* ---- ScKioskPage ------------------------------------------------------------------------ */

static GtkWidget *
sc_kiosk_question_page_get_initial_focus (ScKioskPage *page)
{
  ScKioskQuestionPage *self = SC_KIOSK_QUESTION_PAGE (page);

  /* The answer given, or the first option. */
  return self->options[self->answer > 0 ? self->answer - 1 : 0];
}

static void
sc_kiosk_question_page_page_clear (ScKioskPage *page)
{
  sc_kiosk_question_page_clear (SC_KIOSK_QUESTION_PAGE (page));
}

static void
sc_kiosk_question_page_page_iface_init (ScKioskPageInterface *iface)
{
  iface->get_initial_focus = sc_kiosk_question_page_get_initial_focus;
  iface->clear = sc_kiosk_question_page_page_clear;
}
