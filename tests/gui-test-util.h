/* gui-test-util.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Compatibility header: the GUI test helpers are now the compiled library in
 * tests/util/sc-test-gui-util.{c,h} (libsctestguiutil, which every GUI test links). Kept for
 * test programs not yet moved to it; new tests include "sc-test-gui-util.h" instead.
 * GUI_TEST_WAIT_LIMIT_S is no longer read: call test_gui_set_wait_limit ().
 */
#pragma once

/* What this header brought in before it became a wrapper. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "sc-test-gui-util.h"
