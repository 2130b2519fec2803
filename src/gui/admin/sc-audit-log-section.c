/* sc-audit-log-section.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-admin"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-audit-log-section.h"
#include "sc-admin-util.h"
#include "sc-gui-vault.h"
#include "sc-load-when-shown.h"
#include "sc-settings-section.h"

#include <string.h>

/* The action codes of the core (sc_vault_audit_insert() callers), in words. */
static const struct
{
  const char  *code;
  const char  *what;
  ScAuditKind  kind;
} actions[] = {
  { "vault.create", N_("Created the vault"), SC_AUDIT_KIND_VAULT },
  { "vault.sign", N_("Signed the vault's records"), SC_AUDIT_KIND_VAULT },
  { "vault.recover", N_("Set a new passphrase with the recovery key"), SC_AUDIT_KIND_VAULT },
  { "vault.backup", N_("Backed up the vault"), SC_AUDIT_KIND_VAULT },
  { "vault.restore", N_("Confirmed a restored backup"), SC_AUDIT_KIND_VAULT },
  { "keys.rotate", N_("Replaced the vault's keys"), SC_AUDIT_KIND_VAULT },
  { "passphrase.change", N_("Changed a passphrase"), SC_AUDIT_KIND_VAULT },
  { "passphrase.set_hr", N_("Set HR's passphrase"), SC_AUDIT_KIND_VAULT },
  { "passphrase.remove_hr", N_("Removed HR's passphrase"), SC_AUDIT_KIND_VAULT },
  { "recovery.replace", N_("Made a new recovery key"), SC_AUDIT_KIND_VAULT },
  { "person.add", N_("Added a person"), SC_AUDIT_KIND_VAULT },
  { "person.remove", N_("Removed a person"), SC_AUDIT_KIND_VAULT },
  { "person.passphrase", N_("Set a person's passphrase"), SC_AUDIT_KIND_VAULT },
  { "person.rename", N_("Renamed a person"), SC_AUDIT_KIND_VAULT },
  { "round.create", N_("Created a round"), SC_AUDIT_KIND_ROUNDS },
  { "round.close", N_("Closed a round"), SC_AUDIT_KIND_ROUNDS },
  { "employees.upsert", N_("Imported or changed the roster"), SC_AUDIT_KIND_ROUNDS },
  { "access_code.set", N_("Issued access codes"), SC_AUDIT_KIND_ROUNDS },
  { "access_code.unlock", N_("Lifted a lock-out at the kiosk"), SC_AUDIT_KIND_ROUNDS },
  { "access_code.fail", N_("A wrong access code was entered"), SC_AUDIT_KIND_ROUNDS },
  { "kiosk.enter", N_("Started the kiosk"), SC_AUDIT_KIND_ROUNDS },
  { "kiosk.leave", N_("Left the kiosk"), SC_AUDIT_KIND_ROUNDS },
  { "export.round", N_("Exported a round"), SC_AUDIT_KIND_ROUNDS },
  { "reminder.mark", N_("Marked a reminder as given"), SC_AUDIT_KIND_ROUNDS },
  { "reminder.unmark", N_("Took back a reminder mark"), SC_AUDIT_KIND_ROUNDS },
  { "report.export", N_("Made a report"), SC_AUDIT_KIND_ROUNDS },
  { "submission.add", N_("Answers were submitted at the kiosk"), SC_AUDIT_KIND_RESULTS },
  { "submission.paper", N_("Entered answers given on paper"), SC_AUDIT_KIND_RESULTS },
  { "result.read", N_("Opened an individual result"), SC_AUDIT_KIND_RESULTS },
  { "result.handover", N_("Recorded a result handed over"), SC_AUDIT_KIND_RESULTS },
  { "result_view.save", N_("An employee kept their result to view again"),
    SC_AUDIT_KIND_RESULTS },
  { "result_view.fail", N_("A wrong PIN was entered to view a result"), SC_AUDIT_KIND_RESULTS },
  { "consent.yes", N_("An employee agreed to share their result"), SC_AUDIT_KIND_RESULTS },
  { "consent.no", N_("An employee declined to share their result"), SC_AUDIT_KIND_RESULTS },
  { "consent.paper.yes", N_("Recorded consent given on paper"), SC_AUDIT_KIND_RESULTS },
  { "consent.paper.no", N_("Recorded a refusal given on paper"), SC_AUDIT_KIND_RESULTS },
  { "interview.decide", N_("Decided whether an interview is needed"), SC_AUDIT_KIND_RESULTS },
  { "interview.recommend", N_("Recommended an interview"), SC_AUDIT_KIND_RESULTS },
  { "interview.request", N_("An interview was requested"), SC_AUDIT_KIND_RESULTS },
  { "interview.request.paper", N_("Recorded an interview request made on paper"),
    SC_AUDIT_KIND_RESULTS },
  { "interview.record", N_("Saved an interview record"), SC_AUDIT_KIND_RESULTS },
  { "interview.measures", N_("Recorded the measures taken"), SC_AUDIT_KIND_RESULTS },
  { "analysis.open", N_("Opened a released group analysis"), SC_AUDIT_KIND_RESULTS },
  { "analysis.release", N_("Released a group analysis to HR"), SC_AUDIT_KIND_RESULTS },
  { "analysis.withdraw", N_("Withdrew a group analysis from HR"), SC_AUDIT_KIND_RESULTS },
};

