/* sc-demo.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo vault (`stresscheck-cli demo`, `stresscheck --demo`): its passphrases are
 * printed and shown on purpose, so that anyone can try the program. Never keep real
 * answers in a demo vault.
 */
#pragma once

#include "sc-vault.h"

G_BEGIN_DECLS

#define SC_DEMO_PASSPHRASE    "stresscheck-demo"
#define SC_DEMO_HR_PASSPHRASE "stresscheck-demo-hr"

/**
 * sc_demo_create:
 * @path: the new vault; nothing may be there
 * @limits: (nullable): Argon2id limits, %NULL for the defaults
 * @out_report: receives what to tell the person: the passphrases, what is in the vault,
 *   and the access codes of the employees who have not answered yet (CSV)
 *
 * Creates the demo vault.
 */
gboolean sc_demo_create (const char              *path,
                         const ScVaultKdfLimits  *limits,
                         GString                 *out_report,
                         GError                 **error);

G_END_DECLS
