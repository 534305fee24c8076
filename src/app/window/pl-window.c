/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pl-application.h"
#include "pl-autosave.h"
#include "pl-export-dialog.h"
#include "pl-feedback-format.h"
#include "pl-feedback-pane.h"
#include "pl-overview-page.h"
#include "pl-pillar-editor.h"
#include "pl-plan-page.h"
#include "pl-utils.h"
#include "pl-window-format.h"
#include "pl-window-private.h"

G_DEFINE_FINAL_TYPE (PlWindow, pl_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_CURRENT_TARGET,
  PROP_FEEDBACK_VISIBLE,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void sync_pillar_pages (PlWindow *self);

gboolean
pl_window_is_editable (PlWindow *self)
{
  return self->document != NULL && !self->closed && !pl_document_is_read_only (self->document);
}

/* ---- header ---- */

static void
update_title (PlWindow *self)
{
  PlStrategy *strategy;
  const char *title;
  g_autofree char *subtitle = NULL;
  g_autofree char *live = NULL;
  const char *status;

  if (self->window_title == NULL)  /* disposed */
    return;
  if (self->document == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Pillars"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Pillars"));
      return;
    }
  strategy = pl_document_get_strategy (self->document);
  title = pl_strategy_get_title (strategy);
  if (title == NULL || *title == '\0')
    title = _("Untitled strategy");
  status = pl_enum_to_label (PL_TYPE_LIFECYCLE, pl_strategy_get_status (strategy));

  live = self->feedback_pane ? pl_feedback_format_live (pl_feedback_pane_get_active_workshop (self->feedback_pane)) : NULL;
  subtitle = pl_window_format_subtitle (pl_strategy_get_status (strategy),
                                        pl_document_is_read_only (self->document),
                                        pl_autosave_get_pending (self->autosave),
                                        self->save_failed,
                                        live);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_menu_button_set_label (self->status_button, status);
}

static void
pending_cb (PlWindow *self)
{
  if (self->autosave != NULL && !pl_autosave_get_pending (self->autosave))
    self->save_failed = FALSE;
  update_title (self);
}

