/* sc-settings-section.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-admin"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-settings-section.h"
#include "sc-gui-vault.h"
#include "sc-advice.h"
#include "sc-bjsq.h"
#include "sc-compat.h"
#include "sc-constants-row.h"
#include "sc-load-when-shown.h"
#include "sc-report.h"
#include "sc-vault-async.h"

typedef enum
{
  GROUP_WORKPLACE,
  GROUP_PEOPLE,
  GROUP_CONTACTS,
} Group;

/* The text settings, in the order the page shows them. */
static const struct
{
  const char *key;
  const char *title;
  Group       group;
} text_settings[] = {
  { SC_REPORT_SETTING_WORKPLACE_NAME, N_("Workplace name"), GROUP_WORKPLACE },
  { SC_REPORT_SETTING_ADDRESS, N_("Address"), GROUP_WORKPLACE },
  { SC_REPORT_SETTING_PHONE, N_("Phone number"), GROUP_WORKPLACE },
  { SC_REPORT_SETTING_INSURANCE_NUMBER, N_("Labour insurance number"), GROUP_WORKPLACE },
  { SC_REPORT_SETTING_INDUSTRY, N_("Industry"), GROUP_WORKPLACE },
  { SC_REPORT_SETTING_EMPLOYER, N_("Employer (title and name)"), GROUP_WORKPLACE },
  { SC_REPORT_SETTING_WORKERS, N_("Number of workers"), GROUP_WORKPLACE },
  { SC_REPORT_SETTING_OCC_PHYSICIAN, N_("Occupational physician"), GROUP_WORKPLACE },
  { SC_REPORT_SETTING_CHECKER, N_("Who carried out the check: category 1, 2 or 3"),
    GROUP_WORKPLACE },
  { SC_REPORT_SETTING_INTERVIEW_DOCTOR, N_("Interview doctor: category 1, 2 or 3"),
    GROUP_WORKPLACE },
  { SC_VAULT_SETTING_IMPLEMENTER_NAME, N_("Implementer"), GROUP_PEOPLE },
  { SC_VAULT_SETTING_INTERVIEW_DOCTOR_NAME, N_("Doctor for interviews"), GROUP_PEOPLE },
  { SC_VAULT_SETTING_CONTACT_TEXT, N_("Where to ask for an interview"), GROUP_CONTACTS },
  { SC_VAULT_SETTING_HELP_TEXT, N_("Other places to get help"), GROUP_CONTACTS },
};

/* The advice rows: [general] self_care and balanced, then one per scale. */
#define N_ADVICE_ROWS (2 + SC_BJSQ_N_SCALES)

struct _ScSettingsSection
{
  AdwBin                parent_instance;

  /* Borrowed: the bin's child, from the template */
  AdwPreferencesPage   *page;

  /* Owned references */
  ScVault              *vault;
  ScAdvice             *shipped;
  GKeyFile             *advice;         /* the implementer's texts (advice_texts) */

  /* Borrowed references */
  AdwEntryRow          *text_rows[G_N_ELEMENTS (text_settings)];
  AdwEntryRow          *advice_rows[N_ADVICE_ROWS];
  GtkButton            *advice_resets[N_ADVICE_ROWS];
  GtkSpinButton        *idle_spin;
  GtkButton            *idle_apply;
  GtkSwitch            *hr_kiosk_switch;
  AdwPreferencesGroup  *chart_group;
  GtkWidget            *text_dialog;    /* while shown */

  /* Plain state */
  gboolean              busy;
  gboolean              loading;
  guint                 idle_saved;
};

G_DEFINE_FINAL_TYPE (ScSettingsSection, sc_settings_section, ADW_TYPE_BIN)

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

static void
on_constants_toast_cb (ScSettingsSection *self,
                       const char        *message)
{
  g_signal_emit (self, signals[SIGNAL_TOAST], 0, message);
}


