/* sc-overview-section.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-overview-section"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-overview-section.h"
#include "sc-compat.h"
#include "sc-round-page.h"
#include "sc-vault-async.h"
#include "sc-workspace.h"

/* The counts, in the order they are shown; the health counts only for the implementer. */
typedef enum
{
  COUNT_ON_ROSTER,
  COUNT_ANSWERED,
  COUNT_STARTED,
  COUNT_NOT_STARTED,
  COUNT_CONSENTS_GIVEN,
  COUNT_CONSENTS_REFUSED,
  COUNT_INTERVIEWS_REQUESTED,
  COUNT_INTERVIEWS_DONE,
  COUNT_HIGH_STRESS,
  COUNT_UNDETERMINED,
  COUNT_INTERVIEWS_RECOMMENDED,
  N_COUNTS
} Count;

#define FIRST_HEALTH_COUNT COUNT_HIGH_STRESS

struct _ScOverviewSection
{
  AdwBin               parent_instance;

  /* Children */
  AdwPreferencesGroup *round_group;
  AdwActionRow        *period_row;
  AdwActionRow        *days_row;
  GtkButton           *close_button;
  GtkWidget           *count_groups;
  GtkLabel            *count_labels[N_COUNTS];   /* NULL for what the role may not see */
  GtkWidget           *round_page;

  /* Owned references */
  /* (close_button too, above: HR's is never in the tree) */
  ScVault             *vault;
  char                *round_name;

  /* Plain state */
  gint64               round_id;
  gboolean             round_closed;
  gboolean             busy;
};

G_DEFINE_FINAL_TYPE (ScOverviewSection, sc_overview_section, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_VAULT,
  PROP_ROUND_ID,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_ROUND_CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_implementer (ScOverviewSection *self)
{
  return sc_vault_get_role (self->vault) == SC_VAULT_ROLE_IMPLEMENTER;
}

static void
toast (ScOverviewSection *self,
       const char        *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "workspace.toast", "s", message);
}

static void
update_close_button (ScOverviewSection *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->close_button), !self->round_closed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->close_button), !self->busy);
}

static void
set_count (ScOverviewSection *self,
           Count              count,
           guint              value)
{
  char text[16];

  if (self->count_labels[count] == NULL)
    return;
  g_snprintf (text, sizeof text, "%u", value);
  gtk_label_set_text (self->count_labels[count], text);
}

void
sc_overview_section_reload (ScOverviewSection *self)
{
  g_autoptr (ScVaultRound) round = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *period = NULL;
  g_autofree char *days_text = NULL;
  ScRoundCounts counts = { 0 };
  int days;

  g_return_if_fail (SC_IS_OVERVIEW_SECTION (self));

  sc_round_page_reload (SC_ROUND_PAGE (self->round_page));

  if (self->round_id > 0)
    round = sc_vault_get_round (self->vault, self->round_id, &error);
  gtk_widget_set_visible (GTK_WIDGET (self->round_group), round != NULL);
  gtk_widget_set_visible (self->count_groups, round != NULL);
  if (round == NULL)
    {
      if (error != NULL)
        toast (self, error->message);
      return;
    }

  g_free (self->round_name);
  self->round_name = g_strdup (round->name);
  self->round_closed = round->closed;
  adw_preferences_group_set_title (self->round_group, round->name);
  adw_preferences_group_set_description (self->round_group,
                                         round->closed ? _("This round is closed.")
                                                       : _("This round is open."));

  if (round->period_start != NULL && round->period_end != NULL)
    /* Translators: the period of a round, from the first day to the last. */
    period = g_strdup_printf (_("%s – %s"), round->period_start, round->period_end);
  else
    period = g_strdup (_("No period set"));
  adw_action_row_set_subtitle (self->period_row, period);

  if (round->closed)
    days_text = g_strdup (_("This round is closed."));
  else if (!sc_round_days_left (round, today, &days))
    days_text = g_strdup (_("No last day set"));
  else if (days < 0)
    days_text = g_strdup (_("The period has ended"));
  else if (days == 0)
    days_text = g_strdup (_("Today is the last day"));
  else
    days_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day left", "%d days left",
                                              days), days);
  adw_action_row_set_subtitle (self->days_row, days_text);
  update_close_button (self);

  if (!sc_vault_get_round_counts (self->vault, self->round_id, &counts, &error))
    {
      toast (self, error->message);
      return;
    }

  set_count (self, COUNT_ON_ROSTER, counts.on_roster);
  set_count (self, COUNT_ANSWERED, counts.answered);
  set_count (self, COUNT_STARTED, counts.started);
  set_count (self, COUNT_NOT_STARTED, counts.not_started);
  set_count (self, COUNT_CONSENTS_GIVEN, counts.consents_given);
  set_count (self, COUNT_CONSENTS_REFUSED, counts.consents_refused);
  set_count (self, COUNT_INTERVIEWS_REQUESTED, counts.interviews_requested);
  set_count (self, COUNT_INTERVIEWS_DONE, counts.interviews_done);
  /* SECURITY: the labels for the health counts exist for the implementer only (set_count
   * skips what was never created), and HR's counts carry zeros there anyway. */
  if (counts.has_health_counts)
    {
      set_count (self, COUNT_HIGH_STRESS, counts.high_stress);
      set_count (self, COUNT_UNDETERMINED, counts.undetermined);
      set_count (self, COUNT_INTERVIEWS_RECOMMENDED, counts.interviews_recommended);
    }
}

