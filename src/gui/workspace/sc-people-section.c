/* sc-people-section.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SECURITY: passphrases are read from the dialog's entries only to hand them to the core's
 * _async calls (which copy them into guarded memory), and the entries are emptied at once.
 * A new recovery key is shown in one dialog and its text forgotten when the dialog closes.
 */
#define G_LOG_DOMAIN "sc-people-section"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sc-people-section.h"
#include "sc-compat.h"
#include "sc-gui-vault.h"
#include "sc-passphrase-form.h"
#include "sc-recovery-key-page.h"
#include "sc-secure.h"
#include "sc-vault-async.h"
#include "sc-vault-people.h"

struct _ScPeopleSection
{
  AdwBin               parent_instance;

  /* Template children */
  AdwActionRow        *me_row;
  GtkButton           *change_button;
  AdwPreferencesGroup *people_group;
  GtkButton           *add_button;

  /* Owned */
  ScVault             *vault;
  GPtrArray           *rows;          /* the rows added to people_group */
  char                *recovery_key;  /* shown after a removal, until its dialog closes */

  /* Borrowed */
  GtkWidget           *dialog;

  gboolean             busy;
};

G_DEFINE_FINAL_TYPE (ScPeopleSection, sc_people_section, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_VAULT,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- Busy state, toasts ------------------------------------------------------------- */

static void
set_busy (ScPeopleSection *self,
          gboolean         busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->change_button), !busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
toast (ScPeopleSection *self,
       const char      *message)
{
  g_signal_emit (self, signals[SIGNAL_TOAST], 0, message);
}

/* Ends a job: the toast for @error or @done, and the list again. */
static void
job_done (ScPeopleSection *self,
          GError          *error,
          const char      *done)
{
  set_busy (self, FALSE);
  toast (self, error != NULL ? error->message : done);
  sc_people_section_reload (self);
}

static gboolean
is_manager (ScPeopleSection *self)
{
  return sc_vault_get_role (self->vault) == SC_VAULT_ROLE_IMPLEMENTER;
}

/* ---- The list ------------------------------------------------------------------------ */

static const char *
role_label (ScVaultPersonRole role)
{
  switch (role)
    {
    case SC_VAULT_PERSON_ASSISTANT:
      return _("Assistant (実施事務従事者)");
    case SC_VAULT_PERSON_HR:
      return _("HR (実務担当者)");
    case SC_VAULT_PERSON_IMPLEMENTER:
    default:
      return _("Implementer (実施者)");
    }
}

static void
on_remove_button_clicked_cb (GtkButton       *button,
                             ScPeopleSection *self)
{
  sc_people_section_remove_person (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button),
                                                                              "sc-person")));
}

static void
on_set_button_clicked_cb (GtkButton       *button,
                          ScPeopleSection *self)
{
  sc_people_section_set_passphrase (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button),
                                                                           "sc-person")));
}

static void
on_rename_button_clicked_cb (GtkButton       *button,
                             ScPeopleSection *self)
{
  sc_people_section_rename_person (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button),
                                                                              "sc-person")));
}

