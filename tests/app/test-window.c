/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "pl-application.h"
#include "pl-capture-bar.h"
#include "pl-demo.h"
#include "pl-export-dialog-private.h"
#include "pl-feedback-pane.h"
#include "pl-markdown-view-private.h"
#include "pl-objective-row.h"
#include "pl-overview-page.h"
#include "pl-pillar-editor-private.h"
#include "pl-plan-page-private.h"
#include "pl-window-private.h"

static PlApplication *app;

/* ---- helpers ---- */

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

static char *
temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("pillars-app-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static char *
make_demo (const char *dir,
           const char *name,
           PlDemoSize  size)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(PlDocument) doc = pl_demo_create (path, size, &error);

  g_assert_no_error (error);
  pl_document_close (doc);
  return path;
}

static GList *
pl_windows (void)
{
  GList *result = NULL;
  GList *all = gtk_window_list_toplevels ();

  for (GList *l = all; l != NULL; l = l->next)
    if (PL_IS_WINDOW (l->data) && gtk_widget_get_visible (l->data))
      result = g_list_prepend (result, l->data);
  g_list_free (all);
  return result;
}

static GtkWindow *
find_toplevel (GType type)
{
  GList *all = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *l = all; l != NULL && found == NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (all);
  return found;
}

static void
destroy_toplevels (GType type)
{
  GtkWindow *window;

  while ((window = find_toplevel (type)) != NULL)
    gtk_window_destroy (window);
  wait_ms (20);
}

/* Saves what @widget shows as a PNG in the build directory. */
static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                            "screenshots", file, NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  wait_ms (150);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (dir, 0755);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static PlWindow *
open_window (const char *path)
{
  PlWindow *window = pl_application_open_path (app, path);

  g_assert_nonnull (window);
  wait_ms (300);
  return window;
}

static void
close_window (PlWindow *window)
{
  gtk_window_close (GTK_WINDOW (window));
  wait_ms (50);
}

static PlDocument *
reopen_read_only (const char *path)
{
  g_autoptr(GError) error = NULL;
  PlDocument *doc = pl_document_open (path, PL_DOCUMENT_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return doc;
}

static AdwTabPage *
nth_page (PlWindow *window,
          int       n)
{
  return adw_tab_view_get_nth_page (pl_window_get_tab_view (window), n);
}

static void
select_page (PlWindow *window,
             int       n)
{
  adw_tab_view_set_selected_page (pl_window_get_tab_view (window), nth_page (window, n));
  wait_ms (100);
}

static const char *
window_subtitle (PlWindow *window)
{
  AdwHeaderBar *bar = NULL;
  GtkWidget *title;

  /* The header bar's title widget is an AdwWindowTitle. */
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (window)); w != NULL && bar == NULL;)
    {
      if (ADW_IS_HEADER_BAR (w))
        bar = ADW_HEADER_BAR (w);
      else if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w ? gtk_widget_get_next_sibling (w) : NULL;
        }
    }
  g_assert_nonnull (bar);
  title = adw_header_bar_get_title_widget (bar);
  g_assert_true (ADW_IS_WINDOW_TITLE (title));
  return adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title));
}

static GtkWidget *
find_button_with_label (GtkWidget  *root,
                        const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0 &&
          gtk_widget_get_mapped (child))
        return child;
      if ((found = find_button_with_label (child, label)) != NULL)
        return found;
    }
  return NULL;
}

static void
click_undo (PlWindow *window)
{
  GtkWidget *button = find_button_with_label (GTK_WIDGET (window), "_Undo");

  g_assert_nonnull (button);
  if (button != NULL)
    g_signal_emit_by_name (button, "clicked");
  wait_ms (100);
}

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *title,
             const char *tooltip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && gtk_widget_get_mapped (child) &&
          (title == NULL || (ADW_IS_PREFERENCES_ROW (child) &&
                             g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)) &&
          (tooltip == NULL || g_strcmp0 (gtk_widget_get_tooltip_text (child), tooltip) == 0))
        return child;
      if ((found = find_widget (child, type, title, tooltip)) != NULL)
        return found;
    }
  return NULL;
}

static void
type_at_end (GtkTextBuffer *buffer,
             const char    *text)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  /* As typing does: a user action, so it can be undone. */
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert_at_cursor (buffer, text, -1);
  gtk_text_buffer_end_user_action (buffer);
}

/* ---- tests ---- */

static void
test_welcome (void)
{
  PlWindow *window = pl_window_new (GTK_APPLICATION (app), NULL);

  gtk_window_present (GTK_WINDOW (window));
  wait_ms (300);
  g_assert_null (pl_window_get_document (window));
  g_assert_null (pl_window_get_current_buffer (window));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-pillar", NULL) &&
                  pl_window_get_document (window) != NULL);
  screenshot (GTK_WIDGET (window), "welcome");
  close_window (window);
}

static GtkWidget *
find_recent_row (GtkWidget  *root,
                 const char *path)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_ACTION_ROW (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), "app.open-recent") == 0)
        {
          GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (child));

          if (target != NULL && g_str_equal (g_variant_get_string (target, NULL), path))
            return child;
        }
      if ((found = find_recent_row (child, path)) != NULL)
        return found;
    }
  return NULL;
}

/* New strategy (from the standard template), the example, and the
 * welcome page's recent documents. */
