/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The comment-matrix preview shows before its dry run: the run (seconds on
 * a big strategy and matrix) waits for the dialog's first frame, and the
 * preview says it is looking meanwhile, with Import disabled. */
#include "config.h"

#include <string.h>

#include "pl-import-comments-dialog.h"
#include "pl-import-matrix.h"
#include "pl-test-app.h"
#include "pl-window-private.h"

static PlApplication *app;

static const char matrix[] =
  "Name;Organisation;Section;Comment\n"
  "Karim Osei;Central Bank;1;The workforce target for 2030 looks low.\n"
  "Hélène Dubois;Société Civile Numérique;2.1;Say who coordinates incident response.\n";

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

static void
test_first_frame (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = pl_test_make_demo (dir, "comments.pillars", PL_DEMO_SMALL);
  PlWindow *window = pl_test_open_window (path);
  g_autoptr(PlImportMatrix) m = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;
  GtkWidget *button;

  m = pl_import_matrix_new_from_data (matrix, sizeof matrix - 1, &error);
  g_assert_no_error (error);
  dialog = pl_import_comments_dialog_new (GTK_WINDOW (window), pl_window_get_document (window), m, "matrix.csv");
  button = find_button (dialog, "_Import");
  g_assert_nonnull (button);

  /* Everything the main loop has ready runs, low-priority idles included:
   * not the dry run, as the dialog has drawn nothing yet. */
  pl_test_drain ();
  g_assert_nonnull (pl_test_find_label (dialog, "UTF-8"));
  g_assert_nonnull (pl_test_find_label (dialog, "UTF-8, semicolon-separated, 2 rows\nLooking for comments already in the strategy…"));
  g_assert_false (gtk_widget_get_sensitive (button));

  /* Shown: the dry run follows its first frame and says what Import will do. */
  gtk_window_present (GTK_WINDOW (dialog));
  pl_test_wait_shown (dialog);
  wait_for (gtk_widget_get_sensitive (button));
  g_assert_null (pl_test_find_label (dialog, "UTF-8, semicolon-separated, 2 rows\nLooking"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  pl_test_close_window (window);
  pl_test_destroy_toplevels (GTK_TYPE_WINDOW);
  pl_test_remove_document (path);
}

int
main (int   argc,
      char *argv[])
{
  app = pl_test_init_app (&argc, &argv);
  g_test_add_func ("/import-comments-dialog/first-frame", test_first_frame);
  return pl_test_run_app ();
}
