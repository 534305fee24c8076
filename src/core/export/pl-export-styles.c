/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pl-export-private.h"

/* One look for every office format: the DOCX and ODT writers turn this
 * table into their own style sheets, so a pillar heading or a table cell
 * looks the same in Word and in LibreOffice. Sizes in half-points,
 * spacing and indents in twentieths of a point (twips); spacing is
 * inherited unless one of before, after or line is set. */

#define SANS PL_EXPORT_FONT_SANS
#define MONO PL_EXPORT_FONT_MONO
#define BOTTOM PL_EXPORT_BORDER_BOTTOM
#define LEFT PL_EXPORT_BORDER_LEFT
#define NAVY "1F3864"
#define BLUE "2F5496"
#define GREY "404040"
#define RED "C00000"

const PlExportStyle pl_export_styles[] = {
  { .id = "Normal", .word = "Normal", .display = "Standard", .size = 22, .after = 120, .line = 264 },
  { .id = "BodyText", .word = "Body Text", .display = "Text body", .parent = "Normal" },
  { .id = "Title", .word = "Title", .display = "Title", .parent = "Normal", .next = "Normal",
    .size = 56, .color = NAVY, .font = SANS, .bold = 1, .keep = 1, .before = 240, .after = 480, .border = BOTTOM },
  { .id = "Subtitle", .word = "Subtitle", .display = "Subtitle", .parent = "Normal", .next = "Normal",
    .size = 28, .color = "44546A", .font = SANS, .keep = 1, .caps = 1, .before = 2400, .after = 120 },
  { .id = "Marking", .word = "Classification Marking", .display = "Classification Marking", .parent = "Normal",
    .size = 20, .color = RED, .font = SANS, .bold = 1, .center = 1, .caps = 1, .after = 240 },
  { .id = "TitleMeta", .word = "Title Page Details", .display = "Title Page Details", .parent = "Normal",
    .size = 22, .color = "262626", .after = 60, .tab = 2268 },
  { .id = "TitleMetaFirst", .word = "Title Page Details First", .display = "Title Page Details First",
    .parent = "TitleMeta", .before = 1200, .after = 60 },
  { .id = "Heading1", .word = "heading 1", .display = "Heading 1", .parent = "Normal", .next = "BodyText",
    .outline = 1, .size = 32, .color = NAVY, .font = SANS, .bold = 1, .keep = 1, .before = 360, .after = 160,
    .border = BOTTOM },
  { .id = "Heading2", .word = "heading 2", .display = "Heading 2", .parent = "Normal", .next = "BodyText",
    .outline = 2, .size = 26, .color = NAVY, .font = SANS, .bold = 1, .keep = 1, .before = 280, .after = 100 },
  { .id = "Heading3", .word = "heading 3", .display = "Heading 3", .parent = "Normal", .next = "BodyText",
    .outline = 3, .size = 23, .color = BLUE, .font = SANS, .bold = 1, .keep = 1, .before = 220, .after = 80 },
  { .id = "Heading4", .word = "heading 4", .display = "Heading 4", .parent = "Normal", .next = "BodyText",
    .outline = 4, .size = 22, .color = BLUE, .font = SANS, .bold = 1, .italic = 1, .keep = 1, .before = 200, .after = 60 },
  { .id = "Heading5", .word = "heading 5", .display = "Heading 5", .parent = "Normal", .next = "BodyText",
    .outline = 5, .size = 22, .color = GREY, .font = SANS, .italic = 1, .keep = 1, .before = 160, .after = 60 },
  { .id = "TOCHeading", .word = "TOC Heading", .display = "Contents Heading", .parent = "Normal", .next = "Normal",
    .size = 32, .color = NAVY, .font = SANS, .bold = 1, .keep = 1, .after = 240 },
  { .id = "TOC1", .word = "toc 1", .display = "Contents 1", .parent = "Normal", .size = 22, .bold = 1,
    .before = 120, .after = 40, .toc_tab = 1 },
  { .id = "TOC2", .word = "toc 2", .display = "Contents 2", .parent = "Normal", .size = 21, .after = 20, .indent = 284, .toc_tab = 1 },
  { .id = "TOC3", .word = "toc 3", .display = "Contents 3", .parent = "Normal", .size = 20, .color = GREY,
    .after = 20, .indent = 567, .toc_tab = 1 },
  { .id = "Summary", .word = "Pillar Summary", .display = "Pillar Summary", .parent = "Normal", .next = "BodyText",
    .size = 24, .color = "44546A", .italic = 1, .after = 200 },
  { .id = "Note", .word = "Note", .display = "Note", .parent = "Normal", .color = "595959", .italic = 1 },
  { .id = "ActionTitle", .word = "Action Title", .display = "Action Title", .parent = "Normal",
    .next = "ActionDetail", .size = 21, .bold = 1, .keep = 1, .before = 120, .after = 0, .indent = 284 },
  { .id = "ActionDetail", .word = "Action Details", .display = "Action Details", .parent = "Normal",
    .size = 19, .color = GREY, .before = 20, .after = 80, .indent = 284 },
  { .id = "ListBullet", .word = "List Bullet", .display = "List Bullet", .parent = "Normal", .after = 60 },
  { .id = "ListNumber", .word = "List Number", .display = "List Number", .parent = "Normal", .after = 60 },
  { .id = "ListContinue", .word = "List Continue", .display = "List Contents", .parent = "Normal", .after = 60 },
  { .id = "Quote", .word = "Quote", .display = "Quotations", .parent = "Normal", .next = "BodyText",
    .color = GREY, .italic = 1, .before = 120, .after = 120, .indent = 567, .border = LEFT },
  { .id = "SourceCode", .word = "Source Code", .display = "Preformatted Text", .parent = "Normal",
    .size = 18, .font = MONO, .after = 0, .line = 240, .shade = "F2F2F2" },
  { .id = "HorizontalRule", .word = "Horizontal Rule", .display = "Horizontal Line", .parent = "Normal",
    .size = 8, .before = 120, .after = 240, .border = BOTTOM },
  { .id = "TableHeading", .word = "Table Heading", .display = "Table Heading", .parent = "Normal",
    .size = 17, .color = NAVY, .font = SANS, .bold = 1, .keep = 1, .before = 20, .after = 20, .line = 240 },
  { .id = "TableContents", .word = "Table Contents", .display = "Table Contents", .parent = "Normal",
    .size = 17, .before = 20, .after = 20, .line = 240 },
  { .id = "Header", .word = "header", .display = "Header", .parent = "Normal",
    .size = 17, .color = RED, .font = SANS, .bold = 1, .center = 1, .caps = 1, .line = 240 },
  { .id = "FooterMarking", .word = "Footer Marking", .display = "Footer Marking", .parent = "Normal",
    .size = 17, .color = RED, .font = SANS, .bold = 1, .center = 1, .caps = 1, .line = 240 },
  { .id = "Footer", .word = "footer", .display = "Footer", .parent = "Normal",
    .size = 17, .color = "595959", .font = SANS, .center = 1, .line = 240 },
  { .id = "VerbatimChar", .word = "Verbatim Char", .display = "Source Text", .character = 1, .size = 19, .font = MONO },
  { .id = "Hyperlink", .word = "Hyperlink", .display = "Internet link", .character = 1, .color = "1F4E9A", .underline = 1 },
};

const guint pl_export_n_styles = G_N_ELEMENTS (pl_export_styles);

const PlExportStyle *
pl_export_style_find (const char *id)
{
  for (guint i = 0; id && i < G_N_ELEMENTS (pl_export_styles); i++)
    if (strcmp (pl_export_styles[i].id, id) == 0)
      return &pl_export_styles[i];
  return NULL;
}

const char *
pl_export_font_name (PlExportFont font)
{
  switch (font)
    {
    case PL_EXPORT_FONT_SANS: return "Arial";
    case PL_EXPORT_FONT_MONO: return "Courier New";
    case PL_EXPORT_FONT_SERIF:
    default: return "Times New Roman";
    }
}
