/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pl-announcer.h"
#include "pl-export-dialog.h"
#include "pl-file-utils.h"
#include "pl-utils.h"
#include "pl-window-format.h"
#include "pl-window-private.h"

/* The window's commands (win.*), their shortcuts, and the tab menu. */

/* ---- save a copy ---- */

gboolean
pl_window_save_copy (PlWindow    *self,
                     const char  *path,
                     GError     **error)
{
  const char *source;

  g_return_val_if_fail (PL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->document == NULL || self->closed)
    {
      g_set_error_literal (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_FAILED, _("There is no document to copy"));
      return FALSE;
    }
  source = pl_document_get_path (self->document);
  /* The same file by any name: "./", a symbolic or a hard link. */
  if (pl_file_same_as (source, path))
    {
      g_set_error_literal (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_EXISTS,
                           _("Choose another name: a copy cannot replace its original"));
      return FALSE;
    }
  /* Everything typed goes into the main file first (a WAL checkpoint). */
  if (!pl_window_flush (self, error))
    return FALSE;
  /* Through a temporary file renamed into place: the copy is complete or
   * absent, private (0600) or with the mode of the file it replaces. */
  return pl_file_copy (source, path, error);
}

/* Opens @path as the application opens files from the command line (a
 * window of its own), without the window knowing the application's type. */
static void
open_in_application (PlWindow   *self,
                     const char *path)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(GFile) file = NULL;

  if (app == NULL || !g_application_get_is_registered (app) ||
      !(g_application_get_flags (app) & G_APPLICATION_HANDLES_OPEN))
    return;
  file = g_file_new_for_path (path);
  g_application_open (app, &file, 1, "");
}

static void
save_copy_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       PlWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

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
      else
        open_in_application (self, path);
    }
  g_object_unref (chooser);
}

static void
ask_save_copy (PlWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *base = pl_window_format_display_name (pl_document_get_path (self->document));
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

/* The tab a command acts on: the one whose context menu was opened, once,
 * else the front one. Every command takes it, so the menu's tab is
 * forgotten after one command. */
static AdwTabPage *
take_target_page (PlWindow *self)
{
  AdwTabPage *page = self->menu_page ? self->menu_page : adw_tab_view_get_selected_page (self->tab_view);

  self->menu_page = NULL;
  return page;
}

static gboolean
has_document (PlWindow *self)
{
  return self->document != NULL && !self->closed;
}

static void
win_close_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PlWindow *self = PL_WINDOW (widget);

  take_target_page (self);
  gtk_window_close (GTK_WINDOW (self));
}

static void
win_flush_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PlWindow *self = PL_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  take_target_page (self);
  if (self->document != NULL && !pl_window_flush (self, &error))
    pl_window_show_error (self, _("Could Not Save"), error);
  else if (self->document != NULL)
    /* Said, for a screen reader: the subtitle changes only if it was not. */
    pl_announcer_announce_in (widget, _("Saved"));
}

static void
win_save_copy_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PlWindow *self = PL_WINDOW (widget);

  take_target_page (self);
  if (has_document (self))
    ask_save_copy (self);
}

static void
exported_cb (PlExportDialog *dialog,
             const char     *path,
             PlWindow       *self)
{
  _pl_window_export_done (self, path, pl_export_dialog_get_report (dialog));
}

static void
open_export_dialog (PlWindow *self,
                    gboolean  for_review)
{
  GtkWidget *dialog;

  take_target_page (self);
  if (!has_document (self))
    return;
  pl_window_flush (self, NULL);
  dialog = pl_export_dialog_new (GTK_WINDOW (self), self->document);
  if (for_review)
    pl_export_dialog_set_for_review (PL_EXPORT_DIALOG (dialog), TRUE);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (exported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
win_export_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  open_export_dialog (PL_WINDOW (widget), FALSE);
}

/* The review copy that goes to every ministry before cabinet. */
static void
win_export_for_review_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  open_export_dialog (PL_WINDOW (widget), TRUE);
}

static void
win_new_pillar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PlWindow *self = PL_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPillar) pillar = NULL;
  AdwTabPage *page;

  take_target_page (self);
  if (!has_document (self) || !pl_window_is_editable (self))
    return;
  pillar = pl_document_add (self->document, PL_TYPE_PILLAR, NULL, -1, &error,
                            "title", _("New pillar"), NULL);
  if (pillar == NULL)
    {
      pl_window_show_error (self, _("Could Not Add a Pillar"), error);
      return;
    }
  page = pl_window_get_pillar_page (self, pillar);
  if (page != NULL)
    {
      /* Straight to naming it. */
      adw_tab_view_set_selected_page (self->tab_view, page);
      if (pl_window_page_editor (page) != NULL)
        pl_pillar_editor_focus_title (pl_window_page_editor (page));
    }
}