static void
test_new_example_recent (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "new.pillars", NULL);
  g_autofree char *example = g_build_filename (g_get_user_data_dir (), "pillars", "Example.pillars", NULL);
  g_autofree char *canonical = NULL;
  PlWindow *window = pl_application_create_path (app, path);
  PlWindow *welcome;
  GtkWidget *row;

  wait_ms (200);
  g_assert_nonnull (window);
  if (window == NULL)
    return;
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  /* Overview, the four standard pillars, the plan. */
  g_assert_cmpint (adw_tab_view_get_n_pages (pl_window_get_tab_view (window)), ==, 6);
  g_assert_cmpstr (window_subtitle (window), ==, "Drafting · Saved");
  close_window (window);

  /* An existing file is never replaced by a new strategy. */
  {
    gsize before = 0, after = 0;
    g_autofree char *contents = NULL;
    AdwMessageDialog *dialog;

    g_file_get_contents (path, &contents, &before, NULL);
    g_assert_null (pl_application_create_path (app, path));
    wait_ms (100);
    dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    g_assert_nonnull (dialog);
    if (dialog != NULL)
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "already exists"));
    destroy_toplevels (ADW_TYPE_MESSAGE_DIALOG);
    g_clear_pointer (&contents, g_free);
    g_file_get_contents (path, &contents, &after, NULL);
    g_assert_cmpuint (after, ==, before);
  }

  window = pl_application_open_example (app);
  wait_ms (200);
  g_assert_nonnull (window);
  g_assert_true (g_file_test (example, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (adw_tab_view_get_n_pages (pl_window_get_tab_view (window)), ==, 7);
  g_assert_true (pl_application_open_example (app) == window);
  close_window (window);

  /* The welcome page lists both, newest first, and opens them. */
  welcome = pl_window_new (GTK_APPLICATION (app), NULL);
  gtk_window_present (GTK_WINDOW (welcome));
  wait_ms (200);
  canonical = g_canonicalize_filename (path, NULL);
  row = find_recent_row (GTK_WIDGET (welcome), canonical);
  g_assert_nonnull (row);
  screenshot (GTK_WIDGET (welcome), "welcome-recent");
  if (row != NULL)
    {
      g_signal_emit_by_name (row, "activate");
      wait_ms (300);
      window = pl_application_find_window (app, path);
      g_assert_nonnull (window);
      /* The welcome window gave way to the document. */
      {
        GList *windows = pl_windows ();

        g_assert_null (g_list_find (windows, welcome));
        g_list_free (windows);
      }
      if (window != NULL)
        close_window (window);
    }
  else
    close_window (welcome);
}

static void
test_tabs (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = make_demo (dir, "tabs.pillars", PL_DEMO_SMALL);
  PlWindow *window = open_window (path);
  PlDocument *doc = pl_window_get_document (window);
  GListModel *pillars = pl_document_get_pillars (doc);
  guint n_pillars = g_list_model_get_n_items (pillars);
  AdwTabView *view = pl_window_get_tab_view (window);

  g_assert_cmpuint (n_pillars, ==, 5);
  g_assert_cmpint (adw_tab_view_get_n_pages (view), ==, (int) n_pillars + 2);
  g_assert_true (PL_IS_OVERVIEW_PAGE (adw_tab_page_get_child (nth_page (window, 0))));
  g_assert_true (PL_IS_PLAN_PAGE (adw_tab_page_get_child (nth_page (window, (int) n_pillars + 1))));
  for (guint i = 0; i < n_pillars; i++)
    {
      g_autoptr(PlPillar) pillar = g_list_model_get_item (pillars, i);
      AdwTabPage *page = nth_page (window, (int) i + 1);

      g_assert_cmpstr (adw_tab_page_get_title (page), ==, pl_pillar_get_title (pillar));
      g_assert_true (pl_window_get_pillar_page (window, pillar) == page);
    }
  g_assert_cmpstr (window_subtitle (window), ==, "Validation · Saved");
  screenshot (GTK_WIDGET (window), "overview");

  /* Only the tab in front is built. */
  g_assert_false (pl_pillar_editor_is_loaded (PL_PILLAR_EDITOR (adw_tab_page_get_child (nth_page (window, 1)))));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-tab", NULL);
  wait_ms (200);
  g_assert_true (adw_tab_view_get_selected_page (view) == nth_page (window, 1));
  g_assert_true (pl_pillar_editor_is_loaded (PL_PILLAR_EDITOR (adw_tab_page_get_child (nth_page (window, 1)))));
  g_assert_false (pl_pillar_editor_is_loaded (PL_PILLAR_EDITOR (adw_tab_page_get_child (nth_page (window, 2)))));
  screenshot (GTK_WIDGET (window), "pillar");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.select-tab", "i", (int) n_pillars + 1);
  wait_ms (200);
  g_assert_true (adw_tab_view_get_selected_page (view) == nth_page (window, (int) n_pillars + 1));
  g_assert_null (pl_window_get_current_target (window));
  g_assert_null (pl_window_get_current_buffer (window));
  screenshot (GTK_WIDGET (window), "plan");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-tab", NULL);
  wait_ms (50);
  g_assert_true (adw_tab_view_get_selected_page (view) == nth_page (window, (int) n_pillars));

  /* One window per document. */
  g_assert_true (pl_application_open_path (app, path) == window);
  {
    GList *windows = pl_windows ();

    g_assert_cmpuint (g_list_length (windows), ==, 1);
    g_list_free (windows);
  }
  close_window (window);
}

static void
test_typing_reaches_file (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = make_demo (dir, "typing.pillars", PL_DEMO_SMALL);
  PlWindow *window = open_window (path);
  GtkTextBuffer *buffer;
  g_autoptr(PlPillar) pillar = NULL;
  g_autoptr(PlDocument) check = NULL;
  g_autoptr(PlPillar) reread = NULL;

  select_page (window, 2);
  pillar = g_list_model_get_item (pl_document_get_pillars (pl_window_get_document (window)), 1);
  g_assert_true (pl_window_get_current_target (window) == PL_RECORD (pillar));
  buffer = pl_window_get_current_buffer (window);
  g_assert_nonnull (buffer);

  /* Debounced: not written at once, but within a second. */
  type_at_end (buffer, "\n\nTyped in the window, flushed by Ctrl+S.");
  g_assert_cmpstr (window_subtitle (window), ==, "Validation · Saving…");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.flush", NULL);
  g_assert_cmpstr (window_subtitle (window), ==, "Validation · Saved");
  check = reopen_read_only (path);
  reread = g_list_model_get_item (pl_document_get_pillars (check), 1);
  g_assert_true (g_str_has_suffix (pl_pillar_get_body (reread), "Typed in the window, flushed by Ctrl+S."));
  g_clear_object (&reread);
  g_clear_object (&check);

  type_at_end (buffer, "\nAnd saved within a second without doing anything.");
  wait_ms (900);
  check = reopen_read_only (path);
  reread = g_list_model_get_item (pl_document_get_pillars (check), 1);
  g_assert_true (g_str_has_suffix (pl_pillar_get_body (reread), "without doing anything."));
  g_clear_object (&reread);
  g_clear_object (&check);

  /* Undo in the editor is saved too. */
  gtk_widget_activate_action (GTK_WIDGET (adw_tab_page_get_child (nth_page (window, 2))), "pillar.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.flush", NULL);
  check = reopen_read_only (path);
  reread = g_list_model_get_item (pl_document_get_pillars (check), 1);
  g_assert_true (g_str_has_suffix (pl_pillar_get_body (reread), "flushed by Ctrl+S."));
  g_clear_object (&reread);
  g_clear_object (&check);

  /* The pillar's title field: the tab and the file follow. */
  {
    GtkWidget *title_row = find_widget (adw_tab_page_get_child (nth_page (window, 2)), ADW_TYPE_ENTRY_ROW,
                                        "Pillar title", NULL);

    g_assert_nonnull (title_row);
    if (title_row != NULL)
      {
        gtk_editable_set_text (GTK_EDITABLE (title_row), "Awareness and education");
        wait_ms (800);
        g_assert_cmpstr (adw_tab_page_get_title (nth_page (window, 2)), ==, "Awareness and education");
        check = reopen_read_only (path);
        reread = g_list_model_get_item (pl_document_get_pillars (check), 1);
        g_assert_cmpstr (pl_pillar_get_title (reread), ==, "Awareness and education");
        g_clear_object (&reread);
        g_clear_object (&check);
      }
  }

  /* Find (Ctrl+F): the search entry takes the focus and the first match
   * is selected in the narrative. */
  {
    GtkWidget *focus;
    GtkWidget *entry;
    GtkTextIter start, end;
    g_autofree char *selected = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
    wait_ms (300);
    focus = gtk_window_get_focus (GTK_WINDOW (window));
    entry = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY) : NULL;
    g_assert_nonnull (entry);
    if (entry != NULL)
      {
        gtk_editable_set_text (GTK_EDITABLE (entry), "Ctrl+S");
        wait_ms (400);
        g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
        selected = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
        g_assert_cmpstr (selected, ==, "Ctrl+S");
        screenshot (GTK_WIDGET (window), "find");
      }
  }

  /* Closing at once loses nothing. */
  type_at_end (buffer, "\nLast words before closing.");
  close_window (window);
  check = reopen_read_only (path);
  reread = g_list_model_get_item (pl_document_get_pillars (check), 1);
  g_assert_true (g_str_has_suffix (pl_pillar_get_body (reread), "Last words before closing."));
  g_clear_object (&reread);
  g_clear_object (&check);

  /* The document was closed (its lock released): it opens normally again. */
  window = open_window (path);
  g_assert_nonnull (window);
  close_window (window);
}

