/* sc-demo.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo vault (`stresscheck-cli demo`, `stresscheck --demo`): its passphrases are
 * printed and shown on purpose, so that anyone can try the program. Never keep real
 * answers in a demo vault.
 */
#pragma once

#define SC_DEMO_PASSPHRASE    "stresscheck-demo"
#define SC_DEMO_HR_PASSPHRASE "stresscheck-demo-hr"
