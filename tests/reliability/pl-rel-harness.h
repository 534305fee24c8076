/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The parent side of the crash-safety and power-loss harnesses: running
 * the edit stream (pl-rel-child), reading its log, checking a document the
 * way a user would after a crash, and finding which acknowledged state a
 * document holds. */

#include <gio/gio.h>

G_BEGIN_DECLS

/* Rounds from the environment variable @name (build-aux/reliability.sh sets
 * them), else @fallback. */
guint        pl_rel_env_uint         (const char  *name,
                                      guint        fallback);
/* A path the meson test environment gives in @variable, or a skip. */
const char  *pl_rel_env_path         (const char  *variable);

gboolean     pl_rel_copy_file        (const char  *from,
                                      const char  *to,
                                      GError     **error);
/* Removes @path and its -wal, -shm and -journal. */
void         pl_rel_remove_document  (const char  *path);

/* Starts pl-rel-child on @doc. @env: extra NULL-terminated "NAME=value"
 * pairs (the power-cut shim). Its standard error goes to @stderr_path. */
GSubprocess *pl_rel_spawn_child      (const char  *doc,
                                      const char  *log,
                                      guint32      seed,
                                      guint        edits,
                                      const char  *const *env,
                                      const char  *stderr_path,
                                      GError     **error);

/* The state hashes of a child's log, in edit order (edit k at k - 1). */
GPtrArray   *pl_rel_read_log         (const char  *log);

/* Runs "pillars-cli check @path"; TRUE if it exited 0 and said there are no
 * problems. The output goes into @output. */
gboolean     pl_rel_cli_check        (const char  *path,
                                      char       **output);
/* Opens @path as the window does, runs the document's integrity check
 * (SQLite's integrity_check and the schema), and returns the state hash,
 * or NULL with a message in @problem. @dump_out gets the dump. */
char        *pl_rel_check_document   (const char  *path,
                                      char       **dump_out,
                                      char       **problem);

/* Which state @hash is: 0 for @hash0 (the state the round began with),
 * k for the k-th logged edit, log->len + 1 for the next edit, learned by
 * replaying @seed on a copy of @base in @scratch_dir. -1 if none of them. */
int          pl_rel_find_state       (const char  *hash,
                                      const char  *hash0,
                                      GPtrArray   *log,
                                      const char  *base,
                                      guint32      seed,
                                      const char  *scratch_dir,
                                      gboolean    *replayed);

G_END_DECLS
