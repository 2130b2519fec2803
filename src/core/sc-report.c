/* sc-report.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ScReport: the role rules, gathering the data of a report from the vault, and writing
 * the pages to a PDF file atomically (temporary file in the same folder, then rename).
 */
#define G_LOG_DOMAIN "sc-report"

#include "config.h"

#include "sc-report.h"
#include "sc-report-private.h"
#include "sc-secure.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

G_DEFINE_QUARK (sc-report-error-quark, sc_report_error)
G_DEFINE_FINAL_TYPE (ScReport, sc_report, G_TYPE_OBJECT)

static const struct
{
  const char *name;
  const char *description;
} kinds[SC_REPORT_N_KINDS] = {
  { "individual", "individual result sheets with the interview request form (implementer)" },
  { "slips", "access-code slips, from codes issued by the same call (implementer, HR)" },
  { "reminders", "reminder slips for people who have not answered (implementer, HR)" },
  { "participation", "who answered, yes or no, by department (implementer, HR)" },
  { "results", "the results list, with filters (implementer)" },
  { "consented", "results shared with the employer: consent or interview request "
                 "(HR, implementer)" },
  { "group", "group analysis table and both judgement charts (implementer; HR: a released "
             "analysis, --release ID)" },
  { "interviews", "interview records (MHLW form) and the list of interviews "
                  "(implementer; HR sees the opinion part)" },
  { "labour-office", "the figures of 様式第6号の3 for the labour office (implementer, HR)" },
};

