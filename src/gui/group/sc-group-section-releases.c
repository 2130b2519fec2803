/* sc-group-section-releases.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Releases to HR in the Group Analysis section: the implementer's list with "Withdraw",
 * "Release to HR…", and HR's read-only view of a released snapshot.
 */
#define G_LOG_DOMAIN "sc-group-section"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-group-section-private.h"
#include "sc-compat.h"
#include "sc-vault-async.h"
#include "sc-vault-releases.h"

/* ---- releases to HR ------------------------------------------------------------------ */

static char *
format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (unix_time);

  return time != NULL ? g_date_time_format (time, "%Y-%m-%d %H:%M") : g_strdup ("?");
}

static char *
describe_release (const ScVaultRelease *release)
{
  g_autofree char *when = format_time (release->released_at);

  if (release->withdrawn_at > 0)
    {
      g_autofree char *withdrawn = format_time (release->withdrawn_at);

      /* Translators: a release to HR: when, who, and when it was withdrawn. */
      return g_strdup_printf (_("Released %s by %s; withdrawn %s"), when, release->released_by,
                              withdrawn);
    }
  /* Translators: a release to HR: when and who released it. */
  return g_strdup_printf (_("Released %s by %s"), when, release->released_by);
}

static void
on_withdraw_clicked_cb (GtkButton      *button,
                        ScGroupSection *self);

static void
show_releases_implementer (ScGroupSection *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->releases_list))) != NULL)
    gtk_list_box_remove (self->releases_list, child);
  for (guint i = 0; i < self->releases->len; i++)
    {
      const ScVaultRelease *release = g_ptr_array_index (self->releases, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = describe_release (release);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), release->title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (release->withdrawn_at == 0)
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_("_Withdraw"));
          g_autofree char *name = g_strdup_printf (_("Withdraw “%s”"), release->title);

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          g_object_set_data_full (G_OBJECT (button), "release-id",
                                  g_memdup2 (&release->id, sizeof release->id), g_free);
          g_signal_connect (button, "clicked", G_CALLBACK (on_withdraw_clicked_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      gtk_list_box_append (self->releases_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->releases_list), self->releases->len > 0);
}

static void
show_releases_hr (ScGroupSection *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (guint i = 0; i < self->releases->len; i++)
    {
      const ScVaultRelease *release = g_ptr_array_index (self->releases, i);
      g_autofree char *when = format_time (release->released_at);
      g_autofree char *item = g_strdup_printf ("%s (%s)", release->title, when);

      gtk_string_list_append (names, item);
    }
  self->updating = TRUE;
  adw_combo_row_set_model (self->release_row, G_LIST_MODEL (names));
  self->updating = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->hr_group), self->releases->len > 0);
  if (self->releases->len == 0)
    {
      _sc_group_section_set_table (self, NULL);
      _sc_group_section_show_message (self, _("Nothing Released Yet"),
                    _("The implementer has not released a group analysis to HR. Released "
                      "analyses appear here, read-only."));
      return;
    }
  sc_group_section_open_release (self, 0);
}

void
_sc_group_section_reload_releases (ScGroupSection *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *releases = sc_vault_list_releases (self->vault, &error);

  if (releases == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The releases could not be listed: %s"),
                                                  error->message);

      _sc_group_section_toast (self, message);
      releases = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_vault_release_free);
    }
  g_clear_pointer (&self->releases, g_ptr_array_unref);
  self->releases = releases;
  if (_sc_group_section_is_implementer (self))
    show_releases_implementer (self);
  else
    show_releases_hr (self);
}

GPtrArray *
sc_group_section_get_releases (ScGroupSection *self)
{
  g_return_val_if_fail (SC_IS_GROUP_SECTION (self), NULL);
  return self->releases;
}

