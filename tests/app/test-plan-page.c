/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The implementation plan tab: loaded when first shown, sorted, edited. */
#include "config.h"

#include "pl-plan-page-private.h"
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
  g_assert_cmpuint (g_list_model_get_n_items (cols), ==, 12);

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

static GtkColumnViewColumn *
column_titled (GtkColumnView *view,
               const char    *title)
{
  GListModel *cols = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (cols); i++)
    {
      g_autoptr(GtkColumnViewColumn) col = g_list_model_get_item (cols, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (col), title) == 0)
        return col;
    }
  return NULL;
}

static gboolean
hidden_has (GSettings  *settings,
            const char *key)
{
  g_auto(GStrv) hidden = g_settings_get_strv (settings, "plan-hidden-columns");

  return g_strv_contains ((const char * const *) hidden, key);
}

static int
saved_width (GSettings  *settings,
             const char *key)
{
  g_autoptr(GVariant) widths = g_settings_get_value (settings, "plan-column-widths");
  int width = -1;

  g_variant_lookup (widths, key, "i", &width);
  return width;
}

/* Cost, partners, start and end are in the plan; the drafter shows, hides
 * and resizes columns, and the next window remembers; with the pane open
 * the action's title keeps room. */
static void
test_columns (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = pl_test_make_demo (dir, "columns.pillars", PL_DEMO_SMALL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  PlWindow *window;
  PlPlanPage *plan;
  GtkColumnView *columns;
  GtkColumnViewColumn *cost, *partners;
  int last;

  g_settings_reset (settings, "plan-hidden-columns");
  g_settings_reset (settings, "plan-column-widths");
  window = pl_test_open_window (path);
  last = adw_tab_view_get_n_pages (pl_window_get_tab_view (window)) - 1;
  plan = PL_PLAN_PAGE (adw_tab_page_get_child (pl_test_nth_page (window, last)));
  pl_test_select_page (window, last);
  columns = pl_plan_page_get_column_view (plan);

  cost = column_titled (columns, "Cost");
  partners = column_titled (columns, "Partners");
  g_assert_nonnull (cost);
  g_assert_nonnull (partners);
  g_assert_nonnull (column_titled (columns, "Start"));
  g_assert_nonnull (column_titled (columns, "End"));
  g_assert_true (gtk_column_view_column_get_visible (cost));
  g_assert_false (gtk_column_view_column_get_visible (partners));

  /* The pane open at 1280 px: the action's title is not squeezed to a
   * few letters (its cell as drawn, not the sum of widths). */
  pl_test_wait_for_frame (GTK_WIDGET (window));
  pl_test_screenshot (GTK_WIDGET (window), "plan-columns");
  {
    GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (columns));
    g_autoptr(PlAction) first = g_list_model_get_item (model, 0);
    GtkWidget *cell = pl_test_find_label (GTK_WIDGET (columns), pl_action_get_title (first));

    g_assert_nonnull (cell);
    g_test_message ("action cell %d px wide, table %d px", cell ? gtk_widget_get_width (cell) : -1,
                    gtk_widget_get_width (GTK_WIDGET (columns)));
    g_assert_cmpint (gtk_widget_get_width (cell), >=, 200);
  }

  /* Show partners through the Columns menu's action, widen cost. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (columns), "plan-columns.partners", NULL));
  g_assert_true (gtk_column_view_column_get_visible (partners));
  g_assert_false (hidden_has (settings, "partners"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (columns), "plan-columns.cost", NULL));
  g_assert_false (gtk_column_view_column_get_visible (cost));
  g_assert_true (hidden_has (settings, "cost"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (columns), "plan-columns.cost", NULL));
  gtk_column_view_column_set_fixed_width (cost, 173);
  wait_for (saved_width (settings, "cost") == 173);
  g_assert_cmpint (saved_width (settings, "cost"), ==, 173);
  pl_test_close_window (window);

  /* The next window shows them as left. */
  window = pl_test_open_window (path);
  plan = PL_PLAN_PAGE (adw_tab_page_get_child (pl_test_nth_page (window, last)));
  pl_test_select_page (window, last);
  columns = pl_plan_page_get_column_view (plan);
  g_assert_true (gtk_column_view_column_get_visible (column_titled (columns, "Partners")));
  g_assert_true (gtk_column_view_column_get_visible (column_titled (columns, "Cost")));
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (column_titled (columns, "Cost")), ==, 173);
  pl_test_close_window (window);
  g_settings_reset (settings, "plan-hidden-columns");
  g_settings_reset (settings, "plan-column-widths");
}

int
main (int   argc,
      char *argv[])
{
  app = pl_test_init_app (&argc, &argv);

  g_test_add_func ("/plan-page/plan", test_plan);
  g_test_add_func ("/plan-page/columns", test_columns);

  return pl_test_run_app ();
}
