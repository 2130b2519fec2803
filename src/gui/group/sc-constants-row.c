/* sc-constants-row.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-constants-row"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-constants-row.h"
#include "sc-compat.h"
#include "sc-group-table.h"
#include "sc-vault-async.h"

struct _ScConstantsRow
{
  AdwActionRow  parent_instance;

  ScVault            *vault;
  ScChartConstantSet *set;
  GtkDropDown        *dropdown;
  GtkStringList      *choices;
  GtkButton          *load_button;
  gboolean            busy;
  gboolean            updating;
  gboolean            stale;     /* the setting is read when the row is next mapped */
};

G_DEFINE_FINAL_TYPE (ScConstantsRow, sc_constants_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_CHANGED,
  SIGNAL_TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

const char *
sc_constants_row_set_name (const ScChartConstantSet *set)
{
  const ScChartConstantSet *builtin;

  g_return_val_if_fail (set != NULL, NULL);

  builtin = sc_chart_constant_set_builtin (set->id);
  if (builtin == NULL || g_strcmp0 (builtin->name, set->name) != 0)
    return set->name;
  if (g_strcmp0 (set->id, "set-a") == 0)
    return _("Corrected means (Tokyo Medical University program; recommended, default)");
  if (g_strcmp0 (set->id, "legacy") == 0)
    return _("Technote original means (legacy)");
  if (g_strcmp0 (set->id, "set-b") == 0)
    return _("Set B (the same constants for both sexes; ironwest/sctool-r old risk)");
  return set->name;
}

static gboolean
is_implementer (ScConstantsRow *self)
{
  return sc_vault_get_role (self->vault) == SC_VAULT_ROLE_IMPLEMENTER;
}

static void
set_busy (ScConstantsRow *self,
          gboolean        busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->dropdown), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->load_button), !busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Shows self->set: the subtitle, and the dropdown on its entry (a loaded set gets its own
 * last entry). */
static void
update (ScConstantsRow *self)
{
  g_autofree char *subtitle = NULL;
  guint selected = 0, n_builtin = 0;

  subtitle = g_strdup_printf (self->set->verified
                              /* Translators: %s is the source of the chart constants. */
                              ? _("Source: %s. Checked.")
                              /* Translators: %s is the source of the chart constants; 要確認
                               * (to be confirmed) stays as it is printed on every chart. */
                              : _("Source: %s. 要確認: not yet checked against the primary "
                                  "table."),
                              self->set->source);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);

  self->updating = TRUE;
  gtk_string_list_splice (self->choices, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->choices)), NULL);
  for (const ScChartConstantSet *b; (b = sc_chart_constant_set_builtin_nth (n_builtin)) != NULL;
       n_builtin++)
    {
      gtk_string_list_append (self->choices, sc_constants_row_set_name (b));
      if (g_strcmp0 (b->id, self->set->id) == 0
          && g_strcmp0 (sc_constants_row_set_name (self->set), sc_constants_row_set_name (b)) == 0)
        selected = n_builtin;
    }
  if (sc_constants_row_set_name (self->set) == self->set->name)
    {
      /* Translators: the chart constants loaded from a file; %s is their name. */
      g_autofree char *loaded = g_strdup_printf (_("From a file: %s"), self->set->name);

      gtk_string_list_append (self->choices, loaded);
      selected = n_builtin;
    }
  gtk_drop_down_set_selected (self->dropdown, selected);
  self->updating = FALSE;
}

static void on_map_cb (ScConstantsRow *self);

void
sc_constants_row_reload (ScConstantsRow *self)
{
  g_autoptr(GError) error = NULL;
  ScChartConstantSet *set;

  g_return_if_fail (SC_IS_CONSTANTS_ROW (self));

  set = sc_group_get_chart_constants (self->vault, &error);
  if (set == NULL && g_error_matches (error, SC_VAULT_ERROR, SC_VAULT_ERROR_BUSY))
    {
      /* Another section's task holds the vault: read the setting when the row is next shown. */
      self->stale = TRUE;
      return;
    }
  if (set == NULL)
    {
      /* A damaged setting: show the default, say so. */
      g_warning ("The chart constants setting is not used: %s", error->message);
      set = sc_chart_constant_set_copy (sc_chart_constant_set_default ());
    }
  g_clear_pointer (&self->set, sc_chart_constant_set_free);
  self->set = set;
  update (self);
}

static void
on_map_cb (ScConstantsRow *self)
{
  if (self->stale)
    {
      self->stale = FALSE;
      sc_constants_row_reload (self);
    }
}

static void
on_saved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ScConstantsRow) self = user_data;
  g_autoptr(GError) error = NULL;

  set_busy (self, FALSE);
  if (!sc_group_set_chart_constants_finish (SC_VAULT (source), result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The chart constants were not changed: %s"),
                                                  error->message);

      g_signal_emit (self, signals[SIGNAL_TOAST], 0, message);
      sc_constants_row_reload (self);
      return;
    }
  sc_constants_row_reload (self);
  {
    g_autofree char *message = g_strdup_printf (_("Chart constants in use: %s"),
                                                sc_constants_row_set_name (self->set));

    g_signal_emit (self, signals[SIGNAL_TOAST], 0, message);
  }
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
save (ScConstantsRow           *self,
      const ScChartConstantSet *set)
{
  if (self->busy || !is_implementer (self))
    return;
  set_busy (self, TRUE);
  sc_group_set_chart_constants_async (self->vault, set, NULL, on_saved_cb, g_object_ref (self));
}

