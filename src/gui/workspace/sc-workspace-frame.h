/* sc-workspace-frame.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ScWorkspace: what the implementer and HR see after unlocking (DESIGN.md §5, issue 8). A
 * sidebar of sections in an AdwLeaflet (it folds on a narrow window, with a button back to
 * the sections), the round every section shows chosen at the top (newest first, with New
 * Round beside it), the role, and a toast overlay that reports every change to the vault.
 *
 * A section the role may not see does not exist for it: it is never created, so it is not
 * in the sidebar and no action or key reaches it (DESIGN.md §3). Sections are added with
 * sc_workspace_add_section(); a section widget with a writable "round-id" property follows
 * the chosen round, one with a "busy" property makes the workspace busy while it works.
 *
 * Any widget inside may report to the person with the action "workspace.toast" (a string).
 * Keys: Alt+1…9 go to a section, Ctrl+Page Up/Down to the previous or next one, Ctrl+F
 * searches the list of the current section.
 *
 * (The file is not called sc-workspace.h, which is the core's workspace layer.)
 *
 * Signal "start-kiosk" (gint64 round_id): the person confirmed that the kiosk should start.
 */
#pragma once

#include <adwaita.h>

#include "sc-vault.h"

G_BEGIN_DECLS

#define SC_TYPE_WORKSPACE (sc_workspace_get_type ())

G_DECLARE_FINAL_TYPE (ScWorkspace, sc_workspace, SC, WORKSPACE, AdwBin)

/* Section ids */
#define SC_SECTION_OVERVIEW       "overview"
#define SC_SECTION_PARTICIPATION  "participation"
#define SC_SECTION_RESULTS        "results"
#define SC_SECTION_SHARED_RESULTS "shared-results"
#define SC_SECTION_INTERVIEWS     "interviews"
#define SC_SECTION_GROUP_ANALYSIS "group-analysis"
#define SC_SECTION_REPORTS        "reports"
#define SC_SECTION_EMPLOYEES      "employees"
#define SC_SECTION_SETTINGS       "settings"
#define SC_SECTION_PEOPLE         "people"
#define SC_SECTION_BACKUP         "backup"
#define SC_SECTION_AUDIT_LOG      "audit-log"

/* @vault: unlocked with the implementer or HR role. */
GtkWidget          *sc_workspace_new                    (ScVault     *vault);

ScVault            *sc_workspace_get_vault              (ScWorkspace *self);

/**
 * sc_workspace_add_section:
 * @id: a section id (SC_SECTION_*)
 * @title: the translated title in the sidebar
 * @icon: a symbolic icon name
 * @widget: (transfer floating): the section
 *
 * Adds a section at the end of the sidebar. Callers add only what the role may see.
 */
void                sc_workspace_add_section            (ScWorkspace *self,
                                                         const char  *id,
                                                         const char  *title,
                                                         const char  *icon,
                                                         GtkWidget   *widget);

/* The section's widget, or %NULL when the role has no such section. */
GtkWidget          *sc_workspace_get_section            (ScWorkspace *self,
                                                         const char  *id);

/* Shows the section; %FALSE (nothing changes) when the role has no such section. */
gboolean            sc_workspace_show_section           (ScWorkspace *self,
                                                         const char  *id);

const char         *sc_workspace_get_visible_section    (ScWorkspace *self);

/* (transfer full) the ids of the sections, in the sidebar's order. */
GStrv               sc_workspace_list_sections          (ScWorkspace *self);

/* The round every section shows (0 when the vault has no round). */
gint64              sc_workspace_get_round_id           (ScWorkspace *self);
void                sc_workspace_set_round_id           (ScWorkspace *self,
                                                         gint64       round_id);

/* Reads the rounds again (keeping the chosen one when it is still there). */
void                sc_workspace_reload_rounds          (ScWorkspace *self);

/* Opens the dialog that creates a round (implementer only). */
void                sc_workspace_new_round              (ScWorkspace *self);

/* The open rounds with the kiosk buttons (on the Overview). */
GtkWidget          *sc_workspace_get_round_page         (ScWorkspace *self);

/* Puts @banner (a notice such as the backup reminder) above every section, below the
 * section's title; it shows and hides itself. */
void                sc_workspace_add_banner             (ScWorkspace *self,
                                                         GtkWidget   *banner);

void                sc_workspace_show_toast             (ScWorkspace *self,
                                                         const char  *message);

/* While a task runs on the vault nothing in the workspace may start another. */
void                sc_workspace_set_busy               (ScWorkspace *self,
                                                         gboolean     busy);
gboolean            sc_workspace_get_busy               (ScWorkspace *self);

/* The employee numbers of the non-responders chosen under Participation for printed
 * reminder slips (the Reports section prints them); empty, never %NULL. */
const char * const *sc_workspace_get_reminder_selection (ScWorkspace *self);

G_END_DECLS
