/* sc-secure.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Guarded memory for secrets (keys, passphrase-derived keys): libsodium's
 * sodium_malloc() puts each allocation between guard pages, locks it into RAM so that
 * it is never swapped out, and sodium_free() wipes it before releasing it.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * sc_secure_init:
 *
 * Initialises libsodium once per process. Every other sc_secure_ and vault function
 * calls it; calling it again is cheap.
 *
 * Returns: %FALSE if the random number generator could not be initialised.
 */
gboolean  sc_secure_init        (void);

/**
 * sc_secure_alloc:
 * @len: bytes, more than 0
 *
 * Returns: (transfer full): @len bytes of zero-filled guarded memory, or %NULL when the
 *   system refuses to lock more memory. Free with sc_secure_free().
 */
gpointer  sc_secure_alloc       (gsize         len);

/* Allocates guarded memory holding a copy of @data. */
gpointer  sc_secure_dup         (gconstpointer data,
                                 gsize         len);

/* Wipes and frees guarded memory; %NULL is ignored. */
void      sc_secure_free        (gpointer      mem);

/* Frees *@mem as sc_secure_free() does and sets it to %NULL. */
void      sc_secure_clear       (gpointer     *mem);

/* Wipes ordinary memory (a stack buffer, a GString's contents) in a way the compiler
 * cannot remove. */
void      sc_secure_wipe        (gpointer      mem,
                                 gsize         len);

/* Compares two buffers in constant time; %TRUE when equal. */
gboolean  sc_secure_equal       (gconstpointer a,
                                 gconstpointer b,
                                 gsize         len);

G_END_DECLS
