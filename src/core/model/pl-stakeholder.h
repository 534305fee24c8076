/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-record.h"
#include "pl-enums.h"

G_BEGIN_DECLS

/* A person or organisation giving feedback. */
#define PL_TYPE_STAKEHOLDER (pl_stakeholder_get_type ())
G_DECLARE_FINAL_TYPE (PlStakeholder, pl_stakeholder, PL, STAKEHOLDER, PlRecord)

const char *     pl_stakeholder_get_name (PlStakeholder *self);
const char *     pl_stakeholder_get_organisation (PlStakeholder *self);
PlSector         pl_stakeholder_get_sector (PlStakeholder *self);
const char *     pl_stakeholder_get_contact (PlStakeholder *self);
gboolean         pl_stakeholder_get_may_be_named (PlStakeholder *self);

G_END_DECLS
