/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pillars-cli pillar, objective and action (pl-cli-records.c): the
 * structure of a strategy built from a script, checked in the lists and
 * in the export. */
#include "config.h"

#include "pl-cli-test-util.h"

/* The four pillars of the standard template as "pillar list" shows them,
 * numbered from @first. */
static char *
standard_pillars (guint first)
{
  return g_strdup_printf ("%u\tCapacity building\t0\t0\tSkilled people in government, business and academia.\n"
                          "%u\tAwareness raising\t0\t0\tA public that knows the risks and how to stay safe.\n"
                          "%u\tIncident response\t0\t0\tA national CSIRT and the means to detect, respond and recover.\n"
                          "%u\tLegislation and regulation\t0\t0\tLaws that let the country prevent, investigate and prosecute cybercrime.\n",
                          first, first + 1, first + 2, first + 3);
}

static void
test_pillars (void)
{
  g_autofree char *from_1 = standard_pillars (1);
  g_autofree char *from_2 = standard_pillars (2);
  g_autofree char *after_diplomacy = g_strconcat ("1\tCyber diplomacy\t0\t0\tWorking with other countries\n", from_2, NULL);

  expect_ok ("", "new", "pillars.pillars");
  /* "add" prints the new pillar's number. */
  expect_ok ("5\n", "pillar", "add", "pillars.pillars", "Cyber diplomacy", "--summary", "Working with other countries");
  expect_ok ("", "pillar", "set", "pillars.pillars", "cyber diplomacy", "--position", "1", "--body", "## Why\n\nBecause.");
  expect_ok (after_diplomacy, "pillar", "list", "pillars.pillars");

  /* Added at a position. */
  expect_ok ("2\n", "pillar", "add", "pillars.pillars", "Second", "--position", "2");
  expect_ok ("", "pillar", "remove", "pillars.pillars", "Second");
  expect_ok (after_diplomacy, "pillar", "list", "pillars.pillars");

  /* A position past the end puts it last. */
  expect_ok ("", "pillar", "set", "pillars.pillars", "1", "--position", "99");
  {
    Run r = cli ("pillar", "list", "pillars.pillars", NULL);

    g_assert_true (g_str_has_prefix (r.out, "1\tCapacity building\t"));
    g_assert_true (g_str_has_suffix (r.out, "\n5\tCyber diplomacy\t0\t0\tWorking with other countries\n"));
    run_clear (&r);
  }

  expect_ok ("", "pillar", "remove", "pillars.pillars", "5");
  expect_ok (from_1, "pillar", "list", "pillars.pillars");
  expect_ok ("", "new", "empty.pillars", "--empty");
  expect_ok ("", "pillar", "list", "empty.pillars");
}

