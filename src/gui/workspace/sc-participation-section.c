/* sc-participation-section.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-participation-section"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-participation-section.h"
#include "sc-load-when-shown.h"
#include "sc-vault-async.h"
#include "sc-workspace.h"

/* ---- One row of the list: a participant, held by a GObject for the list model ---- */

#define SC_TYPE_PARTICIPATION_ITEM (sc_participation_item_get_type ())
G_DECLARE_FINAL_TYPE (ScParticipationItem, sc_participation_item, SC, PARTICIPATION_ITEM, GObject)

struct _ScParticipationItem
{
  GObject        parent_instance;

  ScParticipant *participant;
  char          *search_key;     /* "number name", prepared as the search text is */
};

G_DEFINE_FINAL_TYPE (ScParticipationItem, sc_participation_item, G_TYPE_OBJECT)

static void
sc_participation_item_finalize (GObject *object)
{
  ScParticipationItem *self = SC_PARTICIPATION_ITEM (object);

  g_clear_pointer (&self->participant, sc_participant_free);
  g_clear_pointer (&self->search_key, g_free);

  G_OBJECT_CLASS (sc_participation_item_parent_class)->finalize (object);
}

static void
sc_participation_item_class_init (ScParticipationItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sc_participation_item_finalize;
}

static void
sc_participation_item_init (ScParticipationItem *self)
{
}

/* Takes @participant. */
static ScParticipationItem *
sc_participation_item_new (ScParticipant *participant)
{
  ScParticipationItem *self = g_object_new (SC_TYPE_PARTICIPATION_ITEM, NULL);
  g_autofree char *key = g_strdup_printf ("%s %s", participant->number, participant->name);

  self->participant = participant;
  self->search_key = sc_result_filter_prepare_search (key);
  return self;
}

/* ---- The section ---------------------------------------------------------------- */

typedef enum
{
  COLUMN_NUMBER,
  COLUMN_NAME,
  COLUMN_DEPARTMENT,
  COLUMN_ANSWERED,
  COLUMN_REMINDER,
} Column;

struct _ScParticipationSection
{
  AdwBin              parent_instance;

  /* Children */
  GtkSearchEntry     *search_entry;
  GtkDropDown        *department_dropdown;
  GtkColumnView      *column_view;
  GtkLabel           *summary_label;
  GtkButton          *mark_button;
  GtkButton          *select_button;
  GtkButton          *keep_button;
  GtkButton          *print_button;
  GtkButton          *lift_button;        /* implementer only, else NULL */
  GtkLabel           *slips_label;

  /* Owned references */
  ScVault            *vault;
  GListStore         *store;
  GtkCustomFilter    *filter;
  GtkMultiSelection  *selection;
  GtkStringList      *departments;
  GPtrArray          *marking;            /* (element-type utf8) numbers still to mark */
  GStrv               reminder_selection;
  char               *search;             /* prepared, or NULL */

  /* Plain state */
  gint64              round_id;
  gboolean            busy;
  guint               n_marked;
};

G_DEFINE_FINAL_TYPE (ScParticipationSection, sc_participation_section, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_VAULT,
  PROP_ROUND_ID,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
toast (ScParticipationSection *self,
       const char             *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "workspace.toast", "s", message);
}

/* Lifting a lock-out is for one person at a time. */
static void
update_lift_button (ScParticipationSection *self)
{
  g_autoptr (GtkBitset) bitset = NULL;

  if (self->lift_button == NULL)
    return;
  bitset = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  gtk_widget_set_sensitive (GTK_WIDGET (self->lift_button),
                            !self->busy && gtk_bitset_get_size (bitset) == 1);
}

static void
set_busy (ScParticipationSection *self,
          gboolean                busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->mark_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->select_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->keep_button), !busy);
  update_lift_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* The department the dropdown selects: NULL for every department, "" for none. */
