/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <libxml/xmlreader.h>
#include <glib/gi18n-lib.h>

#include "pl-review-private.h"
#include "pl-import-draft.h"
#include "pl-import-zip.h"
#include "pl-export.h"

/*
 * A returned review copy (DOCX), and the walk through its text that the
 * ODT reader (pl-review-odt.c) shares: the comments in word/comments.xml, their
 * replies (commentsExtended.xml), the ranges they cover and the tracked
 * changes in word/document.xml, each with the hidden anchor (bookmark
 * named after a record's UUID) it lies under. Streaming reader, no
 * network, no DTD, no entities; elements matched by local name so any
 * namespace prefix a program chooses works.
 */

#define XML_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)

void
pl_review_entry_free (PlReviewEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->id);
  g_free (entry->author);
  g_free (entry->date);
  g_free (entry->text);
  g_free (entry->quote);
  g_free (entry->proposal);
  g_free (entry->anchor);
  g_free (entry->heading);
  g_clear_object (&entry->target);
  g_free (entry);
}

void
pl_review_para_free (PlReviewPara *para)
{
  g_free (para->text);
  g_free (para->anchor);
  g_clear_pointer (&para->tracked, g_array_unref);
  g_free (para);
}

void
pl_review_file_clear (PlReviewFile *file)
{
  g_clear_pointer (&file->entries, g_ptr_array_unref);
  g_clear_pointer (&file->skips, g_ptr_array_unref);
  g_clear_pointer (&file->strategy_anchor, g_free);
  g_clear_pointer (&file->paras, g_ptr_array_unref);
  g_clear_pointer (&file->modified_by, g_free);
  g_clear_pointer (&file->modified, g_free);
  file->n_anchors = 0;
}

