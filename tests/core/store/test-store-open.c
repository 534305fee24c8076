/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "pl-document.h"
#include "pl-store.h"
#include "pl-test-util.h"

/* Opening a document: what a failed open leaves (nothing), a damaged file
 * is not written to, and reading needs neither write access nor space. */

static char *
make_document (const char *dir,
               const char *name)
{
  g_autoptr(PlDocument) doc = pl_test_new_document (dir, name, PL_TEMPLATE_STANDARD);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStakeholder) who = NULL;

  who = pl_document_add (doc, PL_TYPE_STAKEHOLDER, NULL, -1, &error, "name", "Amara Whitfield", NULL);
  g_assert_no_error (error);
  return g_strdup (pl_document_get_path (doc));
}

static gboolean
has_control_characters (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p; p++)
    if (*p < 0x20 || *p == 0x7f)
      return TRUE;
  return FALSE;
}

/* Overwrites the header of the b-tree page at the root of @index. */
static void
damage_index (const char *path,
              const char *index)
{
  sqlite3 *db = pl_test_sqlite_open (path, FALSE);
  g_autofree char *sql = g_strdup_printf ("SELECT rootpage FROM sqlite_schema WHERE name = '%s'", index);
  gint64 root = pl_test_sqlite_int (db, sql);
  gint64 page_size = pl_test_sqlite_int (db, "PRAGMA page_size");
  static const guint8 garbage[8] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
  int fd;

  sqlite3_close (db);
  g_assert_cmpint (root, >, 1);
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, garbage, sizeof garbage, (root - 1) * page_size), ==, sizeof garbage);
  close (fd);
}

/* Defect 5: a file SQLite's quick check finds damaged is refused for
 * writing, with a way out, and stays as it was. */
static void
test_damaged_refuses_writes (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *path = make_document (dir, "damaged.pillars");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(PlPillar) pillar = NULL;

  damage_index (path, "stakeholders_by_name");
  before = pl_test_read_bytes (path);

  /* Reading what is still readable works: that is how it is rescued. */
  doc = pl_document_open (path, PL_DOCUMENT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  if (doc != NULL)
    {
      g_assert_cmpuint (g_list_model_get_n_items (pl_document_get_pillars (doc)), ==, 4);
      pillar = pl_document_add (doc, PL_TYPE_PILLAR, NULL, -1, &error, "title", "Written into damage", NULL);
      g_assert_null (pillar);
      g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_CORRUPT);
      if (error != NULL)
        {
          g_assert_nonnull (strstr (error->message, "damaged.pillars"));
          g_assert_nonnull (strstr (error->message, "Export"));
          g_assert_nonnull (strstr (error->message, "backup"));
        }
      g_clear_object (&doc);
    }
  after = pl_test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  pl_test_rmdir_recursive (dir);
}

/* Defect 7: the right application id but a table missing, opened for
 * writing: refused in the user's terms, and not a byte changes (the switch
 * to WAL used to rewrite bytes 18-19 of the header). */
static void
test_missing_table_changes_nothing (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *path = make_document (dir, "tables.pillars");
  g_autoptr(GBytes) before = NULL;

  g_assert_true (pl_test_sqlite_exec_file (path, "PRAGMA journal_mode = DELETE; DROP TABLE strategy;"));
  before = pl_test_read_bytes (path);

  for (int read_only = 0; read_only <= 1; read_only++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PlDocument) doc = pl_document_open (path, read_only ? PL_DOCUMENT_OPEN_READ_ONLY : PL_DOCUMENT_OPEN_DEFAULT, &error);
      g_autoptr(GBytes) after = NULL;

      g_assert_null (doc);
      g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_CORRUPT);
      if (error != NULL)
        {
          g_assert_nonnull (strstr (error->message, "tables.pillars"));
          g_assert_nonnull (strstr (error->message, "strategy"));
          g_assert_null (strstr (error->message, "no such table"));
        }
      after = pl_test_read_bytes (path);
      g_assert_true (g_bytes_equal (before, after));
      g_assert_false (pl_test_side_files_exist (path));
    }
  pl_test_rmdir_recursive (dir);
}

/* Defect 7: a schema SQLite cannot parse; its text (with the binary it
 * quotes) never reaches the user. */
