/* sc-advice.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Self-care advice for the kiosk result page: which scales to talk about (the ones where
 * the employee's answers show the most stress) and the texts to show for them.
 *
 * The texts are data, not code: the program ships one file per language in data/advice/
 * (GKeyFile syntax, see data/advice/ja.ini), and the implementer may replace them with
 * the vault setting "advice_texts", which holds a file of the same form. A group is either
 * [general] (keys "self_care", shown to everyone, and "balanced", shown when no scale
 * stands out) or a scale id of spec/bjsq.json ([fatigue], …) with the keys "title" and
 * "text". Every key is optional; a missing one falls back to the shipped text.
 */
#pragma once

#include <glib.h>

#include "sc-bjsq.h"
#include "sc-score.h"

G_BEGIN_DECLS

#define SC_ADVICE_ERROR (sc_advice_error_quark ())

typedef enum
{
  SC_ADVICE_ERROR_PARSE,          /* not GKeyFile syntax, or not UTF-8 */
  SC_ADVICE_ERROR_UNKNOWN_GROUP,  /* a group that is neither [general] nor a scale id */
} ScAdviceError;

/* The 評価点 at or below which a scale counts as showing stress (1 = most stress). */
#define SC_ADVICE_SCORE_THRESHOLD 2

typedef struct _ScAdvice ScAdvice;

GQuark       sc_advice_error_quark      (void);

/**
 * sc_advice_new_from_data:
 * @data: the text of an advice file
 * @len: bytes of @data, or -1 when NUL-terminated
 *
 * Returns: (transfer full): the advice, or %NULL with a message naming the line or the
 *   group that is wrong.
 */
ScAdvice    *sc_advice_new_from_data    (const char      *data,
                                         gssize           len,
                                         GError         **error);

/**
 * sc_advice_new_shipped:
 * The texts the program ships (a GResource of the application, data/advice/) in the
 * language of the user interface, Japanese when there is none for it; empty texts in a
 * program without the application's resources (a core test).
 *
 * Returns: (transfer full): never %NULL
 */
ScAdvice    *sc_advice_new_shipped      (void);

void         sc_advice_free             (ScAdvice        *advice);

/**
 * sc_advice_merge:
 * @advice: the shipped texts
 * @override: the implementer's texts ("advice_texts")
 *
 * Replaces every text of @advice that @override has; the others stay.
 */
void         sc_advice_merge            (ScAdvice        *advice,
                                         const ScAdvice  *override);

/* A short heading for @scale ("疲労感"), or %NULL when the file has none. */
const char  *sc_advice_get_title        (const ScAdvice  *advice,
                                         ScScale          scale);

/* The advice for @scale, or %NULL when the file has none. */
const char  *sc_advice_get_text         (const ScAdvice  *advice,
                                         ScScale          scale);

/* General self-care advice for everyone, or %NULL. */
const char  *sc_advice_get_self_care    (const ScAdvice  *advice);

/* What to say when no scale stands out, or %NULL. */
const char  *sc_advice_get_balanced     (const ScAdvice  *advice);

/**
 * sc_advice_choose:
 * @result: a scored questionnaire
 * @max_scales: how many scales to return at most
 * @out_scales: (out caller-allocates) (array length=max_scales): the chosen scales
 *
 * Chooses the scales to give advice on: those with a 評価点 of
 * %SC_ADVICE_SCORE_THRESHOLD or less, the lowest (most stress) first; between equal
 * scores, stress responses come before stressors, stressors before support and
 * satisfaction. Missing scales are never chosen.
 *
 * Returns: the number of scales written, 0 when none stands out.
 */
guint        sc_advice_choose           (const ScResult  *result,
                                         guint            max_scales,
                                         ScScale         *out_scales);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScAdvice, sc_advice_free)

G_END_DECLS
