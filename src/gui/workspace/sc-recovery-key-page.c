/* sc-recovery-key-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-recovery-key-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sc-recovery-key-page.h"
#include "sc-compat.h"
#include "sc-secure.h"

/* Groups of four characters per line. */
#define GROUPS_PER_LINE 4

struct _ScRecoveryKeyPage
{
  AdwBin          parent_instance;

  /* Template children */
  GtkLabel       *key_label;
  GtkCheckButton *confirm_check;
  GtkButton      *continue_button;
  GtkLabel       *status_label;
};

G_DEFINE_FINAL_TYPE (ScRecoveryKeyPage, sc_recovery_key_page, ADW_TYPE_BIN)

enum {
  SIGNAL_CONFIRMED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* SECURITY: the key stays on screen no longer than needed. GtkLabel's copies of the text
 * are ordinary memory, which is why the page keeps no copy of its own. */
static void
forget_key (ScRecoveryKeyPage *self)
{
  if (self->key_label != NULL)
    gtk_label_set_text (self->key_label, "");
}

/* The key as typed for recovery ("XXXX-XXXX-…"), from the label; wipe it after use. */
static char *
dup_key (ScRecoveryKeyPage *self)
{
  char *key = g_strdup (gtk_label_get_text (self->key_label));

  g_strdelimit (key, " \n", '-');
  return key;
}

static void
show_status (ScRecoveryKeyPage *self,
             const char        *message)
{
  gtk_label_set_text (self->status_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
}

gboolean
sc_recovery_key_page_save_to_file (ScRecoveryKeyPage  *self,
                                   GFile              *file,
                                   GError            **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *key = NULL;
  g_autofree char *text = NULL;
  gboolean ok;
  int fd, saved_errno = 0;

  g_return_val_if_fail (SC_IS_RECOVERY_KEY_PAGE (self), FALSE);

  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Only a file on this PC or on a drive attached to it can be "
                             "saved."));
      return FALSE;
    }
  key = dup_key (self);
  text = g_strdup_printf ("%s\n\n%s\n\n%s\n", _("Stress Check recovery key"), key,
                          _("It opens the vault if the implementer's passphrase is forgotten. "
                            "Keep this file locked away, apart from the PC."));
  /* SECURITY: only the owner may read it, also when an older file is replaced. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  ok = fd >= 0 && fchmod (fd, 0600) == 0 && write (fd, text, strlen (text)) == (gssize) strlen (text)
       && fsync (fd) == 0;
  if (!ok)
    saved_errno = errno;
  if (fd >= 0 && close (fd) != 0 && ok)
    {
      ok = FALSE;
      saved_errno = errno;
    }
  sc_secure_wipe (key, strlen (key));
  sc_secure_wipe (text, strlen (text));
  if (!ok)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The key could not be saved: %s"), g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

static void
on_save_chosen_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (ScRecoveryKeyPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = sc_compat_save_file_finish (result, &error);

  if (file == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_status (self, error->message);
      return;
    }
  if (sc_recovery_key_page_save_to_file (self, file, &error))
    show_status (self, _("The key was saved. Keep the file locked away, apart from this PC."));
  else
    show_status (self, error->message);
}

static void
on_save_button_clicked_cb (ScRecoveryKeyPage *self)
{
  sc_compat_save_file_async (GTK_WIDGET (self), _("Save the Recovery Key"),
                             _("recovery-key.txt"), NULL, NULL, on_save_chosen_cb,
                             g_object_ref (self));
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 ScRecoveryKeyPage *self)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  g_autoptr (PangoLayout) layout = gtk_print_context_create_pango_layout (context);
  g_autoptr (PangoFontDescription) font = NULL;
  int height;

  font = pango_font_description_from_string ("Sans Bold 16");
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, _("Stress Check recovery key"), -1);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_pixel_size (layout, NULL, &height);

  pango_font_description_free (g_steal_pointer (&font));
  font = pango_font_description_from_string ("Monospace 22");
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, gtk_label_get_text (self->key_label), -1);
  cairo_move_to (cr, 0, 3 * height);
  pango_cairo_show_layout (cr, layout);
}

GtkPrintOperationResult
sc_recovery_key_page_print (ScRecoveryKeyPage       *self,
                            GtkPrintOperationAction  action,
                            const char              *export_path,
                            GError                 **error)
{
  g_autoptr (GtkPrintOperation) operation = gtk_print_operation_new ();
  GtkRoot *root;

  g_return_val_if_fail (SC_IS_RECOVERY_KEY_PAGE (self), GTK_PRINT_OPERATION_RESULT_ERROR);

  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_job_name (operation, _("Recovery key"));
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), self);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  return gtk_print_operation_run (operation, action,
                                  GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, error);
}

static void
on_print_button_clicked_cb (ScRecoveryKeyPage *self)
{
  g_autoptr (GError) error = NULL;

  if (sc_recovery_key_page_print (self, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_status (self, error->message);
}

static void
on_continue_button_clicked_cb (GtkButton         *button,
                               ScRecoveryKeyPage *self)
{
  if (!gtk_check_button_get_active (self->confirm_check))
    return;

  forget_key (self);
  g_signal_emit (self, signals[SIGNAL_CONFIRMED], 0);
}

static gboolean
sc_recovery_key_page_grab_focus (GtkWidget *widget)
{
  ScRecoveryKeyPage *self = SC_RECOVERY_KEY_PAGE (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->confirm_check));
}

static void
sc_recovery_key_page_dispose (GObject *object)
{
  ScRecoveryKeyPage *self = SC_RECOVERY_KEY_PAGE (object);

  forget_key (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_RECOVERY_KEY_PAGE);

  G_OBJECT_CLASS (sc_recovery_key_page_parent_class)->dispose (object);
}

static void
sc_recovery_key_page_class_init (ScRecoveryKeyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_recovery_key_page_dispose;

  widget_class->grab_focus = sc_recovery_key_page_grab_focus;

  /**
   * ScRecoveryKeyPage::confirmed:
   *
   * The person wrote the key down and pressed Continue.
   */
  signals[SIGNAL_CONFIRMED] =
    g_signal_new ("confirmed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sc-recovery-key-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScRecoveryKeyPage, key_label);
  gtk_widget_class_bind_template_child (widget_class, ScRecoveryKeyPage, confirm_check);
  gtk_widget_class_bind_template_child (widget_class, ScRecoveryKeyPage, continue_button);
  gtk_widget_class_bind_template_child (widget_class, ScRecoveryKeyPage, status_label);
  gtk_widget_class_bind_template_callback (widget_class, on_save_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_print_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_continue_button_clicked_cb);
}

