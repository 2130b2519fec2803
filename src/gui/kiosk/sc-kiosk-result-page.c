/* sc-kiosk-result-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-kiosk-result-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-kiosk-result-page.h"
#include "sc-kiosk-page.h"
#include "sc-wrap.h"
#include "sc-bjsq.h"

struct _ScKioskResultPage
{
  AdwBin             parent_instance;

  /* Template children */
  GtkScrolledWindow *scrolled_window;
  GtkWidget         *verdict_card;
  GtkImage          *verdict_icon;
  GtkLabel          *verdict_label;
  GtkLabel          *criterion_label;
  GtkLabel          *interview_label;
  ScProfileChart    *chart;
  GtkLabel          *area_a_value;
  GtkLabel          *area_b_value;
  GtkLabel          *area_c_value;
  GtkLabel          *area_ac_value;
  GtkLabel          *scores_note;
  GtkBox            *advice_box;
  GtkBox            *past_box;
  GtkLabel          *contact_label;
  GtkLabel          *help_label;
  GtkLabel          *next_label;
  GtkButton         *next_button;

  /* Borrowed references: the advice paragraphs, made once (a result only fills them; making
   * labels anew for every person would cost a noticeable moment on each result). */
  GtkLabel          *advice_titles[SC_KIOSK_RESULT_MAX_ADVICE + 1];
  GtkLabel          *advice_texts[SC_KIOSK_RESULT_MAX_ADVICE + 1];
  guint              n_advice;

  /* Plain state */
  gboolean           read_only;
  gboolean           decided;              /* a kept result: consent was decided */
  gboolean           consent_given;
  gboolean           interview_requested;
};

static void sc_kiosk_result_page_page_iface_init (ScKioskPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ScKioskResultPage, sc_kiosk_result_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (SC_TYPE_KIOSK_PAGE,
                                                      sc_kiosk_result_page_page_iface_init))

static void
set_area_value (GtkLabel *label,
                int       value)
{
  g_autofree char *text = NULL;

  if (value == SC_SCORE_MISSING)
    {
      gtk_label_set_text (label, "—");
      return;
    }
  /* Translators: an area total on the result page, e.g. "21 points". */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d point", "%d points", (gulong) value),
                          value);
  gtk_label_set_text (label, text);
}

static void
build_advice (ScKioskResultPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->advice_titles); i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *heading = gtk_label_new (NULL);
      GtkWidget *body = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
      gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
      gtk_widget_add_css_class (heading, "sc-kiosk-subheading");
      gtk_box_append (GTK_BOX (box), heading);

      gtk_label_set_xalign (GTK_LABEL (body), 0.0);
      gtk_label_set_wrap (GTK_LABEL (body), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (body, "sc-kiosk-body");
      gtk_box_append (GTK_BOX (box), body);

      gtk_box_append (self->advice_box, box);
      self->advice_titles[i] = GTK_LABEL (heading);
      self->advice_texts[i] = GTK_LABEL (body);
    }
}

static void
add_advice_paragraph (ScKioskResultPage *self,
                      const char        *title,
                      const char        *text)
{
  guint i = self->n_advice++;

  g_return_if_fail (i < G_N_ELEMENTS (self->advice_titles));

  gtk_label_set_text (self->advice_titles[i], title != NULL ? title : "");
  gtk_widget_set_visible (GTK_WIDGET (self->advice_titles[i]), title != NULL);
  gtk_label_set_text (self->advice_texts[i], text != NULL ? text : "");
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->advice_texts[i])), TRUE);
}

static void
clear_advice (ScKioskResultPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->advice_titles); i++)
    {
      gtk_label_set_text (self->advice_titles[i], "");
      gtk_label_set_text (self->advice_texts[i], "");
      gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->advice_texts[i])), FALSE);
    }
  self->n_advice = 0;
}

static void
show_advice (ScKioskResultPage *self,
             const ScResult    *result,
             const ScAdvice    *advice)
{
  ScScale chosen[SC_KIOSK_RESULT_MAX_ADVICE];
  guint n;

  clear_advice (self);

  n = sc_advice_choose (result, G_N_ELEMENTS (chosen), chosen);
  for (guint i = 0; i < n; i++)
    {
      const char *title = sc_advice_get_title (advice, chosen[i]);

      add_advice_paragraph (self, title != NULL ? title : sc_bjsq_scale (chosen[i])->name_ja,
                            sc_advice_get_text (advice, chosen[i]));
    }
  if (n == 0 && sc_advice_get_balanced (advice) != NULL)
    add_advice_paragraph (self, NULL, sc_advice_get_balanced (advice));
  if (sc_advice_get_self_care (advice) != NULL)
    add_advice_paragraph (self, _("Every Day"), sc_advice_get_self_care (advice));
}

