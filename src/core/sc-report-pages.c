/* sc-report-pages.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ScReport drawing: the lists (participation, results, consented results), the group
 * analysis with both judgement charts, the interview records and the labour-office
 * figures (様式第6号の3).
 */
#define G_LOG_DOMAIN "sc-report"

#include "config.h"

#include "sc-report-private.h"

#include <string.h>

#define BODY_X     SC_REPORT_MARGIN
#define BODY_WIDTH (SC_REPORT_PAGE_WIDTH - 2 * SC_REPORT_MARGIN)

guint
sc_report_list_n_rows (ScReport *self)
{
  if (self->kind == SC_REPORT_PARTICIPATION)
    return self->participants->len;
  return self->rows->len;
}

static const char *
verdict_text (ScReport  *self,
              ScVerdict  verdict)
{
  switch (verdict)
    {
    case SC_VERDICT_HIGH:
      return TR (self, "high stress", "高ストレス");
    case SC_VERDICT_NOT_HIGH:
      return TR (self, "not high", "該当せず");
    case SC_VERDICT_UNDETERMINED:
    default:
      return TR (self, "undetermined", "判定不能");
    }
}

static char *
criteria_text (guint criteria)
{
  return g_strdup_printf ("%s%s", (criteria & SC_CRITERION_A) ? "㋐" : "",
                          (criteria & SC_CRITERION_B) ? "㋑" : "");
}

static const char *
need_text (ScReport          *self,
           const ScResultRow *row)
{
  switch (row->decision.need)
    {
    case SC_INTERVIEW_NEED_REQUIRED:
      return TR (self, "required", "必要");
    case SC_INTERVIEW_NEED_NOT_REQUIRED:
      return TR (self, "not required", "不要");
    case SC_INTERVIEW_NEED_UNDECIDED:
    default:
      return TR (self, "undecided", "未判断");
    }
}

static const char *
consent_text (ScReport          *self,
              const ScResultRow *row)
{
  if (row->interview_requested_at != 0)
    return TR (self, "interview requested", "面接指導の申出");
  switch (row->consent)
    {
    case SC_VAULT_CONSENT_YES:
      return TR (self, "consented", "同意");
    case SC_VAULT_CONSENT_NO:
      return TR (self, "refused", "不同意");
    case SC_VAULT_CONSENT_UNDECIDED:
    default:
      return TR (self, "undecided", "未回答");
    }
}

