/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pl-i18n.h"

#include "pl-diff.h"

/* The diff as plain text, for the terminal and for tests: what
 * "pillars-cli snapshot diff" prints. Word changes are written the way
 * "git diff --word-diff" does: [-deleted-]{+inserted+}. */

/* Words of context kept on each side of a change in a long text. */
#define CONTEXT_BYTES 60

static void
append_clean (GString    *out,
              const char *text,
              gsize       len)
{
  /* One line per change: newlines of the text become spaces. */
  for (gsize i = 0; i < len; i++)
    g_string_append_c (out, text[i] == '\n' || text[i] == '\r' || text[i] == '\t' ? ' ' : text[i]);
}

/* Up to CONTEXT_BYTES of @text [start, end), cut at a space, from its end
 * (@tail) or its start. */
static void
append_context (GString    *out,
                const char *text,
                gsize       start,
                gsize       end,
                gboolean    tail)
{
  if (end - start <= CONTEXT_BYTES)
    {
      append_clean (out, text + start, end - start);
      return;
    }
  if (tail)
    {
      const char *from = text + end - CONTEXT_BYTES;
      const char *space;

      while ((*from & 0xc0) == 0x80)
        from++;
      space = memchr (from, ' ', text + end - from);
      if (space != NULL && space + 1 < text + end)
        from = space + 1;
      g_string_append (out, "… ");
      append_clean (out, from, text + end - from);
    }
  else
    {
      const char *to = text + start + CONTEXT_BYTES;
      const char *p = text + start;
      const char *cut = to;

      while ((*cut & 0xc0) == 0x80)
        cut--;
      for (const char *q = cut; q > p; q--)
        if (*q == ' ')
          {
            cut = q;
            break;
          }
      append_clean (out, p, cut - p);
      g_string_append (out, " …");
    }
}

/* A text field: short ones whole, long ones as their changes with a little
 * context. */
static void
append_words (GString           *out,
              const PlDiffField *field,
              const char        *indent)
{
  GArray *ops = field->words;
  gboolean whole = strlen (field->old_text) + strlen (field->new_text) <= 2 * CONTEXT_BYTES * 2;

  for (guint i = 0; i < ops->len; i++)
    {
      const PlWordDiffOp *op = &g_array_index (ops, PlWordDiffOp, i);
      const PlWordDiffOp *next = i + 1 < ops->len ? &g_array_index (ops, PlWordDiffOp, i + 1) : NULL;

      if (op->kind == PL_WORD_DIFF_EQUAL)
        {
          if (whole)
            append_clean (out, field->new_text + op->new_start, op->new_end - op->new_start);
          continue;
        }
      if (!whole)
        {
          const PlWordDiffOp *prev = i > 0 ? &g_array_index (ops, PlWordDiffOp, i - 1) : NULL;

          if (op->kind == PL_WORD_DIFF_INSERT && prev && prev->kind == PL_WORD_DIFF_DELETE)
            ;  /* the same change as the deletion just written */
          else
            {
              g_string_append_printf (out, "%s", indent);
              if (prev && prev->kind == PL_WORD_DIFF_EQUAL)
                append_context (out, field->new_text, prev->new_start, prev->new_end, TRUE);
            }
        }
      if (op->kind == PL_WORD_DIFF_DELETE)
        {
          g_string_append (out, "[-");
          append_clean (out, field->old_text + op->old_start, op->old_end - op->old_start);
          while (out->len > 0 && out->str[out->len - 1] == ' ')
            g_string_truncate (out, out->len - 1);
          g_string_append (out, "-]");
          if (!next || next->kind != PL_WORD_DIFF_INSERT)
            g_string_append_c (out, ' ');
        }
      else
        {
          g_string_append (out, "{+");
          append_clean (out, field->new_text + op->new_start, op->new_end - op->new_start);
          while (out->len > 0 && out->str[out->len - 1] == ' ')
            g_string_truncate (out, out->len - 1);
          g_string_append (out, "+} ");
        }
      if (!whole && (!next || next->kind == PL_WORD_DIFF_EQUAL))
        {
          if (next)
            append_context (out, field->new_text, next->new_start, next->new_end, FALSE);
          g_string_append_c (out, '\n');
        }
    }
  if (whole)
    g_string_append_c (out, '\n');
}

static const char *
kind_name (GType type)
{
  if (type == PL_TYPE_STRATEGY)
    return _("Strategy");
  if (type == PL_TYPE_SECTION)
    return _("Section");
  if (type == PL_TYPE_PILLAR)
    return _("Pillar");
  if (type == PL_TYPE_OBJECTIVE)
    return _("Objective");
  return _("Action");
}