static char *
describe_criteria (ScVerdict verdict,
                   guint     criteria)
{
  GString *text = g_string_new (NULL);

  if (verdict != SC_VERDICT_HIGH)
    {
      g_string_append (text, _("Neither of the two criteria for high stress, (a) or (b), "
                               "applies to your answers."));
      return g_string_free (text, FALSE);
    }

  if (criteria & SC_CRITERION_A)
    g_string_append (text, _("Criterion (a): your answers about how you have felt in body and "
                             "mind during the last month show strong stress reactions."));
  if (criteria & SC_CRITERION_B)
    {
      if (text->len > 0)
        g_string_append (text, "\n");
      g_string_append (text, _("Criterion (b): your stress reactions are fairly strong, and at "
                               "the same time your work puts a heavy strain on you or you get "
                               "little support from the people around you."));
    }
  return g_string_free (text, FALSE);
}

static char *
describe_thresholds (const ScCriteria *criteria)
{
  if (criteria->method == SC_METHOD_SUM)
    /* Translators: explains the area totals of the sum method (評価基準の例その1). The
     * numbers are the round's thresholds. */
    return g_strdup_printf (_("Totals of your answers: the higher, the more stress. High stress "
                              "means B %d or more, or A + C %d or more together with B %d or "
                              "more."),
                            criteria->sum_b_min, criteria->sum_ac_min, criteria->sum_ac_b_min);

  /* Translators: explains the area totals of the conversion method (評価基準の例その2,
   * 素点換算表). The numbers are the round's thresholds. */
  return g_strdup_printf (_("Totals of the scores from 1 to 5: the lower, the more stress. High "
                            "stress means B %d or less, or A + C %d or less together with B %d "
                            "or less."),
                          criteria->conv_b_max, criteria->conv_ac_max, criteria->conv_ac_b_max);
}

static void
sc_kiosk_result_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SC_TYPE_KIOSK_RESULT_PAGE);

  G_OBJECT_CLASS (sc_kiosk_result_page_parent_class)->dispose (object);
}

static void
sc_kiosk_result_page_class_init (ScKioskResultPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_kiosk_result_page_dispose;

  g_type_ensure (SC_TYPE_PROFILE_CHART);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sc-kiosk-result-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScKioskResultPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, ScKioskResultPage, verdict_card);
  gtk_widget_class_bind_template_child (widget_class, ScKioskResultPage, verdict_icon);
  gtk_widget_class_bind_template_child (widget_class, ScKioskResultPage, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, ScKioskResultPage, criterion_label);
  gtk_widget_class_bind_template_child (widget_class, ScKioskResultPage, interview_label);
  gtk_widget_class_bind_template_child (widget_class, ScKioskResultPage, chart);
  gtk_widget_class_bind_template_child (widget_class, ScKioskResultPage, area_a_value);
  gtk_widget_class_bind_template_child (widget_class, ScKioskResultPage, area_b_value);
  gtk_widget_class_bind_template_child (widget_class, ScKioskResultPage, area_c_value);
  gtk_widget_class_bind_template_child (widget_class, ScKioskResultPage, area_ac_value);
  gtk_widget_class_bind_template_child (widget_class, ScKioskResultPage, scores_note);
  gtk_widget_class_bind_template_child (widget_class, ScKioskResultPage, advice_box);
  gtk_widget_class_bind_template_child (widget_class, ScKioskResultPage, past_box);
  gtk_widget_class_bind_template_child (widget_class, ScKioskResultPage, contact_label);
  gtk_widget_class_bind_template_child (widget_class, ScKioskResultPage, help_label);
  gtk_widget_class_bind_template_child (widget_class, ScKioskResultPage, next_label);
  gtk_widget_class_bind_template_child (widget_class, ScKioskResultPage, next_button);
}

static void
sc_kiosk_result_page_init (ScKioskResultPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sc_wrap_keep_last_characters (GTK_WIDGET (self));

  build_advice (self);
  sc_kiosk_result_page_clear (self);
}

