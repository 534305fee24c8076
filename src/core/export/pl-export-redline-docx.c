/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pl-export-docx-private.h"
#include "pl-export-redline-private.h"

/*
 * The redline as DOCX: insertions in w:ins, deletions in w:del with
 * w:delText, each with its author and date; an inserted or deleted
 * paragraph carries the mark in its paragraph properties (w:rPr), and an
 * inserted or deleted plan row in its row properties, so Word and
 * LibreOffice list every change to accept or reject. Tracking stays on
 * for the ministry's own edits (w:trackRevisions).
 */

typedef struct {
  GString  *body;       /* word/document.xml being written */
  gboolean  in_table;
  gboolean  row_changed;
  guint     n_columns;
  guint     widths[16];
  guint     column;
  GString  *para;       /* the runs of the open paragraph */
  GString  *who;        /* author and date attributes of every change */
  PlExportZip      *zip;
  xmlTextWriterPtr  w;  /* word/document.xml, compressed in a second thread as it comes */
  const char *style;    /* its style */
  PlRedlineMark row_mark;
} Docx;

static void
attr (PlRedline  *rl,
      GString    *out,
      const char *name,
      const char *value)
{
  g_string_append_printf (out, " %s=\"", name);
  pl_export_redline_escape (rl, out, value, strlen (value));
  g_string_append_c (out, '"');
}

/* w:id, w:author and w:date of a change. */
static void
change_attrs (PlRedline *rl,
              GString   *out)
{
  Docx *dx = rl->writer;
  char digits[PL_EXPORT_DIGITS];

  if (dx->who == NULL)
    {
      dx->who = g_string_new (NULL);
      attr (rl, dx->who, "w:author", rl->author);
      attr (rl, dx->who, "w:date", rl->date);
    }
  g_string_append (out, " w:id=\"");
  g_string_append (out, pl_export_digits (digits, rl->next_id++));
  g_string_append_c (out, '"');
  g_string_append_len (out, dx->who->str, dx->who->len);
}

/* Hands what the body holds to the archive's writer once it is large, so
 * the compression runs while the rest is written. */
static void
flush_body (Docx     *dx,
            gboolean  all)
{
  if (dx->body->len > 0 && (all || dx->body->len >= 256 * 1024))
    {
      xmlTextWriterWriteRawLen (dx->w, BAD_CAST dx->body->str, dx->body->len);
      g_string_truncate (dx->body, 0);
    }
}

static void
para_begin_cb (PlRedline  *rl,
               const char *style)
{
  Docx *dx = rl->writer;

  /* Its properties are written at its end, once the end says whether the
   * paragraph mark itself was inserted or deleted. */
  dx->style = dx->in_table ? "TableContents" : style;
  g_string_truncate (dx->para, 0);
}

static void
run_cb (PlRedline     *rl,
        PlRedlineMark  mark,
        const char    *text,
        gsize          len,
        gboolean       bold)
{
  Docx *dx = rl->writer;
  GString *out = dx->para;
  const char *t = mark == PL_REDLINE_DELETED ? "w:delText" : "w:t";

  if (mark == PL_REDLINE_INSERTED)
    {
      g_string_append (out, "<w:ins");
      change_attrs (rl, out);
      g_string_append_c (out, '>');
    }
  else if (mark == PL_REDLINE_DELETED)
    {
      g_string_append (out, "<w:del");
      change_attrs (rl, out);
      g_string_append_c (out, '>');
    }
  g_string_append (out, "<w:r>");
  if (bold)
    g_string_append (out, "<w:rPr><w:b/></w:rPr>");
  g_string_append_printf (out, "<%s xml:space=\"preserve\">", t);
  pl_export_redline_escape (rl, out, text, len);
  g_string_append_printf (out, "</%s></w:r>", t);
  if (mark == PL_REDLINE_INSERTED)
    g_string_append (out, "</w:ins>");
  else if (mark == PL_REDLINE_DELETED)
    g_string_append (out, "</w:del>");
}

