/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-document.h"

G_BEGIN_DECLS

/* PlFeedbackRow: one item of the feedback list (recycled by the list view). */
#define PL_TYPE_FEEDBACK_ROW (pl_feedback_row_get_type ())
G_DECLARE_FINAL_TYPE (PlFeedbackRow, pl_feedback_row, PL, FEEDBACK_ROW, GtkWidget)

GtkWidget   *pl_feedback_row_new           (void);
PlFeedback  *pl_feedback_row_get_feedback  (PlFeedbackRow *self);
void         pl_feedback_row_set_feedback  (PlFeedbackRow *self,
                                            PlFeedback    *feedback);

/* Re-reads what the row shows of other records (stakeholder, workshop, target). */
void         pl_feedback_row_refresh       (PlFeedbackRow *self);

G_END_DECLS
