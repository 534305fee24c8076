/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-document.h"

G_BEGIN_DECLS

#define PL_REVIEW_ERROR (pl_review_error_quark ())

typedef enum {
  PL_REVIEW_ERROR_NOT_AMENDMENT,   /* the item carries no proposed text */
  PL_REVIEW_ERROR_NO_QUOTE,        /* the item quotes no passage */
  PL_REVIEW_ERROR_PASSAGE_GONE,    /* the quoted passage is no longer in the text */
  PL_REVIEW_ERROR_AMBIGUOUS,       /* the passage occurs more than once */
  PL_REVIEW_ERROR_ANSWERED,        /* the item is already answered by a change */
  PL_REVIEW_ERROR_OTHER_STRATEGY,  /* a returned copy of another strategy */
} PlReviewError;

GQuark      pl_review_error_quark       (void);

/* Where an amendment's quoted passage is now: the record (transfer full)
 * and its property holding the text (static string), and the byte span
 * of the passage in that text. Looked for in the item's target first, then
 * anywhere in the narrative (the passage moved); line breaks and runs of
 * spaces in the passage match any whitespace. FALSE with
 * PL_REVIEW_ERROR_PASSAGE_GONE or _AMBIGUOUS. */
gboolean    pl_review_find_passage      (PlDocument   *document,
                                         PlFeedback   *amendment,
                                         PlRecord    **record,
                                         const char  **property,
                                         gsize        *start,
                                         gsize        *end,
                                         GError      **error);

/* @text with the span [@start, @end) replaced by @proposal, @proposal
 * inserted after it, or the span deleted (with the space before it), as
 * @operation says. (transfer full) */
char       *pl_review_apply_to_text     (const char            *text,
                                         gsize                  start,
                                         gsize                  end,
                                         const char            *proposal,
                                         PlAmendmentOperation   operation);

/* Accepts @amendment: applies its proposed text to the narrative where the
 * passage is now, sets the disposition to accepted and records which
 * record and field the change was made in — one undo step. If the passage
 * is gone (or ambiguous) nothing changes and the item stays open. On
 * success @changed (if not NULL) gets the changed record (transfer full). */
gboolean    pl_review_accept_amendment  (PlDocument   *document,
                                         PlFeedback   *amendment,
                                         PlRecord    **changed,
                                         GError      **error);

/* How the change that answered @feedback is named, e.g. “objective
 * “Protect critical infrastructure” (description)”, translated; NULL when
 * no change answered it. (transfer full) */
char       *pl_review_describe_answer   (PlDocument   *document,
                                         PlFeedback   *feedback);

G_END_DECLS
