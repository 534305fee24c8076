/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "export-test-util.h"
#include "pl-document-read.h"

/* The outline walk and its narrative parsing (pl-export-outline.c,
 * pl-export-outline-parse.c): what a writer is told is the same whether
 * the narratives were parsed ahead in the second thread or not. */

/* Every call a writer gets, as text. */
static void
trace_heading (PlOutline              *ol,
               const PlOutlineHeading *heading)
{
  g_string_append_printf (ol->writer, "H%d %s %s%s\n", heading->level, heading->anchor, heading->text,
                          heading->new_page ? " (new page)" : "");
}

static void
trace_contents (PlOutline *ol,
                GPtrArray *headings)
{
  g_string_append_printf (ol->writer, "contents of %u\n", headings->len);
}

static void
trace_node (PlOutline        *ol,
            cmark_node       *node,
            cmark_event_type  ev,
            int               depth)
{
  const char *literal = cmark_node_get_literal (node);

  g_string_append_printf (ol->writer, "%s %s %d %s\n", ev == CMARK_EVENT_ENTER ? ">" : "<",
                          cmark_node_get_type_string (node), depth, literal ? literal : "");
}

static void
trace_paragraph (PlOutline          *ol,
                 PlOutlineParagraph  kind,
                 const char         *text)
{
  g_string_append_printf (ol->writer, "P%d %s\n", kind, text);
}

static void
trace_table_row (PlOutline         *ol,
                 const char *const *cells)
{
  g_string_append_printf (ol->writer, "row %s\n", cells[0]);
}

static const PlOutlineOps trace_ops = {
  .contents = trace_contents,
  .heading = trace_heading,
  .paragraph = trace_paragraph,
  .node = trace_node,
  .table_row = trace_table_row,
};

/* The outline of @doc as the trace ops see it, the narratives parsed
 * ahead or not. */
static char *
trace (PlDocument *doc,
       gboolean    ahead)
{
  g_autoptr(GError) error = NULL;
  PlExportOptions options;
  PlExportContext ctx = { 0 };
  GString *out = g_string_new (NULL);

  pl_export_options_init (&options);
  options.annex = TRUE;
  ctx.document = doc;
  ctx.options = &options;
  ctx.participants = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  ctx.buffer = g_string_new (NULL);
  ctx.date = g_strdup ("1 December 2026");
  ctx.classification = g_strdup ("");
  g_assert_true (pl_document_preload (doc, PL_TYPE_OBJECTIVE, &error));
  g_assert_no_error (error);
  if (ahead)
    ctx.parse_ahead = pl_export_parse_ahead_start (&ctx);
  g_assert_true (pl_export_outline_run (&ctx, &trace_ops, out));
  g_assert_no_error (ctx.error);
  /* The walk took everything that was parsed ahead. */
  g_assert_null (ctx.parse_ahead);

  g_string_free (ctx.buffer, TRUE);
  g_hash_table_unref (ctx.participants);
  g_clear_pointer (&ctx.numbers, g_hash_table_unref);
  g_free (ctx.date);
  g_free (ctx.classification);
  pl_export_options_clear (&options);
  return g_string_free (out, FALSE);
}

static void
test_parse_ahead (void)
{
  g_autofree char *plain = trace (example, FALSE);
  g_autofree char *ahead = trace (example, TRUE);

  g_assert_nonnull (strstr (plain, "H1 pl_h1 "));
  /* Narrative headings reach the writer as headings, never as nodes. */
  g_assert_null (strstr (plain, "> heading "));
  g_assert_nonnull (strstr (plain, "> paragraph 1"));
  g_assert_nonnull (strstr (plain, "contents of "));
  g_assert_nonnull (strstr (plain, "row 1.1.1\n"));
  g_assert_cmpstr (plain, ==, ahead);
}

/* Started and dropped: the second thread stops and nothing leaks into
 * the next walk. */
static void
test_parse_ahead_dropped (void)
{
  g_autoptr(GError) error = NULL;
  PlExportOptions options;
  PlExportContext ctx = { 0 };

  pl_export_options_init (&options);
  ctx.document = example;
  ctx.options = &options;
  g_assert_true (pl_document_preload (example, PL_TYPE_OBJECTIVE, &error));
  for (guint i = 0; i < 5; i++)
    {
      PlParseAhead *ahead = pl_export_parse_ahead_start (&ctx);

      if (i % 2 == 0)
        g_usleep (1000);
      pl_export_parse_ahead_free (ahead);
    }
  pl_export_options_clear (&options);
}

/* A queue that does not match what the walk asks for is dropped, and
 * the text is parsed where it is asked for. */
static void
test_take_parsed (void)
{
  PlOutline ol = { 0 };
  PlParsed *queued, *taken;
  g_autofree char *text = NULL;
  PlParsedHeading *h;
  PlParsed *other;

  /* With nothing queued, a new tree (and no copy of the text). */
  ol.parsed = g_queue_new ();
  queued = pl_export_take_parsed (&ol, "# Queued\n\nText", &text);
  g_assert_null (text);
  other = pl_export_take_parsed (&ol, "other", &text);
  g_queue_push_tail (ol.parsed, g_strdup ("# Queued\n\nText"));
  g_queue_push_tail (ol.parsed, queued);
  g_queue_push_tail (ol.parsed, g_strdup ("other"));
  g_queue_push_tail (ol.parsed, other);

  /* In order: the tree that was queued for it. */
  taken = pl_export_take_parsed (&ol, "# Queued\n\nText", &text);
  g_assert_true (taken == queued);
  g_assert_cmpstr (text, ==, "# Queued\n\nText");
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (taken->min_level, ==, 1);
  g_assert_cmpuint (taken->headings->len, ==, 1);
  h = &g_array_index (taken->headings, PlParsedHeading, 0);
  g_assert_cmpint (h->level, ==, 1);
  g_assert_cmpstr (h->text, ==, "Queued");
  pl_export_parsed_free (taken);

  /* Out of order: the queue is dropped, the text parsed anew. */
  taken = pl_export_take_parsed (&ol, "## Unexpected", &text);
  g_assert_true (g_queue_is_empty (ol.parsed));
  g_assert_cmpint (taken->min_level, ==, 2);
  pl_export_parsed_free (taken);
  g_clear_pointer (&text, g_free);

  /* The collecting pass keeps a copy of the text to queue again. */
  ol.collecting = TRUE;
  taken = pl_export_take_parsed (&ol, "Plain text", &text);
  g_assert_cmpstr (text, ==, "Plain text");
  g_assert_cmpuint (taken->headings->len, ==, 0);
  pl_export_parsed_free (taken);
  pl_export_parsed_queue_clear (&ol);
  g_queue_free (ol.parsed);
}

int
main (int    argc,
      char **argv)
{
  export_test_init (&argc, &argv);

  g_test_add_func ("/export/outline/parse-ahead", test_parse_ahead);
  g_test_add_func ("/export/outline/parse-ahead-dropped", test_parse_ahead_dropped);
  g_test_add_func ("/export/outline/take-parsed", test_take_parsed);

  return export_test_run ();
}
