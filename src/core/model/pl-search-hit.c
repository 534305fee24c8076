/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pl-search-hit.h"

void
pl_search_hit_free (PlSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->title);
  g_free (hit->snippet);
  g_free (hit);
}
