/* sc-kiosk-session.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Thread safety: every step that touches the vault copies what it needs into a Job, and
 * only the worker thread uses the vault while the job runs. The session refuses a second
 * step while one runs (busy), and its own reads of the vault (settings, rounds) happen at
 * construction, so the vault, which is not thread-safe, is used by one thread at a time.
 * The Job's results are applied to the session on the main thread, before the caller's
 * callback runs.
 */
#define G_LOG_DOMAIN "sc-kiosk-session"

#include "config.h"

#include <string.h>

#include <sodium.h>

#include "sc-kiosk-session-private.h"
#include "sc-access-code.h"
#include "sc-secure.h"
#include "sc-vault-kiosk.h"

G_DEFINE_QUARK (sc-kiosk-session-error-quark, sc_kiosk_session_error)


G_DEFINE_FINAL_TYPE (ScKioskSession, sc_kiosk_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VAULT,
  PROP_ROUND_ID,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- Small helpers --------------------------------------------------------------------- */

void
sc_kiosk_wipe_string (char **s)
{
  if (*s == NULL)
    return;
  sc_secure_wipe (*s, strlen (*s));
  g_clear_pointer (s, g_free);
}

char *
sc_kiosk_secure_strdup (const char *s)
{
  return sc_secure_dup (s, strlen (s) + 1);
}

gboolean
sc_kiosk_person_has_any_answer (const Person *person)
{
  for (guint i = 0; i < SC_BJSQ_N_ITEMS; i++)
    if (person->answers[i] != 0)
      return TRUE;
  return FALSE;
}

guint
sc_kiosk_person_first_unanswered (const Person *person)
{
  for (guint i = 0; i < SC_BJSQ_N_ITEMS; i++)
    if (person->answers[i] == 0)
      return i;
  return SC_BJSQ_N_ITEMS;
}

gboolean
sc_kiosk_pin_is_trivial (const char *pin)
{
  gboolean same = TRUE, up = TRUE, down = TRUE;
  gsize n;

  if (pin == NULL)
    return FALSE;
  n = strlen (pin);
  if (n < 2)
    return n == 1;
  for (gsize i = 1; i < n; i++)
    {
      same = same && pin[i] == pin[0];
      up = up && pin[i] == pin[i - 1] + 1;
      down = down && pin[i] == pin[i - 1] - 1;
    }
  return same || up || down;
}

void
sc_kiosk_session_set_busy (ScKioskSession *self,
          gboolean        busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* SECURITY: the number, name, answers, result and the key derived from the code leave
 * memory. */
void
sc_kiosk_session_wipe_person (ScKioskSession *self)
{
  Person *person = &self->person;

  sc_kiosk_wipe_string (&person->employee_number);
  sc_kiosk_wipe_string (&person->employee_name);
  sc_secure_clear ((gpointer *) &person->partial_key);
  g_clear_pointer (&person->past_results, g_ptr_array_unref);
  sc_secure_wipe (person, sizeof *person);
  person->review_focus = -1;
}

/* ---- The questionnaire ----------------------------------------------------------------- */

static void
show_review (Person *person,
             int     focus)
{
  person->changing = FALSE;
  person->in_review = TRUE;
  person->review_focus = focus;
}

/* After an answer: the next unanswered question, or the review when all are answered. */
static void
advance (Person *person)
{
  guint next;

  if (person->changing)
    {
      show_review (person, (int) person->current);
      return;
    }
  next = person->current + 1;
  if (next >= SC_BJSQ_N_ITEMS)
    next = sc_kiosk_person_first_unanswered (person);
  if (next < SC_BJSQ_N_ITEMS)
    person->current = next;
  else
    show_review (person, -1);
}

static gboolean
in_questionnaire (ScKioskSession *self)
{
  const Person *person = &self->person;

  return person->partial_key != NULL && !person->viewing_again && !person->already_answered
         && person->submission_id == 0;
}

void
sc_kiosk_session_answer (ScKioskSession *self,
                         guint           value)
{
  g_return_if_fail (SC_IS_KIOSK_SESSION (self));
  g_return_if_fail (value >= 1 && value <= SC_BJSQ_N_OPTIONS);

  if (!in_questionnaire (self) || self->person.in_review)
    return;
  self->person.answers[self->person.current] = (guint8) value;
  advance (&self->person);
}

gboolean
sc_kiosk_session_can_go_back (ScKioskSession *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_SESSION (self), FALSE);

  return in_questionnaire (self) && !self->person.in_review
         && (self->person.changing || self->person.current > 0);
}

void
sc_kiosk_session_go_back (ScKioskSession *self)
{
  Person *person = &self->person;

  g_return_if_fail (SC_IS_KIOSK_SESSION (self));

  if (!sc_kiosk_session_can_go_back (self))
    return;
  if (person->changing)
    show_review (person, (int) person->current);
  else
    person->current--;
}

gboolean
sc_kiosk_session_can_go_next (ScKioskSession *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_SESSION (self), FALSE);

  return in_questionnaire (self) && !self->person.in_review
         && (self->person.changing || self->person.answers[self->person.current] != 0);
}

