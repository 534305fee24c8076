/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-document.h"

G_BEGIN_DECLS

/*
 * PlCaptureBar: records feedback as it is spoken, from the keyboard.
 * Stakeholder (with completion; a new name creates a stakeholder), kind
 * (Ctrl+1…5, Ctrl+↑/↓), text (Enter adds, Shift+Enter breaks the line).
 *
 * Actions: capture.add, capture.kind (i), capture.next-kind,
 * capture.previous-kind, capture.focus-stakeholder, capture.focus-text.
 * Signal "captured" (PlFeedback *feedback) after each capture.
 */
#define PL_TYPE_CAPTURE_BAR (pl_capture_bar_get_type ())
G_DECLARE_FINAL_TYPE (PlCaptureBar, pl_capture_bar, PL, CAPTURE_BAR, GtkWidget)

GtkWidget      *pl_capture_bar_new               (PlDocument     *document);
PlDocument     *pl_capture_bar_get_document      (PlCaptureBar   *self);
PlRecord       *pl_capture_bar_get_target        (PlCaptureBar   *self);
void            pl_capture_bar_set_target        (PlCaptureBar   *self,
                                                  PlRecord       *target);
GtkTextBuffer  *pl_capture_bar_get_quote_buffer  (PlCaptureBar   *self);
void            pl_capture_bar_set_quote_buffer  (PlCaptureBar   *self,
                                                  GtkTextBuffer  *buffer);
PlWorkshop     *pl_capture_bar_get_workshop      (PlCaptureBar   *self);
void            pl_capture_bar_set_workshop      (PlCaptureBar   *self,
                                                  PlWorkshop     *workshop);
PlFeedbackKind  pl_capture_bar_get_kind          (PlCaptureBar   *self);
void            pl_capture_bar_set_kind          (PlCaptureBar   *self,
                                                  PlFeedbackKind  kind);
void            pl_capture_bar_focus_text        (PlCaptureBar   *self);
gboolean        pl_capture_bar_text_has_focus    (PlCaptureBar   *self);

G_END_DECLS
