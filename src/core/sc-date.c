/* sc-date.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-date"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-date.h"

#include <string.h>
#include <time.h>

G_DEFINE_QUARK (sc-date-error-quark, sc_date_error)

typedef struct
{
  const char *name;
  char        letter;
  GDateYear   year;
  GDateMonth  month;
  GDateDay    day;
} EraInfo;

/* First days as proclaimed. 明治 was in law applied back to the start of 1868, but the
 * calendar in use before 1873 was not the Gregorian one, so those dates cannot be
 * converted here anyway; a roster never needs them. */
static const EraInfo eras[SC_N_ERAS] = {
  { "明治", 'M', 1868, G_DATE_OCTOBER, 23 },
  { "大正", 'T', 1912, G_DATE_JULY, 30 },
  { "昭和", 'S', 1926, G_DATE_DECEMBER, 25 },
  { "平成", 'H', 1989, G_DATE_JANUARY, 8 },
  { "令和", 'R', 2019, G_DATE_MAY, 1 },
};

/* Translated where they are used (a message about a day the month does not have). */
static const char *const month_names[] = {
  NULL, N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
  N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
};

#define GANNEN "元"
#define KANJI_YEAR "年"
#define KANJI_MONTH "月"
#define KANJI_DAY "日"

const char *
sc_era_name (ScEra era)
{
  g_return_val_if_fail ((guint) era < SC_N_ERAS, NULL);
  return eras[era].name;
}

char
sc_era_letter (ScEra era)
{
  g_return_val_if_fail ((guint) era < SC_N_ERAS, '\0');
  return eras[era].letter;
}

void
sc_era_get_range (ScEra  era,
                  GDate *out_first,
                  GDate *out_last)
{
  g_return_if_fail ((guint) era < SC_N_ERAS);

  if (out_first != NULL)
    g_date_set_dmy (out_first, eras[era].day, eras[era].month, eras[era].year);
  if (out_last != NULL)
    {
      g_date_clear (out_last, 1);
      if (era + 1 < SC_N_ERAS)
        {
          g_date_set_dmy (out_last, eras[era + 1].day, eras[era + 1].month, eras[era + 1].year);
          g_date_subtract_days (out_last, 1);
        }
    }
}

gboolean
sc_date_get_era (const GDate *date,
                 ScEra       *out_era,
                 guint       *out_era_year)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  for (int i = SC_N_ERAS - 1; i >= 0; i--)
    {
      GDate first;

      sc_era_get_range ((ScEra) i, &first, NULL);
      if (g_date_compare (date, &first) >= 0)
        {
          if (out_era != NULL)
            *out_era = (ScEra) i;
          if (out_era_year != NULL)
            *out_era_year = g_date_get_year (date) - eras[i].year + 1;
          return TRUE;
        }
    }
  return FALSE;
}

/* The text as typed, trimmed and cut short, for error messages: a pasted paragraph
 * must not turn into a paragraph-long error. */
static char *
quote_text (const char *text,
            gsize       len)
{
  g_autofree char *valid = g_utf8_make_valid (text, (gssize) len);
  g_autoptr(GString) out = g_string_new ("“");
  guint n = 0;

  /* Control characters (a line break in a cell) are shown as U+FFFD: a message is
   * one line. */
  for (const char *p = g_strstrip (valid); *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (n == 40)
        {
          g_string_append (out, "…");
          break;
        }
      g_string_append_unichar (out, g_unichar_iscntrl (c) ? 0xfffd : c);
    }
  g_string_append (out, "”");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* NFKC folds full-width digits and punctuation, half-width kana and the one-character
 * era signs (㍻ → 平成); dashes that NFKC leaves alone, and the long-vowel mark people
 * type for a hyphen on a Japanese keyboard, become '-'. */
static char *
fold_text (const char *text,
           gsize       len)
{
  g_autofree char *nfkc = g_utf8_normalize (text, (gssize) len, G_NORMALIZE_NFKC);
  GString *out;

  if (nfkc == NULL)
    return NULL;

  out = g_string_sized_new (strlen (nfkc));
  for (const char *p = nfkc; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0x30fc)
        g_string_append_c (out, '-');
      else
        g_string_append_unichar (out, c);
    }
  return g_strstrip (g_string_free (out, FALSE));
}

static void
skip_blanks (const char **p)
{
  while (**p == ' ' || **p == '\t')
    (*p)++;
}

static gboolean
skip_literal (const char **p,
              const char  *literal)
{
  gsize n = strlen (literal);

  if (strncmp (*p, literal, n) != 0)
    return FALSE;
  *p += n;
  return TRUE;
}

/* Reads up to @max_digits ASCII digits. Returns the number of digits read (0 when none,
 * or more than @max_digits when the run is longer). */
