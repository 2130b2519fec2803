/* sc-result-view.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-result-view"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sc-result-view.h"
#include "sc-profile-chart.h"
#include "sc-result-format.h"
#include "sc-secure.h"
#include "sc-workspace.h"

struct _ScResultView
{
  AdwBin               parent_instance;

  /* Template children */
  AdwPreferencesGroup *summary_group;
  AdwActionRow        *verdict_row;
  AdwActionRow        *complete_row;
  ScProfileChart      *chart;
  AdwPreferencesGroup *criteria_group;
  AdwActionRow        *sum_row;
  AdwActionRow        *conversion_row;
  AdwPreferencesGroup *scales_group;
  AdwPreferencesGroup *answers_group;
  AdwActionRow        *consent_row;
  AdwActionRow        *request_row;
  AdwPreferencesGroup *decision_group;
  GtkToggleButton     *required_check;
  GtkToggleButton     *not_required_check;
  AdwEntryRow         *note_row;
  GtkButton           *save_decision_button;
  AdwActionRow        *decided_row;
  AdwPreferencesGroup *paper_group;
  AdwEntryRow         *paper_date_row;
  GtkButton           *handover_button;
  GtkButton           *paper_consent_button;
  GtkButton           *paper_refusal_button;
  GtkButton           *paper_request_button;
  GtkLabel            *error_label;

  /* Owned references */
  ScVault             *vault;
  ScResultRow         *row;

  /* Borrowed references: rows built once, at the first result shown, and updated for
   * each result after it (the view is reused from one result to the next). */
  AdwActionRow        *scale_rows[SC_BJSQ_N_SCALES];
  AdwExpanderRow      *answer_rows[SC_BJSQ_N_SECTIONS];
  GtkLabel            *answer_labels[SC_BJSQ_N_SECTIONS];

  /* Plain state */
  char                *answer_texts[SC_BJSQ_N_SECTIONS];  /* put in a label when expanded */

  gint64               submission_id;
  gint64               round_id;
  gboolean             busy;
};

G_DEFINE_FINAL_TYPE (ScResultView, sc_result_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_VAULT,
  PROP_SUBMISSION_ID,
  PROP_ROUND_ID,
  PROP_HR_MODE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_TOAST,
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The 19 scale names for translation, in ScScale order; the core keeps the Japanese names
 * and these English ones (sc-bjsq-private.h). */
static const char * const scale_names[SC_BJSQ_N_SCALES] = {
  NC_("scale", "quantitative job overload"),
  NC_("scale", "qualitative job overload"),
  NC_("scale", "physical demands"),
  NC_("scale", "interpersonal conflict"),
  NC_("scale", "poor physical environment"),
  NC_("scale", "job control"),
  NC_("scale", "skill utilization"),
  NC_("scale", "suitable jobs (job fit)"),
  NC_("scale", "intrinsic reward (meaningfulness of work)"),
  NC_("scale", "vigor"),
  NC_("scale", "irritability"),
  NC_("scale", "fatigue"),
  NC_("scale", "anxiety"),
  NC_("scale", "depression"),
  NC_("scale", "somatic complaints (physical stress reaction)"),
  NC_("scale", "supervisor support"),
  NC_("scale", "coworker support"),
  NC_("scale", "support from family and friends"),
  NC_("scale", "job and life satisfaction"),
};

gboolean
sc_result_view_get_hr_mode (ScResultView *self)
{
  g_return_val_if_fail (SC_IS_RESULT_VIEW (self), TRUE);

  return sc_vault_get_role (self->vault) != SC_VAULT_ROLE_IMPLEMENTER;
}

void
sc_result_view_scroll_to_decision (ScResultView *self)
{
  GtkWidget *scrolled;
  GtkWidget *viewport;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;

  g_return_if_fail (SC_IS_RESULT_VIEW (self));

  scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self->decision_group),
                                      GTK_TYPE_SCROLLED_WINDOW);
  if (scrolled == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->decision_group)))
    return;
  viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  if (!gtk_widget_compute_bounds (GTK_WIDGET (self->decision_group), viewport, &bounds))
    return;
  /* The bounds are where the group is drawn now: the scroll moves by that much. */
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment)
                                        + bounds.origin.y - 12);
}

