/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pl-document.h"
#include "pl-merge.h"

G_BEGIN_DECLS

/*
 * PlMergeDialog: the report of a merge of captures. As a preview (a dry
 * run, "document" NULL) it offers the Merge button and emits "apply"; after
 * the merge it lists each conflict with both values and a button that
 * takes the other value into "document", and offers to fold duplicates.
 */
#define PL_TYPE_MERGE_DIALOG (pl_merge_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlMergeDialog, pl_merge_dialog, PL, MERGE_DIALOG, AdwPreferencesWindow)

/* Takes @report. */
GtkWidget  *pl_merge_dialog_new          (PlDocument    *document,
                                          PlMergeReport *report);

G_END_DECLS
