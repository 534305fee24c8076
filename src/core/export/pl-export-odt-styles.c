/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-i18n.h"

#include "pl-export-odt-private.h"

/* ---- styles ---- */

void
pl_export_odt_start_root (xmlTextWriterPtr  w,
                          const char       *name)
{
  start (w, name, "xmlns:office", NS_OFFICE, "xmlns:style", NS_STYLE, "xmlns:text", NS_TEXT,
         "xmlns:table", NS_TABLE, "xmlns:fo", NS_FO, "xmlns:svg", NS_SVG, "xmlns:xlink", NS_XLINK,
         "xmlns:dc", NS_DC, "xmlns:meta", NS_META, "office:version", "1.3", NULL);
}

void
pl_export_odt_write_font_faces (xmlTextWriterPtr w)
{
  static const struct { PlExportFont font; const char *generic, *pitch; } faces[] = {
    { PL_EXPORT_FONT_SERIF, "roman", "variable" },
    { PL_EXPORT_FONT_SANS, "swiss", "variable" },
    { PL_EXPORT_FONT_MONO, "modern", "fixed" },
  };

  start (w, "office:font-face-decls", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (faces); i++)
    {
      const char *name = pl_export_font_name (faces[i].font);
      g_autofree char *family = g_strdup_printf ("'%s'", name);

      element (w, "style:font-face", "style:name", name, "svg:font-family", family,
               "style:font-family-generic", faces[i].generic, "style:font-pitch", faces[i].pitch, NULL);
    }
  end (w);
}

static void
write_pt (xmlTextWriterPtr  w,
          const char       *attribute,
          int               twips)
{
  char value[32];

  g_snprintf (value, sizeof value, "%gpt", twips / 20.0);
  xmlTextWriterWriteAttribute (w, BAD_CAST attribute, BAD_CAST value);
}

static void
write_border_side (xmlTextWriterPtr  w,
                   const char       *attribute,
                   const char       *width,
                   const char       *color)
{
  g_autofree char *value = g_strdup_printf ("%s solid #%s", width, color);

  xmlTextWriterWriteAttribute (w, BAD_CAST attribute, BAD_CAST value);
}

static void
write_text_properties (xmlTextWriterPtr     w,
                       const PlExportStyle *s)
{
  start (w, "style:text-properties", NULL);
  if (s->font != PL_EXPORT_FONT_SERIF)
    xmlTextWriterWriteAttribute (w, BAD_CAST "style:font-name", BAD_CAST pl_export_font_name (s->font));
  if (s->size)
    {
      char size[16];

      g_snprintf (size, sizeof size, "%gpt", s->size / 2.0);
      xmlTextWriterWriteAttribute (w, BAD_CAST "fo:font-size", BAD_CAST size);
      xmlTextWriterWriteAttribute (w, BAD_CAST "style:font-size-complex", BAD_CAST size);
    }
  if (s->bold)
    {
      xmlTextWriterWriteAttribute (w, BAD_CAST "fo:font-weight", BAD_CAST "bold");
      xmlTextWriterWriteAttribute (w, BAD_CAST "style:font-weight-complex", BAD_CAST "bold");
    }
  if (s->italic)
    {
      xmlTextWriterWriteAttribute (w, BAD_CAST "fo:font-style", BAD_CAST "italic");
      xmlTextWriterWriteAttribute (w, BAD_CAST "style:font-style-complex", BAD_CAST "italic");
    }
  if (s->caps)
    xmlTextWriterWriteAttribute (w, BAD_CAST "fo:text-transform", BAD_CAST "uppercase");
  if (s->underline)
    {
      xmlTextWriterWriteAttribute (w, BAD_CAST "style:text-underline-style", BAD_CAST "solid");
      xmlTextWriterWriteAttribute (w, BAD_CAST "style:text-underline-width", BAD_CAST "auto");
      xmlTextWriterWriteAttribute (w, BAD_CAST "style:text-underline-color", BAD_CAST "font-color");
    }
  if (s->color)
    {
      g_autofree char *color = g_strconcat ("#", s->color, NULL);

      xmlTextWriterWriteAttribute (w, BAD_CAST "fo:color", BAD_CAST color);
    }
  end (w);
}

