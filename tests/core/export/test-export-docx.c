/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "export-test-util.h"

/* The DOCX writer (pl-export-docx*.c): its parts, as xmllint, pandoc and
 * LibreOffice read them. */

static void
test_docx_package (void)
{
  g_autofree char *document = NULL, *settings = NULL, *header = NULL, *footer = NULL;
  g_autofree char *styles = NULL, *numbering = NULL, *types = NULL, *rels = NULL, *core = NULL;

  export_example ();

  /* A table of contents field Word fills on opening. */
  document = zip_member (ex.docx_annex, "word/document.xml");
  settings = zip_member (ex.docx_annex, "word/settings.xml");
  header = zip_member (ex.docx_annex, "word/header1.xml");
  footer = zip_member (ex.docx_annex, "word/footer1.xml");
  styles = zip_member (ex.docx_annex, "word/styles.xml");
  numbering = zip_member (ex.docx_annex, "word/numbering.xml");
  g_assert_nonnull (document);
  g_assert_nonnull (strstr (document, "<w:docPartGallery w:val=\"Table of Contents\"/>"));
  g_assert_nonnull (strstr (document, "> TOC \\o &quot;1-3&quot; \\h \\z \\u <"));
  g_assert_nonnull (strstr (document, "w:dirty=\"true\""));
  g_assert_nonnull (strstr (settings, "<w:updateFields w:val=\"true\"/>"));
  g_assert_nonnull (strstr (document, "<w:tblHeader/>"));
  g_assert_nonnull (strstr (document, "w:orient=\"landscape\""));
  g_assert_nonnull (strstr (document, "<w:numId w:val="));
  g_assert_nonnull (strstr (header, "DRAFT — FOR CONSULTATION"));
  g_assert_nonnull (strstr (footer, "DRAFT — FOR CONSULTATION"));
  g_assert_nonnull (strstr (footer, " PAGE "));
  g_assert_nonnull (strstr (styles, "<w:outlineLvl w:val=\"0\"/>"));
  g_assert_nonnull (strstr (numbering, "<w:abstractNum "));

  /* The package parts (pl-export-docx-parts.c): every part has its
   * content type and relationship, and the properties name the strategy. */
  types = zip_member (ex.docx_annex, "[Content_Types].xml");
  rels = zip_member (ex.docx_annex, "word/_rels/document.xml.rels");
  core = zip_member (ex.docx_annex, "docProps/core.xml");
  g_assert_nonnull (types);
  g_assert_nonnull (rels);
  g_assert_nonnull (core);
  g_assert_nonnull (strstr (types, "PartName=\"/word/document.xml\""));
  g_assert_nonnull (strstr (types, "PartName=\"/word/footer1.xml\""));
  g_assert_nonnull (strstr (rels, "Target=\"styles.xml\""));
  g_assert_nonnull (strstr (rels, "Target=\"numbering.xml\""));
  g_assert_nonnull (strstr (rels, "Id=\"rIdHeader\""));
  g_assert_nonnull (strstr (core, "<dc:title>"));
  g_assert_nonnull (strstr (core, pl_strategy_get_title (pl_document_get_strategy (example))));
  g_assert_nonnull (strstr (core, "<dcterms:created xsi:type=\"dcterms:W3CDTF\">"));
}

static void
test_docx_well_formed (void)
{
  if (!require_tool ("xmllint") || !require_tool ("unzip"))
    return;
  export_example ();
  g_assert_cmpuint (xmllint_package (ex.docx), >=, 4);
  g_assert_cmpuint (xmllint_package (ex.docx_annex), >=, 4);
}

static void
test_docx_pandoc (void)
{
  if (!require_tool ("pandoc") || !require_tool ("cmark"))
    return;
  export_example ();
  check_pandoc (ex.docx, "docx", ex.md);
  check_pandoc (ex.docx_annex, "docx", ex.md_annex);
}

static void
test_docx_libreoffice (void)
{
  g_autoptr(GPtrArray) pdfs = NULL;
  const char *files[3];

  if (!require_tool ("soffice") || !require_tool ("pdfinfo"))
    return;
  export_example ();
  files[0] = ex.docx;
  files[1] = ex.docx_annex;
  files[2] = NULL;
  pdfs = libreoffice_pdf (files);
  for (guint i = 0; i < pdfs->len; i++)
    {
      int pages = pdf_pages (g_ptr_array_index (pdfs, i));

      g_test_message ("%s: %d pages", (char *) g_ptr_array_index (pdfs, i), pages);
      g_assert_cmpint (pages, >=, 3);
    }
}

int
main (int    argc,
      char **argv)
{
  export_test_init (&argc, &argv);

  g_test_add_func ("/export/docx/package", test_docx_package);
  g_test_add_func ("/export/docx/well-formed", test_docx_well_formed);
  g_test_add_func ("/export/docx/pandoc", test_docx_pandoc);
  g_test_add_func ("/export/docx/libreoffice", test_docx_libreoffice);

  return export_test_run ();
}
