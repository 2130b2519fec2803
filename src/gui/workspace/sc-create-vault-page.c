/* sc-create-vault-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-create-vault-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sc-create-vault-page.h"
#include "sc-compat.h"
#include "sc-gui-vault.h"
#include "sc-passphrase-strength.h"
#include "sc-secure.h"
#include "sc-vault.h"

#define VAULT_SUFFIX ".scvault"

struct _ScCreateVaultPage
{
  AdwBin                parent_instance;

  /* Template children */
  AdwActionRow         *location_row;
  GtkButton            *choose_button;
  AdwEntryRow          *name_row;
  AdwPasswordEntryRow  *passphrase_row;
  AdwPasswordEntryRow  *repeat_row;
  GtkLevelBar          *strength_bar;
  GtkLabel             *strength_label;
  GtkLabel             *match_label;
  GtkLabel             *error_label;
  GtkSpinner           *spinner;
  GtkButton            *create_button;

  /* Owned references */
  GFile                *file;

  /* Plain state */
  gboolean              busy;
};

G_DEFINE_FINAL_TYPE (ScCreateVaultPage, sc_create_vault_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_FILE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A file in the documents folder whose name is not taken yet. */
static GFile *
propose_file (void)
{
  const char *folder = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (folder == NULL || !g_file_test (folder, G_FILE_TEST_IS_DIR))
    folder = g_get_home_dir ();

  for (guint i = 1; i < 100; i++)
    {
      /* Translators: the file name proposed for a new vault, without the extension. */
      g_autofree char *stem = i == 1 ? g_strdup (_("Stress Check"))
                                     : g_strdup_printf ("%s %u", _("Stress Check"), i);
      g_autofree char *name = g_strconcat (stem, VAULT_SUFFIX, NULL);
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return g_file_new_for_path (path);
    }

  return NULL;
}

/* SECURITY: compares the two entries in place, without copying either passphrase. */
static gboolean
passphrases_match (ScCreateVaultPage *self)
{
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));
  const char *repeat = gtk_editable_get_text (GTK_EDITABLE (self->repeat_row));
  gsize len = strlen (passphrase);

  return len == strlen (repeat) && sc_secure_equal (passphrase, repeat, len);
}

static void
update_state (ScCreateVaultPage *self)
{
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));
  const char *repeat = gtk_editable_get_text (GTK_EDITABLE (self->repeat_row));
  ScPassphraseStrength strength = sc_passphrase_strength (passphrase, NULL);
  gboolean match = passphrases_match (self);
  g_autofree char *hint = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (
                                                  GTK_EDITABLE (self->name_row))));

  if (*passphrase == '\0')
    hint = g_strdup (_("Several unrelated words make a passphrase that is hard to guess and "
                       "easy to remember."));
  else
    hint = sc_passphrase_strength_hint (strength);
  gtk_label_set_text (self->strength_label, hint);
  gtk_level_bar_set_value (self->strength_bar, *passphrase == '\0' ? 0 : strength);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->strength_bar),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, hint,
                                  -1);

  gtk_widget_set_visible (GTK_WIDGET (self->match_label), *repeat != '\0' && !match);

  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button),
                            !self->busy && self->file != NULL && *name != '\0' &&
                            strength != SC_PASSPHRASE_TOO_SHORT && match);
}

static void
set_busy (ScCreateVaultPage *self,
          gboolean           busy)
{
  if (self->busy != busy)
    {
      self->busy = busy;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->choose_button), !busy);
  /* Not insensitive: the focus stays in the entry, where it was when Enter was pressed. */
  gtk_editable_set_editable (GTK_EDITABLE (self->name_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->passphrase_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->repeat_row), !busy);
  update_state (self);
}

static void
show_error (ScCreateVaultPage *self,
            const char        *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
on_create_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (ScCreateVaultPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (ScVault) vault = NULL;
  char *recovery_key = NULL;

  vault = sc_vault_create_finish (result, &recovery_key, &error);
  set_busy (self, FALSE);

  if (vault == NULL)
    {
      show_error (self, sc_gui_vault_error_message (error));
      gtk_widget_grab_focus (error->code == SC_VAULT_ERROR_EXISTS
                             ? GTK_WIDGET (self->choose_button)
                             : GTK_WIDGET (self->passphrase_row));
      return;
    }

  g_signal_emit (self, signals[SIGNAL_CREATED], 0, vault, recovery_key);
  sc_vault_free_recovery_key (recovery_key);
}

static void
create_vault (ScCreateVaultPage *self)
{
  g_autofree char *path = NULL;

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->create_button)))
    return;

  path = g_file_get_path (self->file);
  if (path == NULL)
    {
      show_error (self, _("Choose a folder on this PC or on a drive attached to it."));
      return;
    }

  show_error (self, NULL);

  /* SECURITY: the task copies the passphrase into guarded memory; the entries, whose
   * buffers are guarded too, are cleared at once. */
  sc_vault_create_named_async (path, gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                               gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row)),
                               sc_gui_kdf_limits (), NULL, on_create_cb, g_object_ref (self));
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->repeat_row), "");

  set_busy (self, TRUE);
}

static void
on_create_button_clicked_cb (GtkButton         *button,
                             ScCreateVaultPage *self)
{
  create_vault (self);
}

static void
on_passphrase_row_changed_cb (GtkEditable       *editable,
                              ScCreateVaultPage *self)
{
  update_state (self);
}

static void
on_passphrase_row_entry_activated_cb (AdwEntryRow       *row,
                                      ScCreateVaultPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->repeat_row));
}

static void
on_repeat_row_entry_activated_cb (AdwEntryRow       *row,
                                  ScCreateVaultPage *self)
{
  create_vault (self);
}

