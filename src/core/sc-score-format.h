/* sc-score-format.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The stable text forms of a result: one JSON object (the `stresscheck-cli score`
 * JSON Lines contract, DESIGN.md §6) or one CSV row.
 */
#pragma once

#include <glib.h>

#include "sc-score.h"

G_BEGIN_DECLS

/* Appends @s as a JSON string literal, quotes included. */
void sc_json_append_string      (GString        *out,
                                 const char     *s,
                                 gssize          len);

/* Appends @s as one CSV field, quoted only when it needs to be. */
void sc_csv_append_field        (GString        *out,
                                 const char     *s,
                                 gssize          len);

/* SC_CSV_FORMULA_PREFIXES: the first characters that make a spreadsheet read a cell
 * as a formula (CSV injection): = + - @, tab and carriage return. */
#define SC_CSV_FORMULA_PREFIXES "=+-@\t\r"

/* TRUE when a spreadsheet would treat a cell starting like @s as a formula. */
gboolean sc_csv_field_needs_formula_escape (const char *s,
                                            gssize      len);

/**
 * sc_csv_append_field_safe:
 * As sc_csv_append_field(), but a text cell that starts with one of
 * %SC_CSV_FORMULA_PREFIXES gets a leading apostrophe ('=SUM(A1) → '=SUM(A1)), which
 * spreadsheets show as text and do not evaluate. For every cell of text a person or an
 * import file wrote (names, employee numbers, departments, round names); numbers that
 * the program formats itself need no escape.
 */
void sc_csv_append_field_safe   (GString        *out,
                                 const char     *s,
                                 gssize          len);

/* Appends the result as one JSON object and a newline. */
void sc_result_append_json      (GString        *out,
                                 const char     *id,
                                 gssize          id_len,
                                 const ScResult *result);

/* Appends the result as a JSON object without the id and without a newline, for
 * nesting in other documents (vault exports). */
void sc_result_append_json_object (GString      *out,
                                   const ScResult *result);

void sc_result_append_csv_header (GString       *out);

/* Appends the result as one CSV row (CRLF-free, LF-terminated). */
void sc_result_append_csv       (GString        *out,
                                 const char     *id,
                                 gssize          id_len,
                                 const ScResult *result);

G_END_DECLS
