/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The feedback pane's list while a search is typed (pl-feedback-pane-rows.c):
 * the view shows the new result at once, from its first item, with the
 * right count; and every matching item is back in the view as soon as the
 * user goes to the list (focus, pointer) or the list gets taller, so that
 * scrolling finds them all. */
#include "config.h"

#include "pl-test-feedback.h"

#define N_ITEMS 60

static GListModel *
view_model (Fixture *f)
{
  return G_LIST_MODEL (gtk_list_view_get_model (f->pane->list_view));
}

static void
type_key (GtkEditable *entry,
          const char  *letter)
{
  int end = (int) strlen (gtk_editable_get_text (entry));

  gtk_editable_insert_text (entry, letter, -1, &end);
}

/* The view shows what the pane's list has, from the top. */
static void
assert_view_starts_like_list (Fixture *f)
{
  GListModel *list = pl_feedback_pane_get_model (f->pane);
  GListModel *view = view_model (f);
  guint n = MIN (g_list_model_get_n_items (view), 3);

  g_assert_cmpuint (g_list_model_get_n_items (view), >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlFeedback) a = g_list_model_get_item (list, i);
      g_autoptr(PlFeedback) b = g_list_model_get_item (view, i);

      g_assert_true (a == b);
    }
}

static void
test_typing (Fixture       *f,
             gconstpointer  data)
{
  GtkSearchEntry *search = GTK_SEARCH_ENTRY (pl_feedback_pane_get_filter (f->pane, "search"));
  GListModel *list = pl_feedback_pane_get_model (f->pane);
  GtkWidget *list_view = GTK_WIDGET (f->pane->list_view);
  guint all;

  for (guint i = 0; i < N_ITEMS; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s item number %u.", i % 2 ? "Kestrel" : "Harbour", i);
      g_autoptr(GError) error = NULL;
      g_autoptr(PlFeedback) fb = pl_document_add_feedback (f->doc, PL_FEEDBACK_COMMENT, text, NULL, NULL,
                                                           NULL, NULL, &error);

      g_assert_no_error (error);
    }
  all = g_list_model_get_n_items (list);
  g_assert_cmpuint (all, >=, N_ITEMS);
  wait_for (g_list_model_get_n_items (view_model (f)) == all);
  /* Let the window lose the keyboard focus the list may have had. */
  gtk_widget_grab_focus (GTK_WIDGET (search));
  gtk_search_entry_set_search_delay (search, 0);

  /* "k", "ke": the Kestrel items, first in the view at once, counted. */
  type_key (GTK_EDITABLE (search), "k");
  wait_for (g_list_model_get_n_items (list) == N_ITEMS / 2);
  pl_test_wait_for_frame (GTK_WIDGET (f->pane));
  assert_view_starts_like_list (f);
  g_assert_nonnull (pl_test_find_label (GTK_WIDGET (f->pane), "30 open of 30"));
  type_key (GTK_EDITABLE (search), "e");
  wait_for (g_list_model_get_n_items (list) == N_ITEMS / 2);
  pl_test_wait_for_frame (GTK_WIDGET (f->pane));
  assert_view_starts_like_list (f);
  g_assert_cmpuint (g_list_model_get_n_items (view_model (f)), <=, N_ITEMS / 2);

  /* Going to the list gives the view every item again. */
  gtk_widget_grab_focus (list_view);
  wait_for (g_list_model_get_n_items (view_model (f)) == N_ITEMS / 2);
  assert_view_starts_like_list (f);

  /* Back to the search, a letter less: all of them, then a taller window
   * (the list's height grows) brings the rest without going to the list. */
  gtk_widget_grab_focus (GTK_WIDGET (search));
  gtk_editable_delete_text (GTK_EDITABLE (search), 1, 2);
  wait_for (g_list_model_get_n_items (list) == N_ITEMS / 2);
  gtk_editable_delete_text (GTK_EDITABLE (search), 0, 1);
  wait_for (g_list_model_get_n_items (list) == all);
  pl_test_wait_for_frame (GTK_WIDGET (f->pane));
  assert_view_starts_like_list (f);
  gtk_window_set_default_size (f->window, 440, 1400);
  wait_for (g_list_model_get_n_items (view_model (f)) == all);
}

int
main (int   argc,
      char *argv[])
{
  feedback_test_init (&argc, &argv);
  ADD_FIXTURE_TEST ("/feedback-pane-rows/typing", test_typing);
  return g_test_run ();
}
