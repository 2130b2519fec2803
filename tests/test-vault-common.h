/* test-vault-common.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Compatibility header: the vault test helpers are now the compiled library in
 * tests/util/sc-test-util.{c,h} (libsctestutil, which every test links). Kept for test
 * programs not yet moved to it; new tests include "sc-test-util.h" instead.
 */
#pragma once

/* What this header brought in before it became a wrapper. */
#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sc-secure.h"
#include "sc-vault.h"
#include "sc-vault-private.h"
#include "sc-test-util.h"
