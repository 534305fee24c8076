/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pl-document.h"

G_BEGIN_DECLS

typedef enum {
  PL_EXPORT_MARKDOWN,
  PL_EXPORT_HTML,
  PL_EXPORT_DOCX,
  PL_EXPORT_ODT,
  PL_EXPORT_CSV,       /* the recommendations matrix only, for scripts */
  PL_EXPORT_XLSX,      /* the recommendations matrix as a spreadsheet */
} PlExportFormat;

typedef enum {
  PL_ANONYMISE_NONE,          /* names (of those who agreed to be named) */
  PL_ANONYMISE_ORGANISATION,  /* organisation and sector only */
  PL_ANONYMISE_FULL,          /* "Participant 12", stable within one export */
} PlAnonymise;

/* What an export could not carry over (the writers keep only what is safe
 * and what they can lay out); the user is told, never left to find out. */
typedef enum {
  PL_EXPORT_LEFT_OUT_IMAGE,     /* images: their description is kept as text */
  PL_EXPORT_LEFT_OUT_RAW_HTML,  /* raw HTML blocks and tags */
  PL_EXPORT_N_LEFT_OUT
} PlExportLeftOut;

typedef struct {
  guint left_out[PL_EXPORT_N_LEFT_OUT];
} PlExportReport;

typedef struct {
  PlExportFormat format;
  gboolean       title_page;           /* default TRUE */
  gboolean       front_matter;         /* default TRUE */
  gboolean       pillars;              /* default TRUE */
  gboolean       implementation_plan;  /* default TRUE */
  gboolean       annex;                /* recommendations matrix; default FALSE */
  PlAnonymise    anonymise;            /* default PL_ANONYMISE_ORGANISATION */
  gint64         workshop_id;          /* annex filter, 0 = all */
  int            disposition;          /* annex filter, -1 = all */
  char          *classification;       /* overrides the strategy's marking, NULL = keep */
  char          *date;                 /* date on the title page, NULL = today */
  /* Redline: the whole strategy with the changes since this snapshot as
   * tracked changes (DOCX w:ins/w:del, ODT text:tracked-changes, HTML
   * <ins>/<del>). DOCX, ODT and HTML only; NULL = a plain export. The
   * options hold a reference (dropped by pl_export_options_clear()). */
  PlSnapshot    *compare;
  /* A review copy for the ministries (DOCX, ODT): every pillar, objective
   * and action carries a hidden bookmark named after its UUID
   * (pl_export_anchor_name()), a cover note says how to comment, and the
   * DOCX allows only comments and tracked changes. */
  gboolean       for_review;
  char          *review_deadline;      /* date on the cover note, NULL = none */
  PlExportReport *report;              /* out: what was left out; NULL = not wanted, not owned */
} PlExportOptions;

void            pl_export_options_init       (PlExportOptions *options);
void            pl_export_options_clear      (PlExportOptions *options);

/* "md", "html", "docx", "odt", "csv", "xlsx" (also "markdown"). */
gboolean        pl_export_format_from_string (const char      *name,
                                              PlExportFormat  *format);
const char     *pl_export_format_extension   (PlExportFormat   format);
const char     *pl_export_format_mime_type   (PlExportFormat   format);
/* One translated sentence saying how many of @kind @report counts were
 * left out and why, or NULL when there were none. */
char           *pl_export_report_describe    (const PlExportReport *report,
                                              PlExportLeftOut       kind);
/* The hidden bookmark a review copy gives @record (a pillar, objective,
 * action or the strategy): PL_EXPORT_ANCHOR_PREFIX (or, for the strategy,
 * PL_EXPORT_STRATEGY_ANCHOR_PREFIX) and its UUID's 32 hex digits — 35 or
 * 36 characters, within Word's 40, hidden because it starts with “_”. */
#define PL_EXPORT_ANCHOR_PREFIX "_pl"
#define PL_EXPORT_STRATEGY_ANCHOR_PREFIX "_pls"
char           *pl_export_anchor_name        (PlRecord        *record);
gboolean        pl_anonymise_from_string     (const char      *name,
                                              PlAnonymise     *anonymise);

/* Writes the export to @stream, in large pieces (no need to buffer it). */
gboolean        pl_export_to_stream          (PlDocument            *document,
                                              const PlExportOptions *options,
                                              GOutputStream         *stream,
                                              GCancellable          *cancellable,
                                              GError               **error);
/* Writes to a temporary file beside @path and renames it over @path only
 * when everything was written, so a failure never leaves half a file. */
gboolean        pl_export_to_file            (PlDocument            *document,
                                              const PlExportOptions *options,
                                              const char            *path,
                                              GCancellable          *cancellable,
                                              GError               **error);

G_END_DECLS