void
sc_report_draw_list_page (ScReport *self,
                          cairo_t  *cr,
                          guint     page)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  const char *title;
  const char *titles[11];
  double widths[11];
  guint n_columns;
  guint first = page * SC_REPORT_ROWS_PER_PAGE;
  guint n_rows = MIN (SC_REPORT_ROWS_PER_PAGE, sc_report_list_n_rows (self) - first);
  g_autofree const char **cells = NULL;
  double y;

  if (self->kind == SC_REPORT_PARTICIPATION)
    {
      static const double w[] = { 90, 160, 161, 100 };

      title = TR (self, "Participation (who has answered)", "受検状況一覧（受検の有無）");
      n_columns = 4;
      memcpy (widths, w, sizeof w);
      titles[0] = TR (self, "No.", "社員番号");
      titles[1] = TR (self, "Name", "氏名");
      titles[2] = TR (self, "Department", "部署");
      titles[3] = TR (self, "Answered", "受検");
    }
  else if (self->kind == SC_REPORT_RESULTS)
    {
      static const double w[] = { 56, 80, 66, 56, 26, 26, 26, 50, 28, 40, 57 };

      title = TR (self, "Results list", "結果一覧（実施者用）");
      n_columns = 11;
      memcpy (widths, w, sizeof w);
      titles[0] = TR (self, "No.", "社員番号");
      titles[1] = TR (self, "Name", "氏名");
      titles[2] = TR (self, "Department", "部署");
      titles[3] = TR (self, "Date", "回答日");
      titles[4] = "A";
      titles[5] = "B";
      titles[6] = "C";
      titles[7] = TR (self, "Verdict", "判定");
      titles[8] = TR (self, "By", "基準");
      titles[9] = TR (self, "Interview", "要否");
      titles[10] = TR (self, "Consent", "同意");
    }
  else
    {
      static const double w[] = { 62, 100, 86, 30, 30, 30, 70, 103 };

      title = TR (self, "Results shared with the employer", "結果一覧（同意・申出のあった方）");
      n_columns = 8;
      memcpy (widths, w, sizeof w);
      titles[0] = TR (self, "No.", "社員番号");
      titles[1] = TR (self, "Name", "氏名");
      titles[2] = TR (self, "Department", "部署");
      titles[3] = "A";
      titles[4] = "B";
      titles[5] = "C";
      titles[6] = TR (self, "Verdict", "判定");
      titles[7] = TR (self, "Shared by", "提供の根拠");
    }

  y = sc_report_draw_header (self, cr, SC_REPORT_MARGIN, title, page, self->n_pages);
  if (sc_report_list_n_rows (self) == 0)
    {
      sc_report_text (self, cr, BODY_X, y, BODY_WIDTH, 10, FALSE,
                      TR (self, "Nobody to list.", "該当者はいません。"));
      return;
    }
  cells = g_new0 (const char *, n_rows * n_columns);
  for (guint r = 0; r < n_rows; r++)
    {
      const char **cell = cells + r * n_columns;

      if (self->kind == SC_REPORT_PARTICIPATION)
        {
          const ScParticipant *p = g_ptr_array_index (self->participants, first + r);

          cell[0] = p->number;
          cell[1] = p->name;
          cell[2] = p->department;
          cell[3] = p->answered ? TR (self, "yes", "済") : TR (self, "no", "未");
        }
      else
        {
          const ScResultRow *row = g_ptr_array_index (self->rows, first + r);
          char *a = row->sum_a < 0 ? g_strdup ("—") : g_strdup_printf ("%d", row->sum_a);
          char *b = row->sum_b < 0 ? g_strdup ("—") : g_strdup_printf ("%d", row->sum_b);
          char *c = row->sum_c < 0 ? g_strdup ("—") : g_strdup_printf ("%d", row->sum_c);

          g_ptr_array_add (strings, a);
          g_ptr_array_add (strings, b);
          g_ptr_array_add (strings, c);
          cell[0] = row->number;
          cell[1] = row->name;
          cell[2] = row->department;
          if (self->kind == SC_REPORT_RESULTS)
            {
              char *k = criteria_text (row->criteria);

              g_ptr_array_add (strings, k);
              cell[3] = row->date;
              cell[4] = a;
              cell[5] = b;
              cell[6] = c;
              cell[7] = verdict_text (self, row->verdict);
              cell[8] = k;
              cell[9] = need_text (self, row);
              cell[10] = consent_text (self, row);
            }
          else
            {
              cell[3] = a;
              cell[4] = b;
              cell[5] = c;
              cell[6] = verdict_text (self, row->verdict);
              cell[7] = consent_text (self, row);
            }
        }
    }
  sc_report_table (self, cr, BODY_X, y, 8, n_columns, widths, titles, n_rows, cells);
}

/* ---- group analysis ------------------------------------------------------------------ */

const char *
sc_report_suppression_text (ScReport           *self,
                            ScGroupSuppression  suppression)
{
  switch (suppression)
    {
    case SC_GROUP_SUPPRESSION_TOO_SMALL:
      return TR (self, "not shown: fewer than 10 respondents",
                 "非表示: 回答者が10人未満のため");
    case SC_GROUP_SUPPRESSION_COMPLEMENTARY:
      return TR (self, "not shown: another group under 10 could be worked out from it",
                 "非表示: 他の集団との差から10人未満の集団が分かるため");
    case SC_GROUP_SUPPRESSION_WORKPLACE_TOO_SMALL:
      return TR (self, "no group analysis: the workplace has fewer than 10 respondents",
                 "集団分析なし: 事業場全体の回答者が10人未満のため");
    case SC_GROUP_SUPPRESSION_SEX_SUBGROUP_TOO_SMALL:
      return TR (self, "by sex not shown: a sex has fewer than 10 respondents",
                 "男女別は非表示: 一方の性別の回答者が10人未満のため");
    case SC_GROUP_SUPPRESSION_SEX_COMPLEMENTARY:
      return TR (self, "by sex not shown: a small subgroup could be worked out",
                 "男女別は非表示: 差から少人数の集団が分かるため");
    case SC_GROUP_SUPPRESSION_NONE:
    default:
      return "";
    }
}

