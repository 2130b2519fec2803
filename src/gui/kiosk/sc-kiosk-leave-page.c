/* sc-kiosk-leave-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-kiosk-leave-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-kiosk-leave-page.h"
#include "sc-kiosk-page.h"
#include "sc-wrap.h"

struct _ScKioskLeavePage
{
  AdwBin            parent_instance;

  /* Template children */
  GtkPasswordEntry *passphrase_entry;
  GtkWidget        *form;
  GtkButton        *leave_button;
  GtkLabel         *error_label;
  GtkSpinner       *spinner;
};

static void sc_kiosk_leave_page_page_iface_init (ScKioskPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ScKioskLeavePage, sc_kiosk_leave_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (SC_TYPE_KIOSK_PAGE,
                                                      sc_kiosk_leave_page_page_iface_init))

static void
on_passphrase_entry_activate_cb (GtkPasswordEntry *entry,
                                 ScKioskLeavePage *self)
{
  gtk_widget_activate (GTK_WIDGET (self->leave_button));
}

static void
sc_kiosk_leave_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SC_TYPE_KIOSK_LEAVE_PAGE);

  G_OBJECT_CLASS (sc_kiosk_leave_page_parent_class)->dispose (object);
}

static void
sc_kiosk_leave_page_class_init (ScKioskLeavePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_kiosk_leave_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sc-kiosk-leave-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScKioskLeavePage, passphrase_entry);
  gtk_widget_class_bind_template_child (widget_class, ScKioskLeavePage, form);
  gtk_widget_class_bind_template_child (widget_class, ScKioskLeavePage, leave_button);
  gtk_widget_class_bind_template_child (widget_class, ScKioskLeavePage, error_label);
  gtk_widget_class_bind_template_child (widget_class, ScKioskLeavePage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_passphrase_entry_activate_cb);
}

static void
sc_kiosk_leave_page_init (ScKioskLeavePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sc_wrap_keep_last_characters (GTK_WIDGET (self));
}

GtkWidget *
sc_kiosk_leave_page_new (void)
{
  return g_object_new (SC_TYPE_KIOSK_LEAVE_PAGE, NULL);
}

const char *
sc_kiosk_leave_page_get_passphrase (ScKioskLeavePage *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_LEAVE_PAGE (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->passphrase_entry));
}

void
sc_kiosk_leave_page_set_error (ScKioskLeavePage *self,
                               const char       *message)
{
  g_return_if_fail (SC_IS_KIOSK_LEAVE_PAGE (self));

  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

void
sc_kiosk_leave_page_set_busy (ScKioskLeavePage *self,
                              gboolean          busy)
{
  GtkRoot *root;

  g_return_if_fail (SC_IS_KIOSK_LEAVE_PAGE (self));

  /* An entry made insensitive while it has the focus never hears that it lost it (and keeps
   * blinking its cursor): take the focus away first. */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (busy && root != NULL && gtk_root_get_focus (root) != NULL
      && gtk_widget_is_ancestor (gtk_root_get_focus (root), self->form))
    gtk_root_set_focus (root, NULL);

  gtk_widget_set_sensitive (self->form, !busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
}

void
sc_kiosk_leave_page_focus (ScKioskLeavePage *self)
{
  g_return_if_fail (SC_IS_KIOSK_LEAVE_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_entry));
}

void
sc_kiosk_leave_page_clear (ScKioskLeavePage *self)
{
  g_return_if_fail (SC_IS_KIOSK_LEAVE_PAGE (self));

  /* SECURITY: the passphrase opens every result; it does not stay in the entry. */
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_entry), "");
  sc_kiosk_leave_page_set_error (self, NULL);
  sc_kiosk_leave_page_set_busy (self, FALSE);
}

/* ---- ScKioskPage ------------------------------------------------------------------------ */

static GtkWidget *
sc_kiosk_leave_page_get_initial_focus (ScKioskPage *page)
{
  return GTK_WIDGET (SC_KIOSK_LEAVE_PAGE (page)->passphrase_entry);
}

static void
sc_kiosk_leave_page_page_set_busy (ScKioskPage *page,
                                   gboolean     busy)
{
  sc_kiosk_leave_page_set_busy (SC_KIOSK_LEAVE_PAGE (page), busy);
}

static void
sc_kiosk_leave_page_page_set_error (ScKioskPage *page,
                                    const char  *message)
{
  sc_kiosk_leave_page_set_error (SC_KIOSK_LEAVE_PAGE (page), message);
}

static void
sc_kiosk_leave_page_page_clear (ScKioskPage *page)
{
  sc_kiosk_leave_page_clear (SC_KIOSK_LEAVE_PAGE (page));
}

static void
sc_kiosk_leave_page_page_iface_init (ScKioskPageInterface *iface)
{
  iface->get_initial_focus = sc_kiosk_leave_page_get_initial_focus;
  iface->set_busy = sc_kiosk_leave_page_page_set_busy;
  iface->set_error = sc_kiosk_leave_page_page_set_error;
  iface->clear = sc_kiosk_leave_page_page_clear;
}
