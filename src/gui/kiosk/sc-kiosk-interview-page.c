/* sc-kiosk-interview-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-kiosk-interview-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-kiosk-interview-page.h"
#include "sc-kiosk-page.h"
#include "sc-wrap.h"

struct _ScKioskInterviewPage
{
  AdwBin      parent_instance;

  /* Template children */
  GtkStack   *stack;
  GtkLabel   *contact_label;
  GtkLabel   *consent_note;
  GtkButton  *ask_button;
  GtkButton  *later_button;
  GtkButton  *confirm_button;
  GtkButton  *cancel_button;
  GtkWidget  *ask_buttons;
  GtkWidget  *confirm_buttons;
  GtkLabel   *error_label;
  GtkSpinner *spinner;
};

static void sc_kiosk_interview_page_page_iface_init (ScKioskPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ScKioskInterviewPage, sc_kiosk_interview_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (SC_TYPE_KIOSK_PAGE,
                                                      sc_kiosk_interview_page_page_iface_init))

/* Shows the step @name ("ask" or "confirm") and hides the other one, with its buttons: screen
 * readers list the children of a stack whether shown or not, and could press the hidden
 * step's buttons. */
static void
show_step (ScKioskInterviewPage *self,
           const char           *name)
{
  GtkWidget *shown = gtk_stack_get_child_by_name (self->stack, name);

  /* A stack switches only to a visible child. */
  gtk_widget_set_visible (shown, TRUE);
  gtk_stack_set_visible_child (self->stack, shown);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_visible (child, child == shown);
  /* The buttons of both steps sit in the page's fixed footer, below the scrolled text. */
  gtk_widget_set_visible (self->ask_buttons, g_str_equal (name, "ask"));
  gtk_widget_set_visible (self->confirm_buttons, g_str_equal (name, "confirm"));
}

static void
interview_ask_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ScKioskInterviewPage *self = SC_KIOSK_INTERVIEW_PAGE (widget);

  show_step (self, "confirm");
  /* The confirmation is not preselected either: the person reads first. */
  gtk_widget_grab_focus (GTK_WIDGET (self->cancel_button));
}

static void
interview_back_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ScKioskInterviewPage *self = SC_KIOSK_INTERVIEW_PAGE (widget);

  sc_kiosk_interview_page_set_error (self, NULL);
  show_step (self, "ask");
  gtk_widget_grab_focus (GTK_WIDGET (self->ask_button));
}

static void
sc_kiosk_interview_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SC_TYPE_KIOSK_INTERVIEW_PAGE);

  G_OBJECT_CLASS (sc_kiosk_interview_page_parent_class)->dispose (object);
}

static void
sc_kiosk_interview_page_class_init (ScKioskInterviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_kiosk_interview_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sc-kiosk-interview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScKioskInterviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ScKioskInterviewPage, contact_label);
  gtk_widget_class_bind_template_child (widget_class, ScKioskInterviewPage, consent_note);
  gtk_widget_class_bind_template_child (widget_class, ScKioskInterviewPage, ask_button);
  gtk_widget_class_bind_template_child (widget_class, ScKioskInterviewPage, later_button);
  gtk_widget_class_bind_template_child (widget_class, ScKioskInterviewPage, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, ScKioskInterviewPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, ScKioskInterviewPage, ask_buttons);
  gtk_widget_class_bind_template_child (widget_class, ScKioskInterviewPage, confirm_buttons);
  gtk_widget_class_bind_template_child (widget_class, ScKioskInterviewPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, ScKioskInterviewPage, spinner);

  gtk_widget_class_install_action (widget_class, "interview.ask", NULL, interview_ask_action);
  gtk_widget_class_install_action (widget_class, "interview.back", NULL, interview_back_action);
}

static void
sc_kiosk_interview_page_init (ScKioskInterviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sc_wrap_keep_last_characters (GTK_WIDGET (self));

  show_step (self, "ask");
}

GtkWidget *
sc_kiosk_interview_page_new (void)
{
  return g_object_new (SC_TYPE_KIOSK_INTERVIEW_PAGE, NULL);
}

