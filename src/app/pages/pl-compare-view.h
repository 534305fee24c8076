/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pl-diff.h"

G_BEGIN_DECLS

/*
 * PlCompareView: what changed between a snapshot and the current draft,
 * or between two snapshots. A summary at the top, then per pillar the
 * objectives and actions added, removed, moved and changed field by field,
 * narratives with their inserted and deleted words marked (colour and
 * underline or strikethrough), and under each change the accepted or
 * partly accepted recommendations that targeted it. F8 and Shift+F8 (or
 * Alt+↓ and Alt+↑) go to the next and previous change; "Changed pillars
 * only" hides the pillars that did not change.
 */

#define PL_TYPE_COMPARE_VIEW (pl_compare_view_get_type ())
G_DECLARE_FINAL_TYPE (PlCompareView, pl_compare_view, PL, COMPARE_VIEW, AdwWindow)

/* Compares @old (NULL: the newest snapshot) with @new (NULL: the current
 * draft). */
GtkWidget     *pl_compare_view_new         (PlDocument    *document,
                                            PlSnapshot    *old,
                                            PlSnapshot    *new);
/* Chooses the two versions compared (NULL @new: the current draft). */
void           pl_compare_view_set_versions (PlCompareView *self,
                                            PlSnapshot    *old,
                                            PlSnapshot    *new);
void           pl_compare_view_set_changed_only (PlCompareView *self,
                                            gboolean       changed_only);
/* Moves to the next (or previous) change and selects it; FALSE at the end. */
gboolean       pl_compare_view_go_to_change (PlCompareView *self,
                                            gboolean       forward);
/* The comparison is running (in a thread); the diff is NULL until it ends. */
gboolean       pl_compare_view_get_busy    (PlCompareView *self);
/* For tests: the diff shown (NULL when it failed) and the text. */
PlDiff        *pl_compare_view_get_diff    (PlCompareView *self);
GtkTextBuffer *pl_compare_view_get_buffer  (PlCompareView *self);

G_END_DECLS
