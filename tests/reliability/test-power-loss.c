/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>

#include <glib/gstdio.h>

#include "pl-demo.h"
#include "pl-rel-harness.h"
#include "pl-rel-state.h"

/* Power loss: pl-rel-child makes the scripted edits under pl-powercut.so,
 * which cuts the power at a chosen write, truncation or sync of the
 * document's files: everything not fsynced is lost, then the process dies.
 * What Pillars promises (README, "Crashes, power cuts and full disks"):
 * after a power cut the file is intact and holds every edit the API
 * acknowledged -- each commit is synced (PRAGMA synchronous = FULL in WAL
 * mode) before the edit is reported done. The edit in flight at the cut may
 * be there whole or not at all.
 *
 * A first run without a cut counts the calls and records the state after
 * each edit; each round then cuts at a random call of the same run
 * (the script is deterministic) and checks the file against those states.
 *
 * PL_RELIABILITY_POWER_ROUNDS sets the number of cuts (12 by default). */

#define EDITS 30

static char *
read_report (const char *path,
             guint64    *ops)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) fields = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  fields = g_strsplit (g_strstrip (contents), " ", 3);
  if (g_strv_length (fields) != 3)
    return NULL;
  *ops = g_ascii_strtoull (fields[1], NULL, 10);
  return g_strdup (fields[0]);
}

static GSubprocess *
run_child (const char *run_dir,
           const char *doc,
           const char *log,
           const char *report,
           guint64     cut_at,
           guint32     seed)
{
  g_autofree char *preload = g_strdup_printf ("LD_PRELOAD=%s", g_getenv ("PL_POWERCUT_SHIM"));
  g_autofree char *dir_var = g_strdup_printf ("PL_POWERCUT_DIR=%s", run_dir);
  g_autofree char *report_var = g_strdup_printf ("PL_POWERCUT_REPORT=%s", report);
  g_autofree char *at_var = g_strdup_printf ("PL_POWERCUT_AT=%" G_GUINT64_FORMAT, cut_at);
  /* In a -Db_sanitize=address build the shim is preloaded ahead of the
   * sanitizer's runtime, which refuses that unless told it is fine. */
  const char *asan = g_getenv ("ASAN_OPTIONS");
  g_autofree char *asan_var = g_strdup_printf ("ASAN_OPTIONS=%s%sverify_asan_link_order=0",
                                               asan ? asan : "", asan && *asan ? ":" : "");
  const char *env[] = { preload, dir_var, report_var, at_var, asan_var, NULL };
  g_autoptr(GError) error = NULL;
  GSubprocess *child;

  g_unlink (log);
  g_unlink (report);
  child = pl_rel_spawn_child (doc, log, seed, EDITS, env, NULL, &error);
  g_assert_no_error (error);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  return child;
}

