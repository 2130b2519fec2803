/* sc-workspace-frame.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-workspace"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-workspace-frame-private.h"
#include "sc-overview-section.h"
#include "sc-participation-section.h"
#include "sc-results-section.h"
#include "sc-rounds-section.h"
#include "sc-interviews-section.h"
#include "sc-group-section.h"
#include "sc-employees-section.h"
#include "sc-reports-section.h"
#include "sc-people-section.h"
#include "sc-retention-section.h"
#include "sc-gui-vault.h"
#include "sc-round-page.h"
#include "sc-vault-async.h"
#include "sc-vault-people.h"
#include "sc-admin-sections.h"

G_DEFINE_FINAL_TYPE (ScWorkspace, sc_workspace, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_VAULT,
  PROP_ROUND_ID,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_START_KIOSK,
  SIGNAL_REOPEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
section_free (Section *section)
{
  g_free (section->id);
  g_free (section->title);
  g_free (section);
}

Section *
_sc_workspace_find_section (ScWorkspace *self,
                            const char  *id,
                            guint       *out_index)
{
  for (guint i = 0; i < self->sections->len; i++)
    {
      Section *section = g_ptr_array_index (self->sections, i);

      if (g_strcmp0 (section->id, id) == 0)
        {
          if (out_index != NULL)
            *out_index = i;
          return section;
        }
    }
  return NULL;
}

static gboolean
is_implementer (ScWorkspace *self)
{
  return sc_vault_get_role (self->vault) == SC_VAULT_ROLE_IMPLEMENTER;
}

/* Busy */

static gboolean
section_is_busy (Section *section)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (section->widget), "busy");
  gboolean busy = FALSE;

  if (pspec != NULL && pspec->value_type == G_TYPE_BOOLEAN)
    g_object_get (section->widget, "busy", &busy, NULL);
  return busy;
}

static void
update_busy (ScWorkspace *self)
{
  gboolean busy = self->external_busy;

  for (guint i = 0; i < self->sections->len && !busy; i++)
    busy = section_is_busy (g_ptr_array_index (self->sections, i));

  gtk_widget_set_sensitive (GTK_WIDGET (self->round_dropdown), !busy);
  if (self->overview != NULL)
    sc_round_page_set_busy (SC_ROUND_PAGE (sc_workspace_get_round_page (self)), busy);

  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Sections */

static void
set_section_round (Section *section,
                   gint64   round_id)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (section->widget),
                                                    "round-id");

  /* A section made for one round (construct-only) keeps it. */
  if (pspec != NULL && pspec->value_type == G_TYPE_INT64 && (pspec->flags & G_PARAM_WRITABLE) &&
      !(pspec->flags & G_PARAM_CONSTRUCT_ONLY))
    g_object_set (section->widget, "round-id", round_id, NULL);
}

gboolean
sc_workspace_show_section (ScWorkspace *self,
                           const char  *id)
{
  Section *section;

  g_return_val_if_fail (SC_IS_WORKSPACE (self), FALSE);

  section = _sc_workspace_find_section (self, id, NULL);
  if (section == NULL)
    return FALSE;

  gtk_stack_set_visible_child (self->section_stack, section->widget);
  gtk_list_box_select_row (self->section_list, GTK_LIST_BOX_ROW (section->row));
  gtk_label_set_text (self->section_title, section->title);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);
  return TRUE;
}

static void
on_section_list_row_activated_cb (GtkListBox    *list,
                                  GtkListBoxRow *row,
                                  ScWorkspace   *self)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint) index < self->sections->len)
    {
      Section *section = g_ptr_array_index (self->sections, index);

      sc_workspace_show_section (self, section->id);
      gtk_widget_child_focus (section->widget, GTK_DIR_TAB_FORWARD);
    }
}

/* Arrow keys in the sidebar move the selection: side by side, the section follows at once
 * (folded, the list stays until a row is activated). */
static void
on_section_list_row_selected_cb (GtkListBox    *list,
                                 GtkListBoxRow *row,
                                 ScWorkspace   *self)
{
  int index = row != NULL ? gtk_list_box_row_get_index (row) : -1;
  Section *section;

  if (index < 0 || (guint) index >= self->sections->len || adw_leaflet_get_folded (self->leaflet))
    return;
  section = g_ptr_array_index (self->sections, index);
  if (gtk_stack_get_visible_child (self->section_stack) != section->widget)
    sc_workspace_show_section (self, section->id);
}

