/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "export-test-util.h"

/* The ODT writer (pl-export-odt*.c): its package and parts, as xmllint,
 * pandoc and LibreOffice read them. */

static void
test_odt_package (void)
{
  g_autoptr(GBytes) odt = NULL;
  const guchar *data;
  gsize len;
  g_autofree char *content = NULL, *styles = NULL, *meta = NULL, *manifest = NULL;

  export_example ();

  /* "mimetype" first, stored, so the type shows in the first bytes. */
  odt = pl_test_read_bytes (ex.odt);
  data = g_bytes_get_data (odt, &len);
  g_assert_cmpuint (len, >, 100);
  g_assert_cmpmem (data, 4, "PK\x03\x04", 4);
  g_assert_cmpint (data[8] | data[9] << 8, ==, 0);
  g_assert_cmpint (data[26] | data[27] << 8, ==, 8);
  g_assert_cmpmem (data + 30, 8, "mimetype", 8);
  /* No extra field (ODF 1.3 Part 2 §3.3): the type is at byte 38, where
   * `file` and mail gateways look for it. */
  g_assert_cmpint (data[28] | data[29] << 8, ==, 0);
  g_assert_cmpmem (data + 38, 39, "application/vnd.oasis.opendocument.text", 39);

  /* An index with its entries, header rows, marking on the masters. */
  content = zip_member (ex.odt_annex, "content.xml");
  styles = zip_member (ex.odt_annex, "styles.xml");
  g_assert_nonnull (strstr (content, "<text:table-of-content "));
  g_assert_nonnull (strstr (content, "<text:index-body>"));
  g_assert_nonnull (strstr (content, "xlink:href=\"#pl_h1\""));
  g_assert_nonnull (strstr (content, "<table:table-header-rows>"));
  g_assert_nonnull (strstr (content, "text:outline-level=\"1\""));
  g_assert_nonnull (strstr (styles, "<style:master-page style:name=\"Landscape\""));
  g_assert_nonnull (strstr (styles, "<text:page-number"));
  g_assert_nonnull (strstr (styles, "DRAFT — FOR CONSULTATION"));

  /* The styles part (pl-export-odt-styles.c) defines what content.xml
   * uses; the manifest lists every part; the metadata names the strategy. */
  g_assert_nonnull (strstr (styles, "style:name=\"Heading_20_1\""));
  g_assert_nonnull (strstr (styles, "style:name=\"Table_20_Contents\""));
  g_assert_nonnull (strstr (content, "style:name=\"Break_Heading1\""));
  g_assert_nonnull (strstr (content, "style:name=\"PlanColumn1\""));
  meta = zip_member (ex.odt_annex, "meta.xml");
  manifest = zip_member (ex.odt_annex, "META-INF/manifest.xml");
  g_assert_nonnull (meta);
  g_assert_nonnull (manifest);
  g_assert_nonnull (strstr (meta, "<dc:title>"));
  g_assert_nonnull (strstr (meta, pl_strategy_get_title (pl_document_get_strategy (example))));
  g_assert_nonnull (strstr (manifest, "manifest:full-path=\"content.xml\""));
  g_assert_nonnull (strstr (manifest, "manifest:full-path=\"styles.xml\""));
  g_assert_nonnull (strstr (manifest, "manifest:full-path=\"meta.xml\""));
}

static void
test_odt_well_formed (void)
{
  if (!require_tool ("xmllint") || !require_tool ("unzip"))
    return;
  export_example ();
  g_assert_cmpuint (xmllint_package (ex.odt), >=, 4);
  g_assert_cmpuint (xmllint_package (ex.odt_annex), >=, 4);
}

static void
test_odt_pandoc (void)
{
  if (!require_tool ("pandoc") || !require_tool ("cmark"))
    return;
  export_example ();
  check_pandoc (ex.odt, "odt", ex.md);
  check_pandoc (ex.odt_annex, "odt", ex.md_annex);
}

static void
test_odt_libreoffice (void)
{
  g_autoptr(GPtrArray) pdfs = NULL;
  const char *files[3];

  if (!require_tool ("soffice") || !require_tool ("pdfinfo"))
    return;
  export_example ();
  files[0] = ex.odt;
  files[1] = ex.odt_annex;
  files[2] = NULL;
  pdfs = libreoffice_pdf (files);
  for (guint i = 0; i < pdfs->len; i++)
    {
      int pages = pdf_pages (g_ptr_array_index (pdfs, i));

      g_test_message ("%s: %d pages", (char *) g_ptr_array_index (pdfs, i), pages);
      g_assert_cmpint (pages, >=, 3);
    }
}

/* A list nested in a list of the other kind keeps its own kind, as in
 * DOCX and HTML: LibreOffice numbers the numbered one and bullets the
 * bulleted one. */
static void
test_odt_nested_lists (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "nested.pillars", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDocument) doc = pl_document_create (path, PL_TEMPLATE_EMPTY, &error);
  g_autoptr(PlPillar) pillar = NULL;
  g_autofree char *odt = NULL, *content = NULL;

  g_assert_no_error (error);
  pillar = pl_document_add (doc, PL_TYPE_PILLAR, NULL, -1, &error, "title", "Lists", "body",
                            "- Outer bullet\n  1. Inner first\n  2. Inner second\n- Outer two\n\n"
                            "1. Outer number\n   - Inner bullet\n", NULL);
  g_assert_no_error (error);
  odt = export_format (doc, PL_EXPORT_ODT, FALSE, PL_ANONYMISE_NONE, "nested.odt");
  content = zip_member (odt, "content.xml");
  /* Every list names its style, nested ones too. */
  g_assert_cmpuint (count (content, "<text:list text:style-name=\"List_Number\""), ==, 2);
  g_assert_cmpuint (count (content, "<text:list text:style-name=\"List_Bullet\""), ==, 2);
  g_assert_null (strstr (content, "<text:list>"));

  if (require_tool ("soffice"))
    {
      const char *files[] = { odt, NULL };
      g_autoptr(GPtrArray) texts = libreoffice_convert (files, "txt:Text", "txt");
      g_autofree char *text = read_text (g_ptr_array_index (texts, 0));
      g_autoptr(GRegex) numbered = g_regex_new ("^\\s+[a-z0-9]+\\. Inner first$", G_REGEX_MULTILINE, 0, NULL);
      g_autoptr(GRegex) bulleted = g_regex_new ("^\\s+[•◦▪–-] Inner bullet$", G_REGEX_MULTILINE, 0, NULL);

      g_test_message ("%s", text);
      g_assert_true (g_regex_match (numbered, text, 0, NULL));
      g_assert_true (g_regex_match (bulleted, text, 0, NULL));
    }
  pl_document_close (doc);
}

int
main (int    argc,
      char **argv)
{
  export_test_init (&argc, &argv);

  g_test_add_func ("/export/odt/package", test_odt_package);
  g_test_add_func ("/export/odt/well-formed", test_odt_well_formed);
  g_test_add_func ("/export/odt/pandoc", test_odt_pandoc);
  g_test_add_func ("/export/odt/libreoffice", test_odt_libreoffice);
  g_test_add_func ("/export/odt/nested-lists", test_odt_nested_lists);

  return export_test_run ();
}