static void
add_row_button (ScPeopleSection *self,
                GtkWidget       *row,
                const char      *label,
                const char      *tooltip,
                gint64           person_id,
                GCallback        callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data (G_OBJECT (button), "sc-person", GSIZE_TO_POINTER ((gsize) person_id));
  g_signal_connect_object (button, "clicked", callback, self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

static GtkWidget *
new_person_row (ScPeopleSection     *self,
                const ScVaultPerson *person)
{
  GtkWidget *row = adw_action_row_new ();
  GString *subtitle = g_string_new (role_label (person->role));
  gboolean me = person->id != 0 && person->id == sc_vault_get_person_id (self->vault);
  g_autofree char *tooltip = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 person->name != NULL ? sc_gui_person_name (person->name)
                                 : _("Passphrase from before named people"));
  if (me)
    g_string_append_printf (subtitle, " · %s", _("you"));
  if (!person->has_key)
    g_string_append_printf (subtitle, " · %s", _("no passphrase: set one together with them"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  g_string_free (subtitle, TRUE);

  if (is_manager (self) && person->id > 0 && !me)
    {
      if (!person->has_key)
        {
          tooltip = g_strdup_printf (_("Set a passphrase for %s"),
                                     sc_gui_person_name (person->name));
          add_row_button (self, row, _("_Set Passphrase…"), tooltip, person->id,
                          G_CALLBACK (on_set_button_clicked_cb));
          g_clear_pointer (&tooltip, g_free);
        }
      tooltip = g_strdup_printf (_("Remove %s from the vault"),
                                 sc_gui_person_name (person->name));
      add_row_button (self, row, _("_Remove…"), tooltip, person->id,
                      G_CALLBACK (on_remove_button_clicked_cb));
    }
  /* The implementer renames anyone, themselves too (the rows are theirs to sign). */
  if (is_manager (self) && person->id > 0)
    {
      g_clear_pointer (&tooltip, g_free);
      tooltip = g_strdup_printf (_("Rename %s"), sc_gui_person_name (person->name));
      add_row_button (self, row, _("Re_name…"), tooltip, person->id,
                      G_CALLBACK (on_rename_button_clicked_cb));
    }
  return row;
}

void
sc_people_section_reload (ScPeopleSection *self)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  g_return_if_fail (SC_IS_PEOPLE_SECTION (self));

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->people_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  if (sc_vault_get_role (self->vault) == SC_VAULT_ROLE_NONE)
    return;

  name = sc_vault_get_person_name (self->vault);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->me_row),
                                 name != NULL ? sc_gui_person_name (name)
                                 : is_manager (self) ? role_label (SC_VAULT_PERSON_IMPLEMENTER)
                                 : role_label (SC_VAULT_PERSON_HR));
  adw_action_row_set_subtitle (self->me_row,
                               _("Only you know your passphrase. Change it here whenever you "
                                   "think someone else may have seen it."));
  gtk_widget_set_visible (GTK_WIDGET (self->add_button), is_manager (self));

  people = sc_vault_list_people (self->vault, &error);
  if (people == NULL)
    {
      toast (self, error->message);
      return;
    }
  for (guint i = 0; i < people->len; i++)
    {
      GtkWidget *row = new_person_row (self, g_ptr_array_index (people, i));

      adw_preferences_group_add (self->people_group, row);
      g_ptr_array_add (self->rows, row);
    }
}

guint
sc_people_section_get_n_people (ScPeopleSection *self)
{
  g_return_val_if_fail (SC_IS_PEOPLE_SECTION (self), 0);

  return self->rows->len;
}

gboolean
sc_people_section_get_busy (ScPeopleSection *self)
{
  g_return_val_if_fail (SC_IS_PEOPLE_SECTION (self), FALSE);

  return self->busy;
}

GtkWidget *
sc_people_section_get_dialog (ScPeopleSection *self)
{
  g_return_val_if_fail (SC_IS_PEOPLE_SECTION (self), NULL);

  return self->dialog;
}

const char *
sc_people_section_get_shown_recovery_key (ScPeopleSection *self)
{
  g_return_val_if_fail (SC_IS_PEOPLE_SECTION (self), NULL);

  return self->recovery_key;
}

/* ---- Add ------------------------------------------------------------------------------ */

static void
on_added_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ScPeopleSection) self = user_data;
  g_autoptr(GError) error = NULL;

  sc_vault_add_person_finish (SC_VAULT (source), result, &error);
  job_done (self, error, _("The person was added. They can unlock the vault with their own "
                           "passphrase now."));
}

static void
present_form (ScPeopleSection     *self,
              ScPassphraseForm    *form,
              GAsyncReadyCallback  callback)
{
  self->dialog = form->dialog;
  sc_compat_message_dialog_choose (form->dialog, GTK_WIDGET (self), NULL, callback,
                                   g_object_ref (self));
}

/* Answers of the form dialogs: the form after the main response, or NULL. */
static ScPassphraseForm *
finish_form (ScPeopleSection *self,
             GObject         *source,
             GAsyncResult    *result)
{
  GtkWidget *dialog = GTK_WIDGET (source);
  const char *response = sc_compat_message_dialog_choose_finish (dialog, result);
  g_autoptr(GError) error = NULL;
  ScPassphraseForm *form;

  if (self->dialog == dialog)
    self->dialog = NULL;
  form = sc_passphrase_form_finish (dialog, response, &error);
  if (error != NULL)
    toast (self, error->message);
  if (form == NULL || self->busy || sc_vault_get_role (self->vault) == SC_VAULT_ROLE_NONE)
    return NULL;
  return form;
}

