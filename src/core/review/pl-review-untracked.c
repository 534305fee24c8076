/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "pl-review-private.h"
#include "pl-word-diff.h"

/*
 * Edits a reviewer made without tracking. The returned copy's text, as it
 * was before the reviewer's tracked changes (those are amendments of their
 * own), is compared unit by unit with the strategy: a pillar (its title,
 * summary and narrative), an objective (title, description), an action
 * (its title) or a front-matter section (title, body). A unit is found by
 * the hidden anchor in its heading, or, when a re-save lost the anchors,
 * by the heading's text. The comparison is the versions' word diff, which
 * sees words and punctuation only, so what our export adds or changes —
 * numbers before headings, list markers, Markdown, the table layout, the
 * cover note, the contents, the implementation plan, the action details
 * line — never reads as an edit. Each changed run of words becomes an
 * amendment quoting the strategy's own text (with a few words before a
 * short change, so it is found in one place) and proposing the reviewer's.
 */

#define CONTEXT_WORDS 5
#define SHORT_CHANGE  4

static guint
count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p; p++)
    {
      gboolean space = g_ascii_isspace (*p);

      if (!space && !in_word)
        n++;
      in_word = !space;
    }
  return n;
}

guint
pl_review_style_level (const char *style)
{
  gsize len;
  guint64 level;

  /* Every paragraph names its style: no copies here. */
  if (style == NULL ||
      (g_ascii_strncasecmp (style, "heading", 7) != 0 && g_ascii_strncasecmp (style, "title", 5) != 0 &&
       g_ascii_strncasecmp (style, "titre", 5) != 0 && g_ascii_strncasecmp (style, "ttulo", 5) != 0))
    return 0;
  len = strlen (style);
  while (len > 0 && g_ascii_isdigit (style[len - 1]))
    len--;
  level = g_ascii_strtoull (style + len, NULL, 10);
  return level >= 1 && level <= 9 ? (guint) level : 1;
}

/* ---- the file's properties ---- */

void
pl_review_read_properties (GBytes       *bytes,
                           PlReviewFile *file)
{
  xmlTextReaderPtr r;
  gboolean ooxml = FALSE;

  if (bytes == NULL || (r = pl_review_xml_reader (bytes)) == NULL)
    return;
  while (xmlTextReaderRead (r) == 1)
    {
      char **field = NULL;

      if (xmlTextReaderNodeType (r) != XML_READER_TYPE_ELEMENT)
        continue;
      if (pl_review_xml_is (r, "coreProperties"))
        ooxml = TRUE;
      /* In docProps/core.xml dc:creator is who made the file (our export);
       * in OpenDocument's meta.xml it is who saved it last. */
      if (pl_review_xml_is (r, "lastModifiedBy") || (!ooxml && pl_review_xml_is (r, "creator")))
        field = &file->modified_by;
      else if ((ooxml && pl_review_xml_is (r, "modified")) || (!ooxml && pl_review_xml_is (r, "date")))
        field = &file->modified;
      if (field != NULL)
        {
          xmlChar *value = xmlTextReaderReadString (r);
          g_autofree char *text = pl_review_squeeze ((const char *) value);

          xmlFree (value);
          if (*text != '\0' && g_utf8_validate (text, -1, NULL))
            {
              g_free (*field);
              *field = g_steal_pointer (&text);
            }
        }
    }
  /* A damaged part only loses the name and the date. */
  xmlFreeTextReader (r);
}

/* ---- units ---- */

static char *
fold (const char *text)
{
  g_autofree char *squeezed = pl_review_squeeze (text);
  g_autofree char *normal = g_utf8_normalize (squeezed, -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normal ? normal : "", -1);
}

/* The length of a heading's number ("2.1 ", "3. ", "1.2.3) "), 0 if none;
 * "2030 Vision" has none. */
static gsize
number_length (const char *text)
{
  const char *p = text;
  gboolean dot = FALSE;

  while (*p == ' ' || *p == '\t')
    p++;
  if (!g_ascii_isdigit (*p))
    return 0;
  while (g_ascii_isdigit (*p) || *p == '.')
    dot |= *p++ == '.';
  if (*p == ')' || *p == ':')
    dot = TRUE, p++;
  if (!dot)
    return 0;
  if (*p != ' ' && *p != '\t' && *p != '\0')
    return 0;
  while (*p == ' ' || *p == '\t')
    p++;
  return p - text;
}

typedef struct {
  PlDocument   *document;
  PlReviewFile *file;
  GHashTable   *anchors;      /* hex -> PlRecord */
  GHashTable   *titles;       /* folded title -> PlRecord, or the table itself: more than one */
  const char   *author;
  gboolean      has_anchors;
  /* the unit being gathered */
  PlRecord     *record;
  gboolean      by_heading;
  guint         first, last;  /* its paragraphs [first, last) */
  guint         n_long;       /* changes too long to quote */
} Walk;

