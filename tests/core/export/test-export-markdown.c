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

/* A narrative written to trap whoever converts the Markdown export: raw
 * HTML, script links, local files as images and links. */
static const char trap[] =
  "Intro <script>alert('inline')</script> text.\n\n"
  "<script>alert('block')</script>\n"
  "<iframe src=\"file:///etc/passwd\"></iframe>\n\n"
  "![passwd](file:///etc/passwd) ![pixel](https://tracker.example/p.png) "
  "![data](data:image/png;base64,iVBORw0KGgo=)\n\n"
  "[click me](javascript:alert(1)) [local](file:///etc/shadow) <file:///etc/hosts> "
  "[safe](https://example.org/safe) [mail](mailto:a@example.org)\n\n"
  "[![nested](file:///etc/group)](javascript:alert(2))\n";

static PlDocument *
create_trap (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "trap.pillars", NULL);
  g_autoptr(GError) error = NULL;
  PlDocument *doc = pl_document_create (path, PL_TEMPLATE_EMPTY, &error);
  g_autoptr(PlPillar) pillar = NULL;

  g_assert_no_error (error);
  g_assert_true (pl_record_set (PL_RECORD (pl_document_get_strategy (doc)), &error, "title", "Trap", NULL));
  pillar = pl_document_add (doc, PL_TYPE_PILLAR, NULL, -1, &error, "title", "Pillar", "body", trap, NULL);
  g_assert_no_error (error);
  return doc;
}

static void
assert_nothing_active (const char *text,
                       const char *what)
{
  g_autofree char *lower = g_ascii_strdown (text, -1);
  g_autoptr(GRegex) attr = g_regex_new ("<[a-z][^<>]*\\s(src|href|data|poster|srcset|action|target)\\s*=\\s*\"([^\"]*)\"",
                                        0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  static const char *const bad[] = {
    "<script", "<iframe", "<img", "<embed", "<object", "tracker.example", NULL
  };

  for (guint i = 0; bad[i] != NULL; i++)
    if (strstr (lower, bad[i]) != NULL)
      {
        g_test_message ("%s holds “%s”", what, bad[i]);
        g_test_fail ();
      }
  /* Every reference in markup is one of the two safe links. */
  g_regex_match (attr, lower, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *name = g_match_info_fetch (match, 1);
      g_autofree char *value = g_match_info_fetch (match, 2);

      if (!g_str_equal (name, "href")
          || !(g_str_equal (value, "https://example.org/safe") || g_str_equal (value, "mailto:a@example.org")))
        {
          g_test_message ("%s refers to %s=\"%s\"", what, name, value);
          g_test_fail ();
        }
      g_match_info_next (match, NULL);
    }
}

/* The Markdown export follows the rules of the other writers: raw HTML is
 * text, unsafe link targets and images are gone (their text kept), and
 * pandoc turns it into HTML and DOCX with no script and no local file. */
static void
test_markdown_sanitised (void)
{
  g_autoptr(PlDocument) doc = create_trap ();
  g_autofree char *md_path = NULL, *md = NULL, *docx = NULL, *html = NULL, *plain = NULL;
  g_autofree char *doc_xml = NULL, *rels = NULL;
  PlExportOptions options;
  PlExportReport report = { { 0 } };
  cmark_node *parsed;
  cmark_iter *iter;
  cmark_event_type ev;

  pl_export_options_init (&options);
  options.format = PL_EXPORT_MARKDOWN;
  options.report = &report;
  md_path = export (doc, &options, "trap.md");
  pl_export_options_clear (&options);
  md = read_text (md_path);

  /* Read back by cmark: no raw HTML, no image, only safe links. */
  parsed = cmark_parse_document (md, strlen (md), CMARK_OPT_DEFAULT);
  iter = cmark_iter_new (parsed);
  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (ev != CMARK_EVENT_ENTER)
        continue;
      g_assert_cmpint (cmark_node_get_type (node), !=, CMARK_NODE_HTML_BLOCK);
      g_assert_cmpint (cmark_node_get_type (node), !=, CMARK_NODE_HTML_INLINE);
      g_assert_cmpint (cmark_node_get_type (node), !=, CMARK_NODE_IMAGE);
      if (cmark_node_get_type (node) == CMARK_NODE_LINK)
        g_assert_true (g_str_has_prefix (cmark_node_get_url (node), "https://example.org/")
                       || g_str_has_prefix (cmark_node_get_url (node), "mailto:"));
    }
  cmark_iter_free (iter);
  cmark_node_free (parsed);

  /* What was written stays readable as text. */
  g_assert_nonnull (strstr (md, "\\<script\\>alert('block')\\</script\\>"));
  g_assert_nonnull (strstr (md, "click me"));
  g_assert_nonnull (strstr (md, "passwd"));
  g_assert_nonnull (strstr (md, "[safe](https://example.org/safe)"));
  /* Four images left out (one inside a link), and said so. */
  g_assert_cmpuint (report.left_out[PL_EXPORT_LEFT_OUT_IMAGE], ==, 4);
  g_assert_cmpuint (report.left_out[PL_EXPORT_LEFT_OUT_RAW_HTML], ==, 0);

  if (!require_tool ("pandoc") || !require_tool ("unzip"))
    {
      pl_document_close (doc);
      return;
    }
  /* The secretariat's pandoc, with its defaults (raw HTML allowed). */
  html = run ((const char *const[]) { "pandoc", "-f", "markdown", "-t", "html", md_path, NULL });
  g_assert_nonnull (html);
  assert_nothing_active (html, "pandoc's HTML");
  g_assert_nonnull (strstr (html, "&lt;script&gt;"));
  g_assert_nonnull (strstr (html, "href=\"https://example.org/safe\""));

  docx = g_build_filename (tmp_dir, "trap-pandoc.docx", NULL);
  g_free (run ((const char *const[]) { "pandoc", "-f", "markdown", md_path, "-o", docx, NULL }));
  doc_xml = zip_member (docx, "word/document.xml");
  rels = zip_member (docx, "word/_rels/document.xml.rels");
  g_assert_nonnull (doc_xml);
  g_assert_nonnull (rels);
  /* Only pandoc's own parts and the two safe links are referred to. */
  g_assert_null (strstr (rels, "/etc/"));
  g_assert_null (strstr (rels, "tracker.example"));
  g_assert_null (strstr (rels, "data:"));
  g_assert_null (strstr (rels, "file:"));
  g_assert_null (strstr (rels, "javascript:"));
  g_assert_null (strstr (rels, "TargetMode=\"External\" Target=\"data:"));
  g_assert_null (strstr (doc_xml, "<w:drawing"));
  plain = run ((const char *const[]) { "unzip", "-l", docx, NULL });
  g_assert_null (strstr (plain, "word/media/"));
  pl_document_close (doc);
}

int
main (int    argc,
      char **argv)
{
  export_test_init (&argc, &argv);

  g_test_add_func ("/export/markdown/cmark", test_markdown_cmark);
  g_test_add_func ("/export/markdown/sanitised", test_markdown_sanitised);

  return export_test_run ();
}
