/* sc-kiosk-pin-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-kiosk-pin-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-kiosk-pin-page.h"
#include "sc-kiosk-page.h"
#include "sc-wrap.h"
#include "sc-kiosk-form.h"
#include "sc-kiosk-keypad.h"
#include "sc-vault.h"

struct _ScKioskPinPage
{
  AdwBin              parent_instance;

  /* Template children */
  GtkImage           *icon;
  GtkLabel           *title_label;
  GtkLabel           *description_label;
  GtkWidget          *entry_grid;
  GtkWidget          *form;
  GtkPasswordEntry   *pin_entry;
  GtkWidget          *repeat_label;
  GtkPasswordEntry   *repeat_entry;
  GtkLabel           *error_label;
  GtkSpinner         *spinner;
  GtkButton          *skip_button;
  GtkButton          *save_button;
  GtkButton          *cancel_button;
  GtkButton          *open_button;
  GtkWidget          *message_box;
  GtkButton          *view_button;
  GtkButton          *home_button;
  ScKioskKeypad      *keypad;

  /* Plain state */
  ScKioskPinPageMode  mode;
};

static void sc_kiosk_pin_page_page_iface_init (ScKioskPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ScKioskPinPage, sc_kiosk_pin_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (SC_TYPE_KIOSK_PAGE,
                                                      sc_kiosk_pin_page_page_iface_init))

static void
on_pin_focus_enter_cb (GtkEventControllerFocus *controller,
                       ScKioskPinPage          *self)
{
  sc_kiosk_keypad_set_target (self->keypad, GTK_EDITABLE (self->pin_entry));
}

static void
on_repeat_focus_enter_cb (GtkEventControllerFocus *controller,
                          ScKioskPinPage          *self)
{
  sc_kiosk_keypad_set_target (self->keypad, GTK_EDITABLE (self->repeat_entry));
}

static void
on_pin_entry_activate_cb (GtkPasswordEntry *entry,
                          ScKioskPinPage *self)
{
  if (self->mode == SC_KIOSK_PIN_PAGE_SET)
    gtk_widget_grab_focus (GTK_WIDGET (self->repeat_entry));
  else
    gtk_widget_activate (GTK_WIDGET (self->open_button));
}

static void
on_repeat_entry_activate_cb (GtkPasswordEntry *entry,
                             ScKioskPinPage *self)
{
  gtk_widget_activate (GTK_WIDGET (self->save_button));
}

/* Any change means the person is trying again: the old message no longer applies. */
static void
on_entry_changed_cb (GtkEditable    *editable,
                     ScKioskPinPage *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->error_label))
      && *gtk_editable_get_text (editable) != '\0')
    sc_kiosk_pin_page_set_error (self, NULL);
}

static GtkEditable *
get_focused_entry (ScKioskPinPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *entries[] = { GTK_WIDGET (self->pin_entry), GTK_WIDGET (self->repeat_entry) };

  if (focus == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    if (focus == entries[i] || gtk_widget_is_ancestor (focus, entries[i]))
      return GTK_EDITABLE (entries[i]);
  return NULL;
}

/* A PIN is ASCII digits. Typed digits (also from the number pad) go straight into the entry,
 * past the input method, so that one left in kana mode cannot make "１２３４" of them; other
 * characters are not typed at all. Keys that edit (Backspace, arrows, Enter) are left to
 * the entry. */
static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   ScKioskPinPage        *self)
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

  if (!g_ascii_isdigit ((char) c))
    {
      gtk_widget_error_bell (GTK_WIDGET (entry));
      return GDK_EVENT_STOP;
    }

  text[0] = (char) c;
  gtk_editable_delete_selection (entry);
  position = gtk_editable_get_position (entry);
  gtk_editable_insert_text (entry, text, 1, &position);
  gtk_editable_set_position (entry, position);

  return GDK_EVENT_STOP;
}

static void
add_focus_controller (GtkWidget      *widget,
                      GCallback       callback,
                      ScKioskPinPage *self)
{
  GtkEventController *controller = gtk_event_controller_focus_new ();

  g_signal_connect_object (controller, "enter", callback, self, 0);
  gtk_widget_add_controller (widget, controller);
}

/* SECURITY: a password entry keeps the PIN in its password buffer, which lives in
 * non-swappable memory and is overwritten when it changes or goes; screen readers meet it as
 * a password field. Its text field takes the PIN's length limit and input hints. */
static void
set_up_pin_entry (GtkPasswordEntry *entry)
{
  GtkText *text = GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (entry)));

  gtk_text_set_max_length (text, SC_VAULT_PIN_MAX_DIGITS);
  gtk_text_set_input_purpose (text, GTK_INPUT_PURPOSE_PIN);
  gtk_text_set_input_hints (text, GTK_INPUT_HINT_NO_SPELLCHECK | GTK_INPUT_HINT_NO_EMOJI |
                                  GTK_INPUT_HINT_INHIBIT_OSK);
}

