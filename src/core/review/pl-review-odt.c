/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "pl-review-private.h"
#include "pl-import-draft.h"
#include "pl-import-zip.h"

/*
 * A returned review copy in OpenDocument (LibreOffice's own format):
 * comments are office:annotation elements in the text, their range ending
 * at office:annotation-end; tracked changes are listed first in
 * text:tracked-changes (who, when, and a deletion's text) and marked in
 * the text by text:change-start/-end (insertions) and text:change (the
 * point a deletion was made). The same walk as the DOCX reader.
 */

typedef struct {
  int      type;      /* 1 insertion, 2 deletion, 0 a format change */
  char    *author;
  char    *date;
  GString *deleted;
} Region;

static void
region_free (Region *r)
{
  g_free (r->author);
  g_free (r->date);
  g_string_free (r->deleted, TRUE);
  g_free (r);
}

typedef struct {
  PlReviewDoc       doc;
  GHashTable       *regions;     /* text:id -> Region */
  GHashTable       *comments;    /* id -> PlReviewComment */
  GPtrArray        *order;
  /* the listing of tracked changes */
  gboolean          in_listing;
  Region           *region;
  int               deleted_depth;
  char            **field;       /* dc:creator or dc:date being read */
  /* an annotation being read */
  PlReviewComment  *comment;
  int               annotation_depth;
  int               annotation_paras;
} Odt;

static void
append_field (Odt        *o,
              const char *text)
{
  char *joined = g_strconcat (*o->field ? *o->field : "", text, NULL);

  g_free (*o->field);
  *o->field = joined;
}

static void
element (Odt             *o,
         xmlTextReaderPtr r)
{
  gboolean empty = xmlTextReaderIsEmptyElement (r);
  PlReviewDoc *d = &o->doc;

  if (pl_review_xml_is (r, "tracked-changes"))
    o->in_listing = !empty;
  else if (o->in_listing)
    {
      if (pl_review_xml_is (r, "changed-region"))
        {
          g_autofree char *id = pl_review_xml_attr (r, "id");

          o->region = g_new0 (Region, 1);
          o->region->deleted = g_string_new (NULL);
          g_hash_table_replace (o->regions, g_strdup (id ? id : ""), o->region);
        }
      else if (o->region && pl_review_xml_is (r, "insertion"))
        o->region->type = 1;
      else if (o->region && pl_review_xml_is (r, "deletion"))
        {
          o->region->type = 2;
          o->deleted_depth = empty ? 0 : 1;
        }
      else if (o->region && pl_review_xml_is (r, "creator") && !empty)
        o->field = &o->region->author;
      else if (o->region && pl_review_xml_is (r, "date") && !empty)
        o->field = &o->region->date;
      else if (o->region && o->deleted_depth > 0 && pl_review_xml_is (r, "p") && o->region->deleted->len > 0)
        g_string_append_c (o->region->deleted, '\n');
      else if (o->region && o->deleted_depth > 0 && pl_review_xml_is (r, "s"))
        g_string_append_c (o->region->deleted, ' ');
    }
  else if (pl_review_xml_is (r, "annotation"))
    {
      g_autofree char *name = pl_review_xml_attr (r, "name");
      g_autofree char *id = name ? g_strdup (name) : g_strdup_printf ("%u", o->order->len + 1);

      if (o->order->len >= PL_REVIEW_MAX_ENTRIES || g_hash_table_contains (o->comments, id))
        return;
      o->comment = g_new0 (PlReviewComment, 1);
      o->comment->text = g_string_new (NULL);
      o->comment->placed = TRUE;
      g_ptr_array_add (o->order, g_strdup (id));
      g_hash_table_insert (o->comments, g_strdup (id), o->comment);
      /* A comment without a name covers no text: it is on a point. */
      pl_review_doc_open_range (d, id, name == NULL);
      o->annotation_depth = empty ? 0 : 1;
      o->annotation_paras = 0;
      if (empty)
        o->comment = NULL;
    }
  else if (o->annotation_depth > 0)
    {
      if (pl_review_xml_is (r, "creator") && !empty)
        o->field = &o->comment->author;
      else if (pl_review_xml_is (r, "date") && !empty)
        o->field = &o->comment->date;
      else if (pl_review_xml_is (r, "p") && o->annotation_paras++ > 0)
        g_string_append_c (o->comment->text, '\n');
      else if (pl_review_xml_is (r, "s") || pl_review_xml_is (r, "tab") || pl_review_xml_is (r, "line-break"))
        g_string_append_c (o->comment->text, ' ');
      if (!empty)
        o->annotation_depth++;
    }
  else if (pl_review_xml_is (r, "annotation-end"))
    {
      g_autofree char *name = pl_review_xml_attr (r, "name");

      pl_review_doc_close_range (d, name);
    }
  else if (pl_review_xml_is (r, "p") || pl_review_xml_is (r, "h"))
    {
      g_string_truncate (d->para, 0);
      g_array_set_size (d->para_tracked, 0);
      d->para_heading = pl_review_xml_is (r, "h");
      d->para_level = 0;
      if (d->para_heading)
        {
          g_autofree char *level = pl_review_xml_attr (r, "outline-level");

          d->para_level = level ? (guint) CLAMP (g_ascii_strtoull (level, NULL, 10), 1, 10) : 1;
        }
      if (empty)
        pl_review_doc_end_paragraph (d);
    }
  else if (pl_review_xml_is (r, "bookmark-start") || pl_review_xml_is (r, "bookmark"))
    {
      g_autofree char *name = pl_review_xml_attr (r, "name");

      pl_review_doc_bookmark (d, name);
    }
  else if (pl_review_xml_is (r, "change-start") || pl_review_xml_is (r, "change"))
    {
      g_autofree char *id = pl_review_xml_attr (r, "change-id");
      Region *region = id ? g_hash_table_lookup (o->regions, id) : NULL;

      if (region == NULL || region->type == 0)
        return;
      pl_review_doc_begin_change (d, region->author, region->date);
      if (region->type == 2)
        {
          /* A deletion is a point in the text; its words are in the listing. */
          d->change = 2;
          pl_review_doc_add_text (d, region->deleted->str);
          d->change = 0;
        }
      else if (pl_review_xml_is (r, "change-start"))
        d->change = 1;
    }
  else if (pl_review_xml_is (r, "change-end"))
    d->change = 0;
  else if (pl_review_xml_is (r, "s") || pl_review_xml_is (r, "tab") || pl_review_xml_is (r, "line-break"))
    pl_review_doc_add_text (d, " ");
}

