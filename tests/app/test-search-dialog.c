/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Search Strategy… driven with real key presses (xdotool through the X
 * server): Ctrl+Shift+F from the text, the query typed, results grouped by
 * pillar and feedback, ↓ and Enter jumping to the place, Esc returning. */
#include "config.h"

#include <gdk/x11/gdkx.h>

#include "pl-search-dialog.h"
#include "pl-test-app.h"
#include "pl-test-input.h"

static PlApplication *app;

static PlSearchDialog *
open_search (PlWindow *window)
{
  PlSearchDialog *dialog;

  pl_test_focus_window (GTK_WINDOW (window));
  pl_test_press ("ctrl+shift+f");
  wait_for ((dialog = (PlSearchDialog *) pl_test_find_toplevel (PL_TYPE_SEARCH_DIALOG)) != NULL);
  pl_test_wait_shown (dialog);
  pl_test_focus_window (GTK_WINDOW (dialog));
  return dialog;
}

static const char *
selected_title (PlWindow *window)
{
  return adw_tab_page_get_title (adw_tab_view_get_selected_page (pl_window_get_tab_view (window)));
}

static gboolean
focus_in_front_tab (PlWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  AdwTabPage *page = adw_tab_view_get_selected_page (pl_window_get_tab_view (window));

  return focus != NULL && gtk_widget_is_ancestor (focus, adw_tab_page_get_child (page));
}

static gboolean
selection_is (PlWindow   *window,
              const char *text)
{
  GtkTextBuffer *buffer = pl_window_get_current_buffer (window);
  GtkTextIter start, end;
  g_autofree char *selected = NULL;

  if (buffer == NULL || !gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return FALSE;
  selected = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return g_ascii_strcasecmp (selected, text) == 0;
}

/* Every label's text in @root, one a line. */
static void
collect_labels (GtkWidget *root,
                GString   *out)
{
  if (GTK_IS_LABEL (root))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

/* Typing a word of one pillar's narrative: one group, that pillar's; Enter
 * switches to its tab and selects the word in the narrative. */
static void
test_narrative (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = pl_test_make_demo (dir, "search.pillars", PL_DEMO_SMALL);
  PlWindow *window;
  PlSearchDialog *dialog;
  guint n, narrative = G_MAXUINT;

  if (!pl_test_can_send_input ())
    return;
  window = pl_test_open_window (path);
  g_assert_cmpstr (selected_title (window), !=, "Legislation and regulation");
  dialog = open_search (window);
  g_assert_cmpuint (pl_search_dialog_get_n_results (dialog), ==, 0);
  pl_test_type ("offline");
  wait_for (pl_search_dialog_get_n_results (dialog) > 0);
  n = pl_search_dialog_get_n_results (dialog);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpstr (pl_search_dialog_get_row_group (dialog, i), ==, "Legislation and regulation");
      if (narrative == G_MAXUINT && pl_test_find_label (pl_search_dialog_get_row (dialog, i), "Narrative") != NULL)
        narrative = i;
    }
  g_assert_cmpuint (narrative, !=, G_MAXUINT);
  for (guint i = 0; i < narrative; i++)
    pl_test_press ("Down");
  wait_for (gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (pl_search_dialog_get_row (dialog, narrative))));
  pl_test_press ("Return");
  wait_for (!pl_test_is_toplevel (dialog));
  wait_for (g_strcmp0 (selected_title (window), "Legislation and regulation") == 0);
  wait_for (selection_is (window, "offline"));
  wait_for (focus_in_front_tab (window));

  pl_test_close_window (window);
}

/* Words found in a pillar and in feedback: the pillar's group before the
 * feedback; ↓ to an objective and Enter makes it the target. Esc closes
 * and gives the focus back to the window. */
