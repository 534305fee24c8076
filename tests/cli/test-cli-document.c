/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pillars-cli new, demo, info, check, export and search
 * (pl-cli-document.c): whole documents. */
#include "config.h"

#include "pl-cli-test-util.h"

/* "info" of the example strategy, written once for the tests that read it. */
static const char demo_info[] =
  "Title:          National Cybersecurity Strategy 2026–2030\n"
  "Country:        Republic of the Kestrel Islands\n"
  "Version:        Draft v0.4\n"
  "Status:         Validation\n"
  "Lead agency:    Ministry of Digital Transformation\n"
  "Marking:        DRAFT — FOR CONSULTATION\n"
  "Language:       en (the user interface’s)\n"
  "Schema:         6\n"
  "Sections:       5\n"
  "Pillars:        5\n"
  "Objectives:     12\n"
  "Actions:        30\n"
  "Workshops:      2\n"
  "Stakeholders:   15\n"
  "Feedback:       40\n"
  "Snapshots:      1\n"
  "Open feedback:  10\n";

/* Whether @needle is somewhere in binary @data (which may hold NULs). */
static gboolean
contains_bytes (const char *data,
                gsize       length,
                const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static void
ensure_demo (void)
{
  if (!exists_in_dir ("demo.pillars"))
    expect_ok ("", "demo", "demo.pillars");
}

static void
test_new_and_info (void)
{
  expect_ok ("", "new", "new.pillars", "--title", "Strategy of Testland", "--country", "Testland");
  expect_ok ("Title:          Strategy of Testland\n"
             "Country:        Testland\n"
             "Version:        Draft 0.1\n"
             "Status:         Drafting\n"
             "Lead agency:    \n"
             "Marking:        DRAFT — FOR CONSULTATION\n"
             "Language:       en (the user interface’s)\n"
             "Schema:         6\n"
             "Sections:       5\n"
             "Pillars:        4\n"
             "Objectives:     0\n"
             "Actions:        0\n"
             "Workshops:      0\n"
             "Stakeholders:   0\n"
             "Feedback:       0\n"
             "Snapshots:      0\n"
             "Open feedback:  0\n",
             "info", "new.pillars");

  /* --empty: the strategy row only. */
  expect_ok ("", "new", "empty.pillars", "--empty", "--title", "Bare");
  {
    Run r = cli ("info", "empty.pillars", NULL);

    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_str_has_prefix (r.out, "Title:          Bare\nCountry:        \n"));
    g_assert_nonnull (strstr (r.out, "\nSections:       0\nPillars:        0\n"));
    run_clear (&r);
  }
}

static void
test_demo (void)
{
  ensure_demo ();
  expect_ok (demo_info, "info", "demo.pillars");
  expect_ok ("demo.pillars: no problems found (document format 6)\n", "check", "demo.pillars");
  /* Reading does not change the file. */
  expect_ok (demo_info, "info", "demo.pillars");
}

static void
test_check (void)
{
  g_autofree char *path = g_build_filename (pl_cli_test_dir, "damaged.pillars", NULL);
  Run r;

  expect_ok ("", "new", "damaged.pillars");
  expect_ok ("damaged.pillars: no problems found (document format 6)\n", "check", "damaged.pillars");

  /* Every problem on its own line naming the file, then what to do. */
  g_assert_true (pl_test_sqlite_exec_file (path, "UPDATE feedback_stats SET open = open + 1"));
  r = cli ("check", "damaged.pillars", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.out, ==, "");
  g_assert_cmpstr (r.err, ==,
                   "damaged.pillars: The feedback counts are out of step with the feedback\n"
                   "pillars-cli: “damaged.pillars” has 1 problem(s); open a backup copy, or export what can be read.\n");
  run_clear (&r);
}

