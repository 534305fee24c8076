/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-export-odt-private.h"

/* GitHub Flavored Markdown in ODF: a pipe table is a table:table with its
 * first row as the header rows (repeated on every page), in the cell
 * styles of the plan's tables; a footnote reference is its note's number,
 * superscript (the notes are the narrative's endnotes, see
 * pl_export_gfm_prepare()); ~~text~~ is struck through (odt_node's spans).
 * A list item cannot hold a table in ODF 1.3: there, each row is a
 * paragraph, its cells separated by " | ". */

static void
table_in_list (PlOdt      *odt,
               cmark_node *node,
               gboolean    enter)
{
  switch (pl_export_gfm_type (node))
    {
    case PL_EXPORT_GFM_HEADER_ROW:
    case PL_EXPORT_GFM_ROW:
      if (enter)
        start (sync_writer (odt), "text:p", "text:style-name",
               pl_export_odt_style_name (odt, "ListContinue"), NULL);
      else
        end (sync_writer (odt));
      break;
    case PL_EXPORT_GFM_CELL:
      if (enter && cmark_node_previous (node) != NULL)
        raw (odt, " | ");
      break;
    case PL_EXPORT_GFM_TABLE:
    case PL_EXPORT_GFM_STRIKETHROUGH:
    case PL_EXPORT_GFM_NONE:
    default:
      break;
    }
}

void
pl_export_odt_gfm_node (PlOdt      *odt,
                        cmark_node *node,
                        gboolean    enter)
{
  PlExportGfm type = pl_export_gfm_type (node);

  /* cmark-gfm's iterator enters and exits a footnote reference. */
  if (cmark_node_get_type (node) == CMARK_NODE_FOOTNOTE_REFERENCE)
    {
      if (!enter)
        return;
      if (odt->gfm_styles)
        raw (odt, "<text:span text:style-name=\"Sup\">");
      pl_export_odt_write_text (odt, cmark_node_get_literal (node), FALSE);
      if (odt->gfm_styles)
        raw (odt, "</text:span>");
      return;
    }
  if (type == PL_EXPORT_GFM_STRIKETHROUGH)
    {
      odt->strike += enter ? 1 : -1;
      return;
    }
  if (odt->lists > 0)
    {
      table_in_list (odt, node, enter);
      return;
    }
  switch (type)
    {
    case PL_EXPORT_GFM_TABLE:
      if (enter)
        {
          char name[32], columns[16];

          g_snprintf (name, sizeof name, "Narrative%u", ++odt->tables);
          g_snprintf (columns, sizeof columns, "%u", MAX (pl_export_gfm_table_columns (node), 1));
          start (sync_writer (odt), "table:table", "table:name", name, NULL);
          element (sync_writer (odt), "table:table-column", "table:number-columns-repeated", columns, NULL);
        }
      else
        end (sync_writer (odt));
      break;
    case PL_EXPORT_GFM_HEADER_ROW:
      /* The body rows follow bare, as in the plan's tables (pandoc's
       * reader skips a table:table-rows). */
      raw (odt, enter ? "<table:table-header-rows><table:table-row table:style-name=\"Row\">"
                      : "</table:table-row></table:table-header-rows>");
      break;
    case PL_EXPORT_GFM_ROW:
      raw (odt, enter ? "<table:table-row table:style-name=\"Row\">" : "</table:table-row>");
      break;
    case PL_EXPORT_GFM_CELL:
      if (!enter)
        raw (odt, "</text:p></table:table-cell>");
      else if (pl_export_gfm_type (cmark_node_parent (node)) == PL_EXPORT_GFM_HEADER_ROW)
        raw (odt, "<table:table-cell table:style-name=\"CellHead\" office:value-type=\"string\">"
                  "<text:p text:style-name=\"Table_20_Heading\">");
      else
        raw (odt, "<table:table-cell table:style-name=\"Cell\" office:value-type=\"string\">"
                  "<text:p text:style-name=\"Table_20_Contents\">");
      break;
    case PL_EXPORT_GFM_STRIKETHROUGH:
    case PL_EXPORT_GFM_NONE:
    default:
      break;
    }
}