static void
test_malformed_schema_message (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *path = make_document (dir, "schema.pillars");
  g_autoptr(GBytes) before = NULL;

  g_assert_true (pl_test_sqlite_exec_file (path,
                                           "PRAGMA journal_mode = DELETE; PRAGMA writable_schema = ON; "
                                           "UPDATE sqlite_schema SET sql = 'CREATE TABLE pillars (' || char (1, 27, 2) "
                                           "WHERE name = 'pillars';"));
  before = pl_test_read_bytes (path);

  for (int read_only = 0; read_only <= 1; read_only++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PlDocument) doc = pl_document_open (path, read_only ? PL_DOCUMENT_OPEN_READ_ONLY : PL_DOCUMENT_OPEN_DEFAULT, &error);
      g_autoptr(GBytes) after = NULL;

      g_assert_null (doc);
      g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_CORRUPT);
      if (error != NULL)
        {
          g_assert_nonnull (strstr (error->message, "schema.pillars"));
          g_assert_nonnull (strstr (error->message, "damaged"));
          g_assert_null (strstr (error->message, "malformed"));
          g_assert_false (has_control_characters (error->message));
        }
      after = pl_test_read_bytes (path);
      g_assert_true (g_bytes_equal (before, after));
      g_assert_false (pl_test_side_files_exist (path));
    }
  pl_test_rmdir_recursive (dir);
}

/* Defect 11 and the guard: a read-only open writes nothing, not even the
 * -wal/-shm SQLite would create for a WAL file, and keeps the mtime. */
static void
test_read_only_leaves_no_trace (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *path = make_document (dir, "trace.pillars");
  g_autoptr(GBytes) before = pl_test_read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = NULL;
  g_auto(GStrv) problems = NULL;
  struct stat st1, st2;

  g_assert_cmpint (g_stat (path, &st1), ==, 0);
  doc = pl_document_open (path, PL_DOCUMENT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_false (pl_test_side_files_exist (path));
  g_assert_true (pl_document_check (doc, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (problems), ==, 0);
  g_assert_false (pl_test_side_files_exist (path));
  g_clear_object (&doc);
  g_assert_false (pl_test_side_files_exist (path));
  g_assert_cmpint (g_stat (path, &st2), ==, 0);
  g_assert_cmpint (st1.st_mtim.tv_sec, ==, st2.st_mtim.tv_sec);
  g_assert_cmpint (st1.st_mtim.tv_nsec, ==, st2.st_mtim.tv_nsec);
  after = pl_test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  pl_test_rmdir_recursive (dir);
}

static void
fill_disk (const char *dir)
{
  g_autofree char *filler = pl_test_path (dir, "filler");
  static char block[4096];
  int fd = g_open (filler, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  g_assert_cmpint (fd, >=, 0);
  while (write (fd, block, sizeof block) > 0)
    ;
  while (write (fd, block, 1) > 0)
    ;
  close (fd);
}

/* Defect 8: with no space left, the document can still be read and checked
 * (so it can be rescued to another disk); a write says the disk is full. */
static void
test_full_disk_reads (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(PlPillar) pillar = NULL;
  g_auto(GStrv) problems = NULL;

  if (geteuid () != 0 || mount ("none", dir, "tmpfs", 0, "size=1m") != 0)
    {
      g_autofree char *why = g_strdup_printf ("needs a small tmpfs to fill (mount: %s)",
                                              geteuid () != 0 ? "not root" : g_strerror (errno));

      g_rmdir (dir);
      g_test_skip (why);
      return;
    }
  path = make_document (dir, "full.pillars");
  fill_disk (dir);

  doc = pl_document_open (path, PL_DOCUMENT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  if (doc != NULL)
    {
      g_assert_cmpuint (g_list_model_get_n_items (pl_document_get_pillars (doc)), ==, 4);
      g_assert_true (pl_document_check (doc, &problems, &error));
      g_assert_no_error (error);
      g_clear_object (&doc);
    }

  g_clear_error (&error);
  doc = pl_document_open (path, PL_DOCUMENT_OPEN_DEFAULT, &error);
  if (doc != NULL)
    pillar = pl_document_add (doc, PL_TYPE_PILLAR, NULL, -1, &error, "title", "No room", NULL);
  g_assert_null (pillar);
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_IO);
  if (error != NULL)
    {
      g_assert_nonnull (strstr (error->message, "full.pillars"));
      g_assert_nonnull (strstr (error->message, "disk is full"));
      g_assert_nonnull (strstr (error->message, "Free"));
    }
  g_clear_object (&doc);
  /* Nothing half-made is left next to it either. */
  g_assert_false (pl_test_side_files_exist (path));

  umount2 (dir, MNT_DETACH);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/store-open/damaged-refuses-writes", test_damaged_refuses_writes);
  g_test_add_func ("/store-open/missing-table-changes-nothing", test_missing_table_changes_nothing);
  g_test_add_func ("/store-open/malformed-schema-message", test_malformed_schema_message);
  g_test_add_func ("/store-open/read-only-leaves-no-trace", test_read_only_leaves_no_trace);
  g_test_add_func ("/store-open/full-disk-reads", test_full_disk_reads);
  return g_test_run ();
}
