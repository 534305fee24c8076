/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-export-private.h"

/* A table cell whose text is Markdown (the drafting team's response in
 * the annex): its inline formatting reaches the writer's node() as in a
 * narrative, with the narrative's rules (raw HTML left out, links other
 * than http, https and mailto unwrapped, images as their description);
 * its blocks run on, separated by line breaks, inside the one paragraph
 * the writer opened for the cell. */
void
pl_export_outline_cell_markdown (PlOutline  *ol,
                                 const char *markdown)
{
  cmark_node *doc, *brk, *code = NULL;
  cmark_iter *iter;
  cmark_event_type ev;
  gboolean any_block = FALSE;
  int inline_depth = 0;

  if (markdown == NULL || *markdown == '\0' || ol->ops->node == NULL)
    return;
  doc = pl_export_parse_markdown (markdown);
  brk = cmark_node_new (CMARK_NODE_LINEBREAK);
  iter = cmark_iter_new (doc);
  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE && !pl_export_failed (ol->ctx))
    {
      cmark_node *node = cmark_iter_get_node (iter);
      gboolean enter = ev == CMARK_EVENT_ENTER;

      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          ol->ops->node (ol, node, ev, 0);
          break;

        case CMARK_NODE_CODE_BLOCK:
          /* As inline code, its lines broken. */
          if (any_block)
            ol->ops->node (ol, brk, CMARK_EVENT_ENTER, 0);
          any_block = TRUE;
          if (code == NULL)
            code = cmark_node_new (CMARK_NODE_CODE);
          cmark_node_set_literal (code, cmark_node_get_literal (node));
          ol->ops->node (ol, code, CMARK_EVENT_ENTER, 0);
          break;

        case CMARK_NODE_PARAGRAPH:
        case CMARK_NODE_HEADING:
          if (enter && any_block)
            ol->ops->node (ol, brk, CMARK_EVENT_ENTER, 0);
          any_block = TRUE;
          break;

        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_HTML_INLINE:
          if (enter)
            pl_export_note_left_out (ol->ctx, PL_EXPORT_LEFT_OUT_RAW_HTML);
          break;

        case CMARK_NODE_IMAGE:
          if (enter)
            pl_export_note_left_out (ol->ctx, PL_EXPORT_LEFT_OUT_IMAGE);
          break;

        case CMARK_NODE_LINK:
          if (!pl_export_link_is_safe (cmark_node_get_url (node)))
            break;
          G_GNUC_FALLTHROUGH;
        case CMARK_NODE_EMPH:
        case CMARK_NODE_STRONG:
          /* Nested beyond the outline's depth, the text goes on in the
           * formatting it has. */
          if (enter)
            inline_depth++;
          if (inline_depth <= PL_OUTLINE_MAX_DEPTH)
            ol->ops->node (ol, node, ev, 0);
          if (!enter)
            inline_depth--;
          break;

        default:
          if (pl_export_gfm_type (node) == PL_EXPORT_GFM_STRIKETHROUGH)
            {
              if (enter)
                inline_depth++;
              if (inline_depth <= PL_OUTLINE_MAX_DEPTH)
                ol->ops->node (ol, node, ev, 0);
              if (!enter)
                inline_depth--;
            }
          break;
        }
    }
  cmark_iter_free (iter);
  if (code != NULL)
    cmark_node_free (code);
  cmark_node_free (brk);
  cmark_node_free (doc);
}
