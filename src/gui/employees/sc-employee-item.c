/* sc-employee-item.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One roster entry in a list model, and the column view columns that show it.
 */
#define G_LOG_DOMAIN "sc-employees"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-employee-item.h"

struct _ScEmployeeItem
{
  GObject           parent_instance;

  ScEmployee       *employee;
  ScEmployee       *previous;     /* nullable */
  ScEmployeeChange  change;
};

G_DEFINE_FINAL_TYPE (ScEmployeeItem, sc_employee_item, G_TYPE_OBJECT)

static void
sc_employee_item_finalize (GObject *object)
{
  ScEmployeeItem *self = SC_EMPLOYEE_ITEM (object);

  sc_employee_free (self->employee);
  sc_employee_free (self->previous);
  G_OBJECT_CLASS (sc_employee_item_parent_class)->finalize (object);
}

static void
sc_employee_item_class_init (ScEmployeeItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sc_employee_item_finalize;
}

static void
sc_employee_item_init (ScEmployeeItem *self)
{
}

ScEmployeeItem *
sc_employee_item_new (const ScEmployee *employee,
                      ScEmployeeChange  change,
                      const ScEmployee *previous)
{
  ScEmployeeItem *self = g_object_new (SC_TYPE_EMPLOYEE_ITEM, NULL);

  self->employee = sc_employee_copy (employee);
  self->previous = previous != NULL ? sc_employee_copy (previous) : NULL;
  self->change = change;
  return self;
}

const ScEmployee *
sc_employee_item_get_employee (ScEmployeeItem *self)
{
  g_return_val_if_fail (SC_IS_EMPLOYEE_ITEM (self), NULL);
  return self->employee;
}

ScEmployeeChange
sc_employee_item_get_change (ScEmployeeItem *self)
{
  g_return_val_if_fail (SC_IS_EMPLOYEE_ITEM (self), SC_EMPLOYEE_CHANGE_NONE);
  return self->change;
}

const char *
sc_employee_sex_label (ScSex sex)
{
  return sex == SC_SEX_FEMALE ? _("Female") : _("Male");
}

static const char *
status_label (gboolean active)
{
  return active ? _("Employed") : _("Left");
}

const char *
sc_employee_column_title (ScEmployeeColumn column)
{
  switch (column)
    {
    case SC_EMPLOYEE_COLUMN_CHANGE:          return _("Import");
    case SC_EMPLOYEE_COLUMN_NUMBER:          return _("Number");
    case SC_EMPLOYEE_COLUMN_NAME:            return _("Name");
    case SC_EMPLOYEE_COLUMN_KANA:            return _("Reading");
    case SC_EMPLOYEE_COLUMN_SEX:             return _("Sex");
    case SC_EMPLOYEE_COLUMN_BIRTH_DATE:      return _("Birth Date");
    case SC_EMPLOYEE_COLUMN_DEPARTMENT:      return _("Department");
    case SC_EMPLOYEE_COLUMN_JOB_TYPE:        return _("Job Type");
    case SC_EMPLOYEE_COLUMN_POSITION:        return _("Position");
    case SC_EMPLOYEE_COLUMN_EMPLOYMENT_TYPE: return _("Employment");
    case SC_EMPLOYEE_COLUMN_STATUS:          return _("Status");
    case SC_EMPLOYEE_COLUMN_CHANGES:         return _("Changes");
    case SC_N_EMPLOYEE_COLUMNS:
    default:
      g_return_val_if_reached ("");
    }
}

/* The text of one field of @e, for a cell or a change. */
static char *
field_text (const ScEmployee *e,
            ScEmployeeColumn  column)
{
  const char *text = NULL;

  switch (column)
    {
    case SC_EMPLOYEE_COLUMN_NUMBER:          text = e->number; break;
    case SC_EMPLOYEE_COLUMN_NAME:            text = e->name; break;
    case SC_EMPLOYEE_COLUMN_KANA:            text = e->kana; break;
    case SC_EMPLOYEE_COLUMN_SEX:             text = sc_employee_sex_label (e->sex); break;
    case SC_EMPLOYEE_COLUMN_BIRTH_DATE:      text = e->birth_date; break;
    case SC_EMPLOYEE_COLUMN_DEPARTMENT:      text = e->department; break;
    case SC_EMPLOYEE_COLUMN_JOB_TYPE:        text = e->job_type; break;
    case SC_EMPLOYEE_COLUMN_POSITION:        text = e->position; break;
    case SC_EMPLOYEE_COLUMN_EMPLOYMENT_TYPE: text = e->employment_type; break;
    case SC_EMPLOYEE_COLUMN_STATUS:          text = status_label (e->active); break;
    case SC_EMPLOYEE_COLUMN_CHANGE:
    case SC_EMPLOYEE_COLUMN_CHANGES:
    case SC_N_EMPLOYEE_COLUMNS:
    default:
      g_return_val_if_reached (g_strdup (""));
    }
  return g_strdup (text != NULL && *text != '\0' ? text : "—");
}

