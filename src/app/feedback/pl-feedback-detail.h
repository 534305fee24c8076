/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-document.h"

G_BEGIN_DECLS

/*
 * PlFeedbackDetail: answering one feedback item: disposition, priority,
 * response (saved shortly after typing stops), target. Its "Show in text"
 * and "Delete" buttons activate feedback.show-passage and feedback.delete,
 * which the pane provides.
 */
#define PL_TYPE_FEEDBACK_DETAIL (pl_feedback_detail_get_type ())
G_DECLARE_FINAL_TYPE (PlFeedbackDetail, pl_feedback_detail, PL, FEEDBACK_DETAIL, GtkWidget)

GtkWidget     *pl_feedback_detail_new             (void);
PlFeedback    *pl_feedback_detail_get_feedback    (PlFeedbackDetail *self);
void           pl_feedback_detail_refresh         (PlFeedbackDetail *self);
void           pl_feedback_detail_set_feedback    (PlFeedbackDetail *self,
                                                   PlFeedback       *feedback);
/* Writes a response still waiting for its debounce. */
void           pl_feedback_detail_flush           (PlFeedbackDetail *self);
void           pl_feedback_detail_focus_disposition (PlFeedbackDetail *self);

G_END_DECLS
