/* sc-process.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Process-wide protections that both programs (stresscheck and stresscheck-cli) set up
 * first thing in main(), before any secret is read.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * sc_process_harden:
 *
 * SECURITY: keeps decrypted data out of core dumps and out of reach of other processes
 * of the same user: no core files (RLIMIT_CORE 0) and, on Linux, a process that is not
 * dumpable (PR_SET_DUMPABLE 0), so /proc/PID/mem cannot be read and ptrace is refused.
 * Also ignores SIGXFSZ, so that a file-size limit (`ulimit -f`) makes write() fail with
 * EFBIG, which the vault reports as a full disk after removing its temporary file,
 * instead of killing the process silently.
 *
 * Best effort: where the platform refuses a step, the others still apply. Returns
 * %TRUE when every step succeeded.
 */
gboolean  sc_process_harden   (void);

G_END_DECLS