void
sc_report_group_titles (ScReport    *self,
                        const char **titles)
{
  titles[0] = TR (self, "Group", "集団");
  titles[1] = TR (self, "n", "人数");
  titles[2] = TR (self, "Demand", "量的負担");
  titles[3] = TR (self, "Control", "コントロール");
  titles[4] = TR (self, "Supervisor", "上司の支援");
  titles[5] = TR (self, "Coworkers", "同僚の支援");
  titles[6] = TR (self, "Risk A", "健康リスクA");
  titles[7] = TR (self, "Risk B", "健康リスクB");
  titles[8] = TR (self, "Total risk", "総合健康リスク");
  titles[9] = TR (self, "Change", "前回比");
}

void
sc_report_group_notes (ScReport   *self,
                       cairo_t    *cr,
                       double      y,
                       const char *caption,
                       gboolean    with_change)
{
  y += sc_report_text (self, cr, BODY_X, y, BODY_WIDTH, 8, FALSE,
                       TR (self, "Groups under 10 respondents are never shown, nor a group "
                           "whose figures would reveal a group under 10. Risks: national "
                           "average = 100. Incomplete questionnaires are left out.",
                           "回答者10人未満の集団、および差し引きで10人未満の集団が分かる集団は"
                           "表示しません。健康リスクは全国平均を100とした値です。未回答のある"
                           "調査票は集計に含めていません。")) + 2;
  if (with_change)
    y += sc_report_text (self, cr, BODY_X, y, BODY_WIDTH, 8, FALSE,
                         TR (self, "Change: total risk against the previous round.",
                             "前回比は前回の総合健康リスクとの差です。")) + 2;
  sc_report_text (self, cr, BODY_X, y + 2, BODY_WIDTH, 8, FALSE, caption);
}

static void
add_group_row (ScReport           *self,
               const ScGroupEntry *entry,
               GPtrArray          *strings,
               const char        **cell)
{
  const ScGroupFigures *f = sc_group_entry_get_combined (entry);
  const char *label = sc_group_entry_is_total (entry) ? TR (self, "Whole workplace", "全体")
                                                      : sc_group_entry_get_label (entry);
  char *n = g_strdup_printf ("%u", sc_group_entry_get_n (entry));

  g_ptr_array_add (strings, n);
  cell[0] = label;
  cell[1] = n;
  if (sc_group_entry_is_suppressed (entry) || f == NULL)
    {
      cell[2] = sc_report_suppression_text (self, sc_group_entry_get_suppression (entry));
      return;
    }
  for (guint k = 0; k < SC_N_CHART_SCALES; k++)
    {
      char *v = g_strdup_printf ("%.1f", f->chart[k]);

      g_ptr_array_add (strings, v);
      cell[2 + k] = v;
    }
  {
    char *a = g_strdup_printf ("%.0f", f->risk_a);
    char *b = g_strdup_printf ("%.0f", f->risk_b);
    char *t = g_strdup_printf ("%.0f", f->risk_total);

    g_ptr_array_add (strings, a);
    g_ptr_array_add (strings, b);
    g_ptr_array_add (strings, t);
    cell[6] = a;
    cell[7] = b;
    cell[8] = t;
  }
}