gboolean
sc_report_kind_from_string (const char   *name,
                            ScReportKind *out_kind)
{
  g_return_val_if_fail (out_kind != NULL, FALSE);

  if (name == NULL)
    return FALSE;
  for (guint i = 0; i < SC_REPORT_N_KINDS; i++)
    if (g_str_equal (name, kinds[i].name))
      {
        *out_kind = (ScReportKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
sc_report_kind_to_string (ScReportKind kind)
{
  g_return_val_if_fail (kind < SC_REPORT_N_KINDS, NULL);
  return kinds[kind].name;
}

const char *
sc_report_kind_describe (ScReportKind kind)
{
  g_return_val_if_fail (kind < SC_REPORT_N_KINDS, NULL);
  return kinds[kind].description;
}

gboolean
sc_report_kind_allowed (ScReportKind kind,
                        ScVaultRole  role)
{
  switch (kind)
    {
    case SC_REPORT_INDIVIDUAL:
    case SC_REPORT_RESULTS:
    case SC_REPORT_GROUP:
      /* Individual results and the full group analysis are the implementer's (HR prints
       * released analyses: sc_report_release_allowed()). */
      return role == SC_VAULT_ROLE_IMPLEMENTER;
    case SC_REPORT_SLIPS:
    case SC_REPORT_REMINDERS:
    case SC_REPORT_PARTICIPATION:
    case SC_REPORT_CONSENTED:
    case SC_REPORT_INTERVIEWS:
    case SC_REPORT_LABOUR_OFFICE:
      return role == SC_VAULT_ROLE_IMPLEMENTER || role == SC_VAULT_ROLE_HR;
    default:
      return FALSE;
    }
}

gboolean
sc_report_release_allowed (ScVaultRole role)
{
  return role == SC_VAULT_ROLE_IMPLEMENTER || role == SC_VAULT_ROLE_HR;
}

static void
slip_free (gpointer data)
{
  ScReportSlip *slip = data;

  g_free (slip->number);
  g_free (slip->name);
  g_free (slip->department);
  if (slip->code != NULL)
    {
      /* SECURITY: the access code is a login secret; wipe it with the report. */
      sc_secure_wipe (slip->code, strlen (slip->code));
      g_free (slip->code);
    }
  g_free (slip);
}

static void
interview_free (gpointer data)
{
  ScReportInterview *entry = data;

  sc_interview_record_free (entry->record);
  g_free (entry->number);
  g_free (entry->name);
  g_free (entry->department);
  g_free (entry);
}

static void
sc_report_finalize (GObject *object)
{
  ScReport *self = SC_REPORT (object);

  g_clear_pointer (&self->round, sc_vault_round_free);
  g_clear_pointer (&self->constants, sc_chart_constant_set_free);
  g_clear_pointer (&self->participants, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->slips, g_ptr_array_unref);
  g_clear_pointer (&self->interviews, g_ptr_array_unref);
  g_clear_pointer (&self->group, sc_group_analysis_free);
  g_clear_pointer (&self->release_table, sc_group_table_free);
  g_clear_pointer (&self->released_by, g_free);
  g_clear_pointer (&self->release_title, g_free);
  g_clear_pointer (&self->advice, sc_advice_free);
  g_clear_pointer (&self->contact, g_free);
  g_clear_pointer (&self->help_text, g_free);
  g_clear_pointer (&self->printed_on, g_free);
  g_clear_pointer (&self->scope, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->settings); i++)
    g_clear_pointer (&self->settings[i], g_free);

  G_OBJECT_CLASS (sc_report_parent_class)->finalize (object);
}

static void
sc_report_class_init (ScReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sc_report_finalize;
}

static void
sc_report_init (ScReport *self)
{
  self->japanese = TRUE;
}

/* ---- gathering ------------------------------------------------------------------- */

static gboolean
in_scope (const ScReportOptions *options,
          const char            *number,
          const char            *department)
{
  if (options->department != NULL
      && g_strcmp0 (options->department, department != NULL ? department : "") != 0)
    return FALSE;
  if (options->numbers != NULL && !g_strv_contains (options->numbers, number))
    return FALSE;
  return TRUE;
}

static ScAdvice *
load_advice (ScVault    *vault,
             const char *language)
{
  g_autofree char *path = g_strdup_printf (RESOURCE_PREFIX "/advice/%s.ini", language);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autofree char *override_text = NULL;
  ScAdvice *advice = NULL;

  if (bytes != NULL)
    advice = sc_advice_new_from_data (g_bytes_get_data (bytes, NULL),
                                      (gssize) g_bytes_get_size (bytes), NULL);
  if (advice == NULL)
    advice = sc_advice_new_from_data ("", 0, NULL);
  override_text = sc_vault_get_setting (vault, SC_VAULT_SETTING_ADVICE_TEXTS, NULL);
  if (override_text != NULL)
    {
      g_autoptr(ScAdvice) override = sc_advice_new_from_data (override_text, -1, NULL);

      if (override != NULL)
        sc_advice_merge (advice, override);
    }
  return advice;
}

static gboolean
parse_codes (ScReport              *self,
             const ScReportOptions *options,
             GError               **error)
{
  g_auto(GStrv) lines = NULL;

  if (options->codes_csv == NULL || options->codes_csv[0] == '\0')
    {
      g_set_error (error, SC_REPORT_ERROR, SC_REPORT_ERROR_INVALID,
                   "Access-code slips can only be printed when the codes are issued: the "
                   "vault keeps only their hashes. Issue the codes and print the slips in the "
                   "same step (stresscheck-cli codes VAULT ROUND --slips FILE.pdf).");
      return FALSE;
    }
  self->slips = g_ptr_array_new_with_free_func (slip_free);
  lines = g_strsplit (options->codes_csv, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      ScReportSlip *slip;

      g_strchomp (lines[i]);
      if (lines[i][0] == '\0' || g_str_equal (lines[i], "number,name,code"))
        continue;
      fields = g_strsplit (lines[i], ",", 3);
      if (g_strv_length (fields) == 3 && in_scope (options, fields[0], NULL))
        {
          slip = g_new0 (ScReportSlip, 1);
          slip->number = g_strdup (fields[0]);
          slip->name = g_strdup (fields[1]);
          slip->code = g_strdup (fields[2]);
          g_ptr_array_add (self->slips, slip);
        }
      /* SECURITY: the split copy holds the code too. */
      for (guint j = 0; fields[j] != NULL; j++)
        sc_secure_wipe (fields[j], strlen (fields[j]));
      sc_secure_wipe (lines[i], strlen (lines[i]));
    }
  if (self->slips->len == 0)
    {
      g_set_error (error, SC_REPORT_ERROR, SC_REPORT_ERROR_INVALID,
                   "No access codes to print: the issued codes hold no row.");
      return FALSE;
    }
  return TRUE;
}

static gboolean
gather_rows (ScReport              *self,
             ScVault               *vault,
             const ScReportOptions *options,
             GError               **error)
{
  g_autoptr(GPtrArray) all = sc_vault_list_results (vault, self->round->id, error);
  g_autofree char *search = NULL;

  if (all == NULL)
    return FALSE;
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_result_row_unref);
  search = sc_result_filter_prepare_search (options->search);
  for (guint i = 0; i < all->len; i++)
    {
      ScResultRow *row = g_ptr_array_index (all, i);
      gboolean keep = in_scope (options, row->number, row->department);

      /* The results list takes every filter; individual sheets only "high stress only". */
      if (self->kind == SC_REPORT_RESULTS)
        keep = keep && sc_result_row_matches (row, options->filter, search);
      else if (self->kind == SC_REPORT_INDIVIDUAL)
        keep = keep && sc_result_row_matches (row, options->filter & SC_RESULT_FILTER_HIGH_STRESS,
                                              NULL);
      else if (self->kind == SC_REPORT_CONSENTED)
        keep = keep && (row->consent == SC_VAULT_CONSENT_YES
                        || row->interview_requested_at != 0);
      if (keep)
        g_ptr_array_add (self->rows, sc_result_row_ref (row));
    }
  if (self->kind == SC_REPORT_INDIVIDUAL && self->rows->len == 0)
    {
      g_set_error (error, SC_REPORT_ERROR, SC_REPORT_ERROR_EMPTY,
                   "No result in this round matches the chosen people or department.");
      return FALSE;
    }
  return TRUE;
}

static gboolean
gather_group (ScReport  *self,
              GError   **error)
{
  g_autofree ScGroupRespondent *respondents = g_new0 (ScGroupRespondent,
                                                      MAX (self->rows->len, 1));

  for (guint i = 0; i < self->rows->len; i++)
    {
      const ScResultRow *row = g_ptr_array_index (self->rows, i);

      respondents[i].group = row->department;
      respondents[i].result = row->result;
    }
  self->group = sc_group_analyse (respondents, self->rows->len, SC_GROUP_MIN_SIZE_DEFAULT,
                                  self->constants, error);
  return self->group != NULL;
}

static int
compare_department (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const ScParticipant *x = *(ScParticipant * const *) a;
  const ScParticipant *y = *(ScParticipant * const *) b;
  int by_department = g_strcmp0 (x->department, y->department);

  return by_department != 0 ? by_department : g_strcmp0 (x->number, y->number);
}

static gboolean
gather_participants (ScReport              *self,
                     ScVault               *vault,
                     const ScReportOptions *options,
                     GError               **error)
{
  g_autoptr(GPtrArray) all = sc_vault_list_participation (vault, self->round->id, error);

  if (all == NULL)
    return FALSE;
  self->participants = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_participant_free);
  for (guint i = 0; i < all->len; i++)
    {
      ScParticipant *p = g_ptr_array_index (all, i);

      if (!in_scope (options, p->number, p->department))
        continue;
      if (self->kind == SC_REPORT_REMINDERS && p->answered)
        continue;
      g_ptr_array_add (self->participants, g_steal_pointer (&all->pdata[i]));
    }
  g_ptr_array_set_free_func (all, NULL);
  for (guint i = 0; i < all->len; i++)
    if (all->pdata[i] != NULL)
      sc_participant_free (all->pdata[i]);
  /* The participation list goes by department (then number, as listed). */
  if (self->kind == SC_REPORT_PARTICIPATION)
    g_ptr_array_sort_with_data (self->participants, compare_department, NULL);
  return TRUE;
}

