/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pl-export-private.h"

/* OpenDocument Text for cabinet review: the styles of pl-export-styles.c
 * as named styles, headings with outline levels, a table of contents
 * whose body is filled in (LibreOffice shows an index as it was saved),
 * lists as nested text:list, tables with header rows that repeat, and
 * the classification marking and page numbers on the master pages.
 * Parts are written with libxml2 and zipped with libarchive. */

#define start pl_export_xml_start
#define element pl_export_xml_element
#define end(w) xmlTextWriterEndElement (w)
/* Constant markup, balanced and free of anything from the document, is
 * written as it is in the hot paths (spans, table cells, white space);
 * every text from the document goes through libxml2's escaping. */
#define raw(odt, markup) pl_export_part_raw (&(odt)->part, (markup))
#define sync_writer(odt) pl_export_part_sync (&(odt)->part)

#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_STYLE "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_FO "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define NS_SVG "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
#define NS_XLINK "http://www.w3.org/1999/xlink"
#define NS_DC "http://purl.org/dc/elements/1.1/"
#define NS_META "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
#define NS_MANIFEST "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"

/* A4 landscape, 2 cm margins: the width of the wide tables. */
#define WIDE_TEXT_CM 25.7
/* A4 portrait, 2.5 cm margins: 16 cm. */
#define PORTRAIT_TEXT_TWIPS 9070

typedef struct {
  PlExportPart      part;        /* first: the outline's table_end reaches it */
  GString          *name;        /* ODF style names made from display names */
  gboolean          break_pending;
  gboolean          landscape_pending;
  gboolean          para_open;
  int               strong, emph;
  int               quotes;
  int               lists;
  guint             tables;
  guint             n_columns;
} PlOdt;

/* <text:s text:c="@count"/> */
static void
write_spaces (PlOdt *odt,
              guint  count)
{
  raw (odt, "<text:s text:c=\"");
  pl_export_part_number (&odt->part, count);
  raw (odt, "\"/>");
}

/* "Heading 1" -> "Heading_20_1", as LibreOffice names its styles. */
static const char *
style_name (PlOdt      *odt,
            const char *id)
{
  const PlExportStyle *s = pl_export_style_find (id);
  const char *display = s ? s->display : id;

  g_string_truncate (odt->name, 0);
  for (const char *p = display; *p; p++)
    {
      if (*p == ' ')
        g_string_append (odt->name, "_20_");
      else
        g_string_append_c (odt->name, *p);
    }
  return odt->name->str;
}

/* Text with ODF's white space rules: runs of spaces, tabs and line
 * breaks are elements, or the reader collapses them. */
static void
write_text (PlOdt      *odt,
            const char *text,
            gboolean    keep_leading)
{
  const char *clean = pl_export_clean_text (text, -1, odt->part.scratch);
  const char *p = clean, *seg = clean;

  if (strpbrk (clean, "\t\n\r") == NULL && strstr (clean, "  ") == NULL
      && !(keep_leading && *clean == ' '))
    {
      pl_export_part_text (&odt->part, clean);
      return;
    }
  while (*p)
    {
      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        {
          const char *run = p;
          guint spaces;

          if (p > seg)
            {
              g_autofree char *part = g_strndup (seg, p - seg);
              pl_export_part_text (&odt->part, part);
            }
          if (*p == '\t')
            raw (odt, "<text:tab/>");
          else if (*p == '\n')
            raw (odt, "<text:line-break/>");
          if (*p != ' ')
            {
              seg = ++p;
              continue;
            }
          while (*p == ' ')
            p++;
          spaces = p - run;
          /* One plain space, the rest as <text:s/> (all of them at the
           * start of a code line). */
          if (run == clean && keep_leading)
            write_spaces (odt, spaces);
          else
            {
              raw (odt, " ");
              if (spaces > 1)
                write_spaces (odt, spaces - 1);
            }
          seg = p;
          continue;
        }
      p++;
    }
  if (p > seg)
    pl_export_part_text (&odt->part, seg);
}

/* <text:span text:style-name="@style">: a style name of this file. */
static void
begin_span (PlOdt      *odt,
            const char *style)
{
  raw (odt, "<text:span text:style-name=\"");
  raw (odt, style);
  raw (odt, "\">");
}

static void
write_span (PlOdt      *odt,
            const char *style,
            const char *text)
{
  begin_span (odt, style);
  write_text (odt, text, FALSE);
  raw (odt, "</text:span>");
}

/* A paragraph's style, or the automatic style that also breaks the page
 * (and switches to the landscape master) when one is pending. */
static void
begin_para (PlOdt      *odt,
            const char *element_name,
            const char *id)
{
  const PlExportStyle *s = pl_export_style_find (id);

  if (odt->landscape_pending || odt->break_pending)
    {
      char name[32];

      g_snprintf (name, sizeof name, "%s_%s", odt->landscape_pending ? "Wide" : "Break",
                  s && s->outline ? id : "BodyText");
      start (sync_writer (odt), element_name, "text:style-name", name, NULL);
      odt->landscape_pending = odt->break_pending = FALSE;
    }
  else
    start (sync_writer (odt), element_name, "text:style-name", style_name (odt, id), NULL);
}

