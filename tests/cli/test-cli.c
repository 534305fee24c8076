/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pillars-cli end to end, the conventions every command shares (main.c and
 * pl-cli.c): help and version, exit codes, one-line errors that name the
 * file, usage errors, finding records by number, title or UUID, and the
 * escaping of tab-separated rows. The commands themselves are in
 * test-cli-document.c, test-cli-records.c and test-cli-feedback.c. */
#include "config.h"

#include "pl-cli-test-util.h"

static const char *const commands[] = {
  "new", "demo", "info", "check", "export", "search", "pillar", "objective", "action",
  "feedback", "workshop", "stakeholder", "import", "language", "snapshot", "merge",
  "import-feedback", "import-review",
};

static void
test_version (void)
{
  g_autofree char *version = g_strdup_printf ("pillars-cli %s (document format %d)\n",
                                              PACKAGE_VERSION, PL_SCHEMA_VERSION);

  expect_ok (version, "--version");
  expect_ok (version, "-V");
}

static void
test_help (void)
{
  const char *const asks[] = { "--help", "-h", "help" };
  Run r;

  for (guint i = 0; i < G_N_ELEMENTS (asks); i++)
    {
      r = cli (asks[i], NULL);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_cmpstr (r.err, ==, "");
      g_assert_true (g_str_has_prefix (r.out, "Usage: pillars-cli COMMAND [OPTIONS] FILE …\n"));
      /* Every command, one to a line, with its summary; the summaries in
       * one column ("import-feedback" once pushed its own out of line). */
      glong column = -1;

      for (guint j = 0; j < G_N_ELEMENTS (commands); j++)
        {
          g_autofree char *start = g_strdup_printf ("\n  %s ", commands[j]);
          const char *line = strstr (r.out, start);
          const char *summary;

          g_assert_nonnull (line);
          summary = line + strlen (start);
          while (*summary == ' ')
            summary++;
          g_assert_cmpint (*summary, !=, '\n');
          if (column < 0)
            column = summary - line;
          g_assert_cmpint (summary - line, ==, column);
        }
      g_assert_nonnull (strstr (r.out, "\nExit status: 0 success, 1 a problem with the document or data, 2 bad usage.\n"));
      run_clear (&r);
    }

  /* Without a command: the same help, on standard error, as a usage error. */
  r = cli (NULL, NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_cmpstr (r.out, ==, "");
  g_assert_true (g_str_has_prefix (r.err, "Usage: pillars-cli COMMAND [OPTIONS] FILE …\n"));
  g_assert_nonnull (strstr (r.err, "\n  stakeholder  "));
  run_clear (&r);

  /* Every command has its own --help, on standard output. */
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const char *sub = g_str_equal (commands[i], "pillar") || g_str_equal (commands[i], "objective") ||
                        g_str_equal (commands[i], "action") || g_str_equal (commands[i], "feedback") ||
                        g_str_equal (commands[i], "workshop") || g_str_equal (commands[i], "stakeholder") ||
                        g_str_equal (commands[i], "snapshot")
                        ? "list" : NULL;
      /* What the command works on: a new file for import, the master for
       * merge, the strategy for everything else. */
      const char *operand = g_str_equal (commands[i], "import") ? "NEW.pillars"
                            : g_str_equal (commands[i], "merge") ? "MASTER" : "FILE";
      g_autofree char *usage = g_strdup_printf ("Usage:\n  pillars-cli [OPTION…] %s", operand);

      r = sub ? cli (commands[i], sub, "--help", NULL) : cli (commands[i], "--help", NULL);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_cmpstr (r.err, ==, "");
      g_assert_true (g_str_has_prefix (r.out, usage));
      run_clear (&r);
    }

  r = cli ("feedback", "add", "--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "Usage:\n  pillars-cli [OPTION…] FILE TEXT — capture a comment, question or recommendation (prints its number)\n"));
  g_assert_nonnull (strstr (r.out, "  -s, --stakeholder=NAME "));
  run_clear (&r);
}

static void
test_usage_errors (void)
{
  const char *const groups[][2] = {
    { "pillar", "list, add, set, remove" },
    { "objective", "list, add, set, remove" },
    { "action", "list, add, set, remove" },
    { "feedback", "add, list, show, set, accept, remove" },
    { "workshop", "add, list, set, remove" },
    { "stakeholder", "add, list, set, fold, remove" },
  };

  expect_usage ("unknown command “frobnicate”. Run “pillars-cli --help” for the list.", "frobnicate");
  /* The message is the whole of standard error. */
  {
    Run r = cli ("frobnicate", NULL);

    g_assert_cmpuint (count_lines (r.err), ==, 1);
    run_clear (&r);
  }

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      g_autofree char *message = g_strdup_printf ("pillars-cli: %s needs a subcommand: %s. Run “pillars-cli %s SUBCOMMAND --help”.\n",
                                                  groups[i][0], groups[i][1], groups[i][0]);
      Run r;

      r = cli (groups[i][0], NULL);
      g_assert_cmpint (r.status, ==, 2);
      g_assert_cmpstr (r.out, ==, "");
      g_assert_cmpstr (r.err, ==, message);
      run_clear (&r);
      r = cli (groups[i][0], "frobnicate", NULL);
      g_assert_cmpint (r.status, ==, 2);
      g_assert_cmpstr (r.err, ==, message);
      run_clear (&r);
    }

  /* Options and arguments: the first line says what is wrong, the usage follows. */
  expect_usage ("Unknown option --no-such-option", "info", "--no-such-option", "x.pillars");
  expect_usage ("FILE is missing", "info");
  expect_usage ("Too many arguments", "info", "a.pillars", "b.pillars");
  expect_usage ("FILE is missing", "new");
  expect_usage ("FILE and TITLE are needed", "pillar", "add", "x.pillars");
  expect_usage ("FILE, PILLAR and TITLE are needed", "objective", "add", "x.pillars", "1");
  expect_usage ("FILE and WORDS are needed", "search", "x.pillars");
  expect_usage ("--limit must be positive", "search", "x.pillars", "word", "--limit", "0");
  expect_usage ("--position must be 1 or more", "pillar", "add", "x.pillars", "X", "--position", "-1");
  expect_usage ("--size must be small or big", "demo", "x.pillars", "--size", "huge");
  expect_usage ("--priority must be one of: none, low, medium, high (not “urgent”)",
                "action", "add", "x.pillars", "1.1", "X", "--priority", "urgent");
  expect_usage ("--kind must be one of: comment, question, recommendation, objection, support, amendment (not “nope”)",
                "feedback", "list", "x.pillars", "--kind", "nope");
  expect_usage ("Give --named or --not-named, not both", "stakeholder", "add", "x.pillars", "X", "--named", "--not-named");
  expect_usage ("“14/09/2026” is not a date; write it as YYYY-MM-DD", "workshop", "add", "x.pillars", "W", "--start", "14/09/2026");
  /* Usage is checked before the file is touched: none was made. */
  g_assert_false (exists_in_dir ("x.pillars"));

  {
    Run r = cli ("info", "--no-such-option", "x.pillars", NULL);

    g_assert_true (g_str_has_prefix (r.err, "pillars-cli: Unknown option --no-such-option\n\nUsage:\n  pillars-cli [OPTION…] FILE — describe a document\n"));
    run_clear (&r);
  }
}

