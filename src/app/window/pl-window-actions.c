/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pl-application.h"
#include "pl-export-dialog.h"
#include "pl-pillar-editor.h"
#include "pl-utils.h"
#include "pl-window-private.h"

/* The window's commands (win.*), their shortcuts, and the tab menu. */

/* ---- save a copy ---- */

gboolean
pl_window_save_copy (PlWindow    *self,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) dest = NULL;

  g_return_val_if_fail (PL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->document == NULL || self->closed)
    {
      g_set_error_literal (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_FAILED, _("There is no document to copy"));
      return FALSE;
    }
  source = g_file_new_for_path (pl_document_get_path (self->document));
  dest = g_file_new_for_path (path);
  if (g_file_equal (source, dest))
    {
      g_set_error_literal (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_EXISTS,
                           _("Choose another name: a copy cannot replace its original"));
      return FALSE;
    }
  /* Everything typed goes into the main file first (a WAL checkpoint). */
  if (!pl_window_flush (self, error))
    return FALSE;
  return g_file_copy (source, dest, G_FILE_COPY_OVERWRITE | G_FILE_COPY_TARGET_DEFAULT_PERMS,
                      NULL, NULL, NULL, error);
}

static void
save_copy_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       PlWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    {
      if (!g_str_has_suffix (path, ".pillars"))
        {
          char *with = g_strconcat (path, ".pillars", NULL);

          g_free (path);
          path = with;
        }
      if (!pl_window_save_copy (self, path, &error))
        pl_window_show_error (self, _("Could Not Save a Copy"), error);
      else if (PL_IS_APPLICATION (app))
        pl_application_open_path (PL_APPLICATION (app), path);
    }
  g_object_unref (chooser);
}

static void
ask_save_copy (PlWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *base = pl_display_name_for_path (pl_document_get_path (self->document));
  /* Translators: the suggested name of a copy, "%s" is the original's name */
  g_autofree char *name = g_strdup_printf (_("%s (copy).pillars"), base);

  chooser = gtk_file_chooser_native_new (_("Save a Copy"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Strategies"));
  gtk_file_filter_add_pattern (filter, "*.pillars");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (save_copy_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- pillars ---- */

static void
confirm_remove_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   PlWindow         *self)
{
  PlPillar *pillar = g_object_get_data (G_OBJECT (dialog), "pl-pillar");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete") || self->closed || pl_record_is_deleted (PL_RECORD (pillar)))
    return;
  pl_autosave_flush (self->autosave, NULL);
  if (!pl_document_delete (self->document, PL_RECORD (pillar), &error))
    pl_window_show_error (self, _("Could Not Delete the Pillar"), error);
  else
    pl_window_offer_undo (self, PL_RECORD (pillar), _("Pillar deleted"));
}

void
pl_window_ask_remove_pillar (PlWindow *self,
                   PlPillar *pillar)
{
  GtkWidget *dialog;
  g_autofree char *heading = NULL;
  GListModel *objectives;
  guint n_objectives;
  g_autofree char *body = NULL;

  if (!pl_window_is_editable (self))
    return;
  objectives = pl_document_get_objectives (self->document, pillar);
  n_objectives = g_list_model_get_n_items (objectives);
  heading = g_strdup_printf (_("Delete “%s”?"), pl_pillar_get_title (pillar));
  body = g_strdup_printf (g_dngettext (NULL,
                                       "The pillar, its narrative and its %u objective with their actions are removed from the strategy. Feedback on it is kept.",
                                       "The pillar, its narrative and its %u objectives with their actions are removed from the strategy. Feedback on it is kept.",
                                       n_objectives),
                          n_objectives);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "pl-pillar", g_object_ref (pillar), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_remove_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
menu_closed_cb (gpointer data)
{
  PlWindow *self = data;

  self->menu_closed_id = 0;
  self->menu_page = NULL;
  pl_window_update_page_actions (self);
  return G_SOURCE_REMOVE;
}

void
pl_window_setup_menu_cb (AdwTabView *view,
               AdwTabPage *page,
               PlWindow   *self)
{
  gboolean pillar = pl_window_page_editor (page) != NULL && pl_window_is_editable (self);

  /* The menu closed: once its item has run, act on the front tab again. */
  if (page == NULL)
    {
      if (self->menu_closed_id == 0)
        self->menu_closed_id = g_idle_add (menu_closed_cb, self);
      return;
    }

  self->menu_page = page;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-pillar", pillar);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.move-pillar-left", pillar);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.move-pillar-right", pillar);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-pillar", pillar);
}

void
pl_window_update_page_actions (PlWindow *self)
{
  gboolean editable = pl_window_is_editable (self);
  gboolean pillar = pl_window_front_editor (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-objective", editable && pillar);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-action", editable && pillar);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", pillar);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-pillar", editable && pillar);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.move-pillar-left", editable && pillar);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.move-pillar-right", editable && pillar);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-pillar", editable && pillar);
}

/* ---- actions ---- */