static void
write_para (PlOdt      *odt,
            const char *id,
            const char *text)
{
  begin_para (odt, "text:p", id);
  write_text (odt, text, FALSE);
  end (sync_writer (odt));
}

/* ---- outline callbacks ---- */

static void
odt_title_page (PlOutline            *ol,
                const PlOutlineTitle *title)
{
  PlOdt *odt = ol->writer;

  if (*title->marking)
    write_para (odt, "Marking", title->marking);
  if (*title->country)
    write_para (odt, "Subtitle", title->country);
  write_para (odt, "Title", title->title);
  for (guint i = 0; title->labels[i] != NULL; i++)
    {
      start (sync_writer (odt), "text:p", "text:style-name",
             title->labels[i + 1] == NULL ? "TitleMetaLast" : i == 0 ? "Title_20_Page_20_Details_20_First"
             : "Title_20_Page_20_Details", NULL);
      write_span (odt, "Strong", title->labels[i]);
      element (sync_writer (odt), "text:tab", NULL);
      write_text (odt, title->values[i], FALSE);
      end (sync_writer (odt));
    }
}

static void
odt_contents (PlOutline *ol,
              GPtrArray *headings)
{
  PlOdt *odt = ol->writer;

  start (sync_writer (odt), "text:table-of-content", "text:style-name", "ContentsSection",
         "text:protected", "true", "text:name", "Table of Contents1", NULL);
  start (sync_writer (odt), "text:table-of-content-source", "text:outline-level", "3", NULL);
  start (sync_writer (odt), "text:index-title-template", "text:style-name", "Contents_20_Heading", NULL);
  xmlTextWriterWriteString (sync_writer (odt), BAD_CAST _("Contents"));
  end (sync_writer (odt));
  for (int level = 1; level <= 3; level++)
    {
      char outline[4], style[16];

      g_snprintf (outline, sizeof outline, "%d", level);
      g_snprintf (style, sizeof style, "Contents_20_%d", level);
      start (sync_writer (odt), "text:table-of-content-entry-template", "text:outline-level", outline,
             "text:style-name", style, NULL);
      element (sync_writer (odt), "text:index-entry-link-start", "text:style-name", "Index_20_Link", NULL);
      element (sync_writer (odt), "text:index-entry-text", NULL);
      element (sync_writer (odt), "text:index-entry-tab-stop", "style:type", "right", "style:leader-char", ".", NULL);
      element (sync_writer (odt), "text:index-entry-page-number", NULL);
      element (sync_writer (odt), "text:index-entry-link-end", NULL);
      end (sync_writer (odt));
    }
  end (sync_writer (odt));

  start (sync_writer (odt), "text:index-body", NULL);
  start (sync_writer (odt), "text:index-title", "text:style-name", "ContentsSection", "text:name", "Table of Contents1_Head", NULL);
  write_para (odt, "TOCHeading", _("Contents"));
  end (sync_writer (odt));
  for (guint i = 0; i < headings->len; i++)
    {
      PlOutlineHeading *h = g_ptr_array_index (headings, i);
      g_autofree char *href = g_strconcat ("#", h->anchor, NULL);
      char style[16];

      g_snprintf (style, sizeof style, "TOC%d", CLAMP (h->level, 1, 3));
      start (sync_writer (odt), "text:p", "text:style-name", style_name (odt, style), NULL);
      start (sync_writer (odt), "text:a", "xlink:type", "simple", "xlink:href", href,
             "text:style-name", "Index_20_Link", "text:visited-style-name", "Index_20_Link", NULL);
      write_text (odt, h->text, FALSE);
      element (sync_writer (odt), "text:tab", NULL);
      /* The page number as a reference LibreOffice computes on layout. */
      start (sync_writer (odt), "text:bookmark-ref", "text:reference-format", "page", "text:ref-name", h->anchor, NULL);
      end (sync_writer (odt));
      end (sync_writer (odt));
      end (sync_writer (odt));
    }
  end (sync_writer (odt));
  end (sync_writer (odt));
  odt->break_pending = TRUE;
}

static void
odt_heading (PlOutline              *ol,
             const PlOutlineHeading *heading)
{
  PlOdt *odt = ol->writer;
  int level = CLAMP (heading->level, 1, 5);
  char id[16], outline[4];

  if (odt->para_open)
    {
      end (sync_writer (odt));
      odt->para_open = FALSE;
    }
  if (heading->new_page)
    odt->break_pending = TRUE;
  g_snprintf (id, sizeof id, "Heading%d", level);
  g_snprintf (outline, sizeof outline, "%d", level);
  begin_para (odt, "text:h", id);
  xmlTextWriterWriteAttribute (sync_writer (odt), BAD_CAST "text:outline-level", BAD_CAST outline);
  element (sync_writer (odt), "text:bookmark-start", "text:name", heading->anchor, NULL);
  write_text (odt, heading->text, FALSE);
  element (sync_writer (odt), "text:bookmark-end", "text:name", heading->anchor, NULL);
  end (sync_writer (odt));
}