static void
on_section_notify_busy_cb (ScWorkspace *self)
{
  update_busy (self);
}

void
sc_workspace_add_section (ScWorkspace *self,
                          const char  *id,
                          const char  *title,
                          const char  *icon,
                          GtkWidget   *widget)
{
  Section *section;
  GtkWidget *box;
  GtkWidget *image;
  GtkWidget *label;

  g_return_if_fail (SC_IS_WORKSPACE (self));
  g_return_if_fail (id != NULL && title != NULL);
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (_sc_workspace_find_section (self, id, NULL) == NULL);

  section = g_new0 (Section, 1);
  section->id = g_strdup (id);
  section->title = g_strdup (title);
  section->widget = widget;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  image = gtk_image_new_from_icon_name (icon);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  section->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (section->row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (section->row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, -1);
  gtk_list_box_append (self->section_list, section->row);

  /* A screen reader names the region it is in after the section. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  gtk_stack_add_named (self->section_stack, widget, id);
  g_ptr_array_add (self->sections, section);

  set_section_round (section, self->round_id);
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "busy") != NULL)
    g_signal_connect_object (widget, "notify::busy", G_CALLBACK (on_section_notify_busy_cb), self,
                             G_CONNECT_SWAPPED);

  if (self->sections->len == 1)
    sc_workspace_show_section (self, id);
}

static void
on_round_page_start_kiosk_cb (ScRoundPage *page,
                              gint64       round_id,
                              ScWorkspace *self)
{
  g_signal_emit (self, signals[SIGNAL_START_KIOSK], 0, round_id);
}

static void
on_round_page_round_created_cb (ScRoundPage *page,
                                gint64       round_id,
                                ScWorkspace *self)
{
  sc_workspace_reload_rounds (self);
  sc_workspace_set_round_id (self, round_id);
  sc_workspace_show_toast (self, _("The round was created"));
}

static void
on_overview_round_closed_cb (ScOverviewSection *overview,
                             gint64             round_id,
                             ScWorkspace       *self)
{
  sc_workspace_reload_rounds (self);
}

/* The sections the role may see, and only those (DESIGN.md §3). */
static void
on_section_toast_cb (ScWorkspace *self,
                     const char  *message)
{
  sc_workspace_show_toast (self, message);
}

/* A section changed the vault: the others that show what changed list it again (a
 * decision or a paper form adds a person to Interviews; an interview step shows in
 * Results; both change the Overview's counts, a paper form Participation). */
static void
on_section_changed_cb (ScWorkspace *self,
                       GtkWidget   *origin)
{
  const char * const ids[] = {
    SC_SECTION_OVERVIEW, SC_SECTION_PARTICIPATION, SC_SECTION_RESULTS,
    SC_SECTION_SHARED_RESULTS, SC_SECTION_INTERVIEWS,
  };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      GtkWidget *section = sc_workspace_get_section (self, ids[i]);

      if (section == NULL || section == origin)
        continue;
      if (SC_IS_OVERVIEW_SECTION (section))
        sc_overview_section_reload (SC_OVERVIEW_SECTION (section));
      else if (SC_IS_PARTICIPATION_SECTION (section))
        sc_participation_section_reload (SC_PARTICIPATION_SECTION (section));
      else if (SC_IS_RESULTS_SECTION (section))
        sc_results_section_reload (SC_RESULTS_SECTION (section));
      else if (SC_IS_INTERVIEWS_SECTION (section))
        sc_interviews_section_reload (SC_INTERVIEWS_SECTION (section));
    }
}

static void
add_sections (ScWorkspace *self)
{
  gboolean implementer = is_implementer (self);

  self->overview = sc_overview_section_new (self->vault, self->round_id);
  g_signal_connect_object (sc_overview_section_get_round_page (SC_OVERVIEW_SECTION (self->overview)),
                           "start-kiosk", G_CALLBACK (on_round_page_start_kiosk_cb), self, 0);
  g_signal_connect_object (sc_overview_section_get_round_page (SC_OVERVIEW_SECTION (self->overview)),
                           "round-created", G_CALLBACK (on_round_page_round_created_cb), self, 0);
  g_signal_connect_object (self->overview, "round-closed",
                           G_CALLBACK (on_overview_round_closed_cb), self, 0);
  sc_workspace_add_section (self, SC_SECTION_OVERVIEW, _("Overview"), "view-grid-symbolic",
                            self->overview);

  self->participation = sc_participation_section_new (self->vault, self->round_id);
  sc_workspace_add_section (self, SC_SECTION_PARTICIPATION, _("Participation"),
                            "object-select-symbolic", self->participation);

  /* SECURITY: the results of everyone are the implementer's. HR gets its own section, under
   * another id, with only the results the employees agreed to share: the core gives HR no
   * other rows, and the results widgets show them read-only, without the raw answers. */
  {
    GtkWidget *results = GTK_WIDGET (sc_results_section_new (self->vault, self->round_id));

    g_signal_connect_object (results, "toast", G_CALLBACK (on_section_toast_cb), self,
                             G_CONNECT_SWAPPED);
    g_signal_connect_object (results, "changed", G_CALLBACK (on_section_changed_cb), self,
                             G_CONNECT_SWAPPED);
    if (implementer)
      sc_workspace_add_section (self, SC_SECTION_RESULTS, _("Results"), "view-list-symbolic",
                                results);
    else
      sc_workspace_add_section (self, SC_SECTION_SHARED_RESULTS, _("Shared Results"),
                                "view-list-symbolic", results);
  }

  /* HR's interviews section lists only the people who asked (the core gives HR no more). */
  {
    GtkWidget *interviews = GTK_WIDGET (sc_interviews_section_new (self->vault,
                                                                   self->round_id));

    g_signal_connect_object (interviews, "toast", G_CALLBACK (on_section_toast_cb), self,
                             G_CONNECT_SWAPPED);
    g_signal_connect_object (interviews, "changed", G_CALLBACK (on_section_changed_cb), self,
                             G_CONNECT_SWAPPED);
    sc_workspace_add_section (self, SC_SECTION_INTERVIEWS, _("Interviews"),
                              "system-users-symbolic", interviews);
  }

  /* HR's section shows the analyses the implementer released, nothing else (the core). */
  {
    GtkWidget *group = sc_group_section_new (self->vault, self->round_id);

    g_signal_connect_object (group, "toast", G_CALLBACK (on_section_toast_cb), self,
                             G_CONNECT_SWAPPED);
    sc_workspace_add_section (self, SC_SECTION_GROUP_ANALYSIS, _("Group Analysis"),
                              "x-office-presentation-symbolic", group);
  }

  {
    GtkWidget *reports = sc_reports_section_new (self->vault, self->round_id);

    g_signal_connect_object (reports, "toast", G_CALLBACK (on_section_toast_cb), self,
                             G_CONNECT_SWAPPED);
    sc_workspace_add_section (self, SC_SECTION_REPORTS, _("Reports"), "printer-symbolic", reports);
  }

  /* HR sees the rounds and who has a code, read-only (the section shows HR no buttons). */
  {
    GtkWidget *rounds = sc_rounds_section_new (self->vault, self->round_id);

    g_signal_connect_object (rounds, "toast", G_CALLBACK (on_section_toast_cb), self,
                             G_CONNECT_SWAPPED);
    g_signal_connect_object (rounds, "rounds-changed", G_CALLBACK (sc_workspace_reload_rounds),
                             self, G_CONNECT_SWAPPED);
    sc_workspace_add_section (self, SC_SECTION_ROUNDS, _("Rounds"),
                              "x-office-calendar-symbolic", rounds);
  }

  /* Implementer and HR alike: the roster holds no health data. */
  {
    GtkWidget *employees = sc_employees_section_new (self->vault);

    g_signal_connect_object (employees, "toast", G_CALLBACK (on_section_toast_cb), self,
                             G_CONNECT_SWAPPED);
    sc_workspace_add_section (self, SC_SECTION_EMPLOYEES, _("Employees"),
                              "contact-new-symbolic", employees);
  }

  {
    GtkWidget *people = sc_people_section_new (self->vault);

    g_signal_connect_object (people, "toast", G_CALLBACK (on_section_toast_cb), self,
                             G_CONNECT_SWAPPED);
    sc_workspace_add_section (self, SC_SECTION_PEOPLE, C_("workspace section", "People"), "system-users-symbolic",
                              people);
  }

  /* Purging old rounds is the implementer's; HR has no such section. */
  if (implementer)
    {
      GtkWidget *retention = sc_retention_section_new (self->vault);

      g_signal_connect_object (retention, "toast", G_CALLBACK (on_section_toast_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (retention, "rounds-changed",
                               G_CALLBACK (sc_workspace_reload_rounds), self, G_CONNECT_SWAPPED);
      sc_workspace_add_section (self, SC_SECTION_RETENTION, _("Retention"),
                                "user-trash-symbolic", retention);
    }

  sc_admin_add_sections (self);
}

/* Rounds */

static void
on_round_dropdown_notify_selected_cb (ScWorkspace *self)
{
  guint selected = gtk_drop_down_get_selected (self->round_dropdown);

  if (self->loading_rounds || selected == GTK_INVALID_LIST_POSITION ||
      selected >= self->round_ids->len)
    return;
  sc_workspace_set_round_id (self, g_array_index (self->round_ids, gint64, selected));
}

static void
select_round_in_dropdown (ScWorkspace *self)
{
  for (guint i = 0; i < self->round_ids->len; i++)
    if (g_array_index (self->round_ids, gint64, i) == self->round_id)
      {
        self->loading_rounds = TRUE;
        gtk_drop_down_set_selected (self->round_dropdown, i);
        self->loading_rounds = FALSE;
        return;
      }
}

void
sc_workspace_reload_rounds (ScWorkspace *self)
{
  g_autoptr (GPtrArray) rounds = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  gint64 wanted = 0;
  gboolean still_there = FALSE;

  g_return_if_fail (SC_IS_WORKSPACE (self));

  rounds = sc_vault_list_rounds (self->vault, &error);
  if (rounds == NULL)
    {
      sc_workspace_show_toast (self, error->message);
      rounds = g_ptr_array_new ();
    }

  g_array_set_size (self->round_ids, 0);
  /* Newest first: that is the one people look for. */
  for (guint i = rounds->len; i > 0; i--)
    {
      const ScVaultRound *round = g_ptr_array_index (rounds, i - 1);

      g_array_append_val (self->round_ids, round->id);
      if (round->closed)
        /* Translators: a closed round in the list of rounds. */
        g_ptr_array_add (names, g_strdup_printf (_("%s (closed)"), round->name));
      else
        g_ptr_array_add (names, g_strdup (round->name));
      if (round->id == self->round_id)
        still_there = TRUE;
      if (wanted == 0 && !round->closed)
        wanted = round->id;
    }
  g_ptr_array_add (names, NULL);

  self->loading_rounds = TRUE;
  gtk_string_list_splice (self->round_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->round_names)),
                          (const char * const *) names->pdata);
  self->loading_rounds = FALSE;

  /* An empty dropdown would be a button without a name: it gives way to a label. */
  gtk_widget_set_visible (GTK_WIDGET (self->round_dropdown), self->round_ids->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_round_label), self->round_ids->len == 0);

  if (still_there)
    wanted = self->round_id;
  else if (wanted == 0 && self->round_ids->len > 0)
    wanted = g_array_index (self->round_ids, gint64, 0);

  if (wanted != self->round_id)
    sc_workspace_set_round_id (self, wanted);
  else
    select_round_in_dropdown (self);
}

