/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <libxml/xmlreader.h>
#include <glib/gi18n-lib.h>

#include "pl-import-private.h"

/* ODT: content.xml with libxml2's streaming reader (no network, no DTD, no
 * entities). Headings are text:h with text:outline-level; emphasis comes
 * from the automatic styles' font weight and style; lists are numbered or
 * bulleted by their list style. */

#define XML_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)

typedef struct {
  char    *parent;
  gboolean bold, italic;
  int      outline;   /* style:default-outline-level, 0 none */
} TextStyle;

static void
text_style_free (TextStyle *s)
{
  g_free (s->parent);
  g_free (s);
}

typedef struct {
  GHashTable *styles;      /* name -> TextStyle */
  GHashTable *lists;       /* "name:level" -> GINT ordered + 1 */
  GPtrArray  *blocks;
  GString    *para, *plain, *list, *notes, *cell;
  GPtrArray  *rows, *cells;
  GPtrArray  *span_stack;  /* TextStyle * or NULL per open span */
  GPtrArray  *list_styles; /* char * per open text:list */
  char       *para_style;
  int         heading;     /* outline level of the open text:h, 0 in text:p */
  int         table_depth;
  int         skip_depth;
  int         item_counter;
  char       *link;
  gsize       link_start;
  gboolean    in_note_body;
  GString    *note;
} Odt;

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
finish (xmlTextReaderPtr r,
        int              ret,
        const char      *part,
        GError         **error)
{
  if (r)
    xmlFreeTextReader (r);
  if (ret < 0)
    {
      g_set_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_MALFORMED,
                   _("The document is damaged: its part “%s” is not well-formed XML. Open it in LibreOffice, save it again and import that."), part);
      return FALSE;
    }
  return TRUE;
}

static xmlTextReaderPtr
reader_for (GBytes *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  return xmlReaderForMemory (data, (int) MIN (len, G_MAXINT), NULL, NULL, XML_OPTIONS);
}

/* Styles from styles.xml and content.xml's automatic styles alike. */
static gboolean
read_styles (Odt        *odt,
             GBytes     *bytes,
             const char *part,
             GError    **error)
{
  xmlTextReaderPtr r;
  TextStyle *cur = NULL;
  g_autofree char *list = NULL;
  int ret;

  if (bytes == NULL)
    return TRUE;
  if ((r = reader_for (bytes)) == NULL)
    return finish (NULL, -1, part, error);
  while ((ret = xmlTextReaderRead (r)) == 1)
    {
      const char *el = name_of (r);

      if (xmlTextReaderNodeType (r) != XML_READER_TYPE_ELEMENT)
        continue;
      if (is (el, "office:body"))
        break;
      if (is (el, "style:style"))
        {
          g_autofree char *name = attr (r, "style:name");

          cur = g_new0 (TextStyle, 1);
          g_autofree char *outline = attr (r, "style:default-outline-level");

          cur->parent = attr (r, "style:parent-style-name");
          cur->outline = outline ? CLAMP (atoi (outline), 0, 9) : 0;
          /* The built-in "Heading N" styles take their level from the
           * outline numbering, not an attribute of their own. */
          if (cur->outline == 0 && name && g_str_has_prefix (name, "Heading_20_") && g_ascii_isdigit (name[11]) && name[12] == '\0')
            cur->outline = name[11] - '0';
          g_hash_table_replace (odt->styles, g_strdup (name ? name : ""), cur);
        }
      else if (cur && is (el, "style:text-properties"))
        {
          g_autofree char *weight = attr (r, "fo:font-weight");
          g_autofree char *style = attr (r, "fo:font-style");

          cur->bold = weight && (g_str_equal (weight, "bold") || atoi (weight) >= 600);
          cur->italic = style && (g_str_equal (style, "italic") || g_str_equal (style, "oblique"));
        }
      else if (is (el, "text:list-style"))
        {
          g_free (list);
          list = attr (r, "style:name");
        }
      else if (list && (is (el, "text:list-level-style-number") || is (el, "text:list-level-style-bullet")))
        {
          g_autofree char *level = attr (r, "text:level");
          g_autofree char *format = attr (r, "style:num-format");
          gboolean ordered = is (el, "text:list-level-style-number") && format && *format;

          g_hash_table_replace (odt->lists, g_strdup_printf ("%s:%s", list, level ? level : "1"),
                                GINT_TO_POINTER (ordered + 1));
        }
    }
  return finish (r, ret, part, error);
}