/* The roster fields in the order of the columns that show them. */
static const struct
{
  ScRosterFields   field;
  ScEmployeeColumn column;
} field_columns[] = {
  { SC_ROSTER_FIELD_NAME, SC_EMPLOYEE_COLUMN_NAME },
  { SC_ROSTER_FIELD_KANA, SC_EMPLOYEE_COLUMN_KANA },
  { SC_ROSTER_FIELD_SEX, SC_EMPLOYEE_COLUMN_SEX },
  { SC_ROSTER_FIELD_BIRTH_DATE, SC_EMPLOYEE_COLUMN_BIRTH_DATE },
  { SC_ROSTER_FIELD_DEPARTMENT, SC_EMPLOYEE_COLUMN_DEPARTMENT },
  { SC_ROSTER_FIELD_JOB_TYPE, SC_EMPLOYEE_COLUMN_JOB_TYPE },
  { SC_ROSTER_FIELD_POSITION, SC_EMPLOYEE_COLUMN_POSITION },
  { SC_ROSTER_FIELD_EMPLOYMENT_TYPE, SC_EMPLOYEE_COLUMN_EMPLOYMENT_TYPE },
  { SC_ROSTER_FIELD_ACTIVE, SC_EMPLOYEE_COLUMN_STATUS },
};

/* "Department: 総務課 → 営業課; Position: — → 主任" */
static char *
changes_text (ScEmployeeItem *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  ScRosterFields changed;

  if (self->previous == NULL)
    return g_strdup ("");
  changed = sc_roster_compare (self->previous, self->employee);
  for (guint i = 0; i < G_N_ELEMENTS (field_columns); i++)
    {
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      if ((changed & field_columns[i].field) == 0)
        continue;
      before = field_text (self->previous, field_columns[i].column);
      after = field_text (self->employee, field_columns[i].column);
      if (text->len > 0)
        g_string_append (text, _("; "));
      /* TRANSLATORS: a changed field in the roster import preview: "Department: A → B" */
      g_string_append_printf (text, _("%s: %s → %s"),
                              sc_employee_column_title (field_columns[i].column), before, after);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
sc_employee_item_cell_text (ScEmployeeItem   *self,
                            ScEmployeeColumn  column)
{
  g_return_val_if_fail (SC_IS_EMPLOYEE_ITEM (self), NULL);

  switch (column)
    {
    case SC_EMPLOYEE_COLUMN_CHANGE:
      switch (self->change)
        {
        case SC_EMPLOYEE_CHANGE_ADDED:     return g_strdup (_("Added"));
        case SC_EMPLOYEE_CHANGE_CHANGED:   return g_strdup (_("Changed"));
        case SC_EMPLOYEE_CHANGE_UNCHANGED: return g_strdup (_("Unchanged"));
        case SC_EMPLOYEE_CHANGE_MISSING:   return g_strdup (_("Not in file"));
        case SC_EMPLOYEE_CHANGE_NONE:
        default:
          return g_strdup ("");
        }
    case SC_EMPLOYEE_COLUMN_CHANGES:
      return changes_text (self);
    case SC_N_EMPLOYEE_COLUMNS:
      g_return_val_if_reached (g_strdup (""));
    default:
      return field_text (self->employee, column);
    }
}

/* ---- Columns ----------------------------------------------------------------------- */

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

/* Values up to this many columns (a CJK character takes two) are never cut. */
#define MAX_SHOWN_WHOLE 16
#define MAX_CHANGES_SHOWN_WHOLE 60

static int
display_width (const char *text)
{
  int width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  ScEmployeeItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = sc_employee_item_cell_text (item, GPOINTER_TO_INT (user_data));

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text);
  /* Short values are shown whole, a long one cut only when the column has no room. A
   * "char" of width-chars is a digit's width: capitals and punctuation get a fifth more. */
  gtk_label_set_width_chars (GTK_LABEL (label),
                             MIN ((display_width (text) * 6 + 4) / 5,
                                  GPOINTER_TO_INT (user_data) == SC_EMPLOYEE_COLUMN_CHANGES
                                  ? MAX_CHANGES_SHOWN_WHOLE : MAX_SHOWN_WHOLE));
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  ScEmployeeColumn column = GPOINTER_TO_INT (user_data);
  g_autofree char *ta = sc_employee_item_cell_text ((ScEmployeeItem *) a, column);
  g_autofree char *tb = sc_employee_item_cell_text ((ScEmployeeItem *) b, column);

  return g_utf8_collate (ta, tb);
}

void
sc_employee_columns_add (GtkColumnView          *view,
                         const ScEmployeeColumn *columns)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  for (guint i = 0; columns[i] != SC_N_EMPLOYEE_COLUMNS; i++)
    {
      ScEmployeeColumn column = columns[i];
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) view_column = NULL;
      g_autoptr(GtkCustomSorter) sorter = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), GINT_TO_POINTER (column));
      view_column = gtk_column_view_column_new (sc_employee_column_title (column), factory);
      sorter = gtk_custom_sorter_new (compare_items, GINT_TO_POINTER (column), NULL);
      gtk_column_view_column_set_sorter (view_column, GTK_SORTER (sorter));
      gtk_column_view_column_set_resizable (view_column, TRUE);
      gtk_column_view_column_set_expand (view_column,
                                         column == SC_EMPLOYEE_COLUMN_NAME
                                         || column == SC_EMPLOYEE_COLUMN_DEPARTMENT
                                         || column == SC_EMPLOYEE_COLUMN_CHANGES);
      gtk_column_view_append_column (view, view_column);
    }
}
