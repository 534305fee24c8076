/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pl-types.h"

G_BEGIN_DECLS

/*
 * PlDraft: the whole draft as a tree of detached records: the strategy,
 * its sections, its pillars, each pillar's objectives, each objective's
 * actions, in document order. Either the draft as it is now or a
 * snapshot's frozen copy; never written to. Children are kept by the
 * parent's UUID, so the tree never depends on row ids.
 */
#define PL_TYPE_DRAFT (pl_draft_get_type ())
G_DECLARE_FINAL_TYPE (PlDraft, pl_draft, PL, DRAFT, GObject)

PlDraft    *pl_draft_new            (void);

PlStrategy *pl_draft_get_strategy   (PlDraft    *self);
/* (element-type PlSection) (transfer none), never NULL. */
GPtrArray  *pl_draft_get_sections   (PlDraft    *self);
/* (element-type PlPillar) (transfer none), never NULL. */
GPtrArray  *pl_draft_get_pillars    (PlDraft    *self);
/* Objectives of the pillar whose UUID is @pillar_uuid (empty if none). */
GPtrArray  *pl_draft_get_objectives (PlDraft    *self,
                                     const char *pillar_uuid);
/* Actions of the objective whose UUID is @objective_uuid (empty if none). */
GPtrArray  *pl_draft_get_actions    (PlDraft    *self,
                                     const char *objective_uuid);
/* Any record of the draft by UUID (transfer none), or NULL. */
PlRecord   *pl_draft_lookup         (PlDraft    *self,
                                     const char *uuid);
/* The UUID of the pillar/objective a record hangs under, or NULL. */
const char *pl_draft_get_parent_uuid (PlDraft   *self,
                                      const char *uuid);
guint       pl_draft_count_actions  (PlDraft    *self);

/* Building (the store only): each takes a reference to @record. */
void        pl_draft_set_strategy   (PlDraft    *self,
                                     PlStrategy *strategy);
void        pl_draft_add_section    (PlDraft    *self,
                                     PlSection  *section);
void        pl_draft_add_pillar     (PlDraft    *self,
                                     PlPillar   *pillar);
void        pl_draft_add_objective  (PlDraft    *self,
                                     const char *pillar_uuid,
                                     PlObjective *objective);
void        pl_draft_add_action     (PlDraft    *self,
                                     const char *objective_uuid,
                                     PlAction   *action);

G_END_DECLS
