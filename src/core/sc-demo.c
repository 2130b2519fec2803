/* sc-demo.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo vault: about 30 fictional employees in four departments, an open round with 25
 * submissions in a mix of consent and interview states, and access codes for those who
 * have not answered yet, and the round's analysis by department released to HR (every
 * department is under 10, so HR sees the whole workplace only). Everything is made up and generated from a fixed seed, so two
 * demos are alike. Used by `stresscheck-cli demo` and `stresscheck --demo`.
 */
#define G_LOG_DOMAIN "sc-demo"

#include "config.h"

#include "sc-demo.h"
#include "sc-group-table.h"
#include "sc-vault.h"
#include "sc-vault-releases.h"

#include <glib/gstdio.h>
#include <string.h>

#define N_EMPLOYEES   30
#define N_SUBMISSIONS 25

typedef struct
{
  const char *name;
  const char *kana;
} Name;

static const Name family_names[] = {
  { "青木", "あおき" }, { "石川", "いしかわ" }, { "上田", "うえだ" }, { "遠藤", "えんどう" },
  { "大野", "おおの" }, { "岡本", "おかもと" }, { "川口", "かわぐち" }, { "菊地", "きくち" },
  { "久保", "くぼ" }, { "小松", "こまつ" }, { "坂本", "さかもと" }, { "柴田", "しばた" },
  { "杉山", "すぎやま" }, { "関", "せき" }, { "竹内", "たけうち" }, { "千葉", "ちば" },
  { "土屋", "つちや" }, { "永井", "ながい" }, { "西村", "にしむら" }, { "野口", "のぐち" },
};

static const Name male_names[] = {
  { "健太", "けんた" }, { "翔", "しょう" }, { "大輔", "だいすけ" }, { "拓也", "たくや" },
  { "直樹", "なおき" }, { "浩二", "こうじ" }, { "誠", "まこと" }, { "亮", "りょう" },
};

static const Name female_names[] = {
  { "陽子", "ようこ" }, { "美咲", "みさき" }, { "由美", "ゆみ" }, { "恵", "めぐみ" },
  { "真理子", "まりこ" }, { "彩", "あや" }, { "千尋", "ちひろ" }, { "友美", "ともみ" },
};

static const char * const departments[] = { "総務部", "営業部", "製造部", "開発部" };
static const char * const job_types[] = { "事務", "営業", "製造", "技術" };
static const char * const employment_types[] = { "正社員", "正社員", "正社員", "契約社員", "パート" };

/* Answers for one fictional respondent. @strain 0..3: how stressed the answers lean.
 * Points 1-4 run from least to most stressed, as in the sum method; an item recoded in
 * that method has its answer reversed. */
/* The implementer's release of the round's analysis by department, for HR to see. */
static gboolean
release_demo_analysis (ScVault  *vault,
                       gint64    round_id,
                       GError  **error)
{
  ScGrouping grouping = { SC_GROUP_BY_DEPARTMENT, SC_GROUP_BY_WHOLE, 0 };
  g_autoptr(ScGroupTable) table = sc_group_table_new_for_round (vault, round_id, &grouping,
                                                                NULL, error);
  g_autofree char *snapshot = NULL;

  if (table == NULL)
    return FALSE;
  snapshot = sc_group_table_to_json (table);
  return sc_vault_release_analysis (vault, round_id, "部署別（デモ）", "実施者（デモ）",
                                    snapshot, error) != 0;
}

static void
make_answers (GRand  *rand,
              int     strain,
              guint8  answers[SC_BJSQ_N_ITEMS])
{
  for (guint i = 0; i < SC_BJSQ_N_ITEMS; i++)
    {
      int points = g_rand_int_range (rand, 1, 3) + (strain >= 2 ? 1 : 0)
                   + (g_rand_int_range (rand, 0, 4) < strain ? 1 : 0);

      points = CLAMP (points, 1, 4);
      answers[i] = (guint8) (sc_bjsq_item (i)->reverse_in_sum ? 5 - points : points);
    }
}

static ScEmployee *
make_employee (GRand *rand,
               guint  index)
{
  ScEmployee *e = sc_employee_new ();
  gboolean female = g_rand_boolean (rand);
  const Name *family = &family_names[index % G_N_ELEMENTS (family_names)];
  const Name *given = female ? &female_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (female_names))]
                             : &male_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (male_names))];
  guint dept = index % G_N_ELEMENTS (departments);

  e->number = g_strdup_printf ("D%04u", 1001 + index);
  e->name = g_strdup_printf ("%s %s", family->name, given->name);
  e->kana = g_strdup_printf ("%s %s", family->kana, given->kana);
  e->sex = female ? SC_SEX_FEMALE : SC_SEX_MALE;
  e->birth_date = g_strdup_printf ("%04d-%02d-%02d", g_rand_int_range (rand, 1962, 2003),
                                   g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
  e->department = g_strdup (departments[dept]);
  e->job_type = g_strdup (job_types[dept]);
  e->position = g_strdup (index % 7 == 0 ? "課長" : index % 5 == 0 ? "主任" : "一般");
  e->employment_type = g_strdup (employment_types[g_rand_int_range (rand, 0,
                                                                    G_N_ELEMENTS (employment_types))]);
  e->active = TRUE;
  return e;
}