static void
update_mode (ScKioskPinPage *self)
{
  gboolean set = self->mode == SC_KIOSK_PIN_PAGE_SET;
  gboolean enter = self->mode == SC_KIOSK_PIN_PAGE_ENTER;
  gboolean message = self->mode == SC_KIOSK_PIN_PAGE_MESSAGE;

  gtk_widget_set_visible (self->entry_grid, !message);
  gtk_widget_set_visible (self->message_box, message);
  gtk_widget_set_visible (self->repeat_label, set);
  gtk_widget_set_visible (GTK_WIDGET (self->repeat_entry), set);
  gtk_widget_set_visible (GTK_WIDGET (self->skip_button), set);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), set);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), enter);
  gtk_widget_set_visible (GTK_WIDGET (self->open_button), enter);

  if (set)
    {
      gtk_image_set_from_icon_name (self->icon, "dialog-password-symbolic");
      gtk_label_set_text (self->title_label, _("See This Result Again Later?"));
      gtk_label_set_text (self->description_label,
                          _("If you choose a personal PIN, you can see this result again at "
                            "this PC later, with your employee number, the code on your slip "
                            "and the PIN. Nobody else can open it. This is up to you. With a "
                            "PIN of 8 digits, next year's result can also be shown beside "
                            "this one."));
    }
  else if (enter)
    {
      gtk_image_set_from_icon_name (self->icon, "dialog-password-symbolic");
      gtk_label_set_text (self->title_label, _("Enter Your PIN"));
      gtk_label_set_text (self->description_label,
                          _("Enter the personal PIN you chose when you answered."));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          *gtk_label_get_text (self->description_label) != '\0');
}

static void
sc_kiosk_pin_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SC_TYPE_KIOSK_PIN_PAGE);

  G_OBJECT_CLASS (sc_kiosk_pin_page_parent_class)->dispose (object);
}

static void
sc_kiosk_pin_page_class_init (ScKioskPinPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_kiosk_pin_page_dispose;

  g_type_ensure (SC_TYPE_KIOSK_KEYPAD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sc-kiosk-pin-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScKioskPinPage, icon);
  gtk_widget_class_bind_template_child (widget_class, ScKioskPinPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, ScKioskPinPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, ScKioskPinPage, entry_grid);
  gtk_widget_class_bind_template_child (widget_class, ScKioskPinPage, form);
  gtk_widget_class_bind_template_child (widget_class, ScKioskPinPage, pin_entry);
  gtk_widget_class_bind_template_child (widget_class, ScKioskPinPage, repeat_label);
  gtk_widget_class_bind_template_child (widget_class, ScKioskPinPage, repeat_entry);
  gtk_widget_class_bind_template_child (widget_class, ScKioskPinPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, ScKioskPinPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, ScKioskPinPage, skip_button);
  gtk_widget_class_bind_template_child (widget_class, ScKioskPinPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, ScKioskPinPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, ScKioskPinPage, open_button);
  gtk_widget_class_bind_template_child (widget_class, ScKioskPinPage, message_box);
  gtk_widget_class_bind_template_child (widget_class, ScKioskPinPage, view_button);
  gtk_widget_class_bind_template_child (widget_class, ScKioskPinPage, home_button);
  gtk_widget_class_bind_template_child (widget_class, ScKioskPinPage, keypad);
  gtk_widget_class_bind_template_callback (widget_class, on_pin_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_repeat_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);
}

static void
sc_kiosk_pin_page_init (ScKioskPinPage *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  sc_wrap_keep_last_characters (GTK_WIDGET (self));

  set_up_pin_entry (self->pin_entry);
  set_up_pin_entry (self->repeat_entry);
  add_focus_controller (GTK_WIDGET (self->pin_entry), G_CALLBACK (on_pin_focus_enter_cb), self);
  add_focus_controller (GTK_WIDGET (self->repeat_entry), G_CALLBACK (on_repeat_focus_enter_cb),
                        self);
  sc_kiosk_keypad_set_layout (self->keypad, SC_KIOSK_KEYPAD_DIGITS);
  sc_kiosk_keypad_set_target (self->keypad, GTK_EDITABLE (self->pin_entry));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (keys, "sc-kiosk-pin-keys");
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  update_mode (self);
}

GtkWidget *
sc_kiosk_pin_page_new (void)
{
  return g_object_new (SC_TYPE_KIOSK_PIN_PAGE, NULL);
}

void
sc_kiosk_pin_page_ask (ScKioskPinPage     *self,
                       ScKioskPinPageMode  mode)
{
  g_return_if_fail (SC_IS_KIOSK_PIN_PAGE (self));
  g_return_if_fail (mode == SC_KIOSK_PIN_PAGE_SET || mode == SC_KIOSK_PIN_PAGE_ENTER);

  sc_kiosk_pin_page_clear (self);
  self->mode = mode;
  update_mode (self);
}

