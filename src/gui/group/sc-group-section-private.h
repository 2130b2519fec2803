/* sc-group-section-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fields of ScGroupSection and what its two files share: sc-group-section.c (the
 * analysis) and sc-group-section-releases.c (releases to HR, and HR's read-only view).
 */
#pragma once

#include "sc-group-section.h"
#include "sc-constants-row.h"

G_BEGIN_DECLS

struct _ScGroupSection
{
  AdwBin               parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *options_group;
  AdwComboRow         *grouping_row;
  AdwComboRow         *cross_row;
  AdwActionRow        *previous_row;
  GtkSwitch           *previous_switch;
  AdwPreferencesGroup *hr_group;
  AdwComboRow         *release_row;
  GtkButton           *print_release_button;
  GtkBox              *content_box;
  GtkSpinner          *spinner;
  AdwStatusPage       *message_page;
  GtkBox              *analysis_box;
  GtkLabel            *released_label;
  GtkLabel            *summary_label;
  GtkLabel            *columns_label;
  GtkGrid             *chart_grid;
  GtkLabel            *caption_label;
  AdwPreferencesGroup *releases_group;
  GtkButton           *release_button;
  GtkListBox          *releases_list;

  /* Widgets made here */
  ScConstantsRow      *constants_row;
  ScGroupTableView    *table_view;
  ScJudgementChart    *charts[2][SC_N_SEXES];

  /* State */
  ScVault             *vault;
  gint64               round_id;
  ScGrouping           grouping;
  ScGroupTable        *table;
  ScGroupRound        *round_data;     /* the round's questionnaires, opened once */
  ScGroupRound        *previous_data;  /* last year's, or NULL */
  gint64               loaded_round;
  gint64               loading_round;
  GPtrArray           *releases;   /* ScVaultRelease */
  gboolean             busy;
  gboolean             stale;        /* reload when next mapped */
  gboolean             again;      /* reload once the running task is done */
  gboolean             updating;
  const char          *page;
};

gboolean   _sc_group_section_is_implementer  (ScGroupSection *self);
void       _sc_group_section_toast           (ScGroupSection *self,
                                              const char     *message);
void       _sc_group_section_set_busy        (ScGroupSection *self,
                                              gboolean        busy);
void       _sc_group_section_show_message    (ScGroupSection *self,
                                              const char     *title,
                                              const char     *description);
/* Takes @table (nullable) and gives it to the views. */
void       _sc_group_section_set_table       (ScGroupSection *self,
                                              ScGroupTable   *table);
void       _sc_group_section_show_table      (ScGroupSection *self);

/* sc-group-section-releases.c */
void       _sc_group_section_reload_releases (ScGroupSection *self);
void       _sc_group_section_on_release_clicked      (ScGroupSection *self);
void       _sc_group_section_on_release_row_selected (ScGroupSection *self);
/* HR's "Print…": Reports, with the release shown (the action workspace.print-release). */
void       _sc_group_section_on_print_release_clicked (ScGroupSection *self);

G_END_DECLS
