/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pillars-cli snapshot create/list/show/diff/restore/rename/delete and
 * export --compare (pl-cli-snapshot.c). */
#include "config.h"

#include "pl-cli-test-util.h"

static void
test_create_list_show (void)
{
  Run r;

  expect_ok ("", "new", "snap.pillars", "--title", "Strategy of Testland");
  expect_ok ("1\n", "snapshot", "create", "snap.pillars", "v0.3 — as presented at the workshop");
  r = cli ("snapshot", "list", "snap.pillars", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpuint (count_lines (r.out), ==, 1);
  g_assert_true (g_str_has_prefix (r.out, "1\t"));
  g_assert_nonnull (strstr (r.out, "\tdrafting\tmanual\tv0.3 — as presented at the workshop\t"));
  run_clear (&r);
  r = cli ("snapshot", "show", "snap.pillars", "1", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Name:           v0.3 — as presented at the workshop\n"));
  g_assert_nonnull (strstr (r.out, "Pillars:        4\n"));
  run_clear (&r);
  /* By name too. */
  r = cli ("snapshot", "show", "snap.pillars", "v0.3 — as presented at the workshop", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  expect_error ("There is no snapshot “7”. Give its number, name or UUID as “pillars-cli snapshot list” shows them.",
                "snapshot", "show", "snap.pillars", "7");
  expect_usage ("FILE and LABEL are needed", "snapshot", "create", "snap.pillars");
  expect_error ("Give the snapshot a name, such as “v0.3 — as presented at the validation workshop”.",
                "snapshot", "create", "snap.pillars", "   ");
}

static void
test_diff_restore (void)
{
  Run r;

  expect_ok ("", "new", "diff.pillars", "--title", "Strategy of Testland");
  expect_ok ("1\n", "snapshot", "create", "diff.pillars", "Workshop");
  expect_ok ("Changes since “Workshop” in the current draft\nNo changes\n", "snapshot", "diff", "diff.pillars", "Workshop");
  expect_ok ("", "pillar", "set", "diff.pillars", "1", "--title", "Capacity and skills");
  expect_ok (NULL, "objective", "add", "diff.pillars", "1", "Train responders");
  r = cli ("snapshot", "diff", "diff.pillars", "1", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "Changes since “Workshop” in the current draft\n"
                                          "1 pillar changed, 1 objective added, 4 words inserted, 1 deleted\n"));
  g_assert_nonnull (strstr (r.out, "Title: Capacity building → Capacity and skills\n"));
  g_assert_nonnull (strstr (r.out, "Objective 1.1 “Train responders”: added\n"));
  run_clear (&r);

  /* Restore: the draft as it was comes back, and the one before is kept. */
  expect_ok ("Restored “Workshop”. The draft as it was is snapshot 2; restore it to undo.\n",
             "snapshot", "restore", "diff.pillars", "Workshop");
  expect_ok ("Changes since “Workshop” in the current draft\nNo changes\n", "snapshot", "diff", "diff.pillars", "Workshop");
  r = cli ("pillar", "list", "diff.pillars", NULL);
  g_assert_true (g_str_has_prefix (r.out, "1\tCapacity building\t0\t0\t"));
  run_clear (&r);
  /* Two snapshots compared with each other. */
  r = cli ("snapshot", "diff", "diff.pillars", "1", "2", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "Changes from “Workshop” to “Before restoring “Workshop””\n"));
  run_clear (&r);
  /* Undo the restore. */
  expect_ok (NULL, "snapshot", "restore", "diff.pillars", "2");
  r = cli ("pillar", "list", "diff.pillars", NULL);
  g_assert_true (g_str_has_prefix (r.out, "1\tCapacity and skills\t1\t0\t"));
  run_clear (&r);

  expect_ok ("", "snapshot", "rename", "diff.pillars", "1", "v0.3");
  expect_ok ("", "snapshot", "delete", "diff.pillars", "v0.3");
  r = cli ("snapshot", "list", "diff.pillars", NULL);
  g_assert_null (strstr (r.out, "v0.3"));
  run_clear (&r);
}

static void
test_export_compare (void)
{
  Run r;

  expect_ok ("", "new", "red.pillars", "--title", "Strategy of Testland");
  expect_ok ("1\n", "snapshot", "create", "red.pillars", "Workshop");
  expect_ok ("", "pillar", "set", "red.pillars", "1", "--summary", "A skilled and growing workforce");
  r = cli ("export", "red.pillars", "--format", "html", "--compare", "Workshop", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "</ins>"));
  g_assert_nonnull (strstr (r.out, "Changes since “Workshop”"));
  run_clear (&r);
  expect_ok ("", "export", "red.pillars", "--format", "docx", "--compare", "1", "-o", "red.docx");
  g_assert_true (exists_in_dir ("red.docx"));
  expect_usage ("--compare works with --format docx, odt or html",
                "export", "red.pillars", "--format", "md", "--compare", "1");
  expect_error ("There is no snapshot “9”. Give its number, name or UUID as “pillars-cli snapshot list” shows them.",
                "export", "red.pillars", "--format", "odt", "--compare", "9");
}

int
main (int   argc,
      char *argv[])
{
  pl_cli_test_init (&argc, &argv);
  g_test_add_func ("/cli/snapshot/create-list-show", test_create_list_show);
  g_test_add_func ("/cli/snapshot/diff-restore", test_diff_restore);
  g_test_add_func ("/cli/snapshot/export-compare", test_export_compare);
  return pl_cli_test_run ();
}