gboolean
sc_demo_create (const char              *path,
                const ScVaultKdfLimits  *limits,
                GString                 *out_report,
                GError                 **error)
{
  g_autoptr(ScVault) vault = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  g_autoptr(GPtrArray) employees = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_employee_free);
  g_autoptr(GPtrArray) waiting = g_ptr_array_new ();
  g_autoptr(GString) codes = g_string_new ("number,name,code\n");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *round_name = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  char *recovery = NULL;
  ScCriteria criteria;
  gint64 round_id;
  guint n_high = 0;
  guint n_consent = 0;
  guint n_interview = 0;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (out_report != NULL, FALSE);

  vault = sc_vault_create (path, SC_DEMO_PASSPHRASE, limits, &recovery, error);
  if (vault == NULL)
    return FALSE;
  sc_vault_free_recovery_key (recovery);

  /* The demo shows both roles at the kiosk, so HR may start it here (it is off by
   * default in a real vault). */
  if (!sc_vault_set_hr_passphrase (vault, SC_DEMO_HR_PASSPHRASE, error)
      || !sc_vault_set_setting (vault, SC_VAULT_SETTING_HR_KIOSK, "true", error))
    goto failed;

  for (guint i = 0; i < N_EMPLOYEES; i++)
    g_ptr_array_add (employees, make_employee (rand, i));
  if (!sc_vault_upsert_employees (vault, employees, error))
    goto failed;

  sc_criteria_init_default (&criteria);
  round_name = g_strdup_printf ("%d年度 ストレスチェック（デモ）", g_date_time_get_year (now));
  start = g_date_time_format (now, "%Y-%m-01");
  end = g_strdup_printf ("%04d-12-31", g_date_time_get_year (now));
  round_id = sc_vault_create_round (vault, round_name, start, end, &criteria, error);
  if (round_id == 0)
    goto failed;

  for (guint i = 0; i < N_EMPLOYEES; i++)
    {
      const ScEmployee *e = g_ptr_array_index (employees, i);
      guint8 answers[SC_BJSQ_N_ITEMS];
      ScResult result;
      gint64 submission;
      gboolean high;

      if (i >= N_SUBMISSIONS)
        {
          g_ptr_array_add (waiting, (gpointer) e);
          continue;
        }

      /* About one in five leans strongly towards stress, as the criteria expect. */
      make_answers (rand, i % 5 == 3 ? 3 : g_rand_int_range (rand, 0, 2), answers);
      submission = sc_vault_submit (vault, round_id, e->number, answers, e->sex, &result, error);
      if (submission == 0)
        goto failed;
      high = result.conversion.verdict == SC_VERDICT_HIGH;
      n_high += high;

      /* The implementer decides on every high-stress result; some ask for an interview,
       * some share their result, some decline, some have not decided. */
      if (high && !sc_vault_recommend_interview (vault, submission, TRUE, "実施者（デモ）", error))
        goto failed;
      if (high && i % 2 == 1)
        {
          if (!sc_vault_request_interview (vault, submission, error))
            goto failed;
          n_interview++;
        }
      else if (i % 3 == 0)
        {
          if (!sc_vault_record_consent (vault, submission, TRUE, error))
            goto failed;
          n_consent++;
        }
      else if (i % 3 == 1 && !sc_vault_record_consent (vault, submission, FALSE, error))
        goto failed;
    }

  if (!sc_vault_issue_access_codes (vault, round_id, waiting, codes, error))
    goto failed;
  if (!release_demo_analysis (vault, round_id, error))
    goto failed;

  g_string_append_printf (out_report,
                          "Created the demo vault %s.\n"
                          "\n"
                          "  Implementer passphrase: %s\n"
                          "  HR passphrase:          %s\n"
                          "\n"
                          "%u fictional employees in %u departments; round %" G_GINT64_FORMAT
                          " “%s” is open with %u submissions\n"
                          "(%u high stress, %u interview requests, %u shared results).\n"
                          "\n"
                          "Access codes of the %u employees who have not answered yet:\n%s",
                          path, SC_DEMO_PASSPHRASE, SC_DEMO_HR_PASSPHRASE, N_EMPLOYEES,
                          (guint) G_N_ELEMENTS (departments), round_id, round_name,
                          N_SUBMISSIONS, n_high, n_interview, n_consent + n_interview,
                          waiting->len, codes->str);
  sc_vault_close (vault);
  return TRUE;

failed:
  /* Nothing half-made is left behind: a demo vault is whole or not there. */
  sc_vault_close (vault);
  g_unlink (path);
  return FALSE;
}
