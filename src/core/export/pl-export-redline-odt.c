/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pl-export-odt-private.h"
#include "pl-export-redline-private.h"

/*
 * The redline as ODT: every change is a text:changed-region in
 * text:tracked-changes (an insertion, or a deletion holding the deleted
 * text), marked in the text by change-start/change-end or change, with
 * its author and date, so LibreOffice lists each one under Edit ▸ Track
 * Changes ▸ Manage. The named styles are the plain export's (styles.xml).
 */

typedef struct {
  PlOdt          odt;        /* the plain export's styles need one */
  GString       *body;
  GString       *changes;    /* the text:changed-region elements */
  gboolean       in_table;
  gboolean       wide_pending;
  gboolean       heading;
  PlRedlineMark  row_mark;
  gboolean       row_changed;
  guint          column;
} Odt;

static void
change_info (PlRedline *rl,
             GString   *out)
{
  g_string_append (out, "<office:change-info><dc:creator>");
  pl_export_redline_escape (rl, out, rl->author, strlen (rl->author));
  g_string_append_printf (out, "</dc:creator><dc:date>%.19s</dc:date></office:change-info>", rl->date);
}

static void
para_begin_cb (PlRedline  *rl,
               const char *style)
{
  Odt *o = rl->writer;
  int level = 0;

  if (g_str_has_prefix (style, "Heading") && g_ascii_isdigit (style[7]))
    level = style[7] - '0';
  o->heading = level > 0 && !o->in_table;
  if (o->wide_pending && !o->in_table)
    {
      /* The first paragraph of the plan starts the landscape pages. */
      g_string_append_printf (o->body, "<text:h text:style-name=\"RedlineWide\" text:outline-level=\"%d\">", MAX (level, 1));
      o->heading = TRUE;
      o->wide_pending = FALSE;
      return;
    }
  if (o->heading)
    g_string_append_printf (o->body, "<text:h text:style-name=\"%s\" text:outline-level=\"%d\">",
                            pl_export_odt_style_name (&o->odt, style), level);
  else
    g_string_append_printf (o->body, "<text:p text:style-name=\"%s\">",
                            pl_export_odt_style_name (&o->odt, o->in_table ? "TableContents" : style));
}

static void
run_cb (PlRedline     *rl,
        PlRedlineMark  mark,
        const char    *text,
        gsize          len,
        gboolean       bold)
{
  Odt *o = rl->writer;
  guint id = rl->next_id++;

  if (mark == PL_REDLINE_DELETED)
    {
      /* The deleted text lives in the region; the text has its place. */
      g_string_append_printf (o->changes, "<text:changed-region xml:id=\"ct%u\" text:id=\"ct%u\"><text:deletion>", id, id);
      change_info (rl, o->changes);
      g_string_append (o->changes, "<text:p>");
      pl_export_redline_escape (rl, o->changes, text, len);
      g_string_append (o->changes, "</text:p></text:deletion></text:changed-region>");
      g_string_append_printf (o->body, "<text:change text:change-id=\"ct%u\"/>", id);
      return;
    }
  if (mark == PL_REDLINE_INSERTED)
    {
      g_string_append_printf (o->changes, "<text:changed-region xml:id=\"ct%u\" text:id=\"ct%u\"><text:insertion>", id, id);
      change_info (rl, o->changes);
      g_string_append (o->changes, "</text:insertion></text:changed-region>");
      g_string_append_printf (o->body, "<text:change-start text:change-id=\"ct%u\"/>", id);
    }
  if (bold)
    g_string_append (o->body, "<text:span text:style-name=\"Strong\">");
  pl_export_redline_escape (rl, o->body, text, len);
  if (bold)
    g_string_append (o->body, "</text:span>");
  if (mark == PL_REDLINE_INSERTED)
    g_string_append_printf (o->body, "<text:change-end text:change-id=\"ct%u\"/>", id);
}

static void
para_end_cb (PlRedline     *rl,
             PlRedlineMark  mark)
{
  Odt *o = rl->writer;

  g_string_append (o->body, o->heading ? "</text:h>" : "</text:p>");
  o->heading = FALSE;
}

static void
wide_cb (PlRedline *rl)
{
  ((Odt *) rl->writer)->wide_pending = TRUE;
}

static void
table_begin_cb (PlRedline         *rl,
                guint              n_columns,
                const char *const *header,
                const guint       *widths)
{
  Odt *o = rl->writer;

  g_string_append (o->body, "<table:table table:name=\"Plan\" table:style-name=\"RedlineTable\">");
  for (guint c = 0; c < n_columns; c++)
    g_string_append_printf (o->body, "<table:table-column table:style-name=\"RedlineCol%u\"/>", c);
  g_string_append (o->body, "<table:table-header-rows><table:table-row>");
  for (guint c = 0; c < n_columns; c++)
    {
      g_string_append_printf (o->body, "<table:table-cell table:style-name=\"RedlineHead\" office:value-type=\"string\">"
                                       "<text:p text:style-name=\"%s\">",
                              pl_export_odt_style_name (&o->odt, "TableHeading"));
      pl_export_redline_escape (rl, o->body, header[c], strlen (header[c]));
      g_string_append (o->body, "</text:p></table:table-cell>");
    }
  g_string_append (o->body, "</table:table-row></table:table-header-rows>");
  o->in_table = TRUE;
}

static void
row_begin_cb (PlRedline     *rl,
              PlRedlineMark  mark,
              gboolean       changed)
{
  Odt *o = rl->writer;

  o->row_mark = mark;
  o->row_changed = changed || mark != PL_REDLINE_SAME;
  o->column = 0;
  g_string_append (o->body, "<table:table-row>");
}

