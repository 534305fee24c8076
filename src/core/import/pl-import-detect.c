/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "pl-import-private.h"

/* Builds the outline from the blocks. Every heading, numbered item and plan
 * row is keyed by its block index, so a role chosen in the preview sticks to
 * the same heading when detection re-runs with other levels. */

typedef struct {
  GPtrArray    *top;          /* PlImportNode, sections and pillars */
  GPtrArray    *report;
  PlImportNode *section;      /* current targets; NULL when not inside one */
  PlImportNode *pillar;
  PlImportNode *objective;
  PlImportNode *action;
  PlImportNode *opening;      /* text before the first heading */
  gboolean      last_was_item;
  gboolean      numbered_objectives; /* unnumbered headings at that level are text */
} Detect;

static gboolean
numbered (const char *title)
{
  g_autofree char *plain = pl_import_strip_number (title);
  g_autofree char *trimmed = g_strstrip (g_strdup (title));

  return !g_str_equal (plain, trimmed);
}

static PlImportNode *
target (Detect *d)
{
  if (d->action)
    return d->action;
  if (d->objective)
    return d->objective;
  if (d->pillar)
    return d->pillar;
  if (d->section)
    return d->section;
  if (d->opening == NULL)
    {
      d->opening = pl_import_node_new (G_MAXUINT, PL_IMPORT_ROLE_SECTION, PL_IMPORT_ROLE_SECTION,
                                       0, 0, _("Opening text"));
      pl_import_node_set_section_kind (d->opening, PL_SECTION_INTRODUCTION);
      g_ptr_array_insert (d->top, 0, d->opening);
    }
  return d->opening;
}

static char *
where (Detect *d)
{
  PlImportNode *path[] = { d->section ? d->section : d->pillar, d->objective, d->action };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (path); i++)
    if (path[i])
      {
        if (out->len)
          g_string_append (out, " › ");
        g_string_append (out, pl_import_node_get_title (path[i]));
      }
  if (out->len == 0)
    g_string_append (out, _("the beginning"));
  return g_string_free (out, FALSE);
}

static void
append_text (Detect     *d,
             const char *markdown,
             gboolean    item)
{
  PlImportNode *node = target (d);

  if (item && d->last_was_item)
    pl_import_node_append_line (node, markdown);
  else
    pl_import_node_append_body (node, markdown);
  d->last_was_item = item;
}

static PlImportNode *
find_by_title (GListModel *model,
               const char *title)
{
  g_autofree char *plain = pl_import_strip_number (title);
  g_autofree char *want = pl_import_fold (plain);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlImportNode) node = g_list_model_get_item (model, i);
      g_autofree char *have = pl_import_fold (pl_import_node_get_title (node));

      if (g_str_equal (have, want))
        return node;
    }
  return NULL;
}

/* Objectives by folded title, by "pillar\x1ftitle" and by number ("2.1"),
 * built once per plan table: a 3,000-row plan must not fold every title of
 * the outline for every row. */
static GHashTable *
objective_index (Detect *d)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint pn = 0;

  for (guint i = 0; i < d->top->len; i++)
    {
      PlImportNode *pillar = g_ptr_array_index (d->top, i);
      GListModel *objectives = pl_import_node_get_children (pillar);
      g_autofree char *pfolded = NULL;

      if (pl_import_node_get_role (pillar) != PL_IMPORT_ROLE_PILLAR)
        continue;
      pn++;
      pfolded = pl_import_fold (pl_import_node_get_title (pillar));
      for (guint j = 0; j < g_list_model_get_n_items (objectives); j++)
        {
          g_autoptr(PlImportNode) objective = g_list_model_get_item (objectives, j);
          char *ofolded = pl_import_fold (pl_import_node_get_title (objective));

          g_hash_table_insert (index, g_strdup_printf ("%s\x1f%s", pfolded, ofolded), objective);
          if (!g_hash_table_contains (index, ofolded))
            g_hash_table_insert (index, g_strdup (ofolded), objective);
          g_hash_table_insert (index, g_strdup_printf ("%u.%u", pn, j + 1), objective);
          g_free (ofolded);
        }
    }
  return index;
}