static void
add_title (Walk       *w,
           PlRecord   *record,
           const char *title)
{
  g_autofree char *key = fold (title);

  if (*key == '\0')
    return;
  if (g_hash_table_contains (w->titles, key))
    g_hash_table_replace (w->titles, g_steal_pointer (&key), w->titles);
  else
    g_hash_table_insert (w->titles, g_steal_pointer (&key), record);
}

static void
index_titles (Walk *w)
{
  GListModel *sections = pl_document_get_sections (w->document);
  GListModel *pillars = pl_document_get_pillars (w->document);

  w->titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(PlSection) section = g_list_model_get_item (sections, i);

      add_title (w, PL_RECORD (section), pl_section_get_title (section));
    }
  /* With anchors, pillars, objectives and actions are found by them. */
  if (w->has_anchors)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (pillars); i++)
    {
      g_autoptr(PlPillar) pillar = g_list_model_get_item (pillars, i);
      GListModel *objectives = pl_document_get_objectives (w->document, pillar);

      add_title (w, PL_RECORD (pillar), pl_pillar_get_title (pillar));
      for (guint j = 0; j < g_list_model_get_n_items (objectives); j++)
        {
          g_autoptr(PlObjective) objective = g_list_model_get_item (objectives, j);
          GListModel *actions = pl_document_get_actions (w->document, objective);

          add_title (w, PL_RECORD (objective), pl_objective_get_title (objective));
          for (guint k = 0; k < g_list_model_get_n_items (actions); k++)
            {
              g_autoptr(PlAction) action = g_list_model_get_item (actions, k);

              add_title (w, PL_RECORD (action), pl_action_get_title (action));
            }
        }
    }
}

/* The record a heading names, or NULL. */
static PlRecord *
record_of_heading (Walk       *w,
                   const char *text)
{
  g_autofree char *key = fold (text + number_length (text));
  PlRecord *record = g_hash_table_lookup (w->titles, key);

  return record == (gpointer) w->titles ? NULL : record;
}

/* ---- comparing a unit ---- */

static gboolean
is_trailing (char c)
{
  return g_ascii_isspace (c) || c == '*' || c == '_' || c == '`' || c == '~' || c == '\\' || c == '[';
}

static gboolean
covered (GArray     *tracked,
         const char *text,
         gsize       start,
         gsize       end)
{
  /* The spaces around a change belong to it: an insertion made after
   * "exists" and one made before "rather" are the same place. */
  while (start > 0 && g_ascii_isspace (text[start - 1]))
    start--;
  while (text[end] != '\0' && g_ascii_isspace (text[end]))
    end++;
  for (guint i = 0; tracked && i + 1 < tracked->len; i += 2)
    if (g_array_index (tracked, gsize, i) <= end && g_array_index (tracked, gsize, i + 1) >= start)
      return TRUE;
  return FALSE;
}

/* Up to @n words of @text[@from, @to) from its start. */
static char *
first_words (const char *text,
             gsize       from,
             gsize       to,
             guint       n)
{
  g_autofree char *part = g_strndup (text + from, to - from);
  g_autofree char *squeezed = pl_review_squeeze (part);
  const char *p = squeezed;
  guint words = 0;

  while (*p && !(*p == ' ' && ++words == n))
    p++;
  return g_strndup (squeezed, p - squeezed);
}

