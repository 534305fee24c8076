/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The feedback pane, driven like a facilitator does: workshop mode, the
 * filters, orphaned passages, a big document. (The view logic of
 * pl-feedback-format.c is tested without a display, in the core suite.) */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "pl-feedback-format.h"
#include "pl-feedback-row.h"
#include "pl-live-workshop-bar.h"
#include "pl-test-feedback.h"

static void
show_passage_cb (PlFeedbackPane  *pane,
                 PlFeedback      *feedback,
                 PlFeedback     **out)
{
  *out = feedback;
}

static guint
count_rows (GtkWidget *root)
{
  guint n = PL_IS_FEEDBACK_ROW (root) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_rows (child);
  return n;
}

static void
test_workshop_mode (Fixture       *f,
                    gconstpointer  data)
{
  GtkDropDown *live = GTK_DROP_DOWN (pl_feedback_pane_get_filter (f->pane, "live"));
  GListModel *model = pl_feedback_pane_get_model (f->pane);
  g_autoptr(PlFeedback) stamped = NULL;
  g_autoptr(PlFeedback) unstamped = NULL;
  g_autoptr(PlWorkshop) second = NULL;

  g_assert_null (pl_feedback_pane_get_active_workshop (f->pane));
  /* Choosing in the pane's dropdown turns live mode on. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (live)), ==, 2);
  gtk_drop_down_set_selected (live, 1);
  g_assert_true (pl_feedback_pane_get_active_workshop (f->pane) == f->workshop);
  type_capture (f, "Karim Osei", PL_FEEDBACK_COMMENT, "Stamped with the workshop.");
  /* The banner is styled by ui/style.css: red across the pane. */
  {
    GtkWidget *banner = pl_test_find_any (GTK_WIDGET (f->pane), PL_TYPE_LIVE_WORKSHOP_BAR);
    g_autoptr(GdkTexture) shot = feedback_capture (f, "live");
    graphene_rect_t bounds;
    double r, g, b;

    g_assert_nonnull (banner);
    g_assert_nonnull (pl_test_find_label (banner, "Live — National validation workshop"));
    g_assert_true (gtk_widget_has_css_class (gtk_widget_get_parent (pl_test_find_label (banner, "●")), "live-banner"));
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (f->pane), "live"));
    g_assert_true (banner != NULL && gtk_widget_compute_bounds (banner, GTK_WIDGET (f->window), &bounds));
    g_assert_cmpfloat (bounds.size.height, >, 20);
    if (shot != NULL && bounds.size.height > 20)
      {
        pl_test_pixel (shot, (int) (bounds.origin.x + bounds.size.width) - 3,
                       (int) (bounds.origin.y + bounds.size.height / 2), &r, &g, &b);
        g_test_message ("live banner: %.2f %.2f %.2f", r, g, b);
        g_assert_cmpfloat (r, >, 0.7);
        g_assert_cmpfloat (g, <, 0.3);
        g_assert_cmpfloat (b, <, 0.3);
      }
  }
  stamped = g_list_model_get_item (model, 0);
  g_assert_cmpint (pl_feedback_get_workshop_id (stamped), ==, pl_record_get_id (PL_RECORD (f->workshop)));

  /* A new workshop shows up in the dropdown; the property drives it too. */
  second = pl_document_add (f->doc, PL_TYPE_WORKSHOP, NULL, -1, NULL, "title", "Regional consultation",
                            "start-date", "2026-10-06", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (live)), ==, 3);
  g_object_set (f->pane, "active-workshop", second, NULL);
  g_assert_cmpuint (gtk_drop_down_get_selected (live), ==, 2);
  g_object_set (f->pane, "active-workshop", NULL, NULL);
  g_assert_cmpuint (gtk_drop_down_get_selected (live), ==, 0);
  type_capture (f, NULL, -1, "Not stamped.");
  unstamped = g_list_model_get_item (model, 0);
  g_assert_cmpint (pl_feedback_get_workshop_id (unstamped), ==, 0);

  /* Deleting the live workshop ends live mode. */
  pl_feedback_pane_set_active_workshop (f->pane, second);
  g_assert_true (pl_document_delete (f->doc, PL_RECORD (second), NULL));
  g_assert_null (pl_feedback_pane_get_active_workshop (f->pane));

  {
    g_autoptr(PlDocument) copy = open_copy (f);
    PlFeedbackQuery q;

    pl_feedback_query_init (&q);
    q.workshop_id = pl_record_get_id (PL_RECORD (f->workshop));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pl_document_get_feedback (copy))), ==, 2);
    {
      g_autoptr(PlFeedbackList) in_workshop = pl_feedback_list_new (copy, &q);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (in_workshop)), ==, 1);
    }
  }
}

static gboolean
has_label_containing (GtkWidget  *widget,
                      const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
      strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label_containing (child, text))
      return TRUE;
  return FALSE;
}

/* A filter the file cannot answer (its feedback table is gone, behind the
 * pane's back) says so in the pane instead of showing a silent list. */
