/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <libxml/xmlreader.h>
#include <glib/gi18n-lib.h>

#include "pl-import-private.h"

/* DOCX: word/document.xml read with libxml2's streaming reader, no network,
 * no DTD, no entity substitution. Heading levels come from the paragraph's
 * w:outlineLvl or its style's (heading N / outline level, through basedOn),
 * never from font sizes. */

#define XML_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)

typedef struct {
  char *based_on;
  int   level;     /* 0 none, 1-9 heading, -1 title */
  int   kind;      /* 1 quote, 2 skip (TOC), 3 action title, 4 action detail, 5 title page */
} Style;

static void
style_free (Style *s)
{
  g_free (s->based_on);
  g_free (s);
}

typedef struct {
  GHashTable *styles;     /* id -> Style */
  GHashTable *numbered;   /* "numId:ilvl" -> GINT (1 ordered, 0 bullet) */
  GHashTable *rels;       /* rId -> target (external links only) */
  GHashTable *footnotes;  /* id -> text */
  GPtrArray  *blocks;
  /* paragraph state */
  GString    *para;       /* Markdown */
  GString    *plain;
  char       *style;
  int         outline;    /* -1 unset, else 0-based */
  char       *num_id;
  int         ilvl;
  gboolean    bold, italic, in_run_props;
  char       *link;       /* open hyperlink target */
  gsize       link_start;
  /* structure */
  int         table_depth;
  GPtrArray  *rows;       /* current table */
  GPtrArray  *cells;      /* current row */
  GString    *cell;
  GString    *list;       /* pending consecutive list paragraphs */
  GString    *notes;      /* footnotes of the current section */
  GHashTable *counters;   /* numId -> next number */
  int         skip_depth; /* inside deleted text, fallback, text box */
  gboolean    field_instr;
} Docx;

static xmlTextReaderPtr
reader_for (GBytes *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  return xmlReaderForMemory (data, (int) MIN (len, G_MAXINT), NULL, NULL, XML_OPTIONS);
}

static char *
attr (xmlTextReaderPtr r,
      const char      *name)
{
  xmlChar *v = xmlTextReaderGetAttribute (r, (const xmlChar *) name);
  char *out = g_strdup ((const char *) v);

  xmlFree (v);
  return out;
}

/* xmlTextReaderConstName() looks a prefixed name up in the reader's
 * dictionary on every call; asked once per comparison it was a third of the
 * reader's time. Each loop asks once per node, and only of elements. */
static const char *
name_of (xmlTextReaderPtr r)
{
  int type = xmlTextReaderNodeType (r);

  if (type != XML_READER_TYPE_ELEMENT && type != XML_READER_TYPE_END_ELEMENT)
    return NULL;
  return (const char *) xmlTextReaderConstName (r);
}

static inline gboolean
is (const char *n,
    const char *name)
{
  return n && strcmp (n, name) == 0;
}

