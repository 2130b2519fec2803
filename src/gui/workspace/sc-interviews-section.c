/* sc-interviews-section.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-interviews-section"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sc-interviews-section.h"
#include "sc-load-when-shown.h"
#include "sc-result-format.h"

typedef enum
{
  GROUP_STEPS,      /* dates, doctor, place */
  GROUP_REPORT,     /* 報告書: implementer only */
  GROUP_OPINION,    /* 意見書 */
} FieldGroup;

/* The text fields of the record, each an entry row. */
typedef struct
{
  gsize        offset;      /* of a char * in ScInterviewRecord */
  const char  *title;       /* N_() */
  FieldGroup   group;
  gboolean     hr_sees;     /* part of HR's view */
} TextField;

#define FIELD(member) G_STRUCT_OFFSET (ScInterviewRecord, member)

static const TextField text_fields[] = {
  { FIELD (notified_on), N_("Result handed over on (YYYY-MM-DD)"), GROUP_STEPS, TRUE },
  { FIELD (encouraged_on), N_("Interview encouraged on"), GROUP_STEPS, TRUE },
  { FIELD (requested_on), N_("Interview requested on"), GROUP_STEPS, TRUE },
  { FIELD (interview_on), N_("Interview held on"), GROUP_STEPS, TRUE },
  { FIELD (doctor), N_("Doctor"), GROUP_STEPS, TRUE },
  { FIELD (place_note), N_("Place, details"), GROUP_STEPS, TRUE },
  { FIELD (opinion_on), N_("Doctor's opinion heard on"), GROUP_STEPS, TRUE },
  { FIELD (working_situation), N_("Working situation"), GROUP_REPORT, FALSE },
  { FIELD (psychological_burden), N_("Psychological burden"), GROUP_REPORT, FALSE },
  { FIELD (other_state), N_("Other physical and mental state"), GROUP_REPORT, FALSE },
  { FIELD (reinterview_when), N_("Re-interview when"), GROUP_REPORT, FALSE },
  { FIELD (note), N_("Special notes"), GROUP_REPORT, FALSE },
  { FIELD (measures_other), N_("Other measures"), GROUP_OPINION, TRUE },
  { FIELD (workplace_opinion), N_("Opinion on improving the work environment"), GROUP_OPINION, TRUE },
  { FIELD (medical_consideration), N_("Consideration for medical care"), GROUP_OPINION, TRUE },
  { FIELD (doctor_opinion), N_("Doctor's opinion (record under Art. 52-18)"), GROUP_OPINION, FALSE },
};

#define N_TEXT_FIELDS G_N_ELEMENTS (text_fields)

static const char * const measure_names[] = {
  N_("Limit overtime (hours per month below)"),
  N_("No overtime"),
  N_("Limit working hours"),
  N_("Exclude from flexible or discretionary working hours"),
  N_("Other measures (below)"),
};

static const char * const guidance_names[] = {
  N_("Health guidance needed"),
  N_("Follow-up needed"),
  N_("Re-interview needed"),
  N_("Continue treatment or refer to a medical institution"),
};

#define N_MEASURES G_N_ELEMENTS (measure_names)
#define N_GUIDANCE G_N_ELEMENTS (guidance_names)

struct _ScInterviewsSection
{
  AdwBin               parent_instance;

  /* Template children */
  GtkListBox          *people_list;
  GtkSearchEntry      *search_entry;
  GtkStack            *detail_stack;
  AdwPreferencesGroup *person_group;
  AdwPreferencesGroup *steps_group;
  AdwPreferencesGroup *dates_group;
  AdwPreferencesGroup *report_group;
  AdwPreferencesGroup *opinion_group;
  AdwPreferencesGroup *measures_group;
  AdwComboRow         *place_row;
  AdwComboRow         *work_class_row;
  GtkSwitch           *finding_switch;
  GtkSpinButton       *overtime_spin;
  GtkButton           *save_button;
  AdwEntryRow         *measures_on_row;
  AdwEntryRow         *measures_taken_row;
  GtkButton           *measures_button;
  GtkLabel            *error_label;

