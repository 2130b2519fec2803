/* sc-paper-entry-dialog.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-paper-entry-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-paper-entry-dialog.h"
#include "sc-paper-entry.h"
#include "sc-result-format.h"
#include "sc-score.h"

#include <string.h>

#define N_PASSES 2

struct _ScPaperEntryDialog
{
  AdwWindow     parent_instance;

  /* Template children */
  AdwEntryRow  *number_row;
  AdwEntryRow  *date_row;
  AdwPreferencesGroup *pass_groups[N_PASSES];
  GtkLabel     *mismatch_label;
  GtkLabel     *missing_label;
  GtkLabel     *message_label;
  GtkButton    *save_button;

  /* Owned references */
  ScVault      *vault;
  ScPaperEntry *entry;
  GCancellable *cancellable;

  /* Borrowed references: the section fields, built in code */
  AdwEntryRow  *fields[N_PASSES][SC_BJSQ_N_SECTIONS];

  /* Plain state */
  gint64        round_id;
  gboolean      busy;
};

G_DEFINE_FINAL_TYPE (ScPaperEntryDialog, sc_paper_entry_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_VAULT,
  PROP_ROUND_ID,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

const char *
sc_paper_entry_dialog_get_message (ScPaperEntryDialog *self)
{
  g_return_val_if_fail (SC_IS_PAPER_ENTRY_DIALOG (self), "");

  return gtk_label_get_text (self->message_label);
}

gboolean
sc_paper_entry_dialog_get_busy (ScPaperEntryDialog *self)
{
  g_return_val_if_fail (SC_IS_PAPER_ENTRY_DIALOG (self), FALSE);

  return self->busy;
}

static void
set_busy (ScPaperEntryDialog *self,
          gboolean            busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), !busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_message (ScPaperEntryDialog *self,
              const char         *message)
{
  gtk_label_set_text (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL && *message);
}

/* Reads one pass from its four fields. Digits 1–4 are answers; 0, - and a space are "no
 * answer", as is anything left untyped at the end of a field. Returns FALSE, naming the
 * item, for any other character. */
static gboolean
read_pass (ScPaperEntryDialog *self,
           guint               pass,
           guint8              answers[SC_BJSQ_N_ITEMS],
           GError            **error)
{
  memset (answers, SC_ANSWER_MISSING, SC_BJSQ_N_ITEMS);
  for (guint section = 0; section < SC_BJSQ_N_SECTIONS; section++)
    {
      const ScSectionInfo *info = sc_bjsq_section (section);
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->fields[pass][section]));
      guint n = 0;

      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        {
          /* Full-width digits, as a Japanese input method types them, count too. */
          gunichar c = g_unichar_isdigit (g_utf8_get_char (p))
                       ? (gunichar) ('0' + g_unichar_digit_value (g_utf8_get_char (p)))
                       : g_utf8_get_char (p);
          guint item = info->first_item + n;
          char typed[8] = { 0 };

          if (n >= info->n_items)
            {
              g_set_error (error, SC_PAPER_ENTRY_ERROR, SC_PAPER_ENTRY_ERROR_NOT_READY,
                           _("Pass %u, section %s: more than %u answers typed."),
                           pass + 1, info->id, info->n_items);
              return FALSE;
            }
          if (c >= '1' && c <= '4')
            answers[item] = (guint8) (c - '0');
          else if (c != '0' && c != '-' && c != ' ')
            {
              g_unichar_to_utf8 (c, typed);
              g_set_error (error, SC_PAPER_ENTRY_ERROR, SC_PAPER_ENTRY_ERROR_NOT_READY,
                           _("Pass %u, item %s: “%s” is not an answer (type 1–4, or 0 for none)."),
                           pass + 1, sc_bjsq_item (item)->id, typed);
              return FALSE;
            }
          n++;
        }
    }
  return TRUE;
}

/* Hands both passes to the core and lists what it finds: every mismatch with both
 * values, and the items left empty in both. */
