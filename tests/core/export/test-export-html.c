/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "export-test-util.h"

/* The HTML writer: the outline and plan as a reader sees them, well-formed. */

static void
test_html_outline (void)
{
  g_autofree char *html = NULL;
  g_autoptr(GPtrArray) headings = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(GPtrArray) expected_plan = expected_plan_rows (example);
  g_autoptr(GPtrArray) shifted = NULL;

  if (!require_tool ("cmark"))
    return;
  export_example ();
  expected = markdown_headings (ex.md_annex);
  html = read_text (ex.html_annex);
  headings = html_headings (html);
  /* h1 is the title; h2 the outline's level 1. */
  shifted = shift_headings (headings, -1);
  assert_same_list (expected, shifted, "HTML headings");
  rows = html_rows (html);
  plan = plan_rows_of (rows);
  assert_same_list (expected_plan, plan, "HTML implementation plan");

  /* The contents link to headings that exist. */
  g_assert_nonnull (strstr (html, "<nav class=\"contents\""));
  g_assert_nonnull (strstr (html, "href=\"#pl_h1\""));
  g_assert_nonnull (strstr (html, "id=\"pl_h1\""));
  /* Print: the marking in a fixed header and footer, page breaks. */
  g_assert_nonnull (strstr (html, "@page"));
  g_assert_nonnull (strstr (html, "class=\"marking marking-top\">DRAFT — FOR CONSULTATION<"));
  g_assert_nonnull (strstr (html, "class=\"marking marking-bottom\">DRAFT — FOR CONSULTATION<"));
  g_assert_nonnull (strstr (html, "class=\"new-page\">1. Capacity building<"));
}

static void
test_html_well_formed (void)
{
  if (!require_tool ("xmllint"))
    return;
  export_example ();
  xmllint (ex.html);
  xmllint (ex.html_annex);
}

int
main (int    argc,
      char **argv)
{
  export_test_init (&argc, &argv);

  g_test_add_func ("/export/html/outline", test_html_outline);
  g_test_add_func ("/export/html/well-formed", test_html_well_formed);

  return export_test_run ();
}
