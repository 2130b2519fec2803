/* sc-kiosk-consent-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-kiosk-consent-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-kiosk-consent-page.h"
#include "sc-kiosk-page.h"
#include "sc-wrap.h"

struct _ScKioskConsentPage
{
  AdwBin      parent_instance;

  /* Template children */
  GtkWidget  *buttons;
  GtkButton  *yes_button;
  GtkButton  *no_button;
  GtkLabel   *error_label;
  GtkSpinner *spinner;
};

static void sc_kiosk_consent_page_page_iface_init (ScKioskPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ScKioskConsentPage, sc_kiosk_consent_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (SC_TYPE_KIOSK_PAGE,
                                                      sc_kiosk_consent_page_page_iface_init))

static void
sc_kiosk_consent_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SC_TYPE_KIOSK_CONSENT_PAGE);

  G_OBJECT_CLASS (sc_kiosk_consent_page_parent_class)->dispose (object);
}

static void
sc_kiosk_consent_page_class_init (ScKioskConsentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_kiosk_consent_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sc-kiosk-consent-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScKioskConsentPage, buttons);
  gtk_widget_class_bind_template_child (widget_class, ScKioskConsentPage, yes_button);
  gtk_widget_class_bind_template_child (widget_class, ScKioskConsentPage, no_button);
  gtk_widget_class_bind_template_child (widget_class, ScKioskConsentPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, ScKioskConsentPage, spinner);
}

static void
sc_kiosk_consent_page_init (ScKioskConsentPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sc_wrap_keep_last_characters (GTK_WIDGET (self));
}

GtkWidget *
sc_kiosk_consent_page_new (void)
{
  return g_object_new (SC_TYPE_KIOSK_CONSENT_PAGE, NULL);
}

GtkWidget *
sc_kiosk_consent_page_get_button (ScKioskConsentPage *self,
                                  gboolean            consent)
{
  g_return_val_if_fail (SC_IS_KIOSK_CONSENT_PAGE (self), NULL);

  return GTK_WIDGET (consent ? self->yes_button : self->no_button);
}

void
sc_kiosk_consent_page_set_error (ScKioskConsentPage *self,
                                 const char         *message)
{
  g_return_if_fail (SC_IS_KIOSK_CONSENT_PAGE (self));

  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

void
sc_kiosk_consent_page_set_busy (ScKioskConsentPage *self,
                                gboolean            busy)
{
  g_return_if_fail (SC_IS_KIOSK_CONSENT_PAGE (self));

  gtk_widget_set_sensitive (self->buttons, !busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
}

void
sc_kiosk_consent_page_focus (ScKioskConsentPage *self)
{
  GtkRoot *root;

  g_return_if_fail (SC_IS_KIOSK_CONSENT_PAGE (self));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  /* Neither answer is preselected: Enter or Space must not decide for the person, so no
   * button has the focus until the person moves it there (Tab). */
  if (root != NULL)
    gtk_root_set_focus (root, NULL);
}

void
sc_kiosk_consent_page_clear (ScKioskConsentPage *self)
{
  g_return_if_fail (SC_IS_KIOSK_CONSENT_PAGE (self));

  sc_kiosk_consent_page_set_error (self, NULL);
  sc_kiosk_consent_page_set_busy (self, FALSE);
}

/* ---- ScKioskPage ------------------------------------------------------------------------ */

static GtkWidget *
sc_kiosk_consent_page_get_initial_focus (ScKioskPage *page)
{
  /* Neither answer is preselected: Enter or Space must not decide for the person, so the
   * page's text takes the focus, and Tab goes on to the two buttons. */
  return NULL;
}

static void
sc_kiosk_consent_page_page_set_busy (ScKioskPage *page,
                                     gboolean     busy)
{
  sc_kiosk_consent_page_set_busy (SC_KIOSK_CONSENT_PAGE (page), busy);
}

static void
sc_kiosk_consent_page_page_set_error (ScKioskPage *page,
                                      const char  *message)
{
  sc_kiosk_consent_page_set_error (SC_KIOSK_CONSENT_PAGE (page), message);
}

static void
sc_kiosk_consent_page_page_clear (ScKioskPage *page)
{
  sc_kiosk_consent_page_clear (SC_KIOSK_CONSENT_PAGE (page));
}

static void
sc_kiosk_consent_page_page_iface_init (ScKioskPageInterface *iface)
{
  iface->get_initial_focus = sc_kiosk_consent_page_get_initial_focus;
  iface->set_busy = sc_kiosk_consent_page_page_set_busy;
  iface->set_error = sc_kiosk_consent_page_page_set_error;
  iface->clear = sc_kiosk_consent_page_page_clear;
}