static void
test_groups_and_keys (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = pl_test_make_demo (dir, "search.pillars", PL_DEMO_SMALL);
  PlWindow *window;
  PlSearchDialog *dialog;
  guint n, objective = G_MAXUINT, feedback = G_MAXUINT;
  g_autoptr(PlRecord) target = NULL;
  g_autoptr(GString) row_text = g_string_new ("\n");
  g_autofree char *number = NULL;
  g_autoptr(PlPillar) pillar = NULL;

  if (!pl_test_can_send_input ())
    return;
  window = pl_test_open_window (path);
  dialog = open_search (window);
  pl_test_press ("Escape");
  wait_for (!pl_test_is_toplevel (dialog));
  wait_for (gtk_window_is_active (GTK_WINDOW (window)));

  dialog = open_search (window);
  pl_test_type ("Budapest");
  wait_for (pl_search_dialog_get_n_results (dialog) > 0);
  n = pl_search_dialog_get_n_results (dialog);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = pl_search_dialog_get_row (dialog, i);
      const char *group = pl_search_dialog_get_row_group (dialog, i);
      g_autofree char *label = NULL;

      if (g_str_equal (group, "Feedback") && feedback == G_MAXUINT)
        feedback = i;
      if (g_str_equal (group, "Legislation and regulation") && objective == G_MAXUINT &&
          pl_test_find_label (row, "Objective") != NULL)
        objective = i;
      /* Groups are contiguous: no group comes back after another. */
      if (i > 0 && !g_str_equal (group, pl_search_dialog_get_row_group (dialog, i - 1)))
        for (guint j = 0; j + 1 < i; j++)
          g_assert_cmpstr (pl_search_dialog_get_row_group (dialog, j), !=, group);
    }
  g_assert_cmpuint (objective, !=, G_MAXUINT);
  g_assert_cmpuint (feedback, !=, G_MAXUINT);
  g_assert_cmpuint (objective, <, feedback);
  g_assert_cmpstr (pl_search_dialog_get_row_group (dialog, n - 1), ==, "Feedback");

  for (guint i = 0; i < objective; i++)
    pl_test_press ("Down");
  wait_for (gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (pl_search_dialog_get_row (dialog, objective))));
  collect_labels (pl_search_dialog_get_row (dialog, objective), row_text);
  pl_test_press ("Return");
  wait_for (!pl_test_is_toplevel (dialog));
  wait_for (g_strcmp0 (selected_title (window), "Legislation and regulation") == 0);
  wait_for (PL_IS_OBJECTIVE (pl_window_get_current_target (window)));
  /* The row was numbered from the objective's and its pillar's positions. */
  target = g_object_ref (pl_window_get_current_target (window));
  pillar = pl_document_get_pillar_of (pl_window_get_document (window), target);
  number = g_strdup_printf ("\n%d.%d ", (int) pl_record_get_position (PL_RECORD (pillar)) + 1,
                            (int) pl_record_get_position (target) + 1);
  g_assert_nonnull (strstr (row_text->str, number));
  wait_for (focus_in_front_tab (window));

  pl_test_close_window (window);
}

/* Words nothing contains: the no-results page. Then words found in
 * feedback: Enter on the feedback row opens it in the pane. */
static void
test_no_results_and_feedback (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = pl_test_make_demo (dir, "search.pillars", PL_DEMO_SMALL);
  PlWindow *window;
  PlSearchDialog *dialog;
  PlFeedbackPane *pane;
  GtkWidget *none;
  guint n;

  if (!pl_test_can_send_input ())
    return;
  window = pl_test_open_window (path);
  pane = PL_FEEDBACK_PANE (pl_window_get_side_pane (window));
  dialog = open_search (window);
  pl_test_type ("zqxwv");
  wait_for ((none = pl_test_find_label (GTK_WIDGET (dialog), "No Results")) != NULL && gtk_widget_get_mapped (none));
  g_assert_cmpuint (pl_search_dialog_get_n_results (dialog), ==, 0);

  pl_test_press ("ctrl+a");
  pl_test_type ("Budapest");
  wait_for (pl_search_dialog_get_n_results (dialog) > 0 && !gtk_widget_get_mapped (none));
  n = pl_search_dialog_get_n_results (dialog);
  g_assert_cmpstr (pl_search_dialog_get_row_group (dialog, n - 1), ==, "Feedback");
  for (guint i = 0; i + 1 < n; i++)
    pl_test_press ("Down");
  wait_for (gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (pl_search_dialog_get_row (dialog, n - 1))));
  pl_test_press ("Return");
  wait_for (!pl_test_is_toplevel (dialog));
  wait_for (pl_feedback_pane_get_selected (pane) != NULL);
  g_assert_nonnull (strstr (pl_feedback_get_quote (pl_feedback_pane_get_selected (pane)), "Budapest"));

  pl_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  app = pl_test_init_app (&argc, &argv);

  g_test_add_func ("/search-dialog/narrative", test_narrative);
  g_test_add_func ("/search-dialog/groups-and-keys", test_groups_and_keys);
  g_test_add_func ("/search-dialog/no-results-and-feedback", test_no_results_and_feedback);

  return pl_test_run_app ();
}