static void
test_search (void)
{
  Run r;

  ensure_demo ();
  /* Kind, id, title and a snippet with the words in brackets, best first. */
  expect_ok ("pillar\t4\tLegislation and regulation\t…of electronic evidence, and its [penalties] are lower than for the same…\n"
             "feedback\t19\t\tIncident reports must be protected from use in regulatory [penalties], or nobody…\n",
             "search", "demo.pillars", "penalties");

  r = cli ("search", "demo.pillars", "incident", "response", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  {
    const char *expected[][3] = {
      { "objective", "7", "A national cyber incident response plan" },
      { "action", "17", "Write the national cyber incident response plan" },
      { "pillar", "3", "Incident response" },
      { "section", "5", "Glossary" },
      { "section", "1", "Executive summary" },
    };
    g_auto(GStrv) lines = g_strsplit (r.out, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (expected) + 1);
    for (guint i = 0; i < G_N_ELEMENTS (expected) && lines[i]; i++)
      {
        g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

        g_assert_cmpuint (g_strv_length (fields), ==, 4);
        g_assert_cmpstr (fields[0], ==, expected[i][0]);
        g_assert_cmpstr (fields[1], ==, expected[i][1]);
        g_assert_cmpstr (fields[2], ==, expected[i][2]);
      }
    /* The glossary's paragraphs are on one line. */
    g_assert_nonnull (strstr (r.out, "\tGlossary\t**CSIRT** — Computer Security [Incident] [Response] Team.\\n\\n**KID**"));
  }

  /* --limit keeps the best. */
  {
    Run limited = cli ("search", "demo.pillars", "--limit", "2", "incident", "response", NULL);
    const char *third = strstr (strchr (r.out, '\n') + 1, "\n") + 1;

    g_assert_cmpint (limited.status, ==, 0);
    g_assert_cmpuint (strlen (limited.out), ==, third - r.out);
    g_assert_true (strncmp (limited.out, r.out, third - r.out) == 0);
    run_clear (&limited);
  }
  run_clear (&r);

  /* Feedback is searched too, and titled by its quoted passage. */
  expect_ok ("pillar\t3\tIncident response\t…There is no national point of contact for [incidents], and no plan…\n"
             "feedback\t18\tnine days\tThe [hospital] [incident] lasted eleven days, not nine.\\nCorrected.\n",
             "search", "demo.pillars", "hospital", "incident");
  expect_ok ("", "search", "demo.pillars", "zebra");
}

static void
test_export_to_stdout (void)
{
  Run r;

  ensure_demo ();
  r = cli ("export", "demo.pillars", "--format", "md", "--date", "1 January 2027", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_true (g_str_has_prefix (r.out,
                                   "**DRAFT — FOR CONSULTATION**\n\n"
                                   "# National Cybersecurity Strategy 2026–2030\n\n"
                                   "Republic of the Kestrel Islands\n\n"
                                   "- Version: Draft v0.4\n"
                                   "- Status: Validation\n"
                                   "- Date: 1 January 2027\n"
                                   "- Lead agency: Ministry of Digital Transformation\n\n"
                                   "## Vision\n\n"));
  run_clear (&r);

  r = cli ("export", "demo.pillars", "--format", "html", "--date", "1 January 2027", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">"));
  g_assert_nonnull (strstr (r.out, "<title>National Cybersecurity Strategy 2026–2030</title>"));
  g_assert_true (g_str_has_suffix (r.out, "</html>\n"));
  run_clear (&r);

  /* The recommendations matrix: a header and one row per item. */
  r = cli ("export", "demo.pillars", "--format", "csv", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "\xEF\xBB\xBF\"No.\",\"Pillar\",\"About\",\"Kind\",\"Stakeholder\",\"Organisation\","
                                   "\"Sector\",\"Workshop\",\"Captured\",\"Comment\",\"Quoted passage\",\"Priority\","
                                   "\"Disposition\",\"Response\"\r\n"
                                   "\"1\",\"The strategy as a whole\",\"Whole strategy\",\"Comment\","
                                   "\"Participant from Chamber of Commerce\",\"Chamber of Commerce\",\"Private sector\","));
  g_assert_cmpuint (count_lines (r.out), ==, 1 + 40);
  run_clear (&r);

  /* Who may be named, and which feedback. */
  r = cli ("export", "demo.pillars", "--format", "csv", "--anonymise", "named", NULL);
  g_assert_nonnull (strstr (r.out, "\r\n\"1\",\"The strategy as a whole\",\"Whole strategy\",\"Comment\",\"Grace Mbeki\",\"Chamber of Commerce\","));
  run_clear (&r);
  r = cli ("export", "demo.pillars", "--format", "csv", "--anonymise", "anonymous", NULL);
  g_assert_nonnull (strstr (r.out, "\r\n\"1\",\"The strategy as a whole\",\"Whole strategy\",\"Comment\",\"Participant 1\",\"\","));
  g_assert_null (strstr (r.out, "Grace Mbeki"));
  run_clear (&r);
  r = cli ("export", "demo.pillars", "--format", "csv", "--disposition", "accepted", NULL);
  g_assert_cmpuint (count_lines (r.out), ==, 1 + 12);
  run_clear (&r);
  r = cli ("export", "demo.pillars", "--format", "csv", "--workshop", "1", NULL);
  g_assert_cmpuint (count_lines (r.out), ==, 1 + 28);
  run_clear (&r);
}