#define SETTINGS_PREFIX "settings.set"

/* The kinds and roles in the order of the dropdowns. */
static const ScAuditKind kind_order[] = {
  SC_AUDIT_KIND_ALL, SC_AUDIT_KIND_VAULT, SC_AUDIT_KIND_SETTINGS, SC_AUDIT_KIND_ROUNDS,
  SC_AUDIT_KIND_RESULTS, SC_AUDIT_KIND_OTHER,
};
static const ScVaultRole who_order[] = {
  SC_VAULT_ROLE_NONE, SC_VAULT_ROLE_IMPLEMENTER, SC_VAULT_ROLE_HR, SC_VAULT_ROLE_KIOSK,
};

struct _ScAuditLogSection
{
  AdwBin          parent_instance;

  /* Template children */
  GtkSearchEntry *search_entry;
  GtkDropDown    *who_dropdown;
  GtkDropDown    *person_dropdown;
  GtkDropDown    *kind_dropdown;
  GtkListBox     *list;

  /* Owned references */
  ScVault        *vault;
  GPtrArray      *entries;      /* (element-type ScVaultAuditEntry), newest first */
  GArray         *person_ids;   /* gint64 per item of the person dropdown; 0: everyone */

  /* Plain state */
  ScVaultRole     who;
  gint64          person_id;    /* 0: anyone */
  ScAuditKind     kind;
};

G_DEFINE_FINAL_TYPE (ScAuditLogSection, sc_audit_log_section, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_VAULT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void fill_people (ScAuditLogSection *self);

char *
sc_audit_entry_describe_who (const ScVaultAuditEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);

  const char *role;

  switch (entry->role)
    {
    case SC_VAULT_ROLE_IMPLEMENTER:
      role = _("Implementer");
      break;
    case SC_VAULT_ROLE_HR:
      role = _("HR");
      break;
    case SC_VAULT_ROLE_KIOSK:
      role = _("Kiosk");
      break;
    case SC_VAULT_ROLE_NONE:
    default:
      role = _("Unknown");
      break;
    }

  /* Entries from before people had their own keys name only the role. */
  if (entry->person == NULL || *entry->person == '\0')
    return g_strdup (role);
  /* TRANSLATORS: who did it: a person's name, then their role */
  return g_strdup_printf (_("%s (%s)"), sc_gui_person_name (entry->person), role);
}