/* When the file cannot be written, the window says so and closing it asks
 * before losing what was typed. */
static void
test_write_failure (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = make_demo (dir, "failure.pillars", PL_DEMO_SMALL);
  PlWindow *window = open_window (path);
  GtkTextBuffer *buffer;
  AdwMessageDialog *dialog;
  GList *windows;

  select_page (window, 1);
  buffer = pl_window_get_current_buffer (window);
  /* As if the disk went away under the document. */
  pl_document_close (pl_window_get_document (window));
  type_at_end (buffer, "\nThis cannot be written.");
  wait_ms (800);
  g_assert_cmpstr (window_subtitle (window), ==, "Validation · Not saved");

  gtk_window_close (GTK_WINDOW (window));
  wait_ms (100);
  windows = pl_windows ();
  g_assert_nonnull (g_list_find (windows, window));
  g_list_free (windows);
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  if (dialog == NULL)
    return;
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Your Last Changes Could Not Be Saved");
  screenshot (GTK_WIDGET (dialog), "unsaved-dialog");
  adw_message_dialog_response (dialog, "keep");
  wait_ms (50);
  windows = pl_windows ();
  g_assert_nonnull (g_list_find (windows, window));
  g_list_free (windows);

  gtk_window_close (GTK_WINDOW (window));
  wait_ms (100);
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  if (dialog != NULL)
    adw_message_dialog_response (dialog, "close");
  wait_ms (100);
  destroy_toplevels (ADW_TYPE_MESSAGE_DIALOG);
  windows = pl_windows ();
  g_assert_null (g_list_find (windows, window));
  g_list_free (windows);
}