static gboolean
malformed (xmlTextReaderPtr r,
           int              ret,
           const char      *part,
           GError         **error)
{
  xmlFreeTextReader (r);
  if (ret < 0)
    {
      g_set_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_MALFORMED,
                   _("The document is damaged: its part “%s” is not well-formed XML. Open it in Word or LibreOffice, save it again and import that."), part);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_styles (Docx    *dx,
             GBytes  *bytes,
             GError **error)
{
  xmlTextReaderPtr r;
  Style *cur = NULL;
  int ret;

  if (bytes == NULL)
    return TRUE;
  r = reader_for (bytes);
  if (r == NULL)
    return malformed (NULL, -1, "word/styles.xml", error);
  while ((ret = xmlTextReaderRead (r)) == 1)
    {
      const char *el = name_of (r);

      if (xmlTextReaderNodeType (r) != XML_READER_TYPE_ELEMENT)
        continue;
      if (is (el, "w:style"))
        {
          g_autofree char *id = attr (r, "w:styleId");

          cur = g_new0 (Style, 1);
          g_hash_table_replace (dx->styles, g_strdup (id ? id : ""), cur);
          if (id && (g_str_has_prefix (id, "TOC") || g_str_has_prefix (id, "Contents")))
            cur->kind = 2;
          else if (id && g_str_equal (id, "ActionTitle"))
            cur->kind = 3;
          else if (id && g_str_equal (id, "ActionDetail"))
            cur->kind = 4;
          else if (id && g_str_has_prefix (id, "TitleMeta"))
            cur->kind = 5;
        }
      else if (cur && is (el, "w:name"))
        {
          g_autofree char *v = attr (r, "w:val");
          g_autofree char *lower = g_ascii_strdown (v ? v : "", -1);

          if (g_str_equal (lower, "title"))
            cur->level = -1;
          else if (g_str_has_prefix (lower, "heading ") && lower[8] >= '1' && lower[8] <= '9' && lower[9] == '\0')
            cur->level = lower[8] - '0';
          else if (g_str_equal (lower, "quote") || g_str_equal (lower, "intense quote")
                   || g_str_equal (lower, "block text") || g_str_equal (lower, "quotations"))
            cur->kind = 1;
          else if (g_str_has_prefix (lower, "toc ") || g_str_has_prefix (lower, "contents "))
            cur->kind = 2;
        }
      else if (cur && is (el, "w:basedOn"))
        cur->based_on = attr (r, "w:val");
      else if (cur && is (el, "w:outlineLvl") && cur->level == 0)
        {
          g_autofree char *v = attr (r, "w:val");
          int lvl = v ? atoi (v) : 9;

          if (lvl >= 0 && lvl < 9)
            cur->level = lvl + 1;
        }
    }
  return malformed (r, ret, "word/styles.xml", error);
}

static Style *
style_resolved (Docx       *dx,
                const char *id,
                int        *level,
                int        *kind)
{
  Style *s = NULL;

  *level = 0;
  *kind = 0;
  /* basedOn chains are short; the bound stops a loop in a hostile file. */
  for (int i = 0; id && i < 16; i++)
    {
      s = g_hash_table_lookup (dx->styles, id);
      if (s == NULL)
        break;
      if (*level == 0)
        *level = s->level;
      if (*kind == 0)
        *kind = s->kind;
      id = s->based_on;
    }
  return s;
}

static gboolean
read_numbering (Docx    *dx,
                GBytes  *bytes,
                GError **error)
{
  g_autoptr(GHashTable) abstract = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) nums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *abs_id = NULL;
  g_autofree char *num_id = NULL;
  g_autofree char *lvl = NULL;
  xmlTextReaderPtr r;
  GHashTableIter it;
  gpointer k, v;
  int ret;

  if (bytes == NULL)
    return TRUE;
  r = reader_for (bytes);
  if (r == NULL)
    return malformed (NULL, -1, "word/numbering.xml", error);
  while ((ret = xmlTextReaderRead (r)) == 1)
    {
      const char *el = name_of (r);

      if (xmlTextReaderNodeType (r) != XML_READER_TYPE_ELEMENT)
        continue;
      if (is (el, "w:abstractNum"))
        {
          g_free (abs_id);
          abs_id = attr (r, "w:abstractNumId");
          g_clear_pointer (&num_id, g_free);
        }
      else if (is (el, "w:lvl"))
        {
          g_free (lvl);
          lvl = attr (r, "w:ilvl");
        }
      else if (is (el, "w:numFmt") && abs_id && lvl && num_id == NULL)
        {
          g_autofree char *fmt = attr (r, "w:val");
          gboolean ordered = fmt && !g_str_equal (fmt, "bullet") && !g_str_equal (fmt, "none");

          g_hash_table_insert (abstract, g_strdup_printf ("%s:%s", abs_id, lvl), GINT_TO_POINTER (ordered + 1));
        }
      else if (is (el, "w:num"))
        {
          g_free (num_id);
          num_id = attr (r, "w:numId");
        }
      else if (is (el, "w:abstractNumId") && num_id)
        g_hash_table_insert (nums, g_strdup (num_id), attr (r, "w:val"));
    }
  if (!malformed (r, ret, "word/numbering.xml", error))
    return FALSE;
  g_hash_table_iter_init (&it, nums);
  while (g_hash_table_iter_next (&it, &k, &v))
    for (int i = 0; i < 9; i++)
      {
        g_autofree char *akey = g_strdup_printf ("%s:%d", (char *) v, i);
        gpointer ordered = g_hash_table_lookup (abstract, akey);

        if (ordered)
          g_hash_table_insert (dx->numbered, g_strdup_printf ("%s:%d", (char *) k, i),
                               GINT_TO_POINTER (GPOINTER_TO_INT (ordered) - 1));
      }
  return TRUE;
}

