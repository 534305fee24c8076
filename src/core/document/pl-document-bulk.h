/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-document.h"
#include "pl-store-review.h"

G_BEGIN_DECLS

/*
 * Adding feedback in bulk (a returned review copy brings thousands of
 * items): the feedback lists hold their updates until the batch ends and
 * then count once, and the items earlier review imports added are read in
 * one query.
 */

/* Until the matching release, the feedback lists are not updated item by
 * item; nests. */
void       pl_document_hold_feedback_lists    (PlDocument  *self);
/* Ends a hold; the outermost one refreshes the lists if anything changed. */
void       pl_document_release_feedback_lists (PlDocument  *self);

/* pl_document_add_feedback() for an item read from a returned review copy:
 * its origin, proposed text, operation and capture time (ISO 8601, or NULL
 * or "" for now) written with it in one insert (pl-document-feedback.c). */
PlFeedback *pl_document_add_review_feedback   (PlDocument            *self,
                                               PlFeedbackKind         kind,
                                               const char            *text,
                                               PlRecord              *target,
                                               const char            *quote,
                                               PlWorkshop            *workshop,
                                               PlStakeholder         *stakeholder,
                                               PlFeedbackOrigin       origin,
                                               const char            *proposal,
                                               PlAmendmentOperation   operation,
                                               const char            *captured_at,
                                               GError               **error);

/* The live feedback that came from returned review copies
 * (element-type PlStoreReviewRow) (transfer full), or NULL with @error. */
GPtrArray *pl_document_review_feedback        (PlDocument  *self,
                                               GError     **error);

G_END_DECLS