static void
add_change (Walk       *w,
            const char *old,
            gsize       os,
            gsize       oe,
            const char *new,
            gsize       ns,
            gsize       ne)
{
  g_autofree char *before = NULL;
  g_autofree char *deleted = NULL;
  g_autofree char *inserted = NULL;
  PlReviewEntry *e = NULL;
  gsize line, line_end;

  /* Markup and spaces after the last changed word stay in the text. */
  while (oe > os && is_trailing (old[oe - 1]))
    oe--;
  while (os < oe && g_ascii_isspace (old[os]))
    os++;
  if (oe - os > PL_REVIEW_MAX_QUOTE || ne - ns > PL_REVIEW_MAX_QUOTE)
    {
      w->n_long++;
      return;
    }
  /* Context comes from the same line: a quote across a paragraph break
   * would join the paragraphs when applied. */
  line = os;
  line_end = oe;
  while (line > 0 && old[line - 1] != '\n')
    line--;
  while (old[line_end] != '\0' && old[line_end] != '\n')
    line_end++;
  before = g_strndup (old + line, os - line);
  deleted = g_strndup (old + os, oe - os);
  {
    g_autofree char *raw = g_strndup (new + ns, ne - ns);

    inserted = pl_review_squeeze (raw);
  }

  if (*deleted == '\0' && *inserted == '\0')
    return;
  e = g_new0 (PlReviewEntry, 1);
  e->kind = PL_FEEDBACK_AMENDMENT;
  e->author = g_strdup (w->author);
  e->text = g_strdup ("");
  if (count_words (deleted) >= SHORT_CHANGE)
    {
      /* Long enough to be found in one place as it is. */
      e->operation = *inserted == '\0' ? PL_AMENDMENT_DELETE : PL_AMENDMENT_REPLACE;
      e->quote = pl_review_squeeze (deleted);
      e->proposal = g_steal_pointer (&inserted);
    }
  else
    {
      /* A few words ("two", "first") occur all over a strategy: the words
       * around them in the line make the passage one place. */
      g_autofree char *ctx_before = pl_review_last_words (before, CONTEXT_WORDS);
      g_autofree char *ctx_after = first_words (old, oe, line_end, CONTEXT_WORDS);
      g_autofree char *del = pl_review_squeeze (deleted);
      const char *sep_before = *ctx_before && os > line && !g_ascii_isspace (old[os - 1]) ? "" : " ";
      const char *sep_after = oe > 0 && !g_ascii_isspace (old[oe - 1]) && old[oe] != '\0' &&
                              !g_ascii_isspace (old[oe]) ? "" : " ";
      /* The proposal is spaced as the reviewer's text is ("contain, report"). */
      const char *new_before = ns > 0 && !g_ascii_isspace (new[ns - 1]) ? "" : " ";
      const char *new_after = (ne > ns && g_ascii_isspace (new[ne - 1])) || g_ascii_isspace (new[ne]) ? " " : "";
      g_autoptr(GString) quote = g_string_new (ctx_before);
      g_autoptr(GString) proposal = g_string_new (ctx_before);

      if (*del)
        g_string_append_printf (quote, "%s%s", quote->len ? sep_before : "", del);
      if (*inserted)
        g_string_append_printf (proposal, "%s%s", proposal->len ? new_before : "", inserted);
      if (*ctx_after)
        {
          g_string_append_printf (quote, "%s%s", quote->len ? sep_after : "", ctx_after);
          g_string_append_printf (proposal, "%s%s", proposal->len ? (*inserted ? new_after : sep_after) : "", ctx_after);
        }
      if (g_str_equal (quote->str, del) && *inserted == '\0')
        e->operation = PL_AMENDMENT_DELETE;
      else
        e->operation = PL_AMENDMENT_REPLACE;
      e->quote = g_string_free (g_steal_pointer (&quote), FALSE);
      e->proposal = e->operation == PL_AMENDMENT_DELETE ? g_strdup ("") : g_string_free (g_steal_pointer (&proposal), FALSE);
    }
  if (*e->quote == '\0')
    {
      /* An empty field: nothing to quote, nothing an amendment can change. */
      pl_review_entry_free (e);
      return;
    }
  e->origin = PL_FEEDBACK_ORIGIN_UNTRACKED_EDIT;
  g_free (e->date);
  e->date = g_strdup (w->file->modified ? w->file->modified : "");
  e->target = g_object_ref (w->record);
  e->by_heading = w->by_heading;
  e->id = g_strdup_printf ("edit %u", w->file->entries->len + 1);
  if (w->file->entries->len < PL_REVIEW_MAX_ENTRIES)
    g_ptr_array_add (w->file->entries, e);
  else
    pl_review_entry_free (e);
}

/* Whether an unchanged run is short enough to join the changes around it. */
static gboolean
near (const char         *old,
      const PlWordDiffOp *equal)
{
  gsize len = equal->old_end - equal->old_start;

  return len < 80 && equal->n_words < CONTEXT_WORDS && memchr (old + equal->old_start, '\n', len) == NULL;
}

static void
append_field (GString    *old,
              PlRecord   *record,
              const char *property)
{
  g_autofree char *value = NULL;

  g_object_get (record, property, &value, NULL);
  if (old->len > 0)
    g_string_append (old, "\n\n");
  g_string_append (old, value ? value : "");
}