GtkWidget *
sc_kiosk_result_page_new (void)
{
  return g_object_new (SC_TYPE_KIOSK_RESULT_PAGE, NULL);
}

/* What comes next; for a kept result, also what the person decided back then. */
static void
update_next_label (ScKioskResultPage *self)
{
  g_autofree char *text = NULL;

  if (!self->read_only)
    {
      gtk_label_set_text (self->next_label,
                          _("Next, you decide whether your employer may see this result."));
      return;
    }
  text = g_strdup (_("This is the result you kept. Nothing can be changed here."));
  if (self->decided)
    {
      char *longer = g_strconcat (text, " ",
                                  self->consent_given
                                  ? _("You agreed that your employer may see this result.")
                                  : _("You did not agree that your employer may see this "
                                      "result."), NULL);

      g_free (text);
      text = longer;
    }
  gtk_label_set_text (self->next_label, text);
}

void
sc_kiosk_result_page_set_result (ScKioskResultPage *self,
                                 const ScResult    *result,
                                 const ScCriteria  *criteria,
                                 const ScAdvice    *advice,
                                 const char        *contact_text)
{
  const ScAreaResult *area;
  gboolean high;
  g_autofree char *criteria_text = NULL;
  g_autofree char *thresholds = NULL;
  int ac;

  g_return_if_fail (SC_IS_KIOSK_RESULT_PAGE (self));
  g_return_if_fail (result != NULL);
  g_return_if_fail (criteria != NULL);
  g_return_if_fail (advice != NULL);

  area = sc_result_primary (result, criteria);
  high = area->verdict == SC_VERDICT_HIGH;

  if (area->verdict == SC_VERDICT_UNDETERMINED)
    {
      /* Not reached from the kiosk, which only sends complete answers; said plainly anyway. */
      gtk_label_set_text (self->verdict_label, _("No result: some questions were not answered"));
      gtk_label_set_text (self->criterion_label, "");
      gtk_label_set_text (self->interview_label, "");
    }
  else
    {
      gtk_label_set_text (self->verdict_label,
                          high ? _("You are in the high-stress group")
                               : _("You are not in the high-stress group"));
      criteria_text = describe_criteria (area->verdict, area->criteria);
      gtk_label_set_text (self->criterion_label, criteria_text);
      gtk_label_set_text (self->interview_label,
                          high && self->read_only && self->interview_requested
                          ? _("An interview with a doctor is recommended, and you have asked "
                              "for one. The implementer of the stress check will contact you.")
                          : high && self->read_only
                          ? _("An interview with a doctor is recommended. To ask for one, "
                              "talk to the implementer of the stress check.")
                          : high ? _("An interview with a doctor is recommended. You can ask for "
                                     "one in a moment.")
                               : _("An interview with a doctor is not needed on the basis of "
                                   "these answers. If you are worried about your health, you "
                                   "can still talk to someone (see below)."));
    }
  gtk_image_set_from_icon_name (self->verdict_icon,
                                high ? "dialog-warning-symbolic" : "emblem-ok-symbolic");
  gtk_widget_set_visible (GTK_WIDGET (self->verdict_icon), TRUE);
  if (high)
    gtk_widget_add_css_class (self->verdict_card, "sc-kiosk-high");
  else
    gtk_widget_remove_css_class (self->verdict_card, "sc-kiosk-high");

  sc_profile_chart_set_result (self->chart, result);

  set_area_value (self->area_a_value, area->a);
  set_area_value (self->area_b_value, area->b);
  set_area_value (self->area_c_value, area->c);
  ac = (area->a == SC_SCORE_MISSING || area->c == SC_SCORE_MISSING)
       ? SC_SCORE_MISSING : area->a + area->c;
  set_area_value (self->area_ac_value, ac);
  thresholds = describe_thresholds (criteria);
  gtk_label_set_text (self->scores_note, thresholds);

  show_advice (self, result, advice);
  gtk_label_set_text (self->contact_label, contact_text != NULL ? contact_text : "");

  /* A new result starts at its top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
}

void
sc_kiosk_result_page_set_help_text (ScKioskResultPage *self,
                                    const char        *help_text)
{
  g_return_if_fail (SC_IS_KIOSK_RESULT_PAGE (self));

  gtk_label_set_text (self->help_label, help_text != NULL ? help_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->help_label), help_text != NULL && *help_text != '\0');
}

ScProfileChart *
sc_kiosk_result_page_get_chart (ScKioskResultPage *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_RESULT_PAGE (self), NULL);

  return self->chart;
}

void
sc_kiosk_result_page_focus (ScKioskResultPage *self)
{
  g_return_if_fail (SC_IS_KIOSK_RESULT_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->next_button));
}

void
sc_kiosk_result_page_clear (ScKioskResultPage *self)
{
  g_return_if_fail (SC_IS_KIOSK_RESULT_PAGE (self));

  /* SECURITY: the verdict, the scores and the advice chosen for them are personal data. */
  gtk_label_set_text (self->verdict_label, "");
  gtk_label_set_text (self->criterion_label, "");
  gtk_label_set_text (self->interview_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->verdict_icon), FALSE);
  gtk_widget_remove_css_class (self->verdict_card, "sc-kiosk-high");
  sc_profile_chart_set_result (self->chart, NULL);
  gtk_label_set_text (self->area_a_value, "");
  gtk_label_set_text (self->area_b_value, "");
  gtk_label_set_text (self->area_c_value, "");
  gtk_label_set_text (self->area_ac_value, "");
  gtk_label_set_text (self->scores_note, "");
  clear_advice (self);
  gtk_label_set_text (self->contact_label, "");

  /* A new person starts with the ordinary page. */
  sc_kiosk_result_page_set_decisions (self, FALSE, FALSE, FALSE);
  sc_kiosk_result_page_set_read_only (self, FALSE);
  sc_kiosk_result_page_set_past_results (self, NULL, 0, NULL, NULL);
}

