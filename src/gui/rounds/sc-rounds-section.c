/* sc-rounds-section.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page is rebuilt from the vault after every change (a few rounds, one roster): the
 * rounds, the selected round's period, status and criteria, and who has a code.
 */
#define G_LOG_DOMAIN "sc-rounds-section"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sc-rounds-section.h"
#include "sc-codes-dialog.h"
#include "sc-compat.h"
#include "sc-criteria-dialog.h"
#include "sc-gui-vault.h"
#include "sc-load-when-shown.h"
#include "sc-new-round-dialog.h"
#include "sc-secure.h"
#include "sc-vault-async.h"

struct _ScRoundsSection
{
  AdwBin          parent_instance;

  ScVault        *vault;
  gint64          round_id;
  gboolean        busy;
  gboolean        implementer;
  GtkSearchEntry *search;
  GPtrArray      *code_rows;     /* AdwActionRow, borrowed; the search filters them */
  GtkWidget      *codes_dialog;  /* weak */
};

G_DEFINE_FINAL_TYPE (ScRoundsSection, sc_rounds_section, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ROUND_ID,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_TOAST,
  SIGNAL_ROUNDS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void reload (ScRoundsSection *self);

static void
toast (ScRoundsSection *self,
       const char      *message)
{
  g_signal_emit (self, signals[SIGNAL_TOAST], 0, message);
}

static void
set_busy (ScRoundsSection *self,
          gboolean         busy)
{
  self->busy = busy;
  if (adw_bin_get_child (ADW_BIN (self)) != NULL)
    gtk_widget_set_sensitive (adw_bin_get_child (ADW_BIN (self)), !busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* After a change: the page, the workspace's round chooser, and a toast. */
static void
changed (ScRoundsSection *self,
         const char      *message)
{
  reload (self);
  g_signal_emit (self, signals[SIGNAL_ROUNDS_CHANGED], 0);
  toast (self, message);
}

static GtkWindow *
parent_window (ScRoundsSection *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
present_dialog (ScRoundsSection *self,
                GtkWidget       *dialog)
{
  gtk_window_set_transient_for (GTK_WINDOW (dialog), parent_window (self));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Rounds ----------------------------------------------------------------------- */

static void
on_round_created_cb (ScRoundsSection *self,
                     gint64           round_id)
{
  self->round_id = round_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROUND_ID]);
  changed (self, _("The round was created"));
}

static void
on_new_round_clicked_cb (ScRoundsSection *self)
{
  GtkWidget *dialog = sc_new_round_dialog_new (self->vault);

  g_signal_connect_object (dialog, "created", G_CALLBACK (on_round_created_cb), self,
                           G_CONNECT_SWAPPED);
  present_dialog (self, dialog);
}

static void
on_round_edited_cb (ScRoundsSection *self)
{
  changed (self, _("The round was saved"));
}

static void
on_edit_clicked_cb (ScRoundsSection *self)
{
  g_autoptr(ScVaultRound) round = sc_vault_get_round (self->vault, self->round_id, NULL);
  GtkWidget *dialog;

  if (round == NULL)
    return;
  dialog = sc_new_round_dialog_new_edit (self->vault, round);
  g_signal_connect_object (dialog, "edited", G_CALLBACK (on_round_edited_cb), self,
                           G_CONNECT_SWAPPED);
  present_dialog (self, dialog);
}

static void
on_criteria_saved_cb (ScRoundsSection *self)
{
  changed (self, _("The criteria were changed"));
}

static void
on_criteria_clicked_cb (ScRoundsSection *self)
{
  g_autoptr(ScVaultRound) round = sc_vault_get_round (self->vault, self->round_id, NULL);
  GtkWidget *dialog;

  if (round == NULL)
    return;
  dialog = sc_criteria_dialog_new (self->vault, round);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_criteria_saved_cb), self,
                           G_CONNECT_SWAPPED);
  present_dialog (self, dialog);
}

/* One callback for closing and reopening: the message comes with the task's data. */
static void
on_status_changed_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(ScRoundsSection) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean closing = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), "closing"));
  gboolean ok = closing ? sc_vault_close_round_finish (SC_VAULT (source), result, &error)
                        : sc_vault_reopen_round_finish (SC_VAULT (source), result, &error);

  set_busy (self, FALSE);
  if (!ok)
    toast (self, sc_gui_vault_error_message (error));
  else
    changed (self, closing ? _("The round was closed") : _("The round was reopened"));
}