static void
compare_unit (Walk *w)
{
  g_autoptr(GString) old = g_string_new (NULL);
  g_autoptr(GString) new = g_string_new (NULL);
  g_autoptr(GArray) tracked = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GArray) ops = NULL;
  guint last = w->last;

  if (w->record == NULL || w->first >= last)
    return;
  append_field (old, w->record, "title");
  if (PL_IS_PILLAR (w->record))
    {
      append_field (old, w->record, "summary");
      append_field (old, w->record, "body");
    }
  else if (PL_IS_OBJECTIVE (w->record))
    append_field (old, w->record, "description");
  else if (PL_IS_SECTION (w->record))
    append_field (old, w->record, "body");
  else
    /* An action: its title only; the line of details under it is ours
     * (labels, priority, status) and its text fields are set aside. */
    last = w->first + 1;

  for (guint i = w->first; i < last; i++)
    {
      PlReviewPara *para = w->file->paras->pdata[i];
      gsize skip = i == w->first ? number_length (para->text) : 0;
      gsize at = new->len;

      if (new->len > 0)
        g_string_append (new, "\n\n"), at += 2;
      g_string_append (new, para->text + skip);
      for (guint t = 0; para->tracked && t + 1 < para->tracked->len; t += 2)
        {
          gsize span[2] = { at + MAX (g_array_index (para->tracked, gsize, t), skip) - skip,
                            at + MAX (g_array_index (para->tracked, gsize, t + 1), skip) - skip };

          g_array_append_vals (tracked, span, 2);
        }
    }

  ops = pl_word_diff (old->str, new->str);
  for (guint i = 0; i < ops->len; )
    {
      PlWordDiffOp *op = &g_array_index (ops, PlWordDiffOp, i);
      gsize os = op->old_start, oe = op->old_end, ns = op->new_start, ne = op->new_end;

      if (op->kind == PL_WORD_DIFF_EQUAL)
        {
          i++;
          continue;
        }
      /* A deletion next to an insertion is one replacement; changes a few
       * words apart in one paragraph are one too, or accepting the first
       * would take away the context the second is found by. */
      for (i++; i < ops->len; i++)
        {
          PlWordDiffOp *next = &g_array_index (ops, PlWordDiffOp, i);

          if (next->kind == PL_WORD_DIFF_EQUAL)
            {
              if (i + 1 >= ops->len || !near (old->str, next))
                break;
              next = &g_array_index (ops, PlWordDiffOp, ++i);
            }
          oe = next->old_end;
          ne = next->new_end;
        }
      /* What a tracked change touches is that change's business (and
       * after it was accepted, the strategy and the copy differ there). */
      if (covered (tracked, new->str, ns, ne))
        continue;
      add_change (w, old->str, os, oe, new->str, ns, ne);
    }
}

static void
begin_unit (Walk     *w,
            guint     index,
            PlRecord *record,
            gboolean  by_heading)
{
  w->last = index;
  compare_unit (w);
  w->record = record;
  w->by_heading = by_heading;
  w->first = index;
}

void
pl_review_find_untracked (PlDocument   *document,
                          PlReviewFile *file,
                          GHashTable   *anchors,
                          const char   *author)
{
  Walk w = { document, file, anchors, NULL, author, file->n_anchors > 0 };

  if (file->paras == NULL || file->paras->len == 0)
    return;
  index_titles (&w);
  for (guint i = 0; i < file->paras->len; i++)
    {
      PlReviewPara *para = file->paras->pdata[i];

      if (para->strategy)
        /* The cover note, the contents and the front matter's start. */
        begin_unit (&w, i, NULL, FALSE);
      else if (para->anchor != NULL)
        begin_unit (&w, i, g_hash_table_lookup (anchors, para->anchor), FALSE);
      else if (para->level > 0)
        {
          PlRecord *record = record_of_heading (&w, para->text);

          /* With anchors in the file, only the front matter (which has
           * none) is found by its heading. */
          if (record != NULL && w.has_anchors && !PL_IS_SECTION (record))
            record = NULL;
          if (record != NULL)
            begin_unit (&w, i, record, TRUE);
          else if (para->level <= 2)
            /* "Implementation plan", "Vision", an annex: not a unit. */
            begin_unit (&w, i, NULL, FALSE);
          /* else a heading inside a narrative ("Why it matters") */
        }
      else if (!w.has_anchors && number_length (para->text) > 0)
        {
          /* Without anchors an action is known by its numbered title
           * ("1.2.3 Title"), which is a paragraph, not a heading. */
          PlRecord *record = record_of_heading (&w, para->text);

          if (record != NULL && PL_IS_ACTION (record))
            begin_unit (&w, i, record, TRUE);
        }
    }
  begin_unit (&w, file->paras->len, NULL, FALSE);
  if (w.n_long > 0)
    g_ptr_array_add (file->skips,
                     g_strdup_printf (ngettext ("%u passage edited without tracking is too long to quote; compare it by hand.",
                                                "%u passages edited without tracking are too long to quote; compare them by hand.",
                                                w.n_long), w.n_long));
  g_hash_table_unref (w.titles);
}