void
sc_kiosk_session_go_next (ScKioskSession *self)
{
  g_return_if_fail (SC_IS_KIOSK_SESSION (self));

  if (sc_kiosk_session_can_go_next (self))
    advance (&self->person);
}

void
sc_kiosk_session_change (ScKioskSession *self,
                         guint           index)
{
  g_return_if_fail (SC_IS_KIOSK_SESSION (self));
  g_return_if_fail (index < SC_BJSQ_N_ITEMS);

  if (!in_questionnaire (self))
    return;
  self->person.changing = TRUE;
  self->person.in_review = FALSE;
  self->person.current = index;
}

/* ---- Accessors ------------------------------------------------------------------------- */

ScVault *
sc_kiosk_session_get_vault (ScKioskSession *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_SESSION (self), NULL);
  return self->vault;
}

gint64
sc_kiosk_session_get_round_id (ScKioskSession *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_SESSION (self), 0);
  return self->round_id;
}

gboolean
sc_kiosk_session_get_busy (ScKioskSession *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_SESSION (self), FALSE);
  return self->busy;
}

const ScCriteria *
sc_kiosk_session_get_criteria (ScKioskSession *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_SESSION (self), NULL);
  return &self->criteria;
}

const ScAdvice *
sc_kiosk_session_get_advice (ScKioskSession *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_SESSION (self), NULL);
  return self->advice;
}

const char *
sc_kiosk_session_get_contact_text (ScKioskSession *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_SESSION (self), NULL);
  return self->contact_text;
}

const char *
sc_kiosk_session_get_help_text (ScKioskSession *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_SESSION (self), NULL);
  return self->help_text;
}

guint
sc_kiosk_session_get_idle_timeout (ScKioskSession *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_SESSION (self), SC_KIOSK_SESSION_DEFAULT_IDLE_TIMEOUT);
  return self->idle_timeout;
}

gboolean
sc_kiosk_session_is_logged_in (ScKioskSession *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_SESSION (self), FALSE);
  return self->person.partial_key != NULL;
}

const char *
sc_kiosk_session_get_employee_name (ScKioskSession *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_SESSION (self), NULL);
  return self->person.employee_name;
}

gboolean
sc_kiosk_session_get_viewing_again (ScKioskSession *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_SESSION (self), FALSE);
  return self->person.viewing_again;
}

gboolean
sc_kiosk_session_get_already_answered (ScKioskSession *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_SESSION (self), FALSE);
  return self->person.already_answered;
}

gboolean
sc_kiosk_session_get_resumed (ScKioskSession *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_SESSION (self), FALSE);
  return self->person.resumed;
}

gboolean
sc_kiosk_session_get_has_kept_result (ScKioskSession *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_SESSION (self), FALSE);
  return self->person.has_view;
}

const guint8 *
sc_kiosk_session_get_answers (ScKioskSession *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_SESSION (self), NULL);
  return self->person.answers;
}

