/* sc-report-release.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The group report of an analysis released to HR (issue 10 §1, issue 9 §4): drawn from
 * the release snapshot (sc-vault-releases.h, sc_group_table_new_from_snapshot()), never
 * from the round's results, so it holds what the implementer released and nothing else:
 * the table (a suppressed group as its reason only), year on year where the snapshot
 * has it, and both judgement charts of men and of women, each page saying who released
 * the analysis and when.
 */
#define G_LOG_DOMAIN "sc-report"

#include "config.h"

#include "sc-report-private.h"
#include "sc-vault-releases.h"

#define BODY_X     SC_REPORT_MARGIN
#define BODY_WIDTH (SC_REPORT_PAGE_WIDTH - 2 * SC_REPORT_MARGIN)
#define N_COLUMNS  10

gboolean
sc_report_gather_release (ScReport  *self,
                          ScVault   *vault,
                          gint64     release_id,
                          GError   **error)
{
  g_autoptr(GPtrArray) releases = sc_vault_list_releases (vault, error);
  const ScVaultRelease *release = NULL;
  g_autofree char *snapshot = NULL;

  if (releases == NULL)
    return FALSE;
  for (guint i = 0; i < releases->len; i++)
    {
      const ScVaultRelease *r = g_ptr_array_index (releases, i);

      if (r->id == release_id && r->withdrawn_at == 0)
        release = r;
    }
  if (release == NULL)
    {
      g_set_error (error, SC_REPORT_ERROR, SC_REPORT_ERROR_INVALID,
                   "There is no released analysis %" G_GINT64_FORMAT " (it may have been "
                   "withdrawn): choose a released analysis.", release_id);
      return FALSE;
    }
  if (release->round_id != self->round->id)
    {
      g_set_error (error, SC_REPORT_ERROR, SC_REPORT_ERROR_INVALID,
                   "The released analysis %" G_GINT64_FORMAT " belongs to another round.",
                   release_id);
      return FALSE;
    }
  /* SECURITY: opened with HR's key; the snapshot holds no suppressed figure. */
  snapshot = sc_vault_open_release (vault, release_id, error);
  if (snapshot == NULL)
    return FALSE;
  self->release_table = sc_group_table_new_from_snapshot (snapshot, error);
  if (self->release_table == NULL)
    return FALSE;
  self->released_by = g_strdup (release->released_by);
  self->release_title = g_strdup (release->title);
  self->released_at = release->released_at;
  /* The header names the constants the analysis was made with. */
  sc_chart_constant_set_free (self->constants);
  self->constants = sc_chart_constant_set_copy (sc_group_table_get_constants (self->release_table));
  return TRUE;
}

/* "Released on DATE by WHO", and the title the implementer gave; returns its height. */
static double
draw_released (ScReport *self,
               cairo_t  *cr,
               double    y)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (self->released_at);
  g_autofree char *date = when != NULL ? g_date_time_format (when, "%Y-%m-%d") : g_strdup ("");
  g_autofree char *line = g_strdup_printf (TR (self, "Released on %s by %s: %s",
                                               "%s に %s が公開: %s"),
                                           date, self->released_by, self->release_title);

  return sc_report_text (self, cr, BODY_X, y, BODY_WIDTH, 9, TRUE, line) + 6;
}

static char *
suppression_of (ScReport         *self,
                const ScGroupRow *row)
{
  const char *reason = sc_report_suppression_text (self, row->suppression);
  g_autofree char *revealed = NULL;

  if (row->revealed == NULL || row->revealed[0] == NULL)
    return g_strdup (reason);
  revealed = g_strjoinv ("、", row->revealed);
  return g_strdup_printf (TR (self, "%s (%s)", "%s（%s）"), reason, revealed);
}

/* One row of the table into @cell (9 cells, 10 @with_change: the columns of the
 * implementer's report, then the change of total risk); the strings go to @strings. */
static void
add_row (ScReport         *self,
         const ScGroupRow *row,
         gboolean          is_total,
         gboolean          with_change,
         GPtrArray        *strings,
         const char      **cell)
{
  const double risks[3] = { row->combined.risk_a, row->combined.risk_b,
                            row->combined.risk_total };
  char *text;

  cell[0] = is_total ? TR (self, "Whole workplace", "全体") : row->label;
  text = g_strdup_printf ("%u", row->n);
  g_ptr_array_add (strings, text);
  cell[1] = text;
  if (row->reason != NULL || !row->has_figures)
    {
      /* A suppressed group: its reason, never a figure. */
      text = suppression_of (self, row);
      g_ptr_array_add (strings, text);
      cell[2] = text;
      return;
    }
  for (guint k = 0; k < SC_N_CHART_SCALES; k++)
    {
      text = g_strdup_printf ("%.1f", row->combined.chart[k]);
      g_ptr_array_add (strings, text);
      cell[2 + k] = text;
    }
  for (guint k = 0; k < 3; k++)
    {
      text = g_strdup_printf ("%d", sc_chart_risk_display (risks[k]));
      g_ptr_array_add (strings, text);
      cell[6 + k] = text;
    }
  if (with_change)
    {
      text = row->has_previous
             ? g_strdup_printf ("%+d", sc_chart_risk_display (risks[2])
                                       - sc_chart_risk_display (row->previous[2]))
             : g_strdup ("—");
      g_ptr_array_add (strings, text);
      cell[9] = text;
    }
}

