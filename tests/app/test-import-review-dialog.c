/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Import Review…: a returned review copy (written by pandoc from our
 * review export, tests/data/review) previewed and imported through the
 * window's actions, then an amendment applied from the feedback detail:
 * the text changes, the item is answered, Undo takes it back. */
#include "config.h"

#include <string.h>
#include <archive.h>
#include <archive_entry.h>

#include "pl-export.h"
#include "pl-feedback-pane-private.h"
#include "pl-import-review-dialog.h"
#include "pl-test-app.h"
#include "pl-window-private.h"

static PlApplication *app;

static PlImportReviewDialog *
open_preview (PlWindow   *window,
              const char *path)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-review-from", "s", path));
  wait_for (pl_test_find_toplevel (PL_TYPE_IMPORT_REVIEW_DIALOG) != NULL);
  return PL_IMPORT_REVIEW_DIALOG (pl_test_find_toplevel (PL_TYPE_IMPORT_REVIEW_DIALOG));
}

static PlFeedback *
find_amendment (PlDocument *doc,
                const char *quote)
{
  GListModel *all = G_LIST_MODEL (pl_document_get_feedback (doc));

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(PlFeedback) fb = g_list_model_get_item (all, i);

      if (pl_feedback_get_kind (fb) == PL_FEEDBACK_AMENDMENT && g_strcmp0 (pl_feedback_get_quote (fb), quote) == 0)
        return g_steal_pointer (&fb);
    }
  return NULL;
}

static void
test_import_review (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = pl_test_make_demo (dir, "review.pillars", PL_DEMO_SMALL);
  g_autofree char *returned = g_test_build_filename (G_TEST_DIST, "data", "review", "returned-pandoc.docx", NULL);
  PlWindow *window = pl_test_open_window (path);
  AdwStyleManager *style = adw_style_manager_get_default ();
  PlImportReviewDialog *dialog;
  g_autoptr(GdkTexture) light = NULL;
  g_autoptr(GdkTexture) dark = NULL;
  g_autoptr(PlFeedback) amendment = NULL;
  g_autoptr(PlStakeholder) ana = NULL;
  GtkWidget *button;
  GtkWidget *detail;
  GtkWidget *entry;
  gint64 before = pl_document_count (window->document, "feedback");

  /* The preview says what will be added, by reviewer, and writes nothing. */
  dialog = open_preview (window, returned);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 680, 720);
  pl_test_wait_shown (dialog);
  g_assert_nonnull (pl_test_find_label (GTK_WIDGET (dialog),
                                        "2 comments, 3 amendments will be added, in one step you can undo. "
                                        "2 reviewers are new to the stakeholder registry."));
  g_assert_nonnull (pl_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_EXPANDER_ROW, "Ministry of Finance", NULL));
  g_assert_nonnull (pl_test_find_label (GTK_WIDGET (dialog), "returned-pandoc.docx: The copy has no hidden anchors"));
  button = pl_test_find_button_with_label (GTK_WIDGET (dialog), "_Import");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  wait_for (!adw_style_manager_get_dark (style));
  light = pl_test_capture (GTK_WIDGET (dialog), "import-review-light");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  wait_for (adw_style_manager_get_dark (style));
  dark = pl_test_capture (GTK_WIDGET (dialog), "import-review-dark");
  pl_test_assert_dark_of (light, dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  g_assert_cmpint (pl_document_count (window->document, "feedback"), ==, before);

  /* Import, with the organisation of the new reviewers. */
  entry = pl_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "_Organisation of new reviewers", NULL);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Ministry of Justice");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "review.apply", NULL));
  wait_for (pl_test_find_toplevel (PL_TYPE_IMPORT_REVIEW_DIALOG) == NULL);
  g_assert_cmpint (pl_document_count (window->document, "feedback"), ==, before + 5);
  ana = pl_document_find_stakeholder (window->document, "Ana Lopes");
  g_assert_nonnull (ana);
  g_assert_cmpstr (pl_stakeholder_get_organisation (ana), ==, "Ministry of Justice");

  /* Again: nothing new, Import is off. */
  dialog = open_preview (window, returned);
  pl_test_wait_shown (dialog);
  g_assert_nonnull (pl_test_find_label (GTK_WIDGET (dialog), "Everything in these copies is already in the strategy."));
  g_assert_false (gtk_widget_get_sensitive (pl_test_find_button_with_label (GTK_WIDGET (dialog), "_Import")));
  gtk_window_close (GTK_WINDOW (dialog));
  wait_for (pl_test_find_toplevel (PL_TYPE_IMPORT_REVIEW_DIALOG) == NULL);

  /* Apply one amendment from the feedback detail. */
  amendment = find_amendment (window->document, "Every ministry has at least two");
  g_assert_nonnull (amendment);
  g_object_set (window, "feedback-visible", TRUE, NULL);
  pl_feedback_pane_select (window->feedback_pane, amendment);
  detail = pl_feedback_pane_get_detail (window->feedback_pane);
  wait_for (pl_test_find_label (detail, "Tracked change · Proposed: replace the passage with") != NULL);
  g_assert_nonnull (pl_test_find_label (detail, "Every ministry has at least three"));
  button = pl_test_find_button_with_label (detail, "_Apply Amendment");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  wait_for (pl_feedback_get_disposition (amendment) == PL_DISPOSITION_ACCEPTED);
  {
    g_autoptr(PlRecord) objective = pl_document_get_feedback_target (window->document, amendment);

    g_assert_cmpstr (pl_objective_get_description (PL_OBJECTIVE (objective)), ==,
                     "Every ministry has at least three people able to recognise, contain and report an incident.");
  }
  wait_for (pl_test_find_label (detail, "Applied: the change to objective") != NULL);
  /* Its passage is gone because it was applied: no warning about that. */
  g_assert_false (gtk_widget_is_visible (pl_test_find_label (detail, "Passage no longer in the text")));
  /* Applied once: the button is gone (only shown widgets are found). */
  g_assert_null (pl_test_find_button_with_label (detail, "_Apply Amendment"));
  pl_test_screenshot (GTK_WIDGET (window), "import-review-applied");

  /* Undo takes the change back and reopens the item. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  wait_for (pl_feedback_get_disposition (amendment) == PL_DISPOSITION_OPEN);
  {
    g_autoptr(PlRecord) objective = pl_document_get_feedback_target (window->document, amendment);

    g_assert_cmpstr (pl_objective_get_description (PL_OBJECTIVE (objective)), ==,
                     "Every ministry has at least two people able to recognise, contain and report an incident.");
  }

  /* A file that is no review copy: an error, no preview. */
  {
    g_autofree char *bad = g_build_filename (dir, "bad.docx", NULL);

    g_assert_true (g_file_set_contents (bad, "<html><body>not a copy</body></html>", -1, NULL));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-review-from", "s", bad));
    wait_for (pl_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
    g_assert_nonnull (pl_test_find_label (GTK_WIDGET (pl_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)),
                                          "This file is really a web page"));
    g_assert_null (pl_test_find_toplevel (PL_TYPE_IMPORT_REVIEW_DIALOG));
  }
  pl_test_close_window (window);
  pl_test_destroy_toplevels (GTK_TYPE_WINDOW);
  pl_test_remove_document (path);
}