char *
pl_review_squeeze (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text ? text : ""; *p; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

char *
pl_review_last_words (const char *text,
                      guint       n)
{
  g_autofree char *squeezed = pl_review_squeeze (text);
  const char *p = squeezed + strlen (squeezed);
  guint words = 0;

  while (p > squeezed)
    {
      if (p[-1] == ' ' && ++words == n)
        break;
      p--;
    }
  return g_strdup (p);
}

static guint
count_words (const char *text)
{
  g_autofree char *squeezed = pl_review_squeeze (text);
  guint n = *squeezed ? 1 : 0;

  for (const char *p = squeezed; *p; p++)
    if (*p == ' ')
      n++;
  return n;
}

/* Short changes ("the", "and") occur all over a strategy: a few words
 * before them make the passage one place. */
#define CONTEXT_WORDS 5
#define SHORT_CHANGE  4

PlReviewEntry *
pl_review_change_entry (const char *author,
                        const char *date,
                        const char *before,
                        const char *deleted,
                        const char *inserted)
{
  g_autofree char *del = pl_review_squeeze (deleted);
  g_autofree char *ins = pl_review_squeeze (inserted);
  PlReviewEntry *e;

  if (*del == '\0' && *ins == '\0')
    return NULL;
  e = g_new0 (PlReviewEntry, 1);
  e->kind = PL_FEEDBACK_AMENDMENT;
  e->origin = PL_FEEDBACK_ORIGIN_TRACKED_CHANGE;
  e->author = g_strdup (author);
  e->date = g_strdup (date ? date : "");
  if (*del == '\0')
    {
      g_autofree char *ctx = pl_review_last_words (before, CONTEXT_WORDS);

      e->operation = PL_AMENDMENT_INSERT_AFTER;
      e->quote = g_steal_pointer (&ctx);
      e->proposal = g_steal_pointer (&ins);
    }
  else if (count_words (del) < SHORT_CHANGE)
    {
      g_autofree char *ctx = pl_review_last_words (before, CONTEXT_WORDS);
      /* Whether the change started mid-word ("colour" → "color"). */
      gboolean glued = before && *before && !g_ascii_isspace (before[strlen (before) - 1])
                       && !g_ascii_isspace (*deleted);
      const char *sep = (*ctx == '\0' || glued) ? "" : " ";

      e->operation = PL_AMENDMENT_REPLACE;
      e->quote = g_strconcat (ctx, sep, del, NULL);
      if (*ins == '\0')
        e->proposal = g_strdup (ctx);
      else
        e->proposal = g_strconcat (ctx, sep, ins, NULL);
      if (*ins == '\0' && *ctx == '\0')
        {
          g_free (e->proposal);
          e->proposal = g_strdup ("");
          e->operation = PL_AMENDMENT_DELETE;
        }
    }
  else
    {
      e->operation = *ins == '\0' ? PL_AMENDMENT_DELETE : PL_AMENDMENT_REPLACE;
      e->quote = g_steal_pointer (&del);
      e->proposal = g_steal_pointer (&ins);
    }
  if (e->quote == NULL)
    e->quote = g_strdup ("");
  if (e->proposal == NULL)
    e->proposal = g_strdup ("");
  e->text = g_strdup ("");
  return e;
}

char *
pl_review_author_name (const char *raw,
                       GPtrArray  *skips)
{
  g_autofree char *name = pl_review_squeeze (raw);

  if (!g_utf8_validate (name, -1, NULL))
    {
      g_free (name);
      name = g_utf8_make_valid (raw, -1);
    }
  if (g_utf8_strlen (name, -1) > PL_REVIEW_MAX_AUTHOR)
    {
      g_autofree char *cut = g_utf8_substring (name, 0, 60);

      g_ptr_array_add (skips, g_strdup_printf (_("An author’s name of %ld characters was cut to its first 60 (“%s…”)."),
                                               (long) g_utf8_strlen (name, -1), cut));
      return g_strconcat (cut, "…", NULL);
    }
  if (*name == '\0')
    return g_strdup (_("Unknown reviewer"));
  return g_steal_pointer (&name);
}

/* ---- XML plumbing ---- */

xmlTextReaderPtr
pl_review_xml_reader (GBytes *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  return xmlReaderForMemory (data, (int) MIN (len, G_MAXINT), NULL, NULL, XML_OPTIONS);
}

gboolean
pl_review_xml_is (xmlTextReaderPtr r,
    const char      *local)
{
  const xmlChar *n = xmlTextReaderConstLocalName (r);
  return n && g_str_equal ((const char *) n, local);
}

/* An attribute by local name (w:id, w15:paraId …), whatever the prefix. */
char *
pl_review_xml_attr (xmlTextReaderPtr  r,
                    const char       *local)
{
  char *out = NULL;

  if (xmlTextReaderMoveToFirstAttribute (r) != 1)
    return NULL;
  do
    {
      const xmlChar *n = xmlTextReaderConstLocalName (r);

      if (n && g_str_equal ((const char *) n, local))
        {
          out = g_strdup ((const char *) xmlTextReaderConstValue (r));
          break;
        }
    }
  while (xmlTextReaderMoveToNextAttribute (r) == 1);
  xmlTextReaderMoveToElement (r);
  return out;
}

gboolean
pl_review_malformed (const char  *part,
           GError     **error)
{
  g_set_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_MALFORMED,
               _("The returned copy is damaged: its part “%s” is not well-formed XML. Open it in Word or LibreOffice, save it again and import that."), part);
  return FALSE;
}

/* ---- comments.xml and commentsExtended.xml ---- */

void
pl_review_comment_free (PlReviewComment *c)
{
  g_free (c->author);
  g_free (c->date);
  g_string_free (c->text, TRUE);
  g_free (c->last_para_id);
  g_free (c->parent);
  g_free (c);
}

