/* sc-report-draw.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ScReport drawing: text and table helpers, the header every page carries, the
 * individual result sheet (three pages for everyone, 申出書 last) and the slips.
 */
#define G_LOG_DOMAIN "sc-report"

#include "config.h"

#include "sc-report-private.h"

#include <string.h>

double
sc_report_text_aligned (ScReport       *self,
                        cairo_t        *cr,
                        double          x,
                        double          y,
                        double          width,
                        double          size,
                        gboolean        bold,
                        PangoAlignment  align,
                        const char     *text)
{
  static cairo_user_data_key_t context_key;
  g_autoptr(PangoLayout) layout = NULL;
  PangoContext *context;
  PangoFontDescription *desc;
  int w, h;

  if (text == NULL || text[0] == '\0')
    return 0;
  /* One PangoContext per cairo context, kept on it: creating one for every piece of text
   * (pango_cairo_create_layout) was most of the time of a batch of sheets. */
  context = cairo_get_user_data (cr, &context_key);
  if (context == NULL)
    {
      context = pango_cairo_create_context (cr);
      pango_context_set_language (context,
                                  pango_language_from_string (self->japanese ? "ja" : "en"));
      cairo_set_user_data (cr, &context_key, context, g_object_unref);
    }
  else
    pango_cairo_update_context (cr, context);
  layout = pango_layout_new (context);
  desc = pango_font_description_new ();
  pango_font_description_set_family_static (desc, SC_REPORT_FONT);
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_alignment (layout, align);
    }
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &w, &h);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
  return (double) h / PANGO_SCALE;
}

double
sc_report_text (ScReport   *self,
                cairo_t    *cr,
                double      x,
                double      y,
                double      width,
                double      size,
                gboolean    bold,
                const char *text)
{
  return sc_report_text_aligned (self, cr, x, y, width, size, bold, PANGO_ALIGN_LEFT, text);
}

