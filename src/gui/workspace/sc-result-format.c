/* sc-result-format.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-result-format"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-result-format.h"

char *
sc_result_format_criteria (guint criteria)
{
  GString *text = g_string_new (NULL);

  /* Translators: criterion ㋐ of the high-stress rule; Japanese uses the circled letter. */
  if (criteria & SC_CRITERION_A)
    g_string_append (text, _("(a)"));
  /* Translators: criterion ㋑ of the high-stress rule. */
  if (criteria & SC_CRITERION_B)
    g_string_append (text, _("(b)"));
  return g_string_free (text, FALSE);
}

char *
sc_result_format_verdict (ScVerdict verdict,
                          guint     criteria)
{
  g_autofree char *flags = NULL;

  switch (verdict)
    {
    case SC_VERDICT_HIGH:
      flags = sc_result_format_criteria (criteria);
      /* Translators: %s is the criteria met, e.g. "(a)(b)". */
      return g_strdup_printf (_("High stress %s"), flags);
    case SC_VERDICT_NOT_HIGH:
      return g_strdup (_("Not high stress"));
    case SC_VERDICT_UNDETERMINED:
    default:
      return g_strdup (_("Undetermined"));
    }
}

const char *
sc_result_format_consent (ScVaultConsent consent)
{
  switch (consent)
    {
    case SC_VAULT_CONSENT_YES:
      return _("Consented");
    case SC_VAULT_CONSENT_NO:
      return _("Refused");
    case SC_VAULT_CONSENT_UNDECIDED:
    default:
      return _("Not asked yet");
    }
}

const char *
sc_result_format_need (ScInterviewNeed need)
{
  switch (need)
    {
    case SC_INTERVIEW_NEED_REQUIRED:
      return _("Interview required");
    case SC_INTERVIEW_NEED_NOT_REQUIRED:
      return _("Interview not required");
    case SC_INTERVIEW_NEED_UNDECIDED:
    default:
      return _("Decision pending");
    }
}

char *
sc_result_format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) time = NULL;

  if (unix_time <= 0)
    return g_strdup ("");
  time = g_date_time_new_from_unix_local (unix_time);
  if (time == NULL)
    return g_strdup ("");
  return g_date_time_format (time, "%Y-%m-%d %H:%M");
}

char *
sc_result_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

const char *
sc_result_current_person (void)
{
  const char *name = g_get_real_name ();

  /* GLib answers "Unknown" when the account has no real name. */
  if (name == NULL || *name == '\0' || g_str_equal (name, "Unknown"))
    name = g_get_user_name ();
  return name;
}