static void
window_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PlWindow *self = PL_WINDOW (widget);
  PlPillarEditor *editor = pl_window_front_editor (self);
  AdwTabPage *target_page = self->menu_page ? self->menu_page : adw_tab_view_get_selected_page (self->tab_view);
  PlPillarEditor *target_editor = pl_window_page_editor (target_page);

  self->menu_page = NULL;

  if (g_str_equal (action_name, "win.close"))
    gtk_window_close (GTK_WINDOW (self));
  else if (g_str_equal (action_name, "win.flush"))
    {
      g_autoptr(GError) error = NULL;

      if (self->document != NULL && !pl_window_flush (self, &error))
        pl_window_show_error (self, _("Could Not Save"), error);
    }
  else if (self->document == NULL || self->closed)
    return;
  else if (g_str_equal (action_name, "win.save-copy"))
    ask_save_copy (self);
  else if (g_str_equal (action_name, "win.export"))
    {
      GtkWidget *dialog;

      pl_window_flush (self, NULL);
      dialog = pl_export_dialog_new (GTK_WINDOW (self), self->document);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else if (g_str_equal (action_name, "win.new-pillar"))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PlPillar) pillar = NULL;

      if (!pl_window_is_editable (self))
        return;
      pillar = pl_document_add (self->document, PL_TYPE_PILLAR, NULL, -1, &error,
                                "title", _("New pillar"), NULL);
      if (pillar == NULL)
        pl_window_show_error (self, _("Could Not Add a Pillar"), error);
      else
        {
          AdwTabPage *page = pl_window_get_pillar_page (self, pillar);

          if (page != NULL)
            adw_tab_view_set_selected_page (self->tab_view, page);
        }
    }
  else if (g_str_equal (action_name, "win.new-objective"))
    {
      if (editor != NULL)
        pl_pillar_editor_add_objective (editor);
    }
  else if (g_str_equal (action_name, "win.new-action"))
    {
      if (editor != NULL)
        pl_pillar_editor_add_action (editor);
    }
  else if (g_str_equal (action_name, "win.find"))
    {
      if (editor != NULL)
        pl_pillar_editor_start_search (editor);
    }
  else if (g_str_equal (action_name, "win.next-tab"))
    adw_tab_view_select_next_page (self->tab_view);
  else if (g_str_equal (action_name, "win.previous-tab"))
    adw_tab_view_select_previous_page (self->tab_view);
  else if (g_str_equal (action_name, "win.select-tab"))
    {
      int index = g_variant_get_int32 (parameter);

      if (index >= 0 && index < adw_tab_view_get_n_pages (self->tab_view))
        adw_tab_view_set_selected_page (self->tab_view, adw_tab_view_get_nth_page (self->tab_view, index));
    }
  else if (g_str_equal (action_name, "win.rename-pillar"))
    {
      if (target_editor != NULL)
        {
          adw_tab_view_set_selected_page (self->tab_view, target_page);
          pl_pillar_editor_show_passage (target_editor, NULL, NULL);
          pl_pillar_editor_focus_title (target_editor);
        }
    }
  else if (g_str_equal (action_name, "win.move-pillar-left") ||
           g_str_equal (action_name, "win.move-pillar-right"))
    {
      if (target_editor != NULL && pl_window_is_editable (self))
        {
          g_autoptr(GError) error = NULL;
          PlPillar *pillar = pl_pillar_editor_get_pillar (target_editor);
          int n = (int) g_list_model_get_n_items (pl_document_get_pillars (self->document));
          int pos = (int) pl_record_get_position (PL_RECORD (pillar));
          int wanted = pos + (g_str_equal (action_name, "win.move-pillar-left") ? -1 : 1);

          if (wanted >= 0 && wanted < n &&
              !pl_document_move (self->document, PL_RECORD (pillar), (guint) wanted, &error))
            pl_window_show_error (self, _("Could Not Move the Pillar"), error);
        }
    }
  else if (g_str_equal (action_name, "win.remove-pillar"))
    {
      if (target_editor != NULL)
        pl_window_ask_remove_pillar (self, pl_pillar_editor_get_pillar (target_editor));
    }
}


void
pl_window_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.close", NULL, window_action_cb);
  gtk_widget_class_install_action (widget_class, "win.flush", NULL, window_action_cb);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, window_action_cb);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, window_action_cb);
  gtk_widget_class_install_action (widget_class, "win.new-pillar", NULL, window_action_cb);
  gtk_widget_class_install_action (widget_class, "win.new-objective", NULL, window_action_cb);
  gtk_widget_class_install_action (widget_class, "win.new-action", NULL, window_action_cb);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, window_action_cb);
  gtk_widget_class_install_action (widget_class, "win.next-tab", NULL, window_action_cb);
  gtk_widget_class_install_action (widget_class, "win.previous-tab", NULL, window_action_cb);
  gtk_widget_class_install_action (widget_class, "win.select-tab", "i", window_action_cb);
  gtk_widget_class_install_action (widget_class, "win.rename-pillar", NULL, window_action_cb);
  gtk_widget_class_install_action (widget_class, "win.move-pillar-left", NULL, window_action_cb);
  gtk_widget_class_install_action (widget_class, "win.move-pillar-right", NULL, window_action_cb);
  gtk_widget_class_install_action (widget_class, "win.remove-pillar", NULL, window_action_cb);
  gtk_widget_class_install_property_action (widget_class, "win.toggle-feedback", "feedback-visible");
  gtk_widget_class_install_property_action (widget_class, "win.status", "status");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.flush", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.new-pillar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.new-objective", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.new-action", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-feedback", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.rename-pillar", NULL);
  /* AdwTabView handles Ctrl+Page Up/Down, Alt+1…9 and Ctrl+Shift+Page
   * Up/Down (move the tab); these are for when the focus is elsewhere. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "win.next-tab", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "win.previous-tab", NULL);
  for (int i = 0; i < 9; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK, "win.select-tab", "i", i);
}
