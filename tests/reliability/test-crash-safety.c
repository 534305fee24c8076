/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>

#include <glib/gstdio.h>

#include "pl-demo.h"
#include "pl-rel-harness.h"
#include "pl-rel-state.h"

/* Crash safety: pl-rel-child makes the window's edits (typing written as
 * autosave writes it, new actions and objectives, captures, dispositions,
 * reorders, deletes and undo, checkpoints) on one document, logging each
 * acknowledged edit with fsync; it is killed with SIGKILL at a random
 * moment, from its first instant (opening, recovering the previous round's
 * WAL) to hundreds of edits in. After each kill the document must pass
 * "pillars-cli check" and the document's integrity check, and hold exactly
 * the state of the last logged edit, or of the one after it when the kill
 * fell between that edit's commit and its log line. The rounds go on with
 * the same file, as a user reopens and goes on after a crash.
 *
 * PL_RELIABILITY_ROUNDS sets the number of rounds (30 by default). */

typedef struct {
  guint  rounds;
  guint  kills;
  guint  edits;
  guint  replays;
  guint  next_state;  /* rounds that found the unlogged next edit in the file */
  gint64 longest_ms;
} Stats;

static void
run_round (const char *dir,
           const char *path,
           char      **hash0,
           guint       round,
           Stats      *stats)
{
  g_autofree char *base = g_build_filename (dir, "base.pillars", NULL);
  g_autofree char *log = g_build_filename (dir, "edits.log", NULL);
  g_autofree char *err_path = g_build_filename (dir, "child.err", NULL);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GPtrArray) hashes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *dump = NULL;
  guint32 seed = g_test_rand_int ();
  gint64 delay_ms;
  gboolean replayed = FALSE;
  int state;

  g_unlink (log);
  if (!pl_rel_copy_file (path, base, &error))
    g_error ("%s", error->message);

  /* One kill in five lands while the child opens the file and recovers the
   * last round's WAL; the others while it edits. */
  delay_ms = g_test_rand_int_range (0, 5) == 0 ? g_test_rand_int_range (0, 40)
                                               : g_test_rand_int_range (40, 500);
  child = pl_rel_spawn_child (path, log, seed, 1000000, NULL, err_path, &error);
  g_assert_no_error (error);
  g_usleep (delay_ms * 1000);
  g_subprocess_force_exit (child);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_signaled (child) || g_subprocess_get_term_sig (child) != SIGKILL)
    {
      g_autofree char *err = NULL;

      g_file_get_contents (err_path, &err, NULL, NULL);
      g_test_message ("round %u: the edit stream ended by itself: %s", round, err ? err : "");
      g_test_fail ();
      return;
    }
  stats->kills++;

  hashes = pl_rel_read_log (log);
  stats->edits += hashes->len;

  if (!pl_rel_cli_check (path, &output))
    {
      g_test_message ("round %u (seed %u, kill after %" G_GINT64_FORMAT " ms): pillars-cli check: %s",
                      round, seed, delay_ms, output);
      g_test_fail ();
      return;
    }
  hash = pl_rel_check_document (path, &dump, &problem);
  if (hash == NULL)
    {
      g_test_message ("round %u (seed %u): %s", round, seed, problem);
      g_test_fail ();
      return;
    }
  state = pl_rel_find_state (hash, *hash0, hashes, base, seed, dir, &replayed);
  stats->replays += replayed;
  if (state == (int) hashes->len + 1)
    stats->next_state++;
  if (state < (int) hashes->len)
    {
      g_autofree char *dump_path = g_build_filename (g_get_tmp_dir (), "pillars-crash-found.txt", NULL);

      g_file_set_contents (dump_path, dump, -1, NULL);
      g_test_message ("round %u (seed %u, kill after %" G_GINT64_FORMAT " ms): %u edits were acknowledged "
                      "but the file holds %s (its content is in %s)",
                      round, seed, delay_ms, hashes->len,
                      state < 0 ? "a state no edit made" : "an older state", dump_path);
      g_test_fail ();
    }
  g_free (*hash0);
  *hash0 = g_steal_pointer (&hash);
}

