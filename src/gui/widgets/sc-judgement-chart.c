/* sc-judgement-chart.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-judgement-chart"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-judgement-chart.h"
#include "sc-chart-widget-style.h"

/* The chart is square-ish: the plot, its title above and the constants' caption below. */
#define MINIMUM_EMS 18
#define NATURAL_EMS 30
#define MAXIMUM_MINIMUM 300
#define MAXIMUM_NATURAL 560

struct _ScJudgementChart
{
  GtkWidget  parent_instance;

  ScChartJudgement    kind;
  ScSex               sex;
  const ScGroupTable *table;
  char               *highlight;
  gboolean            show_previous;
  char               *text;
};

G_DEFINE_FINAL_TYPE (ScJudgementChart, sc_judgement_chart, GTK_TYPE_WIDGET)

static void
sc_judgement_chart_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  ScJudgementChart *self = SC_JUDGEMENT_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  ScChartStyle style;
  cairo_t *cr;

  if (self->table == NULL || width <= 0 || height <= 0)
    return;

  sc_chart_widget_style_init (widget, 0.9, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  sc_group_table_draw_chart_full (self->table, cr, width, height, self->kind, self->sex, &style,
                                  self->highlight, self->show_previous);
  cairo_destroy (cr);
}

static void
sc_judgement_chart_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  double font = sc_chart_widget_font_pixels (widget);

  /* The core shrinks the chart's text to fit: a chart never asks for more than a
   * two-column grid fits in a 1024 px window. It is a little taller than wide: the
   * title above the plot, the constants' caption below. */
  *minimum = MIN ((int) (MINIMUM_EMS * font), MAXIMUM_MINIMUM);
  *natural = MAX (*minimum, MIN ((int) (NATURAL_EMS * font), MAXIMUM_NATURAL));
  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      *minimum += (int) (6 * font);
      *natural += (int) (8 * font);
    }
}

static void
update_accessible (ScJudgementChart *self)
{
  g_clear_pointer (&self->text, g_free);
  self->text = self->table != NULL
               ? sc_group_table_chart_text (self->table, self->kind, self->sex)
               : g_strdup ("");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->text,
                                  -1);
}

static void
sc_judgement_chart_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (sc_judgement_chart_parent_class)->css_changed (widget, change);

  /* The font size may have changed with the desktop's text scaling. */
  gtk_widget_queue_resize (widget);
}

static void
sc_judgement_chart_finalize (GObject *object)
{
  ScJudgementChart *self = SC_JUDGEMENT_CHART (object);

  g_free (self->highlight);
  g_free (self->text);

  G_OBJECT_CLASS (sc_judgement_chart_parent_class)->finalize (object);
}

static void
sc_judgement_chart_class_init (ScJudgementChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sc_judgement_chart_finalize;

  widget_class->snapshot = sc_judgement_chart_snapshot;
  widget_class->measure = sc_judgement_chart_measure;
  widget_class->css_changed = sc_judgement_chart_css_changed;

  gtk_widget_class_set_css_name (widget_class, "judgementchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sc_judgement_chart_init (ScJudgementChart *self)
{
  self->text = g_strdup ("");
  sc_chart_widget_follow_style (GTK_WIDGET (self));
}

GtkWidget *
sc_judgement_chart_new (ScChartJudgement kind,
                        ScSex            sex)
{
  ScJudgementChart *self = g_object_new (SC_TYPE_JUDGEMENT_CHART, NULL);
  const char *name;

  self->kind = kind;
  self->sex = sex;
  if (kind == SC_CHART_DEMAND_CONTROL)
    name = sex == SC_SEX_FEMALE
           ? _("Demand–control chart, women")
           : _("Demand–control chart, men");
  else
    name = sex == SC_SEX_FEMALE
           ? _("Workplace support chart, women")
           : _("Workplace support chart, men");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  update_accessible (self);
  return GTK_WIDGET (self);
}

void
sc_judgement_chart_set_table (ScJudgementChart   *self,
                              const ScGroupTable *table)
{
  g_return_if_fail (SC_IS_JUDGEMENT_CHART (self));

  self->table = table;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
sc_judgement_chart_set_highlight (ScJudgementChart *self,
                                  const char       *label)
{
  g_return_if_fail (SC_IS_JUDGEMENT_CHART (self));

  if (g_strcmp0 (self->highlight, label) == 0)
    return;
  g_free (self->highlight);
  self->highlight = g_strdup (label);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
sc_judgement_chart_get_highlight (ScJudgementChart *self)
{
  g_return_val_if_fail (SC_IS_JUDGEMENT_CHART (self), NULL);
  return self->highlight;
}

void
sc_judgement_chart_set_show_previous (ScJudgementChart *self,
                                      gboolean          show)
{
  g_return_if_fail (SC_IS_JUDGEMENT_CHART (self));

  self->show_previous = show;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
sc_judgement_chart_get_text (ScJudgementChart *self)
{
  g_return_val_if_fail (SC_IS_JUDGEMENT_CHART (self), NULL);
  return self->text;
}

gboolean
sc_judgement_chart_has_point (ScJudgementChart *self,
                              const char       *label)
{
  g_autoptr(GArray) points = NULL;

  g_return_val_if_fail (SC_IS_JUDGEMENT_CHART (self), FALSE);

  if (self->table == NULL || label == NULL)
    return FALSE;
  points = sc_group_table_chart_points (self->table, self->kind, self->sex, NULL);
  for (guint i = 0; i < points->len; i++)
    if (g_strcmp0 (g_array_index (points, ScGroupChartPoint, i).label, label) == 0)
      return TRUE;
  return FALSE;
}
