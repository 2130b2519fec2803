/* test-group-table.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The group-analysis table (sc-group-table.h): groupings, the small-group rules in plain
 * words (also with a crossed grouping), a workplace of 9, an all-female group, incomplete
 * questionnaires, the manual's p.87 example, year on year, chart points and their text.
 */
#include "config.h"

#include "sc-group-table.h"

#include <math.h>
#include <string.h>

/* People of a test round: one roster entry and one result each. */
typedef struct
{
  GPtrArray *employees;
  GArray    *inputs;
} Round;

static void
round_init (Round *r)
{
  r->employees = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_employee_free);
  r->inputs = g_array_new (FALSE, TRUE, sizeof (ScGroupInput));
}

static void
round_clear (Round *r)
{
  g_array_unref (r->inputs);
  g_ptr_array_unref (r->employees);
}

/* Adds @count people of @department and @sex whose chart scales are @chart (the same for
 * all four) and whose 評価点 are @score on every scale. */
static void
round_add (Round      *r,
           const char *department,
           ScSex       sex,
           guint       count,
           int         chart,
           int         score,
           gboolean    complete)
{
  for (guint i = 0; i < count; i++)
    {
      ScEmployee *e = sc_employee_new ();
      ScGroupInput in = { 0 };

      e->number = g_strdup_printf ("E%05u", r->employees->len);
      e->name = g_strdup ("x");
      e->sex = sex;
      e->department = g_strdup (department);
      e->position = g_strdup (i % 2 == 0 ? "manager" : "staff");
      g_ptr_array_add (r->employees, e);
      in.employee = e;
      in.age = 20 + (int) (i % 30);
      in.result.sex = sex;
      in.result.complete = complete;
      for (guint k = 0; k < SC_N_CHART_SCALES; k++)
        in.result.chart[k] = (gint8) chart;
      for (guint k = 0; k < SC_BJSQ_N_SCALES; k++)
        in.result.score[k] = (gint8) score;
      g_array_append_val (r->inputs, in);
    }
}

/* Sets the age of the last @count people added. */
static void
round_set_age (Round *r,
               guint  count,
               int    age)
{
  for (guint i = r->inputs->len - count; i < r->inputs->len; i++)
    g_array_index (r->inputs, ScGroupInput, i).age = age;
}

