/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pl-autosave.h"

G_BEGIN_DECLS

/*
 * PlPlanPage: the implementation plan: every action of every pillar in a
 * sortable GtkColumnView (pillar, objective, action, lead agency,
 * timeframe, priority, start, end, cost, partners, indicator, status; the
 * drafter shows, hides and resizes them), with the selected action
 * editable beside it.
 *
 * Properties: "autosave", "editable", "progress-editable" (only the
 * actions' status can change; construct-only).
 */
#define PL_TYPE_PLAN_PAGE (pl_plan_page_get_type ())
G_DECLARE_FINAL_TYPE (PlPlanPage, pl_plan_page, PL, PLAN_PAGE, AdwBin)

GtkWidget     *pl_plan_page_new              (PlAutosave *autosave,
                                              gboolean    editable,
                                              gboolean    progress_editable);
/* Reads the actions and builds the table (done when first shown). */
void           pl_plan_page_ensure_loaded    (PlPlanPage *self);
gboolean       pl_plan_page_select           (PlPlanPage *self,
                                              PlAction   *action);
/* Where the columns shown and their widths are remembered
 * ("plan-hidden-columns", "plan-column-widths"); set before first shown. */
void           pl_plan_page_set_settings     (PlPlanPage *self,
                                              GSettings  *settings);

G_END_DECLS