static TextStyle *
style_of (Odt        *odt,
          const char *name)
{
  return name ? g_hash_table_lookup (odt->styles, name) : NULL;
}

/* A text:p whose style is (based on) a heading style is a heading too:
 * LibreOffice writes the first heading of a page style that way. */
static int
para_outline (Odt *odt)
{
  const char *name = odt->para_style;

  for (int i = 0; name && i < 16; i++)
    {
      TextStyle *s = g_hash_table_lookup (odt->styles, name);

      if (s == NULL)
        break;
      if (s->outline > 0)
        return s->outline;
      name = s->parent;
    }
  return 0;
}

/* Whether the open paragraph's style is @style or derives from it. */
static gboolean
para_is (Odt        *odt,
         const char *style)
{
  const char *name = odt->para_style;

  for (int i = 0; name && i < 16; i++)
    {
      TextStyle *s;

      if (g_str_equal (name, style))
        return TRUE;
      s = g_hash_table_lookup (odt->styles, name);
      name = s ? s->parent : NULL;
    }
  return FALSE;
}

static void
add (Odt         *odt,
     PlBlockKind  kind,
     int          level,
     const char  *text)
{
  g_ptr_array_add (odt->blocks, pl_import_block_new (kind, level, text));
}

static void
flush_list (Odt *odt)
{
  if (odt->list->len == 0)
    return;
  add (odt, PL_BLOCK_MARKDOWN, 0, odt->list->str);
  g_string_truncate (odt->list, 0);
}

static void
emphasis (Odt      *odt,
          gboolean *bold,
          gboolean *italic)
{
  *bold = *italic = FALSE;
  for (guint i = 0; i < odt->span_stack->len; i++)
    {
      TextStyle *s = g_ptr_array_index (odt->span_stack, i);

      if (s)
        {
          *bold = *bold || s->bold;
          *italic = *italic || s->italic;
        }
    }
}

static void
text (Odt        *odt,
      const char *value)
{
  g_autofree char *escaped = pl_import_escape_inline (value);
  g_autofree char *trimmed = g_strstrip (g_strdup (escaped));
  gboolean bold, italic;
  const char *mark;

  if (odt->in_note_body)
    {
      g_string_append (odt->note, value);
      return;
    }
  emphasis (odt, &bold, &italic);
  mark = bold && italic ? "***" : bold ? "**" : italic ? "*" : "";
  g_string_append (odt->plain, value);
  if (*mark == '\0' || *trimmed == '\0')
    g_string_append (odt->para, escaped);
  else
    {
      if (g_ascii_isspace (escaped[0]))
        g_string_append_c (odt->para, ' ');
      g_string_append_printf (odt->para, "%s%s%s", mark, trimmed, mark);
      if (g_ascii_isspace (escaped[strlen (escaped) - 1]))
        g_string_append_c (odt->para, ' ');
    }
}

