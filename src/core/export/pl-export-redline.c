/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pl-i18n.h"

#include "pl-export-redline-private.h"

/*
 * The walk of a redline, the same for every format: title, front matter,
 * pillars with their objectives and actions, then the implementation plan,
 * each text written from the word diff of its two versions. A row that was
 * added is written inserted, one that was removed deleted, where it stood.
 *
 * Narrative Markdown is written as paragraphs of plain text: the markup
 * (emphasis, heading and list marks) is left out, since a tracked change
 * must be over the text a reader sees.
 */

void
pl_export_redline_escape (PlRedline  *rl,
                          GString    *out,
                          const char *text,
                          gsize       len)
{
  const char *clean = pl_export_clean_text (text, len, rl->scratch);
  gsize n = clean == text ? len : strlen (clean);

  const char *from = clean;

  /* Escaped here rather than by g_markup_escape_text (): no copy per
   * run, and the plain stretches in one piece. */
  for (gsize i = 0; i < n; i++)
    {
      const char *entity;

      switch (clean[i])
        {
        case '&': entity = "&amp;"; break;
        case '<': entity = "&lt;"; break;
        case '>': entity = "&gt;"; break;
        case '"': entity = "&quot;"; break;
        default: continue;
        }
      g_string_append_len (out, from, clean + i - from);
      g_string_append (out, entity);
      from = clean + i + 1;
    }
  g_string_append_len (out, from, clean + n - from);
}

/* ---- text ---- */

static gboolean
at_line_start (const char *text,
               const char *p)
{
  return p == text || p[-1] == '\n';
}

/* Where a block of Markdown starts within a line: heading, quote, list
 * item. Returns the length of its mark, 0 if none. */
static gsize
block_mark (const char *p)
{
  const char *q = p;

  while (*q == ' ' && q - p < 3)
    q++;
  if (*q == '#')
    {
      while (*q == '#')
        q++;
      return *q == ' ' ? (gsize) (q + 1 - p) : 0;
    }
  if (*q == '>')
    return q + (q[1] == ' ' ? 2 : 1) - p;
  if ((*q == '-' || *q == '*' || *q == '+') && q[1] == ' ')
    return q + 2 - p;
  if (g_ascii_isdigit (*q))
    {
      while (g_ascii_isdigit (*q))
        q++;
      if ((*q == '.' || *q == ')') && q[1] == ' ')
        return q + 2 - p;
    }
  return 0;
}

/* The paragraph being written: open or not, and the style its block
 * mark asked for (a Markdown heading, quote or list item). */
typedef struct {
  gboolean    open;
  const char *base;
  const char *style;
} Para;

static const char *
style_of_mark (const char *p,
               const char *base)
{
  while (*p == ' ')
    p++;
  if (*p == '#')
    return "Heading3";
  if (*p == '>')
    return "Quote";
  if (*p == '-' || *p == '*' || *p == '+')
    return "ListBullet";
  if (g_ascii_isdigit (*p))
    return "ListNumber";
  return base;
}

/* Writes @text[start, end) of @mark, as the runs and paragraph ends it
 * holds. @full is the whole text (to know where lines start). A run of
 * markup-only text writes nothing. */
