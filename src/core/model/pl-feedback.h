/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-record.h"
#include "pl-enums.h"

G_BEGIN_DECLS

/* A comment, question, recommendation, objection, support or amendment.
 * An amendment carries a proposed text and what it does to the quoted
 * passage; an item answered by a change of the text names the record (its
 * UUID) and the field that change was made in. */
#define PL_TYPE_FEEDBACK (pl_feedback_get_type ())
G_DECLARE_FINAL_TYPE (PlFeedback, pl_feedback, PL, FEEDBACK, PlRecord)

PlFeedbackKind   pl_feedback_get_kind (PlFeedback *self);
const char *     pl_feedback_get_body (PlFeedback *self);
PlTargetKind     pl_feedback_get_target_kind (PlFeedback *self);
gint64           pl_feedback_get_target_id (PlFeedback *self);
gint64           pl_feedback_get_pillar_id (PlFeedback *self);
const char *     pl_feedback_get_quote (PlFeedback *self);
gint64           pl_feedback_get_workshop_id (PlFeedback *self);
gint64           pl_feedback_get_stakeholder_id (PlFeedback *self);
const char *     pl_feedback_get_captured_at (PlFeedback *self);
PlPriority       pl_feedback_get_priority (PlFeedback *self);
PlDisposition    pl_feedback_get_disposition (PlFeedback *self);
const char *     pl_feedback_get_response (PlFeedback *self);
gboolean         pl_feedback_get_orphaned (PlFeedback *self);
const char *     pl_feedback_get_proposal (PlFeedback *self);
PlAmendmentOperation pl_feedback_get_operation (PlFeedback *self);
PlFeedbackOrigin pl_feedback_get_origin (PlFeedback *self);
/* UUID of the record whose text change answered this item, or "". */
const char *     pl_feedback_get_answered_by (PlFeedback *self);
/* The property of that record that was changed ("description"), or "". */
const char *     pl_feedback_get_answered_field (PlFeedback *self);

G_END_DECLS
