/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pl-i18n.h"

#include "pl-export-private.h"

/* CommonMark: the narrative goes through cmark and is rendered back with
 * its headings pushed below the document's own, so every heading level in
 * the export means the same thing. Tables are GFM pipe tables. */

/* @node's children moved before it, then @node freed: a link whose target
 * is dropped keeps its text. */
static void
unwrap_node (cmark_node *node)
{
  cmark_node *child;

  while ((child = cmark_node_first_child (node)) != NULL)
    cmark_node_insert_before (node, child);
  cmark_node_free (node);
}

/* Raw HTML as the text it is: the Markdown renderer escapes it, so a
 * reader (pandoc, a forge) shows "<script>" instead of running it. A
 * block's lines stay lines. */
static void
html_to_text (cmark_node *node)
{
  const char *literal = cmark_node_get_literal (node);
  gboolean block = cmark_node_get_type (node) == CMARK_NODE_HTML_BLOCK;
  cmark_node *parent = block ? cmark_node_new (CMARK_NODE_PARAGRAPH) : NULL;
  g_auto(GStrv) lines = g_strsplit (literal ? literal : "", "\n", -1);
  guint n = g_strv_length (lines);

  while (n > 0 && *g_strstrip (lines[n - 1]) == '\0')
    n--;
  for (guint i = 0; i < n; i++)
    {
      cmark_node *text = cmark_node_new (CMARK_NODE_TEXT);

      if (i > 0)
        {
          cmark_node *brk = cmark_node_new (CMARK_NODE_SOFTBREAK);

          if (block)
            cmark_node_append_child (parent, brk);
          else
            cmark_node_insert_before (node, brk);
        }
      cmark_node_set_literal (text, block ? g_strstrip (lines[i]) : lines[i]);
      if (block)
        cmark_node_append_child (parent, text);
      else
        cmark_node_insert_before (node, text);
    }
  if (block)
    cmark_node_insert_before (node, parent);
  cmark_node_free (node);
}

/* The rules of the other writers (pl-export-outline.c), for a reader we do
 * not control: raw HTML becomes text, links keep their text but lose a
 * target other than http, https or mailto, and images become their
 * description (pandoc would embed a local file or fetch one). Nodes are
 * collected first: the tree cannot change under its iterator. */
static void
sanitise_narrative (PlExportContext *ctx,
                    cmark_node      *doc,
                    int              shift)
{
  g_autoptr(GPtrArray) unsafe = g_ptr_array_new ();
  cmark_iter *iter = cmark_iter_new (doc);
  cmark_event_type ev;

  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (ev != CMARK_EVENT_ENTER)
        continue;
      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_HEADING:
          cmark_node_set_heading_level (node, CLAMP (cmark_node_get_heading_level (node) + shift, 1, 6));
          break;
        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_HTML_INLINE:
        case CMARK_NODE_IMAGE:
          g_ptr_array_add (unsafe, node);
          break;
        case CMARK_NODE_LINK:
          if (!pl_export_link_is_safe (cmark_node_get_url (node)))
            g_ptr_array_add (unsafe, node);
          break;
        default:
          break;
        }
    }
  cmark_iter_free (iter);

  /* Innermost first (the reverse of document order), so a node is never
   * freed with a parent before its own turn. */
  for (guint i = unsafe->len; i-- > 0;)
    {
      cmark_node *node = unsafe->pdata[i];

      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_HTML_INLINE:
          html_to_text (node);
          break;
        case CMARK_NODE_IMAGE:
          pl_export_note_left_out (ctx, PL_EXPORT_LEFT_OUT_IMAGE);
          unwrap_node (node);
          break;
        default:
          unwrap_node (node);
          break;
        }
    }
}

