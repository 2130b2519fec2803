/* test-group-snapshot.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the Group Analysis screen needs from the core beyond the table: the JSON reader
 * (sc-json.h), chart constants as JSON and as the vault setting, the table read back from
 * the snapshot released to HR, and the ring drawn around a highlighted group's point.
 */
#include "config.h"

#include "sc-group-table.h"
#include "sc-json.h"

#include <math.h>
#include <string.h>

static void
test_json_reader (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) doc = NULL;
  g_autoptr(GVariant) list = NULL;
  g_autofree char *s = NULL;
  static const char * const bad[] = {
    "{\"a\":1,}", "{\"a\":\"x}", "[1 2]", "{\"a\":1} x", "{\"a\":1,\"a\":2}", "", "01x",
    "{\"a\":\"\\q\"}", "\"\\ud800\"", "[tru]",
  };

  doc = sc_json_parse ("{\"name\":\"営業部 \\u00d7 \\\"A\\\"\",\"n\":12.5,\"ok\":true,"
                       "\"list\":[1,\"two\",null,{}]}", -1, &error);
  g_assert_no_error (error);
  s = sc_json_dup_string (doc, "name");
  g_assert_cmpstr (s, ==, "営業部 × \"A\"");
  g_assert_cmpfloat (sc_json_get_double (doc, "n", 0), ==, 12.5);
  g_assert_cmpfloat (sc_json_get_double (doc, "missing", -1), ==, -1);
  g_assert_null (sc_json_dup_string (doc, "n"));
  list = sc_json_lookup (doc, "list", G_VARIANT_TYPE ("av"));
  g_assert_nonnull (list);
  g_assert_cmpuint (g_variant_n_children (list), ==, 4);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GVariant) v = sc_json_parse (bad[i], -1, &error);

      g_assert_null (v);
      g_assert_error (error, SC_JSON_ERROR, SC_JSON_ERROR_SYNTAX);
      g_assert_nonnull (strstr (error->message, "Line 1"));
      g_clear_error (&error);
    }
}