static void
write_paragraph_properties (xmlTextWriterPtr     w,
                            const PlExportStyle *s)
{
  start (w, "style:paragraph-properties", NULL);
  if (s->before || s->after || s->line)
    {
      char line[16];

      write_pt (w, "fo:margin-top", s->before);
      write_pt (w, "fo:margin-bottom", s->after);
      g_snprintf (line, sizeof line, "%d%%", (s->line ? s->line : 264) * 100 / 240);
      xmlTextWriterWriteAttribute (w, BAD_CAST "fo:line-height", BAD_CAST line);
    }
  if (s->indent)
    write_pt (w, "fo:margin-left", s->indent);
  if (s->center)
    xmlTextWriterWriteAttribute (w, BAD_CAST "fo:text-align", BAD_CAST "center");
  else if (s->justify)
    xmlTextWriterWriteAttribute (w, BAD_CAST "fo:text-align", BAD_CAST "justify");
  if (s->keep)
    {
      xmlTextWriterWriteAttribute (w, BAD_CAST "fo:keep-with-next", BAD_CAST "always");
      xmlTextWriterWriteAttribute (w, BAD_CAST "fo:keep-together", BAD_CAST "always");
    }
  if (s->shade)
    {
      g_autofree char *color = g_strconcat ("#", s->shade, NULL);

      xmlTextWriterWriteAttribute (w, BAD_CAST "fo:background-color", BAD_CAST color);
      xmlTextWriterWriteAttribute (w, BAD_CAST "fo:padding", BAD_CAST "0.06cm");
    }
  if (s->border == PL_EXPORT_BORDER_BOTTOM)
    {
      write_border_side (w, "fo:border-bottom", s->outline ? "0.75pt" : "1pt", s->outline ? "A5B4CC" : "1F3864");
      xmlTextWriterWriteAttribute (w, BAD_CAST "fo:padding-bottom", BAD_CAST "0.1cm");
    }
  else if (s->border == PL_EXPORT_BORDER_LEFT)
    {
      write_border_side (w, "fo:border-left", "2.25pt", "A5B4CC");
      xmlTextWriterWriteAttribute (w, BAD_CAST "fo:padding-left", BAD_CAST "0.25cm");
    }
  if (!s->character && g_str_equal (s->id, "Normal"))
    {
      xmlTextWriterWriteAttribute (w, BAD_CAST "fo:orphans", BAD_CAST "2");
      xmlTextWriterWriteAttribute (w, BAD_CAST "fo:widows", BAD_CAST "2");
    }
  if (s->tab || s->toc_tab)
    {
      start (w, "style:tab-stops", NULL);
      start (w, "style:tab-stop", NULL);
      if (s->toc_tab)
        {
          /* Tab positions count from the paragraph's indent. */
          write_pt (w, "style:position", PORTRAIT_TEXT_TWIPS - s->indent);
          xmlTextWriterWriteAttribute (w, BAD_CAST "style:type", BAD_CAST "right");
          xmlTextWriterWriteAttribute (w, BAD_CAST "style:leader-style", BAD_CAST "dotted");
          xmlTextWriterWriteAttribute (w, BAD_CAST "style:leader-text", BAD_CAST ".");
        }
      else
        write_pt (w, "style:position", s->tab);
      end (w);
      end (w);
    }
  end (w);
}

