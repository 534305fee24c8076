/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-record.h"
#include "pl-enums.h"

G_BEGIN_DECLS

/* A named, frozen copy of the draft. */
#define PL_TYPE_SNAPSHOT (pl_snapshot_get_type ())
G_DECLARE_FINAL_TYPE (PlSnapshot, pl_snapshot, PL, SNAPSHOT, PlRecord)

const char *     pl_snapshot_get_name (PlSnapshot *self);
const char *     pl_snapshot_get_content (PlSnapshot *self);

G_END_DECLS