static gboolean
read_comments (GBytes      *bytes,
               GHashTable  *comments,
               GPtrArray   *order,
               GError     **error)
{
  xmlTextReaderPtr r;
  PlReviewComment *cur = NULL;
  int ret;

  if (bytes == NULL)
    return TRUE;
  if ((r = pl_review_xml_reader (bytes)) == NULL)
    return pl_review_malformed ("word/comments.xml", error);
  while ((ret = xmlTextReaderRead (r)) == 1)
    {
      int type = xmlTextReaderNodeType (r);

      if (type == XML_READER_TYPE_ELEMENT && pl_review_xml_is (r, "comment"))
        {
          g_autofree char *id = pl_review_xml_attr (r, "id");

          if (order->len >= PL_REVIEW_MAX_ENTRIES)
            {
              xmlFreeTextReader (r);
              g_set_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_TOO_LARGE,
                           _("The returned copy holds more than 20,000 comments, far more than a review could; it was not imported. Check that this is the right file."));
              return FALSE;
            }
          cur = g_new0 (PlReviewComment, 1);
          cur->author = pl_review_xml_attr (r, "author");
          cur->date = pl_review_xml_attr (r, "date");
          cur->text = g_string_new (NULL);
          if (id == NULL || g_hash_table_contains (comments, id))
            {
              /* Without an id (or with a second use of one) nothing in the
               * text can point at it. */
              pl_review_comment_free (cur);
              cur = NULL;
              continue;
            }
          g_ptr_array_add (order, g_strdup (id));
          g_hash_table_insert (comments, g_strdup (id), cur);
        }
      else if (type == XML_READER_TYPE_END_ELEMENT && pl_review_xml_is (r, "comment"))
        cur = NULL;
      else if (cur && type == XML_READER_TYPE_ELEMENT && pl_review_xml_is (r, "p"))
        {
          g_autofree char *para = pl_review_xml_attr (r, "paraId");

          if (cur->text->len > 0)
            g_string_append_c (cur->text, '\n');
          if (para)
            g_free (cur->last_para_id), cur->last_para_id = g_steal_pointer (&para);
        }
      else if (cur && (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)
               && cur->text->len < PL_REVIEW_MAX_TEXT)
        g_string_append (cur->text, (const char *) xmlTextReaderConstValue (r));
      else if (cur && type == XML_READER_TYPE_ELEMENT && (pl_review_xml_is (r, "tab") || pl_review_xml_is (r, "br")))
        g_string_append_c (cur->text, ' ');
    }
  xmlFreeTextReader (r);
  if (ret < 0)
    return pl_review_malformed ("word/comments.xml", error);
  return TRUE;
}

/* Word threads a reply by the paraId of its comment's last paragraph. */
static void
read_threads (GBytes     *bytes,
              GHashTable *comments)
{
  g_autoptr(GHashTable) by_para = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, value;
  xmlTextReaderPtr r;

  if (bytes == NULL || (r = pl_review_xml_reader (bytes)) == NULL)
    return;
  g_hash_table_iter_init (&iter, comments);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (((PlReviewComment *) value)->last_para_id)
      g_hash_table_insert (by_para, ((PlReviewComment *) value)->last_para_id, key);
  while (xmlTextReaderRead (r) == 1)
    if (xmlTextReaderNodeType (r) == XML_READER_TYPE_ELEMENT && pl_review_xml_is (r, "commentEx"))
      {
        g_autofree char *para = pl_review_xml_attr (r, "paraId");
        g_autofree char *parent = pl_review_xml_attr (r, "paraIdParent");
        const char *id = para ? g_hash_table_lookup (by_para, para) : NULL;
        const char *parent_id = parent ? g_hash_table_lookup (by_para, parent) : NULL;

        if (id && parent_id && !g_str_equal (id, parent_id))
          {
            PlReviewComment *c = g_hash_table_lookup (comments, id);

            g_free (c->parent);
            c->parent = g_strdup (parent_id);
          }
      }
  /* A damaged extension only loses the threading. */
  xmlFreeTextReader (r);
}

/* ---- document.xml ---- */

void
pl_review_range_free (PlReviewRange *range)
{
  g_string_free (range->quote, TRUE);
  g_free (range->anchor);
  g_free (range->heading);
  g_free (range);
}

