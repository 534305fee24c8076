/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pl-document.h"
#include "pl-test-util.h"

/* Every kind of bad document gets its own error code and a message that
 * names the file and says what is wrong, through the API and through
 * pillars-cli; and a refused file is never touched. */

typedef struct {
  const char *name;        /* file name inside the temporary folder */
  int         code;        /* PL_DOCUMENT_ERROR_* */
  const char *words[3];    /* what the message must say (NULL-terminated) */
} BadCase;

/* A real document, closed, with some content. */
static char *
make_document (const char *dir,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = pl_test_path (dir, name);
  g_autoptr(PlDocument) doc = pl_document_create (path, PL_TEMPLATE_STANDARD, &error);
  g_autoptr(PlPillar) pillar = NULL;

  g_assert_no_error (error);
  pillar = g_list_model_get_item (pl_document_get_pillars (doc), 0);
  for (int i = 0; i < 20; i++)
    {
      g_autofree char *title = g_strdup_printf ("Objective %d with some words to fill pages", i);
      g_autoptr(PlObjective) o = pl_document_add (doc, PL_TYPE_OBJECTIVE, PL_RECORD (pillar), -1, &error,
                                                  "title", title, NULL);
      g_assert_no_error (error);
    }
  pl_document_close (doc);
  return g_steal_pointer (&path);
}

static void
write_file (const char *path,
            const void *data,
            gsize       len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

static char *
make_bad_file (const char *dir,
               int         code)
{
  switch (code)
    {
    case PL_DOCUMENT_ERROR_NOT_FOUND:
      return pl_test_path (dir, "missing.pillars");

    case PL_DOCUMENT_ERROR_IS_DIRECTORY:
      {
        char *path = pl_test_path (dir, "folder.pillars");
        g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
        return path;
      }

    case PL_DOCUMENT_ERROR_EMPTY:
      {
        char *path = pl_test_path (dir, "empty.pillars");
        write_file (path, "", 0);
        return path;
      }

    case PL_DOCUMENT_ERROR_NOT_DATABASE:
      {
        char *path = pl_test_path (dir, "random.pillars");
        g_autoptr(GRand) rand = g_rand_new_with_seed (42);
        guint32 data[4096];

        for (guint i = 0; i < G_N_ELEMENTS (data); i++)
          data[i] = g_rand_int (rand);
        write_file (path, data, sizeof data);
        return path;
      }

    case PL_DOCUMENT_ERROR_CORRUPT:
      {
        g_autofree char *real = make_document (dir, "whole.pillars");
        char *path = pl_test_path (dir, "truncated.pillars");
        g_autoptr(GBytes) bytes = pl_test_read_bytes (real);

        g_assert_cmpuint (g_bytes_get_size (bytes), >, 8192);
        write_file (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes) / 2);
        return path;
      }

    case PL_DOCUMENT_ERROR_FOREIGN:
      {
        char *path = pl_test_path (dir, "other-app.sqlite");
        sqlite3 *db = NULL;

        g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
        g_assert_true (pl_test_sqlite_exec (db, "CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL); "
                                                "INSERT INTO invoices (amount) VALUES (12.5), (99)"));
        sqlite3_close (db);
        return path;
      }

    case PL_DOCUMENT_ERROR_TOO_NEW:
      {
        char *path = make_document (dir, "from-the-future.pillars");
        g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", PL_SCHEMA_VERSION + 1);

        g_assert_true (pl_test_sqlite_exec_file (path, sql));
        return path;
      }

    default:
      g_assert_not_reached ();
    }
}

static const BadCase bad_cases[] = {
  { "missing",   PL_DOCUMENT_ERROR_NOT_FOUND,    { "missing.pillars", "does not exist", NULL } },
  { "directory", PL_DOCUMENT_ERROR_IS_DIRECTORY, { "folder.pillars", "folder", NULL } },
  { "empty",     PL_DOCUMENT_ERROR_EMPTY,        { "empty.pillars", "empty", NULL } },
  { "random",    PL_DOCUMENT_ERROR_NOT_DATABASE, { "random.pillars", "not a database", NULL } },
  { "truncated", PL_DOCUMENT_ERROR_CORRUPT,      { "truncated.pillars", "truncated", NULL } },
  { "foreign",   PL_DOCUMENT_ERROR_FOREIGN,      { "other-app.sqlite", "another application", NULL } },
  { "too-new",   PL_DOCUMENT_ERROR_TOO_NEW,      { "from-the-future.pillars", "newer version", NULL } },
};

