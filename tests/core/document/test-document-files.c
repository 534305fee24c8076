/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pl_document_create and pl_demo_create (pl-document.c, pl-demo.c) as
 * files: a new document is private (0600, its -wal and -shm too), appears
 * at its name complete or not at all, and is never blocked by the leftover
 * of a build that was killed. */
#include "config.h"

#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "pl-demo.h"
#include "pl-document-private.h"
#include "pl-test-util.h"

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

static void
test_modes (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *path = pl_test_path (dir, "s.pillars");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *demo = pl_test_path (dir, "demo.pillars");
  g_autofree char *strict = pl_test_path (dir, "strict.pillars");
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(PlDocument) demo_doc = NULL;
  g_autoptr(PlDocument) strict_doc = NULL;
  g_autoptr(GError) error = NULL;
  mode_t old = umask (022);

  doc = pl_document_create (path, PL_TEMPLATE_STANDARD, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mode_of (path), ==, 0600);
  /* Written in WAL mode: SQLite gives its side files the document's mode. */
  g_assert_true (pl_record_set (PL_RECORD (pl_document_get_strategy (doc)), &error, "country", "Kestrel", NULL));
  g_assert_no_error (error);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (mode_of (wal), ==, 0600);
  g_assert_cmpuint (mode_of (shm), ==, 0600);

  demo_doc = pl_demo_create (demo, PL_DEMO_SMALL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mode_of (demo), ==, 0600);

  umask (0277);
  strict_doc = pl_document_create (strict, PL_TEMPLATE_EMPTY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mode_of (strict), ==, 0400);
  umask (old);
  pl_test_rmdir_recursive (dir);
}

static gboolean
fail_build (PlDocument  *doc,
            gpointer     data,
            GError     **error)
{
  g_set_error_literal (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_FAILED, "the build failed");
  return FALSE;
}

/* A build that fails leaves nothing at the name and nothing beside it;
 * an existing file is never touched. */
static void
test_failed_build (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *path = pl_test_path (dir, "s.pillars");
  g_autofree char *taken = pl_test_path (dir, "taken.pillars");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  PlDocument *doc;

  doc = pl_document_create_built (path, PL_TEMPLATE_STANDARD, fail_build, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_FAILED);
  g_assert_cmpuint (count_entries (dir), ==, 0);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (taken, "mine", -1, NULL));
  doc = pl_document_create (taken, PL_TEMPLATE_STANDARD, &error);
  g_assert_null (doc);
  g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_EXISTS);
  g_assert_cmpstr (error->message, ==, "“taken.pillars” already exists. Choose another name, or open it instead.");
  g_assert_true (g_file_get_contents (taken, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "mine");
  g_assert_cmpuint (count_entries (dir), ==, 1);
  g_clear_error (&error);

  /* A folder that does not exist is named. */
  {
    g_autofree char *missing = g_build_filename (dir, "nowhere", "s.pillars", NULL);
    g_autofree char *expected = g_strdup_printf ("Could not create “%s”: the folder “%s/nowhere” does not exist. Choose an existing folder.",
                                                 missing, dir);

    doc = pl_document_create (missing, PL_TEMPLATE_STANDARD, &error);
    g_assert_null (doc);
    g_assert_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_IO);
    g_assert_cmpstr (error ? error->message : NULL, ==, expected);
    g_assert_cmpuint (count_entries (dir), ==, 1);
  }
  pl_test_rmdir_recursive (dir);
}

/* A full disk (a file size limit here) while the demo is built. */
static void
test_full_disk (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *path = pl_test_path (dir, "demo.pillars");
  g_autoptr(GError) error = NULL;
  struct rlimit saved, small;
  PlDocument *doc;

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  small = saved;
  small.rlim_cur = 64 * 1024;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  doc = pl_demo_create (path, PL_DEMO_SMALL, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  g_assert_null (doc);
  g_assert_nonnull (error);
  /* The message is about the document, not the temporary file. */
  g_test_message ("%s", error ? error->message : "");
  g_assert_null (error ? strstr (error->message, ".partial") : NULL);
  g_assert_cmpuint (count_entries (dir), ==, 0);
  pl_test_rmdir_recursive (dir);
}

/* What a killed build leaves (an unlocked temporary file and its WAL) is
 * removed by the next creation at the same name, which succeeds. */
static void
test_leftover_of_killed_build (void)
{
  g_autofree char *dir = pl_test_make_dir ();
  g_autofree char *path = pl_test_path (dir, "s.pillars");
  g_autofree char *temp = pl_test_path (dir, ".s.pillars.Ab3dEf.partial");
  g_autofree char *temp_wal = pl_test_path (dir, ".s.pillars.Ab3dEf.partial-wal");
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (temp, "SQLite format 3", 16, NULL));
  g_assert_true (g_file_set_contents (temp_wal, "", 0, NULL));
  doc = pl_document_create (path, PL_TEMPLATE_STANDARD, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_false (g_file_test (temp, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (temp_wal, G_FILE_TEST_EXISTS));
  g_clear_object (&doc);
  /* Only the document (closed: no side files). */
  g_assert_cmpuint (count_entries (dir), ==, 1);
  pl_test_rmdir_recursive (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/document/files/modes", test_modes);
  g_test_add_func ("/document/files/failed-build", test_failed_build);
  g_test_add_func ("/document/files/full-disk", test_full_disk);
  g_test_add_func ("/document/files/leftover-of-killed-build", test_leftover_of_killed_build);
  return g_test_run ();
}
