/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-export-docx-private.h"

/* GitHub Flavored Markdown in WordprocessingML: a pipe table is a real
 * table (w:tbl) with its first row repeated on every page, in the style
 * of the plan's tables; ~~text~~ is struck through (docx_node's runs); a
 * footnote reference is its note's number, superscript (the notes are the
 * narrative's endnotes, see pl_export_gfm_prepare()). */

static void
write_table_start (PlDocx     *dx,
                   cmark_node *table)
{
  guint n = MAX (pl_export_gfm_table_columns (table), 1);
  /* Inside a list, the table starts at the list's indent. */
  int indent = 360 * dx->n_lists;
  int total = (dx->wide ? TEXT_WIDTH_WIDE : TEXT_WIDTH) - indent;

  raw (dx, "<w:tbl><w:tblPr><w:tblStyle w:val=\"PlainTable\"/>");
  if (pl_export_language_is_rtl (dx->part.ctx->language))
    raw (dx, "<w:bidiVisual/>");
  raw (dx, "<w:tblW w:w=\"");
  raw_number (dx, total);
  raw (dx, "\" w:type=\"dxa\"/>");
  if (indent > 0)
    {
      raw (dx, "<w:tblInd w:w=\"");
      raw_number (dx, indent);
      raw (dx, "\" w:type=\"dxa\"/>");
    }
  raw (dx, "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\""
           " w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>");
  for (guint i = 0; i < n; i++)
    {
      raw (dx, "<w:gridCol w:w=\"");
      raw_number (dx, total / n);
      raw (dx, "\"/>");
    }
  raw (dx, "</w:tblGrid>");
}

static void
write_cell_start (PlDocx     *dx,
                  cmark_node *cell)
{
  cmark_node *row = cmark_node_parent (cell);
  cmark_node *table = row ? cmark_node_parent (row) : NULL;
  gboolean header = pl_export_gfm_type (row) == PL_EXPORT_GFM_HEADER_ROW;
  guint n = table ? MAX (pl_export_gfm_table_columns (table), 1) : 1;
  int total = (dx->wide ? TEXT_WIDTH_WIDE : TEXT_WIDTH) - 360 * dx->n_lists;
  char align = pl_export_gfm_cell_align (cell);

  raw (dx, "<w:tc><w:tcPr><w:tcW w:w=\"");
  raw_number (dx, total / n);
  raw (dx, "\" w:type=\"dxa\"/>");
  if (header)
    raw (dx, "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"DCE3ED\"/>");
  raw (dx, header ? "</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableHeading\"/>"
                  : "</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableContents\"/>");
  if (pl_export_node_direction (cell) == PL_EXPORT_DIRECTION_RTL)
    raw (dx, "<w:bidi/>");
  if (align == 'r')
    raw (dx, "<w:jc w:val=\"right\"/>");
  else if (align == 'c')
    raw (dx, "<w:jc w:val=\"center\"/>");
  raw (dx, "</w:pPr>");
}

void
pl_export_docx_gfm_node (PlDocx     *dx,
                         cmark_node *node,
                         gboolean    enter)
{
  /* cmark-gfm's iterator enters and exits a footnote reference. */
  if (cmark_node_get_type (node) == CMARK_NODE_FOOTNOTE_REFERENCE)
    {
      if (!enter)
        return;
      raw (dx, "<w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:t>");
      pl_export_part_text (&dx->part, cmark_node_get_literal (node));
      raw (dx, "</w:t></w:r>");
      return;
    }
  switch (pl_export_gfm_type (node))
    {
    case PL_EXPORT_GFM_TABLE:
      if (enter)
        write_table_start (dx, node);
      else
        raw (dx, "</w:tbl>");
      break;
    case PL_EXPORT_GFM_HEADER_ROW:
      /* Repeated at the top of every page the table runs onto. */
      raw (dx, enter ? "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" : "</w:tr>");
      break;
    case PL_EXPORT_GFM_ROW:
      raw (dx, enter ? "<w:tr><w:trPr><w:cantSplit/></w:trPr>" : "</w:tr>");
      break;
    case PL_EXPORT_GFM_CELL:
      if (enter)
        write_cell_start (dx, node);
      else
        raw (dx, "</w:p></w:tc>");
      break;
    case PL_EXPORT_GFM_STRIKETHROUGH:
      dx->strike += enter ? 1 : -1;
      break;
    case PL_EXPORT_GFM_NONE:
    default:
      break;
    }
}
