/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The export dialog, opened from the window. */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include "pl-export-dialog.h"
#include "pl-export-dialog-private.h"
#include "pl-import-zip.h"
#include "pl-window-private.h"
#include "pl-test-app.h"

static PlApplication *app;

static void
test_export_dialog (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = pl_test_make_demo (dir, "export.pillars", PL_DEMO_SMALL);
  g_autofree char *out = g_build_filename (dir, "export.md", NULL);
  PlWindow *window = pl_test_open_window (path);
  PlExportDialog *dialog;
  PlExportOptions options;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  wait_for (pl_test_find_toplevel (PL_TYPE_EXPORT_DIALOG) != NULL);
  dialog = PL_EXPORT_DIALOG (pl_test_find_toplevel (PL_TYPE_EXPORT_DIALOG));
  g_assert_nonnull (dialog);
  pl_test_screenshot (GTK_WIDGET (dialog), "export-dialog");
  pl_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.format, ==, PL_EXPORT_MARKDOWN);
  g_assert_true (options.title_page && options.front_matter && options.pillars && options.implementation_plan);
  g_assert_false (options.annex);
  g_assert_cmpint (options.anonymise, ==, PL_ANONYMISE_ORGANISATION);
  g_assert_null (options.classification);
  pl_export_options_clear (&options);

  g_assert_true (pl_export_dialog_export_to (dialog, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "National Cybersecurity Strategy"));

  /* DOCX for cabinet: a zip archive. CSV: the matrix, whatever the parts. */
  {
    g_autofree char *docx = g_build_filename (dir, "export.docx", NULL);
    g_autofree char *csv = g_build_filename (dir, "export.csv", NULL);
    g_autofree char *bytes = NULL;
    gsize length = 0;

    pl_export_dialog_set_format (dialog, PL_EXPORT_DOCX);
    g_assert_true (pl_export_dialog_export_to (dialog, docx, &error));
    g_assert_no_error (error);
    g_clear_error (&error);
    g_assert_true (g_file_get_contents (docx, &bytes, &length, NULL));
    g_assert_cmpuint (length, >, 4);
    g_assert_true (bytes != NULL && memcmp (bytes, "PK", 2) == 0);
    g_clear_pointer (&bytes, g_free);

    pl_export_dialog_set_format (dialog, PL_EXPORT_CSV);
    pl_export_dialog_get_options (dialog, &options);
    g_assert_cmpint (options.format, ==, PL_EXPORT_CSV);
    pl_export_options_clear (&options);
    g_assert_true (pl_export_dialog_export_to (dialog, csv, &error));
    g_assert_no_error (error);
    g_clear_error (&error);
    g_assert_true (g_file_get_contents (csv, &bytes, &length, NULL));
    g_assert_cmpuint (length, >, 0);
  }

  /* Never over the document, by any name: the dialog says why. */
  {
    g_autofree char *hard = g_build_filename (dir, "hard.md", NULL);
    g_autofree char *sym = g_build_filename (dir, "sym.docx", NULL);
    g_autofree char *dotted = g_build_filename (dir, ".", "export.pillars", NULL);
    const char *names[] = { path, dotted, hard, sym };
    g_autofree char *before = NULL;
    gsize before_len = 0;

    g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
    g_assert_cmpint (link (path, hard), ==, 0);
    g_assert_cmpint (symlink ("export.pillars", sym), ==, 0);
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *after = NULL;
        gsize after_len = 0;

        g_clear_error (&error);
        g_assert_false (pl_export_dialog_export_to (dialog, names[i], &error));
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
        g_assert_nonnull (error ? strstr (error->message, "Choose another name for the export") : NULL);
        g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
        g_assert_true (before_len == after_len && memcmp (before, after, before_len) == 0);
      }
    g_clear_error (&error);
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  pl_test_close_window (window);
}

/* After an export the toast opens the file; when something was left out,
 * it says so and its Details say what. */
static void
test_export_toast (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = pl_test_make_demo (dir, "toast.pillars", PL_DEMO_SMALL);
  g_autofree char *out = g_build_filename (dir, "toast.html", NULL);
  PlWindow *window = pl_test_open_window (path);
  PlDocument *document = pl_window_get_document (window);
  PlExportDialog *dialog;
  AdwToast *toast;
  GVariant *target;
  AdwMessageDialog *details;
  g_autoptr(PlPillar) pillar = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  wait_for (pl_test_find_toplevel (PL_TYPE_EXPORT_DIALOG) != NULL);
  dialog = PL_EXPORT_DIALOG (pl_test_find_toplevel (PL_TYPE_EXPORT_DIALOG));
  pl_export_dialog_set_format (dialog, PL_EXPORT_HTML);
  g_assert_true (pl_export_dialog_export_to (dialog, out, &error));
  g_assert_no_error (error);
  g_signal_emit_by_name (dialog, "exported", out);
  toast = _pl_window_export_get_last_toast (window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Exported “toast.html”");
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Open");
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "win.open-export");
  target = adw_toast_get_action_target_value (toast);
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, out);

  /* A pillar with two images and raw HTML. */
  pillar = g_list_model_get_item (pl_document_get_pillars (document), 0);
  g_assert_true (pl_record_set (PL_RECORD (pillar), &error, "body",
                                "![map](https://example.org/m.png) ![chart](c.png)\n\n<div>raw</div>\n", NULL));
  g_assert_no_error (error);
  g_assert_true (pl_export_dialog_export_to (dialog, out, &error));
  g_signal_emit_by_name (dialog, "exported", out);
  toast = _pl_window_export_get_last_toast (window);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Exported “toast.html”; some content was left out");
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Details");
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "win.export-details");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.export-details",
                                                     adw_toast_get_action_target_value (toast)));
  wait_for (pl_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  details = ADW_MESSAGE_DIALOG (pl_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (details), ==, "Some Content Was Left Out");
  g_assert_cmpstr (adw_message_dialog_get_body (details), ==,
                   "2 images were left out; their descriptions are printed instead.\n"
                   "1 piece of raw HTML was left out; write it as Markdown to keep it.");
  g_assert_true (adw_message_dialog_has_response (details, "open"));
  pl_test_screenshot (GTK_WIDGET (details), "export-left-out");
  gtk_window_destroy (GTK_WINDOW (details));
  pl_test_close_window (window);
}

