/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-export-docx-private.h"

/* ---- numbering ---- */

void
pl_export_docx_write_numbering (PlDocx      *dx,
                                PlExportZip *zip)
{
  static const char *bullets[] = { "•", "◦", "▪" };
  static const char *formats[] = { "decimal", "lowerLetter", "lowerRoman" };
  GString *buf = g_string_new (NULL);
  xmlTextWriterPtr w = pl_export_xml_new (buf);

  start (w, "w:numbering", "xmlns:w", W_NS, NULL);
  for (guint a = 0; a < 2; a++)
    {
      char id[8];

      g_snprintf (id, sizeof id, "%u", a);
      start (w, "w:abstractNum", "w:abstractNumId", id, NULL);
      element (w, "w:multiLevelType", "w:val", "multilevel", NULL);
      for (guint l = 0; l < 9; l++)
        {
          char level[8], left[16], text[8];

          g_snprintf (level, sizeof level, "%u", l);
          g_snprintf (left, sizeof left, "%u", 360 * (l + 1) + 360);
          g_snprintf (text, sizeof text, "%%%u.", l + 1);
          start (w, "w:lvl", "w:ilvl", level, NULL);
          element (w, "w:start", "w:val", "1", NULL);
          element (w, "w:numFmt", "w:val", a == 0 ? "bullet" : formats[l % 3], NULL);
          element (w, "w:lvlText", "w:val", a == 0 ? bullets[l % 3] : text, NULL);
          element (w, "w:lvlJc", "w:val", "left", NULL);
          start (w, "w:pPr", NULL);
          element (w, "w:ind", "w:left", left, "w:hanging", "360", NULL);
          end (w);
          end (w);
        }
      end (w);
    }
  for (guint i = 0; i < dx->nums->len; i++)
    {
      DocxNum *num = &g_array_index (dx->nums, DocxNum, i);
      char id[16], level[8], start_at[16];

      g_snprintf (id, sizeof id, "%u", i + 1);
      g_snprintf (level, sizeof level, "%d", num->level);
      g_snprintf (start_at, sizeof start_at, "%d", num->ordered ? MAX (num->start, 0) : 1);
      start (w, "w:num", "w:numId", id, NULL);
      element (w, "w:abstractNumId", "w:val", num->ordered ? "1" : "0", NULL);
      /* Each list counts from its own start. */
      start (w, "w:lvlOverride", "w:ilvl", level, NULL);
      element (w, "w:startOverride", "w:val", start_at, NULL);
      end (w);
      end (w);
    }
  end (w);
  pl_export_xml_add (zip, "word/numbering.xml", w, buf);
}

/* ---- styles ---- */

static void
write_border (xmlTextWriterPtr  w,
              const char       *side,
              const char       *size,
              const char       *color)
{
  element (w, side, "w:val", "single", "w:sz", size, "w:space", "4", "w:color", color, NULL);
}