  /* Owned references */
  ScVault             *vault;
  GPtrArray           *rows;      /* (element-type ScResultRow): the people listed */
  ScInterviewRecord   *record;    /* of the person shown */

  /* Borrowed references: rows built in code */
  AdwEntryRow         *text_rows[N_TEXT_FIELDS];
  GtkCheckButton      *measure_checks[N_MEASURES];
  GtkCheckButton      *guidance_checks[N_GUIDANCE];
  AdwActionRow        *step_rows[SC_N_INTERVIEW_STEPS];

  /* Plain state */
  gint64               round_id;
  gboolean             constructed;
  ScResultRow         *shown;     /* borrowed from @rows */
  ScInterviewStepState steps[SC_N_INTERVIEW_STEPS];
  gboolean             busy;
};

G_DEFINE_FINAL_TYPE (ScInterviewsSection, sc_interviews_section, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_VAULT,
  PROP_ROUND_ID,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_TOAST,
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define SUBMISSION_KEY "sc-submission-id"

static gboolean
is_hr (ScInterviewsSection *self)
{
  return sc_vault_get_role (self->vault) != SC_VAULT_ROLE_IMPLEMENTER;
}

static const char *
step_title (ScInterviewStep step)
{
  switch (step)
    {
    case SC_INTERVIEW_STEP_RECOMMENDED: return _("Interview recommended");
    case SC_INTERVIEW_STEP_ENCOURAGED: return _("Encouraged to ask (勧奨)");
    case SC_INTERVIEW_STEP_REQUESTED: return _("Interview requested (申出)");
    case SC_INTERVIEW_STEP_INTERVIEW: return _("Interview held");
    case SC_INTERVIEW_STEP_OPINION: return _("Doctor's opinion heard");
    case SC_INTERVIEW_STEP_MEASURES: return _("Work measures recorded by HR");
    default: g_assert_not_reached ();
    }
}

gboolean
sc_interviews_section_get_busy (ScInterviewsSection *self)
{
  g_return_val_if_fail (SC_IS_INTERVIEWS_SECTION (self), FALSE);

  return self->busy;
}

guint
sc_interviews_section_get_n_people (ScInterviewsSection *self)
{
  g_return_val_if_fail (SC_IS_INTERVIEWS_SECTION (self), 0);

  return self->rows ? self->rows->len : 0;
}

const ScInterviewRecord *
sc_interviews_section_get_record (ScInterviewsSection *self)
{
  g_return_val_if_fail (SC_IS_INTERVIEWS_SECTION (self), NULL);

  return self->record;
}

gboolean
sc_interviews_section_get_step (ScInterviewsSection  *self,
                                ScInterviewStep       step,
                                ScInterviewStepState *out_state)
{
  g_return_val_if_fail (SC_IS_INTERVIEWS_SECTION (self), FALSE);
  g_return_val_if_fail (step < SC_N_INTERVIEW_STEPS, FALSE);

  if (self->record == NULL)
    return FALSE;
  *out_state = self->steps[step];
  return TRUE;
}

static void
set_busy (ScInterviewsSection *self,
          gboolean             busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->measures_button), !busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_error (ScInterviewsSection *self,
            const char          *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
show_steps (ScInterviewsSection *self)
{
  g_autofree char *today = sc_result_today ();
  gboolean recommended = self->shown->has_decision
                         && self->shown->decision.need == SC_INTERVIEW_NEED_REQUIRED;

  sc_interview_steps_compute (self->record, recommended, today, self->steps);
  for (guint i = 0; i < SC_N_INTERVIEW_STEPS; i++)
    {
      const ScInterviewStepState *s = &self->steps[i];
      GtkWidget *row = GTK_WIDGET (self->step_rows[i]);
      g_autofree char *subtitle = NULL;

      if (!s->applies)
        subtitle = g_strdup (_("Not needed"));
      else if (*s->done_on)
        /* Translators: a step done on a date. */
        subtitle = g_strdup_printf (_("Done on %s"), s->done_on);
      else if (s->overdue)
        /* Translators: a step not done whose deadline has passed. */
        subtitle = g_strdup_printf (_("Overdue: due by %s"), s->due_on);
      else if (*s->due_on)
        subtitle = g_strdup_printf (_("Due by %s"), s->due_on);
      else
        subtitle = g_strdup (_("Not yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (s->overdue)
        gtk_widget_add_css_class (row, "error");
      else
        gtk_widget_remove_css_class (row, "error");
    }
}

static void
show_record (ScInterviewsSection *self)
{
  const ScInterviewRecord *r = self->record;
  g_autofree char *title = g_strdup_printf (_("%s (%s)"), self->shown->name, self->shown->number);
  g_autofree char *keep = sc_interview_record_keep_until (r);
  g_autofree char *description = NULL;

  adw_preferences_group_set_title (self->person_group, title);
  if (keep != NULL)
    /* Translators: the record's retention, 5 years. */
    description = g_strdup_printf (_("Keep this record until %s."), keep);
  adw_preferences_group_set_description (self->person_group, description);

  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    {
      const char *value = G_STRUCT_MEMBER (char *, r, text_fields[i].offset);

      gtk_editable_set_text (GTK_EDITABLE (self->text_rows[i]), value ? value : "");
    }
  adw_combo_row_set_selected (self->place_row, r->place);
  adw_combo_row_set_selected (self->work_class_row, r->work_class + 1);
  gtk_switch_set_active (self->finding_switch, r->finding);
  for (guint i = 0; i < N_MEASURES; i++)
    gtk_check_button_set_active (self->measure_checks[i], (r->measures & (1u << i)) != 0);
  for (guint i = 0; i < N_GUIDANCE; i++)
    gtk_check_button_set_active (self->guidance_checks[i], (r->guidance & (1u << i)) != 0);
  gtk_spin_button_set_value (self->overtime_spin, MAX (r->overtime_hours, 0));
  gtk_editable_set_text (GTK_EDITABLE (self->measures_on_row), r->measures_on ? r->measures_on : "");
  gtk_editable_set_text (GTK_EDITABLE (self->measures_taken_row),
                         r->measures_taken ? r->measures_taken : "");
  show_steps (self);
}

static gboolean
show_person (ScInterviewsSection *self,
             ScResultRow         *row)
{
  g_autoptr(GError) error = NULL;
  ScInterviewRecord *record = sc_vault_get_interview_record (self->vault, row->submission_id,
                                                            &error);

  if (record == NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }
  show_error (self, NULL);
  g_clear_pointer (&self->record, sc_interview_record_free);
  self->record = record;
  self->shown = row;
  show_record (self);
  gtk_stack_set_visible_child_name (self->detail_stack, "person");
  return TRUE;
}

gboolean
sc_interviews_section_select (ScInterviewsSection *self,
                              gint64               submission_id)
{
  g_return_val_if_fail (SC_IS_INTERVIEWS_SECTION (self), FALSE);

  for (guint i = 0; self->rows && i < self->rows->len; i++)
    {
      ScResultRow *row = g_ptr_array_index (self->rows, i);

      if (row->submission_id == submission_id)
        {
          GtkListBoxRow *list_row = gtk_list_box_get_row_at_index (self->people_list, i);

          gtk_list_box_select_row (self->people_list, list_row);
          return show_person (self, row);
        }
    }
  return FALSE;
}

static void
on_people_row_activated_cb (GtkListBox          *list,
                            GtkListBoxRow       *row,
                            ScInterviewsSection *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), SUBMISSION_KEY);

  if (id != NULL)
    sc_interviews_section_select (self, *id);
}

void
sc_interviews_section_reload (ScInterviewsSection *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) results = NULL;
  gint64 shown_id = self->shown ? self->shown->submission_id : 0;
  GtkWidget *child;

  g_return_if_fail (SC_IS_INTERVIEWS_SECTION (self));

  if (sc_load_when_shown_defer (GTK_WIDGET (self)))
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->people_list))) != NULL)
    gtk_list_box_remove (self->people_list, child);
  self->shown = NULL;
  g_clear_pointer (&self->record, sc_interview_record_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_result_row_unref);
  gtk_stack_set_visible_child_name (self->detail_stack, "empty");

  /* Only the people listed are opened (not every result of the round). */
  ids = sc_vault_list_interview_ids (self->vault, self->round_id, &error);
  if (ids != NULL)
    {
      results = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_result_row_unref);
      for (guint i = 0; i < ids->len && results != NULL; i++)
        {
          ScResultRow *row = sc_vault_get_result_row (self->vault,
                                                      g_array_index (ids, gint64, i), &error);

          if (row != NULL)
            g_ptr_array_add (results, row);
          else
            g_clear_pointer (&results, g_ptr_array_unref);
        }
    }
  if (ids == NULL || results == NULL)
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);

  for (guint r = 0; r < results->len; r++)
    {
      ScResultRow *row = g_ptr_array_index (results, r);
      GtkWidget *list_row;
      g_autofree char *title = NULL;

      g_ptr_array_add (self->rows, sc_result_row_ref (row));
      list_row = adw_action_row_new ();
      title = g_strdup_printf (_("%s (%s)"), row->name, row->number);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (list_row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (list_row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (list_row),
                                   row->interview_requested_at > 0 ? _("Interview requested")
                                   : sc_result_format_need (row->decision.need));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (list_row), TRUE);
      g_object_set_data_full (G_OBJECT (list_row), SUBMISSION_KEY,
                              g_memdup2 (&row->submission_id, sizeof (gint64)), g_free);
      gtk_list_box_append (self->people_list, list_row);
    }

  if (shown_id != 0)
    sc_interviews_section_select (self, shown_id);
}

