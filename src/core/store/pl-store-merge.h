/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "pl-store.h"

G_BEGIN_DECLS

/*
 * The rows of a document as the merge sees them: by UUID, every field as
 * text (NULL for a missing reference), references to other rows turned
 * into the UUIDs of those rows, so that rows of two files compare.
 */
typedef struct {
  char      *uuid;
  char      *created_at;
  char      *updated_at;
  gint64     deleted;    /* the file's own delete token, 0 if live */
  gint64     position;
  GPtrArray *values;     /* char *, one per field of the table */
} PlMergeRow;

void        pl_merge_row_free           (PlMergeRow *row);
PlMergeRow *pl_merge_row_copy           (const PlMergeRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlMergeRow, pl_merge_row_free)

/* The tables a merge visits, parents before children, NULL-terminated. */
const char *const *pl_store_merge_tables (void);
/* The field columns of @table (char *), in the order of PlMergeRow.values. */
GPtrArray  *pl_store_merge_fields       (PlStore     *store,
                                         const char  *table,
                                         GError     **error);
/* Every row of @table, deleted ones too, in position order. */
GPtrArray  *pl_store_merge_load         (PlStore     *store,
                                         const char  *table,
                                         GError     **error);
/* Every row of @table with only its UUID, updated_at and deleted mark
 * (values NULL): what a merge needs of most master rows. */
GPtrArray  *pl_store_merge_load_stubs   (PlStore     *store,
                                         const char  *table,
                                         GError     **error);
/* Reads the rest of a stub row (no-op for a full one). */
gboolean    pl_store_merge_fill_stub    (PlStore     *store,
                                         const char  *table,
                                         PlMergeRow  *row,
                                         GError     **error);
/* The rows of @table changed after @since, and those whose UUID is not
 * in @known (a set); @n_skipped counts the others. */
GPtrArray  *pl_store_merge_load_changed (PlStore     *store,
                                         const char  *table,
                                         const char  *since,
                                         GHashTable  *known,
                                         guint       *n_skipped,
                                         GError     **error);
/* Inserts @row (@insert) or replaces the fields, deleted mark and
 * updated_at of the row with its UUID. */
gboolean    pl_store_merge_write        (PlStore          *store,
                                         const char       *table,
                                         const PlMergeRow *row,
                                         gboolean          insert,
                                         GError          **error);
/* A delete token no row of the file uses yet. */
gint64      pl_store_merge_new_token    (PlStore     *store);
/* The strategy's UUID ("" if none). */
char       *pl_store_merge_strategy_uuid (PlStore    *store);
/* The latest updated_at of any row ("" if none). */
char       *pl_store_merge_latest_change (PlStore    *store);

/* Which file this is: written at the first write of a session when the
 * file has no identity yet or sits at another path than the one it was
 * given (a copy): then it gets a new instance UUID, remembers the one it
 * came from and the latest change it held when it forked. */
typedef struct {
  char *uuid;       /* "" if the file never had a write since format 4 */
  char *origin;
  char *forked_at;
} PlFileInstance;

void        pl_file_instance_clear      (PlFileInstance *instance);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PlFileInstance, pl_file_instance_clear)
gboolean    pl_store_get_instance       (PlStore        *store,
                                         PlFileInstance *out,
                                         GError        **error);
/* Gives the file an identity now if it needs one (inside a write). */
/* Before a row of a copy is changed for the first time since the copy
 * was made: keeps the row as it was (see pl_store_merge_find_version). */
gboolean    pl_store_merge_note_edit    (PlStore        *store,
                                         const char     *table,
                                         gint64          id,
                                         GError        **error);
gboolean    pl_store_ensure_instance    (PlStore        *store,
                                         GError        **error);

/* What the master last merged from source instance @source: the latest
 * change of the source it has seen (NULL if never merged). */
char       *pl_store_merge_get_seen     (PlStore     *store,
                                         const char  *source);
gboolean    pl_store_merge_set_seen     (PlStore     *store,
                                         const char  *source,
                                         const char  *seen,
                                         const char  *now,
                                         GError     **error);
/* A row's earlier fields, kept when a merge overwrote them, so that a
 * later merge from a copy of that older state finds its base. */
gboolean    pl_store_merge_keep_version (PlStore          *store,
                                         const PlMergeRow *row,
                                         GError          **error);
/* The newest kept version of @uuid changed at or before @when, or NULL. */
PlMergeRow *pl_store_merge_find_version (PlStore     *store,
                                         const char  *uuid,
                                         const char  *when,
                                         GError     **error);

/* For tests: the file fills up after @pages more pages (0 = no limit). */
void        pl_store_merge_limit_pages_for_test (PlStore *store,
                                                 gint64   pages);

G_END_DECLS