static void
on_save_file_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (ScCreateVaultPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  g_autofree char *name = NULL;

  file = sc_compat_save_file_finish (result, &error);
  if (file == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }

  /* The extension lets the file chooser show vaults only when opening. */
  name = g_file_get_basename (file);
  if (!g_str_has_suffix (name, VAULT_SUFFIX))
    {
      g_autoptr (GFile) parent = g_file_get_parent (file);
      g_autofree char *with_suffix = g_strconcat (name, VAULT_SUFFIX, NULL);

      g_set_object (&file, g_file_get_child (parent, with_suffix));
    }

  show_error (self, NULL);
  sc_create_vault_page_set_file (self, file);
}

static GtkFileFilter *
create_vault_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Stress Check Vaults"));
  gtk_file_filter_add_pattern (filter, "*" VAULT_SUFFIX);

  return filter;
}

static void
on_choose_button_clicked_cb (GtkButton         *button,
                             ScCreateVaultPage *self)
{
  g_autoptr (GtkFileFilter) filter = create_vault_filter ();
  g_autofree char *name = self->file != NULL ? g_file_get_basename (self->file) : NULL;

  sc_compat_save_file_async (GTK_WIDGET (self), _("Where to Create the Vault"), name, filter,
                             NULL, on_save_file_cb, g_object_ref (self));
}

static gboolean
sc_create_vault_page_grab_focus (GtkWidget *widget)
{
  ScCreateVaultPage *self = SC_CREATE_VAULT_PAGE (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
}

static void
sc_create_vault_page_dispose (GObject *object)
{
  ScCreateVaultPage *self = SC_CREATE_VAULT_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_CREATE_VAULT_PAGE);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (sc_create_vault_page_parent_class)->dispose (object);
}

static void
sc_create_vault_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ScCreateVaultPage *self = SC_CREATE_VAULT_PAGE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_create_vault_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ScCreateVaultPage *self = SC_CREATE_VAULT_PAGE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      sc_create_vault_page_set_file (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_create_vault_page_class_init (ScCreateVaultPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_create_vault_page_dispose;
  object_class->get_property = sc_create_vault_page_get_property;
  object_class->set_property = sc_create_vault_page_set_property;

  widget_class->grab_focus = sc_create_vault_page_grab_focus;

  /**
   * ScCreateVaultPage:file:
   *
   * Where the vault will be created.
   */
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScCreateVaultPage:busy:
   *
   * Whether the vault is being created; the page must stay until it is done.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ScCreateVaultPage::created:
   * @vault: the new vault, open with the implementer role
   * @recovery_key: the recovery key, valid during the emission only
   */
  signals[SIGNAL_CREATED] =
    g_signal_new ("created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, SC_TYPE_VAULT, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sc-create-vault-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScCreateVaultPage, location_row);
  gtk_widget_class_bind_template_child (widget_class, ScCreateVaultPage, choose_button);
  gtk_widget_class_bind_template_child (widget_class, ScCreateVaultPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, ScCreateVaultPage, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, ScCreateVaultPage, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, ScCreateVaultPage, strength_bar);
  gtk_widget_class_bind_template_child (widget_class, ScCreateVaultPage, strength_label);
  gtk_widget_class_bind_template_child (widget_class, ScCreateVaultPage, match_label);
  gtk_widget_class_bind_template_child (widget_class, ScCreateVaultPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, ScCreateVaultPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, ScCreateVaultPage, create_button);
  gtk_widget_class_bind_template_callback (widget_class, on_create_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_passphrase_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_passphrase_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_repeat_row_entry_activated_cb);
}

static void
sc_create_vault_page_init (ScCreateVaultPage *self)
{
  g_autoptr (GFile) file = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  sc_compat_name_icon_buttons (GTK_WIDGET (self));

  /* Empty blocks below "low" are the too-short passphrase; "high" and "full" as GTK colours
   * them: weak is red, fair and good amber, strong green. */
  gtk_level_bar_remove_offset_value (self->strength_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->strength_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->strength_bar, GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_level_bar_add_offset_value (self->strength_bar, GTK_LEVEL_BAR_OFFSET_LOW,
                                  SC_PASSPHRASE_WEAK);
  gtk_level_bar_add_offset_value (self->strength_bar, GTK_LEVEL_BAR_OFFSET_HIGH,
                                  SC_PASSPHRASE_GOOD);
  gtk_level_bar_add_offset_value (self->strength_bar, GTK_LEVEL_BAR_OFFSET_FULL,
                                  SC_PASSPHRASE_STRONG);

  file = propose_file ();
  sc_create_vault_page_set_file (self, file);
  update_state (self);
}

GtkWidget *
sc_create_vault_page_new (void)
{
  return g_object_new (SC_TYPE_CREATE_VAULT_PAGE, NULL);
}

GFile *
sc_create_vault_page_get_file (ScCreateVaultPage *self)
{
  g_return_val_if_fail (SC_IS_CREATE_VAULT_PAGE (self), NULL);

  return self->file;
}

void
sc_create_vault_page_set_file (ScCreateVaultPage *self,
                               GFile             *file)
{
  g_autofree char *display = NULL;

  g_return_if_fail (SC_IS_CREATE_VAULT_PAGE (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (!g_set_object (&self->file, file))
    return;

  display = file != NULL ? g_file_get_parse_name (file) : NULL;
  adw_action_row_set_subtitle (self->location_row, display != NULL ? display : _("None chosen"));
  update_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

gboolean
sc_create_vault_page_get_busy (ScCreateVaultPage *self)
{
  g_return_val_if_fail (SC_IS_CREATE_VAULT_PAGE (self), FALSE);

  return self->busy;
}
