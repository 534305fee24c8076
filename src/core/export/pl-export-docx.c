/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pl-i18n.h"

#include "pl-export-docx-private.h"

/* WordprocessingML for cabinet review: real heading styles with outline
 * levels (navigation pane, table of contents), numbering definitions for
 * lists, tables with a repeated header row, the classification marking in
 * the header and footer of every page and page numbers. The parts are
 * written with libxml2 and zipped with libarchive (pl-export-zip.c). */

/* ---- runs and paragraphs ----
 *
 * The markup of runs and paragraph properties, written millions of times,
 * is written as constant text (raw) rather than element by element: the
 * fragments below are balanced and free of anything from the document;
 * every text from the document still goes through libxml2's escaping
 * (pl_export_xml_text). */

/* xml:space="preserve" only where spaces would otherwise be lost. */
static gboolean
needs_preserve (const char *text)
{
  gsize len = strlen (text);

  return len > 0 && (text[0] == ' ' || text[len - 1] == ' ' || strstr (text, "  ") != NULL);
}

static void
write_t (PlDocx     *dx,
         const char *text,
         gssize      len)
{
  g_autofree char *part = NULL;

  if (len == 0)
    return;
  if (len > 0)
    text = part = g_strndup (text, len);
  raw (dx, needs_preserve (text) ? "<w:t xml:space=\"preserve\">" : "<w:t>");
  pl_export_part_text (&dx->part, text);
  raw (dx, "</w:t>");
}

/* The text of one run: tabs and line breaks are elements of their own. */
static void
write_run_text (PlDocx     *dx,
                const char *text)
{
  const char *clean = pl_export_clean_text (text, -1, dx->part.scratch);
  const char *p = clean, *seg = clean;

  if (strpbrk (clean, "\t\n\r") == NULL)
    {
      write_t (dx, clean, -1);
      return;
    }
  for (;; p++)
    {
      if (*p == '\0' || *p == '\t' || *p == '\n' || *p == '\r')
        {
          write_t (dx, seg, p - seg);
          if (*p == '\0')
            break;
          if (*p == '\t')
            raw (dx, "<w:tab/>");
          else if (*p == '\n')
            raw (dx, "<w:br/>");
          seg = p + 1;
        }
    }
}

/* A run with the character formatting of the narrative around it. */
static void
write_run (PlDocx     *dx,
           const char *text,
           gboolean    code)
{
  raw (dx, "<w:r>");
  if (dx->strong || dx->emph || dx->link || code || dx->strike)
    {
      raw (dx, "<w:rPr>");
      if (code)
        raw (dx, "<w:rStyle w:val=\"VerbatimChar\"/>");
      else if (dx->link)
        raw (dx, "<w:rStyle w:val=\"Hyperlink\"/>");
      if (dx->strong)
        raw (dx, "<w:b/>");
      if (dx->emph)
        raw (dx, "<w:i/>");
      if (dx->strike)
        raw (dx, "<w:strike/>");
      raw (dx, "</w:rPr>");
    }
  write_run_text (dx, text);
  raw (dx, "</w:r>");
}

/* Adjacent text with the same formatting becomes one run: cmark splits
 * text at every special character and line. */
static void
flush_text (PlDocx *dx)
{
  if (dx->pending->len == 0)
    return;
  write_run (dx, dx->pending->str, FALSE);
  g_string_truncate (dx->pending, 0);
}

