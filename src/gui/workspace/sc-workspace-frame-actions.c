/* sc-workspace-frame-actions.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workspace's actions: a toast from any section, moving between sections by keyboard,
 * Ctrl+F into the current section's search, and opening Reports with a scope chosen in
 * another section (reminder slips from Participation, the results list from Results).
 */
#define G_LOG_DOMAIN "sc-workspace"

#include "config.h"

#include "sc-workspace-frame-private.h"
#include "sc-participation-section.h"
#include "sc-reports-section.h"

static void
toast_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  sc_workspace_show_toast (SC_WORKSPACE (widget), g_variant_get_string (parameter, NULL));
}

static void
show_nth_section (ScWorkspace *self,
                  int          index)
{
  Section *section;

  if (index < 0 || (guint) index >= self->sections->len)
    return;
  section = g_ptr_array_index (self->sections, index);
  sc_workspace_show_section (self, section->id);
  gtk_widget_grab_focus (section->row);
}

static int
get_visible_index (ScWorkspace *self)
{
  guint index = 0;

  if (_sc_workspace_find_section (self, sc_workspace_get_visible_section (self),
                                  &index) == NULL)
    return -1;
  return index;
}

static void
section_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  show_nth_section (SC_WORKSPACE (widget), g_variant_get_int32 (parameter) - 1);
}

static void
next_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ScWorkspace *self = SC_WORKSPACE (widget);

  show_nth_section (self, (get_visible_index (self) + 1) % self->sections->len);
}

static void
previous_section_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  ScWorkspace *self = SC_WORKSPACE (widget);
  int index = get_visible_index (self);

  show_nth_section (self, index > 0 ? index - 1 : (int) self->sections->len - 1);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ScWorkspace *self = SC_WORKSPACE (widget);
  GtkWidget *visible = gtk_stack_get_visible_child (self->section_stack);
  GtkWidget *child;

  if (visible == NULL)
    return;
  if (SC_IS_PARTICIPATION_SECTION (visible))
    {
      sc_participation_section_focus_search (SC_PARTICIPATION_SECTION (visible));
      return;
    }

  /* Another section's list: its first search entry, if it has one. */
  child = visible;
  while (child != NULL && !GTK_IS_SEARCH_ENTRY (child))
    {
      if (gtk_widget_get_first_child (child) != NULL)
        child = gtk_widget_get_first_child (child);
      else
        {
          while (child != visible && gtk_widget_get_next_sibling (child) == NULL)
            child = gtk_widget_get_parent (child);
          child = child != visible ? gtk_widget_get_next_sibling (child) : NULL;
        }
    }
  if (child != NULL)
    gtk_widget_grab_focus (child);
}

static ScReportsSection *
show_reports (ScWorkspace *self)
{
  GtkWidget *reports = sc_workspace_get_section (self, SC_SECTION_REPORTS);

  if (reports == NULL || !sc_workspace_show_section (self, SC_SECTION_REPORTS))
    return NULL;
  return SC_REPORTS_SECTION (reports);
}

/* Reminder slips for the non-responders kept under Participation. */
static void
print_reminders_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ScWorkspace *self = SC_WORKSPACE (widget);
  ScReportsSection *reports = show_reports (self);

  if (reports != NULL)
    sc_reports_section_show_reminders (reports, sc_workspace_get_reminder_selection (self));
}

/* The results list with a filter (SC_RESULT_FILTER_*) and a search. */
static void
print_results_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ScReportsSection *reports = show_reports (SC_WORKSPACE (widget));
  guint32 filter;
  const char *search;

  g_variant_get (parameter, "(u&s)", &filter, &search);
  if (reports != NULL)
    sc_reports_section_show_results (reports, filter, search);
}

/* The group report of a released analysis (HR's "Print…" in Group Analysis). */
static void
print_release_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ScReportsSection *reports = show_reports (SC_WORKSPACE (widget));

  if (reports != NULL)
    sc_reports_section_show_release (reports, g_variant_get_int64 (parameter));
}

void
_sc_workspace_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "workspace.toast", "s", toast_action);
  gtk_widget_class_install_action (widget_class, "workspace.section", "i", section_action);
  gtk_widget_class_install_action (widget_class, "workspace.next-section", NULL,
                                   next_section_action);
  gtk_widget_class_install_action (widget_class, "workspace.previous-section", NULL,
                                   previous_section_action);
  gtk_widget_class_install_action (widget_class, "workspace.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "workspace.print-reminders", NULL,
                                   print_reminders_action);
  gtk_widget_class_install_action (widget_class, "workspace.print-results", "(us)",
                                   print_results_action);
  gtk_widget_class_install_action (widget_class, "workspace.print-release", "x",
                                   print_release_action);

  for (int i = 1; i <= 9; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + i, GDK_ALT_MASK,
                                         "workspace.section", "i", i);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "workspace.next-section", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "workspace.previous-section", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "workspace.search", NULL);
}