static const char *
get_department (ScParticipationSection *self)
{
  guint selected = gtk_drop_down_get_selected (self->department_dropdown);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->departments));

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected >= n)
    return NULL;
  /* The last entry, when there is anyone without a department, stands for them. */
  if (g_object_get_data (G_OBJECT (self->departments), "sc-has-none") != NULL && selected == n - 1)
    return "";
  return gtk_string_list_get_string (self->departments, selected);
}

static gboolean
filter_item (gpointer item,
             gpointer user_data)
{
  ScParticipationSection *self = user_data;
  ScParticipationItem *entry = item;
  const char *department = get_department (self);

  if (department != NULL &&
      g_strcmp0 (department, entry->participant->department != NULL
                             ? entry->participant->department : "") != 0)
    return FALSE;
  if (self->search != NULL &&
      (entry->search_key == NULL || strstr (entry->search_key, self->search) == NULL))
    return FALSE;
  return TRUE;
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const ScParticipant *pa = SC_PARTICIPATION_ITEM ((gpointer) a)->participant;
  const ScParticipant *pb = SC_PARTICIPATION_ITEM ((gpointer) b)->participant;
  int result = 0;

  switch (GPOINTER_TO_INT (user_data))
    {
    case COLUMN_NUMBER:
      result = g_utf8_collate (pa->number, pb->number);
      break;
    case COLUMN_NAME:
      result = g_utf8_collate (pa->name, pb->name);
      break;
    case COLUMN_DEPARTMENT:
      result = g_utf8_collate (pa->department ? pa->department : "",
                               pb->department ? pb->department : "");
      break;
    case COLUMN_ANSWERED:
      result = (pa->answered > pb->answered) - (pa->answered < pb->answered);
      break;
    case COLUMN_REMINDER:
      result = g_strcmp0 (pa->reminded_on, pb->reminded_on);
      break;
    default:
      g_assert_not_reached ();
    }

  /* Ties keep the order of the numbers, so that a sorted list is always the same list. */
  if (result == 0 && GPOINTER_TO_INT (user_data) != COLUMN_NUMBER)
    result = g_utf8_collate (pa->number, pb->number);
  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static char *
cell_text (const ScParticipant *participant,
           Column               column)
{
  switch (column)
    {
    case COLUMN_NUMBER:
      return g_strdup (participant->number);
    case COLUMN_NAME:
      return g_strdup (participant->name);
    case COLUMN_DEPARTMENT:
      return g_strdup (participant->department != NULL ? participant->department : "—");
    case COLUMN_ANSWERED:
      return g_strdup (participant->answered ? _("Yes") : _("No"));
    case COLUMN_REMINDER:
      /* The day the reminder was given. */
      if (participant->reminded_on != NULL)
        return g_strdup (participant->reminded_on);
      return g_strdup (participant->answered ? "" : _("Not yet"));
    default:
      g_assert_not_reached ();
    }
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  user_data)
{
  ScParticipationItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = cell_text (item->participant, GPOINTER_TO_INT (user_data));

  gtk_label_set_text (GTK_LABEL (label), text);
}

static void
add_column (ScParticipationSection *self,
            const char             *title,
            Column                  column,
            gboolean                expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;
  GtkCustomSorter *sorter;

  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  sorter = gtk_custom_sorter_new (compare_items, GINT_TO_POINTER (column), NULL);
  gtk_column_view_column_set_sorter (view_column, GTK_SORTER (sorter));
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->column_view, view_column);
  g_object_unref (sorter);
  g_object_unref (view_column);
}

