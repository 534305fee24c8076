/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "pl-document.h"

/* pillars-cli end to end: the program as a user scripting a workshop runs it. */

static char *tmpdir;

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

static Run
cli (const char *first, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli_path = g_getenv ("PILLARS_CLI");
  Run r = { -1, NULL, NULL };
  int wait_status = 0;
  va_list args;

  g_assert_nonnull (cli_path);
  g_ptr_array_add (argv, (gpointer) cli_path);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (tmpdir, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &r.out, &r.err, &wait_status, &error);
  g_assert_no_error (error);
  r.status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : 128;
  return r;
}

static char *
path_in_tmp (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; p && *p; p++)
    n += *p == '\n';
  return n;
}

static void
test_usage (void)
{
  Run r;

  r = cli ("--version", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "pillars-cli "));
  run_clear (&r);

  r = cli ("--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "feedback"));
  run_clear (&r);

  r = cli (NULL, NULL);
  g_assert_cmpint (r.status, ==, 2);
  run_clear (&r);

  r = cli ("frobnicate", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "frobnicate"));
  run_clear (&r);

  r = cli ("info", "--no-such-option", "x.pillars", NULL);
  g_assert_cmpint (r.status, ==, 2);
  run_clear (&r);

  r = cli ("pillar", NULL);
  g_assert_cmpint (r.status, ==, 2);
  run_clear (&r);

  r = cli ("feedback", "add", "--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "--stakeholder"));
  run_clear (&r);
}

static void
test_new_and_info (void)
{
  g_autofree char *file = path_in_tmp ("new.pillars");
  Run r;

  r = cli ("new", file, "--title", "Strategy of Testland", "--country", "Testland", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);

  r = cli ("info", file, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Strategy of Testland"));
  g_assert_nonnull (strstr (r.out, "Testland"));
  g_assert_true (g_regex_match_simple ("Pillars:\\s+4\\n", r.out, 0, 0));
  g_assert_true (g_regex_match_simple ("Sections:\\s+5\\n", r.out, 0, 0));
  g_assert_true (g_regex_match_simple ("Schema:\\s+2\\n", r.out, 0, 0));
  run_clear (&r);

  /* Never overwrite. */
  r = cli ("new", file, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "new.pillars"));
  g_assert_cmpuint (count_lines (r.err), ==, 1);
  run_clear (&r);

  r = cli ("check", file, NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
}

static void
test_errors_name_the_file (void)
{
  g_autofree char *missing = path_in_tmp ("missing.pillars");
  g_autofree char *junk = path_in_tmp ("junk.pillars");
  Run r;

  r = cli ("info", missing, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "missing.pillars"));
  g_assert_cmpuint (count_lines (r.err), ==, 1);
  run_clear (&r);

  g_assert_true (g_file_set_contents (junk, "this is not a database at all, just text\n", -1, NULL));
  r = cli ("info", junk, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "junk.pillars"));
  g_assert_nonnull (strstr (r.err, "not a Pillars document"));
  run_clear (&r);

  r = cli ("info", tmpdir, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "folder"));
  run_clear (&r);
}

