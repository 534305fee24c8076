/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>
#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>

#include "pl-demo.h"
#include "pl-rel-harness.h"
#include "pl-rel-state.h"

/* Kills during "pillars-cli new", "demo" and "export": at the target path
 * there is never a half-built file. After each SIGKILL, at a random moment
 * of the command's run, the target is either absent (and running the
 * command again succeeds), or the file the command writes when not killed
 * (the same document state; the same export, entry by entry for the zip
 * formats whose entries carry the time), or, when an export replaces a
 * file, that old file unchanged.
 *
 * PL_RELIABILITY_CLI_ROUNDS sets the kills per command (8 by default). */

typedef struct {
  const char *name;
  const char *args[8];   /* after the program; "@DOC" and "@OUT" are replaced */
  const char *out;       /* target file name */
  gboolean    replaces;  /* the target exists before (an older export) */
} Command;

static const Command commands[] = {
  { "new",         { "new", "@OUT", NULL }, "new.pillars", FALSE },
  { "demo",        { "demo", "@OUT", NULL }, "demo.pillars", FALSE },
  { "export-docx", { "export", "@DOC", "--format", "docx", "--date", "2026-01-01", "-o", "@OUT" }, "out.docx", FALSE },
  { "export-odt",  { "export", "@DOC", "--format", "odt", "--date", "2026-01-01", "-o", "@OUT" }, "out.odt", TRUE },
  { "export-html", { "export", "@DOC", "--format", "html", "--date", "2026-01-01", "-o", "@OUT" }, "out.html", TRUE },
};

typedef struct {
  guint kills;
  guint finished;    /* the command ended before the kill */
  guint absent;
  guint complete;
  guint old;
  guint half_built;
  guint litter;      /* rounds that left other files in the folder */
} Stats;

static GSubprocess *
spawn (const Command  *command,
       const char     *doc,
       const char     *out,
       GSubprocessFlags flags,
       GError        **error)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) g_getenv ("PILLARS_CLI"));
  for (guint i = 0; i < G_N_ELEMENTS (command->args) && command->args[i]; i++)
    {
      const char *arg = command->args[i];

      g_ptr_array_add (argv, (gpointer) (g_str_equal (arg, "@DOC") ? doc :
                                         g_str_equal (arg, "@OUT") ? out : arg));
    }
  g_ptr_array_add (argv, NULL);
  return g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_STDOUT_SILENCE | flags, error);
}

/* What a file says to its user: a document's content, a zip's entries (not
 * their times), other files' bytes. NULL if it cannot be read whole. */
static char *
fingerprint (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (g_str_has_suffix (path, ".pillars"))
    {
      g_autofree char *problem = NULL;
      g_autofree char *output = NULL;

      if (!pl_rel_cli_check (path, &output))
        return NULL;
      return pl_rel_check_document (path, NULL, &problem);
    }
  if (!g_file_get_contents (path, &contents, &len, NULL))
    return NULL;
  if (g_str_has_suffix (path, ".docx") || g_str_has_suffix (path, ".odt"))
    {
      struct archive *a = archive_read_new ();
      struct archive_entry *entry;
      g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
      gboolean ok = TRUE;
      int rc;

      archive_read_support_format_zip (a);
      if (archive_read_open_memory (a, contents, len) != ARCHIVE_OK)
        ok = FALSE;
      while (ok && (rc = archive_read_next_header (a, &entry)) == ARCHIVE_OK)
        {
          char buffer[8192];
          la_ssize_t n;

          const char *name = archive_entry_pathname (entry);
          /* The document properties hold the time of the export. */
          gboolean timed = g_str_equal (name, "docProps/core.xml") || g_str_equal (name, "meta.xml");

          g_checksum_update (sum, (const guchar *) name, -1);
          while ((n = archive_read_data (a, buffer, sizeof buffer)) > 0)
            if (!timed)
              g_checksum_update (sum, (const guchar *) buffer, n);
          if (n < 0)
            ok = FALSE;
        }
      if (ok && rc != ARCHIVE_EOF)
        ok = FALSE;
      archive_read_free (a);
      return ok ? g_strdup (g_checksum_get_string (sum)) : NULL;
    }
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

static void
clear_dir (const char *dir,
           const char *keep)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)) != NULL)
    if (g_strcmp0 (name, keep) != 0)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_unlink (path);
      }
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static gint64
run_to_end (const Command *command,
            const char    *doc,
            const char    *out)
{
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_autofree char *err = NULL;

  proc = spawn (command, doc, out, G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (proc) || g_subprocess_get_exit_status (proc) != 0)
    {
      g_test_message ("%s: pillars-cli %s failed: %s", command->name, command->args[0], err);
      g_test_fail ();
    }
  return g_get_monotonic_time () - start;
}

