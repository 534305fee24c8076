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
#include "pl-import-draft.h"
#include "pl-review.h"
#include "pl-review-import.h"

/* Returned review copies (pl-review-import.c, pl-review-docx.c): comments
 * with their threads and tracked changes come back as feedback, placed by
 * the hidden anchors of `export --for-review`, or by their text when a
 * re-save lost them; re-importing adds nothing; bad input is listed or
 * refused with nothing written. The copies are our review export with
 * WordprocessingML added as Word writes it, and files pandoc and
 * LibreOffice wrote (tests/data/review, see its README). */

static char *tmp_dir;

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

static GBytes *
review_copy_as (PlDocument     *doc,
                PlExportFormat  format)
{
  g_autofree char *path = g_build_filename (tmp_dir, format == PL_EXPORT_ODT ? "review.odt" : "review.docx", NULL);
  g_autoptr(GError) error = NULL;
  PlExportOptions options;
  char *data;
  gsize len;

  pl_export_options_init (&options);
  options.format = format;
  options.for_review = TRUE;
  g_assert_true (pl_export_to_file (doc, &options, path, NULL, &error));
  g_assert_no_error (error);
  pl_export_options_clear (&options);
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_bytes_new_take (data, len);
}

static GBytes *
review_copy (PlDocument *doc)
{
  return review_copy_as (doc, PL_EXPORT_DOCX);
}

/* The copy with @edits (pairs: text in @part, its replacement;
 * NULL-terminated) and extra parts (name, content pairs). */
static GBytes *
returned_copy_of (GBytes            *copy,
                  const char        *part,
                  const char *const *edits,
                  const char *const *parts)
{
  g_autofree char *path = g_build_filename (tmp_dir, "returned.docx", NULL);
  struct archive *in = archive_read_new ();
  struct archive *out = archive_write_new ();
  struct archive_entry *entry;
  gsize len;
  const void *data = g_bytes_get_data (copy, &len);
  char *result;

  archive_read_support_format_zip (in);
  g_assert_cmpint (archive_read_open_memory (in, data, len), ==, ARCHIVE_OK);
  archive_write_set_format_zip (out);
  archive_write_set_options (out, "zip:!zip64");
  g_assert_cmpint (archive_write_open_filename (out, path), ==, ARCHIVE_OK);
  while (archive_read_next_header (in, &entry) == ARCHIVE_OK)
    {
      g_autoptr(GByteArray) content = g_byte_array_new ();
      g_autofree char *text = NULL;
      const char *name = archive_entry_pathname (entry);
      struct archive_entry *o = archive_entry_new ();
      char buffer[8192];
      la_ssize_t n;

      while ((n = archive_read_data (in, buffer, sizeof buffer)) > 0)
        g_byte_array_append (content, (guint8 *) buffer, n);
      text = g_strndup ((char *) content->data, content->len);
      if (g_str_equal (name, part))
        for (guint i = 0; edits[i] != NULL; i += 2)
          {
            g_auto(GStrv) pieces = g_strsplit (text, edits[i], 2);

            g_assert_nonnull (pieces[1]);  /* the text to edit is there */
            g_free (text);
            text = g_strjoinv (edits[i + 1], pieces);
          }
      archive_entry_set_pathname (o, name);
      archive_entry_set_filetype (o, AE_IFREG);
      archive_entry_set_perm (o, 0644);
      archive_entry_set_size (o, strlen (text));
      archive_write_header (out, o);
      archive_write_data (out, text, strlen (text));
      archive_entry_free (o);
    }
  for (guint i = 0; parts && parts[i] != NULL; i += 2)
    {
      struct archive_entry *o = archive_entry_new ();

      archive_entry_set_pathname (o, parts[i]);
      archive_entry_set_filetype (o, AE_IFREG);
      archive_entry_set_perm (o, 0644);
      archive_entry_set_size (o, strlen (parts[i + 1]));
      archive_write_header (out, o);
      archive_write_data (out, parts[i + 1], strlen (parts[i + 1]));
      archive_entry_free (o);
    }
  archive_read_free (in);
  g_assert_cmpint (archive_write_close (out), ==, ARCHIVE_OK);
  archive_write_free (out);
  g_assert_true (g_file_get_contents (path, &result, &len, NULL));
  return g_bytes_new_take (result, len);
}

