/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A test VFS: SQLite's default VFS, except that once armed it fails the
 * Nth read, write, sync or truncation (or, persistent, every one from the
 * Nth on). Installed as the default VFS of the test process, so the store
 * opens documents on it without knowing. It has no xFetch, so SQLite reads
 * pages with xRead (no mmap) and every read can fail. */

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  PL_FAULT_READ,
  PL_FAULT_WRITE,
  PL_FAULT_SYNC,
  PL_FAULT_TRUNCATE,
  PL_FAULT_N_OPS
} PlFaultOp;

/* Registers the VFS "pl-fault" as the default. */
void         pl_fault_vfs_install   (void);
/* From now on, count calls of every kind and fail the @nth call of @op
 * (1-based) with @rc (SQLITE_IOERR: the extended code of the call;
 * SQLITE_FULL: the disk is full). */
void         pl_fault_vfs_arm       (PlFaultOp    op,
                                     guint        nth,
                                     int          rc,
                                     gboolean     persistent);
void         pl_fault_vfs_disarm    (void);
/* Calls of @op since the last arm. */
guint        pl_fault_vfs_count     (PlFaultOp    op);
/* How many calls failed since the last arm. */
guint        pl_fault_vfs_fired     (void);
const char  *pl_fault_op_name       (PlFaultOp    op);

G_END_DECLS