static void
write_plain_run (PlDocx     *dx,
                 const char *text,
                 gboolean    bold)
{
  static const char *const opening[2][2] = {
    { "<w:r><w:t>", "<w:r><w:t xml:space=\"preserve\">" },
    { "<w:r><w:rPr><w:b/></w:rPr><w:t>", "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">" },
  };
  const char *clean = pl_export_clean_text (text, -1, dx->part.scratch);

  /* Most runs are one <w:t>: their markup in one piece each side. */
  if (strpbrk (clean, "\t\n\r") == NULL)
    {
      raw (dx, opening[bold ? 1 : 0][needs_preserve (clean) ? 1 : 0]);
      pl_export_part_text (&dx->part, clean);
      raw (dx, "</w:t></w:r>");
      return;
    }
  raw (dx, bold ? "<w:r><w:rPr><w:b/></w:rPr>" : "<w:r>");
  write_run_text (dx, clean);
  raw (dx, "</w:r>");
}

/* Opens <w:p><w:pPr>: the caller adds to the properties, calls
 * end_ppr(), writes the runs and calls end_para(). A pending page break
 * lands here. @style: a style id of pl-export-styles.c, a plain name. */
static void
begin_para (PlDocx     *dx,
            const char *style)
{
  raw (dx, "<w:p><w:pPr>");
  if (style)
    {
      raw (dx, "<w:pStyle w:val=\"");
      raw (dx, style);
      raw (dx, "\"/>");
    }
  if (dx->break_pending)
    {
      raw (dx, "<w:pageBreakBefore/>");
      dx->break_pending = FALSE;
    }
}

static void
end_ppr (PlDocx *dx)
{
  raw (dx, "</w:pPr>");
}

static void
end_para (PlDocx *dx)
{
  raw (dx, "</w:p>");
}

static void
write_para (PlDocx     *dx,
            const char *style,
            const char *text)
{
  begin_para (dx, style);
  end_ppr (dx);
  write_plain_run (dx, text, FALSE);
  end_para (dx);
}

static void
write_field (PlDocx     *dx,
             const char *instruction,
             const char *cached,
             gboolean    dirty)
{
  start (sync_writer (dx), "w:r", NULL);
  element (sync_writer (dx), "w:fldChar", "w:fldCharType", "begin", dirty ? "w:dirty" : NULL, "true", NULL);
  end (sync_writer (dx));
  start (sync_writer (dx), "w:r", NULL);
  start (sync_writer (dx), "w:instrText", "xml:space", "preserve", NULL);
  xmlTextWriterWriteString (sync_writer (dx), BAD_CAST instruction);
  end (sync_writer (dx));
  end (sync_writer (dx));
  start (sync_writer (dx), "w:r", NULL);
  element (sync_writer (dx), "w:fldChar", "w:fldCharType", "separate", NULL);
  end (sync_writer (dx));
  if (cached)
    write_plain_run (dx, cached, FALSE);
  start (sync_writer (dx), "w:r", NULL);
  element (sync_writer (dx), "w:fldChar", "w:fldCharType", "end", NULL);
  end (sync_writer (dx));
}

/* ---- outline callbacks ---- */

static void write_review_note (PlDocx *dx);

static void
docx_title_page (PlOutline            *ol,
                 const PlOutlineTitle *title)
{
  PlDocx *dx = ol->writer;

  dx->title_page = TRUE;
  if (*title->marking)
    write_para (dx, "Marking", title->marking);
  if (*title->country)
    write_para (dx, "Subtitle", title->country);
  write_para (dx, "Title", title->title);
  for (guint i = 0; title->labels[i] != NULL; i++)
    {
      begin_para (dx, i == 0 ? "TitleMetaFirst" : "TitleMeta");
      end_ppr (dx);
      write_plain_run (dx, title->labels[i], TRUE);
      write_plain_run (dx, "\t", FALSE);
      write_plain_run (dx, title->values[i], FALSE);
      end_para (dx);
    }
  dx->break_pending = TRUE;
  if (dx->part.ctx->options->for_review)
    write_review_note (dx);
}

static void
docx_contents (PlOutline *ol,
               GPtrArray *headings)
{
  PlDocx *dx = ol->writer;

  start (sync_writer (dx), "w:sdt", NULL);
  start (sync_writer (dx), "w:sdtPr", NULL);
  start (sync_writer (dx), "w:docPartObj", NULL);
  element (sync_writer (dx), "w:docPartGallery", "w:val", "Table of Contents", NULL);
  element (sync_writer (dx), "w:docPartUnique", NULL);
  end (sync_writer (dx));
  end (sync_writer (dx));
  start (sync_writer (dx), "w:sdtContent", NULL);

  write_para (dx, "TOCHeading", _("Contents"));

  /* The entries are filled in so that a reader that does not update
   * fields still shows them; Word rebuilds the whole field on opening
   * (dirty field, w:updateFields), with page numbers. */
  for (guint i = 0; i <= headings->len; i++)
    {
      PlOutlineHeading *h = i < headings->len ? g_ptr_array_index (headings, i) : NULL;
      g_autofree char *style = g_strdup_printf ("TOC%d", h ? h->level : 1);
      g_autofree char *bookmark = h ? g_strconcat ("_Toc_", h->anchor, NULL) : NULL;

      begin_para (dx, style);
      end_ppr (dx);
      if (i == 0)
        {
          start (sync_writer (dx), "w:r", NULL);
          element (sync_writer (dx), "w:fldChar", "w:fldCharType", "begin", "w:dirty", "true", NULL);
          end (sync_writer (dx));
          start (sync_writer (dx), "w:r", NULL);
          start (sync_writer (dx), "w:instrText", "xml:space", "preserve", NULL);
          xmlTextWriterWriteString (sync_writer (dx), BAD_CAST " TOC \\o \"1-3\" \\h \\z \\u ");
          end (sync_writer (dx));
          end (sync_writer (dx));
          start (sync_writer (dx), "w:r", NULL);
          element (sync_writer (dx), "w:fldChar", "w:fldCharType", "separate", NULL);
          end (sync_writer (dx));
        }
      if (h)
        {
          /* No page numbers: they are not known before layout, and a
           * dotted leader to nothing looks broken in a reader that
           * keeps the field's text as it is (LibreOffice). */
          start (sync_writer (dx), "w:hyperlink", "w:anchor", bookmark, "w:history", "1", NULL);
          write_plain_run (dx, h->text, FALSE);
          end (sync_writer (dx));
        }
      else
        {
          start (sync_writer (dx), "w:r", NULL);
          element (sync_writer (dx), "w:fldChar", "w:fldCharType", "end", NULL);
          end (sync_writer (dx));
        }
      end_para (dx);
    }

  end (sync_writer (dx));
  end (sync_writer (dx));
  dx->break_pending = TRUE;
}

/* A review copy's hidden anchor around a heading's or action's text: the
 * bookmark the returned copy's comments and changes are placed by. */
static void
write_review_anchor_start (PlDocx   *dx,
                           PlRecord *record)
{
  g_autofree char *name = NULL;

  dx->review_anchor_id = 0;
  if (record == NULL)
    return;
  name = pl_export_anchor_name (record);
  dx->review_anchor_id = ++dx->bookmarks;
  raw (dx, "<w:bookmarkStart w:id=\"");
  raw_number (dx, dx->review_anchor_id);
  /* A UUID's hex digits: an XML name, nothing to escape. */
  raw (dx, "\" w:name=\"");
  raw (dx, name);
  raw (dx, "\"/>");
}

static void
write_review_anchor_end (PlDocx *dx)
{
  if (dx->review_anchor_id == 0)
    return;
  raw (dx, "<w:bookmarkEnd w:id=\"");
  raw_number (dx, dx->review_anchor_id);
  raw (dx, "\"/>");
  dx->review_anchor_id = 0;
}

static void
docx_heading (PlOutline              *ol,
              const PlOutlineHeading *heading)
{
  PlDocx *dx = ol->writer;
  static const char *styles[] = { "Heading1", "Heading2", "Heading3", "Heading4", "Heading5" };

  flush_text (dx);
  if (dx->para_open)
    {
      end_para (dx);
      dx->para_open = FALSE;
    }
  if (heading->new_page)
    dx->break_pending = TRUE;
  begin_para (dx, styles[CLAMP (heading->level, 1, 5) - 1]);
  if (pl_export_text_direction (heading->text, -1) == PL_EXPORT_DIRECTION_RTL)
    raw (dx, "<w:bidi/>");
  end_ppr (dx);
  write_review_anchor_start (dx, ol->anchor_record);
  /* The anchor is generated, an XML name. */
  raw (dx, "<w:bookmarkStart w:id=\"");
  raw_number (dx, ++dx->bookmarks);
  raw (dx, "\" w:name=\"_Toc_");
  raw (dx, heading->anchor);
  raw (dx, "\"/>");
  write_plain_run (dx, heading->text, FALSE);
  raw (dx, "<w:bookmarkEnd w:id=\"");
  raw_number (dx, dx->bookmarks);
  raw (dx, "\"/>");
  write_review_anchor_end (dx);
  end_para (dx);
}

static void
docx_paragraph (PlOutline          *ol,
                PlOutlineParagraph  kind,
                const char         *text)
{
  PlDocx *dx = ol->writer;

  static const char *styles[] = {
    [PL_OUTLINE_PARA_SUMMARY] = "Summary",
    [PL_OUTLINE_PARA_NOTE] = "Note",
    [PL_OUTLINE_PARA_LONG_LABEL] = "Note",
    [PL_OUTLINE_PARA_LONG_TEXT] = "BodyText",
  };

  write_para (dx, styles[kind], text);
}

static void
docx_action (PlOutline         *ol,
             const char        *title,
             const char *const *labels,
             const char *const *values)
{
  PlDocx *dx = ol->writer;

  begin_para (dx, "ActionTitle");
  end_ppr (dx);
  write_review_anchor_start (dx, ol->anchor_record);
  write_plain_run (dx, title, FALSE);
  write_review_anchor_end (dx);
  end_para (dx);
  begin_para (dx, "ActionDetail");
  end_ppr (dx);
  for (guint i = 0; labels[i] != NULL; i++)
    {
      g_autofree char *label = g_strconcat (i == 0 ? "" : " · ", labels[i], ": ", NULL);

      write_plain_run (dx, label, TRUE);
      write_plain_run (dx, values[i], FALSE);
    }
  end_para (dx);
}

static guint
link_id (PlDocx     *dx,
         const char *url)
{
  gpointer index = g_hash_table_lookup (dx->link_ids, url);

  if (index == NULL)
    {
      g_ptr_array_add (dx->links, g_strdup (url));
      index = GUINT_TO_POINTER (dx->links->len);
      g_hash_table_insert (dx->link_ids, g_ptr_array_index (dx->links, dx->links->len - 1), index);
    }
  return GPOINTER_TO_UINT (index);
}

/* Opens the paragraph of a narrative block, styled after what holds it. */
static void
open_block (PlDocx     *dx,
            const char *style)
{
  int indent = 0;

  if (dx->n_lists > 0 && style == NULL && dx->item_first)
    {
      DocxList *list = &dx->lists[dx->n_lists - 1];

      begin_para (dx, list->ordered ? "ListNumber" : "ListBullet");
      raw (dx, "<w:numPr><w:ilvl w:val=\"");
      raw_number (dx, dx->n_lists - 1);
      raw (dx, "\"/><w:numId w:val=\"");
      raw_number (dx, list->num_id);
      raw (dx, "\"/></w:numPr>");
      if (dx->bidi)
        raw (dx, "<w:bidi/>");
      dx->item_first = FALSE;
    }
  else
    {
      if (style == NULL)
        style = dx->n_lists > 0 ? "ListContinue" : dx->quotes > 0 ? "Quote" : "BodyText";
      begin_para (dx, style);
      /* Before w:ind: the schema orders pPr's children. */
      if (dx->bidi)
        raw (dx, "<w:bidi/>");
      indent = 360 * dx->n_lists + 567 * MAX (dx->quotes - (g_str_equal (style, "Quote") ? 1 : 0), 0);
      if (dx->n_lists > 0 || indent > 0)
        {
          raw (dx, "<w:ind w:left=\"");
          raw_number (dx, indent + (dx->n_lists > 0 ? 360 : 0));
          raw (dx, "\"/>");
        }
    }
}

static void
docx_code_block (PlDocx     *dx,
                 cmark_node *node)
{
  const char *literal = cmark_node_get_literal (node);
  g_auto(GStrv) lines = g_strsplit (literal ? literal : "", "\n", -1);
  guint n = g_strv_length (lines);

  /* The literal ends with a newline: no empty last line. */
  if (n > 0 && *lines[n - 1] == '\0')
    n--;
  for (guint i = 0; i < n; i++)
    {
      open_block (dx, "SourceCode");
      end_ppr (dx);
      if (*lines[i])
        write_plain_run (dx, lines[i], FALSE);
      end_para (dx);
    }
}

static void
docx_node (PlOutline        *ol,
           cmark_node       *node,
           cmark_event_type  ev,
           int               depth)
{
  PlDocx *dx = ol->writer;
  gboolean enter = ev == CMARK_EVENT_ENTER;
  cmark_node_type type = cmark_node_get_type (node);

  if (type == CMARK_NODE_TEXT)
    {
      g_string_append (dx->pending, cmark_node_get_literal (node));
      return;
    }
  if (type == CMARK_NODE_SOFTBREAK)
    {
      g_string_append_c (dx->pending, ' ');
      return;
    }
  flush_text (dx);

  switch (type)
    {
    case CMARK_NODE_BLOCK_QUOTE:
      dx->quotes += enter ? 1 : -1;
      break;

    case CMARK_NODE_LIST:
      if (enter && dx->n_lists <= PL_OUTLINE_MAX_DEPTH)
        {
          DocxNum num;

          num.ordered = cmark_node_get_list_type (node) == CMARK_ORDERED_LIST;
          num.level = dx->n_lists;
          num.start = cmark_node_get_list_start (node);
          g_array_append_val (dx->nums, num);
          dx->lists[dx->n_lists].ordered = num.ordered;
          dx->lists[dx->n_lists].num_id = dx->nums->len;
          dx->n_lists++;
        }
      else if (!enter && dx->n_lists > 0)
        dx->n_lists--;
      break;

    case CMARK_NODE_ITEM:
      dx->item_first = enter;
      break;

    case CMARK_NODE_PARAGRAPH:
      if (enter)
        {
          /* Its direction from its text (FriBidi): an Arabic paragraph
           * is a right-to-left one (w:bidi), whatever the document's. */
          dx->bidi = pl_export_node_direction (node) == PL_EXPORT_DIRECTION_RTL;
          open_block (dx, NULL);
          dx->bidi = FALSE;
          end_ppr (dx);
          dx->para_open = TRUE;
        }
      else if (dx->para_open)
        {
          end_para (dx);
          dx->para_open = FALSE;
        }
      break;

    case CMARK_NODE_CODE_BLOCK:
      docx_code_block (dx, node);
      break;

    case CMARK_NODE_THEMATIC_BREAK:
      write_para (dx, "HorizontalRule", "");
      break;

    case CMARK_NODE_CODE:
      write_run (dx, cmark_node_get_literal (node), TRUE);
      break;

    case CMARK_NODE_LINEBREAK:
      raw (dx, "<w:r><w:br/></w:r>");
      break;

    case CMARK_NODE_EMPH:
      dx->emph += enter ? 1 : -1;
      break;

    case CMARK_NODE_STRONG:
      dx->strong += enter ? 1 : -1;
      break;

    case CMARK_NODE_LINK:
      if (enter)
        {
          char rid[24];

          g_snprintf (rid, sizeof rid, "rIdL%u", link_id (dx, cmark_node_get_url (node)));
          start (sync_writer (dx), "w:hyperlink", "r:id", rid, "w:history", "1", NULL);
          dx->link++;
        }
      else
        {
          end (sync_writer (dx));
          dx->link--;
        }
      break;

    default:
      pl_export_docx_gfm_node (dx, node, enter);
      break;
    }
}

static void
write_section (PlDocx   *dx,
               gboolean  wide)
{
  char width[16], height[16], margin[16], side[16];

  g_snprintf (width, sizeof width, "%d", wide ? PAGE_LONG : PAGE_SHORT);
  g_snprintf (height, sizeof height, "%d", wide ? PAGE_SHORT : PAGE_LONG);
  g_snprintf (margin, sizeof margin, "%d", wide ? MARGIN_WIDE : MARGIN);
  g_snprintf (side, sizeof side, "%d", wide ? MARGIN_WIDE : MARGIN);

  /* The title page shows its marking once, in its own paragraph, and no
   * page number: the first section's first page has an empty header and
   * footer of its own. */
  gboolean title = dx->title_page && dx->sections++ == 0;

  start (sync_writer (dx), "w:sectPr", NULL);
  element (sync_writer (dx), "w:headerReference", "w:type", "default", "r:id", "rIdHeader", NULL);
  if (title)
    element (sync_writer (dx), "w:headerReference", "w:type", "first", "r:id", "rIdHeaderTitle", NULL);
  element (sync_writer (dx), "w:footerReference", "w:type", "default", "r:id", "rIdFooter", NULL);
  if (title)
    element (sync_writer (dx), "w:footerReference", "w:type", "first", "r:id", "rIdFooterTitle", NULL);
  element (sync_writer (dx), "w:type", "w:val", "nextPage", NULL);
  element (sync_writer (dx), "w:pgSz", "w:w", width, "w:h", height, wide ? "w:orient" : NULL, "landscape", NULL);
  element (sync_writer (dx), "w:pgMar", "w:top", margin, "w:right", side, "w:bottom", margin, "w:left", side,
           "w:header", "567", "w:footer", "567", "w:gutter", "0", NULL);
  if (title)
    element (sync_writer (dx), "w:titlePg", NULL);
  end (sync_writer (dx));
}

static void
docx_wide (PlOutline *ol,
           gboolean   first)
{
  PlDocx *dx = ol->writer;

  /* A section ends with the paragraph that carries its properties. */
  if (!first)
    {
      begin_para (dx, NULL);
      write_section (dx, FALSE);
      end_ppr (dx);
      end_para (dx);
    }
  dx->wide = TRUE;
  dx->break_pending = FALSE;
}

static void
write_cell (PlOutline  *ol,
            guint       column,
            const char *text,
            gboolean    header)
{
  PlDocx *dx = ol->writer;

  raw (dx, "<w:tc>");
  /* Widths come from the grid (fixed layout); only the header is shaded. */
  if (header)
    {
      char width[16];

      g_snprintf (width, sizeof width, "%u", dx->column_width[column]);
      start (sync_writer (dx), "w:tcPr", NULL);
      element (sync_writer (dx), "w:tcW", "w:w", width, "w:type", "dxa", NULL);
      element (sync_writer (dx), "w:shd", "w:val", "clear", "w:color", "auto", "w:fill", "DCE3ED", NULL);
      end (sync_writer (dx));
    }
  begin_para (dx, header ? "TableHeading" : "TableContents");
  /* Its direction from its text (FriBidi), as a narrative paragraph's. */
  if (pl_export_text_direction (text, -1) == PL_EXPORT_DIRECTION_RTL)
    raw (dx, "<w:bidi/>");
  end_ppr (dx);
  if (!header && (int) column == ol->markdown_column && *text != '\0')
    {
      pl_export_outline_cell_markdown (ol, text);
      flush_text (dx);
    }
  else
    write_plain_run (dx, text, FALSE);
  end_para (dx);
  raw (dx, "</w:tc>");
}

static void
write_table_row (PlOutline         *ol,
                 const char *const *cells,
                 gboolean           header)
{
  PlDocx *dx = ol->writer;
  gsize size = 0;

  for (guint i = 0; i < dx->n_columns; i++)
    size += strlen (cells[i] ? cells[i] : "");

  raw (dx, "<w:tr>");
  raw (dx, "<w:trPr>");
  /* Rows stay on one page, unless one is longer than a page. */
  if (size < 1500)
    raw (dx, "<w:cantSplit/>");
  if (header)
    raw (dx, "<w:tblHeader/>");
  raw (dx, "</w:trPr>");
  for (guint i = 0; i < dx->n_columns; i++)
    write_cell (ol, i, cells[i] ? cells[i] : "", header);
  raw (dx, "</w:tr>");
}

static void
docx_table_begin (PlOutline         *ol,
                  PlOutlineTable     kind,
                  guint              n_columns,
                  const char *const *header,
                  const guint       *widths)
{
  PlDocx *dx = ol->writer;
  int total = dx->wide ? TEXT_WIDTH_WIDE : TEXT_WIDTH;

  dx->n_columns = MIN (n_columns, G_N_ELEMENTS (dx->column_width));
  start (sync_writer (dx), "w:tbl", NULL);
  start (sync_writer (dx), "w:tblPr", NULL);
  element (sync_writer (dx), "w:tblStyle", "w:val", "PlainTable", NULL);
  /* A right-to-left strategy's tables run from the right. */
  if (pl_export_language_is_rtl (dx->part.ctx->language))
    element (sync_writer (dx), "w:bidiVisual", NULL);
  element (sync_writer (dx), "w:tblW", "w:w", "5000", "w:type", "pct", NULL);
  element (sync_writer (dx), "w:tblLayout", "w:type", "fixed", NULL);
  element (sync_writer (dx), "w:tblLook", "w:val", "04A0", "w:firstRow", "1", "w:lastRow", "0",
           "w:firstColumn", "0", "w:lastColumn", "0", "w:noHBand", "1", "w:noVBand", "1", NULL);
  end (sync_writer (dx));
  start (sync_writer (dx), "w:tblGrid", NULL);
  for (guint i = 0; i < dx->n_columns; i++)
    {
      char width[16];

      dx->column_width[i] = total * widths[i] / 100;
      g_snprintf (width, sizeof width, "%u", dx->column_width[i]);
      element (sync_writer (dx), "w:gridCol", "w:w", width, NULL);
    }
  end (sync_writer (dx));
  write_table_row (ol, header, TRUE);
}

static void
docx_table_row (PlOutline         *ol,
                const char *const *cells)
{
  write_table_row (ol, cells, FALSE);
}

static void
write_marking_part (PlDocx      *dx,
                    PlExportZip *zip,
                    gboolean     footer)
{
  GString *buf = g_string_new (NULL);
  xmlTextWriterPtr saved = sync_writer (dx);

  dx->part.w = pl_export_xml_new (buf);
  start (sync_writer (dx), footer ? "w:ftr" : "w:hdr", "xmlns:w", W_NS, "xmlns:r", R_NS, NULL);
  if (dx->part.ctx->classification && *dx->part.ctx->classification)
    write_para (dx, footer ? "FooterMarking" : "Header", dx->part.ctx->classification);
  else if (!footer)
    write_para (dx, "Header", "");
  if (footer)
    {
      g_autofree char *page = g_strdup_printf (_("Page %s of %s"), "\x01", "\x02");
      g_auto(GStrv) parts = g_strsplit_set (page, "\x01\x02", -1);
      const char *page_first = strchr (page, '\x01') < strchr (page, '\x02') ? " PAGE " : " NUMPAGES ";

      /* "Page 3 of 12", with the numbers as fields, in translated order. */
      begin_para (dx, "Footer");
      end_ppr (dx);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          if (*parts[i])
            write_plain_run (dx, parts[i], FALSE);
          if (i == 0)
            write_field (dx, page_first, "1", FALSE);
          else if (i == 1)
            write_field (dx, g_str_equal (page_first, " PAGE ") ? " NUMPAGES " : " PAGE ", "1", FALSE);
        }
      end_para (dx);
    }
  end (sync_writer (dx));
  pl_export_xml_add (zip, footer ? "word/footer1.xml" : "word/header1.xml", sync_writer (dx), buf);
  dx->part.w = saved;
}