static gboolean
read_rels (Docx    *dx,
           GBytes  *bytes,
           GError **error)
{
  xmlTextReaderPtr r;
  int ret;

  if (bytes == NULL)
    return TRUE;
  r = reader_for (bytes);
  if (r == NULL)
    return malformed (NULL, -1, "word/_rels/document.xml.rels", error);
  while ((ret = xmlTextReaderRead (r)) == 1)
    if (is (name_of (r), "Relationship") && xmlTextReaderNodeType (r) == XML_READER_TYPE_ELEMENT)
      {
        g_autofree char *id = attr (r, "Id");
        g_autofree char *target = attr (r, "Target");

        if (id && target)
          g_hash_table_replace (dx->rels, g_steal_pointer (&id), g_steal_pointer (&target));
      }
  return malformed (r, ret, "word/_rels/document.xml.rels", error);
}

static gboolean
read_footnotes (Docx    *dx,
                GBytes  *bytes,
                GError **error)
{
  g_autofree char *id = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  xmlTextReaderPtr r;
  int ret;

  if (bytes == NULL)
    return TRUE;
  r = reader_for (bytes);
  if (r == NULL)
    return malformed (NULL, -1, "word/footnotes.xml", error);
  while ((ret = xmlTextReaderRead (r)) == 1)
    {
      const char *el = name_of (r);
      int type = xmlTextReaderNodeType (r);

      if (type == XML_READER_TYPE_ELEMENT && is (el, "w:footnote"))
        {
          g_free (id);
          id = attr (r, "w:id");
          g_string_truncate (text, 0);
        }
      else if (type == XML_READER_TYPE_END_ELEMENT && is (el, "w:footnote") && id)
        g_hash_table_replace (dx->footnotes, g_strdup (id), g_strstrip (g_strdup (text->str)));
      else if (type == XML_READER_TYPE_ELEMENT && is (el, "w:p") && text->len)
        g_string_append_c (text, ' ');
      else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) && id)
        g_string_append (text, (const char *) xmlTextReaderConstValue (r));
    }
  return malformed (r, ret, "word/footnotes.xml", error);
}

static void
add (Docx        *dx,
     PlBlockKind  kind,
     int          level,
     const char  *text)
{
  g_ptr_array_add (dx->blocks, pl_import_block_new (kind, level, text));
}

static void
flush_list (Docx *dx)
{
  if (dx->list->len == 0)
    return;
  add (dx, PL_BLOCK_MARKDOWN, 0, dx->list->str);
  g_string_truncate (dx->list, 0);
}

static void
flush_notes (Docx *dx)
{
  if (dx->notes->len == 0)
    return;
  add (dx, PL_BLOCK_MARKDOWN, 0, dx->notes->str);
  g_string_truncate (dx->notes, 0);
}

static void
omitted (Docx       *dx,
         const char *what)
{
  add (dx, PL_BLOCK_OMITTED, 0, what);
}

/* Runs of the same emphasis are merged before the markers go in, so
 * "**bold** **more**" comes out as "**bold more**". */
static void
run_text (Docx       *dx,
          const char *text)
{
  g_autofree char *escaped = pl_import_escape_inline (text);
  const char *mark = dx->bold && dx->italic ? "***" : dx->bold ? "**" : dx->italic ? "*" : "";
  gsize mlen = strlen (mark);
  const char *t = escaped;
  g_autofree char *lead = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_string_append (dx->plain, text);
  if (mlen == 0 || *stripped == '\0')
    {
      g_string_append (dx->para, escaped);
      return;
    }
  /* Emphasis markers must touch text: spaces go outside. */
  while (*t == ' ')
    g_string_append_c (dx->para, *t++);
  lead = g_strdup (t);
  g_strchomp (lead);
  {
    /* The previous run ended with the same mark (and maybe spaces after
     * it): reopen it rather than write "**bold** **words**". */
    gsize len = dx->para->len, spaces = 0;

    while (spaces < len && dx->para->str[len - spaces - 1] == ' ')
      spaces++;
    if (len - spaces >= mlen && strncmp (dx->para->str + len - spaces - mlen, mark, mlen) == 0
        && (len - spaces == mlen || dx->para->str[len - spaces - mlen - 1] != '*'))
      g_string_erase (dx->para, len - spaces - mlen, mlen);
    else
      {
        /* Spaces that led this run went before its opening mark. */
        g_string_append (dx->para, mark);
      }
  }
  g_string_append (dx->para, lead);
  g_string_append (dx->para, mark);
  for (gsize i = strlen (t) - strlen (lead); i > 0; i--)
    g_string_append_c (dx->para, ' ');
}