static void
on_add_dialog_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ScPeopleSection) self = user_data;
  ScPassphraseForm *form = finish_form (self, source, result);

  if (form == NULL)
    return;
  set_busy (self, TRUE);
  sc_vault_add_person_async (self->vault, form->name_text, form->role_value, form->pass_text,
                             NULL, on_added_cb, g_object_ref (self));
}

void
sc_people_section_add_person (ScPeopleSection *self)
{
  ScPassphraseForm *form;

  g_return_if_fail (SC_IS_PEOPLE_SECTION (self));

  if (!is_manager (self) || self->busy || self->dialog != NULL)
    return;
  form = sc_passphrase_form_new (_("Add a Person"),
                                 _("The person types a passphrase of their own now, which nobody "
                                   "else should see. It opens the vault with the rights of the role "
                                   "chosen."),
                                   "add", _("_Add"), SC_RESPONSE_SUGGESTED,
                                 SC_PASSPHRASE_FORM_NAME | SC_PASSPHRASE_FORM_NEW);
  present_form (self, form, on_add_dialog_cb);
}

static void
on_add_button_clicked_cb (ScPeopleSection *self)
{
  sc_people_section_add_person (self);
}

/* ---- Set a passphrase ------------------------------------------------------------------ */

static void
on_passphrase_set_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(ScPeopleSection) self = user_data;
  g_autoptr(GError) error = NULL;

  sc_vault_set_person_passphrase_finish (SC_VAULT (source), result, &error);
  job_done (self, error, _("The passphrase was set."));
}

static void
on_set_dialog_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ScPeopleSection) self = user_data;
  ScPassphraseForm *form = finish_form (self, source, result);

  if (form == NULL)
    return;
  set_busy (self, TRUE);
  sc_vault_set_person_passphrase_async (self->vault, form->person_id, form->pass_text,
                                        NULL, on_passphrase_set_cb, g_object_ref (self));
}

void
sc_people_section_set_passphrase (ScPeopleSection *self,
                                  gint64           person_id)
{
  ScPassphraseForm *form;

  g_return_if_fail (SC_IS_PEOPLE_SECTION (self));

  if (!is_manager (self) || self->busy || self->dialog != NULL)
    return;
  form = sc_passphrase_form_new (_("Set a Passphrase"),
                                 _("The person types a new passphrase of their own now, which nobody "
                                   "else should see."),
                                   "set", _("_Set Passphrase"), SC_RESPONSE_SUGGESTED,
                                 SC_PASSPHRASE_FORM_NEW);
  form->person_id = person_id;
  present_form (self, form, on_set_dialog_cb);
}

/* ---- Remove ---------------------------------------------------------------------------- */

static void
on_recovery_dialog_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(ScPeopleSection) self = user_data;

  sc_compat_message_dialog_choose_finish (GTK_WIDGET (source), result);
  if (self->dialog == GTK_WIDGET (source))
    self->dialog = NULL;
  g_clear_pointer (&self->recovery_key, sc_vault_free_recovery_key);
}

static void
show_recovery_key (ScPeopleSection *self,
                   char            *recovery_key)
{
  self->recovery_key = recovery_key;
  self->dialog = sc_recovery_key_dialog_new (recovery_key,
                                             _("The vault was locked with new keys. The old "
                                               "recovery key no longer opens it: write this "
                                               "one on paper and keep it locked away, apart "
                                               "from this PC. It is shown only now. Everyone "
                                               "else but you needs their passphrase set again "
                                               "(Set Passphrase…)."));
  sc_compat_message_dialog_choose (self->dialog, GTK_WIDGET (self), NULL,
                                   on_recovery_dialog_cb, g_object_ref (self));
}

static void
on_removed_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ScPeopleSection) self = user_data;
  g_autoptr(GError) error = NULL;
  char *recovery_key = sc_vault_remove_person_finish (SC_VAULT (source), result, &error);

  job_done (self, error, _("The person was removed and the vault locked with new keys."));
  if (recovery_key != NULL)
    show_recovery_key (self, recovery_key);
}

static void
on_remove_dialog_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ScPeopleSection) self = user_data;
  ScPassphraseForm *form = finish_form (self, source, result);

  if (form == NULL)
    return;
  set_busy (self, TRUE);
  sc_vault_remove_person_async (self->vault, form->person_id, form->current_text, NULL,
                                on_removed_cb, g_object_ref (self));
}

