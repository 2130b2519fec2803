/* sc-profile-chart.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-profile-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <adwaita.h>

#include "sc-profile-chart.h"
#include "sc-bjsq.h"
#include "sc-chart.h"
#include "sc-chart-widget-style.h"
#include "sc-secure.h"

/* Body text of the chart, relative to the widget's font: a little smaller, as in a table. */
#define FONT_SCALE 1.0
/* The profile has 19 rows, 4 headings and an axis header: about 45 lines of text. */
#define NATURAL_HEIGHT_LINES 46
#define MINIMUM_HEIGHT_LINES 36
#define MINIMUM_WIDTH_EMS 22
#define NATURAL_WIDTH_EMS 40
/* With large text the chart would grow taller than a 768 px screen shows at once: it keeps
 * to this height and draws its text smaller (down to the core's minimum), so that all 19
 * rows are seen together. */
#define MAXIMUM_NATURAL_HEIGHT 600
#define MAXIMUM_MINIMUM_HEIGHT 480

struct _ScProfileChart
{
  GtkWidget  parent_instance;

  /* Plain state */
  gboolean              has_result;
  ScResult              result;
  /* The chart's words in the user interface's language: the questionnaire stays Japanese,
   * everything around it is translated. */
  ScChartProfileLabels  labels;
};

G_DEFINE_FINAL_TYPE (ScProfileChart, sc_profile_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HAS_RESULT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
get_style (ScProfileChart *self,
           ScChartStyle   *style)
{
  sc_chart_widget_style_init (GTK_WIDGET (self), FONT_SCALE, style);
  style->profile_labels = &self->labels;
}

static void
sc_profile_chart_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  ScProfileChart *self = SC_PROFILE_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  ScChartStyle style;
  cairo_t *cr;

  if (!self->has_result || width <= 0 || height <= 0)
    return;

  get_style (self, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  sc_chart_draw_profile (cr, width, height, &self->result, &style);
  cairo_destroy (cr);
}

static void
sc_profile_chart_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  double font = sc_chart_widget_font_pixels (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = (int) (MINIMUM_WIDTH_EMS * font);
      *natural = (int) (NATURAL_WIDTH_EMS * font);
    }
  else
    {
      *minimum = MIN ((int) (MINIMUM_HEIGHT_LINES * font), MAXIMUM_MINIMUM_HEIGHT);
      *natural = MIN ((int) (NATURAL_HEIGHT_LINES * font), MAXIMUM_NATURAL_HEIGHT);
    }
}

/* What a screen reader says instead of the picture: every scale with its 評価点. */
static void
update_accessible (ScProfileChart *self)
{
  g_autoptr (GString) description = g_string_new (NULL);

  if (self->has_result)
    {
      for (guint s = 0; s < SC_BJSQ_N_SCALES; s++)
        {
          if (description->len > 0)
            g_string_append (description, "; ");
          if (self->result.score[s] == SC_SCORE_MISSING)
            /* Translators: a scale of the stress profile that has no score. */
            g_string_append_printf (description, _("%s: no answer"),
                                    self->labels.scales[s]);
          else
            /* Translators: a scale of the stress profile and its score from 1 (most stress)
             * to 5 (least stress), read by a screen reader. */
            g_string_append_printf (description, _("%s: %d of 5"),
                                    self->labels.scales[s],
                                    self->result.score[s]);
        }
    }

  /* SECURITY: the description holds the scores; it is emptied with the chart. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
  sc_secure_wipe (description->str, description->len);
}

static void
sc_profile_chart_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (sc_profile_chart_parent_class)->css_changed (widget, change);

  /* The font size may have changed with the desktop's text scaling. */
  gtk_widget_queue_resize (widget);
}

static void
sc_profile_chart_finalize (GObject *object)
{
  ScProfileChart *self = SC_PROFILE_CHART (object);

  /* SECURITY: the scores are personal data. */
  sc_secure_wipe (&self->result, sizeof self->result);

  G_OBJECT_CLASS (sc_profile_chart_parent_class)->finalize (object);
}

static void
sc_profile_chart_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ScProfileChart *self = SC_PROFILE_CHART (object);

  switch (prop_id)
    {
    case PROP_HAS_RESULT:
      g_value_set_boolean (value, self->has_result);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_profile_chart_class_init (ScProfileChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sc_profile_chart_finalize;
  object_class->get_property = sc_profile_chart_get_property;

  widget_class->snapshot = sc_profile_chart_snapshot;
  widget_class->measure = sc_profile_chart_measure;
  widget_class->css_changed = sc_profile_chart_css_changed;

  /**
   * ScProfileChart:has-result:
   *
   * Whether the chart shows a result.
   */
  properties[PROP_HAS_RESULT] =
    g_param_spec_boolean ("has-result", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "profilechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sc_profile_chart_init (ScProfileChart *self)
{
  sc_chart_profile_labels_init_translated (&self->labels);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Stress profile"),
                                  -1);
  sc_chart_widget_follow_style (GTK_WIDGET (self));
}

GtkWidget *
sc_profile_chart_new (void)
{
  return g_object_new (SC_TYPE_PROFILE_CHART, NULL);
}

void
sc_profile_chart_set_result (ScProfileChart *self,
                             const ScResult *result)
{
  gboolean had_result;

  g_return_if_fail (SC_IS_PROFILE_CHART (self));

  had_result = self->has_result;

  /* SECURITY: the previous person's scores do not stay in memory. */
  sc_secure_wipe (&self->result, sizeof self->result);
  self->has_result = result != NULL;
  if (result != NULL)
    self->result = *result;

  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (had_result != self->has_result)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_RESULT]);
}

gboolean
sc_profile_chart_get_result (ScProfileChart *self,
                             ScResult       *out_result)
{
  g_return_val_if_fail (SC_IS_PROFILE_CHART (self), FALSE);
  g_return_val_if_fail (out_result != NULL, FALSE);

  if (!self->has_result)
    return FALSE;

  *out_result = self->result;
  return TRUE;
}
