/* sc-vault-past-results.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An employee's kept results of earlier rounds, opened at the kiosk with the personal PIN
 * (issue 11 §8: this year's result beside earlier years').
 *
 * A kept result (sc_vault_save_result_view()) is sealed under a key from that round's
 * access code and the PIN. Next year's slip carries another code, so that copy cannot be
 * opened again with it. Each kept result therefore also carries a second copy sealed under
 * a key from the PIN alone (Argon2id over the PIN with a salt of its own, at the limits of
 * the access codes); an earlier year's copy opens when the PIN is the same.
 *
 * SECURITY: the PIN-only copy is weaker than the code-and-PIN copy. Someone who holds the
 * data key (HR) could try every PIN offline, each try costing one Argon2id derivation; a
 * 4-digit PIN gives little protection against that, an 8-digit one much more. At the
 * kiosk the copies are opened only after the current year's copy opened with this year's
 * code and the same PIN (so the kiosk is no PIN oracle), and wrong PINs are throttled as
 * access codes are. The copies go with their round when it is purged.
 */
#pragma once

#include "sc-vault.h"

G_BEGIN_DECLS

typedef struct
{
  gint64    round_id;
  char     *round_name;
  char     *period_start;   /* YYYY-MM-DD or NULL */
  char     *period_end;     /* YYYY-MM-DD or NULL */
  ScCriteria criteria;      /* that round's */
  ScResult  result;         /* scored again with them */
} ScVaultPastResult;

void          sc_vault_past_result_free        (ScVaultPastResult *past);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScVaultPastResult, sc_vault_past_result_free)

/**
 * sc_vault_load_past_results:
 * @round_id: this year's round, whose kept result the person opens
 * @partial_key: from sc_vault_derive_partial_key() for @round_id
 * @pin: the personal PIN typed
 * @out_n_unopened: (out) (optional): how many results kept in earlier rounds did not open
 *   with @pin (kept under another PIN, or before past results existed)
 *
 * Any unlocked role, as sc_vault_load_result_view(): first opens this year's kept result
 * with the code and @pin (ACCESS_DENIED, THROTTLED, NOT_FOUND as there), then every
 * result the employee kept in another round that opens with @pin alone.
 *
 * Returns: (element-type ScVaultPastResult) (transfer full): oldest round first; empty
 *   when none opened; %NULL with @error set.
 */
GPtrArray    *sc_vault_load_past_results       (ScVault           *vault,
                                                gint64             round_id,
                                                const char        *employee_number,
                                                const guint8      *partial_key,
                                                const char        *pin,
                                                guint             *out_n_unopened,
                                                GError           **error);

G_END_DECLS