void
sc_constants_row_choose_builtin (ScConstantsRow *self,
                                 const char     *id)
{
  const ScChartConstantSet *set;

  g_return_if_fail (SC_IS_CONSTANTS_ROW (self));

  set = sc_chart_constant_set_builtin (id);
  g_return_if_fail (set != NULL);
  save (self, set);
}

static void
on_dropdown_selected_cb (ScConstantsRow *self)
{
  const ScChartConstantSet *set;

  if (self->updating)
    return;
  set = sc_chart_constant_set_builtin_nth (gtk_drop_down_get_selected (self->dropdown));
  if (set != NULL)
    save (self, set);
}

gboolean
sc_constants_row_load_data (ScConstantsRow *self,
                            const char     *data,
                            gsize           len)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScChartConstantSet) set = NULL;

  g_return_val_if_fail (SC_IS_CONSTANTS_ROW (self), FALSE);

  set = sc_chart_constant_set_load_from_data (data, (gssize) len, &error);
  if (set == NULL)
    {
      /* Translators: %s says what is wrong with the file, in the core's words. */
      g_autofree char *message = g_strdup_printf (_("This is not a usable constants file: %s"),
                                                  error->message);

      g_signal_emit (self, signals[SIGNAL_TOAST], 0, message);
      return FALSE;
    }
  save (self, set);
  return TRUE;
}

static void
on_file_chosen_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ScConstantsRow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = sc_compat_open_file_finish (result, &error);
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (file == NULL)
    return;
  if (!g_file_load_contents (file, NULL, &contents, &len, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The file could not be read: %s"),
                                                  error->message);

      g_signal_emit (self, signals[SIGNAL_TOAST], 0, message);
      return;
    }
  sc_constants_row_load_data (self, contents, len);
}

static void
on_load_clicked_cb (ScConstantsRow *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Chart constants (JSON or key file)"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_pattern (filter, "*.ini");
  gtk_file_filter_add_pattern (filter, "*.txt");
  sc_compat_open_file_async (GTK_WIDGET (self), _("Load Chart Constants"), filter, NULL,
                             on_file_chosen_cb, g_object_ref (self));
}

const ScChartConstantSet *
sc_constants_row_get_set (ScConstantsRow *self)
{
  g_return_val_if_fail (SC_IS_CONSTANTS_ROW (self), NULL);
  return self->set;
}

gboolean
sc_constants_row_get_busy (ScConstantsRow *self)
{
  g_return_val_if_fail (SC_IS_CONSTANTS_ROW (self), FALSE);
  return self->busy;
}

static void
sc_constants_row_dispose (GObject *object)
{
  ScConstantsRow *self = SC_CONSTANTS_ROW (object);

  g_clear_object (&self->vault);
  g_clear_object (&self->choices);

  G_OBJECT_CLASS (sc_constants_row_parent_class)->dispose (object);
}

static void
sc_constants_row_finalize (GObject *object)
{
  ScConstantsRow *self = SC_CONSTANTS_ROW (object);

  g_clear_pointer (&self->set, sc_chart_constant_set_free);

  G_OBJECT_CLASS (sc_constants_row_parent_class)->finalize (object);
}

static void
sc_constants_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ScConstantsRow *self = SC_CONSTANTS_ROW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_constants_row_class_init (ScConstantsRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sc_constants_row_dispose;
  object_class->finalize = sc_constants_row_finalize;
  object_class->get_property = sc_constants_row_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The set in use changed (after a successful save). */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  /* A message for the window's toast overlay. */
  signals[SIGNAL_TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

/* The button shows the chosen set's name ellipsized; the list shows every name whole. */
static void
on_setup_item_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  if (GPOINTER_TO_INT (user_data))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 10);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
    }
  else
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
    }
  gtk_list_item_set_child (item, label);
}

static void
on_bind_item_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static GtkListItemFactory *
item_factory (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_item_cb), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_item_cb), NULL);
  return factory;
}

static void
sc_constants_row_init (ScConstantsRow *self)
{
  GtkBox *box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _("Chart constants"));
  /* The source of the constants is said whole: cut at four lines, at text scale 1.5 its
   * "to be checked" note was lost. */
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 0);
  self->choices = gtk_string_list_new (NULL);
  self->dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->choices)),
                                                     NULL));
  {
    g_autoptr(GtkListItemFactory) button = item_factory (TRUE);
    g_autoptr(GtkListItemFactory) list = item_factory (FALSE);

    gtk_drop_down_set_factory (self->dropdown, button);
    gtk_drop_down_set_list_factory (self->dropdown, list);
  }
  gtk_widget_set_valign (GTK_WIDGET (self->dropdown), GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (GTK_WIDGET (self->dropdown), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Chart constants"), -1);
  g_signal_connect_swapped (self->dropdown, "notify::selected",
                            G_CALLBACK (on_dropdown_selected_cb), self);
  self->load_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Load from File…")));
  gtk_widget_set_valign (GTK_WIDGET (self->load_button), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->load_button, "clicked", G_CALLBACK (on_load_clicked_cb), self);
  gtk_box_append (box, GTK_WIDGET (self->dropdown));
  gtk_box_append (box, GTK_WIDGET (self->load_button));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (box));
}

GtkWidget *
sc_constants_row_new (ScVault *vault)
{
  ScConstantsRow *self;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  self = g_object_new (SC_TYPE_CONSTANTS_ROW, NULL);
  self->vault = g_object_ref (vault);
  /* HR sees which set is in use; only the implementer chooses. */
  gtk_widget_set_visible (GTK_WIDGET (self->dropdown), is_implementer (self));
  gtk_widget_set_visible (GTK_WIDGET (self->load_button), is_implementer (self));
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
  sc_constants_row_reload (self);
  return GTK_WIDGET (self);
}