static void
strategy_notify_cb (PlStrategy *strategy,
                    GParamSpec *pspec,
                    PlWindow   *self)
{
  update_title (self);
  if (g_str_equal (g_param_spec_get_name (pspec), "status"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

static const char *
get_status (PlWindow *self)
{
  if (self->document == NULL)
    return "drafting";
  return pl_enum_to_nick (PL_TYPE_LIFECYCLE, pl_strategy_get_status (pl_document_get_strategy (self->document)));
}

static void
set_status (PlWindow   *self,
            const char *nick)
{
  g_autoptr(GError) error = NULL;
  int value;

  if (self->document == NULL || nick == NULL)
    return;
  if (!pl_enum_from_nick (PL_TYPE_LIFECYCLE, nick, &value))
    return;
  if (value == (int) pl_strategy_get_status (pl_document_get_strategy (self->document)))
    return;
  if (!pl_record_set (PL_RECORD (pl_document_get_strategy (self->document)), &error, "status", value, NULL))
    pl_window_show_error (self, _("Could Not Change the Status"), error);
}

/* ---- toasts and errors ---- */

void
pl_window_add_toast (PlWindow   *self,
                     const char *title)
{
  g_return_if_fail (PL_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

void
pl_window_show_error (PlWindow     *self,
                      const char   *heading,
                      const GError *error)
{
  GtkWidget *dialog;

  g_return_if_fail (PL_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error ? error->message : NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
write_failed_cb (GObject  *source,
                 GError   *error,
                 PlWindow *self)
{
  AdwToast *toast;
  g_autofree char *title = NULL;

  self->save_failed = TRUE;
  update_title (self);
  /* Translators: a toast when typing could not be saved; %s is why. */
  title = g_strdup_printf (_("Not saved: %s"), error->message);
  toast = adw_toast_new (title);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_clicked_cb (AdwToast *toast,
                 PlWindow *self)
{
  PlRecord *record = g_object_get_data (G_OBJECT (toast), "pl-record");
  g_autoptr(GError) error = NULL;

  if (self->document == NULL || self->closed || record == NULL || !pl_record_is_deleted (record))
    return;
  if (!pl_document_undelete (self->document, record, &error))
    pl_window_show_error (self, _("Could Not Undo"), error);
  else if (PL_IS_PILLAR (record))
    {
      AdwTabPage *page = pl_window_get_pillar_page (self, PL_PILLAR (record));

      if (page != NULL)
        adw_tab_view_set_selected_page (self->tab_view, page);
    }
}

void
pl_window_offer_undo (PlWindow   *self,
                      PlRecord   *record,
                      const char *title)
{
  AdwToast *toast;

  g_return_if_fail (PL_IS_WINDOW (self));
  g_return_if_fail (PL_IS_RECORD (record));

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "pl-record", g_object_ref (record), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* ---- pages ---- */

PlPillarEditor *
pl_window_page_editor (AdwTabPage *page)
{
  GtkWidget *child = page ? adw_tab_page_get_child (page) : NULL;

  return PL_IS_PILLAR_EDITOR (child) ? PL_PILLAR_EDITOR (child) : NULL;
}

PlPillarEditor *
pl_window_front_editor (PlWindow *self)
{
  return self->document ? pl_window_page_editor (adw_tab_view_get_selected_page (self->tab_view)) : NULL;
}

AdwTabPage *
pl_window_get_pillar_page (PlWindow *self,
                           PlPillar *pillar)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);
  return self->pillar_pages ? g_hash_table_lookup (self->pillar_pages, pillar) : NULL;
}

static void
pillar_title_cb (PlPillar   *pillar,
                 GParamSpec *pspec,
                 AdwTabPage *page)
{
  const char *title = pl_pillar_get_title (pillar);

  adw_tab_page_set_title (page, *title ? title : _("Untitled pillar"));
}

static void
pillar_summary_cb (PlPillar   *pillar,
                   GParamSpec *pspec,
                   AdwTabPage *page)
{
  adw_tab_page_set_tooltip (page, pl_pillar_get_summary (pillar));
}

static void
show_pillar_summary (PlPillar   *pillar,
                     AdwTabPage *page)
{
  pillar_summary_cb (pillar, NULL, page);
  g_signal_connect_object (pillar, "notify::summary", G_CALLBACK (pillar_summary_cb), page, 0);
}

/* The tabs' tooltips are set once the window has drawn its first frame:
 * GTK 4.8 asks the X server where the pointer is (three round trips) at
 * every tooltip set, and a tooltip only shows on hovering. */
static void
tab_tooltips_cb (GtkWidget *widget)
{
  PlWindow *self = PL_WINDOW (widget);
  GHashTableIter iter;
  gpointer pillar, page;

  if (self->document == NULL || self->closed || self->tab_tooltips)
    return;
  self->tab_tooltips = TRUE;
  adw_tab_page_set_tooltip (self->overview_page, _("Overview: title, vision and front matter"));
  adw_tab_page_set_tooltip (self->plan_page, _("Every action of every pillar"));
  g_hash_table_iter_init (&iter, self->pillar_pages);
  while (g_hash_table_iter_next (&iter, &pillar, &page))
    show_pillar_summary (pillar, page);
}

static AdwTabPage *
add_pillar_page (PlWindow *self,
                 PlPillar *pillar,
                 int       position)
{
  GtkWidget *editor = pl_pillar_editor_new (self->autosave, pillar, pl_window_is_editable (self));
  AdwTabPage *page = adw_tab_view_insert (self->tab_view, editor, position);

  pillar_title_cb (pillar, NULL, page);
  g_signal_connect_object (pillar, "notify::title", G_CALLBACK (pillar_title_cb), page, 0);
  if (self->tab_tooltips)
    show_pillar_summary (pillar, page);
  g_hash_table_insert (self->pillar_pages, pillar, page);
  return page;
}

/* Makes the tabs follow the document: Overview, the pillars in order, the
 * plan. A pillar's page is closed only when the pillar is deleted, so the
 * two steps of a move (remove, insert) keep its editor. */
static void
sync_pillar_pages (PlWindow *self)
{
  GListModel *pillars;
  guint n;
  GHashTableIter iter;
  gpointer key, value;
  g_autoptr(GPtrArray) doomed = g_ptr_array_new ();

  if (self->document == NULL || self->closed)
    return;

  self->reconciling = TRUE;
  g_hash_table_iter_init (&iter, self->pillar_pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (pl_record_is_deleted (key))
      {
        g_ptr_array_add (doomed, value);
        g_hash_table_iter_remove (&iter);
      }
  for (guint i = 0; i < doomed->len; i++)
    adw_tab_view_close_page (self->tab_view, g_ptr_array_index (doomed, i));

  pillars = pl_document_get_pillars (self->document);
  n = g_list_model_get_n_items (pillars);
  /* Reordering scrolls the tab bar to the moved tab: move only what is
   * out of place, or a new window opens scrolled to its last tab. */
  if (adw_tab_view_get_page_position (self->tab_view, self->overview_page) != 0)
    adw_tab_view_reorder_first (self->tab_view, self->overview_page);
  /* The tab bar scrolls to each tab added: a new window adds its pillars
   * last to first, so it opens showing the first ones. */
  if (g_hash_table_size (self->pillar_pages) == 0)
    for (guint i = n; i > 0; i--)
      {
        g_autoptr(PlPillar) pillar = g_list_model_get_item (pillars, i - 1);

        add_pillar_page (self, pillar, 1);
      }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlPillar) pillar = g_list_model_get_item (pillars, i);
      AdwTabPage *page = g_hash_table_lookup (self->pillar_pages, pillar);

      if (page == NULL)
        add_pillar_page (self, pillar, (int) i + 1);
      else if (adw_tab_view_get_page_position (self->tab_view, page) != (int) i + 1)
        adw_tab_view_reorder_page (self->tab_view, page, (int) i + 1);
    }
  if (adw_tab_view_get_page_position (self->tab_view, self->plan_page) !=
      adw_tab_view_get_n_pages (self->tab_view) - 1)
    adw_tab_view_reorder_last (self->tab_view, self->plan_page);
  self->reconciling = FALSE;
}

static void
pillars_changed_cb (GListModel *model,
                    guint       position,
                    guint       removed,
                    guint       added,
                    PlWindow   *self)
{
  sync_pillar_pages (self);
  pl_window_update_current_target (self);
}

static gboolean
normalize_cb (gpointer data)
{
  PlWindow *self = data;

  self->normalize_id = 0;
  sync_pillar_pages (self);
  return G_SOURCE_REMOVE;
}

static void
page_reordered_cb (AdwTabView *view,
                   AdwTabPage *page,
                   int         position,
                   PlWindow   *self)
{
  PlPillarEditor *editor = pl_window_page_editor (page);

  if (self->reconciling)
    return;
  if (editor != NULL && pl_window_is_editable (self))
    {
      g_autoptr(GError) error = NULL;
      PlPillar *pillar = pl_pillar_editor_get_pillar (editor);
      int n = (int) g_list_model_get_n_items (pl_document_get_pillars (self->document));
      int wanted = CLAMP (position - 1, 0, n - 1);

      if (wanted != (int) pl_record_get_position (PL_RECORD (pillar)) &&
          !pl_document_move (self->document, PL_RECORD (pillar), (guint) wanted, &error))
        pl_window_show_error (self, _("Could Not Move the Pillar"), error);
    }
  /* Overview first, plan last, and pillars only in a read-only document's
   * order: put back anything else once the drag is over. */
  if (self->normalize_id == 0)
    self->normalize_id = g_idle_add (normalize_cb, self);
}

static gboolean
close_page_cb (AdwTabView *view,
               AdwTabPage *page,
               PlWindow   *self)
{
  PlPillarEditor *editor;

  if (self->reconciling || self->closed)
    return GDK_EVENT_PROPAGATE;  /* the default handler closes it */

  /* Closing a tab is not a way to lose a pillar: ask. */
  adw_tab_view_close_page_finish (view, page, FALSE);
  editor = pl_window_page_editor (page);
  if (editor != NULL)
    pl_window_ask_remove_pillar (self, pl_pillar_editor_get_pillar (editor));
  return GDK_EVENT_STOP;
}

/* ---- current target ---- */

static void
set_current_target (PlWindow *self,
                    PlRecord *target)
{
  if (g_set_object (&self->current_target, target))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_TARGET]);
}

void
pl_window_update_current_target (PlWindow *self)
{
  AdwTabPage *page;
  GtkWidget *child;

  if (self->document == NULL || self->closed)
    {
      set_current_target (self, NULL);
      return;
    }
  page = adw_tab_view_get_selected_page (self->tab_view);
  child = page ? adw_tab_page_get_child (page) : NULL;
  if (PL_IS_PILLAR_EDITOR (child))
    set_current_target (self, pl_pillar_editor_get_current_target (PL_PILLAR_EDITOR (child)));
  else if (PL_IS_OVERVIEW_PAGE (child))
    set_current_target (self, pl_overview_page_get_current_target (PL_OVERVIEW_PAGE (child)));
  else
    set_current_target (self, NULL);
  if (self->feedback_pane != NULL)
    pl_feedback_pane_set_quote_buffer (self->feedback_pane, pl_window_get_current_buffer (self));
}

static void
selected_page_cb (AdwTabView *view,
                  GParamSpec *pspec,
                  PlWindow   *self)
{
  PlPillarEditor *editor = pl_window_front_editor (self);

  if (self->watched_editor != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->watched_editor, pl_window_update_current_target, self);
      g_clear_weak_pointer (&self->watched_editor);
    }
  if (editor != NULL)
    {
      /* Build a pillar's content only when its tab is first shown. */
      pl_pillar_editor_ensure_loaded (editor);
      g_set_weak_pointer (&self->watched_editor, editor);
      g_signal_connect_swapped (editor, "notify::current-target", G_CALLBACK (pl_window_update_current_target), self);
    }
  else if (adw_tab_view_get_selected_page (self->tab_view) == self->plan_page)
    pl_plan_page_ensure_loaded (self->plan);
  self->menu_page = NULL;
  pl_window_update_page_actions (self);
  pl_window_update_current_target (self);
}

/* ---- side pane ---- */

static void
update_side_pane (PlWindow *self)
{
  gboolean has_pane = adw_bin_get_child (self->feedback_slot) != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->feedback_slot), has_pane && self->feedback_visible);
  gtk_widget_set_visible (self->feedback_button, has_pane && self->document != NULL);
}

void
pl_window_set_side_pane (PlWindow  *self,
                         GtkWidget *pane)
{
  g_return_if_fail (PL_IS_WINDOW (self));
  adw_bin_set_child (self->feedback_slot, pane);
  update_side_pane (self);
}

GtkWidget *
pl_window_get_side_pane (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);
  return adw_bin_get_child (self->feedback_slot);
}