static void
sc_recovery_key_page_init (ScRecoveryKeyPage *self)
{
  g_autoptr (GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr (GPropertyAction) toggle = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* A check button offers screen readers no action to press: this one, on the check button
   * itself, ticks or unticks it. */
  toggle = g_property_action_new ("toggle", self->confirm_check, "active");
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (toggle));
  gtk_widget_insert_action_group (GTK_WIDGET (self->confirm_check), "check",
                                  G_ACTION_GROUP (group));
}

/* "ABCD-EFGH-…" as lines of GROUPS_PER_LINE groups separated by spaces, which is easier to
 * copy by hand; recovery ignores spaces and hyphens. */
char *
sc_recovery_key_format (const char *recovery_key)
{
  GString *text = g_string_sized_new (2 * strlen (recovery_key));
  guint group = 0;

  for (const char *p = recovery_key; *p != '\0'; p++)
    {
      if (*p == '-' || *p == ' ')
        {
          group++;
          g_string_append_c (text, group % GROUPS_PER_LINE == 0 ? '\n' : ' ');
          continue;
        }
      g_string_append_c (text, *p);
    }

  return g_string_free (text, FALSE);
}

GtkWidget *
sc_recovery_key_page_new (const char *recovery_key)
{
  ScRecoveryKeyPage *self;
  char *text;

  g_return_val_if_fail (recovery_key != NULL, NULL);

  self = g_object_new (SC_TYPE_RECOVERY_KEY_PAGE, NULL);

  text = sc_recovery_key_format (recovery_key);
  gtk_label_set_text (self->key_label, text);
  sc_secure_wipe (text, strlen (text));
  g_free (text);

  return GTK_WIDGET (self);
}

GtkWidget *
sc_recovery_key_dialog_new (const char *recovery_key,
                            const char *body)
{
  g_autofree char *text = NULL;
  GtkWidget *dialog, *label;

  g_return_val_if_fail (recovery_key != NULL, NULL);

  dialog = sc_compat_message_dialog_new (_("Write Down the New Recovery Key"), body);
  text = sc_recovery_key_format (recovery_key);
  label = gtk_label_new (text);
  /* SECURITY: the label keeps its own copy; this one is wiped now. */
  sc_secure_wipe (text, strlen (text));
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "card");
  gtk_widget_add_css_class (label, "sc-recovery-key");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Recovery key"), -1);
  sc_compat_message_dialog_set_extra_child (dialog, label);
  sc_compat_message_dialog_add_response (dialog, "done", _("I Wrote It _Down"),
                                         SC_RESPONSE_SUGGESTED);
  sc_compat_message_dialog_set_close_response (dialog, "done");
  return dialog;
}
