/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <libxml/parser.h>

#include "pl-review-private.h"

/*
 * The text of a returned DOCX (word/document.xml), walked with libxml2's
 * SAX2 callbacks rather than its reader: a review copy of a big strategy
 * holds 10 MB of WordprocessingML, and the reader, which builds and frees
 * a node for every element, took as long as our whole export of the copy.
 * Elements are matched by local name, whatever prefix a program chose; no
 * network, no DTD, no entities.
 */

#define CHUNK (256 * 1024)

typedef struct {
  PlReviewDoc *d;
  GHashTable  *comments;
  gboolean     in_text;
} Walk;

/* The value of the attribute @local (w:id, w:author …), or NULL: SAX2
 * passes attributes as (local name, prefix, URI, value, end) quintuples. */
static char *
attr (const xmlChar **attributes,
      int             n,
      const char     *local)
{
  for (int i = 0; i < n; i++)
    {
      const xmlChar **a = attributes + 5 * i;

      if (g_str_equal ((const char *) a[0], local))
        return g_strndup ((const char *) a[3], a[4] - a[3]);
    }
  return NULL;
}

static gboolean
is (const xmlChar *name,
    const char    *local)
{
  return g_str_equal ((const char *) name, local);
}

static void
start_element (void           *data,
               const xmlChar  *name,
               const xmlChar  *prefix,
               const xmlChar  *uri,
               int             n_namespaces,
               const xmlChar **namespaces,
               int             n_attributes,
               int             n_defaulted,
               const xmlChar **attributes)
{
  Walk *w = data;
  PlReviewDoc *d = w->d;

  if (is (name, "rPr") || is (name, "pPr"))
    {
      d->props_depth++;
      return;
    }
  if (d->props_depth > 0)
    {
      /* w:ins/w:del here mark a paragraph mark or formatting, not text. */
      if (is (name, "pStyle"))
        {
          g_autofree char *v = attr (attributes, n_attributes, "val");

          d->para_level = pl_review_style_level (v);
          d->para_heading = d->para_level > 0;
        }
      else if (is (name, "outlineLvl"))
        {
          g_autofree char *v = attr (attributes, n_attributes, "val");
          guint64 level = v ? g_ascii_strtoull (v, NULL, 10) : 0;

          /* Level 9 is Word's "body text". */
          d->para_heading = level < 9;
          d->para_level = level < 9 ? (guint) level + 1 : 0;
        }
      return;
    }
  switch (name[0])
    {
    case 'p':
      if (name[1] == '\0')
        {
          g_string_truncate (d->para, 0);
          g_array_set_size (d->para_tracked, 0);
          d->para_heading = FALSE;
          d->para_level = 0;
        }
      break;
    case 't':
      if (name[1] == '\0')
        w->in_text = TRUE;
      else if (is (name, "tab"))
        pl_review_doc_add_text (d, " ");
      break;
    case 'b':
      if (is (name, "bookmarkStart"))
        {
          g_autofree char *bookmark = attr (attributes, n_attributes, "name");

          pl_review_doc_bookmark (d, bookmark);
        }
      else if (is (name, "br"))
        pl_review_doc_add_text (d, " ");
      break;
    case 'c':
      if (is (name, "cr"))
        pl_review_doc_add_text (d, " ");
      else if (is (name, "commentRangeStart"))
        {
          g_autofree char *id = attr (attributes, n_attributes, "id");

          pl_review_doc_open_range (d, id, FALSE);
        }
      else if (is (name, "commentRangeEnd"))
        {
          g_autofree char *id = attr (attributes, n_attributes, "id");

          pl_review_doc_close_range (d, id);
        }
      else if (is (name, "commentReference"))
        {
          g_autofree char *id = attr (attributes, n_attributes, "id");
          PlReviewComment *c = id ? g_hash_table_lookup (w->comments, id) : NULL;

          if (c)
            c->placed = TRUE;
          /* A comment on a point, without a range. */
          pl_review_doc_open_range (d, id, TRUE);
        }
      break;
    case 'd':
      if (is (name, "delText"))
        w->in_text = TRUE;
      else if (is (name, "del"))
        {
          g_autofree char *author = attr (attributes, n_attributes, "author");
          g_autofree char *date = attr (attributes, n_attributes, "date");

          pl_review_doc_begin_change (d, author, date);
          d->change = 2;
        }
      break;
    case 'i':
    case 'm':
      if (is (name, "ins") || is (name, "moveTo"))
        {
          g_autofree char *author = attr (attributes, n_attributes, "author");
          g_autofree char *date = attr (attributes, n_attributes, "date");

          pl_review_doc_begin_change (d, author, date);
          d->change = 1;
        }
      else if (is (name, "moveFrom"))
        {
          g_autofree char *author = attr (attributes, n_attributes, "author");
          g_autofree char *date = attr (attributes, n_attributes, "date");

          pl_review_doc_begin_change (d, author, date);
          d->change = 2;
        }
      /* instrText is a field's code, not text. */
      break;
    default:
      break;
    }
}