static void
write_style (xmlTextWriterPtr      w,
             const PlExportStyle  *s)
{
  char value[16];

  start (w, "w:style", "w:type", s->character ? "character" : "paragraph", "w:styleId", s->id,
         g_str_equal (s->id, "Normal") ? "w:default" : NULL, "1", NULL);
  element (w, "w:name", "w:val", s->word, NULL);
  if (s->parent)
    element (w, "w:basedOn", "w:val", s->parent, NULL);
  if (s->next)
    element (w, "w:next", "w:val", s->next, NULL);
  element (w, "w:qFormat", NULL);
  if (!s->character)
    {
      start (w, "w:pPr", NULL);
      if (s->keep)
        {
          element (w, "w:keepNext", NULL);
          element (w, "w:keepLines", NULL);
        }
      if (s->border != PL_EXPORT_BORDER_NONE)
        {
          start (w, "w:pBdr", NULL);
          if (s->border == PL_EXPORT_BORDER_LEFT)
            write_border (w, "w:left", "18", "A5B4CC");
          else
            write_border (w, "w:bottom", s->outline ? "6" : "8", s->outline ? "A5B4CC" : "1F3864");
          end (w);
        }
      if (s->shade)
        element (w, "w:shd", "w:val", "clear", "w:color", "auto", "w:fill", s->shade, NULL);
      if (s->tab || s->toc_tab)
        {
          g_snprintf (value, sizeof value, "%d", s->toc_tab ? TEXT_WIDTH : s->tab);
          start (w, "w:tabs", NULL);
          element (w, "w:tab", "w:val", s->toc_tab ? "right" : "left", "w:pos", value,
                   s->toc_tab ? "w:leader" : NULL, "dot", NULL);
          end (w);
        }
      if (s->before || s->after || s->line)
        {
          char before[16], after[16], line[16];

          g_snprintf (before, sizeof before, "%d", s->before);
          g_snprintf (after, sizeof after, "%d", s->after);
          g_snprintf (line, sizeof line, "%d", s->line ? s->line : 264);
          element (w, "w:spacing", "w:before", before, "w:after", after,
                   "w:line", line, "w:lineRule", "auto", NULL);
        }
      if (s->indent)
        {
          g_snprintf (value, sizeof value, "%d", s->indent);
          element (w, "w:ind", "w:left", value, NULL);
        }
      if (s->center)
        element (w, "w:jc", "w:val", "center", NULL);
      else if (s->justify)
        element (w, "w:jc", "w:val", "both", NULL);
      if (s->outline)
        {
          g_snprintf (value, sizeof value, "%d", s->outline - 1);
          element (w, "w:outlineLvl", "w:val", value, NULL);
        }
      end (w);
    }
  start (w, "w:rPr", NULL);
  if (s->font != PL_EXPORT_FONT_SERIF)
    {
      const char *font = pl_export_font_name (s->font);

      element (w, "w:rFonts", "w:ascii", font, "w:hAnsi", font, "w:cs", font, NULL);
    }
  if (s->bold)
    element (w, "w:b", NULL);
  if (s->italic)
    element (w, "w:i", NULL);
  if (s->caps)
    element (w, "w:caps", NULL);
  if (s->color)
    element (w, "w:color", "w:val", s->color, NULL);
  if (s->size)
    {
      g_snprintf (value, sizeof value, "%d", s->size);
      element (w, "w:sz", "w:val", value, NULL);
      element (w, "w:szCs", "w:val", value, NULL);
    }
  if (s->underline)
    element (w, "w:u", "w:val", "single", NULL);
  end (w);
  end (w);
}

void
pl_export_docx_write_styles (PlExportZip *zip,
                             const char  *language)
{
  GString *buf = g_string_new (NULL);
  xmlTextWriterPtr w = pl_export_xml_new (buf);
  const char *serif = pl_export_font_name (PL_EXPORT_FONT_SERIF);

  start (w, "w:styles", "xmlns:w", W_NS, NULL);
  start (w, "w:docDefaults", NULL);
  start (w, "w:rPrDefault", NULL);
  start (w, "w:rPr", NULL);
  element (w, "w:rFonts", "w:ascii", serif, "w:hAnsi", serif, "w:eastAsia", serif, "w:cs", serif, NULL);
  element (w, "w:sz", "w:val", "22", NULL);
  element (w, "w:szCs", "w:val", "22", NULL);
  /* The strategy's language; a right-to-left one is the complex-script
   * language too. */
  element (w, "w:lang", "w:val", language,
           pl_export_language_is_rtl (language) ? "w:bidi" : NULL, language, NULL);
  end (w);
  end (w);
  start (w, "w:pPrDefault", NULL);
  start (w, "w:pPr", NULL);
  element (w, "w:widowControl", NULL);
  end (w);
  end (w);
  end (w);

  for (guint i = 0; i < pl_export_n_styles; i++)
    write_style (w, &pl_export_styles[i]);

  /* The tables: thin grey rules, a little padding. */
  start (w, "w:style", "w:type", "table", "w:styleId", "PlainTable", NULL);
  element (w, "w:name", "w:val", "Pillars Table", NULL);
  start (w, "w:tblPr", NULL);
  start (w, "w:tblBorders", NULL);
  write_border (w, "w:top", "4", "8C8C8C");
  write_border (w, "w:left", "4", "8C8C8C");
  write_border (w, "w:bottom", "4", "8C8C8C");
  write_border (w, "w:right", "4", "8C8C8C");
  write_border (w, "w:insideH", "4", "8C8C8C");
  write_border (w, "w:insideV", "4", "8C8C8C");
  end (w);
  start (w, "w:tblCellMar", NULL);
  element (w, "w:top", "w:w", "40", "w:type", "dxa", NULL);
  element (w, "w:left", "w:w", "80", "w:type", "dxa", NULL);
  element (w, "w:bottom", "w:w", "40", "w:type", "dxa", NULL);
  element (w, "w:right", "w:w", "80", "w:type", "dxa", NULL);
  end (w);
  end (w);
  end (w);

  end (w);
  pl_export_xml_add (zip, "word/styles.xml", w, buf);
}
