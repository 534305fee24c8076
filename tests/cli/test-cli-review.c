/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pillars-cli feedback add --proposal, feedback show and feedback accept
 * (pl-cli-amend.c): amendments captured, applied and traced. */
#include "config.h"

#include "pl-cli-test-util.h"

static void
test_amendment_round (void)
{
  Run r;

  expect_ok ("", "new", "amend.pillars", "--empty");
  expect_ok ("1\n", "pillar", "add", "amend.pillars", "Resilience");
  expect_ok ("", "objective", "add", "amend.pillars", "1", "Protect infrastructure",
             "--description", "Audit every operator of essential services by 2027.");
  expect_ok ("1\n", "feedback", "add", "amend.pillars", "2027 is too early for the audits.",
             "--objective", "1.1", "--quote", "by 2027", "--proposal", "by the end of 2028",
             "--stakeholder", "Ministry of Finance");

  r = cli ("feedback", "show", "amend.pillars", "1", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Kind:         amendment\n"));
  g_assert_nonnull (strstr (r.out, "Disposition:  open\n"));
  g_assert_nonnull (strstr (r.out, "Quote:        by 2027\n"));
  g_assert_nonnull (strstr (r.out, "Operation:    replace\n"));
  g_assert_nonnull (strstr (r.out, "Proposal:     by the end of 2028\n"));
  g_assert_null (strstr (r.out, "Answered by:"));
  run_clear (&r);

  expect_ok ("Changed objective “Protect infrastructure”; item 1 is accepted.\n",
             "feedback", "accept", "amend.pillars", "1");
  r = cli ("export", "amend.pillars", "--format", "md", "--no-title-page", NULL);
  g_assert_nonnull (strstr (r.out, "by the end of 2028."));
  run_clear (&r);
  r = cli ("feedback", "show", "amend.pillars", "1", NULL);
  g_assert_nonnull (strstr (r.out, "Disposition:  accepted\n"));
  g_assert_nonnull (strstr (r.out, "Answered by:  the change to objective “Protect infrastructure” (description)\n"));
  run_clear (&r);
  expect_error ("This amendment has already been applied. Use Undo to take the change back.",
                "feedback", "accept", "amend.pillars", "1");

  /* A passage that is gone leaves the item open and says so. */
  expect_ok ("2\n", "feedback", "add", "amend.pillars", "Name them.", "--objective", "1.1",
             "--quote", "every operator", "--operation", "insert-after", "--proposal", "(energy, water, health)");
  expect_ok ("3\n", "feedback", "add", "amend.pillars", "Gone", "--objective", "1.1",
             "--quote", "by 2027", "--proposal", "by 2030");
  expect_error ("The passage “by 2027” is no longer in the text. The item stays open: compare the proposal "
                "with the current wording and answer it by hand.",
                "feedback", "accept", "amend.pillars", "3");
  r = cli ("feedback", "show", "amend.pillars", "3", NULL);
  g_assert_nonnull (strstr (r.out, "Disposition:  open\n"));
  run_clear (&r);
  expect_ok (NULL, "feedback", "accept", "amend.pillars", "2");
  r = cli ("export", "amend.pillars", "--format", "md", "--no-title-page", NULL);
  g_assert_nonnull (strstr (r.out, "Audit every operator (energy, water, health) of essential services by the end of 2028."));
  run_clear (&r);

  /* Not an amendment. */
  expect_ok ("4\n", "feedback", "add", "amend.pillars", "Good", "--objective", "1.1");
  expect_error ("This item proposes no wording, so there is nothing to apply. Set its disposition instead.",
                "feedback", "accept", "amend.pillars", "4");
}

static void
test_amendment_usage (void)
{
  expect_ok ("", "new", "usage.pillars");
  expect_usage ("An amendment changes a passage of the text: give it with --quote",
                "feedback", "add", "usage.pillars", "x", "--proposal", "y");
  expect_usage ("--proposal and --operation make an amendment; leave out --kind or give --kind amendment",
                "feedback", "add", "usage.pillars", "x", "--kind", "question", "--proposal", "y", "--quote", "z");
  expect_usage ("An amendment needs the proposed wording (--proposal), or --operation delete",
                "feedback", "add", "usage.pillars", "x", "--kind", "amendment", "--quote", "z");
  expect_usage ("FILE and NUMBER are needed", "feedback", "accept", "usage.pillars");
  expect_error ("No feedback “9” in “usage.pillars”; give its number (see “pillars-cli feedback list”).",
                "feedback", "show", "usage.pillars", "9");
}

static void
test_export_for_review (void)
{
  expect_ok ("", "demo", "review.pillars");
  expect_ok ("", "export", "review.pillars", "--format", "docx", "--for-review", "--deadline", "15 January 2027",
             "-o", "review.docx");
  g_assert_true (exists_in_dir ("review.docx"));
  expect_usage ("--for-review works with --format docx or odt",
                "export", "review.pillars", "--format", "md", "--for-review");
  expect_usage ("--deadline goes on a review copy’s cover note: add --for-review",
                "export", "review.pillars", "--format", "docx", "--deadline", "1 May 2027");
  expect_usage ("A review copy holds the pillars as they are now: leave out --compare and --no-pillars",
                "export", "review.pillars", "--format", "odt", "--for-review", "--no-pillars");
}

/* import-review with a copy pandoc wrote: a dry run lists, the import
 * adds, a second adds nothing, an amendment then applies. */
static void
test_import_review (void)
{
  g_autofree char *returned = g_test_build_filename (G_TEST_DIST, "data", "review", "returned-pandoc.docx", NULL);
  Run r;

  expect_ok ("", "demo", "back.pillars");
  r = cli ("import-review", "back.pillars", returned, "--dry-run", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_true (g_str_has_prefix (r.out, "To add: 2 comments, 3 amendments from 2 reviewers (2 new to the stakeholder registry).\n"
                                          "Ana Lopes: 1 comment, 1 amendment\n"
                                          "  Pillar “Capacity building”: 1 comment, 1 amendment\n"));
  g_assert_nonnull (strstr (r.out, "- Ministry of Finance, objective “Train 200 public servants in cyber hygi…”: "
                                   "replace “Every ministry has at least two” with “Every ministry has at least three” (placed by its text)\n"));
  g_assert_nonnull (strstr (r.out, "- Ana Lopes, pillar “Capacity building”: “Please cite the source of this figure.” on "
                                   "“cybersecurity, most of them in the two commercial banks.” (placed by its text)\n"));
  run_clear (&r);
  r = cli ("feedback", "list", "back.pillars", NULL);
  g_assert_null (strstr (r.out, "Ana Lopes"));
  run_clear (&r);

  r = cli ("import-review", "back.pillars", returned, "--organisation", "Ministry of Justice", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_suffix (r.out, "Added 5 items.\n"));
  run_clear (&r);
  r = cli ("stakeholder", "list", "back.pillars", NULL);
  g_assert_nonnull (strstr (r.out, "Ana Lopes\tMinistry of Justice"));
  run_clear (&r);
  r = cli ("import-review", "back.pillars", returned, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "Nothing new to import.\n"));
  g_assert_nonnull (strstr (r.out, "returned-pandoc.docx: 5 items were imported before; they are not added again.\n"));
  g_assert_null (strstr (r.out, "Added"));
  run_clear (&r);

  /* The newest item is the Ministry of Finance's comment; the amendments
   * before it apply. */
  r = cli ("feedback", "list", "back.pillars", NULL);
  {
    g_auto(GStrv) lines = g_strsplit (r.out, "\n", -1);
    guint accepted = 0;

    for (guint i = 0; lines[i] != NULL; i++)
      if (strstr (lines[i], "\tamendment\t") != NULL)
        {
          g_autofree char *number = g_strndup (lines[i], strcspn (lines[i], "\t"));
          Run a = cli ("feedback", "accept", "back.pillars", number, NULL);

          g_assert_cmpint (a.status, ==, 0);
          accepted++;
          run_clear (&a);
        }
    g_assert_cmpuint (accepted, ==, 3);
  }
  run_clear (&r);
  r = cli ("export", "back.pillars", "--format", "md", "--no-title-page", NULL);
  g_assert_nonnull (strstr (r.out, "Every ministry has at least three people"));
  run_clear (&r);

  expect_usage ("FILE and at least one returned copy (REVIEWED.docx) are needed", "import-review", "back.pillars");
  expect_error ("“nowhere.docx” does not exist. Check the name and the folder.",
                "import-review", "back.pillars", "nowhere.docx");
}

/* A copy of another strategy: refused, and the message says how to force. */
static void
test_import_review_other (void)
{
  expect_ok ("", "demo", "one.pillars");
  expect_ok ("", "demo", "two.pillars");
  expect_ok ("", "export", "two.pillars", "--format", "docx", "--for-review", "-o", "two.docx");
  expect_error ("“two.docx” is a review copy of another strategy, not of this one. Choose the copy made from this file, "
                "or import it anyway (its comments are then placed by their text only). (To import it anyway: --force-other-strategy.)",
                "import-review", "one.pillars", "two.docx");
  expect_ok ("Nothing new to import.\n", "import-review", "one.pillars", "two.docx", "--force-other-strategy");
}

int
main (int argc, char **argv)
{
  pl_cli_test_init (&argc, &argv);
  g_test_add_func ("/cli/review/amendment", test_amendment_round);
  g_test_add_func ("/cli/review/usage", test_amendment_usage);
  g_test_add_func ("/cli/review/export", test_export_for_review);
  g_test_add_func ("/cli/review/import", test_import_review);
  g_test_add_func ("/cli/review/import-other", test_import_review_other);
  return pl_cli_test_run ();
}
