/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>

#include "pl-test-util.h"
#include "pl-demo.h"
#include "pl-document-history.h"
#include "pl-export.h"
#include "pl-review.h"
#include "pl-review-import.h"

/* Edits a reviewer made without tracking (pl-review-untracked.c): found by
 * comparing the returned copy with the strategy, each one amendment marked
 * "untracked edit"; what our export adds (numbers, labels, cover note,
 * plan) and what LibreOffice changes when it re-saves a copy is no edit.
 * The copies are our review export edited as a reviewer's program would
 * leave it (zip entries rewritten), and our export re-saved by LibreOffice
 * 7.4 with the document it was made from (tests/data/review). */

static char *tmp_dir;

#define SENTENCE "Every ministry has at least two people able to recognise, contain and report an incident."
#define EDITED   "Every ministry has at least two people able to recognise, contain, report and learn from an incident."

static PlDocument *
new_demo (const char *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  PlDocument *doc;

  g_unlink (path);
  doc = pl_demo_create (path, PL_DEMO_SMALL, &error);
  g_assert_no_error (error);
  return doc;
}

/* The document the LibreOffice copies in tests/data/review were made from. */
static PlDocument *
open_untouched (void)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "review", "untouched.pillars", NULL);
  g_autofree char *path = g_build_filename (tmp_dir, "untouched.pillars", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  PlDocument *doc;
  gsize len;

  g_assert_true (g_file_get_contents (source, &data, &len, NULL));
  g_assert_true (g_file_set_contents (path, data, len, NULL));
  doc = pl_document_open (path, PL_DOCUMENT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  return doc;
}

static GBytes *
read_bytes (const char *path)
{
  char *data;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_bytes_new_take (data, len);
}

static GBytes *
review_copy (PlDocument     *doc,
             PlExportFormat  format)
{
  g_autofree char *path = g_build_filename (tmp_dir, format == PL_EXPORT_ODT ? "review.odt" : "review.docx", NULL);
  g_autoptr(GError) error = NULL;
  PlExportOptions options;

  pl_export_options_init (&options);
  options.format = format;
  options.for_review = TRUE;
  g_assert_true (pl_export_to_file (doc, &options, path, NULL, &error));
  g_assert_no_error (error);
  pl_export_options_clear (&options);
  return read_bytes (path);
}

/* @copy with the text @from in @part replaced by @to, and @extra (a part
 * name and its content, or NULL) added or replacing the one there. */
static GBytes *
edited (GBytes     *copy,
        const char *part,
        const char *from,
        const char *to,
        const char *extra_name,
        const char *extra)
{
  g_autofree char *path = g_build_filename (tmp_dir, "returned.zip", NULL);
  struct archive *in = archive_read_new ();
  struct archive *out = archive_write_new ();
  struct archive_entry *entry;
  gsize len;
  const void *data = g_bytes_get_data (copy, &len);
  gboolean found = FALSE;

  archive_read_support_format_zip (in);
  g_assert_cmpint (archive_read_open_memory (in, data, len), ==, ARCHIVE_OK);
  archive_write_set_format_zip (out);
  g_assert_cmpint (archive_write_open_filename (out, path), ==, ARCHIVE_OK);
  while (archive_read_next_header (in, &entry) == ARCHIVE_OK)
    {
      g_autoptr(GByteArray) content = g_byte_array_new ();
      g_autofree char *text = NULL;
      const char *name = archive_entry_pathname (entry);
      struct archive_entry *o;
      char buffer[8192];
      la_ssize_t n;

      while ((n = archive_read_data (in, buffer, sizeof buffer)) > 0)
        g_byte_array_append (content, (guint8 *) buffer, n);
      if (extra_name && g_str_equal (name, extra_name))
        continue;
      /* Parts we do not edit are copied as they are (pictures, empty ones). */
      if (!(from && g_str_equal (name, part)))
        {
          o = archive_entry_new ();
          archive_entry_set_pathname (o, name);
          archive_entry_set_filetype (o, AE_IFREG);
          archive_entry_set_perm (o, 0644);
          archive_entry_set_size (o, content->len);
          archive_write_header (out, o);
          archive_write_data (out, content->data, content->len);
          archive_entry_free (o);
          continue;
        }
      text = g_strndup ((char *) content->data, content->len);
        {
          g_auto(GStrv) pieces = g_strsplit (text, from, 2);

          g_assert_nonnull (pieces[1]);  /* the text to edit is there */
          g_free (text);
          text = g_strjoinv (to, pieces);
          found = TRUE;
        }
      o = archive_entry_new ();
      archive_entry_set_pathname (o, name);
      archive_entry_set_filetype (o, AE_IFREG);
      archive_entry_set_perm (o, 0644);
      archive_entry_set_size (o, strlen (text));
      archive_write_header (out, o);
      archive_write_data (out, text, strlen (text));
      archive_entry_free (o);
    }
  if (extra_name)
    {
      struct archive_entry *o = archive_entry_new ();

      archive_entry_set_pathname (o, extra_name);
      archive_entry_set_filetype (o, AE_IFREG);
      archive_entry_set_perm (o, 0644);
      archive_entry_set_size (o, strlen (extra));
      archive_write_header (out, o);
      archive_write_data (out, extra, strlen (extra));
      archive_entry_free (o);
    }
  archive_read_free (in);
  g_assert_cmpint (archive_write_close (out), ==, ARCHIVE_OK);
  archive_write_free (out);
  g_assert_true (from == NULL || found);
  return read_bytes (path);
}

static const char core_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
  "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
  "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
  "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
  "<dc:creator>Ministry of Digital Transformation</dc:creator>"
  "<cp:lastModifiedBy>Ana Lopes</cp:lastModifiedBy>"
  "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2026-12-03T16:45:00Z</dcterms:modified>"
  "</cp:coreProperties>";

static PlReviewImport *
import (PlDocument *doc,
        GBytes     *bytes,
        const char *name)
{
  g_autoptr(GError) error = NULL;
  PlReviewImport *import = pl_review_import_new (doc);

  pl_review_import_set_organisation (import, "Ministry of Finance");
  g_assert_true (pl_review_import_add_bytes (import, bytes, name, &error));
  g_assert_no_error (error);
  return import;
}

static guint
count_untracked (PlReviewImport *import)
{
  guint n = 0;

  for (guint i = 0; i < pl_review_import_get_n_items (import); i++)
    {
      const PlReviewItem *item = pl_review_import_get_item (import, i);

      if (item->origin == PL_FEEDBACK_ORIGIN_UNTRACKED_EDIT && !item->already_there)
        n++;
    }
  return n;
}

static PlObjective *
first_objective (PlDocument *doc)
{
  GListModel *pillars = pl_document_get_pillars (doc);
  g_autoptr(PlPillar) pillar = g_list_model_get_item (pillars, 0);

  return g_list_model_get_item (pl_document_get_objectives (doc, pillar), 0);
}

/* One sentence changed without tracking: one amendment, quoted from the
 * strategy, attributed to who saved the file last; accepting it changes
 * the text (undoably) and a second import adds nothing. */
static void
test_one_sentence (void)
{
  g_autoptr(PlDocument) doc = new_demo ("one.pillars");
  g_autoptr(GBytes) copy = review_copy (doc, PL_EXPORT_DOCX);
  g_autoptr(GBytes) returned = edited (copy, "word/document.xml", SENTENCE, EDITED, "docProps/core.xml", core_xml);
  g_autoptr(PlReviewImport) first = import (doc, returned, "finance.docx");
  g_autoptr(PlReviewImport) again = NULL;
  g_autoptr(PlObjective) objective = first_objective (doc);
  g_autoptr(PlFeedback) amendment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *preview = NULL;
  const PlReviewItem *item;
  guint added = 0;

  g_assert_cmpuint (pl_review_import_get_n_items (first), ==, 1);
  item = pl_review_import_get_item (first, 0);
  g_assert_cmpint (item->kind, ==, PL_FEEDBACK_AMENDMENT);
  g_assert_cmpint (item->origin, ==, PL_FEEDBACK_ORIGIN_UNTRACKED_EDIT);
  g_assert_cmpint (item->operation, ==, PL_AMENDMENT_REPLACE);
  g_assert_cmpstr (item->author, ==, "Ana Lopes");
  g_assert_cmpstr (item->captured_at, ==, "2026-12-03T16:45:00.000000Z");
  g_assert_true (item->target == PL_RECORD (objective));
  g_assert_cmpint (item->placement, ==, PL_REVIEW_PLACED_BY_ANCHOR);
  /* The words around a short change make the passage one place. */
  g_assert_cmpstr (item->quote, ==, "people able to recognise, contain and report an incident.");
  g_assert_cmpstr (item->proposal, ==, "people able to recognise, contain, report and learn from an incident.");
  preview = pl_review_import_format_preview (first);
  g_assert_nonnull (strstr (preview, "Ana Lopes: 1 amendment (1 untracked edit)"));

  g_assert_true (pl_review_import_apply (first, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 1);
  {
    GListModel *all = G_LIST_MODEL (pl_document_get_feedback (doc));

    for (guint i = 0; i < g_list_model_get_n_items (all) && amendment == NULL; i++)
      {
        g_autoptr(PlFeedback) fb = g_list_model_get_item (all, i);

        if (pl_feedback_get_origin (fb) == PL_FEEDBACK_ORIGIN_UNTRACKED_EDIT)
          amendment = g_steal_pointer (&fb);
      }
  }
  g_assert_nonnull (amendment);
  g_assert_cmpstr (pl_feedback_get_body (amendment), ==, "Edited without tracking in the returned copy “finance.docx”.");

  g_assert_true (pl_review_accept_amendment (doc, amendment, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pl_objective_get_description (objective), ==, EDITED);
  g_assert_cmpint (pl_feedback_get_disposition (amendment), ==, PL_DISPOSITION_ACCEPTED);

  /* The copy and the strategy now agree; the item is there once. */
  again = import (doc, returned, "finance.docx");
  g_assert_cmpuint (pl_review_import_count_new (again, PL_FEEDBACK_AMENDMENT), ==, 0);

  g_assert_true (pl_document_undo (doc, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pl_objective_get_description (objective), ==, SENTENCE);
}

/* Several edits at once in one pillar (its summary, a sentence and a
 * heading of its narrative): each is its own amendment, and each applies. Without the
 * file's author, the organisation given is the reviewer. */
static void
test_several (void)
{
  g_autoptr(PlDocument) doc = new_demo ("several.pillars");
  g_autoptr(GBytes) copy = review_copy (doc, PL_EXPORT_DOCX);
  g_autoptr(GBytes) one = edited (copy, "word/document.xml", "We will train people already in post",
                                  "We will first train people already in post", NULL, NULL);
  g_autoptr(GBytes) two = edited (one, "word/document.xml", "A skilled national cybersecurity workforce by 2030.",
                                  "A skilled national cybersecurity workforce by 2028.", NULL, NULL);
  /* The last word of a paragraph (a heading in the narrative): the quote
   * must not reach into the next paragraph, or applying it joins them. */
  g_autoptr(GBytes) three = edited (two, "word/document.xml", "_Toc_pl_h8\"/><w:r><w:t>Why it matters</w:t>",
                                    "_Toc_pl_h8\"/><w:r><w:t>Why it counts</w:t>", NULL, NULL);
  g_autoptr(PlReviewImport) first = import (doc, three, "edits.docx");
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  GListModel *pillars = pl_document_get_pillars (doc);
  g_autoptr(PlPillar) pillar = g_list_model_get_item (pillars, 0);
  GListModel *all;

  g_assert_cmpuint (count_untracked (first), ==, 3);
  for (guint i = 0; i < pl_review_import_get_n_items (first); i++)
    {
      const PlReviewItem *item = pl_review_import_get_item (first, i);

      g_assert_cmpstr (item->author, ==, "Ministry of Finance");
      g_assert_true (item->target == PL_RECORD (pillar));
    }
  g_assert_true (pl_review_import_apply (first, NULL, &error));
  g_assert_no_error (error);
  all = G_LIST_MODEL (pl_document_get_feedback (doc));
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(PlFeedback) fb = g_list_model_get_item (all, i);

      if (pl_feedback_get_origin (fb) == PL_FEEDBACK_ORIGIN_UNTRACKED_EDIT)
        g_ptr_array_add (items, g_steal_pointer (&fb));
    }
  g_assert_cmpuint (items->len, ==, 3);
  for (guint i = 0; i < items->len; i++)
    {
      g_assert_true (pl_review_accept_amendment (doc, items->pdata[i], NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpstr (pl_pillar_get_summary (pillar), ==, "A skilled national cybersecurity workforce by 2028.");
  g_assert_nonnull (strstr (pl_pillar_get_body (pillar), "We will first train people already in post"));
  g_assert_true (g_str_has_prefix (pl_pillar_get_body (pillar), "## Why it counts\n\nThe Kestrel Islands"));
}

/* Our own export, untouched, DOCX and ODT: nothing. */
static void
test_unchanged (void)
{
  g_autoptr(PlDocument) doc = new_demo ("unchanged.pillars");
  g_autoptr(GBytes) docx = review_copy (doc, PL_EXPORT_DOCX);
  g_autoptr(GBytes) odt = review_copy (doc, PL_EXPORT_ODT);
  g_autoptr(PlReviewImport) a = import (doc, docx, "review.docx");
  g_autoptr(PlReviewImport) b = import (doc, odt, "review.odt");

  g_assert_cmpuint (pl_review_import_get_n_items (a), ==, 0);
  g_assert_cmpuint (pl_review_import_get_n_items (b), ==, 0);
}

/* Our export re-saved by LibreOffice (styles, bookmarks and numbering
 * rewritten, DOCX and ODT): nothing, and an edit made in such a copy is
 * still found — the comparison did run. */
static void
test_libreoffice (void)
{
  static const char *const names[] = { "untouched-libreoffice.docx", "untouched-libreoffice.odt" };
  g_autoptr(PlDocument) doc = open_untouched ();

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "review", names[i], NULL);
      g_autoptr(GBytes) bytes = read_bytes (path);
      g_autoptr(PlReviewImport) untouched = import (doc, bytes, names[i]);
      gboolean odt = g_str_has_suffix (names[i], ".odt");
      g_autoptr(GBytes) changed = edited (bytes, odt ? "content.xml" : "word/document.xml", SENTENCE, EDITED, NULL, NULL);
      g_autoptr(PlReviewImport) edit = import (doc, changed, names[i]);
      const PlReviewItem *item;

      g_assert_cmpuint (pl_review_import_get_n_items (untouched), ==, 0);
      g_assert_cmpuint (pl_review_import_get_n_items (edit), ==, 1);
      item = pl_review_import_get_item (edit, 0);
      g_assert_cmpint (item->origin, ==, PL_FEEDBACK_ORIGIN_UNTRACKED_EDIT);
      g_assert_cmpstr (item->quote, ==, "people able to recognise, contain and report an incident.");
      g_assert_nonnull (item->target);
      g_assert_true (PL_IS_OBJECTIVE (item->target));
    }
}

/* The copies pandoc and LibreOffice wrote with comments and tracked
 * changes (no anchors: units found by their headings): their tracked
 * changes are amendments, and there is no untracked edit in them. */
static void
test_tool_copies (void)
{
  static const char *const names[] = { "returned-pandoc.docx", "returned-libreoffice.docx", "returned-libreoffice.odt" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *file = g_strdup_printf ("tool-%u.pillars", i);
      g_autoptr(PlDocument) doc = new_demo (file);
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "review", names[i], NULL);
      g_autoptr(GBytes) bytes = read_bytes (path);
      g_autoptr(PlReviewImport) imported = import (doc, bytes, names[i]);
      g_autoptr(GBytes) changed = edited (bytes, g_str_has_suffix (names[i], ".odt") ? "content.xml" : "word/document.xml",
                                          "train people already in post", "train the people already in post", NULL, NULL);
      g_autoptr(PlReviewImport) edit = import (doc, changed, names[i]);
      const PlReviewItem *item = NULL;

      g_assert_cmpuint (pl_review_import_count_new (imported, PL_FEEDBACK_AMENDMENT), ==, 3);
      g_assert_cmpuint (count_untracked (imported), ==, 0);
      /* Placed by the pillar's heading, with the anchors gone. */
      g_assert_cmpuint (count_untracked (edit), ==, 1);
      for (guint j = 0; j < pl_review_import_get_n_items (edit); j++)
        if (pl_review_import_get_item (edit, j)->origin == PL_FEEDBACK_ORIGIN_UNTRACKED_EDIT)
          item = pl_review_import_get_item (edit, j);
      g_assert_cmpint (item->placement, ==, PL_REVIEW_PLACED_BY_HEADING);
      g_assert_true (PL_IS_PILLAR (item->target));
      g_assert_cmpstr (item->quote, ==, "We will train people already in post, build");
      g_assert_cmpstr (item->proposal, ==, "We will train the people already in post, build");
    }
}

/* A copy whose text is larger than libxml2 takes in one piece (10 MB) is
 * read, and its edit found. */
static void
test_large (void)
{
  g_autoptr(PlDocument) doc = new_demo ("large.pillars");
  g_autoptr(GBytes) copy = review_copy (doc, PL_EXPORT_DOCX);
  g_autoptr(GString) padding = g_string_new (NULL);
  g_autoptr(GBytes) one = edited (copy, "word/document.xml", SENTENCE, EDITED, NULL, NULL);
  g_autoptr(GBytes) returned = NULL;
  g_autoptr(PlReviewImport) imported = NULL;

  /* 11 MB of numbered paragraphs at the end, outside every unit (after
   * the implementation plan), as an appendix a reviewer might paste. */
  for (guint i = 0; padding->len < 11 * 1024 * 1024; i++)
    g_string_append_printf (padding, "<w:p><w:r><w:t>Appendix line %u of the ministry's notes.</w:t></w:r></w:p>", i);
  g_string_append (padding, "</w:body>");
  returned = edited (one, "word/document.xml", "</w:body>", padding->str, NULL, NULL);
  imported = import (doc, returned, "large.docx");
  g_assert_cmpuint (count_untracked (imported), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  tmp_dir = pl_test_make_dir ();
  g_test_add_func ("/review/untracked/one-sentence", test_one_sentence);
  g_test_add_func ("/review/untracked/several", test_several);
  g_test_add_func ("/review/untracked/unchanged", test_unchanged);
  g_test_add_func ("/review/untracked/libreoffice", test_libreoffice);
  g_test_add_func ("/review/untracked/tool-copies", test_tool_copies);
  g_test_add_func ("/review/untracked/large", test_large);
  ret = g_test_run ();
  pl_test_rmdir_recursive (tmp_dir);
  g_free (tmp_dir);
  return ret;
}