static void
odt_paragraph (PlOutline          *ol,
               PlOutlineParagraph  kind,
               const char         *text)
{
  static const char *styles[] = {
    [PL_OUTLINE_PARA_SUMMARY] = "Summary",
    [PL_OUTLINE_PARA_NOTE] = "Note",
    [PL_OUTLINE_PARA_LONG_LABEL] = "Note",
    [PL_OUTLINE_PARA_LONG_TEXT] = "BodyText",
  };

  write_para (ol->writer, styles[kind], text);
}

static void
odt_action (PlOutline         *ol,
            const char        *title,
            const char *const *labels,
            const char *const *values)
{
  PlOdt *odt = ol->writer;

  write_para (odt, "ActionTitle", title);
  begin_para (odt, "text:p", "ActionDetail");
  for (guint i = 0; labels[i] != NULL; i++)
    {
      g_autofree char *label = g_strconcat (i == 0 ? "" : " · ", labels[i], ": ", NULL);

      write_span (odt, "Strong", label);
      write_text (odt, values[i], FALSE);
    }
  end (sync_writer (odt));
}

static const char *
block_style (PlOdt *odt)
{
  static const char *quotes[] = { "Quotations", "Quote2", "Quote3", "Quote4" };

  if (odt->lists > 0)
    return style_name (odt, "ListContinue");
  if (odt->quotes > 0)
    return quotes[MIN (odt->quotes, (int) G_N_ELEMENTS (quotes)) - 1];
  return style_name (odt, "BodyText");
}

static void
odt_code_block (PlOdt      *odt,
                cmark_node *node)
{
  const char *literal = cmark_node_get_literal (node);
  g_auto(GStrv) lines = g_strsplit (literal ? literal : "", "\n", -1);
  guint n = g_strv_length (lines);

  if (n > 0 && *lines[n - 1] == '\0')
    n--;
  for (guint i = 0; i < n; i++)
    {
      begin_para (odt, "text:p", "SourceCode");
      write_text (odt, lines[i], TRUE);
      end (sync_writer (odt));
    }
}

static void
odt_node (PlOutline        *ol,
          cmark_node       *node,
          cmark_event_type  ev,
          int               depth)
{
  PlOdt *odt = ol->writer;
  gboolean enter = ev == CMARK_EVENT_ENTER;

  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_BLOCK_QUOTE:
      odt->quotes += enter ? 1 : -1;
      break;

    case CMARK_NODE_LIST:
      if (enter)
        {
          gboolean ordered = cmark_node_get_list_type (node) == CMARK_ORDERED_LIST;

          /* Only the outermost list names its style (ODF 1.2, 19.880). */
          if (odt->lists == 0)
            start (sync_writer (odt), "text:list", "text:style-name", ordered ? "List_Number" : "List_Bullet", NULL);
          else
            start (sync_writer (odt), "text:list", NULL);
          odt->lists++;
        }
      else
        {
          end (sync_writer (odt));
          odt->lists--;
        }
      break;

    case CMARK_NODE_ITEM:
      if (enter)
        {
          cmark_node *list = cmark_node_parent (node);

          if (cmark_node_previous (node) == NULL && list
              && cmark_node_get_list_type (list) == CMARK_ORDERED_LIST
              && cmark_node_get_list_start (list) != 1)
            {
              char first[16];

              g_snprintf (first, sizeof first, "%d", MAX (cmark_node_get_list_start (list), 0));
              start (sync_writer (odt), "text:list-item", "text:start-value", first, NULL);
            }
          else
            start (sync_writer (odt), "text:list-item", NULL);
        }
      else
        end (sync_writer (odt));
      break;

    case CMARK_NODE_PARAGRAPH:
      if (enter)
        {
          start (sync_writer (odt), "text:p", "text:style-name", block_style (odt), NULL);
          odt->para_open = TRUE;
        }
      else if (odt->para_open)
        {
          end (sync_writer (odt));
          odt->para_open = FALSE;
        }
      break;

    case CMARK_NODE_CODE_BLOCK:
      odt_code_block (odt, node);
      break;

    case CMARK_NODE_THEMATIC_BREAK:
      write_para (odt, "HorizontalRule", "");
      break;

    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
      {
        gboolean code = cmark_node_get_type (node) == CMARK_NODE_CODE;
        const char *style = odt->strong && odt->emph ? "StrongEmphasis"
                            : odt->strong ? "Strong" : odt->emph ? "Emphasis" : NULL;

        if (style)
          begin_span (odt, style);
        if (code)
          begin_span (odt, "Source_20_Text");
        write_text (odt, cmark_node_get_literal (node), FALSE);
        if (code)
          raw (odt, "</text:span>");
        if (style)
          raw (odt, "</text:span>");
      }
      break;

    case CMARK_NODE_SOFTBREAK:
      raw (odt, " ");
      break;

    case CMARK_NODE_LINEBREAK:
      raw (odt, "<text:line-break/>");
      break;

    case CMARK_NODE_EMPH:
      odt->emph += enter ? 1 : -1;
      break;

    case CMARK_NODE_STRONG:
      odt->strong += enter ? 1 : -1;
      break;

    case CMARK_NODE_LINK:
      if (enter)
        start (sync_writer (odt), "text:a", "xlink:type", "simple",
               "xlink:href", pl_export_clean_text (cmark_node_get_url (node), -1, odt->part.scratch),
               "text:style-name", "Internet_20_link", "text:visited-style-name", "Internet_20_link", NULL);
      else
        end (sync_writer (odt));
      break;

    default:
      break;
    }
}

