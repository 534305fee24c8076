/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pl-types.h"
#include "pl-enums.h"

G_BEGIN_DECLS

/* What a feedback list shows: the store runs it, the document's
 * PlFeedbackList keeps its result. Zero/-1 fields mean "any". */
typedef struct {
  gint64  pillar_id;       /* 0 = any; feedback on the pillar and everything under it */
  gint64  workshop_id;     /* 0 = any */
  gint64  stakeholder_id;  /* 0 = any */
  int     kind;            /* PlFeedbackKind or -1 */
  int     disposition;     /* PlDisposition or -1 */
  int     sector;          /* PlSector of the stakeholder or -1 */
  int     orphaned;        /* 1 = only orphaned, 0 = only not orphaned, -1 any */
  char   *text;            /* FTS words, NULL or "" = any */
} PlFeedbackQuery;

void             pl_feedback_query_init   (PlFeedbackQuery       *query);
void             pl_feedback_query_clear  (PlFeedbackQuery       *query);
void             pl_feedback_query_copy   (const PlFeedbackQuery *src,
                                           PlFeedbackQuery       *dest);
gboolean         pl_feedback_query_equal  (const PlFeedbackQuery *a,
                                           const PlFeedbackQuery *b);

G_END_DECLS