const char *
sc_settings_describe_key (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_settings); i++)
    if (g_strcmp0 (text_settings[i].key, key) == 0)
      return _(text_settings[i].title);
  if (g_strcmp0 (key, SC_VAULT_SETTING_ADVICE_TEXTS) == 0)
    return _("Self-care advice");
  if (g_strcmp0 (key, SC_VAULT_SETTING_IDLE_TIMEOUT) == 0)
    return _("Idle timeout at the kiosk");
  if (g_strcmp0 (key, SC_VAULT_SETTING_HR_KIOSK) == 0)
    return _("HR may start the kiosk");
  return NULL;
}

/* Advice rows: where each text lives in an advice file. */
static void
advice_place (guint        index,
              const char **group,
              const char **key)
{
  if (index < 2)
    {
      *group = "general";
      *key = index == 0 ? "self_care" : "balanced";
      return;
    }
  *group = sc_bjsq_scale ((ScScale) (index - 2))->id;
  *key = "text";
}

static const char *
shipped_advice (ScSettingsSection *self,
                guint              index)
{
  const char *text;

  if (index == 0)
    text = sc_advice_get_self_care (self->shipped);
  else if (index == 1)
    text = sc_advice_get_balanced (self->shipped);
  else
    text = sc_advice_get_text (self->shipped, (ScScale) (index - 2));
  return text != NULL ? text : "";
}

static char *
current_advice (ScSettingsSection *self,
                guint              index)
{
  const char *group, *key;
  char *text;

  advice_place (index, &group, &key);
  text = g_key_file_get_string (self->advice, group, key, NULL);
  return text != NULL ? text : g_strdup (shipped_advice (self, index));
}

/* Saving */

typedef struct
{
  ScSettingsSection *self;
  char              *key;
  char              *message;
} Save;

static void
save_free (Save *save)
{
  g_object_unref (save->self);
  g_free (save->key);
  g_free (save->message);
  g_free (save);
}

static void
set_busy (ScSettingsSection *self,
          gboolean           busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  /* Not the whole page: the row being saved keeps the focus (an insensitive focused entry
   * loses it without a focus-out). A change made meanwhile waits for the next Enter. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->idle_apply), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->hr_kiosk_switch), !busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* The core's INVALID messages are English; the ones a setting can meet, in words here. */
static const char *
save_error_message (const char   *key,
                    const GError *error)
{
  if (g_error_matches (error, SC_VAULT_ERROR, SC_VAULT_ERROR_INVALID))
    {
      if (g_str_equal (key, SC_VAULT_SETTING_IDLE_TIMEOUT))
        return _("The idle timeout is out of range. Choose another number of seconds.");
      if (g_str_equal (key, SC_REPORT_SETTING_CHECKER)
          || g_str_equal (key, SC_REPORT_SETTING_INTERVIEW_DOCTOR))
        return _("Enter 1, 2 or 3, the category as on the labour-office form.");
      if (g_str_equal (key, SC_REPORT_SETTING_WORKERS))
        return _("Enter the number of workers as a whole number.");
      return _("This text cannot be saved. Check it and try again.");
    }
  return sc_gui_vault_error_message (error);
}

static void
reload (ScSettingsSection *self);

static void
on_set_setting_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Save *save = user_data;
  ScSettingsSection *self = save->self;
  g_autoptr (GError) error = NULL;

  set_busy (self, FALSE);
  if (sc_vault_set_setting_finish (SC_VAULT (source), result, &error))
    g_signal_emit (self, signals[SIGNAL_TOAST], 0, save->message);
  else
    g_signal_emit (self, signals[SIGNAL_TOAST], 0, save_error_message (save->key, error));
  /* Show what the vault holds now, saved or not. */
  reload (self);
  save_free (save);
}

