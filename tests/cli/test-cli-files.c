/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The files pillars-cli writes (new, demo, export): never over the
 * document exported, private (0600), and complete or absent whatever
 * happens midway (a full disk, a kill). */
#include "config.h"

#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "pl-cli-test-util.h"

static guint
mode_in_dir (const char *name)
{
  g_autofree char *path = g_build_filename (pl_cli_test_dir, name, NULL);
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

/* The hidden temporary files of writers of @name. */
static guint
count_temporary (const char *name)
{
  g_autoptr(GDir) d = g_dir_open (pl_cli_test_dir, 0, NULL);
  g_autofree char *prefix = g_strconcat (".", name, ".", NULL);
  const char *entry;
  guint n = 0;

  while (d && (entry = g_dir_read_name (d)))
    n += g_str_has_prefix (entry, prefix) || g_str_has_prefix (entry, ".goutputstream-");
  return n;
}

static GBytes *
bytes_in_dir (const char *name)
{
  g_autofree char *path = g_build_filename (pl_cli_test_dir, name, NULL);

  return pl_test_read_bytes (path);
}

static void
remove_in_dir (const char *name)
{
  g_autofree char *path = g_build_filename (pl_cli_test_dir, name, NULL);

  g_unlink (path);
}

/* "export -o" the document itself, in every spelling, and the default
 * name of a document called report.odt or report.docx: refused, and the
 * document is byte for byte what it was. */
static void
test_export_over_document (void)
{
  g_autofree char *absolute = g_build_filename (pl_cli_test_dir, "s.pillars", NULL);
  g_autofree char *hard = g_build_filename (pl_cli_test_dir, "hard.html", NULL);
  g_autofree char *sym = g_build_filename (pl_cli_test_dir, "sym.html", NULL);
  g_autoptr(GBytes) before = NULL;
  const char *spellings[] = { "s.pillars", "./s.pillars", absolute, "hard.html", "sym.html", "s.pillars-wal" };
  const char *formats[] = { "md", "html", "docx", "odt", "csv" };

  expect_ok ("", "demo", "s.pillars");
  before = bytes_in_dir ("s.pillars");
  g_assert_cmpint (link (absolute, hard), ==, 0);
  g_assert_cmpint (symlink ("s.pillars", sym), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    for (guint j = 0; j < G_N_ELEMENTS (formats); j++)
      {
        g_autofree char *base = g_path_get_basename (spellings[i]);
        g_autofree char *message = g_strdup_printf ("“%s” is the document being exported: the export would destroy it. Choose another name for the export.", base);
        g_autoptr(GBytes) after = NULL;

        expect_error (message, "export", "s.pillars", "--format", formats[j], "-o", spellings[i]);
        after = bytes_in_dir ("s.pillars");
        g_assert_true (g_bytes_equal (before, after));
      }
  g_assert_true (g_file_test (sym, G_FILE_TEST_IS_SYMLINK));

  /* The default name of a DOCX or ODT export is the document's own. */
  for (const char *const *name = (const char *const[]) { "report.odt", "report.docx", NULL }; *name; name++)
    {
      g_autofree char *message = g_strdup_printf ("“%s” is the document being exported: the export would destroy it. Choose another name for the export.", *name);
      g_autoptr(GBytes) after = NULL;

      expect_ok ("", "demo", *name);
      g_clear_pointer (&before, g_bytes_unref);
      before = bytes_in_dir (*name);
      expect_error (message, "export", *name, "--format", g_str_has_suffix (*name, "odt") ? "odt" : "docx");
      after = bytes_in_dir (*name);
      g_assert_true (g_bytes_equal (before, after));
    }
  /* Another strategy is not an old export either. */
  g_clear_pointer (&before, g_bytes_unref);
  before = bytes_in_dir ("report.odt");
  expect_error ("“report.odt” is a Pillars document: an export does not replace a strategy. Choose another name for the export.",
                "export", "s.pillars", "--format", "odt", "-o", "report.odt");
  {
    g_autoptr(GBytes) after = bytes_in_dir ("report.odt");

    g_assert_true (g_bytes_equal (before, after));
  }
  g_assert_cmpuint (count_temporary ("s.pillars"), ==, 0);
  g_assert_cmpuint (count_temporary ("report.odt"), ==, 0);
  remove_in_dir ("hard.html");
  remove_in_dir ("sym.html");
}

/* New documents and every export are 0600; a re-export keeps the mode
 * the file had; a stricter umask is respected. */
static void
test_modes (void)
{
  const char *formats[] = { "md", "html", "docx", "odt", "csv" };
  mode_t old = umask (022);

  expect_ok ("", "new", "m.pillars");
  g_assert_cmpuint (mode_in_dir ("m.pillars"), ==, 0600);
  expect_ok ("", "demo", "md.pillars");
  g_assert_cmpuint (mode_in_dir ("md.pillars"), ==, 0600);
  for (guint j = 0; j < G_N_ELEMENTS (formats); j++)
    {
      g_autofree char *out = g_strdup_printf ("m-out.%s", formats[j]);
      g_autofree char *path = g_build_filename (pl_cli_test_dir, out, NULL);

      expect_ok ("", "export", "md.pillars", "--format", formats[j], "-o", out);
      g_assert_cmpuint (mode_in_dir (out), ==, 0600);
      expect_ok ("", "export", "md.pillars", "--format", formats[j], "-o", out);
      g_assert_cmpuint (mode_in_dir (out), ==, 0600);
      g_assert_cmpint (g_chmod (path, 0640), ==, 0);
      expect_ok ("", "export", "md.pillars", "--format", formats[j], "-o", out);
      g_assert_cmpuint (mode_in_dir (out), ==, 0640);
    }
  umask (0277);
  expect_ok ("", "new", "strict.pillars");
  g_assert_cmpuint (mode_in_dir ("strict.pillars"), ==, 0400);
  expect_ok ("", "export", "md.pillars", "--format", "html", "-o", "strict.html");
  g_assert_cmpuint (mode_in_dir ("strict.html"), ==, 0400);
  umask (old);
  g_assert_cmpuint (count_temporary ("md.pillars"), ==, 0);
}

static void
limit_file_size (gpointer data)
{
  struct rlimit limit;

  signal (SIGXFSZ, SIG_IGN);
  getrlimit (RLIMIT_FSIZE, &limit);
  limit.rlim_cur = GPOINTER_TO_UINT (data);
  setrlimit (RLIMIT_FSIZE, &limit);
}

/* pillars-cli with the file size limited to @limit bytes (a full disk). */
static int
run_on_full_disk (guint               limit,
                  const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (gpointer) g_getenv ("PILLARS_CLI"));
  for (const char *const *a = args; *a; a++)
    g_ptr_array_add (argv, (gpointer) *a);
  g_ptr_array_add (argv, NULL);
  g_subprocess_launcher_set_cwd (launcher, pl_cli_test_dir);
  g_subprocess_launcher_set_child_setup (launcher, limit_file_size, GUINT_TO_POINTER (limit), NULL);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait (process, NULL, &error));
  return g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : 128;
}

