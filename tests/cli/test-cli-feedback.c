/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pillars-cli feedback, workshop and stakeholder (pl-cli-feedback.c): what
 * a facilitator scripts at a validation workshop and a drafting lead
 * answers afterwards. */
#include "config.h"

#include "pl-cli-test-util.h"

/* "feedback list" output with the capture time of each row (the second
 * column, which is the clock's) checked and replaced by "TIME". */
static char *
without_times (const char *out)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  GString *s = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 9);
      if (g_strv_length (fields) < 2)
        continue;
      g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$", fields[1], 0, 0));
      g_free (fields[1]);
      fields[1] = g_strdup ("TIME");
      {
        g_autofree char *line = g_strjoinv ("\t", fields);

        g_string_append_printf (s, "%s\n", line);
      }
    }
  return g_string_free (s, FALSE);
}

#define expect_feedback(expected_, ...) \
  G_STMT_START { \
    Run r_ = cli ("feedback", "list", __VA_ARGS__, NULL); \
    g_autofree char *rows_ = without_times (r_.out); \
    g_assert_cmpint (r_.status, ==, 0); \
    g_assert_cmpstr (r_.err, ==, ""); \
    g_assert_cmpstr (rows_, ==, (expected_)); \
    run_clear (&r_); \
  } G_STMT_END

static void
test_workshop_flow (void)
{
  expect_ok ("", "new", "workshop.pillars");
  /* "add" prints the id. */
  expect_ok ("1\n", "workshop", "add", "workshop.pillars", "National validation workshop", "--region", "North",
             "--location", "Capital", "--partner", "ITU", "--start", "2026-09-14", "--end", "2026-09-15");
  expect_usage ("“14/09/2026” is not a date; write it as YYYY-MM-DD",
                "workshop", "add", "workshop.pillars", "Bad dates", "--start", "14/09/2026");

  expect_ok ("1\n", "feedback", "add", "workshop.pillars", "Please add a target for women in cybersecurity.",
             "--kind", "recommendation", "--stakeholder", "Ana Lima", "--organisation", "Women in Tech",
             "--sector", "civil-society", "--workshop", "1", "--pillar", "Capacity building");
  expect_ok ("2\n", "feedback", "add", "workshop.pillars", "Who funds the CSIRT?", "--kind", "question",
             "--stakeholder", "ana lima", "--workshop", "National validation workshop", "--pillar", "3");
  expect_ok ("3\n", "feedback", "add", "workshop.pillars", "Too vague.\nSee\tpage 3", "--stakeholder", "A. Lima");

  /* "ana lima" matched the existing stakeholder; "A. Lima" is a new one,
   * from government (the default) and not named. Sorted by name. */
  expect_ok ("2\tA. Lima\t\tgovernment\t\tnot-named\n"
             "1\tAna Lima\tWomen in Tech\tcivil-society\t\tnot-named\n",
             "stakeholder", "list", "workshop.pillars");

  /* Newest first; tabs and newlines of the text escaped. */
  expect_feedback ("3\tTIME\tcomment\topen\tA. Lima\t\tstrategy\tToo vague.\\nSee\\tpage 3\t\n"
                   "2\tTIME\tquestion\topen\tAna Lima\tWomen in Tech\tpillar: Incident response\tWho funds the CSIRT?\t\n"
                   "1\tTIME\trecommendation\topen\tAna Lima\tWomen in Tech\tpillar: Capacity building\tPlease add a target for women in cybersecurity.\t\n",
                   "workshop.pillars");
  expect_ok ("3 open of 3\n", "feedback", "list", "workshop.pillars", "--count");

  expect_ok ("", "feedback", "set", "workshop.pillars", "1", "--disposition", "accepted", "--response", "Target of 40% added.\nSee 1.2.");
  expect_usage ("--disposition must be one of: open, accepted, partly-accepted, rejected, deferred, addressed (not “maybe”)",
                "feedback", "set", "workshop.pillars", "1", "--disposition", "maybe");
  expect_ok ("2 open of 3\n", "feedback", "list", "workshop.pillars", "--count");

  /* Filters. */
  expect_feedback ("1\tTIME\trecommendation\taccepted\tAna Lima\tWomen in Tech\tpillar: Capacity building\t"
                   "Please add a target for women in cybersecurity.\tTarget of 40% added.\\nSee 1.2.\n",
                   "workshop.pillars", "--pillar", "1");
  expect_feedback ("2\tTIME\tquestion\topen\tAna Lima\tWomen in Tech\tpillar: Incident response\tWho funds the CSIRT?\t\n",
                   "workshop.pillars", "--search", "csirt");
  expect_feedback ("2\tTIME\tquestion\topen\tAna Lima\tWomen in Tech\tpillar: Incident response\tWho funds the CSIRT?\t\n",
                   "workshop.pillars", "--kind", "question", "--workshop", "1");
  expect_feedback ("", "workshop.pillars", "--kind", "objection");
  expect_ok ("1 open of 2\n", "feedback", "list", "workshop.pillars", "--sector", "civil-society", "--count");
  expect_ok ("1 open of 1\n", "feedback", "list", "workshop.pillars", "--disposition", "open", "--workshop", "1", "--count");
  expect_ok ("0 open of 1\n", "feedback", "list", "workshop.pillars", "--disposition", "accepted", "--count");
  expect_ok ("0 open of 0\n", "feedback", "list", "workshop.pillars", "--search", "nothing like this", "--count");

  /* Folding a duplicate moves its feedback and removes it. */
  expect_ok ("", "stakeholder", "fold", "workshop.pillars", "A. Lima", "Ana Lima");
  expect_ok ("2 open of 3\n", "feedback", "list", "workshop.pillars", "--stakeholder", "Ana Lima", "--count");
  expect_ok ("1\tAna Lima\tWomen in Tech\tcivil-society\t\tnot-named\n", "stakeholder", "list", "workshop.pillars");
  expect_error ("No stakeholder “A. Lima” in “workshop.pillars”; give their id or name (see “pillars-cli stakeholder list”).",
                "feedback", "list", "workshop.pillars", "--stakeholder", "A. Lima");

  /* The last column counts the workshop's feedback. */
  expect_ok ("1\tNational validation workshop\tNorth\tCapital\tITU\t2026-09-14\t2026-09-15\t2\n",
             "workshop", "list", "workshop.pillars");

  {
    Run r = cli ("export", "workshop.pillars", "--format", "csv", NULL);

    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_str_has_prefix (r.out, "\xEF\xBB\xBF\"No.\""));
    /* Ana Lima did not agree to be named: never named. */
    g_assert_null (strstr (r.out, "Ana Lima"));
    g_assert_nonnull (strstr (r.out, "Women in Tech"));
    run_clear (&r);
  }
}