static void
odt_wide (PlOutline *ol,
          gboolean   first)
{
  PlOdt *odt = ol->writer;

  odt->landscape_pending = TRUE;
  odt->break_pending = FALSE;
}

static void
write_row (PlOdt             *odt,
           const char *const *cells,
           gboolean           header)
{
  raw (odt, "<table:table-row table:style-name=\"Row\">");
  for (guint i = 0; i < odt->n_columns; i++)
    {
      raw (odt, header
                ? "<table:table-cell table:style-name=\"CellHead\" office:value-type=\"string\">"
                  "<text:p text:style-name=\"Table_20_Heading\">"
                : "<table:table-cell table:style-name=\"Cell\" office:value-type=\"string\">"
                  "<text:p text:style-name=\"Table_20_Contents\">");
      write_text (odt, cells[i] ? cells[i] : "", FALSE);
      raw (odt, "</text:p></table:table-cell>");
    }
  raw (odt, "</table:table-row>");
}

static void
odt_table_begin (PlOutline         *ol,
                 PlOutlineTable     kind,
                 guint              n_columns,
                 const char *const *header,
                 const guint       *widths)
{
  PlOdt *odt = ol->writer;
  const char *prefix = kind == PL_OUTLINE_TABLE_PLAN ? "Plan" : "Annex";
  char name[32];

  odt->n_columns = n_columns;
  g_snprintf (name, sizeof name, "%s%u", prefix, ++odt->tables);
  start (sync_writer (odt), "table:table", "table:name", name, "table:style-name", "WideTable", NULL);
  for (guint i = 0; i < n_columns; i++)
    {
      char style[32];

      g_snprintf (style, sizeof style, "%sColumn%u", prefix, i + 1);
      element (sync_writer (odt), "table:table-column", "table:style-name", style, NULL);
    }
  start (sync_writer (odt), "table:table-header-rows", NULL);
  write_row (odt, header, TRUE);
  end (sync_writer (odt));
}

static void
odt_table_row (PlOutline         *ol,
               const char *const *cells)
{
  write_row (ol->writer, cells, FALSE);
}

static const PlOutlineOps odt_ops = {
  .title_page = odt_title_page,
  .contents = odt_contents,
  .heading = odt_heading,
  .paragraph = odt_paragraph,
  .action = odt_action,
  .node = odt_node,
  .wide = odt_wide,
  .table_begin = odt_table_begin,
  .table_row = odt_table_row,
  .table_end = pl_export_part_end_element_cb,
};

/* ---- styles ---- */

static void
start_root (xmlTextWriterPtr  w,
            const char       *name)
{
  start (w, name, "xmlns:office", NS_OFFICE, "xmlns:style", NS_STYLE, "xmlns:text", NS_TEXT,
         "xmlns:table", NS_TABLE, "xmlns:fo", NS_FO, "xmlns:svg", NS_SVG, "xmlns:xlink", NS_XLINK,
         "xmlns:dc", NS_DC, "xmlns:meta", NS_META, "office:version", "1.3", NULL);
}

static void
write_font_faces (xmlTextWriterPtr w)
{
  static const struct { PlExportFont font; const char *generic, *pitch; } faces[] = {
    { PL_EXPORT_FONT_SERIF, "roman", "variable" },
    { PL_EXPORT_FONT_SANS, "swiss", "variable" },
    { PL_EXPORT_FONT_MONO, "modern", "fixed" },
  };

  start (w, "office:font-face-decls", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (faces); i++)
    {
      const char *name = pl_export_font_name (faces[i].font);
      g_autofree char *family = g_strdup_printf ("'%s'", name);

      element (w, "style:font-face", "style:name", name, "svg:font-family", family,
               "style:font-family-generic", faces[i].generic, "style:font-pitch", faces[i].pitch, NULL);
    }
  end (w);
}

static void
write_pt (xmlTextWriterPtr  w,
          const char       *attribute,
          int               twips)
{
  char value[32];

  g_snprintf (value, sizeof value, "%gpt", twips / 20.0);
  xmlTextWriterWriteAttribute (w, BAD_CAST attribute, BAD_CAST value);
}

static void
write_border_side (xmlTextWriterPtr  w,
                   const char       *attribute,
                   const char       *width,
                   const char       *color)
{
  g_autofree char *value = g_strdup_printf ("%s solid #%s", width, color);

  xmlTextWriterWriteAttribute (w, BAD_CAST attribute, BAD_CAST value);
}

