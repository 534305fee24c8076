/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-document.h"
#include "pl-store.h"
#include "pl-test-util.h"

/* Data written the way Pillars 1 (schema version 1) wrote it. */
static const char v1_data[] =
  "INSERT INTO strategy (id, uuid, created_at, updated_at, title, country, status) VALUES "
  "  (1, 'a0000000-0000-4000-8000-000000000001', '2025-01-01T10:00:00.000000Z', '2025-01-01T10:00:00.000000Z', "
  "   'Old strategy', 'Kestrel Islands', 'validation'); "
  "INSERT INTO sections (id, uuid, created_at, updated_at, position, kind, title, body) VALUES "
  "  (1, 'a0000000-0000-4000-8000-000000000002', '2025-01-01T10:00:00.000000Z', '2025-01-01T10:00:00.000000Z', 0, "
  "   'introduction', 'Introduction', 'Written in version one.'); "
  "INSERT INTO pillars (id, uuid, created_at, updated_at, position, title, summary, body) VALUES "
  "  (1, 'a0000000-0000-4000-8000-000000000003', '2025-01-01T10:00:00.000000Z', '2025-01-01T10:00:00.000000Z', 0, "
  "   'Capacity building', 'People', 'We will train two hundred public servants.'), "
  "  (2, 'a0000000-0000-4000-8000-000000000004', '2025-01-01T10:00:00.000000Z', '2025-01-01T10:00:00.000000Z', 1, "
  "   'Incident response', 'CSIRT', 'A national CSIRT within the ministry.'); "
  "INSERT INTO objectives (id, uuid, created_at, updated_at, position, pillar_id, title, description) VALUES "
  "  (1, 'a0000000-0000-4000-8000-000000000005', '2025-01-01T10:00:00.000000Z', '2025-01-01T10:00:00.000000Z', 0, 1, "
  "   'Train responders', 'Two per ministry.'); "
  "INSERT INTO actions (id, uuid, created_at, updated_at, position, objective_id, title, lead_agency, timeframe, priority, status) VALUES "
  "  (1, 'a0000000-0000-4000-8000-000000000006', '2025-01-01T10:00:00.000000Z', '2025-01-01T10:00:00.000000Z', 0, 1, "
  "   'Design a course', 'Public Service Commission', 'short', 'high', 'in-progress'); "
  "INSERT INTO workshops (id, uuid, created_at, updated_at, title, region, start_date) VALUES "
  "  (1, 'a0000000-0000-4000-8000-000000000007', '2025-01-01T10:00:00.000000Z', '2025-01-01T10:00:00.000000Z', "
  "   'National workshop', 'Windward', '2025-02-01'); "
  "INSERT INTO stakeholders (id, uuid, created_at, updated_at, name, organisation, sector, may_be_named) VALUES "
  "  (1, 'a0000000-0000-4000-8000-000000000008', '2025-01-01T10:00:00.000000Z', '2025-01-01T10:00:00.000000Z', "
  "   'Amara Whitfield', 'Ministry', 'civil-society', 1); "
  "INSERT INTO feedback (id, uuid, created_at, updated_at, kind, body, target_kind, target_id, pillar_id, quote, "
  "                      workshop_id, stakeholder_id, captured_at, disposition, response) VALUES "
  "  (1, 'a0000000-0000-4000-8000-000000000009', '2025-02-01T10:00:00.000000Z', '2025-02-01T10:00:00.000000Z', "
  "   'recommendation', 'Train three hundred instead.', 'pillar', 1, 1, 'two hundred public servants', 1, 1, "
  "   '2025-02-01T10:00:00.000000Z', 'accepted', 'Target raised.'); ";

static char *
make_v1_file (const char *dir,
              const char *name,
              const char *extra_sql)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = pl_test_path (dir, name);
  g_autoptr(PlStore) store = pl_store_create_at_version (path, 1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (pl_store_get_version (store), ==, 1);
  g_assert_true (pl_store_exec_for_test (store, v1_data, &error));
  g_assert_no_error (error);
  if (extra_sql != NULL)
    {
      g_assert_true (pl_store_exec_for_test (store, extra_sql, &error));
      g_assert_no_error (error);
    }
  g_assert_true (pl_store_checkpoint (store, &error));
  g_clear_pointer (&store, pl_store_free);
  return g_steal_pointer (&path);
}