/* ---- Search (Ctrl+F) --------------------------------------------------------------- */

/* Rows whose title (name and number) holds the search text, ignoring case. */
static gboolean
people_filter (GtkListBoxRow *row,
               gpointer       user_data)
{
  ScInterviewsSection *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = NULL;
  g_autofree char *title = NULL;

  if (text == NULL || *text == '\0')
    return TRUE;
  needle = g_utf8_casefold (text, -1);
  title = g_utf8_casefold (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), -1);
  return strstr (title, needle) != NULL;
}

static void
on_search_changed_cb (GtkSearchEntry      *entry,
                      ScInterviewsSection *self)
{
  gtk_list_box_invalidate_filter (self->people_list);
}

/* ---- Saving ------------------------------------------------------------------------ */

static void
read_record (ScInterviewsSection *self,
             ScInterviewRecord   *r)
{
  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    {
      char **slot = &G_STRUCT_MEMBER (char *, r, text_fields[i].offset);
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->text_rows[i]))));

      g_free (*slot);
      *slot = *text ? g_steal_pointer (&text) : NULL;
    }
  r->place = adw_combo_row_get_selected (self->place_row);
  r->work_class = (ScWorkClass) adw_combo_row_get_selected (self->work_class_row) - 1;
  r->finding = gtk_switch_get_active (self->finding_switch);
  r->measures = 0;
  for (guint i = 0; i < N_MEASURES; i++)
    if (gtk_check_button_get_active (self->measure_checks[i]))
      r->measures |= 1u << i;
  r->guidance = 0;
  for (guint i = 0; i < N_GUIDANCE; i++)
    if (gtk_check_button_get_active (self->guidance_checks[i]))
      r->guidance |= 1u << i;
  r->overtime_hours = (r->measures & SC_MEASURE_OVERTIME_LIMIT)
                      ? gtk_spin_button_get_value_as_int (self->overtime_spin) : 0;
}