static void
test_structure (void)
{
  g_autofree char *file = path_in_tmp ("structure.pillars");
  Run r;

  r = cli ("new", file, NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);

  r = cli ("pillar", "add", file, "Cyber diplomacy", "--summary", "Working with other countries", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "5\n");
  run_clear (&r);

  r = cli ("pillar", "set", file, "cyber diplomacy", "--position", "1", "--body", "## Why\n\nBecause.", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);

  r = cli ("pillar", "list", file, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpuint (count_lines (r.out), ==, 5);
  g_assert_true (g_str_has_prefix (r.out, "1\tCyber diplomacy\t0\t0\tWorking with other countries\n"));
  run_clear (&r);

  r = cli ("objective", "add", file, "1", "Join regional cyber dialogues", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);

  r = cli ("action", "add", file, "1.1", "Appoint a cyber ambassador", "--lead", "Ministry of Foreign Affairs",
           "--timeframe", "short", "--priority", "high", "--indicator", "Ambassador appointed", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);

  r = cli ("action", "add", file, "1.1", "Bad one", "--timeframe", "soon", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "short, medium, long"));
  run_clear (&r);

  r = cli ("action", "list", file, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "1.1.1\tAppoint a cyber ambassador\tMinistry of Foreign Affairs\tshort\thigh\tAmbassador appointed\t\tplanned\n");
  run_clear (&r);

  r = cli ("action", "set", file, "1.1.1", "--status", "in-progress", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);

  r = cli ("pillar", "remove", file, "2", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);

  r = cli ("pillar", "list", file, NULL);
  g_assert_cmpuint (count_lines (r.out), ==, 4);
  g_assert_null (strstr (r.out, "Capacity building"));
  run_clear (&r);

  r = cli ("objective", "list", file, NULL);
  g_assert_cmpstr (r.out, ==, "1.1\tJoin regional cyber dialogues\t1\n");
  run_clear (&r);

  r = cli ("pillar", "set", file, "99", "--title", "x", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "99"));
  run_clear (&r);

  r = cli ("export", file, "--format", "md", "--date", "1 January 2027", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "## 1. Cyber diplomacy"));
  g_assert_nonnull (strstr (r.out, "### Why"));
  g_assert_nonnull (strstr (r.out, "| 1.1.1 | Cyber diplomacy | Join regional cyber dialogues | Appoint a cyber ambassador |"));
  g_assert_nonnull (strstr (r.out, "In progress"));
  g_assert_nonnull (strstr (r.out, "1 January 2027"));
  run_clear (&r);
}

static void
test_workshop_flow (void)
{
  g_autofree char *file = path_in_tmp ("workshop.pillars");
  Run r;

  r = cli ("new", file, NULL);
  run_clear (&r);

  r = cli ("workshop", "add", file, "National validation workshop", "--region", "North", "--location", "Capital",
           "--partner", "ITU", "--start", "2026-09-14", "--end", "2026-09-15", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "1\n");
  run_clear (&r);

  r = cli ("workshop", "add", file, "Bad dates", "--start", "14/09/2026", NULL);
  g_assert_cmpint (r.status, ==, 2);
  run_clear (&r);

  r = cli ("feedback", "add", file, "Please add a target for women in cybersecurity.", "--kind", "recommendation",
           "--stakeholder", "Ana Lima", "--organisation", "Women in Tech", "--sector", "civil-society",
           "--workshop", "1", "--pillar", "Capacity building", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "1\n");
  run_clear (&r);

  r = cli ("feedback", "add", file, "Who funds the CSIRT?", "--kind", "question",
           "--stakeholder", "ana lima", "--workshop", "National validation workshop", "--pillar", "3", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);

  r = cli ("feedback", "add", file, "Too vague", "--stakeholder", "A. Lima", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);

  /* "ana lima" matched the existing stakeholder; "A. Lima" is a new one. */
  r = cli ("stakeholder", "list", file, NULL);
  g_assert_cmpuint (count_lines (r.out), ==, 2);
  run_clear (&r);

  r = cli ("feedback", "list", file, "--count", NULL);
  g_assert_cmpstr (r.out, ==, "3 open of 3\n");
  run_clear (&r);

  r = cli ("feedback", "set", file, "1", "--disposition", "accepted", "--response", "Target of 40% added.", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);

  r = cli ("feedback", "set", file, "1", "--disposition", "maybe", NULL);
  g_assert_cmpint (r.status, ==, 2);
  run_clear (&r);

  r = cli ("feedback", "list", file, "--count", NULL);
  g_assert_cmpstr (r.out, ==, "2 open of 3\n");
  run_clear (&r);

  r = cli ("feedback", "list", file, "--pillar", "1", NULL);
  g_assert_cmpuint (count_lines (r.out), ==, 1);
  g_assert_nonnull (strstr (r.out, "\taccepted\tAna Lima\tWomen in Tech\tpillar: Capacity building\t"));
  g_assert_nonnull (strstr (r.out, "Target of 40% added."));
  run_clear (&r);

  r = cli ("feedback", "list", file, "--search", "csirt", NULL);
  g_assert_cmpuint (count_lines (r.out), ==, 1);
  run_clear (&r);

  r = cli ("feedback", "list", file, "--kind", "question", "--workshop", "1", NULL);
  g_assert_cmpuint (count_lines (r.out), ==, 1);
  run_clear (&r);

  r = cli ("feedback", "list", file, "--sector", "civil-society", "--count", NULL);
  g_assert_cmpstr (r.out, ==, "1 open of 2\n");
  run_clear (&r);

  r = cli ("stakeholder", "fold", file, "A. Lima", "Ana Lima", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);

  r = cli ("feedback", "list", file, "--stakeholder", "Ana Lima", "--count", NULL);
  g_assert_cmpstr (r.out, ==, "2 open of 3\n");
  run_clear (&r);

  r = cli ("stakeholder", "list", file, NULL);
  g_assert_cmpuint (count_lines (r.out), ==, 1);
  run_clear (&r);

  r = cli ("workshop", "list", file, NULL);
  g_assert_nonnull (strstr (r.out, "1\tNational validation workshop\tNorth\tCapital\tITU\t2026-09-14\t2026-09-15\t2\n"));
  run_clear (&r);

  r = cli ("export", file, "--format", "csv", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "\xEF\xBB\xBF\"No.\""));
  /* Ana Lima did not agree to be named: never named. */
  g_assert_null (strstr (r.out, "Ana Lima"));
  run_clear (&r);
}