static void
assert_message (const char    *message,
                const BadCase *c)
{
  g_assert_nonnull (message);
  if (message == NULL)
    return;
  for (guint i = 0; c->words[i] != NULL; i++)
    if (strstr (message, c->words[i]) == NULL)
      {
        g_test_message ("“%s” does not say “%s”", message, c->words[i]);
        g_test_fail ();
      }
  if (c->code == PL_DOCUMENT_ERROR_TOO_NEW)
    {
      g_autofree char *needed = g_strdup_printf ("format %d", PL_SCHEMA_VERSION + 1);
      g_assert_nonnull (strstr (message, needed));
    }
}

static const char *
cli_path (void)
{
  const char *cli = g_getenv ("PILLARS_CLI");

  if (cli == NULL || !g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    return NULL;
  return cli;
}

/* Runs pillars-cli; returns its exit status and stderr. */
static int
run_cli (const char * const *args,
         char              **out,
         char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_ptr_array_add (argv, (gpointer) cli_path ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_bad_file (gconstpointer data)
{
  const BadCase *c = data;
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *path = make_bad_file (dir, c->code);
  g_autoptr(GBytes) before = g_file_test (path, G_FILE_TEST_IS_REGULAR) ? pl_test_read_bytes (path) : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = NULL;
  gboolean side_before = pl_test_side_files_exist (path);

  g_assert_false (side_before);

  /* Through the API, read-write and read-only. */
  doc = pl_document_open (path, 0, &error);
  g_assert_null (doc);
  g_assert_error (error, PL_DOCUMENT_ERROR, c->code);
  if (error != NULL)
    {
      g_test_message ("%s: %s", c->name, error->message);
      assert_message (error->message, c);
    }
  g_clear_error (&error);
  doc = pl_document_open (path, PL_DOCUMENT_OPEN_READ_ONLY, &error);
  g_assert_null (doc);
  g_assert_error (error, PL_DOCUMENT_ERROR, c->code);
  g_clear_error (&error);

  /* Through pillars-cli: exit status 1, one line naming the file. */
  if (cli_path () != NULL)
    {
      const char *args[] = { "info", path, NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status = run_cli (args, &out, &err);

      g_test_message ("pillars-cli info: %s", err);
      g_assert_cmpint (status, ==, 1);
      g_assert_cmpstr (out, ==, "");
      g_assert_true (g_str_has_suffix (err, "\n"));
      g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
      assert_message (err, c);
    }
  else
    g_test_message ("PILLARS_CLI is not set: the command-line part is not run");

  /* Nothing was written: same bytes, no side files left behind. */
  if (before != NULL)
    {
      g_autoptr(GBytes) after = pl_test_read_bytes (path);

      g_assert_nonnull (after);
      g_assert_true (g_bytes_equal (before, after));
    }
  else if (c->code == PL_DOCUMENT_ERROR_NOT_FOUND)
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (pl_test_side_files_exist (path));

  pl_test_rmdir_recursive (dir);
}

/* A named pipe must not make open wait forever. */
static void
test_fifo (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *path = pl_test_path (dir, "pipe.pillars");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = NULL;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  doc = pl_document_open (path, 0, &error);
  g_assert_null (doc);
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NOT_DATABASE);
  if (error)
    g_assert_nonnull (strstr (error->message, "pipe.pillars"));
  g_clear_error (&error);
  doc = pl_document_open (path, PL_DOCUMENT_OPEN_READ_ONLY, &error);
  g_assert_null (doc);
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NOT_DATABASE);
  g_clear_error (&error);
  doc = pl_document_create (path, PL_TEMPLATE_EMPTY, &error);
  g_assert_null (doc);
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_EXISTS);
  pl_test_rmdir_recursive (dir);
}

static void
test_create_over_existing (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *empty = make_bad_file (dir, PL_DOCUMENT_ERROR_EMPTY);
  g_autofree char *real = make_document (dir, "real.pillars");
  g_autoptr(GBytes) before = pl_test_read_bytes (real);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = NULL;

  doc = pl_document_create (empty, PL_TEMPLATE_STANDARD, &error);
  g_assert_null (doc);
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_EXISTS);
  if (error)
    g_assert_nonnull (strstr (error->message, "empty.pillars"));
  g_clear_error (&error);
  {
    g_autoptr(GBytes) still = pl_test_read_bytes (empty);
    g_assert_cmpuint (g_bytes_get_size (still), ==, 0);
  }

  doc = pl_document_create (real, PL_TEMPLATE_EMPTY, &error);
  g_assert_null (doc);
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_EXISTS);
  g_clear_error (&error);
  {
    g_autoptr(GBytes) after = pl_test_read_bytes (real);
    g_assert_true (g_bytes_equal (before, after));
  }

  if (cli_path () != NULL)
    {
      const char *args[] = { "new", real, NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run_cli (args, &out, &err), ==, 1);
      g_assert_nonnull (strstr (err, "real.pillars"));
      g_assert_nonnull (strstr (err, "already exists"));
      {
        g_autoptr(GBytes) after = pl_test_read_bytes (real);
        g_assert_true (g_bytes_equal (before, after));
      }
    }
  pl_test_rmdir_recursive (dir);
}

