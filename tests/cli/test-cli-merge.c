/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pillars-cli merge (pl-cli-merge.c): two facilitators' copies brought
 * into the master, the report as text and as JSON, a dry run that leaves
 * the master alone, and the refusals. */
#include "config.h"

#include "pl-cli-test-util.h"

static void
copy_in_dir (const char *from,
             const char *to)
{
  g_autofree char *a = g_build_filename (pl_cli_test_dir, from, NULL);
  g_autofree char *b = g_build_filename (pl_cli_test_dir, to, NULL);
  g_autoptr(GFile) fa = g_file_new_for_path (a);
  g_autoptr(GFile) fb = g_file_new_for_path (b);
  g_autoptr(GError) error = NULL;

  g_file_copy (fa, fb, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static char *
checksum_in_dir (const char *name)
{
  g_autofree char *path = g_build_filename (pl_cli_test_dir, name, NULL);
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

static const char report_text[] =
  "Merged: a.pillars\n"
  "Merged: b.pillars\n"
  "Kind             Added Updated Unchanged Deleted Conflicts Folded Orphaned\n"
  "Strategy             0       0         2       0         0      0        0\n"
  "Sections             0       0        10       0         0      0        0\n"
  "Pillars              0       0        10       0         0      0        0\n"
  "Objectives           0       0        24       0         0      0        0\n"
  "Actions              0       2        58       0         1      0        0\n"
  "Workshops            0       0         4       0         0      0        0\n"
  "Stakeholders         0       0        30       0         0      0        0\n"
  "Feedback             2       0        80       0         0      0        0\n"
  "\n"
  "Conflicts (the newer edit won; the other value is kept here):\n"
  "- Actions “Design a three-day cyber hygiene course for public servants”, Estimated cost (from b.pillars)\n"
  "    kept:  cost from B\n"
  "    other: cost from A\n";

static void
test_merge_text_and_json (void)
{
  g_autofree char *dry = g_strconcat ("Dry run: the document was not changed.\n", report_text, NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  Run r;

  expect_ok (NULL, "demo", "m.pillars");
  copy_in_dir ("m.pillars", "a.pillars");
  copy_in_dir ("m.pillars", "b.pillars");
  expect_ok (NULL, "feedback", "add", "a.pillars", "From laptop A");
  expect_ok (NULL, "feedback", "add", "b.pillars", "From laptop B");
  expect_ok ("", "action", "set", "a.pillars", "1.1.1", "--cost", "cost from A");
  expect_ok ("", "action", "set", "b.pillars", "1.1.1", "--cost", "cost from B");

  before = checksum_in_dir ("m.pillars");
  expect_ok (dry, "merge", "--dry-run", "m.pillars", "a.pillars", "b.pillars");
  after = checksum_in_dir ("m.pillars");
  g_assert_cmpstr (before, ==, after);

  expect_ok (report_text, "merge", "m.pillars", "a.pillars", "b.pillars");
  r = cli ("feedback", "list", "m.pillars", NULL);
  g_assert_nonnull (strstr (r.out, "From laptop A"));
  g_assert_nonnull (strstr (r.out, "From laptop B"));
  run_clear (&r);

  /* The same copies again: nothing new, as JSON for a script. */
  expect_ok ("{\n"
             "  \"dry_run\": false,\n"
             "  \"sources\": [\"a.pillars\", \"b.pillars\"],\n"
             "  \"counts\": {\n"
             "    \"strategy\": {\"added\": 0, \"updated\": 0, \"unchanged\": 2, \"deleted\": 0, \"conflicts\": 0, \"folded\": 0, \"orphaned\": 0},\n"
             "    \"sections\": {\"added\": 0, \"updated\": 0, \"unchanged\": 10, \"deleted\": 0, \"conflicts\": 0, \"folded\": 0, \"orphaned\": 0},\n"
             "    \"pillars\": {\"added\": 0, \"updated\": 0, \"unchanged\": 10, \"deleted\": 0, \"conflicts\": 0, \"folded\": 0, \"orphaned\": 0},\n"
             "    \"objectives\": {\"added\": 0, \"updated\": 0, \"unchanged\": 24, \"deleted\": 0, \"conflicts\": 0, \"folded\": 0, \"orphaned\": 0},\n"
             "    \"actions\": {\"added\": 0, \"updated\": 0, \"unchanged\": 60, \"deleted\": 0, \"conflicts\": 0, \"folded\": 0, \"orphaned\": 0},\n"
             "    \"workshops\": {\"added\": 0, \"updated\": 0, \"unchanged\": 4, \"deleted\": 0, \"conflicts\": 0, \"folded\": 0, \"orphaned\": 0},\n"
             "    \"stakeholders\": {\"added\": 0, \"updated\": 0, \"unchanged\": 30, \"deleted\": 0, \"conflicts\": 0, \"folded\": 0, \"orphaned\": 0},\n"
             "    \"feedback\": {\"added\": 0, \"updated\": 0, \"unchanged\": 82, \"deleted\": 0, \"conflicts\": 0, \"folded\": 0, \"orphaned\": 0}\n"
             "  },\n"
             "  \"conflicts\": [],\n"
             "  \"folded\": false,\n"
             "  \"fold_groups\": []\n"
             "}\n",
             "merge", "--json", "m.pillars", "a.pillars", "b.pillars");
}

static void
test_merge_json_conflict (void)
{
  Run r;

  expect_ok (NULL, "demo", "j.pillars");
  copy_in_dir ("j.pillars", "ja.pillars");
  expect_ok ("", "action", "set", "ja.pillars", "1.1.1", "--cost", "Tab\there \"quoted\"");
  r = cli ("merge", "--json", "j.pillars", "ja.pillars", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "\"actions\": {\"added\": 0, \"updated\": 1, "));
  run_clear (&r);
}

static void
test_merge_refusals (void)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  expect_ok (NULL, "demo", "r.pillars");
  copy_in_dir ("r.pillars", "untouched.pillars");
  expect_ok (NULL, "new", "other.pillars");
  expect_ok (NULL, "feedback", "add", "other.pillars", "Elsewhere");
  before = checksum_in_dir ("r.pillars");

  expect_usage ("give the master document and at least one copy to merge into it", "merge", "r.pillars");
  expect_error ("“r.pillars” is the document being merged into: there is nothing to merge. "
                "Choose the copies made on other computers.", "merge", "r.pillars", "r.pillars");
  expect_error ("“untouched.pillars” is a copy of this document with no changes of its own: there is "
                "nothing to merge from it.", "merge", "r.pillars", "untouched.pillars");
  expect_error ("“other.pillars” is a copy of another strategy. To bring in only its workshops, "
                "stakeholders and feedback, merge with --other-strategy.", "merge", "r.pillars", "other.pillars");
  after = checksum_in_dir ("r.pillars");
  g_assert_cmpstr (before, ==, after);

  expect_ok (NULL, "merge", "--other-strategy", "r.pillars", "other.pillars");
}

int
main (int   argc,
      char *argv[])
{
  pl_cli_test_init (&argc, &argv);

  g_test_add_func ("/cli/merge/text-and-json", test_merge_text_and_json);
  g_test_add_func ("/cli/merge/json-escaping", test_merge_json_conflict);
  g_test_add_func ("/cli/merge/refusals", test_merge_refusals);
  return pl_cli_test_run ();
}
