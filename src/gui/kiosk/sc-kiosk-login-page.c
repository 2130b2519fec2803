/* sc-kiosk-login-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-kiosk-login-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-kiosk-login-page.h"
#include "sc-kiosk-page.h"
#include "sc-wrap.h"
#include "sc-kiosk-form.h"
#include "sc-kiosk-keypad.h"

struct _ScKioskLoginPage
{
  AdwBin            parent_instance;

  /* Template children */
  GtkEntry         *number_entry;
  GtkPasswordEntry *code_entry;
  GtkToggleButton  *show_code_button;
  GtkLabel         *error_label;
  GtkSpinner       *spinner;
  GtkWidget        *form;
  GtkButton        *login_button;
  ScKioskKeypad    *keypad;
};

static void sc_kiosk_login_page_page_iface_init (ScKioskPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ScKioskLoginPage, sc_kiosk_login_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (SC_TYPE_KIOSK_PAGE,
                                                      sc_kiosk_login_page_page_iface_init))

/* The keypad types into whichever entry has the focus, with the keys that entry needs. */
static void
on_number_focus_enter_cb (GtkEventControllerFocus *controller,
                          ScKioskLoginPage        *self)
{
  sc_kiosk_keypad_set_target (self->keypad, GTK_EDITABLE (self->number_entry));
  if (sc_kiosk_keypad_get_layout (self->keypad) == SC_KIOSK_KEYPAD_CODE)
    sc_kiosk_keypad_set_layout (self->keypad, SC_KIOSK_KEYPAD_NUMBER);
}

static void
on_code_focus_enter_cb (GtkEventControllerFocus *controller,
                        ScKioskLoginPage        *self)
{
  sc_kiosk_keypad_set_target (self->keypad, GTK_EDITABLE (self->code_entry));
  sc_kiosk_keypad_set_layout (self->keypad, SC_KIOSK_KEYPAD_CODE);
}

static void
on_number_entry_activate_cb (GtkEntry         *entry,
                             ScKioskLoginPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->code_entry));
}

static void
on_code_entry_activate_cb (GtkPasswordEntry *entry,
                           ScKioskLoginPage *self)
{
  gtk_widget_activate (GTK_WIDGET (self->login_button));
}

/* SECURITY: the access code goes in a password entry: it shows as dots unless the person
 * asks to see it, and screen readers meet it as a password field (GTK 4.8's AT-SPI text
 * interface still hands the text to an assistive tool that asks for it). Its length limit,
 * input hints and visibility are set on the entry's own text field. */
static GtkText *
get_code_text (ScKioskLoginPage *self)
{
  return GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (self->code_entry)));
}

static void
on_show_code_button_toggled_cb (GtkToggleButton  *button,
                                ScKioskLoginPage *self)
{
  gboolean show = gtk_toggle_button_get_active (button);

  gtk_text_set_visibility (get_code_text (self), show);
  gtk_button_set_icon_name (GTK_BUTTON (button),
                            show ? "view-conceal-symbolic" : "view-reveal-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  show ? _("Hide the code") : _("Show the code"),
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (button),
                               show ? _("Hide the code") : _("Show the code"));
}

/* Any change means the person is trying again: the old message no longer applies. */
static void
on_entry_changed_cb (GtkEditable      *editable,
                     ScKioskLoginPage *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->error_label))
      && *gtk_editable_get_text (editable) != '\0')
    sc_kiosk_login_page_set_error (self, NULL);
}

static GtkEditable *
get_focused_entry (ScKioskLoginPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL)
    return NULL;
  if (focus == GTK_WIDGET (self->number_entry)
      || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->number_entry)))
    return GTK_EDITABLE (self->number_entry);
  if (focus == GTK_WIDGET (self->code_entry)
      || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->code_entry)))
    return GTK_EDITABLE (self->code_entry);
  return NULL;
}

/* Numbers and codes are plain ASCII. Typed characters go straight into the entry, past the
 * input method, so that a Japanese input method left in kana mode cannot turn "7kq" into
 * "７ｋｑ" or kana; codes are shown in capitals, as on the slip. Keys that edit (Backspace,
 * arrows, Enter) are left to the entry. */
