/* sc-kiosk-keypad.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-kiosk-keypad"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-kiosk-keypad.h"
#include "sc-access-code.h"

#define KEY_DATA "sc-kiosk-key"
#define KEY_BACKSPACE "backspace"
#define KEY_SWITCH "switch"

struct _ScKioskKeypad
{
  AdwBin               parent_instance;

  /* Template children */
  GtkGrid             *number_grid;
  GtkGrid             *letters_grid;
  GtkGrid             *code_grid;
  GtkGrid             *digits_grid;

  /* Borrowed references */
  GtkEditable         *target;

  /* Plain state */
  ScKioskKeypadLayout  layout;
};

G_DEFINE_FINAL_TYPE (ScKioskKeypad, sc_kiosk_keypad, ADW_TYPE_BIN)

G_DEFINE_ENUM_TYPE (ScKioskKeypadLayout, sc_kiosk_keypad_layout,
  G_DEFINE_ENUM_VALUE (SC_KIOSK_KEYPAD_NUMBER, "number"),
  G_DEFINE_ENUM_VALUE (SC_KIOSK_KEYPAD_LETTERS, "letters"),
  G_DEFINE_ENUM_VALUE (SC_KIOSK_KEYPAD_CODE, "code"),
  G_DEFINE_ENUM_VALUE (SC_KIOSK_KEYPAD_DIGITS, "digits"))

enum {
  PROP_0,
  PROP_LAYOUT,
  PROP_TARGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const layout_names[] = {
  [SC_KIOSK_KEYPAD_NUMBER] = "number",
  [SC_KIOSK_KEYPAD_LETTERS] = "letters",
  [SC_KIOSK_KEYPAD_CODE] = "code",
  [SC_KIOSK_KEYPAD_DIGITS] = "digits",
};

/* The template's stack of layouts. It is the bin's child, not a bound template child: a bound
 * direct child would be unparented twice on dispose (by the template and by AdwBin). */
static GtkStack *
get_stack (ScKioskKeypad *self)
{
  return GTK_STACK (adw_bin_get_child (ADW_BIN (self)));
}

/* Shows the grid of the current layout and makes the others insensitive: screen readers
 * list the keys of every layout the stack holds, and could otherwise press the keys of a
 * hidden one. The login's grids stay visible to the stack, which sizes itself for all of
 * them, so that the form beside the keypad does not move when the layout changes. */
static void
show_layout (ScKioskKeypad *self)
{
  GtkWidget *grids[] = {
    [SC_KIOSK_KEYPAD_NUMBER] = GTK_WIDGET (self->number_grid),
    [SC_KIOSK_KEYPAD_LETTERS] = GTK_WIDGET (self->letters_grid),
    [SC_KIOSK_KEYPAD_CODE] = GTK_WIDGET (self->code_grid),
    [SC_KIOSK_KEYPAD_DIGITS] = GTK_WIDGET (self->digits_grid),
  };
  gboolean mapped = gtk_widget_get_mapped (GTK_WIDGET (self));
  gboolean digits = self->layout == SC_KIOSK_KEYPAD_DIGITS;

  /* The stack is as large as its visible grids. A PIN keypad never leaves the digits, and
   * keeps their size; the login keypad is as large as its largest layout. */
  gtk_widget_set_visible (grids[self->layout], TRUE);
  gtk_stack_set_visible_child_name (get_stack (self), layout_names[self->layout]);
  for (guint i = 0; i < G_N_ELEMENTS (grids); i++)
    gtk_widget_set_visible (grids[i], (i == SC_KIOSK_KEYPAD_DIGITS) == digits);

  /* Each key, not the grid: screen readers take a key's state from the key alone. A keypad
   * on a page that is not shown has no key to press. */
  for (guint i = 0; i < G_N_ELEMENTS (grids); i++)
    for (GtkWidget *key = gtk_widget_get_first_child (grids[i]);
         key != NULL;
         key = gtk_widget_get_next_sibling (key))
      gtk_widget_set_sensitive (key, mapped && i == self->layout);
}

static void
type_text (ScKioskKeypad *self,
           const char    *text)
{
  int position;

  if (self->target == NULL || !gtk_editable_get_editable (self->target))
    return;

  gtk_editable_delete_selection (self->target);
  position = gtk_editable_get_position (self->target);
  gtk_editable_insert_text (self->target, text, -1, &position);
  gtk_editable_set_position (self->target, position);
}

static void
delete_backwards (ScKioskKeypad *self)
{
  int start, end;

  if (self->target == NULL || !gtk_editable_get_editable (self->target))
    return;

  if (gtk_editable_get_selection_bounds (self->target, &start, &end))
    {
      gtk_editable_delete_selection (self->target);
      return;
    }

  end = gtk_editable_get_position (self->target);
  if (end > 0)
    gtk_editable_delete_text (self->target, end - 1, end);
}

static void
on_key_clicked_cb (GtkButton     *button,
                   ScKioskKeypad *self)
{
  const char *key = g_object_get_data (G_OBJECT (button), KEY_DATA);

  if (g_str_equal (key, KEY_BACKSPACE))
    delete_backwards (self);
  else if (g_str_equal (key, KEY_SWITCH))
    sc_kiosk_keypad_set_layout (self, self->layout == SC_KIOSK_KEYPAD_NUMBER
                                      ? SC_KIOSK_KEYPAD_LETTERS : SC_KIOSK_KEYPAD_NUMBER);
  else
    type_text (self, key);
}

/* A key that never takes the focus from the entry it types into. */
static GtkWidget *
add_key (ScKioskKeypad *self,
         GtkGrid       *grid,
         const char    *key,
         const char    *label,
         const char    *accessible_name,
         int            column,
         int            row,
         int            width)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_focusable (button, FALSE);
  gtk_widget_set_focus_on_click (button, FALSE);
  gtk_widget_add_css_class (button, "sc-kiosk-key");
  g_object_set_data_full (G_OBJECT (button), KEY_DATA, g_strdup (key), g_free);
  if (accessible_name != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name,
                                    -1);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_key_clicked_cb), self, 0);
  gtk_grid_attach (grid, button, column, row, width, 1);

  return button;
}