static void
test_export_to_file (void)
{
  g_autofree char *from_stdout = NULL;
  g_autofree char *written = NULL;
  g_autofree char *docx = NULL;
  g_autofree char *odt = NULL;
  g_autofree char *message = NULL;
  gsize docx_len = 0, odt_len = 0;
  Run r;

  ensure_demo ();
  r = cli ("export", "demo.pillars", "--format", "md", "--date", "1 January 2027", NULL);
  from_stdout = g_steal_pointer (&r.out);
  run_clear (&r);

  /* -o writes the named file, byte for byte what standard output gets. */
  expect_ok ("", "export", "demo.pillars", "--format", "md", "--date", "1 January 2027", "-o", "plan.md");
  written = read_in_dir ("plan.md", NULL);
  g_assert_cmpstr (written, ==, from_stdout);
  /* "-" is standard output. */
  expect_ok (from_stdout, "export", "demo.pillars", "--format", "md", "--date", "1 January 2027", "--output", "-");

  /* DOCX and ODT go next to the document by default, with their extension. */
  expect_ok ("", "export", "demo.pillars", "--format", "docx", "--date", "1 January 2027");
  docx = read_in_dir ("demo.docx", &docx_len);
  g_assert_nonnull (docx);
  g_assert_cmpuint (docx_len, >, 4);
  g_assert_true (memcmp (docx, "PK\003\004", 4) == 0);
  g_assert_true (contains_bytes (docx, docx_len, "word/document.xml"));

  expect_ok ("", "export", "demo.pillars", "--format", "odt", "--date", "1 January 2027", "-o", "review.odt");
  g_assert_false (exists_in_dir ("demo.odt"));
  odt = read_in_dir ("review.odt", &odt_len);
  g_assert_nonnull (odt);
  /* ODF: the first entry is "mimetype", stored. */
  g_assert_cmpuint (odt_len, >, 128);
  g_assert_true (memcmp (odt, "PK\003\004", 4) == 0);
  g_assert_true (memcmp (odt + 30, "mimetype", 8) == 0);
  g_assert_true (contains_bytes (odt, 128, "application/vnd.oasis.opendocument.text"));

  /* A place that cannot be written: one line naming it, nothing left behind. */
  message = g_strdup ("Could not write “no-such-folder/x.odt”: the folder “no-such-folder” does not exist. Choose an existing folder.");
  expect_error (message, "export", "demo.pillars", "--format", "odt", "-o", "no-such-folder/x.odt");
  g_assert_false (exists_in_dir ("no-such-folder"));
}