static void
test_errors_name_the_file (void)
{
  g_autofree char *junk = g_build_filename (pl_cli_test_dir, "junk.pillars", NULL);
  g_autofree char *folder = g_build_filename (pl_cli_test_dir, "folder", NULL);

  expect_error ("“missing.pillars” does not exist. Check the name and folder.", "info", "missing.pillars");
  expect_error ("“missing.pillars” does not exist. Check the name and folder.", "pillar", "add", "missing.pillars", "X");
  g_assert_false (exists_in_dir ("missing.pillars"));

  g_assert_true (g_file_set_contents (junk, "this is not a database at all, just text\n", -1, NULL));
  expect_error ("“junk.pillars” is not a Pillars document (it is not a database at all). Choose a .pillars file.",
                "info", "junk.pillars");
  expect_error ("“junk.pillars” is not a Pillars document (it is not a database at all). Choose a .pillars file.",
                "export", "junk.pillars", "--format", "md");

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  expect_error ("“folder” is a folder, not a Pillars document. Choose a .pillars file inside it.", "info", "folder");

  expect_ok ("", "new", "exists.pillars");
  /* Never overwrite. */
  expect_error ("“exists.pillars” already exists. Choose another name, or open it instead.", "new", "exists.pillars");
  expect_error ("“exists.pillars” already exists. Choose another name, or open it instead.", "demo", "exists.pillars");

  /* Records that are not there: the message names the file and says how to find one. */
  expect_error ("No pillar “99” in “exists.pillars”; give its number (1–4), title or UUID (see “pillars-cli pillar list”).",
                "pillar", "set", "exists.pillars", "99", "--title", "x");
  expect_error ("No objective “9.9” in “exists.pillars”; give it as PILLAR.OBJECTIVE, e.g. 2.1, or its UUID (see “pillars-cli objective list”).",
                "objective", "set", "exists.pillars", "9.9");
  expect_error ("No action “1.1.1” in “exists.pillars”; give it as PILLAR.OBJECTIVE.ACTION, e.g. 2.1.3, or its UUID (see “pillars-cli action list”).",
                "action", "remove", "exists.pillars", "1.1.1");
  expect_error ("No workshop “Nowhere” in “exists.pillars”; give its id or title (see “pillars-cli workshop list”).",
                "feedback", "list", "exists.pillars", "--workshop", "Nowhere");
  expect_error ("No stakeholder “Nobody” in “exists.pillars”; give their id or name (see “pillars-cli stakeholder list”).",
                "stakeholder", "set", "exists.pillars", "Nobody", "--organisation", "x");
  expect_error ("No feedback “#7” in “exists.pillars”; give its number (see “pillars-cli feedback list”).",
                "feedback", "set", "exists.pillars", "#7", "--disposition", "accepted");
}