static void
end_paragraph (Odt *odt)
{
  g_autofree char *md = g_strstrip (g_strdup (odt->para->str));
  g_autofree char *plain = g_strstrip (g_strdup (odt->plain->str));
  guint depth = odt->list_styles->len;

  g_string_truncate (odt->para, 0);
  g_string_truncate (odt->plain, 0);
  if (odt->table_depth > 0)
    {
      if (odt->cell)
        {
          if (odt->cell->len && *plain)
            g_string_append_c (odt->cell, ' ');
          g_string_append (odt->cell, plain);
        }
      return;
    }
  if (*plain == '\0')
    return;
  if (odt->heading == 0 && depth == 0 && !para_is (odt, "Title"))
    odt->heading = para_outline (odt);
  if (odt->heading > 0)
    {
      flush_list (odt);
      if (odt->notes->len)
        {
          add (odt, PL_BLOCK_MARKDOWN, 0, odt->notes->str);
          g_string_truncate (odt->notes, 0);
        }
      add (odt, PL_BLOCK_HEADING, odt->heading, plain);
    }
  else if (para_is (odt, "Title"))
    add (odt, PL_BLOCK_TITLE, 0, plain);
  else if (para_is (odt, "Action_20_Title") || para_is (odt, "ActionTitle"))
    {
      flush_list (odt);
      add (odt, PL_BLOCK_ITEM, 1, plain);
    }
  else if ((para_is (odt, "Action_20_Details") || para_is (odt, "ActionDetail")) && odt->blocks->len
           && ((PlImportBlock *) g_ptr_array_index (odt->blocks, odt->blocks->len - 1))->kind == PL_BLOCK_ITEM)
    {
      PlImportBlock *item = g_ptr_array_index (odt->blocks, odt->blocks->len - 1);
      char *joined = g_strconcat (item->text, "\n", plain, NULL);

      g_free (item->text);
      item->text = joined;
    }
  else if (para_is (odt, "TitleMetaLast") || (odt->para_style && g_str_has_prefix (odt->para_style, "Title_20_Page")))
    add (odt, PL_BLOCK_OMITTED, 0, _("Title page details"));
  else if (para_is (odt, "Contents_20_Heading"))
    ;
  else if (depth > 0)
    {
      const char *outer = g_ptr_array_index (odt->list_styles, 0);
      g_autofree char *key = g_strdup_printf ("%s:%u", outer ? outer : "", depth);
      gboolean ordered = GPOINTER_TO_INT (g_hash_table_lookup (odt->lists, key)) == 2;

      if (ordered && depth == 1)
        {
          flush_list (odt);
          add (odt, PL_BLOCK_ITEM, ++odt->item_counter, plain);
        }
      else
        {
          for (guint i = 1; i < depth; i++)
            g_string_append (odt->list, "   ");
          if (ordered)
            g_string_append_printf (odt->list, "1. %s\n", md);
          else
            g_string_append_printf (odt->list, "- %s\n", md);
        }
    }
  else if (para_is (odt, "Quotations"))
    {
      g_autofree char *quoted = g_strconcat ("> ", md, NULL);
      flush_list (odt);
      add (odt, PL_BLOCK_MARKDOWN, 0, quoted);
    }
  else
    {
      flush_list (odt);
      add (odt, PL_BLOCK_MARKDOWN, 0, md);
    }
}