static ScGroupTable *
round_table (Round    *r,
             ScGroupBy by,
             ScGroupBy cross)
{
  g_autoptr(GError) error = NULL;
  ScGrouping grouping = { by, cross, 0 };
  ScGroupTable *table = sc_group_table_new ((const ScGroupInput *) (void *) r->inputs->data,
                                            r->inputs->len, &grouping,
                                            SC_GROUP_MIN_SIZE_DEFAULT, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static const ScGroupRow *
find_row (const ScGroupTable *table,
          const char         *label)
{
  for (guint i = 0; i < sc_group_table_get_n_rows (table); i++)
    if (strcmp (sc_group_table_get_row (table, i)->label, label) == 0)
      return sc_group_table_get_row (table, i);
  g_assert_not_reached ();
  return NULL;
}

static gboolean
strv_has (GStrv       strv,
          const char *s)
{
  return strv != NULL && g_strv_contains ((const char * const *) strv, s);
}

static void
test_nine_versus_ten (void)
{
  Round r;
  g_autoptr(ScGroupTable) ten = NULL;
  g_autoptr(ScGroupTable) nine = NULL;
  const ScGroupRow *row;

  round_init (&r);
  round_add (&r, "A", SC_SEX_MALE, 10, 8, 3, TRUE);
  round_add (&r, "B", SC_SEX_MALE, 10, 9, 3, TRUE);
  round_add (&r, "C", SC_SEX_MALE, 10, 7, 3, TRUE);
  ten = round_table (&r, SC_GROUP_BY_DEPARTMENT, SC_GROUP_BY_WHOLE);
  g_assert_cmpuint (sc_group_table_get_n_rows (ten), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (sc_group_table_get_row (ten, i)->has_figures);
      g_assert_null (sc_group_table_get_row (ten, i)->reason);
    }
  round_clear (&r);

  round_init (&r);
  round_add (&r, "A", SC_SEX_MALE, 10, 8, 3, TRUE);
  round_add (&r, "B", SC_SEX_MALE, 10, 9, 3, TRUE);
  round_add (&r, "C", SC_SEX_MALE, 9, 7, 3, TRUE);
  nine = round_table (&r, SC_GROUP_BY_DEPARTMENT, SC_GROUP_BY_WHOLE);
  row = find_row (nine, "C");
  g_assert_false (row->has_figures);
  g_assert_cmpuint (row->n, ==, 9);
  g_assert_cmpstr (row->reason, ==, "fewer than 10 respondents");
  /* Total minus A minus B would give C: the smaller of the two (ties: the last) goes. */
  row = find_row (nine, "B");
  g_assert_cmpint (row->suppression, ==, SC_GROUP_SUPPRESSION_COMPLEMENTARY);
  g_assert_false (row->has_figures);
  g_assert_true (strv_has (row->revealed, "C"));
  g_assert_nonnull (strstr (row->reason, "would reveal a group under 10 when subtracted"));
  g_assert_nonnull (strstr (row->reason, "C"));
  g_assert_true (find_row (nine, "A")->has_figures);
  /* Shown rows come first, suppressed ones after. */
  g_assert_cmpstr (sc_group_table_get_row (nine, 0)->label, ==, "A");
  round_clear (&r);
}

static void
test_crossed_differencing (void)
{
  Round r;
  g_autoptr(ScGroupTable) table = NULL;
  const ScGroupRow *row;

  round_init (&r);
  round_add (&r, "A", SC_SEX_MALE, 25, 8, 3, TRUE);
  round_add (&r, "A", SC_SEX_FEMALE, 5, 8, 3, TRUE);
  round_add (&r, "B", SC_SEX_MALE, 15, 8, 3, TRUE);
  round_add (&r, "B", SC_SEX_FEMALE, 12, 8, 3, TRUE);
  table = round_table (&r, SC_GROUP_BY_DEPARTMENT, SC_GROUP_BY_SEX);

  g_assert_cmpuint (sc_group_table_get_n_rows (table), ==, 4);
  row = find_row (table, "A × 女性");
  g_assert_cmpint (row->suppression, ==, SC_GROUP_SUPPRESSION_TOO_SMALL);
  /* Department A's own total (shown by the department grouping) minus A's men would
   * give A's five women: A's men must go too, though 25 is plenty. */
  row = find_row (table, "A × 男性");
  g_assert_cmpint (row->suppression, ==, SC_GROUP_SUPPRESSION_COMPLEMENTARY);
  g_assert_true (strv_has (row->revealed, "A × 女性"));
  g_assert_false (row->has_figures);
  /* The whole workplace minus the shown cells must not leave 5 either. */
  row = find_row (table, "B × 女性");
  g_assert_cmpint (row->suppression, ==, SC_GROUP_SUPPRESSION_COMPLEMENTARY);
  g_assert_true (find_row (table, "B × 男性")->has_figures);
  /* Every margin's rest is 0 or ≥ 10 now. */
  round_clear (&r);

  /* Department × age band, with five people of department A whose age is unknown: they
   * are in no cell, but in department A's own total. */
  round_init (&r);
  round_add (&r, "A", SC_SEX_MALE, 20, 8, 3, TRUE);
  round_set_age (&r, 20, 35);
  round_add (&r, "A", SC_SEX_MALE, 12, 8, 3, TRUE);
  round_set_age (&r, 12, 45);
  round_add (&r, "A", SC_SEX_MALE, 5, 8, 3, TRUE);
  round_set_age (&r, 5, -1);
  round_add (&r, "B", SC_SEX_MALE, 11, 8, 3, TRUE);
  round_set_age (&r, 11, 35);
  round_add (&r, "B", SC_SEX_MALE, 25, 8, 3, TRUE);
  round_set_age (&r, 25, 45);
  g_clear_pointer (&table, sc_group_table_free);
  table = round_table (&r, SC_GROUP_BY_DEPARTMENT, SC_GROUP_BY_AGE_BAND);
  g_assert_cmpuint (sc_group_table_get_n_rows (table), ==, 4);
  /* The total minus the cells leaves the five: the smallest cell goes. */
  row = find_row (table, "B × 30–39歳");
  g_assert_cmpint (row->suppression, ==, SC_GROUP_SUPPRESSION_COMPLEMENTARY);
  g_assert_true (strv_has (row->revealed, SC_GROUP_UNGROUPED_LABEL));
  g_assert_nonnull (strstr (row->reason, "(respondents in no group)"));
  /* Department A (37) minus its cell of the 30s (20) would give the 40s and the five. */
  row = find_row (table, "A × 40–49歳");
  g_assert_cmpint (row->suppression, ==, SC_GROUP_SUPPRESSION_COMPLEMENTARY);
  g_assert_true (strv_has (row->revealed, SC_GROUP_UNGROUPED_LABEL));
  g_assert_true (find_row (table, "A × 30–39歳")->has_figures);
  g_assert_true (find_row (table, "B × 40–49歳")->has_figures);
  round_clear (&r);
}

static void
test_workplace_of_nine (void)
{
  Round r;
  g_autoptr(ScGroupTable) table = NULL;
  g_autofree char *json = NULL;

  round_init (&r);
  round_add (&r, "A", SC_SEX_MALE, 5, 8, 3, TRUE);
  round_add (&r, "B", SC_SEX_FEMALE, 4, 8, 3, TRUE);
  round_add (&r, "B", SC_SEX_FEMALE, 2, 8, 3, FALSE);
  table = round_table (&r, SC_GROUP_BY_DEPARTMENT, SC_GROUP_BY_WHOLE);
  g_assert_false (sc_group_table_is_analysable (table));
  g_assert_cmpuint (sc_group_table_get_n_rows (table), ==, 0);
  g_assert_false (sc_group_table_get_total (table)->has_figures);
  g_assert_nonnull (strstr (sc_group_table_get_explanation (table), "Merge"));
  g_assert_nonnull (strstr (sc_group_table_get_explanation (table), "previous year"));
  g_assert_cmpuint (sc_group_table_get_excluded_incomplete (table), ==, 2);
  json = sc_group_table_to_json (table);
  g_assert_null (strstr (json, "risk_"));
  g_assert_null (strstr (json, "\"total\""));
  g_assert_nonnull (strstr (json, "\"explanation\""));
  round_clear (&r);
}

static void
test_all_female_group (void)
{
  Round r;
  g_autoptr(ScGroupTable) table = NULL;
  g_autoptr(GArray) male = NULL;
  g_autoptr(GArray) female = NULL;
  const ScGroupRow *row;

  round_init (&r);
  round_add (&r, "F", SC_SEX_FEMALE, 12, 9, 2, TRUE);
  round_add (&r, "M", SC_SEX_MALE, 12, 8, 4, TRUE);
  table = round_table (&r, SC_GROUP_BY_DEPARTMENT, SC_GROUP_BY_WHOLE);
  row = find_row (table, "F");
  g_assert_true (row->has_figures);
  g_assert_true (row->has_sex[SC_SEX_FEMALE]);
  g_assert_false (row->has_sex[SC_SEX_MALE]);
  g_assert_cmpuint (row->n_sex[SC_SEX_MALE], ==, 0);
  /* With one sex, the combined risk is that sex's. */
  g_assert_cmpfloat_with_epsilon (row->combined.risk_total,
                                  row->by_sex[SC_SEX_FEMALE].risk_total, 1e-9);
  /* Every scale at 評価点 2: all on the high-stress side. */
  g_assert_cmpfloat (row->high_side_share[0], ==, 1.0);
  g_assert_cmpfloat (find_row (table, "M")->high_side_share[0], ==, 0.0);

  female = sc_group_table_chart_points (table, SC_CHART_DEMAND_CONTROL, SC_SEX_FEMALE, NULL);
  male = sc_group_table_chart_points (table, SC_CHART_DEMAND_CONTROL, SC_SEX_MALE, NULL);
  /* The total and F on the women's chart; the total and M on the men's. */
  g_assert_cmpuint (female->len, ==, 2);
  g_assert_cmpuint (male->len, ==, 2);
  g_assert_cmpstr (g_array_index (female, ScGroupChartPoint, 1).label, ==, "F");
  g_assert_cmpstr (g_array_index (male, ScGroupChartPoint, 1).label, ==, "M");
  round_clear (&r);
}

static void
test_incomplete_excluded (void)
{
  Round r;
  g_autoptr(ScGroupTable) table = NULL;
  const ScGroupRow *row;

  round_init (&r);
  round_add (&r, "A", SC_SEX_MALE, 10, 8, 3, TRUE);
  /* Three incomplete questionnaires with extreme values: any leak moves the means. */
  round_add (&r, "A", SC_SEX_MALE, 3, 12, 1, FALSE);
  round_add (&r, "B", SC_SEX_MALE, 10, 8, 3, TRUE);
  table = round_table (&r, SC_GROUP_BY_DEPARTMENT, SC_GROUP_BY_WHOLE);
  row = find_row (table, "A");
  g_assert_cmpuint (row->n, ==, 10);
  g_assert_cmpuint (row->excluded_incomplete, ==, 3);
  g_assert_cmpfloat_with_epsilon (row->combined.chart[SC_CHART_QUANTITATIVE_DEMAND], 8.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (row->combined.scale_mean[0], 3.0, 1e-9);
  g_assert_cmpfloat (row->high_side_share[0], ==, 0.0);
  g_assert_cmpuint (sc_group_table_get_excluded_incomplete (table), ==, 3);
  g_assert_cmpuint (sc_group_table_get_total (table)->n, ==, 20);
  round_clear (&r);
}

static void
test_manual_p87 (void)
{
  const ScChartConstantSet *corrected = sc_chart_constant_set_default ();
  const ScChartConstantSet *legacy = sc_chart_constant_set_builtin ("legacy");
  double a, b, total;

  g_assert_cmpstr (corrected->id, ==, "set-a");
  g_assert_nonnull (legacy);
  g_assert_true (sc_chart_constant_set_builtin_nth (1) == legacy);
  g_assert_null (sc_chart_constant_set_builtin_nth (3));
  g_assert_cmpstr (sc_chart_constant_set_status (legacy), ==, "要確認");
  /* bjsq.json set_legacy_technote, female column. */
  g_assert_cmpfloat (legacy->constants[SC_SEX_FEMALE].a0, ==, 7.6);
  g_assert_cmpfloat (legacy->constants[SC_SEX_FEMALE].b0, ==, 7.9);
  g_assert_cmpfloat (legacy->constants[SC_SEX_FEMALE].c0, ==, 6.9);
  g_assert_cmpfloat (legacy->constants[SC_SEX_FEMALE].d0, ==, 8.1);

  /* Male means 8.5 / 6.4 / 6.0 / 8.8 print as 112, 108 and 121 with the corrected
   * means (the printed labels A and B are swapped in the manual). */
  sc_chart_risk (&corrected->constants[SC_SEX_MALE], 8.5, 6.4, 6.0, 8.8, &a, &b, &total);
  g_assert_cmpfloat_with_epsilon (a, 112.56, 0.01);
  g_assert_cmpfloat_with_epsilon (b, 108.07, 0.01);
  g_assert_cmpint (sc_chart_risk_display (a), ==, 112);
  g_assert_cmpint (sc_chart_risk_display (b), ==, 108);
  g_assert_cmpint (sc_chart_risk_display (total), ==, 121);
  /* The legacy means do not reproduce it. */
  sc_chart_risk (&legacy->constants[SC_SEX_MALE], 8.5, 6.4, 6.0, 8.8, NULL, NULL, &total);
  g_assert_cmpint (sc_chart_risk_display (total), ==, 123);
}

static void
draw_cb (cairo_t *cr,
         double   width,
         double   height,
         gpointer user_data)
{
  sc_group_table_draw_chart (user_data, cr, width, height, SC_CHART_SUPPORT, SC_SEX_MALE, NULL);
}

/* The number of pixels that differ between two images of the same size. */
static guint
count_differences (cairo_surface_t *a,
                   cairo_surface_t *b)
{
  int h = cairo_image_surface_get_height (a), stride = cairo_image_surface_get_stride (a);
  const guint8 *da = cairo_image_surface_get_data (a), *db = cairo_image_surface_get_data (b);
  guint n = 0;

  cairo_surface_flush (a);
  cairo_surface_flush (b);
  for (int i = 0; i < h * stride; i += 4)
    if (memcmp (da + i, db + i, 4) != 0)
      n++;
  return n;
}

static void
test_year_on_year (void)
{
  Round last, now;
  g_autoptr(ScGroupTable) before = NULL;
  g_autoptr(ScGroupTable) table = NULL;
  const ScGroupRow *row;

  round_init (&last);
  round_add (&last, "A", SC_SEX_MALE, 15, 9, 3, TRUE);
  round_add (&last, "B", SC_SEX_MALE, 12, 8, 3, TRUE);
  round_add (&last, "C", SC_SEX_MALE, 9, 8, 3, TRUE);
  round_add (&last, "D", SC_SEX_MALE, 30, 8, 3, TRUE);
  before = round_table (&last, SC_GROUP_BY_DEPARTMENT, SC_GROUP_BY_WHOLE);
  round_init (&now);
  round_add (&now, "A", SC_SEX_MALE, 11, 8, 3, TRUE);
  round_add (&now, "B", SC_SEX_MALE, 9, 8, 3, TRUE);
  round_add (&now, "C", SC_SEX_MALE, 12, 8, 3, TRUE);
  round_add (&now, "D", SC_SEX_MALE, 30, 8, 3, TRUE);
  round_add (&now, "E", SC_SEX_MALE, 10, 8, 3, TRUE);
  table = round_table (&now, SC_GROUP_BY_DEPARTMENT, SC_GROUP_BY_WHOLE);

  /* Last year C (9) was too small and B (12) hid it; this year B (9) is too small and E
   * (10) hides it. Only the total, A and D are shown in both years. */
  g_assert_cmpint (find_row (before, "B")->suppression, ==, SC_GROUP_SUPPRESSION_COMPLEMENTARY);
  g_assert_cmpint (find_row (table, "E")->suppression, ==, SC_GROUP_SUPPRESSION_COMPLEMENTARY);
  g_assert_cmpuint (sc_group_table_compare_previous (table, before), ==, 3);
  row = find_row (table, "A");
  g_assert_true (row->has_previous);
  g_assert_cmpfloat_with_epsilon (row->previous[2],
                                  find_row (before, "A")->combined.risk_total, 1e-9);
  g_assert_cmpfloat (fabs (row->combined.risk_total - row->previous[2]), >, 0.5);
  g_assert_cmpfloat_with_epsilon (row->change[2], row->combined.risk_total - row->previous[2],
                                  1e-9);
  g_assert_cmpfloat_with_epsilon (row->change[0], row->combined.risk_a - row->previous[0], 1e-9);
  g_assert_true (find_row (table, "D")->has_previous);
  g_assert_false (find_row (table, "B")->has_previous);   /* 9 this year */
  g_assert_false (find_row (table, "C")->has_previous);   /* 9 last year */
  g_assert_false (find_row (table, "E")->has_previous);   /* new, and hidden */
  g_assert_true (sc_group_table_get_total (table)->has_previous);

  /* On the chart: A's point carries last year's, and an arrow is drawn from it. */
  {
    g_autoptr(ScGroupTable) plain = round_table (&now, SC_GROUP_BY_DEPARTMENT,
                                                 SC_GROUP_BY_WHOLE);
    g_autoptr(GArray) points = NULL;
    g_autofree char *text = NULL;
    ScChartJudgementLayout layout;
    cairo_surface_t *with, *without;
    double px, py;
    gboolean found = FALSE;

    sc_chart_judgement_layout (500, 500, sc_group_table_get_constants (table), NULL, &layout);
    points = sc_group_table_chart_points (table, SC_CHART_SUPPORT, SC_SEX_MALE, &layout);
    for (guint i = 0; i < points->len; i++)
      {
        const ScGroupChartPoint *p = &g_array_index (points, ScGroupChartPoint, i);

        if (strcmp (p->label, "A") != 0)
          continue;
        found = TRUE;
        g_assert_true (p->has_previous);
        g_assert_cmpfloat (p->prev_x, ==, 9.0);
        sc_chart_judgement_map (&layout, 9.0, 9.0, &px, &py);
        g_assert_cmpfloat_with_epsilon (p->prev_px, px, 1e-9);
        g_assert_cmpfloat_with_epsilon (p->prev_py, py, 1e-9);
      }
    g_assert_true (found);
    text = sc_group_table_chart_text (table, SC_CHART_SUPPORT, SC_SEX_MALE);
    g_assert_nonnull (strstr (text, "A: x 8.00, y 8.00, risk"));
    g_assert_nonnull (strstr (text, "(last year: x 9.00, y 9.00)"));
    with = sc_chart_render_image (500, 500, draw_cb, table);
    without = sc_chart_render_image (500, 500, draw_cb, plain);
    g_assert_cmpuint (count_differences (with, without), >, 20);
    cairo_surface_destroy (with);
    cairo_surface_destroy (without);
  }
  round_clear (&last);
  round_clear (&now);
}

static void
test_chart_points_and_text (void)
{
  Round r;
  g_autoptr(ScGroupTable) table = NULL;
  g_autoptr(GArray) points = NULL;
  g_autofree char *text = NULL;
  g_autofree char *caption = NULL;
  ScChartJudgementLayout layout;
  ScChartStyle style;
  cairo_surface_t *surface;
  const int size = 600;

  round_init (&r);
  round_add (&r, "営業部", SC_SEX_MALE, 10, 5, 3, TRUE);
  round_add (&r, "開発部", SC_SEX_MALE, 10, 11, 3, TRUE);
  table = round_table (&r, SC_GROUP_BY_DEPARTMENT, SC_GROUP_BY_WHOLE);

  sc_chart_style_init_default (&style);
  sc_chart_judgement_layout (size, size, sc_group_table_get_constants (table), &style, &layout);
  points = sc_group_table_chart_points (table, SC_CHART_SUPPORT, SC_SEX_MALE, &layout);
  g_assert_cmpuint (points->len, ==, 3);
  /* Sorted by risk: low support (営業部, 5) is the higher risk B. */
  g_assert_cmpstr (g_array_index (points, ScGroupChartPoint, 1).label, ==, "営業部");

  surface = sc_chart_render_image (size, size, draw_cb, table);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);
  for (guint i = 1; i < points->len; i++)
    {
      const ScGroupChartPoint *p = &g_array_index (points, ScGroupChartPoint, i);
      const guint8 *data = cairo_image_surface_get_data (surface);
      int stride = cairo_image_surface_get_stride (surface);
      guint32 pixel = *(const guint32 *) (const void *)
                        (data + (int) p->py * stride + 4 * (int) p->px);
      int red = (pixel >> 16) & 0xff, green = (pixel >> 8) & 0xff, blue = pixel & 0xff;

      /* The marker's centre is the accent colour (Okabe–Ito blue, 0 114 178). */
      g_assert_cmpint (abs (red - (int) (style.accent.red * 255)), <=, 8);
      g_assert_cmpint (abs (green - (int) (style.accent.green * 255)), <=, 8);
      g_assert_cmpint (abs (blue - (int) (style.accent.blue * 255)), <=, 8);
      /* And it sits where the axes put the means. */
      g_assert_cmpfloat_with_epsilon (p->x, i == 1 ? 5.0 : 11.0, 1e-9);
    }
  cairo_surface_destroy (surface);

  text = sc_group_table_chart_text (table, SC_CHART_SUPPORT, SC_SEX_MALE);
  g_assert_nonnull (strstr (text, "職場の支援判定図"));
  g_assert_nonnull (strstr (text, "全国平均"));
  for (guint i = 0; i < points->len; i++)
    {
      const ScGroupChartPoint *p = &g_array_index (points, ScGroupChartPoint, i);
      g_autofree char *line = g_strdup_printf ("%s: x %.2f, y %.2f, risk %d", p->label, p->x,
                                               p->y, sc_chart_risk_display (p->risk));

      g_assert_nonnull (strstr (text, line));
    }

  caption = sc_group_table_get_caption (table);
  g_assert_nonnull (strstr (caption, "要確認"));
  g_assert_nonnull (strstr (caption, "Corrected means"));
  g_assert_nonnull (strstr (caption, "this program's rule, not the manual's"));
  round_clear (&r);
}

static void
test_groupings_and_snapshot (void)
{
  Round r;
  g_autoptr(ScGroupTable) by_age = NULL;
  g_autoptr(ScGroupTable) by_position = NULL;
  g_autoptr(ScGroupTable) whole = NULL;
  g_autoptr(ScGroupTable) nine = NULL;
  g_autofree char *json = NULL;
  ScGroupBy by;
  guint combined = 0;

  g_assert_true (sc_group_by_from_string ("employment_type", &by));
  g_assert_cmpint (by, ==, SC_GROUP_BY_EMPLOYMENT_TYPE);
  g_assert_false (sc_group_by_from_string ("salary", &by));

  round_init (&r);
  round_add (&r, "A", SC_SEX_MALE, 30, 8, 3, TRUE);     /* ages 20 … 49 */
  by_age = round_table (&r, SC_GROUP_BY_AGE_BAND, SC_GROUP_BY_WHOLE);
  g_assert_cmpuint (sc_group_table_get_n_rows (by_age), ==, 3);
  g_assert_cmpuint (find_row (by_age, "30–39歳")->n, ==, 10);
  by_position = round_table (&r, SC_GROUP_BY_POSITION, SC_GROUP_BY_WHOLE);
  g_assert_cmpuint (find_row (by_position, "manager")->n, ==, 15);
  whole = round_table (&r, SC_GROUP_BY_WHOLE, SC_GROUP_BY_WHOLE);
  g_assert_cmpuint (sc_group_table_get_n_rows (whole), ==, 0);
  g_assert_true (sc_group_table_get_total (whole)->has_figures);
  g_assert_cmpfloat (sc_group_table_get_reference (whole)->combined.risk_total, ==, 100.0);
  round_clear (&r);

  /* The snapshot holds no figure of a suppressed row. */
  round_init (&r);
  round_add (&r, "A", SC_SEX_MALE, 10, 8, 3, TRUE);
  round_add (&r, "B", SC_SEX_MALE, 10, 9, 3, TRUE);
  round_add (&r, "C", SC_SEX_MALE, 9, 7, 3, TRUE);
  nine = round_table (&r, SC_GROUP_BY_DEPARTMENT, SC_GROUP_BY_WHOLE);
  json = sc_group_table_to_json (nine);
  for (const char *p = json; (p = strstr (p, "\"combined\"")) != NULL; p++)
    combined++;
  g_assert_cmpuint (combined, ==, 3);   /* total, reference and A */
  g_assert_nonnull (strstr (json, "fewer than 10 respondents"));
  g_assert_nonnull (strstr (json, "\"label\":\"A\""));
  g_assert_null (strstr (json, "7.0000"));   /* C's chart means */
  round_clear (&r);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/group-table/nine-versus-ten", test_nine_versus_ten);
  g_test_add_func ("/group-table/crossed-differencing", test_crossed_differencing);
  g_test_add_func ("/group-table/workplace-of-nine", test_workplace_of_nine);
  g_test_add_func ("/group-table/all-female-group", test_all_female_group);
  g_test_add_func ("/group-table/incomplete-excluded", test_incomplete_excluded);
  g_test_add_func ("/group-table/manual-p87", test_manual_p87);
  g_test_add_func ("/group-table/year-on-year", test_year_on_year);
  g_test_add_func ("/group-table/chart-points-and-text", test_chart_points_and_text);
  g_test_add_func ("/group-table/groupings-and-snapshot", test_groupings_and_snapshot);
  return g_test_run ();
}