static gboolean
gather_interviews (ScReport              *self,
                   ScVault               *vault,
                   const ScReportOptions *options,
                   GError               **error)
{
  g_autoptr(GArray) ids = sc_vault_list_interview_ids (vault, self->round->id, error);
  g_autoptr(GPtrArray) submissions = NULL;
  g_autoptr(GPtrArray) people = NULL;

  if (ids == NULL)
    return FALSE;
  submissions = sc_vault_list_submissions (vault, self->round->id, error);
  people = submissions != NULL ? sc_vault_list_participation (vault, self->round->id, error)
                               : NULL;
  if (people == NULL)
    return FALSE;
  self->interviews = g_ptr_array_new_with_free_func (interview_free);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(GError) local_error = NULL;
      ScInterviewRecord *record = sc_vault_get_interview_record (vault, id, &local_error);
      ScReportInterview *entry;
      const char *number = NULL;
      const ScParticipant *person = NULL;

      if (record == NULL)
        {
          /* HR sees the records of people who asked for an interview only. */
          if (g_error_matches (local_error, SC_VAULT_ERROR, SC_VAULT_ERROR_PERMISSION))
            continue;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      for (guint j = 0; j < submissions->len; j++)
        {
          const ScVaultSubmission *s = g_ptr_array_index (submissions, j);

          if (s->id == id)
            number = s->employee_number;
        }
      for (guint j = 0; number != NULL && j < people->len; j++)
        {
          const ScParticipant *p = g_ptr_array_index (people, j);

          if (g_strcmp0 (p->number, number) == 0)
            person = p;
        }
      if (number == NULL || !in_scope (options, number, person ? person->department : NULL))
        {
          sc_interview_record_free (record);
          continue;
        }
      entry = g_new0 (ScReportInterview, 1);
      entry->record = record;
      entry->number = g_strdup (number);
      entry->name = g_strdup (person != NULL ? person->name : "");
      entry->department = g_strdup (person != NULL ? person->department : NULL);
      g_ptr_array_add (self->interviews, entry);
    }
  return TRUE;
}