static void
hline (cairo_t *cr,
       double   x0,
       double   x1,
       double   y,
       double   width)
{
  cairo_save (cr);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

double
sc_report_table (ScReport           *self,
                 cairo_t            *cr,
                 double              x,
                 double              y,
                 double              size,
                 guint               n_columns,
                 const double       *widths,
                 const char * const *titles,
                 guint               n_rows,
                 const char * const *cells)
{
  double total = 0;
  double row_height = 0;

  for (guint c = 0; c < n_columns; c++)
    total += widths[c];
  hline (cr, x, x + total, y, 0.8);
  for (guint r = 0; r <= n_rows; r++)
    {
      double cx = x;

      row_height = size * 1.6;
      for (guint c = 0; c < n_columns; c++)
        {
          const char *text = r == 0 ? titles[c] : cells[(r - 1) * n_columns + c];
          double w = widths[c];
          double h;

          /* A cell followed only by empty cells spans them (a suppression reason). */
          if (r > 0 && text != NULL && c + 1 < n_columns && c > 0)
            {
              guint last = c + 1;

              while (last < n_columns && cells[(r - 1) * n_columns + last] == NULL)
                last++;
              if (last == n_columns)
                for (guint k = c + 1; k < n_columns; k++)
                  w += widths[k];
            }
          h = sc_report_text (self, cr, cx + 2, y + size * 0.3, w - 4, size, r == 0, text);

          row_height = MAX (row_height, h + size * 0.6);
          cx += widths[c];
        }
      y += row_height;
      hline (cr, x, x + total, y, r == 0 ? 0.8 : 0.3);
    }
  return y;
}

char *
sc_report_criteria_text (ScReport *self)
{
  const ScCriteria *k = &self->round->criteria;

  if (k->method == SC_METHOD_SUM)
    return g_strdup_printf (TR (self, "Criteria: example 1 (sums): B ≥ %d, or A + C ≥ %d and "
                                "B ≥ %d",
                                "判定基準: 評価基準の例（その1）合計点数: B≧%d、"
                                "または A+C≧%d かつ B≧%d"),
                            k->sum_b_min, k->sum_ac_min, k->sum_ac_b_min);
  return g_strdup_printf (TR (self, "Criteria: example 2 (conversion tables): B ≤ %d, or "
                              "A + C ≤ %d and B ≤ %d",
                              "判定基準: 評価基準の例（その2）素点換算表: B≦%d、"
                              "または A+C≦%d かつ B≦%d"),
                          k->conv_b_max, k->conv_ac_max, k->conv_ac_b_max);
}

double
sc_report_draw_header (ScReport   *self,
                       cairo_t    *cr,
                       double      top,
                       const char *title,
                       guint       page,
                       guint       n_pages)
{
  const double x = SC_REPORT_MARGIN;
  const double width = SC_REPORT_PAGE_WIDTH - 2 * SC_REPORT_MARGIN;
  g_autofree char *line1 = NULL;
  g_autofree char *criteria = sc_report_criteria_text (self);
  g_autofree char *constants = NULL;
  g_autofree char *footer = NULL;
  double y = top;

  y += sc_report_text (self, cr, x, y, width, 15, TRUE, title) + 4;
  line1 = g_strdup_printf (TR (self, "Round: %s (%s – %s)    Printed on: %s",
                               "実施回: %s（%s〜%s）　作成日: %s"),
                           self->round->name,
                           self->round->period_start ? self->round->period_start : "",
                           self->round->period_end ? self->round->period_end : "",
                           self->printed_on);
  y += sc_report_text (self, cr, x, y, width, 8, FALSE, line1);
  y += sc_report_text (self, cr, x, y, width, 8, FALSE, criteria);
  constants = g_strdup_printf (TR (self, "Judgement-chart constants: %s",
                                   "判定図の定数: %s"), self->constants->name);
  y += sc_report_text (self, cr, x, y, width, 8, FALSE, constants);
  if (self->scope != NULL)
    {
      g_autofree char *scope = g_strdup_printf (TR (self, "Scope: %s", "対象: %s"),
                                                self->scope);

      y += sc_report_text (self, cr, x, y, width, 8, FALSE, scope);
    }
  y += 4;
  hline (cr, x, x + width, y, 1.0);

  footer = g_strdup_printf ("%u / %u", page + 1, n_pages);
  sc_report_text_aligned (self, cr, x, SC_REPORT_PAGE_HEIGHT - SC_REPORT_MARGIN + 12, width,
                          8, FALSE, PANGO_ALIGN_CENTER, footer);
  return y + 10;
}

/* ---- individual result sheet -------------------------------------------------------- */

static gboolean
interview_recommended (const ScResultRow *row)
{
  if (row->decision.need == SC_INTERVIEW_NEED_REQUIRED)
    return TRUE;
  return row->decision.need == SC_INTERVIEW_NEED_UNDECIDED && row->verdict == SC_VERDICT_HIGH;
}

static char *
format_sum (int value)
{
  return value < 0 ? g_strdup ("—") : g_strdup_printf ("%d", value);
}

static double
draw_verdict (ScReport          *self,
              cairo_t           *cr,
              const ScResultRow *row,
              double             x,
              double             y,
              double             width)
{
  const ScCriteria *k = &self->round->criteria;
  gboolean sum = row->method == SC_METHOD_SUM;

  y += sc_report_text (self, cr, x, y, width, 10.5, TRUE,
                       TR (self, "Your level of stress", "〈あなたのストレスの程度について〉")) + 3;
  if (row->verdict == SC_VERDICT_HIGH)
    {
      y += sc_report_text (self, cr, x, y, width, 10, TRUE,
                           TR (self, "Your stress is high (you meet the high-stress criteria).",
                               "あなたはストレスが高い状態です（高ストレス者に該当します）。"))
           + 2;
      if (row->criteria & SC_CRITERION_A)
        {
          g_autofree char *text = sum
            ? g_strdup_printf (TR (self, "By criterion (a): the total of “stress responses” is "
                                   "%d points or more.",
                                   "基準㋐により該当: 「心身のストレス反応」の合計点数が%d点以上"),
                               k->sum_b_min)
            : g_strdup_printf (TR (self, "By criterion (a): the total of the “stress responses” "
                                   "scores is %d or less.",
                                   "基準㋐により該当: 「心身のストレス反応」の評価点の合計が%d点以下"),
                               k->conv_b_max);

          y += sc_report_text (self, cr, x + 10, y, width - 10, 9, FALSE, text) + 1;
        }
      if (row->criteria & SC_CRITERION_B)
        {
          g_autofree char *text = sum
            ? g_strdup_printf (TR (self, "By criterion (b): the total of “job stressors” and "
                                   "“support” is %d or more, and “stress responses” %d or more.",
                                   "基準㋑により該当: 「仕事のストレス要因」及び「周囲のサポート」の"
                                   "合計点数が%d点以上であって、かつ「心身のストレス反応」の合計点数が"
                                   "%d点以上"), k->sum_ac_min, k->sum_ac_b_min)
            : g_strdup_printf (TR (self, "By criterion (b): the total of the “job stressors” "
                                   "and “support” scores is %d or less, and of the “stress "
                                   "responses” %d or less.",
                                   "基準㋑により該当: 「仕事のストレス要因」及び「周囲のサポート」の"
                                   "評価点の合計が%d点以下であり、かつ「心身のストレス反応」の評価点の"
                                   "合計が%d点以下"), k->conv_ac_max, k->conv_ac_b_max);

          y += sc_report_text (self, cr, x + 10, y, width - 10, 9, FALSE, text) + 1;
        }
    }
  else if (row->verdict == SC_VERDICT_NOT_HIGH)
    y += sc_report_text (self, cr, x, y, width, 10, TRUE,
                         TR (self, "Your stress is not high (you do not meet the high-stress "
                             "criteria).",
                             "あなたは高ストレス者に該当しません。")) + 2;
  else
    y += sc_report_text (self, cr, x, y, width, 10, TRUE,
                         TR (self, "Some answers are missing, so no verdict can be given "
                             "(undetermined).",
                             "未回答の項目があるため、判定できません（判定不能）。")) + 2;
  return y + 6;
}

static void
draw_sheet_result (ScReport          *self,
                   cairo_t           *cr,
                   const ScResultRow *row,
                   guint              page)
{
  const double x = SC_REPORT_MARGIN;
  const double width = SC_REPORT_PAGE_WIDTH - 2 * SC_REPORT_MARGIN;
  /* The window of a 長形3号 window envelope: about 20 mm from the left and 14 mm from
   * the top, 90 × 45 mm (255 × 128 pt). Only the name, department and 親展 show through it. */
  const double wx = 57, wy = 40, ww = 255;
  g_autofree char *name = g_strdup_printf (TR (self, "%s", "%s 様"), row->name);
  g_autofree char *number = g_strdup_printf (TR (self, "Employee no. %s", "社員番号 %s"),
                                             row->number);
  g_autofree char *a = format_sum (row->sum_a);
  g_autofree char *b = format_sum (row->sum_b);
  g_autofree char *c = format_sum (row->sum_c);
  g_autofree char *total = NULL;
  const double widths[] = { 300, 211 };
  const char *titles[2];
  const char *cells[8];
  g_autofree char *contact = NULL;
  double y;

  total = (row->sum_a < 0 || row->sum_b < 0 || row->sum_c < 0)
          ? g_strdup ("—") : g_strdup_printf ("%d", row->sum_a + row->sum_b + row->sum_c);
  cairo_save (cr);
  cairo_set_line_width (cr, 1.2);
  cairo_rectangle (cr, wx + 6, wy + 8, 44, 22);
  cairo_stroke (cr);
  cairo_restore (cr);
  sc_report_text_aligned (self, cr, wx + 6, wy + 11, 44, 12, TRUE, PANGO_ALIGN_CENTER,
                          "親展");
  sc_report_text (self, cr, wx + 58, wy + 13, ww - 60, 8, FALSE,
                  TR (self, "Confidential: to be opened by the addressee only",
                      "ご本人以外の開封を禁じます"));
  y = wy + 44;
  y += sc_report_text (self, cr, wx + 6, y, ww - 12, 10, FALSE,
                       row->department != NULL ? row->department : "");
  y += sc_report_text (self, cr, wx + 6, y + 2, ww - 12, 14, TRUE, name) + 4;
  sc_report_text (self, cr, wx + 6, y, ww - 12, 8, FALSE, number);

  y = sc_report_draw_header (self, cr, 190,
                             TR (self, "Your stress check result (individual result sheet)",
                                 "ストレスチェック結果のお知らせ（個人結果票）"),
                             page, SC_REPORT_SHEET_PAGES);

  y += sc_report_text (self, cr, x, y, width, 10.5, TRUE,
                       TR (self, "Your scores", "〈評価結果（点数）について〉")) + 3;
  titles[0] = TR (self, "Area", "領域");
  titles[1] = row->method == SC_METHOD_SUM ? TR (self, "Total points", "合計点数")
                                            : TR (self, "Sum of scores", "評価点の合計");
  cells[0] = TR (self, "A  Job stressors", "A 仕事のストレス要因");
  cells[1] = a;
  cells[2] = TR (self, "B  Stress responses", "B 心身のストレス反応");
  cells[3] = b;
  cells[4] = TR (self, "C  Support from others", "C 周囲のサポート");
  cells[5] = c;
  cells[6] = TR (self, "Total", "合計");
  cells[7] = total;
  y = sc_report_table (self, cr, x, y, 9.5, 2, widths, titles, 4, cells) + 12;

  y = draw_verdict (self, cr, row, x, y, width);

  y += sc_report_text (self, cr, x, y, width, 10.5, TRUE,
                       TR (self, "Interview with a doctor", "〈面接指導の要否について〉")) + 3;
  if (interview_recommended (row))
    y += sc_report_text (self, cr, x, y, width, 9.5, TRUE,
                         TR (self, "We recommend that you see a doctor for an interview. "
                             "Please contact the office below.",
                             "医師の面接指導を受けていただくことをおすすめします。"
                             "以下の申出窓口にご連絡下さい。")) + 3;
  else
    y += sc_report_text (self, cr, x, y, width, 9.5, FALSE,
                         TR (self, "An interview with a doctor is not required now. If you "
                             "would like one, you may ask the office below.",
                             "現時点で医師の面接指導の必要はありません。ご希望の場合は、"
                             "以下の申出窓口にお申し出ください。")) + 3;
  contact = g_strdup_printf (TR (self, "How to ask: fill in the enclosed request form (page 3) "
                                 "and hand it in, or contact: %s",
                                 "申出の方法: 同封の申出書（3ページ目）に記入して提出するか、"
                                 "次の窓口にご連絡ください: %s"),
                             self->contact != NULL ? self->contact
                             : TR (self, "the stress check office of your workplace",
                                   "事業場のストレスチェック実施事務担当"));
  y += sc_report_text (self, cr, x, y, width, 9, FALSE, contact) + 4;
  sc_report_text (self, cr, x, y, width, 8.5, FALSE,
                  TR (self, "* If you ask for an interview, your stress check result will be "
                      "given to your employer, and work-related measures may be taken after "
                      "the interview.",
                      "※面接指導を申出した場合は、ストレスチェック結果は会社側に提供されます。"
                      "また、面接指導の結果、必要に応じて就業上の措置が講じられることになります。"));
}

static void
draw_sheet_advice (ScReport          *self,
                   cairo_t           *cr,
                   const ScResultRow *row,
                   guint              page)
{
  const double x = SC_REPORT_MARGIN;
  const double width = SC_REPORT_PAGE_WIDTH - 2 * SC_REPORT_MARGIN;
  ScChartStyle style;
  ScScale chosen[3];
  guint n;
  const char *text;
  double y;

  y = sc_report_draw_header (self, cr, SC_REPORT_MARGIN,
                             TR (self, "Your stress profile and self-care",
                                 "あなたのストレスプロフィールとセルフケア"),
                             page, SC_REPORT_SHEET_PAGES);
  sc_chart_style_init_default (&style);
  style.font_family = SC_REPORT_FONT;
  style.font_size = 8.5;
  cairo_save (cr);
  cairo_translate (cr, x, y);
  sc_chart_draw_profile (cr, width, 400, &row->result, &style);
  cairo_restore (cr);
  y += 410;

  y += sc_report_text (self, cr, x, y, width, 10.5, TRUE,
                       TR (self, "Self-care advice", "〈セルフケアのためのアドバイス〉")) + 3;
  n = sc_advice_choose (&row->result, G_N_ELEMENTS (chosen), chosen);
  for (guint i = 0; i < n; i++)
    {
      const ScScaleInfo *info = sc_bjsq_scale (chosen[i]);
      const char *title = self->advice ? sc_advice_get_title (self->advice, chosen[i]) : NULL;
      g_autofree char *fallback = NULL;

      text = self->advice != NULL ? sc_advice_get_text (self->advice, chosen[i]) : NULL;
      /* A program without the shipped advice texts (the CLI) still names the scales
       * that stand out, so that the advice matches the result. */
      if (title == NULL)
        title = TR (self, info->name_en, info->name_ja);
      if (text == NULL)
        text = fallback = g_strdup_printf (TR (self, "Your answers show stress in “%s”. Take "
                                               "time to rest, and talk to someone you trust "
                                               "or to the office below if it goes on.",
                                               "「%s」でストレスが高めに出ています。休養をとり、"
                                               "続くようなら信頼できる人や相談窓口に相談しましょう。"),
                                           TR (self, info->name_en, info->name_ja));
      y += sc_report_text (self, cr, x, y, width, 9, TRUE, title) + 1;
      y += sc_report_text (self, cr, x, y, width, 8.5, FALSE, text) + 3;
    }
  if (n == 0)
    {
      text = self->advice != NULL ? sc_advice_get_balanced (self->advice) : NULL;
      y += sc_report_text (self, cr, x, y, width, 8.5, FALSE,
                           text != NULL ? text
                           : TR (self, "No area of your answers shows high stress. Keep the "
                                 "rhythm and the ways of relaxing that work for you.",
                                 "今回の回答では、特にストレスが高い項目は見当たりませんでした。"
                                 "今の生活のリズムや気分転換の方法を大切にしてください。")) + 3;
    }
  text = self->advice != NULL ? sc_advice_get_self_care (self->advice) : NULL;
  if (text == NULL)
    text = TR (self, "Good sleep, regular meals and exercise are the basis of coping with "
               "stress. Do not carry a heavy heart alone: talk to someone.",
               "十分な睡眠、バランスのよい食事、適度な運動がストレスとうまく付き合う基本です。"
               "つらい気持ちが続くときは、一人で抱え込まずに相談してください。");
  y += sc_report_text (self, cr, x, y, width, 8.5, FALSE, text) + 8;

  y += sc_report_text (self, cr, x, y, width, 10.5, TRUE,
                       TR (self, "Other places to get help", "〈その他の相談窓口〉")) + 3;
  if (self->help_text != NULL)
    {
      y += sc_report_text (self, cr, x, y, width, 8.5, FALSE, self->help_text) + 2;
      sc_report_text (self, cr, x, y, width, 8.5, FALSE,
                      TR (self, "You may use these without telling your employer.",
                          "これらの窓口は、会社に知らせずに利用できます。"));
      return;
    }
  sc_report_text (self, cr, x, y, width, 8.5, FALSE,
                  TR (self, "• Kokoro no Mimi (MHLW mental-health portal for workers): "
                      "telephone, SNS and e-mail counselling\n"
                      "• Your family doctor, the public health centre or the mental health "
                      "and welfare centre of your prefecture\n"
                      "You may use these without telling your employer.",
                      "・こころの耳（厚生労働省 働く人のメンタルヘルス・ポータルサイト）: "
                      "電話・SNS・メール相談\n"
                      "・かかりつけ医、地域の保健所、都道府県の精神保健福祉センター\n"
                      "これらの窓口は、会社に知らせずに利用できます。"));
}

static void
draw_sheet_request_form (ScReport          *self,
                         cairo_t           *cr,
                         const ScResultRow *row,
                         guint              page)
{
  const double x = SC_REPORT_MARGIN;
  const double width = SC_REPORT_PAGE_WIDTH - 2 * SC_REPORT_MARGIN;
  const char *labels[4];
  const char *values[4];
  double y;

  y = sc_report_draw_header (self, cr, SC_REPORT_MARGIN,
                             TR (self, "Request for an interview with a doctor",
                                 "面接指導申出書"),
                             page, SC_REPORT_SHEET_PAGES) + 10;
  y += sc_report_text (self, cr, x, y, width, 10, FALSE,
                       TR (self, "To: the employer and the stress check implementer",
                           "事業者・実施者 殿")) + 14;
  y += sc_report_text (self, cr, x, y, width, 10, FALSE,
                       TR (self, "Following my stress check result, I ask for an interview "
                           "with a doctor (Industrial Safety and Health Act, art. 66-10 (3)).",
                           "私は、ストレスチェックの結果を受け、労働安全衛生法第66条の10第3項の"
                           "規定に基づき、医師による面接指導を申し出ます。")) + 20;
  labels[0] = TR (self, "Date of request", "申出日");
  values[0] = TR (self, "        /        /", "　　　　年　　　月　　　日");
  labels[1] = TR (self, "Department", "所属");
  values[1] = row->department != NULL ? row->department : "";
  labels[2] = TR (self, "Name", "氏名");
  values[2] = row->name;
  labels[3] = TR (self, "Employee no.", "社員番号");
  values[3] = row->number;
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      sc_report_text (self, cr, x, y, 110, 10.5, TRUE, labels[i]);
      sc_report_text (self, cr, x + 120, y, width - 120, 10.5, FALSE, values[i]);
      y += 26;
      hline (cr, x + 115, x + width, y - 6, 0.5);
    }
  y += 20;
  y += sc_report_text (self, cr, x, y, width, 9, FALSE,
                       TR (self, "Hand this form to the office named on page 1 within 30 days "
                           "of receiving your result. If you hand it in, your stress check "
                           "result will be given to your employer.",
                           "結果の通知を受けてから30日以内に、1ページ目の申出窓口に提出してください。"
                           "この申出書を提出すると、ストレスチェックの結果が事業者に提供されます。"))
       + 6;
  sc_report_text (self, cr, x, y, width, 9, FALSE,
                  TR (self, "This form is enclosed for everyone, whatever the result.",
                      "この申出書は、結果にかかわらず全員に同封しています。"));
}