static void
test_power_loss (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pillars-power-XXXXXX", NULL);
  g_autofree char *run_dir = g_build_filename (dir, "disk", NULL);
  g_autofree char *base = g_build_filename (dir, "base.pillars", NULL);
  g_autofree char *doc = g_build_filename (run_dir, "strategy.pillars", NULL);
  g_autofree char *log = g_build_filename (dir, "edits.log", NULL);
  g_autofree char *report = g_build_filename (dir, "report", NULL);
  g_autoptr(PlDocument) demo = NULL;
  g_autoptr(GSubprocess) dry = NULL;
  g_autoptr(GPtrArray) states = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *end = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *hash = NULL;
  guint rounds = pl_rel_env_uint ("PL_RELIABILITY_POWER_ROUNDS", 12);
  guint32 seed = g_test_rand_int ();
  guint64 total_ops = 0;
  guint cuts = 0, in_flight_kept = 0, in_flight_lost = 0, acknowledged = 0, lost = 0;
  gint64 start = g_get_monotonic_time ();

  if (pl_rel_env_path ("PL_REL_CHILD") == NULL || pl_rel_env_path ("PL_POWERCUT_SHIM") == NULL ||
      pl_rel_env_path ("PILLARS_CLI") == NULL)
    {
      g_test_skip ("PL_REL_CHILD, PL_POWERCUT_SHIM and PILLARS_CLI must name the programs (run through meson test)");
      return;
    }
  g_mkdir (run_dir, 0700);
  demo = pl_demo_create (base, PL_DEMO_SMALL, &error);
  g_assert_no_error (error);
  pl_document_close (demo);

  /* The run without a cut: how many calls, and every state in order. */
  pl_rel_copy_file (base, doc, &error);
  g_assert_no_error (error);
  dry = run_child (run_dir, doc, log, report, 0, seed);
  g_assert_true (g_subprocess_get_if_exited (dry));
  g_assert_cmpint (g_subprocess_get_exit_status (dry), ==, 0);
  end = read_report (report, &total_ops);
  g_assert_cmpstr (end, ==, "end");
  g_assert_cmpuint (total_ops, >, 0);
  states = pl_rel_read_log (log);
  g_assert_cmpuint (states->len, ==, EDITS);
  hash = pl_rel_check_document (base, NULL, &problem);
  g_assert_null (problem);
  g_ptr_array_insert (states, 0, g_steal_pointer (&hash));  /* state 0: before any edit */

  /* Lost edits are counted over all rounds; a damaged file ends the test. */
  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GPtrArray) logged = NULL;
      g_autofree char *how = NULL;
      g_autofree char *output = NULL;
      g_autofree char *found = NULL;
      g_autofree char *found_problem = NULL;
      guint64 ops = 0;
      guint64 cut_at = (guint64) g_test_rand_int_range (1, (gint32) total_ops + 1);
      int state = -1;

      pl_rel_remove_document (doc);
      pl_rel_copy_file (base, doc, &error);
      g_assert_no_error (error);
      child = run_child (run_dir, doc, log, report, cut_at, seed);
      how = read_report (report, &ops);
      if (g_strcmp0 (how, "cut") != 0)
        {
          /* This run made fewer calls than the first: nothing was cut. */
          g_assert_true (g_subprocess_get_if_exited (child));
          g_assert_cmpint (g_subprocess_get_exit_status (child), ==, 0);
          continue;
        }
      g_assert_true (g_subprocess_get_if_signaled (child));
      cuts++;
      logged = pl_rel_read_log (log);
      acknowledged += logged->len;

      if (!pl_rel_cli_check (doc, &output))
        {
          g_test_message ("cut at call %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT " (seed %u): pillars-cli check: %s",
                          cut_at, total_ops, seed, output);
          g_test_fail ();
          break;
        }
      found = pl_rel_check_document (doc, NULL, &found_problem);
      if (found == NULL)
        {
          g_test_message ("cut at call %" G_GUINT64_FORMAT " (seed %u): %s", cut_at, seed, found_problem);
          g_test_fail ();
          break;
        }
      /* The latest state the file may hold: the acknowledged ones and the
       * one in flight. An edit can bring back an earlier state (a move and
       * its way back), so a later equal state is not looked at. */
      for (guint k = MIN (states->len, logged->len + 2); k > 0 && state < 0; k--)
        if (g_str_equal (found, states->pdata[k - 1]))
          state = (int) k - 1;
      if (state < 0 || state > (int) logged->len + 1)
        {
          g_test_message ("cut at call %" G_GUINT64_FORMAT " (seed %u): the file holds a state no edit made",
                          cut_at, seed);
          g_test_fail ();
          break;
        }
      if (state < (int) logged->len)
        {
          lost += logged->len - (guint) state;
          g_test_message ("cut at call %" G_GUINT64_FORMAT " (seed %u): %u edits acknowledged, the file holds %d",
                          cut_at, seed, logged->len, state);
          g_test_fail ();
        }
      else if (state == (int) logged->len + 1)
        in_flight_kept++;
      else
        in_flight_lost++;
    }

  g_test_message ("power loss: %u cuts among %" G_GUINT64_FORMAT " writes and syncs of %d edits, "
                  "%u acknowledged edits, %u lost; the edit in flight was kept %u times, "
                  "gone %u times; %.1f s",
                  cuts, total_ops, EDITS, acknowledged, lost, in_flight_kept, in_flight_lost,
                  (g_get_monotonic_time () - start) / 1e6);
  if (!g_test_failed ())
    {
      pl_rel_remove_document (doc);
      g_rmdir (run_dir);
      g_unlink (base);
      g_unlink (log);
      g_unlink (report);
      g_rmdir (dir);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  g_test_add_func ("/reliability/power-loss", test_power_loss);
  return g_test_run ();
}