/* Every kind of write on a read-only document fails with READ_ONLY. */
static void
assert_writes_refused (PlDocument *doc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPillar) pillar = g_list_model_get_item (pl_document_get_pillars (doc), 0);
  guint64 generation = pl_document_get_generation (doc);
  gpointer added;

  g_assert_nonnull (pillar);
  if (pillar == NULL)
    return;
  g_assert_false (pl_record_set (PL_RECORD (pillar), &error, "title", "Changed", NULL));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpstr (pl_pillar_get_title (pillar), !=, "Changed");
  added = pl_document_add (doc, PL_TYPE_PILLAR, NULL, -1, &error, "title", "New", NULL);
  g_assert_null (added);
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_READ_ONLY);
  g_clear_error (&error);
  added = pl_document_add_feedback (doc, PL_FEEDBACK_COMMENT, "x", NULL, NULL, NULL, NULL, &error);
  g_assert_null (added);
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (pl_document_move (doc, PL_RECORD (pillar), 2, &error));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (pl_document_delete (doc, PL_RECORD (pillar), &error));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (pl_record_is_deleted (PL_RECORD (pillar)));
  g_assert_false (pl_document_begin (doc, &error));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpuint (pl_document_get_generation (doc), ==, generation);
  g_assert_cmpuint (g_list_model_get_n_items (pl_document_get_pillars (doc)), ==, 4);

  /* Reading still works. */
  {
    g_autoptr(GPtrArray) hits = pl_document_search (doc, "CSIRT", 10, &error);
    g_auto(GStrv) problems = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, >=, 1);
    g_assert_true (pl_document_check (doc, &problems, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_strv_length (problems), ==, 0);
  }
}