static void
update_summary (ScParticipationSection *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint n_answered = 0;
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  g_autofree char *text = NULL;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (ScParticipationItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      n_answered += item->participant->answered;
    }

  /* Translators: the participation of a round: shown, answered and on the roster. */
  text = g_strdup_printf (_("%u of %u answered · %u shown"), n_answered, n_items, n_shown);
  gtk_label_set_text (self->summary_label, text);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

void
sc_participation_section_reload (ScParticipationSection *self)
{
  g_autoptr (GPtrArray) participants = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean has_none = FALSE;
  guint n_old;

  g_return_if_fail (SC_IS_PARTICIPATION_SECTION (self));

  if (sc_load_when_shown_defer (GTK_WIDGET (self)))
    return;
  if (self->round_id > 0)
    participants = sc_vault_list_participation (self->vault, self->round_id, &error);
  if (participants == NULL && error != NULL)
    toast (self, error->message);

  for (guint i = 0; participants != NULL && i < participants->len; i++)
    {
      ScParticipant *participant = g_steal_pointer (&g_ptr_array_index (participants, i));

      if (participant->department == NULL || *participant->department == '\0')
        has_none = TRUE;
      else if (g_hash_table_add (seen, participant->department))
        g_ptr_array_add (names, participant->department);
      g_ptr_array_add (items, sc_participation_item_new (participant));
    }
  if (participants != NULL)
    g_ptr_array_set_free_func (participants, NULL);

  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);

  /* The departments, sorted, after "All Departments" and before "No Department". */
  g_ptr_array_sort (names, compare_strings);
  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->departments));
  g_ptr_array_insert (names, 0, _("All Departments"));
  if (has_none)
    g_ptr_array_add (names, _("No Department"));
  g_ptr_array_add (names, NULL);
  g_object_set_data (G_OBJECT (self->departments), "sc-has-none", has_none ? self : NULL);
  gtk_string_list_splice (self->departments, 0, n_old, (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->department_dropdown, 0);

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_summary (self);
}

static void
on_search_changed_cb (GtkSearchEntry         *entry,
                      ScParticipationSection *self)
{
  g_free (self->search);
  self->search = sc_result_filter_prepare_search (gtk_editable_get_text (GTK_EDITABLE (entry)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_summary (self);
}

static void
on_department_selected_cb (ScParticipationSection *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_summary (self);
}

/* The selected rows' participants; (element-type ScParticipationItem), new references. */
static GPtrArray *
get_selected (ScParticipationSection *self)
{
  GPtrArray *selected = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GtkBitset) bitset = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GtkBitsetIter iter;
  guint position;

  if (gtk_bitset_iter_init_first (&iter, bitset, &position))
    do
      g_ptr_array_add (selected, g_list_model_get_item (G_LIST_MODEL (self->selection), position));
    while (gtk_bitset_iter_next (&iter, &position));
  return selected;
}

static char *
get_today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static void mark_next (ScParticipationSection *self);

static void
on_reminder_set_cb (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (ScParticipationSection) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!sc_vault_set_reminder_finish (SC_VAULT (source_object), result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The reminder could not be saved: %s"),
                                                  error->message);

      g_ptr_array_set_size (self->marking, 0);
      set_busy (self, FALSE);
      sc_participation_section_reload (self);
      toast (self, message);
      return;
    }

  self->n_marked++;
  mark_next (self);
}

/* One task at a time on the vault (sc-vault-async.h): the next starts when one is done. */
static void
mark_next (ScParticipationSection *self)
{
  g_autofree char *number = NULL;
  g_autofree char *today = NULL;

  if (self->marking->len == 0)
    {
      g_autofree char *message = NULL;

      set_busy (self, FALSE);
      sc_participation_section_reload (self);
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "A reminder was marked as given to %u person",
                                              "A reminder was marked as given to %u people",
                                              self->n_marked),
                                 self->n_marked);
      toast (self, message);
      return;
    }

  number = g_ptr_array_steal_index (self->marking, 0);
  today = get_today ();
  sc_vault_set_reminder_async (self->vault, self->round_id, number, today, NULL,
                               on_reminder_set_cb, g_object_ref (self));
}