static void
test_v1_file_is_v1 (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *path = make_v1_file (dir, "v1.pillars", NULL);
  sqlite3 *db = pl_test_sqlite_open (path, FALSE);

  g_assert_cmpint (pl_test_sqlite_int (db, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (pl_test_sqlite_int (db, "PRAGMA application_id"), ==, PL_APPLICATION_ID);
  g_assert_cmpint (pl_test_sqlite_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'snapshots'"), ==, 0);
  g_assert_cmpint (pl_test_sqlite_int (db, "SELECT count(*) FROM pragma_table_info('feedback') WHERE name = 'orphaned'"), ==, 0);
  sqlite3_close (db);
  pl_test_rmdir_recursive (dir);
}

static void
test_migrate_v1 (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *path = make_v1_file (dir, "v1.pillars", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = pl_document_open (path, 0, &error);
  g_autoptr(PlPillar) pillar = NULL;
  g_autoptr(PlFeedback) old_feedback = NULL;
  g_autoptr(PlObjective) objective = NULL;
  g_autoptr(PlAction) action = NULL;
  g_autoptr(PlStakeholder) stakeholder = NULL;
  g_autoptr(PlWorkshop) workshop = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  if (doc == NULL)
    return;
  /* Opened for writing, read through the upgrade: the file itself is
   * upgraded only by the first write, and the document says so. */
  g_assert_cmpint (pl_document_get_schema_version (doc), ==, 1);
  g_assert_cmpint (pl_document_get_upgraded_from (doc), ==, 1);
  {
    sqlite3 *db = pl_test_sqlite_open (path, FALSE);

    g_assert_cmpint (pl_test_sqlite_int (db, "PRAGMA user_version"), ==, 1);
    sqlite3_close (db);
  }

  /* The data is intact. */
  g_assert_cmpstr (pl_strategy_get_title (pl_document_get_strategy (doc)), ==, "Old strategy");
  g_assert_cmpint (pl_strategy_get_status (pl_document_get_strategy (doc)), ==, PL_LIFECYCLE_VALIDATION);
  g_assert_cmpuint (g_list_model_get_n_items (pl_document_get_sections (doc)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (pl_document_get_pillars (doc)), ==, 2);
  pillar = g_list_model_get_item (pl_document_get_pillars (doc), 0);
  g_assert_cmpstr (pl_pillar_get_title (pillar), ==, "Capacity building");
  g_assert_cmpstr (pl_record_get_uuid (PL_RECORD (pillar)), ==, "a0000000-0000-4000-8000-000000000003");
  g_assert_cmpstr (pl_record_get_created_at (PL_RECORD (pillar)), ==, "2025-01-01T10:00:00.000000Z");
  objective = g_list_model_get_item (pl_document_get_objectives (doc, pillar), 0);
  g_assert_cmpstr (pl_objective_get_title (objective), ==, "Train responders");
  action = g_list_model_get_item (pl_document_get_actions (doc, objective), 0);
  g_assert_cmpstr (pl_action_get_lead_agency (action), ==, "Public Service Commission");
  g_assert_cmpint (pl_action_get_status (action), ==, PL_ACTION_STATUS_IN_PROGRESS);
  g_assert_cmpint (pl_action_get_timeframe (action), ==, PL_TIMEFRAME_SHORT);
  stakeholder = g_list_model_get_item (pl_document_get_stakeholders (doc), 0);
  g_assert_cmpint (pl_stakeholder_get_sector (stakeholder), ==, PL_SECTOR_CIVIL_SOCIETY);
  g_assert_true (pl_stakeholder_get_may_be_named (stakeholder));
  workshop = g_list_model_get_item (pl_document_get_workshops (doc), 0);
  g_assert_cmpstr (pl_workshop_get_region (workshop), ==, "Windward");
  old_feedback = (PlFeedback *) pl_document_lookup (doc, PL_TYPE_FEEDBACK, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pl_feedback_get_body (old_feedback), ==, "Train three hundred instead.");
  g_assert_cmpint (pl_feedback_get_disposition (old_feedback), ==, PL_DISPOSITION_ACCEPTED);
  g_assert_false (pl_feedback_get_orphaned (old_feedback));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pl_document_get_feedback (doc))), ==, 1);
  g_assert_cmpint (pl_document_count (doc, "feedback"), ==, 1);

  /* Search still finds text indexed by version 1. */
  {
    g_autoptr(GPtrArray) hits = pl_document_search (doc, "servants", 10, &error);
    gboolean in_pillar = FALSE, in_feedback = FALSE;

    /* The pillar's body and the feedback's quotation. */
    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 2);
    for (guint i = 0; i < hits->len; i++)
      {
        PlSearchHit *hit = g_ptr_array_index (hits, i);

        in_pillar |= hit->type == PL_TYPE_PILLAR && hit->id == 1;
        in_feedback |= hit->type == PL_TYPE_FEEDBACK && hit->id == 1;
      }
    g_assert_true (in_pillar && in_feedback);
  }

  /* The new columns work: editing the quoted passage away orphans the
   * feedback, and snapshots can be stored. */
  g_assert_true (pl_record_set (PL_RECORD (pillar), &error, "body", "We will train many people.", NULL));
  g_assert_no_error (error);
  g_assert_cmpint (pl_document_get_schema_version (doc), ==, PL_SCHEMA_VERSION);
  g_assert_true (pl_feedback_get_orphaned (old_feedback));
  {
    g_autoptr(PlSnapshot) snapshot = pl_document_add (doc, PL_TYPE_SNAPSHOT, NULL, -1, &error,
                                                      "name", "After the upgrade", "content", "# Text", NULL);
    g_assert_no_error (error);
    g_assert_nonnull (snapshot);
    g_assert_cmpuint (g_list_model_get_n_items (pl_document_get_snapshots (doc)), ==, 1);
  }
  {
    PlFeedbackQuery query;
    g_autoptr(PlFeedbackList) orphans = NULL;

    pl_feedback_query_init (&query);
    query.orphaned = 1;
    orphans = pl_feedback_list_new (doc, &query);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (orphans)), ==, 1);
  }

  pl_document_close (doc);
  {
    sqlite3 *db = pl_test_sqlite_open (path, FALSE);

    g_assert_cmpint (pl_test_sqlite_int (db, "PRAGMA user_version"), ==, PL_SCHEMA_VERSION);
    g_assert_cmpint (pl_test_sqlite_int (db, "SELECT orphaned FROM feedback WHERE id = 1"), ==, 1);
    g_assert_cmpint (pl_test_sqlite_int (db, "SELECT count(*) FROM snapshots"), ==, 1);
    g_assert_cmpint (pl_test_sqlite_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'feedback_by_time'"), ==, 1);
    sqlite3_close (db);
  }
  pl_test_rmdir_recursive (dir);
}

