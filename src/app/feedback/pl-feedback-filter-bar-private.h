/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-feedback-filter-bar.h"

G_BEGIN_DECLS

/* A filter control by name, for tests: "scope", "kind", "disposition",
 * "workshop", "sector" (GtkDropDown), "orphaned" (GtkCheckButton),
 * "search" (GtkSearchEntry). */
GtkWidget *pl_feedback_filter_bar_get_filter (PlFeedbackFilterBar *self,
                                              const char          *name);

G_END_DECLS
