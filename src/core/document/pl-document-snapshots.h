/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-document.h"
#include "pl-draft.h"

G_BEGIN_DECLS

/*
 * Snapshots of a document (pl-document-snapshots.c): named, frozen,
 * read-only copies of the whole draft (strategy, sections, pillars,
 * objectives, actions; not feedback) inside the same file. They are
 * listed by pl_document_get_snapshots(), oldest first.
 *
 * Rename with pl_document_rename_snapshot(); delete with
 * pl_document_delete() and undo that with pl_document_undelete().
 */

/* Takes a snapshot labelled @label (trimmed; 1 to PL_SNAPSHOT_MAX_LABEL
 * characters of UTF-8). One transaction. (transfer full) */
PlSnapshot *pl_document_take_snapshot       (PlDocument   *self,
                                             const char   *label,
                                             GError      **error);
gboolean    pl_document_rename_snapshot     (PlDocument   *self,
                                             PlSnapshot   *snapshot,
                                             const char   *label,
                                             GError      **error);
/* The draft frozen in @snapshot, or the draft as it is now when @snapshot
 * is NULL, as detached records. Refuses a snapshot of a newer format and
 * a damaged one with a message that says so. (transfer full) */
PlDraft    *pl_document_load_draft          (PlDocument   *self,
                                             PlSnapshot   *snapshot,
                                             GError      **error);
/* Makes the draft equal to @snapshot, after taking a snapshot of the
 * current draft ("Before restoring …"), all in one transaction: on any
 * error nothing changed. Feedback keeps pointing at the same rows.
 * Returns that snapshot of the state before (transfer full): undoing the
 * restore is restoring it. */
PlSnapshot *pl_document_restore_snapshot    (PlDocument   *self,
                                             PlSnapshot   *snapshot,
                                             GError      **error);
/* A snapshot by its number in the list (1 = oldest), its UUID or its
 * exact label (the newest of that name). (transfer full) */
PlSnapshot *pl_document_find_snapshot       (PlDocument   *self,
                                             const char   *key,
                                             GError      **error);
/* The label of the snapshot taken when the status becomes @status
 * ("Entered validation"), translated. */
const char *pl_snapshot_label_for_status    (PlLifecycle   status);
/* The live accepted and partly accepted feedback as (id, target kind,
 * target id) triples (element-type PlDocumentFeedbackTarget), in capture
 * order: what the compare view and the diff match with the changes. */
typedef struct {
  gint64 id;
  int    target_kind;   /* PlTargetKind */
  gint64 target_id;     /* 0 for the strategy */
} PlDocumentFeedbackTarget;

GArray     *pl_document_accepted_feedback   (PlDocument   *self,
                                             GError      **error);
/* Bytes the snapshot copies take in the file. */
gint64      pl_document_snapshots_size      (PlDocument   *self);

G_END_DECLS