static void
emit_segment (PlRedline     *rl,
              const char    *full,
              gsize          start,
              gsize          end,
              PlRedlineMark  mark,
              Para          *para)
{
  g_autoptr(GString) run = g_string_new (NULL);
  const char *p = full + start, *stop = full + end;

#define FLUSH() \
  G_STMT_START { \
    if (run->len > 0) \
      { \
        if (!para->open) \
          { \
            rl->ops->para_begin (rl, para->style); \
            para->open = TRUE; \
          } \
        rl->ops->run (rl, mark, run->str, run->len, FALSE); \
        g_string_truncate (run, 0); \
      } \
  } G_STMT_END

  while (p < stop)
    {
      if (*p == '\n')
        {
          const char *q = p + 1;
          gboolean blank;

          while (q < stop && (*q == ' ' || *q == '\t'))
            q++;
          blank = q < stop && *q == '\n';
          if (blank || (q < full + strlen (full) && block_mark (q) > 0))
            {
              /* A paragraph ends here. */
              FLUSH ();
              if (para->open)
                {
                  rl->ops->para_end (rl, mark);
                  para->open = FALSE;
                }
              para->style = para->base;
              p = blank ? q + 1 : q;
              while (p < stop && *p == '\n')
                p++;
              continue;
            }
          /* A soft line break: a space. */
          if (run->len > 0 && run->str[run->len - 1] != ' ')
            g_string_append_c (run, ' ');
          p++;
          continue;
        }
      if (at_line_start (full, p))
        {
          gsize m = block_mark (p);

          if (m > 0 && p + m <= stop)
            {
              const char *kind = style_of_mark (p, para->base);

              if (!para->open)
                para->style = kind;
              /* A list item keeps a visible mark: a bullet, or its number. */
              if (g_str_equal (kind, "ListBullet"))
                g_string_append (run, "• ");
              else if (g_str_equal (kind, "ListNumber"))
                g_string_append_len (run, p, m);
              p += m;
              continue;
            }
        }
      if (*p == '*' || *p == '`' || *p == '\\' ||
          (*p == '_' && (p == full || !g_ascii_isalnum (p[-1]) || !g_ascii_isalnum (p[1]))))
        {
          p++;
          continue;
        }
      g_string_append_c (run, *p);
      p++;
    }
  FLUSH ();
#undef FLUSH
}

/* A narrative field: paragraphs with their changes. @whole: the row was
 * added (or removed), so all of @new_text (or @old_text) is. */
static void
emit_narrative (PlRedline     *rl,
                const char    *old_text,
                const char    *new_text,
                PlRedlineMark  whole,
                const char    *style)
{
  Para para = { FALSE, style, style };

  old_text = old_text ? old_text : "";
  new_text = new_text ? new_text : "";
  if (whole == PL_REDLINE_INSERTED || (whole == PL_REDLINE_SAME && strcmp (old_text, new_text) == 0))
    emit_segment (rl, new_text, 0, strlen (new_text), whole, &para);
  else if (whole == PL_REDLINE_DELETED)
    emit_segment (rl, old_text, 0, strlen (old_text), PL_REDLINE_DELETED, &para);
  else
    {
      g_autoptr(GArray) ops = pl_word_diff (old_text, new_text);

      for (guint i = 0; i < ops->len; i++)
        {
          const PlWordDiffOp *op = &g_array_index (ops, PlWordDiffOp, i);

          if (op->kind == PL_WORD_DIFF_DELETE)
            emit_segment (rl, old_text, op->old_start, op->old_end, PL_REDLINE_DELETED, &para);
          else
            emit_segment (rl, new_text, op->new_start, op->new_end,
                          op->kind == PL_WORD_DIFF_INSERT ? PL_REDLINE_INSERTED : PL_REDLINE_SAME, &para);
        }
    }
  if (para.open)
    rl->ops->para_end (rl, whole);
}

/* One line of text (a title, a field value) with its changes, as runs
 * of the paragraph that is open. */