static void
test_export_usage (void)
{
  ensure_demo ();
  expect_usage ("--format is required (md, html, docx, odt, xlsx or csv)", "export", "demo.pillars");
  expect_usage ("--format must be md, html, docx, odt, xlsx or csv", "export", "demo.pillars", "--format", "pdf");
  expect_usage ("--anonymise must be named, organisation or anonymous",
                "export", "demo.pillars", "--format", "csv", "--anonymise", "nobody");
  expect_usage ("--disposition must be one of: open, accepted, partly-accepted, rejected, deferred, addressed (not “maybe”)",
                "export", "demo.pillars", "--format", "md", "--disposition", "maybe");
  expect_usage ("FILE is missing", "export", "--format", "md");
  expect_error ("No workshop “nosuch” in “demo.pillars”; give its id or title (see “pillars-cli workshop list”).",
                "export", "demo.pillars", "--format", "csv", "--workshop", "nosuch");
}

/* An export frees the document it read: valgrind finds no block lost
 * for good (each export leaked the whole document when a static meant to
 * keep it reachable was optimised away). */
static void
test_export_frees (void)
{
  g_autofree char *valgrind = g_find_program_in_path ("valgrind");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  Run r;

  if (valgrind == NULL)
    {
      g_test_skip ("valgrind is not installed");
      return;
    }
#ifdef PL_TEST_SANITIZED
  g_test_skip ("valgrind cannot run a sanitizer build (LeakSanitizer checks this pass)");
  return;
#endif
  expect_ok ("", "new", "frees.pillars");
  expect_ok ("5\n", "pillar", "add", "frees.pillars", "Resilience", "--body", "Critical *infrastructure*.");
  g_ptr_array_add (argv, valgrind);
  g_ptr_array_add (argv, "--leak-check=full");
  g_ptr_array_add (argv, "--errors-for-leak-kinds=definite");
  g_ptr_array_add (argv, "--error-exitcode=9");
  g_ptr_array_add (argv, "--quiet");
  g_ptr_array_add (argv, (gpointer) g_getenv ("PILLARS_CLI"));
  g_ptr_array_add (argv, "export");
  g_ptr_array_add (argv, "frees.pillars");
  g_ptr_array_add (argv, "--format");
  g_ptr_array_add (argv, "docx");
  g_ptr_array_add (argv, "--annex");
  g_ptr_array_add (argv, NULL);
  r = cli_argv (NULL, argv);
  g_test_message ("%s", r.err);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (exists_in_dir ("frees.docx"));
  run_clear (&r);
}

/* What an export leaves out is said, a warning line per kind with its
 * count, on standard error; the export still succeeds. */
static void
test_export_left_out (void)
{
  Run r;

  expect_ok ("", "new", "lossy.pillars", "--empty");
  expect_ok ("1\n", "pillar", "add", "lossy.pillars", "Pillar", "--body",
             "Text ![map](https://example.org/map.png) and ![chart](chart.png).\n\n"
             "<table><tr><td>raw</td></tr></table>\n\nA <b>bold</b> claim.\n");
  r = cli ("export", "lossy.pillars", "--format", "html", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "claim"));
  g_assert_cmpstr (r.err, ==,
                   "pillars-cli: warning: 2 images were left out; their descriptions are printed instead.\n"
                   "pillars-cli: warning: 3 pieces of raw HTML were left out; write them as Markdown to keep them.\n");
  run_clear (&r);
  /* Markdown keeps raw HTML as text: only the images are missing. */
  r = cli ("export", "lossy.pillars", "--format", "md", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "pillars-cli: warning: 2 images were left out; their descriptions are printed instead.\n");
  run_clear (&r);
  /* Nothing left out, nothing said. */
  r = cli ("export", "lossy.pillars", "--format", "csv", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  run_clear (&r);
}

/* The strategy's language: shown, set, checked, and declared by every
 * export. */
