/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>
#include <unistd.h>

#include "pl-document.h"
#include "pl-document-private.h"
#include "pl-store.h"
#include "pl-store-schema.h"
#include "pl-test-util.h"

/* The store writes the format the document says it writes. */
G_STATIC_ASSERT (PL_STORE_SCHEMA_VERSION == PL_SCHEMA_VERSION);
G_STATIC_ASSERT (PL_STORE_APPLICATION_ID == PL_APPLICATION_ID);

static const char *const tables[] = {
  "strategy", "sections", "pillars", "objectives", "actions",
  "workshops", "stakeholders", "feedback", "snapshots",
};

/* A document with one row in every table, closed again. */
static char *
make_full_document (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = pl_test_path (dir, "full.pillars");
  g_autoptr(PlDocument) doc = pl_document_create (path, PL_TEMPLATE_STANDARD, &error);
  g_autoptr(PlPillar) pillar = NULL;
  g_autoptr(PlObjective) objective = NULL;
  g_autoptr(PlAction) action = NULL;
  g_autoptr(PlWorkshop) workshop = NULL;
  g_autoptr(PlStakeholder) stakeholder = NULL;
  g_autoptr(PlFeedback) feedback = NULL;
  g_autoptr(PlSnapshot) snapshot = NULL;

  g_assert_no_error (error);
  pillar = g_list_model_get_item (pl_document_get_pillars (doc), 0);
  objective = pl_document_add (doc, PL_TYPE_OBJECTIVE, PL_RECORD (pillar), -1, &error,
                               "title", "Train responders", NULL);
  g_assert_no_error (error);
  action = pl_document_add (doc, PL_TYPE_ACTION, PL_RECORD (objective), -1, &error,
                            "title", "Run a course", "lead-agency", "CSIRT", NULL);
  g_assert_no_error (error);
  workshop = pl_document_add (doc, PL_TYPE_WORKSHOP, NULL, -1, &error, "title", "National", NULL);
  g_assert_no_error (error);
  stakeholder = pl_document_add (doc, PL_TYPE_STAKEHOLDER, NULL, -1, &error, "name", "Ann", NULL);
  g_assert_no_error (error);
  feedback = pl_document_add_feedback (doc, PL_FEEDBACK_COMMENT, "Good", PL_RECORD (action), NULL,
                                       workshop, stakeholder, &error);
  g_assert_no_error (error);
  snapshot = pl_document_add (doc, PL_TYPE_SNAPSHOT, NULL, -1, &error, "name", "v0.1", "content", "# Draft", NULL);
  g_assert_no_error (error);
  pl_document_close (doc);
  return g_steal_pointer (&path);
}

static void
test_file_identity (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *path = make_full_document (dir);
  sqlite3 *db;

  g_assert_false (pl_test_side_files_exist (path));
  db = pl_test_sqlite_open (path, FALSE);
  g_assert_cmpint (pl_test_sqlite_int (db, "PRAGMA application_id"), ==, PL_APPLICATION_ID);
  g_assert_cmpint (pl_test_sqlite_int (db, "PRAGMA user_version"), ==, PL_SCHEMA_VERSION);
  {
    g_autofree char *mode = pl_test_sqlite_text (db, "PRAGMA journal_mode");
    g_assert_cmpstr (mode, ==, "wal");
  }
  sqlite3_close (db);

  /* The same facts straight from the header bytes: "PLRS" at offset 68,
   * the WAL file-format bytes (2, 2) at offsets 18 and 19. */
  {
    g_autoptr(GBytes) bytes = pl_test_read_bytes (path);
    const guint8 *data = g_bytes_get_data (bytes, NULL);

    g_assert_cmpuint (g_bytes_get_size (bytes), >=, 100);
    g_assert_cmpmem (data + 68, 4, "PLRS", 4);
    g_assert_cmpint (data[18], ==, 2);
    g_assert_cmpint (data[19], ==, 2);
    g_assert_cmpint (data[63], ==, PL_SCHEMA_VERSION);
  }
  pl_test_rmdir_recursive (dir);
}

static void
test_strict_tables (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *path = make_full_document (dir);
  sqlite3 *db = pl_test_sqlite_open (path, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT strict FROM pragma_table_list WHERE name = '%s'", tables[i]);

      g_test_message ("table %s", tables[i]);
      g_assert_cmpint (pl_test_sqlite_int (db, sql), ==, 1);
    }
  sqlite3_close (db);

  /* STRICT means a wrong type is refused even with sqlite3 directly. */
  db = pl_test_sqlite_open (path, TRUE);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE pillars SET position = 'first'", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_nonnull (strstr (sqlite3_errmsg (db), "cannot store TEXT value in INTEGER column"));
  g_assert_cmpint (pl_test_sqlite_int (db, "SELECT count(*) FROM pillars WHERE typeof (position) != 'integer'"), ==, 0);
  sqlite3_close (db);
  pl_test_rmdir_recursive (dir);
}

