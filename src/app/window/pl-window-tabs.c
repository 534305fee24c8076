/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pl-window-private.h"

/* The window's tabs: the overview (pinned), one per pillar in the
 * document's order, the implementation plan; and what the front tab is
 * about (the window's "current-target"). */


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
void
pl_window_show_tab_tooltips (GtkWidget *widget)
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

static void
record_deleted_cb (PlPillarEditor *editor,
                   PlRecord       *record,
                   const char     *message,
                   PlWindow       *self)
{
  pl_window_offer_undo (self, record, message);
}

static AdwTabPage *
add_pillar_page (PlWindow *self,
                 PlPillar *pillar,
                 int       position)
{
  GtkWidget *editor = pl_pillar_editor_new (self->autosave, pillar, pl_window_is_editable (self));
  AdwTabPage *page = adw_tab_view_insert (self->tab_view, editor, position);

  g_signal_connect_object (editor, "record-deleted", G_CALLBACK (record_deleted_cb), self, 0);

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

/* ---- current target ---- */

void
pl_window_update_current_target (PlWindow *self)
{
  AdwTabPage *page;
  GtkWidget *child;

  if (self->document == NULL || self->closed)
    {
      pl_window_set_current_target (self, NULL);
      return;
    }
  page = adw_tab_view_get_selected_page (self->tab_view);
  child = page ? adw_tab_page_get_child (page) : NULL;
  if (PL_IS_PILLAR_EDITOR (child))
    pl_window_set_current_target (self, pl_pillar_editor_get_current_target (PL_PILLAR_EDITOR (child)));
  else if (PL_IS_OVERVIEW_PAGE (child))
    pl_window_set_current_target (self, pl_overview_page_get_current_target (PL_OVERVIEW_PAGE (child)));
  else
    pl_window_set_current_target (self, NULL);
  if (self->feedback_pane != NULL)
    pl_feedback_pane_set_quote_buffer (self->feedback_pane, pl_window_get_current_buffer (self));
}

/* The front tab changed (or the window is set up): load it if it is not
 * yet, and follow what it is about. */
void
pl_window_front_tab_changed (PlWindow *self)
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

static void
selected_page_cb (AdwTabView *view,
                  GParamSpec *pspec,
                  PlWindow   *self)
{
  pl_window_front_tab_changed (self);
}

/* Makes the tabs of a window with a document, and follows the document's
 * pillars. */
void
pl_window_tabs_init (PlWindow *self)
{
  gboolean editable = pl_window_is_editable (self);
  GtkWidget *overview, *plan;
  g_autoptr(GIcon) icon = g_themed_icon_new ("go-home-symbolic");

  self->pillar_pages = g_hash_table_new (NULL, NULL);

  overview = pl_overview_page_new (self->autosave, editable);
  self->overview = PL_OVERVIEW_PAGE (overview);
  self->overview_page = adw_tab_view_append (self->tab_view, overview);
  adw_tab_page_set_title (self->overview_page, _("Overview"));
  /* Pinned: always in view at the start of the bar, never closed, never
   * mixed up with the pillars when they are dragged. */
  adw_tab_page_set_icon (self->overview_page, icon);
  adw_tab_view_set_page_pinned (self->tab_view, self->overview_page, TRUE);
  g_signal_connect_object (overview, "notify::current-target", G_CALLBACK (pl_window_update_current_target), self,
                           G_CONNECT_SWAPPED);

  plan = pl_plan_page_new (self->autosave, editable, _pl_window_versions_tracks_progress (self));
  self->plan = PL_PLAN_PAGE (plan);
  pl_plan_page_set_settings (self->plan, self->settings);
  self->plan_page = adw_tab_view_append (self->tab_view, plan);
  adw_tab_page_set_title (self->plan_page, _("Implementation Plan"));

  sync_pillar_pages (self);
  g_signal_connect (pl_document_get_pillars (self->document), "items-changed", G_CALLBACK (pillars_changed_cb), self);

  g_signal_connect (self->tab_view, "notify::selected-page", G_CALLBACK (selected_page_cb), self);
  g_signal_connect (self->tab_view, "page-reordered", G_CALLBACK (page_reordered_cb), self);
  g_signal_connect (self->tab_view, "setup-menu", G_CALLBACK (pl_window_setup_menu_cb), self);
  adw_tab_view_set_selected_page (self->tab_view, self->overview_page);
}

void
pl_window_tabs_rebuild (PlWindow *self)
{
  AdwTabPage *selected = adw_tab_view_get_selected_page (self->tab_view);
  PlPillarEditor *editor = selected ? pl_window_page_editor (selected) : NULL;
  g_autoptr(PlPillar) pillar = editor ? g_object_ref (pl_pillar_editor_get_pillar (editor)) : NULL;
  gboolean plan = selected != NULL && selected == self->plan_page;
  AdwTabPage *page = NULL;

  if (self->document == NULL || self->closed)
    return;
  /* What was typed is written before its editor goes. */
  pl_autosave_flush (self->autosave, NULL);
  pl_window_tabs_close (self);
  g_signal_handlers_disconnect_by_data (self->tab_view, self);
  if (self->watched_editor != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->watched_editor, pl_window_update_current_target, self);
      g_clear_weak_pointer (&self->watched_editor);
    }
  self->menu_page = NULL;
  self->reconciling = TRUE;
  adw_tab_view_set_page_pinned (self->tab_view, self->overview_page, FALSE);
  while (adw_tab_view_get_n_pages (self->tab_view) > 0)
    adw_tab_view_close_page (self->tab_view, adw_tab_view_get_nth_page (self->tab_view, 0));
  self->reconciling = FALSE;
  g_clear_pointer (&self->pillar_pages, g_hash_table_unref);
  self->overview_page = self->plan_page = NULL;
  self->overview = NULL;
  self->plan = NULL;

  pl_window_tabs_init (self);
  if (pillar != NULL)
    page = g_hash_table_lookup (self->pillar_pages, pillar);
  else if (plan)
    page = self->plan_page;
  if (page != NULL)
    adw_tab_view_set_selected_page (self->tab_view, page);
  if (self->tab_tooltips)
    {
      self->tab_tooltips = FALSE;
      pl_window_show_tab_tooltips (GTK_WIDGET (self));
    }
  pl_window_front_tab_changed (self);
}

/* The document is closing: the tabs stop following it. */
void
pl_window_tabs_close (PlWindow *self)
{
  g_clear_handle_id (&self->normalize_id, g_source_remove);
  g_signal_handlers_disconnect_by_func (pl_document_get_pillars (self->document), pillars_changed_cb, self);
}

void
pl_window_tabs_dispose (PlWindow *self)
{
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