static void
set_feedback_visible (PlWindow *self,
                      gboolean  visible)
{
  visible = !!visible;
  if (self->feedback_visible == visible)
    return;
  self->feedback_visible = visible;
  g_settings_set_boolean (self->settings, "feedback-pane-visible", visible);
  update_side_pane (self);
  if (visible && self->feedback_pane != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    pl_feedback_pane_focus_capture (self->feedback_pane);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEEDBACK_VISIBLE]);
}

static void
paned_position_cb (GtkPaned   *paned,
                   GParamSpec *pspec,
                   PlWindow   *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (paned));
  int pane = width - gtk_paned_get_position (paned);

  if (width > 0 && gtk_widget_get_visible (GTK_WIDGET (self->feedback_slot)) && pane >= 240 && pane <= 1200)
    g_settings_set_int (self->settings, "feedback-pane-width", pane);
}

/* ---- recent documents (welcome page) ---- */

static void
rebuild_recent (PlWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-documents");
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  for (guint i = 0; recent[i] != NULL && shown < 8; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *dir = NULL;
      g_autofree char *display_dir = NULL;
      GtkWidget *row;

      if (!g_file_test (recent[i], G_FILE_TEST_IS_REGULAR))
        continue;
      name = pl_display_name_for_path (recent[i]);
      dir = g_path_get_dirname (recent[i]);
      if (g_str_has_prefix (dir, g_get_home_dir ()) && g_strcmp0 (g_get_home_dir (), "/") != 0)
        {
          g_autofree char *rest = g_filename_display_name (dir + strlen (g_get_home_dir ()));

          display_dir = g_strconcat ("~", rest, NULL);
        }
      else
        display_dir = g_filename_display_name (dir);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), display_dir);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("x-office-document-symbolic"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "app.open-recent");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", recent[i]);
      gtk_list_box_append (self->recent_list, row);
      shown++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), shown > 0);
}