static void
on_lockout_lifted_cb (GObject      *source_object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr (ScParticipationSection) self = user_data;
  g_autoptr (GError) error = NULL;

  set_busy (self, FALSE);
  if (!sc_vault_lift_lockout_finish (SC_VAULT (source_object), result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The lock-out could not be lifted: %s"),
                                                  error->message);

      toast (self, message);
      return;
    }
  toast (self, _("The lock-out was lifted: the person can log in again"));
}

static void
on_lift_button_clicked_cb (GtkButton              *button,
                           ScParticipationSection *self)
{
  g_autoptr (GPtrArray) selected = get_selected (self);
  ScParticipationItem *item;

  if (self->busy || sc_vault_is_busy (self->vault) || selected->len != 1)
    return;

  item = g_ptr_array_index (selected, 0);
  set_busy (self, TRUE);
  sc_vault_lift_lockout_async (self->vault, self->round_id, item->participant->number, NULL,
                               on_lockout_lifted_cb, g_object_ref (self));
}

static void
on_mark_button_clicked_cb (GtkButton              *button,
                           ScParticipationSection *self)
{
  g_autoptr (GPtrArray) selected = get_selected (self);

  if (self->busy || sc_vault_is_busy (self->vault))
    return;

  for (guint i = 0; i < selected->len; i++)
    {
      ScParticipationItem *item = g_ptr_array_index (selected, i);

      /* Someone who has answered needs no reminder. */
      if (!item->participant->answered)
        g_ptr_array_add (self->marking, g_strdup (item->participant->number));
    }

  if (self->marking->len == 0)
    {
      toast (self, _("Select people who have not answered yet"));
      return;
    }

  self->n_marked = 0;
  set_busy (self, TRUE);
  mark_next (self);
}

static void
on_select_button_clicked_cb (GtkButton              *button,
                             ScParticipationSection *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  g_autoptr (GtkBitset) wanted = gtk_bitset_new_empty ();
  g_autoptr (GtkBitset) mask = gtk_bitset_new_range (0, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (ScParticipationItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (!item->participant->answered)
        gtk_bitset_add (wanted, i);
    }
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), wanted, mask);
}

static void
on_keep_button_clicked_cb (GtkButton              *button,
                           ScParticipationSection *self)
{
  g_autoptr (GPtrArray) selected = get_selected (self);
  g_autoptr (GPtrArray) numbers = g_ptr_array_new ();
  g_autofree char *message = NULL;

  for (guint i = 0; i < selected->len; i++)
    {
      ScParticipationItem *item = g_ptr_array_index (selected, i);

      if (!item->participant->answered)
        g_ptr_array_add (numbers, g_strdup (item->participant->number));
    }
  g_ptr_array_add (numbers, NULL);

  g_strfreev (self->reminder_selection);
  self->reminder_selection = (GStrv) g_ptr_array_free (g_steal_pointer (&numbers), FALSE);

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u person kept for reminder slips",
                                          "%u people kept for reminder slips",
                                          g_strv_length (self->reminder_selection)),
                             g_strv_length (self->reminder_selection));
  gtk_label_set_text (self->slips_label, message);
  toast (self, message);
}

/* Keeps the selection, then opens Reports with the reminder slips for it. */
static void
on_print_button_clicked_cb (GtkButton              *button,
                            ScParticipationSection *self)
{
  on_keep_button_clicked_cb (button, self);
  gtk_widget_activate_action (GTK_WIDGET (self), "workspace.print-reminders", NULL);
}

static GtkWidget *
new_button (const char *label,
            const char *tooltip,
            GCallback   callback,
            gpointer    user_data)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_tooltip_text (button, tooltip);
  g_signal_connect (button, "clicked", callback, user_data);
  return button;
}