/* The title page's header and footer: empty. */
static void
write_empty_part (PlExportZip *zip,
                  gboolean     footer)
{
  GString *buf = g_string_new (NULL);
  xmlTextWriterPtr w = pl_export_xml_new (buf);

  pl_export_xml_start (w, footer ? "w:ftr" : "w:hdr", "xmlns:w", W_NS, NULL);
  pl_export_xml_element (w, "w:p", NULL);
  xmlTextWriterEndElement (w);
  pl_export_xml_add (zip, footer ? "word/footer2.xml" : "word/header2.xml", w, buf);
}

/* A review copy's cover note, on a page of its own before the title page,
 * the strategy's own anchor around its title. */
static void
write_review_note (PlDocx *dx)
{
  g_auto(GStrv) note = pl_export_review_note (dx->part.ctx);

  begin_para (dx, "Summary");
  end_ppr (dx);
  write_review_anchor_start (dx, PL_RECORD (pl_document_get_strategy (dx->part.ctx->document)));
  write_plain_run (dx, note[0], TRUE);
  write_review_anchor_end (dx);
  end_para (dx);
  for (guint i = 1; note[i] != NULL; i++)
    write_para (dx, "BodyText", note[i]);
  dx->break_pending = TRUE;
}

static const PlOutlineOps docx_ops = {
  .title_page = docx_title_page,
  .contents = docx_contents,
  .heading = docx_heading,
  .paragraph = docx_paragraph,
  .action = docx_action,
  .node = docx_node,
  .wide = docx_wide,
  .table_begin = docx_table_begin,
  .table_row = docx_table_row,
  .table_end = pl_export_part_end_element_cb,
};