static void
show_passage_cb (PlFeedbackPane *pane,
                 PlFeedback     *feedback,
                 PlWindow       *self)
{
  g_autoptr(PlRecord) target = NULL;

  if (self->document == NULL || self->closed)
    return;
  target = pl_document_get_feedback_target (self->document, feedback);
  if (!pl_window_show_passage (self, target, pl_feedback_get_quote (feedback)))
    pl_window_add_toast (self, _("The quoted passage is no longer in the text"));
}

/* ---- closing ---- */

gboolean
pl_window_flush (PlWindow  *self,
                 GError   **error)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), FALSE);

  if (self->document == NULL || self->closed)
    return TRUE;
  if (!pl_autosave_flush (self->autosave, error))
    return FALSE;
  if (pl_document_is_read_only (self->document))
    return TRUE;
  return pl_document_flush (self->document, error);
}

static void
save_window_state (PlWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
}

/* Everything typed is written and the file is closed (and unlocked). */
static void
close_document (PlWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->document == NULL || self->closed)
    return;
  if (!pl_autosave_flush (self->autosave, &error) && !self->close_anyway)
    g_warning ("Could not save the last changes to %s: %s",
               pl_document_get_path (self->document), error->message);
  self->closed = TRUE;
  g_clear_handle_id (&self->normalize_id, g_source_remove);
  g_clear_handle_id (&self->menu_closed_id, g_source_remove);
  g_signal_handlers_disconnect_by_func (pl_document_get_pillars (self->document), pillars_changed_cb, self);
  pl_document_close (self->document);
}