static void
build_ui (ScParticipationSection *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *actions = gtk_flow_box_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *hint;
  GtkSortListModel *sorted;
  GtkFilterListModel *filtered;

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->search_entry), TRUE);
  g_object_set (self->search_entry, "placeholder-text", _("Search by number or name"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search by number or name"),
                                  -1);
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (on_search_changed_cb), self);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->search_entry));

  self->departments = gtk_string_list_new (NULL);
  self->department_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->departments)),
                                                                NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->department_dropdown), _("Department"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->department_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Department"), -1);
  g_signal_connect_swapped (self->department_dropdown, "notify::selected",
                            G_CALLBACK (on_department_selected_cb), self);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->department_dropdown));
  gtk_box_append (GTK_BOX (box), bar);

  hint = gtk_label_new (_("Who has answered, and nothing else: answers and results are not "
                          "shown here."));
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_box_append (GTK_BOX (box), hint);

  self->store = g_list_store_new (SC_TYPE_PARTICIPATION_ITEM);
  self->filter = gtk_custom_filter_new (filter_item, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->store)),
                                        GTK_FILTER (g_object_ref (self->filter)));
  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (sorted));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (update_summary), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Participation"), -1);
  add_column (self, _("Number"), COLUMN_NUMBER, FALSE);
  add_column (self, _("Name"), COLUMN_NAME, TRUE);
  add_column (self, _("Department"), COLUMN_DEPARTMENT, TRUE);
  add_column (self, _("Answered"), COLUMN_ANSWERED, FALSE);
  add_column (self, _("Reminder"), COLUMN_REMINDER, FALSE);
  gtk_column_view_set_show_row_separators (self->column_view, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->column_view));
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_box_append (GTK_BOX (box), scrolled);

  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "sc-participation-summary");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->summary_label));

  self->select_button = GTK_BUTTON (new_button (_("Select _Non-Responders"),
                                                _("Select everyone shown who has not answered"),
                                                G_CALLBACK (on_select_button_clicked_cb), self));
  self->mark_button = GTK_BUTTON (new_button (_("_Mark Reminder Given"),
                                              _("Record today as the day the selected "
                                                "non-responders were reminded"),
                                              G_CALLBACK (on_mark_button_clicked_cb), self));
  self->keep_button = GTK_BUTTON (new_button (_("_Keep for Reminder Slips"),
                                              _("Keep the selected non-responders for printed "
                                                "reminder slips"),
                                              G_CALLBACK (on_keep_button_clicked_cb), self));
  self->print_button = GTK_BUTTON (new_button (_("_Print Reminder Slips"),
                                               _("Open Reports with reminder slips for the "
                                                 "selected non-responders"),
                                               G_CALLBACK (on_print_button_clicked_cb), self));
  /* The buttons wrap on a narrow window rather than widen it. */
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (actions), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (actions), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (actions), 6);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (actions), 3);
  gtk_flow_box_append (GTK_FLOW_BOX (actions), GTK_WIDGET (self->select_button));
  gtk_flow_box_append (GTK_FLOW_BOX (actions), GTK_WIDGET (self->mark_button));
  gtk_flow_box_append (GTK_FLOW_BOX (actions), GTK_WIDGET (self->keep_button));
  gtk_flow_box_append (GTK_FLOW_BOX (actions), GTK_WIDGET (self->print_button));
  if (sc_vault_get_role (self->vault) == SC_VAULT_ROLE_IMPLEMENTER)
    {
      self->lift_button = GTK_BUTTON (new_button (_("_Lift Lock-out"),
                                                  _("Let the selected person log in again "
                                                    "after too many wrong access codes"),
                                                  G_CALLBACK (on_lift_button_clicked_cb),
                                                  self));
      gtk_flow_box_append (GTK_FLOW_BOX (actions), GTK_WIDGET (self->lift_button));
      g_signal_connect_swapped (self->selection, "selection-changed",
                                G_CALLBACK (update_lift_button), self);
      update_lift_button (self);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (actions);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
  gtk_box_append (GTK_BOX (box), actions);

  self->slips_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->slips_label, 0);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->slips_label));
  hint = gtk_label_new (_("The reminder slips are printed from the Reports section."));
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_box_append (GTK_BOX (box), hint);

  adw_bin_set_child (ADW_BIN (self), box);
}