static void
emit_inline (PlRedline     *rl,
             const char    *old_text,
             const char    *new_text,
             PlRedlineMark  whole,
             gboolean       bold)
{
  old_text = old_text ? old_text : "";
  new_text = new_text ? new_text : "";
  if (whole == PL_REDLINE_INSERTED || (whole == PL_REDLINE_SAME && g_strcmp0 (old_text, new_text) == 0))
    {
      if (*new_text)
        rl->ops->run (rl, whole, new_text, strlen (new_text), bold);
      return;
    }
  if (whole == PL_REDLINE_DELETED)
    {
      if (*old_text)
        rl->ops->run (rl, whole, old_text, strlen (old_text), bold);
      return;
    }
  {
    g_autoptr(GArray) ops = pl_word_diff (old_text, new_text);

    for (guint i = 0; i < ops->len; i++)
      {
        const PlWordDiffOp *op = &g_array_index (ops, PlWordDiffOp, i);

        if (op->kind == PL_WORD_DIFF_DELETE)
          rl->ops->run (rl, PL_REDLINE_DELETED, old_text + op->old_start, op->old_end - op->old_start, bold);
        else if (op->new_end > op->new_start)
          rl->ops->run (rl, op->kind == PL_WORD_DIFF_INSERT ? PL_REDLINE_INSERTED : PL_REDLINE_SAME,
                        new_text + op->new_start, op->new_end - op->new_start, bold);
      }
  }
}

/* ---- rows ---- */

static PlRedlineMark
mark_of (const PlDiffEntry *e)
{
  if (e == NULL)
    return PL_REDLINE_SAME;
  if (e->change & PL_DIFF_ADDED)
    return PL_REDLINE_INSERTED;
  if (e->change & PL_DIFF_REMOVED)
    return PL_REDLINE_DELETED;
  return PL_REDLINE_SAME;
}

static const char *
str (PlRecord   *record,
     const char *property)
{
  const char *s = record ? pl_record_get_string (record, property) : NULL;

  return s ? s : "";
}

/* The value of @property as shown (enums by label). */
static char *
shown (PlRecord   *record,
       const char *property)
{
  GParamSpec *pspec;
  g_auto(GValue) v = G_VALUE_INIT;

  if (record == NULL)
    return g_strdup ("");
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), property);
  if (pspec == NULL)
    return g_strdup ("");
  g_value_init (&v, pspec->value_type);
  g_object_get_property (G_OBJECT (record), property, &v);
  if (G_VALUE_HOLDS_STRING (&v))
    {
      char *text = g_value_dup_string (&v);

      return text ? text : g_strdup ("");
    }
  if (G_VALUE_HOLDS_ENUM (&v))
    return g_strdup (pl_enum_to_label (G_VALUE_TYPE (&v), g_value_get_enum (&v)));
  return g_strdup ("");
}

/* A paragraph "number title", the title with its changes. */
static void
emit_heading (PlRedline         *rl,
              const char        *style,
              const PlDiffEntry *e,
              PlRecord          *old,
              PlRecord          *new,
              const char        *number)
{
  PlRedlineMark mark = mark_of (e);

  rl->ops->para_begin (rl, style);
  if (number != NULL)
    {
      g_autofree char *prefix = g_strconcat (number, " ", NULL);

      rl->ops->run (rl, mark, prefix, strlen (prefix), FALSE);
    }
  emit_inline (rl, str (old, "title"), str (new, "title"), mark, FALSE);
  rl->ops->para_end (rl, mark);
}

static void
emit_action (PlRedline         *rl,
             const PlDiffEntry *e,
             PlRecord          *old,
             PlRecord          *new,
             const char        *number)
{
  static const char *const fields[] = { "lead-agency", "partners", "timeframe", "start-date", "end-date",
                                        "priority", "indicator", "cost", "status" };
  PlRedlineMark mark = mark_of (e);

  rl->ops->para_begin (rl, "ActionTitle");
  if (number != NULL)
    {
      g_autofree char *prefix = g_strconcat (number, " ", NULL);

      rl->ops->run (rl, mark, prefix, strlen (prefix), TRUE);
    }
  emit_inline (rl, str (old, "title"), str (new, "title"), mark, TRUE);
  rl->ops->para_end (rl, mark);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *a = shown (old, fields[i]);
      g_autofree char *b = old == new ? g_strdup (a) : shown (new, fields[i]);
      g_autofree char *label = NULL;

      if (*a == '\0' && *b == '\0')
        continue;
      label = g_strconcat (pl_diff_field_label (PL_TYPE_ACTION, fields[i]), ": ", NULL);
      rl->ops->para_begin (rl, "ActionDetail");
      rl->ops->run (rl, mark, label, strlen (label), TRUE);
      emit_inline (rl, a, b, mark, FALSE);
      rl->ops->para_end (rl, mark);
    }
}