void
sc_people_section_remove_person (ScPeopleSection *self,
                                 gint64           person_id)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  gboolean hr = FALSE;
  ScPassphraseForm *form;

  g_return_if_fail (SC_IS_PEOPLE_SECTION (self));

  if (!is_manager (self) || self->busy || self->dialog != NULL)
    return;
  people = sc_vault_list_people (self->vault, NULL);
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      const ScVaultPerson *person = g_ptr_array_index (people, i);

      if (person->id == person_id)
        {
          heading = g_strdup_printf (_("Remove %s?"), sc_gui_person_name (person->name));
          hr = person->role == SC_VAULT_PERSON_HR;
        }
    }
  if (heading == NULL)
    return;
  body = g_strdup (_("Their passphrase will no longer open the vault. Then the whole "
                     "vault is locked with new keys, so that nothing they may have kept "
                     "opens it again: the recovery key is replaced by a new one, shown "
                     "next, and everyone else but you needs their passphrase set again "
                     "with you. Type your own passphrase to confirm."));
  /* SECURITY: an HR person knew HR's secret key; the core makes a new one. */
  if (hr)
    {
      char *longer = g_strconcat (body, "\n\n",
                                  _("HR's key is replaced as well: the results shared with "
                                    "HR are sealed again to the new key, and the other HR "
                                    "people can open them once you have set their "
                                    "passphrases again."), NULL);

      g_free (body);
      body = longer;
    }
  form = sc_passphrase_form_new (heading, body,
                                   "remove", _("_Remove"), SC_RESPONSE_DESTRUCTIVE,
                                 SC_PASSPHRASE_FORM_CURRENT);
  form->person_id = person_id;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->current), _("Your Passphrase"));
  sc_compat_message_dialog_set_default_response (form->dialog, "cancel");
  present_form (self, form, on_remove_dialog_cb);
}

/* ---- Rename ---------------------------------------------------------------------------- */

static void
on_renamed_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ScPeopleSection) self = user_data;
  g_autoptr(GError) error = NULL;

  sc_vault_rename_person_finish (SC_VAULT (source), result, &error);
  job_done (self, error, _("The name was changed."));
}

static void
on_rename_entry_changed_cb (GtkEditable *entry,
                            GtkWidget   *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  sc_compat_message_dialog_set_response_enabled (dialog, "rename", *name != '\0');
}

static void
on_rename_dialog_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ScPeopleSection) self = user_data;
  GtkWidget *dialog = GTK_WIDGET (source);
  const char *response = sc_compat_message_dialog_choose_finish (dialog, result);
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "sc-name");
  gint64 person_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "sc-person"));

  if (self->dialog == dialog)
    self->dialog = NULL;
  if (g_strcmp0 (response, "rename") != 0 || self->busy
      || sc_vault_get_role (self->vault) == SC_VAULT_ROLE_NONE)
    return;
  set_busy (self, TRUE);
  sc_vault_rename_person_async (self->vault, person_id, gtk_editable_get_text (entry), NULL,
                                on_renamed_cb, g_object_ref (self));
}

void
sc_people_section_rename_person (ScPeopleSection *self,
                                 gint64           person_id)
{
  g_autoptr(GPtrArray) people = NULL;
  const ScVaultPerson *found = NULL;
  GtkWidget *dialog, *list, *entry;

  g_return_if_fail (SC_IS_PEOPLE_SECTION (self));

  if (!is_manager (self) || self->busy || self->dialog != NULL)
    return;
  people = sc_vault_list_people (self->vault, NULL);
  for (guint i = 0; people != NULL && i < people->len; i++)
    if (((const ScVaultPerson *) g_ptr_array_index (people, i))->id == person_id)
      found = g_ptr_array_index (people, i);
  if (found == NULL)
    return;

  dialog = sc_compat_message_dialog_new (_("Rename"),
                                         _("The audit log shows the new name from now on, "
                                           "and for what was logged before too."));
  sc_compat_message_dialog_add_response (dialog, "cancel", _("_Cancel"), SC_RESPONSE_DEFAULT);
  sc_compat_message_dialog_add_response (dialog, "rename", _("Re_name"),
                                         SC_RESPONSE_SUGGESTED);
  sc_compat_message_dialog_set_close_response (dialog, "cancel");
  sc_compat_message_dialog_set_default_response (dialog, "rename");
  entry = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Name"));
  gtk_editable_set_text (GTK_EDITABLE (entry), sc_gui_person_name (found->name));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (entry), TRUE);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_rename_entry_changed_cb), dialog, 0);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), entry);
  sc_compat_message_dialog_set_extra_child (dialog, list);
  g_object_set_data (G_OBJECT (dialog), "sc-name", entry);
  g_object_set_data (G_OBJECT (dialog), "sc-person", GSIZE_TO_POINTER ((gsize) person_id));
  sc_compat_name_icon_buttons (dialog);
  self->dialog = dialog;
  sc_compat_message_dialog_choose (dialog, GTK_WIDGET (self), NULL, on_rename_dialog_cb,
                                   g_object_ref (self));
}