static GBytes *
returned_copy (GBytes            *copy,
               const char *const *edits,
               const char *const *parts)
{
  return returned_copy_of (copy, "word/document.xml", edits, parts);
}

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " \
             "xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\""

static const char comments_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
  "<w:comments " W_NS ">"
  "<w:comment w:id=\"0\" w:author=\"Ana Lopes\" w:date=\"2026-12-01T09:30:00Z\" w:initials=\"AL\">"
  "<w:p w14:paraId=\"0A000001\"><w:r><w:annotationRef/></w:r><w:r><w:t>Two is too few for</w:t></w:r>"
  "<w:r><w:t xml:space=\"preserve\"> a large ministry.</w:t></w:r></w:p></w:comment>"
  "<w:comment w:id=\"1\" w:author=\"Amara Whitfield\" w:date=\"2026-12-02T08:00:00Z\">"
  "<w:p w14:paraId=\"0A000002\"><w:r><w:t>Agreed, but who pays?</w:t></w:r></w:p></w:comment>"
  "</w:comments>";

static const char comments_ex_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
  "<w15:commentsEx xmlns:w15=\"http://schemas.microsoft.com/office/word/2012/wordml\">"
  "<w15:commentEx w15:paraId=\"0A000001\" w15:done=\"0\"/>"
  "<w15:commentEx w15:paraId=\"0A000002\" w15:paraIdParent=\"0A000001\" w15:done=\"0\"/>"
  "</w15:commentsEx>";

/* Word's markup for a comment on "at least two people" (answered by a
 * reply) and a tracked replacement of "two" by "three". */
static const char *const word_edits[] = {
  "<w:r><w:t>Every ministry has at least two people able to recognise, contain and report an incident.</w:t></w:r>",
  "<w:r><w:t xml:space=\"preserve\">Every ministry has </w:t></w:r><w:commentRangeStart w:id=\"0\"/>"
  "<w:commentRangeStart w:id=\"1\"/><w:r><w:t xml:space=\"preserve\">at least </w:t></w:r>"
  "<w:del w:id=\"90\" w:author=\"Amara Whitfield\" w:date=\"2026-12-02T10:00:00Z\"><w:r><w:delText>two</w:delText></w:r></w:del>"
  "<w:ins w:id=\"91\" w:author=\"Amara Whitfield\" w:date=\"2026-12-02T10:00:00Z\"><w:r><w:t>three</w:t></w:r></w:ins>"
  "<w:r><w:t xml:space=\"preserve\"> people</w:t></w:r><w:commentRangeEnd w:id=\"0\"/><w:commentRangeEnd w:id=\"1\"/>"
  "<w:r><w:commentReference w:id=\"0\"/></w:r><w:r><w:commentReference w:id=\"1\"/></w:r>"
  "<w:r><w:t xml:space=\"preserve\"> able to recognise, contain and report an incident.</w:t></w:r>",
  NULL
};

static PlReviewImport *
import_bytes (PlDocument *doc,
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

static const PlReviewItem *
find_item (PlReviewImport *import,
           PlFeedbackKind  kind)
{
  for (guint i = 0; i < pl_review_import_get_n_items (import); i++)
    if (pl_review_import_get_item (import, i)->kind == kind)
      return pl_review_import_get_item (import, i);
  g_assert_not_reached ();
  return NULL;
}

static PlFeedback *
newest_of (PlDocument       *doc,
           PlFeedbackOrigin  origin)
{
  GListModel *all = G_LIST_MODEL (pl_document_get_feedback (doc));

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(PlFeedback) fb = g_list_model_get_item (all, i);

      if (pl_feedback_get_origin (fb) == origin)
        return g_steal_pointer (&fb);
    }
  return NULL;
}