static gboolean
read_content (Odt     *odt,
              GBytes  *bytes,
              GError **error)
{
  xmlTextReaderPtr r = reader_for (bytes);
  gboolean body = FALSE;
  int ret;

  if (r == NULL)
    return finish (NULL, -1, "content.xml", error);
  while ((ret = xmlTextReaderRead (r)) == 1)
    {
      const char *el = name_of (r);
      int type = xmlTextReaderNodeType (r);
      gboolean empty = xmlTextReaderIsEmptyElement (r);

      if (odt->skip_depth > 0)
        {
          if (type == XML_READER_TYPE_ELEMENT && !empty)
            odt->skip_depth++;
          else if (type == XML_READER_TYPE_END_ELEMENT)
            odt->skip_depth--;
          continue;
        }
      if (type == XML_READER_TYPE_ELEMENT)
        {
          if (is (el, "office:body"))
            body = TRUE;
          if (!body)
            continue;
          if (is (el, "text:table-of-content") || is (el, "text:tracked-changes") || is (el, "office:annotation")
              || is (el, "draw:frame") || is (el, "text:sequence-decls") || is (el, "office:forms"))
            {
              if (is (el, "office:annotation"))
                add (odt, PL_BLOCK_OMITTED, 0, _("A comment"));
              else if (is (el, "draw:frame"))
                {
                  g_autofree char *name = attr (r, "draw:name");
                  g_autofree char *what = g_strdup_printf (_("Image or text box “%s”"), name ? name : "");
                  add (odt, PL_BLOCK_OMITTED, 0, what);
                }
              if (!empty)
                odt->skip_depth = 1;
            }
          else if (is (el, "text:p") || is (el, "text:h"))
            {
              g_autofree char *level = is (el, "text:h") ? attr (r, "text:outline-level") : NULL;

              g_free (odt->para_style);
              odt->para_style = attr (r, "text:style-name");
              odt->heading = is (el, "text:h") ? (level ? CLAMP (atoi (level), 1, 9) : 1) : 0;
              g_ptr_array_set_size (odt->span_stack, 0);
              g_ptr_array_add (odt->span_stack, style_of (odt, odt->para_style));
              if (empty)
                end_paragraph (odt);
            }
          else if (is (el, "text:span") && !empty)
            {
              g_autofree char *name = attr (r, "text:style-name");
              g_ptr_array_add (odt->span_stack, style_of (odt, name));
            }
          else if (is (el, "text:s"))
            text (odt, " ");
          else if (is (el, "text:tab"))
            text (odt, " ");
          else if (is (el, "text:line-break"))
            g_string_append (odt->para, "  \n");
          else if (is (el, "text:a"))
            {
              g_autofree char *href = attr (r, "xlink:href");

              g_clear_pointer (&odt->link, g_free);
              if (href && (g_str_has_prefix (href, "http://") || g_str_has_prefix (href, "https://")
                           || g_str_has_prefix (href, "mailto:")))
                {
                  odt->link = g_strdup (href);
                  odt->link_start = odt->para->len;
                }
            }
          else if (is (el, "text:note-citation"))
            {
              if (!empty)
                odt->skip_depth = 1;
            }
          else if (is (el, "text:note-body"))
            {
              odt->in_note_body = TRUE;
              g_string_truncate (odt->note, 0);
            }
          else if (is (el, "text:list"))
            {
              g_autofree char *name = attr (r, "text:style-name");
              const char *outer = odt->list_styles->len ? g_ptr_array_index (odt->list_styles, 0) : NULL;

              if (odt->list_styles->len == 0)
                odt->item_counter = 0;
              g_ptr_array_add (odt->list_styles, g_strdup (name ? name : outer));
            }
          else if (is (el, "text:table-of-content") || is (el, "text:user-field-get") || is (el, "text:page-number"))
            add (odt, PL_BLOCK_OMITTED, 0, _("A field; its shown text was kept"));
          else if (is (el, "table:table"))
            {
              if (odt->table_depth++ == 0)
                {
                  flush_list (odt);
                  odt->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
                }
              else
                add (odt, PL_BLOCK_OMITTED, 0, _("A table inside a table (its cells were kept as text)"));
            }
          else if (is (el, "table:table-row") && odt->table_depth == 1)
            odt->cells = g_ptr_array_new_with_free_func (g_free);
          else if (is (el, "table:table-cell") && odt->table_depth == 1 && odt->cells)
            {
              odt->cell = g_string_new (NULL);
              if (empty)
                g_ptr_array_add (odt->cells, g_string_free (g_steal_pointer (&odt->cell), FALSE));
            }
        }
      else if (body && (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE))
        text (odt, (const char *) xmlTextReaderConstValue (r));
      else if (body && type == XML_READER_TYPE_END_ELEMENT)
        {
          if (is (el, "text:p") || is (el, "text:h"))
            {
              if (!odt->in_note_body)
                end_paragraph (odt);
              else
                g_string_append_c (odt->note, ' ');
            }
          else if (is (el, "text:span") && odt->span_stack->len > 1)
            g_ptr_array_set_size (odt->span_stack, odt->span_stack->len - 1);
          else if (is (el, "text:note-body"))
            {
              g_autofree char *escaped = pl_import_escape_inline (g_strstrip (odt->note->str));
              guint n = 1;

              for (const char *p = odt->notes->str; (p = strstr (p, "\\[")); p++)
                n++;
              odt->in_note_body = FALSE;
              g_string_append_printf (odt->para, "\\[%u\\]", n);
              g_string_append_printf (odt->notes, "%s\\[%u\\] %s", odt->notes->len ? "  \n" : "", n, escaped);
            }
          else if (is (el, "text:a") && odt->link)
            {
              g_autofree char *inner = g_strdup (odt->para->str + odt->link_start);

              g_string_truncate (odt->para, odt->link_start);
              g_string_append_printf (odt->para, "[%s](<%s>)", inner, odt->link);
              g_clear_pointer (&odt->link, g_free);
            }
          else if (is (el, "text:list") && odt->list_styles->len)
            g_ptr_array_set_size (odt->list_styles, odt->list_styles->len - 1);
          else if (is (el, "table:table-cell") && odt->table_depth == 1 && odt->cell && odt->cells)
            g_ptr_array_add (odt->cells, g_string_free (g_steal_pointer (&odt->cell), FALSE));
          else if (is (el, "table:table-row") && odt->table_depth == 1 && odt->cells)
            {
              GPtrArray *cells = g_steal_pointer (&odt->cells);

              g_ptr_array_set_free_func (cells, NULL);
              g_ptr_array_add (cells, NULL);
              g_ptr_array_add (odt->rows, g_ptr_array_free (cells, FALSE));
            }
          else if (is (el, "table:table") && --odt->table_depth == 0)
            {
              PlImportBlock *block = pl_import_block_new (PL_BLOCK_TABLE, 0, NULL);

              block->rows = g_steal_pointer (&odt->rows);
              g_ptr_array_add (odt->blocks, block);
            }
        }
    }
  if (!finish (r, ret, "content.xml", error))
    return FALSE;
  flush_list (odt);
  if (odt->notes->len)
    add (odt, PL_BLOCK_MARKDOWN, 0, odt->notes->str);
  return TRUE;
}

