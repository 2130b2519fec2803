/* sc-results-section.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-results-section"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sc-results-section.h"
#include "sc-load-when-shown.h"
#include "sc-paper-entry-dialog.h"
#include "sc-result-format.h"
#include "sc-result-view.h"

/* ---- A list item holding one ScResultRow (GListStore holds objects only) ---------- */

#define SC_TYPE_RESULT_ITEM (sc_result_item_get_type ())
G_DECLARE_FINAL_TYPE (ScResultItem, sc_result_item, SC, RESULT_ITEM, GObject)

struct _ScResultItem
{
  GObject      parent_instance;
  ScResultRow *row;
};

G_DEFINE_FINAL_TYPE (ScResultItem, sc_result_item, G_TYPE_OBJECT)

static void
sc_result_item_finalize (GObject *object)
{
  ScResultItem *self = SC_RESULT_ITEM (object);

  g_clear_pointer (&self->row, sc_result_row_unref);
  G_OBJECT_CLASS (sc_result_item_parent_class)->finalize (object);
}

static void
sc_result_item_class_init (ScResultItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sc_result_item_finalize;
}

static void
sc_result_item_init (ScResultItem *self)
{
}

static ScResultItem *
sc_result_item_new (ScResultRow *row)
{
  ScResultItem *self = g_object_new (SC_TYPE_RESULT_ITEM, NULL);

  self->row = sc_result_row_ref (row);
  return self;
}

/* ---- The section ------------------------------------------------------------------ */

typedef enum
{
  COLUMN_NUMBER,
  COLUMN_NAME,
  COLUMN_DEPARTMENT,
  COLUMN_SEX,
  COLUMN_AGE,
  COLUMN_DATE,
  COLUMN_VERDICT,
  COLUMN_SUM_A,
  COLUMN_SUM_B,
  COLUMN_SUM_C,
  COLUMN_COMPLETE,
  COLUMN_CONSENT,
  COLUMN_REQUEST,
  COLUMN_DECISION,
  N_COLUMNS
} Column;

struct _ScResultsSection
{
  AdwBin              parent_instance;

  /* Template children */
  GtkStack           *stack;
  GtkSearchEntry     *search_entry;
  GtkButton          *paper_button;
  GtkButton          *print_button;
  GtkToggleButton    *filter_high;
  GtkToggleButton    *filter_incomplete;
  GtkToggleButton    *filter_pending;
  GtkToggleButton    *filter_consented;
  GtkToggleButton    *filter_requested;
  GtkLabel           *count_label;
  GtkLabel           *error_label;
  GtkColumnView      *column_view;
  AdwBin             *detail_bin;

  /* Owned references */
  ScVault            *vault;
  GListStore         *store;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  GtkSingleSelection *selection;
  GtkColumnViewColumn *columns[N_COLUMNS];

  /* Plain state */
  gint64              round_id;
  gboolean            constructed;
  ScResultFilterFlags flags;
  char               *search;
};