static gboolean
close_later_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
unsaved_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     PlWindow         *self)
{
  if (g_str_equal (response, "close"))
    {
      self->close_anyway = TRUE;
      /* After the dialog, which is transient for this window, has gone. */
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_later_cb, g_object_ref (self), g_object_unref);
    }
}

static gboolean
pl_window_close_request (GtkWindow *window)
{
  PlWindow *self = PL_WINDOW (window);

  if (self->document != NULL && !self->closed)
    {
      g_autoptr(GError) error = NULL;

      save_window_state (self);
      /* Never lose typing silently: if it cannot be written, say so. */
      if (!pl_autosave_flush (self->autosave, &error) && !self->close_anyway)
        {
          GtkWidget *dialog;

          dialog = adw_message_dialog_new (window, _("Your Last Changes Could Not Be Saved"), NULL);
          adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                          _("%s\n\nIf you close the window, what you typed since the last save is lost. "
                                            "Keep it open to copy the text elsewhere."),
                                          error->message);
          adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                            "keep", _("_Keep Open"),
                                            "close", _("_Close Anyway"),
                                            NULL);
          adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close",
                                                      ADW_RESPONSE_DESTRUCTIVE);
          adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
          adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
          g_signal_connect_object (dialog, "response", G_CALLBACK (unsaved_response_cb), self, 0);
          gtk_window_present (GTK_WINDOW (dialog));
          return GDK_EVENT_STOP;
        }
    }
  close_document (self);
  return GTK_WINDOW_CLASS (pl_window_parent_class)->close_request (window);
}