static void
flush_change (PlReviewDoc *d)
{
  PlReviewEntry *e;

  if (!d->ch_open)
    return;
  d->ch_open = FALSE;
  e = pl_review_change_entry (d->ch_author, d->ch_date, d->ch_before->str, d->ch_del->str, d->ch_ins->str);
  if (e != NULL)
    {
      e->anchor = g_strdup (d->anchor);
      e->strategy_anchor = d->in_strategy;
      e->heading = g_strdup (d->heading);
      e->id = g_strdup_printf ("change %u", d->file->entries->len + 1);
      if (d->file->entries->len < PL_REVIEW_MAX_ENTRIES)
        g_ptr_array_add (d->file->entries, e);
      else
        pl_review_entry_free (e);
    }
  g_string_truncate (d->ch_del, 0);
  g_string_truncate (d->ch_ins, 0);
}

void
pl_review_doc_finish (PlReviewDoc *d)
{
  flush_change (d);
}

void
pl_review_doc_begin_change (PlReviewDoc        *d,
              const char *author,
              const char *date)
{
  g_autofree char *name = pl_review_author_name (author ? author : "", d->file->skips);

  /* A deletion then an insertion by the same person is one replacement. */
  if (d->ch_open && g_strcmp0 (name, d->ch_author) == 0)
    return;
  flush_change (d);
  g_free (d->ch_author);
  g_free (d->ch_date);
  d->ch_author = g_steal_pointer (&name);
  d->ch_date = g_strdup (date ? date : "");
  g_string_assign (d->ch_before, d->para->str);
  d->ch_open = TRUE;
}

void
pl_review_doc_add_text (PlReviewDoc        *d,
          const char *text)
{
  GHashTableIter iter;
  gpointer value;

  if (d->change == 1)
    {
      gsize at[2] = { d->para->len, d->para->len };

      if (d->ch_ins->len < PL_REVIEW_MAX_QUOTE)
        g_string_append (d->ch_ins, text);
      /* Where the insertion was made: the text there is the reviewer's
       * tracked change, not an untracked edit. */
      g_array_append_vals (d->para_tracked, at, 2);
      return;
    }
  if (d->change == 2)
    {
      gsize at[2] = { d->para->len, d->para->len + strlen (text) };

      if (d->ch_del->len < PL_REVIEW_MAX_QUOTE)
        g_string_append (d->ch_del, text);
      g_array_append_vals (d->para_tracked, at, 2);
    }
  else if (d->ch_open)
    /* Unchanged text, even a space, ends the change: a deletion and an
     * insertion are one replacement only when they touch. */
    flush_change (d);
  if (d->para->len < 64 * 1024)
    g_string_append (d->para, text);
  g_hash_table_iter_init (&iter, d->open);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      PlReviewRange *range = value;

      if (range->quote->len < PL_REVIEW_MAX_QUOTE + 1)
        g_string_append (range->quote, text);
    }
}

void
pl_review_doc_end_paragraph (PlReviewDoc *d)
{
  GHashTableIter iter;
  gpointer value;

  flush_change (d);
  if (d->para_heading)
    {
      g_free (d->heading);
      d->heading = pl_review_squeeze (d->para->str);
    }
  /* A bookmark in an empty paragraph belongs to the next one with text. */
  if (d->file->paras != NULL && d->file->paras->len < PL_REVIEW_MAX_PARAS &&
      strspn (d->para->str, " \t\r\n") < d->para->len)
    {
      PlReviewPara *para = g_new0 (PlReviewPara, 1);

      para->text = g_strdup (d->para->str);
      para->level = d->para_heading ? MAX (d->para_level, 1) : 0;
      para->anchor = g_steal_pointer (&d->pending_anchor);
      para->strategy = d->pending_strategy;
      if (d->para_tracked->len > 0)
        para->tracked = g_array_copy (d->para_tracked);
      d->pending_strategy = FALSE;
      g_ptr_array_add (d->file->paras, para);
    }
  g_array_set_size (d->para_tracked, 0);
  d->para_level = 0;
  g_hash_table_iter_init (&iter, d->open);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_string_append_c (((PlReviewRange *) value)->quote, '\n');
  g_string_truncate (d->para, 0);
  d->para_heading = FALSE;
}

