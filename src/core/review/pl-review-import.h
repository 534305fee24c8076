/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-document.h"

G_BEGIN_DECLS

/* How an item read from a returned copy was placed in the document. */
typedef enum {
  PL_REVIEW_PLACED_BY_ANCHOR,   /* the hidden bookmark of a pillar, objective or action */
  PL_REVIEW_PLACED_BY_TEXT,     /* the anchor was gone: found by its quoted passage */
  PL_REVIEW_PLACED_BY_HEADING,  /* the anchor was gone: found by the heading above it */
  PL_REVIEW_PLACED_ON_STRATEGY, /* nothing to place it by: the strategy as a whole */
} PlReviewPlacement;

/* One feedback item a returned copy will add (read-only view). */
typedef struct {
  const char           *file;        /* base name of the returned copy */
  const char           *author;
  const char           *captured_at; /* ISO 8601, "" when the file had no date */
  PlFeedbackKind        kind;        /* COMMENT or AMENDMENT */
  PlFeedbackOrigin      origin;
  PlAmendmentOperation  operation;
  const char           *text;
  const char           *quote;
  const char           *proposal;
  PlRecord             *target;      /* NULL: the strategy */
  PlPillar             *pillar;      /* the pillar it lies in, or NULL */
  PlReviewPlacement     placement;
  gboolean              already_there; /* imported before: will not be added */
  guint                 n_replies;
} PlReviewItem;

/*
 * PlReviewImport: the comments and tracked changes of returned review
 * copies (DOCX made by `export --for-review`, as Word, LibreOffice or
 * pandoc saved them), read and placed in @document — a preview; nothing is
 * written until pl_review_import_apply(), which adds everything in one
 * transaction and one undo step.
 *
 * Importing a copy twice adds nothing: an item is already there when the
 * document holds one from the same origin and reviewer with the same text
 * (a comment) or the same passage and proposal (an amendment).
 */
#define PL_TYPE_REVIEW_IMPORT (pl_review_import_get_type ())
G_DECLARE_FINAL_TYPE (PlReviewImport, pl_review_import, PL, REVIEW_IMPORT, GObject)

PlReviewImport *pl_review_import_new            (PlDocument      *document);

/* Reviewers new to the registry get this organisation (may be NULL). */
void            pl_review_import_set_organisation (PlReviewImport *self,
                                                   const char     *organisation);
/* The items are filed under this workshop (may be NULL). */
void            pl_review_import_set_workshop   (PlReviewImport  *self,
                                                 PlWorkshop      *workshop);
/* Accept a copy exported from another strategy (placed by text only). */
void            pl_review_import_set_force_other_strategy (PlReviewImport *self,
                                                           gboolean        force);

/* Reads a returned copy; FALSE (and nothing from it kept) for a file that
 * is not one, is damaged, or comes from another strategy
 * (PL_REVIEW_ERROR_OTHER_STRATEGY) unless forced. */
gboolean        pl_review_import_add_file       (PlReviewImport  *self,
                                                 const char      *path,
                                                 GError         **error);
gboolean        pl_review_import_add_bytes      (PlReviewImport  *self,
                                                 GBytes          *bytes,
                                                 const char      *name,
                                                 GError         **error);

guint               pl_review_import_get_n_items (PlReviewImport *self);
const PlReviewItem *pl_review_import_get_item    (PlReviewImport *self,
                                                  guint           index);
/* Items that will be added (not already there). */
guint           pl_review_import_count_new      (PlReviewImport  *self,
                                                 PlFeedbackKind   kind);
/* Reviewers not yet in the registry, who will be added. */
guint           pl_review_import_count_new_reviewers (PlReviewImport *self);
/* What was left out or placed by a guess, translated lines (transfer none). */
const char * const *pl_review_import_get_notes  (PlReviewImport  *self);
/* The preview: per reviewer, per pillar, what will be added, then the
 * notes; translated text ending in a newline (transfer full). */
char           *pl_review_import_format_preview (PlReviewImport  *self);

/* Adds the new items (and reviewers) in one transaction and one undo
 * step; on error nothing is written. @added gets the number of items. */
gboolean        pl_review_import_apply          (PlReviewImport  *self,
                                                 guint           *added,
                                                 GError         **error);

G_END_DECLS