static void
on_close_chosen_cb (GObject      *dialog,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ScRoundsSection) self = user_data;
  const char *response = sc_compat_message_dialog_choose_finish (GTK_WIDGET (dialog), result);

  if (g_strcmp0 (response, "close") != 0 || self->busy || self->vault == NULL)
    return;
  set_busy (self, TRUE);
  g_object_set_data (G_OBJECT (self), "closing", GINT_TO_POINTER (TRUE));
  sc_vault_close_round_async (self->vault, self->round_id, NULL, on_status_changed_cb,
                              g_object_ref (self));
}

static void
on_close_clicked_cb (ScRoundsSection *self)
{
  g_autoptr(ScVaultRound) round = sc_vault_get_round (self->vault, self->round_id, NULL);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (round == NULL)
    return;
  body = g_strdup_printf (_("When “%s” is closed, the kiosk takes no more answers for it "
                            "and its criteria can no longer change. Results, interviews "
                            "and reports stay as they are. You can reopen it while its "
                            "period lasts."), round->name);
  dialog = sc_compat_message_dialog_new (_("Close the Round?"), body);
  sc_compat_message_dialog_add_response (dialog, "cancel", _("_Cancel"), SC_RESPONSE_DEFAULT);
  sc_compat_message_dialog_add_response (dialog, "close", _("C_lose Round"),
                                         SC_RESPONSE_DESTRUCTIVE);
  sc_compat_message_dialog_set_close_response (dialog, "cancel");
  sc_compat_message_dialog_choose (dialog, GTK_WIDGET (self), NULL, on_close_chosen_cb,
                                   g_object_ref (self));
}

static void
on_reopen_clicked_cb (ScRoundsSection *self)
{
  if (self->busy)
    return;
  set_busy (self, TRUE);
  g_object_set_data (G_OBJECT (self), "closing", GINT_TO_POINTER (FALSE));
  sc_vault_reopen_round_async (self->vault, self->round_id, NULL, on_status_changed_cb,
                               g_object_ref (self));
}

/* ---- Access codes ----------------------------------------------------------------- */

static void
on_codes_issued_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ScRoundsSection) self = user_data;
  g_autoptr(GError) error = NULL;
  char *codes = sc_vault_issue_codes_finish (SC_VAULT (source), result, &error);
  GtkWidget *dialog;
  guint n;

  set_busy (self, FALSE);
  if (codes == NULL)
    {
      toast (self, sc_gui_vault_error_message (error));
      return;
    }
  if (*codes == '\0')
    {
      sc_secure_free (codes);
      toast (self, _("Everyone on the roster already has a code"));
      return;
    }
  /* SECURITY: the dialog takes the only copy and wipes it when it closes. */
  dialog = sc_codes_dialog_new (self->vault, self->round_id, codes);
  n = sc_codes_dialog_get_n_codes (SC_CODES_DIALOG (dialog));
  g_set_weak_pointer (&self->codes_dialog, dialog);
  present_dialog (self, dialog);
  reload (self);
  {
    g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u access code issued",
                                                             "%u access codes issued", n), n);
    toast (self, message);
  }
}

static void
issue (ScRoundsSection    *self,
       const char * const *numbers)
{
  if (self->busy)
    return;
  set_busy (self, TRUE);
  sc_vault_issue_codes_async (self->vault, self->round_id, numbers, NULL, on_codes_issued_cb,
                              g_object_ref (self));
}

static void
on_issue_clicked_cb (ScRoundsSection *self)
{
  issue (self, NULL);
}