void
pl_review_doc_bookmark (PlReviewDoc        *d,
          const char *name)
{
  gsize plen = strlen (PL_EXPORT_ANCHOR_PREFIX), slen = strlen (PL_EXPORT_STRATEGY_ANCHOR_PREFIX);
  const char *hex;

  if (name == NULL)
    return;
  if (g_str_has_prefix (name, PL_EXPORT_STRATEGY_ANCHOR_PREFIX) && strlen (name) == slen + 32)
    {
      if (d->file->strategy_anchor == NULL)
        d->file->strategy_anchor = g_ascii_strdown (name + slen, -1);
      g_clear_pointer (&d->anchor, g_free);
      d->in_strategy = TRUE;
      g_clear_pointer (&d->pending_anchor, g_free);
      d->pending_strategy = TRUE;
      return;
    }
  if (!g_str_has_prefix (name, PL_EXPORT_ANCHOR_PREFIX) || strlen (name) != plen + 32)
    return;
  hex = name + plen;
  for (const char *p = hex; *p; p++)
    if (!g_ascii_isxdigit (*p))
      return;
  g_free (d->anchor);
  d->anchor = g_ascii_strdown (hex, -1);
  d->in_strategy = FALSE;
  d->file->n_anchors++;
  g_free (d->pending_anchor);
  d->pending_anchor = g_strdup (d->anchor);
  d->pending_strategy = FALSE;
}

void
pl_review_doc_init (PlReviewDoc  *d,
                    PlReviewFile *file)
{
  memset (d, 0, sizeof *d);
  d->file = file;
  d->ranges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) pl_review_range_free);
  d->open = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  d->para = g_string_new (NULL);
  d->ch_before = g_string_new (NULL);
  d->ch_del = g_string_new (NULL);
  d->ch_ins = g_string_new (NULL);
  d->para_tracked = g_array_new (FALSE, FALSE, sizeof (gsize));
  if (file->paras == NULL)
    file->paras = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_review_para_free);
}

void
pl_review_doc_clear (PlReviewDoc *d)
{
  g_hash_table_unref (d->open);
  g_hash_table_unref (d->ranges);
  g_string_free (d->para, TRUE);
  g_string_free (d->ch_before, TRUE);
  g_string_free (d->ch_del, TRUE);
  g_string_free (d->ch_ins, TRUE);
  g_free (d->ch_author);
  g_free (d->ch_date);
  g_free (d->anchor);
  g_free (d->heading);
  g_array_unref (d->para_tracked);
  g_free (d->pending_anchor);
}

void
pl_review_doc_open_range (PlReviewDoc *d,
                          const char  *id,
                          gboolean     point)
{
  PlReviewRange *range;

  if (id == NULL || g_hash_table_contains (d->ranges, id))
    return;
  range = g_new0 (PlReviewRange, 1);
  range->quote = g_string_new (NULL);
  range->anchor = g_strdup (d->anchor);
  range->strategy = d->in_strategy;
  range->heading = g_strdup (d->heading);
  g_hash_table_insert (d->ranges, g_strdup (id), range);
  if (!point)
    g_hash_table_insert (d->open, g_strdup (id), range);
}

void
pl_review_doc_close_range (PlReviewDoc *d,
                           const char  *id)
{
  if (id != NULL)
    g_hash_table_remove (d->open, id);
}