static void
end_paragraph (Docx *dx)
{
  g_autofree char *md = g_strstrip (g_strdup (dx->para->str));
  g_autofree char *plain = g_strstrip (g_strdup (dx->plain->str));
  int level = 0, kind = 0;

  style_resolved (dx, dx->style, &level, &kind);
  if (dx->outline >= 0 && dx->outline < 9)
    level = dx->outline + 1;
  g_string_truncate (dx->para, 0);
  g_string_truncate (dx->plain, 0);

  if (dx->table_depth > 0)
    {
      if (dx->cell)
        {
          if (dx->cell->len && *plain)
            g_string_append_c (dx->cell, ' ');
          g_string_append (dx->cell, plain);
        }
      goto done;
    }
  if (*plain == '\0' || kind == 2)
    goto done;
  if (level == -1)
    {
      flush_list (dx);
      add (dx, PL_BLOCK_TITLE, 0, plain);
    }
  else if (level > 0)
    {
      flush_list (dx);
      flush_notes (dx);
      add (dx, PL_BLOCK_HEADING, level, plain);
    }
  else if (kind == 3)
    {
      flush_list (dx);
      add (dx, PL_BLOCK_ITEM, 1, plain);
    }
  else if (kind == 4 && dx->blocks->len > 0
           && ((PlImportBlock *) g_ptr_array_index (dx->blocks, dx->blocks->len - 1))->kind == PL_BLOCK_ITEM)
    {
      PlImportBlock *item = g_ptr_array_index (dx->blocks, dx->blocks->len - 1);
      char *joined = g_strconcat (item->text, "\n", plain, NULL);

      g_free (item->text);
      item->text = joined;
    }
  else if (kind == 5)
    omitted (dx, _("Title page details"));
  else if (dx->num_id && !g_str_equal (dx->num_id, "0"))
    {
      g_autofree char *key = g_strdup_printf ("%s:%d", dx->num_id, dx->ilvl);
      gboolean ordered = GPOINTER_TO_INT (g_hash_table_lookup (dx->numbered, key));
      int n = GPOINTER_TO_INT (g_hash_table_lookup (dx->counters, key)) + 1;

      g_hash_table_replace (dx->counters, g_strdup (key), GINT_TO_POINTER (n));
      if (ordered && dx->ilvl == 0)
        {
          flush_list (dx);
          add (dx, PL_BLOCK_ITEM, n, plain);
        }
      else
        {
          for (int i = 0; i < dx->ilvl; i++)
            g_string_append (dx->list, "   ");
          if (ordered)
            g_string_append_printf (dx->list, "%d. %s\n", n, md);
          else
            g_string_append_printf (dx->list, "- %s\n", md);
        }
    }
  else if (kind == 1)
    {
      g_autofree char *quoted = g_strconcat ("> ", md, NULL);
      flush_list (dx);
      add (dx, PL_BLOCK_MARKDOWN, 0, quoted);
    }
  else
    {
      flush_list (dx);
      add (dx, PL_BLOCK_MARKDOWN, 0, md);
    }
done:
  g_clear_pointer (&dx->style, g_free);
  g_clear_pointer (&dx->num_id, g_free);
  dx->outline = -1;
  dx->ilvl = 0;
}

static gboolean
on_off (xmlTextReaderPtr r)
{
  g_autofree char *v = attr (r, "w:val");
  return v == NULL || !(g_str_equal (v, "0") || g_str_equal (v, "false") || g_str_equal (v, "off"));
}

