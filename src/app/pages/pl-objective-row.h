/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pl-autosave.h"

G_BEGIN_DECLS

/*
 * PlObjectiveRow: one objective of a pillar, as an expander row. Its
 * fields and the list of its actions are built the first time it is
 * expanded. Actions open in a dialog to be edited.
 *
 * Properties: "autosave", "objective", "editable" (construct-only);
 * "current-target" (read-only): the objective, or the action being edited
 * in it, whichever the drafter touched last (NULL before).
 * Signal "record-deleted" (PlRecord *record, const char *message): the
 * objective or one of its actions was deleted from the row's buttons.
 */
#define PL_TYPE_OBJECTIVE_ROW (pl_objective_row_get_type ())
G_DECLARE_FINAL_TYPE (PlObjectiveRow, pl_objective_row, PL, OBJECTIVE_ROW, AdwExpanderRow)

GtkWidget   *pl_objective_row_new              (PlAutosave     *autosave,
                                                PlObjective    *objective,
                                                gboolean        editable);
PlObjective *pl_objective_row_get_objective    (PlObjectiveRow *self);
void         pl_objective_row_set_number       (PlObjectiveRow *self,
                                                const char     *number);
PlRecord    *pl_objective_row_get_current_target (PlObjectiveRow *self);
/* Adds an action at the end and opens it; returns it (transfer none). */
PlAction    *pl_objective_row_add_action       (PlObjectiveRow *self);
/* Expands the row and moves the focus to the objective's title. */
void         pl_objective_row_focus            (PlObjectiveRow *self);
/* Selects @text in the title or description if it is there. */
gboolean     pl_objective_row_select_text      (PlObjectiveRow *self,
                                                const char     *text);
/* The row of @action, expanded and focused. */
gboolean     pl_objective_row_reveal_action    (PlObjectiveRow *self,
                                                PlAction       *action,
                                                const char     *text);

G_END_DECLS
