/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-record.h"
#include "pl-enums.h"

G_BEGIN_DECLS

/* An objective within a pillar. */
#define PL_TYPE_OBJECTIVE (pl_objective_get_type ())
G_DECLARE_FINAL_TYPE (PlObjective, pl_objective, PL, OBJECTIVE, PlRecord)

gint64           pl_objective_get_pillar_id (PlObjective *self);
const char *     pl_objective_get_title (PlObjective *self);
const char *     pl_objective_get_description (PlObjective *self);

G_END_DECLS
