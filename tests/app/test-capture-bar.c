/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The capture bar, through its own fields and actions, then checked in the file. */
#include "config.h"

#include "pl-test-feedback.h"

static void
test_capture (Fixture       *f,
              gconstpointer  data)
{
  GListModel *model = pl_feedback_pane_get_model (f->pane);
  GtkTextBuffer *text = pl_capture_bar_get_text_buffer (f->bar);
  GtkEditable *who = pl_capture_bar_get_stakeholder_entry (f->bar);
  g_autoptr(GtkTextBuffer) editor = gtk_text_buffer_new (NULL);
  g_autoptr(PlFeedback) first = NULL;
  g_autoptr(PlFeedback) newest = NULL;
  g_autofree char *left = NULL;
  GtkTextIter start, end;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  type_capture (f, "karim osei", PL_FEEDBACK_RECOMMENDATION, "Add a CSIRT staffing plan.");
  /* The text clears, the stakeholder stays, the focus stays in the text. */
  left = pl_test_buffer_text (text);
  g_assert_cmpstr (left, ==, "");
  g_assert_cmpstr (gtk_editable_get_text (who), ==, "karim osei");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  /* A new name creates a stakeholder, with the organisation asked inline. */
  gtk_editable_set_text (who, "Nadia Haddad");
  gtk_editable_set_text (pl_capture_bar_get_organisation_entry (f->bar), "Kestrel Internet Exchange");
  type_capture (f, NULL, PL_FEEDBACK_QUESTION, "Who runs the national CSIRT at night?");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  /* Ctrl+↓ cycles the kind; the selection in the editor in front is quoted. */
  pl_feedback_pane_set_quote_buffer (f->pane, editor);
  gtk_text_buffer_set_text (editor, "Every school gets a trained cyber safety teacher by 2028.", -1);
  gtk_text_buffer_get_iter_at_offset (editor, &start, 49);
  gtk_text_buffer_get_iter_at_offset (editor, &end, 56);
  gtk_text_buffer_select_range (editor, &start, &end);
  {
    GtkWidget *hint = pl_test_find_label (GTK_WIDGET (f->bar), "Quoting");

    g_assert_nonnull (hint);
    g_assert_true (hint != NULL && gtk_widget_get_visible (hint));
    g_assert_cmpstr (hint ? gtk_label_get_text (GTK_LABEL (hint)) : NULL, ==, "Quoting “by 2028”");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->bar), "capture.next-kind", NULL));
  g_assert_cmpint (pl_capture_bar_get_kind (f->bar), ==, PL_FEEDBACK_RECOMMENDATION);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->bar), "capture.next-kind", NULL));
  g_assert_cmpint (pl_capture_bar_get_kind (f->bar), ==, PL_FEEDBACK_OBJECTION);
  type_capture (f, NULL, -1, "2028 is too early for the outer islands.");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  {
    GtkWidget *focus = gtk_window_get_focus (f->window);

    g_assert_true (GTK_IS_TEXT_VIEW (focus));
    g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (f->bar)));
  }

  /* Blank text is not captured. */
  gtk_text_buffer_set_text (text, "   ", -1);
  gtk_widget_activate_action (GTK_WIDGET (f->bar), "capture.add", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  gtk_text_buffer_set_text (text, "", -1);

  newest = g_list_model_get_item (model, 0);
  g_assert_cmpstr (pl_feedback_get_body (newest), ==, "2028 is too early for the outer islands.");
  g_assert_cmpint (pl_feedback_get_kind (newest), ==, PL_FEEDBACK_OBJECTION);
  g_assert_cmpstr (pl_feedback_get_quote (newest), ==, "by 2028");
  g_assert_cmpint (pl_feedback_get_pillar_id (newest), ==, pl_record_get_id (PL_RECORD (f->pillar)));
  first = g_list_model_get_item (model, 2);
  g_assert_cmpint (pl_feedback_get_kind (first), ==, PL_FEEDBACK_RECOMMENDATION);
  g_assert_cmpint (pl_feedback_get_stakeholder_id (first), ==, pl_record_get_id (PL_RECORD (f->karim)));

  feedback_screenshot (f, "capture");

  /* A renamed organisation shows at once in the rows on screen. */
  g_assert_null (pl_test_find_label (GTK_WIDGET (f->pane), "Karim Osei, Central Bank of the Kestrel Islands"));
  g_assert_true (pl_record_set (PL_RECORD (f->karim), NULL, "organisation", "Central Bank of the Kestrel Islands", NULL));
  g_assert_nonnull (pl_test_find_label (GTK_WIDGET (f->pane), "Karim Osei, Central Bank of the Kestrel Islands"));

  {
    g_autoptr(PlDocument) copy = open_copy (f);
    g_autoptr(PlStakeholder) nadia = pl_document_find_stakeholder (copy, "Nadia Haddad");
    PlFeedbackQuery q;

    g_assert_cmpint (pl_document_count (copy, "feedback"), ==, 3);
    g_assert_cmpint (pl_document_count (copy, "stakeholders"), ==, 2);
    g_assert_nonnull (nadia);
    g_assert_cmpstr (pl_stakeholder_get_organisation (nadia), ==, "Kestrel Internet Exchange");
    pl_feedback_query_init (&q);
    q.stakeholder_id = pl_record_get_id (PL_RECORD (nadia));
    {
      g_autoptr(PlFeedbackList) hers = pl_feedback_list_new (copy, &q);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hers)), ==, 2);
    }
  }
}

int
main (int   argc,
      char *argv[])
{
  feedback_test_init (&argc, &argv);

  ADD_FIXTURE_TEST ("/capture-bar/capture", test_capture);

  return g_test_run ();
}
