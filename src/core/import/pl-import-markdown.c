/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <cmark-gfm.h>
#include <glib/gi18n-lib.h>

#include "pl-import-private.h"

/* The only file of the wing that speaks cmark (cmark-gfm's library). It
 * parses without the GFM extensions on purpose: pipe tables are read by
 * pipe_table() below into the draft's own table rows. */

static void
plain_text (cmark_node *node,
            GString    *out)
{
  for (cmark_node *c = cmark_node_first_child (node); c; c = cmark_node_next (c))
    {
      switch (cmark_node_get_type (c))
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
          g_string_append (out, cmark_node_get_literal (c));
          break;
        case CMARK_NODE_SOFTBREAK:
          g_string_append_c (out, ' ');
          break;
        case CMARK_NODE_LINEBREAK:
          g_string_append_c (out, '\n');
          break;
        default:
          plain_text (c, out);
        }
    }
}

static char *
render (cmark_node *node)
{
  char *md = cmark_render_commonmark (node, CMARK_OPT_DEFAULT, 0);
  char *out = g_strstrip (g_strdup (md));

  free (md);
  return out;
}

/* Compiled once, not per paragraph or list item as g_regex_match_simple()
 * would. */
static gboolean
matches (gsize      *once,
         GRegex    **regex,
         const char *pattern,
         const char *text)
{
  if (g_once_init_enter (once))
    {
      *regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (once, 1);
    }
  return g_regex_match (*regex, text, 0, NULL);
}

/* "| a | b |" lines with a "| --- |" second line: cmark (without the GFM
 * extension) keeps them as a paragraph; read the cells ourselves. */
static GPtrArray *
pipe_table (const char *literal)
{
  static gsize once;
  static GRegex *rule;
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows;
  guint n;

  /* Most paragraphs are prose: no need to split them into lines. */
  const char *first = literal + strspn (literal, " \t\r\f\v");

  if (*first != '|')
    return NULL;
  lines = g_strsplit (literal, "\n", -1);
  n = g_strv_length (lines);
  if (n < 2 || !g_str_has_prefix (g_strstrip (lines[0]), "|")
      || !matches (&once, &rule, "^\\|?\\s*:?-{3,}", g_strstrip (lines[1])))
    return NULL;
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; i < n; i++)
    {
      GPtrArray *cells;
      GString *cell = g_string_new (NULL);
      const char *p = g_strstrip (lines[i]);

      if (i == 1 || *p == '\0')
        {
          g_string_free (cell, TRUE);
          continue;
        }
      cells = g_ptr_array_new ();
      if (*p == '|')
        p++;
      for (; *p; p++)
        {
          if (*p == '\\' && p[1] == '|')
            g_string_append_c (cell, *++p);
          else if (*p == '|')
            {
              g_ptr_array_add (cells, g_strstrip (g_string_free (cell, FALSE)));
              cell = g_string_new (NULL);
            }
          else
            g_string_append_c (cell, *p);
        }
      if (cell->len > 0 && *g_strstrip (cell->str))
        g_ptr_array_add (cells, g_strstrip (g_string_free (cell, FALSE)));
      else
        g_string_free (cell, TRUE);
      g_ptr_array_add (cells, NULL);
      g_ptr_array_add (rows, g_ptr_array_free (cells, FALSE));
    }
  return rows;
}

/* Source text of a paragraph: the lines cmark read it from. */
static char *
source_lines (const char *text,
              gsize       len,
              cmark_node *node)
{
  int start = cmark_node_get_start_line (node), end = cmark_node_get_end_line (node);
  const char *p = text, *stop = text + len, *from = NULL;
  int line = 1;

  while (p < stop && line < start)
    if (*p++ == '\n')
      line++;
  from = p;
  while (p < stop && line <= end)
    if (*p++ == '\n')
      line++;
  return g_strndup (from, p - from);
}