/* A disk that fills up midway: no 0-byte or truncated file at the target,
 * no temporary file beside it. */
static void
test_full_disk (void)
{
  const char *formats[] = { "md", "html", "docx", "odt", "csv" };

  /* The disk fills up at different points of the file (the buffer of
   * the writer is 32 KiB). */
  const guint limits[] = { 2048, 8192, 16384, 32768, 40000 };

  expect_ok ("", "demo", "f.pillars");
  for (guint j = 0; j < G_N_ELEMENTS (formats); j++)
    for (guint k = 0; k < G_N_ELEMENTS (limits); k++)
      {
        g_autofree char *out = g_strdup_printf ("f-out.%s", formats[j]);
        int status = run_on_full_disk (limits[k], (const char *[]) { "export", "f.pillars", "--format", formats[j], "-o", out, NULL });

        g_test_message ("%s, full at %u bytes: exit %d", formats[j], limits[k], status);
        /* Either it fitted, or nothing is left. */
        if (status == 0)
          {
            g_assert_true (exists_in_dir (out));
            remove_in_dir (out);
          }
        else
          {
            g_assert_cmpint (status, ==, 1);
            g_assert_false (exists_in_dir (out));
          }
        g_assert_cmpuint (count_temporary (out), ==, 0);
      }
  g_assert_cmpint (run_on_full_disk (64 * 1024, (const char *[]) { "demo", "g.pillars", NULL }), ==, 1);
  g_assert_false (exists_in_dir ("g.pillars"));
  g_assert_cmpuint (count_temporary ("g.pillars"), ==, 0);
  /* With room again, the same command works. */
  expect_ok ("", "demo", "g.pillars");
}

