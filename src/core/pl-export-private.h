/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cmark.h>

#include "pl-export.h"

G_BEGIN_DECLS

/* What every exporter shares: where it writes, and the decisions that
 * must be the same in every format (anonymisation, numbering, the annex). */
typedef struct {
  PlDocument            *document;
  const PlExportOptions *options;
  GOutputStream         *out;
  GCancellable          *cancellable;
  GError                *error;         /* first write error; later writes are skipped */
  GHashTable            *participants;  /* stakeholder id -> "Participant N" number */
  char                  *date;          /* the title page date, e.g. "22 November 2026" */
  char                  *classification;
} PlExportContext;

typedef struct {
  guint          number;        /* 1-based, in annex order */
  PlFeedback    *feedback;
  PlStakeholder *stakeholder;   /* may be NULL */
  PlPillar      *pillar;        /* group; NULL = the strategy as a whole */
  char          *target;        /* "1.2 Title of the objective" */
  char          *who;           /* stakeholder as it may be shown */
  char          *organisation;  /* as it may be shown ("" when hidden) */
  const char    *sector;        /* translated label, "" if unknown */
} PlAnnexRow;

void        pl_annex_row_free            (PlAnnexRow      *row);

void        pl_export_write              (PlExportContext *ctx,
                                          const char      *data,
                                          gssize           len);
void        pl_export_printf             (PlExportContext *ctx,
                                          const char      *format,
                                          ...) G_GNUC_PRINTF (2, 3);
gboolean    pl_export_failed             (PlExportContext *ctx);

/* Anonymisation: who may be shown, and how. Never a name for a stakeholder
 * who did not agree to be named. */
char       *pl_export_stakeholder_label  (PlExportContext *ctx,
                                          PlStakeholder   *stakeholder);
char       *pl_export_organisation_label (PlExportContext *ctx,
                                          PlStakeholder   *stakeholder);

/* "2" for the second pillar, "2.3" for its third objective, "2.3.1" ... */
char       *pl_export_number             (PlExportContext *ctx,
                                          PlRecord        *record);
/* Number and title of what a feedback item is about. */
char       *pl_export_target_label       (PlExportContext *ctx,
                                          PlFeedback      *feedback);
/* The annex rows after the options' filters, grouped by pillar in
 * document order (the strategy as a whole first). */
GPtrArray  *pl_export_annex_rows         (PlExportContext *ctx);

/* Parses narrative Markdown with cmark (raw HTML kept as nodes so each
 * writer decides; smart punctuation off). */
cmark_node *pl_export_parse_markdown     (const char      *text);
/* The smallest heading level in @doc, or 6 + 1 when it has none; writers
 * shift headings so that this level lands at the level they need. */
int         pl_export_min_heading_level  (cmark_node      *doc);
/* Plain text of a node and its children. */
char       *pl_export_node_text          (cmark_node      *node);

/* One writer per format. */
gboolean    pl_export_markdown           (PlExportContext *ctx);
gboolean    pl_export_html               (PlExportContext *ctx);
gboolean    pl_export_docx               (PlExportContext *ctx);
gboolean    pl_export_odt                (PlExportContext *ctx);
gboolean    pl_export_csv                (PlExportContext *ctx);

G_END_DECLS