static char *
describe_scope (const ScReportOptions *options,
                gboolean               japanese)
{
  g_autoptr(GString) scope = g_string_new (NULL);

  if (options->department != NULL)
    g_string_append_printf (scope, "%s%s", japanese ? "部署: " : "Department: ",
                            options->department[0] != '\0' ? options->department
                            : (japanese ? "（なし）" : "(none)"));
  if (options->search != NULL && options->search[0] != '\0')
    g_string_append_printf (scope, "%s%s%s", scope->len ? " / " : "",
                            japanese ? "検索: " : "Search: ", options->search);
  if (options->filter & SC_RESULT_FILTER_HIGH_STRESS)
    g_string_append_printf (scope, "%s%s", scope->len ? " / " : "",
                            japanese ? "高ストレスのみ" : "high stress only");
  if (options->filter & SC_RESULT_FILTER_INCOMPLETE)
    g_string_append_printf (scope, "%s%s", scope->len ? " / " : "",
                            japanese ? "未回答ありのみ" : "incomplete only");
  if (options->filter & SC_RESULT_FILTER_DECISION_PENDING)
    g_string_append_printf (scope, "%s%s", scope->len ? " / " : "",
                            japanese ? "要否未判断のみ" : "decision pending only");
  if (options->filter & SC_RESULT_FILTER_CONSENTED)
    g_string_append_printf (scope, "%s%s", scope->len ? " / " : "",
                            japanese ? "同意ありのみ" : "consented only");
  if (options->filter & SC_RESULT_FILTER_REQUESTED)
    g_string_append_printf (scope, "%s%s", scope->len ? " / " : "",
                            japanese ? "申出ありのみ" : "interview requested only");
  if (options->numbers != NULL)
    g_string_append_printf (scope, "%s%s%u", scope->len ? " / " : "",
                            japanese ? "指定した人数: " : "chosen people: ",
                            g_strv_length ((char **) options->numbers));
  return scope->len > 0 ? g_string_free (g_steal_pointer (&scope), FALSE) : NULL;
}