static void
test_finders (void)
{
  g_autofree char *uuid = NULL;
  Run r;

  expect_ok ("", "new", "find.pillars");
  expect_ok ("", "objective", "add", "find.pillars", "Awareness raising", "Reach every school");
  expect_ok ("", "action", "add", "find.pillars", "2.1", "Train teachers");

  /* A pillar by number, by title whatever its case, or by UUID. */
  expect_ok ("", "pillar", "set", "find.pillars", "1", "--summary", "by number");
  expect_ok ("", "pillar", "set", "find.pillars", "INCIDENT RESPONSE", "--summary", "by title");
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *path = g_build_filename (pl_cli_test_dir, "find.pillars", NULL);
    g_autoptr(PlDocument) doc = pl_document_open (path, PL_DOCUMENT_OPEN_READ_ONLY, &error);
    g_autoptr(PlPillar) last = NULL;

    g_assert_no_error (error);
    last = g_list_model_get_item (pl_document_get_pillars (doc), 3);
    uuid = g_strdup (pl_record_get_uuid (PL_RECORD (last)));
    pl_document_close (doc);
  }
  expect_ok ("", "pillar", "set", "find.pillars", uuid, "--summary", "by UUID");
  r = cli ("pillar", "list", "find.pillars", NULL);
  g_assert_cmpstr (r.out, ==,
                   "1\tCapacity building\t0\t0\tby number\n"
                   "2\tAwareness raising\t1\t1\tA public that knows the risks and how to stay safe.\n"
                   "3\tIncident response\t0\t0\tby title\n"
                   "4\tLegislation and regulation\t0\t0\tby UUID\n");
  run_clear (&r);

  /* Numbers out of range, zero and non-numbers are not found. */
  expect_error ("No pillar “0” in “find.pillars”; give its number (1–4), title or UUID (see “pillars-cli pillar list”).",
                "pillar", "set", "find.pillars", "0", "--summary", "x");
  expect_error ("No pillar “5” in “find.pillars”; give its number (1–4), title or UUID (see “pillars-cli pillar list”).",
                "pillar", "set", "find.pillars", "5", "--summary", "x");
  expect_error ("No objective “2.2” in “find.pillars”; give it as PILLAR.OBJECTIVE, e.g. 2.1, or its UUID (see “pillars-cli objective list”).",
                "objective", "set", "find.pillars", "2.2", "--title", "x");
  expect_error ("No action “2.1.2” in “find.pillars”; give it as PILLAR.OBJECTIVE.ACTION, e.g. 2.1.3, or its UUID (see “pillars-cli action list”).",
                "action", "set", "find.pillars", "2.1.2", "--title", "x");
  expect_ok ("2.1.1\tTrain teachers\t\tunset\tnone\t\t\tplanned\n", "action", "list", "find.pillars");
}

