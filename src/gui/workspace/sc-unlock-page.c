/* sc-unlock-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-unlock-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-unlock-page.h"
#include "sc-compat.h"
#include "sc-gui-vault.h"
#include "sc-vault.h"
#include "sc-vault-people.h"
#include "sc-passphrase-form.h"
#include "sc-recovery-key-page.h"

struct _ScUnlockPage
{
  AdwBin               parent_instance;

  /* Template children. The status page, the bin's child, is not bound: AdwBin unparents it
   * itself, which gtk_widget_dispose_template () would do a second time. */
  GtkLabel            *demo_label;
  GtkWidget           *passphrase_box;
  AdwPasswordEntryRow *passphrase_row;
  GtkLabel            *error_label;
  GtkSpinner          *spinner;
  GtkButton           *unlock_button;
  GtkButton           *other_button;
  GtkButton           *recover_button;

  /* Owned references */
  GFile               *file;
  ScVault             *recovered;     /* opened with the recovery key, until its new key
                                       * was written down */
  char                *recovery_key;  /* that new key, while it is shown */

  /* Borrowed */
  GtkWidget           *dialog;

  /* Plain state */
  gboolean             demo;
  gboolean             busy;
  gboolean             unusable;   /* the file cannot be opened with any passphrase */
};

G_DEFINE_FINAL_TYPE (ScUnlockPage, sc_unlock_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_FILE,
  PROP_DEMO,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_UNLOCKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static AdwStatusPage *
get_status_page (ScUnlockPage *self)
{
  return ADW_STATUS_PAGE (adw_bin_get_child (ADW_BIN (self)));
}

static void
update_state (ScUnlockPage *self)
{
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));

  gtk_spinner_set_spinning (self->spinner, self->busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy);
  /* While busy the entry is read-only rather than insensitive, so that it keeps the focus. */
  gtk_editable_set_editable (GTK_EDITABLE (self->passphrase_row), !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->passphrase_row), !self->unusable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->unlock_button),
                            !self->busy && !self->unusable && *passphrase != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->other_button), self->unusable);

  /* No passphrase opens a damaged file: only the way to another one stays. */
  gtk_widget_set_visible (self->passphrase_box, !self->unusable);
  gtk_widget_set_visible (GTK_WIDGET (self->unlock_button), !self->unusable);
  gtk_widget_set_visible (GTK_WIDGET (self->recover_button), !self->unusable && !self->demo);
  gtk_widget_set_sensitive (GTK_WIDGET (self->recover_button), !self->busy);
}

static void
set_busy (ScUnlockPage *self,
          gboolean      busy)
{
  if (self->busy != busy)
    {
      self->busy = busy;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
  update_state (self);
}

static void
show_error (ScUnlockPage *self,
            const char   *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
on_open_cb (GObject      *source_object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (ScUnlockPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (ScVault) vault = NULL;

  vault = sc_vault_open_finish (result, &error);
  set_busy (self, FALSE);

  if (vault != NULL)
    {
      /* SECURITY: the passphrase has done its work; out of the entry with it. */
      gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
      show_error (self, NULL);
      update_state (self);
      g_signal_emit (self, signals[SIGNAL_UNLOCKED], 0, vault);
      return;
    }

  show_error (self, sc_gui_vault_error_message (error));

  if (g_error_matches (error, SC_VAULT_ERROR, SC_VAULT_ERROR_DAMAGED) ||
      g_error_matches (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NEWER_VERSION) ||
      g_error_matches (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND))
    {
      /* No passphrase helps: offer another file instead. */
      gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
      adw_status_page_set_icon_name (get_status_page (self), "dialog-warning-symbolic");
      adw_status_page_set_title (get_status_page (self), _("The Vault Cannot Be Opened"));
      /* The focus moves before the entry becomes insensitive. */
      gtk_widget_set_visible (GTK_WIDGET (self->other_button), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->other_button));
      self->unusable = TRUE;
      update_state (self);
      return;
    }

  /* A typing mistake, most likely: select the passphrase so that typing replaces it. */
  update_state (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
  gtk_editable_select_region (GTK_EDITABLE (self->passphrase_row), 0, -1);
}

static void
unlock (ScUnlockPage *self)
{
  g_autofree char *path = NULL;

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->unlock_button)))
    return;

  path = g_file_get_path (self->file);
  if (path == NULL)
    {
      self->unusable = TRUE;
      show_error (self, _("Only a vault on this PC or on a drive attached to it can be opened."));
      update_state (self);
      return;
    }

  /* SECURITY: the task copies the passphrase into guarded memory. The entry keeps it (in
   * guarded memory too) until the answer, so that a mistyped one can be corrected. */
  sc_vault_open_async (path, gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row)),
                       SC_VAULT_OPEN_FLAGS_NONE, NULL, on_open_cb, g_object_ref (self));
  show_error (self, NULL);
  set_busy (self, TRUE);
}

