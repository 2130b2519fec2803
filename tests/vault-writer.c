/* vault-writer.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helper of test-vault-crash: opens the vault named on the command line and submits
 * answers forever, writing each submission id to standard output only after the save
 * returned. The test kills it at random instants.
 */
#include "config.h"

#include "sc-test-util.h"
#include "sc-secure.h"
#include "sc-vault.h"
#include "sc-vault-private.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include <stdio.h>
#include <unistd.h>

/* The next (round, employee) without a submission; 0 when every round is full. */
static gint64
next_free (ScVault  *vault,
           char    **out_number)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sc_vault_db_prepare (sc_vault_get_db (vault),
                              "SELECT r.id, e.number FROM rounds r, employees e "
                              "WHERE NOT EXISTS (SELECT 1 FROM submissions s "
                              "WHERE s.round_id = r.id AND s.employee_id = e.id) "
                              "ORDER BY r.id, e.number LIMIT 1", NULL);
  g_assert_nonnull (stmt);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  *out_number = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  return sqlite3_column_int64 (stmt, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = NULL;

  if (argc != 2)
    return 2;
  vault = sc_vault_open (argv[1], IMPL_PASS, SC_VAULT_OPEN_FLAGS_NONE, &error);
  if (vault == NULL)
    {
      g_printerr ("vault-writer: %s\n", error->message);
      return 1;
    }

  for (;;)
    {
      g_autofree char *number = NULL;
      g_autofree char *line = NULL;
      guint8 answers[SC_BJSQ_N_ITEMS];
      gint64 round_id = next_free (vault, &number);
      gint64 id;

      if (round_id == 0)
        {
          if (sc_vault_create_round (vault, "next", NULL, NULL, NULL, &error) == 0)
            break;
          continue;
        }
      /* The parent recomputes these answers from the round and number. */
      test_answers ((guint) (round_id * 100000 + g_ascii_strtoull (number + 1, NULL, 10)),
                    answers);
      id = sc_vault_submit (vault, round_id, number, answers, SC_SEX_FEMALE, NULL, &error);
      if (id == 0)
        break;
      line = g_strdup_printf ("%" G_GINT64_FORMAT "\n", id);
      if (write (STDOUT_FILENO, line, strlen (line)) != (ssize_t) strlen (line))
        return 1;
    }
  g_printerr ("vault-writer: %s\n", error->message);
  return 1;
}
