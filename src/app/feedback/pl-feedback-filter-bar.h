/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-document.h"

G_BEGIN_DECLS

/*
 * PlFeedbackFilterBar: what the feedback list shows. Search, scope (the
 * tab in front or the whole strategy), kind and disposition; behind
 * "Filters" the workshop, the sector and "passage gone". Under them the
 * count of what is listed.
 *
 * Properties: "document" (construct-only), "target" (PlRecord*, nullable):
 *  the record in front, whose pillar "This tab" means.
 * Signal: "changed": the user changed a filter; pl_feedback_filter_bar_get_query ()
 *  says what to list now.
 */
#define PL_TYPE_FEEDBACK_FILTER_BAR (pl_feedback_filter_bar_get_type ())
G_DECLARE_FINAL_TYPE (PlFeedbackFilterBar, pl_feedback_filter_bar, PL, FEEDBACK_FILTER_BAR, GtkWidget)

GtkWidget *pl_feedback_filter_bar_new          (PlDocument          *document,
                                                PlRecord            *target);
PlRecord  *pl_feedback_filter_bar_get_target   (PlFeedbackFilterBar *self);
void       pl_feedback_filter_bar_set_target   (PlFeedbackFilterBar *self,
                                                PlRecord            *target);
/* Fills @query (initialised here) from the filters; clear it after use. */
void       pl_feedback_filter_bar_get_query    (PlFeedbackFilterBar *self,
                                                PlFeedbackQuery     *query);
/* Shows how much of what is listed is open. */
void       pl_feedback_filter_bar_show_count   (PlFeedbackFilterBar *self,
                                                guint                open,
                                                guint                n);
void       pl_feedback_filter_bar_focus_search (PlFeedbackFilterBar *self);

G_END_DECLS
