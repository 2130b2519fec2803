/* sc-vault-seal.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sealing results to a role's public key, and the byte order of sealed plaintexts
 *
 * SECURITY: answers and results are crypto_box_seal()ed to the implementer's public key;
 * a copy without the answers is sealed to HR's public key only with consent or an
 * interview request. The sealed plaintext names the round and employee row it belongs
 * to, so that someone who can write the database cannot move a result to another person
 * unnoticed.
 */
#define G_LOG_DOMAIN "sc-vault"

#include "config.h"

#include "sc-vault-private.h"
#include "sc-secure.h"

#include <string.h>

#define SEALED_FORMAT 1
#define SEALED_FLAG_ANSWERS 1
/* format, flags, round id, employee id, sex, complete, raw, score, 2 areas, chart,
 * answers */
#define AREA_BYTES 8
#define RESULT_PLAIN_LEN (2 + 16 + 2 + 2 * SC_BJSQ_N_SCALES + 2 * AREA_BYTES \
                          + SC_N_CHART_SCALES + SC_BJSQ_N_ITEMS)
#define RESULT_SEALED_LEN (RESULT_PLAIN_LEN + crypto_box_SEALBYTES)
/* Format 2 (the implementer's copy since issue 12): format 1 followed by the decision
 * key (sc-vault-submissions.c, DECISIONS). */
#define SEALED_FORMAT_DECISION 2
#define RESULT_PLAIN_LEN_2 (RESULT_PLAIN_LEN + SC_VAULT_DECISION_KEY_BYTES)
#define RESULT_SEALED_LEN_2 (RESULT_PLAIN_LEN_2 + crypto_box_SEALBYTES)

gint64
_sc_vault_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

void
_sc_vault_put_i64 (guint8 *p,
                   gint64  v)
{
  for (int i = 0; i < 8; i++)
    p[i] = (guint8) ((guint64) v >> (8 * i));
}

gint64
_sc_vault_get_i64 (const guint8 *p)
{
  guint64 v = 0;

  for (int i = 7; i >= 0; i--)
    v = (v << 8) | p[i];
  return (gint64) v;
}

static void
put_i16 (guint8 *p,
         int     v)
{
  p[0] = (guint8) ((guint) v & 0xff);
  p[1] = (guint8) (((guint) v >> 8) & 0xff);
}

static int
get_i16 (const guint8 *p)
{
  return (gint16) (guint16) (p[0] | (p[1] << 8));
}

/* ---- Sealing --------------------------------------------------------------------- */

static void
put_area (guint8             *p,
          const ScAreaResult *area)
{
  put_i16 (p, area->a);
  put_i16 (p + 2, area->b);
  put_i16 (p + 4, area->c);
  p[6] = (guint8) area->verdict;
  p[7] = (guint8) area->criteria;
}

static gboolean
get_area (const guint8 *p,
          ScAreaResult *area)
{
  area->a = get_i16 (p);
  area->b = get_i16 (p + 2);
  area->c = get_i16 (p + 4);
  area->verdict = (ScVerdict) p[6];
  area->criteria = p[7];
  return p[6] <= SC_VERDICT_HIGH && p[7] <= (SC_CRITERION_A | SC_CRITERION_B);
}

/* SECURITY: serialises into @plain (RESULT_PLAIN_LEN bytes, wiped by the caller). */
static void
serialize_result (guint8          *plain,
                  gint64           round_id,
                  gint64           employee_id,
                  const ScResult  *result,
                  const guint8    *answers)
{
  guint8 *p = plain;

  memset (plain, 0, RESULT_PLAIN_LEN);
  *p++ = SEALED_FORMAT;
  *p++ = answers != NULL ? SEALED_FLAG_ANSWERS : 0;
  _sc_vault_put_i64 (p, round_id);
  _sc_vault_put_i64 (p + 8, employee_id);
  p += 16;
  *p++ = (guint8) result->sex;
  *p++ = result->complete ? 1 : 0;
  for (guint i = 0; i < SC_BJSQ_N_SCALES; i++)
    *p++ = (guint8) result->raw[i];
  for (guint i = 0; i < SC_BJSQ_N_SCALES; i++)
    *p++ = (guint8) result->score[i];
  put_area (p, &result->sum);
  put_area (p + AREA_BYTES, &result->conversion);
  p += 2 * AREA_BYTES;
  for (guint i = 0; i < SC_N_CHART_SCALES; i++)
    *p++ = (guint8) result->chart[i];
  if (answers != NULL)
    memcpy (p, answers, SC_BJSQ_N_ITEMS);
}