static gboolean
read_document (Docx    *dx,
               GBytes  *bytes,
               GError **error)
{
  xmlTextReaderPtr r = reader_for (bytes);
  int ret;

  if (r == NULL)
    return malformed (NULL, -1, "word/document.xml", error);
  while ((ret = xmlTextReaderRead (r)) == 1)
    {
      const char *el = name_of (r);
      int type = xmlTextReaderNodeType (r);
      gboolean empty = xmlTextReaderIsEmptyElement (r);

      if (dx->skip_depth > 0)
        {
          if (type == XML_READER_TYPE_ELEMENT && !empty)
            dx->skip_depth++;
          else if (type == XML_READER_TYPE_END_ELEMENT)
            dx->skip_depth--;
          continue;
        }
      if (type == XML_READER_TYPE_ELEMENT)
        {
          if (is (el, "w:del") || is (el, "mc:Fallback") || is (el, "w:txbxContent"))
            {
              if (is (el, "w:txbxContent"))
                omitted (dx, _("A text box"));
              if (!empty)
                dx->skip_depth = 1;
            }
          else if (is (el, "w:p"))
            {
              g_string_truncate (dx->para, 0);
              g_string_truncate (dx->plain, 0);
              dx->bold = dx->italic = FALSE;
              if (empty)
                end_paragraph (dx);
            }
          else if (is (el, "w:pStyle"))
            {
              g_free (dx->style);
              dx->style = attr (r, "w:val");
            }
          else if (is (el, "w:outlineLvl"))
            {
              g_autofree char *v = attr (r, "w:val");
              dx->outline = v ? atoi (v) : -1;
            }
          else if (is (el, "w:numId"))
            {
              g_free (dx->num_id);
              dx->num_id = attr (r, "w:val");
            }
          else if (is (el, "w:ilvl"))
            {
              g_autofree char *v = attr (r, "w:val");
              dx->ilvl = v ? CLAMP (atoi (v), 0, 8) : 0;
            }
          else if (is (el, "w:r"))
            dx->bold = dx->italic = FALSE;
          else if (is (el, "w:rPr"))
            dx->in_run_props = !empty;
          else if (dx->in_run_props && is (el, "w:b"))
            dx->bold = on_off (r);
          else if (dx->in_run_props && is (el, "w:i"))
            dx->italic = on_off (r);
          else if (is (el, "w:tab"))
            run_text (dx, " ");
          else if (is (el, "w:br") || is (el, "w:cr"))
            {
              g_string_append (dx->para, "  \n");
              g_string_append_c (dx->plain, ' ');
            }
          else if (is (el, "w:hyperlink"))
            {
              g_autofree char *id = attr (r, "r:id");
              const char *target = id ? g_hash_table_lookup (dx->rels, id) : NULL;

              g_clear_pointer (&dx->link, g_free);
              if (target && (g_str_has_prefix (target, "http://") || g_str_has_prefix (target, "https://")
                             || g_str_has_prefix (target, "mailto:")))
                {
                  dx->link = g_strdup (target);
                  dx->link_start = dx->para->len;
                }
            }
          else if (is (el, "w:footnoteReference"))
            {
              g_autofree char *id = attr (r, "w:id");
              const char *note = id ? g_hash_table_lookup (dx->footnotes, id) : NULL;
              guint n = 0;

              for (const char *p = dx->notes->str; (p = strstr (p, "\n[")); p++)
                n++;
              n += dx->notes->len > 0;
              if (note)
                {
                  g_autofree char *escaped = pl_import_escape_inline (note);

                  g_string_append_printf (dx->para, "\\[%u\\]", n + 1);
                  g_string_append_printf (dx->notes, "%s\\[%u\\] %s", dx->notes->len ? "  \n" : "", n + 1, escaped);
                }
            }
          else if (is (el, "wp:docPr") || is (el, "pic:cNvPr"))
            {
              if (is (el, "wp:docPr"))
                {
                  g_autofree char *name = attr (r, "name");
                  g_autofree char *what = g_strdup_printf (_("Image “%s”"), name ? name : "");
                  omitted (dx, what);
                }
            }
          else if (is (el, "w:pict") || is (el, "w:object"))
            {
              omitted (dx, _("An image or embedded object"));
              if (!empty)
                dx->skip_depth = 1;
            }
          else if (is (el, "w:instrText") || is (el, "w:fldSimple"))
            {
              if (is (el, "w:fldSimple"))
                {
                  g_autofree char *instr = attr (r, "w:instr");
                  g_autofree char *what = g_strdup_printf (_("A field (%s); its last shown text was kept"), instr ? g_strstrip (instr) : "");
                  omitted (dx, what);
                }
              else
                dx->field_instr = TRUE;
            }
          else if (is (el, "w:commentReference"))
            omitted (dx, _("A comment"));
          else if (is (el, "w:tbl"))
            {
              if (dx->table_depth++ == 0)
                {
                  flush_list (dx);
                  dx->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
                }
              else
                omitted (dx, _("A table inside a table (its cells were kept as text)"));
            }
          else if (is (el, "w:tr") && dx->table_depth == 1)
            dx->cells = g_ptr_array_new_with_free_func (g_free);
          else if (is (el, "w:tc") && dx->table_depth == 1 && dx->cells)
            dx->cell = g_string_new (NULL);
        }
      else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)
        {
          const char *v = (const char *) xmlTextReaderConstValue (r);

          if (dx->field_instr)
            {
              g_autofree char *instr = g_strstrip (g_strdup (v ? v : ""));
              g_autofree char *what = g_strdup_printf (_("A field (%s); its last shown text was kept"), instr);
              omitted (dx, what);
              dx->field_instr = FALSE;
            }
          else if (v)
            run_text (dx, v);
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        {
          if (is (el, "w:p"))
            end_paragraph (dx);
          else if (is (el, "w:rPr"))
            dx->in_run_props = FALSE;
          else if (is (el, "w:instrText"))
            dx->field_instr = FALSE;
          else if (is (el, "w:hyperlink") && dx->link)
            {
              g_autofree char *text = g_strdup (dx->para->str + dx->link_start);

              g_string_truncate (dx->para, dx->link_start);
              g_string_append_printf (dx->para, "[%s](<%s>)", text, dx->link);
              g_clear_pointer (&dx->link, g_free);
            }
          else if (is (el, "w:tc") && dx->table_depth == 1 && dx->cell && dx->cells)
            g_ptr_array_add (dx->cells, g_string_free (g_steal_pointer (&dx->cell), FALSE));
          else if (is (el, "w:tr") && dx->table_depth == 1 && dx->cells)
            {
              GPtrArray *cells = g_steal_pointer (&dx->cells);

              g_ptr_array_set_free_func (cells, NULL);
              g_ptr_array_add (cells, NULL);
              g_ptr_array_add (dx->rows, g_ptr_array_free (cells, FALSE));
            }
          else if (is (el, "w:tbl") && --dx->table_depth == 0)
            {
              PlImportBlock *block = pl_import_block_new (PL_BLOCK_TABLE, 0, NULL);

              block->rows = g_steal_pointer (&dx->rows);
              g_ptr_array_add (dx->blocks, block);
            }
        }
    }
  if (!malformed (r, ret, "word/document.xml", error))
    return FALSE;
  flush_list (dx);
  flush_notes (dx);
  return TRUE;
}