static void
save_setting (ScSettingsSection *self,
              const char        *key,
              const char        *value)
{
  Save *save;
  const char *name = sc_settings_describe_key (key);

  if (self->busy || self->loading)
    return;
  save = g_new0 (Save, 1);
  save->self = g_object_ref (self);
  save->key = g_strdup (key);
  /* Translators: a toast; %s is a setting's name, such as "Workplace name". */
  save->message = g_strdup_printf (_("Saved: %s"), name != NULL ? name : key);
  set_busy (self, TRUE);
  sc_vault_set_setting_async (self->vault, key, value, NULL, on_set_setting_cb, save);
}

static void
save_advice (ScSettingsSection *self)
{
  g_autofree char *data = g_key_file_to_data (self->advice, NULL, NULL);

  save_setting (self, SC_VAULT_SETTING_ADVICE_TEXTS, data);
}

/* Handlers */

static void
on_text_row_apply_cb (AdwEntryRow       *row,
                      ScSettingsSection *self)
{
  const char *key = g_object_get_data (G_OBJECT (row), "sc-setting-key");
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)),
                 g_object_get_data (G_OBJECT (row), "sc-loaded")) == 0)
    return;
  save_setting (self, key, g_strstrip (text));
}

static void
on_advice_row_apply_cb (AdwEntryRow       *row,
                        ScSettingsSection *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "sc-advice-index"));
  const char *group, *key;
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)),
                 g_object_get_data (G_OBJECT (row), "sc-loaded")) == 0)
    return;
  advice_place (index, &group, &key);
  g_strstrip (text);
  /* The shipped text typed again is no text of the implementer's. */
  if (*text == '\0' || g_str_equal (text, shipped_advice (self, index)))
    g_key_file_remove_key (self->advice, group, key, NULL);
  else
    g_key_file_set_string (self->advice, group, key, text);
  save_advice (self);
}

static void
on_advice_reset_clicked_cb (GtkButton         *button,
                            ScSettingsSection *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "sc-advice-index"));
  const char *group, *key;

  advice_place (index, &group, &key);
  g_key_file_remove_key (self->advice, group, key, NULL);
  save_advice (self);
}

static void
on_idle_spin_value_changed_cb (ScSettingsSection *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->idle_apply),
                            (guint) gtk_spin_button_get_value_as_int (self->idle_spin)
                            != self->idle_saved);
}

static void
on_idle_apply_clicked_cb (ScSettingsSection *self)
{
  g_autofree char *value = NULL;

  gtk_spin_button_update (self->idle_spin);
  value = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (self->idle_spin));
  save_setting (self, SC_VAULT_SETTING_IDLE_TIMEOUT, value);
}

static void
on_hr_kiosk_notify_active_cb (ScSettingsSection *self)
{
  save_setting (self, SC_VAULT_SETTING_HR_KIOSK,
                gtk_switch_get_active (self->hr_kiosk_switch) ? "true" : "false");
}

/* Building */

static AdwPreferencesGroup *
add_group (ScSettingsSection *self,
           const char        *title,
           const char        *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
  return ADW_PREFERENCES_GROUP (group);
}

static AdwEntryRow *
new_entry_row (const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  return ADW_ENTRY_ROW (row);
}

/* Enter saves too; both paths end in one save, since an unchanged text saves nothing. */
static void
connect_row (AdwEntryRow *row,
             GCallback    callback,
             gpointer     self)
{
  g_signal_connect (row, "apply", callback, self);
  g_signal_connect (row, "entry-activated", callback, self);
}

/* The whole text of a long setting: a one-line row cuts it, so "Edit…" opens it in a
 * text view; Save puts it into the row and saves it as the row's Apply does. */
typedef struct
{
  ScSettingsSection *self;     /* owned */
  AdwEntryRow       *row;      /* owned */
  GtkTextBuffer     *buffer;   /* owned */
} TextEdit;

static void
on_text_dialog_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  TextEdit *edit = user_data;
  const char *response = sc_compat_message_dialog_choose_finish (GTK_WIDGET (source), result);

  edit->self->text_dialog = NULL;
  if (g_str_equal (response, "save") && !edit->self->busy)
    {
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (edit->buffer, &start, &end);
      text = gtk_text_buffer_get_text (edit->buffer, &start, &end, FALSE);
      gtk_editable_set_text (GTK_EDITABLE (edit->row), text);
      g_signal_emit_by_name (edit->row, "apply");
    }
  g_object_unref (edit->self);
  g_object_unref (edit->row);
  g_object_unref (edit->buffer);
  g_free (edit);
}

