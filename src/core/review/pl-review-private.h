/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-review.h"

G_BEGIN_DECLS

/* One comment or tracked change as a returned review copy holds it, before
 * it is placed in the document. */
typedef struct {
  PlFeedbackKind        kind;        /* COMMENT or AMENDMENT */
  PlFeedbackOrigin      origin;
  PlAmendmentOperation  operation;
  char                 *id;          /* the comment's or change's id in the file */
  char                 *author;
  char                 *date;        /* as the file says, may be "" */
  char                 *text;        /* a comment's text, replies threaded in */
  char                 *quote;       /* the original passage */
  char                 *proposal;
  char                 *anchor;      /* the enclosing anchor's 32 hex digits, or NULL */
  gboolean              strategy_anchor; /* inside the strategy's own anchor */
  char                 *heading;     /* the heading last seen before it, or NULL */
  guint                 n_replies;
} PlReviewEntry;

void pl_review_entry_free (PlReviewEntry *entry);

/* What a reader found in one file. */
typedef struct {
  GPtrArray *entries;          /* PlReviewEntry, in document order */
  GPtrArray *skips;            /* translated lines: what was left out, why */
  char      *strategy_anchor;  /* the strategy's UUID hex digits, or NULL */
  guint      n_anchors;        /* record anchors seen */
} PlReviewFile;

void pl_review_file_clear (PlReviewFile *file);

/* Readers: fill @file from a returned DOCX or ODT. */
gboolean pl_review_read_docx (GBytes *bytes, PlReviewFile *file, GError **error);
gboolean pl_review_read_odt  (GBytes *bytes, PlReviewFile *file, GError **error);

/* Shared by the readers (pl-review-docx.c). */
#define PL_REVIEW_MAX_ENTRIES    20000
#define PL_REVIEW_MAX_AUTHOR     200
#define PL_REVIEW_MAX_QUOTE      4000
#define PL_REVIEW_MAX_TEXT       20000

/* @text with runs of whitespace made one space, trimmed (transfer full). */
char *pl_review_squeeze (const char *text);
/* A change's context: the last @n words of @text (transfer full). */
char *pl_review_last_words (const char *text, guint n);
/* Finishes a tracked change as an amendment entry: a short deletion or
 * replacement carries a few words of context so accepting it finds the one
 * place it was made; an insertion quotes the words before it. NULL when
 * there is nothing to propose. */
PlReviewEntry *pl_review_change_entry (const char *author,
                                       const char *date,
                                       const char *before,
                                       const char *deleted,
                                       const char *inserted);
/* Trims an author's name to a sane length, listing the cut in @skips. */
char *pl_review_author_name (const char *raw, GPtrArray *skips);

G_END_DECLS