static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   ScKioskLoginPage      *self)
{
  GtkEditable *entry;
  gunichar c;
  char text[2] = { 0, 0 };
  int position;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_META_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  c = gdk_keyval_to_unicode (keyval);
  if (c < 0x21 || c > 0x7e)
    return GDK_EVENT_PROPAGATE;

  entry = get_focused_entry (self);
  if (entry == NULL || !gtk_widget_is_sensitive (GTK_WIDGET (entry)))
    return GDK_EVENT_PROPAGATE;

  text[0] = entry == GTK_EDITABLE (self->code_entry) ? g_ascii_toupper ((char) c) : (char) c;
  gtk_editable_delete_selection (entry);
  position = gtk_editable_get_position (entry);
  gtk_editable_insert_text (entry, text, 1, &position);
  gtk_editable_set_position (entry, position);

  return GDK_EVENT_STOP;
}

static void
add_focus_controller (GtkWidget        *widget,
                      GCallback         callback,
                      ScKioskLoginPage *self)
{
  GtkEventController *controller = gtk_event_controller_focus_new ();

  g_signal_connect_object (controller, "enter", callback, self, 0);
  gtk_widget_add_controller (widget, controller);
}

static void
sc_kiosk_login_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SC_TYPE_KIOSK_LOGIN_PAGE);

  G_OBJECT_CLASS (sc_kiosk_login_page_parent_class)->dispose (object);
}

/* The button that shows the code has no action the window could disable: it can be pressed
 * only while the page is shown (screen readers see the buttons of hidden pages too). */
static void
sc_kiosk_login_page_map (GtkWidget *widget)
{
  ScKioskLoginPage *self = SC_KIOSK_LOGIN_PAGE (widget);

  GTK_WIDGET_CLASS (sc_kiosk_login_page_parent_class)->map (widget);
  gtk_widget_set_sensitive (GTK_WIDGET (self->show_code_button), TRUE);
}

static void
sc_kiosk_login_page_unmap (GtkWidget *widget)
{
  ScKioskLoginPage *self = SC_KIOSK_LOGIN_PAGE (widget);

  gtk_widget_set_sensitive (GTK_WIDGET (self->show_code_button), FALSE);
  GTK_WIDGET_CLASS (sc_kiosk_login_page_parent_class)->unmap (widget);
}

static void
sc_kiosk_login_page_class_init (ScKioskLoginPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_kiosk_login_page_dispose;
  widget_class->map = sc_kiosk_login_page_map;
  widget_class->unmap = sc_kiosk_login_page_unmap;

  g_type_ensure (SC_TYPE_KIOSK_KEYPAD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sc-kiosk-login-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScKioskLoginPage, number_entry);
  gtk_widget_class_bind_template_child (widget_class, ScKioskLoginPage, code_entry);
  gtk_widget_class_bind_template_child (widget_class, ScKioskLoginPage, show_code_button);
  gtk_widget_class_bind_template_child (widget_class, ScKioskLoginPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, ScKioskLoginPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, ScKioskLoginPage, form);
  gtk_widget_class_bind_template_child (widget_class, ScKioskLoginPage, login_button);
  gtk_widget_class_bind_template_child (widget_class, ScKioskLoginPage, keypad);
  gtk_widget_class_bind_template_callback (widget_class, on_number_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_code_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_show_code_button_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);
}

