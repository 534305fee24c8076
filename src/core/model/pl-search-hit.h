/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One full-text search hit: the store makes them, the document hands them
 * out (pl_document_search()). */
typedef struct {
  GType   type;     /* PL_TYPE_SECTION, PL_TYPE_PILLAR, ... PL_TYPE_FEEDBACK */
  gint64  id;
  char   *title;
  char   *snippet;  /* the matches between PL_SEARCH_MATCH_START and _END */
} PlSearchHit;

/* Control characters, so that a bracket in the text (a Markdown link) is
 * never taken for a match. */
#define PL_SEARCH_MATCH_START "\002"
#define PL_SEARCH_MATCH_END   "\003"

void           pl_search_hit_free            (PlSearchHit          *hit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlSearchHit, pl_search_hit_free)

G_END_DECLS