static void
draw_group_table (ScReport *self,
                  cairo_t  *cr)
{
  static const double widths[] = { 111, 30, 50, 50, 50, 50, 55, 55, 60 };
  const char *titles[10];
  guint n_groups = sc_group_analysis_get_n_groups (self->group);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree const char **cells = g_new0 (const char *, (n_groups + 1) * 9);
  g_autofree char *caption = sc_chart_judgement_caption (self->constants);
  double y;

  y = sc_report_draw_header (self, cr, SC_REPORT_MARGIN,
                             TR (self, "Group analysis (job stress judgement charts)",
                                 "集団分析結果（仕事のストレス判定図）"), 0, self->n_pages);
  sc_report_group_titles (self, titles);
  add_group_row (self, sc_group_analysis_get_total (self->group), strings, cells);
  for (guint i = 0; i < n_groups; i++)
    add_group_row (self, sc_group_analysis_get_group (self->group, i), strings,
                   cells + (i + 1) * 9);
  y = sc_report_table (self, cr, BODY_X, y, 8, 9, widths, titles, n_groups + 1, cells) + 10;
  sc_report_group_notes (self, cr, y, caption, FALSE);
}

double
sc_report_draw_charts_header (ScReport *self,
                              cairo_t  *cr,
                              ScSex     sex,
                              guint     page)
{
  return sc_report_draw_header (self, cr, SC_REPORT_MARGIN,
                                sex == SC_SEX_MALE
                                ? TR (self, "Judgement charts: men",
                                      "仕事のストレス判定図（男性）")
                                : TR (self, "Judgement charts: women",
                                      "仕事のストレス判定図（女性）"),
                                page, self->n_pages);
}

static void
draw_group_charts (ScReport *self,
                   cairo_t  *cr,
                   guint     page)
{
  ScSex sex = page == 1 ? SC_SEX_MALE : SC_SEX_FEMALE;
  guint n_groups = sc_group_analysis_get_n_groups (self->group);
  g_autofree ScChartPoint *points = g_new0 (ScChartPoint, n_groups + 1);
  gsize n_points = 0;
  ScChartStyle style;
  double y;

  y = sc_report_draw_charts_header (self, cr, sex, page);
  for (guint i = 0; i <= n_groups; i++)
    {
      const ScGroupEntry *entry = i == 0 ? sc_group_analysis_get_total (self->group)
                                         : sc_group_analysis_get_group (self->group, i - 1);
      const ScGroupFigures *f = sc_group_entry_get_by_sex (entry, sex);

      /* Only what is shown is plotted: a suppressed group never reaches the chart. */
      if (f == NULL)
        continue;
      points[n_points].label = i == 0 ? TR (self, "Whole", "全体")
                                      : sc_group_entry_get_label (entry);
      points[n_points].x = f->chart[SC_CHART_JOB_CONTROL];
      points[n_points].y = f->chart[SC_CHART_QUANTITATIVE_DEMAND];
      n_points++;
    }
  if (n_points == 0)
    y += sc_report_text (self, cr, BODY_X, y, BODY_WIDTH, 9, FALSE,
                         sc_report_suppression_text (self, sc_group_entry_get_sex_suppression (
                                             sc_group_analysis_get_total (self->group))))
         + 4;
  sc_chart_style_init_default (&style);
  style.font_family = SC_REPORT_FONT;
  style.font_size = 8;
  cairo_save (cr);
  cairo_translate (cr, BODY_X + 60, y);
  sc_chart_draw_demand_control (cr, 390, 340, self->constants, sex, points, n_points, &style);
  cairo_restore (cr);
  for (gsize i = 0; i < n_points; i++)
    {
      const ScGroupEntry *entry = NULL;

      /* The support chart's axes: supervisor (x) and coworker (y) support. */
      for (guint j = 0; j <= n_groups && entry == NULL; j++)
        {
          const ScGroupEntry *e = j == 0 ? sc_group_analysis_get_total (self->group)
                                         : sc_group_analysis_get_group (self->group, j - 1);
          const char *label = j == 0 ? TR (self, "Whole", "全体")
                                     : sc_group_entry_get_label (e);

          if (g_strcmp0 (label, points[i].label) == 0)
            entry = e;
        }
      if (entry != NULL)
        {
          const ScGroupFigures *f = sc_group_entry_get_by_sex (entry, sex);

          points[i].x = f->chart[SC_CHART_SUPERVISOR_SUPPORT];
          points[i].y = f->chart[SC_CHART_COWORKER_SUPPORT];
        }
    }
  cairo_save (cr);
  cairo_translate (cr, BODY_X + 60, y + 360);
  sc_chart_draw_support (cr, 390, 340, self->constants, sex, points, n_points, &style);
  cairo_restore (cr);
}

