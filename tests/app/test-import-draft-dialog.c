/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Import Draft…: a draft previewed, one heading's role changed, and the new
 * strategy created and opened, through the window's own actions. */
#include "config.h"

#include <string.h>

#include "pl-import-draft-dialog.h"
#include "pl-test-app.h"
#include "pl-window-private.h"

static PlApplication *app;

/* A draft as a ministry's Markdown export has it: front matter, pillars
 * at level 2, objectives at level 3, actions as numbered items, and one
 * level-2 heading ("A note on the 2025 survey") that is really part of the text above. */
static const char draft[] =
  "# National Cybersecurity Strategy of the Republic of Testland\n\n"
  "## Executive summary\n\nTestland depends on its networks.\n\n"
  "## Resilient critical infrastructure\n\nOperators of essential services are few.\n\n"
  "### Protect the operators of essential services\n\n"
  "1. Map the operators of essential services by 2027.\n"
  "2. Require incident reporting within 72 hours.\n\n"
  "## A note on the 2025 survey\n\nA survey in 2025 found forty people working in cybersecurity.\n\n"
  "## Skills and awareness\n\nPeople are the first defence.\n\n"
  "### Train a national workforce\n\n"
  "1. Fund two hundred scholarships.\n\n"
  "## Glossary\n\nCERT: computer emergency response team.\n";

static gboolean
has_document_window (gpointer path)
{
  for (GList *l = pl_test_windows (); l; l = l->next)
    {
      PlDocument *doc = pl_window_get_document (l->data);

      if (doc && g_strcmp0 (pl_document_get_path (doc), path) == 0)
        return TRUE;
    }
  return FALSE;
}

static PlWindow *
document_window (const char *path)
{
  for (GList *l = pl_test_windows (); l; l = l->next)
    {
      PlDocument *doc = pl_window_get_document (l->data);

      if (doc && g_strcmp0 (pl_document_get_path (doc), path) == 0)
        return l->data;
    }
  return NULL;
}

static void
capture_both (GtkWidget  *widget,
              const char *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *light_name = g_strconcat (name, "-light", NULL);
  g_autofree char *dark_name = g_strconcat (name, "-dark", NULL);
  g_autoptr(GdkTexture) light = NULL;
  g_autoptr(GdkTexture) dark = NULL;

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  wait_for (!adw_style_manager_get_dark (style));
  light = pl_test_capture (widget, light_name);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  wait_for (adw_style_manager_get_dark (style));
  dark = pl_test_capture (widget, dark_name);
  pl_test_assert_dark_of (light, dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_import_draft (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *md = g_build_filename (dir, "draft.md", NULL);
  g_autofree char *out = g_build_filename (dir, "Testland.pillars", NULL);
  g_autofree char *example = pl_test_make_demo (dir, "host.pillars", PL_DEMO_SMALL);
  PlWindow *window = pl_test_open_window (example);
  PlImportDraftDialog *dialog;
  PlImportDraft *d;
  GtkWidget *row, *dropdown;
  PlWindow *created;
  g_autoptr(GError) error = NULL;
  guint pillars;

  g_assert_true (g_file_set_contents (md, draft, -1, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-from", "s", md));
  wait_for (pl_test_find_toplevel (PL_TYPE_IMPORT_DRAFT_DIALOG) != NULL);
  dialog = PL_IMPORT_DRAFT_DIALOG (pl_test_find_toplevel (PL_TYPE_IMPORT_DRAFT_DIALOG));
  pl_test_wait_shown (dialog);
  /* The dialog reads the draft in a thread (test-import-draft-reading). */
  wait_for (!pl_import_draft_dialog_is_reading (dialog));
  d = pl_import_draft_dialog_get_draft (dialog);
  pillars = pl_import_draft_count (d, PL_IMPORT_ROLE_PILLAR);
  g_assert_cmpuint (pillars, ==, 3);
  capture_both (GTK_WIDGET (dialog), "import-draft-preview");

  /* "A note on the 2025 survey" is part of the text above, not a pillar: the drafter
   * says so in its row, and the outline is detected again at once. */
  row = pl_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "A note on the 2025 survey", NULL);
  g_assert_nonnull (row);
  dropdown = pl_test_find_any (row, GTK_TYPE_DROP_DOWN);
  g_assert_nonnull (dropdown);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, PL_IMPORT_ROLE_PILLAR);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), PL_IMPORT_ROLE_TEXT);
  wait_for (pl_import_draft_count (d, PL_IMPORT_ROLE_PILLAR) == pillars - 1);
  wait_for (pl_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "A note on the 2025 survey", NULL) == NULL);
  capture_both (GTK_WIDGET (dialog), "import-draft-changed");

  /* Create: the new strategy opens in its own window. */
  g_assert_true (pl_import_draft_dialog_create_at (dialog, out, &error));
  g_assert_no_error (error);
  wait_for (pl_test_find_toplevel (PL_TYPE_IMPORT_DRAFT_DIALOG) == NULL);
  wait_for (has_document_window (out));
  created = document_window (out);
  pl_test_wait_shown (created);
  g_assert_cmpint (pl_document_count (pl_window_get_document (created), "pillars"), ==, pillars - 1);
  capture_both (GTK_WIDGET (created), "import-draft-result");
  gtk_window_set_default_size (GTK_WINDOW (created), 1024, 600);
  pl_test_wait_for_frame (GTK_WIDGET (created));
  pl_test_screenshot (GTK_WIDGET (created), "import-draft-result-1024");

  /* A file that is no draft: the message in the preview dialog (which
   * opens before the file is read), no outline, nothing to create. */
  {
    g_autofree char *doc = g_build_filename (dir, "old.doc", NULL);
    GtkWidget *status;
    PlImportDraftDialog *failed;

    g_assert_true (g_file_set_contents (doc, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 old Word", -1, NULL));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-from", "s", doc));
    wait_for (pl_test_find_toplevel (PL_TYPE_IMPORT_DRAFT_DIALOG) != NULL);
    failed = PL_IMPORT_DRAFT_DIALOG (pl_test_find_toplevel (PL_TYPE_IMPORT_DRAFT_DIALOG));
    status = pl_test_find_any (GTK_WIDGET (failed), ADW_TYPE_STATUS_PAGE);
    wait_for (adw_status_page_get_description (ADW_STATUS_PAGE (status)) != NULL
              && strstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)), "Word 97") != NULL);
    g_assert_null (pl_import_draft_dialog_get_draft (failed));
    g_assert_null (pl_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    gtk_window_destroy (GTK_WINDOW (failed));
  }
  pl_test_close_window (created);
  pl_test_close_window (window);
  pl_test_destroy_toplevels (GTK_TYPE_WINDOW);
  pl_test_remove_document (out);
  pl_test_remove_document (example);
}

int
main (int   argc,
      char *argv[])
{
  app = pl_test_init_app (&argc, &argv);
  g_test_add_func ("/import-draft-dialog/import", test_import_draft);
  return pl_test_run_app ();
}