gboolean
sc_result_view_get_busy (ScResultView *self)
{
  g_return_val_if_fail (SC_IS_RESULT_VIEW (self), FALSE);

  return self->busy;
}

gint64
sc_result_view_get_submission_id (ScResultView *self)
{
  g_return_val_if_fail (SC_IS_RESULT_VIEW (self), 0);

  return self->submission_id;
}

static void
set_busy (ScResultView *self,
          gboolean      busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->decision_group), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->paper_group), !busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_error (ScResultView *self,
            const char   *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static char *
format_value (int value)
{
  return value < 0 ? g_strdup ("—") : g_strdup_printf ("%d", value);
}

/* "met", "not met" or "cannot be judged" for one criterion. */
static const char *
criterion_state (const ScAreaResult *area,
                 ScCriterionFlags    flag)
{
  if (area->verdict == SC_VERDICT_UNDETERMINED)
    return _("cannot be judged");
  return (area->criteria & flag) ? _("met") : _("not met");
}

/* Both criteria worked through with the numbers, as the implementer checks them by hand. */
static void
show_criteria (ScResultView     *self,
               const ScCriteria *criteria)
{
  const ScResult *r = &self->row->result;
  g_autofree char *sa = format_value (r->sum.a);
  g_autofree char *sb = format_value (r->sum.b);
  g_autofree char *sc = format_value (r->sum.c);
  g_autofree char *sac = (r->sum.a < 0 || r->sum.c < 0) ? g_strdup ("—")
                         : g_strdup_printf ("%d", r->sum.a + r->sum.c);
  g_autofree char *ca = format_value (r->conversion.a);
  g_autofree char *cb = format_value (r->conversion.b);
  g_autofree char *cc = format_value (r->conversion.c);
  g_autofree char *cac = (r->conversion.a < 0 || r->conversion.c < 0) ? g_strdup ("—")
                         : g_strdup_printf ("%d", r->conversion.a + r->conversion.c);
  g_autofree char *sum_verdict = sc_result_format_verdict (r->sum.verdict, r->sum.criteria);
  g_autofree char *conv_verdict = sc_result_format_verdict (r->conversion.verdict,
                                                            r->conversion.criteria);
  g_autofree char *sum_text = NULL;
  g_autofree char *conv_text = NULL;
  g_autofree char *sum_title = NULL;
  g_autofree char *conv_title = NULL;

  /* Translators: criterion その1 worked through: area sums, then ㋐ and ㋑ with their
   * thresholds and whether each is met, then the verdict. */
  sum_text = g_strdup_printf (_("A %s, B %s, C %s, A+C %s. (a) B ≥ %d: %s. (b) A+C ≥ %d and B ≥ %d: %s. %s."),
                              sa, sb, sc, sac, criteria->sum_b_min,
                              criterion_state (&r->sum, SC_CRITERION_A),
                              criteria->sum_ac_min, criteria->sum_ac_b_min,
                              criterion_state (&r->sum, SC_CRITERION_B), sum_verdict);
  /* Translators: criterion その2 worked through, with the converted sums (lower is worse). */
  conv_text = g_strdup_printf (_("A %s, B %s, C %s, A+C %s. (a) B ≤ %d: %s. (b) A+C ≤ %d and B ≤ %d: %s. %s."),
                               ca, cb, cc, cac, criteria->conv_b_max,
                               criterion_state (&r->conversion, SC_CRITERION_A),
                               criteria->conv_ac_max, criteria->conv_ac_b_max,
                               criterion_state (&r->conversion, SC_CRITERION_B), conv_verdict);
  sum_title = g_strdup_printf ("%s%s", _("Criteria example 1 (sums)"),
                               criteria->method == SC_METHOD_SUM ? _(" — this round's rule") : "");
  conv_title = g_strdup_printf ("%s%s", _("Criteria example 2 (conversion table)"),
                                criteria->method == SC_METHOD_CONVERSION ? _(" — this round's rule") : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->sum_row), sum_title);
  adw_action_row_set_subtitle (self->sum_row, sum_text);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->conversion_row), conv_title);
  adw_action_row_set_subtitle (self->conversion_row, conv_text);
}

