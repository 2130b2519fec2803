/* sc-group-section.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-group-section"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-group-section-private.h"
#include "sc-compat.h"
#include "sc-constants-row.h"
#include "sc-vault-async.h"


G_DEFINE_FINAL_TYPE (ScGroupSection, sc_group_section, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_VAULT,
  PROP_ROUND_ID,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void analyse (ScGroupSection *self);

gboolean
_sc_group_section_is_implementer (ScGroupSection *self)
{
  return sc_vault_get_role (self->vault) == SC_VAULT_ROLE_IMPLEMENTER;
}

void
_sc_group_section_toast (ScGroupSection *self,
       const char     *message)
{
  g_signal_emit (self, signals[SIGNAL_TOAST], 0, message);
}

void
_sc_group_section_set_busy (ScGroupSection *self,
          gboolean        busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->options_group), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->releases_group), !busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Shows one of the three parts of the content: "loading", "message" or "analysis". (Not a
 * GtkStack: a stack measures its wrapping labels for a height of 0, one line each.) */
static void
set_page (ScGroupSection *self,
          const char     *page)
{
  self->page = page;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), g_str_equal (page, "loading"));
  gtk_spinner_set_spinning (self->spinner, g_str_equal (page, "loading"));
  gtk_widget_set_visible (GTK_WIDGET (self->message_page), g_str_equal (page, "message"));
  gtk_widget_set_visible (GTK_WIDGET (self->analysis_box), g_str_equal (page, "analysis"));
}

void
_sc_group_section_show_message (ScGroupSection *self,
              const char     *title,
              const char     *description)
{
  adw_status_page_set_title (self->message_page, title);
  adw_status_page_set_description (self->message_page, description);
  set_page (self, "message");
}

void
_sc_group_section_set_table (ScGroupSection *self,
           ScGroupTable   *table)
{
  /* The views borrow the table: they let go first. */
  sc_group_table_view_set_table (self->table_view, NULL);
  for (guint k = 0; k < 2; k++)
    for (guint s = 0; s < SC_N_SEXES; s++)
      sc_judgement_chart_set_table (self->charts[k][s], NULL);
  g_clear_pointer (&self->table, sc_group_table_free);
  self->table = table;
}

static char *
caption_text (const ScGroupTable *table)
{
  const ScChartConstantSet *set = sc_group_table_get_constants (table);

  return g_strdup_printf (set->verified
                          /* Translators: under the charts: the constant set's name, source. */
                          ? _("Chart constants: %s. Source: %s. Checked.")
                          /* Translators: under the charts; 要確認 (to be confirmed) stays as
                           * the charts print it. */
                          : _("Chart constants: %s. Source: %s. 要確認: not yet checked "
                              "against the primary table."),
                          sc_constants_row_set_name (set), set->source);
}

/* Shows self->table: the analysis, or why there is none. */
void
_sc_group_section_show_table (ScGroupSection *self)
{
  const ScGroupTable *table = self->table;
  guint excluded = sc_group_table_get_excluded_incomplete (table);
  guint n = sc_group_table_get_total (table)->n;
  g_autofree char *summary = NULL;
  g_autofree char *caption = NULL;

  if (!sc_group_table_is_analysable (table))
    {
      g_autofree char *description =
        g_strdup_printf (_("This round has %u complete questionnaires (%u incomplete ones "
                           "excluded). Nothing is analysed for fewer than %u, so that nobody "
                           "can be recognised. Merge small groups or departments, or combine "
                           "this round with the previous year's, and analyse again."),
                         n, excluded, SC_GROUP_MIN_SIZE_DEFAULT);

      _sc_group_section_show_message (self, _("Too Few Respondents for an Analysis"), description);
      gtk_widget_set_sensitive (GTK_WIDGET (self->release_button), FALSE);
      return;
    }

  summary = g_strdup_printf (_("%u complete questionnaires analysed; %u incomplete "
                               "questionnaires excluded from every mean."), n, excluded);
  gtk_label_set_text (self->summary_label, summary);
  caption = caption_text (table);
  gtk_label_set_text (self->caption_label, caption);
  sc_group_table_view_set_table (self->table_view, table);
  for (guint k = 0; k < 2; k++)
    for (guint s = 0; s < SC_N_SEXES; s++)
      {
        sc_judgement_chart_set_table (self->charts[k][s], table);
        sc_judgement_chart_set_highlight (self->charts[k][s], NULL);
        sc_judgement_chart_set_show_previous (self->charts[k][s],
                                              gtk_switch_get_active (self->previous_switch));
      }
  gtk_widget_set_sensitive (GTK_WIDGET (self->release_button),
                            _sc_group_section_is_implementer (self));
  set_page (self, "analysis");
}

