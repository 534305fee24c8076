/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pl_export_to_file (pl-export.c) and the files it writes: never over the
 * document exported nor over another strategy, private (0600) unless it
 * replaces a file with another mode, complete or absent after a failure. */
#include "config.h"

#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "pl-demo.h"
#include "pl-export.h"
#include "pl-test-util.h"

static const PlExportFormat formats[] = {
  PL_EXPORT_MARKDOWN, PL_EXPORT_HTML, PL_EXPORT_DOCX, PL_EXPORT_ODT, PL_EXPORT_CSV,
};

typedef struct {
  char       *dir;
  char       *path;
  PlDocument *doc;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = pl_test_make_dir ();
  f->path = pl_test_path (f->dir, "s.pillars");
  f->doc = pl_demo_create (f->path, PL_DEMO_SMALL, &error);
  g_assert_no_error (error);
  /* Everything in the main file: what is compared below is all of it. */
  g_assert_true (pl_document_flush (f->doc, &error));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->doc);
  pl_test_rmdir_recursive (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* How many files @dir holds besides the document and its side files
 * (hidden ones included: a temporary file is hidden). */
static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d && (name = g_dir_read_name (d)))
    n += !g_str_has_prefix (name, "s.pillars");
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
export_as (PlDocument      *doc,
           PlExportFormat   format,
           const char      *path,
           GError         **error)
{
  PlExportOptions options;
  gboolean ok;

  pl_export_options_init (&options);
  options.format = format;
  options.annex = TRUE;
  ok = pl_export_to_file (doc, &options, path, NULL, error);
  pl_export_options_clear (&options);
  return ok;
}

/* The document, by every name it has, is never an export's target. */
static void
test_never_over_document (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GBytes) before = pl_test_read_bytes (f->path);
  g_autofree char *base = g_path_get_basename (f->dir);
  g_autofree char *hard = pl_test_path (f->dir, "hard.html");
  g_autofree char *sym = pl_test_path (f->dir, "sym.docx");
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *dotted = g_build_filename (f->dir, ".", "s.pillars", NULL);
  g_autofree char *up = g_build_filename (f->dir, "..", base, "s.pillars", NULL);
  const char *spellings[] = { f->path, dotted, up, "s.pillars", "./s.pillars", hard, sym, wal };

  g_assert_cmpint (link (f->path, hard), ==, 0);
  g_assert_cmpint (symlink ("s.pillars", sym), ==, 0);
  g_assert_cmpint (g_chdir (f->dir), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    for (guint j = 0; j < G_N_ELEMENTS (formats); j++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GBytes) after = NULL;

        g_test_message ("output %s, format %u", spellings[i], j);
        g_assert_false (export_as (f->doc, formats[j], spellings[i], &error));
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
        g_assert_nonnull (error ? strstr (error->message, "Choose another name") : NULL);
        after = pl_test_read_bytes (f->path);
        g_assert_true (g_bytes_equal (before, after));
      }
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  /* Still the document, still readable. */
  g_assert_true (g_file_test (sym, G_FILE_TEST_IS_SYMLINK));
}

