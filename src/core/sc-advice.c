/* sc-advice.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-advice"

#include "config.h"

#include "sc-advice.h"

#include <gio/gio.h>
#include <string.h>

#define GENERAL_GROUP "general"

struct _ScAdvice
{
  char *title[SC_BJSQ_N_SCALES];
  char *text[SC_BJSQ_N_SCALES];
  char *self_care;
  char *balanced;
};

/* Between equal 評価点, what matters most for health first: the stress responses, then
 * the stressors that drive them, then support and satisfaction (which the high-stress
 * criteria weigh least). */
static const ScScale priority[SC_BJSQ_N_SCALES] = {
  SC_SCALE_DEPRESSION,
  SC_SCALE_ANXIETY,
  SC_SCALE_FATIGUE,
  SC_SCALE_IRRITABILITY,
  SC_SCALE_VIGOR,
  SC_SCALE_SOMATIC,
  SC_SCALE_QUANTITATIVE_DEMAND,
  SC_SCALE_QUALITATIVE_DEMAND,
  SC_SCALE_INTERPERSONAL_STRESS,
  SC_SCALE_JOB_CONTROL,
  SC_SCALE_SUPERVISOR_SUPPORT,
  SC_SCALE_COWORKER_SUPPORT,
  SC_SCALE_PHYSICAL_DEMAND,
  SC_SCALE_ENVIRONMENT_STRESS,
  SC_SCALE_SKILL_UTILIZATION,
  SC_SCALE_JOB_FIT,
  SC_SCALE_MEANINGFULNESS,
  SC_SCALE_FAMILY_SUPPORT,
  SC_SCALE_SATISFACTION,
};

G_DEFINE_QUARK (sc-advice-error-quark, sc_advice_error)

/* An empty or blank value counts as missing, so that the shipped text is used. */
static char *
get_value (GKeyFile   *key_file,
           const char *group,
           const char *key)
{
  g_autofree char *value = g_key_file_get_string (key_file, group, key, NULL);

  if (value == NULL)
    return NULL;
  g_strstrip (value);
  if (*value == '\0')
    return NULL;
  return g_steal_pointer (&value);
}

ScAdvice *
sc_advice_new_from_data (const char  *data,
                         gssize       len,
                         GError     **error)
{
  g_autoptr (GKeyFile) key_file = g_key_file_new ();
  g_autoptr (GError) local_error = NULL;
  g_auto (GStrv) groups = NULL;
  ScAdvice *advice;

  g_return_val_if_fail (data != NULL, NULL);

  if (len < 0)
    len = (gssize) strlen (data);

  if (!g_key_file_load_from_data (key_file, data, (gsize) len, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, SC_ADVICE_ERROR, SC_ADVICE_ERROR_PARSE,
                   "The advice texts cannot be read: %s", local_error->message);
      return NULL;
    }

  /* A misspelt scale id would otherwise be ignored without a word. */
  groups = g_key_file_get_groups (key_file, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      ScScale scale;

      if (g_strcmp0 (groups[i], GENERAL_GROUP) != 0
          && !sc_bjsq_scale_from_id (groups[i], &scale))
        {
          g_set_error (error, SC_ADVICE_ERROR, SC_ADVICE_ERROR_UNKNOWN_GROUP,
                       "The advice texts have a section [%s], which is neither [general] "
                       "nor the id of a scale such as [fatigue].", groups[i]);
          return NULL;
        }
    }

  advice = g_new0 (ScAdvice, 1);
  for (guint s = 0; s < SC_BJSQ_N_SCALES; s++)
    {
      const char *id = sc_bjsq_scale (s)->id;

      advice->title[s] = get_value (key_file, id, "title");
      advice->text[s] = get_value (key_file, id, "text");
    }
  advice->self_care = get_value (key_file, GENERAL_GROUP, "self_care");
  advice->balanced = get_value (key_file, GENERAL_GROUP, "balanced");

  return advice;
}