static void
para_end_cb (PlRedline     *rl,
             PlRedlineMark  mark)
{
  Docx *dx = rl->writer;
  GString *out = dx->body;

  g_string_append (out, "<w:p><w:pPr><w:pStyle w:val=\"");
  g_string_append (out, dx->style);
  g_string_append (out, "\"/>");
  if (mark != PL_REDLINE_SAME)
    {
      g_string_append (out, mark == PL_REDLINE_INSERTED ? "<w:rPr><w:ins" : "<w:rPr><w:del");
      change_attrs (rl, out);
      g_string_append (out, "/></w:rPr>");
    }
  g_string_append (out, "</w:pPr>");
  g_string_append_len (out, dx->para->str, dx->para->len);
  g_string_append (out, "</w:p>");
  g_string_truncate (dx->para, 0);
  flush_body (dx, FALSE);
}

#define PORTRAIT_SECTION \
  "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>" \
  "<w:pgMar w:top=\"1418\" w:right=\"1418\" w:bottom=\"1418\" w:left=\"1418\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/>"
#define LANDSCAPE_SECTION \
  "<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>" \
  "<w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/>"

static void
wide_cb (PlRedline *rl)
{
  Docx *dx = rl->writer;

  /* The portrait part ends; the plan is landscape. */
  g_string_append (dx->body, "<w:p><w:pPr><w:sectPr>" PORTRAIT_SECTION "</w:sectPr></w:pPr></w:p>");
}

static void
table_begin_cb (PlRedline         *rl,
                guint              n_columns,
                const char *const *header,
                const guint       *widths)
{
  Docx *dx = rl->writer;
  GString *out = dx->body;
  const int text_width = 16838 - 2 * 1134;

  dx->n_columns = MIN (n_columns, G_N_ELEMENTS (dx->widths));
  g_string_append (out, "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders>"
                        "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>"
                        "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>"
                        "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>"
                        "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>"
                        "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>"
                        "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>"
                        "</w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>");
  for (guint c = 0; c < dx->n_columns; c++)
    {
      dx->widths[c] = text_width * widths[c] / 100;
      g_string_append_printf (out, "<w:gridCol w:w=\"%u\"/>", dx->widths[c]);
    }
  g_string_append (out, "</w:tblGrid><w:tr><w:trPr><w:tblHeader/></w:trPr>");
  for (guint c = 0; c < dx->n_columns; c++)
    {
      g_string_append_printf (out, "<w:tc><w:tcPr><w:tcW w:w=\"%u\" w:type=\"dxa\"/>"
                                   "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"D9E2F3\"/></w:tcPr>"
                                   "<w:p><w:pPr><w:pStyle w:val=\"TableHeading\"/></w:pPr><w:r><w:t xml:space=\"preserve\">",
                              dx->widths[c]);
      pl_export_redline_escape (rl, out, header[c], strlen (header[c]));
      g_string_append (out, "</w:t></w:r></w:p></w:tc>");
    }
  g_string_append (out, "</w:tr>");
  dx->in_table = TRUE;
}

static void
row_begin_cb (PlRedline     *rl,
              PlRedlineMark  mark,
              gboolean       changed)
{
  Docx *dx = rl->writer;

  dx->row_mark = mark;
  dx->row_changed = changed || mark != PL_REDLINE_SAME;
  dx->column = 0;
  g_string_append (dx->body, "<w:tr>");
  if (mark != PL_REDLINE_SAME)
    {
      g_string_append (dx->body, mark == PL_REDLINE_INSERTED ? "<w:trPr><w:ins" : "<w:trPr><w:del");
      change_attrs (rl, dx->body);
      g_string_append (dx->body, "/></w:trPr>");
    }
}

static void
cell_begin_cb (PlRedline *rl)
{
  Docx *dx = rl->writer;

  g_string_append_printf (dx->body, "<w:tc><w:tcPr><w:tcW w:w=\"%u\" w:type=\"dxa\"/>",
                          dx->widths[MIN (dx->column, dx->n_columns - 1)]);
  /* A changed row is shaded in its number cell, so it is found at a glance. */
  if (dx->column == 0 && dx->row_changed)
    g_string_append_printf (dx->body, "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"%s\"/>",
                            dx->row_mark == PL_REDLINE_DELETED ? "F4CCCC" : "FFF2CC");
  g_string_append (dx->body, "</w:tcPr>");
  para_begin_cb (rl, "TableContents");
}