/* ---- the walk ---- */

typedef struct {
  PlRedline *rl;
  PlDraft   *old;
  PlDraft   *new;
} Walk;

/* The diff entry of a row in both versions, and its old version. */
static const PlDiffEntry *
entry_of (Walk      *w,
          PlRecord  *row,
          PlRecord **old)
{
  const PlDiffEntry *e = pl_diff_lookup (w->rl->diff, pl_record_get_uuid (row));

  /* No entry: the row is the same in both versions. */
  *old = e != NULL ? pl_draft_lookup (w->old, pl_record_get_uuid (row)) : NULL;
  if (*old == NULL)
    *old = row;
  return e;
}

static gboolean
in_new (Walk     *w,
        PlRecord *old)
{
  return pl_draft_lookup (w->new, pl_record_get_uuid (old)) != NULL;
}

static void
walk_objective (Walk              *w,
                PlRecord          *old,
                PlRecord          *new,
                const PlDiffEntry *e,
                const char        *number)
{
  PlRedline *rl = w->rl;
  PlRecord *row = new ? new : old;
  PlRedlineMark mark = mark_of (e);

  emit_heading (rl, "Heading2", e, old, new, number);
  emit_narrative (rl, str (old, "description"), str (new, "description"), mark, "BodyText");
  if (new != NULL)
    {
      GPtrArray *actions = pl_draft_get_actions (w->new, pl_record_get_uuid (row));

      for (guint k = 0; k < actions->len; k++)
        {
          PlRecord *a = g_ptr_array_index (actions, k), *a_old;
          const PlDiffEntry *ae = entry_of (w, a, &a_old);
          g_autofree char *n = g_strdup_printf ("%s.%u", number, k + 1);

          emit_action (rl, ae, ae && (ae->change & PL_DIFF_ADDED) ? NULL : a_old, a, n);
        }
    }
  /* Actions removed from under it (or with it). */
  if (pl_draft_lookup (w->old, pl_record_get_uuid (row)) != NULL)
    {
      GPtrArray *actions = pl_draft_get_actions (w->old, pl_record_get_uuid (row));

      for (guint k = 0; k < actions->len; k++)
        {
          PlRecord *a = g_ptr_array_index (actions, k);

          const PlDiffEntry *ae = pl_diff_lookup (rl->diff, pl_record_get_uuid (a));

          if (!in_new (w, a))
            emit_action (rl, ae, a, NULL, ae ? ae->old_number : NULL);
        }
    }
}

static void
walk_pillar (Walk              *w,
             PlRecord          *old,
             PlRecord          *new,
             const PlDiffEntry *e,
             const char        *number)
{
  PlRedline *rl = w->rl;
  PlRedlineMark mark = mark_of (e);

  emit_heading (rl, "Heading1", e, old, new, number);
  if (*str (old, "summary") || *str (new, "summary"))
    {
      rl->ops->para_begin (rl, "Summary");
      emit_inline (rl, str (old, "summary"), str (new, "summary"), mark, FALSE);
      rl->ops->para_end (rl, mark);
    }
  emit_narrative (rl, str (old, "body"), str (new, "body"), mark, "BodyText");
  if (new != NULL)
    {
      GPtrArray *objectives = pl_draft_get_objectives (w->new, pl_record_get_uuid (new));

      for (guint j = 0; j < objectives->len; j++)
        {
          PlRecord *o = g_ptr_array_index (objectives, j), *o_old;
          const PlDiffEntry *oe = entry_of (w, o, &o_old);
          g_autofree char *n = g_strdup_printf ("%s.%u", number, j + 1);

          walk_objective (w, oe && (oe->change & PL_DIFF_ADDED) ? NULL : o_old, o, oe, n);
        }
    }
  if (pl_draft_lookup (w->old, pl_record_get_uuid (new ? new : old)) != NULL)
    {
      GPtrArray *objectives = pl_draft_get_objectives (w->old, pl_record_get_uuid (new ? new : old));

      for (guint j = 0; j < objectives->len; j++)
        {
          PlRecord *o = g_ptr_array_index (objectives, j);

          const PlDiffEntry *oe = pl_diff_lookup (rl->diff, pl_record_get_uuid (o));

          if (!in_new (w, o))
            walk_objective (w, o, NULL, oe, oe ? oe->old_number : NULL);
        }
    }
}

