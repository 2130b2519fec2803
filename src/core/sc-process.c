/* sc-process.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-process"

#include "config.h"

#include "sc-process.h"

#include <signal.h>
#include <sys/resource.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

gboolean
sc_process_harden (void)
{
  struct rlimit no_core = { 0, 0 };
  gboolean ok = TRUE;

  /* SECURITY: a core file would hold the decrypted database and the keys. */
  if (setrlimit (RLIMIT_CORE, &no_core) != 0)
    ok = FALSE;
#ifdef __linux__
  /* SECURITY: not dumpable also means that other processes of the same user cannot
   * read /proc/PID/mem or attach a debugger, and a crash writes no core through a
   * core_pattern pipe (systemd-coredump ignores RLIMIT_CORE). */
  if (prctl (PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
    ok = FALSE;
#endif
  /* Without this, exceeding `ulimit -f` kills the process with no message and leaves
   * the vault's temporary file behind; ignored, write() fails with EFBIG instead. */
  if (signal (SIGXFSZ, SIG_IGN) == SIG_ERR)
    ok = FALSE;
  return ok;
}
