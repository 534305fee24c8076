/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-record.h"
#include "pl-enums.h"

G_BEGIN_DECLS

/* The strategy itself: exactly one per document. */
#define PL_TYPE_STRATEGY (pl_strategy_get_type ())
G_DECLARE_FINAL_TYPE (PlStrategy, pl_strategy, PL, STRATEGY, PlRecord)

const char *     pl_strategy_get_title (PlStrategy *self);
const char *     pl_strategy_get_country (PlStrategy *self);
const char *     pl_strategy_get_version_label (PlStrategy *self);
PlLifecycle      pl_strategy_get_status (PlStrategy *self);
const char *     pl_strategy_get_classification (PlStrategy *self);
const char *     pl_strategy_get_lead_agency (PlStrategy *self);
const char *     pl_strategy_get_vision (PlStrategy *self);

G_END_DECLS