static void
draw_release_table (ScReport *self,
                    cairo_t  *cr)
{
  static const double widths[N_COLUMNS] = { 96, 28, 46, 46, 46, 46, 50, 50, 55, 48 };
  static const double widths_no_change[N_COLUMNS - 1] = { 111, 30, 50, 50, 50, 50, 55, 55, 60 };
  const ScGroupTable *table = self->release_table;
  const ScGroupRow *total = sc_group_table_get_total (table);
  guint n_rows = sc_group_table_get_n_rows (table);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree const char **cells = g_new0 (const char *, (n_rows + 1) * N_COLUMNS);
  g_autofree char *caption = sc_group_table_get_caption (table);
  gboolean with_change = total->has_previous;
  const char *titles[N_COLUMNS];
  guint n_columns;
  double y;

  for (guint i = 0; i < n_rows; i++)
    with_change = with_change || sc_group_table_get_row (table, i)->has_previous;
  n_columns = with_change ? N_COLUMNS : N_COLUMNS - 1;
  y = sc_report_draw_header (self, cr, SC_REPORT_MARGIN,
                             TR (self, "Group analysis (job stress judgement charts)",
                                 "集団分析結果（仕事のストレス判定図）"), 0, self->n_pages);
  y += draw_released (self, cr, y);
  if (!sc_group_table_is_analysable (table))
    {
      g_autofree char *n = g_strdup_printf (TR (self, "Respondents: %u", "回答者数: %u"),
                                            total->n);

      y += sc_report_text (self, cr, BODY_X, y, BODY_WIDTH, 9, FALSE, n) + 4;
      y += sc_report_text (self, cr, BODY_X, y, BODY_WIDTH, 9, FALSE,
                           sc_report_suppression_text (self,
                                                       SC_GROUP_SUPPRESSION_WORKPLACE_TOO_SMALL))
           + 8;
      sc_report_text (self, cr, BODY_X, y, BODY_WIDTH, 8, FALSE, caption);
      return;
    }
  sc_report_group_titles (self, titles);
  add_row (self, total, TRUE, with_change, strings, cells);
  for (guint i = 0; i < n_rows; i++)
    add_row (self, sc_group_table_get_row (table, i), FALSE, with_change, strings,
             cells + (i + 1) * n_columns);
  y = sc_report_table (self, cr, BODY_X, y, 8, n_columns,
                       with_change ? widths : widths_no_change, titles, n_rows + 1,
                       cells) + 10;
  sc_report_group_notes (self, cr, y, caption, with_change);
}

static void
draw_release_charts (ScReport *self,
                     cairo_t  *cr,
                     guint     page)
{
  const ScGroupTable *table = self->release_table;
  const ScGroupRow *total = sc_group_table_get_total (table);
  ScSex sex = page == 1 ? SC_SEX_MALE : SC_SEX_FEMALE;
  ScChartStyle style;
  double y;

  y = sc_report_draw_charts_header (self, cr, sex, page);
  y += draw_released (self, cr, y);
  if (!total->has_sex[sex])
    y += sc_report_text (self, cr, BODY_X, y, BODY_WIDTH, 9, FALSE,
                         sc_report_suppression_text (self,
                                                     sc_group_table_is_analysable (table)
                                                     ? total->sex_suppression
                                                     : SC_GROUP_SUPPRESSION_WORKPLACE_TOO_SMALL))
         + 4;
  sc_chart_style_init_default (&style);
  style.font_family = SC_REPORT_FONT;
  style.font_size = 8;
  /* The same drawing as HR's screen: only the shown groups are points. */
  cairo_save (cr);
  cairo_translate (cr, BODY_X + 60, y);
  sc_group_table_draw_chart (table, cr, 390, 330, SC_CHART_DEMAND_CONTROL, sex, &style);
  cairo_restore (cr);
  cairo_save (cr);
  cairo_translate (cr, BODY_X + 60, y + 345);
  sc_group_table_draw_chart (table, cr, 390, 330, SC_CHART_SUPPORT, sex, &style);
  cairo_restore (cr);
}

void
sc_report_draw_release_page (ScReport *self,
                             cairo_t  *cr,
                             guint     page)
{
  if (page == 0)
    draw_release_table (self, cr);
  else
    draw_release_charts (self, cr, page);
}
