/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-record.h"
#include "pl-enums.h"

G_BEGIN_DECLS

/* A front-matter section (executive summary, introduction, ...). */
#define PL_TYPE_SECTION (pl_section_get_type ())
G_DECLARE_FINAL_TYPE (PlSection, pl_section, PL, SECTION, PlRecord)

PlSectionKind    pl_section_get_kind (PlSection *self);
const char *     pl_section_get_title (PlSection *self);
const char *     pl_section_get_body (PlSection *self);

G_END_DECLS
