/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Import Draft… reads the file in a thread: the dialog shows at once,
 * saying which file it reads, with Create disabled; the outline of a
 * multi-pillar DOCX fills in when reading is done, and only then can the
 * strategy be created. A file that cannot be imported says why in the
 * dialog, and closing the dialog while it reads is safe. */
#include "config.h"

#include <string.h>

#include "pl-export.h"
#include "pl-import-draft-dialog.h"
#include "pl-test-app.h"
#include "pl-window-private.h"

static PlApplication *app;

/* The button labelled @label under @root, shown on screen or not yet. */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      if ((found = find_button (child, label)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
create_enabled (GtkWidget *dialog)
{
  GtkWidget *button = find_button (dialog, "_Create Strategy…");

  g_assert_nonnull (button);
  return gtk_widget_is_sensitive (button);
}

static char *
export_docx (PlDocument *doc,
             const char *dir)
{
  char *docx = g_build_filename (dir, "draft.docx", NULL);
  PlExportOptions options;
  g_autoptr(GError) error = NULL;

  pl_export_options_init (&options);
  options.format = PL_EXPORT_DOCX;
  g_assert_true (pl_export_to_file (doc, &options, docx, NULL, &error));
  g_assert_no_error (error);
  pl_export_options_clear (&options);
  return docx;
}

static void
test_reading (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *example = pl_test_make_demo (dir, "host.pillars", PL_DEMO_SMALL);
  PlWindow *window = pl_test_open_window (example);
  PlDocument *doc = pl_window_get_document (window);
  g_autofree char *docx = export_docx (doc, dir);
  guint pillars = pl_document_count (doc, "pillars");
  GtkWidget *dialog, *reading, *page;
  PlImportDraft *draft;
  g_autofree char *first_pillar = NULL;

  g_assert_cmpuint (pillars, >=, 2);
  {
    /* The title of the example's first pillar, to find its row. */
    g_autoptr(PlPillar) pillar = g_list_model_get_item (pl_document_get_pillars (doc), 0);

    first_pillar = g_strdup (pl_pillar_get_title (pillar));
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-from", "s", docx));
  /* The dialog exists as soon as the action returns; the reading result
   * can only arrive from the main loop, which has not run yet. */
  dialog = GTK_WIDGET (pl_test_find_toplevel (PL_TYPE_IMPORT_DRAFT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (pl_import_draft_dialog_is_reading (PL_IMPORT_DRAFT_DIALOG (dialog)));
  g_assert_null (pl_import_draft_dialog_get_draft (PL_IMPORT_DRAFT_DIALOG (dialog)));
  reading = pl_test_find_any (dialog, ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (reading);
  g_assert_true (gtk_widget_get_visible (reading));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (reading)), ==, "Reading “draft.docx”…");
  g_assert_true (gtk_widget_get_visible (pl_test_find_any (reading, GTK_TYPE_SPINNER)));
  page = pl_test_find_any (dialog, ADW_TYPE_PREFERENCES_PAGE);
  g_assert_false (gtk_widget_is_visible (page));
  g_assert_false (create_enabled (dialog));

  /* The outline fills in; Create becomes possible then, not before. */
  wait_for (!pl_import_draft_dialog_is_reading (PL_IMPORT_DRAFT_DIALOG (dialog)));
  draft = pl_import_draft_dialog_get_draft (PL_IMPORT_DRAFT_DIALOG (dialog));
  g_assert_nonnull (draft);
  g_assert_cmpuint (pl_import_draft_count (draft, PL_IMPORT_ROLE_PILLAR), ==, pillars);
  g_assert_cmpuint (pl_import_draft_count (draft, PL_IMPORT_ROLE_ACTION), >, 0);
  pl_test_wait_shown (dialog);
  g_assert_false (gtk_widget_get_visible (reading));
  g_assert_true (gtk_widget_is_visible (page));
  wait_for (create_enabled (dialog));
  wait_for (pl_test_find_widget (dialog, ADW_TYPE_ACTION_ROW, first_pillar, NULL) != NULL);
  pl_test_screenshot (dialog, "import-draft-read");
  gtk_window_close (GTK_WINDOW (dialog));
  wait_for (pl_test_find_toplevel (PL_TYPE_IMPORT_DRAFT_DIALOG) == NULL);

  /* Closed while reading: the reading finishes into nothing (its result
   * arrives while the steps below wait, and must not touch the dialog;
   * the sanitizer pass would see it if it did). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-from", "s", docx));
  dialog = GTK_WIDGET (pl_test_find_toplevel (PL_TYPE_IMPORT_DRAFT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (pl_import_draft_dialog_is_reading (PL_IMPORT_DRAFT_DIALOG (dialog)));
  gtk_window_destroy (GTK_WINDOW (dialog));
  pl_test_drain ();
  g_assert_null (pl_test_find_toplevel (PL_TYPE_IMPORT_DRAFT_DIALOG));

  /* A file that is no draft: why, in the dialog; nothing can be created. */
  {
    g_autofree char *bad = g_build_filename (dir, "broken.docx", NULL);

    g_assert_true (g_file_set_contents (bad, "PK\x03\x04 this is not a whole zip", -1, NULL));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-from", "s", bad));
    dialog = GTK_WIDGET (pl_test_find_toplevel (PL_TYPE_IMPORT_DRAFT_DIALOG));
    g_assert_nonnull (dialog);
    reading = pl_test_find_any (dialog, ADW_TYPE_STATUS_PAGE);
    wait_for (g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (reading)), "Could Not Import “broken.docx”") == 0);
    g_assert_nonnull (adw_status_page_get_description (ADW_STATUS_PAGE (reading)));
    g_assert_cmpuint (strlen (adw_status_page_get_description (ADW_STATUS_PAGE (reading))), >, 20);
    g_assert_false (gtk_widget_get_visible (pl_test_find_any (reading, GTK_TYPE_SPINNER)));
    g_assert_false (create_enabled (dialog));
    g_assert_null (pl_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    pl_test_wait_shown (dialog);
    pl_test_screenshot (dialog, "import-draft-read-error");
    gtk_window_close (GTK_WINDOW (dialog));
    wait_for (pl_test_find_toplevel (PL_TYPE_IMPORT_DRAFT_DIALOG) == NULL);
  }
  pl_test_close_window (window);
  pl_test_destroy_toplevels (GTK_TYPE_WINDOW);
  pl_test_remove_document (example);
}

int
main (int   argc,
      char *argv[])
{
  app = pl_test_init_app (&argc, &argv);
  g_test_add_func ("/import-draft-dialog/reading", test_reading);
  return pl_test_run_app ();
}