/* ---- GObject ---- */

static void
pl_window_constructed (GObject *object)
{
  PlWindow *self = PL_WINDOW (object);
  GtkWidget *overview, *plan;
  GListModel *pillars;
  PlStrategy *strategy;
  gboolean editable;
  int width;

  G_OBJECT_CLASS (pl_window_parent_class)->constructed (object);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  self->feedback_visible = g_settings_get_boolean (self->settings, "feedback-pane-visible");

  if (self->document == NULL)
    {
      /* Only a window without a document builds its welcome page. */
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/pillars/Pillars/ui/pl-welcome-page.ui");

      gtk_stack_add_named (self->main_stack, GTK_WIDGET (gtk_builder_get_object (builder, "welcome")), "welcome");
      self->recent_group = ADW_PREFERENCES_GROUP (gtk_builder_get_object (builder, "recent_group"));
      self->recent_list = GTK_LIST_BOX (gtk_builder_get_object (builder, "recent_list"));
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
      gtk_widget_set_visible (self->new_pillar_button, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->status_button), FALSE);
      g_signal_connect_object (self->settings, "changed::recent-documents",
                               G_CALLBACK (rebuild_recent), self, G_CONNECT_SWAPPED);
      rebuild_recent (self);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-pillar", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.status", FALSE);
      pl_window_update_page_actions (self);
      update_side_pane (self);
      update_title (self);
      return;
    }

  editable = pl_window_is_editable (self);
  self->autosave = pl_autosave_new (self->document);
  g_signal_connect_object (self->autosave, "write-failed", G_CALLBACK (write_failed_cb), self, 0);
  g_signal_connect_object (self->document, "write-failed", G_CALLBACK (write_failed_cb), self, 0);
  g_signal_connect_object (self->autosave, "notify::pending", G_CALLBACK (pending_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::generation", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  strategy = pl_document_get_strategy (self->document);
  g_signal_connect_object (strategy, "notify", G_CALLBACK (strategy_notify_cb), self, 0);

  gtk_stack_set_visible_child_name (self->main_stack, "document");
  self->pillar_pages = g_hash_table_new (NULL, NULL);

  overview = pl_overview_page_new (self->autosave, editable);
  self->overview = PL_OVERVIEW_PAGE (overview);
  self->overview_page = adw_tab_view_append (self->tab_view, overview);
  adw_tab_page_set_title (self->overview_page, _("Overview"));
  /* Pinned: always in view at the start of the bar, never closed, never
   * mixed up with the pillars when they are dragged. */
  {
    g_autoptr(GIcon) icon = g_themed_icon_new ("go-home-symbolic");

    adw_tab_page_set_icon (self->overview_page, icon);
    adw_tab_view_set_page_pinned (self->tab_view, self->overview_page, TRUE);
  }
  g_signal_connect_object (overview, "notify::current-target", G_CALLBACK (pl_window_update_current_target), self,
                           G_CONNECT_SWAPPED);

  plan = pl_plan_page_new (self->autosave, editable);
  self->plan = PL_PLAN_PAGE (plan);
  self->plan_page = adw_tab_view_append (self->tab_view, plan);
  adw_tab_page_set_title (self->plan_page, _("Implementation Plan"));

  pillars = pl_document_get_pillars (self->document);
  sync_pillar_pages (self);
  g_signal_connect (pillars, "items-changed", G_CALLBACK (pillars_changed_cb), self);

  g_signal_connect (self->tab_view, "notify::selected-page", G_CALLBACK (selected_page_cb), self);
  g_signal_connect (self->tab_view, "page-reordered", G_CALLBACK (page_reordered_cb), self);
  g_signal_connect (self->tab_view, "close-page", G_CALLBACK (close_page_cb), self);
  g_signal_connect (self->tab_view, "setup-menu", G_CALLBACK (pl_window_setup_menu_cb), self);
  adw_tab_view_set_selected_page (self->tab_view, self->overview_page);

  /* The feedback pane: captures attach to what the front tab is about, and
   * quote the selection of the editor in front. */
  self->feedback_pane = pl_feedback_pane_new (self->document);
  pl_window_set_side_pane (self, GTK_WIDGET (self->feedback_pane));
  g_object_bind_property (self, "current-target", self->feedback_pane, "target", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->feedback_pane, "show-passage", G_CALLBACK (show_passage_cb), self, 0);
  g_signal_connect_object (self->feedback_pane, "notify::active-workshop", G_CALLBACK (update_title), self,
                           G_CONNECT_SWAPPED);

  width = g_settings_get_int (self->settings, "feedback-pane-width");
  gtk_paned_set_position (self->paned, g_settings_get_int (self->settings, "window-width") - width);
  g_signal_connect (self->paned, "notify::position", G_CALLBACK (paned_position_cb), self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->status_button), editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-pillar", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.status", editable);
  selected_page_cb (self->tab_view, NULL, self);
  update_side_pane (self);
  update_title (self);
  pl_window_update_current_target (self);
  pl_after_first_frame (GTK_WIDGET (self), tab_tooltips_cb);

  if (!editable)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "pl-read-only");
      const char *reason = pl_document_get_read_only_reason (self->document);
      AdwToast *toast = adw_toast_new (reason && *reason ? reason : _("Opened read-only: nothing can be changed"));

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void
pl_window_dispose (GObject *object)
{
  PlWindow *self = PL_WINDOW (object);

  close_document (self);
  if (self->autosave != NULL)
    g_signal_handlers_disconnect_by_data (self->autosave, self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->feedback_pane != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->feedback_pane, self);
      self->feedback_pane = NULL;  /* owned by the side-pane slot */
    }
  if (self->watched_editor != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->watched_editor, pl_window_update_current_target, self);
      g_clear_weak_pointer (&self->watched_editor);
    }
  if (self->tab_view != NULL)
    g_signal_handlers_disconnect_by_data (self->tab_view, self);
  /* Detach the bar first: it must not outlive the pages it shows. */
  if (self->tab_bar != NULL)
    adw_tab_bar_set_view (self->tab_bar, NULL);
  /* The pages release their bindings (writing nothing: all is flushed). */
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_WINDOW);
  g_clear_pointer (&self->pillar_pages, g_hash_table_unref);
  g_clear_object (&self->current_target);
  g_clear_object (&self->autosave);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pl_window_parent_class)->dispose (object);
}

