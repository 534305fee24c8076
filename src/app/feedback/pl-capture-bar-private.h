/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-capture-bar.h"

G_BEGIN_DECLS

/* The fields, for tests that type into them as a facilitator does. */
GtkEditable    *pl_capture_bar_get_stakeholder_entry  (PlCaptureBar *self);
GtkEditable    *pl_capture_bar_get_organisation_entry (PlCaptureBar *self);
GtkTextBuffer  *pl_capture_bar_get_text_buffer        (PlCaptureBar *self);

G_END_DECLS