void
sc_kiosk_pin_page_show_message (ScKioskPinPage *self,
                                const char     *title,
                                const char     *description,
                                gboolean        can_view)
{
  g_return_if_fail (SC_IS_KIOSK_PIN_PAGE (self));
  g_return_if_fail (title != NULL);

  sc_kiosk_pin_page_clear (self);
  self->mode = SC_KIOSK_PIN_PAGE_MESSAGE;
  gtk_image_set_from_icon_name (self->icon, "dialog-information-symbolic");
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->description_label, description != NULL ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->view_button), can_view);
  update_mode (self);
}

ScKioskPinPageMode
sc_kiosk_pin_page_get_mode (ScKioskPinPage *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_PIN_PAGE (self), SC_KIOSK_PIN_PAGE_SET);

  return self->mode;
}

const char *
sc_kiosk_pin_page_get_pin (ScKioskPinPage *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_PIN_PAGE (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->pin_entry));
}

const char *
sc_kiosk_pin_page_get_repeat (ScKioskPinPage *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_PIN_PAGE (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->repeat_entry));
}

void
sc_kiosk_pin_page_set_error (ScKioskPinPage *self,
                             const char     *message)
{
  g_return_if_fail (SC_IS_KIOSK_PIN_PAGE (self));

  sc_kiosk_form_set_error (self->error_label, message);
}

void
sc_kiosk_pin_page_set_busy (ScKioskPinPage *self,
                            gboolean        busy)
{
  g_return_if_fail (SC_IS_KIOSK_PIN_PAGE (self));

  sc_kiosk_form_set_busy (GTK_WIDGET (self), self->form, GTK_WIDGET (self->keypad), self->spinner,
                          busy);
}

void
sc_kiosk_pin_page_clear_pin (ScKioskPinPage *self)
{
  g_return_if_fail (SC_IS_KIOSK_PIN_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->pin_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->repeat_entry), "");
  sc_kiosk_keypad_set_target (self->keypad, GTK_EDITABLE (self->pin_entry));
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self->pin_entry));
}

void
sc_kiosk_pin_page_focus (ScKioskPinPage *self)
{
  g_return_if_fail (SC_IS_KIOSK_PIN_PAGE (self));

  if (self->mode == SC_KIOSK_PIN_PAGE_MESSAGE)
    gtk_widget_grab_focus (gtk_widget_get_visible (GTK_WIDGET (self->view_button))
                           ? GTK_WIDGET (self->view_button) : GTK_WIDGET (self->home_button));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->pin_entry));
}

void
sc_kiosk_pin_page_clear (ScKioskPinPage *self)
{
  g_return_if_fail (SC_IS_KIOSK_PIN_PAGE (self));

  /* SECURITY: no PIN and nothing said about the last person stays on the screen. */
  gtk_editable_set_text (GTK_EDITABLE (self->pin_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->repeat_entry), "");
  sc_kiosk_keypad_set_target (self->keypad, GTK_EDITABLE (self->pin_entry));
  sc_kiosk_pin_page_set_error (self, NULL);
  sc_kiosk_pin_page_set_busy (self, FALSE);
  gtk_label_set_text (self->title_label, "");
  gtk_label_set_text (self->description_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->view_button), FALSE);
  self->mode = SC_KIOSK_PIN_PAGE_SET;
  update_mode (self);
}

/* ---- ScKioskPage ------------------------------------------------------------------------ */

static GtkWidget *
sc_kiosk_pin_page_get_initial_focus (ScKioskPage *page)
{
  ScKioskPinPage *self = SC_KIOSK_PIN_PAGE (page);

  if (self->mode != SC_KIOSK_PIN_PAGE_MESSAGE)
    return GTK_WIDGET (self->pin_entry);
  return gtk_widget_get_visible (GTK_WIDGET (self->view_button))
         ? GTK_WIDGET (self->view_button) : GTK_WIDGET (self->home_button);
}

static void
sc_kiosk_pin_page_page_set_busy (ScKioskPage *page,
                                 gboolean     busy)
{
  sc_kiosk_pin_page_set_busy (SC_KIOSK_PIN_PAGE (page), busy);
}

static void
sc_kiosk_pin_page_page_set_error (ScKioskPage *page,
                                  const char  *message)
{
  sc_kiosk_pin_page_set_error (SC_KIOSK_PIN_PAGE (page), message);
}

static void
sc_kiosk_pin_page_page_clear (ScKioskPage *page)
{
  sc_kiosk_pin_page_clear (SC_KIOSK_PIN_PAGE (page));
}

static void
sc_kiosk_pin_page_page_iface_init (ScKioskPageInterface *iface)
{
  iface->get_initial_focus = sc_kiosk_pin_page_get_initial_focus;
  iface->set_busy = sc_kiosk_pin_page_page_set_busy;
  iface->set_error = sc_kiosk_pin_page_page_set_error;
  iface->clear = sc_kiosk_pin_page_page_clear;
}
