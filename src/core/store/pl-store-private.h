/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>
#include <sys/stat.h>

#include "pl-enums.h"
#include "pl-error.h"
#include "pl-record-loading.h"
#include "pl-store.h"
#include "pl-store-schema.h"

G_BEGIN_DECLS

/*
 * What the parts of PlStore share: pl-store.c (opening, locking,
 * transactions), pl-store-migrate.c, pl-store-rows.c (row mapping, loads),
 * pl-store-write.c, pl-store-feedback.c (feedback queries),
 * pl-store-search.c (FTS) and pl-store-check.c (integrity).
 */
struct _PlStore
{
  sqlite3    *db;
  char       *path;
  char       *display_name;
  int         lock_fd;
  int         version;
  gboolean    read_only;
  gboolean    opened;      /* fully opened (checked, migrated) */
  gboolean    write_ready; /* checked for damage, in WAL mode: may write */
  int         upgraded_from; /* format the file had before this session, or 0 */
  gboolean    in_memory;   /* an old format upgraded in memory, for reading */
  gboolean    had_side_files; /* a -wal or -shm was there before we opened */
  gboolean    instance_checked; /* the file's identity was looked at (pl-store-merge.c) */
  char       *fork_time;       /* a copy's forked_at, NULL for an original (pl-store-merge.c) */
  char       *read_only_reason;
  guint       depth;
  GHashTable *statements;  /* SQL text -> sqlite3_stmt */
  GHashTable *by_id;       /* type | even_deleted -> the statement of pl_store_load_one() */
};

/* pl-store.c */
/* Turns an SQLite result code into a PL_DOCUMENT_ERROR that says what to do;
 * @what is the (translated) verb: "read", "save", ... */
void          _pl_store_set_sqlite_error (PlStore        *store,
                                          GError        **error,
                                          int             rc,
                                          const char     *what);
/* A cached statement for @sql, reset and unbound (owned by the store). */
sqlite3_stmt *_pl_store_prepare          (PlStore        *store,
                                          const char     *sql,
                                          GError        **error);
/* Runs a bound write statement to its end, then resets and unbinds it;
 * a failure becomes a "could not save" error. */
gboolean      _pl_store_step_done        (PlStore        *store,
                                          sqlite3_stmt   *stmt,
                                          GError        **error);
gboolean      _pl_store_exec             (PlStore        *store,
                                          const char     *sql,
                                          GError        **error);
/* The first column of the first row of @sql (0 if none). */
gint64        _pl_store_query_int        (PlStore        *store,
                                          const char     *sql,
                                          int            *rc_out);
gboolean      _pl_store_check_writable   (PlStore        *store,
                                          GError        **error);

/* pl-store-side-files.c */
typedef struct {
  gboolean  wal;          /* a trusted -wal exists */
  gboolean  wal_hot;      /* ... and holds changes */
  gboolean  shm;          /* a trusted -shm exists */
  gboolean  journal_hot;  /* a trusted -journal holds changes */
  char     *foreign;      /* display name of a side file that cannot be trusted and is still there */
} PlSideFiles;

/* Looks at the document's side files without following links. Untrusted
 * ones that hold no changes are removed when @may_remove; returns FALSE when
 * an untrusted one is left (named in @out->foreign). */
gboolean      _pl_store_inspect_side_files (PlStore           *store,
                                            const struct stat *doc,
                                            gboolean           may_remove,
                                            PlSideFiles       *out);
void          _pl_side_files_clear       (PlSideFiles    *side);
/* After a failed open: removes an empty -wal and a -shm SQLite made. */
void          _pl_store_remove_new_side_files (PlStore   *store);
/* "file:/absolute/path?@query" for sqlite3_open_v2 with SQLITE_OPEN_URI. */
char         *_pl_store_file_uri         (const char     *path,
                                          const char     *query);

/* pl-store-validate.c */
/* Every table and column of the file's format version is there. */
gboolean      _pl_store_validate_schema  (PlStore        *store,
                                          GError        **error);
/* PRAGMA quick_check: refuses a damaged file with a way to recover. */
gboolean      _pl_store_quick_check      (PlStore        *store,
                                          GError        **error);
/* Replaces the connection by one to an in-memory copy of the file. */
gboolean      _pl_store_copy_to_memory   (PlStore        *store,
                                          GError        **error);

/* Set on every connection to a document. mmap reads avoid a copy per page
 * for big documents. synchronous = FULL syncs the WAL at every commit, so an
 * edit reported saved survives a power cut (NORMAL could lose every edit
 * since the last checkpoint: tests/reliability/test-power-loss); it costs
 * one fdatasync per edit, a few milliseconds. temp_store = MEMORY keeps the
 * statement journal of each write inside a transaction (a savepoint per
 * edit) in memory: in a file it took 64,000 page writes to import one
 * returned review copy, three quarters of the import's time. A crash loses
 * nothing by it: the statement journal only undoes a failed statement. */
#define PL_STORE_SESSION_PRAGMAS \
  "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA mmap_size = 268435456; " \
  "PRAGMA temp_store = MEMORY;"

/* pl-store-migrate.c */
/* Before the first write to an old file read through an in-memory
 * upgrade: upgrades the file itself and reads from it from now on. */
gboolean      _pl_store_upgrade_file     (PlStore        *store,
                                          GError        **error);
gboolean      _pl_store_migrate          (PlStore        *store,
                                          int             from,
                                          int             to,
                                          GError        **error);

/* pl-store-rows.c */
/* The column of a property: its name with '_' for '-'. */
char         *_pl_store_column_name      (GParamSpec     *pspec);
void          _pl_store_bind_value       (sqlite3_stmt   *stmt,
                                          int             index,
                                          GParamSpec     *pspec,
                                          const GValue   *value);
/* "SELECT id, uuid, created_at, updated_at, position, <columns> FROM t",
 * lazy columns left out, each column prefixed with @prefix. */
char         *_pl_store_select_sql       (PlRecordClass  *klass,
                                          const char     *prefix);
/* The column holding a record's parent id, or NULL. */
char         *_pl_store_parent_column    (PlRecordClass  *klass);
/* Records of @type from the rows of @stmt (made by _pl_store_select_sql). */
GPtrArray    *_pl_store_load_rows        (PlStore        *store,
                                          GType           type,
                                          sqlite3_stmt   *stmt,
                                          GError        **error);

G_END_DECLS