static gboolean
update_check (ScPaperEntryDialog *self,
              GError            **error)
{
  guint8 answers[N_PASSES][SC_BJSQ_N_ITEMS];
  g_autoptr(GArray) mismatches = NULL;
  g_autoptr(GArray) missing = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint pass = 0; pass < N_PASSES; pass++)
    {
      if (!read_pass (self, pass, answers[pass], error))
        return FALSE;
      sc_paper_entry_set_pass (self->entry, pass + 1, answers[pass]);
    }

  mismatches = sc_paper_entry_get_mismatches (self->entry);
  for (guint i = 0; i < mismatches->len; i++)
    {
      const ScPaperMismatch *m = &g_array_index (mismatches, ScPaperMismatch, i);
      g_autofree char *first = m->first ? g_strdup_printf ("%u", m->first) : g_strdup (_("none"));
      g_autofree char *second = m->second ? g_strdup_printf ("%u", m->second) : g_strdup (_("none"));

      if (text->len > 0)
        g_string_append (text, ", ");
      /* Translators: one mismatch of the double entry: item, first and second value. */
      g_string_append_printf (text, _("%s: %s / %s"), m->item_id, first, second);
    }
  if (mismatches->len > 0)
    {
      g_autofree char *label =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u mismatch (first / second pass): %s",
                                      "%u mismatches (first / second pass): %s", mismatches->len),
                         mismatches->len, text->str);

      gtk_label_set_text (self->mismatch_label, label);
    }
  else
    gtk_label_set_text (self->mismatch_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->mismatch_label), mismatches->len > 0);

  g_string_truncate (text, 0);
  missing = sc_paper_entry_get_missing (self->entry);
  for (guint i = 0; i < missing->len; i++)
    {
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, sc_bjsq_item (g_array_index (missing, guint, i))->id);
    }
  if (missing->len > 0 && missing->len < SC_BJSQ_N_ITEMS)
    {
      g_autofree char *label =
        g_strdup_printf (_("No answer (allowed, flagged for review): %s"), text->str);

      gtk_label_set_text (self->missing_label, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->missing_label),
                          missing->len > 0 && missing->len < SC_BJSQ_N_ITEMS);
  return TRUE;
}

static void
on_field_changed_cb (GtkEditable        *editable,
                     ScPaperEntryDialog *self)
{
  g_autoptr(GError) error = NULL;

  show_message (self, NULL);
  if (!update_check (self, &error))
    show_message (self, error->message);

  /* A full field hands the keyboard on to the next one: one stream of digits per pass. */
  if (!gtk_widget_has_focus (GTK_WIDGET (editable))
      && gtk_widget_get_focus_child (GTK_WIDGET (editable)) == NULL)
    return;
  for (guint pass = 0; pass < N_PASSES; pass++)
    for (guint section = 0; section < SC_BJSQ_N_SECTIONS; section++)
      {
        guint length = g_utf8_strlen (gtk_editable_get_text (editable), -1);

        if (GTK_EDITABLE (self->fields[pass][section]) != editable
            || length != sc_bjsq_section (section)->n_items)
          continue;
        if (section + 1 < SC_BJSQ_N_SECTIONS)
          gtk_widget_grab_focus (GTK_WIDGET (self->fields[pass][section + 1]));
        else if (pass + 1 < N_PASSES)
          gtk_widget_grab_focus (GTK_WIDGET (self->fields[pass + 1][0]));
      }
}

static void
on_save_finished_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ScPaperEntryDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  set_busy (self, FALSE);
  if (!sc_paper_entry_save_finish (SC_PAPER_ENTRY (source), result, &error))
    {
      show_message (self, error->message);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0,
                 sc_paper_entry_get_submission_id (self->entry));
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_save_clicked_cb (GtkButton          *button,
                    ScPaperEntryDialog *self)
{
  g_autoptr(GError) error = NULL;
  const char *number = gtk_editable_get_text (GTK_EDITABLE (self->number_row));
  g_autofree char *trimmed = g_strstrip (g_strdup (number));
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));

  if (self->busy)
    return;
  show_message (self, NULL);
  /* Each refusal leaves the vault untouched: nothing is written before the save below. */
  if (g_strcmp0 (sc_paper_entry_get_employee (self->entry), trimmed) != 0
      && !sc_paper_entry_set_employee (self->entry, trimmed, &error))
    goto refused;
  if (!sc_paper_entry_set_answered_on (self->entry, date, &error))
    goto refused;
  if (!update_check (self, &error) || !sc_paper_entry_check (self->entry, &error))
    goto refused;

  set_busy (self, TRUE);
  sc_paper_entry_save_async (self->entry, self->cancellable, on_save_finished_cb,
                             g_object_ref (self));
  return;

