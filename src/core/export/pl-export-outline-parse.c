/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pl-export-private.h"

/* The narratives of the outline, parsed: ahead of the walk in a second
 * thread, and queued for the walk's two passes. */

static void
parsed_heading_clear (gpointer data)
{
  g_free (((PlParsedHeading *) data)->text);
}

void
pl_export_parsed_free (PlParsed *parsed)
{
  if (parsed == NULL)
    return;
  cmark_node_free (parsed->doc);
  g_array_unref (parsed->headings);
  g_free (parsed);
}

/* Headings can only be children of the document, block quotes and list
 * items (and custom blocks): only those are entered, never a paragraph or
 * anything inline. In document order, the order walk_narrative() meets
 * them in. Iterative, like the walk. */
static PlParsed *
parsed_new (const char *markdown)
{
  PlParsed *parsed = g_new0 (PlParsed, 1);
  cmark_node *doc = pl_export_parse_markdown (markdown);
  cmark_node *node;

  pl_export_gfm_prepare (doc);
  node = cmark_node_first_child (doc);

  parsed->doc = doc;
  parsed->min_level = pl_export_min_heading_level (doc);
  parsed->headings = g_array_new (FALSE, FALSE, sizeof (PlParsedHeading));
  g_array_set_clear_func (parsed->headings, parsed_heading_clear);
  while (node != NULL)
    {
      cmark_node *child = NULL;

      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_HEADING:
          {
            PlParsedHeading heading = { cmark_node_get_heading_level (node), pl_export_node_text (node) };

            g_array_append_val (parsed->headings, heading);
          }
          break;
        case CMARK_NODE_BLOCK_QUOTE:
        case CMARK_NODE_LIST:
        case CMARK_NODE_ITEM:
        case CMARK_NODE_CUSTOM_BLOCK:
          child = cmark_node_first_child (node);
          break;
        default:
          break;
        }
      if (child != NULL)
        {
          node = child;
          continue;
        }
      while (node != doc && cmark_node_next (node) == NULL)
        node = cmark_node_parent (node);
      node = node == doc ? NULL : cmark_node_next (node);
    }
  return parsed;
}

void
pl_export_parsed_queue_clear (PlOutline *ol)
{
  while (!g_queue_is_empty (ol->parsed))
    {
      g_free (g_queue_pop_head (ol->parsed));
      pl_export_parsed_free (g_queue_pop_head (ol->parsed));
    }
}

/* The tree pl_export_parse_ahead_queue() or the collecting pass parsed for @markdown,
 * or a new one; *@text is set to the queued copy of @markdown (a new
 * one in the collecting pass if none was queued), for the collecting pass
 * to queue again. */
PlParsed *
pl_export_take_parsed (PlOutline   *ol,
                       const char  *markdown,
                       char       **text)
{
  g_autofree char *queued = NULL;

  /* The collecting pass queues what it walked behind what is ahead. */
  if (!(ol->collecting ? ol->n_ahead == 0 : g_queue_is_empty (ol->parsed)))
    {
      if (ol->collecting)
        ol->n_ahead--;
      queued = g_queue_pop_head (ol->parsed);
      if (strcmp (queued, markdown) == 0)
        {
          *text = g_steal_pointer (&queued);
          return g_queue_pop_head (ol->parsed);
        }
      pl_export_parsed_free (g_queue_pop_head (ol->parsed));
      pl_export_parsed_queue_clear (ol);
      ol->n_ahead = 0;
    }
  *text = ol->collecting ? g_strdup (markdown) : NULL;
  return parsed_new (markdown);
}

/* Parsing ahead. cmark parses separate documents independently: a second
 * thread takes the narratives from the front while the main one reads the
 * actions from the file; when the walk begins, the main thread takes them
 * from the back until the two meet. */
struct _PlParseAhead {
  GPtrArray   *texts;   /* copies: the document is not touched off the main thread */
  PlParsed     **trees;
  GMutex       lock;
  guint        front;   /* next for the second thread */
  guint        back;    /* one past the next for the main thread */
  GThread     *thread;
};

/* The index of the next text to parse, from the front or the back, or
 * FALSE when none is left. */
static gboolean
claim (PlParseAhead *ahead,
       gboolean      from_back,
       guint        *index)
{
  gboolean any;

  g_mutex_lock (&ahead->lock);
  any = ahead->front < ahead->back;
  if (any)
    *index = from_back ? --ahead->back : ahead->front++;
  g_mutex_unlock (&ahead->lock);
  return any;
}