static void
set_busy (ScOverviewSection *self,
          gboolean           busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  update_close_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
on_round_closed_cb (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (ScOverviewSection) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 round_id = self->round_id;

  set_busy (self, FALSE);
  if (!sc_vault_close_round_finish (SC_VAULT (source_object), result, &error))
    {
      message = g_strdup_printf (_("The round could not be closed: %s"), error->message);
      toast (self, message);
      return;
    }

  message = g_strdup_printf (_("“%s” is closed"), self->round_name);
  sc_overview_section_reload (self);
  toast (self, message);
  g_signal_emit (self, signals[SIGNAL_ROUND_CLOSED], 0, round_id);
}

static void
on_close_dialog_cb (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (ScOverviewSection) self = user_data;

  if (g_strcmp0 (sc_compat_message_dialog_choose_finish (GTK_WIDGET (source_object), result),
                 "close") != 0)
    return;
  if (self->busy || self->vault == NULL || sc_vault_is_busy (self->vault))
    return;

  set_busy (self, TRUE);
  sc_vault_close_round_async (self->vault, self->round_id, NULL, on_round_closed_cb,
                              g_object_ref (self));
}

void
sc_overview_section_close_round (ScOverviewSection *self)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_if_fail (SC_IS_OVERVIEW_SECTION (self));

  if (!is_implementer (self) || self->round_id <= 0 || self->round_closed || self->busy)
    return;

  body = g_strdup_printf (_("After closing “%s”, the kiosk takes no more answers for it and no "
                            "paper forms can be entered. Answers, results, consents and "
                            "interviews stay in the vault and can still be worked on. A closed "
                            "round cannot be opened again."),
                          self->round_name);
  dialog = sc_compat_message_dialog_new (_("Close the Round?"), body);
  sc_compat_message_dialog_add_response (dialog, "cancel", _("_Cancel"), SC_RESPONSE_DEFAULT);
  sc_compat_message_dialog_add_response (dialog, "close", _("C_lose Round"),
                                         SC_RESPONSE_DESTRUCTIVE);
  sc_compat_message_dialog_set_default_response (dialog, "cancel");
  sc_compat_message_dialog_set_close_response (dialog, "cancel");
  sc_compat_message_dialog_choose (dialog, GTK_WIDGET (self), NULL, on_close_dialog_cb,
                                   g_object_ref (self));
}

static GtkWidget *
add_count_row (ScOverviewSection   *self,
               AdwPreferencesGroup *group,
               Count                count,
               const char          *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new ("0");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "title-4");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (group, row);
  self->count_labels[count] = GTK_LABEL (label);
  return row;
}

static AdwPreferencesGroup *
new_group (GtkWidget  *box,
           const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (GTK_BOX (box), group);
  return ADW_PREFERENCES_GROUP (group);
}

static void
on_close_button_clicked_cb (GtkButton         *button,
                            ScOverviewSection *self)
{
  sc_overview_section_close_round (self);
}

