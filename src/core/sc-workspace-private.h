/* sc-workspace-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers shared by the workspace store files (sc-vault-participation.c,
 * sc-vault-results.c, sc-vault-interviews.c, sc-vault-paper.c, sc-workspace-async.c).
 */
#pragma once

#include "sc-vault-private.h"
#include "sc-workspace.h"

G_BEGIN_DECLS

/* SECURITY: seals the serialized @value (sunk if floating) to @pk and wipes the
 * plaintext. */
GBytes   *_sc_ws_seal_variant       (const guint8        *pk,
                                     GVariant            *value);

/* SECURITY: opens a blob sealed with _sc_ws_seal_variant(); %NULL when it does not open
 * or is not of @type. The plaintext is wiped when the variant is freed. */
GVariant *_sc_ws_open_variant       (const void          *sealed,
                                     gsize                sealed_len,
                                     const guint8        *pk,
                                     const guint8        *sk,
                                     const GVariantType  *type);

/* INVALID unless @date is a real YYYY-MM-DD day; @what names the field in the message. */
gboolean  _sc_ws_check_date         (const char          *date,
                                     const char          *what,
                                     GError             **error);

/* Days since 0001-01-01 of a valid YYYY-MM-DD, or 0. */
guint32   _sc_ws_julian             (const char          *date);

/* YYYY-MM-DD (local time) of a Unix time. */
char     *_sc_ws_date_of_time       (gint64               unix_time);

/* The interview request time, 0 when none. */
gint64    _sc_ws_requested_at       (sqlite3             *db,
                                     gint64               submission_id);

/* The decision, opened with the implementer's key; @sealed NULL means none stored. */
gboolean  _sc_ws_open_decision      (ScVault             *vault,
                                     gint64               submission_id,
                                     const void          *sealed,
                                     gsize                sealed_len,
                                     ScInterviewDecision *out,
                                     GError             **error);

/* The decision recorded with sc_vault_recommend_interview(), when there is one. */
void      _sc_ws_legacy_decision    (ScVault             *vault,
                                     gint64               submission_id,
                                     ScInterviewDecision *out);

/* SECURITY: opens an interview record with the implementer's key, or with HR's for
 * @hr_view; DAMAGED when it does not open or names another submission. */
ScInterviewRecord *_sc_ws_open_record (ScVault           *vault,
                                     gint64               submission_id,
                                     const void          *sealed,
                                     gsize                sealed_len,
                                     gboolean             hr_view,
                                     GError             **error);

/* Inside a transaction, implementer only: after an interview request, seals HR's view of
 * an interview record saved before the request. */
gboolean  _sc_ws_share_record_with_hr (ScVault           *vault,
                                     gint64               submission_id,
                                     GError             **error);

G_END_DECLS
