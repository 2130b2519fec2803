/* sc-test-pdf.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sc-test-pdf.h"

PopplerDocument *
test_pdf_open (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *doc;

  g_assert_no_error (error);
  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static void
append_squeezed (GString    *out,
                 const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
}

char *
test_pdf_text (PopplerDocument *doc)
{
  GString *out = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      g_autofree char *text = poppler_page_get_text (page);

      append_squeezed (out, text);
    }
  return g_string_free (out, FALSE);
}

gssize
test_text_position (const char *text,
                    const char *needle)
{
  g_autoptr(GString) squeezed = g_string_new (NULL);
  const char *found;

  append_squeezed (squeezed, needle);
  found = strstr (text, squeezed->str);
  return found != NULL ? found - text : -1;
}

gboolean
test_text_has (const char *text,
               const char *needle)
{
  return test_text_position (text, needle) >= 0;
}