/* ---- Earlier years (issue 11 §8) --------------------------------------------------------- */

/* A label of the earlier years: @wrap for sentences; table cells keep to one line (the
 * table scrolls sideways when it is too wide) so that no cell breaks a word. */
static GtkWidget *
new_cell (const char *text,
          gboolean    header,
          gboolean    wrap)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), wrap);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (header)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

static char *
format_score (int value)
{
  return value == SC_SCORE_MISSING ? g_strdup ("—") : g_strdup_printf ("%d", value);
}

/* One row of the year-on-year table: the round, the area sums and the verdict. */
static void
add_year_row (GtkGrid          *grid,
              int               row,
              const char       *name,
              const ScResult   *result,
              const ScCriteria *criteria)
{
  const ScAreaResult *area = sc_result_primary (result, criteria);
  int ac = (area->a == SC_SCORE_MISSING || area->c == SC_SCORE_MISSING)
           ? SC_SCORE_MISSING : area->a + area->c;
  int values[] = { area->a, area->b, area->c, ac };

  gtk_grid_attach (grid, new_cell (name, FALSE, FALSE), 0, row, 1, 1);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *text = format_score (values[i]);

      gtk_grid_attach (grid, new_cell (text, FALSE, FALSE), (int) i + 1, row, 1, 1);
    }
  gtk_grid_attach (grid, new_cell (area->verdict == SC_VERDICT_HIGH ? _("High stress")
                                   : area->verdict == SC_VERDICT_NOT_HIGH ? _("Not high stress")
                                   : _("No result"), FALSE, FALSE),
                   5, row, 1, 1);
}

/* A small profile chart with the round's name above it. */
static GtkWidget *
new_year_chart (const char     *name,
                const ScResult *result)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *chart = sc_profile_chart_new ();
  g_autofree char *label = g_strdup_printf (_("Stress profile, %s"), name);

  gtk_box_append (GTK_BOX (box), new_cell (name, TRUE, FALSE));
  gtk_widget_add_css_class (frame, "sc-kiosk-chart-frame");
  gtk_widget_set_margin_top (chart, 8);
  gtk_widget_set_margin_bottom (chart, 8);
  gtk_widget_set_margin_start (chart, 8);
  gtk_widget_set_margin_end (chart, 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  sc_profile_chart_set_result (SC_PROFILE_CHART (chart), result);
  gtk_frame_set_child (GTK_FRAME (frame), chart);
  gtk_box_append (GTK_BOX (box), frame);
  return box;
}

