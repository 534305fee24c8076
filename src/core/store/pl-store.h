/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pl-types.h"
#include "pl-feedback-query.h"

G_BEGIN_DECLS

/*
 * PlStore: the SQLite side of a document. The only place that builds SQL.
 * Not a GObject: owned by exactly one PlDocument.
 */
typedef struct _PlStore PlStore;

PlStore    *pl_store_open              (const char     *path,
                                        gboolean        create,
                                        gboolean        read_only,
                                        GError        **error);
/* For tests: creates a file at an older schema version. */
PlStore    *pl_store_create_at_version (const char     *path,
                                        int             version,
                                        GError        **error);
void        pl_store_free              (PlStore        *store);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlStore, pl_store_free)

gboolean    pl_store_is_read_only      (PlStore        *store);
const char *pl_store_get_read_only_reason (PlStore     *store);
/* The document format of the file (also when it is read through an
 * upgrade in memory). */
int         pl_store_get_version       (PlStore        *store);
/* The format the file had when it was opened, if it was upgraded (in the
 * file for a writable store, in memory only for a read-only one), else 0. */
int         pl_store_get_upgraded_from (PlStore        *store);
/* For tests: behave as a build that understands formats up to @version
 * only (an older Pillars), until set back to PL_STORE_SCHEMA_VERSION. */
void        pl_store_set_understood_version_for_test (int version);
/* Runs raw SQL: for tests that need to build odd files only. */
gboolean    pl_store_exec_for_test     (PlStore        *store,
                                        const char     *sql,
                                        GError        **error);

gboolean    pl_store_begin             (PlStore        *store,
                                        GError        **error);
 /* A read transaction (also on read-only files); end it with commit. */
gboolean    pl_store_begin_read        (PlStore        *store,
                                        GError        **error);
gboolean    pl_store_commit            (PlStore        *store,
                                        GError        **error);
void        pl_store_rollback          (PlStore        *store);
/* How many transactions are open (0 = none). */
guint       pl_store_get_depth         (PlStore        *store);
gboolean    pl_store_checkpoint        (PlStore        *store,
                                        GError        **error);

/* Loads live records of @type (under @parent_id if the type has a parent,
 * parent_id < 0 = all), in position order (or @order_by). New objects,
 * not attached to a document. */
GPtrArray  *pl_store_load              (PlStore        *store,
                                        GType           type,
                                        gint64          parent_id,
                                        GError        **error);
/* Every live row of @type grouped by parent, in position order within a
 * parent, narrative columns included (for exports, which read them all). */
GPtrArray  *pl_store_load_everything   (PlStore        *store,
                                        GType           type,
                                        GError        **error);
/* Loads every live action in document order (pillar, objective, action). */
GPtrArray  *pl_store_load_all_actions  (PlStore        *store,
                                        GError        **error);
PlRecord   *pl_store_load_one          (PlStore        *store,
                                        GType           type,
                                        gint64          id,
                                        gboolean        even_deleted,
                                        GError        **error);
/* Reads one column of @record into @value (initialised to its type). */
gboolean    pl_store_fetch_column      (PlStore        *store,
                                        PlRecord       *record,
                                        GParamSpec     *pspec,
                                        GValue         *value,
                                        GError        **error);
gint64      pl_store_find_id_by_uuid   (PlStore        *store,
                                        GType           type,
                                        const char     *uuid);
gint64      pl_store_find_stakeholder  (PlStore        *store,
                                        const char     *name);
gint64      pl_store_count             (PlStore        *store,
                                        const char     *table);

/* Inserts @record (values already loaded), at @position among its
 * siblings (-1 = end); sets id, uuid, timestamps and position. */
gboolean    pl_store_insert            (PlStore        *store,
                                        PlRecord       *record,
                                        int             position,
                                        GError        **error);
gboolean    pl_store_update            (PlStore        *store,
                                        PlRecord       *record,
                                        guint           n,
                                        GParamSpec    **pspecs,
                                        const GValue   *values,
                                        const char     *now,
                                        GError        **error);
/* Soft delete: marks the row (and what lies under it) with @token. */
gboolean    pl_store_delete            (PlStore        *store,
                                        PlRecord       *record,
                                        gint64          token,
                                        const char     *now,
                                        GError        **error);
