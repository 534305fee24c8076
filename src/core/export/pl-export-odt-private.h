/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-export-private.h"

G_BEGIN_DECLS

/* What the parts of the ODT writer share: pl-export-odt.c (the text and
 * the package), pl-export-odt-styles.c (styles.xml, the automatic styles
 * and the master pages). */

#define start pl_export_xml_start
#define element pl_export_xml_element
#define end(w) xmlTextWriterEndElement (w)
/* Constant markup, balanced and free of anything from the document, is
 * written as it is in the hot paths (spans, table cells, white space);
 * every text from the document goes through libxml2's escaping. */
#define raw(odt, markup) pl_export_part_raw (&(odt)->part, (markup))
#define sync_writer(odt) pl_export_part_sync (&(odt)->part)

#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_STYLE "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_FO "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define NS_SVG "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
#define NS_XLINK "http://www.w3.org/1999/xlink"
#define NS_DC "http://purl.org/dc/elements/1.1/"
#define NS_META "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
#define NS_MANIFEST "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"

/* A4 landscape, 2 cm margins: the width of the wide tables. */
#define WIDE_TEXT_CM 25.7
/* A4 portrait, 2.5 cm margins: 16 cm. */
#define PORTRAIT_TEXT_TWIPS 9070

typedef struct {
  PlExportPart      part;        /* first: the outline's table_end reaches it */
  GString          *name;        /* ODF style names made from display names */
  gboolean          break_pending;
  gboolean          landscape_pending;
  gboolean          para_open;
  int               strong, emph;
  int               strike;       /* GFM ~~strikethrough~~ around the text */
  gboolean          gfm_styles;   /* "Strike" and "Sup" are declared */
  int               quotes;
  int               lists;
  guint             tables;
  guint             n_columns;
} PlOdt;

/* pl-export-odt.c */
/* "Heading 1" -> "Heading_20_1", as LibreOffice names its styles; valid
 * until the next call. */
const char *pl_export_odt_style_name    (PlOdt            *odt,
                                         const char       *id);
/* Text with ODF's white space rules (@keep_leading: every leading space
 * kept, for code). */
void        pl_export_odt_write_text    (PlOdt            *odt,
                                         const char       *text,
                                         gboolean          keep_leading);
/* <text:p> of style @id (a pl-export-styles.c id) holding @text. */
void        pl_export_odt_write_para    (PlOdt            *odt,
                                         const char       *id,
                                         const char       *text);

/* pl-export-odt-gfm.c: a pipe table, and a footnote's number, for
 * odt_node(). */
void        pl_export_odt_gfm_node      (PlOdt            *odt,
                                         cmark_node       *node,
                                         gboolean          enter);

/* pl-export-odt-styles.c */
/* Starts the root element @name of a part, with every namespace. */
void        pl_export_odt_start_root    (xmlTextWriterPtr  w,
                                         const char       *name);
void        pl_export_odt_write_font_faces (xmlTextWriterPtr w);
/* styles.xml: the named styles, page layouts and master pages. */
void        pl_export_odt_write_styles  (PlOdt            *odt,
                                         PlExportZip      *zip);
/* Automatic styles of content.xml: page breaks, the landscape master,
 * nested quotations, table columns and cells. */
void        pl_export_odt_write_automatic_styles (PlOdt   *odt);

G_END_DECLS
