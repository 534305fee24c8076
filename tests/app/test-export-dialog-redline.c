/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The export dialog's "Changes since": a snapshot chosen there makes the
 * export a redline (HTML <ins>/<del> here); Markdown and CSV cannot carry
 * tracked changes, so the choice is off for them. */
#include "config.h"

#include <string.h>

#include "pl-document-snapshots.h"
#include "pl-test-versions.h"

static PlApplication *app;

static void
test_redline (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = pl_test_make_demo (dir, "redline.pillars", PL_DEMO_SMALL);
  g_autofree char *out = g_build_filename (dir, "redline.html", NULL);
  g_autofree char *plain = g_build_filename (dir, "plain.html", NULL);
  PlWindow *window = pl_test_open_window (path);
  PlDocument *doc = pl_window_get_document (window);
  g_autoptr(PlPillar) pillar = g_list_model_get_item (pl_document_get_pillars (doc), 0);
  g_autoptr(PlSnapshot) baseline = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *contents = NULL;
  PlExportDialog *dialog;
  PlExportOptions options;
  GtkWidget *row;

  baseline = pl_document_take_snapshot (doc, "Sent to the ministries", &error);
  g_assert_no_error (error);
  body = g_strconcat (pl_pillar_get_body (pillar), "\n\nQuarterly drills with the banks.", NULL);
  g_assert_true (pl_record_set (PL_RECORD (pillar), &error, "body", body, NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  wait_for (pl_test_find_toplevel (PL_TYPE_EXPORT_DIALOG) != NULL);
  dialog = PL_EXPORT_DIALOG (pl_test_find_toplevel (PL_TYPE_EXPORT_DIALOG));
  pl_test_wait_shown (dialog);
  row = pl_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "_Changes Since", NULL);
  g_assert_nonnull (row);

  /* Markdown (the default) cannot show tracked changes. */
  g_assert_false (gtk_widget_get_sensitive (row));
  pl_export_dialog_set_compare (dialog, baseline);
  pl_export_dialog_get_options (dialog, &options);
  g_assert_null (options.compare);
  pl_export_options_clear (&options);

  pl_export_dialog_set_format (dialog, PL_EXPORT_HTML);
  g_assert_true (gtk_widget_get_sensitive (row));
  pl_export_dialog_get_options (dialog, &options);
  g_assert_true (options.compare == baseline);
  pl_export_options_clear (&options);
  pl_test_screenshot (GTK_WIDGET (dialog), "export-redline");
  g_assert_true (pl_export_dialog_export_to (dialog, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<ins"));
  g_assert_nonnull (strstr (contents, "Quarterly drills with the banks"));
  g_clear_pointer (&contents, g_free);

  /* Back to nothing: a clean copy. */
  pl_export_dialog_set_compare (dialog, NULL);
  g_assert_true (pl_export_dialog_export_to (dialog, plain, &error));
  g_assert_true (g_file_get_contents (plain, &contents, NULL, NULL));
  g_assert_null (strstr (contents, "<ins"));
  g_assert_nonnull (strstr (contents, "Quarterly drills with the banks"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  pl_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  app = pl_test_init_app (&argc, &argv);

  g_test_add_func ("/export-dialog-redline/changes-since", test_redline);

  return pl_test_run_app ();
}
