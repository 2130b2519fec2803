/* sc-group-table-view.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-group-table-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-group-table-view.h"
#include "sc-chart.h"

/* ---- one row of the model ----------------------------------------------------------- */

typedef enum
{
  ROW_GROUP,
  ROW_TOTAL,
  ROW_REFERENCE,
} RowKind;

#define SC_TYPE_GROUP_ROW_ITEM (sc_group_row_item_get_type ())
G_DECLARE_FINAL_TYPE (ScGroupRowItem, sc_group_row_item, SC, GROUP_ROW_ITEM, GObject)

struct _ScGroupRowItem
{
  GObject           parent_instance;
  const ScGroupRow *row;     /* borrowed from the table shown */
  RowKind           kind;
};

G_DEFINE_FINAL_TYPE (ScGroupRowItem, sc_group_row_item, G_TYPE_OBJECT)

static void
sc_group_row_item_class_init (ScGroupRowItemClass *klass)
{
}

static void
sc_group_row_item_init (ScGroupRowItem *self)
{
}

static ScGroupRowItem *
row_item_new (const ScGroupRow *row,
              RowKind           kind)
{
  ScGroupRowItem *item = g_object_new (SC_TYPE_GROUP_ROW_ITEM, NULL);

  item->row = row;
  item->kind = kind;
  return item;
}

/* ---- the view ----------------------------------------------------------------------- */

struct _ScGroupTableView
{
  AdwBin               parent_instance;

  GListStore          *store;
  GtkSingleSelection  *selection;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *previous_columns[2];
  ScChartProfileLabels labels;
};

G_DEFINE_FINAL_TYPE (ScGroupTableView, sc_group_table_view, ADW_TYPE_BIN)

enum {
  SIGNAL_GROUP_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

char *
sc_group_table_view_describe_reason (const ScGroupRow *row)
{
  guint min = SC_GROUP_MIN_SIZE_DEFAULT;
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *joined = NULL;

  g_return_val_if_fail (row != NULL, NULL);

  switch (row->reason != NULL ? row->suppression : row->sex_suppression)
    {
    case SC_GROUP_SUPPRESSION_NONE:
      return NULL;
    case SC_GROUP_SUPPRESSION_TOO_SMALL:
      return g_strdup_printf (_("Not shown: fewer than %u respondents"), min);
    case SC_GROUP_SUPPRESSION_COMPLEMENTARY:
      names = g_ptr_array_new ();
      for (guint i = 0; row->revealed != NULL && row->revealed[i] != NULL; i++)
        g_ptr_array_add (names, (gpointer) (g_strcmp0 (row->revealed[i],
                                                       SC_GROUP_UNGROUPED_LABEL) == 0
                                            ? _("respondents in no group")
                                            : row->revealed[i]));
      g_ptr_array_add (names, NULL);
      /* Translators: a list separator between group names. */
      joined = g_strjoinv (_(", "), (char **) names->pdata);
      /* Translators: %u is 10, %s the groups (department names …) that subtracting this
       * group from the total would reveal. */
      return g_strdup_printf (_("Not shown: would reveal a group under %u when subtracted "
                                "from the total (%s)"), min, joined);
    case SC_GROUP_SUPPRESSION_WORKPLACE_TOO_SMALL:
      return g_strdup_printf (_("Not shown: the workplace has fewer than %u complete "
                                "respondents"), min);
    case SC_GROUP_SUPPRESSION_SEX_SUBGROUP_TOO_SMALL:
      return g_strdup_printf (_("Figures by sex hidden: one sex has fewer than %u "
                                "respondents"), min);
    case SC_GROUP_SUPPRESSION_SEX_COMPLEMENTARY:
      return g_strdup_printf (_("Figures by sex hidden: they would reveal fewer than %u "
                                "people of one sex when subtracted from the total"), min);
    default:
      return g_strdup (row->reason != NULL ? row->reason : row->sex_reason);
    }
}

static char *
risk_text (double risk)
{
  return g_strdup_printf ("%d", sc_chart_risk_display (risk));
}

static char *
note_text (ScGroupRowItem *item)
{
  const ScGroupRow *row = item->row;
  g_autofree char *reason = sc_group_table_view_describe_reason (row);
  GString *out = g_string_new (NULL);

  if (item->kind == ROW_REFERENCE)
    g_string_append (out, _("National average, for reference"));
  if (reason != NULL)
    g_string_append (out, reason);
  if (row->excluded_incomplete > 0)
    {
      if (out->len > 0)
        g_string_append (out, " · ");
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                "%u incomplete questionnaire excluded",
                                                "%u incomplete questionnaires excluded",
                                                row->excluded_incomplete),
                              row->excluded_incomplete);
    }
  if (item->kind != ROW_REFERENCE && reason == NULL && !row->has_figures)
    {
      if (out->len > 0)
        g_string_append (out, " · ");
      g_string_append (out, _("No complete questionnaire"));
    }
  return g_string_free (out, FALSE);
}

