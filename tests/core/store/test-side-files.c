/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define _GNU_SOURCE 1

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "pl-document.h"
#include "pl-test-util.h"

/*
 * Hostile neighbours: the document's owner (root here) and another local
 * user ("nobody", played by a forked child) share a sticky world-writable
 * folder, as in /tmp. The other user may plant -wal/-shm files or symlinks
 * beside the owner's document, and may read it where it is readable.
 */

#define OTHER_ID 65534
#define OWNER_TITLE "The owner's strategy"

typedef gboolean (*OtherFunc) (gpointer data);

static gboolean
need_root (void)
{
  if (geteuid () == 0)
    return TRUE;
  g_test_skip ("playing another local user needs root (setresuid); run as root, as CI does");
  return FALSE;
}

/* Runs @func as the other user in a child process; TRUE if it returned
 * TRUE there. */
static gboolean
as_other_user (OtherFunc func,
               gpointer  data)
{
  int status = 0;
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      if (setgroups (0, NULL) != 0 || setresgid (OTHER_ID, OTHER_ID, OTHER_ID) != 0 ||
          setresuid (OTHER_ID, OTHER_ID, OTHER_ID) != 0)
        _exit (3);
      _exit (func (data) ? 0 : 1);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

/* A folder like /tmp: world-writable and sticky. */
static char *
make_shared_dir (void)
{
  char *dir = pl_test_make_dir ();

  g_assert_cmpint (g_chmod (dir, 01777), ==, 0);
  return dir;
}

static char *
make_owner_document (const char *dir)
{
  g_autoptr(PlDocument) doc = pl_test_new_document (dir, "owner.pillars", PL_TEMPLATE_STANDARD);
  g_autoptr(GError) error = NULL;
  char *path = g_strdup (pl_document_get_path (doc));

  g_assert_true (pl_record_set (PL_RECORD (pl_document_get_strategy (doc)), &error, "title", OWNER_TITLE, NULL));
  g_assert_no_error (error);
  g_clear_object (&doc);
  /* Readable by others, as a document shared for reading would be. */
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  return path;
}

/* A genuine WAL for @path (made on a copy) whose content sets another
 * title: what someone with a copy of the document could plant. */
static GBytes *
make_planted_wal (const char *path)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *copy = pl_test_path (dir, "copy.pillars");
  g_autofree char *copy_wal = g_strconcat (copy, "-wal", NULL);
  g_autoptr(GBytes) bytes = pl_test_read_bytes (path);
  GBytes *wal;
  sqlite3 *db;

  g_assert_true (g_file_set_contents (copy, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  db = pl_test_sqlite_open (copy, TRUE);
  sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  g_assert_true (pl_test_sqlite_exec (db, "PRAGMA wal_autocheckpoint = 0; UPDATE strategy SET title = 'Planted title'"));
  sqlite3_close (db);
  wal = pl_test_read_bytes (copy_wal);
  g_assert_nonnull (wal);
  g_assert_cmpuint (g_bytes_get_size (wal), >, 0);
  pl_test_rmdir_recursive (dir);
  return wal;
}

typedef struct {
  const char *path;
  GBytes     *bytes;
  const char *target;
} Plant;

static gboolean
plant_file_cb (gpointer data)
{
  Plant *plant = data;
  int fd = g_open (plant->path, O_WRONLY | O_CREAT | O_EXCL, 0666);
  gsize len = plant->bytes ? g_bytes_get_size (plant->bytes) : 0;

  if (fd < 0)
    return FALSE;
  if (len > 0 && write (fd, g_bytes_get_data (plant->bytes, NULL), len) != (ssize_t) len)
    return FALSE;
  fchmod (fd, 0666);
  return close (fd) == 0;
}

static gboolean
plant_symlink_cb (gpointer data)
{
  Plant *plant = data;

  return symlink (plant->target, plant->path) == 0;
}

static gboolean
plant_fifo_cb (gpointer data)
{
  Plant *plant = data;

  return mkfifo (plant->path, 0666) == 0;
}

static char *
strategy_title (PlDocument *doc)
{
  g_autofree char *title = NULL;

  g_object_get (pl_document_get_strategy (doc), "title", &title, NULL);
  return g_steal_pointer (&title);
}

/* A WAL planted by the other user is never replayed: the owner sees the
 * document as the owner saved it, and is told about the planted file. */
static void
test_planted_wal_ignored (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *wal = NULL;
  g_autoptr(GBytes) planted = NULL;
  Plant plant = { 0 };

  if (!need_root ())
    return;
  dir = make_shared_dir ();
  path = make_owner_document (dir);
  wal = g_strconcat (path, "-wal", NULL);
  planted = make_planted_wal (path);
  plant.path = wal;
  plant.bytes = planted;
  g_assert_true (as_other_user (plant_file_cb, &plant));

  for (int read_only = 0; read_only <= 1; read_only++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PlDocument) doc = pl_document_open (path, read_only ? PL_DOCUMENT_OPEN_READ_ONLY : PL_DOCUMENT_OPEN_DEFAULT, &error);
      g_autofree char *title = NULL;
      g_autoptr(PlPillar) pillar = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (doc);
      if (doc == NULL)
        continue;
      title = strategy_title (doc);
      g_assert_cmpstr (title, ==, OWNER_TITLE);
      g_assert_true (pl_document_is_read_only (doc));
      g_assert_nonnull (strstr (pl_document_get_read_only_reason (doc), "owner.pillars-wal"));
      pillar = pl_document_add (doc, PL_TYPE_PILLAR, NULL, -1, &error, "title", "Over a planted WAL", NULL);
      g_assert_null (pillar);
      g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_READ_ONLY);
    }
  /* Kept for the owner to look at: it may be evidence. */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  {
    sqlite3 *db = NULL;
    g_autoptr(GBytes) now = pl_test_read_bytes (wal);

    g_assert_true (g_bytes_equal (now, planted));
    g_unlink (wal);
    db = pl_test_sqlite_open (path, FALSE);
    g_assert_cmpint (pl_test_sqlite_int (db, "SELECT count(*) FROM strategy WHERE title = 'Planted title'"), ==, 0);
    sqlite3_close (db);
  }
  pl_test_rmdir_recursive (dir);
}