static void
test_feedback_targets (void)
{
  expect_ok ("", "new", "targets.pillars");
  expect_ok ("", "objective", "add", "targets.pillars", "1", "Train public servants");
  expect_ok ("", "action", "add", "targets.pillars", "1.1", "Run a course");
  expect_ok ("1\n", "feedback", "add", "targets.pillars", "Which servants?", "--objective", "1.1",
             "--quote", "public servants", "--priority", "high");
  expect_ok ("2\n", "feedback", "add", "targets.pillars", "How long?", "--action", "1.1.1", "--kind", "question");
  expect_error ("Give only one of --pillar, --objective and --action",
                "feedback", "add", "targets.pillars", "x", "--pillar", "1", "--objective", "1.1");
  expect_error ("No action “1.1.2” in “targets.pillars”; give it as PILLAR.OBJECTIVE.ACTION, e.g. 2.1.3, or its UUID (see “pillars-cli action list”).",
                "feedback", "add", "targets.pillars", "x", "--action", "1.1.2");
  expect_feedback ("2\tTIME\tquestion\topen\t\t\taction: Run a course\tHow long?\t\n"
                   "1\tTIME\tcomment\topen\t\t\tobjective: Train public servants\tWhich servants?\t\n",
                   "targets.pillars");

  /* Moved and corrected. */
  expect_ok ("", "feedback", "set", "targets.pillars", "2", "--strategy");
  expect_ok ("", "feedback", "set", "targets.pillars", "#1", "--kind", "objection", "--text", "Which ones?");
  expect_feedback ("2\tTIME\tquestion\topen\t\t\tstrategy\tHow long?\t\n"
                   "1\tTIME\tobjection\topen\t\t\tobjective: Train public servants\tWhich ones?\t\n",
                   "targets.pillars");

  /* The quoted passage gone from the text: the item is orphaned. */
  expect_feedback ("", "targets.pillars", "--orphaned");
  expect_ok ("", "objective", "set", "targets.pillars", "1.1", "--title", "Train civil servants");
  expect_feedback ("1\tTIME\tobjection\topen\t\t\tobjective: Train civil servants\tWhich ones?\t\n",
                   "targets.pillars", "--orphaned");

  expect_ok ("", "feedback", "remove", "targets.pillars", "2");
  expect_ok ("1 open of 1\n", "feedback", "list", "targets.pillars", "--count");
  expect_error ("No feedback “2” in “targets.pillars”; give its number (see “pillars-cli feedback list”).",
                "feedback", "set", "targets.pillars", "2", "--disposition", "accepted");
}