static void
write_text_properties (xmlTextWriterPtr     w,
                       const PlExportStyle *s)
{
  start (w, "style:text-properties", NULL);
  if (s->font != PL_EXPORT_FONT_SERIF)
    xmlTextWriterWriteAttribute (w, BAD_CAST "style:font-name", BAD_CAST pl_export_font_name (s->font));
  if (s->size)
    {
      char size[16];

      g_snprintf (size, sizeof size, "%gpt", s->size / 2.0);
      xmlTextWriterWriteAttribute (w, BAD_CAST "fo:font-size", BAD_CAST size);
      xmlTextWriterWriteAttribute (w, BAD_CAST "style:font-size-complex", BAD_CAST size);
    }
  if (s->bold)
    {
      xmlTextWriterWriteAttribute (w, BAD_CAST "fo:font-weight", BAD_CAST "bold");
      xmlTextWriterWriteAttribute (w, BAD_CAST "style:font-weight-complex", BAD_CAST "bold");
    }
  if (s->italic)
    {
      xmlTextWriterWriteAttribute (w, BAD_CAST "fo:font-style", BAD_CAST "italic");
      xmlTextWriterWriteAttribute (w, BAD_CAST "style:font-style-complex", BAD_CAST "italic");
    }
  if (s->caps)
    xmlTextWriterWriteAttribute (w, BAD_CAST "fo:text-transform", BAD_CAST "uppercase");
  if (s->underline)
    {
      xmlTextWriterWriteAttribute (w, BAD_CAST "style:text-underline-style", BAD_CAST "solid");
      xmlTextWriterWriteAttribute (w, BAD_CAST "style:text-underline-width", BAD_CAST "auto");
      xmlTextWriterWriteAttribute (w, BAD_CAST "style:text-underline-color", BAD_CAST "font-color");
    }
  if (s->color)
    {
      g_autofree char *color = g_strconcat ("#", s->color, NULL);

      xmlTextWriterWriteAttribute (w, BAD_CAST "fo:color", BAD_CAST color);
    }
  end (w);
}

static void
write_paragraph_properties (xmlTextWriterPtr     w,
                            const PlExportStyle *s)
{
  start (w, "style:paragraph-properties", NULL);
  if (s->before || s->after || s->line)
    {
      char line[16];

      write_pt (w, "fo:margin-top", s->before);
      write_pt (w, "fo:margin-bottom", s->after);
      g_snprintf (line, sizeof line, "%d%%", (s->line ? s->line : 264) * 100 / 240);
      xmlTextWriterWriteAttribute (w, BAD_CAST "fo:line-height", BAD_CAST line);
    }
  if (s->indent)
    write_pt (w, "fo:margin-left", s->indent);
  if (s->center)
    xmlTextWriterWriteAttribute (w, BAD_CAST "fo:text-align", BAD_CAST "center");
  else if (s->justify)
    xmlTextWriterWriteAttribute (w, BAD_CAST "fo:text-align", BAD_CAST "justify");
  if (s->keep)
    {
      xmlTextWriterWriteAttribute (w, BAD_CAST "fo:keep-with-next", BAD_CAST "always");
      xmlTextWriterWriteAttribute (w, BAD_CAST "fo:keep-together", BAD_CAST "always");
    }
  if (s->shade)
    {
      g_autofree char *color = g_strconcat ("#", s->shade, NULL);

      xmlTextWriterWriteAttribute (w, BAD_CAST "fo:background-color", BAD_CAST color);
      xmlTextWriterWriteAttribute (w, BAD_CAST "fo:padding", BAD_CAST "0.06cm");
    }
  if (s->border == PL_EXPORT_BORDER_BOTTOM)
    {
      write_border_side (w, "fo:border-bottom", s->outline ? "0.75pt" : "1pt", s->outline ? "A5B4CC" : "1F3864");
      xmlTextWriterWriteAttribute (w, BAD_CAST "fo:padding-bottom", BAD_CAST "0.1cm");
    }
  else if (s->border == PL_EXPORT_BORDER_LEFT)
    {
      write_border_side (w, "fo:border-left", "2.25pt", "A5B4CC");
      xmlTextWriterWriteAttribute (w, BAD_CAST "fo:padding-left", BAD_CAST "0.25cm");
    }
  if (!s->character && g_str_equal (s->id, "Normal"))
    {
      xmlTextWriterWriteAttribute (w, BAD_CAST "fo:orphans", BAD_CAST "2");
      xmlTextWriterWriteAttribute (w, BAD_CAST "fo:widows", BAD_CAST "2");
    }
  if (s->tab || s->toc_tab)
    {
      start (w, "style:tab-stops", NULL);
      start (w, "style:tab-stop", NULL);
      if (s->toc_tab)
        {
          /* Tab positions count from the paragraph's indent. */
          write_pt (w, "style:position", PORTRAIT_TEXT_TWIPS - s->indent);
          xmlTextWriterWriteAttribute (w, BAD_CAST "style:type", BAD_CAST "right");
          xmlTextWriterWriteAttribute (w, BAD_CAST "style:leader-style", BAD_CAST "dotted");
          xmlTextWriterWriteAttribute (w, BAD_CAST "style:leader-text", BAD_CAST ".");
        }
      else
        write_pt (w, "style:position", s->tab);
      end (w);
      end (w);
    }
  end (w);
}