void
sc_report_draw_individual_page (ScReport *self,
                                cairo_t  *cr,
                                guint     page)
{
  const ScResultRow *row = g_ptr_array_index (self->rows, page / SC_REPORT_SHEET_PAGES);
  guint sub = page % SC_REPORT_SHEET_PAGES;

  if (sub == 0)
    draw_sheet_result (self, cr, row, sub);
  else if (sub == 1)
    draw_sheet_advice (self, cr, row, sub);
  else
    draw_sheet_request_form (self, cr, row, sub);
}

/* ---- slips ------------------------------------------------------------------------- */

void
sc_report_draw_slips_page (ScReport *self,
                           cairo_t  *cr,
                           guint     page)
{
  const double slip_w = SC_REPORT_PAGE_WIDTH / 2;
  const double slip_h = SC_REPORT_PAGE_HEIGHT / 5;
  const double dashes[] = { 4, 3 };
  gboolean reminders = self->kind == SC_REPORT_REMINDERS;
  guint n = reminders ? self->participants->len : self->slips->len;

  /* Cut lines between the slips. */
  cairo_save (cr);
  cairo_set_line_width (cr, 0.5);
  cairo_set_dash (cr, dashes, 2, 0);
  cairo_move_to (cr, slip_w, 0);
  cairo_line_to (cr, slip_w, SC_REPORT_PAGE_HEIGHT);
  for (guint r = 1; r < 5; r++)
    {
      cairo_move_to (cr, 0, r * slip_h);
      cairo_line_to (cr, SC_REPORT_PAGE_WIDTH, r * slip_h);
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  if (reminders && n == 0)
    {
      sc_report_text (self, cr, 24, 24, slip_w - 48, 10, FALSE,
                      TR (self, "Everyone in scope has answered: no reminder to print.",
                          "対象の全員が回答済みです。催促票はありません。"));
      return;
    }

  for (guint i = 0; i < SC_REPORT_SLIPS_PER_PAGE; i++)
    {
      guint index = page * SC_REPORT_SLIPS_PER_PAGE + i;
      double x = (i % 2) * slip_w + 20;
      double y = (i / 2) * slip_h + 16;
      double w = slip_w - 40;
      const char *number, *name;
      g_autofree char *who = NULL;
      g_autofree char *round = NULL;

      if (index >= n)
        break;
      if (reminders)
        {
          const ScParticipant *p = g_ptr_array_index (self->participants, index);

          number = p->number;
          name = p->name;
        }
      else
        {
          const ScReportSlip *s = g_ptr_array_index (self->slips, index);

          number = s->number;
          name = s->name;
        }
      y += sc_report_text (self, cr, x, y, w, 10, TRUE,
                           reminders ? TR (self, "Stress check: a reminder",
                                           "ストレスチェック受検のお願い")
                                     : TR (self, "Stress check: your access code",
                                           "ストレスチェック アクセスコード")) + 2;
      round = g_strdup_printf (TR (self, "Round %s, until %s", "実施回 %s（回答期限 %s）"),
                               self->round->name,
                               self->round->period_end ? self->round->period_end : "—");
      y += sc_report_text (self, cr, x, y, w, 7.5, FALSE, round) + 2;
      who = g_strdup_printf (TR (self, "No. %s   %s", "No. %s　%s 様"), number, name);
      y += sc_report_text (self, cr, x, y, w, 10, FALSE, who) + 3;
      if (!reminders)
        {
          const ScReportSlip *s = g_ptr_array_index (self->slips, index);
          g_autofree char *code = g_strdup_printf (TR (self, "Code: %s", "コード: %s"),
                                                   s->code);

          y += sc_report_text (self, cr, x, y, w, 14, TRUE, code) + 3;
          sc_report_text (self, cr, x, y, w, 7, FALSE,
                          TR (self, "Enter your employee number and this code at the stress "
                              "check PC. Keep this slip to yourself.",
                              "ストレスチェック用PCで社員番号とこのコードを入力してください。"
                              "このコードは他の人に見せないでください。"));
        }
      else
        sc_report_text (self, cr, x, y, w, 7.5, FALSE,
                        TR (self, "If you have not answered the stress check yet, please do so "
                            "at the stress check PC before the deadline. Answering is your "
                            "choice; your answers are seen by the implementer only.",
                            "まだ受検がお済みでない場合は、期限までにストレスチェック用PCで回答して"
                            "ください。受検は任意です。回答内容は実施者のみが確認します。"));
    }
}