static guint
count_pages (ScReport *self)
{
  guint n;

  switch (self->kind)
    {
    case SC_REPORT_INDIVIDUAL:
      return self->rows->len * SC_REPORT_SHEET_PAGES;
    case SC_REPORT_SLIPS:
      return (self->slips->len + SC_REPORT_SLIPS_PER_PAGE - 1) / SC_REPORT_SLIPS_PER_PAGE;
    case SC_REPORT_REMINDERS:
      n = self->participants->len;
      return MAX (1, (n + SC_REPORT_SLIPS_PER_PAGE - 1) / SC_REPORT_SLIPS_PER_PAGE);
    case SC_REPORT_PARTICIPATION:
    case SC_REPORT_RESULTS:
    case SC_REPORT_CONSENTED:
      n = sc_report_list_n_rows (self);
      return MAX (1, (n + SC_REPORT_ROWS_PER_PAGE - 1) / SC_REPORT_ROWS_PER_PAGE);
    case SC_REPORT_GROUP:
      return 3;   /* the table, then the charts of men and of women */
    case SC_REPORT_INTERVIEWS:
      n = self->interviews->len;
      return n + MAX (1, (n + SC_REPORT_ROWS_PER_PAGE - 1) / SC_REPORT_ROWS_PER_PAGE);
    case SC_REPORT_LABOUR_OFFICE:
    default:
      return 1;
    }
}

ScReport *
sc_report_new (ScVault               *vault,
               ScReportKind           kind,
               gint64                 round_id,
               const ScReportOptions *options,
               GError               **error)
{
  static const char * const setting_keys[] = {
    SC_REPORT_SETTING_INSURANCE_NUMBER, SC_REPORT_SETTING_INDUSTRY,
    SC_REPORT_SETTING_WORKPLACE_NAME, SC_REPORT_SETTING_ADDRESS, SC_REPORT_SETTING_PHONE,
    SC_REPORT_SETTING_WORKERS, SC_REPORT_SETTING_OCC_PHYSICIAN, SC_REPORT_SETTING_EMPLOYER,
    SC_REPORT_SETTING_CHECKER, SC_REPORT_SETTING_INTERVIEW_DOCTOR,
  };
  static const ScReportOptions defaults = { NULL };
  g_autoptr(ScReport) self = NULL;
  g_autoptr(GDateTime) now = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    options = &defaults;
  if ((guint) kind >= SC_REPORT_N_KINDS)
    {
      g_set_error (error, SC_REPORT_ERROR, SC_REPORT_ERROR_UNKNOWN_KIND,
                   "Unknown report kind %d", (int) kind);
      return NULL;
    }
  if (!sc_report_kind_allowed (kind, sc_vault_get_role (vault))
      && !(kind == SC_REPORT_GROUP && options->release_id != 0
           && sc_report_release_allowed (sc_vault_get_role (vault))))
    {
      if (kind == SC_REPORT_GROUP && sc_report_release_allowed (sc_vault_get_role (vault)))
        {
          g_set_error (error, SC_REPORT_ERROR, SC_REPORT_ERROR_PERMISSION,
                       "The full group analysis may not be printed with this passphrase, "
                       "only an analysis the implementer released: choose a released "
                       "analysis.");
          return NULL;
        }
      g_set_error (error, SC_REPORT_ERROR, SC_REPORT_ERROR_PERMISSION,
                   "The %s report may not be printed with this passphrase: %s",
                   kinds[kind].name, kinds[kind].description);
      return NULL;
    }
  if (options->language != NULL && !g_str_equal (options->language, "ja")
      && !g_str_equal (options->language, "en"))
    {
      g_set_error (error, SC_REPORT_ERROR, SC_REPORT_ERROR_INVALID,
                   "Unknown report language “%s” (use ja or en)", options->language);
      return NULL;
    }

  self = g_object_new (SC_TYPE_REPORT, NULL);
  self->kind = kind;
  self->role = sc_vault_get_role (vault);
  self->japanese = options->language == NULL || g_str_equal (options->language, "ja");
  self->round = sc_vault_get_round (vault, round_id, error);
  if (self->round == NULL)
    return NULL;
  if (!sc_vault_get_round_counts (vault, round_id, &self->counts, error))
    return NULL;
  /* A released analysis carries its own figures (and a round's answers may be gone). */
  if ((kind == SC_REPORT_INDIVIDUAL || kind == SC_REPORT_RESULTS
       || kind == SC_REPORT_CONSENTED || (kind == SC_REPORT_GROUP && options->release_id == 0)
       || kind == SC_REPORT_INTERVIEWS) && self->counts.answered == 0)
    {
      g_set_error (error, SC_REPORT_ERROR, SC_REPORT_ERROR_EMPTY,
                   "The round “%s” has no submissions yet: there is nothing to report.",
                   self->round->name);
      return NULL;
    }

  self->constants = sc_chart_constant_set_copy (sc_chart_constant_set_default ());
  if (options->today != NULL)
    self->printed_on = g_strdup (options->today);
  else
    {
      now = g_date_time_new_now_local ();
      self->printed_on = g_date_time_format (now, "%Y-%m-%d");
    }
  self->scope = describe_scope (options, self->japanese);
  self->contact = sc_vault_get_setting (vault, SC_VAULT_SETTING_CONTACT_TEXT, NULL);
  /* The help text Settings edits, as the kiosk shows it; the shipped one is printed in
   * the report's language instead (the shipped text follows the user interface's). */
  self->help_text = sc_vault_get_help_text (vault);
  if (g_strcmp0 (self->help_text, sc_vault_default_help_text ()) == 0)
    g_clear_pointer (&self->help_text, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (setting_keys); i++)
    self->settings[i] = sc_vault_get_setting (vault, setting_keys[i], NULL);

  switch (kind)
    {
    case SC_REPORT_INDIVIDUAL:
      self->advice = load_advice (vault, self->japanese ? "ja" : "en");
      ok = gather_rows (self, vault, options, error);
      break;
    case SC_REPORT_RESULTS:
    case SC_REPORT_CONSENTED:
      ok = gather_rows (self, vault, options, error);
      break;
    case SC_REPORT_GROUP:
      if (options->release_id != 0)
        ok = sc_report_gather_release (self, vault, options->release_id, error);
      else
        ok = gather_rows (self, vault, options, error) && gather_group (self, error);
      break;
    case SC_REPORT_SLIPS:
      ok = parse_codes (self, options, error);
      break;
    case SC_REPORT_REMINDERS:
    case SC_REPORT_PARTICIPATION:
      ok = gather_participants (self, vault, options, error);
      break;
    case SC_REPORT_INTERVIEWS:
      ok = gather_interviews (self, vault, options, error);
      break;
    case SC_REPORT_LABOUR_OFFICE:
    default:
      break;
    }
  if (!ok)
    return NULL;
  self->n_pages = count_pages (self);
  return g_steal_pointer (&self);
}