static PlImportNode *
find_objective (GHashTable *index,
                const char *pillar_cell,
                const char *cell)
{
  g_autofree char *plain = pl_import_strip_number (cell);
  g_autofree char *folded = pl_import_fold (plain);
  g_autofree char *trimmed = g_strstrip (g_strdup (cell));
  char *space = strchr (trimmed, ' ');
  PlImportNode *found = NULL;

  if (pillar_cell && *pillar_cell)
    {
      g_autofree char *pp = pl_import_strip_number (pillar_cell);
      g_autofree char *pf = pl_import_fold (pp);
      g_autofree char *key = g_strdup_printf ("%s\x1f%s", pf, folded);

      found = g_hash_table_lookup (index, key);
    }
  if (found == NULL)
    found = g_hash_table_lookup (index, folded);
  if (found == NULL)
    {
      /* "2.1" or "2.1 Title" */
      if (space)
        *space = '\0';
      found = g_hash_table_lookup (index, trimmed);
    }
  return found;
}

/* A table whose header names an action column and at least one other plan
 * column: each row an action with its fields. FALSE for other tables. */
static gboolean
plan_table (Detect        *d,
            PlImportBlock *block,
            guint          key)
{
  char **header = g_ptr_array_index (block->rows, 0);
  guint n = g_strv_length (header);
  g_autofree const char **fields = g_new0 (const char *, n + 1);
  int action_col = -1, objective_col = -1, pillar_col = -1, others = 0;
  g_autoptr(GHashTable) index = NULL;

  for (guint i = 0; i < n; i++)
    {
      fields[i] = pl_import_match_column (header[i]);
      if (fields[i] == NULL)
        continue;
      if (g_str_equal (fields[i], "action") && action_col < 0)
        action_col = i;
      else if (g_str_equal (fields[i], "objective"))
        objective_col = i;
      else if (g_str_equal (fields[i], "pillar"))
        pillar_col = i;
      else if (!g_str_equal (fields[i], "number"))
        others++;
    }
  if (action_col < 0 || others == 0)
    return FALSE;
  if (objective_col < 0 && d->objective == NULL)
    return FALSE;
  if (objective_col >= 0)
    index = objective_index (d);

  for (guint r = 1; r < block->rows->len; r++)
    {
      char **cells = g_ptr_array_index (block->rows, r);
      guint nc = g_strv_length (cells);
      const char *title = (guint) action_col < nc ? cells[action_col] : "";
      PlImportNode *objective = d->objective;
      PlImportNode *action;

      if (*g_strstrip (cells[0] ? (char *) cells[0] : (char *) "") == '\0' && *title == '\0')
        continue;
      if (objective_col >= 0 && (guint) objective_col < nc)
        objective = find_objective (index, pillar_col >= 0 && (guint) pillar_col < nc ? cells[pillar_col] : NULL,
                                    cells[objective_col]);
      if (objective == NULL || *title == '\0')
        {
          g_autofree char *place = where (d);

          g_ptr_array_add (d->report,
                           g_strdup_printf (_("Row %u of the plan table in “%s” names no objective of the outline; it was kept as text"),
                                            r, place));
          return FALSE;
        }
      /* Our own exports list each action under its objective and again in
       * the plan: the row completes that action rather than doubling it. */
      action = find_by_title (pl_import_node_get_children (objective), title);
      if (action == NULL)
        {
          g_autofree char *plain = pl_import_strip_number (title);
          g_autoptr(PlImportNode) created = pl_import_node_new (key, PL_IMPORT_ROLE_ACTION, PL_IMPORT_ROLE_ACTION,
                                                                0, 2, plain);
          pl_import_node_add_child (objective, created);
          action = created;
        }
      for (guint c = 0; c < nc && c < n; c++)
        if (fields[c] && (int) c != action_col && !g_str_equal (fields[c], "objective")
            && !g_str_equal (fields[c], "pillar") && !g_str_equal (fields[c], "number"))
          pl_import_node_set_field (action, fields[c], cells[c]);
    }
  return TRUE;
}

static void
free_string (gpointer data)
{
  g_string_free (data, TRUE);
}

