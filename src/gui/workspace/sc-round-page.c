/* sc-round-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-round-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-round-page.h"
#include "sc-compat.h"
#include "sc-date.h"
#include "sc-new-round-dialog.h"

struct _ScRoundPage
{
  AdwBin                parent_instance;

  /* Template children */
  AdwActionRow         *role_row;
  AdwPreferencesGroup  *rounds_group;
  GtkButton            *new_round_button;
  AdwActionRow         *empty_row;

  /* Owned references */
  ScVault              *vault;
  GPtrArray            *round_rows;

  /* Plain state */
  gboolean              busy;
};

G_DEFINE_FINAL_TYPE (ScRoundPage, sc_round_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_VAULT,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_START_KIOSK,
  SIGNAL_ROUND_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define ROUND_ID_KEY   "sc-round-id"
#define ROUND_NAME_KEY "sc-round-name"

/* "2026-05-01" in the user's way of writing dates, or a copy of @iso when it is not a date. */
static char *
format_date (const char *iso)
{
  GDate date;

  if (!sc_date_parse (iso, -1, &date, NULL))
    return g_strdup (iso);

  /* Translators: a date: year, month, day. */
  return g_strdup_printf (_("%04d-%02d-%02d"), g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

static char *
describe_round (const ScVaultRound *round)
{
  g_autofree char *period = NULL;
  const char *criteria;

  if (round->period_start != NULL && round->period_end != NULL)
    {
      g_autofree char *start = format_date (round->period_start);
      g_autofree char *end = format_date (round->period_end);

      /* Translators: the period of a round, from the first day to the last. */
      period = g_strdup_printf (_("%s – %s"), start, end);
    }
  else
    period = g_strdup (_("No period set"));

  criteria = round->criteria.method == SC_METHOD_SUM
             ? _("Criteria その1 (sum of points)")
             : _("Criteria その2 (conversion tables)");

  /* Translators: the period and the criteria of a round. */
  return g_strdup_printf (_("%s · %s"), period, criteria);
}

static void
on_start_dialog_cb (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (ScRoundPage) self = user_data;
  GtkWidget *dialog = GTK_WIDGET (source_object);
  gint64 round_id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), ROUND_ID_KEY);

  if (g_strcmp0 (sc_compat_message_dialog_choose_finish (dialog, result), "start") != 0)
    return;

  g_signal_emit (self, signals[SIGNAL_START_KIOSK], 0, round_id);
}

static void
on_start_button_clicked_cb (GtkButton   *button,
                            ScRoundPage *self)
{
  gint64 round_id = *(gint64 *) g_object_get_data (G_OBJECT (button), ROUND_ID_KEY);
  const char *name = g_object_get_data (G_OBJECT (button), ROUND_NAME_KEY);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  body = g_strdup_printf (_("Employees answer “%s” at this PC. The window fills the screen and "
                            "has no controls. The implementer's and HR's keys are removed from "
                            "memory, so nothing at the kiosk can read earlier answers.\n\n"
                            "To leave kiosk mode, press Ctrl+Alt+Shift+Q and enter the "
                            "implementer's or HR's passphrase."),
                          name);
  dialog = sc_compat_message_dialog_new (_("Start Kiosk Mode?"), body);
  sc_compat_message_dialog_add_response (dialog, "cancel", _("_Cancel"), SC_RESPONSE_DEFAULT);
  sc_compat_message_dialog_add_response (dialog, "start", _("_Start Kiosk"),
                                         SC_RESPONSE_SUGGESTED);
  sc_compat_message_dialog_set_default_response (dialog, "start");
  sc_compat_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), ROUND_ID_KEY, g_memdup2 (&round_id, sizeof round_id),
                          g_free);

  sc_compat_message_dialog_choose (dialog, GTK_WIDGET (self), NULL, on_start_dialog_cb,
                                   g_object_ref (self));
}

static GtkWidget *
create_round_row (ScRoundPage        *self,
                  const ScVaultRound *round,
                  gboolean            may_start_kiosk)
{
  g_autofree char *subtitle = describe_round (round);
  g_autofree char *description = NULL;
  GtkWidget *row;
  GtkWidget *button;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), round->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (!may_start_kiosk)
    return row;

  button = gtk_button_new_with_mnemonic (_("Start _Kiosk…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "suggested-action");
  /* Several rounds may be open: the button says which one it starts. */
  description = g_strdup_printf (_("Start the kiosk for “%s”"), round->name);
  gtk_widget_set_tooltip_text (button, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), ROUND_ID_KEY, g_memdup2 (&round->id, sizeof round->id),
                          g_free);
  g_object_set_data_full (G_OBJECT (button), ROUND_NAME_KEY, g_strdup (round->name), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_start_button_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);

  return row;
}

/* Whether this role may start the kiosk: the implementer, or HR when the implementer
 * allowed it (the vault refuses it otherwise; README, threat model). */
static gboolean
may_start_kiosk (ScRoundPage *self)
{
  return sc_vault_get_role (self->vault) == SC_VAULT_ROLE_IMPLEMENTER
         || sc_vault_get_hr_may_start_kiosk (self->vault, NULL);
}

static void
update_role (ScRoundPage *self)
{
  ScVaultRole role = sc_vault_get_role (self->vault);
  gboolean implementer = role == SC_VAULT_ROLE_IMPLEMENTER;

  if (implementer)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->role_row),
                                     _("Unlocked as the implementer (実施者)"));
      adw_action_row_set_subtitle (self->role_row,
                                   _("You can create rounds and start the kiosk."));
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->role_row), _("Unlocked as HR"));
      adw_action_row_set_subtitle (self->role_row,
                                   may_start_kiosk (self)
                                   ? _("You can start the kiosk for an open round. Only the "
                                       "implementer can create rounds.")
                                   : _("Only the implementer can create rounds and start the "
                                       "kiosk."));
    }

  /* The criteria are the implementer's, and the vault refuses a round from anyone else. */
  gtk_widget_set_visible (GTK_WIDGET (self->new_round_button), implementer);
  adw_action_row_set_subtitle (self->empty_row,
                               implementer
                               ? _("Create a round to start the kiosk.")
                               : _("Ask the implementer to create a round."));
}