/* ---- the implementer's analysis ------------------------------------------------------ */

static void
finish_work (ScGroupSection *self)
{
  _sc_group_section_set_busy (self, FALSE);
  if (self->again)
    {
      self->again = FALSE;
      analyse (self);
    }
}

/* Groups the loaded round (and last year's, for the comparison) by the grouping chosen:
 * no vault work, so a change of grouping or constants shows at once. */
static void
regroup (ScGroupSection *self)
{
  g_autoptr(GError) error = NULL;
  const ScChartConstantSet *constants = sc_constants_row_get_set (self->constants_row);
  ScGroupTable *table = sc_group_round_analyse (self->round_data, &self->grouping, constants,
                                                &error);
  gboolean compared = FALSE;

  _sc_group_section_set_table (self, table);
  if (table == NULL)
    {
      _sc_group_section_show_message (self, _("No Analysis"), error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->previous_row), FALSE);
      return;
    }
  if (self->previous_data != NULL && sc_group_table_is_analysable (table))
    {
      g_autoptr(ScGroupTable) previous = sc_group_round_analyse (self->previous_data,
                                                                 &self->grouping, constants,
                                                                 NULL);

      compared = previous != NULL && sc_group_table_compare_previous (table, previous) > 0;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->previous_row), compared);
  _sc_group_section_show_table (self);
}

static void
on_previous_loaded_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(ScGroupSection) self = user_data;
  g_autoptr(GError) error = NULL;

  self->previous_data = sc_group_round_load_finish (SC_VAULT (source), result, &error);
  if (self->previous_data == NULL)
    g_debug ("No comparison with the previous round: %s", error->message);
  regroup (self);
  _sc_group_section_reload_releases (self);
  finish_work (self);
}

static void
on_round_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ScGroupSection) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 previous_round;

  self->round_data = sc_group_round_load_finish (SC_VAULT (source), result, &error);
  if (self->round_data == NULL)
    {
      _sc_group_section_set_table (self, NULL);
      _sc_group_section_show_message (self, _("No Analysis"), error->message);
      _sc_group_section_reload_releases (self);
      finish_work (self);
      return;
    }
  self->loaded_round = self->loading_round;
  previous_round = sc_group_table_find_previous_round (self->vault, self->loaded_round, NULL);
  if (previous_round > 0)
    {
      sc_group_round_load_async (self->vault, previous_round, NULL, on_previous_loaded_cb,
                                 g_object_ref (self));
      return;
    }
  regroup (self);
  _sc_group_section_reload_releases (self);
  finish_work (self);
}

static void
forget_round (ScGroupSection *self)
{
  g_clear_pointer (&self->round_data, sc_group_round_free);
  g_clear_pointer (&self->previous_data, sc_group_round_free);
  self->loaded_round = 0;
}

/* Opens the round's questionnaires once (the worker thread opens every sealed result);
 * after that, regroups them in place. */