static void
walk_front_matter (Walk *w)
{
  PlRedline *rl = w->rl;
  PlRecord *old_s = PL_RECORD (pl_draft_get_strategy (w->old));
  PlRecord *new_s = PL_RECORD (pl_draft_get_strategy (w->new));
  GPtrArray *sections = pl_draft_get_sections (w->new);
  GPtrArray *old_sections = pl_draft_get_sections (w->old);
  g_autofree char *subtitle = NULL;
  static const char *const fields[] = { "country", "version-label", "status", "lead-agency", "classification" };

  rl->ops->para_begin (rl, "Title");
  emit_inline (rl, str (old_s, "title"), str (new_s, "title"), PL_REDLINE_SAME, FALSE);
  rl->ops->para_end (rl, PL_REDLINE_SAME);
  /* Translators: under the title of a redline; %s is the snapshot's name */
  subtitle = g_strdup_printf (_("Changes since “%s”"), rl->label);
  rl->ops->para_begin (rl, "Subtitle");
  rl->ops->run (rl, PL_REDLINE_SAME, subtitle, strlen (subtitle), FALSE);
  rl->ops->para_end (rl, PL_REDLINE_SAME);
  {
    g_autofree char *summary = pl_diff_summary_text (rl->diff);

    rl->ops->para_begin (rl, "TitleMeta");
    rl->ops->run (rl, PL_REDLINE_SAME, summary, strlen (summary), FALSE);
    rl->ops->para_end (rl, PL_REDLINE_SAME);
  }
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *a = shown (old_s, fields[i]);
      g_autofree char *b = shown (new_s, fields[i]);
      g_autofree char *label = NULL;

      if (*a == '\0' && *b == '\0')
        continue;
      label = g_strdup_printf ("%s: ", pl_diff_field_label (PL_TYPE_STRATEGY, fields[i]));
      rl->ops->para_begin (rl, "TitleMeta");
      rl->ops->run (rl, PL_REDLINE_SAME, label, strlen (label), TRUE);
      emit_inline (rl, a, b, PL_REDLINE_SAME, FALSE);
      rl->ops->para_end (rl, PL_REDLINE_SAME);
    }
  if (*str (old_s, "vision") || *str (new_s, "vision"))
    {
      const char *vision = _("Vision");

      rl->ops->para_begin (rl, "Heading1");
      rl->ops->run (rl, PL_REDLINE_SAME, vision, strlen (vision), FALSE);
      rl->ops->para_end (rl, PL_REDLINE_SAME);
      emit_narrative (rl, str (old_s, "vision"), str (new_s, "vision"), PL_REDLINE_SAME, "BodyText");
    }
  for (guint i = 0; i < sections->len; i++)
    {
      PlRecord *s = g_ptr_array_index (sections, i), *old;
      const PlDiffEntry *e = entry_of (w, s, &old);

      if (e && (e->change & PL_DIFF_ADDED))
        old = NULL;
      emit_heading (rl, "Heading1", e, old, s, NULL);
      emit_narrative (rl, str (old, "body"), str (s, "body"), mark_of (e), "BodyText");
    }
  for (guint i = 0; i < old_sections->len; i++)
    {
      PlRecord *s = g_ptr_array_index (old_sections, i);

      if (!in_new (w, s))
        {
          const PlDiffEntry *e = pl_diff_lookup (rl->diff, pl_record_get_uuid (s));

          emit_heading (rl, "Heading1", e, s, NULL, NULL);
          emit_narrative (rl, str (s, "body"), NULL, PL_REDLINE_DELETED, "BodyText");
        }
    }
}