/* Our review copy of @path with @from replaced by @to in its text, as a
 * reviewer who edits without tracking returns it; its path (transfer full). */
static char *
edited_copy (PlDocument *doc,
             const char *dir,
             const char *from,
             const char *to)
{
  g_autofree char *review = g_build_filename (dir, "review.docx", NULL);
  char *returned = g_build_filename (dir, "returned-by-finance.docx", NULL);
  g_autoptr(GError) error = NULL;
  struct archive *in = archive_read_new ();
  struct archive *out = archive_write_new ();
  struct archive_entry *entry;
  PlExportOptions options;

  pl_export_options_init (&options);
  options.format = PL_EXPORT_DOCX;
  options.for_review = TRUE;
  g_assert_true (pl_export_to_file (doc, &options, review, NULL, &error));
  g_assert_no_error (error);
  pl_export_options_clear (&options);

  archive_read_support_format_zip (in);
  g_assert_cmpint (archive_read_open_filename (in, review, 65536), ==, ARCHIVE_OK);
  archive_write_set_format_zip (out);
  g_assert_cmpint (archive_write_open_filename (out, returned), ==, ARCHIVE_OK);
  while (archive_read_next_header (in, &entry) == ARCHIVE_OK)
    {
      g_autoptr(GByteArray) content = g_byte_array_new ();
      g_autofree char *text = NULL;
      struct archive_entry *o = archive_entry_new ();
      char buffer[8192];
      la_ssize_t n;

      while ((n = archive_read_data (in, buffer, sizeof buffer)) > 0)
        g_byte_array_append (content, (guint8 *) buffer, n);
      text = g_strndup ((char *) content->data, content->len);
      if (g_str_equal (archive_entry_pathname (entry), "word/document.xml"))
        {
          g_auto(GStrv) pieces = g_strsplit (text, from, 2);

          g_assert_nonnull (pieces[1]);
          g_free (text);
          text = g_strjoinv (to, pieces);
        }
      archive_entry_set_pathname (o, archive_entry_pathname (entry));
      archive_entry_set_filetype (o, AE_IFREG);
      archive_entry_set_perm (o, 0644);
      archive_entry_set_size (o, strlen (text));
      archive_write_header (out, o);
      archive_write_data (out, text, strlen (text));
      archive_entry_free (o);
    }
  archive_read_free (in);
  g_assert_cmpint (archive_write_close (out), ==, ARCHIVE_OK);
  archive_write_free (out);
  return returned;
}

