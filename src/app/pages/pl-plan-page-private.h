/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-plan-page.h"

G_BEGIN_DECLS

/* For tests: what the plan shows and whether it is loaded. */
gboolean       pl_plan_page_is_loaded        (PlPlanPage *self);
GtkColumnView *pl_plan_page_get_column_view  (PlPlanPage *self);
/* The action being edited, or NULL. */
PlAction      *pl_plan_page_get_selected     (PlPlanPage *self);

/* pl-plan-page-columns.c: showing, hiding and sizing the columns. */
void           pl_plan_page_column_set_key   (GtkColumnViewColumn *column,
                                              const char          *key);
void           pl_plan_page_columns_setup    (GtkWidget           *page,
                                              GtkColumnView       *view,
                                              GtkMenuButton       *button,
                                              GSettings           *settings);

G_END_DECLS