void
sc_workspace_set_round_id (ScWorkspace *self,
                           gint64       round_id)
{
  g_return_if_fail (SC_IS_WORKSPACE (self));

  if (self->round_id == round_id)
    return;

  self->round_id = round_id;
  select_round_in_dropdown (self);
  for (guint i = 0; i < self->sections->len; i++)
    set_section_round (g_ptr_array_index (self->sections, i), round_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROUND_ID]);
}

/* Leaflet */

static void
on_leaflet_notify_folded_cb (ScWorkspace *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->sections_button),
                          adw_leaflet_get_folded (self->leaflet));
}

static void
on_sections_button_clicked_cb (ScWorkspace *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->section_list));
}

/* GObject */

static void
sc_workspace_constructed (GObject *object)
{
  ScWorkspace *self = SC_WORKSPACE (object);
  gboolean implementer;

  G_OBJECT_CLASS (sc_workspace_parent_class)->constructed (object);

  g_return_if_fail (self->vault != NULL);
  implementer = is_implementer (self);

  gtk_label_set_text (self->role_label, implementer ? _("Implementer (実施者)")
                                                    : _("HR (実務担当者)"));
  /* The person whose own passphrase unlocked; a slot from before names says the role. */
  if (sc_vault_get_person_name (self->vault) != NULL)
    {
      g_autofree char *person = g_strdup_printf (_("Unlocked by %s"),
                                                 sc_gui_person_name (
                                                   sc_vault_get_person_name (self->vault)));

      gtk_label_set_text (self->person_label, person);
    }
  else
    gtk_label_set_text (self->person_label,
                        implementer ? _("Unlocked with the implementer's passphrase")
                                    : _("Unlocked with HR's passphrase"));
  /* Rounds are the implementer's: for HR the button is not offered. */
  gtk_widget_set_visible (GTK_WIDGET (self->new_round_button), implementer);

  sc_workspace_reload_rounds (self);
  add_sections (self);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  on_leaflet_notify_folded_cb (self);
}