typedef gboolean (*FinishFunc) (ScVault *vault, GAsyncResult *result, GError **error);

typedef struct
{
  ScInterviewsSection *self;
  FinishFunc           finish;
  const char          *success;
} SaveData;

static void
on_saved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  SaveData *data = user_data;
  g_autoptr(ScInterviewsSection) self = data->self;
  g_autoptr(GError) error = NULL;
  gboolean ok = data->finish (SC_VAULT (source), result, &error);
  const char *success = data->success;

  g_free (data);
  set_busy (self, FALSE);
  if (!ok)
    {
      show_error (self, error->message);
      g_signal_emit (self, signals[SIGNAL_TOAST], 0, error->message);
      return;
    }
  sc_interviews_section_reload (self);
  g_signal_emit (self, signals[SIGNAL_TOAST], 0, success);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static SaveData *
save_data_new (ScInterviewsSection *self,
               FinishFunc           finish,
               const char          *success)
{
  SaveData *data = g_new0 (SaveData, 1);

  data->self = g_object_ref (self);
  data->finish = finish;
  data->success = success;
  set_busy (self, TRUE);
  show_error (self, NULL);
  return data;
}

static void
on_save_clicked_cb (GtkButton           *button,
                    ScInterviewsSection *self)
{
  g_autoptr(ScInterviewRecord) record = NULL;

  if (self->busy || self->record == NULL || is_hr (self))
    return;
  record = sc_interview_record_copy (self->record);
  read_record (self, record);
  sc_vault_save_interview_record_async (self->vault, record, NULL, on_saved_cb,
                                        save_data_new (self, sc_vault_save_interview_record_finish,
                                                       _("Interview record saved")));
}

