/* sc-audit-log-section.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Audit Log section (issue 11 §6): who, what in plain words and when, newest first,
 * with a search and filters by who and by kind. The log holds roles and row ids only,
 * never personal data; its hash chain is checked on every open (a broken chain stops the
 * open, and the unlock page says what to do: sc_gui_vault_error_message()).
 *
 * Implementer only: the log records the implementer's decisions about individuals
 * (interview need, result reads, releases) by row id, and DESIGN.md §3 gives HR no view of
 * those decisions; the core still lets HR list it for the CLI.
 */
#pragma once

#include <adwaita.h>

#include "sc-vault.h"

G_BEGIN_DECLS

/* What the filters of the section choose between. */
typedef enum
{
  SC_AUDIT_KIND_ALL,
  SC_AUDIT_KIND_VAULT,        /* create, open, backup, restore, keys, passphrases */
  SC_AUDIT_KIND_SETTINGS,
  SC_AUDIT_KIND_ROUNDS,       /* rounds, roster, access codes, kiosk */
  SC_AUDIT_KIND_RESULTS,      /* answers, results, consent, interviews, group analyses */
  SC_AUDIT_KIND_OTHER,
} ScAuditKind;

#define SC_TYPE_AUDIT_LOG_SECTION (sc_audit_log_section_get_type ())
G_DECLARE_FINAL_TYPE (ScAuditLogSection, sc_audit_log_section, SC, AUDIT_LOG_SECTION, AdwBin)

GtkWidget  *sc_audit_log_section_new       (ScVault           *vault);

/* Reads the log again. */
void        sc_audit_log_section_reload    (ScAuditLogSection *self);

/* How many entries the list shows with the current search and filters. */
guint       sc_audit_log_section_get_n_shown (ScAuditLogSection *self);

/* The row at @index of the shown ones (newest first), or NULL. */
AdwActionRow *sc_audit_log_section_get_shown_row (ScAuditLogSection *self,
                                                  guint              index);

/* Filters: a role (SC_VAULT_ROLE_NONE for everyone) and a kind. */
void        sc_audit_log_section_set_filter (ScAuditLogSection *self,
                                             ScVaultRole        who,
                                             ScAuditKind        kind);

/* Shows only the entries of person @person_id (0: everyone), as the person dropdown does;
 * a person not named in the log leaves the choice as it is. */
void        sc_audit_log_section_set_person (ScAuditLogSection *self,
                                             gint64             person_id);

GtkEditable *sc_audit_log_section_get_search_entry (ScAuditLogSection *self);

/* (transfer full) who made @entry, in words. Today the role; the integrator extends it with
 * the person once ScVaultAuditEntry names one. */
char       *sc_audit_entry_describe_who    (const ScVaultAuditEntry *entry);

/* (transfer full) what @entry records, in words ("Created a round"). */
char       *sc_audit_entry_describe_what   (const ScVaultAuditEntry *entry);

ScAuditKind sc_audit_entry_get_kind        (const ScVaultAuditEntry *entry);

G_END_DECLS
