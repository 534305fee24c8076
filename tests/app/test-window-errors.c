/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Errors reach the user: what the document could not read or write is
 * shown in the window, not only logged. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "pl-test-app.h"

static gboolean
has_label_containing (GtkWidget  *widget,
                      const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
      strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label_containing (child, text))
      return TRUE;
  return FALSE;
}

static PlWindow *
open_demo (char **dir,
           char **path)
{
  *dir = pl_test_temp_dir ();
  *path = pl_test_make_demo (*dir, "errors.pillars", PL_DEMO_SMALL);
  return pl_test_open_window (*path);
}

/* A list the document could not read would show empty: the window says
 * why. The file loses its objectives table behind the window's back (as a
 * damaged file or another program would), then a pillar tab that has not
 * loaded its objectives yet is shown. */
static void
test_read_failed (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  PlWindow *window = open_demo (&dir, &path);
  AdwTabView *tabs = pl_window_get_tab_view (window);
  int last = adw_tab_view_get_n_pages (tabs) - 2;   /* the last pillar, before the plan */
  sqlite3 *db = NULL;

  g_assert_false (has_label_containing (GTK_WIDGET (window), "Could not read"));
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TABLE objectives", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  pl_test_select_page (window, last);
  wait_for (has_label_containing (GTK_WIDGET (window), "Could not read the document"));
  g_assert_true (has_label_containing (GTK_WIDGET (window), "objectives"));
  pl_test_close_window (window);
  pl_test_remove_document (path);
  g_rmdir (dir);
}

/* A page that could not write a change says so through the autosave, and
 * the window shows it as it shows failed typing. */
static void
test_report_error (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  PlWindow *window = open_demo (&dir, &path);
  g_autoptr(GError) error = NULL;

  error = g_error_new_literal (PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_FAILED,
                               "the disk is full");
  g_assert_false (has_label_containing (GTK_WIDGET (window), error->message));
  pl_autosave_report_error (window->autosave, error);
  wait_for (has_label_containing (GTK_WIDGET (window), error->message));
  pl_test_close_window (window);
  pl_test_remove_document (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  pl_test_init_app (&argc, &argv);

  g_test_add_func ("/window-errors/read-failed", test_read_failed);
  g_test_add_func ("/window-errors/report-error", test_report_error);
  return pl_test_run_app ();
}