gboolean
pl_import_read_docx (GBytes     *bytes,
                     GPtrArray  *blocks,
                     GError    **error)
{
  static const char *const wanted[] = {
    "word/document.xml", "word/styles.xml", "word/numbering.xml",
    "word/_rels/document.xml.rels", "word/footnotes.xml", "mimetype",
    "META-INF/manifest.xml", NULL
  };
  g_autoptr(GHashTable) parts = pl_import_zip_read (bytes, wanted, error);
  Docx dx = { 0 };
  gboolean ok;

  if (parts == NULL)
    return FALSE;
  if (g_hash_table_lookup (parts, "word/document.xml") == NULL)
    {
      if (g_hash_table_lookup (parts, "mimetype") || g_hash_table_lookup (parts, "META-INF/manifest.xml"))
        g_set_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_UNSUPPORTED, "odt");
      else
        g_set_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_MALFORMED,
                     _("This zip file is not a Word document (it has no word/document.xml). Open the draft in Word or LibreOffice, save it as .docx and import that."));
      return FALSE;
    }
  dx.styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) style_free);
  dx.numbered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  dx.rels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  dx.footnotes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  dx.counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  dx.blocks = blocks;
  dx.para = g_string_new (NULL);
  dx.plain = g_string_new (NULL);
  dx.list = g_string_new (NULL);
  dx.notes = g_string_new (NULL);
  dx.outline = -1;

  ok = read_styles (&dx, g_hash_table_lookup (parts, "word/styles.xml"), error)
       && read_numbering (&dx, g_hash_table_lookup (parts, "word/numbering.xml"), error)
       && read_rels (&dx, g_hash_table_lookup (parts, "word/_rels/document.xml.rels"), error)
       && read_footnotes (&dx, g_hash_table_lookup (parts, "word/footnotes.xml"), error)
       && read_document (&dx, g_hash_table_lookup (parts, "word/document.xml"), error);

  g_hash_table_unref (dx.styles);
  g_hash_table_unref (dx.numbered);
  g_hash_table_unref (dx.rels);
  g_hash_table_unref (dx.footnotes);
  g_hash_table_unref (dx.counters);
  g_string_free (dx.para, TRUE);
  g_string_free (dx.plain, TRUE);
  g_string_free (dx.list, TRUE);
  g_string_free (dx.notes, TRUE);
  g_free (dx.style);
  g_free (dx.num_id);
  g_free (dx.link);
  if (dx.cell)
    g_string_free (dx.cell, TRUE);
  if (dx.cells)
    g_ptr_array_free (dx.cells, TRUE);
  g_clear_pointer (&dx.rows, g_ptr_array_unref);
  return ok;
}