/* ---- Recovery ---------------------------------------------------------------------------- */

static void
on_new_key_dialog_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr (ScUnlockPage) self = user_data;
  g_autoptr (ScVault) vault = g_steal_pointer (&self->recovered);

  sc_compat_message_dialog_choose_finish (GTK_WIDGET (source), result);
  if (self->dialog == GTK_WIDGET (source))
    self->dialog = NULL;
  g_clear_pointer (&self->recovery_key, sc_vault_free_recovery_key);
  if (vault != NULL)
    g_signal_emit (self, signals[SIGNAL_UNLOCKED], 0, vault);
}

static void
on_recovered_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (ScUnlockPage) self = user_data;
  g_autoptr (GError) error = NULL;
  char *recovery_key = NULL;

  self->recovered = sc_vault_recover_finish (result, &recovery_key, &error);
  set_busy (self, FALSE);
  if (self->recovered == NULL)
    {
      show_error (self, error->domain == SC_VAULT_ERROR ? sc_gui_vault_error_message (error)
                                                        : error->message);
      return;
    }
  show_error (self, NULL);
  self->recovery_key = recovery_key;
  self->dialog = sc_recovery_key_dialog_new (recovery_key,
                                             _("The vault is open with its new implementer "
                                               "passphrase. The recovery key that was used no "
                                               "longer opens it: write this new one on paper and "
                                               "keep it locked away, apart from this PC. It is "
                                               "shown only now."));
  sc_compat_message_dialog_choose (self->dialog, GTK_WIDGET (self), NULL, on_new_key_dialog_cb,
                                   g_object_ref (self));
}

static void
on_recover_dialog_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr (ScUnlockPage) self = user_data;
  GtkWidget *dialog = GTK_WIDGET (source);
  const char *response = sc_compat_message_dialog_choose_finish (dialog, result);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_file_get_path (self->file);
  ScPassphraseForm *form;

  if (self->dialog == dialog)
    self->dialog = NULL;
  form = sc_passphrase_form_finish (dialog, response, &error);
  if (error != NULL)
    show_error (self, error->message);
  if (form == NULL || path == NULL || self->busy)
    return;
  sc_vault_recover_async (path, form->current_text, form->pass_text, NULL, on_recovered_cb,
                          g_object_ref (self));
  show_error (self, NULL);
  set_busy (self, TRUE);
}

void
sc_unlock_page_recover (ScUnlockPage *self)
{
  ScPassphraseForm *form;

  g_return_if_fail (SC_IS_UNLOCK_PAGE (self));

  if (self->busy || self->unusable || self->dialog != NULL)
    return;
  form = sc_passphrase_form_new (_("Use the Recovery Key"),
                                 _("Type the recovery key written down when the vault was "
                                   "made, then a new passphrase for the implementer. The "
                                   "recovery key is replaced by a new one afterwards."),
                                 "recover", _("_Recover"), SC_RESPONSE_SUGGESTED,
                                 SC_PASSPHRASE_FORM_RECOVERY | SC_PASSPHRASE_FORM_NEW);
  self->dialog = form->dialog;
  sc_compat_message_dialog_choose (form->dialog, GTK_WIDGET (self), NULL, on_recover_dialog_cb,
                                   g_object_ref (self));
}

static void
on_recover_button_clicked_cb (ScUnlockPage *self)
{
  sc_unlock_page_recover (self);
}

GtkWidget *
sc_unlock_page_get_dialog (ScUnlockPage *self)
{
  g_return_val_if_fail (SC_IS_UNLOCK_PAGE (self), NULL);

  return self->dialog;
}

const char *
sc_unlock_page_get_shown_recovery_key (ScUnlockPage *self)
{
  g_return_val_if_fail (SC_IS_UNLOCK_PAGE (self), NULL);

  return self->recovery_key;
}

static void
on_unlock_button_clicked_cb (GtkButton    *button,
                             ScUnlockPage *self)
{
  unlock (self);
}

static void
on_passphrase_row_entry_activated_cb (AdwEntryRow  *row,
                                      ScUnlockPage *self)
{
  unlock (self);
}

static void
on_passphrase_row_changed_cb (GtkEditable  *editable,
                              ScUnlockPage *self)
{
  update_state (self);
}

static gboolean
sc_unlock_page_grab_focus (GtkWidget *widget)
{
  ScUnlockPage *self = SC_UNLOCK_PAGE (widget);

  if (self->unusable)
    return gtk_widget_grab_focus (GTK_WIDGET (self->other_button));
  return gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
}

