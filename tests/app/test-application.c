/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The application: the welcome window, new documents, the example, recent
 * documents, and every kind of file it refuses to open. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "pl-test-app.h"

static PlApplication *app;

static GtkWidget *
find_recent_row (GtkWidget  *root,
                 const char *path)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_ACTION_ROW (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), "app.open-recent") == 0)
        {
          GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (child));

          if (target != NULL && g_str_equal (g_variant_get_string (target, NULL), path))
            return child;
        }
      if ((found = find_recent_row (child, path)) != NULL)
        return found;
    }
  return NULL;
}

typedef enum {
  BAD_MISSING,
  BAD_DIRECTORY,
  BAD_EMPTY,
  BAD_RANDOM,
  BAD_TRUNCATED,
  BAD_FOREIGN,
  BAD_TOO_NEW,
  BAD_LOCKED,
} BadKind;

static char *
make_bad (const char *dir,
          BadKind     kind,
          PlDocument **holder)
{
  char *path = g_build_filename (dir, "bad.pillars", NULL);
  g_autofree char *good = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  sqlite3 *db;

  switch (kind)
    {
    case BAD_MISSING:
      break;
    case BAD_DIRECTORY:
      g_mkdir (path, 0755);
      break;
    case BAD_EMPTY:
      g_file_set_contents (path, "", 0, NULL);
      break;
    case BAD_RANDOM:
      {
        char bytes[4096];

        for (guint i = 0; i < sizeof bytes; i++)
          bytes[i] = (char) g_random_int ();
        g_file_set_contents (path, bytes, sizeof bytes, NULL);
      }
      break;
    case BAD_TRUNCATED:
      good = pl_test_make_demo (dir, "good.pillars", PL_DEMO_SMALL);
      g_file_get_contents (good, &contents, &length, NULL);
      g_file_set_contents (path, contents, (gssize) (length / 3), NULL);
      break;
    case BAD_FOREIGN:
      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      sqlite3_exec (db, "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x');", NULL, NULL, NULL);
      sqlite3_close (db);
      break;
    case BAD_TOO_NEW:
      g_free (path);
      path = pl_test_make_demo (dir, "bad.pillars", PL_DEMO_SMALL);
      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      sqlite3_exec (db, "PRAGMA user_version = 999;", NULL, NULL, NULL);
      sqlite3_close (db);
      break;
    case BAD_LOCKED:
      {
        g_autoptr(GError) error = NULL;

        g_free (path);
        path = pl_test_make_demo (dir, "bad.pillars", PL_DEMO_SMALL);
        *holder = pl_document_open (path, PL_DOCUMENT_OPEN_DEFAULT, &error);
        g_assert_no_error (error);
      }
      break;
    }
  return path;
}

static void
test_welcome (void)
{
  PlWindow *window = pl_window_new (GTK_APPLICATION (app), NULL);

  gtk_window_present (GTK_WINDOW (window));
  pl_test_wait_shown (window);
  g_assert_null (pl_window_get_document (window));
  g_assert_null (pl_window_get_current_buffer (window));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-pillar", NULL) &&
                  pl_window_get_document (window) != NULL);
  pl_test_screenshot (GTK_WIDGET (window), "welcome");
  pl_test_close_window (window);
}

/* New strategy (from the standard template), the example, and the
 * welcome page's recent documents. */
