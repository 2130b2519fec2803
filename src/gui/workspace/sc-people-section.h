/* sc-people-section.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The People section (issue 11 §4): who may unlock the vault, each with a passphrase of
 * their own (sc-vault-people.h). The implementer (and an assistant) adds and removes
 * people and sets the passphrase of someone a re-key left without one; everyone changes
 * their own passphrase. The rules live in the core; this shows them and forwards intent.
 */
#pragma once

#include <adwaita.h>

#include "sc-vault.h"

G_BEGIN_DECLS

#define SC_TYPE_PEOPLE_SECTION (sc_people_section_get_type ())
G_DECLARE_FINAL_TYPE (ScPeopleSection, sc_people_section, SC, PEOPLE_SECTION, AdwBin)

GtkWidget *sc_people_section_new          (ScVault         *vault);

/* Lists the people again from the vault. */
void       sc_people_section_reload       (ScPeopleSection *self);

/* How many people the list shows. */
guint      sc_people_section_get_n_people (ScPeopleSection *self);

/* Whether a vault job started here is still running. */
gboolean   sc_people_section_get_busy     (ScPeopleSection *self);

/* The dialogs, as the buttons open them (for the tests and the keyboard): adding a person,
 * removing person @person_id, setting their passphrase, changing one's own. */
void       sc_people_section_add_person          (ScPeopleSection *self);
void       sc_people_section_remove_person       (ScPeopleSection *self,
                                                  gint64           person_id);
void       sc_people_section_set_passphrase      (ScPeopleSection *self,
                                                  gint64           person_id);
void       sc_people_section_change_passphrase   (ScPeopleSection *self);
/* Implementer or assistant: a dialog to rename @person_id (anyone, themselves too). */
void       sc_people_section_rename_person       (ScPeopleSection *self,
                                                  gint64           person_id);

/* The dialog open now (an AdwMessageDialog), or NULL. */
GtkWidget *sc_people_section_get_dialog   (ScPeopleSection *self);

/* The recovery key shown after the last removal (until its dialog closes), or NULL. */
const char *sc_people_section_get_shown_recovery_key (ScPeopleSection *self);

G_END_DECLS