static void
sc_workspace_dispose (GObject *object)
{
  ScWorkspace *self = SC_WORKSPACE (object);

  self->overview = NULL;
  self->participation = NULL;
  /* The leaflet is AdwBin's child and a template child: AdwBin lets go of it first, or
   * dispose_template would unparent it behind AdwBin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_WORKSPACE);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_object (&self->round_names);
  g_clear_object (&self->vault);

  G_OBJECT_CLASS (sc_workspace_parent_class)->dispose (object);
}

static void
sc_workspace_finalize (GObject *object)
{
  ScWorkspace *self = SC_WORKSPACE (object);

  g_clear_pointer (&self->round_ids, g_array_unref);

  G_OBJECT_CLASS (sc_workspace_parent_class)->finalize (object);
}

static void
sc_workspace_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ScWorkspace *self = SC_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      g_value_set_object (value, self->vault);
      break;
    case PROP_ROUND_ID:
      g_value_set_int64 (value, self->round_id);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_workspace_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ScWorkspace *self = SC_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      self->vault = g_value_dup_object (value);
      break;
    case PROP_ROUND_ID:
      sc_workspace_set_round_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_workspace_class_init (ScWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sc_workspace_constructed;
  object_class->dispose = sc_workspace_dispose;
  object_class->finalize = sc_workspace_finalize;
  object_class->get_property = sc_workspace_get_property;
  object_class->set_property = sc_workspace_set_property;

  /**
   * ScWorkspace:vault:
   *
   * The unlocked vault (implementer or HR role); the role decides which sections exist.
   */
  properties[PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL, SC_TYPE_VAULT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScWorkspace:round-id:
   *
   * The round every section shows; 0 when the vault has none.
   */
  properties[PROP_ROUND_ID] =
    g_param_spec_int64 ("round-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScWorkspace:busy:
   *
   * Whether a task runs on the vault (a section's change, or the window's kiosk start).
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_START_KIOSK] =
    g_signal_new ("start-kiosk",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  /* The vault was locked under the workspace (a backup restored): open it again. */
  signals[SIGNAL_REOPEN] =
    g_signal_new ("reopen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (SC_TYPE_ROUND_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sc-workspace-frame.ui");
  gtk_widget_class_bind_template_child (widget_class, ScWorkspace, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ScWorkspace, sidebar);
  gtk_widget_class_bind_template_child (widget_class, ScWorkspace, role_label);
  gtk_widget_class_bind_template_child (widget_class, ScWorkspace, person_label);
  gtk_widget_class_bind_template_child (widget_class, ScWorkspace, round_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScWorkspace, no_round_label);
  gtk_widget_class_bind_template_child (widget_class, ScWorkspace, new_round_button);
  gtk_widget_class_bind_template_child (widget_class, ScWorkspace, section_list);
  gtk_widget_class_bind_template_child (widget_class, ScWorkspace, content);
  gtk_widget_class_bind_template_child (widget_class, ScWorkspace, sections_button);
  gtk_widget_class_bind_template_child (widget_class, ScWorkspace, section_title);
  gtk_widget_class_bind_template_child (widget_class, ScWorkspace, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ScWorkspace, section_stack);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_notify_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_round_dropdown_notify_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_section_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_section_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sections_button_clicked_cb);

  _sc_workspace_class_add_actions (widget_class);
}

static void
sc_workspace_init (ScWorkspace *self)
{
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);
  self->round_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));

  self->round_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->round_dropdown, G_LIST_MODEL (self->round_names));
}