/* A real full disk: a 96 KiB tmpfs mounted in a mount namespace of its
 * own (root only; skipped where namespaces or mounts are not allowed). The
 * big demo's HTML export (4 MB) and a new demo cannot fit: each fails
 * saying the disk is full and leaves the file system empty. */
static void
test_real_full_disk (void)
{
  static const char script[] =
    "mount -t tmpfs -o size=96k tmpfs \"$1\" || exit 77\n"
    "cd \"$1\"\n"
    "\"$2\" export \"$3\" --format html -o big.html; echo \"export $?\"\n"
    "\"$2\" demo d.pillars; echo \"demo $?\"\n"
    "ls -A\n";
  g_autofree char *mount_point = g_build_filename (pl_cli_test_dir, "small-disk", NULL);
  g_autofree char *big = g_build_filename (pl_cli_test_dir, "kb.pillars", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *unshare = g_find_program_in_path ("unshare");
  int status = 0;
  const char *argv[] = { "unshare", "-m", "--propagation", "private", "sh", "-c", script, "sh",
                         mount_point, g_getenv ("PILLARS_CLI"), big, NULL };

  if (geteuid () != 0 || unshare == NULL)
    {
      g_test_skip ("needs root and unshare");
      return;
    }
  if (!exists_in_dir ("kb.pillars"))
    expect_ok ("", "demo", "--size", "big", "kb.pillars");
  g_assert_cmpint (g_mkdir (mount_point, 0700), ==, 0);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_test_skip ("mounting a tmpfs is not allowed here");
      g_rmdir (mount_point);
      return;
    }
  g_test_message ("%s%s", out, err);
  g_assert_cmpstr (out, ==, "export 1\ndemo 1\n");
  g_assert_nonnull (strstr (err, "pillars-cli: Could not write the export “big.html”: the disk is full."));
  g_assert_nonnull (strstr (err, "pillars-cli: Could not write “d.pillars”: the disk is full. Free some space"));
  g_assert_null (strstr (err, ".partial"));
  g_assert_cmpint (g_rmdir (mount_point), ==, 0);
}

/* Kills @args after @delay_ms milliseconds (or lets it finish). */
static void
run_and_kill (const char * const *args,
              guint               delay_ms)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (gpointer) g_getenv ("PILLARS_CLI"));
  for (const char *const *a = args; *a; a++)
    g_ptr_array_add (argv, (gpointer) *a);
  g_ptr_array_add (argv, NULL);
  g_subprocess_launcher_set_cwd (launcher, pl_cli_test_dir);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_usleep (delay_ms * 1000);
  g_subprocess_send_signal (process, SIGKILL);
  g_assert_true (g_subprocess_wait (process, NULL, &error));
}

/* What is at @name after a kill: nothing, or a document that passes
 * check with everything a finished command writes (@actions actions). */
static void
assert_nothing_or_complete (const char *name,
                            const char *actions)
{
  if (exists_in_dir (name))
    {
      Run r = cli ("info", name, NULL);

      g_assert_cmpint (r.status, ==, 0);
      g_assert_nonnull (strstr (r.out, actions));
      run_clear (&r);
      r = cli ("check", name, NULL);
      g_assert_cmpint (r.status, ==, 0);
      run_clear (&r);
      remove_in_dir (name);
    }
  else
    {
      /* Nothing at the name: the same command again must succeed (and
       * removes what the killed one left). */
      expect_ok (NULL, "demo", name);
      g_assert_cmpuint (count_temporary (name), ==, 0);
      remove_in_dir (name);
    }
}

/* "demo --size big" (about two seconds) and "new" killed at random moments:
 * never a half-built document at the name, never an "already exists"
 * caused by our own leftover. */
