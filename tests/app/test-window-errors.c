/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Errors reach the user: what the document could not read or write is
 * shown in the window, not only logged. */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "pl-demo.h"
#include "pl-window-private.h"

/* Iterates the main context until @done says so, or @timeout_ms passed. */
static gboolean
wait_until (gboolean (*done) (gpointer data),
            gpointer   data,
            guint      timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      if (!g_main_context_pending (NULL))
        g_usleep (1000);
    }
  return TRUE;
}

typedef struct {
  GtkWidget  *root;
  const char *text;
} LabelSearch;

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

static gboolean
label_shown (gpointer data)
{
  LabelSearch *search = data;

  return has_label_containing (search->root, search->text);
}

static PlWindow *
open_demo (char **dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(PlDocument) doc = NULL;
  PlWindow *window;

  *dir = g_dir_make_tmp ("pillars-errors-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir, "errors.pillars", NULL);
  doc = pl_demo_create (path, PL_DEMO_SMALL, &error);
  g_assert_no_error (error);
  window = pl_window_new (NULL, doc);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
close_window (PlWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* A list the document could not read shows empty: the window says why. */
static void
test_read_failed (void)
{
  g_autofree char *dir = NULL;
  PlWindow *window;
  g_autoptr(GError) error = NULL;
  LabelSearch search;

  window = open_demo (&dir);
  error = g_error_new_literal (PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_FAILED,
                               "the disk I/O failed while reading the objectives");
  search.root = GTK_WIDGET (window);
  search.text = error->message;
  g_assert_false (label_shown (&search));
  g_signal_emit_by_name (pl_window_get_document (window), "read-failed", error);
  g_assert_true (wait_until (label_shown, &search, 5000));
  close_window (window);
}

/* A page that could not write a change says so through the autosave, and
 * the window shows it as it shows failed typing. */
static void
test_report_error (void)
{
  g_autofree char *dir = NULL;
  PlWindow *window = open_demo (&dir);
  g_autoptr(GError) error = NULL;
  LabelSearch search;

  error = g_error_new_literal (PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_FAILED,
                               "the disk is full");
  search.root = GTK_WIDGET (window);
  search.text = error->message;
  g_assert_false (label_shown (&search));
  pl_autosave_report_error (window->autosave, error);
  g_assert_true (wait_until (label_shown, &search, 5000));
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  gtk_init ();
  adw_init ();

  g_test_add_func ("/window-errors/read-failed", test_read_failed);
  g_test_add_func ("/window-errors/report-error", test_report_error);
  return g_test_run ();
}