GtkWidget *
sc_workspace_new (ScVault *vault)
{
  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  return g_object_new (SC_TYPE_WORKSPACE,
                       "vault", vault,
                       NULL);
}

ScVault *
sc_workspace_get_vault (ScWorkspace *self)
{
  g_return_val_if_fail (SC_IS_WORKSPACE (self), NULL);

  return self->vault;
}

GtkWidget *
sc_workspace_get_section (ScWorkspace *self,
                          const char  *id)
{
  Section *section;

  g_return_val_if_fail (SC_IS_WORKSPACE (self), NULL);

  section = _sc_workspace_find_section (self, id, NULL);
  return section != NULL ? section->widget : NULL;
}

const char *
sc_workspace_get_visible_section (ScWorkspace *self)
{
  g_return_val_if_fail (SC_IS_WORKSPACE (self), NULL);

  return gtk_stack_get_visible_child_name (self->section_stack);
}

GStrv
sc_workspace_list_sections (ScWorkspace *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (SC_IS_WORKSPACE (self), NULL);

  for (guint i = 0; i < self->sections->len; i++)
    g_strv_builder_add (builder, ((Section *) g_ptr_array_index (self->sections, i))->id);
  return g_strv_builder_end (builder);
}

gint64
sc_workspace_get_round_id (ScWorkspace *self)
{
  g_return_val_if_fail (SC_IS_WORKSPACE (self), 0);

  return self->round_id;
}