static void
test_locked (void)
{
  g_autofree char *file = path_in_tmp ("locked.pillars");
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  Run r;

  r = cli ("new", file, NULL);
  run_clear (&r);

  doc = pl_document_open (file, PL_DOCUMENT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  r = cli ("pillar", "add", file, "Second writer", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "already open"));
  run_clear (&r);

  /* Readers are fine while it is open. */
  r = cli ("pillar", "list", file, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpuint (count_lines (r.out), ==, 4);
  run_clear (&r);

  pl_document_close (doc);
  r = cli ("pillar", "add", file, "Second writer", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
}

static void
test_demo (void)
{
  g_autofree char *file = path_in_tmp ("demo.pillars");
  Run r;

  r = cli ("demo", file, NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);

  r = cli ("info", file, NULL);
  g_assert_true (g_regex_match_simple ("Actions:\\s+30\\n", r.out, 0, 0));
  g_assert_true (g_regex_match_simple ("Feedback:\\s+40\\n", r.out, 0, 0));
  run_clear (&r);

  r = cli ("check", file, NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);

  r = cli ("search", file, "incident", "response", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpuint (count_lines (r.out), >, 0);
  run_clear (&r);

  r = cli ("demo", file, "--size", "huge", NULL);
  g_assert_cmpint (r.status, ==, 2);
  run_clear (&r);
}

int
main (int argc, char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  tmpdir = g_dir_make_tmp ("pillars-cli-XXXXXX", NULL);

  g_test_add_func ("/cli/usage", test_usage);
  g_test_add_func ("/cli/new-and-info", test_new_and_info);
  g_test_add_func ("/cli/errors-name-the-file", test_errors_name_the_file);
  g_test_add_func ("/cli/structure", test_structure);
  g_test_add_func ("/cli/workshop-flow", test_workshop_flow);
  g_test_add_func ("/cli/locked", test_locked);
  g_test_add_func ("/cli/demo", test_demo);

  ret = g_test_run ();
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", tmpdir);
    (void) !system (cmd);
  }
  return ret;
}