static void
test_registries (void)
{
  expect_ok ("", "new", "registries.pillars");
  expect_ok ("1\n", "stakeholder", "add", "registries.pillars", "Karim Osei", "--organisation", "Central Bank",
             "--sector", "private-sector", "--contact", "k@example.org", "--named");
  expect_ok ("2\n", "stakeholder", "add", "registries.pillars", "Mei Chen");
  expect_ok ("1\tKarim Osei\tCentral Bank\tprivate-sector\tk@example.org\tnamed\n"
             "2\tMei Chen\t\tgovernment\t\tnot-named\n",
             "stakeholder", "list", "registries.pillars");
  expect_ok ("", "stakeholder", "set", "registries.pillars", "karim osei", "--not-named", "--sector", "academia");
  expect_ok ("1\tKarim Osei\tCentral Bank\tacademia\tk@example.org\tnot-named\n",
             "stakeholder", "list", "registries.pillars", "--sector", "academia");
  expect_ok ("", "stakeholder", "list", "registries.pillars", "--sector", "civil-society");
  expect_usage ("--sector must be one of: government, private-sector, academia, civil-society, technical-community, international-partner, not-set (not “army”)",
                "stakeholder", "list", "registries.pillars", "--sector", "army");
  expect_ok ("", "stakeholder", "remove", "registries.pillars", "2");
  expect_ok ("1\tKarim Osei\tCentral Bank\tacademia\tk@example.org\tnot-named\n", "stakeholder", "list", "registries.pillars");

  expect_ok ("1\n", "workshop", "add", "registries.pillars", "Online round");
  expect_ok ("2\n", "workshop", "add", "registries.pillars", "Regional workshop", "--location", "Port Halden");
  expect_ok ("", "workshop", "set", "registries.pillars", "online round", "--title", "Online consultation", "--notes", "By video");
  expect_ok ("1\n", "feedback", "add", "registries.pillars", "Good", "--workshop", "Online consultation", "--kind", "support");
  expect_ok ("1\tOnline consultation\t\t\t\t\t\t1\n"
             "2\tRegional workshop\t\tPort Halden\t\t\t\t0\n",
             "workshop", "list", "registries.pillars");
  expect_ok ("", "workshop", "remove", "registries.pillars", "2");
  expect_ok ("1\tOnline consultation\t\t\t\t\t\t1\n", "workshop", "list", "registries.pillars");
  expect_error ("No workshop “2” in “registries.pillars”; give its id or title (see “pillars-cli workshop list”).",
                "workshop", "set", "registries.pillars", "2", "--title", "x");
}

/* "--" ends the options, so text beginning with "-" can be captured; the
 * "--" itself is not part of the text, and options still work before it. */
static void
test_double_dash (void)
{
  Run r;

  expect_ok ("", "new", "dash.pillars");
  expect_ok ("1\n", "feedback", "add", "dash.pillars", "--kind", "objection", "--", "-5% is too low a target");
  expect_ok ("2\n", "feedback", "add", "--", "dash.pillars", "--not-an-option");
  expect_ok ("3\n", "feedback", "add", "dash.pillars", "--", "--");
  r = cli ("feedback", "list", "dash.pillars", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "\t-5% is too low a target\t"));
  g_assert_nonnull (strstr (r.out, "\t--not-an-option\t"));
  g_assert_nonnull (strstr (r.out, "\t--\t"));
  g_assert_nonnull (strstr (r.out, "objection"));
  run_clear (&r);
  /* Without "--" it is still an unknown option (bad usage), not text. */
  r = cli ("feedback", "add", "dash.pillars", "-5% is too low", NULL);
  g_assert_cmpint (r.status, ==, 2);
  run_clear (&r);
}