void
sc_group_section_open_release (ScGroupSection *self,
                               guint           index)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *snapshot = NULL;
  g_autofree char *released = NULL;
  const ScVaultRelease *release;
  ScGroupTable *table = NULL;

  g_return_if_fail (SC_IS_GROUP_SECTION (self));
  g_return_if_fail (self->releases != NULL && index < self->releases->len);

  release = g_ptr_array_index (self->releases, index);
  if (adw_combo_row_get_selected (self->release_row) != index)
    {
      self->updating = TRUE;
      adw_combo_row_set_selected (self->release_row, index);
      self->updating = FALSE;
    }
  /* SECURITY: HR's key opens the snapshot; the core audits the read. */
  snapshot = sc_vault_open_release (self->vault, release->id, &error);
  if (snapshot != NULL)
    table = sc_group_table_new_from_snapshot (snapshot, &error);
  _sc_group_section_set_table (self, table);
  if (table == NULL)
    {
      _sc_group_section_show_message (self, _("This Release Could Not Be Opened"), error->message);
      return;
    }
  released = describe_release (release);
  gtk_label_set_text (self->released_label, released);
  gtk_widget_set_visible (GTK_WIDGET (self->released_label), TRUE);
  _sc_group_section_show_table (self);
}

void
_sc_group_section_on_release_row_selected (ScGroupSection *self)
{
  guint selected = adw_combo_row_get_selected (self->release_row);

  if (!self->updating && self->releases != NULL && selected < self->releases->len)
    sc_group_section_open_release (self, selected);
}

void
_sc_group_section_on_print_release_clicked (ScGroupSection *self)
{
  guint selected = adw_combo_row_get_selected (self->release_row);

  if (self->releases == NULL || selected >= self->releases->len)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "workspace.print-release", "x",
                              ((ScVaultRelease *) g_ptr_array_index (self->releases,
                                                                     selected))->id);
}

static void
on_released_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ScGroupSection) self = user_data;
  g_autoptr(GError) error = NULL;

  if (sc_vault_release_analysis_finish (SC_VAULT (source), result, &error) > 0)
    _sc_group_section_toast (self, _("Released to HR"));
  else
    {
      g_autofree char *message = g_strdup_printf (_("Not released: %s"), error->message);

      _sc_group_section_toast (self, message);
    }
  _sc_group_section_set_busy (self, FALSE);
  _sc_group_section_reload_releases (self);
}

void
sc_group_section_release (ScGroupSection *self,
                          const char     *title,
                          const char     *released_by)
{
  g_autofree char *snapshot = NULL;

  g_return_if_fail (SC_IS_GROUP_SECTION (self));
  g_return_if_fail (title != NULL && released_by != NULL);

  if (self->busy || self->table == NULL || !_sc_group_section_is_implementer (self))
    return;
  /* The snapshot holds what is shown, never a hidden group's figures (the core's rule). */
  snapshot = sc_group_table_to_json (self->table);
  _sc_group_section_set_busy (self, TRUE);
  sc_vault_release_analysis_async (self->vault, self->round_id, title, released_by, snapshot,
                                   NULL, on_released_cb, g_object_ref (self));
}

static const char *
entry_text (GtkWidget *list,
            guint      index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), (int) index);

  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
on_release_answered_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(ScGroupSection) self = user_data;
  GtkWidget *dialog = GTK_WIDGET (source);
  GtkWidget *list = g_object_get_data (G_OBJECT (dialog), "entries");
  const char *response = sc_compat_message_dialog_choose_finish (dialog, result);
  g_autofree char *title = g_strdup (entry_text (list, 0));
  g_autofree char *who = g_strdup (entry_text (list, 1));

  if (g_strcmp0 (response, "release") != 0)
    return;
  g_strstrip (title);
  g_strstrip (who);
  if (*title == '\0' || *who == '\0')
    {
      _sc_group_section_toast (self, _("Not released: a title and your name are needed."));
      return;
    }
  sc_group_section_release (self, title, who);
}