static void
test_read_only_flag (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *path = make_document (dir, "flag.pillars");
  g_autoptr(GBytes) before = pl_test_read_bytes (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = pl_document_open (path, PL_DOCUMENT_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  if (doc == NULL)
    return;
  g_assert_true (pl_document_is_read_only (doc));
  g_assert_nonnull (pl_document_get_read_only_reason (doc));
  assert_writes_refused (doc);
  /* A read-only opener does not lock others out. */
  {
    g_autoptr(PlDocument) writer = pl_document_open (path, 0, &error);

    g_assert_no_error (error);
    g_assert_nonnull (writer);
  }
  pl_document_close (doc);
  {
    g_autoptr(GBytes) after = pl_test_read_bytes (path);
    g_assert_true (g_bytes_equal (before, after));
  }
  g_assert_false (pl_test_side_files_exist (path));
  pl_test_rmdir_recursive (dir);
}

static void
test_read_only_file (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *path = make_document (dir, "locked-down.pillars");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = NULL;
  gboolean can_write_anyway;

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  before = pl_test_read_bytes (path);
  /* root passes access (W_OK) whatever the mode: the core then (rightly)
   * opens the file for writing, so only that part is skipped. */
  can_write_anyway = g_access (path, W_OK) == 0;
  if (can_write_anyway)
    g_test_skip ("Running as root: chmod 0444 does not stop writes, so the file opens writable; "
                 "PL_DOCUMENT_OPEN_READ_ONLY is tested in /bad-documents/read-only/flag");

  doc = pl_document_open (path, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  if (doc != NULL && !can_write_anyway)
    {
      g_assert_true (pl_document_is_read_only (doc));
      g_assert_nonnull (strstr (pl_document_get_read_only_reason (doc), "read-only"));
      assert_writes_refused (doc);
      pl_document_close (doc);
      {
        g_autoptr(GBytes) after = pl_test_read_bytes (path);
        g_assert_true (g_bytes_equal (before, after));
      }
    }
  pl_test_rmdir_recursive (dir);
}

static void
test_read_only_folder (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *sub = pl_test_path (dir, "shared folder");
  g_autofree char *path = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = NULL;
  gboolean can_write_anyway;

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  /* Characters that mean something in a URI, too. */
  path = make_document (sub, "draft #2 ?100%.pillars");
  before = pl_test_read_bytes (path);
  g_assert_cmpint (g_chmod (sub, 0555), ==, 0);
  can_write_anyway = g_access (sub, W_OK) == 0;
  if (can_write_anyway)
    g_test_skip ("Running as root: a folder's mode does not stop writes");

  doc = pl_document_open (path, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  if (doc != NULL && !can_write_anyway)
    {
      g_assert_true (pl_document_is_read_only (doc));
      g_assert_nonnull (strstr (pl_document_get_read_only_reason (doc), "folder"));
      assert_writes_refused (doc);
      g_assert_cmpuint (g_list_model_get_n_items (pl_document_get_sections (doc)), ==, 5);
      pl_document_close (doc);
      {
        g_autoptr(GBytes) after = pl_test_read_bytes (path);
        g_assert_true (g_bytes_equal (before, after));
      }
      g_assert_false (pl_test_side_files_exist (path));
    }
  g_chmod (sub, 0755);
  pl_test_rmdir_recursive (dir);
}

/* ---- locked ---- */

static void
test_locked (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(PlPillar) mine = NULL;

  if (g_test_subprocess ())
    {
      /* Another process tries to open the file for writing. */
      g_autoptr(PlDocument) other = pl_document_open (g_getenv ("PILLARS_TEST_LOCKED"), 0, &error);

      g_assert_null (other);
      g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_LOCKED);
      if (error)
        g_print ("code=%d %s\n", error->code, error->message);
      /* Read-only is still possible. */
      g_clear_error (&error);
      other = pl_document_open (g_getenv ("PILLARS_TEST_LOCKED"), PL_DOCUMENT_OPEN_READ_ONLY, &error);
      g_assert_no_error (error);
      g_assert_nonnull (other);
      return;
    }

  dir = pl_test_make_dir ();
  path = make_document (dir, "busy.pillars");
  doc = pl_document_open (path, 0, &error);
  g_assert_no_error (error);
  mine = pl_document_add (doc, PL_TYPE_PILLAR, NULL, -1, &error, "title", "Written while open", NULL);
  g_assert_no_error (error);

  /* The same process, a second time (another window). */
  {
    g_autoptr(PlDocument) again = pl_document_open (path, 0, &error);

    g_assert_null (again);
    g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_LOCKED);
    g_clear_error (&error);
  }

  /* Another process through the API. */
  g_setenv ("PILLARS_TEST_LOCKED", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  {
    g_autofree char *pattern = g_strdup_printf ("code=%d *busy.pillars*already open*", PL_DOCUMENT_ERROR_LOCKED);
    g_test_trap_assert_stdout (pattern);
  }

  /* Another process through pillars-cli. */
  if (cli_path () != NULL)
    {
      const char *args[] = { "pillar", "add", path, "From the command line", NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run_cli (args, &out, &err), ==, 1);
      g_test_message ("pillars-cli pillar add: %s", err);
      g_assert_nonnull (strstr (err, "busy.pillars"));
      g_assert_nonnull (strstr (err, "already open"));
      g_assert_nonnull (strchr (err, '\n'));
      g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
    }

  /* This process still writes. */
  g_assert_true (pl_record_set (PL_RECORD (mine), &error, "summary", "Still mine", NULL));
  g_assert_no_error (error);
  pl_document_close (doc);
  g_clear_object (&doc);
  g_clear_object (&mine);

  /* Once closed, the other writer gets in, and nothing is lost. */
  if (cli_path () != NULL)
    {
      const char *args[] = { "pillar", "add", path, "From the command line", NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
      g_assert_cmpstr (err, ==, "");
    }
  doc = pl_document_open (path, 0, &error);
  g_assert_no_error (error);
  {
    g_autofree char *titles = pl_test_model_titles (pl_document_get_pillars (doc));
    g_autoptr(PlPillar) p = g_list_model_get_item (pl_document_get_pillars (doc), 4);

    g_assert_true (g_str_has_suffix (titles, cli_path () ? ",Written while open,From the command line"
                                                         : ",Written while open"));
    g_assert_cmpstr (pl_pillar_get_summary (p), ==, "Still mine");
  }
  g_clear_object (&doc);
  g_unsetenv ("PILLARS_TEST_LOCKED");
  pl_test_rmdir_recursive (dir);
}

/* Another program (the sqlite3 shell, say) holds a write transaction:
 * a change waits a little, then fails with LOCKED and changes nothing. */
static void
test_locked_by_other_program (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *path = make_document (dir, "shell.pillars");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = pl_document_open (path, 0, &error);
  g_autoptr(PlPillar) pillar = NULL;
  guint64 generation;
  sqlite3 *shell;

  g_assert_no_error (error);
  pillar = g_list_model_get_item (pl_document_get_pillars (doc), 0);
  generation = pl_document_get_generation (doc);
  shell = pl_test_sqlite_open (path, TRUE);
  g_assert_true (pl_test_sqlite_exec (shell, "BEGIN IMMEDIATE; UPDATE strategy SET country = 'shell'"));

  g_assert_false (pl_record_set (PL_RECORD (pillar), &error, "title", "Blocked", NULL));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_LOCKED);
  if (error)
    g_assert_nonnull (strstr (error->message, "shell.pillars"));
  g_clear_error (&error);
  g_assert_cmpstr (pl_pillar_get_title (pillar), !=, "Blocked");
  g_assert_cmpuint (pl_document_get_generation (doc), ==, generation);
  g_assert_cmpuint (g_list_model_get_n_items (pl_document_get_pillars (doc)), ==, 4);

  g_assert_true (pl_test_sqlite_exec (shell, "ROLLBACK"));
  sqlite3_close (shell);
  g_assert_true (pl_record_set (PL_RECORD (pillar), &error, "title", "Now it works", NULL));
  g_assert_no_error (error);
  g_assert_cmpstr (pl_pillar_get_title (pillar), ==, "Now it works");
  pl_test_rmdir_recursive (dir);
}

/* ---- what the API is given ---- */

static void
test_invalid_utf8 (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autoptr(PlDocument) doc = pl_test_new_document (dir, "text.pillars", PL_TEMPLATE_STANDARD);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPillar) pillar = g_list_model_get_item (pl_document_get_pillars (doc), 0);
  g_autofree char *title = g_strdup (pl_pillar_get_title (pillar));
  guint64 generation = pl_document_get_generation (doc);
  static const char *const bad[] = {
    "\xff", "half \xc3", "overlong \xc0\xaf", "surrogate \xed\xa0\x80", "caf\xe9",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gpointer added;

      g_assert_false (pl_record_set (PL_RECORD (pillar), &error, "title", bad[i], NULL));
      g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_TEXT);
      if (error)
        g_assert_nonnull (strstr (error->message, "UTF-8"));
      g_clear_error (&error);
      added = pl_document_add (doc, PL_TYPE_PILLAR, NULL, -1, &error, "title", "ok", "body", bad[i], NULL);
      g_assert_null (added);
      g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_TEXT);
      g_clear_error (&error);
      added = pl_document_add_feedback (doc, PL_FEEDBACK_COMMENT, bad[i], NULL, NULL, NULL, NULL, &error);
      g_assert_null (added);
      g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_TEXT);
      g_clear_error (&error);
      added = pl_document_add_feedback (doc, PL_FEEDBACK_COMMENT, "fine", PL_RECORD (pillar), bad[i], NULL, NULL, &error);
      g_assert_null (added);
      g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_TEXT);
      g_clear_error (&error);
      g_assert_null (pl_document_search (doc, bad[i], 10, &error));
      g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_TEXT);
      g_clear_error (&error);
    }

  g_assert_cmpstr (pl_pillar_get_title (pillar), ==, title);
  g_assert_cmpint (pl_document_count (doc, "pillars"), ==, 4);
  g_assert_cmpint (pl_document_count (doc, "feedback"), ==, 0);
  g_assert_cmpuint (pl_document_get_generation (doc), ==, generation);
  pl_test_rmdir_recursive (dir);
}

