/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pl-i18n.h"

#include "pl-export-odt-private.h"

/* OpenDocument Text for cabinet review: the styles of pl-export-styles.c
 * as named styles, headings with outline levels, a table of contents
 * whose body is filled in (LibreOffice shows an index as it was saved),
 * lists as nested text:list, tables with header rows that repeat, and
 * the classification marking and page numbers on the master pages.
 * Parts are written with libxml2 and zipped with libarchive. */

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
const char *
pl_export_odt_style_name (PlOdt      *odt,
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
void
pl_export_odt_write_text (PlOdt      *odt,
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
  pl_export_odt_write_text (odt, text, FALSE);
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
    start (sync_writer (odt), element_name, "text:style-name", pl_export_odt_style_name (odt, id), NULL);
}

void
pl_export_odt_write_para (PlOdt      *odt,
                          const char *id,
                          const char *text)
{
  begin_para (odt, "text:p", id);
  pl_export_odt_write_text (odt, text, FALSE);
  end (sync_writer (odt));
}

/* ---- outline callbacks ---- */

static void write_review_note (PlOdt *odt);

static void
odt_title_page (PlOutline            *ol,
                const PlOutlineTitle *title)
{
  PlOdt *odt = ol->writer;
  const char *first = *title->marking ? "Marking" : *title->country ? "Subtitle" : "Title";
  const char *texts[] = { title->marking, title->country, title->title };
  const char *ids[] = { "Marking", "Subtitle", "Title" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      if (!*texts[i] && i < 2)
        continue;
      if (g_str_equal (ids[i], first))
        {
          /* The first paragraph puts the page on the title master page. */
          g_autofree char *style = g_strconcat ("TitlePage_", ids[i], NULL);

          start (sync_writer (odt), "text:p", "text:style-name", style, NULL);
          pl_export_odt_write_text (odt, texts[i], FALSE);
          end (sync_writer (odt));
        }
      else
        pl_export_odt_write_para (odt, ids[i], texts[i]);
    }
  for (guint i = 0; title->labels[i] != NULL; i++)
    {
      start (sync_writer (odt), "text:p", "text:style-name",
             title->labels[i + 1] == NULL ? "TitleMetaLast" : i == 0 ? "Title_20_Page_20_Details_20_First"
             : "Title_20_Page_20_Details", NULL);
      write_span (odt, "Strong", title->labels[i]);
      element (sync_writer (odt), "text:tab", NULL);
      pl_export_odt_write_text (odt, title->values[i], FALSE);
      end (sync_writer (odt));
    }
  if (odt->part.ctx->options->for_review)
    {
      odt->break_pending = TRUE;
      write_review_note (odt);
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
  pl_export_odt_write_para (odt, "TOCHeading", _("Contents"));
  end (sync_writer (odt));
  for (guint i = 0; i < headings->len; i++)
    {
      PlOutlineHeading *h = g_ptr_array_index (headings, i);
      g_autofree char *href = g_strconcat ("#", h->anchor, NULL);
      char style[16];

      g_snprintf (style, sizeof style, "TOC%d", CLAMP (h->level, 1, 3));
      start (sync_writer (odt), "text:p", "text:style-name", pl_export_odt_style_name (odt, style), NULL);
      start (sync_writer (odt), "text:a", "xlink:type", "simple", "xlink:href", href,
             "text:style-name", "Index_20_Link", "text:visited-style-name", "Index_20_Link", NULL);
      pl_export_odt_write_text (odt, h->text, FALSE);
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

/* A review copy's hidden anchor around a heading's or action's text. */
static void
write_review_anchor (PlOdt      *odt,
                     PlRecord   *record,
                     const char *element_name)
{
  g_autofree char *name = NULL;

  if (record == NULL)
    return;
  name = pl_export_anchor_name (record);
  element (sync_writer (odt), element_name, "text:name", name, NULL);
}

/* A review copy's cover note on a page of its own, the strategy's own
 * anchor around its title. */
static void
write_review_note (PlOdt *odt)
{
  g_auto(GStrv) note = pl_export_review_note (odt->part.ctx);
  PlRecord *strategy = PL_RECORD (pl_document_get_strategy (odt->part.ctx->document));

  begin_para (odt, "text:p", "Summary");
  write_review_anchor (odt, strategy, "text:bookmark-start");
  write_span (odt, "Strong", note[0]);
  write_review_anchor (odt, strategy, "text:bookmark-end");
  end (sync_writer (odt));
  for (guint i = 1; note[i] != NULL; i++)
    pl_export_odt_write_para (odt, "BodyText", note[i]);
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
  write_review_anchor (odt, ol->anchor_record, "text:bookmark-start");
  element (sync_writer (odt), "text:bookmark-start", "text:name", heading->anchor, NULL);
  pl_export_odt_write_text (odt, heading->text, FALSE);
  element (sync_writer (odt), "text:bookmark-end", "text:name", heading->anchor, NULL);
  write_review_anchor (odt, ol->anchor_record, "text:bookmark-end");
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

  pl_export_odt_write_para (ol->writer, styles[kind], text);
}

static void
odt_action (PlOutline         *ol,
            const char        *title,
            const char *const *labels,
            const char *const *values)
{
  PlOdt *odt = ol->writer;

  begin_para (odt, "text:p", "ActionTitle");
  write_review_anchor (odt, ol->anchor_record, "text:bookmark-start");
  pl_export_odt_write_text (odt, title, FALSE);
  write_review_anchor (odt, ol->anchor_record, "text:bookmark-end");
  end (sync_writer (odt));
  begin_para (odt, "text:p", "ActionDetail");
  for (guint i = 0; labels[i] != NULL; i++)
    {
      g_autofree char *label = g_strconcat (i == 0 ? "" : " · ", labels[i], ": ", NULL);

      write_span (odt, "Strong", label);
      pl_export_odt_write_text (odt, values[i], FALSE);
    }
  end (sync_writer (odt));
}

static const char *
block_style (PlOdt *odt)
{
  static const char *quotes[] = { "Quotations", "Quote2", "Quote3", "Quote4" };

  if (odt->lists > 0)
    return pl_export_odt_style_name (odt, "ListContinue");
  if (odt->quotes > 0)
    return quotes[MIN (odt->quotes, (int) G_N_ELEMENTS (quotes)) - 1];
  return pl_export_odt_style_name (odt, "BodyText");
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
      pl_export_odt_write_text (odt, lines[i], TRUE);
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

          /* Every list names its own style: a nested list without one
           * takes its parent's (ODF 1.3 Part 3, 19.880), which turned a
           * numbered list inside a bulleted one into bullets. The nested
           * list still takes its level's indent from its depth. */
          start (sync_writer (odt), "text:list", "text:style-name", ordered ? "List_Number" : "List_Bullet", NULL);
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
          /* Its direction from its text (FriBidi): an Arabic paragraph
           * is laid out right to left (writing-mode rl-tb). */
          if (pl_export_node_direction (node) == PL_EXPORT_DIRECTION_RTL)
            {
              g_autofree char *rtl = g_strconcat ("RTL_", block_style (odt), NULL);

              start (sync_writer (odt), "text:p", "text:style-name", rtl, NULL);
            }
          else
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
      pl_export_odt_write_para (odt, "HorizontalRule", "");
      break;

    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
      {
        gboolean code = cmark_node_get_type (node) == CMARK_NODE_CODE;
        const char *style = odt->strong && odt->emph ? "StrongEmphasis"
                            : odt->strong ? "Strong" : odt->emph ? "Emphasis" : NULL;

        if (style)
          begin_span (odt, style);
        /* (Declared when a narrative may strike through: a response
         * alone does not, and its text then stays upright.) */
        if (odt->strike && odt->gfm_styles)
          begin_span (odt, "Strike");
        if (code)
          begin_span (odt, "Source_20_Text");
        pl_export_odt_write_text (odt, cmark_node_get_literal (node), FALSE);
        if (code)
          raw (odt, "</text:span>");
        if (odt->strike && odt->gfm_styles)
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
      pl_export_odt_gfm_node (odt, node, enter);
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
write_row (PlOutline         *ol,
           const char *const *cells,
           gboolean           header)
{
  PlOdt *odt = ol->writer;

  raw (odt, "<table:table-row table:style-name=\"Row\">");
  for (guint i = 0; i < odt->n_columns; i++)
    {
      raw (odt, header
                ? "<table:table-cell table:style-name=\"CellHead\" office:value-type=\"string\">"
                  "<text:p text:style-name=\"Table_20_Heading\">"
                : "<table:table-cell table:style-name=\"Cell\" office:value-type=\"string\">"
                  "<text:p text:style-name=\"Table_20_Contents\">");
      if (!header && (int) i == ol->markdown_column)
        pl_export_outline_cell_markdown (ol, cells[i]);
      else
        pl_export_odt_write_text (odt, cells[i] ? cells[i] : "", FALSE);
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
  /* The annex without its organisation column has widths of its own. */
  const char *prefix = kind == PL_OUTLINE_TABLE_PLAN ? "Plan"
                       : n_columns < PL_EXPORT_ANNEX_COLUMNS ? "AnonAnnex" : "Annex";
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
  write_row (ol, header, TRUE);
  end (sync_writer (odt));
}

static void
odt_table_row (PlOutline         *ol,
               const char *const *cells)
{
  write_row (ol, cells, FALSE);
}

static void
write_meta (PlOdt       *odt,
            PlExportZip *zip)
{
  PlStrategy *s = pl_document_get_strategy (odt->part.ctx->document);
  GString *buf = g_string_new (NULL);
  xmlTextWriterPtr w = pl_export_xml_new (buf);

  pl_export_odt_start_root (w, "office:document-meta");
  start (w, "office:meta", NULL);
  start (w, "meta:generator", NULL);
  xmlTextWriterWriteString (w, BAD_CAST "Pillars/" PACKAGE_VERSION);
  end (w);
  pl_export_xml_text_element (w, "dc:title", pl_strategy_get_title (s), odt->part.scratch);
  pl_export_xml_text_element (w, "dc:language", odt->part.ctx->language, odt->part.scratch);
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
  pl_export_odt_write_styles (&odt, zip);

  odt.part.w = pl_export_zip_begin_xml (zip, "content.xml");
  pl_export_odt_start_root (odt.part.w, "office:document-content");
  pl_export_odt_write_font_faces (odt.part.w);
  pl_export_odt_write_automatic_styles (&odt);
  start (odt.part.w, "office:body", NULL);
  start (odt.part.w, "office:text", NULL);
  /* A review copy records every edit as a tracked change; its cover
   * note follows the title page, or opens the file without one. */
  if (ctx->options->for_review)
    element (odt.part.w, "text:tracked-changes", "text:track-changes", "true", NULL);
  if (ctx->options->for_review && !ctx->options->title_page)
    write_review_note (&odt);
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