static void
end_element (Odt             *o,
             xmlTextReaderPtr r)
{
  PlReviewDoc *d = &o->doc;

  o->field = NULL;
  if (pl_review_xml_is (r, "tracked-changes"))
    o->in_listing = FALSE;
  else if (o->in_listing)
    {
      if (pl_review_xml_is (r, "changed-region"))
        o->region = NULL;
      else if (pl_review_xml_is (r, "deletion"))
        o->deleted_depth = 0;
    }
  else if (o->annotation_depth > 0)
    {
      if (--o->annotation_depth == 0)
        o->comment = NULL;
    }
  else if (pl_review_xml_is (r, "p") || pl_review_xml_is (r, "h"))
    pl_review_doc_end_paragraph (d);
}

static void
text (Odt        *o,
      const char *value)
{
  if (o->field != NULL)
    append_field (o, value);
  else if (o->in_listing)
    {
      if (o->region && o->deleted_depth > 0 && o->region->deleted->len < PL_REVIEW_MAX_QUOTE)
        g_string_append (o->region->deleted, value);
    }
  else if (o->annotation_depth > 0)
    {
      if (o->comment && o->comment->text->len < PL_REVIEW_MAX_TEXT)
        g_string_append (o->comment->text, value);
    }
  else
    pl_review_doc_add_text (&o->doc, value);
}

gboolean
pl_review_read_odt (GBytes        *bytes,
                    PlReviewFile  *file,
                    GError       **error)
{
  static const char *const wanted[] = { "content.xml", "meta.xml", NULL };
  g_autoptr(GHashTable) parts = NULL;
  GBytes *content;
  xmlTextReaderPtr r;
  Odt o;
  int ret;

  parts = pl_import_zip_read (bytes, wanted, error);
  if (parts == NULL)
    return FALSE;
  content = g_hash_table_lookup (parts, "content.xml");
  if (content == NULL)
    {
      g_set_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_UNSUPPORTED,
                   _("This is neither a Word nor an OpenDocument text. Choose the review copy the reviewer sent back, saved as .docx or .odt."));
      return FALSE;
    }
  if ((r = pl_review_xml_reader (content)) == NULL)
    return pl_review_malformed ("content.xml", error);

  pl_review_read_properties (g_hash_table_lookup (parts, "meta.xml"), file);
  memset (&o, 0, sizeof o);
  pl_review_doc_init (&o.doc, file);
  o.regions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) region_free);
  o.comments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) pl_review_comment_free);
  o.order = g_ptr_array_new_with_free_func (g_free);
  while ((ret = xmlTextReaderRead (r)) == 1)
    {
      int type = xmlTextReaderNodeType (r);

      if (type == XML_READER_TYPE_ELEMENT)
        element (&o, r);
      else if (type == XML_READER_TYPE_END_ELEMENT)
        end_element (&o, r);
      else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)
        text (&o, (const char *) xmlTextReaderConstValue (r));
    }
  xmlFreeTextReader (r);
  pl_review_doc_end_paragraph (&o.doc);
  if (ret == 0)
    pl_review_doc_collect_comments (&o.doc, o.comments, o.order);
  pl_review_doc_clear (&o.doc);
  g_hash_table_unref (o.regions);
  g_hash_table_unref (o.comments);
  g_ptr_array_unref (o.order);
  if (ret < 0)
    return pl_review_malformed ("content.xml", error);
  return TRUE;
}