static void
test_constants_json_and_setting (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScChartConstantSet) loaded = NULL;
  g_autoptr(ScChartConstantSet) from_setting = NULL;
  g_autoptr(ScChartConstantSet) changed = NULL;
  g_autofree char *json = NULL;
  g_autofree char *setting = NULL;
  const ScChartConstantSet *legacy = sc_chart_constant_set_builtin ("legacy");

  json = sc_chart_constant_set_to_json (legacy);
  loaded = sc_chart_constant_set_load_from_data (json, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->id, ==, "legacy");
  g_assert_cmpstr (loaded->source, ==, legacy->source);
  g_assert_true (memcmp (loaded->constants, legacy->constants, sizeof loaded->constants) == 0);

  /* A built-in set is stored by its id; a checked set as JSON; unset is the default. */
  setting = sc_chart_constant_set_to_setting (loaded);
  g_assert_cmpstr (setting, ==, "legacy");
  from_setting = sc_chart_constant_set_from_setting (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (from_setting->id, ==, sc_chart_constant_set_default ()->id);
  g_clear_pointer (&from_setting, sc_chart_constant_set_free);

  changed = sc_chart_constant_set_copy (legacy);
  changed->constants[SC_SEX_FEMALE].a0 = 8.25;
  g_clear_pointer (&setting, g_free);
  setting = sc_chart_constant_set_to_setting (changed);
  g_assert_true (setting[0] == '{');
  from_setting = sc_chart_constant_set_from_setting (setting, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (from_setting->constants[SC_SEX_FEMALE].a0, ==, 8.25);

  /* A bad file gets an error that names what is wrong. */
  {
    static const struct { const char *text; int code; const char *word; } bad[] = {
      { "{\"id\":\"x\",", SC_CHART_CONSTANTS_ERROR_SYNTAX, "Line 1" },
      { "{\"id\":\"x\",\"name\":\"n\",\"source\":\"s\",\"verified\":true}",
        SC_CHART_CONSTANTS_ERROR_MISSING, "male" },
      { "{\"id\":\"x\",\"name\":\"n\",\"source\":\"s\",\"verified\":\"yes\"}",
        SC_CHART_CONSTANTS_ERROR_VALUE, "verified" },
      { "{\"name\":\"n\"}", SC_CHART_CONSTANTS_ERROR_MISSING, "id" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(ScChartConstantSet) set = sc_chart_constant_set_load_from_data (bad[i].text,
                                                                                  -1, &error);

        g_assert_null (set);
        g_assert_error (error, SC_CHART_CONSTANTS_ERROR, bad[i].code);
        g_assert_nonnull (strstr (error->message, bad[i].word));
        g_clear_error (&error);
      }
  }
  {
    g_autoptr(GString) text = g_string_new (json);
    g_autoptr(ScChartConstantSet) set = NULL;

    g_string_replace (text, "\"alpha\"", "\"alfa\"", 1);
    set = sc_chart_constant_set_load_from_data (text->str, -1, &error);
    g_assert_null (set);
    g_assert_error (error, SC_CHART_CONSTANTS_ERROR, SC_CHART_CONSTANTS_ERROR_UNKNOWN_KEY);
    g_assert_nonnull (strstr (error->message, "alfa"));
    g_clear_error (&error);
  }
}

/* @count people of @department and @sex with every chart scale @chart. */
static void
add_people (GPtrArray  *employees,
            GArray     *inputs,
            const char *department,
            ScSex       sex,
            guint       count,
            int         chart)
{
  for (guint i = 0; i < count; i++)
    {
      ScEmployee *e = sc_employee_new ();
      ScGroupInput in = { 0 };

      e->number = g_strdup_printf ("E%05u", employees->len);
      e->name = g_strdup ("x");
      e->sex = sex;
      e->department = g_strdup (department);
      g_ptr_array_add (employees, e);
      in.employee = e;
      in.age = 30;
      in.result.sex = sex;
      in.result.complete = TRUE;
      for (guint k = 0; k < SC_N_CHART_SCALES; k++)
        in.result.chart[k] = (gint8) (chart + (k == 1 ? 1 : 0));
      for (guint k = 0; k < SC_BJSQ_N_SCALES; k++)
        in.result.score[k] = (gint8) (1 + (k + i) % 5);
      g_array_append_val (inputs, in);
    }
}

static void
assert_rows_equal (const ScGroupRow *a,
                   const ScGroupRow *b)
{
  g_assert_cmpstr (a->label, ==, b->label);
  g_assert_cmpuint (a->n, ==, b->n);
  g_assert_cmpstr (a->reason, ==, b->reason);
  g_assert_cmpint (a->suppression, ==, b->suppression);
  g_assert_cmpstr (a->sex_reason, ==, b->sex_reason);
  g_assert_cmpint (a->has_figures, ==, b->has_figures);
  g_assert_cmpfloat_with_epsilon (a->combined.risk_total, b->combined.risk_total, 1e-4);
  g_assert_cmpfloat_with_epsilon (a->combined.scale_mean[3], b->combined.scale_mean[3], 1e-4);
  g_assert_cmpfloat_with_epsilon (a->high_side_share[5], b->high_side_share[5], 1e-4);
  for (guint s = 0; s < SC_N_SEXES; s++)
    {
      g_assert_cmpint (a->has_sex[s], ==, b->has_sex[s]);
      g_assert_cmpfloat_with_epsilon (a->by_sex[s].chart[1], b->by_sex[s].chart[1], 1e-4);
    }
  g_assert_true ((a->revealed == NULL) == (b->revealed == NULL)
                 || (a->revealed != NULL && a->revealed[0] == NULL)
                 || (b->revealed != NULL && b->revealed[0] == NULL));
}

static void
draw_cb (cairo_t  *cr,
         double    width,
         double    height,
         gpointer  user_data)
{
  sc_group_table_draw_chart_full (user_data, cr, width, height, SC_CHART_DEMAND_CONTROL,
                                  SC_SEX_MALE, NULL, "開発部", FALSE);
}

static void
draw_plain_cb (cairo_t  *cr,
               double    width,
               double    height,
               gpointer  user_data)
{
  sc_group_table_draw_chart_full (user_data, cr, width, height, SC_CHART_DEMAND_CONTROL,
                                  SC_SEX_MALE, NULL, NULL, FALSE);
}

static void
test_snapshot_round_trip_and_highlight (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) employees =
    g_ptr_array_new_with_free_func ((GDestroyNotify) sc_employee_free);
  g_autoptr(GArray) inputs = g_array_new (FALSE, TRUE, sizeof (ScGroupInput));
  g_autoptr(ScGroupTable) table = NULL;
  g_autoptr(ScGroupTable) back = NULL;
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_back = NULL;
  ScGrouping grouping = { SC_GROUP_BY_DEPARTMENT, SC_GROUP_BY_WHOLE, 0 };
  const ScChartConstantSet *legacy = sc_chart_constant_set_builtin ("legacy");

  add_people (employees, inputs, "営業部", SC_SEX_MALE, 12, 5);
  add_people (employees, inputs, "営業部", SC_SEX_FEMALE, 10, 6);
  add_people (employees, inputs, "開発部", SC_SEX_MALE, 11, 9);
  add_people (employees, inputs, "総務部", SC_SEX_FEMALE, 4, 7);
  add_people (employees, inputs, "経理部", SC_SEX_MALE, 10, 8);
  table = sc_group_table_new ((const ScGroupInput *) (void *) inputs->data, inputs->len,
                              &grouping, SC_GROUP_MIN_SIZE_DEFAULT, legacy, &error);
  g_assert_no_error (error);

  json = sc_group_table_to_json (table);
  back = sc_group_table_new_from_snapshot (json, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_true (sc_group_table_is_analysable (back));
  g_assert_cmpstr (sc_group_table_get_constants (back)->id, ==, "legacy");
  g_assert_cmpint (sc_group_table_get_grouping (back)->by, ==, SC_GROUP_BY_DEPARTMENT);
  g_assert_cmpuint (sc_group_table_get_n_rows (back), ==, sc_group_table_get_n_rows (table));
  assert_rows_equal (sc_group_table_get_total (back), sc_group_table_get_total (table));
  for (guint i = 0; i < sc_group_table_get_n_rows (table); i++)
    assert_rows_equal (sc_group_table_get_row (back, i), sc_group_table_get_row (table, i));
  /* 総務部 (4) is suppressed and 経理部 with it (differencing): both say why. */
  g_assert_cmpint (sc_group_table_get_row (back, 3)->suppression, !=, SC_GROUP_SUPPRESSION_NONE);
  for (guint c = 0; c < 4; c++)
    {
      ScChartJudgement kind = c < 2 ? SC_CHART_DEMAND_CONTROL : SC_CHART_SUPPORT;

      g_clear_pointer (&text, g_free);
      g_clear_pointer (&text_back, g_free);
      text = sc_group_table_chart_text (table, kind, (ScSex) (c % 2));
      text_back = sc_group_table_chart_text (back, kind, (ScSex) (c % 2));
      g_assert_cmpstr (text, ==, text_back);
    }

  /* Not a snapshot. */
  g_assert_null (sc_group_table_new_from_snapshot ("{\"format\":2}", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_null (sc_group_table_new_from_snapshot ("nonsense", &error));
  g_assert_error (error, SC_JSON_ERROR, SC_JSON_ERROR_SYNTAX);
  g_clear_error (&error);

  /* The ring around the highlighted point: the caution colour where the plain chart has
   * none, at the ring's distance to the right of 開発部's point. */
  {
    const int size = 600;
    ScChartJudgementLayout layout;
    ScChartStyle style;
    g_autoptr(GArray) points = NULL;
    const ScGroupChartPoint *p = NULL;
    cairo_surface_t *ring = sc_chart_render_image (size, size, draw_cb, table);
    cairo_surface_t *plain = sc_chart_render_image (size, size, draw_plain_cb, table);
    int stride = cairo_image_surface_get_stride (ring);
    gboolean found = FALSE;

    sc_chart_style_init_default (&style);
    sc_chart_judgement_layout (size, size, legacy, &style, &layout);
    points = sc_group_table_chart_points (table, SC_CHART_DEMAND_CONTROL, SC_SEX_MALE, &layout);
    for (guint i = 0; i < points->len; i++)
      if (strcmp (g_array_index (points, ScGroupChartPoint, i).label, "開発部") == 0)
        p = &g_array_index (points, ScGroupChartPoint, i);
    g_assert_nonnull (p);
    cairo_surface_flush (ring);
    cairo_surface_flush (plain);
    for (int dy = -2; dy <= 2 && !found; dy++)
      {
        int x = (int) (p->px + 0.7 * layout.font_size), y = (int) p->py + dy;
        guint32 a = *(const guint32 *) (const void *) (cairo_image_surface_get_data (ring)
                                                        + y * stride + 4 * x);
        guint32 b = *(const guint32 *) (const void *) (cairo_image_surface_get_data (plain)
                                                        + y * stride + 4 * x);
        int red = (a >> 16) & 0xff;

        found = a != b && abs (red - (int) (style.caution.red * 255)) <= 40;
      }
    g_assert_true (found);
    cairo_surface_destroy (ring);
    cairo_surface_destroy (plain);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/group-snapshot/json-reader", test_json_reader);
  g_test_add_func ("/group-snapshot/constants-json-and-setting", test_constants_json_and_setting);
  g_test_add_func ("/group-snapshot/round-trip-and-highlight",
                   test_snapshot_round_trip_and_highlight);
  return g_test_run ();
}