void
sc_workspace_new_round (ScWorkspace *self)
{
  g_return_if_fail (SC_IS_WORKSPACE (self));

  if (self->busy || !is_implementer (self))
    return;
  sc_round_page_new_round (SC_ROUND_PAGE (sc_workspace_get_round_page (self)));
}

GtkWidget *
sc_workspace_get_round_page (ScWorkspace *self)
{
  g_return_val_if_fail (SC_IS_WORKSPACE (self), NULL);

  if (self->overview == NULL)
    return NULL;
  return sc_overview_section_get_round_page (SC_OVERVIEW_SECTION (self->overview));
}

void
sc_workspace_add_banner (ScWorkspace *self,
                         GtkWidget   *banner)
{
  g_return_if_fail (SC_IS_WORKSPACE (self));
  g_return_if_fail (GTK_IS_WIDGET (banner));

  /* Outside the toast overlay: a toast never covers it, nor it a toast. */
  gtk_box_insert_child_after (GTK_BOX (self->content), banner,
                              gtk_widget_get_prev_sibling (GTK_WIDGET (self->toast_overlay)));
}

void
sc_workspace_show_toast (ScWorkspace *self,
                         const char  *message)
{
  AdwToast *toast;

  g_return_if_fail (SC_IS_WORKSPACE (self));
  g_return_if_fail (message != NULL);

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
sc_workspace_set_busy (ScWorkspace *self,
                       gboolean     busy)
{
  g_return_if_fail (SC_IS_WORKSPACE (self));

  self->external_busy = !!busy;
  update_busy (self);
}

gboolean
sc_workspace_get_busy (ScWorkspace *self)
{
  g_return_val_if_fail (SC_IS_WORKSPACE (self), FALSE);

  return self->busy;
}

const char * const *
sc_workspace_get_reminder_selection (ScWorkspace *self)
{
  static const char * const empty[] = { NULL };

  g_return_val_if_fail (SC_IS_WORKSPACE (self), NULL);

  if (self->participation == NULL)
    return empty;
  return sc_participation_section_get_reminder_selection (SC_PARTICIPATION_SECTION (self->participation));
}