static void
test_pillars_add_reorder_remove (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = make_demo (dir, "pillars.pillars", PL_DEMO_SMALL);
  PlWindow *window = open_window (path);
  PlDocument *doc = pl_window_get_document (window);
  AdwTabView *view = pl_window_get_tab_view (window);
  GListModel *pillars = pl_document_get_pillars (doc);
  g_autoptr(PlPillar) added = NULL;
  g_autoptr(PlPillar) first = NULL;
  g_autoptr(PlDocument) check = NULL;
  AdwMessageDialog *dialog;
  AdwTabPage *page;

  /* Add. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-pillar", NULL);
  wait_ms (100);
  g_assert_cmpuint (g_list_model_get_n_items (pillars), ==, 6);
  g_assert_cmpint (adw_tab_view_get_n_pages (view), ==, 8);
  added = g_list_model_get_item (pillars, 5);
  page = pl_window_get_pillar_page (window, added);
  g_assert_nonnull (page);
  g_assert_true (adw_tab_view_get_selected_page (view) == page);
  g_assert_cmpint (adw_tab_view_get_page_position (view, page), ==, 6);
  g_assert_cmpstr (adw_tab_page_get_title (page), ==, "New pillar");

  /* Rename through its title field: the tab follows. */
  {
    GtkTextBuffer *buffer = pl_window_get_current_buffer (window);

    g_assert_nonnull (buffer);
    pl_record_set (PL_RECORD (added), NULL, "title", "Research and development", NULL);
    wait_ms (50);
    g_assert_cmpstr (adw_tab_page_get_title (page), ==, "Research and development");
  }

  /* Reorder by moving the tab (as a drag does): the document follows. */
  first = g_list_model_get_item (pillars, 0);
  g_assert_true (adw_tab_view_reorder_page (view, page, 1));
  wait_ms (100);
  g_assert_cmpint (pl_record_get_position (PL_RECORD (added)), ==, 0);
  g_assert_cmpint (pl_record_get_position (PL_RECORD (first)), ==, 1);
  g_assert_cmpint (adw_tab_view_get_page_position (view, page), ==, 1);

  /* The overview is pinned: no pillar can be dragged before it. */
  g_assert_true (adw_tab_page_get_pinned (nth_page (window, 0)));
  g_assert_cmpint (adw_tab_view_get_n_pinned_pages (view), ==, 1);

  /* Dragging the plan among the pillars is put back at the end. */
  g_assert_true (adw_tab_view_reorder_page (view, nth_page (window, 7), 2));
  wait_ms (100);
  g_assert_true (PL_IS_PLAN_PAGE (adw_tab_page_get_child (nth_page (window, 7))));
  g_assert_cmpint (pl_record_get_position (PL_RECORD (added)), ==, 0);
  g_assert_true (pl_window_get_pillar_page (window, first) == nth_page (window, 2));

  /* Move the first pillar back to the front. */
  g_assert_true (adw_tab_view_reorder_page (view, pl_window_get_pillar_page (window, first), 1));
  wait_ms (100);
  g_assert_cmpint (pl_record_get_position (PL_RECORD (first)), ==, 0);
  g_assert_true (pl_window_get_pillar_page (window, first) == nth_page (window, 1));

  /* Keyboard move (the tab menu's Move Right). */
  adw_tab_view_set_selected_page (view, pl_window_get_pillar_page (window, first));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.move-pillar-right", NULL);
  wait_ms (50);
  g_assert_cmpint (pl_record_get_position (PL_RECORD (first)), ==, 1);
  g_assert_true (pl_window_get_pillar_page (window, first) == nth_page (window, 2));

  check = reopen_read_only (path);
  {
    g_autoptr(PlPillar) p0 = g_list_model_get_item (pl_document_get_pillars (check), 0);

    g_assert_cmpstr (pl_pillar_get_title (p0), ==, "Research and development");
  }
  g_clear_object (&check);

  /* Remove, with confirmation, then undo. */
  adw_tab_view_set_selected_page (view, pl_window_get_pillar_page (window, added));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-pillar", NULL);
  wait_ms (100);
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  screenshot (GTK_WIDGET (dialog), "remove-pillar-dialog");
  adw_message_dialog_response (dialog, "delete");
  wait_ms (100);
  destroy_toplevels (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpuint (g_list_model_get_n_items (pillars), ==, 5);
  g_assert_cmpint (adw_tab_view_get_n_pages (view), ==, 7);
  g_assert_null (pl_window_get_pillar_page (window, added));
  check = reopen_read_only (path);
  g_assert_cmpint (pl_document_count (check, "pillars"), ==, 5);
  g_clear_object (&check);

  screenshot (GTK_WIDGET (window), "pillar-deleted-toast");
  click_undo (window);
  g_assert_cmpuint (g_list_model_get_n_items (pillars), ==, 6);
  g_assert_cmpint (adw_tab_view_get_n_pages (view), ==, 8);
  page = pl_window_get_pillar_page (window, added);
  g_assert_nonnull (page);
  g_assert_cmpint (adw_tab_view_get_page_position (view, page), ==, 1);
  check = reopen_read_only (path);
  g_assert_cmpint (pl_document_count (check, "pillars"), ==, 6);
  g_clear_object (&check);

  /* Closing a pillar's tab asks before deleting; cancelling keeps it. */
  adw_tab_view_close_page (view, page);
  wait_ms (50);
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  destroy_toplevels (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpint (adw_tab_view_get_n_pages (view), ==, 8);
  g_assert_cmpuint (g_list_model_get_n_items (pillars), ==, 6);

  close_window (window);
}

static PlObjectiveRow *
first_objective_row (PlPillarEditor *editor)
{
  GtkWidget *w = GTK_WIDGET (editor);

  /* Depth-first search for the first PlObjectiveRow. */
  while (w != NULL)
    {
      if (PL_IS_OBJECTIVE_ROW (w))
        return PL_OBJECTIVE_ROW (w);
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && w != GTK_WIDGET (editor) && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          if (w == NULL || w == GTK_WIDGET (editor))
            return NULL;
          w = gtk_widget_get_next_sibling (w);
        }
    }
  return NULL;
}

static void
test_objectives_and_actions (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = make_demo (dir, "objectives.pillars", PL_DEMO_SMALL);
  PlWindow *window = open_window (path);
  PlDocument *doc = pl_window_get_document (window);
  g_autoptr(PlPillar) pillar = g_list_model_get_item (pl_document_get_pillars (doc), 0);
  GListModel *objectives = pl_document_get_objectives (doc, pillar);
  guint n = g_list_model_get_n_items (objectives);
  PlPillarEditor *editor;
  PlObjectiveRow *row;
  g_autoptr(PlObjective) objective = NULL;
  gint64 actions_before = pl_document_count (doc, "actions");
  PlAction *action;

  select_page (window, 1);
  editor = PL_PILLAR_EDITOR (adw_tab_page_get_child (nth_page (window, 1)));

  /* New objective and a new action in it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-objective", NULL);
  wait_ms (100);
  g_assert_cmpuint (g_list_model_get_n_items (objectives), ==, n + 1);
  objective = g_list_model_get_item (objectives, n);
  g_assert_true (pl_window_get_current_target (window) == PL_RECORD (objective));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-action", NULL);
  wait_ms (200);
  g_assert_cmpint (pl_document_count (doc, "actions"), ==, actions_before + 1);
  g_assert_cmpuint (g_list_model_get_n_items (pl_document_get_actions (doc, objective)), ==, 1);
  action = g_list_model_get_item (pl_document_get_actions (doc, objective), 0);
  g_object_unref (action);
  g_assert_true (pl_window_get_current_target (window) == PL_RECORD (action));
  {
    GtkWindow *dialog = find_toplevel (ADW_TYPE_WINDOW);

    g_assert_nonnull (dialog);
    screenshot (GTK_WIDGET (dialog), "action-dialog");
    gtk_window_close (dialog);
    wait_ms (50);
  }

  /* Delete the first objective from its menu, then undo. */
  row = first_objective_row (editor);
  g_assert_nonnull (row);
  {
    g_autoptr(PlObjective) victim = g_object_ref (pl_objective_row_get_objective (row));
    guint count = g_list_model_get_n_items (objectives);

    /* Showing an objective expands its row and scrolls to it. */
    g_assert_true (pl_window_show_passage (window, PL_RECORD (victim), NULL));
    g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
    g_assert_true (pl_window_get_current_target (window) == PL_RECORD (victim));
    wait_ms (300);
    screenshot (GTK_WIDGET (window), "objective-expanded");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "objective.delete", NULL));
    wait_ms (100);
    g_assert_cmpuint (g_list_model_get_n_items (objectives), ==, count - 1);
    g_assert_true (pl_record_is_deleted (PL_RECORD (victim)));
    click_undo (window);
    g_assert_cmpuint (g_list_model_get_n_items (objectives), ==, count);
    g_assert_false (pl_record_is_deleted (PL_RECORD (victim)));
    g_assert_cmpint (pl_record_get_position (PL_RECORD (victim)), ==, 0);

    /* Reorder from the objective's menu. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (first_objective_row (editor)), "objective.move-down", NULL));
    wait_ms (50);
    g_assert_cmpint (pl_record_get_position (PL_RECORD (victim)), ==, 1);
  }

  /* An action: move it down, delete it, undo. */
  {
    g_autoptr(PlObjective) second = g_list_model_get_item (objectives, 0);
    GListModel *actions = pl_document_get_actions (doc, second);
    g_autoptr(PlAction) first_action = g_list_model_get_item (actions, 0);
    guint n_actions = g_list_model_get_n_items (actions);
    GtkWidget *button;

    g_assert_cmpuint (n_actions, >=, 2);
    g_assert_true (pl_window_show_passage (window, PL_RECORD (second), NULL));
    wait_ms (300);
    button = find_widget (GTK_WIDGET (editor), GTK_TYPE_BUTTON, NULL, "Move Down");
    g_assert_nonnull (button);
    if (button != NULL)
      g_signal_emit_by_name (button, "clicked");
    wait_ms (100);
    g_assert_cmpint (pl_record_get_position (PL_RECORD (first_action)), ==, 1);

    button = find_widget (GTK_WIDGET (editor), GTK_TYPE_BUTTON, NULL, "Delete Action");
    g_assert_nonnull (button);
    if (button != NULL)
      g_signal_emit_by_name (button, "clicked");
    wait_ms (100);
    g_assert_cmpuint (g_list_model_get_n_items (actions), ==, n_actions - 1);
    click_undo (window);
    g_assert_cmpuint (g_list_model_get_n_items (actions), ==, n_actions);
  }
  close_window (window);
}

