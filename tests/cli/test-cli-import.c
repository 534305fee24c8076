/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "pl-cli-test-util.h"

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
}

static void
write_in_dir (const char *name,
              const char *data,
              gssize      len)
{
  g_autofree char *path = g_build_filename (pl_cli_test_dir, name, NULL);
  g_assert_true (g_file_set_contents (path, data, len, NULL));
}

static void
test_import_end_to_end (void)
{
  g_autofree char *draft = fixture ("fr.docx");
  Run dry = cli ("import", "--dry-run", "new.pillars", draft, NULL);
  Run done = { -1, NULL, NULL };
  Run info = { -1, NULL, NULL };
  Run again = { -1, NULL, NULL };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpint (dry.status, ==, 0);
  g_assert_nonnull (strstr (dry.out, "Title: Stratégie nationale de cybersécurité 2025–2029"));
  g_assert_nonnull (strstr (dry.out, "Section: Résumé analytique"));
  g_assert_nonnull (strstr (dry.out, "    Action: Guide pratique pour les PME [Lead: ANSSI]"));
  g_assert_false (exists_in_dir ("new.pillars"));

  done = cli ("import", "new.pillars", draft, NULL);
  g_assert_cmpint (done.status, ==, 0);
  g_assert_nonnull (strstr (done.out, "2 pillars, 3 objectives, 4 actions"));
  info = cli ("action", "list", "new.pillars", NULL);
  g_assert_cmpint (info.status, ==, 0);
  g_assert_nonnull (strstr (info.out, "Ateliers régionaux"));

  /* Never over an existing file: the document stays as it was. */
  before = read_in_dir ("new.pillars", NULL);
  again = cli ("import", "new.pillars", draft, NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "already exists"));
  after = read_in_dir ("new.pillars", NULL);
  g_assert_true (before && after && memcmp (before, after, 16) == 0);
  run_clear (&dry);
  run_clear (&done);
  run_clear (&info);
  run_clear (&again);
}

static void
test_import_map (void)
{
  Run plain = { -1, NULL, NULL };
  Run mapped = { -1, NULL, NULL };
  Run levels = { -1, NULL, NULL };
  Run bad = { -1, NULL, NULL };
  Run bad_level = { -1, NULL, NULL };

  write_in_dir ("map.md", "# T\n\n## Introduction\n\nHi.\n\n## Pillar one\n\n### Goal\n\n#### Step\n", -1);
  plain = cli ("import", "--dry-run", "x.pillars", "map.md", NULL);
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_nonnull (strstr (plain.out, "Section: Introduction"));
  mapped = cli ("import", "-n", "--map", "introduction=pillar", "--map", "Goal=text", "x.pillars", "map.md", NULL);
  g_assert_cmpint (mapped.status, ==, 0);
  g_assert_nonnull (strstr (mapped.out, "Pillar: Introduction"));
  g_assert_null (strstr (mapped.out, "Objective: Goal"));
  levels = cli ("import", "-n", "--map", "objective=4", "x.pillars", "map.md", NULL);
  g_assert_nonnull (strstr (levels.out, "  Objective: Step"));
  bad = cli ("import", "-n", "--map", "Nowhere=pillar", "x.pillars", "map.md", NULL);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "Nowhere"));
  bad_level = cli ("import", "-n", "--map", "pillar=zero", "x.pillars", "map.md", NULL);
  g_assert_cmpint (bad_level.status, ==, 2);
  run_clear (&plain);
  run_clear (&mapped);
  run_clear (&levels);
  run_clear (&bad);
  run_clear (&bad_level);
}

static void
test_import_bad (void)
{
  static const struct { const char *name; const char *data; gsize len; const char *message; } cases[] = {
    { "old.doc", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1xxxxxxxx", 16, "Word 97–2003" },
    { "page.docx", "<html><body>hi</body></html>", 28, "web page" },
    { "letter.docx", "{\\rtf1 hi}", 10, "RTF" },
    { "empty.md", "", 0, "empty" },
    { "broken.docx", "PK\x03\x04\x14\x00\x00\x00", 8, "damaged" },
  };
  Run usage = cli ("import", "only-one.pillars", NULL);
  Run missing = cli ("import", "y.pillars", "nowhere.docx", NULL);

  g_assert_cmpint (usage.status, ==, 2);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.err, "does not exist"));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Run r = { -1, NULL, NULL };

      write_in_dir (cases[i].name, cases[i].data, cases[i].len);
      r = cli ("import", "y.pillars", cases[i].name, NULL);
      g_assert_cmpint (r.status, ==, 1);
      if (strstr (r.err, cases[i].message) == NULL)
        g_error ("%s: %s", cases[i].name, r.err);
      g_assert_false (exists_in_dir ("y.pillars"));
      run_clear (&r);
    }
  run_clear (&usage);
  run_clear (&missing);
}

int
main (int   argc,
      char *argv[])
{
  pl_cli_test_init (&argc, &argv);

  g_test_add_func ("/cli/import/end-to-end", test_import_end_to_end);
  g_test_add_func ("/cli/import/map", test_import_map);
  g_test_add_func ("/cli/import/bad", test_import_bad);
  return pl_cli_test_run ();
}