gboolean
pl_export_docx (PlExportContext *ctx)
{
  PlDocx dx = { 0 };
  PlExportZip *zip;

  pl_export_part_init (&dx.part, ctx);
  dx.pending = g_string_new (NULL);
  dx.links = g_ptr_array_new_with_free_func (g_free);
  dx.link_ids = g_hash_table_new (g_str_hash, g_str_equal);
  dx.nums = g_array_new (FALSE, FALSE, sizeof (DocxNum));

  /* The archive streams to the output as the parts are written, the
   * document itself included; the parts that depend on it (links,
   * numbering) come after it. */
  zip = pl_export_zip_new (ctx);
  pl_export_docx_write_content_types (zip);
  pl_export_docx_write_package_rels (zip);
  pl_export_docx_write_core_properties (&dx, zip);

  dx.part.w = pl_export_zip_begin_xml (zip, "word/document.xml");
  start (sync_writer (&dx), "w:document", "xmlns:w", W_NS, "xmlns:r", R_NS, NULL);
  start (sync_writer (&dx), "w:body", NULL);
  /* The cover note follows the title page, or opens the file without one. */
  if (ctx->options->for_review && !ctx->options->title_page)
    write_review_note (&dx);
  pl_export_outline_run (ctx, &docx_ops, &dx);
  flush_text (&dx);
  if (dx.para_open)
    end_para (&dx);
  write_section (&dx, dx.wide);
  end (sync_writer (&dx));
  end (sync_writer (&dx));
  pl_export_zip_end_xml (zip, sync_writer (&dx));

  pl_export_docx_write_document_rels (&dx, zip);
  pl_export_docx_write_styles (zip, ctx->language);
  pl_export_docx_write_settings (zip, ctx->options->for_review);
  pl_export_docx_write_numbering (&dx, zip);
  write_marking_part (&dx, zip, FALSE);
  write_marking_part (&dx, zip, TRUE);
  write_empty_part (zip, FALSE);
  write_empty_part (zip, TRUE);

  pl_export_part_clear (&dx.part);
  g_string_free (dx.pending, TRUE);
  g_hash_table_unref (dx.link_ids);
  g_ptr_array_unref (dx.links);
  g_array_unref (dx.nums);
  return pl_export_zip_finish (zip);
}
