/* sc-secure.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-secure"

#include "config.h"

#include "sc-secure.h"

#include <sodium.h>
#include <string.h>

gboolean
sc_secure_init (void)
{
  static gsize initialised = 0;
  static gboolean ok = FALSE;

  if (g_once_init_enter (&initialised))
    {
      /* sodium_init() returns 1 when it already ran, which is fine too. */
      ok = sodium_init () >= 0;
      g_once_init_leave (&initialised, 1);
    }
  return ok;
}

gpointer
sc_secure_alloc (gsize len)
{
  gpointer mem;

  g_return_val_if_fail (len > 0, NULL);

  if (!sc_secure_init ())
    return NULL;

  /* SECURITY: sodium_malloc() surrounds the block with guard pages and a canary and
   * mlock()s it, so that keys never reach swap or a core dump of a neighbouring
   * overflow. */
  mem = sodium_malloc (len);
  if (mem != NULL)
    sodium_memzero (mem, len);
  return mem;
}

gpointer
sc_secure_dup (gconstpointer data,
               gsize         len)
{
  gpointer mem = sc_secure_alloc (len);

  if (mem != NULL)
    memcpy (mem, data, len);
  return mem;
}

void
sc_secure_free (gpointer mem)
{
  /* SECURITY: sodium_free() overwrites the block with zeros before unmapping it. */
  if (mem != NULL)
    sodium_free (mem);
}

void
sc_secure_clear (gpointer *mem)
{
  g_return_if_fail (mem != NULL);

  sc_secure_free (*mem);
  *mem = NULL;
}

void
sc_secure_wipe (gpointer mem,
                gsize    len)
{
  if (mem != NULL && len > 0)
    sodium_memzero (mem, len);
}

gboolean
sc_secure_equal (gconstpointer a,
                 gconstpointer b,
                 gsize         len)
{
  return sodium_memcmp (a, b, len) == 0;
}