static void
build_scale_rows (ScResultView *self)
{
  for (guint s = 0; s < SC_BJSQ_N_SCALES; s++)
    {
      const ScScaleInfo *info = sc_bjsq_scale (s);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     g_dpgettext2 (GETTEXT_PACKAGE, "scale", scale_names[s]));
      gtk_widget_set_tooltip_text (row, info->name_ja);
      adw_preferences_group_add (self->scales_group, row);
      self->scale_rows[s] = ADW_ACTION_ROW (row);
    }
}

/* The scores of @r, or none (the rows kept, emptied) without a result. */
static void
show_scales (ScResultView   *self,
             const ScResult *r)
{
  if (self->scale_rows[0] == NULL)
    {
      if (r == NULL)
        return;
      build_scale_rows (self);
    }
  for (guint s = 0; s < SC_BJSQ_N_SCALES; s++)
    {
      g_autofree char *raw = NULL;
      g_autofree char *score = NULL;
      g_autofree char *subtitle = NULL;

      if (r != NULL)
        {
          raw = format_value (r->raw[s]);
          score = format_value (r->score[s]);
          /* Translators: 素点 and 評価点 (1–5) of one scale. */
          subtitle = g_strdup_printf (_("Raw score %s · Evaluation point %s"), raw, score);
        }
      adw_action_row_set_subtitle (self->scale_rows[s], subtitle != NULL ? subtitle : "");
      gtk_widget_set_visible (GTK_WIDGET (self->scale_rows[s]), r != NULL);
    }
}

/* A section's answers are laid out when it is opened, not with every result shown. */
static void
fill_answer_label (ScResultView *self,
                   guint         section)
{
  gboolean expanded = adw_expander_row_get_expanded (self->answer_rows[section]);
  const char *text = self->answer_texts[section];

  gtk_label_set_text (self->answer_labels[section], expanded && text != NULL ? text : "");
}

static void
on_answer_row_expanded_cb (AdwExpanderRow *expander,
                           GParamSpec     *pspec,
                           ScResultView   *self)
{
  for (guint section = 0; section < SC_BJSQ_N_SECTIONS; section++)
    if (self->answer_rows[section] == expander)
      fill_answer_label (self, section);
}

static void
clear_answer_texts (ScResultView *self)
{
  for (guint section = 0; section < SC_BJSQ_N_SECTIONS; section++)
    g_clear_pointer (&self->answer_texts[section], g_free);
}

static void
build_answer_rows (ScResultView *self)
{
  for (guint section = 0; section < SC_BJSQ_N_SECTIONS; section++)
    {
      const ScSectionInfo *info = sc_bjsq_section (section);
      GtkWidget *expander = adw_expander_row_new ();
      GtkWidget *label = gtk_label_new (NULL);
      g_autofree char *title = NULL;

      /* Translators: "Section A (17 answers)". */
      title = g_strdup_printf (_("Section %s (%u answers)"), info->id, info->n_items);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "monospace");
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_widget_set_margin_start (label, 12);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), label);
      adw_preferences_group_add (self->answers_group, expander);
      self->answer_rows[section] = ADW_EXPANDER_ROW (expander);
      self->answer_labels[section] = GTK_LABEL (label);
      g_signal_connect_object (expander, "notify::expanded",
                               G_CALLBACK (on_answer_row_expanded_cb), self, 0);
    }
}

/* SECURITY: the answers are shown only to the implementer; with @answers NULL the rows
 * (if any were built) are emptied and hidden, so that a reused view keeps no answers of
 * the person shown before. */