static void
win_new_objective_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  PlWindow *self = PL_WINDOW (widget);
  PlPillarEditor *editor = pl_window_front_editor (self);

  take_target_page (self);
  if (has_document (self) && editor != NULL)
    pl_pillar_editor_add_objective (editor);
}

static void
win_new_action_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PlWindow *self = PL_WINDOW (widget);
  PlPillarEditor *editor = pl_window_front_editor (self);

  take_target_page (self);
  if (has_document (self) && editor != NULL)
    pl_pillar_editor_add_action (editor);
}

static void
win_find_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PlWindow *self = PL_WINDOW (widget);
  PlPillarEditor *editor = pl_window_front_editor (self);

  take_target_page (self);
  if (has_document (self) && editor != NULL)
    pl_pillar_editor_start_search (editor);
}

static void
win_next_tab_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PlWindow *self = PL_WINDOW (widget);

  take_target_page (self);
  if (has_document (self))
    adw_tab_view_select_next_page (self->tab_view);
}

static void
win_previous_tab_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PlWindow *self = PL_WINDOW (widget);

  take_target_page (self);
  if (has_document (self))
    adw_tab_view_select_previous_page (self->tab_view);
}

static void
win_select_tab_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PlWindow *self = PL_WINDOW (widget);
  int index = g_variant_get_int32 (parameter);

  take_target_page (self);
  if (has_document (self) && index >= 0 && index < adw_tab_view_get_n_pages (self->tab_view))
    adw_tab_view_set_selected_page (self->tab_view, adw_tab_view_get_nth_page (self->tab_view, index));
}

static void
win_rename_pillar_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  PlWindow *self = PL_WINDOW (widget);
  AdwTabPage *page = take_target_page (self);
  PlPillarEditor *editor = pl_window_page_editor (page);

  if (!has_document (self) || editor == NULL)
    return;
  adw_tab_view_set_selected_page (self->tab_view, page);
  pl_pillar_editor_show_passage (editor, NULL, NULL);
  pl_pillar_editor_focus_title (editor);
}

/* Moves the pillar of the target tab by @delta places among the pillars. */
static void
move_pillar (PlWindow *self,
             int       delta)
{
  PlPillarEditor *editor = pl_window_page_editor (take_target_page (self));
  g_autoptr(GError) error = NULL;
  PlPillar *pillar;
  int n, wanted;

  if (!has_document (self) || editor == NULL || !pl_window_is_editable (self))
    return;
  pillar = pl_pillar_editor_get_pillar (editor);
  n = (int) g_list_model_get_n_items (pl_document_get_pillars (self->document));
  wanted = (int) pl_record_get_position (PL_RECORD (pillar)) + delta;
  if (wanted >= 0 && wanted < n &&
      !pl_document_move (self->document, PL_RECORD (pillar), (guint) wanted, &error))
    pl_window_show_error (self, _("Could Not Move the Pillar"), error);
}

static void
win_move_pillar_left_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  move_pillar (PL_WINDOW (widget), -1);
}

static void
win_move_pillar_right_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  move_pillar (PL_WINDOW (widget), +1);
}

static void
win_remove_pillar_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  PlWindow *self = PL_WINDOW (widget);
  PlPillarEditor *editor = pl_window_page_editor (take_target_page (self));

  if (has_document (self) && editor != NULL)
    pl_window_ask_remove_pillar (self, pl_pillar_editor_get_pillar (editor));
}

void
pl_window_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.close", NULL, win_close_action);
  gtk_widget_class_install_action (widget_class, "win.flush", NULL, win_flush_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, win_export_action);
  gtk_widget_class_install_action (widget_class, "win.export-for-review", NULL, win_export_for_review_action);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, win_save_copy_action);
  gtk_widget_class_install_action (widget_class, "win.new-pillar", NULL, win_new_pillar_action);
  gtk_widget_class_install_action (widget_class, "win.new-objective", NULL, win_new_objective_action);
  gtk_widget_class_install_action (widget_class, "win.new-action", NULL, win_new_action_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, win_find_action);
  gtk_widget_class_install_action (widget_class, "win.next-tab", NULL, win_next_tab_action);
  gtk_widget_class_install_action (widget_class, "win.previous-tab", NULL, win_previous_tab_action);
  gtk_widget_class_install_action (widget_class, "win.select-tab", "i", win_select_tab_action);
  gtk_widget_class_install_action (widget_class, "win.rename-pillar", NULL, win_rename_pillar_action);
  gtk_widget_class_install_action (widget_class, "win.move-pillar-left", NULL, win_move_pillar_left_action);
  gtk_widget_class_install_action (widget_class, "win.move-pillar-right", NULL, win_move_pillar_right_action);
  gtk_widget_class_install_action (widget_class, "win.remove-pillar", NULL, win_remove_pillar_action);
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