/* ---- Change my passphrase ---------------------------------------------------------- */

static void
on_changed_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ScPeopleSection) self = user_data;
  g_autoptr(GError) error = NULL;

  sc_vault_change_own_passphrase_finish (SC_VAULT (source), result, &error);
  job_done (self, error, _("Your passphrase was changed. Use the new one from now on."));
}

static void
on_change_dialog_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ScPeopleSection) self = user_data;
  ScPassphraseForm *form = finish_form (self, source, result);

  if (form == NULL)
    return;
  set_busy (self, TRUE);
  sc_vault_change_own_passphrase_async (self->vault, form->current_text, form->pass_text,
                                        NULL, on_changed_cb, g_object_ref (self));
}

void
sc_people_section_change_passphrase (ScPeopleSection *self)
{
  ScPassphraseForm *form;

  g_return_if_fail (SC_IS_PEOPLE_SECTION (self));

  if (self->busy || self->dialog != NULL)
    return;
  form = sc_passphrase_form_new (_("Change My Passphrase"),
                                 _("Type your current passphrase, then the new one twice. The data "
                                   "stays as it is; only your own key is locked again."),
                                   "change", _("_Change"), SC_RESPONSE_SUGGESTED,
                                 SC_PASSPHRASE_FORM_CURRENT | SC_PASSPHRASE_FORM_NEW);
  present_form (self, form, on_change_dialog_cb);
}

static void
on_change_button_clicked_cb (ScPeopleSection *self)
{
  sc_people_section_change_passphrase (self);
}

/* ---- GObject --------------------------------------------------------------------------- */

GtkWidget *
sc_people_section_new (ScVault *vault)
{
  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  return g_object_new (SC_TYPE_PEOPLE_SECTION, "vault", vault, NULL);
}

static void
sc_people_section_constructed (GObject *object)
{
  ScPeopleSection *self = SC_PEOPLE_SECTION (object);

  G_OBJECT_CLASS (sc_people_section_parent_class)->constructed (object);
  sc_people_section_reload (self);
}

static void
sc_people_section_dispose (GObject *object)
{
  ScPeopleSection *self = SC_PEOPLE_SECTION (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_PEOPLE_SECTION);
  g_clear_object (&self->vault);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->recovery_key, sc_vault_free_recovery_key);
  self->dialog = NULL;

  G_OBJECT_CLASS (sc_people_section_parent_class)->dispose (object);
}

static void
sc_people_section_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ScPeopleSection *self = SC_PEOPLE_SECTION (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      g_value_set_object (value, self->vault);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_people_section_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ScPeopleSection *self = SC_PEOPLE_SECTION (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      self->vault = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_people_section_class_init (ScPeopleSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sc_people_section_constructed;
  object_class->dispose = sc_people_section_dispose;
  object_class->get_property = sc_people_section_get_property;
  object_class->set_property = sc_people_section_set_property;

  properties[PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL, SC_TYPE_VAULT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ScPeopleSection::toast:
   * @message: what happened, fit to show
   */
  signals[SIGNAL_TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sc-people-section.ui");
  gtk_widget_class_bind_template_child (widget_class, ScPeopleSection, me_row);
  gtk_widget_class_bind_template_child (widget_class, ScPeopleSection, change_button);
  gtk_widget_class_bind_template_child (widget_class, ScPeopleSection, people_group);
  gtk_widget_class_bind_template_child (widget_class, ScPeopleSection, add_button);
  gtk_widget_class_bind_template_callback (widget_class, on_add_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_change_button_clicked_cb);
}

static void
sc_people_section_init (ScPeopleSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}
