/* sc-wrap.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-wrap"

#include "config.h"

#include "sc-wrap.h"

#include <string.h>

/* The attributes a label had before (from its .ui file), kept so that each change of text
 * starts again from them. */
#define BASE_ATTRS_KEY "sc-wrap-base-attributes"
#define WATCHED_KEY    "sc-wrap-watched"

/* Keeps the last characters of the paragraph text[0, @para_end) together in @attrs. */
static void
keep_tail (PangoAttrList *attrs,
           const char    *text,
           const char    *para_start,
           const char    *para_end)
{
  PangoAttribute *keep;
  const char *end = para_end;
  const char *start;
  guint n;

  /* The tail: the last characters, not counting trailing white space. */
  while (end > para_start && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (end))))
    end = g_utf8_prev_char (end);
  start = end;
  for (n = 0; n < SC_WRAP_KEEP_CHARACTERS && start > para_start; n++)
    start = g_utf8_prev_char (start);

  /* Short paragraphs have no orphan to fear. */
  if (g_utf8_strlen (para_start, end - para_start) <= 2 * SC_WRAP_KEEP_CHARACTERS)
    return;
  keep = pango_attr_allow_breaks_new (FALSE);
  keep->start_index = (guint) (start - text);
  keep->end_index = (guint) (end - text);
  pango_attr_list_insert (attrs, keep);
}

static void
apply_to_label (GtkLabel *label)
{
  const char *text = gtk_label_get_text (label);
  PangoAttrList *base = g_object_get_data (G_OBJECT (label), BASE_ATTRS_KEY);
  PangoAttrList *attrs;
  const char *para_start = text;

  attrs = base != NULL ? pango_attr_list_copy (base) : pango_attr_list_new ();

  /* Every paragraph (a label may hold several, one per line) ends with its own last line. */
  for (;;)
    {
      const char *newline = strchr (para_start, '\n');
      const char *para_end = newline != NULL ? newline : para_start + strlen (para_start);

      keep_tail (attrs, text, para_start, para_end);
      if (newline == NULL)
        break;
      para_start = newline + 1;
    }

  gtk_label_set_attributes (label, attrs);
  pango_attr_list_unref (attrs);
}

static void
on_label_text_changed_cb (GtkLabel   *label,
                          GParamSpec *pspec,
                          gpointer    user_data)
{
  apply_to_label (label);
}

static void
watch_label (GtkLabel *label)
{
  PangoAttrList *base;

  if (g_object_get_data (G_OBJECT (label), WATCHED_KEY) != NULL)
    return;
  g_object_set_data (G_OBJECT (label), WATCHED_KEY, GINT_TO_POINTER (TRUE));

  base = gtk_label_get_attributes (label);
  if (base != NULL)
    g_object_set_data_full (G_OBJECT (label), BASE_ATTRS_KEY, pango_attr_list_copy (base),
                            (GDestroyNotify) pango_attr_list_unref);
  /* "label" changes with every text set; the attributes are set after it. */
  g_signal_connect (label, "notify::label", G_CALLBACK (on_label_text_changed_cb), NULL);
  apply_to_label (label);
}

static void
watch_labels (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_label_get_wrap (GTK_LABEL (widget)))
    watch_label (GTK_LABEL (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    watch_labels (child);
}

static void
on_root_map_cb (GtkWidget *root,
                gpointer   user_data)
{
  watch_labels (root);
}

void
sc_wrap_keep_last_characters (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  watch_labels (root);
  if (g_object_get_data (G_OBJECT (root), WATCHED_KEY) == NULL)
    {
      g_object_set_data (G_OBJECT (root), WATCHED_KEY, GINT_TO_POINTER (TRUE));
      g_signal_connect (root, "map", G_CALLBACK (on_root_map_cb), NULL);
    }
}