void
sc_report_draw_group_page (ScReport *self,
                           cairo_t  *cr,
                           guint     page)
{
  if (self->release_table != NULL)
    sc_report_draw_release_page (self, cr, page);
  else if (page == 0)
    draw_group_table (self, cr);
  else
    draw_group_charts (self, cr, page);
}

/* ---- interviews ---------------------------------------------------------------------- */

static char *
flags_text (ScReport *self,
            guint     flags,
            const char * const *en,
            const char * const *ja,
            guint     n,
            const char *none)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    if (flags & (1u << i))
      g_string_append_printf (out, "%s%s", out->len ? "、" : "", TR (self, en[i], ja[i]));
  if (out->len == 0)
    g_string_append (out, none);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
draw_interview_record (ScReport                *self,
                       cairo_t                 *cr,
                       const ScReportInterview *entry,
                       guint                    page)
{
  static const char * const guidance_en[] = { "health guidance", "follow-up",
                                              "another interview", "medical care" };
  static const char * const guidance_ja[] = { "要保健指導", "要経過観察", "要再面接",
                                              "現病治療継続又は医療機関紹介" };
  static const char * const measure_en[] = { "limit overtime", "no overtime",
                                             "limit working hours",
                                             "exclude from flexible hours", "other" };
  static const char * const measure_ja[] = { "時間外労働の制限", "時間外労働の禁止",
                                             "就業時間を制限", "変形労働時間制又は裁量労働制の"
                                             "対象からの除外", "その他" };
  const ScInterviewRecord *r = entry->record;
  const char *work_class[] = { TR (self, "normal work", "通常勤務"),
                               TR (self, "restricted work", "就業制限・配慮"),
                               TR (self, "leave", "要休業") };
  const char *hidden = TR (self, "(implementer only)", "（実施者のみ）");
  g_autofree char *guidance = flags_text (self, r->guidance, guidance_en, guidance_ja, 4,
                                          TR (self, "none", "措置不要"));
  g_autofree char *measures = flags_text (self, r->measures, measure_en, measure_ja, 5,
                                          TR (self, "none", "特に指示なし"));
  const char *titles[2] = { TR (self, "Item", "項目"), TR (self, "Entry", "記入") };
  const double widths[] = { 170, 341 };
  const char *cells[34];
  guint n = 0;
  double y;

#define ROW(label, value) G_STMT_START { cells[n++] = (label); cells[n++] = (value); } G_STMT_END
  y = sc_report_draw_header (self, cr, SC_REPORT_MARGIN,
                             TR (self, "Interview report and opinion on work measures",
                                 "面接指導結果報告書及び事後措置に係る意見書"),
                             page, self->n_pages);
  ROW (TR (self, "Employee no.", "社員番号"), entry->number);
  ROW (TR (self, "Name", "対象者氏名"), entry->name);
  ROW (TR (self, "Department", "所属"), entry->department);
  ROW (TR (self, "Requested on", "申出日"), r->requested_on);
  ROW (TR (self, "Interview on", "実施年月日"), r->interview_on);
  ROW (TR (self, "Doctor", "面接医師"), r->doctor);
  ROW (TR (self, "Working situation", "勤務の状況"),
       r->hr_view ? hidden : r->working_situation);
  ROW (TR (self, "Psychological burden", "心理的な負担の状況"),
       r->hr_view ? hidden : r->psychological_burden);
  ROW (TR (self, "Other physical and mental state", "その他の心身の状況"),
       r->hr_view ? hidden : r->other_state);
  ROW (TR (self, "Doctor's finding", "面接医師判定"),
       r->hr_view ? hidden : (r->finding ? TR (self, "findings", "所見あり")
                                         : TR (self, "no findings", "所見なし")));
  ROW (TR (self, "Guidance to the person", "本人への指導区分"), r->hr_view ? hidden : guidance);
  ROW (TR (self, "Work classification", "就業区分"),
       r->work_class >= 0 && r->work_class <= 2 ? work_class[r->work_class] : "");
  ROW (TR (self, "Work measures", "就業上の措置"), measures);
  ROW (TR (self, "Other measures", "その他の措置"), r->measures_other);
  ROW (TR (self, "Workplace environment", "職場環境の改善に関する意見"), r->workplace_opinion);
  ROW (TR (self, "Medical consideration", "医療機関への受診配慮等"), r->medical_consideration);
  ROW (TR (self, "Opinion heard on", "意見聴取日"), r->opinion_on);
#undef ROW
  sc_report_table (self, cr, BODY_X, y, 8.5, 2, widths, titles, n / 2, cells);
}

