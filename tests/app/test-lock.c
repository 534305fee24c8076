/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An adopted strategy: the text is read-only under a bar that says so;
 * "Unlock…" asks a reason, takes a snapshot labelled with it and unlocks
 * until the window closes. */
#include "config.h"

#include "pl-document-snapshots.h"
#include "pl-pillar-editor.h"
#include "pl-plan-page-private.h"
#include "pl-window-private.h"
#include "pl-test-versions.h"

static PlApplication *app;

/* Whether any text view under @root can be typed in. */
static gboolean
any_editable_text (GtkWidget *root)
{
  if (GTK_IS_TEXT_VIEW (root) && gtk_text_view_get_editable (GTK_TEXT_VIEW (root)) && gtk_widget_get_mapped (root))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (any_editable_text (child))
      return TRUE;
  return FALSE;
}

static void
test_lock (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = pl_test_make_demo (dir, "lock.pillars", PL_DEMO_SMALL);
  PlWindow *window = pl_test_open_window (path);
  PlDocument *doc = pl_window_get_document (window);
  GListModel *snapshots = pl_document_get_snapshots (doc);
  AdwMessageDialog *dialog;
  GtkWidget *bar_label, *entry;
  g_autoptr(PlSnapshot) newest = NULL;
  guint n;

  pl_test_select_page (window, 1);
  g_assert_true (pl_window_is_editable (window));
  g_assert_true (any_editable_text (adw_tab_page_get_child (pl_test_nth_page (window, 1))));
  g_assert_null (pl_test_find_label (GTK_WIDGET (window), "Adopted — the text is locked"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.status", "s", "adopted"));
  g_assert_cmpint (pl_strategy_get_status (pl_document_get_strategy (doc)), ==, PL_LIFECYCLE_ADOPTED);
  g_assert_false (pl_window_is_editable (window));
  bar_label = pl_test_find_label (GTK_WIDGET (window), "Adopted — the text is locked");
  g_assert_nonnull (bar_label);
  wait_for (gtk_widget_get_mapped (bar_label));
  /* The same tab is in front, read-only. */
  g_assert_true (adw_tab_view_get_selected_page (pl_window_get_tab_view (window)) == pl_test_nth_page (window, 1));
  wait_for (gtk_widget_get_mapped (adw_tab_page_get_child (pl_test_nth_page (window, 1))));
  g_assert_false (any_editable_text (adw_tab_page_get_child (pl_test_nth_page (window, 1))));
  {
    guint n_pillars = g_list_model_get_n_items (pl_document_get_pillars (doc));

    gtk_widget_activate_action (GTK_WIDGET (window), "win.new-pillar", NULL);
    g_assert_cmpuint (g_list_model_get_n_items (pl_document_get_pillars (doc)), ==, n_pillars);
  }
  pl_test_screenshot (GTK_WIDGET (window), "lock-1280x800-light");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  wait_for (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  pl_test_screenshot (GTK_WIDGET (window), "lock-1280x800-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* Unlock: a reason is required; a snapshot is labelled with it. */
  n = g_list_model_get_n_items (snapshots);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.unlock", NULL));
  wait_for (pl_test_find_message_dialog ("Unlock Editing?") != NULL);
  dialog = pl_test_find_message_dialog ("Unlock Editing?");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "unlock"));
  entry = pl_test_find_entry (GTK_WIDGET (dialog));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Cabinet moved action 2.1.1 to the CSIRT");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "unlock"));
  pl_test_screenshot (GTK_WIDGET (dialog), "lock-unlock-dialog");
  adw_message_dialog_response (dialog, "unlock");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (snapshots), ==, n + 1);
  newest = g_list_model_get_item (snapshots, n);
  g_assert_cmpstr (pl_snapshot_get_name (newest), ==, "Unlocked: Cabinet moved action 2.1.1 to the CSIRT");
  g_assert_true (pl_window_is_editable (window));
  wait_for (!gtk_widget_get_mapped (bar_label) || !gtk_widget_get_visible (bar_label));
  wait_for (gtk_widget_get_mapped (adw_tab_page_get_child (pl_test_nth_page (window, 1))));
  g_assert_true (any_editable_text (adw_tab_page_get_child (pl_test_nth_page (window, 1))));
  pl_test_close_window (window);

  /* For the session only: a new window is locked again. */
  window = pl_test_open_window (path);
  g_assert_false (pl_window_is_editable (window));
  g_assert_nonnull (pl_test_find_label (GTK_WIDGET (window), "Adopted — the text is locked"));
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 600);
  gtk_window_unmaximize (GTK_WINDOW (window));
  pl_test_screenshot (GTK_WIDGET (window), "lock-1024x600-light");
  /* Back to drafting: not locked. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.status", "s", "drafting"));
  g_assert_true (pl_window_is_editable (window));
  pl_test_close_window (window);
}

/* The unlock refuses an empty reason with a message. */
static void
test_unlock_needs_reason (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = pl_test_make_demo (dir, "reason.pillars", PL_DEMO_SMALL);
  PlWindow *window = pl_test_open_window (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.status", "s", "cabinet-review"));
  g_assert_nonnull (pl_test_find_label (GTK_WIDGET (window), "In cabinet review — editing is locked"));
  g_assert_false (_pl_window_versions_unlock (window, "   ", &error));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_FAILED);
  g_assert_false (pl_window_is_editable (window));
  pl_test_close_window (window);
}

/* The plan's status combo of the action open in the side editor, after
 * the plan is brought to the front with its first action selected. */
static GtkWidget *
plan_status_row (PlWindow  *window,
                 PlAction **action)
{
  GtkColumnView *view;
  GtkWidget *editor;

  adw_tab_view_set_selected_page (pl_window_get_tab_view (window), window->plan_page);
  pl_plan_page_ensure_loaded (window->plan);
  view = pl_plan_page_get_column_view (window->plan);
  wait_for (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))) > 0);
  *action = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (view)), 0);
  g_assert_true (pl_plan_page_select (window->plan, *action));
  wait_for ((editor = pl_test_find_widget (GTK_WIDGET (window->plan), ADW_TYPE_ENTRY_ROW, "Action", NULL)) != NULL);
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (editor)));
  return pl_test_find_widget (GTK_WIDGET (window->plan), ADW_TYPE_COMBO_ROW, "Status", NULL);
}