static void
test_word_comments_and_changes (void)
{
  g_autoptr(PlDocument) doc = new_demo ("word.pillars");
  g_autoptr(GBytes) copy = review_copy (doc);
  const char *const parts[] = { "word/comments.xml", comments_xml,
                                "word/commentsExtended.xml", comments_ex_xml, NULL };
  g_autoptr(GBytes) returned = returned_copy (copy, word_edits, parts);
  g_autoptr(PlReviewImport) import = import_bytes (doc, returned, "/some/where/returned.docx");
  g_autoptr(PlReviewImport) again = NULL;
  g_autoptr(PlFeedback) comment = NULL;
  g_autoptr(PlFeedback) amendment = NULL;
  g_autoptr(PlStakeholder) finance = NULL;
  g_autoptr(PlRecord) changed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *preview = NULL;
  const PlReviewItem *item;
  gint64 before = pl_document_count (doc, "feedback");
  gint64 stakeholders = pl_document_count (doc, "stakeholders");
  guint added = 0;

  /* The reply is threaded into the comment it answers, not an item of its own. */
  g_assert_cmpuint (pl_review_import_get_n_items (import), ==, 2);
  item = find_item (import, PL_FEEDBACK_COMMENT);
  g_assert_cmpstr (item->author, ==, "Ana Lopes");
  g_assert_cmpstr (item->captured_at, ==, "2026-12-01T09:30:00.000000Z");
  g_assert_cmpstr (item->text, ==, "Two is too few for a large ministry.\n\n— Amara Whitfield, 2026-12-02: Agreed, but who pays?");
  g_assert_cmpuint (item->n_replies, ==, 1);
  g_assert_cmpstr (item->quote, ==, "at least two people");
  g_assert_cmpint (item->placement, ==, PL_REVIEW_PLACED_BY_ANCHOR);
  g_assert_true (PL_IS_OBJECTIVE (item->target));
  g_assert_cmpstr (pl_objective_get_title (PL_OBJECTIVE (item->target)), ==,
                   "Train 200 public servants in cyber hygiene and incident handling by 2028");
  g_assert_cmpstr (item->file, ==, "returned.docx");

  item = find_item (import, PL_FEEDBACK_AMENDMENT);
  g_assert_cmpstr (item->author, ==, "Amara Whitfield");
  g_assert_cmpint (item->origin, ==, PL_FEEDBACK_ORIGIN_TRACKED_CHANGE);
  g_assert_cmpint (item->operation, ==, PL_AMENDMENT_REPLACE);
  g_assert_cmpstr (item->quote, ==, "Every ministry has at least two");
  g_assert_cmpstr (item->proposal, ==, "Every ministry has at least three");
  g_assert_true (PL_IS_OBJECTIVE (item->target));

  preview = pl_review_import_format_preview (import);
  g_assert_nonnull (strstr (preview, "To add: 1 comment, 1 amendment from 2 reviewers (1 new to the stakeholder registry).\n"));
  g_assert_nonnull (strstr (preview, "Ana Lopes: 1 comment\n  Pillar “Capacity building”: 1 comment\n"));

  /* Nothing is written before apply. */
  g_assert_cmpint (pl_document_count (doc, "feedback"), ==, before);
  g_assert_true (pl_review_import_apply (import, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 2);
  g_assert_cmpint (pl_document_count (doc, "feedback"), ==, before + 2);
  /* Amara Whitfield is in the demo's registry; Ana Lopes is new. */
  g_assert_cmpint (pl_document_count (doc, "stakeholders"), ==, stakeholders + 1);

  comment = newest_of (doc, PL_FEEDBACK_ORIGIN_REVIEW_COMMENT);
  g_assert_nonnull (comment);
  g_assert_cmpint (pl_feedback_get_kind (comment), ==, PL_FEEDBACK_COMMENT);
  g_assert_cmpstr (pl_feedback_get_quote (comment), ==, "at least two people");
  g_assert_cmpstr (pl_feedback_get_captured_at (comment), ==, "2026-12-01T09:30:00.000000Z");
  g_assert_cmpint (pl_feedback_get_target_kind (comment), ==, PL_TARGET_OBJECTIVE);
  g_assert_false (pl_feedback_get_orphaned (comment));
  finance = pl_document_find_stakeholder (doc, "Ana Lopes");
  g_assert_nonnull (finance);
  g_assert_cmpstr (pl_stakeholder_get_organisation (finance), ==, "Ministry of Finance");
  g_assert_cmpint (pl_feedback_get_stakeholder_id (comment), ==, pl_record_get_id (PL_RECORD (finance)));

  /* The same copy again adds nothing. */
  again = import_bytes (doc, returned, "returned.docx");
  g_assert_cmpuint (pl_review_import_count_new (again, PL_FEEDBACK_COMMENT), ==, 0);
  g_assert_cmpuint (pl_review_import_count_new (again, PL_FEEDBACK_AMENDMENT), ==, 0);
  g_assert_true (pl_review_import_apply (again, &added, &error));
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpint (pl_document_count (doc, "feedback"), ==, before + 2);

  /* The amendment applies, and Undo takes it back. */
  amendment = newest_of (doc, PL_FEEDBACK_ORIGIN_TRACKED_CHANGE);
  g_assert_nonnull (amendment);
  g_assert_true (pl_review_accept_amendment (doc, amendment, &changed, &error));
  g_assert_no_error (error);
  g_object_get (changed, "description", &description, NULL);
  g_assert_cmpstr (description, ==, "Every ministry has at least three people able to recognise, contain and report an incident.");
  g_assert_cmpint (pl_feedback_get_disposition (amendment), ==, PL_DISPOSITION_ACCEPTED);
  g_assert_true (pl_document_undo (doc, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&description, g_free);
  g_object_get (changed, "description", &description, NULL);
  g_assert_cmpstr (description, ==, "Every ministry has at least two people able to recognise, contain and report an incident.");

  /* Undo also takes the whole import back, in one step. */
  g_assert_true (pl_document_undo (doc, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pl_document_count (doc, "feedback"), ==, before);
}

/* LibreOffice's own format: an annotation and a tracked replacement as
 * LibreOffice writes them (see returned-libreoffice.odt), under the
 * objective's anchor. */
static void
test_odt (void)
{
  g_autoptr(PlDocument) doc = new_demo ("odt.pillars");
  g_autoptr(GBytes) copy = review_copy_as (doc, PL_EXPORT_ODT);
  const char *const edits[] = {
    "<office:text>",
    "<office:text><text:tracked-changes text:track-changes=\"false\">"
    "<text:changed-region xml:id=\"ct1\" text:id=\"ct1\"><text:deletion><office:change-info>"
    "<dc:creator>Amara Whitfield</dc:creator><dc:date>2026-12-02T10:00:00</dc:date></office:change-info>"
    "<text:p>two</text:p></text:deletion></text:changed-region>"
    "<text:changed-region xml:id=\"ct2\" text:id=\"ct2\"><text:insertion><office:change-info>"
    "<dc:creator>Amara Whitfield</dc:creator><dc:date>2026-12-02T10:00:00</dc:date></office:change-info>"
    "</text:insertion></text:changed-region></text:tracked-changes>",
    "Every ministry has at least two people able to recognise, contain and report an incident.",
    "Every ministry has <office:annotation office:name=\"__Annotation__1\"><dc:creator>Ana Lopes</dc:creator>"
    "<dc:date>2026-12-01T09:30:00</dc:date><text:p>Two is too few.</text:p></office:annotation>at least "
    "<text:change text:change-id=\"ct1\"/><text:change-start text:change-id=\"ct2\"/>three<text:change-end text:change-id=\"ct2\"/>"
    " people<office:annotation-end office:name=\"__Annotation__1\"/> able to recognise, contain and report an incident.",
    NULL
  };
  g_autoptr(GBytes) returned = returned_copy_of (copy, "content.xml", edits, NULL);
  g_autoptr(PlReviewImport) import = import_bytes (doc, returned, "returned.odt");
  const PlReviewItem *item;

  g_assert_cmpuint (pl_review_import_get_n_items (import), ==, 2);
  item = find_item (import, PL_FEEDBACK_COMMENT);
  g_assert_cmpstr (item->author, ==, "Ana Lopes");
  g_assert_cmpstr (item->text, ==, "Two is too few.");
  g_assert_cmpstr (item->quote, ==, "at least two people");
  g_assert_cmpstr (item->captured_at, ==, "2026-12-01T09:30:00.000000Z");
  g_assert_cmpint (item->placement, ==, PL_REVIEW_PLACED_BY_ANCHOR);
  g_assert_true (PL_IS_OBJECTIVE (item->target));
  item = find_item (import, PL_FEEDBACK_AMENDMENT);
  g_assert_cmpstr (item->author, ==, "Amara Whitfield");
  g_assert_cmpint (item->operation, ==, PL_AMENDMENT_REPLACE);
  g_assert_cmpstr (item->quote, ==, "Every ministry has at least two");
  g_assert_cmpstr (item->proposal, ==, "Every ministry has at least three");
  g_assert_cmpint (item->placement, ==, PL_REVIEW_PLACED_BY_ANCHOR);
}

/* A copy made from another strategy is refused unless forced; forced, its
 * items are placed by their text. */
static void
test_other_strategy (void)
{
  g_autoptr(PlDocument) mine = new_demo ("mine.pillars");
  g_autoptr(PlDocument) other = new_demo ("other.pillars");
  g_autoptr(GBytes) copy = review_copy (other);
  const char *const parts[] = { "word/comments.xml", comments_xml, NULL };
  g_autoptr(GBytes) returned = returned_copy (copy, word_edits, parts);
  g_autoptr(PlReviewImport) import = pl_review_import_new (mine);
  g_autoptr(GError) error = NULL;
  gint64 before = pl_document_count (mine, "feedback");
  const PlReviewItem *item;

  g_assert_false (pl_review_import_add_bytes (import, returned, "other.docx", &error));
  g_assert_error (error, PL_REVIEW_ERROR, PL_REVIEW_ERROR_OTHER_STRATEGY);
  g_assert_cmpuint (pl_review_import_get_n_items (import), ==, 0);
  g_clear_error (&error);

  pl_review_import_set_force_other_strategy (import, TRUE);
  g_assert_true (pl_review_import_add_bytes (import, returned, "other.docx", &error));
  g_assert_no_error (error);
  /* Two comments (the reply is not threaded without commentsExtended.xml
   * but still lies on the same passage) and the change. */
  g_assert_cmpuint (pl_review_import_get_n_items (import), ==, 3);
  item = find_item (import, PL_FEEDBACK_AMENDMENT);
  g_assert_cmpint (item->placement, ==, PL_REVIEW_PLACED_BY_TEXT);
  g_assert_true (PL_IS_OBJECTIVE (item->target));
  g_assert_cmpint (pl_document_count (mine, "feedback"), ==, before);
}

/* Files another program wrote: pandoc (comment and change spans from
 * Markdown) and LibreOffice (that file opened and saved again). Neither
 * keeps the hidden anchors, so every item is placed by its text. */
static void
check_tool_copy (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "review", name, NULL);
  g_autoptr(PlDocument) doc = new_demo ("tool.pillars");
  g_autoptr(PlReviewImport) import = pl_review_import_new (doc);
  g_autoptr(PlReviewImport) again = pl_review_import_new (doc);
  g_autoptr(GError) error = NULL;
  const char * const *notes;
  guint added = 0, accepted = 0;

  g_assert_true (pl_review_import_add_file (import, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pl_review_import_count_new (import, PL_FEEDBACK_COMMENT), ==, 2);
  g_assert_cmpuint (pl_review_import_count_new (import, PL_FEEDBACK_AMENDMENT), ==, 3);
  notes = pl_review_import_get_notes (import);
  g_assert_nonnull (notes[0]);
  g_assert_nonnull (strstr (notes[0], "no hidden anchors"));
  for (guint i = 0; i < pl_review_import_get_n_items (import); i++)
    {
      const PlReviewItem *item = pl_review_import_get_item (import, i);

      g_assert_cmpint (item->placement, ==, PL_REVIEW_PLACED_BY_TEXT);
      g_assert_nonnull (item->target);
      g_assert_nonnull (item->pillar);
      g_assert_cmpstr (pl_pillar_get_title (item->pillar), ==, "Capacity building");
      if (item->kind == PL_FEEDBACK_COMMENT && g_str_equal (item->author, "Ana Lopes"))
        {
          g_assert_cmpstr (item->text, ==, "Please cite the source of this figure.");
          g_assert_cmpstr (item->quote, ==, "cybersecurity, most of them in the two commercial banks.");
          g_assert_cmpstr (item->captured_at, ==, "2026-12-01T09:30:00.000000Z");
        }
    }
  g_assert_true (pl_review_import_apply (import, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 5);

  /* Every tracked change applies to the text it was made in. */
  {
    GListModel *all = G_LIST_MODEL (pl_document_get_feedback (doc));
    g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func (g_object_unref);

    /* Collected first: accepting re-sorts the live list. */
    for (guint i = 0; i < g_list_model_get_n_items (all); i++)
      {
        g_autoptr(PlFeedback) fb = g_list_model_get_item (all, i);

        if (pl_feedback_get_origin (fb) == PL_FEEDBACK_ORIGIN_TRACKED_CHANGE)
          g_ptr_array_add (changes, g_steal_pointer (&fb));
      }
    for (guint i = 0; i < changes->len; i++)
      {
        g_assert_true (pl_review_accept_amendment (doc, changes->pdata[i], NULL, &error));
        g_assert_no_error (error);
        g_clear_error (&error);
        accepted++;
      }
  }
  g_assert_cmpuint (accepted, ==, 3);
  {
    GListModel *pillars = pl_document_get_pillars (doc);
    g_autoptr(PlPillar) first = g_list_model_get_item (pillars, 0);

    g_assert_nonnull (strstr (pl_pillar_get_body (first), "wherever one exists and is affordable rather than build our own"));
  }

  /* A second import finds everything already there, even after the
   * amendments changed the text. */
  g_assert_true (pl_review_import_add_file (again, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pl_review_import_count_new (again, PL_FEEDBACK_COMMENT), ==, 0);
  g_assert_cmpuint (pl_review_import_count_new (again, PL_FEEDBACK_AMENDMENT), ==, 0);
}

/* What a reviewer's copy can hold that we did not ask for. */
static void
test_bad_input (void)
{
  g_autoptr(PlDocument) doc = new_demo ("bad.pillars");
  g_autoptr(GBytes) copy = review_copy (doc);
  g_autoptr(GString) author = g_string_new (NULL);
  g_autoptr(GString) comments = g_string_new ("<?xml version=\"1.0\"?><w:comments " W_NS ">");
  g_autofree char *title_edit = NULL;
  g_autoptr(GBytes) returned = NULL;
  g_autoptr(PlReviewImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *all_notes = NULL;
  gint64 before = pl_document_count (doc, "feedback");
  guint added = 0;
  gboolean outside = FALSE, spanning = FALSE;

  for (guint i = 0; i < 10 * 1024 / 8; i++)
    g_string_append (author, "Reviewer");
  /* 0: on the title page, outside every anchor; 1: the 10 KB author,
   * overlapping 0; 2: in comments.xml only (deleted from the text). */
  g_string_append_printf (comments,
                          "<w:comment w:id=\"0\" w:author=\"Outside\"><w:p><w:r><w:t>On the title</w:t></w:r></w:p></w:comment>"
                          "<w:comment w:id=\"1\" w:author=\"%s\"><w:p><w:r><w:t>Long name</w:t></w:r></w:p></w:comment>"
                          "<w:comment w:id=\"2\" w:author=\"Gone\"><w:p><w:r><w:t>Deleted</w:t></w:r></w:p></w:comment>"
                          "</w:comments>", author->str);
  {
    const char *const parts[] = { "word/comments.xml", comments->str, NULL };
    const char *const edits[] = {
      "<w:t>Republic of the Kestrel Islands</w:t>",
      "<w:t>Republic of the </w:t></w:r><w:commentRangeStart w:id=\"0\"/><w:r><w:t>Kestrel</w:t></w:r>"
      "<w:commentRangeStart w:id=\"1\"/><w:r><w:t xml:space=\"preserve\"> Islands</w:t></w:r>"
      "<w:commentRangeEnd w:id=\"0\"/><w:r><w:commentReference w:id=\"0\"/></w:r><w:r><w:t></w:t>",
      "able to recognise, contain and report an incident.</w:t></w:r></w:p>",
      "able to recognise, contain and report an incident.</w:t></w:r><w:commentRangeEnd w:id=\"1\"/>"
      "<w:r><w:commentReference w:id=\"1\"/></w:r>"
      "<w:ins w:id=\"95\" w:author=\"Span\"><w:r><w:t xml:space=\"preserve\"> Across</w:t></w:r></w:ins></w:p>"
      "<w:p><w:ins w:id=\"96\" w:author=\"Span\"><w:r><w:t>two paragraphs.</w:t></w:r></w:ins></w:p>",
      NULL
    };

    returned = returned_copy (copy, edits, parts);
  }
  import = import_bytes (doc, returned, "bad.docx");
  all_notes = g_strjoinv ("\n", (char **) pl_review_import_get_notes (import));
  g_assert_nonnull (strstr (all_notes, "Comment 2 by Gone is in the file but no longer in the text (it was deleted); skipped."));
  g_assert_nonnull (strstr (all_notes, "An author’s name of 10240 characters was cut to its first 60"));
  g_assert_nonnull (strstr (all_notes, "covers more than a passage can quote; it is kept without the quotation."));
  for (guint i = 0; i < pl_review_import_get_n_items (import); i++)
    {
      const PlReviewItem *item = pl_review_import_get_item (import, i);

      g_assert_cmpuint (g_utf8_strlen (item->author, -1), <=, 61);
      if (g_str_equal (item->author, "Outside"))
        {
          /* The title page names no part: the strategy as a whole. */
          g_assert_null (item->target);
          g_assert_cmpstr (item->quote, ==, "Kestrel Islands");
          outside = TRUE;
        }
      if (g_str_equal (item->author, "Span"))
        spanning = TRUE;
      if (g_str_has_prefix (item->author, "Reviewer"))
        /* From the title page to pillar 1: too long to quote. */
        g_assert_cmpstr (item->quote, ==, "");
    }
  g_assert_true (outside);
  g_assert_true (spanning);
  g_assert_true (pl_review_import_apply (import, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pl_document_count (doc, "feedback"), ==, before + added);
}

/* Files that are no review copy: a clear message, nothing read. */
static void
test_not_a_copy (void)
{
  g_autoptr(PlDocument) doc = new_demo ("not.pillars");
  static const struct { const char *data; gsize len; int code; } cases[] = {
    { "", 0, PL_IMPORT_ERROR_EMPTY },
    { "PK\x03\x04garbage", 13, PL_IMPORT_ERROR_TRUNCATED },
    { "{\\rtf1 hello}", 13, PL_IMPORT_ERROR_DISGUISED },
    { "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 old word", 17, PL_IMPORT_ERROR_LEGACY_FORMAT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PlReviewImport) import = pl_review_import_new (doc);
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].data, cases[i].len);
      g_autoptr(GError) error = NULL;

      g_assert_false (pl_review_import_add_bytes (import, bytes, "x.docx", &error));
      g_assert_error (error, PL_IMPORT_ERROR, cases[i].code);
    }
}

/* 5,000 comments import in one transaction, quickly. */
static void
test_many_comments (void)
{
  g_autoptr(PlDocument) doc = new_demo ("many.pillars");
  g_autoptr(GBytes) copy = review_copy (doc);
  g_autoptr(GString) comments = g_string_new ("<?xml version=\"1.0\"?><w:comments " W_NS ">");
  g_autoptr(GString) marks = g_string_new ("<w:r><w:t>Every ministry has at least two people");
  g_autoptr(GBytes) returned = NULL;
  g_autoptr(PlReviewImport) import = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before = pl_document_count (doc, "feedback");
  guint added = 0;

  for (guint i = 0; i < 5000; i++)
    {
      g_string_append_printf (comments, "<w:comment w:id=\"%u\" w:author=\"Reviewer %u\" w:date=\"2026-12-03T10:00:00Z\">"
                              "<w:p><w:r><w:t>Point %u</w:t></w:r></w:p></w:comment>", i, i % 40, i);
      g_string_append_printf (marks, "</w:t></w:r><w:r><w:commentReference w:id=\"%u\"/></w:r><w:r><w:t>", i);
    }
  g_string_append (comments, "</w:comments>");
  {
    const char *const parts[] = { "word/comments.xml", comments->str, NULL };
    const char *const edits[] = { "<w:r><w:t>Every ministry has at least two people", marks->str, NULL };

    returned = returned_copy (copy, edits, parts);
  }
  import = import_bytes (doc, returned, "many.docx");
  g_assert_cmpuint (pl_review_import_count_new (import, PL_FEEDBACK_COMMENT), ==, 5000);
  g_assert_true (pl_review_import_apply (import, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 5000);
  g_assert_cmpint (pl_document_count (doc, "feedback"), ==, before + 5000);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  tmp_dir = pl_test_make_dir ();
  g_test_add_func ("/review/import/word", test_word_comments_and_changes);
  g_test_add_func ("/review/import/other-strategy", test_other_strategy);
  g_test_add_data_func ("/review/import/pandoc", "returned-pandoc.docx", check_tool_copy);
  g_test_add_data_func ("/review/import/libreoffice", "returned-libreoffice.docx", check_tool_copy);
  g_test_add_data_func ("/review/import/libreoffice-odt", "returned-libreoffice.odt", check_tool_copy);
  g_test_add_func ("/review/import/odt", test_odt);
  g_test_add_func ("/review/import/bad-input", test_bad_input);
  g_test_add_func ("/review/import/not-a-copy", test_not_a_copy);
  g_test_add_func ("/review/import/many", test_many_comments);
  status = g_test_run ();
  pl_test_rmdir_recursive (tmp_dir);
  g_free (tmp_dir);
  return status;
}