/* An item our own export writes for an action: "**1.2.3 Title**" first. */
static gboolean
action_like (cmark_node *item)
{
  cmark_node *para = cmark_node_first_child (item);
  cmark_node *strong = para ? cmark_node_first_child (para) : NULL;
  g_autoptr(GString) text = NULL;
  static gsize once;
  static GRegex *numbered;

  if (!strong || cmark_node_get_type (strong) != CMARK_NODE_STRONG)
    return FALSE;
  text = g_string_new (NULL);
  plain_text (strong, text);
  return matches (&once, &numbered, "^[0-9]+(\\.[0-9]+)+\\s", text->str);
}

static void
item_block (cmark_node *item,
            int         number,
            GPtrArray  *blocks)
{
  cmark_node *first = cmark_node_first_child (item);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) extra = g_string_new (NULL);
  PlImportBlock *block;

  if (first && cmark_node_get_type (first) == CMARK_NODE_PARAGRAPH)
    plain_text (first, text);
  else
    first = NULL;
  for (cmark_node *c = first ? cmark_node_next (first) : cmark_node_first_child (item); c; c = cmark_node_next (c))
    {
      g_autofree char *md = render (c);

      if (extra->len)
        g_string_append (extra, "\n\n");
      g_string_append (extra, md);
    }
  block = pl_import_block_new (PL_BLOCK_ITEM, number, text->str);
  block->extra = g_strdup (extra->str);
  g_ptr_array_add (blocks, block);
}

gboolean
pl_import_read_markdown (const char  *text,
                         gsize        len,
                         GPtrArray   *blocks,
                         GError     **error)
{
  cmark_node *doc = cmark_parse_document (text, len, CMARK_OPT_DEFAULT);

  for (cmark_node *c = cmark_node_first_child (doc); c; c = cmark_node_next (c))
    {
      switch (cmark_node_get_type (c))
        {
        case CMARK_NODE_HEADING:
          {
            g_autoptr(GString) t = g_string_new (NULL);

            plain_text (c, t);
            g_strdelimit (t->str, "\n", ' ');
            g_ptr_array_add (blocks, pl_import_block_new (PL_BLOCK_HEADING, cmark_node_get_heading_level (c), g_strstrip (t->str)));
          }
          break;
        case CMARK_NODE_PARAGRAPH:
          {
            g_autofree char *source = source_lines (text, len, c);
            GPtrArray *rows = pipe_table (source);

            if (rows)
              {
                PlImportBlock *block = pl_import_block_new (PL_BLOCK_TABLE, 0, NULL);

                block->rows = rows;
                g_ptr_array_add (blocks, block);
              }
            else
              {
                g_autofree char *md = render (c);
                g_ptr_array_add (blocks, pl_import_block_new (PL_BLOCK_MARKDOWN, 0, md));
              }
          }
          break;
        case CMARK_NODE_LIST:
          {
            gboolean ordered = cmark_node_get_list_type (c) == CMARK_ORDERED_LIST;
            gboolean actions = TRUE;
            int number = ordered ? cmark_node_get_list_start (c) : 1;

            for (cmark_node *item = cmark_node_first_child (c); item && !ordered; item = cmark_node_next (item))
              actions = actions && action_like (item);
            if (!ordered && !actions)
              {
                g_autofree char *md = render (c);
                g_ptr_array_add (blocks, pl_import_block_new (PL_BLOCK_MARKDOWN, 0, md));
                break;
              }
            for (cmark_node *item = cmark_node_first_child (c); item; item = cmark_node_next (item))
              item_block (item, number++, blocks);
          }
          break;
        case CMARK_NODE_HTML_BLOCK:
          g_ptr_array_add (blocks, pl_import_block_new (PL_BLOCK_OMITTED, 0, _("An HTML block")));
          break;
        default:
          {
            g_autofree char *md = render (c);

            if (*md)
              g_ptr_array_add (blocks, pl_import_block_new (PL_BLOCK_MARKDOWN, 0, md));
          }
        }
    }
  cmark_node_free (doc);
  return TRUE;
}