static void
test_killed (void)
{
  g_autoptr(GRand) rand = g_rand_new ();
  guint rounds = g_test_slow () ? 20 : 6;

  for (guint i = 0; i < rounds; i++)
    {
      guint delay = g_rand_int_range (rand, 20, 3000);

      g_test_message ("demo --size big killed after %u ms", delay);
      run_and_kill ((const char *[]) { "demo", "--size", "big", "k.pillars", NULL }, delay);
      assert_nothing_or_complete ("k.pillars", "Actions:        2838\n");
    }
  for (guint i = 0; i < rounds; i++)
    {
      guint delay = g_rand_int_range (rand, 0, 80);

      g_test_message ("new killed after %u ms", delay);
      run_and_kill ((const char *[]) { "new", "n.pillars", NULL }, delay);
      if (exists_in_dir ("n.pillars"))
        {
          Run r = cli ("check", "n.pillars", NULL);

          g_assert_cmpint (r.status, ==, 0);
          run_clear (&r);
          remove_in_dir ("n.pillars");
        }
      expect_ok (NULL, "new", "n.pillars");
      g_assert_cmpuint (count_temporary ("n.pillars"), ==, 0);
      remove_in_dir ("n.pillars");
    }
}

/* The names of the entries of the zip @name in the test folder, one a line. */
static char *
zip_entries (const char *name)
{
  g_autofree char *path = g_build_filename (pl_cli_test_dir, name, NULL);
  const char *argv[] = { "unzip", "-Z1", path, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* Every entry of the zip @name decompresses and matches its CRC. */
static gboolean
zip_is_intact (const char *name)
{
  g_autofree char *path = g_build_filename (pl_cli_test_dir, name, NULL);
  const char *argv[] = { "unzip", "-tqq", path, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL);
}

/* An export of the big demo killed at random moments: the target is the
 * complete export or absent; the next export removes what the killed one
 * left beside it. */
static void
test_killed_export (void)
{
  g_autoptr(GRand) rand = g_rand_new ();
  guint rounds = g_test_slow () ? 30 : 8;

  if (!exists_in_dir ("kb.pillars"))
    expect_ok ("", "demo", "--size", "big", "kb.pillars");
  for (const char *const *f = (const char *const[]) { "html", "docx", NULL }; *f; f++)
    {
      g_autofree char *out = g_strdup_printf ("kb.%s", *f);
      g_autofree char *reference = g_strdup_printf ("reference.%s", *f);
      g_autoptr(GBytes) expected = NULL;

      expect_ok ("", "export", "kb.pillars", "--format", *f, "--date", "1 May 2026", "-o", reference);
      expected = bytes_in_dir (reference);
      for (guint i = 0; i < rounds; i++)
        {
          guint delay = g_rand_int_range (rand, 0, 400);

          g_test_message ("export --format %s killed after %u ms", *f, delay);
          run_and_kill ((const char *[]) { "export", "kb.pillars", "--format", *f, "--date", "1 May 2026", "-o", out, NULL }, delay);
          if (exists_in_dir (out))
            {
              g_autoptr(GBytes) got = bytes_in_dir (out);
              gsize size = 0;
              const guint8 *data = g_bytes_get_data (got, &size);

              /* The whole export: HTML byte for byte; a DOCX (whose
               * docProps/core.xml carries the time, so its compressed size
               * may differ by a byte) a zip whose every entry passes its
               * CRC, with the reference's entries, ending with the end
               * record. */
              if (g_str_equal (*f, "html"))
                g_assert_true (g_bytes_equal (got, expected));
              else
                {
                  g_autofree char *got_entries = zip_entries (out);
                  g_autofree char *expected_entries = zip_entries (reference);

                  g_assert_true (size >= 22 && memcmp (data + size - 22, "PK\005\006", 4) == 0);
                  g_assert_true (zip_is_intact (out));
                  g_assert_cmpstr (got_entries, ==, expected_entries);
                }
              remove_in_dir (out);
            }
          expect_ok ("", "export", "kb.pillars", "--format", *f, "--date", "1 May 2026", "-o", out);
          g_assert_cmpuint (count_temporary (out), ==, 0);
          remove_in_dir (out);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  pl_cli_test_init (&argc, &argv);

  g_test_add_func ("/cli/files/export-over-document", test_export_over_document);
  g_test_add_func ("/cli/files/modes", test_modes);
  g_test_add_func ("/cli/files/full-disk", test_full_disk);
  g_test_add_func ("/cli/files/real-full-disk", test_real_full_disk);
  g_test_add_func ("/cli/files/killed", test_killed);
  g_test_add_func ("/cli/files/killed-export", test_killed_export);
  return pl_cli_test_run ();
}
