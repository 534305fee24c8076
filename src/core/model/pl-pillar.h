/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-record.h"
#include "pl-enums.h"

G_BEGIN_DECLS

/* A pillar of the strategy. */
#define PL_TYPE_PILLAR (pl_pillar_get_type ())
G_DECLARE_FINAL_TYPE (PlPillar, pl_pillar, PL, PILLAR, PlRecord)

const char *     pl_pillar_get_title (PlPillar *self);
const char *     pl_pillar_get_summary (PlPillar *self);
const char *     pl_pillar_get_body (PlPillar *self);

G_END_DECLS
