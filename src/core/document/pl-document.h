/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pl-types.h"
#include "pl-enums.h"
#include "pl-error.h"
#include "pl-record.h"
#include "pl-strategy.h"
#include "pl-search-hit.h"
#include "pl-section.h"
#include "pl-pillar.h"
#include "pl-objective.h"
#include "pl-action.h"
#include "pl-workshop.h"
#include "pl-stakeholder.h"
#include "pl-feedback.h"
#include "pl-snapshot.h"
#include "pl-feedback-list.h"

G_BEGIN_DECLS

/* The schema version this build writes. */
#define PL_SCHEMA_VERSION 6
/* PRAGMA application_id of every .pillars file: "PLRS". */
#define PL_APPLICATION_ID 0x504c5253

typedef enum {
  PL_DOCUMENT_OPEN_DEFAULT   = 0,
  PL_DOCUMENT_OPEN_READ_ONLY = 1 << 0,  /* never write, even if the file is writable */
} PlDocumentOpenFlags;

typedef enum {
  PL_TEMPLATE_EMPTY,     /* the strategy row only */
  PL_TEMPLATE_STANDARD,  /* front-matter sections and the four standard pillars */
} PlTemplate;

/*
 * PlDocument: one open .pillars file. All changes go through it and each is
 * one transaction, so the file is always the saved state.
 *
 * Signals:
 *  "changed" (PlRecord *record or NULL): after any successful write.
 *  "renumbered": a section, pillar, objective or action was moved, added,
 *     deleted or restored: numbers shown from positions ("4.2") must be
 *     derived again (the records' positions are already up to date).
 *  "write-failed" (GError *error): a write made through a property setter
 *     (e.g. a binding) failed; nothing was changed.
 *  "read-failed" (GError *error): a read with no caller to return its error
 *     to failed: a lazy model (objectives, workshops, feedback, ...) or a
 *     lazy field (a pillar's body) that could not be read from the file
 *     shows as empty, and this says why.
 */
#define PL_TYPE_DOCUMENT (pl_document_get_type ())
G_DECLARE_FINAL_TYPE (PlDocument, pl_document, PL, DOCUMENT, GObject)

PlDocument    *pl_document_open              (const char           *path,
                                              PlDocumentOpenFlags   flags,
                                              GError              **error);
/* Refuses to replace an existing file (PL_DOCUMENT_ERROR_EXISTS). */
PlDocument    *pl_document_create            (const char           *path,
                                              PlTemplate            template_,
                                              GError              **error);
/* Flushes and closes the file; the object stays valid but every write fails. */
void           pl_document_close             (PlDocument           *self);

const char    *pl_document_get_path          (PlDocument           *self);
gboolean       pl_document_is_read_only      (PlDocument           *self);
/* Why it is read-only, translated, or NULL. */
const char    *pl_document_get_read_only_reason (PlDocument        *self);
int            pl_document_get_schema_version(PlDocument           *self);
/* The older document format the file had when it was opened, or 0: a
 * writable document was upgraded in the file, a read-only one only in
 * memory (the file stays as it was). */
int            pl_document_get_upgraded_from (PlDocument           *self);

/* Monotonic count of successful writes, for "saved" indicators. */
guint64        pl_document_get_generation    (PlDocument           *self);

/* Forces a WAL checkpoint so the main file holds everything. */
gboolean       pl_document_flush             (PlDocument           *self,
                                              GError              **error);

/* Groups several changes into one transaction (nestable). */
gboolean       pl_document_begin             (PlDocument           *self,
                                              GError              **error);
gboolean       pl_document_commit            (PlDocument           *self,
                                              GError              **error);
void           pl_document_rollback          (PlDocument           *self);

/* The document @record belongs to (transfer none), or NULL once the
 * document is gone. (A record knows only its PlRecordHost; the document is
 * that host, so this lives here rather than in the model.) */
PlDocument    *pl_record_get_document        (PlRecord             *record);

/* ---- Reading: models (transfer none, live, kept in position order) ---- */
PlStrategy    *pl_document_get_strategy      (PlDocument           *self);
GListModel    *pl_document_get_sections      (PlDocument           *self);  /* PlSection */
GListModel    *pl_document_get_pillars       (PlDocument           *self);  /* PlPillar */
GListModel    *pl_document_get_objectives    (PlDocument           *self,
                                              PlPillar             *pillar); /* PlObjective */
GListModel    *pl_document_get_actions       (PlDocument           *self,
                                              PlObjective          *objective); /* PlAction */