static void
analyse (ScGroupSection *self)
{
  if (self->busy)
    {
      self->again = TRUE;
      return;
    }
  if (self->round_id <= 0)
    {
      forget_round (self);
      _sc_group_section_set_table (self, NULL);
      _sc_group_section_show_message (self, _("No Round Yet"),
                                      _("The group analysis of a round appears here once it "
                                        "has answers."));
      gtk_widget_set_sensitive (GTK_WIDGET (self->release_button), FALSE);
      _sc_group_section_reload_releases (self);
      return;
    }
  if (self->round_data != NULL && self->loaded_round == self->round_id)
    {
      regroup (self);
      return;
    }
  forget_round (self);
  _sc_group_section_set_busy (self, TRUE);
  set_page (self, "loading");
  self->loading_round = self->round_id;
  sc_group_round_load_async (self->vault, self->round_id, NULL, on_round_loaded_cb,
                             g_object_ref (self));
}

static void
on_grouping_changed_cb (ScGroupSection *self)
{
  if (self->updating)
    return;
  self->grouping.by = (ScGroupBy) adw_combo_row_get_selected (self->grouping_row);
  /* The cross list is "none" followed by the attributes, in ScGroupBy order. */
  self->grouping.cross = (ScGroupBy) adw_combo_row_get_selected (self->cross_row);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cross_row),
                            self->grouping.by != SC_GROUP_BY_WHOLE);
  if (self->grouping.by == SC_GROUP_BY_WHOLE || self->grouping.cross == self->grouping.by)
    self->grouping.cross = SC_GROUP_BY_WHOLE;
  analyse (self);
}

void
sc_group_section_set_grouping (ScGroupSection *self,
                               ScGroupBy       by,
                               ScGroupBy       cross)
{
  g_return_if_fail (SC_IS_GROUP_SECTION (self));

  self->updating = TRUE;
  adw_combo_row_set_selected (self->grouping_row, by);
  adw_combo_row_set_selected (self->cross_row, cross);
  self->updating = FALSE;
  on_grouping_changed_cb (self);
}

static void
on_group_selected_cb (ScGroupSection *self,
                      const char     *label)
{
  for (guint k = 0; k < 2; k++)
    for (guint s = 0; s < SC_N_SEXES; s++)
      sc_judgement_chart_set_highlight (self->charts[k][s], label);
}

static void
on_previous_switch_cb (ScGroupSection *self)
{
  for (guint k = 0; k < 2; k++)
    for (guint s = 0; s < SC_N_SEXES; s++)
      sc_judgement_chart_set_show_previous (self->charts[k][s],
                                            gtk_switch_get_active (self->previous_switch));
}

static void
on_constants_changed_cb (ScGroupSection *self)
{
  analyse (self);
}

static void
on_constants_toast_cb (ScGroupSection *self,
                       const char     *message)
{
  _sc_group_section_toast (self, message);
}

/* ---- GObject ------------------------------------------------------------------------- */