/* What the document refuses, refused from the command line with the same
 * message, and nothing written. */
static void
test_validation (void)
{
  expect_ok ("", "new", "valid.pillars");
  expect_ok ("1\n", "stakeholder", "add", "valid.pillars", "Mei Chen");
  /* A number is an id: one that matches nobody is not a new name. */
  expect_error ("No stakeholder “99” in “valid.pillars”; give their id or name (see “pillars-cli stakeholder list”).",
                "feedback", "add", "valid.pillars", "Said", "--stakeholder", "99");
  expect_ok ("1\tMei Chen\t\tgovernment\t\tnot-named\n", "stakeholder", "list", "valid.pillars");
  expect_ok ("", "feedback", "list", "valid.pillars");
  /* A stakeholder named with digits is still found by name. */
  expect_ok ("2\n", "stakeholder", "add", "valid.pillars", "2026 Summit delegation");
  expect_ok ("1\n", "feedback", "add", "valid.pillars", "Said", "--stakeholder", "2026 summit delegation");
  expect_ok ("2\n", "feedback", "add", "valid.pillars", "Also said", "--stakeholder", "A. New");
  expect_ok ("4\n", "stakeholder", "add", "valid.pillars", "12");
  expect_ok ("3\n", "feedback", "add", "valid.pillars", "Said again", "--stakeholder", "12");

  /* Empty titles, texts and names. */
  expect_error ("The text cannot be empty; type what was said", "feedback", "add", "valid.pillars", " ");
  expect_error ("A stakeholder needs a name or an organisation; type at least one", "stakeholder", "add", "valid.pillars", "");
  expect_error ("The title cannot be empty; type a title", "workshop", "add", "valid.pillars", "");
  expect_error ("The title cannot be empty; type a title", "pillar", "add", "valid.pillars", "");
  expect_error ("The title cannot be empty; type a title", "pillar", "set", "valid.pillars", "1", "--title", "");
  expect_error ("The text cannot be empty; type what was said", "feedback", "set", "valid.pillars", "1", "--text", "");

  /* Dates, and a start after the end. */
  expect_ok ("", "objective", "add", "valid.pillars", "1", "Objective");
  expect_error ("“2026-13-01” is not a date; write it as YYYY-MM-DD, or a year as YYYY",
                "action", "add", "valid.pillars", "1.1", "Action", "--start", "2026-13-01");
  expect_error ("“<script>” is not a date; write it as YYYY-MM-DD, or a year as YYYY",
                "action", "add", "valid.pillars", "1.1", "Action", "--end", "<script>");
  expect_error ("The start (2028) is after the end (2027); change one of them",
                "action", "add", "valid.pillars", "1.1", "Action", "--start", "2028", "--end", "2027");
  expect_ok ("", "action", "list", "valid.pillars");
  expect_ok ("1\n", "workshop", "add", "valid.pillars", "Workshop", "--start", "2026-10-01", "--end", "2026-10-02");
  expect_error ("The start (2026-10-03) is after the end (2026-10-02); change one of them",
                "workshop", "set", "valid.pillars", "1", "--start", "2026-10-03");
  expect_usage ("“<script>” is not a date; write it as YYYY-MM-DD", "workshop", "set", "valid.pillars", "1", "--end", "<script>");
  expect_ok ("1\tWorkshop\t\t\t\t2026-10-01\t2026-10-02\t0\n", "workshop", "list", "valid.pillars");
}

int
main (int   argc,
      char *argv[])
{
  pl_cli_test_init (&argc, &argv);

  g_test_add_func ("/cli/feedback/workshop-flow", test_workshop_flow);
  g_test_add_func ("/cli/feedback/validation", test_validation);
  g_test_add_func ("/cli/feedback/targets", test_feedback_targets);
  g_test_add_func ("/cli/feedback/registries", test_registries);
  g_test_add_func ("/cli/feedback/double-dash", test_double_dash);
  return pl_cli_test_run ();
}