static void
test_row_escaping (void)
{
  Run r;

  expect_ok ("", "new", "escape.pillars", "--empty");
  /* Tabs and newlines inside a field would break the columns: they are
   * written \t and \n, a backslash \\, and carriage returns are dropped. */
  expect_ok ("1\n", "pillar", "add", "escape.pillars", "Tab\there", "--summary", "line 1\r\nline 2 back\\slash");
  r = cli ("pillar", "list", "escape.pillars", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "1\tTab\\there\t0\t0\tline 1\\nline 2 back\\\\slash\n");
  run_clear (&r);

  /* Empty fields keep their place (a title cannot be empty). */
  expect_error ("The title cannot be empty; type a title", "objective", "add", "escape.pillars", "1", "");
  expect_ok ("", "objective", "add", "escape.pillars", "1", "Objective");
  expect_ok ("1\tTab\\there\t1\t0\tline 1\\nline 2 back\\\\slash\n", "pillar", "list", "escape.pillars");
  expect_ok ("", "pillar", "set", "escape.pillars", "1", "--summary", "");
  expect_ok ("1\tTab\\there\t1\t0\t\n", "pillar", "list", "escape.pillars");
  expect_ok ("", "pillar", "set", "escape.pillars", "1", "--summary", "line 1\r\nline 2 back\\slash");
  /* Non-ASCII text passes through as it is. */
  expect_ok ("", "pillar", "set", "escape.pillars", "1", "--title", "Sécurité — «nationale»");
  expect_ok ("1\tSécurité — «nationale»\t1\t0\tline 1\\nline 2 back\\\\slash\n", "pillar", "list", "escape.pillars");
}

/* No byte a terminal acts on: C0 controls but tab and newline, DEL, C1
 * controls (U+0080–U+009F), bidi embeddings, overrides, isolates and
 * marks. */
static void
assert_terminal_safe (const char *text)
{
  const guchar *p = (const guchar *) text;

  g_assert_true (g_utf8_validate (text, -1, NULL));
  for (; *p; p++)
    {
      if ((*p < 0x20 && *p != '\t' && *p != '\n') || *p == 0x7F ||
          (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) ||
          (p[0] == 0xE2 && p[1] == 0x80 && ((p[2] >= 0xAA && p[2] <= 0xAE) || p[2] == 0x8E || p[2] == 0x8F)) ||
          (p[0] == 0xE2 && p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9) ||
          (p[0] == 0xD8 && p[1] == 0x9C))
        {
          g_test_message ("a terminal control at byte %u of: %s", (guint) (p - (const guchar *) text), text);
          g_test_fail ();
          return;
        }
    }
}

/* A document received from someone else cannot rewrite or spoof the
 * terminal: ESC, CSI as one C1 character (U+009B), DEL, bidi overrides and
 * bytes that are not UTF-8 are shown as escapes in every output and
 * message. */