guint
sc_kiosk_session_get_current (ScKioskSession *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_SESSION (self), 0);
  return self->person.current;
}

gboolean
sc_kiosk_session_get_changing (ScKioskSession *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_SESSION (self), FALSE);
  return self->person.changing;
}

gboolean
sc_kiosk_session_get_in_review (ScKioskSession *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_SESSION (self), FALSE);
  return self->person.in_review;
}

int
sc_kiosk_session_get_review_focus (ScKioskSession *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_SESSION (self), -1);
  return self->person.review_focus;
}

const ScResult *
sc_kiosk_session_get_result (ScKioskSession *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_SESSION (self), NULL);
  return self->person.has_result ? &self->person.result : NULL;
}

gboolean
sc_kiosk_session_interview_recommended (ScKioskSession *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_SESSION (self), FALSE);
  return self->person.has_result
         && sc_result_primary (&self->person.result, &self->criteria)->verdict
            == SC_VERDICT_HIGH;
}

gboolean
sc_kiosk_session_get_consent_given (ScKioskSession *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_SESSION (self), FALSE);
  return self->person.consent_given;
}

gboolean
sc_kiosk_session_get_interview_requested (ScKioskSession *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_SESSION (self), FALSE);
  return self->person.interview_requested;
}

gboolean
sc_kiosk_session_can_set_pin (ScKioskSession *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_SESSION (self), FALSE);
  return self->person.answers_kept && self->person.partial_key != NULL;
}

gboolean
sc_kiosk_session_get_pin_saved (ScKioskSession *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_SESSION (self), FALSE);
  return self->person.pin_saved;
}

GPtrArray *
sc_kiosk_session_get_past_results (ScKioskSession *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_SESSION (self), NULL);
  return self->person.past_results;
}

guint
sc_kiosk_session_get_past_unopened (ScKioskSession *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_SESSION (self), 0);
  return self->person.past_unopened;
}

ScVaultConsent
sc_kiosk_session_get_recorded_consent (ScKioskSession *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_SESSION (self), SC_VAULT_CONSENT_UNDECIDED);
  return self->person.recorded_consent;
}

guint
sc_kiosk_session_get_code_checks (ScKioskSession *self)
{
  g_return_val_if_fail (SC_IS_KIOSK_SESSION (self), 0);
  return self->code_checks;
}

/* ---- Construction ---------------------------------------------------------------------- */

static void
load_round (ScKioskSession *self)
{
  g_autoptr (GPtrArray) rounds = NULL;
  g_autoptr (GError) error = NULL;

  sc_criteria_init_default (&self->criteria);

  rounds = sc_vault_list_rounds (self->vault, &error);
  if (rounds == NULL)
    {
      g_warning ("The rounds cannot be read: %s", error->message);
      return;
    }
  for (guint i = 0; i < rounds->len; i++)
    {
      ScVaultRound *round = g_ptr_array_index (rounds, i);

      if (round->id == self->round_id)
        {
          self->criteria = round->criteria;
          return;
        }
    }
  g_warning ("Round %" G_GINT64_FORMAT " is not in the vault", self->round_id);
}