static void
write_named_style (PlOdt               *odt,
                   xmlTextWriterPtr     w,
                   const PlExportStyle *s)
{
  g_autofree char *name = g_strdup (style_name (odt, s->id));

  start (w, "style:style", "style:name", name, "style:display-name", s->display,
         "style:family", s->character ? "text" : "paragraph", NULL);
  if (s->parent)
    xmlTextWriterWriteAttribute (w, BAD_CAST "style:parent-style-name", BAD_CAST style_name (odt, s->parent));
  if (s->next)
    xmlTextWriterWriteAttribute (w, BAD_CAST "style:next-style-name", BAD_CAST style_name (odt, s->next));
  if (s->outline)
    {
      char level[4];

      g_snprintf (level, sizeof level, "%d", s->outline);
      xmlTextWriterWriteAttribute (w, BAD_CAST "style:default-outline-level", BAD_CAST level);
    }
  if (!s->character)
    write_paragraph_properties (w, s);
  write_text_properties (w, s);
  end (w);
}

static void
write_list_style (xmlTextWriterPtr  w,
                  const char       *name,
                  gboolean          ordered)
{
  static const char *bullets[] = { "•", "◦", "▪" };
  static const char *formats[] = { "1", "a", "i" };

  start (w, "text:list-style", "style:name", name, NULL);
  for (int level = 1; level <= 10; level++)
    {
      char number[4], indent[16];

      g_snprintf (number, sizeof number, "%d", level);
      g_snprintf (indent, sizeof indent, "%gcm", 0.635 * level + 0.3);
      if (ordered)
        start (w, "text:list-level-style-number", "text:level", number, "style:num-suffix", ".",
               "style:num-format", formats[(level - 1) % 3], NULL);
      else
        start (w, "text:list-level-style-bullet", "text:level", number,
               "text:bullet-char", bullets[(level - 1) % 3], NULL);
      start (w, "style:list-level-properties", "text:list-level-position-and-space-mode", "label-alignment", NULL);
      element (w, "style:list-level-label-alignment", "text:label-followed-by", "listtab",
               "text:list-tab-stop-position", indent, "fo:text-indent", "-0.635cm", "fo:margin-left", indent, NULL);
      end (w);
      end (w);
    }
  end (w);
}

static void
write_page_layout (xmlTextWriterPtr  w,
                   const char       *name,
                   gboolean          wide)
{
  start (w, "style:page-layout", "style:name", name, NULL);
  element (w, "style:page-layout-properties",
           "fo:page-width", wide ? "29.7cm" : "21cm", "fo:page-height", wide ? "21cm" : "29.7cm",
           "style:print-orientation", wide ? "landscape" : "portrait",
           "fo:margin-top", "1cm", "fo:margin-bottom", "1cm",
           "fo:margin-left", wide ? "2cm" : "2.5cm", "fo:margin-right", wide ? "2cm" : "2.5cm", NULL);
  start (w, "style:header-style", NULL);
  element (w, "style:header-footer-properties", "fo:min-height", "0cm", "fo:margin-bottom", "1cm", NULL);
  end (w);
  start (w, "style:footer-style", NULL);
  element (w, "style:header-footer-properties", "fo:min-height", "0cm", "fo:margin-top", "0.8cm", NULL);
  end (w);
  end (w);
}

static void
write_master_page (PlOdt            *odt,
                   xmlTextWriterPtr  w,
                   const char       *name,
                   const char       *layout)
{
  const char *marking = odt->part.ctx->classification ? odt->part.ctx->classification : "";
  g_autofree char *page = g_strdup_printf (_("Page %s of %s"), "\x01", "\x02");
  const char *p;
  xmlTextWriterPtr saved = sync_writer (odt);

  odt->part.w = w;
  start (sync_writer (odt), "style:master-page", "style:name", name, "style:page-layout-name", layout, NULL);
  start (sync_writer (odt), "style:header", NULL);
  write_para (odt, "Header", marking);
  end (sync_writer (odt));
  start (sync_writer (odt), "style:footer", NULL);
  if (*marking)
    write_para (odt, "FooterMarking", marking);
  /* "Page 3 of 12" with the numbers as fields, in the translation's order. */
  start (sync_writer (odt), "text:p", "text:style-name", "Footer", NULL);
  for (p = page; *p; p++)
    {
      const char *next = strpbrk (p, "\x01\x02");
      g_autofree char *part = g_strndup (p, next ? next - p : (gssize) strlen (p));

      write_text (odt, part, FALSE);
      if (next == NULL)
        break;
      if (*next == '\x01')
        {
          start (sync_writer (odt), "text:page-number", "text:select-page", "current", NULL);
          xmlTextWriterWriteString (sync_writer (odt), BAD_CAST "1");
          end (sync_writer (odt));
        }
      else
        {
          start (sync_writer (odt), "text:page-count", NULL);
          xmlTextWriterWriteString (sync_writer (odt), BAD_CAST "1");
          end (sync_writer (odt));
        }
      p = next;
    }
  end (sync_writer (odt));
  end (sync_writer (odt));
  end (sync_writer (odt));
  sync_writer (odt);
  odt->part.w = saved;
}