static void
add_character_keys (ScKioskKeypad *self,
                    GtkGrid       *grid,
                    const char    *characters,
                    int            columns)
{
  for (int i = 0; characters[i] != '\0'; i++)
    {
      char key[2] = { characters[i], '\0' };

      add_key (self, grid, key, key, NULL, i % columns, i / columns, 1);
    }
}

static void
add_backspace_key (ScKioskKeypad *self,
                   GtkGrid       *grid,
                   int            column,
                   int            row,
                   int            width)
{
  GtkWidget *button;

  button = add_key (self, grid, KEY_BACKSPACE, "⌫",
                    /* Translators: the key of the on-screen keypad that deletes the
                     * character before the cursor. */
                    _("Delete"), column, row, width);
  gtk_widget_add_css_class (button, "sc-kiosk-key-function");
}

static void
build_keys (ScKioskKeypad *self)
{
  GtkWidget *button;

  /* Digits as on a phone, so that the familiar positions work. */
  add_character_keys (self, self->number_grid, "123456789", 3);
  button = add_key (self, self->number_grid, KEY_SWITCH, "ABC",
                    /* Translators: a keypad key that shows the letter keys. */
                    _("Letters"), 0, 3, 1);
  gtk_widget_add_css_class (button, "sc-kiosk-key-function");
  add_key (self, self->number_grid, "0", "0", NULL, 1, 3, 1);
  add_backspace_key (self, self->number_grid, 2, 3, 1);

  add_character_keys (self, self->letters_grid, "ABCDEFGHIJKLMNOPQRSTUVWXYZ-", 7);
  button = add_key (self, self->letters_grid, KEY_SWITCH, "123",
                    /* Translators: a keypad key that shows the digit keys. */
                    _("Digits"), 0, 4, 2);
  gtk_widget_add_css_class (button, "sc-kiosk-key-function");
  add_backspace_key (self, self->letters_grid, 6, 3, 1);

  /* Exactly the characters a code can hold, in the order of the alphabet (digits first),
   * five to a row: 25 keys, then a wide delete key. */
  add_character_keys (self, self->code_grid, SC_ACCESS_CODE_ALPHABET, 5);
  add_backspace_key (self, self->code_grid, 3, SC_ACCESS_CODE_ALPHABET_SIZE / 5, 2);

  /* A PIN is digits only: the phone layout without the switch to letters. */
  add_character_keys (self, self->digits_grid, "123456789", 3);
  add_key (self, self->digits_grid, "0", "0", NULL, 1, 3, 1);
  add_backspace_key (self, self->digits_grid, 2, 3, 1);
}

static void
sc_kiosk_keypad_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (sc_kiosk_keypad_parent_class)->map (widget);
  show_layout (SC_KIOSK_KEYPAD (widget));
}

