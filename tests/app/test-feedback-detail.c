/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Answering an item in the detail area: kind, disposition, priority,
 * response, target; delete and undo; in light and dark style. */
#include "config.h"

#include "pl-feedback-detail-private.h"
#include "pl-test-feedback.h"

static void
test_answer (Fixture       *f,
             gconstpointer  data)
{
  GListModel *model = pl_feedback_pane_get_model (f->pane);
  PlFeedbackDetail *detail = PL_FEEDBACK_DETAIL (pl_feedback_pane_get_detail (f->pane));
  g_autoptr(PlFeedback) item = NULL;
  gint64 id;

  type_capture (f, "Karim Osei", PL_FEEDBACK_RECOMMENDATION, "Add a CSIRT staffing plan.");
  type_capture (f, NULL, PL_FEEDBACK_QUESTION, "Who pays for the teachers?");
  g_assert_cmpuint (pl_feedback_list_get_open_count (PL_FEEDBACK_LIST (model)), ==, 2);

  item = g_list_model_get_item (model, 1);
  id = pl_record_get_id (PL_RECORD (item));
  pl_feedback_pane_select (f->pane, item);
  g_assert_true (pl_feedback_pane_get_selected (f->pane) == item);
  /* Answering outside a workshop: the capture bar steps aside for the detail. */
  {
    GtkRevealer *capture = GTK_REVEALER (gtk_widget_get_ancestor (GTK_WIDGET (f->bar), GTK_TYPE_REVEALER));

    g_assert_false (gtk_revealer_get_reveal_child (capture));
    pl_feedback_pane_set_active_workshop (f->pane, f->workshop);
    g_assert_true (gtk_revealer_get_reveal_child (capture));
    pl_feedback_pane_set_active_workshop (f->pane, NULL);
    g_assert_false (gtk_revealer_get_reveal_child (capture));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->pane), "pane.focus-capture", NULL));
    g_assert_true (gtk_revealer_get_reveal_child (capture));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->pane), "feedback.close", NULL));
    g_assert_null (pl_feedback_pane_get_selected (f->pane));
    g_assert_true (gtk_revealer_get_reveal_child (capture));
    pl_feedback_pane_select (f->pane, item);
    g_assert_false (gtk_revealer_get_reveal_child (capture));
  }

  /* A question that is really a recommendation is reclassified. */
  g_assert_cmpint (pl_feedback_get_kind (item), ==, PL_FEEDBACK_RECOMMENDATION);
  g_assert_cmpuint (gtk_drop_down_get_selected (pl_feedback_detail_get_kind_dropdown (detail)), ==, PL_FEEDBACK_RECOMMENDATION);
  gtk_drop_down_set_selected (pl_feedback_detail_get_kind_dropdown (detail), PL_FEEDBACK_QUESTION);
  g_assert_cmpint (pl_feedback_get_kind (item), ==, PL_FEEDBACK_QUESTION);
  gtk_drop_down_set_selected (pl_feedback_detail_get_kind_dropdown (detail), PL_FEEDBACK_RECOMMENDATION);
  gtk_drop_down_set_selected (pl_feedback_detail_get_disposition_dropdown (detail), PL_DISPOSITION_PARTLY_ACCEPTED);
  gtk_drop_down_set_selected (pl_feedback_detail_get_priority_dropdown (detail), PL_PRIORITY_HIGH);
  gtk_text_buffer_set_text (pl_feedback_detail_get_response_buffer (detail),
                            "Accepted in part: **action 1.1.4** adds a staffing plan.", -1);
  g_assert_cmpint (pl_feedback_get_disposition (item), ==, PL_DISPOSITION_PARTLY_ACCEPTED);
  g_assert_cmpuint (pl_feedback_list_get_open_count (PL_FEEDBACK_LIST (model)), ==, 1);
  /* The response is written shortly after typing stops, without any flush. */
  wait_for (g_strcmp0 (pl_feedback_get_response (item), "Accepted in part: **action 1.1.4** adds a staffing plan.") == 0);
  g_assert_cmpstr (pl_feedback_get_response (item), ==, "Accepted in part: **action 1.1.4** adds a staffing plan.");

  /* Retarget to an objective through the detail's list of targets. */
  {
    GtkWidget *detail_widget = GTK_WIDGET (detail);
    GtkMenuButton *about = NULL;
    GtkWidget *label;

    for (GtkWidget *w = pl_test_find_label (detail_widget, "2. Awareness raising"); w; w = gtk_widget_get_parent (w))
      if (GTK_IS_MENU_BUTTON (w))
        {
          about = GTK_MENU_BUTTON (w);
          break;
        }
    g_assert_nonnull (about);
    /* Its row is the detail's last: scrolled into view first, as a person
     * would (the fixture's window is taller than the screen). */
    {
      GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (about), GTK_TYPE_SCROLLED_WINDOW);
      graphene_rect_t bounds;

      g_assert_nonnull (scroller);
      g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (about),
                                                gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)), &bounds));
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), bounds.origin.y);
      pl_test_wait_for_frame (detail_widget);
    }
    gtk_menu_button_popup (about);
    wait_for (gtk_menu_button_get_popover (about) != NULL &&
              pl_test_find_label (GTK_WIDGET (gtk_menu_button_get_popover (about)), "2.1 Reach every school") != NULL);
    label = pl_test_find_label (gtk_menu_button_get_popover (about) ? GTK_WIDGET (gtk_menu_button_get_popover (about)) : detail_widget,
                        "2.1 Reach every school");
    g_assert_nonnull (label);
    /* The strategy, pillar 1, pillar 2, then its objective: the fourth row. */
    if (label != NULL)
      g_assert_true (gtk_widget_activate_action (label, "list.activate-item", "u", 3));
    wait_for ((pl_feedback_get_target_kind (item)) == (PL_TARGET_OBJECTIVE));
    g_assert_cmpint (pl_feedback_get_target_kind (item), ==, PL_TARGET_OBJECTIVE);
    g_assert_cmpint (pl_feedback_get_target_id (item), ==, pl_record_get_id (PL_RECORD (f->objective)));
  }
  feedback_screenshot (f, "answer");

  {
    g_autoptr(PlDocument) copy = open_copy (f);
    g_autoptr(PlRecord) again = pl_document_lookup (copy, PL_TYPE_FEEDBACK, id, NULL);

    g_assert_nonnull (again);
    g_assert_cmpint (pl_feedback_get_disposition (PL_FEEDBACK (again)), ==, PL_DISPOSITION_PARTLY_ACCEPTED);
    g_assert_cmpint (pl_feedback_get_priority (PL_FEEDBACK (again)), ==, PL_PRIORITY_HIGH);
    g_assert_cmpstr (pl_feedback_get_response (PL_FEEDBACK (again)), ==,
                     "Accepted in part: **action 1.1.4** adds a staffing plan.");
    g_assert_cmpint (pl_feedback_get_target_kind (PL_FEEDBACK (again)), ==, PL_TARGET_OBJECTIVE);
  }

  /* Delete with undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->pane), "feedback.delete", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_null (pl_feedback_pane_get_selected (f->pane));
  {
    g_autoptr(PlDocument) copy = open_copy (f);
    g_assert_cmpint (pl_document_count (copy, "feedback"), ==, 1);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->pane), "feedback.undo-delete", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_true (pl_feedback_pane_get_selected (f->pane) == item);
  g_assert_cmpstr (pl_feedback_get_response (item), ==, "Accepted in part: **action 1.1.4** adds a staffing plan.");
}

static void
test_answer_dark (Fixture       *f,
                  gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(PlFeedback) item = NULL;
  g_autoptr(GdkTexture) light = NULL;
  g_autoptr(GdkTexture) dark = NULL;
  GListModel *model = pl_feedback_pane_get_model (f->pane);
  const int kinds[] = { PL_FEEDBACK_COMMENT, PL_FEEDBACK_QUESTION, PL_FEEDBACK_RECOMMENDATION,
                        PL_FEEDBACK_OBJECTION, PL_FEEDBACK_SUPPORT };
  const char *texts[] = { "Good draft overall.", "Who pays for the teachers?",
                          "Add a CSIRT staffing plan with night shifts.",
                          "2028 is too early for the outer islands.", "Banks support the awareness campaign." };

  pl_feedback_pane_set_active_workshop (f->pane, f->workshop);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    type_capture (f, i % 2 ? "Karim Osei" : "", kinds[i], texts[i]);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PlFeedback) fb = g_list_model_get_item (model, i);
      pl_record_set (PL_RECORD (fb), NULL, "disposition", (int) (i % 6), NULL);
    }
  item = g_list_model_get_item (model, 1);
  pl_feedback_pane_select (f->pane, item);
  /* The same pane, light then dark: every badge and background follows. */
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  wait_for (!adw_style_manager_get_dark (style));
  light = feedback_capture (f, "answer-light");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  wait_for (adw_style_manager_get_dark (style));
  dark = feedback_capture (f, "answer-dark");
  pl_test_assert_dark_of (light, dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  feedback_test_init (&argc, &argv);

  ADD_FIXTURE_TEST ("/feedback-detail/answer", test_answer);
  ADD_FIXTURE_TEST ("/feedback-detail/answer-dark", test_answer_dark);

  return g_test_run ();
}