G_DEFINE_FINAL_TYPE (ScResultsSection, sc_results_section, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_VAULT,
  PROP_ROUND_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_TOAST,
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
column_title (Column column)
{
  switch (column)
    {
    case COLUMN_NUMBER: return _("Number");
    case COLUMN_NAME: return _("Name");
    case COLUMN_DEPARTMENT: return _("Department");
    case COLUMN_SEX: return _("Sex");
    case COLUMN_AGE: return _("Age");
    case COLUMN_DATE: return _("Date");
    case COLUMN_VERDICT: return _("Verdict");
    /* Translators: the area sums: A stressors, B stress responses, C support. */
    case COLUMN_SUM_A: return _("Area A");
    case COLUMN_SUM_B: return _("Area B");
    case COLUMN_SUM_C: return _("Area C");
    case COLUMN_COMPLETE: return _("Complete");
    case COLUMN_CONSENT: return _("Consent");
    case COLUMN_REQUEST: return _("Interview Request");
    case COLUMN_DECISION: return _("Decision");
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static char *
format_sum (int sum)
{
  return sum < 0 ? g_strdup ("—") : g_strdup_printf ("%d", sum);
}

static char *
column_text (Column             column,
             const ScResultRow *row)
{
  switch (column)
    {
    case COLUMN_NUMBER: return g_strdup (row->number);
    case COLUMN_NAME: return g_strdup (row->name);
    case COLUMN_DEPARTMENT: return g_strdup (row->department ? row->department : "");
    case COLUMN_SEX: return g_strdup (row->sex == SC_SEX_FEMALE ? _("Female") : _("Male"));
    case COLUMN_AGE: return row->age < 0 ? g_strdup ("—") : g_strdup_printf ("%d", row->age);
    case COLUMN_DATE:
      if (row->paper)
        /* Translators: a date of answers entered from a paper form. */
        return g_strdup_printf (_("%s (paper)"), row->date ? row->date : "");
      return g_strdup (row->date ? row->date : "");
    case COLUMN_VERDICT: return sc_result_format_verdict (row->verdict, row->criteria);
    case COLUMN_SUM_A: return format_sum (row->sum_a);
    case COLUMN_SUM_B: return format_sum (row->sum_b);
    case COLUMN_SUM_C: return format_sum (row->sum_c);
    case COLUMN_COMPLETE: return g_strdup (row->complete ? _("Complete") : _("Incomplete"));
    case COLUMN_CONSENT: return g_strdup (sc_result_format_consent (row->consent));
    case COLUMN_REQUEST:
      return row->interview_requested_at > 0 ? g_strdup (_("Requested")) : g_strdup ("");
    case COLUMN_DECISION:
      if (!row->has_decision)
        return g_strdup ("");
      if (row->decision.need == SC_INTERVIEW_NEED_UNDECIDED && row->verdict == SC_VERDICT_NOT_HIGH)
        return g_strdup ("");
      return g_strdup (sc_result_format_need (row->decision.need));
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static int
compare_ints (gint64 a,
              gint64 b)
{
  return a < b ? -1 : a > b ? 1 : 0;
}

static int
compare_strings (const char *a,
                 const char *b)
{
  return g_utf8_collate (a ? a : "", b ? b : "");
}

static int
column_compare (Column             column,
                const ScResultRow *a,
                const ScResultRow *b)
{
  switch (column)
    {
    case COLUMN_NUMBER: return compare_strings (a->number, b->number);
    case COLUMN_NAME: return compare_strings (a->name, b->name);
    case COLUMN_DEPARTMENT: return compare_strings (a->department, b->department);
    case COLUMN_SEX: return compare_ints (a->sex, b->sex);
    case COLUMN_AGE: return compare_ints (a->age, b->age);
    case COLUMN_DATE: return compare_strings (a->date, b->date);
    case COLUMN_VERDICT:
      /* High stress first when descending: undetermined < not high < high. */
      if (a->verdict != b->verdict)
        return compare_ints (a->verdict == SC_VERDICT_HIGH ? 2 : a->verdict == SC_VERDICT_NOT_HIGH,
                             b->verdict == SC_VERDICT_HIGH ? 2 : b->verdict == SC_VERDICT_NOT_HIGH);
      return compare_ints (a->criteria, b->criteria);
    case COLUMN_SUM_A: return compare_ints (a->sum_a, b->sum_a);
    case COLUMN_SUM_B: return compare_ints (a->sum_b, b->sum_b);
    case COLUMN_SUM_C: return compare_ints (a->sum_c, b->sum_c);
    case COLUMN_COMPLETE: return compare_ints (a->complete, b->complete);
    case COLUMN_CONSENT: return compare_ints (a->consent, b->consent);
    case COLUMN_REQUEST: return compare_ints (a->interview_requested_at, b->interview_requested_at);
    case COLUMN_DECISION: return compare_ints (a->decision.need, b->decision.need);
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static int
sort_rows_cb (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  const ScResultRow *ra = SC_RESULT_ITEM ((gpointer) a)->row;
  const ScResultRow *rb = SC_RESULT_ITEM ((gpointer) b)->row;
  int order = column_compare (column, ra, rb);

  /* Ties keep the employee-number order, so that a sort is stable to the eye. */
  return order != 0 ? order : compare_strings (ra->number, rb->number);
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  ScResultItem *result_item = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = column_text (column, result_item->row);

  gtk_label_set_text (GTK_LABEL (label), text);
  /* What needs the implementer's eye stands out: high stress, incomplete, pending. */
  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (label, "warning");
  if (column == COLUMN_VERDICT && result_item->row->verdict == SC_VERDICT_HIGH)
    gtk_widget_add_css_class (label, "error");
  else if ((column == COLUMN_COMPLETE && !result_item->row->complete)
           || (column == COLUMN_VERDICT && result_item->row->verdict == SC_VERDICT_UNDETERMINED)
           || (column == COLUMN_DECISION && result_item->row->has_decision
               && result_item->row->decision.need == SC_INTERVIEW_NEED_UNDECIDED))
    gtk_widget_add_css_class (label, "warning");
}

static gboolean
filter_row_cb (gpointer item,
               gpointer user_data)
{
  ScResultsSection *self = user_data;

  return sc_result_row_matches (SC_RESULT_ITEM (item)->row, self->flags, self->search);
}

static void
update_count (ScResultsSection *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  g_autofree char *text = NULL;

  /* Translators: "3 of 12 submissions shown". */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u submission shown",
                                       "%u of %u submissions shown", total),
                          shown, total);
  gtk_label_set_text (self->count_label, text);
}

/* Whether every row that (flags, search) keeps is kept by (old_flags, old_search) too:
 * more flags, and a search text holding the old one. */
static gboolean
filter_within (ScResultFilterFlags  flags,
               const char          *search,
               ScResultFilterFlags  old_flags,
               const char          *old_search)
{
  if ((flags & old_flags) != old_flags)
    return FALSE;
  if (old_search == NULL)
    return TRUE;
  return search != NULL && strstr (search, old_search) != NULL;
}

static void
refilter (ScResultsSection *self)
{
  ScResultFilterFlags flags = SC_RESULT_FILTER_NONE;
  g_autofree char *search = NULL;
  gboolean stricter, looser;

  if (gtk_toggle_button_get_active (self->filter_high))
    flags |= SC_RESULT_FILTER_HIGH_STRESS;
  if (gtk_toggle_button_get_active (self->filter_incomplete))
    flags |= SC_RESULT_FILTER_INCOMPLETE;
  if (gtk_toggle_button_get_active (self->filter_pending))
    flags |= SC_RESULT_FILTER_DECISION_PENDING;
  if (gtk_toggle_button_get_active (self->filter_consented))
    flags |= SC_RESULT_FILTER_CONSENTED;
  if (gtk_toggle_button_get_active (self->filter_requested))
    flags |= SC_RESULT_FILTER_REQUESTED;
  search = sc_result_filter_prepare_search (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  /* Typing on narrows the list: only the rows shown are looked at again; deleting widens
   * it: only the rows hidden are. The same filter again changes nothing. */
  stricter = filter_within (flags, search, self->flags, self->search);
  looser = filter_within (self->flags, self->search, flags, search);
  self->flags = flags;
  g_free (self->search);
  self->search = g_steal_pointer (&search);
  if (stricter && looser)
    return;
  gtk_filter_changed (GTK_FILTER (self->filter),
                      stricter ? GTK_FILTER_CHANGE_MORE_STRICT
                      : looser ? GTK_FILTER_CHANGE_LESS_STRICT : GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static void
on_filter_toggled_cb (GtkToggleButton  *button,
                      ScResultsSection *self)
{
  refilter (self);
}

static void
on_search_changed_cb (GtkSearchEntry   *entry,
                      ScResultsSection *self)
{
  refilter (self);
}

void
sc_results_section_reload (ScResultsSection *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (SC_IS_RESULTS_SECTION (self));

  if (sc_load_when_shown_defer (GTK_WIDGET (self)))
    return;
  rows = sc_vault_list_results (self->vault, self->round_id, &error);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), rows == NULL);
  if (rows == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      g_list_store_remove_all (self->store);
      update_count (self);
      return;
    }
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (items, sc_result_item_new (g_ptr_array_index (rows, i)));
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
  update_count (self);
}

GListModel *
sc_results_section_get_model (ScResultsSection *self)
{
  g_return_val_if_fail (SC_IS_RESULTS_SECTION (self), NULL);

  return G_LIST_MODEL (self->sort_model);
}

const ScResultRow *
sc_results_section_get_row (ScResultsSection *self,
                            guint             position)
{
  g_autoptr(ScResultItem) item = NULL;

  g_return_val_if_fail (SC_IS_RESULTS_SECTION (self), NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);
  /* The store keeps the item alive after this reference goes. */
  return item ? item->row : NULL;
}

static void
on_view_toast_cb (GtkWidget        *view,
                  const char       *message,
                  ScResultsSection *self)
{
  g_signal_emit (self, signals[SIGNAL_TOAST], 0, message);
}

static void
on_view_changed_cb (GtkWidget        *view,
                    ScResultsSection *self)
{
  sc_results_section_reload (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

gboolean
sc_results_section_open_result (ScResultsSection *self,
                                gint64            submission_id)
{
  GtkWidget *view;

  g_return_val_if_fail (SC_IS_RESULTS_SECTION (self), FALSE);

  /* The view of the result shown before is reused (its rows are built once), unless it
   * still saves something. */
  view = adw_bin_get_child (self->detail_bin);
  if (SC_IS_RESULT_VIEW (view) && !sc_result_view_get_busy (SC_RESULT_VIEW (view)))
    {
      sc_result_view_set_submission_id (SC_RESULT_VIEW (view), submission_id);
      gtk_stack_set_visible_child_name (self->stack, "detail");
      return TRUE;
    }

  /* The round's own thresholds are printed with the criteria, not the defaults. */
  view = g_object_new (SC_TYPE_RESULT_VIEW,
                       "vault", self->vault,
                       "submission-id", submission_id,
                       "round-id", self->round_id,
                       NULL);
  g_signal_connect_object (view, "toast", G_CALLBACK (on_view_toast_cb), self, 0);
  g_signal_connect_object (view, "changed", G_CALLBACK (on_view_changed_cb), self, 0);
  adw_bin_set_child (self->detail_bin, view);
  gtk_stack_set_visible_child_name (self->stack, "detail");
  return TRUE;
}

void
sc_results_section_show_list (ScResultsSection *self)
{
  g_return_if_fail (SC_IS_RESULTS_SECTION (self));

  /* The result view stays (hidden) for the next result opened. */
  gtk_stack_set_visible_child_name (self->stack, "list");
}

GtkWidget *
sc_results_section_get_result_view (ScResultsSection *self)
{
  g_return_val_if_fail (SC_IS_RESULTS_SECTION (self), NULL);

  return adw_bin_get_child (self->detail_bin);
}

void
sc_results_section_focus_search (ScResultsSection *self)
{
  g_return_if_fail (SC_IS_RESULTS_SECTION (self));

  sc_results_section_show_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The results list as shown here, printed from the Reports section (the workspace's). */
static void
on_print_clicked_cb (GtkButton        *button,
                     ScResultsSection *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "workspace.print-results", "(us)",
                              (guint32) self->flags,
                              gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
search_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  sc_results_section_focus_search (SC_RESULTS_SECTION (widget));
}

/* Enter in the search field opens the result when the search leaves exactly one: a
 * keyboard or screen reader user need not go on to the table for it. */
static void
on_search_activate_cb (GtkSearchEntry   *entry,
                       ScResultsSection *self)
{
  const ScResultRow *row;

  refilter (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) != 1)
    return;
  row = sc_results_section_get_row (self, 0);
  if (row != NULL)
    sc_results_section_open_result (self, row->submission_id);
}

static void
on_column_view_activate_cb (GtkColumnView    *view,
                            guint             position,
                            ScResultsSection *self)
{
  const ScResultRow *row = sc_results_section_get_row (self, position);

  if (row != NULL)
    sc_results_section_open_result (self, row->submission_id);
}

static void
on_back_clicked_cb (GtkButton        *button,
                    ScResultsSection *self)
{
  sc_results_section_show_list (self);
}

static void
on_paper_saved_cb (GtkWidget        *dialog,
                   gint64            submission_id,
                   ScResultsSection *self)
{
  sc_results_section_reload (self);
  g_signal_emit (self, signals[SIGNAL_TOAST], 0, _("Paper form saved"));
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_paper_clicked_cb (GtkButton        *button,
                     ScResultsSection *self)
{
  GtkWidget *dialog = sc_paper_entry_dialog_new (self->vault, self->round_id);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_paper_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
build_columns (ScResultsSection *self)
{
  gboolean implementer = sc_vault_get_role (self->vault) == SC_VAULT_ROLE_IMPLEMENTER;

  for (Column c = 0; c < N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkCustomSorter *sorter = gtk_custom_sorter_new (sort_rows_cb, GINT_TO_POINTER (c), NULL);
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), GINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), GINT_TO_POINTER (c));
      column = gtk_column_view_column_new (column_title (c), factory);
      gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
      gtk_column_view_column_set_resizable (column, TRUE);
      if (c == COLUMN_NAME || c == COLUMN_VERDICT)
        gtk_column_view_column_set_expand (column, TRUE);
      /* HR never sees the implementer's decision (DESIGN.md §3). */
      if (c == COLUMN_DECISION && !implementer)
        gtk_column_view_column_set_visible (column, FALSE);
      gtk_column_view_append_column (self->column_view, column);
      self->columns[c] = column;
      g_object_unref (sorter);
    }
}

static void
sc_results_section_constructed (GObject *object)
{
  ScResultsSection *self = SC_RESULTS_SECTION (object);
  gboolean implementer;
  GtkSorter *sorter;

  G_OBJECT_CLASS (sc_results_section_parent_class)->constructed (object);

  g_return_if_fail (SC_IS_VAULT (self->vault));
  implementer = sc_vault_get_role (self->vault) == SC_VAULT_ROLE_IMPLEMENTER;

  self->store = g_list_store_new (SC_TYPE_RESULT_ITEM);
  self->filter = gtk_custom_filter_new (filter_row_cb, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  build_columns (self);
  sorter = gtk_column_view_get_sorter (self->column_view);
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              g_object_ref (sorter));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  /* Paper forms are entered by the implementer; HR has no decision to filter on. */
  gtk_widget_set_visible (GTK_WIDGET (self->paper_button), implementer);
  gtk_widget_set_visible (GTK_WIDGET (self->print_button), implementer);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_pending), implementer);

  /* Filled when first shown (unlock builds every section, and shows one). */
  sc_load_when_shown_init (GTK_WIDGET (self), (ScLoadFunc) sc_results_section_reload);
  self->constructed = TRUE;
}

static void
sc_results_section_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ScResultsSection *self = SC_RESULTS_SECTION (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      g_value_set_object (value, self->vault);
      break;
    case PROP_ROUND_ID:
      g_value_set_int64 (value, self->round_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_results_section_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ScResultsSection *self = SC_RESULTS_SECTION (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      self->vault = g_value_dup_object (value);
      break;
    case PROP_ROUND_ID:
      /* The workspace's round chooser changes it: show the other round. */
      if (self->round_id != g_value_get_int64 (value))
        {
          self->round_id = g_value_get_int64 (value);
          if (self->constructed)
            {
              /* The view shows the thresholds of the round it was made for. */
              sc_results_section_show_list (self);
              adw_bin_set_child (self->detail_bin, NULL);
              sc_results_section_reload (self);
            }
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_results_section_dispose (GObject *object)
{
  ScResultsSection *self = SC_RESULTS_SECTION (object);

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  /* The bin's child may be a bound template child: let the bin drop it first, so that
   * it is not unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_RESULTS_SECTION);
  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_object (&self->vault);
  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_object (&self->columns[i]);
  G_OBJECT_CLASS (sc_results_section_parent_class)->dispose (object);
}

static void
sc_results_section_finalize (GObject *object)
{
  ScResultsSection *self = SC_RESULTS_SECTION (object);

  g_free (self->search);
  G_OBJECT_CLASS (sc_results_section_parent_class)->finalize (object);
}

static void
sc_results_section_class_init (ScResultsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sc_results_section_constructed;
  object_class->get_property = sc_results_section_get_property;
  object_class->set_property = sc_results_section_set_property;
  object_class->dispose = sc_results_section_dispose;
  object_class->finalize = sc_results_section_finalize;

  properties[PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL, SC_TYPE_VAULT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROUND_ID] =
    g_param_spec_int64 ("round-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                        G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ScResultsSection::toast:
   * A success or failure message for the workspace's toast overlay.
   */
  signals[SIGNAL_TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * ::changed:
   * The section changed the vault (after the toast): the other sections may show it.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/stresscheck/StressCheck/ui/sc-results-section.ui");
  gtk_widget_class_bind_template_child (widget_class, ScResultsSection, stack);
  gtk_widget_class_bind_template_child (widget_class, ScResultsSection, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ScResultsSection, paper_button);
  gtk_widget_class_bind_template_child (widget_class, ScResultsSection, print_button);
  gtk_widget_class_bind_template_callback (widget_class, on_print_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, ScResultsSection, filter_high);
  gtk_widget_class_bind_template_child (widget_class, ScResultsSection, filter_incomplete);
  gtk_widget_class_bind_template_child (widget_class, ScResultsSection, filter_pending);
  gtk_widget_class_bind_template_child (widget_class, ScResultsSection, filter_consented);
  gtk_widget_class_bind_template_child (widget_class, ScResultsSection, filter_requested);
  gtk_widget_class_bind_template_child (widget_class, ScResultsSection, count_label);
  gtk_widget_class_bind_template_child (widget_class, ScResultsSection, error_label);
  gtk_widget_class_bind_template_child (widget_class, ScResultsSection, column_view);
  gtk_widget_class_bind_template_child (widget_class, ScResultsSection, detail_bin);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_paper_clicked_cb);

  /* Ctrl+F searches the list, as everywhere in the workspace. */
  gtk_widget_class_install_action (widget_class, "results.search", NULL, search_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "results.search", NULL);
}

static void
sc_results_section_init (ScResultsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sc_results_section_new (ScVault *vault,
                        gint64   round_id)
{
  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  return g_object_new (SC_TYPE_RESULTS_SECTION, "vault", vault, "round-id", round_id, NULL);
}