static void
test_uuids_and_timestamps (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *path = make_full_document (dir);
  sqlite3 *db = pl_test_sqlite_open (path, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *count = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);
      g_autofree char *distinct = g_strdup_printf ("SELECT count(DISTINCT uuid) FROM %s", tables[i]);
      g_autofree char *stamps = g_strdup_printf ("SELECT count(*) FROM %s WHERE created_at NOT GLOB "
                                                 "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z' "
                                                 "OR updated_at < created_at", tables[i]);
      g_autofree char *uuids = g_strdup_printf ("SELECT group_concat (uuid, ' ') FROM %s", tables[i]);
      g_autofree char *all = NULL;
      g_auto(GStrv) list = NULL;
      gint64 n = pl_test_sqlite_int (db, count);

      g_test_message ("table %s", tables[i]);
      g_assert_cmpint (n, >=, 1);
      g_assert_cmpint (pl_test_sqlite_int (db, distinct), ==, n);
      g_assert_cmpint (pl_test_sqlite_int (db, stamps), ==, 0);
      all = pl_test_sqlite_text (db, uuids);
      list = g_strsplit (all ? all : "", " ", -1);
      g_assert_cmpuint (g_strv_length (list), ==, n);
      for (guint j = 0; list[j] != NULL; j++)
        g_assert_true (g_uuid_string_is_valid (list[j]));
    }
  sqlite3_close (db);
  pl_test_rmdir_recursive (dir);
}

static void
test_updated_at_changes (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autoptr(PlDocument) doc = pl_test_new_document (dir, "u.pillars", PL_TEMPLATE_EMPTY);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPillar) pillar = pl_document_add (doc, PL_TYPE_PILLAR, NULL, -1, &error, "title", "A", NULL);
  g_autofree char *created = NULL;
  g_autofree char *updated = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *path = g_strdup (pl_document_get_path (doc));

  g_assert_no_error (error);
  created = g_strdup (pl_record_get_created_at (PL_RECORD (pillar)));
  uuid = g_strdup (pl_record_get_uuid (PL_RECORD (pillar)));
  g_assert_cmpstr (created, ==, pl_record_get_updated_at (PL_RECORD (pillar)));
  g_usleep (2000);
  g_assert_true (pl_record_set (PL_RECORD (pillar), &error, "title", "B", NULL));
  g_assert_no_error (error);
  updated = g_strdup (pl_record_get_updated_at (PL_RECORD (pillar)));
  g_assert_cmpstr (updated, >, created);
  g_assert_cmpstr (pl_record_get_created_at (PL_RECORD (pillar)), ==, created);
  g_assert_cmpstr (pl_record_get_uuid (PL_RECORD (pillar)), ==, uuid);
  pl_document_close (doc);

  {
    sqlite3 *db = pl_test_sqlite_open (path, FALSE);
    g_autofree char *sql = g_strdup_printf ("SELECT updated_at FROM pillars WHERE uuid = '%s'", uuid);
    g_autofree char *in_file = pl_test_sqlite_text (db, sql);
    g_autofree char *sql2 = g_strdup_printf ("SELECT created_at FROM pillars WHERE uuid = '%s'", uuid);
    g_autofree char *created_in_file = pl_test_sqlite_text (db, sql2);

    g_assert_cmpstr (in_file, ==, updated);
    g_assert_cmpstr (created_in_file, ==, created);
    sqlite3_close (db);
  }
  pl_test_rmdir_recursive (dir);
}