static void
append_entry (GString           *out,
              const PlDiffEntry *e)
{
  g_autofree char *indent = g_strnfill (2 + 2 * e->depth, ' ');
  const char *number = e->new_number ? e->new_number : e->old_number;

  g_string_append_printf (out, "%s%s %s%s“%s”", indent, kind_name (e->type),
                          number ? number : "", number ? " " : "", e->title);
  if (e->change & PL_DIFF_ADDED)
    g_string_append_printf (out, ": %s", _("added"));
  else if (e->change & PL_DIFF_REMOVED)
    g_string_append_printf (out, ": %s", _("removed"));
  else if (e->change & PL_DIFF_CHANGED)
    g_string_append_printf (out, ": %s", _("changed"));
  if (e->change & PL_DIFF_MOVED)
    {
      if (e->old_number && e->new_number)
        /* Translators: "moved from 1.2 to 2.1" */
        g_string_append_printf (out, _(", moved from %s to %s"), e->old_number, e->new_number);
      else
        g_string_append_printf (out, _(", moved"));
    }
  g_string_append_c (out, '\n');

  for (guint i = 0; i < e->fields->len; i++)
    {
      const PlDiffField *f = g_ptr_array_index (e->fields, i);
      g_autofree char *sub = g_strconcat (indent, "    ", NULL);

      if (f->words != NULL && f->narrative)
        {
          g_string_append_printf (out, "%s  %s (", indent, f->label);
          g_string_append_printf (out, ngettext ("%u word inserted", "%u words inserted", f->words_inserted),
                                  f->words_inserted);
          g_string_append (out, ", ");
          g_string_append_printf (out, ngettext ("%u word deleted", "%u words deleted", f->words_deleted),
                                  f->words_deleted);
          g_string_append (out, "):\n");
          append_words (out, f, sub);
        }
      else
        {
          g_autofree char *a = g_strdup (f->old_text);
          g_autofree char *b = g_strdup (f->new_text);

          g_strdelimit (a, "\n\r\t", ' ');
          g_strdelimit (b, "\n\r\t", ' ');
          /* Translators: a changed field: "Lead agency: Ministry of ICT → National CSIRT" */
          g_string_append_printf (out, _("%s  %s: %s → %s\n"), indent, f->label,
                                  *a ? a : _("(empty)"), *b ? b : _("(empty)"));
        }
    }
  for (guint i = 0; i < e->feedback->len; i++)
    {
      PlFeedback *fb = g_ptr_array_index (e->feedback, i);
      g_autofree char *body = g_strdup (pl_feedback_get_body (fb));

      g_strdelimit (body, "\n\r\t", ' ');
      if (g_utf8_strlen (body, -1) > 100)
        {
          char *cut = g_utf8_offset_to_pointer (body, 99);

          strcpy (cut, "…");
        }
      /* The number is formatted apart: xgettext cannot see through
       * G_GINT64_FORMAT, and the msgid would stop at "#%". */
      g_autofree char *answered = g_strdup_printf ("%" G_GINT64_FORMAT, pl_record_get_id (PL_RECORD (fb)));

      /* Translators: a change answers a recommendation: "Answers recommendation #14 (accepted): …" */
      g_string_append_printf (out, _("%s  Answers %s #%s (%s): %s\n"), indent,
                              pl_enum_to_label (PL_TYPE_FEEDBACK_KIND, pl_feedback_get_kind (fb)),
                              answered,
                              pl_enum_to_label (PL_TYPE_DISPOSITION, pl_feedback_get_disposition (fb)),
                              body);
    }
}

char *
pl_diff_to_text (PlDiff *self)
{
  GString *out = g_string_new (NULL);
  g_autofree char *summary = NULL;
  GPtrArray *groups;

  g_return_val_if_fail (PL_IS_DIFF (self), NULL);

  summary = pl_diff_summary_text (self);
  g_string_append_printf (out, "%s\n", summary);
  groups = pl_diff_get_groups (self);
  for (guint i = 0; i < groups->len; i++)
    {
      const PlDiffGroup *g = g_ptr_array_index (groups, i);

      if (!g->changed)
        continue;
      g_string_append_c (out, '\n');
      if (g->front_matter)
        g_string_append_printf (out, "%s\n", g->title);
      else if (g->head->new_number)
        g_string_append_printf (out, _("Pillar %s “%s”\n"), g->head->new_number, g->title);
      else
        g_string_append_printf (out, _("Pillar “%s”\n"), g->title);
      if (g->head != NULL && g->head->change != PL_DIFF_NONE)
        append_entry (out, g->head);
      for (guint j = 0; j < g->entries->len; j++)
        append_entry (out, g_ptr_array_index (g->entries, j));
    }
  return g_string_free (out, FALSE);
}