static void
sc_participation_section_constructed (GObject *object)
{
  ScParticipationSection *self = SC_PARTICIPATION_SECTION (object);

  G_OBJECT_CLASS (sc_participation_section_parent_class)->constructed (object);

  g_return_if_fail (self->vault != NULL);
  build_ui (self);
  /* Filled when first shown (unlock builds every section, and shows one). */
  sc_load_when_shown_init (GTK_WIDGET (self), (ScLoadFunc) sc_participation_section_reload);
}

static void
sc_participation_section_dispose (GObject *object)
{
  ScParticipationSection *self = SC_PARTICIPATION_SECTION (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_object (&self->departments);
  g_clear_object (&self->vault);

  G_OBJECT_CLASS (sc_participation_section_parent_class)->dispose (object);
}

static void
sc_participation_section_finalize (GObject *object)
{
  ScParticipationSection *self = SC_PARTICIPATION_SECTION (object);

  g_clear_pointer (&self->marking, g_ptr_array_unref);
  g_clear_pointer (&self->reminder_selection, g_strfreev);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (sc_participation_section_parent_class)->finalize (object);
}

static void
sc_participation_section_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  ScParticipationSection *self = SC_PARTICIPATION_SECTION (object);

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
sc_participation_section_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  ScParticipationSection *self = SC_PARTICIPATION_SECTION (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      self->vault = g_value_dup_object (value);
      break;
    case PROP_ROUND_ID:
      if (self->round_id != g_value_get_int64 (value))
        {
          self->round_id = g_value_get_int64 (value);
          g_clear_pointer (&self->reminder_selection, g_strfreev);
          if (self->store != NULL)
            {
              gtk_label_set_text (self->slips_label, "");
              sc_participation_section_reload (self);
            }
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_participation_section_class_init (ScParticipationSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sc_participation_section_constructed;
  object_class->dispose = sc_participation_section_dispose;
  object_class->finalize = sc_participation_section_finalize;
  object_class->get_property = sc_participation_section_get_property;
  object_class->set_property = sc_participation_section_set_property;

  properties[PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL, SC_TYPE_VAULT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ROUND_ID] =
    g_param_spec_int64 ("round-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_participation_section_init (ScParticipationSection *self)
{
  self->marking = g_ptr_array_new_with_free_func (g_free);
}

GtkWidget *
sc_participation_section_new (ScVault *vault,
                              gint64   round_id)
{
  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  return g_object_new (SC_TYPE_PARTICIPATION_SECTION,
                       "vault", vault,
                       "round-id", round_id,
                       NULL);
}

void
sc_participation_section_focus_search (ScParticipationSection *self)
{
  g_return_if_fail (SC_IS_PARTICIPATION_SECTION (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

const char * const *
sc_participation_section_get_reminder_selection (ScParticipationSection *self)
{
  static const char * const empty[] = { NULL };

  g_return_val_if_fail (SC_IS_PARTICIPATION_SECTION (self), NULL);

  return self->reminder_selection != NULL ? (const char * const *) self->reminder_selection
                                          : empty;
}

gboolean
sc_participation_section_get_busy (ScParticipationSection *self)
{
  g_return_val_if_fail (SC_IS_PARTICIPATION_SECTION (self), FALSE);

  return self->busy;
}

GStrv
sc_participation_section_get_shown_numbers (ScParticipationSection *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  GListModel *model;

  g_return_val_if_fail (SC_IS_PARTICIPATION_SECTION (self), NULL);

  model = G_LIST_MODEL (self->selection);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (ScParticipationItem) item = g_list_model_get_item (model, i);

      g_strv_builder_add (builder, item->participant->number);
    }
  return g_strv_builder_end (builder);
}