static const char *
settings_key (const char *action)
{
  if (!g_str_has_prefix (action, SETTINGS_PREFIX))
    return NULL;
  action += strlen (SETTINGS_PREFIX);
  return *action == '.' ? action + 1 : action;
}

char *
sc_audit_entry_describe_what (const ScVaultAuditEntry *entry)
{
  const char *key;

  g_return_val_if_fail (entry != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (g_strcmp0 (actions[i].code, entry->action) == 0)
      return g_strdup (_(actions[i].what));
  key = entry->action != NULL ? settings_key (entry->action) : NULL;
  if (key != NULL)
    {
      const char *name = sc_settings_describe_key (key);

      if (name == NULL)
        return g_strdup (_("Changed a setting"));
      /* Translators: %s is a setting's name, such as "Workplace name". */
      return g_strdup_printf (_("Changed the setting “%s”"), name);
    }
  /* An action a newer program wrote: its code is better than nothing. */
  return g_strdup (entry->action != NULL ? entry->action : "");
}

ScAuditKind
sc_audit_entry_get_kind (const ScVaultAuditEntry *entry)
{
  g_return_val_if_fail (entry != NULL, SC_AUDIT_KIND_OTHER);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (g_strcmp0 (actions[i].code, entry->action) == 0)
      return actions[i].kind;
  if (entry->action != NULL && settings_key (entry->action) != NULL)
    return SC_AUDIT_KIND_SETTINGS;
  return SC_AUDIT_KIND_OTHER;
}

/* The list */

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  ScAuditLogSection *self = user_data;
  const ScVaultAuditEntry *entry = g_object_get_data (G_OBJECT (row), "sc-audit-entry");
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (entry == NULL)
    return FALSE;
  if (self->who != SC_VAULT_ROLE_NONE && entry->role != self->who)
    return FALSE;
  if (self->person_id != 0 && entry->person_id != self->person_id)
    return FALSE;
  if (self->kind != SC_AUDIT_KIND_ALL && sc_audit_entry_get_kind (entry) != self->kind)
    return FALSE;
  if (search != NULL && *search != '\0')
    {
      g_autofree char *needle = g_utf8_casefold (search, -1);
      g_autofree char *title = g_utf8_casefold (adw_preferences_row_get_title (
                                                  ADW_PREFERENCES_ROW (row)), -1);
      g_autofree char *subtitle = g_utf8_casefold (adw_action_row_get_subtitle (
                                                     ADW_ACTION_ROW (row)), -1);

      return strstr (title, needle) != NULL || strstr (subtitle, needle) != NULL;
    }
  return TRUE;
}

static void
clear_list (ScAuditLogSection *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
}

void
sc_audit_log_section_reload (ScAuditLogSection *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) oldest_first = NULL;

  g_return_if_fail (SC_IS_AUDIT_LOG_SECTION (self));

  if (sc_load_when_shown_defer (GTK_WIDGET (self)))
    return;
  clear_list (self);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_vault_audit_entry_free);
  oldest_first = sc_vault_list_audit (self->vault, &error);
  if (oldest_first == NULL)
    {
      g_message ("The audit log cannot be read: %s", error->message);
      return;
    }
  /* Newest first: what happened last is what people look for. */
  for (guint i = oldest_first->len; i > 0; i--)
    g_ptr_array_add (self->entries, g_ptr_array_steal_index (oldest_first, i - 1));
  fill_people (self);

  for (guint i = 0; i < self->entries->len; i++)
    {
      const ScVaultAuditEntry *entry = g_ptr_array_index (self->entries, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *what = sc_audit_entry_describe_what (entry);
      g_autofree char *who = sc_audit_entry_describe_who (entry);
      g_autofree char *when = sc_admin_format_time (entry->time);
      g_autofree char *subtitle = NULL;

      /* Translators: the second line of an audit log entry: who, then when. */
      subtitle = g_strdup_printf (_("%s · %s"), who, when);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), what);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      g_object_set_data (G_OBJECT (row), "sc-audit-entry", (gpointer) entry);
      gtk_list_box_append (self->list, row);
    }
}