static void
test_language (void)
{
  Run r;

  expect_ok ("", "new", "lang.pillars", "--empty");
  expect_ok ("en\n", "language", "lang.pillars");
  expect_ok ("", "language", "lang.pillars", "ar-EG");
  expect_ok ("ar-EG\n", "language", "lang.pillars");
  expect_usage ("“english!” is not a language tag; give one like en-GB, fr or ar", "language", "lang.pillars", "english!");
  expect_ok ("ar-EG\n", "language", "lang.pillars");
  r = cli ("info", "lang.pillars", NULL);
  g_assert_nonnull (strstr (r.out, "\nLanguage:       ar-EG\n"));
  run_clear (&r);
  r = cli ("export", "lang.pillars", "--format", "html", NULL);
  g_assert_nonnull (strstr (r.out, "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"ar-EG\" dir=\"rtl\">"));
  run_clear (&r);
  expect_ok ("", "export", "lang.pillars", "--format", "docx");
  expect_ok ("", "export", "lang.pillars", "--format", "odt");
  {
    g_autofree char *docx = g_build_filename (pl_cli_test_dir, "lang.docx", NULL);
    g_autofree char *odt = g_build_filename (pl_cli_test_dir, "lang.odt", NULL);
    const char *unzip_styles[] = { "unzip", "-p", docx, "word/styles.xml", NULL };
    const char *unzip_odt[] = { "unzip", "-p", odt, "styles.xml", NULL };
    const char *unzip_meta[] = { "unzip", "-p", odt, "meta.xml", NULL };
    g_autofree char *styles = NULL, *odt_styles = NULL, *meta = NULL;

    g_assert_true (g_spawn_sync (NULL, (char **) unzip_styles, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &styles, NULL, NULL, NULL));
    g_assert_true (g_spawn_sync (NULL, (char **) unzip_odt, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &odt_styles, NULL, NULL, NULL));
    g_assert_true (g_spawn_sync (NULL, (char **) unzip_meta, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &meta, NULL, NULL, NULL));
    g_assert_nonnull (strstr (styles, "<w:lang w:val=\"ar-EG\" w:bidi=\"ar-EG\"/>"));
    g_assert_nonnull (strstr (odt_styles, "fo:language=\"ar\" fo:country=\"EG\" style:language-complex=\"ar\""));
    g_assert_nonnull (strstr (meta, "<dc:language>ar-EG</dc:language>"));
  }
  /* A French strategy exports French headings from the command line too,
   * with the catalogues of the build tree ($PILLARS_LOCALEDIR, as
   * build-aux/run.sh sets it): the CLI bound only the installed folder, so
   * a checkout's pillars-cli exported English whatever the language. */
  expect_ok ("", "language", "lang.pillars", "fr");
  r = cli ("export", "lang.pillars", "--format", "md", NULL);
  g_assert_nonnull (strstr (r.out, "## Plan de mise en œuvre"));
  g_assert_null (strstr (r.out, "Implementation plan"));
  run_clear (&r);
  expect_ok ("", "language", "lang.pillars", "--default");
  expect_ok ("en\n", "language", "lang.pillars");
}

int
main (int   argc,
      char *argv[])
{
  pl_cli_test_init (&argc, &argv);

  g_test_add_func ("/cli/document/new-and-info", test_new_and_info);
  g_test_add_func ("/cli/document/export-left-out", test_export_left_out);
  g_test_add_func ("/cli/document/language", test_language);
  g_test_add_func ("/cli/document/demo", test_demo);
  g_test_add_func ("/cli/document/check", test_check);
  g_test_add_func ("/cli/document/search", test_search);
  g_test_add_func ("/cli/document/export-to-stdout", test_export_to_stdout);
  g_test_add_func ("/cli/document/export-to-file", test_export_to_file);
  g_test_add_func ("/cli/document/export-usage", test_export_usage);
  g_test_add_func ("/cli/document/export-frees", test_export_frees);
  return pl_cli_test_run ();
}