/* A sentence a ministry changed without tracking: the preview names it an
 * untracked edit, the detail too, and applying it changes the text. */
static void
test_untracked_edit (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = pl_test_make_demo (dir, "untracked.pillars", PL_DEMO_SMALL);
  PlWindow *window = pl_test_open_window (path);
  g_autofree char *returned = edited_copy (window->document, dir,
                                           "at least two people able to recognise, contain and report an incident.",
                                           "at least two people able to recognise, contain and report any incident within a day.");
  AdwStyleManager *style = adw_style_manager_get_default ();
  PlImportReviewDialog *dialog;
  g_autoptr(GdkTexture) light = NULL;
  g_autoptr(GdkTexture) dark = NULL;
  g_autoptr(PlFeedback) amendment = NULL;
  GtkWidget *detail;
  GtkWidget *button;

  dialog = open_preview (window, returned);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 680, 720);
  pl_test_wait_shown (dialog);
  g_assert_nonnull (pl_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_EXPANDER_ROW, "returned-by-finance.docx", NULL));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (pl_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_EXPANDER_ROW,
                                                                         "returned-by-finance.docx", NULL)), TRUE);
  g_assert_nonnull (pl_test_find_label (GTK_WIDGET (dialog), "Untracked edit · On objective"));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  wait_for (!adw_style_manager_get_dark (style));
  light = pl_test_capture (GTK_WIDGET (dialog), "import-review-untracked-light");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  wait_for (adw_style_manager_get_dark (style));
  dark = pl_test_capture (GTK_WIDGET (dialog), "import-review-untracked-dark");
  pl_test_assert_dark_of (light, dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "review.apply", NULL));
  wait_for (pl_test_find_toplevel (PL_TYPE_IMPORT_REVIEW_DIALOG) == NULL);

  {
    GListModel *all = G_LIST_MODEL (pl_document_get_feedback (window->document));

    for (guint i = 0; i < g_list_model_get_n_items (all) && amendment == NULL; i++)
      {
        g_autoptr(PlFeedback) fb = g_list_model_get_item (all, i);

        if (pl_feedback_get_origin (fb) == PL_FEEDBACK_ORIGIN_UNTRACKED_EDIT)
          amendment = g_steal_pointer (&fb);
      }
  }
  g_assert_nonnull (amendment);
  g_assert_cmpstr (pl_feedback_get_quote (amendment), ==, "to recognise, contain and report an incident.");
  g_object_set (window, "feedback-visible", TRUE, NULL);
  pl_feedback_pane_select (window->feedback_pane, amendment);
  detail = pl_feedback_pane_get_detail (window->feedback_pane);
  wait_for (pl_test_find_label (detail, "Untracked edit · Proposed: replace the passage with") != NULL);
  g_assert_nonnull (pl_test_find_label (detail, "to recognise, contain and report any incident within a day."));
  pl_test_screenshot (GTK_WIDGET (window), "import-review-untracked-detail");
  button = pl_test_find_button_with_label (detail, "_Apply Amendment");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  wait_for (pl_feedback_get_disposition (amendment) == PL_DISPOSITION_ACCEPTED);
  {
    g_autoptr(PlRecord) objective = pl_document_get_feedback_target (window->document, amendment);

    g_assert_cmpstr (pl_objective_get_description (PL_OBJECTIVE (objective)), ==,
                     "Every ministry has at least two people able to recognise, contain and report any incident within a day.");
  }
  pl_test_close_window (window);
  pl_test_destroy_toplevels (GTK_TYPE_WINDOW);
  pl_test_remove_document (path);
}

int
main (int   argc,
      char *argv[])
{
  app = pl_test_init_app (&argc, &argv);
  g_test_add_func ("/import-review-dialog/import", test_import_review);
  g_test_add_func ("/import-review-dialog/untracked", test_untracked_edit);
  return pl_test_run_app ();
}