gboolean
pl_import_read_odt (GBytes     *bytes,
                    GPtrArray  *blocks,
                    GError    **error)
{
  static const char *const wanted[] = { "mimetype", "content.xml", "styles.xml", "META-INF/manifest.xml", NULL };
  g_autoptr(GHashTable) parts = pl_import_zip_read (bytes, wanted, error);
  GBytes *manifest, *mimetype;
  Odt odt = { 0 };
  gboolean ok;

  if (parts == NULL)
    return FALSE;
  manifest = g_hash_table_lookup (parts, "META-INF/manifest.xml");
  mimetype = g_hash_table_lookup (parts, "mimetype");
  if (manifest && g_strstr_len (g_bytes_get_data (manifest, NULL), g_bytes_get_size (manifest), "encryption-data"))
    {
      g_set_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_ENCRYPTED,
                   _("This document is protected by a password. Open it in LibreOffice, remove the password (File › Properties › Security), save it and import that copy."));
      return FALSE;
    }
  if (mimetype && !g_strstr_len (g_bytes_get_data (mimetype, NULL), g_bytes_get_size (mimetype), "opendocument.text"))
    {
      g_set_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_UNSUPPORTED,
                   _("This OpenDocument file is not a text document (it may be a spreadsheet or presentation). Import the draft saved as .odt or .docx."));
      return FALSE;
    }
  if (g_hash_table_lookup (parts, "content.xml") == NULL)
    {
      g_set_error (error, PL_IMPORT_ERROR, PL_IMPORT_ERROR_MALFORMED,
                   _("This zip file is neither a Word nor an OpenDocument text document. Open the draft in Word or LibreOffice, save it as .docx or .odt and import that."));
      return FALSE;
    }
  odt.styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) text_style_free);
  odt.lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  odt.blocks = blocks;
  odt.para = g_string_new (NULL);
  odt.plain = g_string_new (NULL);
  odt.list = g_string_new (NULL);
  odt.notes = g_string_new (NULL);
  odt.note = g_string_new (NULL);
  odt.span_stack = g_ptr_array_new ();
  odt.list_styles = g_ptr_array_new_with_free_func (g_free);

  ok = read_styles (&odt, g_hash_table_lookup (parts, "styles.xml"), "styles.xml", error)
       && read_styles (&odt, g_hash_table_lookup (parts, "content.xml"), "content.xml", error)
       && read_content (&odt, g_hash_table_lookup (parts, "content.xml"), error);

  g_hash_table_unref (odt.styles);
  g_hash_table_unref (odt.lists);
  g_string_free (odt.para, TRUE);
  g_string_free (odt.plain, TRUE);
  g_string_free (odt.list, TRUE);
  g_string_free (odt.notes, TRUE);
  g_string_free (odt.note, TRUE);
  g_ptr_array_unref (odt.span_stack);
  g_ptr_array_unref (odt.list_styles);
  g_free (odt.para_style);
  g_free (odt.link);
  if (odt.cell)
    g_string_free (odt.cell, TRUE);
  if (odt.cells)
    g_ptr_array_unref (odt.cells);
  g_clear_pointer (&odt.rows, g_ptr_array_unref);
  return ok;
}
