/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The implementation plan tab: loaded when first shown, sorted, edited. */
#include "config.h"

#include "pl-plan-page.h"
#include "pl-test-app.h"

static PlApplication *app;

static void
test_plan (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = pl_test_make_demo (dir, "plan.pillars", PL_DEMO_SMALL);
  PlWindow *window = pl_test_open_window (path);
  PlDocument *doc = pl_window_get_document (window);
  int last = adw_tab_view_get_n_pages (pl_window_get_tab_view (window)) - 1;
  PlPlanPage *plan = PL_PLAN_PAGE (adw_tab_page_get_child (pl_test_nth_page (window, last)));
  GtkColumnView *columns = pl_plan_page_get_column_view (plan);
  GListModel *model;
  GListModel *cols;
  g_autoptr(GtkColumnViewColumn) priority = NULL;
  g_autoptr(PlAction) top = NULL;
  g_autoptr(PlDocument) check = NULL;

  /* The plan reads every action only when it is first shown; nothing is
   * selected until the drafter picks an action. */
  g_assert_false (pl_plan_page_is_loaded (plan));
  pl_test_select_page (window, last);
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
  top = g_list_model_get_item (model, 0);
  g_assert_cmpint (pl_action_get_priority (top), ==, PL_PRIORITY_HIGH);

  /* Edit the selected action. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), 0, TRUE);
  wait_for (pl_plan_page_get_selected (plan) == top);
  g_assert_true (pl_plan_page_get_selected (plan) == top);
  pl_test_screenshot (GTK_WIDGET (window), "plan-selected");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (plan), "plan.close-editor", NULL));
  g_assert_null (pl_plan_page_get_selected (plan));
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), 0, TRUE);
  g_assert_true (pl_record_set (PL_RECORD (top), NULL, "status", (int) PL_ACTION_STATUS_COMPLETED, NULL));
  pl_test_close_window (window);
  check = pl_test_reopen_read_only (path);
  {
    g_autoptr(PlRecord) again = pl_document_lookup (check, PL_TYPE_ACTION, pl_record_get_id (PL_RECORD (top)), NULL);

    g_assert_nonnull (again);
    g_assert_cmpint (pl_action_get_status (PL_ACTION (again)), ==, PL_ACTION_STATUS_COMPLETED);
  }
}

int
main (int   argc,
      char *argv[])
{
  app = pl_test_init_app (&argc, &argv);

  g_test_add_func ("/plan-page/plan", test_plan);

  return pl_test_run_app ();
}