static void
write_narrative (PlExportContext *ctx,
                 const char      *markdown,
                 int              top_level)
{
  cmark_node *doc;
  char *out;

  if (markdown == NULL || *markdown == '\0')
    return;

  doc = pl_export_parse_markdown (markdown);
  sanitise_narrative (ctx, doc, top_level - pl_export_min_heading_level (doc));

  out = cmark_render_commonmark (doc, CMARK_OPT_DEFAULT, 0);
  {
    g_autoptr(GString) scratch = g_string_new (NULL);

    /* Control characters dropped, bidi overrides made visible, as in the
     * other formats. */
    pl_export_write (ctx, pl_export_clean_text (out, -1, scratch), -1);
  }
  pl_export_write (ctx, "\n", 1);
  free (out);
  cmark_node_free (doc);
}

/* A table cell: one line, pipes escaped, Markdown specials left as text. */
static void
write_cell (PlExportContext *ctx,
            const char      *text)
{
  g_autoptr(GString) cell = g_string_sized_new (64);
  g_autoptr(GString) scratch = g_string_new (NULL);

  g_string_append (cell, " ");
  for (const char *p = pl_export_clean_text (text, -1, scratch); *p; p++)
    {
      if (*p == '|')
        g_string_append (cell, "\\|");
      else if (*p == '\n' || *p == '\r' || *p == '\t')
        g_string_append_c (cell, ' ');
      else if (*p == '\\' || *p == '*' || *p == '_' || *p == '`' || *p == '<' || *p == '[')
        {
          g_string_append_c (cell, '\\');
          g_string_append_c (cell, *p);
        }
      else
        g_string_append_c (cell, *p);
    }
  g_string_append (cell, " |");
  pl_export_write (ctx, cell->str, cell->len);
}

static void
write_row (PlExportContext    *ctx,
           const char * const *cells)
{
  pl_export_write (ctx, "|", 1);
  for (guint i = 0; cells[i] != NULL; i++)
    write_cell (ctx, cells[i]);
  pl_export_write (ctx, "\n", 1);
}

static void
write_header (PlExportContext    *ctx,
              const char * const *cells)
{
  write_row (ctx, cells);
  pl_export_write (ctx, "|", 1);
  for (guint i = 0; cells[i] != NULL; i++)
    pl_export_write (ctx, " --- |", -1);
  pl_export_write (ctx, "\n", 1);
}