/* Returns the token the row was deleted with (0 if live). */
gint64      pl_store_get_deleted_token (PlStore        *store,
                                        PlRecord       *record);
/* Ids of the rows of @type deleted with @token. */
GArray     *pl_store_ids_deleted_with  (PlStore        *store,
                                        GType           type,
                                        gint64          token);
gboolean    pl_store_undelete          (PlStore        *store,
                                        PlRecord       *record,
                                        gint64          token,
                                        const char     *now,
                                        GError        **error);
/* Moves among live siblings; returns the new positions through renumbering. */
gboolean    pl_store_move              (PlStore        *store,
                                        PlRecord       *record,
                                        guint           position,
                                        const char     *now,
                                        GError        **error);
/* Feedback quoting @record's text: recomputes orphaned against @text.
 * Returns the ids whose orphaned flag changed. */
GArray     *pl_store_update_orphans    (PlStore        *store,
                                        int             target_kind,
                                        gint64          target_id,
                                        const char     *text,
                                        GError        **error);
gboolean    pl_store_reassign_feedback (PlStore        *store,
                                        gint64          from_stakeholder,
                                        gint64          to_stakeholder,
                                        const char     *now,
                                        GError        **error);

/* Whether feedback @id matches @query. */
gboolean    pl_store_feedback_matches  (PlStore               *store,
                                        const PlFeedbackQuery *query,
                                        gint64                 id);
/* Ids of matching feedback at positions [@offset, @offset + @limit). */
GArray     *pl_store_query_feedback_range (PlStore               *store,
                                        const PlFeedbackQuery *query,
                                        guint                  offset,
                                        guint                  limit,
                                        GError               **error);
/* Ids of every matching item, newest first, in one statement (one sort
 * for a search, not one per page), and how many of them are open. */
GArray     *pl_store_query_feedback_ids (PlStore               *store,
                                        const PlFeedbackQuery *query,
                                        guint                 *open_count,
                                        GError               **error);
/* Whether the feedback table can still be read (a cheap look, for answers
 * given from memory: a file broken behind the document's back says so). */
gboolean    pl_store_feedback_readable (PlStore               *store,
                                        GError               **error);
/* The ids of the live feedback whose text (quote, body, response) the
 * search words of a PlFeedbackQuery match, as a set (id -> id), or NULL
 * with @error. *@any is TRUE when the words are no search at all (nothing
 * but punctuation), which matches everything, as in the query. */
GHashTable *pl_store_feedback_text_ids (PlStore               *store,
                                        const char            *text,
                                        gboolean              *any,
                                        GError               **error);
/* The matching feedback rows at [@offset, @offset + @limit), newest
 * first, as new objects (not attached to a document). */
GPtrArray  *pl_store_load_feedback_range (PlStore             *store,
                                        const PlFeedbackQuery *query,
                                        guint                  offset,
                                        guint                  limit,
                                        GError               **error);
/* How many items match, and how many of them are open. O(1) for the
 * unfiltered query. */
gboolean    pl_store_count_feedback    (PlStore               *store,
                                        const PlFeedbackQuery *query,
                                        guint                 *n_items,
                                        guint                 *open_count,
                                        GError               **error);
/* Number of matching items sorting before (captured_at, id). */
guint       pl_store_feedback_rank     (PlStore               *store,
                                        const PlFeedbackQuery *query,
                                        const char            *captured_at,
                                        gint64                 id);

/* FTS: returns PlSearchHit*. */
GPtrArray  *pl_store_search            (PlStore        *store,
                                        const char     *query,
                                        guint           limit,
                                        GError        **error);
/* Turns user words into a safe FTS5 query ("a b*"), or NULL if empty:
 * each term once, at most PL_STORE_FTS_MAX_TERMS terms of at most
 * PL_STORE_FTS_MAX_TERM_CHARS characters (the rest is left out). */
#define PL_STORE_FTS_MAX_TERMS       32
#define PL_STORE_FTS_MAX_TERM_CHARS  64
char       *pl_store_fts_query         (const char     *words);

GPtrArray  *pl_store_check             (PlStore        *store,
                                        GError        **error);

G_END_DECLS
