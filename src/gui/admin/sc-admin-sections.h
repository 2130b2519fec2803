/* sc-admin-sections.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Adds Settings, Backup and the Audit Log to a workspace, for the roles that may see them
 * (DESIGN.md §3; the reasons are in sc-backup-section.h and sc-audit-log-section.h).
 * A due backup is shown in the Backup section; a toast at unlock would queue the toasts that
 * follow it (the rollback warning's) behind it.
 */
#pragma once

#include "sc-workspace-frame.h"

G_BEGIN_DECLS

void sc_admin_add_sections (ScWorkspace *workspace);

G_END_DECLS