static void
show_answers (ScResultView *self,
              const guint8  answers[SC_BJSQ_N_ITEMS])
{
  if (self->answer_rows[0] == NULL)
    {
      if (answers == NULL)
        return;
      build_answer_rows (self);
    }
  for (guint section = 0; section < SC_BJSQ_N_SECTIONS; section++)
    {
      const ScSectionInfo *info = sc_bjsq_section (section);
      AdwExpanderRow *expander = self->answer_rows[section];
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *subtitle = NULL;
      guint missing = 0;

      gtk_widget_set_visible (GTK_WIDGET (expander), answers != NULL);
      g_clear_pointer (&self->answer_texts[section], g_free);
      if (answers == NULL)
        {
          adw_expander_row_set_expanded (expander, FALSE);
          fill_answer_label (self, section);
          continue;
        }

      for (guint i = info->first_item; i < info->first_item + info->n_items; i++)
        {
          const ScItemInfo *item = sc_bjsq_item (i);

          if (text->len > 0)
            g_string_append_c (text, '\n');
          if (answers[i] >= 1 && answers[i] <= SC_BJSQ_N_OPTIONS)
            g_string_append_printf (text, "%-4s %u  %s", item->id, answers[i],
                                    sc_bjsq_option_label (i, answers[i]));
          else
            {
              g_string_append_printf (text, "%-4s —  %s", item->id, _("no answer"));
              missing++;
            }
        }
      if (missing > 0)
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u answer missing",
                                                 "%u answers missing", missing), missing);
      adw_expander_row_set_subtitle (expander, subtitle != NULL ? subtitle : "");
      self->answer_texts[section] = g_string_free (g_steal_pointer (&text), FALSE);
      fill_answer_label (self, section);
    }
}

static void
show_decision (ScResultView *self)
{
  const ScInterviewDecision *decision = &self->row->decision;
  g_autofree char *when = sc_result_format_time (decision->decided_at);
  g_autofree char *subtitle = NULL;

  gtk_toggle_button_set_active (self->required_check,
                               decision->need == SC_INTERVIEW_NEED_REQUIRED);
  gtk_toggle_button_set_active (self->not_required_check,
                               decision->need == SC_INTERVIEW_NEED_NOT_REQUIRED);
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), decision->note ? decision->note : "");
  if (decision->need == SC_INTERVIEW_NEED_UNDECIDED)
    subtitle = g_strdup (_("Nobody has decided yet."));
  else
    /* Translators: "Decided by Dr Sato on 2026-06-12 10:30". */
    subtitle = g_strdup_printf (_("Decided by %s on %s"),
                                decision->decided_by ? decision->decided_by : "?", when);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->decided_row),
                                 sc_result_format_need (decision->need));
  adw_action_row_set_subtitle (self->decided_row, subtitle);
}

/* SECURITY: a result that cannot be opened (refused to HR, gone) shows nothing, and
 * nothing is left of the person the reused view showed before. */