static gpointer
parse_from_front (gpointer data)
{
  PlParseAhead *ahead = data;
  guint i;

  while (claim (ahead, FALSE, &i))
    ahead->trees[i] = parsed_new (g_ptr_array_index (ahead->texts, i));
  return NULL;
}

static void
add_narrative (GPtrArray  *texts,
               const char *markdown)
{
  if (markdown != NULL && *markdown != '\0')
    g_ptr_array_add (texts, g_strdup (markdown));
}

PlParseAhead *
pl_export_parse_ahead_start (PlExportContext *ctx)
{
  PlDocument *document = ctx->document;
  const PlExportOptions *o = ctx->options;
  PlParseAhead *ahead = g_new0 (PlParseAhead, 1);

  /* In the order walk() asks for them. */
  ahead->texts = g_ptr_array_new_with_free_func (g_free);
  if (o->front_matter)
    {
      GListModel *sections = pl_document_get_sections (document);

      add_narrative (ahead->texts, pl_strategy_get_vision (pl_document_get_strategy (document)));
      for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
        {
          g_autoptr(PlSection) section = g_list_model_get_item (sections, i);

          add_narrative (ahead->texts, pl_section_get_body (section));
        }
    }
  if (o->pillars)
    {
      GListModel *pillars = pl_document_get_pillars (document);

      for (guint i = 0; i < g_list_model_get_n_items (pillars); i++)
        {
          g_autoptr(PlPillar) pillar = g_list_model_get_item (pillars, i);
          GListModel *objectives = pl_document_get_objectives (document, pillar);

          add_narrative (ahead->texts, pl_pillar_get_body (pillar));
          for (guint j = 0; j < g_list_model_get_n_items (objectives); j++)
            {
              g_autoptr(PlObjective) objective = g_list_model_get_item (objectives, j);

              add_narrative (ahead->texts, pl_objective_get_description (objective));
            }
        }
    }

  ahead->trees = g_new0 (PlParsed *, MAX (ahead->texts->len, 1));
  ahead->back = ahead->texts->len;
  g_mutex_init (&ahead->lock);
  if (ahead->texts->len > 1)
    ahead->thread = g_thread_new ("pl-export-parse", parse_from_front, ahead);
  return ahead;
}

gboolean
pl_export_gfm_may_style (PlExportContext *ctx)
{
  PlParseAhead *ahead = ctx->parse_ahead;

  /* The texts are only read, by both threads, until the walk queues them. */
  if (ahead == NULL)
    return TRUE;
  for (guint i = 0; i < ahead->texts->len; i++)
    {
      const char *text = g_ptr_array_index (ahead->texts, i);

      if (strchr (text, '~') != NULL || strstr (text, "[^") != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Stops the second thread after the text it is parsing. */
static void
parse_ahead_join (PlParseAhead *ahead)
{
  g_mutex_lock (&ahead->lock);
  ahead->back = ahead->front;
  g_mutex_unlock (&ahead->lock);
  g_clear_pointer (&ahead->thread, g_thread_join);
}

void
pl_export_parse_ahead_free (PlParseAhead *ahead)
{
  parse_ahead_join (ahead);
  for (guint i = 0; i < ahead->texts->len; i++)
    g_clear_pointer (&ahead->trees[i], pl_export_parsed_free);
  g_free (ahead->trees);
  g_ptr_array_unref (ahead->texts);
  g_mutex_clear (&ahead->lock);
  g_free (ahead);
}

/* Parses what is left of ctx->parse_ahead from the back, and queues all
 * of it, in order, for pl_export_take_parsed(). */
void
pl_export_parse_ahead_queue (PlOutline *ol)
{
  PlParseAhead *ahead = g_steal_pointer (&ol->ctx->parse_ahead);
  guint i;

  if (ahead == NULL)
    return;
  while (claim (ahead, TRUE, &i))
    ahead->trees[i] = parsed_new (g_ptr_array_index (ahead->texts, i));
  parse_ahead_join (ahead);

  for (i = 0; i < ahead->texts->len; i++)
    {
      g_queue_push_tail (ol->parsed, g_steal_pointer (&ahead->texts->pdata[i]));
      g_queue_push_tail (ol->parsed, g_steal_pointer (&ahead->trees[i]));
    }
  ol->n_ahead = ahead->texts->len;
  pl_export_parse_ahead_free (ahead);
}