refused:
  show_message (self, error->message);
}

static void
on_cancel_clicked_cb (GtkButton          *button,
                      ScPaperEntryDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
build_fields (ScPaperEntryDialog *self)
{
  for (guint pass = 0; pass < N_PASSES; pass++)
    for (guint section = 0; section < SC_BJSQ_N_SECTIONS; section++)
      {
        const ScSectionInfo *info = sc_bjsq_section (section);
        GtkWidget *row = adw_entry_row_new ();
        g_autofree char *title = NULL;

        /* Translators: "Section A: A1–A17 (17 digits)". */
        title = g_strdup_printf (_("Section %s: %s%u–%s%u (%u digits)"), info->id, info->id, 1,
                                 info->id, info->n_items, info->n_items);
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
        adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_DIGITS);
        gtk_widget_add_css_class (row, "monospace");
        g_signal_connect (row, "changed", G_CALLBACK (on_field_changed_cb), self);
        adw_preferences_group_add (self->pass_groups[pass], row);
        self->fields[pass][section] = ADW_ENTRY_ROW (row);
      }
}

static void
sc_paper_entry_dialog_constructed (GObject *object)
{
  ScPaperEntryDialog *self = SC_PAPER_ENTRY_DIALOG (object);
  g_autofree char *today = sc_result_today ();

  G_OBJECT_CLASS (sc_paper_entry_dialog_parent_class)->constructed (object);

  g_return_if_fail (SC_IS_VAULT (self->vault));
  self->entry = sc_paper_entry_new (self->vault, self->round_id);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  build_fields (self);
}

static void
sc_paper_entry_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ScPaperEntryDialog *self = SC_PAPER_ENTRY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      g_value_set_object (value, self->vault);
      break;
    case PROP_ROUND_ID:
      g_value_set_int64 (value, self->round_id);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_paper_entry_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  ScPaperEntryDialog *self = SC_PAPER_ENTRY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_VAULT:
      self->vault = g_value_dup_object (value);
      break;
    case PROP_ROUND_ID:
      self->round_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_paper_entry_dialog_dispose (GObject *object)
{
  ScPaperEntryDialog *self = SC_PAPER_ENTRY_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_PAPER_ENTRY_DIALOG);
  g_clear_object (&self->entry);
  g_clear_object (&self->vault);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (sc_paper_entry_dialog_parent_class)->dispose (object);
}

static void
sc_paper_entry_dialog_class_init (ScPaperEntryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sc_paper_entry_dialog_constructed;
  object_class->get_property = sc_paper_entry_dialog_get_property;
  object_class->set_property = sc_paper_entry_dialog_set_property;
  object_class->dispose = sc_paper_entry_dialog_dispose;

  properties[PROP_VAULT] =
    g_param_spec_object ("vault", NULL, NULL, SC_TYPE_VAULT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROUND_ID] =
    g_param_spec_int64 ("round-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                        G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ScPaperEntryDialog::saved:
   * @submission_id: the new submission
   */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/stresscheck/StressCheck/ui/sc-paper-entry-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ScPaperEntryDialog, number_row);
  gtk_widget_class_bind_template_child (widget_class, ScPaperEntryDialog, date_row);
  gtk_widget_class_bind_template_child_full (widget_class, "first_pass_group", FALSE,
                                             G_STRUCT_OFFSET (ScPaperEntryDialog, pass_groups[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "second_pass_group", FALSE,
                                             G_STRUCT_OFFSET (ScPaperEntryDialog, pass_groups[1]));
  gtk_widget_class_bind_template_child (widget_class, ScPaperEntryDialog, mismatch_label);
  gtk_widget_class_bind_template_child (widget_class, ScPaperEntryDialog, missing_label);
  gtk_widget_class_bind_template_child (widget_class, ScPaperEntryDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, ScPaperEntryDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sc_paper_entry_dialog_init (ScPaperEntryDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sc_paper_entry_dialog_new (ScVault *vault,
                           gint64   round_id)
{
  g_return_val_if_fail (SC_IS_VAULT (vault), NULL);

  return g_object_new (SC_TYPE_PAPER_ENTRY_DIALOG, "vault", vault, "round-id", round_id, NULL);
}
