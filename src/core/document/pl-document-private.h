/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-document.h"
#include "pl-document-read.h"
#include "pl-record-loading.h"
#include "pl-store.h"

G_BEGIN_DECLS

/*
 * What the files of PlDocument share, and what the rest of this wing
 * (PlFeedbackList, the template) uses. No other wing includes it: the
 * exporters read through pl-document-read.h.
 *
 *   pl-document.c           the object, the record cache, opening and
 *                           closing, transactions, PlRecordHost
 *   pl-document-models.c    the lazy GListModels, keeping them in order, look-ups
 *   pl-document-read.c      many reads from one snapshot (exports)
 *   pl-document-edit.c      adding, changing, moving, deleting, restoring
 *   pl-document-feedback.c  feedback: capture, targets, orphans, live lists
 *   pl-document-search.c    full-text search and the integrity check
 *   pl-document-history.c   the undo/redo history
 */

/* Who is told when feedback changes: each PlFeedbackList registers itself.
 * The document calls these and knows nothing else of the list. */
typedef struct {
  /* Everything may have changed: count and list again. */
  void (*refresh)   (gpointer    observer);
  /* @feedback was written (@was_open: its disposition before), or is
   * @is_new to every list (captured or restored). */
  void (*sync_item) (gpointer    observer,
                     PlFeedback *feedback,
                     gboolean    was_open,
                     gboolean    is_new);
} PlFeedbackObserverFuncs;

typedef struct {
  gpointer                       observer;
  const PlFeedbackObserverFuncs *funcs;
} PlFeedbackObserver;

typedef struct _PlHistory PlHistory;

struct _PlDocument
{
  GObject         parent_instance;

  PlStore        *store;
  char           *path;
  char           *display_name;
  PlStrategy     *strategy;
  GListStore     *sections;
  GListStore     *pillars;
  GHashTable     *objectives;     /* pillar id -> GListStore */
  GHashTable     *actions;        /* objective id -> GListStore */
  GListStore     *all_actions;    /* NULL until asked for */
  GListStore     *workshops;
  GListStore     *stakeholders;
  GListStore     *snapshots;
  PlFeedbackList *feedback;
  GArray         *feedback_observers; /* PlFeedbackObserver, in registration order */
  guint           feedback_hold;  /* pl_document_hold_feedback_lists() depth */
  gboolean        feedback_stale; /* a change came while held: refresh on release */
  GHashTable     *cache;          /* GType -> (id -> PlRecord, weak) */
  guint64         generation;
  gint64          last_token;
  gboolean        building;       /* being made by pl_document_create_built() */
  PlHistory      *history;        /* undo/redo, in memory; see pl-document-history.c */
};

/* ---- pl-document.c ---- */
PlStore    *pl_document_get_store              (PlDocument    *self);
/* @record is being finalised: it leaves the cache. */
void        pl_document_forget_record          (PlDocument    *self,
                                                PlRecord      *record);
gboolean    pl_document_check_open             (PlDocument    *self,
                                                GError       **error);
/* Counts a successful write and emits "changed". */
void        pl_document_emit_changed           (PlDocument    *self,
                                                PlRecord      *record);
/* Emits "renumbered": a section, pillar, objective or action moved, came or
 * went, so the numbers derived from positions ("4.2") may have changed. */
void        pl_document_emit_renumbered        (PlDocument    *self);
/* Emits "read-failed": a read that had no caller to return @error to
 * (a lazy model, a lazy field) failed. */
void        pl_document_report_read_failure    (PlDocument    *self,
                                                const GError  *error);
void        pl_document_report_write_failure   (PlDocument    *self,
                                                const GError  *error);
char       *pl_document_now_stamp              (void);
/* The id -> record table of @type (weak: a record leaves it when finalised). */
GHashTable *pl_document_cache_for              (PlDocument    *self,
                                                GType          type);
/* The one live object for the row of @fresh (transfer full): the cached
 * one if the row is already in memory, else @fresh, attached. */
gpointer    pl_document_intern                 (PlDocument    *self,
                                                PlRecord      *fresh);
/* Replaces each fresh record in @records by the document's own object
 * for that row (attached), so a row is always one object. */
void        pl_document_intern_records         (PlDocument    *self,
                                                GPtrArray     *records);
GListStore *pl_document_store_from_array       (GType          type,
                                                GPtrArray     *records);

