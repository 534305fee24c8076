/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's one undo history (pl-window-undo.c), driven through real
 * keys (xdotool's XTEST: the X server delivers them as it would a
 * keyboard's): Ctrl+Z and Ctrl+Shift+Z walk a delete, a status change and
 * a reorder; the toasts say what was deleted and what was undone; typing in
 * a narrative keeps its own undo, which Ctrl+Z reaches first. */
#include "config.h"

#include <gdk/x11/gdkx.h>

#include "pl-document-history.h"
#include "pl-objective-row.h"
#include "pl-test-app.h"

static PlApplication *app;

/* Presses @keys (xdotool syntax, e.g. "ctrl+shift+z") in @window: the
 * pointer goes over it first, as X focus follows the pointer under Xvfb. */
static gboolean
press (GtkWidget  *window,
       const char *keys)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!GDK_IS_X11_SURFACE (surface))
    return FALSE;
  xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  {
    const char *move[] = { "xdotool", "mousemove", "--window", xid, "300", "300", NULL };
    const char *key[] = { "xdotool", "key", "--clearmodifiers", keys, NULL };

    if (!g_spawn_sync (NULL, (char **) move, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error) ||
        !g_spawn_sync (NULL, (char **) key, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error))
      {
        g_test_message ("xdotool: %s", error->message);
        return FALSE;
      }
  }
  return status == 0;
}

static gboolean
can_press (GtkWidget *window)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  if (xdotool == NULL || !GDK_IS_X11_SURFACE (gtk_native_get_surface (GTK_NATIVE (window))))
    {
      g_test_skip ("needs xdotool and an X11 display");
      return FALSE;
    }
  return TRUE;
}

static char *
titles (GListModel *model)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PlAction) a = g_list_model_get_item (model, i);

      g_string_append_printf (s, "%s%s", i ? "|" : "", pl_action_get_title (a));
    }
  return g_string_free (s, FALSE);
}

static gboolean
order_is (GListModel *model,
          const char *expected)
{
  g_autofree char *now = titles (model);

  return g_strcmp0 (now, expected) == 0;
}

static gboolean
buffer_ends_with (GtkTextBuffer *buffer,
                  const char    *suffix)
{
  g_autofree char *text = pl_test_buffer_text (buffer);

  return g_str_has_suffix (text, suffix);
}

