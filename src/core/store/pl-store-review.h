/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-store.h"

G_BEGIN_DECLS

/* One live feedback item that came from a returned review copy (origin
 * other than "captured"): what the review import compares a new item with
 * to tell whether it was imported before. */
typedef struct {
  char *origin;       /* the origin's nick: "review-comment", "tracked-change" … */
  char *stakeholder;  /* the live stakeholder's name, or "" */
  char *body;
  char *quote;
  char *proposal;
} PlStoreReviewRow;

void       pl_store_review_row_free  (PlStoreReviewRow *row);

/* All such items in one query (element-type PlStoreReviewRow), so an
 * import of thousands of items does not walk the feedback list. */
GPtrArray *pl_store_review_feedback  (PlStore  *store,
                                      GError  **error);

G_END_DECLS