/* Adopted is when implementation starts (DESIGN: "adopted (text locked) →
 * implementation (actions tracked)"): the text stays locked, but each
 * action's status can be updated in the plan without unlocking. In
 * cabinet review nothing can change. */
static void
test_adopted_tracks_progress (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = pl_test_make_demo (dir, "progress.pillars", PL_DEMO_SMALL);
  PlWindow *window = pl_test_open_window (path);
  g_autoptr(PlAction) action = NULL;
  g_autoptr(PlAction) again = NULL;
  g_autoptr(PlDocument) reopened = NULL;
  GtkWidget *status;
  guint completed = PL_ACTION_STATUS_COMPLETED;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.status", "s", "cabinet-review"));
  status = plan_status_row (window, &action);
  g_assert_false (gtk_widget_is_sensitive (status));
  g_clear_object (&action);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.status", "s", "adopted"));
  g_assert_false (pl_window_is_editable (window));
  status = plan_status_row (window, &action);
  g_assert_true (gtk_widget_is_sensitive (status));
  if (pl_action_get_status (action) == completed)
    completed = PL_ACTION_STATUS_IN_PROGRESS;
  adw_combo_row_set_selected (ADW_COMBO_ROW (status), completed);
  g_assert_cmpint (pl_action_get_status (action), ==, completed);
  pl_test_screenshot (GTK_WIDGET (window), "lock-adopted-plan");
  /* Still adopted, still locked. */
  g_assert_cmpint (pl_strategy_get_status (pl_document_get_strategy (pl_window_get_document (window))), ==,
                   PL_LIFECYCLE_ADOPTED);
  g_assert_false (pl_window_is_editable (window));
  g_assert_true (pl_window_flush (window, NULL));
  pl_test_close_window (window);

  reopened = pl_test_reopen_read_only (path);
  again = PL_ACTION (pl_document_lookup_uuid (reopened, PL_TYPE_ACTION, pl_record_get_uuid (PL_RECORD (action)), NULL));
  g_assert_nonnull (again);
  g_assert_cmpint (pl_action_get_status (again), ==, completed);
  pl_document_close (reopened);
}

int
main (int   argc,
      char *argv[])
{
  app = pl_test_init_app (&argc, &argv);

  g_test_add_func ("/lock/adopted", test_lock);
  g_test_add_func ("/lock/needs-reason", test_unlock_needs_reason);
  g_test_add_func ("/lock/adopted-tracks-progress", test_adopted_tracks_progress);

  return pl_test_run_app ();
}
