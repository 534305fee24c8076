/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-search-hit.h"

G_BEGIN_DECLS

/*
 * The view logic of a search result: its snippet as a person reads it.
 * The index holds Markdown, so a snippet came back with "**CSIRT**",
 * "[ITU](https://…)" and table pipes; an action's fields ran together.
 */

/* Pango markup of @hit's snippet, the matches in bold, Markdown's inline
 * syntax taken out and its lines joined (an action's fields with " · ").
 * @plain: the same text without markup (for the accessible label);
 * @match: the first matched word, to select in the text (NULL if none). */
char        *pl_search_format_snippet            (const PlSearchHit *hit,
                                                  char             **plain,
                                                  char             **match);

G_END_DECLS