static void
write_named_style (PlOdt               *odt,
                   xmlTextWriterPtr     w,
                   const PlExportStyle *s)
{
  g_autofree char *name = g_strdup (pl_export_odt_style_name (odt, s->id));

  start (w, "style:style", "style:name", name, "style:display-name", s->display,
         "style:family", s->character ? "text" : "paragraph", NULL);
  if (s->parent)
    xmlTextWriterWriteAttribute (w, BAD_CAST "style:parent-style-name", BAD_CAST pl_export_odt_style_name (odt, s->parent));
  if (s->next)
    xmlTextWriterWriteAttribute (w, BAD_CAST "style:next-style-name", BAD_CAST pl_export_odt_style_name (odt, s->next));
  if (s->outline)
    {
      char level[4];

      g_snprintf (level, sizeof level, "%d", s->outline);
      xmlTextWriterWriteAttribute (w, BAD_CAST "style:default-outline-level", BAD_CAST level);
    }
  if (!s->character)
    write_paragraph_properties (w, s);
  write_text_properties (w, s);
  end (w);
}

static void
write_list_style (xmlTextWriterPtr  w,
                  const char       *name,
                  gboolean          ordered)
{
  static const char *bullets[] = { "•", "◦", "▪" };
  static const char *formats[] = { "1", "a", "i" };

  start (w, "text:list-style", "style:name", name, NULL);
  for (int level = 1; level <= 10; level++)
    {
      char number[4], indent[16];

      g_snprintf (number, sizeof number, "%d", level);
      g_snprintf (indent, sizeof indent, "%gcm", 0.635 * level + 0.3);
      if (ordered)
        start (w, "text:list-level-style-number", "text:level", number, "style:num-suffix", ".",
               "style:num-format", formats[(level - 1) % 3], NULL);
      else
        start (w, "text:list-level-style-bullet", "text:level", number,
               "text:bullet-char", bullets[(level - 1) % 3], NULL);
      start (w, "style:list-level-properties", "text:list-level-position-and-space-mode", "label-alignment", NULL);
      element (w, "style:list-level-label-alignment", "text:label-followed-by", "listtab",
               "text:list-tab-stop-position", indent, "fo:text-indent", "-0.635cm", "fo:margin-left", indent, NULL);
      end (w);
      end (w);
    }
  end (w);
}

static void
write_page_layout (xmlTextWriterPtr  w,
                   const char       *name,
                   gboolean          wide)
{
  start (w, "style:page-layout", "style:name", name, NULL);
  element (w, "style:page-layout-properties",
           "fo:page-width", wide ? "29.7cm" : "21cm", "fo:page-height", wide ? "21cm" : "29.7cm",
           "style:print-orientation", wide ? "landscape" : "portrait",
           "fo:margin-top", "1cm", "fo:margin-bottom", "1cm",
           "fo:margin-left", wide ? "2cm" : "2.5cm", "fo:margin-right", wide ? "2cm" : "2.5cm", NULL);
  start (w, "style:header-style", NULL);
  element (w, "style:header-footer-properties", "fo:min-height", "0cm", "fo:margin-bottom", "1cm", NULL);
  end (w);
  start (w, "style:footer-style", NULL);
  element (w, "style:header-footer-properties", "fo:min-height", "0cm", "fo:margin-top", "0.8cm", NULL);
  end (w);
  end (w);
}

