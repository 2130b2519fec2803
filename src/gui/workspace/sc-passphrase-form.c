/* sc-passphrase-form.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-passphrase-form"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sc-passphrase-form.h"
#include "sc-passphrase-strength.h"
#include "sc-secure.h"


static void
form_free (ScPassphraseForm *form)
{
  g_free (form->name_text);
  sc_secure_free (form->current_text);
  sc_secure_free (form->pass_text);
  g_free (form);
}

/* The text of @row; "" when the form has no such row. */
static const char *
row_text (AdwEntryRow *row)
{
  return row != NULL ? gtk_editable_get_text (GTK_EDITABLE (row)) : "";
}

/* SECURITY: empties every passphrase entry of the form. */
static void
form_forget (ScPassphraseForm *form)
{
  AdwEntryRow *rows[] = { form->current, form->pass1, form->pass2 };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (rows[i] != NULL)
      gtk_editable_set_text (GTK_EDITABLE (rows[i]), "");
}

static ScVaultPersonRole form_role (ScPassphraseForm *form);

/* SECURITY: a copy in guarded memory, or NULL when there is none to be had. */
static char *
secure_copy (const char *text)
{
  return sc_secure_dup (text, strlen (text) + 1);
}

/* Runs before the dialog closes: takes what was typed, and empties the passphrase rows. */
static void
on_form_response_cb (GtkWidget  *dialog,
                     const char *response,
                     ScPassphraseForm *form)
{
  /* An entry row that keeps the focus while its dialog is destroyed trips libadwaita 1.2
   * (a cast warning from its focus handler): move the focus away first. */
  gtk_window_set_focus (GTK_WINDOW (dialog), NULL);
  if (g_strcmp0 (response, form->response) != 0 || form->answered)
    {
      form_forget (form);
      return;
    }
  form->answered = TRUE;
  if (form->name != NULL)
    {
      form->name_text = g_strstrip (g_strdup (row_text (form->name)));
      form->role_value = form_role (form);
    }
  form->current_text = secure_copy (row_text (form->current));
  form->pass_text = secure_copy (row_text (form->pass1));
  form_forget (form);
}

static void
on_form_changed_cb (ScPassphraseForm *form)
{
  const char *pass1 = row_text (form->pass1);
  gboolean ok = TRUE;

  if (form->name != NULL)
    {
      g_autofree char *name = g_strstrip (g_strdup (row_text (form->name)));

      ok = *name != '\0';
    }
  if (form->current != NULL && *row_text (form->current) == '\0')
    ok = FALSE;
  if (form->pass1 != NULL)
    {
      ScPassphraseStrength strength = sc_passphrase_strength (pass1, NULL);
      gboolean same = g_strcmp0 (pass1, row_text (form->pass2)) == 0;
      g_autofree char *hint = sc_passphrase_strength_hint (strength);

      if (strength == SC_PASSPHRASE_TOO_SHORT || !same)
        ok = FALSE;
      if (*pass1 != '\0' && strength != SC_PASSPHRASE_TOO_SHORT && !same
          && *row_text (form->pass2) != '\0')
        gtk_label_set_text (form->hint, _("The two passphrases differ."));
      else
        gtk_label_set_text (form->hint, *pass1 != '\0' ? hint : "");
    }
  sc_compat_message_dialog_set_response_enabled (form->dialog, form->response, ok);
}

static AdwEntryRow *
add_entry_row (ScPassphraseForm *form,
               GtkWidget  *group,
               const char *title,
               gboolean    secret)
{
  GtkWidget *row = secret ? adw_password_entry_row_new () : adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (on_form_changed_cb), form);
  return ADW_ENTRY_ROW (row);
}

ScPassphraseForm *
sc_passphrase_form_new (const char            *heading,
                        const char            *body,
                        const char            *response,
                        const char            *response_label,
                        ScResponseAppearance   appearance,
                        ScPassphraseFormFlags  flags)
{
  ScPassphraseForm *form = g_new0 (ScPassphraseForm, 1);
  GtkWidget *group = adw_preferences_group_new ();

  form->dialog = sc_compat_message_dialog_new (heading, body);
  form->response = response;
  sc_compat_message_dialog_add_response (form->dialog, "cancel", _("_Cancel"),
                                         SC_RESPONSE_DEFAULT);
  sc_compat_message_dialog_add_response (form->dialog, response, response_label, appearance);
  sc_compat_message_dialog_set_close_response (form->dialog, "cancel");
  sc_compat_message_dialog_set_default_response (form->dialog, response);
  g_object_set_data_full (G_OBJECT (form->dialog), "sc-form", form, (GDestroyNotify) form_free);
  g_signal_connect (form->dialog, "response", G_CALLBACK (on_form_response_cb), form);

  if (flags & SC_PASSPHRASE_FORM_NAME)
    {
      g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);

      form->name = add_entry_row (form, group, _("Name"), FALSE);
      gtk_string_list_append (roles, _("HR (実務担当者)"));
      gtk_string_list_append (roles, _("Assistant (実施事務従事者)"));
      gtk_string_list_append (roles, _("Implementer (実施者)"));
      form->role = ADW_COMBO_ROW (adw_combo_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->role), _("Role"));
      adw_combo_row_set_model (form->role, G_LIST_MODEL (roles));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (form->role));
    }
  if (flags & SC_PASSPHRASE_FORM_CURRENT)
    form->current = add_entry_row (form, group, _("Current Passphrase"), TRUE);
  else if (flags & SC_PASSPHRASE_FORM_RECOVERY)
    form->current = add_entry_row (form, group, _("Recovery Key"), FALSE);
  if (flags & SC_PASSPHRASE_FORM_NEW)
    {
      GtkWidget *hint = gtk_label_new ("");

      form->pass1 = add_entry_row (form, group, form->current != NULL ? _("New Passphrase")
                                                                      : _("Passphrase"), TRUE);
      form->pass2 = add_entry_row (form, group, _("Repeat the Passphrase"), TRUE);
      gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
      gtk_label_set_xalign (GTK_LABEL (hint), 0);
      gtk_widget_set_margin_top (hint, 6);
      gtk_widget_add_css_class (hint, "dim-label");
      gtk_widget_add_css_class (hint, "caption");
      gtk_accessible_update_property (GTK_ACCESSIBLE (hint), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Passphrase strength"), -1);
      form->hint = GTK_LABEL (hint);
    }
  if (form->hint != NULL)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      gtk_box_append (GTK_BOX (box), group);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (form->hint));
      sc_compat_message_dialog_set_extra_child (form->dialog, box);
    }
  else
    sc_compat_message_dialog_set_extra_child (form->dialog, group);
  sc_compat_name_icon_buttons (form->dialog);
  on_form_changed_cb (form);
  return form;
}


static ScVaultPersonRole
form_role (ScPassphraseForm *form)
{
  switch (adw_combo_row_get_selected (form->role))
    {
    case 1:
      return SC_VAULT_PERSON_ASSISTANT;
    case 2:
      return SC_VAULT_PERSON_IMPLEMENTER;
    default:
      return SC_VAULT_PERSON_HR;
    }
}

ScPassphraseForm *
sc_passphrase_form_finish (GtkWidget   *dialog,
                           const char  *response,
                           GError     **error)
{
  ScPassphraseForm *form = g_object_get_data (G_OBJECT (dialog), "sc-form");

  g_return_val_if_fail (form != NULL, NULL);

  if (g_strcmp0 (response, form->response) != 0 || !form->answered)
    return NULL;
  if (form->current_text == NULL || form->pass_text == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                           _("There is not enough protected memory for the passphrase."));
      return NULL;
    }
  return form;
}
