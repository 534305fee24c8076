/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <cmark-gfm-core-extensions.h>

#include "pl-export-private.h"

/* GitHub Flavored Markdown for every export: cmark-gfm with its table,
 * strikethrough, autolink and task list extensions, and footnotes. */

/* The node types the extensions add. libcmark-gfm-extensions exports them
 * but Debian 12 installs no header that declares them (they are assigned
 * when the extensions register, so they are variables, not constants). */
extern cmark_node_type CMARK_NODE_TABLE;
extern cmark_node_type CMARK_NODE_TABLE_ROW;
extern cmark_node_type CMARK_NODE_TABLE_CELL;
extern cmark_node_type CMARK_NODE_STRIKETHROUGH;

static const char *const extension_names[] = { "table", "strikethrough", "autolink", "tasklist" };

/* Registration is not thread-safe in cmark-gfm and the outline parses in
 * a second thread: once, before any parser is made. */
static void
ensure_registered (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      cmark_gfm_core_extensions_ensure_registered ();
      g_once_init_leave (&registered, 1);
    }
}

cmark_node *
pl_export_parse_gfm (const char *text,
                     int         options)
{
  cmark_parser *parser;
  cmark_node *doc;

  ensure_registered ();
  parser = cmark_parser_new (options | CMARK_OPT_FOOTNOTES);
  for (guint i = 0; i < G_N_ELEMENTS (extension_names); i++)
    {
      cmark_syntax_extension *ext = cmark_find_syntax_extension (extension_names[i]);

      if (ext != NULL)
        cmark_parser_attach_syntax_extension (parser, ext);
    }
  if (text != NULL)
    cmark_parser_feed (parser, text, strlen (text));
  doc = cmark_parser_finish (parser);
  cmark_parser_free (parser);
  return doc;
}

PlExportGfm
pl_export_gfm_type (cmark_node *node)
{
  cmark_node_type type = cmark_node_get_type (node);

  if (type == CMARK_NODE_TABLE)
    return PL_EXPORT_GFM_TABLE;
  if (type == CMARK_NODE_TABLE_ROW)
    return cmark_gfm_extensions_get_table_row_is_header (node) ? PL_EXPORT_GFM_HEADER_ROW : PL_EXPORT_GFM_ROW;
  if (type == CMARK_NODE_TABLE_CELL)
    return PL_EXPORT_GFM_CELL;
  if (type == CMARK_NODE_STRIKETHROUGH)
    return PL_EXPORT_GFM_STRIKETHROUGH;
  return PL_EXPORT_GFM_NONE;
}

guint
pl_export_gfm_table_columns (cmark_node *table)
{
  return cmark_gfm_extensions_get_table_columns (table);
}

guint
pl_export_gfm_cell_column (cmark_node *cell)
{
  guint column = 0;

  for (cmark_node *n = cmark_node_previous (cell); n != NULL; n = cmark_node_previous (n))
    column++;
  return column;
}

char
pl_export_gfm_cell_align (cmark_node *cell)
{
  cmark_node *row = cmark_node_parent (cell);
  cmark_node *table = row ? cmark_node_parent (row) : NULL;
  guint column = pl_export_gfm_cell_column (cell);
  uint8_t *alignments;

  if (table == NULL || column >= cmark_gfm_extensions_get_table_columns (table))
    return 0;
  alignments = cmark_gfm_extensions_get_table_alignments (table);
  return alignments ? (char) alignments[column] : 0;
}

/* A task list item starts with its box, ☐ or ☑, as text every format
 * shows. */
static void
mark_task (cmark_node *item)
{
  cmark_node *para = cmark_node_first_child (item);
  cmark_node *box = cmark_node_new (CMARK_NODE_TEXT);

  cmark_node_set_literal (box, cmark_gfm_extensions_get_tasklist_item_checked (item) ? "☑ " : "☐ ");
  if (para == NULL || cmark_node_get_type (para) != CMARK_NODE_PARAGRAPH)
    {
      cmark_node *new_para = cmark_node_new (CMARK_NODE_PARAGRAPH);

      if (para != NULL)
        cmark_node_insert_before (para, new_para);
      else
        cmark_node_append_child (item, new_para);
      para = new_para;
    }
  cmark_node_prepend_child (para, box);
}

void
pl_export_gfm_prepare (cmark_node *doc)
{
  cmark_iter *iter = cmark_iter_new (doc);
  cmark_event_type ev;
  g_autoptr(GPtrArray) tasks = g_ptr_array_new ();
  cmark_node *notes = NULL, *next;

  /* Collected first: the tree is not changed under the iterator. */
  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (ev == CMARK_EVENT_ENTER && cmark_node_get_type (node) == CMARK_NODE_ITEM
          && g_strcmp0 (cmark_node_get_type_string (node), "tasklist") == 0)
        g_ptr_array_add (tasks, node);
    }
  cmark_iter_free (iter);
  for (guint i = 0; i < tasks->len; i++)
    mark_task (tasks->pdata[i]);

  /* Footnotes become the section's endnotes: cmark-gfm numbers the
   * references in the order they are first made and puts the definitions
   * that are referenced at the end of the document, in that order (the
   * others it drops). They become a numbered list there, after a rule. */
  for (cmark_node *node = cmark_node_first_child (doc); node != NULL; node = next)
    {
      cmark_node *item, *child;

      next = cmark_node_next (node);
      if (cmark_node_get_type (node) != CMARK_NODE_FOOTNOTE_DEFINITION)
        continue;
      if (notes == NULL)
        {
          cmark_node_insert_before (node, cmark_node_new (CMARK_NODE_THEMATIC_BREAK));
          notes = cmark_node_new (CMARK_NODE_LIST);
          cmark_node_set_list_type (notes, CMARK_ORDERED_LIST);
          cmark_node_set_list_start (notes, 1);
          cmark_node_set_list_tight (notes, TRUE);
          cmark_node_insert_before (node, notes);
        }
      item = cmark_node_new (CMARK_NODE_ITEM);
      cmark_node_append_child (notes, item);
      while ((child = cmark_node_first_child (node)) != NULL)
        cmark_node_append_child (item, child);
      cmark_node_free (node);
    }
}
