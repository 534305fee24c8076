/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pl-feedback-query.h"

void
pl_feedback_query_init (PlFeedbackQuery *query)
{
  memset (query, 0, sizeof *query);
  query->kind = -1;
  query->disposition = -1;
  query->sector = -1;
  query->orphaned = -1;
}

void
pl_feedback_query_clear (PlFeedbackQuery *query)
{
  g_clear_pointer (&query->text, g_free);
}

void
pl_feedback_query_copy (const PlFeedbackQuery *src,
                        PlFeedbackQuery       *dest)
{
  *dest = *src;
  dest->text = g_strdup (src->text);
}

gboolean
pl_feedback_query_equal (const PlFeedbackQuery *a,
                         const PlFeedbackQuery *b)
{
  const char *ta = a->text && *a->text ? a->text : NULL;
  const char *tb = b->text && *b->text ? b->text : NULL;

  return a->pillar_id == b->pillar_id && a->workshop_id == b->workshop_id &&
         a->stakeholder_id == b->stakeholder_id && a->kind == b->kind &&
         a->disposition == b->disposition && a->sector == b->sector &&
         a->orphaned == b->orphaned && g_strcmp0 (ta, tb) == 0;
}