static void
sc_kiosk_login_page_init (ScKioskLoginPage *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  sc_wrap_keep_last_characters (GTK_WIDGET (self));

  add_focus_controller (GTK_WIDGET (self->number_entry), G_CALLBACK (on_number_focus_enter_cb),
                        self);
  add_focus_controller (GTK_WIDGET (self->code_entry), G_CALLBACK (on_code_focus_enter_cb),
                        self);
  sc_kiosk_keypad_set_target (self->keypad, GTK_EDITABLE (self->number_entry));
  gtk_text_set_max_length (get_code_text (self), 20);
  gtk_text_set_input_hints (get_code_text (self),
                            GTK_INPUT_HINT_NO_SPELLCHECK | GTK_INPUT_HINT_NO_EMOJI |
                            GTK_INPUT_HINT_UPPERCASE_CHARS | GTK_INPUT_HINT_INHIBIT_OSK);
  on_show_code_button_toggled_cb (self->show_code_button, self);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (keys, "sc-kiosk-login-keys");
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

GtkWidget *
sc_kiosk_login_page_new (void)
{
  return g_object_new (SC_TYPE_KIOSK_LOGIN_PAGE, NULL);
}

const char *
sc_kiosk_login_page_get_number (ScKioskLoginPage *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_LOGIN_PAGE (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->number_entry));
}

const char *
sc_kiosk_login_page_get_code (ScKioskLoginPage *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_LOGIN_PAGE (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->code_entry));
}

void
sc_kiosk_login_page_set_error (ScKioskLoginPage *self,
                               const char       *message)
{
  g_return_if_fail (SC_IS_KIOSK_LOGIN_PAGE (self));

  sc_kiosk_form_set_error (self->error_label, message);
}

void
sc_kiosk_login_page_set_busy (ScKioskLoginPage *self,
                              gboolean          busy)
{
  g_return_if_fail (SC_IS_KIOSK_LOGIN_PAGE (self));

  sc_kiosk_form_set_busy (GTK_WIDGET (self), self->form, GTK_WIDGET (self->keypad), self->spinner,
                          busy);
}

void
sc_kiosk_login_page_clear (ScKioskLoginPage *self)
{
  g_return_if_fail (SC_IS_KIOSK_LOGIN_PAGE (self));

  /* SECURITY: neither the number nor the code of the last person stays on the screen. */
  gtk_editable_set_text (GTK_EDITABLE (self->number_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->code_entry), "");
  gtk_toggle_button_set_active (self->show_code_button, FALSE);
  sc_kiosk_keypad_set_layout (self->keypad, SC_KIOSK_KEYPAD_NUMBER);
  sc_kiosk_keypad_set_target (self->keypad, GTK_EDITABLE (self->number_entry));
  sc_kiosk_login_page_set_error (self, NULL);
  sc_kiosk_login_page_set_busy (self, FALSE);
}

void
sc_kiosk_login_page_clear_code (ScKioskLoginPage *self)
{
  g_return_if_fail (SC_IS_KIOSK_LOGIN_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->code_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->code_entry));
}

void
sc_kiosk_login_page_focus (ScKioskLoginPage *self)
{
  g_return_if_fail (SC_IS_KIOSK_LOGIN_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->number_entry));
}

/* ---- ScKioskPage ------------------------------------------------------------------------ */

static GtkWidget *
sc_kiosk_login_page_get_initial_focus (ScKioskPage *page)
{
  return GTK_WIDGET (SC_KIOSK_LOGIN_PAGE (page)->number_entry);
}

static void
sc_kiosk_login_page_page_set_busy (ScKioskPage *page,
                                   gboolean     busy)
{
  sc_kiosk_login_page_set_busy (SC_KIOSK_LOGIN_PAGE (page), busy);
}

static void
sc_kiosk_login_page_page_set_error (ScKioskPage *page,
                                    const char  *message)
{
  sc_kiosk_login_page_set_error (SC_KIOSK_LOGIN_PAGE (page), message);
}

static void
sc_kiosk_login_page_page_clear (ScKioskPage *page)
{
  sc_kiosk_login_page_clear (SC_KIOSK_LOGIN_PAGE (page));
}

static void
sc_kiosk_login_page_page_iface_init (ScKioskPageInterface *iface)
{
  iface->get_initial_focus = sc_kiosk_login_page_get_initial_focus;
  iface->set_busy = sc_kiosk_login_page_page_set_busy;
  iface->set_error = sc_kiosk_login_page_page_set_error;
  iface->clear = sc_kiosk_login_page_page_clear;
}