static void
test_command (gconstpointer data)
{
  const Command *command = data;
  g_autofree char *dir = g_dir_make_tmp ("pillars-crash-cli-XXXXXX", NULL);
  g_autofree char *work = g_build_filename (dir, "work", NULL);
  g_autofree char *doc = g_build_filename (dir, "strategy.pillars", NULL);
  g_autofree char *ref = g_build_filename (dir, command->out, NULL);
  g_autofree char *out = g_build_filename (work, command->out, NULL);
  /* Named like the target, so that it is fingerprinted the same way. */
  g_autofree char *old_name = g_strconcat ("old-", command->out, NULL);
  g_autofree char *old = g_build_filename (dir, old_name, NULL);
  g_autofree char *want = NULL;
  g_autofree char *want_old = NULL;
  g_autofree char *again = NULL;
  g_autoptr(PlDocument) demo = NULL;
  g_autoptr(GError) error = NULL;
  guint rounds = pl_rel_env_uint ("PL_RELIABILITY_CLI_ROUNDS", 8);
  Stats stats = { 0 };
  gint64 duration, second;

  if (pl_rel_env_path ("PILLARS_CLI") == NULL)
    {
      g_test_skip ("PILLARS_CLI must name pillars-cli (run through meson test)");
      return;
    }
  g_mkdir (work, 0700);
  demo = pl_demo_create (doc, PL_DEMO_SMALL, &error);
  g_assert_no_error (error);
  pl_document_close (demo);

  /* What the command writes when nothing stops it, and how long it takes. */
  duration = run_to_end (command, doc, ref);
  second = run_to_end (command, doc, out);
  duration = MAX (duration, second);
  want = fingerprint (ref);
  g_assert_nonnull (want);
  again = fingerprint (out);
  g_assert_cmpstr (again, ==, want);
  if (command->replaces)
    {
      /* The file being replaced: the same format from an older draft. */
      g_autoptr(GSubprocess) proc = NULL;
      const char *argv[] = { g_getenv ("PILLARS_CLI"), "export", doc, "--format",
                             g_str_has_suffix (command->out, "odt") ? "odt" : "html",
                             "--no-plan", "-o", old, NULL };

      proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_NONE, &error);
      g_assert_no_error (error);
      g_subprocess_wait_check (proc, NULL, &error);
      g_assert_no_error (error);
      want_old = fingerprint (old);
    }

  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr(GSubprocess) proc = NULL;
      g_autofree char *found = NULL;
      gint64 delay = g_test_rand_int_range (0, (gint32) (duration * 1.2) + 1);

      clear_dir (work, NULL);
      if (command->replaces)
        {
          pl_rel_copy_file (old, out, &error);
          g_assert_no_error (error);
        }
      proc = spawn (command, doc, out, G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
      g_assert_no_error (error);
      g_usleep (delay);
      g_subprocess_force_exit (proc);
      g_subprocess_wait (proc, NULL, &error);
      g_assert_no_error (error);
      if (!g_subprocess_get_if_signaled (proc))
        {
          g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
          stats.finished++;
        }
      else
        stats.kills++;

      if (count_entries (work) > (g_file_test (out, G_FILE_TEST_EXISTS) ? 1u : 0u))
        stats.litter++;
      if (!g_file_test (out, G_FILE_TEST_EXISTS))
        {
          g_autofree char *retried = NULL;

          g_assert_false (command->replaces);
          stats.absent++;
          /* The retry is not blocked by what the kill left. */
          clear_dir (work, command->out);
          run_to_end (command, doc, out);
          retried = fingerprint (out);
          g_assert_cmpstr (retried, ==, want);
          continue;
        }
      found = fingerprint (out);
      if (g_strcmp0 (found, want) == 0)
        stats.complete++;
      else if (want_old != NULL && g_strcmp0 (found, want_old) == 0)
        stats.old++;
      else
        {
          stats.half_built++;
          g_test_message ("%s: killed after %.1f ms, %s is half-built",
                          command->name, delay / 1000.0, command->out);
        }
    }

  g_test_message ("%s: %u rounds (run %" G_GINT64_FORMAT " ms), %u kills, %u finished first: "
                  "target absent %u, complete %u, the old file %u, half-built %u; "
                  "other files left in the folder after %u",
                  command->name, rounds, duration / 1000, stats.kills, stats.finished, stats.absent,
                  stats.complete, stats.old, stats.half_built, stats.litter);
  /* Exports and new documents are written to a temporary file and
   * renamed into place (src/core/files): a kill never half-builds one. */
  g_assert_cmpuint (stats.half_built, ==, 0);

  clear_dir (work, NULL);
  g_rmdir (work);
  clear_dir (dir, NULL);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *name = g_strdup_printf ("/reliability/kill/%s", commands[i].name);

      g_test_add_data_func (name, &commands[i], test_command);
    }
  return g_test_run ();
}