static char *
cell_text (ScGroupTableView *self,
           ScGroupRowItem   *item,
           guint             column)
{
  const ScGroupRow *row = item->row;
  const char *none = "—";

  switch (column)
    {
    case SC_GROUP_COLUMN_GROUP:
      if (item->kind == ROW_REFERENCE)
        return g_strdup (_("National average"));
      if (item->kind == ROW_TOTAL)
        return g_strdup (_("Whole workplace"));
      return g_strdup (row->label);
    case SC_GROUP_COLUMN_N:
      return item->kind == ROW_REFERENCE ? g_strdup (none) : g_strdup_printf ("%u", row->n);
    case SC_GROUP_COLUMN_NOTE:
      return note_text (item);
    default:
      break;
    }
  if (!row->has_figures)
    return g_strdup (none);
  switch (column)
    {
    case SC_GROUP_COLUMN_TOTAL:
      return risk_text (row->combined.risk_total);
    case SC_GROUP_COLUMN_RISK_A:
      return risk_text (row->combined.risk_a);
    case SC_GROUP_COLUMN_RISK_B:
      return risk_text (row->combined.risk_b);
    case SC_GROUP_COLUMN_LAST_YEAR:
      if (!row->has_previous)
        return g_strdup (none);
      return g_strdup_printf ("%d / %d / %d", sc_chart_risk_display (row->previous[0]),
                              sc_chart_risk_display (row->previous[1]),
                              sc_chart_risk_display (row->previous[2]));
    case SC_GROUP_COLUMN_CHANGE:
      if (!row->has_previous)
        return g_strdup (none);
      /* The difference of the figures shown, so that the screen adds up. */
      return g_strdup_printf ("%+d / %+d / %+d",
                              sc_chart_risk_display (row->combined.risk_a)
                              - sc_chart_risk_display (row->previous[0]),
                              sc_chart_risk_display (row->combined.risk_b)
                              - sc_chart_risk_display (row->previous[1]),
                              sc_chart_risk_display (row->combined.risk_total)
                              - sc_chart_risk_display (row->previous[2]));
    default:
      break;
    }
  if (column < SC_GROUP_COLUMN_SCALE)
    {
      guint sex = (column - SC_GROUP_COLUMN_SEX_CHART) / SC_N_CHART_SCALES;
      guint k = (column - SC_GROUP_COLUMN_SEX_CHART) % SC_N_CHART_SCALES;

      if (!row->has_sex[sex])
        return g_strdup (none);
      return g_strdup_printf ("%.1f", row->by_sex[sex].chart[k]);
    }
  if (item->kind == ROW_REFERENCE)
    return g_strdup (none);
  /* Translators: a scale's mean 評価点 (1-5) and the share of respondents on its
   * high-stress side, e.g. "3.1 · 25%". */
  return g_strdup_printf (_("%.1f · %.0f%%"),
                          row->combined.scale_mean[column - SC_GROUP_COLUMN_SCALE],
                          100.0 * row->high_side_share[column - SC_GROUP_COLUMN_SCALE]);
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);
  guint column = GPOINTER_TO_UINT (user_data);

  gtk_label_set_xalign (GTK_LABEL (label), column <= SC_GROUP_COLUMN_NOTE ? 0.0f : 1.0f);
  if (column == SC_GROUP_COLUMN_NOTE)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), 24);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
    }
  if (column >= SC_GROUP_COLUMN_TOTAL)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  ScGroupTableView *self = g_object_get_data (G_OBJECT (factory), "view");
  ScGroupRowItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = cell_text (self, item, GPOINTER_TO_UINT (user_data));

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_remove_css_class (label, "dim-label");
  gtk_widget_remove_css_class (label, "heading");
  if (item->row->reason != NULL || item->kind != ROW_GROUP)
    gtk_widget_add_css_class (label, item->row->reason != NULL ? "dim-label" : "heading");
}

