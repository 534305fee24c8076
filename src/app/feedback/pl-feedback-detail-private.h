/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-feedback-detail.h"

G_BEGIN_DECLS

/* The fields, for tests that answer an item as a drafter does. */
GtkDropDown   *pl_feedback_detail_get_kind_dropdown        (PlFeedbackDetail *self);
GtkDropDown   *pl_feedback_detail_get_disposition_dropdown (PlFeedbackDetail *self);
GtkDropDown   *pl_feedback_detail_get_priority_dropdown    (PlFeedbackDetail *self);
GtkTextBuffer *pl_feedback_detail_get_response_buffer      (PlFeedbackDetail *self);

G_END_DECLS