static void
test_foreign_keys_on (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autoptr(PlDocument) doc = pl_test_new_document (dir, "fk.pillars", PL_TEMPLATE_EMPTY);
  g_autoptr(GError) error = NULL;
  PlStore *store = pl_document_get_store (doc);

  /* An objective of a pillar that does not exist is refused by SQLite itself. */
  g_assert_false (pl_store_exec_for_test (store,
                                          "INSERT INTO objectives (uuid, created_at, updated_at, pillar_id) "
                                          "VALUES ('11111111-2222-3333-4444-555555555555', 'x', 'x', 9999)",
                                          &error));
  g_assert_nonnull (error);
  g_assert_cmpint (pl_document_count (doc, "objectives"), ==, 0);
  g_clear_error (&error);
  g_assert_true (pl_store_exec_for_test (store, "SELECT 1", &error));
  g_assert_no_error (error);
  pl_test_rmdir_recursive (dir);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
count_signal_cb (gpointer  instance,
                 gpointer  arg,
                 guint    *count)
{
  (*count)++;
}

static void
test_one_transaction (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autoptr(PlDocument) doc = pl_test_new_document (dir, "tx.pillars", PL_TEMPLATE_EMPTY);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPillar) pillar = pl_document_add (doc, PL_TYPE_PILLAR, NULL, -1, &error,
                                                "title", "Before", "summary", "S", "body", "B", NULL);
  g_autoptr(PlObjective) objective = NULL;
  g_autofree char *path = g_strdup (pl_document_get_path (doc));
  g_autofree char *updated = NULL;
  guint64 generation;
  guint notifications = 0;

  g_assert_no_error (error);
  objective = pl_document_add (doc, PL_TYPE_OBJECTIVE, PL_RECORD (pillar), -1, &error, "title", "O", NULL);
  g_assert_no_error (error);
  updated = g_strdup (pl_record_get_updated_at (PL_RECORD (pillar)));
  generation = pl_document_get_generation (doc);
  g_signal_connect (pillar, "notify", G_CALLBACK (count_notify_cb), &notifications);

  /* Invalid UTF-8 in the middle: nothing at all is written. */
  g_assert_false (pl_record_set (PL_RECORD (pillar), &error,
                                 "title", "After",
                                 "body", "bad \xff\xfe text",
                                 "summary", "Changed",
                                 NULL));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_TEXT);
  g_clear_error (&error);
  g_assert_cmpstr (pl_pillar_get_title (pillar), ==, "Before");
  g_assert_cmpstr (pl_pillar_get_summary (pillar), ==, "S");

  /* An invalid enum value in the middle. */
  {
    g_autoptr(PlAction) action = pl_document_add (doc, PL_TYPE_ACTION, PL_RECORD (objective), -1, &error,
                                                  "title", "A", NULL);
    g_assert_no_error (error);
    g_assert_false (pl_record_set (PL_RECORD (action), &error,
                                   "title", "A2", "status", 99, "cost", "1", NULL));
    g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE);
    g_clear_error (&error);
    g_assert_cmpstr (pl_action_get_title (action), ==, "A");
    g_assert_cmpstr (pl_action_get_cost (action), ==, "");
    generation = pl_document_get_generation (doc);
  }

  /* An unknown field in the middle. */
  g_assert_false (pl_record_set (PL_RECORD (pillar), &error,
                                 "title", "After", "colour", "red", NULL));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  /* A parent id cannot be changed by setting it. */
  g_assert_false (pl_record_set (PL_RECORD (objective), &error,
                                 "title", "O2", "pillar-id", (gint64) 12345, NULL));
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpstr (pl_objective_get_title (objective), ==, "O");

  g_assert_cmpuint (notifications, ==, 0);
  g_assert_cmpuint (pl_document_get_generation (doc), ==, generation);
  g_assert_cmpstr (pl_record_get_updated_at (PL_RECORD (pillar)), ==, updated);

  /* A valid multi-field change is written at once, in one go. */
  g_assert_true (pl_record_set (PL_RECORD (pillar), &error,
                                "title", "After", "summary", "S2", "body", "B2", NULL));
  g_assert_no_error (error);
  g_assert_cmpuint (notifications, ==, 3);
  g_assert_cmpuint (pl_document_get_generation (doc), ==, generation + 1);

  /* It is in the file while the document is still open (no flush). */
  {
    sqlite3 *db = pl_test_sqlite_open (path, FALSE);
    g_autofree char *sql = g_strdup_printf ("SELECT title || '/' || summary || '/' || body FROM pillars WHERE id = %"
                                            G_GINT64_FORMAT, pl_record_get_id (PL_RECORD (pillar)));
    g_autofree char *row = pl_test_sqlite_text (db, sql);
    g_autofree char *sql2 = g_strdup_printf ("SELECT title FROM objectives WHERE id = %" G_GINT64_FORMAT,
                                             pl_record_get_id (PL_RECORD (objective)));
    g_autofree char *otitle = pl_test_sqlite_text (db, sql2);

    g_assert_cmpstr (row, ==, "After/S2/B2");
    g_assert_cmpstr (otitle, ==, "O");
    sqlite3_close (db);
  }

  pl_document_close (doc);
  g_clear_object (&doc);
  doc = pl_document_open (path, 0, &error);
  g_assert_no_error (error);
  {
    g_autoptr(PlPillar) again = g_list_model_get_item (pl_document_get_pillars (doc), 0);

    g_assert_cmpstr (pl_pillar_get_title (again), ==, "After");
    g_assert_cmpstr (pl_pillar_get_summary (again), ==, "S2");
    g_assert_cmpstr (pl_pillar_get_body (again), ==, "B2");
  }
  pl_test_rmdir_recursive (dir);
}