static char *
column_title (ScGroupTableView *self,
              guint             column)
{
  static const char * const chart_names[SC_N_CHART_SCALES] = {
    N_("workload"), N_("job control"), N_("supervisor support"), N_("coworker support"),
  };

  switch (column)
    {
    case SC_GROUP_COLUMN_GROUP:
      return g_strdup (_("Group"));
    case SC_GROUP_COLUMN_N:
      /* Translators: the column of the number of complete respondents. */
      return g_strdup (_("n"));
    case SC_GROUP_COLUMN_NOTE:
      return g_strdup (_("Note"));
    case SC_GROUP_COLUMN_TOTAL:
      return g_strdup (_("Total risk"));
    case SC_GROUP_COLUMN_RISK_A:
      return g_strdup (_("Risk A"));
    case SC_GROUP_COLUMN_RISK_B:
      return g_strdup (_("Risk B"));
    case SC_GROUP_COLUMN_LAST_YEAR:
      return g_strdup (_("Last year A / B / total"));
    case SC_GROUP_COLUMN_CHANGE:
      return g_strdup (_("Change A / B / total"));
    default:
      break;
    }
  if (column < SC_GROUP_COLUMN_SCALE)
    {
      guint sex = (column - SC_GROUP_COLUMN_SEX_CHART) / SC_N_CHART_SCALES;
      const char *scale = _(chart_names[(column - SC_GROUP_COLUMN_SEX_CHART) % SC_N_CHART_SCALES]);

      return g_strdup_printf (sex == SC_SEX_MALE
                              /* Translators: a column: the men's mean of a chart scale. */
                              ? _("Men: %s")
                              /* Translators: a column: the women's mean of a chart scale. */
                              : _("Women: %s"), scale);
    }
  return g_strdup (self->labels.scales[column - SC_GROUP_COLUMN_SCALE]);
}

static void
on_selection_changed_cb (ScGroupTableView *self)
{
  g_signal_emit (self, signals[SIGNAL_GROUP_SELECTED], 0,
                 sc_group_table_view_get_selected_label (self));
}

static void
sc_group_table_view_dispose (GObject *object)
{
  ScGroupTableView *self = SC_GROUP_TABLE_VIEW (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sc_group_table_view_parent_class)->dispose (object);
}