static void
forget_person (ScResultView *self)
{
  AdwActionRow *rows[] = {
    self->verdict_row, self->complete_row, self->consent_row, self->request_row,
    self->sum_row, self->conversion_row, self->decided_row,
  };

  g_clear_pointer (&self->row, sc_result_row_unref);
  adw_preferences_group_set_title (self->summary_group, "");
  adw_preferences_group_set_description (self->summary_group, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    adw_action_row_set_subtitle (rows[i], "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), "");
  sc_profile_chart_set_result (self->chart, NULL);
  show_scales (self, NULL);
  show_answers (self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->decision_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->paper_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->answers_group), FALSE);
}

void
sc_result_view_reload (ScResultView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVaultRound) round = NULL;
  ScResultRow *row;
  ScCriteria criteria;
  gboolean hr_mode;
  g_autofree char *verdict = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (SC_IS_RESULT_VIEW (self));

  hr_mode = sc_result_view_get_hr_mode (self);
  row = sc_vault_get_result_row (self->vault, self->submission_id, &error);
  if (row == NULL)
    {
      forget_person (self);
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  g_clear_pointer (&self->row, sc_result_row_unref);
  self->row = row;

  sc_criteria_init_default (&criteria);
  criteria.method = row->method;
  if (self->round_id > 0)
    {
      round = sc_vault_get_round (self->vault, self->round_id, NULL);
      if (round != NULL)
        criteria = round->criteria;
    }

  /* Translators: the individual result's heading, "Name (number)". */
  title = g_strdup_printf (_("%s (%s)"), row->name, row->number);
  description = g_strdup_printf ("%s%s%s%s", row->department ? row->department : "",
                                 row->department ? " · " : "", row->date ? row->date : "",
                                 row->paper ? _(" · paper form") : "");
  adw_preferences_group_set_title (self->summary_group, title);
  adw_preferences_group_set_description (self->summary_group, description);

  verdict = sc_result_format_verdict (row->verdict, row->criteria);
  adw_action_row_set_subtitle (self->verdict_row, verdict);
  gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_row), "error");
  if (row->verdict == SC_VERDICT_HIGH)
    gtk_widget_add_css_class (GTK_WIDGET (self->verdict_row), "error");
  adw_action_row_set_subtitle (self->complete_row,
                               row->complete ? _("All 57 answers given")
                               : _("Incomplete: answers are missing (nothing is imputed)"));

  sc_profile_chart_set_result (self->chart, &row->result);
  show_criteria (self, &criteria);
  show_scales (self, &row->result);

  /* SECURITY: the answers are read only with the implementer's key; HR's copy has none,
   * and HR's view does not ask for them at all. */
  gtk_widget_set_visible (GTK_WIDGET (self->answers_group), !hr_mode);
  if (!hr_mode)
    {
      ScVaultResult *full = sc_secure_alloc (sizeof *full);

      if (full != NULL
          && sc_vault_read_result (self->vault, self->submission_id, full, &error)
          && full->has_answers)
        show_answers (self, full->answers);
      else
        {
          show_answers (self, NULL);
          if (error != NULL)
            show_error (self, error->message);
        }
      sc_secure_free (full);
    }

  {
    g_autofree char *consent_time = sc_result_format_time (row->consent_at);
    g_autofree char *request_time = sc_result_format_time (row->interview_requested_at);
    g_autofree char *consent_text = NULL;

    if (row->consent_at > 0)
      /* Translators: "Consented, 2026-06-12 10:30". */
      consent_text = g_strdup_printf (_("%s, %s"), sc_result_format_consent (row->consent),
                                      consent_time);
    else
      consent_text = g_strdup (sc_result_format_consent (row->consent));
    adw_action_row_set_subtitle (self->consent_row, consent_text);
    if (row->interview_requested_at > 0)
      {
        g_autofree char *text = g_strdup_printf (_("Requested on %s"), request_time);

        adw_action_row_set_subtitle (self->request_row, text);
      }
    else
      adw_action_row_set_subtitle (self->request_row, _("Not requested"));
  }

  gtk_widget_set_visible (GTK_WIDGET (self->decision_group), !hr_mode && row->has_decision);
  if (!hr_mode && row->has_decision)
    show_decision (self);

  /* Consent and a request given on paper are recorded by the implementer, after the
   * result sheet was handed over (the core refuses them before). */
  gtk_widget_set_visible (GTK_WIDGET (self->paper_group), !hr_mode && row->paper);
  if (*gtk_editable_get_text (GTK_EDITABLE (self->paper_date_row)) == '\0')
    {
      g_autofree char *today = sc_result_today ();

      gtk_editable_set_text (GTK_EDITABLE (self->paper_date_row), today);
    }
}

void
sc_result_view_set_submission_id (ScResultView *self,
                                  gint64        submission_id)
{
  GtkWidget *page;
  GtkWidget *scrolled;
  g_autofree char *today = sc_result_today ();

  g_return_if_fail (SC_IS_RESULT_VIEW (self));
  g_return_if_fail (!self->busy);

  /* Another person: from the top of the page, with today's date for what happens on
   * paper, as a new view would show them. */
  page = adw_bin_get_child (ADW_BIN (self));
  scrolled = page != NULL ? gtk_widget_get_first_child (page) : NULL;
  if (GTK_IS_SCROLLED_WINDOW (scrolled))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)),
                              0);
  gtk_editable_set_text (GTK_EDITABLE (self->paper_date_row), today);
  for (guint section = 0; section < SC_BJSQ_N_SECTIONS; section++)
    if (self->answer_rows[section] != NULL)
      adw_expander_row_set_expanded (self->answer_rows[section], FALSE);
  if (self->submission_id != submission_id)
    {
      self->submission_id = submission_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBMISSION_ID]);
    }
  sc_result_view_reload (self);
}

/* ---- Saving ------------------------------------------------------------------------ */

typedef gboolean (*FinishFunc) (ScVault *vault, GAsyncResult *result, GError **error);

typedef struct
{
  ScResultView *self;
  FinishFunc    finish;
  const char   *success;   /* translated, static */
} SaveData;