static void
cell_end_cb (PlRedline *rl)
{
  Docx *dx = rl->writer;

  para_end_cb (rl, dx->row_mark);
  g_string_append (dx->body, "</w:tc>");
  dx->column++;
}

static void
row_end_cb (PlRedline *rl)
{
  Docx *dx = rl->writer;

  g_string_append (dx->body, "</w:tr>");
}

static void
table_end_cb (PlRedline *rl)
{
  Docx *dx = rl->writer;

  g_string_append (dx->body, "</w:tbl>");
  dx->in_table = FALSE;
}

static void
add_part (PlExportZip *zip,
          const char  *name,
          const char  *xml)
{
  pl_export_zip_add (zip, name, xml, strlen (xml), FALSE);
}

static gboolean
finish_cb (PlRedline *rl)
{
  Docx *dx = rl->writer;
  gboolean ok;

  /* A document ends with a paragraph before its last section. */
  g_string_append (dx->body, "<w:p/><w:sectPr>" LANDSCAPE_SECTION "</w:sectPr></w:body></w:document>");
  flush_body (dx, TRUE);
  pl_export_zip_end_xml (dx->zip, dx->w);
  ok = pl_export_zip_finish (dx->zip);

  g_string_free (dx->body, TRUE);
  g_string_free (dx->para, TRUE);
  if (dx->who)
    g_string_free (dx->who, TRUE);
  g_free (dx);
  return ok;
}

/* The parts around word/document.xml, written first: the document then
 * streams into the archive. */
static void
write_package (PlExportZip *zip,
               const char  *language)
{
  add_part (zip, "[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
            "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
            "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
            "</Types>");
  add_part (zip, "_rels/.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            "<Relationships xmlns=\"" REL_NS "\">"
            "<Relationship Id=\"rId1\" Type=\"" REL_TYPE "officeDocument\" Target=\"word/document.xml\"/>"
            "</Relationships>");
  add_part (zip, "word/_rels/document.xml.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            "<Relationships xmlns=\"" REL_NS "\">"
            "<Relationship Id=\"rIdStyles\" Type=\"" REL_TYPE "styles\" Target=\"styles.xml\"/>"
            "<Relationship Id=\"rIdSettings\" Type=\"" REL_TYPE "settings\" Target=\"settings.xml\"/>"
            "</Relationships>");
  /* Tracking stays on, so the ministry's own edits are tracked too. */
  add_part (zip, "word/settings.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            "<w:settings xmlns:w=\"" W_NS "\"><w:trackRevisions/><w:defaultTabStop w:val=\"720\"/>"
            "<w:characterSpacingControl w:val=\"doNotCompress\"/><w:compat>"
            "<w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/>"
            "</w:compat></w:settings>");
  pl_export_docx_write_styles (zip, language);
}

static const PlRedlineOps docx_ops = {
  para_begin_cb, run_cb, para_end_cb, wide_cb, table_begin_cb, row_begin_cb,
  cell_begin_cb, cell_end_cb, row_end_cb, table_end_cb, finish_cb,
};

void
pl_export_redline_docx_init (PlRedline *rl)
{
  Docx *dx = g_new0 (Docx, 1);

  dx->zip = pl_export_zip_new (rl->ctx);
  write_package (dx->zip, rl->ctx->language);
  dx->w = pl_export_zip_begin_xml (dx->zip, "word/document.xml");
  dx->body = g_string_sized_new (512 * 1024);
  g_string_append (dx->body, "<w:document xmlns:w=\"" W_NS "\" xmlns:r=\"" R_NS "\"><w:body>");
  dx->para = g_string_new (NULL);
  rl->writer = dx;
  rl->ops = &docx_ops;
}