static void
sc_group_table_view_class_init (ScGroupTableViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sc_group_table_view_dispose;

  /* The row chosen: the label of its group on the charts (see
   * sc_group_table_view_get_selected_label ()), or NULL. */
  signals[SIGNAL_GROUP_SELECTED] =
    g_signal_new ("group-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
sc_group_table_view_init (ScGroupTableView *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  sc_chart_profile_labels_init_translated (&self->labels);
  self->store = g_list_store_new (SC_TYPE_GROUP_ROW_ITEM);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->store)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (on_selection_changed_cb), self);
  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (
                                         GTK_SELECTION_MODEL (g_object_ref (self->selection))));
  gtk_column_view_set_show_column_separators (self->column_view, TRUE);
  gtk_column_view_set_show_row_separators (self->column_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Groups"), -1);
  for (guint c = 0; c < SC_GROUP_N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autofree char *title = column_title (self, c);
      GtkColumnViewColumn *column;

      g_object_set_data (G_OBJECT (factory), "view", self);
      g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), GUINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), GUINT_TO_POINTER (c));
      column = gtk_column_view_column_new (title, factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (c == SC_GROUP_COLUMN_NOTE)
        gtk_column_view_column_set_expand (column, TRUE);
      if (c == SC_GROUP_COLUMN_LAST_YEAR || c == SC_GROUP_COLUMN_CHANGE)
        self->previous_columns[c - SC_GROUP_COLUMN_LAST_YEAR] = column;
      gtk_column_view_append_column (self->column_view, column);
      g_object_unref (column);
    }
  /* Every row shows, up to a screenful; then the table scrolls by itself. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 300);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 520);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->column_view));
  gtk_widget_add_css_class (scrolled, "card");
  adw_bin_set_child (ADW_BIN (self), scrolled);
}

GtkWidget *
sc_group_table_view_new (void)
{
  return g_object_new (SC_TYPE_GROUP_TABLE_VIEW, NULL);
}

void
sc_group_table_view_set_table (ScGroupTableView   *self,
                               const ScGroupTable *table)
{
  gboolean any_previous = FALSE;

  g_return_if_fail (SC_IS_GROUP_TABLE_VIEW (self));

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_list_store_remove_all (self->store);
  if (table != NULL && sc_group_table_is_analysable (table))
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

      g_ptr_array_add (items, row_item_new (sc_group_table_get_reference (table), ROW_REFERENCE));
      g_ptr_array_add (items, row_item_new (sc_group_table_get_total (table), ROW_TOTAL));
      any_previous = sc_group_table_get_total (table)->has_previous;
      for (guint i = 0; i < sc_group_table_get_n_rows (table); i++)
        {
          const ScGroupRow *row = sc_group_table_get_row (table, i);

          any_previous = any_previous || row->has_previous;
          g_ptr_array_add (items, row_item_new (row, ROW_GROUP));
        }
      g_list_store_splice (self->store, 0, 0, items->pdata, items->len);
    }
  /* Last year's columns only when there is a last year to show. */
  for (guint i = 0; i < G_N_ELEMENTS (self->previous_columns); i++)
    gtk_column_view_column_set_visible (self->previous_columns[i], any_previous);
}

guint
sc_group_table_view_get_n_rows (ScGroupTableView *self)
{
  g_return_val_if_fail (SC_IS_GROUP_TABLE_VIEW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->store));
}

char *
sc_group_table_view_get_cell_text (ScGroupTableView *self,
                                   guint             position,
                                   ScGroupColumn     column)
{
  g_autoptr(ScGroupRowItem) item = NULL;

  g_return_val_if_fail (SC_IS_GROUP_TABLE_VIEW (self), NULL);
  g_return_val_if_fail (column < SC_GROUP_N_COLUMNS, NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->store), position);
  g_return_val_if_fail (item != NULL, NULL);
  return cell_text (self, item, column);
}

void
sc_group_table_view_select (ScGroupTableView *self,
                            guint             position)
{
  g_return_if_fail (SC_IS_GROUP_TABLE_VIEW (self));
  gtk_single_selection_set_selected (self->selection, position);
}

const char *
sc_group_table_view_get_selected_label (ScGroupTableView *self)
{
  ScGroupRowItem *item;

  g_return_val_if_fail (SC_IS_GROUP_TABLE_VIEW (self), NULL);

  item = gtk_single_selection_get_selected_item (self->selection);
  if (item == NULL || item->kind == ROW_REFERENCE || !item->row->has_figures)
    return NULL;
  return item->row->label;
}