static char *
get_setting (ScKioskSession *self,
             const char     *key)
{
  g_autoptr (GError) error = NULL;
  char *value = sc_vault_get_setting (self->vault, key, &error);

  if (error != NULL)
    g_warning ("The setting %s cannot be read: %s", key, error->message);
  if (value != NULL)
    g_strstrip (value);
  if (value != NULL && *value == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

static guint
load_idle_timeout (ScKioskSession *self)
{
  g_autofree char *text = get_setting (self, SC_VAULT_SETTING_IDLE_TIMEOUT);
  guint64 seconds;

  if (text != NULL && g_ascii_string_to_unsigned (text, 10, 1, 24 * 60 * 60, &seconds, NULL))
    return (guint) seconds;
  if (text != NULL)
    g_warning ("The setting %s is not a number of seconds: %s",
               SC_VAULT_SETTING_IDLE_TIMEOUT, text);
  return SC_KIOSK_SESSION_DEFAULT_IDLE_TIMEOUT;
}

/* The shipped advice (a GResource of the application) in the language of the user
 * interface, with the implementer's texts over it. */
static ScAdvice *
load_advice (ScKioskSession *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *override_text = NULL;
  ScAdvice *advice = sc_advice_new_shipped ();

  override_text = get_setting (self, SC_VAULT_SETTING_ADVICE_TEXTS);
  if (override_text != NULL)
    {
      g_autoptr (ScAdvice) override = sc_advice_new_from_data (override_text, -1, &error);

      if (override != NULL)
        sc_advice_merge (advice, override);
      else
        g_warning ("The setting %s is not used: %s", SC_VAULT_SETTING_ADVICE_TEXTS,
                   error->message);
    }

  return advice;
}

static void
sc_kiosk_session_constructed (GObject *object)
{
  ScKioskSession *self = SC_KIOSK_SESSION (object);
  guint8 key[32];

  G_OBJECT_CLASS (sc_kiosk_session_parent_class)->constructed (object);

  g_return_if_fail (self->vault != NULL);

  load_round (self);
  self->idle_timeout = load_idle_timeout (self);
  self->contact_text = get_setting (self, SC_VAULT_SETTING_CONTACT_TEXT);
  self->help_text = sc_vault_get_help_text (self->vault);
  self->advice = load_advice (self);

  randombytes_buf (key, sizeof key);
  self->throttle_key = g_bytes_new (key, sizeof key);
  sc_secure_wipe (key, sizeof key);
}

static void
sc_kiosk_session_dispose (GObject *object)
{
  ScKioskSession *self = SC_KIOSK_SESSION (object);

  /* SECURITY: nothing about the last person outlives the session. Unfinished answers
   * cannot be kept here (that takes a durable save); leaving the kiosk keeps them. */
  sc_kiosk_session_wipe_person (self);
  g_clear_object (&self->vault);

  G_OBJECT_CLASS (sc_kiosk_session_parent_class)->dispose (object);
}

static void
sc_kiosk_session_finalize (GObject *object)
{
  ScKioskSession *self = SC_KIOSK_SESSION (object);

  g_clear_pointer (&self->advice, sc_advice_free);
  g_clear_pointer (&self->throttles, g_hash_table_unref);
  g_clear_pointer (&self->throttle_key, g_bytes_unref);
  g_free (self->contact_text);
  g_free (self->help_text);
  g_free (self->dummy_hash);

  G_OBJECT_CLASS (sc_kiosk_session_parent_class)->finalize (object);
}

static void
sc_kiosk_session_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ScKioskSession *self = SC_KIOSK_SESSION (object);

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
sc_kiosk_session_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ScKioskSession *self = SC_KIOSK_SESSION (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      self->vault = g_value_dup_object (value);
      break;

    case PROP_ROUND_ID:
      self->round_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_kiosk_session_class_init (ScKioskSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sc_kiosk_session_constructed;
  object_class->dispose = sc_kiosk_session_dispose;
  object_class->finalize = sc_kiosk_session_finalize;
  object_class->get_property = sc_kiosk_session_get_property;
  object_class->set_property = sc_kiosk_session_set_property;

  /**
   * ScKioskSession:vault:
   *
   * The vault, in kiosk mode.
   */
  properties[PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL,
                         SC_TYPE_VAULT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScKioskSession:round-id:
   *
   * The round the employees answer.
   */
  properties[PROP_ROUND_ID] =
    g_param_spec_int64 ("round-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ScKioskSession:busy:
   *
   * Whether a step runs in a thread; no other step starts meanwhile.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_kiosk_session_init (ScKioskSession *self)
{
  self->throttles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->person.review_focus = -1;
}

ScKioskSession *
sc_kiosk_session_new (ScVault *vault,
                      gint64   round_id)
{
  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  return g_object_new (SC_TYPE_KIOSK_SESSION,
                       "vault", vault,
                       "round-id", round_id,
                       NULL);
}
