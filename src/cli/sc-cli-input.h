/* sc-cli-input.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The respondent CSV that `score` and `group` read: a header naming at least the
 * columns id, sex and answers (in any order, other columns ignored), then one row per
 * respondent. Bad rows are reported as "line N: reason" and skipped.
 */
#pragma once

#include "sc-csv.h"
#include "sc-score.h"

G_BEGIN_DECLS

typedef struct
{
  ScCsvReader *reader;
  int          col_id;
  int          col_sex;
  int          col_answers;
  int          col_extra;      /* an optional column asked for by the caller, or -1 */
  guint        n_bad_rows;
} ScRespondentInput;

typedef struct
{
  const char *id;
  gsize       id_len;
  const char *extra;           /* the optional column's text, "" when absent */
  gsize       extra_len;
  ScSex       sex;
  guint8      answers[SC_BJSQ_N_ITEMS];
  guint       line;
} ScRespondentRow;

/**
 * sc_respondent_input_open:
 * @path: a file, or "-" for standard input
 * @extra_names: (nullable): accepted names of one more column to read
 * @extra_required: whether that column must be present
 */
gboolean sc_respondent_input_open  (ScRespondentInput  *input,
                                    const char         *path,
                                    const char * const *extra_names,
                                    gboolean            extra_required,
                                    GError            **error);

/* The same, for a file already in memory (the fuzz targets). */
gboolean sc_respondent_input_open_bytes (ScRespondentInput  *input,
                                         GBytes             *data,
                                         const char * const *extra_names,
                                         gboolean            extra_required,
                                         GError            **error);

/**
 * sc_respondent_input_next:
 * Reads the next valid row; bad rows are named on stderr and counted.
 * Returns: %TRUE with @row filled; %FALSE at the end or on a fatal error (@error set).
 */
gboolean sc_respondent_input_next  (ScRespondentInput  *input,
                                    ScRespondentRow    *row,
                                    GError            **error);

void     sc_respondent_input_clear (ScRespondentInput  *input);

G_END_DECLS