static void
test_lifecycle (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = make_demo (dir, "status.pillars", PL_DEMO_SMALL);
  PlWindow *window = open_window (path);
  g_autoptr(PlDocument) check = NULL;

  g_assert_cmpstr (window_subtitle (window), ==, "Validation · Saved");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.status", "s", "cabinet-review"));
  wait_ms (50);
  g_assert_cmpint (pl_strategy_get_status (pl_document_get_strategy (pl_window_get_document (window))), ==,
                   PL_LIFECYCLE_CABINET_REVIEW);
  g_assert_cmpstr (window_subtitle (window), ==, "Cabinet review · Saved");
  screenshot (GTK_WIDGET (window), "lifecycle");
  close_window (window);

  check = reopen_read_only (path);
  g_assert_cmpint (pl_strategy_get_status (pl_document_get_strategy (check)), ==, PL_LIFECYCLE_CABINET_REVIEW);
}

static void
test_passage (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = make_demo (dir, "passage.pillars", PL_DEMO_SMALL);
  PlWindow *window = open_window (path);
  PlDocument *doc = pl_window_get_document (window);
  g_autoptr(PlPillar) pillar = g_list_model_get_item (pl_document_get_pillars (doc), 2);
  g_autoptr(PlSection) section = g_list_model_get_item (pl_document_get_sections (doc), 1);
  const char *body = pl_pillar_get_body (pillar);
  g_autofree char *quote = g_strndup (body + 10, 24);
  g_autofree char *section_quote = g_strndup (pl_section_get_body (section) + 4, 16);
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *selected = NULL;

  g_assert_true (pl_window_show_passage (window, PL_RECORD (pillar), quote));
  wait_ms (100);
  g_assert_true (adw_tab_view_get_selected_page (pl_window_get_tab_view (window)) ==
                 pl_window_get_pillar_page (window, pillar));
  g_assert_true (pl_window_get_current_target (window) == PL_RECORD (pillar));
  buffer = pl_window_get_current_buffer (window);
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  selected = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (selected, ==, quote);
  screenshot (GTK_WIDGET (window), "passage");
  g_assert_false (pl_window_show_passage (window, PL_RECORD (pillar), "no such words in this pillar"));

  g_assert_true (pl_window_show_passage (window, PL_RECORD (section), section_quote));
  wait_ms (50);
  g_assert_true (pl_window_get_current_target (window) == PL_RECORD (section));
  buffer = pl_window_get_current_buffer (window);
  g_clear_pointer (&selected, g_free);
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  selected = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (selected, ==, section_quote);
  close_window (window);
}

static void
test_plan (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = make_demo (dir, "plan.pillars", PL_DEMO_SMALL);
  PlWindow *window = open_window (path);
  PlDocument *doc = pl_window_get_document (window);
  int last = adw_tab_view_get_n_pages (pl_window_get_tab_view (window)) - 1;
  PlPlanPage *plan = PL_PLAN_PAGE (adw_tab_page_get_child (nth_page (window, last)));
  GtkColumnView *columns = pl_plan_page_get_column_view (plan);
  GListModel *model;
  GListModel *cols;
  g_autoptr(GtkColumnViewColumn) priority = NULL;
  g_autoptr(PlAction) top = NULL;
  g_autoptr(PlDocument) check = NULL;

  /* The plan reads every action only when it is first shown; nothing is
   * selected until the drafter picks an action. */
  g_assert_false (pl_plan_page_is_loaded (plan));
  select_page (window, last);
  g_assert_true (pl_plan_page_is_loaded (plan));
  model = G_LIST_MODEL (gtk_column_view_get_model (columns));
  cols = gtk_column_view_get_columns (columns);
  g_assert_null (pl_plan_page_get_selected (plan));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, (guint) pl_document_count (doc, "actions"));
  g_assert_cmpuint (g_list_model_get_n_items (cols), ==, 8);

  /* Sort by priority, highest first. */
  priority = g_list_model_get_item (cols, 5);
  g_assert_cmpstr (gtk_column_view_column_get_title (priority), ==, "Priority");
  gtk_column_view_sort_by_column (columns, priority, GTK_SORT_DESCENDING);
  wait_ms (50);
  top = g_list_model_get_item (model, 0);
  g_assert_cmpint (pl_action_get_priority (top), ==, PL_PRIORITY_HIGH);

  /* Edit the selected action. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), 0, TRUE);
  wait_ms (50);
  g_assert_true (pl_plan_page_get_selected (plan) == top);
  wait_ms (300);
  screenshot (GTK_WIDGET (window), "plan-selected");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (plan), "plan.close-editor", NULL));
  g_assert_null (pl_plan_page_get_selected (plan));
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), 0, TRUE);
  g_assert_true (pl_record_set (PL_RECORD (top), NULL, "status", (int) PL_ACTION_STATUS_COMPLETED, NULL));
  close_window (window);
  check = reopen_read_only (path);
  {
    g_autoptr(PlRecord) again = pl_document_lookup (check, PL_TYPE_ACTION, pl_record_get_id (PL_RECORD (top)), NULL);

    g_assert_nonnull (again);
    g_assert_cmpint (pl_action_get_status (PL_ACTION (again)), ==, PL_ACTION_STATUS_COMPLETED);
  }
}

static void
test_read_only (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = make_demo (dir, "ro.pillars", PL_DEMO_SMALL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = pl_document_open (path, PL_DOCUMENT_OPEN_READ_ONLY, &error);
  PlWindow *window;
  GtkTextBuffer *buffer;

  g_assert_no_error (error);
  window = pl_window_new (GTK_APPLICATION (app), doc);
  gtk_window_present (GTK_WINDOW (window));
  wait_ms (300);
  g_assert_true (g_str_has_suffix (window_subtitle (window), "Read-only"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-pillar", NULL);
  wait_ms (50);
  g_assert_cmpuint (g_list_model_get_n_items (pl_document_get_pillars (doc)), ==, 5);
  select_page (window, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-objective", NULL);
  wait_ms (50);
  g_assert_cmpint (pl_document_count (doc, "objectives"), ==, 12);
  buffer = pl_window_get_current_buffer (window);
  g_assert_nonnull (buffer);
  screenshot (GTK_WIDGET (window), "read-only");

  /* "Save a copy to make changes": the copy opens for editing. */
  {
    g_autofree char *copy = g_build_filename (dir, "ro (copy).pillars", NULL);
    g_autoptr(GError) copy_error = NULL;
    PlWindow *copy_window;

    g_assert_false (pl_window_save_copy (window, path, NULL));
    g_assert_true (pl_window_save_copy (window, copy, &copy_error));
    g_assert_no_error (copy_error);
    copy_window = open_window (copy);
    g_assert_false (pl_document_is_read_only (pl_window_get_document (copy_window)));
    g_assert_cmpuint (g_list_model_get_n_items (pl_document_get_pillars (pl_window_get_document (copy_window))), ==, 5);
    g_assert_cmpstr (window_subtitle (copy_window), ==, "Validation · Saved");
    close_window (copy_window);
  }
  close_window (window);
}

