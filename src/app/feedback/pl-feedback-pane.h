/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-document.h"

G_BEGIN_DECLS

/*
 * PlFeedbackPane: the side pane of validation workshops. A capture bar on
 * top, the workshop in "live" mode, the filtered list of feedback and the
 * detail area where each item gets its disposition and response.
 *
 * Properties:
 *  "document" (construct-only)
 *  "target" (PlRecord*, nullable): what a capture attaches to; NULL = strategy
 *  "quote-buffer" (GtkTextBuffer*, nullable): its selection is quoted on capture
 *  "active-workshop" (PlWorkshop*, nullable): every capture is stamped with it
 * Signal:
 *  "show-passage" (PlFeedback *feedback): "Show in Text" was pressed
 * Actions (on the pane): pane.focus-capture, pane.focus-search,
 *  pane.workshops, pane.stakeholders, feedback.delete, feedback.undo-delete,
 *  feedback.show-passage, plus the capture bar's capture.* actions.
 */
#define PL_TYPE_FEEDBACK_PANE (pl_feedback_pane_get_type ())
G_DECLARE_FINAL_TYPE (PlFeedbackPane, pl_feedback_pane, PL, FEEDBACK_PANE, GtkWidget)

PlFeedbackPane *pl_feedback_pane_new                 (PlDocument     *document);
PlDocument     *pl_feedback_pane_get_document        (PlFeedbackPane *self);
PlRecord       *pl_feedback_pane_get_target          (PlFeedbackPane *self);
void            pl_feedback_pane_set_target          (PlFeedbackPane *self,
                                                      PlRecord       *target);
GtkTextBuffer  *pl_feedback_pane_get_quote_buffer    (PlFeedbackPane *self);
void            pl_feedback_pane_set_quote_buffer    (PlFeedbackPane *self,
                                                      GtkTextBuffer  *buffer);
PlWorkshop     *pl_feedback_pane_get_active_workshop (PlFeedbackPane *self);
void            pl_feedback_pane_set_active_workshop (PlFeedbackPane *self,
                                                      PlWorkshop     *workshop);
/* Shows the whole capture bar, even on a short pane, until the focus leaves it. */
void            pl_feedback_pane_open_capture        (PlFeedbackPane *self);
/* Puts the keyboard focus into the capture text. */
void            pl_feedback_pane_focus_capture       (PlFeedbackPane *self);
/* Shows @feedback in the detail area (and selects it if it is listed). */
void            pl_feedback_pane_select              (PlFeedbackPane *self,
                                                      PlFeedback     *feedback);
PlFeedback     *pl_feedback_pane_get_selected        (PlFeedbackPane *self);
/* The detail area beside the list (a wide pane over a narrow window's
 * tabs) or below it (a side pane); called after each move of the pane
 * (it sets the states of its actions again). */
void            pl_feedback_pane_set_detail_beside   (PlFeedbackPane *self,
                                                      gboolean        beside);

G_END_DECLS