/* Reading an old file needs no write access and changes nothing: the
 * upgrade happens in memory; the file is upgraded only when written. */
static void
test_read_old_without_upgrade (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *path = make_v1_file (dir, "v1.pillars", NULL);
  g_autoptr(GBytes) before = pl_test_read_bytes (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = pl_document_open (path, PL_DOCUMENT_OPEN_READ_ONLY, &error);
  g_autoptr(GBytes) after = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  if (doc != NULL)
    {
      g_assert_cmpstr (pl_strategy_get_title (pl_document_get_strategy (doc)), ==, "Old strategy");
      g_assert_cmpuint (g_list_model_get_n_items (pl_document_get_pillars (doc)), ==, 2);
      g_assert_cmpint (pl_document_get_upgraded_from (doc), ==, 1);
      g_assert_cmpint (pl_document_get_schema_version (doc), ==, 1);
      g_assert_true (pl_document_is_read_only (doc));
    }
  g_clear_object (&doc);
  after = pl_test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (pl_test_side_files_exist (path));
  pl_test_rmdir_recursive (dir);
}

static void
test_migration_failure_leaves_file (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  /* Someone created a table "snapshots" by hand: migration 2's CREATE TABLE fails. */
  g_autofree char *path = make_v1_file (dir, "clash.pillars", "CREATE TABLE snapshots (x INTEGER)");
  g_autoptr(GBytes) before = pl_test_read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = NULL;

  g_assert_false (pl_test_side_files_exist (path));
  doc = pl_document_open (path, 0, &error);
  g_assert_null (doc);
  g_assert_nonnull (error);
  if (error != NULL)
    {
      g_test_message ("%s", error->message);
      g_assert_true (error->domain == PL_DOCUMENT_ERROR);
      g_assert_nonnull (strstr (error->message, "clash.pillars"));
      g_assert_nonnull (strstr (error->message, "snapshots"));
      g_assert_nonnull (strstr (error->message, "not changed"));
    }

  after = pl_test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (pl_test_side_files_exist (path));
  {
    sqlite3 *db = pl_test_sqlite_open (path, FALSE);

    g_assert_cmpint (pl_test_sqlite_int (db, "PRAGMA user_version"), ==, 1);
    g_assert_cmpint (pl_test_sqlite_int (db, "SELECT count(*) FROM pragma_table_info('feedback') WHERE name = 'orphaned'"), ==, 0);
    g_assert_cmpint (pl_test_sqlite_int (db, "SELECT count(*) FROM pillars"), ==, 2);
    sqlite3_close (db);
  }

  /* Once the clash is removed, the same file upgrades (at its first
   * write). */
  g_assert_true (pl_test_sqlite_exec_file (path, "DROP TABLE snapshots"));
  g_clear_error (&error);
  doc = pl_document_open (path, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  if (doc)
    {
      g_autoptr(PlPillar) added = pl_document_add (doc, PL_TYPE_PILLAR, NULL, -1, &error, "title", "After", NULL);

      g_assert_no_error (error);
      g_assert_nonnull (added);
      g_assert_cmpint (pl_document_get_schema_version (doc), ==, PL_SCHEMA_VERSION);
    }
  pl_test_rmdir_recursive (dir);
}

static void
test_no_schema (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *path = pl_test_path (dir, "zero.pillars");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d; CREATE TABLE t (x)", PL_APPLICATION_ID);
  sqlite3 *db = NULL;

  /* Our application id but no schema at all: not something to migrate. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (pl_test_sqlite_exec (db, sql));
  sqlite3_close (db);
  before = pl_test_read_bytes (path);
  doc = pl_document_open (path, 0, &error);
  g_assert_null (doc);
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_CORRUPT);
  after = pl_test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  pl_test_rmdir_recursive (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/migrations/v1-file-is-v1", test_v1_file_is_v1);
  g_test_add_func ("/migrations/v1-to-current", test_migrate_v1);
  g_test_add_func ("/migrations/read-old-without-upgrade", test_read_old_without_upgrade);
  g_test_add_func ("/migrations/failure-leaves-file", test_migration_failure_leaves_file);
  g_test_add_func ("/migrations/no-schema", test_no_schema);

  return g_test_run ();
}