void
sc_kiosk_result_page_set_past_results (ScKioskResultPage *self,
                                       GPtrArray         *past,
                                       guint              n_unopened,
                                       const ScResult    *current,
                                       const ScCriteria  *criteria)
{
  /* The areas by their letters, as the area sums above name them. */
  const char *headers[] = { _("Round"), "A", "B", "C", _("A + C"), _("Result") };
  GtkWidget *child, *heading, *grid, *table, *charts;
  guint n_past = past != NULL ? past->len : 0;

  g_return_if_fail (SC_IS_KIOSK_RESULT_PAGE (self));

  /* SECURITY: earlier results are personal data too: a new person finds none of them. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->past_box))) != NULL)
    gtk_box_remove (self->past_box, child);
  gtk_widget_set_visible (GTK_WIDGET (self->past_box), n_past > 0 || n_unopened > 0);
  if (n_past == 0 && n_unopened == 0)
    return;
  g_return_if_fail (n_past == 0 || (current != NULL && criteria != NULL));

  heading = g_object_new (GTK_TYPE_LABEL, "label", _("Earlier Years"), "xalign", 0.0f,
                          "margin-top", 12, "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                          NULL);
  gtk_widget_add_css_class (heading, "sc-kiosk-heading");
  gtk_box_append (self->past_box, heading);

  if (n_past > 0)
    {
      grid = gtk_grid_new ();
      gtk_widget_set_name (grid, "past-table");
      gtk_grid_set_column_spacing (GTK_GRID (grid), 14);
      gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
      for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
        gtk_grid_attach (GTK_GRID (grid), new_cell (headers[i], TRUE, FALSE), (int) i, 0,
                         1, 1);
      charts = gtk_flow_box_new ();
      gtk_widget_set_name (charts, "past-charts");
      gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (charts), GTK_SELECTION_NONE);
      gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (charts), TRUE);
      gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (charts), 1);
      gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (charts), 3);
      gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (charts), 12);
      gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (charts), 12);
      for (guint i = 0; i < n_past; i++)
        {
          const ScVaultPastResult *p = g_ptr_array_index (past, i);

          add_year_row (GTK_GRID (grid), (int) i + 1, p->round_name, &p->result, &p->criteria);
          gtk_flow_box_append (GTK_FLOW_BOX (charts), new_year_chart (p->round_name, &p->result));
        }
      add_year_row (GTK_GRID (grid), (int) n_past + 1, _("This year"), current, criteria);
      gtk_flow_box_append (GTK_FLOW_BOX (charts), new_year_chart (_("This year"), current));
      table = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (table), GTK_POLICY_AUTOMATIC,
                                      GTK_POLICY_NEVER);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (table), TRUE);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (table), grid);
      gtk_box_append (self->past_box, table);
      gtk_box_append (self->past_box, charts);
    }
  if (n_unopened > 0)
    {
      GtkWidget *note = new_cell (_("A result you kept in an earlier year with another PIN, "
                                    "with a PIN shorter than 8 digits, or before this was "
                                    "possible, is not shown."), FALSE, TRUE);

      gtk_widget_set_name (note, "past-note");
      gtk_widget_add_css_class (note, "dim-label");
      gtk_box_append (self->past_box, note);
    }
}

void
sc_kiosk_result_page_set_read_only (ScKioskResultPage *self,
                                    gboolean           read_only)
{
  g_return_if_fail (SC_IS_KIOSK_RESULT_PAGE (self));

  self->read_only = !!read_only;
  update_next_label (self);
  gtk_button_set_label (self->next_button, read_only ? _("Done") : _("Next"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->next_button),
                                  read_only ? "kiosk.view-done" : "kiosk.show-consent");
}


void
sc_kiosk_result_page_set_decisions (ScKioskResultPage *self,
                                    gboolean           decided,
                                    gboolean           consent_given,
                                    gboolean           interview_requested)
{
  g_return_if_fail (SC_IS_KIOSK_RESULT_PAGE (self));

  self->decided = !!decided;
  self->consent_given = !!consent_given;
  self->interview_requested = !!interview_requested;
  update_next_label (self);
}

/* ---- ScKioskPage ------------------------------------------------------------------------ */

static GtkWidget *
sc_kiosk_result_page_get_initial_focus (ScKioskPage *page)
{
  return GTK_WIDGET (SC_KIOSK_RESULT_PAGE (page)->next_button);
}

static void
sc_kiosk_result_page_page_clear (ScKioskPage *page)
{
  sc_kiosk_result_page_clear (SC_KIOSK_RESULT_PAGE (page));
}

static void
sc_kiosk_result_page_page_iface_init (ScKioskPageInterface *iface)
{
  iface->get_initial_focus = sc_kiosk_result_page_get_initial_focus;
  iface->clear = sc_kiosk_result_page_page_clear;
}
