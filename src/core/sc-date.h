/* sc-date.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dates as people in Japan write them in a roster: 1985/04/02, 1985-4-2, 19850402,
 * 1985年4月2日, and the Japanese era forms 昭和60年4月2日, 平成元年1月8日, S60.4.2,
 * 昭和60/4/2, with full-width digits and punctuation. Parsing is strict: a date that
 * does not exist (2月30日) or lies outside the era it names (平成31年5月1日) is an
 * error whose message says why, never a silently shifted date.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SC_DATE_ERROR (sc_date_error_quark ())

typedef enum
{
  SC_DATE_ERROR_FORMAT,       /* not written in any accepted form */
  SC_DATE_ERROR_INVALID,      /* no such day: month 13, 2月30日, year 0 */
  SC_DATE_ERROR_ERA,          /* outside the era it names: 平成31年5月1日, 明治元年1月1日 */
  SC_DATE_ERROR_RANGE,        /* a birth date in the future or before 1900 */
} ScDateError;

/* The modern eras, with the official first days:
 * 明治 1868-10-23, 大正 1912-07-30, 昭和 1926-12-25, 平成 1989-01-08, 令和 2019-05-01.
 * An era ends the day before the next one starts. */
typedef enum
{
  SC_ERA_MEIJI,
  SC_ERA_TAISHO,
  SC_ERA_SHOWA,
  SC_ERA_HEISEI,
  SC_ERA_REIWA,
} ScEra;

#define SC_N_ERAS 5

/* The earliest birth date a roster accepts. */
#define SC_DATE_MIN_BIRTH_YEAR 1900

GQuark       sc_date_error_quark      (void);

/* The era's name in kanji ("昭和"). */
const char  *sc_era_name              (ScEra          era);

/* The era's Latin initial ('S'), as in "S60.4.2". */
char         sc_era_letter            (ScEra          era);

/**
 * sc_era_get_range:
 * @out_first: (out) (optional): the era's first day
 * @out_last: (out) (optional): its last day; cleared (g_date_valid() is %FALSE) for the
 *   current era, which has no end yet
 */
void         sc_era_get_range         (ScEra          era,
                                       GDate         *out_first,
                                       GDate         *out_last);

/**
 * sc_date_get_era:
 * Finds the era @date falls in and the year within it (1 = 元年).
 *
 * Returns: %FALSE for a date before 明治 (1868-10-23).
 */
gboolean     sc_date_get_era          (const GDate   *date,
                                       ScEra         *out_era,
                                       guint         *out_era_year);

/**
 * sc_date_parse:
 * @text: the date as written; @len bytes, or NUL-terminated when @len is -1
 * @out_date: (out): the date, set only on success
 *
 * Accepts, after folding full-width characters and trimming blanks:
 * YYYY/M/D, YYYY-M-D, YYYY.M.D (one or two digits for month and day), YYYYMMDD,
 * YYYY年M月D日, and an era (明治 大正 昭和 平成 令和, or M T S H R in either case, or
 * the one-character ㍾ ㍽ ㍼ ㍻ ㋿) with a year (digits, or 元 for the first year)
 * followed by 年…月…日 or by the same separator (/ - .) twice: 昭和60年4月2日,
 * S60.4.2, H元.1.8, 昭和60/4/2. A midnight time that spreadsheets append
 * ("1985/4/2 0:00") is ignored. Two-digit Western years and day-first orders are
 * rejected because they are ambiguous.
 *
 * Returns: %TRUE on success; on failure @error (%SC_DATE_ERROR) says what is wrong
 *   and quotes the text.
 */
gboolean     sc_date_parse            (const char    *text,
                                       gssize         len,
                                       GDate         *out_date,
                                       GError       **error);

/**
 * sc_date_parse_birth_date:
 * @today: (nullable): the current date; %NULL for the system's local date (tests pass
 *   a fixed one)
 *
 * Like sc_date_parse(), and also rejects (%SC_DATE_ERROR_RANGE) dates after @today
 * and before 1900-01-01.
 */
gboolean     sc_date_parse_birth_date (const char    *text,
                                       gssize         len,
                                       const GDate   *today,
                                       GDate         *out_date,
                                       GError       **error);

/* "YYYY-MM-DD", the form the vault and ScEmployee keep. */
char        *sc_date_to_iso           (const GDate   *date);

/**
 * sc_date_format_era:
 * Returns: the date in the Japanese era form, "昭和60年4月2日" or "平成元年1月8日";
 *   ISO form for a date before 明治.
 */
char        *sc_date_format_era       (const GDate   *date);

G_END_DECLS
