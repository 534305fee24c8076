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
/* A BCP 47 tag ("en-GB", "ar"), or "" for the user interface's language. */
const char *     pl_strategy_get_language (PlStrategy *self);
/* The language the exports declare: the strategy's, else the user
 * interface's (as a BCP 47 tag), else "en". */
char *           pl_strategy_dup_document_language (PlStrategy *self);
/* A BCP 47 language tag in its common form: "ar", "en-GB", "zh-Hant-TW". */
gboolean         pl_language_tag_is_valid (const char *tag);

G_END_DECLS