/* ---- the plan ---- */

static const char *const plan_fields[] = { NULL, "title", "lead-agency", "partners", "timeframe",
                                           "priority", "indicator", "cost", "status" };
static const guint plan_widths[] = { 6, 20, 12, 12, 10, 8, 16, 8, 8 };

static void
plan_row (Walk              *w,
          const char        *number,
          PlRecord          *old,
          PlRecord          *new,
          const PlDiffEntry *e)
{
  PlRedline *rl = w->rl;
  PlRedlineMark mark = mark_of (e);

  rl->ops->row_begin (rl, mark, e != NULL && (e->change & (PL_DIFF_CHANGED | PL_DIFF_MOVED)));
  for (guint c = 0; c < G_N_ELEMENTS (plan_fields); c++)
    {
      rl->ops->cell_begin (rl);
      if (plan_fields[c] == NULL)
        {
          if (number)
            rl->ops->run (rl, mark, number, strlen (number), FALSE);
        }
      else
        {
          g_autofree char *a = shown (old, plan_fields[c]);
          g_autofree char *b = old == new ? g_strdup (a) : shown (new, plan_fields[c]);

          emit_inline (rl, a, b, mark, FALSE);
        }
      rl->ops->cell_end (rl);
    }
  rl->ops->row_end (rl);
}

static void
walk_plan (Walk *w)
{
  PlRedline *rl = w->rl;
  GPtrArray *pillars = pl_draft_get_pillars (w->new);
  const char *title = _("Implementation plan");
  const char *header[G_N_ELEMENTS (plan_fields) + 1] = {
    _("No."), _("Action"), _("Lead agency"), _("Partners"), _("Timeframe"), _("Priority"),
    _("Indicator"), _("Estimated cost"), _("Status"), NULL
  };

  rl->ops->wide (rl);
  rl->ops->para_begin (rl, "Heading1");
  rl->ops->run (rl, PL_REDLINE_SAME, title, strlen (title), FALSE);
  rl->ops->para_end (rl, PL_REDLINE_SAME);
  rl->ops->table_begin (rl, G_N_ELEMENTS (plan_fields), header, plan_widths);
  for (guint i = 0; i < pillars->len; i++)
    {
      GPtrArray *objectives = pl_draft_get_objectives (w->new, pl_record_get_uuid (g_ptr_array_index (pillars, i)));

      for (guint j = 0; j < objectives->len; j++)
        {
          PlRecord *o = g_ptr_array_index (objectives, j);
          GPtrArray *actions = pl_draft_get_actions (w->new, pl_record_get_uuid (o));
          PlRecord *o_old = pl_draft_lookup (w->old, pl_record_get_uuid (o));

          for (guint k = 0; k < actions->len; k++)
            {
              PlRecord *a = g_ptr_array_index (actions, k), *a_old;
              const PlDiffEntry *e = entry_of (w, a, &a_old);
              g_autofree char *number = g_strdup_printf ("%u.%u.%u", i + 1, j + 1, k + 1);

              plan_row (w, number, e && (e->change & PL_DIFF_ADDED) ? NULL : a_old, a, e);
            }
          if (o_old != NULL)
            {
              GPtrArray *old_actions = pl_draft_get_actions (w->old, pl_record_get_uuid (o_old));

              for (guint k = 0; k < old_actions->len; k++)
                {
                  PlRecord *a = g_ptr_array_index (old_actions, k);
                  const PlDiffEntry *e = pl_diff_lookup (rl->diff, pl_record_get_uuid (a));

                  if (!in_new (w, a))
                    plan_row (w, e ? e->old_number : NULL, a, NULL, e);
                }
            }
        }
    }
  /* Actions of objectives and pillars that were removed. */
  {
    GPtrArray *groups = pl_diff_get_groups (rl->diff);

    for (guint g = 0; g < groups->len; g++)
      {
        PlDiffGroup *group = g_ptr_array_index (groups, g);

        for (guint i = 0; i < group->entries->len; i++)
          {
            PlDiffEntry *e = g_ptr_array_index (group->entries, i);
            const char *parent;

            if (e->type != PL_TYPE_ACTION || !(e->change & PL_DIFF_REMOVED))
              continue;
            parent = pl_draft_get_parent_uuid (w->old, e->uuid);
            if (parent != NULL && pl_draft_lookup (w->new, parent) != NULL)
              continue;  /* written under its objective above */
            plan_row (w, e->old_number, e->old_record, NULL, e);
          }
      }
  }
  rl->ops->table_end (rl);
}