/* Text that is not Markdown (titles, names): escape what would become markup. */
static char *
escape_inline (const char *text)
{
  GString *s = g_string_new (NULL);
  g_autoptr(GString) scratch = g_string_new (NULL);

  for (const char *p = pl_export_clean_text (text, -1, scratch); *p; p++)
    {
      if (strchr ("\\`*_[]<>#|", *p))
        g_string_append_c (s, '\\');
      if (*p == '\n')
        g_string_append_c (s, ' ');
      else
        g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

static void
write_title_page (PlExportContext *ctx)
{
  PlStrategy *s = pl_document_get_strategy (ctx->document);
  g_autofree char *title = escape_inline (pl_strategy_get_title (s));
  g_autofree char *country = escape_inline (pl_strategy_get_country (s));
  g_autofree char *version = escape_inline (pl_strategy_get_version_label (s));
  g_autofree char *lead = escape_inline (pl_strategy_get_lead_agency (s));
  g_autofree char *marking = escape_inline (ctx->classification);

  if (*marking)
    pl_export_printf (ctx, "**%s**\n\n", marking);
  pl_export_printf (ctx, "# %s\n\n", title);
  if (*country)
    pl_export_printf (ctx, "%s\n\n", country);
  pl_export_printf (ctx, "- %s: %s\n", _("Version"), *version ? version : "—");
  pl_export_printf (ctx, "- %s: %s\n", _("Status"),
                    pl_enum_to_label (PL_TYPE_LIFECYCLE, pl_strategy_get_status (s)));
  pl_export_printf (ctx, "- %s: %s\n", _("Date"), ctx->date);
  if (*lead)
    pl_export_printf (ctx, "- %s: %s\n", _("Lead agency"), lead);
  pl_export_write (ctx, "\n", 1);
}

static void
write_front_matter (PlExportContext *ctx)
{
  PlStrategy *s = pl_document_get_strategy (ctx->document);
  GListModel *sections = pl_document_get_sections (ctx->document);
  guint n = g_list_model_get_n_items (sections);

  if (*pl_strategy_get_vision (s))
    {
      pl_export_printf (ctx, "## %s\n\n", _("Vision"));
      write_narrative (ctx, pl_strategy_get_vision (s), 3);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlSection) section = g_list_model_get_item (sections, i);
      g_autofree char *title = escape_inline (pl_section_get_title (section));

      pl_export_printf (ctx, "## %s\n\n", title);
      write_narrative (ctx, pl_section_get_body (section), 3);
    }
}

static void
write_action (PlExportContext *ctx,
              PlAction        *action)
{
  g_autofree char *number = pl_export_number (ctx, PL_RECORD (action));
  g_autofree char *title = escape_inline (pl_action_get_title (action));
  g_autofree char *lead = escape_inline (pl_action_get_lead_agency (action));
  g_autofree char *partners = escape_inline (pl_action_get_partners (action));
  g_autofree char *indicator = escape_inline (pl_action_get_indicator (action));
  g_autofree char *cost = escape_inline (pl_action_get_cost (action));
  g_autofree char *timeframe = pl_export_timeframe_label (action);

  pl_export_printf (ctx, "- **%s %s**  \n", number, title);
  pl_export_printf (ctx, "  %s: %s", _("Lead"), *lead ? lead : "—");
  if (*partners)
    pl_export_printf (ctx, "; %s: %s", _("Partners"), partners);
  pl_export_printf (ctx, "; %s: %s", _("Timeframe"), timeframe);
  pl_export_printf (ctx, "; %s: %s", _("Priority"),
                    pl_enum_to_label (PL_TYPE_PRIORITY, pl_action_get_priority (action)));
  if (*indicator)
    pl_export_printf (ctx, "; %s: %s", _("Indicator"), indicator);
  if (*cost)
    pl_export_printf (ctx, "; %s: %s", _("Cost"), cost);
  pl_export_printf (ctx, "; %s: %s\n", _("Status"),
                    pl_enum_to_label (PL_TYPE_ACTION_STATUS, pl_action_get_status (action)));
}

static void
write_pillars (PlExportContext *ctx)
{
  GListModel *pillars = pl_document_get_pillars (ctx->document);
  guint n = g_list_model_get_n_items (pillars);

  for (guint i = 0; i < n && !pl_export_failed (ctx); i++)
    {
      g_autoptr(PlPillar) pillar = g_list_model_get_item (pillars, i);
      g_autofree char *number = pl_export_number (ctx, PL_RECORD (pillar));
      g_autofree char *title = escape_inline (pl_pillar_get_title (pillar));
      g_autofree char *summary = escape_inline (pl_pillar_get_summary (pillar));
      GListModel *objectives = pl_document_get_objectives (ctx->document, pillar);
      guint n_obj = g_list_model_get_n_items (objectives);

      pl_export_printf (ctx, "## %s. %s\n\n", number, title);
      if (*summary)
        pl_export_printf (ctx, "*%s*\n\n", summary);
      /* Below the objectives' level, as in the other formats. */
      write_narrative (ctx, pl_pillar_get_body (pillar), 4);

      for (guint j = 0; j < n_obj; j++)
        {
          g_autoptr(PlObjective) objective = g_list_model_get_item (objectives, j);
          g_autofree char *onum = pl_export_number (ctx, PL_RECORD (objective));
          g_autofree char *otitle = escape_inline (pl_objective_get_title (objective));
          GListModel *actions = pl_document_get_actions (ctx->document, objective);
          guint n_act = g_list_model_get_n_items (actions);

          pl_export_printf (ctx, "### %s %s\n\n", onum, otitle);
          write_narrative (ctx, pl_objective_get_description (objective), 4);
          for (guint k = 0; k < n_act; k++)
            {
              g_autoptr(PlAction) action = g_list_model_get_item (actions, k);
              write_action (ctx, action);
            }
          if (n_act > 0)
            pl_export_write (ctx, "\n", 1);
        }
    }
}

static void
plan_row_cb (PlExportContext *ctx,
             const PlPlanRow *row,
             gpointer         data)
{
  write_row (ctx, row->cells);
}

static void
write_plan (PlExportContext *ctx)
{
  const char *header[PL_EXPORT_TABLE_COLUMNS + 1];

  pl_export_printf (ctx, "## %s\n\n", _("Implementation plan"));
  if (pl_export_plan_is_empty (ctx))
    {
      pl_export_printf (ctx, "%s\n\n", _("No actions yet."));
      return;
    }
  pl_export_plan_header (header);
  write_header (ctx, header);
  pl_export_foreach_plan_row (ctx, plan_row_cb, NULL);
  pl_export_write (ctx, "\n", 1);
}

static void
write_annex (PlExportContext *ctx)
{
  g_autoptr(GPtrArray) rows = pl_export_annex_rows (ctx);
  const char *header[] = { _("No."), _("About"), _("Kind"), _("Stakeholder"), _("Organisation"),
                           _("Sector"), _("Comment"), _("Disposition"), _("Response"), NULL };
  PlPillar *group = NULL;
  gboolean first = TRUE, no_organisation;

  pl_export_printf (ctx, "## %s\n\n", _("Annex: recommendations and dispositions"));
  if (rows->len == 0)
    {
      pl_export_printf (ctx, "%s\n\n", _("No feedback matches the selection."));
      return;
    }
  /* Anonymised: the empty Organisation column is left out. */
  if ((no_organisation = pl_export_annex_hides_organisation (rows)))
    memmove (header + 4, header + 5, sizeof header - 5 * sizeof header[0]);
  for (guint i = 0; i < rows->len && !pl_export_failed (ctx); i++)
    {
      PlAnnexRow *row = g_ptr_array_index (rows, i);
      g_autofree char *number = g_strdup_printf ("%u", row->number);

      if (first || row->pillar != group)
        {
          g_autofree char *gtitle = NULL;

          if (!first)
            pl_export_write (ctx, "\n", 1);
          if (row->pillar)
            {
              g_autofree char *pnum = pl_export_number (ctx, PL_RECORD (row->pillar));
              g_autofree char *ptitle = escape_inline (pl_pillar_get_title (row->pillar));
              gtitle = g_strdup_printf ("%s. %s", pnum, ptitle);
            }
          else
            gtitle = g_strdup (_("The strategy as a whole"));
          pl_export_printf (ctx, "### %s\n\n", gtitle);
          write_header (ctx, header);
          group = row->pillar;
          first = FALSE;
        }
      {
        const char *cells[] = {
          number, row->target,
          pl_enum_to_label (PL_TYPE_FEEDBACK_KIND, pl_feedback_get_kind (row->feedback)),
          row->who, row->organisation, row->sector,
          pl_feedback_get_body (row->feedback),
          pl_enum_to_label (PL_TYPE_DISPOSITION, pl_feedback_get_disposition (row->feedback)),
          pl_feedback_get_response (row->feedback),
          NULL
        };

        if (no_organisation)
          memmove (cells + 4, cells + 5, sizeof cells - 5 * sizeof cells[0]);
        write_row (ctx, cells);
      }
    }
  pl_export_write (ctx, "\n", 1);
}

gboolean
pl_export_markdown (PlExportContext *ctx)
{
  const PlExportOptions *o = ctx->options;

  if (o->title_page)
    write_title_page (ctx);
  if (o->front_matter)
    write_front_matter (ctx);
  if (o->pillars)
    write_pillars (ctx);
  if (o->implementation_plan)
    write_plan (ctx);
  if (o->annex)
    write_annex (ctx);
  return !pl_export_failed (ctx);
}
