/* sc-recent-vaults.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The vaults opened last (issue 11 §4), kept in the GSettings key "recent-vaults": at
 * most SC_RECENT_VAULTS_MAX paths, newest first. A path is not personal data; nothing
 * else about a vault is kept. Files that no longer exist are dropped.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SC_RECENT_VAULTS_MAX 5

/* The recent vaults that still exist, newest first (NULL-terminated; free with
 * g_strfreev()). @settings may be %NULL (no schema installed): an empty list. */
char    **sc_recent_vaults_list   (GSettings  *settings);

/* Puts @path (an existing file) first, without duplicates, keeping at most
 * SC_RECENT_VAULTS_MAX. */
void      sc_recent_vaults_add    (GSettings  *settings,
                                   const char *path);

G_END_DECLS
