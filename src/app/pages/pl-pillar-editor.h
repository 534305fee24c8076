/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pl-autosave.h"

G_BEGIN_DECLS

/*
 * PlPillarEditor: the tab of one pillar: title, summary, the narrative in a
 * Markdown editor (undo/redo, find) and the pillar's objectives with their
 * actions. Its widgets are made and the content is loaded by
 * pl_pillar_editor_ensure_loaded(), when the tab is first shown (or by any
 * function below that needs them), so a strategy with many pillars opens fast.
 *
 * Properties: "autosave", "pillar", "editable" (construct-only);
 * "current-target" (PlRecord, read-only): the pillar, or the objective or
 * action the drafter is working on in it.
 * Signal "record-deleted" (PlRecord *record, const char *message): an
 * objective or action was deleted in the page; the window offers to undo.
 */
#define PL_TYPE_PILLAR_EDITOR (pl_pillar_editor_get_type ())
G_DECLARE_FINAL_TYPE (PlPillarEditor, pl_pillar_editor, PL, PILLAR_EDITOR, AdwBin)

GtkWidget     *pl_pillar_editor_new                (PlAutosave     *autosave,
                                                    PlPillar       *pillar,
                                                    gboolean        editable);
PlPillar      *pl_pillar_editor_get_pillar         (PlPillarEditor *self);
void           pl_pillar_editor_ensure_loaded      (PlPillarEditor *self);
GtkTextBuffer *pl_pillar_editor_get_buffer         (PlPillarEditor *self);
PlRecord      *pl_pillar_editor_get_current_target (PlPillarEditor *self);
/* New objective / action (in the current objective, else the last one),
 * returned (transfer none), or NULL when read-only or on error. */
PlObjective   *pl_pillar_editor_add_objective      (PlPillarEditor *self);
PlAction      *pl_pillar_editor_add_action         (PlPillarEditor *self);
void           pl_pillar_editor_start_search       (PlPillarEditor *self);
void           pl_pillar_editor_focus_title        (PlPillarEditor *self);
/* Shows @target (the pillar, one of its objectives or actions) and selects
 * @quote in it; FALSE if the quote was not found. */
gboolean       pl_pillar_editor_show_passage       (PlPillarEditor *self,
                                                    PlRecord       *target,
                                                    const char     *quote);

G_END_DECLS