static void
test_property_setter_failure (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autoptr(PlDocument) doc = pl_test_new_document (dir, "set.pillars", PL_TEMPLATE_EMPTY);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPillar) pillar = pl_document_add (doc, PL_TYPE_PILLAR, NULL, -1, &error, "title", "T", NULL);
  guint failures = 0;

  g_assert_no_error (error);
  g_signal_connect (doc, "write-failed", G_CALLBACK (count_signal_cb), &failures);

  /* g_object_set () writes through; an invalid value is reported, not stored. */
  g_object_set (pillar, "title", "Through a setter", NULL);
  g_assert_cmpstr (pl_pillar_get_title (pillar), ==, "Through a setter");
  g_object_set (pillar, "title", "bad \xc3\x28", NULL);
  g_assert_cmpuint (failures, ==, 1);
  g_assert_cmpstr (pl_pillar_get_title (pillar), ==, "Through a setter");
  pl_test_rmdir_recursive (dir);
}

static void
test_check_sound (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *path = make_full_document (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = pl_document_open (path, 0, &error);
  g_auto(GStrv) problems = NULL;

  g_assert_no_error (error);
  g_assert_true (pl_document_check (doc, &problems, &error));
  g_assert_no_error (error);
  g_assert_nonnull (problems);
  for (guint i = 0; problems && problems[i]; i++)
    g_test_message ("unexpected problem: %s", problems[i]);
  g_assert_cmpuint (g_strv_length (problems), ==, 0);
  pl_test_rmdir_recursive (dir);
}

static gboolean
problems_mention (char      **problems,
                  const char *word)
{
  for (guint i = 0; problems && problems[i]; i++)
    if (strstr (problems[i], word) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_check_damaged (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *path = make_full_document (dir);
  g_autoptr(GError) error = NULL;

  /* An enum nick no version of Pillars ever wrote. */
  g_assert_true (pl_test_sqlite_exec_file (path, "UPDATE actions SET status = 'exploded'"));
  {
    g_autoptr(PlDocument) doc = pl_document_open (path, 0, &error);
    g_auto(GStrv) problems = NULL;

    g_assert_no_error (error);
    g_assert_true (pl_document_check (doc, &problems, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_strv_length (problems), >=, 1);
    g_assert_true (problems_mention (problems, "exploded"));
    g_assert_true (problems_mention (problems, "actions.status"));
  }

  /* A dropped column. */
  g_assert_true (pl_test_sqlite_exec_file (path, "UPDATE actions SET status = 'planned'; "
                                                 "ALTER TABLE workshops DROP COLUMN notes"));
  {
    g_autoptr(PlDocument) doc = pl_document_open (path, 0, &error);
    g_auto(GStrv) problems = NULL;

    g_assert_no_error (error);
    g_assert_nonnull (doc);
    g_assert_true (pl_document_check (doc, &problems, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_strv_length (problems), ==, 1);
    g_assert_true (problems_mention (problems, "workshops.notes"));
  }

  /* A dangling reference (foreign keys switched off in the other program). */
  g_assert_true (pl_test_sqlite_exec_file (path, "PRAGMA foreign_keys = OFF; "
                                                 "UPDATE actions SET objective_id = 4242"));
  {
    g_autoptr(PlDocument) doc = pl_document_open (path, PL_DOCUMENT_OPEN_READ_ONLY, &error);
    g_auto(GStrv) problems = NULL;

    g_assert_no_error (error);
    g_assert_true (pl_document_check (doc, &problems, &error));
    g_assert_no_error (error);
    g_assert_true (problems_mention (problems, "actions"));
    g_assert_cmpuint (g_strv_length (problems), >=, 1);
  }
  pl_test_rmdir_recursive (dir);
}

/* kill -9 right after a change: it is in the file (in the -wal) and the
 * next open recovers it. */
static void
test_killed_writer (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *wal = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = NULL;

  if (g_test_subprocess ())
    {
      const char *p = g_getenv ("PILLARS_TEST_KILLED");
      PlDocument *writer = pl_document_open (p, 0, &error);
      PlPillar *pillar;

      g_assert_no_error (error);
      pillar = pl_document_add (writer, PL_TYPE_PILLAR, NULL, -1, &error, "title", "Typed before the crash", NULL);
      g_assert_no_error (error);
      g_assert_true (pl_record_set (PL_RECORD (pillar), &error, "body", "Last words.", NULL));
      /* No close, no checkpoint: the process dies here. */
      kill (getpid (), SIGKILL);
      return;
    }

  dir = pl_test_make_dir ();
  path = make_full_document (dir);
  wal = g_strconcat (path, "-wal", NULL);
  g_setenv ("PILLARS_TEST_KILLED", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_unsetenv ("PILLARS_TEST_KILLED");
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  doc = pl_document_open (path, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  if (doc != NULL)
    {
      GListModel *pillars = pl_document_get_pillars (doc);
      g_autoptr(PlPillar) last = g_list_model_get_item (pillars, g_list_model_get_n_items (pillars) - 1);
      g_auto(GStrv) problems = NULL;

      g_assert_cmpstr (pl_pillar_get_title (last), ==, "Typed before the crash");
      g_assert_cmpstr (pl_pillar_get_body (last), ==, "Last words.");
      g_assert_true (pl_document_check (doc, &problems, &error));
      g_assert_cmpuint (g_strv_length (problems), ==, 0);
    }
  g_clear_object (&doc);
  g_assert_false (pl_test_side_files_exist (path));
  pl_test_rmdir_recursive (dir);
}

/* A copy of the file and its -wal taken while the writer was running,
 * with the main file's header ahead of its length (as when a crash
 * interrupts a checkpoint): SQLite can recover it, so it is not refused
 * as truncated. */
static void
test_crash_image (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *path = make_full_document (dir);
  g_autofree char *copy = pl_test_path (dir, "image.pillars");
  g_autofree char *copy_wal = g_strconcat (copy, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = pl_document_open (path, 0, &error);
  g_autoptr(PlPillar) pillar = NULL;

  g_assert_no_error (error);
  g_assert_true (pl_document_flush (doc, &error));
  {
    g_autoptr(GString) body = g_string_new (NULL);

    while (body->len < 64 * 1024)
      g_string_append (body, "Text that only the write-ahead log holds. ");
    pillar = pl_document_add (doc, PL_TYPE_PILLAR, NULL, -1, &error, "title", "Only in the WAL", "body", body->str, NULL);
    g_assert_no_error (error);
  }
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autoptr(GBytes) main_bytes = pl_test_read_bytes (path);
    g_autoptr(GBytes) wal_bytes = pl_test_read_bytes (wal);
    g_autofree guint8 *data = g_memdup2 (g_bytes_get_data (main_bytes, NULL), g_bytes_get_size (main_bytes));
    gsize size = g_bytes_get_size (main_bytes);
    guint32 page_size = ((guint32) data[16] << 8) | data[17];
    guint32 count = (guint32) (size / page_size) + 20;

    g_assert_nonnull (wal_bytes);
    g_assert_cmpuint (g_bytes_get_size (wal_bytes), >, 0);
    /* Header: 20 more pages than there are. */
    data[28] = count >> 24;
    data[29] = count >> 16;
    data[30] = count >> 8;
    data[31] = count;
    g_file_set_contents (copy, (const char *) data, size, &error);
    g_assert_no_error (error);
    g_file_set_contents (copy_wal, g_bytes_get_data (wal_bytes, NULL), g_bytes_get_size (wal_bytes), &error);
    g_assert_no_error (error);
  }
  g_clear_object (&pillar);
  g_clear_object (&doc);

  doc = pl_document_open (copy, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  if (doc != NULL)
    {
      g_autofree char *titles = pl_test_model_titles (pl_document_get_pillars (doc));

      g_assert_true (g_str_has_suffix (titles, ",Only in the WAL"));
    }
  pl_test_rmdir_recursive (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/store/file-identity", test_file_identity);
  g_test_add_func ("/store/strict-tables", test_strict_tables);
  g_test_add_func ("/store/uuids-and-timestamps", test_uuids_and_timestamps);
  g_test_add_func ("/store/updated-at-changes", test_updated_at_changes);
  g_test_add_func ("/store/foreign-keys-on", test_foreign_keys_on);
  g_test_add_func ("/store/one-transaction", test_one_transaction);
  g_test_add_func ("/store/property-setter-failure", test_property_setter_failure);
  g_test_add_func ("/store/check-sound", test_check_sound);
  g_test_add_func ("/store/check-damaged", test_check_damaged);
  g_test_add_func ("/store/killed-writer", test_killed_writer);
  g_test_add_func ("/store/crash-image", test_crash_image);

  return g_test_run ();
}
