/* bench-workspace-round.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 1,000-employee round of the workspace benchmarks (bench-workspace.c on the core,
 * bench-workspace-gui.c on the widgets), made through the real API: 1,000 submissions, a
 * third with a decision on consent, one in twenty with an interview request, a decision
 * for a hundred high-stress people. Plus the timing helpers both use.
 */
#pragma once

#include <glib.h>

#define BENCH_N_EMPLOYEES 1000

/* Makes the round in a new vault at @path (IMPL_PASS, HR_PASS); returns its id. */
gint64   bench_make_round   (const char *path);

/* Seconds, monotonic. */
double   bench_now_s        (void);

/* The median of @n values (sorts @v). */
double   bench_median       (double     *v,
                             guint       n);

/* One Argon2id derivation with the test limits, as sc_vault_open() does: what an open
 * costs that the benchmarks leave out. */
double   bench_kdf_seconds  (void);