static void
sc_kiosk_keypad_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (sc_kiosk_keypad_parent_class)->unmap (widget);
  show_layout (SC_KIOSK_KEYPAD (widget));
}

static void
sc_kiosk_keypad_dispose (GObject *object)
{
  ScKioskKeypad *self = SC_KIOSK_KEYPAD (object);

  g_clear_weak_pointer (&self->target);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_KIOSK_KEYPAD);

  G_OBJECT_CLASS (sc_kiosk_keypad_parent_class)->dispose (object);
}

static void
sc_kiosk_keypad_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ScKioskKeypad *self = SC_KIOSK_KEYPAD (object);

  switch (prop_id)
    {
    case PROP_LAYOUT:
      g_value_set_enum (value, self->layout);
      break;

    case PROP_TARGET:
      g_value_set_object (value, self->target);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_kiosk_keypad_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ScKioskKeypad *self = SC_KIOSK_KEYPAD (object);

  switch (prop_id)
    {
    case PROP_LAYOUT:
      sc_kiosk_keypad_set_layout (self, g_value_get_enum (value));
      break;

    case PROP_TARGET:
      sc_kiosk_keypad_set_target (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_kiosk_keypad_class_init (ScKioskKeypadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_kiosk_keypad_dispose;
  object_class->get_property = sc_kiosk_keypad_get_property;
  object_class->set_property = sc_kiosk_keypad_set_property;

  widget_class->map = sc_kiosk_keypad_map;
  widget_class->unmap = sc_kiosk_keypad_unmap;

  /**
   * ScKioskKeypad:layout:
   *
   * Which keys are shown.
   */
  properties[PROP_LAYOUT] =
    g_param_spec_enum ("layout", NULL, NULL,
                       SC_TYPE_KIOSK_KEYPAD_LAYOUT, SC_KIOSK_KEYPAD_NUMBER,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScKioskKeypad:target:
   *
   * The entry the keys type into; not owned.
   */
  properties[PROP_TARGET] =
    g_param_spec_object ("target", NULL, NULL,
                         GTK_TYPE_EDITABLE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sc-kiosk-keypad.ui");
  gtk_widget_class_bind_template_child (widget_class, ScKioskKeypad, number_grid);
  gtk_widget_class_bind_template_child (widget_class, ScKioskKeypad, letters_grid);
  gtk_widget_class_bind_template_child (widget_class, ScKioskKeypad, code_grid);
  gtk_widget_class_bind_template_child (widget_class, ScKioskKeypad, digits_grid);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sc_kiosk_keypad_init (ScKioskKeypad *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  build_keys (self);
  show_layout (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Keypad"),
                                  -1);
}

GtkWidget *
sc_kiosk_keypad_new (void)
{
  return g_object_new (SC_TYPE_KIOSK_KEYPAD, NULL);
}

ScKioskKeypadLayout
sc_kiosk_keypad_get_layout (ScKioskKeypad *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_KEYPAD (self), SC_KIOSK_KEYPAD_NUMBER);

  return self->layout;
}

void
sc_kiosk_keypad_set_layout (ScKioskKeypad       *self,
                            ScKioskKeypadLayout  layout)
{
  g_return_if_fail (SC_IS_KIOSK_KEYPAD (self));
  g_return_if_fail (layout <= SC_KIOSK_KEYPAD_DIGITS);

  if (self->layout == layout)
    return;

  self->layout = layout;
  show_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT]);
}

GtkEditable *
sc_kiosk_keypad_get_target (ScKioskKeypad *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_KEYPAD (self), NULL);

  return self->target;
}

void
sc_kiosk_keypad_set_target (ScKioskKeypad *self,
                            GtkEditable   *target)
{
  g_return_if_fail (SC_IS_KIOSK_KEYPAD (self));
  g_return_if_fail (target == NULL || GTK_IS_EDITABLE (target));

  if (g_set_weak_pointer (&self->target, target))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

GtkWidget *
sc_kiosk_keypad_find_key (ScKioskKeypad *self,
                          const char    *key)
{
  GtkWidget *grid;

  g_return_val_if_fail (SC_IS_KIOSK_KEYPAD (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  grid = gtk_stack_get_visible_child (get_stack (self));
  for (GtkWidget *child = gtk_widget_get_first_child (grid);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (child), KEY_DATA), key) == 0)
      return child;

  return NULL;
}
