/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A pillar tab: pillars added, renamed, reordered and removed; objectives and
 * their actions (PlObjectiveRow, PlActionEditor) through their actions. */
#include "config.h"

#include "pl-objective-row.h"
#include "pl-pillar-editor.h"
#include "pl-plan-page.h"
#include "pl-test-app.h"

static PlApplication *app;

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
test_pillars_add_reorder_remove (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = pl_test_make_demo (dir, "pillars.pillars", PL_DEMO_SMALL);
  PlWindow *window = pl_test_open_window (path);
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
  wait_for ((g_list_model_get_n_items (pillars)) == (6));
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
    wait_for (g_strcmp0 (adw_tab_page_get_title (page), "Research and development") == 0);
    g_assert_cmpstr (adw_tab_page_get_title (page), ==, "Research and development");
  }

  /* Reorder by moving the tab (as a drag does): the document follows. */
  first = g_list_model_get_item (pillars, 0);
  g_assert_true (adw_tab_view_reorder_page (view, page, 1));
  wait_for ((pl_record_get_position (PL_RECORD (added))) == (0));
  g_assert_cmpint (pl_record_get_position (PL_RECORD (added)), ==, 0);
  g_assert_cmpint (pl_record_get_position (PL_RECORD (first)), ==, 1);
  g_assert_cmpint (adw_tab_view_get_page_position (view, page), ==, 1);

  /* The overview is pinned: no pillar can be dragged before it. */
  g_assert_true (adw_tab_page_get_pinned (pl_test_nth_page (window, 0)));
  g_assert_cmpint (adw_tab_view_get_n_pinned_pages (view), ==, 1);

  /* Dragging the plan among the pillars is put back at the end. */
  g_assert_true (adw_tab_view_reorder_page (view, pl_test_nth_page (window, 7), 2));
  wait_for (PL_IS_PLAN_PAGE (adw_tab_page_get_child (pl_test_nth_page (window, 7))));
  g_assert_true (PL_IS_PLAN_PAGE (adw_tab_page_get_child (pl_test_nth_page (window, 7))));
  g_assert_cmpint (pl_record_get_position (PL_RECORD (added)), ==, 0);
  g_assert_true (pl_window_get_pillar_page (window, first) == pl_test_nth_page (window, 2));

  /* Move the first pillar back to the front. */
  g_assert_true (adw_tab_view_reorder_page (view, pl_window_get_pillar_page (window, first), 1));
  wait_for ((pl_record_get_position (PL_RECORD (first))) == (0));
  g_assert_cmpint (pl_record_get_position (PL_RECORD (first)), ==, 0);
  g_assert_true (pl_window_get_pillar_page (window, first) == pl_test_nth_page (window, 1));

  /* Keyboard move (the tab menu's Move Right). */
  adw_tab_view_set_selected_page (view, pl_window_get_pillar_page (window, first));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.move-pillar-right", NULL);
  wait_for ((pl_record_get_position (PL_RECORD (first))) == (1));
  g_assert_cmpint (pl_record_get_position (PL_RECORD (first)), ==, 1);
  g_assert_true (pl_window_get_pillar_page (window, first) == pl_test_nth_page (window, 2));

  check = pl_test_reopen_read_only (path);
  {
    g_autoptr(PlPillar) p0 = g_list_model_get_item (pl_document_get_pillars (check), 0);

    g_assert_cmpstr (pl_pillar_get_title (p0), ==, "Research and development");
  }
  g_clear_object (&check);

  /* Remove, with confirmation, then undo. */
  adw_tab_view_set_selected_page (view, pl_window_get_pillar_page (window, added));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-pillar", NULL);
  wait_for (pl_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  dialog = ADW_MESSAGE_DIALOG (pl_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  pl_test_screenshot (GTK_WIDGET (dialog), "remove-pillar-dialog");
  adw_message_dialog_response (dialog, "delete");
  pl_test_destroy_toplevels (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpuint (g_list_model_get_n_items (pillars), ==, 5);
  g_assert_cmpint (adw_tab_view_get_n_pages (view), ==, 7);
  g_assert_null (pl_window_get_pillar_page (window, added));
  check = pl_test_reopen_read_only (path);
  g_assert_cmpint (pl_document_count (check, "pillars"), ==, 5);
  g_clear_object (&check);

  pl_test_screenshot (GTK_WIDGET (window), "pillar-deleted-toast");
  pl_test_click_undo (window);
  g_assert_cmpuint (g_list_model_get_n_items (pillars), ==, 6);
  g_assert_cmpint (adw_tab_view_get_n_pages (view), ==, 8);
  page = pl_window_get_pillar_page (window, added);
  g_assert_nonnull (page);
  g_assert_cmpint (adw_tab_view_get_page_position (view, page), ==, 1);
  check = pl_test_reopen_read_only (path);
  g_assert_cmpint (pl_document_count (check, "pillars"), ==, 6);
  g_clear_object (&check);

  /* A tab's × is not a delete (#11 item 6): closing the tab neither asks
   * nor deletes, and the tab stays. */
  adw_tab_view_close_page (view, page);
  pl_test_drain ();
  g_assert_null (pl_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (pl_window_get_pillar_page (window, added) == page);
  g_assert_cmpint (adw_tab_view_get_n_pages (view), ==, 8);
  g_assert_cmpuint (g_list_model_get_n_items (pillars), ==, 6);

  pl_test_close_window (window);
}

static void
test_objectives_and_actions (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = pl_test_make_demo (dir, "objectives.pillars", PL_DEMO_SMALL);
  PlWindow *window = pl_test_open_window (path);
  PlDocument *doc = pl_window_get_document (window);
  g_autoptr(PlPillar) pillar = g_list_model_get_item (pl_document_get_pillars (doc), 0);
  GListModel *objectives = pl_document_get_objectives (doc, pillar);
  guint n = g_list_model_get_n_items (objectives);
  PlPillarEditor *editor;
  PlObjectiveRow *row;
  g_autoptr(PlObjective) objective = NULL;
  gint64 actions_before = pl_document_count (doc, "actions");
  PlAction *action;

  pl_test_select_page (window, 1);
  editor = PL_PILLAR_EDITOR (adw_tab_page_get_child (pl_test_nth_page (window, 1)));

  /* New objective and a new action in it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-objective", NULL);
  wait_for ((g_list_model_get_n_items (objectives)) == (n + 1));
  g_assert_cmpuint (g_list_model_get_n_items (objectives), ==, n + 1);
  objective = g_list_model_get_item (objectives, n);
  g_assert_true (pl_window_get_current_target (window) == PL_RECORD (objective));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-action", NULL);
  wait_for ((pl_document_count (doc, "actions")) == (actions_before + 1));
  g_assert_cmpint (pl_document_count (doc, "actions"), ==, actions_before + 1);
  g_assert_cmpuint (g_list_model_get_n_items (pl_document_get_actions (doc, objective)), ==, 1);
  action = g_list_model_get_item (pl_document_get_actions (doc, objective), 0);
  g_object_unref (action);
  g_assert_true (pl_window_get_current_target (window) == PL_RECORD (action));
  {
    GtkWindow *dialog = pl_test_find_toplevel (ADW_TYPE_WINDOW);

    g_assert_nonnull (dialog);
    pl_test_screenshot (GTK_WIDGET (dialog), "action-dialog");
    gtk_window_close (dialog);
    wait_for (!pl_test_is_toplevel (dialog));
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
    pl_test_screenshot (GTK_WIDGET (window), "objective-expanded");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "objective.delete", NULL));
    wait_for ((g_list_model_get_n_items (objectives)) == (count - 1));
    g_assert_cmpuint (g_list_model_get_n_items (objectives), ==, count - 1);
    g_assert_true (pl_record_is_deleted (PL_RECORD (victim)));
    pl_test_click_undo (window);
    g_assert_cmpuint (g_list_model_get_n_items (objectives), ==, count);
    g_assert_false (pl_record_is_deleted (PL_RECORD (victim)));
    g_assert_cmpint (pl_record_get_position (PL_RECORD (victim)), ==, 0);

    /* Reorder from the objective's menu. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (first_objective_row (editor)), "objective.move-down", NULL));
    wait_for ((pl_record_get_position (PL_RECORD (victim))) == (1));
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
    wait_for (pl_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_BUTTON, NULL, "Move Down") != NULL);
    button = pl_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_BUTTON, NULL, "Move Down");
    g_assert_nonnull (button);
    if (button != NULL)
      g_signal_emit_by_name (button, "clicked");
    wait_for ((pl_record_get_position (PL_RECORD (first_action))) == (1));
    g_assert_cmpint (pl_record_get_position (PL_RECORD (first_action)), ==, 1);

    button = pl_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_BUTTON, NULL, "Delete Action");
    g_assert_nonnull (button);
    if (button != NULL)
      g_signal_emit_by_name (button, "clicked");
    wait_for ((g_list_model_get_n_items (actions)) == (n_actions - 1));
    g_assert_cmpuint (g_list_model_get_n_items (actions), ==, n_actions - 1);
    pl_test_click_undo (window);
    g_assert_cmpuint (g_list_model_get_n_items (actions), ==, n_actions);
  }
  pl_test_close_window (window);
}

static const char *
row_number (PlObjectiveRow *row)
{
  GObject *label = gtk_widget_get_template_child (GTK_WIDGET (row), PL_TYPE_OBJECTIVE_ROW, "number_label");

  return gtk_label_get_text (GTK_LABEL (label));
}

/* Another pillar moved or deleted: the open tab's rows say their new
 * numbers at once, not the old ones (#11 item 5). */
static void
test_rows_renumbered (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = pl_test_make_demo (dir, "renumber.pillars", PL_DEMO_SMALL);
  PlWindow *window = pl_test_open_window (path);
  PlDocument *doc = pl_window_get_document (window);
  g_autoptr(PlPillar) first = g_list_model_get_item (pl_document_get_pillars (doc), 0);
  g_autoptr(GError) error = NULL;
  PlPillarEditor *editor;
  PlObjectiveRow *row;

  pl_test_select_page (window, 2);
  editor = PL_PILLAR_EDITOR (adw_tab_page_get_child (pl_test_nth_page (window, 2)));
  wait_for (first_objective_row (editor) != NULL);
  row = first_objective_row (editor);
  g_assert_cmpstr (row_number (row), ==, "2.1");

  g_assert_true (pl_document_move (doc, PL_RECORD (first), 1, &error));
  g_assert_no_error (error);
  wait_for (g_str_equal (row_number (row), "1.1"));
  g_assert_cmpstr (row_number (row), ==, "1.1");

  g_assert_true (pl_document_move (doc, PL_RECORD (first), 0, &error));
  g_assert_no_error (error);
  wait_for (g_str_equal (row_number (row), "2.1"));
  g_assert_true (pl_document_delete (doc, PL_RECORD (first), &error));
  g_assert_no_error (error);
  wait_for (g_str_equal (row_number (row), "1.1"));
  g_assert_cmpstr (row_number (row), ==, "1.1");
  pl_test_close_window (window);
}

/* A mapped button under @root labelled @label. */
static GtkWidget *
find_mapped_button (GtkWidget  *root,
                    const char *label)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_mapped_button (c, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A new pillar's empty objectives list says so and offers "Add Objective"
 * in its place, which adds the first one (#11 item 13). */
static void
test_empty_objectives_placeholder (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = pl_test_make_demo (dir, "placeholder.pillars", PL_DEMO_SMALL);
  PlWindow *window = pl_test_open_window (path);
  PlDocument *doc = pl_window_get_document (window);
  GListModel *pillars = pl_document_get_pillars (doc);
  guint n = g_list_model_get_n_items (pillars);
  g_autoptr(PlPillar) added = NULL;
  PlPillarEditor *editor;
  GtkWidget *button;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-pillar", NULL);
  wait_for (g_list_model_get_n_items (pillars) == n + 1);
  added = g_list_model_get_item (pillars, n);
  editor = PL_PILLAR_EDITOR (adw_tab_page_get_child (pl_window_get_pillar_page (window, added)));
  wait_for (gtk_widget_get_mapped (GTK_WIDGET (editor)));
  pl_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_nonnull (pl_test_find_label (GTK_WIDGET (editor), "No objectives yet"));
  g_assert_true (gtk_widget_get_mapped (pl_test_find_label (GTK_WIDGET (editor), "No objectives yet")));
  button = find_mapped_button (GTK_WIDGET (editor), "Add Objective");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  pl_test_screenshot (GTK_WIDGET (window), "pillar-empty-objectives");

  g_signal_emit_by_name (button, "clicked");
  wait_for (g_list_model_get_n_items (pl_document_get_objectives (doc, added)) == 1);
  wait_for (first_objective_row (editor) != NULL);
  pl_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_null (find_mapped_button (GTK_WIDGET (editor), "Add Objective"));
  pl_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  app = pl_test_init_app (&argc, &argv);

  g_test_add_func ("/pillar-editor/pillars-add-reorder-remove", test_pillars_add_reorder_remove);
  g_test_add_func ("/pillar-editor/objectives-and-actions", test_objectives_and_actions);
  g_test_add_func ("/pillar-editor/rows-renumbered", test_rows_renumbered);
  g_test_add_func ("/pillar-editor/empty-objectives-placeholder", test_empty_objectives_placeholder);

  return pl_test_run_app ();
}