static void
refilter (ScAuditLogSection *self)
{
  gtk_list_box_invalidate_filter (self->list);
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  const ScVaultAuditEntry *ea = *(ScVaultAuditEntry * const *) a;
  const ScVaultAuditEntry *eb = *(ScVaultAuditEntry * const *) b;

  return g_utf8_collate (ea->person, eb->person);
}

/* The person dropdown: everyone, then each person named in the log (by their name as
 * the log gives it), keeping the one chosen. */
static void
fill_people (ScAuditLogSection *self)
{
  g_autoptr(GPtrArray) named = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GtkStringList) model = NULL;
  gint64 keep = self->person_id, none = 0;
  guint selected = 0;

  for (guint i = 0; i < self->entries->len; i++)
    {
      ScVaultAuditEntry *entry = g_ptr_array_index (self->entries, i);

      if (entry->person_id > 0 && entry->person != NULL
          && g_hash_table_add (seen, &entry->person_id))
        g_ptr_array_add (named, entry);
    }
  g_ptr_array_sort (named, compare_names);
  g_array_set_size (self->person_ids, 0);
  g_array_append_val (self->person_ids, none);
  model = gtk_string_list_new (NULL);
  gtk_string_list_append (model, _("All people"));
  for (guint i = 0; i < named->len; i++)
    {
      const ScVaultAuditEntry *entry = g_ptr_array_index (named, i);

      if (entry->person_id == keep)
        selected = self->person_ids->len;
      g_array_append_val (self->person_ids, entry->person_id);
      gtk_string_list_append (model, sc_gui_person_name (entry->person));
    }
  gtk_drop_down_set_model (self->person_dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (self->person_dropdown, selected);
  /* Vaults from before people had names: nothing to choose from. */
  gtk_widget_set_visible (GTK_WIDGET (self->person_dropdown), named->len > 0);
}