void
sc_round_page_reload (ScRoundPage *self)
{
  g_autoptr (GPtrArray) rounds = NULL;
  g_autoptr (GError) error = NULL;
  guint n_open = 0;
  gboolean may_start;

  g_return_if_fail (SC_IS_ROUND_PAGE (self));

  for (guint i = 0; i < self->round_rows->len; i++)
    adw_preferences_group_remove (self->rounds_group, g_ptr_array_index (self->round_rows, i));
  g_ptr_array_set_size (self->round_rows, 0);

  update_role (self);

  rounds = sc_vault_list_rounds (self->vault, &error);
  if (rounds == NULL)
    {
      adw_action_row_set_subtitle (self->empty_row, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->empty_row), TRUE);
      return;
    }

  may_start = may_start_kiosk (self);
  /* Newest first: that is the one people look for. */
  for (guint i = rounds->len; i > 0; i--)
    {
      const ScVaultRound *round = g_ptr_array_index (rounds, i - 1);
      GtkWidget *row;

      if (round->closed)
        continue;

      row = create_round_row (self, round, may_start);
      adw_preferences_group_add (self->rounds_group, row);
      g_ptr_array_add (self->round_rows, row);
      n_open++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->empty_row), n_open == 0);
}

static void
on_new_round_dialog_created_cb (ScNewRoundDialog *dialog,
                                gint64            round_id,
                                ScRoundPage      *self)
{
  sc_round_page_reload (self);
  g_signal_emit (self, signals[SIGNAL_ROUND_CREATED], 0, round_id);
}

void
sc_round_page_new_round (ScRoundPage *self)
{
  GtkWidget *dialog;
  GtkRoot *root;

  g_return_if_fail (SC_IS_ROUND_PAGE (self));

  if (self->busy || sc_vault_get_role (self->vault) != SC_VAULT_ROLE_IMPLEMENTER)
    return;

  dialog = sc_new_round_dialog_new (self->vault);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "created", G_CALLBACK (on_new_round_dialog_created_cb), self,
                           0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_new_round_button_clicked_cb (GtkButton   *button,
                                ScRoundPage *self)
{
  sc_round_page_new_round (self);
}

static void
sc_round_page_constructed (GObject *object)
{
  ScRoundPage *self = SC_ROUND_PAGE (object);

  G_OBJECT_CLASS (sc_round_page_parent_class)->constructed (object);

  g_return_if_fail (self->vault != NULL);
  sc_round_page_reload (self);
}

static void
sc_round_page_dispose (GObject *object)
{
  ScRoundPage *self = SC_ROUND_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_ROUND_PAGE);
  g_clear_object (&self->vault);
  g_clear_pointer (&self->round_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (sc_round_page_parent_class)->dispose (object);
}

static void
sc_round_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ScRoundPage *self = SC_ROUND_PAGE (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      g_value_set_object (value, self->vault);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_round_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ScRoundPage *self = SC_ROUND_PAGE (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      self->vault = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_round_page_class_init (ScRoundPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sc_round_page_constructed;
  object_class->dispose = sc_round_page_dispose;
  object_class->get_property = sc_round_page_get_property;
  object_class->set_property = sc_round_page_set_property;

  /**
   * ScRoundPage:vault:
   *
   * The unlocked vault whose rounds are shown.
   */
  properties[PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL,
                         SC_TYPE_VAULT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScRoundPage:busy:
   *
   * Whether a task runs on the vault (the kiosk is starting): the rounds and the New Round
   * button are insensitive meanwhile.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ScRoundPage::start-kiosk:
   * @round_id: the round the employees will answer
   *
   * The person confirmed that the kiosk should start.
   */
  signals[SIGNAL_START_KIOSK] =
    g_signal_new ("start-kiosk",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * ScRoundPage::round-created:
   * @round_id: the new round
   *
   * A round was created with the New Round dialog (the page lists it already).
   */
  signals[SIGNAL_ROUND_CREATED] =
    g_signal_new ("round-created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sc-round-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScRoundPage, role_row);
  gtk_widget_class_bind_template_child (widget_class, ScRoundPage, rounds_group);
  gtk_widget_class_bind_template_child (widget_class, ScRoundPage, new_round_button);
  gtk_widget_class_bind_template_child (widget_class, ScRoundPage, empty_row);
  gtk_widget_class_bind_template_callback (widget_class, on_new_round_button_clicked_cb);
}

static void
sc_round_page_init (ScRoundPage *self)
{
  self->round_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sc_round_page_new (ScVault *vault)
{
  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  return g_object_new (SC_TYPE_ROUND_PAGE,
                       "vault", vault,
                       NULL);
}

ScVault *
sc_round_page_get_vault (ScRoundPage *self)
{
  g_return_val_if_fail (SC_IS_ROUND_PAGE (self), NULL);

  return self->vault;
}

void
sc_round_page_set_busy (ScRoundPage *self,
                        gboolean     busy)
{
  g_return_if_fail (SC_IS_ROUND_PAGE (self));

  busy = !!busy;
  if (self->busy == busy)
    return;

  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->rounds_group), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->new_round_button), !busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

gboolean
sc_round_page_get_busy (ScRoundPage *self)
{
  g_return_val_if_fail (SC_IS_ROUND_PAGE (self), FALSE);

  return self->busy;
}
