/* test-date.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dates as they appear in rosters: every accepted form gives the right day, era
 * boundaries hold on both sides, and impossible or ambiguous dates are refused with
 * a message that says why.
 */
#include "config.h"

#include "sc-date.h"

#include <stdio.h>
#include <string.h>

typedef struct
{
  const char *text;
  const char *iso;
} Good;

typedef struct
{
  const char  *text;
  ScDateError  code;
  const char  *in_message;    /* a fragment the message must contain */
} Bad;

static void
assert_parses (const char *text,
               const char *iso)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *got = NULL;
  GDate date;

  g_date_clear (&date, 1);
  if (!sc_date_parse (text, -1, &date, &error))
    g_error ("“%s” should parse as %s: %s", text, iso, error->message);
  g_assert_no_error (error);
  g_assert_true (g_date_valid (&date));
  got = sc_date_to_iso (&date);
  if (g_strcmp0 (got, iso) != 0)
    g_error ("“%s” parsed as %s, expected %s", text, got, iso);
}

static void
assert_fails (const char  *text,
              ScDateError  code,
              const char  *in_message)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  g_date_clear (&date, 1);
  if (sc_date_parse (text, -1, &date, &error))
    {
      g_autofree char *got = sc_date_to_iso (&date);
      g_error ("“%s” should be refused, parsed as %s", text, got);
    }
  g_assert_error (error, SC_DATE_ERROR, (int) code);
  g_assert_false (g_date_valid (&date));
  if (in_message != NULL && strstr (error->message, in_message) == NULL)
    g_error ("message for “%s” lacks “%s”: %s", text, in_message, error->message);
}

