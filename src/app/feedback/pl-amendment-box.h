/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pl-document.h"

G_BEGIN_DECLS

/*
 * PlAmendmentBox: in the feedback detail, what an amendment proposes
 * (replace the quoted passage with …, insert after it, delete it), an
 * "Apply Amendment" button that changes the text (one undo step) and
 * accepts the item, and once applied, which change answered it. Hidden
 * for other kinds of feedback.
 */
#define PL_TYPE_AMENDMENT_BOX (pl_amendment_box_get_type ())
G_DECLARE_FINAL_TYPE (PlAmendmentBox, pl_amendment_box, PL, AMENDMENT_BOX, GtkWidget)

void  pl_amendment_box_set_feedback (PlAmendmentBox *self,
                                     PlFeedback     *feedback);

G_END_DECLS