void
sc_kiosk_interview_page_prepare (ScKioskInterviewPage *self,
                                 gboolean              consent_given,
                                 const char           *contact_text)
{
  g_return_if_fail (SC_IS_KIOSK_INTERVIEW_PAGE (self));

  gtk_label_set_text (self->contact_label, contact_text != NULL ? contact_text : "");
  gtk_label_set_text (self->consent_note,
                      consent_given
                      ? _("You have already agreed that your employer may see your result.")
                      : _("This applies even though you chose a moment ago not to share your "
                          "result."));
  sc_kiosk_interview_page_set_error (self, NULL);
  sc_kiosk_interview_page_set_busy (self, FALSE);
  show_step (self, "ask");
}

gboolean
sc_kiosk_interview_page_is_confirming (ScKioskInterviewPage *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_INTERVIEW_PAGE (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "confirm") == 0;
}

GtkWidget *
sc_kiosk_interview_page_get_button (ScKioskInterviewPage *self,
                                    const char           *which)
{
  g_return_val_if_fail (SC_IS_KIOSK_INTERVIEW_PAGE (self), NULL);

  if (g_strcmp0 (which, "ask") == 0)
    return GTK_WIDGET (self->ask_button);
  if (g_strcmp0 (which, "later") == 0)
    return GTK_WIDGET (self->later_button);
  if (g_strcmp0 (which, "confirm") == 0)
    return GTK_WIDGET (self->confirm_button);
  if (g_strcmp0 (which, "cancel") == 0)
    return GTK_WIDGET (self->cancel_button);
  g_return_val_if_reached (NULL);
}

void
sc_kiosk_interview_page_set_error (ScKioskInterviewPage *self,
                                   const char           *message)
{
  g_return_if_fail (SC_IS_KIOSK_INTERVIEW_PAGE (self));

  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

void
sc_kiosk_interview_page_set_busy (ScKioskInterviewPage *self,
                                  gboolean              busy)
{
  g_return_if_fail (SC_IS_KIOSK_INTERVIEW_PAGE (self));

  gtk_widget_set_sensitive (self->ask_buttons, !busy);
  gtk_widget_set_sensitive (self->confirm_buttons, !busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
}

void
sc_kiosk_interview_page_focus (ScKioskInterviewPage *self)
{
  GtkRoot *root;

  g_return_if_fail (SC_IS_KIOSK_INTERVIEW_PAGE (self));

  /* As for consent: no choice is preselected. */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (root != NULL)
    gtk_root_set_focus (root, NULL);
}

void
sc_kiosk_interview_page_clear (ScKioskInterviewPage *self)
{
  g_return_if_fail (SC_IS_KIOSK_INTERVIEW_PAGE (self));

  sc_kiosk_interview_page_prepare (self, FALSE, NULL);
}

/* ---- ScKioskPage ------------------------------------------------------------------------ */

static GtkWidget *
sc_kiosk_interview_page_get_initial_focus (ScKioskPage *page)
{
  /* As for consent: no choice is preselected. */
  return NULL;
}

static void
sc_kiosk_interview_page_page_set_busy (ScKioskPage *page,
                                       gboolean     busy)
{
  sc_kiosk_interview_page_set_busy (SC_KIOSK_INTERVIEW_PAGE (page), busy);
}

static void
sc_kiosk_interview_page_page_set_error (ScKioskPage *page,
                                        const char  *message)
{
  sc_kiosk_interview_page_set_error (SC_KIOSK_INTERVIEW_PAGE (page), message);
}

static void
sc_kiosk_interview_page_page_clear (ScKioskPage *page)
{
  sc_kiosk_interview_page_clear (SC_KIOSK_INTERVIEW_PAGE (page));
}

static void
sc_kiosk_interview_page_page_iface_init (ScKioskPageInterface *iface)
{
  iface->get_initial_focus = sc_kiosk_interview_page_get_initial_focus;
  iface->set_busy = sc_kiosk_interview_page_page_set_busy;
  iface->set_error = sc_kiosk_interview_page_page_set_error;
  iface->clear = sc_kiosk_interview_page_page_clear;
}