static void
test_new_example_recent (void)
{
  g_autofree char *dir = pl_test_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "new.pillars", NULL);
  g_autofree char *example = g_build_filename (g_get_user_data_dir (), "pillars", "Example.pillars", NULL);
  g_autofree char *canonical = NULL;
  PlWindow *window = pl_application_create_path (app, path);
  PlWindow *welcome;
  GtkWidget *row;

  g_assert_nonnull (window);
  if (window == NULL)
    return;
  pl_test_wait_shown (window);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  /* Overview, the four standard pillars, the plan. */
  g_assert_cmpint (adw_tab_view_get_n_pages (pl_window_get_tab_view (window)), ==, 6);
  g_assert_cmpstr (pl_test_window_subtitle (window), ==, "Drafting · Saved");
  pl_test_close_window (window);

  /* An existing file is never replaced by a new strategy. */
  {
    gsize before = 0, after = 0;
    g_autofree char *contents = NULL;
    AdwMessageDialog *dialog;

    g_file_get_contents (path, &contents, &before, NULL);
    g_assert_null (pl_application_create_path (app, path));
    wait_for (pl_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
    dialog = ADW_MESSAGE_DIALOG (pl_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    g_assert_nonnull (dialog);
    if (dialog != NULL)
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "already exists"));
    pl_test_destroy_toplevels (ADW_TYPE_MESSAGE_DIALOG);
    g_clear_pointer (&contents, g_free);
    g_file_get_contents (path, &contents, &after, NULL);
    g_assert_cmpuint (after, ==, before);
  }

  window = pl_application_open_example (app);
  g_assert_nonnull (window);
  if (window == NULL)
    return;
  pl_test_wait_shown (window);
  g_assert_true (g_file_test (example, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (adw_tab_view_get_n_pages (pl_window_get_tab_view (window)), ==, 7);
  g_assert_true (pl_application_open_example (app) == window);
  pl_test_close_window (window);

  /* The welcome page lists both, newest first, and opens them. */
  welcome = pl_window_new (GTK_APPLICATION (app), NULL);
  gtk_window_present (GTK_WINDOW (welcome));
  pl_test_wait_shown (welcome);
  canonical = g_canonicalize_filename (path, NULL);
  wait_for (find_recent_row (GTK_WIDGET (welcome), canonical) != NULL);
  row = find_recent_row (GTK_WIDGET (welcome), canonical);
  g_assert_nonnull (row);
  pl_test_screenshot (GTK_WIDGET (welcome), "welcome-recent");
  if (row != NULL)
    {
      g_signal_emit_by_name (row, "activate");
      wait_for (pl_application_find_window (app, path) != NULL && !pl_test_is_toplevel (welcome));
      window = pl_application_find_window (app, path);
      g_assert_nonnull (window);
      if (window != NULL)
        pl_test_wait_shown (window);
      /* The welcome window gave way to the document. */
      {
        GList *windows = pl_test_windows ();

        g_assert_null (g_list_find (windows, welcome));
        g_list_free (windows);
      }
      if (window != NULL)
        pl_test_close_window (window);
    }
  else
    pl_test_close_window (welcome);
}

static void
test_bad_documents (void)
{
  for (BadKind kind = BAD_MISSING; kind <= BAD_LOCKED; kind++)
    {
      g_autofree char *dir = pl_test_temp_dir ();
      g_autoptr(PlDocument) holder = NULL;
      g_autofree char *path = make_bad (dir, kind, &holder);
      g_autoptr(GError) expected = NULL;
      g_autoptr(PlDocument) direct = pl_document_open (path, PL_DOCUMENT_OPEN_DEFAULT, &expected);
      GList *before = pl_test_windows ();
      GList *after;
      AdwMessageDialog *dialog;
      PlWindow *window;

      g_test_message ("bad document kind %d: %s", kind, expected ? expected->message : "(opened!)");
      g_assert_null (direct);
      g_assert_nonnull (expected);
      if (expected == NULL)
        continue;

      window = pl_application_open_path (app, path);
      wait_for (pl_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
      g_assert_null (window);
      after = pl_test_windows ();
      g_assert_cmpuint (g_list_length (after), ==, g_list_length (before));
      dialog = ADW_MESSAGE_DIALOG (pl_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
      g_assert_nonnull (dialog);
      if (dialog != NULL)
        {
          g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, expected->message);
          if (kind == BAD_TOO_NEW)
            pl_test_screenshot (GTK_WIDGET (dialog), "bad-document-dialog");
          /* Locked by someone else: it can still be read. */
          if (kind == BAD_LOCKED)
            {
              GList *now;

              adw_message_dialog_response (dialog, "read-only");
              wait_for (pl_application_find_window (app, path) != NULL);
              pl_test_wait_shown (pl_application_find_window (app, path));
              now = pl_test_windows ();
              g_assert_cmpuint (g_list_length (now), ==, g_list_length (before) + 1);
              window = pl_application_find_window (app, path);
              g_assert_nonnull (window);
              if (window != NULL)
                {
                  g_assert_true (pl_document_is_read_only (pl_window_get_document (window)));
                  g_assert_true (g_str_has_suffix (pl_test_window_subtitle (window), "Read-only"));
                  pl_test_close_window (window);
                }
              g_list_free (now);
            }
        }
      pl_test_destroy_toplevels (ADW_TYPE_MESSAGE_DIALOG);
      g_list_free (before);
      g_list_free (after);
    }
}

int
main (int   argc,
      char *argv[])
{
  app = pl_test_init_app (&argc, &argv);

  g_test_add_func ("/application/welcome", test_welcome);
  g_test_add_func ("/application/new-example-recent", test_new_example_recent);
  g_test_add_func ("/application/bad-documents", test_bad_documents);

  return pl_test_run_app ();
}
