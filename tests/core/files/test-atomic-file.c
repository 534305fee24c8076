/* SPDX-License-Identifier: GPL-3.0-or-later */
/* PlAtomicFile and pl-file-utils.h (src/core/files): a file is written in
 * full or not at all, private unless it replaces a file with another mode,
 * and the leftovers of a killed writer are removed by the next one. */
#include "config.h"

#include <signal.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "pl-atomic-file.h"
#include "pl-file-utils.h"
#include "pl-test-util.h"

/* How many entries @dir holds (every name, hidden ones included). */
static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d && g_dir_read_name (d))
    n++;
  return n;
}

static guint
mode_of (const char *path)
{
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

static gboolean
write_commit (const char *path,
              const char *text,
              gboolean    replace,
              GError    **error)
{
  g_autoptr(PlAtomicFile) file = pl_atomic_file_new (path, error);

  if (file == NULL)
    return FALSE;
  if (!g_output_stream_write_all (pl_atomic_file_get_stream (file), text, strlen (text), NULL, NULL, error))
    return FALSE;
  return pl_atomic_file_commit (file, replace, error);
}

static void
assert_contents (const char *path,
                 const char *expected)
{
  g_autofree char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, expected);
}

static void
test_new_file (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *path = pl_test_path (dir, "out.html");
  g_autoptr(GError) error = NULL;
  mode_t old = umask (022);

  g_assert_true (write_commit (path, "hello", FALSE, &error));
  g_assert_no_error (error);
  assert_contents (path, "hello");
  g_assert_cmpuint (mode_of (path), ==, 0600);
  g_assert_cmpuint (count_entries (dir), ==, 1);
  umask (old);
  pl_test_rmdir_recursive (dir);
}

static void
test_umask (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *a = pl_test_path (dir, "a.md");
  g_autofree char *b = pl_test_path (dir, "b.md");
  g_autoptr(GError) error = NULL;
  mode_t old = umask (077);

  g_assert_true (write_commit (a, "a", FALSE, &error));
  g_assert_cmpuint (mode_of (a), ==, 0600);
  /* A stricter umask wins. */
  umask (0277);
  g_assert_true (write_commit (b, "b", FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mode_of (b), ==, 0400);
  umask (old);
  pl_test_rmdir_recursive (dir);
}

static void
test_replace_keeps_mode (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *path = pl_test_path (dir, "out.csv");
  g_autoptr(GError) error = NULL;
  mode_t old = umask (022);

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_true (write_commit (path, "new", TRUE, &error));
  g_assert_no_error (error);
  assert_contents (path, "new");
  g_assert_cmpuint (mode_of (path), ==, 0640);

  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_assert_true (write_commit (path, "newer", TRUE, &error));
  g_assert_cmpuint (mode_of (path), ==, 0600);
  g_assert_cmpuint (count_entries (dir), ==, 1);
  umask (old);
  pl_test_rmdir_recursive (dir);
}

static void
test_no_replace (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *path = pl_test_path (dir, "taken");
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "mine", -1, NULL));
  g_assert_false (write_commit (path, "theirs", FALSE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "“taken”"));
  assert_contents (path, "mine");
  g_assert_cmpuint (count_entries (dir), ==, 1);
  pl_test_rmdir_recursive (dir);
}

static void
test_abort (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *path = pl_test_path (dir, "out.docx");
  g_autoptr(GError) error = NULL;
  PlAtomicFile *file;

  file = pl_atomic_file_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (pl_atomic_file_get_stream (file), "part", 4, NULL, NULL, &error));
  g_assert_true (g_file_test (pl_atomic_file_get_temp_path (file), G_FILE_TEST_EXISTS));
  pl_atomic_file_abort (file);
  g_object_unref (file);
  g_assert_cmpuint (count_entries (dir), ==, 0);

  /* Dropped without a commit: the same. */
  file = pl_atomic_file_new (path, &error);
  g_assert_no_error (error);
  g_object_unref (file);
  g_assert_cmpuint (count_entries (dir), ==, 0);
  pl_test_rmdir_recursive (dir);
}

