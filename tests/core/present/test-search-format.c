/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A search result's snippet as a person reads it (pl-search-format.c):
 * the index holds Markdown, and the dialog showed "**CSIRT** — …" with its
 * asterisks, and an action's lead agency and indicator run together. */
#include "config.h"

#include "pl-action.h"
#include "pl-pillar.h"
#include "pl-search-format.h"

#define M(word) PL_SEARCH_MATCH_START word PL_SEARCH_MATCH_END

static void
check (GType       type,
       const char *snippet,
       const char *want_markup,
       const char *want_plain,
       const char *want_match)
{
  PlSearchHit hit = { type, 1, (char *) "Title", (char *) snippet };
  g_autofree char *plain = NULL;
  g_autofree char *match = NULL;
  g_autofree char *markup = pl_search_format_snippet (&hit, &plain, &match);

  g_assert_cmpstr (markup, ==, want_markup);
  g_assert_cmpstr (plain, ==, want_plain);
  g_assert_cmpstr (match, ==, want_match);
}

static void
test_markdown_taken_out (void)
{
  /* The glossary of the example, as the index gives it back. */
  check (PL_TYPE_PILLAR, "**CSIRT** — Computer Security " M ("Incident") " Response Team.\n\n**KID** — Kestrel…",
         "CSIRT — Computer Security <b>Incident</b> Response Team. KID — Kestrel…",
         "CSIRT — Computer Security Incident Response Team. KID — Kestrel…", "Incident");
  /* A link keeps its text; a bracket in the text is no match. */
  check (PL_TYPE_PILLAR, "with [l’UIT](<https://www.itu.int/>) and " M ("partners") " [sic]",
         "with l’UIT and <b>partners</b> [sic]", "with l’UIT and partners [sic]", "partners");
  check (PL_TYPE_PILLAR, "see <https://example.org/a_b> for " M ("details"),
         "see https://example.org/a_b for <b>details</b>", "see https://example.org/a_b for details", "details");
  /* Headings, quotes, bullets, tables. */
  check (PL_TYPE_PILLAR, "## Why it " M ("matters") "\n> Quoted *words*\n- one\n* two\n| Year | Analysts |\n|---|:--:|\n| 2026 | 4 |",
         "Why it <b>matters</b> Quoted words one two Year Analysts 2026 4",
         "Why it matters Quoted words one two Year Analysts 2026 4", "matters");
  /* Escaped for markup. */
  check (PL_TYPE_PILLAR, "R&D <b>" M ("budget") "</b>", "R&amp;D &lt;b&gt;<b>budget</b>&lt;/b&gt;",
         "R&D <b>budget</b>", "budget");
  /* No match marked (a feedback item found by its quote). */
  check (PL_TYPE_PILLAR, "plain text", "plain text", "plain text", NULL);
  check (PL_TYPE_PILLAR, NULL, "", "", NULL);
}

static void
test_action_fields (void)
{
  /* Lead agency, partners (empty here) and indicator, one per line. */
  check (PL_TYPE_ACTION, "National CSIRT\n\nReport published each " M ("March"),
         "National CSIRT · Report published each <b>March</b>",
         "National CSIRT · Report published each March", "March");
  check (PL_TYPE_ACTION, "…" "\n" "ICT Authority", "… ICT Authority", "… ICT Authority", NULL);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/search-format/markdown-taken-out", test_markdown_taken_out);
  g_test_add_func ("/search-format/action-fields", test_action_fields);
  return g_test_run ();
}