static void
on_saved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  SaveData *data = user_data;
  g_autoptr(ScResultView) self = data->self;
  g_autoptr(GError) error = NULL;
  gboolean ok = data->finish (SC_VAULT (source), result, &error);
  const char *success = data->success;

  g_free (data);
  set_busy (self, FALSE);
  if (!ok)
    {
      show_error (self, error->message);
      g_signal_emit (self, signals[SIGNAL_TOAST], 0, error->message);
      return;
    }
  sc_result_view_reload (self);
  g_signal_emit (self, signals[SIGNAL_TOAST], 0, success);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static SaveData *
save_data_new (ScResultView *self,
               FinishFunc    finish,
               const char   *success)
{
  SaveData *data = g_new0 (SaveData, 1);

  data->self = g_object_ref (self);
  data->finish = finish;
  data->success = success;
  set_busy (self, TRUE);
  show_error (self, NULL);
  return data;
}

/* The two toggle buttons of the decision are a pair of radio buttons for assistive
 * technologies: each tells whether it is the one chosen. */
static void
on_need_toggled_cb (GtkToggleButton *button,
                    ScResultView    *self)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_CHECKED,
                               gtk_toggle_button_get_active (button), -1);
}

static void
on_save_decision_clicked_cb (GtkButton    *button,
                             ScResultView *self)
{
  ScInterviewNeed need = SC_INTERVIEW_NEED_UNDECIDED;
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->note_row));

  if (self->busy || self->row == NULL)
    return;
  if (gtk_toggle_button_get_active (self->required_check))
    need = SC_INTERVIEW_NEED_REQUIRED;
  else if (gtk_toggle_button_get_active (self->not_required_check))
    need = SC_INTERVIEW_NEED_NOT_REQUIRED;
  if (need == SC_INTERVIEW_NEED_UNDECIDED)
    {
      show_error (self, _("Choose “Interview required” or “Interview not required” first."));
      return;
    }
  sc_vault_decide_interview_need_async (self->vault, self->submission_id, need,
                                        *note ? note : NULL, sc_result_current_person (),
                                        NULL, on_saved_cb,
                                        save_data_new (self, sc_vault_decide_interview_need_finish,
                                                       _("Decision saved")));
}

static void
on_handover_clicked_cb (GtkButton    *button,
                        ScResultView *self)
{
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->paper_date_row));

  if (self->busy)
    return;
  sc_vault_record_handover_async (self->vault, self->submission_id, date, NULL, on_saved_cb,
                                  save_data_new (self, sc_vault_record_handover_finish,
                                                 _("Hand-over recorded")));
}

static void
record_paper_consent (ScResultView *self,
                      gboolean      consent)
{
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->paper_date_row));

  if (self->busy)
    return;
  sc_vault_record_paper_consent_async (self->vault, self->submission_id, consent, date, NULL,
                                       on_saved_cb,
                                       save_data_new (self, sc_vault_record_paper_consent_finish,
                                                      consent ? _("Consent recorded")
                                                      : _("Refusal recorded")));
}

static void
on_paper_consent_clicked_cb (GtkButton    *button,
                             ScResultView *self)
{
  record_paper_consent (self, TRUE);
}

static void
on_paper_refusal_clicked_cb (GtkButton    *button,
                             ScResultView *self)
{
  record_paper_consent (self, FALSE);
}

static void
on_paper_request_clicked_cb (GtkButton    *button,
                             ScResultView *self)
{
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->paper_date_row));

  if (self->busy)
    return;
  sc_vault_record_paper_request_async (self->vault, self->submission_id, date, NULL, on_saved_cb,
                                       save_data_new (self, sc_vault_record_paper_request_finish,
                                                      _("Interview request recorded")));
}

/* ---- GObject ----------------------------------------------------------------------- */

static void
sc_result_view_constructed (GObject *object)
{
  ScResultView *self = SC_RESULT_VIEW (object);

  G_OBJECT_CLASS (sc_result_view_parent_class)->constructed (object);

  g_return_if_fail (SC_IS_VAULT (self->vault));
  sc_result_view_reload (self);
}