ScReportKind
sc_report_get_kind (ScReport *self)
{
  g_return_val_if_fail (SC_IS_REPORT (self), SC_REPORT_INDIVIDUAL);
  return self->kind;
}

guint
sc_report_get_n_pages (ScReport *self)
{
  g_return_val_if_fail (SC_IS_REPORT (self), 0);
  return self->n_pages;
}

guint
sc_report_get_pages_per_sheet (ScReport *self)
{
  g_return_val_if_fail (SC_IS_REPORT (self), 0);
  return self->kind == SC_REPORT_INDIVIDUAL ? SC_REPORT_SHEET_PAGES : 0;
}

void
sc_report_get_page_size (ScReport *self,
                         double   *width,
                         double   *height)
{
  g_return_if_fail (SC_IS_REPORT (self));
  if (width != NULL)
    *width = SC_REPORT_PAGE_WIDTH;
  if (height != NULL)
    *height = SC_REPORT_PAGE_HEIGHT;
}

void
sc_report_draw_page (ScReport *self,
                     cairo_t  *cr,
                     guint     page)
{
  g_return_if_fail (SC_IS_REPORT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->n_pages);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, SC_REPORT_PAGE_WIDTH, SC_REPORT_PAGE_HEIGHT);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  switch (self->kind)
    {
    case SC_REPORT_INDIVIDUAL:
      sc_report_draw_individual_page (self, cr, page);
      break;
    case SC_REPORT_SLIPS:
    case SC_REPORT_REMINDERS:
      sc_report_draw_slips_page (self, cr, page);
      break;
    case SC_REPORT_PARTICIPATION:
    case SC_REPORT_RESULTS:
    case SC_REPORT_CONSENTED:
      sc_report_draw_list_page (self, cr, page);
      break;
    case SC_REPORT_GROUP:
      sc_report_draw_group_page (self, cr, page);
      break;
    case SC_REPORT_INTERVIEWS:
      sc_report_draw_interviews_page (self, cr, page);
      break;
    case SC_REPORT_LABOUR_OFFICE:
    default:
      sc_report_draw_labour_page (self, cr, page);
      break;
    }
  cairo_restore (cr);
}

