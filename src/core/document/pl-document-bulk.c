/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-document-bulk.h"
#include "pl-document-private.h"

/* A feedback list kept in step item by item asks the store where each new
 * item ranks: a millisecond each, seconds for a review copy's 1,500 items.
 * Held, the lists are refreshed once when the batch ends. */

void
pl_document_hold_feedback_lists (PlDocument *self)
{
  g_return_if_fail (PL_IS_DOCUMENT (self));
  self->feedback_hold++;
}

void
pl_document_release_feedback_lists (PlDocument *self)
{
  g_return_if_fail (PL_IS_DOCUMENT (self));
  g_return_if_fail (self->feedback_hold > 0);

  if (--self->feedback_hold == 0 && self->feedback_stale)
    pl_document_refresh_feedback_lists (self);
}

GPtrArray *
pl_document_review_feedback (PlDocument  *self,
                             GError     **error)
{
  g_return_val_if_fail (PL_IS_DOCUMENT (self), NULL);

  if (!pl_document_check_open (self, error))
    return NULL;
  return pl_store_review_feedback (pl_document_get_store (self), error);
}
