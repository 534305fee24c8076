/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "Merge Captures…" through the window's own action: the preview leaves
 * the document alone, Merge brings both copies in, the report shows the
 * counts and the conflict with a button that takes the other value, and
 * closes with Escape. */
#include "config.h"

#include <glib/gstdio.h>

#include "pl-merge-dialog.h"
#include "pl-test-app.h"

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GFile) a = g_file_new_for_path (from);
  g_autoptr(GFile) b = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;

  g_file_copy (a, b, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* In copy @path: one capture and a new cost for the first action. */
static void
edit_copy (const char *path,
           const char *capture,
           const char *cost)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = pl_document_open (path, PL_DOCUMENT_OPEN_DEFAULT, &error);
  g_autoptr(PlRecord) action = NULL;
  g_autoptr(PlFeedback) fb = NULL;

  g_assert_no_error (error);
  fb = pl_document_add_feedback (doc, PL_FEEDBACK_COMMENT, capture, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  action = g_list_model_get_item (pl_document_get_all_actions (doc), 0);
  pl_record_set (action, &error, "cost", cost, NULL);
  g_assert_no_error (error);
  pl_document_close (doc);
}

static PlMergeDialog *
find_report (gboolean with_document)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      g_autoptr(PlDocument) doc = NULL;

      if (!PL_IS_MERGE_DIALOG (window) || !gtk_widget_get_visible (GTK_WIDGET (window)))
        continue;
      g_object_get (window, "document", &doc, NULL);
      if ((doc != NULL) == with_document)
        return PL_MERGE_DIALOG (window);
    }
  return NULL;
}

static void
test_merge_through_window (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *master = pl_test_make_demo (dir, "master.pillars", PL_DEMO_SMALL);
  g_autofree char *a = g_build_filename (dir, "laptop-a.pillars", NULL);
  g_autofree char *b = g_build_filename (dir, "laptop-b.pillars", NULL);
  const char *paths[] = { a, b, NULL };
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(GdkTexture) light = NULL;
  g_autoptr(GdkTexture) dark = NULL;
  PlMergeDialog *preview, *report;
  PlWindow *window, *merged;
  gint64 feedback;

  copy_file (master, a);
  copy_file (master, b);
  edit_copy (a, "Captured in break-out room A", "cost from A");
  edit_copy (b, "Captured in break-out room B", "cost from B");

  window = pl_test_open_window (master);
  feedback = pl_document_count (pl_window_get_document (window), "feedback");
  g_action_group_activate_action (G_ACTION_GROUP (window), "merge-files", g_variant_new_strv (paths, -1));
  wait_for ((preview = find_report (FALSE)) != NULL);
  pl_test_wait_shown (preview);
  g_assert_nonnull (pl_test_find_label (GTK_WIDGET (preview), "Preview"));
  pl_test_screenshot (GTK_WIDGET (preview), "merge-preview");
  /* The preview changed nothing. */
  g_assert_cmpint (pl_document_count (pl_window_get_document (window), "feedback"), ==, feedback);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "merge.apply", NULL));
  wait_for ((report = find_report (TRUE)) != NULL);
  pl_test_wait_shown (report);
  merged = PL_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (report)));
  g_assert_cmpint (pl_document_count (pl_window_get_document (merged), "feedback"), ==, feedback + 2);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  wait_for (!adw_style_manager_get_dark (style));
  light = pl_test_capture (GTK_WIDGET (report), "merge-report-light");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  wait_for (adw_style_manager_get_dark (style));
  dark = pl_test_capture (GTK_WIDGET (report), "merge-report-dark");
  pl_test_assert_dark_of (light, dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  /* The conflict: B's newer cost won; "Use Other" puts A's back. */
  {
    PlDocument *doc = pl_window_get_document (merged);
    g_autoptr(PlRecord) action = g_list_model_get_item (pl_document_get_all_actions (doc), 0);
    GtkWidget *button = pl_test_find_button_with_label (GTK_WIDGET (report), "Use _Other");
    g_autofree char *cost = NULL;

    g_object_get (action, "cost", &cost, NULL);
    g_assert_cmpstr (cost, ==, "cost from B");
    g_assert_nonnull (button);
    g_signal_emit_by_name (button, "clicked");
    g_free (cost);
    g_object_get (action, "cost", &cost, NULL);
    g_assert_cmpstr (cost, ==, "cost from A");
  }

  /* Escape closes the report. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (report), "window.close", NULL));
  wait_for (find_report (TRUE) == NULL);
  pl_test_close_window (merged);
}

int
main (int   argc,
      char *argv[])
{
  pl_test_init_app (&argc, &argv);

  g_test_add_func ("/merge-dialog/through-window", test_merge_through_window);
  return pl_test_run_app ();
}