static void
write_master_page (PlOdt            *odt,
                   xmlTextWriterPtr  w,
                   const char       *name,
                   const char       *layout)
{
  const char *marking = odt->part.ctx->classification ? odt->part.ctx->classification : "";
  g_autofree char *page = g_strdup_printf (_("Page %s of %s"), "\x01", "\x02");
  const char *p;
  xmlTextWriterPtr saved = sync_writer (odt);

  odt->part.w = w;
  start (sync_writer (odt), "style:master-page", "style:name", name, "style:page-layout-name", layout, NULL);
  start (sync_writer (odt), "style:header", NULL);
  pl_export_odt_write_para (odt, "Header", marking);
  end (sync_writer (odt));
  start (sync_writer (odt), "style:footer", NULL);
  if (*marking)
    pl_export_odt_write_para (odt, "FooterMarking", marking);
  /* "Page 3 of 12" with the numbers as fields, in the translation's order. */
  start (sync_writer (odt), "text:p", "text:style-name", "Footer", NULL);
  for (p = page; *p; p++)
    {
      const char *next = strpbrk (p, "\x01\x02");
      g_autofree char *part = g_strndup (p, next ? next - p : (gssize) strlen (p));

      pl_export_odt_write_text (odt, part, FALSE);
      if (next == NULL)
        break;
      if (*next == '\x01')
        {
          start (sync_writer (odt), "text:page-number", "text:select-page", "current", NULL);
          xmlTextWriterWriteString (sync_writer (odt), BAD_CAST "1");
          end (sync_writer (odt));
        }
      else
        {
          start (sync_writer (odt), "text:page-count", NULL);
          xmlTextWriterWriteString (sync_writer (odt), BAD_CAST "1");
          end (sync_writer (odt));
        }
      p = next;
    }
  end (sync_writer (odt));
  end (sync_writer (odt));
  end (sync_writer (odt));
  sync_writer (odt);
  odt->part.w = saved;
}

void
pl_export_odt_write_styles (PlOdt       *odt,
                            PlExportZip *zip)
{
  GString *buf = g_string_new (NULL);
  xmlTextWriterPtr w = pl_export_xml_new (buf);

  pl_export_odt_start_root (w, "office:document-styles");
  pl_export_odt_write_font_faces (w);
  start (w, "office:styles", NULL);
  start (w, "style:default-style", "style:family", "paragraph", NULL);
  element (w, "style:paragraph-properties", "style:writing-mode", "page", NULL);
  {
    /* The strategy's language (a right-to-left one is the complex-script
     * language too). */
    g_autofree char *primary = NULL, *region = NULL;
    gboolean rtl = pl_export_language_is_rtl (odt->part.ctx->language);

    pl_export_language_split (odt->part.ctx->language, &primary, &region);
    pl_export_xml_start (w, "style:text-properties", "style:font-name", pl_export_font_name (PL_EXPORT_FONT_SERIF),
                         "fo:font-size", "11pt", "fo:language", primary, NULL);
    if (*region)
      xmlTextWriterWriteAttribute (w, BAD_CAST "fo:country", BAD_CAST region);
    if (rtl)
      xmlTextWriterWriteAttribute (w, BAD_CAST "style:language-complex", BAD_CAST primary);
    if (rtl && *region)
      xmlTextWriterWriteAttribute (w, BAD_CAST "style:country-complex", BAD_CAST region);
    xmlTextWriterWriteAttribute (w, BAD_CAST "style:font-name-complex", BAD_CAST pl_export_font_name (PL_EXPORT_FONT_SERIF));
    xmlTextWriterEndElement (w);
  }
  end (w);
  for (guint i = 0; i < pl_export_n_styles; i++)
    write_named_style (odt, w, &pl_export_styles[i]);

  /* Character styles the text uses. */
  start (w, "style:style", "style:name", "Strong", "style:display-name", "Strong Emphasis", "style:family", "text", NULL);
  element (w, "style:text-properties", "fo:font-weight", "bold", "style:font-weight-complex", "bold", NULL);
  end (w);
  start (w, "style:style", "style:name", "Emphasis", "style:family", "text", NULL);
  element (w, "style:text-properties", "fo:font-style", "italic", "style:font-style-complex", "italic", NULL);
  end (w);
  start (w, "style:style", "style:name", "StrongEmphasis", "style:display-name", "Strong Emphasis Italic",
         "style:family", "text", NULL);
  element (w, "style:text-properties", "fo:font-weight", "bold", "fo:font-style", "italic", NULL);
  end (w);
  start (w, "style:style", "style:name", "Index_20_Link", "style:display-name", "Index Link", "style:family", "text", NULL);
  element (w, "style:text-properties", NULL);
  end (w);

  write_list_style (w, "List_Bullet", FALSE);
  write_list_style (w, "List_Number", TRUE);

  /* Headings carry their numbers in their text: no outline numbering. */
  start (w, "text:outline-style", "style:name", "Outline", NULL);
  for (int level = 1; level <= 10; level++)
    {
      char number[4];

      g_snprintf (number, sizeof number, "%d", level);
      element (w, "text:outline-level-style", "text:level", number, "style:num-format", "", NULL);
    }
  end (w);
  end (w);

  start (w, "office:automatic-styles", NULL);
  write_page_layout (w, "PortraitLayout", FALSE);
  write_page_layout (w, "LandscapeLayout", TRUE);
  end (w);

  start (w, "office:master-styles", NULL);
  write_master_page (odt, w, "Standard", "PortraitLayout");
  write_master_page (odt, w, "Landscape", "LandscapeLayout");
  /* The title page: its marking once, in its own paragraph, and no page
   * number; the pages after it are Standard. */
  element (w, "style:master-page", "style:name", "TitlePage", "style:display-name", "Title Page",
           "style:page-layout-name", "PortraitLayout", "style:next-style-name", "Standard", NULL);
  end (w);
  end (w);
  pl_export_xml_add (zip, "styles.xml", w, buf);
}