static void
write_styles (PlOdt       *odt,
              PlExportZip *zip)
{
  GString *buf = g_string_new (NULL);
  xmlTextWriterPtr w = pl_export_xml_new (buf);

  start_root (w, "office:document-styles");
  write_font_faces (w);
  start (w, "office:styles", NULL);
  start (w, "style:default-style", "style:family", "paragraph", NULL);
  element (w, "style:paragraph-properties", "style:writing-mode", "page", NULL);
  element (w, "style:text-properties", "style:font-name", pl_export_font_name (PL_EXPORT_FONT_SERIF),
           "fo:font-size", "11pt", "fo:language", "en", "fo:country", "GB",
           "style:font-name-complex", pl_export_font_name (PL_EXPORT_FONT_SERIF), NULL);
  end (w);
  for (guint i = 0; i < pl_export_n_styles; i++)
    write_named_style (odt, w, &pl_export_styles[i]);

  /* Character styles the text uses. */
  start (w, "style:style", "style:name", "Strong", "style:display-name", "Strong Emphasis", "style:family", "text", NULL);
  element (w, "style:text-properties", "fo:font-weight", "bold", "style:font-weight-complex", "bold", NULL);
  end (w);
  start (w, "style:style", "style:name", "Emphasis", "style:family", "text", NULL);
  element (w, "style:text-properties", "fo:font-style", "italic", "style:font-style-complex", "italic", NULL);
  end (w);
  start (w, "style:style", "style:name", "StrongEmphasis", "style:display-name", "Strong Emphasis Italic",
         "style:family", "text", NULL);
  element (w, "style:text-properties", "fo:font-weight", "bold", "fo:font-style", "italic", NULL);
  end (w);
  start (w, "style:style", "style:name", "Index_20_Link", "style:display-name", "Index Link", "style:family", "text", NULL);
  element (w, "style:text-properties", NULL);
  end (w);

  write_list_style (w, "List_Bullet", FALSE);
  write_list_style (w, "List_Number", TRUE);

  /* Headings carry their numbers in their text: no outline numbering. */
  start (w, "text:outline-style", "style:name", "Outline", NULL);
  for (int level = 1; level <= 10; level++)
    {
      char number[4];

      g_snprintf (number, sizeof number, "%d", level);
      element (w, "text:outline-level-style", "text:level", number, "style:num-format", "", NULL);
    }
  end (w);
  end (w);

  start (w, "office:automatic-styles", NULL);
  write_page_layout (w, "PortraitLayout", FALSE);
  write_page_layout (w, "LandscapeLayout", TRUE);
  end (w);

  start (w, "office:master-styles", NULL);
  write_master_page (odt, w, "Standard", "PortraitLayout");
  write_master_page (odt, w, "Landscape", "LandscapeLayout");
  end (w);
  end (w);
  pl_export_xml_add (zip, "styles.xml", w, buf);
}

/* Automatic styles of content.xml: page breaks, the landscape master,
 * nested quotations, table columns and cells. */
static void
write_automatic_styles (PlOdt *odt)
{
  xmlTextWriterPtr w = sync_writer (odt);
  static const char *parents[] = { "Heading1", "Heading2", "Heading3", "Heading4", "Heading5", "BodyText" };

  start (w, "office:automatic-styles", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (parents); i++)
    {
      g_autofree char *parent = g_strdup (style_name (odt, parents[i]));
      g_autofree char *brk = g_strconcat ("Break_", parents[i], NULL);
      g_autofree char *wide = g_strconcat ("Wide_", parents[i], NULL);

      start (w, "style:style", "style:name", brk, "style:family", "paragraph",
             "style:parent-style-name", parent, NULL);
      element (w, "style:paragraph-properties", "fo:break-before", "page", NULL);
      end (w);
      element (w, "style:style", "style:name", wide, "style:family", "paragraph",
               "style:parent-style-name", parent, "style:master-page-name", "Landscape", NULL);
    }
  start (w, "style:style", "style:name", "TitleMetaLast", "style:family", "paragraph",
         "style:parent-style-name", "Title_20_Page_20_Details", NULL);
  element (w, "style:paragraph-properties", "fo:break-after", "page", NULL);
  end (w);
  for (int depth = 2; depth <= 4; depth++)
    {
      char name[16], margin[16];

      g_snprintf (name, sizeof name, "Quote%d", depth);
      g_snprintf (margin, sizeof margin, "%gcm", depth * 1.0);
      start (w, "style:style", "style:name", name, "style:family", "paragraph",
             "style:parent-style-name", "Quotations", NULL);
      element (w, "style:paragraph-properties", "fo:margin-left", margin, NULL);
      end (w);
    }

  start (w, "style:style", "style:name", "ContentsSection", "style:family", "section", NULL);
  element (w, "style:section-properties", "style:editable", "false", NULL);
  end (w);

  start (w, "style:style", "style:name", "WideTable", "style:family", "table", NULL);
  {
    char width[16];

    g_snprintf (width, sizeof width, "%gcm", WIDE_TEXT_CM);
    element (w, "style:table-properties", "style:width", width, "table:align", "margins",
             "fo:margin-top", "0.1cm", "fo:margin-bottom", "0.4cm", NULL);
  }
  end (w);
  for (guint t = 0; t < 2; t++)
    {
      const guint *widths = t == 0 ? pl_export_plan_widths : pl_export_annex_widths;

      for (guint i = 0; i < PL_EXPORT_TABLE_COLUMNS; i++)
        {
          char name[32], width[16], rel[16];

          g_snprintf (name, sizeof name, "%sColumn%u", t == 0 ? "Plan" : "Annex", i + 1);
          g_snprintf (width, sizeof width, "%gcm", WIDE_TEXT_CM * widths[i] / 100.0);
          g_snprintf (rel, sizeof rel, "%u*", widths[i] * 100);
          start (w, "style:style", "style:name", name, "style:family", "table-column", NULL);
          element (w, "style:table-column-properties", "style:column-width", width,
                   "style:rel-column-width", rel, NULL);
          end (w);
        }
    }
  /* A row stays on one page (LibreOffice still splits one taller than a page). */
  start (w, "style:style", "style:name", "Row", "style:family", "table-row", NULL);
  element (w, "style:table-row-properties", "fo:keep-together", "always", NULL);
  end (w);
  for (guint c = 0; c < 2; c++)
    {
      start (w, "style:style", "style:name", c == 0 ? "CellHead" : "Cell", "style:family", "table-cell", NULL);
      element (w, "style:table-cell-properties", "fo:border", "0.5pt solid #8c8c8c",
               "fo:padding-top", "0.05cm", "fo:padding-bottom", "0.05cm",
               "fo:padding-left", "0.12cm", "fo:padding-right", "0.12cm",
               "fo:background-color", c == 0 ? "#dce3ed" : "transparent", NULL);
      end (w);
    }
  end (w);
}