static void
on_measures_clicked_cb (GtkButton           *button,
                        ScInterviewsSection *self)
{
  const char *on = gtk_editable_get_text (GTK_EDITABLE (self->measures_on_row));
  const char *taken = gtk_editable_get_text (GTK_EDITABLE (self->measures_taken_row));

  if (self->busy || self->record == NULL)
    return;
  sc_vault_record_measures_async (self->vault, self->record->submission_id, on, taken, NULL,
                                  on_saved_cb,
                                  save_data_new (self, sc_vault_record_measures_finish,
                                                 _("Work measures recorded")));
}

/* ---- Building the editor ----------------------------------------------------------- */

static AdwPreferencesGroup *
group_of (ScInterviewsSection *self,
          FieldGroup           group)
{
  switch (group)
    {
    case GROUP_STEPS: return self->dates_group;
    case GROUP_REPORT: return self->report_group;
    case GROUP_OPINION: return self->opinion_group;
    default: g_assert_not_reached ();
    }
}

static GtkCheckButton *
add_check_row (AdwPreferencesGroup *group,
               const char          *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_preferences_group_add (group, row);
  return GTK_CHECK_BUTTON (check);
}

static void
build_editor (ScInterviewsSection *self)
{
  gboolean hr = is_hr (self);

  for (guint i = 0; i < SC_N_INTERVIEW_STEPS; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), step_title (i));
      /* The recommendation and the 勧奨 are the implementer's: HR sees requests only. */
      gtk_widget_set_visible (row, !hr || i >= SC_INTERVIEW_STEP_REQUESTED);
      adw_preferences_group_add (self->steps_group, row);
      self->step_rows[i] = ADW_ACTION_ROW (row);
    }
  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    {
      GtkWidget *row = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(text_fields[i].title));
      /* HR reads the dates and the opinion on measures; it records only the measures. */
      gtk_editable_set_editable (GTK_EDITABLE (row), !hr);
      gtk_widget_set_visible (row, !hr || text_fields[i].hr_sees);
      adw_preferences_group_add (group_of (self, text_fields[i].group), row);
      self->text_rows[i] = ADW_ENTRY_ROW (row);
    }
  for (guint i = 0; i < N_GUIDANCE; i++)
    self->guidance_checks[i] = add_check_row (self->report_group, _(guidance_names[i]));
  for (guint i = 0; i < N_MEASURES; i++)
    {
      self->measure_checks[i] = add_check_row (self->opinion_group, _(measure_names[i]));
      gtk_widget_set_sensitive (GTK_WIDGET (self->measure_checks[i]), !hr);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->report_group), !hr);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), !hr);
  gtk_widget_set_sensitive (GTK_WIDGET (self->place_row), !hr);
  gtk_widget_set_sensitive (GTK_WIDGET (self->work_class_row), !hr);
  gtk_widget_set_sensitive (GTK_WIDGET (self->overtime_spin), !hr);
}