guint
sc_audit_log_section_get_n_shown (ScAuditLogSection *self)
{
  guint n = 0;

  g_return_val_if_fail (SC_IS_AUDIT_LOG_SECTION (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && filter_row (GTK_LIST_BOX_ROW (child), self))
      n++;
  return n;
}

AdwActionRow *
sc_audit_log_section_get_shown_row (ScAuditLogSection *self,
                                    guint              index)
{
  g_return_val_if_fail (SC_IS_AUDIT_LOG_SECTION (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && filter_row (GTK_LIST_BOX_ROW (child), self)
        && index-- == 0)
      return ADW_ACTION_ROW (child);
  return NULL;
}

void
sc_audit_log_section_set_filter (ScAuditLogSection *self,
                                 ScVaultRole        who,
                                 ScAuditKind        kind)
{
  g_return_if_fail (SC_IS_AUDIT_LOG_SECTION (self));

  for (guint i = 0; i < G_N_ELEMENTS (who_order); i++)
    if (who_order[i] == who)
      gtk_drop_down_set_selected (self->who_dropdown, i);
  for (guint i = 0; i < G_N_ELEMENTS (kind_order); i++)
    if (kind_order[i] == kind)
      gtk_drop_down_set_selected (self->kind_dropdown, i);
}

void
sc_audit_log_section_set_person (ScAuditLogSection *self,
                                 gint64             person_id)
{
  g_return_if_fail (SC_IS_AUDIT_LOG_SECTION (self));

  for (guint i = 0; i < self->person_ids->len; i++)
    if (g_array_index (self->person_ids, gint64, i) == person_id)
      gtk_drop_down_set_selected (self->person_dropdown, i);
}

GtkEditable *
sc_audit_log_section_get_search_entry (ScAuditLogSection *self)
{
  g_return_val_if_fail (SC_IS_AUDIT_LOG_SECTION (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

static void
on_dropdown_notify_selected_cb (ScAuditLogSection *self)
{
  guint who = gtk_drop_down_get_selected (self->who_dropdown);
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  guint person = gtk_drop_down_get_selected (self->person_dropdown);

  self->who = who < G_N_ELEMENTS (who_order) ? who_order[who] : SC_VAULT_ROLE_NONE;
  self->person_id = person < self->person_ids->len
                    ? g_array_index (self->person_ids, gint64, person) : 0;
  self->kind = kind < G_N_ELEMENTS (kind_order) ? kind_order[kind] : SC_AUDIT_KIND_ALL;
  refilter (self);
}

/* GObject */

static void
sc_audit_log_section_constructed (GObject *object)
{
  ScAuditLogSection *self = SC_AUDIT_LOG_SECTION (object);
  const char *who_names[] = {
    _("Everyone"), _("Implementer"), _("HR"), _("Kiosk"), NULL,
  };
  const char *kind_names[] = {
    _("All kinds"), _("Vault and keys"), _("Settings"), _("Rounds and kiosk"),
    _("Results and interviews"), _("Other"), NULL,
  };
  g_autoptr (GtkStringList) who_model = gtk_string_list_new (who_names);
  g_autoptr (GtkStringList) kind_model = gtk_string_list_new (kind_names);
  GtkWidget *placeholder;

  G_OBJECT_CLASS (sc_audit_log_section_parent_class)->constructed (object);

  gtk_drop_down_set_model (self->who_dropdown, G_LIST_MODEL (who_model));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kind_model));
  g_signal_connect_swapped (self->who_dropdown, "notify::selected",
                            G_CALLBACK (on_dropdown_notify_selected_cb), self);
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected",
                            G_CALLBACK (on_dropdown_notify_selected_cb), self);
  g_signal_connect_swapped (self->person_dropdown, "notify::selected",
                            G_CALLBACK (on_dropdown_notify_selected_cb), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (refilter), self);

  placeholder = gtk_label_new (_("No entries match."));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 24);
  gtk_widget_set_margin_bottom (placeholder, 24);
  gtk_list_box_set_placeholder (self->list, placeholder);
  gtk_list_box_set_filter_func (self->list, filter_row, self, NULL);

  /* Filled when first shown (unlock builds every section, and shows one). */
  sc_load_when_shown_init (GTK_WIDGET (self), (ScLoadFunc) sc_audit_log_section_reload);
}

static void
sc_audit_log_section_dispose (GObject *object)
{
  ScAuditLogSection *self = SC_AUDIT_LOG_SECTION (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_AUDIT_LOG_SECTION);
  g_clear_object (&self->vault);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->person_ids, g_array_unref);

  G_OBJECT_CLASS (sc_audit_log_section_parent_class)->dispose (object);
}

static void
sc_audit_log_section_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ScAuditLogSection *self = SC_AUDIT_LOG_SECTION (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      g_value_set_object (value, self->vault);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_audit_log_section_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ScAuditLogSection *self = SC_AUDIT_LOG_SECTION (object);

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
sc_audit_log_section_class_init (ScAuditLogSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sc_audit_log_section_constructed;
  object_class->dispose = sc_audit_log_section_dispose;
  object_class->get_property = sc_audit_log_section_get_property;
  object_class->set_property = sc_audit_log_section_set_property;

  properties[PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL, SC_TYPE_VAULT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/stresscheck/StressCheck/ui/"
                                               "sc-audit-log-section.ui");
  gtk_widget_class_bind_template_child (widget_class, ScAuditLogSection, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ScAuditLogSection, who_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScAuditLogSection, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScAuditLogSection, person_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScAuditLogSection, list);
}

static void
sc_audit_log_section_init (ScAuditLogSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

GtkWidget *
sc_audit_log_section_new (ScVault *vault)
{
  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  return g_object_new (SC_TYPE_AUDIT_LOG_SECTION, "vault", vault, NULL);
}