static void
pl_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PlWindow *self = PL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_CURRENT_TARGET:
      g_value_set_object (value, self->current_target);
      break;
    case PROP_FEEDBACK_VISIBLE:
      g_value_set_boolean (value, self->feedback_visible);
      break;
    case PROP_STATUS:
      g_value_set_string (value, get_status (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PlWindow *self = PL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    case PROP_FEEDBACK_VISIBLE:
      set_feedback_visible (self, g_value_get_boolean (value));
      break;
    case PROP_STATUS:
      set_status (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_window_class_init (PlWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = pl_window_constructed;
  object_class->dispose = pl_window_dispose;
  object_class->get_property = pl_window_get_property;
  object_class->set_property = pl_window_set_property;
  window_class->close_request = pl_window_close_request;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PL_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT_TARGET] =
    g_param_spec_object ("current-target", NULL, NULL, PL_TYPE_RECORD,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FEEDBACK_VISIBLE] =
    g_param_spec_boolean ("feedback-visible", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, "drafting",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  pl_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pillars/Pillars/ui/pl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PlWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, new_pillar_button);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, feedback_button);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, status_button);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, status_menu);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, tab_bar);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, tab_view);
  gtk_widget_class_bind_template_child (widget_class, PlWindow, feedback_slot);

  pl_window_class_install_actions (widget_class);
}

