/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-export-private.h"

G_BEGIN_DECLS

/* What the parts of the DOCX writer share: pl-export-docx.c (the
 * document body, header and footer), pl-export-docx-parts.c (the package
 * parts around it) and pl-export-docx-styles.c (styles and numbering). */

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define R_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define REL_NS "http://schemas.openxmlformats.org/package/2006/relationships"
#define REL_TYPE "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

/* A4 in twentieths of a point. */
#define PAGE_SHORT 11906
#define PAGE_LONG 16838
#define MARGIN 1418
#define MARGIN_WIDE 1134
#define TEXT_WIDTH (PAGE_SHORT - 2 * MARGIN)
#define TEXT_WIDTH_WIDE (PAGE_LONG - 2 * MARGIN_WIDE)

#define start pl_export_xml_start
#define element pl_export_xml_element
#define end(w) xmlTextWriterEndElement (w)
#define raw(dx, markup) pl_export_part_raw (&(dx)->part, (markup))
#define raw_number(dx, n) pl_export_part_number (&(dx)->part, (n))
#define sync_writer(dx) pl_export_part_sync (&(dx)->part)

typedef struct {
  gboolean ordered;
  guint    num_id;
} DocxList;

typedef struct {
  PlExportPart      part;        /* first: the outline's table_end reaches it */
  GPtrArray        *links;       /* URL of relationship "rIdL<index+1>" */
  GHashTable       *link_ids;    /* URL -> index + 1 */
  GArray           *nums;        /* DocxNum */
  guint             bookmarks;
  guint             review_anchor_id;  /* the open review anchor's bookmark id, 0 = none */

  gboolean          break_pending;
  gboolean          wide;
  gboolean          bidi;         /* the next narrative paragraph reads right to left */
  gboolean          title_page;   /* the first section's first page: no header or footer */
  guint             sections;     /* section properties written so far */
  gboolean          para_open;
  gboolean          item_first;
  GString          *pending;     /* narrative text not yet written, one run */
  int               strong, emph, link;
  int               strike;       /* GFM ~~strikethrough~~ around the text */
  int               quotes;
  int               n_lists;
  DocxList          lists[PL_OUTLINE_MAX_DEPTH + 1];
  guint             n_columns;
  guint             column_width[16];
} PlDocx;

typedef struct {
  gboolean ordered;
  int      level;
  int      start;
} DocxNum;

/* pl-export-docx-gfm.c: a pipe table, strikethrough and a footnote's
 * number, for docx_node(). */
void pl_export_docx_gfm_node              (PlDocx      *dx,
                                           cmark_node  *node,
                                           gboolean     enter);

/* pl-export-docx-parts.c */
void pl_export_docx_write_content_types   (PlExportZip *zip);
void pl_export_docx_write_package_rels    (PlExportZip *zip);
/* docProps/core.xml: title, creator, subject, creation time. */
void pl_export_docx_write_core_properties (PlDocx      *dx,
                                           PlExportZip *zip);
/* The relationships of document.xml, its links included: after it. */
void pl_export_docx_write_document_rels   (PlDocx      *dx,
                                           PlExportZip *zip);
void pl_export_docx_write_settings        (PlExportZip *zip,
                                           gboolean     for_review);

/* pl-export-docx-styles.c */
/* The numbering of the lists document.xml used: after it. */
void pl_export_docx_write_numbering       (PlDocx      *dx,
                                           PlExportZip *zip);
/* word/styles.xml from the styles of pl-export-styles.c. */
void pl_export_docx_write_styles          (PlExportZip *zip,
                                           const char  *language);

G_END_DECLS
