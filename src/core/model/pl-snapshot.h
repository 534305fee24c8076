/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-record.h"
#include "pl-enums.h"

G_BEGIN_DECLS

/*
 * A named, frozen copy of the draft. The row holds the label, the
 * lifecycle status at the time and the hash of the copy's root; the copy
 * itself is content-addressed objects shared between snapshots (see the
 * store's pl-store-snapshots.c). created-at is when it was taken.
 */
#define PL_TYPE_SNAPSHOT (pl_snapshot_get_type ())
G_DECLARE_FINAL_TYPE (PlSnapshot, pl_snapshot, PL, SNAPSHOT, PlRecord)

/* The longest label a snapshot may have, in characters. */
#define PL_SNAPSHOT_MAX_LABEL 500

const char *     pl_snapshot_get_name      (PlSnapshot *self);
/* Legacy (format 2): the draft as Markdown; empty for real snapshots. */
const char *     pl_snapshot_get_content   (PlSnapshot *self);
/* The lifecycle status of the strategy when the snapshot was taken. */
PlLifecycle      pl_snapshot_get_status    (PlSnapshot *self);
/* Taken by Pillars itself (a status change, before a restore). */
gboolean         pl_snapshot_get_automatic (PlSnapshot *self);
/* Hex hash of the copy's root object; "" when the row holds no copy. */
const char *     pl_snapshot_get_root      (PlSnapshot *self);
/* The snapshot format the copy was written in (1 today). */
gint64           pl_snapshot_get_format    (PlSnapshot *self);

G_END_DECLS
