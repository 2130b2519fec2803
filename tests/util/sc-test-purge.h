/* sc-test-purge.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A vault for the retention tests (sc-vault-purge.h): a round that ended six years ago
 * and a recent one. The old round holds an employee found in no other round (who has
 * since left), submissions with answers unlike any other, consent, an interview request,
 * the implementer's decision, an interview record with distinctive notes, a result kept
 * with a PIN and partial answers. Person 0 answers in both rounds and keeps both results
 * with the same PIN (PURGE_TEST_PIN); person 1 kept the old one under PURGE_TEST_PIN and
 * this year's under PURGE_OTHER_PIN.
 */
#pragma once

#include <glib.h>

#include "sc-test-util.h"
#include "sc-vault.h"

/* The texts of the old round that must be gone after the purge. */
#define PURGE_OLD_ROUND_NAME  "OLDROUND-Fiscal-2020"
#define PURGE_OLD_NUMBER      "P-OLD-7731"
#define PURGE_OLD_NAME        "Purgeme Oldname"
#define PURGE_OLD_KANA        "パージミ オールドネーム"
#define PURGE_OLD_DEPARTMENT  "Vanished Dept 42"
#define PURGE_OLD_NOTE        "PURGE-NOTE-SECRET-9"
#define PURGE_OLD_DOCTOR      "Dr. Purgeonly Ikeda"
#define PURGE_RECENT_NAME     "RECENT-Fiscal-2026"
#define PURGE_TEST_PIN        "48291375"
#define PURGE_OTHER_PIN       "11177735"
#define PURGE_CODE            "1234-5678"

typedef struct
{
  char    *dir;
  char    *path;
  gint64   old_round;
  gint64   recent_round;
  gint64   old_subs[2];       /* person 0, the old-round employee */
  gint64   recent_subs[2];    /* persons 0 and 1 */
  char    *old_start;         /* YYYY-MM-DD, six years and a month ago */
  char    *old_end;           /* six years ago */
  char    *recent_end;
  guint8   old_answers[SC_BJSQ_N_ITEMS];   /* the old-round employee's */
  guint8   old_answers0[SC_BJSQ_N_ITEMS];  /* person 0's in the old round */
  GBytes  *old_sealed;        /* a sealed blob of the old round, as stored */
} PurgeFixture;

/* Makes the vault described above at @f->path (implementer IMPL_PASS, HR HR_PASS). */
void          purge_fixture_setup    (PurgeFixture  *f);
void          purge_fixture_teardown (PurgeFixture  *f);

/* Fails the test unless @haystack holds none (@present FALSE) or all (@present TRUE)
 * of the old round's texts; @what names the haystack in the message. */
void          purge_assert_old_texts (const guint8  *haystack,
                                      gsize          len,
                                      gboolean       present,
                                      const char    *what);

/* Whether @haystack holds the bytes of @needle. */
gboolean      purge_contains_blob    (const guint8  *haystack,
                                      gsize          len,
                                      GBytes        *needle);

/* Checks the vault at @f->path after the old round was purged: the decrypted database
 * and the file hold nothing of it, the recent round is whole, the audit log has
 * "round.purge" and its chain opens as valid. */
void          purge_assert_purged    (PurgeFixture  *f);
