/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-record.h"
#include "pl-enums.h"

G_BEGIN_DECLS

/* A comment, question, recommendation, objection or support. */
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

G_END_DECLS