void
sc_advice_free (ScAdvice *advice)
{
  if (advice == NULL)
    return;

  for (guint s = 0; s < SC_BJSQ_N_SCALES; s++)
    {
      g_free (advice->title[s]);
      g_free (advice->text[s]);
    }
  g_free (advice->self_care);
  g_free (advice->balanced);
  g_free (advice);
}

static void
replace_text (char       **text,
              const char  *override)
{
  if (override == NULL)
    return;
  g_free (*text);
  *text = g_strdup (override);
}

void
sc_advice_merge (ScAdvice       *advice,
                 const ScAdvice *override)
{
  g_return_if_fail (advice != NULL);
  g_return_if_fail (override != NULL);

  for (guint s = 0; s < SC_BJSQ_N_SCALES; s++)
    {
      replace_text (&advice->title[s], override->title[s]);
      replace_text (&advice->text[s], override->text[s]);
    }
  replace_text (&advice->self_care, override->self_care);
  replace_text (&advice->balanced, override->balanced);
}

const char *
sc_advice_get_title (const ScAdvice *advice,
                     ScScale         scale)
{
  g_return_val_if_fail (advice != NULL, NULL);
  g_return_val_if_fail ((guint) scale < SC_BJSQ_N_SCALES, NULL);

  return advice->title[scale];
}

const char *
sc_advice_get_text (const ScAdvice *advice,
                    ScScale         scale)
{
  g_return_val_if_fail (advice != NULL, NULL);
  g_return_val_if_fail ((guint) scale < SC_BJSQ_N_SCALES, NULL);

  return advice->text[scale];
}

const char *
sc_advice_get_self_care (const ScAdvice *advice)
{
  g_return_val_if_fail (advice != NULL, NULL);

  return advice->self_care;
}

const char *
sc_advice_get_balanced (const ScAdvice *advice)
{
  g_return_val_if_fail (advice != NULL, NULL);

  return advice->balanced;
}

guint
sc_advice_choose (const ScResult *result,
                  guint           max_scales,
                  ScScale        *out_scales)
{
  guint n = 0;

  g_return_val_if_fail (result != NULL, 0);
  g_return_val_if_fail (max_scales == 0 || out_scales != NULL, 0);

  /* Scores run 1 (most stress) to the threshold: collect score by score, each in priority
   * order, which is a stable sort by score without sorting. */
  for (int score = 1; score <= SC_ADVICE_SCORE_THRESHOLD && n < max_scales; score++)
    for (guint i = 0; i < G_N_ELEMENTS (priority) && n < max_scales; i++)
      if (result->score[priority[i]] == score)
        out_scales[n++] = priority[i];

  return n;
}

ScAdvice *
sc_advice_new_shipped (void)
{
  const char * const *languages = g_get_language_names ();
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  ScAdvice *advice = NULL;

  for (guint i = 0; languages[i] != NULL && bytes == NULL; i++)
    {
      g_autofree char *path = NULL;
      const char *lang = languages[i];

      /* "C" is the English of the source strings. */
      if (g_str_equal (lang, "C") || g_str_equal (lang, "POSIX"))
        lang = "en";
      path = g_strdup_printf (RESOURCE_PREFIX "/advice/%s.ini", lang);
      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
    }
  if (bytes == NULL)
    bytes = g_resources_lookup_data (RESOURCE_PREFIX "/advice/ja.ini",
                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes != NULL)
    advice = sc_advice_new_from_data (g_bytes_get_data (bytes, NULL),
                                      (gssize) g_bytes_get_size (bytes), &error);
  else
    /* A program without the application's resources (a core test): no shipped texts. */
    g_message ("The shipped advice texts are not in this program");
  if (advice == NULL)
    {
      if (error != NULL)
        g_warning ("The shipped advice texts cannot be read: %s", error->message);
      g_clear_error (&error);
      advice = sc_advice_new_from_data ("", 0, NULL);
    }
  return advice;
}
