/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The stakeholders dialog: add, and merge a duplicate with its feedback. */
#include "config.h"

#include "pl-stakeholders-dialog.h"
#include "pl-test-feedback.h"

static void
test_stakeholders (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *stakeholders = pl_stakeholders_dialog_new (f->doc);
  GtkWidget *row;
  g_autoptr(PlStakeholder) dup = NULL;
  g_autoptr(PlFeedback) fb = NULL;

  dup = pl_document_add (f->doc, PL_TYPE_STAKEHOLDER, NULL, -1, NULL, "name", "K. Osei", NULL);
  fb = pl_document_add_feedback (f->doc, PL_FEEDBACK_COMMENT, "From the duplicate.", NULL, NULL, NULL, dup, NULL);
  gtk_window_present (GTK_WINDOW (stakeholders));
  pl_test_wait_shown (stakeholders);
  row = pl_stakeholders_dialog_get_row (PL_STAKEHOLDERS_DIALOG (stakeholders), dup);
  g_assert_nonnull (row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  pl_test_screenshot (stakeholders, "stakeholders-dialog");
  g_assert_true (gtk_widget_activate_action (stakeholders, "stakeholders.add", NULL));
  g_assert_cmpint (pl_document_count (f->doc, "stakeholders"), ==, 3);

  /* Merge the duplicate into Karim Osei: choose him, Merge, confirm. */
  {
    GtkDropDown *same = GTK_DROP_DOWN (pl_test_find_any (row, GTK_TYPE_DROP_DOWN));
    GListModel *all = pl_document_get_stakeholders (f->doc);
    AdwMessageDialog *confirm = NULL;
    GListModel *toplevels;

    g_assert_nonnull (same);
    /* The choices: everyone but the duplicate itself. */
    g_assert_cmpuint (same ? g_list_model_get_n_items (gtk_drop_down_get_model (same)) : 0, ==,
                      g_list_model_get_n_items (all) - 1);
    for (guint i = 0; same != NULL && i < g_list_model_get_n_items (gtk_drop_down_get_model (same)); i++)
      {
        g_autoptr(GtkStringObject) choice = g_list_model_get_item (gtk_drop_down_get_model (same), i);
        if (g_str_has_prefix (gtk_string_object_get_string (choice), "Karim Osei"))
          gtk_drop_down_set_selected (same, i);
      }
    g_assert_true (gtk_widget_activate_action (stakeholders, "stakeholders.merge", "x", pl_record_get_id (PL_RECORD (dup))));
    toplevels = gtk_window_get_toplevels ();
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
        if (ADW_IS_MESSAGE_DIALOG (w))
          confirm = ADW_MESSAGE_DIALOG (w);
      }
    g_assert_nonnull (confirm);
    /* Nothing happens before the answer. */
    g_assert_false (pl_record_is_deleted (PL_RECORD (dup)));
    if (confirm != NULL)
      {
        adw_message_dialog_response (confirm, "merge");
        gtk_window_destroy (GTK_WINDOW (confirm));
      }
    g_assert_true (pl_record_is_deleted (PL_RECORD (dup)));
    g_assert_cmpint (pl_feedback_get_stakeholder_id (fb), ==, pl_record_get_id (PL_RECORD (f->karim)));
    g_assert_cmpint (pl_document_count (f->doc, "stakeholders"), ==, 2);
  }
  gtk_window_destroy (GTK_WINDOW (stakeholders));
}

int
main (int   argc,
      char *argv[])
{
  feedback_test_init (&argc, &argv);

  ADD_FIXTURE_TEST ("/stakeholders-dialog/merge", test_stakeholders);

  return g_test_run ();
}
