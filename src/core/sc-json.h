/* sc-json.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small strict JSON reader for the documents this program writes itself (the group
 * analysis snapshot released to HR) and for the checked chart constants an implementer
 * loads from a file. The document becomes a GVariant tree: an object is a{sv} (keys in
 * document order; a repeated key is an error), an array av, a string s, a number d,
 * true/false b and null the empty maybe "mv". Nesting is limited to 64 levels.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SC_JSON_ERROR (sc_json_error_quark ())

typedef enum
{
  SC_JSON_ERROR_SYNTAX,        /* not JSON: the message gives the line and column */
} ScJsonError;

GQuark        sc_json_error_quark  (void);

/**
 * sc_json_parse:
 * @text: UTF-8 text
 * @len: its length, or -1 when NUL-terminated
 *
 * Returns: (transfer full) (nullable): the document as a floating-free GVariant, or
 *   %NULL with @error set.
 */
GVariant     *sc_json_parse        (const char  *text,
                                    gssize       len,
                                    GError     **error);

/* Member @key of the object @object (a{sv}) when it has type @type; %NULL otherwise.
 * Returns: (transfer full) (nullable). */
GVariant     *sc_json_lookup       (GVariant    *object,
                                    const char  *key,
                                    const GVariantType *type);

/* The number member @key, or @fallback when absent or not a number. */
double        sc_json_get_double   (GVariant    *object,
                                    const char  *key,
                                    double       fallback);

/* The string member @key (transfer full), or %NULL. */
char         *sc_json_dup_string   (GVariant    *object,
                                    const char  *key);

G_END_DECLS