static guint
read_number (const char **p,
             guint        max_digits,
             guint       *out_value)
{
  guint n = 0;
  guint value = 0;

  while (g_ascii_isdigit (**p))
    {
      if (n < max_digits)
        value = value * 10 + (guint) (**p - '0');
      n++;
      (*p)++;
    }
  *out_value = value;
  return n;
}

/* A midnight time as spreadsheets append to date cells: " 0:00" or " 00:00:00". */
static gboolean
skip_midnight (const char **p)
{
  const char *q = *p;
  guint value;
  guint parts = 0;

  skip_blanks (&q);
  if (q == *p)
    return FALSE;
  for (;;)
    {
      guint n = read_number (&q, 2, &value);

      if (n == 0 || n > 2 || value != 0)
        return FALSE;
      parts++;
      if (parts == 3 || *q != ':')
        break;
      q++;
    }
  if (parts < 2)
    return FALSE;
  *p = q;
  return TRUE;
}

static gboolean
set_format_error (GError    **error,
                  const char *quoted)
{
  g_set_error (error, SC_DATE_ERROR, SC_DATE_ERROR_FORMAT,
               _("%s is not a date in a form this program reads; "
                 "write it as 1985/04/02 or 昭和60年4月2日"), quoted);
  return FALSE;
}

gboolean
sc_date_parse (const char *text,
               gssize      len,
               GDate      *out_date,
               GError    **error)
{
  g_autofree char *folded = NULL;
  g_autofree char *quoted = NULL;
  const char *p;
  int era = -1;
  guint year = 0, month = 0, day = 0;
  guint n;
  gboolean kanji = FALSE;
  char separator = '\0';
  GDate date;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_date != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (len < 0)
    len = (gssize) strlen (text);
  quoted = quote_text (text, (gsize) len);

  folded = fold_text (text, (gsize) len);
  if (folded == NULL)
    return set_format_error (error, quoted);
  if (*folded == '\0')
    {
      g_set_error_literal (error, SC_DATE_ERROR, SC_DATE_ERROR_FORMAT,
                           _("the date is empty"));
      return FALSE;
    }
  p = folded;

  /* The era, by name or by initial. */
  for (guint i = 0; i < SC_N_ERAS && era < 0; i++)
    if (skip_literal (&p, eras[i].name))
      era = (int) i;
  if (era < 0 && g_ascii_isalpha (*p)
      && (g_ascii_isdigit (p[1]) || strncmp (p + 1, GANNEN, strlen (GANNEN)) == 0))
    {
      for (guint i = 0; i < SC_N_ERAS && era < 0; i++)
        if (g_ascii_toupper (*p) == eras[i].letter)
          era = (int) i;
      if (era < 0)
        {
          g_set_error (error, SC_DATE_ERROR, SC_DATE_ERROR_FORMAT,
                       _("%s: “%c” is not an era; use M, T, S, H or R (明治, 大正, 昭和, 平成, 令和)"),
                       quoted, *p);
          return FALSE;
        }
      p++;
    }

  /* The year. */
  if (era >= 0)
    {
      skip_blanks (&p);
      if (skip_literal (&p, GANNEN))
        year = 1;
      /* More digits than any era has years are read anyway, so that the message
       * can give the era's range (昭和123年 is outside 昭和, not a typo of format). */
      else if ((n = read_number (&p, 4, &year)) == 0 || n > 4)
        return set_format_error (error, quoted);
    }
  else
    {
      n = read_number (&p, 8, &year);
      if (n == 8)
        {
          /* YYYYMMDD, nothing else around it. */
          day = year % 100;
          month = (year / 100) % 100;
          year /= 10000;
          skip_midnight (&p);
          if (*p != '\0')
            return set_format_error (error, quoted);
          goto validate;
        }
      if (n != 4)
        {
          if (n == 2 && (*p == '/' || *p == '-' || *p == '.'))
            {
              g_set_error (error, SC_DATE_ERROR, SC_DATE_ERROR_FORMAT,
                           _("%s is ambiguous: write the year with four digits (1985/04/02) "
                             "or with its era (S60.4.2)"), quoted);
              return FALSE;
            }
          return set_format_error (error, quoted);
        }
    }

  /* Month and day, after 年 or a separator used twice. */
  skip_blanks (&p);
  if (skip_literal (&p, KANJI_YEAR))
    kanji = TRUE;
  else if (*p == '/' || *p == '-' || *p == '.')
    separator = *p++;
  else
    return set_format_error (error, quoted);

  if (kanji)
    skip_blanks (&p);
  if ((n = read_number (&p, 2, &month)) == 0 || n > 2)
    return set_format_error (error, quoted);
  if (kanji)
    {
      skip_blanks (&p);
      if (!skip_literal (&p, KANJI_MONTH))
        return set_format_error (error, quoted);
      skip_blanks (&p);
    }
  else if (*p++ != separator)
    return set_format_error (error, quoted);

  if ((n = read_number (&p, 2, &day)) == 0 || n > 2)
    return set_format_error (error, quoted);
  if (kanji)
    {
      skip_blanks (&p);
      if (!skip_literal (&p, KANJI_DAY))
        return set_format_error (error, quoted);
    }
  skip_midnight (&p);
  skip_blanks (&p);
  if (*p != '\0')
    return set_format_error (error, quoted);

validate:
  if (era >= 0)
    {
      if (year == 0)
        {
          g_set_error (error, SC_DATE_ERROR, SC_DATE_ERROR_INVALID,
                       _("%s is not a date: an era has no year 0 (its first year is 元年)"),
                       quoted);
          return FALSE;
        }
      year += eras[era].year - 1;
    }
  if (year == 0 || year > 9999)
    {
      g_set_error (error, SC_DATE_ERROR, SC_DATE_ERROR_INVALID,
                   _("%s is not a date: there is no year %u"), quoted, year);
      return FALSE;
    }
  if (month < 1 || month > 12)
    {
      g_set_error (error, SC_DATE_ERROR, SC_DATE_ERROR_INVALID,
                   _("%s is not a date: there is no month %u"), quoted, month);
      return FALSE;
    }
  if (day < 1 || day > g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year))
    {
      g_set_error (error, SC_DATE_ERROR, SC_DATE_ERROR_INVALID,
                   /* Translators: the date as written, a month's name, a year, a number of
                    * days ("February 1985 has 28 days"). */
                   _("%s is not a date: %s %u has %u days"), quoted, _(month_names[month]), year,
                   (guint) g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year));
      return FALSE;
    }

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  if (era >= 0)
    {
      GDate first, last;
      g_autofree char *first_iso = NULL;
      g_autofree char *last_iso = NULL;

      sc_era_get_range ((ScEra) era, &first, &last);
      if (g_date_compare (&date, &first) < 0
          || (g_date_valid (&last) && g_date_compare (&date, &last) > 0))
        {
          first_iso = sc_date_to_iso (&first);
          if (g_date_valid (&last))
            {
              last_iso = sc_date_to_iso (&last);
              g_set_error (error, SC_DATE_ERROR, SC_DATE_ERROR_ERA,
                           _("%s is not a date: %s ran from %s to %s"), quoted, eras[era].name,
                           first_iso, last_iso);
            }
          else
            {
              g_set_error (error, SC_DATE_ERROR, SC_DATE_ERROR_ERA,
                           _("%s is not a date: %s began on %s"), quoted, eras[era].name,
                           first_iso);
            }
          return FALSE;
        }
    }

  *out_date = date;
  return TRUE;
}

