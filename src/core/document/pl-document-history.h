/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-document.h"

G_BEGIN_DECLS

/*
 * The document's one undo/redo history, kept in memory (never in the file).
 *
 * Every write made through PlDocument records its inverse: a changed field
 * its old value, an add a delete, a delete a restore from the tombstones, a
 * move the old position. The writes of one transaction (pl_document_begin()
 * … pl_document_commit()) form one step; a rollback drops what it undid.
 * Consecutive changes of the same text field of the same record fold into
 * one step, so typing a title is undone at once.
 *
 * A larger operation that should be one step with its own name (a snapshot
 * restore, a merge) wraps its writes in pl_document_history_begin_step() /
 * pl_document_history_end_step(): everything written in between, in any
 * number of transactions, is undone and redone together.
 *
 * "history-changed" is emitted on the document whenever what can be undone
 * or redone changes.
 */

gboolean    pl_document_can_undo              (PlDocument  *self);
gboolean    pl_document_can_redo              (PlDocument  *self);
/* What Undo/Redo would undo/redo, e.g. "deleting action “Train judges”"
 * (translated, lower case, to follow "Undid"/"Redid"), or NULL. */
const char *pl_document_get_undo_label        (PlDocument  *self);
const char *pl_document_get_redo_label        (PlDocument  *self);
/* Undoes/redoes the last step in one transaction. On success @label (if
 * not NULL) gets the step's label (transfer full). If the step can no
 * longer be applied the file is left as it was and the step is dropped. */
gboolean    pl_document_undo                  (PlDocument  *self,
                                               char       **label,
                                               GError     **error);
gboolean    pl_document_redo                  (PlDocument  *self,
                                               char       **label,
                                               GError     **error);

/* Groups all writes until the matching end into one step named @label
 * (translated, lower case: "restoring snapshot “v0.3”"). Nestable; the
 * outermost label wins. */
void        pl_document_history_begin_step    (PlDocument  *self,
                                               const char  *label);
void        pl_document_history_end_step      (PlDocument  *self);

/* Writes between these are not recorded: typing in a text buffer, which
 * has its own undo. Nestable. */
void        pl_document_history_suspend       (PlDocument  *self);
void        pl_document_history_resume        (PlDocument  *self);

/* Ends folding: the next change of the same field starts a new step
 * (e.g. when the field loses focus). */
void        pl_document_history_seal          (PlDocument  *self);
/* Forgets every step (e.g. after a change that cannot be undone). */
void        pl_document_history_clear         (PlDocument  *self);

/* How a toast names @record: kind and title, e.g. action “Train 500
 * judges” (translated; the title shortened to 40 characters). */
char       *pl_document_describe_record       (PlRecord    *record);

G_END_DECLS