/* "Lead: ICT ministry; Timeframe: Short term; Priority: High" after an
 * action's title, as our exports (and many drafts) write it; DOCX and ODT
 * exports separate with " · ". A part without a known label belongs to the
 * value before it ("Partners: CSIRT; ITU"). */
static gboolean
field_line (PlImportNode *action,
            const char   *line)
{
  const char *sep = strstr (line, " · ") ? " · " : ";";
  g_auto(GStrv) parts = g_strsplit (line, sep, -1);
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (free_string);

  for (guint i = 0; parts[i]; i++)
    {
      char *colon = strchr (parts[i], ':');
      g_autofree char *label = colon ? g_strndup (parts[i], colon - parts[i]) : NULL;
      const char *field = label ? pl_import_match_column (label) : NULL;

      if (field)
        {
          g_ptr_array_add (fields, (gpointer) field);
          g_ptr_array_add (values, g_string_new (colon + 1));
        }
      else if (values->len == 0)
        return FALSE;
      else
        {
          GString *value = g_ptr_array_index (values, values->len - 1);

          g_string_append (value, sep);
          g_string_append (value, parts[i]);
        }
    }
  for (guint i = 0; i < fields->len; i++)
    {
      g_autofree char *value = g_strstrip (g_strdup (((GString *) g_ptr_array_index (values, i))->str));

      if (!g_str_equal (value, "—") && *value)
        pl_import_node_set_field (action, g_ptr_array_index (fields, i), value);
    }
  return fields->len > 0;
}

static void
add_action_item (Detect        *d,
                 PlImportBlock *block,
                 guint          key,
                 PlImportRole   detected)
{
  g_auto(GStrv) lines = g_strsplit (block->text, "\n", -1);
  g_autofree char *title = pl_import_strip_number (lines[0]);
  g_autoptr(PlImportNode) action = pl_import_node_new (key, PL_IMPORT_ROLE_ACTION, detected, 0, 2, title);

  for (guint i = 1; lines[i]; i++)
    if (!field_line (action, g_strstrip (lines[i])))
      {
        g_autofree char *escaped = pl_import_escape_inline (lines[i]);
        pl_import_node_append_body (action, escaped);
      }
  pl_import_node_append_body (action, block->extra);
  pl_import_node_add_child (d->objective, action);
  /* Text after a list of actions is the objective's again: only an action
   * with a heading of its own owns the paragraphs below it. */
  d->action = NULL;
}

static PlImportRole
detect_heading (Detect        *d,
                PlImportBlock *block,
                int            pillar_level,
                int            objective_level,
                PlSectionKind *kind)
{
  gboolean section = pl_import_match_section (block->text, kind);

  if (block->level <= pillar_level)
    return section ? PL_IMPORT_ROLE_SECTION : PL_IMPORT_ROLE_PILLAR;
  if (block->level < objective_level)
    return PL_IMPORT_ROLE_TEXT;
  if (block->level == objective_level)
    {
      /* "1.1 Train public servants" beside "Why it matters": when the draft
       * numbers its objectives, the unnumbered heading is the pillar's text. */
      if (d->numbered_objectives && !numbered (block->text))
        return PL_IMPORT_ROLE_TEXT;
      return d->pillar ? PL_IMPORT_ROLE_OBJECTIVE : PL_IMPORT_ROLE_TEXT;
    }
  if (block->level == objective_level + 1 && d->objective)
    return d->numbered_objectives && !numbered (block->text) ? PL_IMPORT_ROLE_TEXT : PL_IMPORT_ROLE_ACTION;
  return PL_IMPORT_ROLE_TEXT;
}