void
sc_group_section_reload (ScGroupSection *self)
{
  g_return_if_fail (SC_IS_GROUP_SECTION (self));

  /* A section nobody looks at does not hold the vault's one worker (nor the main thread):
   * it loads when it is first shown, and again when shown after a change. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;

  if (_sc_group_section_is_implementer (self))
    {
      if (!self->busy)
        forget_round (self);
      analyse (self);
    }
  else
    _sc_group_section_reload_releases (self);
}

const ScGroupTable *
sc_group_section_get_table (ScGroupSection *self)
{
  g_return_val_if_fail (SC_IS_GROUP_SECTION (self), NULL);
  return self->table;
}

ScGroupTableView *
sc_group_section_get_table_view (ScGroupSection *self)
{
  g_return_val_if_fail (SC_IS_GROUP_SECTION (self), NULL);
  return self->table_view;
}

ScJudgementChart *
sc_group_section_get_chart (ScGroupSection   *self,
                            ScChartJudgement  kind,
                            ScSex             sex)
{
  g_return_val_if_fail (SC_IS_GROUP_SECTION (self), NULL);
  g_return_val_if_fail ((guint) kind < 2 && (guint) sex < SC_N_SEXES, NULL);
  return self->charts[kind][sex];
}

const char *
sc_group_section_get_page (ScGroupSection *self)
{
  g_return_val_if_fail (SC_IS_GROUP_SECTION (self), NULL);
  return self->page;
}

gboolean
sc_group_section_get_busy (ScGroupSection *self)
{
  g_return_val_if_fail (SC_IS_GROUP_SECTION (self), FALSE);
  return self->busy;
}

static void
on_map_cb (ScGroupSection *self)
{
  if (self->stale)
    sc_group_section_reload (self);
}

static void
sc_group_section_constructed (GObject *object)
{
  ScGroupSection *self = SC_GROUP_SECTION (object);
  gboolean implementer;

  G_OBJECT_CLASS (sc_group_section_parent_class)->constructed (object);

  implementer = _sc_group_section_is_implementer (self);
  self->constants_row = SC_CONSTANTS_ROW (sc_constants_row_new (self->vault));
  g_signal_connect_object (self->constants_row, "changed", G_CALLBACK (on_constants_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->constants_row, "toast", G_CALLBACK (on_constants_toast_cb),
                           self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->options_group, GTK_WIDGET (self->constants_row));

  /* SECURITY: HR never analyses a round (the core refuses it too): HR's section shows
   * released snapshots only. */
  gtk_widget_set_visible (GTK_WIDGET (self->options_group), implementer);
  gtk_widget_set_visible (GTK_WIDGET (self->releases_group), implementer);
  gtk_widget_set_visible (GTK_WIDGET (self->hr_group), !implementer);
  gtk_widget_set_visible (GTK_WIDGET (self->previous_row), FALSE);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
  sc_group_section_reload (self);
}

static void
sc_group_section_dispose (GObject *object)
{
  ScGroupSection *self = SC_GROUP_SECTION (object);

  if (self->table_view != NULL)
    _sc_group_section_set_table (self, NULL);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_GROUP_SECTION);
  self->table_view = NULL;
  forget_round (self);
  g_clear_pointer (&self->releases, g_ptr_array_unref);
  g_clear_object (&self->vault);

  G_OBJECT_CLASS (sc_group_section_parent_class)->dispose (object);
}