/* ---- writing ----------------------------------------------------------------------- */

typedef struct
{
  int  fd;
  int  saved_errno;
} WriteTarget;

static cairo_status_t
write_to_fd (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  WriteTarget *target = closure;

  while (length > 0)
    {
      ssize_t n = write (target->fd, data, length);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          target->saved_errno = errno;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += n;
      length -= (unsigned int) n;
    }
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
set_io_error (GError    **error,
              int         saved_errno,
              const char *path,
              const char *what)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, SC_REPORT_ERROR, SC_REPORT_ERROR_IO, "Could not %s “%s”: %s", what,
               display, g_strerror (saved_errno));
  return FALSE;
}

gboolean
sc_report_write_pdf (ScReport             *self,
                     const char           *path,
                     GCancellable         *cancellable,
                     ScReportProgressFunc  progress,
                     gpointer              progress_data,
                     GError              **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_name = NULL;
  g_autofree char *tmp_path = NULL;
  WriteTarget target = { -1, 0 };
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  gboolean ok = TRUE;

  g_return_val_if_fail (SC_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_name = g_strdup_printf (".%s.part-XXXXXX", base);
  tmp_path = g_build_filename (dir, tmp_name, NULL);
  /* SECURITY: a report may hold health data; the file is made readable by its owner only
   * (g_mkstemp's mode 0600), and the name says nothing about its content. */
  target.fd = g_mkstemp (tmp_path);
  if (target.fd < 0)
    return set_io_error (error, errno, path, "write the report to");

  surface = cairo_pdf_surface_create_for_stream (write_to_fd, &target, SC_REPORT_PAGE_WIDTH,
                                                 SC_REPORT_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  sc_report_kind_to_string (self->kind));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Stress Check");
  cr = cairo_create (surface);
  for (guint page = 0; page < self->n_pages; page++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      sc_report_draw_page (self, cr, page);
      cairo_show_page (cr);
      if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
        break;
      if (progress != NULL)
        progress (page + 1, self->n_pages, progress_data);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (ok && status != CAIRO_STATUS_SUCCESS)
    {
      if (target.saved_errno != 0)
        set_io_error (error, target.saved_errno, path, "write the report to");
      else
        g_set_error (error, SC_REPORT_ERROR, SC_REPORT_ERROR_IO,
                     "Could not draw the report: %s", cairo_status_to_string (status));
      ok = FALSE;
    }
  if (ok && fsync (target.fd) != 0)
    ok = set_io_error (error, errno, path, "write the report to");
  if (close (target.fd) != 0 && ok)
    ok = set_io_error (error, errno, path, "write the report to");
  if (ok && g_rename (tmp_path, path) != 0)
    ok = set_io_error (error, errno, path, "save the report as");
  if (!ok)
    g_unlink (tmp_path);
  return ok;
}

typedef struct
{
  char                 *path;
  ScReportProgressFunc  progress;
  gpointer              progress_data;
} WriteData;

static void
write_data_free (gpointer data)
{
  WriteData *write_data = data;

  g_free (write_data->path);
  g_free (write_data);
}

static void
write_pdf_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  WriteData *data = task_data;
  GError *error = NULL;

  if (sc_report_write_pdf (SC_REPORT (source_object), data->path, cancellable,
                           data->progress, data->progress_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
sc_report_write_pdf_async (ScReport             *self,
                           const char           *path,
                           GCancellable         *cancellable,
                           ScReportProgressFunc  progress,
                           gpointer              progress_data,
                           GAsyncReadyCallback   callback,
                           gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *data;

  g_return_if_fail (SC_IS_REPORT (self));
  g_return_if_fail (path != NULL);

  data = g_new0 (WriteData, 1);
  data->path = g_strdup (path);
  data->progress = progress;
  data->progress_data = progress_data;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_report_write_pdf_async);
  g_task_set_task_data (task, data, write_data_free);
  g_task_run_in_thread (task, write_pdf_thread);
}

gboolean
sc_report_write_pdf_finish (ScReport      *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