static void
sc_unlock_page_constructed (GObject *object)
{
  ScUnlockPage *self = SC_UNLOCK_PAGE (object);
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *description = NULL;
  g_autoptr (GFile) parent = NULL;

  G_OBJECT_CLASS (sc_unlock_page_parent_class)->constructed (object);

  g_return_if_fail (self->file != NULL);

  /* The file name says which vault; the folder, which copy of it. */
  name = g_file_get_basename (self->file);
  parent = g_file_get_parent (self->file);
  folder = parent != NULL ? g_file_get_parse_name (parent) : g_strdup ("");
  description = g_markup_printf_escaped ("<b>%s</b>\n%s", name, folder);
  adw_status_page_set_description (get_status_page (self), description);

  if (self->demo)
    {
      g_autofree char *demo_text = NULL;
      g_autofree char *demo = NULL;
      g_autofree char *path = g_file_get_path (self->file);

      demo_text = g_markup_printf_escaped (_("This is the demo vault: everyone and everything "
                                             "in it is made up.\nImplementer passphrase: "
                                             "<tt>%s</tt>\nHR passphrase: <tt>%s</tt>"),
                                           SC_DEMO_PASSPHRASE, SC_DEMO_HR_PASSPHRASE);
      if (path != NULL)
        {
          g_autofree char *codes = sc_gui_demo_codes_path (path);

          if (g_file_test (codes, G_FILE_TEST_IS_REGULAR))
            {
              g_autofree char *codes_line = NULL;

              g_autofree char *codes_name = g_path_get_basename (codes);

              /* The folder is on the page already, under the vault's name. */
              codes_line = g_markup_printf_escaped (_("Access codes for trying the kiosk are "
                                                      "in %s in the same folder."), codes_name);
              demo = g_strconcat (demo_text, "\n\n", codes_line, NULL);
            }
        }
      gtk_label_set_markup (self->demo_label, demo != NULL ? demo : demo_text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->demo_label), self->demo);
  update_state (self);
}

static void
sc_unlock_page_dispose (GObject *object)
{
  ScUnlockPage *self = SC_UNLOCK_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_UNLOCK_PAGE);
  g_clear_object (&self->file);
  g_clear_object (&self->recovered);
  g_clear_pointer (&self->recovery_key, sc_vault_free_recovery_key);
  self->dialog = NULL;

  G_OBJECT_CLASS (sc_unlock_page_parent_class)->dispose (object);
}

static void
sc_unlock_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ScUnlockPage *self = SC_UNLOCK_PAGE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_DEMO:
      g_value_set_boolean (value, self->demo);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_unlock_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ScUnlockPage *self = SC_UNLOCK_PAGE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;

    case PROP_DEMO:
      self->demo = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_unlock_page_class_init (ScUnlockPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sc_unlock_page_constructed;
  object_class->dispose = sc_unlock_page_dispose;
  object_class->get_property = sc_unlock_page_get_property;
  object_class->set_property = sc_unlock_page_set_property;

  widget_class->grab_focus = sc_unlock_page_grab_focus;

  /**
   * ScUnlockPage:file:
   *
   * The vault to unlock.
   */
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScUnlockPage:demo:
   *
   * Whether the vault is the demo vault, whose passphrases are published and shown.
   */
  properties[PROP_DEMO] =
    g_param_spec_boolean ("demo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                           G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScUnlockPage:busy:
   *
   * Whether the vault is being opened; the page must stay until it is done.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ScUnlockPage::unlocked:
   * @vault: the vault, open with the implementer or HR role
   */
  signals[SIGNAL_UNLOCKED] =
    g_signal_new ("unlocked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SC_TYPE_VAULT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sc-unlock-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScUnlockPage, demo_label);
  gtk_widget_class_bind_template_child (widget_class, ScUnlockPage, passphrase_box);
  gtk_widget_class_bind_template_child (widget_class, ScUnlockPage, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, ScUnlockPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, ScUnlockPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, ScUnlockPage, unlock_button);
  gtk_widget_class_bind_template_child (widget_class, ScUnlockPage, other_button);
  gtk_widget_class_bind_template_child (widget_class, ScUnlockPage, recover_button);
  gtk_widget_class_bind_template_callback (widget_class, on_recover_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unlock_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_passphrase_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_passphrase_row_changed_cb);
}

static void
sc_unlock_page_init (ScUnlockPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sc_compat_name_icon_buttons (GTK_WIDGET (self));
}

GtkWidget *
sc_unlock_page_new (GFile    *file,
                    gboolean  demo)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (SC_TYPE_UNLOCK_PAGE,
                       "file", file,
                       "demo", demo,
                       NULL);
}

GFile *
sc_unlock_page_get_file (ScUnlockPage *self)
{
  g_return_val_if_fail (SC_IS_UNLOCK_PAGE (self), NULL);

  return self->file;
}

gboolean
sc_unlock_page_get_demo (ScUnlockPage *self)
{
  g_return_val_if_fail (SC_IS_UNLOCK_PAGE (self), FALSE);

  return self->demo;
}

gboolean
sc_unlock_page_get_busy (ScUnlockPage *self)
{
  g_return_val_if_fail (SC_IS_UNLOCK_PAGE (self), FALSE);

  return self->busy;
}