static void
on_reissue_chosen_cb (GObject      *dialog,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(ScRoundsSection) self = user_data;
  const char *response = sc_compat_message_dialog_choose_finish (GTK_WIDGET (dialog), result);
  const char *numbers[2] = { g_object_get_data (dialog, "number"), NULL };

  if (g_strcmp0 (response, "reissue") == 0 && self->vault != NULL)
    issue (self, numbers);
}

static void
on_reissue_clicked_cb (GtkButton       *button,
                       ScRoundsSection *self)
{
  const char *number = g_object_get_data (G_OBJECT (button), "number");
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  body = g_strdup_printf (_("Employee %s gets a new code. The old code stops working at "
                            "once, and answers kept unfinished under it are dropped."), number);
  dialog = sc_compat_message_dialog_new (_("Reissue the Access Code?"), body);
  g_object_set_data_full (G_OBJECT (dialog), "number", g_strdup (number), g_free);
  sc_compat_message_dialog_add_response (dialog, "cancel", _("_Cancel"), SC_RESPONSE_DEFAULT);
  sc_compat_message_dialog_add_response (dialog, "reissue", _("_Reissue"),
                                         SC_RESPONSE_DESTRUCTIVE);
  sc_compat_message_dialog_set_close_response (dialog, "cancel");
  sc_compat_message_dialog_choose (dialog, GTK_WIDGET (self), NULL, on_reissue_chosen_cb,
                                   g_object_ref (self));
}

static void
on_search_changed_cb (ScRoundsSection *self)
{
  g_autofree char *needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search)),
                                             -1);

  for (guint i = 0; i < self->code_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->code_rows, i);
      const char *key = g_object_get_data (G_OBJECT (row), "search-key");

      gtk_widget_set_visible (row, *needle == '\0' || strstr (key, needle) != NULL);
    }
}

/* ---- Building the page ------------------------------------------------------------- */

static GtkWidget *
row_button (const char *label,
            GCallback   callback,
            gpointer    self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", callback, self);
  return button;
}

static char *
describe_period (const ScVaultRound *round)
{
  if (round->period_start == NULL)
    return g_strdup (_("No period set"));
  /* Translators: a round's period, first and last day. */
  return g_strdup_printf (_("%s to %s"), round->period_start,
                          round->period_end != NULL ? round->period_end : "");
}

static char *
describe_criteria (const ScCriteria *c)
{
  if (c->method == SC_METHOD_SUM)
    return g_strdup_printf (_("その1: B ≥ %d, or A + C ≥ %d and B ≥ %d"),
                            c->sum_b_min, c->sum_ac_min, c->sum_ac_b_min);
  return g_strdup_printf (_("その2: B ≤ %d, or A + C ≤ %d and B ≤ %d"),
                          c->conv_b_max, c->conv_ac_max, c->conv_ac_b_max);
}

static void
on_round_row_activated_cb (AdwActionRow    *row,
                           ScRoundsSection *self)
{
  sc_rounds_section_set_round_id (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row),
                                                                             "round-id")));
}

static GtkWidget *
build_rounds_group (ScRoundsSection *self,
                    GPtrArray       *rounds,
                    guint            n_active)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Rounds"));
  if (self->implementer)
    adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group),
                                             row_button (_("_New Round…"),
                                                         G_CALLBACK (on_new_round_clicked_cb),
                                                         self));
  if (rounds->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("There is no round yet."));
  for (guint i = 0; i < rounds->len; i++)
    {
      const ScVaultRound *round = g_ptr_array_index (rounds, i);
      g_autoptr(GPtrArray) subs = sc_vault_list_submissions (self->vault, round->id, NULL);
      g_autoptr(GHashTable) holders = sc_vault_list_code_holders (self->vault, round->id, NULL);
      g_autofree char *period = describe_period (round);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      /* Translators: period · status · answered of roster · people with an access code. */
      subtitle = g_strdup_printf (_("%s · %s · %u of %u answered · %u with a code"), period,
                                  round->closed ? _("Closed") : _("Open"),
                                  subs != NULL ? subs->len : 0, n_active,
                                  holders != NULL ? g_hash_table_size (holders) : 0);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), round->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      g_object_set_data (G_OBJECT (row), "round-id", GSIZE_TO_POINTER ((gsize) round->id));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_round_row_activated_cb), self, 0);
      if (round->id == self->round_id)
        {
          GtkWidget *mark = gtk_image_new_from_icon_name ("object-select-symbolic");

          gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Selected"), -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  return group;
}