static void
test_western (void)
{
  static const Good cases[] = {
    { "1985/04/02", "1985-04-02" },
    { "1985-04-02", "1985-04-02" },
    { "1985/4/2", "1985-04-02" },
    { "1985-4-2", "1985-04-02" },
    { "1985.4.2", "1985-04-02" },
    { "19850402", "1985-04-02" },
    { "1985年4月2日", "1985-04-02" },
    { "1985年04月02日", "1985-04-02" },
    { "  1985/4/2\t", "1985-04-02" },
    { "1985/4/2 0:00", "1985-04-02" },
    { "1985/04/02 00:00:00", "1985-04-02" },
    { "2000/2/29", "2000-02-29" },
    { "1999/12/31", "1999-12-31" },
    { "2024/12/31", "2024-12-31" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_parses (cases[i].text, cases[i].iso);
}

static void
test_full_width (void)
{
  static const Good cases[] = {
    { "１９８５／０４／０２", "1985-04-02" },
    { "１９８５－４－２", "1985-04-02" },
    { "１９８５．４．２", "1985-04-02" },
    { "１９８５０４０２", "1985-04-02" },
    { "１９８５年４月２日", "1985-04-02" },
    { "昭和６０年４月２日", "1985-04-02" },
    { "Ｓ６０．４．２", "1985-04-02" },
    { "ｈ元．１．８", "1989-01-08" },
    { "　1985/4/2　", "1985-04-02" },              /* ideographic spaces */
    { "1985ー4ー2", "1985-04-02" },                 /* long-vowel mark typed as a hyphen */
    { "1985−4−2", "1985-04-02" },                   /* minus sign */
    { "㍼60年4月2日", "1985-04-02" },               /* one-character era signs */
    { "㍻元年1月8日", "1989-01-08" },
    { "㋿元年5月1日", "2019-05-01" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_parses (cases[i].text, cases[i].iso);
}

static void
test_era_forms (void)
{
  static const Good cases[] = {
    { "昭和60年4月2日", "1985-04-02" },
    { "平成元年1月8日", "1989-01-08" },
    { "令和元年5月1日", "2019-05-01" },
    { "平成1年1月8日", "1989-01-08" },
    { "S60.4.2", "1985-04-02" },
    { "s60.4.2", "1985-04-02" },
    { "H1.1.8", "1989-01-08" },
    { "R1.5.1", "2019-05-01" },
    { "S60/4/2", "1985-04-02" },
    { "S60-04-02", "1985-04-02" },
    { "S60年4月2日", "1985-04-02" },
    { "H元.1.8", "1989-01-08" },
    { "昭和60/4/2", "1985-04-02" },
    { "昭和60-4-2", "1985-04-02" },
    { "昭和60.4.2", "1985-04-02" },
    { "昭和 60 年 4 月 2 日", "1985-04-02" },
    { "平成 元年 1月 8日", "1989-01-08" },
    { "M33.1.1", "1900-01-01" },
    { "大正5年3月3日", "1916-03-03" },
    { "令和6年2月29日", "2024-02-29" },
    { "令和100年1月1日", "2118-01-01" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_parses (cases[i].text, cases[i].iso);
}

/* Each era's first and last day parse; the day before the first and after the last do
 * not, and the message names the era's range. */
static void
test_era_boundaries (void)
{
  static const Good inside[] = {
    { "明治元年10月23日", "1868-10-23" },
    { "明治45年7月29日", "1912-07-29" },
    { "大正元年7月30日", "1912-07-30" },
    { "大正15年12月24日", "1926-12-24" },
    { "T15.12.24", "1926-12-24" },
    { "昭和元年12月25日", "1926-12-25" },
    { "昭和64年1月7日", "1989-01-07" },
    { "S64.1.7", "1989-01-07" },
    { "平成元年1月8日", "1989-01-08" },
    { "平成31年4月30日", "2019-04-30" },
    { "H31.4.30", "2019-04-30" },
    { "令和元年5月1日", "2019-05-01" },
  };
  static const Bad outside[] = {
    { "明治元年1月1日", SC_DATE_ERROR_ERA, "明治 ran from 1868-10-23 to 1912-07-29" },
    { "明治元年10月22日", SC_DATE_ERROR_ERA, "明治 ran from 1868-10-23 to 1912-07-29" },
    { "明治45年7月30日", SC_DATE_ERROR_ERA, "明治 ran from 1868-10-23 to 1912-07-29" },
    { "大正元年7月29日", SC_DATE_ERROR_ERA, "大正 ran from 1912-07-30 to 1926-12-24" },
    { "大正15年12月25日", SC_DATE_ERROR_ERA, "大正 ran from 1912-07-30 to 1926-12-24" },
    { "T15.12.25", SC_DATE_ERROR_ERA, "大正 ran from 1912-07-30 to 1926-12-24" },
    { "昭和元年12月24日", SC_DATE_ERROR_ERA, "昭和 ran from 1926-12-25 to 1989-01-07" },
    { "昭和64年1月8日", SC_DATE_ERROR_ERA, "昭和 ran from 1926-12-25 to 1989-01-07" },
    { "昭和65年1月1日", SC_DATE_ERROR_ERA, "昭和 ran from 1926-12-25 to 1989-01-07" },
    { "昭和123年1月1日", SC_DATE_ERROR_ERA, "昭和 ran from 1926-12-25 to 1989-01-07" },
    { "平成元年1月7日", SC_DATE_ERROR_ERA, "平成 ran from 1989-01-08 to 2019-04-30" },
    { "平成31年5月1日", SC_DATE_ERROR_ERA, "平成 ran from 1989-01-08 to 2019-04-30" },
    { "H31.5.1", SC_DATE_ERROR_ERA, "平成 ran from 1989-01-08 to 2019-04-30" },
    { "令和元年4月30日", SC_DATE_ERROR_ERA, "令和 began on 2019-05-01" },
    { "R1.4.30", SC_DATE_ERROR_ERA, "令和 began on 2019-05-01" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (inside); i++)
    assert_parses (inside[i].text, inside[i].iso);
  for (guint i = 0; i < G_N_ELEMENTS (outside); i++)
    assert_fails (outside[i].text, outside[i].code, outside[i].in_message);
}

static void
test_invalid (void)
{
  static const Bad cases[] = {
    { "1985/2/30", SC_DATE_ERROR_INVALID, "February 1985 has 28 days" },
    { "1985/02/29", SC_DATE_ERROR_INVALID, "February 1985 has 28 days" },
    { "1900/2/29", SC_DATE_ERROR_INVALID, "February 1900 has 28 days" },
    { "19850230", SC_DATE_ERROR_INVALID, "February 1985 has 28 days" },
    { "1985/4/31", SC_DATE_ERROR_INVALID, "April 1985 has 30 days" },
    { "昭和60年2月30日", SC_DATE_ERROR_INVALID, "February 1985 has 28 days" },
    { "H2.2.30", SC_DATE_ERROR_INVALID, "February 1990 has 28 days" },
    { "1985/13/1", SC_DATE_ERROR_INVALID, "no month 13" },
    { "1985/0/10", SC_DATE_ERROR_INVALID, "no month 0" },
    { "1985/4/0", SC_DATE_ERROR_INVALID, "April 1985 has 30 days" },
    { "昭和0年1月1日", SC_DATE_ERROR_INVALID, "元年" },
    { "00000101", SC_DATE_ERROR_INVALID, "no year 0" },
    { "令和9999年1月1日", SC_DATE_ERROR_INVALID, "no year 12017" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_fails (cases[i].text, cases[i].code, cases[i].in_message);
}

static void
test_bad_format (void)
{
  static const Bad cases[] = {
    { "", SC_DATE_ERROR_FORMAT, "empty" },
    { "   ", SC_DATE_ERROR_FORMAT, "empty" },
    { "abc", SC_DATE_ERROR_FORMAT, "“abc”" },
    { "85/4/2", SC_DATE_ERROR_FORMAT, "four digits" },
    { "02/04/1985", SC_DATE_ERROR_FORMAT, "four digits" },
    { "1985/4/2/3", SC_DATE_ERROR_FORMAT, "1985/04/02" },
    { "1985/4-2", SC_DATE_ERROR_FORMAT, "“1985/4-2”" },
    { "1985/4", SC_DATE_ERROR_FORMAT, NULL },
    { "1985年4月2", SC_DATE_ERROR_FORMAT, NULL },
    { "1985年4/2", SC_DATE_ERROR_FORMAT, NULL },
    { "X60.4.2", SC_DATE_ERROR_FORMAT, "“X” is not an era" },
    { "昭和12345年1月1日", SC_DATE_ERROR_FORMAT, NULL },
    { "1985/4/2 12:00", SC_DATE_ERROR_FORMAT, NULL },
    { "198504021", SC_DATE_ERROR_FORMAT, NULL },
    { "1985/004/02", SC_DATE_ERROR_FORMAT, NULL },
    { "31139", SC_DATE_ERROR_FORMAT, NULL },         /* a spreadsheet serial number */
    { "\xff\xfe", SC_DATE_ERROR_FORMAT, NULL },
    { "2月3日", SC_DATE_ERROR_FORMAT, NULL },
    { "昭和", SC_DATE_ERROR_FORMAT, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_fails (cases[i].text, cases[i].code, cases[i].in_message);
}

/* A long value is quoted cut short, so that a pasted paragraph does not become the
 * message. */
static void
test_long_text_quoted_short (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strnfill (500, 'x');
  GDate date;

  g_assert_false (sc_date_parse (text, -1, &date, &error));
  g_assert_error (error, SC_DATE_ERROR, SC_DATE_ERROR_FORMAT);
  g_assert_cmpuint (strlen (error->message), <, 200);
  g_assert_nonnull (strstr (error->message, "…”"));
}

static void
test_length_argument (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  GDate date;

  /* Only the first 10 bytes are the date. */
  g_assert_true (sc_date_parse ("1985/04/02garbage", 10, &date, &error));
  g_assert_no_error (error);
  iso = sc_date_to_iso (&date);
  g_assert_cmpstr (iso, ==, "1985-04-02");
}

static void
test_birth_date_range (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  GDate today, date;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, G_DATE_JUNE, 2024);

  g_assert_true (sc_date_parse_birth_date ("2024/06/01", -1, &today, &date, &error));
  g_assert_no_error (error);
  g_assert_true (sc_date_parse_birth_date ("1900/01/01", -1, &today, &date, &error));
  g_assert_no_error (error);
  g_assert_true (sc_date_parse_birth_date ("M33.1.1", -1, &today, &date, &error));
  g_assert_no_error (error);
  iso = sc_date_to_iso (&date);
  g_assert_cmpstr (iso, ==, "1900-01-01");

  g_assert_false (sc_date_parse_birth_date ("2024/06/02", -1, &today, &date, &error));
  g_assert_error (error, SC_DATE_ERROR, SC_DATE_ERROR_RANGE);
  g_assert_nonnull (strstr (error->message, "2024-06-02 is in the future"));
  g_clear_error (&error);

  g_assert_false (sc_date_parse_birth_date ("令和7年1月1日", -1, &today, &date, &error));
  g_assert_error (error, SC_DATE_ERROR, SC_DATE_ERROR_RANGE);
  g_assert_nonnull (strstr (error->message, "2025-01-01 is in the future"));
  g_clear_error (&error);

  g_assert_false (sc_date_parse_birth_date ("1899/12/31", -1, &today, &date, &error));
  g_assert_error (error, SC_DATE_ERROR, SC_DATE_ERROR_RANGE);
  g_assert_nonnull (strstr (error->message, "1899-12-31 is before 1900"));
  g_clear_error (&error);

  g_assert_false (sc_date_parse_birth_date ("明治32年12月31日", -1, &today, &date, &error));
  g_assert_error (error, SC_DATE_ERROR, SC_DATE_ERROR_RANGE);
  g_clear_error (&error);

  /* A bad date is still reported as such, not as out of range. */
  g_assert_false (sc_date_parse_birth_date ("1985/2/30", -1, &today, &date, &error));
  g_assert_error (error, SC_DATE_ERROR, SC_DATE_ERROR_INVALID);
  g_clear_error (&error);

  /* Without a fixed today the system date is used. */
  g_assert_false (sc_date_parse_birth_date ("2999/1/1", -1, NULL, &date, &error));
  g_assert_error (error, SC_DATE_ERROR, SC_DATE_ERROR_RANGE);
  g_clear_error (&error);
  g_assert_true (sc_date_parse_birth_date ("1985/4/2", -1, NULL, &date, &error));
  g_assert_no_error (error);
}

static void
test_era_ranges (void)
{
  static const struct { ScEra era; const char *name; char letter; const char *first; const char *last; } eras[] = {
    { SC_ERA_MEIJI, "明治", 'M', "1868-10-23", "1912-07-29" },
    { SC_ERA_TAISHO, "大正", 'T', "1912-07-30", "1926-12-24" },
    { SC_ERA_SHOWA, "昭和", 'S', "1926-12-25", "1989-01-07" },
    { SC_ERA_HEISEI, "平成", 'H', "1989-01-08", "2019-04-30" },
    { SC_ERA_REIWA, "令和", 'R', "2019-05-01", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (eras); i++)
    {
      g_autofree char *first_iso = NULL;
      GDate first, last;
      ScEra era;
      guint year;

      g_assert_cmpstr (sc_era_name (eras[i].era), ==, eras[i].name);
      g_assert_cmpint (sc_era_letter (eras[i].era), ==, eras[i].letter);
      sc_era_get_range (eras[i].era, &first, &last);
      first_iso = sc_date_to_iso (&first);
      g_assert_cmpstr (first_iso, ==, eras[i].first);
      if (eras[i].last != NULL)
        {
          g_autofree char *last_iso = sc_date_to_iso (&last);

          g_assert_cmpstr (last_iso, ==, eras[i].last);
          g_assert_true (sc_date_get_era (&last, &era, &year));
          g_assert_cmpint (era, ==, eras[i].era);
        }
      else
        g_assert_false (g_date_valid (&last));

      g_assert_true (sc_date_get_era (&first, &era, &year));
      g_assert_cmpint (era, ==, eras[i].era);
      g_assert_cmpuint (year, ==, 1);
    }
}

static void
test_format_era (void)
{
  static const Good cases[] = {
    { "昭和60年4月2日", "1985-04-02" },
    { "昭和64年1月7日", "1989-01-07" },
    { "平成元年1月8日", "1989-01-08" },
    { "平成31年4月30日", "2019-04-30" },
    { "令和元年5月1日", "2019-05-01" },
    { "明治33年1月1日", "1900-01-01" },
    { "1868-10-22", "1868-10-22" },       /* before 明治: ISO */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = NULL;
      GDate date;
      int y, m, d;

      g_assert_cmpint (sscanf (cases[i].iso, "%d-%d-%d", &y, &m, &d), ==, 3);
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
      text = sc_date_format_era (&date);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* Every day from 1900 to 2040, written in the era form and in three Western forms,
 * reads back as the same day. */
static void
test_round_trip (void)
{
  GDate date, end;
  guint n = 0;

  g_date_clear (&date, 1);
  g_date_clear (&end, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 1900);
  g_date_set_dmy (&end, 31, G_DATE_DECEMBER, 2040);

  for (; g_date_compare (&date, &end) <= 0; g_date_add_days (&date, 1), n++)
    {
      g_autofree char *era = sc_date_format_era (&date);
      g_autofree char *iso = sc_date_to_iso (&date);
      g_autofree char *slash = g_strdup_printf ("%u/%u/%u", g_date_get_year (&date),
                                                g_date_get_month (&date),
                                                g_date_get_day (&date));
      g_autofree char *compact = g_strdup_printf ("%04u%02u%02u", g_date_get_year (&date),
                                                  g_date_get_month (&date),
                                                  g_date_get_day (&date));
      const char *forms[] = { era, iso, slash, compact };

      for (guint k = 0; k < G_N_ELEMENTS (forms); k++)
        {
          g_autoptr(GError) error = NULL;
          GDate back;

          if (!sc_date_parse (forms[k], -1, &back, &error))
            g_error ("“%s” did not read back: %s", forms[k], error->message);
          if (g_date_compare (&back, &date) != 0)
            g_error ("“%s” read back as another day", forms[k]);
        }
    }
  g_assert_cmpuint (n, ==, 51500);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/western", test_western);
  g_test_add_func ("/date/full-width", test_full_width);
  g_test_add_func ("/date/era-forms", test_era_forms);
  g_test_add_func ("/date/era-boundaries", test_era_boundaries);
  g_test_add_func ("/date/invalid", test_invalid);
  g_test_add_func ("/date/bad-format", test_bad_format);
  g_test_add_func ("/date/long-text-quoted-short", test_long_text_quoted_short);
  g_test_add_func ("/date/length-argument", test_length_argument);
  g_test_add_func ("/date/birth-date-range", test_birth_date_range);
  g_test_add_func ("/date/era-ranges", test_era_ranges);
  g_test_add_func ("/date/format-era", test_format_era);
  g_test_add_func ("/date/round-trip", test_round_trip);

  return g_test_run ();
}
