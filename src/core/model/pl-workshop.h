/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-record.h"
#include "pl-enums.h"

G_BEGIN_DECLS

/* A validation workshop. */
#define PL_TYPE_WORKSHOP (pl_workshop_get_type ())
G_DECLARE_FINAL_TYPE (PlWorkshop, pl_workshop, PL, WORKSHOP, PlRecord)

const char *     pl_workshop_get_title (PlWorkshop *self);
const char *     pl_workshop_get_region (PlWorkshop *self);
const char *     pl_workshop_get_location (PlWorkshop *self);
const char *     pl_workshop_get_partner (PlWorkshop *self);
const char *     pl_workshop_get_start_date (PlWorkshop *self);
const char *     pl_workshop_get_end_date (PlWorkshop *self);
const char *     pl_workshop_get_notes (PlWorkshop *self);

G_END_DECLS