static void
test_narrative_from_files (void)
{
  g_autofree char *body = g_build_filename (pl_cli_test_dir, "body.md", NULL);
  g_autofree char *latin1 = g_build_filename (pl_cli_test_dir, "latin1.md", NULL);
  Run r;

  expect_ok ("", "new", "narrative.pillars", "--empty");
  expect_ok ("1\n", "pillar", "add", "narrative.pillars", "Awareness");
  g_assert_true (g_file_set_contents (body, "From a file.\n", -1, NULL));
  expect_ok ("", "pillar", "set", "narrative.pillars", "1", "--body-file", "body.md");

  /* "-" is standard input. */
  r = cli_input ("From standard input.\n", "objective", "add", "narrative.pillars", "1", "Schools",
                 "--description-file", "-", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  run_clear (&r);

  r = cli ("export", "narrative.pillars", "--format", "md", "--no-title-page", "--no-plan", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "## 1. Awareness\n\nFrom a file.\n\n### 1.1 Schools\n\nFrom standard input.\n\n");
  run_clear (&r);

  /* Text that is not UTF-8 is refused, and nothing changes. */
  g_assert_true (g_file_set_contents (latin1, "Caf\xe9\n", -1, NULL));
  expect_error ("“latin1.md” is not UTF-8 text; convert it to UTF-8 and try again.",
                "pillar", "set", "narrative.pillars", "1", "--body-file", "latin1.md");
  r = cli_input ("\xff\xfe", "pillar", "set", "narrative.pillars", "1", "--body-file", "-", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.err, ==, "pillars-cli: “standard input” is not UTF-8 text; convert it to UTF-8 and try again.\n");
  run_clear (&r);
  expect_error ("Failed to open file “missing.md”: No such file or directory",
                "pillar", "set", "narrative.pillars", "1", "--body-file", "missing.md");
  r = cli ("export", "narrative.pillars", "--format", "md", "--no-title-page", "--no-plan", NULL);
  g_assert_true (g_str_has_prefix (r.out, "## 1. Awareness\n\nFrom a file.\n"));
  run_clear (&r);
}

static void
test_objectives (void)
{
  expect_ok ("", "new", "objectives.pillars");
  expect_ok ("", "objective", "add", "objectives.pillars", "2", "Reach every school");
  expect_ok ("", "objective", "add", "objectives.pillars", "Awareness raising", "Reach every parent");
  expect_ok ("", "objective", "add", "objectives.pillars", "2", "First of all", "--position", "1");
  expect_ok ("", "objective", "add", "objectives.pillars", "3", "A national CSIRT");
  expect_ok ("", "action", "add", "objectives.pillars", "2.2", "Train teachers");
  expect_ok ("", "action", "add", "objectives.pillars", "2.2", "Write a curriculum");
  expect_ok ("2.1\tFirst of all\t0\n2.2\tReach every school\t2\n2.3\tReach every parent\t0\n3.1\tA national CSIRT\t0\n",
             "objective", "list", "objectives.pillars");
  expect_ok ("3.1\tA national CSIRT\t0\n", "objective", "list", "objectives.pillars", "--pillar", "Incident response");
  expect_ok ("", "objective", "list", "objectives.pillars", "--pillar", "1");
  expect_error ("No pillar “9” in “objectives.pillars”; give its number (1–4), title or UUID (see “pillars-cli pillar list”).",
                "objective", "list", "objectives.pillars", "--pillar", "9");

  expect_ok ("", "objective", "set", "objectives.pillars", "2.2", "--title", "Reach all schools", "--position", "3");
  expect_ok ("2.1\tFirst of all\t0\n2.2\tReach every parent\t0\n2.3\tReach all schools\t2\n",
             "objective", "list", "objectives.pillars", "--pillar", "2");
  /* The pillar counts follow. */
  expect_ok ("1\tCapacity building\t0\t0\tSkilled people in government, business and academia.\n"
             "2\tAwareness raising\t3\t2\tA public that knows the risks and how to stay safe.\n"
             "3\tIncident response\t1\t0\tA national CSIRT and the means to detect, respond and recover.\n"
             "4\tLegislation and regulation\t0\t0\tLaws that let the country prevent, investigate and prosecute cybercrime.\n",
             "pillar", "list", "objectives.pillars");

  /* Removing an objective removes its actions. */
  expect_ok ("", "objective", "remove", "objectives.pillars", "2.3");
  expect_ok ("", "action", "list", "objectives.pillars");
  expect_ok ("2.1\tFirst of all\t0\n2.2\tReach every parent\t0\n3.1\tA national CSIRT\t0\n",
             "objective", "list", "objectives.pillars");
  /* And a pillar its objectives. */
  expect_ok ("", "pillar", "remove", "objectives.pillars", "2");
  expect_ok ("2.1\tA national CSIRT\t0\n", "objective", "list", "objectives.pillars");
}

static void
test_actions (void)
{
  expect_ok ("", "new", "actions.pillars");
  expect_ok ("1\n", "pillar", "add", "actions.pillars", "Cyber diplomacy", "--position", "1");
  expect_ok ("", "objective", "add", "actions.pillars", "1", "Join regional cyber dialogues");
  expect_ok ("", "action", "add", "actions.pillars", "1.1", "Appoint a cyber ambassador",
             "--lead", "Ministry of Foreign Affairs", "--timeframe", "short", "--priority", "high",
             "--indicator", "Ambassador appointed", "--cost", "KID 50,000");
  expect_ok ("", "action", "add", "actions.pillars", "1.1", "Host a regional meeting");
  expect_ok ("1.1.1\tAppoint a cyber ambassador\tMinistry of Foreign Affairs\tshort\thigh\tAmbassador appointed\tKID 50,000\tplanned\n"
             "1.1.2\tHost a regional meeting\t\tunset\tnone\t\t\tplanned\n",
             "action", "list", "actions.pillars");

  expect_usage ("--timeframe must be one of: unset, short, medium, long, ongoing (not “soon”)",
                "action", "add", "actions.pillars", "1.1", "Bad one", "--timeframe", "soon");
  expect_usage ("--status must be one of: planned, in-progress, completed, delayed, cancelled (not “done”)",
                "action", "set", "actions.pillars", "1.1.1", "--status", "done");
  expect_error ("No objective “1.2” in “actions.pillars”; give it as PILLAR.OBJECTIVE, e.g. 2.1, or its UUID (see “pillars-cli objective list”).",
                "action", "add", "actions.pillars", "1.2", "Nowhere");

  expect_ok ("", "action", "set", "actions.pillars", "1.1.1", "--status", "in-progress", "--title", "Appoint an ambassador",
             "--position", "2");
  expect_ok ("1.1.1\tHost a regional meeting\t\tunset\tnone\t\t\tplanned\n"
             "1.1.2\tAppoint an ambassador\tMinistry of Foreign Affairs\tshort\thigh\tAmbassador appointed\tKID 50,000\tin-progress\n",
             "action", "list", "actions.pillars");
  expect_ok ("", "action", "remove", "actions.pillars", "1.1.1");
  expect_ok ("1.1.1\tAppoint an ambassador\tMinistry of Foreign Affairs\tshort\thigh\tAmbassador appointed\tKID 50,000\tin-progress\n",
             "action", "list", "actions.pillars");

  /* What was built is what is exported. */
  expect_ok ("", "pillar", "set", "actions.pillars", "1", "--body", "## Why\n\nBecause.");
  {
    Run r = cli ("export", "actions.pillars", "--format", "md", "--date", "1 January 2027", NULL);

    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.err, ==, "");
    /* The pillar's own sub-heading ranks below its numbered objectives. */
    g_assert_nonnull (strstr (r.out, "\n- Date: 1 January 2027\n"));
    g_assert_nonnull (strstr (r.out, "\n## 1. Cyber diplomacy\n\n#### Why\n\nBecause.\n\n### 1.1 Join regional cyber dialogues\n\n"
                                     "- **1.1.1 Appoint an ambassador**  \n"
                                     "  Lead: Ministry of Foreign Affairs; Timeframe: Short term; Priority: High; "
                                     "Indicator: Ambassador appointed; Cost: KID 50,000; Status: In progress\n"));
    g_assert_nonnull (strstr (r.out, "| 1.1.1 | Cyber diplomacy | Join regional cyber dialogues | Appoint an ambassador |"));
    run_clear (&r);
  }
}

int
main (int   argc,
      char *argv[])
{
  pl_cli_test_init (&argc, &argv);

  g_test_add_func ("/cli/records/pillars", test_pillars);
  g_test_add_func ("/cli/records/narrative-from-files", test_narrative_from_files);
  g_test_add_func ("/cli/records/objectives", test_objectives);
  g_test_add_func ("/cli/records/actions", test_actions);
  return pl_cli_test_run ();
}