typedef enum {
  BAD_MISSING,
  BAD_DIRECTORY,
  BAD_EMPTY,
  BAD_RANDOM,
  BAD_TRUNCATED,
  BAD_FOREIGN,
  BAD_TOO_NEW,
  BAD_LOCKED,
} BadKind;

static char *
make_bad (const char *dir,
          BadKind     kind,
          PlDocument **holder)
{
  char *path = g_build_filename (dir, "bad.pillars", NULL);
  g_autofree char *good = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  sqlite3 *db;

  switch (kind)
    {
    case BAD_MISSING:
      break;
    case BAD_DIRECTORY:
      g_mkdir (path, 0755);
      break;
    case BAD_EMPTY:
      g_file_set_contents (path, "", 0, NULL);
      break;
    case BAD_RANDOM:
      {
        char bytes[4096];

        for (guint i = 0; i < sizeof bytes; i++)
          bytes[i] = (char) g_random_int ();
        g_file_set_contents (path, bytes, sizeof bytes, NULL);
      }
      break;
    case BAD_TRUNCATED:
      good = make_demo (dir, "good.pillars", PL_DEMO_SMALL);
      g_file_get_contents (good, &contents, &length, NULL);
      g_file_set_contents (path, contents, (gssize) (length / 3), NULL);
      break;
    case BAD_FOREIGN:
      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      sqlite3_exec (db, "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x');", NULL, NULL, NULL);
      sqlite3_close (db);
      break;
    case BAD_TOO_NEW:
      g_free (path);
      path = make_demo (dir, "bad.pillars", PL_DEMO_SMALL);
      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      sqlite3_exec (db, "PRAGMA user_version = 999;", NULL, NULL, NULL);
      sqlite3_close (db);
      break;
    case BAD_LOCKED:
      {
        g_autoptr(GError) error = NULL;

        g_free (path);
        path = make_demo (dir, "bad.pillars", PL_DEMO_SMALL);
        *holder = pl_document_open (path, PL_DOCUMENT_OPEN_DEFAULT, &error);
        g_assert_no_error (error);
      }
      break;
    }
  return path;
}

static void
test_bad_documents (void)
{
  for (BadKind kind = BAD_MISSING; kind <= BAD_LOCKED; kind++)
    {
      g_autofree char *dir = temp_dir ();
      g_autoptr(PlDocument) holder = NULL;
      g_autofree char *path = make_bad (dir, kind, &holder);
      g_autoptr(GError) expected = NULL;
      g_autoptr(PlDocument) direct = pl_document_open (path, PL_DOCUMENT_OPEN_DEFAULT, &expected);
      GList *before = pl_windows ();
      GList *after;
      AdwMessageDialog *dialog;
      PlWindow *window;

      g_test_message ("bad document kind %d: %s", kind, expected ? expected->message : "(opened!)");
      g_assert_null (direct);
      g_assert_nonnull (expected);
      if (expected == NULL)
        continue;

      window = pl_application_open_path (app, path);
      wait_ms (100);
      g_assert_null (window);
      after = pl_windows ();
      g_assert_cmpuint (g_list_length (after), ==, g_list_length (before));
      dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
      g_assert_nonnull (dialog);
      if (dialog != NULL)
        {
          g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, expected->message);
          if (kind == BAD_TOO_NEW)
            screenshot (GTK_WIDGET (dialog), "bad-document-dialog");
          /* Locked by someone else: it can still be read. */
          if (kind == BAD_LOCKED)
            {
              GList *now;

              adw_message_dialog_response (dialog, "read-only");
              wait_ms (300);
              now = pl_windows ();
              g_assert_cmpuint (g_list_length (now), ==, g_list_length (before) + 1);
              window = pl_application_find_window (app, path);
              g_assert_nonnull (window);
              if (window != NULL)
                {
                  g_assert_true (pl_document_is_read_only (pl_window_get_document (window)));
                  g_assert_true (g_str_has_suffix (window_subtitle (window), "Read-only"));
                  close_window (window);
                }
              g_list_free (now);
            }
        }
      destroy_toplevels (ADW_TYPE_MESSAGE_DIALOG);
      g_list_free (before);
      g_list_free (after);
    }
}

static void
test_export_dialog (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = make_demo (dir, "export.pillars", PL_DEMO_SMALL);
  g_autofree char *out = g_build_filename (dir, "export.md", NULL);
  PlWindow *window = open_window (path);
  PlExportDialog *dialog;
  PlExportOptions options;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  wait_ms (200);
  dialog = PL_EXPORT_DIALOG (find_toplevel (PL_TYPE_EXPORT_DIALOG));
  g_assert_nonnull (dialog);
  screenshot (GTK_WIDGET (dialog), "export-dialog");
  pl_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.format, ==, PL_EXPORT_MARKDOWN);
  g_assert_true (options.title_page && options.front_matter && options.pillars && options.implementation_plan);
  g_assert_false (options.annex);
  g_assert_cmpint (options.anonymise, ==, PL_ANONYMISE_ORGANISATION);
  g_assert_null (options.classification);
  pl_export_options_clear (&options);

  g_assert_true (pl_export_dialog_export_to (dialog, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "National Cybersecurity Strategy"));

  /* DOCX for cabinet: a zip archive. CSV: the matrix, whatever the parts. */
  {
    g_autofree char *docx = g_build_filename (dir, "export.docx", NULL);
    g_autofree char *csv = g_build_filename (dir, "export.csv", NULL);
    g_autofree char *bytes = NULL;
    gsize length = 0;

    pl_export_dialog_set_format (dialog, PL_EXPORT_DOCX);
    g_assert_true (pl_export_dialog_export_to (dialog, docx, &error));
    g_assert_no_error (error);
    g_clear_error (&error);
    g_assert_true (g_file_get_contents (docx, &bytes, &length, NULL));
    g_assert_cmpuint (length, >, 4);
    g_assert_true (bytes != NULL && memcmp (bytes, "PK", 2) == 0);
    g_clear_pointer (&bytes, g_free);

    pl_export_dialog_set_format (dialog, PL_EXPORT_CSV);
    pl_export_dialog_get_options (dialog, &options);
    g_assert_cmpint (options.format, ==, PL_EXPORT_CSV);
    pl_export_options_clear (&options);
    g_assert_true (pl_export_dialog_export_to (dialog, csv, &error));
    g_assert_no_error (error);
    g_clear_error (&error);
    g_assert_true (g_file_get_contents (csv, &bytes, &length, NULL));
    g_assert_cmpuint (length, >, 0);
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  close_window (window);
}