/* ---- pl-document-models.c ---- */
/* The list of the children of @parent_id, loaded when first asked for. */
GListStore *pl_document_children_store         (PlDocument    *self,
                                                GHashTable    *stores,
                                                GType          type,
                                                gint64         parent_id);
/* The live model @record is listed in (NULL if none); @create loads the
 * list of its parent if it is not in memory yet. */
GListStore *pl_document_list_for               (PlDocument    *self,
                                                PlRecord      *record,
                                                gboolean       create);
void        pl_document_insert_into_lists      (PlDocument    *self,
                                                PlRecord      *record);
void        pl_document_remove_from_lists      (PlDocument    *self,
                                                PlRecord      *record,
                                                gboolean       was_open);
void        pl_document_resort_record          (PlDocument    *self,
                                                PlRecord      *record);
void        pl_document_refresh_all_actions    (PlDocument    *self);
void        pl_document_reload_children        (PlDocument    *self,
                                                GHashTable    *stores,
                                                GType          type,
                                                gint64         parent_id);
/* After a rollback: every object and model in memory shows the file again. */
void        pl_document_resync_from_store      (PlDocument    *self);

/* ---- pl-document-edit.c ---- */
/* Updates @n values of @record in one transaction (PlRecordHost.update). */
gboolean    pl_document_update_record          (PlDocument    *self,
                                                PlRecord      *record,
                                                guint          n,
                                                GParamSpec   **pspecs,
                                                const GValue  *values,
                                                GError       **error);
gboolean    pl_document_store_new_record       (PlDocument    *self,
                                                PlRecord      *record,
                                                int            position,
                                                GError       **error);

/* ---- pl-document-history.c: each write records its inverse ---- */
void        pl_document_history_class_init     (GObjectClass  *klass);
void        pl_document_history_free           (PlDocument    *self);
void        pl_document_history_record_update  (PlDocument    *self,
                                                PlRecord      *record,
                                                guint          n,
                                                GParamSpec   **pspecs,
                                                const GValue  *old_values,
                                                const GValue  *new_values);
void        pl_document_history_record_added   (PlDocument    *self,
                                                PlRecord      *record);
void        pl_document_history_record_deleted (PlDocument    *self,
                                                PlRecord      *record);
void        pl_document_history_record_restored (PlDocument   *self,
                                                 PlRecord     *record);
void        pl_document_history_record_moved   (PlDocument    *self,
                                                PlRecord      *record,
                                                guint          old_position);
void        pl_document_history_transaction_begun (PlDocument *self);
void        pl_document_history_transaction_ended (PlDocument *self,
                                                   gboolean    committed);

/* ---- pl-document-feedback.c ---- */
/* Recomputes which feedback quoting @record no longer finds its quote. */
gboolean    pl_document_refresh_orphans        (PlDocument    *self,
                                                PlRecord      *record,
                                                GError       **error);
void        pl_document_add_feedback_observer  (PlDocument                    *self,
                                                gpointer                       observer,
                                                const PlFeedbackObserverFuncs *funcs);
void        pl_document_remove_feedback_observer (PlDocument  *self,
                                                  gpointer     observer);
void        pl_document_sync_feedback_lists    (PlDocument    *self,
                                                PlFeedback    *feedback,
                                                gboolean       was_open,
                                                gboolean       is_new);
void        pl_document_refresh_feedback_lists (PlDocument    *self);

/* Fills a document being created (at its temporary name). */
typedef gboolean (*PlDocumentBuildFunc) (PlDocument  *self,
                                         gpointer     data,
                                         GError     **error);

/* pl_document_create(), with @build run after the template: the document
 * appears at @path only once built. */
PlDocument *pl_document_create_built           (const char           *path,
                                                PlTemplate            template_,
                                                PlDocumentBuildFunc   build,
                                                gpointer              data,
                                                GError              **error);

/* ---- pl-document-snapshots.c ---- */
/* Takes a snapshot of what the file holds now, in the caller's transaction
 * if there is one; @automatic: taken by Pillars itself. (transfer full) */
PlSnapshot *_pl_document_take_snapshot         (PlDocument    *self,
                                                const char    *label,
                                                gboolean       automatic,
                                                GError       **error);

/* ---- pl-template.c ---- */
/* Fills a new document with the standard template. */
gboolean    pl_template_apply                  (PlDocument    *self,
                                                PlTemplate     template_,
                                                GError       **error);

G_END_DECLS