static void
test_filter_error (Fixture       *f,
                   gconstpointer  data)
{
  GtkDropDown *kind = GTK_DROP_DOWN (pl_feedback_pane_get_filter (f->pane, "kind"));
  sqlite3 *db = NULL;

  g_assert_false (has_label_containing (GTK_WIDGET (f->pane), "Could not filter"));
  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = OFF; DROP TABLE feedback", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  gtk_drop_down_set_selected (kind, 1 + PL_FEEDBACK_RECOMMENDATION);
  wait_for (has_label_containing (GTK_WIDGET (f->pane), "Could not filter the feedback"));
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  GListModel *model = pl_feedback_pane_get_model (f->pane);
  GtkDropDown *kind = GTK_DROP_DOWN (pl_feedback_pane_get_filter (f->pane, "kind"));
  GtkDropDown *disposition = GTK_DROP_DOWN (pl_feedback_pane_get_filter (f->pane, "disposition"));
  GtkDropDown *scope = GTK_DROP_DOWN (pl_feedback_pane_get_filter (f->pane, "scope"));
  GtkDropDown *sector = GTK_DROP_DOWN (pl_feedback_pane_get_filter (f->pane, "sector"));
  GtkDropDown *workshop = GTK_DROP_DOWN (pl_feedback_pane_get_filter (f->pane, "workshop"));
  GtkCheckButton *orphaned = GTK_CHECK_BUTTON (pl_feedback_pane_get_filter (f->pane, "orphaned"));
  GtkEditable *search = GTK_EDITABLE (pl_feedback_pane_get_filter (f->pane, "search"));
  g_autoptr(PlFeedback) answered = NULL;

  type_capture (f, "Karim Osei", PL_FEEDBACK_RECOMMENDATION, "Add a CSIRT staffing plan.");
  pl_feedback_pane_set_active_workshop (f->pane, f->workshop);
  type_capture (f, NULL, PL_FEEDBACK_QUESTION, "Who pays for the teachers?");
  pl_feedback_pane_set_active_workshop (f->pane, NULL);
  pl_feedback_pane_set_target (f->pane, NULL);
  type_capture (f, "", PL_FEEDBACK_COMMENT, "Good draft overall.");
  pl_feedback_pane_set_target (f->pane, PL_RECORD (f->pillar));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  gtk_drop_down_set_selected (kind, 1 + PL_FEEDBACK_RECOMMENDATION);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  gtk_drop_down_set_selected (kind, 0);

  answered = g_list_model_get_item (model, 1);
  pl_record_set (PL_RECORD (answered), NULL, "disposition", (int) PL_DISPOSITION_ACCEPTED, NULL);
  gtk_drop_down_set_selected (disposition, 1 + PL_DISPOSITION_OPEN);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  gtk_drop_down_set_selected (disposition, 0);

  /* This tab: the pillar of the target; the capture on the strategy is not in it. */
  gtk_drop_down_set_selected (scope, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  pl_feedback_pane_set_target (f->pane, PL_RECORD (f->objective));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  gtk_drop_down_set_selected (scope, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  gtk_drop_down_set_selected (sector, 1 + PL_SECTOR_GOVERNMENT);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  gtk_drop_down_set_selected (sector, 0);

  gtk_drop_down_set_selected (workshop, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  gtk_drop_down_set_selected (workshop, 0);

  gtk_check_button_set_active (orphaned, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  gtk_check_button_set_active (orphaned, FALSE);

  /* The search entry reports after a short delay. */
  gtk_editable_set_text (search, "teachers");
  wait_for ((g_list_model_get_n_items (model)) == (1));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  feedback_screenshot (f, "filters");
  gtk_editable_set_text (search, "");
  wait_for ((g_list_model_get_n_items (model)) == (3));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
}

static void
test_orphan (Fixture       *f,
             gconstpointer  data)
{
  GListModel *model = pl_feedback_pane_get_model (f->pane);
  g_autoptr(GtkTextBuffer) editor = gtk_text_buffer_new (NULL);
  g_autoptr(PlFeedback) item = NULL;
  PlFeedback *shown = NULL;
  GtkWidget *warning;
  GtkTextIter start, end;

  pl_feedback_pane_set_quote_buffer (f->pane, editor);
  gtk_text_buffer_set_text (editor, pl_pillar_get_body (f->pillar), -1);
  gtk_text_buffer_get_iter_at_offset (editor, &start, 18);
  gtk_text_buffer_get_iter_at_offset (editor, &end, 48);
  gtk_text_buffer_select_range (editor, &start, &end);
  type_capture (f, "Karim Osei", PL_FEEDBACK_QUESTION, "What does trained mean here?");
  item = g_list_model_get_item (model, 0);
  g_assert_cmpstr (pl_feedback_get_quote (item), ==, "a trained cyber safety teacher");
  pl_feedback_pane_select (f->pane, item);

  g_signal_connect (f->pane, "show-passage", G_CALLBACK (show_passage_cb), &shown);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->pane), "feedback.show-passage", NULL));
  g_assert_true (shown == item);

  /* The passage is edited away: a clear warning, and nothing to show. */
  warning = pl_test_find_label (pl_feedback_pane_get_detail (f->pane), "Passage no longer in the text");
  g_assert_nonnull (warning);
  g_assert_false (gtk_widget_is_visible (warning));
  g_assert_true (pl_record_set (PL_RECORD (f->pillar), NULL, "body", "Every school is reached.", NULL));
  g_assert_true (pl_feedback_get_orphaned (item));
  g_assert_true (gtk_widget_is_visible (warning));
  shown = NULL;
  gtk_widget_activate_action (GTK_WIDGET (f->pane), "feedback.show-passage", NULL);
  g_assert_null (shown);
  feedback_screenshot (f, "orphaned");
}

/* 20,000 items: the list builds rows only for what is on screen and a
 * capture still lands at the top at once. */
static void
test_big (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pillars-big-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "big.pillars", NULL);
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(GTimer) timer = NULL;
  g_autoptr(PlFeedback) top = NULL;
  guint before;
  GtkWindow *window;
  PlFeedbackPane *pane;
  PlCaptureBar *bar;
  GListModel *model;
  double shown, captured;

  doc = pl_demo_create (path, PL_DEMO_BIG, &error);
  g_assert_no_error (error);
  if (doc == NULL)
    return;

  timer = g_timer_new ();
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 440, 560);
  pane = pl_feedback_pane_new (doc);
  gtk_window_set_child (window, GTK_WIDGET (pane));
  gtk_window_present (window);
  pl_test_wait_shown (window);
  shown = g_timer_elapsed (timer, NULL);
  model = pl_feedback_pane_get_model (pane);
  /* After the first frame the list view has every item, and has built
   * its rows for them. */
  {
    GtkListView *list;

    wait_for (pl_test_find_widget (GTK_WIDGET (pane), GTK_TYPE_LIST_VIEW, NULL, NULL) != NULL);
    list = GTK_LIST_VIEW (pl_test_find_widget (GTK_WIDGET (pane), GTK_TYPE_LIST_VIEW, NULL, NULL));
    wait_for (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))) ==
              g_list_model_get_n_items (model));
    pl_test_wait_for_frame (GTK_WIDGET (list));
  }
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 20000);
  /* GtkListView keeps a window of about 200 rows around what is shown. */
  g_assert_cmpuint (count_rows (GTK_WIDGET (pane)), <, 400);

  bar = PL_CAPTURE_BAR (pl_feedback_pane_get_capture_bar (pane));
  before = g_list_model_get_n_items (model);
  g_timer_start (timer);
  gtk_text_buffer_set_text (pl_capture_bar_get_text_buffer (bar), "Captured in a big document.", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (bar), "capture.add", NULL));
  captured = g_timer_elapsed (timer, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, before + 1);
  /* The example's captures are dated through 2026, so "newest first"
   * puts this one by its time; it is listed. */
  {
    g_autoptr(PlDocument) copy = pl_document_open (path, PL_DOCUMENT_OPEN_READ_ONLY, &error);
    g_assert_no_error (error);
    g_assert_cmpint (pl_document_count (copy, "feedback"), ==, before + 1);
  }
  top = g_list_model_get_item (model, 0);
  g_assert_nonnull (top);
  g_test_message ("20,000 items: pane shown in %.2f s, capture in %.3f s", shown, captured);
  /* Speed is measured by the benchmark (build-aux/bench.sh), not here. */
  pl_test_screenshot (GTK_WIDGET (window), "feedback-pane-big");

  /* Answering in a big document: the list of targets opens quickly. */
  pl_feedback_pane_select (pane, top);
  {
    GtkWidget *detail = pl_feedback_pane_get_detail (pane);
    GtkMenuButton *about = NULL;
    double opened;

    /* The button of the detail's "About" row. */
    GtkWidget *row = gtk_widget_get_ancestor (pl_test_find_label (detail, "Abou"), ADW_TYPE_ACTION_ROW);

    if (row != NULL)
      about = GTK_MENU_BUTTON (pl_test_find_any (row, GTK_TYPE_MENU_BUTTON));
    g_assert_nonnull (about);
    g_timer_start (timer);
    if (about != NULL)
      gtk_menu_button_popup (about);
    opened = g_timer_elapsed (timer, NULL);
    if (about != NULL)
      wait_for (gtk_menu_button_get_popover (about) != NULL &&
                gtk_widget_get_mapped (GTK_WIDGET (gtk_menu_button_get_popover (about))));
    g_test_message ("list of targets opened in %.3f s", opened);
    if (about != NULL)
      gtk_menu_button_popdown (about);
  }

  gtk_window_destroy (window);
  pl_test_drain ();
  pl_document_close (doc);
  g_clear_object (&doc);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  feedback_test_init (&argc, &argv);

  ADD_FIXTURE_TEST ("/feedback-pane/workshop-mode", test_workshop_mode);
  ADD_FIXTURE_TEST ("/feedback-pane/filters", test_filters);
  ADD_FIXTURE_TEST ("/feedback-pane/filter-error", test_filter_error);
  ADD_FIXTURE_TEST ("/feedback-pane/orphan", test_orphan);
  g_test_add_func ("/feedback-pane/big", test_big);

  return g_test_run ();
}