static void
test_dark (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = make_demo (dir, "dark.pillars", PL_DEMO_SMALL);
  PlWindow *window;
  int last;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  window = open_window (path);
  screenshot (GTK_WIDGET (window), "overview-dark");
  select_page (window, 1);
  screenshot (GTK_WIDGET (window), "pillar-dark");
  last = adw_tab_view_get_n_pages (pl_window_get_tab_view (window)) - 1;
  select_page (window, last);
  screenshot (GTK_WIDGET (window), "plan-dark");
  close_window (window);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_shortcuts_and_about (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = make_demo (dir, "help.pillars", PL_DEMO_SMALL);
  PlWindow *window = open_window (path);
  GtkWindow *help;
  GtkWindow *about;
  GLogLevelFlags fatal;

  /* The window builds ui/gtk/help-overlay.ui when it is first shown. */
  /* GTK 4.8's GtkShortcutsWindow measures one of its own labels at -3 px
   * and warns (a GTK bug, not ours): only criticals are fatal here. */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay"));
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (gtk_window_get_application (GTK_WINDOW (window)),
                                                                  "win.show-help-overlay");

    g_assert_cmpstr (accels[0], ==, "<Control>question");
  }
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  wait_ms (300);
  help = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (help);
  g_assert_true (help == GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window))));
  if (help != NULL)
    {
      screenshot (GTK_WIDGET (help), "shortcuts");
      gtk_widget_set_visible (GTK_WIDGET (help), FALSE);
    }

  g_log_set_always_fatal (fatal);

  /* The header's menus (main menu, status) are built when first opened,
   * and open. */
  {
    GtkWidget *first = find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, NULL, NULL);
    guint checked = 0;

    g_assert_nonnull (first);
    for (GtkWidget *button = first ? gtk_widget_get_first_child (gtk_widget_get_parent (first)) : NULL;
         button != NULL;
         button = gtk_widget_get_next_sibling (button))
    {
      GtkPopover *popover;

      if (!GTK_IS_MENU_BUTTON (button) || !gtk_widget_get_mapped (button))
        continue;
      checked++;
      gtk_menu_button_popup (GTK_MENU_BUTTON (button));
      wait_ms (100);
      popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
      g_assert_nonnull (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)));
      g_assert_true (GTK_IS_POPOVER_MENU (popover));
      g_assert_true (popover != NULL && gtk_widget_get_visible (GTK_WIDGET (popover)));
      gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
      /* Opening again keeps the same popover. */
      gtk_menu_button_popup (GTK_MENU_BUTTON (button));
      wait_ms (50);
      g_assert_true (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)) == popover);
      gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
      wait_ms (50);
    }
    g_assert_cmpuint (checked, ==, 2);
  }
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  wait_ms (300);
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  if (about != NULL)
    gtk_window_destroy (about);
  close_window (window);
}