static GtkWidget *
find_row_of (GtkWidget   *root,
             PlObjective *objective)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (PL_IS_OBJECTIVE_ROW (child))
        return child;
      if ((found = find_row_of (child, objective)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_keys (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = pl_test_make_demo (dir, "undo.pillars", PL_DEMO_SMALL);
  PlWindow *window = pl_test_open_window (path);
  PlDocument *doc = pl_window_get_document (window);
  g_autoptr(PlPillar) pillar = g_list_model_get_item (pl_document_get_pillars (doc), 0);
  g_autoptr(PlObjective) objective = g_list_model_get_item (pl_document_get_objectives (doc, pillar), 0);
  GListModel *actions = pl_document_get_actions (doc, objective);
  g_autoptr(PlAction) first = g_list_model_get_item (actions, 0);
  g_autoptr(PlAction) last = NULL;
  g_autofree char *original = titles (actions);
  g_autofree char *moved = NULL;
  g_autofree char *expect = NULL;
  g_autofree char *start = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row, *button;
  PlActionStatus status = pl_action_get_status (first);

  if (!can_press (GTK_WIDGET (window)))
    {
      pl_test_close_window (window);
      return;
    }
  g_assert_cmpuint (g_list_model_get_n_items (actions), >=, 2);
  last = g_list_model_get_item (actions, g_list_model_get_n_items (actions) - 1);
  g_assert_false (pl_document_can_undo (doc));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"));

  /* A reorder and a status change, as the rows and the action editor make them. */
  g_assert_true (pl_document_move (doc, PL_RECORD (last), 0, &error));
  moved = titles (actions);
  g_assert_true (pl_record_set (PL_RECORD (first), &error, "status",
                                (int) (status == PL_ACTION_STATUS_COMPLETED ? PL_ACTION_STATUS_DELAYED
                                                                            : PL_ACTION_STATUS_COMPLETED), NULL));
  g_assert_no_error (error);

  /* A delete through the row's own button: the toast names the action. */
  pl_test_select_page (window, 1);
  row = find_row_of (GTK_WIDGET (window), objective);
  g_assert_nonnull (row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  wait_for (pl_test_find_widget (row, GTK_TYPE_BUTTON, NULL, "Delete Action") != NULL);
  button = pl_test_find_widget (row, GTK_TYPE_BUTTON, NULL, "Delete Action");
  g_assert_nonnull (button);
  /* The first button is the first action's: that is now @last. */
  g_signal_emit_by_name (button, "clicked");
  wait_for (pl_record_is_deleted (PL_RECORD (last)));
  pl_test_screenshot (GTK_WIDGET (window), "undo-deleted-toast");
  /* (A long title is shortened in the toast.) */
  start = g_utf8_substring (pl_action_get_title (last), 0, 20);
  expect = g_strdup_printf ("Deleted action “%s", start);
  wait_for (pl_test_find_label (GTK_WIDGET (window), expect) != NULL);
  g_assert_nonnull (pl_test_find_label (GTK_WIDGET (window), expect));
  g_clear_pointer (&expect, g_free);

  /* Ctrl+Z: the delete, then the status, then the reorder. */
  g_assert_true (press (GTK_WIDGET (window), "ctrl+z"));
  wait_for (!pl_record_is_deleted (PL_RECORD (last)));
  g_assert_false (pl_record_is_deleted (PL_RECORD (last)));
  expect = g_strdup_printf ("Undid deleting action “%s", start);
  wait_for (pl_test_find_label (GTK_WIDGET (window), expect) != NULL);
  g_assert_nonnull (pl_test_find_label (GTK_WIDGET (window), expect));
  g_assert_true (order_is (actions, moved));

  g_assert_true (press (GTK_WIDGET (window), "ctrl+z"));
  wait_for (pl_action_get_status (first) == status);
  g_assert_cmpint (pl_action_get_status (first), ==, status);

  g_assert_true (press (GTK_WIDGET (window), "ctrl+z"));
  wait_for (order_is (actions, original));
  g_assert_true (order_is (actions, original));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"));

  /* Ctrl+Shift+Z redoes, in order. */
  g_assert_true (press (GTK_WIDGET (window), "ctrl+shift+z"));
  wait_for (order_is (actions, moved));
  g_assert_true (order_is (actions, moved));

  /* What was undone is in the file. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.flush", NULL);
  {
    g_autoptr(PlDocument) check = pl_test_reopen_read_only (path);
    g_autoptr(PlPillar) p = g_list_model_get_item (pl_document_get_pillars (check), 0);
    g_autoptr(PlObjective) o = g_list_model_get_item (pl_document_get_objectives (check, p), 0);

    g_assert_true (order_is (pl_document_get_actions (check, o), moved));
  }
  pl_test_close_window (window);
}

static void
test_text_keeps_its_undo (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = pl_test_make_demo (dir, "text.pillars", PL_DEMO_SMALL);
  PlWindow *window = pl_test_open_window (path);
  PlDocument *doc = pl_window_get_document (window);
  g_autoptr(PlPillar) pillar = g_list_model_get_item (pl_document_get_pillars (doc), 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *label = NULL;
  GtkTextBuffer *buffer;
  GtkWidget *view;
  GtkTextIter end;

  if (!can_press (GTK_WIDGET (window)))
    {
      pl_test_close_window (window);
      return;
    }
  /* A document change first: the summary. */
  g_assert_true (pl_record_set (PL_RECORD (pillar), &error, "summary", "Skills for everyone", NULL));
  g_assert_no_error (error);

  pl_test_select_page (window, 1);
  buffer = pl_window_get_current_buffer (window);
  g_assert_nonnull (buffer);
  body = pl_test_buffer_text (buffer);
  view = pl_test_find_any (adw_tab_page_get_child (pl_test_nth_page (window, 1)), GTK_TYPE_TEXT_VIEW);
  g_assert_nonnull (view);
  gtk_widget_grab_focus (view);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  g_assert_true (press (GTK_WIDGET (window), "x"));
  wait_for (buffer_ends_with (buffer, "x"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.flush", NULL);
  /* The typing is saved but is not a step of the document's history. */
  g_assert_true (g_str_has_suffix (pl_pillar_get_body (pillar), "x"));
  label = g_strdup_printf ("changing the summary of pillar “%s”", pl_pillar_get_title (pillar));
  g_assert_cmpstr (pl_document_get_undo_label (doc), ==, label);

  /* Ctrl+Z in the text undoes the typing, not the summary... */
  g_assert_true (press (GTK_WIDGET (window), "ctrl+z"));
  wait_for (!buffer_ends_with (buffer, "x"));
  g_assert_cmpstr (pl_pillar_get_summary (pillar), ==, "Skills for everyone");

  /* ... and once the text has nothing left to undo, the document's step. */
  g_assert_true (press (GTK_WIDGET (window), "ctrl+z"));
  wait_for (g_strcmp0 (pl_pillar_get_summary (pillar), "Skills for everyone") != 0);
  g_assert_cmpstr (pl_pillar_get_summary (pillar), !=, "Skills for everyone");
  pl_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  app = pl_test_init_app (&argc, &argv);

  g_test_add_func ("/window-undo/keys", test_keys);
  g_test_add_func ("/window-undo/text-keeps-its-undo", test_text_keeps_its_undo);

  return pl_test_run_app ();
}