static void
draw_interview_list (ScReport *self,
                     cairo_t  *cr,
                     guint     page,
                     guint     list_page)
{
  static const double widths[] = { 70, 111, 82, 82, 82, 84 };
  const char *titles[6];
  guint first = list_page * SC_REPORT_ROWS_PER_PAGE;
  guint n_rows = self->interviews->len > first
                 ? MIN (SC_REPORT_ROWS_PER_PAGE, self->interviews->len - first) : 0;
  g_autofree const char **cells = g_new0 (const char *, MAX (n_rows, 1) * 6);
  double y;

  y = sc_report_draw_header (self, cr, SC_REPORT_MARGIN,
                             TR (self, "Interviews (面接指導) with dates", "面接指導の実施状況一覧"),
                             page, self->n_pages);
  if (n_rows == 0)
    {
      sc_report_text (self, cr, BODY_X, y, BODY_WIDTH, 10, FALSE,
                      TR (self, "No interview in this round.", "この実施回の面接指導はありません。"));
      return;
    }
  titles[0] = TR (self, "No.", "社員番号");
  titles[1] = TR (self, "Name", "氏名");
  titles[2] = TR (self, "Requested", "申出日");
  titles[3] = TR (self, "Interview", "面接指導日");
  titles[4] = TR (self, "Opinion", "意見聴取日");
  titles[5] = TR (self, "Measures", "措置日");
  for (guint i = 0; i < n_rows; i++)
    {
      const ScReportInterview *e = g_ptr_array_index (self->interviews, first + i);
      const char **cell = cells + i * 6;

      cell[0] = e->number;
      cell[1] = e->name;
      cell[2] = e->record->requested_on;
      cell[3] = e->record->interview_on;
      cell[4] = e->record->opinion_on;
      cell[5] = e->record->measures_on;
    }
  sc_report_table (self, cr, BODY_X, y, 8.5, 6, widths, titles, n_rows, cells);
}

void
sc_report_draw_interviews_page (ScReport *self,
                                cairo_t  *cr,
                                guint     page)
{
  /* The list first, then one record per person. */
  guint n_list = self->n_pages - self->interviews->len;

  if (page < n_list)
    draw_interview_list (self, cr, page, page);
  else
    draw_interview_record (self, cr, g_ptr_array_index (self->interviews, page - n_list), page);
}

/* ---- labour office (様式第6号の3) ----------------------------------------------------- */