gboolean
sc_date_parse_birth_date (const char  *text,
                          gssize       len,
                          const GDate *today,
                          GDate       *out_date,
                          GError     **error)
{
  GDate date, now, earliest;
  g_autofree char *iso = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (today == NULL || g_date_valid (today), FALSE);
  g_return_val_if_fail (out_date != NULL, FALSE);

  if (!sc_date_parse (text, len, &date, error))
    return FALSE;

  g_date_clear (&now, 1);
  if (today != NULL)
    now = *today;
  else
    g_date_set_time_t (&now, time (NULL));
  g_date_clear (&earliest, 1);
  g_date_set_dmy (&earliest, 1, G_DATE_JANUARY, SC_DATE_MIN_BIRTH_YEAR);

  iso = sc_date_to_iso (&date);
  if (g_date_compare (&date, &now) > 0)
    {
      g_set_error (error, SC_DATE_ERROR, SC_DATE_ERROR_RANGE,
                   _("the birth date %s is in the future"), iso);
      return FALSE;
    }
  if (g_date_compare (&date, &earliest) < 0)
    {
      g_set_error (error, SC_DATE_ERROR, SC_DATE_ERROR_RANGE,
                   _("the birth date %s is before %d"), iso, SC_DATE_MIN_BIRTH_YEAR);
      return FALSE;
    }

  *out_date = date;
  return TRUE;
}

char *
sc_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}

char *
sc_date_format_era (const GDate *date)
{
  ScEra era;
  guint era_year;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  if (!sc_date_get_era (date, &era, &era_year))
    return sc_date_to_iso (date);
  if (era_year == 1)
    return g_strdup_printf ("%s元年%u月%u日", eras[era].name, (guint) g_date_get_month (date),
                            (guint) g_date_get_day (date));
  return g_strdup_printf ("%s%u年%u月%u日", eras[era].name, era_year,
                          (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}
