/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <archive.h>
#include <archive_entry.h>

#include "pl-export-private.h"

/* The XML and zip plumbing of the office formats (pl-export-xml.c,
 * pl-export-zip.c), without a document. */

/* A part written into memory: @buffer holds the XML once it is ended. */
static void
part_begin (PlExportPart *part,
            GString      *buffer)
{
  pl_export_part_init (part, NULL);
  part->w = pl_export_xml_new (buffer);
}

static void
part_end (PlExportPart *part)
{
  xmlTextWriterEndDocument (pl_export_part_sync (part));
  xmlFreeTextWriter (part->w);
  part->w = NULL;
  pl_export_part_clear (part);
}

/* Constant markup and escaped text reach the part in the order they were
 * written, however they were buffered. */
static void
test_markup_order (void)
{
  g_autoptr(GString) buffer = g_string_new (NULL);
  g_autoptr(GString) expected = g_string_new ("<r><a>x &amp; y</a><b n=\"42\">plain</b>");
  g_autofree char *big = g_strnfill (PL_EXPORT_MARKUP_SIZE + 10, 'z');
  PlExportPart part;

  part_begin (&part, buffer);
  /* libxml2 escapes text only inside an element it opened itself: the
   * writers always open their root that way. */
  pl_export_xml_start (pl_export_part_sync (&part), "r", NULL);
  pl_export_part_raw (&part, "<a>");
  pl_export_part_text (&part, "x & y");
  pl_export_part_raw (&part, "</a><b n=\"");
  pl_export_part_number (&part, 42);
  pl_export_part_raw (&part, "\">");
  pl_export_part_text (&part, "plain");
  pl_export_part_raw (&part, "</b>");
  /* More than the markup buffer holds at once. */
  for (guint i = 0; i < 3; i++)
    {
      pl_export_part_raw (&part, "<c>");
      g_string_append (expected, "<c>");
      pl_export_part_raw (&part, big);
      g_string_append (expected, big);
      pl_export_part_raw (&part, "</c>");
      g_string_append (expected, "</c>");
    }
  /* The writer's own calls come after what is buffered. */
  pl_export_xml_element (pl_export_part_sync (&part), "d", "k", "<v>", NULL);
  g_string_append (expected, "<d k=\"&lt;v&gt;\"/>");
  xmlTextWriterEndElement (pl_export_part_sync (&part));
  g_string_append (expected, "</r>");
  part_end (&part);

  g_assert_true (g_str_has_prefix (buffer->str, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"));
  g_assert_nonnull (strstr (buffer->str, expected->str));
}

/* Text is written as it is only when libxml2 would not change it. */
static void
test_text (void)
{
  static const char *texts[] = { "plain", "a & b", "<tag>", "\"quoted\"", "line\rend", "ünï ✓", "'", "" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GString) ours = g_string_new (NULL);
      g_autoptr(GString) theirs = g_string_new (NULL);
      xmlTextWriterPtr w;

      w = pl_export_xml_new (ours);
      pl_export_xml_start (w, "t", NULL);
      pl_export_xml_text (w, texts[i]);
      xmlTextWriterEndDocument (w);
      xmlFreeTextWriter (w);
      w = pl_export_xml_new (theirs);
      pl_export_xml_start (w, "t", NULL);
      xmlTextWriterWriteString (w, BAD_CAST texts[i]);
      xmlTextWriterEndDocument (w);
      xmlFreeTextWriter (w);
      g_assert_cmpstr (ours->str, ==, theirs->str);
    }
  g_assert_false (pl_export_xml_needs_escape ("plain 'text' ✓"));
  g_assert_true (pl_export_xml_needs_escape ("a > b"));
}

/* Document properties: cleaned (control characters dropped) and escaped. */
static void
test_text_element (void)
{
  g_autoptr(GString) buffer = g_string_new (NULL);
  g_autoptr(GString) scratch = g_string_new (NULL);
  xmlTextWriterPtr w = pl_export_xml_new (buffer);

  pl_export_xml_start (w, "p", NULL);
  pl_export_xml_text_element (w, "dc:title", "Strategy \x01<2026> & \x1b" "beyond", scratch);
  pl_export_xml_text_element (w, "dc:subject", "", scratch);
  xmlTextWriterEndDocument (w);
  xmlFreeTextWriter (w);
  g_assert_nonnull (strstr (buffer->str, "<p><dc:title>Strategy &lt;2026&gt; &amp; beyond</dc:title>"
                                         "<dc:subject></dc:subject></p>"));
}

/* The outline's table_end for a writer that starts with a PlExportPart. */
typedef struct {
  PlExportPart part;
  int          other;
} Writer;

static void
test_end_element_cb (void)
{
  g_autoptr(GString) buffer = g_string_new (NULL);
  Writer writer = { 0 };
  PlOutline ol = { 0 };

  part_begin (&writer.part, buffer);
  ol.writer = &writer;
  pl_export_xml_start (pl_export_part_sync (&writer.part), "table", NULL);
  pl_export_part_raw (&writer.part, "<row/>");
  pl_export_part_end_element_cb (&ol);
  part_end (&writer.part);
  g_assert_nonnull (strstr (buffer->str, "<table><row/></table>"));
}

/* A package as DOCX and ODT make it: a stored entry first, parts from
 * memory, and a part streamed through the compressing thread. */
static void
test_zip (void)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GString) data = g_string_new (NULL);
  g_autofree char *big = g_strnfill (300 * 1024, 'q');
  PlExportOptions options;
  PlExportContext ctx = { 0 };
  PlExportZip *zip;
  GString *small = g_string_new (NULL);
  xmlTextWriterPtr w;
  struct archive *a;
  struct archive_entry *entry;
  const char *names[] = { "mimetype", "small.xml", "big.xml" };
  guint n = 0;

  pl_export_options_init (&options);
  ctx.options = &options;
  ctx.out = out;
  ctx.buffer = g_string_new (NULL);

  zip = pl_export_zip_new (&ctx);
  pl_export_zip_add (zip, "mimetype", "application/x-test", strlen ("application/x-test"), TRUE);
  w = pl_export_xml_new (small);
  pl_export_xml_element (w, "small", "a", "1", NULL);
  pl_export_xml_add (zip, "small.xml", w, small);
  w = pl_export_zip_begin_xml (zip, "big.xml");
  pl_export_xml_start (w, "big", NULL);
  pl_export_xml_text (w, big);
  pl_export_zip_end_xml (zip, w);
  g_assert_true (pl_export_zip_finish (zip));
  g_assert_no_error (ctx.error);

  /* What reached the stream, then what still waits in the buffer. */
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  g_string_append_len (data, g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                       g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
  g_string_append_len (data, ctx.buffer->str, ctx.buffer->len);
  g_assert_cmpmem (data->str + 30, 8, "mimetype", 8);
  g_assert_cmpint ((guchar) data->str[8] | (guchar) data->str[9] << 8, ==, 0);

  a = archive_read_new ();
  archive_read_support_format_zip (a);
  g_assert_cmpint (archive_read_open_memory (a, data->str, data->len), ==, ARCHIVE_OK);
  while (archive_read_next_header (a, &entry) == ARCHIVE_OK)
    {
      g_autoptr(GString) content = g_string_new (NULL);
      char chunk[65536];
      la_ssize_t got;

      g_assert_cmpuint (n, <, G_N_ELEMENTS (names));
      g_assert_cmpstr (archive_entry_pathname (entry), ==, names[n]);
      while ((got = archive_read_data (a, chunk, sizeof chunk)) > 0)
        g_string_append_len (content, chunk, got);
      if (n == 0)
        g_assert_cmpstr (content->str, ==, "application/x-test");
      else if (n == 1)
        g_assert_nonnull (strstr (content->str, "<small a=\"1\"/>"));
      else
        {
          g_assert_nonnull (strstr (content->str, "<big>qqqq"));
          g_assert_cmpuint (content->len, >, 300 * 1024);
        }
      n++;
    }
  archive_read_free (a);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (names));
  g_string_free (ctx.buffer, TRUE);
  pl_export_options_clear (&options);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/export-xml/markup-order", test_markup_order);
  g_test_add_func ("/export-xml/text", test_text);
  g_test_add_func ("/export-xml/text-element", test_text_element);
  g_test_add_func ("/export-xml/end-element-cb", test_end_element_cb);
  g_test_add_func ("/export-xml/zip", test_zip);

  return g_test_run ();
}
