/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pl-autosave.h"

G_BEGIN_DECLS

/*
 * PlSnapshotsView: the window that lists the document's snapshots (newest
 * first: label, status of the strategy then, when) and takes, renames,
 * deletes (with an undo toast), restores (after confirming) and compares
 * them.
 *
 * Properties: "autosave" (construct-only; the document is its document),
 * "editable": whether the draft may change (restoring changes it; a
 * locked, adopted strategy or a read-only file may not).
 */

#define PL_TYPE_SNAPSHOTS_VIEW (pl_snapshots_view_get_type ())
G_DECLARE_FINAL_TYPE (PlSnapshotsView, pl_snapshots_view, PL, SNAPSHOTS_VIEW, AdwPreferencesWindow)

GtkWidget *pl_snapshots_view_new          (PlAutosave      *autosave,
                                           gboolean         editable);
void       pl_snapshots_view_set_editable (PlSnapshotsView *self,
                                           gboolean         editable);
/* The row of @snapshot, or NULL (for tests). */
GtkWidget *pl_snapshots_view_get_row      (PlSnapshotsView *self,
                                           PlSnapshot      *snapshot);

G_END_DECLS
