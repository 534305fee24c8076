/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pl-autosave.h"

G_BEGIN_DECLS

/*
 * PlActionEditor: the fields of one action (title, lead agency, partners,
 * timeframe, priority, status, indicator, estimated cost), written to the
 * document as they are edited. Used beside the implementation plan and in
 * the action dialog of a pillar.
 *
 * Properties: "autosave", "editable", "progress-editable" (the status
 * alone can change: an adopted strategy's implementation is tracked while
 * its text is locked; construct-only), "action" (the action shown, NULL
 * for none).
 */
#define PL_TYPE_ACTION_EDITOR (pl_action_editor_get_type ())
G_DECLARE_FINAL_TYPE (PlActionEditor, pl_action_editor, PL, ACTION_EDITOR, AdwBin)

GtkWidget *pl_action_editor_new        (PlAutosave     *autosave,
                                        gboolean        editable,
                                        gboolean        progress_editable);
PlAction  *pl_action_editor_get_action (PlActionEditor *self);
void       pl_action_editor_set_action (PlActionEditor *self,
                                        PlAction       *action);
/* Moves the keyboard focus to the title field. */
void       pl_action_editor_focus_title (PlActionEditor *self);

G_END_DECLS