/* A full disk, simulated with a file size limit: the write fails midway
 * and nothing is left, neither at the target nor beside it. */
static void
test_failed_write (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *path = pl_test_path (dir, "big.html");
  g_autofree char *data = g_strnfill (64 * 1024, 'x');
  g_autoptr(GError) error = NULL;
  g_autoptr(PlAtomicFile) file = NULL;
  struct rlimit saved, small;
  gboolean ok;

  signal (SIGXFSZ, SIG_IGN);
  file = pl_atomic_file_new (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  small = saved;
  small.rlim_cur = 4096;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  ok = g_output_stream_write_all (pl_atomic_file_get_stream (file), data, 64 * 1024, NULL, NULL, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  g_assert_false (ok);
  g_assert_nonnull (error);
  pl_atomic_file_abort (file);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (dir), ==, 0);
  pl_test_rmdir_recursive (dir);
}

/* Never renamed over a device, a pipe or a folder ("-o /dev/null" as
 * root would replace /dev/null). */
static void
test_not_regular (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *fifo = pl_test_path (dir, "pipe");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlAtomicFile) file = NULL;
  struct stat st;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  file = pl_atomic_file_new (fifo, &error);
  g_assert_null (file);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  /* Still the pipe. (Not tried on /dev/null: a regression would replace
   * it on the machine running the tests.) */
  g_assert_cmpint (g_stat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  g_clear_error (&error);
  file = pl_atomic_file_new (dir, &error);
  g_assert_null (file);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_cmpuint (count_entries (dir), ==, 1);
  pl_test_rmdir_recursive (dir);
}

static void
test_symlink_followed (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *real = pl_test_path (dir, "real.md");
  g_autofree char *link = pl_test_path (dir, "link.md");
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (real, "old", -1, NULL));
  g_assert_cmpint (symlink ("real.md", link), ==, 0);
  g_assert_true (write_commit (link, "new", TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  assert_contents (real, "new");
  g_assert_cmpuint (count_entries (dir), ==, 2);
  pl_test_rmdir_recursive (dir);
}

/* A killed writer's temporary file (and SQLite's files beside it) is
 * unlocked: the next writer of the same name removes it. A live writer's
 * file is locked and stays. */
static void
test_leftovers (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *path = pl_test_path (dir, "s.pillars");
  g_autofree char *dead = pl_test_path (dir, ".s.pillars.Ab3dEf.partial");
  g_autofree char *dead_wal = pl_test_path (dir, ".s.pillars.Ab3dEf.partial-wal");
  g_autofree char *orphan_shm = pl_test_path (dir, ".s.pillars.Zz9zZz.partial-shm");
  g_autofree char *live = pl_test_path (dir, ".s.pillars.L1veL1.partial");
  g_autofree char *other = pl_test_path (dir, ".t.pillars.Ab3dEf.partial");
  g_autofree char *user = pl_test_path (dir, ".s.pillars.notes");
  int fd;

  for (const char *const *p = (const char *const[]) { dead, dead_wal, orphan_shm, live, other, user, NULL }; *p; p++)
    g_assert_true (g_file_set_contents (*p, "x", -1, NULL));
  fd = g_open (live, O_RDONLY, 0);
  g_assert_cmpint (flock (fd, LOCK_EX), ==, 0);

  pl_file_remove_leftovers (path);
  g_assert_false (g_file_test (dead, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dead_wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (orphan_shm, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (user, G_FILE_TEST_EXISTS));
  close (fd);
  pl_test_rmdir_recursive (dir);
}

static void
test_same_as (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *path = pl_test_path (dir, "s.pillars");
  g_autofree char *dotted = g_build_filename (dir, ".", "s.pillars", NULL);
  g_autofree char *up = NULL;
  g_autofree char *base = g_path_get_basename (dir);
  g_autofree char *hard = pl_test_path (dir, "hard");
  g_autofree char *sym = pl_test_path (dir, "sym");
  g_autofree char *other = pl_test_path (dir, "other");
  g_autofree char *missing = pl_test_path (dir, "missing");
  g_autofree char *missing2 = g_build_filename (dir, ".", "missing", NULL);

  up = g_build_filename (dir, "..", base, "s.pillars", NULL);
  g_assert_true (g_file_set_contents (path, "doc", -1, NULL));
  g_assert_true (g_file_set_contents (other, "doc", -1, NULL));
  g_assert_cmpint (link (path, hard), ==, 0);
  g_assert_cmpint (symlink ("s.pillars", sym), ==, 0);

  g_assert_true (pl_file_same_as (path, path));
  g_assert_true (pl_file_same_as (dotted, path));
  g_assert_true (pl_file_same_as (up, path));
  g_assert_true (pl_file_same_as (hard, path));
  g_assert_true (pl_file_same_as (sym, path));
  g_assert_false (pl_file_same_as (other, path));
  g_assert_false (pl_file_same_as (missing, path));
  g_assert_true (pl_file_same_as (missing, missing2));
  pl_test_rmdir_recursive (dir);
}

static void
test_copy (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *from = pl_test_path (dir, "from");
  g_autofree char *to = pl_test_path (dir, "to");
  g_autofree char *hard = pl_test_path (dir, "hard");
  g_autoptr(GError) error = NULL;
  mode_t old = umask (022);

  g_assert_true (g_file_set_contents (from, "strategy", -1, NULL));
  g_assert_true (pl_file_copy (from, to, &error));
  g_assert_no_error (error);
  assert_contents (to, "strategy");
  g_assert_cmpuint (mode_of (to), ==, 0600);

  /* Never onto itself, by any name. */
  g_assert_cmpint (link (from, hard), ==, 0);
  g_assert_false (pl_file_copy (from, hard, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  assert_contents (from, "strategy");
  g_assert_cmpuint (count_entries (dir), ==, 3);
  g_clear_error (&error);

  /* A disk that fills up midway: no copy, no temporary file. */
  {
    g_autofree char *big = pl_test_path (dir, "big");
    g_autofree char *big_copy = pl_test_path (dir, "big copy");
    g_autofree char *data = g_strnfill (64 * 1024, 'x');
    struct rlimit saved, small;
    gboolean ok;

    g_assert_true (g_file_set_contents (big, data, -1, NULL));
    signal (SIGXFSZ, SIG_IGN);
    g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
    small = saved;
    small.rlim_cur = 4096;
    g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
    ok = pl_file_copy (big, big_copy, &error);
    g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
    g_assert_false (ok);
    g_assert_nonnull (error ? strstr (error->message, "“big copy”") : NULL);
    g_assert_false (g_file_test (big_copy, G_FILE_TEST_EXISTS));
    g_assert_cmpuint (count_entries (dir), ==, 4);
  }
  umask (old);
  pl_test_rmdir_recursive (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/files/atomic/new-file", test_new_file);
  g_test_add_func ("/files/atomic/umask", test_umask);
  g_test_add_func ("/files/atomic/replace-keeps-mode", test_replace_keeps_mode);
  g_test_add_func ("/files/atomic/no-replace", test_no_replace);
  g_test_add_func ("/files/atomic/abort", test_abort);
  g_test_add_func ("/files/atomic/failed-write", test_failed_write);
  g_test_add_func ("/files/atomic/not-regular", test_not_regular);
  g_test_add_func ("/files/atomic/symlink-followed", test_symlink_followed);
  g_test_add_func ("/files/atomic/leftovers", test_leftovers);
  g_test_add_func ("/files/same-as", test_same_as);
  g_test_add_func ("/files/copy", test_copy);
  return g_test_run ();
}