static void
sc_result_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ScResultView *self = SC_RESULT_VIEW (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      g_value_set_object (value, self->vault);
      break;
    case PROP_SUBMISSION_ID:
      g_value_set_int64 (value, self->submission_id);
      break;
    case PROP_ROUND_ID:
      g_value_set_int64 (value, self->round_id);
      break;
    case PROP_HR_MODE:
      g_value_set_boolean (value, sc_result_view_get_hr_mode (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_result_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ScResultView *self = SC_RESULT_VIEW (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      self->vault = g_value_dup_object (value);
      break;
    case PROP_SUBMISSION_ID:
      self->submission_id = g_value_get_int64 (value);
      break;
    case PROP_ROUND_ID:
      self->round_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_result_view_dispose (GObject *object)
{
  ScResultView *self = SC_RESULT_VIEW (object);

  /* The bin's child may be a bound template child: let the bin drop it first, so that
   * it is not unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_RESULT_VIEW);
  g_clear_pointer (&self->row, sc_result_row_unref);
  g_clear_object (&self->vault);
  memset (self->scale_rows, 0, sizeof self->scale_rows);
  memset (self->answer_rows, 0, sizeof self->answer_rows);
  memset (self->answer_labels, 0, sizeof self->answer_labels);
  clear_answer_texts (self);
  G_OBJECT_CLASS (sc_result_view_parent_class)->dispose (object);
}

static void
sc_result_view_class_init (ScResultViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sc_result_view_constructed;
  object_class->get_property = sc_result_view_get_property;
  object_class->set_property = sc_result_view_set_property;
  object_class->dispose = sc_result_view_dispose;

  properties[PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL, SC_TYPE_VAULT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBMISSION_ID] =
    g_param_spec_int64 ("submission-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                        G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROUND_ID] =
    g_param_spec_int64 ("round-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                        G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Taken from the vault's role: HR's key opens no answers and no decisions. */
  properties[PROP_HR_MODE] =
    g_param_spec_boolean ("hr-mode", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  /* The vault changed (a decision, consent or request was recorded). */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (SC_TYPE_PROFILE_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/stresscheck/StressCheck/ui/sc-result-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ScResultView, summary_group);
  gtk_widget_class_bind_template_child (widget_class, ScResultView, verdict_row);
  gtk_widget_class_bind_template_child (widget_class, ScResultView, complete_row);
  gtk_widget_class_bind_template_child (widget_class, ScResultView, chart);
  gtk_widget_class_bind_template_child (widget_class, ScResultView, criteria_group);
  gtk_widget_class_bind_template_child (widget_class, ScResultView, sum_row);
  gtk_widget_class_bind_template_child (widget_class, ScResultView, conversion_row);
  gtk_widget_class_bind_template_child (widget_class, ScResultView, scales_group);
  gtk_widget_class_bind_template_child (widget_class, ScResultView, answers_group);
  gtk_widget_class_bind_template_child (widget_class, ScResultView, consent_row);
  gtk_widget_class_bind_template_child (widget_class, ScResultView, request_row);
  gtk_widget_class_bind_template_child (widget_class, ScResultView, decision_group);
  gtk_widget_class_bind_template_child (widget_class, ScResultView, required_check);
  gtk_widget_class_bind_template_child (widget_class, ScResultView, not_required_check);
  gtk_widget_class_bind_template_child (widget_class, ScResultView, note_row);
  gtk_widget_class_bind_template_child (widget_class, ScResultView, save_decision_button);
  gtk_widget_class_bind_template_child (widget_class, ScResultView, decided_row);
  gtk_widget_class_bind_template_child (widget_class, ScResultView, paper_group);
  gtk_widget_class_bind_template_child (widget_class, ScResultView, paper_date_row);
  gtk_widget_class_bind_template_child (widget_class, ScResultView, handover_button);
  gtk_widget_class_bind_template_child (widget_class, ScResultView, paper_consent_button);
  gtk_widget_class_bind_template_child (widget_class, ScResultView, paper_refusal_button);
  gtk_widget_class_bind_template_child (widget_class, ScResultView, paper_request_button);
  gtk_widget_class_bind_template_child (widget_class, ScResultView, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_need_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_decision_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_handover_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_paper_consent_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_paper_refusal_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_paper_request_clicked_cb);
}

static void
sc_result_view_init (ScResultView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  on_need_toggled_cb (self->required_check, self);
  on_need_toggled_cb (self->not_required_check, self);
}

GtkWidget *
sc_result_view_new (ScVault *vault,
                    gint64   submission_id)
{
  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  return g_object_new (SC_TYPE_RESULT_VIEW, "vault", vault, "submission-id", submission_id,
                       NULL);
}
