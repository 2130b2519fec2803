/* sc-vault-kiosk.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the kiosk may read about the person at it, beyond sc-vault.h: their own recorded
 * decisions (consent, interview request), shown when they see a kept result again.
 */
#pragma once

#include "sc-vault.h"

G_BEGIN_DECLS

/**
 * sc_vault_get_own_decisions:
 * @out_consent: (out): the recorded consent, %SC_VAULT_CONSENT_UNDECIDED when none
 * @out_interview_requested: (out): whether an interview was requested
 *
 * Any unlocked role, the kiosk included. The kiosk asks only after the person proved who
 * they are with their access code and personal PIN, and shows the answer only to them.
 * Returns: %FALSE with NOT_FOUND when the person has not answered in this round.
 */
gboolean sc_vault_get_own_decisions (ScVault        *vault,
                                     gint64          round_id,
                                     const char     *employee_number,
                                     ScVaultConsent *out_consent,
                                     gboolean       *out_interview_requested,
                                     GError        **error);

G_END_DECLS