static void
test_terminal_escapes (void)
{
  /* ESC [2J clears the screen; ESC ] 0; … BEL sets the window title. */
  const char *title = "Strategy\x1b[2J\xc2\x9b" "31m red \xe2\x80\xae" "exe.txt\x7f";
  const char *pillar = "Pillar\x1b]0;owned\x07 \xe2\x81\xa6isolate\xe2\x81\xa9 \xe2\x80\x8fmark";
  const char *feedback = "Feedback \x1b[31mred\x1b[0m \xc2\x85next";
  const char *person = "Person \xc2\x9b" "1A";
  const char *const lists[][4] = {
    { "pillar", "list", "terminal.pillars", NULL },
    { "feedback", "list", "terminal.pillars", NULL },
    { "stakeholder", "list", "terminal.pillars", NULL },
    { "search", "terminal.pillars", "pillar", NULL },
    { "search", "terminal.pillars", "feedback", NULL },
    { "info", "terminal.pillars", NULL },
  };
  Run r;

  expect_ok ("", "new", "terminal.pillars", "--empty", "--title", title);
  expect_ok ("1\n", "pillar", "add", "terminal.pillars", pillar, "--summary", "\x1b[1mbold\x1b[0m");
  expect_ok ("1\n", "feedback", "add", "terminal.pillars", feedback, "--stakeholder", person, "--pillar", "1");

  expect_ok ("1\tPillar\\x1b]0;owned\\x07 \\u2066isolate\\u2069 \\u200fmark\t0\t0\t\\x1b[1mbold\\x1b[0m\n",
             "pillar", "list", "terminal.pillars");
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      r = cli (lists[i][0], lists[i][1], lists[i][2], lists[i][3], NULL);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_cmpstr (r.err, ==, "");
      g_assert_cmpstr (r.out, !=, "");
      assert_terminal_safe (r.out);
      run_clear (&r);
    }
  r = cli ("feedback", "list", "terminal.pillars", NULL);
  g_assert_nonnull (strstr (r.out, "\tPerson \\u009b1A\t"));
  g_assert_nonnull (strstr (r.out, "\tFeedback \\x1b[31mred\\x1b[0m \\u0085next\t"));
  run_clear (&r);
  r = cli ("info", "terminal.pillars", NULL);
  g_assert_true (g_str_has_prefix (r.out, "Title:          Strategy\\x1b[2J\\u009b31m red \\u202eexe.txt\\x7f\n"));
  run_clear (&r);

  /* Messages that quote what the user or a document gave. */
  expect_error ("No pillar “No\\x1b[2Jsuch\\u202e” in “terminal.pillars”; give its number (1–1), title or UUID (see “pillars-cli pillar list”).",
                "pillar", "set", "terminal.pillars", "No\x1b[2Jsuch\xe2\x80\xae", "--title", "x");
  expect_usage ("unknown command “\\x1b[2J\\xff”. Run “pillars-cli --help” for the list.", "\x1b[2J\xff");
  r = cli ("pillar", "list", "no\x1b[2J.pillars", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "no\\x1b[2J.pillars"));
  assert_terminal_safe (r.err);
  run_clear (&r);
}

static void
test_locked (void)
{
  g_autofree char *path = g_build_filename (pl_cli_test_dir, "locked.pillars", NULL);
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  expect_ok ("", "new", "locked.pillars");
  doc = pl_document_open (path, PL_DOCUMENT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  expect_error ("“locked.pillars” is already open for editing in another window or program. Close it there first, or open it read-only.",
                "pillar", "add", "locked.pillars", "Second writer");
  /* Readers are fine while it is open. */
  expect_ok ("1\tCapacity building\t0\t0\tSkilled people in government, business and academia.\n"
             "2\tAwareness raising\t0\t0\tA public that knows the risks and how to stay safe.\n"
             "3\tIncident response\t0\t0\tA national CSIRT and the means to detect, respond and recover.\n"
             "4\tLegislation and regulation\t0\t0\tLaws that let the country prevent, investigate and prosecute cybercrime.\n",
             "pillar", "list", "locked.pillars");

  pl_document_close (doc);
  expect_ok ("5\n", "pillar", "add", "locked.pillars", "Second writer");
}

int
main (int   argc,
      char *argv[])
{
  pl_cli_test_init (&argc, &argv);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/errors-name-the-file", test_errors_name_the_file);
  g_test_add_func ("/cli/finders", test_finders);
  g_test_add_func ("/cli/row-escaping", test_row_escaping);
  g_test_add_func ("/cli/terminal-escapes", test_terminal_escapes);
  g_test_add_func ("/cli/locked", test_locked);
  return pl_cli_test_run ();
}