static void
test_huge_text (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autoptr(PlDocument) doc = pl_test_new_document (dir, "huge.pillars", PL_TEMPLATE_EMPTY);
  g_autofree char *path = g_strdup (pl_document_get_path (doc));
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_sized_new (10 * 1024 * 1024 + 100);
  g_autoptr(PlPillar) pillar = NULL;
  guint i = 0;

  while (text->len < 10 * 1024 * 1024)
    g_string_append_printf (text, "Paragraph %u: the national CSIRT will publish its procedures — ünïcödé ✓.\n\n", i++);
  g_string_append (text, "The very last words: zanzibarquux.");

  pillar = pl_document_add (doc, PL_TYPE_PILLAR, NULL, -1, &error, "title", "Huge", "body", text->str, NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (pl_pillar_get_body (pillar)), ==, text->len);
  g_clear_object (&pillar);
  pl_document_close (doc);
  g_clear_object (&doc);

  doc = pl_document_open (path, 0, &error);
  g_assert_no_error (error);
  pillar = g_list_model_get_item (pl_document_get_pillars (doc), 0);
  g_assert_cmpuint (strlen (pl_pillar_get_body (pillar)), ==, text->len);
  g_assert_true (strcmp (pl_pillar_get_body (pillar), text->str) == 0);
  {
    g_autoptr(GPtrArray) hits = pl_document_search (doc, "zanzibarquux", 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 1);
  }
  pl_test_rmdir_recursive (dir);
}

