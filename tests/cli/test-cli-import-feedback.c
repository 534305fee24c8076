/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pillars-cli import-feedback (pl-cli-import-feedback.c): a consultation's
 * comment matrix brought into the strategy, end to end. */
#include "config.h"

#include "pl-cli-test-util.h"

static void
write_in_dir (const char *name,
              const char *contents,
              gssize      length)
{
  g_autofree char *path = g_build_filename (pl_cli_test_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static void
test_import (void)
{
  /* Windows-1252 with semicolons: Excel's "CSV" on a French Windows. */
  const char matrix[] =
    "N\xb0;Nom;Organisation;Pilier;Commentaire;Date\r\n"
    "1;Am\xe9lie Roux;ANSSI;2.1;Pr\xe9" "ciser le r\xf4le;mars\r\n"
    "2;Karim Osei;;Capacity building;D'accord;mars\r\n";

  expect_ok (NULL, "demo", "m.pillars");
  write_in_dir ("matrix.csv", matrix, sizeof matrix - 1);
  expect_ok ("matrix.csv: Windows-1252 (Western European), semicolon-separated, 2 rows.\n"
             "Columns:\n"
             "  Commenter ← “Nom”\n"
             "  Organisation ← “Organisation”\n"
             "  Section or pillar ← “Pilier”\n"
             "  Comment ← “Commentaire”\n"
             "Not imported: “N°”, “Date”\n"
             "Would add 2 comments.\n"
             "Stakeholders: 1 new stakeholder would be added, 1 row matched the registry.\n",
             "import-feedback", "--dry-run", "m.pillars", "matrix.csv");
  expect_ok ("0 open of 0\n", "feedback", "list", "--count", "--search", "Préciser", "m.pillars");
  expect_ok (NULL, "import-feedback", "m.pillars", "matrix.csv", "--workshop", "National validation workshop");
  expect_ok ("1 open of 1\n", "feedback", "list", "--count", "--search", "Préciser", "m.pillars");
  expect_ok ("1 open of 1\n", "feedback", "list", "--count", "--stakeholder", "Amélie Roux", "m.pillars");

  /* Again: nothing new. */
  {
    Run r = cli ("import-feedback", "m.pillars", "matrix.csv", NULL);

    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "Added 0 comments; 2 were already there.\n"));
    g_assert_nonnull (strstr (r.out, "Stakeholders: 0 new stakeholders added, 2 rows matched the registry.\n"));
    run_clear (&r);
  }
  expect_ok ("1 open of 1\n", "feedback", "list", "--count", "--search", "Préciser", "m.pillars");
}

static void
test_bad (void)
{
  expect_ok (NULL, "demo", "b.pillars");
  write_in_dir ("open.csv", "Comment,Name\n\"never closed,Ana\n", -1);
  expect_error ("open.csv: The quotation mark that opens a cell on line 2 is never closed; check that cell in the spreadsheet and save the file again",
                "import-feedback", "b.pillars", "open.csv");
  write_in_dir ("nocomment.csv", "Name,Date\nAna,today\n", -1);
  expect_error ("nocomment.csv: No column of the first row is headed “Comment” or “Observation”; name the column that holds the comments so and import again",
                "import-feedback", "b.pillars", "nocomment.csv");
  write_in_dir ("ok.csv", "Comment\nZyzzyva\n", -1);
  expect_usage ("FILE and MATRIX.csv are needed", "import-feedback", "b.pillars");
  {
    Run r = cli ("import-feedback", "b.pillars", "ok.csv", "--workshop", "No such workshop", NULL);

    g_assert_cmpint (r.status, ==, 1);
    run_clear (&r);
  }
  expect_ok ("0 open of 0\n", "feedback", "list", "--count", "--search", "Zyzzyva", "b.pillars");
}

int
main (int argc, char **argv)
{
  pl_cli_test_init (&argc, &argv);
  g_test_add_func ("/cli/import-feedback/import", test_import);
  g_test_add_func ("/cli/import-feedback/bad", test_bad);
  return pl_cli_test_run ();
}