static void
write_meta (PlOdt       *odt,
            PlExportZip *zip)
{
  PlStrategy *s = pl_document_get_strategy (odt->part.ctx->document);
  GString *buf = g_string_new (NULL);
  xmlTextWriterPtr w = pl_export_xml_new (buf);

  start_root (w, "office:document-meta");
  start (w, "office:meta", NULL);
  start (w, "meta:generator", NULL);
  xmlTextWriterWriteString (w, BAD_CAST "Pillars/" PACKAGE_VERSION);
  end (w);
  pl_export_xml_text_element (w, "dc:title", pl_strategy_get_title (s), odt->part.scratch);
  pl_export_xml_text_element (w, "dc:subject", pl_strategy_get_country (s), odt->part.scratch);
  pl_export_xml_text_element (w, "meta:initial-creator", pl_strategy_get_lead_agency (s), odt->part.scratch);
  end (w);
  end (w);
  pl_export_xml_add (zip, "meta.xml", w, buf);
}

static void
write_manifest (PlExportZip *zip)
{
  static const struct { const char *path, *type; } entries[] = {
    { "/", "application/vnd.oasis.opendocument.text" },
    { "content.xml", "text/xml" },
    { "styles.xml", "text/xml" },
    { "meta.xml", "text/xml" },
  };
  GString *buf = g_string_new (NULL);
  xmlTextWriterPtr w = pl_export_xml_new (buf);

  start (w, "manifest:manifest", "xmlns:manifest", NS_MANIFEST, "manifest:version", "1.3", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    element (w, "manifest:file-entry", "manifest:full-path", entries[i].path,
             "manifest:media-type", entries[i].type,
             i == 0 ? "manifest:version" : NULL, "1.3", NULL);
  end (w);
  pl_export_xml_add (zip, "META-INF/manifest.xml", w, buf);
}

gboolean
pl_export_odt (PlExportContext *ctx)
{
  static const char mimetype[] = "application/vnd.oasis.opendocument.text";
  PlOdt odt = { 0 };
  PlExportZip *zip;

  pl_export_part_init (&odt.part, ctx);
  odt.name = g_string_new (NULL);

  /* The mimetype first and stored, so the file type can be recognised
   * from its first bytes; then the content streams into the archive. */
  zip = pl_export_zip_new (ctx);
  pl_export_zip_add (zip, "mimetype", mimetype, strlen (mimetype), TRUE);
  write_manifest (zip);
  write_meta (&odt, zip);
  write_styles (&odt, zip);

  odt.part.w = pl_export_zip_begin_xml (zip, "content.xml");
  start_root (odt.part.w, "office:document-content");
  write_font_faces (odt.part.w);
  write_automatic_styles (&odt);
  start (odt.part.w, "office:body", NULL);
  start (odt.part.w, "office:text", NULL);
  pl_export_outline_run (ctx, &odt_ops, &odt);
  if (odt.para_open)
    end (sync_writer (&odt));
  end (sync_writer (&odt));
  end (sync_writer (&odt));
  end (sync_writer (&odt));
  pl_export_zip_end_xml (zip, sync_writer (&odt));

  pl_export_part_clear (&odt.part);
  g_string_free (odt.name, TRUE);
  return pl_export_zip_finish (zip);
}