static void
heading (Detect        *d,
         PlImportBlock *block,
         guint          key,
         PlImportRole   role,
         PlImportRole   detected,
         PlSectionKind  kind)
{
  g_autofree char *title = pl_import_strip_number (block->text);
  g_autoptr(PlImportNode) node = NULL;

  /* An override that the outline cannot hold (an objective before any
   * pillar) falls back to text rather than inventing a parent. */
  if ((role == PL_IMPORT_ROLE_OBJECTIVE && d->pillar == NULL)
      || (role == PL_IMPORT_ROLE_ACTION && d->objective == NULL))
    role = PL_IMPORT_ROLE_TEXT;
  d->last_was_item = FALSE;

  switch (role)
    {
    case PL_IMPORT_ROLE_SECTION:
    case PL_IMPORT_ROLE_PILLAR:
      node = pl_import_node_new (key, role, detected, block->level, 0, title);
      if (role == PL_IMPORT_ROLE_SECTION)
        pl_import_node_set_section_kind (node, pl_import_match_section (block->text, &kind) ? kind : PL_SECTION_OTHER);
      g_ptr_array_add (d->top, g_object_ref (node));
      d->section = role == PL_IMPORT_ROLE_SECTION ? node : NULL;
      d->pillar = role == PL_IMPORT_ROLE_PILLAR ? node : NULL;
      d->objective = d->action = NULL;
      break;
    case PL_IMPORT_ROLE_OBJECTIVE:
      node = pl_import_node_new (key, role, detected, block->level, 1, title);
      pl_import_node_add_child (d->pillar, node);
      d->objective = node;
      d->action = NULL;
      break;
    case PL_IMPORT_ROLE_ACTION:
      node = pl_import_node_new (key, role, detected, block->level, 2, title);
      pl_import_node_add_child (d->objective, node);
      d->action = node;
      break;
    case PL_IMPORT_ROLE_TEXT:
    default:
      {
        g_autofree char *escaped = pl_import_escape_inline (block->text);
        PlImportNode *above = target (d);
        int base = pl_import_node_get_level (above);
        g_autofree char *md = g_strdup_printf ("%.*s %s", CLAMP (block->level - base, 1, 6), "######", escaped);
        append_text (d, md, FALSE);
      }
      break;
    }
}

