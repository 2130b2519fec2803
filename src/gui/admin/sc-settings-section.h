/* sc-settings-section.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Settings section (implementer only, issue 11 §3): the workplace as the labour-office
 * sheet prints it, the implementer and the interview doctor, the texts shown to employees
 * (where to ask, other places to get help), the self-care advice per scale with a reset
 * to the shipped text, the kiosk's idle timeout and whether HR may start the kiosk. Every
 * change is saved through the core (validated, audited by key) and confirmed by a toast.
 */
#pragma once

#include <adwaita.h>

#include "sc-vault.h"

G_BEGIN_DECLS

#define SC_TYPE_SETTINGS_SECTION (sc_settings_section_get_type ())
G_DECLARE_FINAL_TYPE (ScSettingsSection, sc_settings_section, SC, SETTINGS_SECTION, AdwBin)

GtkWidget  *sc_settings_section_new             (ScVault           *vault);

gboolean    sc_settings_section_get_busy        (ScSettingsSection *self);

/* The text row of setting @key (an SC_VAULT_SETTING_ or SC_REPORT_SETTING_ key), or NULL. */
AdwEntryRow *sc_settings_section_get_text_row   (ScSettingsSection *self,
                                                 const char        *key);

/* The advice row of @scale, and its "Reset to Default" button. */
AdwEntryRow *sc_settings_section_get_advice_row (ScSettingsSection *self,
                                                 ScScale            scale);
GtkButton  *sc_settings_section_get_advice_reset (ScSettingsSection *self,
                                                  ScScale            scale);

/* "Edit…" of a row whose text may be long (the advice, what employees are shown), or NULL:
 * it opens the whole text in a dialog (sc_settings_section_get_text_dialog()) with Save. */
GtkButton  *sc_settings_section_get_edit_button (ScSettingsSection *self,
                                                 AdwEntryRow       *row);
AdwMessageDialog *sc_settings_section_get_text_dialog (ScSettingsSection *self);

GtkSpinButton *sc_settings_section_get_idle_spin  (ScSettingsSection *self);
GtkButton     *sc_settings_section_get_idle_apply (ScSettingsSection *self);
GtkSwitch     *sc_settings_section_get_hr_kiosk_switch (ScSettingsSection *self);

/* The group where the judgement-chart constants widget goes at merge (empty for now). */
AdwPreferencesGroup *sc_settings_section_get_chart_group (ScSettingsSection *self);

/* The setting's name in words ("Workplace name"), for the audit log; NULL when unknown. */
const char *sc_settings_describe_key            (const char        *key);

G_END_DECLS
