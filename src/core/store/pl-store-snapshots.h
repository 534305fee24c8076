/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-draft.h"
#include "pl-store.h"

G_BEGIN_DECLS

/*
 * Snapshot copies, content-addressed (pl-store-snapshots.c). A copy is a
 * tree of objects in snapshot_objects, each stored once under the hash of
 * its bytes: rows (a GVariant dictionary of their fields; long texts as
 * lists of paragraph chunks, themselves objects), objectives (their row
 * and their actions), pillars (their row and their objectives) and a root
 * (format, strategy, sections, pillars). An unchanged row, paragraph or
 * subtree is shared by every snapshot that holds it.
 */

/* The format of the copies this build writes and reads. */
#define PL_SNAPSHOT_FORMAT 1

/* The live draft, as detached records. */
PlDraft    *pl_store_load_draft             (PlStore     *store,
                                             GError     **error);
/* Stores the objects of @draft that are not stored yet; returns the hex
 * hash of its root. Call inside a transaction. */
char       *pl_store_write_snapshot_copy    (PlStore     *store,
                                             PlDraft     *draft,
                                             GError     **error);
/* Reads the copy of format @format under @root. Refuses a newer format
 * and damaged objects (missing, or not matching their hash). */
PlDraft    *pl_store_read_snapshot_copy     (PlStore     *store,
                                             const char  *root,
                                             gint64       format,
                                             const char  *label,
                                             GError     **error);
/* Makes the live strategy, sections, pillars, objectives and actions equal
 * to @draft, row by row matched by UUID: changed rows are updated (a
 * deleted one brought back), rows not in @draft are deleted with @token,
 * rows only in @draft are inserted with their UUID. Returns the UUIDs of
 * the rows written (in @changed, may be NULL). Call inside a transaction. */
gboolean    pl_store_restore_draft          (PlStore     *store,
                                             PlDraft     *draft,
                                             gint64       token,
                                             const char  *now,
                                             GPtrArray   *changed,
                                             GError     **error);
/* One accepted or partly accepted feedback item and what it is about. */
typedef struct {
  gint64 id;
  int    target_kind;   /* PlTargetKind */
  gint64 target_id;     /* 0 for the strategy */
} PlFeedbackTarget;

/* Every live accepted or partly accepted feedback item, in capture order,
 * as PlFeedbackTarget (one query: the diff looks up only those that
 * targeted a change). */
GArray     *pl_store_accepted_feedback      (PlStore     *store,
                                             GError     **error);
/* Bytes held by snapshot objects (for the storage bound's test). */
gint64      pl_store_snapshot_objects_size  (PlStore     *store);

G_END_DECLS