void
_sc_group_section_on_release_clicked (ScGroupSection *self)
{
  static const char * const by_names[SC_GROUP_BY_N] = {
    N_("whole workplace"), N_("by department"), N_("by sex"), N_("by age band"),
    N_("by job type"), N_("by position"), N_("by employment type"),
  };
  GtkWidget *dialog;
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *title_row = adw_entry_row_new ();
  GtkWidget *who_row = adw_entry_row_new ();
  g_autofree char *title = NULL;

  if (self->table == NULL)
    return;
  title = g_strdup (_(by_names[self->grouping.by]));
  if (self->grouping.cross != SC_GROUP_BY_WHOLE)
    {
      g_autofree char *crossed = g_strdup_printf ("%s × %s", title,
                                                  _(by_names[self->grouping.cross]));

      g_free (title);
      title = g_steal_pointer (&crossed);
    }
  dialog = sc_compat_message_dialog_new (_("Release to HR?"),
                                         _("HR will see this table and these charts as shown "
                                           "here, with the date and your name. Hidden groups "
                                           "stay hidden. You can withdraw the release later."));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (title_row), _("Title"));
  gtk_editable_set_text (GTK_EDITABLE (title_row), title);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (who_row), _("Your name"));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), title_row);
  gtk_list_box_append (GTK_LIST_BOX (list), who_row);
  g_object_set_data (G_OBJECT (dialog), "entries", list);
  sc_compat_message_dialog_set_extra_child (dialog, list);
  sc_compat_message_dialog_add_response (dialog, "cancel", _("_Cancel"), SC_RESPONSE_DEFAULT);
  sc_compat_message_dialog_add_response (dialog, "release", _("_Release"), SC_RESPONSE_SUGGESTED);
  sc_compat_message_dialog_set_default_response (dialog, "release");
  sc_compat_message_dialog_set_close_response (dialog, "cancel");
  sc_compat_message_dialog_choose (dialog, GTK_WIDGET (self), NULL, on_release_answered_cb,
                                   g_object_ref (self));
}

static void
on_withdrawn_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ScGroupSection) self = user_data;
  g_autoptr(GError) error = NULL;

  if (sc_vault_withdraw_release_finish (SC_VAULT (source), result, &error))
    _sc_group_section_toast (self, _("Release withdrawn: HR no longer sees it"));
  else
    {
      g_autofree char *message = g_strdup_printf (_("Not withdrawn: %s"), error->message);

      _sc_group_section_toast (self, message);
    }
  _sc_group_section_set_busy (self, FALSE);
  _sc_group_section_reload_releases (self);
}

void
sc_group_section_withdraw (ScGroupSection *self,
                           gint64          release_id)
{
  g_return_if_fail (SC_IS_GROUP_SECTION (self));

  if (self->busy || !_sc_group_section_is_implementer (self))
    return;
  _sc_group_section_set_busy (self, TRUE);
  sc_vault_withdraw_release_async (self->vault, release_id, NULL, on_withdrawn_cb,
                                   g_object_ref (self));
}

static void
on_withdraw_answered_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(ScGroupSection) self = user_data;
  GtkWidget *dialog = GTK_WIDGET (source);
  gint64 *id = g_object_get_data (G_OBJECT (dialog), "release-id");

  if (g_strcmp0 (sc_compat_message_dialog_choose_finish (dialog, result), "withdraw") == 0)
    sc_group_section_withdraw (self, *id);
}

static void
on_withdraw_clicked_cb (GtkButton      *button,
                        ScGroupSection *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "release-id");
  GtkWidget *dialog = sc_compat_message_dialog_new (_("Withdraw This Release?"),
                                                    _("HR will no longer see this analysis. "
                                                      "The release stays in the list, marked "
                                                      "withdrawn, and the audit log records "
                                                      "it."));

  g_object_set_data_full (G_OBJECT (dialog), "release-id", g_memdup2 (id, sizeof *id), g_free);
  sc_compat_message_dialog_add_response (dialog, "cancel", _("_Cancel"), SC_RESPONSE_DEFAULT);
  sc_compat_message_dialog_add_response (dialog, "withdraw", _("_Withdraw"),
                                         SC_RESPONSE_DESTRUCTIVE);
  sc_compat_message_dialog_set_close_response (dialog, "cancel");
  sc_compat_message_dialog_choose (dialog, GTK_WIDGET (self), NULL, on_withdraw_answered_cb,
                                   g_object_ref (self));
}

