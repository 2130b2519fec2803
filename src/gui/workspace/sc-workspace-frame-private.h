/* sc-workspace-frame-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What sc-workspace-frame.c (the frame) and sc-workspace-frame-actions.c (its actions and
 * key bindings) share.
 */
#pragma once

#include "sc-workspace-frame.h"

G_BEGIN_DECLS

typedef struct
{
  char      *id;
  char      *title;
  GtkWidget *widget;   /* borrowed: the stack holds it */
  GtkWidget *row;      /* borrowed: the list holds it */
} Section;

struct _ScWorkspace
{
  AdwBin           parent_instance;

  /* Template children */
  AdwLeaflet      *leaflet;
  GtkWidget       *sidebar;
  GtkLabel        *role_label;
  GtkLabel        *person_label;
  GtkDropDown     *round_dropdown;
  GtkLabel        *no_round_label;
  GtkButton       *new_round_button;
  GtkListBox      *section_list;
  GtkWidget       *content;
  GtkButton       *sections_button;
  GtkLabel        *section_title;
  AdwToastOverlay *toast_overlay;
  GtkStack        *section_stack;

  /* Owned references */
  ScVault         *vault;
  GPtrArray       *sections;        /* (element-type Section) */
  GtkStringList   *round_names;
  GArray          *round_ids;       /* (element-type gint64), in the dropdown's order */

  /* Borrowed references */
  GtkWidget       *overview;
  GtkWidget       *participation;

  /* Plain state */
  gint64           round_id;
  gboolean         external_busy;
  gboolean         busy;
  gboolean         loading_rounds;
};

/* The section with @id, and its place in the sidebar (nullable). */
Section *_sc_workspace_find_section    (ScWorkspace     *self,
                                        const char      *id,
                                        guint           *out_index);

/* Installs the workspace.* actions and their keys (Alt+1…9, Ctrl+Page Up/Down, Ctrl+F). */
void     _sc_workspace_class_add_actions (GtkWidgetClass *widget_class);

G_END_DECLS