static void
on_edit_clicked_cb (GtkButton         *button,
                    ScSettingsSection *self)
{
  AdwEntryRow *row = g_object_get_data (G_OBJECT (button), "sc-row");
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  GtkWidget *scrolled, *view, *dialog;
  TextEdit *edit;

  if (self->text_dialog != NULL || self->busy)
    return;
  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            gtk_editable_get_text (GTK_EDITABLE (row)), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  gtk_widget_add_css_class (view, "card");
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 160);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);

  dialog = sc_compat_message_dialog_new (title, NULL);
  sc_compat_message_dialog_set_extra_child (dialog, scrolled);
  sc_compat_message_dialog_add_response (dialog, "cancel", _("_Cancel"), SC_RESPONSE_DEFAULT);
  sc_compat_message_dialog_add_response (dialog, "save", _("_Save"), SC_RESPONSE_SUGGESTED);
  sc_compat_message_dialog_set_default_response (dialog, "save");
  sc_compat_message_dialog_set_close_response (dialog, "cancel");
  self->text_dialog = dialog;

  edit = g_new0 (TextEdit, 1);
  edit->self = g_object_ref (self);
  edit->row = g_object_ref (row);
  edit->buffer = g_object_ref (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)));
  sc_compat_message_dialog_choose (dialog, GTK_WIDGET (self), NULL, on_text_dialog_cb, edit);
  gtk_widget_grab_focus (view);
}

/* A flat icon button at the end of a row, named for a screen reader after its row. */
static GtkWidget *
new_row_button (const char *icon_name,
                const char *tooltip,
                const char *accessible_name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);
  return button;
}

/* Adds "Edit…" for the whole text to a row of a text that may be long. */
static void
add_edit_button (ScSettingsSection *self,
                 AdwEntryRow       *row,
                 const char        *title)
{
  /* Translators: the accessible name of a button; %s is the title of a text setting. */
  g_autofree char *name = g_strdup_printf (_("Edit the whole text: %s"), title);
  GtkWidget *button = new_row_button ("document-edit-symbolic", _("Edit the Whole Text"), name);

  g_object_set_data (G_OBJECT (button), "sc-row", row);
  g_object_set_data (G_OBJECT (row), "sc-edit-button", button);
  g_signal_connect (button, "clicked", G_CALLBACK (on_edit_clicked_cb), self);
  adw_entry_row_add_suffix (row, button);
}