static void
build_ui (ScOverviewSection *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  AdwPreferencesGroup *group;

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  /* The round */
  self->round_group = new_group (box, NULL);
  self->period_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->period_row), _("Period"));
  adw_preferences_group_add (self->round_group, GTK_WIDGET (self->period_row));
  self->days_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->days_row), _("Days left"));
  adw_preferences_group_add (self->round_group, GTK_WIDGET (self->days_row));

  /* Closing is the implementer's: for HR the button is never made. */
  self->close_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("C_lose Round…")));
  gtk_widget_set_valign (GTK_WIDGET (self->close_button), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->close_button),
                               _("End this round: the kiosk takes no more answers for it"));
  g_signal_connect (self->close_button, "clicked", G_CALLBACK (on_close_button_clicked_cb), self);
  /* Owned here: for HR it is never put in the widget tree. */
  g_object_ref_sink (self->close_button);
  if (is_implementer (self))
    adw_preferences_group_set_header_suffix (self->round_group, GTK_WIDGET (self->close_button));

  /* The counts the role may see */
  self->count_groups = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_box_append (GTK_BOX (box), self->count_groups);

  group = new_group (self->count_groups, _("Participation"));
  add_count_row (self, group, COUNT_ON_ROSTER, _("On the roster"));
  add_count_row (self, group, COUNT_ANSWERED, _("Answered"));
  add_count_row (self, group, COUNT_STARTED, _("Started but not finished"));
  add_count_row (self, group, COUNT_NOT_STARTED, _("Not started"));

  group = new_group (self->count_groups, _("Consent and Interviews"));
  add_count_row (self, group, COUNT_CONSENTS_GIVEN, _("Consents given"));
  add_count_row (self, group, COUNT_CONSENTS_REFUSED, _("Consents refused"));
  add_count_row (self, group, COUNT_INTERVIEWS_REQUESTED, _("Interviews requested"));
  add_count_row (self, group, COUNT_INTERVIEWS_DONE, _("Interviews done"));

  /* SECURITY: health counts exist in the widget tree of the implementer only. */
  if (is_implementer (self))
    {
      group = new_group (self->count_groups, _("Results"));
      adw_preferences_group_set_description (group, _("Seen by the implementer only."));
      add_count_row (self, group, COUNT_HIGH_STRESS, _("High stress"));
      add_count_row (self, group, COUNT_UNDETERMINED, _("Undetermined (判定不能)"));
      add_count_row (self, group, COUNT_INTERVIEWS_RECOMMENDED, _("Interviews recommended"));
    }

  /* The open rounds, the kiosk and New Round. */
  self->round_page = sc_round_page_new (self->vault);
  gtk_box_append (GTK_BOX (box), self->round_page);

  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  adw_bin_set_child (ADW_BIN (self), scrolled);
}

static void
sc_overview_section_constructed (GObject *object)
{
  ScOverviewSection *self = SC_OVERVIEW_SECTION (object);

  G_OBJECT_CLASS (sc_overview_section_parent_class)->constructed (object);

  g_return_if_fail (self->vault != NULL);
  build_ui (self);
  sc_overview_section_reload (self);
}

static void
sc_overview_section_dispose (GObject *object)
{
  ScOverviewSection *self = SC_OVERVIEW_SECTION (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->close_button);
  g_clear_object (&self->vault);

  G_OBJECT_CLASS (sc_overview_section_parent_class)->dispose (object);
}

static void
sc_overview_section_finalize (GObject *object)
{
  ScOverviewSection *self = SC_OVERVIEW_SECTION (object);

  g_free (self->round_name);

  G_OBJECT_CLASS (sc_overview_section_parent_class)->finalize (object);
}

static void
sc_overview_section_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ScOverviewSection *self = SC_OVERVIEW_SECTION (object);

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
sc_overview_section_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ScOverviewSection *self = SC_OVERVIEW_SECTION (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      self->vault = g_value_dup_object (value);
      break;
    case PROP_ROUND_ID:
      if (self->round_id != g_value_get_int64 (value))
        {
          self->round_id = g_value_get_int64 (value);
          if (self->round_page != NULL)
            sc_overview_section_reload (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_overview_section_class_init (ScOverviewSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sc_overview_section_constructed;
  object_class->dispose = sc_overview_section_dispose;
  object_class->finalize = sc_overview_section_finalize;
  object_class->get_property = sc_overview_section_get_property;
  object_class->set_property = sc_overview_section_set_property;

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

  signals[SIGNAL_ROUND_CLOSED] =
    g_signal_new ("round-closed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
sc_overview_section_init (ScOverviewSection *self)
{
}

GtkWidget *
sc_overview_section_new (ScVault *vault,
                         gint64   round_id)
{
  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  return g_object_new (SC_TYPE_OVERVIEW_SECTION,
                       "vault", vault,
                       "round-id", round_id,
                       NULL);
}

GtkWidget *
sc_overview_section_get_round_page (ScOverviewSection *self)
{
  g_return_val_if_fail (SC_IS_OVERVIEW_SECTION (self), NULL);

  return self->round_page;
}

gboolean
sc_overview_section_get_busy (ScOverviewSection *self)
{
  g_return_val_if_fail (SC_IS_OVERVIEW_SECTION (self), FALSE);

  return self->busy;
}