static void
end_element (void          *data,
             const xmlChar *name,
             const xmlChar *prefix,
             const xmlChar *uri)
{
  Walk *w = data;
  PlReviewDoc *d = w->d;

  if (is (name, "rPr") || is (name, "pPr"))
    d->props_depth = MAX (d->props_depth - 1, 0);
  else if (d->props_depth > 0)
    return;
  else if (is (name, "p"))
    pl_review_doc_end_paragraph (d);
  else if (is (name, "t") || is (name, "delText"))
    w->in_text = FALSE;
  else if (is (name, "ins") || is (name, "moveTo") || is (name, "del") || is (name, "moveFrom"))
    d->change = 0;
}

static void
characters (void          *data,
            const xmlChar *text,
            int            len)
{
  Walk *w = data;
  g_autofree char *piece = NULL;

  if (!w->in_text || w->d->props_depth > 0)
    return;
  piece = g_strndup ((const char *) text, len);
  pl_review_doc_add_text (w->d, piece);
}

/* Errors end the parse (the file is then called damaged); nothing is printed. */
static void
quiet (void       *data,
       xmlErrorPtr error)
{
}

gboolean
pl_review_read_docx_text (GBytes       *bytes,
                          PlReviewDoc  *d,
                          GHashTable   *comments,
                          GError      **error)
{
  xmlSAXHandler handler = { 0 };
  Walk w = { d, comments, FALSE };
  xmlParserCtxtPtr ctxt;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  gboolean ok;

  handler.initialized = XML_SAX2_MAGIC;
  handler.startElementNs = start_element;
  handler.endElementNs = end_element;
  handler.characters = characters;
  handler.serror = quiet;
  ctxt = xmlCreatePushParserCtxt (&handler, &w, NULL, 0, "document.xml");
  if (ctxt == NULL || len > G_MAXINT)
    {
      if (ctxt)
        xmlFreeParserCtxt (ctxt);
      return pl_review_malformed ("word/document.xml", error);
    }
  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  /* In pieces: the push parser refuses more than 10 MB of input at once
   * (without XML_PARSE_HUGE, which also lifts the limits that keep a
   * hostile file from taking the memory). */
  ok = TRUE;
  for (gsize at = 0; ok && at < len; at += CHUNK)
    ok = xmlParseChunk (ctxt, data + at, (int) MIN (CHUNK, len - at), 0) == 0 && ctxt->wellFormed;
  ok = ok && xmlParseChunk (ctxt, NULL, 0, 1) == 0 && ctxt->wellFormed;
  xmlFreeParserCtxt (ctxt);
  pl_review_doc_finish (d);
  if (!ok)
    return pl_review_malformed ("word/document.xml", error);
  return TRUE;
}
