/* sc-paper-entry.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ScPaperEntry: the double entry of a paper questionnaire (sc-paper-entry.h).
 *
 * SECURITY: the typed answers are health data: they are wiped when the entry is
 * finalized and never logged.
 */
#define G_LOG_DOMAIN "sc-paper-entry"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-paper-entry.h"
#include "sc-workspace-private.h"

#include <string.h>

struct _ScPaperEntry
{
  GObject   parent_instance;

  ScVault  *vault;
  gint64    round_id;
  char     *employee_number;
  char     *answered_on;
  gboolean  has_pass[2];
  guint8    pass[2][SC_BJSQ_N_ITEMS];
  gboolean  busy;
  gint64    submission_id;
};

G_DEFINE_FINAL_TYPE (ScPaperEntry, sc_paper_entry, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_VAULT,
  PROP_ROUND_ID,
  PROP_BUSY,
  PROP_SUBMISSION_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_QUARK (sc-paper-entry-error-quark, sc_paper_entry_error)

static void
sc_paper_entry_dispose (GObject *object)
{
  ScPaperEntry *self = SC_PAPER_ENTRY (object);

  g_clear_object (&self->vault);
  G_OBJECT_CLASS (sc_paper_entry_parent_class)->dispose (object);
}

static void
sc_paper_entry_finalize (GObject *object)
{
  ScPaperEntry *self = SC_PAPER_ENTRY (object);

  sodium_memzero (self->pass, sizeof self->pass);
  g_free (self->employee_number);
  g_free (self->answered_on);
  G_OBJECT_CLASS (sc_paper_entry_parent_class)->finalize (object);
}

static void
sc_paper_entry_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ScPaperEntry *self = SC_PAPER_ENTRY (object);

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
    case PROP_SUBMISSION_ID:
      g_value_set_int64 (value, self->submission_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_paper_entry_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ScPaperEntry *self = SC_PAPER_ENTRY (object);

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
sc_paper_entry_class_init (ScPaperEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sc_paper_entry_dispose;
  object_class->finalize = sc_paper_entry_finalize;
  object_class->get_property = sc_paper_entry_get_property;
  object_class->set_property = sc_paper_entry_set_property;

  properties[PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL, SC_TYPE_VAULT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROUND_ID] =
    g_param_spec_int64 ("round-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBMISSION_ID] =
    g_param_spec_int64 ("submission-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_paper_entry_init (ScPaperEntry *self)
{
}

ScPaperEntry *
sc_paper_entry_new (ScVault *vault,
                    gint64   round_id)
{
  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  return g_object_new (SC_TYPE_PAPER_ENTRY, "vault", vault, "round-id", round_id, NULL);
}

static void
set_busy (ScPaperEntry *self,
          gboolean      busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

gboolean
sc_paper_entry_set_employee (ScPaperEntry  *self,
                             const char    *employee_number,
                             GError       **error)
{
  g_autoptr(ScEmployee) employee = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (SC_IS_PAPER_ENTRY (self), FALSE);
  g_return_val_if_fail (employee_number != NULL, FALSE);

  if (!sc_vault_check_role (self->vault, SC_VAULT_ROLE_BIT (SC_VAULT_ROLE_IMPLEMENTER), TRUE,
                            error))
    return FALSE;
  employee = sc_vault_lookup_employee (self->vault, employee_number, &local);
  if (employee == NULL)
    {
      if (g_error_matches (local, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND))
        g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_NOT_FOUND,
                     _("No employee with the number %s is on the roster."), employee_number);
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (sc_vault_has_submitted (self->vault, self->round_id, employee_number))
    {
      g_set_error (error, SC_VAULT_ERROR, SC_VAULT_ERROR_EXISTS,
                   _("Employee %s has already answered in this round."), employee_number);
      return FALSE;
    }
  g_free (self->employee_number);
  self->employee_number = g_strdup (employee_number);
  return TRUE;
}

const char *
sc_paper_entry_get_employee (ScPaperEntry *self)
{
  g_return_val_if_fail (SC_IS_PAPER_ENTRY (self), NULL);

  return self->employee_number;
}

gboolean
sc_paper_entry_set_answered_on (ScPaperEntry  *self,
                                const char    *date,
                                GError       **error)
{
  g_return_val_if_fail (SC_IS_PAPER_ENTRY (self), FALSE);

  if (!_sc_ws_check_date (date, "answer", error))
    return FALSE;
  g_free (self->answered_on);
  self->answered_on = g_strdup (date);
  return TRUE;
}

void
sc_paper_entry_set_pass (ScPaperEntry  *self,
                         guint          pass,
                         const guint8   answers[SC_BJSQ_N_ITEMS])
{
  g_return_if_fail (SC_IS_PAPER_ENTRY (self));
  g_return_if_fail (pass == 1 || pass == 2);
  g_return_if_fail (answers != NULL);

  for (guint i = 0; i < SC_BJSQ_N_ITEMS; i++)
    self->pass[pass - 1][i] = answers[i] <= 4 ? answers[i] : 0;
  self->has_pass[pass - 1] = TRUE;
}

GArray *
sc_paper_entry_get_mismatches (ScPaperEntry *self)
{
  GArray *list;

  g_return_val_if_fail (SC_IS_PAPER_ENTRY (self), NULL);

  list = g_array_new (FALSE, FALSE, sizeof (ScPaperMismatch));
  if (!self->has_pass[0] || !self->has_pass[1])
    return list;
  for (guint i = 0; i < SC_BJSQ_N_ITEMS; i++)
    if (self->pass[0][i] != self->pass[1][i])
      {
        ScPaperMismatch m = { i, sc_bjsq_item (i)->id, self->pass[0][i], self->pass[1][i] };

        g_array_append_val (list, m);
      }
  return list;
}

GArray *
sc_paper_entry_get_missing (ScPaperEntry *self)
{
  GArray *list;

  g_return_val_if_fail (SC_IS_PAPER_ENTRY (self), NULL);

  list = g_array_new (FALSE, FALSE, sizeof (guint));
  if (!self->has_pass[0] || !self->has_pass[1])
    return list;
  for (guint i = 0; i < SC_BJSQ_N_ITEMS; i++)
    if (self->pass[0][i] == 0 && self->pass[1][i] == 0)
      g_array_append_val (list, i);
  return list;
}

gboolean
sc_paper_entry_check (ScPaperEntry  *self,
                      GError       **error)
{
  g_autoptr(GArray) mismatches = NULL;
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (SC_IS_PAPER_ENTRY (self), FALSE);

  if (self->submission_id != 0)
    {
      g_set_error_literal (error, SC_PAPER_ENTRY_ERROR, SC_PAPER_ENTRY_ERROR_SAVED,
                           _("This paper form was saved already."));
      return FALSE;
    }
  if (self->employee_number == NULL || self->answered_on == NULL
      || !self->has_pass[0] || !self->has_pass[1])
    {
      g_set_error_literal (error, SC_PAPER_ENTRY_ERROR, SC_PAPER_ENTRY_ERROR_NOT_READY,
                           _("Choose the employee, give the date on the form and type the "
                             "answers twice before saving."));
      return FALSE;
    }
  mismatches = sc_paper_entry_get_mismatches (self);
  if (mismatches->len == 0)
    return TRUE;
  text = g_string_new (NULL);
  for (guint i = 0; i < mismatches->len; i++)
    {
      const ScPaperMismatch *m = &g_array_index (mismatches, ScPaperMismatch, i);

      g_string_append_printf (text, "%s%s: %c / %c", i > 0 ? ", " : "", m->item_id,
                              m->first ? '0' + m->first : '-',
                              m->second ? '0' + m->second : '-');
    }
  g_set_error (error, SC_PAPER_ENTRY_ERROR, SC_PAPER_ENTRY_ERROR_MISMATCH,
               g_dngettext (GETTEXT_PACKAGE,
                            "The two entries disagree on %u item: %s. Check the form and "
                            "correct it.",
                            "The two entries disagree on %u items: %s. Check the form and "
                            "correct them.", mismatches->len),
               mismatches->len, text->str);
  return FALSE;
}

gboolean
sc_paper_entry_get_busy (ScPaperEntry *self)
{
  g_return_val_if_fail (SC_IS_PAPER_ENTRY (self), FALSE);

  return self->busy;
}

gint64
sc_paper_entry_get_submission_id (ScPaperEntry *self)
{
  g_return_val_if_fail (SC_IS_PAPER_ENTRY (self), 0);

  return self->submission_id;
}

/* ---- Saving ------------------------------------------------------------------------- */

typedef struct
{
  gint64  round_id;
  char   *number;
  char   *date;
  guint8  answers[SC_BJSQ_N_ITEMS];
  gint64  submission_id;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *s = data;

  sodium_memzero (s->answers, sizeof s->answers);
  g_free (s->number);
  g_free (s->date);
  g_free (s);
}

static gboolean
save_work (ScVault  *vault,
           gpointer  data,
           GError  **error)
{
  SaveData *s = data;

  s->submission_id = sc_vault_submit_paper (vault, s->round_id, s->number, s->answers,
                                            s->date, error);
  return s->submission_id != 0;
}

static void
on_save_done_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ScPaperEntry *self = g_task_get_source_object (task);
  GError *error = NULL;
  SaveData *s;

  s = _sc_vault_run_work_finish (SC_VAULT (source_object), result, sc_paper_entry_save_async,
                                 &error);
  set_busy (self, FALSE);
  if (s == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  self->submission_id = s->submission_id;
  sodium_memzero (self->pass, sizeof self->pass);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBMISSION_ID]);
  g_task_return_boolean (task, TRUE);
}

void
sc_paper_entry_save_async (ScPaperEntry        *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  SaveData *s;

  g_return_if_fail (SC_IS_PAPER_ENTRY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_paper_entry_save_async);
  if (self->busy || !sc_paper_entry_check (self, &error))
    {
      if (error == NULL)
        _sc_vault_set_busy_error (&error);
      g_task_return_error (task, error);
      return;
    }
  s = g_new0 (SaveData, 1);
  s->round_id = self->round_id;
  s->number = g_strdup (self->employee_number);
  s->date = g_strdup (self->answered_on);
  memcpy (s->answers, self->pass[0], sizeof s->answers);
  set_busy (self, TRUE);
  _sc_vault_run_work_async (self->vault, save_work, s, save_data_free,
                            sc_paper_entry_save_async, cancellable, on_save_done_cb,
                            g_steal_pointer (&task));
}

gboolean
sc_paper_entry_save_finish (ScPaperEntry  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