static const char *const hostile[] = {
  "<script>alert('pwned')</script>",
  "[click me](javascript:alert(1)) ![x](data:text/html;base64,PHNjcmlwdD4=)",
  "<img src=x onerror=alert(1)><!-- comment --><div style=\"position:fixed\">",
  "| a | b |\n|---|---|\n| \\| | `|` |\n\n```\n</code></pre><script>\n```",
  "\\\\ \\* \\_ ***bold*** ~~~ ___ *** --- === ###### ####### \\",
  "'; DROP TABLE pillars; -- \" OR 1=1 \x1b[31mred\x1b[0m \x01\x02\x7f",
  "\xe2\x80\xae evil right-to-left \xe2\x80\x8b zero-width \xef\xbb\xbf BOM",
  "line\r\nwindows\rlonely CR\ttab   trailing   \n\n\n",
  "emoji \xf0\x9f\x9b\xa1\xef\xb8\x8f combining e\xcc\x81 and NEAR( \"unterminated",
  "&amp; &lt; &#0; &#x110000; %s %n %x {{template}} ${var} $(cmd) `cmd`",
};

static void
test_hostile_markdown (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autoptr(PlDocument) doc = pl_test_new_document (dir, "hostile.pillars", PL_TEMPLATE_EMPTY);
  g_autofree char *path = g_strdup (pl_document_get_path (doc));
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) nested = g_string_new (NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  for (int i = 0; i < 5000; i++)
    g_string_append (nested, "[*_`<");
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    g_ptr_array_add (texts, (gpointer) hostile[i]);
  g_ptr_array_add (texts, nested->str);

  for (guint i = 0; i < texts->len; i++)
    {
      const char *t = g_ptr_array_index (texts, i);
      g_autoptr(PlPillar) p = pl_document_add (doc, PL_TYPE_PILLAR, NULL, -1, &error,
                                               "title", t, "summary", t, "body", t, NULL);
      g_autoptr(PlFeedback) fb = NULL;

      g_assert_no_error (error);
      fb = pl_document_add_feedback (doc, PL_FEEDBACK_COMMENT, t, PL_RECORD (p), NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_ptr_array_add (ids, g_strdup_printf ("%" G_GINT64_FORMAT, pl_record_get_id (PL_RECORD (p))));
      /* Searching for it does not break either. */
      {
        g_autoptr(GPtrArray) hits = pl_document_search (doc, t, 5, &error);
        g_assert_no_error (error);
        g_assert_nonnull (hits);
      }
    }
  pl_document_close (doc);
  g_clear_object (&doc);

  /* Byte for byte, through the API after reopening ... */
  doc = pl_document_open (path, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < texts->len; i++)
    {
      g_autoptr(PlPillar) p = g_list_model_get_item (pl_document_get_pillars (doc), i);

      g_assert_cmpstr (pl_pillar_get_title (p), ==, g_ptr_array_index (texts, i));
      g_assert_cmpstr (pl_pillar_get_summary (p), ==, g_ptr_array_index (texts, i));
      g_assert_cmpstr (pl_pillar_get_body (p), ==, g_ptr_array_index (texts, i));
    }
  pl_document_close (doc);

  /* ... and in the file itself. */
  {
    sqlite3 *db = pl_test_sqlite_open (path, FALSE);
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT body FROM pillars WHERE id = ?1", -1, &stmt, NULL), ==, SQLITE_OK);
    for (guint i = 0; i < texts->len; i++)
      {
        const char *t = g_ptr_array_index (texts, i);

        sqlite3_reset (stmt);
        sqlite3_bind_int64 (stmt, 1, g_ascii_strtoll (g_ptr_array_index (ids, i), NULL, 10));
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
        g_assert_cmpmem (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0), t, strlen (t));
      }
    sqlite3_finalize (stmt);
    g_assert_cmpint (pl_test_sqlite_int (db, "SELECT count(*) FROM feedback"), ==, texts->len);
    sqlite3_close (db);
  }
  pl_test_rmdir_recursive (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/bad-documents/open/%s", bad_cases[i].name);

      g_test_add_data_func (name, &bad_cases[i], test_bad_file);
    }
  g_test_add_func ("/bad-documents/create-over-existing", test_create_over_existing);
  g_test_add_func ("/bad-documents/fifo", test_fifo);
  g_test_add_func ("/bad-documents/read-only/flag", test_read_only_flag);
  g_test_add_func ("/bad-documents/read-only/file", test_read_only_file);
  g_test_add_func ("/bad-documents/read-only/folder", test_read_only_folder);
  g_test_add_func ("/bad-documents/locked", test_locked);
  g_test_add_func ("/bad-documents/locked-by-other-program", test_locked_by_other_program);
  g_test_add_func ("/bad-documents/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/bad-documents/huge-text", test_huge_text);
  g_test_add_func ("/bad-documents/hostile-markdown", test_hostile_markdown);

  return g_test_run ();
}