static void
sc_group_section_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ScGroupSection *self = SC_GROUP_SECTION (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      g_value_set_object (value, self->vault);
      break;
    case PROP_ROUND_ID:
      g_value_set_int64 (value, self->round_id);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_group_section_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ScGroupSection *self = SC_GROUP_SECTION (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      self->vault = g_value_dup_object (value);
      break;
    case PROP_ROUND_ID:
      if (self->round_id != g_value_get_int64 (value))
        {
          self->round_id = g_value_get_int64 (value);
          if (self->vault != NULL && self->table_view != NULL)
            sc_group_section_reload (self);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_group_section_class_init (ScGroupSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sc_group_section_constructed;
  object_class->dispose = sc_group_section_dispose;
  object_class->get_property = sc_group_section_get_property;
  object_class->set_property = sc_group_section_set_property;

  properties[PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL, SC_TYPE_VAULT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ROUND_ID] =
    g_param_spec_int64 ("round-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A message for the window's toast overlay. */
  signals[SIGNAL_TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/stresscheck/StressCheck/ui/sc-group-section.ui");
  gtk_widget_class_bind_template_child (widget_class, ScGroupSection, options_group);
  gtk_widget_class_bind_template_child (widget_class, ScGroupSection, grouping_row);
  gtk_widget_class_bind_template_child (widget_class, ScGroupSection, cross_row);
  gtk_widget_class_bind_template_child (widget_class, ScGroupSection, previous_row);
  gtk_widget_class_bind_template_child (widget_class, ScGroupSection, previous_switch);
  gtk_widget_class_bind_template_child (widget_class, ScGroupSection, hr_group);
  gtk_widget_class_bind_template_child (widget_class, ScGroupSection, release_row);
  gtk_widget_class_bind_template_child (widget_class, ScGroupSection, print_release_button);
  gtk_widget_class_bind_template_child (widget_class, ScGroupSection, content_box);
  gtk_widget_class_bind_template_child (widget_class, ScGroupSection, spinner);
  gtk_widget_class_bind_template_child (widget_class, ScGroupSection, message_page);
  gtk_widget_class_bind_template_child (widget_class, ScGroupSection, analysis_box);
  gtk_widget_class_bind_template_child (widget_class, ScGroupSection, released_label);
  gtk_widget_class_bind_template_child (widget_class, ScGroupSection, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ScGroupSection, columns_label);
  gtk_widget_class_bind_template_child (widget_class, ScGroupSection, chart_grid);
  gtk_widget_class_bind_template_child (widget_class, ScGroupSection, caption_label);
  gtk_widget_class_bind_template_child (widget_class, ScGroupSection, releases_group);
  gtk_widget_class_bind_template_child (widget_class, ScGroupSection, release_button);
  gtk_widget_class_bind_template_child (widget_class, ScGroupSection, releases_list);
  gtk_widget_class_bind_template_callback (widget_class, on_previous_switch_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_release_clicked_cb",
                                                G_CALLBACK (_sc_group_section_on_release_clicked));
}

static void
sc_group_section_init (ScGroupSection *self)
{
  static const char * const attributes[] = {
    N_("Department"), N_("Sex"), N_("Age band (10 years)"), N_("Job type"), N_("Position"),
    N_("Employment type"),
  };
  g_autoptr(GtkStringList) by = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) cross = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  set_page (self, "loading");

  /* Both lists follow ScGroupBy: "whole workplace" (or "none") first. */
  gtk_string_list_append (by, _("Whole workplace"));
  gtk_string_list_append (cross, _("None"));
  for (guint i = 0; i < G_N_ELEMENTS (attributes); i++)
    {
      gtk_string_list_append (by, _(attributes[i]));
      gtk_string_list_append (cross, _(attributes[i]));
    }
  self->grouping.by = SC_GROUP_BY_DEPARTMENT;
  self->grouping.cross = SC_GROUP_BY_WHOLE;
  adw_combo_row_set_model (self->grouping_row, G_LIST_MODEL (by));
  adw_combo_row_set_model (self->cross_row, G_LIST_MODEL (cross));
  adw_combo_row_set_selected (self->grouping_row, self->grouping.by);
  g_signal_connect_swapped (self->grouping_row, "notify::selected",
                            G_CALLBACK (on_grouping_changed_cb), self);
  g_signal_connect_swapped (self->cross_row, "notify::selected",
                            G_CALLBACK (on_grouping_changed_cb), self);
  g_signal_connect_swapped (self->release_row, "notify::selected",
                            G_CALLBACK (_sc_group_section_on_release_row_selected), self);
  g_signal_connect_swapped (self->print_release_button, "clicked",
                            G_CALLBACK (_sc_group_section_on_print_release_clicked), self);

  self->table_view = SC_GROUP_TABLE_VIEW (sc_group_table_view_new ());
  g_signal_connect_swapped (self->table_view, "group-selected",
                            G_CALLBACK (on_group_selected_cb), self);
  gtk_box_insert_child_after (self->analysis_box, GTK_WIDGET (self->table_view),
                              GTK_WIDGET (self->columns_label));
  for (guint k = 0; k < 2; k++)
    for (guint s = 0; s < SC_N_SEXES; s++)
      {
        GtkWidget *chart = sc_judgement_chart_new ((ScChartJudgement) k, (ScSex) s);

        gtk_widget_add_css_class (chart, "card");
        self->charts[k][s] = SC_JUDGEMENT_CHART (chart);
        gtk_grid_attach (self->chart_grid, chart, (int) s, (int) k, 1, 1);
      }
}

GtkWidget *
sc_group_section_new (ScVault *vault,
                      gint64   round_id)
{
  return g_object_new (SC_TYPE_GROUP_SECTION, "vault", vault, "round-id", round_id, NULL);
}