static GtkWidget *
build_round_group (ScRoundsSection    *self,
                   const ScVaultRound *round)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row;
  g_autofree char *period = describe_period (round);
  g_autofree char *criteria = describe_criteria (&round->criteria);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), round->name);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Period"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), period);
  if (self->implementer)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               row_button (_("_Edit…"), G_CALLBACK (on_edit_clicked_cb), self));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Status"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               round->closed ? _("Closed: the kiosk takes no answers")
                                             : _("Open: the kiosk takes answers in the period"));
  if (self->implementer)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               round->closed
                               ? row_button (_("_Reopen"), G_CALLBACK (on_reopen_clicked_cb), self)
                               : row_button (_("C_lose…"), G_CALLBACK (on_close_clicked_cb), self));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("High-Stress Criteria"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), criteria);
  if (self->implementer && !round->closed)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               row_button (_("C_hange…"), G_CALLBACK (on_criteria_clicked_cb),
                                           self));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return group;
}

/* The title, Issue Codes and the search (@group), then one row per employee (@list). */
static void
build_codes_groups (ScRoundsSection *self,
                    GPtrArray       *employees,
                    GtkWidget       *group,
                    GtkWidget       *list)
{
  g_autoptr(GHashTable) holders = sc_vault_list_code_holders (self->vault, self->round_id, NULL);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Access Codes"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Who has a code for this round. Codes themselves are "
                                           "never kept: only shown once when issued."));
  if (self->implementer)
    adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group),
                                             row_button (_("_Issue Codes"),
                                                         G_CALLBACK (on_issue_clicked_cb),
                                                         self));
  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search employees"), -1);
  g_object_set (self->search, "placeholder-text", _("Search by number or name"), NULL);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (on_search_changed_cb),
                            self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->search));

  for (guint i = 0; employees != NULL && i < employees->len; i++)
    {
      const ScEmployee *e = g_ptr_array_index (employees, i);
      gboolean has = holders != NULL && g_hash_table_contains (holders, e->number);
      g_autofree char *title = g_strdup_printf ("%s  %s", e->number, e->name != NULL ? e->name : "");
      g_autofree char *key = g_utf8_casefold (title, -1);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *state = gtk_label_new (has ? _("Has a code") : _("No code"));

      if (!e->active)
        continue;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_add_css_class (state, has ? "success" : "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);
      if (self->implementer)
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_("Reissue…"));
          g_autofree char *name = g_strdup_printf (_("Reissue the code of %s"), e->number);

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_set_visible (button, has);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          name, -1);
          g_object_set_data_full (G_OBJECT (button), "number", g_strdup (e->number), g_free);
          g_signal_connect_object (button, "clicked", G_CALLBACK (on_reissue_clicked_cb), self, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      g_object_set_data_full (G_OBJECT (row), "search-key", g_steal_pointer (&key), g_free);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (list), row);
      g_ptr_array_add (self->code_rows, row);
    }
}