/* A member of the zip at @path, as text. */
static char *
zip_text (const char *path,
          const char *member)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bytes = NULL;
  gsize length = 0;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GHashTable) entries = NULL;
  const char *wanted[] = { member, NULL };
  GBytes *found;

  g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
  data = g_bytes_new_take (g_steal_pointer (&bytes), length);
  entries = pl_import_zip_read (data, wanted, &error);
  g_assert_no_error (error);
  found = g_hash_table_lookup (entries, member);
  g_assert_nonnull (found);
  return g_strndup (g_bytes_get_data (found, NULL), g_bytes_get_size (found));
}

/* "Export for Review…": the review copy for the ministries from the window
 * (it was only in the CLI), in Word by default, with the return date on its
 * cover note and the protection that allows comments and tracked changes
 * only; a redline or a copy without pillars cannot be a review copy. */
static void
test_for_review (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = pl_test_make_demo (dir, "review.pillars", PL_DEMO_SMALL);
  g_autofree char *out = g_build_filename (dir, "review.docx", NULL);
  PlWindow *window = pl_test_open_window (path);
  PlExportDialog *dialog;
  PlExportOptions options;
  GtkWidget *review, *deadline, *compare;
  g_autoptr(GError) error = NULL;
  g_autofree char *settings = NULL;
  g_autofree char *document = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-for-review", NULL));
  wait_for (pl_test_find_toplevel (PL_TYPE_EXPORT_DIALOG) != NULL);
  dialog = PL_EXPORT_DIALOG (pl_test_find_toplevel (PL_TYPE_EXPORT_DIALOG));
  review = pl_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "_Review copy for the ministries", NULL);
  deadline = pl_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Return by (on the cover note)", NULL);
  compare = pl_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "_Changes Since", NULL);
  g_assert_nonnull (review);
  g_assert_nonnull (deadline);
  g_assert_nonnull (compare);
  g_assert_true (gtk_widget_is_sensitive (review) && gtk_widget_is_sensitive (deadline));
  /* The example has a snapshot, but a review copy is no redline. */
  g_assert_false (gtk_widget_is_sensitive (compare));
  gtk_editable_set_text (GTK_EDITABLE (deadline), " 15 January 2027 ");
  pl_test_screenshot (GTK_WIDGET (dialog), "export-dialog-review");
  pl_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.format, ==, PL_EXPORT_DOCX);
  g_assert_true (options.for_review && options.pillars);
  g_assert_cmpstr (options.review_deadline, ==, "15 January 2027");
  g_assert_null (options.compare);
  pl_export_options_clear (&options);

  g_assert_true (pl_export_dialog_export_to (dialog, out, &error));
  g_assert_no_error (error);
  settings = zip_text (out, "word/settings.xml");
  document = zip_text (out, "word/document.xml");
  g_assert_nonnull (strstr (settings, "w:documentProtection w:edit=\"trackedChanges\""));
  g_assert_nonnull (strstr (document, "15 January 2027"));

  /* Markdown has no review copy; back to Word, off: an ordinary export. */
  pl_export_dialog_set_format (dialog, PL_EXPORT_MARKDOWN);
  g_assert_false (gtk_widget_is_sensitive (review) || gtk_widget_is_sensitive (deadline));
  pl_export_dialog_get_options (dialog, &options);
  g_assert_false (options.for_review);
  pl_export_options_clear (&options);
  pl_export_dialog_set_format (dialog, PL_EXPORT_DOCX);
  pl_export_dialog_set_for_review (dialog, FALSE);
  g_assert_true (gtk_widget_is_sensitive (compare));
  g_assert_false (gtk_widget_is_sensitive (deadline));
  pl_export_dialog_get_options (dialog, &options);
  g_assert_false (options.for_review);
  g_assert_null (options.review_deadline);
  pl_export_options_clear (&options);
  gtk_window_destroy (GTK_WINDOW (dialog));
  pl_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  app = pl_test_init_app (&argc, &argv);

  g_test_add_func ("/export-dialog/export-dialog", test_export_dialog);
  g_test_add_func ("/export-dialog/export-toast", test_export_toast);
  g_test_add_func ("/export-dialog/for-review", test_for_review);

  return pl_test_run_app ();
}