GPtrArray *
pl_import_detect (GPtrArray     *blocks,
                  PlImportSteer *steer,
                  char         **title,
                  int           *pillar_level,
                  int           *objective_level,
                  GPtrArray     *report)
{
  Detect d = { g_ptr_array_new_with_free_func (g_object_unref), report };
  int min_level = 10, first_heading = -1, at_min = 0, next_level = 10;
  int plevel, olevel;

  *title = NULL;
  for (guint i = 0; i < blocks->len; i++)
    {
      PlImportBlock *b = g_ptr_array_index (blocks, i);

      if (b->kind == PL_BLOCK_TITLE && *title == NULL)
        *title = g_strdup (b->text);
      if (b->kind != PL_BLOCK_HEADING)
        continue;
      if (first_heading < 0)
        first_heading = i;
      if (b->level < min_level)
        {
          min_level = b->level;
          at_min = 0;
        }
      if (b->level == min_level)
        at_min++;
    }
  /* No Title style: a lone first heading above all others is the title. */
  if (*title == NULL && first_heading >= 0 && at_min == 1
      && ((PlImportBlock *) g_ptr_array_index (blocks, first_heading))->level == min_level)
    *title = g_strdup (((PlImportBlock *) g_ptr_array_index (blocks, first_heading))->text);
  else
    first_heading = -1;

  /* Levels: pillars at the shallowest heading level left, objectives at the
   * next one used below it. */
  min_level = 10;
  for (guint i = 0; i < blocks->len; i++)
    {
      PlImportBlock *b = g_ptr_array_index (blocks, i);

      if (b->kind == PL_BLOCK_HEADING && (int) i != first_heading)
        min_level = MIN (min_level, b->level);
    }
  for (guint i = 0; i < blocks->len; i++)
    {
      PlImportBlock *b = g_ptr_array_index (blocks, i);

      if (b->kind == PL_BLOCK_HEADING && (int) i != first_heading && b->level > min_level)
        next_level = MIN (next_level, b->level);
    }
  plevel = steer->pillar_level > 0 ? steer->pillar_level : (min_level < 10 ? min_level : 1);
  olevel = steer->objective_level > plevel ? steer->objective_level
           : (next_level < 10 && next_level > plevel ? next_level : plevel + 1);
  *pillar_level = plevel;
  *objective_level = olevel;
  {
    guint with = 0, without = 0;

    for (guint i = 0; i < blocks->len; i++)
      {
        PlImportBlock *b = g_ptr_array_index (blocks, i);

        if (b->kind == PL_BLOCK_HEADING && b->level == olevel)
          {
            if (numbered (b->text))
              with++;
            else
              without++;
          }
      }
    d.numbered_objectives = with > 0 && without > 0;
  }

  for (guint i = 0; i < blocks->len; i++)
    {
      PlImportBlock *b = g_ptr_array_index (blocks, i);
      gpointer over = steer->roles ? g_hash_table_lookup (steer->roles, GUINT_TO_POINTER (i)) : NULL;
      PlSectionKind kind = PL_SECTION_OTHER;

      switch (b->kind)
        {
        case PL_BLOCK_TITLE:
          if (*title && g_str_equal (*title, b->text))
            break;
          append_text (&d, b->text, FALSE);
          break;
        case PL_BLOCK_HEADING:
          {
            PlImportRole detected;

            if ((int) i == first_heading)
              break;
            detected = detect_heading (&d, b, plevel, olevel, &kind);
            heading (&d, b, i, over ? GPOINTER_TO_UINT (over) - 1 : detected, detected, kind);
          }
          break;
        case PL_BLOCK_ITEM:
          {
            PlImportRole detected = d.objective && !d.section ? PL_IMPORT_ROLE_ACTION : PL_IMPORT_ROLE_TEXT;
            PlImportRole role = over ? GPOINTER_TO_UINT (over) - 1 : detected;

            if (role == PL_IMPORT_ROLE_ACTION && d.objective)
              {
                add_action_item (&d, b, i, detected);
                d.last_was_item = FALSE;
              }
            else
              {
                g_autofree char *escaped = pl_import_escape_inline (b->text);
                g_autofree char *md = NULL;

                g_strdelimit (escaped, "\n", ' ');
                md = g_strdup_printf ("%u. %s", (guint) MAX (b->level, 1), escaped);
                append_text (&d, md, TRUE);
              }
          }
          break;
        case PL_BLOCK_TABLE:
          if (b->rows == NULL || b->rows->len == 0)
            break;
          if (!plan_table (&d, b, i))
            {
              g_autofree char *md = pl_import_pipe_table (b->rows);
              append_text (&d, md, FALSE);
            }
          else
            {
              d.last_was_item = FALSE;
              /* "Implementation plan" holding only the plan: its rows are
               * the actions now, and an empty section would be noise. */
              if (d.section && !*pl_import_node_get_body (d.section))
                g_object_set_data (G_OBJECT (d.section), "pl-plan-only", GINT_TO_POINTER (1));
            }
          break;
        case PL_BLOCK_MARKDOWN:
          append_text (&d, b->text, FALSE);
          break;
        case PL_BLOCK_OMITTED:
          {
            g_autofree char *place = where (&d);
            /* TRANSLATORS: "Image “logo.png”" in “Pillar 2 › Objective 2.1” */
            char *line = g_strdup_printf (_("%s in “%s”"), b->text, place);

            /* Four title-page lines in a row are one entry. */
            if (report->len > 0 && g_str_equal (g_ptr_array_index (report, report->len - 1), line))
              g_free (line);
            else
              g_ptr_array_add (report, line);
          }
          break;
        default:
          break;
        }
    }
  for (guint i = d.top->len; i > 0; i--)
    {
      PlImportNode *node = g_ptr_array_index (d.top, i - 1);

      if (g_object_get_data (G_OBJECT (node), "pl-plan-only") && !*pl_import_node_get_body (node))
        g_ptr_array_remove_index (d.top, i - 1);
    }
  /* Text before the first heading is usually the title page (marking,
   * country, version); a real opening passage is kept as a section. */
  if (d.opening)
    {
      const char *body = pl_import_node_get_body (d.opening);
      g_auto(GStrv) words = g_strsplit_set (body, " \n", -1);

      if (g_strv_length (words) < 60 && d.top->len > 1)
        {
          g_autofree char *flat = g_strndup (body, 80);

          g_strdelimit (flat, "\n", ' ');
          g_ptr_array_add (report, g_strdup_printf (_("Title page text before the first heading (“%s…”)"), flat));
          g_ptr_array_remove (d.top, d.opening);
        }
    }
  return d.top;
}