static gboolean
deserialize_result (const guint8   *plain,
                    gint64          round_id,
                    gint64          employee_id,
                    ScVaultResult  *out)
{
  const guint8 *p = plain;

  memset (out, 0, sizeof *out);
  if ((p[0] != SEALED_FORMAT && p[0] != SEALED_FORMAT_DECISION)
      || (p[1] & ~SEALED_FLAG_ANSWERS) != 0)
    return FALSE;
  out->has_answers = (p[1] & SEALED_FLAG_ANSWERS) != 0;
  p += 2;
  if (_sc_vault_get_i64 (p) != round_id || _sc_vault_get_i64 (p + 8) != employee_id)
    return FALSE;
  p += 16;
  if (p[0] > SC_SEX_FEMALE || p[1] > 1)
    return FALSE;
  out->result.sex = (ScSex) *p++;
  out->result.complete = *p++ != 0;
  for (guint i = 0; i < SC_BJSQ_N_SCALES; i++)
    out->result.raw[i] = (gint8) *p++;
  for (guint i = 0; i < SC_BJSQ_N_SCALES; i++)
    out->result.score[i] = (gint8) *p++;
  if (!get_area (p, &out->result.sum) || !get_area (p + AREA_BYTES, &out->result.conversion))
    return FALSE;
  p += 2 * AREA_BYTES;
  for (guint i = 0; i < SC_N_CHART_SCALES; i++)
    out->result.chart[i] = (gint8) *p++;
  if (out->has_answers)
    memcpy (out->answers, p, SC_BJSQ_N_ITEMS);
  return TRUE;
}

GBytes *
_sc_vault_seal_result (const guint8    *pk,
                       gint64           round_id,
                       gint64           employee_id,
                       const ScResult  *result,
                       const guint8    *answers,
                       const guint8    *decision_key)
{
  guint8 plain[RESULT_PLAIN_LEN_2];
  gsize plain_len = decision_key != NULL ? RESULT_PLAIN_LEN_2 : RESULT_PLAIN_LEN;
  gsize sealed_len = plain_len + crypto_box_SEALBYTES;
  guint8 *sealed = g_malloc (sealed_len);

  serialize_result (plain, round_id, employee_id, result, answers);
  if (decision_key != NULL)
    {
      plain[0] = SEALED_FORMAT_DECISION;
      memcpy (plain + RESULT_PLAIN_LEN, decision_key, SC_VAULT_DECISION_KEY_BYTES);
    }
  crypto_box_seal (sealed, plain, plain_len, pk);
  sodium_memzero (plain, sizeof plain);
  return g_bytes_new_take (sealed, sealed_len);
}

/* SECURITY: opens a sealed result with a key pair; FALSE when the key is not the one it
 * was sealed to, or the blob was moved from another row. */
gboolean
_sc_vault_open_result (const void     *sealed,
                       gsize           sealed_len,
                       const guint8   *pk,
                       const guint8   *sk,
                       gint64          round_id,
                       gint64          employee_id,
                       ScVaultResult  *out,
                       guint8         *out_decision_key,
                       gboolean       *out_has_decision_key)
{
  guint8 plain[RESULT_PLAIN_LEN_2];
  gboolean ok, has_key;

  if (out_has_decision_key != NULL)
    *out_has_decision_key = FALSE;
  if (sk == NULL || sealed == NULL
      || (sealed_len != RESULT_SEALED_LEN && sealed_len != RESULT_SEALED_LEN_2))
    return FALSE;
  if (crypto_box_seal_open (plain, sealed, sealed_len, pk, sk) != 0)
    return FALSE;
  has_key = sealed_len == RESULT_SEALED_LEN_2;
  /* The format byte and the length agree. */
  ok = (plain[0] == SEALED_FORMAT_DECISION) == has_key
       && deserialize_result (plain, round_id, employee_id, out);
  if (ok && has_key && out_decision_key != NULL)
    memcpy (out_decision_key, plain + RESULT_PLAIN_LEN, SC_VAULT_DECISION_KEY_BYTES);
  if (ok && out_has_decision_key != NULL)
    *out_has_decision_key = has_key;
  sodium_memzero (plain, sizeof plain);
  return ok;
}
