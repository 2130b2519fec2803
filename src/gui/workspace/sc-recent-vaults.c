/* sc-recent-vaults.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-recent-vaults"

#include "config.h"

#include "sc-recent-vaults.h"

#define KEY "recent-vaults"

/* @paths that still exist, without duplicates, at most SC_RECENT_VAULTS_MAX; @first (nullable)
 * goes first. */
static char **
clean (const char        *first,
       const char * const *paths)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = 0;

  if (first != NULL)
    {
      g_strv_builder_add (builder, first);
      g_hash_table_add (seen, (gpointer) first);
      n++;
    }
  for (guint i = 0; paths != NULL && paths[i] != NULL && n < SC_RECENT_VAULTS_MAX; i++)
    {
      if (g_hash_table_contains (seen, paths[i]) || !g_path_is_absolute (paths[i])
          || !g_file_test (paths[i], G_FILE_TEST_IS_REGULAR))
        continue;
      g_hash_table_add (seen, (gpointer) paths[i]);
      g_strv_builder_add (builder, paths[i]);
      n++;
    }
  return g_strv_builder_end (builder);
}

char **
sc_recent_vaults_list (GSettings *settings)
{
  g_auto(GStrv) stored = NULL;

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  if (settings == NULL)
    return g_new0 (char *, 1);
  stored = g_settings_get_strv (settings, KEY);
  return clean (NULL, (const char * const *) stored);
}

void
sc_recent_vaults_add (GSettings  *settings,
                      const char *path)
{
  g_auto(GStrv) stored = NULL;
  g_auto(GStrv) updated = NULL;

  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));
  g_return_if_fail (path != NULL);

  if (settings == NULL || !g_path_is_absolute (path)
      || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return;
  stored = g_settings_get_strv (settings, KEY);
  updated = clean (path, (const char * const *) stored);
  g_settings_set_strv (settings, KEY, (const char * const *) updated);
}
