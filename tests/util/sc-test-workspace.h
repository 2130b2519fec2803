/* sc-test-workspace.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small round for the workspace tests (sc-workspace.h): eight people on the roster,
 * four of them answered at the kiosk (consent yes; consent no; undecided; consent no
 * with an interview request), one keeps partial answers, three did not start.
 * People 0 and 3 answer so that they are high stress, 1 and 2 so that they are not.
 */
#pragma once

#include <gio/gio.h>

#include "sc-test-util.h"
#include "sc-vault.h"
#include "sc-vault-async.h"
#include "sc-workspace.h"

typedef struct
{
  char    *dir;
  char    *path;
  gint64   round_id;
  gint64   sub[4];
  guint8   answers[4][SC_BJSQ_N_ITEMS];
  char    *today;
  char    *period_start;
  char    *period_end;
} WsFixture;

/* Today plus @days, as YYYY-MM-DD. */
char         *ws_date_offset        (int            days);

/* Answers that are high stress (or not) for @sex; @salt varies them. */
void          ws_answers            (ScSex          sex,
                                     gboolean       high,
                                     guint          salt,
                                     guint8         answers[SC_BJSQ_N_ITEMS]);

/* Opens the fixture's vault with @passphrase (implementer's or HR's). */
ScVault      *ws_open               (WsFixture     *f,
                                     const char    *passphrase);

/* Makes the round described at the top of this file; ws_teardown () removes it. */
void          ws_setup              (WsFixture     *f,
                                     gconstpointer  data);
void          ws_teardown           (WsFixture     *f,
                                     gconstpointer  data);

/* An async callback that stores the result in the GAsyncResult * slot @user_data, and the
 * wait that iterates the main context until it is there. */
void          ws_store_result_cb    (GObject       *source,
                                     GAsyncResult  *result,
                                     gpointer       user_data);
GAsyncResult *ws_wait               (GAsyncResult **slot);

/* Whether the audit log has an entry @action about @target. */
gboolean      ws_audited            (ScVault       *vault,
                                     const char    *action,
                                     gint64         target);

/* Fails when the file at @path holds @text. */
void          ws_assert_not_in_file (const char    *path,
                                     const char    *text);

/* The row id of employee @number. */
gint64        ws_employee_id        (ScVault       *vault,
                                     const char    *number);
