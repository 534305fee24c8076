/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-record.h"
#include "pl-enums.h"

G_BEGIN_DECLS

/* An action of the implementation plan, within an objective. */
#define PL_TYPE_ACTION (pl_action_get_type ())
G_DECLARE_FINAL_TYPE (PlAction, pl_action, PL, ACTION, PlRecord)

gint64           pl_action_get_objective_id (PlAction *self);
const char *     pl_action_get_title (PlAction *self);
const char *     pl_action_get_lead_agency (PlAction *self);
const char *     pl_action_get_partners (PlAction *self);
PlTimeframe      pl_action_get_timeframe (PlAction *self);
const char *     pl_action_get_start_date (PlAction *self);
const char *     pl_action_get_end_date (PlAction *self);
PlPriority       pl_action_get_priority (PlAction *self);
const char *     pl_action_get_indicator (PlAction *self);
const char *     pl_action_get_cost (PlAction *self);
PlActionStatus   pl_action_get_status (PlAction *self);

G_END_DECLS
