/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "export-test-util.h"

/* The Markdown writer, as cmark reads it. */

static void
test_markdown_cmark (void)
{
  g_autofree char *md = NULL;
  cmark_node *doc;
  g_autoptr(GPtrArray) from_tool = NULL;
  g_autoptr(GPtrArray) from_lib = g_ptr_array_new_with_free_func (g_free);
  cmark_iter *iter;
  cmark_event_type ev;

  if (!require_tool ("cmark"))
    return;
  export_example ();
  from_tool = markdown_headings (ex.md_annex);

  /* The library agrees with the tool, and the outline is what we built. */
  md = read_text (ex.md_annex);
  doc = cmark_parse_document (md, strlen (md), CMARK_OPT_DEFAULT);
  iter = cmark_iter_new (doc);
  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (ev == CMARK_EVENT_ENTER && cmark_node_get_type (node) == CMARK_NODE_HEADING
          && cmark_node_get_heading_level (node) > 1)
        {
          GString *text = g_string_new (NULL);
          cmark_iter *inner = cmark_iter_new (node);
          g_autofree char *joined = NULL;

          while (cmark_iter_next (inner) != CMARK_EVENT_DONE)
            {
              cmark_node *t = cmark_iter_get_node (inner);

              if (cmark_node_get_type (t) == CMARK_NODE_TEXT || cmark_node_get_type (t) == CMARK_NODE_CODE)
                g_string_append (text, cmark_node_get_literal (t));
            }
          cmark_iter_free (inner);
          joined = normalise (text->str);
          g_ptr_array_add (from_lib, g_strdup_printf ("%d|%s", cmark_node_get_heading_level (node) - 1, joined));
          g_string_free (text, TRUE);
        }
    }
  cmark_iter_free (iter);
  cmark_node_free (doc);

  assert_same_list (from_lib, from_tool, "Markdown headings, cmark library vs cmark tool");
  g_assert_cmpuint (from_tool->len, >, 30);
  g_assert_true (g_ptr_array_find_with_equal_func (from_tool, "1|1. Capacity building", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (from_tool, "1|Implementation plan", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (from_tool, "1|Annex: recommendations and dispositions",
                                                   g_str_equal, NULL));
}

int
main (int    argc,
      char **argv)
{
  export_test_init (&argc, &argv);

  g_test_add_func ("/export/markdown/cmark", test_markdown_cmark);

  return export_test_run ();
}
