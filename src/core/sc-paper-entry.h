/* sc-paper-entry.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The keyed entry of one paper questionnaire, as a GTK-free flow: choose an employee on
 * the roster, type the 57 answers twice (double entry), see every mismatch, then save.
 * Missing answers are allowed and flagged (nothing is imputed). The save refuses, with
 * a message fit to show and nothing changed, an unknown number, a second submission for
 * the same person, a date outside the round and any disagreement of the two passes.
 *
 * Consent and an interview request given on paper later are recorded separately, after
 * the result sheet was handed over: sc_vault_record_handover(),
 * sc_vault_record_paper_consent() and sc_vault_record_paper_request() (sc-workspace.h).
 */
#pragma once

#include <gio/gio.h>

#include "sc-vault.h"

G_BEGIN_DECLS

#define SC_PAPER_ENTRY_ERROR (sc_paper_entry_error_quark ())

typedef enum
{
  SC_PAPER_ENTRY_ERROR_MISMATCH,     /* the two passes disagree; the message names each */
  SC_PAPER_ENTRY_ERROR_NOT_READY,    /* no employee, no date or a pass not typed yet */
  SC_PAPER_ENTRY_ERROR_SAVED,        /* this entry was saved already */
} ScPaperEntryError;

/* One item where the passes disagree; 0 stands for "no answer". */
typedef struct
{
  guint        item;          /* 0-56 */
  const char  *item_id;       /* "A1" … "D2" */
  guint8       first;
  guint8       second;
} ScPaperMismatch;

#define SC_TYPE_PAPER_ENTRY (sc_paper_entry_get_type ())
G_DECLARE_FINAL_TYPE (ScPaperEntry, sc_paper_entry, SC, PAPER_ENTRY, GObject)

GQuark        sc_paper_entry_error_quark    (void);

ScPaperEntry *sc_paper_entry_new            (ScVault        *vault,
                                             gint64          round_id);

/* Checks at once that the number is on the roster (NOT_FOUND) and has not answered in
 * this round (EXISTS); SC_VAULT_ERROR then. Implementer only (PERMISSION). */
gboolean      sc_paper_entry_set_employee   (ScPaperEntry   *self,
                                             const char     *employee_number,
                                             GError        **error);
const char   *sc_paper_entry_get_employee   (ScPaperEntry   *self);

/* The date written on the form, YYYY-MM-DD; checked against the round again on save. */
gboolean      sc_paper_entry_set_answered_on (ScPaperEntry  *self,
                                             const char     *date,
                                             GError        **error);

/**
 * sc_paper_entry_set_pass:
 * @pass: 1 or 2
 * @answers: 57 values, 1-4 or 0 for no answer
 */
void          sc_paper_entry_set_pass       (ScPaperEntry   *self,
                                             guint           pass,
                                             const guint8    answers[SC_BJSQ_N_ITEMS]);

/* Returns: (transfer full) (element-type ScPaperMismatch): every disagreement, in item
 * order; empty until both passes are typed and agree. */
GArray       *sc_paper_entry_get_mismatches (ScPaperEntry   *self);

/* Returns: (transfer full) (element-type guint): the items both passes leave empty. */
GArray       *sc_paper_entry_get_missing    (ScPaperEntry   *self);

/* Whether the entry can be saved: NOT_READY or MISMATCH (naming every item) if not. */
gboolean      sc_paper_entry_check          (ScPaperEntry   *self,
                                             GError        **error);

/* Whether a save runs. */
gboolean      sc_paper_entry_get_busy       (ScPaperEntry   *self);

/* The new submission's id after a successful save, 0 before. */
gint64        sc_paper_entry_get_submission_id (ScPaperEntry *self);

/* Checks, then saves in the vault's worker (sc_vault_submit_paper()). */
void          sc_paper_entry_save_async     (ScPaperEntry   *self,
                                             GCancellable   *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer        user_data);

gboolean      sc_paper_entry_save_finish    (ScPaperEntry   *self,
                                             GAsyncResult   *result,
                                             GError        **error);

G_END_DECLS