/* ---- GObject ----------------------------------------------------------------------- */

static void
sc_interviews_section_constructed (GObject *object)
{
  ScInterviewsSection *self = SC_INTERVIEWS_SECTION (object);

  G_OBJECT_CLASS (sc_interviews_section_parent_class)->constructed (object);

  g_return_if_fail (SC_IS_VAULT (self->vault));
  gtk_list_box_set_filter_func (self->people_list, people_filter, self, NULL);
  /* Built and filled when first shown (unlock builds every section, and shows one). */
  sc_load_when_shown_init_full (GTK_WIDGET (self), (ScLoadFunc) build_editor,
                                (ScLoadFunc) sc_interviews_section_reload);
  self->constructed = TRUE;
}

static void
sc_interviews_section_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ScInterviewsSection *self = SC_INTERVIEWS_SECTION (object);

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
sc_interviews_section_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  ScInterviewsSection *self = SC_INTERVIEWS_SECTION (object);

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
              sc_interviews_section_reload (self);
            }
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_interviews_section_dispose (GObject *object)
{
  ScInterviewsSection *self = SC_INTERVIEWS_SECTION (object);

  /* The bin's child may be a bound template child: let the bin drop it first, so that
   * it is not unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_INTERVIEWS_SECTION);
  self->shown = NULL;
  g_clear_pointer (&self->record, sc_interview_record_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->vault);
  G_OBJECT_CLASS (sc_interviews_section_parent_class)->dispose (object);
}

static void
sc_interviews_section_class_init (ScInterviewsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sc_interviews_section_constructed;
  object_class->get_property = sc_interviews_section_get_property;
  object_class->set_property = sc_interviews_section_set_property;
  object_class->dispose = sc_interviews_section_dispose;

  properties[PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL, SC_TYPE_VAULT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROUND_ID] =
    g_param_spec_int64 ("round-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                        G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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
                                               "/io/github/stresscheck/StressCheck/ui/sc-interviews-section.ui");
  gtk_widget_class_bind_template_child (widget_class, ScInterviewsSection, people_list);
  gtk_widget_class_bind_template_child (widget_class, ScInterviewsSection, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, ScInterviewsSection, person_group);
  gtk_widget_class_bind_template_child (widget_class, ScInterviewsSection, steps_group);
  gtk_widget_class_bind_template_child (widget_class, ScInterviewsSection, dates_group);
  gtk_widget_class_bind_template_child (widget_class, ScInterviewsSection, report_group);
  gtk_widget_class_bind_template_child (widget_class, ScInterviewsSection, opinion_group);
  gtk_widget_class_bind_template_child (widget_class, ScInterviewsSection, measures_group);
  gtk_widget_class_bind_template_child (widget_class, ScInterviewsSection, place_row);
  gtk_widget_class_bind_template_child (widget_class, ScInterviewsSection, work_class_row);
  gtk_widget_class_bind_template_child (widget_class, ScInterviewsSection, finding_switch);
  gtk_widget_class_bind_template_child (widget_class, ScInterviewsSection, overtime_spin);
  gtk_widget_class_bind_template_child (widget_class, ScInterviewsSection, save_button);
  gtk_widget_class_bind_template_child (widget_class, ScInterviewsSection, measures_on_row);
  gtk_widget_class_bind_template_child (widget_class, ScInterviewsSection, measures_taken_row);
  gtk_widget_class_bind_template_child (widget_class, ScInterviewsSection, measures_button);
  gtk_widget_class_bind_template_child (widget_class, ScInterviewsSection, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_people_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_child (widget_class, ScInterviewsSection, search_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_measures_clicked_cb);
}

static void
sc_interviews_section_init (ScInterviewsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sc_interviews_section_new (ScVault *vault,
                           gint64   round_id)
{
  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  return g_object_new (SC_TYPE_INTERVIEWS_SECTION, "vault", vault, "round-id", round_id, NULL);
}