void
sc_report_draw_labour_page (ScReport *self,
                            cairo_t  *cr,
                            guint     page)
{
  const char *titles[2] = { TR (self, "Field", "項目"), TR (self, "Value", "記入内容") };
  const double widths[] = { 200, 311 };
  const char *cells[30];
  g_autofree char *month = NULL;
  g_autofree char *year = NULL;
  g_autofree char *workers = NULL;
  g_autofree char *answered = g_strdup_printf ("%u", self->counts.answered);
  g_autofree char *interviews = g_strdup_printf ("%u", self->counts.interviews_done);
  const char *end = self->round->period_end != NULL ? self->round->period_end
                                                    : self->printed_on;
  const char *missing = TR (self, "(not set in Settings)", "（設定で未入力）");
  const char *group;
  guint n_workers;
  guint n = 0;
  double y;

  if (self->settings[5] != NULL && self->settings[5][0] != '\0')
    n_workers = (guint) g_ascii_strtoull (self->settings[5], NULL, 10);
  else
    n_workers = self->counts.on_roster;
  workers = g_strdup_printf ("%u", n_workers);
  month = g_strndup (end, 7);
  year = g_strndup (end, 4);
  group = self->counts.answered >= SC_GROUP_MIN_SIZE_DEFAULT ? TR (self, "yes", "有")
                                                              : TR (self, "no", "無");

#define ROW(label, value) G_STMT_START { cells[n++] = (label); \
  cells[n++] = (value) != NULL ? (value) : missing; } G_STMT_END
  y = sc_report_draw_header (self, cr, SC_REPORT_MARGIN,
                             TR (self, "Stress check report to the labour office (Form 6-3)",
                                 "心理的な負担の程度を把握するための検査結果等報告書（様式第6号の3）"
                                 "記入用"),
                             page, self->n_pages);
  ROW (TR (self, "Labour insurance number", "労働保険番号"), self->settings[0]);
  ROW (TR (self, "Year", "対象年"), year);
  ROW (TR (self, "Month of the check", "検査実施年月"), month);
  ROW (TR (self, "Kind of business", "事業の種類"), self->settings[1]);
  ROW (TR (self, "Name of the workplace", "事業場の名称"), self->settings[2]);
  ROW (TR (self, "Address", "事業場の所在地"), self->settings[3]);
  ROW (TR (self, "Telephone", "電話番号"), self->settings[4]);
  ROW (TR (self, "Workers on the payroll (end of the month)", "在籍労働者数"), workers);
  ROW (TR (self, "Workers who took the check", "検査を受けた労働者数"), answered);
  ROW (TR (self, "Who ran the check (category 1-3)", "検査を実施した者（1〜3）"),
       self->settings[8]);
  ROW (TR (self, "Workers who had an interview", "面接指導を受けた労働者数"), interviews);
  ROW (TR (self, "Doctor of the interviews (category 1-3)", "面接指導を実施した医師（1〜3）"),
       self->settings[9]);
  ROW (TR (self, "Group analysis done", "集団ごとの分析の実施の有無"), group);
  ROW (TR (self, "Occupational physician", "産業医（氏名・所属機関）"), self->settings[6]);
  ROW (TR (self, "Employer (title and name)", "事業者職氏名"), self->settings[7]);
#undef ROW
  y = sc_report_table (self, cr, BODY_X, y, 9.5, 2, widths, titles, n / 2, cells) + 12;
  y += sc_report_text (self, cr, BODY_X, y, BODY_WIDTH, 8.5, FALSE,
                       TR (self, "Copy these figures into the e-Gov filing in this order. "
                           "Workers on the payroll are counted on the last day of the month of "
                           "the check.",
                           "この順に e-Gov の電子申請に転記してください。在籍労働者数は検査実施年月の"
                           "末日現在の人数です。")) + 6;
  if (n_workers < 50)
    sc_report_text (self, cr, BODY_X, y, BODY_WIDTH, 9.5, TRUE,
                    TR (self, "This workplace has fewer than 50 workers: it is not required to "
                        "file this report.",
                        "この事業場は常時使用する労働者が50人未満のため、この報告書の提出義務は"
                        "ありません。"));
}