/* A -shm planted by the other user (a pipe: SQLite could not map it, and
 * the owner could not open the document) holds no change and is removed:
 * the owner's session works with a -shm of the owner's own. */
static void
test_planted_shm_replaced (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *shm = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(PlPillar) pillar = NULL;
  Plant plant = { 0 };
  struct stat st;

  if (!need_root ())
    return;
  dir = make_shared_dir ();
  path = make_owner_document (dir);
  shm = g_strconcat (path, "-shm", NULL);
  plant.path = shm;
  g_assert_true (as_other_user (plant_fifo_cb, &plant));

  doc = pl_document_open (path, PL_DOCUMENT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  if (doc != NULL)
    {
      g_assert_false (pl_document_is_read_only (doc));
      pillar = pl_document_add (doc, PL_TYPE_PILLAR, NULL, -1, &error, "title", "Written safely", NULL);
      g_assert_no_error (error);
      g_assert_nonnull (pillar);
      g_assert_cmpint (g_lstat (shm, &st), ==, 0);
      g_assert_true (S_ISREG (st.st_mode));
      g_assert_cmpint (st.st_uid, ==, geteuid ());
    }
  g_clear_object (&pillar);
  g_clear_object (&doc);
  g_assert_false (pl_test_side_files_exist (path));
  pl_test_rmdir_recursive (dir);
}

/* A symlink planted as the -wal is never followed: SQLite would write the
 * owner's changes wherever it points. */
static void
test_symlink_wal_not_followed (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *target = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(PlPillar) pillar = NULL;
  Plant plant = { 0 };
  struct stat st;

  if (!need_root ())
    return;
  dir = make_shared_dir ();
  path = make_owner_document (dir);
  wal = g_strconcat (path, "-wal", NULL);
  target = pl_test_path (dir, "stolen-changes");
  plant.path = wal;
  plant.target = target;
  g_assert_true (as_other_user (plant_symlink_cb, &plant));

  doc = pl_document_open (path, PL_DOCUMENT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  if (doc != NULL)
    {
      pillar = pl_document_add (doc, PL_TYPE_PILLAR, NULL, -1, &error, "title", "Not for the neighbour", NULL);
      g_assert_no_error (error);
      g_assert_nonnull (pillar);
      g_assert_cmpint (g_lstat (wal, &st), ==, 0);
      g_assert_true (S_ISREG (st.st_mode));
    }
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  g_clear_object (&pillar);
  g_clear_object (&doc);
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  pl_test_rmdir_recursive (dir);
}

static gboolean
read_document_cb (gpointer data)
{
  const char *path = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = pl_document_open (path, PL_DOCUMENT_OPEN_READ_ONLY, &error);
  g_autofree char *title = NULL;
  g_auto(GStrv) problems = NULL;

  if (doc == NULL)
    {
      g_printerr ("other user: %s\n", error->message);
      return FALSE;
    }
  title = strategy_title (doc);
  if (g_strcmp0 (title, OWNER_TITLE) != 0 || g_list_model_get_n_items (pl_document_get_pillars (doc)) != 4)
    return FALSE;
  return pl_document_check (doc, &problems, &error) && g_strv_length (problems) == 0;
}

static gboolean
cli_info_cb (gpointer data)
{
  const char *path = data;
  const char *cli = g_getenv ("PILLARS_CLI");
  int null = open ("/dev/null", O_WRONLY);

  dup2 (null, STDOUT_FILENO);
  execl (cli, cli, "info", path, (char *) NULL);
  return FALSE;
}

/* The other user reads the owner's readable document (in-process and with
 * "pillars-cli info"): no -wal or -shm appears, not a byte or the mtime of
 * the document changes. */
static void
test_other_reader_leaves_no_trace (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  const char *cli = g_getenv ("PILLARS_CLI");
  struct stat st1, st2;

  if (!need_root ())
    return;
  dir = make_shared_dir ();
  path = make_owner_document (dir);
  before = pl_test_read_bytes (path);
  g_assert_cmpint (g_stat (path, &st1), ==, 0);

  g_assert_true (as_other_user (read_document_cb, path));
  g_assert_false (pl_test_side_files_exist (path));
  if (cli != NULL)
    {
      g_assert_true (as_other_user (cli_info_cb, path));
      g_assert_false (pl_test_side_files_exist (path));
    }
  else
    g_test_message ("PILLARS_CLI not set: pillars-cli info not run as the other user");

  g_assert_cmpint (g_stat (path, &st2), ==, 0);
  g_assert_cmpint (st1.st_mtim.tv_sec, ==, st2.st_mtim.tv_sec);
  g_assert_cmpint (st1.st_mtim.tv_nsec, ==, st2.st_mtim.tv_nsec);
  after = pl_test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));

  /* And the owner's next session is not disturbed by anything left. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PlDocument) doc = pl_document_open (path, PL_DOCUMENT_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    g_assert_nonnull (doc);
    if (doc != NULL)
      g_assert_false (pl_document_is_read_only (doc));
  }
  pl_test_rmdir_recursive (dir);
}

/* The other user reads while the owner has the document open and has
 * written to it: the reader sees the owner's saved changes (through the
 * owner's -wal and -shm) and leaves them as they were. */
static void
test_other_reader_while_owner_writes (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = NULL;
  struct stat st;

  if (!need_root ())
    return;
  dir = make_shared_dir ();
  path = make_owner_document (dir);
  doc = pl_document_open (path, PL_DOCUMENT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  if (doc != NULL)
    {
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_assert_true (pl_record_set (PL_RECORD (pl_document_get_strategy (doc)), &error, "title", OWNER_TITLE, NULL));
      g_assert_true (as_other_user (read_document_cb, path));
      g_assert_cmpint (g_lstat (shm, &st), ==, 0);
      g_assert_cmpint (st.st_uid, ==, geteuid ());
    }
  g_clear_object (&doc);
  g_assert_false (pl_test_side_files_exist (path));
  pl_test_rmdir_recursive (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/side-files/planted-wal-ignored", test_planted_wal_ignored);
  g_test_add_func ("/side-files/planted-shm-replaced", test_planted_shm_replaced);
  g_test_add_func ("/side-files/symlink-wal-not-followed", test_symlink_wal_not_followed);
  g_test_add_func ("/side-files/other-reader-leaves-no-trace", test_other_reader_leaves_no_trace);
  g_test_add_func ("/side-files/other-reader-while-owner-writes", test_other_reader_while_owner_writes);
  return g_test_run ();
}
