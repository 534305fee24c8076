/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pl-types.h"
#include "pl-enums.h"
#include "pl-feedback-query.h"

G_BEGIN_DECLS

/* Declared in full by pl-document.h, which includes this header first. */
typedef struct _PlDocument PlDocument;

/*
 * PlFeedbackList: a GListModel of PlFeedback over the document, newest
 * first. It holds only the matching row ids; items are built when asked for,
 * so a list of 20,000 costs 20,000 integers. It follows the document: a
 * captured item that matches is inserted with one items-changed(0, 0, 1).
 * The list registers itself with its document as a feedback observer
 * (pl-document-private.h); the document drives it through that table of
 * functions and knows nothing else of it. A failed read is reported by
 * the document's "read-failed" signal.
 *
 * Properties: "query-count" (matching items), "open-count" (of those, with
 * disposition open).
 */
#define PL_TYPE_FEEDBACK_LIST (pl_feedback_list_get_type ())
G_DECLARE_FINAL_TYPE (PlFeedbackList, pl_feedback_list, PL, FEEDBACK_LIST, GObject)

PlFeedbackList  *pl_feedback_list_new          (PlDocument            *document,
                                                const PlFeedbackQuery *query);
PlDocument      *pl_feedback_list_get_document (PlFeedbackList        *self);
const PlFeedbackQuery *pl_feedback_list_get_query (PlFeedbackList     *self);
/* Re-runs the query; emits one items-changed for the span of the list that
 * differs (none if nothing does). */
gboolean         pl_feedback_list_set_query    (PlFeedbackList        *self,
                                                const PlFeedbackQuery *query,
                                                GError               **error);
/* Reads every live item into memory once (20,000 items: some 15 MB and a
 * tenth of a second), so that a change of query reads no rows; a new query
 * does it first if it was not done, a refresh undoes it. */
void             pl_feedback_list_preload      (PlFeedbackList        *self);
guint            pl_feedback_list_get_open_count (PlFeedbackList      *self);
/* Position of the feedback with @id, or -1. */
int              pl_feedback_list_find         (PlFeedbackList        *self,
                                                gint64                 id);

G_END_DECLS