gboolean
pl_export_redline (PlExportContext *ctx)
{
  const PlExportOptions *options = ctx->options;
  PlRedline rl = { 0 };
  g_autoptr(PlDiff) diff = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  PlStrategy *strategy = pl_document_get_strategy (ctx->document);
  Walk w;
  gboolean ok;

  if (options->format != PL_EXPORT_DOCX && options->format != PL_EXPORT_ODT && options->format != PL_EXPORT_HTML)
    {
      g_set_error (&ctx->error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   PL_UI_MESSAGE (N_("Changes since a snapshot can be exported as DOCX, ODT or HTML only. Choose one of these formats.")));
      return FALSE;
    }
  /* The diff without the feedback: a redline shows the text only. */
  {
    g_autoptr(PlDraft) old = pl_document_load_draft (ctx->document, options->compare, &ctx->error);
    g_autoptr(PlDraft) current = old ? pl_document_load_draft (ctx->document, NULL, &ctx->error) : NULL;

    if (current == NULL)
      return FALSE;
    diff = pl_diff_new (old, current);
  }

  rl.ctx = ctx;
  rl.diff = diff;
  rl.author = *pl_strategy_get_lead_agency (strategy) ? pl_strategy_get_lead_agency (strategy) : "Pillars";
  rl.date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  rl.label = g_strdup (pl_snapshot_get_name (options->compare));
  rl.scratch = g_string_new (NULL);
  rl.next_id = 1;
  if (options->format == PL_EXPORT_DOCX)
    pl_export_redline_docx_init (&rl);
  else if (options->format == PL_EXPORT_ODT)
    pl_export_redline_odt_init (&rl);
  else
    pl_export_redline_html_init (&rl);

  w = (Walk) { &rl, pl_diff_get_old_draft (diff), pl_diff_get_new_draft (diff) };
  walk_front_matter (&w);
  {
    GPtrArray *pillars = pl_draft_get_pillars (w.new);
    GPtrArray *old_pillars = pl_draft_get_pillars (w.old);

    for (guint i = 0; i < pillars->len; i++)
      {
        PlRecord *p = g_ptr_array_index (pillars, i), *old;
        const PlDiffEntry *e = entry_of (&w, p, &old);
        g_autofree char *number = g_strdup_printf ("%u", i + 1);

        walk_pillar (&w, e && (e->change & PL_DIFF_ADDED) ? NULL : old, p, e, number);
      }
    for (guint i = 0; i < old_pillars->len; i++)
      {
        PlRecord *p = g_ptr_array_index (old_pillars, i);

        const PlDiffEntry *e = pl_diff_lookup (diff, pl_record_get_uuid (p));

        if (!in_new (&w, p))
          walk_pillar (&w, p, NULL, e, e ? e->old_number : NULL);
      }
  }
  if (options->implementation_plan)
    walk_plan (&w);
  ok = rl.ops->finish (&rl) && ctx->error == NULL;

  g_free (rl.date);
  g_free (rl.label);
  g_string_free (rl.scratch, TRUE);
  return ok;
}