/* Automatic styles of content.xml: page breaks, the landscape master,
 * nested quotations, table columns and cells. */
void
pl_export_odt_write_automatic_styles (PlOdt *odt)
{
  xmlTextWriterPtr w = sync_writer (odt);
  static const char *parents[] = { "Heading1", "Heading2", "Heading3", "Heading4", "Heading5", "BodyText" };

  start (w, "office:automatic-styles", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (parents); i++)
    {
      g_autofree char *parent = g_strdup (pl_export_odt_style_name (odt, parents[i]));
      g_autofree char *brk = g_strconcat ("Break_", parents[i], NULL);
      g_autofree char *wide = g_strconcat ("Wide_", parents[i], NULL);

      start (w, "style:style", "style:name", brk, "style:family", "paragraph",
             "style:parent-style-name", parent, NULL);
      element (w, "style:paragraph-properties", "fo:break-before", "page", NULL);
      end (w);
      element (w, "style:style", "style:name", wide, "style:family", "paragraph",
               "style:parent-style-name", parent, "style:master-page-name", "Landscape", NULL);
    }
  {
    static const char *const firsts[] = { "Marking", "Subtitle", "Title" };

    /* Whichever comes first on the title page starts its master page. */
    for (guint i = 0; i < G_N_ELEMENTS (firsts); i++)
      {
        g_autofree char *name = g_strconcat ("TitlePage_", firsts[i], NULL);
        g_autofree char *parent = g_strdup (pl_export_odt_style_name (odt, firsts[i]));

        element (w, "style:style", "style:name", name, "style:family", "paragraph",
                 "style:parent-style-name", parent, "style:master-page-name", "TitlePage", NULL);
      }
  }
  {
    /* Right-to-left variants of the narrative's block styles, for a
     * paragraph whose text is (pl-export-bidi.c). */
    /* pl_export_odt_style_name () returns a buffer it reuses. */
    g_autofree char *body = g_strdup (pl_export_odt_style_name (odt, "BodyText"));
    g_autofree char *cont = g_strdup (pl_export_odt_style_name (odt, "ListContinue"));
    const char *blocks[] = { body, cont, "Quotations", "Quote2", "Quote3", "Quote4" };

    for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
      {
        g_autofree char *name = g_strconcat ("RTL_", blocks[i], NULL);

        start (w, "style:style", "style:name", name, "style:family", "paragraph",
               "style:parent-style-name", blocks[i], NULL);
        element (w, "style:paragraph-properties", "style:writing-mode", "rl-tb", "fo:text-align", "end", NULL);
        end (w);
      }
  }
  start (w, "style:style", "style:name", "TitleMetaLast", "style:family", "paragraph",
         "style:parent-style-name", "Title_20_Page_20_Details", NULL);
  element (w, "style:paragraph-properties", "fo:break-after", "page", NULL);
  end (w);
  for (int depth = 2; depth <= 4; depth++)
    {
      char name[16], margin[16];

      g_snprintf (name, sizeof name, "Quote%d", depth);
      g_snprintf (margin, sizeof margin, "%gcm", depth * 1.0);
      start (w, "style:style", "style:name", name, "style:family", "paragraph",
             "style:parent-style-name", "Quotations", NULL);
      element (w, "style:paragraph-properties", "fo:margin-left", margin, NULL);
      end (w);
    }

  start (w, "style:style", "style:name", "ContentsSection", "style:family", "section", NULL);
  element (w, "style:section-properties", "style:editable", "false", NULL);
  end (w);

  start (w, "style:style", "style:name", "WideTable", "style:family", "table", NULL);
  {
    char width[16];

    g_snprintf (width, sizeof width, "%gcm", WIDE_TEXT_CM);
    element (w, "style:table-properties", "style:width", width, "table:align", "margins",
             "fo:margin-top", "0.1cm", "fo:margin-bottom", "0.4cm", NULL);
  }
  end (w);
  for (guint t = 0; t < 3; t++)
    {
      static const char *const prefixes[] = { "Plan", "Annex", "AnonAnnex" };
      const guint *const widths_of[] = { pl_export_plan_widths, pl_export_annex_widths, pl_export_anon_annex_widths };
      const guint n_of[] = { PL_EXPORT_PLAN_COLUMNS, PL_EXPORT_ANNEX_COLUMNS, PL_EXPORT_ANNEX_COLUMNS - 1 };
      const guint *widths = widths_of[t];

      for (guint i = 0; i < n_of[t]; i++)
        {
          char name[32], width[16], rel[16];

          g_snprintf (name, sizeof name, "%sColumn%u", prefixes[t], i + 1);
          g_snprintf (width, sizeof width, "%gcm", WIDE_TEXT_CM * widths[i] / 100.0);
          g_snprintf (rel, sizeof rel, "%u*", widths[i] * 100);
          start (w, "style:style", "style:name", name, "style:family", "table-column", NULL);
          element (w, "style:table-column-properties", "style:column-width", width,
                   "style:rel-column-width", rel, NULL);
          end (w);
        }
    }
  /* A row stays on one page (LibreOffice still splits one taller than a page). */
  start (w, "style:style", "style:name", "Row", "style:family", "table-row", NULL);
  element (w, "style:table-row-properties", "fo:keep-together", "always", NULL);
  end (w);
  for (guint c = 0; c < 2; c++)
    {
      start (w, "style:style", "style:name", c == 0 ? "CellHead" : "Cell", "style:family", "table-cell", NULL);
      element (w, "style:table-cell-properties", "fo:border", "0.5pt solid #8c8c8c",
               "fo:padding-top", "0.05cm", "fo:padding-bottom", "0.05cm",
               "fo:padding-left", "0.12cm", "fo:padding-right", "0.12cm",
               "fo:background-color", c == 0 ? "#dce3ed" : "transparent", NULL);
      end (w);
    }
  /* Struck-through text and footnote numbers (GFM), only where a narrative
   * may have them: other exports stay as they were. */
  odt->gfm_styles = pl_export_gfm_may_style (odt->part.ctx);
  if (odt->gfm_styles)
    {
      start (w, "style:style", "style:name", "Strike", "style:family", "text", NULL);
      element (w, "style:text-properties", "style:text-line-through-style", "solid",
               "style:text-line-through-type", "single", NULL);
      end (w);
      start (w, "style:style", "style:name", "Sup", "style:family", "text", NULL);
      element (w, "style:text-properties", "style:text-position", "super 58%", NULL);
      end (w);
    }
  end (w);
}
