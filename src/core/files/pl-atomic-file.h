/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PL_TYPE_ATOMIC_FILE (pl_atomic_file_get_type ())
G_DECLARE_FINAL_TYPE (PlAtomicFile, pl_atomic_file, PL, ATOMIC_FILE, GObject)

PlAtomicFile  *pl_atomic_file_new            (const char    *path,
                                              GError       **error);
const char    *pl_atomic_file_get_path       (PlAtomicFile  *self);
const char    *pl_atomic_file_get_temp_path  (PlAtomicFile  *self);
GOutputStream *pl_atomic_file_get_stream     (PlAtomicFile  *self);
gboolean       pl_atomic_file_commit         (PlAtomicFile  *self,
                                              gboolean       replace,
                                              GError       **error);
void           pl_atomic_file_abort          (PlAtomicFile  *self);

G_END_DECLS
