/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The folding and name matching that structure detection rests on, and a
 * plan field's parsing: their fast paths (plain ASCII without the Unicode
 * passes, name lists walked without splitting, regexes compiled once)
 * must give what the general ones give. */
#include "config.h"

#include <string.h>

#include "pl-import-private.h"

/* Each ASCII @text folds as it does behind a non-ASCII letter, which takes
 * the Unicode path ("é " folds to "e" and a space). */
static void
test_fold_ascii (void)
{
  static const char *const texts[] = {
    "Lead Agency", "  Executive   SUMMARY  ", "Time\tframe\n(2026\r\n-2027)", "A\vB", "form\ffeed",
    "", "   ", "KPI: 3 / 4", "MiXeD_case-123", "trailing \t",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *fast = pl_import_fold (texts[i]);
      g_autofree char *marked = g_strconcat ("\xc3\xa9 ", texts[i], NULL);
      g_autofree char *slow = pl_import_fold (marked);
      const char *expected = slow + 1 + (slow[1] == ' ');

      g_assert_true (g_str_has_prefix (slow, "e"));
      g_assert_cmpstr (fast, ==, expected);
    }
  {
    g_autofree char *a = pl_import_fold ("  Lead\t\tAgency \n");
    g_autofree char *b = pl_import_fold ("A\vB");
    g_autofree char *c = pl_import_fold ("Résumé  Analytique");

    g_assert_cmpstr (a, ==, "lead agency");
    /* g_unichar_isspace() does not count a vertical tab as space. */
    g_assert_cmpstr (b, ==, "a\vb");
    g_assert_cmpstr (c, ==, "resume analytique");
  }
}

static void
test_match_names (void)
{
  static const struct { const char *header; const char *field; } columns[] = {
    { "Lead agency", "lead" }, { "Organisme chef de file", "lead" }, { "Responsable:", "lead" },
    { "Key performance indicator", "indicator" }, { "KPIs", "indicator" }, { "Échéance", "timeframe" },
    { "Orçamento", "cost" }, { "Action", "action" }, { "Actions", "action" }, { "Acción", "action" },
    { "N°", "number" }, { "Pillar", "pillar" }, { "Strategic objective", "objective" },
    { "Partners (ITU)", "partners" }, { "Status*", "status" }, { "Comment", NULL }, { "", NULL },
    { "leads", NULL },
  };
  static const struct { const char *title; gboolean found; PlSectionKind kind; } sections[] = {
    { "Executive summary", TRUE, PL_SECTION_EXECUTIVE_SUMMARY },
    { "1. Résumé analytique", TRUE, PL_SECTION_EXECUTIVE_SUMMARY },
    { "Vision 2030", TRUE, PL_SECTION_GUIDING_PRINCIPLES },
    { "Implementación y revisión:", TRUE, PL_SECTION_IMPLEMENTATION },
    { "Glossário", TRUE, PL_SECTION_GLOSSARY },
    { "Vision for a secure cyberspace in every school", FALSE, 0 },
    { "Resilient critical infrastructure", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_assert_cmpstr (pl_import_match_column (columns[i].header), ==, columns[i].field);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      PlSectionKind kind = PL_SECTION_OTHER;

      g_assert_cmpint (pl_import_match_section (sections[i].title, &kind), ==, sections[i].found);
      if (sections[i].found)
        g_assert_cmpint (kind, ==, sections[i].kind);
    }
}

/* The same timeframe regexes serve every cell, in any order. */
static void
test_timeframe_fields (void)
{
  static const struct { const char *text; const char *start; const char *end; PlTimeframe tf; } cells[] = {
    { "Short term (2025-01-01–2026-06-30)", "2025-01-01", "2026-06-30", PL_TIMEFRAME_SHORT },
    { "Moyen terme (2027)", "2027", "2027", PL_TIMEFRAME_MEDIUM },
    { "Largo plazo (desde 2028)", "2028", NULL, PL_TIMEFRAME_LONG },
    { "Em curso (até 2029)", NULL, "2029", PL_TIMEFRAME_ONGOING },
    { "Long term (2026 - 2030)", "2026", "2030", PL_TIMEFRAME_LONG },
  };

  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
      {
        g_autoptr(PlImportNode) node = pl_import_node_new (1, PL_IMPORT_ROLE_ACTION, PL_IMPORT_ROLE_ACTION, 0, 2, "An action");

        pl_import_node_set_field (node, "timeframe", cells[i].text);
        g_assert_cmpstr (pl_import_node_get_timeframe_text (node), ==, cells[i].text);
        g_assert_cmpstr (pl_import_node_get_start_date (node), ==, cells[i].start);
        g_assert_cmpstr (pl_import_node_get_end_date (node), ==, cells[i].end);
        g_assert_cmpint (pl_import_node_get_timeframe (node), ==, cells[i].tf);
      }
  {
    g_autoptr(PlImportNode) node = pl_import_node_new (1, PL_IMPORT_ROLE_ACTION, PL_IMPORT_ROLE_ACTION, 0, 2, "An action");

    pl_import_node_set_field (node, "priority", "Élevée");
    pl_import_node_set_field (node, "status", "");
    pl_import_node_set_field (node, "status", NULL);
    pl_import_node_set_field (node, "lead", "ICT Ministry");
    g_assert_cmpint (pl_import_node_get_priority (node), ==, PL_PRIORITY_HIGH);
    g_assert_cmpstr (pl_import_node_get_lead_agency (node), ==, "ICT Ministry");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  g_test_add_func ("/import/fold-ascii", test_fold_ascii);
  g_test_add_func ("/import/match-names", test_match_names);
  g_test_add_func ("/import/timeframe-fields", test_timeframe_fields);
  return g_test_run ();
}