static void
build (ScSettingsSection *self)
{
  AdwPreferencesGroup *groups[3];
  AdwPreferencesGroup *advice_group, *kiosk_group;
  GtkWidget *row;
  GtkAdjustment *adjustment;

  groups[GROUP_WORKPLACE] =
    add_group (self, _("Workplace"),
               _("As printed on the report to the Labour Standards Inspection Office."));
  groups[GROUP_PEOPLE] =
    add_group (self, _("Implementer and Interview Doctor"),
               _("Named on the results and the interview records."));
  groups[GROUP_CONTACTS] =
    add_group (self, _("Shown to Employees"),
               _("Where employees can ask for an interview, and other places to get "
                 "help, shown with their result."));
  for (guint i = 0; i < G_N_ELEMENTS (text_settings); i++)
    {
      AdwEntryRow *entry = new_entry_row (_(text_settings[i].title));

      g_object_set_data (G_OBJECT (entry), "sc-setting-key", (gpointer) text_settings[i].key);
      connect_row (entry, G_CALLBACK (on_text_row_apply_cb), self);
      /* What employees read can be a paragraph: it is edited whole. */
      if (text_settings[i].group == GROUP_CONTACTS)
        add_edit_button (self, entry, _(text_settings[i].title));
      adw_preferences_group_add (groups[text_settings[i].group], GTK_WIDGET (entry));
      self->text_rows[i] = entry;
    }

  advice_group = add_group (self, _("Self-Care Advice"),
                            _("Shown with the result for the scales where the answers show "
                              "the most stress. Edit a text and press Enter to save it."));
  for (guint i = 0; i < N_ADVICE_ROWS; i++)
    {
      const char *title;
      AdwEntryRow *entry;
      GtkWidget *reset;
      g_autofree char *reset_name = NULL;

      if (i == 0)
        title = _("Self-care for everyone");
      else if (i == 1)
        title = _("When no scale stands out");
      else
        {
          title = sc_advice_get_title (self->shipped, (ScScale) (i - 2));
          if (title == NULL)
            title = sc_bjsq_scale ((ScScale) (i - 2))->name_ja;
        }
      entry = new_entry_row (title);
      g_object_set_data (G_OBJECT (entry), "sc-advice-index", GUINT_TO_POINTER (i));
      connect_row (entry, G_CALLBACK (on_advice_row_apply_cb), self);
      add_edit_button (self, entry, title);

      /* Translators: the accessible name of a button; %s is an advice text's title. */
      reset_name = g_strdup_printf (_("Reset to Default: %s"), title);
      reset = new_row_button ("edit-undo-symbolic", _("Reset to Default"), reset_name);
      g_object_set_data (G_OBJECT (reset), "sc-advice-index", GUINT_TO_POINTER (i));
      g_signal_connect (reset, "clicked", G_CALLBACK (on_advice_reset_clicked_cb), self);
      adw_entry_row_add_suffix (entry, reset);

      adw_preferences_group_add (advice_group, GTK_WIDGET (entry));
      self->advice_rows[i] = entry;
      self->advice_resets[i] = GTK_BUTTON (reset);
    }

  kiosk_group = add_group (self, _("Kiosk"), NULL);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Idle timeout at the kiosk"));
  {
    /* Translators: %d and %d are the shortest and longest idle timeout, in seconds. */
    g_autofree char *subtitle = g_strdup_printf (_("Seconds without input before the kiosk "
                                                   "hides the answers (%d to %d)"),
                                                 SC_VAULT_IDLE_TIMEOUT_MIN,
                                                 SC_VAULT_IDLE_TIMEOUT_MAX);

    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  }
  adjustment = gtk_adjustment_new (90, SC_VAULT_IDLE_TIMEOUT_MIN, SC_VAULT_IDLE_TIMEOUT_MAX,
                                   5, 30, 0);
  self->idle_spin = GTK_SPIN_BUTTON (gtk_spin_button_new (adjustment, 1, 0));
  gtk_widget_set_valign (GTK_WIDGET (self->idle_spin), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->idle_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Idle timeout in seconds"), -1);
  g_signal_connect_swapped (self->idle_spin, "value-changed",
                            G_CALLBACK (on_idle_spin_value_changed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->idle_spin));
  self->idle_apply = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Apply")));
  gtk_widget_set_valign (GTK_WIDGET (self->idle_apply), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->idle_apply, "clicked",
                            G_CALLBACK (on_idle_apply_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->idle_apply));
  adw_preferences_group_add (kiosk_group, row);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("HR may start the kiosk"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Answers given at a kiosk HR started are sealed to the "
                                 "implementer's key as the vault holds it."));
  self->hr_kiosk_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->hr_kiosk_switch), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->hr_kiosk_switch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("HR may start the kiosk"),
                                  -1);
  g_signal_connect_swapped (self->hr_kiosk_switch, "notify::active",
                            G_CALLBACK (on_hr_kiosk_notify_active_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->hr_kiosk_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row),
                                         GTK_WIDGET (self->hr_kiosk_switch));
  adw_preferences_group_add (kiosk_group, row);

  /* The same constants row as the Group Analysis section: one widget, one setting. */
  self->chart_group = add_group (self, _("Judgement Chart"),
                                 _("The constants of the judgement charts."));
  {
    GtkWidget *constants = sc_constants_row_new (self->vault);

    g_signal_connect_swapped (constants, "toast", G_CALLBACK (on_constants_toast_cb), self);
    adw_preferences_group_add (self->chart_group, constants);
  }
}