/* Every action of every pillar in document order (implementation plan). */
GListModel    *pl_document_get_all_actions   (PlDocument           *self);
GListModel    *pl_document_get_workshops     (PlDocument           *self);  /* PlWorkshop, by start date */
GListModel    *pl_document_get_stakeholders  (PlDocument           *self);  /* PlStakeholder, by name */
GListModel    *pl_document_get_snapshots     (PlDocument           *self);  /* PlSnapshot */
/* All feedback, newest first; lazily materialised (see PlFeedbackList). */
PlFeedbackList *pl_document_get_feedback     (PlDocument           *self);

/* Look-ups by id (transfer full), NULL with PL_DOCUMENT_ERROR_NO_RECORD. */
PlRecord      *pl_document_lookup            (PlDocument           *self,
                                              GType                 type,
                                              gint64                id,
                                              GError              **error);
PlRecord      *pl_document_lookup_uuid       (PlDocument           *self,
                                              GType                 type,
                                              const char           *uuid,
                                              GError              **error);
/* The pillar/objective/... a feedback or action hangs under (transfer full). */
PlPillar      *pl_document_get_pillar_of     (PlDocument           *self,
                                              PlRecord             *record);
PlObjective   *pl_document_get_objective_of  (PlDocument           *self,
                                              PlAction             *action);
/* Case-insensitive exact match on name, or NULL. (transfer full) */
PlStakeholder *pl_document_find_stakeholder  (PlDocument           *self,
                                              const char           *name);

/* Counts of live (not deleted) rows: "pillars", "objectives", "actions",
 * "sections", "workshops", "stakeholders", "feedback", "snapshots". */
gint64         pl_document_count             (PlDocument           *self,
                                              const char           *what);

/* ---- Writing ---- */
/* Adds a record of @type (PL_TYPE_PILLAR, PL_TYPE_ACTION, ...) under @parent
 * (the pillar of an objective, the objective of an action, else NULL) at
 * @position (-1 = end), with property/value pairs as for pl_record_set().
 * Returns the new record (transfer full). */
gpointer       pl_document_add               (PlDocument           *self,
                                              GType                 type,
                                              PlRecord             *parent,
                                              int                   position,
                                              GError              **error,
                                              const char           *first_property,
                                              ...) G_GNUC_NULL_TERMINATED;
/* Captures feedback: @target may be NULL (the strategy), a PlSection,
 * PlPillar, PlObjective or PlAction; @quote, @workshop and @stakeholder may
 * be NULL. captured-at is now. (transfer full) */
PlFeedback    *pl_document_add_feedback      (PlDocument           *self,
                                              PlFeedbackKind        kind,
                                              const char           *text,
                                              PlRecord             *target,
                                              const char           *quote,
                                              PlWorkshop           *workshop,
                                              PlStakeholder        *stakeholder,
                                              GError              **error);
/* Moves feedback to another target (NULL = the strategy). */
gboolean       pl_document_retarget_feedback (PlDocument           *self,
                                              PlFeedback           *feedback,
                                              PlRecord             *target,
                                              GError              **error);
/* The record the feedback is about (transfer full), NULL for the strategy. */
PlRecord      *pl_document_get_feedback_target (PlDocument         *self,
                                              PlFeedback           *feedback);
/* Moves an ordered record (section, pillar, objective, action) to @position
 * among its siblings. */
gboolean       pl_document_move              (PlDocument           *self,
                                              PlRecord             *record,
                                              guint                 position,
                                              GError              **error);
/* Deletes a record (and, for pillars and objectives, what lies under it).
 * Deleted rows are kept as tombstones so pl_document_undelete() restores
 * them exactly, at their old position, with their feedback. */
gboolean       pl_document_delete            (PlDocument           *self,
                                              PlRecord             *record,
                                              GError              **error);
gboolean       pl_document_undelete          (PlDocument           *self,
                                              PlRecord             *record,
                                              GError              **error);
/* Folds stakeholder @duplicate into @into: its feedback moves over and the
 * duplicate is deleted. */
gboolean       pl_document_fold_stakeholder  (PlDocument           *self,
                                              PlStakeholder        *duplicate,
                                              PlStakeholder        *into,
                                              GError              **error);

/* ---- Search (FTS5) ---- */
/* Full-text search over narrative text (sections, pillars, objectives,
 * actions) and feedback. @query is plain words (all must match; a trailing
 * word matches as a prefix). Returns PlSearchHit* (transfer full). */
GPtrArray     *pl_document_search            (PlDocument           *self,
                                              const char           *query,
                                              guint                 limit,
                                              GError              **error);

/* Integrity and schema check; NULL-terminated list of problems in @problems
 * (empty when the file is sound). */
gboolean       pl_document_check             (PlDocument           *self,
                                              char               ***problems,
                                              GError              **error);

G_END_DECLS