static void
test_big_document (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = make_demo (dir, "big.pillars", PL_DEMO_BIG);
  gint64 start = g_get_monotonic_time ();
  PlWindow *window = open_window (path);
  AdwTabView *view = pl_window_get_tab_view (window);
  int n = adw_tab_view_get_n_pages (view);
  guint loaded = 0;

  g_test_message ("big document open + 300 ms: %" G_GINT64_FORMAT " ms", (g_get_monotonic_time () - start) / 1000);
  g_assert_cmpint (n, ==, 14);
  {
    /* What waits for the first frame is there after it: every feedback
     * item in the list view, every stakeholder in the capture completion. */
    PlFeedbackPane *pane = PL_FEEDBACK_PANE (pl_window_get_side_pane (window));
    GtkWidget *list = find_widget (GTK_WIDGET (pane), GTK_TYPE_LIST_VIEW, NULL, NULL);
    GtkWidget *bar = pl_feedback_pane_get_capture_bar (pane);
    GtkEntry *who = GTK_ENTRY (pl_capture_bar_get_stakeholder_entry (PL_CAPTURE_BAR (bar)));
    GtkEntryCompletion *completion = gtk_entry_get_completion (who);
    PlDocument *document = pl_window_get_document (window);

    g_assert_nonnull (list);
    if (list != NULL)
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)))), ==,
                        (guint) pl_document_count (document, "feedback"));
    g_assert_cmpuint (g_list_model_get_n_items (pl_feedback_pane_get_model (pane)), ==,
                      (guint) pl_document_count (document, "feedback"));
    g_assert_nonnull (completion);
    if (completion != NULL)
      g_assert_cmpint (gtk_tree_model_iter_n_children (gtk_entry_completion_get_model (completion), NULL), ==,
                       (int) g_list_model_get_n_items (pl_document_get_stakeholders (document)));

    /* The tabs' and the kind toggles' tooltips, set after the first frame. */
    for (int i = 0; i < n; i++)
      {
        AdwTabPage *page = nth_page (window, i);
        GtkWidget *child = adw_tab_page_get_child (page);
        const char *tooltip = adw_tab_page_get_tooltip (page);

        if (PL_IS_PILLAR_EDITOR (child))
          g_assert_cmpstr (tooltip, ==, pl_pillar_get_summary (pl_pillar_editor_get_pillar (PL_PILLAR_EDITOR (child))));
        else
          g_assert_true (tooltip != NULL && *tooltip != '\0');
      }
    for (guint i = 0; i < 5; i++)
      {
        g_autofree char *tooltip = g_strdup_printf ("%s (Ctrl+%u)", pl_enum_to_label (PL_TYPE_FEEDBACK_KIND, i), i + 1);

        g_assert_nonnull (find_widget (bar, GTK_TYPE_TOGGLE_BUTTON, NULL, tooltip));
      }
    /* A shortened dropdown choice gives its whole text as tooltip. */
    {
      GtkWidget *dropdown = find_widget (GTK_WIDGET (pane), GTK_TYPE_DROP_DOWN, NULL, NULL);
      GtkWidget *label = dropdown != NULL ? find_widget (dropdown, GTK_TYPE_LABEL, NULL, NULL) : NULL;

      g_assert_nonnull (label);
      if (label != NULL)
        {
          GtkTooltip *tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
          gboolean shown = FALSE;

          g_assert_true (gtk_widget_get_has_tooltip (label));
          g_signal_emit_by_name (label, "query-tooltip", 0, 0, FALSE, tooltip, &shown);
          g_assert_true (shown);
          g_object_unref (tooltip);
        }
    }
  }
  start = g_get_monotonic_time ();
  adw_tab_view_set_selected_page (view, nth_page (window, 3));
  g_test_message ("big document: pillar tab built in %" G_GINT64_FORMAT " ms",
                  (g_get_monotonic_time () - start) / 1000);
  wait_ms (100);
  for (int i = 1; i < n - 1; i++)
    loaded += pl_pillar_editor_is_loaded (PL_PILLAR_EDITOR (adw_tab_page_get_child (nth_page (window, i))));
  g_assert_cmpuint (loaded, ==, 1);
  pl_window_show_passage (window, PL_RECORD (pl_pillar_editor_get_pillar (PL_PILLAR_EDITOR (adw_tab_page_get_child (nth_page (window, 3))))),
                          NULL);
  {
    /* Scroll to the objectives (a pillar of the big document has 40). */
    GtkWidget *editor = adw_tab_page_get_child (nth_page (window, 3));
    GtkWidget *scroller = gtk_widget_get_first_child (editor);

    if (GTK_IS_SCROLLED_WINDOW (scroller))
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), 700);
  }
  screenshot (GTK_WIDGET (window), "big-pillar");
  g_assert_false (pl_plan_page_is_loaded (PL_PLAN_PAGE (adw_tab_page_get_child (nth_page (window, n - 1)))));
  start = g_get_monotonic_time ();
  adw_tab_view_set_selected_page (view, nth_page (window, n - 1));
  g_test_message ("big document: plan built in %" G_GINT64_FORMAT " ms", (g_get_monotonic_time () - start) / 1000);
  wait_ms (100);
  {
    PlPlanPage *plan = PL_PLAN_PAGE (adw_tab_page_get_child (nth_page (window, n - 1)));
    GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (pl_plan_page_get_column_view (plan)));

    g_assert_cmpuint (g_list_model_get_n_items (model), ==,
                      (guint) pl_document_count (pl_window_get_document (window), "actions"));
    g_assert_cmpuint (g_list_model_get_n_items (model), >, 2500);  /* "about 3,000" */

    /* Sorted by pillar number: pillar 12 comes before pillar 9 when descending. */
    {
      GtkColumnView *columns = pl_plan_page_get_column_view (plan);
      g_autoptr(GtkColumnViewColumn) pillar_column = g_list_model_get_item (gtk_column_view_get_columns (columns), 0);
      g_autoptr(PlAction) top = NULL;
      g_autoptr(PlPillar) pillar = NULL;

      gtk_column_view_sort_by_column (columns, pillar_column, GTK_SORT_DESCENDING);
      wait_ms (100);
      top = g_list_model_get_item (model, 0);
      pillar = pl_document_get_pillar_of (pl_window_get_document (window), PL_RECORD (top));
      g_assert_nonnull (pillar);
      if (pillar != NULL)
        g_assert_cmpint (pl_record_get_position (PL_RECORD (pillar)), ==, 11);
    }
  }
  screenshot (GTK_WIDGET (window), "big-plan");
  close_window (window);
}

/* Narratives are highlighted with the app's own Markdown definition (from
 * its resources, without the HTML that the exports suppress anyway). */
static void
test_markdown (void)
{
  GtkWidget *view = g_object_ref_sink (pl_markdown_view_new ());
  GtkSourceBuffer *source = pl_markdown_view_get_source_buffer (PL_MARKDOWN_VIEW (view));
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (source);
  GtkSourceLanguage *language = gtk_source_buffer_get_language (source);
  const char *text = "# Why it matters\n\nSome **strong** words and <b>tags</b>.\n";
  g_auto(GStrv) styles = NULL;
  GtkTextIter start, end, iter;
  GSList *tags;

  g_assert_nonnull (language);
  if (language == NULL)
    {
      g_object_unref (view);
      return;
    }
  g_assert_cmpstr (gtk_source_language_get_id (language), ==, "markdown");
  styles = gtk_source_language_get_style_ids (language);
  g_assert_true (g_strv_contains ((const char * const *) styles, "markdown:header"));
  g_assert_true (g_strv_contains ((const char * const *) styles, "markdown:strong-emphasis"));
  for (guint i = 0; styles[i] != NULL; i++)
    g_assert_false (g_str_has_prefix (styles[i], "html:"));

  gtk_text_buffer_set_text (buffer, text, -1);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_source_buffer_ensure_highlight (source, &start, &end);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, g_utf8_pointer_to_offset (text, strstr (text, "strong")));
  tags = gtk_text_iter_get_tags (&iter);
  g_assert_nonnull (tags);
  g_slist_free (tags);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, g_utf8_pointer_to_offset (text, strstr (text, "Some")));
  tags = gtk_text_iter_get_tags (&iter);
  g_assert_null (tags);
  g_slist_free (tags);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, g_utf8_pointer_to_offset (text, strstr (text, "<b>")));
  tags = gtk_text_iter_get_tags (&iter);
  g_assert_null (tags);
  g_slist_free (tags);
  g_object_unref (view);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_autofree char *data_home = NULL;

  /* The example goes to the user data folder: a fresh one. */
  data_home = g_dir_make_tmp ("pillars-data-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  gtk_init ();
  adw_init ();

  app = pl_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  /* Keep it alive without a window, as a running application would be. */
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/window/welcome", test_welcome);
  g_test_add_func ("/window/tabs", test_tabs);
  g_test_add_func ("/window/new-example-recent", test_new_example_recent);
  g_test_add_func ("/window/typing-reaches-file", test_typing_reaches_file);
  g_test_add_func ("/window/write-failure", test_write_failure);
  g_test_add_func ("/window/pillars-add-reorder-remove", test_pillars_add_reorder_remove);
  g_test_add_func ("/window/objectives-and-actions", test_objectives_and_actions);
  g_test_add_func ("/window/lifecycle", test_lifecycle);
  g_test_add_func ("/window/passage", test_passage);
  g_test_add_func ("/window/plan", test_plan);
  g_test_add_func ("/window/read-only", test_read_only);
  g_test_add_func ("/window/bad-documents", test_bad_documents);
  g_test_add_func ("/window/export-dialog", test_export_dialog);
  g_test_add_func ("/window/dark", test_dark);
  g_test_add_func ("/window/shortcuts-and-about", test_shortcuts_and_about);
  g_test_add_func ("/window/big-document", test_big_document);
  g_test_add_func ("/window/markdown", test_markdown);

  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  return status;
}