/* The keyboard shortcuts window is made when first asked for, not with
 * every window as GtkApplication does from gtk/help-overlay.ui. */
static void
show_help_overlay_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (user_data);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/pillars/Pillars/ui/help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static const GActionEntry window_entries[] = {
  { "show-help-overlay", show_help_overlay_cb },
};

static void
pl_window_init (PlWindow *self)
{
  self->settings = g_settings_new (APP_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (self), window_entries, G_N_ELEMENTS (window_entries), self);
  gtk_widget_init_template (GTK_WIDGET (self));
  pl_menu_button_set_menu_later (self->primary_menu_button, self->primary_menu);
  pl_menu_button_set_menu_later (self->status_button, self->status_menu);
  if (DEVELOPMENT)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

PlWindow *
pl_window_new (GtkApplication *application,
               PlDocument     *document)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (document == NULL || PL_IS_DOCUMENT (document), NULL);

  return g_object_new (PL_TYPE_WINDOW,
                       "application", application,
                       "document", document,
                       NULL);
}

PlDocument *
pl_window_get_document (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);
  return self->document;
}

AdwTabView *
pl_window_get_tab_view (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);
  return self->tab_view;
}

PlRecord *
pl_window_get_current_target (PlWindow *self)
{
  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);
  return self->current_target;
}

GtkTextBuffer *
pl_window_get_current_buffer (PlWindow *self)
{
  AdwTabPage *page;
  GtkWidget *child;

  g_return_val_if_fail (PL_IS_WINDOW (self), NULL);

  if (self->document == NULL || self->closed)
    return NULL;
  page = adw_tab_view_get_selected_page (self->tab_view);
  child = page ? adw_tab_page_get_child (page) : NULL;
  if (PL_IS_PILLAR_EDITOR (child))
    return pl_pillar_editor_get_buffer (PL_PILLAR_EDITOR (child));
  if (PL_IS_OVERVIEW_PAGE (child))
    return pl_overview_page_get_current_buffer (PL_OVERVIEW_PAGE (child));
  return NULL;
}

gboolean
pl_window_show_passage (PlWindow   *self,
                        PlRecord   *target,
                        const char *quote)
{
  g_autoptr(PlPillar) pillar = NULL;
  AdwTabPage *page;
  PlPillarEditor *editor;
  gboolean found;

  g_return_val_if_fail (PL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (target == NULL || PL_IS_RECORD (target), FALSE);

  if (self->document == NULL || self->closed)
    return FALSE;
  if (target != NULL && pl_record_is_deleted (target))
    return FALSE;

  if (target == NULL || PL_IS_STRATEGY (target) || PL_IS_SECTION (target))
    {
      adw_tab_view_set_selected_page (self->tab_view, self->overview_page);
      found = pl_overview_page_show_passage (self->overview, target, quote);
      pl_window_update_current_target (self);
      return found;
    }

  pillar = pl_document_get_pillar_of (self->document, target);
  page = pillar ? pl_window_get_pillar_page (self, pillar) : NULL;
  if (page == NULL)
    return FALSE;
  adw_tab_view_set_selected_page (self->tab_view, page);
  editor = pl_window_page_editor (page);
  found = pl_pillar_editor_show_passage (editor, target, quote);
  pl_window_update_current_target (self);
  return found;
}