/* Loading */

/* Shows @text in @row and remembers it as what the vault holds. */
static void
set_loaded_text (AdwEntryRow *row,
                 const char  *text)
{
  g_object_set_data_full (G_OBJECT (row), "sc-loaded", g_strdup (text), g_free);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
reload (ScSettingsSection *self)
{
  g_autofree char *advice_text = NULL;
  g_autofree char *idle = NULL;
  guint64 seconds = 0;

  if (sc_load_when_shown_defer (GTK_WIDGET (self)))
    return;
  self->loading = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (text_settings); i++)
    {
      g_autofree char *value = NULL;

      if (g_str_equal (text_settings[i].key, SC_VAULT_SETTING_HELP_TEXT))
        value = sc_vault_get_help_text (self->vault);
      else
        value = sc_vault_get_setting (self->vault, text_settings[i].key, NULL);
      set_loaded_text (self->text_rows[i], value != NULL ? value : "");
    }

  g_clear_pointer (&self->advice, g_key_file_free);
  self->advice = g_key_file_new ();
  advice_text = sc_vault_get_setting (self->vault, SC_VAULT_SETTING_ADVICE_TEXTS, NULL);
  if (advice_text != NULL)
    g_key_file_load_from_data (self->advice, advice_text, -1, G_KEY_FILE_NONE, NULL);
  for (guint i = 0; i < N_ADVICE_ROWS; i++)
    {
      g_autofree char *text = current_advice (self, i);
      const char *group, *key;

      advice_place (i, &group, &key);
      set_loaded_text (self->advice_rows[i], text);
      gtk_widget_set_sensitive (GTK_WIDGET (self->advice_resets[i]),
                                g_key_file_has_key (self->advice, group, key, NULL));
    }

  idle = sc_vault_get_setting (self->vault, SC_VAULT_SETTING_IDLE_TIMEOUT, NULL);
  if (idle == NULL || !g_ascii_string_to_unsigned (idle, 10, 1, G_MAXUINT, &seconds, NULL))
    seconds = 90;
  self->idle_saved = (guint) seconds;
  gtk_spin_button_set_value (self->idle_spin, (double) seconds);
  on_idle_spin_value_changed_cb (self);
  gtk_switch_set_active (self->hr_kiosk_switch, sc_vault_get_hr_may_start_kiosk (self->vault,
                                                                                 NULL));
  self->loading = FALSE;
}

/* Accessors */

gboolean
sc_settings_section_get_busy (ScSettingsSection *self)
{
  g_return_val_if_fail (SC_IS_SETTINGS_SECTION (self), FALSE);
  return self->busy;
}