static void
cell_begin_cb (PlRedline *rl)
{
  Odt *o = rl->writer;
  const char *style = "RedlineCell";

  /* A changed row is shaded in its number cell. */
  if (o->column == 0 && o->row_changed)
    style = o->row_mark == PL_REDLINE_DELETED ? "RedlineCellDeleted" : "RedlineCellChanged";
  g_string_append_printf (o->body, "<table:table-cell table:style-name=\"%s\" office:value-type=\"string\">", style);
  para_begin_cb (rl, "TableContents");
}

static void
cell_end_cb (PlRedline *rl)
{
  Odt *o = rl->writer;

  para_end_cb (rl, o->row_mark);
  g_string_append (o->body, "</table:table-cell>");
  o->column++;
}

static void
row_end_cb (PlRedline *rl)
{
  g_string_append (((Odt *) rl->writer)->body, "</table:table-row>");
}

static void
table_end_cb (PlRedline *rl)
{
  Odt *o = rl->writer;

  g_string_append (o->body, "</table:table>");
  o->in_table = FALSE;
}

#define NAMESPACES \
  " xmlns:office=\"" NS_OFFICE "\" xmlns:style=\"" NS_STYLE "\" xmlns:text=\"" NS_TEXT "\"" \
  " xmlns:table=\"" NS_TABLE "\" xmlns:fo=\"" NS_FO "\" xmlns:svg=\"" NS_SVG "\" xmlns:xlink=\"" NS_XLINK "\"" \
  " xmlns:dc=\"" NS_DC "\" xmlns:meta=\"" NS_META "\" office:version=\"1.3\""

static gboolean
finish_cb (PlRedline *rl)
{
  static const char mimetype[] = "application/vnd.oasis.opendocument.text";
  static const guint widths[] = { 6, 20, 12, 12, 10, 8, 16, 8, 8 };
  Odt *o = rl->writer;
  PlExportZip *zip = pl_export_zip_new (rl->ctx);
  g_autoptr(GString) content = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content" NAMESPACES ">");
  static const char manifest[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<manifest:manifest xmlns:manifest=\"" NS_MANIFEST "\" manifest:version=\"1.3\">"
    "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\" manifest:version=\"1.3\"/>"
    "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
    "<manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>"
    "</manifest:manifest>";
  gboolean ok;

  g_string_append (content, "<office:automatic-styles>"
                            "<style:style style:name=\"RedlineWide\" style:family=\"paragraph\" "
                            "style:parent-style-name=\"Heading_20_1\" style:master-page-name=\"Landscape\"/>"
                            "<style:style style:name=\"RedlineTable\" style:family=\"table\">"
                            "<style:table-properties style:width=\"25.7cm\" table:align=\"left\"/></style:style>");
  for (guint c = 0; c < G_N_ELEMENTS (widths); c++)
    g_string_append_printf (content, "<style:style style:name=\"RedlineCol%u\" style:family=\"table-column\">"
                                     "<style:table-column-properties style:column-width=\"%.2fcm\"/></style:style>",
                            c, WIDE_TEXT_CM * widths[c] / 100.0);
  g_string_append (content,
                   "<style:style style:name=\"RedlineHead\" style:family=\"table-cell\">"
                   "<style:table-cell-properties fo:background-color=\"#d9e2f3\" fo:border=\"0.5pt solid #808080\" fo:padding=\"0.08cm\"/></style:style>"
                   "<style:style style:name=\"RedlineCell\" style:family=\"table-cell\">"
                   "<style:table-cell-properties fo:border=\"0.5pt solid #808080\" fo:padding=\"0.08cm\"/></style:style>"
                   "<style:style style:name=\"RedlineCellChanged\" style:family=\"table-cell\">"
                   "<style:table-cell-properties fo:background-color=\"#fff2cc\" fo:border=\"0.5pt solid #808080\" fo:padding=\"0.08cm\"/></style:style>"
                   "<style:style style:name=\"RedlineCellDeleted\" style:family=\"table-cell\">"
                   "<style:table-cell-properties fo:background-color=\"#f4cccc\" fo:border=\"0.5pt solid #808080\" fo:padding=\"0.08cm\"/></style:style>"
                   "</office:automatic-styles><office:body><office:text>");
  if (o->changes->len > 0)
    {
      g_string_append (content, "<text:tracked-changes text:track-changes=\"true\">");
      g_string_append_len (content, o->changes->str, o->changes->len);
      g_string_append (content, "</text:tracked-changes>");
    }
  g_string_append_len (content, o->body->str, o->body->len);
  g_string_append (content, "</office:text></office:body></office:document-content>");

  pl_export_zip_add (zip, "mimetype", mimetype, strlen (mimetype), TRUE);
  pl_export_zip_add (zip, "META-INF/manifest.xml", manifest, strlen (manifest), FALSE);
  pl_export_odt_write_styles (&o->odt, zip);
  pl_export_zip_add (zip, "content.xml", content->str, content->len, FALSE);
  ok = pl_export_zip_finish (zip);

  g_string_free (o->body, TRUE);
  g_string_free (o->changes, TRUE);
  g_string_free (o->odt.name, TRUE);
  pl_export_part_clear (&o->odt.part);
  g_free (o);
  return ok;
}

static const PlRedlineOps odt_ops = {
  para_begin_cb, run_cb, para_end_cb, wide_cb, table_begin_cb, row_begin_cb,
  cell_begin_cb, cell_end_cb, row_end_cb, table_end_cb, finish_cb,
};

void
pl_export_redline_odt_init (PlRedline *rl)
{
  Odt *o = g_new0 (Odt, 1);

  pl_export_part_init (&o->odt.part, rl->ctx);
  o->odt.name = g_string_new (NULL);
  o->body = g_string_new (NULL);
  o->changes = g_string_new (NULL);
  rl->writer = o;
  rl->ops = &odt_ops;
}