/* Nor another strategy: an export never replaces a Pillars document. */
static void
test_never_over_other_document (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *other = pl_test_path (f->dir, "report.docx");
  g_autoptr(PlDocument) doc = pl_test_new_document (f->dir, "report.docx", PL_TEMPLATE_STANDARD);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  pl_document_close (doc);
  before = pl_test_read_bytes (other);
  g_assert_false (export_as (f->doc, PL_EXPORT_DOCX, other, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_nonnull (error ? strstr (error->message, "“report.docx” is a Pillars document") : NULL);
  after = pl_test_read_bytes (other);
  g_assert_true (g_bytes_equal (before, after));
}

/* Every format: new exports 0600, replaced ones keep their mode, a
 * stricter umask is respected. */
static void
test_modes (Fixture       *f,
            gconstpointer  data)
{
  mode_t old = umask (022);

  for (guint j = 0; j < G_N_ELEMENTS (formats); j++)
    {
      g_autofree char *name = g_strdup_printf ("out-%u.%s", j, pl_export_format_extension (formats[j]));
      g_autofree char *out = pl_test_path (f->dir, name);
      g_autoptr(GError) error = NULL;

      g_assert_true (export_as (f->doc, formats[j], out, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (mode_of (out), ==, 0600);
      /* A re-export of a private file stays private. */
      g_assert_true (export_as (f->doc, formats[j], out, &error));
      g_assert_cmpuint (mode_of (out), ==, 0600);
      /* One a user opened to the group keeps that. */
      g_assert_cmpint (g_chmod (out, 0640), ==, 0);
      g_assert_true (export_as (f->doc, formats[j], out, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (mode_of (out), ==, 0640);
    }
  umask (077);
  {
    g_autofree char *out = pl_test_path (f->dir, "private.html");
    g_autoptr(GError) error = NULL;

    g_assert_true (export_as (f->doc, PL_EXPORT_HTML, out, &error));
    g_assert_cmpuint (mode_of (out), ==, 0600);
  }
  umask (old);
  /* 5 exports and the last one; no temporary file left. */
  g_assert_cmpuint (count_entries (f->dir), ==, G_N_ELEMENTS (formats) + 1);
}

/* A full disk (a file size limit here) midway through an export: nothing
 * at the new path, the old export intact at a replaced one, no litter. */
static void
test_failed_write (Fixture       *f,
                   gconstpointer  data)
{
  /* The disk fills up at different points (the writer's buffer is
   * 32 KiB). */
  const guint limits[] = { 2048, 8192, 16384, 32768 };
  struct rlimit saved, small;

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  small = saved;
  for (guint k = 0; k < G_N_ELEMENTS (limits); k++)
  for (guint j = 0; j < G_N_ELEMENTS (formats); j++)
    {
      g_autofree char *name = g_strdup_printf ("new.%s", pl_export_format_extension (formats[j]));
      g_autofree char *out = pl_test_path (f->dir, name);
      g_autofree char *old_name = g_strdup_printf ("old.%s", pl_export_format_extension (formats[j]));
      g_autofree char *old = pl_test_path (f->dir, old_name);
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) error2 = NULL;
      g_autofree char *text = NULL;
      gboolean ok, ok2;

      g_assert_true (g_file_set_contents (old, "the old export", -1, NULL));
      small.rlim_cur = limits[k];
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
      ok = export_as (f->doc, formats[j], out, &error);
      ok2 = export_as (f->doc, formats[j], old, &error2);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
      g_test_message ("format %u, full at %u bytes: %d %d", j, limits[k], ok, ok2);
      /* Either the export fitted, or nothing of it is left. */
      g_assert_true (ok == (error == NULL));
      g_assert_true (ok == g_file_test (out, G_FILE_TEST_EXISTS));
      g_assert_true (g_file_get_contents (old, &text, NULL, NULL));
      if (!ok2)
        g_assert_cmpstr (text, ==, "the old export");
      g_unlink (out);
      g_assert_cmpint (g_unlink (old), ==, 0);
      /* Nothing but the document. */
      g_assert_cmpuint (count_entries (f->dir), ==, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add ("/export/files/never-over-document", Fixture, NULL,
              fixture_set_up, test_never_over_document, fixture_tear_down);
  g_test_add ("/export/files/never-over-other-document", Fixture, NULL,
              fixture_set_up, test_never_over_other_document, fixture_tear_down);
  g_test_add ("/export/files/modes", Fixture, NULL, fixture_set_up, test_modes, fixture_tear_down);
  g_test_add ("/export/files/failed-write", Fixture, NULL, fixture_set_up, test_failed_write, fixture_tear_down);
  return g_test_run ();
}