static void
reload (ScRoundsSection *self)
{
  g_autoptr(GPtrArray) rounds = NULL;
  g_autoptr(GPtrArray) employees = NULL;
  const ScVaultRound *selected = NULL;
  GtkWidget *page;
  guint n_active = 0;

  if (sc_load_when_shown_defer (GTK_WIDGET (self)))
    return;
  rounds = sc_vault_list_rounds (self->vault, NULL);
  employees = sc_vault_list_employees (self->vault, NULL);
  page = adw_preferences_page_new ();
  if (rounds == NULL)
    rounds = g_ptr_array_new ();
  for (guint i = 0; employees != NULL && i < employees->len; i++)
    n_active += ((ScEmployee *) g_ptr_array_index (employees, i))->active ? 1 : 0;
  for (guint i = 0; i < rounds->len; i++)
    if (((ScVaultRound *) g_ptr_array_index (rounds, i))->id == self->round_id)
      selected = g_ptr_array_index (rounds, i);

  g_ptr_array_set_size (self->code_rows, 0);
  self->search = NULL;
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                            ADW_PREFERENCES_GROUP (build_rounds_group (self, rounds, n_active)));
  if (selected != NULL)
    {
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                                ADW_PREFERENCES_GROUP (build_round_group (self, selected)));
      GtkWidget *codes = adw_preferences_group_new ();
      GtkWidget *list = adw_preferences_group_new ();

      build_codes_groups (self, employees, codes, list);
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (codes));
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (list));
    }
  adw_bin_set_child (ADW_BIN (self), page);
}

/* ---- GObject ---------------------------------------------------------------------- */

gint64
sc_rounds_section_get_round_id (ScRoundsSection *self)
{
  g_return_val_if_fail (SC_IS_ROUNDS_SECTION (self), 0);
  return self->round_id;
}

void
sc_rounds_section_set_round_id (ScRoundsSection *self,
                                gint64           round_id)
{
  g_return_if_fail (SC_IS_ROUNDS_SECTION (self));

  if (self->round_id == round_id)
    return;
  self->round_id = round_id;
  if (self->vault != NULL)
    reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROUND_ID]);
}

gboolean
sc_rounds_section_get_busy (ScRoundsSection *self)
{
  g_return_val_if_fail (SC_IS_ROUNDS_SECTION (self), FALSE);
  return self->busy;
}

GtkWidget *
sc_rounds_section_get_codes_dialog (ScRoundsSection *self)
{
  g_return_val_if_fail (SC_IS_ROUNDS_SECTION (self), NULL);
  return self->codes_dialog;
}

static void
sc_rounds_section_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ScRoundsSection *self = SC_ROUNDS_SECTION (object);

  switch (prop_id)
    {
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
sc_rounds_section_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_ROUND_ID:
      sc_rounds_section_set_round_id (SC_ROUNDS_SECTION (object), g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_rounds_section_dispose (GObject *object)
{
  ScRoundsSection *self = SC_ROUNDS_SECTION (object);

  if (self->codes_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->codes_dialog));
  g_clear_weak_pointer (&self->codes_dialog);
  g_clear_object (&self->vault);
  g_clear_pointer (&self->code_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (sc_rounds_section_parent_class)->dispose (object);
}

static void
sc_rounds_section_class_init (ScRoundsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sc_rounds_section_dispose;
  object_class->get_property = sc_rounds_section_get_property;
  object_class->set_property = sc_rounds_section_set_property;

  properties[PROP_ROUND_ID] =
    g_param_spec_int64 ("round-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SIGNAL_ROUNDS_CHANGED] = g_signal_new ("rounds-changed", G_TYPE_FROM_CLASS (klass),
                                                 G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                 G_TYPE_NONE, 0);
}

static void
sc_rounds_section_init (ScRoundsSection *self)
{
  self->code_rows = g_ptr_array_new ();
}

GtkWidget *
sc_rounds_section_new (ScVault *vault,
                       gint64   round_id)
{
  ScRoundsSection *self;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  self = g_object_new (SC_TYPE_ROUNDS_SECTION, NULL);
  self->vault = g_object_ref (vault);
  self->round_id = round_id;
  /* SECURITY: HR sees the rounds and who has a code, and changes nothing (DESIGN.md §3);
   * the core refuses HR's changes to rounds anyway. */
  self->implementer = sc_vault_get_role (vault) == SC_VAULT_ROLE_IMPLEMENTER;
  /* Filled when first shown (unlock builds every section, and shows one). */
  sc_load_when_shown_init (GTK_WIDGET (self), (ScLoadFunc) reload);
  return GTK_WIDGET (self);
}