/* The comments in the order they were written, each with its thread. */
void
pl_review_doc_collect_comments (PlReviewDoc        *d,
                  GHashTable *comments,
                  GPtrArray  *order)
{
  g_autoptr(GHashTable) entries = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < order->len; i++)
    {
      const char *id = order->pdata[i];
      PlReviewComment *c = g_hash_table_lookup (comments, id);
      PlReviewRange *range = g_hash_table_lookup (d->ranges, id);
      g_autofree char *author = pl_review_author_name (c->author ? c->author : "", d->file->skips);
      g_autofree char *text = g_strstrip (g_strdup (c->text->str));
      PlReviewEntry *e;

      if (c->parent != NULL)
        continue;
      if (range == NULL)
        {
          g_ptr_array_add (d->file->skips,
                           g_strdup_printf (_("Comment %s by %s is in the file but no longer in the text (it was deleted); skipped."),
                                            id, author));
          continue;
        }
      if (*text == '\0')
        {
          g_ptr_array_add (d->file->skips, g_strdup_printf (_("Comment %s by %s is empty; skipped."), id, author));
          continue;
        }
      e = g_new0 (PlReviewEntry, 1);
      e->kind = PL_FEEDBACK_COMMENT;
      e->origin = PL_FEEDBACK_ORIGIN_REVIEW_COMMENT;
      e->id = g_strdup (id);
      e->author = g_steal_pointer (&author);
      e->date = g_strdup (c->date ? c->date : "");
      e->text = g_steal_pointer (&text);
      e->quote = g_strstrip (g_strdup (range->quote->str));
      if (strlen (e->quote) > PL_REVIEW_MAX_QUOTE)
        {
          g_ptr_array_add (d->file->skips,
                           g_strdup_printf (_("Comment %s by %s covers more than a passage can quote; it is kept without the quotation."),
                                            id, e->author));
          g_free (e->quote);
          e->quote = g_strdup ("");
        }
      e->anchor = g_strdup (range->anchor);
      e->strategy_anchor = range->strategy;
      e->heading = g_strdup (range->heading);
      g_ptr_array_add (d->file->entries, e);
      g_hash_table_insert (entries, (char *) id, e);
    }
  /* Replies, in order, under the comment they answer (through chains). */
  for (guint i = 0; i < order->len; i++)
    {
      const char *id = order->pdata[i];
      PlReviewComment *c = g_hash_table_lookup (comments, id);
      PlReviewComment *root = c;
      const char *root_id = id;
      PlReviewEntry *e;
      g_autofree char *author = NULL;
      g_autofree char *text = NULL;
      guint hops = 0;

      if (c->parent == NULL)
        continue;
      while (root->parent && hops++ < 100 && g_hash_table_lookup (comments, root->parent))
        {
          root_id = root->parent;
          root = g_hash_table_lookup (comments, root_id);
        }
      e = g_hash_table_lookup (entries, root_id);
      if (e == NULL)
        continue;
      author = pl_review_author_name (c->author ? c->author : "", d->file->skips);
      text = g_strstrip (g_strdup (c->text->str));
      if (*text == '\0')
        continue;
      {
        /* Names and dates only: no words that would change with the
         * language, so a re-import recognises the thread. */
        g_autofree char *day = g_strndup (c->date ? c->date : "", 10);
        char *joined = *day ? g_strdup_printf ("%s\n\n— %s, %s: %s", e->text, author, day, text)
                            : g_strdup_printf ("%s\n\n— %s: %s", e->text, author, text);

        g_free (e->text);
        e->text = joined;
        e->n_replies++;
      }
    }
}

gboolean
pl_review_read_docx (GBytes        *bytes,
                     PlReviewFile  *file,
                     GError       **error)
{
  static const char *const wanted[] = {
    "word/document.xml", "word/comments.xml", "word/commentsExtended.xml", "docProps/core.xml", NULL
  };
  g_autoptr(GHashTable) parts = NULL;
  g_autoptr(GHashTable) comments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) pl_review_comment_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  GBytes *document;
  PlReviewDoc d;
  gboolean ok;

  parts = pl_import_zip_read (bytes, wanted, error);
  if (parts == NULL)
    return FALSE;
  document = g_hash_table_lookup (parts, "word/document.xml");
  if (document == NULL)
    {
      g_set_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_UNSUPPORTED,
                   _("This is not a Word document (it has no word/document.xml). Choose the review copy the reviewer sent back, saved as .docx or .odt."));
      return FALSE;
    }
  if (!read_comments (g_hash_table_lookup (parts, "word/comments.xml"), comments, order, error))
    return FALSE;
  read_threads (g_hash_table_lookup (parts, "word/commentsExtended.xml"), comments);
  pl_review_read_properties (g_hash_table_lookup (parts, "docProps/core.xml"), file);

  pl_review_doc_init (&d, file);
  ok = pl_review_read_docx_text (document, &d, comments, error);
  if (ok)
    pl_review_doc_collect_comments (&d, comments, order);
  pl_review_doc_clear (&d);
  return ok;
}