static void
test_crash_safety (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pillars-crash-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "strategy.pillars", NULL);
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash0 = NULL;
  Stats stats = { 0 };
  gint64 start = g_get_monotonic_time ();

  if (pl_rel_env_path ("PL_REL_CHILD") == NULL || pl_rel_env_path ("PILLARS_CLI") == NULL)
    {
      g_test_skip ("PL_REL_CHILD and PILLARS_CLI must name the programs (run through meson test)");
      return;
    }
  stats.rounds = pl_rel_env_uint ("PL_RELIABILITY_ROUNDS", 30);

  doc = pl_demo_create (path, PL_DEMO_SMALL, &error);
  g_assert_no_error (error);
  hash0 = pl_rel_hash (doc);
  pl_document_close (doc);

  for (guint round = 0; round < stats.rounds && !g_test_failed (); round++)
    {
      gint64 round_start = g_get_monotonic_time ();

      run_round (dir, path, &hash0, round, &stats);
      stats.longest_ms = MAX (stats.longest_ms, (g_get_monotonic_time () - round_start) / 1000);
    }

  g_test_message ("crash safety: %u rounds, %u kills, %u acknowledged edits, all present; "
                  "%u kills fell between a commit and its log line (%u replays); "
                  "%.1f s in all, longest round %" G_GINT64_FORMAT " ms",
                  stats.rounds, stats.kills, stats.edits, stats.next_state, stats.replays,
                  (g_get_monotonic_time () - start) / 1e6, stats.longest_ms);
  if (!g_test_failed ())
    {
      pl_rel_remove_document (path);
      g_autofree char *base = g_build_filename (dir, "base.pillars", NULL);
      g_autofree char *log = g_build_filename (dir, "edits.log", NULL);
      g_autofree char *err = g_build_filename (dir, "child.err", NULL);

      g_unlink (base);
      g_unlink (log);
      g_unlink (err);
      g_rmdir (dir);
    }
}

/* The harness itself: a replay of the script on the round's starting file
 * retraces the logged states and finds the unlogged next one, which is what
 * a kill between a commit and its log line relies on. */
static void
test_replay (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pillars-replay-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "strategy.pillars", NULL);
  g_autofree char *base = g_build_filename (dir, "base.pillars", NULL);
  g_autofree char *log = g_build_filename (dir, "edits.log", NULL);
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GPtrArray) hashes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash0 = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *problem = NULL;
  gboolean replayed = FALSE;
  guint32 seed = g_test_rand_int ();

  if (pl_rel_env_path ("PL_REL_CHILD") == NULL)
    {
      g_test_skip ("PL_REL_CHILD must name pl-rel-child (run through meson test)");
      return;
    }
  doc = pl_demo_create (path, PL_DEMO_SMALL, &error);
  g_assert_no_error (error);
  hash0 = pl_rel_hash (doc);
  pl_document_close (doc);
  pl_rel_copy_file (path, base, &error);
  g_assert_no_error (error);

  child = pl_rel_spawn_child (path, log, seed, 40, NULL, NULL, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check (child, NULL, &error);
  g_assert_no_error (error);
  hashes = pl_rel_read_log (log);
  g_assert_cmpuint (hashes->len, ==, 40);
  hash = pl_rel_check_document (path, NULL, &problem);
  g_assert_null (problem);
  g_assert_cmpstr (hash, ==, hashes->pdata[39]);

  /* As if the log had stopped before an edit that changed the document:
   * the last edit may have changed nothing (a checkpoint, a move back),
   * and its state is then the acknowledged one, found without a replay. */
  {
    guint k = 39;
    g_autofree char *next = NULL;

    while (k > 0 && g_str_equal (hashes->pdata[k], hashes->pdata[k - 1]))
      k--;
    g_assert_cmpuint (k, >, 0);
    next = g_strdup (hashes->pdata[k]);
    g_ptr_array_set_size (hashes, k);
    g_assert_cmpint (pl_rel_find_state (next, hash0, hashes, base, seed, dir, &replayed), ==, (int) k + 1);
    g_assert_true (replayed);
  }
  g_ptr_array_set_size (hashes, 0);
  g_assert_cmpint (pl_rel_find_state (hash0, hash0, hashes, base, seed, dir, &replayed), ==, 0);

  pl_rel_remove_document (path);
  g_unlink (base);
  g_unlink (log);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  g_test_add_func ("/reliability/replay", test_replay);
  g_test_add_func ("/reliability/crash-safety", test_crash_safety);
  return g_test_run ();
}
