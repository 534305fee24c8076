/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Import Comments…: a comment matrix previewed, then imported, through the
 * window's own actions. */
#include "config.h"

#include <string.h>

#include "pl-import-comments-dialog.h"
#include "pl-test-app.h"
#include "pl-window-private.h"

static PlApplication *app;

/* A matrix as a francophone ministry sends it: Excel's "CSV" on Windows,
 * semicolons, Windows-1252, a number column nobody needs. */
static const char matrix[] =
  "N\xb0;Nom;Organisation;Secteur;Pilier;Commentaire;Modification propos\xe9" "e;Date\r\n"
  "1;H\xe9l\xe8ne Dubois;Soci\xe9t\xe9 Civile Num\xe9rique;Soci\xe9t\xe9 civile;2.1;"
  "Pr\xe9" "ciser qui coordonne la r\xe9ponse aux incidents entre le CERT et la police.;Ajouter \xab sous l'autorit\xe9 du CERT \xbb;3 mars\r\n"
  "2;Karim Osei;Central Bank of the Kestrel Islands;Gouvernement;1;"
  "The workforce target for 2030 looks low next to the banks' own hiring plans.;;3 mars\r\n"
  "3;;Universit\xe9 des \xceles;Acad\xe9mique;Capacity building;"
  "Nous pouvons accueillir le programme de formation des formateurs.;;4 mars\r\n";

static PlImportCommentsDialog *
open_preview (PlWindow   *window,
              const char *csv)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-comments-from", "s", csv));
  wait_for (pl_test_find_toplevel (PL_TYPE_IMPORT_COMMENTS_DIALOG) != NULL);
  return PL_IMPORT_COMMENTS_DIALOG (pl_test_find_toplevel (PL_TYPE_IMPORT_COMMENTS_DIALOG));
}

static void
test_import_comments (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = pl_test_make_demo (dir, "comments.pillars", PL_DEMO_SMALL);
  g_autofree char *csv = g_build_filename (dir, "matrice.csv", NULL);
  PlWindow *window = pl_test_open_window (path);
  AdwStyleManager *style = adw_style_manager_get_default ();
  PlImportCommentsDialog *dialog;
  g_autoptr(GdkTexture) light = NULL;
  g_autoptr(GdkTexture) dark = NULL;
  GtkWidget *button;
  gint64 before = pl_document_count (window->document, "feedback");

  g_assert_true (g_file_set_contents (csv, matrix, sizeof matrix - 1, NULL));

  /* The preview says how the file was read and writes nothing; Esc closes it. */
  dialog = open_preview (window, csv);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 640, 700);
  pl_test_wait_shown (dialog);
  g_assert_nonnull (pl_test_find_label (GTK_WIDGET (dialog), "Windows-1252 (Western European), semicolon-separated, 3 rows"));
  g_assert_nonnull (pl_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Modification proposée", NULL));
  g_assert_nonnull (pl_test_find_label (GTK_WIDGET (dialog), "Not imported"));
  button = pl_test_find_button_with_label (GTK_WIDGET (dialog), "_Import");
  g_assert_nonnull (button);
  wait_for (gtk_widget_get_sensitive (button));
  g_assert_nonnull (pl_test_find_label (GTK_WIDGET (dialog), "Windows-1252 (Western European), semicolon-separated, 3 rows\n"
                                                                "3 comments will be added. 2 new stakeholders will be added to the registry."));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  wait_for (!adw_style_manager_get_dark (style));
  light = pl_test_capture (GTK_WIDGET (dialog), "import-comments-light");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  wait_for (adw_style_manager_get_dark (style));
  dark = pl_test_capture (GTK_WIDGET (dialog), "import-comments-dark");
  pl_test_assert_dark_of (light, dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  wait_for (pl_test_find_toplevel (PL_TYPE_IMPORT_COMMENTS_DIALOG) == NULL);
  g_assert_cmpint (pl_document_count (window->document, "feedback"), ==, before);

  /* Import: three comments, the dialog closes, a toast says so. */
  dialog = open_preview (window, csv);
  pl_test_wait_shown (dialog);
  wait_for (gtk_widget_get_sensitive (pl_test_find_button_with_label (GTK_WIDGET (dialog), "_Import")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL));
  wait_for (pl_test_find_toplevel (PL_TYPE_IMPORT_COMMENTS_DIALOG) == NULL);
  g_assert_cmpint (pl_document_count (window->document, "feedback"), ==, before + 3);
  {
    g_autoptr(PlStakeholder) s = pl_document_find_stakeholder (window->document, "Hélène Dubois");

    g_assert_nonnull (s);
    g_assert_cmpstr (pl_stakeholder_get_organisation (s), ==, "Société Civile Numérique");
  }
  pl_test_screenshot (GTK_WIDGET (window), "import-comments-result");

  /* Again: the preview says there is nothing new and Import is off. */
  dialog = open_preview (window, csv);
  pl_test_wait_shown (dialog);
  wait_for (pl_test_find_label (GTK_WIDGET (dialog), "Windows-1252 (Western European), semicolon-separated, 3 rows\n"
                                                      "Every comment of this file is already in the strategy.") != NULL);
  button = pl_test_find_button_with_label (GTK_WIDGET (dialog), "_Import");
  g_assert_false (gtk_widget_get_sensitive (button));
  pl_test_screenshot (GTK_WIDGET (dialog), "import-comments-again");
  gtk_window_close (GTK_WINDOW (dialog));
  wait_for (pl_test_find_toplevel (PL_TYPE_IMPORT_COMMENTS_DIALOG) == NULL);
  g_assert_cmpint (pl_document_count (window->document, "feedback"), ==, before + 3);

  /* A file that is no matrix: an error, no preview, nothing written. */
  {
    g_autofree char *bad = g_build_filename (dir, "bad.csv", NULL);

    g_assert_true (g_file_set_contents (bad, "Name;Date\nAna;today\n", -1, NULL));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-comments-from", "s", bad));
    wait_for (pl_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
    g_assert_nonnull (pl_test_find_label (GTK_WIDGET (pl_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)),
                                          "No column of the first row is headed “Comment”"));
    g_assert_null (pl_test_find_toplevel (PL_TYPE_IMPORT_COMMENTS_DIALOG));
    g_assert_cmpint (pl_document_count (window->document, "feedback"), ==, before + 3);
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
  g_test_add_func ("/import-comments-dialog/import", test_import_comments);
  return pl_test_run_app ();
}
