/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "pl-document.h"
#include "pl-rel-harness.h"
#include "pl-rel-state.h"

guint
pl_rel_env_uint (const char *name,
                 guint       fallback)
{
  const char *value = g_getenv (name);

  if (value == NULL || *value == '\0')
    return fallback;
  return (guint) g_ascii_strtoull (value, NULL, 10);
}

const char *
pl_rel_env_path (const char *variable)
{
  const char *value = g_getenv (variable);

  if (value == NULL || !g_file_test (value, G_FILE_TEST_EXISTS))
    return NULL;
  return value;
}

gboolean
pl_rel_copy_file (const char  *from,
                  const char  *to,
                  GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) target = g_file_new_for_path (to);

  return g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error);
}

void
pl_rel_remove_document (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      g_unlink (name);
    }
}

GSubprocess *
pl_rel_spawn_child (const char         *doc,
                    const char         *log,
                    guint32             seed,
                    guint               edits,
                    const char * const *env,
                    const char         *stderr_path,
                    GError            **error)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autofree char *seed_arg = g_strdup_printf ("%u", seed);
  g_autofree char *edits_arg = g_strdup_printf ("%u", edits);
  const char *child = g_getenv ("PL_REL_CHILD");

  g_return_val_if_fail (child != NULL, NULL);
  for (guint i = 0; env && env[i]; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env[i], "=", 2);

      g_subprocess_launcher_setenv (launcher, pair[0], pair[1], TRUE);
    }
  if (stderr_path)
    g_subprocess_launcher_set_stderr_file_path (launcher, stderr_path);
  return g_subprocess_launcher_spawn (launcher, error, child, doc, log, seed_arg, edits_arg, NULL);
}

GPtrArray *
pl_rel_read_log (const char *log)
{
  GPtrArray *hashes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (log, &contents, NULL, NULL))
    return hashes;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], " ", 4);

      /* The log is fsynced line by line, but a kill can still cut the last
       * line short: only whole lines count as acknowledged. */
      if (g_strv_length (fields) < 4 || !g_str_equal (fields[0], "D") ||
          strlen (fields[2]) != 64 || !lines[i + 1])
        continue;
      g_assert_cmpuint ((guint) g_ascii_strtoull (fields[1], NULL, 10), ==, hashes->len + 1);
      g_ptr_array_add (hashes, g_strdup (fields[2]));
    }
  return hashes;
}

gboolean
pl_rel_cli_check (const char  *path,
                  char       **output)
{
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *cli = g_getenv ("PILLARS_CLI");

  g_return_val_if_fail (cli != NULL, FALSE);
  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                           cli, "check", path, NULL);
  if (proc == NULL || !g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, &error))
    {
      *output = g_strdup (error->message);
      return FALSE;
    }
  *output = g_strconcat (out ? out : "", err ? err : "", NULL);
  return g_subprocess_get_if_exited (proc) && g_subprocess_get_exit_status (proc) == 0 &&
         strstr (*output, "no problems found") != NULL;
}

char *
pl_rel_check_document (const char  *path,
                       char       **dump_out,
                       char       **problem)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = pl_document_open (path, PL_DOCUMENT_OPEN_DEFAULT, &error);
  g_auto(GStrv) problems = NULL;
  char *dump;
  char *hash;

  if (doc == NULL)
    {
      *problem = g_strdup_printf ("does not open: %s", error->message);
      return NULL;
    }
  if (!pl_document_check (doc, &problems, &error))
    {
      *problem = g_strdup_printf ("check failed: %s", error->message);
      return NULL;
    }
  if (problems[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv ("; ", problems);

      *problem = g_strdup_printf ("integrity check: %s", joined);
      return NULL;
    }
  dump = pl_rel_dump (doc);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, dump, -1);
  pl_document_close (doc);
  if (dump_out)
    *dump_out = dump;
  else
    g_free (dump);
  return hash;
}

int
pl_rel_find_state (const char *hash,
                   const char *hash0,
                   GPtrArray  *log,
                   const char *base,
                   guint32     seed,
                   const char *scratch_dir,
                   gboolean   *replayed)
{
  g_autofree char *copy = g_build_filename (scratch_dir, "replay.pillars", NULL);
  g_autofree char *replay_log = g_build_filename (scratch_dir, "replay.log", NULL);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GPtrArray) hashes = NULL;
  g_autoptr(GError) error = NULL;

  *replayed = FALSE;
  /* The last acknowledged state first, then the one in flight, and only
   * then the older ones: an edit can bring back an earlier state (a move
   * and its way back), which must not be taken for a lost edit. */
  if (log->len == 0 ? g_str_equal (hash, hash0) : g_str_equal (hash, log->pdata[log->len - 1]))
    return (int) log->len;

  /* Killed after the edit's commit but before its log line: the state is
   * that of the next edit, which the same script makes again on a copy of
   * the round's starting file. */
  *replayed = TRUE;
  pl_rel_remove_document (copy);
  g_unlink (replay_log);
  if (!pl_rel_copy_file (base, copy, &error))
    g_error ("cannot copy %s: %s", base, error->message);
  child = pl_rel_spawn_child (copy, replay_log, seed, log->len + 1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check (child, NULL, &error);
  g_assert_no_error (error);
  hashes = pl_rel_read_log (replay_log);
  g_assert_cmpuint (hashes->len, ==, log->len + 1);
  /* The replay must retrace the logged states, or it proves nothing. */
  for (guint k = 0; k < log->len; k++)
    g_assert_cmpstr (hashes->pdata[k], ==, log->pdata[k]);
  pl_rel_remove_document (copy);
  g_unlink (replay_log);
  if (g_str_equal (hash, hashes->pdata[log->len]))
    return (int) log->len + 1;
  for (guint k = log->len; k > 0; k--)
    if (g_str_equal (hash, log->pdata[k - 1]))
      return (int) k;
  if (g_str_equal (hash, hash0))
    return 0;
  return -1;
}