AdwEntryRow *
sc_settings_section_get_text_row (ScSettingsSection *self,
                                  const char        *key)
{
  g_return_val_if_fail (SC_IS_SETTINGS_SECTION (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (text_settings); i++)
    if (g_strcmp0 (text_settings[i].key, key) == 0)
      return self->text_rows[i];
  return NULL;
}

AdwEntryRow *
sc_settings_section_get_advice_row (ScSettingsSection *self,
                                    ScScale            scale)
{
  g_return_val_if_fail (SC_IS_SETTINGS_SECTION (self), NULL);
  g_return_val_if_fail ((guint) scale < SC_BJSQ_N_SCALES, NULL);
  return self->advice_rows[2 + scale];
}

GtkButton *
sc_settings_section_get_advice_reset (ScSettingsSection *self,
                                      ScScale            scale)
{
  g_return_val_if_fail (SC_IS_SETTINGS_SECTION (self), NULL);
  g_return_val_if_fail ((guint) scale < SC_BJSQ_N_SCALES, NULL);
  return self->advice_resets[2 + scale];
}

GtkButton *
sc_settings_section_get_edit_button (ScSettingsSection *self,
                                     AdwEntryRow       *row)
{
  g_return_val_if_fail (SC_IS_SETTINGS_SECTION (self), NULL);
  g_return_val_if_fail (ADW_IS_ENTRY_ROW (row), NULL);
  return g_object_get_data (G_OBJECT (row), "sc-edit-button");
}

AdwMessageDialog *
sc_settings_section_get_text_dialog (ScSettingsSection *self)
{
  g_return_val_if_fail (SC_IS_SETTINGS_SECTION (self), NULL);
  return self->text_dialog != NULL ? ADW_MESSAGE_DIALOG (self->text_dialog) : NULL;
}

GtkSpinButton *
sc_settings_section_get_idle_spin (ScSettingsSection *self)
{
  g_return_val_if_fail (SC_IS_SETTINGS_SECTION (self), NULL);
  return self->idle_spin;
}

GtkButton *
sc_settings_section_get_idle_apply (ScSettingsSection *self)
{
  g_return_val_if_fail (SC_IS_SETTINGS_SECTION (self), NULL);
  return self->idle_apply;
}

GtkSwitch *
sc_settings_section_get_hr_kiosk_switch (ScSettingsSection *self)
{
  g_return_val_if_fail (SC_IS_SETTINGS_SECTION (self), NULL);
  return self->hr_kiosk_switch;
}

AdwPreferencesGroup *
sc_settings_section_get_chart_group (ScSettingsSection *self)
{
  g_return_val_if_fail (SC_IS_SETTINGS_SECTION (self), NULL);
  return self->chart_group;
}

/* GObject */

static void
sc_settings_section_constructed (GObject *object)
{
  ScSettingsSection *self = SC_SETTINGS_SECTION (object);

  G_OBJECT_CLASS (sc_settings_section_parent_class)->constructed (object);

  self->shipped = sc_advice_new_shipped ();
  /* Built and filled when first shown (unlock builds every section, and shows one). */
  sc_load_when_shown_init_full (GTK_WIDGET (self), (ScLoadFunc) build, (ScLoadFunc) reload);
}

static void
sc_settings_section_dispose (GObject *object)
{
  ScSettingsSection *self = SC_SETTINGS_SECTION (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_SETTINGS_SECTION);
  g_clear_object (&self->vault);

  G_OBJECT_CLASS (sc_settings_section_parent_class)->dispose (object);
}

static void
sc_settings_section_finalize (GObject *object)
{
  ScSettingsSection *self = SC_SETTINGS_SECTION (object);

  g_clear_pointer (&self->shipped, sc_advice_free);
  g_clear_pointer (&self->advice, g_key_file_free);

  G_OBJECT_CLASS (sc_settings_section_parent_class)->finalize (object);
}

static void
sc_settings_section_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ScSettingsSection *self = SC_SETTINGS_SECTION (object);

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
sc_settings_section_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ScSettingsSection *self = SC_SETTINGS_SECTION (object);

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
sc_settings_section_class_init (ScSettingsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sc_settings_section_constructed;
  object_class->dispose = sc_settings_section_dispose;
  object_class->finalize = sc_settings_section_finalize;
  object_class->get_property = sc_settings_section_get_property;
  object_class->set_property = sc_settings_section_set_property;

  properties[PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL, SC_TYPE_VAULT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/stresscheck/StressCheck/ui/"
                                               "sc-settings-section.ui");
}

static void
sc_settings_section_init (ScSettingsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The bin's own child: not a template child, which dispose would unparent twice. */
  self->page = ADW_PREFERENCES_PAGE (adw_bin_get_child (ADW_BIN (self)));
}

GtkWidget *
sc_settings_section_new (ScVault *vault)
{
  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  return g_object_new (SC_TYPE_SETTINGS_SECTION, "vault", vault, NULL);
}
